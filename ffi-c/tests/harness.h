/*
 * A minimal test harness shared by the C tests: checks that count and
 * report, and file reading. Valid C99 and C++17.
 */
#ifndef CT_TEST_HARNESS_H
#define CT_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <complaint_triage.h>

static int t_checks = 0;
static int t_failures = 0;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        t_checks++;                                                                    \
        if (!(cond)) {                                                                 \
            t_failures++;                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
        }                                                                              \
    } while (0)

#define CHECK_RC(expr, expected)                                                       \
    do {                                                                               \
        ct_result t_rc_ = (expr);                                                      \
        ct_result t_want_ = (ct_result)(expected);                                     \
        t_checks++;                                                                    \
        if (t_rc_ != t_want_) {                                                        \
            t_failures++;                                                              \
            fprintf(stderr, "%s:%d: %s returned %u (%s), expected %u (%s)\n",          \
                    __FILE__, __LINE__, #expr, (unsigned)t_rc_, ct_result_name(t_rc_), \
                    (unsigned)t_want_, ct_result_name(t_want_));                       \
        }                                                                              \
    } while (0)

/* Prints the summary line and returns the process exit status. */
static inline int t_finish(const char *name) {
    printf("%s: %d checks, %d failures\n", name, t_checks, t_failures);
    return t_failures == 0 ? 0 : 1;
}

/* Reads a whole file into a malloc'ed buffer (NUL-terminated); NULL on error. */
static inline char *t_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        size_t got;
        if (n + 4096 + 1 > cap) {
            size_t new_cap = cap == 0 ? 8192 : cap * 2;
            char *grown = (char *)realloc(buf, new_cap);
            if (grown == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
            cap = new_cap;
        }
        got = fread(buf + n, 1, 4096, f);
        n += got;
        if (got < 4096) {
            break;
        }
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

#endif

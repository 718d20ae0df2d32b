/*
 * Several pthreads grading concurrently, sharing one policy read-only,
 * must give exactly the results of one thread: the library holds no
 * global state. Half the threads grade by the blob (ct_assess), half by
 * one shared handle (ct_assess_with).
 *
 * Usage: test_threads VECTORS.json [ROUNDS]
 */
#include "harness.h"
#include "json_reader.h"

#include <pthread.h>

#define THREADS 8

static ct_policy policy;
static ct_policy_handle *handle;
static const j_val *cases;
static char **expected; /* the single-threaded JSON of every case */
static int rounds = 20;

typedef struct {
    int by_handle; /* grade with ct_assess_with and the shared handle */
    int mismatches;
    int errors;
    unsigned long graded;
} worker_result;

static char *grade(const j_val *record, char *buf, int by_handle, ct_result *rc) {
    ct_complaint c;
    ct_assessment a;
    size_t n = 0;
    *rc = ct_complaint_from_json(record->str, record->len, &c, NULL);
    if (*rc == CT_OK) {
        *rc = by_handle ? ct_assess_with(handle, &c, &a) : ct_assess(&c, &policy, &a);
    }
    if (*rc == CT_OK) {
        *rc = ct_assessment_to_json(&a, buf, CT_MAX_ASSESSMENT_JSON, &n);
    }
    return *rc == CT_OK ? buf : NULL;
}

static void *worker(void *arg) {
    worker_result *res = (worker_result *)arg;
    char *buf = (char *)malloc(CT_MAX_ASSESSMENT_JSON);
    int r;
    size_t i;
    for (r = 0; r < rounds; r++) {
        for (i = 0; i < cases->n; i++) {
            const j_val *record = j_get(&cases->items[i], "record_json");
            ct_result rc;
            const char *json = grade(record, buf, res->by_handle, &rc);
            if (json == NULL) {
                res->errors++;
            } else if (strcmp(json, expected[i]) != 0) {
                res->mismatches++;
            }
            res->graded++;
        }
    }
    free(buf);
    return NULL;
}

int main(int argc, char **argv) {
    size_t i;
    j_val doc;
    pthread_t threads[THREADS];
    worker_result results[THREADS];
    char *buf;
    unsigned long total = 0;
    int t;

    if (argc < 2) {
        fprintf(stderr, "usage: %s VECTORS.json [ROUNDS]\n", argv[0]);
        return 2;
    }
    if (argc > 2) {
        rounds = atoi(argv[2]);
    }
    if (!j_load_file(argv[1], &doc)) {
        return 2;
    }
    cases = j_get(&doc, "cases");
    CHECK(cases != NULL && cases->type == J_ARR && cases->n > 0);
    CHECK_RC(ct_policy_default(&policy), CT_OK);
    CHECK_RC(ct_policy_new(&policy, &handle), CT_OK);

    /* One thread first: the reference. */
    buf = (char *)malloc(CT_MAX_ASSESSMENT_JSON);
    expected = (char **)calloc(cases->n, sizeof(char *));
    for (i = 0; i < cases->n; i++) {
        ct_result rc;
        const char *json = grade(j_get(&cases->items[i], "record_json"), buf, 0, &rc);
        CHECK_RC(rc, CT_OK);
        expected[i] = (char *)malloc(json ? strlen(json) + 1 : 1);
        strcpy(expected[i], json ? json : "");
    }
    free(buf);

    for (t = 0; t < THREADS; t++) {
        memset(&results[t], 0, sizeof results[t]);
        results[t].by_handle = t % 2;
        CHECK(pthread_create(&threads[t], NULL, worker, &results[t]) == 0);
    }
    for (t = 0; t < THREADS; t++) {
        CHECK(pthread_join(threads[t], NULL) == 0);
        CHECK(results[t].errors == 0);
        CHECK(results[t].mismatches == 0);
        total += results[t].graded;
    }
    CHECK(total == (unsigned long)THREADS * (unsigned long)rounds * cases->n);
    printf("test_threads: %d threads graded %lu records, each compared with the one-thread result\n", THREADS,
           total);

    for (i = 0; i < cases->n; i++) {
        free(expected[i]);
    }
    free(expected);
    ct_policy_free(handle);
    j_free(&doc);
    return t_finish("test_threads");
}

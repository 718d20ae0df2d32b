/*
 * Bad input from C: every file given on the command line (the
 * JSONTestSuite parsing cases), every truncation and byte mutation of the
 * golden vector records, and hand-made malicious documents, fed to the
 * three JSON entry points. Each must give CT_OK or a 2xx JSON error -
 * never a crash, a hang or a read past the `len` bytes given (each input
 * is copied into a buffer of exactly `len` bytes, so AddressSanitizer and
 * valgrind catch any over-read).
 *
 * Usage: test_robustness VECTORS.json [FILE...]
 */
#include "harness.h"
#include "json_reader.h"

#include <stdint.h>

static ct_policy policy;
static unsigned long fed = 0, accepted = 0;

static int is_json_error(ct_result rc) {
    return rc >= CT_ERR_JSON_INVALID_JSON && rc <= CT_ERR_JSON_INVALID_POLICY;
}

/* Feeds `len` bytes, copied into an exact-size heap buffer, to every parser. */
static void feed(const char *data, size_t len, const char *what) {
    char *copy = (char *)malloc(len == 0 ? 1 : len);
    ct_complaint c;
    ct_policy *p = (ct_policy *)malloc(sizeof(ct_policy));
    ct_outcome o;
    ct_error err;
    ct_result rc;
    if (copy == NULL || p == NULL) {
        free(copy);
        free(p);
        CHECK(!"out of memory");
        return;
    }
    if (len > 0) {
        memcpy(copy, data, len);
    }
    fed++;
    rc = ct_complaint_from_json(copy, len, &c, &err);
    t_checks++;
    if (rc == CT_OK) {
        ct_assessment a;
        accepted++;
        CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
    } else if (!is_json_error(rc) || err.result != rc || err.kind != rc - 200u ||
               strlen(err.message) == 0) {
        t_failures++;
        fprintf(stderr, "%s: ct_complaint_from_json gave %s\n", what, ct_result_name(rc));
    }
    rc = ct_policy_from_json(copy, len, p, &err);
    CHECK(rc == CT_OK || is_json_error(rc));
    rc = ct_outcome_from_json(copy, len, &o, &err);
    CHECK(rc == CT_OK || is_json_error(rc));
    free(p);
    free(copy);
}

static void feed_str(const char *s, const char *what) {
    feed(s, strlen(s), what);
}

/* A deterministic pseudo-random generator (xorshift32). */
static uint32_t rng_state = 2463534242u;
static uint32_t rng(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static void truncations_and_mutations(const j_val *doc) {
    const j_val *cases = j_get(doc, "cases");
    size_t i, k;
    unsigned long before = fed;
    static const char noise[] = "{}[]\",:\\ \x00\xff\xc3\xa9\xed\xa0\x80" "01e-+.tfn";
    if (cases == NULL || cases->type != J_ARR) {
        CHECK(!"vectors have no cases");
        return;
    }
    for (i = 0; i < cases->n; i++) {
        const j_val *rec = j_get(&cases->items[i], "record_json");
        char *m;
        if (rec == NULL || rec->type != J_STR) {
            continue;
        }
        /* Every prefix. */
        for (k = 0; k < rec->len; k++) {
            feed(rec->str, k, "truncated record");
        }
        /* Mutations: one or a few bytes replaced, a byte deleted. */
        m = (char *)malloc(rec->len + 1);
        for (k = 0; k < 200; k++) {
            size_t j, changes = 1 + rng() % 3;
            memcpy(m, rec->str, rec->len);
            for (j = 0; j < changes && rec->len > 0; j++) {
                m[rng() % rec->len] = noise[rng() % (sizeof noise - 1)];
            }
            feed(m, rec->len, "mutated record");
            if (rec->len > 1) {
                size_t at = rng() % rec->len;
                memcpy(m, rec->str, at);
                memcpy(m + at, rec->str + at + 1, rec->len - at - 1);
                feed(m, rec->len - 1, "record with a byte deleted");
            }
        }
        free(m);
    }
    printf("test_robustness: %lu truncated or mutated records\n", fed - before);
}

static char *repeat(const char *head, const char *unit, size_t times, const char *tail,
                    size_t *len) {
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail), i;
    char *s = (char *)malloc(hl + ul * times + tl + 1);
    memcpy(s, head, hl);
    for (i = 0; i < times; i++) {
        memcpy(s + hl + i * ul, unit, ul);
    }
    memcpy(s + hl + ul * times, tail, tl);
    s[hl + ul * times + tl] = '\0';
    *len = hl + ul * times + tl;
    return s;
}

static void malicious(void) {
    static const char *const docs[] = {
        "",
        " ",
        "{",
        "}",
        "{\"",
        "{\"id\"",
        "{\"id\":",
        "{\"id\":\"",
        "{\"id\":\"\\",
        "{\"id\":\"\\u12",
        "{\"id\":\"\\ud800\"}",
        "{\"id\":\"\\udc00\\ud800\"}",
        "{\"id\":\"\\u0000\"}",
        "{\"id\":\"a\\u0000b\"}",
        "{\"id\":\"\xc0\xaf\"}",
        "{\"id\":\"\xed\xa0\x80\"}",
        "{\"id\":\"\xf4\x90\x80\x80\"}",
        "\xef\xbb\xbf{}",
        "{}\x00",
        "{} {}",
        "{}garbage",
        "{\"emotion\":1e999999}",
        "{\"emotion\":-0}",
        "{\"emotion\":-1}",
        "{\"emotion\":00}",
        "{\"emotion\":0x1}",
        "{\"emotion\":NaN}",
        "{\"emotion\":Infinity}",
        "{\"direct_loss\":18446744073709551616}",
        "{\"direct_loss\":99999999999999999999999999999999999999999999999999999999999}",
        "{\"direct_loss\":-9223372036854775809}",
        "{\"threats\":[\"media\",]}",
        "{\"threats\":[,]}",
        "{\"threats\":{\"media\":1}}",
        "{\"threats\":\"media\"}",
        "{\"text\":[\"a\"]}",
        "{\"text\":null}",
        "{\"id\":null}",
        "{\"safety_incident\":1}",
        "{\"safety_incident\":tru}",
        "{'id':'x'}",
        "{\"id\":\"x\",}",
        "{,}",
        "{\"a\" \"b\"}",
        "{\"\\u0069d\":\"escaped key\"}",
        "[",
        "\"just a string\"",
        "12",
        "null",
        "{\"points\":{\"threat.media\":{\"impact\":101}}}",
        "{\"points\":{\"threat.media\":{\"impact\":-101}}}",
        "{\"bands\":{\"emotion\":[9,7,4]}}",
        "{\"grade_matrix\":[[\"minor\"]]}",
        "{\"effect\":{\"satisfaction\":[1,2,3,4,5,6]}}",
        "{\"satisfaction\":0}",
        "{\"hours_to_resolve\":1000001}",
    };
    size_t i, len;
    char *s;
    for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        feed_str(docs[i], docs[i]);
    }
    /* Inputs with embedded NUL bytes, given with their full length. */
    feed("{\"id\":\"a\0b\"}", 12, "NUL in a string");
    feed("{\0}", 3, "NUL in the object");
    /* Deep nesting, long strings, huge documents, many keys. */
    s = repeat("", "[", 100000, "", &len);
    feed(s, len, "100000 [");
    free(s);
    s = repeat("{\"threats\":", "[", 50000, "", &len);
    feed(s, len, "deep list field");
    free(s);
    s = repeat("", "{\"a\":", 50000, "", &len);
    feed(s, len, "deep objects");
    free(s);
    s = repeat("{\"text\":\"", "\xe6\x9b\x9d", 20000, "\"}", &len);
    feed(s, len, "long text");
    free(s);
    s = repeat("{\"text\":\"", "\\u66dd", 20000, "\"}", &len);
    feed(s, len, "long escaped text");
    free(s);
    s = repeat("{\"id\":\"", "x", 1000000, "\"}", &len);
    feed(s, len, "1 MB id");
    free(s);
    s = repeat("{\"text\":\"", "y", 65536, "\"}", &len);
    feed(s, len, "64 KiB text");
    free(s);
    s = repeat("{", "\"id\":\"x\",", 5000, "\"id\":\"y\"}", &len);
    feed(s, len, "5000 duplicate keys");
    free(s);
    s = repeat("{\"threats\":[", "\"media\",", 5000, "\"media\"]}", &len);
    feed(s, len, "5000 list entries");
    free(s);
    s = repeat("{\"emotion\":", "9", 5000, "}", &len);
    feed(s, len, "5000-digit number");
    free(s);
    s = repeat("{\"", "k", 100000, "\":1}", &len);
    feed(s, len, "100000-byte key");
    free(s);
    s = repeat("{\"text\":\"", "\\", 40001, "\"}", &len);
    feed(s, len, "odd backslashes");
    free(s);
}

int main(int argc, char **argv) {
    int i;
    j_val doc;
    unsigned long files = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s VECTORS.json [FILE...]\n", argv[0]);
        return 2;
    }
    CHECK_RC(ct_policy_default(&policy), CT_OK);
    if (!j_load_file(argv[1], &doc)) {
        return 2;
    }
    for (i = 2; i < argc; i++) {
        size_t n = 0;
        char *data = t_read_file(argv[i], &n);
        if (data == NULL) {
            CHECK(!"cannot read a test file");
            continue;
        }
        feed(data, n, argv[i]);
        free(data);
        files++;
    }
    printf("test_robustness: %lu files fed\n", files);
    truncations_and_mutations(&doc);
    malicious();
    printf("test_robustness: %lu inputs, %lu accepted as records, the rest refused with a JSON "
           "error\n",
           fed, accepted);
    j_free(&doc);
    return t_finish("test_robustness");
}

/*
 * The golden vectors through C: every case's record_json ->
 * ct_complaint_from_json -> ct_assess -> ct_assessment_to_json must equal
 * expected_json byte for byte; every error case must give the matching
 * result code, kind, field, list index, byte offset and message.
 *
 * Usage: test_vectors VECTORS.json
 */
#include "harness.h"
#include "json_reader.h"

#include <stdint.h>

static ct_policy policy;
static char *json_buf;

static const char *str_of(const j_val *v) {
    return (v != NULL && v->type == J_STR) ? v->str : NULL;
}

static void run_case(const j_val *c, int *passed) {
    const char *name = str_of(j_get(c, "name"));
    const j_val *record = j_get(c, "record_json");
    const j_val *expected = j_get(c, "expected_json");
    ct_complaint complaint;
    ct_assessment a;
    ct_error err;
    ct_routing routing;
    size_t n = 0;
    ct_result rc;

    if (name == NULL || record == NULL || record->type != J_STR || expected == NULL ||
        expected->type != J_STR) {
        t_checks++;
        t_failures++;
        fprintf(stderr, "malformed case %s\n", name ? name : "?");
        return;
    }
    rc = ct_complaint_from_json(record->str, record->len, &complaint, &err);
    if (rc != CT_OK) {
        t_checks++;
        t_failures++;
        fprintf(stderr, "case %s: ct_complaint_from_json: %s: %s\n", name, ct_result_name(rc),
                err.message);
        return;
    }
    CHECK_RC(ct_assess(&complaint, &policy, &a), CT_OK);
    CHECK_RC(ct_assessment_validate(&a), CT_OK);
    CHECK_RC(ct_route(&a, &routing), CT_OK);
    CHECK_RC(ct_assessment_to_json(&a, json_buf, CT_MAX_ASSESSMENT_JSON, &n), CT_OK);
    t_checks++;
    if (n != expected->len || memcmp(json_buf, expected->str, n) != 0) {
        size_t i = 0;
        t_failures++;
        while (i < n && i < expected->len && json_buf[i] == expected->str[i]) {
            i++;
        }
        fprintf(stderr, "case %s: JSON differs at byte %lu\n  got:      %.120s\n  expected: %.120s\n",
                name, (unsigned long)i, json_buf + i, expected->str + (i < expected->len ? i : 0));
        return;
    }
    /* The exact-size buffer works; one byte less is refused. */
    {
        char *exact = (char *)malloc(n + 1);
        size_t w = 0;
        CHECK_RC(ct_assessment_to_json(&a, exact, n + 1, &w), CT_OK);
        CHECK(w == n && memcmp(exact, expected->str, n) == 0 && exact[n] == '\0');
        CHECK_RC(ct_assessment_to_json(&a, exact, n, &w), CT_ERR_BUFFER_TOO_SMALL);
        free(exact);
    }
    (*passed)++;
}

static void run_error(const j_val *c, int *passed) {
    const char *name = str_of(j_get(c, "name"));
    const j_val *input = j_get(c, "input");
    const j_val *exp = j_get(c, "expected");
    const char *kind = str_of(j_get(exp, "kind"));
    const char *field = str_of(j_get(exp, "field"));
    const j_val *index = j_get(exp, "index");
    const j_val *offset = j_get(exp, "offset");
    const char *message = str_of(j_get(exp, "message"));
    ct_complaint complaint, before;
    ct_error err;
    uint32_t kind_index = 0;
    ct_result rc;
    long long want_index;
    int ok;

    if (name == NULL || input == NULL || input->type != J_STR || kind == NULL || field == NULL ||
        index == NULL || offset == NULL || offset->type != J_NUM || message == NULL) {
        t_checks++;
        t_failures++;
        fprintf(stderr, "malformed error case %s\n", name ? name : "?");
        return;
    }
    CHECK_RC(ct_lookup_code(CT_VOCAB_ERROR_KIND, kind, strlen(kind), &kind_index), CT_OK);
    want_index = index->type == J_NUM ? index->num : -1;
    CHECK_RC(ct_complaint_init(&complaint), CT_OK);
    memcpy(&before, &complaint, sizeof complaint);
    memset(&err, 0, sizeof err);
    rc = ct_complaint_from_json(input->str, input->len, &complaint, &err);
    ok = rc == 200u + kind_index && err.result == rc && err.kind == kind_index &&
         (long long)err.offset == offset->num && strcmp(err.field, field) == 0 &&
         (long long)err.index == want_index && strcmp(err.message, message) == 0 &&
         memcmp(&complaint, &before, sizeof complaint) == 0;
    t_checks++;
    if (!ok) {
        t_failures++;
        fprintf(stderr,
                "error case %s:\n  got:      %s kind=%u field=\"%s\" index=%d offset=%llu \"%s\"\n"
                "  expected: kind=%s field=\"%s\" index=%lld offset=%lld \"%s\"\n",
                name, ct_result_name(rc), (unsigned)err.kind, err.field, (int)err.index,
                (unsigned long long)err.offset, err.message, kind, field, want_index, offset->num,
                message);
        return;
    }
    (*passed)++;
}

int main(int argc, char **argv) {
    size_t i;
    j_val doc;
    const j_val *cases, *errors, *version;
    int cases_passed = 0, errors_passed = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: %s VECTORS.json\n", argv[0]);
        return 2;
    }
    if (!j_load_file(argv[1], &doc)) {
        return 2;
    }
    version = j_get(&doc, "version");
    cases = j_get(&doc, "cases");
    errors = j_get(&doc, "errors");
    CHECK(version != NULL && version->type == J_NUM && version->num == 1);
    CHECK(cases != NULL && cases->type == J_ARR && cases->n > 0);
    CHECK_RC(ct_policy_default(&policy), CT_OK);
    json_buf = (char *)malloc(CT_MAX_ASSESSMENT_JSON);
    for (i = 0; cases != NULL && i < cases->n; i++) {
        run_case(&cases->items[i], &cases_passed);
    }
    for (i = 0; errors != NULL && errors->type == J_ARR && i < errors->n; i++) {
        run_error(&errors->items[i], &errors_passed);
    }
    printf("test_vectors: %s: %d/%lu cases byte-identical, %d/%lu error cases matched\n", argv[1],
           cases_passed, cases ? (unsigned long)cases->n : 0ul, errors_passed,
           (errors && errors->type == J_ARR) ? (unsigned long)errors->n : 0ul);
    free(json_buf);
    j_free(&doc);
    return t_finish("test_vectors");
}

/*
 * The span vectors through C: every case's record_json ->
 * ct_complaint_from_json -> ct_assess_with (a policy handle) ->
 * ct_assessment_to_json_with_text with the complaint and the case's decoded
 * text must equal
 * expected_json byte for byte: what `complaint-triage score` writes for the
 * record (after its "line" member) and what Python's assess_json writes,
 * with the span of the words behind each reason the text raised.
 *
 * Usage: test_spans SPANS.json
 */
#include "harness.h"
#include "json_reader.h"

static ct_policy policy;
static ct_policy_handle *handle;
static char *json_buf;

static const char *str_of(const j_val *v) {
    return (v != NULL && v->type == J_STR) ? v->str : NULL;
}

static void run_case(const j_val *c, int *passed, int *with_span) {
    const char *name = str_of(j_get(c, "name"));
    const j_val *record = j_get(c, "record_json");
    const j_val *text = j_get(c, "text");
    const j_val *expected = j_get(c, "expected_json");
    ct_complaint complaint;
    ct_assessment a;
    ct_error err;
    size_t n = 0, plain = 0;

    if (name == NULL || record == NULL || record->type != J_STR || text == NULL ||
        text->type != J_STR || expected == NULL || expected->type != J_STR) {
        t_checks++;
        t_failures++;
        fprintf(stderr, "malformed case %s\n", name ? name : "?");
        return;
    }
    CHECK_RC(ct_complaint_from_json(record->str, record->len, &complaint, &err), CT_OK);
    CHECK_RC(ct_assess_with(handle, &complaint, &a), CT_OK);
    CHECK_RC(ct_assessment_to_json_with_text(&a, &complaint, text->str, text->len, json_buf,
                                             CT_MAX_ASSESSMENT_JSON, &n),
             CT_OK);
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
    if (strstr(json_buf, "\"span\":[") != NULL) {
        (*with_span)++;
    } else {
        /* No reason from the text: the plain JSON, byte for byte. */
        char *other = (char *)malloc(CT_MAX_ASSESSMENT_JSON);
        CHECK_RC(ct_assessment_to_json(&a, other, CT_MAX_ASSESSMENT_JSON, &plain), CT_OK);
        CHECK(plain == n && memcmp(other, json_buf, n) == 0);
        free(other);
    }
    /* The exact-size buffer works; one byte less is refused, untouched. */
    {
        char *exact = (char *)malloc(n + 1);
        size_t w = 7;
        CHECK_RC(ct_assessment_to_json_with_text(&a, &complaint, text->str, text->len, exact, n + 1, &w), CT_OK);
        CHECK(w == n && memcmp(exact, expected->str, n) == 0 && exact[n] == '\0');
        w = 7;
        exact[0] = 'x';
        CHECK_RC(ct_assessment_to_json_with_text(&a, &complaint, text->str, text->len, exact, n, &w),
                 CT_ERR_BUFFER_TOO_SMALL);
        CHECK(w == 7 && exact[0] == 'x');
        free(exact);
    }
    (*passed)++;
}

static void bad_arguments(void) {
    ct_complaint c;
    ct_assessment a;
    size_t n = 7;
    static const char bad_utf8[] = "\xff\xfe";
    CHECK_RC(ct_complaint_init(&c), CT_OK);
    CHECK_RC(ct_assess_with(handle, &c, &a), CT_OK);
    CHECK_RC(ct_assessment_to_json_with_text(&a, &c, bad_utf8, 2, json_buf, CT_MAX_ASSESSMENT_JSON, &n),
             CT_ERR_INVALID_UTF8);
    CHECK_RC(ct_assessment_to_json_with_text(NULL, &c, "", 0, json_buf, CT_MAX_ASSESSMENT_JSON, &n),
             CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assessment_to_json_with_text(&a, &c, NULL, 3, json_buf, CT_MAX_ASSESSMENT_JSON, &n),
             CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assessment_to_json_with_text(&a, NULL, "", 0, json_buf, CT_MAX_ASSESSMENT_JSON, &n),
             CT_ERR_NULL_POINTER);
    CHECK(n == 7);
    /* No text at all: the plain JSON. */
    CHECK_RC(ct_assessment_to_json_with_text(&a, &c, NULL, 0, json_buf, CT_MAX_ASSESSMENT_JSON, &n),
             CT_OK);
}

int main(int argc, char **argv) {
    size_t i;
    j_val doc;
    const j_val *cases;
    int passed = 0, with_span = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: %s SPANS.json\n", argv[0]);
        return 2;
    }
    if (!j_load_file(argv[1], &doc)) {
        return 2;
    }
    cases = j_get(&doc, "cases");
    CHECK(cases != NULL && cases->type == J_ARR && cases->n > 0);
    CHECK_RC(ct_policy_default(&policy), CT_OK);
    CHECK_RC(ct_policy_new(&policy, &handle), CT_OK);
    json_buf = (char *)malloc(CT_MAX_ASSESSMENT_JSON);
    for (i = 0; cases != NULL && i < cases->n; i++) {
        run_case(&cases->items[i], &passed, &with_span);
    }
    bad_arguments();
    CHECK(with_span >= 10);
    printf("test_spans: %s: %d/%lu cases byte-identical, %d with spans\n", argv[1], passed,
           (unsigned long)(cases ? cases->n : 0), with_span);
    free(json_buf);
    ct_policy_free(handle);
    j_free(&doc);
    return t_finish("test_spans");
}

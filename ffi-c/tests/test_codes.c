/*
 * The generated code constants (complaint_triage_codes.h) against the
 * library: every constant is the index ct_lookup_code gives its code at
 * run time (or that index's bit, for a list field's vocabulary), and a
 * complaint filled with constants grades as the same record in JSON.
 * Valid C99 and C++17.
 */
#include "harness.h"

#include "codes_cases.h"

static void test_every_constant_matches_the_lookup(void) {
    size_t i, n = sizeof CT_CODE_CASES / sizeof CT_CODE_CASES[0];
    CHECK(n > 100);
    for (i = 0; i < n; i++) {
        const struct ct_code_case *k = &CT_CODE_CASES[i];
        uint32_t index = 0;
        unsigned want;
        CHECK_RC(ct_lookup_code(k->vocab, k->code, strlen(k->code), &index), CT_OK);
        want = k->bits ? 1u << index : (unsigned)index;
        if (want != k->value) {
            fprintf(stderr, "vocabulary %u, code %s: constant %u, library %u\n",
                    (unsigned)k->vocab, k->code, k->value, want);
        }
        CHECK(want == k->value);
    }
}

static void test_a_complaint_from_constants(void) {
    static const char RECORD[] =
        "{\"category\":\"billing\",\"channel\":\"social_media\",\"threats\":[\"media\","
        "\"lawsuit\"],\"rights\":[\"compensation\"],\"jurisdiction\":\"cn_telecom\","
        "\"emotion\":7}";
    ct_policy policy;
    ct_complaint by_hand, from_json;
    ct_assessment a, b;
    ct_error err;
    char ja[CT_MAX_ASSESSMENT_JSON], jb[CT_MAX_ASSESSMENT_JSON];
    size_t na = 0, nb = 0;

    CHECK_RC(ct_policy_default(&policy), CT_OK);
    CHECK_RC(ct_complaint_init(&by_hand), CT_OK);
    by_hand.category = CT_CATEGORY_BILLING;
    by_hand.channel = CT_CHANNEL_SOCIAL_MEDIA;
    by_hand.threats = CT_THREAT_MEDIA | CT_THREAT_LAWSUIT;
    by_hand.rights = CT_RIGHT_COMPENSATION;
    by_hand.jurisdiction = CT_JURISDICTION_CN_TELECOM;
    by_hand.emotion = 7;
    CHECK_RC(ct_complaint_from_json(RECORD, strlen(RECORD), &from_json, &err), CT_OK);
    CHECK(memcmp(&by_hand, &from_json, sizeof by_hand) == 0);

    CHECK_RC(ct_assess(&by_hand, &policy, &a), CT_OK);
    CHECK_RC(ct_assess(&from_json, &policy, &b), CT_OK);
    CHECK_RC(ct_assessment_to_json(&a, ja, sizeof ja, &na), CT_OK);
    CHECK_RC(ct_assessment_to_json(&b, jb, sizeof jb, &nb), CT_OK);
    CHECK(na == nb && memcmp(ja, jb, na) == 0);
    CHECK(a.grade <= CT_GRADE_CRITICAL && a.tier <= CT_TIER_MANAGEMENT);
}

int main(void) {
    test_every_constant_matches_the_lookup();
    test_a_complaint_from_constants();
    return t_finish("test_codes");
}

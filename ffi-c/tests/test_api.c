/*
 * The C API as a C program sees it: every function, every invalid field,
 * NULL pointers, short buffers, names, results, routing, the queue.
 * Valid C99 and C++17 (the C++ build proves the header is C++-clean).
 */
#include "harness.h"

#include <stdint.h>

static const char RECORD[] =
    "{\"id\":\"T-7\",\"category\":\"basic_service\",\"channel\":\"social_media\","
    "\"affected_customers\":2500,\"emotion\":8,\"threats\":[\"media\"],"
    "\"direct_loss\":10000,\"claimed_amount\":50000,"
    "\"text\":\"\\u5168\\u533a\\u65ad\\u7f51\\u4e09\\u5929\\u4e86,"
    "\\u518d\\u4e0d\\u89e3\\u51b3\\u6211\\u5c31\\u627e\\u8bb0\\u8005\\u66dd\\u5149!\"}";

static ct_policy policy;

static void test_version(void) {
    char expected[64];
    snprintf(expected, sizeof expected, "%d.%d.%d", CT_VERSION_MAJOR, CT_VERSION_MINOR,
             CT_VERSION_PATCH);
    CHECK(ct_version() != NULL);
    CHECK(strcmp(ct_version(), expected) == 0);
}

static void test_grade_a_record(void) {
    ct_complaint c;
    ct_assessment a;
    ct_error err;
    char *buf = (char *)malloc(CT_MAX_ASSESSMENT_JSON);
    size_t n = 0;
    const char *name = NULL;

    CHECK_RC(ct_complaint_from_json(RECORD, strlen(RECORD), &c, &err), CT_OK);
    CHECK(c.id_len == 3 && strcmp(c.id, "T-7") == 0);
    CHECK(c.affected_customers == 2500 && c.emotion == 8);
    CHECK(c.threats == 1u); /* bit 0: media */
    CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
    CHECK(a.priority >= 1 && a.priority <= 5);
    CHECK(a.row_count > 0 && a.row_count <= CT_MAX_REASON_ROWS);
    CHECK(strcmp(a.id, "T-7") == 0);
    CHECK(a.has_claim_ratio == 1 && a.claim_ratio_permille == 5000);
    CHECK(a.claim_unreasonable == 1);
    CHECK_RC(ct_name(CT_VOCAB_GRADE, a.grade, CT_LANG_ZH, &name), CT_OK);
    CHECK(name != NULL && strlen(name) > 0);
    CHECK_RC(ct_assessment_validate(&a), CT_OK);

    CHECK_RC(ct_assessment_to_json(&a, buf, CT_MAX_ASSESSMENT_JSON, &n), CT_OK);
    CHECK(n == strlen(buf));
    CHECK(strncmp(buf, "{\"id\":\"T-7\",\"severity\":", 23) == 0);

    /* Reasons: each row's points add up to raw_scores. */
    {
        long sums[CT_DIMENSION_COUNT] = {0, 0, 0, 0, 0};
        unsigned i, d;
        for (i = 0; i < a.row_count; i++) {
            for (d = 0; d < CT_DIMENSION_COUNT; d++) {
                sums[d] += a.rows[i].points[d];
            }
        }
        for (d = 0; d < CT_DIMENSION_COUNT; d++) {
            CHECK(sums[d] == a.raw_scores[d]);
        }
    }
    free(buf);
}

static void test_short_buffers(void) {
    ct_complaint c;
    ct_assessment a;
    char *full = (char *)malloc(CT_MAX_ASSESSMENT_JSON);
    char *buf;
    size_t n = 0, cap, written;
    CHECK_RC(ct_complaint_from_json(RECORD, strlen(RECORD), &c, NULL), CT_OK);
    CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
    CHECK_RC(ct_assessment_to_json(&a, full, CT_MAX_ASSESSMENT_JSON, &n), CT_OK);
    buf = (char *)malloc(n + 1);
    for (cap = 0; cap <= n; cap++) {
        memset(buf, 'Z', n + 1);
        written = 777;
        CHECK_RC(ct_assessment_to_json(&a, buf, cap, &written), CT_ERR_BUFFER_TOO_SMALL);
        CHECK(written == 777);
        if (cap == 0 || cap == n / 2 || cap == n) {
            size_t i;
            int untouched = 1;
            for (i = 0; i <= n; i++) {
                untouched &= buf[i] == 'Z';
            }
            CHECK(untouched);
        }
    }
    CHECK_RC(ct_assessment_to_json(&a, buf, n + 1, &written), CT_OK);
    CHECK(written == n && memcmp(buf, full, n + 1) == 0);
    free(buf);
    free(full);
}

/* One invalid complaint: ct_assess must name the field and write nothing. */
static void check_bad_complaint(const ct_complaint *c, ct_result code, const char *field,
                                int line) {
    ct_assessment a, before;
    ct_result rc;
    memset(&a, 0xAB, sizeof a);
    memcpy(&before, &a, sizeof a);
    rc = ct_assess(c, &policy, &a);
    t_checks++;
    if (rc != code || strcmp(ct_result_field(rc), field) != 0 ||
        memcmp(&a, &before, sizeof a) != 0 || ct_complaint_validate(c) != code) {
        t_failures++;
        fprintf(stderr, "%s:%d: invalid %s: got %s (field \"%s\"), expected %s\n", __FILE__,
                line, field, ct_result_name(rc), ct_result_field(rc), ct_result_name(code));
    }
}

#define BAD_COMPLAINT(field, value, code, name)                                       \
    do {                                                                              \
        ct_complaint c_ = base;                                                       \
        c_.field = value;                                                             \
        check_bad_complaint(&c_, code, name, __LINE__);                               \
    } while (0)

static void test_every_invalid_complaint_field(void) {
    ct_complaint base;
    size_t n = 0;
    CHECK_RC(ct_complaint_init(&base), CT_OK);
    CHECK(base.affected_customers == 1 && base.departments == 1 && base.id_len == 0);

#define BAD_ENUM(field, vocab, code)                                                  \
    do {                                                                              \
        CHECK_RC(ct_vocabulary_size(vocab, &n), CT_OK);                               \
        BAD_COMPLAINT(field, (uint8_t)n, code, #field);                               \
        BAD_COMPLAINT(field, 200, code, #field);                                      \
        BAD_COMPLAINT(field, 255, code, #field);                                      \
    } while (0)
#define BAD_BITS(field, vocab, code, name)                                            \
    do {                                                                              \
        CHECK_RC(ct_vocabulary_size(vocab, &n), CT_OK);                               \
        /* A full vocabulary (as many values as bits) has no bit out of range. */     \
        if (n < 8u * sizeof base.field) {                                             \
            BAD_COMPLAINT(field, (1u << n), code, name);                              \
            BAD_COMPLAINT(field, ((1u << n) - 1u) | (1u << n), code, name);           \
        }                                                                             \
    } while (0)

    BAD_ENUM(category, CT_VOCAB_CATEGORY, CT_ERR_COMPLAINT_CATEGORY);
    BAD_ENUM(channel, CT_VOCAB_CHANNEL, CT_ERR_COMPLAINT_CHANNEL);
    BAD_ENUM(customer_tier, CT_VOCAB_CUSTOMER_TIER, CT_ERR_COMPLAINT_CUSTOMER_TIER);
    BAD_ENUM(personality, CT_VOCAB_PERSONALITY, CT_ERR_COMPLAINT_PERSONALITY);
    BAD_ENUM(motive, CT_VOCAB_MOTIVE, CT_ERR_COMPLAINT_MOTIVE);
    BAD_ENUM(expectation, CT_VOCAB_EXPECTATION, CT_ERR_COMPLAINT_EXPECTATION);
    BAD_ENUM(liability, CT_VOCAB_LIABILITY, CT_ERR_COMPLAINT_LIABILITY);
    BAD_ENUM(evidence, CT_VOCAB_EVIDENCE, CT_ERR_COMPLAINT_EVIDENCE);
    BAD_ENUM(jurisdiction, CT_VOCAB_JURISDICTION, CT_ERR_COMPLAINT_JURISDICTION);
    BAD_ENUM(currency, CT_VOCAB_CURRENCY, CT_ERR_COMPLAINT_CURRENCY);
    BAD_ENUM(causal_link, CT_VOCAB_CAUSAL_LINK, CT_ERR_COMPLAINT_CAUSAL_LINK);
    BAD_ENUM(safety, CT_VOCAB_SAFETY_LEVEL, CT_ERR_COMPLAINT_SAFETY);

    BAD_COMPLAINT(tenure_months, CT_MAX_TENURE_MONTHS + 1, CT_ERR_COMPLAINT_TENURE_MONTHS,
                  "tenure_months");
    BAD_COMPLAINT(tenure_months, UINT16_MAX, CT_ERR_COMPLAINT_TENURE_MONTHS, "tenure_months");
    BAD_COMPLAINT(emotion, CT_MAX_EMOTION + 1, CT_ERR_COMPLAINT_EMOTION, "emotion");
    BAD_COMPLAINT(emotion, UINT8_MAX, CT_ERR_COMPLAINT_EMOTION, "emotion");
    BAD_COMPLAINT(prior_contacts, CT_MAX_PRIOR_CONTACTS + 1, CT_ERR_COMPLAINT_PRIOR_CONTACTS,
                  "prior_contacts");
    BAD_COMPLAINT(hours_open, CT_MAX_HOURS_OPEN + 1, CT_ERR_COMPLAINT_HOURS_OPEN, "hours_open");
    BAD_COMPLAINT(hours_open, UINT32_MAX, CT_ERR_COMPLAINT_HOURS_OPEN, "hours_open");
    BAD_COMPLAINT(hours_since_regulator, CT_MAX_HOURS_OPEN + 1,
                  CT_ERR_COMPLAINT_HOURS_SINCE_REGULATOR, "hours_since_regulator");
    BAD_COMPLAINT(affected_customers, 0, CT_ERR_COMPLAINT_AFFECTED_CUSTOMERS,
                  "affected_customers");
    BAD_COMPLAINT(affected_customers, CT_MAX_AFFECTED_CUSTOMERS + 1,
                  CT_ERR_COMPLAINT_AFFECTED_CUSTOMERS, "affected_customers");
    BAD_COMPLAINT(direct_loss, (uint64_t)CT_MAX_AMOUNT + 1, CT_ERR_COMPLAINT_DIRECT_LOSS,
                  "direct_loss");
    BAD_COMPLAINT(direct_loss, UINT64_MAX, CT_ERR_COMPLAINT_DIRECT_LOSS, "direct_loss");
    BAD_COMPLAINT(claimed_amount, (uint64_t)CT_MAX_AMOUNT + 1, CT_ERR_COMPLAINT_CLAIMED_AMOUNT,
                  "claimed_amount");
    BAD_COMPLAINT(departments, 0, CT_ERR_COMPLAINT_DEPARTMENTS, "departments");
    BAD_COMPLAINT(departments, CT_MAX_DEPARTMENTS + 1, CT_ERR_COMPLAINT_DEPARTMENTS,
                  "departments");
    BAD_COMPLAINT(indirect_loss_claimed, 2, CT_ERR_COMPLAINT_INDIRECT_LOSS_CLAIMED,
                  "indirect_loss_claimed");
    BAD_COMPLAINT(beyond_authority, 255, CT_ERR_COMPLAINT_BEYOND_AUTHORITY, "beyond_authority");
    BAD_COMPLAINT(previously_compensated, 2, CT_ERR_COMPLAINT_PREVIOUSLY_COMPENSATED,
                  "previously_compensated");
    BAD_COMPLAINT(safety_incident, 3, CT_ERR_COMPLAINT_SAFETY_INCIDENT, "safety_incident");
    BAD_COMPLAINT(sensitive_period, 9, CT_ERR_COMPLAINT_SENSITIVE_PERIOD, "sensitive_period");
    BAD_COMPLAINT(data_breach, 2, CT_ERR_COMPLAINT_DATA_BREACH, "data_breach");
    BAD_BITS(rights, CT_VOCAB_RIGHT, CT_ERR_COMPLAINT_RIGHTS, "rights");
    BAD_BITS(threats, CT_VOCAB_THREAT, CT_ERR_COMPLAINT_THREATS, "threats");
    BAD_BITS(profile, CT_VOCAB_PROFILE, CT_ERR_COMPLAINT_PROFILE, "profile");
    BAD_BITS(malice_signals, CT_VOCAB_MALICE_SIGNAL, CT_ERR_COMPLAINT_MALICE_SIGNALS,
             "malice_signals");
    BAD_BITS(handling_failures, CT_VOCAB_HANDLING_FAILURE, CT_ERR_COMPLAINT_HANDLING_FAILURES,
             "handling_failures");
    BAD_BITS(vulnerability, CT_VOCAB_VULNERABILITY, CT_ERR_COMPLAINT_VULNERABILITY,
             "vulnerability");
    BAD_BITS(text_cues.threats, CT_VOCAB_THREAT, CT_ERR_COMPLAINT_TEXT_THREATS,
             "text_cues.threats");
    BAD_BITS(text_cues.forbidden_phrases, CT_VOCAB_FORBIDDEN_PHRASE,
             CT_ERR_COMPLAINT_TEXT_FORBIDDEN_PHRASES, "text_cues.forbidden_phrases");
    BAD_BITS(text_cues.emotion_markers, CT_VOCAB_EMOTION_MARKER,
             CT_ERR_COMPLAINT_TEXT_EMOTION_MARKERS, "text_cues.emotion_markers");
    BAD_COMPLAINT(id_len, CT_ID_CAPACITY + 1, CT_ERR_COMPLAINT_ID, "id");
    BAD_COMPLAINT(id_len, 255, CT_ERR_COMPLAINT_ID, "id");
    {
        ct_complaint c = base;
        c.id[0] = (char)0xC3; /* a lone UTF-8 lead byte */
        c.id_len = 1;
        check_bad_complaint(&c, CT_ERR_COMPLAINT_ID, "id", __LINE__);
    }
    /* The limits themselves are valid. */
    {
        ct_complaint c = base;
        ct_assessment a;
        c.tenure_months = CT_MAX_TENURE_MONTHS;
        c.emotion = CT_MAX_EMOTION;
        c.prior_contacts = CT_MAX_PRIOR_CONTACTS;
        c.hours_open = CT_MAX_HOURS_OPEN;
        c.affected_customers = CT_MAX_AFFECTED_CUSTOMERS;
        c.direct_loss = CT_MAX_AMOUNT;
        c.claimed_amount = CT_MAX_AMOUNT;
        c.departments = CT_MAX_DEPARTMENTS;
        c.safety_incident = 1;
        CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
    }
#undef BAD_ENUM
#undef BAD_BITS
}

#define BAD_ASSESSMENT(field, value, code)                                            \
    do {                                                                              \
        ct_assessment a_ = good;                                                      \
        size_t w_ = 5;                                                                \
        a_.field = value;                                                             \
        CHECK_RC(ct_assessment_to_json(&a_, buf, CT_MAX_ASSESSMENT_JSON, &w_), code); \
        CHECK(w_ == 5);                                                               \
        CHECK_RC(ct_assessment_validate(&a_), code);                                  \
        CHECK_RC(ct_evaluate_outcome(&o, &a_, &policy, &e), code);                    \
    } while (0)

static void test_every_invalid_assessment_field(void) {
    ct_complaint c;
    ct_assessment good;
    ct_outcome o;
    ct_effect e;
    char *buf = (char *)malloc(CT_MAX_ASSESSMENT_JSON);
    CHECK_RC(ct_complaint_from_json(RECORD, strlen(RECORD), &c, NULL), CT_OK);
    CHECK_RC(ct_assess(&c, &policy, &good), CT_OK);
    CHECK_RC(ct_outcome_init(&o), CT_OK);
    BAD_ASSESSMENT(id_len, CT_ID_CAPACITY + 1, CT_ERR_ASSESSMENT_ID);
    BAD_ASSESSMENT(scores.severity, 101, CT_ERR_ASSESSMENT_SCORES);
    BAD_ASSESSMENT(grade, 4, CT_ERR_ASSESSMENT_GRADE);
    BAD_ASSESSMENT(tier, 3, CT_ERR_ASSESSMENT_TIER);
    {
        /* The first index past the vocabulary. */
        size_t basis_count = 0;
        CHECK_RC(ct_vocabulary_size(CT_VOCAB_TIER_BASIS, &basis_count), CT_OK);
        BAD_ASSESSMENT(tier_basis, (uint8_t)basis_count, CT_ERR_ASSESSMENT_TIER_BASIS);
    }
    {
        /* The bit past the last gate, while there is one: a sixteenth gate
         * fills the 16 bits of `gates`. */
        size_t gate_count = 0;
        CHECK_RC(ct_vocabulary_size(CT_VOCAB_GATE, &gate_count), CT_OK);
        if (gate_count < 16) {
            BAD_ASSESSMENT(gates, (uint16_t)(1u << gate_count), CT_ERR_ASSESSMENT_GATES);
        }
    }
    BAD_ASSESSMENT(past_regulatory_deadline, 2, CT_ERR_ASSESSMENT_PAST_REGULATORY_DEADLINE);
    BAD_ASSESSMENT(playbook.steps, 0x80, CT_ERR_ASSESSMENT_PLAYBOOK_STEPS);
    BAD_ASSESSMENT(severity_level, 3, CT_ERR_ASSESSMENT_SEVERITY_LEVEL);
    BAD_ASSESSMENT(impact_level, 200, CT_ERR_ASSESSMENT_IMPACT_LEVEL);
    BAD_ASSESSMENT(urgency_level, 255, CT_ERR_ASSESSMENT_URGENCY_LEVEL);
    BAD_ASSESSMENT(priority, 0, CT_ERR_ASSESSMENT_PRIORITY);
    BAD_ASSESSMENT(priority, 6, CT_ERR_ASSESSMENT_PRIORITY);
    BAD_ASSESSMENT(resolution_capped, 2, CT_ERR_ASSESSMENT_RESOLUTION_CAPPED);
    BAD_ASSESSMENT(has_claim_ratio, 2, CT_ERR_ASSESSMENT_HAS_CLAIM_RATIO);
    BAD_ASSESSMENT(claim_unreasonable, 2, CT_ERR_ASSESSMENT_CLAIM_UNREASONABLE);
    BAD_ASSESSMENT(has_suggested_category, 2, CT_ERR_ASSESSMENT_HAS_SUGGESTED_CATEGORY);
    BAD_ASSESSMENT(playbook.talk, 250, CT_ERR_ASSESSMENT_PLAYBOOK_TALK);
    BAD_ASSESSMENT(playbook.motive, 250, CT_ERR_ASSESSMENT_PLAYBOOK_MOTIVE);
    BAD_ASSESSMENT(playbook.expectation, 250, CT_ERR_ASSESSMENT_PLAYBOOK_EXPECTATION);
    BAD_ASSESSMENT(playbook.remedy, 250, CT_ERR_ASSESSMENT_PLAYBOOK_REMEDY);
    BAD_ASSESSMENT(playbook.strategy, 250, CT_ERR_ASSESSMENT_PLAYBOOK_STRATEGY);
    BAD_ASSESSMENT(text_cues.threats, 0x80, CT_ERR_ASSESSMENT_TEXT_THREATS);
    BAD_ASSESSMENT(text_cues.forbidden_phrases, 0x8000, CT_ERR_ASSESSMENT_TEXT_FORBIDDEN_PHRASES);
    BAD_ASSESSMENT(text_cues.emotion_markers, 0x80, CT_ERR_ASSESSMENT_TEXT_EMOTION_MARKERS);
    BAD_ASSESSMENT(row_count, CT_MAX_REASON_ROWS + 1, CT_ERR_ASSESSMENT_ROW_COUNT);
    BAD_ASSESSMENT(rows[0].factor, 255, CT_ERR_ASSESSMENT_ROW_FACTOR);
    BAD_ASSESSMENT(rows[0].source, 3, CT_ERR_ASSESSMENT_ROW_SOURCE);
    free(buf);
}

static void test_nulls(void) {
    ct_complaint c;
    ct_assessment a;
    ct_error err;
    ct_text_cues cues;
    ct_outcome o;
    ct_effect e;
    ct_routing r;
    ct_queue q;
    ct_queue_entry entry;
    char buf[64];
    size_t n;
    const char *s;
    uint32_t idx;
    int64_t left;

    CHECK_RC(ct_complaint_init(&c), CT_OK);
    CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
    CHECK_RC(ct_outcome_init(&o), CT_OK);
    CHECK_RC(ct_complaint_init(NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_complaint_from_json(NULL, 0, &c, &err), CT_ERR_NULL_POINTER);
    CHECK(err.result == CT_ERR_NULL_POINTER && err.kind == CT_ERROR_KIND_NONE);
    CHECK(err.index == CT_ERROR_NO_INDEX && strlen(err.message) > 0);
    CHECK_RC(ct_complaint_from_json("{}", 2, NULL, &err), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_complaint_from_json("{}", 2, &c, NULL), CT_OK);
    CHECK_RC(ct_complaint_set_id(NULL, "x", 1), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_complaint_set_id(&c, NULL, 1), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_complaint_add_text(NULL, "x", 1), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_complaint_add_text(&c, NULL, 1), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_complaint_validate(NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_scan_text(NULL, 0, &cues), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_scan_text("x", 1, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assess(NULL, &policy, &a), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assess(&c, NULL, &a), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assess(&c, &policy, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assessment_to_json(NULL, buf, sizeof buf, &n), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assessment_to_json(&a, NULL, sizeof buf, &n), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assessment_to_json(&a, buf, sizeof buf, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assessment_validate(NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_policy_default(NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_policy_from_json(NULL, 0, &policy, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_policy_from_json("{}", 2, NULL, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_policy_validate(NULL, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_outcome_init(NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_outcome_from_json(NULL, 0, &o, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_outcome_from_json("{}", 2, NULL, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_evaluate_outcome(NULL, &a, &policy, &e), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_evaluate_outcome(&o, NULL, &policy, &e), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_evaluate_outcome(&o, &a, NULL, &e), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_evaluate_outcome(&o, &a, &policy, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_effect_to_json(NULL, buf, sizeof buf, &n), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_route(NULL, &r), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_route(&a, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_vocabulary_size(CT_VOCAB_GRADE, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_name(CT_VOCAB_GRADE, 0, CT_LANG_EN, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_code(CT_VOCAB_GRADE, 0, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_lookup_code(CT_VOCAB_GRADE, NULL, 0, &idx), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_lookup_code(CT_VOCAB_GRADE, "minor", 5, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_init(NULL, &entry, 1), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_init(&q, NULL, 1), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_push(NULL, 1, &a, 0), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_push_raw(NULL, 1, 1, 15, 0), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_pop(NULL, &entry), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_peek(NULL, &entry), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_len(NULL, &n), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_entry_time_left(NULL, 0, &left), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_init(&q, &entry, 1), CT_OK);
    CHECK_RC(ct_queue_push(&q, 1, NULL, 0), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_pop(&q, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_len(&q, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_queue_entry_time_left(&entry, 0, NULL), CT_ERR_NULL_POINTER);
    s = ct_result_message(CT_ERR_NULL_POINTER);
    CHECK(s != NULL && strstr(s, "NULL") != NULL);
}

static void test_json_errors(void) {
    ct_complaint c, before;
    ct_error err;
    uint32_t kind = 0;
    const char *code = NULL;
    static const char unknown[] = "{\"emotoin\":7}";
    static const char in_list[] = "{\"threats\":[\"media\",\"tv\"]}";

    CHECK_RC(ct_complaint_init(&c), CT_OK);
    memcpy(&before, &c, sizeof c);
    CHECK_RC(ct_complaint_from_json(unknown, strlen(unknown), &c, &err),
             CT_ERR_JSON_UNKNOWN_FIELD);
    CHECK(memcmp(&c, &before, sizeof c) == 0);
    CHECK(err.result == CT_ERR_JSON_UNKNOWN_FIELD);
    CHECK(err.result == 200u + err.kind);
    CHECK_RC(ct_code(CT_VOCAB_ERROR_KIND, err.kind, &code), CT_OK);
    CHECK(strcmp(code, "unknown_field") == 0);
    CHECK_RC(ct_lookup_code(CT_VOCAB_ERROR_KIND, "unknown_field", 13, &kind), CT_OK);
    CHECK(kind == err.kind);
    CHECK(err.offset == 1 && err.index == CT_ERROR_NO_INDEX && err.field[0] == '\0');
    CHECK(strcmp(err.message, "byte 1: unknown field `emotoin`; did you mean `emotion`?") == 0);

    CHECK_RC(ct_complaint_from_json(in_list, strlen(in_list), &c, &err),
             CT_ERR_JSON_UNKNOWN_VALUE);
    CHECK(strcmp(err.field, "threats") == 0 && err.index == 1);
    CHECK(err.offset == 20);

    /* Not NUL-terminated: only `len` bytes are read. */
    {
        char raw[8];
        memcpy(raw, "{}XXXXXX", 8);
        CHECK_RC(ct_complaint_from_json(raw, 2, &c, &err), CT_OK);
    }
}

static void test_names_and_results(void) {
    ct_vocabulary v;
    size_t total = 0;
    for (v = 0; v < CT_VOCAB_COUNT; v++) {
        size_t n = 0, i;
        CHECK_RC(ct_vocabulary_size(v, &n), CT_OK);
        CHECK(n > 0 && n <= 256);
        for (i = 0; i < n; i++) {
            const char *code = NULL, *en = NULL, *zh = NULL;
            uint32_t back = 9999;
            CHECK_RC(ct_code(v, (uint32_t)i, &code), CT_OK);
            CHECK_RC(ct_name(v, (uint32_t)i, CT_LANG_EN, &en), CT_OK);
            CHECK_RC(ct_name(v, (uint32_t)i, CT_LANG_ZH, &zh), CT_OK);
            CHECK(code != NULL && en != NULL && zh != NULL);
            CHECK(code[0] != '\0' && en[0] != '\0' && zh[0] != '\0');
            CHECK_RC(ct_lookup_code(v, code, strlen(code), &back), CT_OK);
            /* the lookup finds a value with this very code (the first one) */
            {
                const char *again = NULL;
                CHECK(back <= (uint32_t)i);
                CHECK_RC(ct_code(v, back, &again), CT_OK);
                CHECK(again != NULL && strcmp(again, code) == 0);
            }
            total++;
        }
        {
            const char *s = NULL;
            CHECK_RC(ct_code(v, (uint32_t)n, &s), CT_ERR_INDEX_OUT_OF_RANGE);
            CHECK(s == NULL);
            CHECK_RC(ct_name(v, (uint32_t)n, CT_LANG_EN, &s), CT_ERR_INDEX_OUT_OF_RANGE);
            CHECK_RC(ct_name(v, 0, 2, &s), CT_ERR_INVALID_ARGUMENT);
            CHECK_RC(ct_name(v, 0, 0xFFFFFFFFu, &s), CT_ERR_INVALID_ARGUMENT);
        }
    }
    CHECK(total > 250);
    {
        const char *s = NULL;
        uint32_t idx = 0;
        size_t n = 0;
        CHECK_RC(ct_name(CT_VOCAB_COUNT, 0, CT_LANG_EN, &s), CT_ERR_INVALID_ARGUMENT);
        CHECK_RC(ct_code(0xFFFFFFFFu, 0, &s), CT_ERR_INVALID_ARGUMENT);
        CHECK_RC(ct_vocabulary_size(CT_VOCAB_COUNT, &n), CT_ERR_INVALID_ARGUMENT);
        CHECK_RC(ct_lookup_code(CT_VOCAB_CATEGORY, "billing", 7, &idx), CT_OK);
        CHECK_RC(ct_name(CT_VOCAB_CATEGORY, idx, CT_LANG_ZH, &s), CT_OK);
        CHECK(strcmp(s, "\xe5\xa5\x97\xe9\xa4\x90\xe8\xae\xa1\xe8\xb4\xb9\xe7\xb1\xbb") == 0);
        CHECK_RC(ct_lookup_code(CT_VOCAB_CATEGORY, "Billing", 7, &idx), CT_ERR_UNKNOWN_CODE);
        CHECK_RC(ct_lookup_code(CT_VOCAB_FACTOR, "threat.media", 12, &idx), CT_OK);
        CHECK_RC(ct_code(CT_VOCAB_FACTOR, idx, &s), CT_OK);
        CHECK(strcmp(s, "threat.media") == 0);
    }
    /* Results: every listed code has a name and a message; unknown ones too. */
    {
        static const ct_result codes[] = {
            CT_OK, CT_ERR_NULL_POINTER, CT_ERR_BUFFER_TOO_SMALL, CT_ERR_INVALID_UTF8,
            CT_ERR_INVALID_ARGUMENT, CT_ERR_INDEX_OUT_OF_RANGE, CT_ERR_UNKNOWN_CODE,
            CT_ERR_ID_TOO_LONG, CT_ERR_MISALIGNED_POINTER, CT_ERR_COMPLAINT_CATEGORY,
            CT_ERR_ASSESSMENT_ROW_SOURCE, CT_ERR_OUTCOME_SATISFACTION, CT_ERR_EFFECT_SCORE,
            CT_ERR_JSON_INVALID_JSON, CT_ERR_JSON_INVALID_POLICY, CT_ERR_POLICY_UNINITIALIZED,
            CT_ERR_POLICY_CORRUPT, CT_ERR_POLICY_INCOHERENT, CT_ERR_QUEUE_FULL,
            CT_ERR_QUEUE_EMPTY, CT_ERR_QUEUE_CORRUPT, CT_ERR_PANIC};
        size_t i;
        for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
            CHECK(strcmp(ct_result_message(codes[i]), "unknown result code") != 0);
            CHECK(strncmp(ct_result_name(codes[i]), "CT_", 3) == 0);
        }
        CHECK(strcmp(ct_result_message(12345), "unknown result code") == 0);
        CHECK(strcmp(ct_result_name(12345), "CT_UNKNOWN") == 0);
        CHECK(strcmp(ct_result_field(CT_ERR_COMPLAINT_EMOTION), "emotion") == 0);
        CHECK(strcmp(ct_result_field(CT_ERR_QUEUE_FULL), "") == 0);
    }
    /* The codes are the constants of `enum ct_result`, with their stable
     * numbers; a ct_result is stored in 32 bits (the ABI). */
    {
        enum ct_result named = CT_ERR_QUEUE_FULL;
        ct_result r = named;
        CHECK(sizeof(ct_result) == 4);
        CHECK(CT_OK == 0 && CT_ERR_NULL_POINTER == 100 && CT_ERR_COMPLAINT_ID == 110);
        CHECK(CT_ERR_JSON_INVALID_JSON == 200 && CT_ERR_JSON_INVALID_POLICY == 210);
        CHECK(CT_ERR_POLICY_UNINITIALIZED == 300 && CT_ERR_PANIC == 900);
        CHECK(r == 400u && strcmp(ct_result_name(r), "CT_ERR_QUEUE_FULL") == 0);
        switch (r) {
        case CT_ERR_QUEUE_FULL:
            break;
        default:
            CHECK(!"switch over enum ct_result");
        }
    }
}

static void test_text(void) {
    ct_complaint c;
    ct_text_cues cues, empty;
    /* "I'll go to the press!!!" in Chinese, plus English. */
    static const char text[] =
        "\xe6\x88\x91\xe8\xa6\x81\xe6\x89\xbe\xe8\xae\xb0\xe8\x80\x85\xe6\x9b\x9d\xe5\x85\x89"
        "!!! I will sue you";
    static const char bad_utf8[] = "ok \xff\xfe";
    memset(&empty, 0, sizeof empty);
    CHECK_RC(ct_complaint_init(&c), CT_OK);
    CHECK_RC(ct_scan_text(text, strlen(text), &cues), CT_OK);
    CHECK_RC(ct_complaint_add_text(&c, text, strlen(text)), CT_OK);
    CHECK(memcmp(&c.text_cues, &cues, sizeof cues) == 0);
    CHECK_RC(ct_complaint_add_text(&c, bad_utf8, strlen(bad_utf8)), CT_ERR_INVALID_UTF8);
    CHECK_RC(ct_scan_text(bad_utf8, strlen(bad_utf8), &cues), CT_ERR_INVALID_UTF8);
    CHECK_RC(ct_scan_text("", 0, &cues), CT_OK);
    CHECK(memcmp(&cues, &empty, sizeof cues) == 0);
    CHECK_RC(ct_complaint_set_id(&c, "CALL-1", 6), CT_OK);
    CHECK(c.id_len == 6 && strcmp(c.id, "CALL-1") == 0);
    CHECK_RC(ct_complaint_set_id(&c, "0123456789012345678901234567890123456789012345678901234567890123X",
                                 65),
             CT_ERR_ID_TOO_LONG);
    CHECK(strcmp(c.id, "CALL-1") == 0);
}

/* What the text shows raises only what the complaint left at its default. */
static void test_text_raises_defaults(void) {
    ct_complaint c;
    ct_assessment a;
    static const char text[] = "The charger exploded, my son was burned and is hospitalized.";
    static const char denied[] = "I'm not going to sue, I just want it fixed.";

    /* Text only: the harm is read and the safety gate fires. */
    CHECK_RC(ct_complaint_init(&c), CT_OK);
    CHECK_RC(ct_complaint_add_text(&c, text, strlen(text)), CT_OK);
    CHECK(c.safety == CT_SAFETY_LEVEL_NONE);
    CHECK(c.text_facts.safety == CT_SAFETY_LEVEL_SERIOUS_INJURY);
    CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
    CHECK(a.grade == CT_GRADE_CRITICAL && a.tier == CT_TIER_MANAGEMENT && a.priority == 1);
    CHECK((a.gates & (1u << CT_GATE_SAFETY_SERIOUS_INJURY)) != 0);

    /* An explicit level is kept: the text neither lowers nor raises it. */
    CHECK_RC(ct_complaint_init(&c), CT_OK);
    c.safety = CT_SAFETY_LEVEL_HAZARD;
    CHECK_RC(ct_complaint_add_text(&c, text, strlen(text)), CT_OK);
    CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
    CHECK((a.gates & (1u << CT_GATE_SAFETY_HAZARD)) != 0);
    CHECK((a.gates & (1u << CT_GATE_SAFETY_SERIOUS_INJURY)) == 0);

    /* A denied threat is no threat. */
    CHECK_RC(ct_complaint_init(&c), CT_OK);
    CHECK_RC(ct_complaint_add_text(&c, denied, strlen(denied)), CT_OK);
    CHECK(c.text_cues.threats == 0);

    /* A fact out of its range is named. */
    CHECK_RC(ct_complaint_init(&c), CT_OK);
    c.text_facts.safety = 200;
    check_bad_complaint(&c, CT_ERR_COMPLAINT_TEXT_FACTS, "text_facts", __LINE__);

    /* A complaint left `other` is graded with the category its text suggests,
       and the result says so; a category set by the caller stands. */
    {
        static const char billing[] = "I was charged twice and my bill is wrong.";
        CHECK_RC(ct_complaint_init(&c), CT_OK);
        CHECK_RC(ct_complaint_add_text(&c, billing, strlen(billing)), CT_OK);
        CHECK(c.category == CT_CATEGORY_OTHER);
        CHECK(c.text_facts.category == CT_CATEGORY_BILLING + 1);
        CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
        CHECK(a.has_suggested_category == 1 && a.suggested_category == CT_CATEGORY_BILLING);
        c.category = CT_CATEGORY_LOGISTICS;
        CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
        CHECK(a.has_suggested_category == 0);
    }

    /* A loss the customer states is the direct loss of a complaint that
       left it 0, in its currency; personal data exposed is a data breach.
       Each scores as the field set by the caller would. */
    {
        static const char loss[] = "Your app charged my card $1,200 for a subscription I cancelled.";
        static const char exposed[] = "My bank statement was sent to my neighbour.";
        ct_assessment b;
        CHECK_RC(ct_complaint_init(&c), CT_OK);
        CHECK_RC(ct_complaint_add_text(&c, loss, strlen(loss)), CT_OK);
        CHECK(c.direct_loss == 0);
        CHECK(c.text_facts.largest_loss == 120000 && c.text_facts.loss_currency == CT_CURRENCY_USD);
        CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
        c.direct_loss = 120000;
        c.currency = CT_CURRENCY_USD;
        CHECK_RC(ct_assess(&c, &policy, &b), CT_OK);
        CHECK(memcmp(&a.scores, &b.scores, sizeof a.scores) == 0);
        CHECK(a.scores.severity > 0);

        CHECK_RC(ct_complaint_init(&c), CT_OK);
        CHECK_RC(ct_assess(&c, &policy, &b), CT_OK);
        CHECK_RC(ct_complaint_add_text(&c, exposed, strlen(exposed)), CT_OK);
        CHECK(c.text_facts.data_exposure == 1 && c.data_breach == 0);
        CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
        CHECK(a.scores.severity > b.scores.severity);
        c.data_breach = 1;
        CHECK_RC(ct_assess(&c, &policy, &b), CT_OK);
        CHECK(memcmp(&a.scores, &b.scores, sizeof a.scores) == 0);
        c.text_facts.data_exposure = 2;
        check_bad_complaint(&c, CT_ERR_COMPLAINT_TEXT_FACTS, "text_facts", __LINE__);
    }

    /* A rude agent the customer tells of is the handling failure `rude`,
       as if the caller had set it: its points and the attitude gate. */
    {
        static const char rude[] = "The agent was rude, laughed at me and told me to stop wasting her time.";
        ct_assessment b;
        CHECK_RC(ct_complaint_init(&c), CT_OK);
        CHECK_RC(ct_complaint_add_text(&c, rude, strlen(rude)), CT_OK);
        CHECK(c.text_facts.handling_failures == CT_HANDLING_FAILURE_RUDE);
        CHECK(c.handling_failures == 0);
        CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
        c.handling_failures = CT_HANDLING_FAILURE_RUDE;
        CHECK_RC(ct_assess(&c, &policy, &b), CT_OK);
        CHECK(memcmp(&a.scores, &b.scores, sizeof a.scores) == 0);
        CHECK(a.gates == b.gates && (a.gates & (1u << CT_GATE_ATTITUDE)) != 0);
    }
}

static void test_policy(void) {
    ct_policy p, zero;
    ct_error err;
    ct_complaint c;
    ct_assessment a;
    static const char good[] = "{\"resolution_hours\":[8,8,8,8,8]}";
    static const char incoherent[] = "{\"severity_levels\":[70,40]}";
    static const char unknown[] = "{\"resolution_hourz\":[8,48,120]}";
    CHECK_RC(ct_complaint_init(&c), CT_OK);
    memset(&zero, 0, sizeof zero);
    CHECK(sizeof(ct_policy) == CT_POLICY_WORDS * 8);
    CHECK_RC(ct_assess(&c, &zero, &a), CT_ERR_POLICY_UNINITIALIZED);
    CHECK_RC(ct_policy_validate(&zero, &err), CT_ERR_POLICY_UNINITIALIZED);
    CHECK_RC(ct_policy_from_json(good, strlen(good), &p, &err), CT_OK);
    CHECK_RC(ct_policy_validate(&p, NULL), CT_OK);
    CHECK_RC(ct_assess(&c, &p, &a), CT_OK);
    CHECK(a.resolution_hours == 8);
    memcpy(&zero, &p, sizeof p); /* a filled policy may be copied */
    CHECK_RC(ct_assess(&c, &zero, &a), CT_OK);
    CHECK_RC(ct_policy_from_json(incoherent, strlen(incoherent), &p, &err),
             CT_ERR_JSON_INVALID_POLICY);
    CHECK(strcmp(err.field, "severity_levels") == 0 && err.offset == 1);
    CHECK_RC(ct_policy_from_json(unknown, strlen(unknown), &p, &err), CT_ERR_JSON_UNKNOWN_FIELD);
    CHECK_RC(ct_assess(&c, &p, &a), CT_OK); /* untouched by the failures */
    CHECK(a.resolution_hours == 8);
}

static void test_batch(void) {
    ct_complaint cs[3];
    ct_assessment out[3], one;
    ct_result results[3];
    ct_policy overwritten;
    ct_error err;
    ct_result rc;
    size_t i;
    CHECK_RC(ct_complaint_from_json(RECORD, strlen(RECORD), &cs[0], &err), CT_OK);
    CHECK_RC(ct_complaint_init(&cs[1]), CT_OK);
    cs[1].emotion = 11; /* invalid: reported in its place */
    CHECK_RC(ct_complaint_init(&cs[2]), CT_OK);
    memset(out, 0, sizeof out);
    CHECK_RC(ct_assess_many(cs, 3, &policy, out, results), CT_ERR_COMPLAINT_EMOTION);
    CHECK(results[0] == CT_OK && results[1] == CT_ERR_COMPLAINT_EMOTION && results[2] == CT_OK);
    for (i = 0; i < 3; i += 2) {
        CHECK_RC(ct_assess(&cs[i], &policy, &one), CT_OK);
        CHECK(out[i].priority == one.priority && out[i].grade == one.grade);
        CHECK(out[i].row_count == one.row_count && out[i].id_len == one.id_len);
    }
    CHECK(out[1].priority == 0); /* untouched */
    CHECK_RC(ct_assess_many(&cs[2], 1, &policy, out, results), CT_OK);

    /* A blob overwritten after it was filled: refused for the whole batch,
       nothing written. */
    memcpy(&overwritten, &policy, sizeof policy);
    memset((unsigned char *)&overwritten + 8, 0xEE, sizeof overwritten - 8);
    memset(out, 0, sizeof out);
    results[0] = results[1] = results[2] = CT_OK;
    rc = ct_policy_validate(&overwritten, NULL);
    CHECK(rc == CT_ERR_POLICY_INCOHERENT || rc == CT_ERR_POLICY_CORRUPT);
    CHECK_RC(ct_assess_many(cs, 3, &overwritten, out, results), rc);
    CHECK_RC(ct_assess(&cs[0], &overwritten, &one), rc);
    CHECK(out[0].priority == 0 && out[2].priority == 0 && results[1] == CT_OK);
    memset(&overwritten, 0, sizeof overwritten);
    CHECK_RC(ct_assess_many(cs, 3, &overwritten, out, results), CT_ERR_POLICY_UNINITIALIZED);

    CHECK_RC(ct_assess_many(NULL, 3, &policy, out, results), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assess_many(cs, 3, &policy, out, (ct_result *)(void *)&out[1]), CT_ERR_OVERLAP);
}

static void test_policy_handle(void) {
    ct_complaint cs[3];
    ct_assessment out[3], one, by_blob;
    ct_result results[3];
    ct_policy scratch;
    ct_policy_handle *h = NULL, *untouched = (ct_policy_handle *)(void *)&scratch;
    ct_policy_handle *made = untouched;
    ct_error err;
    size_t i;
    CHECK_RC(ct_complaint_from_json(RECORD, strlen(RECORD), &cs[0], &err), CT_OK);
    CHECK_RC(ct_complaint_init(&cs[1]), CT_OK);
    cs[1].emotion = 11; /* invalid: reported in its place */
    CHECK_RC(ct_complaint_init(&cs[2]), CT_OK);

    /* Made from a filled blob; the blob may change afterwards. */
    memcpy(&scratch, &policy, sizeof policy);
    CHECK_RC(ct_policy_new(&scratch, &h), CT_OK);
    CHECK(h != NULL);
    memset(&scratch, 0, sizeof scratch);
    memset(&one, 0, sizeof one);
    memset(&by_blob, 0, sizeof by_blob);
    CHECK_RC(ct_assess_with(h, &cs[0], &one), CT_OK);
    CHECK_RC(ct_assess(&cs[0], &policy, &by_blob), CT_OK);
    CHECK(memcmp(&one, &by_blob, sizeof one) == 0);
    CHECK_RC(ct_assess(&cs[0], &scratch, &by_blob), CT_ERR_POLICY_UNINITIALIZED);

    /* An invalid complaint: its code, nothing written. */
    memset(&one, 0, sizeof one);
    CHECK_RC(ct_assess_with(h, &cs[1], &one), CT_ERR_COMPLAINT_EMOTION);
    CHECK(one.priority == 0 && one.row_count == 0);

    /* The batch form: each complaint in its place. */
    memset(out, 0, sizeof out);
    CHECK_RC(ct_assess_many_with(h, cs, 3, out, results), CT_ERR_COMPLAINT_EMOTION);
    CHECK(results[0] == CT_OK && results[1] == CT_ERR_COMPLAINT_EMOTION && results[2] == CT_OK);
    for (i = 0; i < 3; i += 2) {
        memset(&by_blob, 0, sizeof by_blob); /* as out[i] was */
        CHECK_RC(ct_assess(&cs[i], &policy, &by_blob), CT_OK);
        CHECK(memcmp(&out[i], &by_blob, sizeof by_blob) == 0);
    }
    CHECK(out[1].priority == 0); /* untouched */

    /* NULLs and overlaps: the documented codes, nothing written. */
    CHECK_RC(ct_policy_new(NULL, &made), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_policy_new(&policy, NULL), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_policy_new(&scratch, &made), CT_ERR_POLICY_UNINITIALIZED);
    memcpy(&scratch, &policy, sizeof policy);
    memset((unsigned char *)&scratch + 8, 0xEE, sizeof scratch - 8);
    CHECK_RC(ct_policy_new(&scratch, &made), ct_policy_validate(&scratch, NULL));
    CHECK(made == untouched);
    memset(&one, 0, sizeof one);
    CHECK_RC(ct_assess_with(NULL, &cs[0], &one), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assess_with(h, NULL, &one), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assess_with(h, &cs[0], NULL), CT_ERR_NULL_POINTER);
    CHECK(one.priority == 0);
    CHECK_RC(ct_assess_many_with(NULL, cs, 3, out, results), CT_ERR_NULL_POINTER);
    CHECK_RC(ct_assess_many_with(h, cs, 3, out, (ct_result *)(void *)&out[1]), CT_ERR_OVERLAP);
    CHECK_RC(ct_assess_many_with(h, cs, 0, out, results), CT_OK);

    ct_policy_free(h);
    ct_policy_free(NULL); /* does nothing, as free(NULL) */
}

static void test_outcome(void) {
    ct_complaint c;
    ct_assessment a;
    ct_outcome o;
    ct_effect e;
    char buf[CT_MAX_EFFECT_JSON];
    char small[16];
    size_t n = 0, w = 3;
    static const char json[] =
        "{\"resolved_first_contact\":true,\"hours_to_resolve\":2,\"satisfaction\":5}";
    static const char bad[] = "{\"satisfaction\":6}";
    ct_error err;
    CHECK_RC(ct_complaint_from_json(RECORD, strlen(RECORD), &c, NULL), CT_OK);
    CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
    CHECK_RC(ct_outcome_from_json(json, strlen(json), &o, &err), CT_OK);
    CHECK(o.resolved_first_contact == 1 && o.hours_to_resolve == 2 && o.satisfaction == 5);
    CHECK_RC(ct_evaluate_outcome(&o, &a, &policy, &e), CT_OK);
    CHECK(e.score <= 100 && e.on_time == 1 && e.deadline_hours == a.resolution_hours);
    CHECK(e.reason_count > 0 && e.reason_count <= CT_MAX_EFFECT_REASONS);
    CHECK_RC(ct_effect_to_json(&e, buf, sizeof buf, &n), CT_OK);
    CHECK(n == strlen(buf) && strncmp(buf, "{\"score\":", 9) == 0);
    CHECK_RC(ct_effect_to_json(&e, small, sizeof small, &w), CT_ERR_BUFFER_TOO_SMALL);
    CHECK(w == 3);
    CHECK_RC(ct_outcome_from_json(bad, strlen(bad), &o, &err), CT_ERR_JSON_OUT_OF_RANGE);
    CHECK(strcmp(err.field, "satisfaction") == 0);
    o.satisfaction = 6;
    CHECK_RC(ct_evaluate_outcome(&o, &a, &policy, &e), CT_ERR_OUTCOME_SATISFACTION);
    o.satisfaction = 0;
    o.reopened = 2;
    CHECK_RC(ct_evaluate_outcome(&o, &a, &policy, &e), CT_ERR_OUTCOME_REOPENED);
    o.reopened = 0;
    o.hours_to_resolve = CT_MAX_HOURS_TO_RESOLVE + 1;
    CHECK_RC(ct_evaluate_outcome(&o, &a, &policy, &e), CT_ERR_OUTCOME_HOURS_TO_RESOLVE);
    e.on_time = 7;
    CHECK_RC(ct_effect_to_json(&e, buf, sizeof buf, &n), CT_ERR_EFFECT_ON_TIME);
}

static void test_routing_and_queue(void) {
    ct_complaint c;
    ct_assessment a;
    ct_routing r;
    ct_queue q;
    ct_queue_entry storage[3];
    ct_queue_entry e;
    size_t n = 0;
    int64_t left = 0;
    CHECK_RC(ct_complaint_from_json(RECORD, strlen(RECORD), &c, NULL), CT_OK);
    CHECK_RC(ct_assess(&c, &policy, &a), CT_OK);
    CHECK_RC(ct_route(&a, &r), CT_OK);
    CHECK(r.asterisk_queue_prio == (5u - a.priority) * 10u);
    CHECK(r.amazon_connect_priority == a.priority);
    CHECK(r.genesys_priority ==
          (a.first_response_minutes < (uint32_t)CT_ROUTING_HORIZON_MINUTES
               ? (uint32_t)CT_ROUTING_HORIZON_MINUTES - a.first_response_minutes
               : 0u));
    CHECK(r.freeswitch_cc_base_score == r.genesys_priority * 60u);
    CHECK(r.amazon_connect_age_seconds == r.freeswitch_cc_base_score);
    a.priority = 9;
    CHECK_RC(ct_route(&a, &r), CT_ERR_ASSESSMENT_PRIORITY);
    a.priority = 1;

    CHECK_RC(ct_queue_init(&q, storage, 0), CT_ERR_INVALID_ARGUMENT);
    CHECK_RC(ct_queue_init(&q, storage, 3), CT_OK);
    CHECK_RC(ct_queue_pop(&q, &e), CT_ERR_QUEUE_EMPTY);
    CHECK_RC(ct_queue_push_raw(&q, 100, 5, 240, 0), CT_OK);  /* due at 14400 */
    CHECK_RC(ct_queue_push_raw(&q, 200, 1, 15, 1000), CT_OK); /* due at 1900 */
    CHECK_RC(ct_queue_push(&q, 300, &a, 1000), CT_OK);
    CHECK_RC(ct_queue_push_raw(&q, 400, 1, 15, 0), CT_ERR_QUEUE_FULL);
    CHECK_RC(ct_queue_push_raw(&q, 400, 0, 15, 0), CT_ERR_INVALID_ARGUMENT);
    CHECK_RC(ct_queue_len(&q, &n), CT_OK);
    CHECK(n == 3);
    CHECK_RC(ct_queue_peek(&q, &e), CT_OK);
    CHECK(e.id == 200 || e.id == 300);
    CHECK_RC(ct_queue_pop(&q, &e), CT_OK);
    CHECK_RC(ct_queue_pop(&q, &e), CT_OK);
    CHECK_RC(ct_queue_pop(&q, &e), CT_OK);
    CHECK(e.id == 100 && e.deadline == 14400);
    CHECK_RC(ct_queue_entry_time_left(&e, 14400 + 60, &left), CT_OK);
    CHECK(left == -60);
    CHECK_RC(ct_queue_pop(&q, &e), CT_ERR_QUEUE_EMPTY);
    q.len = 99;
    CHECK_RC(ct_queue_pop(&q, &e), CT_ERR_QUEUE_CORRUPT);
}

/* Counterfactuals: each change reported, applied to the complaint, gives
 * the grade and tier it says (checked for the integer fields a
 * ct_complaint names as the record does), away from the complaint's own;
 * a short array, NULLs, overlap and an invalid field leave the outputs
 * untouched. */
static void test_counterfactuals(void) {
    ct_complaint c;
    ct_assessment base, moved;
    ct_counterfactual out[CT_MAX_COUNTERFACTUALS];
    size_t n = 0, i, applied = 0;
    CHECK_RC(ct_complaint_from_json(RECORD, strlen(RECORD), &c, NULL), CT_OK);
    c.emotion = 3;
    CHECK_RC(ct_assess(&c, &policy, &base), CT_OK);
    CHECK_RC(ct_counterfactuals(&c, &policy, out, CT_MAX_COUNTERFACTUALS, &n), CT_OK);
    CHECK(n > 0 && n <= CT_MAX_COUNTERFACTUALS);
    for (i = 0; i < n; i++) {
        ct_complaint v = c;
        CHECK(out[i].field[0] != '\0' && memchr(out[i].field, '\0', CT_FIELD_NAME_CAPACITY) != NULL);
        CHECK(out[i].from != out[i].to);
        CHECK(out[i].grade != base.grade || out[i].tier != base.tier);
        if (strcmp(out[i].field, "emotion") == 0) {
            CHECK(out[i].from == 3);
            v.emotion = (uint8_t)out[i].to;
        } else if (strcmp(out[i].field, "affected_customers") == 0) {
            CHECK(out[i].from == 2500);
            v.affected_customers = (uint32_t)out[i].to;
        } else if (strcmp(out[i].field, "direct_loss") == 0) {
            v.direct_loss = out[i].to;
        } else {
            continue;
        }
        CHECK_RC(ct_assess(&v, &policy, &moved), CT_OK);
        CHECK(moved.grade == out[i].grade && moved.tier == out[i].tier);
        applied++;
    }
    CHECK(applied > 0);

    /* Outputs are written only on success. */
    {
        ct_counterfactual few[1];
        size_t untouched = 12345;
        memset(few, 0xAB, sizeof few);
        if (n > 1) {
            CHECK_RC(ct_counterfactuals(&c, &policy, few, 1, &untouched), CT_ERR_BUFFER_TOO_SMALL);
            CHECK(untouched == 12345 && (unsigned char)few[0].field[0] == 0xAB);
        }
        CHECK_RC(ct_counterfactuals(NULL, &policy, out, CT_MAX_COUNTERFACTUALS, &untouched),
                 CT_ERR_NULL_POINTER);
        CHECK_RC(ct_counterfactuals(&c, NULL, out, CT_MAX_COUNTERFACTUALS, &untouched),
                 CT_ERR_NULL_POINTER);
        CHECK_RC(ct_counterfactuals(&c, &policy, NULL, CT_MAX_COUNTERFACTUALS, &untouched),
                 CT_ERR_NULL_POINTER);
        CHECK_RC(ct_counterfactuals(&c, &policy, out, CT_MAX_COUNTERFACTUALS, NULL),
                 CT_ERR_NULL_POINTER);
        CHECK_RC(ct_counterfactuals(&c, &policy, (ct_counterfactual *)(void *)&policy, 1, &untouched),
                 CT_ERR_OVERLAP);
        c.emotion = 11;
        CHECK_RC(ct_counterfactuals(&c, &policy, few, 1, &untouched), CT_ERR_COMPLAINT_EMOTION);
        CHECK(untouched == 12345 && (unsigned char)few[0].field[0] == 0xAB);
    }
}

int main(void) {
    CHECK_RC(ct_policy_default(&policy), CT_OK);
    test_version();
    test_grade_a_record();
    test_short_buffers();
    test_every_invalid_complaint_field();
    test_every_invalid_assessment_field();
    test_nulls();
    test_json_errors();
    test_names_and_results();
    test_text();
    test_text_raises_defaults();
    test_policy();
    test_batch();
    test_policy_handle();
    test_outcome();
    test_routing_and_queue();
    test_counterfactuals();
    return t_finish("test_api");
}

/*
 * Arguments a C caller can get wrong in ways no single field shows, each
 * refused with its own result code and never answered CT_OK with a wrong
 * result: a complaint or policy overlapping the output assessment (every
 * placement), a policy blob overwritten after it was filled (every byte),
 * queue storage or header overwritten between calls (every byte).
 * Valid C99 and C++17.
 */
#include "harness.h"

#include <stdint.h>

static const char RECORD[] =
    "{\"id\":\"M-1\",\"category\":\"billing\",\"channel\":\"social_media\","
    "\"customer_tier\":\"gold\",\"affected_customers\":2500,\"emotion\":9,"
    "\"prior_contacts\":3,\"hours_open\":200,\"threats\":[\"media\",\"regulator\"],"
    "\"direct_loss\":10000,\"claimed_amount\":50000,\"departments\":3,"
    "\"handling_failures\":[\"broken_promise\"],\"safety_incident\":true}";

static ct_policy policy;
static ct_complaint complaint;

#define WORDS(bytes) (((bytes) + 7) / 8)
#define COMPLAINT_WORDS WORDS(sizeof(ct_complaint))
#define POLICY_WORDS WORDS(sizeof(ct_policy))
#define OUT_WORDS WORDS(sizeof(ct_assessment))

/* Room for an input wholly before, over and wholly after one assessment. */
static uint64_t buf[POLICY_WORDS + OUT_WORDS + POLICY_WORDS];
static uint64_t snapshot[POLICY_WORDS + OUT_WORDS + POLICY_WORDS];

/*
 * Copies `input` (`words` 8-byte words) to every word offset of `buf`
 * around an assessment at offset `words`, grades, and checks: CT_ERR_OVERLAP
 * with `buf` untouched exactly when the ranges meet, else CT_OK and the
 * assessment `want`. `as_policy` says which argument the input is.
 */
static void every_placement(const void *input, size_t words, int as_policy,
                            const ct_assessment *want) {
    size_t total = words + OUT_WORDS + words, at, overlapping = 0;
    ct_assessment *out = (ct_assessment *)(void *)(buf + words);
    for (at = 0; at + words <= total; at++) {
        const void *placed = (const void *)(buf + at);
        int apart = at == 0 || at >= words + OUT_WORDS;
        ct_result rc;
        memset(buf, 0, sizeof buf);
        memcpy(buf + at, input, words * 8);
        memcpy(snapshot, buf, sizeof buf);
        rc = as_policy ? ct_assess(&complaint, (const ct_policy *)placed, out)
                       : ct_assess((const ct_complaint *)placed, &policy, out);
        if (apart) {
            CHECK_RC(rc, CT_OK);
            CHECK(memcmp(out, want, sizeof *want) == 0);
        } else {
            overlapping++;
            CHECK_RC(rc, CT_ERR_OVERLAP);
            CHECK(memcmp(buf, snapshot, sizeof buf) == 0);
        }
    }
    CHECK(overlapping == words + OUT_WORDS - 1);
}

static void test_overlapping_arguments(void) {
    static ct_assessment want;
    memset(&want, 0, sizeof want);
    CHECK_RC(ct_assess(&complaint, &policy, &want), CT_OK);
    CHECK(want.row_count > 10);
    every_placement(&complaint, COMPLAINT_WORDS, 0, &want);
    every_placement(&policy, POLICY_WORDS, 1, &want);
    CHECK(strcmp(ct_result_name(CT_ERR_OVERLAP), "CT_ERR_OVERLAP") == 0);
}

/* Each byte of the blob overwritten in turn, with 0x00 (zero deadlines...)
 * and 0xEE: grading answers exactly what ct_policy_validate answers. */
static void test_overwritten_policy(void) {
    static ct_policy q;
    static ct_assessment a;
    const unsigned char fills[2] = {0x00, 0xEE};
    size_t f, i, incoherent = 0;
    for (f = 0; f < 2; f++) {
        for (i = 8; i < sizeof q; i++) {
            ct_result valid;
            memcpy(&q, &policy, sizeof q);
            ((unsigned char *)&q)[i] = fills[f];
            valid = ct_policy_validate(&q, NULL);
            incoherent += valid == CT_ERR_POLICY_INCOHERENT;
            CHECK_RC(ct_assess(&complaint, &q, &a), valid);
        }
    }
    CHECK(incoherent > 100);
}

static ct_queue filled_queue(ct_queue_entry *storage, size_t capacity, uint64_t pushed) {
    ct_queue q;
    uint64_t id;
    CHECK_RC(ct_queue_init(&q, storage, capacity), CT_OK);
    for (id = 0; id < pushed; id++) {
        CHECK_RC(ct_queue_push_raw(&q, id, (uint8_t)(1 + id % 5), (uint16_t)(15 * (1 + id % 4)),
                                   1000 + 7 * id),
                 CT_OK);
    }
    return q;
}

/* What a push writes: priority 1-5, deadline = arrival + minutes * 60. */
static int plausible(const ct_queue_entry *e) {
    static const uint8_t zero[5] = {0, 0, 0, 0, 0};
    return e->priority >= 1 && e->priority <= 5 &&
           e->deadline == e->arrival + 60u * e->first_response_minutes &&
           memcmp(e->reserved, zero, sizeof zero) == 0;
}

static void test_overwritten_queue(void) {
    ct_queue_entry storage[8], e, sentinel;
    ct_queue q;
    size_t i, corrupt = 0, n = 0, served = 0;
    ct_result rc;

    /* The whole storage overwritten: refused, out and queue untouched. */
    q = filled_queue(storage, 8, 5);
    memset(storage, 0xFF, sizeof storage);
    memset(&sentinel, 0x5A, sizeof sentinel);
    e = sentinel;
    CHECK_RC(ct_queue_peek(&q, &e), CT_ERR_QUEUE_CORRUPT);
    CHECK_RC(ct_queue_pop(&q, &e), CT_ERR_QUEUE_CORRUPT);
    CHECK(memcmp(&e, &sentinel, sizeof e) == 0);
    CHECK(q.len == 5 && q.next_seq == 5);

    /* Each byte in turn: every entry served is one a push wrote. */
    for (i = 0; i < sizeof storage; i++) {
        q = filled_queue(storage, 8, 6);
        ((unsigned char *)storage)[i] = 0xEE;
        while ((rc = ct_queue_pop(&q, &e)) == CT_OK) {
            CHECK(plausible(&e));
        }
        if (rc != CT_ERR_QUEUE_EMPTY) {
            CHECK_RC(rc, CT_ERR_QUEUE_CORRUPT);
            corrupt++;
        }
    }
    /* Six entries of 40 bytes; only the 8 bytes of each id are free. */
    CHECK(corrupt == 6 * (sizeof(ct_queue_entry) - 8));

    /* The header: more waiting entries than pushes. */
    q = filled_queue(storage, 8, 3);
    q.len = 8;
    CHECK_RC(ct_queue_len(&q, &n), CT_ERR_QUEUE_CORRUPT);
    CHECK_RC(ct_queue_pop(&q, &e), CT_ERR_QUEUE_CORRUPT);
    /* ...and with the push count raised too, the never-written slots. */
    q.next_seq = 8;
    while ((rc = ct_queue_pop(&q, &e)) == CT_OK) {
        CHECK(plausible(&e));
        served++;
    }
    CHECK_RC(rc, CT_ERR_QUEUE_CORRUPT);
    CHECK(served <= 3);
}

int main(void) {
    ct_error err;
    CHECK_RC(ct_policy_default(&policy), CT_OK);
    CHECK_RC(ct_complaint_from_json(RECORD, strlen(RECORD), &complaint, &err), CT_OK);
    test_overlapping_arguments();
    test_overwritten_policy();
    test_overwritten_queue();
    return t_finish("test_misuse");
}

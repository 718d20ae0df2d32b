/*
 * ivr_demo: an IVR-style program that grades each caller's complaint and
 * decides where the call queues, the way an Asterisk AGI script would.
 *
 * Input (stdin), one call per block; blocks end at a blank line:
 *   - the AGI environment Asterisk sends (`agi_callerid: 13800138000`,
 *     `agi_uniqueid: 1700000000.12`, ...), plus either
 *       complaint_json: {"category":"billing","emotion":7}
 *     or record fields as key=value lines collected by the IVR menu:
 *       category=billing
 *       threats=media,regulator      (lists: comma separated codes)
 *       emotion=8                    (numbers)
 *       safety_incident=1            (yes/no: 0 or 1)
 *       text=...                     (free text, scanned for cues)
 *       arrival=120                  (seconds; default: 30 s after the last call)
 *   - or a line that is a whole JSON record by itself (`{...}`), one call.
 *
 * Output, per call: the decision (which queue, priority, deadline) and the
 * AGI commands it would send (`SET VARIABLE QUEUE_PRIO n`, `EXEC Queue ...`);
 * at the end, the order in which the triage queue serves the calls.
 *
 * Build: cc ivr_demo.c $(pkg-config --cflags --libs complaint_triage) -o ivr_demo
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <complaint_triage.h>

#define MAX_CALLS 256
#define LINE_MAX_BYTES 70000

typedef struct {
    ct_complaint complaint;
    int has_json;
    int failed;
    char error[256];
    char caller[80];
    char uniqueid[80];
    unsigned long long arrival;
    int has_arrival;
} call;

static ct_policy policy;
static ct_queue queue;
static ct_queue_entry storage[MAX_CALLS];
static char ids[MAX_CALLS][CT_ID_ARRAY_SIZE];
static unsigned long long clock_seconds = 0;
static int calls_seen = 0;

static void trim(char *s) {
    size_t n = strlen(s);
    char *start = s;
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) {
        s[--n] = '\0';
    }
    while (*start == ' ' || *start == '\t') {
        start++;
    }
    if (start != s) {
        memmove(s, start, strlen(start) + 1);
    }
}

static void fail(call *c, const char *fmt, const char *a, const char *b) {
    if (!c->failed) {
        c->failed = 1;
        snprintf(c->error, sizeof c->error, fmt, a, b);
    }
}

/* The vocabulary of a single-valued field, or of the bits of a list field. */
static int vocabulary_of(const char *key, ct_vocabulary *vocab, int *is_list) {
    static const struct {
        const char *key;
        ct_vocabulary vocab;
        int list;
    } fields[] = {
        {"category", CT_VOCAB_CATEGORY, 0},
        {"channel", CT_VOCAB_CHANNEL, 0},
        {"customer_tier", CT_VOCAB_CUSTOMER_TIER, 0},
        {"personality", CT_VOCAB_PERSONALITY, 0},
        {"motive", CT_VOCAB_MOTIVE, 0},
        {"expectation", CT_VOCAB_EXPECTATION, 0},
        {"liability", CT_VOCAB_LIABILITY, 0},
        {"evidence", CT_VOCAB_EVIDENCE, 0},
        {"jurisdiction", CT_VOCAB_JURISDICTION, 0},
        {"rights", CT_VOCAB_RIGHT, 1},
        {"threats", CT_VOCAB_THREAT, 1},
        {"profile", CT_VOCAB_PROFILE, 1},
        {"malice_signals", CT_VOCAB_MALICE_SIGNAL, 1},
        {"handling_failures", CT_VOCAB_HANDLING_FAILURE, 1},
    };
    size_t i;
    for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(fields[i].key, key) == 0) {
            *vocab = fields[i].vocab;
            *is_list = fields[i].list;
            return 1;
        }
    }
    return 0;
}

static void set_code(call *c, const char *key, ct_vocabulary vocab, const char *value) {
    uint32_t index = 0;
    ct_complaint *x = &c->complaint;
    if (ct_lookup_code(vocab, value, strlen(value), &index) != CT_OK) {
        fail(c, "%s: unknown value \"%s\"", key, value);
        return;
    }
    switch (vocab) {
    case CT_VOCAB_CATEGORY: x->category = (uint8_t)index; break;
    case CT_VOCAB_CHANNEL: x->channel = (uint8_t)index; break;
    case CT_VOCAB_CUSTOMER_TIER: x->customer_tier = (uint8_t)index; break;
    case CT_VOCAB_PERSONALITY: x->personality = (uint8_t)index; break;
    case CT_VOCAB_MOTIVE: x->motive = (uint8_t)index; break;
    case CT_VOCAB_EXPECTATION: x->expectation = (uint8_t)index; break;
    case CT_VOCAB_LIABILITY: x->liability = (uint8_t)index; break;
    case CT_VOCAB_EVIDENCE: x->evidence = (uint8_t)index; break;
    default: x->jurisdiction = (uint8_t)index; break;
    }
}

static void set_list(call *c, const char *key, ct_vocabulary vocab, char *value) {
    uint16_t bits = 0;
    char *item = strtok(value, ",");
    ct_complaint *x = &c->complaint;
    while (item != NULL) {
        uint32_t index = 0;
        trim(item);
        if (ct_lookup_code(vocab, item, strlen(item), &index) != CT_OK) {
            fail(c, "%s: unknown value \"%s\"", key, item);
            return;
        }
        bits = (uint16_t)(bits | (1u << index));
        item = strtok(NULL, ",");
    }
    switch (vocab) {
    case CT_VOCAB_RIGHT: x->rights = bits; break;
    case CT_VOCAB_THREAT: x->threats = bits; break;
    case CT_VOCAB_PROFILE: x->profile = bits; break;
    case CT_VOCAB_MALICE_SIGNAL: x->malice_signals = bits; break;
    default: x->handling_failures = bits; break;
    }
}

/* Numbers: stored as given when they fit the field's type, so that
 * ct_assess itself reports a value outside the record contract. */
static void set_number(call *c, const char *key, const char *value) {
    ct_complaint *x = &c->complaint;
    char *end = NULL;
    unsigned long long v;
    errno = 0;
    v = strtoull(value, &end, 10);
    if (value[0] == '-' || end == value || *end != '\0' || errno != 0) {
        fail(c, "%s: not a number \"%s\"", key, value);
        return;
    }
    if (strcmp(key, "tenure_months") == 0 && v <= UINT16_MAX) { x->tenure_months = (uint16_t)v; return; }
    if (strcmp(key, "prior_contacts") == 0 && v <= UINT16_MAX) { x->prior_contacts = (uint16_t)v; return; }
    if (strcmp(key, "hours_open") == 0 && v <= UINT32_MAX) { x->hours_open = (uint32_t)v; return; }
    if (strcmp(key, "affected_customers") == 0 && v <= UINT32_MAX) { x->affected_customers = (uint32_t)v; return; }
    if (strcmp(key, "direct_loss") == 0) { x->direct_loss = v; return; }
    if (strcmp(key, "claimed_amount") == 0) { x->claimed_amount = v; return; }
    if (v <= UINT8_MAX) {
        uint8_t b = (uint8_t)v;
        if (strcmp(key, "emotion") == 0) { x->emotion = b; return; }
        if (strcmp(key, "departments") == 0) { x->departments = b; return; }
        if (strcmp(key, "indirect_loss_claimed") == 0) { x->indirect_loss_claimed = b; return; }
        if (strcmp(key, "beyond_authority") == 0) { x->beyond_authority = b; return; }
        if (strcmp(key, "previously_compensated") == 0) { x->previously_compensated = b; return; }
        if (strcmp(key, "safety_incident") == 0) { x->safety_incident = b; return; }
        if (strcmp(key, "sensitive_period") == 0) { x->sensitive_period = b; return; }
    }
    if (strcmp(key, "arrival") == 0) {
        c->arrival = v;
        c->has_arrival = 1;
        return;
    }
    fail(c, "%s: unknown field or value too large \"%s\"", key, value);
}

static void field(call *c, char *key, char *value) {
    ct_vocabulary vocab;
    int is_list = 0;
    trim(key);
    trim(value);
    if (strcmp(key, "agi_callerid") == 0) {
        snprintf(c->caller, sizeof c->caller, "%s", value);
    } else if (strcmp(key, "agi_uniqueid") == 0) {
        snprintf(c->uniqueid, sizeof c->uniqueid, "%s", value);
    } else if (strncmp(key, "agi_", 4) == 0) {
        /* the rest of the AGI environment is not needed */
    } else if (strcmp(key, "complaint_json") == 0) {
        ct_error err;
        if (ct_complaint_from_json(value, strlen(value), &c->complaint, &err) != CT_OK) {
            char detail[200];
            snprintf(detail, sizeof detail, "%.180s", err.message);
            fail(c, "complaint_json: %s%s", detail, "");
        }
        c->has_json = 1;
    } else if (strcmp(key, "text") == 0) {
        if (ct_complaint_add_text(&c->complaint, value, strlen(value)) != CT_OK) {
            fail(c, "%s: %s", key, "not UTF-8");
        }
    } else if (strcmp(key, "id") == 0) {
        if (ct_complaint_set_id(&c->complaint, value, strlen(value)) != CT_OK) {
            fail(c, "%s: %s", key, "too long or not UTF-8");
        }
    } else if (vocabulary_of(key, &vocab, &is_list)) {
        if (is_list) {
            set_list(c, key, vocab, value);
        } else {
            set_code(c, key, vocab, value);
        }
    } else {
        set_number(c, key, value);
    }
}

static const char *code_of(ct_vocabulary vocab, uint8_t index) {
    const char *s = "?";
    ct_code(vocab, index, &s);
    return s;
}

static const char *name_of(ct_vocabulary vocab, uint8_t index, ct_lang lang) {
    const char *s = "?";
    ct_name(vocab, index, lang, &s);
    return s;
}

/* Grades one call, prints its decision and queues it. */
static void finish_call(call *c) {
    ct_assessment a;
    ct_routing r;
    ct_result rc;
    const char *id;
    int slot = calls_seen;

    calls_seen++;
    if (c->has_arrival) {
        clock_seconds = c->arrival;
    } else if (calls_seen > 1) {
        clock_seconds += 30;
    }
    if (c->complaint.id_len == 0) {
        const char *fallback = c->uniqueid[0] ? c->uniqueid : c->caller[0] ? c->caller : "anonymous";
        if (ct_complaint_set_id(&c->complaint, fallback, strlen(fallback)) != CT_OK) {
            ct_complaint_set_id(&c->complaint, "anonymous", 9);
        }
    }
    id = c->complaint.id;
    if (c->failed) {
        printf("ERROR id=%s %s\n", id, c->error);
        printf("  EXEC Queue complaints-frontline\n\n");
        return;
    }
    rc = ct_assess(&c->complaint, &policy, &a);
    if (rc != CT_OK) {
        printf("ERROR id=%s %s field=%s: %s\n", id, ct_result_name(rc), ct_result_field(rc),
               ct_result_message(rc));
        printf("  EXEC Queue complaints-frontline\n\n");
        return;
    }
    ct_route(&a, &r);
    printf("DECISION id=%s caller=%s queue=complaints-%s priority=%u grade=%s "
           "first_response_minutes=%u QUEUE_PRIO=%u\n",
           id, c->caller[0] ? c->caller : "-", code_of(CT_VOCAB_TIER, a.tier), (unsigned)a.priority,
           code_of(CT_VOCAB_GRADE, a.grade), (unsigned)a.first_response_minutes,
           (unsigned)r.asterisk_queue_prio);
    printf("  %s / %s; %s; strategy: %s\n", name_of(CT_VOCAB_GRADE, a.grade, CT_LANG_EN),
           name_of(CT_VOCAB_GRADE, a.grade, CT_LANG_ZH), name_of(CT_VOCAB_TIER, a.tier, CT_LANG_ZH),
           name_of(CT_VOCAB_STRATEGY, a.playbook.strategy, CT_LANG_EN));
    printf("  other ACDs: cc_base_score=%u genesys_priority=%u connect_priority=%u\n",
           (unsigned)r.freeswitch_cc_base_score, (unsigned)r.genesys_priority,
           (unsigned)r.amazon_connect_priority);
    printf("  SET VARIABLE QUEUE_PRIO %u\n", (unsigned)r.asterisk_queue_prio);
    printf("  EXEC Queue complaints-%s\n\n", code_of(CT_VOCAB_TIER, a.tier));
    if (slot < MAX_CALLS) {
        memcpy(ids[slot], c->complaint.id, sizeof ids[slot]);
        rc = ct_queue_push(&queue, (uint64_t)slot, &a, clock_seconds);
        if (rc != CT_OK) {
            printf("  (not queued: %s)\n", ct_result_message(rc));
        }
    }
}

static void new_call(call *c) {
    memset(c, 0, sizeof *c);
    ct_complaint_init(&c->complaint);
}

int main(void) {
    static char line[LINE_MAX_BYTES];
    call c;
    int open_call = 0;
    ct_queue_entry e;
    int rank = 0;

    if (ct_policy_default(&policy) != CT_OK || ct_queue_init(&queue, storage, MAX_CALLS) != CT_OK) {
        fprintf(stderr, "cannot initialise\n");
        return 1;
    }
    printf("complaint_triage %s\n\n", ct_version());
    new_call(&c);
    while (fgets(line, sizeof line, stdin) != NULL) {
        char *sep;
        trim(line);
        if (line[0] == '\0' || line[0] == '#') {
            if (open_call && line[0] == '\0') {
                finish_call(&c);
                new_call(&c);
                open_call = 0;
            }
            continue;
        }
        if (line[0] == '{') {
            /* A JSON line: one whole call. */
            if (open_call) {
                finish_call(&c);
                new_call(&c);
            }
            {
                ct_error err;
                if (ct_complaint_from_json(line, strlen(line), &c.complaint, &err) != CT_OK) {
                    char detail[200];
                    snprintf(detail, sizeof detail, "%.180s", err.message);
                    fail(&c, "record: %s%s", detail, "");
                }
            }
            finish_call(&c);
            new_call(&c);
            open_call = 0;
            continue;
        }
        open_call = 1;
        sep = strpbrk(line, ":=");
        if (sep == NULL) {
            fail(&c, "cannot read \"%s\"%s", line, "");
            continue;
        }
        *sep = '\0';
        field(&c, line, sep + 1);
    }
    if (open_call) {
        finish_call(&c);
    }
    printf("SERVING ORDER (earliest first-response deadline first)\n");
    while (ct_queue_pop(&queue, &e) == CT_OK) {
        rank++;
        printf("QUEUE %d id=%s priority=%u arrival=%llu deadline=%llu\n", rank,
               ids[e.id < MAX_CALLS ? e.id : 0], (unsigned)e.priority,
               (unsigned long long)e.arrival, (unsigned long long)e.deadline);
    }
    return 0;
}

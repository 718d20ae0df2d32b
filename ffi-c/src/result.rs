//! Result codes: what every fallible function returns.
//!
//! The numbers are stable and grouped by hundreds:
//! - `0`: success;
//! - `1xx`: a bad argument. `100`-`109` are generic (NULL, buffer too
//!   small, invalid UTF-8...); `110`-`149` name the invalid field of a
//!   `ct_complaint`, `150`-`179` of a `ct_assessment`, `180`-`189` of a
//!   `ct_outcome`, `190`-`199` of a `ct_effect`;
//! - `2xx`: a JSON input error, `200 + ` the index of the core's
//!   `ErrorKind` (`CT_VOCAB_ERROR_KIND`): `200` invalid JSON ... `210`
//!   incoherent policy; the `ct_error` filled alongside tells the byte
//!   offset, field and list index;
//! - `3xx`: a `ct_policy` that was not made by this library;
//! - `4xx`: triage queue errors;
//! - `9xx`: internal errors (a panic caught at the boundary).
//!
//! [`ct_result_message`] gives the English sentence of a code,
//! [`ct_result_name`] its macro name and [`ct_result_field`] the field an
//! invalid-field code names.

use core::ffi::{c_char, CStr};

use triage::ErrorKind;

/// The result of a fallible function: `CT_OK` (0) or one of the `CT_ERR_*`
/// codes. The enum names the codes; the type `ct_result` itself is a
/// `uint32_t` before C23 (a C23 or C++ enum with `uint32_t` underneath
/// after), so the ABI is a 32-bit integer that C can store and compare
/// freely. The numbers are stable and grouped by hundreds:
/// - 1xx: a bad argument. 100-109 generic (NULL, buffer too small, invalid
///   UTF-8...); 110-149 name the invalid field of a `ct_complaint`,
///   150-179 of a `ct_assessment`, 180-189 of a `ct_outcome`, 190-199 of a
///   `ct_effect` (`ct_result_field` gives the field's name);
/// - 2xx: a JSON input error, 200 + the index of its kind in
///   `CT_VOCAB_ERROR_KIND` (the `ct_error` filled alongside gives the byte
///   offset, field and list index);
/// - 3xx: a `ct_policy` not filled by this library;
/// - 4xx: triage queue errors;
/// - 9xx: internal errors (a panic caught at the library boundary).
//
// The library only ever returns these values, but a number that comes from
// C (the argument of `ct_result_message`, say) is taken as a `u32` and
// mapped with `ct_result::from_u32`: any other number would not be a valid
// Rust value of this enum.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ct_result {
    /// Success.
    CT_OK = 0,

    /// A required pointer argument is NULL.
    CT_ERR_NULL_POINTER = 100,
    /// The output buffer is too small; nothing was written.
    CT_ERR_BUFFER_TOO_SMALL = 101,
    /// A text argument is not valid UTF-8.
    CT_ERR_INVALID_UTF8 = 102,
    /// An argument is out of its range (an unknown vocabulary or language, a
    /// zero capacity, a length above `PTRDIFF_MAX`, a queue priority outside 1-5).
    CT_ERR_INVALID_ARGUMENT = 103,
    /// A vocabulary index is past the end of its vocabulary.
    CT_ERR_INDEX_OUT_OF_RANGE = 104,
    /// No value of the vocabulary has this code.
    CT_ERR_UNKNOWN_CODE = 105,
    /// An id is longer than `CT_ID_CAPACITY` bytes.
    CT_ERR_ID_TOO_LONG = 106,
    /// A pointer argument is not aligned for its type.
    CT_ERR_MISALIGNED_POINTER = 107,
    /// An input argument shares bytes with the output argument (`ct_assess`
    /// reads its inputs while it writes its output, so it refuses them rather
    /// than grade bytes it has already overwritten); nothing was written.
    CT_ERR_OVERLAP = 108,
    /// The library could not allocate memory (`ct_policy_new`); nothing was written.
    CT_ERR_OUT_OF_MEMORY = 109,

    // BEGIN complaint codes: kept up with the record contract by `cargo run -p contract-gen`
    /// `ct_complaint.id_len` is above `CT_ID_CAPACITY` or `id` is not UTF-8.
    CT_ERR_COMPLAINT_ID = 110,
    /// `ct_complaint.category` is not an index of `CT_VOCAB_CATEGORY`.
    CT_ERR_COMPLAINT_CATEGORY = 111,
    /// `ct_complaint.channel` is not an index of `CT_VOCAB_CHANNEL`.
    CT_ERR_COMPLAINT_CHANNEL = 112,
    /// `ct_complaint.customer_tier` is not an index of `CT_VOCAB_CUSTOMER_TIER`.
    CT_ERR_COMPLAINT_CUSTOMER_TIER = 113,
    /// `ct_complaint.tenure_months` is above `CT_MAX_TENURE_MONTHS`.
    CT_ERR_COMPLAINT_TENURE_MONTHS = 114,
    /// `ct_complaint.personality` is not an index of `CT_VOCAB_PERSONALITY`.
    CT_ERR_COMPLAINT_PERSONALITY = 115,
    /// `ct_complaint.motive` is not an index of `CT_VOCAB_MOTIVE`.
    CT_ERR_COMPLAINT_MOTIVE = 116,
    /// `ct_complaint.expectation` is not an index of `CT_VOCAB_EXPECTATION`.
    CT_ERR_COMPLAINT_EXPECTATION = 117,
    /// `ct_complaint.emotion` is above `CT_MAX_EMOTION`.
    CT_ERR_COMPLAINT_EMOTION = 118,
    /// `ct_complaint.prior_contacts` is above `CT_MAX_PRIOR_CONTACTS`.
    CT_ERR_COMPLAINT_PRIOR_CONTACTS = 119,
    /// `ct_complaint.hours_open` is above `CT_MAX_HOURS_OPEN`.
    CT_ERR_COMPLAINT_HOURS_OPEN = 120,
    /// `ct_complaint.affected_customers` is 0 or above `CT_MAX_AFFECTED_CUSTOMERS`.
    CT_ERR_COMPLAINT_AFFECTED_CUSTOMERS = 121,
    /// `ct_complaint.direct_loss` is above `CT_MAX_AMOUNT`.
    CT_ERR_COMPLAINT_DIRECT_LOSS = 122,
    /// `ct_complaint.claimed_amount` is above `CT_MAX_AMOUNT`.
    CT_ERR_COMPLAINT_CLAIMED_AMOUNT = 123,
    /// `ct_complaint.indirect_loss_claimed` is neither 0 nor 1.
    CT_ERR_COMPLAINT_INDIRECT_LOSS_CLAIMED = 124,
    /// `ct_complaint.liability` is not an index of `CT_VOCAB_LIABILITY`.
    CT_ERR_COMPLAINT_LIABILITY = 125,
    /// `ct_complaint.evidence` is not an index of `CT_VOCAB_EVIDENCE`.
    CT_ERR_COMPLAINT_EVIDENCE = 126,
    /// `ct_complaint.departments` is 0 or above `CT_MAX_DEPARTMENTS`.
    CT_ERR_COMPLAINT_DEPARTMENTS = 127,
    /// `ct_complaint.beyond_authority` is neither 0 nor 1.
    CT_ERR_COMPLAINT_BEYOND_AUTHORITY = 128,
    /// `ct_complaint.previously_compensated` is neither 0 nor 1.
    CT_ERR_COMPLAINT_PREVIOUSLY_COMPENSATED = 129,
    /// `ct_complaint.safety_incident` is neither 0 nor 1.
    CT_ERR_COMPLAINT_SAFETY_INCIDENT = 130,
    /// `ct_complaint.sensitive_period` is neither 0 nor 1.
    CT_ERR_COMPLAINT_SENSITIVE_PERIOD = 131,
    /// `ct_complaint.rights` has a bit set past `CT_VOCAB_RIGHT`.
    CT_ERR_COMPLAINT_RIGHTS = 132,
    /// `ct_complaint.threats` has a bit set past `CT_VOCAB_THREAT`.
    CT_ERR_COMPLAINT_THREATS = 133,
    /// `ct_complaint.profile` has a bit set past `CT_VOCAB_PROFILE`.
    CT_ERR_COMPLAINT_PROFILE = 134,
    /// `ct_complaint.malice_signals` has a bit set past `CT_VOCAB_MALICE_SIGNAL`.
    CT_ERR_COMPLAINT_MALICE_SIGNALS = 135,
    /// `ct_complaint.handling_failures` has a bit set past `CT_VOCAB_HANDLING_FAILURE`.
    CT_ERR_COMPLAINT_HANDLING_FAILURES = 136,
    /// `ct_complaint.jurisdiction` is not an index of `CT_VOCAB_JURISDICTION`.
    CT_ERR_COMPLAINT_JURISDICTION = 137,
    /// `ct_complaint.text_cues.threats` has a bit set past `CT_VOCAB_THREAT`.
    CT_ERR_COMPLAINT_TEXT_THREATS = 138,
    /// `ct_complaint.text_cues.forbidden_phrases` has a bit set past `CT_VOCAB_FORBIDDEN_PHRASE`.
    CT_ERR_COMPLAINT_TEXT_FORBIDDEN_PHRASES = 139,
    /// `ct_complaint.text_cues.emotion_markers` has a bit set past `CT_VOCAB_EMOTION_MARKER`.
    CT_ERR_COMPLAINT_TEXT_EMOTION_MARKERS = 140,
    /// `ct_complaint.vulnerability` has a bit set past `CT_VOCAB_VULNERABILITY`.
    CT_ERR_COMPLAINT_VULNERABILITY = 141,
    /// `ct_complaint.currency` is outside what the record contract accepts.
    CT_ERR_COMPLAINT_CURRENCY = 142,
    /// `ct_complaint.causal_link` is outside what the record contract accepts.
    CT_ERR_COMPLAINT_CAUSAL_LINK = 143,
    /// `ct_complaint.data_breach` is outside what the record contract accepts.
    CT_ERR_COMPLAINT_DATA_BREACH = 144,
    /// `ct_complaint.safety` is outside what the record contract accepts.
    CT_ERR_COMPLAINT_SAFETY = 145,
    /// `ct_complaint.hours_since_regulator` is outside what the record contract accepts.
    CT_ERR_COMPLAINT_HOURS_SINCE_REGULATOR = 146,
    /// A field of `ct_complaint.text_facts` is out of its range (an amount
    /// above `CT_MAX_AMOUNT`, a bit past its vocabulary, a level or code
    /// past its last).
    CT_ERR_COMPLAINT_TEXT_FACTS = 147,
    // END complaint codes
    /// `ct_assessment.id_len` is above `CT_ID_CAPACITY` or `id` is not UTF-8.
    CT_ERR_ASSESSMENT_ID = 150,
    /// A score of `ct_assessment.scores` is above 100.
    CT_ERR_ASSESSMENT_SCORES = 151,
    /// `ct_assessment.grade` is not an index of `CT_VOCAB_GRADE`.
    CT_ERR_ASSESSMENT_GRADE = 152,
    /// `ct_assessment.tier` is not an index of `CT_VOCAB_TIER`.
    CT_ERR_ASSESSMENT_TIER = 153,
    /// `ct_assessment.tier_basis` is not an index of `CT_VOCAB_TIER_BASIS`.
    CT_ERR_ASSESSMENT_TIER_BASIS = 154,
    /// `ct_assessment.severity_level` is not an index of `CT_VOCAB_LEVEL`.
    CT_ERR_ASSESSMENT_SEVERITY_LEVEL = 155,
    /// `ct_assessment.impact_level` is not an index of `CT_VOCAB_LEVEL`.
    CT_ERR_ASSESSMENT_IMPACT_LEVEL = 156,
    /// `ct_assessment.urgency_level` is not an index of `CT_VOCAB_LEVEL`.
    CT_ERR_ASSESSMENT_URGENCY_LEVEL = 157,
    /// `ct_assessment.priority` is outside 1-5.
    CT_ERR_ASSESSMENT_PRIORITY = 158,
    /// `ct_assessment.resolution_capped` is neither 0 nor 1.
    CT_ERR_ASSESSMENT_RESOLUTION_CAPPED = 159,
    /// `ct_assessment.has_claim_ratio` is neither 0 nor 1.
    CT_ERR_ASSESSMENT_HAS_CLAIM_RATIO = 160,
    /// `ct_assessment.claim_unreasonable` is neither 0 nor 1.
    CT_ERR_ASSESSMENT_CLAIM_UNREASONABLE = 161,
    /// `ct_assessment.playbook.talk` is not an index of `CT_VOCAB_TALK`.
    CT_ERR_ASSESSMENT_PLAYBOOK_TALK = 162,
    /// `ct_assessment.playbook.motive` is not an index of `CT_VOCAB_MOTIVE_APPROACH`.
    CT_ERR_ASSESSMENT_PLAYBOOK_MOTIVE = 163,
    /// `ct_assessment.playbook.expectation` is not an index of `CT_VOCAB_EXPECTATION_APPROACH`.
    CT_ERR_ASSESSMENT_PLAYBOOK_EXPECTATION = 164,
    /// `ct_assessment.playbook.remedy` is not an index of `CT_VOCAB_REMEDY`.
    CT_ERR_ASSESSMENT_PLAYBOOK_REMEDY = 165,
    /// `ct_assessment.playbook.strategy` is not an index of `CT_VOCAB_STRATEGY`.
    CT_ERR_ASSESSMENT_PLAYBOOK_STRATEGY = 166,
    /// `ct_assessment.text_cues.threats` has a bit set past `CT_VOCAB_THREAT`.
    CT_ERR_ASSESSMENT_TEXT_THREATS = 167,
    /// `ct_assessment.text_cues.forbidden_phrases` has a bit set past `CT_VOCAB_FORBIDDEN_PHRASE`.
    CT_ERR_ASSESSMENT_TEXT_FORBIDDEN_PHRASES = 168,
    /// `ct_assessment.text_cues.emotion_markers` has a bit set past `CT_VOCAB_EMOTION_MARKER`.
    CT_ERR_ASSESSMENT_TEXT_EMOTION_MARKERS = 169,
    /// `ct_assessment.row_count` is above `CT_MAX_REASON_ROWS`.
    CT_ERR_ASSESSMENT_ROW_COUNT = 170,
    /// A `ct_assessment.rows[i].factor` is not an index of `CT_VOCAB_FACTOR`.
    CT_ERR_ASSESSMENT_ROW_FACTOR = 171,
    /// A `ct_assessment.rows[i].source` is not an index of `CT_VOCAB_SOURCE`.
    CT_ERR_ASSESSMENT_ROW_SOURCE = 172,
    /// `ct_assessment.has_regulatory_deadline` is neither 0 nor 1.
    CT_ERR_ASSESSMENT_HAS_REGULATORY_DEADLINE = 173,
    /// `ct_assessment.past_regulatory_deadline` is neither 0 nor 1.
    CT_ERR_ASSESSMENT_PAST_REGULATORY_DEADLINE = 174,
    /// `ct_assessment.gates` has a bit set past `CT_VOCAB_GATE`.
    CT_ERR_ASSESSMENT_GATES = 175,
    /// `ct_assessment.playbook.steps` has a bit set past `CT_VOCAB_STEP`.
    CT_ERR_ASSESSMENT_PLAYBOOK_STEPS = 176,
    /// `ct_assessment.has_suggested_category` is neither 0 nor 1.
    CT_ERR_ASSESSMENT_HAS_SUGGESTED_CATEGORY = 177,
    /// `ct_assessment.suggested_category` is not an index of
    /// `CT_VOCAB_CATEGORY` (checked when `has_suggested_category`).
    CT_ERR_ASSESSMENT_SUGGESTED_CATEGORY = 178,

    /// `ct_outcome.resolved_first_contact` is neither 0 nor 1.
    CT_ERR_OUTCOME_RESOLVED_FIRST_CONTACT = 180,
    /// `ct_outcome.hours_to_resolve` is above `CT_MAX_HOURS_TO_RESOLVE`.
    CT_ERR_OUTCOME_HOURS_TO_RESOLVE = 181,
    /// `ct_outcome.satisfaction` is above 5 (0 means not surveyed).
    CT_ERR_OUTCOME_SATISFACTION = 182,
    /// `ct_outcome.reopened` is neither 0 nor 1.
    CT_ERR_OUTCOME_REOPENED = 183,
    /// `ct_outcome.repeat_within_30_days` is neither 0 nor 1.
    CT_ERR_OUTCOME_REPEAT_WITHIN_30_DAYS = 184,
    /// `ct_outcome.root_cause_fixed` is neither 0 nor 1.
    CT_ERR_OUTCOME_ROOT_CAUSE_FIXED = 185,

    /// `ct_effect.score` is above 100.
    CT_ERR_EFFECT_SCORE = 190,
    /// `ct_effect.on_time` is neither 0 nor 1.
    CT_ERR_EFFECT_ON_TIME = 191,
    /// `ct_effect.reason_count` is above `CT_MAX_EFFECT_REASONS`.
    CT_ERR_EFFECT_REASON_COUNT = 192,
    /// A `ct_effect.reasons[i].factor` is not an index of `CT_VOCAB_EFFECT_FACTOR`.
    CT_ERR_EFFECT_REASON_FACTOR = 193,

    /// JSON: not valid JSON (syntax, encoding, empty input).
    CT_ERR_JSON_INVALID_JSON = 200,
    /// JSON: the input is larger than its limit.
    CT_ERR_JSON_TOO_LARGE = 201,
    /// JSON: nested deeper than the contract allows.
    CT_ERR_JSON_TOO_DEEP = 202,
    /// JSON: the document is not an object.
    CT_ERR_JSON_NOT_AN_OBJECT = 203,
    /// JSON: a field the contract does not know.
    CT_ERR_JSON_UNKNOWN_FIELD = 204,
    /// JSON: a field given twice.
    CT_ERR_JSON_DUPLICATE_FIELD = 205,
    /// JSON: a string that is not one of the field's codes.
    CT_ERR_JSON_UNKNOWN_VALUE = 206,
    /// JSON: a value of the wrong type.
    CT_ERR_JSON_WRONG_TYPE = 207,
    /// JSON: a number outside the field's range.
    CT_ERR_JSON_OUT_OF_RANGE = 208,
    /// JSON: a string longer than the field allows.
    CT_ERR_JSON_STRING_TOO_LONG = 209,
    /// JSON: the policy document is well formed but incoherent.
    CT_ERR_JSON_INVALID_POLICY = 210,

    /// The `ct_policy` was not filled by `ct_policy_default` or
    /// `ct_policy_from_json` of this build of the library.
    CT_ERR_POLICY_UNINITIALIZED = 300,
    /// The `ct_policy` was overwritten: one of its grade, tier or priority entries is invalid.
    CT_ERR_POLICY_CORRUPT = 301,
    /// The `ct_policy` fails the policy's coherence rules (`ct_policy_validate`).
    CT_ERR_POLICY_INCOHERENT = 302,

    /// The triage queue is full; nothing was overwritten.
    CT_ERR_QUEUE_FULL = 400,
    /// The triage queue is empty.
    CT_ERR_QUEUE_EMPTY = 401,
    /// The `ct_queue` or its storage was overwritten: no storage, more entries
    /// than capacity, fewer pushes than entries, or a waiting entry that no push
    /// wrote (a priority outside 1-5, a deadline that is not its arrival plus its
    /// first-response time, nonzero reserved bytes, a push order not yet given).
    /// Nothing was written to the output and the queue is left as it was.
    CT_ERR_QUEUE_CORRUPT = 402,

    /// A panic was caught at the library boundary (a bug in the library).
    CT_ERR_PANIC = 900,
}

// The variants by their C names, as the constants they replace were: the
// library, the benches and the fuzz targets write `CT_OK`, not
// `ct_result::CT_OK`.
pub use ct_result::*;

/// What [`ct_result_name`], [`ct_result_field`] and [`ct_result_message`]
/// say of a code.
pub(crate) struct ResultInfo {
    /// Its C name (`"CT_ERR_NULL_POINTER"`).
    pub name: &'static CStr,
    /// The field an invalid-field code names, `""` for other codes.
    pub field: &'static CStr,
    /// Its English message.
    pub message: &'static CStr,
}

/// `$code` as a static NUL-terminated string.
macro_rules! c_name {
    ($code:ident) => {
        match CStr::from_bytes_with_nul(concat!(stringify!($code), "\0").as_bytes()) {
            Ok(s) => s,
            Err(_) => panic!(),
        }
    };
}

/// Generates, from one list of `CODE => field, message;`, both
/// [`ct_result::describe`] (a `match`: the compiler refuses a variant left
/// out, and a variant listed twice is an unreachable pattern) and
/// [`ct_result::ALL`]: so `ALL` holds every variant of the enum exactly
/// once, and the enum stays the only declaration of the codes.
macro_rules! describe_results {
    ($($code:ident => $field:literal, $message:literal;)*) => {
        impl ct_result {
            /// Every code, in the enum's order (numeric order, checked by a test).
            pub(crate) const ALL: &'static [ct_result] = &[$(ct_result::$code),*];

            /// The name, field and message of this code.
            pub(crate) const fn describe(self) -> ResultInfo {
                match self {
                    $(ct_result::$code => ResultInfo {
                        name: c_name!($code),
                        field: $field,
                        message: $message,
                    },)*
                }
            }
        }
    };
}

describe_results! {
    CT_OK => c"", c"success";
    CT_ERR_NULL_POINTER => c"", c"a required pointer argument is NULL";
    CT_ERR_BUFFER_TOO_SMALL => c"", c"the output buffer is too small";
    CT_ERR_INVALID_UTF8 => c"", c"the text is not valid UTF-8";
    CT_ERR_INVALID_ARGUMENT => c"", c"an argument is out of its range";
    CT_ERR_INDEX_OUT_OF_RANGE => c"", c"the index is past the end of the vocabulary";
    CT_ERR_UNKNOWN_CODE => c"", c"no value of the vocabulary has this code";
    CT_ERR_ID_TOO_LONG => c"id", c"the id is longer than 64 bytes";
    CT_ERR_MISALIGNED_POINTER => c"", c"a pointer argument is not aligned for its type";
    CT_ERR_OVERLAP => c"", c"an input argument overlaps the output argument";
    CT_ERR_OUT_OF_MEMORY => c"", c"the library could not allocate memory";
    // BEGIN complaint rows: kept up with the record contract by `cargo run -p contract-gen`
    CT_ERR_COMPLAINT_ID => c"id", c"ct_complaint.id: longer than 64 bytes or not UTF-8";
    CT_ERR_COMPLAINT_CATEGORY => c"category", c"ct_complaint.category: not a category index";
    CT_ERR_COMPLAINT_CHANNEL => c"channel", c"ct_complaint.channel: not a channel index";
    CT_ERR_COMPLAINT_CUSTOMER_TIER => c"customer_tier", c"ct_complaint.customer_tier: not a customer tier index";
    CT_ERR_COMPLAINT_TENURE_MONTHS => c"tenure_months", c"ct_complaint.tenure_months: above 1200";
    CT_ERR_COMPLAINT_PERSONALITY => c"personality", c"ct_complaint.personality: not a personality index";
    CT_ERR_COMPLAINT_MOTIVE => c"motive", c"ct_complaint.motive: not a motive index";
    CT_ERR_COMPLAINT_EXPECTATION => c"expectation", c"ct_complaint.expectation: not an expectation index";
    CT_ERR_COMPLAINT_EMOTION => c"emotion", c"ct_complaint.emotion: above 10";
    CT_ERR_COMPLAINT_PRIOR_CONTACTS => c"prior_contacts", c"ct_complaint.prior_contacts: above 10000";
    CT_ERR_COMPLAINT_HOURS_OPEN => c"hours_open", c"ct_complaint.hours_open: above 1000000";
    CT_ERR_COMPLAINT_AFFECTED_CUSTOMERS => c"affected_customers", c"ct_complaint.affected_customers: outside 1..=1000000000";
    CT_ERR_COMPLAINT_DIRECT_LOSS => c"direct_loss", c"ct_complaint.direct_loss: above 1000000000000000";
    CT_ERR_COMPLAINT_CLAIMED_AMOUNT => c"claimed_amount", c"ct_complaint.claimed_amount: above 1000000000000000";
    CT_ERR_COMPLAINT_INDIRECT_LOSS_CLAIMED => c"indirect_loss_claimed", c"ct_complaint.indirect_loss_claimed: neither 0 nor 1";
    CT_ERR_COMPLAINT_LIABILITY => c"liability", c"ct_complaint.liability: not a liability index";
    CT_ERR_COMPLAINT_EVIDENCE => c"evidence", c"ct_complaint.evidence: not an evidence index";
    CT_ERR_COMPLAINT_DEPARTMENTS => c"departments", c"ct_complaint.departments: outside 1..=100";
    CT_ERR_COMPLAINT_BEYOND_AUTHORITY => c"beyond_authority", c"ct_complaint.beyond_authority: neither 0 nor 1";
    CT_ERR_COMPLAINT_PREVIOUSLY_COMPENSATED => c"previously_compensated", c"ct_complaint.previously_compensated: neither 0 nor 1";
    CT_ERR_COMPLAINT_SAFETY_INCIDENT => c"safety_incident", c"ct_complaint.safety_incident: neither 0 nor 1";
    CT_ERR_COMPLAINT_SENSITIVE_PERIOD => c"sensitive_period", c"ct_complaint.sensitive_period: neither 0 nor 1";
    CT_ERR_COMPLAINT_RIGHTS => c"rights", c"ct_complaint.rights: a bit with no right";
    CT_ERR_COMPLAINT_THREATS => c"threats", c"ct_complaint.threats: a bit with no threat";
    CT_ERR_COMPLAINT_PROFILE => c"profile", c"ct_complaint.profile: a bit with no profile";
    CT_ERR_COMPLAINT_MALICE_SIGNALS => c"malice_signals", c"ct_complaint.malice_signals: a bit with no malice signal";
    CT_ERR_COMPLAINT_HANDLING_FAILURES => c"handling_failures", c"ct_complaint.handling_failures: a bit with no handling failure";
    CT_ERR_COMPLAINT_JURISDICTION => c"jurisdiction", c"ct_complaint.jurisdiction: not a jurisdiction index";
    CT_ERR_COMPLAINT_TEXT_THREATS => c"text_cues.threats", c"ct_complaint.text_cues.threats: a bit with no threat";
    CT_ERR_COMPLAINT_TEXT_FORBIDDEN_PHRASES => c"text_cues.forbidden_phrases", c"ct_complaint.text_cues.forbidden_phrases: a bit with no phrase";
    CT_ERR_COMPLAINT_TEXT_EMOTION_MARKERS => c"text_cues.emotion_markers", c"ct_complaint.text_cues.emotion_markers: a bit with no marker";
    CT_ERR_COMPLAINT_VULNERABILITY => c"vulnerability", c"ct_complaint.vulnerability: a bit with no vulnerability";
    CT_ERR_COMPLAINT_CURRENCY => c"currency", c"ct_complaint.currency: not a currency index";
    CT_ERR_COMPLAINT_CAUSAL_LINK => c"causal_link", c"ct_complaint.causal_link: not a causal link index";
    CT_ERR_COMPLAINT_DATA_BREACH => c"data_breach", c"ct_complaint.data_breach: neither 0 nor 1";
    CT_ERR_COMPLAINT_SAFETY => c"safety", c"ct_complaint.safety: not a safety index";
    CT_ERR_COMPLAINT_HOURS_SINCE_REGULATOR => c"hours_since_regulator", c"ct_complaint.hours_since_regulator: outside 0..=1000000";
    CT_ERR_COMPLAINT_TEXT_FACTS => c"text_facts", c"ct_complaint.text_facts: a value out of its range";
    // END complaint rows
    CT_ERR_ASSESSMENT_ID => c"id", c"ct_assessment.id: longer than 64 bytes or not UTF-8";
    CT_ERR_ASSESSMENT_SCORES => c"scores", c"ct_assessment.scores: a score above 100";
    CT_ERR_ASSESSMENT_GRADE => c"grade", c"ct_assessment.grade: not a grade index";
    CT_ERR_ASSESSMENT_TIER => c"tier", c"ct_assessment.tier: not a tier index";
    CT_ERR_ASSESSMENT_TIER_BASIS => c"tier_basis", c"ct_assessment.tier_basis: not a tier basis index";
    CT_ERR_ASSESSMENT_SEVERITY_LEVEL => c"severity_level", c"ct_assessment.severity_level: not a level index";
    CT_ERR_ASSESSMENT_IMPACT_LEVEL => c"impact_level", c"ct_assessment.impact_level: not a level index";
    CT_ERR_ASSESSMENT_URGENCY_LEVEL => c"urgency_level", c"ct_assessment.urgency_level: not a level index";
    CT_ERR_ASSESSMENT_PRIORITY => c"priority", c"ct_assessment.priority: outside 1..=5";
    CT_ERR_ASSESSMENT_RESOLUTION_CAPPED => c"resolution_capped", c"ct_assessment.resolution_capped: neither 0 nor 1";
    CT_ERR_ASSESSMENT_HAS_CLAIM_RATIO => c"has_claim_ratio", c"ct_assessment.has_claim_ratio: neither 0 nor 1";
    CT_ERR_ASSESSMENT_CLAIM_UNREASONABLE => c"claim_unreasonable", c"ct_assessment.claim_unreasonable: neither 0 nor 1";
    CT_ERR_ASSESSMENT_PLAYBOOK_TALK => c"playbook.talk", c"ct_assessment.playbook.talk: not a talk index";
    CT_ERR_ASSESSMENT_PLAYBOOK_MOTIVE => c"playbook.motive", c"ct_assessment.playbook.motive: not a motive approach index";
    CT_ERR_ASSESSMENT_PLAYBOOK_EXPECTATION => c"playbook.expectation", c"ct_assessment.playbook.expectation: not an expectation approach index";
    CT_ERR_ASSESSMENT_PLAYBOOK_REMEDY => c"playbook.remedy", c"ct_assessment.playbook.remedy: not a remedy index";
    CT_ERR_ASSESSMENT_PLAYBOOK_STRATEGY => c"playbook.strategy", c"ct_assessment.playbook.strategy: not a strategy index";
    CT_ERR_ASSESSMENT_TEXT_THREATS => c"text_cues.threats", c"ct_assessment.text_cues.threats: a bit with no threat";
    CT_ERR_ASSESSMENT_TEXT_FORBIDDEN_PHRASES => c"text_cues.forbidden_phrases", c"ct_assessment.text_cues.forbidden_phrases: a bit with no phrase";
    CT_ERR_ASSESSMENT_TEXT_EMOTION_MARKERS => c"text_cues.emotion_markers", c"ct_assessment.text_cues.emotion_markers: a bit with no marker";
    CT_ERR_ASSESSMENT_ROW_COUNT => c"row_count", c"ct_assessment.row_count: above CT_MAX_REASON_ROWS";
    CT_ERR_ASSESSMENT_ROW_FACTOR => c"rows.factor", c"ct_assessment.rows[i].factor: not a factor index";
    CT_ERR_ASSESSMENT_ROW_SOURCE => c"rows.source", c"ct_assessment.rows[i].source: not a source index";
    CT_ERR_ASSESSMENT_HAS_REGULATORY_DEADLINE => c"has_regulatory_deadline", c"ct_assessment.has_regulatory_deadline: neither 0 nor 1";
    CT_ERR_ASSESSMENT_PAST_REGULATORY_DEADLINE => c"past_regulatory_deadline", c"ct_assessment.past_regulatory_deadline: neither 0 nor 1";
    CT_ERR_ASSESSMENT_GATES => c"gates", c"ct_assessment.gates: a bit with no gate";
    CT_ERR_ASSESSMENT_PLAYBOOK_STEPS => c"playbook.steps", c"ct_assessment.playbook.steps: a bit with no step";
    CT_ERR_ASSESSMENT_HAS_SUGGESTED_CATEGORY => c"has_suggested_category", c"ct_assessment.has_suggested_category: neither 0 nor 1";
    CT_ERR_ASSESSMENT_SUGGESTED_CATEGORY => c"suggested_category", c"ct_assessment.suggested_category: not a category index";
    CT_ERR_OUTCOME_RESOLVED_FIRST_CONTACT => c"resolved_first_contact", c"ct_outcome.resolved_first_contact: neither 0 nor 1";
    CT_ERR_OUTCOME_HOURS_TO_RESOLVE => c"hours_to_resolve", c"ct_outcome.hours_to_resolve: above 1000000";
    CT_ERR_OUTCOME_SATISFACTION => c"satisfaction", c"ct_outcome.satisfaction: above 5";
    CT_ERR_OUTCOME_REOPENED => c"reopened", c"ct_outcome.reopened: neither 0 nor 1";
    CT_ERR_OUTCOME_REPEAT_WITHIN_30_DAYS => c"repeat_within_30_days", c"ct_outcome.repeat_within_30_days: neither 0 nor 1";
    CT_ERR_OUTCOME_ROOT_CAUSE_FIXED => c"root_cause_fixed", c"ct_outcome.root_cause_fixed: neither 0 nor 1";
    CT_ERR_EFFECT_SCORE => c"score", c"ct_effect.score: above 100";
    CT_ERR_EFFECT_ON_TIME => c"on_time", c"ct_effect.on_time: neither 0 nor 1";
    CT_ERR_EFFECT_REASON_COUNT => c"reason_count", c"ct_effect.reason_count: above CT_MAX_EFFECT_REASONS";
    CT_ERR_EFFECT_REASON_FACTOR => c"reasons.factor", c"ct_effect.reasons[i].factor: not an effect factor index";
    CT_ERR_JSON_INVALID_JSON => c"", c"JSON: not valid JSON";
    CT_ERR_JSON_TOO_LARGE => c"", c"JSON: input too large";
    CT_ERR_JSON_TOO_DEEP => c"", c"JSON: nesting too deep";
    CT_ERR_JSON_NOT_AN_OBJECT => c"", c"JSON: not a JSON object";
    CT_ERR_JSON_UNKNOWN_FIELD => c"", c"JSON: unknown field";
    CT_ERR_JSON_DUPLICATE_FIELD => c"", c"JSON: duplicate field";
    CT_ERR_JSON_UNKNOWN_VALUE => c"", c"JSON: unknown value";
    CT_ERR_JSON_WRONG_TYPE => c"", c"JSON: wrong type";
    CT_ERR_JSON_OUT_OF_RANGE => c"", c"JSON: number out of range";
    CT_ERR_JSON_STRING_TOO_LONG => c"", c"JSON: string too long";
    CT_ERR_JSON_INVALID_POLICY => c"", c"JSON: incoherent policy";
    CT_ERR_POLICY_UNINITIALIZED => c"", c"ct_policy: not filled by ct_policy_default or ct_policy_from_json of this library";
    CT_ERR_POLICY_CORRUPT => c"", c"ct_policy: overwritten (an invalid grade, tier or priority)";
    CT_ERR_POLICY_INCOHERENT => c"", c"ct_policy: fails the policy's coherence rules";
    CT_ERR_QUEUE_FULL => c"", c"the triage queue is full";
    CT_ERR_QUEUE_EMPTY => c"", c"the triage queue is empty";
    CT_ERR_QUEUE_CORRUPT => c"", c"the ct_queue or its storage was overwritten (an inconsistent header or entry)";
    CT_ERR_PANIC => c"", c"internal error: a panic was caught at the library boundary";
}

impl ct_result {
    /// The code whose number is `code`, if there is one. A number that
    /// comes from C must go through here before it is a `ct_result`.
    pub fn from_u32(code: u32) -> Option<ct_result> {
        ct_result::ALL
            .binary_search_by_key(&code, |r| *r as u32)
            .ok()
            .and_then(|i| ct_result::ALL.get(i).copied())
    }
}

/// The entry of a number, if it is a code.
pub(crate) fn info(code: u32) -> Option<ResultInfo> {
    ct_result::from_u32(code).map(ct_result::describe)
}

/// The result code of a core JSON error kind. The numbers are `200 +` the
/// kind's index (a test checks it for every kind); the `match` makes the
/// mapping total, so a kind added to the core does not compile until it
/// has its code here.
pub(crate) const fn json_result(kind: ErrorKind) -> ct_result {
    match kind {
        ErrorKind::InvalidJson => CT_ERR_JSON_INVALID_JSON,
        ErrorKind::TooLarge => CT_ERR_JSON_TOO_LARGE,
        ErrorKind::TooDeep => CT_ERR_JSON_TOO_DEEP,
        ErrorKind::NotAnObject => CT_ERR_JSON_NOT_AN_OBJECT,
        ErrorKind::UnknownField => CT_ERR_JSON_UNKNOWN_FIELD,
        ErrorKind::DuplicateField => CT_ERR_JSON_DUPLICATE_FIELD,
        ErrorKind::UnknownValue => CT_ERR_JSON_UNKNOWN_VALUE,
        ErrorKind::WrongType => CT_ERR_JSON_WRONG_TYPE,
        ErrorKind::OutOfRange => CT_ERR_JSON_OUT_OF_RANGE,
        ErrorKind::StringTooLong => CT_ERR_JSON_STRING_TOO_LONG,
        ErrorKind::InvalidPolicy => CT_ERR_JSON_INVALID_POLICY,
    }
}

/// The English message of a result code (a `ct_result` value; any other
/// number is accepted): a static NUL-terminated string, never NULL
/// (`"unknown result code"` for a number that is not a code).
#[no_mangle]
pub extern "C" fn ct_result_message(result: u32) -> *const c_char {
    crate::util::boundary_or(c"unknown result code".as_ptr(), || {
        info(result)
            .map_or(c"unknown result code", |i| i.message)
            .as_ptr()
    })
}

/// The macro name of a result code (`"CT_ERR_NULL_POINTER"`; a `ct_result`
/// value, any other number is accepted): a static NUL-terminated string,
/// never NULL (`"CT_UNKNOWN"` for a number that is not a code).
#[no_mangle]
pub extern "C" fn ct_result_name(result: u32) -> *const c_char {
    crate::util::boundary_or(c"CT_UNKNOWN".as_ptr(), || {
        info(result).map_or(c"CT_UNKNOWN", |i| i.name).as_ptr()
    })
}

/// The field an invalid-field code names (`"category"` for
/// `CT_ERR_COMPLAINT_CATEGORY`, `"text_cues.threats"`...; a `ct_result`
/// value, any other number is accepted): a static NUL-terminated string,
/// never NULL; `""` for codes that name no field and numbers that are not
/// codes.
#[no_mangle]
pub extern "C" fn ct_result_field(result: u32) -> *const c_char {
    crate::util::boundary_or(c"".as_ptr(), || {
        info(result).map_or(c"", |i| i.field).as_ptr()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_name_a_message_and_its_group() {
        let all = ct_result::ALL;
        assert!(all.windows(2).all(|w| (w[0] as u32) < (w[1] as u32)));
        for &r in all {
            let i = r.describe();
            let name = i.name.to_str().unwrap();
            // The name is the variant's own (its Debug form), in C too.
            assert_eq!(name, std::format!("{r:?}"));
            // SAFETY: the functions return static NUL-terminated strings.
            let (c_name, c_message, c_field) = unsafe {
                (
                    CStr::from_ptr(ct_result_name(r as u32)),
                    CStr::from_ptr(ct_result_message(r as u32)),
                    CStr::from_ptr(ct_result_field(r as u32)),
                )
            };
            assert_eq!((c_name, c_message, c_field), (i.name, i.message, i.field));
            assert!(!i.message.is_empty(), "{name} has no message");
            let group = match r as u32 {
                0 => "CT_OK",
                100..=199 => "CT_ERR_",
                200..=299 => "CT_ERR_JSON_",
                300..=399 => "CT_ERR_POLICY_",
                400..=499 => "CT_ERR_QUEUE_",
                900 => "CT_ERR_PANIC",
                n => panic!("{name} = {n} is in no group"),
            };
            assert!(name.starts_with(group), "{name}");
        }
    }

    #[test]
    fn from_u32_finds_exactly_the_codes() {
        let mut found = 0;
        for n in (0..=1000).chain([u32::MAX]) {
            match ct_result::from_u32(n) {
                Some(r) => {
                    assert_eq!(r as u32, n);
                    found += 1;
                }
                None => assert!(ct_result::ALL.iter().all(|&r| r as u32 != n)),
            }
        }
        assert_eq!(found, ct_result::ALL.len());
    }

    #[test]
    fn json_codes_are_200_plus_the_core_error_kinds() {
        for &kind in ErrorKind::ALL {
            let r = json_result(kind);
            assert_eq!(r as u32, 200 + u32::from(kind.index()), "{kind:?}");
            let expected = std::format!("CT_ERR_JSON_{}", kind.code().to_ascii_uppercase());
            assert_eq!(r.describe().name.to_str().unwrap(), expected);
        }
        // And every JSON code is the code of a kind.
        let json_codes = ct_result::ALL
            .iter()
            .filter(|&&r| (200..300).contains(&(r as u32)))
            .count();
        assert_eq!(json_codes, ErrorKind::ALL.len());
    }

    /// The header's `enum ct_result`, as (name, number) pairs.
    fn header_enum() -> std::vec::Vec<(std::string::String, u32)> {
        let header = include_str!("../include/complaint_triage.h");
        let start = header
            .find("\nenum ct_result\n")
            .expect("enum ct_result in the header");
        let body = &header[start..];
        let body = &body[body.find('{').unwrap() + 1..body.find("};").unwrap()];
        body.lines()
            .filter_map(|l| l.trim().strip_suffix(','))
            .filter_map(|l| l.split_once(" = "))
            .map(|(name, n)| (name.into(), n.parse().unwrap()))
            .collect()
    }

    #[test]
    fn the_header_enum_has_every_code_with_its_number() {
        let expected: std::vec::Vec<_> = ct_result::ALL
            .iter()
            .map(|&r| (std::format!("{r:?}"), r as u32))
            .collect();
        assert_eq!(header_enum(), expected);
        let header = include_str!("../include/complaint_triage.h");
        // The ABI is a 32-bit integer, and no code is also a macro.
        assert!(header.contains("typedef uint32_t ct_result;"));
        assert!(!header.contains("#define CT_OK") && !header.contains("#define CT_ERR_"));
    }

    #[test]
    fn unknown_codes_have_a_message() {
        // SAFETY: the functions return static NUL-terminated strings.
        let m = unsafe { CStr::from_ptr(ct_result_message(12345)) };
        assert_eq!(m, c"unknown result code");
        // SAFETY: as above.
        let n = unsafe { CStr::from_ptr(ct_result_name(399)) };
        assert_eq!(n, c"CT_UNKNOWN");
        // SAFETY: as above.
        let f = unsafe { CStr::from_ptr(ct_result_field(u32::MAX)) };
        assert_eq!(f, c"");
        // SAFETY: as above.
        let n = unsafe { CStr::from_ptr(ct_result_name(CT_ERR_QUEUE_FULL as u32)) };
        assert_eq!(n, c"CT_ERR_QUEUE_FULL");
        // SAFETY: as above.
        let f = unsafe { CStr::from_ptr(ct_result_field(CT_ERR_COMPLAINT_EMOTION as u32)) };
        assert_eq!(f, c"emotion");
    }
}

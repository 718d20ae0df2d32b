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

/// The result of a fallible function: `CT_OK` (0) or one of the `CT_ERR_*`
/// codes; a plain integer so that C can store and compare it freely. The
/// numbers are stable and grouped by hundreds:
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
pub type ct_result = u32;

/// Success.
pub const CT_OK: ct_result = 0;

/// A required pointer argument is NULL.
pub const CT_ERR_NULL_POINTER: ct_result = 100;
/// The output buffer is too small; nothing was written.
pub const CT_ERR_BUFFER_TOO_SMALL: ct_result = 101;
/// A text argument is not valid UTF-8.
pub const CT_ERR_INVALID_UTF8: ct_result = 102;
/// An argument is out of its range (an unknown vocabulary or language, a
/// zero capacity, a length above `PTRDIFF_MAX`, a queue priority outside 1-5).
pub const CT_ERR_INVALID_ARGUMENT: ct_result = 103;
/// A vocabulary index is past the end of its vocabulary.
pub const CT_ERR_INDEX_OUT_OF_RANGE: ct_result = 104;
/// No value of the vocabulary has this code.
pub const CT_ERR_UNKNOWN_CODE: ct_result = 105;
/// An id is longer than `CT_ID_CAPACITY` bytes.
pub const CT_ERR_ID_TOO_LONG: ct_result = 106;
/// A pointer argument is not aligned for its type.
pub const CT_ERR_MISALIGNED_POINTER: ct_result = 107;

/// `ct_complaint.id_len` is above `CT_ID_CAPACITY` or `id` is not UTF-8.
pub const CT_ERR_COMPLAINT_ID: ct_result = 110;
/// `ct_complaint.category` is not an index of `CT_VOCAB_CATEGORY`.
pub const CT_ERR_COMPLAINT_CATEGORY: ct_result = 111;
/// `ct_complaint.channel` is not an index of `CT_VOCAB_CHANNEL`.
pub const CT_ERR_COMPLAINT_CHANNEL: ct_result = 112;
/// `ct_complaint.customer_tier` is not an index of `CT_VOCAB_CUSTOMER_TIER`.
pub const CT_ERR_COMPLAINT_CUSTOMER_TIER: ct_result = 113;
/// `ct_complaint.tenure_months` is above `CT_MAX_TENURE_MONTHS`.
pub const CT_ERR_COMPLAINT_TENURE_MONTHS: ct_result = 114;
/// `ct_complaint.personality` is not an index of `CT_VOCAB_PERSONALITY`.
pub const CT_ERR_COMPLAINT_PERSONALITY: ct_result = 115;
/// `ct_complaint.motive` is not an index of `CT_VOCAB_MOTIVE`.
pub const CT_ERR_COMPLAINT_MOTIVE: ct_result = 116;
/// `ct_complaint.expectation` is not an index of `CT_VOCAB_EXPECTATION`.
pub const CT_ERR_COMPLAINT_EXPECTATION: ct_result = 117;
/// `ct_complaint.emotion` is above `CT_MAX_EMOTION`.
pub const CT_ERR_COMPLAINT_EMOTION: ct_result = 118;
/// `ct_complaint.prior_contacts` is above `CT_MAX_PRIOR_CONTACTS`.
pub const CT_ERR_COMPLAINT_PRIOR_CONTACTS: ct_result = 119;
/// `ct_complaint.hours_open` is above `CT_MAX_HOURS_OPEN`.
pub const CT_ERR_COMPLAINT_HOURS_OPEN: ct_result = 120;
/// `ct_complaint.affected_customers` is 0 or above `CT_MAX_AFFECTED_CUSTOMERS`.
pub const CT_ERR_COMPLAINT_AFFECTED_CUSTOMERS: ct_result = 121;
/// `ct_complaint.direct_loss` is above `CT_MAX_AMOUNT`.
pub const CT_ERR_COMPLAINT_DIRECT_LOSS: ct_result = 122;
/// `ct_complaint.claimed_amount` is above `CT_MAX_AMOUNT`.
pub const CT_ERR_COMPLAINT_CLAIMED_AMOUNT: ct_result = 123;
/// `ct_complaint.indirect_loss_claimed` is neither 0 nor 1.
pub const CT_ERR_COMPLAINT_INDIRECT_LOSS_CLAIMED: ct_result = 124;
/// `ct_complaint.liability` is not an index of `CT_VOCAB_LIABILITY`.
pub const CT_ERR_COMPLAINT_LIABILITY: ct_result = 125;
/// `ct_complaint.evidence` is not an index of `CT_VOCAB_EVIDENCE`.
pub const CT_ERR_COMPLAINT_EVIDENCE: ct_result = 126;
/// `ct_complaint.departments` is 0 or above `CT_MAX_DEPARTMENTS`.
pub const CT_ERR_COMPLAINT_DEPARTMENTS: ct_result = 127;
/// `ct_complaint.beyond_authority` is neither 0 nor 1.
pub const CT_ERR_COMPLAINT_BEYOND_AUTHORITY: ct_result = 128;
/// `ct_complaint.previously_compensated` is neither 0 nor 1.
pub const CT_ERR_COMPLAINT_PREVIOUSLY_COMPENSATED: ct_result = 129;
/// `ct_complaint.safety_incident` is neither 0 nor 1.
pub const CT_ERR_COMPLAINT_SAFETY_INCIDENT: ct_result = 130;
/// `ct_complaint.sensitive_period` is neither 0 nor 1.
pub const CT_ERR_COMPLAINT_SENSITIVE_PERIOD: ct_result = 131;
/// `ct_complaint.rights` has a bit set past `CT_VOCAB_RIGHT`.
pub const CT_ERR_COMPLAINT_RIGHTS: ct_result = 132;
/// `ct_complaint.threats` has a bit set past `CT_VOCAB_THREAT`.
pub const CT_ERR_COMPLAINT_THREATS: ct_result = 133;
/// `ct_complaint.profile` has a bit set past `CT_VOCAB_PROFILE`.
pub const CT_ERR_COMPLAINT_PROFILE: ct_result = 134;
/// `ct_complaint.malice_signals` has a bit set past `CT_VOCAB_MALICE_SIGNAL`.
pub const CT_ERR_COMPLAINT_MALICE_SIGNALS: ct_result = 135;
/// `ct_complaint.handling_failures` has a bit set past `CT_VOCAB_HANDLING_FAILURE`.
pub const CT_ERR_COMPLAINT_HANDLING_FAILURES: ct_result = 136;
/// `ct_complaint.jurisdiction` is not an index of `CT_VOCAB_JURISDICTION`.
pub const CT_ERR_COMPLAINT_JURISDICTION: ct_result = 137;
/// `ct_complaint.text_cues.threats` has a bit set past `CT_VOCAB_THREAT`.
pub const CT_ERR_COMPLAINT_TEXT_THREATS: ct_result = 138;
/// `ct_complaint.text_cues.forbidden_phrases` has a bit set past `CT_VOCAB_FORBIDDEN_PHRASE`.
pub const CT_ERR_COMPLAINT_TEXT_FORBIDDEN_PHRASES: ct_result = 139;
/// `ct_complaint.text_cues.emotion_markers` has a bit set past `CT_VOCAB_EMOTION_MARKER`.
pub const CT_ERR_COMPLAINT_TEXT_EMOTION_MARKERS: ct_result = 140;

/// `ct_assessment.id_len` is above `CT_ID_CAPACITY` or `id` is not UTF-8.
pub const CT_ERR_ASSESSMENT_ID: ct_result = 150;
/// A score of `ct_assessment.scores` is above 100.
pub const CT_ERR_ASSESSMENT_SCORES: ct_result = 151;
/// `ct_assessment.grade` is not an index of `CT_VOCAB_GRADE`.
pub const CT_ERR_ASSESSMENT_GRADE: ct_result = 152;
/// `ct_assessment.tier` is not an index of `CT_VOCAB_TIER`.
pub const CT_ERR_ASSESSMENT_TIER: ct_result = 153;
/// `ct_assessment.tier_basis` is not an index of `CT_VOCAB_TIER_BASIS`.
pub const CT_ERR_ASSESSMENT_TIER_BASIS: ct_result = 154;
/// `ct_assessment.severity_level` is not an index of `CT_VOCAB_LEVEL`.
pub const CT_ERR_ASSESSMENT_SEVERITY_LEVEL: ct_result = 155;
/// `ct_assessment.impact_level` is not an index of `CT_VOCAB_LEVEL`.
pub const CT_ERR_ASSESSMENT_IMPACT_LEVEL: ct_result = 156;
/// `ct_assessment.urgency_level` is not an index of `CT_VOCAB_LEVEL`.
pub const CT_ERR_ASSESSMENT_URGENCY_LEVEL: ct_result = 157;
/// `ct_assessment.priority` is outside 1-5.
pub const CT_ERR_ASSESSMENT_PRIORITY: ct_result = 158;
/// `ct_assessment.resolution_capped` is neither 0 nor 1.
pub const CT_ERR_ASSESSMENT_RESOLUTION_CAPPED: ct_result = 159;
/// `ct_assessment.has_claim_ratio` is neither 0 nor 1.
pub const CT_ERR_ASSESSMENT_HAS_CLAIM_RATIO: ct_result = 160;
/// `ct_assessment.claim_unreasonable` is neither 0 nor 1.
pub const CT_ERR_ASSESSMENT_CLAIM_UNREASONABLE: ct_result = 161;
/// `ct_assessment.playbook.talk` is not an index of `CT_VOCAB_TALK`.
pub const CT_ERR_ASSESSMENT_PLAYBOOK_TALK: ct_result = 162;
/// `ct_assessment.playbook.motive` is not an index of `CT_VOCAB_MOTIVE_APPROACH`.
pub const CT_ERR_ASSESSMENT_PLAYBOOK_MOTIVE: ct_result = 163;
/// `ct_assessment.playbook.expectation` is not an index of `CT_VOCAB_EXPECTATION_APPROACH`.
pub const CT_ERR_ASSESSMENT_PLAYBOOK_EXPECTATION: ct_result = 164;
/// `ct_assessment.playbook.remedy` is not an index of `CT_VOCAB_REMEDY`.
pub const CT_ERR_ASSESSMENT_PLAYBOOK_REMEDY: ct_result = 165;
/// `ct_assessment.playbook.strategy` is not an index of `CT_VOCAB_STRATEGY`.
pub const CT_ERR_ASSESSMENT_PLAYBOOK_STRATEGY: ct_result = 166;
/// `ct_assessment.text_cues.threats` has a bit set past `CT_VOCAB_THREAT`.
pub const CT_ERR_ASSESSMENT_TEXT_THREATS: ct_result = 167;
/// `ct_assessment.text_cues.forbidden_phrases` has a bit set past `CT_VOCAB_FORBIDDEN_PHRASE`.
pub const CT_ERR_ASSESSMENT_TEXT_FORBIDDEN_PHRASES: ct_result = 168;
/// `ct_assessment.text_cues.emotion_markers` has a bit set past `CT_VOCAB_EMOTION_MARKER`.
pub const CT_ERR_ASSESSMENT_TEXT_EMOTION_MARKERS: ct_result = 169;
/// `ct_assessment.row_count` is above `CT_MAX_REASON_ROWS`.
pub const CT_ERR_ASSESSMENT_ROW_COUNT: ct_result = 170;
/// A `ct_assessment.rows[i].factor` is not an index of `CT_VOCAB_FACTOR`.
pub const CT_ERR_ASSESSMENT_ROW_FACTOR: ct_result = 171;
/// A `ct_assessment.rows[i].source` is not an index of `CT_VOCAB_SOURCE`.
pub const CT_ERR_ASSESSMENT_ROW_SOURCE: ct_result = 172;

/// `ct_outcome.resolved_first_contact` is neither 0 nor 1.
pub const CT_ERR_OUTCOME_RESOLVED_FIRST_CONTACT: ct_result = 180;
/// `ct_outcome.hours_to_resolve` is above `CT_MAX_HOURS_TO_RESOLVE`.
pub const CT_ERR_OUTCOME_HOURS_TO_RESOLVE: ct_result = 181;
/// `ct_outcome.satisfaction` is above 5 (0 means not surveyed).
pub const CT_ERR_OUTCOME_SATISFACTION: ct_result = 182;
/// `ct_outcome.reopened` is neither 0 nor 1.
pub const CT_ERR_OUTCOME_REOPENED: ct_result = 183;
/// `ct_outcome.repeat_within_30_days` is neither 0 nor 1.
pub const CT_ERR_OUTCOME_REPEAT_WITHIN_30_DAYS: ct_result = 184;
/// `ct_outcome.root_cause_fixed` is neither 0 nor 1.
pub const CT_ERR_OUTCOME_ROOT_CAUSE_FIXED: ct_result = 185;

/// `ct_effect.score` is above 100.
pub const CT_ERR_EFFECT_SCORE: ct_result = 190;
/// `ct_effect.on_time` is neither 0 nor 1.
pub const CT_ERR_EFFECT_ON_TIME: ct_result = 191;
/// `ct_effect.reason_count` is above `CT_MAX_EFFECT_REASONS`.
pub const CT_ERR_EFFECT_REASON_COUNT: ct_result = 192;
/// A `ct_effect.reasons[i].factor` is not an index of `CT_VOCAB_EFFECT_FACTOR`.
pub const CT_ERR_EFFECT_REASON_FACTOR: ct_result = 193;

/// JSON: not valid JSON (syntax, encoding, empty input).
pub const CT_ERR_JSON_INVALID_JSON: ct_result = 200;
/// JSON: the input is larger than its limit.
pub const CT_ERR_JSON_TOO_LARGE: ct_result = 201;
/// JSON: nested deeper than the contract allows.
pub const CT_ERR_JSON_TOO_DEEP: ct_result = 202;
/// JSON: the document is not an object.
pub const CT_ERR_JSON_NOT_AN_OBJECT: ct_result = 203;
/// JSON: a field the contract does not know.
pub const CT_ERR_JSON_UNKNOWN_FIELD: ct_result = 204;
/// JSON: a field given twice.
pub const CT_ERR_JSON_DUPLICATE_FIELD: ct_result = 205;
/// JSON: a string that is not one of the field's codes.
pub const CT_ERR_JSON_UNKNOWN_VALUE: ct_result = 206;
/// JSON: a value of the wrong type.
pub const CT_ERR_JSON_WRONG_TYPE: ct_result = 207;
/// JSON: a number outside the field's range.
pub const CT_ERR_JSON_OUT_OF_RANGE: ct_result = 208;
/// JSON: a string longer than the field allows.
pub const CT_ERR_JSON_STRING_TOO_LONG: ct_result = 209;
/// JSON: the policy document is well formed but incoherent.
pub const CT_ERR_JSON_INVALID_POLICY: ct_result = 210;

/// The `ct_policy` was not filled by `ct_policy_default` or
/// `ct_policy_from_json` of this build of the library.
pub const CT_ERR_POLICY_UNINITIALIZED: ct_result = 300;
/// The `ct_policy` was overwritten: one of its grade, tier or priority entries is invalid.
pub const CT_ERR_POLICY_CORRUPT: ct_result = 301;
/// The `ct_policy` fails the policy's coherence rules (`ct_policy_validate`).
pub const CT_ERR_POLICY_INCOHERENT: ct_result = 302;

/// The triage queue is full; nothing was overwritten.
pub const CT_ERR_QUEUE_FULL: ct_result = 400;
/// The triage queue is empty.
pub const CT_ERR_QUEUE_EMPTY: ct_result = 401;
/// The `ct_queue` is inconsistent (no storage, or more entries than capacity).
pub const CT_ERR_QUEUE_CORRUPT: ct_result = 402;

/// A panic was caught at the library boundary (a bug in the library).
pub const CT_ERR_PANIC: ct_result = 900;

/// One result code: its macro name, the field it names and its message.
pub(crate) struct ResultInfo {
    pub code: ct_result,
    pub name: &'static CStr,
    pub field: &'static CStr,
    pub message: &'static CStr,
}

macro_rules! info {
    ($code:ident, $field:literal, $message:literal) => {
        ResultInfo {
            code: $code,
            name: match CStr::from_bytes_with_nul(concat!(stringify!($code), "\0").as_bytes()) {
                Ok(s) => s,
                Err(_) => panic!(),
            },
            field: $field,
            message: $message,
        }
    };
}

/// Every result code, in numeric order.
pub(crate) static RESULTS: &[ResultInfo] = &[
    info!(CT_OK, c"", c"success"),
    info!(
        CT_ERR_NULL_POINTER,
        c"", c"a required pointer argument is NULL"
    ),
    info!(
        CT_ERR_BUFFER_TOO_SMALL,
        c"", c"the output buffer is too small"
    ),
    info!(CT_ERR_INVALID_UTF8, c"", c"the text is not valid UTF-8"),
    info!(
        CT_ERR_INVALID_ARGUMENT,
        c"", c"an argument is out of its range"
    ),
    info!(
        CT_ERR_INDEX_OUT_OF_RANGE,
        c"", c"the index is past the end of the vocabulary"
    ),
    info!(
        CT_ERR_UNKNOWN_CODE,
        c"", c"no value of the vocabulary has this code"
    ),
    info!(CT_ERR_ID_TOO_LONG, c"id", c"the id is longer than 64 bytes"),
    info!(
        CT_ERR_MISALIGNED_POINTER,
        c"", c"a pointer argument is not aligned for its type"
    ),
    info!(
        CT_ERR_COMPLAINT_ID,
        c"id", c"ct_complaint.id: longer than 64 bytes or not UTF-8"
    ),
    info!(
        CT_ERR_COMPLAINT_CATEGORY,
        c"category", c"ct_complaint.category: not a category index"
    ),
    info!(
        CT_ERR_COMPLAINT_CHANNEL,
        c"channel", c"ct_complaint.channel: not a channel index"
    ),
    info!(
        CT_ERR_COMPLAINT_CUSTOMER_TIER,
        c"customer_tier", c"ct_complaint.customer_tier: not a customer tier index"
    ),
    info!(
        CT_ERR_COMPLAINT_TENURE_MONTHS,
        c"tenure_months", c"ct_complaint.tenure_months: above 1200"
    ),
    info!(
        CT_ERR_COMPLAINT_PERSONALITY,
        c"personality", c"ct_complaint.personality: not a personality index"
    ),
    info!(
        CT_ERR_COMPLAINT_MOTIVE,
        c"motive", c"ct_complaint.motive: not a motive index"
    ),
    info!(
        CT_ERR_COMPLAINT_EXPECTATION,
        c"expectation", c"ct_complaint.expectation: not an expectation index"
    ),
    info!(
        CT_ERR_COMPLAINT_EMOTION,
        c"emotion", c"ct_complaint.emotion: above 10"
    ),
    info!(
        CT_ERR_COMPLAINT_PRIOR_CONTACTS,
        c"prior_contacts", c"ct_complaint.prior_contacts: above 10000"
    ),
    info!(
        CT_ERR_COMPLAINT_HOURS_OPEN,
        c"hours_open", c"ct_complaint.hours_open: above 1000000"
    ),
    info!(
        CT_ERR_COMPLAINT_AFFECTED_CUSTOMERS,
        c"affected_customers", c"ct_complaint.affected_customers: outside 1..=1000000000"
    ),
    info!(
        CT_ERR_COMPLAINT_DIRECT_LOSS,
        c"direct_loss", c"ct_complaint.direct_loss: above 1000000000000000"
    ),
    info!(
        CT_ERR_COMPLAINT_CLAIMED_AMOUNT,
        c"claimed_amount", c"ct_complaint.claimed_amount: above 1000000000000000"
    ),
    info!(
        CT_ERR_COMPLAINT_INDIRECT_LOSS_CLAIMED,
        c"indirect_loss_claimed", c"ct_complaint.indirect_loss_claimed: neither 0 nor 1"
    ),
    info!(
        CT_ERR_COMPLAINT_LIABILITY,
        c"liability", c"ct_complaint.liability: not a liability index"
    ),
    info!(
        CT_ERR_COMPLAINT_EVIDENCE,
        c"evidence", c"ct_complaint.evidence: not an evidence index"
    ),
    info!(
        CT_ERR_COMPLAINT_DEPARTMENTS,
        c"departments", c"ct_complaint.departments: outside 1..=100"
    ),
    info!(
        CT_ERR_COMPLAINT_BEYOND_AUTHORITY,
        c"beyond_authority", c"ct_complaint.beyond_authority: neither 0 nor 1"
    ),
    info!(
        CT_ERR_COMPLAINT_PREVIOUSLY_COMPENSATED,
        c"previously_compensated", c"ct_complaint.previously_compensated: neither 0 nor 1"
    ),
    info!(
        CT_ERR_COMPLAINT_SAFETY_INCIDENT,
        c"safety_incident", c"ct_complaint.safety_incident: neither 0 nor 1"
    ),
    info!(
        CT_ERR_COMPLAINT_SENSITIVE_PERIOD,
        c"sensitive_period", c"ct_complaint.sensitive_period: neither 0 nor 1"
    ),
    info!(
        CT_ERR_COMPLAINT_RIGHTS,
        c"rights", c"ct_complaint.rights: a bit with no right"
    ),
    info!(
        CT_ERR_COMPLAINT_THREATS,
        c"threats", c"ct_complaint.threats: a bit with no threat"
    ),
    info!(
        CT_ERR_COMPLAINT_PROFILE,
        c"profile", c"ct_complaint.profile: a bit with no profile"
    ),
    info!(
        CT_ERR_COMPLAINT_MALICE_SIGNALS,
        c"malice_signals", c"ct_complaint.malice_signals: a bit with no malice signal"
    ),
    info!(
        CT_ERR_COMPLAINT_HANDLING_FAILURES,
        c"handling_failures", c"ct_complaint.handling_failures: a bit with no handling failure"
    ),
    info!(
        CT_ERR_COMPLAINT_JURISDICTION,
        c"jurisdiction", c"ct_complaint.jurisdiction: not a jurisdiction index"
    ),
    info!(
        CT_ERR_COMPLAINT_TEXT_THREATS,
        c"text_cues.threats", c"ct_complaint.text_cues.threats: a bit with no threat"
    ),
    info!(
        CT_ERR_COMPLAINT_TEXT_FORBIDDEN_PHRASES,
        c"text_cues.forbidden_phrases",
        c"ct_complaint.text_cues.forbidden_phrases: a bit with no phrase"
    ),
    info!(
        CT_ERR_COMPLAINT_TEXT_EMOTION_MARKERS,
        c"text_cues.emotion_markers",
        c"ct_complaint.text_cues.emotion_markers: a bit with no marker"
    ),
    info!(
        CT_ERR_ASSESSMENT_ID,
        c"id", c"ct_assessment.id: longer than 64 bytes or not UTF-8"
    ),
    info!(
        CT_ERR_ASSESSMENT_SCORES,
        c"scores", c"ct_assessment.scores: a score above 100"
    ),
    info!(
        CT_ERR_ASSESSMENT_GRADE,
        c"grade", c"ct_assessment.grade: not a grade index"
    ),
    info!(
        CT_ERR_ASSESSMENT_TIER,
        c"tier", c"ct_assessment.tier: not a tier index"
    ),
    info!(
        CT_ERR_ASSESSMENT_TIER_BASIS,
        c"tier_basis", c"ct_assessment.tier_basis: not a tier basis index"
    ),
    info!(
        CT_ERR_ASSESSMENT_SEVERITY_LEVEL,
        c"severity_level", c"ct_assessment.severity_level: not a level index"
    ),
    info!(
        CT_ERR_ASSESSMENT_IMPACT_LEVEL,
        c"impact_level", c"ct_assessment.impact_level: not a level index"
    ),
    info!(
        CT_ERR_ASSESSMENT_URGENCY_LEVEL,
        c"urgency_level", c"ct_assessment.urgency_level: not a level index"
    ),
    info!(
        CT_ERR_ASSESSMENT_PRIORITY,
        c"priority", c"ct_assessment.priority: outside 1..=5"
    ),
    info!(
        CT_ERR_ASSESSMENT_RESOLUTION_CAPPED,
        c"resolution_capped", c"ct_assessment.resolution_capped: neither 0 nor 1"
    ),
    info!(
        CT_ERR_ASSESSMENT_HAS_CLAIM_RATIO,
        c"has_claim_ratio", c"ct_assessment.has_claim_ratio: neither 0 nor 1"
    ),
    info!(
        CT_ERR_ASSESSMENT_CLAIM_UNREASONABLE,
        c"claim_unreasonable", c"ct_assessment.claim_unreasonable: neither 0 nor 1"
    ),
    info!(
        CT_ERR_ASSESSMENT_PLAYBOOK_TALK,
        c"playbook.talk", c"ct_assessment.playbook.talk: not a talk index"
    ),
    info!(
        CT_ERR_ASSESSMENT_PLAYBOOK_MOTIVE,
        c"playbook.motive", c"ct_assessment.playbook.motive: not a motive approach index"
    ),
    info!(
        CT_ERR_ASSESSMENT_PLAYBOOK_EXPECTATION,
        c"playbook.expectation",
        c"ct_assessment.playbook.expectation: not an expectation approach index"
    ),
    info!(
        CT_ERR_ASSESSMENT_PLAYBOOK_REMEDY,
        c"playbook.remedy", c"ct_assessment.playbook.remedy: not a remedy index"
    ),
    info!(
        CT_ERR_ASSESSMENT_PLAYBOOK_STRATEGY,
        c"playbook.strategy", c"ct_assessment.playbook.strategy: not a strategy index"
    ),
    info!(
        CT_ERR_ASSESSMENT_TEXT_THREATS,
        c"text_cues.threats", c"ct_assessment.text_cues.threats: a bit with no threat"
    ),
    info!(
        CT_ERR_ASSESSMENT_TEXT_FORBIDDEN_PHRASES,
        c"text_cues.forbidden_phrases",
        c"ct_assessment.text_cues.forbidden_phrases: a bit with no phrase"
    ),
    info!(
        CT_ERR_ASSESSMENT_TEXT_EMOTION_MARKERS,
        c"text_cues.emotion_markers",
        c"ct_assessment.text_cues.emotion_markers: a bit with no marker"
    ),
    info!(
        CT_ERR_ASSESSMENT_ROW_COUNT,
        c"row_count", c"ct_assessment.row_count: above CT_MAX_REASON_ROWS"
    ),
    info!(
        CT_ERR_ASSESSMENT_ROW_FACTOR,
        c"rows.factor", c"ct_assessment.rows[i].factor: not a factor index"
    ),
    info!(
        CT_ERR_ASSESSMENT_ROW_SOURCE,
        c"rows.source", c"ct_assessment.rows[i].source: not a source index"
    ),
    info!(
        CT_ERR_OUTCOME_RESOLVED_FIRST_CONTACT,
        c"resolved_first_contact", c"ct_outcome.resolved_first_contact: neither 0 nor 1"
    ),
    info!(
        CT_ERR_OUTCOME_HOURS_TO_RESOLVE,
        c"hours_to_resolve", c"ct_outcome.hours_to_resolve: above 1000000"
    ),
    info!(
        CT_ERR_OUTCOME_SATISFACTION,
        c"satisfaction", c"ct_outcome.satisfaction: above 5"
    ),
    info!(
        CT_ERR_OUTCOME_REOPENED,
        c"reopened", c"ct_outcome.reopened: neither 0 nor 1"
    ),
    info!(
        CT_ERR_OUTCOME_REPEAT_WITHIN_30_DAYS,
        c"repeat_within_30_days", c"ct_outcome.repeat_within_30_days: neither 0 nor 1"
    ),
    info!(
        CT_ERR_OUTCOME_ROOT_CAUSE_FIXED,
        c"root_cause_fixed", c"ct_outcome.root_cause_fixed: neither 0 nor 1"
    ),
    info!(CT_ERR_EFFECT_SCORE, c"score", c"ct_effect.score: above 100"),
    info!(
        CT_ERR_EFFECT_ON_TIME,
        c"on_time", c"ct_effect.on_time: neither 0 nor 1"
    ),
    info!(
        CT_ERR_EFFECT_REASON_COUNT,
        c"reason_count", c"ct_effect.reason_count: above CT_MAX_EFFECT_REASONS"
    ),
    info!(
        CT_ERR_EFFECT_REASON_FACTOR,
        c"reasons.factor", c"ct_effect.reasons[i].factor: not an effect factor index"
    ),
    info!(CT_ERR_JSON_INVALID_JSON, c"", c"JSON: not valid JSON"),
    info!(CT_ERR_JSON_TOO_LARGE, c"", c"JSON: input too large"),
    info!(CT_ERR_JSON_TOO_DEEP, c"", c"JSON: nesting too deep"),
    info!(CT_ERR_JSON_NOT_AN_OBJECT, c"", c"JSON: not a JSON object"),
    info!(CT_ERR_JSON_UNKNOWN_FIELD, c"", c"JSON: unknown field"),
    info!(CT_ERR_JSON_DUPLICATE_FIELD, c"", c"JSON: duplicate field"),
    info!(CT_ERR_JSON_UNKNOWN_VALUE, c"", c"JSON: unknown value"),
    info!(CT_ERR_JSON_WRONG_TYPE, c"", c"JSON: wrong type"),
    info!(CT_ERR_JSON_OUT_OF_RANGE, c"", c"JSON: number out of range"),
    info!(CT_ERR_JSON_STRING_TOO_LONG, c"", c"JSON: string too long"),
    info!(CT_ERR_JSON_INVALID_POLICY, c"", c"JSON: incoherent policy"),
    info!(
        CT_ERR_POLICY_UNINITIALIZED,
        c"", c"ct_policy: not filled by ct_policy_default or ct_policy_from_json of this library"
    ),
    info!(
        CT_ERR_POLICY_CORRUPT,
        c"", c"ct_policy: overwritten (an invalid grade, tier or priority)"
    ),
    info!(
        CT_ERR_POLICY_INCOHERENT,
        c"", c"ct_policy: fails the policy's coherence rules"
    ),
    info!(CT_ERR_QUEUE_FULL, c"", c"the triage queue is full"),
    info!(CT_ERR_QUEUE_EMPTY, c"", c"the triage queue is empty"),
    info!(
        CT_ERR_QUEUE_CORRUPT,
        c"", c"the ct_queue is inconsistent (no storage, or more entries than capacity)"
    ),
    info!(
        CT_ERR_PANIC,
        c"", c"internal error: a panic was caught at the library boundary"
    ),
];

/// The entry of a code, if it is one.
pub(crate) fn info(code: ct_result) -> Option<&'static ResultInfo> {
    RESULTS
        .binary_search_by_key(&code, |i| i.code)
        .ok()
        .and_then(|i| RESULTS.get(i))
}

/// The result code of a core JSON error kind (`200 +` its index).
pub(crate) fn json_result(kind: triage::ErrorKind) -> ct_result {
    CT_ERR_JSON_INVALID_JSON + ct_result::from(kind.index())
}

/// The English message of a result code: a static NUL-terminated string,
/// never NULL (`"unknown result code"` for a number that is not a code).
#[no_mangle]
pub extern "C" fn ct_result_message(result: ct_result) -> *const c_char {
    crate::util::boundary_or(c"unknown result code".as_ptr(), || {
        info(result)
            .map_or(c"unknown result code", |i| i.message)
            .as_ptr()
    })
}

/// The macro name of a result code (`"CT_ERR_NULL_POINTER"`): a static
/// NUL-terminated string, never NULL (`"CT_UNKNOWN"` for a number that is
/// not a code).
#[no_mangle]
pub extern "C" fn ct_result_name(result: ct_result) -> *const c_char {
    crate::util::boundary_or(c"CT_UNKNOWN".as_ptr(), || {
        info(result).map_or(c"CT_UNKNOWN", |i| i.name).as_ptr()
    })
}

/// The field an invalid-field code names (`"category"` for
/// `CT_ERR_COMPLAINT_CATEGORY`, `"text_cues.threats"`...): a static
/// NUL-terminated string, never NULL; `""` for codes that name no field.
#[no_mangle]
pub extern "C" fn ct_result_field(result: ct_result) -> *const c_char {
    crate::util::boundary_or(c"".as_ptr(), || {
        info(result).map_or(c"", |i| i.field).as_ptr()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_grouped() {
        assert!(RESULTS.windows(2).all(|w| w[0].code < w[1].code));
        for r in RESULTS {
            let name = r.name.to_str().unwrap();
            assert!(name.starts_with("CT_"));
            let group = match r.code {
                0 => "CT_OK",
                100..=199 => "CT_ERR_",
                200..=299 => "CT_ERR_JSON_",
                300..=399 => "CT_ERR_POLICY_",
                400..=499 => "CT_ERR_QUEUE_",
                _ => "CT_ERR_PANIC",
            };
            assert!(name.starts_with(group), "{name}");
            assert!(!r.message.is_empty() || r.code == 0);
        }
    }

    #[test]
    fn json_codes_mirror_the_core_error_kinds() {
        for kind in triage::ErrorKind::ALL {
            let i = info(json_result(*kind)).unwrap();
            let expected = std::format!("CT_ERR_JSON_{}", kind.code().to_ascii_uppercase());
            assert_eq!(i.name.to_str().unwrap(), expected);
        }
        assert_eq!(
            json_result(triage::ErrorKind::InvalidPolicy),
            CT_ERR_JSON_INVALID_POLICY
        );
    }

    #[test]
    fn every_header_code_has_an_entry() {
        let header = include_str!("../include/complaint_triage.h");
        let mut seen = 0;
        for line in header.lines() {
            let mut words = line.split_whitespace();
            if words.next() != Some("#define") {
                continue;
            }
            let (Some(name), Some(value)) = (words.next(), words.next()) else {
                continue;
            };
            if name != "CT_OK" && !name.starts_with("CT_ERR_") {
                continue;
            }
            let code: ct_result = value.parse().unwrap();
            let i = info(code).unwrap_or_else(|| panic!("{name} has no entry"));
            assert_eq!(i.name.to_str().unwrap(), name);
            seen += 1;
        }
        assert_eq!(seen, RESULTS.len());
    }

    #[test]
    fn unknown_codes_have_a_message() {
        // SAFETY: the functions return static NUL-terminated strings.
        let m = unsafe { CStr::from_ptr(ct_result_message(12345)) };
        assert_eq!(m, c"unknown result code");
        // SAFETY: as above.
        let n = unsafe { CStr::from_ptr(ct_result_name(CT_ERR_QUEUE_FULL)) };
        assert_eq!(n, c"CT_ERR_QUEUE_FULL");
        // SAFETY: as above.
        let f = unsafe { CStr::from_ptr(ct_result_field(CT_ERR_COMPLAINT_EMOTION)) };
        assert_eq!(f, c"emotion");
    }
}

//! A closed complaint's outcome as one JSON object.

use super::error::LimitTexts;
use super::walk::{KeyBuf, Walk};
use super::ParseError;
use crate::guard::Limits;
use crate::outcome::Outcome;

/// Limits on an untrusted outcome: small, flat.
const OUTCOME_LIMITS: Limits = Limits {
    max_bytes: 4096,
    max_depth: 1,
    max_string_bytes: 64,
};

/// What the outcome's limits accept, as its errors say it.
const OUTCOME_TEXTS: LimitTexts = LimitTexts {
    string: "at most 64 bytes",
    depth: "1 level (the outcome object)",
    fields: &OUTCOME_FIELDS,
};

names! {
    /// The outcome's fields, in contract order: every key an outcome may hold.
    pub OUTCOME_FIELDS, FIELD_LIST = [
        "resolved_first_contact",
        "hours_to_resolve",
        "satisfaction",
        "reopened",
        "repeat_within_30_days",
        "root_cause_fixed",
    ]
}

/// Parses an outcome:
/// `{"resolved_first_contact": bool, "hours_to_resolve": int, "satisfaction": 1-5,
/// "reopened": bool, "repeat_within_30_days": bool, "root_cause_fixed": bool}`;
/// every field optional (false, 0, not surveyed).
///
/// ```
/// let o = complaint_triage::parse_outcome(br#"{"hours_to_resolve":20,"satisfaction":4}"#).unwrap();
/// assert_eq!(o.satisfaction, Some(4));
/// assert!(complaint_triage::parse_outcome(br#"{"satisfaction":6}"#).is_err());
/// ```
pub fn parse_outcome(json: &[u8]) -> Result<Outcome, ParseError> {
    let mut w = Walk::document(json, &OUTCOME_LIMITS, &OUTCOME_TEXTS)?;
    let mut o = Outcome::default();
    let mut seen = 0u8;
    let mut first = true;
    let mut buf = KeyBuf::new();
    w.open_object()?;
    while let Some(key) = w.next_key(&mut first, "", &mut buf)? {
        let Some(i) = OUTCOME_FIELDS.iter().position(|f| *f == key) else {
            return Err(w.unknown_key("", key, FIELD_LIST, &OUTCOME_FIELDS));
        };
        let field = OUTCOME_FIELDS.get(i).copied().unwrap_or("");
        w.field = field;
        if seen & (1 << i) != 0 {
            return Err(w.duplicate(field, ""));
        }
        seen |= 1 << i;
        // The ranges fit the target types, so the casts are exact.
        match i {
            0 => o.resolved_first_contact = w.boolean()?,
            1 => {
                o.hours_to_resolve = w.int(false, 0, 1_000_000, "an integer in 0..=1000000")? as u32
            }
            2 => o.satisfaction = Some(w.int(false, 1, 5, "an integer in 1..=5")? as u8),
            3 => o.reopened = w.boolean()?,
            4 => o.repeat_within_30_days = w.boolean()?,
            _ => o.root_cause_fixed = w.boolean()?,
        }
    }
    Ok(o)
}

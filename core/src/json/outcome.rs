//! A closed complaint's outcome as one JSON object.

use serde::de::MapAccess;

use super::value::{BoolSeed, UIntSeed};
use super::{parse_document, Ctx, ErrorKind, Members, ObjectSeed, ParseError};
use crate::guard::Limits;
use crate::outcome::Outcome;

/// Limits on an untrusted outcome: small, flat.
const OUTCOME_LIMITS: Limits = Limits {
    max_bytes: 4096,
    max_depth: 1,
    max_string_bytes: 64,
};

/// The outcome's fields, in contract order: every key an outcome may hold.
pub const OUTCOME_FIELDS: [&str; 6] = [
    "resolved_first_contact",
    "hours_to_resolve",
    "satisfaction",
    "reopened",
    "repeat_within_30_days",
    "root_cause_fixed",
];
const FIELD_LIST: &str = "resolved_first_contact, hours_to_resolve, satisfaction, reopened, repeat_within_30_days, root_cause_fixed";

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
    let mut reader = OutcomeReader {
        outcome: Outcome::default(),
        seen: 0,
    };
    parse_document(json, &OUTCOME_LIMITS, |ctx, de| {
        serde::de::DeserializeSeed::deserialize(
            ObjectSeed {
                ctx,
                members: &mut reader,
                field: "",
            },
            de,
        )
    })?;
    Ok(reader.outcome)
}

struct OutcomeReader {
    outcome: Outcome,
    seen: u8,
}

impl<'i> Members<'i> for OutcomeReader {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(i) = OUTCOME_FIELDS.iter().position(|f| *f == key) else {
            let e = ParseError::new(ErrorKind::UnknownField, ctx.key_offset, "", FIELD_LIST)
                .with_found(key);
            return Err(ctx.fail(e));
        };
        let field = OUTCOME_FIELDS.get(i).copied().unwrap_or("");
        ctx.field = field;
        if self.seen & (1 << i) != 0 {
            return Err(ctx.fail(ParseError::new(
                ErrorKind::DuplicateField,
                ctx.key_offset,
                field,
                "each field at most once",
            )));
        }
        self.seen |= 1 << i;
        let o = &mut self.outcome;
        match i {
            0 => o.resolved_first_contact = map.next_value_seed(BoolSeed { ctx })?,
            1 => {
                o.hours_to_resolve = map.next_value_seed(UIntSeed {
                    ctx,
                    min: 0,
                    max: 1_000_000,
                    expected: "an integer in 0..=1000000",
                })? as u32
            }
            2 => {
                o.satisfaction = Some(map.next_value_seed(UIntSeed {
                    ctx,
                    min: 1,
                    max: 5,
                    expected: "an integer in 1..=5",
                })? as u8)
            }
            3 => o.reopened = map.next_value_seed(BoolSeed { ctx })?,
            4 => o.repeat_within_30_days = map.next_value_seed(BoolSeed { ctx })?,
            _ => o.root_cause_fixed = map.next_value_seed(BoolSeed { ctx })?,
        }
        Ok(())
    }
}

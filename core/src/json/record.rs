//! The record contract: a complaint as one JSON object.

use serde::de::MapAccess;

use super::value::{BoolSeed, CodeSeed, FlagsSeed, StringSeed, TextSeed, UIntSeed};
use super::{parse_document, Ctx, ErrorKind, Members, ObjectSeed, ParseError};
use crate::complaint::{Complaint, ID_CAPACITY};
use crate::guard::Limits;
use crate::scan::Scanner;

/// Limits on an untrusted record: 64 KiB in all, nesting depth 2 (the
/// record object and its lists), 32 KiB for any one string (the text).
pub const RECORD_LIMITS: Limits = Limits {
    max_bytes: 64 * 1024,
    max_depth: 2,
    max_string_bytes: 32 * 1024,
};

/// Parses one complaint record (a JSON object, see the crate documentation
/// for the contract) and scans its `text`.
///
/// Every field is optional and takes the contract's default when absent.
/// Anything else that does not fit the contract is an error naming the
/// field and the byte offset: an unknown or repeated field, an unknown
/// enum string, a wrong type, a number out of range, a string too long,
/// nesting too deep, invalid JSON. Never panics, never allocates.
///
/// ```
/// use complaint_triage::{parse_complaint, Category, ErrorKind};
///
/// let c = parse_complaint(br#"{"id":"A-1","category":"billing","emotion":7}"#).unwrap();
/// assert_eq!(c.category, Category::Billing);
/// assert_eq!(c.emotion, 7);
///
/// let e = parse_complaint(br#"{"emotoin":7}"#).unwrap_err();
/// assert_eq!(e.kind, ErrorKind::UnknownField);
/// assert_eq!(e.offset, 1);
/// ```
pub fn parse_complaint(json: &[u8]) -> Result<Complaint, ParseError> {
    let mut reader = RecordReader {
        complaint: Complaint::DEFAULT,
        seen: 0,
        scanner: Scanner::new(),
    };
    parse_document(json, &RECORD_LIMITS, |ctx, de| {
        serde::de::DeserializeSeed::deserialize(
            ObjectSeed {
                ctx,
                members: &mut reader,
                field: "",
            },
            de,
        )
    })?;
    let mut complaint = reader.complaint;
    complaint.text_cues = complaint.text_cues.union(reader.scanner.finish());
    Ok(complaint)
}

struct RecordReader {
    complaint: Complaint,
    /// Bit `i` set once field `i` of [`RECORD_FIELDS`] was read.
    seen: u32,
    scanner: Scanner,
}

/// The record's fields, in contract order: every key a record may hold.
pub const RECORD_FIELDS: [&str; 29] = [
    "id",
    "category",
    "channel",
    "customer_tier",
    "tenure_months",
    "personality",
    "motive",
    "expectation",
    "emotion",
    "prior_contacts",
    "hours_open",
    "affected_customers",
    "direct_loss",
    "claimed_amount",
    "indirect_loss_claimed",
    "liability",
    "evidence",
    "departments",
    "beyond_authority",
    "previously_compensated",
    "safety_incident",
    "sensitive_period",
    "rights",
    "threats",
    "profile",
    "malice_signals",
    "handling_failures",
    "jurisdiction",
    "text",
];

/// Accepted field names, for the unknown-field message.
const FIELD_LIST: &str = "id, category, channel, customer_tier, tenure_months, personality, motive, expectation, \
emotion, prior_contacts, hours_open, affected_customers, direct_loss, claimed_amount, indirect_loss_claimed, \
liability, evidence, departments, beyond_authority, previously_compensated, safety_incident, sensitive_period, \
rights, threats, profile, malice_signals, handling_failures, jurisdiction, text";

/// Largest accepted amount, in minor units (10^15: ten trillion in major units).
pub const MAX_AMOUNT: u64 = 1_000_000_000_000_000;

impl<'i> Members<'i> for RecordReader {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(i) = RECORD_FIELDS.iter().position(|f| *f == key) else {
            ctx.offset = ctx.key_offset;
            let e = ParseError::new(ErrorKind::UnknownField, ctx.key_offset, "", FIELD_LIST)
                .with_found(key);
            return Err(ctx.fail(e));
        };
        let field = RECORD_FIELDS.get(i).copied().unwrap_or("");
        ctx.field = field;
        if self.seen & (1 << i) != 0 {
            let e = ParseError::new(
                ErrorKind::DuplicateField,
                ctx.key_offset,
                field,
                "each field at most once",
            );
            return Err(ctx.fail(e));
        }
        self.seen |= 1 << i;

        let c = &mut self.complaint;
        macro_rules! uint {
            ($min:expr, $max:expr, $what:literal) => {
                map.next_value_seed(UIntSeed {
                    ctx,
                    min: $min,
                    max: $max,
                    expected: $what,
                })?
            };
        }
        macro_rules! code {
            () => {
                map.next_value_seed(CodeSeed::new(ctx))?
            };
        }
        macro_rules! flags {
            () => {
                map.next_value_seed(FlagsSeed::new(ctx))?
            };
        }
        macro_rules! boolean {
            () => {
                map.next_value_seed(BoolSeed { ctx })?
            };
        }
        // The ranges below fit the target types, so the casts are exact.
        match field {
            "id" => {
                c.id = map.next_value_seed(StringSeed::<ID_CAPACITY> {
                    ctx,
                    expected: "a string of at most 64 bytes",
                })?
            }
            "category" => c.category = code!(),
            "channel" => c.channel = code!(),
            "customer_tier" => c.customer_tier = code!(),
            "tenure_months" => c.tenure_months = uint!(0, 1200, "an integer in 0..=1200") as u16,
            "personality" => c.personality = code!(),
            "motive" => c.motive = code!(),
            "expectation" => c.expectation = code!(),
            "emotion" => c.emotion = uint!(0, 10, "an integer in 0..=10") as u8,
            "prior_contacts" => {
                c.prior_contacts = uint!(0, 10_000, "an integer in 0..=10000") as u16
            }
            "hours_open" => c.hours_open = uint!(0, 1_000_000, "an integer in 0..=1000000") as u32,
            "affected_customers" => {
                c.affected_customers =
                    uint!(1, 1_000_000_000, "an integer in 1..=1000000000") as u32
            }
            "direct_loss" => {
                c.direct_loss = uint!(
                    0,
                    MAX_AMOUNT,
                    "an integer in 0..=1000000000000000 (minor units)"
                )
            }
            "claimed_amount" => {
                c.claimed_amount = uint!(
                    0,
                    MAX_AMOUNT,
                    "an integer in 0..=1000000000000000 (minor units)"
                )
            }
            "indirect_loss_claimed" => c.indirect_loss_claimed = boolean!(),
            "liability" => c.liability = code!(),
            "evidence" => c.evidence = code!(),
            "departments" => c.departments = uint!(1, 100, "an integer in 1..=100") as u8,
            "beyond_authority" => c.beyond_authority = boolean!(),
            "previously_compensated" => c.previously_compensated = boolean!(),
            "safety_incident" => c.safety_incident = boolean!(),
            "sensitive_period" => c.sensitive_period = boolean!(),
            "rights" => c.rights = flags!(),
            "threats" => c.threats = flags!(),
            "profile" => c.profile = flags!(),
            "malice_signals" => c.malice_signals = flags!(),
            "handling_failures" => c.handling_failures = flags!(),
            "jurisdiction" => c.jurisdiction = code!(),
            _ => map.next_value_seed(TextSeed {
                ctx,
                scanner: &mut self.scanner,
            })?,
        }
        Ok(())
    }
}

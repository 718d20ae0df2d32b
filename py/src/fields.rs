//! The record's fields as the frame reader fills them.
//!
//! The field names and the accepted numeric ranges are not restated here:
//! they are the core's declared contract (`RECORD_CONTRACT`). This table
//! only says how to store an already validated
//! value into a [`Complaint`]; a field the core knows and this table does
//! not is still accepted: its rows go through the core's parser.

use std::sync::OnceLock;

use crate::arrow::{StrKey, Strings};

use complaint_triage::{
    Category, Channel, Complaint, CustomerTier, Evidence, Expectation, FieldKind, FlagSet,
    HandlingFailure, Jurisdiction, Liability, MaliceSignal, Motive, Personality, Profile, Right,
    SafetyLevel, Threat,
};

/// How a field is stored.
#[derive(Clone, Copy)]
pub enum Setter {
    /// `id`: a string of limited length; not needed for grading.
    Id,
    /// `text`: free text, scanned.
    Text,
    /// An unsigned integer in `min..=max`.
    UInt {
        set: fn(&mut Complaint, u64),
        min: u64,
        max: u64,
    },
    /// One code of a vocabulary (as its stable index).
    Code {
        parse: fn(&str) -> Option<u8>,
        set: fn(&mut Complaint, u8),
        codes: fn() -> Vec<&'static str>,
        /// The index of the field's default.
        default: u8,
    },
    /// `true` or `false`.
    Bool(fn(&mut Complaint, bool)),
    /// A list of codes of a vocabulary (as a bit set).
    Flags {
        parse: fn(&str) -> Option<u8>,
        set: fn(&mut Complaint, u16),
        codes: fn() -> Vec<&'static str>,
    },
    /// A field the core knows that has no fast path here.
    CoreOnly,
}

/// A fast exact lookup of a vocabulary's codes: a small open-addressing
/// table whose hits are verified byte for byte; anything not in it is
/// looked up with the vocabulary's own `from_code`, so the result is always
/// the core's.
pub struct CodeLookup {
    slots: [u8; 64],
    codes: Vec<(&'static str, u8)>,
    keys: Vec<StrKey>,
    parse: fn(&str) -> Option<u8>,
    key_slots: [u8; 64],
}

impl CodeLookup {
    /// The lookup of a vocabulary.
    pub fn new(codes: Vec<&'static str>, parse: fn(&str) -> Option<u8>) -> Self {
        let mut table = CodeLookup {
            slots: [u8::MAX; 64],
            codes: Vec::new(),
            keys: Vec::new(),
            parse,
            key_slots: [u8::MAX; 64],
        };
        for code in codes.into_iter().take(60) {
            let Some(ix) = parse(code) else { continue };
            let n = table.codes.len() as u8;
            table.codes.push((code, ix));
            table.keys.push(StrKey::of(code.as_bytes()));
            let mut h = Self::hash(code.as_bytes());
            while table.slots[h] != u8::MAX {
                h = (h + 1) & 63;
            }
            table.slots[h] = n;
            let mut h = Self::key_hash(&StrKey::of(code.as_bytes()));
            while table.key_slots[h] != u8::MAX {
                h = (h + 1) & 63;
            }
            table.key_slots[h] = n;
        }
        table
    }

    #[inline(always)]
    fn hash(b: &[u8]) -> usize {
        let n = b.len();
        let first = b.first().copied().unwrap_or(0) as usize;
        let last = b.last().copied().unwrap_or(0) as usize;
        let mid = b.get(n / 2).copied().unwrap_or(0) as usize;
        (n.wrapping_mul(31) ^ first.wrapping_mul(7) ^ last.wrapping_mul(13) ^ mid) & 63
    }

    #[inline(always)]
    fn key_hash(k: &StrKey) -> usize {
        let mixed =
            (k.first ^ k.last.rotate_left(29) ^ k.len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> 58) as usize
    }

    /// The index of the code string `i` of `strings`, as `from_code` gives
    /// it; a string of up to 16 bytes is matched by its key alone.
    #[inline(always)]
    pub fn get_at(&self, strings: &Strings<'_>, i: usize) -> Option<u8> {
        let key = strings.key(i)?;
        let mut h = Self::key_hash(&key);
        for _ in 0..64 {
            let n = self.key_slots[h];
            if n == u8::MAX {
                break;
            }
            let n = usize::from(n);
            if self.keys.get(n) == Some(&key) {
                if key.len <= 16 {
                    return self.codes.get(n).map(|c| c.1);
                }
                break;
            }
            h = (h + 1) & 63;
        }
        strings.bytes(i).and_then(|b| self.get_bytes(b))
    }

    /// The index of a code, as `from_code` gives it.
    #[inline(always)]
    pub fn get(&self, s: &str) -> Option<u8> {
        self.hit(s.as_bytes()).or_else(|| (self.parse)(s))
    }

    /// The index of a code given as bytes: a hit is a code itself (so
    /// valid UTF-8); anything else is checked and given to `from_code`.
    #[inline(always)]
    pub fn get_bytes(&self, b: &[u8]) -> Option<u8> {
        self.hit(b)
            .or_else(|| std::str::from_utf8(b).ok().and_then(self.parse))
    }

    #[inline(always)]
    fn hit(&self, b: &[u8]) -> Option<u8> {
        let mut h = Self::hash(b);
        for _ in 0..4 {
            let i = self.slots[h];
            if i == u8::MAX {
                return None;
            }
            if let Some((code, ix)) = self.codes.get(usize::from(i)) {
                if code.as_bytes() == b {
                    return Some(*ix);
                }
            }
            h = (h + 1) & 63;
        }
        None
    }
}

/// One field of the record contract.
#[derive(Clone, Copy)]
pub struct Field {
    /// The field's name.
    pub name: &'static str,
    /// How to store it.
    pub setter: Setter,
    /// Which field it is, for the frame reader's inlined stores.
    pub key: Key,
}

/// The fields the frame reader stores with inlined code (the others go
/// through [`Setter`]'s function pointers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Key {
    TenureMonths,
    Emotion,
    PriorContacts,
    HoursOpen,
    HoursSinceRegulator,
    AffectedCustomers,
    DirectLoss,
    ClaimedAmount,
    Departments,
    Category,
    Channel,
    CustomerTier,
    Personality,
    Motive,
    Expectation,
    Liability,
    Evidence,
    Jurisdiction,
    Safety,
    IndirectLossClaimed,
    BeyondAuthority,
    PreviouslyCompensated,
    SafetyIncident,
    SensitivePeriod,
    Rights,
    Threats,
    Profile,
    MaliceSignals,
    HandlingFailures,
    Other,
}

impl Key {
    fn of(name: &str) -> Key {
        match name {
            "tenure_months" => Key::TenureMonths,
            "emotion" => Key::Emotion,
            "prior_contacts" => Key::PriorContacts,
            "hours_open" => Key::HoursOpen,
            "hours_since_regulator" => Key::HoursSinceRegulator,
            "affected_customers" => Key::AffectedCustomers,
            "direct_loss" => Key::DirectLoss,
            "claimed_amount" => Key::ClaimedAmount,
            "departments" => Key::Departments,
            "category" => Key::Category,
            "channel" => Key::Channel,
            "customer_tier" => Key::CustomerTier,
            "personality" => Key::Personality,
            "motive" => Key::Motive,
            "expectation" => Key::Expectation,
            "liability" => Key::Liability,
            "evidence" => Key::Evidence,
            "jurisdiction" => Key::Jurisdiction,
            "safety" => Key::Safety,
            "indirect_loss_claimed" => Key::IndirectLossClaimed,
            "beyond_authority" => Key::BeyondAuthority,
            "previously_compensated" => Key::PreviouslyCompensated,
            "safety_incident" => Key::SafetyIncident,
            "sensitive_period" => Key::SensitivePeriod,
            "rights" => Key::Rights,
            "threats" => Key::Threats,
            "profile" => Key::Profile,
            "malice_signals" => Key::MaliceSignals,
            "handling_failures" => Key::HandlingFailures,
            _ => Key::Other,
        }
    }
}

macro_rules! code {
    ($t:ty, $f:ident) => {
        Setter::Code {
            parse: |s| <$t>::from_code(s).map(|v| v.index()),
            set: |c, i| {
                if let Some(v) = <$t>::from_index(i) {
                    c.$f = v;
                }
            },
            codes: || <$t>::ALL.iter().map(|v| v.code()).collect(),
            default: Complaint::DEFAULT.$f.index(),
        }
    };
}

macro_rules! flags {
    ($t:ty, $f:ident) => {
        Setter::Flags {
            parse: |s| <$t>::from_code(s).map(|v| v.index()),
            set: |c, bits| c.$f = FlagSet::<$t>::from_bits_truncate(bits),
            codes: || <$t>::ALL.iter().map(|v| v.code()).collect(),
        }
    };
}

macro_rules! uint {
    ($f:ident, $t:ty) => {
        match published_range(stringify!($f), <$t>::MAX as u64) {
            Some((min, max)) => Setter::UInt {
                // The value was checked against the published range, itself
                // capped at the field type's maximum: the cast is exact.
                set: |c, v| c.$f = v as $t,
                min,
                max,
            },
            None => Setter::CoreOnly,
        }
    };
}

macro_rules! boolean {
    ($f:ident) => {
        Setter::Bool(|c, v| c.$f = v)
    };
}

/// What this crate knows how to store, by field name.
fn known(name: &str) -> Option<Setter> {
    let s = match name {
        "id" => Setter::Id,
        "text" => Setter::Text,
        "category" => code!(Category, category),
        "channel" => code!(Channel, channel),
        "customer_tier" => code!(CustomerTier, customer_tier),
        "personality" => code!(Personality, personality),
        "motive" => code!(Motive, motive),
        "expectation" => code!(Expectation, expectation),
        "liability" => code!(Liability, liability),
        "evidence" => code!(Evidence, evidence),
        "jurisdiction" => code!(Jurisdiction, jurisdiction),
        "safety" => code!(SafetyLevel, safety),
        "hours_since_regulator" => uint!(hours_since_regulator, u32),
        "tenure_months" => uint!(tenure_months, u16),
        "emotion" => uint!(emotion, u8),
        "prior_contacts" => uint!(prior_contacts, u16),
        "hours_open" => uint!(hours_open, u32),
        "affected_customers" => uint!(affected_customers, u32),
        "direct_loss" => uint!(direct_loss, u64),
        "claimed_amount" => uint!(claimed_amount, u64),
        "departments" => uint!(departments, u8),
        "indirect_loss_claimed" => boolean!(indirect_loss_claimed),
        "beyond_authority" => boolean!(beyond_authority),
        "previously_compensated" => boolean!(previously_compensated),
        "safety_incident" => boolean!(safety_incident),
        "sensitive_period" => boolean!(sensitive_period),
        "rights" => flags!(Right, rights),
        "threats" => flags!(Threat, threats),
        "profile" => flags!(Profile, profile),
        "malice_signals" => flags!(MaliceSignal, malice_signals),
        "handling_failures" => flags!(HandlingFailure, handling_failures),
        _ => return None,
    };
    Some(s)
}

/// The range the core declares for the integer field `name`, capped at
/// `type_max` (the field type's largest value).
fn published_range(name: &str, type_max: u64) -> Option<(u64, u64)> {
    complaint_triage::contract::field_spec(name)
        .filter(|f| f.kind == FieldKind::Int)
        .map(|f| (f.min, f.max.min(type_max)))
}

/// The record contract's fields, in the core's order.
pub fn record_fields() -> &'static [Field] {
    static FIELDS: OnceLock<Vec<Field>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        let names = complaint_triage::RECORD_FIELDS.to_vec();
        names
            .into_iter()
            .map(|name| {
                let setter = known(name).unwrap_or(Setter::CoreOnly);
                Field {
                    name,
                    setter,
                    key: Key::of(name),
                }
            })
            .collect()
    })
}

/// The outcome's fields, in the core's order.
pub fn outcome_fields() -> &'static [&'static str] {
    &complaint_triage::OUTCOME_FIELDS
}

/// Whether `name` is a list-valued record field (comma-separated strings
/// are accepted for it).
pub fn is_list_field(name: &str) -> bool {
    complaint_triage::contract::field_spec(name).is_some_and(|f| f.kind == FieldKind::List)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_agrees_with_from_code() {
        let l = CodeLookup::new(Category::ALL.iter().map(|v| v.code()).collect(), |s| {
            Category::from_code(s).map(|v| v.index())
        });
        for c in Category::ALL {
            assert_eq!(l.get(c.code()), Some(c.index()));
        }
        for s in ["", "x", "Billing", "billing ", "otherx"] {
            assert_eq!(l.get(s), None);
        }
        // Keys: every code, and near misses, as Arrow strings.
        let mut words: Vec<&str> = Category::ALL.iter().map(|v| v.code()).collect();
        words.extend([
            "",
            "x",
            "Billing",
            "billing ",
            "otherx",
            "basic_servicf",
            "product_qualitx",
        ]);
        let mut data = Vec::new();
        let mut offsets = vec![0i32];
        for w in &words {
            data.extend_from_slice(w.as_bytes());
            offsets.push(data.len() as i32);
        }
        let strings = Strings::for_tests(&offsets, &data);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(
                l.get_at(&strings, i),
                Category::from_code(w).map(|v| v.index()),
                "{w}"
            );
        }
    }

    #[test]
    fn fields_and_ranges_come_from_the_core() {
        let f = record_fields();
        assert_eq!(f.len(), complaint_triage::RECORD_CONTRACT.len());
        for field in f {
            assert!(
                !matches!(field.setter, Setter::CoreOnly),
                "`{}` is declared in the core's contract but has no setter in `known` (py/src/fields.rs)",
                field.name
            );
            assert_eq!(
                is_list_field(field.name),
                matches!(field.setter, Setter::Flags { .. })
            );
        }
        let emotion = f.iter().find(|f| f.name == "emotion").unwrap();
        match emotion.setter {
            Setter::UInt { min, max, .. } => assert_eq!((min, max), (0, 10)),
            _ => panic!(),
        }
        let affected = f.iter().find(|f| f.name == "affected_customers").unwrap();
        match affected.setter {
            Setter::UInt { min, max, .. } => assert_eq!((min, max), (1, 1_000_000_000)),
            _ => panic!(),
        }
        assert_eq!(outcome_fields().len(), 6);
    }
}

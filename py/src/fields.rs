//! The record's fields as the frame reader fills them.
//!
//! Nothing of the contract is restated here: every field, its kind, range
//! and vocabulary come from the core's declaration (`RECORD_CONTRACT`),
//! and a value is stored through the core's typed setters
//! (`Complaint::set_int`...). A field added to the contract is read
//! without an edit here; [`Key`] only names the fields the frame reader
//! stores with inlined code for speed (any other goes through
//! [`Setter`]'s function pointers).

use std::sync::OnceLock;

use crate::arrow::{StrKey, Strings};

use complaint_triage::{Complaint, FieldKind, FieldSpec, RecordField};

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
    codes: Vec<(&'static str, u8)>,
    keys: Vec<StrKey>,
    parse: fn(&str) -> Option<u8>,
    key_slots: [u8; 64],
    /// Indices of `codes` by [`Self::slot_of_key`] (the lookup of `str`s).
    word_slots: [u8; SLOTS],
}

impl CodeLookup {
    /// The lookup of a vocabulary.
    pub fn new(codes: Vec<&'static str>, parse: fn(&str) -> Option<u8>) -> Self {
        let mut table = CodeLookup {
            codes: Vec::new(),
            keys: Vec::new(),
            parse,
            key_slots: [u8::MAX; 64],
            word_slots: [u8::MAX; SLOTS],
        };
        for code in codes.into_iter().take(60) {
            let Some(ix) = parse(code) else { continue };
            let n = table.codes.len() as u8;
            table.codes.push((code, ix));
            table.keys.push(StrKey::of(code.as_bytes()));
            let mut h = Self::key_hash(&StrKey::of(code.as_bytes()));
            while table.key_slots[h] != u8::MAX {
                h = (h + 1) & 63;
            }
            table.key_slots[h] = n;
            let mut h = Self::slot_of_key(&StrKey::of(code.as_bytes()));
            while table.word_slots[h] != u8::MAX {
                h = (h + 1) % SLOTS;
            }
            table.word_slots[h] = n;
        }
        table
    }

    /// A slot of `word_slots`.
    #[inline(always)]
    fn slot_of_key(k: &StrKey) -> usize {
        let mixed =
            (k.first ^ k.last.rotate_left(29) ^ k.len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - SLOTS.trailing_zeros())) as usize
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
        self.hit_key(s.as_bytes()).or_else(|| (self.parse)(s))
    }

    /// A code's index found by the string's [`StrKey`]: its words are
    /// read once and compared with the code's kept key, so the code's own
    /// bytes are read (a pointer chase per field name and code of a dict)
    /// only for a string longer than the 16 bytes a key holds.
    #[inline(always)]
    fn hit_key(&self, b: &[u8]) -> Option<u8> {
        let key = str_key(b);
        let mut h = Self::slot_of_key(&key);
        for _ in 0..PROBES {
            // An empty slot (`u8::MAX`) is no index of `keys`.
            let n = usize::from(*self.word_slots.get(h)?);
            let k = self.keys.get(n)?;
            if *k == key {
                let (code, ix) = self.codes.get(n)?;
                if key.len <= 16 || same_bytes(code.as_bytes(), b) {
                    return Some(*ix);
                }
            }
            h = (h + 1) % SLOTS;
        }
        None
    }

    /// The index of a code given as bytes: a hit is a code itself (so
    /// valid UTF-8); anything else is checked and given to `from_code`.
    #[inline(always)]
    pub fn get_bytes(&self, b: &[u8]) -> Option<u8> {
        self.hit_key(b)
            .or_else(|| std::str::from_utf8(b).ok().and_then(self.parse))
    }
}

/// Slots of a [`CodeLookup`]'s table of codes (a power of two), for at
/// most 60 codes.
const SLOTS: usize = 256;

/// Probes of a lookup before it leaves the string to `parse`.
const PROBES: usize = 4;

/// The 8 bytes of `s` from `at` (which has them), little-endian.
#[inline(always)]
fn word(s: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&s[at..at + 8]);
    u64::from_le_bytes(w)
}

/// The 4 bytes of `s` from `at` (which has them), little-endian.
#[inline(always)]
fn half(s: &[u8], at: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&s[at..at + 4]);
    u32::from_le_bytes(w)
}

/// [`StrKey::of`] for bytes of any length, without reading past them and
/// without a loop: a string of 4 to 7 bytes is two overlapping 4-byte
/// loads, one of 1 to 3 its first, middle and last bytes.
#[inline(always)]
fn str_key(b: &[u8]) -> StrKey {
    let n = b.len();
    let (first, last) = match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(head), Some(tail)) => (u64::from_le_bytes(*head), u64::from_le_bytes(*tail)),
        _ => {
            let w = match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
                (Some(head), Some(tail)) => {
                    u64::from(u32::from_le_bytes(*head))
                        | u64::from(u32::from_le_bytes(*tail)) << (8 * (n - 4))
                }
                _ => match (b.first(), b.get(n / 2), b.last()) {
                    (Some(&a), Some(&m), Some(&z)) => {
                        u64::from(a) | u64::from(m) << (8 * (n / 2)) | u64::from(z) << (8 * (n - 1))
                    }
                    _ => 0,
                },
            };
            (w, w)
        }
    };
    StrKey {
        len: n,
        first,
        last,
    }
}

/// Whether two byte strings are equal. Codes and field names are short:
/// up to 16 bytes are compared as two overlapping words each, inline,
/// where `==` on slices calls the C library's `memcmp` (a call per key and
/// per code of a record was a twentieth of reading a dict).
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => a.iter().zip(b).all(|(x, y)| x == y),
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
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

/// The most fields the record contract may have here: the length of the
/// tables of per-field functions below.
const MAX_FIELDS: usize = 48;
const _: () = assert!(
    complaint_triage::RECORD_CONTRACT.len() <= MAX_FIELDS,
    "raise MAX_FIELDS and extend `per_field!`'s list in py/src/fields.rs"
);

/// Field `I` of the record contract.
const fn field<const I: usize>() -> Option<RecordField> {
    if I < RecordField::ALL.len() {
        Some(RecordField::ALL[I])
    } else {
        None
    }
}

// The stores below go through the core's typed setters, which check the
// value against the declaration once more; the readers have already
// checked it (a range, a code found in the vocabulary), so they never fail.

fn set_int<const I: usize>(c: &mut Complaint, v: u64) {
    if let Some(f) = field::<I>() {
        let _ = c.set_int(f, v);
    }
}

fn set_bool<const I: usize>(c: &mut Complaint, v: bool) {
    if let Some(f) = field::<I>() {
        let _ = c.set_bool(f, v);
    }
}

fn set_code<const I: usize>(c: &mut Complaint, index: u8) {
    if let Some(f) = field::<I>() {
        let _ = c.set_code(f, index);
    }
}

fn set_list<const I: usize>(c: &mut Complaint, bits: u16) {
    if let Some(f) = field::<I>() {
        let _ = c.set_list(f, bits);
    }
}

/// The codes of field `I`'s vocabulary.
fn codes_of<const I: usize>() -> &'static [&'static str] {
    field::<I>()
        .and_then(|f| f.spec().vocabulary)
        .map_or(&[], |v| v.codes)
}

/// The stable index of the code `s` of field `I`'s vocabulary.
fn parse_code<const I: usize>(s: &str) -> Option<u8> {
    let i = codes_of::<I>().iter().position(|c| *c == s)?;
    u8::try_from(i).ok()
}

fn codes_vec<const I: usize>() -> Vec<&'static str> {
    codes_of::<I>().to_vec()
}

/// The functions of every field index, as plain `fn` pointers for
/// [`Setter`] (one instance per index of the generic functions above).
struct PerField {
    int: [fn(&mut Complaint, u64); MAX_FIELDS],
    boolean: [fn(&mut Complaint, bool); MAX_FIELDS],
    code: [fn(&mut Complaint, u8); MAX_FIELDS],
    list: [fn(&mut Complaint, u16); MAX_FIELDS],
    parse: [fn(&str) -> Option<u8>; MAX_FIELDS],
    codes: [fn() -> Vec<&'static str>; MAX_FIELDS],
}

macro_rules! per_field {
    ($($i:literal)*) => {
        PerField {
            int: [$(set_int::<$i>,)*],
            boolean: [$(set_bool::<$i>,)*],
            code: [$(set_code::<$i>,)*],
            list: [$(set_list::<$i>,)*],
            parse: [$(parse_code::<$i>,)*],
            codes: [$(codes_vec::<$i>,)*],
        }
    };
}

const PER_FIELD: PerField = per_field!(
    0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
    24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47
);

/// How field `i` of the record contract is stored, by its declared kind.
fn setter(i: usize, spec: &FieldSpec) -> Setter {
    fn at<T: Copy>(table: &[T], i: usize) -> Option<T> {
        table.get(i).copied()
    }
    let s = match spec.kind {
        FieldKind::Id => Some(Setter::Id),
        FieldKind::Text => Some(Setter::Text),
        FieldKind::Int => at(&PER_FIELD.int, i).map(|set| Setter::UInt {
            set,
            min: spec.min,
            max: spec.max,
        }),
        FieldKind::Bool => at(&PER_FIELD.boolean, i).map(Setter::Bool),
        FieldKind::Code => match (
            at(&PER_FIELD.code, i),
            at(&PER_FIELD.parse, i),
            at(&PER_FIELD.codes, i),
        ) {
            (Some(set), Some(parse), Some(codes)) => Some(Setter::Code {
                parse,
                set,
                codes,
                default: u8::try_from(spec.default).unwrap_or(0),
            }),
            _ => None,
        },
        FieldKind::List => match (
            at(&PER_FIELD.list, i),
            at(&PER_FIELD.parse, i),
            at(&PER_FIELD.codes, i),
        ) {
            (Some(set), Some(parse), Some(codes)) => Some(Setter::Flags { parse, set, codes }),
            _ => None,
        },
    };
    s.unwrap_or(Setter::CoreOnly)
}

/// The record contract's fields, in the core's order.
pub fn record_fields() -> &'static [Field] {
    static FIELDS: OnceLock<Vec<Field>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        complaint_triage::RECORD_CONTRACT
            .iter()
            .enumerate()
            .map(|(i, spec)| Field {
                name: spec.name,
                setter: setter(i, spec),
                key: Key::of(spec.name),
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
    use complaint_triage::{parse_complaint, Category};

    #[test]
    fn every_setter_stores_what_the_core_reads() {
        for (f, spec) in record_fields()
            .iter()
            .zip(complaint_triage::RECORD_CONTRACT)
        {
            let codes = spec.vocabulary.map_or(&[][..], |v| v.codes);
            let (mut c, json) = (Complaint::DEFAULT, |v: String| {
                parse_complaint(format!("{{\"{}\":{v}}}", spec.name).as_bytes()).unwrap()
            });
            match f.setter {
                Setter::UInt { set, min, max } => {
                    assert_eq!((min, max), (spec.min, spec.max));
                    set(&mut c, max);
                    assert_eq!(c, json(max.to_string()), "{}", f.name);
                }
                Setter::Bool(set) => {
                    set(&mut c, true);
                    assert_eq!(c, json("true".into()), "{}", f.name);
                }
                Setter::Code {
                    parse,
                    set,
                    codes: all,
                    default,
                } => {
                    assert_eq!(all(), codes);
                    assert_eq!(u64::from(default), spec.default);
                    let last = codes.last().unwrap();
                    set(&mut c, parse(last).unwrap());
                    assert_eq!(c, json(format!("\"{last}\"")), "{}", f.name);
                    assert_eq!(parse("nope"), None);
                }
                Setter::Flags {
                    parse,
                    set,
                    codes: all,
                } => {
                    assert_eq!(all(), codes);
                    let bits = codes
                        .iter()
                        .fold(0, |b, code| b | 1 << parse(code).unwrap());
                    set(&mut c, bits);
                    let list: Vec<String> = codes.iter().map(|c| format!("\"{c}\"")).collect();
                    assert_eq!(c, json(format!("[{}]", list.join(","))), "{}", f.name);
                }
                Setter::Id | Setter::Text => {}
                Setter::CoreOnly => panic!("{} has no setter", f.name),
            }
        }
    }

    #[test]
    fn str_key_is_the_key_of_every_length() {
        for n in 0..=24 {
            let b: Vec<u8> = (0..n).map(|i: u8| 0xA0 ^ i.wrapping_mul(37)).collect();
            assert_eq!(str_key(&b), StrKey::of(&b), "{n} bytes");
        }
    }

    #[test]
    fn same_bytes_is_equality() {
        let words: Vec<Vec<u8>> = (0..=20)
            .flat_map(|n| {
                let base: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
                // The string, and each byte of it changed in turn.
                let mut out = vec![base.clone()];
                for i in 0..n {
                    let mut v = base.clone();
                    v[i] ^= 1;
                    out.push(v);
                }
                out
            })
            .collect();
        for a in &words {
            for b in &words {
                assert_eq!(same_bytes(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn every_field_name_and_code_is_found_in_the_table_without_parse() {
        // A name or code past the probes would still be found (by
        // `parse`), by a scan of every name: what the table is for.
        fn name_index(s: &str) -> Option<u8> {
            let i = record_fields().iter().position(|f| f.name == s)?;
            u8::try_from(i).ok()
        }
        let names: Vec<&str> = record_fields().iter().map(|f| f.name).collect();
        let mut lookups = vec![CodeLookup::new(names.clone(), name_index)];
        for f in record_fields() {
            if let Setter::Code { codes, parse, .. } | Setter::Flags { codes, parse, .. } = f.setter
            {
                assert_eq!(CodeLookup::new(codes(), parse).codes.len(), codes().len());
                lookups.push(CodeLookup::new(codes(), parse));
            }
        }
        for l in &lookups {
            for (code, ix) in &l.codes {
                assert_eq!(l.hit_key(code.as_bytes()), Some(*ix), "{code}");
                // Near misses: one byte changed, one more or one fewer.
                let mut near = vec![format!("{code}x"), code[..code.len() - 1].to_owned()];
                for i in 0..code.len() {
                    let mut b = code.as_bytes().to_vec();
                    b[i] ^= 0x20;
                    near.push(String::from_utf8(b).unwrap());
                }
                for s in near {
                    assert_eq!(l.hit_key(s.as_bytes()), (l.parse)(&s), "{s}");
                }
            }
        }
        assert!(lookups[0].codes.len() == names.len());
    }

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
                "`{}` is declared in the core's contract but its kind has no setter (py/src/fields.rs `setter`)",
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

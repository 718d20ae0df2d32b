//! The record contract: a complaint as one JSON object.

use super::error::LimitTexts;
use super::lex::{Lex, RawString};
use super::value::{for_each_byte_piece, push_chars, unescape_into, BytePiece};
use super::{not_an_object, ErrorKind, ParseError};
use crate::code_words::CodeWords;
use crate::codes::{items, Code};
use crate::complaint::{Complaint, Id};
use crate::contract::{FieldReader, RecordField};
use crate::flags::{Flag, FlagSet};
use crate::guard::{self, Limits, TopLevel};
use crate::scan::{Scanner, TextCues};

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
    // One pass for a record that fits; the guard, then the walk, for the
    // rest, which gives every error its kind, field and offset.
    #[cfg(not(feature = "small-flash"))]
    match super::fast::read(json) {
        Some(complaint) => Ok(complaint),
        None => parse_checked(json),
    }
    // The one-pass reader is a second reader of the same records (it gives
    // the walk's complaint or nothing, see its tests): with the
    // `small-flash` feature only the walk is in flash.
    #[cfg(feature = "small-flash")]
    parse_checked(json)
}

/// The guard over the whole record, then the walk over the checked input.
#[cold]
#[inline(never)]
pub(super) fn parse_checked(json: &[u8]) -> Result<Complaint, ParseError> {
    let (skipped, body) = record_body(json);
    parse_body(body).map_err(|mut e| {
        // Offsets count from the start of the input, byte order mark
        // included (a size limit is not an offset).
        if e.kind != ErrorKind::TooLarge {
            e.offset += skipped;
        }
        e
    })
}

/// The record in `json` without what surrounds it as a line of a file: a
/// leading UTF-8 byte order mark (as some Windows editors write), which
/// is skipped, and one line ending, which does not count against the size
/// limit; with the number of bytes skipped at the start.
#[inline(never)]
pub(super) fn record_body(json: &[u8]) -> (usize, &[u8]) {
    let (skipped, body) = match json {
        [0xEF, 0xBB, 0xBF, rest @ ..] => (3, rest),
        _ => (0, json),
    };
    let body = match body {
        [rest @ .., b'\r', b'\n'] | [rest @ .., b'\n' | b'\r'] => rest,
        _ => body,
    };
    (skipped, body)
}

/// What the record's limits accept, as its errors say it.
const RECORD_TEXTS: LimitTexts = LimitTexts {
    string: "at most 32768 bytes",
    depth: "2 levels (the record and its lists)",
    fields: &RECORD_FIELDS,
};

fn parse_body(json: &[u8]) -> Result<Complaint, ParseError> {
    let shape = guard::check(json, &RECORD_LIMITS)
        .map_err(|e| ParseError::from_guard(e, json, &RECORD_LIMITS, &RECORD_TEXTS))?;
    if shape.top_level != TopLevel::Object {
        return Err(not_an_object(json));
    }
    let mut reader = RecordReader {
        complaint: Complaint::DEFAULT,
        seen: 0,
    };
    reader.object(&mut Lex::new(json))?;
    Ok(reader.complaint)
}

struct RecordReader {
    complaint: Complaint,
    /// Bit `i` set once field `i` of [`RECORD_FIELDS`] was read.
    seen: u64,
}

const _: () = assert!(
    RECORD_FIELDS.len() <= 64,
    "a record's fields fit the readers' 64-bit set of fields seen"
);

/// The record's fields, in contract order: every key a record may hold
/// (the names of [`RECORD_CONTRACT`](crate::RECORD_CONTRACT)).
pub const RECORD_FIELDS: [&str; crate::RECORD_CONTRACT.len()] = crate::contract::field_names();
/// The names, comma separated, for the unknown-field error.
const FIELD_LIST: &str = super::joined_str(&FIELD_LIST_BYTES);
const FIELD_LIST_BYTES: [u8; super::joined_len(&RECORD_FIELDS)] = super::joined(&RECORD_FIELDS);

/// Largest accepted amount, in minor units (10^15: ten trillion in major units).
pub const MAX_AMOUNT: u64 = 1_000_000_000_000_000;

/// Longest key compared against the field names; a longer one is unknown.
const KEY_CAPACITY: usize = 40;

/// Where a value sits, for its errors.
#[derive(Clone, Copy)]
struct At {
    field: &'static str,
    offset: usize,
}

impl At {
    fn error(self, kind: ErrorKind, expected: &'static str) -> ParseError {
        ParseError::new(kind, self.offset, self.field, expected)
    }
}

/// The accepted values of one integer field of the record contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IntRange {
    /// The field's name, as in [`RECORD_FIELDS`].
    pub field: &'static str,
    /// Smallest accepted value.
    pub min: u64,
    /// Largest accepted value.
    pub max: u64,
    /// The range as an error message states it.
    pub expected: &'static str,
}

const fn range(field: &'static str, min: u64, max: u64, expected: &'static str) -> IntRange {
    IntRange {
        field,
        min,
        max,
        expected,
    }
}

// The ranges are the record contract's (`src/contract.rs`); the error
// texts are written from them by the contract generator.
// BEGIN int ranges: generated by `cargo run -p contract-gen` from core/src/contract.rs
/// Every integer field of the record contract with its accepted values, in
/// contract order, read by both record readers and by the bindings.
#[rustfmt::skip]
pub const RECORD_INT_RANGES: [IntRange; 9] = [
    range("tenure_months", 0, 1200, "an integer in 0..=1200"),
    range("emotion", 0, 10, "an integer in 0..=10"),
    range("prior_contacts", 0, 10000, "an integer in 0..=10000"),
    range("hours_open", 0, 1000000, "an integer in 0..=1000000"),
    range("affected_customers", 1, 1000000000, "an integer in 1..=1000000000"),
    range("direct_loss", 0, 1000000000000000, "an integer in 0..=1000000000000000 (minor units)"),
    range("claimed_amount", 0, 1000000000000000, "an integer in 0..=1000000000000000 (minor units)"),
    range("departments", 1, 100, "an integer in 1..=100"),
    range("hours_since_regulator", 0, 1000000, "an integer in 0..=1000000"),
];
// END int ranges

impl RecordReader {
    /// Reads the members of the top-level object (the guard has checked
    /// the syntax; `lex` is at the opening brace).
    fn object(&mut self, lex: &mut Lex<'_>) -> Result<(), ParseError> {
        lex.peek();
        lex.bump();
        if lex.peek() == Some(b'}') {
            return Ok(());
        }
        loop {
            let key_offset = lex.pos;
            let key = lex.string();
            lex.peek();
            lex.bump(); // the colon
            lex.peek();
            self.member(&key, key_offset, lex)?;
            match lex.peek() {
                Some(b',') => {
                    lex.bump();
                    lex.peek();
                }
                _ => return Ok(()),
            }
        }
    }

    fn member(
        &mut self,
        key: &RawString<'_>,
        key_offset: usize,
        lex: &mut Lex<'_>,
    ) -> Result<(), ParseError> {
        let mut unescaped = [0u8; KEY_CAPACITY];
        let name: &[u8] = if key.escaped {
            unescape_into(key.raw, &mut unescaped)
                .and_then(|n| unescaped.get(..n))
                .unwrap_or(key.raw)
        } else {
            key.raw
        };
        let Some(i) = RecordField::from_key(name) else {
            return Err(
                ParseError::new(ErrorKind::UnknownField, key_offset, "", FIELD_LIST)
                    .with_found(name)
                    .suggesting(&RECORD_FIELDS),
            );
        };
        let field = i.name();
        let bit = 1u64 << i.index();
        if self.seen & bit != 0 {
            return Err(ParseError::new(
                ErrorKind::DuplicateField,
                key_offset,
                field,
                "each field at most once",
            ));
        }
        self.seen |= bit;
        let at = At {
            field,
            offset: lex.pos,
        };
        let mut value = Value { lex, at };
        self.complaint.read_field(i, &mut value)
    }
}

/// The value of one member, read by the kind its field declares.
struct Value<'l, 'i> {
    lex: &'l mut Lex<'i>,
    at: At,
}

impl FieldReader for Value<'_, '_> {
    type Error = ParseError;

    fn id(&mut self) -> Result<Id, ParseError> {
        id(self.lex, self.at)
    }

    fn code<T: Code + CodeWords>(&mut self) -> Result<T, ParseError> {
        code(self.lex, self.at)
    }

    fn list<T: Code + Flag + CodeWords>(&mut self) -> Result<FlagSet<T>, ParseError> {
        flags(self.lex, self.at)
    }

    fn int(&mut self, field: RecordField, min: u64, max: u64) -> Result<u64, ParseError> {
        uint(self.lex, self.at, min, max, int_expected(field))
    }

    fn boolean(&mut self) -> Result<bool, ParseError> {
        boolean(self.lex, self.at)
    }

    fn text(&mut self) -> Result<TextCues, ParseError> {
        let mut scanner = Scanner::new();
        text(self.lex, self.at, &mut scanner)?;
        Ok(scanner.finish())
    }
}

/// How an error states the accepted values of the integer `field`: the range of
/// [`RECORD_INT_RANGES`] that names it, found by [`INT_RANGE_OF`] (the rows with their
/// names and 64-bit bounds took 288 B of a firmware's flash, and each look-up compared
/// names).
fn int_expected(field: RecordField) -> &'static str {
    INT_RANGE_OF
        .get(field.index())
        .and_then(|&r| INT_EXPECTED.get(usize::from(r)))
        .copied()
        .unwrap_or("an unsigned integer")
}

/// The `expected` text of each row of [`RECORD_INT_RANGES`].
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static INT_EXPECTED: [&str; RECORD_INT_RANGES.len()] = {
    let mut out = [""; RECORD_INT_RANGES.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = RECORD_INT_RANGES[i].expected;
        i += 1;
    }
    out
};

/// For each field of [`RECORD_FIELDS`], the row of [`RECORD_INT_RANGES`] that names it, or
/// one past the rows; made when compiling.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
static INT_RANGE_OF: [u8; RECORD_FIELDS.len()] = {
    assert!(RECORD_INT_RANGES.len() < 255);
    let mut out = [RECORD_INT_RANGES.len() as u8; RECORD_FIELDS.len()];
    let mut f = 0;
    while f < out.len() {
        let mut r = 0;
        while r < RECORD_INT_RANGES.len() {
            let same = crate::scan::bytes_equal(
                RECORD_FIELDS[f].as_bytes(),
                RECORD_INT_RANGES[r].field.as_bytes(),
            );
            // The first row that names it, as a search would find.
            if same && out[f] as usize == RECORD_INT_RANGES.len() {
                out[f] = r as u8;
            }
            r += 1;
        }
        f += 1;
    }
    out
};

/// The id: a string of at most [`crate::ID_CAPACITY`] bytes once unescaped.
fn id(lex: &mut Lex<'_>, at: At) -> Result<Id, ParseError> {
    const EXPECTED: &str = "a string of at most 64 bytes";
    if lex.peek() != Some(b'"') {
        return Err(at.error(ErrorKind::WrongType, EXPECTED));
    }
    let s = lex.string();
    let mut out = Id::new();
    let fits = if s.escaped {
        let mut unescaped = [0u8; crate::ID_CAPACITY];
        unescape_into(s.raw, &mut unescaped)
            .and_then(|n| unescaped.get(..n))
            .is_some_and(|text| push_chars(&mut out, text).is_ok())
    } else {
        push_chars(&mut out, s.raw).is_ok()
    };
    if !fits {
        let mut e = at
            .error(ErrorKind::StringTooLong, "at most 64 bytes")
            .with_found(s.raw);
        // Its size once unescaped is known only without escapes (an id
        // with escapes that long is rare enough to be told only "too long").
        if !s.escaped {
            e = e.with_size(s.raw.len());
        }
        return Err(e);
    }
    Ok(out)
}

/// One code of a vocabulary.
#[inline]
fn code<T: Code>(lex: &mut Lex<'_>, at: At) -> Result<T, ParseError> {
    let index = code_index(lex, at, None, T::EXPECTED)?;
    T::from_index(index).ok_or_else(|| at.error(ErrorKind::UnknownValue, T::EXPECTED))
}

/// The index among the codes of `expected` (joined by `", "`, [`Code::EXPECTED`]) of the
/// string at `lex`. Not generic over the vocabulary (nor is [`flag_bits`]), so that the
/// firmware carries this code once rather than once per vocabulary; the codes are read
/// from the joined list, so that it carries no array of them either.
#[inline(never)]
fn code_index(
    lex: &mut Lex<'_>,
    at: At,
    index: Option<u16>,
    expected: &'static str,
) -> Result<u8, ParseError> {
    if lex.peek() != Some(b'"') {
        return Err(at.error(ErrorKind::WrongType, "a string").at_index(index));
    }
    let offset = lex.pos;
    let s = lex.string();
    let position = if s.escaped {
        let mut buf = [0u8; KEY_CAPACITY];
        unescape_into(s.raw, &mut buf)
            .and_then(|n| buf.get(..n))
            .and_then(|text| items(expected).position(|c| c.as_bytes() == text))
    } else {
        // Compared as bytes: no UTF-8 check needed for a match.
        items(expected).position(|c| c.as_bytes() == s.raw)
    };
    position.and_then(|p| u8::try_from(p).ok()).ok_or_else(|| {
        ParseError::new(ErrorKind::UnknownValue, offset, at.field, expected)
            .at_index(index)
            .with_found(s.raw)
            .suggesting_in(expected)
    })
}

/// A list of codes, as a set.
fn flags<T: Code + Flag>(lex: &mut Lex<'_>, at: At) -> Result<FlagSet<T>, ParseError> {
    flag_bits(lex, at, <T as Code>::EXPECTED).map(FlagSet::from_bits_truncate)
}

/// A list of codes of `expected` (joined by `", "`), as bits by index.
#[inline(never)]
fn flag_bits(lex: &mut Lex<'_>, at: At, expected: &'static str) -> Result<u16, ParseError> {
    if lex.peek() != Some(b'[') {
        return Err(at.error(ErrorKind::WrongType, "an array of strings"));
    }
    lex.bump();
    let mut bits = 0u16;
    if lex.peek() == Some(b']') {
        lex.bump();
        return Ok(bits);
    }
    // An element that is not a string is reported at the offset of the
    // element before it (of the list for the first), as it always was.
    let mut before = at;
    let mut index: u16 = 0;
    loop {
        let element = lex.pos;
        let i = code_index(lex, before, Some(index), expected)?;
        bits |= 1u16.checked_shl(u32::from(i)).unwrap_or(0);
        before.offset = element;
        index = index.saturating_add(1);
        match lex.peek() {
            Some(b',') => {
                lex.bump();
                lex.peek();
            }
            _ => {
                lex.bump();
                return Ok(bits);
            }
        }
    }
}

/// An unsigned integer within `min..=max`.
#[inline]
fn uint(
    lex: &mut Lex<'_>,
    at: At,
    min: u64,
    max: u64,
    expected: &'static str,
) -> Result<u64, ParseError> {
    let token = lex.token();
    let found = || token;
    match token.first() {
        Some(b'0'..=b'9') => {}
        Some(b'-') => {
            let kind = if token.iter().any(|b| matches!(b, b'.' | b'e' | b'E')) {
                ErrorKind::WrongType
            } else {
                ErrorKind::OutOfRange
            };
            return Err(at.error(kind, expected).with_found(found()));
        }
        _ => return Err(at.error(ErrorKind::WrongType, expected)),
    }
    let mut v: u64 = 0;
    for &b in token {
        let digit = b.wrapping_sub(b'0');
        let next = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(digit)));
        match next {
            Some(n) if digit <= 9 => v = n,
            _ if token.iter().any(|b| matches!(b, b'.' | b'e' | b'E')) => {
                return Err(at.error(ErrorKind::WrongType, expected).with_found(found()));
            }
            // Too large for 64 bits: out of range, without the digits.
            _ => return Err(at.error(ErrorKind::OutOfRange, expected)),
        }
    }
    if v < min || v > max {
        return Err(at
            .error(ErrorKind::OutOfRange, expected)
            .with_found(found()));
    }
    Ok(v)
}

/// `true` or `false`.
fn boolean(lex: &mut Lex<'_>, at: At) -> Result<bool, ParseError> {
    let v = match lex.peek() {
        Some(b't') => true,
        Some(b'f') => false,
        _ => return Err(at.error(ErrorKind::WrongType, "true or false")),
    };
    lex.token();
    Ok(v)
}

/// The free text, fed to the scanner.
fn text(lex: &mut Lex<'_>, at: At, scanner: &mut Scanner) -> Result<(), ParseError> {
    if lex.peek() != Some(b'"') {
        return Err(at.error(ErrorKind::WrongType, "a string"));
    }
    let s = lex.string();
    // The guard has checked the text as UTF-8: the scanner takes its bytes.
    if s.escaped {
        for_each_byte_piece(s.raw, |piece| match piece {
            BytePiece::Text(t) => scanner.push_bytes(t),
            BytePiece::Char(c) => scanner.push_char(c),
        });
    } else {
        scanner.push_bytes(s.raw);
    }
    Ok(())
}

//! The serde-json-core based outcome and policy parsers (and the policy
//! writer) as they stood before the walk over guard-checked input replaced
//! them, kept as the reference for the differential tests. Adapted only to
//! compile outside the crate: crate paths become the public API, and
//! `ParseError`s are built through the helpers below.
#![allow(dead_code, clippy::all)]

use complaint_triage::guard::{self, GuardErrorKind, Limits, TopLevel};
use complaint_triage::Outcome;
use complaint_triage::{
    Band, Code, Currency, Dimension, EffectPolicy, ErrorKind, Factor, Gate, GateFloor, Grade,
    Jurisdiction, ParseError, Points, PointsTable, Policy, Profile, Tier, FACTORS, FACTOR_COUNT,
    ISO_CURRENCIES, MAX_AMOUNT, MAX_POINTS, MONEY_LEVELS,
};
use core::fmt;
use core::marker::PhantomData;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeStruct;
use serde_json_core::de::{Deserializer, Error as SjcError};

trait NewError {
    fn new(kind: ErrorKind, offset: usize, field: &'static str, expected: &'static str) -> Self;
    fn with_found(self, text: &str) -> Self;
    fn at_index(self, index: Option<u16>) -> Self;
    fn from_guard(e: guard::GuardError) -> Self;
}

impl NewError for ParseError {
    fn new(kind: ErrorKind, offset: usize, field: &'static str, expected: &'static str) -> Self {
        ParseError {
            kind,
            offset,
            field,
            index: None,
            subindex: None,
            expected,
            found: heapless::String::new(),
            suggestion: "",
            size: None,
        }
    }
    fn with_found(mut self, text: &str) -> Self {
        self.found.clear();
        for c in text.chars() {
            if self.found.push(c).is_err() {
                break;
            }
        }
        self
    }
    fn at_index(mut self, index: Option<u16>) -> Self {
        self.index = index;
        self
    }
    fn from_guard(e: guard::GuardError) -> Self {
        let kind = match e.kind {
            GuardErrorKind::TooLarge => ErrorKind::TooLarge,
            GuardErrorKind::TooDeep => ErrorKind::TooDeep,
            GuardErrorKind::StringTooLong => ErrorKind::StringTooLong,
            _ => ErrorKind::InvalidJson,
        };
        ParseError::new(kind, e.offset, "", e.kind.message())
    }
}

#[derive(Debug)]
pub struct BufferTooSmall;

/// Where the parser is, so that an error can say where it happened.
pub struct Ctx<'i> {
    input: &'i [u8],
    /// Field being read ("" at the top).
    pub field: &'static str,
    /// Element index within a list field.
    pub index: Option<u16>,
    /// Byte offset of the value being read.
    pub offset: usize,
    /// What the value being read should be, for type errors.
    pub expected: &'static str,
    /// Byte offset of the key of the member being read.
    pub key_offset: usize,
    /// The first error found by our own checks.
    error: Option<ParseError>,
}

impl<'i> Ctx<'i> {
    fn new(input: &'i [u8]) -> Self {
        Ctx {
            input,
            field: "",
            index: None,
            offset: 0,
            expected: "",
            key_offset: 0,
            error: None,
        }
    }

    /// Records `e` and returns the serde error that unwinds the parse.
    pub fn fail<E: de::Error>(&mut self, e: ParseError) -> E {
        if self.error.is_none() {
            self.error = Some(e);
        }
        E::custom("")
    }

    /// An error of `kind` at the current field, index and offset.
    pub fn error(&self, kind: ErrorKind, expected: &'static str) -> ParseError {
        ParseError::new(kind, self.offset, self.field, expected).at_index(self.index)
    }

    /// Byte offset of the opening quote of a string borrowed from the input.
    pub fn offset_of(&self, s: &str) -> usize {
        let start = self.input.as_ptr() as usize;
        let at = s.as_ptr() as usize;
        match at.checked_sub(start) {
            Some(d) if d <= self.input.len() => d.saturating_sub(1),
            _ => self.offset,
        }
    }

    /// Byte offset of the value that follows a key ending at `key_end`
    /// (just past its closing quote): skips white space, the colon, white space.
    fn value_offset(&self, key_end: usize) -> usize {
        let mut i = key_end;
        let mut colon = false;
        while let Some(&b) = self.input.get(i) {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => {}
                b':' if !colon => colon = true,
                _ => break,
            }
            i += 1;
        }
        i
    }

    /// The raw bytes of the value at the current offset up to the next
    /// delimiter (enough to look at a number token).
    pub fn raw_token(&self) -> &'i [u8] {
        let rest = self.input.get(self.offset..).unwrap_or(&[]);
        let end = rest
            .iter()
            .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
        rest.get(..end).unwrap_or(&[])
    }
}

/// Receives the members of a JSON object one by one.
pub trait Members<'i> {
    /// Reads the value of `key` from `map`; `ctx` points at the value.
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error>;
}

/// Longest key we compare; longer keys are unknown by definition.
const KEY_CAPACITY: usize = 40;

/// Walks a JSON object, handing each member to `M`.
pub struct ObjectSeed<'c, 'i, M> {
    pub ctx: &'c mut Ctx<'i>,
    pub members: &'c mut M,
    /// The field this object is the value of ("" at the top level).
    pub field: &'static str,
}

impl<'i, M: Members<'i>> DeserializeSeed<'i> for ObjectSeed<'_, 'i, M> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'i>>(self, d: D) -> Result<(), D::Error> {
        self.ctx.expected = "a JSON object";
        d.deserialize_map(self)
    }
}

impl<'i, M: Members<'i>> Visitor<'i> for ObjectSeed<'_, 'i, M> {
    type Value = ();
    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'i>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(RawStr(raw)) = map.next_key_seed(RawStrSeed)? {
            let key_offset = self.ctx.offset_of(raw);
            let mut key = heapless::String::<KEY_CAPACITY>::new();
            // A key that cannot be unescaped into the buffer is longer than
            // any known key: leave it empty so that it is reported as unknown.
            if unescape(raw, &mut key).is_err() {
                key.clear();
            }
            let key = if key.is_empty() && !raw.is_empty() {
                raw
            } else {
                key.as_str()
            };
            self.ctx.field = self.field;
            self.ctx.index = None;
            self.ctx.key_offset = key_offset;
            self.ctx.offset = self.ctx.value_offset(key_offset + raw.len() + 2);
            self.members.member(key, self.ctx, &mut map)?;
        }
        Ok(())
    }
}

/// Runs the guard, then `seed` over the whole input, and maps any error to
/// a [`ParseError`] with field and offset.
pub fn parse_document<'i, T>(
    input: &'i [u8],
    limits: &Limits,
    run: impl FnOnce(&mut Ctx<'i>, &mut Deserializer<'i, '_>) -> Result<T, SjcError>,
) -> Result<T, ParseError> {
    let shape = guard::check(input, limits).map_err(ParseError::from_guard)?;
    if shape.top_level != TopLevel::Object {
        return Err(not_an_object(input));
    }
    let mut ctx = Ctx::new(input);
    let mut de = Deserializer::new(input, None);
    let result = run(&mut ctx, &mut de).and_then(|v| de.end().map(|_| v));
    result.map_err(|e| ctx.into_error(e))
}

impl Ctx<'_> {
    fn into_error(self, e: SjcError) -> ParseError {
        if let Some(mine) = self.error {
            return mine;
        }
        match e {
            SjcError::InvalidType => self.error(ErrorKind::WrongType, self.expected),
            SjcError::InvalidNumber => self.error(ErrorKind::OutOfRange, self.expected),
            // The guard has already accepted the document, so any other
            // complaint of serde-json-core is a value of the wrong shape
            // (e.g. a fraction where an integer belongs).
            _ => self.error(ErrorKind::WrongType, self.expected),
        }
    }
}

/// The error for a valid document that is not an object: at its first byte.
pub fn not_an_object(input: &[u8]) -> ParseError {
    let at = input
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(0);
    ParseError::new(ErrorKind::NotAnObject, at, "", "a JSON object")
}

/// A string exactly as it stands in the input, escapes included.
pub struct RawStr<'i>(pub &'i str);

/// Reads a [`RawStr`]; the deserializer has no unescape buffer, so every
/// string arrives borrowed from the input.
pub struct RawStrSeed;

impl<'i> DeserializeSeed<'i> for RawStrSeed {
    type Value = RawStr<'i>;
    fn deserialize<D: de::Deserializer<'i>>(self, d: D) -> Result<RawStr<'i>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'i> Visitor<'i> for RawStrSeed {
    type Value = RawStr<'i>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'i str) -> Result<RawStr<'i>, E> {
        Ok(RawStr(v))
    }
}

/// The buffer was too small.
pub struct Overflow;

/// A piece of an unescaped JSON string.
pub enum Piece<'a> {
    /// A run of text without escapes.
    Text(&'a str),
    /// One escaped character.
    Char(char),
}

/// Calls `f` with the pieces of the unescaped string, in order; stops at
/// the first error `f` returns. Surrogate pairs (`\ud83d\ude00`) are
/// combined; an invalid escape (which the guard has already rejected)
/// becomes U+FFFD.
pub fn for_each_piece<E>(
    raw: &str,
    mut f: impl FnMut(Piece<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut rest = raw;
    while !rest.is_empty() {
        let plain = rest.find('\\').unwrap_or(rest.len());
        // `plain` is a char boundary (the backslash or the end), so this
        // never stops early; the checked form keeps a panic path out of
        // the binary (firmware/src/bin/panic_check.rs).
        let Some((text, tail)) = rest.split_at_checked(plain) else {
            break;
        };
        if !text.is_empty() {
            f(Piece::Text(text))?;
        }
        let Some(escape) = tail.get(1..) else { break };
        let (c, used) = unescape_one(escape);
        f(Piece::Char(c))?;
        rest = escape.get(used..).unwrap_or("");
    }
    Ok(())
}

/// A piece of an unescaped JSON string whose raw bytes are known to be UTF-8.
pub enum BytePiece<'a> {
    /// A run of text without escapes (UTF-8, since escapes are ASCII).
    Text(&'a [u8]),
    /// One escaped character.
    Char(char),
}

/// As [`for_each_piece`], over the raw bytes of a string the guard has
/// checked, so that the text is not checked as UTF-8 a second time.
pub fn for_each_byte_piece(raw: &[u8], mut f: impl FnMut(BytePiece<'_>)) {
    let mut rest = raw;
    while !rest.is_empty() {
        let plain = rest.iter().position(|&b| b == b'\\').unwrap_or(rest.len());
        let (text, tail) = rest.split_at_checked(plain).unwrap_or((rest, &[]));
        if !text.is_empty() {
            f(BytePiece::Text(text));
        }
        let Some(escape) = tail.get(1..) else { break };
        let (c, used) = unescape_one_bytes(escape);
        f(BytePiece::Char(c));
        rest = escape.get(used..).unwrap_or(&[]);
    }
}

/// Decodes the escape at the start of `s` (just past the backslash);
/// returns the character and how many bytes of `s` it used.
fn unescape_one(s: &str) -> (char, usize) {
    unescape_one_bytes(s.as_bytes())
}

/// [`unescape_one`] over bytes.
fn unescape_one_bytes(s: &[u8]) -> (char, usize) {
    let simple = match s.first() {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => {
            let high = hex4(s.get(1..5));
            if let Some(h @ 0xD800..=0xDBFF) = high {
                if s.get(5..7) == Some(b"\\u") {
                    if let Some(l @ 0xDC00..=0xDFFF) = hex4(s.get(7..11)) {
                        let c = 0x10000 + ((h - 0xD800) << 10) + (l - 0xDC00);
                        return (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), 11);
                    }
                }
            }
            let c = high
                .and_then(char::from_u32)
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            return (c, if high.is_some() { 5 } else { 1 });
        }
        _ => return (char::REPLACEMENT_CHARACTER, 1.min(s.len())),
    };
    (simple, 1)
}

fn hex4(s: Option<&[u8]>) -> Option<u32> {
    let s = s?;
    if s.len() != 4 {
        return None;
    }
    s.iter().try_fold(0u32, |v, &b| {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => return None,
        };
        Some((v << 4) | u32::from(d))
    })
}

/// Unescapes a raw JSON string into `out`.
pub fn unescape<const N: usize>(raw: &str, out: &mut heapless::String<N>) -> Result<(), Overflow> {
    out.clear();
    for_each_piece(raw, |piece| match piece {
        Piece::Text(s) => out.push_str(s).map_err(|_| Overflow),
        Piece::Char(c) => out.push(c).map_err(|_| Overflow),
    })
}

/// Reads an unsigned integer within `min..=max`.
pub struct UIntSeed<'c, 'i> {
    pub ctx: &'c mut Ctx<'i>,
    pub min: u64,
    pub max: u64,
    /// Type and range, for messages, e.g. "an integer in 0..=10".
    pub expected: &'static str,
}

impl<'i> DeserializeSeed<'i> for UIntSeed<'_, 'i> {
    type Value = u64;
    fn deserialize<D: de::Deserializer<'i>>(self, d: D) -> Result<u64, D::Error> {
        self.ctx.expected = self.expected;
        // serde-json-core reads the integer prefix of "1.5" or "1e3" and
        // stops; look at the whole token first so such values are reported
        // as what they are.
        let token = self.ctx.raw_token();
        if let Some(&first) = token.first() {
            if first == b'-' || first.is_ascii_digit() {
                let fraction = token.iter().any(|b| matches!(b, b'.' | b'e' | b'E'));
                let kind = if first == b'-' && !fraction {
                    ErrorKind::OutOfRange
                } else {
                    ErrorKind::WrongType
                };
                if fraction || first == b'-' {
                    let e = self
                        .ctx
                        .error(kind, self.expected)
                        .with_found(core::str::from_utf8(token).unwrap_or(""));
                    return Err(self.ctx.fail(e));
                }
            }
        }
        let v = d.deserialize_u64(U64Visitor)?;
        if v < self.min || v > self.max {
            let e = self
                .ctx
                .error(ErrorKind::OutOfRange, self.expected)
                .with_found(core::str::from_utf8(token).unwrap_or(""));
            return Err(self.ctx.fail(e));
        }
        Ok(v)
    }
}

struct U64Visitor;

impl Visitor<'_> for U64Visitor {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an unsigned integer")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        Ok(v)
    }
}

/// Reads a signed integer within `min..=max`.
pub struct IntSeed<'c, 'i> {
    pub ctx: &'c mut Ctx<'i>,
    pub min: i64,
    pub max: i64,
    pub expected: &'static str,
}

impl<'i> DeserializeSeed<'i> for IntSeed<'_, 'i> {
    type Value = i64;
    fn deserialize<D: de::Deserializer<'i>>(self, d: D) -> Result<i64, D::Error> {
        self.ctx.expected = self.expected;
        let token = self.ctx.raw_token();
        if token.iter().any(|b| matches!(b, b'.' | b'e' | b'E'))
            && token
                .first()
                .is_some_and(|b| *b == b'-' || b.is_ascii_digit())
        {
            let e = self
                .ctx
                .error(ErrorKind::WrongType, self.expected)
                .with_found(core::str::from_utf8(token).unwrap_or(""));
            return Err(self.ctx.fail(e));
        }
        let v = d.deserialize_i64(I64Visitor)?;
        if v < self.min || v > self.max {
            let e = self
                .ctx
                .error(ErrorKind::OutOfRange, self.expected)
                .with_found(core::str::from_utf8(token).unwrap_or(""));
            return Err(self.ctx.fail(e));
        }
        Ok(v)
    }
}

struct I64Visitor;

impl Visitor<'_> for I64Visitor {
    type Value = i64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }
}

/// Reads `true` or `false`.
pub struct BoolSeed<'c, 'i> {
    pub ctx: &'c mut Ctx<'i>,
}

impl<'i> DeserializeSeed<'i> for BoolSeed<'_, 'i> {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'i>>(self, d: D) -> Result<bool, D::Error> {
        self.ctx.expected = "true or false";
        d.deserialize_bool(BoolVisitor)
    }
}

struct BoolVisitor;

impl Visitor<'_> for BoolVisitor {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }
}

/// Reads one code of a vocabulary.
pub struct CodeSeed<'c, 'i, T> {
    pub ctx: &'c mut Ctx<'i>,
    pub kind: PhantomData<T>,
}

impl<'c, 'i, T> CodeSeed<'c, 'i, T> {
    pub fn new(ctx: &'c mut Ctx<'i>) -> Self {
        CodeSeed {
            ctx,
            kind: PhantomData,
        }
    }
}

impl<'i, T: Code> DeserializeSeed<'i> for CodeSeed<'_, 'i, T> {
    type Value = T;
    fn deserialize<D: de::Deserializer<'i>>(self, d: D) -> Result<T, D::Error> {
        if self.ctx.index.is_none() {
            self.ctx.expected = "a string";
        }
        let RawStr(raw) = RawStrSeed.deserialize(d)?;
        self.ctx.offset = self.ctx.offset_of(raw);
        let mut code = heapless::String::<40>::new();
        let found = unescape(raw, &mut code)
            .ok()
            .and_then(|_| T::from_code(&code));
        found.ok_or_else(|| {
            let e = self
                .ctx
                .error(ErrorKind::UnknownValue, T::EXPECTED)
                .with_found(raw);
            self.ctx.fail(e)
        })
    }
}

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

/// Limits on an untrusted policy document.
const POLICY_LIMITS: Limits = Limits {
    max_bytes: 64 * 1024,
    max_depth: 3,
    max_string_bytes: 256,
};

/// Parses a JSON policy: the keys present override [`Policy::DEFAULT`], the
/// result is validated. Errors name the key and the byte offset.
///
/// ```
/// use complaint_triage::{parse_policy, Factor, Threat, Dimension};
///
/// let p = parse_policy(br#"{"points":{"threat.media":{"impact":40}},"resolution_hours":[8,48,120]}"#).unwrap();
/// assert_eq!(p.points_of(Factor::threat(Threat::Media), Dimension::Impact), 40);
/// assert_eq!(p.resolution_hours, [8, 48, 120]);
///
/// let e = parse_policy(br#"{"severity_levels":[70,40]}"#).unwrap_err();
/// assert_eq!(e.field, "severity_levels");
/// ```
pub fn parse_policy(json: &[u8]) -> Result<Policy, ParseError> {
    let mut policy = Policy::DEFAULT;
    parse_policy_into(json, &mut policy)?;
    Ok(policy)
}

/// Applies the overrides of a JSON policy onto `policy`, then validates it.
/// On error `policy` is left unchanged.
pub fn parse_policy_into(json: &[u8], policy: &mut Policy) -> Result<(), ParseError> {
    let mut reader = PolicyReader {
        policy: policy.clone(),
        key_offsets: [None; TOP_KEYS.len()],
    };
    parse_document(json, &POLICY_LIMITS, |ctx, de| {
        ObjectSeed {
            ctx,
            members: &mut reader,
            field: "",
        }
        .deserialize(de)
    })?;
    if let Err(e) = reader.policy.validate() {
        let offset = TOP_KEYS
            .iter()
            .position(|k| *k == e.key)
            .and_then(|i| reader.key_offsets.get(i).copied().flatten())
            .unwrap_or(0);
        let mut err = ParseError::new(ErrorKind::InvalidPolicy, offset, e.key, e.reason);
        if !e.entry.is_empty() {
            err = err.with_found(e.entry);
        }
        return Err(err);
    }
    *policy = reader.policy;
    Ok(())
}

/// The policy's top-level keys (also words for the differential tests).
pub(crate) const TOP_KEYS: [&str; 24] = [
    "points",
    "bands",
    "severity_levels",
    "impact_levels",
    "urgency_levels",
    "grade_matrix",
    "priority_matrix",
    "tier_by_grade",
    "difficulty_tiers",
    "malice_tiers",
    "beyond_authority_tier",
    "gates",
    "affected_gate_customers",
    "first_response_minutes",
    "first_response_cap_minutes",
    "resolution_hours",
    "jurisdiction_cap_hours",
    "regulator_clock_hours",
    "follow_up_hours",
    "claim_limit_permille",
    "effect",
    "money_bands",
    "profile_tiers",
    "clear_cut_max_grade",
];

const TOP_KEY_LIST: &str = "points, bands, severity_levels, impact_levels, urgency_levels, grade_matrix, priority_matrix, \
tier_by_grade, difficulty_tiers, malice_tiers, beyond_authority_tier, gates, affected_gate_customers, \
first_response_minutes, first_response_cap_minutes, resolution_hours, jurisdiction_cap_hours, regulator_clock_hours, \
follow_up_hours, claim_limit_permille, effect, money_bands, profile_tiers, clear_cut_max_grade";

struct PolicyReader {
    policy: Policy,
    key_offsets: [Option<usize>; TOP_KEYS.len()],
}

fn unknown_key<E: de::Error>(
    ctx: &mut Ctx<'_>,
    field: &'static str,
    key: &str,
    expected: &'static str,
) -> E {
    let e =
        ParseError::new(ErrorKind::UnknownField, ctx.key_offset, field, expected).with_found(key);
    ctx.fail(e)
}

fn duplicate<E: de::Error>(ctx: &mut Ctx<'_>, field: &'static str) -> E {
    ctx.fail(ParseError::new(
        ErrorKind::DuplicateField,
        ctx.key_offset,
        field,
        "each key at most once",
    ))
}

impl<'i> Members<'i> for PolicyReader {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(i) = TOP_KEYS.iter().position(|k| *k == key) else {
            return Err(unknown_key(ctx, "", key, TOP_KEY_LIST));
        };
        let field = TOP_KEYS.get(i).copied().unwrap_or("");
        ctx.field = field;
        match self.key_offsets.get_mut(i) {
            Some(slot @ None) => *slot = Some(ctx.key_offset),
            _ => return Err(duplicate(ctx, field)),
        }
        let p = &mut self.policy;
        let pct = (1, 100, "an integer in 1..=100");
        match field {
            "points" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut PointsReader {
                    points: &mut p.points,
                    seen: [0; FACTOR_COUNT.div_ceil(8)],
                },
                field,
            })?,
            "bands" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut BandsReader {
                    bands: &mut p.bands,
                    seen: 0,
                },
                field,
            })?,
            "severity_levels" => {
                p.severity_levels = narrow(map.next_value_seed(ArraySeed::<u64, 2>::new(ctx, pct))?)
            }
            "impact_levels" => {
                p.impact_levels = narrow(map.next_value_seed(ArraySeed::<u64, 2>::new(ctx, pct))?)
            }
            "urgency_levels" => {
                p.urgency_levels = narrow(map.next_value_seed(ArraySeed::<u64, 2>::new(ctx, pct))?)
            }
            "difficulty_tiers" => {
                p.difficulty_tiers =
                    narrow(map.next_value_seed(ArraySeed::<u64, 2>::new(ctx, pct))?)
            }
            "malice_tiers" => {
                p.malice_tiers = narrow(map.next_value_seed(ArraySeed::<u64, 2>::new(ctx, pct))?)
            }
            "grade_matrix" => {
                p.grade_matrix = map.next_value_seed(ArraySeed::<[Grade; 3], 3>::new(ctx, ()))?
            }
            "priority_matrix" => {
                let m = map.next_value_seed(ArraySeed::<[u64; 3], 3>::new(
                    ctx,
                    (1, 5, "an integer in 1..=5"),
                ))?;
                p.priority_matrix = m.map(narrow);
            }
            "tier_by_grade" => {
                p.tier_by_grade = map.next_value_seed(ArraySeed::<Tier, 4>::new(ctx, ()))?
            }
            "beyond_authority_tier" => {
                p.beyond_authority_tier = map.next_value_seed(CodeSeed::new(ctx))?
            }
            "gates" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut GatesReader {
                    floors: &mut p.gates,
                    seen: 0,
                },
                field,
            })?,
            "affected_gate_customers" => {
                p.affected_gate_customers =
                    narrow(map.next_value_seed(ArraySeed::<u64, 3>::new(
                        ctx,
                        (2, 1_000_000_000, "an integer in 2..=1000000000"),
                    ))?)
            }
            "regulator_clock_hours" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut CapsReader {
                    caps: &mut p.regulator_clock_hours,
                    seen: 0,
                    field: "regulator_clock_hours",
                },
                field,
            })?,
            "follow_up_hours" => {
                p.follow_up_hours =
                    narrow(map.next_value_seed(ArraySeed::<u64, 5>::new(ctx, HOURS))?)
            }
            "first_response_minutes" => {
                p.first_response_minutes =
                    narrow(map.next_value_seed(ArraySeed::<u64, 3>::new(ctx, MINUTES))?)
            }
            "first_response_cap_minutes" => {
                p.first_response_cap_minutes =
                    narrow(map.next_value_seed(ArraySeed::<u64, 5>::new(ctx, MINUTES))?)
            }
            "resolution_hours" => {
                p.resolution_hours =
                    narrow(map.next_value_seed(ArraySeed::<u64, 5>::new(ctx, HOURS))?)
            }
            "jurisdiction_cap_hours" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut CapsReader {
                    caps: &mut p.jurisdiction_cap_hours,
                    seen: 0,
                    field: "jurisdiction_cap_hours",
                },
                field,
            })?,
            "claim_limit_permille" => {
                p.claim_limit_permille = map.next_value_seed(UIntSeed {
                    ctx,
                    min: 1000,
                    max: 1_000_000,
                    expected: "an integer in 1000..=1000000",
                })? as u32;
            }
            "effect" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut EffectReader {
                    effect: &mut p.effect,
                    seen: 0,
                },
                field,
            })?,
            "money_bands" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut MoneyBandsReader {
                    bands: &mut p.money_bands,
                    seen: 0,
                },
                field,
            })?,
            "profile_tiers" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut ProfileTiersReader {
                    tiers: &mut p.profile_tiers,
                    seen: 0,
                },
                field,
            })?,
            _ => p.clear_cut_max_grade = map.next_value_seed(CodeSeed::new(ctx))?,
        }
        Ok(())
    }
}

const MINUTES: (u64, u64, &str) = (1, 65535, "an integer in 1..=65535 (minutes)");
const HOURS: (u64, u64, &str) = (1, 65535, "an integer in 1..=65535 (hours)");

/// Narrows integers whose range was checked while parsing.
fn narrow<T: TryFrom<u64> + Default + Copy, const N: usize>(values: [u64; N]) -> [T; N] {
    values.map(|v| T::try_from(v).unwrap_or_default())
}

/// `"points": {"<factor code>": {"<dimension>": points, ...}, ...}`.
struct PointsReader<'p> {
    points: &'p mut PointsTable,
    seen: [u8; FACTOR_COUNT.div_ceil(8)],
}

impl<'i> Members<'i> for PointsReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(factor) = Factor::from_code(key) else {
            return Err(unknown_key(
                ctx,
                "points",
                key,
                "the factor codes listed in RUBRIC.md",
            ));
        };
        let (byte, bit) = (factor.index() / 8, factor.index() % 8);
        match self.seen.get_mut(byte) {
            Some(b) if *b & (1 << bit) == 0 => *b |= 1 << bit,
            _ => return Err(duplicate(ctx, "points")),
        }
        let mut row = self.points.get(factor);
        map.next_value_seed(ObjectSeed {
            ctx,
            members: &mut DimensionsReader {
                row: &mut row,
                seen: 0,
            },
            field: "points",
        })?;
        self.points.set(factor, row);
        Ok(())
    }
}

struct DimensionsReader<'p> {
    row: &'p mut Points,
    seen: u8,
}

impl<'i> Members<'i> for DimensionsReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(d) = Dimension::from_code(key) else {
            return Err(unknown_key(ctx, "points", key, Dimension::EXPECTED));
        };
        if self.seen & (1 << d.index()) != 0 {
            return Err(duplicate(ctx, "points"));
        }
        self.seen |= 1 << d.index();
        let max = i64::from(MAX_POINTS);
        let v = map.next_value_seed(IntSeed {
            ctx,
            min: -max,
            max,
            expected: "an integer in -100..=100",
        })?;
        if let Some(slot) = self.row.get_mut(d as usize) {
            *slot = i16::try_from(v).unwrap_or(0);
        }
        Ok(())
    }
}

/// `"bands": {"emotion": [4, 7, 9], ...}`.
struct BandsReader<'p> {
    bands: &'p mut [[u64; Band::MAX_LEVELS]; 7],
    seen: u8,
}

impl<'i> Members<'i> for BandsReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(band) = Band::ALL.iter().copied().find(|b| b.field() == key) else {
            return Err(unknown_key(ctx, "bands", key, "tenure_months, emotion, prior_contacts, hours_open, affected_customers, direct_loss, departments"));
        };
        if self.seen & (1 << band as u8) != 0 {
            return Err(duplicate(ctx, "bands"));
        }
        self.seen |= 1 << band as u8;
        let spec = (1, MAX_AMOUNT, "a positive integer");
        let Some(slot) = self.bands.get_mut(band as usize) else {
            return Ok(());
        };
        *slot = match band.levels() {
            7 => map.next_value_seed(ArraySeed::<u64, 7>::new(ctx, spec))?,
            4 => {
                let [a, b, c, d] = map.next_value_seed(ArraySeed::<u64, 4>::new(ctx, spec))?;
                [a, b, c, d, u64::MAX, u64::MAX, u64::MAX]
            }
            _ => {
                let [a, b, c] = map.next_value_seed(ArraySeed::<u64, 3>::new(ctx, spec))?;
                [a, b, c, u64::MAX, u64::MAX, u64::MAX, u64::MAX]
            }
        };
        Ok(())
    }
}

/// `"jurisdiction_cap_hours": {"us_cfpb": 360, ...}`.
struct CapsReader<'p> {
    caps: &'p mut [u16; Jurisdiction::COUNT],
    seen: u16,
    field: &'static str,
}

impl<'i> Members<'i> for CapsReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let j = match Jurisdiction::from_code(key) {
            Some(j) if j != Jurisdiction::None => j,
            _ => {
                return Err(unknown_key(
                    ctx,
                    self.field,
                    key,
                    "us_cfpb, uk_fca, cn_banking, cn_telecom, cn_consumer, uk_fca_payments, tw_consumer, hk_hkma",
                ))
            }
        };
        if self.seen & (1 << j.index()) != 0 {
            return Err(duplicate(ctx, self.field));
        }
        self.seen |= 1 << j.index();
        let v = map.next_value_seed(UIntSeed {
            ctx,
            min: HOURS.0,
            max: HOURS.1,
            expected: HOURS.2,
        })?;
        if let Some(slot) = self.caps.get_mut(j as usize) {
            *slot = u16::try_from(v).unwrap_or(u16::MAX);
        }
        Ok(())
    }
}

/// `"profile_tiers": {"well_prepared": "specialist", ...}`.
struct ProfileTiersReader<'p> {
    tiers: &'p mut [Tier; Profile::COUNT],
    seen: u16,
}

impl<'i> Members<'i> for ProfileTiersReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(profile) = Profile::from_code(key) else {
            return Err(unknown_key(ctx, "profile_tiers", key, Profile::EXPECTED));
        };
        if self.seen & (1 << profile.index()) != 0 {
            return Err(duplicate(ctx, "profile_tiers"));
        }
        self.seen |= 1 << profile.index();
        self.tiers[profile as usize] = map.next_value_seed(CodeSeed::new(ctx))?;
        Ok(())
    }
}

/// `"money_bands": {"USD": [2500, 25000, 250000, 2500000], ...}`.
struct MoneyBandsReader<'p> {
    bands: &'p mut [[u64; MONEY_LEVELS]; ISO_CURRENCIES],
    seen: u16,
}

impl<'i> Members<'i> for MoneyBandsReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let i = match Currency::from_code(key) {
            Some(c) if c != Currency::Unspecified => c as usize - 1,
            _ => {
                return Err(unknown_key(
                    ctx,
                    "money_bands",
                    key,
                    "CNY, USD, EUR, GBP, HKD, TWD, JPY",
                ))
            }
        };
        if self.seen & (1 << i) != 0 {
            return Err(duplicate(ctx, "money_bands"));
        }
        self.seen |= 1 << i;
        let spec = (1, MAX_AMOUNT, "a positive integer");
        let row = map.next_value_seed(ArraySeed::<u64, MONEY_LEVELS>::new(ctx, spec))?;
        if let Some(slot) = self.bands.get_mut(i) {
            *slot = row;
        }
        Ok(())
    }
}

/// `"gates": {"press": {"grade": .., "tier": .., "priority": ..}, ...}`.
struct GatesReader<'p> {
    floors: &'p mut [GateFloor; Gate::COUNT],
    seen: u16,
}

impl<'i> Members<'i> for GatesReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(g) = Gate::from_code(key) else {
            return Err(unknown_key(ctx, "gates", key, Gate::EXPECTED));
        };
        if self.seen & (1 << g.index()) != 0 {
            return Err(duplicate(ctx, "gates"));
        }
        self.seen |= 1 << g.index();
        map.next_value_seed(ObjectSeed {
            ctx,
            members: &mut FloorReader {
                floor: &mut self.floors[g as usize],
                seen: 0,
            },
            field: "gates",
        })
    }
}

struct FloorReader<'p> {
    floor: &'p mut GateFloor,
    seen: u8,
}

impl<'i> Members<'i> for FloorReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(i) = ["grade", "tier", "priority"].iter().position(|k| *k == key) else {
            return Err(unknown_key(ctx, "gates", key, "grade, tier, priority"));
        };
        if self.seen & (1 << i) != 0 {
            return Err(duplicate(ctx, "gates"));
        }
        self.seen |= 1 << i;
        match i {
            0 => self.floor.grade = map.next_value_seed(CodeSeed::new(ctx))?,
            1 => self.floor.tier = map.next_value_seed(CodeSeed::new(ctx))?,
            _ => {
                self.floor.priority = map.next_value_seed(UIntSeed {
                    ctx,
                    min: 1,
                    max: 5,
                    expected: "an integer in 1..=5",
                })? as u8
            }
        }
        Ok(())
    }
}

/// The keys of the policy's `effect` (also words for the differential tests).
pub(crate) const EFFECT_KEYS: [&str; 10] = [
    "base",
    "first_contact",
    "on_time",
    "late",
    "very_late",
    "very_late_factor",
    "satisfaction",
    "reopened",
    "repeat_within_30_days",
    "root_cause_fixed",
];

/// `"effect": {"base": 50, ...}`.
struct EffectReader<'p> {
    effect: &'p mut EffectPolicy,
    seen: u16,
}

impl<'i> Members<'i> for EffectReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(i) = EFFECT_KEYS.iter().position(|k| *k == key) else {
            return Err(unknown_key(ctx, "effect", key, "base, first_contact, on_time, late, very_late, very_late_factor, satisfaction, reopened, repeat_within_30_days, root_cause_fixed"));
        };
        if self.seen & (1 << i) != 0 {
            return Err(duplicate(ctx, "effect"));
        }
        self.seen |= 1 << i;
        let e = &mut *self.effect;
        let max = i64::from(MAX_POINTS);
        let mut points = || {
            map.next_value_seed(IntSeed {
                ctx: &mut *ctx,
                min: -max,
                max,
                expected: "an integer in -100..=100",
            })
        };
        let to_i16 = |v: i64| i16::try_from(v).unwrap_or(0);
        match i {
            0 => e.base = to_i16(points()?),
            1 => e.first_contact = to_i16(points()?),
            2 => e.on_time = to_i16(points()?),
            3 => e.late = to_i16(points()?),
            4 => e.very_late = to_i16(points()?),
            5 => {
                e.very_late_factor = map.next_value_seed(UIntSeed {
                    ctx,
                    min: 2,
                    max: 100,
                    expected: "an integer in 2..=100",
                })? as u8
            }
            6 => {
                e.satisfaction = map
                    .next_value_seed(ArraySeed::<i64, 5>::new(
                        ctx,
                        (-max, max, "an integer in -100..=100"),
                    ))?
                    .map(to_i16)
            }
            7 => e.reopened = to_i16(points()?),
            8 => e.repeat_within_30_days = to_i16(points()?),
            _ => e.root_cause_fixed = to_i16(points()?),
        }
        Ok(())
    }
}

/// An element of a fixed-length JSON array.
trait Elem<'i>: Sized + Copy {
    /// What bounds the element (a range, or nothing).
    type Spec: Copy;
    /// A placeholder value, overwritten before use.
    fn fill() -> Self;
    /// Reads the next element, or `None` at the end of the array.
    fn next<A: SeqAccess<'i>>(
        ctx: &mut Ctx<'i>,
        spec: Self::Spec,
        seq: &mut A,
    ) -> Result<Option<Self>, A::Error>;
}

impl<'i> Elem<'i> for u64 {
    type Spec = (u64, u64, &'static str);
    fn fill() -> Self {
        0
    }
    fn next<A: SeqAccess<'i>>(
        ctx: &mut Ctx<'i>,
        (min, max, expected): Self::Spec,
        seq: &mut A,
    ) -> Result<Option<Self>, A::Error> {
        seq.next_element_seed(UIntSeed {
            ctx,
            min,
            max,
            expected,
        })
    }
}

impl<'i> Elem<'i> for i64 {
    type Spec = (i64, i64, &'static str);
    fn fill() -> Self {
        0
    }
    fn next<A: SeqAccess<'i>>(
        ctx: &mut Ctx<'i>,
        (min, max, expected): Self::Spec,
        seq: &mut A,
    ) -> Result<Option<Self>, A::Error> {
        seq.next_element_seed(IntSeed {
            ctx,
            min,
            max,
            expected,
        })
    }
}

macro_rules! code_elem {
    ($($t:ty => $fill:expr),+) => {$(
        impl<'i> Elem<'i> for $t {
            type Spec = ();
            fn fill() -> Self {
                $fill
            }
            fn next<A: SeqAccess<'i>>(ctx: &mut Ctx<'i>, _: (), seq: &mut A) -> Result<Option<Self>, A::Error> {
                seq.next_element_seed(CodeSeed::new(ctx))
            }
        }
    )+};
}

code_elem!(Grade => Grade::Minor, Tier => Tier::Frontline);

impl<'i, E: Elem<'i>, const N: usize> Elem<'i> for [E; N] {
    type Spec = E::Spec;
    fn fill() -> Self {
        [E::fill(); N]
    }
    fn next<A: SeqAccess<'i>>(
        ctx: &mut Ctx<'i>,
        spec: Self::Spec,
        seq: &mut A,
    ) -> Result<Option<Self>, A::Error> {
        seq.next_element_seed(ArraySeed::<E, N>::new(ctx, spec))
    }
}

/// Reads a JSON array of exactly `N` elements.
struct ArraySeed<'c, 'i, E: Elem<'i>, const N: usize> {
    ctx: &'c mut Ctx<'i>,
    spec: E::Spec,
}

impl<'c, 'i, E: Elem<'i>, const N: usize> ArraySeed<'c, 'i, E, N> {
    fn new(ctx: &'c mut Ctx<'i>, spec: E::Spec) -> Self {
        ArraySeed { ctx, spec }
    }
}

/// "an array of exactly N values", for N up to 7 (the most bands a field has).
const fn exactly(n: usize) -> &'static str {
    match n {
        2 => "an array of exactly 2 values",
        3 => "an array of exactly 3 values",
        4 => "an array of exactly 4 values",
        5 => "an array of exactly 5 values",
        6 => "an array of exactly 6 values",
        _ => "an array of exactly 7 values",
    }
}

impl<'i, E: Elem<'i>, const N: usize> DeserializeSeed<'i> for ArraySeed<'_, 'i, E, N> {
    type Value = [E; N];
    fn deserialize<D: de::Deserializer<'i>>(self, d: D) -> Result<[E; N], D::Error> {
        self.ctx.expected = exactly(N);
        d.deserialize_seq(self)
    }
}

impl<'i, E: Elem<'i>, const N: usize> Visitor<'i> for ArraySeed<'_, 'i, E, N> {
    type Value = [E; N];
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(exactly(N))
    }
    fn visit_seq<A: SeqAccess<'i>>(self, mut seq: A) -> Result<[E; N], A::Error> {
        let outer_index = self.ctx.index;
        let mut out = [E::fill(); N];
        for (i, slot) in out.iter_mut().enumerate() {
            self.ctx.index = Some(i as u16);
            match E::next(self.ctx, self.spec, &mut seq)? {
                Some(v) => *slot = v,
                None => {
                    return Err(self
                        .ctx
                        .fail(self.ctx.error(ErrorKind::WrongType, exactly(N))))
                }
            }
        }
        self.ctx.index = Some(N as u16);
        if E::next(self.ctx, self.spec, &mut seq)?.is_some() {
            return Err(self
                .ctx
                .fail(self.ctx.error(ErrorKind::WrongType, exactly(N))));
        }
        self.ctx.index = outer_index;
        Ok(out)
    }
}

/// Writes the whole policy as JSON, in the same shape [`parse_policy`] reads.
/// Returns the number of bytes written.
pub fn write_policy_json(policy: &Policy, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
    serde_json_core::to_slice(&PolicyJson(policy), buf).map_err(|_| BufferTooSmall)
}

struct PolicyJson<'p>(&'p Policy);

struct PointsJson<'p>(&'p Policy);
struct RowJson<'p>(&'p Points);
struct BandsJson<'p>(&'p Policy);
struct CapsJson<'p>(&'p [u16; Jurisdiction::COUNT]);
struct MoneyBandsJson<'p>(&'p Policy);
struct GatesJson<'p>(&'p Policy);
struct ProfileTiersJson<'p>(&'p Policy);

impl serde::Serialize for ProfileTiersJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", Profile::COUNT)?;
        for (profile, tier) in Profile::ALL.iter().zip(self.0.profile_tiers.iter()) {
            m.serialize_field(profile.code(), tier)?;
        }
        m.end()
    }
}
struct FloorJson<'p>(&'p GateFloor);

impl serde::Serialize for GatesJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", Gate::COUNT)?;
        for (g, floor) in Gate::ALL.iter().zip(self.0.gates.iter()) {
            m.serialize_field(g.code(), &FloorJson(floor))?;
        }
        m.end()
    }
}

impl serde::Serialize for FloorJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", 3)?;
        m.serialize_field("grade", &self.0.grade)?;
        m.serialize_field("tier", &self.0.tier)?;
        m.serialize_field("priority", &self.0.priority)?;
        m.end()
    }
}
struct EffectJson<'p>(&'p EffectPolicy);

impl serde::Serialize for PolicyJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut st = s.serialize_struct("Policy", TOP_KEYS.len())?;
        st.serialize_field("points", &PointsJson(p))?;
        st.serialize_field("bands", &BandsJson(p))?;
        st.serialize_field("severity_levels", &p.severity_levels)?;
        st.serialize_field("impact_levels", &p.impact_levels)?;
        st.serialize_field("urgency_levels", &p.urgency_levels)?;
        st.serialize_field("grade_matrix", &p.grade_matrix)?;
        st.serialize_field("priority_matrix", &p.priority_matrix)?;
        st.serialize_field("tier_by_grade", &p.tier_by_grade)?;
        st.serialize_field("difficulty_tiers", &p.difficulty_tiers)?;
        st.serialize_field("malice_tiers", &p.malice_tiers)?;
        st.serialize_field("beyond_authority_tier", &p.beyond_authority_tier)?;
        st.serialize_field("gates", &GatesJson(p))?;
        st.serialize_field("affected_gate_customers", &p.affected_gate_customers)?;
        st.serialize_field("first_response_minutes", &p.first_response_minutes)?;
        st.serialize_field("first_response_cap_minutes", &p.first_response_cap_minutes)?;
        st.serialize_field("resolution_hours", &p.resolution_hours)?;
        st.serialize_field(
            "jurisdiction_cap_hours",
            &CapsJson(&p.jurisdiction_cap_hours),
        )?;
        st.serialize_field("regulator_clock_hours", &CapsJson(&p.regulator_clock_hours))?;
        st.serialize_field("follow_up_hours", &p.follow_up_hours)?;
        st.serialize_field("claim_limit_permille", &p.claim_limit_permille)?;
        st.serialize_field("effect", &EffectJson(&p.effect))?;
        st.serialize_field("money_bands", &MoneyBandsJson(p))?;
        st.serialize_field("profile_tiers", &ProfileTiersJson(p))?;
        st.serialize_field("clear_cut_max_grade", &p.clear_cut_max_grade)?;
        st.end()
    }
}

// Keys are all static strings, so objects are written as structs (no map serializer).
impl serde::Serialize for PointsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", FACTORS.len())?;
        for (info, row) in FACTORS.iter().zip(self.0.points.iter()) {
            m.serialize_field(info.code, &RowJson(row))?;
        }
        m.end()
    }
}

impl serde::Serialize for RowJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", Dimension::COUNT)?;
        for (d, p) in Dimension::ALL.iter().zip(self.0.iter()) {
            m.serialize_field(d.code(), p)?;
        }
        m.end()
    }
}

impl serde::Serialize for BandsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", Band::ALL.len())?;
        for band in Band::ALL {
            m.serialize_field(band.field(), self.0.band_thresholds(band))?;
        }
        m.end()
    }
}

impl serde::Serialize for CapsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", Jurisdiction::COUNT - 1)?;
        for (j, hours) in Jurisdiction::ALL.iter().zip(self.0.iter()) {
            if *j != Jurisdiction::None {
                m.serialize_field(Code::code(*j), hours)?;
            }
        }
        m.end()
    }
}

impl serde::Serialize for MoneyBandsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", ISO_CURRENCIES)?;
        for (c, row) in Currency::ALL.iter().skip(1).zip(self.0.money_bands.iter()) {
            m.serialize_field(Code::code(*c), row)?;
        }
        m.end()
    }
}

impl serde::Serialize for EffectJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut st = s.serialize_struct("Effect", EFFECT_KEYS.len())?;
        st.serialize_field("base", &e.base)?;
        st.serialize_field("first_contact", &e.first_contact)?;
        st.serialize_field("on_time", &e.on_time)?;
        st.serialize_field("late", &e.late)?;
        st.serialize_field("very_late", &e.very_late)?;
        st.serialize_field("very_late_factor", &e.very_late_factor)?;
        st.serialize_field("satisfaction", &e.satisfaction)?;
        st.serialize_field("reopened", &e.reopened)?;
        st.serialize_field("repeat_within_30_days", &e.repeat_within_30_days)?;
        st.serialize_field("root_cause_fixed", &e.root_cause_fixed)?;
        st.end()
    }
}

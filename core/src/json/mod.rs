//! JSON in and out, without allocating.
//!
//! Untrusted input first goes through [`crate::guard`], one linear pass that
//! rejects anything but a single valid JSON text within the size and depth
//! limits. Only then does serde-json-core read it, driven by our own visitors
//! (no map types, no skipped values), which record the field and byte offset
//! of anything that does not fit the contract.

mod error;
mod fast;
mod lex;
mod outcome;
mod policy;
mod record;
mod value;
mod walk;
mod write;

pub use error::{ErrorKind, ParseError, FOUND_CAPACITY};
pub use outcome::{parse_outcome, OUTCOME_FIELDS};
pub use policy::{parse_policy, parse_policy_into, write_policy_json};
pub use record::{
    parse_complaint, IntRange, MAX_AMOUNT, RECORD_FIELDS, RECORD_INT_RANGES, RECORD_LIMITS,
};
pub use write::{
    write_assessment_json, write_effect_json, write_error_json, BufferTooSmall, MAX_ASSESSMENT_JSON,
};

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde_json_core::de::{Deserializer, Error as SjcError};

use crate::guard::{self, Limits, TopLevel};

/// Where the parser is, so that an error can say where it happened.
pub(crate) struct Ctx<'i> {
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
pub(crate) trait Members<'i> {
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
pub(crate) struct ObjectSeed<'c, 'i, M> {
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
        while let Some(value::RawStr(raw)) = map.next_key_seed(value::RawStrSeed)? {
            let key_offset = self.ctx.offset_of(raw);
            let mut key = heapless::String::<KEY_CAPACITY>::new();
            // A key that cannot be unescaped into the buffer is longer than
            // any known key: leave it empty so that it is reported as unknown.
            if value::unescape(raw, &mut key).is_err() {
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
pub(crate) fn parse_document<'i, T>(
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
pub(crate) fn not_an_object(input: &[u8]) -> ParseError {
    let at = input
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(0);
    ParseError::new(ErrorKind::NotAnObject, at, "", "a JSON object")
}

//! A walk over a document that [`crate::guard::check`] has accepted, for the
//! outcome and policy readers: objects, fixed-length arrays, integers,
//! booleans and codes, each error with its kind, field, index, offset,
//! expected text and found excerpt.
//!
//! These readers were first written over serde-json-core, and they accept
//! exactly what it accepted (`core/tests/differential_outcome_policy.rs`
//! compares them with that reader). Their errors keep the context a serde
//! reader kept (the field, the index within an array, the offset of the
//! value being read, what is expected there), except within arrays, where
//! that reader reported every element's error at the array's bracket with
//! the array's expectation: there an error is at the element, with its
//! index and its own expectation, and an array of the wrong length is
//! reported at its bracket with the number of elements it has.
//!
//! Nothing here is generic: each helper exists once in the binary.

use super::error::LimitTexts;
use super::lex::Lex;
use super::value::unescape;
use super::{not_an_object, ErrorKind, ParseError};
use crate::guard::{self, Limits, TopLevel};

/// Longest key or code compared; a longer one is unknown by definition.
pub(super) const KEY_CAPACITY: usize = 40;

/// Room for an unescaped key.
pub(super) type KeyBuf = heapless::String<KEY_CAPACITY>;

/// What an array holds.
#[derive(Clone, Copy)]
pub(super) enum Elem {
    /// An integer within `min..=max`; negative numbers are accepted only
    /// if `signed` (an unsigned range never exceeds `i64::MAX`).
    Int {
        signed: bool,
        min: i64,
        max: i64,
        expected: &'static str,
    },
    /// A code of the vocabulary `codes`, as its index.
    Code {
        codes: &'static [&'static str],
        expected: &'static str,
    },
}

/// A position in a checked document, with what its errors need.
pub(super) struct Walk<'i> {
    lex: Lex<'i>,
    /// Field being read ("" at the top).
    pub field: &'static str,
    /// Element index within an array.
    pub index: Option<u16>,
    /// Element index within an array of arrays' inner array.
    pub subindex: Option<u16>,
    /// Byte offset errors are reported at: the value being read, or the
    /// array (or its last code) while reading an array's elements.
    pub offset: usize,
    /// What the value being read should be, for type errors.
    pub expected: &'static str,
    /// Byte offset of the key of the member being read.
    pub key_offset: usize,
}

// The longest array of a policy is a field's bands.
const _: () = assert!(crate::factor::Band::MAX_LEVELS <= 7);

/// "an array of exactly N values", for N up to 7 (the most bands a field has).
pub(super) const fn exactly(n: usize) -> &'static str {
    match n {
        2 => "an array of exactly 2 values",
        3 => "an array of exactly 3 values",
        4 => "an array of exactly 4 values",
        5 => "an array of exactly 5 values",
        6 => "an array of exactly 6 values",
        _ => "an array of exactly 7 values",
    }
}

impl<'i> Walk<'i> {
    /// Runs the guard over `input` with `limits` (`texts` saying what they
    /// accept); the walk starts at the top-level object, the only document
    /// shape accepted.
    pub fn document(
        input: &'i [u8],
        limits: &Limits,
        texts: &LimitTexts,
    ) -> Result<Self, ParseError> {
        let shape = guard::check(input, limits)
            .map_err(|e| ParseError::from_guard(e, input, limits, texts))?;
        if shape.top_level != TopLevel::Object {
            return Err(not_an_object(input));
        }
        Ok(Walk {
            lex: Lex::new(input),
            field: "",
            index: None,
            subindex: None,
            offset: 0,
            expected: "",
            key_offset: 0,
        })
    }

    /// An error of `kind` at the current field, indices and offset.
    pub fn error(&self, kind: ErrorKind, expected: &'static str) -> ParseError {
        let mut e = ParseError::new(kind, self.offset, self.field, expected).at_index(self.index);
        e.subindex = self.subindex;
        e
    }

    /// A value of the wrong shape: what the current value should have been.
    #[inline(never)]
    fn mismatch(&self) -> ParseError {
        self.error(ErrorKind::WrongType, self.expected)
    }

    /// An unknown key of the object of field `field`: the accepted keys
    /// are `names`, listed by `expected`.
    #[inline(never)]
    pub fn unknown_key(
        &self,
        field: &'static str,
        key: &str,
        expected: &'static str,
        names: &[&'static str],
    ) -> ParseError {
        ParseError::new(ErrorKind::UnknownField, self.key_offset, field, expected)
            .with_found(key.as_bytes())
            .suggesting(names)
    }

    /// A key seen before in the same object: a top-level field (`key` is
    /// "") or `key` within the object of field `field`.
    #[inline(never)]
    pub fn duplicate(&self, field: &'static str, key: &str) -> ParseError {
        ParseError::new(ErrorKind::DuplicateField, self.key_offset, field, "")
            .with_found(key.as_bytes())
    }

    /// At a value that should be an object: steps into it.
    pub fn open_object(&mut self) -> Result<(), ParseError> {
        self.expected = "a JSON object";
        if self.lex.peek() != Some(b'{') {
            return Err(self.mismatch());
        }
        self.lex.bump();
        Ok(())
    }

    /// The key of the next member of the object `field`, unescaped (kept
    /// raw if it does not fit `buf`: then it is unknown anyway), with the
    /// context set for its value; `None` past the closing brace. `first`
    /// starts `true` for each object.
    #[inline(never)]
    pub fn next_key<'b>(
        &mut self,
        first: &mut bool,
        field: &'static str,
        buf: &'b mut KeyBuf,
    ) -> Result<Option<&'b str>, ParseError>
    where
        'i: 'b,
    {
        let peek = match self.lex.peek() {
            Some(b'}') => {
                self.lex.bump();
                return Ok(None);
            }
            Some(b',') if !*first => {
                self.lex.bump();
                self.lex.peek()
            }
            Some(b) if *first => {
                *first = false;
                Some(b)
            }
            _ => return Err(self.mismatch()),
        };
        if peek != Some(b'"') {
            return Err(self.mismatch());
        }
        let key_offset = self.lex.pos;
        let s = self.lex.string();
        let raw = s.as_str();
        let key = if s.escaped && unescape(raw, buf).is_ok() && !buf.is_empty() {
            buf.as_str()
        } else {
            raw
        };
        if self.lex.peek() != Some(b':') {
            return Err(self.mismatch());
        }
        self.lex.bump();
        self.lex.peek();
        self.field = field;
        self.index = None;
        self.subindex = None;
        self.key_offset = key_offset;
        self.offset = self.lex.pos;
        Ok(Some(key))
    }

    /// Whether an array has another element, as serde-json-core decided it
    /// (`first` starts `true` for each array).
    fn next_element(&mut self, first: &mut bool) -> Result<bool, ParseError> {
        let peek = match self.lex.peek() {
            Some(b']') => return Ok(false),
            Some(b',') => {
                self.lex.bump();
                self.lex.peek()
            }
            Some(b) if *first => {
                *first = false;
                Some(b)
            }
            _ => return Err(self.mismatch()),
        };
        match peek {
            Some(b']') | None => Err(self.mismatch()),
            _ => Ok(true),
        }
    }

    /// An array of exactly `n` elements of `elem` into `out` (element `i`
    /// at `out[i]`), or, if `inner` is not 0, of `n` arrays of exactly
    /// `inner` elements (element `[i][j]` at `out[i * inner + j]`). An
    /// element's errors are at the element, with its index (and, in an
    /// inner array, its index there); an array of the wrong length is
    /// refused at its bracket with the number of elements it has.
    pub fn array(
        &mut self,
        n: usize,
        inner: usize,
        elem: Elem,
        out: &mut [i64],
    ) -> Result<(), ParseError> {
        // Within an outer array (its index set), this array's elements
        // are numbered by the subindex.
        let nested = self.index.is_some();
        self.expected = exactly(n);
        if self.lex.peek() != Some(b'[') {
            return Err(self.mismatch());
        }
        let start = self.lex.pos;
        self.lex.bump();
        let mut first = true;
        for i in 0..=n {
            if !self.next_element(&mut first)? {
                if i < n {
                    return Err(self.wrong_length(nested, start, n, i));
                }
                break;
            }
            if i == n {
                let more = super::locate::count_elements(self.lex.input, self.lex.pos);
                return Err(self.wrong_length(nested, start, n, n + more));
            }
            let position = Some(i as u16);
            if nested {
                self.subindex = position;
            } else {
                self.index = position;
            }
            self.offset = self.lex.pos;
            if inner == 0 {
                let v = self.element(elem)?;
                if let Some(slot) = out.get_mut(i) {
                    *slot = v;
                }
            } else {
                let start = i.saturating_mul(inner).min(out.len());
                let end = start.saturating_add(inner).min(out.len());
                let row = out.get_mut(start..end).unwrap_or(&mut []);
                self.array(inner, 0, elem, row)?;
            }
        }
        if nested {
            self.subindex = None;
        } else {
            self.index = None;
        }
        self.lex.peek();
        self.lex.bump(); // the closing bracket
        Ok(())
    }

    /// The error for an array at `start` that has `len` elements instead
    /// of `n`: about the array itself (in an outer array, its element).
    #[cold]
    fn wrong_length(&mut self, nested: bool, start: usize, n: usize, len: usize) -> ParseError {
        if nested {
            self.subindex = None;
        } else {
            self.index = None;
        }
        self.offset = start;
        self.error(ErrorKind::WrongType, exactly(n)).with_size(len)
    }

    /// One array element.
    fn element(&mut self, elem: Elem) -> Result<i64, ParseError> {
        match elem {
            Elem::Int {
                signed,
                min,
                max,
                expected,
            } => self.int(signed, min, max, expected),
            Elem::Code { codes, expected } => self.code(codes, expected).map(i64::from),
        }
    }

    /// The input from `self.offset` to the next delimiter: what a range
    /// error quotes (inside an array, from the array's bracket on).
    fn token_at_offset(&self) -> &'i str {
        let rest = self.lex.input.get(self.offset..).unwrap_or(&[]);
        let end = rest
            .iter()
            .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
        core::str::from_utf8(rest.get(..end).unwrap_or(&[])).unwrap_or("")
    }

    /// The next raw byte (no white space skipped).
    fn byte(&self) -> Option<u8> {
        self.lex.input.get(self.lex.pos).copied()
    }

    /// An integer within `min..=max` (see [`Elem::Int`]).
    #[inline(never)]
    pub fn int(
        &mut self,
        signed: bool,
        min: i64,
        max: i64,
        expected: &'static str,
    ) -> Result<i64, ParseError> {
        self.expected = expected;
        // A fraction or exponent, or an unsigned value's minus sign, seen
        // on the token at the value's offset (not inside an array).
        let token = self.token_at_offset();
        let lead = token.as_bytes().first().copied();
        let fraction = token.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
        let numeric = matches!(lead, Some(b'-' | b'0'..=b'9'));
        if numeric && fraction {
            return Err(self
                .error(ErrorKind::WrongType, expected)
                .with_found(token.as_bytes()));
        }
        if numeric && !signed && lead == Some(b'-') {
            return Err(self
                .error(ErrorKind::OutOfRange, expected)
                .with_found(token.as_bytes()));
        }
        // The integer's digits, as serde-json-core read them.
        let mut negative = false;
        match self.lex.peek() {
            Some(b'-') if signed => {
                negative = true;
                self.lex.bump();
            }
            Some(b'-') => return Err(self.error(ErrorKind::OutOfRange, expected)),
            _ => {}
        }
        // Largest magnitude that fits the type.
        let limit: u64 = match (signed, negative) {
            (false, _) => u64::MAX,
            (true, false) => i64::MAX.unsigned_abs(),
            (true, true) => i64::MIN.unsigned_abs(),
        };
        let mut magnitude: u64 = 0;
        match self.byte() {
            Some(b'0') => self.lex.bump(),
            Some(b'1'..=b'9') => {
                while let Some(b @ b'0'..=b'9') = self.byte() {
                    self.lex.bump();
                    magnitude = match magnitude
                        .checked_mul(10)
                        .and_then(|m| m.checked_add(u64::from(b - b'0')))
                    {
                        Some(m) if m <= limit => m,
                        // Too large for the type: out of range, without the digits.
                        _ => return Err(self.error(ErrorKind::OutOfRange, expected)),
                    };
                }
            }
            _ => return Err(self.mismatch()),
        }
        // The magnitude fits the type (checked above), so these never fail.
        let in_range = if signed {
            let v = if negative {
                0i64.checked_sub_unsigned(magnitude)
            } else {
                i64::try_from(magnitude).ok()
            };
            v.filter(|v| (min..=max).contains(v))
        } else {
            Some(magnitude)
                .filter(|m| (min.unsigned_abs()..=max.unsigned_abs()).contains(m))
                .and_then(|m| i64::try_from(m).ok())
        };
        in_range.ok_or_else(|| {
            self.error(ErrorKind::OutOfRange, expected)
                .with_found(self.token_at_offset().as_bytes())
        })
    }

    /// `true` or `false`.
    pub fn boolean(&mut self) -> Result<bool, ParseError> {
        self.expected = "true or false";
        let v = match self.lex.peek() {
            Some(b't') => true,
            Some(b'f') => false,
            _ => return Err(self.mismatch()),
        };
        self.lex.token();
        Ok(v)
    }

    /// The index in `codes` of the string at the current position. Inside
    /// an array, its errors name the array's expected length until a code
    /// is found, and are reported at the last code read.
    #[inline(never)]
    pub fn code(
        &mut self,
        codes: &[&'static str],
        expected: &'static str,
    ) -> Result<u8, ParseError> {
        self.expected = "a string";
        if self.lex.peek() != Some(b'"') {
            return Err(self.mismatch());
        }
        self.offset = self.lex.pos;
        let s = self.lex.string();
        let mut buf = KeyBuf::new();
        unescape(s.as_str(), &mut buf)
            .ok()
            .and_then(|_| codes.iter().position(|c| *c == buf.as_str()))
            .and_then(|p| u8::try_from(p).ok())
            .ok_or_else(|| {
                self.error(ErrorKind::UnknownValue, expected)
                    .with_found(s.raw)
                    .suggesting(codes)
            })
    }
}

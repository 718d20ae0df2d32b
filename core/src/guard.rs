//! A linear, non-recursive, allocation-free JSON validator that runs in front of the real parser.
//!
//! [`check`] accepts `input` only if it is exactly one syntactically valid RFC 8259 JSON text
//! (optionally surrounded by space, `\t`, `\n`, `\r`) that also stays within a set of [`Limits`].
//! It is one forward pass driven by the current byte: a fixed 256-bit stack records whether
//! each open container is an object or an array, so arbitrarily deep input costs no stack and no
//! heap. String bodies are skipped a 64-bit word at a time (SWAR, safe code only) until a quote,
//! backslash or control byte shows up; a string that contained any byte >= 0x80 is then checked
//! once with `core::str::from_utf8` (by hand with `small-flash`, `crate::utf8`: a firmware
//! carries no `from_utf8`); escapes are ASCII, so the raw body must be UTF-8.
//!
//! Error offsets: every [`GuardError`] carries the byte offset where the guard noticed the
//! problem; each [`GuardErrorKind`] variant documents what that offset points at. Errors are
//! reported in input order: the first offending byte wins.
//!
//! Policy choices beyond RFC 8259 (all rejections):
//! - a UTF-8 byte order mark is rejected (`UnexpectedCharacter` at offset 0);
//! - invalid UTF-8 is rejected, also where JSONTestSuite calls it implementation-defined;
//! - escaped lone surrogates (`"\uD800"`, `"\uDC00"`) are rejected, although JSONTestSuite
//!   lists them as implementation-defined (`i_` files): they cannot become a Rust `&str`.

use core::fmt;

/// Limits applied to untrusted JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted input, in bytes. Longer input is rejected with
    /// [`GuardErrorKind::TooLarge`] before any byte is looked at.
    pub max_bytes: usize,
    /// Deepest accepted nesting of arrays and objects: the top-level container is depth 1, so
    /// `0` accepts only scalar documents.
    pub max_depth: u8,
    /// Longest accepted string (object keys included), measured in raw input bytes between the
    /// quotes, i.e. before escapes are decoded.
    pub max_string_bytes: usize,
}

impl Limits {
    /// Limits for one complaint record: 64 KiB, depth 4, strings up to 32 KiB.
    pub const RECORD: Limits = Limits {
        max_bytes: 65536,
        max_depth: 4,
        max_string_bytes: 32768,
    };
}

/// Why the guard rejected the input, with the byte offset where it noticed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GuardError {
    /// What was wrong.
    pub kind: GuardErrorKind,
    /// Byte offset into the input; see each [`GuardErrorKind`] variant for what it points at.
    pub offset: usize,
}

/// The kinds of rejection, each with the meaning of [`GuardError::offset`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuardErrorKind {
    /// The input is empty or only whitespace; offset is the input length.
    Empty,
    /// The input is longer than [`Limits::max_bytes`]; offset is `max_bytes`.
    TooLarge,
    /// An array or object would exceed [`Limits::max_depth`]; offset of that `[` or `{`.
    TooDeep,
    /// A string is longer than [`Limits::max_string_bytes`]; offset of the first string byte
    /// past the limit (opening quote + 1 + `max_string_bytes`).
    StringTooLong,
    /// A string holds bytes that are not UTF-8 (overlong forms, UTF-8-encoded surrogates,
    /// code points above U+10FFFF, stray or missing continuation bytes); offset of the first
    /// byte of the bad sequence.
    InvalidUtf8,
    /// A string holds an unescaped byte below 0x20; offset of that byte.
    ControlCharacterInString,
    /// A backslash is followed by something other than `" \ / b f n r t u`, or `\u` by a
    /// non-hex digit; offset of the offending byte.
    InvalidEscape,
    /// `\uD800`-`\uDBFF` not followed by a `\uDC00`-`\uDFFF` escape, or a low surrogate escape
    /// without a high one before it; offset of the backslash of the lone surrogate.
    LoneSurrogate,
    /// A number breaks `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` (leading `+`, `.`,
    /// leading zero, missing digits, glued `.`/`e`/sign); offset of the offending byte.
    InvalidNumber,
    /// Not `true`, `false` or `null` (including a letter glued to one); offset of the first
    /// byte that does not match.
    InvalidLiteral,
    /// A byte that cannot start a value, or cannot follow one inside a container (a missing
    /// comma, a mismatched bracket, a byte order mark, ...); offset of that byte.
    UnexpectedCharacter,
    /// The input ends inside a value, string or container; offset is the input length.
    UnexpectedEnd,
    /// Something other than whitespace follows the complete top-level value; offset of it.
    TrailingCharacters,
    /// A comma directly before `]` or `}`; offset of the comma.
    TrailingComma,
    /// An object key is not followed by `:`; offset of the byte found instead.
    ExpectedColon,
    /// An object member does not start with a string key; offset of the byte found instead.
    KeyMustBeString,
}

impl GuardErrorKind {
    /// A short lowercase English phrase describing the kind, e.g. `"nesting too deep"`.
    pub const fn message(self) -> &'static str {
        match self {
            GuardErrorKind::Empty => "empty input",
            GuardErrorKind::TooLarge => "input too large",
            GuardErrorKind::TooDeep => "nesting too deep",
            GuardErrorKind::StringTooLong => "string too long",
            GuardErrorKind::InvalidUtf8 => "invalid utf-8 in string",
            GuardErrorKind::ControlCharacterInString => "control character in string",
            GuardErrorKind::InvalidEscape => "invalid escape sequence",
            GuardErrorKind::LoneSurrogate => "lone surrogate escape",
            GuardErrorKind::InvalidNumber => "invalid number",
            GuardErrorKind::InvalidLiteral => "invalid literal",
            GuardErrorKind::UnexpectedCharacter => "unexpected character",
            GuardErrorKind::UnexpectedEnd => "unexpected end of input",
            GuardErrorKind::TrailingCharacters => "trailing characters",
            GuardErrorKind::TrailingComma => "trailing comma",
            GuardErrorKind::ExpectedColon => "expected colon",
            GuardErrorKind::KeyMustBeString => "object key must be a string",
        }
    }
}

impl fmt::Display for GuardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind.message(), self.offset)
    }
}

/// Summary of a valid document, used by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// What kind of value the document is.
    pub top_level: TopLevel,
    /// Deepest nesting reached (0 for a scalar document, 1 for a flat array or object).
    pub max_depth_seen: u8,
}

/// Kind of the top-level JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopLevel {
    /// `{ ... }`
    Object,
    /// `[ ... ]`
    Array,
    /// `"..."`
    String,
    /// A number.
    Number,
    /// `true`, `false` or `null`.
    Literal,
}

#[inline(always)]
const fn err(kind: GuardErrorKind, offset: usize) -> GuardError {
    GuardError { kind, offset }
}

/// Validate `input` as one complete JSON text within `limits`. Never recurses, never panics, allocates nothing.
pub fn check(input: &[u8], limits: &Limits) -> Result<Shape, GuardError> {
    use GuardErrorKind as K;
    let len = input.len();
    if len > limits.max_bytes {
        return Err(err(K::TooLarge, limits.max_bytes));
    }
    let max_depth = u32::from(limits.max_depth);
    let max_str = limits.max_string_bytes;

    let mut i = skip_ws(input, 0);
    let top_level = match input.get(i) {
        None => return Err(err(K::Empty, len)),
        Some(b'{') => TopLevel::Object,
        Some(b'[') => TopLevel::Array,
        Some(b'"') => TopLevel::String,
        Some(b't' | b'f' | b'n') => TopLevel::Literal,
        // Anything else is either a number or an error reported by the loop below.
        Some(_) => TopLevel::Number,
    };

    // Bit d of the stack is set when the container at depth d + 1 is an object; `obj` caches
    // the bit of the innermost open container.
    let mut stack = [0u64; 4];
    let mut depth: u32 = 0;
    let mut max_seen: u32 = 0;
    let mut obj = false;

    // Invariant at the top of 'value: `i` is past any whitespace and a value must start there.
    'value: loop {
        let Some(&b) = input.get(i) else {
            return Err(err(K::UnexpectedEnd, len));
        };
        if b == b'"' {
            i = scan_string(input, i, max_str)?;
        } else {
            match b {
                b'{' | b'[' => {
                    if depth >= max_depth {
                        return Err(err(K::TooDeep, i));
                    }
                    obj = b == b'{';
                    let slot = ((depth >> 6) & 3) as usize;
                    let bit = 1u64 << (depth & 63);
                    if obj {
                        stack[slot] |= bit;
                    } else {
                        stack[slot] &= !bit;
                    }
                    depth += 1;
                    if depth > max_seen {
                        max_seen = depth;
                    }
                    i = skip_ws(input, i + 1);
                    match input.get(i) {
                        Some(b'"') if obj => {
                            i = scan_key(input, i, max_str)?;
                            continue 'value;
                        }
                        Some(b'}') if obj => i += 1,
                        Some(b']') if !obj => i += 1,
                        Some(_) if obj => return Err(err(K::KeyMustBeString, i)),
                        Some(_) => continue 'value,
                        None => return Err(err(K::UnexpectedEnd, len)),
                    }
                    // The container was empty: close it right away.
                    depth -= 1;
                    obj = depth > 0 && bit_at(&stack, depth - 1);
                }
                b'-' | b'0'..=b'9' => i = scan_number(input, i)?,
                b't' => i = scan_literal(input, i, b"true")?,
                b'f' => i = scan_literal(input, i, b"false")?,
                b'n' => i = scan_literal(input, i, b"null")?,
                b'+' | b'.' => return Err(err(K::InvalidNumber, i)),
                _ => return Err(err(K::UnexpectedCharacter, i)),
            }
        }

        // A value just ended at `i`: close containers until the next value can start.
        loop {
            i = skip_ws(input, i);
            let Some(&b) = input.get(i) else {
                if depth == 0 {
                    return Ok(Shape {
                        top_level,
                        max_depth_seen: u8::try_from(max_seen).unwrap_or(u8::MAX),
                    });
                }
                return Err(err(K::UnexpectedEnd, len));
            };
            if depth == 0 {
                return Err(err(K::TrailingCharacters, i));
            }
            if b == b',' {
                let comma = i;
                i = skip_ws(input, i + 1);
                match input.get(i) {
                    Some(b'"') if obj => {
                        i = scan_key(input, i, max_str)?;
                        continue 'value;
                    }
                    Some(b'}') if obj => return Err(err(K::TrailingComma, comma)),
                    Some(_) if obj => return Err(err(K::KeyMustBeString, i)),
                    Some(b']') => return Err(err(K::TrailingComma, comma)),
                    Some(_) => continue 'value,
                    None => return Err(err(K::UnexpectedEnd, len)),
                }
            }
            if b != if obj { b'}' } else { b']' } {
                return Err(err(K::UnexpectedCharacter, i));
            }
            i += 1;
            depth -= 1;
            obj = depth > 0 && bit_at(&stack, depth - 1);
        }
    }
}

/// Whether the container at index `d` (depth `d + 1`) of the bit stack is an object.
#[inline(always)]
fn bit_at(stack: &[u64; 4], d: u32) -> bool {
    (stack[((d >> 6) & 3) as usize] >> (d & 63)) & 1 == 1
}

#[inline(always)]
fn skip_ws(input: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = input.get(i) {
        i += 1;
    }
    i
}

/// `i` is at the opening quote of a key: scan it, the colon and the whitespace after it.
/// Not inlined: one shared copy of the string scanner for both key sites keeps the code small
/// (it matters on microcontrollers) and measured no slower.
#[inline(never)]
fn scan_key(input: &[u8], i: usize, max_str: usize) -> Result<usize, GuardError> {
    let i = skip_ws(input, scan_string(input, i, max_str)?);
    match input.get(i) {
        Some(b':') => Ok(skip_ws(input, i + 1)),
        Some(_) => Err(err(GuardErrorKind::ExpectedColon, i)),
        None => Err(err(GuardErrorKind::UnexpectedEnd, input.len())),
    }
}

/// `i` is at the first byte of `lit` (`true`, `false` or `null`).
#[inline(always)]
fn scan_literal<const N: usize>(
    input: &[u8],
    i: usize,
    lit: &'static [u8; N],
) -> Result<usize, GuardError> {
    let end = i + N;
    if input.get(i..).and_then(<[u8]>::first_chunk::<N>) != Some(lit) {
        return Err(literal_error(input, i, lit));
    }
    match input.get(end) {
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => {
            Err(err(GuardErrorKind::InvalidLiteral, end))
        }
        _ => Ok(end),
    }
}

#[cold]
#[inline(never)]
fn literal_error(input: &[u8], i: usize, lit: &[u8]) -> GuardError {
    let mut k = i;
    for &want in lit {
        match input.get(k) {
            None => return err(GuardErrorKind::UnexpectedEnd, input.len()),
            Some(&got) if got != want => return err(GuardErrorKind::InvalidLiteral, k),
            Some(_) => k += 1,
        }
    }
    // Unreachable when called after a failed comparison; a harmless answer anyway.
    err(GuardErrorKind::InvalidLiteral, i)
}

/// Offset of the first non-digit at or after `i` (or `input.len()`). A plain loop: its
/// well-predicted branches let the CPU run ahead, which beats a SWAR data dependency here.
#[inline(always)]
fn skip_digits(input: &[u8], mut i: usize) -> usize {
    while let Some(b'0'..=b'9') = input.get(i) {
        i += 1;
    }
    i
}

/// At least one digit at `i`, then any more.
#[inline(always)]
fn require_digits(input: &[u8], i: usize) -> Result<usize, GuardError> {
    match input.get(i) {
        Some(b'0'..=b'9') => Ok(skip_digits(input, i + 1)),
        Some(_) => Err(err(GuardErrorKind::InvalidNumber, i)),
        None => Err(err(GuardErrorKind::UnexpectedEnd, input.len())),
    }
}

/// `i` is at `-` or a digit.
#[inline]
fn scan_number(input: &[u8], mut i: usize) -> Result<usize, GuardError> {
    if let Some(b'-') = input.get(i) {
        i += 1;
    }
    i = match input.get(i) {
        Some(b'0') => i + 1,
        Some(b'1'..=b'9') => skip_digits(input, i + 1),
        Some(_) => return Err(err(GuardErrorKind::InvalidNumber, i)),
        None => return Err(err(GuardErrorKind::UnexpectedEnd, input.len())),
    };
    if let Some(b'.') = input.get(i) {
        i = require_digits(input, i + 1)?;
    }
    if let Some(b'e' | b'E') = input.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = input.get(i) {
            i += 1;
        }
        i = require_digits(input, i)?;
    }
    match input.get(i) {
        // A digit here can only follow a leading zero; the rest are glued number parts.
        Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') => {
            Err(err(GuardErrorKind::InvalidNumber, i))
        }
        _ => Ok(i),
    }
}

const HI: u64 = 0x8080_8080_8080_8080;
const LO: u64 = 0x0101_0101_0101_0101;

/// High bit set in each byte lane of `x` (little-endian) that is `"`, `\` or below 0x20.
/// Lanes above the first such lane may be flagged spuriously; the lowest flagged lane is
/// always exact, because a borrow can only start in a lane that really matches. Bytes >= 0x80
/// never match (`"`, `\` and controls never occur inside a multi-byte UTF-8 sequence), so
/// UTF-8 text is skipped at full speed and validated afterwards as `core::str::from_utf8` would.
#[inline(always)]
const fn special_mask(x: u64) -> u64 {
    let quote = x ^ (LO * b'"' as u64);
    let backslash = x ^ (LO * b'\\' as u64);
    let has_quote = quote.wrapping_sub(LO) & !quote;
    let has_backslash = backslash.wrapping_sub(LO) & !backslash;
    let has_control = x.wrapping_sub(LO * 0x20) & !x;
    (has_quote | has_backslash | has_control) & HI
}

#[inline(always)]
const fn is_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// Offset of the first `"`, `\` or control byte at or after `i` (or `input.len()`), and the
/// OR of all bytes skipped before it (bit 7 of some lane set = non-ASCII was seen). Inlined
/// for speed, but with the `small-flash` feature: the firmware then carries one copy for
/// the guard's strings and the JSON reader's (`json::lex`), not two.
#[cfg_attr(not(feature = "small-flash"), inline(always))]
#[cfg_attr(feature = "small-flash", inline(never))]
pub(crate) fn skip_plain(input: &[u8], mut i: usize) -> (usize, u64) {
    // One word first: most keys and enum values end within it.
    let Some(chunk) = input.get(i..).and_then(<[u8]>::first_chunk::<8>) else {
        return skip_plain_tail(input, i, 0);
    };
    let x = u64::from_le_bytes(*chunk);
    let m = special_mask(x);
    if m != 0 {
        return (
            i + (m.trailing_zeros() >> 3) as usize,
            x & ((m & m.wrapping_neg()) - 1),
        );
    }
    let mut seen = x;
    i += 8;
    // Then two words per step for long text.
    while let Some(chunk) = input.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        let (a, b) = chunk.split_at(8);
        let (Ok(a), Ok(b)) = (<[u8; 8]>::try_from(a), <[u8; 8]>::try_from(b)) else {
            break;
        };
        let (x, y) = (u64::from_le_bytes(a), u64::from_le_bytes(b));
        let (mx, my) = (special_mask(x), special_mask(y));
        if mx | my != 0 {
            if mx != 0 {
                let below = (mx & mx.wrapping_neg()) - 1;
                return (i + (mx.trailing_zeros() >> 3) as usize, seen | (x & below));
            }
            let below = (my & my.wrapping_neg()) - 1;
            return (
                i + 8 + (my.trailing_zeros() >> 3) as usize,
                seen | x | (y & below),
            );
        }
        seen |= x | y;
        i += 16;
    }
    skip_plain_tail(input, i, seen)
}

/// Fewer than 16 bytes left: one more word if possible, then bytes.
#[inline(always)]
fn skip_plain_tail(input: &[u8], mut i: usize, mut seen: u64) -> (usize, u64) {
    if let Some(chunk) = input.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        let m = special_mask(x);
        if m != 0 {
            let below = (m & m.wrapping_neg()) - 1;
            return (i + (m.trailing_zeros() >> 3) as usize, seen | (x & below));
        }
        seen |= x;
        i += 8;
    }
    while let Some(&b) = input.get(i) {
        if is_special(b) {
            break;
        }
        seen |= u64::from(b);
        i += 1;
    }
    (i, seen)
}

/// Check byte `q`, a continuation of an escape inside a string whose content must stay below
/// `cap`. `ok` says whether the byte fits; `bad` is the error if not. A byte at or past `cap`
/// is content past the limit, unless it is a quote that would have closed the string, in
/// which case the escape is simply truncated (`bad`).
#[inline(always)]
fn seq_byte(
    input: &[u8],
    q: usize,
    cap: usize,
    ok: impl Fn(u8) -> bool,
    bad: GuardError,
) -> Result<u8, GuardError> {
    match input.get(q) {
        None => Err(err(GuardErrorKind::UnexpectedEnd, input.len())),
        Some(&b) if q < cap => {
            if ok(b) {
                Ok(b)
            } else {
                Err(bad)
            }
        }
        Some(&b) => {
            if b == b'"' && !ok(b) {
                Err(bad)
            } else {
                Err(err(GuardErrorKind::StringTooLong, cap))
            }
        }
    }
}

#[inline(always)]
const fn hex_val(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'f' => (b - b'a' + 10) as u32,
        b'A'..=b'F' => (b - b'A' + 10) as u32,
        _ => 0,
    }
}

/// Four hex digits starting at `q`.
#[inline(always)]
fn hex4(input: &[u8], q: usize, cap: usize) -> Result<u32, GuardError> {
    let mut v = 0u32;
    let mut k = q;
    while k < q + 4 {
        let b = seq_byte(
            input,
            k,
            cap,
            |b| b.is_ascii_hexdigit(),
            err(GuardErrorKind::InvalidEscape, k),
        )?;
        v = (v << 4) | hex_val(b);
        k += 1;
    }
    Ok(v)
}

/// `s` is at a backslash inside a string; returns the offset after the escape.
#[inline]
fn scan_escape(input: &[u8], s: usize, cap: usize) -> Result<usize, GuardError> {
    use GuardErrorKind as K;
    let e = seq_byte(
        input,
        s + 1,
        cap,
        |b| {
            matches!(
                b,
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' | b'u'
            )
        },
        err(K::InvalidEscape, s + 1),
    )?;
    if e != b'u' {
        return Ok(s + 2);
    }
    let v = hex4(input, s + 2, cap)?;
    match v {
        0xD800..=0xDBFF => {
            let lone = err(K::LoneSurrogate, s);
            seq_byte(input, s + 6, cap, |b| b == b'\\', lone)?;
            seq_byte(input, s + 7, cap, |b| b == b'u', lone)?;
            let low = hex4(input, s + 8, cap)?;
            if (0xDC00..=0xDFFF).contains(&low) {
                Ok(s + 12)
            } else {
                Err(lone)
            }
        }
        0xDC00..=0xDFFF => Err(err(K::LoneSurrogate, s)),
        _ => Ok(s + 6),
    }
}

/// The string body `input[body..end]` held non-ASCII bytes and scanning stopped at `end`
/// with `error` (or, for `error == None`, at the closing quote). Invalid UTF-8 before `end`
/// comes first in the input, so it wins. `cut_ok`: a sequence left incomplete exactly at
/// `end` is not itself an error, because the input or the length limit ends there (the
/// caller's error says so); otherwise the byte at `end` is ASCII and breaks the sequence.
/// (Not cold: every string holding non-ASCII text passes here once, at its closing quote.)
#[inline(never)]
fn utf8_first(
    input: &[u8],
    body: usize,
    end: usize,
    cut_ok: bool,
    error: Option<GuardError>,
) -> Result<(), GuardError> {
    if let Some((valid_up_to, cut)) = input.get(body..end).and_then(crate::utf8::first_error) {
        if !cut || !cut_ok {
            return Err(err(GuardErrorKind::InvalidUtf8, body + valid_up_to));
        }
    }
    match error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Report `error`, found at `end` inside a string, unless invalid UTF-8 comes first.
#[cold]
#[inline(never)]
fn string_error(
    input: &[u8],
    body: usize,
    end: usize,
    seen: u64,
    cut_ok: bool,
    error: GuardError,
) -> GuardError {
    if seen & HI == 0 {
        return error;
    }
    match utf8_first(input, body, end, cut_ok, Some(error)) {
        Err(e) => e,
        Ok(()) => error,
    }
}

/// `start` is at an opening quote; returns the offset after the closing quote. Inlined for
/// speed, but with the `small-flash` feature: the firmware then carries one copy of the
/// string checks (about 1.1 KiB) for the value strings and [`scan_key`], not two.
#[cfg_attr(not(feature = "small-flash"), inline(always))]
#[cfg_attr(feature = "small-flash", inline(never))]
fn scan_string(input: &[u8], start: usize, max_str: usize) -> Result<usize, GuardError> {
    scan_string_escaped(input, start, max_str).map(|(end, _)| end)
}

/// As [`scan_string`], and whether the string holds an escape. Checks everything the guard
/// checks in a string (escapes, control bytes, UTF-8, the length limit), with the same errors.
#[inline(always)]
pub(crate) fn scan_string_escaped(
    input: &[u8],
    start: usize,
    max_str: usize,
) -> Result<(usize, bool), GuardError> {
    use GuardErrorKind as K;
    let mut escaped = false;
    let body = start + 1;
    // Content bytes must lie below `cap`; the closing quote may sit at `cap`.
    let cap = body.saturating_add(max_str);
    let mut i = body;
    let mut seen = 0u64;
    loop {
        let (p, s) = skip_plain(input, i);
        i = p;
        seen |= s;
        if i > cap {
            let e = err(K::StringTooLong, cap);
            return Err(string_error(input, body, cap, seen, true, e));
        }
        let Some(&b) = input.get(i) else {
            let e = err(K::UnexpectedEnd, input.len());
            return Err(string_error(input, body, i, seen, true, e));
        };
        if b == b'"' {
            if seen & HI != 0 {
                utf8_first(input, body, i, false, None)?;
            }
            return Ok((i + 1, escaped));
        }
        if i == cap {
            let e = err(K::StringTooLong, cap);
            return Err(string_error(input, body, cap, seen, true, e));
        }
        if b == b'\\' {
            escaped = true;
            match scan_escape(input, i, cap) {
                Ok(next) => i = next,
                Err(e) => return Err(string_error(input, body, i, seen, false, e)),
            }
        } else {
            let e = err(K::ControlCharacterInString, i);
            return Err(string_error(input, body, i, seen, false, e));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_first_special(buf: &[u8], from: usize) -> usize {
        let mut i = from;
        while i < buf.len() && !is_special(buf[i]) {
            i += 1;
        }
        i
    }

    #[test]
    fn skip_plain_matches_bytewise_scan_for_every_byte_pair_and_lane() {
        // Two arbitrary bytes at every lane position of a 19-byte window (two full words and a
        // tail), on a plain background: the SWAR skip must find the same first special byte.
        let mut buf = [b'a'; 19];
        for p in 0..buf.len() - 1 {
            for x in 0..=255u8 {
                for y in 0..=255u8 {
                    buf[p] = x;
                    buf[p + 1] = y;
                    for from in [0, 1, p] {
                        let (got, seen) = skip_plain(&buf, from);
                        let want = naive_first_special(&buf, from);
                        assert_eq!(got, want);
                        let high = buf[from.min(want)..want].iter().any(|&b| b >= 0x80);
                        assert_eq!(seen & HI != 0, high);
                    }
                }
            }
            buf[p] = b'a';
            buf[p + 1] = b'a';
        }
    }

    #[test]
    fn is_special_is_exact() {
        for b in 0..=255u8 {
            let want = b == b'"' || b == b'\\' || b < 0x20;
            assert_eq!(is_special(b), want);
            let lane = u64::from(b);
            assert_eq!(special_mask(lane) & 0x80 != 0, want, "byte {b:#x}");
        }
    }

    #[test]
    fn hex_values() {
        let digits = b"0123456789abcdefABCDEF";
        let values = [
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 10, 11, 12, 13, 14, 15,
        ];
        for (d, v) in digits.iter().zip(values) {
            assert_eq!(hex_val(*d), v);
        }
    }
}

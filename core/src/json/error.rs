//! What is wrong with a JSON input, and where.

use core::fmt;

use crate::codes::code_enum;
use crate::div64::digit_values;
use crate::guard::{GuardError, GuardErrorKind, Limits};

code_enum! {
    /// The kind of a JSON input error. The index is stable (the C ABI maps it
    /// to its result codes).
    pub enum ErrorKind: "error kind" {
        InvalidJson = "invalid_json", "Not valid JSON", "JSON格式错误";
        TooLarge = "too_large", "Input too large", "输入过大";
        TooDeep = "too_deep", "Nesting too deep", "嵌套过深";
        NotAnObject = "not_an_object", "Not a JSON object", "不是JSON对象";
        UnknownField = "unknown_field", "Unknown field", "未知字段";
        DuplicateField = "duplicate_field", "Duplicate field", "字段重复";
        UnknownValue = "unknown_value", "Unknown value", "未知取值";
        WrongType = "wrong_type", "Wrong type", "类型错误";
        OutOfRange = "out_of_range", "Number out of range", "数值超出范围";
        StringTooLong = "string_too_long", "String too long", "字符串过长";
        InvalidPolicy = "invalid_policy", "Incoherent policy", "策略不一致";
    }
}

/// Longest excerpt of the offending input kept in an error.
pub const FOUND_CAPACITY: usize = 32;

/// A JSON input error: its kind, the byte offset where it was found, the
/// field it concerns, what was found and what is accepted there.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ParseError {
    /// What is wrong.
    pub kind: ErrorKind,
    /// Byte offset into the input (of the offending key or value; for
    /// [`ErrorKind::TooLarge`], the size limit).
    pub offset: usize,
    /// The field (or policy key) concerned, or "" for the document itself.
    pub field: &'static str,
    /// The position within a list field, if the error is in one of its elements.
    pub index: Option<u16>,
    /// The position within the inner list, for a list of lists (a policy's
    /// matrices): the error is at `field[index][subindex]`.
    pub subindex: Option<u16>,
    /// What is accepted: the accepted values, a type, a range, a limit; or,
    /// for invalid JSON, the syntax problem.
    pub expected: &'static str,
    /// The offending key or value, cut to [`FOUND_CAPACITY`] bytes, when useful.
    pub found: heapless::String<FOUND_CAPACITY>,
    /// The accepted name closest to an unknown field, key or value, if one
    /// is close enough to be what was meant; "" otherwise.
    pub suggestion: &'static str,
    /// How big the offending value is, when that is what is wrong: the
    /// bytes of a string too long or an input too large, the elements of
    /// an array of the wrong length.
    pub size: Option<u32>,
}

/// What one kind of document accepts at its limits, as its errors say it.
pub(crate) struct LimitTexts {
    /// The longest string: "at most N bytes".
    pub string: &'static str,
    /// The deepest nesting: "N levels (what they are)".
    pub depth: &'static str,
    /// The top-level fields, to name the one a syntax error falls in.
    pub fields: &'static [&'static str],
}

impl ParseError {
    // Not inlined: it is called from many places, each of which would
    // otherwise carry the stores of every field (firmware flash).
    #[inline(never)]
    pub(crate) fn new(
        kind: ErrorKind,
        offset: usize,
        field: &'static str,
        expected: &'static str,
    ) -> Self {
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

    /// Records the offending text, UTF-8 (a `&str`'s bytes, or input the guard has
    /// checked), cut on a character boundary. Its characters are decoded by hand
    /// (`crate::utf8`), so that the reader needs no `core::str::from_utf8` to make it a
    /// `&str`; the decoding would stop at the first byte that is not UTF-8.
    #[must_use]
    pub(crate) fn with_found(mut self, text: &[u8]) -> Self {
        self.found.clear();
        let _ = super::value::push_chars(&mut self.found, text);
        self
    }

    #[must_use]
    pub(crate) fn at_index(mut self, index: Option<u16>) -> Self {
        self.index = index;
        self
    }

    /// Records the accepted name closest to the found one (of `names`).
    #[must_use]
    pub(crate) fn suggesting(mut self, names: &[&'static str]) -> Self {
        self.suggestion =
            super::suggest::closest(self.found.as_str(), names.iter().copied()).unwrap_or("");
        self
    }

    /// Records the accepted code closest to the found one (of `list`, the codes joined by
    /// `", "`).
    #[must_use]
    pub(crate) fn suggesting_in(mut self, list: &'static str) -> Self {
        self.suggestion =
            super::suggest::closest(self.found.as_str(), crate::codes::items(list)).unwrap_or("");
        self
    }

    #[must_use]
    pub(crate) fn with_size(mut self, size: usize) -> Self {
        // Inputs are at most 64 KiB: a size always fits.
        self.size = Some(u32::try_from(size).unwrap_or(u32::MAX));
        self
    }

    /// The error for an input longer than `limit` bytes, as the parser
    /// reports it; for callers that stop reading at the limit (the size
    /// is then not known).
    pub fn too_large(limit: usize) -> Self {
        ParseError::new(ErrorKind::TooLarge, limit, "", "")
    }

    /// The guard's error `e` over `json`, read with `limits`: named after
    /// the field it falls in, with the size of what is too large.
    #[cold]
    pub(crate) fn from_guard(
        e: GuardError,
        json: &[u8],
        limits: &Limits,
        texts: &LimitTexts,
    ) -> Self {
        let (kind, expected) = match e.kind {
            GuardErrorKind::TooLarge => {
                return ParseError::too_large(e.offset).with_size(json.len())
            }
            GuardErrorKind::TooDeep => (ErrorKind::TooDeep, texts.depth),
            GuardErrorKind::StringTooLong => (ErrorKind::StringTooLong, texts.string),
            other => (ErrorKind::InvalidJson, other.message()),
        };
        let (field, index) = super::locate::locate(json, e.offset, texts.fields);
        let mut err = ParseError::new(kind, e.offset, field, expected).at_index(index);
        if kind == ErrorKind::StringTooLong {
            // The guard stops `max_string_bytes` past the opening quote.
            let quote = e.offset.saturating_sub(limits.max_string_bytes + 1);
            if let Some(n) = super::locate::string_len(json, quote) {
                err = err.with_size(n);
            }
        }
        err
    }

    /// Writes the field with its indices, in backticks.
    fn subject(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("`")?;
        f.write_str(self.field)?;
        for i in [self.index, self.subindex].into_iter().flatten() {
            f.write_str("[")?;
            digits(f, i.into(), 10)?;
            f.write_str("]")?;
        }
        f.write_str("`")
    }

    /// The message's sentence, as a template for [`fmt::Display`] to fill:
    /// each control byte stands for a part of the error (see `fmt`).
    fn template(&self) -> &'static str {
        let found = !self.found.is_empty();
        let suggestion = !self.suggestion.is_empty();
        let top = self.field.is_empty();
        match self.kind {
            ErrorKind::InvalidJson => {
                "\x01the input\x02 is not valid JSON (\x03); only standard JSON (RFC 8259) is accepted"
            }
            ErrorKind::TooLarge if self.size.is_some() => {
                "\x01the input\x02 is \x07 bytes; at most \x08 bytes are accepted"
            }
            ErrorKind::TooLarge => "\x01the input\x02 is too long; at most \x08 bytes are accepted",
            ErrorKind::TooDeep => {
                "\x01the input\x02 is nested too deep; nesting of at most \x03 is accepted"
            }
            ErrorKind::NotAnObject => "\x01the input\x02 is not an object; only \x03 is accepted",
            ErrorKind::UnknownField => match (top, suggestion) {
                (true, true) => "unknown field \x04; did you mean \x0e?",
                (true, false) => "unknown field \x04; the accepted fields are \x03",
                (false, true) => "unknown key \x04 in \x01\x02; did you mean \x0e?",
                (false, false) => "unknown key \x04 in \x01\x02; the accepted keys are \x03",
            },
            ErrorKind::DuplicateField if found => {
                "\x01\x02 has the key \x04 more than once; each key is accepted once"
            }
            ErrorKind::DuplicateField => {
                "\x01a field\x02 is given more than once; each field is accepted once"
            }
            ErrorKind::UnknownValue if suggestion => {
                "\x01the input\x02 has the unknown value \x05; did you mean \x0f?"
            }
            ErrorKind::UnknownValue => {
                "\x01the input\x02 has the unknown value \x05; the accepted values are \x03"
            }
            ErrorKind::WrongType if self.size == Some(1) => {
                "\x01the input\x02 has 1 value; \x03 is accepted"
            }
            ErrorKind::WrongType if self.size.is_some() => {
                "\x01the input\x02 has \x07 values; \x03 is accepted"
            }
            ErrorKind::WrongType if found => {
                "\x01the input\x02 is \x06, of the wrong type; \x03 is accepted"
            }
            ErrorKind::WrongType => "\x01the input\x02 has the wrong type; \x03 is accepted",
            ErrorKind::OutOfRange if found => "\x01the input\x02 is \x06; \x03 is accepted",
            ErrorKind::OutOfRange => "\x01the input\x02 is out of range; \x03 is accepted",
            ErrorKind::StringTooLong if self.size.is_some() => {
                "\x01a string\x02 is \x07 bytes; \x03 are accepted"
            }
            ErrorKind::StringTooLong => "\x01a string\x02 is too long; \x03 are accepted",
            ErrorKind::InvalidPolicy if found => "\x01\x02 is incoherent at \x04; \x03",
            ErrorKind::InvalidPolicy => "\x01\x02 is incoherent; \x03",
        }
    }
}

impl fmt::Display for ParseError {
    // One sentence: where, what is wrong, then what is accepted; from a
    // template per case, which keeps the firmware's flash small (the
    // templates are data). Strings go through `write_str` and the found
    // text through `quote` rather than `{}` and `{:?}`: the firmware then
    // carries neither `Formatter::pad` nor `char::escape_debug` and its
    // Unicode tables.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_message(f)
    }
}

impl ParseError {
    /// Writes the message [`fmt::Display`] writes, to any writer. The JSON error writer
    /// calls it with its escaping writer directly rather than through `write!`: the
    /// firmware then carries none of `core::fmt`'s formatting machinery (`fmt::write`,
    /// the `dyn Write` table with its `write_char`: 0.5 KiB of flash). Same text.
    pub(crate) fn write_message(&self, f: &mut impl fmt::Write) -> fmt::Result {
        // "byte N: ", then the sentence.
        let mut rest = "byte \x08: ";
        let mut sentence = Some(self.template());
        loop {
            if rest.is_empty() {
                match sentence.take() {
                    Some(s) => rest = s,
                    None => break,
                }
            }
            let at = rest.bytes().position(|b| b < 0x20).unwrap_or(rest.len());
            f.write_str(rest.get(..at).unwrap_or(""))?;
            let Some(&part) = rest.as_bytes().get(at) else {
                rest = "";
                continue;
            };
            rest = rest.get(at + 1..).unwrap_or("");
            let found = self.found.as_str();
            match part {
                // The field, or the text up to \x02 when there is none.
                0x01 if !self.field.is_empty() => {
                    self.subject(f)?;
                    let end = rest.bytes().position(|b| b == 0x02).unwrap_or(0);
                    rest = rest.get(end + 1..).unwrap_or("");
                }
                0x03 => f.write_str(self.expected)?,
                0x04 => quote(f, found, "`")?,
                0x05 => quote(f, found, "\"")?,
                0x06 => quote(f, found, "")?,
                0x07 | 0x08 => {
                    let n = if part == 0x07 {
                        self.size.map(|n| n as usize)
                    } else {
                        Some(self.offset)
                    };
                    digits(f, n.unwrap_or(0) as u64, 10)?;
                }
                0x0e => quote(f, self.suggestion, "`")?,
                0x0f => quote(f, self.suggestion, "\"")?,
                _ => {}
            }
        }
        Ok(())
    }
}

/// Writes `s` between `delim`s ("" for none), as Rust's `{:?}` does for
/// the text a record holds: `"`, `\\`, `\t`, `\r`, `\n`, `\0` and other
/// control characters escaped (`\u{..}`), everything else as it is.
fn quote(f: &mut impl fmt::Write, s: &str, delim: &str) -> fmt::Result {
    f.write_str(delim)?;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let short = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\t' => "\\t",
            '\r' => "\\r",
            '\n' => "\\n",
            '\0' => "\\0",
            _ if c.is_control() => "",
            _ => continue,
        };
        f.write_str(s.get(start..i).unwrap_or(""))?;
        if short.is_empty() {
            f.write_str("\\u{")?;
            digits(f, u32::from(c).into(), 16)?;
            f.write_str("}")?;
        } else {
            f.write_str(short)?;
        }
        start = i + c.len_utf8();
    }
    f.write_str(s.get(start..).unwrap_or(""))?;
    f.write_str(delim)
}

/// Writes `n` in `radix` (10 or 16, lower-case digits), as `{}` and `{:x}` do. By hand
/// rather than through `write!`: a firmware then carries none of `core::fmt`'s integer
/// formatting (about 1 KiB of flash).
pub(crate) fn digits(f: &mut impl fmt::Write, n: u64, radix: u64) -> fmt::Result {
    // Each digit is written as a piece of a `&str` of digits, as the bytes of a buffer would
    // need `core::str::from_utf8` to be a `&str`.
    let mut buf = [0u8; 20];
    for &d in digit_values(n, radix, &mut buf).iter() {
        let d = usize::from(d);
        f.write_str("0123456789abcdef".get(d..=d).unwrap_or("0"))?;
    }
    Ok(())
}

#[cfg(feature = "std")]
impl std::error::Error for ParseError {}

impl serde::Serialize for ParseError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ParseError", 5)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("field", self.field)?;
        st.serialize_field("index", &self.index)?;
        st.serialize_field("offset", &self.offset)?;
        st.serialize_field("message", &DisplayAsStr(self))?;
        st.end()
    }
}

/// Serializes a `Display` value as a JSON string without allocating.
pub(crate) struct DisplayAsStr<'a, T: fmt::Display>(pub &'a T);

impl<T: fmt::Display> serde::Serialize for DisplayAsStr<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::digits;
    use std::string::String;

    #[test]
    fn digits_are_those_of_core_fmt() {
        let mut values: std::vec::Vec<u64> = (0..=1100).collect();
        for shift in 0..64 {
            let p = 1u64 << shift;
            values.extend([p - 1, p, p + 1, p.wrapping_mul(10) / 3]);
        }
        values.extend([u64::MAX, u64::MAX - 1, 9_999_999_999, 0x10FFFF, 0x7F]);
        for n in values {
            let (mut dec, mut hex) = (String::new(), String::new());
            digits(&mut dec, n, 10).unwrap();
            digits(&mut hex, n, 16).unwrap();
            assert_eq!(dec, std::format!("{n}"));
            assert_eq!(hex, std::format!("{n:x}"));
        }
    }
}

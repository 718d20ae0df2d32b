//! What is wrong with a JSON input, and where.

use core::fmt;

use crate::codes::code_enum;
use crate::guard::{GuardError, GuardErrorKind};

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
/// field it concerns and what was expected there.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ParseError {
    /// What is wrong.
    pub kind: ErrorKind,
    /// Byte offset into the input (of the offending key or value).
    pub offset: usize,
    /// The field (or policy key) concerned, or "" for the document itself.
    pub field: &'static str,
    /// The position within a list field, if the error is in one of its elements.
    pub index: Option<u16>,
    /// What was expected: accepted values, a type, a range, or the syntax problem.
    pub expected: &'static str,
    /// The offending key or value, cut to [`FOUND_CAPACITY`] bytes, when useful.
    pub found: heapless::String<FOUND_CAPACITY>,
}

impl ParseError {
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
            expected,
            found: heapless::String::new(),
        }
    }

    /// Records the offending text, cut on a character boundary.
    #[must_use]
    pub(crate) fn with_found(mut self, text: &str) -> Self {
        self.found.clear();
        for c in text.chars() {
            if self.found.push(c).is_err() {
                break;
            }
        }
        self
    }

    #[must_use]
    pub(crate) fn at_index(mut self, index: Option<u16>) -> Self {
        self.index = index;
        self
    }

    /// The error for an input longer than `limit` bytes, as the parser
    /// reports it; for callers that stop reading at the limit.
    pub fn too_large(limit: usize) -> Self {
        ParseError::new(
            ErrorKind::TooLarge,
            limit,
            "",
            GuardErrorKind::TooLarge.message(),
        )
    }

    pub(crate) fn from_guard(e: GuardError) -> Self {
        let kind = match e.kind {
            GuardErrorKind::TooLarge => ErrorKind::TooLarge,
            GuardErrorKind::TooDeep => ErrorKind::TooDeep,
            GuardErrorKind::StringTooLong => ErrorKind::StringTooLong,
            _ => ErrorKind::InvalidJson,
        };
        ParseError::new(kind, e.offset, "", e.kind.message())
    }
}

impl fmt::Display for ParseError {
    // Strings go through `write_str` and the found text through `quote`
    // rather than `{}` and `{:?}`: the firmware then carries neither
    // `Formatter::pad` nor `char::escape_debug` and its Unicode tables.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "byte {}", self.offset)?;
        if !self.field.is_empty() {
            f.write_str(", field `")?;
            f.write_str(self.field)?;
            if let Some(i) = self.index {
                write!(f, "[{i}]")?;
            }
            f.write_str("`")?;
        }
        f.write_str(": ")?;
        let name = self.kind.name_en();
        let mut chars = name.chars();
        if let Some(first) = chars.next() {
            fmt::Write::write_char(f, first.to_ascii_lowercase())?;
        }
        f.write_str(chars.as_str())?;
        if !self.found.is_empty() {
            f.write_str(" ")?;
            quote(f, self.found.as_str())?;
        }
        if !self.expected.is_empty() {
            f.write_str(match self.kind {
                ErrorKind::UnknownValue => "; expected one of: ",
                ErrorKind::InvalidJson | ErrorKind::InvalidPolicy => " (",
                _ => "; expected ",
            })?;
            f.write_str(self.expected)?;
            if matches!(self.kind, ErrorKind::InvalidJson | ErrorKind::InvalidPolicy) {
                f.write_str(")")?;
            }
        }
        Ok(())
    }
}

/// Writes `s` in double quotes, as Rust's `{:?}` does for the text a record
/// holds: `\"`, `\\`, `\t`, `\r`, `\n`, `\0` and other control characters
/// as `\u{..}` escaped, everything else as it is.
fn quote(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
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
            write!(f, "\\u{{{:x}}}", u32::from(c))?;
        } else {
            f.write_str(short)?;
        }
        start = i + c.len_utf8();
    }
    f.write_str(s.get(start..).unwrap_or(""))?;
    f.write_str("\"")
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

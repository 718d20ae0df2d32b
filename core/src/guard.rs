//! Temporary placeholder for the JSON guard (replaced by the real module).
#![allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_depth: u8,
    pub max_string_bytes: usize,
}
impl Limits {
    pub const RECORD: Limits = Limits {
        max_bytes: 65536,
        max_depth: 4,
        max_string_bytes: 32768,
    };
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GuardError {
    pub kind: GuardErrorKind,
    pub offset: usize,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuardErrorKind {
    Empty,
    TooLarge,
    TooDeep,
    StringTooLong,
    InvalidUtf8,
    ControlCharacterInString,
    InvalidEscape,
    LoneSurrogate,
    InvalidNumber,
    InvalidLiteral,
    UnexpectedCharacter,
    UnexpectedEnd,
    TrailingCharacters,
    TrailingComma,
    ExpectedColon,
    KeyMustBeString,
}
impl GuardErrorKind {
    pub const fn message(self) -> &'static str {
        "invalid json"
    }
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    pub top_level: TopLevel,
    pub max_depth_seen: u8,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopLevel {
    Object,
    Array,
    String,
    Number,
    Literal,
}
pub fn check(input: &[u8], limits: &Limits) -> Result<Shape, GuardError> {
    if input.len() > limits.max_bytes {
        return Err(GuardError {
            kind: GuardErrorKind::TooLarge,
            offset: limits.max_bytes,
        });
    }
    match input.iter().position(|b| !b" \t\r\n".contains(b)) {
        Some(i) if input[i] == b'{' => Ok(Shape {
            top_level: TopLevel::Object,
            max_depth_seen: 1,
        }),
        Some(_) => Ok(Shape {
            top_level: TopLevel::Literal,
            max_depth_seen: 0,
        }),
        None => Err(GuardError {
            kind: GuardErrorKind::Empty,
            offset: 0,
        }),
    }
}

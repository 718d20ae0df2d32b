//! JSON in and out, without allocating.
//!
//! Untrusted input first goes through [`crate::guard`], one linear pass that
//! rejects anything but a single valid JSON text within the size and depth
//! limits. Only then do the readers walk it (records in `record`, outcomes
//! and policies over `walk`), recording the field and byte offset of
//! anything that does not fit the contract. The writers are written by
//! hand too: no JSON library is involved either way.

/// Declares a list of names and, from the same names, the message that
/// lists them (joined by `, `), so that the two cannot disagree.
macro_rules! names {
    (
        $(#[$meta:meta])*
        $vis:vis $list:ident, $joined:ident = [$($name:literal),+ $(,)?]
    ) => {
        $(#[$meta])*
        $vis const $list: [&str; [$($name),+].len()] = [$($name),+];
        /// The names, comma separated, for error messages.
        const $joined: &str = $crate::codes::join_codes!($($name),+);
    };
}

mod error;
mod fast;
mod lex;
mod out;
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

/// The error for a valid document that is not an object: at its first byte.
pub(crate) fn not_an_object(input: &[u8]) -> ParseError {
    let at = input
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(0);
    ParseError::new(ErrorKind::NotAnObject, at, "", "a JSON object")
}

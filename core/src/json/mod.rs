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

/// The length of `names` joined by `", "`.
pub(crate) const fn joined_len(names: &[&str]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < names.len() {
        n += names[i].len() + if i > 0 { 2 } else { 0 };
        i += 1;
    }
    n
}

/// `names` joined by `", "`, for an error message's list of what is
/// expected when the names come from a vocabulary rather than literals
/// (which [`names!`] joins). `N` must be [`joined_len`] of `names`;
/// evaluated at compile time only.
pub(crate) const fn joined<const N: usize>(names: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut i = 0;
    while i < names.len() {
        if i > 0 {
            at = append(&mut out, at, b", ");
        }
        at = append(&mut out, at, names[i].as_bytes());
        i += 1;
    }
    assert!(at == N, "N is not the joined length");
    out
}

/// Copies `part` into `out` from `at` and returns where it ends: how the
/// texts built at compile time ([`joined`], the writer's padded pieces) are
/// put together. Evaluated at compile time only, where a part that does
/// not fit fails the build.
pub(crate) const fn append(out: &mut [u8], at: usize, part: &[u8]) -> usize {
    let mut i = 0;
    while i < part.len() {
        out[at + i] = part[i];
        i += 1;
    }
    at + part.len()
}

/// Bytes made by [`joined`] as text; evaluated at compile time only.
pub(crate) const fn joined_str(bytes: &'static [u8]) -> &'static str {
    match core::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => panic!("names are UTF-8"),
    }
}

mod error;
// Not called with the `small-flash` feature (see `parse_complaint`).
#[cfg_attr(feature = "small-flash", allow(dead_code))]
mod fast;
mod fragment;
mod lex;
mod locate;
mod out;
mod outcome;
mod policy;
mod record;
mod suggest;
mod value;
mod walk;
mod write;

pub use error::{ErrorKind, ParseError, FOUND_CAPACITY};
pub use outcome::{parse_outcome, OUTCOME_FIELDS};
pub use policy::{parse_policy, parse_policy_into, write_policy_json, POLICY_LIMITS};
pub use record::{
    parse_complaint, IntRange, MAX_AMOUNT, RECORD_FIELDS, RECORD_INT_RANGES, RECORD_LIMITS,
};
pub use write::{
    write_assessment_json, write_assessment_json_with_text, write_effect_json, write_error_json,
    BufferTooSmall, MAX_ASSESSMENT_JSON,
};

/// The error for a valid document that is not an object: at its first byte.
pub(crate) fn not_an_object(input: &[u8]) -> ParseError {
    let at = input
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(0);
    ParseError::new(ErrorKind::NotAnObject, at, "", "a JSON object")
}

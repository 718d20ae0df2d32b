//! A record as this crate hands it to the core: its JSON, with the free
//! text kept aside.
//!
//! The core limits each string of a record to 32 KiB of JSON as written,
//! escapes included. A Python caller (or a frame) gives a string, not JSON:
//! the limit applies to that string, not to the escapes this crate adds
//! (a text of tabs would otherwise count twice). So when `text` is a string
//! it is not written into the JSON the core parses: it is checked against
//! the limit as given, then scanned with the core's `Complaint::add_text`,
//! which is what the core's parser does with a record's text (the frame
//! reader's fast path does the same).

use std::fmt::Write;

use complaint_triage::{parse_complaint, Complaint, ErrorKind, ParseError, RECORD_LIMITS};

use crate::json;

/// Longest accepted text, in bytes of UTF-8: the core's limit on any
/// string of a record.
pub const TEXT_MAX_BYTES: usize = RECORD_LIMITS.max_string_bytes;

/// What a text longer than [`TEXT_MAX_BYTES`] was expected to be.
const TEXT_EXPECTED: &str = "a string of at most 32768 bytes of UTF-8";

/// The member name of the free text.
const TEXT: &str = "text";

/// Parses a record's JSON, written without its text (see the module
/// documentation), and scans `text`. Errors are the core's (which name the
/// field a byte falls in); a text past the limit is a
/// `string_too_long` error of field `text` at the offset its value has in
/// [`with_text`]'s JSON.
pub fn parse(json: &[u8], text: Option<&str>) -> Result<Complaint, ParseError> {
    if let Some(t) = text {
        if t.len() > TEXT_MAX_BYTES {
            return Err(text_too_long(json, t.len()));
        }
    }
    let mut c = parse_complaint(json)?;
    if let Some(t) = text {
        c.add_text(t);
    }
    Ok(c)
}

/// The whole record JSON: `json` (an object written without its text) with
/// the text as its last member. This is what `to_record_json` shows and
/// what error offsets count in.
pub fn with_text(json: &mut Vec<u8>, text: &str) {
    let at = json.len().saturating_sub(1);
    json.truncate(at);
    if at > 1 {
        json.push(b',');
    }
    json::write_str(json, TEXT);
    json.push(b':');
    json::write_str(json, text);
    json.push(b'}');
}

/// The error of a text of `len` bytes, past the limit.
fn text_too_long(json: &[u8], len: usize) -> ParseError {
    // Where the text's value stands once appended by `with_text`:
    // after `,"text":` (or `"text":` in an empty object).
    let members = json.len() > 2;
    let offset = json.len().saturating_sub(1) + usize::from(members) + TEXT.len() + 3;
    let mut e = ParseError::too_large(TEXT_MAX_BYTES);
    e.kind = ErrorKind::StringTooLong;
    e.offset = offset;
    e.field = TEXT;
    e.expected = TEXT_EXPECTED;
    let _ = write!(e.found, "{len} bytes");
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_limit_is_the_cores() {
        assert!(TEXT_EXPECTED.contains(&TEXT_MAX_BYTES.to_string()));
    }

    #[test]
    fn text_is_appended_last() {
        let mut j = b"{}".to_vec();
        with_text(&mut j, "a\tb");
        assert_eq!(j, br#"{"text":"a\tb"}"#);
        let mut j = br#"{"emotion":3}"#.to_vec();
        with_text(&mut j, "x");
        assert_eq!(j, br#"{"emotion":3,"text":"x"}"#);
    }

    #[test]
    fn a_long_text_is_measured_as_given() {
        let tabs = "\t".repeat(TEXT_MAX_BYTES);
        assert!(parse(b"{}", Some(&tabs)).is_ok());
        let long = "a".repeat(TEXT_MAX_BYTES + 1);
        let head = br#"{"emotion":3}"#;
        let e = parse(head, Some(&long)).unwrap_err();
        assert_eq!((e.kind, e.field), (ErrorKind::StringTooLong, "text"));
        let mut full = head.to_vec();
        with_text(&mut full, &long);
        assert_eq!(&full[e.offset..e.offset + 2], b"\"a");
        let e = parse(b"{}", Some(&long)).unwrap_err();
        assert_eq!(e.offset, 8);
    }

    #[test]
    fn text_is_scanned_as_the_parser_scans_it() {
        let text = "再不解决我就找记者曝光!\n\"I will sue you\"";
        let mut full = b"{}".to_vec();
        with_text(&mut full, text);
        assert_eq!(parse(b"{}", Some(text)), parse_complaint(&full));
    }

    #[test]
    fn a_lone_surrogate_names_its_member() {
        let json = br#"{"emotion":3,"id":"\ud800"}"#;
        let e = parse(json, None).unwrap_err();
        assert_eq!((e.kind, e.field), (ErrorKind::InvalidJson, "id"));
        let json = br#"{"\ud800":3}"#;
        let e = parse(json, None).unwrap_err();
        assert_eq!(e.field, "");
    }
}

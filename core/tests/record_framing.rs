//! What surrounds a record as a line of a file: a UTF-8 byte order mark at
//! its start is skipped, and a line ending (`\n`, `\r\n` or a lone `\r`)
//! at its end is neither an error nor counted against the 64 KiB limit.
//! Offsets still count from the first byte of the input.

use complaint_triage::{parse_complaint, ErrorKind, RECORD_LIMITS};

const BOM: &str = "\u{feff}";

#[test]
fn a_byte_order_mark_is_skipped() {
    let plain = r#"{"id":"A-1","category":"billing","emotion":7}"#;
    let want = parse_complaint(plain.as_bytes()).unwrap();
    for input in [
        format!("{BOM}{plain}"),
        format!("{BOM}{plain}\r\n"),
        format!("{BOM} {plain} "),
        // Not the fast path's shape (escaped key): the long way skips it too.
        format!("{BOM}{}", plain.replace("\"id\"", "\"i\\u0064\"")),
    ] {
        assert_eq!(
            parse_complaint(input.as_bytes()),
            Ok(want.clone()),
            "{input:?}"
        );
    }
}

#[test]
fn offsets_count_the_byte_order_mark() {
    let e = parse_complaint(format!("{BOM}{{\"emotoin\":1}}").as_bytes()).unwrap_err();
    assert_eq!((e.kind, e.offset), (ErrorKind::UnknownField, 4));
    let e = parse_complaint(format!("{BOM}[1]").as_bytes()).unwrap_err();
    assert_eq!((e.kind, e.offset), (ErrorKind::NotAnObject, 3));
    let e = parse_complaint(format!("{BOM}{{\"id\": }}").as_bytes()).unwrap_err();
    assert_eq!((e.kind, e.offset), (ErrorKind::InvalidJson, 10));
}

#[test]
fn only_one_byte_order_mark_at_the_start() {
    for input in [
        format!("{BOM}{BOM}{{}}"),
        format!("{{}}{BOM}"),
        BOM.to_string(),
    ] {
        let e = parse_complaint(input.as_bytes()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidJson, "{input:?}: {e}");
    }
    let e = parse_complaint(format!(" {BOM}{{}}").as_bytes()).unwrap_err();
    assert_eq!((e.kind, e.offset), (ErrorKind::InvalidJson, 1), "{e}");
}

/// A record of exactly `len` bytes.
fn record_of(len: usize) -> String {
    let r = format!(r#"{{"text":"{}"}}"#, "a".repeat(len - 11));
    assert_eq!(r.len(), len);
    r
}

#[test]
fn a_line_ending_does_not_count_against_the_limit() {
    let max = RECORD_LIMITS.max_bytes;
    // The text is at most 32 KiB: fill the rest with white space.
    let full = format!("{}{}", " ".repeat(max - 32_779), record_of(32_779));
    assert_eq!(full.len(), max);
    assert!(parse_complaint(full.as_bytes()).is_ok());
    for end in ["\r", "\n", "\r\n"] {
        let line = format!("{full}{end}");
        assert!(parse_complaint(line.as_bytes()).is_ok(), "{end:?}");
        let line = format!("{BOM}{full}{end}");
        assert!(parse_complaint(line.as_bytes()).is_ok(), "BOM and {end:?}");
    }
    // One byte more than the limit is too large, line ending or not; two
    // line endings are one too many.
    for input in [
        format!(" {full}"),
        format!(" {full}\r\n"),
        format!("{full}\r\n\r\n"),
    ] {
        let e = parse_complaint(input.as_bytes()).unwrap_err();
        assert_eq!((e.kind, e.offset), (ErrorKind::TooLarge, max), "{e}");
    }
}

#[test]
fn a_trailing_carriage_return_is_not_an_error() {
    for input in [
        "{}\r",
        "{\"emotion\":3}\r",
        "{\"emotion\":3}\r\n",
        " {}\r\r",
    ] {
        assert!(parse_complaint(input.as_bytes()).is_ok(), "{input:?}");
    }
}

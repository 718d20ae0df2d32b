//! The record reader's errors at the edges: each case below was produced
//! by the serde-json-core based reader this one replaced, and must stay
//! exactly so (kind, field, index, offset, found).

use complaint_triage::{parse_complaint, Category, ErrorKind};

type Want = (ErrorKind, &'static str, Option<u16>, usize, &'static str);

const CASES: [(&str, Want); 15] = {
    use ErrorKind::*;
    [
        (
            r#"{"threats":[1]}"#,
            (WrongType, "threats", Some(0), 11, ""),
        ),
        // A non-string element is reported at the element before it.
        (
            r#"{"threats":["media", true]}"#,
            (WrongType, "threats", Some(1), 12, ""),
        ),
        (
            r#"{"threats":["media","x"]}"#,
            (UnknownValue, "threats", Some(1), 20, "x"),
        ),
        // Too large for 64 bits: out of range, without the digits.
        (
            r#"{"emotion":99999999999999999999}"#,
            (OutOfRange, "emotion", None, 11, ""),
        ),
        (
            r#"{"emotion":99999999999999999999.5}"#,
            (WrongType, "emotion", None, 11, "99999999999999999999.5"),
        ),
        (r#"{"emotion":-0}"#, (OutOfRange, "emotion", None, 11, "-0")),
        (
            r#"{"emotion":-1.5}"#,
            (WrongType, "emotion", None, 11, "-1.5"),
        ),
        (
            r#"{"emotion":1e1}"#,
            (WrongType, "emotion", None, 11, "1e1"),
        ),
        (r#"{"emotion":"7"}"#, (WrongType, "emotion", None, 11, "")),
        (r#"{"id":{}}"#, (WrongType, "id", None, 6, "")),
        // Keys are compared once unescaped.
        (
            r#"{"i\u0064":"a","id":"b"}"#,
            (DuplicateField, "id", None, 15, ""),
        ),
        (
            r#"{"category":"bi\u006cling","channel":"fax"}"#,
            (UnknownValue, "channel", None, 37, "fax"),
        ),
        (
            r#"{"id":"01234567890123456789012345678901234567890123456789012345678901234"}"#,
            (
                StringTooLong,
                "id",
                None,
                6,
                "01234567890123456789012345678901",
            ),
        ),
        (r#" [1] "#, (NotAnObject, "", None, 1, "")),
        (r#"{"text":["a"]}"#, (WrongType, "text", None, 8, "")),
    ]
};

#[test]
fn edge_errors_are_unchanged() {
    for (input, want) in CASES {
        let e = parse_complaint(input.as_bytes()).unwrap_err();
        let got = (e.kind, e.field, e.index, e.offset, e.found.as_str());
        assert_eq!(got, want, "{input}");
    }
}

#[test]
fn escaped_codes_and_white_space_are_read() {
    let c = parse_complaint(
        br#" { "category" : "bi\u006cling" , "threats" : [ "media" , "lawsuit" ] , "text" : "a\n\u5a92\u4f53" } "#,
    )
    .unwrap();
    assert_eq!(c.category, Category::Billing);
    assert_eq!(c.threats.len(), 2);
}

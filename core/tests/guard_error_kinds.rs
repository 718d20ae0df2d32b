//! Every error kind, produced by hand-written inputs, with its exact offset.

use complaint_triage::guard::{check, GuardError, GuardErrorKind as K, Limits, Shape, TopLevel};

const WIDE: Limits = Limits {
    max_bytes: 1 << 20,
    max_depth: 255,
    max_string_bytes: 1 << 20,
};

const fn lim(max_bytes: usize, max_depth: u8, max_string_bytes: usize) -> Limits {
    Limits {
        max_bytes,
        max_depth,
        max_string_bytes,
    }
}

const ALL_KINDS: [K; 16] = [
    K::Empty,
    K::TooLarge,
    K::TooDeep,
    K::StringTooLong,
    K::InvalidUtf8,
    K::ControlCharacterInString,
    K::InvalidEscape,
    K::LoneSurrogate,
    K::InvalidNumber,
    K::InvalidLiteral,
    K::UnexpectedCharacter,
    K::UnexpectedEnd,
    K::TrailingCharacters,
    K::TrailingComma,
    K::ExpectedColon,
    K::KeyMustBeString,
];

/// (input, limits, kind, offset)
fn cases() -> Vec<(&'static [u8], Limits, K, usize)> {
    vec![
        (b"", WIDE, K::Empty, 0),
        (b" \n\t\r", WIDE, K::Empty, 4),
        (b"[1,2]", lim(4, 4, 4), K::TooLarge, 4),
        (b"    ", lim(3, 4, 4), K::TooLarge, 3),
        (b"[[]]", lim(64, 1, 64), K::TooDeep, 1),
        (b"[]", lim(64, 0, 64), K::TooDeep, 0),
        (br#"{"a":[{"b":[]}]}"#, lim(64, 3, 64), K::TooDeep, 11),
        (br#""abcd""#, lim(64, 4, 3), K::StringTooLong, 4),
        (br#"{"abcd":1}"#, lim(64, 4, 3), K::StringTooLong, 5),
        (
            br#"["ok", "abcdefgh"]"#,
            lim(64, 4, 3),
            K::StringTooLong,
            11,
        ),
        (br#""ab\n""#, lim(64, 4, 3), K::StringTooLong, 4),
        (br#""abc\u0041""#, lim(64, 4, 3), K::StringTooLong, 4),
        (br#""ab\"""#, lim(64, 4, 3), K::StringTooLong, 4),
        (b"\"a\xE4\xB8\xAD\"", lim(64, 4, 2), K::StringTooLong, 3),
        (b"\"abc", lim(64, 4, 3), K::UnexpectedEnd, 4),
        (b"\"abcd", lim(64, 4, 3), K::StringTooLong, 4),
        // A sequence cut short by a quote exactly at the limit is invalid, not too long.
        (b"\"a\xE4\"", lim(64, 4, 2), K::InvalidUtf8, 2),
        (br#""a\u12""#, lim(64, 4, 5), K::InvalidEscape, 6),
        (br#""\uD800""#, lim(64, 4, 6), K::LoneSurrogate, 1),
        (b"\"\xC0\x80\"", WIDE, K::InvalidUtf8, 1),
        (b"\"\xED\xA0\x80\"", WIDE, K::InvalidUtf8, 1),
        (b"\"\xF4\x90\x80\x80\"", WIDE, K::InvalidUtf8, 1),
        (b"\"\xE0\x9F\xBF\"", WIDE, K::InvalidUtf8, 1),
        (b"\"\x80\"", WIDE, K::InvalidUtf8, 1),
        (b"\"\xFF\"", WIDE, K::InvalidUtf8, 1),
        (b"\"ab\xE4\xB8\"", WIDE, K::InvalidUtf8, 3),
        (b"\"\xF0\x9F\x98\"", WIDE, K::InvalidUtf8, 1),
        (b"[\"ok\",\"x\xE4\xB8x\"]", WIDE, K::InvalidUtf8, 8),
        (b"\"a\tb\"", WIDE, K::ControlCharacterInString, 2),
        (b"\"\x00\"", WIDE, K::ControlCharacterInString, 1),
        (b"{\"k\x1F\":1}", WIDE, K::ControlCharacterInString, 3),
        (b"\"\xE4\xB8\xAD\n\"", WIDE, K::ControlCharacterInString, 4),
        (br#""\x""#, WIDE, K::InvalidEscape, 2),
        (br#""\U0041""#, WIDE, K::InvalidEscape, 2),
        (br#""\u12G4""#, WIDE, K::InvalidEscape, 5),
        (br#""\u00""#, WIDE, K::InvalidEscape, 5),
        (br#""\uD800\u""#, WIDE, K::InvalidEscape, 9),
        (br#""\uD800""#, WIDE, K::LoneSurrogate, 1),
        (br#""\uDC00""#, WIDE, K::LoneSurrogate, 1),
        (br#""\uD800\u0041""#, WIDE, K::LoneSurrogate, 1),
        (br#""\uD800\uD800""#, WIDE, K::LoneSurrogate, 1),
        (br#"["a","\uDBFF\n"]"#, WIDE, K::LoneSurrogate, 6),
        (br#""\uDE00\uD83D""#, WIDE, K::LoneSurrogate, 1),
        (b"01", WIDE, K::InvalidNumber, 1),
        (b"-01", WIDE, K::InvalidNumber, 2),
        (b"-a", WIDE, K::InvalidNumber, 1),
        (b"+1", WIDE, K::InvalidNumber, 0),
        (b".5", WIDE, K::InvalidNumber, 0),
        (b"[1.]", WIDE, K::InvalidNumber, 3),
        (b"[1e]", WIDE, K::InvalidNumber, 3),
        (b"1.5.3", WIDE, K::InvalidNumber, 3),
        (b"1E+-2", WIDE, K::InvalidNumber, 3),
        (b"[-]", WIDE, K::InvalidNumber, 2),
        (b"-Infinity", WIDE, K::InvalidNumber, 1),
        (b"1e5e", WIDE, K::InvalidNumber, 3),
        (b"1.", WIDE, K::UnexpectedEnd, 2),
        (b"1e+", WIDE, K::UnexpectedEnd, 3),
        (b"-", WIDE, K::UnexpectedEnd, 1),
        (b"trUe", WIDE, K::InvalidLiteral, 2),
        (b"[nul]", WIDE, K::InvalidLiteral, 4),
        (b"truex", WIDE, K::InvalidLiteral, 4),
        (b"nulls", WIDE, K::InvalidLiteral, 4),
        (b"[falsey]", WIDE, K::InvalidLiteral, 6),
        (b"tru", WIDE, K::UnexpectedEnd, 3),
        (b"fals", WIDE, K::UnexpectedEnd, 4),
        (b"True", WIDE, K::UnexpectedCharacter, 0),
        (b"NaN", WIDE, K::UnexpectedCharacter, 0),
        (b"\xEF\xBB\xBF{}", WIDE, K::UnexpectedCharacter, 0),
        (b"\x0c[]", WIDE, K::UnexpectedCharacter, 0),
        (b"[1 2]", WIDE, K::UnexpectedCharacter, 3),
        (b"[1}", WIDE, K::UnexpectedCharacter, 2),
        (br#"{"a":1]"#, WIDE, K::UnexpectedCharacter, 6),
        (br#"{"a":}"#, WIDE, K::UnexpectedCharacter, 5),
        (b"[,1]", WIDE, K::UnexpectedCharacter, 1),
        (b"[1,,2]", WIDE, K::UnexpectedCharacter, 3),
        (b"['a']", WIDE, K::UnexpectedCharacter, 1),
        (br#"{"a":1 "b":2}"#, WIDE, K::UnexpectedCharacter, 7),
        (b"[1x]", WIDE, K::UnexpectedCharacter, 2),
        (b"[", WIDE, K::UnexpectedEnd, 1),
        (b"[1", WIDE, K::UnexpectedEnd, 2),
        (b"[1,", WIDE, K::UnexpectedEnd, 3),
        (br#"{"a""#, WIDE, K::UnexpectedEnd, 4),
        (br#"{"a":"#, WIDE, K::UnexpectedEnd, 5),
        (br#"{"a":1,"#, WIDE, K::UnexpectedEnd, 7),
        (br#""abc"#, WIDE, K::UnexpectedEnd, 4),
        (br#""\u12"#, WIDE, K::UnexpectedEnd, 5),
        (br#""\"#, WIDE, K::UnexpectedEnd, 2),
        (br#""\uD800"#, WIDE, K::UnexpectedEnd, 7),
        (b"\"\xE4", WIDE, K::UnexpectedEnd, 2),
        (b"{} x", WIDE, K::TrailingCharacters, 3),
        (b"1 2", WIDE, K::TrailingCharacters, 2),
        (b"[]]", WIDE, K::TrailingCharacters, 2),
        (br#""""""#, WIDE, K::TrailingCharacters, 2),
        (b"123\x00", WIDE, K::TrailingCharacters, 3),
        (b"[1,]", WIDE, K::TrailingComma, 2),
        (br#"{"a":1,}"#, WIDE, K::TrailingComma, 6),
        (b"[1 , \n ]", WIDE, K::TrailingComma, 3),
        (br#"{"a" 1}"#, WIDE, K::ExpectedColon, 5),
        (br#"{"a",1}"#, WIDE, K::ExpectedColon, 4),
        (b"{1:2}", WIDE, K::KeyMustBeString, 1),
        (br#"{"a":1,2:3}"#, WIDE, K::KeyMustBeString, 7),
        (b"{'a':1}", WIDE, K::KeyMustBeString, 1),
        (b"{,}", WIDE, K::KeyMustBeString, 1),
        (br#"{"a":1,]"#, WIDE, K::KeyMustBeString, 7),
    ]
}

#[test]
fn every_case_has_its_kind_and_offset() {
    let mut failures = Vec::new();
    for (input, limits, kind, offset) in cases() {
        let got = check(input, &limits);
        let want = Err(GuardError { kind, offset });
        if got != want {
            failures.push(format!(
                "{:?}: got {got:?}, want {want:?}",
                String::from_utf8_lossy(input)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_kind_is_produced() {
    let cases = cases();
    for kind in ALL_KINDS {
        assert!(cases.iter().any(|c| c.2 == kind), "no case for {kind:?}");
    }
}

#[test]
fn messages_and_display() {
    let mut seen = Vec::new();
    for kind in ALL_KINDS {
        let m = kind.message();
        assert!(
            !m.is_empty() && m == m.to_lowercase() && m.is_ascii(),
            "{m:?}"
        );
        assert!(!seen.contains(&m), "duplicate message {m:?}");
        seen.push(m);
    }
    assert_eq!(K::TooDeep.message(), "nesting too deep");
    let e = GuardError {
        kind: K::TooDeep,
        offset: 12,
    };
    assert_eq!(e.to_string(), "nesting too deep at byte 12");
    assert_eq!(
        GuardError {
            kind: K::TrailingComma,
            offset: 0
        }
        .to_string(),
        "trailing comma at byte 0"
    );
}

#[test]
fn accepted_documents_and_their_shape() {
    let ok: &[(&[u8], TopLevel, u8)] = &[
        (b"{}", TopLevel::Object, 1),
        (b" [ ] ", TopLevel::Array, 1),
        (b"\"x\"", TopLevel::String, 0),
        (b"-0.5e+10", TopLevel::Number, 0),
        (b"0", TopLevel::Number, 0),
        (b"\r\n\ttrue\n", TopLevel::Literal, 0),
        (b"null", TopLevel::Literal, 0),
        (b"false", TopLevel::Literal, 0),
        (br#"{"a":[{"b":[1,{"c":null}]}]}"#, TopLevel::Object, 5),
        (br#"[[],[[]],{}]"#, TopLevel::Array, 3),
        (
            "\"中文 \\u4e2d \\uD83D\\uDE00 \u{1F600} \\/\\b\\f\\n\\r\\t\\\"\\\\\"".as_bytes(),
            TopLevel::String,
            0,
        ),
        (b"\"\\udbff\\udfff\"", TopLevel::String, 0),
        (
            b"[1E5, 1e-5, -0, 0.0, 123456789012345678901234567890]",
            TopLevel::Array,
            1,
        ),
        (
            b"{\"a\" : 1 , \"b\" :\t[ true , false ] }",
            TopLevel::Object,
            2,
        ),
    ];
    for &(input, top_level, depth) in ok {
        assert_eq!(
            check(input, &WIDE),
            Ok(Shape {
                top_level,
                max_depth_seen: depth
            }),
            "{:?}",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn limits_are_inclusive() {
    assert!(check(b"[1,2]", &lim(5, 1, 0)).is_ok());
    assert!(check(br#"{"abc":"def"}"#, &lim(13, 1, 3)).is_ok());
    assert!(check(br#""ab\n""#, &lim(64, 0, 4)).is_ok());
    assert!(check(b"\"a\xE4\xB8\xAD\"", &lim(64, 0, 4)).is_ok());
    assert!(check(br#""\uD83D\uDE00""#, &lim(64, 0, 12)).is_ok());
    assert_eq!(
        check(br#""\uD83D\uDE00""#, &lim(64, 0, 11)),
        Err(GuardError {
            kind: K::StringTooLong,
            offset: 12
        })
    );
    assert!(check(b"[[[[]]]]", &Limits::RECORD).is_ok());
    assert_eq!(
        check(b"[[[[[]]]]]", &Limits::RECORD),
        Err(GuardError {
            kind: K::TooDeep,
            offset: 4
        })
    );
}

//! Every error message is one sentence: where (the byte), what is wrong
//! (naming the field when the error is about one) and what is accepted,
//! without saying the same thing twice. Checked on inputs that produce
//! every error kind, from records, policies and outcomes.

use complaint_triage::{parse_complaint, parse_outcome, parse_policy, ErrorKind, ParseError};

/// Which reader an input is for.
#[derive(Clone, Copy, Debug)]
enum Doc {
    Record,
    Policy,
    Outcome,
}

fn parse(doc: Doc, input: &[u8]) -> ParseError {
    let result = match doc {
        Doc::Record => parse_complaint(input).map(|_| ()),
        Doc::Policy => parse_policy(input).map(|_| ()),
        Doc::Outcome => parse_outcome(input).map(|_| ()),
    };
    result.expect_err(&String::from_utf8_lossy(input))
}

/// Inputs for each error kind; the `match` makes a new kind fail to
/// compile until it has inputs here.
fn inputs(kind: ErrorKind) -> Vec<(Doc, Vec<u8>)> {
    use Doc::*;
    let s = |doc: Doc, text: &str| (doc, text.as_bytes().to_vec());
    match kind {
        ErrorKind::InvalidJson => vec![
            s(Record, ""),
            s(Record, r#"{"id": }"#),
            s(Record, r#"{"id":"a",}"#),
            s(Record, "{\"id\":\"a\u{1}b\"}"),
            s(Record, r#"{"text":"\x"}"#),
            s(Record, r#"{"rights":["know" "choice"]}"#),
            s(Policy, r#"{"resolution_hours":[1,2,]}"#),
            s(Outcome, r#"{"reopened":tru}"#),
        ],
        ErrorKind::TooLarge => vec![
            s(Record, &format!(r#"{{"text":"{}"}}"#, "a".repeat(70_000))),
            s(Policy, &" ".repeat(70_000)),
            s(
                Outcome,
                &format!(r#"{{"reopened":true{}}}"#, " ".repeat(5000)),
            ),
        ],
        ErrorKind::TooDeep => vec![
            s(Record, r#"{"rights":[["know"]]}"#),
            s(Record, r#"{"rights":["know",{"a":1}]}"#),
            s(Record, "[[[1]]]"),
            s(Policy, r#"{"grade_matrix":[[["minor"]]]}"#),
            s(Outcome, r#"{"satisfaction":[1]}"#),
        ],
        ErrorKind::NotAnObject => vec![
            s(Record, "[1,2]"),
            s(Record, r#""text""#),
            s(Policy, "7"),
            s(Outcome, "null"),
        ],
        ErrorKind::UnknownField => vec![
            s(Record, r#"{"emotoin":3}"#),
            s(Record, r#"{"colour":"red"}"#),
            s(Policy, r#"{"severity_level":[35,65]}"#),
            s(Policy, r#"{"points":{"threat.meda":{"impact":1}}}"#),
            s(Policy, r#"{"points":{"threat.media":{"impct":1}}}"#),
            s(Policy, r#"{"bands":{"age":[1]}}"#),
            s(Policy, r#"{"jurisdiction_cap_hours":{"none":1}}"#),
            s(Policy, r#"{"effect":{"bse":1}}"#),
            s(Outcome, r#"{"reopen":true}"#),
        ],
        ErrorKind::DuplicateField => vec![
            s(Record, r#"{"emotion":1,"emotion":2}"#),
            s(
                Policy,
                r#"{"severity_levels":[35,65],"severity_levels":[35,65]}"#,
            ),
            s(
                Policy,
                r#"{"points":{"threat.media":{"impact":1},"threat.media":{"impact":2}}}"#,
            ),
            s(Policy, r#"{"effect":{"base":1,"base":2}}"#),
            s(Outcome, r#"{"reopened":true,"reopened":false}"#),
        ],
        ErrorKind::UnknownValue => vec![
            s(Record, r#"{"category":"biling"}"#),
            s(Record, r#"{"category":"fax"}"#),
            s(Record, r#"{"threats":["media","tv"]}"#),
            s(Policy, r#"{"tier_by_grade":["frontline","x","x","x"]}"#),
            s(
                Policy,
                r#"{"grade_matrix":[["minor","minor","minor"],["minor","huge","minor"],["minor","minor","minor"]]}"#,
            ),
            s(Policy, r#"{"beyond_authority_tier":"specialis"}"#),
        ],
        ErrorKind::WrongType => vec![
            s(Record, r#"{"emotion":"3"}"#),
            s(Record, r#"{"hours_open":1.5}"#),
            s(Record, r#"{"safety_incident":null}"#),
            s(Record, r#"{"threats":"media"}"#),
            s(Record, r#"{"threats":["media",1]}"#),
            s(Record, r#"{"id":7}"#),
            s(Record, r#"{"text":["a"]}"#),
            s(Policy, r#"{"resolution_hours":[1,2]}"#),
            s(Policy, r#"{"resolution_hours":[1,2,3,4]}"#),
            s(Policy, r#"{"severity_levels":[35,"x"]}"#),
            s(Policy, r#"{"priority_matrix":[[1,2,3],[1,2],[1,2,3]]}"#),
            s(Policy, r#"{"points":7}"#),
            s(Outcome, r#"{"satisfaction":"4"}"#),
        ],
        ErrorKind::OutOfRange => vec![
            s(Record, r#"{"emotion":11}"#),
            s(Record, r#"{"prior_contacts":-1}"#),
            s(Record, r#"{"direct_loss":99999999999999999999999}"#),
            s(Policy, r#"{"severity_levels":[35,200]}"#),
            s(Policy, r#"{"points":{"threat.media":{"impact":101}}}"#),
            s(Outcome, r#"{"satisfaction":0}"#),
        ],
        ErrorKind::StringTooLong => vec![
            s(Record, &format!(r#"{{"text":"{}"}}"#, "a".repeat(40_000))),
            s(Record, &format!(r#"{{"id":"{}"}}"#, "x".repeat(65))),
            s(Record, &format!(r#"{{"{}":1}}"#, "k".repeat(33_000))),
            s(
                Policy,
                &format!(r#"{{"beyond_authority_tier":"{}"}}"#, "x".repeat(300)),
            ),
        ],
        ErrorKind::InvalidPolicy => vec![
            s(Policy, r#"{"bands":{"emotion":[7,4,9]}}"#),
            s(Policy, r#"{"severity_levels":[70,40]}"#),
            s(
                Policy,
                r#"{"effect":{"very_late_factor":2},"claim_limit_permille":1000}"#,
            )
            .clone(),
        ]
        .into_iter()
        .filter(|(_, input)| parse_policy(input).is_err())
        .collect(),
    }
}

/// The words of `message`, lowercased, punctuation and quotes dropped.
fn words(message: &str) -> Vec<String> {
    message
        .split(|c: char| c.is_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, ';' | ',' | '.' | ':' | '?' | '(' | ')'))
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A run of three words that occurs twice, if any (what "string too long;
/// expected string too long" does).
fn repeated_phrase(message: &str) -> Option<String> {
    let w = words(message);
    let phrases: Vec<String> = w.windows(3).map(|p| p.join(" ")).collect();
    for (i, p) in phrases.iter().enumerate() {
        if phrases[i + 1..].contains(p) {
            return Some(p.clone());
        }
    }
    None
}

fn check(doc: Doc, input: &[u8], e: &ParseError) {
    let message = e.to_string();
    let context = format!(
        "{doc:?} {:?}: {message}",
        String::from_utf8_lossy(&input[..input.len().min(80)])
    );
    let prefix = format!("byte {}: ", e.offset);
    assert!(message.starts_with(&prefix), "{context}");
    let sentence = &message[prefix.len()..];
    // What is wrong, then what is accepted (or the likely intended name).
    let (wrong, accepted) = sentence
        .split_once("; ")
        .unwrap_or_else(|| panic!("no clause saying what is accepted: {context}"));
    assert!(wrong.len() > 8, "{context}");
    assert!(
        accepted.contains("accepted")
            || accepted.contains(" must ")
            || accepted.starts_with("did you mean "),
        "{context}"
    );
    assert!(
        !sentence.ends_with(' ') && !sentence.contains("  "),
        "{context}"
    );
    println!("{message}");
    if let Some(p) = repeated_phrase(sentence) {
        panic!("repeats \"{p}\": {context}");
    }
    if !e.field.is_empty() {
        assert!(
            sentence.contains(&format!("`{}", e.field)),
            "does not name the field: {context}"
        );
    }
}

#[test]
fn every_kind_has_a_message_that_is_one_sentence() {
    for kind in ErrorKind::ALL {
        let cases = inputs(*kind);
        assert!(!cases.is_empty(), "no input for {kind:?}");
        for (doc, input) in cases {
            let e = parse(doc, &input);
            assert_eq!(
                e.kind,
                *kind,
                "{doc:?} {:?}: {e}",
                String::from_utf8_lossy(&input[..input.len().min(80)])
            );
            check(doc, &input, &e);
        }
    }
}

#[test]
fn the_repetition_check_catches_the_old_messages() {
    for old in [
        "string too long; expected string too long",
        "nesting too deep; expected nesting too deep",
        "input too large; expected input too large",
    ] {
        assert!(repeated_phrase(old).is_some(), "{old}");
    }
    assert_eq!(
        repeated_phrase("`text` is 40000 bytes; at most 32768 bytes are accepted"),
        None
    );
}

/// Errors the guard finds (syntax, limits) name the field they fall in.
#[test]
fn limit_and_syntax_errors_name_their_field() {
    let cases: [(String, ErrorKind, &str, Option<u16>); 6] = [
        (
            format!(r#"{{"id":"a","text":"{}"}}"#, "a".repeat(40_000)),
            ErrorKind::StringTooLong,
            "text",
            None,
        ),
        (
            r#"{"rights":["know",["x"]]}"#.into(),
            ErrorKind::TooDeep,
            "rights",
            Some(1),
        ),
        (
            "{\"id\":\"a\u{1}\"}".into(),
            ErrorKind::InvalidJson,
            "id",
            None,
        ),
        (
            r#"{"threats":["media" "churn"]}"#.into(),
            ErrorKind::InvalidJson,
            "threats",
            // The comma is missing after the first element.
            Some(0),
        ),
        (
            r#"{"emotion":1x}"#.into(),
            ErrorKind::InvalidJson,
            "emotion",
            None,
        ),
        (r#"{"id":"a",}"#.into(), ErrorKind::InvalidJson, "", None),
    ];
    for (input, kind, field, index) in cases {
        let e = parse_complaint(input.as_bytes()).unwrap_err();
        assert_eq!((e.kind, e.field, e.index), (kind, field, index), "{e}");
    }
}

#[test]
fn sizes_are_stated_with_the_limit() {
    let e =
        parse_complaint(format!(r#"{{"text":"{}"}}"#, "a".repeat(40_000)).as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "byte 32777: `text` is 40000 bytes; at most 32768 bytes are accepted"
    );
    let e = parse_complaint(format!(r#"{{"id":"{}"}}"#, "é".repeat(33)).as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "byte 6: `id` is 66 bytes; at most 64 bytes are accepted"
    );
    let record = format!(r#"{{"text":"{}"}}"#, "a".repeat(70_000));
    let e = parse_complaint(record.as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "byte 65536: the input is {} bytes; at most 65536 bytes are accepted",
            record.len()
        )
    );
    let e = parse_complaint(br#"{"rights":[["know"]]}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "byte 11: `rights[0]` is nested too deep; nesting of at most 2 levels (the record and its lists) is accepted"
    );
}

#[test]
fn typos_get_the_closest_name() {
    let e = parse_complaint(br#"{"emotoin":7}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "byte 1: unknown field `emotoin`; did you mean `emotion`?"
    );
    assert_eq!(e.suggestion, "emotion");
    let e = parse_complaint(br#"{"category":"biling"}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "byte 12: `category` has the unknown value \"biling\"; did you mean \"billing\"?"
    );
    let e = parse_complaint(br#"{"threats":["media","lawsiut"]}"#).unwrap_err();
    assert_eq!((e.suggestion, e.index), ("lawsuit", Some(1)));
    // Nothing close: the accepted names are listed.
    let e = parse_complaint(br#"{"colour":"red"}"#).unwrap_err();
    assert_eq!(e.suggestion, "");
    assert!(
        e.to_string()
            .starts_with("byte 1: unknown field `colour`; the accepted fields are id, category, "),
        "{e}"
    );
    let e = parse_policy(br#"{"points":{"threat.meda":{"impact":1}}}"#).unwrap_err();
    assert_eq!(e.suggestion, "threat.media");
    let e = parse_policy(br#"{"resolution_hour":[1,2,3]}"#).unwrap_err();
    assert_eq!(e.suggestion, "resolution_hours");
    let e = parse_outcome(br#"{"reopend":true}"#).unwrap_err();
    assert_eq!(e.suggestion, "reopened");
}

/// The limits the messages state are the readers' limits.
#[test]
fn stated_limits_are_the_limits() {
    let e =
        parse_policy(format!(r#"{{"beyond_authority_tier":"{}"}}"#, "x".repeat(257)).as_bytes())
            .unwrap_err();
    assert!(
        e.to_string()
            .ends_with("`beyond_authority_tier` is 257 bytes; at most 256 bytes are accepted"),
        "{e}"
    );
    assert!(
        parse_policy(format!(r#"{{"beyond_authority_tier":"{}"}}"#, "x".repeat(256)).as_bytes())
            .unwrap_err()
            .kind
            != ErrorKind::StringTooLong
    );
    let e = parse_outcome(format!(r#"{{"{}":1}}"#, "k".repeat(65)).as_bytes()).unwrap_err();
    assert!(
        e.to_string()
            .ends_with("a string is 65 bytes; at most 64 bytes are accepted"),
        "{e}"
    );
    let e = parse_outcome(br#"{"satisfaction":{}}"#).unwrap_err();
    assert!(
        e.to_string()
            .ends_with("nesting of at most 1 level (the outcome object) is accepted"),
        "{e}"
    );
    let e = parse_policy(br#"{"points":{"threat.media":{"impact":[1]}}}"#).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooDeep, "{e}");
    assert!(e.to_string().contains("at most 3 levels"), "{e}");
}

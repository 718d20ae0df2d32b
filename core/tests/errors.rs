//! Bad input: every error path, with its message, field and offset; the
//! JSONTestSuite parsing cases; absurd nesting.

use complaint_triage::*;

fn err(input: &str) -> ParseError {
    parse_complaint(input.as_bytes()).expect_err(input)
}

#[test]
fn record_errors_name_the_field_and_the_offset() {
    let e = err(r#"{"id":"a","emotoin":3}"#);
    assert_eq!(
        (e.kind, e.offset, e.field, e.found.as_str()),
        (ErrorKind::UnknownField, 10, "", "emotoin")
    );
    assert_eq!(
        e.to_string(),
        "byte 10: unknown field `emotoin`; did you mean `emotion`?"
    );

    let e = err(r#"{"category": "biling"}"#);
    assert_eq!(
        (e.kind, e.offset, e.field),
        (ErrorKind::UnknownValue, 13, "category")
    );
    assert_eq!(
        e.to_string(),
        format!("byte 13: `category` has the unknown value \"biling\"; did you mean \"billing\"?")
    );

    let e = err(r#"{"threats":["media", "tv"]}"#);
    assert_eq!(
        (e.kind, e.offset, e.field, e.index),
        (ErrorKind::UnknownValue, 21, "threats", Some(1))
    );
    assert!(
        e.to_string().starts_with(
            "byte 21: `threats[1]` has the unknown value \"tv\"; the accepted values are media, "
        ),
        "{e}"
    );

    let e = err(r#"{"emotion":11}"#);
    assert_eq!(
        (e.kind, e.offset, e.field),
        (ErrorKind::OutOfRange, 11, "emotion")
    );
    assert_eq!(
        e.to_string(),
        "byte 11: `emotion` is 11; an integer in 0..=10 is accepted"
    );

    let e = err(r#"{"emotion": "3"}"#);
    assert_eq!(
        (e.kind, e.offset, e.field),
        (ErrorKind::WrongType, 12, "emotion")
    );
    assert_eq!(
        e.to_string(),
        "byte 12: `emotion` has the wrong type; an integer in 0..=10 is accepted"
    );

    let e = err(r#"{"hours_open":1.5}"#);
    assert_eq!(
        (e.kind, e.field, e.offset),
        (ErrorKind::WrongType, "hours_open", 14)
    );
    let e = err(r#"{"prior_contacts":-1}"#);
    assert_eq!((e.kind, e.field), (ErrorKind::OutOfRange, "prior_contacts"));
    let e = err(r#"{"direct_loss":99999999999999999999999}"#);
    assert_eq!((e.kind, e.field), (ErrorKind::OutOfRange, "direct_loss"));
    let e = err(r#"{"safety_incident":null}"#);
    assert_eq!(
        (e.kind, e.field, e.expected),
        (ErrorKind::WrongType, "safety_incident", "true or false")
    );
    let e = err(r#"{"threats":"media"}"#);
    assert_eq!(
        (e.kind, e.field, e.expected),
        (ErrorKind::WrongType, "threats", "an array of strings")
    );
    let e = err(r#"{"emotion":1,"emotion":2}"#);
    assert_eq!(
        (e.kind, e.field, e.offset),
        (ErrorKind::DuplicateField, "emotion", 13)
    );
    let e = err(&format!(r#"{{"id":"{}"}}"#, "é".repeat(33)));
    assert_eq!(
        (e.kind, e.field, e.offset),
        (ErrorKind::StringTooLong, "id", 6)
    );
    let e = err("[]");
    assert_eq!((e.kind, e.offset), (ErrorKind::NotAnObject, 0));
    let e = err("  ");
    assert_eq!(e.kind, ErrorKind::InvalidJson);
    let e = err(r#"{"rights":[[[1]]]}"#);
    assert_eq!(e.kind, ErrorKind::TooDeep);
}

#[test]
fn a_key_written_with_escapes_is_the_same_key() {
    let c = parse_complaint(br#"{"\u0065motion":4,"c\u0061tegory":"bi\u006cling"}"#).unwrap();
    assert_eq!((c.emotion, c.category), (4, Category::Billing));
}

#[test]
fn invalid_utf8_is_rejected() {
    assert_eq!(
        parse_complaint(b"{\"id\":\"\xff\"}").unwrap_err().kind,
        ErrorKind::InvalidJson
    );
    assert_eq!(
        parse_complaint(b"{\"text\":\"\xe6\x9c\"}")
            .unwrap_err()
            .kind,
        ErrorKind::InvalidJson
    );
}

#[test]
fn policy_errors_name_the_key() {
    let e = parse_policy(br#"{"points":{"threat.tv":{"impact":1}}}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.field, e.found.as_str()),
        (ErrorKind::UnknownField, "points", "threat.tv")
    );
    let e = parse_policy(br#"{"points":{"threat.media":{"impact":101}}}"#).unwrap_err();
    assert_eq!((e.kind, e.field), (ErrorKind::OutOfRange, "points"));
    let e = parse_policy(br#"{"bands":{"emotion":[7,4,9]}}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.field, e.found.as_str()),
        (ErrorKind::InvalidPolicy, "bands", "emotion")
    );
    // Validation runs once the whole policy is read: it points at the key that holds the bad entry.
    assert_eq!(e.offset, 1);
    let e = parse_policy(br#"{"resolution_hours":[1,2]}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.field, e.expected),
        (
            ErrorKind::WrongType,
            "resolution_hours",
            "an array of exactly 5 values"
        )
    );
    // Too long: about the array (not an element one past its end), with
    // how many elements it has.
    let e = parse_policy(br#"{"resolution_hours":[1,2,3,4]}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.field, e.index, e.size, e.offset),
        (ErrorKind::WrongType, "resolution_hours", None, Some(4), 20)
    );
    let e = parse_policy(br#"{"grade_matrix":[["minor","minor","huge"],["minor","minor","minor"],["minor","minor","minor"]]}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.field, e.found.as_str()),
        (ErrorKind::UnknownValue, "grade_matrix", "huge")
    );
    let e = parse_policy(br#"{"jurisdiction_cap_hours":{"none":5}}"#).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownField);
    let e = parse_policy(br#"{"severity_levels":[35,65],"severity_levels":[35,65]}"#).unwrap_err();
    assert_eq!(e.kind, ErrorKind::DuplicateField);
    // A failed parse leaves the policy as it was.
    let mut p = Policy::DEFAULT;
    assert!(parse_policy_into(
        br#"{"resolution_hours":[1,2,3],"impact_levels":[90,10]}"#,
        &mut p
    )
    .is_err());
    assert_eq!(p, Policy::DEFAULT);
}

#[test]
fn the_default_policy_round_trips_through_json() {
    let mut buf = vec![0u8; 64 * 1024];
    let n = write_policy_json(&Policy::DEFAULT, &mut buf).unwrap();
    assert_eq!(parse_policy(&buf[..n]).unwrap(), Policy::DEFAULT);
    let mut custom = Policy::DEFAULT;
    let factor = Factor::from_index(3).unwrap();
    let mut row = custom.points.get(factor);
    row[1] = -7;
    custom.points.set(factor, row);
    custom.resolution_hours = [10, 20, 30, 40, 50];
    custom.jurisdiction_cap_hours[2] = 99;
    custom.regulator_clock_hours[8] = 77;
    custom.follow_up_hours = [1, 2, 3, 4, 5];
    custom.affected_gate_customers = [5, 50, 500];
    custom.gates[Gate::Press as usize] = GateFloor {
        grade: Grade::Critical,
        tier: Tier::Specialist,
        priority: 3,
    };
    let n = write_policy_json(&custom, &mut buf).unwrap();
    assert_eq!(parse_policy(&buf[..n]).unwrap(), custom);
}

#[test]
fn unknown_band_and_jurisdiction_keys_list_what_is_accepted() {
    let e = parse_policy(br#"{"bands":{"age":[1]}}"#).unwrap_err();
    assert_eq!((e.kind, e.field), (ErrorKind::UnknownField, "bands"));
    assert_eq!(
        e.expected,
        "tenure_months, emotion, prior_contacts, hours_open, affected_customers, direct_loss, departments"
    );
    let e = parse_policy(br#"{"jurisdiction_cap_hours":{"none":1}}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.field),
        (ErrorKind::UnknownField, "jurisdiction_cap_hours")
    );
    assert_eq!(
        e.expected,
        "us_cfpb, uk_fca, cn_banking, cn_telecom, cn_consumer, uk_fca_payments, tw_consumer, hk_hkma"
    );
    let e = parse_policy(br#"{"regulator_clock_hours":{"hk_hkma":0}}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.field),
        (ErrorKind::OutOfRange, "regulator_clock_hours")
    );
}

#[test]
fn gate_floors_are_read_and_their_errors_name_the_gate() {
    let p = parse_policy(
        br#"{"gates":{"press":{"priority":1},"attitude":{"tier":"frontline","grade":"minor"}}}"#,
    )
    .unwrap();
    assert_eq!(p.gates[Gate::Press as usize].priority, 1);
    assert_eq!(
        p.gates[Gate::Press as usize].grade,
        Policy::DEFAULT.gates[Gate::Press as usize].grade
    );
    assert_eq!(p.gates[Gate::Attitude as usize].tier, Tier::Frontline);
    let e = parse_policy(br#"{"gates":{"pres":{"priority":1}}}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.field, e.found.as_str()),
        (ErrorKind::UnknownField, "gates", "pres")
    );
    assert!(e.expected.contains("past_regulatory_deadline"));
    let e = parse_policy(br#"{"gates":{"press":{"priority":6}}}"#).unwrap_err();
    assert_eq!((e.kind, e.field), (ErrorKind::OutOfRange, "gates"));
    let e = parse_policy(br#"{"gates":{"press":{"level":"high"}}}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.field, e.expected),
        (ErrorKind::UnknownField, "gates", "grade, tier, priority")
    );
    let e = parse_policy(br#"{"gates":{"press":{"grade":"huge"}}}"#).unwrap_err();
    assert_eq!((e.kind, e.field), (ErrorKind::UnknownValue, "gates"));
    let e = parse_policy(br#"{"affected_gate_customers":[100,10,1000]}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.field),
        (ErrorKind::InvalidPolicy, "affected_gate_customers")
    );
}

#[test]
fn outcome_errors() {
    let e = parse_outcome(br#"{"satisfaction":0}"#).unwrap_err();
    assert_eq!((e.kind, e.field), (ErrorKind::OutOfRange, "satisfaction"));
    let e = parse_outcome(br#"{"reopen":true}"#).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownField);
}

fn suite() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/json-test-suite/test_parsing");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/json-test-suite")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_invalid_json_of_the_suite_is_rejected_and_nothing_crashes() {
    let cases = suite();
    assert!(cases.len() > 300);
    let mut rejected = 0;
    for (name, bytes) in &cases {
        let record = parse_complaint(bytes);
        let _ = parse_policy(bytes);
        let _ = parse_outcome(bytes);
        if name.starts_with("n_") {
            let e = record.clone().expect_err(name);
            assert!(
                matches!(
                    e.kind,
                    ErrorKind::InvalidJson
                        | ErrorKind::TooDeep
                        | ErrorKind::NotAnObject
                        | ErrorKind::TooLarge
                ),
                "{name}: {e}"
            );
            rejected += 1;
        }
        if name.starts_with("y_") {
            // Valid JSON: accepted, or refused only for not fitting the contract.
            if let Err(e) = record {
                assert!(
                    !matches!(e.kind, ErrorKind::InvalidJson),
                    "{name} is valid JSON: {e}"
                );
            }
        }
    }
    assert!(rejected > 180, "{rejected}");
}

#[test]
fn a_million_levels_of_nesting_cannot_overflow_the_stack() {
    for open in [b'[', b'{'] {
        let mut deep = vec![open; 1_000_000];
        if open == b'{' {
            deep = b"{\"a\":".repeat(200_000);
        }
        let e = parse_complaint(&deep).unwrap_err();
        assert!(
            matches!(
                e.kind,
                ErrorKind::TooLarge | ErrorKind::TooDeep | ErrorKind::NotAnObject
            ),
            "{e}"
        );
        // Within the size limit, depth is what stops it, at the first bracket past the limit.
        let small = &deep[..60_000];
        let e = parse_complaint(small).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooDeep, "{e}");
        assert_eq!(e.offset, if open == b'[' { 2 } else { 10 }, "{e}");
        let _ = parse_policy(small);
    }
}

proptest::proptest! {
    /// An error message quotes the text it found as Rust's `{:?}` would,
    /// for the text records hold (printable characters of any script and
    /// control characters), without carrying `{:?}`'s machinery.
    #[test]
    fn messages_quote_found_text_as_debug_does(found in "[ -~\t\r\n\u{0}-\u{1f}\u{7f}é中文€]{1,12}") {
        let string = serde_json::to_string(&found).unwrap();
        let record = format!("{{\"category\":{string}}}");
        let e = parse_complaint(record.as_bytes()).unwrap_err();
        proptest::prop_assert_eq!(e.kind, ErrorKind::UnknownValue);
        // The error quotes the string as written in the record.
        let written = &string[1..string.len() - 1];
        // Longer text is cut at a character boundary within FOUND_CAPACITY bytes.
        proptest::prop_assert!(written.starts_with(e.found.as_str()));
        if written.len() <= FOUND_CAPACITY {
            proptest::prop_assert_eq!(e.found.as_str(), written);
        }
        let message = e.to_string();
        let quoted = format!(" {:?};", e.found.as_str());
        proptest::prop_assert!(message.contains(&quoted), "{} lacks {}", message, quoted);
    }
}

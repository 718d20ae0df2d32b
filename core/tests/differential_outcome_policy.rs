//! The outcome and policy readers (and the policy writer) against the
//! serde-json-core based ones they replaced, kept in `serde_reference/`:
//! on every input both must give the same value, or the same error (kind,
//! field, index, offset, expected, found, hence the same message) except
//! where the reference's errors were wrong or vague (see `same`).
//!
//! Inputs: the JSONTestSuite parsing cases; documents built from the
//! contract's keys and codes with values of every shape (wrong types,
//! numbers at and past each range and type limit, fractions, exponents,
//! short and long arrays, escaped keys and codes); and byte mutations of
//! the full default policy and of such documents. `PROPTEST_CASES` sets
//! the number of cases (2000 by default).

mod serde_reference;

use complaint_triage::{
    parse_outcome, parse_policy, parse_policy_into, write_policy_json, Band, Code, Dimension,
    ErrorKind, Grade, Jurisdiction, ParseError, Policy, Tier, FACTORS, OUTCOME_FIELDS,
};
use proptest::prelude::*;

fn check_outcome(doc: &[u8]) {
    let want = serde_reference::parse_outcome(doc);
    let got = parse_outcome(doc);
    same(&got, &want, "outcome", doc);
}

/// The same value, or errors that agree: exactly (hence the same message)
/// where the readers report the same thing, and as far as the reference
/// reported it right elsewhere. The reference's errors within arrays were
/// at the array's bracket with the array's expectation (or one past the
/// end for a long array): there only the key is compared (the element's
/// own position is checked by `policy_arrays.rs`). The guard's errors now
/// name the field they fall in and the size of what is too large; unknown
/// names suggest the closest one; a repeated key is named.
fn same<T: PartialEq + std::fmt::Debug>(
    got: &Result<T, ParseError>,
    want: &Result<T, ParseError>,
    what: &str,
    doc: &[u8],
) {
    let context = || format!("{what} {:?}", String::from_utf8_lossy(doc));
    let (g, w) = match (got, want) {
        (Err(g), Err(w)) => (g, w),
        _ => return assert_eq!(got, want, "{}", context()),
    };
    let in_array = g.index.is_some() || w.index.is_some() || g.size.is_some();
    match g.kind {
        ErrorKind::InvalidJson
        | ErrorKind::TooDeep
        | ErrorKind::StringTooLong
        | ErrorKind::TooLarge => {
            assert_eq!((g.kind, g.offset), (w.kind, w.offset), "{}", context())
        }
        _ if in_array && g.kind != ErrorKind::UnknownField => {
            assert_eq!(g.field, w.field, "{}", context())
        }
        ErrorKind::DuplicateField => assert_eq!(
            (g.kind, g.offset, g.field),
            (w.kind, w.offset, w.field),
            "{}",
            context()
        ),
        _ => {
            let mut g = g.clone();
            g.suggestion = "";
            assert_eq!(&g, w, "{}", context());
            assert_eq!(g.to_string(), w.to_string());
        }
    }
}

fn check_policy(doc: &[u8]) {
    let want = serde_reference::parse_policy(doc);
    let got = parse_policy(doc);
    same(&got, &want, "policy", doc);
    // Onto a base that is not the default: the same result, and the base
    // left unchanged on error.
    let mut base = Policy::DEFAULT;
    base.resolution_hours = [9, 25, 49, 97, 121];
    base.effect.base = 33;
    let (mut a, mut b) = (base.clone(), base.clone());
    same(
        &parse_policy_into(doc, &mut a),
        &serde_reference::parse_policy_into(doc, &mut b),
        "policy onto a base",
        doc,
    );
    assert_eq!(a, b);
    if let Ok(p) = got {
        check_writer(&p);
    }
}

fn check_writer(p: &Policy) {
    let mut want = vec![0u8; 64 * 1024];
    let n = serde_reference::write_policy_json(p, &mut want).expect("fits");
    let mut got = vec![0u8; 64 * 1024];
    assert_eq!(write_policy_json(p, &mut got), Ok(n));
    assert_eq!(
        std::str::from_utf8(&got[..n]),
        std::str::from_utf8(&want[..n])
    );
    for short in [0, 1, n / 2, n - 1] {
        let mut buf = vec![0u8; short];
        assert!(
            write_policy_json(p, &mut buf).is_err(),
            "{short} of {n} bytes"
        );
    }
}

fn suite() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/json-test-suite/test_parsing");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/json-test-suite")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn json_test_suite_cases_agree() {
    let cases = suite();
    assert!(cases.len() > 300);
    for doc in &cases {
        check_outcome(doc);
        check_policy(doc);
    }
}

fn default_policy_json() -> String {
    let mut buf = vec![0u8; 64 * 1024];
    let n = serde_reference::write_policy_json(&Policy::DEFAULT, &mut buf).unwrap();
    String::from_utf8(buf[..n].to_vec()).unwrap()
}

#[test]
fn default_policy_round_trips_and_agrees() {
    let doc = default_policy_json();
    check_policy(doc.as_bytes());
    assert_eq!(parse_policy(doc.as_bytes()).unwrap(), Policy::DEFAULT);
    check_writer(&Policy::DEFAULT);
}

#[test]
fn hand_picked_cases_agree() {
    let policy: &[&str] = &[
        r#"{"severity_levels":[1.5,50]}"#,
        r#"{"severity_levels":[50,1.5]}"#,
        r#"{"severity_levels":[ 0 ,50]}"#,
        r#"{"severity_levels":[50,0]}"#,
        r#"{"severity_levels":[50,70,0]}"#,
        r#"{"severity_levels":[50,70,80]}"#,
        r#"{"severity_levels":[50]}"#,
        r#"{"severity_levels":[-1,50]}"#,
        r#"{"severity_levels":[1e1,50]}"#,
        r#"{"severity_levels":50}"#,
        r#"{"priority_matrix":[[1,2,3],[1,2,3],[1,2,3],[1,2,3]]}"#,
        r#"{"priority_matrix":[[1,2,3],[1,2.5,3],[1,2,3]]}"#,
        r#"{"priority_matrix":[[1,2,3],[1,2],[1,2,3]]}"#,
        r#"{"priority_matrix":[[1,2,3],7,[1,2,3]]}"#,
        r#"{"grade_matrix":[["minor","minor","x"]]}"#,
        r#"{"grade_matrix":[["minor","minor","minor"],["minor"]]}"#,
        r#"{"grade_matrix":[["minor","minor","minor"],3]}"#,
        r#"{"tier_by_grade":["frontline",1]}"#,
        r#"{"tier_by_grade":["frontl\u0069ne","x"]}"#,
        r#"{"beyond_authority_tier":1}"#,
        r#"{"effect":{"satisfaction":[-100,-50,0,50,101]}}"#,
        r#"{"effect":{"satisfaction":[-100,-50,0,50,-9223372036854775809]}}"#,
        r#"{"effect":{"satisfaction":[-1.5,-50,0,50,100]}}"#,
        r#"{"effect":{"base":-0,"late":-1.5}}"#,
        r#"{"effect":{"base":-9223372036854775808}}"#,
        r#"{"effect":{"very_late_factor":-1}}"#,
        r#"{"bands":{"emotion":[1,2,18446744073709551615]}}"#,
        r#"{"bands":{"emotion":[1,2,18446744073709551616]}}"#,
        r#"{"points":{"threat.media":{"impact":40,"imp\u0061ct":1}}}"#,
        r#"{"points":{"threat.media":7}}"#,
        r#"{"jurisdiction_cap_hours":{"none":1}}"#,
        r#"{"claim_limit_permille":999,"claim_limit_permille":1000}"#,
        r#"{"severity_levels":[70,40]}"#,
        r#"{"a\u0062cdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz":1}"#,
    ];
    for doc in policy {
        check_policy(doc.as_bytes());
    }
    let outcome: &[&str] = &[
        r#"{"satisfaction":0}"#,
        r#"{"satisfaction":-0}"#,
        r#"{"satisfaction":4.0}"#,
        r#"{"satisfaction":99999999999999999999}"#,
        r#"{"satisfaction":"4"}"#,
        r#"{"reopened":1}"#,
        r#"{"reopened":true,"re\u006fpened":false}"#,
        r#"{"reopen":true}"#,
        r#"[]"#,
        r#"{"hours_to_resolve":1000001}"#,
    ];
    for doc in outcome {
        check_outcome(doc.as_bytes());
    }
}

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "2",
    "4",
    "5",
    "6",
    "-1",
    "-5",
    "40",
    "99",
    "100",
    "101",
    "-100",
    "-101",
    "999",
    "1000",
    "1.5",
    "-1.5",
    "0.5",
    "1e3",
    "1E2",
    "-2e-1",
    "65535",
    "65536",
    "1000000",
    "1000001",
    "1000000000000000",
    "1000000000000001",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999.5",
];

fn codes() -> Vec<String> {
    let mut v: Vec<String> = vec![];
    v.extend(Grade::ALL.iter().map(|g| Code::code(*g).to_string()));
    v.extend(Tier::ALL.iter().map(|t| Code::code(*t).to_string()));
    v.extend(Jurisdiction::ALL.iter().map(|j| Code::code(*j).to_string()));
    v.extend(Dimension::ALL.iter().map(|d| d.code().to_string()));
    v.extend(Band::ALL.iter().map(|b| b.field().to_string()));
    v.extend(FACTORS.iter().take(12).map(|f| f.code.to_string()));
    v.extend(OUTCOME_FIELDS.iter().map(|s| s.to_string()));
    // The policy's keys, as the reference reader knows them.
    v.extend(serde_reference::TOP_KEYS.map(String::from));
    v.extend(serde_reference::EFFECT_KEYS.map(String::from));
    v.extend(
        [
            "x",
            "",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
        ]
        .map(String::from),
    );
    v
}

/// A code or key as a JSON string, sometimes with its first letter escaped.
fn string() -> impl Strategy<Value = String> {
    (prop::sample::select(codes()), any::<u8>()).prop_map(|(s, how)| {
        match (how % 4, s.chars().next()) {
            (0, Some(c)) => format!("\"\\u{:04x}{}\"", c as u32, &s[c.len_utf8()..]),
            _ => format!("\"{s}\""),
        }
    })
}

fn ws() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", "", "", " ", "\n\t "])
}

fn value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        prop::sample::select(NUMBERS).prop_map(String::from),
        any::<i64>().prop_map(|v| v.to_string()),
        (0u64..120).prop_map(|v| v.to_string()),
        prop::sample::select(vec!["true", "false", "null"]).prop_map(String::from),
        string(),
    ];
    leaf.prop_recursive(3, 40, 6, |inner| {
        prop_oneof![
            (prop::collection::vec((inner.clone(), ws()), 0..7)).prop_map(|items| {
                let parts: Vec<String> =
                    items.into_iter().map(|(v, w)| format!("{w}{v}")).collect();
                format!("[{}]", parts.join(","))
            }),
            prop::collection::vec((string(), ws(), inner), 0..4).prop_map(|members| {
                let parts: Vec<String> = members
                    .into_iter()
                    .map(|(k, w, v)| format!("{k}{w}:{v}"))
                    .collect();
                format!("{{{}}}", parts.join(","))
            }),
        ]
    })
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec((string(), ws(), value()), 0..5).prop_map(|members| {
        let parts: Vec<String> = members
            .into_iter()
            .map(|(k, w, v)| format!("{w}{k}:{w}{v}"))
            .collect();
        format!("{{{}}}", parts.join(","))
    })
}

/// Edits of a document: delete, replace or insert a byte, or copy a span.
fn mutate(doc: &str, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    const BYTES: &[u8] = b"0123456789-.eE,:[]{}\" tfn\\ax";
    let mut d = doc.as_bytes().to_vec();
    for &(at, op, b) in edits {
        if d.is_empty() {
            break;
        }
        let at = at % d.len();
        let b = BYTES[b as usize % BYTES.len()];
        match op % 4 {
            0 => {
                d.remove(at);
            }
            1 => d[at] = b,
            2 => d.insert(at, b),
            _ => {
                let end = (at + 1 + b as usize % 12).min(d.len());
                let span = d[at..end].to_vec();
                d.splice(at..at, span);
            }
        }
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(2000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn built_documents_agree(doc in document()) {
        check_outcome(doc.as_bytes());
        check_policy(doc.as_bytes());
    }

    #[test]
    fn mutated_documents_agree(
        doc in document(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..4),
    ) {
        let d = mutate(&doc, &edits);
        check_outcome(&d);
        check_policy(&d);
    }

    #[test]
    fn mutated_default_policies_agree(
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..4),
    ) {
        check_policy(&mutate(&default_policy_json(), &edits));
    }
}

//! Errors within every array of a policy: the bad element's own value,
//! offset, index (row and column in a matrix) and expectation; an array of
//! the wrong length is reported at its bracket with its length, never at
//! an index past its end. The arrays are found in the default policy as
//! the writer writes it, so a new array key is covered without a change
//! here.

use complaint_triage::{parse_policy, write_policy_json, ErrorKind, ParseError, Policy};
use serde_json::Value;

/// An array of the policy: its top-level key, the key within that key's
/// object (for `bands` and `effect`), and its default elements.
struct ArrayKey {
    key: String,
    inner_key: Option<String>,
    elements: Vec<Value>,
}

fn array_keys() -> Vec<ArrayKey> {
    let mut buf = vec![0u8; 64 * 1024];
    let n = write_policy_json(&Policy::DEFAULT, &mut buf).unwrap();
    let doc: Value = serde_json::from_slice(&buf[..n]).unwrap();
    let mut keys = Vec::new();
    for (key, value) in doc.as_object().unwrap() {
        match value {
            Value::Array(elements) => keys.push(ArrayKey {
                key: key.clone(),
                inner_key: None,
                elements: elements.clone(),
            }),
            Value::Object(members) => {
                for (inner, value) in members {
                    if let Value::Array(elements) = value {
                        keys.push(ArrayKey {
                            key: key.clone(),
                            inner_key: Some(inner.clone()),
                            elements: elements.clone(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    keys
}

/// A policy document holding `array` (written as given) under the key,
/// and the offset at which `array` starts.
fn document(k: &ArrayKey, array: &str) -> (String, usize) {
    let mut doc = format!("{{\"{}\": ", k.key);
    if let Some(inner) = &k.inner_key {
        doc.push_str(&format!("{{\"{inner}\": "));
    }
    let at = doc.len();
    doc.push_str(array);
    doc.push('}');
    if k.inner_key.is_some() {
        doc.push('}');
    }
    (doc, at)
}

/// Elements written as a JSON array (with a space after each comma, so
/// that offsets are not those of a compact text), with each one's offset
/// within the text.
fn write_array(elements: &[String]) -> (String, Vec<usize>) {
    let mut text = String::from("[");
    let mut offsets = Vec::new();
    for (i, e) in elements.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        offsets.push(text.len());
        text.push_str(e);
    }
    text.push(']');
    (text, offsets)
}

/// A value of the element's kind that is out of its range or vocabulary,
/// and the error kind that says so.
fn bad_like(v: &Value) -> (&'static str, ErrorKind) {
    match v {
        Value::String(_) => ("\"nope\"", ErrorKind::UnknownValue),
        _ => ("-1000", ErrorKind::OutOfRange),
    }
}

fn parse_err(doc: &str) -> ParseError {
    parse_policy(doc.as_bytes()).expect_err(doc)
}

/// The error of a bad element at `[i]` (or `[i][j]`), located and quoted.
fn check_element_error(
    e: &ParseError,
    k: &ArrayKey,
    doc: &str,
    at: usize,
    index: (u16, Option<u16>),
    found: &str,
) {
    let context = format!("{doc}: {e}");
    assert_eq!(e.field, k.key, "{context}");
    assert_eq!((e.index, e.subindex), (Some(index.0), index.1), "{context}");
    assert_eq!(e.offset, at, "{context}");
    assert_eq!(e.found.as_str(), found.trim_matches('"'), "{context}");
    assert!(!e.expected.starts_with("an array"), "{context}");
    let mut path = format!("`{}[{}]", k.key, index.0);
    if let Some(j) = index.1 {
        path.push_str(&format!("[{j}]"));
    }
    assert!(e.to_string().contains(&format!("{path}`")), "{context}");
}

/// Each element of each array, made out of range (or an unknown code) and
/// of the wrong type in turn.
#[test]
fn a_bad_element_is_reported_at_itself() {
    let keys = array_keys();
    // Every array of the policy is here (bands' seven, effect.satisfaction,
    // money_bands' one per ISO currency).
    assert_eq!(
        keys.len(),
        13 + 7 + 1 + complaint_triage::ISO_CURRENCIES,
        "{:?}",
        keys.iter().map(|k| &k.key).collect::<Vec<_>>()
    );
    for k in &keys {
        let rows: Vec<Vec<String>> = k
            .elements
            .iter()
            .map(|e| match e {
                Value::Array(cells) => cells.iter().map(Value::to_string).collect(),
                other => vec![other.to_string()],
            })
            .collect();
        let matrix = k.elements.iter().all(Value::is_array);
        for i in 0..rows.len() {
            for j in 0..rows[i].len() {
                let element = if matrix {
                    &k.elements[i][j]
                } else {
                    &k.elements[i]
                };
                let (bad, kind) = bad_like(element);
                for (value, kind) in [(bad, kind), ("true", ErrorKind::WrongType)] {
                    let mut cells = rows.clone();
                    cells[i][j] = value.to_string();
                    let (doc, at) = if matrix {
                        let written: Vec<(String, Vec<usize>)> =
                            cells.iter().map(|r| write_array(r)).collect();
                        let (outer, row_offsets) =
                            write_array(&written.iter().map(|w| w.0.clone()).collect::<Vec<_>>());
                        let (doc, start) = document(k, &outer);
                        (doc, start + row_offsets[i] + written[i].1[j])
                    } else {
                        let (array, offsets) =
                            write_array(&cells.iter().map(|r| r[0].clone()).collect::<Vec<_>>());
                        let (doc, start) = document(k, &array);
                        (doc, start + offsets[i])
                    };
                    let e = parse_err(&doc);
                    assert_eq!(e.kind, kind, "{doc}: {e}");
                    let index = if matrix {
                        (i as u16, Some(j as u16))
                    } else {
                        (i as u16, None)
                    };
                    let found = if kind == ErrorKind::WrongType {
                        ""
                    } else {
                        value
                    };
                    check_element_error(&e, k, &doc, at, index, found);
                }
            }
        }
    }
}

/// Each array (and each row of a matrix) one element short and one too
/// long.
#[test]
fn a_wrong_length_is_reported_at_the_array_with_its_length() {
    for k in &array_keys() {
        let n = k.elements.len();
        let texts: Vec<String> = k.elements.iter().map(Value::to_string).collect();
        for len in [n - 1, n + 1] {
            let mut elements = texts.clone();
            elements.resize(len, texts[0].clone());
            let (array, _) = write_array(&elements);
            let (doc, at) = document(k, &array);
            let e = parse_err(&doc);
            let context = format!("{doc}: {e}");
            assert_eq!(e.kind, ErrorKind::WrongType, "{context}");
            assert_eq!(
                (e.field, e.index, e.subindex),
                (k.key.as_str(), None, None),
                "{context}"
            );
            assert_eq!((e.offset, e.size), (at, Some(len as u32)), "{context}");
            let values = if len == 1 { "value" } else { "values" };
            assert_eq!(
                e.to_string(),
                format!(
                    "byte {at}: `{}` has {len} {values}; an array of exactly {n} values is accepted",
                    k.key
                )
            );
        }
        // A matrix's second row, one short and one long.
        if let Some(Value::Array(row)) = k.elements.get(1) {
            let m = row.len();
            let cells: Vec<String> = row.iter().map(Value::to_string).collect();
            for len in [m - 1, m + 1] {
                let mut short = cells.clone();
                short.resize(len, cells[0].clone());
                let mut rows = texts.clone();
                let (row_text, _) = write_array(&short);
                rows[1] = row_text;
                let (outer, offsets) = write_array(&rows);
                let (doc, start) = document(k, &outer);
                let e = parse_err(&doc);
                let context = format!("{doc}: {e}");
                assert_eq!(
                    (e.field, e.index, e.subindex),
                    (k.key.as_str(), Some(1), None),
                    "{context}"
                );
                assert_eq!(
                    (e.offset, e.size),
                    (start + offsets[1], Some(len as u32)),
                    "{context}"
                );
            }
        }
    }
}

#[test]
fn the_reported_cases() {
    let e = parse_err(r#"{"severity_levels":[35,200]}"#);
    assert_eq!(
        e.to_string(),
        "byte 23: `severity_levels[1]` is 200; an integer in 1..=100 is accepted"
    );
    let e = parse_err(r#"{"resolution_hours":[24,72,168,300]}"#);
    assert_eq!(
        e.to_string(),
        "byte 20: `resolution_hours` has 4 values; an array of exactly 5 values is accepted"
    );
    let e = parse_err(r#"{"tier_by_grade":["frontline",1,"management","management"]}"#);
    assert_eq!(
        e.to_string(),
        "byte 30: `tier_by_grade[1]` has the wrong type; a string is accepted"
    );
}

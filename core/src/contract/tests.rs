//! The declared contract against what the readers and the struct do.

use std::format;
use std::string::String;
use std::vec::Vec;

use super::*;
use crate::json::RECORD_INT_RANGES;
use crate::{parse_complaint, ErrorKind, RECORD_FIELDS};

/// A record holding only `name` with the JSON value `value`.
fn record(name: &str, value: &str) -> String {
    format!("{{\"{name}\":{value}}}")
}

/// A value of the field other than its default, within the contract.
fn other_value(f: &FieldSpec) -> String {
    match f.kind {
        FieldKind::Id => "\"X-1\"".into(),
        FieldKind::Text => "\"I will call the media\"".into(),
        FieldKind::Bool => "true".into(),
        FieldKind::Int => format!("{}", if f.default == f.max { f.min } else { f.max }),
        FieldKind::Code => {
            let v = f.vocabulary.unwrap();
            let i = if f.default == 0 { v.len() - 1 } else { 0 };
            format!("\"{}\"", v.codes[i])
        }
        FieldKind::List => {
            let codes: Vec<String> = f
                .vocabulary
                .unwrap()
                .codes
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect();
            format!("[{}]", codes.join(","))
        }
    }
}

#[test]
fn record_fields_are_the_contract_names_in_order() {
    let names: Vec<&str> = RECORD_CONTRACT.iter().map(|f| f.name).collect();
    assert_eq!(names, RECORD_FIELDS);
    assert_eq!(names.first(), Some(&"id"));
    assert_eq!(names.last(), Some(&"text"));
}

#[test]
fn every_declared_field_is_read_and_changes_the_complaint() {
    for f in RECORD_CONTRACT {
        let json = record(f.name, &other_value(f));
        let c = parse_complaint(json.as_bytes())
            .unwrap_or_else(|e| panic!("{json}: the readers reject a declared value: {e}"));
        assert_ne!(
            c,
            Complaint::DEFAULT,
            "{json}: the readers ignore `{}`",
            f.name
        );
    }
}

#[test]
fn the_declared_defaults_are_the_complaint_defaults() {
    for f in RECORD_CONTRACT {
        let value = match f.default_code() {
            Some(code) if f.kind == FieldKind::Code => format!("\"{code}\""),
            Some(code) => code.into(),
            None => format!("{}", f.default),
        };
        let json = record(f.name, &value);
        let c = parse_complaint(json.as_bytes()).unwrap();
        assert_eq!(c, Complaint::DEFAULT, "{json} is not the default");
    }
}

#[test]
fn the_declared_ranges_are_the_readers_ranges() {
    let ints: Vec<&FieldSpec> = RECORD_CONTRACT
        .iter()
        .filter(|f| f.kind == FieldKind::Int)
        .collect();
    assert_eq!(ints.len(), RECORD_INT_RANGES.len());
    for (f, r) in ints.iter().zip(RECORD_INT_RANGES) {
        assert_eq!((f.name, f.min, f.max), (r.field, r.min, r.max));
        // Just past the range, both readers name the field.
        let json = record(f.name, &format!("{}", f.max + 1));
        let e = parse_complaint(json.as_bytes()).unwrap_err();
        assert_eq!((e.kind, e.field), (ErrorKind::OutOfRange, f.name), "{json}");
    }
}

#[test]
fn unknown_codes_are_answered_with_the_declared_vocabulary() {
    for f in RECORD_CONTRACT.iter().filter(|f| f.vocabulary.is_some()) {
        let v = f.vocabulary.unwrap();
        assert_eq!(
            v.what, f.name,
            "a record vocabulary is named after its field"
        );
        let value = if f.kind == FieldKind::List {
            "[\"nope\"]"
        } else {
            "\"nope\""
        };
        let e = parse_complaint(record(f.name, value).as_bytes()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnknownValue);
        assert_eq!(e.expected, v.codes.join(", "), "{}", f.name);
    }
}

#[test]
fn every_vocabulary_is_whole_and_listed_once() {
    for (i, v) in VOCABULARIES.iter().enumerate() {
        assert!(!v.is_empty());
        assert_eq!(v.codes.len(), v.names_en.len(), "{}", v.what);
        assert_eq!(v.codes.len(), v.names_zh.len(), "{}", v.what);
        for other in &VOCABULARIES[..i] {
            assert_ne!(other.what, v.what);
            assert_ne!(other.type_name, v.type_name);
        }
        assert_eq!(vocabulary(v.what), Some(v));
    }
    for f in RECORD_CONTRACT {
        if let Some(v) = f.vocabulary {
            assert!(
                VOCABULARIES.contains(v),
                "{} is not in VOCABULARIES",
                v.what
            );
        }
    }
}

#[test]
fn list_fields_span_their_vocabulary_and_codes_their_indices() {
    for f in RECORD_CONTRACT {
        match f.kind {
            FieldKind::List => {
                assert_eq!(f.max, (1u64 << f.vocabulary.unwrap().len()) - 1)
            }
            FieldKind::Code => assert_eq!(f.max as usize, f.vocabulary.unwrap().len() - 1),
            _ => assert!(f.vocabulary.is_none()),
        }
        assert!(f.min <= f.default && f.default <= f.max, "{}", f.name);
        assert!(
            !f.doc.starts_with(' ') && f.doc.ends_with('.'),
            "{}",
            f.name
        );
        assert_eq!(field_spec(f.name), Some(f));
    }
    assert_eq!(field_spec("emotoin"), None);
}

#[test]
fn record_field_is_the_contract_in_order() {
    assert_eq!(RecordField::ALL.len(), RECORD_CONTRACT.len());
    for (i, (f, spec)) in RecordField::ALL.iter().zip(RECORD_CONTRACT).enumerate() {
        assert_eq!((f.index(), f.name(), f.kind()), (i, spec.name, spec.kind));
        assert_eq!(f.spec(), spec);
        assert_eq!(RecordField::from_key(spec.name.as_bytes()), Some(*f));
        assert_eq!(RecordField::from_name(spec.name), Some(*f));
    }
    for key in ["", "emotoin", "Emotion", "text_cues", "id "] {
        assert_eq!(RecordField::from_name(key), None, "{key}");
    }
    assert_eq!(RecordField::from_key(b"\xffid"), None);
}

/// Each value a typed setter accepts for `f`, with the JSON that gives it.
fn accepted_values(f: &FieldSpec) -> Vec<(u64, String)> {
    match f.kind {
        FieldKind::Int => [f.min, f.default, f.max]
            .iter()
            .map(|v| (*v, format!("{v}")))
            .collect(),
        FieldKind::Bool => std::vec![(0, "false".into()), (1, "true".into())],
        FieldKind::Code => {
            let codes = f.vocabulary.unwrap().codes;
            (0..codes.len())
                .map(|i| (i as u64, format!("\"{}\"", codes[i])))
                .collect()
        }
        FieldKind::List => {
            let codes = f.vocabulary.unwrap().codes;
            (0..codes.len())
                .map(|i| (1u64 << i, format!("[\"{}\"]", codes[i])))
                .chain([(f.max, other_value(f)), (0, "[]".into())])
                .collect()
        }
        FieldKind::Id | FieldKind::Text => Vec::new(),
    }
}

/// Stores `v` in `field` with the setter of the field's kind.
fn set(c: &mut Complaint, field: RecordField, v: u64) -> Result<(), ErrorKind> {
    match field.kind() {
        FieldKind::Int => c.set_int(field, v),
        FieldKind::Bool => c.set_bool(field, v == 1),
        FieldKind::Code => c.set_code(field, v as u8),
        FieldKind::List => c.set_list(field, v as u16),
        FieldKind::Id | FieldKind::Text => Err(ErrorKind::WrongType),
    }
}

#[test]
fn the_typed_setters_store_what_the_json_readers_read() {
    for &field in RecordField::ALL {
        let f = field.spec();
        for (v, json) in accepted_values(f) {
            let mut c = Complaint::DEFAULT;
            set(&mut c, field, v).unwrap_or_else(|e| panic!("{} = {v}: {e:?}", f.name));
            let json = record(f.name, &json);
            assert_eq!(Ok(c), parse_complaint(json.as_bytes()), "{json}");
        }
    }
}

#[test]
fn the_typed_setters_refuse_what_the_contract_refuses() {
    for &field in RecordField::ALL {
        let f = field.spec();
        let mut c = Complaint::DEFAULT;
        // Past the declared range, the vocabulary or its bits.
        let past = match f.kind {
            FieldKind::Int => Some((f.max + 1, ErrorKind::OutOfRange)),
            FieldKind::Code => Some((f.max + 1, ErrorKind::UnknownValue)),
            FieldKind::List if f.max < u64::from(u16::MAX) => {
                Some((f.max + 1, ErrorKind::UnknownValue))
            }
            _ => None,
        };
        if let Some((v, kind)) = past {
            assert_eq!(set(&mut c, field, v), Err(kind), "{}", f.name);
        }
        if f.kind == FieldKind::Int && f.min > 0 {
            assert_eq!(c.set_int(field, f.min - 1), Err(ErrorKind::OutOfRange));
        }
        // Every setter of another kind.
        if f.kind != FieldKind::Int {
            assert_eq!(c.set_int(field, 0), Err(ErrorKind::WrongType), "{}", f.name);
        }
        if f.kind != FieldKind::Bool {
            assert_eq!(c.set_bool(field, true), Err(ErrorKind::WrongType));
        }
        if f.kind != FieldKind::Code {
            assert_eq!(c.set_code(field, 0), Err(ErrorKind::WrongType));
        }
        if f.kind != FieldKind::List {
            assert_eq!(c.set_list(field, 0), Err(ErrorKind::WrongType));
        }
        assert_eq!(
            c,
            Complaint::DEFAULT,
            "a refused value changed `{}`",
            f.name
        );
    }
}

#[test]
fn set_field_number_stores_what_the_json_readers_read() {
    for &field in RecordField::ALL {
        let f = field.spec();
        for (v, json) in accepted_values(f) {
            let mut c = Complaint::DEFAULT;
            assert!(c.set_field_number(f.name, v), "{} = {v}", f.name);
            assert_eq!(c.field_number(f.name), Some(v), "{}", f.name);
            let json = record(f.name, &json);
            assert_eq!(Ok(c), parse_complaint(json.as_bytes()), "{json}");
        }
    }
}

#[test]
fn set_field_number_refuses_what_the_declaration_refuses() {
    for &field in RecordField::ALL {
        let f = field.spec();
        // Around the range, and numbers whose low bits alone would be a
        // valid index, bit set or boolean (a narrowing cast would take
        // them).
        let mut numbers = std::vec![
            f.min,
            f.max,
            f.max + 1,
            (1 << 8) | 1,
            (1 << 16) | 1,
            u64::MAX
        ];
        if f.min > 0 {
            numbers.push(f.min - 1);
        }
        for v in numbers {
            let declared = match f.kind {
                FieldKind::Int | FieldKind::Code | FieldKind::Bool => (f.min..=f.max).contains(&v),
                FieldKind::List => v & !f.max == 0,
                FieldKind::Id | FieldKind::Text => false,
            };
            let mut c = Complaint::DEFAULT;
            assert_eq!(c.set_field_number(f.name, v), declared, "{} = {v}", f.name);
            if !declared {
                assert_eq!(
                    c,
                    Complaint::DEFAULT,
                    "a refused number changed `{}`",
                    f.name
                );
            }
        }
    }
    let mut c = Complaint::DEFAULT;
    for name in ["id", "text", "", "no_such_field", "Emotion"] {
        assert!(!c.set_field_number(name, 0), "{name}");
    }
}

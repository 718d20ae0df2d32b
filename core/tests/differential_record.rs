//! Record-level differential test against serde_json.
//!
//! - For a document serde_json accepts, an independent reading of the record
//!   contract (written here over `serde_json::Value`) decides whether it fits;
//!   if it fits, `parse_complaint` must give exactly that complaint, and if
//!   not, it must fail.
//! - For a document serde_json rejects, `parse_complaint` must fail too.
//!
//! The inputs are records built from the contract's own fields and values,
//! with wrong types, out-of-range numbers, unknown fields and values mixed
//! in, and then byte-level mutations of them.

use complaint_triage::{
    parse_complaint, Code, Complaint, FieldKind, FieldSpec, Flag, FlagSet, ID_CAPACITY,
    RECORD_CONTRACT,
};
use proptest::prelude::*;
use serde_json::Value;

/// The contract's fields of one kind: the inputs are built from the
/// declared contract, so that a new field is exercised without a list here;
/// the reading below stays independent of it.
fn of_kind(kind: FieldKind) -> impl Iterator<Item = &'static FieldSpec> {
    RECORD_CONTRACT.iter().filter(move |f| f.kind == kind)
}

/// The integer fields with their accepted range.
fn uints() -> Vec<(&'static str, u64, u64)> {
    of_kind(FieldKind::Int)
        .map(|f| (f.name, f.min, f.max))
        .collect()
}

/// The boolean fields.
fn bools() -> Vec<&'static str> {
    of_kind(FieldKind::Bool).map(|f| f.name).collect()
}

/// The fields of `kind` (codes or lists) with their vocabulary's codes.
fn with_codes(kind: FieldKind) -> Vec<(&'static str, Vec<&'static str>)> {
    of_kind(kind)
        .map(|f| (f.name, f.vocabulary.map_or(vec![], |v| v.codes.to_vec())))
        .collect()
}

fn enums() -> Vec<(&'static str, Vec<&'static str>)> {
    with_codes(FieldKind::Code)
}
fn lists() -> Vec<(&'static str, Vec<&'static str>)> {
    with_codes(FieldKind::List)
}

fn code_of<T: Code>(v: &Value) -> Option<T> {
    T::from_code(v.as_str()?)
}
fn flags_of<T: Flag>(v: &Value) -> Option<FlagSet<T>> {
    let mut set = FlagSet::<T>::default();
    for item in v.as_array()? {
        let s = item.as_str()?;
        set.insert(*T::ALL.iter().find(|f| f.flag_code() == s)?);
    }
    Some(set)
}
fn uint(v: &Value, min: u64, max: u64) -> Option<u64> {
    // Integers only: serde_json keeps 1.0 and 1e3 as floats, which the
    // contract rejects too.
    let n = v.as_u64()?;
    (min..=max).contains(&n).then_some(n)
}

/// The record contract read independently of the crate's parser: `None`
/// if the document does not fit it.
fn contract(doc: &Value) -> Option<Complaint> {
    let obj = doc.as_object()?;
    let mut c = Complaint::DEFAULT;
    for (k, v) in obj {
        match k.as_str() {
            "id" => {
                let s = v.as_str()?;
                if s.len() > ID_CAPACITY {
                    return None;
                }
                c.set_id(s).ok()?;
            }
            "category" => c.category = code_of(v)?,
            "channel" => c.channel = code_of(v)?,
            "customer_tier" => c.customer_tier = code_of(v)?,
            "personality" => c.personality = code_of(v)?,
            "motive" => c.motive = code_of(v)?,
            "expectation" => c.expectation = code_of(v)?,
            "liability" => c.liability = code_of(v)?,
            "evidence" => c.evidence = code_of(v)?,
            "jurisdiction" => c.jurisdiction = code_of(v)?,
            "safety" => c.safety = code_of(v)?,
            "hours_since_regulator" => c.hours_since_regulator = uint(v, 0, 1_000_000)? as u32,
            "tenure_months" => c.tenure_months = uint(v, 0, 1200)? as u16,
            "emotion" => c.emotion = uint(v, 0, 10)? as u8,
            "prior_contacts" => c.prior_contacts = uint(v, 0, 10_000)? as u16,
            "hours_open" => c.hours_open = uint(v, 0, 1_000_000)? as u32,
            "affected_customers" => c.affected_customers = uint(v, 1, 1_000_000_000)? as u32,
            "direct_loss" => c.direct_loss = uint(v, 0, 1_000_000_000_000_000)?,
            "claimed_amount" => c.claimed_amount = uint(v, 0, 1_000_000_000_000_000)?,
            "departments" => c.departments = uint(v, 1, 100)? as u8,
            "indirect_loss_claimed" => c.indirect_loss_claimed = v.as_bool()?,
            "beyond_authority" => c.beyond_authority = v.as_bool()?,
            "previously_compensated" => c.previously_compensated = v.as_bool()?,
            "safety_incident" => c.safety_incident = v.as_bool()?,
            "sensitive_period" => c.sensitive_period = v.as_bool()?,
            "rights" => c.rights = flags_of(v)?,
            "threats" => c.threats = flags_of(v)?,
            "profile" => c.profile = flags_of(v)?,
            "malice_signals" => c.malice_signals = flags_of(v)?,
            "handling_failures" => c.handling_failures = flags_of(v)?,
            "currency" => c.currency = code_of(v)?,
            "causal_link" => c.causal_link = code_of(v)?,
            "vulnerability" => c.vulnerability = flags_of(v)?,
            "data_breach" => c.data_breach = v.as_bool()?,
            "text" => {
                let s = v.as_str()?;
                c.add_text(s);
            }
            _ => return None,
        }
    }
    Some(c)
}

/// Keys serde_json would merge (it keeps the last); the contract rejects
/// a repeated field, so such documents are compared only for rejection.
fn has_duplicate_keys(json: &str) -> bool {
    let mut seen = std::collections::HashSet::new();
    let mut de = serde_json::Deserializer::from_str(json);
    // Walk the top-level object's keys with a raw map visitor.
    struct Keys<'a>(&'a mut std::collections::HashSet<String>, bool);
    impl<'de> serde::de::Visitor<'de> for Keys<'_> {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(mut self, mut m: A) -> Result<bool, A::Error> {
            while let Some(k) = m.next_key::<String>()? {
                if !self.0.insert(k) {
                    self.1 = true;
                }
                m.next_value::<serde::de::IgnoredAny>()?;
            }
            Ok(self.1)
        }
    }
    serde::Deserializer::deserialize_map(&mut de, Keys(&mut seen, false)).unwrap_or(false)
}

fn check(json: &str) -> Result<(), TestCaseError> {
    let ours = parse_complaint(json.as_bytes());
    // The contract skips a byte order mark at the start (serde_json does
    // not); a line ending after the record is white space to both.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    match serde_json::from_str::<Value>(json) {
        Err(_) => prop_assert!(ours.is_err(), "serde_json rejects, ours accepts: {json}"),
        Ok(doc) => {
            if has_duplicate_keys(json) {
                prop_assert!(ours.is_err(), "duplicate field accepted: {json}");
                return Ok(());
            }
            match (contract(&doc), ours) {
                (Some(want), Ok(got)) => prop_assert_eq!(got, want, "{}", json),
                (None, Err(_)) => {}
                (Some(_), Err(e)) => {
                    prop_assert!(false, "fits the contract but rejected ({e}): {json}")
                }
                (None, Ok(_)) => prop_assert!(false, "outside the contract but accepted: {json}"),
            }
        }
    }
    Ok(())
}

/// One member: mostly valid, sometimes of the wrong type or value.
fn member() -> impl Strategy<Value = (String, Value)> {
    let e = enums();
    let l = lists();
    let ints = uints();
    let flags = bools();
    let any_scalar = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
    ];
    prop_oneof![
        (0..ints.len(), 0u64..3, any::<u64>()).prop_map(move |(i, how, r)| {
            let (k, lo, hi) = ints[i];
            let v = match how {
                0 => lo + r % (hi - lo + 1),
                1 => [lo, hi, hi + 1, lo.wrapping_sub(1)][(r % 4) as usize],
                _ => r,
            };
            (k.to_string(), Value::from(v))
        }),
        (0..flags.len(), any::<bool>())
            .prop_map(move |(i, b)| (flags[i].to_string(), Value::Bool(b))),
        (0..e.len(), any::<prop::sample::Index>(), any::<bool>()).prop_map(move |(i, ix, typo)| {
            let (k, vals) = &e[i];
            let v = ix.get(vals).to_string();
            (
                k.to_string(),
                Value::from(if typo { format!("{v}x") } else { v }),
            )
        }),
        (
            0..l.len(),
            prop::collection::vec(any::<prop::sample::Index>(), 0..5),
            any::<u8>()
        )
            .prop_map(move |(i, ixs, bad)| {
                let (k, vals) = &l[i];
                let mut items: Vec<Value> = ixs
                    .iter()
                    .map(|ix| Value::from(ix.get(vals).to_string()))
                    .collect();
                if bad == 0 {
                    items.push(Value::from("not_a_value"));
                } else if bad == 1 {
                    items.push(Value::from(3));
                }
                (k.to_string(), Value::Array(items))
            }),
        "[ -~]{0,70}".prop_map(|s| ("id".to_string(), Value::from(s))),
        ".{0,40}".prop_map(|s| ("text".to_string(), Value::from(s))),
        prop_oneof![Just("emotoin"), Just("Text"), Just(""), Just("id ")]
            .prop_map(|k| (k.to_string(), Value::from(1))),
        (
            prop_oneof![
                Just("emotion"),
                Just("threats"),
                Just("id"),
                Just("safety_incident"),
                Just("category")
            ],
            any_scalar
        )
            .prop_map(|(k, v)| (k.to_string(), v)),
    ]
}

fn record() -> impl Strategy<Value = String> {
    (prop::collection::vec(member(), 0..8), 0u8..4).prop_map(|(members, framing)| {
        // serde_json's Map would merge repeated keys; write them by hand so
        // repeats reach the parser.
        let body: Vec<String> = members
            .iter()
            .map(|(k, v)| format!("{}:{}", Value::from(k.as_str()), v))
            .collect();
        // As a line of a file: a byte order mark, a line ending.
        let (start, end) =
            [("", ""), ("\u{feff}", ""), ("", "\r\n"), ("\u{feff}", "\r")][framing as usize];
        format!("{start}{{{}}}{end}", body.join(","))
    })
}

/// The independent reading knows every declared field: a record with the
/// field's largest value (every code, for a list) fits it.
#[test]
fn the_independent_reading_covers_the_contract() {
    for f in RECORD_CONTRACT {
        let value = match f.kind {
            FieldKind::Id | FieldKind::Text => Value::from("x"),
            FieldKind::Bool => Value::Bool(true),
            FieldKind::Int => Value::from(f.max),
            FieldKind::Code => Value::from(*f.vocabulary.unwrap().codes.last().unwrap()),
            FieldKind::List => Value::from(f.vocabulary.unwrap().codes.to_vec()),
        };
        let json = serde_json::json!({ f.name: value }).to_string();
        assert!(
            contract(&serde_json::from_str(&json).unwrap()).is_some(),
            "the reading in this test lacks the field `{}`: {json}",
            f.name
        );
        check(&json).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(2000)))]

    #[test]
    fn records_agree_with_serde_json(json in record()) {
        check(&json)?;
    }

    #[test]
    fn mutated_records_agree_with_serde_json(json in record(), at in any::<prop::sample::Index>(), byte in any::<u8>(), op in 0u8..3) {
        let mut bytes = json.into_bytes();
        let i = at.index(bytes.len() + 1);
        match op {
            0 => bytes.insert(i, byte),
            1 if i < bytes.len() => { bytes.remove(i); }
            _ if i < bytes.len() => bytes[i] = byte,
            _ => bytes.push(byte),
        }
        let ours = parse_complaint(&bytes);
        match std::str::from_utf8(&bytes) {
            Ok(s) => check(s)?,
            Err(_) => prop_assert!(ours.is_err(), "invalid UTF-8 accepted"),
        }
    }
}

#[test]
fn fixed_examples_agree() {
    for json in [
        r#"{}"#,
        r#"{"id":"a","emotion":10,"threats":["media","media"]}"#,
        r#"{"emotion":1.0}"#,
        r#"{"emotion":1e0}"#,
        r#"{"emotion":-0}"#,
        r#"{"id":"\u00e9"}"#,
        r#"{"text":"\ud83d\ude00 找记者曝光"}"#,
        r#"{"a":1,"a":2}"#,
        r#"{"emotion":3,"emotion":3}"#,
        r#"[]"#,
        r#"{"rights":[]}"#,
        "\u{feff}{\"emotion\":3}\r\n",
        "\u{feff}\u{feff}{}",
        "{}\r",
    ] {
        check(json).unwrap();
    }
}

//! The golden vectors: records in, exact assessment JSON out, under the
//! default policy. Every language binding reads `tests/vectors/vectors.json`
//! and must reproduce it byte for byte.
//!
//! The inputs are built here: the example complaints, one record per value
//! of every vocabulary, every band edge, every flag, the claim-ratio edges,
//! text cues in three scripts, escapes, and a set of bad inputs with their
//! errors. Run with `UPDATE_GOLDEN=1` to rewrite the file after an intended
//! rubric change, and review the diff.

use std::fmt::Write as _;
use std::path::PathBuf;

use complaint_triage::*;
use serde_json::{json, Value};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn record(name: &str, fields: Value) -> (String, String) {
    let mut obj = json!({ "id": name });
    if let (Some(o), Some(f)) = (obj.as_object_mut(), fields.as_object()) {
        o.extend(f.clone());
    }
    (name.to_string(), serde_json::to_string(&obj).unwrap())
}

fn vocab<T: Code>(all: &[T]) -> Vec<&'static str> {
    all.iter().map(|v| v.code()).collect()
}

fn inputs() -> Vec<(String, String)> {
    let mut cases = Vec::new();
    let examples = std::fs::read_to_string(repo().join("examples/complaints.jsonl")).unwrap();
    for line in examples.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        cases.push((
            format!("example {}", v["id"].as_str().unwrap()),
            line.to_string(),
        ));
    }
    cases.push(record("defaults", json!({})));
    let enums: [(&str, Vec<&str>); 11] = [
        ("category", vocab(Category::ALL)),
        ("channel", vocab(Channel::ALL)),
        ("customer_tier", vocab(CustomerTier::ALL)),
        ("personality", vocab(Personality::ALL)),
        ("motive", vocab(Motive::ALL)),
        ("expectation", vocab(Expectation::ALL)),
        ("liability", vocab(Liability::ALL)),
        ("evidence", vocab(Evidence::ALL)),
        ("jurisdiction", vocab(Jurisdiction::ALL)),
        ("currency", vocab(Currency::ALL)),
        ("causal_link", vocab(CausalLink::ALL)),
    ];
    for (field, values) in &enums {
        for v in values {
            cases.push(record(&format!("{field}={v}"), json!({ *field: v })));
        }
    }
    let lists: [(&str, Vec<&str>); 6] = [
        ("rights", vocab(Right::ALL)),
        ("threats", vocab(Threat::ALL)),
        ("profile", vocab(Profile::ALL)),
        ("malice_signals", vocab(MaliceSignal::ALL)),
        ("handling_failures", vocab(HandlingFailure::ALL)),
        ("vulnerability", vocab(Vulnerability::ALL)),
    ];
    for (field, values) in &lists {
        for v in values {
            cases.push(record(&format!("{field}=[{v}]"), json!({ *field: [v] })));
        }
        cases.push(record(&format!("{field}=all"), json!({ *field: values })));
    }
    for band in Band::ALL {
        for t in Policy::DEFAULT.band_thresholds(band) {
            for v in [t - 1, *t] {
                if v == 0 && matches!(band, Band::AffectedCustomers | Band::Departments) {
                    continue;
                }
                cases.push(record(
                    &format!("{}={v}", band.field()),
                    json!({ band.field(): v }),
                ));
            }
        }
    }
    // Each currency's money bands, at and just below each threshold.
    for currency in Currency::ALL {
        for t in Policy::DEFAULT.money_thresholds(*currency) {
            for v in [t - 1, *t] {
                cases.push(record(
                    &format!("direct_loss={v} {}", currency.code()),
                    json!({ "currency": currency.code(), "direct_loss": v }),
                ));
            }
        }
    }
    for flag in [
        "indirect_loss_claimed",
        "beyond_authority",
        "previously_compensated",
        "safety_incident",
        "sensitive_period",
        "data_breach",
    ] {
        cases.push(record(&format!("{flag}=true"), json!({ flag: true })));
    }
    for (direct, claimed) in [
        (1000u64, 2000u64),
        (1000, 2001),
        (0, 0),
        (0, 1),
        (12_345, 99_999),
        (1, 1_000_000_000_000_000),
    ] {
        cases.push(record(
            &format!("claim {claimed} on loss {direct}"),
            json!({ "direct_loss": direct, "claimed_amount": claimed }),
        ));
    }
    let texts = [
        (
            "text zh-Hans threat",
            "再不解决我就找记者曝光,还要打12315投诉!",
        ),
        ("text zh-Hant threat", "我會找律師起訴你們,也會發到網上。"),
        (
            "text en threat",
            "I'm calling my lawyer and I'll post this on social media.",
        ),
        (
            "text zh-Hans forbidden",
            "客服说:公司的规定就是这样的,我不知道。",
        ),
        (
            "text zh-Hant forbidden",
            "櫃員說:你要去問別人,這不是我們的事。",
        ),
        (
            "text en forbidden",
            "The agent said that's company policy and I don't know.",
        ),
        ("text emotion", "气死我了!!! 太过分了"),
        ("text neutral", "请帮我查一下上个月的账单明细,谢谢。"),
        (
            "text escaped",
            "\\u518d\\u4e0d\\u89e3\\u51b3\\u6211\\u5c31\\u627e\\u8bb0\\u8005\\u66dd\\u5149",
        ),
    ];
    for (name, text) in texts {
        let json = if text.contains("\\u") {
            format!(r#"{{"id":"{name}","text":"{text}"}}"#)
        } else {
            serde_json::to_string(&json!({ "id": name, "text": text })).unwrap()
        };
        cases.push((name.to_string(), json));
    }
    cases.push((
        "threat in list and text".into(),
        r#"{"id":"both","threats":["media"],"text":"我要找记者曝光"}"#.into(),
    ));
    cases.push((
        "escaped id".into(),
        r#"{"id":"A\u00e9\ud83d\ude00\"q\\/"}"#.into(),
    ));
    cases.push((
        "whitespace".into(),
        " {\n\t\"id\" : \"ws\" ,\r\n \"emotion\" : 3 } \n".into(),
    ));
    // The two handling rules of `core/src/tier_rules.rs` on the complaints
    // that motivated them: a clear-cut fault of ours settled at the front
    // line, and the same complaint from a well-prepared customer.
    let clear_cut = json!({
        "category": "billing", "channel": "hotline", "customer_tier": "vip", "emotion": 2,
        "liability": "company", "evidence": "verified", "expectation": "satisfiable",
        "direct_loss": 150_000, "claimed_amount": 150_000
    });
    cases.push(record("clear-cut fault of ours", clear_cut.clone()));
    let mut prepared = clear_cut;
    prepared["profile"] = json!(["well_prepared"]);
    cases.push(record("clear-cut fault, well-prepared customer", prepared));
    let everything = json!({
        "category": "basic_service", "channel": "media", "customer_tier": "vip", "tenure_months": 300,
        "personality": "dominant", "motive": "revenge", "expectation": "unreasonable", "emotion": 10,
        "prior_contacts": 9, "hours_open": 900, "affected_customers": 50000, "direct_loss": 50_000_000,
        "claimed_amount": 900_000_000, "indirect_loss_claimed": true, "liability": "shared", "evidence": "none",
        "departments": 8, "beyond_authority": true, "previously_compensated": true, "safety_incident": true,
        "sensitive_period": true, "rights": vocab(Right::ALL), "threats": vocab(Threat::ALL),
        "profile": vocab(Profile::ALL), "malice_signals": vocab(MaliceSignal::ALL),
        "handling_failures": vocab(HandlingFailure::ALL), "jurisdiction": "cn_banking",
        "text": "气死我了!!! 公司的规定就是这样 找记者曝光"
    });
    cases.push(record("everything at once", everything));
    cases
}

fn error_inputs() -> Vec<(&'static str, String)> {
    let mut v: Vec<(&'static str, String)> = vec![
        ("empty", String::new()),
        ("not an object", "[1,2]".into()),
        ("invalid json", r#"{"id": }"#.into()),
        ("trailing comma", r#"{"id":"a",}"#.into()),
        ("unknown field", r#"{"id":"a","emotoin":3}"#.into()),
        ("duplicate field", r#"{"emotion":3,"emotion":4}"#.into()),
        ("unknown enum value", r#"{"category":"biling"}"#.into()),
        ("wrong type string for int", r#"{"emotion":"3"}"#.into()),
        ("wrong type null", r#"{"safety_incident":null}"#.into()),
        ("fraction for int", r#"{"hours_open":1.5}"#.into()),
        ("exponent for int", r#"{"hours_open":1e3}"#.into()),
        ("negative", r#"{"prior_contacts":-1}"#.into()),
        ("out of range", r#"{"emotion":11}"#.into()),
        ("zero affected", r#"{"affected_customers":0}"#.into()),
        (
            "overflow",
            r#"{"direct_loss":99999999999999999999999}"#.into(),
        ),
        ("unknown list value", r#"{"threats":["media","tv"]}"#.into()),
        ("list not array", r#"{"threats":"media"}"#.into()),
        ("nested in list", r#"{"rights":[["know"]]}"#.into()),
        ("too deep", r#"{"rights":[[["know"]]]}"#.into()),
        ("id too long", format!(r#"{{"id":"{}"}}"#, "x".repeat(65))),
        ("invalid utf-8 escape", r#"{"id":"\ud800"}"#.into()),
        ("control character", "{\"id\":\"a\u{1}b\"}".into()),
    ];
    v.push((
        "too large",
        format!(r#"{{"text":"{}"}}"#, "a".repeat(70_000)),
    ));
    v
}

fn build() -> String {
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    let mut cases = Vec::new();
    for (name, input) in inputs() {
        let c = parse_complaint(input.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let a = assess(&c, &Policy::DEFAULT);
        let n = write_assessment_json(&a, &mut buf).unwrap();
        let expected = std::str::from_utf8(&buf[..n]).unwrap().to_string();
        cases.push(json!({ "name": name, "record_json": input, "expected_json": expected }));
    }
    let mut errors = Vec::new();
    for (name, input) in error_inputs() {
        let e = parse_complaint(input.as_bytes()).expect_err(name);
        let n = write_error_json(&e, &mut buf).unwrap();
        let expected: Value = serde_json::from_slice(&buf[..n]).unwrap();
        errors.push(json!({ "name": name, "input": input, "expected": expected }));
    }
    let doc = json!({
        "version": 1,
        "policy": "default",
        "about": "Records in, exact assessment JSON out (byte for byte), under Policy::DEFAULT; errors with kind, field, index, offset and message. Generated by core/tests/golden.rs.",
        "cases": cases,
        "errors": errors,
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap();
    out.push('\n');
    out
}

#[test]
fn golden_vectors_are_reproduced() {
    let path = repo().join("tests/vectors/vectors.json");
    let fresh = build();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path)
        .expect("tests/vectors/vectors.json (run with UPDATE_GOLDEN=1 to create)");
    if stored != fresh {
        let old: Value = serde_json::from_str(&stored).unwrap();
        let new: Value = serde_json::from_str(&fresh).unwrap();
        let mut report = String::new();
        for key in ["cases", "errors"] {
            let (o, n) = (old[key].as_array().unwrap(), new[key].as_array().unwrap());
            for (a, b) in o.iter().zip(n) {
                if a != b {
                    writeln!(
                        report,
                        "{key}: {}\n  stored: {}\n  now:    {}",
                        a["name"], a, b
                    )
                    .unwrap();
                }
            }
            if o.len() != n.len() {
                writeln!(report, "{key}: {} stored, {} now", o.len(), n.len()).unwrap();
            }
        }
        panic!("golden vectors differ (UPDATE_GOLDEN=1 rewrites them after an intended change):\n{report}");
    }
}

#[test]
fn vectors_cover_every_value_and_every_factor() {
    let mut seen = [false; FACTOR_COUNT];
    for (_, input) in inputs() {
        let a = assess(
            &parse_complaint(input.as_bytes()).unwrap(),
            &Policy::DEFAULT,
        );
        for r in a.reasons() {
            seen[r.factor.index()] = true;
        }
    }
    for (i, info) in FACTORS.iter().enumerate() {
        let moves_a_score = info.points.iter().any(|p| *p != 0);
        assert!(
            !moves_a_score || seen[i],
            "no golden vector exercises factor {}",
            info.code
        );
    }
    let grades: Vec<_> = inputs()
        .iter()
        .map(|(_, i)| assess(&parse_complaint(i.as_bytes()).unwrap(), &Policy::DEFAULT).grade)
        .collect();
    for g in Grade::ALL {
        assert!(grades.contains(g), "no golden vector graded {}", g.code());
    }
}

#[test]
fn every_error_kind_of_a_record_is_in_the_vectors() {
    let kinds: Vec<ErrorKind> = error_inputs()
        .iter()
        .map(|(_, i)| parse_complaint(i.as_bytes()).unwrap_err().kind)
        .collect();
    for k in ErrorKind::ALL {
        if *k != ErrorKind::InvalidPolicy {
            assert!(kinds.contains(k), "no error vector of kind {}", k.code());
        }
    }
}

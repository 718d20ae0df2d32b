//! Issue 17: every reason the free text raised names the byte span of the
//! words it came from, in the assessment JSON written with the text.

use complaint_triage::*;
use serde_json::Value;

const TEXT: &str = "这是我第三次打电话了，全市都断网三天了。家里老人用呼吸机，\
    孩子的手被烫伤了，给我五万元封口费，不然我们私了，再不解决我就找记者曝光!";

fn with_text(text: &str) -> Complaint {
    let mut c = Complaint::default();
    c.add_text(text);
    c
}

fn json_with_text(a: &Assessment, text: &str) -> Value {
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    let n = write_assessment_json_with_text(a, text, &mut buf).expect("fits");
    serde_json::from_slice(&buf[..n]).expect("valid JSON")
}

#[test]
fn every_text_reason_names_the_span_of_its_words() {
    let a = assess(&with_text(TEXT), &Policy::DEFAULT);
    let json = json_with_text(&a, TEXT);
    let reasons = json["reasons"].as_array().unwrap();
    let from_text: Vec<&Value> = reasons.iter().filter(|r| r["source"] == "text").collect();
    assert!(from_text.len() >= 8, "{reasons:?}");
    for r in &from_text {
        let span = r["span"]
            .as_array()
            .unwrap_or_else(|| panic!("no span: {r}"));
        let (start, end) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        let words = TEXT.get(start..end).expect("a span is on char boundaries");
        assert!(!words.is_empty() && end <= TEXT.len(), "{r}");
    }
    // The harm's span is the harm's words; the Nth call's names the ordinal.
    let span_of = |factor: &str| {
        let r = from_text.iter().find(|r| r["factor"] == factor).unwrap();
        let s = r["span"].as_array().unwrap();
        &TEXT[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize]
    };
    assert!(span_of("safety_incident").contains("烫伤"));
    assert!(span_of("prior_contacts.band2").contains("第三次"));
    // Reasons from the record's fields carry no span.
    assert!(reasons
        .iter()
        .filter(|r| r["source"] != "text")
        .all(|r| r.get("span").is_none()));
}

#[test]
fn without_text_reasons_the_bytes_are_the_plain_writers() {
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    let mut plain = vec![0u8; MAX_ASSESSMENT_JSON];
    let c = Complaint {
        category: Category::Billing,
        emotion: 7,
        threats: FlagSet::from_bits_truncate(1),
        ..Complaint::default()
    };
    let a = assess(&c, &Policy::DEFAULT);
    let n = write_assessment_json_with_text(&a, "", &mut buf).unwrap();
    let m = write_assessment_json(&a, &mut plain).unwrap();
    assert_eq!(&buf[..n], &plain[..m]);
    // With text, only the spans differ from the plain writer's bytes.
    let a = assess(&with_text(TEXT), &Policy::DEFAULT);
    let mut with = json_with_text(&a, TEXT);
    for r in with["reasons"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("span");
    }
    let m = write_assessment_json(&a, &mut plain).unwrap();
    assert_eq!(with, serde_json::from_slice::<Value>(&plain[..m]).unwrap());
}

#[test]
fn the_worst_case_with_spans_fits_the_json_bound() {
    // Every factor weighs 100 in every dimension; the text fills the
    // record's limit with its cues last, so that each span has the most
    // digits.
    let mut policy = Policy::DEFAULT;
    for f in 0..FACTOR_COUNT {
        policy.points.set(Factor::from_index(f).unwrap(), [-100; 5]);
    }
    let cues = TEXT.to_string()
        + " 全国用户 怀孕 轮椅 一开始要500元，现在要5000元 你自己看着办 气死我了!!!";
    let filler = "x".repeat(RECORD_LIMITS.max_bytes - cues.len() - 64);
    let text = filler + &cues;
    let a = assess(&with_text(&text), &policy);
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    let n = write_assessment_json_with_text(&a, &text, &mut buf)
        .expect("worst case with spans fits MAX_ASSESSMENT_JSON");
    let json: Value = serde_json::from_slice(&buf[..n]).unwrap();
    assert!(json["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["span"][0].as_u64().unwrap_or(0) > 10_000));
}

//! Seed `002_53957cc42773bf88.txt` (六 智能客服): the category of a complaint
//! is recognised from its text when the record gives none, graded with, and
//! reported as suggested in every output.

use complaint_triage::*;
use serde_json::Value;

const BILLING: &str = "这个月话费又多扣了三十块，上个月也是乱收费。";

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

fn category_row(a: &Assessment) -> &ReasonRow {
    a.rows
        .iter()
        .find(|r| r.factor.code().starts_with("category."))
        .expect("a category row")
}

#[test]
fn a_record_without_category_is_graded_with_the_suggested_one() {
    let c = with_text(BILLING);
    let a = assess(&c, &Policy::DEFAULT);
    assert_eq!(a.suggested_category, Some(Category::Billing));
    assert_eq!(reference::assess(&c, &Policy::DEFAULT), a);
    let row = category_row(&a);
    assert_eq!(row.factor, Factor::category(Category::Billing));
    assert_eq!(row.source, Source::Text);
    // The remedy is the one of a record that names the category.
    let mut named = c.clone();
    named.category = Category::Billing;
    assert_eq!(
        a.playbook.remedy,
        assess(&named, &Policy::DEFAULT).playbook.remedy
    );
    assert_eq!(
        decide_only(&c, &Policy::DEFAULT).suggested_category,
        Some(Category::Billing)
    );
}

#[test]
fn an_explicit_category_is_never_replaced() {
    let mut c = with_text(BILLING);
    c.category = Category::Logistics;
    let a = assess(&c, &Policy::DEFAULT);
    assert_eq!(a.suggested_category, None);
    assert_eq!(reference::assess(&c, &Policy::DEFAULT), a);
    let row = category_row(&a);
    assert_eq!(
        (row.factor, row.source),
        (Factor::category(Category::Logistics), Source::Field)
    );
    // Read from JSON: the record's `"category"` stands, wherever it is.
    for record in [
        r#"{"category":"logistics","text":"这个月话费又多扣了三十块"}"#,
        r#"{"text":"这个月话费又多扣了三十块","category":"logistics"}"#,
    ] {
        let a = assess(
            &parse_complaint(record.as_bytes()).unwrap(),
            &Policy::DEFAULT,
        );
        assert_eq!(a.suggested_category, None, "{record}");
        assert_eq!(
            category_row(&a).factor,
            Factor::category(Category::Logistics)
        );
    }
}

#[test]
fn no_cue_no_suggestion() {
    for text in ["你好，我想咨询一下。", "I am writing to you again.", ""] {
        let c = with_text(text);
        let a = assess(&c, &Policy::DEFAULT);
        assert_eq!(a.suggested_category, None, "{text}");
        assert_eq!(
            (category_row(&a).factor, category_row(&a).source),
            (Factor::category(Category::Other), Source::Field)
        );
    }
}

#[test]
fn mixed_cues_are_decided_by_count_then_the_failure_named() {
    let s = |t: &str| assess(&with_text(t), &Policy::DEFAULT).suggested_category;
    // Two logistics phrases (快递, 包裹) against one billing phrase (扣费).
    assert_eq!(s("快递丢了包裹，还扣费"), Some(Category::Logistics));
    // One each: billing wins a tie with logistics, whatever the order in
    // the text (`TIE_ORDER`).
    assert_eq!(s("快递丢了，还乱收费"), Some(Category::Billing));
    assert_eq!(s("乱收费，快递还丢了"), Some(Category::Billing));
    assert_eq!(
        s("The parcel is late and the agent was rude."),
        Some(Category::ServiceAttitude),
        "one attitude vote (the conduct), one logistics phrase: attitude comes first"
    );
    // A charge the customer was told they would not pay: the promise broken.
    assert_eq!(
        s("业务员说升级套餐不加钱，结果每个月多扣三十八。"),
        Some(Category::Promotion)
    );
    // Goods that arrived broken: one product, one logistics phrase and one
    // attitude vote; product quality comes first.
    assert_eq!(
        s("The parcel arrived broken and the agent was rude."),
        Some(Category::ProductQuality)
    );
    // The same text gives the same answer however it arrives.
    let mut c = Complaint::default();
    c.add_text("快递丢了包裹，");
    c.add_text("还扣费");
    assert_eq!(c.text_cues.category(), Some(Category::Logistics));
}

#[test]
fn the_suggestion_is_in_the_json_with_its_span() {
    let a = assess(&with_text(BILLING), &Policy::DEFAULT);
    let json = json_with_text(&a, BILLING);
    assert_eq!(json["suggested_category"], "billing");
    let reason = json["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["factor"] == "category.billing")
        .expect("the category's reason");
    assert_eq!(reason["source"], "text");
    let span = reason["span"].as_array().expect("a span");
    let (s, e) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&BILLING[s..e], "话费");

    let mut c = with_text(BILLING);
    c.category = Category::Price;
    let json = json_with_text(&assess(&c, &Policy::DEFAULT), BILLING);
    assert_eq!(json["suggested_category"], Value::Null);
}

#[test]
fn a_suggestion_voted_by_other_cues_names_their_words() {
    for (text, category, words) in [
        // The staff conduct's vote: the conduct's words.
        (
            "客服说我是神经病。",
            Category::ServiceAttitude,
            "说我是神经病",
        ),
        // A feature nobody in the city can use: the feature's words.
        (
            "全市的用户今天都扫不了码。",
            Category::SystemSupport,
            "扫不了码",
        ),
    ] {
        let a = assess(&with_text(text), &Policy::DEFAULT);
        assert_eq!(a.suggested_category, Some(category), "{text}");
        let json = json_with_text(&a, text);
        let factor = format!("category.{}", category.code());
        let reason = json["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["factor"] == factor.as_str())
            .expect("the category's reason");
        let span = reason["span"].as_array().expect("a span");
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], words);
    }
}

#[test]
fn explain_says_the_category_was_suggested() {
    let a = assess(&with_text(BILLING), &Policy::DEFAULT);
    let mut out = String::new();
    write_explanation(&a, &mut out).unwrap();
    assert!(
        out.contains("category billing (套餐计费类) suggested by the text"),
        "{out}"
    );
    let mut evidence = String::new();
    write_text_evidence(&a, BILLING, &mut evidence).unwrap();
    assert!(evidence.contains("category.billing ["), "{evidence}");
    let mut c = with_text(BILLING);
    c.category = Category::Billing;
    let mut out = String::new();
    write_explanation(&assess(&c, &Policy::DEFAULT), &mut out).unwrap();
    assert!(!out.contains("suggested"), "{out}");
}

#[test]
fn every_suggestion_is_located_in_its_words() {
    use complaint_triage::scan::{locate, Cue};
    // A text for each vote rule and tie of `suggested_category`, then every tune text of
    // the corpus.
    let rules = [
        "客服说我是神经病。",
        "全市的用户今天都登录不了。",
        "整栋楼的热水器都坏了。",
        "热水器坏了，整栋楼都是这样。",
        "退房一个月了押金还没退。",
        "押金被扣了五百。",
        "业务员说升级套餐不加钱，结果每个月多扣三十八。",
        "System down all morning and my direct debit failed.",
        "The parcel is late and the agent was rude.",
    ];
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/text/corpus.jsonl");
    let corpus = std::fs::read_to_string(path).expect("the corpus");
    let tune = corpus.lines().filter_map(|line| {
        let v: Value = serde_json::from_str(line).ok()?;
        (v["split"] == "tune").then(|| v["text"].as_str().map(String::from))?
    });
    let mut located = 0;
    for text in rules.into_iter().map(String::from).chain(tune) {
        let a = assess(&with_text(&text), &Policy::DEFAULT);
        let Some(c) = a.suggested_category else {
            continue;
        };
        let span = locate(text.as_bytes(), Cue::Category(c.index()));
        let (s, e) = span.unwrap_or_else(|| panic!("{c:?} has no words in {text}"));
        // The words are a voter's phrase: read alone, they cast a vote (their own
        // category's or the conduct's), or said by staff they are rude (they mock the
        // customer: "a kid could").
        let words = scan_text(&text[s..e]);
        let said_by_staff = scan_text(&format!("Agent: {}", &text[s..e]));
        assert!(
            words.categories.iter().any(|n| *n > 0)
                || words.conduct != 0
                || said_by_staff.conduct != 0,
            "{c:?}: {:?} casts no vote, in {text}",
            &text[s..e]
        );
        located += 1;
    }
    assert!(located > rules.len() * 10, "only {located} suggestions");
}

//! Staff conduct the customer tells of (`conduct` lines of `core/phrases.tsv`): a rude
//! agent, a hang-up. The scanner reads it on the customer's side only, not denied and not
//! in a condition; grading adds it to the record's `handling_failures` where the record
//! lacks it (`core/src/merge.rs`), so the attitude gate (seed `002_53957cc42773bf88.txt`
//! 服務態度惡劣投訴,則需要由主管介入) opens from the text as from the record, and the reason
//! row is marked `text` with the span of the words.

mod common;
use common::conduct;
use complaint_triage::*;
use serde_json::Value;

fn grade(json: &str) -> Assessment {
    let c = parse_complaint(json.as_bytes()).unwrap_or_else(|e| panic!("{json}: {e}"));
    assess(&c, &Policy::DEFAULT)
}

#[test]
fn a_rude_agent_is_read_in_every_language() {
    for t in [
        "The agent was rude, laughed at me and told me to stop wasting her time.",
        "The lady on the phone was sarcastic and talked down to me.",
        "Your manager SHOUTED AT ME in front of everyone.",
        "客服态度很差，问两句就不耐烦。",
        "营业厅的接线员骂人，我就问了一下套餐。",
        "你們的客服說我是神經病。",
        "客服人員態度惡劣。",
        "你哋個職員講嘢好串。",
    ] {
        assert!(conduct(t).contains(&"rude"), "{t}");
    }
}

#[test]
fn a_hang_up_or_a_turned_back_is_a_nonverbal_rejection() {
    for t in [
        "Your rep hung up on me when I asked for a supervisor.",
        "She rolled her eyes and walked away from me.",
        "你們的客服說我是神經病，還直接掛我電話。",
        "客服直接把电话挂了。",
        "店员对我翻白眼。",
        "佢一聽到就收我線。",
    ] {
        assert!(conduct(t).contains(&"nonverbal_rejection"), "{t}");
    }
    assert_eq!(
        conduct("你們的客服說我是神經病，還直接掛我電話。"),
        ["rude", "nonverbal_rejection"]
    );
}

#[test]
fn denied_hypothetical_or_agent_said_conduct_is_not_read() {
    for t in [
        "The agent was not rude, to be fair, but nobody has fixed my broadband.",
        "Not that the rep was rude, but I was promised a callback.",
        "If the agent is rude again I will complain.",
        "The staff were never rude to me.",
        "客服态度还可以，并不是态度差的问题，是网一直断。",
        "客服没有骂我，只是一直没解决。",
        "Agent: I'm sorry, I was rude earlier.\nCustomer: Fine, just fix the bill.",
        "客服：不好意思，刚才我态度不好。\n客户：算了，帮我查账单吧。",
        // Words the customer says of themself.
        "Sorry to be blunt, but I hung up because the line was bad.",
        "我的系统直接挂了。",
    ] {
        assert_eq!(conduct(t), Vec::<&str>::new(), "{t}");
    }
}

#[test]
fn a_rude_agent_told_in_the_text_opens_the_attitude_gate_as_if_recorded() {
    let text = "The agent was rude, laughed at me and told me to stop wasting her time.";
    let told = grade(&format!(r#"{{"text":"{text}"}}"#));
    let recorded = grade(&format!(
        r#"{{"text":"{text}","handling_failures":["rude"]}}"#
    ));
    assert!(told.gates.contains(Gate::Attitude), "{:?}", told.gates);
    assert_eq!(told.scores, recorded.scores);
    assert_eq!(
        (told.grade, told.tier, told.priority),
        (recorded.grade, recorded.tier, recorded.priority)
    );
    // Denied: no gate, the points of a record without the failure.
    let denied = grade(r#"{"text":"The agent was not rude, but my broadband is still down."}"#);
    assert!(!denied.gates.contains(Gate::Attitude));
    // A hang-up alone is bad attitude in a service-attitude complaint only (the gate's rule).
    let hung_up = "Your rep hung up on me.";
    let any = grade(&format!(r#"{{"text":"{hung_up}"}}"#));
    assert!(!any.gates.contains(Gate::Attitude));
    let attitude = grade(&format!(
        r#"{{"text":"{hung_up}","category":"service_attitude"}}"#
    ));
    assert!(attitude.gates.contains(Gate::Attitude));
    // The record's own failure stays the record's: the text does not add it again.
    let rude = Factor::handling_failure(HandlingFailure::Rude);
    let source_of = |a: &Assessment| a.rows.iter().find(|r| r.factor == rude).map(|r| r.source);
    assert_eq!(source_of(&told), Some(Source::Text));
    assert_eq!(source_of(&recorded), Some(Source::Field));
}

#[test]
fn the_reason_row_names_the_words_of_the_rude_agent() {
    let text = "Third bill this year. The agent was rude and hung up on me.";
    let mut c = Complaint::default();
    c.add_text(text);
    let a = assess(&c, &Policy::DEFAULT);
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    let n = write_assessment_json_with_text(&a, text, &mut buf).expect("fits");
    let json: Value = serde_json::from_slice(&buf[..n]).unwrap();
    let span_of = |factor: &str| {
        let r = json["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["factor"] == factor)
            .unwrap_or_else(|| panic!("no {factor}: {json}"));
        assert_eq!(r["source"], "text", "{r}");
        let s = r["span"].as_array().unwrap();
        &text[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize]
    };
    assert_eq!(span_of("failure.rude"), "was rude");
    assert_eq!(span_of("failure.nonverbal_rejection"), "hung up");
}

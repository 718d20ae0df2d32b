//! Two reading rules of the text scanner, on sentences written for these tests in Simplified
//! and Traditional Chinese, Cantonese and English:
//!
//! - a harm told as what might happen or nearly happened (after a condition or `万一`, "what
//!   if"; beside `差点`, `差啲`, `好彩冇`, `还好没`, "nearly", "could have") is a hazard, the
//!   danger that hurt nobody (tests/text/README.md, Safety), while a harm that happened
//!   stays as it is, and a conditional threat still counts;
//! - a cannot_happen phrase with a saying verb right after it (`不可能这样说`, `冇可能咁講`) is
//!   staff denying they said it, `never_said_that`.

mod common;
use common::{forbidden, safety, threat};
use complaint_triage::scan::Scanner;
use complaint_triage::scan_text;

#[test]
fn a_harm_that_might_happen_is_a_hazard() {
    for t in [
        "热水器漏电，万一把孩子烫伤了怎么办？",
        "如果小孩摸到，肯定会被烫伤。",
        "要是我儿子摸到，肯定烫伤。",
        "假如当时是小孩坐在上面，后果就是骨折。",
        "个热水炉漏电，萬一電親我阿媽點算？",
        "The heater sparked, what if my son had been burnt?",
        "The heater sparked and my son could have been burnt.",
        "The socket could have started a fire.",
        "假设是小孩摸到插座，肯定会触电。",
        "倘若孩子误食电池，会烧伤食道。",
        "The heater sparks, please fix it before someone gets burnt.",
        "Keep it away from the baby in case it burns her.",
        "The charger melted and might have caught fire overnight.",
        "If I hadn't been home the kettle would have burnt the kitchen down.",
    ] {
        assert_eq!(safety(t), Some("hazard"), "{t}");
    }
}

#[test]
fn a_harm_that_nearly_happened_is_a_hazard() {
    for t in [
        "插座冒火花，差点触电。",
        "插座冒火花，差点被电到，太吓人了。",
        "地板很滑，我妈差点摔倒骨折。",
        "天花板掉下来一块，险些砸伤路人。",
        "天花板掉下来一块，还好没砸伤人。",
        "樓梯扶手鬆脫，差點摔傷。",
        "地下好滑，我阿媽差啲跌親。",
        "電梯門突然關埋，好彩冇人受傷。",
        "The socket nearly electrocuted my daughter.",
        "吊灯掉下来，几乎砸到我女儿。",
        "熱水壺爆開，幸好沒燙傷小朋友。",
        "The socket almost electrocuted my daughter.",
    ] {
        assert_eq!(safety(t), Some("hazard"), "{t}");
    }
}

#[test]
fn a_harm_that_happened_stays_as_it_is() {
    for (t, level) in [
        ("热水器漏电，我儿子被烫伤了。", "injury"),
        ("樓梯扶手鬆脫，我爸摔傷了。", "injury"),
        ("電梯門突然關埋，夾傷咗我個仔。", "injury"),
        ("The heater sparked and my son was burnt.", "injury"),
        // The possibility told after the harm, or in another clause or sentence.
        ("我儿子被烫伤了，万一留疤怎么办？", "injury"),
        ("差点摔倒，手被烫伤了。", "injury"),
        ("万一出事怎么办？我儿子上周已经被烫伤了。", "injury"),
        ("我女儿的手被门夹伤了，还好没骨折。", "injury"),
        // A near-miss word far from the harm it does not modify.
        (
            "It's been nearly two weeks since my mum fell and broke her wrist on your stairs.",
            "serious_injury_or_death",
        ),
        (
            "The kettle exploded, nearly two weeks ago my son was burnt by it.",
            "injury",
        ),
    ] {
        assert_eq!(safety(t), Some(level), "{t}");
    }
}

#[test]
fn a_conditional_threat_still_counts() {
    assert!(threat(
        "If it's not fixed by Friday I'll go to the BBC.",
        "media"
    ));
    assert!(threat(
        "If you don't fix it by Friday I'll go to the BBC.",
        "media"
    ));
    assert!(threat(
        "如果你们周五前不修好，我就投诉到消协。",
        "regulator"
    ));
    assert!(threat("万一你们再不处理，我就投诉到消协。", "regulator"));
}

#[test]
fn an_impossibility_with_a_saying_verb_is_never_said_that() {
    for t in [
        "客服：我们的客服不可能这样说的。",
        "客服：不可能这样说，我们没有这个活动。",
        "客服：絕不可能這樣說。",
        "職員：我哋冇可能咁講。",
        "職員：唔可能咁講㗎，系統冇紀錄。",
        "Agent: I would never have said that.",
        "我打去问，客服跟我说“我们不可能这样说过”。",
    ] {
        assert_eq!(forbidden(t), ["never_said_that"], "{t}");
    }
}

#[test]
fn an_impossibility_alone_is_cannot_happen() {
    for t in [
        "客服：不可能。",
        "客服：这不可能，我们的系统不会出错。",
        "職員：冇可能會咁。",
        "Agent: That's impossible, our system can't do that.",
        // A customer's words are no staff phrase, denial or not.
        "客户：你们不可能这样说就算了吧？",
    ] {
        let want: &[&str] = if t.starts_with("客户") {
            &[]
        } else {
            &["cannot_happen"]
        };
        assert_eq!(forbidden(t), want, "{t}");
    }
    // Both told: the impossibility first, the denial after.
    assert_eq!(
        forbidden("客服：不可能，我们也不可能这样说。"),
        ["cannot_happen"],
        "a set cue is not read again, so the later denial is not seen"
    );
    assert_eq!(
        forbidden("客服：我们不可能这样说。系统也不可能出错。"),
        ["cannot_happen", "never_said_that"],
    );
}

#[test]
fn any_split_of_the_text_reads_the_same() {
    for t in [
        "个热水炉漏电，萬一電親我阿媽點算？",
        "插座冒火花，差点触电。",
        "The heater sparked and my son could have been burnt.",
        "職員：我哋冇可能咁講。",
        "差点摔倒，手被烫伤了。",
    ] {
        let whole = scan_text(t);
        for cut in 0..=t.len() {
            let mut s = Scanner::new();
            s.push_bytes(&t.as_bytes()[..cut]);
            s.push_bytes(&t.as_bytes()[cut..]);
            assert_eq!(s.finish(), whole, "{t} split at {cut}");
        }
    }
}

//! The customer's claims about the problem, said the many ways people say them (`core/phrases.tsv`,
//! the v7 sections of malice, scope and privacy, and their readers in `core/src/scan.rs`,
//! `core/src/scan/span.rs` and `core/src/scan/numbers.rs`): sentences written for this test,
//! none from the corpus, and the look-alikes the readers must leave alone.

mod common;
use common::{malice, scope};
use complaint_triage::scan_text;

fn repetition(t: &str) -> u8 {
    scan_text(t).repetition
}

#[test]
fn english_extent_said_by_the_people_and_the_place() {
    for (t, want) in [
        (
            "The water has been off for everyone in the building since Monday.",
            "building",
        ),
        ("Everyone on our street lost power last night.", "district"),
        (
            "The whole neighborhood has had no signal since the storm.",
            "district",
        ),
        (
            "The entire street has brown water coming out of the taps.",
            "district",
        ),
    ] {
        assert_eq!(scope(t), Some(want), "{t}");
    }
    for t in [
        "I have waited the whole time for a reply.",
        "It is not the entire street, it's just my house.",
    ] {
        assert_eq!(scope(t), None, "{t}");
    }
}

#[test]
fn chinese_extent_is_read_from_the_place_after_the_span() {
    for (t, want) in [
        ("整条街的路灯都不亮了，晚上根本不敢出门。", "district"),
        ("半个小区都停水了，物业一句解释都没有。", "building"),
        ("整座城市的地铁都停了，我们怎么上班？", "city"),
        ("成條邨啲熱水爐都冇熱水。", "building"),
        ("整个广州的用户都打不通你们的客服。", "city"),
        ("成個大埔今朝冇電。", "district"),
        ("成幢大廈冇水冇電，管理處都唔理。", "building"),
    ] {
        assert_eq!(scope(t), Some(want), "{t}");
    }
    for t in [
        "半个月了还没修好。",
        "整条裙子都褪色了。",
        "我在整个过程中都很配合。",
    ] {
        assert_eq!(scope(t), None, "{t}");
    }
}

#[test]
fn chinese_counts_of_contacts_with_their_verbs() {
    for (t, want) in [
        ("我已经投诉了两次，还是没人管。", 3),
        ("我反映过三次了，你们到底管不管？", 4),
        ("我联系了四次，每次都说在处理。", 5),
        ("为了退款我催了三次。", 4),
        ("我写过两次信给你们经理。", 3),
        ("搵咗三次都冇人理。", 4),
    ] {
        assert_eq!(repetition(t), want, "{t}");
    }
    for t in [
        "这个月已经停电了三次。",
        "我说了三遍你们都听不懂。",
        "打了十几次都打不通。",
    ] {
        assert_eq!(repetition(t), 0, "{t}");
    }
}

#[test]
fn malice_said_the_ways_people_say_it() {
    for (t, code) in [
        ("你们拿钱了事吧，我不想走程序。", "private_settlement"),
        ("赔我五千，大事化小，小事化了。", "private_settlement"),
        (
            "I'd rather settle this out of court, just the two of us.",
            "private_settlement",
        ),
        (
            "Make it worth my while and the review disappears.",
            "extortion",
        ),
        ("£800 for my silence seems fair.", "extortion"),
        ("我要你们赔两万。否则我就把视频发到抖音上。", "extortion"),
        // The amount first, the outlet after a condition or a bare "or".
        (
            "I want five thousand dollars. Five grand, or I'm calling the news channel tonight.",
            "extortion",
        ),
        (
            "I am requesting £9,000. If I do not receive it within 7 days I will go to the papers.",
            "extortion",
        ),
        (
            "Give me $800. Unless I get it by Monday, every news station in town hears about it.",
            "extortion",
        ),
        ("Pay me $1,000 and the review comes down.", "extortion"),
        // The withdrawal sold, as 就撤 in Chinese.
        (
            "Transfer me $300 by Monday and I'll withdraw the complaint.",
            "extortion",
        ),
        (
            "Refund the full amount plus $200 and I will withdraw my claim with the regulator.",
            "extortion",
        ),
        (
            "I want £900 in compensation. Otherwise the whole story goes on Facebook.",
            "extortion",
        ),
    ] {
        assert!(malice(t, code), "{code}: {t}");
    }
    for t in [
        // Perfunctory handling, a refusal without money, a threat with no price.
        "客服敷衍了事，草草了事。",
        "请尽快修好，否则我就发微博。",
        "Fix it by Friday, otherwise I'm posting about it on Facebook.",
        // A threat on a condition with no amount claimed, and an amount lost, not claimed.
        "Fix the boiler by Friday or I'm going to the papers.",
        "I paid £400 for this. If I don't get a reply this week I will go to the papers.",
        "Please give me a call back, or I'll have to ring again tomorrow.",
        // Withdrawing with no bargain before it.
        "I'll withdraw my complaint, the engineer came this morning and it works.",
    ] {
        assert_eq!(scan_text(t).malice & 0b11, 0, "{t}");
    }
}

#[test]
fn an_excessive_claim_against_a_loss_stated_the_everyday_way() {
    assert!(malice(
        "The charger was worth £15 and it melted. I demand £2,000.",
        "excessive_claim"
    ));
    assert!(!malice("我要求精神损失费一共两千元。", "excessive_claim"));
}

#[test]
fn personal_data_given_or_shown_to_someone_else() {
    for t in [
        "我的资料被人拿去注册了贷款。",
        "个人信息外泄以后天天接到推销电话。",
        "我在 App 里打开账户，看到的竟然是别人的账单。",
        "Someone else received my bill with my full card details.",
        "When I logged in I could see someone else's account.",
        "My details were shared with a debt collector without my consent.",
        "You sold my number to third parties.",
    ] {
        assert!(scan_text(t).data_exposure, "{t}");
    }
    for t in [
        "The parcel was sent to the wrong address.",
        "Please read our privacy policy.",
        "燃气外泄，楼道里全是味道。",
        "I want to speak to someone else.",
        "I'm not saying my data was leaked, just that the bill is wrong.",
    ] {
        assert!(!scan_text(t).data_exposure, "{t}");
    }
}

//! The attitude reader (`core/src/scan/attitude.rs`, seed `000_d3bb18e70da591cc.txt`
//! 预防十种错误: 粗鲁无礼): an attitude word, degree words and a negative evaluation read
//! `rude`; a negation, a look-alike, praise or the customer's own attitude do not.

mod common;
use common::conduct;
use complaint_triage::scan::Scanner;
use complaint_triage::scan_text;

fn rude(t: &str) -> bool {
    conduct(t).contains(&"rude")
}

/// The texts of `texts` read otherwise than `want`.
fn misread(texts: &[&'static str], want: bool) -> Vec<&'static str> {
    texts.iter().copied().filter(|t| rude(t) != want).collect()
}

#[test]
fn an_attitude_word_then_degree_words_then_an_evaluation_is_rude() {
    let texts = [
        "营业厅的工作人员态度极其恶劣。",
        "那个客服的服务态度真的好差，问什么都说不知道。",
        "快递员态度也太嚣张了吧",
        "师傅态度非常不好，还摔门。",
        "保安的态度蛮横，不让我进门。",
        "那个司机态度很横。",
        "前台态度很冷淡，爱答不理的样子",
        "他们的态度也真是太差了",
        "櫃檯人員的態度實在是很惡劣。",
        "客服態度超差，講兩句就想收線。",
        "嗰個職員態度好串，又黑口黑面。",
        "保安態度真係好屎",
        "Their attitude was absolutely appalling.",
        "The staff member's attitude was absolutely appalling.",
        "Your agent's attitude towards me was so rude.",
        "Her attitude was really dismissive and I left in tears.",
        "The driver's attitude is disgusting.",
        "Honestly the ATTITUDE was terrible from start to finish.",
        "The manager had a terrible attitude.",
        "店員對我的態度很差。",
    ];
    assert_eq!(misread(&texts, true), Vec::<&str>::new());
}

#[test]
fn praise_a_negation_a_look_alike_or_the_customers_own_attitude_is_not() {
    let texts = [
        "客服态度还不错，就是问题没解决。",
        "客服态度不算差，但是网一直断。",
        "工作人员的态度很好，可是价格太贵了。",
        "态度很好，质量差。",
        "两个客服的态度差不多，都没解决问题。",
        "他态度很冷静地跟我解释了账单。",
        "師傅態度唔差，不過遲咗三個鐘。",
        "我的态度可能不太好，但是你们的网确实断了三天。",
        "The attitude was not bad, but the bill is still wrong.",
        "Her attitude wasn't terrible, the policy is.",
        "I know my attitude was bad on the phone, sorry.",
        "The attitude was the least of it; the bill is wrong.",
        "If the attitude is rude again I will complain.",
        "Agent: Your attitude is terrible, sir.\nCustomer: I just want my refund.",
        "The staff had a great attitude.",
        "Attitude aside, the product broke in a week.",
    ];
    assert_eq!(misread(&texts, false), Vec::<&str>::new());
}

/// The reader sees the same bytes however the text is fed: piece by piece, a character at a
/// time, or whole.
#[test]
fn the_reading_is_the_same_fed_in_pieces() {
    for t in [
        "前面说了很多很多很多无关的话，营业厅的工作人员态度极其恶劣。",
        "A long preamble about my account and my bills, and then the attitude was absolutely appalling.",
        "The manager, after a long wait at the counter, had a terrible attitude.",
        "客服态度不算差，但是网一直断。",
    ] {
        let whole = scan_text(t);
        let mut by_char = Scanner::new();
        for c in t.chars() {
            by_char.push_char(c);
        }
        assert_eq!(by_char.finish(), whole, "{t}");
        for cut in 1..t.len() {
            let mut s = Scanner::new();
            s.push_bytes(&t.as_bytes()[..cut]);
            s.push_bytes(&t.as_bytes()[cut..]);
            assert_eq!(s.finish(), whole, "{t} cut at {cut}");
        }
    }
}

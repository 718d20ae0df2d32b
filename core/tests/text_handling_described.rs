//! Staff conduct as customers describe it, denied, or the customer's own (the v11 lines of
//! `core/phrases.tsv`; seed `000_d3bb18e70da591cc.txt` 预防十种错误: 粗鲁无礼, 非语言排斥), and
//! the staff words those lines add (seed `003_8f6867fe054256d6.txt` 處理投訴的10句禁語).
//! Sentences written for these tests in Simplified and Traditional Chinese, Cantonese and
//! English, each family in several word orders beside its look-alikes: a conduct denied
//! right before it ("wasn't rude"), the customer's own conduct ("I hung up on her", 我鬧咗佢),
//! the customer's own bluntness, a recorded voice asking the caller to hold, cold food.

mod common;
use common::{conduct, conduct_missed, conduct_read, forbidden, safety};

#[test]
fn rude_told_in_english_by_description_is_rude() {
    let texts = [
        "The agent was rude to me on the phone.",
        "Your driver was incredibly rude to my husband.",
        "The woman at the desk was so condescending.",
        "The manager was patronising and dismissive.",
        "Staff were sarcastic when I asked for a refund.",
        "He talked down to me like I was a child.",
        "The cashier laughed at me when I asked for help.",
        "She raised her voice and told me to leave.",
        "The receptionist yelled at my mother.",
        "The technician was verbally abusive.",
        "Abusive is the only word for how the driver spoke to us.",
        "He was very disrespectful to my wife.",
        "He snapped at my son for asking twice.",
        "The clerk basically called me a liar.",
    ];
    assert_eq!(conduct_missed(&texts, "rude"), Vec::<&str>::new());
}

#[test]
fn rude_told_in_chinese_and_cantonese_by_description_is_rude() {
    let texts = [
        "营业厅那个小姑娘态度恶劣。",
        "櫃員很不耐煩地叫我自己看。",
        "個職員好唔耐煩咁答我。",
        "個姑娘黑口黑面，問兩句就黑晒面。",
        "前台说话阴阳怪气的。",
        "個經理鬧咗我成十分鐘。",
        "收银员凶巴巴地让我排队去。",
        "門市人員兇巴巴的叫我去排隊。",
        "那个工作人员说话很难听。",
        "個職員講嘢好難聽。",
        "前台给我脸色看。",
        "店員擺臭臉，問什麼都不回答。",
        "個侍應好串咁擲低張單。",
    ];
    assert_eq!(conduct_missed(&texts, "rude"), Vec::<&str>::new());
}

#[test]
fn rejection_told_by_description_is_a_nonverbal_rejection() {
    let texts = [
        "客服听到我要退款就挂断了。",
        "佢聽到我要投訴即刻收咗線。",
        "個客服掛咗我電話。",
        "我在柜台站了十分钟，柜员当我透明。",
        "前台當我是透明人，一直講電話。",
        "客服对我爱理不理。",
        "職員對我愛理不理。",
        "那个营业员扭头就走。",
        "The agent disconnected the call when I asked for a supervisor.",
    ];
    assert_eq!(
        conduct_missed(&texts, "nonverbal_rejection"),
        Vec::<&str>::new()
    );
}

#[test]
fn a_conduct_denied_right_before_it_is_none() {
    let texts = [
        "The agent wasn't rude, just useless.",
        "The driver wasn't sarcastic or anything, he just didn't know.",
        "She wasn't condescending at all.",
        "He wasn't dismissive; he just couldn't help.",
        "The staff weren't rude, but nobody fixed the leak.",
        "The staff weren’t rude, to be fair.",
        "The receptionist isn't rude, the system is the problem.",
        "The agent was not rude, but the fee is wrong.",
        "Staff were never rude to me.",
    ];
    assert_eq!(
        conduct_read(&texts),
        Vec::<(&str, Vec<&'static str>)>::new()
    );
}

#[test]
fn a_denial_governs_only_the_conduct_right_after_it() {
    // A conduct told further on in the clause is read.
    assert_eq!(
        conduct("The advisor wasn't listening and then she hung up on me."),
        ["nonverbal_rejection"]
    );
    // A harm in the clause is read: the denial governs conduct alone.
    assert_eq!(
        safety("The heater wasn't earthed and it burned my hand."),
        Some("injury")
    );
}

#[test]
fn the_customers_own_conduct_and_bluntness_are_none() {
    let texts = [
        "Sorry to be rude, but when will my refund arrive?",
        "I don't mean to be rude but this is the third time.",
        "It was a rude awakening when the bill arrived.",
        "I'll admit I swore at the advisor and hung up on her, which I regret.",
        "I hung up on her because I was late for work.",
        "I yelled at the agent, I admit it.",
        "我鬧咗佢幾句就收線。",
        "说句难听的，你们就是骗子。",
        "冷冰冰的饭菜送到家里。",
    ];
    assert_eq!(
        conduct_read(&texts),
        Vec::<(&str, Vec<&'static str>)>::new()
    );
}

#[test]
fn the_customers_own_conduct_ends_at_its_clause() {
    // A staff member's conduct after a comma or a "but" is read.
    assert_eq!(
        conduct("I hung up, and when I rang back the next agent was rude."),
        ["rude"]
    );
    assert_eq!(
        conduct("I shouted at nobody, but she hung up on me anyway."),
        ["nonverbal_rejection"]
    );
}

#[test]
fn staff_words_are_read_by_family() {
    for (t, code) in [
        ("客服：这个不关我们的事，你去问厂家。", "ask_someone_else"),
        ("職員：唔關我哋事，你搵管理處。", "ask_someone_else"),
        ("客服：这个你要去问店长。", "ask_someone_else"),
        ("客服：这个要找其他部门。", "ask_someone_else"),
        ("櫃員：您要找其他部門處理。", "ask_someone_else"),
        (
            "Agent: That's not our department's issue.",
            "ask_someone_else",
        ),
        (
            "Agent: That's another department, I'm afraid.",
            "ask_someone_else",
        ),
        ("Agent: Honestly, a kid can do it.", "child_could_do_it"),
        ("职员：这个价位的东西就这样。", "get_what_you_pay_for"),
        (
            "職員：三百幾蚊一晚，你唔好要求咁多啦。",
            "get_what_you_pay_for",
        ),
        ("客服：我们从来没有这样说过。", "never_said_that"),
    ] {
        assert!(
            forbidden(t).contains(&code),
            "{code} in {t}: {:?}",
            forbidden(t)
        );
    }
}

#[test]
fn the_customers_own_words_are_no_staff_words() {
    for t in [
        "我找了其他部门，还是没人管。",
        "I asked another department and they were no help either.",
        "I bought it at that price because it was on sale.",
        "A kid can climb that fence easily.",
    ] {
        assert_eq!(forbidden(t), Vec::<&str>::new(), "{t}");
    }
}

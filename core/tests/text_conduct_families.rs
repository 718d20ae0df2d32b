//! Staff conduct by family (`conduct` lines of `core/phrases.tsv`, seed
//! `000_d3bb18e70da591cc.txt` 预防十种错误: 粗鲁无礼, 非语言排斥): hung up on, ignored, eyes
//! rolled, mocked, talked down to, in the three scripts, Cantonese and English; not when
//! denied, in a condition, or done by the customer.

mod common;
use common::conduct;

#[test]
fn hung_up_on_ignored_or_eyes_rolled_is_a_nonverbal_rejection() {
    let texts = [
        "我还没说完，客服就直接挂断了。",
        "客服直接掛斷，打回去又要排隊。",
        "店员对我视而不见，一直在玩手机。",
        "我问了三遍，柜台的人不理不睬。",
        "他们当我是空气一样。",
        "我叫咗佢幾次，佢扮聽唔到。",
        "個職員扮睇唔到我，繼續同同事傾偈。",
        "When I asked for the manager they rolled their eyes.",
    ];
    let missed: Vec<&str> = texts
        .iter()
        .copied()
        .filter(|t| !conduct(t).contains(&"nonverbal_rejection"))
        .collect();
    assert_eq!(missed, Vec::<&str>::new());
}

#[test]
fn mocked_or_talked_down_to_is_rude() {
    let texts = [
        "我问怎么退款，客服还嘲讽我看不懂说明。",
        "店长当众挖苦我穿得寒酸。",
        "那个销售狗眼看人低，看我穿拖鞋就不理我。",
        "The manager laughed in my face when I asked for a refund.",
        "The engineer talked to me like a child.",
        "When I asked about the charge she snapped at me.",
    ];
    let missed: Vec<&str> = texts
        .iter()
        .copied()
        .filter(|t| !conduct(t).contains(&"rude"))
        .collect();
    assert_eq!(missed, Vec::<&str>::new());
}

#[test]
fn denied_hypothetical_or_the_customers_own_doing_is_not_read() {
    let texts = [
        "The app disconnected me twice while I was paying.",
        "If you roll your eyes at me again I will complain.",
        "客服并不是不理不睬，只是系统慢。",
        "I rolled my eyes and paid the bill.",
        "Agent: I'm sorry I snapped at you earlier.",
    ];
    let read: Vec<(&str, Vec<&str>)> = texts
        .iter()
        .copied()
        .map(|t| (t, conduct(t)))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    assert_eq!(read, Vec::<(&str, Vec<&str>)>::new());
}

//! The forbidden phrases of seed `003_8f6867fe054256d6.txt` (處理投訴的10句禁語) said in other
//! words, and staff conduct told in other words (seed `000_d3bb18e70da591cc.txt` 预防十种错误):
//! sentences written for these tests, in Simplified and Traditional Chinese, Cantonese and
//! English. A forbidden phrase counts on the agent's turn or where the customer reports staff
//! (`客服说`, "told me", a quotation, 叫我); conduct counts on the customer's side, not denied,
//! not in a condition and not said by the agent of themself.

mod common;
use common::{conduct, forbidden};

#[test]
fn staff_words_are_read_by_family_on_the_agents_turn_and_when_reported() {
    for (t, code) in [
        ("客服：这个不归我们管，您找物业吧。", "ask_someone_else"),
        ("我打去问，客服说这个不归我管。", "ask_someone_else"),
        ("營業員叫我去總部問，總部又叫我返門市。", "ask_someone_else"),
        (
            "Agent: That's nothing to do with us, it's the courier's van.",
            "ask_someone_else",
        ),
        (
            "They told me to call the council instead.",
            "ask_someone_else",
        ),
        ("客服叫我找厂家，说他们只管卖。", "ask_someone_else"),
        (
            "Agent: You'd need to contact the manufacturer about that.",
            "ask_someone_else",
        ),
        (
            "Rep: No idea, sorry, the system doesn't show it.",
            "dont_know",
        ),
        ("客服：这是规定，我们也没有办法。", "company_rules"),
        ("職員：按規定要本人親臨辦理。", "company_rules"),
        (
            "Agent: I'm afraid it's against our policy to refund a used item.",
            "company_rules",
        ),
        (
            "I asked why and he said those are the rules.",
            "company_rules",
        ),
        ("职员：你自己看说明书啦，上面都有。", "cant_you_read"),
        ("收银员当着排队的人问我「你识字吗」。", "cant_you_read"),
        ("職員：你睇唔明咩？張單寫晒喺度。", "cant_you_read"),
        ("客服：系统在维护，你明天再打吧。", "contact_another_day"),
        (
            "She said to ring back tomorrow when the manager is in.",
            "contact_another_day",
        ),
        ("Agent: We hear this every day, madam.", "seen_it_often"),
        (
            "He said these things happen with older boilers.",
            "happens_all_the_time",
        ),
        ("客服：我们没答应过给您免月租。", "never_said_that"),
        ("職員：我哋冇應承過送機。", "never_said_that"),
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
        "客户：我不知道规定是什么，你告诉我。",
        "I have no idea why I was charged twice.",
        "我明天再打一次看看吧。",
        "I'll call back tomorrow if the engineer hasn't been.",
        "I read the small print myself and it says nothing about a fee.",
        "客户：我识字的，但是合同上没写。",
    ] {
        assert_eq!(forbidden(t), Vec::<&str>::new(), "{t}");
    }
}

#[test]
fn conduct_is_read_by_family() {
    for (t, code) in [
        ("营业厅那个小姑娘说话特别粗鲁。", "rude"),
        ("收銀員很沒禮貌，找零直接放在櫃檯上。", "rude"),
        ("维修师傅在我家门口大吼大叫。", "rude"),
        ("他们几个在柜台后面笑我不会用手机。", "rude"),
        ("那个经理明显看不起我们老年人。", "rude"),
        ("銀行職員瞧不起人，問兩句就皺眉。", "rude"),
        ("前台态度傲慢，说话爱答不答的。", "rude"),
        ("保安一见我就冲我发火。", "rude"),
        ("Two of the staff were laughing at my accent.", "rude"),
        ("The pharmacist spoke to me like I was a child.", "rude"),
        ("The man at the desk was so rude to my mother.", "rude"),
        (
            "The driver started shouting at me when I asked for a receipt.",
            "rude",
        ),
        (
            "Your engineer was yelling at my son on the doorstep.",
            "rude",
        ),
        ("客服听了两句就挂了我的电话。", "nonverbal_rejection"),
        ("我未講完佢就收咗我線。", "nonverbal_rejection"),
        (
            "前台的人对我理都不理，一直在玩手机。",
            "nonverbal_rejection",
        ),
        ("我问了三遍，店员就是不理我。", "nonverbal_rejection"),
        (
            "The assistant just walked off while I was still talking.",
            "nonverbal_rejection",
        ),
        (
            "The cashier kept ignoring me and served the man behind me.",
            "nonverbal_rejection",
        ),
    ] {
        assert_eq!(conduct(t), [code], "{t}");
    }
}

#[test]
fn denied_conditional_or_the_agents_own_conduct_is_not_read() {
    for t in [
        "客服并不粗鲁，只是问题一直没解决。",
        "The agent was not so rude this time, but nothing was fixed.",
        "如果你们再挂了我的电话，我就去投诉。",
        "If the staff are so rude again I will write to head office.",
        "Agent: I was so rude earlier, I do apologise.\nCustomer: Fine, just sort the bill.",
        "客服：刚才我说话粗鲁了，向您道歉。\n客户：好吧，帮我查一下账单。",
    ] {
        assert_eq!(conduct(t), Vec::<&str>::new(), "{t}");
    }
}

//! Staff conduct and the staff words, each family in the ways customers report it (the v10
//! lines of `core/phrases.tsv`; seed `000_d3bb18e70da591cc.txt` 预防十种错误: 粗鲁无礼,
//! 非语言排斥; seed `003_8f6867fe054256d6.txt` 處理投訴的10句禁語): hung up on in any word
//! order, walked away from, passed over for the next person, not bothered with; blamed,
//! sworn at, mocked, talked down to, spoken to in a sharp tone; passed on to someone else,
//! "we see this a lot", "it's normal", "call back later", "can't you read", "you get what you
//! pay for", "a kid could do it". Sentences written for these tests in Simplified and
//! Traditional Chinese, Cantonese and English, each family beside its look-alikes: the
//! customer's own doing, a denial, a condition, the agent's own words, the company leaving a
//! request unanswered, the customer's own words.

mod common;
use common::{conduct, conduct_missed, conduct_read, forbidden};

#[test]
fn the_phone_put_down_on_the_customer_in_any_word_order_is_a_nonverbal_rejection() {
    let texts = [
        "我话还没说完，客服就把我电话挂了。",
        "打了三次，三次都被挂。",
        "今天又被掛線，真係無語。",
        "她直接挂断了我的电话。",
        "值班经理直接挂断我电话。",
        "那個專員講到一半就把電話掛了。",
        "I asked for a supervisor and she just hung up.",
        "The advisor hung up on my elderly mother twice.",
        "Your staff keep hanging up on us whenever we mention the refund.",
        "He slammed the phone on me mid-sentence.",
    ];
    assert_eq!(
        conduct_missed(&texts, "nonverbal_rejection"),
        Vec::<&str>::new()
    );
}

#[test]
fn walked_away_passed_over_or_not_bothered_with_is_a_nonverbal_rejection() {
    let texts = [
        "The receptionist walked away while I was still explaining.",
        "The bus driver drove straight past my wheelchair at the stop.",
        "Mid-sentence, the pharmacist turned to the next customer.",
        "我还没问完，柜员就叫下一位了。",
        "那个店员听完转身就走，把我晾在那里。",
        "保安看都不看我一眼，继续玩手机。",
        "前台懒得理我，一直低头聊天。",
        "收銀員懶得理人，問三次都唔應。",
        "问了好几遍，那个营业员就是不搭理。",
        "我企喺度十分鐘，個店員冇理我。",
    ];
    assert_eq!(
        conduct_missed(&texts, "nonverbal_rejection"),
        Vec::<&str>::new()
    );
}

#[test]
fn blamed_sworn_at_mocked_or_talked_down_to_is_rude() {
    let texts = [
        // Blaming the customer.
        "师傅修完反而说我自己操作不当才坏的。",
        "維修員話我自己整爛，唔肯保養。",
        "东西是他们摔坏的，还怪我没包好。",
        "快递员把箱子压扁了，反而怪我包装太差。",
        "佢哋送錯貨，仲怪我地址寫得唔清楚。",
        "店员说是你自己不小心碰倒的，不给换。",
        "職員話係你自己唔小心啫，唔關佢哋事。",
        "The engineer blamed me for the leak he caused.",
        "The clerk said \"that's your own fault for not reading it\".",
        // Swearing and shouting.
        "送货的师傅当着我孩子的面讲粗口。",
        "個司機成程爆粗口。",
        "那个保安对着我老婆骂脏话。",
        "经理当众呵斥我，让我很难堪。",
        "The driver swore at my son when he asked for a ticket.",
        "The manager was swearing at staff and customers alike.",
        "One of the porters cursed at us for blocking the lift.",
        "The nurse screamed at my father.",
        "The manager raised his voice at me in front of everyone.",
        "The receptionist raised her voice when I asked again.",
        "The clerk said I was wasting his time.",
        // Mocking and talking down.
        "The agents mocked my accent on the call.",
        "I could hear the staff mocking us behind the counter.",
        "The waiter made fun of my daughter's order.",
        "They laughed at my mum when she asked for help with the app.",
        "個職員寸我：「咁都唔識？」",
        "佢哋睇小我哋老人家唔識用手機。",
        "The sales rep looked down on me because of my clothes.",
        "The manager talked down to my wife the whole time.",
        "The technician kept talking down to my dad.",
        // A sharp tone, and the customer's retort to it.
        "客服的语气很差，像在审犯人。",
        "那個職員口氣很衝，問兩句就不耐煩。",
        "客戶：你這什麼口氣？我只是問一下。",
        "客人：你咩態度呀？我淨係問吓幾時有貨。",
    ];
    assert_eq!(conduct_missed(&texts, "rude"), Vec::<&str>::new());
}

#[test]
fn the_customers_own_doing_denials_and_conditions_are_no_conduct() {
    let texts = [
        // The customer's own doing.
        "I hung up and rang again an hour later.",
        "I walked away from the counter without buying anything.",
        "I'll admit I swore at the advisor, but the bill is still wrong.",
        "我自己挂了电话，打算明天再打。",
        "我松了一口气，问题终于解决了。",
        // Denied.
        "客服并没有不理不睬，只是系统太慢。",
        "营业员并没挂我电话，是信号断了。",
        "The staff never laughed at me, they were just slow.",
        "The engineer didn't blame me, he blamed the installer.",
        // A condition.
        "If your agent hangs up on me again I will go to the ombudsman.",
        "如果再被挂电话，我就去工信部投诉。",
        // The agent of themself.
        "Agent: I'm sorry, I hung up by mistake earlier.\nCustomer: Fine, just fix the bill.",
        // The company leaving a request unanswered is no non-verbal rejection.
        "I emailed three times and nobody answered.",
        // A tone that was fine.
        "客服语气很好，就是处理太慢。",
    ];
    assert_eq!(
        conduct_read(&texts),
        Vec::<(&str, Vec<&'static str>)>::new()
    );
}

#[test]
fn staff_words_are_read_by_family() {
    for (t, code) in [
        // Ask someone else: not under us, another party's problem, sent to find another.
        ("物业说路灯是街道装的，不归他们管。", "ask_someone_else"),
        ("客服：这个不归我们负责，您问快递。", "ask_someone_else"),
        ("商家：退款跟我们无关，您找平台。", "ask_someone_else"),
        ("柜员说卡是总行发的，让我去找总行。", "ask_someone_else"),
        ("司机说行李不是他管的，让我找地勤。", "ask_someone_else"),
        (
            "Rep: The lock was fitted by the landlord, that's their problem.",
            "ask_someone_else",
        ),
        (
            "Agent: That's the courier's problem, not ours.",
            "ask_someone_else",
        ),
        (
            "Rep: We're not responsible for damage in transit.",
            "ask_someone_else",
        ),
        ("職員話係清潔公司，唔關佢事。", "ask_someone_else"),
        // Seen it often.
        ("店員：這個我們常遇到，不用擔心。", "seen_it_often"),
        ("客服：这种情况经常碰到，您重启一下。", "seen_it_often"),
        ("客服：您不是第一个投诉这个的。", "seen_it_often"),
        ("坐席说这个问题他们碰到很多，让我等。", "seen_it_often"),
        ("職員：你唔係第一個投訴㗎喇。", "seen_it_often"),
        (
            "Agent: You're not the first to call about this.",
            "seen_it_often",
        ),
        (
            "The porter said \"we get this every winter\".",
            "seen_it_often",
        ),
        (
            "Advisor: I see this a lot with that model.",
            "seen_it_often",
        ),
        // Happens all the time.
        (
            "Agent: It's normal for the meter to jump.",
            "happens_all_the_time",
        ),
        (
            "Rep: A small leak like this is normal in the first week.",
            "happens_all_the_time",
        ),
        (
            "Executive: Delays are very common in monsoon.",
            "happens_all_the_time",
        ),
        // Another day.
        (
            "Agent: Please call back later, the system is down.",
            "contact_another_day",
        ),
        (
            "She told me to try again later and put the phone down.",
            "contact_another_day",
        ),
        (
            "The airline's agent said they would get back to you in a few days.",
            "contact_another_day",
        ),
        ("客服：你过几天再打来问问。", "contact_another_day"),
        ("職員：聽日再嚟啦。", "contact_another_day"),
        (
            "Agent: Come back another day, we're closing.",
            "contact_another_day",
        ),
        // Can't you read.
        ("柜员：表上写着呢，你看不懂吗？", "cant_you_read"),
        ("客服：短信里说得很清楚，字都认识吧？", "cant_you_read"),
        ("Cashier: Didn't you read the sign?", "cant_you_read"),
        // What you pay for.
        (
            "Rep: It's the cheapest plan, you kind of get what you pay for.",
            "get_what_you_pay_for",
        ),
        (
            "The seller said \"well, you got what you paid for\".",
            "get_what_you_pay_for",
        ),
        // A child could do it.
        (
            "Agent: Honestly, a kid could do this in the app.",
            "child_could_do_it",
        ),
        (
            "Agent: A six year old could set this up.",
            "child_could_do_it",
        ),
        ("客服：这个连小孩都会，您点一下就行。", "child_could_do_it"),
        // Cannot happen on a merchant's turn.
        (
            "客户：菜里有头发。\n商家：不可能，我们戴帽子的。",
            "cannot_happen",
        ),
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
        "我不是第一个遇到这种事的人，网上很多。",
        "I'm not the first customer to complain about this.",
        "That debit is not ours, we never ordered anything.",
        "I tried again later and it still failed.",
        "我过几天再去营业厅看看。",
        "客户：这个价钱跟我们无关，是你们定的。",
        "I know you get what you pay for, but this is broken.",
        "My kid could do a better job than your engineer.",
        "客人：我聽日再嚟攞。\n職員：好。",
    ] {
        assert_eq!(forbidden(t), Vec::<&str>::new(), "{t}");
    }
}

#[test]
fn a_customer_turn_after_a_counter_label_is_the_customers() {
    // 客人： opens the customer's turn after 職員：, so the customer's words there are theirs.
    let t = "職員：你要排隊。\n客人：佢哋個經理好串，仲鬧我。";
    assert_eq!(conduct(t), ["rude"], "{t}");
    let t = "職員：你要排隊。\n客人：我唔知幾時到。";
    assert_eq!(forbidden(t), Vec::<&str>::new(), "{t}");
}

#[test]
fn the_seeds_own_wording_is_read_by_the_shorter_line_that_holds_it() {
    for (t, code) in [
        ("客服：规定就是这样，我也没办法。", "company_rules"),
        ("柜员：规定就是规定。", "company_rules"),
        ("職員：公司规定系咁。", "company_rules"),
        ("客服：系统绝不可能扣错。", "cannot_happen"),
        ("职员：你不识字吗？", "cant_you_read"),
        ("店員：你自己看一下說明書。", "cant_you_read"),
        ("職員：你睇唔明中文咩？", "cant_you_read"),
        ("客服：您明天再打过来吧。", "contact_another_day"),
        ("客服：这个我们也不清楚。", "dont_know"),
        (
            "Agent: We see this all the time with that model.",
            "seen_it_often",
        ),
        (
            "Rep: Well, you get what you pay for.",
            "get_what_you_pay_for",
        ),
        ("Agent: Even a child could do it.", "child_could_do_it"),
        ("Agent: That's normal, madam.", "happens_all_the_time"),
        (
            "Agent: We will contact you another day.",
            "contact_another_day",
        ),
        ("客服：这个不归我们管。", "ask_someone_else"),
        ("客服：你看不懂中文吗？", "cant_you_read"),
    ] {
        assert!(
            forbidden(t).contains(&code),
            "{code} in {t}: {:?}",
            forbidden(t)
        );
    }
}

#[test]
fn staff_saying_a_child_could_do_it_mock_the_customer_which_is_rude() {
    // tests/text/README.md, handling_failures: mocked or condescending is `rude`, as well as
    // the forbidden phrase, however the customer tells it (a turn, a quote, a report).
    let texts = [
        "客服：这个很简单，连小孩都会，您自己弄一下。",
        "店員：這個小學生都會裝啦。",
        "職員：咁都唔識？細路都識啦。",
        "The engineer said \"a kid could do this\" and left.",
        "Agent: Honestly, a ten year old could set that up.",
    ];
    assert_eq!(conduct_missed(&texts, "rude"), Vec::<&str>::new());
    // The customer's own comparisons are no staff words and no conduct.
    let own = [
        "My kid could do a better job than your engineer.",
        "客户：我家小孩都会用，就我不会。",
        "I thought even a child could assemble it, but the screws don't fit.",
    ];
    assert_eq!(conduct_read(&own), Vec::<(&str, Vec<&str>)>::new());
}

#[test]
fn staff_asking_whether_the_customer_can_read_mock_them_which_is_rude() {
    // A question about the customer's reading mocks; pointing to what is written does not.
    let texts = [
        "客服：说明书写着呢，你不识字吗？",
        "坐席：您看不懂中文吗？",
        "職員：你睇唔明中文咩？",
        "櫃員說「寫那麼大你看不懂喔？」",
        "Agent: It's on the receipt. Can't you read?",
    ];
    assert_eq!(conduct_missed(&texts, "rude"), Vec::<&str>::new());
    let pointers = [
        "客服：条款上写得很清楚，您当时签过字的。",
        "店員：請您自己看一下說明書。",
        "坐席：您签字前应该仔细看一下。",
    ];
    for t in pointers {
        assert_eq!(forbidden(t), ["cant_you_read"], "{t}");
    }
    assert_eq!(conduct_read(&pointers), Vec::<(&str, Vec<&str>)>::new());
    // The customer asking about their own reading is neither.
    let own = ["客户：我老了，看不懂中文吗？不是，是字太小。"];
    assert_eq!(conduct_read(&own), Vec::<(&str, Vec<&str>)>::new());
}

//! Text understanding v2 (issue 17): what the scanner reads from a narrative or a transcript,
//! on the issue's own examples.

mod common;
use common::safety as level;
use complaint_triage::scan::{CURRENCIES, SAFETY_LEVELS, SCOPES};
use complaint_triage::{scan_text, TextCues};

fn threats(t: &str) -> u8 {
    scan_text(t).threats
}

fn money(c: &TextCues) -> Vec<(u64, &'static str)> {
    c.money()
        .map(|m| (m.amount_minor, CURRENCIES[usize::from(m.currency)]))
        .collect()
}

#[test]
fn negated_and_hypothetical_threats_do_not_count() {
    let c = scan_text(
        "I'm not going to sue or go to the press, I just want to understand this $4 fee.",
    );
    assert_eq!(c.threats, 0);
    assert_eq!(money(&c), [(400, "USD")]);
    for t in [
        "我并不想去银保监会投诉",
        "We're not planning to take this to the ombudsman",
        "唔係要告你哋",
        "我不会去法院，也不想找媒体曝光",
        "I have no intention of suing anyone",
        "Hypothetically, if I did go to the ombudsman, what would happen?",
        "我老公说应该找记者曝光，我觉得没必要",
    ] {
        assert_eq!(threats(t), 0, "{t}");
    }
    // A later positive clause is read on its own; a condition does not negate.
    assert_eq!(threats("I won't shout, but I will sue"), 1 << 3);
    assert_eq!(
        threats("If this isn't fixed by Friday I'll go to the ombudsman"),
        1 << 2
    );
    assert_eq!(threats("如果你们不处理，我就去法院起诉"), 1 << 3);
}

#[test]
fn speakers_decide_whose_cue_it_is() {
    // The customer's own "I don't know" is no forbidden phrase; the agent's is.
    let t = "客服：您好。\n客户：我也不知道怎么回事，昨天还好好的。";
    assert_eq!(scan_text(t).forbidden_phrases, 0);
    let t = "客户：为什么扣了我两次钱？\n客服：这个我不知道。";
    assert_eq!(scan_text(t).forbidden_phrases, 1 << 4);
    // An agent naming a channel or repeating a threat is no threat.
    let t = "Customer: My bill is wrong.\nAgent: You can also contact the ombudsman or a lawyer if you like.";
    assert_eq!(scan_text(t).threats, 0);
    // Untagged text is the customer's; a quoted agent phrase counts.
    assert_eq!(threats("I'll report you to Ofcom."), 1 << 2);
    assert_eq!(
        scan_text("門市人員跟我說「規定就是這樣」").forbidden_phrases,
        1 << 5
    );
    // On the customer's turn, staff quoted or reported count as in a narrative; the
    // customer's own words on that turn still do not.
    let t = "客戶：床架斷咗，送貨佬仲話「一分錢一分貨啦」。\n客服：唔好意思。";
    assert_eq!(scan_text(t).forbidden_phrases, 1 << 1);
    let t = "Customer: The receptionist said it's company policy.\nAgent: I see.";
    assert_eq!(scan_text(t).forbidden_phrases, 1 << 5);
    let t = "客户：我也不知道怎么回事。\n客服：好的。";
    assert_eq!(scan_text(t).forbidden_phrases, 0);
}

#[test]
fn look_alikes_are_not_cues() {
    for t in [
        "The voltage regulator in the charger failed after a week.",
        "我收不到多媒体短信，只能收文字短信。",
        "相机曝光时间设置不了。",
        "每天都收到很多垃圾短信。",
        "I got a scam call pretending to be you.",
        "流媒体会员被自动续费了。",
    ] {
        let c = scan_text(t);
        assert_eq!((c.threats, c.emotion_markers), (0, 0), "{t}");
    }
}

#[test]
fn safety_malice_people_scope_repetition_time_and_money_are_read() {
    let c = scan_text("你们卖的充电宝昨晚充电时爆炸了，把我孩子的手烧伤了，现在还在医院住院。");
    assert_eq!(
        SAFETY_LEVELS[usize::from(c.safety) - 1].code,
        "serious_injury_or_death"
    );
    assert_ne!(c.vulnerable & (1 << 4), 0, "child");
    let c =
        scan_text("The extension lead started sparking and melted the socket. Nobody was hurt.");
    assert_eq!(SAFETY_LEVELS[usize::from(c.safety) - 1].code, "hazard");
    assert_eq!(scan_text("幸好没有人受伤").safety, 0);

    assert_ne!(scan_text("这事我们私了吧").malice & (1 << 1), 0);
    assert_eq!(
        SCOPES[usize::from(scan_text("整个小区都没信号").scope) - 1].code,
        "building"
    );
    assert_eq!(scan_text("这已经是我第五次来电").repetition, 5);
    assert_eq!(
        scan_text("This is the third time I have called.").repetition,
        3
    );
    assert_eq!(
        scan_text("No hot water for two weeks now.").elapsed_hours,
        336
    );
    assert_eq!(scan_text("宽带断了三天了").elapsed_hours, 72);
    assert_eq!(scan_text("三天内给我答复").elapsed_hours, 0, "a deadline");
    assert_eq!(money(&scan_text("赔我5000元")), [(500000, "CNY")]);
    assert_eq!(
        money(&scan_text("The repair quote was £18,500.")),
        [(1850000, "GBP")]
    );
    assert_eq!(money(&scan_text("退款１２００元")), [(120000, "CNY")]);
    assert_eq!(money(&scan_text("要收我六百八蚊上門費")), [(68000, "HKD")]);
    assert_eq!(
        money(&scan_text("在台北買的，花了八百元")),
        [(80000, "TWD")]
    );
}

#[test]
fn quoted_advice_mentions_and_vague_amounts_are_not_cues() {
    // The other party's words quoted back, someone else's advice in Cantonese, a denial.
    for t in [
        "客户：你刚才说我可以去12315投诉是吧？不用不用，我就是随口问问。",
        "我阿哥話應該放上網鬧爆你哋，不過我唔想搞大件事。",
        "客户：没有，我没说要去工信部，你听错了。",
    ] {
        assert_eq!(threats(t), 0, "{t}");
    }
    // A lawyer or a newspaper mentioned is no threat; a lawyer's letter is.
    assert_eq!(threats("律师事务所的同事让我来开一张资信证明"), 0);
    assert_eq!(
        threats("The newspaper I subscribe to stopped arriving on Sundays."),
        0
    );
    assert_eq!(threats("你们等律师函吧"), 1 << 3);
    assert_eq!(threats("I'll go to the newspaper with this."), 1);
    // `十几块` leaves a digit unsaid; `三百多` states at least 300.
    assert!(money(&scan_text("每个月都多扣我十几块流量费")).is_empty());
    assert_eq!(money(&scan_text("花了三百多块")), [(30000, "CNY")]);
    // After a verb, the unit names the currency; a currency sign keeps its own.
    assert_eq!(money(&scan_text("要收我六百八蚊上門費")), [(68000, "HKD")]);
    assert_eq!(money(&scan_text("你给我转两千")), [(200000, "CNY")]);
    assert_eq!(money(&scan_text("新台幣500元")), [(50000, "TWD")]);
}

#[test]
fn everyday_emotion_words_and_code_mixing_are_read() {
    let emotion = |t: &str| scan_text(t).emotion_markers;
    assert_eq!(emotion("越想越气"), 1);
    assert_eq!(emotion("你哋呢啲服務，嬲死我"), 1);
    assert_eq!(emotion("Discusting service."), 1 << 1);
    assert_eq!(emotion("間屋漏水漏咗成個月，真係想喊"), 1 << 2);
    assert_eq!(threats("If you don't reply by Friday 我就搵 media"), 1);
    assert_eq!(threats("已經將片放上IG"), 1 << 1);
    assert_eq!(threats("今次我直接報 OFCA"), 1 << 2);
}

#[test]
fn time_given_is_not_time_waited() {
    let hours = |t: &str| scan_text(t).elapsed_hours;
    assert_eq!(hours("再给你们24小时，不然我就发抖音。"), 0);
    assert_eq!(hours("俾你哋三日時間"), 0);
    assert_eq!(hours("Pay up. You have 48 hours."), 0);
    assert_eq!(hours("I have waited 48 hours for a call back."), 48);
    assert_eq!(hours("等了你们24小时"), 24);
}

#[test]
fn how_widely_customers_are_affected_is_read_from_either_side() {
    // Staff confirming the extent of an outage state a fact of the problem, with the
    // company's own knowledge.
    let t = "Customer: My broadband is down again.\nAgent: I can see the outage on our map, it covers the whole of Leeds.";
    assert_eq!(scan_text(t).scope, 1 + 2, "city");
    let t = "客戶：我阿爺用開嘅平安鐘成個禮拜接唔通中心。\n職員：系統升級緊，全港用戶都有影響。";
    assert_eq!(scan_text(t).scope, 1 + 3, "everyone");
    // Denied, by either side, it is not read.
    let t = "Customer: My internet is down.\nAgent: It's not the whole building, only your flat.";
    assert_eq!(scan_text(t).scope, 0);
}

#[test]
fn a_letters_greeting_names_no_speaker() {
    // A role word after a greeting is whom the letter is for: the letter is the customer's.
    for t in [
        "尊敬的客服经理：\n这是我第五次写信。你们再不处理，我就去法院起诉。",
        "致客服部門：\n本人已來信四次，若仍未處理，將循法律途徑解決。",
        "Dear Customer Service:\nIf this is not resolved I will take legal action.",
    ] {
        assert_eq!(threats(t), 1 << 3, "{t}");
    }
    // A transcript's own labels still turn the speaker: the agent naming a court is no threat.
    let t = "客服：您好，请问您是要去法院起诉吗？\n客户：不是，我只想退款。";
    assert_eq!(threats(t), 0);
}

/// A lift out of order is an outage, not a harm, and the other senses of 困 (sleepy, hard,
/// bothered) and of "stuck" are none. People trapped inside are the next test.
#[test]
fn a_broken_lift_and_the_other_senses_of_trapped_are_no_harm() {
    for t in [
        "电梯坏了三天了，我每天爬十八楼。",
        "電梯故障一個星期，管委會都不處理。",
        "部𨋢壞咗兩日，我行樓梯行到腳軟。",
        "The lift has been out of order for a week.",
        "我困了，明天再打电话给你们。",
        "退款困难，客服一直推。",
        "这个问题困扰了我一个月。",
        "I've been stuck in a queue for an hour.",
        "The refund is stuck in your system.",
        "电梯坏了三天，我每天爬楼爬到困了。",
        "电梯停运，我妈一个星期困在家里出不了门。",
        "The lift was broken, so I was stuck at home all week.",
    ] {
        assert_eq!(level(t), None, "{t}");
    }
}

/// People trapped in a lift are a hazard, in each script and in English, unless the text
/// says nobody was; a fall inside raises it.
#[test]
fn people_trapped_in_a_lift_are_a_hazard() {
    for t in [
        "我们小区的电梯又坏了，昨晚有三个人被困电梯半个多小时。",
        "我妈被困在电梯里四十分钟，物业电话一直没人接。",
        "本大廈電梯上週困人兩次，管理處至今沒有解釋。",
        "我個仔放學返嚟困咗喺𨋢入面成個鐘，冇人理。",
        "My neighbour got stuck in the lift for an hour with her toddler.",
        "Two residents were trapped in an elevator on Sunday and nobody came.",
    ] {
        assert_eq!(level(t), Some("hazard"), "{t}");
    }
    assert_eq!(
        level("我爸困在电梯里，出来的时候摔倒了，手腕骨折。"),
        Some("serious_injury_or_death")
    );
    for t in [
        "电梯坏了一个星期，还好没有人被困电梯。",
        "Nobody was stuck in the lift, but it has been broken since Monday.",
    ] {
        assert_eq!(level(t), None, "{t}");
    }
}

/// The wrong medicine handed over is a hazard, which a hospital stay raises; "are you mad"
/// (吃错药, 食錯咗藥) is none.
#[test]
fn the_wrong_medicine_is_a_hazard_raised_by_its_outcome() {
    for t in [
        "药店药拿错了，幸好我妈吃之前发现了。",
        "藥房職員藥拿錯了，還好我有看清楚。",
        "間藥房執錯咗藥俾我阿爸，好彩冇食。",
        "The pharmacy gave my son the wrong medicine.",
        "They dispensed the wrong pills and the wrong dose.",
    ] {
        assert_eq!(level(t), Some("hazard"), "{t}");
    }
    assert_eq!(
        level("药店拿错药，我爸吃了以后晕倒了，送到急诊抢救。"),
        Some("serious_injury_or_death")
    );
    assert_eq!(level("藥房給錯藥，我媽吃了暈倒。"), Some("injury"));
    // Fainting alone is as often an illness: no harm.
    assert_eq!(level("我爸心脏病发晕倒了，你们的热线一直打不通。"), None);
    for t in [
        "你食錯咗藥呀？收我雙倍錢！",
        "你们是不是吃错药了，扣我两次钱。",
    ] {
        assert_eq!(level(t), None, "{t}");
    }
}

/// A hospital stay told with its length between 住 and 院, in Cantonese or by its Hong Kong
/// name raises a harm to serious; alone it shows none.
#[test]
fn hospital_stays_in_other_words_raise_a_harm() {
    for t in [
        "热水器漏电，我被电到，住了一个礼拜院。",
        "孩子喝了你们的奶粉上吐下泻，住了两个星期院。",
        "電暖爐起火，我阿爸燒傷入咗院。",
        "My daughter was scalded by the kettle and admitted to hospital.",
        "油汀燒傷我阿媽，而家喺深切治療部。",
    ] {
        assert_eq!(level(t), Some("serious_injury_or_death"), "{t}");
    }
    for t in [
        "我阿媽入咗院，你哋仲打電話嚟追數。",
        "我爸住了一个礼拜院，你们的宽带一直没修好。",
        "My father was admitted to hospital last week and you cut off his gas.",
    ] {
        assert_eq!(level(t), None, "{t}");
    }
}

/// Something falling on a car is a hazard, on a person an injury; a near miss is a hazard.
#[test]
fn things_falling_on_cars_and_people() {
    for t in [
        "停车场的栏杆落下来，把我的车顶压凹了。",
        "高空坠物把我的车窗砸碎了。",
        "樓上高空擲物，差點砸到我個仔。",
        "天花冧落嚟，好彩冇人喺度。",
        "The car park barrier came down on my windscreen.",
        "A branch from your tree fell on my car.",
        "The socket sparked and the lights went out.",
        "I could smell gas in the hallway for two days.",
        "成間屋都係石油氣味。",
        "我家楼道里有燃气味，打了三次电话没人来。",
    ] {
        assert_eq!(level(t), Some("hazard"), "{t}");
    }
    for t in [
        "装修工人掉下来的木板砸到我头上，起了个大包。",
        "工地的钢管砸中了路过的老人。",
        "货架上的箱子砸伤了我的脚。",
        "The gate swung shut and hit me on the head.",
    ] {
        assert_eq!(level(t), Some("injury"), "{t}");
    }
    for t in [
        "价格掉下来了也不通知老用户。",
        "问题解决了，我心里的石头终于落下来了。",
        "The price came down on my last bill, but not by much.",
    ] {
        assert_eq!(level(t), None, "{t}");
    }
}

#[test]
fn personal_data_handed_to_another_person_is_an_exposure() {
    for t in [
        "你们前台把我的住址告诉了一个打电话来的男人。",
        "醫院把我的化驗單給了另一個同名的病人。",
        "銀行將我張月結單寄咗去舊地址，而家個租客拆開睇晒。",
        "The receptionist gave out my room number to a man I don't know.",
        "You sent my test results to another patient with the same name.",
    ] {
        assert!(scan_text(t).data_exposure, "{t}");
    }
    // A parcel sent to an old address, or a customer giving their own details, is none.
    for t in [
        "订单寄到旧地址了，快递员说没人签收。",
        "I gave my address to the driver so he could find the house.",
        "我已经把地址告诉了快递员，他还是送错了。",
        "我把我的电话告诉了师傅，让他到了打给我。",
    ] {
        assert!(!scan_text(t).data_exposure, "{t}");
    }
}

#[test]
fn the_customer_giving_their_own_details_is_no_exposure() {
    for t in [
        "I shared my details with your agent to verify the account.",
        "I disclosed my condition to the nurse at the front desk.",
        "I gave out my number so the engineer could call ahead.",
    ] {
        assert!(!scan_text(t).data_exposure, "{t}");
    }
    assert!(scan_text("Your agent shared my details with a debt collector.").data_exposure);
}

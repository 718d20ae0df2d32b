//! The readers added with the corpus of T-401..T-694 (tests/text/README.md): an excessive
//! claim against a stated loss, ages stated in English, the place after `整个` or "the whole of",
//! extortion as a claim with a publicity threat, Traditional text as Taiwanese, and the
//! durations that are no wait (a stay, a pregnancy, a customer's tenure).

use complaint_triage::scan::{CURRENCIES, MALICE, SCOPES};
use complaint_triage::{scan_text, TextCues};

fn malice(t: &str, code: &str) -> bool {
    let bit = MALICE.iter().position(|m| m.code == code).unwrap();
    scan_text(t).malice >> bit & 1 == 1
}

fn scope(t: &str) -> Option<&'static str> {
    let level = usize::from(scan_text(t).scope);
    level.checked_sub(1).map(|i| SCOPES[i].code)
}

fn currencies(c: &TextCues) -> Vec<&'static str> {
    c.money()
        .map(|m| CURRENCIES[usize::from(m.currency)])
        .collect()
}

#[test]
fn a_claim_beyond_twice_the_stated_loss_is_excessive() {
    for t in [
        "客户：我花了15块买的面包里有虫子。\n客服：给您全额退款。\n客户：退款就想打发我？我要五千。",
        "Following the late delivery of my £12.99 phone case I require £5,000 in damages.",
        "The laptop you sold me for $1,100 died. I now require $6,000 for lost work.",
        "客戶：你哋個雪櫃壞咗，成雪櫃嘢壞晒，大約八百蚊。\n職員：我哋可以賠返八百。\n客戶：八百？我要八千。",
    ] {
        assert!(malice(t, "excessive_claim"), "{t}");
    }
    for t in [
        // A claim at most twice the loss.
        "I paid £30 for the haircut and I want £60 back for the trouble.",
        // Claims that rise with no loss stated: escalating, not excessive.
        "第一次我说赔个两百就算了；第二回我要五百；现在我的要求是两千。",
        // The company's offer is no loss.
        "On the first call you offered £20 and I asked for £200.",
        // The agent's amounts are not the customer's claim.
        "客户：我花了100元。\n客服：我们最多赔您一千元。",
    ] {
        assert!(!malice(t, "excessive_claim"), "{t}");
    }
}

#[test]
fn a_claim_with_a_publicity_threat_is_extortion() {
    assert!(malice("八百？我要八千，唔係我就搵記者。", "extortion"));
    assert!(malice("我要十万，不给我就发微博。", "extortion"));
    // A sum said bare, with no 元 or 块, after a demand.
    assert!(malice(
        "给我赔五万，不然我就把视频发到抖音上。",
        "extortion"
    ));
    assert!(malice("賠償十萬，唔係我就放上網。", "extortion"));
    // A claim with a regulator or a lawyer is a claim, not the price of silence.
    assert!(!malice("我要八千，不然我就去12315投诉。", "extortion"));
    assert!(!malice(
        "I want $3,000 or I'll be talking to my attorney.",
        "extortion"
    ));
    // Silence offered for money, said as a refrain.
    assert!(malice(
        "賠我二十萬，我就不把監視器畫面交給電視台。",
        "extortion"
    ));
    // A refusal of a private settlement is none.
    assert!(!malice(
        "我不接受私了，该走什么流程就走什么流程。",
        "private_settlement"
    ));
}

#[test]
fn a_stated_age_is_an_elderly_person_or_a_child() {
    let elderly = |t: &str| scan_text(t).vulnerable & 1 == 1;
    let child = |t: &str| scan_text(t).vulnerable >> 4 & 1 == 1;
    assert!(elderly("My father, who is 84 years old, lives alone."));
    assert!(!elderly("I am 35 years old and I want a refund."));
    assert!(child("Three weeks ago my 2 year old cut her foot."));
    assert!(child("Your store sold my 15 year old a vape."));
    assert!(!child("I am 45 years old and I want a refund."));
}

#[test]
fn the_place_after_a_whole_gives_the_scope() {
    assert_eq!(scope("我们整个小区停水两天了"), Some("building"));
    assert_eq!(scope("整個南屯區斷網三天"), Some("district"));
    assert_eq!(scope("整个县城的有线电视都没了"), Some("district"));
    assert_eq!(scope("整个城市的地铁停运"), Some("city"));
    assert_eq!(scope("整個高雄市的用戶網路很慢"), Some("city"));
    assert_eq!(scope("It covers the whole of Leeds."), Some("city"));
    assert_eq!(scope("全港嘅網絡都斷晒"), Some("everyone"));
    // No place after it: a market, a corridor, a process, the whole of the night.
    assert_eq!(scope("整个市场都这样"), None);
    assert_eq!(scope("整个楼道都是烟"), None);
    assert_eq!(scope("整个过程很糟糕"), None);
    assert_eq!(scope("I was awake the whole of the night."), None);
}

#[test]
fn traditional_text_naming_no_place_is_taiwanese() {
    let c = scan_text("你們收了我兩千元，這個月又多扣了五百元。");
    assert_eq!(currencies(&c), ["TWD", "TWD"]);
    // Cantonese words name Hong Kong, whichever comes first.
    let c = scan_text("你們收咗我兩千元，你哋點解唔退？");
    assert_eq!(currencies(&c), ["HKD"]);
    assert_eq!(currencies(&scan_text("你们收了我两千元")), ["CNY"]);
}

#[test]
fn durations_that_are_no_wait() {
    for t in [
        "我是孕妇，怀孕五个月，快递员让我自己搬箱子。",
        "我父亲因脑梗住院四十天。",
        "Three weeks ago my son cut his foot.",
        "You cancelled it two days before the trip.",
        "I'm eight months pregnant and the boiler is broken.",
        "结果我住进去第二天宝宝就开始拉肚子。",
    ] {
        assert_eq!(scan_text(t).elapsed_hours, 0, "{t}");
    }
    // How long someone has been a customer is no wait either.
    for t in [
        "I've been a customer for more than five years.",
        "I have been a loyal customer for over 12 years and never complained.",
        "We've been with you for ten years.",
    ] {
        assert_eq!(scan_text(t).elapsed_hours, 0, "{t}");
    }
    assert_eq!(
        scan_text("I've been with you for 10 years and the line has been dead for three days.")
            .elapsed_hours,
        72
    );
    assert_eq!(scan_text("等咗兩粒鐘都冇人聽").elapsed_hours, 2);
    assert_eq!(scan_text("打客服一个多小时没人接").elapsed_hours, 1);
}

#[test]
fn reports_counted_before_make_this_contact_the_next() {
    assert_eq!(
        scan_text("本人於3月份報障三次，寬頻仍然斷線。").repetition,
        4
    );
    assert_eq!(scan_text("我已经投诉三次了").repetition, 4);
}

/// The largest loss stated (`TextCues::loss`), in minor units, and its currency.
fn loss(t: &str) -> (u64, &'static str) {
    let l = scan_text(t).loss;
    (l.amount_minor, CURRENCIES[usize::from(l.currency)])
}

#[test]
fn the_largest_amount_paid_or_lost_is_the_loss_never_a_claim_or_an_offer() {
    // Unmarked amounts before any claim, and amounts after a loss marker.
    assert_eq!(
        loss("Your app charged my card $1,200 for a subscription I cancelled."),
        (120_000, "USD")
    );
    assert_eq!(
        loss("花了三千块买的洗衣机坏了，赔我一万元。"),
        (300_000, "CNY")
    );
    assert_eq!(
        loss("我花了15块买的面包里有虫子。我要五千。"),
        (1_500, "CNY")
    );
    // In the region's currency, as the amounts are.
    assert_eq!(loss("你們扣了我三千元，請退回。"), (300_000, "TWD"));
    // The larger of two losses.
    assert_eq!(
        loss("I paid £30 for the cake and £45 for the delivery."),
        (4_500, "GBP")
    );
    // A claim, an offer, or an amount denied is no loss.
    assert_eq!(loss("赔我5000元"), (0, "CNY"));
    assert_eq!(loss("我要五千"), (0, "CNY"));
    assert_eq!(
        loss("Agent: we offered you £20 as a goodwill gesture."),
        (0, "CNY")
    );
    assert_eq!(loss("I want £500 for the trouble."), (0, "CNY"));
}

#[test]
fn personal_data_exposed_is_read_and_its_look_alikes_are_not() {
    for t in [
        "你们怎么把我的账单寄到我前夫的地址去了?",
        "my bank statement was sent to my neighbour",
        "你們把我的個人資料洩露給推銷公司",
        "泄露了我的身份证号",
        "someone else can see my account details in your app",
        "my data was leaked",
        "you sold my data to a broker",
        "你哋將我嘅月結單寄錯俾人",
    ] {
        assert!(scan_text(t).data_exposure, "{t}");
    }
    for t in [
        // A parcel sent astray exposes no data.
        "我的快递寄错地址了",
        "My parcel was sent to the wrong address.",
        // A privacy policy is no breach; a gas leak is no data leak.
        "Please send me your privacy policy.",
        "煤氣洩漏，好危險",
        // A statement or a bill that arrived, documents handed over.
        "我的对账单寄到了吗？",
        "My bill was sent to my email as usual but the amount is wrong.",
        "你哋話要我拎資料俾人睇，我已經交咗。",
        // Denied.
        "My data was not leaked, I just want to close the account.",
        // The agent's reassurance is not the customer's report.
        "客服：我们不会泄露您的信息。",
    ] {
        assert!(!scan_text(t).data_exposure, "{t}");
    }
}

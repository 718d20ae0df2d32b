//! The category a text suggests (seed `002_53957cc42773bf88.txt`, 六 智能客服: 自動識別投訴類型),
//! read from the words people use for each kind of complaint (`core/phrases.tsv`, "Category
//! words by family"): sentences written for this test, none from the corpus, in Simplified
//! and Traditional Chinese, Cantonese and English, and the look-alikes that must not vote.

mod common;
use common::category;
use complaint_triage::scan_text;

fn assert_all(cases: &[(&str, &str)]) {
    for (t, want) in cases {
        assert_eq!(category(t), Some(*want), "{t}");
    }
}

#[test]
fn a_supply_is_named_by_its_network_and_signal() {
    assert_all(&[
        ("手机网络特别差，打电话老是断。", "basic_service"),
        ("這幾天網絡一到晚上就斷，根本沒法用。", "basic_service"),
        ("我哋屋企冇網成個禮拜，點樣上堂？", "basic_service"),
        (
            "Mobile signal in my flat is terrible since you moved the mast.",
            "basic_service",
        ),
    ]);
}

#[test]
fn a_charge_is_a_fee_a_deduction_or_a_double_charge() {
    assert_all(&[
        ("餐厅收了服务费，可是根本没人服务。", "billing"),
        ("我的账户被乱扣钱，根本没开通这项业务。", "billing"),
        ("酒樓收咗我服務費，但係成晚都冇人理。", "billing"),
        (
            "I was double charged for the same order last week.",
            "billing",
        ),
        (
            "There's a charge on my statement I don't recognise.",
            "billing",
        ),
        (
            "This month's phone bill is three times the usual amount.",
            "billing",
        ),
    ]);
}

#[test]
fn an_offer_is_a_gift_marketing_or_misleading_sales_talk() {
    assert_all(&[
        ("买手机送的赠品一直没给我。", "promotion"),
        ("最近营销电话一天打五六个。", "promotion"),
        ("買電視話送嘅贈品到而家都未收到。", "promotion"),
        (
            "The salesperson gave me misleading information about the contract.",
            "promotion",
        ),
    ]);
}

#[test]
fn a_feature_the_customer_cannot_use_is_logging_in() {
    assert_all(&[
        ("收不到验证码，登录一直失败。", "service_usage"),
        ("App 一直登錄失敗，驗證碼也收不到。", "service_usage"),
        (
            "I can't sign in to my account since the update.",
            "service_usage",
        ),
        ("Your app won't let me log in.", "service_usage"),
    ]);
}

#[test]
fn a_card_reported_lost_is_a_transaction() {
    assert_all(&[
        ("信用卡挂失以后新卡还没寄到。", "transaction"),
        ("我上星期已經掛失咗張卡。", "transaction"),
    ]);
}

#[test]
fn the_companys_servers_and_crashing_apps_are_its_systems() {
    assert_all(&[
        ("你们服务器又出问题了，整个下午都打不开。", "system_support"),
        (
            "The app keeps crashing every time I open it.",
            "system_support",
        ),
    ]);
}

#[test]
fn goods_are_named_by_their_quality_and_how_they_broke() {
    assert_all(&[
        ("这台吹风机用没多久就坏掉了。", "product_quality"),
        ("件衫質量真係差，洗一次就變形。", "product_quality"),
        ("推车的轮子用了一周就脱落了。", "product_quality"),
        ("这种劣质的插线板你们也敢卖。", "product_quality"),
        ("這雙鞋穿兩次鞋底就脫落了。", "product_quality"),
        (
            "The heel came off my new boots on the second day.",
            "product_quality",
        ),
        ("Really poor quality for the money.", "product_quality"),
    ]);
}

#[test]
fn staff_who_brush_the_customer_off_are_the_complaint() {
    assert_all(&[
        ("客服敷衍了事，说了半天什么也没解决。", "service_attitude"),
        (
            "I emailed twice and nobody got back to me.",
            "service_attitude",
        ),
    ]);
}

#[test]
fn a_price_is_dear_or_above_the_quote() {
    assert_all(&[
        ("呢間舖啲嘢好貴，同隔離差一倍。", "price"),
        ("这家的东西好贵，比别家贵一倍。", "price"),
        ("The final invoice was double what you quoted.", "price"),
    ]);
}

#[test]
fn getting_things_there_is_takeaway_luggage_and_couriers() {
    assert_all(&[
        ("外卖送了两个小时才到，饭都凉了。", "logistics"),
        ("外送員把餐點放錯地址。", "logistics"),
        ("我的行李在机场不见了。", "logistics"),
        ("速遞員話送咗件，但我屋企冇收過。", "logistics"),
        (
            "My order still hasn't arrived after three weeks.",
            "logistics",
        ),
    ]);
}

/// Words that hold a category word or sit beside one without naming the complaint.
/// The v9 words: a price dearer than before, a removal firm and a suitcase, a cashback, a
/// reissue, staff unprofessional.
#[test]
fn a_price_a_removal_a_bag_a_cashback_a_reissue_and_unprofessional_staff() {
    assert_all(&[
        ("同样的套餐，这个月比上个月贵了三十块。", "price"),
        (
            "The call-out charge was frankly extortionate for ten minutes' work.",
            "price",
        ),
        ("约好的搬家公司说上午到，下午四点才来。", "logistics"),
        (
            "The airline lost my suitcase somewhere between Leeds and Lisbon.",
            "logistics",
        ),
        ("说好的满减返现到现在都没到账。", "promotion"),
        // A card reissued is a replacement card: an application handled
        // (tests/text/README.md, Category), as 补卡.
        ("补办一张银行卡要我跑三次网点。", "transaction"),
        (
            "The staff at the counter were completely unprofessional.",
            "service_attitude",
        ),
    ]);
}

#[test]
fn look_alikes_name_no_category() {
    for t in [
        // A service's quality, not goods'.
        "你们的服务质量太差了。",
        // Online, where a customer says they will post, not the network.
        "不然我就在网络上曝光你们。",
        "我會在網路上說出來。",
        // Praise of the staff, a hardship, a churn threat, a claim under review.
        "客服态度很好，谢谢。",
        "I have bills to pay and no income.",
        "I'm going to cancel my contract and move to another network.",
        "理赔还在审核，我等了一个月。",
    ] {
        assert_eq!(category(t), None, "{t}");
    }
}

/// An accident names no category: the delivery, the charge or the price told beside a harm
/// do not vote; the supply or the goods that caused it, and staff conduct, still do.
#[test]
fn beside_a_harm_only_the_supply_the_goods_and_the_staff_vote() {
    for t in [
        "The delivery driver knocked my dad over and he broke his wrist.",
        "外卖骑手闯红灯把我撞倒，腿擦伤流血。",
        "你哋啲速遞員推車撞到我阿媽，佢手腕扭傷咗。",
        "我摔伤了，医院账单三千块，你们要负责。",
    ] {
        assert!(scan_text(t).safety > 0, "{t}");
        assert_eq!(category(t), None, "{t}");
    }
    assert_all(&[
        (
            "The charger overheated and burned my hand, and you still charged me for delivery.",
            "product_quality",
        ),
        ("停电了整晚，我摸黑下楼梯摔伤了脚。", "basic_service"),
    ]);
}

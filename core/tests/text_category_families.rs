//! The category a text suggests (seed `002_53957cc42773bf88.txt`, 六 智能客服: 自動識別投訴類型)
//! from the objects, actions and outcomes of each category's subject (`core/phrases.tsv`,
//! "Category words v10"; tests/text/README.md, **Category**): a refund not yet back or a
//! booking changed, goods that will not start or were badly made, a fibre or phone line, a
//! smell of gas, a power cut, baggage and goods sent again, an account disabled, a card
//! refused, an app down, a fee in Simplified script. Sentences written for this test, none
//! from the corpus, in Simplified and Traditional Chinese, Cantonese and English; and the
//! look-alikes where the same thing belongs to another category or to none.

mod common;
use common::{assert_readings, category};

/// Every text suggests the category given beside it.
fn assert_all(cases: &[(&str, Option<&str>)]) {
    assert_readings(cases, category);
}

#[test]
fn a_refund_not_back_or_a_booking_changed_is_a_transaction() {
    assert_all(&[
        ("说好七个工作日到账，钱还没退。", Some("transaction")),
        ("取消訂單兩個禮拜了，錢還沒退給我。", Some("transaction")),
        ("航班取消后我想改签，客服一直占线。", Some("transaction")),
        ("我想把体检改期到下个月，网上约不了。", Some("transaction")),
        ("银行卡丢了，去网点补办要排两个小时。", Some("transaction")),
        (
            "I've been trying to rebook the flight for three days.",
            Some("transaction"),
        ),
        (
            "They won't let me reschedule the appointment online.",
            Some("transaction"),
        ),
    ]);
}

#[test]
fn goods_that_fail_or_were_badly_made_are_product_quality() {
    assert_all(&[
        ("新买的手机用了三天就无法开机。", Some("product_quality")),
        (
            "平板一打游戏就死机，屏幕还会黑屏。",
            Some("product_quality"),
        ),
        ("冷氣裝好第一天就不制冷。", Some("product_quality")),
        ("充电宝才用一个月电池就鼓包了。", Some("product_quality")),
        ("这件外套做工太差，线头到处都是。", Some("product_quality")),
        (
            "你们卖给我的是次品，拉链第一天就坏掉。",
            Some("product_quality"),
        ),
        (
            "昨晚在你們店吃的雞飯，全家都吃壞肚子。",
            Some("product_quality"),
        ),
        (
            "The boots are not fit for purpose, the sole let water in after a week.",
            Some("product_quality"),
        ),
        (
            "The bread I bought yesterday was mouldy inside.",
            Some("product_quality"),
        ),
    ]);
}

#[test]
fn a_line_a_smell_of_gas_or_a_power_cut_is_a_supply() {
    assert_all(&[
        ("家里的光纤三天都没修好。", Some("basic_service")),
        (
            "樓下一直有瓦斯味，管理員說不歸他管。",
            Some("basic_service"),
        ),
        ("厨房有燃气味，打了热线也没人来。", Some("basic_service")),
        (
            "The fibre to our street has been cut since Monday.",
            Some("basic_service"),
        ),
        (
            "My landline has had no dial tone all week.",
            Some("basic_service"),
        ),
        (
            "Please fix my line, I work from home.",
            Some("basic_service"),
        ),
        (
            "There's a smell of gas in the hallway and nobody has come.",
            Some("basic_service"),
        ),
        (
            "The elevator in our building has been stuck on the ground floor since Friday.",
            Some("basic_service"),
        ),
        (
            "The power's been out on our road since last night.",
            Some("basic_service"),
        ),
    ]);
}

#[test]
fn baggage_and_goods_sent_or_sent_again_are_logistics() {
    assert_all(&[
        ("托运的箱子到了目的地却找不到。", Some("logistics")),
        ("少了一件，商家答应补寄到现在都没动静。", Some("logistics")),
        ("漏發的那件說好補發，一個月了還沒收到。", Some("logistics")),
        ("搬屋公司遲咗四個鐘先到。", Some("logistics")),
        (
            "My baggage went to Frankfurt instead of Dublin.",
            Some("logistics"),
        ),
        (
            "The order was dispatched two weeks ago and I still have nothing.",
            Some("logistics"),
        ),
        (
            "You shipped it to my old flat even though I'd updated it.",
            Some("logistics"),
        ),
    ]);
}

#[test]
fn an_account_disabled_or_a_card_refused_is_service_usage() {
    assert_all(&[
        ("我的账号莫名其妙被停用了。", Some("service_usage")),
        ("遊戲帳號無故被封號，客服不回覆。", Some("service_usage")),
        (
            "I haven't been able to access my account since the update.",
            Some("service_usage"),
        ),
        (
            "I've had no access to my account for a week.",
            Some("service_usage"),
        ),
        (
            "My card declined at the checkout even though there's money in it.",
            Some("service_usage"),
        ),
        (
            "Card blocked again while I was abroad, nobody warned me.",
            Some("service_usage"),
        ),
    ]);
}

#[test]
fn an_app_down_or_crashing_is_system_support() {
    assert_all(&[
        ("Your app is down again on payday.", Some("system_support")),
        (
            "The app crashes every time I open the payments tab.",
            Some("system_support"),
        ),
    ]);
}

#[test]
fn a_penalty_a_handling_fee_or_a_debit_is_billing() {
    assert_all(&[
        (
            "提前解约要交两千块违约金，合同上根本没写。",
            Some("billing"),
        ),
        ("转一次账扣我二十块手续费，以前从来不收。", Some("billing")),
        (
            "£60 was debited from my account without any notice.",
            Some("billing"),
        ),
    ]);
}

#[test]
fn the_same_words_in_another_category_or_in_none_do_not_decide_it() {
    assert_all(&[
        // A fever not yet down, a road accident, a claim's progress, an insurer's
        // excess and a wheelchair at a door are not what a category is about.
        ("孩子的烧还没退，我想问问医生几点上班。", None),
        (
            "I was in a crash on the motorway and my claim is still open.",
            None,
        ),
        ("理赔进度一直显示审核中。", None),
        ("They deducted the excess from my payout.", None),
        ("轮椅进不去，门口有台阶。", None),
        ("I can't access the platform in my wheelchair.", None),
        (
            "My father had a blackout in the queue at your branch.",
            None,
        ),
        // A phone line in a supply complaint, the supply first; the penalty in a
        // broken offer, the offer (TIE_ORDER).
        ("宽带断了，光纤师傅说要等一周。", Some("basic_service")),
        ("业务员说可以随时退，现在要我付违约金。", Some("promotion")),
        // A damaged parcel in transit names the carrier too, a fee on a broken
        // supply names the supply.
        (
            "No internet for a week and you still debited the full monthly fee.",
            Some("basic_service"),
        ),
    ]);
}

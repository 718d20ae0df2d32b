//! The category a text suggests (seed `002_53957cc42773bf88.txt`, 六 智能客服: 自動識別投訴類型)
//! from the subject of the complaint as people name it (`core/phrases.tsv`, "Category words
//! v11"; tests/text/README.md, **Category**): a charge taken again or at random, a line that
//! keeps dropping, no gas or electricity, a parcel lost or not sent, colours that run, fakes,
//! a thing that broke after days, food past its use-by date, online banking and verification
//! codes, a price put up, cashback, a page that won't load, an error code. Sentences written
//! for this test, none from the corpus, in Simplified and Traditional Chinese, Cantonese and
//! English; and the look-alikes where the same words belong to another category or to none.

mod common;
use common::{assert_readings, category};

/// Every text suggests the category given beside it.
fn assert_all(cases: &[(&str, Option<&str>)]) {
    assert_readings(cases, category);
}

#[test]
fn a_charge_taken_again_or_at_random_is_billing() {
    assert_all(&[
        ("信用卡被重复收费了两次，银行让我找商户。", Some("billing")),
        ("同一筆訂單被重複收費，到現在還沒處理。", Some("billing")),
        ("你们又乱扣我的钱，我根本没开这个业务。", Some("billing")),
        ("我冇用過呢個服務，點解要收我錢？", Some("billing")),
        ("凭什么收我钱？我上个月就停机了。", Some("billing")),
        (
            "They keep charging me after I cancelled in March.",
            Some("billing"),
        ),
    ]);
}

#[test]
fn a_line_that_drops_or_no_gas_or_electricity_is_a_supply() {
    assert_all(&[
        (
            "家里宽带三天两头掉线，晚上根本用不了。",
            Some("basic_service"),
        ),
        ("屋企部路由器成日掉線。", Some("basic_service")),
        (
            "There has been no gas since Monday morning.",
            Some("basic_service"),
        ),
        (
            "We've had no electricity for two days and the freezer is ruined.",
            Some("basic_service"),
        ),
        (
            "The power went off again last night for the third time this week.",
            Some("basic_service"),
        ),
    ]);
}

#[test]
fn a_parcel_lost_or_not_sent_is_logistics() {
    assert_all(&[
        ("丢件了，快递公司说最多赔三倍运费。", Some("logistics")),
        ("貨款付了兩週，店家一直沒出貨。", Some("logistics")),
        ("说好三天到货，现在一个星期了。", Some("logistics")),
        ("順豐話件貨喺轉運中心搵唔到。", Some("logistics")),
        (
            "The order was not delivered and the app says it was.",
            Some("logistics"),
        ),
    ]);
}

#[test]
fn colours_that_run_fakes_and_goods_that_broke_are_product_quality() {
    assert_all(&[
        (
            "新买的裤子洗了一次就掉色，把别的衣服都染了。",
            Some("product_quality"),
        ),
        ("窗簾掛了一個月就褪色。", Some("product_quality")),
        ("件衫洗一次就甩色。", Some("product_quality")),
        (
            "網購的包包是仿冒品，專櫃說不是他們的貨。",
            Some("product_quality"),
        ),
        ("你哋賣老翻貨仲話係正版。", Some("product_quality")),
        (
            "The perfume I got from your site is a counterfeit.",
            Some("product_quality"),
        ),
        (
            "The new monitor has three dead pixels in the middle.",
            Some("product_quality"),
        ),
        (
            "The headphones broke after a week.",
            Some("product_quality"),
        ),
        ("There was a hair in my burger.", Some("product_quality")),
        (
            "The yoghurt had gone off two days before its use-by date.",
            Some("product_quality"),
        ),
    ]);
}

#[test]
fn logging_in_codes_and_mobile_banking_are_service_usage() {
    assert_all(&[
        (
            "I can't log into the app since I changed phones.",
            Some("service_usage"),
        ),
        (
            "I never receive the verification code by text.",
            Some("service_usage"),
        ),
        (
            "My online banking has shown a blank page all week.",
            Some("service_usage"),
        ),
        (
            "手机银行一直转圈，转账转了三次都不成功。",
            Some("service_usage"),
        ),
        ("我嘅戶口俾你哋鎖咗，提唔到錢。", Some("service_usage")),
    ]);
}

#[test]
fn a_price_put_up_cashback_and_a_page_that_fails() {
    assert_all(&[
        ("月費無啦啦又起價，都冇通知。", Some("price")),
        (
            "They've put the price up twice this year without telling anyone.",
            Some("price"),
        ),
        ("The shop put its prices up overnight.", Some("price")),
        (
            "They promised me cashback when I signed and it never came.",
            Some("promotion"),
        ),
        (
            "The checkout page won't load on any browser.",
            Some("system_support"),
        ),
        ("付款時一直跳出錯誤代碼 E102。", Some("system_support")),
        (
            "I keep getting error code 403 when I pay.",
            Some("system_support"),
        ),
    ]);
}

#[test]
fn the_same_words_elsewhere_do_not_decide_another_category() {
    assert_all(&[
        // The failure named with the new words wins the tie over them: the goods over the
        // delivery that brought them, the supply over the charge for it.
        ("到货第二天就坏了，屏幕全是坏点。", Some("product_quality")),
        (
            "No internet for a week and they keep charging me for it.",
            Some("basic_service"),
        ),
        // Words of no category: a family, money, a queue, a bare wish.
        ("The whole family is upset.", None),
        ("I want all my money back.", None),
        ("我想投诉。", None),
        ("Everyone in the queue could hear it.", None),
    ]);
}

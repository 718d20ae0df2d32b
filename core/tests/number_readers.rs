//! The number readers: a bare `$` in a Hong Kong text, a whole unit said with no number
//! (`成個月`), durations that are no wait (a product's age, a stay under observation, a
//! wait announced for the future, a date, a rate), an Nth failure that is no contact, bare
//! amounts after a claim verb, "grand", Hong Kong shown without Cantonese words, the Nth day
//! of a wait, and a vague count of contacts.

use complaint_triage::scan::CURRENCIES;
use complaint_triage::scan_text;

fn amounts(t: &str) -> Vec<(u64, &'static str)> {
    scan_text(t)
        .money()
        .map(|m| (m.amount_minor, CURRENCIES[usize::from(m.currency)]))
        .collect()
}

/// The hours read, `None` for none (0).
fn hours(t: &str) -> Option<u32> {
    Some(scan_text(t).elapsed_hours).filter(|&h| h > 0)
}

/// The ordinal read, `None` for none (0).
fn contact(t: &str) -> Option<u8> {
    Some(scan_text(t).repetition).filter(|&n| n > 0)
}

#[test]
fn a_bare_dollar_is_the_hong_kong_dollar_in_cantonese_text_else_the_us_dollar() {
    assert_eq!(
        amounts("維修中心收咗我$980，我唔知點解仲係一樣。"),
        [(98_000, "HKD")]
    );
    assert_eq!(amounts("我唔知點解要俾$298。"), [(29_800, "HKD")]);
    assert_eq!(
        amounts("They charged me $980 for nothing."),
        [(98_000, "USD")]
    );
    // A sign that names its dollar keeps it.
    assert_eq!(amounts("你哋收咗我US$50。"), [(5_000, "USD")]);
    // Cantonese words show Hong Kong, so 元 is the Hong Kong dollar too.
    assert_eq!(amounts("呢個月收咗我三百元。"), [(30_000, "HKD")]);
}

#[test]
fn an_amount_charged_after_the_verb_and_its_object() {
    assert_eq!(amounts("菜单上写的锅底收了我98，黑店！"), [(9_800, "CNY")]);
}

#[test]
fn a_whole_unit_said_with_no_number_is_one_unit() {
    assert_eq!(hours("間屋漏水漏咗成個月，真係想喊。"), Some(720));
    assert_eq!(hours("條網線斷咗成個禮拜。"), Some(168));
    assert_eq!(hours("打俾客服等咗成個鐘都冇人聽。"), Some(1));
    assert_eq!(hours("电梯坏了整个星期没人修。"), Some(168));
    // A measure word with no number and no `成` or `整` states nothing.
    assert_eq!(hours("这个月电梯又坏了。"), None);
}

#[test]
fn durations_that_are_no_wait() {
    for t in [
        // The product's age, how long it was used.
        "电饭煲内胆涂层掉了，才用了二十天。",
        "洗衣機用咗一個月個摩打就燒咗。",
        "我这车才开了三个月，哪来的旧伤？",
        // A wait announced for the future.
        "車房話零件要等三個月。",
        "银行说要三个工作日才能取回卡。",
        // A stay under observation, a pregnancy.
        "送急診住院觀察兩天，幸好寶寶沒事。",
        "孕七个月了，还要自己扛水。",
        // An age.
        "抱着三个月大的孩子去打疫苗。",
        // A date, a frequency, a rate.
        "我于10月3日乘坐贵司航班。",
        "电梯三天两头停运。",
        "垃圾短信一天收到二十多条。",
        "部新買嘅雪櫃一個禮拜壞兩次。",
        "我的电表一个月走了八百度。",
    ] {
        assert_eq!(hours(t), None, "{t}");
    }
    // The wait is still read beside them.
    assert_eq!(hours("孕七个月了，小区已经停水三天了。"), Some(72));
    assert_eq!(hours("排了两个小时队，抱着三个月大的孩子。"), Some(2));
    assert_eq!(hours("停电一天一夜了。"), Some(24));
    assert_eq!(hours("已经等了一个月，还是没人管。"), Some(720));
}

#[test]
fn an_nth_failure_or_use_is_no_contact() {
    assert_eq!(contact("這個月第四次斷網了，我要解約。"), None);
    assert_eq!(contact("空气炸锅用到第二次就开始冒烟。"), None);
    assert_eq!(contact("这是我第四次打电话了。"), Some(4));
    // Faults counted are no reports: `故障三次` is three outages, `報障三次` three calls.
    assert_eq!(contact("本座電梯上星期已故障三次，昨晚再次停頓。"), None);
    assert_eq!(contact("我已經報障三次，仲未有人嚟整。"), Some(4));
}

#[test]
fn a_bare_amount_after_a_claim_verb_is_money_in_the_local_currency() {
    assert_eq!(
        amounts("你们必须赔我两千，不然我去投诉。"),
        [(200_000, "CNY")]
    );
    assert_eq!(amounts("退我三千五就算了。"), [(350_000, "CNY")]);
    assert_eq!(amounts("要求你們補償五千。"), [(500_000, "TWD")]);
    assert_eq!(amounts("我要一万二，一分不能少。"), [(1_200_000, "CNY")]);
    // A figure after the verb, as people type it.
    assert_eq!(amounts("少了这单，我要500。"), [(50_000, "CNY")]);
}

#[test]
fn counts_and_times_after_a_claim_verb_are_no_money() {
    for t in [
        "你们赔了三次都不够诚意。",
        "退我两件，还有一件没退。",
        "我要一直等下去吗？",
        "我要万一又坏了怎么办？",
        "我要5G套餐，给我30%的折扣也行。",
        "补偿一下都不肯。",
        "赔我十倍是法律规定。",
        "给我三楼的钥匙。",
    ] {
        assert_eq!(amounts(t), [], "{t}");
    }
    // An amount with its unit is read once, by the unit.
    assert_eq!(amounts("赔我两千块。"), [(200_000, "CNY")]);
}

#[test]
fn grand_is_thousands() {
    assert_eq!(
        amounts("Pay me ten grand and this goes away."),
        [(1_000_000, "USD")]
    );
    assert_eq!(amounts("They charged me five grand."), [(500_000, "USD")]);
    assert_eq!(amounts("It cost me 2 grand to fix."), [(200_000, "USD")]);
    assert_eq!(
        amounts("That's a grand down the drain."),
        [(100_000, "USD")]
    );
    assert_eq!(amounts("They charged $2k for it."), [(200_000, "USD")]);
    // Not money: a grand total is its amount, a grand opening none.
    assert_eq!(amounts("A grand total of $50."), [(5_000, "USD")]);
    assert_eq!(amounts("At the grand opening the lift broke."), []);
}

#[test]
fn hundred_and_thousand_scale_the_number_before_the_currency_word() {
    assert_eq!(
        amounts("I want five thousand dollars for the trouble."),
        [(500_000, "USD")]
    );
    assert_eq!(
        amounts("They charged me two hundred quid for nothing."),
        [(20_000, "GBP")]
    );
    assert_eq!(amounts("It cost 2 thousand pounds."), [(200_000, "GBP")]);
    assert_eq!(
        amounts("a three thousand euros deposit"),
        [(300_000, "EUR")]
    );
    // Vague or with no number: none.
    assert_eq!(amounts("I have lost thousands of pounds."), []);
    assert_eq!(amounts("They kept the thousand pounds."), []);
    // `several` is read as three, as for days: at least 300, as `三百多` is 300.
    assert_eq!(amounts("Several hundred dollars, gone."), [(30_000, "USD")]);
}

#[test]
fn hong_kong_bodies_places_and_dollars_show_hong_kong_in_formal_chinese() {
    assert_eq!(
        amounts("醫藥費共三千五百元，已向保險業監管局投訴。"),
        [(350_000, "HKD")]
    );
    assert_eq!(
        amounts("本人住在屯門，管理費多收了六百元。"),
        [(60_000, "HKD")]
    );
    assert_eq!(amounts("八達通被重複扣款兩百元。"), [(20_000, "HKD")]);
    // An amount in Hong Kong dollars by name shows Hong Kong for the 元 beside it.
    assert_eq!(
        amounts("月費HK$198，另收手續費五十元。"),
        [(19_800, "HKD"), (5_000, "HKD")]
    );
    // Traditional text that names no place is still Taiwanese.
    assert_eq!(amounts("這個月多扣了兩百元。"), [(20_000, "TWD")]);
}

#[test]
fn the_nth_day_of_a_wait_and_a_wait_after_months() {
    assert_eq!(hours("Still no engineer!!! Day 5!!!"), Some(120));
    assert_eq!(hours("day twelve of no internet."), Some(288));
    assert_eq!(hours("Finally got my refund after 3 months."), Some(2160));
    assert_eq!(hours("For the past 3 weeks nothing has worked."), Some(504));
    assert_eq!(hours("The line has been dead for over a month."), Some(720));
    assert_eq!(hours("已经第五天了，还没修好。"), Some(120));
    assert_eq!(hours("小区停水第三天了。"), Some(72));
    assert_eq!(hours("连续第三天停电。"), Some(72));
    // Not a wait: the next day, a frequency, the product's age.
    assert_eq!(hours("第二天快递员又没来。"), None);
    assert_eq!(hours("第二天了解到情况。"), None);
    assert_eq!(hours("It drops every day 3 times."), None);
    assert_eq!(hours("The laptop died after a month."), None);
}

#[test]
fn a_vague_count_of_contacts_states_none() {
    assert_eq!(contact("我打了３次电话。"), Some(4));
    assert_eq!(contact("我打了十几次电话。"), None);
    assert_eq!(contact("找過幾次都冇用。"), None);
}

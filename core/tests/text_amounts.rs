//! Amounts said the way people write prices and claims: a figure with its lower bound left
//! open (`三百幾蚊`, `二十几万`) against one with no figure (`几百块`, "a few hundred
//! quid"), the tenths after 块 (`三块五`), amounts paid or fees said bare (`付了八万`,
//! `医药费两万八`), the financial numerals of receipts (`參萬貳仟元`), and the numbers that
//! must not read as money (counts, times, phone numbers, percentages).

use complaint_triage::scan::CURRENCIES;
use complaint_triage::scan_text;

fn amounts(t: &str) -> Vec<(u64, &'static str)> {
    scan_text(t)
        .money()
        .map(|m| (m.amount_minor, CURRENCIES[usize::from(m.currency)]))
        .collect()
}

#[test]
fn a_stated_figure_before_ji_is_its_lower_bound() {
    assert_eq!(
        amounts("佢哋嘅醫生收費五百幾，講完三句就走。"),
        [(50_000, "HKD")]
    );
    assert_eq!(amounts("部電腦維修收咗我千幾蚊都冇整好。"), []);
    assert_eq!(
        amounts("买了你们推荐的基金，亏了二十几万。"),
        [(20_000_000, "CNY")]
    );
    assert_eq!(
        amounts("这台冰箱一万几千块买的，用了一周就不制冷。"),
        [(1_000_000, "CNY")]
    );
    assert_eq!(
        amounts("我阿媽嘅醫藥費三萬幾，你哋仲話唔賠。"),
        [(3_000_000, "HKD")]
    );
}

#[test]
fn no_figure_before_ji_states_no_amount() {
    for t in [
        "十几块的东西坏了就算了，但态度太差。",
        "几百块的押金到现在都没退。",
        "幾千蚊嘅嘢，一個禮拜就壞咗。",
        "It was only a few hundred quid but the principle matters.",
    ] {
        assert_eq!(amounts(t), [], "{t}");
    }
}

#[test]
fn a_digit_after_kuai_is_its_tenths() {
    assert_eq!(
        amounts("一瓶水卖我四块五，标价明明是两块。"),
        [(450, "CNY"), (200, "CNY")]
    );
    assert_eq!(amounts("充电线六块九包邮，一天就断了。"), [(690, "CNY")]);
    assert_eq!(amounts("停车费多收了十二块八毛。"), [(1_280, "CNY")]);
    // A whole number of 块 stays whole.
    assert_eq!(amounts("打车多收了二十块，司机不认。"), [(2_000, "CNY")]);
}

#[test]
fn amounts_paid_and_fees_said_bare() {
    assert_eq!(
        amounts("首付都付了十二万，开发商说延期交房。"),
        [(12_000_000, "CNY")]
    );
    assert_eq!(
        amounts("孩子交了3600的托管费，一周就关门了。"),
        [(360_000, "CNY")]
    );
    assert_eq!(
        amounts("门诊加住院，医药费一万三，保险一分没赔。"),
        [(1_300_000, "CNY")]
    );
    assert_eq!(
        amounts("退租时违约金两千五，合同里根本没写。"),
        [(250_000, "CNY")]
    );
    assert_eq!(
        amounts("健身房一次性收费6800，三个月就跑路了。"),
        [(680_000, "CNY")]
    );
    assert_eq!(
        amounts("我搬走前俾咗八千，佢哋到而家都唔退。"),
        [(800_000, "HKD")]
    );
    assert_eq!(
        amounts("老板只愿意出五百，我手指都缝了针。"),
        [(50_000, "CNY")]
    );
    assert_eq!(amounts("对方想私下赔三千了事。"), [(300_000, "CNY")]);
    // The implied lower unit: 一万二千八 is 12 800, 三千五 3 500, 两万五 25 000.
    assert_eq!(
        amounts("首付付了两万五，车一直没到。"),
        [(2_500_000, "CNY")]
    );
    assert_eq!(
        amounts("医药费一万二千八，保险说不赔。"),
        [(1_280_000, "CNY")]
    );
}

#[test]
fn counts_times_and_numbers_after_a_money_word_are_no_money() {
    for t in [
        "我已经付了三次款，每次都失败。",
        "物业费交了两个月，电梯还是坏的。",
        "医药费三成要自己出。",
        "收费10%的手续费太离谱了。",
        "运费两点前下单才包邮吗？",
        "订金13812345678这个号码收的。",
        "付了5G套餐的钱却只有4G信号。",
        "我手上缝了六针，医生说要复查。",
        "订单号20240315008，三月十五日下单。",
    ] {
        assert_eq!(amounts(t), [], "{t}");
    }
}

#[test]
fn region_words_decide_the_local_currency() {
    // Hong Kong: a tribunal, a tutoring centre, paying the bill.
    assert_eq!(
        amounts("本人已就欠款一萬二千元入稟小額錢債審裁處。"),
        [(1_200_000, "HKD")]
    );
    assert_eq!(
        amounts("埋單時收$58.5，餐牌寫$48。"),
        [(5_850, "HKD"), (4_800, "HKD")]
    );
    // Taiwan: a certified letter, a large store.
    assert_eq!(
        amounts("已寄存證信函，要求退還三千二百元。"),
        [(320_000, "TWD")]
    );
    assert_eq!(
        amounts("在大賣場買的吸塵器，一千八百元。"),
        [(180_000, "TWD")]
    );
}

#[test]
fn an_open_figure_before_a_currency_unit_is_its_lower_bound() {
    assert_eq!(
        amounts("修部手機收咗我三百幾蚊，一日就壞。"),
        [(30_000, "HKD")]
    );
    assert_eq!(
        amounts("呢個月費二千幾蚊，上網慢到死。"),
        [(200_000, "HKD")]
    );
    assert_eq!(
        amounts("一个充电宝五十几块，用了两天就鼓包。"),
        [(5_000, "CNY")]
    );
    assert_eq!(
        amounts("这双鞋八百几元买的，穿一周就开胶。"),
        [(80_000, "CNY")]
    );
    assert_eq!(
        amounts("在大賣場買的吹風機一千幾塊，第二天就壞了。"),
        [(100_000, "TWD")]
    );
    // No digit before 几: no figure stated.
    for t in [
        "十几块的东西",
        "只係幾蚊嘅事",
        "几块钱而已",
        "几元的邮费也要收",
    ] {
        assert_eq!(amounts(t), [], "{t}");
    }
    // 几 before a unit of time or a count is no money.
    assert_eq!(amounts("等了三十几天，二十几次电话。"), []);
}

#[test]
fn the_financial_numerals_of_receipts() {
    assert_eq!(
        amounts("已寄存證信函：收據上寫明參萬貳仟元。"),
        [(3_200_000, "TWD")]
    );
    assert_eq!(
        amounts("合同金额叁万贰仟元，发票只开了伍仟元。"),
        [(3_200_000, "CNY"), (500_000, "CNY")]
    );
    assert_eq!(
        amounts("收据写的是人民币叁佰陆拾伍元整。"),
        [(36_500, "CNY")]
    );
    assert_eq!(amounts("押金收据：壹仟伍佰元。"), [(150_000, "CNY")]);
    assert_eq!(amounts("退款单上是捌拾元。"), [(8_000, "CNY")]);
}

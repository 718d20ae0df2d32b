//! Personal data exposed, by family (`privacy` lines of `core/phrases.tsv`, seed
//! `003_8f6867fe054256d6.txt` 7.隱私需求): sold, read out or made public, a bill sent to
//! someone else, another customer's details seen; not a parcel, a privacy policy, a gas leak
//! or the customer giving their own details.

use complaint_triage::scan_text;

fn exposed(t: &str) -> bool {
    scan_text(t).data_exposure
}

#[test]
fn data_sold_read_out_made_public_or_sent_to_someone_else_is_exposed() {
    let texts = [
        "我在你们店登记的资料被卖给了装修公司，天天有人打电话推销。",
        "我的个人信息泄露了，肯定是你们内部的人。",
        "銀行行員在櫃檯大聲念出我的身分證字號。",
        "医生当着走廊里的人读出我的病情。",
        "物业在业主群里公开了我的手机号码和房号。",
        "学校公布了我的孩子的成绩和家庭住址。",
        "你们把我的信用卡账单寄给了我前夫。",
        "The agency posted my details on a public noticeboard.",
        "I logged in and could see another customer's details, including her bank account.",
        "You sent my bill to the previous tenant at my old flat.",
        "你哋將我嘅資料外洩咗俾財務公司。",
    ];
    let missed: Vec<&str> = texts.iter().copied().filter(|t| !exposed(t)).collect();
    assert_eq!(missed, Vec::<&str>::new());
}

#[test]
fn a_parcel_a_privacy_policy_a_gas_leak_or_the_customers_own_details_are_not() {
    let texts = [
        "快递寄给了别人，到现在还没收到。",
        "The parcel was sent to the wrong address.",
        "I read your privacy policy and it says nothing about refunds.",
        "厨房煤气泄漏，师傅两天了还没来修。",
        "I gave my details to the engineer so he could call me.",
        "我把地址告诉了师傅，可他还是没来。",
        "I posted my letter of complaint last week.",
        "The app published my review but deleted the photos.",
    ];
    let read: Vec<&str> = texts.iter().copied().filter(|t| exposed(t)).collect();
    assert_eq!(read, Vec::<&str>::new());
}

/// The customer's data and whom it reached, told in one sentence with any verb between
/// (`privacy` lines of code `data` and `recipient`, v10).
#[test]
fn the_data_and_the_wrong_person_in_one_sentence_are_exposed() {
    let texts = [
        "快递员把我的 phone number 发到 WeChat group 里问谁认识我。",
        "物业把我的电话和房号发到了业主群里。",
        "物業把我的電話同地址發咗上業主群裡面。",
        "医院把我的体检报告寄到了我同事家里。",
        "銀行把我的對帳單寄給了我前夫。",
        "补习班把孩子的成绩和我们家地址贴在公布栏上。",
        "營業員把我的身分證影本交給了一個陌生人。",
        "柜员大声念我的身份证号码，后面的人全听到了。",
        "你们把我的个人信息给了别人，现在天天有人打电话来。",
        "The branch sent my mortgage statement to my ex-husband.",
        "The courier posted my phone number in a neighbourhood Facebook group.",
        "Your shop gave my address to a neighbour without asking me.",
        "My passport copy was emailed to someone else by your front desk.",
        "The order confirmation showed another customer's name and phone number.",
    ];
    let missed: Vec<&str> = texts.iter().copied().filter(|t| !exposed(t)).collect();
    assert_eq!(missed, Vec::<&str>::new());
}

#[test]
fn the_pair_denied_possible_apart_or_the_customers_own_act_is_not() {
    let texts = [
        // Denied, or only feared.
        "我相信你们不会把我的资料给别人。",
        "I am not saying you sent my statement to my ex, I just want it checked.",
        "万一你们把我的电话发到群里怎么办？",
        "What if someone else sees my statement at the old address?",
        // The data and another person in different sentences.
        "我的电话一直打不通。别人的都正常。",
        "My phone number has changed. My neighbour is still waiting for the engineer too.",
        // Another person named with no data, or a parcel.
        "邻居打电话给我，说快递放在他家门口了。",
        "The parcel was left with a neighbour and I never got it.",
        "小区群里大家都在说停水的事。",
        "Our whole group of colleagues waited two hours for the bus.",
    ];
    let read: Vec<&str> = texts.iter().copied().filter(|t| exposed(t)).collect();
    assert_eq!(read, Vec::<&str>::new());
}

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

//! The people at risk and the outlets of `core/phrases.tsv` section "v8": grandchildren and
//! babies named with an article, Cantonese pregnancies, fevers and chronic illnesses,
//! mobility aids, ages told after "she is"; Australian TV networks, evening papers,
//! consumer programmes and regulators, switching told in the present. Sentences written
//! for this test, none from the corpus, and the look-alikes the phrases must not fire on.

mod common;
use common::{threat, vulnerable};

#[test]
fn the_people_at_risk_in_other_words() {
    for (t, code) in [
        (
            "I had my grandson with me and we were left on the platform for two hours.",
            "child",
        ),
        (
            "The heating failed and the baby's room was nine degrees.",
            "child",
        ),
        (
            "We were stuck at the gate with a baby and no food for six hours.",
            "child",
        ),
        ("外孙才三岁，你们的燃气停了三天，家里冷得不行。", "child"),
        ("我孙女在你们幼儿园摔了一跤，老师都没通知我们。", "child"),
        ("我哋囡囡飲完你哋嘅奶粉成晚喊。", "child"),
        ("我老婆懷住孕，你哋啲工人仲喺屋企食煙。", "pregnant"),
        ("我大肚七個月，排咗兩個鐘都冇位坐。", "pregnant"),
        (
            "My son has a fever and the pharmacy still hasn't sent his prescription.",
            "sick",
        ),
        (
            "She has a heart condition and the stairs are the only way up.",
            "sick",
        ),
        (
            "My husband has epilepsy and the flashing meter light sets him off.",
            "sick",
        ),
        ("孩子发烧到三十九度，你们的暖气一直不热。", "sick"),
        ("老人家肺炎刚出院，你们就停了我们的电。", "sick"),
        (
            "My mum uses a mobility scooter and the ramp has been blocked for a month.",
            "disabled",
        ),
        (
            "He walks with a walking stick and your driver would not lower the bus.",
            "disabled",
        ),
        ("我爸坐轮椅，电梯坏了一个月没人修。", "disabled"),
        (
            "My mother is in Leeds; she is 83 and her phone line has been dead since Friday.",
            "elderly",
        ),
    ] {
        assert!(vulnerable(t, code), "{code}: {t}");
    }
}

#[test]
fn look_alikes_of_the_people_at_risk_are_none() {
    for (t, code) in [
        (
            "I can't walk into the branch without an appointment any more.",
            "disabled",
        ),
        (
            "The phone is three months old and the screen has a dead line.",
            "child",
        ),
        (
            "She is 20 minutes late for every appointment you book.",
            "elderly",
        ),
        (
            "The fever of the sales season is no excuse for losing my order.",
            "sick",
        ),
    ] {
        assert!(!vulnerable(t, code), "{code}: {t}");
    }
}

#[test]
fn the_outlets_and_leaving_in_other_words() {
    for (t, code) in [
        (
            "If this isn't fixed by Friday I'm ringing Channel 9.",
            "media",
        ),
        ("I've sent the photos to A Current Affair.", "media"),
        ("The Evening Standard will hear about this.", "media"),
        ("I have lodged a complaint with the ACCC.", "regulator"),
        (
            "I'm reporting you to NSW Fair Trading tomorrow.",
            "regulator",
        ),
        (
            "A complaint is with the state insurance commissioner.",
            "regulator",
        ),
        ("I'm switching to another gym next month.", "churn"),
        (
            "I've cancelled my membership and I want the joining fee back.",
            "churn",
        ),
    ] {
        assert!(threat(t, code), "{code}: {t}");
    }
    for (t, code) in [
        ("I'm not switching, I just want the fee refunded.", "churn"),
        (
            "I won't be going to Channel 7 or anyone, I just want my money.",
            "media",
        ),
    ] {
        assert!(!threat(t, code), "{code}: {t}");
    }
}

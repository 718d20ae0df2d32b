//! Malicious-complaint signs by family (`core/phrases.tsv`, the v11 malice section; seed
//! `000_d3bb18e70da591cc.txt`, 恶意投诉): extortion, private settlement and an escalating
//! claim said in zh-Hans, zh-Hant, Cantonese and English, in either order, and the
//! look-alikes that must stay silent. Sentences written for this test, none from the corpus.

mod common;
use common::malice;

fn all(code: &str, texts: &[&str]) {
    for t in texts {
        assert!(malice(t, code), "{code} not read in {t:?}");
    }
}

fn none(code: &str, texts: &[&str]) {
    for t in texts {
        assert!(!malice(t, code), "{code} read in {t:?}");
    }
}

#[test]
fn extortion_money_named_with_exposure_in_either_order() {
    all(
        "extortion",
        &[
            "Pay me £500 or I post the video.",
            "给我五万，这事就算了；不给的话，我就找报社曝光。",
            "I want £300, unless you pay me I'm going to the papers.",
            "Make it worth my while and I'll take the review down.",
            "不赔钱就曝光你们。",
            "你们不赔钱我就发抖音。",
            "唔賠錢我就放上網。",
            "你們不賠錢我就發抖音。",
        ],
    );
}

#[test]
fn extortion_said_after_the_amount_with_a_bare_condition() {
    all(
        "extortion",
        &["I want £500. Unless you do, the video goes on Facebook."],
    );
}

#[test]
fn extortion_look_alikes_stay_silent() {
    none(
        "extortion",
        &[
            "I want my £40 back.",
            "I'll post a review about this on Google.",
            "I'm going to write about this on Facebook.",
            "要求退款。",
            "我要退款，你们的服务太差了。",
            "这件事我不想再提了，太累了。",
            "我想退返啲錢。",
            "Please take it down from my account, it was charged twice.",
        ],
    );
}

#[test]
fn private_settlement_kept_out_of_the_process() {
    all(
        "private_settlement",
        &[
            "Let's keep it out of the system.",
            "We can settle it off the record.",
            "Pay me off the books and that's it.",
            "Cash in hand and we forget it.",
            "I'd rather settle this between ourselves.",
            "我们私下解决吧。",
            "私了就行。",
            "我们自己解决就好。",
            "我們私下賠償就算了。",
            "私底下搞掂佢啦。",
            "我哋自己解決啦。",
        ],
    );
}

#[test]
fn private_settlement_look_alikes_stay_silent() {
    none(
        "private_settlement",
        &[
            "I was moved to a private hospital after the fall.",
            "I sent you a private message with my details.",
            "我给你们发了私信。",
            "这是我的私人号码。",
            "我已經私訊你們客服。",
            "Agent: we can offer you a settlement of £50.",
            "The record shows I called twice.",
        ],
    );
}

#[test]
fn escalating_claim_grows() {
    all(
        "escalating_claim",
        &[
            "先是要五百块，现在要五千块。",
            "頭先要五百蚊，而家要五千蚊。",
            "First I asked for £50, now I want £500.",
            "Now I want double.",
            "你们再拖，我就加码。",
        ],
    );
}

#[test]
fn escalating_claim_look_alikes_stay_silent() {
    none(
        "escalating_claim",
        &[
            "I want my £40 back.",
            "要求退款五百元。",
            "客服说先要寄回检测，我花了299元，现在要赔我一千元。",
            "The price just went up again on my bill.",
            "我的密码忘了。",
        ],
    );
}

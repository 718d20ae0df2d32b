//! Property damage with no one hurt (`safety` lines of `core/phrases.tsv`, v11), on sentences
//! written for these tests in Simplified and Traditional Chinese, Cantonese and English: damage
//! the company's goods, staff or work did to the customer's home, its fittings, a car or other
//! belongings is a hazard (tests/text/README.md, Safety); the goods bought arriving broken, a
//! fault with no damage, damage from another cause and a damage charge the customer denies are
//! none; denied or told as a possibility, the damage is not read as having happened.

mod common;
use common::safety;

#[test]
fn damage_to_the_customers_belongings_is_a_hazard() {
    for t in [
        // The verb with the belonging after it.
        "安装师傅弄坏了我家的防盗门，到现在都没人管。",
        "你们的维修工搞坏了我的热水器，还说不关他们的事。",
        "外卖员把汤弄脏了我的沙发。",
        "送货的货车倒车撞坏了我家的院门。",
        "洗碗机漏水，把厨房的木地板泡烂了。",
        "骑手把奶茶洒了一地，弄脏了我的地毯。",
        // Traditional, read through the Simplified lines.
        "搬運工人弄壞了我的衣櫃，公司說要自己找保險。",
        "你們的貨車撞壞了我家的鐵門。",
        // Cantonese.
        "個師傅上嚟整爛咗我個窗框。",
        "你哋啲人整壞咗我部電視。",
        "部洗衣機漏水，浸爛咗成塊地板。",
        // English, several word orders.
        "Your delivery driver damaged my fence and drove off.",
        "The courier scratched my car while reversing out of the drive.",
        "The engineer broke my garden gate with his ladder.",
        "Your van dented my car door in the car park.",
        "The cleaner's product stained my carpet bright blue.",
    ] {
        assert_eq!(safety(t), Some("hazard"), "{t}");
    }
}

#[test]
fn goods_faults_other_causes_and_disputed_charges_are_none() {
    for t in [
        // The goods bought, broken on arrival or failing.
        "The phone arrived damaged and the box was crushed.",
        "收到的货是坏的，屏幕有裂痕。",
        "收到嘅貨係壞嘅，要求退款。",
        "My phone is broken and the shop will not repair it.",
        "The screen cracked after a week of normal use.",
        "The parcel came with damaged packaging.",
        // A fault with no damage told.
        "冷气机一直滴水，师傅来了三次都修不好。",
        // Another cause, told as a claim.
        "上个月暴雨把车淹了，保险公司到现在还没赔。",
        // A damage charge the customer denies.
        "They say I scratched the rental car and charged me £300.",
        // Idioms.
        "Honestly, the way your staff spoke to me broke my heart.",
        "The delay ruined my whole weekend.",
    ] {
        assert_eq!(safety(t), None, "{t}");
    }
}

#[test]
fn damage_denied_or_feared_is_not_damage_done() {
    for t in [
        "The driver never scratched my car, he was just rude about the parking.",
        "Nobody damaged my furniture, the movers were careful; the bill is the problem.",
    ] {
        assert_eq!(safety(t), None, "{t}");
    }
    // Damage told as what might happen is the danger it names, still no more than a hazard.
    for t in [
        "如果他们又弄坏了我家的门怎么办？",
        "If the driver scratched my car again I would sue.",
    ] {
        assert!(safety(t) <= Some("hazard"), "{t}");
    }
}

//! Harms by body part and mechanism (`safety` lines of `core/phrases.tsv`, v10: a pierced
//! mouth, a blow, blood by its amount, bites and rashes, a fall, an upset stomach, poisoning
//! after something swallowed, mould, a thing melting, people shut inside a lift), on sentences
//! written for these tests in Simplified and Traditional Chinese, Cantonese and English: told
//! as what happened they are read at their level (tests/text/README.md, Safety), denied or
//! told as a possibility they are not injuries, and their look-alikes (a computer virus, a
//! pet shut in at home) are none.

mod common;
use common::safety;

#[test]
fn harms_that_happened_are_injuries() {
    for t in [
        "外卖的饭里有根铁丝，把我儿子的嘴扎破了。",
        "外賣飯入面有條鐵線，扎破咗我個仔個口。",
        "天花板的瓷砖掉下来击中我的肩膀，青了一大块。",
        "货架上的箱子倒下来击中了我妈妈的头。",
        "玻璃门突然碎了，我女儿的腿流了不少血。",
        "酒店的床有臭虫，我全身被咬了几十个包。",
        "酒店張床有木蝨，我成身俾佢咬到起晒紅點。",
        "用了你们的洗衣液，孩子身上起了一片红疹。",
        "用咗你哋嘅沐浴露，個女成身起紅疹。",
        "喝了你们的奶粉，孩子拉了三天肚子。",
        "My father fell down the stairs of your shop because the light was out.",
        "I was bitten by bed bugs on my first night in your hotel.",
    ] {
        assert_eq!(safety(t), Some("injury"), "{t}");
    }
}

#[test]
fn an_outcome_raises_a_harm_told_beside_it() {
    for t in [
        // Something swallowed, then poisoning and a stay in hospital.
        "孩子误食了你们没有封口的洗衣凝珠，中毒住院三天。",
        "個仔誤食咗啲清潔劑，中毒入咗院。",
        // Bitten, then seen in the emergency room and kept in.
        "俾狗咬到，睇急症之後仲要留院。",
    ] {
        assert_eq!(safety(t), Some("serious_injury_or_death"), "{t}");
    }
    for t in [
        "孩子误食了玩具里的小零件，中毒了。",
        "阿婆喺你哋商場俾狗咬到隻手，要去急症。",
    ] {
        assert_eq!(safety(t), Some("injury"), "{t}");
    }
}

#[test]
fn dangers_that_hurt_nobody_are_hazards() {
    for t in [
        "孩子误食了一颗纽扣电池，还好马上吐出来了。",
        "房东一直不修漏水，墙壁全都发霉了。",
        "牆壁全部發霉，寶寶一直咳嗽。",
        "There is black mould all over the bedroom walls.",
        "The power bank started to melt on my desk while charging.",
        "装修工人把我家的木地板泡坏了。",
        "搬运工人把我家的玻璃茶几弄裂了。",
        "停电的时候，电梯把一位老人关在里面一个多小时。",
        "停電時，電梯把一位阿伯關在裡面快兩個小時。",
    ] {
        assert_eq!(safety(t), Some("hazard"), "{t}");
    }
}

#[test]
fn denied_or_possible_harms_are_no_injuries() {
    // Denied: nobody was hurt.
    for t in [
        "狗冲出来吓了我一跳，没有人被咬到。",
        "My husband did not fall down, he caught the rail.",
    ] {
        assert_eq!(safety(t), None, "{t}");
    }
    // A possibility or a near miss is the danger, a hazard.
    for t in [
        "狗没拴绳，万一咬到小孩怎么办？",
        "柜子倒了，还好没击中任何人。",
        "The handrail is loose, what if my mother fell down the stairs?",
        "My son nearly fell down the stairs when the step broke.",
        "差点被铁丝扎破嘴。",
    ] {
        assert_eq!(safety(t), Some("hazard"), "{t}");
    }
}

#[test]
fn look_alikes_are_no_harm() {
    for t in [
        "我的电脑中毒了，送到你们店修了一个星期还没好。",
        "电脑中毒，文件全没了。",
        "我出门的时候把狗关在里面了，快递员按门铃它一直叫。",
        "我困了，明天再打给你们。",
    ] {
        assert_eq!(safety(t), None, "{t}");
    }
}

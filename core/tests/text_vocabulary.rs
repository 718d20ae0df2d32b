//! The everyday words of text understanding v3 (`core/phrases.tsv`, "the words people use, by
//! kind and language"): sentences written for this test, none from the corpus, each read
//! wrong before those phrases and right after, and the look-alikes the phrases must not
//! fire on.

mod common;
use common::{category, malice, safety, scope, vulnerable};
use complaint_triage::scan_text;

#[test]
fn injuries_are_read_in_every_language() {
    for t in [
        // Simplified Chinese: scalds, cuts, falls, bites, bleeding, food poisoning, a shock.
        "你们的开水壶盖子松了，倒水的时候烫到了我的手。",
        "罐头的边太锋利，我女儿开罐头的时候割破了手指。",
        "超市地面有水没放警示牌，我妈在门口滑倒了。",
        "小区里的狗没拴绳，把我儿子的腿咬伤了。",
        "快递员骑车撞过来，我膝盖擦伤流血。",
        "吃了你们的外卖，全家晚上都在呕吐和腹泻。",
        "插头外壳带电，碰到的时候一阵电击，手一直发麻。",
        "健身房的哑铃架松了，砸下来把我的脚弄伤了，现在还红肿。",
        "用了你们的洗衣液，孩子身上起了一片疹子。",
        "工人留下的钉子把我的脚扎出很深的伤口，去医院缝针了。",
        // Blisters from a scald, said with 了.
        "电热毯线头冒烟起火，我妈手上烫起了泡。",
        "熱水袋破了，我的腳燙起了泡。",
        // Traditional Chinese (Taiwan) and Cantonese.
        "熱水器出水忽冷忽熱，我先生洗澡時被燙到，手臂紅一大片。",
        "賣場的推車輪子卡住，我整個人摔傷，膝蓋擦傷。",
        "我喺你哋商場跌親，膝頭流血，保安都唔理。",
        "食完你哋個飯盒，我同老公都食壞肚，肚痛咗成晚。",
        "你哋個熱水壺漏水，燙親我個女。",
        "工人拆冷氣機時漏電，我摸到鐵窗被電，手麻了一陣。",
        // English, British and American spellings and common misspellings.
        "I got a nasty scald from the steam of your kettle.",
        "My son slipped on the wet floor in your store and got hurt.",
        "I tripped over a cable your engineer left on the stairs and I'm badly bruised.",
        "Your curry gave the whole family diarrhoea and my wife was vomiting all night.",
        "We had diarrhea for two days after eating at your restaurant.",
        "The heater electrocuted my husband when he switched it on.",
        "My daughter fainted from the fumes of your paint.",
        "I came off the faulty bike and had to get stiches in my chin.",
        "He was injuried when the shelf fell on him at your warehouse.",
    ] {
        assert_eq!(safety(t), Some("injury"), "{t}");
    }
}

#[test]
fn serious_injuries_are_read_in_every_language() {
    for t in [
        "我爸在你们的扶梯上摔断了腿，现在还躺着。",
        "货架倒下来砸中了一个工人，他当场昏迷。",
        "燃气灶漏气，我奶奶煤气中毒，差点没救回来。",
        "我老婆怀孕三个月，在你们店门口滑了一跤，结果流产了。",
        "我婆婆喺你哋酒樓跌斷咗手，要留院。",
        "孩子從你們的溜滑梯摔下來，腦震盪，醫生說要觀察。",
        "My mother fell down your shop steps and broke her hip; it's a broken hip at 80.",
        "The ladder collapsed and he's been unconscious since Tuesday.",
        "My son had an anaphylactic reaction to the 'nut-free' cake you sold us.",
        "The swing snapped and my daughter has a concussion and a broken wrist.",
    ] {
        assert_eq!(safety(t), Some("serious_injury_or_death"), "{t}");
    }
}

#[test]
fn hazards_are_read_in_every_language() {
    for t in [
        "新买的插排用了两天就短路了，插座都烧焦了。",
        "楼道里一直有煤气漏气的味道，太危险了。",
        "面包里吃出了玻璃渣，还好没咽下去。",
        "教室的吊灯螺丝松了，差点掉下来。",
        "廚房的瓦斯外洩，整間屋子都是臭味。",
        "電線外皮破了，銅線露出來，這是很大的隱患。",
        "The oven door glass is loose and the wiring underneath has exposed wires.",
        "Your power bank overheated in my bag.",
        "There's a burning smell coming from the meter cupboard.",
        "The charger was on fire when I came into the room.",
        "Leaving that manhole open is dangerous.",
    ] {
        assert_eq!(safety(t), Some("hazard"), "{t}");
    }
}

#[test]
fn look_alikes_of_the_new_safety_words_do_not_fire() {
    for t in [
        // `hazard lights` is part of a car, not a danger.
        "My hazard lights stay on after your repair.",
        // British "bleeding" and "shattered" as an oath and as tired.
        "This is bleeding ridiculous, I'm shattered after three hours on hold.",
        // A haircut and a cut line are no injury; falling for a scam is no fall.
        "You cut my hair too short and then cut my line off. I fell for your advert.",
        // Stitched up: cheated.
        "I feel completely stitched up by your sales team.",
        // Hospital for a check-up.
        "I had to take my mum to hospital for her check-up so I missed the engineer.",
        // Fried and melted food, and a bus that breaks hard.
        "我哋叫咗炸咗嘅雞翼，送嚟個雪糕融化晒。",
        // A child safety seat is no building, a safe staircase no scope.
        "安全座椅的说明书少了一页，安全楼梯的灯也不亮。",
    ] {
        let c = scan_text(t);
        assert_eq!(c.safety, 0, "{t}");
        assert_eq!(c.scope, 0, "{t}");
    }
}

#[test]
fn vulnerable_people_are_read_from_ages_relatives_and_conditions() {
    let cases = [
        ("我爸今年七十六岁，腿脚不好，你们还让他跑三趟。", "elderly"),
        ("我婆婆八十二歲，自己一個人住。", "elderly"),
        ("外公一个人在家，停电两天了。", "elderly"),
        ("阿婆自己一個住，冇電梯好難行。", "elderly"),
        ("My grandma can't get through your phone menu.", "elderly"),
        (
            "My nan is in a care home and you cut off her phone.",
            "elderly",
        ),
        ("家里老二才3岁，你们的玩具零件掉下来差点吞下去。", "child"),
        ("家裡有嬰兒，停水兩天根本沒辦法泡奶。", "child"),
        ("The pram you delivered has a cracked wheel.", "child"),
        ("我是盲人，你们的网站根本没法读。", "disabled"),
        ("他行动不便，每次都要拄拐杖去营业厅。", "disabled"),
        (
            "I'm visually impaired and your letters are in tiny print.",
            "disabled",
        ),
        ("我老公有高血压，一生气就头晕。", "sick"),
        (
            "My father is diabetic and his insulin is in the fridge.",
            "sick",
        ),
        ("我妈中风以后在家吸氧，停电一天都不行。", "medical_need"),
        (
            "He's on life support at home and the power keeps cutting out.",
            "medical_need",
        ),
        ("孕期不能闻这种味道，你们装修太吵太臭了。", "pregnant"),
    ];
    for (t, code) in cases {
        assert!(vulnerable(t, code), "{code}: {t}");
    }
    // An adult's age is no vulnerability; a price is no age.
    assert_eq!(scan_text("我今年35岁，东西是你们卖的。").vulnerable, 0);
}

#[test]
fn malice_and_scope_in_other_words() {
    assert!(malice(
        "你们私下处理一下，给我五千，这事就过去了。",
        "private_settlement"
    ));
    assert!(malice("你哋俾三萬蚊我，我就唔上連登講。", "extortion"));
    assert!(malice(
        "我本来只要三百元，你们拖了两个月，现在我要三千元。",
        "escalating_claim"
    ));
    for (t, want) in [
        ("整幢楼都停水了。", "building"),
        ("成座冇電，部𨋢都停咗。", "building"),
        ("整条街的路灯都坏了。", "district"),
        ("全县的网都断了。", "district"),
        ("全城的公交卡都刷不了。", "city"),
        ("The outage is citywide and nobody answers.", "city"),
        ("全省的用户都打不通客服。", "everyone"),
        (
            "Customers across the country can't pay by card.",
            "everyone",
        ),
    ] {
        assert_eq!(scope(t), Some(want), "{t}");
    }
}

#[test]
fn the_category_follows_the_thing_that_failed() {
    for (t, want) in [
        ("我们楼的电梯坏了一个礼拜。", "basic_service"),
        (
            "The internet has been off since Monday and the broadband light is red.",
            "basic_service",
        ),
        ("你们连续扣了我三个月的钱，我根本没开通。", "billing"),
        ("天天有人打电话推销，还发广告短信。", "promotion"),
        ("账号被锁了，怎么都解不开。", "service_usage"),
        (
            "你们的支付系统又瘫痪了，整个上午都没法付款。",
            "system_support",
        ),
        (
            "The ATM swallowed my card and gave no cash.",
            "system_support",
        ),
        ("买的牛奶还没过期就变质了。", "product_quality"),
        (
            "The charger you sold me melted after a week.",
            "product_quality",
        ),
        ("骑手送晚了一个小时，还说是我的问题。", "logistics"),
        ("店员当着大家的面骂我。", "service_attitude"),
    ] {
        assert_eq!(category(t), Some(want), "{t}");
    }
}

/// A hospital, an emergency room, surgery or a death tell how a harm ended, not that the
/// company harmed anyone: alone they show no safety level (a sick relative, a hospital
/// bill, a bereavement, an insurance claim for an illness are told with the same words).
#[test]
fn hospital_words_alone_are_no_harm() {
    for t in [
        "我妈住院要用钱，你们把我的卡冻结了，一分钱都取不出来。",
        "全市的ATM都取不了钱，我在医院等着交住院费。",
        "你們保險業務員說住院每天有兩千元補助，現在理賠只給一千。",
        "我爸做完手术在ICU，你们的宽带断了我没法跟医生视频。",
        "我阿媽入咗院，你哋寄嚟嘅賬單我冇辦法處理，送院嗰日仲收到催款電話。",
        "My mother passed away in March and you are still sending her bills.",
        "My husband was hospitalised for a month with pneumonia and your insurer refuses to pay.",
        "I was in hospital for surgery, so I missed your delivery slot twice.",
        "I had to drive my dad to hospital and your app logged me out of my bank account.",
    ] {
        assert_eq!(safety(t), None, "{t}");
    }
}

/// With a harm told in the same text, an outcome phrase raises it to its own level,
/// whichever comes first; denied, it raises nothing.
#[test]
fn hospital_words_raise_a_harm_told_beside_them() {
    for (t, level) in [
        (
            "充电宝爆炸了，把我孩子的手烧伤了，现在还在医院住院。",
            "serious_injury_or_death",
        ),
        (
            "孩子住院了，就是因为喝了你们的奶粉食物中毒。",
            "serious_injury_or_death",
        ),
        (
            "健身房跑步机突然加速，我摔伤了膝盖，韧带要做手术。",
            "serious_injury_or_death",
        ),
        ("熱水器漏電，我被電到，送醫急診。", "injury"),
        (
            "The heater caught fire and my son was taken to hospital with burns.",
            "injury",
        ),
        (
            "The heater caught fire and my son was hospitalised with burns.",
            "serious_injury_or_death",
        ),
        (
            "Your scooter's brakes failed, I was thrown off, bruised my hip and ended up in hospital.",
            "injury",
        ),
        (
            "The charger was smoking and my dad had to go to hospital.",
            "injury",
        ),
    ] {
        assert_eq!(safety(t), Some(level), "{t}");
    }
    // The harm is denied; the hospital is someone else's.
    assert_eq!(safety("插座没有烧坏，我妈住院是因为感冒。"), None);
}

/// An electric shock is 被电了 / 被電到; 被电 alone also starts 被电动车 (by an e-bike), and a
/// ramp blocked by e-bikes hurt nobody.
#[test]
fn an_e_bike_is_no_electric_shock() {
    assert_eq!(
        safety("我是残疾人，坐轮椅，你们营业厅门口的坡道被电动车堵住了，我根本进不去。"),
        None
    );
    assert_eq!(safety("騎樓被電動車佔滿，我推嬰兒車只能走馬路。"), None);
    assert_eq!(safety("热水器漏电，我洗澡时被电了一下。"), Some("injury"));
    assert_eq!(safety("我摸到鐵窗被電，手麻了一陣。"), Some("injury"));
}

/// A fracture told with its verb, exposed live wires, a fall by being thrown down, and a
/// hospital stay said the Hong Kong or British way.
#[test]
fn fractures_live_wires_and_hospital_stays_in_other_words() {
    assert_eq!(
        safety("The bus driver pulled away while my daughter was stepping off; she fell and broke her wrist."),
        Some("serious_injury_or_death")
    );
    assert_eq!(
        safety("Your engineer left exposed live wires in my kitchen and my toddler nearly touched them."),
        Some("hazard")
    );
    assert_eq!(
        safety("扶梯突然停下，我被甩倒在地，膝盖擦破了。"),
        Some("injury")
    );
    assert_eq!(
        safety("The heater burned my son's hand and he was kept in hospital overnight."),
        Some("serious_injury_or_death")
    );
    // A phone or a promise is not a bone: the customer's phone broken by staff is property
    // damage, a hazard (tests/text/README.md, Safety), never an injury.
    assert_eq!(
        safety("You broke my phone screen and then broke your promise."),
        Some("hazard")
    );
}

/// Look-alikes (`mask` lines of `core/phrases.tsv`): an ordinary phrase that holds a harm
/// word is no harm, in every language; the harm word told plainly, before, after or beside
/// the look-alike still is.
#[test]
fn look_alikes_that_hold_a_harm_word_are_no_harm() {
    for t in [
        // Sparkling wine holds the blister 起泡; a screen film or paint bubbles.
        "你们超市卖的起泡酒是假货，要求退款。",
        "買了一箱起泡酒，送來的時候有兩瓶是空的。",
        "手机贴膜起泡了，要求重新贴。",
        "刚刷的墙面起泡了，装修公司不管。",
        // Noodles soaked in boiling water hold the blister 水泡.
        "開水泡了十分鐘麵還是硬的。",
        // Hurt feelings hold the injury 受伤.
        "我心里很受伤，十年的老用户一点优惠都没有。",
        "说实话我感觉很受伤。",
        "你哋咁樣對我，我真係好受傷。",
        "客服的话让我心靈受傷。",
        // A slashed price holds the fracture 骨折 and the bleeding 流血.
        "说好的骨折价，付款时却比平时还贵。",
        "所谓流血价比别家还贵。",
        // The speed or the price dropped: nothing fell.
        "网速掉下来了，一到晚上就卡。",
        // Exhausted, spent, overcharged: no burn, no bleeding.
        "Honestly I'm burnt out from chasing this refund.",
        "I am completely BURNED OUT by your call centre.",
        "Your app burned through my whole data allowance overnight.",
        "Your hidden fees have bled me dry.",
        "To add insult to injury, the new router is faulty too.",
        "A rash decision by your engineer left me without broadband.",
        "The app threw up an error every time I paid.",
        // Idioms that hold no harm word at all, kept here so that none ever reads as harm.
        "The roaming charges are killing me. This is killing me.",
        "I was shocked by the bill.",
        "I'm sick of waiting and sick and tired of your excuses.",
    ] {
        assert_eq!(safety(t), None, "{t}");
    }
}

#[test]
fn a_harm_word_beside_its_look_alike_is_still_harm() {
    for t in [
        "喝了你们的起泡酒，瓶塞弹出来，我的眼角受伤了。",
        "起泡酒瓶炸开，我手上起泡了。",
        "我心里很受伤，因为我儿子在你们店里摔伤了。",
        "I'm burnt out after a night in A&E: your kettle burnt my hand.",
        "Your fees bled me dry, and then your door cut my hand and it bled.",
        "開水泡麵的時候杯子裂了，手被燙起了泡。",
    ] {
        assert_eq!(safety(t), Some("injury"), "{t}");
    }
}

/// A look-alike cut short is not one: the harm word in it is read (`起泡` at the end).
#[test]
fn a_look_alike_masks_only_what_lies_inside_it() {
    assert_eq!(safety("我的手起泡"), Some("injury"));
    assert_eq!(safety("我的手起泡酒"), None);
    // Each look-alike masks its own place only.
    assert_eq!(
        safety("the fees bled me dry, then the glass cut me and I bled"),
        Some("injury")
    );
}

/// Ages stated without 岁: "I'm 78", "a 78-year-old", "my 82 year old mother", "in her
/// eighties" are elderly; a figure after "I'm" that is no age is not.
#[test]
fn ages_told_without_a_unit_are_read() {
    for t in [
        "I'm 78 and your engineer left me without heating.",
        "I am 81, and I can't climb to the meter.",
        "As a 79-year-old widow I cannot read the small print.",
        "My 82 year old mother has been cut off twice.",
        "My father, aged 85, waited all day.",
        "We are both in our eighties and the broadband keeps dropping.",
        "Mum is in her nineties.",
    ] {
        assert!(vulnerable(t, "elderly"), "{t}");
    }
    for t in [
        "I'm 100% sure I paid.",
        "I'm 80 miles from the nearest shop.",
        "I am 45 and perfectly able to read a bill.",
        "I'm 12 minutes away from the store.",
        "Our flat is in a 1970s block.",
        "Since the eighties I have banked with you.",
    ] {
        assert!(!vulnerable(t, "elderly"), "{t}");
        assert!(!vulnerable(t, "child"), "{t}");
    }
}

/// Media outlets named in a threat: English ones after a verb of telling, Chinese ones by
/// name; reading an outlet is no threat.
#[test]
fn media_outlets_by_name_are_media_threats() {
    let media = |t: &str| scan_text(t).threats & 1 == 1;
    for t in [
        "If this isn't sorted by Friday I'm going to the Daily Mail.",
        "I will be writing to the Telegraph about this.",
        "再唔處理我就去壹週刊爆料。",
        "我會把整件事告訴明報。",
        "我要投訴到自由時報。",
    ] {
        assert!(media(t), "{t}");
    }
    for t in [
        "I read in the Daily Mail that your prices are going up.",
        "I'm not going to the Daily Mail, I just want my refund.",
    ] {
        assert!(!media(t), "{t}");
    }
}

#[test]
fn the_street_and_the_neighbours_are_a_scope() {
    assert_eq!(
        scope("Half the street has had no water since Monday."),
        Some("district")
    );
    assert_eq!(
        scope("All my neighbours have lost their TV signal too."),
        Some("building")
    );
    assert_eq!(
        scope("The whole estate lost power again."),
        Some("building")
    );
}

/// A number port under way (stuck, failed, slow) is no threat to leave; saying one will
/// port the number is.
#[test]
fn a_number_port_under_way_is_no_churn_threat() {
    let churn = |t: &str| scan_text(t).threats >> 4 & 1 == 1;
    for t in [
        "携号转网卡住了，一直显示处理中。",
        "攜號轉網失敗了三次。",
        "你们的携号转网流程太慢了。",
        "携号转网申请提交三天了还没办好。",
    ] {
        assert!(!churn(t), "{t}");
    }
    for t in ["再不解决我要携号转网。", "我明天就去携号转网。"] {
        assert!(churn(t), "{t}");
    }
}

/// An age read after its phrase (`I'm 78`) reads the same whatever the split of the text
/// a streaming scanner is fed, and with either matcher.
#[test]
fn an_age_after_its_phrase_reads_alike_in_pieces() {
    for t in [
        "I'm 78 and cold.",
        "Hello, I am 81. My heating is off",
        "aged 85 years",
        "I'm 100% sure, I'm 79",
    ] {
        let whole = scan_text(t);
        assert_eq!(
            whole,
            complaint_triage::scan::reference::scan_text(t),
            "{t}"
        );
        for at in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
            let mut s = complaint_triage::scan::Scanner::new();
            s.push_str(&t[..at]);
            s.push_str(&t[at..]);
            assert_eq!(s.finish(), whole, "{t:?} split at {at}");
        }
        assert!(vulnerable(t, "elderly"), "{t}");
    }
}

//! A phrase of `core/phrases.tsv` written once in Simplified Chinese is read in Traditional
//! text too: `core/build.rs` adds the Traditional form of every `zh-Hans` line (OpenCC's
//! characters in `core/opencc/`, with the typed forms of `core/traditional.tsv`). These tests
//! convert the phrases again, on their own, and read both forms with the scanner.

use complaint_triage::{scan_text, TextCues};
use std::collections::HashMap;

const PHRASES: &str = include_str!("../phrases.tsv");
const CHARACTERS: &str = include_str!("../opencc/STCharacters.txt");
const TW_VARIANTS: &str = include_str!("../opencc/TWVariants.txt");
const TYPED: &str = include_str!("../traditional.tsv");

/// Each line's first column, and the first character of its second: a character's most
/// common Traditional form.
fn first_forms(table: &str) -> impl Iterator<Item = (char, char)> + '_ {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let from = cols.next()?.chars().next()?;
            let to = cols.next()?.chars().next()?;
            Some((from, to))
        })
}

fn converter() -> impl Fn(&str) -> String {
    let variants: HashMap<char, char> = first_forms(TW_VARIANTS).collect();
    let mut map: HashMap<char, char> = first_forms(CHARACTERS)
        .map(|(s, t)| (s, variants.get(&t).copied().unwrap_or(t)))
        .collect();
    map.extend(first_forms(TYPED));
    move |s: &str| {
        s.chars()
            .map(|c| map.get(&c).copied().unwrap_or(c))
            .collect()
    }
}

/// What the scanner reads, the categories by whether they were voted for (a phrase holding a
/// shorter one is two votes where the shorter one is written in that script).
fn read(text: &str) -> TextCues {
    let mut c = scan_text(text);
    for n in &mut c.categories {
        *n = (*n).min(1);
    }
    c
}

/// `(family, language, phrase)` of every line.
fn lines() -> Vec<(&'static str, &'static str, &'static str)> {
    PHRASES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols[0], cols[2], cols[3])
        })
        .collect()
}

/// Every Simplified phrase reads the same in Traditional text, said alone: the families whose
/// phrases are cues by themselves (numbers, turns and the context families need more text
/// around them).
#[test]
fn every_simplified_phrase_reads_the_same_in_traditional() {
    let to_traditional = converter();
    let all = lines();
    let written: Vec<&str> = all.iter().map(|(_, _, p)| *p).collect();
    let mut compared = 0;
    for (family, lang, phrase) in &all {
        let cue_family = matches!(
            *family,
            "threat"
                | "forbidden"
                | "conduct"
                | "emotion"
                | "safety"
                | "privacy"
                | "malice"
                | "vulnerable"
                | "scope"
                | "category"
        );
        let hant = to_traditional(phrase);
        // A form written on a line of its own is that line's (it may carry another code).
        if *lang != "zh-Hans" || !cue_family || hant == *phrase || written.contains(&hant.as_str())
        {
            continue;
        }
        assert_eq!(
            read(&hant),
            read(phrase),
            "{family} {phrase:?} read as {hant:?}"
        );
        compared += 1;
    }
    // Most Simplified phrases have a Traditional form nobody wrote out.
    assert!(compared > 200, "only {compared} phrases compared");
}

#[test]
fn traditional_text_is_read_with_the_simplified_phrases() {
    // Each of these phrases is written once, in Simplified, in core/phrases.tsv.
    let to_traditional = converter();
    let written: Vec<&str> = lines().iter().map(|(_, _, p)| *p).collect();
    for (simplified, traditional) in [
        ("整个小区", "整個小區"),
        ("侵犯隐私", "侵犯隱私"),
        ("卖了我的信息", "賣了我的信息"),
        ("国家电网投诉", "國家電網投訴"),
    ] {
        assert!(written.contains(&simplified), "{simplified}");
        assert!(
            !written.contains(&traditional),
            "{traditional} is written out"
        );
        assert_eq!(to_traditional(simplified), traditional);
    }
    let c = scan_text("我們整個小區停電三天了，客服態度極差，還說不歸他們管。");
    assert_eq!(c.scope, 1, "a whole estate, as a building");
    assert_eq!(c.conduct, 1, "rude");
    let c = scan_text("你們賣了我的信息，我天天接到推銷電話，我要打國家電網投訴。");
    assert!(c.data_exposure);
    assert_eq!(c.threats, 1 << 2, "regulator");
}

/// The typed forms of `core/traditional.tsv` win over OpenCC's first form.
#[test]
fn typed_forms_win() {
    let to_traditional = converter();
    assert_eq!(to_traditional("平台"), "平台");
    assert_eq!(to_traditional("松动"), "鬆動");
    assert_eq!(to_traditional("签收"), "簽收");
    assert_eq!(to_traditional("费用"), "費用");
}

/// A `zh-Hant` line that only restates the Traditional form of a Simplified line of the same
/// family and code is read twice over: the file says each phrase once.
#[test]
fn no_traditional_line_restates_a_simplified_one() {
    let to_traditional = converter();
    let rows: Vec<(&str, &str, &str, &str)> = PHRASES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols[0], cols[1], cols[2], cols[3])
        })
        .collect();
    let derived: Vec<(&str, &str, String)> = rows
        .iter()
        .filter(|(_, _, lang, _)| *lang == "zh-Hans")
        .map(|(family, code, _, phrase)| (*family, *code, to_traditional(phrase)))
        .collect();
    let restated: Vec<String> = rows
        .iter()
        .filter(|(family, code, lang, phrase)| {
            *lang == "zh-Hant"
                && derived
                    .iter()
                    .any(|(f, c, hant)| f == family && c == code && hant == phrase)
        })
        .map(|(family, code, _, phrase)| format!("{family} {code} {phrase}"))
        .collect();
    assert!(
        restated.is_empty(),
        "zh-Hant lines the zh-Hans ones already give: {restated:?}"
    );
}

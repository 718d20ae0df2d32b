//! What the text tests ask of `scan_text`, written once: the codes of a cue table whose bits
//! a text sets. Each test crate uses some of these helpers.
#![allow(dead_code)]

use complaint_triage::scan::{
    PhraseInfo, CONDUCT, FORBIDDEN_PHRASES, MALICE, SAFETY_LEVELS, SCOPES, THREATS, VULNERABLE,
};
use complaint_triage::{scan_text, TextFacts};

/// The codes of `table` whose bit is set in `bits`, in table order.
fn codes(bits: u32, table: &[PhraseInfo]) -> Vec<&'static str> {
    table
        .iter()
        .enumerate()
        .filter(|(i, _)| bits >> i & 1 == 1)
        .map(|(_, p)| p.code)
        .collect()
}

/// The forbidden phrases the text shows (seed `003_8f6867fe054256d6.txt`).
pub fn forbidden(t: &str) -> Vec<&'static str> {
    codes(scan_text(t).forbidden_phrases.into(), &FORBIDDEN_PHRASES)
}

/// The staff conduct the customer tells of.
pub fn conduct(t: &str) -> Vec<&'static str> {
    codes(scan_text(t).conduct.into(), &CONDUCT)
}

/// Whether the text shows the vulnerable person `code`.
pub fn vulnerable(t: &str, code: &str) -> bool {
    codes(scan_text(t).vulnerable.into(), &VULNERABLE).contains(&code)
}

/// Whether the text shows the threat `code`.
pub fn threat(t: &str, code: &str) -> bool {
    codes(scan_text(t).threats.into(), &THREATS).contains(&code)
}

/// Whether the text shows the malice `code`.
pub fn malice(t: &str, code: &str) -> bool {
    codes(scan_text(t).malice.into(), &MALICE).contains(&code)
}

/// The code of a level of a table whose level 0 is none (safety, scope).
fn level(level: u8, table: &[PhraseInfo]) -> Option<&'static str> {
    usize::from(level)
        .checked_sub(1)
        .and_then(|i| table.get(i))
        .map(|p| p.code)
}

/// The safety level the text shows, `None` for none.
pub fn safety(t: &str) -> Option<&'static str> {
    level(scan_text(t).safety, &SAFETY_LEVELS)
}

/// The scope the text shows, `None` for none.
pub fn scope(t: &str) -> Option<&'static str> {
    level(scan_text(t).scope, &SCOPES)
}

/// The category the text suggests.
pub fn category(t: &str) -> Option<&'static str> {
    TextFacts::from_cues(&scan_text(t))
        .category()
        .map(|c| c.code())
}

/// Asserts that `read` gives every text of `cases` the value written beside it; a failure
/// lists each `(text, wanted, read)` that differs, not only the first.
pub fn assert_readings(cases: &[(&str, Option<&str>)], read: fn(&str) -> Option<&'static str>) {
    let wrong: Vec<(&str, Option<&str>, Option<&str>)> = cases
        .iter()
        .map(|&(t, want)| (t, want, read(t)))
        .filter(|(_, want, got)| want != got)
        .collect();
    assert_eq!(wrong, Vec::new(), "(text, wanted, read)");
}

/// The texts of `cases` whose staff conduct does not hold `code`.
pub fn conduct_missed<'a>(cases: &[&'a str], code: &str) -> Vec<&'a str> {
    cases
        .iter()
        .copied()
        .filter(|t| !conduct(t).contains(&code))
        .collect()
}

/// The texts of `cases` that show any staff conduct, with what they show.
pub fn conduct_read<'a>(cases: &[&'a str]) -> Vec<(&'a str, Vec<&'static str>)> {
    cases
        .iter()
        .copied()
        .map(|t| (t, conduct(t)))
        .filter(|(_, c)| !c.is_empty())
        .collect()
}

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

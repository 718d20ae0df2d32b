//! What the text tests ask of `scan_text`, written once: the codes of a cue table whose bits
//! a text sets. Each test crate uses some of these helpers.
#![allow(dead_code)]

use complaint_triage::scan::{PhraseInfo, CONDUCT, FORBIDDEN_PHRASES, THREATS, VULNERABLE};
use complaint_triage::scan_text;

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

//! The scanner's byte entry points: `scan_bytes` and `Scanner::push_bytes`
//! give the cues of `scan_text`, however the bytes are split (also inside a
//! UTF-8 character), and never panic on bytes that are not UTF-8.

use complaint_triage::scan::{patterns, scan_bytes, scan_text, CueKind, Scanner, TextCues};
use proptest::prelude::*;

fn push_split(bytes: &[u8], cuts: &[prop::sample::Index]) -> TextCues {
    let mut points: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
    points.sort_unstable();
    let mut s = Scanner::new();
    let mut at = 0;
    for p in points {
        s.push_bytes(&bytes[at..p]);
        at = p;
    }
    s.push_bytes(&bytes[at..]);
    s.finish()
}

/// Text made of patterns, their neighbours and filler in three scripts.
fn text() -> impl Strategy<Value = String> {
    let pats: Vec<&'static str> = patterns().map(|p| p.2).collect();
    let filler = prop::sample::select(vec![
        " ", "a", "I ", "了", "！", "!", "投诉", "Sue", "’", "\n", "12315x", "😀", "é",
    ]);
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(pats).prop_map(String::from),
            filler.prop_map(String::from)
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

#[test]
fn every_pattern_alone_and_split_everywhere() {
    for (kind, _, pat) in patterns() {
        let t = format!("x {pat} y");
        let want = scan_text(&t);
        // Threats and emotion count on their own; other phrases may need a context (an
        // agent's turn, a number next to them) or only change how others are read.
        if matches!(kind, CueKind::Threat | CueKind::EmotionMarker) {
            assert!(!want.is_empty(), "{pat:?}");
        }
        assert_eq!(scan_bytes(t.as_bytes()), want, "{pat:?}");
        let b = t.as_bytes();
        for cut in 0..=b.len() {
            let mut s = Scanner::new();
            s.push_bytes(&b[..cut]);
            s.push_bytes(&b[cut..]);
            assert_eq!(s.finish(), want, "{pat:?} cut at {cut}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn bytes_in_any_split_give_scan_text(t in text(), cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6)) {
        let want = scan_text(&t);
        prop_assert_eq!(scan_bytes(t.as_bytes()), want);
        prop_assert_eq!(push_split(t.as_bytes(), &cuts), want);
    }

    #[test]
    fn bytes_not_utf8_are_scanned_without_panicking(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let whole = scan_bytes(&bytes);
        prop_assert_eq!(push_split(&bytes, &cuts), whole);
    }
}

//! The scanner's fast matcher (`core/src/scan/fast.rs`, what normal builds use) against the
//! plain one it was written from (`scan::reference`, what the `small-flash` firmware
//! uses): on any text both give the same cues, hence the same [`TextFacts`], and
//! [`locate`] finds every cue at the same span.
//!
//! Texts: the labelled corpus `tests/text/corpus.jsonl` whole, pieces of it glued together,
//! the phrase list in any case with speaker labels, negations, numbers, punctuation and
//! line breaks between (Chinese and English mixed in every proportion, so that blocks of
//! mostly Chinese and of mostly ASCII text alternate), and arbitrary strings.

use std::path::PathBuf;

use complaint_triage::scan::{self, locate, reference, Cue};
use complaint_triage::{scan_text, Category, TextFacts};
use proptest::prelude::*;
use serde_json::Value;

/// Every cue [`locate`] can be asked for.
fn every_cue() -> Vec<Cue> {
    let mut cues = vec![Cue::Repetition, Cue::Elapsed, Cue::Money];
    for b in 0..8u8 {
        cues.extend([
            Cue::Threat(b),
            Cue::EmotionMarker(b),
            Cue::Malice(b),
            Cue::Vulnerable(b),
        ]);
    }
    for b in 0..16u8 {
        cues.push(Cue::ForbiddenPhrase(b));
    }
    for level in 1..=4u8 {
        cues.extend([Cue::Safety(level), Cue::Scope(level)]);
    }
    for c in 0..Category::COUNT {
        cues.push(Cue::Category(u8::try_from(c).unwrap()));
    }
    cues
}

/// Both matchers agree on `text`: cues, facts and the span of every cue.
fn assert_same(text: &str) {
    let fast = scan_text(text);
    let plain = reference::scan_text(text);
    assert_eq!(fast, plain, "cues of {text:?}");
    assert_eq!(
        scan::scan_bytes(text.as_bytes()),
        reference::scan_bytes(text.as_bytes())
    );
    assert_eq!(TextFacts::from_cues(&fast), TextFacts::from_cues(&plain));
    for cue in every_cue() {
        assert_eq!(
            locate(text.as_bytes(), cue),
            reference::locate(text.as_bytes(), cue),
            "span of {cue:?} in {text:?}"
        );
    }
}

/// The texts of the corpus, read once.
fn corpus_texts() -> &'static [String] {
    static TEXTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TEXTS.get_or_init(read_corpus)
}

fn read_corpus() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/text/corpus.jsonl");
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            let v: Value = serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("corpus.jsonl line {}: {e}", n + 1));
            v["text"]
                .as_str()
                .unwrap_or_else(|| panic!("corpus.jsonl line {}: no text", n + 1))
                .to_string()
        })
        .collect()
}

#[test]
fn both_matchers_agree_on_the_whole_corpus() {
    let texts = corpus_texts();
    assert!(texts.len() > 600, "{} texts", texts.len());
    for t in texts {
        assert_same(t);
    }
    // The corpus as one long text: blocks of every mix, cues found once and skipped after.
    assert_same(&texts.concat());
}

#[test]
fn both_matchers_agree_on_long_one_script_runs() {
    // Mostly Chinese blocks (read character by character) next to mostly ASCII ones, a
    // character across a block edge at every offset.
    for pad in 0..70 {
        let t = format!(
            "{}客户：我要去12315投诉你们！！！\n{}Customer: I'll sue, I'm not happy.\n{}",
            "x".repeat(pad),
            "我等了三天".repeat(pad % 13),
            "客服：這是常有的事。".repeat(pad % 7)
        );
        assert_same(&t);
    }
}

/// A character-boundary cut of `s` at `at` (an index into its boundaries).
fn cut(s: &str, at: prop::sample::Index) -> usize {
    let bounds: Vec<usize> = (0..=s.len()).filter(|&k| s.is_char_boundary(k)).collect();
    *at.get(&bounds)
}

fn phrase() -> impl Strategy<Value = String> {
    let phrases: Vec<&'static str> = scan::patterns().map(|(_, _, p)| p).collect();
    (prop::sample::select(phrases), 0u8..3).prop_map(|(p, mode)| match mode {
        0 => p.to_string(),
        1 => p.to_ascii_uppercase(),
        _ => {
            let mut c = p.chars();
            c.next_back();
            c.as_str().to_string()
        }
    })
}

/// A look-alike (`mask` line) or a negation phrase, whole: drawn often enough that masks
/// meet the cue phrases they hold and overlap one another.
fn look_alike() -> impl Strategy<Value = String> {
    let phrases: Vec<&'static str> = scan::patterns()
        .filter(|(kind, _, _)| *kind == scan::CueKind::Negation)
        .map(|(_, _, p)| p)
        .collect();
    prop::sample::select(phrases).prop_map(String::from)
}

fn glue() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        " ",
        "",
        "\n",
        "，",
        "。",
        ",",
        ". ",
        "!",
        "！",
        "'",
        "\"",
        "“",
        "「",
        "客服：",
        "客户：",
        "坐席：",
        "Agent: ",
        "Customer: ",
        "不会",
        "没打算",
        "not ",
        "never ",
        "won't ",
        "如果",
        "if you ",
        "but ",
        "我就",
        "跟我说",
        "told me ",
        "3",
        "五",
        "十二",
        "$",
        "45",
        "第",
        "a",
        "x",
        "你",
        "的",
        "了",
        "\t",
        "我",
    ])
    .prop_map(String::from)
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => phrase(),
            1 => look_alike(),
            4 => glue(),
            1 => any::<char>().prop_map(String::from),
            1 => "[a-zA-Z !',.]{0,24}",
            1 => "[你我他这種种问題题不是的事了天元！，。\n]{0,24}",
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

/// The look-alikes (`mask` lines of `core/phrases.tsv`, negation bit 2): every cue phrase
/// inside one is masked alike by both matchers and by a [`scan::Scanner`] fed in any two
/// pieces, alone, cut short, in capitals, and beside the cue phrases it holds.
#[test]
fn both_matchers_mask_the_look_alikes_alike() {
    let masks: Vec<&str> = scan::patterns()
        .filter(|(kind, bit, _)| *kind == scan::CueKind::Negation && *bit == 2)
        .map(|(_, _, p)| p)
        .collect();
    assert!(masks.len() > 20, "the mask lines are listed: {masks:?}");
    for m in &masks {
        let mut short = m.chars();
        short.next_back();
        let short = short.as_str();
        for t in [
            m.to_string(),
            m.to_ascii_uppercase(),
            format!("我说{m}了，{short}。"),
            format!("x {short} {m} y"),
            format!("{m}{m}，{short}"),
        ] {
            assert_same(&t);
            for at in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
                let mut s = scan::Scanner::new();
                s.push_str(&t[..at]);
                s.push_str(&t[at..]);
                assert_eq!(s.finish(), scan_text(&t), "{t:?} split at {at}");
            }
        }
        // Every look-alike holds a cue phrase (else it only costs flash): some part of its
        // words reads a cue that the whole does not, alone or before a bad evaluation (an
        // attitude word reads one only with it: `我的态度` holds `态度`).
        let bounds: Vec<usize> = (0..=m.len()).filter(|&k| m.is_char_boundary(k)).collect();
        let holds = ["", "很差", " was terrible"].iter().any(|after| {
            let whole = scan_text(&format!("{m}{after}"));
            bounds.iter().any(|&i| {
                bounds.iter().any(|&j| {
                    j > i
                        && j - i < m.len()
                        && scan_text(&format!("{}{after}", &m[i..j])).union(whole) != whole
                })
            })
        });
        assert!(holds, "the look-alike {m:?} holds no cue phrase");
    }
}

/// An English-style piece around a pattern: the pattern cut short or run on into a longer
/// word ("you" in "your", "customer" in "customers"), in any case, with an apostrophe or a
/// quote inside or around it, digits before or after it. The fast matcher's word key
/// (`scan/fast.rs`) reads the first bytes of every word and skips the apostrophes that
/// follow a letter or digit; these are its edges.
fn word_piece() -> impl Strategy<Value = String> {
    let words: Vec<&'static str> = scan::patterns()
        .map(|(_, _, p)| p)
        .filter(|p| p.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric))
        .collect();
    (
        prop::sample::select(words),
        any::<prop::sample::Index>(),
        prop::sample::select(vec![
            "", "", "s", "r", "'s", "'", "\"", "th", "ing", "ed", "12", "5", "!", ".", ",", ":",
        ]),
        prop::sample::select(vec!["", "", " ", "\n", "'", "\"", "3", "x", "(", "$", "’"]),
        0u8..4,
    )
        .prop_map(|(p, cut, tail, head, case)| {
            let bounds: Vec<usize> = (1..=p.len()).filter(|&k| p.is_char_boundary(k)).collect();
            let keep = if case == 3 {
                *cut.get(&bounds)
            } else {
                p.len()
            };
            let body = match case {
                1 => p[..keep].to_ascii_uppercase(),
                2 => {
                    let mut c = p[..keep].chars();
                    c.next()
                        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                        .unwrap_or_default()
                }
                _ => p[..keep].to_string(),
            };
            format!("{head}{body}{tail}")
        })
}

/// A pattern (any case, or cut short) or a numeral + unit phrase, with one piece of text
/// glued right before and after it: letters, digits, punctuation, a line feed, a Chinese
/// character, or nothing. The fast matcher tells the edges of an English-style pattern by
/// one table (letters and digits refuse a word, letters only a number word), and looks
/// the numeral + unit phrases up only where a digit or a non-ASCII byte starts.
fn pattern_with_edges() -> impl Strategy<Value = String> {
    let edges = vec![
        "", "", " ", "x", "Q", "7", "0", "!", ".", "'", "$", "\n", "\u{4e00}", "\u{3002}",
    ];
    let numeral_units = vec![
        "3\u{5929}",
        "12\u{4e2a}\u{6708}",
        "\u{4e09}\u{5929}",
        "\u{ff15}\u{6b21}",
        "5 days",
        "2 weeks",
        "$40",
    ];
    (
        prop::sample::select(edges.clone()),
        prop_oneof![4 => phrase(), 1 => prop::sample::select(numeral_units).prop_map(String::from)],
        prop::sample::select(edges),
    )
        .prop_map(|(before, p, after)| format!("{before}{p}{after}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn both_matchers_agree_on_a_pattern_at_any_offset_of_a_block(
        lead in 0usize..140,
        filler in "[a-z]{1,9}( [a-z]{1,9}){0,30}",
        piece in pattern_with_edges(),
        tail in prop_oneof!["", "[a-z ,.]{1,24}"],
    ) {
        // ASCII before it, so that the pattern lies at any offset of a 64-byte block (its
        // bytes 8 to 15 in the block's window or past it) and at the end of the text.
        let mut t: String = filler.chars().cycle().take(lead).collect();
        t.push_str(&piece);
        t.push_str(&tail);
        assert_same(&t);
    }

    #[test]
    fn both_matchers_agree_on_words_around_the_patterns(
        pieces in prop::collection::vec(
            prop_oneof![6 => word_piece(), 2 => glue(), 1 => "[a-zA-Z'\" ,.!?0-9\n]{0,12}"],
            0..80,
        ),
    ) {
        // Long runs of ASCII: read 64 bytes at a time by the fast matcher.
        assert_same(&pieces.join(" "));
        assert_same(&pieces.concat());
    }

    #[test]
    fn both_matchers_agree_on_apostrophes_anywhere_in_a_block(
        lead in 0usize..140,
        filler in "[a-z]{1,9}( [a-z]{1,9}){0,30}",
        pieces in prop::collection::vec(
            prop_oneof![
                3 => prop::sample::select(
                    scan::patterns()
                        .map(|(_, _, p)| p)
                        .filter(|p| p.contains('\''))
                        .collect::<Vec<_>>(),
                ).prop_map(String::from),
                3 => prop::sample::select(vec![
                    "I'm", "don't", "it's", "'", "''", "'s", "x'", "3'", "'quoted'", "O'Brien",
                    "rock'n'roll", "isn't", "'I'm'", "\"'", "'\"", "wit's", "'cancel'",
                ]).prop_map(String::from),
                1 => "[a-zA-Z'0-9]{1,8}",
            ],
            1..12,
        ),
        sep in prop::sample::select(vec!["", " ", "'", ", ", "\n"]),
    ) {
        // The fast matcher's blocks leave an apostrophe right after a letter out of their
        // candidates (`QUIET_APOSTROPHE` in `scan/fast.rs`): at any offset of a block, the
        // first and last byte included, after a letter, a digit, a quote or nothing.
        let mut t: String = filler.chars().cycle().take(lead).collect();
        t.push_str(&pieces.join(sep));
        assert_same(&t);
        assert_same(&t.to_ascii_uppercase());
    }

    #[test]
    fn both_matchers_agree_on_phrases_in_any_mix(t in mixed_text()) {
        assert_same(&t);
    }

    #[test]
    fn both_matchers_agree_on_arbitrary_strings(t in any::<String>()) {
        assert_same(&t);
    }

    #[test]
    fn both_matchers_agree_on_pieces_of_the_corpus(
        picks in prop::collection::vec(
            (any::<prop::sample::Index>(), any::<prop::sample::Index>(), any::<prop::sample::Index>()),
            1..4,
        ),
        extra in mixed_text(),
    ) {
        let texts = corpus_texts();
        let mut t = String::new();
        for (which, a, b) in picks {
            let s = which.get(texts);
            let (x, y) = (cut(s, a), cut(s, b));
            t.push_str(&s[x.min(y)..x.max(y)]);
        }
        t.push_str(&extra);
        assert_same(&t);
    }
}

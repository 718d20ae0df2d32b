//! The word lists the number readers (`scan/numbers.rs`) test at every time unit and sum of
//! money, looked up in one step rather than word by word. The lists stay plain data in
//! `numbers.rs`; the tables here are built from them at compile time, and the tests below
//! compare each look-up with the plain reading it replaces (`numbers::ends_with_one_of`,
//! `numbers::number_word_plain`) on every word of the lists and on arbitrary text.
//!
//! - [`not_a_wait_before`]: whether the text before a number ends with one of
//!   [`NOT_A_WAIT_BEFORE`] (27 words: `ends_with` 27 times per number read). The words
//!   are grouped by a hash of their last [`TAIL`] bytes: the text's last bytes name the
//!   few words (most often none) that can end it.
//! - [`number_word`]: the value of an English number word ([`NUMBER_WORDS`]), one hash of
//!   the word folded to lower case in place of up to 24 comparisons.
//! - [`may_end_number_word`]: whether the word before a unit may be a number word, from
//!   its last two letters (`for`, `the`, `these` before `hours` are not), so that most
//!   words are not read back to their start.

use super::super::numbers::{NOT_A_WAIT_BEFORE, NUMBER_LINK, NUMBER_WORDS};

/// The multiplier of the hashes here (the 64-bit golden ratio).
const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// How many last bytes of a word choose its group: one Chinese character, or `or ` of
/// `customer for `.
const TAIL: usize = 3;

/// log2 of the number of groups of [`Suffixes`].
const SUFFIX_BITS: u32 = 6;

/// The words of a list of at most 64 grouped by their last [`TAIL`] bytes: bit `i` of
/// `slots[h]` set when word `i` ends with bytes whose hash is `h`; bit `i` of `short` set
/// when word `i` is shorter than [`TAIL`] bytes (any text may end with it).
struct Suffixes {
    /// Per hash of the last [`TAIL`] bytes, the words that end with such bytes.
    slots: [u64; 1 << SUFFIX_BITS],
    /// The words shorter than [`TAIL`] bytes.
    short: u64,
}

/// The group of text whose last [`TAIL`] bytes are `a`, `b`, `c`.
#[inline(always)]
#[allow(clippy::cast_possible_truncation)] // < 1 << SUFFIX_BITS
const fn suffix_slot(a: u8, b: u8, c: u8) -> usize {
    let key = (a as u64) | (b as u64) << 8 | (c as u64) << 16;
    (key.wrapping_mul(MUL) >> (64 - SUFFIX_BITS)) as usize
}

impl Suffixes {
    /// The groups of `words` (at most 64).
    // Only ever evaluated at compile time, where an out-of-bounds index is a build error.
    #[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
    const fn new(words: &[&str]) -> Self {
        assert!(words.len() <= 64, "at most 64 words");
        let mut slots = [0u64; 1 << SUFFIX_BITS];
        let mut short = 0u64;
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            let n = w.len();
            if n < TAIL {
                short |= 1 << i;
            } else {
                slots[suffix_slot(w[n - 3], w[n - 2], w[n - 1])] |= 1 << i;
            }
            i += 1;
        }
        Self { slots, short }
    }

    /// Whether `bytes` ends with one of `words`, the list these groups were made from.
    #[inline]
    fn ends_with_one_of(&self, bytes: &[u8], words: &[&str]) -> bool {
        let mut candidates = match bytes.last_chunk::<TAIL>() {
            Some(&[a, b, c]) => {
                self.slots.get(suffix_slot(a, b, c)).copied().unwrap_or(0) | self.short
            }
            // Text shorter than a group's key: every word may end it.
            None => u64::MAX,
        };
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates.wrapping_sub(1);
            if words.get(i).is_some_and(|w| bytes.ends_with(w.as_bytes())) {
                return true;
            }
        }
        false
    }
}

/// [`Suffixes`] of [`NOT_A_WAIT_BEFORE`].
static NOT_A_WAIT: Suffixes = Suffixes::new(&NOT_A_WAIT_BEFORE);

/// Whether `before` ends with one of [`NOT_A_WAIT_BEFORE`] (what
/// `numbers::ends_with_one_of` says).
#[inline]
pub(in super::super) fn not_a_wait_before(before: &[u8]) -> bool {
    NOT_A_WAIT.ends_with_one_of(before, &NOT_A_WAIT_BEFORE)
}

/// log2 of the number of slots of [`NUMBER_SLOTS`].
const NUMBER_BITS: u32 = 7;

/// A word of at most 8 bytes as a little-endian word, zero-padded.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn packed(word: &[u8]) -> u64 {
    let mut w = 0u64;
    let mut j = 0;
    while j < word.len() {
        w |= (word[j] as u64) << (8 * j);
        j += 1;
    }
    w
}

/// The slot of a packed word with multiplier `mul`.
#[inline(always)]
#[allow(clippy::cast_possible_truncation)] // < 1 << NUMBER_BITS
const fn number_slot(w: u64, mul: u64) -> usize {
    (w.wrapping_mul(mul) >> (64 - NUMBER_BITS)) as usize
}

/// The slots of [`NUMBER_WORDS`] under multiplier `mul`: per slot, 1 + the index of the
/// word there (0: none); `None` where two different words share a slot. A word listed
/// twice keeps its first place, as the plain reading finds the first.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
const fn number_slots(mul: u64) -> Option<[u8; 1 << NUMBER_BITS]> {
    assert!(NUMBER_WORDS.len() < 255, "too many number words");
    let mut slots = [0u8; 1 << NUMBER_BITS];
    let mut i = 0;
    while i < NUMBER_WORDS.len() {
        let word = NUMBER_WORDS[i].0.as_bytes();
        assert!(
            !word.is_empty() && word.len() <= 8,
            "a number word of 1 to 8 letters"
        );
        let mut j = 0;
        while j < word.len() {
            assert!(word[j].is_ascii_lowercase(), "a number word in lower case");
            j += 1;
        }
        let w = packed(word);
        let s = number_slot(w, mul);
        if slots[s] == 0 {
            slots[s] = (i + 1) as u8;
        } else if packed(NUMBER_WORDS[slots[s] as usize - 1].0.as_bytes()) != w {
            return None;
        }
        i += 1;
    }
    Some(slots)
}

/// The multiplier of [`NUMBER_SLOTS`]: the first of an odd sequence from [`MUL`] under
/// which no two number words share a slot.
// Only ever evaluated at compile time.
#[allow(clippy::arithmetic_side_effects)]
const NUMBER_MUL: u64 = {
    let mut mul = MUL;
    let mut tries = 0;
    while number_slots(mul).is_none() {
        mul = mul.wrapping_add(0x2_0000_0002);
        tries += 1;
        assert!(
            tries < 100_000,
            "no multiplier keeps the number words apart"
        );
    }
    mul
};

/// Per slot of a packed number word ([`number_slot`] with [`NUMBER_MUL`]), 1 + the index
/// in [`NUMBER_WORDS`] of the one word there, or 0.
static NUMBER_SLOTS: [u8; 1 << NUMBER_BITS] = match number_slots(NUMBER_MUL) {
    Some(slots) => slots,
    None => panic!("no slots for the number words"),
};

/// The value of `word` as an English number word ([`NUMBER_WORDS`], ASCII case ignored),
/// if it is one (what `numbers::number_word_plain` says). The words are lower-case letters
/// and `x | 0x20` is a lower-case letter `l` exactly when `x` is `l` or its capital, so
/// `word` folded by `| 0x20` equals a listed word's bytes exactly when the plain reading
/// finds it; a byte of a text word never folds to 0, so equal words have equal lengths.
#[inline]
pub(in super::super) fn number_word(word: &[u8]) -> Option<u64> {
    let n = word.len();
    if n == 0 || n > 8 {
        return None;
    }
    let (mut w, mut shift) = (0u64, 0u32);
    for &b in word {
        w |= u64::from(b | 0x20).wrapping_shl(shift);
        shift = shift.wrapping_add(8);
    }
    let slot = NUMBER_SLOTS
        .get(number_slot(w, NUMBER_MUL))
        .copied()
        .unwrap_or(0);
    let i = usize::from(slot).checked_sub(1)?;
    let &(_, value) = NUMBER_WORDS.get(i)?;
    (NUMBER_PACKED.get(i) == Some(&w)).then_some(value)
}

/// [`NUMBER_WORDS`] packed: each word's bytes as a little-endian word, zero-padded.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static NUMBER_PACKED: [u64; NUMBER_WORDS.len()] = {
    let mut out = [0u64; NUMBER_WORDS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = packed(NUMBER_WORDS[i].0.as_bytes());
        i += 1;
    }
    out
};

/// The index of a pair of lower-case letters in [`NUMBER_TAILS`].
#[inline(always)]
const fn tail_index(a: u8, b: u8) -> usize {
    ((a.wrapping_sub(b'a') as usize).wrapping_mul(26)).wrapping_add(b.wrapping_sub(b'a') as usize)
}

/// Bit [`tail_index`] set for the last two letters of every [`NUMBER_WORDS`] word of two
/// letters or more and of [`NUMBER_LINK`].
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static NUMBER_TAILS: [u64; 11] = {
    let mut t = [0u64; 11];
    let mut i = 0;
    while i <= NUMBER_WORDS.len() {
        let w = if i < NUMBER_WORDS.len() {
            NUMBER_WORDS[i].0.as_bytes()
        } else {
            NUMBER_LINK.as_bytes()
        };
        let n = w.len();
        if n >= 2 {
            let (a, b) = (w[n - 2], w[n - 1]);
            assert!(
                a.is_ascii_lowercase() && b.is_ascii_lowercase(),
                "a number word in lower case"
            );
            let k = tail_index(a, b);
            t[k / 64] |= 1 << (k % 64);
        }
        i += 1;
    }
    t
};

/// Whether an English number word (or [`NUMBER_LINK`]) may end at `at` of `hay`, as far as
/// the two bytes before `at` (not before `floor`) tell: where both are letters, a word of
/// two letters or more ends there, and it is a number word only if its last two letters
/// are one's. A one-letter word (`a`) has no letter before it.
#[inline]
#[allow(clippy::cast_possible_truncation)] // a bit index, below 64
pub(in super::super) fn may_end_number_word(hay: &[u8], at: usize, floor: usize) -> bool {
    let Some(first) = at.checked_sub(2).filter(|&i| i >= floor) else {
        return true;
    };
    let (Some(&a), Some(&b)) = (hay.get(first), hay.get(first.wrapping_add(1))) else {
        return true;
    };
    if !(a.is_ascii_alphabetic() && b.is_ascii_alphabetic()) {
        return true;
    }
    let k = tail_index(a | 0x20, b | 0x20);
    NUMBER_TAILS
        .get(k / 64)
        .is_some_and(|t| t.wrapping_shr((k % 64) as u32) & 1 != 0)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
mod tests {
    use super::super::super::numbers::{
        ends_with_one_of, english_word_value_before, number_word_plain,
    };
    use super::*;
    use proptest::prelude::*;
    use std::string::String;
    use std::vec::Vec;

    /// Every word of the list, every tail of each, each with text before it and each with
    /// one byte changed, read alike; and the list's words are found.
    #[test]
    fn every_word_and_tail_of_the_list_reads_alike() {
        let mut found = 0;
        for w in NOT_A_WAIT_BEFORE {
            let w = w.as_bytes();
            for cut in 0..=w.len() {
                let tail = &w[cut..];
                for before in [&b""[..], b"x", "我们".as_bytes(), b"waited ", b"\xE4"] {
                    let t = [before, tail].concat();
                    let fast = not_a_wait_before(&t);
                    assert_eq!(fast, ends_with_one_of(&t, &NOT_A_WAIT_BEFORE), "{t:?}");
                    found += usize::from(fast);
                    for i in 0..t.len() {
                        let mut u = t.clone();
                        u[i] ^= 0x01;
                        assert_eq!(
                            not_a_wait_before(&u),
                            ends_with_one_of(&u, &NOT_A_WAIT_BEFORE),
                            "{u:?}"
                        );
                    }
                }
            }
        }
        assert!(found >= 5 * NOT_A_WAIT_BEFORE.len(), "{found}");
    }

    /// Every number word in lower, upper and mixed case, cut short and lengthened, reads
    /// alike, and each is found with its listed value.
    #[test]
    fn every_number_word_reads_alike() {
        for (w, v) in NUMBER_WORDS {
            assert_eq!(number_word(w.as_bytes()), Some(v), "{w}");
            let upper = w.to_ascii_uppercase();
            let mut mixed: Vec<u8> = w.bytes().collect();
            mixed[0] = mixed[0].to_ascii_uppercase();
            for t in [w.as_bytes(), upper.as_bytes(), &mixed] {
                for cut in 0..=t.len() {
                    for extra in [&b""[..], b"s", b"y", b" ", b"\0", b"@", b"-"] {
                        let u = [&t[..cut], extra].concat();
                        assert_eq!(number_word(&u), number_word_plain(&u), "{u:?}");
                    }
                }
            }
        }
    }

    /// Text made of the list's words, pieces of them and other bytes.
    fn suffix_text() -> impl Strategy<Value = Vec<u8>> {
        let pieces: Vec<Vec<u8>> = NOT_A_WAIT_BEFORE
            .iter()
            .map(|w| w.as_bytes().to_vec())
            .chain(["了", "等", "for ", "r ", " ", "a", "你"].map(|s| s.as_bytes().to_vec()))
            .collect();
        prop::collection::vec(
            prop_oneof![
                3 => prop::sample::select(pieces),
                1 => prop::collection::vec(any::<u8>(), 0..4),
            ],
            0..6,
        )
        .prop_map(|v| v.concat())
    }

    /// Words made of the number words' letters, in either case, and other bytes.
    fn number_word_text() -> impl Strategy<Value = Vec<u8>> {
        let words: Vec<String> = NUMBER_WORDS.iter().map(|(w, _)| String::from(*w)).collect();
        prop_oneof![
            prop::sample::select(words).prop_map(String::into_bytes),
            prop::collection::vec(
                prop_oneof![
                    4 => prop::sample::select(&b"aenotwhrfivsxlugcpyAENOTWHRFIVSXLUGCPY"[..]),
                    1 => any::<u8>(),
                ],
                0..10,
            ),
        ]
    }

    /// Text of number words, `of`, other words, figures and punctuation, in any case.
    fn number_phrase_text() -> impl Strategy<Value = Vec<u8>> {
        let pieces: Vec<String> = NUMBER_WORDS
            .iter()
            .map(|(w, _)| String::from(*w))
            .chain(
                [
                    NUMBER_LINK,
                    "for",
                    "the",
                    "tan",
                    "-",
                    " ",
                    ",",
                    ".",
                    "3",
                    "48",
                    "X",
                    "é",
                    "a",
                ]
                .map(String::from),
            )
            .collect();
        prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(pieces),
                1 => prop::collection::vec(any::<u8>(), 0..3)
                    .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
            ],
            0..8,
        )
        .prop_map(|v| {
            v.iter()
                .enumerate()
                .map(|(i, s)| {
                    if i % 3 == 1 {
                        s.to_ascii_uppercase()
                    } else {
                        s.clone()
                    }
                })
                .collect::<String>()
                .into_bytes()
        })
    }

    /// Where a number word is found, the filter lets it through: every number word, in
    /// three cases, after other text and joined by a hyphen.
    #[test]
    fn every_number_word_end_passes_the_filter() {
        for (w, _) in NUMBER_WORDS {
            for t in [
                String::from(w),
                w.to_ascii_uppercase(),
                std::format!("x twenty-{w}"),
            ] {
                let t = std::format!("about {t}");
                let hay = t.as_bytes();
                assert!(
                    english_word_value_before(hay, hay.len(), 0).is_some(),
                    "{t}"
                );
                assert!(may_end_number_word(hay, hay.len(), 0), "{t}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn the_number_word_filter_passes_every_number(t in number_phrase_text(), floor in 0usize..4) {
            for at in 0..=t.len() {
                let floor = floor.min(at);
                if english_word_value_before(&t, at, floor).is_some() {
                    prop_assert!(may_end_number_word(&t, at, floor), "{:?} {}", t, at);
                }
            }
        }

        #[test]
        fn suffix_look_up_equals_the_plain_one(t in suffix_text()) {
            prop_assert_eq!(not_a_wait_before(&t), ends_with_one_of(&t, &NOT_A_WAIT_BEFORE));
        }

        #[test]
        fn suffix_look_up_equals_the_plain_one_on_any_bytes(t in prop::collection::vec(any::<u8>(), 0..12)) {
            prop_assert_eq!(not_a_wait_before(&t), ends_with_one_of(&t, &NOT_A_WAIT_BEFORE));
        }

        #[test]
        fn number_word_look_up_equals_the_plain_one(w in number_word_text()) {
            prop_assert_eq!(number_word(&w), number_word_plain(&w));
        }
    }
}

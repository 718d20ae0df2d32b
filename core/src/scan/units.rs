//! The number-unit phrases of `phrases.tsv` (`N天`, `N元`, `N次`): a numeral end
//! ([`NUMERAL_ENDS`]) followed by a unit matches as the pattern numeral + unit would, with
//! the rules of its class: one starting with an ASCII digit is English-style (no ASCII
//! letter right before the digit or right after the unit; digits may touch it), any other
//! matches its exact bytes.
//!
//! They are read here rather than spelled out in the pattern table once per numeral (800
//! patterns, 8 KiB of a microcontroller's flash). The filter of the table still holds the
//! key of every numeral + unit, so the same positions reach [`matches`]; it is the fast
//! reading (a second, smaller filter on the same hash product, then one word compare per
//! unit), and `matches_plain` (tests only) the plain one it is compared with on every input.

use super::numbers::NUMERAL_ENDS;
use super::tables::{self, UNITS};
use super::word_of;
use crate::utf8::char_at;

/// log2 of the number of bits of [`UNIT_FILTER`]: 8 192 bits (1 KiB) for the 800 keys on
/// 64-bit targets, where about one filter hit in ten that is no numeral + unit gets past
/// it; one word on 32-bit ones, where flash is scarce and speed matters less (nearly every
/// hit gets past it). Only speed depends on it, never the result.
const UNIT_FILTER_BITS: u32 = if cfg!(target_pointer_width = "64") {
    13
} else {
    6
};

/// The bit of a hash product in [`UNIT_FILTER`]: the bits just below those of the table's
/// filter and entry hash (see `super::entry_hash`).
#[inline(always)]
#[allow(clippy::cast_possible_truncation)] // masked below 2^UNIT_FILTER_BITS
const fn unit_filter_word_and_bit(m: u64) -> (usize, u64) {
    let i = (m >> (64 - super::FILTER_WORD_BITS - 6 - 8 - UNIT_FILTER_BITS))
        & ((1 << UNIT_FILTER_BITS) - 1);
    ((i >> 6) as usize, 1u64 << (i & 63))
}

/// One bit per key of a numeral + unit.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static UNIT_FILTER: [u64; 1 << (UNIT_FILTER_BITS - 6)] = {
    let mut f = [0u64; 1 << (UNIT_FILTER_BITS - 6)];
    let mut k = 0;
    while k < tables::UNIT_COUNT * NUMERAL_ENDS.len() {
        let (p, len) = tables::numeral_unit_at(k);
        let (word, bit) = unit_filter_word_and_bit(tables::pattern_mix(p.split_at(len).0));
        f[word] |= bit;
        k += 1;
    }
    f
};

/// The first (up to) 8 bytes of each unit of [`UNITS`], zero-padded, as a little-endian
/// word, and the mask of those bytes: one compare rejects a unit.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static UNIT_HEADS: [(u64, u64); tables::UNIT_COUNT] = {
    let mut heads = [(0u64, 0u64); tables::UNIT_COUNT];
    let mut u = 0;
    while u < tables::UNIT_COUNT {
        let unit = tables::UNITS_CONST[u].1.as_bytes();
        let mut a = [0u8; 8];
        let mut m = [0u8; 8];
        let mut j = 0;
        while j < 8 && j < unit.len() {
            a[j] = unit[j];
            m[j] = 0xFF;
            j += 1;
        }
        heads[u] = (u64::from_le_bytes(a), u64::from_le_bytes(m));
        u += 1;
    }
    heads
};

/// [`NUMERAL_ENDS`] sorted, for a binary search.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static NUMERALS_SORTED: [char; NUMERAL_ENDS.len()] = {
    let mut a = NUMERAL_ENDS;
    let mut i = 1;
    while i < a.len() {
        let mut j = i;
        while j > 0 && (a[j - 1] as u32) > (a[j] as u32) {
            let t = a[j];
            a[j] = a[j - 1];
            a[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    a
};

/// `numbers::numeral_end_len` (tests only), by a binary search (ASCII digits, all numeral ends,
/// without one).
#[inline]
fn numeral_len(hay: &[u8], p: usize) -> Option<usize> {
    match hay.get(p)? {
        b'0'..=b'9' => Some(1),
        0x00..=0x7F => None,
        _ => {
            let (c, end) = char_at(hay, p, hay.len())?;
            NUMERALS_SORTED
                .binary_search(&c)
                .ok()
                .map(|_| end.wrapping_sub(p))
        }
    }
}

/// Whether a numeral + unit may start where the key's hash product is `m`: [`matches`]
/// finds nothing where this is `false`.
#[inline(always)]
pub(super) fn may_match(m: u64) -> bool {
    let (word, bit) = unit_filter_word_and_bit(m);
    UNIT_FILTER.get(word).copied().unwrap_or(0) & bit != 0
}

/// Calls `found(kind << 4 | bit, length)` for every numeral + unit that starts at `p` of
/// `hay`, in the order of [`UNITS`]; `m` is the hash product of the key at `p`.
#[inline]
pub(super) fn matches(hay: &[u8], p: usize, m: u64, mut found: impl FnMut(u8, usize)) {
    if !may_match(m) {
        return;
    }
    let Some(n) = numeral_len(hay, p) else {
        return;
    };
    let digit = hay.get(p).is_some_and(u8::is_ascii_digit);
    let letter = |i: Option<usize>| {
        i.and_then(|i| hay.get(i))
            .is_some_and(u8::is_ascii_alphabetic)
    };
    if digit && letter(p.checked_sub(1)) {
        return;
    }
    let at = p.saturating_add(n);
    let next = hay.get(at..).unwrap_or(&[]);
    let w = word_of(next);
    for (&(kind_bit, unit), &(head, mask)) in UNITS.iter().zip(&UNIT_HEADS) {
        if (w ^ head) & mask != 0 {
            continue;
        }
        let len = unit.len();
        if next.len() < len {
            continue;
        }
        if len > 8 && next.get(..len) != Some(unit.as_bytes()) {
            continue;
        }
        if digit && letter(at.checked_add(len)) {
            continue;
        }
        found(kind_bit, n.saturating_add(len));
    }
}

/// The plain reading [`matches`] is compared with: every unit after a numeral end at `p`.
#[cfg(test)]
fn matches_plain(hay: &[u8], p: usize, mut found: impl FnMut(u8, usize)) {
    let Some(n) = super::numbers::numeral_end_len(hay, p) else {
        return;
    };
    let digit = hay.get(p).is_some_and(u8::is_ascii_digit);
    let letter = |i: Option<usize>| {
        i.and_then(|i| hay.get(i))
            .is_some_and(u8::is_ascii_alphabetic)
    };
    if digit && letter(p.checked_sub(1)) {
        return;
    }
    let at = p.saturating_add(n);
    for &(kind_bit, unit) in &UNITS {
        let end = at.saturating_add(unit.len());
        if hay.get(at..end) == Some(unit.as_bytes()) && !(digit && letter(Some(end))) {
            found(kind_bit, end.saturating_sub(p));
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
mod tests {
    use super::super::{key_hash, key_shift};
    use super::*;
    use proptest::prelude::*;
    use std::string::{String, ToString};
    use std::vec::Vec;

    /// Matches found: (position, `kind << 4 | bit`, length).
    type Found = Vec<(usize, u8, usize)>;

    /// Both readings at every position of `hay`.
    fn both(hay: &[u8]) -> (Found, Found) {
        let (mut fast, mut plain) = (Vec::new(), Vec::new());
        for p in 0..hay.len() {
            let mut w = [0u8; 8];
            for (d, b) in w.iter_mut().zip(&hay[p..]) {
                *d = *b;
            }
            let w = u64::from_le_bytes(w);
            matches(hay, p, key_hash(w, key_shift(w)), |k, l| {
                fast.push((p, k, l))
            });
            matches_plain(hay, p, |k, l| plain.push((p, k, l)));
        }
        (fast, plain)
    }

    /// Texts of the labelled corpus, each a line of JSON with its text in `"text"`.
    fn corpus_texts() -> Vec<String> {
        include_str!("../../../tests/text/corpus.jsonl")
            .lines()
            .filter_map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).ok()?;
                Some(v.get("text")?.as_str()?.into())
            })
            .collect()
    }

    #[test]
    fn the_corpus_reads_alike_and_has_numbers_with_units() {
        let texts = corpus_texts();
        assert!(texts.len() >= 400, "{}", texts.len());
        let mut found = 0;
        for t in &texts {
            let (fast, plain) = both(t.as_bytes());
            assert_eq!(fast, plain, "{t}");
            found += fast.len();
        }
        assert!(found >= 50, "{found}");
    }

    fn numeral_unit_text() -> impl Strategy<Value = String> {
        let pieces: Vec<String> = NUMERAL_ENDS
            .iter()
            .map(|c| c.to_string())
            .chain(UNITS.iter().map(|u| u.1.into()))
            .chain(["a", "x", "1", " ", "我", "了", "，"].map(String::from))
            .collect();
        prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(pieces),
                1 => any::<char>().prop_map(String::from),
            ],
            0..16,
        )
        .prop_map(|v| v.concat())
    }

    #[test]
    fn the_numeral_search_finds_every_numeral_end_and_nothing_else() {
        assert!(('0'..='9').all(|d| NUMERAL_ENDS.contains(&d)));
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let s = c.to_string();
            let t = [s.as_bytes(), b"x"].concat();
            assert_eq!(
                numeral_len(&t, 0),
                super::super::numbers::numeral_end_len(&t, 0),
                "{c}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn fast_reading_equals_the_plain_one(t in numeral_unit_text()) {
            let (fast, plain) = both(t.as_bytes());
            prop_assert_eq!(fast, plain);
        }

        #[test]
        fn fast_reading_equals_the_plain_one_on_any_bytes(b in prop::collection::vec(any::<u8>(), 0..64)) {
            let (fast, plain) = both(&b);
            prop_assert_eq!(fast, plain);
        }

        #[test]
        fn fast_reading_equals_the_plain_one_on_corpus_slices(
            i in any::<prop::sample::Index>(),
            a in any::<prop::sample::Index>(),
            b in any::<prop::sample::Index>(),
        ) {
            let texts = corpus_texts();
            let t = i.get(&texts).as_bytes();
            let (x, y) = (a.index(t.len() + 1), b.index(t.len() + 1));
            let (fast, plain) = both(&t[x.min(y)..x.max(y)]);
            prop_assert_eq!(fast, plain);
        }
    }
}

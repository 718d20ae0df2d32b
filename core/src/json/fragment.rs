//! Pieces of the assessment JSON built at compile time, padded to a fixed
//! size so that the writer copies each with a few fixed-size moves instead
//! of a `memcpy` call whose length changes from one piece to the next.
//!
//! A reason pair is written as three pieces and a number:
//! `{"factor":"<code>","dimension":"` (one per factor),
//! `<dimension>","points":` (one per dimension), the points, and
//! `,"source":"<source>"},` (one per source; the comma after the last pair
//! is taken back). The codes come from the vocabularies themselves.

use super::append;
use crate::assessment::Source;
use crate::code_words::{CodeWords, SLOTS};
use crate::codes::{Code, Dimension};
use crate::factor::{self, FACTOR_COUNT};

/// A piece padded with zero bytes to `N`, and how many bytes are the piece.
#[derive(Clone, Copy)]
pub(super) struct Fragment<const N: usize> {
    pub(super) bytes: [u8; N],
    pub(super) len: usize,
}

impl<const N: usize> Fragment<N> {
    /// `prefix`, `code` and `suffix` one after the other. Fails to compile
    /// if they do not fit in `N` bytes.
    const fn new(prefix: &str, code: &str, suffix: &str) -> Fragment<N> {
        assert!(
            prefix.len() + code.len() + suffix.len() <= N,
            "the piece does not fit its padded size"
        );
        let mut bytes = [0u8; N];
        let len = append(&mut bytes, 0, prefix.as_bytes());
        let len = append(&mut bytes, len, code.as_bytes());
        let len = append(&mut bytes, len, suffix.as_bytes());
        Fragment { bytes, len }
    }

    /// The piece's bytes, without the padding.
    pub(super) fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or(&self.bytes)
    }
}

/// `{"factor":"<code>","dimension":"` for each factor, by index (not in
/// flash with the `small-flash` feature: the writer then builds it).
#[cfg_attr(feature = "small-flash", allow(dead_code))]
pub(super) static FACTOR_OPEN: [Fragment<64>; FACTOR_COUNT] = {
    let mut out = [Fragment::new("", "", ""); FACTOR_COUNT];
    let mut i = 0;
    while i < FACTOR_COUNT {
        out[i] = Fragment::new(
            "{\"factor\":\"",
            factor::TABLE[i].code,
            "\",\"dimension\":\"",
        );
        i += 1;
    }
    out
};

/// The group part of a factor's code: up to and including its last `.`
/// (`category.` of `category.billing`), empty if it has none.
#[cfg(feature = "small-flash")]
const fn group_len(code: &[u8]) -> usize {
    let mut i = code.len();
    while i > 0 && code[i - 1] != b'.' {
        i -= 1;
    }
    i
}

/// The group part of factor `i`'s code.
#[cfg(feature = "small-flash")]
const fn group_of(i: usize) -> &'static [u8] {
    let code = factor::TABLE[i].code.as_bytes();
    code.split_at(group_len(code)).0
}

/// The distinct group parts of the factor codes, in order of first use: the
/// factor that first uses each, how many there are, and each factor's group
/// by index into them.
#[cfg(feature = "small-flash")]
const GROUPS: ([usize; FACTOR_COUNT], usize, [u8; FACTOR_COUNT]) = {
    let mut first = [0usize; FACTOR_COUNT];
    let mut count = 0;
    let mut of = [0u8; FACTOR_COUNT];
    let mut i = 0;
    while i < FACTOR_COUNT {
        let mut g = 0;
        while g < count && !crate::scan::bytes_equal(group_of(first[g]), group_of(i)) {
            g += 1;
        }
        if g == count {
            first[count] = i;
            count += 1;
        }
        assert!(g <= u8::MAX as usize, "more than 256 factor code groups");
        of[i] = g as u8;
        i += 1;
    }
    (first, count, of)
};

/// Number of distinct group parts of the factor codes.
#[cfg(feature = "small-flash")]
const GROUP_COUNT: usize = GROUPS.1;

/// Each factor's group, by index: [`GROUP_ENDS`] of it.
#[cfg(feature = "small-flash")]
static FACTOR_GROUP: [u8; FACTOR_COUNT] = GROUPS.2;

/// The length of all group parts together, each once.
#[cfg(feature = "small-flash")]
const GROUP_BYTES: usize = {
    let (mut g, mut n) = (0, 0);
    while g < GROUP_COUNT {
        n += group_of(GROUPS.0[g]).len();
        g += 1;
    }
    n
};

/// Every distinct group part of the factor codes (`category.`, `channel.`,
/// ...), each once, one after another.
#[cfg(feature = "small-flash")]
static GROUP_TEXT: [u8; GROUP_BYTES] = {
    let mut out = [0u8; GROUP_BYTES];
    let (mut g, mut at) = (0, 0);
    while g < GROUP_COUNT {
        let part = group_of(GROUPS.0[g]);
        let mut j = 0;
        while j < part.len() {
            out[at] = part[j];
            at += 1;
            j += 1;
        }
        g += 1;
    }
    out
};

/// The end of each group part in [`GROUP_TEXT`].
#[cfg(feature = "small-flash")]
static GROUP_ENDS: [u16; GROUP_COUNT] = {
    let mut out = [0u16; GROUP_COUNT];
    let (mut g, mut at) = (0, 0);
    while g < GROUP_COUNT {
        at += group_of(GROUPS.0[g]).len();
        out[g] = at as u16;
        g += 1;
    }
    out
};

/// The rest of factor `i`'s code, after its group part (`billing` of
/// `category.billing`).
#[cfg(feature = "small-flash")]
const fn rest_of(i: usize) -> &'static [u8] {
    let code = factor::TABLE[i].code.as_bytes();
    code.split_at(group_len(code)).1
}

/// The rest of every factor's code after its group part, one after another,
/// by index: what the writer builds `{"factor":"<code>","dimension":"` from
/// with the `small-flash` feature, after the group part (the factor table
/// itself, with its descriptions, stays out of flash). The rests are kept as
/// one byte string and their ends as `u16`, 2 bytes a factor, where a table
/// of `&str` took 8; the group parts (`category.`, `channel.`, ...) once
/// each, where written out in every code they took 1.4 KiB.
#[cfg(feature = "small-flash")]
static FACTOR_CODE_TEXT: [u8; FACTOR_CODE_BYTES] = {
    let mut out = [0u8; FACTOR_CODE_BYTES];
    let (mut i, mut at) = (0, 0);
    while i < FACTOR_COUNT {
        let rest = rest_of(i);
        let mut j = 0;
        while j < rest.len() {
            out[at] = rest[j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    out
};

/// The end of each factor's rest in [`FACTOR_CODE_TEXT`], by index.
#[cfg(feature = "small-flash")]
static FACTOR_CODE_ENDS: [u16; FACTOR_COUNT] = {
    let mut out = [0u16; FACTOR_COUNT];
    let (mut i, mut at) = (0, 0);
    while i < FACTOR_COUNT {
        at += rest_of(i).len();
        assert!(
            at <= u16::MAX as usize,
            "factor codes longer than u16 offsets"
        );
        out[i] = at as u16;
        i += 1;
    }
    out
};

/// The length of all factor codes' rests together.
#[cfg(feature = "small-flash")]
const FACTOR_CODE_BYTES: usize = {
    let (mut i, mut n) = (0, 0);
    while i < FACTOR_COUNT {
        n += rest_of(i).len();
        i += 1;
    }
    n
};

/// Piece `i` of a text of pieces that end at `ends`.
#[cfg(feature = "small-flash")]
fn piece<'t>(text: &'t [u8], ends: &[u16], i: usize) -> &'t [u8] {
    let start = i
        .checked_sub(1)
        .and_then(|before| ends.get(before))
        .map_or(0, |e| usize::from(*e));
    let end = ends.get(i).map_or(0, |e| usize::from(*e));
    text.get(start..end).unwrap_or(&[])
}

/// The code of the factor of index `i` as bytes, in two parts: its group
/// part and the rest (the first factor's past the end, as `Factor::info`
/// falls back).
#[cfg(feature = "small-flash")]
pub(super) fn factor_code(i: usize) -> (&'static [u8], &'static [u8]) {
    let i = if i < FACTOR_COUNT { i } else { 0 };
    let group = FACTOR_GROUP.get(i).map_or(0, |g| usize::from(*g));
    (
        piece(&GROUP_TEXT, &GROUP_ENDS, group),
        piece(&FACTOR_CODE_TEXT, &FACTOR_CODE_ENDS, i),
    )
}

/// `prefix`, each of `codes` and `suffix`, by index; slots past `codes`
/// are empty pieces.
const fn pieces<const M: usize, const N: usize>(
    prefix: &str,
    codes: &[&str],
    suffix: &str,
) -> [Fragment<N>; M] {
    assert!(codes.len() <= M, "more codes than slots");
    let mut out = [Fragment::new("", "", ""); M];
    let mut i = 0;
    while i < codes.len() {
        out[i] = Fragment::new(prefix, codes[i], suffix);
        i += 1;
    }
    out
}

/// `<dimension>","points":` for each dimension, by index.
pub(super) static DIMENSION_POINTS: [Fragment<32>; Dimension::COUNT] =
    pieces("", Dimension::CODES, "\",\"points\":");

/// `,"source":"<source>"},` for each source, by index.
pub(super) static SOURCE_CLOSE: [Fragment<32>; Source::COUNT] =
    pieces(",\"source\":\"", Source::CODES, "\"},");

/// Every code of a vocabulary as a padded piece, by index (implemented for
/// every vocabulary): what the writer copies for a code of the header.
pub(super) trait CodePieces: Code + CodeWords {
    /// The codes, padded; slots past the vocabulary are empty.
    #[cfg_attr(feature = "small-flash", allow(dead_code))]
    const PIECES: [Fragment<32>; SLOTS] = pieces("", Self::CODES, "");
}

impl<T: Code + CodeWords> CodePieces for T {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factor::Factor;
    use crate::playbook::Strategy;
    use std::format;

    /// The packed factor codes of `small-flash` are the factor table's codes,
    /// and an index past the end falls back to the first, as `Factor::info`.
    #[cfg(feature = "small-flash")]
    #[test]
    fn packed_factor_codes_are_the_codes() {
        let joined = |(group, rest): (&[u8], &[u8])| [group, rest].concat();
        for f in Factor::all() {
            assert_eq!(joined(factor_code(f.index())), f.code().as_bytes());
            // The group part is the code up to its last `.` (none for a code
            // without one, such as `indirect_loss_claimed`).
            let (group, rest) = factor_code(f.index());
            assert!(
                (group.is_empty() || group.ends_with(b".")) && !rest.contains(&b'.'),
                "{}",
                f.code()
            );
        }
        assert_eq!(
            joined(factor_code(FACTOR_COUNT)),
            factor::TABLE[0].code.as_bytes()
        );
        assert_eq!(
            FACTOR_CODE_TEXT.len(),
            FACTOR_CODE_ENDS[FACTOR_COUNT - 1] as usize
        );
        assert_eq!(GROUP_TEXT.len(), GROUP_ENDS[GROUP_COUNT - 1] as usize);
        let groups: std::vec::Vec<&[u8]> = (0..GROUP_COUNT)
            .map(|g| piece(&GROUP_TEXT, &GROUP_ENDS, g))
            .collect();
        for (g, part) in groups.iter().enumerate() {
            assert!(!groups[..g].contains(part), "{part:?} kept twice");
        }
    }

    /// Each piece is its parts, for every factor, dimension, source and
    /// every code of a vocabulary with long codes; empty slots are empty.
    #[test]
    fn pieces_are_their_parts() {
        for f in Factor::all() {
            let want = format!("{{\"factor\":\"{}\",\"dimension\":\"", f.code());
            assert_eq!(FACTOR_OPEN[f.index()].as_bytes(), want.as_bytes());
        }
        for d in Dimension::ALL {
            let want = format!("{}\",\"points\":", d.code());
            assert_eq!(
                DIMENSION_POINTS[d.index() as usize].as_bytes(),
                want.as_bytes()
            );
        }
        for s in Source::ALL {
            let want = format!(",\"source\":\"{}\"}},", s.code());
            assert_eq!(SOURCE_CLOSE[s.index() as usize].as_bytes(), want.as_bytes());
        }
        for (i, piece) in Strategy::PIECES.iter().enumerate() {
            let want = Strategy::CODES.get(i).copied().unwrap_or("");
            assert_eq!(piece.as_bytes(), want.as_bytes());
        }
    }
}

//! The fast matcher: finds the same matches as the plain one (`scan_range` and `verify` in
//! `core/src/scan.rs`), in the same order, with fewer instructions. Normal builds use it;
//! builds with the `small-flash` feature (the Cortex-M firmware) use the plain one and
//! leave this module out: its tables take about 100 KiB.
//!
//! It looks at the positions the plain matcher looks at (the same candidates, boundaries in
//! the same order) and differs in how:
//!
//! - Three-byte characters (Chinese, CJK punctuation) are read in a loop of their own,
//!   three bytes at a time ([`chinese_run`]): each one is a candidate and its
//!   continuation bytes are not, so no block mask is needed; where eight characters are
//!   left, they are read from one bounds check ([`next_chinese_event`]). Other bytes go
//!   one at a time ([`one_position`]) until 16 ASCII bytes in a row follow, from where
//!   text is read 64 bytes at a time with the plain matcher's block mask ([`ascii_block`],
//!   English), block after block in one call while each next block starts so. An ASCII
//!   boundary there is read inline, not by a call that would cost the loop its registers.
//! - One table look-up per position ([`START`]) gives both the key length and whether the
//!   byte may start a boundary; in the blocks' candidate loop, one ([`FIRST`]) gives the
//!   word key's prefix mask and whether the byte may start a boundary.
//! - On x86-64 the block masks are made 16 bytes at a time with SSE2 (`fast/sse2.rs`),
//!   elsewhere 8 bytes at a time in a `u64` ([`portable_block_candidates`]); a proptest
//!   checks both give the same masks.
//! - In the 64-byte blocks, a candidate passes a filter of longer keys, the word keys
//!   ([`word_hash`]: up to the shortest pattern with the same first three bytes, where the
//!   plain key stops at the shortest pattern with the same first byte), so that common
//!   English words that start longer patterns ("you", "the", "it") no longer walk a
//!   bucket. A pattern that matches at a position has the position's word key, so the
//!   word filter lets every such position through; it then walks the plain key's bucket,
//!   so the patterns compared and their order are the plain matcher's. An ASCII quote
//!   right after a letter or digit (an apostrophe) is no boundary call there: it changes
//!   nothing; an apostrophe `'` right after a letter is not even a candidate of the block
//!   masks, as long as no pattern starts with one ([`QUIET_APOSTROPHE`]). At a boundary
//!   whose byte starts no pattern ([`MAY_START`]: `.`, `,`, line feeds) the filter is not
//!   looked up.
//! - A filter hit compares each pattern of its bucket in one step, inline: [`PROBES`]
//!   holds, per pattern, its first 8 bytes and which of them fold, set up so that
//!   `(w | fold) == head` says whether the text's 8 bytes `w` start with the pattern
//!   (ASCII case-insensitively where the pattern is English-style, exactly elsewhere).
//!   The plain matcher calls a function, checks a 4-bit hash, compares 8 folded bytes
//!   that may collide, then compares byte by byte. Bytes 8 to 15 are compared the same
//!   way ([`PROBES_REST`]), still inline, so that a long pattern that starts as a common
//!   word does costs no call; any later ones 8 at a time; whether the pattern is
//!   English-style and may touch digits comes from a table ([`RULES`]).
//!
//! The number readers (`numbers.rs`) look their word lists up through [`words`] (the
//! words that make a time no wait, the English number words), built from the same plain
//! lists at compile time; the `small-flash` build reads the lists word by word.
//!
//! What a match then does (the cue already found, the exclamation tails, English word
//! boundaries, the numeral + unit phrases) is the plain matcher's, in its order, so the
//! reader sees the same matches in the same order: `core/tests/scan_matchers.rs` checks
//! that both give the same cues, facts and spans on any text.

#[cfg(target_arch = "x86_64")]
mod sse2;
pub(super) mod words;

use super::tables::{self, Entry};
use super::{boundary, bucket_of, units, CueKind, Reader, BYTE_CLASS, HI, LO7, ONES};

/// One pattern of [`tables::ENTRIES`] as the fast matcher compares it: `head` its first 8
/// bytes, `fold` `0x20` in each byte where the pattern has a lower-case ASCII letter and is
/// English-style (matched ASCII case-insensitively). Past the pattern's end both hold
/// `0xFF`, so that any text byte compares equal there: `(w | fold) == head` exactly when
/// the text at `w` starts with the pattern's first (up to) 8 bytes.
#[derive(Clone, Copy, Debug)]
struct Probe {
    head: u64,
    fold: u64,
}

/// `0x20` in each byte of `x` that is a lower-case ASCII letter, else 0.
#[inline(always)]
const fn lower_letters(x: u64) -> u64 {
    let y = x & LO7;
    // Bit 7 of each lane: y >= 'a', then y > 'z'; no lane carries into the next.
    let ge_a = y.wrapping_add(ONES.wrapping_mul(0x80 - 0x61));
    let gt_z = y.wrapping_add(ONES.wrapping_mul(0x80 - 0x7B));
    (ge_a & !gt_z & !x & HI) >> 2
}

/// Bytes at or past `len` set (none from 8 on).
#[inline(always)]
const fn past_end(len: usize) -> u64 {
    if len >= 8 {
        return 0;
    }
    let mut mask = u64::MAX;
    let mut i = 0;
    while i < len {
        mask = mask.wrapping_shl(8);
        i = i.wrapping_add(1);
    }
    mask
}

/// The probe of bytes `from` to `from + 8` of pattern `p`: the bytes, the case fold of its
/// letters for a word pattern, and all bits set past its end.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn probe_of(p: &[u8], from: usize) -> Probe {
    let mut a = [0u8; 8];
    let mut j = from;
    while j < from + 8 && j < p.len() {
        a[j - from] = p[j];
        j += 1;
    }
    let head = u64::from_le_bytes(a);
    let fold = if super::is_word_pattern(p) {
        lower_letters(head)
    } else {
        0
    };
    let end = past_end(p.len().saturating_sub(from));
    Probe {
        head: head | end,
        fold: fold | end,
    }
}

/// The probes of [`tables::ENTRIES`], in its order (bucket by bucket).
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static PROBES: [Probe; tables::N] = {
    let mut out = [Probe { head: 0, fold: 0 }; tables::N];
    let mut i = 0;
    while i < tables::N {
        out[i] = probe_of(tables::pattern(&tables::ENTRIES_CONST[i]), 0);
        i += 1;
    }
    out
};

/// The bytes 8 to 15 of each pattern of [`tables::ENTRIES`] as a [`Probe`] (all `0xFF` for
/// a pattern of at most 8 bytes): most patterns are compared whole by [`PROBES`] and this.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static PROBES_REST: [Probe; tables::N] = {
    let mut out = [Probe { head: 0, fold: 0 }; tables::N];
    let mut i = 0;
    while i < tables::N {
        out[i] = probe_of(tables::pattern(&tables::ENTRIES_CONST[i]), 8);
        i += 1;
    }
    out
};

/// `START[b]` for a position whose first byte is `b`: bits 0-5 how many high bits of its
/// first 8 bytes its key leaves out (`tables::KEY_SHIFT`), bit 6 ([`MAY_START`]) set when a
/// pattern may match from `b`, bit 7 set when `b` may start a boundary (`BYTE_CLASS`): one
/// look-up where the plain matcher makes two.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static START: [u8; 256] = START_CONST;

/// See [`START`].
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const START_CONST: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        assert!(tables::KEY_SHIFT_CONST[b] < 64, "key shift out of range");
        t[b] = tables::KEY_SHIFT_CONST[b] | if BYTE_CLASS[b] != 0 { 0x80 } else { 0 };
        if STARTS_A_PATTERN[b] {
            t[b] |= MAY_START;
        }
        assert!(t[b] != NO_EVENT, "a START value is the end-of-run mark");
        b += 1;
    }
    t
};

/// The bit of a [`START`] value set where a pattern (of the table or a numeral + unit) may
/// match from the byte: its first byte, or for an English-style pattern its first byte in
/// upper case. Most boundary characters (`.`, `,`, line feeds) start none, and the blocks'
/// second pass then skips the filter at them.
const MAY_START: u8 = 0x40;

/// `STARTS_A_PATTERN[b]`: whether some pattern of the [`KEY_PATTERNS`] may match at a
/// position whose first byte is `b`: exactly for most, ASCII case-insensitively for
/// English-style ones.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const STARTS_A_PATTERN: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < KEY_PATTERNS {
        let (w, len) = key_pattern(i);
        i += 1;
        let first = (w & 0xFF) as u8;
        if len > 0 {
            t[first as usize] = true;
            if first.is_ascii_alphanumeric() {
                t[first.to_ascii_uppercase() as usize] = true;
            }
        }
    }
    t
};

/// The hash product of the key of a position whose first 8 bytes are `w` and whose first
/// byte has `start` in [`START`]: `key_hash(w, key_shift(w))`.
#[inline(always)]
fn start_hash(w: u64, start: u8) -> u64 {
    let shift = u32::from(start & 63);
    let key = (w | 0x2020_2020_2020_2020)
        .wrapping_shl(shift)
        .wrapping_shr(shift);
    key.wrapping_mul(super::HASH_MUL)
}

/// Whether a hash product passes the filter of the table.
#[inline(always)]
fn in_filter(m: u64) -> bool {
    let (word, bit) = super::filter_word_and_bit(m);
    tables::FILTER.get(word).copied().unwrap_or(0) & bit != 0
}

/// log2 of the number of slots of [`PREFIX_SHIFT`] (8 KiB: fewer slots shared by
/// prefixes that start patterns of different lengths, whose shortest then sets the key of
/// both; 16 KiB found no more words apart on the transcripts).
const PREFIX_BITS: u32 = 13;

/// The slot in [`PREFIX_SHIFT`] of a position whose first 8 bytes, folded as keys are
/// (`w | 0x20` in every byte), are `folded`, and whose first byte has `start` in
/// [`START`]: a hash of its prefix, the first 3 bytes of its plain key (fewer where the
/// plain key is shorter: `$`, `!!`).
#[inline(always)]
#[allow(clippy::cast_possible_truncation)] // < 1 << PREFIX_BITS
const fn prefix_slot(folded: u64, start: u8) -> usize {
    let shift = (start & 63) as u32;
    let prefix = (folded.wrapping_shl(shift).wrapping_shr(shift)) & 0xFF_FFFF;
    (prefix.wrapping_mul(super::HASH_MUL) >> (64 - PREFIX_BITS)) as usize
}

/// [`prefix_slot`] with the prefix's mask looked up by first byte ([`FIRST`]) rather
/// than shifted out: fewer instructions in the candidate loop.
#[inline(always)]
#[allow(clippy::cast_possible_truncation)] // < 1 << PREFIX_BITS
const fn prefix_slot_at(folded: u64, first: u64) -> usize {
    // The low half of `first` is the prefix mask alone.
    let prefix = (folded as u32 & first as u32) as u64;
    (prefix.wrapping_mul(super::HASH_MUL) >> (64 - PREFIX_BITS)) as usize
}

/// The bits of a [`FIRST`] value that may mask the prefix.
const PREFIX_BYTES: u64 = 0xFF_FFFF;

/// The bit of a [`FIRST`] value set where the byte may start a boundary.
const FIRST_BOUNDARY: u64 = 1 << 63;

/// `FIRST[b]`, for a position whose first byte is `b`: the bytes of its prefix (see
/// [`prefix_slot`]: the low 3 bytes, or fewer where its plain key is shorter), and
/// [`FIRST_BOUNDARY`] where `b` may start a boundary (bit 7 of [`START`]): what the
/// candidate loop needs of the first byte, in one look-up.
static FIRST: [u64; 256] = FIRST_CONST;

/// See [`FIRST`].
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const FIRST_CONST: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let shift = (START_CONST[b] & 63) as u32;
        let boundary = if START_CONST[b] & 0x80 != 0 {
            FIRST_BOUNDARY
        } else {
            0
        };
        t[b] = (u64::MAX << shift >> shift) & PREFIX_BYTES | boundary;
        b += 1;
    }
    t
};

/// The [`FIRST`] value of every ASCII letter, upper or lower case, where all 52 have the
/// same and it sets no [`FIRST_BOUNDARY`] (a prefix of three bytes today: no
/// English-style pattern is shorter); 0 where they differ, and the candidate loop then
/// looks every candidate up. A letter never starts a boundary.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error;
// `b` is below 256.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
const LETTER_FIRST: u64 = {
    let first = FIRST_CONST[b'a' as usize];
    let mut same = first != 0 && first & FIRST_BOUNDARY == 0;
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphabetic() && FIRST_CONST[b] != first {
            same = false;
        }
        b += 1;
    }
    if same {
        first
    } else {
        0
    }
};

/// The hash product of the word key of a position whose first 8 bytes are `w` and whose
/// first byte has `first` in [`FIRST`]. The plain key stops at the shortest pattern that
/// starts with the same byte, which for English is a common word ("you ", "it ", "for")
/// that begins longer patterns, so that a third of the English words passed the plain
/// filter. The word key stops at the shortest pattern with the same prefix (the first 3
/// bytes of the plain key, see [`prefix_slot`]), as far as [`PREFIX_SHIFT`] tells prefixes
/// apart. A pattern that matches at a position has the position's prefix, so the key of
/// the position is no longer than the pattern and equal to the pattern's own: the word
/// filter holds it.
#[inline(always)]
fn word_hash(w: u64, first: u64) -> u64 {
    let folded = w | 0x2020_2020_2020_2020;
    let shift = PREFIX_SHIFT
        .get(prefix_slot_at(folded, first))
        .copied()
        .unwrap_or(0);
    folded
        .wrapping_shl(u32::from(shift))
        .wrapping_shr(u32::from(shift))
        .wrapping_mul(super::HASH_MUL)
}

/// [`FIRST`] of the first byte of `w`.
#[inline(always)]
fn first_of(w: u64) -> u64 {
    FIRST.get((w & 0xFF) as usize).copied().unwrap_or(0)
}

/// Whether a word-key hash product passes [`WORD_FILTER`].
#[inline(always)]
fn in_word_filter(m: u64) -> bool {
    let (word, bit) = super::filter_word_and_bit(m);
    WORD_FILTER.get(word).copied().unwrap_or(0) & bit != 0
}

/// How many patterns the plain filter holds: the table's, then each numeral followed by
/// each unit (`N天`).
const KEY_PATTERNS: usize = tables::N + tables::UNIT_COUNT * super::numbers::NUMERAL_ENDS.len();

/// Pattern `i` of the [`KEY_PATTERNS`]: its first (up to) 8 bytes as a little-endian word,
/// zero-padded, and its length.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn key_pattern(i: usize) -> (u64, usize) {
    let mut a = [0u8; 8];
    if i < tables::N {
        let p = tables::pattern(&tables::ENTRIES_CONST[i]);
        let mut j = 0;
        while j < 8 && j < p.len() {
            a[j] = p[j];
            j += 1;
        }
        (u64::from_le_bytes(a), p.len())
    } else {
        let (p, len) = tables::numeral_unit_at(i - tables::N);
        let mut j = 0;
        while j < 8 && j < len {
            a[j] = p[j];
            j += 1;
        }
        (u64::from_le_bytes(a), len)
    }
}

/// `PREFIX_SHIFT_CONST[slot]`: for the positions whose prefix hashes to `slot`
/// ([`prefix_slot`]), how many high bits of their first 8 bytes the word key leaves out:
/// `8 * (8 - n)` for `n` the length of the shortest pattern (at most 8) whose prefix
/// hashes there (0, a key of 8 bytes, where none does).
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
const PREFIX_SHIFT_CONST: [u8; 1 << PREFIX_BITS] = {
    let mut t = [0u8; 1 << PREFIX_BITS];
    let mut i = 0;
    while i < KEY_PATTERNS {
        let (w, len) = key_pattern(i);
        i += 1;
        let start = START_CONST[(w & 0xFF) as usize];
        assert!(
            (start & 63) as usize >= (8 - if len < 8 { len } else { 8 }) * 8,
            "a pattern shorter than its plain key"
        );
        let n = if len < 8 { len } else { 8 };
        let shift = ((8 - n) * 8) as u8;
        let slot = prefix_slot(w | 0x2020_2020_2020_2020, start);
        if shift > t[slot] {
            t[slot] = shift;
        }
    }
    t
};

/// See [`PREFIX_SHIFT_CONST`].
static PREFIX_SHIFT: [u8; 1 << PREFIX_BITS] = PREFIX_SHIFT_CONST;

/// The one-bit-per-key filter of the word keys ([`word_hash`]) of every pattern,
/// laid out as the plain [`tables::FILTER`]. Hosted only, as this module.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static WORD_FILTER: [u64; super::FILTER_WORDS] = {
    let mut f = [0u64; super::FILTER_WORDS];
    let mut i = 0;
    while i < KEY_PATTERNS {
        let (w, len) = key_pattern(i);
        i += 1;
        let folded = w | 0x2020_2020_2020_2020;
        let start = START_CONST[(w & 0xFF) as usize];
        let shift = PREFIX_SHIFT_CONST[prefix_slot(folded, start)] as u32;
        assert!(
            shift as usize >= (8 - if len < 8 { len } else { 8 }) * 8,
            "a key longer than its pattern"
        );
        let m = ((folded << shift) >> shift).wrapping_mul(super::HASH_MUL);
        let (word, bit) = super::filter_word_and_bit(m);
        f[word] |= bit;
    }
    f
};

/// Whether the blocks leave out an ASCII apostrophe `'` right after an ASCII letter
/// ("I'm", "doesn't", "month's": about a dozen a benchmark transcript) from their
/// candidates: the plain matcher's boundary call does nothing there (such a quote opens
/// no quotation, see [`apostrophe`]), and when no pattern starts with `'` ([`MAY_START`])
/// neither does its filter, so the position was read for nothing, in both passes, at the
/// cost of two branches that follow the text. Every pattern with an apostrophe has it
/// after a letter, never first, today; a pattern that started with one would turn this
/// off and the blocks would read the position as before. After a digit (`90's`) it stays
/// a candidate, handled as before.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing)]
const QUIET_APOSTROPHE: bool = START_CONST[b'\'' as usize] & MAY_START == 0;

/// Where this many ASCII bytes in a row follow, text is read 64 bytes at a time by the
/// plain matcher's block masks ([`ascii_block`]) rather than byte by byte.
const ASCII_RUN: usize = 16;

/// The 8 bytes of `hay` from `p`, zero-padded past its end (as the plain matcher's window).
#[inline(always)]
fn word_at(hay: &[u8], p: usize) -> u64 {
    match hay.get(p..).and_then(|s| s.first_chunk::<8>()) {
        Some(a) => u64::from_le_bytes(*a),
        None => word_near_end(hay, p),
    }
}

/// [`word_at`] where fewer than 8 bytes are left: out of line, so that the callers need
/// not keep their registers for the copy.
#[cold]
#[inline(never)]
fn word_near_end(hay: &[u8], p: usize) -> u64 {
    super::word_of(hay.get(p..).unwrap_or(&[]))
}

/// Reports every match starting at a position in `start..stop` of `hay`, in order, to
/// `r`: the plain `scan_range`'s candidates, boundaries and filter look-ups, position by
/// position, with the same arguments. Three-byte characters go through [`chinese_run`], long
/// ASCII stretches through [`ascii_block`], anything else one position at a time
/// ([`one_position`]).
#[inline(never)]
pub(super) fn scan_range(hay: &[u8], start: usize, stop: usize, origin: usize, r: &mut Reader) {
    let stop = stop.min(hay.len());
    let mut prev_letter = start
        .checked_sub(1)
        .and_then(|i| hay.get(i))
        .is_some_and(u8::is_ascii_alphabetic);
    let mut p = start;
    while p < stop {
        let after = chinese_run(hay, p, stop, origin, r);
        if after != p {
            p = after;
            prev_letter = false;
            continue;
        }
        if ascii_ahead(hay, p) {
            (p, prev_letter) = ascii_block(hay, p, stop, origin, prev_letter, r);
            continue;
        }
        let Some(&b) = hay.get(p) else {
            break;
        };
        (p, prev_letter) = one_position(hay, p, b, origin, prev_letter, r);
    }
}

/// Whether the [`ASCII_RUN`] bytes of `hay` from `p` are all there and all ASCII: text
/// that [`ascii_block`] reads faster than [`one_position`], from its first byte on.
#[inline(always)]
fn ascii_ahead(hay: &[u8], p: usize) -> bool {
    hay.get(p..)
        .and_then(|s| s.first_chunk::<ASCII_RUN>())
        .and_then(|a| {
            a.as_chunks::<8>()
                .0
                .iter()
                .map(|w| u64::from_le_bytes(*w))
                .reduce(|x, y| x | y)
        })
        .is_some_and(|w| w & HI == 0)
}

/// Reads the three-byte characters (Chinese, CJK punctuation) from `p` on, while before
/// `stop` and 8 bytes are left in `hay`: each is a candidate, its continuation bytes are
/// not. Returns where the run ends.
#[inline(always)]
fn chinese_run(hay: &[u8], mut p: usize, stop: usize, origin: usize, r: &mut Reader) -> usize {
    let limit = stop.min(hay.len().saturating_sub(7));
    loop {
        let (at, w, start, m) = next_chinese_event(hay, p, limit);
        if start == NO_EVENT {
            return at;
        }
        if start & 0x80 != 0 {
            boundary_call(hay, at, origin, w, r);
        }
        if in_filter(m) {
            probe_call(r, hay, at, origin, m, w);
        }
        p = at.wrapping_add(3);
    }
}

/// How many three-byte characters [`next_chinese_event`] reads from one bounds check.
const CJK_STEP: usize = 8;

/// What [`next_chinese_event`] returns in place of a [`START`] when the run ended.
const NO_EVENT: u8 = 0xFF;

/// The first three-byte character from `p` on (before `limit`) that is a boundary or
/// passes the filter: its position, first 8 bytes, [`START`] and hash product; or where the
/// run of three-byte characters ends, with [`NO_EVENT`]. No call inside: the loop keeps
/// its constants in registers.
#[inline(always)]
fn next_chinese_event(hay: &[u8], mut p: usize, limit: usize) -> (usize, u64, u8, u64) {
    // Eight characters at a time from one bounds check, while eight are left before
    // `limit`: no length to check and count down per character.
    while p.saturating_add(3 * (CJK_STEP - 1)) < limit {
        let Some(chunk) = hay
            .get(p..)
            .and_then(|s| s.first_chunk::<{ 3 * CJK_STEP + 5 }>())
        else {
            break;
        };
        for k in (0..3 * CJK_STEP).step_by(3) {
            let Some(a) = chunk.get(k..).and_then(|s| s.first_chunk::<8>()) else {
                break;
            };
            let at = p.wrapping_add(k);
            let w = u64::from_le_bytes(*a);
            if w & 0xC0_C0F0 != 0x80_80E0 {
                return (at, 0, NO_EVENT, 0);
            }
            let start = START.get((w & 0xFF) as usize).copied().unwrap_or(0);
            let m = start_hash(w, start);
            if start & 0x80 != 0 || in_filter(m) {
                return (at, w, start, m);
            }
        }
        p = p.wrapping_add(3 * CJK_STEP);
    }
    while p < limit {
        let Some(a) = hay.get(p..).and_then(|s| s.first_chunk::<8>()) else {
            break;
        };
        let w = u64::from_le_bytes(*a);
        if w & 0xC0_C0F0 != 0x80_80E0 {
            break;
        }
        let start = START.get((w & 0xFF) as usize).copied().unwrap_or(0);
        let m = start_hash(w, start);
        if start & 0x80 != 0 || in_filter(m) {
            return (p, w, start, m);
        }
        p = p.wrapping_add(3);
    }
    (p, 0, NO_EVENT, 0)
}

/// A boundary character at `p` (`w` its first 8 bytes), out of line: a few per sentence.
#[inline(never)]
fn boundary_call(hay: &[u8], p: usize, origin: usize, w: u64, r: &mut Reader) {
    let class = BYTE_CLASS.get((w & 0xFF) as usize).copied().unwrap_or(0);
    boundary(hay, p, origin, w, class, r);
}

/// Reads position `p` of `hay` (byte `b`, before `stop`) as the plain block mask does: a
/// candidate when a lead byte, a line feed or a printable ASCII byte that is no letter or
/// follows no letter (`prev_letter`). Returns the next position that may be a candidate
/// (after a three-byte character, its end) and whether the byte before it is a letter.
#[inline(always)]
fn one_position(
    hay: &[u8],
    p: usize,
    b: u8,
    origin: usize,
    prev_letter: bool,
    r: &mut Reader,
) -> (usize, bool) {
    let letter = b.is_ascii_alphabetic();
    let candidate = b >= 0xC0 || b == b'\n' || (b > b' ' && b < 0x80 && !(letter && prev_letter));
    if !candidate {
        return (p.wrapping_add(1), letter);
    }
    let w = word_at(hay, p);
    let start = START.get(usize::from(b)).copied().unwrap_or(0);
    if start & 0x80 != 0 {
        let class = BYTE_CLASS.get(usize::from(b)).copied().unwrap_or(0);
        boundary(hay, p, origin, w, class, r);
    }
    let m = start_hash(w, start);
    if in_filter(m) {
        probe_call(r, hay, p, origin, m, w);
    }
    // A three-byte character's continuation bytes are no candidates.
    let step = if w & 0xC0_C0F0 == 0x80_80E0 { 3 } else { 1 };
    (p.wrapping_add(step), letter)
}

/// Reads 64 positions at a time from `base` (those before `stop`) with the plain matcher's
/// block mask and its two passes, for as long as the next block starts with
/// [`ASCII_RUN`] ASCII bytes; returns the position after the last block read and whether
/// the byte before it is a letter. [`scan_range`] would read each next block so too (its
/// first byte is ASCII, so no Chinese run starts there): staying here saves a return, a
/// Chinese run that stops at once and a call per block, about a hundred instructions.
#[inline(never)]
fn ascii_block(
    hay: &[u8],
    base: usize,
    stop: usize,
    origin: usize,
    prev_letter: bool,
    r: &mut Reader,
) -> (usize, bool) {
    let (mut base, mut prev_letter) = (base, prev_letter);
    loop {
        let direct = if stop.wrapping_sub(base) >= 64 {
            hay.get(base..).and_then(|s| s.first_chunk::<72>())
        } else {
            None
        };
        let Some(window) = direct else {
            return last_block(hay, base, stop, origin, prev_letter, r);
        };
        (base, prev_letter) = read_block(hay, base, window, u64::MAX, origin, prev_letter, r);
        if base >= stop || !ascii_ahead(hay, base) {
            return (base, prev_letter);
        }
    }
}

/// [`ascii_block`] near the end of the range or of the text: the window past the end of
/// `hay` zeroed (a zero byte is never a candidate), the candidates from `stop` on left
/// out. A candidate depends on its byte and the one before it only, so those before `stop`
/// are the plain matcher's (which zeroes the block from `stop` on); the letter state after
/// the block is only read where the block ends before `stop`, and then it is the same. Out
/// of line, so that the other blocks do not clear this copy.
#[cold]
#[inline(never)]
fn last_block(
    hay: &[u8],
    base: usize,
    stop: usize,
    origin: usize,
    prev_letter: bool,
    r: &mut Reader,
) -> (usize, bool) {
    let mut window = [0u8; 72];
    let rest = hay.get(base..).unwrap_or(&[]);
    let n = rest.len().min(72);
    if let (Some(d), Some(s)) = (window.get_mut(..n), rest.get(..n)) {
        d.copy_from_slice(s);
    }
    let before_stop = u32::try_from(stop.saturating_sub(base))
        .ok()
        .and_then(|n| 1u64.checked_shl(n))
        .map_or(u64::MAX, |bit| bit.wrapping_sub(1));
    read_block(hay, base, &window, before_stop, origin, prev_letter, r)
}

/// The two passes of [`ascii_block`] over the 64 positions from `base`, those of
/// `candidates` (bit `i` for position `base + i`), `window` their bytes and the 8 after.
#[inline(always)]
fn read_block(
    hay: &[u8],
    base: usize,
    window: &[u8; 72],
    candidates: u64,
    origin: usize,
    prev_letter: bool,
    r: &mut Reader,
) -> (usize, bool) {
    let word_at = |j: usize| {
        window
            .get(j..)
            .and_then(|s| s.first_chunk::<8>())
            .map_or(0, |a| u64::from_le_bytes(*a))
    };
    let mut prev_nl = if prev_letter { 0 } else { 0x80 };
    // First pass, without a branch that depends on the text (as the plain one), into a
    // mask of the positions that are a boundary or pass the filter.
    // The filter here is the word filter ([`word_hash`]): in English most candidates are
    // words, and most common words start some longer pattern.
    let mut active = 0u64;
    let block = window.first_chunk::<64>().unwrap_or(&[0; 64]);
    let (all, letters) = block_candidates(block, &mut prev_nl);
    let mut m = all & candidates;
    if LETTER_FIRST != 0 {
        // The words' first letters, most of the candidates: every letter has the same
        // prefix mask and none is a boundary, so no look-up by first byte.
        let mut words = m & letters;
        m &= !letters;
        while words != 0 {
            let j = words.trailing_zeros() & 63;
            words &= words.wrapping_sub(1);
            let pass = in_word_filter(word_hash(word_at(j as usize), LETTER_FIRST));
            active |= u64::from(pass).wrapping_shl(j);
        }
    }
    while m != 0 {
        let j = m.trailing_zeros() & 63;
        m &= m.wrapping_sub(1);
        let w = word_at(j as usize);
        let first = first_of(w);
        let pass = in_word_filter(word_hash(w, first));
        active |= u64::from(pass || first & FIRST_BOUNDARY != 0).wrapping_shl(j);
    }
    // Second pass, in text order: boundaries and the matches they frame.
    while active != 0 {
        let j = (active.trailing_zeros() & 63) as usize;
        active &= active.wrapping_sub(1);
        let w = word_at(j);
        let p = base.wrapping_add(j);
        let start = START.get((w & 0xFF) as usize).copied().unwrap_or(0);
        // A position that is no boundary is here for the filter.
        let mut pass = true;
        if start & 0x80 != 0 {
            let class = BYTE_CLASS.get((w & 0xFF) as usize).copied().unwrap_or(0);
            if class == super::WIDE {
                boundary_call(hay, p, origin, w, r);
            } else if !apostrophe(hay, p, w) {
                // What [`boundary`] does at an ASCII byte, inline: a call here costs the
                // loop's registers. An ASCII quote that is no apostrophe follows no
                // letter or digit, so it opens a quotation.
                r.boundary(class, origin.wrapping_add(p), class == super::QUOTE);
            }
            pass = start & MAY_START != 0 && in_word_filter(word_hash(w, first_of(w)));
        }
        if pass {
            // The bucket is the plain key's: a pattern that matches here is in it. Bytes 8
            // to 15 from `p` are the window's where it holds them (zero past the end of
            // `hay`, as [`word_at`] reads them), and a numeral starts with a digit or a
            // byte from `0x80` (`units::matches` finds nothing at other positions).
            let second = || {
                if j <= 56 {
                    Some(word_at(j.wrapping_add(8)))
                } else {
                    hay.get(p.wrapping_add(8)..)
                        .and_then(|s| s.first_chunk::<8>())
                        .map(|a| u64::from_le_bytes(*a))
                }
            };
            let b = (w & 0xFF) as u8;
            let may_be_numeral = b.is_ascii_digit() || b >= 0x80;
            probe_with(
                hay,
                p,
                origin,
                start_hash(w, start),
                w,
                second,
                may_be_numeral,
                r,
            );
        }
    }
    (base.wrapping_add(64), prev_nl == 0)
}

/// Whether the boundary candidate at `p` of `hay` (`w` its first 8 bytes) is an ASCII
/// quote right after an ASCII letter or digit ("I'm", "doesn't"): [`boundary`] does nothing
/// there (such a quote opens no quotation), and a fifth of the English transcripts'
/// boundaries are such apostrophes.
#[inline(always)]
fn apostrophe(hay: &[u8], p: usize, w: u64) -> bool {
    let quote = matches!(w & 0xFF, 0x27 | 0x22);
    quote
        && p.checked_sub(1)
            .and_then(|i| hay.get(i))
            .is_some_and(u8::is_ascii_alphanumeric)
}

/// [`portable_block_candidates`], 16 bytes at a time with SSE2 on x86-64 ([`sse2`]).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn block_candidates(block: &[u8; 64], prev_nl: &mut u64) -> (u64, u64) {
    sse2::block_candidates(block, prev_nl)
}

/// [`portable_block_candidates`] on targets without [`sse2`].
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn block_candidates(block: &[u8; 64], prev_nl: &mut u64) -> (u64, u64) {
    portable_block_candidates(block, prev_nl)
}

/// Candidate start positions of one 64-byte block, bit `i` for block offset `i`: the
/// plain matcher's `block_candidates` (every lead byte, every line feed, every printable
/// ASCII byte that is no letter or follows no letter; `prev_nl` likewise), with fewer
/// operations per word: a printable byte is a candidate unless it and the byte before it
/// are both letters; less the ASCII apostrophes right after a letter, where the plain
/// matcher does nothing ([`QUIET_APOSTROPHE`]). Second, those of them that are ASCII
/// letters (the words' first letters), which the candidate loop reads with fewer
/// look-ups ([`LETTER_FIRST`]).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))] // compared with `sse2` in tests
#[inline(always)]
fn portable_block_candidates(block: &[u8; 64], prev_nl: &mut u64) -> (u64, u64) {
    let (words, _) = block.as_chunks::<8>();
    let mut mask = 0u64;
    let mut letters = 0u64;
    // Bit 7 of the top byte: the byte before the word is a letter.
    let mut carry = !*prev_nl & 0x80;
    let mut lane_shift = 7u32;
    for word in words {
        let w = u64::from_le_bytes(*word);
        let ascii = !w & HI;
        // Letters: (w | 0x20) in 'a'..='z'; printable: w in '!'..=0x7F. No lane carries.
        let y = (w | 0x2020_2020_2020_2020) & LO7;
        let letter =
            y.wrapping_add(0x1F1F_1F1F_1F1F_1F1F) & !y.wrapping_add(0x0505_0505_0505_0505) & ascii;
        let printable = (w & LO7).wrapping_add(0x5F5F_5F5F_5F5F_5F5F) & ascii;
        // An apostrophe right after a letter is no candidate either ([`QUIET_APOSTROPHE`]).
        let q = w ^ 0x2727_2727_2727_2727;
        let apostrophe = if QUIET_APOSTROPHE {
            !(((q & LO7).wrapping_add(LO7)) | q) & HI
        } else {
            0
        };
        let inside_word = (letter | apostrophe) & ((letter << 8) | carry);
        carry = letter >> 56;
        let lead = w & (w << 1) & HI;
        let x = w ^ 0x0A0A_0A0A_0A0A_0A0A;
        let newline = !(((x & LO7).wrapping_add(LO7)) | x) & HI;
        let cand = (printable & !inside_word) | lead | newline;
        mask |= cand.checked_shr(lane_shift).unwrap_or(0);
        letters |= (letter & cand).checked_shr(lane_shift).unwrap_or(0);
        lane_shift = lane_shift.wrapping_sub(1);
    }
    *prev_nl = !carry & 0x80;
    (super::transpose8(mask), super::transpose8(letters))
}

/// [`probe`] out of line, for the loops that read one position at a time: a filter hit is
/// rare there, and the loop keeps its registers. The reader first, as [`entry_hit`] takes
/// it, so that the arguments they share stay where they are.
#[inline(never)]
fn probe_call(r: &mut Reader, hay: &[u8], p: usize, origin: usize, m: u64, w: u64) {
    probe(hay, p, origin, m, w, r);
}

/// The plain `verify`: reports every pattern of the bucket of hash product `m` that
/// matches `hay` at `p` (`w` its next 8 bytes, zero-padded past the end), in the table's
/// order, then the numeral + unit phrases there. Inlined: a filter hit that matches
/// nothing (most of them) costs a few compares, not a call.
#[inline(always)]
fn probe(hay: &[u8], p: usize, origin: usize, m: u64, w: u64, r: &mut Reader) {
    let second = || {
        hay.get(p.wrapping_add(8)..)
            .and_then(|s| s.first_chunk::<8>())
            .map(|a| u64::from_le_bytes(*a))
    };
    probe_with(hay, p, origin, m, w, second, true, r);
}

/// [`probe`], with the text's bytes 8 to 15 from `p` as `second` gives them (`None` where
/// fewer than 16 bytes are left in `hay`), and the numeral + unit phrases looked up only
/// where `may_be_numeral` (a numeral starts with an ASCII digit or a byte from `0x80`).
// The arguments are the walk's inputs and the reader, not a record to bundle.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn probe_with(
    hay: &[u8],
    p: usize,
    origin: usize,
    m: u64,
    w: u64,
    second: impl Fn() -> Option<u64>,
    may_be_numeral: bool,
    r: &mut Reader,
) {
    let bucket = |i: usize| tables::BUCKETS.get(i).map_or(0, |&b| usize::from(b));
    let b = bucket_of(m);
    // Bounds the compiler sees hold, so that no pattern of the walk needs a check.
    let hi = bucket(b.saturating_add(1)).min(PROBES.len());
    let lo = bucket(b).min(hi);
    let probes = PROBES.get(lo..hi).unwrap_or(&[]);
    for (i, probe) in (lo..).zip(probes) {
        if w | probe.fold == probe.head {
            // Compared on to the 16th byte before the call ([`PROBES_REST`]): a long
            // pattern that starts as a common word does ("customer service" at each
            // "Customer:" label of a transcript) is most often told apart there.
            match second() {
                Some(w8) => {
                    if second_word_matches(w8, i) {
                        entry_hit(r, hay, p, origin, i);
                    }
                }
                None => head_hit_near_end(r, hay, p, origin, i),
            }
        }
    }
    // The number-unit phrases (`N天`), after the table's patterns at `p`.
    if may_be_numeral && units::may_match(m) {
        unit_hits(hay, p, origin, m, r);
    }
}

/// A pattern of entry `i` whose first (up to) 8 bytes match at `p` of `hay`, fewer than
/// 16 bytes before its end: [`probe`]'s comparison of bytes 8 to 15, then [`entry_hit`].
#[cold]
#[inline(never)]
fn head_hit_near_end(r: &mut Reader, hay: &[u8], p: usize, origin: usize, i: usize) {
    if second_word_matches(word_at(hay, p.wrapping_add(8)), i) {
        entry_hit(r, hay, p, origin, i);
    }
}

/// Whether bytes 8 to 15 of the pattern of entry `i` ([`PROBES_REST`]: any bytes past its
/// end) are `w`, the text's from `p + 8` (zero-padded past its end as [`word_at`] reads it).
#[inline(always)]
fn second_word_matches(w: u64, i: usize) -> bool {
    PROBES_REST
        .get(i)
        .is_some_and(|rest| w | rest.fold == rest.head)
}

/// Entry `i` of the table, whose first (up to) 16 bytes match at `p`: reported if it
/// matches whole and its cue is news, with the plain `verify`'s rules.
/// A pattern of more than 16 bytes goes on in [`long_entry_hit`], so that this one calls
/// nothing but the reader, last, and keeps no registers of its caller's. The reader comes
/// first, as [`Reader::hit`] takes it: the arguments stay in their registers for that call.
#[cold]
#[inline(never)]
fn entry_hit(r: &mut Reader, hay: &[u8], p: usize, origin: usize, i: usize) {
    let Some(&e) = tables::ENTRIES.get(i) else {
        return;
    };
    if e.len() > 16 {
        return long_entry_hit(r, hay, p, origin, i);
    }
    let Some(kind_bit) = super::accepted_kind_bit(hay, p, e.kind_bit(), &r.cues) else {
        return;
    };
    if rest_matches(hay, p, i, e) {
        r.hit(hay, p, origin, kind_bit, e.len());
    }
}

/// [`entry_hit`] for a pattern of more than 16 bytes: its bytes from the 17th on are
/// compared too ([`bytes_from_16_match`]).
#[cold]
#[inline(never)]
fn long_entry_hit(r: &mut Reader, hay: &[u8], p: usize, origin: usize, i: usize) {
    let Some(&e) = tables::ENTRIES.get(i) else {
        return;
    };
    let Some(kind_bit) = super::accepted_kind_bit(hay, p, e.kind_bit(), &r.cues) else {
        return;
    };
    if rest_matches(hay, p, i, e) && bytes_from_16_match(hay, p, i, e) {
        r.hit(hay, p, origin, kind_bit, e.len());
    }
}

/// The numeral + unit phrases at `p`.
#[cold]
#[inline(never)]
fn unit_hits(hay: &[u8], p: usize, origin: usize, m: u64, r: &mut Reader) {
    units::matches(hay, p, m, |kind_bit, len| {
        r.hit(hay, p, origin, kind_bit, len)
    });
}

/// A [`RULES`] value and [`EDGE`] bit: the pattern is English-style (matched ASCII
/// case-insensitively, as whole words): no ASCII letter or digit right before or after it.
const WORD: u8 = 1;

/// A [`RULES`] value and [`EDGE`] bit: the pattern is English-style and may touch digits
/// (number units and currency codes: `15天`, `RMB500`; an age before a Chinese unit: `12岁`,
/// as in the plain `matches_at`): no ASCII letter right before or after it.
const NUMERIC: u8 = 2;

/// `RULES[i]`: for entry `i` of [`tables::ENTRIES`], [`WORD`] or [`NUMERIC`] when it is
/// English-style, 0 otherwise; set once here rather than worked out from its kind and
/// bytes at each match.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static RULES: [u8; tables::N] = {
    let mut out = [0u8; tables::N];
    let mut i = 0;
    while i < tables::N {
        let e = tables::ENTRIES_CONST[i];
        let p = tables::pattern(&e);
        let kind = e.kind_bit() >> 4;
        let numeric = kind == CueKind::Money as u8
            || kind == CueKind::Elapsed as u8
            || kind == CueKind::Repetition as u8
            || (kind == CueKind::Vulnerable as u8 && !p.is_empty() && !p[p.len() - 1].is_ascii());
        if super::is_word_pattern(p) {
            out[i] = if numeric { NUMERIC } else { WORD };
        }
        i += 1;
    }
    out
};

/// `EDGE[b]`: which English-style patterns may end right before byte `b` or start right
/// after it: [`WORD`] where `b` is no ASCII letter or digit, [`NUMERIC`] where it is no
/// ASCII letter. One look-up per side where the plain rule tests the byte's class.
// Only ever evaluated at compile time, where an out-of-bounds index is a build error;
// `b` is below 256.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
static EDGE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if !c.is_ascii_alphanumeric() {
            t[b] |= WORD;
        }
        if !c.is_ascii_alphabetic() {
            t[b] |= NUMERIC;
        }
        b += 1;
    }
    t
};

/// Whether the pattern of entry `i` (`e`), whose first (up to) 16 bytes match at `p` of
/// `hay` ([`probe`]), matches there whole as far as its first 16 bytes tell (any later
/// ones are [`bytes_from_16_match`]'s): it fits in `hay`, and for an English-style pattern
/// the word boundaries of the plain `matches_at` hold ([`EDGE`]; the start and the end of
/// the text are boundaries for all).
#[inline(always)]
fn rest_matches(hay: &[u8], p: usize, i: usize, e: Entry) -> bool {
    let len = e.len();
    let Some(end) = p.checked_add(len).filter(|&end| end <= hay.len()) else {
        return false;
    };
    let rules = RULES.get(i).copied().unwrap_or(0);
    if rules == 0 {
        return true;
    }
    let edge = |b: Option<&u8>| {
        b.map_or(WORD | NUMERIC, |&b| {
            EDGE.get(usize::from(b)).copied().unwrap_or(0)
        })
    };
    edge(p.checked_sub(1).and_then(|i| hay.get(i))) & edge(hay.get(end)) & rules != 0
}

/// Whether the bytes of pattern `e` (entry `i`) from its 17th on match `hay` from
/// `p + 16`, 8 at a time (folded as in [`Probe`] for an English-style pattern).
#[inline(always)]
fn bytes_from_16_match(hay: &[u8], p: usize, i: usize, e: Entry) -> bool {
    let word = RULES.get(i).copied().unwrap_or(0) != 0;
    let len = e.len();
    let text = tables::TEXT.as_bytes();
    let mut at = 16;
    while at < len {
        let n = len.saturating_sub(at).min(8);
        let from = |s: &[u8], o: usize| {
            s.get(o.saturating_add(at)..o.saturating_add(at).saturating_add(n))
                .map(super::word_of)
        };
        let (Some(t), Some(pat)) = (from(hay, p), from(text, e.off())) else {
            return false;
        };
        let end_mask = past_end(n);
        let fold = if word { lower_letters(pat) } else { 0 };
        if (t | fold | end_mask) != (pat | end_mask) {
            return false;
        }
        at = at.saturating_add(8);
    }
    true
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy as _;

    #[test]
    fn lower_letters_marks_exactly_the_lower_case_letters() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b, b'a', b, b'Z', b, 0x80, b, b'z']);
            let want = [b, b'a', b, b'Z', b, 0x80, b, b'z'].map(|c| {
                if c.is_ascii_lowercase() {
                    0x20
                } else {
                    0
                }
            });
            assert_eq!(lower_letters(x), u64::from_le_bytes(want), "{b:#x}");
        }
    }

    /// The fast matcher's own tables (left out of `small-flash` builds): the probes, 32
    /// bytes a pattern, its rules, 1 byte a pattern, the word key's prefix table and
    /// filter, 8 KiB each, its first-byte table, 2 KiB, and its word-edge table, 256 B
    /// (100 KiB for 2 535 patterns;
    /// 116.4 KiB for 3 046, with text understanding v6; 123.8 KiB for 3 275 with the
    /// Traditional form of every Simplified phrase; 130.9 KiB for 3 494 with the safety,
    /// category, privacy and number-reader phrases beside it; 147.1 KiB for 3 991 with the next
    /// round's families of harms, personal data, staff conduct, categories and amounts:
    /// room for about 350 more).
    #[test]
    fn its_tables_stay_within_160_kib() {
        let size = core::mem::size_of_val(&PROBES)
            + core::mem::size_of_val(&PROBES_REST)
            + core::mem::size_of_val(&RULES)
            + core::mem::size_of_val(&EDGE)
            + core::mem::size_of_val(&START)
            + core::mem::size_of_val(&PREFIX_SHIFT)
            + core::mem::size_of_val(&FIRST)
            + core::mem::size_of_val(&WORD_FILTER);
        std::println!("fast matcher tables: {size} B for {} patterns", tables::N);
        assert!(size <= 160 * 1024, "{size} B");
    }

    proptest::proptest! {
        /// The SSE2 block masks are the portable ones on any bytes and either letter state
        /// before the block (ASCII-heavy blocks, where letters, punctuation and line feeds
        /// sit next to each other, as well as arbitrary bytes).
        #[cfg(target_arch = "x86_64")]
        #[test]
        fn sse2_block_candidates_equal_the_portable_ones(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::any::<u8>(),
                    proptest::sample::select(&b"aZz{`@[\n !~0'\x7F\x80\xBF\xC0\xE4\xFF"[..]),
                ],
                64,
            ),
            letter_before in proptest::prelude::any::<bool>(),
        ) {
            let block: [u8; 64] = bytes.as_slice().try_into().unwrap();
            let start = if letter_before { 0 } else { 0x80 };
            let (mut fast_nl, mut portable_nl) = (start, start);
            let fast = sse2::block_candidates(&block, &mut fast_nl);
            let portable = portable_block_candidates(&block, &mut portable_nl);
            proptest::prop_assert_eq!(fast, portable, "{:?}", block);
            proptest::prop_assert_eq!(fast_nl, portable_nl);
        }
    }

    proptest::proptest! {
        /// Any range of a text, not only a whole one (the streaming scanner reads a piece
        /// up to a few bytes before its end, so that its last block is cut at `stop` with
        /// text after it): both matchers report the same.
        #[test]
        fn any_range_reads_as_the_plain_matcher_reads_it(
            text in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(&[
                        "I want to ", "cancel", " my ", "account", "lawyer", "!!!", ". ",
                        "\n", "3 days", "don't", "Agent: ", "Customer: ", "\u{6295}\u{8bc9}",
                        "\u{3002}", "a", "x", "7", "'", "\"",
                        // 我要投诉，你们的客服态度太差了！: runs of eight and more.
                        "\u{6211}\u{8981}\u{6295}\u{8bc9}\u{ff0c}\u{4f60}\u{4eec}\u{7684}\u{5ba2}\u{670d}\u{6001}\u{5ea6}\u{592a}\u{5dee}\u{4e86}\u{ff01}",
                    ][..]).prop_map(std::string::String::from),
                    "[a-zA-Z .,!'\n0-9]{0,12}",
                ],
                0..40,
            ),
            cut in proptest::prelude::any::<(proptest::sample::Index, proptest::sample::Index)>(),
        ) {
            let text = text.concat();
            let hay = text.as_bytes();
            let (a, b) = (cut.0.index(hay.len().saturating_add(1)), cut.1.index(hay.len().saturating_add(1)));
            let (start, stop) = (a.min(b), a.max(b));
            let mut fast = Reader::new();
            scan_range(hay, start, stop, 0, &mut fast);
            let mut plain = Reader::new();
            super::super::scan_range(hay, start, stop, 0, &mut plain);
            proptest::prop_assert_eq!(fast.finish(), plain.finish(), "{:?} {}..{}", text, start, stop);
        }
    }

    #[test]
    fn a_pattern_after_any_number_of_quiet_characters_is_found_as_the_plain_matcher_finds_it() {
        // Chinese is read eight characters at a time where eight are left: a pattern at
        // every offset from such a group's start, with the text cut anywhere around it.
        for quiet in ["\u{4e01}", "\u{5929}\u{6c14}"] {
            for k in 0..26 {
                for tail in [
                    "\u{6295}\u{8bc9}",
                    "\u{3002}",
                    "\u{66dd}\u{5149}!!!",
                    "12315",
                ] {
                    let text = std::format!("{}{tail}{}", quiet.repeat(k), quiet.repeat(3));
                    let hay = text.as_bytes();
                    for stop in [hay.len(), hay.len() - 1, hay.len() - 9, hay.len() / 2] {
                        let mut fast = Reader::new();
                        scan_range(hay, 0, stop, 0, &mut fast);
                        let mut plain = Reader::new();
                        super::super::scan_range(hay, 0, stop, 0, &mut plain);
                        assert_eq!(fast.finish(), plain.finish(), "{text:?} to {stop}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_long_pattern_is_read_as_the_plain_matcher_reads_it_up_to_the_end_of_the_text() {
        // Bytes 8 to 15 are compared before the call, from the text where 16 bytes are
        // left and zero-padded where fewer are: every pattern of more than 8 bytes, whole
        // and cut short, at the end of the text and before a few more bytes.
        for e in tables::ENTRIES.iter() {
            let pat = tables::pattern(e);
            if pat.len() <= 8 {
                continue;
            }
            for cut in [0, 1, 7] {
                let Some(head) = pat.get(..pat.len() - cut) else {
                    continue;
                };
                // A short text (read to its end by `last_block`) and one whose first
                // block is read straight from it, the pattern at its end.
                let long_lead = "it was so ".repeat(6);
                for (lead, tail) in [
                    ("so ", &b""[..]),
                    ("so ", b"."),
                    ("so ", b" ok then"),
                    (long_lead.as_str(), b""),
                    (long_lead.as_str(), b" ok"),
                ] {
                    let mut text = std::vec::Vec::from(lead.as_bytes());
                    text.extend_from_slice(head);
                    text.extend_from_slice(tail);
                    let mut fast = Reader::new();
                    scan_range(&text, 0, text.len(), 0, &mut fast);
                    let mut plain = Reader::new();
                    super::super::scan_range(&text, 0, text.len(), 0, &mut plain);
                    assert_eq!(
                        fast.finish(),
                        plain.finish(),
                        "{:?}",
                        std::string::String::from_utf8_lossy(&text)
                    );
                }
            }
        }
    }

    #[test]
    fn may_start_marks_the_first_byte_of_every_pattern_in_either_case() {
        // The blocks skip the filter at a boundary whose byte has no MAY_START: no pattern
        // may match there.
        for i in 0..KEY_PATTERNS {
            let (w, len) = key_pattern(i);
            let first = w.to_le_bytes()[0];
            assert!(len > 0);
            assert_ne!(START[usize::from(first)] & MAY_START, 0, "{first:#x}");
            if super::super::is_word_pattern(&[first]) {
                let upper = first.to_ascii_uppercase();
                assert_ne!(START[usize::from(upper)] & MAY_START, 0, "{upper:#x}");
            }
        }
        // A boundary it is for: a line feed starts no pattern.
        assert_eq!(START[usize::from(b'\n')] & MAY_START, 0);
    }

    #[test]
    fn block_candidates_mark_word_starts_punctuation_lead_bytes_and_line_feeds() {
        // One expected mask written out by hand, so that both versions are checked against
        // the rule and not only against each other.
        let mut block = [b' '; 64];
        let text = "Hi, it's 42\n\u{4f60} x";
        block[..text.len()].copy_from_slice(text.as_bytes());
        let bits = |at: &[u32]| at.iter().map(|&i| 1u64 << i).sum::<u64>();
        // The apostrophe of "it's" (6) is one only where it is not left out.
        let apostrophe = if QUIET_APOSTROPHE { 0 } else { bits(&[6]) };
        let want = bits(&[0, 2, 4, 7, 9, 10, 11, 12, 16]) | apostrophe;
        // The words' first letters: `H`, `i` of "it's", `s` after the apostrophe, `x`.
        let want_words = bits(&[0, 4, 7, 16]);
        for letter_before in [false, true] {
            let mut nl = if letter_before { 0 } else { 0x80 };
            let got = block_candidates(&block, &mut nl);
            let first = if letter_before { 0 } else { 1 };
            assert_eq!(got.0, want & !1 | first, "letter before: {letter_before}");
            assert_eq!(
                got.1,
                want_words & !1 | first,
                "letter before: {letter_before}"
            );
            assert_eq!(nl, 0x80, "the block ends in a space");
            let mut nl = if letter_before { 0 } else { 0x80 };
            assert_eq!(portable_block_candidates(&block, &mut nl), got);
        }
    }

    #[test]
    fn every_pattern_passes_the_word_filter_in_any_case() {
        // A pattern's own text, and for an English-style one its upper case, followed by
        // any byte: the word key of the position is the pattern's, and the filter holds it.
        for i in 0..KEY_PATTERNS {
            let (w, len) = key_pattern(i);
            let pat = &w.to_le_bytes()[..len.min(8)];
            let word = super::super::is_word_pattern(pat);
            for next in [b' ', b'x', b'\n', 0x80] {
                for upper in [false, true] {
                    if upper && !word {
                        continue;
                    }
                    let mut text = std::vec::Vec::from(pat);
                    if upper {
                        text.make_ascii_uppercase();
                    }
                    text.push(next);
                    let tw = super::super::word_of(&text);
                    assert!(
                        in_word_filter(word_hash(tw, first_of(tw))),
                        "{:?} before {next:#x}",
                        std::string::String::from_utf8_lossy(&text)
                    );
                }
            }
        }
    }

    #[test]
    fn a_word_key_is_longer_than_the_plain_key_for_common_words() {
        // The reason for the word key: "you " starts many patterns, "you can" none.
        let text = b"you can ";
        let w = super::super::word_of(text);
        let start = START[usize::from(b'y')];
        assert!(
            in_filter(start_hash(w, start)),
            "the plain key \"you \" passes"
        );
        assert!(
            !in_word_filter(word_hash(w, first_of(w))),
            "the word key \"you can \" fails"
        );
    }

    #[test]
    fn a_probe_compares_like_the_plain_rules() {
        // Every entry's own text matches its probe, in upper case too when English-style.
        for (e, probe) in tables::ENTRIES.iter().zip(&PROBES) {
            let pat = tables::pattern(e);
            let w = super::super::word_of(pat);
            assert_eq!(
                w | probe.fold,
                probe.head,
                "{:?}",
                core::str::from_utf8(pat)
            );
            if super::super::is_word_pattern(pat) {
                let upper = super::super::word_of(&pat.to_ascii_uppercase());
                assert_eq!(upper | probe.fold, probe.head);
            } else if pat.iter().take(8).any(u8::is_ascii_lowercase) {
                let upper = super::super::word_of(&pat.to_ascii_uppercase());
                assert_ne!(upper | probe.fold, probe.head);
            }
        }
    }
}

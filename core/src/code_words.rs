//! Codes found by their first and last eight bytes.
//!
//! Reading a record means looking up about sixteen codes, each in a
//! vocabulary of up to sixteen. Comparing the string with each code in turn
//! calls `memcmp` for every code of the same length and leaves the loop at a
//! different place each time, which the branch predictor cannot learn.
//! Instead, every code is kept as two words: its first eight bytes and its
//! last eight (zero-padded when shorter, so both are the whole code below
//! nine bytes), and a 32-bit hash of the two. The string read gets the same
//! two words from two loads; its hash is compared with all sixteen slots of
//! the vocabulary's table at once (no loop exit to predict), and the one
//! candidate is confirmed by its words and its length (and, past sixteen
//! bytes, by its middle bytes).
//! Two words and the length are the whole string up to sixteen bytes. The
//! length is also folded into the last word, so that codes differing only
//! in length (`abcdefgh`, `abcdefghabcdefgh`) have different words.

/// A code's first eight bytes, and its last eight XOR its length
/// (little-endian, zero-padded).
pub(crate) type Words = [u64; 2];

/// Slots of a [`CodeTable`]: the most codes a vocabulary may have.
pub(crate) const SLOTS: usize = 16;

/// A vocabulary's codes as hashes and words, in index order, padded to
/// [`SLOTS`]; built by [`CodeTable::new`].
pub(crate) struct CodeTable {
    hashes: [u32; SLOTS],
    words: [Words; SLOTS],
}

/// A vocabulary's [`CodeTable`], for the one-pass record reader
/// (implemented for every vocabulary by `code_enum!`).
pub(crate) trait CodeWords: Copy {
    /// The table of the vocabulary's codes.
    const TABLE: CodeTable;
    /// The value's slot in the vocabulary's tables: its index.
    fn slot(self) -> usize;
}

/// The hash of a string's words.
#[inline(always)]
pub(crate) const fn hash(words: Words) -> u32 {
    let x = words[0] ^ words[1].rotate_left(29);
    let x = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (x >> 32) as u32
}

/// The words of `bytes`. (Slice patterns rather than indexing, so that the
/// byte-by-byte path holds no bounds check that could panic.)
pub(crate) const fn words_of(bytes: &[u8]) -> Words {
    let mut lo = 0u64;
    let mut rest = bytes;
    let mut i = 0;
    while i < 8 {
        if let [b, tail @ ..] = rest {
            lo |= (*b as u64) << (8 * i);
            rest = tail;
        }
        i += 1;
    }
    // The last (up to) eight bytes, last one taken first and shifted up most.
    let mut hi = 0u64;
    let mut rest = bytes;
    let mut i = 0;
    while i < 8 {
        if let [head @ .., b] = rest {
            hi = hi << 8 | *b as u64;
            rest = head;
        }
        i += 1;
    }
    [lo, hi ^ bytes.len() as u64]
}

/// The words of the string `input[start..end]`, from two eight-byte loads
/// when the input has eight bytes from `start` and before `end` (as it does
/// around nearly every code in a record), else byte by byte.
#[inline(always)]
pub(crate) fn words_at(input: &[u8], start: usize, end: usize) -> Words {
    let first = input.get(start..).and_then(<[u8]>::first_chunk::<8>);
    let last = end
        .checked_sub(8)
        .and_then(|from| input.get(from..end))
        .and_then(<[u8]>::first_chunk::<8>);
    match (first, last) {
        (Some(first), Some(last)) => {
            let len = end.saturating_sub(start);
            // Bits of the words that are not the string's (below 8 bytes).
            let outside = 8usize.saturating_sub(len) as u32 * 8;
            let lo = u64::from_le_bytes(*first) & u64::MAX.checked_shr(outside).unwrap_or(0);
            let hi = u64::from_le_bytes(*last).checked_shr(outside).unwrap_or(0);
            [lo, hi ^ len as u64]
        }
        _ => words_near_edge(input.get(start..end).unwrap_or(&[])),
    }
}

/// [`words_of`] for a string near either end of its input: rare, kept out
/// of line so that the lookup stays small.
#[cold]
#[inline(never)]
fn words_near_edge(bytes: &[u8]) -> Words {
    words_of(bytes)
}

impl CodeTable {
    /// The table of `codes`. Fails to compile if the vocabulary has more
    /// than [`SLOTS`] codes or two codes with the same hash, which would
    /// leave one of them to the slow reader.
    pub(crate) const fn new(codes: &[&str]) -> CodeTable {
        assert!(codes.len() <= SLOTS, "at most SLOTS codes");
        // Unused slots are never taken: a match in a used slot comes first.
        let mut table = CodeTable {
            hashes: [0; SLOTS],
            words: [[0; 2]; SLOTS],
        };
        let mut i = 0;
        while i < codes.len() {
            let words = words_of(codes[i].as_bytes());
            table.words[i] = words;
            table.hashes[i] = hash(words);
            let mut j = 0;
            while j < i {
                assert!(
                    table.hashes[j] != table.hashes[i],
                    "two codes of a vocabulary share their hash"
                );
                j += 1;
            }
            i += 1;
        }
        table
    }
}

/// The index of `input[start..end]` in `codes`, whose table is `table`.
#[inline(always)]
pub(crate) fn index_of(
    input: &[u8],
    start: usize,
    end: usize,
    codes: &[&str],
    table: &CodeTable,
) -> Option<u8> {
    let key = words_at(input, start, end);
    let h = hash(key);
    let mut hits = 0u32;
    for (i, slot) in table.hashes.iter().enumerate() {
        hits |= u32::from(*slot == h) << i;
    }
    let found = hits.trailing_zeros() as usize;
    let code = codes.get(found)?.as_bytes();
    let len = end.checked_sub(start)?;
    if table.words.get(found) != Some(&key)
        || code.len() != len
        || (len > 16 && input.get(start..end) != Some(code))
    {
        return None;
    }
    u8::try_from(found).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::vec::Vec;

    /// The two loads give the words byte by byte gives, wherever the string
    /// sits in the input and whatever surrounds it.
    #[test]
    fn loads_agree_with_bytes() {
        let input: Vec<u8> = (0..40u8).map(|b| b.wrapping_mul(37) ^ 0x5A).collect();
        for start in 0..=input.len() {
            for end in start..=input.len() {
                assert_eq!(
                    words_at(&input, start, end),
                    words_of(&input[start..end]),
                    "{start}..{end}"
                );
            }
        }
    }

    const CODES: [&str; 11] = [
        "a",
        "ab",
        "abcdefgh",
        "abcdefghi",
        "xabcdefgh",
        "abcdefgh_abcdefgh",
        "abcdefgh_xabcdefgh",
        "repeatedly_unreasonable",
        "repeatedly_unreasonabld",
        "b",
        "abcdefghabcdefgh",
    ];
    const TABLE: CodeTable = CodeTable::new(&CODES);

    /// Whether `candidate`, placed in an input between padding, is found
    /// exactly when it is one of [`CODES`], at that code's index.
    fn check(candidate: &[u8], pad_before: usize, pad_after: usize) -> Result<(), TestCaseError> {
        let mut input = std::vec![b'"'; pad_before];
        input.extend_from_slice(candidate);
        input.extend(std::iter::repeat_n(b'"', pad_after));
        let (start, end) = (pad_before, pad_before + candidate.len());
        let want = CODES.iter().position(|c| c.as_bytes() == candidate);
        let got = index_of(&input, start, end, &CODES, &TABLE);
        prop_assert_eq!(got.map(usize::from), want, "{:?}", candidate);
        Ok(())
    }

    /// Strings with a code's words but not its bytes (another middle past
    /// sixteen bytes) are told apart by the middle.
    #[test]
    fn same_words_other_middle() {
        for (s, code) in [("abcdefgh_yabcdefgh", 6), ("abcdefghXabcdefgh", 5)] {
            assert_eq!(words_of(s.as_bytes()), TABLE.words[code], "{s}");
            assert_eq!(
                index_of(s.as_bytes(), 0, s.len(), &CODES, &TABLE),
                None,
                "{s}"
            );
        }
    }

    proptest! {
        /// Codes, strings near them, and random strings over a small
        /// alphabet (so that prefixes and suffixes are often shared).
        #[test]
        fn finds_exactly_the_codes(
            pick in 0usize..CODES.len(),
            cut in 0usize..24,
            junk in proptest::collection::vec(b'a'..=b'i', 0..24),
            pad_before in 0usize..10,
            pad_after in 0usize..10,
        ) {
            let code = CODES[pick].as_bytes();
            check(code, pad_before, pad_after)?;
            check(&code[..cut.min(code.len())], pad_before, pad_after)?;
            check(&junk, pad_before, pad_after)?;
            for s in ["abcdefgh_yabcdefgh", "abcdefghXabcdefgh", "abcdefgh_abcdefgh_abcdefgh"] {
                check(s.as_bytes(), pad_before, pad_after)?;
            }
        }
    }
}

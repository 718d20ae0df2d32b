//! The compact pattern text of the `small-flash` build: the firmware keeps its patterns in
//! a form `core/build.rs` (`compact`) writes and [`decode`] reads back, about a third
//! shorter than UTF-8 (most pattern bytes are Chinese characters: three bytes each in
//! UTF-8, two here; and the most frequent pieces of text, a Chinese character or a run of
//! letters, are one byte). The scanner decodes only the few entries of a bucket whose
//! hash matches a text position, so the firmware trades a little of its scan time for
//! about 8 KiB of flash.
//!
//! The encoding itself (which byte stands for what) is declared once, in [`form`],
//! which `core/build.rs` shares.

pub(super) mod form;

use super::{PACKED_CODE_PIECES, PACKED_CODE_PIECE_AT, PATTERN_CAP};
use form::{decode_char, piece_index};

// Every piece of `core/build.rs` has a one-byte code (the last start is the end of the
// last piece), and the codes `build.rs` wrote name them back in order.
const _: () = {
    assert!(PACKED_CODE_PIECE_AT.len() == form::PIECE_CODES + 1);
    let mut i = 0;
    while i < form::PIECE_CODES {
        match form::piece_code(i) {
            Some(b) => assert!(matches!(piece_index(b), Some(k) if k == i)),
            None => panic!("a piece without a code"),
        }
        i += 1;
    }
};

/// The pieces of the one-byte codes (see [`piece_index`]), one after another, in UTF-8:
/// chosen by `core/build.rs` (`pieces`); piece `i` is
/// `PIECES[start(i)..start(i + 1)]` (see [`piece_start`]).
static PIECES: [u8; PACKED_CODE_PIECES.len()] = bytes_of(PACKED_CODE_PIECES);

/// Where each piece of [`PIECES`] starts, and the end of the last: the low byte of the
/// offset, the page of 256 bytes given by [`PAGE_FROM`] (a byte a piece, not two).
static PIECE_AT: [u8; PACKED_CODE_PIECE_AT.len()] = low_bytes(PACKED_CODE_PIECE_AT);

/// Number of 256-byte pages of [`PIECES`] after the first (the end of the last piece
/// included).
const PAGES: usize = PACKED_CODE_PIECES.len() / 256;

/// For each page `p` after the first, the index of the first piece start (or end of the
/// last) at or past byte `256 * p` of [`PIECES`] (255, past every index, if none).
static PAGE_FROM: [u8; PAGES] = page_from(&PACKED_CODE_PIECE_AT);

/// The low byte of each offset (compile time only).
// Compile time only (a `static` initialiser): an index out of bounds or an overflow is a
// build error, not a runtime panic.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
const fn low_bytes<const N: usize>(at: [u16; N]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = at[i].to_le_bytes()[0];
        i += 1;
    }
    out
}

/// [`PAGE_FROM`] of the increasing offsets `at` (compile time only).
// Compile time only (a `static` initialiser): an index out of bounds or an overflow is a
// build error, not a runtime panic.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
const fn page_from<const P: usize>(at: &[u16]) -> [u8; P] {
    assert!(at.len() < 255, "too many pieces for a byte index");
    let mut out = [u8::MAX; P];
    let mut p = 0;
    while p < P {
        let mut i = 0;
        while i < at.len() {
            if at[i] as usize >= (p + 1) * 256 {
                out[p] = i as u8;
                break;
            }
            i += 1;
        }
        p += 1;
    }
    out
}

/// Where piece `i` starts in [`PIECES`] (for `i` the piece count: where the last ends).
fn piece_start(i: usize) -> Option<usize> {
    let low = usize::from(*PIECE_AT.get(i)?);
    let pages = PAGE_FROM.iter().filter(|&&f| usize::from(f) <= i).count();
    pages.checked_mul(256)?.checked_add(low)
}

/// The bytes of `s` as an array (compile time only; `N` is its length).
const fn bytes_of<const N: usize>(s: &str) -> [u8; N] {
    match s.as_bytes().first_chunk::<N>() {
        Some(bytes) => *bytes,
        None => [0; N],
    }
}

/// The UTF-8 bytes of piece `i`.
fn piece(i: usize) -> Option<&'static [u8]> {
    let from = piece_start(i)?;
    let to = piece_start(i.checked_add(1)?)?;
    PIECES.get(from..to)
}

/// Decodes `code` into `out` as UTF-8 and returns the decoded length, or `None` if `code`
/// is not in the compact form or does not fit `out` (neither happens for the table's
/// patterns: `core/src/scan.rs` checks each at compile time).
pub(super) fn decode(code: &[u8], out: &mut [u8; PATTERN_CAP]) -> Option<usize> {
    let mut n = 0usize;
    let mut rest = code;
    while let [first, ..] = rest {
        let char_bytes: [u8; 4];
        let (bytes, used): (&[u8], usize) = match piece_index(*first) {
            Some(i) => (piece(i)?, 1),
            None => {
                let (utf8, used, len) = decode_char(rest)?;
                char_bytes = utf8;
                (char_bytes.get(..len)?, used)
            }
        };
        let end = n.checked_add(bytes.len())?;
        out.get_mut(n..end)?.copy_from_slice(bytes);
        n = end;
        rest = rest.get(used..)?;
    }
    Some(n)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::form::{self, ESCAPE};
    use super::*;

    fn decoded(code: &[u8]) -> Option<std::string::String> {
        let mut out = [0u8; PATTERN_CAP];
        let n = decode(code, &mut out)?;
        Some(std::str::from_utf8(&out[..n]).unwrap().into())
    }

    #[test]
    fn each_byte_class_decodes_to_its_character() {
        assert_eq!(decoded(b"ab c?").as_deref(), Some("ab c?"));
        // 一 U+4E00, 投 U+6295, 诉 U+8BC9, 龍 U+9F8D; the last of the range, U+9FFF.
        assert_eq!(decoded(&[0x80, 0x00]).as_deref(), Some("一"));
        assert_eq!(decoded(&[0x94, 0x95, 0xBD, 0xC9]).as_deref(), Some("投诉"));
        assert_eq!(decoded(&[0xD1, 0x8D]).as_deref(), Some("龍"));
        assert_eq!(decoded(&[0xD1, 0xFF]).as_deref(), Some("\u{9FFF}"));
        // £ U+00A3, ¥ U+00A5, ： U+FF1A and 😀 U+1F600: the escape, then UTF-8.
        assert_eq!(decoded(&[ESCAPE, 0xC2, 0xA3, b'5']).as_deref(), Some("£5"));
        assert_eq!(decoded(&[ESCAPE, 0xC2, 0xA5]).as_deref(), Some("¥"));
        let mut colon = std::vec![b'i', b't', ESCAPE];
        colon.extend_from_slice("：".as_bytes());
        assert_eq!(decoded(&colon).as_deref(), Some("it："));
        let mut smile = std::vec![ESCAPE];
        smile.extend_from_slice("😀".as_bytes());
        assert_eq!(decoded(&smile).as_deref(), Some("😀"));
    }

    #[test]
    fn every_character_encodes_and_decodes_back() {
        // The writer's half of the form (`core/build.rs`, the tails) against its reader.
        let chars = (0x20u32..0x80)
            .chain([
                0xA3, 0xA5, 0x4DFF, 0x4E00, 0x6295, 0x9FFF, 0xA000, 0xFF1A, 0x1F600,
            ])
            .filter_map(char::from_u32);
        for c in chars {
            let utf8 = c.encode_utf8(&mut [0; 4]).as_bytes().to_vec();
            let (code, n, used) = form::encode_char(&utf8).unwrap();
            assert_eq!(used, utf8.len());
            let ideograph = ('\u{4E00}'..='\u{9FFF}').contains(&c);
            let expected = match () {
                () if form::one_byte_ascii(utf8[0]) => 1,
                () if ideograph => 2,
                () => 1 + utf8.len(),
            };
            assert_eq!(n, expected, "{c:?}");
            let (back, read, len) = form::decode_char(&code[..n]).unwrap();
            assert_eq!((read, &back[..len]), (n, &utf8[..]), "{c:?}");
            assert_eq!(decoded(&code[..n]).unwrap(), std::format!("{c}"));
        }
        // A piece's code is no character.
        assert_eq!(form::decode_char(&[form::piece_code(0).unwrap()]), None);
    }

    #[test]
    fn one_byte_codes_are_the_pieces_in_order() {
        let codes: std::vec::Vec<u8> = (0x01..=0x1F)
            .chain(0x41..=0x60)
            .chain(0x7B..=0x7F)
            .chain(0xD2..=0xD7)
            .chain(0xD9..=0xFF)
            .collect();
        assert_eq!(codes.len(), PIECE_AT.len() - 1);
        for (i, &b) in codes.iter().enumerate() {
            assert_eq!(piece_index(b), Some(i));
            let p = std::str::from_utf8(piece(i).unwrap()).unwrap();
            assert_eq!(decoded(&[b'a', b, b'b']), Some(std::format!("a{p}b")));
        }
        // Every other first byte is a character's.
        for b in 0..=0xFFu8 {
            assert_eq!(piece_index(b).is_some(), codes.contains(&b), "{b:#x}");
        }
        // Distinct pieces, each of which the characters' forms write too; the unused
        // codes (if any) stand for a NUL, which no phrase holds.
        let used: std::vec::Vec<&[u8]> = (0..codes.len())
            .map(|i| piece(i).unwrap())
            .filter(|p| *p != b"\0")
            .collect();
        let mut sorted = used.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), used.len());
        assert!(used.iter().all(|p| !p.is_empty()));
    }

    #[test]
    fn the_byte_starts_of_the_pieces_are_their_offsets() {
        // The one-byte starts with their pages against the plain `u16` offsets of
        // `core/build.rs`.
        for (i, &at) in PACKED_CODE_PIECE_AT.iter().enumerate() {
            assert_eq!(piece_start(i), Some(usize::from(at)), "piece {i}");
        }
        assert_eq!(piece_start(PACKED_CODE_PIECE_AT.len()), None);
        // Offsets across page ends, as a longer piece list would have them.
        let at: [u16; 6] = [0, 200, 256, 300, 511, 700];
        assert_eq!(page_from::<2>(&at), [2, 5]);
        assert_eq!(page_from::<3>(&at), [2, 5, u8::MAX]);
        assert_eq!(low_bytes(at), [0, 200, 0, 44, 255, 188]);
    }

    #[test]
    fn the_ascii_characters_without_a_byte_take_two() {
        assert_eq!(decoded(&[ESCAPE, b'A', b'p', b'p']).as_deref(), Some("App"));
        assert_eq!(
            decoded(&[ESCAPE, b'_', ESCAPE, b'~']).as_deref(),
            Some("_~")
        );
        // Those with a byte of their own are written in one byte only.
        assert_eq!(decoded(&[ESCAPE, b'a']), None);
        assert_eq!(decoded(&[ESCAPE, b' ']), None);
    }

    #[test]
    fn malformed_or_oversized_code_is_refused_not_misread() {
        // A cut character, and first bytes the form does not use.
        assert_eq!(decoded(&[0x80]), None);
        assert_eq!(decoded(&[0x94, 0x95, 0xBD]), None);
        assert_eq!(decoded(&[ESCAPE]), None);
        assert_eq!(decoded(&[ESCAPE, 0xE4, 0xBD]), None);
        // An escape before a byte no character starts with.
        assert_eq!(decoded(&[ESCAPE, 0x80, 0x80]), None);
        assert_eq!(decoded(&[ESCAPE, 0xF8, 0x80, 0x80, 0x80]), None);
        // ASCII with a byte of its own written in two bytes is not the form.
        assert_eq!(decoded(&[ESCAPE, b'z']), None);
        // Eleven ideographs are 33 bytes of UTF-8, past the room of a pattern.
        assert_eq!(decoded(&[0x80, 0x00].repeat(11)), None);
        assert!(decoded(&[0x80, 0x00].repeat(10)).is_some());
    }
}

//! The compact pattern text of the `small-flash` build: the firmware keeps its patterns in
//! a form `core/build.rs` (`compact`) writes and [`decode`] reads back, a fifth shorter than
//! UTF-8 (most pattern bytes are Chinese characters: three bytes each in UTF-8, two here).
//! The scanner decodes only the few entries of a bucket whose hash matches a text position,
//! so the firmware trades a little of its scan time for about 4 KiB of flash.
//!
//! Each character is written by itself; its first byte tells its length:
//! - `0x01..=0x1F`, `0x7F`, `0xD2..=0xD7` and `0xF5..=0xFF` (first bytes no other
//!   character has: a phrase holds no control character): one of the 49 Chinese characters
//!   the pattern text holds most often, [`SHORT`] in the order of these bytes, one byte
//!   (1.1 KiB of the 16 KiB compact text saved, for a 98-byte table);
//! - `0x00..=0x7F` otherwise: ASCII, one byte;
//! - `0x80..=0xD1` then `t`: the CJK ideograph `U+4E00 + (first - 0x80) * 256 + t`;
//! - `0xD8..=0xDF` then `t`: the character `(first - 0xD8) * 256 + t` below U+0800
//!   (two bytes in UTF-8 too, such as `£` and `¥`);
//! - `0xE0..=0xF4`: a character of three or four bytes in UTF-8, those bytes as they are
//!   (`’`, `：`, `！`).

use super::{PACKED_CODE_SHORT, PATTERN_CAP};

/// The characters of the one-byte codes (see [`short_index`]), as offsets from U+4E00:
/// chosen by `core/build.rs` (`short_chars`), the most frequent of the pattern text first.
static SHORT: [u16; PACKED_CODE_SHORT.len()] = PACKED_CODE_SHORT;

/// The index in [`SHORT`] of the character a one-byte code `b` stands for, or `None` if
/// `b` is the first byte of another character (the order of `short_code` in
/// `core/build.rs`).
pub(super) const fn short_index(b: u8) -> Option<usize> {
    match b {
        0x01..=0x1F => Some(b.wrapping_sub(0x01) as usize),
        0x7F => Some(31),
        0xD2..=0xD7 => Some(b.wrapping_sub(0xD2 - 32) as usize),
        0xF5..=0xFF => Some(b.wrapping_sub(0xF5 - 38) as usize),
        _ => None,
    }
}

/// Decodes `code` into `out` as UTF-8 and returns the decoded length, or `None` if `code`
/// is not in the compact form or does not fit `out` (neither happens for the table's
/// patterns: `core/src/scan.rs` checks each at compile time).
pub(super) fn decode(code: &[u8], out: &mut [u8; PATTERN_CAP]) -> Option<usize> {
    let mut n = 0usize;
    let mut rest = code;
    while let [first, tail @ ..] = rest {
        let short = short_index(*first).and_then(|i| SHORT.get(i));
        let (char_bytes, len, tail): ([u8; 4], usize, &[u8]) = match (*first, tail) {
            _ if short.is_some() => {
                let offset = short.map_or(0, |&o| u32::from(o));
                (utf8(0x4E00u32.wrapping_add(offset), 3)?, 3, tail)
            }
            (0x00..=0x7F, t) => ([*first, 0, 0, 0], 1, t),
            (0x80..=0xD1, [low, t @ ..]) => {
                let offset = u32::from_be_bytes([0, 0, *first & 0x7F, *low]);
                (utf8(0x4E00u32.wrapping_add(offset), 3)?, 3, t)
            }
            (0xD8..=0xDF, [low, t @ ..]) => {
                let c = u32::from_be_bytes([0, 0, *first & 0x07, *low]);
                (utf8(c, 2)?, 2, t)
            }
            (0xE0..=0xEF, [a, b, t @ ..]) => ([*first, *a, *b, 0], 3, t),
            (0xF0..=0xF4, [a, b, c, t @ ..]) => ([*first, *a, *b, *c], 4, t),
            _ => return None,
        };
        let end = n.checked_add(len)?;
        out.get_mut(n..end)?.copy_from_slice(char_bytes.get(..len)?);
        n = end;
        rest = tail;
    }
    Some(n)
}

/// The UTF-8 bytes of code point `c` (zero-padded), if it is a character written in `len`
/// bytes.
fn utf8(c: u32, len: usize) -> Option<[u8; 4]> {
    let ch = char::from_u32(c).filter(|ch| ch.len_utf8() == len)?;
    let mut buf = [0u8; 4];
    ch.encode_utf8(&mut buf);
    Some(buf)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn decoded(code: &[u8]) -> Option<std::string::String> {
        let mut out = [0u8; PATTERN_CAP];
        let n = decode(code, &mut out)?;
        Some(std::str::from_utf8(&out[..n]).unwrap().into())
    }

    #[test]
    fn each_byte_class_decodes_to_its_character() {
        assert_eq!(decoded(b"ab c").as_deref(), Some("ab c"));
        // 一 U+4E00, 投 U+6295, 诉 U+8BC9, 龍 U+9F8D; the last of the range, U+9FFF.
        assert_eq!(decoded(&[0x80, 0x00]).as_deref(), Some("一"));
        assert_eq!(decoded(&[0x94, 0x95, 0xBD, 0xC9]).as_deref(), Some("投诉"));
        assert_eq!(decoded(&[0xD1, 0x8D]).as_deref(), Some("龍"));
        assert_eq!(decoded(&[0xD1, 0xFF]).as_deref(), Some("\u{9FFF}"));
        // £ U+00A3, ¥ U+00A5.
        assert_eq!(decoded(&[0xD8, 0xA3, b'5']).as_deref(), Some("£5"));
        assert_eq!(decoded(&[0xD8, 0xA5]).as_deref(), Some("¥"));
        // ’ and ： as in UTF-8, 😀 as in UTF-8.
        assert_eq!(decoded("it’s：".as_bytes()).as_deref(), Some("it’s："));
        assert_eq!(decoded("😀".as_bytes()).as_deref(), Some("😀"));
    }

    #[test]
    fn one_byte_codes_are_the_short_characters_in_order() {
        let codes: std::vec::Vec<u8> = (0x01..=0x1F)
            .chain([0x7F])
            .chain(0xD2..=0xD7)
            .chain(0xF5..=0xFF)
            .collect();
        assert_eq!(codes.len(), SHORT.len());
        for (i, &b) in codes.iter().enumerate() {
            assert_eq!(short_index(b), Some(i));
            let c = char::from_u32(0x4E00 + u32::from(SHORT[i])).unwrap();
            let mut want = std::string::String::from("a");
            want.push(c);
            want.push('b');
            assert_eq!(decoded(&[b'a', b, b'b']), Some(want));
        }
        // Every other first byte is another character's.
        for b in 0..=0xFFu8 {
            assert_eq!(short_index(b).is_some(), codes.contains(&b), "{b:#x}");
        }
        // Distinct Chinese characters, each of which the two-byte form writes too.
        let mut sorted = SHORT.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), SHORT.len());
        assert!(SHORT.iter().all(|&o| o <= 0x9FFF - 0x4E00));
    }

    #[test]
    fn malformed_or_oversized_code_is_refused_not_misread() {
        // A cut character, and first bytes the form does not use.
        assert_eq!(decoded(&[0x80]), None);
        assert_eq!(decoded(&[0xE4, 0xBD]), None);
        assert_eq!(decoded(&[0xD8]), None);
        // ASCII written in two bytes is not the form.
        assert_eq!(decoded(&[0xD8, b'A']), None);
        // Eleven ideographs are 33 bytes of UTF-8, past the room of a pattern.
        assert_eq!(decoded(&[0x80, 0x00].repeat(11)), None);
        assert!(decoded(&[0x80, 0x00].repeat(10)).is_some());
    }
}

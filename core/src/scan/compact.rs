//! The compact pattern text of the `small-flash` build: the firmware keeps its patterns in
//! a form `core/build.rs` (`compact`) writes and [`decode`] reads back, a fifth shorter than
//! UTF-8 (most pattern bytes are Chinese characters: three bytes each in UTF-8, two here).
//! The scanner decodes only the few entries of a bucket whose hash matches a text position,
//! so the firmware trades a little of its scan time for about 4 KiB of flash.
//!
//! Each character is written by itself; its first byte tells its length:
//! - `0x00..=0x7F`: ASCII, one byte;
//! - `0x80..=0xD1` then `t`: the CJK ideograph `U+4E00 + (first - 0x80) * 256 + t`;
//! - `0xD8..=0xDF` then `t`: the character `(first - 0xD8) * 256 + t` below U+0800
//!   (two bytes in UTF-8 too, such as `£` and `¥`);
//! - `0xE0..=0xF4`: a character of three or four bytes in UTF-8, those bytes as they are
//!   (`’`, `：`, `！`).

use super::PATTERN_CAP;

/// Decodes `code` into `out` as UTF-8 and returns the decoded length, or `None` if `code`
/// is not in the compact form or does not fit `out` (neither happens for the table's
/// patterns: `core/src/scan.rs` checks each at compile time).
pub(super) fn decode(code: &[u8], out: &mut [u8; PATTERN_CAP]) -> Option<usize> {
    let mut n = 0usize;
    let mut rest = code;
    while let [first, tail @ ..] = rest {
        let (char_bytes, len, tail): ([u8; 4], usize, &[u8]) = match (*first, tail) {
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
    fn malformed_or_oversized_code_is_refused_not_misread() {
        // A cut character, and first bytes the form does not use.
        assert_eq!(decoded(&[0x80]), None);
        assert_eq!(decoded(&[0xE4, 0xBD]), None);
        assert_eq!(decoded(&[0xD5, 0x00]), None);
        assert_eq!(decoded(&[0xFF]), None);
        // ASCII written in two bytes is not the form.
        assert_eq!(decoded(&[0xD8, b'A']), None);
        // Eleven ideographs are 33 bytes of UTF-8, past the room of a pattern.
        assert_eq!(decoded(&[0x80, 0x00].repeat(11)), None);
        assert!(decoded(&[0x80, 0x00].repeat(10)).is_some());
    }
}

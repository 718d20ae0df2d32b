//! The encoding of the compact pattern text, declared once: `core/build.rs` writes the
//! `small-flash` pattern text with it (it includes this file as a module of its own),
//! `core/src/scan.rs` writes the tails and checks every entry with it at compile time,
//! and `core/src/scan/compact.rs` decodes with it. Plain `core`, no `std`, so that both
//! the build script and the `no_std` crate compile it.
//!
//! A pattern is a run of pieces and characters; the first byte of each tells its length:
//! - `0x01..=0x1F`, `0x41..=0x60`, `0x7B..=0x7F`, `0xD2..=0xD7` and `0xD9..=0xFF` (bytes
//!   no character written below starts with: a phrase holds no control character, and
//!   the ASCII characters of these bytes are written escaped): one of the
//!   [`PIECE_CODES`] pieces of text (`我`, `ing`, `my `, `律師`) that save the pattern text
//!   the most bytes, chosen by `core/build.rs` (`pieces`), in the order of these bytes
//!   ([`piece_index`]), one byte;
//! - `0x00..=0x40` and `0x61..=0x7A` otherwise: ASCII (space, digits, lower-case letters,
//!   `!"#$%&'()*+,-./:;<=>?@`), one byte;
//! - `0x80..=0xD1` then `t`: the CJK ideograph `U+4E00 + (first - 0x80) * 256 + t`
//!   (three bytes in UTF-8);
//! - `0xD8` ([`ESCAPE`]) then a character's UTF-8 bytes (one to four, as their first byte
//!   says): any other character, rare in phrases (`A`, `_`, `£`, `：`, `！`), one byte
//!   more than in UTF-8 (which frees the first bytes of longer UTF-8 characters for
//!   pieces).

/// The byte before a character written as its UTF-8 bytes.
pub(crate) const ESCAPE: u8 = 0xD8;

/// The first CJK ideograph written in two bytes.
const IDEOGRAPH_FIRST: u32 = 0x4E00;

/// The last CJK ideograph written in two bytes (first byte `0xD1`).
const IDEOGRAPH_LAST: u32 = 0x9FFF;

/// The index of the piece a one-byte code `b` stands for, or `None` if `b` is the first
/// byte of a character.
pub(crate) const fn piece_index(b: u8) -> Option<usize> {
    match b {
        0x01..=0x1F => Some(b.wrapping_sub(0x01) as usize),
        0x41..=0x60 => Some(b.wrapping_sub(0x41 - 31) as usize),
        0x7B..=0x7F => Some(b.wrapping_sub(0x7B - 63) as usize),
        0xD2..=0xD7 => Some(b.wrapping_sub(0xD2 - 68) as usize),
        0xD9..=0xFF => Some(b.wrapping_sub(0xD9 - 74) as usize),
        _ => None,
    }
}

/// Number of one-byte piece codes: the bytes [`piece_index`] gives a piece.
pub(crate) const PIECE_CODES: usize = {
    let (mut n, mut b) = (0, 0u8);
    loop {
        if piece_index(b).is_some() {
            n += 1;
        }
        if b == u8::MAX {
            break n;
        }
        b += 1;
    }
};

/// The one-byte code of the `i`-th piece: the byte [`piece_index`] maps to `i`.
pub(crate) const fn piece_code(i: usize) -> Option<u8> {
    let mut b = 0u8;
    loop {
        if let Some(k) = piece_index(b) {
            if k == i {
                return Some(b);
            }
        }
        if b == u8::MAX {
            return None;
        }
        b = b.wrapping_add(1);
    }
}

/// Whether byte `b` is an ASCII character written as itself (not a piece's code).
pub(crate) const fn one_byte_ascii(b: u8) -> bool {
    b.is_ascii() && piece_index(b).is_none()
}

/// The number of bytes of the UTF-8 character whose first byte is `lead`, or `None` if
/// no character starts with it.
pub(crate) const fn utf8_len(lead: u8) -> Option<usize> {
    match lead {
        0x00..=0x7F => Some(1),
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// The compact form of the character (not a piece) that the UTF-8 bytes `utf8` start
/// with: its bytes (the first `.1` of `.0`) and the number of UTF-8 bytes it took; `None`
/// if `utf8` does not start with a whole character. For the build script and compile
/// time only.
// Compile and build time only: an index out of bounds or an overflow is a build error,
// not a runtime panic.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
pub(crate) const fn encode_char(utf8: &[u8]) -> Option<([u8; 5], usize, usize)> {
    let lead = match utf8 {
        [b, ..] => *b,
        [] => return None,
    };
    let n = match utf8_len(lead) {
        Some(n) if n <= utf8.len() => n,
        _ => return None,
    };
    if n == 1 && one_byte_ascii(lead) {
        return Some(([lead, 0, 0, 0, 0], 1, 1));
    }
    if n == 3 {
        let c =
            ((lead as u32 & 0x0F) << 12) | ((utf8[1] as u32 & 0x3F) << 6) | (utf8[2] as u32 & 0x3F);
        if c >= IDEOGRAPH_FIRST && c <= IDEOGRAPH_LAST {
            let v = c - IDEOGRAPH_FIRST;
            return Some(([0x80 + (v >> 8) as u8, (v & 0xFF) as u8, 0, 0, 0], 2, 3));
        }
    }
    let mut out = [ESCAPE, 0, 0, 0, 0];
    let mut k = 0;
    while k < n {
        out[1 + k] = utf8[k];
        k += 1;
    }
    Some((out, 1 + n, n))
}

/// The character (not a piece) the compact bytes `code` start with: its UTF-8 bytes (the
/// first `.2` of `.0`) and the number of compact bytes it took; `None` if `code` does not
/// start with a character in the compact form (a piece's code, a cut character, an
/// escape before a byte no character starts with or before an ASCII character that has a
/// byte of its own).
#[allow(clippy::cast_possible_truncation)] // masked to 8 bits
pub(crate) const fn decode_char(code: &[u8]) -> Option<([u8; 4], usize, usize)> {
    match code {
        [b, ..] if one_byte_ascii(*b) => Some(([*b, 0, 0, 0], 1, 1)),
        [first @ 0x80..=0xD1, low, ..] => {
            let c = IDEOGRAPH_FIRST.wrapping_add(((*first as u32) & 0x7F) << 8 | *low as u32);
            Some((
                [
                    0xE0 | (c >> 12) as u8,
                    0x80 | ((c >> 6) & 0x3F) as u8,
                    0x80 | (c & 0x3F) as u8,
                    0,
                ],
                2,
                3,
            ))
        }
        [ESCAPE, lead, ..] if !one_byte_ascii(*lead) => {
            let n = match utf8_len(*lead) {
                Some(n) => n,
                None => return None,
            };
            let bytes = match (n, code) {
                (1, [_, a, ..]) => [*a, 0, 0, 0],
                (2, [_, a, b, ..]) => [*a, *b, 0, 0],
                (3, [_, a, b, c, ..]) => [*a, *b, *c, 0],
                (4, [_, a, b, c, d, ..]) => [*a, *b, *c, *d],
                _ => return None,
            };
            Some((bytes, n.wrapping_add(1), n))
        }
        _ => None,
    }
}

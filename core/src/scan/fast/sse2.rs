//! The block candidates of [`super::block_candidates`] 16 bytes at a time with SSE2, which
//! every x86-64 CPU has: a handful of byte compares and one `movemask` per 16 bytes, where
//! the portable version works 8 bytes at a time and then transposes the bits. Called
//! through `safe_arch`, whose wrappers are safe where the target has SSE2 (the core
//! forbids `unsafe`). Same result on any block: `super::tests` compares both on arbitrary
//! bytes.

use safe_arch::{
    bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, min_u8_m128i,
    move_mask_i8_m128i, set_splat_i8_m128i, sub_i8_m128i,
};

/// `0xFF` in each byte `x` of `v` with `x - lo` (wrapping) at most `span`, else 0: a byte
/// range check as one subtraction, an unsigned minimum and a compare.
#[inline(always)]
#[allow(clippy::cast_possible_wrap)] // the bytes' bits, as the intrinsics take them
fn in_range(v: m128i, lo: u8, span: u8) -> m128i {
    let d = sub_i8_m128i(v, set_splat_i8_m128i(lo as i8));
    cmp_eq_mask_i8_m128i(min_u8_m128i(d, set_splat_i8_m128i(span as i8)), d)
}

/// Bit `i` of the result for byte `i` of `c`: (ASCII letters, other candidate bytes:
/// printable ASCII `!` to `0x7F`, lead bytes `0xC0` and up, line feeds, ASCII
/// apostrophes `'`).
#[inline(always)]
// Bits, not numbers: a byte's bits as the intrinsics take them, and a 16-byte movemask,
// which has 16 bits.
#[allow(
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::cast_possible_truncation
)]
fn classes(c: &[u8; 16]) -> (u16, u16, u16) {
    let v = load_unaligned_m128i(c);
    let letter = in_range(bitor_m128i(v, set_splat_i8_m128i(0x20)), b'a', 25);
    let printable = in_range(v, b'!', 0x7F - b'!');
    let lead = in_range(v, 0xC0, 0x3F);
    let newline = cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b'\n' as i8));
    let other = bitor_m128i(bitor_m128i(printable, lead), newline);
    let apostrophe = cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b'\'' as i8));
    (
        move_mask_i8_m128i(letter) as u16,
        move_mask_i8_m128i(other) as u16,
        move_mask_i8_m128i(apostrophe) as u16,
    )
}

/// See [`super::block_candidates`]: the same masks and the same update of `prev_nl`.
#[inline(always)]
pub(super) fn block_candidates(block: &[u8; 64], prev_nl: &mut u64) -> (u64, u64) {
    let (chunks, _) = block.as_chunks::<16>();
    let mut letters = 0u64;
    let mut other = 0u64;
    let mut apostrophes = 0u64;
    let mut shift = 0u32;
    for c in chunks {
        let (l, o, a) = classes(c);
        letters |= u64::from(l).wrapping_shl(shift);
        other |= u64::from(o).wrapping_shl(shift);
        apostrophes |= u64::from(a).wrapping_shl(shift);
        shift = shift.wrapping_add(16);
    }
    // A letter right after a letter is inside a word: no candidate; nor is an apostrophe
    // there, where nothing happens ([`super::QUIET_APOSTROPHE`]). Lead bytes and line feeds
    // are neither, so this clears printable bytes only.
    let before = (letters << 1) | u64::from(*prev_nl & 0x80 == 0);
    *prev_nl = if letters >> 63 == 0 { 0x80 } else { 0 };
    let quiet = if super::QUIET_APOSTROPHE {
        apostrophes
    } else {
        0
    };
    let candidates = other & !((letters | quiet) & before);
    (candidates, candidates & letters)
}

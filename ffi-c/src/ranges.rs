//! Range checks of many small integer fields of a caller's struct at once.
//!
//! `ct_assess` must check every field of the structs it reads (a C caller
//! may pass any bytes), on every call. Field by field, that is a load, a
//! compare and a branch each; here the fields are grouped, at compile
//! time, into 16-byte windows of the struct, each with the smallest valid
//! value and the width of the valid range of every lane, and a window is
//! checked with a few vector instructions: `value - low` (wrapping) must
//! not exceed `span`. Every lane of every window is a checked field, so no
//! other byte (padding, say) is ever read. Which field failed is worked
//! out afterwards, field by field, only when something did.

/// One field to check: its offset in the struct, its smallest and its
/// largest valid value.
pub(crate) type Field<T> = (usize, T, T);

/// Windows of 16 bytes (16 lanes of `u8` or 8 of `u16`) over a struct.
pub(crate) struct Windows<T, const LANES: usize, const W: usize> {
    /// Offset of each window in the struct.
    at: [usize; W],
    /// Smallest valid value of each lane.
    low: [[T; LANES]; W],
    /// Width of the valid range of each lane (`high - low`).
    span: [[T; LANES]; W],
}

/// Byte windows.
pub(crate) type ByteWindows<const W: usize> = Windows<u8, 16, W>;
/// Windows of 16-bit lanes.
pub(crate) type WordWindows<const W: usize> = Windows<u16, 8, W>;

macro_rules! windows {
    ($name:ident, $t:ty, $lanes:expr) => {
        /// Covers `fields` (sorted by offset, each aligned to its size,
        /// within a struct of `size` bytes) with exactly `W` windows, every
        /// lane of which is one of the fields: no window reads a byte that
        /// is not a checked field (padding, for instance, may be
        /// uninitialised). Fails to compile when that cannot be done.
        pub(crate) const fn $name<const W: usize>(
            fields: &[Field<$t>],
            size: usize,
        ) -> Windows<$t, $lanes, W> {
            const LANE: usize = core::mem::size_of::<$t>();
            let first = fields[0].0;
            let end = fields[fields.len() - 1].0 + LANE;
            assert!(
                end <= size && end - first >= 16,
                "fields span less than a window"
            );
            let mut at = [0; W];
            let mut n = 0;
            let mut i = 0;
            while i < fields.len() {
                let (offset, low, high) = fields[i];
                assert!(low <= high && offset.is_multiple_of(LANE));
                assert!(i == 0 || offset > fields[i - 1].0, "fields must be sorted");
                if n == 0 || offset >= at[n - 1] + 16 {
                    assert!(n < W, "too many windows");
                    // The last window ends with the last field, overlapping
                    // the previous one rather than reading past the fields.
                    at[n] = if offset + 16 <= end { offset } else { end - 16 };
                    n += 1;
                }
                i += 1;
            }
            assert!(n == W, "fewer windows needed");
            let mut w = Windows {
                at,
                low: [[0; $lanes]; W],
                span: [[0; $lanes]; W],
            };
            let mut k = 0;
            while k < W {
                let mut lane = 0;
                while lane < $lanes {
                    let offset = at[k] + lane * LANE;
                    let mut j = 0;
                    while j < fields.len() && fields[j].0 != offset {
                        j += 1;
                    }
                    assert!(j < fields.len(), "a window lane holds no checked field");
                    w.low[k][lane] = fields[j].1;
                    w.span[k][lane] = fields[j].2 - fields[j].1;
                    lane += 1;
                }
                k += 1;
            }
            w
        }
    };
}

windows!(byte_windows, u8, 16);
windows!(word_windows, u16, 8);

/// `fields` sorted by offset (for fields whose layout the compiler chose).
pub(crate) const fn sorted<const N: usize>(mut fields: [Field<u8>; N]) -> [Field<u8>; N] {
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && fields[j - 1].0 > fields[j].0 {
            let t = fields[j - 1];
            fields[j - 1] = fields[j];
            fields[j] = t;
            j -= 1;
        }
        i += 1;
    }
    fields
}

/// Declares the check of one kind of windows: with SSE2 on x86-64 (`sub`
/// and `subs` are the lane width's wrapping and unsigned saturating
/// subtractions), with [`portable::out_of_range`] elsewhere (which the
/// tests compare with the SSE2 one).
macro_rules! out_of_range {
    ($(#[$doc:meta])* $name:ident, $windows:ident, $sub:ident, $subs:ident) => {
        $(#[$doc])*
        #[inline(always)]
        pub(crate) unsafe fn $name<const W: usize>(base: *const u8, w: &$windows<W>) -> bool {
            #[cfg(target_arch = "x86_64")]
            {
                use core::arch::x86_64::{
                    $sub, $subs, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8,
                    _mm_or_si128, _mm_setzero_si128,
                };
                // SAFETY: SSE2 is enabled on every x86-64 target; every
                // window lies within the struct (checked when the windows
                // were made); the loads are unaligned.
                unsafe {
                    let mut excess = _mm_setzero_si128();
                    for k in 0..W {
                        let x = _mm_loadu_si128(base.add(w.at[k]).cast());
                        let low = _mm_loadu_si128(w.low[k].as_ptr().cast());
                        let span = _mm_loadu_si128(w.span[k].as_ptr().cast());
                        // `x - low` above `span` leaves a non-zero
                        // saturated difference.
                        excess = _mm_or_si128(excess, $subs($sub(x, low), span));
                    }
                    _mm_movemask_epi8(_mm_cmpeq_epi8(excess, _mm_setzero_si128())) != 0xffff
                }
            }
            #[cfg(not(target_arch = "x86_64"))]
            // SAFETY: forwarded from the caller.
            unsafe {
                portable::out_of_range(base, w)
            }
        }
    };
}

out_of_range!(
    /// Whether some lane of some byte window of the struct at `base` is
    /// out of its range.
    ///
    /// # Safety
    /// `base` must point to a readable struct of the size the windows were
    /// made for (its alignment does not matter).
    bytes_out_of_range, ByteWindows, _mm_sub_epi8, _mm_subs_epu8
);
out_of_range!(
    /// Whether some lane of some 16-bit window of the struct at `base` is
    /// out of its range.
    ///
    /// # Safety
    /// As [`bytes_out_of_range`].
    words_out_of_range, WordWindows, _mm_sub_epi16, _mm_subs_epu16
);

/// The checks without SSE2, for other targets (and compared with the
/// SSE2 ones by the tests).
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
mod portable {
    use super::Windows;

    /// An unsigned lane.
    pub(crate) trait Lane: Copy + PartialOrd {
        fn wrapping_sub(self, other: Self) -> Self;
    }

    impl Lane for u8 {
        #[inline(always)]
        fn wrapping_sub(self, other: u8) -> u8 {
            u8::wrapping_sub(self, other)
        }
    }

    impl Lane for u16 {
        #[inline(always)]
        fn wrapping_sub(self, other: u16) -> u16 {
            u16::wrapping_sub(self, other)
        }
    }

    /// Whether some lane of some window of the struct at `base` is out of
    /// its range, lane by lane.
    ///
    /// # Safety
    /// As [`super::bytes_out_of_range`].
    #[inline(always)]
    pub(crate) unsafe fn out_of_range<T: Lane, const LANES: usize, const W: usize>(
        base: *const u8,
        w: &Windows<T, LANES, W>,
    ) -> bool {
        let mut bad = false;
        for k in 0..W {
            // SAFETY: the window lies within the struct.
            let x = unsafe { base.add(w.at[k]).cast::<[T; LANES]>().read_unaligned() };
            for ((x, low), span) in x.iter().zip(&w.low[k]).zip(&w.span[k]) {
                bad |= x.wrapping_sub(*low) > *span;
            }
        }
        bad
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_accept_exactly_the_ranges() {
        const FIELDS: [Field<u8>; 20] = {
            let mut f = [(0, 0, 255); 20];
            let mut i = 0;
            while i < 20 {
                f[i].0 = 4 + i;
                i += 1;
            }
            f[0] = (4, 0, 3);
            f[1] = (5, 1, 100);
            f[13] = (17, 0, 1);
            f[19] = (23, 5, 5);
            f
        };
        const W: ByteWindows<2> = byte_windows(&FIELDS, 32);
        let mut s = [200u8; 32];
        for (at, low, _) in FIELDS {
            s[at] = low;
        }
        // SAFETY: `s` is the 32-byte struct the windows were made for.
        let check = |s: &[u8; 32]| unsafe {
            let bad = bytes_out_of_range(s.as_ptr(), &W);
            assert_eq!(bad, portable::out_of_range(s.as_ptr(), &W));
            bad
        };
        assert!(!check(&s));
        for (at, low, high) in FIELDS {
            for v in 0..=255u8 {
                let mut t = s;
                t[at] = v;
                assert_eq!(check(&t), !(low..=high).contains(&v), "byte {at} = {v}");
            }
        }
        const WORDS: [Field<u16>; 8] = [
            (0, 0, 1200),
            (2, 0, u16::MAX),
            (4, 0, u16::MAX),
            (6, 0, u16::MAX),
            (8, 0, u16::MAX),
            (10, 0, u16::MAX),
            (12, 0, u16::MAX),
            (14, 1, 0x7ff),
        ];
        const V: WordWindows<1> = word_windows(&WORDS, 16);
        let mut u = [0xffffu16; 8];
        u[0] = 0;
        u[7] = 1;
        // SAFETY: `u` is the 16-byte struct the windows were made for.
        let check = |u: &[u16; 8]| unsafe {
            let bad = words_out_of_range(u.as_ptr().cast(), &V);
            assert_eq!(bad, portable::out_of_range(u.as_ptr().cast(), &V));
            bad
        };
        assert!(!check(&u));
        for v in [0u16, 1, 1200, 1201, 0x7ff, 0x800, u16::MAX] {
            let mut t = u;
            t[0] = v;
            assert_eq!(check(&t), v > 1200);
            let mut t = u;
            t[7] = v;
            assert_eq!(check(&t), !(1..=0x7ff).contains(&v));
        }
    }
}

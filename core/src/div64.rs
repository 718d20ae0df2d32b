//! Division of 64-bit integers, written out on 32-bit targets.
//!
//! A 32-bit microcontroller has no 64-bit divide instruction: `u64 / u64` (even by a
//! constant such as 100) calls the compiler's runtime division, whose fast algorithm takes
//! about 0.9 KiB of the Cortex-M firmware's flash. The few divisions of the core (numbers in
//! hundredths, decimal digits, the claim ratio) go through [`div_rem`] instead: on 32-bit
//! targets a quotient that fits 32 bits takes the processor's 32-bit divide, any other
//! a bit-by-bit long division (64 steps, a few dozen bytes of code). 64-bit targets divide
//! natively. Same quotient and remainder everywhere.

/// `(n / d, n % d)`, or `None` when `d` is 0.
#[cfg(target_pointer_width = "64")]
#[inline(always)]
pub(crate) fn div_rem(n: u64, d: u64) -> Option<(u64, u64)> {
    Some((n.checked_div(d)?, n.checked_rem(d)?))
}

/// `(n / d, n % d)`, or `None` when `d` is 0.
#[cfg(not(target_pointer_width = "64"))]
#[inline(never)]
pub(crate) fn div_rem(n: u64, d: u64) -> Option<(u64, u64)> {
    if let (Ok(n), Ok(d)) = (u32::try_from(n), u32::try_from(d)) {
        return Some((n.checked_div(d)?.into(), n.checked_rem(d)?.into()));
    }
    long_div_rem(n, d)
}

/// `(n / d, n % d)` by restoring long division, one bit of the quotient per step from the
/// top, or `None` when `d` is 0.
#[cfg(any(test, not(target_pointer_width = "64")))]
fn long_div_rem(n: u64, d: u64) -> Option<(u64, u64)> {
    if d == 0 {
        return None;
    }
    // `r < d` before each step; `carry` is the bit shifted out of `r` (when `r` reached
    // 2^63, so that `2r + bit >= d`).
    let (mut q, mut r) = (0u64, 0u64);
    for i in (0..64u32).rev() {
        let carry = r >> 63;
        r = (r << 1) | ((n >> i) & 1);
        q <<= 1;
        if carry != 0 || r >= d {
            r = r.wrapping_sub(d);
            q |= 1;
        }
    }
    Some((q, r))
}

/// `n / d`, or 0 when `d` is 0.
#[inline(always)]
pub(crate) fn div(n: u64, d: u64) -> u64 {
    div_rem(n, d).map_or(0, |(q, _)| q)
}

/// The digits of `n` in `radix` (2 to 16), as values 0 to `radix - 1`, most significant
/// first: the end of `buf`. Each writer maps the values to text its own way. A `u64` has
/// at most 20 decimal digits; a radix below 10 that would need more keeps the last 20.
#[inline(never)]
pub(crate) fn digit_values(n: u64, radix: u64, buf: &mut [u8; 20]) -> &mut [u8] {
    let mut i = buf.len();
    let mut n = n;
    loop {
        let (q, d) = div_rem(n, radix).unwrap_or((0, 0));
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = u8::try_from(d).unwrap_or(0);
        }
        n = q;
        if n == 0 || i == 0 {
            break;
        }
    }
    buf.get_mut(i..).unwrap_or(&mut [])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_native_division() {
        let values = [
            0u64,
            1,
            2,
            3,
            9,
            10,
            99,
            100,
            101,
            1000,
            u64::from(u32::MAX) - 1,
            u64::from(u32::MAX),
            u64::from(u32::MAX) + 1,
            1 << 40,
            (1 << 63) - 1,
            1 << 63,
            (1 << 63) + 12_345,
            u64::MAX - 1,
            u64::MAX,
        ];
        for &n in &values {
            for &d in &values {
                let want = n.checked_div(d).zip(n.checked_rem(d));
                assert_eq!(div_rem(n, d), want, "{n} / {d}");
                assert_eq!(long_div_rem(n, d), want, "{n} / {d}");
                assert_eq!(div(n, d), want.map_or(0, |(q, _)| q));
            }
        }
        // A pseudo-random sweep.
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let n = x;
            let d = x.rotate_left(23) >> (x % 64);
            let want = n.checked_div(d).zip(n.checked_rem(d));
            assert_eq!(long_div_rem(n, d), want, "{n} / {d}");
        }
    }

    #[test]
    fn digit_values_are_those_of_core_fmt() {
        for n in [
            0u64,
            1,
            9,
            10,
            99,
            100,
            12_345,
            u64::from(u32::MAX) + 1,
            u64::MAX,
        ] {
            let mut buf = [0u8; 20];
            let text: std::string::String = digit_values(n, 10, &mut buf)
                .iter()
                .map(|&d| char::from(b'0' + d))
                .collect();
            assert_eq!(text, std::format!("{n}"));
        }
    }
}

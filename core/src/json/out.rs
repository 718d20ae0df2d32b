//! A cursor over a caller's output buffer, shared by the JSON writers.

#[cfg(feature = "small-flash")]
use super::fragment::factor_code;
#[cfg(not(feature = "small-flash"))]
use super::fragment::FACTOR_OPEN;
use super::fragment::{CodePieces, Fragment};
use super::write::BufferTooSmall;
#[cfg(not(feature = "small-flash"))]
use crate::code_words::SLOTS;
#[cfg(feature = "small-flash")]
use crate::div64::digit_values;
#[cfg(not(feature = "small-flash"))]
use crate::div64::div_rem;
use crate::factor::Factor;

/// Writes into a caller's buffer; never past its end.
pub(super) struct Out<'b> {
    buf: &'b mut [u8],
    /// Bytes written so far.
    pub(super) len: usize,
}

/// What every write returns.
pub(super) type Res = Result<(), BufferTooSmall>;

impl<'b> Out<'b> {
    pub(super) fn new(buf: &'b mut [u8]) -> Self {
        Out { buf, len: 0 }
    }

    /// Appends `bytes`, or fails without writing anything. Inlined for speed, but
    /// with the `small-flash` feature, where one copy serves the writers' many calls.
    #[cfg_attr(not(feature = "small-flash"), inline(always))]
    #[cfg_attr(feature = "small-flash", inline(never))]
    pub(super) fn put(&mut self, bytes: &[u8]) -> Res {
        let end = self.len.checked_add(bytes.len()).ok_or(BufferTooSmall)?;
        let dst = self.buf.get_mut(self.len..end).ok_or(BufferTooSmall)?;
        dst.copy_from_slice(bytes);
        self.len = end;
        Ok(())
    }

    /// Appends a padded piece: all `N` bytes are copied in one fixed-size
    /// move when that many remain (the padding is then overwritten by what
    /// follows, or left past the end of the text), else only its own bytes.
    #[inline(always)]
    pub(super) fn fragment<const N: usize>(&mut self, piece: &Fragment<N>) -> Res {
        match self
            .buf
            .get_mut(self.len..)
            .and_then(<[u8]>::first_chunk_mut::<N>)
        {
            Some(dst) => {
                *dst = piece.bytes;
                self.len += piece.len;
                Ok(())
            }
            None => self.put(piece.as_bytes()),
        }
    }

    /// A code of a vocabulary, copied as its padded piece.
    #[cfg(not(feature = "small-flash"))]
    #[inline(always)]
    pub(super) fn code_of<T: CodePieces>(&mut self, value: T) -> Res {
        let pieces: &'static [Fragment<32>; SLOTS] = const { &T::PIECES };
        match pieces.get(value.slot()) {
            Some(piece) => self.fragment(piece),
            None => self.code(value.code()),
        }
    }

    /// A code of a vocabulary, copied from the vocabulary's string (no
    /// padded pieces in flash).
    #[cfg(feature = "small-flash")]
    #[inline(always)]
    pub(super) fn code_of<T: CodePieces>(&mut self, value: T) -> Res {
        self.code(value.code())
    }

    /// `{"factor":"<code>","dimension":"`: the factor's padded piece.
    #[cfg(not(feature = "small-flash"))]
    #[inline(always)]
    pub(super) fn factor_open(&mut self, factor: Factor) -> Res {
        // Every factor has its piece; the fallback mirrors `Factor::info`'s
        // (the first entry) rather than panic or drop a row.
        let open = FACTOR_OPEN.get(factor.index()).unwrap_or(&FACTOR_OPEN[0]);
        self.fragment(open)
    }

    /// `{"factor":"<code>","dimension":"`, built from the factor's code (no
    /// piece per factor in flash).
    #[cfg(feature = "small-flash")]
    #[inline(always)]
    pub(super) fn factor_open(&mut self, factor: Factor) -> Res {
        let (group, rest) = factor_code(factor.index());
        self.put(b"{\"factor\":\"")?;
        self.put(group)?;
        self.put(rest)?;
        self.put(b"\",\"dimension\":\"")
    }

    /// Takes back the last byte written (the comma after a list's last item).
    #[inline(always)]
    pub(super) fn unwrite_byte(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    /// Appends one byte (see [`Out::put`] for its inlining).
    #[cfg_attr(not(feature = "small-flash"), inline(always))]
    #[cfg_attr(feature = "small-flash", inline(never))]
    pub(super) fn byte(&mut self, b: u8) -> Res {
        let slot = self.buf.get_mut(self.len).ok_or(BufferTooSmall)?;
        *slot = b;
        self.len += 1;
        Ok(())
    }

    /// A code: an ASCII identifier that needs no escaping.
    #[inline(always)]
    pub(super) fn code(&mut self, code: &str) -> Res {
        self.put(code.as_bytes())
    }

    /// An unsigned integer, a digit at a time (`small-flash`: no table of digit pairs,
    /// 200 B, and one routine for every length).
    #[cfg(feature = "small-flash")]
    #[inline(never)]
    pub(super) fn u64(&mut self, v: u64) -> Res {
        let mut tmp = [0u8; 20];
        let digits = digit_values(v, 10, &mut tmp);
        for d in digits.iter_mut() {
            *d += b'0';
        }
        self.put(digits)
    }

    /// An unsigned integer; one or two digits without a loop. Inlined for speed.
    #[cfg(not(feature = "small-flash"))]
    #[inline(always)]
    pub(super) fn u64(&mut self, v: u64) -> Res {
        if v < 10 {
            self.byte(b'0' + v as u8)
        } else if v < 100 {
            let pair = v as usize * 2;
            self.put(DIGIT_PAIRS.get(pair..pair + 2).unwrap_or(b"00"))
        } else {
            self.u64_long(v)
        }
    }

    #[cfg(not(feature = "small-flash"))]
    #[inline(never)]
    fn u64_long(&mut self, v: u64) -> Res {
        let mut tmp = [0u8; 20];
        let mut i = tmp.len();
        let mut v = v;
        while v >= 100 {
            let (q, r) = div_rem(v, 100).unwrap_or((0, 0));
            let pair = r as usize * 2;
            v = q;
            i -= 2;
            if let (Some(d), Some(s)) = (tmp.get_mut(i..i + 2), DIGIT_PAIRS.get(pair..pair + 2)) {
                d.copy_from_slice(s);
            }
        }
        if v >= 10 {
            let pair = v as usize * 2;
            i -= 2;
            if let (Some(d), Some(s)) = (tmp.get_mut(i..i + 2), DIGIT_PAIRS.get(pair..pair + 2)) {
                d.copy_from_slice(s);
            }
        } else {
            i -= 1;
            if let Some(d) = tmp.get_mut(i) {
                *d = b'0' + v as u8;
            }
        }
        self.put(tmp.get(i..).unwrap_or(&[]))
    }

    #[inline(always)]
    pub(super) fn i64(&mut self, v: i64) -> Res {
        if v < 0 {
            self.byte(b'-')?;
        }
        self.u64(v.unsigned_abs())
    }

    pub(super) fn bool(&mut self, v: bool) -> Res {
        self.put(if v { b"true" } else { b"false" })
    }

    /// A quoted string, escaped as serde-json-core escapes it.
    pub(super) fn string(&mut self, s: &str) -> Res {
        self.byte(b'"')?;
        self.escaped(s)?;
        self.byte(b'"')
    }

    /// The escaped body of a string (no quotes).
    pub(super) fn escaped(&mut self, s: &str) -> Res {
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                0x08 => b'b',
                b'\t' => b't',
                b'\n' => b'n',
                0x0c => b'f',
                b'\r' => b'r',
                0..=0x1f => 0,
                _ => continue,
            };
            self.put(bytes.get(start..i).unwrap_or(&[]))?;
            if short != 0 {
                self.put(&[b'\\', short])?;
            } else {
                let hex = |n: u8| HEX.get(usize::from(n & 15)).copied().unwrap_or(b'0');
                self.put(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b)])?;
            }
            start = i + 1;
        }
        self.put(bytes.get(start..).unwrap_or(&[]))
    }
}

const HEX: [u8; 16] = *b"0123456789ABCDEF";

#[cfg(not(feature = "small-flash"))]
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::Out;

    #[test]
    fn u64_writes_the_decimal_digits() {
        let values = (0..=1000u64)
            .chain([9_999, 10_000, 123_456_789, u64::from(u32::MAX), 1 << 32])
            .chain([10u64.pow(19) - 1, 10u64.pow(19), u64::MAX]);
        for v in values {
            let mut buf = [0u8; 20];
            let mut out = Out::new(&mut buf);
            out.u64(v).unwrap();
            let n = out.len;
            assert_eq!(&buf[..n], std::format!("{v}").as_bytes());
        }
        // Too small a buffer: nothing written, an error.
        let mut buf = [0u8; 2];
        let mut out = Out::new(&mut buf);
        assert!(out.u64(123).is_err());
        assert_eq!(out.len, 0);
    }
}

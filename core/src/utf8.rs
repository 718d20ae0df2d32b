//! UTF-8 read by hand: one character at a time, and where bytes stop being UTF-8, exactly as
//! `core::str::from_utf8` would say. The text readers look at a character or two around a
//! match, where a general check per character costs more than the match; with `small-flash`
//! the JSON guard checks each string holding non-ASCII bytes so, and a firmware then carries
//! no `core::str::from_utf8` (its code and its 256-byte table of character widths). The tests
//! below compare both with `core::str::from_utf8` on every sequence of up to three bytes and
//! on random text.

/// The character `bytes` encodes, when they are exactly one UTF-8 character (what
/// `core::str::from_utf8` accepts and finds one character in).
pub(crate) fn one_char(bytes: &[u8]) -> Option<char> {
    let (&lead, rest) = bytes.split_first()?;
    let (len, mut value) = match lead {
        0x00..=0x7F => (1, u32::from(lead)),
        0xC2..=0xDF => (2, u32::from(lead & 0x1F)),
        0xE0..=0xEF => (3, u32::from(lead & 0x0F)),
        0xF0..=0xF4 => (4, u32::from(lead & 0x07)),
        _ => return None,
    };
    if bytes.len() != len {
        return None;
    }
    for &b in rest {
        if b & 0xC0 != 0x80 {
            return None;
        }
        value = value.wrapping_shl(6) | u32::from(b & 0x3F);
    }
    // `from_u32` refuses surrogates and values past U+10FFFF; the length check refuses
    // overlong forms.
    char::from_u32(value).filter(|c| c.len_utf8() == len)
}

/// The character starting at `at` (ending before `limit`) and its end.
pub(crate) fn char_at(hay: &[u8], at: usize, limit: usize) -> Option<(char, usize)> {
    let len = match *hay.get(at)? {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let end = at.checked_add(len)?;
    if end > limit {
        return None;
    }
    Some((one_char(hay.get(at..end)?)?, end))
}

/// Where `bytes` stop being UTF-8, as `core::str::from_utf8` reports it: `None` when they
/// are UTF-8, else the error's `valid_up_to()` and whether its `error_len()` is `None`
/// (`true`: the bytes end inside a character that more bytes could complete). By hand with
/// `small-flash` ([`first_error_by_hand`]); servers ask `from_utf8`, which reads ASCII a word
/// at a time (the hand reading took 2.2 million instructions more of `profile json`'s
/// 30.8 million, the one-pass reader checking each text).
#[inline]
pub(crate) fn first_error(bytes: &[u8]) -> Option<(usize, bool)> {
    #[cfg(feature = "small-flash")]
    let error = first_error_by_hand(bytes);
    #[cfg(not(feature = "small-flash"))]
    let error = core::str::from_utf8(bytes)
        .err()
        .map(|e| (e.valid_up_to(), e.error_len().is_none()));
    error
}

/// [`first_error`] read a character at a time.
#[cfg(any(test, feature = "small-flash"))]
fn first_error_by_hand(bytes: &[u8]) -> Option<(usize, bool)> {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        match char_at(bytes, i, bytes.len()) {
            Some((_, end)) => i = end,
            None => return Some((i, cut_short(bytes.get(i..).unwrap_or(&[])))),
        }
    }
    None
}

/// Whether `rest`, which does not start with a whole character, is the start of one that
/// the end of the bytes cut: shorter than its lead byte says and completed by continuation
/// bytes. The missing bytes are filled with `0xBF` after `0xE0` and `0xF0`, whose second
/// byte must be high (overlong forms), and with `0x80` after the others (`0xED` and `0xF4`
/// need a low one: surrogates, past U+10FFFF); any continuation byte does after the second.
#[cfg(any(test, feature = "small-flash"))]
fn cut_short(rest: &[u8]) -> bool {
    let Some(&lead) = rest.first() else {
        return false;
    };
    let len = match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let fill = if lead & 0x0F == 0 { 0xBF } else { 0x80 };
    let at = |k: usize| rest.get(k).copied().unwrap_or(fill);
    rest.len() < len
        && [lead, at(1), at(2), at(3)]
            .get(..len)
            .and_then(one_char)
            .is_some()
}

#[cfg(test)]
mod tests {
    use super::{char_at, first_error, first_error_by_hand};
    use proptest::prelude::*;
    use std::string::ToString;
    use std::vec;
    use std::vec::Vec;

    /// What `core::str::from_utf8` says of `bytes`, in the form of [`first_error`].
    fn reference(bytes: &[u8]) -> Option<(usize, bool)> {
        core::str::from_utf8(bytes)
            .err()
            .map(|e| (e.valid_up_to(), e.error_len().is_none()))
    }

    /// The characters of the UTF-8 start of `bytes` read by [`char_at`], with their starts.
    fn chars_by_hand(bytes: &[u8]) -> Vec<(usize, char)> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some((c, end)) = char_at(bytes, i, bytes.len()) {
            out.push((i, c));
            i = end;
        }
        out
    }

    /// The characters of the UTF-8 start of `bytes` by `core::str::from_utf8`.
    fn chars_by_core(bytes: &[u8]) -> Vec<(usize, char)> {
        let valid = match core::str::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => core::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap(),
        };
        valid.char_indices().collect()
    }

    fn same_as_core(bytes: &[u8]) {
        assert_eq!(first_error_by_hand(bytes), reference(bytes), "{bytes:02x?}");
    }

    #[test]
    fn every_sequence_of_up_to_three_bytes_is_judged_as_core_does() {
        same_as_core(&[]);
        for a in 0..=255u8 {
            same_as_core(&[a]);
            for b in 0..=255u8 {
                same_as_core(&[a, b]);
                for c in 0..=255u8 {
                    same_as_core(&[a, b, c]);
                }
            }
        }
    }

    #[test]
    fn every_four_byte_sequence_of_lead_and_boundary_bytes_is_judged_as_core_does() {
        // The bytes where a judgement can change: ASCII, each end of the continuation
        // ranges, the lead bytes and those past them.
        let edges: Vec<u8> = vec![
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ];
        for &a in &edges {
            for &b in &edges {
                for &c in &edges {
                    for &d in &edges {
                        same_as_core(&[a, b, c, d]);
                        same_as_core(&[a, b, c, d, 0xBF]);
                        same_as_core(&[0x41, a, b, c, d]);
                    }
                }
            }
        }
    }

    /// Text that is mostly UTF-8 (Chinese, emoji, ASCII), with stray bytes and cut
    /// characters.
    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(
            prop_oneof![
                any::<char>().prop_map(|c| c.to_string().into_bytes()),
                any::<char>().prop_map(|c| {
                    let b = c.to_string().into_bytes();
                    b[..b.len() - 1].to_vec()
                }),
                prop::sample::select(vec!["整个", "小區", "the ", "😀", "\u{FFFF}"])
                    .prop_map(|s| s.as_bytes().to_vec()),
                any::<u8>().prop_map(|b| vec![b]),
            ],
            0..24,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]
        #[test]
        fn hand_reading_equals_from_utf8(hay in bytes()) {
            prop_assert_eq!(first_error_by_hand(&hay), reference(&hay));
            prop_assert_eq!(first_error(&hay), reference(&hay));
            prop_assert_eq!(chars_by_hand(&hay), chars_by_core(&hay));
        }
    }
}

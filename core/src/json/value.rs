//! Unescaping JSON strings the guard has checked.

/// The buffer was too small.
pub(crate) struct Overflow;

/// A piece of an unescaped JSON string.
pub(crate) enum Piece<'a> {
    /// A run of text without escapes.
    Text(&'a str),
    /// One escaped character.
    Char(char),
}

/// Calls `f` with the pieces of the unescaped string, in order; stops at
/// the first error `f` returns. Surrogate pairs (`\ud83d\ude00`) are
/// combined; an invalid escape (which the guard has already rejected)
/// becomes U+FFFD.
pub(crate) fn for_each_piece<E>(
    raw: &str,
    mut f: impl FnMut(Piece<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut rest = raw;
    while !rest.is_empty() {
        let plain = rest.find('\\').unwrap_or(rest.len());
        // `plain` is a char boundary (the backslash or the end), so this
        // never stops early; the checked form keeps a panic path out of
        // the binary (firmware/src/bin/panic_check.rs).
        let Some((text, tail)) = rest.split_at_checked(plain) else {
            break;
        };
        if !text.is_empty() {
            f(Piece::Text(text))?;
        }
        let Some(escape) = tail.get(1..) else { break };
        let (c, used) = unescape_one(escape);
        f(Piece::Char(c))?;
        rest = escape.get(used..).unwrap_or("");
    }
    Ok(())
}

/// A piece of an unescaped JSON string whose raw bytes are known to be UTF-8.
pub(crate) enum BytePiece<'a> {
    /// A run of text without escapes (UTF-8, since escapes are ASCII).
    Text(&'a [u8]),
    /// One escaped character.
    Char(char),
}

/// As [`for_each_piece`], over the raw bytes of a string the guard has
/// checked, so that the text is not checked as UTF-8 a second time.
pub(crate) fn for_each_byte_piece(raw: &[u8], mut f: impl FnMut(BytePiece<'_>)) {
    let mut rest = raw;
    while !rest.is_empty() {
        let plain = rest.iter().position(|&b| b == b'\\').unwrap_or(rest.len());
        let (text, tail) = rest.split_at_checked(plain).unwrap_or((rest, &[]));
        if !text.is_empty() {
            f(BytePiece::Text(text));
        }
        let Some(escape) = tail.get(1..) else { break };
        let (c, used) = unescape_one_bytes(escape);
        f(BytePiece::Char(c));
        rest = escape.get(used..).unwrap_or(&[]);
    }
}

/// Decodes the escape at the start of `s` (just past the backslash);
/// returns the character and how many bytes of `s` it used.
fn unescape_one(s: &str) -> (char, usize) {
    unescape_one_bytes(s.as_bytes())
}

/// [`unescape_one`] over bytes.
fn unescape_one_bytes(s: &[u8]) -> (char, usize) {
    let simple = match s.first() {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => {
            let high = hex4(s.get(1..5));
            if let Some(h @ 0xD800..=0xDBFF) = high {
                if s.get(5..7) == Some(b"\\u") {
                    if let Some(l @ 0xDC00..=0xDFFF) = hex4(s.get(7..11)) {
                        let c = 0x10000 + ((h - 0xD800) << 10) + (l - 0xDC00);
                        return (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), 11);
                    }
                }
            }
            let c = high
                .and_then(char::from_u32)
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            return (c, if high.is_some() { 5 } else { 1 });
        }
        _ => return (char::REPLACEMENT_CHARACTER, 1.min(s.len())),
    };
    (simple, 1)
}

fn hex4(s: Option<&[u8]>) -> Option<u32> {
    let s = s?;
    if s.len() != 4 {
        return None;
    }
    s.iter().try_fold(0u32, |v, &b| {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => return None,
        };
        Some((v << 4) | u32::from(d))
    })
}

/// Unescapes a raw JSON string into `out`.
pub(crate) fn unescape<const N: usize>(
    raw: &str,
    out: &mut heapless::String<N>,
) -> Result<(), Overflow> {
    out.clear();
    for_each_piece(raw, |piece| match piece {
        Piece::Text(s) => out.push_str(s).map_err(|_| Overflow),
        Piece::Char(c) => out.push(c).map_err(|_| Overflow),
    })
}

/// Appends the characters of `text`, UTF-8 that the guard has checked (or a `&str`'s bytes),
/// to `out`, up to the first that does not fit. Decoded by hand (`crate::utf8`): the bytes
/// as a `&str` would take `core::str::from_utf8`, which a firmware then carries. Stops at
/// the first byte that is not UTF-8.
pub(crate) fn push_chars<const N: usize>(
    out: &mut heapless::String<N>,
    text: &[u8],
) -> Result<(), Overflow> {
    let mut i = 0;
    while let Some((c, next)) = crate::utf8::char_at(text, i, text.len()) {
        out.push(c).map_err(|_| Overflow)?;
        i = next;
    }
    Ok(())
}

/// Unescapes a raw JSON string the guard has checked into `out`, as bytes: their length, or
/// `None` when they do not fit. Not generic over the room, so that a firmware carries it once
/// for the keys, codes and ids (their text needs no `&str` to be compared or copied).
pub(crate) fn unescape_into(raw: &[u8], out: &mut [u8]) -> Option<usize> {
    let mut len = 0usize;
    let mut fits = true;
    for_each_byte_piece(raw, |piece| {
        let mut utf8 = [0u8; 4];
        let bytes: &[u8] = match piece {
            BytePiece::Text(t) => t,
            BytePiece::Char(c) => c.encode_utf8(&mut utf8).as_bytes(),
        };
        let end = len.saturating_add(bytes.len());
        match out.get_mut(len..end) {
            Some(room) if fits => {
                // A copy by hand: `copy_from_slice` carries a panic for unequal lengths.
                for (to, from) in room.iter_mut().zip(bytes) {
                    *to = *from;
                }
                len = end;
            }
            _ => fits = false,
        }
    });
    fits.then_some(len)
}

//! Reads the tokens of a document that [`crate::guard::check`] has already
//! accepted: no syntax is checked again, only walked. Every access is
//! checked, so even input the guard never saw cannot make it panic; it
//! only stops early.

use crate::guard::skip_plain;

/// A position in a guard-checked document.
pub(crate) struct Lex<'i> {
    pub input: &'i [u8],
    pub pos: usize,
}

/// A string as it stands in the input, between its quotes.
pub(crate) struct RawString<'i> {
    /// The bytes between the quotes, escapes undecoded.
    pub raw: &'i [u8],
    /// Whether `raw` holds a backslash.
    pub escaped: bool,
}

impl<'i> RawString<'i> {
    /// `raw` as text; the guard has checked that it is UTF-8.
    pub fn as_str(&self) -> &'i str {
        core::str::from_utf8(self.raw).unwrap_or("")
    }
}

impl<'i> Lex<'i> {
    pub fn new(input: &'i [u8]) -> Self {
        Lex { input, pos: 0 }
    }

    /// Skips white space; returns the next byte, if any. Inlined for speed, but with the
    /// `small-flash` feature: one copy for the firmware's many readers.
    #[cfg_attr(not(feature = "small-flash"), inline(always))]
    #[cfg_attr(feature = "small-flash", inline(never))]
    pub fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.input.get(self.pos) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// Steps over the byte that [`Lex::peek`] returned.
    #[inline(always)]
    pub fn bump(&mut self) {
        self.pos += 1;
    }

    /// At an opening quote: reads the string and steps past its closing quote. Inlined for
    /// speed, but with the `small-flash` feature: the firmware's readers then share one
    /// copy of the string scan (`guard::skip_plain`), where each field reader had its own.
    #[cfg_attr(not(feature = "small-flash"), inline(always))]
    #[cfg_attr(feature = "small-flash", inline(never))]
    pub fn string(&mut self) -> RawString<'i> {
        let start = self.pos + 1;
        let mut i = start;
        let mut escaped = false;
        loop {
            let (at, _) = skip_plain(self.input, i);
            match self.input.get(at) {
                Some(b'\\') => {
                    escaped = true;
                    i = at + 2;
                }
                _ => {
                    i = at;
                    break;
                }
            }
        }
        self.pos = i + 1;
        RawString {
            raw: self.input.get(start..i).unwrap_or(&[]),
            escaped,
        }
    }

    /// The number or literal at the current position, up to the next
    /// delimiter; steps past it.
    #[inline(always)]
    pub fn token(&mut self) -> &'i [u8] {
        let rest = self.input.get(self.pos..).unwrap_or(&[]);
        let end = rest
            .iter()
            .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
        self.pos += end;
        rest.get(..end).unwrap_or(&[])
    }
}

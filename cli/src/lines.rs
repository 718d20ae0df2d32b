//! Reading JSON Lines with bounded memory.

use std::io::{self, BufRead};

/// One input line.
pub enum Line<'a> {
    /// The line's bytes, without the line terminator.
    Text(&'a [u8]),
    /// The line was longer than the limit; its bytes were skipped.
    TooLong,
}

/// Whether a line holds nothing but JSON whitespace (space, tab, carriage
/// return). A form feed or any other byte makes it a line to grade, which
/// then fails as invalid JSON in its place.
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r'))
}

/// What a line may carry besides its record: a UTF-8 byte order mark (3
/// bytes, the first line of a file saved by some editors) and the carriage
/// return of a CRLF ending. The core does not count either against its
/// size limit, so the reader keeps them and lets the core judge the size.
const FRAMING_BYTES: usize = 3 + 1;

/// Reads lines of at most `limit` bytes (plus [`FRAMING_BYTES`]) into one
/// reused buffer, so memory stays constant whatever the input: a longer
/// line is skipped to its end and reported as [`Line::TooLong`].
pub struct LineReader<R> {
    input: R,
    buf: Vec<u8>,
    limit: usize,
    /// 1-based number of the last line returned.
    number: usize,
}

impl<R: BufRead> LineReader<R> {
    /// Reads from `input`, keeping at most `limit` bytes of a line.
    pub fn new(input: R, limit: usize) -> Self {
        LineReader {
            input,
            buf: Vec::with_capacity(4096),
            limit,
            number: 0,
        }
    }

    /// The next line with its 1-based number, or `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<(usize, Line<'_>)>> {
        self.buf.clear();
        let mut too_long = false;
        let mut read_any = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break;
            }
            read_any = true;
            let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], Some(i + 1)),
                None => (chunk, None),
            };
            if !too_long {
                if self.buf.len() + part.len() > self.limit + FRAMING_BYTES {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(part);
                }
            }
            let used = done.unwrap_or(chunk.len());
            self.input.consume(used);
            if done.is_some() {
                break;
            }
        }
        if !read_any {
            return Ok(None);
        }
        self.number += 1;
        if too_long {
            return Ok(Some((self.number, Line::TooLong)));
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        Ok(Some((self.number, Line::Text(&self.buf))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &[u8], limit: usize) -> Vec<Option<Vec<u8>>> {
        let mut r = LineReader::new(io::BufReader::with_capacity(3, input), limit);
        let mut out = Vec::new();
        while let Some((_, line)) = r.next_line().unwrap() {
            out.push(match line {
                Line::Text(t) => Some(t.to_vec()),
                Line::TooLong => None,
            });
        }
        out
    }

    #[test]
    fn splits_lines_and_strips_crlf() {
        assert_eq!(
            collect(b"ab\r\ncd\nef", 10),
            vec![
                Some(b"ab".to_vec()),
                Some(b"cd".to_vec()),
                Some(b"ef".to_vec())
            ]
        );
        assert_eq!(collect(b"", 10), Vec::<Option<Vec<u8>>>::new());
        assert_eq!(collect(b"\n", 10), vec![Some(vec![])]);
    }

    #[test]
    fn only_json_whitespace_is_blank() {
        assert!(is_blank(b""));
        assert!(is_blank(b" \t\r "));
        assert!(!is_blank(b"\x0c"));
        assert!(!is_blank(b" {} "));
    }

    #[test]
    fn long_lines_are_skipped_not_buffered() {
        assert_eq!(
            collect(b"0123456789abc\nok\n", 5),
            vec![None, Some(b"ok".to_vec())]
        );
    }
}

//! `score`: every line graded, as JSON Lines or as a ranked table.

use std::io::{self, BufRead, Write};

use complaint_triage::{
    assess_into, parse_complaint, write_assessment_json, write_assessment_json_with_text,
    write_error_json, Assessment, ParseError, Policy, Source, MAX_ASSESSMENT_JSON, RECORD_LIMITS,
};

use crate::explain::text_of;

use crate::lines::{is_blank, Line, LineReader};
use crate::table::Ranking;

/// What grading one line gave.
pub enum Graded<'a> {
    /// A blank line: nothing to grade.
    Blank,
    /// The assessment, and the line it was graded from.
    Ok(&'a Assessment, &'a [u8]),
    /// Why the line could not be graded.
    Err(ParseError),
}

/// Grades every line of `input`, calling `each` with the line number and
/// result; `failed` counts the lines that could not be graded.
pub fn grade_lines(
    input: impl BufRead,
    policy: &Policy,
    failed: &mut usize,
    mut each: impl FnMut(usize, Graded<'_>) -> io::Result<()>,
) -> io::Result<()> {
    let mut reader = LineReader::new(input, RECORD_LIMITS.max_bytes);
    let mut assessment = Assessment::EMPTY;
    while let Some((number, line)) = reader.next_line()? {
        let result = match line {
            Line::Text(t) if is_blank(t) => Graded::Blank,
            Line::Text(t) => match parse_complaint(t) {
                Ok(c) => {
                    assess_into(&c, policy, &mut assessment);
                    Graded::Ok(&assessment, t)
                }
                Err(e) => Graded::Err(e),
            },
            Line::TooLong => Graded::Err(ParseError::too_large(RECORD_LIMITS.max_bytes)),
        };
        if matches!(result, Graded::Err(_)) {
            *failed += 1;
        }
        each(number, result)?;
    }
    Ok(())
}

/// One JSON object per input line, each with its `"line"`: the assessment,
/// `{"line": N, "error": {...}}` or `{"line": N, "skipped": "blank"}`. A
/// reason the record's text raised names the byte span of its words in the
/// decoded text (`"span":[start,end]`, see `write_assessment_json_with_text`).
pub fn json(
    input: impl BufRead,
    policy: &Policy,
    failed: &mut usize,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    grade_lines(input, policy, failed, |number, graded| {
        match graded {
            Graded::Blank => write!(out, "{{\"line\":{number},\"skipped\":\"blank\"}}")?,
            Graded::Ok(a, line) => {
                // The text is read again only for a record whose text
                // raised a reason: the others pay nothing.
                let text = a
                    .rows
                    .iter()
                    .any(|r| r.source == Source::Text)
                    .then(|| text_of(line))
                    .flatten();
                let n = match text {
                    Some(text) => write_assessment_json_with_text(a, &text, &mut buf),
                    None => write_assessment_json(a, &mut buf),
                }
                .map_err(io::Error::other)?;
                write_with_line(out, number, &buf[..n])?;
            }
            Graded::Err(e) => write_line_error(out, number, &e, &mut buf)?,
        }
        out.write_all(b"\n")
    })
}

/// The most urgent `top` lines as a table `width` columns wide, and counts
/// of the rest; memory grows with `top`, not with the input.
pub fn table(
    input: impl BufRead,
    policy: &Policy,
    top: usize,
    width: u16,
    failed: &mut usize,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut ranking = Ranking::new(top);
    grade_lines(input, policy, failed, |number, graded| {
        ranking.add(number, graded);
        Ok(())
    })?;
    ranking.print(width, out)
}

/// Writes the object `json` (as the core wrote it) with `"line":N` first:
/// `{"line":N,` then the core's bytes after its opening brace, unchanged.
pub fn write_with_line(out: &mut impl Write, number: usize, json: &[u8]) -> io::Result<()> {
    let rest = json
        .strip_prefix(b"{")
        .ok_or_else(|| io::Error::other("the core wrote JSON that is not an object"))?;
    write!(out, "{{\"line\":{number},")?;
    out.write_all(rest)
}

/// Writes `{"line": N, "error": {...}}`.
pub fn write_line_error(
    out: &mut impl Write,
    number: usize,
    e: &ParseError,
    buf: &mut [u8],
) -> io::Result<()> {
    let n = write_error_json(e, buf).map_err(io::Error::other)?;
    write!(out, "{{\"line\":{number},\"error\":")?;
    out.write_all(&buf[..n])?;
    out.write_all(b"}")
}

//! `evaluate`: the improvement effect of closed complaints.

use std::io::{self, BufRead, Write};

use complaint_triage::{
    assess, evaluate_outcome, parse_complaint, parse_outcome, write_effect_json, Effect,
    ParseError, Policy, RECORD_LIMITS,
};
use serde_json::value::RawValue;

use crate::lines::{is_blank, Line, LineReader};
use crate::score::write_line_error;

/// The longest line: a record and its outcome.
const MAX_LINE: usize = 2 * RECORD_LIMITS.max_bytes;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EvaluateLine<'a> {
    #[serde(borrow)]
    record: &'a RawValue,
    #[serde(borrow)]
    outcome: &'a RawValue,
}

/// Why a line could not be evaluated.
enum LineError {
    /// The record or the outcome, with its offset made relative to the line.
    Part(ParseError),
    /// The line is not `{"record": {...}, "outcome": {...}}`.
    Envelope(serde_json::Error),
}

/// `part`'s offset in `line`: `part` is a slice of it (serde borrows it).
fn offset_in(line: &[u8], part: &RawValue) -> usize {
    (part.get().as_ptr() as usize).saturating_sub(line.as_ptr() as usize)
}

fn evaluate_line<'a>(
    line: &'a [u8],
    policy: &Policy,
) -> Result<(complaint_triage::Complaint, Effect), LineError> {
    let l: EvaluateLine<'a> = serde_json::from_slice(line).map_err(LineError::Envelope)?;
    let at = |part: &RawValue, mut e: ParseError| {
        e.offset += offset_in(line, part);
        LineError::Part(e)
    };
    let c = parse_complaint(l.record.get().as_bytes()).map_err(|e| at(l.record, e))?;
    let o = parse_outcome(l.outcome.get().as_bytes()).map_err(|e| at(l.outcome, e))?;
    let effect = evaluate_outcome(&o, &assess(&c, policy), policy);
    Ok((c, effect))
}

/// Scores `{"record": {...}, "outcome": {...}}` lines: one result per input
/// line, `{"line": N, "id": ..., <effect>}`, `{"line": N, "error": {...}}`
/// (offsets relative to the line) or `{"line": N, "skipped": "blank"}`.
pub fn evaluate(
    input: impl BufRead,
    policy: &Policy,
    failed: &mut usize,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut reader = LineReader::new(input, MAX_LINE);
    let mut buf = vec![0u8; 4096];
    while let Some((number, line)) = reader.next_line()? {
        let result = match line {
            Line::Text(t) if is_blank(t) => {
                writeln!(out, "{{\"line\":{number},\"skipped\":\"blank\"}}")?;
                continue;
            }
            Line::Text(t) => evaluate_line(t, policy),
            Line::TooLong => Err(LineError::Part(ParseError::too_large(MAX_LINE))),
        };
        match result {
            Ok((c, effect)) => {
                let n = write_effect_json(&effect, &mut buf).map_err(io::Error::other)?;
                let rest = buf[..n].strip_prefix(b"{").ok_or_else(|| {
                    io::Error::other("the core wrote an effect that is not an object")
                })?;
                write!(out, "{{\"line\":{number},\"id\":")?;
                serde_json::to_writer(&mut *out, c.id.as_str())?;
                out.write_all(b",")?;
                out.write_all(rest)?;
            }
            Err(LineError::Part(e)) => {
                *failed += 1;
                write_line_error(out, number, &e, &mut buf)?;
            }
            Err(LineError::Envelope(e)) => {
                *failed += 1;
                write_envelope_error(out, number, &e)?;
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes a serde error in the shape of the core's errors: kind
/// `invalid_json` for bad syntax, `invalid_line` for JSON of another shape.
fn write_envelope_error(
    out: &mut impl Write,
    number: usize,
    e: &serde_json::Error,
) -> io::Result<()> {
    // The whole line is one JSON text on one line: serde's column is the
    // byte after the one it stopped at.
    let offset = e.column().saturating_sub(1);
    let kind = if e.is_syntax() || e.is_eof() {
        "invalid_json"
    } else {
        "invalid_line"
    };
    let text = e.to_string();
    let what = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(w, _)| w);
    let message =
        format!("byte {offset}: {what}; expected {{\"record\": {{...}}, \"outcome\": {{...}}}}");
    // Written key by key so the keys come in the core's order.
    write!(
        out,
        "{{\"line\":{number},\"error\":{{\"kind\":\"{kind}\",\"field\":\"\",\"index\":null,\"offset\":{offset},\"message\":"
    )?;
    serde_json::to_writer(&mut *out, &message)?;
    out.write_all(b"}}")
}

//! `explain` and `evaluate`: readable breakdowns.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use complaint_triage::{
    assess, evaluate_outcome, parse_complaint, parse_outcome, write_effect_json, write_explanation,
    Policy,
};
use serde_json::value::RawValue;

use crate::lines::{Line, LineReader};

/// Prints the grading of the first non-blank line, reason by reason.
pub fn explain(input: impl BufRead, policy: &Policy, out: &mut impl Write) -> io::Result<ExitCode> {
    let mut reader = LineReader::new(input, complaint_triage::RECORD_LIMITS.max_bytes);
    while let Some((number, line)) = reader.next_line()? {
        let text = match line {
            Line::Text(t) if t.iter().all(u8::is_ascii_whitespace) => continue,
            Line::Text(t) => t,
            Line::TooLong => {
                writeln!(
                    out,
                    "line {}: {}",
                    number,
                    complaint_triage::ParseError::too_large(
                        complaint_triage::RECORD_LIMITS.max_bytes
                    )
                )?;
                return Ok(ExitCode::from(1));
            }
        };
        return match parse_complaint(text) {
            Ok(c) => {
                let mut text = String::new();
                write_explanation(&assess(&c, policy), &mut text).map_err(io::Error::other)?;
                out.write_all(text.as_bytes())?;
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                writeln!(out, "line {}: {e}", number)?;
                Ok(ExitCode::from(1))
            }
        };
    }
    writeln!(out, "no record in the input")?;
    Ok(ExitCode::from(1))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EvaluateLine<'a> {
    #[serde(borrow)]
    record: &'a RawValue,
    #[serde(borrow)]
    outcome: &'a RawValue,
}

/// Scores `{"record": {...}, "outcome": {...}}` lines; one effect (or error) per line.
pub fn evaluate(
    input: impl BufRead,
    policy: &Policy,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let mut reader = LineReader::new(input, 2 * complaint_triage::RECORD_LIMITS.max_bytes);
    let mut buf = vec![0u8; 4096];
    let mut failed = 0usize;
    while let Some((number, line)) = reader.next_line()? {
        let text = match line {
            Line::Text(t) if t.iter().all(u8::is_ascii_whitespace) => continue,
            Line::Text(t) => t,
            Line::TooLong => {
                failed += 1;
                writeln!(out, "{{\"line\":{number},\"error\":{{\"kind\":\"too_large\",\"message\":\"line too long\"}}}}")?;
                continue;
            }
        };
        let result = serde_json::from_slice::<EvaluateLine<'_>>(text)
            .map_err(|e| format!("expected {{\"record\": {{...}}, \"outcome\": {{...}}}}: {e}"))
            .and_then(|l| {
                let c = parse_complaint(l.record.get().as_bytes())
                    .map_err(|e| format!("record: {e}"))?;
                let o = parse_outcome(l.outcome.get().as_bytes())
                    .map_err(|e| format!("outcome: {e}"))?;
                Ok(evaluate_outcome(&o, &assess(&c, policy), policy))
            });
        match result {
            Ok(effect) => {
                let n = write_effect_json(&effect, &mut buf).map_err(io::Error::other)?;
                out.write_all(&buf[..n])?;
                out.write_all(b"\n")?;
            }
            Err(message) => {
                failed += 1;
                let error = serde_json::json!({"line": number, "error": {"kind": "invalid_line", "message": message}});
                writeln!(out, "{error}")?;
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

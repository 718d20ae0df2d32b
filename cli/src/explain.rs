//! `explain` and `evaluate`: readable breakdowns.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use complaint_triage::{
    assess, evaluate_outcome, parse_complaint, parse_outcome, write_effect_json, Assessment,
    Dimension, Policy,
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
                write_explanation(&assess(&c, policy), out)?;
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

/// The human-readable breakdown of one assessment.
pub fn write_explanation(a: &Assessment, out: &mut impl Write) -> io::Result<()> {
    let id = if a.id.is_empty() {
        "(no id)"
    } else {
        a.id.as_str()
    };
    writeln!(out, "{id}")?;
    writeln!(
        out,
        "  grade {} ({}) · tier {} ({}, by {}) · priority P{}",
        a.grade.code(),
        a.grade.name_zh(),
        a.tier.code(),
        a.tier.name_zh(),
        a.tier_basis.code(),
        a.priority
    )?;
    writeln!(
        out,
        "  first response within {} min · resolve within {} h{}",
        a.first_response_minutes,
        a.resolution_hours,
        if a.resolution_capped {
            " (capped by the jurisdiction)"
        } else {
            ""
        }
    )?;
    writeln!(
        out,
        "  levels: severity {}, impact {}, urgency {}",
        a.severity_level, a.impact_level, a.urgency_level
    )?;
    if let Some(r) = a.claim_ratio_permille {
        writeln!(
            out,
            "  claim ratio {}.{:03}x the direct loss{}",
            r / 1000,
            r % 1000,
            if a.claim_unreasonable {
                " — unreasonable"
            } else {
                ""
            }
        )?;
    } else if a.claim_unreasonable {
        writeln!(out, "  claim with no direct loss — unreasonable")?;
    }
    for d in Dimension::ALL {
        let score = a.scores.get(*d);
        let raw = a.raw_scores[*d as usize];
        let clamped = if i32::from(score) != raw {
            format!(" (sum {raw}, clamped)")
        } else {
            String::new()
        };
        writeln!(
            out,
            "\n  {} {} ({}){}",
            d.code(),
            score,
            d.name_zh(),
            clamped
        )?;
        for r in a.reasons_for(*d) {
            let info = r.factor.info();
            let source = if r.source.code() == "field" {
                String::new()
            } else {
                format!(" [{}]", r.source.code())
            };
            writeln!(
                out,
                "    {:+4}  {} — {} ({}){}",
                r.points, info.code, info.en, info.zh, source
            )?;
        }
    }
    let p = &a.playbook;
    writeln!(out, "\n  playbook")?;
    writeln!(
        out,
        "    talk:        {} ({})",
        p.talk.name_en(),
        p.talk.name_zh()
    )?;
    writeln!(
        out,
        "    motive:      {} ({})",
        p.motive.name_en(),
        p.motive.name_zh()
    )?;
    writeln!(
        out,
        "    expectation: {} ({})",
        p.expectation.name_en(),
        p.expectation.name_zh()
    )?;
    writeln!(
        out,
        "    remedy:      {} ({})",
        p.remedy.name_en(),
        p.remedy.name_zh()
    )?;
    writeln!(
        out,
        "    strategy:    {} ({})",
        p.strategy.name_en(),
        p.strategy.name_zh()
    )?;
    Ok(())
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

//! A readable breakdown of an assessment (the same layout as the
//! command-line `explain`).

use std::fmt::Write;

use complaint_triage::{Assessment, Dimension};

/// The breakdown: grade, tier, priority and deadlines, the levels, the
/// claim check, every reason by dimension, and the playbook.
pub fn explanation(a: &Assessment) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_explanation(a, &mut out);
    out
}

fn write_explanation(a: &Assessment, out: &mut String) -> std::fmt::Result {
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

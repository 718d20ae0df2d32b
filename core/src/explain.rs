//! A readable breakdown of an assessment, reason by reason.

use core::fmt::{self, Write};

use crate::assessment::{Assessment, Source};
use crate::codes::Dimension;
use crate::scan::locate;

/// Writes the human-readable breakdown of one assessment: grade, tier,
/// priority and deadlines, the category the text suggested (if any), the
/// levels, the claim check, every reason by
/// dimension (with its English and Chinese name, and its source when it is
/// not a record field), and the playbook. The command line's `explain` and
/// the bindings all print this text.
///
/// ```
/// use complaint_triage::{assess, write_explanation, Complaint, Policy};
///
/// let mut text = heapless::String::<4096>::new();
/// write_explanation(&assess(&Complaint::DEFAULT, &Policy::DEFAULT), &mut text).unwrap();
/// assert!(text.starts_with("(no id)\n  grade minor"));
/// ```
///
/// # Errors
/// Only those of `out` (e.g. a fixed-capacity string that is full).
pub fn write_explanation(a: &Assessment, out: &mut impl Write) -> fmt::Result {
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
    write!(
        out,
        "  follow-up call within {} h of resolution",
        a.follow_up_hours
    )?;
    match a.regulatory_deadline_hours {
        Some(h) if a.past_regulatory_deadline => {
            write!(out, " · PAST the regulatory deadline ({h} h left)")?
        }
        Some(h) => write!(out, " · regulatory deadline in {h} h")?,
        None => {}
    }
    writeln!(out)?;
    // Each gate is a reason of its own: a floor no sum of points overrules.
    for g in a.gates.iter() {
        writeln!(
            out,
            "  gate {} — {} ({})",
            g.code(),
            g.name_en(),
            g.name_zh()
        )?;
    }
    // A category the record did not give is marked as the text's guess.
    if let Some(c) = a.suggested_category {
        writeln!(
            out,
            "  category {} ({}) suggested by the text",
            c.code(),
            c.name_zh()
        )?;
    }
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
        write!(out, "\n  {} {} ({})", d.code(), score, d.name_zh())?;
        if i32::from(score) != raw {
            write!(out, " (sum {raw}, clamped)")?;
        }
        writeln!(out)?;
        for r in a.reasons_for(*d) {
            let info = r.factor.info();
            write!(
                out,
                "    {:+4}  {} — {} ({})",
                r.points, info.code, info.en, info.zh
            )?;
            // Field factors are the norm; only text and derived ones are marked.
            if r.source != Source::Field {
                write!(out, " [{}]", r.source.code())?;
            }
            writeln!(out)?;
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
    for step in p.steps.iter() {
        writeln!(
            out,
            "    step:        {} ({})",
            step.name_en(),
            step.name_zh()
        )?;
    }
    Ok(())
}

/// Writes, for every reason the record's free text raised
/// ([`Source::Text`]), the words of `text` it came from: the factor's code,
/// the byte span and the quoted words (found again with
/// [`locate`](crate::scan::locate); `text` is the record's text, the one
/// the assessment was made from). Writes nothing when no reason came from
/// the text.
///
/// ```
/// use complaint_triage::{assess, write_text_evidence, Complaint, Policy};
///
/// let text = "充电宝爆炸了，把我孩子的手烧伤了";
/// let mut c = Complaint::default();
/// c.add_text(text);
/// let mut out = String::new();
/// write_text_evidence(&assess(&c, &Policy::DEFAULT), text, &mut out).unwrap();
/// assert!(out.contains("safety_incident [39..45] \"烧伤\""), "{out}");
/// ```
///
/// # Errors
/// Only those of `out`.
pub fn write_text_evidence(a: &Assessment, text: &str, out: &mut impl Write) -> fmt::Result {
    let mut first = true;
    let mut shown = [false; crate::factor::FACTOR_COUNT];
    for r in a.rows.iter().filter(|r| r.source == Source::Text) {
        if core::mem::replace(&mut shown[r.factor.index()], true) {
            continue;
        }
        let Some(cue) = a.text_cues.cue_of(r.factor) else {
            continue;
        };
        let Some((start, end)) = locate(text.as_bytes(), cue) else {
            continue;
        };
        if core::mem::take(&mut first) {
            writeln!(out, "\n  from the text")?;
        }
        writeln!(
            out,
            "    {} [{start}..{end}] \"{}\"",
            r.factor.code(),
            text.get(start..end).unwrap_or("")
        )?;
    }
    Ok(())
}

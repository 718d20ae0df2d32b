//! The rubric as a Markdown document, generated from a policy.
//!
//! `core/RUBRIC.md` is this document for [`Policy::DEFAULT`]; a test fails
//! when the checked-in file differs, so documentation and code cannot drift.
//! The CLI prints it for any policy (`complaint-triage rubric --policy FILE`).

use core::fmt::{self, Write};

use crate::codes::{Category, Currency, Dimension, Grade, Jurisdiction, Level, Tier};
use crate::factor::{Band, FACTORS};
use crate::outcome::EffectFactor;
use crate::playbook::{Remedy, STRATEGY_RULES};
use crate::policy::Policy;
use crate::scan::{patterns, CueKind, EMOTION_MARKERS, FORBIDDEN_PHRASES};

/// The rule behind each jurisdiction's outer resolution limit.
pub const JURISDICTION_RULES: [(Jurisdiction, &str); 5] = [
    (
        Jurisdiction::UsCfpb,
        "US Consumer Financial Protection Bureau complaint process: companies respond within 15 days and close all but the most complex complaints within 60 days. Capped at the 15-day response.",
    ),
    (
        Jurisdiction::UkFca,
        "UK FCA Handbook, DISP 1.6.2R: the firm sends a final response within eight weeks of receiving the complaint.",
    ),
    (
        Jurisdiction::CnBanking,
        "《银行业保险业消费投诉处理管理办法》(银保监会令2020年第3号): simple complaints handled within 15 days, complex ones within 30, exceptionally a further 30 (60 at most). Capped at the 15-day standard.",
    ),
    (
        Jurisdiction::CnTelecom,
        "《电信用户申诉处理办法》(工业和信息化部): a user may appeal to the telecom user appeal centre when the operator has not answered within 15 days.",
    ),
    (
        Jurisdiction::CnConsumer,
        "《市场监督管理投诉举报处理暂行办法》(国家市场监督管理总局令第20号), art. 14: the regulator decides within 7 working days whether to accept a 12315 complaint; applied conservatively as 7 calendar days.",
    ),
];

/// Writes the rubric of `policy` as Markdown.
pub fn write_markdown<W: Write>(policy: &Policy, w: &mut W) -> fmt::Result {
    w.write_str(HEADER)?;

    w.write_str("\n## Factors and points\n\n")?;
    w.write_str("Each factor that applies adds its points to each dimension; a dimension's score is the sum, clamped to 0..=100. ")?;
    w.write_str("The reasons of an assessment list exactly these rows.\n\n")?;
    w.write_str("| factor | meaning | severity | impact | difficulty | escalation risk | malice | source |\n")?;
    w.write_str("|---|---|---:|---:|---:|---:|---:|---|\n")?;
    for (info, row) in FACTORS.iter().zip(policy.points.iter()) {
        write!(w, "| `{}` | {} ({}) |", info.code, info.en, info.zh)?;
        for p in row {
            write!(w, " {p} |")?;
        }
        writeln!(w, " `{}` {} |", info.seed, info.passage)?;
    }

    w.write_str("\n## Bands of numeric fields\n\nA numeric field counts in its highest band reached (value ≥ threshold); below the first band it adds nothing.\n\n")?;
    w.write_str("| field |")?;
    for i in 1..=Band::MAX_LEVELS {
        write!(w, " band {i} |")?;
    }
    w.write_str("\n|---|")?;
    for _ in 0..Band::MAX_LEVELS {
        w.write_str("---:|")?;
    }
    w.write_str("\n")?;
    for band in Band::ALL {
        write!(w, "| `{}` |", band.field())?;
        let t = policy.band_thresholds(band);
        for i in 0..Band::MAX_LEVELS {
            match t.get(i) {
                Some(v) => write!(w, " {v} |")?,
                None => w.write_str(" — |")?,
            }
        }
        w.write_str("\n")?;
    }

    w.write_str("\n### Money bands by currency\n\nAmounts are in the minor unit of the record's `currency` (ISO 4217; the yen has none). A record without a currency is banded by `bands.direct_loss` above, the policy's default currency (yuan by default). The defaults are the yuan's four steps (100, 1 000, 10 000 and 100 000 yuan) in rough purchasing-power equivalents, rounded (one international dollar is about 4 yuan, 0.7 euro or pound, 5.5 Hong Kong dollars, 13 New Taiwan dollars, 100 yen), so that a loss weighs what it means to the customer and TWD 8 000 is not USD 8 000; a policy tunes them per market (`money_bands`).\n\n")?;
    w.write_str("| currency | band 1 | band 2 | band 3 | band 4 |\n|---|---:|---:|---:|---:|\n")?;
    for c in Currency::ALL {
        if *c == Currency::Unspecified {
            continue;
        }
        write!(w, "| `{}` {} ({}) |", c.code(), c.name_en(), c.name_zh())?;
        for t in policy.money_thresholds(*c) {
            write!(w, " {t} |")?;
        }
        w.write_str("\n")?;
    }

    w.write_str("\n## Levels, grade and priority\n\n")?;
    writeln!(
        w,
        "- severity level: medium from {}, high from {};",
        policy.severity_levels[0], policy.severity_levels[1]
    )?;
    writeln!(
        w,
        "- impact level: medium from {}, high from {};",
        policy.impact_levels[0], policy.impact_levels[1]
    )?;
    writeln!(
        w,
        "- urgency level, from the larger of severity and escalation risk: medium from {}, high from {}.\n",
        policy.urgency_levels[0], policy.urgency_levels[1]
    )?;
    w.write_str("Grade by severity level (rows) and impact level (columns), after seed `002_53957cc42773bf88.txt` (分級: 根據投訴嚴重程度和影響範圍):\n\n")?;
    w.write_str("| severity \\ impact | low | medium | high |\n|---|---|---|---|\n")?;
    for (level, row) in Level::ALL.iter().zip(policy.grade_matrix.iter()) {
        write!(w, "| {} |", level.code())?;
        for g in row {
            write!(w, " {} ({}) |", g.code(), g.name_zh())?;
        }
        w.write_str("\n")?;
    }
    w.write_str("\nPriority (1 most urgent) by impact level (rows) and urgency level (columns); the default is ServiceNow's impact x urgency lookup:\n\n")?;
    w.write_str("| impact \\ urgency | low | medium | high |\n|---|---:|---:|---:|\n")?;
    for (level, row) in Level::ALL.iter().zip(policy.priority_matrix.iter()) {
        writeln!(
            w,
            "| {} | {} | {} | {} |",
            level.code(),
            row[0],
            row[1],
            row[2]
        )?;
    }
    writeln!(
        w,
        "\nA safety incident is graded at least `{}` and prioritised at least {} (seed `000_d3bb18e70da591cc.txt`, 安全权).",
        policy.safety_min_grade.code(),
        policy.safety_max_priority
    )?;

    w.write_str("\n## Handling tier\n\nSeed `000_d3bb18e70da591cc.txt` (投诉分级处理机制: 受理层面, 处理层面, 管理层面). The tier is the highest of:\n\n")?;
    for (grade, tier) in Grade::ALL.iter().zip(policy.tier_by_grade.iter()) {
        writeln!(
            w,
            "- grade `{}` → `{}` ({});",
            grade.code(),
            tier.code(),
            tier.name_zh()
        )?;
    }
    writeln!(
        w,
        "- difficulty ≥ {} → `specialist`, ≥ {} → `management`;",
        policy.difficulty_tiers[0], policy.difficulty_tiers[1]
    )?;
    writeln!(
        w,
        "- malice ≥ {} → `specialist`, ≥ {} → `management`: a suspected malicious complaint goes to a level that can keep evidence and seek legal protection (seed `000_d3bb18e70da591cc.txt`, 非正常投诉的危机处理); malice never lowers priority;",
        policy.malice_tiers[0], policy.malice_tiers[1]
    )?;
    writeln!(
        w,
        "- remedy beyond front-line authority → at least `{}` (seed `002_53957cc42773bf88.txt`, 授權).",
        policy.beyond_authority_tier.code()
    )?;

    w.write_str("\n## Deadlines\n\nSeed `003_8f6867fe054256d6.txt` (找到處理人 1小時; 限時結案) and seed `001_bf48436fc09b92e7.txt` (明确时限).\n\n")?;
    w.write_str("| tier | first response (minutes) | resolution (hours) |\n|---|---:|---:|\n")?;
    for (i, tier) in Tier::ALL.iter().enumerate() {
        writeln!(
            w,
            "| `{}` | {} | {} |",
            tier.code(),
            policy.first_response_minutes[i],
            policy.resolution_hours[i]
        )?;
    }
    w.write_str("\nThe first response is also capped by priority:")?;
    for (i, cap) in policy.first_response_cap_minutes.iter().enumerate() {
        write!(
            w,
            " P{} ≤ {} min{}",
            i + 1,
            cap,
            if i == 4 { ".\n" } else { "," }
        )?;
    }
    w.write_str("\nA jurisdiction caps the resolution deadline at the regulator's outer limit:\n\n| jurisdiction | cap (hours) | rule |\n|---|---:|---|\n")?;
    for (j, rule) in JURISDICTION_RULES {
        writeln!(
            w,
            "| `{}` | {} | {} |",
            j.code(),
            policy.jurisdiction_cap_hours[j as usize],
            rule
        )?;
    }

    writeln!(
        w,
        "\n## Claims\n\nA claim is unreasonable when it exceeds {}‰ of the direct loss (seed `000_d3bb18e70da591cc.txt`, 高额补偿投诉处理: 客户的索赔额有没有超直接损失的2倍,如超过两倍即为不合理). Exactly at the limit is not unreasonable. With no direct loss recorded the rule does not apply: there is no loss to weigh the claim against, and a field left out says nothing about the customer. Whether the loss follows from what went wrong at all (逻辑关系是否成立) is the record's `causal_link`, graded by its factors above; `not_given` adds nothing.",
        policy.claim_limit_permille
    )?;

    w.write_str("\n## Playbook\n\nHow to talk follows the personality (seed `000_d3bb18e70da591cc.txt`, 专题一), the motive approach follows the motive (seed `004_88a401f5dd7eea89.txt`), the expectation approach follows the expectation (seed `000_d3bb18e70da591cc.txt`, 第五节). The remedy follows the category:\n\n")?;
    for c in Category::ALL {
        let r: Remedy = crate::playbook::remedy_for(*c);
        writeln!(
            w,
            "- `{}` → `{}`: {} ({})",
            c.code(),
            r.code(),
            r.name_en(),
            r.name_zh()
        )?;
    }
    w.write_str("\nThe strategy is the first rule that applies (seed `000_d3bb18e70da591cc.txt`, 抱怨及升级投诉处理十对策):\n\n")?;
    for (i, (s, rule)) in STRATEGY_RULES.iter().enumerate() {
        writeln!(
            w,
            "{}. `{}` {} ({}): {}",
            i + 1,
            s.code(),
            s.name_en(),
            s.name_zh(),
            rule
        )?;
    }

    w.write_str("\n## Text cues\n\nThe free text is scanned for these patterns (English matched case-insensitively on word boundaries; Chinese matched exactly; negation is not understood). A threat found in the text counts as the threat factor, a forbidden phrase as `failure.forbidden_phrase`, an emotion marker as `text.strong_emotion`; their reasons have source `text`.\n\n")?;
    w.write_str("| cue | patterns |\n|---|---|\n")?;
    for t in crate::codes::Threat::ALL {
        write_patterns(w, CueKind::Threat, t.index(), "threat", t.code())?;
    }
    for (bit, info) in FORBIDDEN_PHRASES.iter().enumerate() {
        write_patterns(
            w,
            CueKind::ForbiddenPhrase,
            bit as u8,
            "forbidden phrase",
            info.code,
        )?;
    }
    for (bit, info) in EMOTION_MARKERS.iter().enumerate() {
        write_patterns(w, CueKind::EmotionMarker, bit as u8, "emotion", info.code)?;
    }

    w.write_str("\n## Improvement effect\n\nSeed `001_bf48436fc09b92e7.txt` (评估投诉处理效果: 客户满意度, 处理时长, 重复投诉率) and seed `000_d3bb18e70da591cc.txt` (投诉改善效果). A closed complaint's outcome is scored 0..=100:\n\n")?;
    let e = &policy.effect;
    let rows: [(EffectFactor, i16); 8] = [
        (EffectFactor::Base, e.base),
        (EffectFactor::FirstContact, e.first_contact),
        (EffectFactor::OnTime, e.on_time),
        (EffectFactor::Late, e.late),
        (EffectFactor::VeryLate, e.very_late),
        (EffectFactor::Reopened, e.reopened),
        (EffectFactor::RepeatWithin30Days, e.repeat_within_30_days),
        (EffectFactor::RootCauseFixed, e.root_cause_fixed),
    ];
    w.write_str("| factor | points |\n|---|---:|\n")?;
    for (f, p) in rows {
        writeln!(
            w,
            "| `{}` {} ({}) | {} |",
            f.code(),
            f.name_en(),
            f.name_zh(),
            p
        )?;
    }
    writeln!(
        w,
        "| `satisfaction` 1 to 5 | {} / {} / {} / {} / {} |",
        e.satisfaction[0],
        e.satisfaction[1],
        e.satisfaction[2],
        e.satisfaction[3],
        e.satisfaction[4]
    )?;
    writeln!(
        w,
        "\n`late` means within {} times the resolution deadline, `very_late` beyond it.",
        e.very_late_factor
    )?;
    w.write_str("\n## Dimensions\n\n")?;
    for d in Dimension::ALL {
        writeln!(w, "- `{}`: {} ({})", d.code(), d.name_en(), d.name_zh())?;
    }
    Ok(())
}

fn write_patterns<W: Write>(
    w: &mut W,
    kind: CueKind,
    bit: u8,
    what: &str,
    name: &str,
) -> fmt::Result {
    write!(w, "| {what} `{name}` |")?;
    let mut first = true;
    for (k, b, text) in patterns() {
        if k == kind && b == bit {
            write!(w, "{} {}", if first { "" } else { "," }, text)?;
            first = false;
        }
    }
    w.write_str(" |\n")
}

const HEADER: &str = "# The grading rubric\n\n\
<!-- Generated from Policy::DEFAULT by `complaint-triage rubric`; a test keeps this file and the code identical. -->\n\n\
Every number below lives in `Policy::DEFAULT` (`core/src/policy.rs`, with the factor table in `core/src/factor.rs`) and can be \
overridden by a JSON policy; how they combine is written plainly in `core/src/reference.rs`, in the order of this page. Every factor cites the passage of the training material it comes from; the seeds are cited by file name. \
They are five publicly shared training documents, not copied into this repository; each is named here by its own title, \
so that it can be found:\n\n\
- `000_d3bb18e70da591cc.txt`: 《移动投诉处理详尽方法课程》, a telecom escalated-complaint handling course (grading toolkit: impact, resolution difficulty, improvement effect; handling levels; malice; remedies; expectations; ten errors);\n\
- `001_bf48436fc09b92e7.txt`: 《客户关系管理的投诉处理准则》, complaint-handling principles of customer relationship management (process, timeliness, effect evaluation);\n\
- `002_53957cc42773bf88.txt`: 《客服專員投訴處理技巧與情緒管理》, customer-service complaint skills (grading by severity and scope, authority, complaint types, VIP);\n\
- `003_8f6867fe054256d6.txt`: 《服務管理與投訴處理》, a bank service-management course (handling rules, the ten forbidden phrases, five difficult customers);\n\
- `004_88a401f5dd7eea89.txt`: 《电子商务客户服务与管理》 (王利明), e-commerce customer service (complaint motives).\n\n\
Scores are integers; there is no floating point anywhere in the grading, so every platform computes the same result.\n";

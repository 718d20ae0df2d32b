//! The rubric as a Markdown document, generated from a policy.
//!
//! `core/RUBRIC.md` is this document for [`Policy::DEFAULT`]; a test fails
//! when the checked-in file differs, so documentation and code cannot drift.
//! The CLI prints it for any policy (`complaint-triage rubric --policy FILE`).

use core::fmt::{self, Write};

use crate::codes::{Category, Currency, Dimension, Grade, Jurisdiction, Level, Profile, Tier};
use crate::factor::{Band, FACTORS};
use crate::gates::Gate;
use crate::outcome::EffectFactor;
use crate::playbook::{Remedy, STEP_RULES, STRATEGY_RULES};
use crate::policy::Policy;
use crate::scan::{patterns, CueKind, EMOTION_MARKERS, FORBIDDEN_PHRASES};

/// The rule behind each jurisdiction's deadlines, as checked against the
/// rule's own text.
pub const JURISDICTION_RULES: [(Jurisdiction, &str); 8] = [
    (
        Jurisdiction::UsCfpb,
        "US Consumer Financial Protection Bureau complaint process: companies respond to a complaint the CFPB sends them within 15 days, and close all but the most complex within 60 days. The 15 days run from the CFPB's referral, so they are also the regulator's clock.",
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
        "《市场监督管理投诉举报处理暂行办法》(国家市场监督管理总局令第20号): art. 14 gives the market regulator 7 working days to decide whether to accept a 12315 complaint, and art. 21 ends mediation 45 working days after acceptance. Both are the regulator's own windows, not a deadline for the business, so no limit binds the business here (65535 = none); the `formal_channel` gate still makes a complaint at 12315 a management matter.",
    ),
    (
        Jurisdiction::UkFcaPayments,
        "UK FCA Handbook, DISP 1.6.2AR: for payment services and e-money complaints the final response is due by the end of 15 business days after receipt (35 business days in exceptional circumstances, with a holding reply). 15 business days are taken as three calendar weeks (504 h); public holidays are not counted.",
    ),
    (
        Jurisdiction::TwConsumer,
        "Taiwan 消費者保護法 第43條第2項: 企業經營者對於消費者之申訴,應於申訴之日起十五日內妥適處理之 (the business handles a consumer's complaint properly within 15 days of it); past that the consumer may go to the 消費者保護官 or ask for mediation.",
    ),
    (
        Jurisdiction::HkHkma,
        "Hong Kong, HKMA Supervisory Policy Manual IC-4 (Complaints Handling and Redress, a statutory guideline since 2023) as the banks apply it: acknowledge a complaint within 7 days and give a final response normally within 30 days; past that the customer may go to the HKMA or, for a monetary dispute, the Financial Dispute Resolution Centre.",
    ),
];

/// Why each gate exists and where it is taught, in [`Gate`] order.
pub const GATE_RULES: [(Gate, &str, &str); Gate::COUNT] = [
    (Gate::SafetyHazard, "safety level `hazard`", "`000_d3bb18e70da591cc.txt` 第二模块 … 安全权: a hazard nobody was hurt by is still a safety matter"),
    (Gate::SafetyInjury, "safety level `injury`, or `safety_incident` true", "`000_d3bb18e70da591cc.txt` 安全权; `002_53957cc42773bf88.txt` 投訴嚴重程度和影響范圍 (分級)"),
    (Gate::SafetySeriousInjury, "safety level `serious_injury`", "`000_d3bb18e70da591cc.txt` 安全权"),
    (Gate::SafetyDeath, "safety level `death`", "`000_d3bb18e70da591cc.txt` 安全权"),
    (Gate::FormalChannel, "channel `regulator`, `ombudsman` or `court`", "`000_d3bb18e70da591cc.txt` 向第三方投诉机构投诉——由点及面的负面辐射 … 勇敢走上法庭"),
    (Gate::Press, "channel `media`", "`000_d3bb18e70da591cc.txt` 向第三方投诉机构投诉——由点及面的负面辐射; `003_8f6867fe054256d6.txt` 不滿足要求會實施曝光"),
    (Gate::PublicExposure, "a `media` or `social_media` threat in the record (a threat only read from the text adds its points but sets no floor: the text may deny it), or profile `influential` unless the customer is calm (emotion below its first band) and contacts the company for the first time", "`003_8f6867fe054256d6.txt` 有社會背景、宣傳能力者 … 不滿足要求會實施曝光 … 及時上報有關"),
    (Gate::SeveralAffected, "`affected_customers` ≥ the first `affected_gate_customers`", "`002_53957cc42773bf88.txt` 當多客戶投訴同一問題后"),
    (Gate::MassIncident, "`affected_customers` ≥ the second `affected_gate_customers`", "`000_d3bb18e70da591cc.txt` 由点及面的负面辐射"),
    (Gate::WideOutage, "`affected_customers` ≥ the third `affected_gate_customers`", "`000_d3bb18e70da591cc.txt` 由点及面的负面辐射"),
    (Gate::Attitude, "category `service_attitude` with a failure `rude`, `language_landmine`, `forbidden_phrase`, `interrogated`, `nonverbal_rejection` or `blamed_customer` in the record, or `rude` or `nonverbal_rejection` told in its text; or, in any category, `rude` or `language_landmine` (recorded or told)", "`002_53957cc42773bf88.txt` 服務態(tài)度惡劣投訴,則需要由主管介入調查處理"),
    (Gate::MaliceTrack, "malice signal `extortion`, `hype`, `escalating_claim` or `escalating_pressure` in the record, or extortion read from the text (a sum demanded with a threat of exposure in one sentence: the words are the demand itself)", "`000_d3bb18e70da591cc.txt` 恶意要挟 … 恶意炒作 … 非正常/恶意投诉的危机处理 (及时寻求政府保护, 抢先与媒体沟通, 勇敢走上法庭): malice changes the track, never lowers the priority"),
    (Gate::PastRegulatoryDeadline, "a regulatory deadline has passed (see Deadlines)", "`003_8f6867fe054256d6.txt` 限時結案,及時上報"),
    (Gate::RepeatComplaint, "`prior_contacts` in its second band or above (by default 2 earlier contacts about the same issue)", "`000_d3bb18e70da591cc.txt` 第二节 升级投诉分析: 什么是升级疑难投诉; `001_bf48436fc09b92e7.txt` 重复投诉率: the front line has had its chance twice and not closed it, so a specialist owns it now, at least moderate, in the routine queue"),
    (Gate::LegalThreat, "a `lawsuit` or `regulator` threat in the record or read from the text (the scanner drops a threat the customer denies or the agent makes; unlike exposure, whose floor is management, this floor only keeps the complaint out of the routine queue)", "`002_53957cc42773bf88.txt` 風險管理: 識別投訴中的潛在風險,如法律風險 … 與法務部門協作: legal risk does not wait in the routine queue, whatever the amount, and legal is involved (the `legal_review` step); a site that sends such complaints to specialists raises the gate's tier floor"),
    (Gate::MassSafety, "`mass_incident` holds and the complaint is about safety: a safety level of `hazard` or above (recorded or read from the text) or the right `safety` invoked", "`000_d3bb18e70da591cc.txt` 安全权 (人身、财产安全不受损害); `002_53957cc42773bf88.txt` 當多客戶投訴同一問題后: a risk to the safety of many customers at once is a recall and a crisis for management, not a queue of single complaints"),
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
        "- urgency level, from the larger of severity and escalation risk: medium from {}, high from {} (medium once two signs of escalation meet, such as an upset customer calling again, or one strong sign such as a broken promise: seed `000_d3bb18e70da591cc.txt` 抱怨升级为投诉的七大要素).\n",
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
    writeln!(
        w,
        "\nA case hard enough for a specialist (difficulty ≥ {}, the first `difficulty_tiers` threshold) is at least moderate: seed `000_d3bb18e70da591cc.txt`'s grading toolkit weighs resolution difficulty beside impact (投诉分级工具包: 投诉影响力, 投诉解决难度).",
        policy.difficulty_tiers[0]
    )?;
    write_profile_rule(w, policy)?;
    if policy.clear_cut_max_grade > Grade::Minor {
        writeln!(
            w,
            "\nA clear-cut complaint (liability `company`, evidence `verified`, expectation `satisfiable`, the remedy within front-line authority) that nobody else has heard of (impact level low) and whose grade by points is at most `{}` (`clear_cut_max_grade`) is graded minor, before the difficulty rule above and the gates, which may still raise it: our own verified fault is apologised for and remedied at the first contact, so the loss that made it more is refunded there (seed `003_8f6867fe054256d6.txt`, 要點四 受理投訴不得向外推: 屬于我們做得不到位的,應坦誠道歉,并及時作好補救工作; seed `002_53957cc42773bf88.txt`, 授權: 在權限內快速解決問題). When no other rule raises its tier above the front line, its `tier_basis` is `clear_cut`.",
            policy.clear_cut_max_grade.code()
        )?;
    }
    w.write_str("\nPriority (1 most urgent) by seriousness level (rows) and urgency level (columns), after seed `001_bf48436fc09b92e7.txt` (初步判断投诉的严重性和紧急程度: a large loss is urgent even when nobody else hears of it). Seriousness is that of the grade the points give, lowered for a clear-cut complaint and raised by difficulty or the customer's profile, before the gates: minor is low, moderate medium, major and critical high (with the default grade matrix, the higher of the severity and impact levels). The default table is ServiceNow's impact x urgency lookup:\n\n")?;
    w.write_str("| seriousness \\ urgency | low | medium | high |\n|---|---:|---:|---:|\n")?;
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
    w.write_str("\n## Gates\n\nSome facts set a floor whatever the points: the grade is at least the floor's, the tier at least the floor's, the priority at least as urgent. Gates only raise. Every gate whose condition holds is listed in the assessment's `gates`, whether or not the points had already reached its floor; a tier it raised has `tier_basis` `gate`.\n\n")?;
    w.write_str(
        "| gate | when | grade ≥ | tier ≥ | priority ≤ | seed |\n|---|---|---|---|---:|---|\n",
    )?;
    for ((gate, when, seed), floor) in GATE_RULES.iter().zip(policy.gates.iter()) {
        writeln!(
            w,
            "| `{}` {} ({}) | {} | `{}` | `{}` | {} | {} |",
            gate.code(),
            gate.name_en(),
            gate.name_zh(),
            when,
            floor.grade.code(),
            floor.tier.code(),
            floor.priority,
            seed
        )?;
    }
    let t = policy.affected_gate_customers;
    writeln!(
        w,
        "\n`affected_gate_customers`: {}, {} and {} customers.",
        t[0], t[1], t[2]
    )?;
    w.write_str("\nThe safety level is the record's `safety` (`none`, `hazard`, `injury`, `serious_injury`, `death`); `safety_incident: true`, from records written before the level existed, means at least `injury`. From `injury` up the level also adds the `safety_incident` factor's points.\n")?;

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
    let departments = policy.band_thresholds(Band::Departments);
    let emotion = policy.band_thresholds(Band::Emotion);
    writeln!(
        w,
        "- remedy beyond front-line authority → at least `{}` (seed `002_53957cc42773bf88.txt`, 授權: 在權限內快速解決問題; 超出權限的投訴,要明確告知客戶處理流程), `tier_basis` `authority`. It is beyond it when the record says so (`beyond_authority`); when {} or more departments must act (the second `departments` band: someone must direct them, and an agent directs no other department; seed `001_bf48436fc09b92e7.txt`, 在处理复杂投诉时,可能需要协调公司内部的多个部门), which is resolution difficulty too, so the grade is then at least moderate; and when a `service_attitude` complaint (the record's category) comes from a customer who is upset (emotion ≥ {}, the first band) or has come back about it: who was at fault is for the colleague's supervisor to establish (seed `002_53957cc42773bf88.txt`, 服務態(tài)度惡劣投訴,則需要由主管介入調查處理; 服務投訴處理要強調責任認定), while a calm first remark about a slow teller is settled where it arose (seed `003_8f6867fe054256d6.txt`, 客戶問題在哪里出現就在哪里開始解決). The misconduct itself, when recorded, is the `attitude` gate;",
        policy.beyond_authority_tier.code(),
        departments.get(1).copied().unwrap_or(u64::MAX),
        emotion.first().copied().unwrap_or(u64::MAX),
    )?;
    for (profile, tier) in Profile::ALL.iter().zip(&policy.profile_tiers) {
        if *tier > Tier::Frontline {
            writeln!(
                w,
                "- profile `{}` → at least `{}` (`profile_tiers`, above);",
                profile.code(),
                tier.code()
            )?;
        }
    }
    w.write_str("- the gates' floors (above).\n")?;

    w.write_str("\n## Deadlines\n\nSeed `003_8f6867fe054256d6.txt` (找到處理人 1小時; 限時結案) and seed `001_bf48436fc09b92e7.txt` (明确时限). The more urgent, the tighter every deadline: resolution and the follow-up call go by priority, counted from the assessment; the first response is the tier's, capped by the priority's.\n\n")?;
    w.write_str("| tier | first response (minutes) |\n|---|---:|\n")?;
    for (i, tier) in crate::codes::Tier::ALL.iter().enumerate() {
        writeln!(
            w,
            "| `{}` | {} |",
            tier.code(),
            policy.first_response_minutes[i]
        )?;
    }
    w.write_str("\n| priority | first response cap (minutes) | resolution (hours) | follow-up call after resolution (hours) |\n|---|---:|---:|---:|\n")?;
    for i in 0..5 {
        writeln!(
            w,
            "| P{} | {} | {} | {} |",
            i + 1,
            policy.first_response_cap_minutes[i],
            policy.resolution_hours[i],
            policy.follow_up_hours[i]
        )?;
    }
    w.write_str("\nThe follow-up call (回访) closes the loop: seed `002_53957cc42773bf88.txt` (處理完成后,客服專員應主動回訪客戶,確認問題是否解決) and seed `001_bf48436fc09b92e7.txt` (定期回访).\n")?;
    w.write_str("\nA jurisdiction sets the business an outer limit, counted from when the complaint was first raised (`hours_open`); a regulator may also set its own deadline, counted from when the complaint reached it (`hours_since_regulator`), which runs while the channel is `regulator` or `ombudsman`. `regulatory_deadline_hours` is what is left of the nearest of the two (0 once past); the resolution deadline is shortened to it when it is sooner (`resolution_capped`). Once a deadline is reached, `past_regulatory_deadline` is set and the `past_regulatory_deadline` gate applies. 65535 means no limit.\n\n| jurisdiction | outer limit from first raised (hours) | regulator's clock (hours) | rule |\n|---|---:|---:|---|\n")?;
    for (j, rule) in JURISDICTION_RULES {
        writeln!(
            w,
            "| `{}` | {} | {} | {} |",
            j.code(),
            policy.jurisdiction_cap_hours[j as usize],
            policy.regulator_clock_hours[j as usize],
            rule
        )?;
    }
    w.write_str("\nThe channel `ombudsman` is a dispute-resolution scheme, apart from the regulators: the UK Financial Ombudsman Service (after the firm's final response or its deadline), Hong Kong's Financial Dispute Resolution Centre (FDRC) and Taiwan's 金融消費評議中心 (Financial Ombudsman Institution).\n")?;

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

    w.write_str("\nBesides the strategy, these steps are taken:\n\n")?;
    for (step, rule) in STEP_RULES {
        writeln!(
            w,
            "- `{}` {} ({}): {}",
            step.code(),
            step.name_en(),
            step.name_zh(),
            rule
        )?;
    }

    w.write_str("\n## Text cues\n\nThe free text is scanned for these patterns (English matched case-insensitively on word boundaries; Chinese matched exactly; the full list, with each phrase's language and seed, is `core/phrases.tsv`). A cue is not counted when its clause denies or only supposes it (不/没/沒/唔/未, not, never, won't, no intention, if), when it is reported from someone else, or when it is said on the wrong side of a transcript: forbidden phrases count on the agent's turns (客服:, 坐席:, Agent:), threats and emotion on the customer's; untagged text is the customer's. A threat found in the text counts as the threat factor, a forbidden phrase as `failure.forbidden_phrase`, an emotion marker as `text.strong_emotion`; their reasons have source `text`. The other kinds the scanner reads (harm, scope, repetition, elapsed time, money and losses, vulnerable people, malice, personal data exposed) raise record fields, below.\n\n")?;
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

    write_text_merging(policy, w)?;

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

/// The section on what the free text raises (the rules of
/// `core/src/merge.rs`), with the customer counts of the policy's scope
/// gates.
fn write_text_merging<W: Write>(policy: &Policy, w: &mut W) -> fmt::Result {
    w.write_str("\n## What the text raises\n\nWhat the free text shows raises the record's fields, by two rules: an explicit field is never lowered by the text, and the text raises a field only where the record left it at its default (a record cannot tell a field left out from one given as its default; a list field is raised value by value). A reason the text raised has source `text`. Text is read with care (seed `000_d3bb18e70da591cc.txt` 向第三方抱怨): a denied cue (\"I'm not going to sue\") counts for nothing.\n\n")?;
    w.write_str(
        "| the text shows | raises | only when the record has | seed |\n|---|---|---|---|\n",
    )?;
    let t = policy.affected_gate_customers;
    let rows: [(&str, &str, &str, &str); 11] = [
        (
            "harm (hazard, injury, serious injury; a text's death is read as a serious injury)",
            "the safety level, and so the safety gates",
            "`safety` `none` and `safety_incident` false",
            "`000_d3bb18e70da591cc.txt` 安全权; `003_8f6867fe054256d6.txt` 安全需求",
        ),
        (
            "an elderly or disabled person, a medical need",
            "`vulnerability` values",
            "the value absent",
            "`002_53957cc42773bf88.txt` 個性化服務",
        ),
        (
            "malice signs (extortion, a private deal, a claim raised step by step or above twice the loss)",
            "`malice_signals` values, for their points; of them only extortion also opens the `malice_track` gate, which otherwise reads the record's",
            "the value absent",
            "`000_d3bb18e70da591cc.txt` 恶意投诉",
        ),
        (
            "a building, a district, a city or every user",
            "`affected_customers` to the smallest count of the gate at that scope (`several_affected`, `mass_incident`, `wide_outage`, `wide_outage`)",
            "1",
            "`002_53957cc42773bf88.txt` 當多客戶投訴同一問題后; `000_d3bb18e70da591cc.txt` 由点及面的负面辐射",
        ),
        (
            "\"the Nth call\"",
            "`prior_contacts` to N - 1",
            "0",
            "`001_bf48436fc09b92e7.txt` 重复投诉率",
        ),
        (
            "how long the problem or the wait has lasted",
            "the `hours_open` band, never the regulator's clock (a problem's age is not the complaint's: the deadline counts from the day it was raised, which the text does not give)",
            "`hours_open` 0",
            "`001_bf48436fc09b92e7.txt` 避免投诉长时间得不到解决而升级",
        ),
        (
            "the largest amount of money stated",
            "`claimed_amount` (what the customer asks), and `currency` from its currency",
            "0, and `unspecified`",
            "`000_d3bb18e70da591cc.txt` 客户的索赔额有没有超直接损失的2倍",
        ),
        (
            "the largest amount stated as paid or lost (\"charged my card $1,200\", `花了三千块`; an amount after a claim or an offer never is one)",
            "`direct_loss`, and `currency` from the loss's currency (before the largest amount's); a record in another currency is not raised. A claim is weighed against it (`claim_unreasonable`) only when the record states the claim: the text's own claims are weighed by the malice sign `excessive_claim`",
            "0, and `unspecified` or the loss's currency",
            "`000_d3bb18e70da591cc.txt` 高额补偿投诉处理: 看客户经济损失是直接损失还是间接损失",
        ),
        (
            "personal data exposed (a bill or statement sent to someone else, details leaked, sold or shown to other people; not a parcel sent astray, not a privacy policy)",
            "`data_breach`",
            "false",
            "`003_8f6867fe054256d6.txt` 二、客戶心理需求: 7.隱私需求",
        ),
        (
            "staff conduct the customer tells of (\"the agent was rude\", `客服态度很差`, \"hung up on me\"; not denied, not in a condition)",
            "`handling_failures` `rude` or `nonverbal_rejection`, for their points and the `attitude` gate (a forbidden phrase an agent said adds `forbidden_phrase`, for its points only)",
            "the value absent",
            "`002_53957cc42773bf88.txt` 服務態度惡劣投訴,則需要由主管介入; `000_d3bb18e70da591cc.txt` 预防十种错误",
        ),
        (
            "phrases of a complaint category (the most cued one; a tie goes to the first in the vocabulary's order)",
            "`category`, for its points and the remedy, reported as `suggested_category`; the `attitude` gate reads the record's",
            "`other`",
            "`002_53957cc42773bf88.txt` 智能客服可以自動識別投訴類型,推薦處理流程",
        ),
    ];
    for (shows, raises, when, seed) in rows {
        writeln!(w, "| {shows} | {raises} | {when} | {seed} |")?;
    }
    writeln!(
        w,
        "\nUnder this policy a building counts {} customers, a district {}, a city or every user {}.",
        t[0], t[1], t[2]
    )
}

/// The profiles that need more than the front line (`profile_tiers`), with
/// the seed of each the default names.
fn write_profile_rule(w: &mut impl Write, policy: &Policy) -> fmt::Result {
    let raised = Profile::ALL
        .iter()
        .zip(&policy.profile_tiers)
        .filter(|(_, t)| **t > Tier::Frontline);
    let mut any = false;
    for (profile, tier) in raised {
        if !any {
            w.write_str("\nA customer whose profile needs more than the front line (`profile_tiers`) makes the case as hard as difficulty does: at least moderate, and the tier at least the profile's (`tier_basis` `profile`):\n\n")?;
            any = true;
        }
        let seed = match profile {
            Profile::WellPrepared => " (seed `003_8f6867fe054256d6.txt`, 四 4 有備而來者: 了解消法,甚至會記錄處理人談話內容或錄音; 處理人一定要清楚公司的服務政策及消法有關規定: a handler sure of the policy and the law)",
            Profile::JusticeDriven => " (seed `003_8f6867fe054256d6.txt`, 四 2 以正義感表達者: 肯定用戶,并對其反映問題表示感謝;告知企業的發展離不開廣大用戶的愛護與支持: the customer speaks up for others and asks for a practice to be put right, a commitment for someone who can order the fix)",
            _ => "",
        };
        writeln!(
            w,
            "- `{}` {} → `{}`{};",
            profile.code(),
            profile.name_zh(),
            tier.code(),
            seed
        )?;
    }
    Ok(())
}

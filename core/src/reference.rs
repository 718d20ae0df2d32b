//! Grading written plainly, in the order of `core/RUBRIC.md`: the version to
//! read, audit and change first.
//!
//! [`assess`](crate::assess) gives exactly the same assessment; it is written
//! for speed (the factors' points added as packed 128-bit rows, choices made
//! without branches, see `core/src/assess/fast.rs`) and a property test
//! (`fast_grading_equals_the_reference` in `core/tests/properties.rs`) checks
//! the two agree on every complaint and policy it generates. A change to the rubric is made here first, then
//! in the fast version until that test passes again.
//!
//! ```
//! use complaint_triage::{assess, reference, Complaint, Policy, Threat};
//!
//! let mut c = Complaint::default();
//! c.threats.insert(Threat::Media);
//! assert_eq!(reference::assess(&c, &Policy::DEFAULT), assess(&c, &Policy::DEFAULT));
//! ```

use crate::assess::{check_claim, regulatory_clock};
use crate::assessment::{Assessment, ReasonRow, Scores, Source, TierBasis};
use crate::codes::{
    Dimension, Grade, HandlingFailure, Level, MaliceSignal, Profile, Right, SafetyLevel, Threat,
    Tier, Vulnerability,
};
use crate::complaint::Complaint;
use crate::factor::{Band, Factor};
use crate::gates::{gates_that_apply, safety_level, Gate};
use crate::merge;
use crate::playbook::{self, Playbook, StrategyInput};
use crate::policy::{seriousness, Policy};
use crate::tier_rules;

/// Grades one complaint: the factors that apply add their points, then the
/// scores give levels, grade, priority, tier, deadlines and playbook.
pub fn assess(complaint: &Complaint, policy: &Policy) -> Assessment {
    let c = complaint;
    let mut out = Assessment::new();
    out.id.clone_from(&c.id);
    out.text_cues = c.text_cues;

    // 1. The factors that apply, each adding its row of points.
    // What the text raised, where the record left a field at its default
    // (`core/src/merge.rs`).
    let safety = merge::safety(c);
    let prior_contacts = merge::prior_contacts(c);
    let hours_waited = merge::hours_waited(c);
    let affected = merge::affected_customers(c, policy);
    let currency = merge::currency(c);
    let claimed = merge::claimed_amount(c);
    let direct_loss = merge::direct_loss(c);
    let data_breach = merge::data_breach(c);
    let category = merge::category(c);

    let claim = check_claim(
        merge::claim_basis(direct_loss, claimed),
        claimed.value,
        policy.claim_limit_permille,
    );
    let mut sums = Sums::new(policy);

    // Each single-valued field is a factor.
    sums.add(Factor::category(category.value), category.source);
    sums.add(Factor::channel(c.channel), Source::Field);
    sums.add(Factor::customer_tier(c.customer_tier), Source::Field);
    sums.add(Factor::personality(c.personality), Source::Field);
    sums.add(Factor::motive(c.motive), Source::Field);
    sums.add(Factor::expectation(c.expectation), Source::Field);
    sums.add(Factor::liability(c.liability), Source::Field);
    sums.add(Factor::evidence(c.evidence), Source::Field);
    sums.add(Factor::causal_link(c.causal_link), Source::Field);

    // Each numeric field adds the highest band it reaches.
    let f = Source::Field;
    sums.add_band(Band::Tenure, u64::from(c.tenure_months), f);
    sums.add_band(Band::Emotion, u64::from(c.emotion), f);
    sums.add_band(
        Band::PriorContacts,
        u64::from(prior_contacts.value),
        prior_contacts.source,
    );
    sums.add_band(
        Band::HoursOpen,
        u64::from(hours_waited.value),
        hours_waited.source,
    );
    sums.add_band(
        Band::AffectedCustomers,
        u64::from(affected.value),
        affected.source,
    );
    // The money bands are those of the record's currency.
    sums.add_band_of(
        Band::DirectLoss,
        policy.money_thresholds(currency.value),
        direct_loss.value,
        direct_loss.source,
    );
    sums.add_band(Band::Departments, u64::from(c.departments), f);

    // Each flag that is set.
    if c.indirect_loss_claimed {
        sums.add(Factor::INDIRECT_LOSS_CLAIMED, Source::Field);
    }
    if c.beyond_authority {
        sums.add(Factor::BEYOND_AUTHORITY, Source::Field);
    }
    if c.previously_compensated {
        sums.add(Factor::PREVIOUSLY_COMPENSATED, Source::Field);
    }
    // A safety level of injury or worse (or the older flag) is the safety
    // incident factor; a hazard and the worse levels differ by their gates.
    if safety.value >= SafetyLevel::Injury {
        sums.add(Factor::SAFETY_INCIDENT, safety.source);
    }
    if c.sensitive_period {
        sums.add(Factor::SENSITIVE_PERIOD, Source::Field);
    }
    if claim.unreasonable {
        sums.add(Factor::CLAIM_UNREASONABLE, Source::Derived);
    }
    if c.text_cues.emotion_markers != 0 {
        sums.add(Factor::TEXT_STRONG_EMOTION, Source::Text);
    }
    if data_breach.value {
        sums.add(Factor::DATA_BREACH, data_breach.source);
    }

    // Each value of each list, from the field or, where the field does not
    // have it, from the text.
    for right in Right::ALL {
        if c.rights.contains(*right) {
            sums.add(Factor::right(*right), Source::Field);
        }
    }
    for threat in Threat::ALL {
        let in_text = c.text_cues.threats & (1 << threat.index()) != 0;
        if c.threats.contains(*threat) {
            sums.add(Factor::threat(*threat), Source::Field);
        } else if in_text {
            sums.add(Factor::threat(*threat), Source::Text);
        }
    }
    for profile in Profile::ALL {
        if c.profile.contains(*profile) {
            sums.add(Factor::profile(*profile), Source::Field);
        }
    }
    for signal in MaliceSignal::ALL {
        let in_text = c.text_cues.malice_signals & (1 << signal.index()) != 0;
        if c.malice_signals.contains(*signal) {
            sums.add(Factor::malice_signal(*signal), Source::Field);
        } else if in_text {
            sums.add(Factor::malice_signal(*signal), Source::Text);
        }
    }
    let text_failures = merge::text_handling_failures(c);
    for failure in HandlingFailure::ALL {
        let in_text = text_failures & (1 << failure.index()) != 0;
        if c.handling_failures.contains(*failure) {
            sums.add(Factor::handling_failure(*failure), Source::Field);
        } else if in_text {
            sums.add(Factor::handling_failure(*failure), Source::Text);
        }
    }
    for vulnerability in Vulnerability::ALL {
        let in_text = c.text_cues.vulnerability & (1 << vulnerability.index()) != 0;
        if c.vulnerability.contains(*vulnerability) {
            sums.add(Factor::vulnerability(*vulnerability), Source::Field);
        } else if in_text {
            sums.add(Factor::vulnerability(*vulnerability), Source::Text);
        }
    }

    out.raw_scores = sums.raw;
    out.rows = sums.rows;
    let scores = Scores::from_raw(&sums.raw);
    out.scores = scores;

    // 2. Levels: low, medium from the first threshold, high from the second.
    let severity_level = level(scores.severity, policy.severity_levels);
    let impact_level = level(scores.impact, policy.impact_levels);
    let urgency = scores.severity.max(scores.escalation_risk);
    let urgency_level = level(urgency, policy.urgency_levels);

    // 3. Grade from severity x impact, at least moderate when the case is
    // hard enough for a specialist (seed 000's grading toolkit weighs
    // resolution difficulty beside impact: 投诉分级工具包, 投诉解决难度).
    // Priority from the grade's seriousness x urgency (seed 001:
    // 初步判断投诉的严重性和紧急程度): a large loss is urgent even when nobody
    // else hears of it.
    // A clear-cut fault of ours that nobody else has heard of is settled
    // at the first contact: the loss that made it moderate is refunded
    // there (seed 003: 屬于我們做得不到位的,應坦誠道歉,并及時作好補救工作).
    // A customer whose profile needs a specialist makes the case as hard
    // as difficulty does (seed 003: 有備而來者, 處理人一定要清楚公司的服務政策及消法).
    let (mut grade, clear_cut) = tier_rules::settle_clear_cut(
        c,
        policy,
        policy.grade_for(severity_level, impact_level),
        impact_level,
    );
    // Several departments to coordinate are resolution difficulty too
    // (seed 001: 协调公司内部的多个部门).
    if scores.difficulty >= policy.difficulty_tiers[0] || tier_rules::needs_coordination(c, policy)
    {
        grade = grade.max(Grade::Moderate);
    }
    let without_profile = grade;
    let profile_tier = tier_rules::profile_tier(c, policy);
    if profile_tier > Tier::Frontline {
        grade = grade.max(Grade::Moderate);
    }
    let mut priority = policy.priority_for(seriousness(grade), urgency_level);

    // 4. Gates: facts that set a floor whatever the points (a person hurt,
    // a court, many customers, a regulator's deadline passed...). They only
    // raise.
    let clock = regulatory_clock(c, policy);
    let gates = gates_that_apply(c, policy, clock.past);
    let floor = policy.floor_of(gates);
    grade = grade.max(floor.grade);
    priority = priority.min(floor.priority);

    // 5. Tier: the grade's tier (said to be the profile's when only the
    // profile raised the grade, the clear-cut rule's when it settled it),
    // raised (never lowered) by difficulty, by malice, by the customer's
    // profile, by a remedy beyond the front line's authority (the record's
    // flag, several departments to direct, a colleague's conduct to
    // review: `tier_rules::beyond_authority`) and by the gates.
    let mut tier = policy.tier_by_grade[grade as usize];
    let mut tier_basis = if grade > without_profile.max(floor.grade) {
        TierBasis::Profile
    } else if clear_cut && grade == Grade::Minor {
        TierBasis::ClearCut
    } else {
        TierBasis::Grade
    };
    let mut raise = |to: Tier, basis: TierBasis| {
        if to > tier {
            tier = to;
            tier_basis = basis;
        }
    };
    raise(
        tier_for(scores.difficulty, policy.difficulty_tiers),
        TierBasis::Difficulty,
    );
    raise(
        tier_for(scores.malice, policy.malice_tiers),
        TierBasis::Malice,
    );
    raise(profile_tier, TierBasis::Profile);
    if tier_rules::beyond_authority(c, policy) {
        raise(policy.beyond_authority_tier, TierBasis::Authority);
    }
    raise(floor.tier, TierBasis::Gate);

    // 6. Deadlines by priority: the first response is the tier's, capped by
    // the priority's cap; the resolution is the priority's, shortened to
    // what is left before a regulator's deadline when that is sooner (once
    // past it, the past_regulatory_deadline gate has made it P1); the
    // follow-up call (回访) is the priority's.
    let by_priority = usize::from(priority).wrapping_sub(1);
    let mut first_response = policy.first_response_minutes[tier as usize];
    if let Some(cap) = policy.first_response_cap_minutes.get(by_priority) {
        first_response = first_response.min(*cap);
    }
    let priority_hours = policy
        .resolution_hours
        .get(by_priority)
        .copied()
        .unwrap_or(u16::MAX);
    let (resolution_hours, capped) = match clock.hours_left {
        Some(left) if !clock.past && left < priority_hours => (left, true),
        _ => (priority_hours, false),
    };
    let follow_up_hours = policy
        .follow_up_hours
        .get(by_priority)
        .copied()
        .unwrap_or(u16::MAX);

    // 7. The playbook.
    let emotion_high = policy
        .band_thresholds(Band::Emotion)
        .get(1)
        .is_some_and(|t| u64::from(c.emotion) >= *t);
    let strategy = playbook::strategy_for(&StrategyInput {
        malice: scores.malice,
        malice_tiers: policy.malice_tiers,
        safety_incident: safety_level(c) >= SafetyLevel::Injury,
        legal_track: gates.contains(Gate::MaliceTrack),
        grade,
        tier,
        profile: c.profile,
        motive: c.motive,
        emotion_high,
        expectation: c.expectation,
        personality: c.personality,
    });
    let steps = playbook::steps_for(c.channel, c.customer_tier, tier, gates);

    out.severity_level = severity_level;
    out.impact_level = impact_level;
    out.urgency_level = urgency_level;
    out.grade = grade;
    out.priority = priority;
    out.tier = tier;
    out.tier_basis = tier_basis;
    out.first_response_minutes = first_response;
    out.resolution_hours = resolution_hours;
    out.resolution_capped = capped;
    out.regulatory_deadline_hours = clock.hours_left;
    out.past_regulatory_deadline = clock.past;
    out.follow_up_hours = follow_up_hours;
    out.gates = gates;
    out.claim_ratio_permille = claim.ratio_permille;
    out.claim_unreasonable = claim.unreasonable;
    out.suggested_category = (category.source == Source::Text).then_some(category.value);
    out.playbook = Playbook {
        talk: playbook::talk_for(c.personality),
        motive: playbook::motive_approach_for(c.motive),
        expectation: playbook::expectation_approach_for(c.expectation),
        remedy: playbook::remedy_for(category.value),
        strategy,
        steps,
    };
    out
}

/// The running sums per dimension and the reasons behind them.
struct Sums<'p> {
    policy: &'p Policy,
    raw: [i32; Dimension::COUNT],
    rows: crate::assessment::ReasonRows,
}

impl<'p> Sums<'p> {
    fn new(policy: &'p Policy) -> Sums<'p> {
        Sums {
            policy,
            raw: [0; Dimension::COUNT],
            rows: crate::assessment::ReasonRows::new(),
        }
    }

    /// Adds a factor's points; a factor whose points are all zero moves no
    /// score and is no reason.
    fn add(&mut self, factor: Factor, source: Source) {
        let points = self.policy.points.get(factor);
        if points == [0; Dimension::COUNT] {
            return;
        }
        for (sum, p) in self.raw.iter_mut().zip(points) {
            *sum += i32::from(p);
        }
        // At most one row per factor that can apply at once: never full.
        let _ = self.rows.push(ReasonRow {
            factor,
            source,
            points,
        });
    }

    /// Adds the highest band of `band` that `value` reaches, if any.
    fn add_band(&mut self, band: Band, value: u64, source: Source) {
        self.add_band_of(band, self.policy.band_thresholds(band), value, source);
    }

    /// Adds the highest band of `band` that `value` reaches by `thresholds`.
    fn add_band_of(&mut self, band: Band, thresholds: &[u64], value: u64, source: Source) {
        let reached = thresholds
            .iter()
            .filter(|threshold| value >= **threshold)
            .count();
        if reached > 0 {
            if let Some(factor) = Factor::band(band, reached - 1) {
                self.add(factor, source);
            }
        }
    }
}

/// High from the second threshold, medium from the first, else low.
fn level(score: u8, thresholds: [u8; 2]) -> Level {
    if score >= thresholds[1] {
        Level::High
    } else if score >= thresholds[0] {
        Level::Medium
    } else {
        Level::Low
    }
}

/// Management from the second threshold, specialist from the first.
fn tier_for(score: u8, thresholds: [u8; 2]) -> Tier {
    match level(score, thresholds) {
        Level::High => Tier::Management,
        Level::Medium => Tier::Specialist,
        Level::Low => Tier::Frontline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_tiers_follow_the_thresholds() {
        assert_eq!(level(59, [30, 60]), Level::Medium);
        assert_eq!(level(60, [30, 60]), Level::High);
        assert_eq!(level(29, [30, 60]), Level::Low);
        assert_eq!(tier_for(60, [30, 60]), Tier::Management);
        assert_eq!(tier_for(0, [30, 60]), Tier::Frontline);
    }

    use crate::codes::{Category, Personality};

    #[test]
    fn a_large_loss_nobody_else_hears_of_is_urgent() {
        // 200 000 yuan lost in a transaction, told to the hotline only:
        // severity high, impact low. By impact alone it waited at P3; by
        // the grade's seriousness (seed 001: 严重性和紧急程度) it is P1.
        let c = Complaint {
            category: Category::Transaction,
            direct_loss: 20_000_000,
            ..Complaint::default()
        };
        let policy = Policy::DEFAULT;
        let a = assess(&c, &policy);
        assert_eq!(
            (a.severity_level, a.impact_level),
            (Level::High, Level::Low)
        );
        assert_eq!(a.grade, Grade::Major);
        assert_eq!(a.priority, 1);
        assert_eq!(a, crate::assess(&c, &policy));
    }

    #[test]
    fn a_case_hard_enough_for_a_specialist_is_at_least_moderate() {
        // An industry expert's report of a system fault: difficulty 55,
        // severity and impact low. Seed 000's grading toolkit weighs
        // resolution difficulty (投诉解决难度), so the grade is moderate and
        // the priority follows it.
        let mut c = Complaint {
            category: Category::SystemSupport,
            personality: Personality::Analytical,
            ..Complaint::default()
        };
        c.profile.insert(Profile::IndustryExpert);
        let policy = Policy::DEFAULT;
        let a = assess(&c, &policy);
        assert_eq!(a.scores.difficulty, policy.difficulty_tiers[0]);
        assert_eq!((a.severity_level, a.impact_level), (Level::Low, Level::Low));
        assert_eq!(a.grade, Grade::Moderate);
        assert_eq!(a.tier, Tier::Specialist);
        assert_eq!(a.priority, 4);
        assert_eq!(a, crate::assess(&c, &policy));
    }
}

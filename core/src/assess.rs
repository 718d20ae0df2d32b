//! Grading: from a complaint and a policy to an assessment.
//!
//! The work is one pass over the factors that apply, each adding its row of
//! points from the policy table, then a few table lookups (levels, grade,
//! priority, tier, deadlines). It cannot fail, panic or allocate.

use crate::assessment::{Assessment, ReasonRow, ReasonRows, Scores, Source, TierBasis};
use crate::codes::{Dimension, Grade, HandlingFailure, Jurisdiction, Level, Tier};
use crate::complaint::Complaint;
use crate::factor::{self, Band, Factor, Points};
use crate::playbook::{self, Playbook, StrategyInput};
use crate::policy::Policy;

/// Grades one complaint. Total: never fails, panics or allocates.
///
/// ```
/// use complaint_triage::{assess, Category, Channel, Complaint, Policy, Threat, Tier};
///
/// let mut c = Complaint::default();
/// c.category = Category::Billing;
/// c.channel = Channel::Regulator;
/// c.threats.insert(Threat::Media);
/// let a = assess(&c, &Policy::DEFAULT);
/// assert!(a.scores.impact >= 60);
/// assert_ne!(a.tier, Tier::Frontline);
/// // The reasons of a dimension add up to its score.
/// let sum: i32 = a.reasons_for(complaint_triage::Dimension::Impact).map(|r| i32::from(r.points)).sum();
/// assert_eq!(sum, i32::from(a.scores.impact));
/// ```
pub fn assess(complaint: &Complaint, policy: &Policy) -> Assessment {
    let mut out = Assessment::EMPTY;
    assess_into(complaint, policy, &mut out);
    out
}

/// Grades one complaint into a caller-provided assessment (overwritten
/// entirely), which avoids moving the assessment on return.
pub fn assess_into(complaint: &Complaint, policy: &Policy, out: &mut Assessment) {
    out.rows.clear();
    let claim = claim_of(complaint, policy);
    let raw = sum_factors(complaint, policy, claim, &mut out.rows);
    let decision = decide(complaint, policy, &raw, claim);
    out.id.clone_from(&complaint.id);
    out.scores = decision.scores;
    out.raw_scores = raw;
    out.grade = decision.grade;
    out.tier = decision.tier;
    out.tier_basis = decision.tier_basis;
    out.severity_level = decision.severity_level;
    out.impact_level = decision.impact_level;
    out.urgency_level = decision.urgency_level;
    out.priority = decision.priority;
    out.first_response_minutes = decision.first_response_minutes;
    out.resolution_hours = decision.resolution_hours;
    out.resolution_capped = decision.resolution_capped;
    out.claim_ratio_permille = decision.claim.ratio_permille;
    out.claim_unreasonable = decision.claim.unreasonable;
    out.playbook = decision.playbook;
    out.text_cues = complaint.text_cues;
}

/// The decisions of an assessment, without its reasons: what high-volume
/// routing needs. Same numbers as [`assess`], computed without recording
/// reasons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decision {
    /// The five scores.
    pub scores: Scores,
    /// The grade.
    pub grade: Grade,
    /// The tier.
    pub tier: Tier,
    /// Which rule set the tier.
    pub tier_basis: TierBasis,
    /// Severity level.
    pub severity_level: Level,
    /// Impact level.
    pub impact_level: Level,
    /// Urgency level.
    pub urgency_level: Level,
    /// Priority 1 to 5.
    pub priority: u8,
    /// Minutes to the first response.
    pub first_response_minutes: u16,
    /// Hours to resolution.
    pub resolution_hours: u16,
    /// Whether the jurisdiction shortened the resolution deadline.
    pub resolution_capped: bool,
    /// The claim check.
    pub claim: ClaimCheck,
    /// The playbook.
    pub playbook: Playbook,
}

/// Grades one complaint without recording reasons.
pub fn decide_only(complaint: &Complaint, policy: &Policy) -> Decision {
    let claim = claim_of(complaint, policy);
    let raw = sum_factors(complaint, policy, claim, &mut NoRows);
    decide(complaint, policy, &raw, claim)
}

/// The claim-ratio rule of seed `000_d3bb18e70da591cc.txt` (高额补偿投诉处理).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClaimCheck {
    /// Claim / direct loss in thousandths, saturating; `None` without a direct loss.
    pub ratio_permille: Option<u32>,
    /// Claim above the limit (by default, above twice the direct loss; exactly twice is not).
    pub unreasonable: bool,
}

/// Checks a claim against the direct loss.
pub fn check_claim(direct_loss: u64, claimed_amount: u64, limit_permille: u32) -> ClaimCheck {
    let ratio_permille = (direct_loss > 0).then(|| {
        // Every amount a record can hold (up to MAX_AMOUNT) takes the
        // 64-bit division; only larger direct callers' values need 128 bits.
        let ratio = match claimed_amount.checked_mul(1000) {
            Some(scaled) => u128::from(scaled / direct_loss),
            None => u128::from(claimed_amount) * 1000 / u128::from(direct_loss),
        };
        u32::try_from(ratio).unwrap_or(u32::MAX)
    });
    let unreasonable =
        u128::from(claimed_amount) * 1000 > u128::from(direct_loss) * u128::from(limit_permille);
    ClaimCheck {
        ratio_permille,
        unreasonable,
    }
}

/// Where factor rows go: recorded, or not at all.
trait Rows {
    /// Whether rows are kept: without them, a factor with no points needs
    /// no test at all (adding zeros changes no sum).
    const RECORDS: bool = true;
    fn push(&mut self, row: ReasonRow);
}

impl Rows for ReasonRows {
    #[inline(always)]
    fn push(&mut self, row: ReasonRow) {
        // Capacity is one row per factor that can apply at once
        // (MAX_REASON_ROWS), so this cannot overflow; ignoring the result
        // keeps the path panic-free regardless.
        let _ = heapless::Vec::push(self, row);
    }
}

impl<R: Rows> Rows for &mut R {
    const RECORDS: bool = R::RECORDS;
    #[inline(always)]
    fn push(&mut self, row: ReasonRow) {
        (**self).push(row);
    }
}

struct NoRows;

impl Rows for NoRows {
    const RECORDS: bool = false;
    #[inline(always)]
    fn push(&mut self, _: ReasonRow) {}
}

/// Sums the points of the factors that apply, recording each in `rows`.
struct Summer<'p, R: Rows> {
    points: &'p [Points; factor::FACTOR_COUNT],
    raw: [i32; Dimension::COUNT],
    rows: R,
}

impl<R: Rows> Summer<'_, R> {
    #[inline(always)]
    fn add(&mut self, factor: Factor, source: Source) {
        let Some(points) = self.points.get(factor.index()) else {
            return;
        };
        if R::RECORDS && *points == [0; Dimension::COUNT] {
            return;
        }
        for (sum, p) in self.raw.iter_mut().zip(points) {
            *sum += i32::from(*p);
        }
        self.rows.push(ReasonRow {
            factor,
            source,
            points: *points,
        });
    }

    /// Adds the factor of each set bit of `bits`, in bit order.
    #[inline(always)]
    fn add_bits(&mut self, first: u8, mut bits: u16, field_bits: u16) {
        while bits != 0 {
            let bit = bits.trailing_zeros() as u8;
            bits &= bits - 1;
            let source = if field_bits & (1 << bit) != 0 {
                Source::Field
            } else {
                Source::Text
            };
            self.add(Factor(first + bit), source);
        }
    }

    /// Adds the highest band of `band` that `value` reaches, if any.
    #[inline(always)]
    fn add_band(&mut self, policy: &Policy, band: Band, value: u64) {
        let reached = policy
            .band_thresholds(band)
            .iter()
            .filter(|t| value >= **t)
            .count();
        if let Some(factor) = reached
            .checked_sub(1)
            .and_then(|level| Factor::band(band, level))
        {
            self.add(factor, Source::Field);
        }
    }

    #[inline(always)]
    fn add_if(&mut self, condition: bool, factor: Factor, source: Source) {
        if condition {
            self.add(factor, source);
        }
    }
}

/// The claim check of a complaint, computed once for both the factor it
/// adds and the ratio the assessment reports.
#[inline(always)]
fn claim_of(c: &Complaint, p: &Policy) -> ClaimCheck {
    check_claim(c.direct_loss, c.claimed_amount, p.claim_limit_permille)
}

fn sum_factors<R: Rows>(
    c: &Complaint,
    p: &Policy,
    claim: ClaimCheck,
    rows: R,
) -> [i32; Dimension::COUNT] {
    let mut s = Summer {
        points: &p.points,
        raw: [0; Dimension::COUNT],
        rows,
    };
    let f = Source::Field;
    s.add(Factor::category(c.category), f);
    s.add(Factor::channel(c.channel), f);
    s.add(Factor::customer_tier(c.customer_tier), f);
    s.add(Factor::personality(c.personality), f);
    s.add(Factor::motive(c.motive), f);
    s.add(Factor::expectation(c.expectation), f);
    s.add(Factor::liability(c.liability), f);
    s.add(Factor::evidence(c.evidence), f);

    s.add_band(p, Band::Tenure, u64::from(c.tenure_months));
    s.add_band(p, Band::Emotion, u64::from(c.emotion));
    s.add_band(p, Band::PriorContacts, u64::from(c.prior_contacts));
    s.add_band(p, Band::HoursOpen, u64::from(c.hours_open));
    s.add_band(p, Band::AffectedCustomers, u64::from(c.affected_customers));
    s.add_band(p, Band::DirectLoss, c.direct_loss);
    s.add_band(p, Band::Departments, u64::from(c.departments));

    s.add_if(c.indirect_loss_claimed, Factor::INDIRECT_LOSS_CLAIMED, f);
    s.add_if(c.beyond_authority, Factor::BEYOND_AUTHORITY, f);
    s.add_if(c.previously_compensated, Factor::PREVIOUSLY_COMPENSATED, f);
    s.add_if(c.safety_incident, Factor::SAFETY_INCIDENT, f);
    s.add_if(c.sensitive_period, Factor::SENSITIVE_PERIOD, f);
    s.add_if(
        claim.unreasonable,
        Factor::CLAIM_UNREASONABLE,
        Source::Derived,
    );
    s.add_if(
        c.text_cues.emotion_markers != 0,
        Factor::TEXT_STRONG_EMOTION,
        Source::Text,
    );

    let field_threats = c.threats.bits();
    let all_threats = field_threats | u16::from(c.text_cues.threats);
    let field_failures = c.handling_failures.bits();
    let text_failures = if c.text_cues.forbidden_phrases != 0 {
        1 << HandlingFailure::ForbiddenPhrase.index()
    } else {
        0
    };
    s.add_bits(factor::RIGHT, c.rights.bits(), u16::MAX);
    s.add_bits(factor::THREAT, all_threats, field_threats);
    s.add_bits(factor::PROFILE, c.profile.bits(), u16::MAX);
    s.add_bits(factor::MALICE, c.malice_signals.bits(), u16::MAX);
    s.add_bits(
        factor::FAILURE,
        field_failures | text_failures,
        field_failures,
    );
    s.raw
}

const fn level(score: u8, thresholds: [u8; 2]) -> Level {
    if score >= thresholds[1] {
        Level::High
    } else if score >= thresholds[0] {
        Level::Medium
    } else {
        Level::Low
    }
}

const fn tier_from(score: u8, thresholds: [u8; 2]) -> Tier {
    match level(score, thresholds) {
        Level::Low => Tier::Frontline,
        Level::Medium => Tier::Specialist,
        Level::High => Tier::Management,
    }
}

fn decide(c: &Complaint, p: &Policy, raw: &[i32; Dimension::COUNT], claim: ClaimCheck) -> Decision {
    let scores = Scores::from_raw(raw);
    let severity_level = level(scores.severity, p.severity_levels);
    let impact_level = level(scores.impact, p.impact_levels);
    let urgency_level = level(
        scores.severity.max(scores.escalation_risk),
        p.urgency_levels,
    );

    let mut grade = p.grade_for(severity_level, impact_level);
    let mut priority = p.priority_for(impact_level, urgency_level);
    if c.safety_incident {
        grade = grade.max(p.safety_min_grade);
        priority = priority.min(p.safety_max_priority);
    }

    let mut tier = p.tier_by_grade[grade as usize];
    let mut tier_basis = TierBasis::Grade;
    let mut raise = |to: Tier, basis: TierBasis| {
        if to > tier {
            tier = to;
            tier_basis = basis;
        }
    };
    raise(
        tier_from(scores.difficulty, p.difficulty_tiers),
        TierBasis::Difficulty,
    );
    raise(tier_from(scores.malice, p.malice_tiers), TierBasis::Malice);
    if c.beyond_authority {
        raise(p.beyond_authority_tier, TierBasis::Authority);
    }

    let cap_minutes = p
        .first_response_cap_minutes
        .get(usize::from(priority).wrapping_sub(1))
        .copied()
        .unwrap_or(u16::MAX);
    let first_response_minutes = p.first_response_minutes[tier as usize].min(cap_minutes);
    let mut resolution_hours = p.resolution_hours[tier as usize];
    let mut resolution_capped = false;
    if c.jurisdiction != Jurisdiction::None {
        let cap = p.jurisdiction_cap_hours[c.jurisdiction as usize];
        if cap < resolution_hours {
            resolution_hours = cap;
            resolution_capped = true;
        }
    }

    let emotion_high = p
        .band_thresholds(Band::Emotion)
        .get(1)
        .is_some_and(|t| u64::from(c.emotion) >= *t);
    let strategy = playbook::strategy_for(&StrategyInput {
        malice: scores.malice,
        malice_tiers: p.malice_tiers,
        safety_incident: c.safety_incident,
        grade,
        tier,
        profile: c.profile,
        motive: c.motive,
        emotion_high,
        expectation: c.expectation,
        personality: c.personality,
    });
    let playbook = Playbook {
        talk: playbook::talk_for(c.personality),
        motive: playbook::motive_approach_for(c.motive),
        expectation: playbook::expectation_approach_for(c.expectation),
        remedy: playbook::remedy_for(c.category),
        strategy,
    };

    Decision {
        scores,
        grade,
        tier,
        tier_basis,
        severity_level,
        impact_level,
        urgency_level,
        priority,
        first_response_minutes,
        resolution_hours,
        resolution_capped,
        claim,
        playbook,
    }
}

//! Grading: from a complaint and a policy to an assessment.
//!
//! The work is one pass over the factors that apply, each adding its row of
//! points from the policy table, then a few table lookups (levels, grade,
//! priority, tier, deadlines). It cannot fail, panic or allocate.
//!
//! This file holds the entry points. The grading they run is written for
//! speed in `fast` (`assess/fast.rs`); the same rules written plainly, to
//! read and to change first, are in [`crate::reference`], and a property
//! test keeps the two equal.

mod fast;

use crate::assessment::{Assessment, ReasonRow, ReasonRows, Scores, TierBasis};
use crate::codes::{Dimension, Grade, Level, Tier};
use crate::complaint::Complaint;
use crate::div64::div;
use crate::fields::ComplaintFields;
use crate::playbook::Playbook;
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
    let mut out = Assessment::new();
    assess_into(complaint, policy, &mut out);
    out
}

/// Grades one complaint into a caller-provided assessment (overwritten
/// entirely), which avoids moving the assessment on return.
pub fn assess_into(complaint: &Complaint, policy: &Policy, out: &mut Assessment) {
    out.rows.clear();
    let (decision, raw_scores) = assess_with(complaint, policy, &mut out.rows);
    out.id.clone_from(&complaint.id);
    out.scores = decision.scores;
    out.raw_scores = raw_scores;
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
    out.regulatory_deadline_hours = decision.regulatory_deadline_hours;
    out.past_regulatory_deadline = decision.past_regulatory_deadline;
    out.follow_up_hours = decision.follow_up_hours;
    out.gates = decision.gates;
    out.claim_ratio_permille = decision.claim.ratio_permille;
    out.claim_unreasonable = decision.claim.unreasonable;
    out.playbook = decision.playbook;
    out.suggested_category = decision.suggested_category;
    out.text_cues = complaint.text_cues;
}

/// Grades one complaint, handing each reason row to `rows` as it is found
/// and returning the decisions with the raw scores (the sums per
/// dimension before clamping, as in [`Assessment::raw_scores`]):
/// [`assess_into`] without the [`Assessment`], for callers that keep rows
/// in storage of their own (a C caller's struct, a column of a batch). The
/// complaint is read through [`ComplaintFields`]: a [`Complaint`], or a
/// record in a layout of the caller's.
///
/// The raw scores are returned beside the [`Decision`] rather than in it,
/// so that [`decide_only`]'s result stays small for batches.
///
/// ```
/// use complaint_triage::{assess, assess_with, Complaint, Policy, ReasonRows, Threat};
///
/// let mut c = Complaint::default();
/// c.threats.insert(Threat::Media);
/// let mut rows = ReasonRows::new();
/// let (decision, raw_scores) = assess_with(&c, &Policy::DEFAULT, &mut rows);
/// let a = assess(&c, &Policy::DEFAULT);
/// assert_eq!((decision.scores, raw_scores), (a.scores, a.raw_scores));
/// assert_eq!(rows, a.rows);
/// ```
#[inline]
pub fn assess_with<C: ComplaintFields + ?Sized, S: ReasonSink>(
    complaint: &C,
    policy: &Policy,
    rows: &mut S,
) -> (Decision, [i32; Dimension::COUNT]) {
    fast::grade(complaint, policy, rows)
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
    /// Hours left before the nearest regulatory deadline; `None` without one.
    pub regulatory_deadline_hours: Option<u16>,
    /// Whether a regulatory deadline has passed.
    pub past_regulatory_deadline: bool,
    /// Hours after resolution to call the customer back.
    pub follow_up_hours: u16,
    /// The gates whose condition holds.
    pub gates: crate::FlagSet<crate::Gate>,
    /// The claim check.
    pub claim: ClaimCheck,
    /// The playbook.
    pub playbook: Playbook,
    /// The category the text suggested for a record that gave none, as
    /// [`Assessment::suggested_category`].
    pub suggested_category: Option<crate::Category>,
}

/// Grades one complaint without recording reasons.
#[inline]
pub fn decide_only(complaint: &Complaint, policy: &Policy) -> Decision {
    fast::grade(complaint, policy, &mut NoRows).0
}

/// Where a complaint stands against its regulators' deadlines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RegulatoryClock {
    /// Hours left before the nearest deadline (0 once past); `None` when
    /// none applies.
    pub hours_left: Option<u16>,
    /// Whether a deadline has passed (reached counts as passed).
    pub past: bool,
}

/// The regulatory deadlines of a complaint: the jurisdiction's outer limit
/// counted from when it was first raised (`hours_open`), and the deadline
/// its regulator sets, counted from when it reached the regulator
/// (`hours_since_regulator`) while its channel is a regulator or an
/// ombudsman. Shared, as plain code, by both gradings.
#[inline]
pub fn regulatory_clock<C: ComplaintFields + ?Sized>(c: &C, policy: &Policy) -> RegulatoryClock {
    let j = c.jurisdiction();
    let at_regulator = matches!(
        c.channel(),
        crate::Channel::Regulator | crate::Channel::Ombudsman
    );
    let limit = |hours: &[u16; crate::Jurisdiction::COUNT]| {
        hours
            .get(j as usize)
            .copied()
            .unwrap_or(crate::policy::NO_LIMIT)
    };
    let (cap, clock) = (
        limit(&policy.jurisdiction_cap_hours),
        limit(&policy.regulator_clock_hours),
    );
    // Both deadlines are worked out whether they apply or not, and combined
    // without branches (`&`, `|`): graded on every record.
    let has_jurisdiction = j != crate::Jurisdiction::None;
    let has_cap = has_jurisdiction & (cap != crate::policy::NO_LIMIT);
    let has_clock = has_jurisdiction & at_regulator & (clock != crate::policy::NO_LIMIT);
    let cap_left = u32::from(cap).saturating_sub(c.hours_open());
    let clock_left = u32::from(clock).saturating_sub(c.hours_since_regulator());
    let past = (has_cap & (cap_left == 0)) | (has_clock & (clock_left == 0));
    let left = core::hint::select_unpredictable(has_cap, cap_left, u32::MAX).min(
        core::hint::select_unpredictable(has_clock, clock_left, u32::MAX),
    );
    RegulatoryClock {
        // Left of a u16 limit, so it fits.
        hours_left: (has_cap | has_clock).then_some(u16::try_from(left).unwrap_or(u16::MAX)),
        past,
    }
}

/// The claim-ratio rule of seed `000_d3bb18e70da591cc.txt` (高额补偿投诉处理).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClaimCheck {
    /// Claim / direct loss in thousandths, saturating; `None` without a direct loss.
    pub ratio_permille: Option<u32>,
    /// Claim above the limit (by default, above twice the direct loss;
    /// exactly twice is not). Never without a direct loss: a loss that was
    /// not recorded says nothing about the claim.
    pub unreasonable: bool,
}

/// Checks a claim against the direct loss. The seed's rule weighs the claim
/// against a loss that is known (客户的索赔额有没有超直接损失的2倍); with no direct
/// loss recorded (0, the field's default) there is nothing to weigh it
/// against, so the claim is not called unreasonable.
pub fn check_claim(direct_loss: u64, claimed_amount: u64, limit_permille: u32) -> ClaimCheck {
    let ratio_permille = (direct_loss > 0).then(|| {
        // Every amount a record can hold (up to MAX_AMOUNT) takes the
        // 64-bit division; only larger direct callers' values need 128 bits.
        let ratio = match claimed_amount.checked_mul(1000) {
            Some(scaled) => u128::from(div(scaled, direct_loss)),
            None => u128::from(claimed_amount) * 1000 / u128::from(direct_loss),
        };
        u32::try_from(ratio).unwrap_or(u32::MAX)
    });
    let unreasonable = direct_loss > 0
        && u128::from(claimed_amount) * 1000 > u128::from(direct_loss) * u128::from(limit_permille);
    ClaimCheck {
        ratio_permille,
        unreasonable,
    }
}

/// Where [`assess_with`] puts reason rows.
///
/// Grading calls [`push_if`](ReasonSink::push_if) once for every factor it
/// considers, in factor order, whether or not the factor moved a score:
/// factors apply or not at random from one record to the next, and a
/// mispredicted branch costs more than a row written and then dropped. It
/// is called at most [`MAX_REASON_ROWS`](crate::MAX_REASON_ROWS) times per grading, so a sink of
/// that capacity never overflows.
pub trait ReasonSink {
    /// Whether the sink keeps rows at all. With `false`, grading never
    /// calls [`push_if`](ReasonSink::push_if) and skips reading each
    /// factor's points as written.
    const RECORDS: bool = true;
    /// Appends `row` when `keep`; drops it otherwise.
    fn push_if(&mut self, keep: bool, row: ReasonRow);
}

impl ReasonSink for ReasonRows {
    // Inlined for speed (grading calls it once per factor), but with the `small-flash`
    // feature: the firmware then carries the push once, not at every factor.
    #[cfg_attr(not(feature = "small-flash"), inline(always))]
    #[cfg_attr(feature = "small-flash", inline(never))]
    fn push_if(&mut self, keep: bool, row: ReasonRow) {
        let len = self.len();
        // Capacity is one row per factor that can apply at once
        // (MAX_REASON_ROWS), so the push cannot fail; ignoring the result
        // keeps the path panic-free regardless.
        let _ = heapless::Vec::push(self, row);
        self.truncate(len + usize::from(keep));
    }
}

impl<S: ReasonSink> ReasonSink for &mut S {
    const RECORDS: bool = S::RECORDS;
    #[inline(always)]
    fn push_if(&mut self, keep: bool, row: ReasonRow) {
        (**self).push_if(keep, row);
    }
}

/// The sink of [`decide_only`]: keeps no row.
struct NoRows;

impl ReasonSink for NoRows {
    const RECORDS: bool = false;
    #[inline(always)]
    fn push_if(&mut self, _: bool, _: ReasonRow) {}
}

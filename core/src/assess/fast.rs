//! Grading written for speed: the rules of [`crate::reference`], computed
//! without branches where the data decides (a record's factors apply or
//! not at random, and a mispredicted branch costs more than the work it
//! would skip), with every factor's points added as one packed 128-bit row
//! (see `points.rs`) and the whole grading inlined into its callers (so
//! that a batch's results are built where they are kept).
//!
//! Every rule here must say what [`crate::reference`] says:
//! `fast_grading_equals_the_reference` in `core/tests/properties.rs` compares
//! the two on generated complaints and policies.

use super::{check_claim, regulatory_clock, ClaimCheck, Decision, ReasonSink};
use crate::assessment::{ReasonRow, Scores, Source, TierBasis, MAX_REASON_ROWS};
use crate::codes::{
    Category, Dimension, Grade, HandlingFailure, Level, MaliceSignal, Profile, Right, SafetyLevel,
    Threat, Tier, Vulnerability,
};
use crate::factor::{self, Band, Factor};
use crate::fields::ComplaintFields;
use crate::flags::FlagSet;
use crate::gates::{gates_that_apply, safety_level, Gate, GateFloor};
use crate::merge::{self, Merged};
use crate::playbook::{self, Playbook, StrategyInput};
use crate::points::{self, PointsTable};
use crate::policy::{seriousness, Policy};
use crate::tier_rules;

/// [`assess_with`], always inlined: [`decide_only`] must be, so that its
/// 36-byte result is built where the caller keeps it rather than returned
/// through the stack and read back right after its narrow stores (a
/// store-forwarding stall on every record of a batch).
#[inline(always)]
pub(super) fn grade<C: ComplaintFields + ?Sized, S: ReasonSink>(
    complaint: &C,
    policy: &Policy,
    rows: &mut S,
) -> (Decision, [i32; Dimension::COUNT]) {
    // Read once: the loss for both its band and the claim check, the
    // category for both its points and the remedy.
    let direct_loss = merge::direct_loss(complaint);
    let claim = claim_of(complaint, policy, direct_loss);
    let category = merge::category(complaint);
    let raw = sum_factors(complaint, policy, claim, direct_loss, category, rows);
    (decide(complaint, policy, &raw, claim, category), raw)
}

/// Sums the points of the factors that apply, recording each in `rows`.
struct Summer<'p, R: ReasonSink> {
    points: &'p PointsTable,
    /// The packed rows added so far (see [`crate::points`]). Added with
    /// wrapping: rows packed by [`PointsTable`] never carry out of the top
    /// lane, but a table overwritten behind its back (a C caller's policy
    /// storage) must give some scores, never a panic.
    packed: u128,
    /// How many packed rows were added (applying or not).
    adds: i32,
    rows: R,
}

const _: () = assert!(MAX_REASON_ROWS <= points::MAX_ADDS.unsigned_abs() as usize);

impl<R: ReasonSink> Summer<'_, R> {
    /// Adds `factor` when `applies`. Branch-free: a factor that does not
    /// apply adds the packed zero row instead.
    #[inline(always)]
    fn add_if(&mut self, applies: bool, factor: Factor, source: Source) {
        let index = core::hint::select_unpredictable(applies, factor.index(), points::NOT_APPLYING);
        self.adds += 1;
        if R::RECORDS {
            let (points, packed) = self.points.row_at(index);
            self.packed = self.packed.wrapping_add(packed);
            self.rows.push_if(
                points::moves(packed),
                ReasonRow {
                    factor,
                    source,
                    points,
                },
            );
        } else {
            self.packed = self.packed.wrapping_add(self.points.packed_at(index));
        }
    }

    #[inline(always)]
    fn add(&mut self, factor: Factor, source: Source) {
        self.add_if(true, factor, source);
    }

    /// Adds the factor of each set bit of `bits` (bit `i` is factor
    /// `first + i`), in bit order; a bit also set in `field_bits` came from
    /// a field, any other from the text. One loop over every list of the
    /// record: most records have no list value at all or one or two, so
    /// its exit is mostly predicted.
    #[inline(always)]
    fn add_bits(&mut self, first: u8, mut bits: u64, field_bits: u64) {
        while bits != 0 {
            let bit = bits.trailing_zeros();
            bits &= bits - 1;
            let source = core::hint::select_unpredictable(
                field_bits & (1 << bit) != 0,
                Source::Field,
                Source::Text,
            );
            self.add(Factor(first + bit as u8), source);
        }
    }

    /// Adds the highest band of `band` that `value` reaches, if any: the
    /// band numbered by how many thresholds `value` reaches.
    #[inline(always)]
    fn add_band(&mut self, policy: &Policy, band: Band, value: u64, source: Source) {
        self.add_band_of(band, policy.band_thresholds(band), value, source);
    }

    /// [`Summer::add_band`] by the given thresholds (a currency's money bands).
    #[inline(always)]
    fn add_band_of(&mut self, band: Band, thresholds: &[u64], value: u64, source: Source) {
        let reached = thresholds
            .iter()
            .fold(0usize, |n, t| n + usize::from(value >= *t));
        let factor = Factor::band(band, reached.saturating_sub(1));
        let factor = factor.unwrap_or(Factor(0));
        self.add_if(reached > 0, factor, source);
    }
}

/// The claim check of a complaint, computed once for both the factor it
/// adds and the ratio the assessment reports, against the merged
/// `direct_loss`.
#[inline(always)]
fn claim_of<C: ComplaintFields + ?Sized>(
    c: &C,
    p: &Policy,
    direct_loss: Merged<u64>,
) -> ClaimCheck {
    let claimed = merge::claimed_amount(c);
    check_claim(
        merge::claim_basis(direct_loss, claimed),
        claimed.value,
        p.claim_limit_permille,
    )
}

#[inline(always)]
fn sum_factors<C: ComplaintFields + ?Sized, R: ReasonSink>(
    c: &C,
    p: &Policy,
    claim: ClaimCheck,
    direct_loss: Merged<u64>,
    category: Merged<Category>,
    rows: R,
) -> [i32; Dimension::COUNT] {
    let mut s = Summer {
        points: &p.points,
        packed: 0,
        adds: 0,
        rows,
    };
    let f = Source::Field;
    s.add(Factor::category(category.value), category.source);
    s.add(Factor::channel(c.channel()), f);
    s.add(Factor::customer_tier(c.customer_tier()), f);
    s.add(Factor::personality(c.personality()), f);
    s.add(Factor::motive(c.motive()), f);
    s.add(Factor::expectation(c.expectation()), f);
    s.add(Factor::liability(c.liability()), f);
    s.add(Factor::evidence(c.evidence()), f);
    s.add(Factor::causal_link(c.causal_link()), f);

    // What the text raised (`core/src/merge.rs`).
    let safety = merge::safety(c);
    let prior_contacts = merge::prior_contacts(c);
    let hours_waited = merge::hours_waited(c);
    let affected = merge::affected_customers(c, p);
    let currency = merge::currency(c);
    let data_breach = merge::data_breach(c);

    s.add_band(p, Band::Tenure, u64::from(c.tenure_months()), f);
    s.add_band(p, Band::Emotion, u64::from(c.emotion()), f);
    s.add_band(
        p,
        Band::PriorContacts,
        u64::from(prior_contacts.value),
        prior_contacts.source,
    );
    s.add_band(
        p,
        Band::HoursOpen,
        u64::from(hours_waited.value),
        hours_waited.source,
    );
    s.add_band(
        p,
        Band::AffectedCustomers,
        u64::from(affected.value),
        affected.source,
    );
    s.add_band_of(
        Band::DirectLoss,
        p.money_thresholds(currency.value),
        direct_loss.value,
        direct_loss.source,
    );
    s.add_band(p, Band::Departments, u64::from(c.departments()), f);

    s.add_if(c.indirect_loss_claimed(), Factor::INDIRECT_LOSS_CLAIMED, f);
    s.add_if(c.beyond_authority(), Factor::BEYOND_AUTHORITY, f);
    s.add_if(
        c.previously_compensated(),
        Factor::PREVIOUSLY_COMPENSATED,
        f,
    );
    s.add_if(
        safety.value >= SafetyLevel::Injury,
        Factor::SAFETY_INCIDENT,
        safety.source,
    );
    s.add_if(c.sensitive_period(), Factor::SENSITIVE_PERIOD, f);
    s.add_if(
        claim.unreasonable,
        Factor::CLAIM_UNREASONABLE,
        Source::Derived,
    );
    s.add_if(
        c.text_cues().emotion_markers != 0,
        Factor::TEXT_STRONG_EMOTION,
        Source::Text,
    );
    s.add_if(data_breach.value, Factor::DATA_BREACH, data_breach.source);

    let field_failures = c.handling_failures().bits();
    let text_failures = merge::text_handling_failures(c);
    let field_lists = ListBits::new()
        .then(c.rights().bits(), Right::COUNT)
        .then(c.threats().bits(), Threat::COUNT)
        .then(c.profile().bits(), Profile::COUNT)
        .then(c.malice_signals().bits(), MaliceSignal::COUNT)
        .then(field_failures, HandlingFailure::COUNT)
        .then(c.vulnerability().bits(), Vulnerability::COUNT);
    let text_lists = ListBits::new()
        .then(0, Right::COUNT)
        .then(u16::from(c.text_cues().threats), Threat::COUNT)
        .then(0, Profile::COUNT)
        .then(c.text_cues().malice_signals, MaliceSignal::COUNT)
        .then(text_failures, HandlingFailure::COUNT)
        .then(u16::from(c.text_cues().vulnerability), Vulnerability::COUNT);
    s.add_bits(
        factor::RIGHT,
        field_lists.bits | text_lists.bits,
        field_lists.bits,
    );
    points::unpack_sum(s.packed, s.adds)
}

/// The list fields' bits side by side in one word, in factor order: the
/// list factors are numbered contiguously from [`factor::RIGHT`], one range
/// per list.
struct ListBits {
    bits: u64,
    width: u32,
}

const _: () = assert!(
    (factor::TENURE - factor::RIGHT) as usize
        == Right::COUNT
            + Threat::COUNT
            + Profile::COUNT
            + MaliceSignal::COUNT
            + HandlingFailure::COUNT
            + Vulnerability::COUNT
);
const _: () = assert!((factor::TENURE - factor::RIGHT) as usize <= 64);

impl ListBits {
    const fn new() -> ListBits {
        ListBits { bits: 0, width: 0 }
    }

    /// Appends a list of `count` values (bits past `count` are dropped).
    #[inline(always)]
    const fn then(self, bits: u16, count: usize) -> ListBits {
        let mask = (1u64 << count) - 1;
        ListBits {
            bits: self.bits | ((bits as u64 & mask) << self.width),
            width: self.width + count as u32,
        }
    }
}

/// The level of `score`: high from `thresholds[1]`, else medium from
/// `thresholds[0]`, else low (so with unordered thresholds, high wins).
#[inline(always)]
fn level(score: u8, thresholds: [u8; 2]) -> Level {
    let medium_or_low =
        core::hint::select_unpredictable(score >= thresholds[0], Level::Medium, Level::Low);
    core::hint::select_unpredictable(score >= thresholds[1], Level::High, medium_or_low)
}

#[inline(always)]
fn tier_from(score: u8, thresholds: [u8; 2]) -> Tier {
    TIER_BY_LEVEL[level(score, thresholds) as usize]
}

const TIER_BY_LEVEL: [Tier; 3] = [Tier::Frontline, Tier::Specialist, Tier::Management];

/// The combined floor of the gates in `fired` ([`crate::gates::floor_of`]),
/// visiting only the gates that apply (one or two, when any).
#[inline(always)]
fn floor_of(fired: FlagSet<Gate>, floors: &[GateFloor; Gate::COUNT]) -> GateFloor {
    let mut out = GateFloor::NONE;
    let mut bits = fired.bits();
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        out = out.max(floors.get(i).copied().unwrap_or(GateFloor::NONE));
    }
    out
}

/// Raises `tier` to `to` when `to` is higher, recording why. Branch-free.
#[inline(always)]
fn raise(tier: &mut (Tier, TierBasis), to: Tier, basis: TierBasis) {
    *tier = core::hint::select_unpredictable(to > tier.0, (to, basis), *tier);
}

#[inline(always)]
fn decide<C: ComplaintFields + ?Sized>(
    c: &C,
    p: &Policy,
    raw: &[i32; Dimension::COUNT],
    claim: ClaimCheck,
    category: Merged<Category>,
) -> Decision {
    let scores = Scores::from_raw(raw);
    let severity_level = level(scores.severity, p.severity_levels);
    let impact_level = level(scores.impact, p.impact_levels);
    let urgency_level = level(
        scores.severity.max(scores.escalation_risk),
        p.urgency_levels,
    );

    // Gates and the regulator's clock: plain code shared with the
    // reference (few records meet any gate, so their branches are mostly
    // predicted).
    let clock = regulatory_clock(c, p);
    let gates = gates_that_apply(c, p, clock.past);
    let floor = floor_of(gates, &p.gates);
    let (settled, clear_cut) = tier_rules::settle_clear_cut(
        c,
        p,
        p.grade_for(severity_level, impact_level),
        impact_level,
    );
    let at_least_moderate =
        |yes: bool| core::hint::select_unpredictable(yes, Grade::Moderate, Grade::Minor);
    let without_profile = settled.max(at_least_moderate(
        (scores.difficulty >= p.difficulty_tiers[0]) | tier_rules::needs_coordination(c, p),
    ));
    let profile_tier = tier_rules::profile_tier(c, p);
    let by_points = without_profile.max(at_least_moderate(profile_tier > Tier::Frontline));
    let grade = by_points.max(floor.grade);
    let priority = p
        .priority_for(seriousness(by_points), urgency_level)
        .min(floor.priority);

    let grade_basis = core::hint::select_unpredictable(
        grade > without_profile.max(floor.grade),
        TierBasis::Profile,
        core::hint::select_unpredictable(
            clear_cut & (grade == Grade::Minor),
            TierBasis::ClearCut,
            TierBasis::Grade,
        ),
    );
    let mut tier = (p.tier_by_grade[grade as usize], grade_basis);
    raise(
        &mut tier,
        tier_from(scores.difficulty, p.difficulty_tiers),
        TierBasis::Difficulty,
    );
    raise(
        &mut tier,
        tier_from(scores.malice, p.malice_tiers),
        TierBasis::Malice,
    );
    raise(&mut tier, profile_tier, TierBasis::Profile);
    let authority_tier = core::hint::select_unpredictable(
        tier_rules::beyond_authority(c, p),
        p.beyond_authority_tier,
        Tier::Frontline,
    );
    raise(&mut tier, authority_tier, TierBasis::Authority);
    raise(&mut tier, floor.tier, TierBasis::Gate);
    let (tier, tier_basis) = tier;

    let by_priority = usize::from(priority).wrapping_sub(1);
    let cap_minutes = p
        .first_response_cap_minutes
        .get(by_priority)
        .copied()
        .unwrap_or(u16::MAX);
    let first_response_minutes = p.first_response_minutes[tier as usize].min(cap_minutes);
    let priority_hours = p
        .resolution_hours
        .get(by_priority)
        .copied()
        .unwrap_or(u16::MAX);
    let left = clock.hours_left.unwrap_or(u16::MAX);
    let resolution_capped = clock.hours_left.is_some() & !clock.past & (left < priority_hours);
    let resolution_hours =
        core::hint::select_unpredictable(resolution_capped, left, priority_hours);
    let follow_up_hours = p
        .follow_up_hours
        .get(by_priority)
        .copied()
        .unwrap_or(u16::MAX);

    let emotion_high = p
        .band_thresholds(Band::Emotion)
        .get(1)
        .is_some_and(|t| u64::from(c.emotion()) >= *t);
    let strategy = playbook::strategy_for(&StrategyInput {
        malice: scores.malice,
        malice_tiers: p.malice_tiers,
        safety_incident: safety_level(c) >= SafetyLevel::Injury,
        legal_track: gates.contains(Gate::MaliceTrack),
        grade,
        tier,
        profile: c.profile(),
        motive: c.motive(),
        emotion_high,
        expectation: c.expectation(),
        personality: c.personality(),
    });
    let playbook = Playbook {
        talk: playbook::talk_for(c.personality()),
        motive: playbook::motive_approach_for(c.motive()),
        expectation: playbook::expectation_approach_for(c.expectation()),
        remedy: playbook::remedy_for(category.value),
        strategy,
        steps: playbook::steps_for(c.channel(), c.customer_tier(), tier, gates),
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
        regulatory_deadline_hours: clock.hours_left,
        past_regulatory_deadline: clock.past,
        follow_up_hours,
        gates,
        claim,
        playbook,
        suggested_category: (category.source == Source::Text).then_some(category.value),
    }
}

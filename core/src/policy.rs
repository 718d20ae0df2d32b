//! The policy: every weight, threshold and deadline the grading uses.
//!
//! Nothing in the scoring code holds a number of its own; it reads them all
//! from a [`Policy`]. [`Policy::DEFAULT`] is the documented default rubric
//! (see `core/RUBRIC.md`, generated from it). A JSON policy overrides any
//! subset of the default (see [`crate::parse_policy`]).

use crate::codes::{Currency, Dimension, Grade, Jurisdiction, Level, Profile, Tier};
use crate::factor::{Band, Points, FACTOR_COUNT, TABLE};
use crate::gates::{Gate, GateFloor};
use crate::points::PointsTable;

/// Thresholds of one banded field: band `i` applies from `thresholds[i]` up.
/// Only the first [`Band::levels`] entries are used.
pub type BandThresholds = [u64; Band::MAX_LEVELS];

/// How many money bands `direct_loss` has, in every currency.
pub const MONEY_LEVELS: usize = Band::DirectLoss.levels();

/// The currencies that have money bands of their own: every ISO 4217 code
/// of [`Currency`] (all but `unspecified`), in vocabulary order.
pub const ISO_CURRENCIES: usize = Currency::COUNT - 1;

// `money_thresholds` reads row `index - 1`: the first value is the one
// without a row.
const _: () = assert!(matches!(Currency::ALL[0], Currency::Unspecified));

/// Points of the improvement-effect evaluation of a closed complaint
/// (seed `001_bf48436fc09b92e7.txt`, 投诉处理的效果评估与改进; seed
/// `000_d3bb18e70da591cc.txt`, 投诉改善效果).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EffectPolicy {
    /// Starting score before any outcome factor.
    pub base: i16,
    /// Resolved at the first contact.
    pub first_contact: i16,
    /// Resolved within the resolution deadline.
    pub on_time: i16,
    /// Resolved late, within `very_late_factor` times the deadline.
    pub late: i16,
    /// Resolved later than `very_late_factor` times the deadline.
    pub very_late: i16,
    /// How many deadlines make "very late".
    pub very_late_factor: u8,
    /// Points for a satisfaction of 1 to 5.
    pub satisfaction: [i16; 5],
    /// Reopened after closure.
    pub reopened: i16,
    /// Same customer, same issue, within 30 days.
    pub repeat_within_30_days: i16,
    /// The root cause was fixed.
    pub root_cause_fixed: i16,
}

/// Every number the grading uses.
///
/// Laid out in declaration order (`repr(C)`) so that the bytes holding
/// grades, tiers and priorities (`grade_matrix` to `gates`) stay together
/// whatever is added: the C library checks a caller's copy of them in
/// place, a few 16-byte windows at a time (ffi-c/src/policy.rs).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Policy {
    /// Points of each factor.
    pub points: PointsTable,
    /// Band thresholds of each numeric field (indexed by [`Band`]).
    pub bands: [BandThresholds; 7],
    /// Thresholds of `direct_loss` for a record that names its currency,
    /// in that currency's minor units, one row per ISO currency of
    /// [`Currency`] (`CNY` first). A record without a currency uses
    /// `bands[DirectLoss]`, the policy's default currency.
    pub money_bands: [[u64; MONEY_LEVELS]; ISO_CURRENCIES],
    /// Severity from which the severity level is medium, then high.
    pub severity_levels: [u8; 2],
    /// Impact from which the impact level is medium, then high.
    pub impact_levels: [u8; 2],
    /// Urgency (the larger of severity and escalation risk) from which the
    /// urgency level is medium, then high.
    pub urgency_levels: [u8; 2],
    /// Grade by severity level (rows) and impact level (columns), low to high.
    pub grade_matrix: [[Grade; 3]; 3],
    /// Priority by seriousness level (rows: how serious the grade the points
    /// give is, minor low, moderate medium, major and critical high) and
    /// urgency level (columns), low to high.
    pub priority_matrix: [[u8; 3]; 3],
    /// Handling tier for each grade.
    pub tier_by_grade: [Tier; 4],
    /// Lowest tier when the remedy is beyond the front line's authority.
    pub beyond_authority_tier: Tier,
    // Grade and tier bytes kept next to each other: the C library checks
    // them in 16-byte windows (ffi-c/src/policy.rs).
    /// Lowest tier for a customer of each profile (indexed by
    /// [`Profile`]); a profile whose tier is above the front line also
    /// makes the grade at least moderate, as a case hard enough for a
    /// specialist is.
    pub profile_tiers: [Tier; Profile::COUNT],
    /// The highest grade by points that a clear-cut complaint (our own
    /// fault, verified, an ask the front line can meet, heard by nobody
    /// else) is settled at as minor; `minor` turns the rule off.
    pub clear_cut_max_grade: Grade,
    /// The floor each gate sets when its condition holds (indexed by
    /// [`Gate`]; see `core/src/gates.rs` for the conditions).
    pub gates: [GateFloor; Gate::COUNT],
    /// Difficulty from which the tier is at least specialist, then management.
    pub difficulty_tiers: [u8; 2],
    /// Malice from which the tier is at least specialist, then management:
    /// a suspected malicious complaint goes to a level that can protect the
    /// company; it is never deprioritised.
    pub malice_tiers: [u8; 2],
    /// Customers affected from which the gates `several_affected`,
    /// `mass_incident` and `wide_outage` apply.
    pub affected_gate_customers: [u32; 3],
    /// Minutes to the first response, by tier.
    pub first_response_minutes: [u16; 3],
    /// Upper bound of the first-response minutes, by priority 1 to 5.
    pub first_response_cap_minutes: [u16; 5],
    /// Hours to resolution, by priority 1 to 5 (P1 the tightest), counted
    /// from the assessment.
    pub resolution_hours: [u16; 5],
    /// The regulator's outer limit on the business's resolution, in hours
    /// from when the complaint was first raised (`hours_open`), by
    /// jurisdiction. [`NO_LIMIT`] (and `none`) has none.
    pub jurisdiction_cap_hours: [u16; Jurisdiction::COUNT],
    /// The deadline a regulator sets the business, in hours from when the
    /// complaint reached the regulator or ombudsman
    /// (`hours_since_regulator`), by jurisdiction; it runs only while the
    /// complaint's channel is `regulator` or `ombudsman`. [`NO_LIMIT`] has none.
    pub regulator_clock_hours: [u16; Jurisdiction::COUNT],
    /// Hours after resolution within which to call the customer back (回访),
    /// by priority 1 to 5.
    pub follow_up_hours: [u16; 5],
    /// Claim ratio (claim / direct loss) above which a claim is unreasonable,
    /// in thousandths: 2000 means "above twice the direct loss".
    pub claim_limit_permille: u32,
    /// Points of the improvement-effect evaluation.
    pub effect: EffectPolicy,
}

const fn default_points() -> [Points; FACTOR_COUNT] {
    let mut points = [[0; Dimension::COUNT]; FACTOR_COUNT];
    let mut i = 0;
    while i < FACTOR_COUNT {
        points[i] = TABLE[i].points;
        i += 1;
    }
    points
}

const NO_BAND: u64 = u64::MAX;

/// A deadline of [`Policy::jurisdiction_cap_hours`] or
/// [`Policy::regulator_clock_hours`] that does not exist.
pub const NO_LIMIT: u16 = u16::MAX;

const fn floor(grade: Grade, tier: Tier, priority: u8) -> GateFloor {
    GateFloor {
        grade,
        tier,
        priority,
    }
}

impl Policy {
    /// The default rubric, documented in `core/RUBRIC.md`.
    pub const DEFAULT: Policy = Policy {
        points: PointsTable::new(default_points()),
        bands: [
            // tenure_months: 2, 5 and 10 years.
            [24, 60, 120, NO_BAND, NO_BAND, NO_BAND, NO_BAND],
            // emotion (0-10).
            [4, 7, 9, NO_BAND, NO_BAND, NO_BAND, NO_BAND],
            // prior_contacts.
            [1, 2, 4, NO_BAND, NO_BAND, NO_BAND, NO_BAND],
            // hours_open: a day, three days, a week.
            [24, 72, 168, NO_BAND, NO_BAND, NO_BAND, NO_BAND],
            // affected_customers: several, then each tenfold step to a million.
            [2, 10, 100, 1_000, 10_000, 100_000, 1_000_000],
            // direct_loss, minor units: 100, 1 000, 10 000, 100 000.
            [
                10_000, 100_000, 1_000_000, 10_000_000, NO_BAND, NO_BAND, NO_BAND,
            ],
            // departments.
            [2, 3, 5, NO_BAND, NO_BAND, NO_BAND, NO_BAND],
        ],
        // The same four steps (100, 1 000, 10 000 and 100 000 yuan) in
        // rough purchasing-power equivalents, rounded (one international
        // dollar is about 4 yuan, 0.7 euro or pound, 5.5 Hong Kong dollars,
        // 13 New Taiwan dollars, 100 yen), in each currency's minor unit
        // (the yen has none). A policy tunes them per market.
        money_bands: [
            // CNY: 100, 1 000, 10 000, 100 000 yuan.
            [10_000, 100_000, 1_000_000, 10_000_000],
            // USD: 25, 250, 2 500, 25 000 dollars.
            [2_500, 25_000, 250_000, 2_500_000],
            // EUR: 20, 200, 2 000, 20 000 euros.
            [2_000, 20_000, 200_000, 2_000_000],
            // GBP: 20, 200, 2 000, 20 000 pounds.
            [2_000, 20_000, 200_000, 2_000_000],
            // HKD: 150, 1 500, 15 000, 150 000 dollars.
            [15_000, 150_000, 1_500_000, 15_000_000],
            // TWD: 300, 3 000, 30 000, 300 000 dollars.
            [30_000, 300_000, 3_000_000, 30_000_000],
            // JPY: 2 500, 25 000, 250 000, 2 500 000 yen (no minor unit).
            [2_500, 25_000, 250_000, 2_500_000],
        ],
        severity_levels: [35, 65],
        impact_levels: [35, 65],
        // Urgency turns medium where two signs of escalation meet (an upset
        // customer calling again) or one sign is strong (a broken promise,
        // an agent's rudeness), so that such a complaint waits in the
        // routine queue, not the when-convenient one: seed
        // `000_d3bb18e70da591cc.txt` 抱怨升级为投诉的七大要素.
        urgency_levels: [25, 65],
        grade_matrix: [
            [Grade::Minor, Grade::Moderate, Grade::Major],
            [Grade::Moderate, Grade::Moderate, Grade::Major],
            [Grade::Major, Grade::Major, Grade::Critical],
        ],
        // ServiceNow's default impact x urgency lookup.
        priority_matrix: [[5, 4, 3], [4, 3, 2], [3, 2, 1]],
        tier_by_grade: [
            Tier::Frontline,
            Tier::Specialist,
            Tier::Management,
            Tier::Management,
        ],
        // Difficulty adds many small facts; a front-line agent settles the
        // ordinary sum of them, so the tiers start where the hard facts
        // (a system fault, an expert, many departments, an unreasonable
        // demand) have added up. Calibrated on the benchmarks' realistic
        // day: `benches/tests/calibration.rs`.
        difficulty_tiers: [55, 80],
        malice_tiers: [30, 60],
        beyond_authority_tier: Tier::Specialist,
        // In `Profile` order. A well-prepared customer (有备而来者: knows
        // the consumer law, records the call) needs a handler sure of the
        // policy and the law: seed `003_8f6867fe054256d6.txt`,
        // 處理人一定要清楚公司的服務政策及消法有關規定. A justice-driven
        // customer (以正義感表達者) speaks up for others and asks the company
        // to put a practice right, not for a remedy of their own: seed 003
        // has them thanked and told the company's growth rests on its users
        // (肯定用戶,并對其反映問題表示感謝;告知企業的發展離不開廣大用戶的愛護與支持),
        // a commitment for someone who can order the fix, not the agent.
        profile_tiers: [
            Tier::Frontline,
            Tier::Frontline,
            Tier::Frontline,
            Tier::Frontline,
            Tier::Frontline,
            Tier::Specialist,
            Tier::Frontline,
            Tier::Specialist,
            Tier::Frontline,
            Tier::Frontline,
        ],
        // Our own verified fault with an ask the agent can meet is
        // apologised for and remedied at once (seed
        // `003_8f6867fe054256d6.txt` 屬于我們做得不到位的,應坦誠道歉,并及時作好補救工作;
        // `002_53957cc42773bf88.txt` 授權): a loss that makes it moderate
        // by points is refunded at the first contact.
        clear_cut_max_grade: Grade::Moderate,
        // In `Gate` order; the reasons are in `core/RUBRIC.md`.
        gates: [
            floor(Grade::Moderate, Tier::Specialist, 2),
            floor(Grade::Critical, Tier::Management, 1),
            floor(Grade::Critical, Tier::Management, 1),
            floor(Grade::Critical, Tier::Management, 1),
            floor(Grade::Moderate, Tier::Management, 2),
            floor(Grade::Major, Tier::Management, 2),
            floor(Grade::Major, Tier::Management, 2),
            floor(Grade::Moderate, Tier::Specialist, 3),
            floor(Grade::Major, Tier::Management, 2),
            floor(Grade::Critical, Tier::Management, 1),
            floor(Grade::Moderate, Tier::Specialist, 3),
            floor(Grade::Moderate, Tier::Management, 2),
            floor(Grade::Major, Tier::Management, 1),
            floor(Grade::Moderate, Tier::Specialist, 3),
            floor(Grade::Minor, Tier::Frontline, 3),
            floor(Grade::Critical, Tier::Management, 1),
        ],
        affected_gate_customers: [10, 100, 10_000],
        first_response_minutes: [60, 60, 30],
        first_response_cap_minutes: [15, 30, 60, 120, 240],
        resolution_hours: [24, 48, 72, 120, 168],
        // In `Jurisdiction` order; the rules are in `core/RUBRIC.md`.
        jurisdiction_cap_hours: [NO_LIMIT, 360, 1344, 360, 360, NO_LIMIT, 504, 360, 720],
        regulator_clock_hours: [
            NO_LIMIT, 360, NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT,
        ],
        follow_up_hours: [24, 24, 48, 72, 168],
        claim_limit_permille: 2000,
        effect: EffectPolicy {
            base: 50,
            first_contact: 15,
            on_time: 15,
            late: -15,
            very_late: -30,
            very_late_factor: 2,
            satisfaction: [-25, -10, 0, 10, 20],
            reopened: -15,
            repeat_within_30_days: -20,
            root_cause_fixed: 15,
        },
    };

    /// Thresholds of a banded field.
    pub fn band_thresholds(&self, band: Band) -> &[u64] {
        let all = &self.bands[band as usize];
        all.get(..band.levels()).unwrap_or(all)
    }

    /// Thresholds of `direct_loss` in `currency`: its own money bands, or
    /// the default bands (`bands.direct_loss`) when it is unspecified.
    pub fn money_thresholds(&self, currency: Currency) -> &[u64] {
        match (currency as usize)
            .checked_sub(1)
            .and_then(|i| self.money_bands.get(i))
        {
            Some(row) => row,
            None => self.band_thresholds(Band::DirectLoss),
        }
    }

    /// Checks that the policy is coherent; the error names the offending key.
    pub fn validate(&self) -> Result<(), PolicyError> {
        for band in Band::ALL {
            let t = self.band_thresholds(band);
            if t.windows(2).any(|w| w[0] >= w[1]) || t.first() == Some(&0) {
                return Err(PolicyError::new(
                    "bands",
                    band.field(),
                    "thresholds must be positive and strictly increasing",
                ));
            }
        }
        for (currency, t) in Currency::ALL.iter().skip(1).zip(&self.money_bands) {
            if t.windows(2).any(|w| w[0] >= w[1]) || t.first() == Some(&0) {
                return Err(PolicyError::new(
                    "money_bands",
                    currency.code(),
                    "thresholds must be positive and strictly increasing",
                ));
            }
        }
        for (name, levels) in [
            ("severity_levels", self.severity_levels),
            ("impact_levels", self.impact_levels),
            ("urgency_levels", self.urgency_levels),
            ("difficulty_tiers", self.difficulty_tiers),
            ("malice_tiers", self.malice_tiers),
        ] {
            if !(levels[0] >= 1 && levels[0] < levels[1] && levels[1] <= 100) {
                return Err(PolicyError::new(
                    name,
                    "",
                    "thresholds must be increasing within 1..=100",
                ));
            }
        }
        if self
            .priority_matrix
            .iter()
            .flatten()
            .any(|p| !(1..=5).contains(p))
        {
            return Err(PolicyError::new(
                "priority_matrix",
                "",
                "priorities must be within 1..=5",
            ));
        }
        for (gate, floor) in Gate::ALL.iter().zip(&self.gates) {
            if !(1..=5).contains(&floor.priority) {
                return Err(PolicyError::new(
                    "gates",
                    gate.code(),
                    "the priority must be within 1..=5",
                ));
            }
        }
        let t = self.affected_gate_customers;
        if !(t[0] >= 2 && t[0] < t[1] && t[1] < t[2]) {
            return Err(PolicyError::new(
                "affected_gate_customers",
                "",
                "thresholds must be at least 2 and strictly increasing",
            ));
        }
        if self.first_response_minutes.contains(&0) || self.first_response_cap_minutes.contains(&0)
        {
            return Err(PolicyError::new(
                "first_response_minutes",
                "",
                "deadlines must be positive",
            ));
        }
        if self.resolution_hours.contains(&0) {
            return Err(PolicyError::new(
                "resolution_hours",
                "",
                "deadlines must be positive",
            ));
        }
        if self.resolution_hours.windows(2).any(|w| w[0] > w[1]) {
            return Err(PolicyError::new(
                "resolution_hours",
                "",
                "a more urgent priority cannot have a longer deadline (P1 first)",
            ));
        }
        for (key, hours) in [
            ("jurisdiction_cap_hours", &self.jurisdiction_cap_hours),
            ("regulator_clock_hours", &self.regulator_clock_hours),
        ] {
            if let Some(i) = hours.iter().position(|h| *h == 0) {
                let code = Jurisdiction::ALL.get(i).map_or("", |j| j.code());
                return Err(PolicyError::new(key, code, "deadlines must be positive"));
            }
        }
        if self.follow_up_hours.contains(&0) {
            return Err(PolicyError::new(
                "follow_up_hours",
                "",
                "deadlines must be positive",
            ));
        }
        if self.claim_limit_permille < 1000 {
            return Err(PolicyError::new(
                "claim_limit_permille",
                "",
                "must be at least 1000 (the direct loss itself)",
            ));
        }
        // One pass over all points with no early exit, which the compiler
        // vectorises (the C library validates the policy on every grading);
        // the row at fault is looked for only once something is.
        let all_points = self.points.rows();
        let out_of_range = all_points.as_flattened().iter().fold(false, |bad, p| {
            bad | !(-MAX_POINTS..=MAX_POINTS).contains(p)
        });
        let suspects: &[Points] = if out_of_range { all_points } else { &[] };
        for (i, points) in suspects.iter().enumerate() {
            if points
                .iter()
                .any(|p| !(-MAX_POINTS..=MAX_POINTS).contains(p))
            {
                let code = crate::factor::FACTORS.get(i).map_or("", |f| f.code);
                return Err(PolicyError::new(
                    "points",
                    code,
                    "points must be within -100..=100",
                ));
            }
        }
        if self.effect.very_late_factor < 2 {
            return Err(PolicyError::new(
                "effect",
                "very_late_factor",
                "must be at least 2",
            ));
        }
        Ok(())
    }

    /// Points of one factor in one dimension.
    pub fn points_of(&self, factor: crate::Factor, dimension: Dimension) -> i16 {
        self.points.get(factor)[dimension as usize]
    }

    /// Grade for a pair of levels.
    pub fn grade_for(&self, severity: Level, impact: Level) -> Grade {
        self.grade_matrix[severity as usize][impact as usize]
    }

    /// The floor of the gates in `fired`.
    #[inline]
    pub fn floor_of(&self, fired: crate::FlagSet<Gate>) -> GateFloor {
        crate::gates::floor_of(fired, &self.gates)
    }

    /// Priority for a pair of levels: how serious the grade is (`seriousness`:
    /// minor low, moderate medium, major and critical high) and `urgency`.
    pub fn priority_for(&self, seriousness: Level, urgency: Level) -> u8 {
        self.priority_matrix[seriousness as usize][urgency as usize]
    }
}

/// The priority table's row for a grade: minor is low, moderate medium,
/// major and critical high. With the default grade matrix it is the higher
/// of the severity and impact levels; it also counts a grade raised by
/// difficulty.
pub const fn seriousness(grade: Grade) -> Level {
    match grade {
        Grade::Minor => Level::Low,
        Grade::Moderate => Level::Medium,
        Grade::Major | Grade::Critical => Level::High,
    }
}

/// Largest magnitude of a factor's points in one dimension.
pub const MAX_POINTS: i16 = 100;

impl Default for Policy {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A policy that is not coherent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyError {
    /// The top-level key.
    pub key: &'static str,
    /// The entry within it (a factor code, a band name), or "".
    pub entry: &'static str,
    /// What is wrong.
    pub reason: &'static str,
}

impl PolicyError {
    const fn new(key: &'static str, entry: &'static str, reason: &'static str) -> Self {
        PolicyError { key, entry, reason }
    }
}

impl core::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.entry.is_empty() {
            write!(f, "policy `{}`: {}", self.key, self.reason)
        } else {
            write!(f, "policy `{}.{}`: {}", self.key, self.entry, self.reason)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid_and_uses_the_factor_table() {
        Policy::DEFAULT.validate().unwrap();
        for (i, f) in crate::factor::FACTORS.iter().enumerate() {
            assert_eq!(Policy::DEFAULT.points.rows()[i], f.points);
        }
    }

    #[test]
    fn default_priority_matrix_is_servicenows() {
        use Level::*;
        let p = |i, u| Policy::DEFAULT.priority_for(i, u);
        assert_eq!([p(High, High), p(High, Medium), p(High, Low)], [1, 2, 3]);
        assert_eq!(
            [p(Medium, High), p(Medium, Medium), p(Medium, Low)],
            [2, 3, 4]
        );
        assert_eq!([p(Low, High), p(Low, Medium), p(Low, Low)], [3, 4, 5]);
    }

    #[test]
    fn money_thresholds_follow_the_currency() {
        let p = Policy::DEFAULT;
        assert_eq!(
            p.money_thresholds(Currency::Unspecified),
            p.band_thresholds(Band::DirectLoss)
        );
        assert_eq!(p.money_thresholds(Currency::Cny), p.money_bands[0]);
        assert_eq!(p.money_thresholds(Currency::Jpy), p.money_bands[6]);
        // TWD 8 000 is not USD 8 000.
        let band = |c| {
            p.money_thresholds(c)
                .iter()
                .filter(|t| 800_000 >= **t)
                .count()
        };
        assert_eq!((band(Currency::Twd), band(Currency::Usd)), (2, 3));
        let mut bad = Policy::DEFAULT;
        bad.money_bands[5] = [5, 5, 6, 7];
        let e = bad.validate().unwrap_err();
        assert_eq!((e.key, e.entry), ("money_bands", "TWD"));
    }

    #[test]
    fn validation_names_the_key() {
        let mut p = Policy::DEFAULT;
        p.bands[Band::Emotion as usize] = [7, 4, 9, 0, 0, 0, 0];
        assert_eq!(p.validate().unwrap_err().entry, "emotion");
        let mut p = Policy::DEFAULT;
        p.impact_levels = [70, 40];
        assert_eq!(p.validate().unwrap_err().key, "impact_levels");
        let mut p = Policy::DEFAULT;
        p.points.set(crate::Factor(0), [101, 0, 0, 0, 0]);
        assert_eq!(p.validate().unwrap_err().entry, "category.basic_service");
        let mut p = Policy::DEFAULT;
        p.claim_limit_permille = 999;
        assert_eq!(p.validate().unwrap_err().key, "claim_limit_permille");
        let mut p = Policy::DEFAULT;
        p.gates[Gate::Press as usize].priority = 0;
        let e = p.validate().unwrap_err();
        assert_eq!((e.key, e.entry), ("gates", "press"));
        let mut p = Policy::DEFAULT;
        p.affected_gate_customers = [10, 10, 100];
        assert_eq!(p.validate().unwrap_err().key, "affected_gate_customers");
        let mut p = Policy::DEFAULT;
        p.resolution_hours = [48, 24, 72, 120, 168];
        assert_eq!(p.validate().unwrap_err().key, "resolution_hours");
        let mut p = Policy::DEFAULT;
        p.regulator_clock_hours[Jurisdiction::HkHkma as usize] = 0;
        let e = p.validate().unwrap_err();
        assert_eq!((e.key, e.entry), ("regulator_clock_hours", "hk_hkma"));
    }
}

//! The result of grading one complaint.

use crate::codes::{
    code_enum, Dimension, Grade, HandlingFailure, Level, MaliceSignal, Profile, Right, Threat,
    Tier, Vulnerability,
};
use crate::complaint::Id;
use crate::factor::{Band, Factor, Points};
use crate::playbook::Playbook;
use crate::scan::TextFacts;

code_enum! {
    /// Where a factor came from.
    pub enum Source: "source" {
        Field = "field", "A field of the record", "记录字段";
        Text = "text", "Found in the free text", "文本识别";
        Derived = "derived", "Computed from other fields", "推算";
    }
}

code_enum! {
    /// Which rule set the handling tier.
    pub enum TierBasis: "tier_basis" {
        Grade = "grade", "The grade", "按等级";
        Difficulty = "difficulty", "The resolution difficulty", "按解决难度";
        Malice = "malice", "The malice indicator", "按恶意迹象";
        Authority = "authority", "The remedy is beyond front-line authority", "超出一线权限";
        Gate = "gate", "A gate's floor", "硬性升级条件";
        ClearCut = "clear_cut", "A clear-cut fault of ours, settled at the front line", "我方责任明确,一线即时补救";
        Profile = "profile", "The customer's profile needs a specialist", "客户类型需熟悉政策法规的处理人";
    }
}

/// The five scores, each 0 to 100.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Scores {
    /// How bad the problem is.
    pub severity: u8,
    /// How far it reaches (投诉影响力).
    pub impact: u8,
    /// How hard it will be to resolve (投诉解决难度).
    pub difficulty: u8,
    /// How likely it is to escalate.
    pub escalation_risk: u8,
    /// How strongly it looks abnormal or malicious.
    pub malice: u8,
}

impl Scores {
    /// The score of one dimension.
    pub const fn get(&self, d: Dimension) -> u8 {
        match d {
            Dimension::Severity => self.severity,
            Dimension::Impact => self.impact,
            Dimension::Difficulty => self.difficulty,
            Dimension::EscalationRisk => self.escalation_risk,
            Dimension::Malice => self.malice,
        }
    }

    /// Clamps raw sums to 0..=100.
    pub(crate) fn from_raw(raw: &[i32; Dimension::COUNT]) -> Scores {
        let c = |v: i32| v.clamp(0, 100) as u8;
        Scores {
            severity: c(raw[0]),
            impact: c(raw[1]),
            difficulty: c(raw[2]),
            escalation_risk: c(raw[3]),
            malice: c(raw[4]),
        }
    }
}

/// One factor that moved the scores, with its points in every dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReasonRow {
    /// The factor.
    pub factor: Factor,
    /// Where it came from.
    pub source: Source,
    /// Its points per dimension (indexed by [`Dimension`]).
    pub points: Points,
}

/// One factor's contribution to one dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reason {
    /// The factor.
    pub factor: Factor,
    /// Where it came from.
    pub source: Source,
    /// The dimension it moved.
    pub dimension: Dimension,
    /// By how many points (negative lowers the score).
    pub points: i16,
}

/// Most reason rows an assessment can hold: one per factor that can apply
/// at once (each single-valued field, each band, each flag, each list value).
pub const MAX_REASON_ROWS: usize = 9
    + Band::ALL.len()
    + 8
    + Right::COUNT
    + Threat::COUNT
    + Profile::COUNT
    + MaliceSignal::COUNT
    + HandlingFailure::COUNT
    + Vulnerability::COUNT;

/// The reason rows of an assessment, in the order the factors were applied.
pub type ReasonRows = heapless::Vec<ReasonRow, MAX_REASON_ROWS>;

/// The grading of one complaint.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Assessment {
    /// The complaint's id, echoed back.
    pub id: Id,
    /// The five scores, clamped to 0..=100.
    pub scores: Scores,
    /// The sums of the reasons per dimension before clamping; equal to the
    /// score whenever the sum is within 0..=100.
    pub raw_scores: [i32; Dimension::COUNT],
    /// The grade (一般/较大/重大/特别重大).
    pub grade: Grade,
    /// The handling tier (受理/处理/管理).
    pub tier: Tier,
    /// Which rule set the tier.
    pub tier_basis: TierBasis,
    /// Severity level, for the grade matrix.
    pub severity_level: Level,
    /// Impact level, for the grade and priority matrices.
    pub impact_level: Level,
    /// Urgency level (from the larger of severity and escalation risk).
    pub urgency_level: Level,
    /// Priority, 1 (most urgent) to 5.
    pub priority: u8,
    /// Minutes to the first response.
    pub first_response_minutes: u16,
    /// Hours to resolution.
    pub resolution_hours: u16,
    /// Whether the jurisdiction's outer limit shortened the resolution deadline.
    pub resolution_capped: bool,
    /// Hours left before the nearest regulatory deadline (0 once past it);
    /// `None` when no regulator's deadline applies.
    pub regulatory_deadline_hours: Option<u16>,
    /// Whether a regulatory deadline has passed.
    pub past_regulatory_deadline: bool,
    /// Hours after resolution within which to call the customer back (回访).
    pub follow_up_hours: u16,
    /// The gates whose condition holds; each sets a floor on grade, tier and
    /// priority (see [`Gate`](crate::Gate)).
    pub gates: crate::FlagSet<crate::Gate>,
    /// Claim / direct loss in thousandths; `None` when there is no direct loss.
    pub claim_ratio_permille: Option<u32>,
    /// Whether the claim is above the policy's limit (by default twice the direct loss).
    pub claim_unreasonable: bool,
    /// How to talk, what to offer, which strategy.
    pub playbook: Playbook,
    /// The category the free text suggested, when the record gave none
    /// (left `other`): grading used it (see `core/src/merge.rs`); `None`
    /// when the record named its category or the text named none.
    pub suggested_category: Option<crate::Category>,
    /// What the free text revealed.
    pub text_cues: TextFacts,
    /// Every factor that moved a score.
    pub rows: ReasonRows,
}

impl Assessment {
    /// An empty assessment, to be filled by [`crate::assess_into`].
    pub const EMPTY: Assessment = Assessment::new();

    /// An empty assessment, equal to [`Assessment::EMPTY`]. Called at run
    /// time it stores the fields one by one, where a copy of the constant
    /// would also copy the 792 bytes of (unused) reason-row storage.
    #[inline(always)]
    pub const fn new() -> Assessment {
        Assessment {
            id: Id::new(),
            scores: Scores {
                severity: 0,
                impact: 0,
                difficulty: 0,
                escalation_risk: 0,
                malice: 0,
            },
            raw_scores: [0; Dimension::COUNT],
            grade: Grade::Minor,
            tier: Tier::Frontline,
            tier_basis: TierBasis::Grade,
            severity_level: Level::Low,
            impact_level: Level::Low,
            urgency_level: Level::Low,
            priority: 5,
            first_response_minutes: 0,
            resolution_hours: 0,
            resolution_capped: false,
            regulatory_deadline_hours: None,
            past_regulatory_deadline: false,
            follow_up_hours: 0,
            gates: crate::FlagSet::EMPTY,
            claim_ratio_permille: None,
            claim_unreasonable: false,
            playbook: Playbook::UNKNOWN,
            suggested_category: None,
            text_cues: TextFacts::NONE,
            rows: heapless::Vec::new(),
        }
    }

    /// Every factor's contribution to every dimension it moved, factor by
    /// factor, in dimension order. Zero contributions are skipped.
    pub fn reasons(&self) -> impl Iterator<Item = Reason> + '_ {
        self.rows.iter().flat_map(|row| {
            Dimension::ALL.iter().filter_map(move |&dimension| {
                let points = row.points[dimension as usize];
                (points != 0).then_some(Reason {
                    factor: row.factor,
                    source: row.source,
                    dimension,
                    points,
                })
            })
        })
    }

    /// The contributions to one dimension; they sum to `raw_scores[dimension]`.
    pub fn reasons_for(&self, dimension: Dimension) -> impl Iterator<Item = Reason> + '_ {
        self.reasons().filter(move |r| r.dimension == dimension)
    }
}

impl Default for Assessment {
    fn default() -> Self {
        Self::EMPTY
    }
}

//! Gates: facts that set a floor on grade, tier and priority whatever the
//! points add up to.
//!
//! Points weigh many small facts against each other; an experienced
//! complaint manager also has rules that no sum can overrule (a person hurt
//! is the most serious kind of complaint, a complaint in court is a
//! management matter). Each gate is such a rule: its condition is fixed
//! here, cited in `core/RUBRIC.md`; its floor lives in the policy
//! ([`Policy::gates`](crate::Policy::gates)), so a site can tune or disable
//! it (a floor of `minor`, `frontline`, 5 raises nothing). Gates only raise:
//! the grade is the higher of the matrix's and the floors', the priority the
//! more urgent, the tier the higher.
//!
//! One plain function, [`gates_that_apply`], is shared by both gradings
//! ([`crate::reference`] and the fast one), so the conditions exist once.

use crate::codes::{
    code_enum, Category, Channel, Grade, HandlingFailure, MaliceSignal, Profile, Right,
    SafetyLevel, Threat, Tier,
};
use crate::factor::Band;
use crate::fields::ComplaintFields;
use crate::flags::FlagSet;
use crate::policy::Policy;

code_enum! {
    /// The gates, each a condition with a floor in the policy.
    pub enum Gate: "gates" {
        SafetyHazard = "safety_hazard", "A hazard to safety, nobody harmed", "安全隐患";
        SafetyInjury = "safety_injury", "A person or property harmed", "人身或财产受到伤害";
        SafetySeriousInjury = "safety_serious_injury", "A person seriously injured", "严重人身伤害";
        SafetyDeath = "safety_death", "A death", "死亡事故";
        FormalChannel = "formal_channel", "Raised with a regulator, an ombudsman or a court", "已进入监管、申诉专员或司法渠道";
        Press = "press", "Raised with the press", "已被新闻媒体受理";
        PublicExposure = "public_exposure", "An influential customer, or a threat of media or social-media exposure", "有社会背景、宣传能力或扬言曝光";
        SeveralAffected = "several_affected", "Several customers hit by the same fault", "多名客户受同一问题影响";
        MassIncident = "mass_incident", "Many customers hit by the same fault", "群体性问题";
        WideOutage = "wide_outage", "A fault across a city or a whole service", "大面积故障";
        Attitude = "attitude", "An agent's bad attitude", "服务态度恶劣";
        MaliceTrack = "malice_track", "Extortion, malicious hype, or demands raised step by step", "恶意要挟、恶意炒作或逐步升级";
        PastRegulatoryDeadline = "past_regulatory_deadline", "Past the regulator's deadline", "已超过监管时限";
        RepeatComplaint = "repeat_complaint", "The customer has come back about it more than once", "重复投诉";
        LegalThreat = "legal_threat", "A threat of a lawsuit or of a regulator complaint", "扬言起诉或向监管部门投诉";
        MassSafety = "mass_safety", "A risk to safety shared by many customers", "群体性安全隐患";
    }
}

/// The floor a gate sets: the complaint is graded at least `grade`, handled
/// at least at `tier` and prioritised at least `priority` (1 most urgent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GateFloor {
    /// Lowest grade.
    pub grade: Grade,
    /// Lowest tier.
    pub tier: Tier,
    /// Least urgent priority allowed, 1 to 5.
    pub priority: u8,
}

impl GateFloor {
    /// A floor that raises nothing.
    pub const NONE: GateFloor = GateFloor {
        grade: Grade::Minor,
        tier: Tier::Frontline,
        priority: 5,
    };

    /// The higher of two floors, field by field.
    #[must_use]
    #[inline]
    pub fn max(self, other: GateFloor) -> GateFloor {
        GateFloor {
            grade: self.grade.max(other.grade),
            tier: self.tier.max(other.tier),
            priority: self.priority.min(other.priority),
        }
    }
}

/// The agent's conduct that makes a `service_attitude` complaint one of bad
/// attitude (seed `002_53957cc42773bf88.txt`: 服務態(tài)度惡劣投訴,則需要由主管介入調查處理;
/// the failures are those of seed `000_d3bb18e70da591cc.txt`, 预防十种错误,
/// and the forbidden phrases of seed `003_8f6867fe054256d6.txt`). A
/// `service_attitude` complaint with none of them (a slow teller) is not;
/// from an upset customer it still goes to a supervisor, who establishes
/// what happened (`crate::tier_rules::conduct_review`).
pub const ATTITUDE_FAILURES: [HandlingFailure; 6] = [
    HandlingFailure::Rude,
    HandlingFailure::LanguageLandmine,
    HandlingFailure::ForbiddenPhrase,
    HandlingFailure::Interrogated,
    HandlingFailure::NonverbalRejection,
    HandlingFailure::BlamedCustomer,
];

/// The failures that are bad attitude whatever the complaint is about: an
/// agent who was rude, or stepped on a language landmine.
pub const RUDE_FAILURES: [HandlingFailure; 2] =
    [HandlingFailure::Rude, HandlingFailure::LanguageLandmine];

/// The malice signals that put a complaint on the legal track: threats and
/// hype, and a claim or pressure raised step by step (seed
/// `000_d3bb18e70da591cc.txt`, 非正常/恶意投诉的基本特征 and 危机处理: 及时寻求政府保护,
/// 抢先与媒体沟通, 勇敢走上法庭). The other signals add their malice points only.
pub const MALICE_TRACK_SIGNALS: [MaliceSignal; 4] = [
    MaliceSignal::Extortion,
    MaliceSignal::Hype,
    MaliceSignal::EscalatingClaim,
    MaliceSignal::EscalatingPressure,
];

/// The threats that bring legal or regulatory risk (seed
/// `002_53957cc42773bf88.txt`: 識別投訴中的潛在風險,如法律風險 … 與法務部門協作).
pub const LEGAL_THREATS: [Threat; 2] = [Threat::Lawsuit, Threat::Regulator];

/// The threats that can make a complaint public (seed
/// `003_8f6867fe054256d6.txt`: 不滿足要求會實施曝光).
pub const EXPOSURE_THREATS: [Threat; 2] = [Threat::Media, Threat::SocialMedia];

/// The safety level the record states: its `safety` field, raised to
/// `injury` when the older `safety_incident` flag is set (which means "a
/// person or property was harmed").
#[inline]
pub fn recorded_safety_level<C: ComplaintFields + ?Sized>(c: &C) -> SafetyLevel {
    let at_least = if c.safety_incident() {
        SafetyLevel::Injury
    } else {
        SafetyLevel::None
    };
    c.safety().max(at_least)
}

/// The safety level of a complaint: the recorded one
/// (`recorded_safety_level`), or, when the record states none, the harm
/// its text tells of (`merge::safety`).
#[inline]
pub fn safety_level<C: ComplaintFields + ?Sized>(c: &C) -> SafetyLevel {
    crate::merge::safety(c).value
}

/// The gates whose condition holds for a complaint under `policy` (its
/// customer counts of the scope gates, its first emotion band);
/// `past_deadline` whether a regulator's deadline has passed. The record's
/// fields are read with what its text raised (`core/src/merge.rs`): harm,
/// scope, the Nth call count and the staff conduct the customer tells of;
/// text threats and malice signs do not.
pub fn gates_that_apply<C: ComplaintFields + ?Sized>(
    c: &C,
    policy: &Policy,
    past_deadline: bool,
) -> FlagSet<Gate> {
    let mut gates = FlagSet::EMPTY;

    match safety_level(c) {
        SafetyLevel::None => {}
        SafetyLevel::Hazard => gates.insert(Gate::SafetyHazard),
        SafetyLevel::Injury => gates.insert(Gate::SafetyInjury),
        SafetyLevel::SeriousInjury => gates.insert(Gate::SafetySeriousInjury),
        SafetyLevel::Death => gates.insert(Gate::SafetyDeath),
    }

    let channel = c.channel();
    if matches!(
        channel,
        Channel::Regulator | Channel::Ombudsman | Channel::Court
    ) {
        gates.insert(Gate::FormalChannel);
    }
    if channel == Channel::Media {
        gates.insert(Gate::Press);
    }

    // The record's threats only: a floor no sum can overrule rests on what
    // was recorded, not on words found in a text that may deny them ("I
    // will not go to the press"); text threats still add their points.
    let exposure_threat = c.threats().bits() & Threat::bits_of(&EXPOSURE_THREATS) != 0;
    // An influential customer who asks calmly, the first time, about an
    // ordinary matter is served well and fast, not escalated: seed 003 has
    // them reported upward when a demand cannot be met (要求無(wu)法滿足時,及時上報).
    let calm = u64::from(c.emotion()) < policy.bands[Band::Emotion as usize][0];
    let repeated = crate::merge::prior_contacts(c).value > 0;
    let influential = c.profile().contains(Profile::Influential);
    if exposure_threat || (influential && (!calm || repeated)) {
        gates.insert(Gate::PublicExposure);
    }

    let affected = crate::merge::affected_customers(c, policy).value;
    let thresholds = policy.affected_gate_customers;
    if affected >= thresholds[0] {
        gates.insert(Gate::SeveralAffected);
    }
    if affected >= thresholds[1] {
        gates.insert(Gate::MassIncident);
        // Many customers whose safety is at risk from the same product or
        // service, whether the record states a hazard or the customer
        // invokes the right to safety: a recall, not a complaint.
        if safety_level(c) >= SafetyLevel::Hazard || c.rights().contains(Right::Safety) {
            gates.insert(Gate::MassSafety);
        }
    }
    if affected >= thresholds[2] {
        gates.insert(Gate::WideOutage);
    }

    // The record's failures and the staff conduct its text tells of (a rude
    // agent, a hang-up: `merge::text_handling_failures`); a forbidden phrase
    // found in the text adds its points only.
    let failures = c.handling_failures().bits() | c.text_cues().handling_failures;
    let attitude_complaint = c.category() == Category::ServiceAttitude
        && failures & HandlingFailure::bits_of(&ATTITUDE_FAILURES) != 0;
    let rude = failures & HandlingFailure::bits_of(&RUDE_FAILURES) != 0;
    if attitude_complaint || rude {
        gates.insert(Gate::Attitude);
    }

    // The record's malice signals, as for threats above, and one sign the
    // text shows by itself: extortion, a sum demanded with a threat of
    // exposure in one sentence ("赔我五万，不然我就发抖音"). Those words are
    // the demand, not a threat the text may deny, and a complaint made of
    // them is on the legal track whatever its record says (seed 000 恶意要挟).
    let text_extortion =
        c.text_cues().malice_signals & MaliceSignal::bits_of(&[MaliceSignal::Extortion]) != 0;
    if c.malice_signals().bits() & MaliceSignal::bits_of(&MALICE_TRACK_SIGNALS) != 0
        || text_extortion
    {
        gates.insert(Gate::MaliceTrack);
    }

    if past_deadline {
        gates.insert(Gate::PastRegulatoryDeadline);
    }

    // A customer who has already come back more than once has seen the
    // front line fail to close it: the complaint has escalated (seed 000,
    // 升级疑难投诉) and cannot wait in the routine queue. "More than once"
    // is the policy's second `prior_contacts` band.
    let contacts_before = u64::from(crate::merge::prior_contacts(c).value);
    if contacts_before >= policy.bands[Band::PriorContacts as usize][1] {
        gates.insert(Gate::RepeatComplaint);
    }

    // A legal threat counts whether the record or the text states it. The
    // scanner drops a threat the customer denies ("I'm not going to sue") or
    // the agent makes, and this gate's floor only keeps the complaint out of
    // the routine queue, so a phrase misread costs little; a threat of
    // exposure (above) stays the record's, as its floor is management.
    let threats = c.threats().bits() | u16::from(c.text_cues().threats);
    if threats & Threat::bits_of(&LEGAL_THREATS) != 0 {
        gates.insert(Gate::LegalThreat);
    }
    gates
}

/// The combined floor of the gates in `fired`, from the policy's floors
/// (indexed by [`Gate`]): the highest grade and tier, the most urgent
/// priority.
pub fn floor_of(fired: FlagSet<Gate>, floors: &[GateFloor; Gate::COUNT]) -> GateFloor {
    fired
        .iter()
        .fold(GateFloor::NONE, |f, g| f.max(floors[g as usize]))
}

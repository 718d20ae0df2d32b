//! The playbook: how to talk to the customer, what remedy to offer, which
//! handling strategy to follow. Stable codes, each with an English and a
//! Chinese name, chosen from the complaint and its scores.

use crate::codes::{
    code_enum, Category, Channel, CustomerTier, Expectation, Grade, Motive, Personality, Profile,
    Tier,
};
use crate::gates::Gate;

code_enum! {
    /// How to talk, by personality (seed `000_d3bb18e70da591cc.txt`, 专题一).
    pub enum Talk: "talk" {
        ResultsAndOptions = "results_and_options", "Talk results; offer two or three options to choose from", "从结果角度谈,提供两至三种解决方案供其选择";
        EnergyAndExamples = "energy_and_examples", "Be energetic, give examples, confirm in writing", "给例子和佐证,以书面形式与其确认";
        WarmAndPersonal = "warm_and_personal", "Slow down, be friendly, offer personal help", "放慢语速,提供个人帮助,建立信任关系";
        FactsAndSpace = "facts_and_space", "Respect their space; correct facts, no small talk", "摆事实,并确保其正确性,不要过于友好";
        ListenFirst = "listen_first", "Listen first, then restate the problem", "积极倾听,重述并确认客户反映的问题";
    }
}

code_enum! {
    /// How to meet the motive (seed `004_88a401f5dd7eea89.txt`, 不同的心理客户的应对策略).
    pub enum MotiveApproach: "motive_approach" {
        CheckClaimAndSoothe = "check_claim_and_soothe", "Check whether the request is reasonable; soothe", "确认客户的要求是否合理,给予精神上的安抚";
        AcknowledgeFeelings = "acknowledge_feelings", "Acknowledge feelings, respond and apologise promptly", "对客户的感受表示充分的理解和认同,及时回应";
        PrepareAndPraise = "prepare_and_praise", "Prepare the facts, praise fittingly, offer a way out", "充分准备应对资料,适当赞扬客户,适时给客户台阶下";
        LetVent = "let_vent", "Listen patiently, never interrupt", "耐心倾听,切忌打断客户";
        CalmAndKeepEvidence = "calm_and_keep_evidence", "Calm with care; collect and keep evidence", "以恰当的语言安抚客户,收集和保留相关证据";
        DiscoverMotive = "discover_motive", "Find out what the customer wants from the complaint", "揣摩客户的心理,分析客户希望通过投诉获得什么";
    }
}

code_enum! {
    /// How to manage the expectation (seed `000_d3bb18e70da591cc.txt`, 第五节 投诉客户期望值管理补救).
    pub enum ExpectationApproach: "expectation_approach" {
        RespondFastAndExceed = "respond_fast_and_exceed", "Respond fast, solve, exceed", "迅速响应,解决问题,超出满意";
        ApologiseExplainOffer = "apologise_explain_offer", "Apologise, explain, offer several solutions", "道歉表示理解,作出合理解释,多种解决方案";
        LowerExpectation = "lower_expectation", "Lower the expectation; stress the value of the offer", "降低客户期望,分析客户期望,强调方案价值";
        EvidenceWithoutArgument = "evidence_without_argument", "Do not argue; show evidence; offer a feasible plan", "不与客户争辩,找到证据证明,提供可行方案,采取淡化处理";
        CorrectUnderstanding = "correct_understanding", "Understand their view, help them analyse, give the right plan", "了解客户想法,帮助客户分析,提供正确方案";
        ClarifyExpectation = "clarify_expectation", "Find out what the customer expects", "了解客户的期望";
    }
}

code_enum! {
    /// What remedy to offer, by category (seed `000_d3bb18e70da591cc.txt`,
    /// 第四节 六类投诉服务补救策略; seed `002_53957cc42773bf88.txt`, 四).
    pub enum Remedy: "remedy" {
        AlternativeSolution = "alternative_solution", "Find an alternative that meets the real need", "基于客户真实需求寻找替代性方案";
        NearestPlanBilling = "nearest_plan_billing", "Bill at the nearest plan; offer a fitting plan", "按“就近套餐”计费,建立办理相应优惠套餐";
        SimilarOffer = "similar_offer", "Substitute a similar offer or a small credit", "寻找类似优惠方案替代,或小额服务补救";
        SimilarService = "similar_service", "Provide a similar service, temporary or permanent", "寻找能满足客户使用的类似方案";
        OtherChannel = "other_channel", "Use another channel; interim remedy", "寻找其他受理渠道,提供短期内无法解决的补救方案";
        ExplainAndInterim = "explain_and_interim", "Explain, file the fix, give an interim remedy", "解释为主,提供短期内无法解决的补救方案";
        VerifyThenReplace = "verify_then_replace", "Verify the defect, then repair, replace or refund", "注重事实核查,确定质量问题后快速执行退换货政策";
        SupervisorReview = "supervisor_review", "A supervisor reviews the service record", "由主管介入调查处理,查看通话记录";
        PriceBreakdown = "price_breakdown", "Explain the price in full detail", "详细列出费用明细,解释定价依据";
        TraceAndCompensate = "trace_and_compensate", "Trace the shipment, update, compensate", "立即启动物流查询流程,及时更新进展,提供补偿方案";
        Investigate = "investigate", "Investigate cause and responsibility", "找出问题产生的原因和责任归属";
    }
}

code_enum! {
    /// Which handling strategy (seed `000_d3bb18e70da591cc.txt`, 第四节
    /// 抱怨及升级投诉处理十对策, and 非正常/恶意投诉的危机处理).
    pub enum Strategy: "strategy" {
        Pacify = "pacify", "Settle it calmly", "息事宁人策略";
        BorrowStrength = "borrow_strength", "Borrow strength from other bodies", "巧妙借力策略";
        GoodCopBadCop = "good_cop_bad_cop", "Good cop, bad cop", "黑白脸配合策略";
        SuperiorAuthority = "superior_authority", "A superior's authority", "上级权利策略";
        SacrificeSmall = "sacrifice_small", "Give up a little to save the whole", "丢车保帅策略";
        CarrotAndStick = "carrot_and_stick", "Firm terms with an incentive", "威逼利诱策略";
        IndirectApproach = "indirect_approach", "Work through the people around the customer", "农村包围城市策略";
        WinHearts = "win_hearts", "Win the heart first", "攻心为上策略";
        ShareHardship = "share_hardship", "Share the company's difficulty", "巧妙诉苦策略";
        SameSide = "same_side", "Stand on the same side", "同一战线策略";
        LegalProtection = "legal_protection", "Keep evidence; seek legal protection", "巧妙运用证据,及时寻求政府保护,勇敢走上法庭";
    }
}

code_enum! {
    /// Steps to take besides the strategy, each from a seed: who else
    /// must be involved.
    pub enum Step: "steps" {
        LegalReview = "legal_review", "Involve legal and compliance", "法务合规介入";
        DedicatedManager = "dedicated_manager", "A dedicated manager for the customer", "专属客服经理";
        SupervisorReview = "supervisor_review", "A supervisor investigates the agent's conduct", "主管介入调查处理";
        InformManagement = "inform_management", "Report to management", "及时上报管理层";
        KeepEvidence = "keep_evidence", "Collect and keep evidence", "收集和保留证据";
    }
}

/// The playbook of one complaint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Playbook {
    /// How to talk.
    pub talk: Talk,
    /// How to meet the motive.
    pub motive: MotiveApproach,
    /// How to manage the expectation.
    pub expectation: ExpectationApproach,
    /// What remedy to offer.
    pub remedy: Remedy,
    /// Which strategy to follow.
    pub strategy: Strategy,
    /// Who else must be involved.
    pub steps: crate::FlagSet<Step>,
}

impl Playbook {
    /// The playbook of a complaint nobody knows anything about.
    pub const UNKNOWN: Playbook = Playbook {
        talk: Talk::ListenFirst,
        motive: MotiveApproach::DiscoverMotive,
        expectation: ExpectationApproach::ClarifyExpectation,
        remedy: Remedy::Investigate,
        strategy: Strategy::Pacify,
        steps: crate::FlagSet::EMPTY,
    };
}

impl serde::Serialize for Playbook {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Playbook", 6)?;
        st.serialize_field("talk", &self.talk)?;
        st.serialize_field("motive", &self.motive)?;
        st.serialize_field("expectation", &self.expectation)?;
        st.serialize_field("remedy", &self.remedy)?;
        st.serialize_field("strategy", &self.strategy)?;
        st.serialize_field("steps", &self.steps)?;
        st.end()
    }
}

pub(crate) const fn talk_for(p: Personality) -> Talk {
    match p {
        Personality::Dominant => Talk::ResultsAndOptions,
        Personality::Expressive => Talk::EnergyAndExamples,
        Personality::Amiable => Talk::WarmAndPersonal,
        Personality::Analytical => Talk::FactsAndSpace,
        Personality::Unknown => Talk::ListenFirst,
    }
}

pub(crate) const fn motive_approach_for(m: Motive) -> MotiveApproach {
    match m {
        Motive::Remedy => MotiveApproach::CheckClaimAndSoothe,
        Motive::Recognition => MotiveApproach::AcknowledgeFeelings,
        Motive::Display => MotiveApproach::PrepareAndPraise,
        Motive::Venting => MotiveApproach::LetVent,
        Motive::Revenge => MotiveApproach::CalmAndKeepEvidence,
        Motive::Unknown => MotiveApproach::DiscoverMotive,
    }
}

pub(crate) const fn expectation_approach_for(e: Expectation) -> ExpectationApproach {
    match e {
        Expectation::Satisfiable => ExpectationApproach::RespondFastAndExceed,
        Expectation::Unsatisfiable => ExpectationApproach::ApologiseExplainOffer,
        Expectation::Excessive => ExpectationApproach::LowerExpectation,
        Expectation::Unreasonable => ExpectationApproach::EvidenceWithoutArgument,
        Expectation::Mistaken => ExpectationApproach::CorrectUnderstanding,
        Expectation::Unknown => ExpectationApproach::ClarifyExpectation,
    }
}

pub(crate) const fn remedy_for(c: Category) -> Remedy {
    match c {
        Category::BasicService => Remedy::AlternativeSolution,
        Category::Billing => Remedy::NearestPlanBilling,
        Category::Promotion => Remedy::SimilarOffer,
        Category::ServiceUsage => Remedy::SimilarService,
        Category::Transaction => Remedy::OtherChannel,
        Category::SystemSupport => Remedy::ExplainAndInterim,
        Category::ProductQuality => Remedy::VerifyThenReplace,
        Category::ServiceAttitude => Remedy::SupervisorReview,
        Category::Price => Remedy::PriceBreakdown,
        Category::Logistics => Remedy::TraceAndCompensate,
        Category::Other => Remedy::Investigate,
    }
}

/// What the strategy choice reads.
pub(crate) struct StrategyInput {
    pub malice: u8,
    pub malice_tiers: [u8; 2],
    pub safety_incident: bool,
    /// Whether a gate put the complaint on the legal track.
    pub legal_track: bool,
    pub grade: Grade,
    pub tier: Tier,
    pub profile: crate::FlagSet<Profile>,
    pub motive: Motive,
    pub emotion_high: bool,
    pub expectation: Expectation,
    pub personality: Personality,
}

/// The strategy, by the first rule that applies (documented in the rubric).
///
/// Every rule is evaluated and the first true one wins through a bit mask
/// (rule `i` of [`STRATEGY_RULES`] is bit `i`; the last, the fallback,
/// always applies). Conditions combine with `|`, not `||`: the rules read
/// data that varies from one record to the next, and a chain of branches
/// would mispredict about once per record.
#[inline]
pub(crate) fn strategy_for(i: &StrategyInput) -> Strategy {
    let has = |p: Profile| i.profile.contains(p);
    let rules = [
        (i.malice >= i.malice_tiers[1]) | i.legal_track,
        i.safety_incident | (i.grade == Grade::Critical),
        i.malice >= i.malice_tiers[0],
        has(Profile::ProfessionalComplainer) | has(Profile::RepeatedlyUnreasonable),
        has(Profile::Chameleon),
        i.tier == Tier::Management,
        matches!(i.motive, Motive::Revenge | Motive::Venting)
            | i.emotion_high
            | has(Profile::Emotional),
        matches!(
            i.expectation,
            Expectation::Excessive | Expectation::Unreasonable | Expectation::Unsatisfiable
        ),
        has(Profile::Stubborn),
        has(Profile::IndustryExpert)
            | has(Profile::WellPrepared)
            | (i.personality == Personality::Analytical),
        true,
    ];
    let mask = rules
        .iter()
        .enumerate()
        .fold(0u32, |m, (bit, applies)| m | (u32::from(*applies) << bit));
    let first = mask.trailing_zeros() as usize;
    STRATEGIES.get(first).copied().unwrap_or(Strategy::Pacify)
}

/// The strategies of [`STRATEGY_RULES`], in order: grading needs them, not the rules'
/// descriptions, which would otherwise be linked into a firmware's flash with the table.
const STRATEGIES: [Strategy; STRATEGY_RULES.len()] = {
    let mut out = [Strategy::Pacify; STRATEGY_RULES.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = STRATEGY_RULES[i].0;
        i += 1;
    }
    out
};

/// The strategy rules in order, for the rubric documentation.
pub const STRATEGY_RULES: [(Strategy, &str); 11] = [
    (
        Strategy::LegalProtection,
        "malice at or above the management threshold (`malice_tiers[1]`), or the `malice_track` gate",
    ),
    (
        Strategy::SacrificeSmall,
        "safety level `injury` or worse, or grade critical",
    ),
    (
        Strategy::CarrotAndStick,
        "malice at or above the specialist threshold (`malice_tiers[0]`)",
    ),
    (
        Strategy::BorrowStrength,
        "profile professional_complainer or repeatedly_unreasonable",
    ),
    (
        Strategy::IndirectApproach,
        "profile chameleon (influenced by friends and relatives)",
    ),
    (Strategy::SuperiorAuthority, "tier management"),
    (
        Strategy::WinHearts,
        "motive revenge or venting, emotion in band 2 or above, or profile emotional",
    ),
    (
        Strategy::ShareHardship,
        "expectation excessive, unreasonable or unsatisfiable",
    ),
    (Strategy::GoodCopBadCop, "profile stubborn"),
    (
        Strategy::SameSide,
        "profile industry_expert or well_prepared, or personality analytical",
    ),
    (Strategy::Pacify, "otherwise"),
];

/// Who else must be involved, from the complaint's facts and the gates that
/// apply (the rules are listed in [`STEP_RULES`]).
#[inline]
pub(crate) fn steps_for(
    channel: Channel,
    customer_tier: CustomerTier,
    tier: Tier,
    gates: crate::FlagSet<Gate>,
) -> crate::FlagSet<Step> {
    // Every rule sets its bit (`|`, not `||`: no branch per rule).
    let mut bits = 0u16;
    let mut take = |applies: bool, step: Step| bits |= u16::from(applies) << step.index();
    let formal = matches!(
        channel,
        Channel::Court | Channel::Regulator | Channel::Ombudsman
    );
    // A legal threat, in the record or the text, is the `legal_threat` gate.
    take(
        formal | gates.contains(Gate::LegalThreat) | gates.contains(Gate::MaliceTrack),
        Step::LegalReview,
    );
    take(customer_tier == CustomerTier::Vip, Step::DedicatedManager);
    take(gates.contains(Gate::Attitude), Step::SupervisorReview);
    take(
        (tier == Tier::Management) | gates.contains(Gate::PublicExposure),
        Step::InformManagement,
    );
    take(gates.contains(Gate::MaliceTrack), Step::KeepEvidence);
    crate::FlagSet::from_bits_truncate(bits)
}

/// The step rules, for the rubric documentation: each step, when it is
/// taken, and the seed passage it rests on.
pub const STEP_RULES: [(Step, &str); 5] = [
    (
        Step::LegalReview,
        "channel `court`, `regulator` or `ombudsman`, the `legal_threat` gate (a `lawsuit` or `regulator` threat, in the record or the text), or the `malice_track` gate (seed `002_53957cc42773bf88.txt`, 風險管理: 識別投訴中的潛在風險,如法律風險 … 法務部門協(xié)作)",
    ),
    (
        Step::DedicatedManager,
        "customer tier `vip` (seed `002_53957cc42773bf88.txt`, 個性化服務: 對于VIP客戶,可以提供專屬客服經(jīng)理)",
    ),
    (
        Step::SupervisorReview,
        "the `attitude` gate (seed `002_53957cc42773bf88.txt`: 服務態(tài)度惡劣投訴,則需要由主管介入調查處理)",
    ),
    (
        Step::InformManagement,
        "tier `management`, or the `public_exposure` gate (seed `003_8f6867fe054256d6.txt`: 限時結案,及時上報)",
    ),
    (
        Step::KeepEvidence,
        "the `malice_track` gate (seed `000_d3bb18e70da591cc.txt`, 非正常/恶意投诉的危机处理: 巧妙运用证据)",
    ),
];

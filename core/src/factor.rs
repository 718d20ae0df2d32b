//! The factors of the rubric: what each one is, where it comes from, and its
//! default points in each dimension.
//!
//! A factor is one fact about a complaint that can move a score: a category,
//! a threat, a band of a number (e.g. 7 or more on the emotion scale), a flag.
//! Factors are numbered densely; each vocabulary occupies a contiguous range,
//! so the factor for a value is `range start + value index`. The table below
//! is the single source of the default points and of the rubric documentation
//! (`core/RUBRIC.md` is generated from it and checked by a test).

use crate::codes::{
    Category, CausalLink, Channel, CustomerTier, Dimension, Evidence, Expectation, HandlingFailure,
    Liability, MaliceSignal, Motive, Personality, Profile, Right, Threat, Vulnerability,
};

/// Points a factor adds to each dimension, indexed by [`Dimension`]:
/// severity, impact, difficulty, escalation risk, malice.
pub type Points = [i16; Dimension::COUNT];

/// One factor of the rubric (an index into [`FACTORS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Factor(pub(crate) u8);

/// Description of a factor, for reasons and documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FactorInfo {
    /// Stable code used in JSON, e.g. `threat.media`.
    pub code: &'static str,
    /// English name.
    pub en: &'static str,
    /// Chinese name.
    pub zh: &'static str,
    /// Seed document the factor comes from, by file name.
    pub seed: &'static str,
    /// The passage of that seed (section title or quotation).
    pub passage: &'static str,
    /// Default points per dimension.
    pub points: Points,
}

/// The numbered bands of the numeric fields. Each field has a fixed number
/// of bands; their thresholds live in the policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Band {
    /// `tenure_months`.
    Tenure,
    /// `emotion`.
    Emotion,
    /// `prior_contacts`.
    PriorContacts,
    /// `hours_open`.
    HoursOpen,
    /// `affected_customers`.
    AffectedCustomers,
    /// `direct_loss`.
    DirectLoss,
    /// `departments`.
    Departments,
}

impl Band {
    /// Every banded field, in order.
    pub const ALL: [Band; 7] = [
        Band::Tenure,
        Band::Emotion,
        Band::PriorContacts,
        Band::HoursOpen,
        Band::AffectedCustomers,
        Band::DirectLoss,
        Band::Departments,
    ];
    /// Largest number of bands of any field.
    pub const MAX_LEVELS: usize = 7;

    /// The record field this band reads.
    pub const fn field(self) -> &'static str {
        match self {
            Band::Tenure => "tenure_months",
            Band::Emotion => "emotion",
            Band::PriorContacts => "prior_contacts",
            Band::HoursOpen => "hours_open",
            Band::AffectedCustomers => "affected_customers",
            Band::DirectLoss => "direct_loss",
            Band::Departments => "departments",
        }
    }

    /// How many bands the field has.
    pub const fn levels(self) -> usize {
        match self {
            // From several customers to a million: each tenfold step up is
            // a wider incident (seed 000, 由点及面).
            Band::AffectedCustomers => 7,
            Band::DirectLoss => 4,
            _ => 3,
        }
    }

    const fn first(self) -> u8 {
        match self {
            Band::Tenure => TENURE,
            Band::Emotion => EMOTION,
            Band::PriorContacts => PRIOR_CONTACTS,
            Band::HoursOpen => HOURS_OPEN,
            Band::AffectedCustomers => AFFECTED,
            Band::DirectLoss => DIRECT_LOSS,
            Band::Departments => DEPARTMENTS,
        }
    }
}

// First factor of each range. Checked against the table by `ranges_match_table`.
pub(crate) const CATEGORY: u8 = 0;
pub(crate) const CHANNEL: u8 = CATEGORY + Category::COUNT as u8;
pub(crate) const CUSTOMER_TIER: u8 = CHANNEL + Channel::COUNT as u8;
pub(crate) const PERSONALITY: u8 = CUSTOMER_TIER + CustomerTier::COUNT as u8;
pub(crate) const MOTIVE: u8 = PERSONALITY + Personality::COUNT as u8;
pub(crate) const EXPECTATION: u8 = MOTIVE + Motive::COUNT as u8;
pub(crate) const LIABILITY: u8 = EXPECTATION + Expectation::COUNT as u8;
pub(crate) const EVIDENCE: u8 = LIABILITY + Liability::COUNT as u8;
pub(crate) const CAUSAL_LINK: u8 = EVIDENCE + Evidence::COUNT as u8;
pub(crate) const RIGHT: u8 = CAUSAL_LINK + CausalLink::COUNT as u8;
pub(crate) const THREAT: u8 = RIGHT + Right::COUNT as u8;
pub(crate) const PROFILE: u8 = THREAT + Threat::COUNT as u8;
pub(crate) const MALICE: u8 = PROFILE + Profile::COUNT as u8;
pub(crate) const FAILURE: u8 = MALICE + MaliceSignal::COUNT as u8;
pub(crate) const VULNERABILITY: u8 = FAILURE + HandlingFailure::COUNT as u8;
pub(crate) const TENURE: u8 = VULNERABILITY + Vulnerability::COUNT as u8;
pub(crate) const EMOTION: u8 = TENURE + Band::Tenure.levels() as u8;
pub(crate) const PRIOR_CONTACTS: u8 = EMOTION + Band::Emotion.levels() as u8;
pub(crate) const HOURS_OPEN: u8 = PRIOR_CONTACTS + Band::PriorContacts.levels() as u8;
pub(crate) const AFFECTED: u8 = HOURS_OPEN + Band::HoursOpen.levels() as u8;
pub(crate) const DIRECT_LOSS: u8 = AFFECTED + Band::AffectedCustomers.levels() as u8;
pub(crate) const DEPARTMENTS: u8 = DIRECT_LOSS + Band::DirectLoss.levels() as u8;
pub(crate) const FLAGS: u8 = DEPARTMENTS + Band::Departments.levels() as u8;

/// Number of factors.
pub const FACTOR_COUNT: usize = FACTORS.len();

macro_rules! range_ctor {
    ($($fn_name:ident($t:ty) => $base:ident),+ $(,)?) => {$(
        #[doc = concat!("The factor for this `", stringify!($t), "` value.")]
        pub const fn $fn_name(value: $t) -> Factor {
            Factor($base + value as u8)
        }
    )+};
}

impl Factor {
    range_ctor! {
        category(Category) => CATEGORY,
        channel(Channel) => CHANNEL,
        customer_tier(CustomerTier) => CUSTOMER_TIER,
        personality(Personality) => PERSONALITY,
        motive(Motive) => MOTIVE,
        expectation(Expectation) => EXPECTATION,
        liability(Liability) => LIABILITY,
        evidence(Evidence) => EVIDENCE,
        causal_link(CausalLink) => CAUSAL_LINK,
        right(Right) => RIGHT,
        threat(Threat) => THREAT,
        profile(Profile) => PROFILE,
        malice_signal(MaliceSignal) => MALICE,
        handling_failure(HandlingFailure) => FAILURE,
        vulnerability(Vulnerability) => VULNERABILITY,
    }

    /// Indirect loss claimed besides the direct loss.
    pub const INDIRECT_LOSS_CLAIMED: Factor = Factor(FLAGS);
    /// Remedy beyond the front line's authority.
    pub const BEYOND_AUTHORITY: Factor = Factor(FLAGS + 1);
    /// Compensated before for the same issue.
    pub const PREVIOUSLY_COMPENSATED: Factor = Factor(FLAGS + 2);
    /// Harm to a person or property.
    pub const SAFETY_INCIDENT: Factor = Factor(FLAGS + 3);
    /// Raised in a sensitive period.
    pub const SENSITIVE_PERIOD: Factor = Factor(FLAGS + 4);
    /// Claim above the policy's limit (by default twice the direct loss).
    pub const CLAIM_UNREASONABLE: Factor = Factor(FLAGS + 5);
    /// Strong emotion found in the free text.
    pub const TEXT_STRONG_EMOTION: Factor = Factor(FLAGS + 6);
    /// The customer's personal data was exposed.
    pub const DATA_BREACH: Factor = Factor(FLAGS + 7);

    /// The factor for band `level` (0-based) of a numeric field; `None` past its last band.
    pub const fn band(band: Band, level: usize) -> Option<Factor> {
        if level < band.levels() {
            Some(Factor(band.first() + level as u8))
        } else {
            None
        }
    }

    /// The factor's index into [`FACTORS`].
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The factor with this index, if any.
    pub const fn from_index(index: usize) -> Option<Factor> {
        if index < FACTOR_COUNT {
            Some(Factor(index as u8))
        } else {
            None
        }
    }

    /// The factor with this code, if any.
    pub fn from_code(code: &str) -> Option<Factor> {
        FACTORS
            .iter()
            .position(|f| f.code == code)
            .and_then(Factor::from_index)
    }

    /// Every factor, in index order.
    pub fn all() -> impl Iterator<Item = Factor> {
        (0..FACTOR_COUNT as u8).map(Factor)
    }

    /// The factor's description.
    pub fn info(self) -> &'static FactorInfo {
        // Every Factor is built from an in-range index; fall back to the
        // first entry rather than panic should that ever be broken.
        FACTORS.get(self.index()).unwrap_or(&FACTORS[0])
    }

    /// The factor's stable code.
    pub fn code(self) -> &'static str {
        self.info().code
    }
}

impl serde::Serialize for Factor {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Seed file names, as cited in the rubric.
pub mod seeds {
    /// Telecom escalated-complaint course: grading toolkit, malice, remedies, expectations.
    pub const S000: &str = "000_d3bb18e70da591cc.txt";
    /// Complaint-handling principles of customer relationship management: process, evaluation.
    pub const S001: &str = "001_bf48436fc09b92e7.txt";
    /// Customer-service complaint skills: grading, authority, complaint types, VIP.
    pub const S002: &str = "002_53957cc42773bf88.txt";
    /// Bank service management: handling rules, forbidden phrases, difficult customers.
    pub const S003: &str = "003_8f6867fe054256d6.txt";
    /// E-commerce customer service: complaint motives.
    pub const S004: &str = "004_88a401f5dd7eea89.txt";
}

use seeds::{S000, S001, S002, S003, S004};

const fn f(
    code: &'static str,
    en: &'static str,
    zh: &'static str,
    seed: &'static str,
    passage: &'static str,
    points: Points,
) -> FactorInfo {
    FactorInfo {
        code,
        en,
        zh,
        seed,
        passage,
        points,
    }
}

//                         severity impact difficulty escalation malice
/// The rubric: every factor with its default points and its source.
pub static FACTORS: [FactorInfo; 143] = TABLE;

/// The same table as a constant, so that `Policy::DEFAULT` can be built from it at compile time.
pub(crate) const TABLE: [FactorInfo; 143] = [
    // Category: how serious the problem is by nature, and how hard to remedy.
    f(
        "category.basic_service",
        "Basic service failure",
        "基础服务类",
        S000,
        "第四节 六类投诉服务补救策略: 基础服务类 — 基于客户真实需求寻找替代性方案",
        [20, 5, 10, 0, 0],
    ),
    f(
        "category.billing",
        "Billing or plan",
        "套餐计费类",
        S000,
        "第四节: 套餐计费类 — 按“就近套餐”计费",
        [15, 0, 5, 0, 0],
    ),
    f(
        "category.promotion",
        "Marketing promotion",
        "营销优惠类",
        S000,
        "第四节: 营销优惠类 — 寻找类似优惠方案替代",
        [10, 0, 5, 0, 0],
    ),
    f(
        "category.service_usage",
        "Service usage",
        "业务使用类",
        S000,
        "第四节: 业务使用类",
        [15, 0, 5, 0, 0],
    ),
    f(
        "category.transaction",
        "Service transaction",
        "业务办理类",
        S000,
        "第四节: 业务办理类 — 寻找其他受理渠道",
        [15, 0, 10, 0, 0],
    ),
    f(
        "category.system_support",
        "System support",
        "系统支撑类",
        S000,
        "第四节: 系统支撑类 — 提供短期内无法解决的补救方案 (cannot be fixed soon: hard to resolve)",
        [15, 0, 30, 0, 0],
    ),
    f(
        "category.product_quality",
        "Product quality",
        "产品投诉",
        S002,
        "四、產品投訴處理要注重事實核查",
        [20, 0, 10, 0, 0],
    ),
    f(
        "category.service_attitude",
        "Service attitude",
        "服务投诉",
        S002,
        "四、服務態度惡劣投訴,則需要由主管介入調查處理",
        [15, 0, 5, 10, 0],
    ),
    f(
        "category.price",
        "Price",
        "价格投诉",
        S002,
        "四、價格投訴處理要突出政策透明",
        [10, 0, 5, 0, 0],
    ),
    f(
        "category.logistics",
        "Logistics",
        "物流投诉",
        S002,
        "四、物流投訴處理要關注時效保障",
        [10, 0, 0, 0, 0],
    ),
    f(
        "category.other",
        "Other",
        "其他",
        S001,
        "确认投诉性质: 初步判断投诉的严重性和紧急程度",
        [10, 0, 5, 0, 0],
    ),
    // Channel: how far the complaint has travelled.
    f(
        "channel.in_person",
        "Raised in person",
        "现场投诉",
        S000,
        "第二节 服务失败的客户行为反映: 现场投诉/抱怨——二次机会满足客户",
        [0, 5, 0, 0, 0],
    ),
    f(
        "channel.hotline",
        "Raised on the hotline",
        "热线投诉",
        S000,
        "第二节: 现场投诉/抱怨——二次机会满足客户",
        [0, 5, 0, 0, 0],
    ),
    f(
        "channel.online",
        "Raised online",
        "在线投诉",
        S000,
        "第二节: 现场投诉/抱怨——二次机会满足客户",
        [0, 5, 0, 0, 0],
    ),
    f(
        "channel.email",
        "Raised by email",
        "邮件投诉",
        S000,
        "第二节: 现场投诉/抱怨——二次机会满足客户",
        [0, 5, 0, 0, 0],
    ),
    f(
        "channel.social_media",
        "Raised on social media",
        "社交媒体投诉",
        S000,
        "第二节: 向第三方抱怨——潜在危险:负面宣传影响感知",
        [0, 30, 0, 10, 0],
    ),
    f(
        "channel.third_party_platform",
        "Raised on a third-party platform",
        "第三方平台投诉",
        S000,
        "第二节: 向第三方抱怨——负面宣传影响感知",
        [0, 25, 0, 10, 0],
    ),
    f(
        "channel.regulator",
        "Raised with a regulator or consumer body",
        "向监管机构投诉",
        S000,
        "第二节: 向第三方投诉机构投诉——由点及面的负面辐射",
        [5, 35, 5, 15, 0],
    ),
    f(
        "channel.media",
        "Raised with the press",
        "媒体投诉",
        S000,
        "第二节: 由点及面的负面辐射; 危机处理: 抢先与媒体沟通",
        [5, 40, 5, 15, 0],
    ),
    f(
        "channel.court",
        "Taken to court",
        "诉讼",
        S000,
        "危机处理: 勇敢走上法庭; 巧妙运用证据",
        [10, 35, 20, 10, 0],
    ),
    // An ombudsman or dispute-resolution scheme (UK FOS, HK FDRC, Taiwan's
    // 金融消費評議中心) decides the dispute: as public as a regulator, and
    // the business must answer it in form.
    f(
        "channel.ombudsman",
        "Raised with an ombudsman or dispute-resolution scheme",
        "向金融申诉专员或争议解决机构申请",
        S000,
        "第二节: 向第三方投诉机构投诉——由点及面的负面辐射",
        [5, 35, 10, 10, 0],
    ),
    // Customer tier: value customers get a dedicated manager.
    f(
        "customer_tier.standard",
        "Standard customer",
        "普通客户",
        S002,
        "六、個性化服務",
        [0, 0, 0, 0, 0],
    ),
    f(
        "customer_tier.silver",
        "Silver customer",
        "银卡客户",
        S002,
        "六、個性化服務: 對於VIP客戶,可以提供專屬客服經理",
        [0, 3, 0, 0, 0],
    ),
    f(
        "customer_tier.gold",
        "Gold customer",
        "金卡客户",
        S002,
        "六、個性化服務: 對於VIP客戶,可以提供專屬客服經理",
        [0, 6, 0, 0, 0],
    ),
    f(
        "customer_tier.vip",
        "VIP customer",
        "VIP客户",
        S002,
        "六、個性化服務: 對於VIP客戶,可以提供專屬客服經理",
        [0, 10, 0, 5, 0],
    ),
    // Personality: mostly how to talk, a little how hard.
    f(
        "personality.dominant",
        "Dominant personality",
        "支配型",
        S000,
        "专题一 第一节: 要强有力,但不要挑战他的权威地位",
        [0, 0, 5, 0, 0],
    ),
    f(
        "personality.expressive",
        "Expressive personality",
        "表达型",
        S000,
        "专题一 第二节: 要准备他们不一定能说到做到",
        [0, 0, 3, 0, 0],
    ),
    f(
        "personality.amiable",
        "Amiable personality",
        "和蔼型",
        S000,
        "专题一 第三节: 提供个人帮助,建立信任关系",
        [0, 0, 0, 0, 0],
    ),
    f(
        "personality.analytical",
        "Analytical personality",
        "分析型",
        S000,
        "专题一 第四节: 摆事实,并确保其正确性",
        [0, 0, 5, 0, 0],
    ),
    f(
        "personality.unknown",
        "Personality unknown",
        "性格未知",
        S000,
        "专题一",
        [0, 0, 0, 0, 0],
    ),
    // Motive: what the customer wants out of it.
    f(
        "motive.remedy",
        "Wants a remedy",
        "补救心理",
        S004,
        "出于补救: 希望得到补偿的心理越急切……投诉升级的可能性就越大 (the ordinary motive: adds nothing by itself)",
        [0, 0, 0, 0, 0],
    ),
    f(
        "motive.recognition",
        "Wants recognition",
        "认同心理",
        S004,
        "出于认同: 坚持己见,同时希望对方也能理解和肯定",
        [0, 0, 5, 0, 0],
    ),
    f(
        "motive.display",
        "Self-presentation",
        "表现心理",
        S004,
        "出于表现: 知识分子型、有备而来型、曝光型和惯性投诉型",
        [0, 0, 10, 0, 0],
    ),
    f(
        "motive.venting",
        "Wants to vent",
        "发泄心理",
        S004,
        "出于发泄: 耐心倾听是帮助客户发泄的最好方式 (listening settles it at the front line: a risk, not a difficulty)",
        [0, 0, 0, 5, 0],
    ),
    f(
        "motive.revenge",
        "Wants revenge",
        "报复心理",
        S004,
        "出于报复: 不计个人得失,只想让对方难受",
        [0, 0, 25, 15, 10],
    ),
    f(
        "motive.unknown",
        "Motive unknown",
        "心理未知",
        S004,
        "常见的客户投诉心理",
        [0, 0, 0, 0, 0],
    ),
    // Expectation: how far the wish is from what can be given.
    f(
        "expectation.satisfiable",
        "Expectation can be met",
        "可以满足的期望",
        S000,
        "第五节: 可以满足的期望 — 迅速响应,解决问题,超出满意",
        [0, 0, 0, 0, 0],
    ),
    f(
        "expectation.unsatisfiable",
        "Expectation cannot be met",
        "不能满足的期望",
        S000,
        "第五节: 不能满足的期望 — 道歉表示理解,作出合理解释",
        [0, 0, 15, 5, 0],
    ),
    f(
        "expectation.excessive",
        "Excessive expectation",
        "过高的客户期望",
        S000,
        "第五节: 过高的客户期望 — 降低客户期望",
        [0, 0, 15, 0, 0],
    ),
    f(
        "expectation.unreasonable",
        "Unreasonable expectation",
        "无理的客户期望",
        S000,
        "第五节: 无理的客户期望 — 不与客户争辩,找到证据证明",
        [0, 0, 20, 0, 10],
    ),
    f(
        "expectation.mistaken",
        "Mistaken expectation",
        "错误的客户期望",
        S000,
        "第五节: 错误的客户期望 — 帮助客户分析",
        [0, 0, 10, 0, 0],
    ),
    f(
        "expectation.unknown",
        "Expectation unknown",
        "期望未知",
        S000,
        "第五节: 了解客户的期望",
        [0, 0, 0, 0, 0],
    ),
    // Liability.
    f(
        "liability.company",
        "The company is responsible",
        "我方责任",
        S003,
        "要點四: 屬于我們做得不到位的,應坦誠道歉,并及時作好補救工作 (our own fault is the simplest case to settle: apologise and remedy, not a more severe one)",
        [0, 0, -10, 0, 0],
    ),
    f(
        "liability.shared",
        "Shared responsibility",
        "双方互有责任",
        S003,
        "要點四: 屬于雙方互有責任的,先解決自身不足",
        [0, 0, 5, 0, 0],
    ),
    f(
        "liability.customer",
        "Customer's misunderstanding",
        "对方理解有误",
        S003,
        "要點四: 屬于對方理解有誤的,力爭以對方能接受方式指出",
        [-5, 0, 10, 0, 0],
    ),
    f(
        "liability.third_party",
        "A third party is responsible",
        "第三方责任",
        S001,
        "应对复杂投诉: 协调公司内部的多个部门或外部资源",
        [0, 0, 10, 0, 0],
    ),
    f(
        "liability.unknown",
        "Responsibility not yet established",
        "责任未明",
        S001,
        "调查核实: 找出问题产生的原因和责任归属 (the default: a record that says nothing adds nothing)",
        [0, 0, 0, 0, 0],
    ),
    // Evidence.
    f(
        "evidence.none",
        "The customer has no evidence",
        "无证据",
        S001,
        "调查核实: 找出问题产生的原因 (nothing to verify the complaint by makes it harder to settle; a refusal to produce evidence is the malice signal `no_evidence`)",
        [0, 0, 5, 0, 0],
    ),
    f(
        "evidence.customer_provided",
        "Evidence from the customer",
        "客户提供证据",
        S001,
        "收集证据: 聊天记录、交易记录、产品照片",
        [0, 0, 0, 0, 0],
    ),
    f(
        "evidence.verified",
        "Verified evidence",
        "证据已核实",
        S002,
        "產品投訴處理要注重事實核查 (the facts are checked: easier to settle, not more severe)",
        [0, 0, -10, 0, 0],
    ),
    f(
        "evidence.not_given",
        "Evidence not given",
        "证据情况未提供",
        S000,
        "非正常投诉: 不出具法定证据 (a record that says nothing about evidence is not a customer who withholds it: adds nothing)",
        [0, 0, 0, 0, 0],
    ),
    // Causal link of the claimed loss.
    f(
        "causal_link.not_given",
        "Causal link not judged",
        "因果关系未判断",
        S000,
        "高额补偿投诉处理: 逻辑关系是否成立 (not judged yet: adds nothing)",
        [0, 0, 0, 0, 0],
    ),
    f(
        "causal_link.established",
        "The loss follows from the failure",
        "因果关系成立",
        S000,
        "高额补偿投诉处理: 逻辑关系是否成立 (it holds: the claim is simple to settle)",
        [0, 0, -5, 0, 0],
    ),
    f(
        "causal_link.doubtful",
        "Doubtful causal link",
        "因果关系存疑",
        S000,
        "高额补偿投诉处理: 逻辑关系是否成立 (in doubt: to be investigated)",
        [0, 0, 10, 0, 5],
    ),
    f(
        "causal_link.absent",
        "No causal link",
        "因果关系不成立",
        S000,
        "高额补偿投诉处理: 逻辑关系是否成立 (it does not hold: a claim for a loss we did not cause)",
        [0, 0, 10, 5, 15],
    ),
    // Consumer rights at stake.
    f(
        "right.know",
        "Right to know",
        "知情权",
        S000,
        "第二模块: 知情权",
        [5, 0, 0, 0, 0],
    ),
    f(
        "right.choice",
        "Right of free choice",
        "自由选择权",
        S000,
        "第二模块: 自由选择权",
        [5, 0, 0, 0, 0],
    ),
    f(
        "right.safety",
        "Right to safety",
        "安全权",
        S000,
        "第二模块: 安全权",
        [15, 5, 0, 0, 0],
    ),
    f(
        "right.fair_trade",
        "Right to fair trade",
        "公平交易权",
        S000,
        "第二模块: 公平交易的权利",
        [5, 0, 0, 0, 0],
    ),
    f(
        "right.compensation",
        "Right to compensation",
        "求偿权",
        S000,
        "第二模块: 求偿权",
        [5, 0, 0, 0, 0],
    ),
    f(
        "right.supervision",
        "Right of participation and supervision",
        "参与和监督权",
        S000,
        "第二模块: 参与和监督权",
        [0, 5, 0, 0, 0],
    ),
    f(
        "right.education",
        "Right to consumer education",
        "接受消费教育权",
        S000,
        "第二模块: 接受消费教育权",
        [2, 0, 0, 0, 0],
    ),
    f(
        "right.association",
        "Right of association",
        "建立消费者组织权",
        S000,
        "第二模块: 建立消费者组织权",
        [0, 5, 0, 0, 0],
    ),
    f(
        "right.privacy",
        "Right to privacy and personal information",
        "隐私权",
        S003,
        "二、中國文化對客戶心理需求的影響: 7.隱私需求",
        [10, 0, 0, 5, 0],
    ),
    // Threats made.
    f(
        "threat.media",
        "Threatens media exposure",
        "威胁媒体曝光",
        S003,
        "五、有社會背景、宣傳能力者: 不滿足要求會實施曝光",
        [0, 25, 0, 15, 0],
    ),
    f(
        "threat.social_media",
        "Threatens to post on social media",
        "威胁发到社交媒体",
        S000,
        "第二节: 向第三方抱怨——负面宣传影响感知",
        [0, 20, 0, 10, 0],
    ),
    f(
        "threat.regulator",
        "Threatens to go to a regulator",
        "威胁向监管投诉",
        S000,
        "第二节: 向第三方投诉机构投诉——由点及面的负面辐射",
        [0, 20, 0, 15, 0],
    ),
    f(
        "threat.lawsuit",
        "Threatens a lawsuit",
        "威胁起诉",
        S000,
        "危机处理: 勇敢走上法庭",
        [0, 15, 10, 15, 0],
    ),
    f(
        "threat.churn",
        "Threatens to leave",
        "威胁离网",
        S000,
        "第二节: 沉默——不再忠诚",
        [0, 5, 0, 10, 0],
    ),
    f(
        "threat.third_party_platform",
        "Threatens a third-party platform",
        "威胁第三方平台投诉",
        S000,
        "第二节: 向第三方抱怨",
        [0, 15, 0, 10, 0],
    ),
    // Difficult profiles.
    f(
        "profile.professional_complainer",
        "Professional complainer",
        "投诉专业户",
        S000,
        "专题二 第一节: 向相关外部申诉部门提前备案处理; 可采取冷处理法",
        [0, 5, 20, 0, 15],
    ),
    f(
        "profile.industry_expert",
        "Industry expert",
        "行业专家",
        S000,
        "专题二 第二节: 准备充分,了解你的材料 (needs a handler who knows the material)",
        [0, 0, 20, 0, 0],
    ),
    f(
        "profile.chameleon",
        "Chameleon",
        "变色龙",
        S000,
        "专题二 第三节: 以前曾经发生过,后来也得到了补偿; 期望得到更高的赔偿",
        [0, 0, 15, 0, 10],
    ),
    f(
        "profile.repeatedly_unreasonable",
        "Repeatedly unreasonable",
        "反复无理",
        S000,
        "专题二 第四节: 强硬态度表明处理的原则",
        [0, 0, 20, 5, 15],
    ),
    f(
        "profile.emotional",
        "Emotional",
        "感情用事者",
        S003,
        "四、1 感情用事者: 情緒激動,或哭或鬧",
        [0, 0, 10, 10, 0],
    ),
    f(
        "profile.justice_driven",
        "Justice-driven",
        "以正义感表达者",
        S003,
        "四、2 以正義感表達者: 語調激昂",
        [0, 5, 5, 0, 0],
    ),
    f(
        "profile.stubborn",
        "Stubborn",
        "固执己见者",
        S003,
        "四、3 固執己見者: 堅持自己的意見,不聽勸",
        [0, 0, 10, 0, 0],
    ),
    f(
        "profile.well_prepared",
        "Well prepared",
        "有备而来者",
        S003,
        "四、4 有備而來者: 了解消法,甚至會記錄處理人談話內容或錄音",
        [0, 0, 10, 5, 0],
    ),
    f(
        "profile.influential",
        "Influential",
        "有社会背景、宣传能力者",
        S003,
        "四、5 有社會背景、宣傳能力者: 電視臺、報社記者、律師,不滿足要求會實施曝光",
        [0, 20, 5, 10, 0],
    ),
    f(
        "profile.fraud_victim",
        "Fraud or scam victim",
        "诈骗受害者",
        S000,
        "第二模块: 安全权 (the customer's property was taken by fraud; recovering it needs other parties, and complaint standards treat the victim as aggravating)",
        [15, 0, 10, 10, 0],
    ),
    // Malice signals.
    f(
        "malice.unreasonable_claim",
        "Unreasonable claim",
        "无理索赔",
        S000,
        "第三节 非正常/恶意投诉的基本特征: 无理索赔",
        [0, 0, 5, 0, 15],
    ),
    f(
        "malice.escalating_claim",
        "Claim raised step by step",
        "索赔额度逐步升级",
        S000,
        "第三节: 索赔额度逐步升级",
        [0, 0, 5, 0, 15],
    ),
    f(
        "malice.escalating_pressure",
        "Pressure raised step by step",
        "手段升级",
        S000,
        "第三节: 手段升级,不断施加压力",
        [0, 0, 0, 5, 15],
    ),
    f(
        "malice.private_settlement",
        "Wants a private deal",
        "不愿公了愿私了",
        S000,
        "第三节: 不走正道走邪道,不愿公了愿私了",
        [0, 0, 0, 0, 15],
    ),
    f(
        "malice.no_evidence",
        "Produces no legal evidence",
        "不出具法定证据",
        S000,
        "第三节: 不出具法定证据",
        [0, 0, 0, 0, 10],
    ),
    f(
        "malice.hype",
        "Malicious hype",
        "恶意炒作",
        S000,
        "第三节: 恶意炒作",
        [0, 10, 0, 0, 15],
    ),
    f(
        "malice.chosen_timing",
        "Chosen time and occasion",
        "选择重要时间和场合",
        S000,
        "第三节: 多选择重要时间段和重要场合",
        [0, 5, 0, 0, 10],
    ),
    f(
        "malice.special_background",
        "Special person or background",
        "特殊人物或背景",
        S000,
        "第三节: 特殊人物或特殊背景",
        [0, 5, 0, 0, 10],
    ),
    f(
        "malice.local_protectionism",
        "Local protectionism",
        "地方保护主义色彩",
        S000,
        "第三节: 地方保护主义色彩",
        [0, 0, 5, 0, 10],
    ),
    f(
        "malice.extortion",
        "Threats and extortion",
        "恶意要挟",
        S000,
        "第三节: 恶意要挟; 危难之时拨打“110”",
        [0, 0, 0, 10, 25],
    ),
    // Handling failures.
    f(
        "failure.apology_without_action",
        "Apology without action",
        "只有道歉没有行动",
        S000,
        "第五节 预防十种错误: 只有道歉没有进一步行动; seed 003 禁止法則 c: 一味的在客戶面前道歉,是沒有意義的",
        [0, 0, 0, 10, 0],
    ),
    f(
        "failure.blamed_customer",
        "Blamed the customer",
        "归咎顾客",
        S000,
        "第五节: 把错误归咎到顾客身上; seed 003 禁止法則 f: 吹毛求疵,責難客戶; seed 004 忌批评: 当面批评和教育,大声指责",
        [0, 0, 0, 15, 0],
    ),
    f(
        "failure.broken_promise",
        "Broken promise",
        "承诺未兑现",
        S000,
        "第五节: 做出承诺却没有实现",
        [5, 0, 0, 20, 0],
    ),
    f(
        "failure.no_response",
        "No response",
        "完全没反应",
        S000,
        "第五节: 完全没反应",
        [0, 0, 0, 20, 0],
    ),
    f(
        "failure.rude",
        "Rude",
        "粗鲁无礼",
        S000,
        "第五节: 粗鲁无礼",
        [5, 0, 0, 20, 0],
    ),
    f(
        "failure.evaded_responsibility",
        "Evaded responsibility",
        "逃避个人责任",
        S000,
        "第五节: 逃避个人责任",
        [0, 0, 0, 15, 0],
    ),
    f(
        "failure.nonverbal_rejection",
        "Non-verbal rejection",
        "非语言排斥",
        S000,
        "第五节: 非语言排斥",
        [0, 0, 0, 10, 0],
    ),
    f(
        "failure.interrogated",
        "Interrogated the customer",
        "质问顾客",
        S000,
        "第五节: 质问顾客; seed 004 忌质问",
        [0, 0, 0, 10, 0],
    ),
    f(
        "failure.language_landmine",
        "Language landmine",
        "语言地雷",
        S000,
        "第五节: 语言地雷",
        [0, 0, 0, 10, 0],
    ),
    f(
        "failure.ignored_emotion",
        "Ignored emotional needs",
        "忽视情感需求",
        S000,
        "第五节: 忽视客户的情感需求",
        [0, 0, 0, 10, 0],
    ),
    f(
        "failure.forbidden_phrase",
        "Agent used a forbidden phrase",
        "使用禁语",
        S003,
        "要點五: 處理投訴的10句禁語",
        [0, 0, 0, 15, 0],
    ),
    f(
        "failure.lectured",
        "Lectured the customer like an expert",
        "像专家一样讲事实摆道理",
        S003,
        "要點五 投訴處理的禁止法則 a: 客戶是不愿意你像專家一樣來講事實、擺道理",
        [0, 0, 0, 10, 0],
    ),
    f(
        "failure.jumped_to_conclusions",
        "Jumped to conclusions",
        "急于得出结论",
        S003,
        "要點五 投訴處理的禁止法則 b: 在沒有調查清楚來龍去脈的情況下……不能急于得出結論",
        [0, 0, 0, 10, 0],
    ),
    f(
        "failure.argued",
        "Argued with the customer",
        "与客户争辩",
        S004,
        "客服人员服务禁忌 1 忌争辩: 与客户争辩不但解决不了任何问题,而且会引起客户的反感",
        [0, 0, 0, 15, 0],
    ),
    f(
        "failure.ordered",
        "Ordered the customer about",
        "命令口吻",
        S004,
        "客服人员服务禁忌 3 忌命令: 切不可采取命令和批示的口吻",
        [0, 0, 0, 10, 0],
    ),
    f(
        "failure.showed_off",
        "Showed off",
        "炫耀自己",
        S004,
        "客服人员服务禁忌 4 忌炫耀: 不可炫耀自己的出身、学识、财富、地位",
        [0, 0, 0, 5, 0],
    ),
    // Vulnerable customers.
    f(
        "vulnerability.elderly",
        "Elderly customer",
        "老年客户",
        S002,
        "六、個性化服務: 了解客戶背景,提供定制化服務 (complaint standards treat a vulnerable customer as aggravating)",
        [10, 0, 5, 10, 0],
    ),
    f(
        "vulnerability.medical_need",
        "Customer with a medical need",
        "有医疗需求的客户",
        S002,
        "六、個性化服務: 了解客戶背景,提供定制化服務 (complaint standards treat a vulnerable customer as aggravating)",
        [15, 0, 5, 10, 0],
    ),
    f(
        "vulnerability.disability",
        "Customer with a disability",
        "残障客户",
        S002,
        "六、個性化服務: 了解客戶背景,提供定制化服務 (complaint standards treat a vulnerable customer as aggravating)",
        [10, 0, 5, 10, 0],
    ),
    // Bands of numeric fields (thresholds in the policy).
    f(
        "tenure_months.band1",
        "Long-standing customer",
        "老客户",
        S002,
        "六、對於老客戶,可以提供優先處理 (priority, not reach: counts as urgency)",
        [0, 0, 0, 0, 0],
    ),
    f(
        "tenure_months.band2",
        "Long-standing customer (more)",
        "老客户(较长)",
        S002,
        "六、對於老客戶,可以提供優先處理 (priority, not reach: counts as urgency)",
        [0, 0, 0, 2, 0],
    ),
    f(
        "tenure_months.band3",
        "Long-standing customer (most)",
        "老客户(很长)",
        S002,
        "六、對於老客戶,可以提供優先處理 (priority, not reach: counts as urgency)",
        [0, 0, 0, 4, 0],
    ),
    f(
        "emotion.band1",
        "Elevated emotion",
        "情绪激动",
        S003,
        "四、1 感情用事者: 保持鎮定,適當讓客戶發泄 (a raised voice is a risk to calm, not yet a hard case; with one more sign, such as a second call, it leaves the when-convenient queue)",
        [0, 0, 0, 15, 0],
    ),
    f(
        "emotion.band2",
        "High emotion",
        "情绪强烈",
        S003,
        "四、1 感情用事者: 情緒激動,或哭或鬧",
        [0, 0, 10, 20, 0],
    ),
    f(
        "emotion.band3",
        "Extreme emotion",
        "情绪失控",
        S001,
        "处理情绪化客户: 积极安抚",
        [0, 0, 15, 25, 0],
    ),
    f(
        "prior_contacts.band1",
        "Contacted before",
        "曾来电",
        S001,
        "评估投诉处理效果: 重复投诉率",
        [0, 0, 5, 10, 0],
    ),
    f(
        "prior_contacts.band2",
        "Repeated contacts",
        "多次投诉",
        S000,
        "第二节 升级投诉分析: 抱怨升级为投诉的七大要素",
        [5, 0, 10, 20, 0],
    ),
    f(
        "prior_contacts.band3",
        "Persistent repeated contacts",
        "反复投诉",
        S000,
        "第二节 升级投诉分析: 什么是升级疑难投诉",
        [10, 0, 15, 30, 0],
    ),
    f(
        "hours_open.band1",
        "Open past a day",
        "超过一天未结",
        S003,
        "要點四: 限時結案,及時上報,避免升級",
        [0, 0, 0, 5, 0],
    ),
    f(
        "hours_open.band2",
        "Open for days",
        "多日未结",
        S003,
        "要點四: 限時結案,及時上報,避免升級 (days open raise the risk; a week open also marks a hard case)",
        [0, 0, 0, 15, 0],
    ),
    f(
        "hours_open.band3",
        "Open for a week or more",
        "一周以上未结",
        S001,
        "防止投诉升级: 避免投诉长时间得不到解决而升级 (a week unresolved is a hard case: what the front line could fix, it would have fixed; with one more hard fact, such as a system fault, a specialist's)",
        [5, 0, 15, 25, 0],
    ),
    f(
        "affected_customers.band1",
        "Several customers affected",
        "多名客户受影响",
        S000,
        "第二节: 由点及面的负面辐射",
        [5, 10, 0, 0, 0],
    ),
    f(
        "affected_customers.band2",
        "A group of customers affected",
        "群体受影响",
        S000,
        "第二节: 由点及面的负面辐射",
        [10, 20, 5, 0, 0],
    ),
    f(
        "affected_customers.band3",
        "Many customers affected",
        "大量客户受影响",
        S002,
        "五、當多客戶投訴同一問題后……找出系統性缺陷",
        [15, 35, 10, 5, 0],
    ),
    f(
        "affected_customers.band4",
        "Thousands of customers affected",
        "数千客户受影响",
        S002,
        "五、找出系統性缺陷",
        [20, 50, 15, 10, 0],
    ),
    f(
        "affected_customers.band5",
        "Tens of thousands of customers affected",
        "数万客户受影响",
        S002,
        "二、分級是科學處理投訴的技巧: 根據投訴嚴重程度和影響範圍; 五、找出系統性缺陷",
        [30, 60, 15, 10, 0],
    ),
    f(
        "affected_customers.band6",
        "Hundreds of thousands of customers affected",
        "数十万客户受影响",
        S002,
        "二、分級是科學處理投訴的技巧: 根據投訴嚴重程度和影響範圍; 五、找出系統性缺陷",
        [35, 70, 20, 15, 0],
    ),
    f(
        "affected_customers.band7",
        "A million customers or more affected",
        "百万级客户受影响",
        S002,
        "二、分級是科學處理投訴的技巧: 根據投訴嚴重程度和影響範圍; 五、找出系統性缺陷",
        [40, 80, 20, 15, 0],
    ),
    f(
        "direct_loss.band1",
        "Direct loss",
        "直接损失",
        S000,
        "高额补偿投诉处理: 看客户经济损失是直接损失还是间接损失",
        [5, 0, 0, 0, 0],
    ),
    f(
        "direct_loss.band2",
        "Substantial direct loss",
        "较大直接损失",
        S000,
        "高额补偿投诉处理 (1 000 in the major unit; 较大: with an ordinary category it is a moderate complaint)",
        [20, 0, 0, 0, 0],
    ),
    f(
        "direct_loss.band3",
        "Large direct loss",
        "重大直接损失",
        S000,
        "高额补偿投诉处理 (10 000 in the major unit; 重大: with an unauthorised loss or a harder category it is a major complaint)",
        [40, 5, 5, 0, 0],
    ),
    f(
        "direct_loss.band4",
        "Very large direct loss",
        "特别重大直接损失",
        S000,
        "高额补偿投诉处理 (100 000 in the major unit; 特别重大: a major complaint whatever the category)",
        [55, 10, 10, 0, 0],
    ),
    f(
        "departments.band1",
        "Two departments must act",
        "需两个部门协调",
        S001,
        "应对复杂投诉: 协调公司内部的多个部门",
        [0, 0, 10, 0, 0],
    ),
    f(
        "departments.band2",
        "Several departments must act",
        "需多部门协调",
        S001,
        "应对复杂投诉: 协调公司内部的多个部门或外部资源",
        [0, 0, 15, 0, 0],
    ),
    f(
        "departments.band3",
        "Many departments must act",
        "需大量部门协调",
        S000,
        "第六节 部门资源支撑: 合署办公机制",
        [0, 0, 25, 0, 0],
    ),
    // Flags and derived factors.
    f(
        "indirect_loss_claimed",
        "Indirect loss claimed",
        "索赔间接损失",
        S000,
        "高额补偿投诉处理: 看客户经济损失是直接损失还是间接损失",
        [0, 0, 10, 0, 5],
    ),
    f(
        "beyond_authority",
        "Remedy beyond front-line authority",
        "超出一线权限",
        S002,
        "授權是高效處理投訴的技巧: 超出權限的投訴,要明確告知客戶處理流程",
        [0, 0, 15, 0, 0],
    ),
    f(
        "previously_compensated",
        "Compensated before",
        "曾获补偿",
        S000,
        "专题二 第三节 变色龙型客户: 以前曾经发生过,后来也得到了补偿",
        [0, 0, 10, 0, 10],
    ),
    f(
        "safety_incident",
        "Harm to a person or property",
        "人身财产安全事件",
        S000,
        "第二模块: 安全权",
        [50, 10, 0, 10, 0],
    ),
    f(
        "sensitive_period",
        "Sensitive period",
        "敏感时期",
        S000,
        "第三节: 多选择重要时间段和重要场合 (a failure at a festival or a deadline costs the customer what cannot be made good later: it weighs as severity; it reaches nobody more unless made public, which the channel, threats and hype weigh, and a period the customer chose is the malice signal `chosen_timing`)",
        [15, 0, 0, 5, 0],
    ),
    f(
        "claim_unreasonable",
        "Claim above the limit of the direct loss",
        "索赔额超过直接损失两倍",
        S000,
        "高额补偿投诉处理: 客户的索赔额有没有超直接损失的2倍,如超过两倍即为不合理",
        [0, 0, 10, 0, 20],
    ),
    f(
        "text.strong_emotion",
        "Strong emotion in the text",
        "文本中的强烈情绪",
        S003,
        "四、1 感情用事者: 情緒激動,或哭或鬧",
        [0, 0, 5, 10, 0],
    ),
    f(
        "data_breach",
        "Personal data exposed",
        "个人信息泄露",
        S003,
        "二、客戶心理需求: 6.安全需求; 7.隱私需求 (a breach reaches every customer whose data leaked and is reported to regulators)",
        [20, 15, 10, 10, 0],
    ),
];

/// Checks, at compile time, that the ranges fill the table exactly.
const _: () = assert!(FLAGS as usize + 8 == FACTORS.len());

#[cfg(test)]
mod tests {
    use super::*;
    use std::format;

    fn check<T: Copy>(prefix: &str, all: &[T], code: fn(T) -> &'static str, ctor: fn(T) -> Factor) {
        for v in all {
            assert_eq!(ctor(*v).code(), format!("{prefix}.{}", code(*v)));
        }
    }

    #[test]
    fn ranges_match_table() {
        check("category", Category::ALL, Category::code, Factor::category);
        check("channel", Channel::ALL, Channel::code, Factor::channel);
        check(
            "customer_tier",
            CustomerTier::ALL,
            CustomerTier::code,
            Factor::customer_tier,
        );
        check(
            "personality",
            Personality::ALL,
            Personality::code,
            Factor::personality,
        );
        check("motive", Motive::ALL, Motive::code, Factor::motive);
        check(
            "expectation",
            Expectation::ALL,
            Expectation::code,
            Factor::expectation,
        );
        check(
            "liability",
            Liability::ALL,
            Liability::code,
            Factor::liability,
        );
        check("evidence", Evidence::ALL, Evidence::code, Factor::evidence);
        check("right", Right::ALL, Right::code, Factor::right);
        check("threat", Threat::ALL, Threat::code, Factor::threat);
        check("profile", Profile::ALL, Profile::code, Factor::profile);
        check(
            "malice",
            MaliceSignal::ALL,
            MaliceSignal::code,
            Factor::malice_signal,
        );
        check(
            "failure",
            HandlingFailure::ALL,
            HandlingFailure::code,
            Factor::handling_failure,
        );
        check(
            "causal_link",
            CausalLink::ALL,
            CausalLink::code,
            Factor::causal_link,
        );
        check(
            "vulnerability",
            Vulnerability::ALL,
            Vulnerability::code,
            Factor::vulnerability,
        );
        for band in Band::ALL {
            for level in 0..band.levels() {
                let code = Factor::band(band, level).unwrap().code();
                assert_eq!(code, format!("{}.band{}", band.field(), level + 1));
            }
            assert!(Factor::band(band, band.levels()).is_none());
        }
        assert_eq!(
            Factor::INDIRECT_LOSS_CLAIMED.code(),
            "indirect_loss_claimed"
        );
        assert_eq!(Factor::TEXT_STRONG_EMOTION.code(), "text.strong_emotion");
        assert_eq!(Factor::DATA_BREACH.code(), "data_breach");
    }

    #[test]
    fn codes_are_unique_and_cite_a_seed() {
        for (i, a) in FACTORS.iter().enumerate() {
            assert!(
                FACTORS[i + 1..].iter().all(|b| b.code != a.code),
                "{}",
                a.code
            );
            assert!([S000, S001, S002, S003, S004].contains(&a.seed));
            assert!(!a.passage.is_empty() && !a.en.is_empty() && !a.zh.is_empty());
            assert_eq!(Factor::from_code(a.code).map(Factor::index), Some(i));
        }
    }
}

//! Realistic complaint records and call transcripts, generated
//! deterministically from a seed.
//!
//! A fixed toy record would let branch predictors and caches learn the one
//! path it takes; real traffic mixes categories, channels, missing fields,
//! rare threats and long tails of amounts. The mix below is a plausible
//! contact-centre day: mostly billing and service complaints on the hotline,
//! few threats, a long tail of losses and affected customers, and free text
//! (Chinese or English) on most records. Record `i` of a seed is always the
//! same, so a batch of `n` is the first `n` of one stream and every size
//! measures the same kind of traffic.

use complaint_triage::{
    parse_complaint, Category, Channel, Complaint, CustomerTier, Evidence, Expectation,
    HandlingFailure, Jurisdiction, Liability, MaliceSignal, Motive, Personality, Profile, Right,
    Threat, ATTITUDE_FAILURES,
};
use std::fmt::Write as _;

/// The seed of every published figure.
pub const SEED: u64 = 0x5eed_c0de_2026;

/// SplitMix64: tiny, fast, and the same on every platform, which is all a
/// benchmark input needs (it is not used for anything secret).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for this seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift (bias below 2^-32 for
    /// the small `n` used here).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// `true` with probability `permille / 1000`.
    pub fn chance(&mut self, permille: u64) -> bool {
        self.below(1000) < permille
    }

    /// An index drawn with the given integer weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        let mut x = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            let w = u64::from(*w);
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// Log-uniform in `lo..=hi` (`lo >= 1`): amounts and counts whose
    /// orders of magnitude are equally likely, as losses are.
    pub fn log_uniform(&mut self, lo: u64, hi: u64) -> u64 {
        let (a, b) = (lo.max(1).ilog2(), hi.ilog2());
        let e = self.range(u64::from(a), u64::from(b));
        let base = 1u64 << e;
        self.range(base.max(lo), (base * 2 - 1).min(hi))
    }

    /// One element of `items`.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Language of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
    /// Either, at random per text (about 60% Chinese).
    Mixed,
}

impl Lang {
    /// The name used in bench ids.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Mixed => "mixed",
        }
    }
}

// Sentences of ordinary complaints: most of any text, and no cue in them
// that would contradict the record (the record says how often the customer
// has called; a sentence saying "the third time" in half the texts would
// make every other record a repeat complaint).
const ZH_NEUTRAL: &[&str] = &[
    "你好，我想反映一下上个月的账单问题。",
    "我的宽带从前天晚上开始就一直断断续续的。",
    "客服说会在二十四小时内回电，但是到现在都没有人联系我。",
    "页面上写的是包邮，结算的时候却多收了运费。",
    "这个问题我在网上也留言了，说是在处理。",
    "订单号我发给你们了，麻烦帮我查一下物流。",
    "套餐里说好的流量没有到账，话费却照扣。",
    "收到的商品和图片不一样，颜色差很多。",
    "我是老用户了，用了你们的服务五年多。",
    "请尽快给我一个明确的答复，什么时候能解决。",
    "师傅上门说是线路问题，要等另外的部门来修。",
    "这个月的账单比平时多了一百多块，我没有开通任何增值业务。",
    "好的，我先把截图发到邮箱，你们核实一下。",
    "退款申请提交一周了，状态还是审核中。",
    "营业厅的工作人员让我打热线，热线又让我去营业厅。",
    "麻烦把处理结果发短信告诉我，谢谢。",
];
const EN_NEUTRAL: &[&str] = &[
    "Hi, I'm calling about the charge on last month's bill.",
    "My broadband has been dropping every evening since Tuesday.",
    "I was told someone would call me back within a day, and nobody did.",
    "The order was supposed to arrive on Friday and the tracking hasn't moved.",
    "I also sent a message through the app about the same issue.",
    "I can send you the screenshots and the order number right now.",
    "The data in my plan never showed up but I was still billed for it.",
    "The item I received doesn't match the picture on the website.",
    "I've been a customer for more than five years.",
    "Could you tell me when exactly this will be fixed?",
    "The engineer said it's a line fault and another team has to come out.",
    "There is an extra forty dollars on the bill for a service I never ordered.",
    "Okay, I'll email the receipts so you can verify them.",
    "I asked for a refund a week ago and it still says pending review.",
    "The store told me to call the hotline and the hotline sent me back to the store.",
    "Please text me the outcome when you have it, thanks.",
];
// Sentences carrying cues: threats, forbidden agent phrases, strong emotion.
const ZH_CUES: &[&str] = &[
    "再不解决我就找记者曝光！",
    "我要去12315投诉你们。",
    "不行我就去法院起诉。",
    "我要携号转网，再也不用你们了。",
    "我会发到微博和朋友圈让大家看看。",
    "我已经在黑猫投诉上发帖了。",
    "客服说我们公司的规定就是这样的。",
    "客服回答我不知道，你去问别人。",
    "这种问题我们见得多了。",
    "真是气死我了，太过分了！！！",
    "你们就是骗子，黑心公司。",
    "我真的快崩溃了，都想哭了。",
];
const EN_CUES: &[&str] = &[
    "If this isn't fixed I'm going to the press.",
    "I will file a complaint with the regulator.",
    "I'm talking to my lawyer about this.",
    "I want to cancel my account today.",
    "I'm going to post it online so everyone sees it.",
    "I've already left a review on Trustpilot.",
    "The agent just said that's company policy.",
    "He told me it's not my department, ask someone else.",
    "She said we see this all the time.",
    "This is absolutely unacceptable!!!",
    "You people are scammers and liars.",
    "I'm desperate, I'm at my wit's end.",
];
const ZH_AGENT: &[&str] = &[
    "客服：您好，请问有什么可以帮您？",
    "客服：非常抱歉给您带来不便，我马上为您核实。",
    "客服：请您提供一下订单号或者手机号码。",
    "客服：我已经记录下来了，会在二十四小时内回复您。",
    "客服：理解您的心情，我们一定尽快处理。",
];
const EN_AGENT: &[&str] = &[
    "Agent: Thank you for calling, how can I help you today?",
    "Agent: I'm sorry about the trouble, let me look into it right away.",
    "Agent: Could you give me the order number or the phone number on the account?",
    "Agent: I've logged it and someone will get back to you within a day.",
    "Agent: I understand how frustrating this is, we'll sort it out.",
];

fn lang_of(rng: &mut Rng, lang: Lang) -> Lang {
    match lang {
        Lang::Mixed => {
            if rng.chance(600) {
                Lang::Zh
            } else {
                Lang::En
            }
        }
        l => l,
    }
}

/// A short complaint narrative (one to five sentences), as a record's
/// `text` field holds; about one in five carries a cue.
pub fn narrative(rng: &mut Rng, lang: Lang) -> String {
    let lang = lang_of(rng, lang);
    let (neutral, cues) = match lang {
        Lang::Zh => (ZH_NEUTRAL, ZH_CUES),
        _ => (EN_NEUTRAL, EN_CUES),
    };
    let mut s = String::new();
    for i in 0..rng.range(1, 5) {
        if i > 0 && lang == Lang::En {
            s.push(' ');
        }
        if rng.chance(60) {
            s.push_str(rng.pick(cues));
        } else {
            s.push_str(rng.pick(neutral));
        }
    }
    s
}

/// A call transcript: alternating agent and customer turns, about 0.3 to
/// 3 KB, with cues in roughly one customer turn in twelve.
pub fn transcript(rng: &mut Rng, lang: Lang) -> String {
    let lang = lang_of(rng, lang);
    let (neutral, cues, agent, customer) = match lang {
        Lang::Zh => (ZH_NEUTRAL, ZH_CUES, ZH_AGENT, "客户："),
        _ => (EN_NEUTRAL, EN_CUES, EN_AGENT, "Customer: "),
    };
    let mut s = String::new();
    for _ in 0..rng.range(2, 12) {
        s.push_str(rng.pick(agent));
        s.push('\n');
        s.push_str(customer);
        for i in 0..rng.range(1, 3) {
            if i > 0 && lang == Lang::En {
                s.push(' ');
            }
            if rng.chance(80) {
                s.push_str(rng.pick(cues));
            } else {
                s.push_str(rng.pick(neutral));
            }
        }
        s.push('\n');
    }
    s
}

/// `n` transcripts of a seed.
pub fn transcripts(seed: u64, n: usize, lang: Lang) -> Vec<String> {
    let mut rng = Rng::new(seed ^ 0x7a5c_0000 ^ lang as u64);
    (0..n).map(|_| transcript(&mut rng, lang)).collect()
}

fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Options of the record generator.
#[derive(Clone, Copy, Debug)]
pub struct RecordOptions {
    /// Share of records with a free-text narrative, in thousandths.
    pub text_permille: u64,
}

impl Default for RecordOptions {
    fn default() -> Self {
        RecordOptions { text_permille: 700 }
    }
}

/// Record `i` of the stream of `rng`, as one line of JSON.
///
/// Fields at their default are often left out, as real exports do; list
/// fields are usually empty; codes follow the weights of a plausible day.
pub fn record_json(rng: &mut Rng, i: usize, opts: RecordOptions) -> String {
    let mut s = String::with_capacity(512);
    let _ = write!(s, "{{\"id\":\"CT-{:08}\"", i);
    // How often the customer has come about it before, drawn first: the
    // facts that come from a handling that failed follow from it.
    let prior = rng.weighted(&[60, 25, 8, 4, 1, 1, 1]);
    let stage = Stage::of(prior);
    // Each code field: (weights in vocabulary order, chance in thousandths that it is written).
    let cat = rng.weighted(&[20, 25, 4, 15, 5, 2, 10, 6, 3, 8, 2]);
    let _ = write!(s, ",\"category\":\"{}\"", Category::ALL[cat].code());
    let ch = rng.weighted(&[10, 45, 20, 8, 7, 4, 3, 2, 1]);
    let _ = write!(s, ",\"channel\":\"{}\"", Channel::ALL[ch].code());
    let tier = rng.weighted(&[70, 15, 10, 5]);
    if tier != 0 || rng.chance(500) {
        let _ = write!(
            s,
            ",\"customer_tier\":\"{}\"",
            CustomerTier::ALL[tier].code()
        );
    }
    if rng.chance(800) {
        let months = if rng.chance(100) {
            rng.range(0, 600)
        } else {
            rng.range(0, 180)
        };
        let _ = write!(s, ",\"tenure_months\":{months}");
    }
    let p = rng.weighted(&[15, 15, 15, 15, 40]);
    if p != 4 || rng.chance(300) {
        let _ = write!(s, ",\"personality\":\"{}\"", Personality::ALL[p].code());
    }
    let m = rng.weighted(&[35, 10, 5, 15, 5, 30]);
    if m != 5 || rng.chance(300) {
        let _ = write!(s, ",\"motive\":\"{}\"", Motive::ALL[m].code());
    }
    let e = rng.weighted(&[40, 8, 10, 5, 7, 30]);
    if e != 5 || rng.chance(300) {
        let _ = write!(s, ",\"expectation\":\"{}\"", Expectation::ALL[e].code());
    }
    let emotion = rng.weighted(&[8, 8, 10, 12, 12, 12, 10, 9, 8, 6, 5]);
    let _ = write!(s, ",\"emotion\":{emotion}");
    if prior != 0 || rng.chance(500) {
        let _ = write!(s, ",\"prior_contacts\":{prior}");
    }
    if rng.chance(850) {
        let hours = match stage {
            Stage::First => rng.range(0, 23),
            Stage::Second if rng.chance(850) => rng.range(12, 96),
            Stage::Second => rng.log_uniform(96, 2000),
            Stage::Later if rng.chance(700) => rng.range(48, 167),
            Stage::Later => rng.log_uniform(168, 2000),
        };
        let _ = write!(s, ",\"hours_open\":{hours}");
    }
    let affected = match rng.weighted(&[860, 100, 30, 10]) {
        0 => 1,
        1 => rng.range(2, 50),
        2 => rng.log_uniform(50, 5000),
        _ => rng.log_uniform(5000, 200_000),
    };
    if affected != 1 || rng.chance(300) {
        let _ = write!(s, ",\"affected_customers\":{affected}");
    }
    // Most losses of an ordinary day are a fee, a charge or a parcel (up to
    // a couple of thousand); one in ten is the tail of larger sums.
    let loss = if rng.chance(450) {
        0
    } else if rng.chance(900) {
        rng.log_uniform(100, 200_000)
    } else {
        rng.log_uniform(200_000, 20_000_000)
    };
    if loss != 0 || rng.chance(300) {
        let _ = write!(s, ",\"direct_loss\":{loss}");
    }
    if loss != 0 && rng.chance(600) {
        // Claims cluster around the loss, with a tail of excessive ones.
        let claim = match rng.weighted(&[60, 25, 15]) {
            0 => loss,
            1 => loss * rng.range(11, 20) / 10,
            _ => loss * rng.range(21, 100) / 10,
        };
        let _ = write!(s, ",\"claimed_amount\":{claim}");
    }
    // A remedy beyond the front line's authority is mostly a large one:
    // an agent refunds a fee or a parcel within authority (seed 002 授權:
    // 在權限內快速解決問題), while a loss of a thousand yuan or more often
    // asks for approval. About 8% of records either way.
    let large_loss = loss >= 100_000;
    let beyond_authority = if large_loss { 350 } else { 40 };
    for (name, permille) in [
        ("indirect_loss_claimed", 60),
        ("beyond_authority", beyond_authority),
        ("previously_compensated", 40),
        ("safety_incident", 8),
        // An ordinary day is no festival eve, no 双十一: a sensitive period
        // is a fact of the calendar, shared by a whole day's records, and
        // on an ordinary day only the customer's own occasion (an exam, a
        // wedding, a trip) makes one.
        ("sensitive_period", 10),
    ] {
        if rng.chance(permille) {
            let _ = write!(s, ",\"{name}\":true");
        } else if rng.chance(100) {
            let _ = write!(s, ",\"{name}\":false");
        }
    }
    let l = rng.weighted(&[30, 10, 10, 10, 40]);
    if l != 4 || rng.chance(300) {
        let _ = write!(s, ",\"liability\":\"{}\"", Liability::ALL[l].code());
    }
    let ev = rng.weighted(&[40, 40, 20]);
    if ev != 0 || rng.chance(300) {
        let _ = write!(s, ",\"evidence\":\"{}\"", Evidence::ALL[ev].code());
    }
    let dep = rng.weighted(stage.department_weights()) + 1;
    if dep != 1 || rng.chance(300) {
        let _ = write!(s, ",\"departments\":{dep}");
    }
    let mut list = |s: &mut String, name: &str, codes: &[&str], permille: u64| {
        if !rng.chance(permille) {
            return;
        }
        let _ = write!(s, ",\"{name}\":[");
        let n = rng.weighted(&[70, 22, 8]) + 1;
        let mut used = 0u64;
        let mut first = true;
        for _ in 0..n {
            let k = rng.below(codes.len() as u64);
            if used & (1 << k) != 0 {
                continue;
            }
            used |= 1 << k;
            if !first {
                s.push(',');
            }
            first = false;
            push_json_string(s, codes[k as usize]);
        }
        s.push(']');
    };
    list(&mut s, "rights", &codes(Right::ALL, Right::code), 300);
    list(
        &mut s,
        "threats",
        &codes(Threat::ALL, Threat::code),
        stage.threat_permille(),
    );
    list(&mut s, "profile", &codes(Profile::ALL, Profile::code), 100);
    list(
        &mut s,
        "malice_signals",
        &codes(MaliceSignal::ALL, MaliceSignal::code),
        30,
    );
    let attitude = Category::ALL[cat] == Category::ServiceAttitude;
    match stage {
        // A first contact has had no handling to fail: only the conduct an
        // attitude complaint is about.
        Stage::First if attitude => list(
            &mut s,
            "handling_failures",
            &codes(&ATTITUDE_FAILURES, HandlingFailure::code),
            500,
        ),
        Stage::First => {}
        _ => list(
            &mut s,
            "handling_failures",
            &codes(HandlingFailure::ALL, HandlingFailure::code),
            stage.failure_permille(),
        ),
    }
    let j = rng.weighted(&[60, 7, 5, 8, 10, 10]);
    if j != 0 || rng.chance(300) {
        let _ = write!(s, ",\"jurisdiction\":\"{}\"", Jurisdiction::ALL[j].code());
    }
    if rng.chance(opts.text_permille) {
        s.push_str(",\"text\":");
        let text = narrative(rng, Lang::Mixed);
        push_json_string(&mut s, &text);
    }
    s.push('}');
    s
}

/// Where a complaint stands in its history: the first contact about it,
/// the second, or a later one.
///
/// The facts that come from a handling that failed are drawn by it rather
/// than independently of it, each about as often over the day as before:
/// drawn independently, every escalation sign fell on first contacts as
/// often as on complaints that had already failed twice, which is not how
/// complaints escalate (seed `000_d3bb18e70da591cc.txt`, 抱怨升级为投诉的七大要素:
/// the signs gather on the complaint the first handling did not settle),
/// and a first contact "open for a week" is a contradiction (`hours_open`
/// counts from when the complaint was first raised). By stage (first,
/// second, later; 60%, 25%, 15% of the day):
///
/// - `hours_open`: under a day; half a day to four days, with a tail to
///   three months; two days to a week, 30% longer (a week or more on 6% of
///   the day, 9% before);
/// - a recorded threat: 6%, 15%, 30% (12% of the day, as before);
/// - handling failures: none on a first contact but the conduct an
///   attitude complaint is about (half of those), 30%, 45% (16%, 15%
///   before);
/// - three or more departments to act: 4%, 14%, 28% (10% of the day, as
///   before): a complaint bounced between departments (E-077's 营业厅说是系统问题,
///   系统部说要营业厅处理) is one the first department could not close.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    First,
    Second,
    Later,
}

impl Stage {
    fn of(prior_contacts: usize) -> Stage {
        match prior_contacts {
            0 => Stage::First,
            1 => Stage::Second,
            _ => Stage::Later,
        }
    }

    /// Chance in thousandths that the record lists threats.
    fn threat_permille(self) -> u64 {
        match self {
            Stage::First => 60,
            Stage::Second => 150,
            Stage::Later => 300,
        }
    }

    /// Weights of 1 to 5 departments.
    fn department_weights(self) -> &'static [u32] {
        match self {
            Stage::First => &[80, 16, 3, 1, 0],
            Stage::Second => &[70, 16, 9, 4, 1],
            Stage::Later => &[60, 12, 15, 9, 4],
        }
    }

    /// Chance in thousandths that a later contact lists handling failures.
    fn failure_permille(self) -> u64 {
        match self {
            Stage::First => 0,
            Stage::Second => 300,
            Stage::Later => 450,
        }
    }
}

fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| code(*v)).collect()
}

/// The first `n` records of a seed, as JSON lines.
pub fn records(seed: u64, n: usize, opts: RecordOptions) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n).map(|i| record_json(&mut rng, i, opts)).collect()
}

/// Parses records with the core's parser; panics on a record it rejects
/// (a bug of this generator).
pub fn complaints(records: &[String]) -> Vec<Complaint> {
    records
        .iter()
        .map(|r| match parse_complaint(r.as_bytes()) {
            Ok(c) => c,
            Err(e) => panic!("generated record rejected: {e}\n{r}"),
        })
        .collect()
}

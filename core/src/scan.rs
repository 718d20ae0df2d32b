//! Text cues: threats, forbidden agent phrases and strong-emotion markers found in a
//! complaint's free text (call transcript or narrative) in Simplified Chinese, Traditional
//! Chinese and English, without allocating.
//!
//! [`scan_text`] scans a whole string; [`Scanner`] scans text that arrives in pieces (for
//! example a JSON string unescaped fragment by fragment) and gives exactly the same
//! [`TextCues`] as [`scan_text`] on the concatenation, whatever the split.
//!
//! # What is looked for
//!
//! Three bitsets, one bit per cue (see [`TextCues`]):
//!
//! - threats the customer makes, [`THREAT_COUNT`] kinds: bit 0 media, 1 social media,
//!   2 regulator, 3 lawsuit, 4 churn, 5 third-party complaint platform ([`THREATS`]);
//! - the ten forbidden agent phrases of seed 003 (`處理投訴的10句禁語`) plus the rule
//!   `千萬不要告訴客戶:"這是常有的事"` of the same document's `投訴處理的禁止法則`,
//!   [`FORBIDDEN_PHRASE_COUNT`] kinds ([`FORBIDDEN_PHRASES`]);
//! - strong-emotion markers, [`EMOTION_MARKER_COUNT`] kinds: bit 0 anger, 1 insult,
//!   2 crying or despair, 3 a run of three or more exclamation marks, ASCII `!` or fullwidth
//!   `！` in any mix ([`EMOTION_MARKERS`]).
//!
//! Every pattern is listed by [`patterns`] (and in the `SOURCE` table of this file).
//!
//! # Matching rules
//!
//! - A pattern whose first byte is an ASCII letter or digit is an *English-style* pattern
//!   (this includes `12315`, `b站` and `315晚会`). It matches ASCII case-insensitively and only
//!   at word boundaries: the byte before and the byte after the match must not be an ASCII
//!   letter or digit (start and end of text count as boundaries). So `sue` fires in
//!   "I'll sue you" and "SUE", never in "issue", "pursue" or "suede"; `court` never in
//!   "courtesy". Whitespace inside an English pattern is a single ASCII space and matches
//!   exactly one ASCII space (0x20): "sick  and tired" (two spaces), tabs or line breaks
//!   between the words do not match. Plural and inflected forms are separate patterns.
//! - Every pattern containing an ASCII apostrophe `'` also exists with the typographic
//!   apostrophe `’` (U+2019), generated at compile time.
//! - Every other pattern (Chinese, and the exclamation runs) matches its exact UTF-8 bytes,
//!   anywhere, with no boundary rule. Chinese patterns avoid punctuation by matching the
//!   distinctive part of a phrase (`一分货` matches `一分钱一分货`, `一分钱,一分货` and
//!   `一分钱，一分货`). Every Chinese pattern is at least two characters long.
//!
//! # Known limitations
//!
//! - No negation handling: "I will *not* sue you" and "我不会起诉" still report a lawsuit
//!   threat.
//! - No speaker attribution: a forbidden agent phrase said by the customer ("I don't know
//!   why my bill doubled") is reported like one said by the agent; a caller decides what a
//!   cue means for the side of the transcript it came from.
//! - No word segmentation for Chinese: a pattern can fire across a word boundary
//!   (`垃圾` also fires in `垃圾短信`, "spam text messages").
//! - No Unicode case folding or normalisation beyond ASCII (fullwidth Latin letters,
//!   compatibility characters and the like are not folded), and only single ASCII spaces
//!   between English words.
//!
//! # Choices in the pattern list
//!
//! The list is the `SOURCE` table of this file; [`patterns`] returns it for generated
//! documentation. Some entries are deliberately narrower or shorter than the obvious word:
//!
//! - `哭` (crying) only in two-character forms (`哭了`, `想哭`, `哭泣`...), so that `哭笑不得`
//!   does not fire and every Chinese pattern is at least two characters long; `崩溃` only as
//!   `我崩溃`, `快崩溃`, `精神崩溃`, because `系统崩溃` (a system crash) is a neutral complaint.
//! - "press" only as "the press", because call transcripts say "press 1".
//! - `看不懂中文/英文` only as `你看不懂...` or `...吗/嗎`, so that a customer's
//!   `我看不懂英文合同` does not fire.
//! - Some patterns start at the distinctive part of a phrase, because a pattern whose first
//!   two characters are very common (`我们`, `投诉`) would send the scanner to the pattern
//!   table at almost every occurrence of them: `们见得多` (also matches `他们见得多`),
//!   `诉平台`, "have no idea", "you another day" and "you back another day" (which cover
//!   "call/contact you (back) another day").
//!
//! # How it is fast
//!
//! The text is processed in 64-byte blocks. For each block, eight 64-bit words give, with
//! branch-free SWAR arithmetic, a mask of the positions where a pattern can start: the lead
//! byte of every multi-byte UTF-8 character, and every printable ASCII byte (not space) that
//! does not follow an ASCII letter. (A run of exclamation marks right after a letter, as in
//! "wow!!!", is found at its second mark by four internal two-mark patterns that only count
//! after a `!`.) Each such position is probed with a multiplicative hash of its first few
//! bytes (ASCII folded to lower case; how many bytes depends on the first byte: the length
//! of the shortest pattern starting with it, at most 8) against a one-bit-per-key filter of
//! 2 KiB (1 KiB on 32-bit targets). Only a filter hit (true prefixes, and about 2% of the
//! other positions) looks up its bucket of the pattern table and compares bytes.
//!
//! All tables are built at compile time by `const fn`s from `SOURCE`, which also check the
//! list (lower case, no duplicates, lengths, starting bytes the scanner can see). Static
//! data: about 5 KiB of pattern text, 1.6 KiB of packed pattern entries, the filter, and
//! 0.6 KiB of small lookup tables; about 9 KiB in all on 64-bit targets, 8 KiB on 32-bit.
//! Nothing allocates, nothing indexes out of bounds (slices are read with `get` and
//! fixed-size chunks), no arithmetic can overflow (the lints below enforce it outside the
//! compile-time table builders), and there is no `unsafe` and no floating point.
//!
//! Measured (the ignored `throughput` test, release build, AMD EPYC Zen 5 at about 4 GHz):
//! about 1.6 GB/s on generated mixed zh-Hans/zh-Hant/English transcripts, 1.5 to 1.8 GB/s
//! on each language alone, i.e. about 2.5 cycles per byte; [`Scanner`] fed 4 KiB pieces
//! within 5% of that. The worst case is text made of one pattern prefix repeated, where
//! every position reaches the pattern table: still linear, 70 to 250 MB/s.

#![deny(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/// Number of threat kinds (bits used in [`TextCues::threats`]).
pub const THREAT_COUNT: usize = 6;
/// Number of forbidden agent phrases (bits used in [`TextCues::forbidden_phrases`]).
pub const FORBIDDEN_PHRASE_COUNT: usize = 11;
/// Number of strong-emotion markers (bits used in [`TextCues::emotion_markers`]).
pub const EMOTION_MARKER_COUNT: usize = 4;

/// Length in bytes of the longest pattern. A [`Scanner`] carries `MAX_PATTERN_LEN + 1` bytes
/// between pieces (the pending bytes plus one byte of context for the word-boundary rule).
pub const MAX_PATTERN_LEN: usize = tables::MAX_LEN;

/// What the scanner found.
///
/// Each field is a bitset; bit `i` is set when at least one pattern of cue `i` occurred.
/// Bit meanings: [`THREATS`], [`FORBIDDEN_PHRASES`], [`EMOTION_MARKERS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextCues {
    /// Threats made by the customer: bit 0 media, 1 social media, 2 regulator, 3 lawsuit,
    /// 4 churn, 5 third-party complaint platform. See [`THREATS`].
    pub threats: u8,
    /// Forbidden agent phrases, bits 0 to 10 in the order of [`FORBIDDEN_PHRASES`].
    pub forbidden_phrases: u16,
    /// Strong-emotion markers: bit 0 anger, 1 insult, 2 crying or despair, 3 a run of three
    /// or more exclamation marks. See [`EMOTION_MARKERS`].
    pub emotion_markers: u8,
}

impl TextCues {
    /// No cue at all.
    pub const NONE: TextCues = TextCues {
        threats: 0,
        forbidden_phrases: 0,
        emotion_markers: 0,
    };

    /// `true` when no cue was found.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.threats == 0 && self.forbidden_phrases == 0 && self.emotion_markers == 0
    }

    /// Every cue found in `self` or in `other`.
    #[inline]
    #[must_use]
    pub fn union(self, other: TextCues) -> TextCues {
        TextCues {
            threats: self.threats | other.threats,
            forbidden_phrases: self.forbidden_phrases | other.forbidden_phrases,
            emotion_markers: self.emotion_markers | other.emotion_markers,
        }
    }

    /// Whether the bit described by a packed `kind << 4 | bit` byte is set.
    #[inline]
    fn has(&self, kind_bit: u8) -> bool {
        let bit = u32::from(kind_bit & 0x0F);
        match kind_bit >> 4 {
            0 => self.threats.checked_shr(bit).unwrap_or(0) & 1 != 0,
            1 => self.forbidden_phrases.checked_shr(bit).unwrap_or(0) & 1 != 0,
            _ => self.emotion_markers.checked_shr(bit).unwrap_or(0) & 1 != 0,
        }
    }

    /// Sets the bit described by a packed `kind << 4 | bit` byte.
    #[inline]
    fn set(&mut self, kind_bit: u8) {
        let bit = u32::from(kind_bit & 0x0F);
        match kind_bit >> 4 {
            0 => self.threats |= 1u8.checked_shl(bit).unwrap_or(0),
            1 => self.forbidden_phrases |= 1u16.checked_shl(bit).unwrap_or(0),
            _ => self.emotion_markers |= 1u8.checked_shl(bit).unwrap_or(0),
        }
    }
}

/// Which bitset of [`TextCues`] a pattern reports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CueKind {
    /// A threat made by the customer ([`TextCues::threats`], [`THREATS`]).
    Threat,
    /// A forbidden agent phrase ([`TextCues::forbidden_phrases`], [`FORBIDDEN_PHRASES`]).
    ForbiddenPhrase,
    /// A strong-emotion marker ([`TextCues::emotion_markers`], [`EMOTION_MARKERS`]).
    EmotionMarker,
}

impl CueKind {
    const fn from_index(i: u8) -> Option<CueKind> {
        match i {
            0 => Some(CueKind::Threat),
            1 => Some(CueKind::ForbiddenPhrase),
            2 => Some(CueKind::EmotionMarker),
            _ => None,
        }
    }
}

/// Stable code, English and Chinese (simplified) name of one cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PhraseInfo {
    /// Stable snake_case code, e.g. `"ask_someone_else"`.
    pub code: &'static str,
    /// English name or translation.
    pub en: &'static str,
    /// Chinese (simplified) name; for a forbidden phrase, the seed's wording in simplified
    /// Chinese (`*` stands for the adverb the seed leaves out, e.g. 绝 or 根本).
    pub zh: &'static str,
}

const fn info(code: &'static str, en: &'static str, zh: &'static str) -> PhraseInfo {
    PhraseInfo { code, en, zh }
}

/// Stable code, English and Chinese (simplified) name for each threat kind, indexed by bit
/// of [`TextCues::threats`]. The codes equal the record contract's `threats` enum strings.
pub const THREATS: [PhraseInfo; THREAT_COUNT] = [
    info("media", "Threat to go to the media", "媒体曝光"),
    info(
        "social_media",
        "Threat to post on social media",
        "社交媒体曝光",
    ),
    info(
        "regulator",
        "Threat to complain to a regulator",
        "向监管部门投诉",
    ),
    info("lawsuit", "Threat of legal action", "起诉"),
    info(
        "churn",
        "Threat to leave (close account, switch provider)",
        "销户或转网",
    ),
    info(
        "third_party_platform",
        "Threat to use a third-party complaint platform",
        "第三方投诉平台",
    ),
];

/// Stable code, English and Chinese (simplified) name for each forbidden phrase, indexed by
/// bit of [`TextCues::forbidden_phrases`]. Bits 0 to 9 are the ten forbidden phrases of
/// seed 003 (`處理投訴的10句禁語`, a to j); bit 10 is the same document's rule "never tell the
/// customer: this happens all the time" (`千萬不要告訴客戶:"這是常有的事"`).
pub const FORBIDDEN_PHRASES: [PhraseInfo; FORBIDDEN_PHRASE_COUNT] = [
    info(
        "child_could_do_it",
        "Even a child can do this",
        "这种问题连小孩子都会",
    ),
    info(
        "get_what_you_pay_for",
        "You get what you pay for",
        "你要知道，一分钱，一分货",
    ),
    info(
        "cannot_happen",
        "That cannot possibly happen",
        "*不可能发生这种事",
    ),
    info(
        "ask_someone_else",
        "Go ask someone else, it is not our business",
        "你要去问别人，这不是我们的事",
    ),
    info(
        "dont_know",
        "I don't know, it's not clear",
        "我不知道，不清楚",
    ),
    info(
        "company_rules",
        "Company rules are just like that",
        "公司的规定就是这样的",
    ),
    info(
        "cant_you_read",
        "Can't you read Chinese (English)?",
        "你看不懂中文（英文）吗",
    ),
    info(
        "contact_another_day",
        "I'll contact (notify) you another day",
        "改天再和你联络（通知你）",
    ),
    info(
        "seen_it_often",
        "We see this kind of problem a lot",
        "这种问题我们见得多",
    ),
    info("never_said_that", "I never said that", "我*没有说过这种话"),
    info(
        "happens_all_the_time",
        "This happens all the time",
        "这是常有的事",
    ),
];

/// Stable code, English and Chinese (simplified) name for each strong-emotion marker, indexed
/// by bit of [`TextCues::emotion_markers`].
pub const EMOTION_MARKERS: [PhraseInfo; EMOTION_MARKER_COUNT] = [
    info("anger", "Anger", "愤怒"),
    info("insult", "Insult", "辱骂"),
    info("despair", "Crying or despair", "哭泣或绝望"),
    info(
        "exclamation_run",
        "Three or more exclamation marks in a row",
        "连续三个以上感叹号",
    ),
];

// ---------------------------------------------------------------------------------------------
// The patterns
// ---------------------------------------------------------------------------------------------

const T: CueKind = CueKind::Threat;
const F: CueKind = CueKind::ForbiddenPhrase;
const E: CueKind = CueKind::EmotionMarker;

/// Every pattern, grouped by cue. English-style patterns (first byte an ASCII letter or
/// digit) are written in lower case. See the module documentation for the matching rules.
#[rustfmt::skip]
const SOURCE: &[(CueKind, u8, &[&str])] = &[
    // ---- threats ----------------------------------------------------------------------------
    // 0 media
    (T, 0, &[
        "曝光", "媒体", "媒體", "记者", "記者", "报社", "報社", "电视台", "電視台", "電視臺",
        "上新闻", "上新聞", "央视", "央視", "315晚会", "315晚會",
        "the press", "journalist", "journalists", "newspaper", "newspapers", "reporter",
        "reporters", "expose", "the media", "tv station",
    ]),
    // 1 social media
    (T, 1, &[
        "微博", "朋友圈", "抖音", "小红书", "小紅書", "发到网上", "發到網上", "发网上", "發網上",
        "贴到网上", "貼到網上", "知乎", "脸书", "臉書", "b站",
        "twitter", "facebook", "tiktok", "instagram", "youtube", "reddit", "social media",
        "go viral", "going viral", "post it online", "post online", "put it online",
    ]),
    // 2 regulator
    (T, 2, &[
        "12315", "12378", "工信部", "银保监", "銀保監", "银监会", "銀監會", "金融监管", "金融監管",
        "监管部门", "監管部門", "监管局", "監管局", "消协", "消協", "消费者协会", "消費者協會",
        "市场监管", "市場監管", "人民银行", "人民銀行", "通管局", "通信管理局", "金管会", "金管會",
        "消基会", "消基會", "消保官",
        "regulator", "regulators", "cfpb", "ombudsman", "fca", "ftc", "better business bureau",
        "bbb", "consumer protection",
    ]),
    // 3 lawsuit
    (T, 3, &[
        "起诉", "起訴", "律师", "律師", "法院", "法庭", "打官司", "诉讼", "訴訟", "法律途径",
        "法律途徑", "告你们", "告你們", "仲裁",
        "lawyer", "lawyers", "attorney", "attorneys", "sue", "sued", "suing", "lawsuit",
        "lawsuits", "court", "courts", "legal action", "solicitor", "small claims",
        "class action",
    ]),
    // 4 churn
    (T, 4, &[
        "销户", "銷戶", "携号转网", "攜號轉網", "转网", "轉網", "退网", "退網", "不再用你们",
        "不再用你們", "再也不用你们", "再也不用你們", "换一家", "換一家", "注销账户", "註銷帳戶",
        "解约", "解約",
        "cancel my account", "close my account", "closing my account", "cancel my subscription",
        "cancel my service", "switch provider", "switch providers", "switch to another",
        "take my business elsewhere", "port my number",
    ]),
    // 5 third-party complaint platform
    (T, 5, &[
        "黑猫投诉", "黑貓投訴", "聚投诉", "聚投訴", "消费保", "消費保", "电诉宝", "電訴寶",
        "大众点评", "大眾點評", "诉平台", "訴平台",
        "trustpilot", "consumer forum", "review site", "google review",
        "google reviews",
    ]),
    // ---- forbidden agent phrases (seed 003) -------------------------------------------------
    // 0 這種問題連小孩子都會
    (F, 0, &[
        "小孩子都会", "小孩子都會", "小孩都会", "小孩都會", "三岁小孩都", "三歲小孩都",
        "小学生都会", "小學生都會",
        "even a child could", "even a child can", "even a kid could", "a child could do",
        "a five year old could",
    ]),
    // 1 你要知道,一分錢,一分貨
    (F, 1, &[
        "一分货", "一分貨", "便宜没好货", "便宜沒好貨",
        "you get what you pay for", "you got what you paid for", "you get what you paid for",
    ]),
    // 2 *不可能發生這種事
    (F, 2, &[
        "不可能发生", "不可能發生", "不可能有这种事", "不可能有這種事", "绝不可能", "絕不可能",
        "根本不可能", "这是不可能的", "這是不可能的",
        "that's impossible", "that is impossible", "that can't happen", "that cannot happen",
        "that could never happen", "that's not possible",
    ]),
    // 3 你要去問別人,這不是我們的事
    (F, 3, &[
        "不是我们的事", "不是我們的事", "不关我们的事", "不關我們的事", "去问别人", "去問別人",
        "问别人去", "問別人去", "不归我们管", "不歸我們管",
        "not our problem", "not our business", "not our responsibility", "not my problem",
        "not my department", "not my job", "ask someone else",
    ]),
    // 4 我不知道,不清楚
    (F, 4, &[
        "我不知道", "我也不知道", "我哪知道", "不清楚", "不晓得", "不曉得",
        "i don't know", "i dont know", "i do not know", "have no idea", "no clue",
    ]),
    // 5 公司的規定就是這樣的
    (F, 5, &[
        "规定就是这样", "規定就是這樣", "规定是这样的", "規定是這樣的", "规定就是规定",
        "規定就是規定", "政策就是这样", "政策就是這樣",
        "that's company policy", "that is company policy", "it's company policy",
        "just company policy", "just the company policy", "that's our policy",
        "that's the policy", "rules are rules", "policy is policy",
    ]),
    // 6 你看不懂中文(英文)嗎
    (F, 6, &[
        "你看不懂中文", "你看不懂英文", "看不懂中文吗", "看不懂中文嗎", "看不懂英文吗",
        "看不懂英文嗎", "你不识字", "你不識字", "听不懂人话", "聽不懂人話",
        "can't you read", "learn to read", "don't you understand english",
        "don't you speak english",
    ]),
    // 7 改天再和你聯絡(通知你)
    (F, 7, &[
        "改天再和你", "改天再跟你", "改天再联络", "改天再聯絡", "改天再联系", "改天再聯繫",
        "改天再通知", "改天通知你", "改天联系你", "改天聯繫你",
        "you back another day", "you another day", "get back to you some other day",
    ]),
    // 8 這種問題我們見得多
    (F, 8, &[
        "们见得多", "們見得多", "见得多了", "見得多了", "这种问题很多", "這種問題很多",
        "这种事很多", "這種事很多",
        "we see this all the time", "we see this a lot", "we see it all the time",
        "we get this all the time", "we get this a lot", "we hear this all the time",
    ]),
    // 9 我*沒有說過這種話
    (F, 9, &[
        "我没有说过", "我沒有說過", "我没说过", "我沒說過", "我从来没说过", "我從來沒說過",
        "我从没说过", "我從沒說過", "我根本没说", "我根本沒說", "我什么时候说过",
        "我什麼時候說過",
        "i never said", "i never told you", "i didn't say that", "i did not say that",
        "i never promised",
    ]),
    // 10 這是常有的事
    (F, 10, &[
        "常有的事", "很正常的事", "这很正常", "這很正常", "这种事很常见", "這種事很常見",
        "this happens all the time", "that happens all the time", "it happens all the time",
        "this is very common", "this is normal", "that's normal", "it's normal",
        "happens to everyone",
    ]),
    // ---- strong-emotion markers -------------------------------------------------------------
    // 0 anger
    (E, 0, &[
        "气死", "氣死", "愤怒", "憤怒", "太过分", "太過分", "忍无可忍", "忍無可忍", "受够了",
        "受夠了", "火大", "气炸", "氣炸", "太离谱", "太離譜",
        "furious", "outraged", "outrageous", "fed up", "unacceptable", "ridiculous",
        "pissed off", "sick and tired",
    ]),
    // 1 insult
    (E, 1, &[
        "骗子", "騙子", "垃圾", "混蛋", "王八蛋", "黑心", "坑人", "无耻", "無恥", "废物", "廢物",
        "流氓",
        "scam", "scammer", "scammers", "liar", "liars", "disgusting", "crooks", "thieves",
        "rip off", "ripoff", "idiot", "incompetent", "useless",
    ]),
    // 2 crying or despair
    (E, 2, &[
        "哭了", "哭着", "哭著", "想哭", "要哭", "哭泣", "我崩溃", "我崩潰", "快崩溃", "快崩潰",
        "精神崩溃", "精神崩潰", "绝望", "絕望", "走投无路", "走投無路", "活不下去",
        "desperate", "in tears", "crying", "breaking down", "at my wit's end", "devastated",
        "hopeless",
    ]),
    // 3 three or more exclamation marks, ASCII or fullwidth, in any mix
    (E, 3, &["!!!", "!!！", "!！!", "!！！", "！!!", "！!！", "！！!", "！！！"]),
];

// ---------------------------------------------------------------------------------------------
// Public functions
// ---------------------------------------------------------------------------------------------

/// Scans a whole text and returns every cue found in it. Never allocates, never panics.
#[inline]
pub fn scan_text(text: &str) -> TextCues {
    let mut cues = TextCues::NONE;
    let bytes = text.as_bytes();
    scan_range(bytes, 0, bytes.len(), &mut cues);
    cues
}

/// Scans a whole text given as bytes, e.g. a JSON string body whose UTF-8 was checked
/// while it was read: `scan_bytes(s.as_bytes()) == scan_text(s)` for every `s`, without a
/// second UTF-8 check. Bytes that are not UTF-8 are matched as they are (a pattern matches
/// its exact bytes); never allocates, never panics.
#[inline]
pub fn scan_bytes(text: &[u8]) -> TextCues {
    let mut cues = TextCues::NONE;
    scan_range(text, 0, text.len(), &mut cues);
    cues
}

/// Every pattern, for documentation generation: `(kind, bit, pattern text)`, in the order of
/// the source table (grouped by kind, then bit). English-style patterns are listed in lower
/// case; the typographic-apostrophe variants generated at compile time are included, each
/// right after its ASCII original. (Not listed: four internal two-mark patterns that find a
/// run of exclamation marks right after a letter; the runs themselves are listed.)
pub fn patterns() -> impl Iterator<Item = (CueKind, u8, &'static str)> {
    let mut off = 0usize;
    core::iter::from_fn(move || {
        let e = tables::ENTRIES.iter().find(|e| e.off() == off)?;
        let end = off.checked_add(e.len())?;
        let text = tables::TEXT.get(off..end)?;
        off = end;
        Some((
            CueKind::from_index(e.kind_bit() >> 4)?,
            e.kind_bit() & 0x0F,
            text,
        ))
    })
}

/// Scans text that arrives in pieces.
///
/// Feeding any split of a string through [`Scanner::push_str`] and [`Scanner::push_char`]
/// (in any mix) and then calling [`Scanner::finish`] gives exactly the [`TextCues`] that
/// [`scan_text`] gives on the whole string. The scanner keeps the last
/// [`MAX_PATTERN_LEN`]` + 1` bytes in a fixed buffer (`MAX_PATTERN_LEN` bytes whose matches
/// are not decided yet plus one byte of context for the word-boundary rule); long pieces
/// are scanned in place on the fast path.
#[derive(Clone, Debug)]
pub struct Scanner {
    /// Optional context byte (`has_ctx`), then the pending bytes.
    carry: [u8; CARRY_CAP],
    carry_len: usize,
    /// Whether `carry[0]` is a context byte whose own matches were already decided (as
    /// opposed to the start of the text).
    has_ctx: bool,
    cues: TextCues,
}

const CARRY_CAP: usize = MAX_PATTERN_LEN + 1;
const SEAM_CAP: usize = CARRY_CAP + MAX_PATTERN_LEN + 1;

impl Default for Scanner {
    fn default() -> Self {
        Scanner::new()
    }
}

impl Scanner {
    /// A scanner that has seen nothing yet.
    pub const fn new() -> Self {
        Scanner {
            carry: [0; CARRY_CAP],
            carry_len: 0,
            has_ctx: false,
            cues: TextCues::NONE,
        }
    }

    /// Feeds the next piece of text.
    pub fn push_str(&mut self, s: &str) {
        self.push_bytes(s.as_bytes());
    }

    /// Feeds the next character (e.g. one decoded JSON escape).
    pub fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.push_bytes(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Ends the text and returns every cue found in it.
    pub fn finish(self) -> TextCues {
        let mut cues = self.cues;
        let carry = self.carry.get(..self.carry_len).unwrap_or(&[]);
        scan_range(carry, usize::from(self.has_ctx), carry.len(), &mut cues);
        cues
    }

    /// Feeds the next piece of text as bytes. A piece may end inside a UTF-8 character, the
    /// next one continuing it: any split of `bytes` gives the cues of [`scan_bytes`]`(bytes)`,
    /// those of [`scan_text`] for UTF-8. Bytes that are not UTF-8 are matched as they are;
    /// never panics.
    //
    // Positions are decided once the `MAX_PATTERN_LEN` bytes after them are known (enough
    // for the longest pattern and the byte after it); the rest stays in `carry`.
    pub fn push_bytes(&mut self, s: &[u8]) {
        const M: usize = MAX_PATTERN_LEN;
        let first = usize::from(self.has_ctx);
        let carry = self.carry.get(..self.carry_len).unwrap_or(&[]);
        let mut seam_buf = [0u8; SEAM_CAP];
        // The seam: carry followed by the first M + 1 bytes (at most) of `s`.
        let head = s.get(..M.saturating_add(1)).unwrap_or(s);
        for (d, b) in seam_buf.iter_mut().zip(carry.iter().chain(head)) {
            *d = *b;
        }
        let seam_len = carry.len().saturating_add(head.len()).min(SEAM_CAP);
        let seam = seam_buf.get(..seam_len).unwrap_or(&[]);
        if head.len() == s.len() {
            // Short piece: everything goes through the seam.
            let decided_end = seam_len.saturating_sub(M).max(first);
            scan_range(seam, first, decided_end, &mut self.cues);
            let keep_from = decided_end.saturating_sub(1);
            self.has_ctx = decided_end > 0;
            self.set_carry(seam.get(keep_from..).unwrap_or(&[]));
        } else {
            // Long piece: the seam decides the carried positions and `s[0]`, then `s` is
            // scanned in place up to the last M bytes, which become the new carry.
            let decided_end = carry.len().saturating_add(1);
            scan_range(seam, first, decided_end, &mut self.cues);
            let stop = s.len().saturating_sub(M);
            scan_range(s, 1, stop, &mut self.cues);
            self.has_ctx = true;
            self.set_carry(s.get(stop.saturating_sub(1)..).unwrap_or(&[]));
        }
    }

    fn set_carry(&mut self, bytes: &[u8]) {
        let n = bytes.len().min(CARRY_CAP);
        for (d, b) in self.carry.iter_mut().zip(bytes) {
            *d = *b;
        }
        self.carry_len = n;
    }
}

// ---------------------------------------------------------------------------------------------
// The scanning core
// ---------------------------------------------------------------------------------------------

const HI: u64 = 0x8080_8080_8080_8080;
const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// Every byte gets bit 5 set: ASCII upper-case letters become lower case. Other bytes may
/// collide (e.g. `@` with `` ` ``, or UTF-8 continuation bytes 0x80 and 0xA0), which only
/// costs an occasional filter false positive: the key is a filter input, never compared.
#[inline(always)]
const fn fold8(w: u64) -> u64 {
    w | 0x2020_2020_2020_2020
}

const HASH_MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hashes the folded key of a position: the first `8 - shift / 8` bytes.
#[inline(always)]
const fn key_hash(w: u64, shift: u8) -> u64 {
    let key = fold8(w) & (u64::MAX >> (shift & 63));
    key.wrapping_mul(HASH_MUL)
}

/// log2 of the number of 64-bit words of the filter. 8 gives 2 KiB (16384 bits): with about
/// 300 distinct keys, about 2% of the positions that start no pattern pass the filter. 7
/// (1 KiB) doubles that and costs about 20% of the throughput on mixed text, which is the
/// better trade on 32-bit microcontrollers, where flash is scarce and speed matters less.
/// Only speed depends on it, never the result.
const FILTER_WORD_BITS: u32 = if cfg!(target_pointer_width = "64") {
    8
} else {
    7
};
/// Number of 64-bit words of the filter.
const FILTER_WORDS: usize = 1 << FILTER_WORD_BITS;
/// Number of buckets of the pattern table.
const BUCKET_COUNT: usize = 128;

/// The filter bit of a hash product `m`: the top [`FILTER_WORD_BITS`] bits select the word,
/// the next 6 the bit. A single bit per key: checking one bit costs far fewer instructions
/// than the two of a Bloom filter, which more than pays for the extra false positives.
#[inline(always)]
#[allow(clippy::cast_possible_truncation)] // < FILTER_WORDS
const fn filter_word_and_bit(m: u64) -> (usize, u64) {
    (
        (m >> (64 - FILTER_WORD_BITS)) as usize,
        1u64 << ((m >> (64 - FILTER_WORD_BITS - 6)) & 63),
    )
}

/// The bucket of a hash product in the pattern table: its top 7 bits.
#[inline(always)]
#[allow(clippy::cast_possible_truncation)] // m >> 57 < 128
const fn bucket_of(m: u64) -> usize {
    (m >> 57) as usize
}

/// The hash stored in the pattern table (see [`tables::Entry`]): 8 bits independent of the
/// bucket and of the filter bit, so most filter false positives stop at this comparison.
#[inline(always)]
#[allow(clippy::cast_possible_truncation)] // masked to 8 bits
const fn entry_hash(m: u64) -> u8 {
    ((m >> (64 - FILTER_WORD_BITS - 6 - 8)) & 0xFF) as u8
}

/// Candidate start positions of one 64-byte block, one bit per byte, *transposed*: bit
/// `8 * i + k` stands for byte `i` of the block's word `k`, i.e. block offset `8 * k + i`
/// (see [`transposed_offset`]); this gathers the per-byte flags with one shift and one OR
/// per word. `prev_nl` is 0x80 when the byte before the block is not an ASCII letter (or
/// there is none), else 0; it is updated for the next block.
#[inline(always)]
fn block_candidates(block: &[u8; 64], prev_nl: &mut u64) -> u64 {
    let (words, _) = block.as_chunks::<8>();
    let mut mask = 0u64;
    let mut carry = *prev_nl;
    let mut lane_shift = 7u32;
    for word in words {
        let w = u64::from_le_bytes(*word);
        // ASCII letters: bit 7 clear, and (w | 0x20) in 'a'..='z'. The per-byte additions
        // cannot carry into the next byte (every lane stays <= 0xFE).
        let y = (w | 0x2020_2020_2020_2020) & LO7;
        let ge_a = y.wrapping_add(0x1F1F_1F1F_1F1F_1F1F);
        let gt_z = y.wrapping_add(0x0505_0505_0505_0505);
        let letter = ge_a & !gt_z & !w & HI;
        // Printable ASCII bytes other than space (>= '!').
        let printable = (w & LO7).wrapping_add(0x5F5F_5F5F_5F5F_5F5F) & !w & HI;
        let not_letter = !letter & HI;
        let prev_not_letter = (not_letter << 8) | carry;
        carry = (not_letter >> 56) & 0x80;
        // Lead bytes of multi-byte characters: bits 7 and 6 set.
        let lead = w & (w << 1) & HI;
        let cand = (prev_not_letter & printable) | lead;
        // Bit 7 of byte i moves to bit 8 * i + k for word k.
        mask |= cand.checked_shr(lane_shift).unwrap_or(0);
        lane_shift = lane_shift.wrapping_sub(1);
    }
    *prev_nl = carry;
    mask
}

/// Block offset of bit `j` of a [`block_candidates`] mask.
#[inline(always)]
fn transposed_offset(j: u32) -> usize {
    usize::from(
        tables::TRANSPOSED
            .get((j & 63) as usize)
            .copied()
            .unwrap_or(0)
            & 63,
    )
}

/// Reports every match starting at a position in `start..stop` of `hay`. `hay[start - 1]`
/// (when `start > 0`) is the context for the word-boundary rule; `start == 0` is the start of
/// the text and `hay.len()` its end. Matches may extend past `stop`, not past `hay.len()`.
///
/// Not inlined, so that the hot loop addresses the tables directly rather than through the
/// global offset table of whichever crate calls it.
#[inline(never)]
fn scan_range(hay: &[u8], start: usize, stop: usize, cues: &mut TextCues) {
    let stop = stop.min(hay.len());
    let mut prev_nl = match start.checked_sub(1).and_then(|i| hay.get(i)) {
        Some(b) if b.is_ascii_alphabetic() => 0,
        _ => 0x80,
    };
    // Zero-padded copies for the last blocks. A zero byte is never a candidate.
    let mut block_buf = [0u8; 64];
    let mut window_buf = [0u8; 72];
    let mut base = start;
    while base < stop {
        // The block (positions base..base + 64, those from `stop` on zeroed) and the window
        // (the block's bytes and the 8 after it, those past the end of `hay` zeroed), so that
        // keys load without bounds checks.
        let direct = if stop.wrapping_sub(base) >= 64 {
            hay.get(base..)
                .and_then(|s| s.first_chunk::<72>())
                .and_then(|w| Some((w.first_chunk::<64>()?, w)))
        } else {
            None
        };
        let (block, window) = match direct {
            Some(pair) => pair,
            None => {
                let region = hay.get(base..stop).unwrap_or(&[]);
                block_buf.fill(0);
                for (d, b) in block_buf.iter_mut().zip(region) {
                    *d = *b;
                }
                window_buf.fill(0);
                for (d, b) in window_buf.iter_mut().zip(hay.get(base..).unwrap_or(&[])) {
                    *d = *b;
                }
                (&block_buf, &window_buf)
            }
        };
        let mut m = block_candidates(block, &mut prev_nl);
        while m != 0 {
            let j = transposed_offset(m.trailing_zeros());
            m &= m.wrapping_sub(1);
            let w = window
                .get(j..)
                .and_then(|s| s.first_chunk::<8>())
                .map_or(0, |a| u64::from_le_bytes(*a));
            probe(hay, base.wrapping_add(j), w, cues);
        }
        base = base.wrapping_add(64);
    }
}

/// Probes candidate position `p`, whose next 8 bytes (zero-padded past the end of `hay`) are
/// `w`, against the filter; verifies on a hit.
#[inline(always)]
fn probe(hay: &[u8], p: usize, w: u64, cues: &mut TextCues) {
    let shift = tables::KEY_SHIFT
        .get((w & 0xFF) as usize)
        .copied()
        .unwrap_or(0);
    let m = key_hash(w, shift);
    let (word, bit) = filter_word_and_bit(m);
    if tables::FILTER.get(word).copied().unwrap_or(0) & bit != 0 {
        verify(hay, p, m, cues);
    }
}

/// Compares every pattern whose key has the hash product `m` (as far as the table can
/// tell: same bucket, same entry hash) against `hay` at `p`.
#[cold]
#[inline(never)]
fn verify(hay: &[u8], p: usize, m: u64, cues: &mut TextCues) {
    let bucket = |i: usize| tables::BUCKETS.get(i).map_or(0, |&b| usize::from(b));
    let b = bucket_of(m);
    let lo = bucket(b);
    let hi = bucket(b.saturating_add(1));
    let h = entry_hash(m);
    let text = tables::TEXT.as_bytes();
    for e in tables::ENTRIES
        .get(lo..hi)
        .unwrap_or(&[])
        .iter()
        .filter(|e| e.hash() == h)
    {
        let off = e.off();
        let Some(pat) = text.get(off..off.saturating_add(e.len())) else {
            continue;
        };
        let kind_bit = e.kind_bit();
        // Nothing to learn from a cue already found (keeps repetitive text fast).
        if cues.has(kind_bit) {
            continue;
        }
        // An exclamation tail only counts right after an ASCII '!'.
        if kind_bit >> 4 == tables::TAIL_KIND
            && p.checked_sub(1).and_then(|i| hay.get(i)) != Some(&b'!')
        {
            continue;
        }
        if matches_at(hay, p, pat) {
            cues.set(kind_bit);
        }
    }
}

/// Whether `pat` occurs in `hay` at `p`, with the rules of its pattern class.
#[inline]
fn matches_at(hay: &[u8], p: usize, pat: &[u8]) -> bool {
    let Some(end) = p.checked_add(pat.len()) else {
        return false;
    };
    let Some(window) = hay.get(p..end) else {
        return false;
    };
    if is_word_pattern(pat) {
        let boundary = |b: Option<&u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric());
        window.eq_ignore_ascii_case(pat)
            && boundary(p.checked_sub(1).and_then(|i| hay.get(i)))
            && boundary(hay.get(end))
    } else {
        window == pat
    }
}

/// English-style patterns start with an ASCII letter or digit.
#[inline]
const fn is_word_pattern(pat: &[u8]) -> bool {
    match pat.first() {
        Some(b) => b.is_ascii_alphanumeric(),
        None => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Compile-time tables
// ---------------------------------------------------------------------------------------------

/// Tables built from [`SOURCE`] at compile time. The `const fn`s here only ever run in const
/// evaluation (every caller is a `const` or `static` initialiser), where an out-of-bounds
/// index, an overflow or a failed check is a compile error, not a runtime panic; hence the
/// lints denied for runtime code are allowed in this module.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic,
    clippy::cast_possible_truncation
)]
mod tables {
    use super::{
        bucket_of, entry_hash, filter_word_and_bit, is_word_pattern, key_hash, BUCKET_COUNT,
        FILTER_WORDS, SOURCE,
    };

    /// One pattern, packed in 32 bits: bits 0-12 its byte offset in [`TEXT`], bits 13-17
    /// its length, bits 18-23 `kind << 4 | bit`, bits 24-31 [`super::entry_hash`] of its
    /// key. The table is sorted by bucket (see [`BUCKETS`]), then by hash.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
    pub(super) struct Entry(u32);

    const OFF_BITS: u32 = 13;
    const LEN_BITS: u32 = 5;
    const LEN_SHIFT: u32 = OFF_BITS;
    const KB_SHIFT: u32 = OFF_BITS + LEN_BITS;
    const HASH_SHIFT: u32 = 24;
    /// Longest pattern the packing allows.
    const MAX_PACKED_LEN: usize = (1 << LEN_BITS) - 1;

    impl Entry {
        const fn new(off: usize, len: usize, kind_bit: u8, hash: u8) -> Entry {
            assert!(
                off < (1 << OFF_BITS),
                "pattern text too long for the packed table"
            );
            assert!(
                len <= MAX_PACKED_LEN,
                "pattern too long for the packed table"
            );
            assert!(
                kind_bit < (1 << (HASH_SHIFT - KB_SHIFT)),
                "kind/bit out of range"
            );
            Entry(
                (off as u32)
                    | ((len as u32) << LEN_SHIFT)
                    | ((kind_bit as u32) << KB_SHIFT)
                    | ((hash as u32) << HASH_SHIFT),
            )
        }
        /// Byte offset in [`TEXT`].
        #[inline]
        pub(super) const fn off(self) -> usize {
            (self.0 & ((1 << OFF_BITS) - 1)) as usize
        }
        /// Length in bytes.
        #[inline]
        pub(super) const fn len(self) -> usize {
            ((self.0 >> LEN_SHIFT) & ((1 << LEN_BITS) - 1)) as usize
        }
        /// `kind << 4 | bit`.
        #[inline]
        pub(super) const fn kind_bit(self) -> u8 {
            ((self.0 >> KB_SHIFT) & ((1 << (HASH_SHIFT - KB_SHIFT)) - 1)) as u8
        }
        /// Hash of the key.
        #[inline]
        pub(super) const fn hash(self) -> u8 {
            (self.0 >> HASH_SHIFT) as u8
        }
        const fn with_hash(self, hash: u8) -> Entry {
            Entry::new(self.off(), self.len(), self.kind_bit(), hash)
        }
    }

    const fn has_apostrophe(p: &[u8]) -> bool {
        let mut i = 0;
        while i < p.len() {
            if p[i] == b'\'' {
                return true;
            }
            i += 1;
        }
        false
    }

    /// Length of a pattern, with every `'` replaced by `’` (3 bytes) if `curly`.
    const fn variant_len(p: &[u8], curly: bool) -> usize {
        let mut n = 0;
        let mut i = 0;
        while i < p.len() {
            n += if curly && p[i] == b'\'' { 3 } else { 1 };
            i += 1;
        }
        n
    }

    /// Internal kind of the exclamation tails.
    pub(super) const TAIL_KIND: u8 = 3;

    /// Exclamation tails: two exclamation marks that complete a run of three when the byte
    /// before them is an ASCII `!`. The candidate mask never proposes an ASCII byte right
    /// after an ASCII letter, so in "wow!!!" the run is found at its second mark, by a tail.
    /// Internal: not listed by [`super::patterns`] (they sit at the end of [`TEXT`]).
    const TAILS: &[&str] = &["!!", "!！", "！!", "！！"];

    /// The groups of patterns: every group of [`SOURCE`], then the tails.
    const GROUPS: usize = SOURCE.len() + 1;

    /// `(kind index, bit, patterns)` of group `g`.
    const fn group(g: usize) -> (u8, u8, &'static [&'static str]) {
        if g < SOURCE.len() {
            (SOURCE[g].0 as u8, SOURCE[g].1, SOURCE[g].2)
        } else {
            (TAIL_KIND, 3, TAILS)
        }
    }

    /// Returns (count, total length, max length) of all patterns, variants included.
    const fn stats() -> (usize, usize, usize) {
        let (mut count, mut total, mut max) = (0, 0, 0);
        let mut g = 0;
        while g < GROUPS {
            let list = group(g).2;
            let mut i = 0;
            while i < list.len() {
                let p = list[i].as_bytes();
                let mut v = 0;
                while v < 2 {
                    if v == 0 || has_apostrophe(p) {
                        let len = variant_len(p, v == 1);
                        count += 1;
                        total += len;
                        if len > max {
                            max = len;
                        }
                    }
                    v += 1;
                }
                i += 1;
            }
            g += 1;
        }
        (count, total, max)
    }

    /// Number of patterns, variants included.
    pub(super) const N: usize = stats().0;
    /// Total length of all patterns.
    const TEXT_LEN: usize = stats().1;
    /// Longest pattern.
    pub(super) const MAX_LEN: usize = stats().2;

    const fn build_text() -> ([u8; TEXT_LEN], [Entry; N]) {
        let mut text = [0u8; TEXT_LEN];
        let mut entries = [Entry(0); N];
        let (mut at, mut n) = (0usize, 0usize);
        let mut g = 0;
        while g < GROUPS {
            let (kind, bit, list) = group(g);
            let mut i = 0;
            while i < list.len() {
                let p = list[i].as_bytes();
                let mut v = 0;
                while v < 2 {
                    let curly = v == 1;
                    if !curly || has_apostrophe(p) {
                        let start = at;
                        let mut j = 0;
                        while j < p.len() {
                            if curly && p[j] == b'\'' {
                                text[at] = 0xE2;
                                text[at + 1] = 0x80;
                                text[at + 2] = 0x99;
                                at += 3;
                            } else {
                                text[at] = p[j];
                                at += 1;
                            }
                            j += 1;
                        }
                        entries[n] = Entry::new(start, at - start, (kind << 4) | bit, 0);
                        n += 1;
                    }
                    v += 1;
                }
                i += 1;
            }
            g += 1;
        }
        (text, entries)
    }

    const BUILT: ([u8; TEXT_LEN], [Entry; N]) = build_text();
    const TEXT_BYTES: [u8; TEXT_LEN] = BUILT.0;

    /// All pattern text, concatenated in source order.
    pub(super) static TEXT: &str = match core::str::from_utf8(&TEXT_BYTES) {
        Ok(s) => s,
        Err(_) => panic!("pattern text is not UTF-8"),
    };

    const fn pattern(e: &Entry) -> &[u8] {
        let (_, rest) = TEXT_BYTES.split_at(e.off());
        let (p, _) = rest.split_at(e.len());
        p
    }

    const fn fold_byte(b: u8) -> u8 {
        b | 0x20
    }

    /// `KEY_SHIFT[b]`: for a position starting with byte `b`, the key is its first
    /// `8 - KEY_SHIFT[b] / 8` bytes: the length of the shortest pattern whose first byte
    /// folds like `b`, capped at 8 (8 when no pattern starts so).
    const fn build_key_shift() -> [u8; 256] {
        let mut min = [8u8; 256];
        let mut i = 0;
        while i < N {
            let p = pattern(&BUILT.1[i]);
            let f = fold_byte(p[0]);
            let mut b = 0;
            while b < 256 {
                if fold_byte(b as u8) == f && (p.len() as u8) < min[b] {
                    min[b] = p.len() as u8;
                }
                b += 1;
            }
            i += 1;
        }
        let mut shift = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            shift[b] = (8 - min[b]) * 8;
            b += 1;
        }
        shift
    }

    /// See [`build_key_shift`].
    pub(super) static KEY_SHIFT: [u8; 256] = KEY_SHIFT_CONST;
    const KEY_SHIFT_CONST: [u8; 256] = build_key_shift();

    /// The hash product of a pattern's key, computed as the scanner computes it for the
    /// text position where the pattern starts.
    const fn pattern_mix(p: &[u8]) -> u64 {
        let mut a = [0u8; 8];
        let mut j = 0;
        while j < 8 && j < p.len() {
            a[j] = p[j];
            j += 1;
        }
        let w = u64::from_le_bytes(a);
        key_hash(w, KEY_SHIFT_CONST[p[0] as usize])
    }

    const fn build_filter() -> [u64; FILTER_WORDS] {
        let mut f = [0u64; FILTER_WORDS];
        let mut i = 0;
        while i < N {
            let (word, bit) = filter_word_and_bit(pattern_mix(pattern(&BUILT.1[i])));
            f[word] |= bit;
            i += 1;
        }
        f
    }

    /// One-bit-per-key filter over the keys of all patterns (2 KiB).
    pub(super) static FILTER: [u64; FILTER_WORDS] = build_filter();

    /// Entries with their sort keys (`bucket << 8 | entry hash`), sorted by them.
    const fn build_entries() -> ([Entry; N], [u16; N]) {
        let mut e = BUILT.1;
        let mut keys = [0u16; N];
        let mut i = 0;
        while i < N {
            let m = pattern_mix(pattern(&e[i]));
            let h = entry_hash(m);
            e[i] = e[i].with_hash(h);
            keys[i] = ((bucket_of(m) as u16) << 8) | h as u16;
            i += 1;
        }
        // Insertion sort by key.
        let mut i = 1;
        while i < N {
            let (x, kx) = (e[i], keys[i]);
            let mut j = i;
            while j > 0 && keys[j - 1] > kx {
                e[j] = e[j - 1];
                keys[j] = keys[j - 1];
                j -= 1;
            }
            e[j] = x;
            keys[j] = kx;
            i += 1;
        }
        (e, keys)
    }

    const SORTED: ([Entry; N], [u16; N]) = build_entries();
    const ENTRIES_CONST: [Entry; N] = SORTED.0;
    /// All patterns, sorted by bucket, then hash.
    pub(super) static ENTRIES: [Entry; N] = ENTRIES_CONST;

    const fn build_buckets() -> [u16; BUCKET_COUNT + 1] {
        assert!(N < u16::MAX as usize, "too many patterns");
        let mut b = [0u16; BUCKET_COUNT + 1];
        let mut bucket = 0;
        let mut i = 0;
        while bucket <= BUCKET_COUNT {
            while i < N && (SORTED.1[i] >> 8) < bucket as u16 {
                i += 1;
            }
            b[bucket] = i as u16;
            bucket += 1;
        }
        b
    }

    /// `ENTRIES[BUCKETS[b]..BUCKETS[b + 1]]` are the patterns whose key is in bucket `b`
    /// (see [`super::bucket_of`]).
    pub(super) static BUCKETS: [u16; BUCKET_COUNT + 1] = build_buckets();

    const fn build_transposed() -> [u8; 64] {
        let mut t = [0u8; 64];
        let mut j = 0;
        while j < 64 {
            t[j] = (((j & 7) << 3) | (j >> 3)) as u8;
            j += 1;
        }
        t
    }

    /// `TRANSPOSED[j]` = `8 * (j % 8) + j / 8`: the block offset of bit `j` of a
    /// [`super::block_candidates`] mask.
    pub(super) static TRANSPOSED: [u8; 64] = build_transposed();

    const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// Compile-time checks of the pattern table; a failure is a build error.
    const fn validate() {
        let counts = [
            super::THREAT_COUNT,
            super::FORBIDDEN_PHRASE_COUNT,
            super::EMOTION_MARKER_COUNT,
        ];
        let mut g = 0;
        while g < SOURCE.len() {
            let (kind, bit, list) = SOURCE[g];
            assert!((bit as usize) < counts[kind as usize], "bit out of range");
            assert!(!list.is_empty(), "cue without patterns");
            g += 1;
        }
        let mut i = 0;
        while i < N {
            let p = pattern(&BUILT.1[i]);
            let tail = BUILT.1[i].kind_bit() >> 4 == TAIL_KIND;
            assert!(p.len() >= 3 || (tail && p.len() >= 2), "pattern too short");
            assert!(
                p[0] != b' ' && p[p.len() - 1] != b' ',
                "pattern with outer space"
            );
            if is_word_pattern(p) {
                let mut j = 0;
                while j < p.len() {
                    assert!(
                        !p[j].is_ascii_uppercase(),
                        "English pattern not in lower case"
                    );
                    assert!(
                        !(p[j] == b' ' && j + 1 < p.len() && p[j + 1] == b' '),
                        "double space in pattern"
                    );
                    assert!(
                        p[j] != b'\t' && p[j] != b'\n' && p[j] != b'\r',
                        "control char"
                    );
                    j += 1;
                }
            } else {
                // The candidate mask proposes every lead byte and every printable ASCII
                // byte not preceded by an ASCII letter (English-style patterns start with
                // a letter or digit). A pattern of this class must start with a lead byte
                // or `!`; a run of exclamation marks right after a letter is found by the
                // tails, at its second mark.
                assert!(
                    p[0] >= 0xC0 || p[0] == b'!',
                    "pattern start cannot be proposed"
                );
                // Chinese patterns are at least two characters (6 bytes).
                assert!(
                    p[0] == b'!' || p[0] == 0xEF || p.len() >= 6,
                    "one-char pattern"
                );
            }
            // Equal patterns have equal hashes: compare within each run of the sorted table.
            let mut k = i + 1;
            while k < N && SORTED.1[k] == SORTED.1[i] {
                assert!(
                    !bytes_eq(pattern(&ENTRIES_CONST[i]), pattern(&ENTRIES_CONST[k])),
                    "duplicate pattern"
                );
                k += 1;
            }
            i += 1;
        }
        // Every pattern is at least as long as its key.
        let mut i = 0;
        while i < N {
            let p = pattern(&BUILT.1[i]);
            assert!(
                8 - (KEY_SHIFT_CONST[p[0] as usize] / 8) as usize <= p.len(),
                "short key"
            );
            i += 1;
        }
    }

    const _: () = validate();
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]
mod tests;

//! Text cues: threats, forbidden agent phrases, strong emotion, safety, malice, vulnerable
//! people, scope, repetition, elapsed time, money and losses, and personal data exposed
//! found in a complaint's free text (call
//! transcript or narrative) in Simplified Chinese, Traditional Chinese, Cantonese and
//! English, without allocating.
//!
//! [`scan_text`] scans a whole string; [`Scanner`] scans text that arrives in pieces (for
//! example a JSON string unescaped fragment by fragment) and gives exactly the same
//! [`TextCues`] as [`scan_text`] on the concatenation, whatever the split.
//!
//! # What is looked for
//!
//! Three bitsets, one bit per cue (see [`TextCues`]), and the kinds read since text
//! understanding v2: the most serious safety level ([`SAFETY_LEVELS`]), malice signs
//! ([`MALICE`]), vulnerable people ([`VULNERABLE`]), the widest scope ([`SCOPES`]), the
//! ordinal of this contact, the longest stated duration in hours, up to
//! [`MONEY_SLOTS`] amounts with their currency ([`CURRENCIES`]), the largest of them stated
//! as paid or lost ([`TextCues::loss`]), whether personal data was exposed
//! ([`TextCues::data_exposure`], the `privacy` lines of `phrases.tsv`), how staff treated
//! the customer as the customer tells it ([`TextCues::conduct`], [`CONDUCT`]) and how many phrases of
//! each complaint [`Category`] occurred (seed `002_53957cc42773bf88.txt`, 六 智能客服:
//! 自動識別投訴類型). The bitsets:
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
//! Every phrase is a line of `core/phrases.tsv` (family, code, language, phrase, source),
//! which `build.rs` compiles into the static `SOURCE` table; [`patterns`] lists them all.
//!
//! # Context: speakers, clauses, negation
//!
//! Matches are read in text order by a small state machine (`Reader`):
//!
//! - A speaker label at the start of a line (`客服：`, `坐席：`, `Agent:`, `客戶：`,
//!   `Customer:`...: a role word followed by either colon) sets the speaker until the next
//!   label; the staff roles include those of a counter, a till or a delivery (`营业员`,
//!   `收銀員`, "Cashier"), the customer's those of the people who complain (`业主`,
//!   `家屬`, "Passenger"). Threats, emotion, safety,
//!   malice, people and scope count on the customer's turns and in untagged text (the
//!   customer's narrative); forbidden phrases count on the agent's turns, and elsewhere
//!   only inside a quotation (`「」`, `“”`, `'...'`) or after reported speech (`跟我说`,
//!   `客服说`, "told me"), or where a phrase starts with the reported speech (`叫我去` with
//!   `叫我`): in untagged text and on the customer's turns alike, where the customer quotes
//!   staff. Category phrases count on every turn and are never negated:
//!   they say what the complaint is about, whoever names it.
//! - A negation (`不会`, `没打算`, `唔會`, `冇諗過`, "not", "never", "won't", "no intention")
//!   holds to the end of its clause (`,` `，` `;`); a hypothetical or a third party's advice
//!   (`如果是别人`, `我老公说`, "others would", "hypothetically") to the end of its sentence.
//!   A negated threat, safety cue, malice sign or scope does not count. A condition (`如果`,
//!   "if you") makes the negations of its clause not count (`如果你们不处理` is no negation);
//!   a turn back to the speaker's intent (`我就`, `否则`, "but", "I will") ends a negation.
//! - Two negations govern staff conduct alone: a denial right before it ("wasn't",
//!   "weren't": "the agent wasn't rude", 12 bytes on at most) and the customer's
//!   own conduct, the subject `I` right before a conduct verb ("I hung up on her", "I swore
//!   at the advisor and hung up", `我鬧咗佢幾句就收線`, 32 bytes on from its end). The
//!   clause's other cues are read as before.
//! - A harm told as what might happen or nearly happened is a hazard, never an injury
//!   (tests/text/README.md, Safety): in the rest of the sentence after a condition (`如果`,
//!   `万一`, `要係`, "if the", "what if"), or right after a near-miss word in its clause
//!   (`差点`, `险些`, `差啲`, `好彩冇`, `还好没`, "nearly", "could have"; 16 bytes on at most).
//!   Threats are read as before: "if it's not fixed by Friday I'll go to the BBC" counts.
//! - A saying verb right after a cannot_happen phrase on the agent's side (`不可能` +
//!   `这样说`, `冇可能` + `咁講`) makes it never_said_that: staff denying what they said.
//! - A look-alike (the `mask` lines: `起泡酒`, `心里很受伤`, "burnt out", "bled me dry")
//!   masks every phrase lying wholly inside its words, whatever the phrase's kind: sparkling
//!   wine is no blister, hurt feelings no injury. A phrase only partly inside one is read.
//! - Numbers are read next to their unit: `N天`, `两个星期`, "two weeks" (elapsed hours;
//!   not a deadline such as `三天内` or "within 7 days"), `第N次`, "third time" (repetition),
//!   `N元`, `$N`, `£N`, `HK$N`, `赔我五万` (money, in minor units). `元` and `块` take the
//!   currency of the region the text shows (Taiwan or Hong Kong places and words), else CNY.
//!   At most [`LOOKBACK`] bytes before and `LOOKAHEAD` bytes after a match are read, which a
//!   [`Scanner`] keeps between pieces, so splits never change the result.
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
//!   `一分钱，一分货`). Every Chinese pattern is at least two characters long. A Chinese
//!   pattern with Latin letters in it (`上PTT`, `搵 media`) matches them exactly too, so it
//!   is listed in each case people write it.
//!
//! # Known limitations
//!
//! - Negation is read within a clause, not parsed: "I'm not happy and I will sue" is read
//!   as a threat only because `I will` ends the negation; an unusual construction can
//!   still be misread. Look-alike words are avoided by the phrases chosen (`媒体` only in
//!   `找媒体`, `媒体曝光`...), not by word segmentation.
//! - The time and money readers see only the number next to their unit. Who claims what is
//!   read by markers, not parsed: an amount after `花了`, `价值`, "I paid" (or with no marker,
//!   before any claim) is a loss, one after `我要`, `赔我`, "I require" a claim, one after
//!   `赔您`, "you offered" the company's offer; a claim more than twice the largest loss is
//!   an excessive claim, and a claim with a press, social-media or review-site threat in
//!   one sentence is extortion. A loss stated with no marker after a claim is not seen.
//! - A stated age in English ("2 year old", "84 years old", "a 78-year-old") of 70 or more
//!   is an elderly person, under 18 a child; an age after "I'm", "I am" or "aged" (`I'm 78`)
//!   only when the word after it goes with an age (`and`, `years`, punctuation), and only
//!   ever as elderly; Chinese ages are read only where a phrase names them
//!   (`八十多岁`). The place after `整个`, `成個`, "the whole of" is read by its last character
//!   (`区`, `市`, `港`...) or its capital letter ("the whole of Leeds" is read as a city,
//!   also when it is a town); a place named bare (`成個屯門`) is not read.
//! - A text in Traditional characters that names no Hong Kong word or place is read as
//!   Taiwanese for the currency of `元`.
//! - [`locate`] finds a cue at the first prefix of the text that shows it; a prefix that
//!   cuts a look-alike short (`起泡` of `起泡酒`) shows the cue phrase it holds, so where a
//!   text holds both the look-alike and, later, the same cue told plainly, the span given
//!   may be the look-alike's words.
//! - A category phrase counts wherever it stands: a phrase of one category inside a
//!   longer one of another (`话费` in `返话费`, "billing" in "billing address") counts for
//!   both, and a tie goes to the category listed first in the vocabulary, so an address
//!   change written "update the billing address" is suggested as billing. The suggestion
//!   ([`TextFacts::category`], computed from the counts in [`TextFacts::from_cues`], so
//!   both scanners share it) also reads three other cues: each kind of staff conduct the
//!   customer tells of ([`TextCues::conduct`]) votes once for service attitude (seed
//!   `002_53957cc42773bf88.txt`, 服務態度惡劣投訴), losing a tie to a fault named as often;
//!   a feature nobody can use across a whole city or wider ([`TextCues::scope`]) counts as
//!   the company's system failing (system support, not service usage); and a text telling
//!   of personal data exposed suggests no category. A hazard or an injury votes for none
//!   (a fall on a wet floor is no product's fault), and the words a complaint of any kind
//!   holds (a refund demanded, a repair, "network") are left out, so a text that names
//!   the failure only in words of its own (`床架斷咗`, "the tile") suggests nothing.
//!   Suggestions are measured on the labelled corpus (`tests/text`), where they are still
//!   short of the goal.
//! - No Unicode case folding or normalisation beyond ASCII (fullwidth Latin letters,
//!   compatibility characters and the like are not folded), and only single ASCII spaces
//!   between English words.
//!
//! # Choices in the pattern list
//!
//! The list is `core/phrases.tsv`; [`patterns`] returns it for generated documentation.
//! Some entries are deliberately narrower or shorter than the obvious word:
//!
//! - `哭` (crying) only in two-character forms (`哭了`, `想哭`, `哭泣`...), so that `哭笑不得`
//!   does not fire and every Chinese pattern is at least two characters long; `崩溃` only as
//!   `我崩溃`, `快崩溃`, `精神崩溃`, because `系统崩溃` (a system crash) is a neutral complaint.
//! - "press" only as "the press", because call transcripts say "press 1".
//! - Personal data exposed only with what was exposed: a bill or statement (`账单寄错`,
//!   "statement was sent to"), details leaked or sold (`泄露`, "sold my data"), or shown to
//!   others ("else can see my"); not `寄错地址` or "sent to the wrong address" alone (a
//!   parcel), not "privacy" alone (a privacy policy), not `泄漏`, `洩漏` or `外洩` alone (a
//!   gas leak).
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
//! byte of every multi-byte UTF-8 character, every printable ASCII byte (not space) that
//! is not a letter or does not follow one, and every line feed; the mask is transposed so
//! that positions come in text order. Boundary bytes (`,` `.` `\n` `，` `。` quotes) go to
//! the state machine. Each candidate position is probed with a multiplicative hash of its first few
//! bytes (ASCII folded to lower case; how many bytes depends on the first byte: the length
//! of the shortest pattern starting with it, at most 8) against a one-bit-per-key filter of
//! 8 KiB (1 KiB on 32-bit targets, 256 B with the `small-flash` feature). The probes of a block are made first, with no branch
//! that depends on the text, into a mask of the positions that are a boundary or pass the
//! filter; only those are then read in text order, so the processor overlaps the probes
//! instead of waiting on each. Only a filter hit (true prefixes, and a few percent of the
//! other positions) looks up its bucket of the pattern table: a one-word compare of up to
//! 8 folded bytes rejects most entries before any byte-wise comparison, and a pattern of at
//! most 8 bytes that matches exactly is decided by that word alone.
//!
//! All tables are built at compile time by `const fn`s from `SOURCE`, which also check the
//! list (lower case, no duplicates, lengths, starting bytes the scanner can see, known
//! codes). Static data: about 18 KiB of pattern text (15 KiB with the `small-flash`
//! feature, whose firmware keeps it in the compact form of `scan/compact.rs`, two bytes
//! for a Chinese character and one for the 49 most frequent, decoding the few entries a
//! position's hash selects), 10 KiB of
//! packed pattern entries (4 bytes each), the filter, the bucket starts (4 KiB on 64-bit targets, 1 KiB on 32-bit
//! ones, 66 B with `small-flash`) and 0.6 KiB of small lookup tables. A number before a Chinese unit (`N天`) is not
//! expanded into the table: the filter holds the key of every numeral + unit, and a
//! position that passes it is checked in code for a numeral end followed by a unit
//! (`units.rs`), as the pattern numeral + unit would be. Nothing allocates, nothing indexes out of
//! bounds (slices are read with `get` and fixed-size chunks), no arithmetic can overflow
//! (the lints below enforce it outside the compile-time table builders), and there is no
//! `unsafe` and no floating point.
//!
//! That is the plain matcher (`scan_range`, `verify`), the reference and what the
//! `small-flash` firmware runs. Normal builds run the fast matcher of `scan/fast.rs`: the
//! same positions and matches in the same order, Chinese read three bytes at a time with
//! no block mask, a filter hit compared against its bucket inline (the plain matcher's
//! [`reference`](mod@reference) functions give its results; `core/tests/scan_matchers.rs`
//! compares them).
//!
//! Measured: see `BENCHMARKS.md` and the ignored `throughput` test (release build).

#![deny(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use crate::codes::Category;

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/// Number of threat kinds (bits used in [`TextCues::threats`]).
pub const THREAT_COUNT: usize = 6;
/// Number of forbidden agent phrases (bits used in [`TextCues::forbidden_phrases`]).
pub const FORBIDDEN_PHRASE_COUNT: usize = 11;
/// Number of strong-emotion markers (bits used in [`TextCues::emotion_markers`]).
pub const EMOTION_MARKER_COUNT: usize = 4;
/// Most money amounts a [`TextCues`] keeps (the first ones found, each once).
pub const MONEY_SLOTS: usize = 4;

/// Length in bytes of the longest pattern. A [`Scanner`] carries this many undecided bytes
/// between pieces, plus [`LOOKBACK`] bytes of decided context.
pub const MAX_PATTERN_LEN: usize = tables::MAX_LEN;

/// Bytes of text before a position that the scanner may read to decide a match there (the
/// number before a unit, `第` before an ordinal); a [`Scanner`] keeps them between pieces.
pub const LOOKBACK: usize = 32;

/// Bytes after a position that the scanner may read (a pattern, then the number after a
/// currency sign): at least [`MAX_PATTERN_LEN`].
const LOOKAHEAD: usize = if tables::MAX_LEN > 24 {
    tables::MAX_LEN
} else {
    24
};

/// An amount of money stated in the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Money {
    /// The amount in minor units (fen, cents, pence); 0 for an empty slot.
    pub amount_minor: u64,
    /// Index into [`CURRENCIES`].
    pub currency: u8,
}

/// An empty money slot.
const NO_MONEY: Money = Money {
    amount_minor: 0,
    currency: 0,
};

/// The safety levels a text can show, in [`TextCues::safety`] order (0 = none).
pub const SAFETY_LEVELS: [PhraseInfo; 3] = [
    info(
        "hazard",
        "Danger to body or property, nobody hurt",
        "安全隐患",
    ),
    info("injury", "A person was hurt", "人身伤害"),
    info(
        "serious_injury_or_death",
        "Hospitalisation, fracture, surgery, poisoning or death",
        "重伤或死亡",
    ),
];

/// Malicious-complaint signs of seed `000_d3bb18e70da591cc.txt` (恶意投诉), by bit of
/// [`TextCues::malice`].
pub const MALICE: [PhraseInfo; 4] = [
    info(
        "extortion",
        "Money asked as the price of silence",
        "以曝光相要挟索要钱财",
    ),
    info(
        "private_settlement",
        "Asks to settle privately instead of through the process",
        "不愿公了愿私了",
    ),
    info(
        "escalating_claim",
        "The claim rises step by step",
        "要求逐步升级",
    ),
    info(
        "excessive_claim",
        "The claim is more than twice the stated loss",
        "索赔远超损失",
    ),
];

/// Vulnerable people involved, by bit of [`TextCues::vulnerable`].
pub const VULNERABLE: [PhraseInfo; 6] = [
    info("elderly", "Elderly person", "老人"),
    info("pregnant", "Pregnant woman", "孕妇"),
    info("disabled", "Disabled person", "残障人士"),
    info("sick", "Sick person", "病人"),
    info("child", "Child or baby", "儿童"),
    info(
        "medical_need",
        "Depends on powered or scheduled care",
        "医疗依赖",
    ),
];

/// How widely customers are affected, in [`TextCues::scope`] order (0 = one customer).
pub const SCOPES: [PhraseInfo; 4] = [
    info("building", "A building, block or estate", "整栋楼或小区"),
    info("district", "A neighbourhood, town or district", "片区"),
    info("city", "A whole city", "全市"),
    info("everyone", "All users or nationwide", "所有用户"),
];

/// Currencies of [`Money::currency`] (ISO 4217 codes).
pub const CURRENCIES: [&str; 6] = ["CNY", "HKD", "TWD", "USD", "GBP", "EUR"];

/// Hours per time unit, by the bit of an elapsed-time pattern (the code of its
/// `phrases.tsv` line); `day-n` ([`ELAPSED_NTH_DAY`]) reads the number after it.
const UNIT_HOURS: [&str; 6] = ["1", "24", "168", "720", "8760", "day-n"];
/// The elapsed bit of a day counted by the number after it (`day 5`: five days).
const ELAPSED_NTH_DAY: u8 = 5;
/// Codes of repetition phrases: `n` reads the number before the phrase (`第N次`), a number
/// is the ordinal itself (`third time` = 3).
const REPETITION_CODES: [&str; 15] = [
    "n", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
];
/// Codes of negation phrases: one clause (up to a comma) or a whole sentence.
const NEGATION_CODES: [&str; 2] = ["clause", "sentence"];
/// The negation bit of a look-alike (`mask` lines of `phrases.tsv`, code `-`): an ordinary
/// phrase that holds a cue phrase (`起泡酒`, sparkling wine, holds the blister `起泡`; "burnt
/// out" holds the burn `burnt`; `心里很受伤` holds the injury `受伤`). Every phrase lying
/// wholly inside its words is not read, whatever its kind: a negation whose reach is its
/// own words. Both matchers report the matches at one position in table order, and the
/// mask lines come first in `phrases.tsv` (checked at compile time), so a look-alike is read
/// before any phrase that starts where it starts.
const NEGATION_MASK: u8 = 2;
/// The negation bit of a denial that governs only the conduct told right after it
/// (`negation` lines of code `conduct`: "wasn't", "weren't"): a [`CONDUCT`] phrase that
/// starts within [`CONDUCT_DENIAL_REACH`] bytes of its end is not read ("the agent wasn't
/// rude", "she wasn't at all condescending"). It leaves every other cue of its clause
/// alone: "the heater wasn't earthed and burnt my hand" still tells a burn, which a clause
/// negation would cancel.
const NEGATION_CONDUCT: u8 = 3;
/// The negation bit of the customer's own conduct (`negation` lines of code `own`: "i hung
/// up", "i swore", `我鬧`): the subject `I` right before a conduct verb. Its own words and
/// the [`CONDUCT`] phrases that start within [`OWN_CONDUCT_REACH`] bytes after it are the
/// customer's, not staff's ("I swore at the advisor and hung up on her"); other cues are
/// read as before.
const NEGATION_OWN: u8 = 4;
/// How far after the customer's own conduct ([`NEGATION_OWN`]) a conduct phrase is still
/// theirs, in bytes: a verb coordinated with it ("I swore at the advisor and hung up on
/// her", `我鬧咗佢幾句就收線`), not a turn told further on ("I hung up, and when I rang back
/// the next agent was rude"). A byte reach rather than the clause: the scanner then keeps
/// no state at each comma, which every text has many of.
const OWN_CONDUCT_REACH: usize = 32;
/// How far after a conduct denial ([`NEGATION_CONDUCT`]) the conduct it denies may start,
/// in bytes: a degree word or two between ("wasn't at all rude", "wasn't being
/// sarcastic"), not a conduct told further on ("wasn't helpful and then she was rude").
const CONDUCT_DENIAL_REACH: usize = 12;
/// Codes of condition phrases: `-` a condition or a hypothetical (`如果`, `万一`, "if you",
/// "what if"): negations in the rest of its clause do not count, and a harm told in the
/// rest of its sentence is a possibility; `near` a near miss or a possibility told beside
/// its harm (`差点`, `好彩冇`, "nearly", "could have"), which reaches the harm told within
/// [`NEAR_REACH`] bytes after it in its clause. A harm so told is a danger that hurt nobody:
/// at most a hazard (tests/text/README.md, Safety). Threats are read as before: a
/// conditional threat counts.
const CONDITION_CODES: [&str; 2] = ["-", "near"];
/// The condition bit of [`CONDITION_CODES`]'s `near`.
const CONDITION_NEAR: u8 = 1;
/// How far after a `near` phrase its harm may start, in bytes: the verb it modifies
/// (`差点被开水烫伤`, "could have been badly burnt"), not a harm told further on ("nearly
/// two weeks since my mother fell" tells a fall).
const NEAR_REACH: usize = 16;
/// Regions a text can show, by bit of a region phrase: `元` is read as their currency.
const REGION_CODES: [&str; 3] = ["hk", "tw", "hant"];
/// [`CURRENCIES`] index of each currency a text's region decides (`元` and a bare `$`).
const CNY: u8 = str_index(&CURRENCIES, b"CNY");
/// See [`CNY`].
const HKD: u8 = str_index(&CURRENCIES, b"HKD");
/// See [`CNY`].
const TWD: u8 = str_index(&CURRENCIES, b"TWD");
/// See [`CNY`].
const USD: u8 = str_index(&CURRENCIES, b"USD");
/// [`Reader`]'s region values (1 + index in [`REGION_CODES`]; 0 is none shown).
const REGION_HK: u8 = str_index(&REGION_CODES, b"hk") + 1;
/// See [`REGION_HK`].
const REGION_TW: u8 = str_index(&REGION_CODES, b"tw") + 1;
/// The region bit of a word written only in Traditional characters (`你們`, `這個`): a
/// text in Traditional Chinese that names no place is read as Taiwanese (Hong Kong text
/// shows itself by its Cantonese words and places, which win).
const REGION_TRADITIONAL: u8 = 2;
/// The currency bit of a money phrase whose currency is the text's region's (`元`, `块`):
/// Chinese yuan unless the text shows Hong Kong or Taiwan.
const LOCAL_CURRENCY: u8 = 7;
/// The currency bit of a money phrase whose dollar is the text's region's (a bare `$`):
/// Hong Kong dollars in a text that shows Hong Kong (its Cantonese words or places), else
/// US dollars. `HK$`, `NT$` and `US$` name their own.
const DOLLAR: u8 = 6;
/// The malice bit of a phrase that tells of an earlier, smaller claim (`一开始`, "at first"):
/// with a later, larger amount it is an escalating claim.
const MALICE_CLAIM_BEFORE: u8 = 7;
/// The malice bit of a phrase that marks the amounts after it in its sentence as a price or
/// a direct loss (`花了`, `价值`, "I paid"): see [`MALICE_CLAIM`].
const MALICE_LOSS: u8 = 5;
/// The malice bit of a phrase that marks the amounts after it in its sentence as what the
/// customer claims (`我要`, `赔我`, "I require"): a claim more than twice the largest loss
/// stated before it is an excessive claim (seed `000_d3bb18e70da591cc.txt`, 恶意投诉).
const MALICE_CLAIM: u8 = 6;
/// The malice bit of a phrase that marks the amounts after it in its sentence as the
/// company's offer (`赔您`, "you offered"): neither a loss nor a claim.
const MALICE_OFFER: u8 = 4;
/// The malice bit of a phrase that states the price of a refusal (`否则`, `不然`, "otherwise",
/// "or else"): after an amount the customer claimed anywhere before, publicity threatened in
/// its sentence is extortion (`我要五千。否则我就发抖音`), as when both share one sentence.
const MALICE_OTHERWISE: u8 = 8;
/// The safety bit of a phrase that tells of personal data exposed (`privacy` lines of
/// `phrases.tsv`, code `data_exposure`): not a level of [`SAFETY_LEVELS`] but a fact of
/// its own ([`TextCues::data_exposure`]). It shares the safety kind because a phrase's
/// kind has 4 bits and all 16 are taken, and because the seed names privacy beside
/// safety among the customer's needs (seed `003_8f6867fe054256d6.txt`, 二、客戶心理需求:
/// 6.安全需求, 7.隱私需求).
const SAFETY_DATA_EXPOSURE: u8 = 7;
/// The safety bit of a phrase that tells of people trapped (`困住`, `被困`, "got stuck"), and
/// the bit of a phrase that names a lift (`电梯`, `部𨋢`, "elevator"): together, in either
/// order anywhere in the text, they are a hazard, a near miss (tests/text/README.md,
/// Safety). Apart they are none: 困 alone is also sleepy or bothered, "stuck" a queue or a
/// refund, and a lift out of order is an outage.
const SAFETY_TRAPPED: u8 = 5;
/// See [`SAFETY_TRAPPED`].
const SAFETY_LIFT: u8 = 6;
/// The safety bit of a phrase that names the customer's personal data or a paper holding it
/// (`我的电话`, `身份证`, `体检报告`, "my phone number", "statement"), and the bit of a
/// phrase that names a person or a place it should not reach (`群里`, `同事`, `前夫`,
/// `公布栏`, "group", "ex", "neighbour", "out loud"): both on the customer's side in one
/// sentence, not denied and not a possibility, are personal data exposed
/// ([`TextCues::data_exposure`]): `快递员把我的 phone number 发到群里`, "the branch sent my
/// mortgage statement to my ex-husband". Apart they are none: a number given to the
/// engineer, a neighbour who took in a parcel.
const PRIVACY_DATA: u8 = 3;
/// See [`PRIVACY_DATA`].
const PRIVACY_RECIPIENT: u8 = 4;
/// The [`TextCues::safety`] of a hazard (1 + its index in [`SAFETY_LEVELS`]; 0 is none).
const HAZARD: u8 = info_index(&SAFETY_LEVELS, b"hazard") + 1;
/// The first forbidden-phrase bit of a `conduct` phrase ("the agent was rude", `客服态度很差`,
/// "hung up on me"): bit `FORBIDDEN_CONDUCT + i` is [`CONDUCT`] `i`. What staff did, told
/// by the customer, is not a phrase staff said, but it shares the forbidden-phrase kind,
/// whose bits 12 to 15 are free, as every kind index is taken (as `SAFETY_DATA_EXPOSURE`
/// shares the safety kind). It counts on the customer's side, not denied and not in a
/// condition ("if the agent is rude again"): it tells what happened.
const FORBIDDEN_CONDUCT: u8 = 12;
/// The forbidden-phrase bit of an attitude word (`conduct` lines of code `attitude`: `态度`,
/// "attitude"): not a conduct of its own but where the attitude reader looks for a bad one
/// ([`attitude::rude`]), which is [`CONDUCT`] `rude`. It follows the conduct bits.
const FORBIDDEN_ATTITUDE: u8 = 15;
/// The safety bit of an outcome phrase (`住院`, `急诊`, "passed away"): a phrase that says
/// how a harm ended (treatment, a hospital stay, a death), not that a harm happened. Its
/// low bits are the level it shows ([`SAFETY_LEVELS`] index). Alone it shows no safety
/// level: a sick relative in hospital, a hospital bill, a bereavement or an insurance claim
/// for an illness are told with the same words. With a harm told in the same text (a burn,
/// a fall, a shock, food poisoning) it raises that harm to its own level.
const SAFETY_OUTCOME: u8 = 8;
/// The vulnerable bit of a phrase that states an age ("N years old"): 70 or more is an
/// elderly person, under 18 a child. (`N岁` would need the pattern expanded to every
/// numeral, about 0.7 KiB of flash; a one-character `岁` pattern would shorten the filter
/// key of every character sharing its lead byte and halve the scanner's speed on Chinese.)
const VULNERABLE_AGE: u8 = 7;
/// The vulnerable bit of a phrase after which an age is stated (`I'm 78`, `aged 82`): 70
/// or more is an elderly person. Never a child: `I'm 12 minutes away` is read as no age
/// only because of the word after it, and a wrong child costs more than a missed one.
const VULNERABLE_AGE_AFTER: u8 = 6;
/// The age from which a stated age is an elderly person (tests/text/README.md).
const ELDERLY_AGE: u64 = 70;
/// The age below which a stated age is a child.
const ADULT_AGE: u64 = 18;
/// The scope bit of a phrase that opens a stated extent (`整个`, `成個`, "the whole of"):
/// the place word after it gives the level (`整个小区`, `整個北屯區`, `整个城市`).
const SCOPE_SPAN: u8 = 7;
/// Codes of speaker labels; `addressee` opens a letter's greeting (`尊敬的`, `致客服`,
/// "Dear"), after which a role word on the same line is whom the letter is for, not who
/// speaks (`尊敬的客服经理：`, `致屋苑管理處：`, "Dear Customer Services:").
/// `said` is a saying verb (`这样说`, `咁講`): right after a `cannot_happen` phrase
/// (`不可能这样说`, `冇可能咁講`) the two are staff denying what was said, `never_said_that`.
const LABEL_CODES: [&str; 5] = ["agent", "customer", "reported", "addressee", "said"];
/// The label bit of [`LABEL_CODES`]'s `addressee`.
const LABEL_ADDRESSEE: u8 = 3;
/// The label bit of [`LABEL_CODES`]'s `said`.
const LABEL_SAID: u8 = 4;
/// The [`FORBIDDEN_PHRASES`] bit of `cannot_happen`.
const CANNOT_HAPPEN: u8 = info_index(&FORBIDDEN_PHRASES, b"cannot_happen");
/// [`CANNOT_HAPPEN`] in [`TextCues::forbidden_phrases`].
const CANNOT_HAPPEN_BIT: u16 = 1 << CANNOT_HAPPEN;
/// `never_said_that` in [`TextCues::forbidden_phrases`].
const NEVER_SAID_THAT_BIT: u16 = 1 << info_index(&FORBIDDEN_PHRASES, b"never_said_that");
/// The [`FORBIDDEN_PHRASES`] bit of `child_could_do_it`.
const CHILD_COULD_DO_IT: u8 = info_index(&FORBIDDEN_PHRASES, b"child_could_do_it");
/// The [`FORBIDDEN_PHRASES`] bit of `cant_you_read`.
const CANT_YOU_READ: u8 = info_index(&FORBIDDEN_PHRASES, b"cant_you_read");
/// Bytes after a `cant_you_read` phrase searched for the mark of a question.
const QUESTION_REACH: usize = 9;
/// The marks of a question ([`mocks`]) other than `?`: the full-width question mark and the
/// particles that ask (`吗`, `嗎`, Cantonese `咩`, Taiwanese `喔`, `吧`), three bytes each.
const QUESTION_MARKS: &[u8] = "？吗嗎咩喔吧".as_bytes();

/// Whether a forbidden phrase of `bit` may mock the customer ([`mocks`]): its words
/// may then show [`CONDUCT`] `rude` ([`locate`]).
pub(super) const fn may_mock(bit: u8) -> bool {
    bit == CHILD_COULD_DO_IT || bit == CANT_YOU_READ
}

/// Whether staff words of forbidden-phrase `bit`, ending at `end` of `view`, mock the
/// customer, which is [`CONDUCT`] `rude` as well as the phrase (tests/text/README.md,
/// `handling_failures`: mocked or condescending): comparing the customer with a child
/// (`连小孩都会`, "a kid could do it"), or asking whether they can read (`你不识字吗？`,
/// `睇唔明中文咩`, "can't you read?": a question mark or particle within
/// [`QUESTION_REACH`] bytes). Pointing to what is written (`条款写得很清楚。`, `请您自己看一下`)
/// is the phrase alone.
fn mocks(bit: u8, view: &[u8], end: usize) -> bool {
    if !may_mock(bit) {
        return false;
    }
    if bit == CHILD_COULD_DO_IT {
        return true;
    }
    let after = view.get(end..).unwrap_or(&[]);
    let after = after.get(..QUESTION_REACH).unwrap_or(after);
    for i in 0..after.len() {
        if after.get(i) == Some(&b'?') {
            return true;
        }
        let w = after.get(i..i.saturating_add(3));
        for m in (0..QUESTION_MARKS.len()).step_by(3) {
            if QUESTION_MARKS.get(m..m.saturating_add(3)) == w {
                return true;
            }
        }
    }
    false
}

/// What the scanner found.
///
/// The first three fields are bitsets, bit `i` set when cue `i` occurred where it counts
/// (see the module documentation: speakers, negation); the others are levels, bitsets and
/// numbers read from the text. All fixed-size.
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
    /// The most serious safety level stated: 0 none, then 1 + index in [`SAFETY_LEVELS`].
    pub safety: u8,
    /// Malicious-complaint signs, bits in the order of [`MALICE`].
    pub malice: u8,
    /// Vulnerable people involved, bits in the order of [`VULNERABLE`].
    pub vulnerable: u8,
    /// The widest stated scope: 0 one customer, then 1 + index in [`SCOPES`].
    pub scope: u8,
    /// This contact is the Nth about the issue (0 = not stated).
    pub repetition: u8,
    /// The longest stated duration of the problem or the wait, in hours (0 = not stated).
    pub elapsed_hours: u32,
    /// Money amounts stated, the first [`MONEY_SLOTS`] distinct ones, empty slots last.
    pub money: [Money; MONEY_SLOTS],
    /// The largest amount the customer stated as a price paid or a direct loss (after
    /// `花了`, `价值`, "I paid", or with no marker before any claim: "charged my card
    /// $1,200"), with its currency; amount 0 when none. Claims and the company's offers
    /// are never losses (see the module documentation, *Known limitations*).
    pub loss: Money,
    /// The customer tells of their personal data exposed: a bill or statement sent to
    /// someone else, details leaked, sold or shown to others (`privacy` phrases).
    pub data_exposure: bool,
    /// How staff treated the customer, as the customer tells it (`conduct` phrases), bits in
    /// the order of [`CONDUCT`]: rude, a non-verbal rejection.
    pub conduct: u8,
    /// How many phrases of each complaint category occurred (by [`Category`] index, at
    /// most 255 each; `other` has no phrases). [`TextFacts`] suggests the most cued one.
    pub categories: [u8; Category::COUNT],
}

impl TextCues {
    /// No cue at all.
    pub const NONE: TextCues = TextCues {
        threats: 0,
        forbidden_phrases: 0,
        emotion_markers: 0,
        safety: 0,
        malice: 0,
        vulnerable: 0,
        scope: 0,
        repetition: 0,
        elapsed_hours: 0,
        money: [NO_MONEY; MONEY_SLOTS],
        loss: NO_MONEY,
        data_exposure: false,
        conduct: 0,
        categories: [0; Category::COUNT],
    };

    /// `true` when no cue was found.
    #[inline]
    pub fn is_empty(&self) -> bool {
        *self == TextCues::NONE
    }

    /// Every cue found in `self` or in `other`: bitsets joined, the higher level or number,
    /// the money amounts of `self` then the new ones of `other` (as many as fit), the
    /// larger loss (that of `self` when equal), the category counts added.
    #[inline]
    #[must_use]
    pub fn union(self, other: TextCues) -> TextCues {
        let mut out = TextCues {
            threats: self.threats | other.threats,
            forbidden_phrases: self.forbidden_phrases | other.forbidden_phrases,
            emotion_markers: self.emotion_markers | other.emotion_markers,
            safety: self.safety.max(other.safety),
            malice: self.malice | other.malice,
            vulnerable: self.vulnerable | other.vulnerable,
            scope: self.scope.max(other.scope),
            repetition: self.repetition.max(other.repetition),
            elapsed_hours: self.elapsed_hours.max(other.elapsed_hours),
            money: self.money,
            loss: if other.loss.amount_minor > self.loss.amount_minor {
                other.loss
            } else {
                self.loss
            },
            data_exposure: self.data_exposure | other.data_exposure,
            conduct: self.conduct | other.conduct,
            categories: self.categories,
        };
        for (n, m) in out.categories.iter_mut().zip(other.categories) {
            *n = n.saturating_add(m);
        }
        for m in other.money {
            out.add_money(m);
        }
        out
    }

    /// The three bit families alone (threats, forbidden phrases, emotion). A
    /// [`crate::Complaint`] keeps its text as [`TextFacts`], which has them and the other
    /// kinds grading reads.
    #[must_use]
    pub const fn families(self) -> TextCues {
        TextCues {
            threats: self.threats,
            forbidden_phrases: self.forbidden_phrases,
            emotion_markers: self.emotion_markers,
            ..TextCues::NONE
        }
    }

    /// The money amounts found, in order.
    pub fn money(&self) -> impl Iterator<Item = Money> + '_ {
        self.money.iter().copied().filter(|m| m.amount_minor != 0)
    }

    /// Adds an amount unless it is empty, already there or there is no free slot.
    fn add_money(&mut self, m: Money) {
        if m.amount_minor == 0 || self.money.contains(&m) {
            return;
        }
        if let Some(slot) = self.money.iter_mut().find(|s| s.amount_minor == 0) {
            *slot = m;
        }
    }

    /// Whether the bit described by a packed `kind << 4 | bit` byte is set (the three bit
    /// families only; other kinds are never skipped). A `cant_you_read` phrase is read
    /// again until one [mocks](mocks) the customer: a later one may still be rude.
    #[inline]
    fn has(&self, kind_bit: u8) -> bool {
        let bit = u32::from(kind_bit & 0x0F);
        match kind_bit >> 4 {
            0 => self.threats.checked_shr(bit).unwrap_or(0) & 1 != 0,
            1 => {
                self.forbidden_phrases.checked_shr(bit).unwrap_or(0) & 1 != 0
                    && (bit != u32::from(CANT_YOU_READ) || self.conduct >> RUDE & 1 != 0)
            }
            2 => self.emotion_markers.checked_shr(bit).unwrap_or(0) & 1 != 0,
            _ => false,
        }
    }

    /// Sets the bit described by a packed `kind << 4 | bit` byte (the three bit families).
    #[inline]
    fn set(&mut self, kind_bit: u8) {
        let bit = u32::from(kind_bit & 0x0F);
        match kind_bit >> 4 {
            0 => self.threats |= 1u8.checked_shl(bit).unwrap_or(0),
            1 => self.forbidden_phrases |= 1u16.checked_shl(bit).unwrap_or(0),
            2 => self.emotion_markers |= 1u8.checked_shl(bit).unwrap_or(0),
            _ => {}
        }
    }
}

/// What a pattern of `phrases.tsv` reports or changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CueKind {
    /// A threat made by the customer ([`TextCues::threats`], [`THREATS`]).
    Threat = 0,
    /// What the complaint is about: a phrase of one [`Category`]
    /// ([`TextCues::categories`]).
    Category = 3,
    /// A forbidden agent phrase ([`TextCues::forbidden_phrases`], [`FORBIDDEN_PHRASES`]).
    ForbiddenPhrase = 1,
    /// A strong-emotion marker ([`TextCues::emotion_markers`], [`EMOTION_MARKERS`]).
    EmotionMarker = 2,
    /// A safety level ([`TextCues::safety`], [`SAFETY_LEVELS`]).
    Safety = 4,
    /// A malicious-complaint sign ([`TextCues::malice`], [`MALICE`]).
    Malice = 5,
    /// A vulnerable person ([`TextCues::vulnerable`], [`VULNERABLE`]).
    Vulnerable = 6,
    /// How many customers are affected ([`TextCues::scope`], [`SCOPES`]).
    Scope = 7,
    /// An ordinal of this contact ([`TextCues::repetition`]).
    Repetition = 8,
    /// A time unit after a number ([`TextCues::elapsed_hours`]).
    Elapsed = 9,
    /// A currency before or after a number ([`TextCues::money`]).
    Money = 10,
    /// A negation: threats, safety and malice after it in its clause (or sentence) do
    /// not count.
    Negation = 11,
    /// A condition (`if`, `如果`): negations in the rest of its clause do not count.
    Condition = 12,
    /// A turn back to the speaker's own intent (`but`, `我就`): ends a negation.
    Resume = 13,
    /// A transcript speaker label at the start of a line (`客服：`, `Customer:`), or reported
    /// speech (`told me`).
    Label = 14,
    /// A place or word that shows where the text was written (`台北`, `你哋`): `元` is then
    /// New Taiwan or Hong Kong dollars.
    Region = 15,
}

impl CueKind {
    const fn from_index(i: u8) -> Option<CueKind> {
        match i {
            0 => Some(CueKind::Threat),
            1 => Some(CueKind::ForbiddenPhrase),
            2 => Some(CueKind::EmotionMarker),
            3 => Some(CueKind::Category),
            4 => Some(CueKind::Safety),
            5 => Some(CueKind::Malice),
            6 => Some(CueKind::Vulnerable),
            7 => Some(CueKind::Scope),
            8 => Some(CueKind::Repetition),
            9 => Some(CueKind::Elapsed),
            10 => Some(CueKind::Money),
            11 => Some(CueKind::Negation),
            12 => Some(CueKind::Condition),
            13 => Some(CueKind::Resume),
            14 => Some(CueKind::Label),
            15 => Some(CueKind::Region),
            _ => None,
        }
    }
}

/// The bit of `code` in the code list of `kind`; a code no list knows is a build error
/// (`phrases.tsv` is checked at compile time).
// Only ever evaluated at compile time (building the tables), where an out-of-bounds index
// or a failed lookup is a build error, as in `mod tables`.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic,
    clippy::cast_possible_truncation
)]
const fn code_bit(kind: CueKind, code: &str) -> u8 {
    let c = code.as_bytes();
    match kind {
        CueKind::Threat => info_index(&THREATS, c),
        CueKind::ForbiddenPhrase => {
            if bytes_equal(c, b"attitude") {
                return FORBIDDEN_ATTITUDE;
            }
            let mut i = 0;
            while i < CONDUCT.len() {
                if bytes_equal(CONDUCT[i].code.as_bytes(), c) {
                    return FORBIDDEN_CONDUCT + i as u8;
                }
                i += 1;
            }
            info_index(&FORBIDDEN_PHRASES, c)
        }
        CueKind::EmotionMarker => info_index(&EMOTION_MARKERS, c),
        CueKind::Safety => match c {
            b"data_exposure" => SAFETY_DATA_EXPOSURE,
            b"trapped" => SAFETY_TRAPPED,
            b"lift" => SAFETY_LIFT,
            b"data" => PRIVACY_DATA,
            b"recipient" => PRIVACY_RECIPIENT,
            // `outcome:injury` (written `outcome:<level>` in phrases.tsv).
            [b'o', b'u', b't', b'c', b'o', b'm', b'e', b':', level @ ..] => {
                info_index(&SAFETY_LEVELS, level) | SAFETY_OUTCOME
            }
            _ => info_index(&SAFETY_LEVELS, c),
        },
        CueKind::Malice => {
            if bytes_equal(c, b"claim_before") {
                MALICE_CLAIM_BEFORE
            } else if bytes_equal(c, b"loss") {
                MALICE_LOSS
            } else if bytes_equal(c, b"claim") {
                MALICE_CLAIM
            } else if bytes_equal(c, b"offer") {
                MALICE_OFFER
            } else if bytes_equal(c, b"otherwise") {
                MALICE_OTHERWISE
            } else {
                info_index(&MALICE, c)
            }
        }
        CueKind::Vulnerable => {
            if bytes_equal(c, b"age") {
                VULNERABLE_AGE
            } else if bytes_equal(c, b"age_after") {
                VULNERABLE_AGE_AFTER
            } else {
                info_index(&VULNERABLE, c)
            }
        }
        CueKind::Category => {
            let i = str_index(Category::CODES, c);
            assert!(
                i != Category::Other.index(),
                "phrases.tsv: `other` is what no category phrase shows"
            );
            i
        }
        CueKind::Scope => {
            if bytes_equal(c, b"span") {
                SCOPE_SPAN
            } else {
                info_index(&SCOPES, c)
            }
        }
        CueKind::Repetition => str_index(&REPETITION_CODES, c),
        CueKind::Elapsed => str_index(&UNIT_HOURS, c),
        CueKind::Money => {
            // `before:CNY` or `after:USD` (written so by build.rs).
            let (after, rest) = match c {
                [b'a', b'f', b't', b'e', b'r', b':', rest @ ..] => (8, rest),
                [b'b', b'e', b'f', b'o', b'r', b'e', b':', rest @ ..] => (0, rest),
                _ => panic!("money code without direction"),
            };
            if bytes_equal(rest, b"local") {
                LOCAL_CURRENCY | after
            } else if bytes_equal(rest, b"dollar") {
                DOLLAR | after
            } else {
                str_index(&CURRENCIES, rest) | after
            }
        }
        CueKind::Negation => {
            if bytes_equal(c, b"-") {
                NEGATION_MASK
            } else if bytes_equal(c, b"conduct") {
                NEGATION_CONDUCT
            } else if bytes_equal(c, b"own") {
                NEGATION_OWN
            } else {
                str_index(&NEGATION_CODES, c)
            }
        }
        CueKind::Condition => str_index(&CONDITION_CODES, c),
        CueKind::Resume => {
            assert!(bytes_equal(c, b"-"), "resume lines have code -");
            0
        }
        CueKind::Label => str_index(&LABEL_CODES, c),
        CueKind::Region => str_index(&REGION_CODES, c),
    }
}

/// Whether two byte strings are equal, for `const` code (slices' `==` is not `const`):
/// the tables here and the firmware's factor code groups (`json/fragment.rs`), the
/// integer fields' error texts (`json/record.rs`).
// Only ever evaluated at compile time (building the tables), where an out-of-bounds index
// or a failed lookup is a build error, as in `mod tables`.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic,
    clippy::cast_possible_truncation
)]
pub(crate) const fn bytes_equal(a: &[u8], b: &[u8]) -> bool {
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

// Only ever evaluated at compile time (building the tables), where an out-of-bounds index
// or a failed lookup is a build error, as in `mod tables`.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic,
    clippy::cast_possible_truncation
)]
const fn info_index(list: &[PhraseInfo], code: &[u8]) -> u8 {
    let mut i = 0;
    while i < list.len() {
        if bytes_equal(list[i].code.as_bytes(), code) {
            return i as u8;
        }
        i += 1;
    }
    panic!("phrases.tsv: unknown code")
}

// Only ever evaluated at compile time (building the tables), where an out-of-bounds index
// or a failed lookup is a build error, as in `mod tables`.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic,
    clippy::cast_possible_truncation
)]
const fn str_index(list: &[&str], code: &[u8]) -> u8 {
    let mut i = 0;
    while i < list.len() {
        if bytes_equal(list[i].as_bytes(), code) {
            return i as u8;
        }
        i += 1;
    }
    panic!("phrases.tsv: unknown code")
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

/// How staff treated the customer, as the customer tells it, by bit of
/// [`TextCues::conduct`]; the codes are the record's `handling_failures` codes (seed
/// `000_d3bb18e70da591cc.txt`, 预防十种错误: 粗鲁无礼, 非语言排斥).
pub const CONDUCT: [PhraseInfo; 2] = [
    info("rude", "Staff were rude to the customer", "粗鲁无礼"),
    info(
        "nonverbal_rejection",
        "Staff hung up, walked away or ignored the customer",
        "非语言排斥",
    ),
];

/// The bit of `rude` in [`TextCues::conduct`] (the attitude reader's conduct).
pub(super) const RUDE: u8 = info_index(&CONDUCT, b"rude");

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

// The phrase lists live in `core/phrases.tsv`, one line per phrase (family, code, language,
// phrase, source); `build.rs` turns them into `SOURCE`: `(kind, code, patterns)` groups.
include!(concat!(env!("OUT_DIR"), "/phrases.rs"));

// ---------------------------------------------------------------------------------------------
// Public functions
// ---------------------------------------------------------------------------------------------

/// Scans a whole text and returns every cue found in it. Never allocates, never panics.
#[inline]
pub fn scan_text(text: &str) -> TextCues {
    scan_bytes(text.as_bytes())
}

/// Scans a whole text given as bytes, e.g. a JSON string body whose UTF-8 was checked
/// while it was read: `scan_bytes(s.as_bytes()) == scan_text(s)` for every `s`, without a
/// second UTF-8 check. Bytes that are not UTF-8 are matched as they are (a pattern matches
/// its exact bytes); never allocates, never panics.
#[inline]
pub fn scan_bytes(text: &[u8]) -> TextCues {
    let mut r = Reader::new();
    matcher(text, 0, text.len(), 0, &mut r);
    r.finish()
}

/// The matcher of this build: the fast one (`scan/fast.rs`), or with the `small-flash`
/// feature the plain one (`scan_range`), without the fast one's 62 KiB of tables. Both report the
/// same matches in the same order (`core/tests/scan_matchers.rs`).
#[cfg(not(feature = "small-flash"))]
use fast::scan_range as matcher;
#[cfg(feature = "small-flash")]
use scan_range as matcher;

/// The plain matcher alone, whatever the build selects: the reference the fast one is
/// compared with.
pub mod reference {
    use super::{scan_range, Reader, TextCues};

    /// [`scan_bytes`](super::scan_bytes) with the plain matcher.
    pub fn scan_bytes(text: &[u8]) -> TextCues {
        let mut r = Reader::new();
        scan_range(text, 0, text.len(), 0, &mut r);
        r.finish()
    }

    /// [`scan_text`](super::scan_text) with the plain matcher.
    pub fn scan_text(text: &str) -> TextCues {
        scan_bytes(text.as_bytes())
    }

    /// [`locate`](super::locate) with the plain matcher.
    pub fn locate(text: &[u8], cue: super::Cue) -> Option<(usize, usize)> {
        super::locate::locate_with(text, cue, scan_bytes)
    }
}

/// Every pattern of the table, for documentation generation: `(kind, bit, pattern text)`, in
/// the order of the source table (grouped by kind, then bit). The number-unit phrases (`N天`,
/// `N元`) are not listed: the scanner reads the numeral before their unit in code. English-style patterns are listed in lower
/// case; the typographic-apostrophe variants generated at compile time are included, each
/// right after its ASCII original. (Not listed: four internal two-mark patterns that find a
/// run of exclamation marks right after a letter; the runs themselves are listed.)
pub fn patterns() -> impl Iterator<Item = (CueKind, u8, &'static str)> {
    tables::SOURCE_ORDER
        .iter()
        .take_while(|e| e.kind_bit() != tables::TAIL_KIND_BIT)
        .filter_map(|e| {
            Some((
                CueKind::from_index(e.kind_bit() >> 4)?,
                e.kind_bit() & 0x0F,
                tables::TEXT.get(e.off()..e.off().checked_add(e.len())?)?,
            ))
        })
}

/// Scans text that arrives in pieces.
///
/// Feeding any split of a string through [`Scanner::push_str`] and [`Scanner::push_char`]
/// (in any mix) and then calling [`Scanner::finish`] gives exactly the [`TextCues`] that
/// [`scan_text`] gives on the whole string. The scanner keeps the last bytes in a fixed
/// buffer: up to [`LOOKBACK`] decided bytes of context and the bytes whose matches are not
/// decided yet; long pieces are scanned in place on the fast path.
#[derive(Clone, Debug)]
pub struct Scanner {
    /// `ctx_len` decided bytes of context, then the pending bytes.
    carry: [u8; CARRY_CAP],
    carry_len: usize,
    ctx_len: usize,
    /// Offset in the whole text of `carry[0]`.
    origin: usize,
    reader: Reader,
}

const CARRY_CAP: usize = LOOKBACK + LOOKAHEAD;
const SEAM_CAP: usize = 2 * CARRY_CAP;

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
            ctx_len: 0,
            origin: 0,
            reader: Reader::new(),
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
        let mut reader = self.reader;
        let carry = self.carry.get(..self.carry_len).unwrap_or(&[]);
        matcher(carry, self.ctx_len, carry.len(), self.origin, &mut reader);
        reader.finish()
    }

    /// Feeds the next piece of text as bytes. A piece may end inside a UTF-8 character, the
    /// next one continuing it: any split of `bytes` gives the cues of [`scan_bytes`]`(bytes)`,
    /// those of [`scan_text`] for UTF-8. Bytes that are not UTF-8 are matched as they are;
    /// never panics.
    //
    // A position is decided once the `LOOKAHEAD` bytes after it are known, with the
    // `LOOKBACK` bytes before it (or the start of the text) in the same slice.
    pub fn push_bytes(&mut self, s: &[u8]) {
        const M: usize = LOOKAHEAD;
        const L: usize = LOOKBACK;
        let carry = self.carry.get(..self.carry_len).unwrap_or(&[]);
        let mut seam_buf = [0u8; SEAM_CAP];
        let head = s.get(..L.saturating_add(M)).unwrap_or(s);
        for (d, b) in seam_buf.iter_mut().zip(carry.iter().chain(head)) {
            *d = *b;
        }
        let seam_len = carry.len().saturating_add(head.len()).min(SEAM_CAP);
        let seam = seam_buf.get(..seam_len).unwrap_or(&[]);
        if head.len() == s.len() {
            // Short piece: everything goes through the seam.
            let decided_end = seam_len.saturating_sub(M).max(self.ctx_len);
            matcher(
                seam,
                self.ctx_len,
                decided_end,
                self.origin,
                &mut self.reader,
            );
            let keep_from = decided_end.saturating_sub(L);
            self.ctx_len = decided_end.saturating_sub(keep_from);
            self.origin = self.origin.wrapping_add(keep_from);
            self.set_carry(seam.get(keep_from..).unwrap_or(&[]));
        } else {
            // Long piece: the seam decides the carried positions and the first L bytes of
            // `s`, then `s` is scanned in place up to its last M bytes.
            let decided_end = carry.len().saturating_add(L);
            matcher(
                seam,
                self.ctx_len,
                decided_end,
                self.origin,
                &mut self.reader,
            );
            let s_origin = self.origin.wrapping_add(carry.len());
            let stop = s.len().saturating_sub(M);
            matcher(s, L, stop, s_origin, &mut self.reader);
            let keep_from = stop.saturating_sub(L);
            self.ctx_len = stop.saturating_sub(keep_from);
            self.origin = s_origin.wrapping_add(keep_from);
            self.set_carry(s.get(keep_from..).unwrap_or(&[]));
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
// Reading the matches in order: speakers, clauses, negation, numbers
// ---------------------------------------------------------------------------------------------

/// Who is speaking: untagged text is the customer's narrative.
const UNTAGGED: u8 = 0;
const AGENT: u8 = 1;
const CUSTOMER: u8 = 2;

/// A speaker label counts when it starts at most this many bytes after the start of its
/// line (room for a time stamp or a number: `[10:02] Agent:`).
const LABEL_REACH: usize = 12;

/// Whether a speaker label's word ending at `end` is followed by its colon (`客服：`,
/// `Agent:`, `Agent :`): the label lines of the phrase file hold the role word alone, so
/// one line serves both colons, and a role named at the start of a sentence (`客服态度很差`,
/// "Customer service was awful") sets no speaker. The colon lies within
/// [`LABEL_COLON_REACH`] bytes of the word's end, which the scanner keeps in view.
/// Read inside [`Reader::hit`], its only caller: a transcript has a label at every turn.
#[inline(always)]
fn colon_after(hay: &[u8], end: usize) -> bool {
    let rest = hay.get(end..).unwrap_or(&[]);
    let rest = match rest.first() {
        Some(b' ') => rest.get(1..).unwrap_or(&[]),
        _ => rest,
    };
    rest.first() == Some(&b':') || rest.starts_with("\u{FF1A}".as_bytes())
}

/// Bytes after a label's word that [`colon_after`] reads: a space and a full-width colon.
#[cfg(test)]
const LABEL_COLON_REACH: usize = 4;

/// What separates two pieces of text for negation: a clause (`,`), a sentence (`.`), a
/// line; or an opening quote.
const CLAUSE: u8 = 1;
const SENTENCE: u8 = 2;
const LINE: u8 = 3;
const QUOTE: u8 = 5;
/// A lead byte that may start a boundary character (`，`, `。`, `「`, `“`).
const WIDE: u8 = 4;

/// `BYTE_CLASS[b]` for the first byte of a candidate position. (With the `small-flash`
/// feature the plain matcher reads it from [`tables::SHIFT_CLASS`] instead, one table
/// with the key shifts.)
#[cfg_attr(all(feature = "small-flash", not(test)), allow(dead_code))]
static BYTE_CLASS: [u8; 256] = BYTE_CLASS_CONST;
/// See [`BYTE_CLASS`].
#[allow(clippy::indexing_slicing)] // constant indices, evaluated at compile time
const BYTE_CLASS_CONST: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'\n' as usize] = LINE;
    t[b',' as usize] = CLAUSE;
    t[b';' as usize] = CLAUSE;
    t[b'.' as usize] = SENTENCE;
    t[b'?' as usize] = SENTENCE;
    t[b'!' as usize] = SENTENCE;
    t[b'"' as usize] = QUOTE;
    t[b'\'' as usize] = QUOTE;
    t[0xE2] = WIDE;
    t[0xE3] = WIDE;
    t[0xEF] = WIDE;
    t
};

/// The boundary class of a three-byte character (its bytes little-endian in `w`).
#[inline]
fn wide_class(w: u64) -> u8 {
    match w & 0x00FF_FFFF {
        0x8C_BC_EF | 0x9B_BC_EF | 0x9A_BC_EF => CLAUSE, // ， ； ：
        0x82_80_E3 | 0x81_BC_EF | 0x9F_BC_EF => SENTENCE, // 。 ！ ？
        0x8C_80_E3 | 0x8E_80_E3 | 0x9C_80_E2 | 0x98_80_E2 => QUOTE, // 「 『 “ ‘
        _ => 0,
    }
}

/// The scanner's state between matches: the cues so far and the context of the next one.
#[derive(Clone, Copy, Debug)]
struct Reader {
    cues: TextCues,
    speaker: u8,
    /// A negation holds for the rest of the clause, or of the sentence.
    clause_negated: bool,
    sentence_negated: bool,
    /// In the condition of a conditional (`if you don't ... I'll`): negations do not count.
    condition: bool,
    /// A harm told before this offset of the whole text is told as what might happen or
    /// nearly happened, at most a hazard: [`NEAR_REACH`] after a `near` condition phrase
    /// (and to the end of its clause), or `usize::MAX` to the end of the sentence after a
    /// condition ([`CONDITION_CODES`]).
    possible_until: usize,
    /// Where the last `cannot_happen` phrase that set its bit (the agent's, or quoted)
    /// ends: a saying verb read there ([`LABEL_SAID`]) makes it `never_said_that`.
    cannot_end: usize,
    /// Inside a quotation or reported speech (for agent phrases in a narrative).
    quoted: bool,
    /// The last agent phrase read outside quotation: where it starts, its `kind_bit` and
    /// the [`TextCues::conduct`] bits it brings if staff said it ([`mocks`]). A
    /// reported-speech label read at the same place (`叫我` of `叫我去`, "told me" of "told
    /// me to call the bank"), in no fixed order, tells it as staff's words.
    unquoted: (usize, u8, u8),
    /// Offset in the whole text where the current line starts.
    line_start: usize,
    /// Offset in the whole text where the last line opened by a greeting starts
    /// ([`LABEL_ADDRESSEE`]; `usize::MAX` none): its role words set no speaker.
    addressed_line: usize,
    /// Offset in the whole text where the last number read ends (a number is read once).
    number_end: usize,
    /// The text's region: 0 none, 1 + index in [`REGION_CODES`] (the first one shown).
    region: u8,
    /// The highest level an outcome phrase showed so far (see [`SAFETY_OUTCOME`]), 0 none:
    /// a harm told later is raised to it.
    outcome: u8,
    /// An earlier claim was mentioned (see [`MALICE_CLAIM_BEFORE`]).
    claim_before: bool,
    /// A lift was named, and people were told trapped, so far (see [`SAFETY_TRAPPED`]).
    lift: bool,
    /// See [`Reader::lift`].
    trapped: bool,
    /// In this sentence, on the customer's side: bit 0 the customer's data was named, bit 1
    /// a person or place it should not reach (see [`PRIVACY_DATA`]).
    privacy_in_sentence: u8,
    /// What the amounts read next in this sentence are: [`NO_ROLE`], [`LOSS`] or [`CLAIM`].
    money_role: u8,
    /// The largest price or direct loss the customer stated, in minor units, with its
    /// currency (as read: [`LOCAL_CURRENCY`] until [`Reader::finish`]).
    loss: Money,
    /// The largest amount the customer claimed, in minor units.
    claim_max: u64,
    /// The last amount kept as a loss for want of a marker: where it was read, the amount
    /// and its currency, and the loss before it. A claim marker read at the same place
    /// (`我要五千` is read both as `我要N` money and as the claim marker `我要`, in no fixed
    /// order) makes it a claim.
    unmarked: (usize, Money, Money),
    /// In this sentence: the customer claimed an amount, or threatened publicity (press,
    /// social media, review sites). Both in one sentence are extortion.
    claim_in_sentence: bool,
    publicity_in_sentence: bool,
    /// The text is written in Traditional characters (see [`REGION_TRADITIONAL`]).
    traditional: bool,
    /// Offset in the whole text where the furthest-reaching look-alike read so far ends
    /// (see [`NEGATION_MASK`]): a phrase ending at or before it, read after it, lies inside.
    mask_end: usize,
    /// The offsets, from and to, in the whole text where a [`CONDUCT`] phrase that starts
    /// there is not read: after a conduct denial ([`NEGATION_CONDUCT`]) or in the customer's
    /// own conduct ([`NEGATION_OWN`]); `usize::MAX` from none.
    conduct_off: (usize, usize),
}

/// Roles of an amount the customer states (see [`MALICE_CLAIM`]): an amount with no marker
/// before any claim is a loss (`烧坏了一台电视，四千块`, "the £45 cake").
const NO_ROLE: u8 = 0;
const LOSS: u8 = 1;
const CLAIM: u8 = 2;
const OFFER: u8 = 3;
/// Threat bits that make something public: media, social media, complaint platforms.
const PUBLICITY: u8 = 1 << 0 | 1 << 1 | 1 << 5;

impl Reader {
    const fn new() -> Reader {
        Reader {
            cues: TextCues::NONE,
            speaker: UNTAGGED,
            clause_negated: false,
            sentence_negated: false,
            condition: false,
            possible_until: 0,
            cannot_end: usize::MAX,
            quoted: false,
            unquoted: (usize::MAX, 0, 0),
            line_start: 0,
            addressed_line: usize::MAX,
            number_end: 0,
            region: 0,
            outcome: 0,
            lift: false,
            trapped: false,
            privacy_in_sentence: 0,
            claim_before: false,
            money_role: NO_ROLE,
            loss: NO_MONEY,
            claim_max: 0,
            unmarked: (usize::MAX, NO_MONEY, NO_MONEY),
            claim_in_sentence: false,
            publicity_in_sentence: false,
            traditional: false,
            mask_end: 0,
            conduct_off: (usize::MAX, 0),
        }
    }

    /// A harm of `level` told: the text's safety rises to it, or to the level an outcome
    /// phrase read earlier showed ([`SAFETY_OUTCOME`]).
    fn harm(&mut self, level: u8) {
        self.cues.safety = self.cues.safety.max(level).max(self.outcome);
    }

    /// The cues, once the whole text was read: amounts in the local currency get the
    /// region's, and a larger claim after an earlier one is an escalating claim.
    fn finish(mut self) -> TextCues {
        let local = match self.region {
            REGION_HK => HKD,
            REGION_TW => TWD,
            _ if self.traditional => TWD,
            _ => CNY,
        };
        // An amount read in the local currency takes the region's.
        let dollar = if self.region == REGION_HK { HKD } else { USD };
        let in_region = |m: Money| Money {
            currency: match m.currency {
                LOCAL_CURRENCY => local,
                DOLLAR => dollar,
                c => c,
            },
            ..m
        };
        let found = self.cues.money;
        self.cues.money = TextCues::NONE.money;
        for m in found {
            self.cues.add_money(in_region(m));
        }
        self.cues.loss = in_region(self.loss);
        let escalating = {
            let mut amounts = self.cues.money().map(|m| m.amount_minor);
            amounts
                .next()
                .is_some_and(|first| amounts.any(|later| later > first))
        };
        if self.claim_before && escalating {
            self.cues.malice |= 1 << 2;
        }
        let loss = self.loss.amount_minor;
        if loss > 0 && self.claim_max > loss.saturating_mul(2) {
            self.cues.malice |= 1 << 3;
        }
        self.cues
    }

    /// An amount the customer stated, kept as a loss or a claim by its role.
    fn note_amount(&mut self, m: Money) {
        let amount_minor = m.amount_minor;
        match self.money_role {
            CLAIM => {
                self.claim_max = self.claim_max.max(amount_minor);
                self.claim_in_sentence = true;
                self.extortion_if_claimed();
            }
            OFFER => {}
            LOSS => self.note_loss(m),
            _ if self.claim_max == 0 => self.note_loss(m),
            _ => {}
        }
    }

    /// A loss: kept when larger than the largest so far (the first of equal ones stays).
    fn note_loss(&mut self, m: Money) {
        if m.amount_minor > self.loss.amount_minor {
            self.loss = m;
        }
    }

    /// Money claimed and publicity threatened in one sentence: the price of silence.
    fn extortion_if_claimed(&mut self) {
        if self.claim_in_sentence && self.publicity_in_sentence {
            self.cues.malice |= 1;
        }
    }

    fn negated(&self) -> bool {
        self.clause_negated || self.sentence_negated
    }

    /// A boundary character at offset `at` of the whole text.
    fn boundary(&mut self, class: u8, at: usize, opens_quote: bool) {
        match class {
            CLAUSE => {
                self.clause_negated = false;
                self.condition = false;
                if self.possible_until != usize::MAX {
                    self.possible_until = 0;
                }
            }
            SENTENCE | LINE => {
                self.clause_negated = false;
                self.sentence_negated = false;
                self.condition = false;
                self.possible_until = 0;
                self.quoted = false;
                self.money_role = NO_ROLE;
                self.claim_in_sentence = false;
                self.publicity_in_sentence = false;
                self.privacy_in_sentence = 0;
                if class == LINE {
                    self.line_start = at.wrapping_add(1);
                }
            }
            QUOTE if opens_quote => self.quoted = true,
            _ => {}
        }
    }

    /// A pattern of kind `kind_bit >> 4` matched at `p` of `hay` (offset `origin + p` of
    /// the whole text) with length `len`.
    // One arm per kind, each saying when its cue counts, reads better than match guards.
    #[allow(clippy::collapsible_match)]
    fn hit(&mut self, hay: &[u8], p: usize, origin: usize, kind_bit: u8, len: usize) {
        let bit = kind_bit & 0x0F;
        let at = origin.wrapping_add(p);
        let end = at.saturating_add(len);
        let kind = CueKind::from_index(kind_bit >> 4);
        // Matches come in text order, a look-alike before the phrases that start where it
        // does: a phrase read after one and ending inside it lies inside its words.
        if kind == Some(CueKind::Negation) && bit == NEGATION_MASK {
            self.mask_end = self.mask_end.max(end);
            return;
        }
        if end <= self.mask_end {
            return;
        }
        let customer_side = self.speaker != AGENT;
        match kind {
            Some(CueKind::Threat) => {
                if customer_side && !self.negated() {
                    self.cues.set(kind_bit);
                    if PUBLICITY >> bit & 1 == 1 {
                        self.publicity_in_sentence = true;
                        self.extortion_if_claimed();
                    }
                }
            }
            Some(CueKind::ForbiddenPhrase) if bit >= FORBIDDEN_CONDUCT => {
                // An attitude word is rude when the attitude reader finds a bad one in the
                // bytes the scanner keeps in view from the word's start, however it was fed.
                let reach = p.saturating_add(LOOKAHEAD);
                let view = hay.get(..reach).unwrap_or(hay);
                let i = match bit {
                    FORBIDDEN_ATTITUDE
                        if attitude::rude(view, p.saturating_add(len), view.len() == reach) =>
                    {
                        RUDE
                    }
                    FORBIDDEN_ATTITUDE => return,
                    _ => bit.saturating_sub(FORBIDDEN_CONDUCT),
                };
                let (off_from, off_to) = self.conduct_off;
                let off = off_from <= at && at < off_to;
                if customer_side && !self.negated() && !self.condition && !off {
                    self.cues.conduct |= 1u8.checked_shl(u32::from(i)).unwrap_or(0);
                }
            }
            Some(CueKind::ForbiddenPhrase) => {
                // The agent's own turn, or staff quoted or reported on the customer's side: the
                // customer quoting the agent (`客戶：送貨佬仲話「一分錢一分貨啦」`) tells what
                // staff said as a narrative does.
                let agent_said = self.speaker == AGENT || self.quoted;
                let view = hay.get(..p.saturating_add(LOOKAHEAD)).unwrap_or(hay);
                let rude = if mocks(bit, view, p.saturating_add(len)) {
                    1 << RUDE
                } else {
                    0
                };
                if agent_said {
                    if bit == CANNOT_HAPPEN {
                        self.cannot_end = end;
                    }
                    self.cues.set(kind_bit);
                    self.cues.conduct |= rude;
                } else {
                    self.unquoted = (at, kind_bit, rude);
                }
            }
            Some(CueKind::EmotionMarker) => {
                if customer_side {
                    self.cues.set(kind_bit);
                }
            }
            Some(CueKind::Safety) if bit == SAFETY_DATA_EXPOSURE => {
                if customer_side && !self.negated() {
                    self.cues.data_exposure = true;
                }
            }
            Some(CueKind::Safety) if matches!(bit, PRIVACY_DATA | PRIVACY_RECIPIENT) => {
                // The data and whom it reached, told in one sentence as what happened.
                if customer_side && !self.negated() && at >= self.possible_until {
                    self.privacy_in_sentence |= if bit == PRIVACY_DATA { 1 } else { 2 };
                    self.cues.data_exposure |= self.privacy_in_sentence == 3;
                }
            }
            Some(CueKind::Safety) if matches!(bit, SAFETY_TRAPPED | SAFETY_LIFT) => {
                // Either side may name the lift; the trapping is the customer's, not denied.
                if bit == SAFETY_LIFT {
                    self.lift = true;
                } else if customer_side && !self.negated() {
                    self.trapped = true;
                }
                if self.lift && self.trapped {
                    self.harm(HAZARD);
                }
            }
            Some(CueKind::Safety) => {
                if customer_side && !self.negated() {
                    let mut level = (bit & !SAFETY_OUTCOME).saturating_add(1);
                    // What might happen or nearly happened is the danger, which hurt nobody
                    // (a harm or an outcome: `差点进医院`).
                    if at < self.possible_until {
                        level = level.min(HAZARD);
                    }
                    if bit & SAFETY_OUTCOME != 0 {
                        self.outcome = self.outcome.max(level);
                        if self.cues.safety > 0 {
                            self.cues.safety = self.cues.safety.max(level);
                        }
                    } else {
                        self.harm(level);
                    }
                }
            }
            Some(CueKind::Malice) if bit == MALICE_CLAIM_BEFORE => {
                self.claim_before |= customer_side;
                // The amounts of an earlier claim are claims, never the loss.
                if customer_side {
                    self.money_role = CLAIM;
                }
            }
            Some(CueKind::Malice) if bit == MALICE_OTHERWISE => {
                if customer_side && self.claim_max > 0 {
                    self.claim_in_sentence = true;
                    self.extortion_if_claimed();
                }
            }
            Some(CueKind::Malice) if matches!(bit, MALICE_LOSS | MALICE_CLAIM | MALICE_OFFER) => {
                // The company's offer is a role on either side of a transcript.
                if customer_side || bit == MALICE_OFFER {
                    self.money_role = match bit {
                        MALICE_LOSS => LOSS,
                        MALICE_CLAIM => CLAIM,
                        _ => OFFER,
                    };
                }
                let (unmarked_at, amount, loss_before) = self.unmarked;
                if customer_side && bit == MALICE_CLAIM && unmarked_at == at {
                    self.loss = loss_before;
                    self.unmarked = (usize::MAX, NO_MONEY, NO_MONEY);
                    self.note_amount(amount);
                }
            }
            // Extortion is said as a refrain (`我就不发微博`, "I won't post"): a negation
            // before it is part of it.
            Some(CueKind::Malice) => {
                if customer_side && (bit == 0 || !self.negated()) {
                    self.cues.malice |= 1u8.checked_shl(u32::from(bit)).unwrap_or(0);
                }
            }
            Some(CueKind::Vulnerable) if bit == VULNERABLE_AGE_AFTER => {
                let elderly = numbers::age_after(hay, p, len).is_some_and(|a| a >= ELDERLY_AGE);
                if customer_side && elderly {
                    self.cues.vulnerable |= 1 << 0;
                }
            }
            Some(CueKind::Vulnerable) if bit == VULNERABLE_AGE => {
                let bit = match numbers::age(hay, p, len) {
                    Some(age) if age >= ELDERLY_AGE => 1 << 0,
                    Some(age) if age < ADULT_AGE => 1 << 4,
                    _ => 0,
                };
                if customer_side {
                    self.cues.vulnerable |= bit;
                }
            }
            // What the complaint is about, whoever names it: an agent's "your bill" is as
            // much about billing as the customer's, and a denial (`没扣费`) still names it.
            Some(CueKind::Category) => {
                if let Some(n) = self.cues.categories.get_mut(usize::from(bit)) {
                    *n = n.saturating_add(1);
                }
            }
            Some(CueKind::Vulnerable) => {
                if customer_side {
                    self.cues.vulnerable |= 1u8.checked_shl(u32::from(bit)).unwrap_or(0);
                }
            }
            // How widely customers are affected is a fact of the problem, whoever states it:
            // staff confirming "the outage covers the whole of Leeds" (`全港用戶都有影響`) say
            // it with the company's own knowledge.
            Some(CueKind::Scope) if bit == SCOPE_SPAN => {
                if !self.negated() {
                    if let Some(level) = span::scope(hay, p, len) {
                        self.cues.scope = self.cues.scope.max(level);
                    }
                }
            }
            Some(CueKind::Scope) => {
                if !self.negated() {
                    self.cues.scope = self.cues.scope.max(bit.saturating_add(1));
                }
            }
            Some(CueKind::Repetition) => {
                if customer_side {
                    if let Some(n) = numbers::repetition(hay, p, len, bit) {
                        self.cues.repetition = self.cues.repetition.max(n);
                    }
                }
            }
            Some(CueKind::Elapsed) if customer_side => {
                if let Some(h) = numbers::elapsed_hours(hay, p, len, bit) {
                    self.cues.elapsed_hours = self.cues.elapsed_hours.max(h);
                }
            }
            // An agent naming a time ("within 48 hours") states no wait.
            Some(CueKind::Elapsed) => {}
            Some(CueKind::Money) => {
                if at < self.number_end {
                    return;
                }
                if let Some((amount_minor, currency, end)) = numbers::money(hay, p, len, bit) {
                    self.number_end = origin.wrapping_add(end);
                    // An amount in Hong Kong or Taiwan dollars by name (`HK$`, `NT$`, `港幣`)
                    // shows the region, as its place names do.
                    if self.region == 0 {
                        self.region = match currency {
                            HKD => REGION_HK,
                            TWD => REGION_TW,
                            _ => 0,
                        };
                    }
                    let m = Money {
                        amount_minor,
                        currency,
                    };
                    if customer_side && !self.negated() {
                        if self.money_role == NO_ROLE && self.claim_max == 0 {
                            self.unmarked = (at, m, self.loss);
                        }
                        self.note_amount(m);
                    }
                    self.cues.add_money(m);
                }
            }
            Some(CueKind::Negation) if bit == NEGATION_CONDUCT => {
                self.conduct_off = (end, end.saturating_add(CONDUCT_DENIAL_REACH));
            }
            Some(CueKind::Negation) if bit == NEGATION_OWN => {
                self.conduct_off = (at, end.saturating_add(OWN_CONDUCT_REACH));
            }
            Some(CueKind::Negation) => {
                if !self.condition {
                    if bit == 0 {
                        self.clause_negated = true;
                    } else {
                        self.sentence_negated = true;
                    }
                }
            }
            Some(CueKind::Condition) if bit == CONDITION_NEAR => {
                self.possible_until = end.wrapping_add(NEAR_REACH);
            }
            // A harm after a condition in its sentence is its consequence (`如果小孩摸到，
            // 就会烫伤`, `万一佢跌親`): a possibility.
            Some(CueKind::Condition) => {
                self.condition = true;
                self.possible_until = usize::MAX;
                self.clause_negated = false;
            }
            Some(CueKind::Resume) => {
                self.conduct_off.0 = usize::MAX;
                self.clause_negated = false;
                self.sentence_negated = false;
                self.condition = false;
            }
            Some(CueKind::Label) => {
                if bit == 2 {
                    // Reported speech: what follows in the sentence is someone else's words,
                    // and so is an agent phrase that starts with the label.
                    self.quoted = true;
                    if self.unquoted.0 == at {
                        self.cues.set(self.unquoted.1);
                        self.cues.conduct |= self.unquoted.2;
                    }
                } else if bit == LABEL_SAID {
                    // `不可能` + `这样说`: staff denying they said it. The `cannot_happen`
                    // bit was not set before that phrase (a set bit is not read again), so
                    // clearing it undoes only that phrase.
                    if self.cannot_end == at {
                        self.cues.forbidden_phrases =
                            self.cues.forbidden_phrases & !CANNOT_HAPPEN_BIT | NEVER_SAID_THAT_BIT;
                    }
                } else if bit == LABEL_ADDRESSEE {
                    if at.wrapping_sub(self.line_start) <= LABEL_REACH {
                        self.addressed_line = self.line_start;
                    }
                } else if at.wrapping_sub(self.line_start) <= LABEL_REACH
                    && self.addressed_line != self.line_start
                    && colon_after(hay, p.saturating_add(len))
                {
                    self.speaker = if bit == 0 { AGENT } else { CUSTOMER };
                    self.money_role = NO_ROLE;
                    self.clause_negated = false;
                    self.sentence_negated = false;
                    self.condition = false;
                    self.quoted = false;
                }
            }
            Some(CueKind::Region) if bit == REGION_TRADITIONAL => self.traditional = true,
            Some(CueKind::Region) => {
                if self.region == 0 {
                    self.region = bit.saturating_add(1);
                }
            }
            None => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The scanning core
// ---------------------------------------------------------------------------------------------

const HI: u64 = 0x8080_8080_8080_8080;
const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const ONES: u64 = 0x0101_0101_0101_0101;

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

/// log2 of the number of 64-bit words of the filter. 10 gives 8 KiB (65536 bits, for about
/// 2000 keys: a few percent of the positions that start no pattern pass); 7 (1 KiB)
/// is the better trade on 32-bit microcontrollers, where flash is scarce and speed matters
/// less, and 5 (256 B) with the `small-flash` feature, whose firmware spends the flash on
/// phrases instead (about two thirds of its bits set: a third of the positions that start
/// no pattern stop here). Only speed depends on it, never the result.
const FILTER_WORD_BITS: u32 = if cfg!(target_pointer_width = "64") {
    10
} else if cfg!(feature = "small-flash") {
    5
} else {
    7
};
/// Number of 64-bit words of the filter.
const FILTER_WORDS: usize = 1 << FILTER_WORD_BITS;
/// log2 of the number of buckets of the pattern table. 11 on 64-bit targets (4 KiB of
/// bucket starts, about one pattern per bucket: a filter hit on a common prefix such as
/// "you " then scans a few entries, not a dozen); 9 on 32-bit ones (1 KiB, about four per
/// bucket), where flash is scarce; 4 (34 B, about 230 per bucket, most rejected by
/// their 4-bit hash without being decoded) with the `small-flash` feature, whose cue runs
/// ([`tables::GROUP_RUNS`]) take a bit per cue group in every bucket: 654 B where 32
/// buckets took 846 B and 128 took 1.9 KiB. Only speed depends on it, never the result.
const BUCKET_BITS: u32 = if cfg!(target_pointer_width = "64") {
    11
} else if cfg!(feature = "small-flash") {
    4
} else {
    9
};
/// Number of buckets of the pattern table.
const BUCKET_COUNT: usize = 1 << BUCKET_BITS;

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

/// The bucket of a hash product in the pattern table: its top [`BUCKET_BITS`] bits.
#[inline(always)]
#[allow(clippy::cast_possible_truncation)] // < BUCKET_COUNT
const fn bucket_of(m: u64) -> usize {
    (m >> (64 - BUCKET_BITS)) as usize
}

/// The hash stored in the pattern table (see [`tables::Entry`]): 8 bits independent of the
/// bucket and of the filter bit, so most filter false positives stop at this comparison.
#[inline(always)]
#[allow(clippy::cast_possible_truncation)] // masked to 8 bits
const fn entry_hash(m: u64) -> u8 {
    ((m >> (64 - FILTER_WORD_BITS - 6 - 8)) & 0xFF) as u8
}

/// Transposes an 8x8 bit matrix held in a `u64` (bit `8 * r + c` is row `r`, column `c`).
#[inline(always)]
const fn transpose8(mut x: u64) -> u64 {
    let t = (x ^ (x >> 7)) & 0x00AA_00AA_00AA_00AA;
    x ^= t ^ (t << 7);
    let t = (x ^ (x >> 14)) & 0x0000_CCCC_0000_CCCC;
    x ^= t ^ (t << 14);
    let t = (x ^ (x >> 28)) & 0x0000_0000_F0F0_F0F0;
    x ^= t ^ (t << 28);
    x
}

/// Candidate start positions of one 64-byte block, bit `i` for block offset `i`: the lead
/// byte of every multi-byte character, every printable ASCII byte (not space) that is not a
/// letter or does not follow one, and every line feed. `prev_nl` is 0x80 when the byte
/// before the block is not an ASCII letter (or there is none), else 0; it is updated for the
/// next block.
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
        // Line feeds: the byte XOR 0x0A is zero.
        let x = w ^ (ONES * 0x0A);
        let newline = !(((x & LO7).wrapping_add(LO7)) | x) & HI;
        let cand = (printable & (prev_not_letter | not_letter)) | lead | newline;
        // Bit 7 of byte i moves to bit 8 * i + k for word k.
        mask |= cand.checked_shr(lane_shift).unwrap_or(0);
        lane_shift = lane_shift.wrapping_sub(1);
    }
    *prev_nl = carry;
    transpose8(mask)
}

/// Reports every match starting at a position in `start..stop` of `hay`, in order of
/// position, to `r`. `hay[..start]` is context (at least [`LOOKBACK`] bytes of it, or the
/// start of the text, which is then `hay[0]` at offset `origin == 0`); `hay.len()` is the
/// end of the text or at least [`LOOKAHEAD`] bytes past `stop`. `origin` is the offset of
/// `hay[0]` in the whole text.
///
/// Not inlined, so that the hot loop addresses the tables directly rather than through the
/// global offset table of whichever crate calls it.
#[inline(never)]
fn scan_range(hay: &[u8], start: usize, stop: usize, origin: usize, r: &mut Reader) {
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
        let word_at = |j: usize| {
            window
                .get(j..)
                .and_then(|s| s.first_chunk::<8>())
                .map_or(0, |a| u64::from_le_bytes(*a))
        };
        // First pass, without a branch that depends on the text: which candidates are a
        // boundary or pass the filter. The candidates' filter look-ups are independent, so
        // the processor overlaps them, where a branch per candidate made it wait for each.
        let mut active = 0u64;
        let mut m = block_candidates(block, &mut prev_nl);
        while m != 0 {
            let j = m.trailing_zeros() & 63;
            m &= m.wrapping_sub(1);
            let w = word_at(j as usize);
            let class = byte_class(w);
            active |= u64::from(passes_filter(w) | (class != 0)).wrapping_shl(j);
        }
        // Second pass, in text order: boundaries and the matches they frame.
        while active != 0 {
            let j = (active.trailing_zeros() & 63) as usize;
            active &= active.wrapping_sub(1);
            let w = word_at(j);
            let p = base.wrapping_add(j);
            let class = byte_class(w);
            if class != 0 {
                boundary(hay, p, origin, w, class, r);
            }
            if passes_filter(w) {
                verify(hay, p, origin, key_hash(w, key_shift(w)), w, r);
            }
        }
        base = base.wrapping_add(64);
    }
}

/// A candidate position whose first byte may be a boundary.
#[cold]
#[inline(never)]
fn boundary(hay: &[u8], p: usize, origin: usize, w: u64, class: u8, r: &mut Reader) {
    let class = if class == WIDE { wide_class(w) } else { class };
    // An ASCII quote opens a quotation after a non-letter ("told me 'you get...'"); after a
    // letter it is an apostrophe or a closing quote.
    let before = p.checked_sub(1).and_then(|i| hay.get(i)).copied();
    let opens =
        class == QUOTE && (w & 0x80 != 0 || before.is_none_or(|b| !b.is_ascii_alphanumeric()));
    r.boundary(class, origin.wrapping_add(p), opens);
}

/// How many high bits of a position's first 8 bytes `w` its key leaves out (see
/// [`tables::KEY_SHIFT`]).
#[inline(always)]
fn key_shift(w: u64) -> u8 {
    #[cfg(not(feature = "small-flash"))]
    let shift = tables::KEY_SHIFT.get((w & 0xFF) as usize).copied();
    #[cfg(feature = "small-flash")]
    let shift = tables::SHIFT_CLASS
        .get((w & 0xFF) as usize)
        .map(|t| t & tables::SHIFT_BITS);
    shift.unwrap_or(0)
}

/// The boundary class ([`BYTE_CLASS`]) of a position whose first 8 bytes are `w`.
#[inline(always)]
fn byte_class(w: u64) -> u8 {
    #[cfg(not(feature = "small-flash"))]
    let class = BYTE_CLASS.get((w & 0xFF) as usize).copied();
    #[cfg(feature = "small-flash")]
    let class = tables::SHIFT_CLASS
        .get((w & 0xFF) as usize)
        .map(|t| t & !tables::SHIFT_BITS);
    class.unwrap_or(0)
}

/// Whether the key of a position whose next 8 bytes (zero-padded past the end of the text)
/// are `w` passes the filter: only then can a pattern start there.
#[inline(always)]
fn passes_filter(w: u64) -> bool {
    let (word, bit) = filter_word_and_bit(key_hash(w, key_shift(w)));
    tables::FILTER.get(word).copied().unwrap_or(0) & bit != 0
}

/// Compares every pattern whose key has the hash product `m` (as far as the table can
/// tell: same bucket, same entry hash) against `hay` at `p`, and reports the matches.
#[cold]
#[inline(never)]
fn verify(hay: &[u8], p: usize, origin: usize, m: u64, w: u64, r: &mut Reader) {
    let bucket = |i: usize| tables::BUCKETS.get(i).map_or(0, |&b| usize::from(b));
    let b = bucket_of(m);
    let lo = bucket(b);
    let hi = bucket(b.saturating_add(1));
    let h = entry_hash(m);
    let folded = fold8(w);
    #[cfg(not(feature = "small-flash"))]
    let entries = tables::ENTRIES
        .get(lo..hi)
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|e| e.hash() == h & 0x0F);
    #[cfg(feature = "small-flash")]
    let entries = flash_entries(b, lo, hi, h & 0x0F);
    for e in entries {
        let mut decoded = [0u8; PATTERN_CAP];
        let Some(pat) = entry_pattern(e, &mut decoded) else {
            continue;
        };
        // Patterns that share a key (`you ...`, `第N...`) mostly differ in their next bytes:
        // one word compare of up to 8 folded bytes rejects them before the byte-wise
        // comparison. Folding both sides alike never rejects a true match.
        let head = word_of(pat);
        let mask = low_bytes_mask(pat.len());
        if (folded ^ fold8(head)) & mask != 0 {
            continue;
        }
        let Some(kind_bit) = accepted_kind_bit(hay, p, e.kind_bit(), &r.cues) else {
            continue;
        };
        if matches_fast(hay, p, w, pat, head, kind_bit >> 4) {
            r.hit(hay, p, origin, kind_bit, pat.len());
        }
    }
    // The number-unit phrases (`N天`), after the table's patterns at `p`.
    units::matches(hay, p, m, |kind_bit, len| {
        r.hit(hay, p, origin, kind_bit, len)
    });
}

/// The entries of bucket `b` (`ENTRIES[lo..hi]`) whose hash is `h` (4 bits), each with
/// its `kind << 4 | bit`: the three-byte entries of the `small-flash` build. The bucket's
/// run of group bits is walked once, forward, as far as the last entry of hash `h`.
#[cfg(feature = "small-flash")]
#[inline]
fn flash_entries(b: usize, lo: usize, hi: usize, h: u8) -> impl Iterator<Item = tables::Entry> {
    let mut walk = GroupWalk {
        bit: tables::GROUPS.wrapping_mul(b).wrapping_add(lo),
        zeros: 0,
        group: 0,
    };
    tables::ENTRIES
        .get(lo..hi)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .filter(move |(_, &[_, _, top])| top >> 4 == h)
        .filter_map(move |(k, &[x, y, z])| {
            let packed = u32::from_le_bytes([x, y, z, 0]);
            let kind_bit = tables::GROUP_KIND_BIT.get(walk.group_of(k)?).copied()?;
            Some(tables::Entry::from_flash(packed, kind_bit))
        })
}

/// A forward walk over one bucket's run of [`tables::GROUP_RUNS`] (from bit
/// `BUCKETS[b] + GROUPS * b`): the `k`-th entry of the bucket is in the group whose number
/// is the count of 1 bits before the bucket's `k`-th 0 bit.
#[cfg(feature = "small-flash")]
struct GroupWalk {
    /// The next bit to read.
    bit: usize,
    /// The 0 bits (entries) read so far.
    zeros: usize,
    /// The 1 bits (group ends) read so far: the group of the next entry.
    group: usize,
}

#[cfg(feature = "small-flash")]
impl GroupWalk {
    /// The group of the `k`-th entry of the bucket, `k` above any asked before; `None`
    /// past the end of the runs. (The counts cannot wrap: each is at most the bit count.)
    fn group_of(&mut self, k: usize) -> Option<usize> {
        while self.zeros <= k {
            let byte = *tables::GROUP_RUNS.get(self.bit / 8)?;
            if (byte >> (self.bit % 8)) & 1 != 0 {
                self.group = self.group.wrapping_add(1);
            } else {
                self.zeros = self.zeros.wrapping_add(1);
            }
            self.bit = self.bit.wrapping_add(1);
        }
        Some(self.group)
    }
}

/// Room for one pattern (patterns are shorter than 32 bytes: the table's 5-bit length).
const PATTERN_CAP: usize = 32;

/// The pattern (UTF-8) of table entry `e`: its bytes in the pattern text.
#[cfg(not(feature = "small-flash"))]
#[inline]
fn entry_pattern(e: tables::Entry, _room: &mut [u8; PATTERN_CAP]) -> Option<&[u8]> {
    let off = e.off();
    tables::TEXT.as_bytes().get(off..off.checked_add(e.len())?)
}

/// The pattern (UTF-8) of table entry `e`, decoded into `room` from the compact text of
/// the `small-flash` build.
#[cfg(feature = "small-flash")]
#[inline]
fn entry_pattern(e: tables::Entry, room: &mut [u8; PATTERN_CAP]) -> Option<&[u8]> {
    let off = e.off();
    let code = tables::CODE.get(off..off.checked_add(e.len())?)?;
    let n = compact::decode(code, room)?;
    room.get(..n)
}

/// The cue bit a table entry of `kind_bit` found at `p` of `hay` reports, or `None` when
/// it has nothing to report there. One rule for both matchers (this plain one and
/// `scan/fast.rs`), checked before the rest of the pattern is compared:
/// - a cue already found teaches nothing new (and keeps repetitive text fast);
/// - an exclamation tail (`!!!`) only counts right after an ASCII `!`, and then it is the
///   emotion marker's third code.
#[inline(always)]
pub(crate) fn accepted_kind_bit(hay: &[u8], p: usize, kind_bit: u8, cues: &TextCues) -> Option<u8> {
    if cues.has(kind_bit) {
        return None;
    }
    if kind_bit != tables::TAIL_KIND_BIT {
        return Some(kind_bit);
    }
    let after_bang = p.checked_sub(1).and_then(|i| hay.get(i)) == Some(&b'!');
    after_bang.then_some((CueKind::EmotionMarker as u8) << 4 | 3)
}

/// Whether `pat` of kind `kind` occurs in `hay` at `p`, with the rules of its pattern class.
#[inline]
fn matches_at(hay: &[u8], p: usize, pat: &[u8], kind: u8) -> bool {
    let Some(end) = p.checked_add(pat.len()) else {
        return false;
    };
    let Some(window) = hay.get(p..end) else {
        return false;
    };
    if is_word_pattern(pat) {
        // Number units and currency codes may touch digits (`15天`, `RMB500`), and so may an
        // age, a numeral before a Chinese unit (`12岁`, `3岁3个月`).
        let numeric = kind == CueKind::Money as u8
            || kind == CueKind::Elapsed as u8
            || kind == CueKind::Repetition as u8
            || (kind == CueKind::Vulnerable as u8 && pat.last().is_some_and(|b| !b.is_ascii()));
        let boundary = |b: Option<&u8>| {
            b.is_none_or(|b| !b.is_ascii_alphanumeric() || (numeric && b.is_ascii_digit()))
        };
        window.eq_ignore_ascii_case(pat)
            && boundary(p.checked_sub(1).and_then(|i| hay.get(i)))
            && boundary(hay.get(end))
    } else {
        window == pat
    }
}

/// The first bytes of `bytes` (at most 8) as a little-endian word, zero-padded.
#[inline]
fn word_of(bytes: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    for (d, b) in a.iter_mut().zip(bytes) {
        *d = *b;
    }
    u64::from_le_bytes(a)
}

/// The low `n` bytes of a word set (all of them from 8 on).
#[inline]
fn low_bytes_mask(n: usize) -> u64 {
    let bits = u32::try_from(n.min(8)).unwrap_or(8).saturating_mul(8);
    u64::MAX
        .checked_shr(64u32.saturating_sub(bits))
        .unwrap_or(0)
}

/// [`matches_at`], but a pattern of at most 8 bytes that matches exactly (not an
/// English-style one) is compared in one word: `w` holds the 8 bytes at `p` (zero-padded
/// past the end of `hay`) and `head` the pattern's first 8 bytes followed by any bytes.
/// A call to the library's byte comparison costs more than the rest of a short match.
/// Equal to [`matches_at`] for every input (the naive matcher of the tests uses
/// [`matches_at`] alone).
#[inline]
fn matches_fast(hay: &[u8], p: usize, w: u64, pat: &[u8], head: u64, kind: u8) -> bool {
    let len = pat.len();
    if len == 0 || len > 8 || is_word_pattern(pat) || p.saturating_add(len) > hay.len() {
        return matches_at(hay, p, pat, kind);
    }
    (w ^ head) & low_bytes_mask(len) == 0
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
    clippy::cast_possible_truncation,
    clippy::large_const_arrays
)]
mod tables {
    #[cfg(feature = "small-flash")]
    use super::compact::form;
    use super::{
        bucket_of, entry_hash, filter_word_and_bit, is_word_pattern, key_hash,
        numbers::NUMERAL_ENDS, CueKind, BUCKET_COUNT, FILTER_WORDS, NUMERAL_UNITS, PACKED_AT,
        PACKED_TEXT, SOURCE,
    };
    #[cfg(feature = "small-flash")]
    use super::{
        PACKED_CODE, PACKED_CODE_AT, PACKED_CODE_LEN, PACKED_CODE_PIECES, PACKED_CODE_PIECE_AT,
    };

    /// One pattern, packed in 32 bits: bits 0-14 its byte offset in [`TEXT`] (in [`CODE`]
    /// for the entries the `small-flash` build reads, kept in three bytes in [`ENTRIES`]
    /// without the cue), bits 15-19 its length there, bits 20-27 `kind << 4 | bit`, bits
    /// 28-31 the low 4 bits of [`super::entry_hash`] of its key. The table is sorted by
    /// bucket (see [`BUCKETS`]), then by hash (by group with `small-flash`). (32 bits keep the table small on microcontrollers; the bucket already
    /// narrows a lookup to a handful of entries.)
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
    pub(super) struct Entry(u32);

    impl Entry {
        const fn new(off: usize, len: usize, kind_bit: u8, hash: u8) -> Entry {
            assert!(
                off < (1 << 15),
                "pattern text too long for the packed table"
            );
            assert!(len < (1 << 5), "pattern too long for the packed table");
            Entry(
                (off as u32)
                    | ((len as u32) << 15)
                    | ((kind_bit as u32) << 20)
                    | (((hash & 0x0F) as u32) << 28),
            )
        }
        /// Byte offset in [`TEXT`] (or [`CODE`]).
        #[inline]
        pub(super) const fn off(self) -> usize {
            (self.0 & 0x7FFF) as usize
        }
        /// Length in bytes (in [`CODE`] for a compact entry).
        #[inline]
        pub(super) const fn len(self) -> usize {
            ((self.0 >> 15) & 0x1F) as usize
        }
        /// `kind << 4 | bit`.
        #[inline]
        pub(super) const fn kind_bit(self) -> u8 {
            ((self.0 >> 20) & 0xFF) as u8
        }
        /// The low 4 bits of the hash of the key.
        #[inline]
        pub(super) const fn hash(self) -> u8 {
            (self.0 >> 28) as u8
        }
        /// The entry of a three-byte `small-flash` entry `packed` (offset, length and
        /// hash; see [`ENTRIES`]) and its group's `kind_bit`.
        #[cfg(feature = "small-flash")]
        #[inline]
        pub(super) const fn from_flash(packed: u32, kind_bit: u8) -> Entry {
            Entry((packed & 0xF_FFFF) | ((kind_bit as u32) << 20) | (((packed >> 20) & 0x0F) << 28))
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

    /// Internal `kind << 4 | bit` of the exclamation tails: an emotion-marker bit that no
    /// marker has (as [`super::MALICE_CLAIM_BEFORE`] is a malice bit no sign has), so that
    /// every kind index is free for a [`super::CueKind`].
    pub(super) const TAIL_KIND_BIT: u8 = (CueKind::EmotionMarker as u8) << 4 | 0x0F;

    /// Exclamation tails: two exclamation marks that complete a run of three when the byte
    /// before them is an ASCII `!`. The candidate mask never proposes an ASCII byte right
    /// after an ASCII letter, so in "wow!!!" the run is found at its second mark, by a tail.
    /// Internal: not listed by [`super::patterns`] (they sit at the end of [`TEXT`]).
    const TAILS: &[&str] = &["!!", "!！", "！!", "！！"];

    /// The groups of patterns: every group of [`SOURCE`], then the tails.
    pub(super) const GROUPS: usize = SOURCE.len() + 1;

    /// `(kind index, bit, patterns)` of group `g`.
    const fn group(g: usize) -> (u8, u8, &'static [&'static str]) {
        if g < SOURCE.len() {
            let (kind, code, list) = SOURCE[g];
            (kind as u8, super::code_bit(kind, code), list)
        } else {
            (TAIL_KIND_BIT >> 4, TAIL_KIND_BIT & 0x0F, TAILS)
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
    /// Length of the pattern text: the packed patterns of [`SOURCE`] (`PACKED_TEXT`,
    /// written by `core/build.rs`), then the tails.
    const TEXT_LEN: usize = PACKED_TEXT.len() + TAILS_LEN;
    /// Total length of the tails.
    const TAILS_LEN: usize = {
        let mut n = 0;
        let mut i = 0;
        while i < TAILS.len() {
            n += TAILS[i].len();
            i += 1;
        }
        n
    };
    /// Longest pattern, a numeral followed by a unit included.
    pub(super) const MAX_LEN: usize = if stats().2 > numeral_unit_stats().1 {
        stats().2
    } else {
        numeral_unit_stats().1
    };

    /// The UTF-8 bytes of numeral end `i` of [`NUMERAL_ENDS`] and their length.
    const fn numeral(i: usize) -> ([u8; 4], usize) {
        let mut buf = [0u8; 4];
        let len = NUMERAL_ENDS[i].encode_utf8(&mut buf).len();
        (buf, len)
    }

    /// The pattern numeral `i` + `unit` stands for: its first (up to) 16 bytes and its
    /// length.
    const fn numeral_unit(i: usize, unit: &[u8]) -> ([u8; 16], usize) {
        let (n, n_len) = numeral(i);
        assert!(n_len + unit.len() <= 16, "unit after N too long");
        let mut out = [0u8; 16];
        let mut j = 0;
        while j < n_len {
            out[j] = n[j];
            j += 1;
        }
        let mut k = 0;
        while k < unit.len() && j < 16 {
            out[j] = unit[k];
            j += 1;
            k += 1;
        }
        (out, n_len + unit.len())
    }

    /// (count, longest numeral + unit) of the units of [`NUMERAL_UNITS`].
    const fn numeral_unit_stats() -> (usize, usize) {
        let (mut count, mut max) = (0, 0);
        let mut g = 0;
        while g < NUMERAL_UNITS.len() {
            let list = NUMERAL_UNITS[g].2;
            let mut i = 0;
            while i < list.len() {
                count += 1;
                let mut n = 0;
                while n < NUMERAL_ENDS.len() {
                    let len = numeral(n).1 + list[i].len();
                    if len > max {
                        max = len;
                    }
                    n += 1;
                }
                i += 1;
            }
            g += 1;
        }
        (count, max)
    }

    /// Number of units after a numeral.
    pub(super) const UNIT_COUNT: usize = numeral_unit_stats().0;

    const fn build_units() -> [(u8, &'static str); UNIT_COUNT] {
        let mut out = [(0u8, ""); UNIT_COUNT];
        let mut at = 0;
        let mut g = 0;
        while g < NUMERAL_UNITS.len() {
            let (kind, code, list) = NUMERAL_UNITS[g];
            let kind_bit = ((kind as u8) << 4) | super::code_bit(kind, code);
            let mut i = 0;
            while i < list.len() {
                out[at] = (kind_bit, list[i]);
                at += 1;
                i += 1;
            }
            g += 1;
        }
        out
    }

    /// Every unit of [`NUMERAL_UNITS`] with its `kind << 4 | bit`, in source order.
    pub(super) static UNITS: [(u8, &str); UNIT_COUNT] = UNITS_CONST;
    pub(super) const UNITS_CONST: [(u8, &str); UNIT_COUNT] = build_units();

    /// Whether `text` holds at `at` pattern `p`, with every `'` replaced by `’` if `curly`.
    const fn holds_variant(text: &[u8], at: usize, p: &[u8], curly: bool) -> bool {
        let (mut t, mut j) = (at, 0);
        while j < p.len() {
            let same = if curly && p[j] == b'\'' {
                t + 3 <= text.len() && text[t] == 0xE2 && text[t + 1] == 0x80 && text[t + 2] == 0x99
            } else {
                t < text.len() && text[t] == p[j]
            };
            if !same {
                return false;
            }
            t += if curly && p[j] == b'\'' { 3 } else { 1 };
            j += 1;
        }
        true
    }

    /// The pattern text and the entries, in source order: the patterns of [`SOURCE`] at
    /// their offsets in `PACKED_TEXT` (where patterns share bytes: one inside another, or
    /// one's start repeating another's end), then the tails.
    const fn build_text() -> ([u8; TEXT_LEN], [Entry; N]) {
        let mut text = [0u8; TEXT_LEN];
        let packed = PACKED_TEXT.as_bytes();
        let mut at = 0usize;
        while at < packed.len() {
            text[at] = packed[at];
            at += 1;
        }
        let mut entries = [Entry(0); N];
        let mut n = 0usize;
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
                        let len = variant_len(p, curly);
                        let start = if g < SOURCE.len() {
                            assert!(n < PACKED_AT.len(), "PACKED_AT misses patterns");
                            PACKED_AT[n] as usize
                        } else {
                            // A tail (no apostrophe), after the packed text.
                            let mut j = 0;
                            while j < p.len() {
                                text[at + j] = p[j];
                                j += 1;
                            }
                            at += len;
                            at - len
                        };
                        assert!(
                            holds_variant(&text, start, p, curly),
                            "PACKED_TEXT does not hold a pattern at its offset (core/build.rs)"
                        );
                        entries[n] = Entry::new(start, len, (kind << 4) | bit, 0);
                        n += 1;
                    }
                    v += 1;
                }
                i += 1;
            }
            g += 1;
        }
        assert!(
            n == PACKED_AT.len() + TAILS.len() && at == TEXT_LEN,
            "PACKED_AT does not match the patterns"
        );
        (text, entries)
    }

    const BUILT: ([u8; TEXT_LEN], [Entry; N]) = build_text();
    const TEXT_BYTES: [u8; TEXT_LEN] = BUILT.0;

    /// All pattern text: the packed patterns, then the tails.
    pub(super) static TEXT: &str = match core::str::from_utf8(&TEXT_BYTES) {
        Ok(s) => s,
        Err(_) => panic!("pattern text is not UTF-8"),
    };

    pub(super) const fn pattern(e: &Entry) -> &[u8] {
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
        while i < N + UNIT_COUNT * NUMERAL_ENDS.len() {
            let (first, len) = if i < N {
                let p = pattern(&BUILT.1[i]);
                (p[0], p.len())
            } else {
                let (p, len) = numeral_unit_at(i - N);
                (p[0], len)
            };
            // Kept per folded first byte, spread to every byte folding so below: one pass
            // over the patterns (a pass over 256 bytes per pattern outgrows the compiler's
            // constant-evaluation budget as the list grows).
            let f = fold_byte(first) as usize;
            if len < min[f] as usize {
                min[f] = len as u8;
            }
            i += 1;
        }
        let mut shift = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            shift[b] = (8 - min[fold_byte(b as u8) as usize]) * 8;
            b += 1;
        }
        shift
    }

    /// See [`build_key_shift`]. (With the `small-flash` feature the scanner reads the
    /// shifts from [`SHIFT_CLASS`] instead.)
    #[cfg_attr(all(feature = "small-flash", not(test)), allow(dead_code))]
    pub(super) static KEY_SHIFT: [u8; 256] = KEY_SHIFT_CONST;
    pub(super) const KEY_SHIFT_CONST: [u8; 256] = build_key_shift();

    /// The bits of a [`SHIFT_CLASS`] byte that hold the key shift: a multiple of 8 up to
    /// 56; the low three bits hold the boundary class (1 to 5).
    #[cfg(feature = "small-flash")]
    pub(super) const SHIFT_BITS: u8 = 0x38;

    /// `KEY_SHIFT[b] | BYTE_CLASS[b]`: the two byte tables of the plain matcher in one
    /// (`small-flash`, 256 B less; the key shift is a multiple of 8 below 64, the class
    /// below 8, checked here), where each position's first byte reads both.
    #[cfg(feature = "small-flash")]
    pub(super) static SHIFT_CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let (shift, class) = (KEY_SHIFT_CONST[b], super::BYTE_CLASS_CONST[b]);
            assert!(
                shift & !SHIFT_BITS == 0 && class & SHIFT_BITS == 0,
                "shift or class too wide"
            );
            t[b] = shift | class;
            b += 1;
        }
        t
    };

    /// The hash product of a pattern's key, computed as the scanner computes it for the
    /// text position where the pattern starts.
    pub(super) const fn pattern_mix(p: &[u8]) -> u64 {
        let mut a = [0u8; 8];
        let mut j = 0;
        while j < 8 && j < p.len() {
            a[j] = p[j];
            j += 1;
        }
        let w = u64::from_le_bytes(a);
        key_hash(w, KEY_SHIFT_CONST[p[0] as usize])
    }

    /// Numeral + unit pattern `k`: unit `k / NUMERAL_ENDS.len()` of [`UNITS`] after numeral
    /// end `k % NUMERAL_ENDS.len()`.
    pub(super) const fn numeral_unit_at(k: usize) -> ([u8; 16], usize) {
        let unit = UNITS_CONST[k / NUMERAL_ENDS.len()].1.as_bytes();
        numeral_unit(k % NUMERAL_ENDS.len(), unit)
    }

    const fn build_filter() -> [u64; FILTER_WORDS] {
        let mut f = [0u64; FILTER_WORDS];
        let mut i = 0;
        while i < N {
            let (word, bit) = filter_word_and_bit(pattern_mix(pattern(&BUILT.1[i])));
            f[word] |= bit;
            i += 1;
        }
        // A numeral followed by a unit passes the filter like any pattern.
        let mut k = 0;
        while k < UNIT_COUNT * NUMERAL_ENDS.len() {
            let (p, len) = numeral_unit_at(k);
            let (word, bit) = filter_word_and_bit(pattern_mix(p.split_at(len).0));
            f[word] |= bit;
            k += 1;
        }
        f
    }

    /// One-bit-per-key filter over the keys of all patterns (2 KiB).
    pub(super) static FILTER: [u64; FILTER_WORDS] = build_filter();

    /// The indices `0..N` sorted by `keys`, ties in index order: a stable bottom-up merge
    /// sort, O(N log N) (an insertion sort outgrows the compiler's constant-evaluation
    /// budget as the list grows).
    const fn stable_order(keys: &[u32; N]) -> [u16; N] {
        let mut idx = [0u16; N];
        let mut i = 0;
        while i < N {
            idx[i] = i as u16;
            i += 1;
        }
        let mut width = 1;
        while width < N {
            let mut merged = [0u16; N];
            let mut lo = 0;
            while lo < N {
                let mid = if lo + width < N { lo + width } else { N };
                let hi = if lo + 2 * width < N {
                    lo + 2 * width
                } else {
                    N
                };
                let (mut a, mut b, mut k) = (lo, mid, lo);
                while k < hi {
                    let take_left =
                        b >= hi || (a < mid && keys[idx[a] as usize] <= keys[idx[b] as usize]);
                    if take_left {
                        merged[k] = idx[a];
                        a += 1;
                    } else {
                        merged[k] = idx[b];
                        b += 1;
                    }
                    k += 1;
                }
                lo = hi;
            }
            idx = merged;
            width *= 2;
        }
        idx
    }

    /// Entries with their sort keys (`bucket << 8 | entry hash`), sorted by them, and the
    /// source-order index of each.
    const fn build_entries() -> ([Entry; N], [u32; N], [u16; N]) {
        let mut e = BUILT.1;
        let mut keys = [0u32; N];
        let mut from = [0u16; N];
        let mut i = 0;
        while i < N {
            let m = pattern_mix(pattern(&e[i]));
            let h = entry_hash(m);
            e[i] = e[i].with_hash(h);
            keys[i] = ((bucket_of(m) as u32) << 8) | (h & 0x0F) as u32;
            from[i] = i as u16;
            i += 1;
        }
        let idx = stable_order(&keys);
        let unsorted = (e, keys);
        let mut k = 0;
        while k < N {
            let at = idx[k] as usize;
            e[k] = unsorted.0[at];
            keys[k] = unsorted.1[at];
            from[k] = idx[k];
            k += 1;
        }
        (e, keys, from)
    }

    /// All patterns in source order (for [`super::patterns`]; the scanner reads
    /// [`ENTRIES`]).
    pub(super) static SOURCE_ORDER: [Entry; N] = BUILT.1;

    const SORTED: ([Entry; N], [u32; N], [u16; N]) = build_entries();
    pub(super) const ENTRIES_CONST: [Entry; N] = SORTED.0;
    /// All patterns, sorted by bucket, then hash: what the scanner reads, with each
    /// pattern at its place in [`TEXT`].
    #[cfg(not(feature = "small-flash"))]
    pub(super) static ENTRIES: [Entry; N] = ENTRIES_CONST;
    /// All patterns, sorted by bucket, then group (see [`GROUP_RUNS`]): what the scanner
    /// reads with the `small-flash` feature, three bytes each: bits 0-14 the pattern's
    /// byte offset in [`CODE`], bits 15-19 its length there, bits 20-23 the low 4 bits of
    /// [`super::entry_hash`] of its key (the [`Entry`] fields but `kind << 4 | bit`, which
    /// its group gives). Patterns of one key keep their source order, as in
    /// [`ENTRIES_CONST`]. (The firmware keeps the compact text only; [`TEXT`] and
    /// [`SOURCE_ORDER`] serve [`super::patterns`], which it does not link.)
    #[cfg(feature = "small-flash")]
    pub(super) static ENTRIES: [[u8; 3]; N] = build_flash_entries();

    /// The group (index in [`GROUPS`]: those of [`SOURCE`], then the tails) of each pattern,
    /// in source order.
    #[cfg(feature = "small-flash")]
    const fn source_groups() -> [u8; N] {
        const { assert!(GROUPS <= 256, "too many groups for a byte") };
        let mut out = [0u8; N];
        let mut n = 0;
        let mut g = 0;
        while g < GROUPS {
            let list = group(g).2;
            let mut i = 0;
            while i < list.len() {
                let variants = if has_apostrophe(list[i].as_bytes()) {
                    2
                } else {
                    1
                };
                let mut v = 0;
                while v < variants {
                    out[n] = g as u8;
                    n += 1;
                    v += 1;
                }
                i += 1;
            }
            g += 1;
        }
        assert!(n == N, "group count");
        out
    }

    /// `kind << 4 | bit` of each group.
    #[cfg(feature = "small-flash")]
    pub(super) static GROUP_KIND_BIT: [u8; GROUPS] = {
        let mut out = [0u8; GROUPS];
        let mut g = 0;
        while g < GROUPS {
            let (kind, bit, _) = group(g);
            out[g] = (kind << 4) | bit;
            g += 1;
        }
        out
    };

    /// The indices in [`ENTRIES_CONST`] of the entries of [`ENTRIES`], in its order:
    /// sorted by bucket, then group; ties (one key, one group) keep the order of
    /// [`ENTRIES_CONST`], which is source order.
    #[cfg(feature = "small-flash")]
    const FLASH_ORDER: [u16; N] = {
        let groups = source_groups();
        let mut keys = [0u32; N];
        let mut i = 0;
        while i < N {
            keys[i] = ((SORTED.1[i] >> 8) << 8) | groups[SORTED.2[i] as usize] as u32;
            i += 1;
        }
        stable_order(&keys)
    };

    #[cfg(feature = "small-flash")]
    const fn build_flash_entries() -> [[u8; 3]; N] {
        let mut out = [[0u8; 3]; N];
        let mut k = 0;
        while k < N {
            let e = COMPACT.1[FLASH_ORDER[k] as usize];
            let v = (e.off() as u32) | ((e.len() as u32) << 15) | ((e.hash() as u32) << 20);
            out[k] = [v as u8, (v >> 8) as u8, (v >> 16) as u8];
            k += 1;
        }
        out
    }

    /// Number of bits of [`GROUP_RUNS`].
    #[cfg(feature = "small-flash")]
    const RUN_BITS: usize = N + GROUPS * BUCKET_COUNT;

    /// The group of each entry of [`ENTRIES`], bucket by bucket: for bucket `b`, from bit
    /// `BUCKETS[b] + GROUPS * b` on (bit `i` is bit `i % 8` of byte `i / 8`), for each group
    /// in order a 0 bit per entry of the bucket in that group, then a 1 bit. The `k`-th
    /// entry of the bucket is in the group whose number is the count of 1 bits before its
    /// 0 bit ([`super::GroupWalk`]). 0.8 KiB where a byte per entry would take 3.4 KiB.
    #[cfg(feature = "small-flash")]
    pub(super) static GROUP_RUNS: [u8; RUN_BITS.div_ceil(8)] = {
        let groups = source_groups();
        let mut out = [0u8; RUN_BITS.div_ceil(8)];
        let (mut bit, mut k, mut b) = (0, 0, 0);
        while b < BUCKET_COUNT {
            assert!(
                bit == BUILT_BUCKETS[b] as usize + GROUPS * b,
                "group runs out of step"
            );
            let mut g = 0;
            while g < GROUPS {
                while k < N {
                    let i = FLASH_ORDER[k] as usize;
                    if (SORTED.1[i] >> 8) as usize != b
                        || groups[SORTED.2[i] as usize] as usize != g
                    {
                        break;
                    }
                    bit += 1;
                    k += 1;
                }
                out[bit / 8] |= 1 << (bit % 8);
                bit += 1;
                g += 1;
            }
            b += 1;
        }
        assert!(k == N && bit == RUN_BITS, "group runs");
        out
    };

    /// Length of [`CODE`]: the compact packed patterns, then the tails.
    #[cfg(feature = "small-flash")]
    const CODE_LEN: usize = PACKED_CODE.len() + {
        let mut n = 0;
        let mut i = 0;
        while i < TAILS.len() {
            n += escaped(TAILS[i].as_bytes()).1;
            i += 1;
        }
        n
    };

    /// A tail (UTF-8 `p`, at most 8 bytes) in the compact form without pieces (each
    /// character by [`form::encode_char`]), and its length.
    #[cfg(feature = "small-flash")]
    const fn escaped(p: &[u8]) -> ([u8; 16], usize) {
        let mut out = [0u8; 16];
        let (mut i, mut o) = (0, 0);
        while i < p.len() {
            let (_, rest) = p.split_at(i);
            let (code, code_len, utf8_len) = match form::encode_char(rest) {
                Some(c) => c,
                None => panic!("tail not UTF-8"),
            };
            let mut k = 0;
            while k < code_len {
                out[o] = code[k];
                o += 1;
                k += 1;
            }
            i += utf8_len;
        }
        (out, o)
    }

    /// The compact text and the scanner's entries into it, in the order of
    /// [`ENTRIES_CONST`]: each entry's pattern at the offset `core/build.rs` gave it in
    /// `PACKED_CODE` (the tails, written by [`escaped`], after it), checked to decode
    /// to the entry's pattern in [`TEXT`].
    #[cfg(feature = "small-flash")]
    const fn build_compact() -> ([u8; CODE_LEN], [Entry; N]) {
        let mut code = [0u8; CODE_LEN];
        let mut at = 0;
        while at < PACKED_CODE.len() {
            code[at] = PACKED_CODE[at];
            at += 1;
        }
        // The tails, as in `build_text`: the last patterns, after the packed ones.
        let tails_at = PACKED_AT.len();
        assert!(
            PACKED_CODE_AT.len() == tails_at,
            "PACKED_CODE_AT misses patterns"
        );
        let mut tail_off = [0usize; N];
        let mut tail_len = [0usize; N];
        let mut n = tails_at;
        while n < N {
            let (p, len) = escaped(pattern(&BUILT.1[n]));
            let mut j = 0;
            while j < len {
                code[at + j] = p[j];
                j += 1;
            }
            tail_off[n] = at;
            tail_len[n] = len;
            at += len;
            n += 1;
        }
        assert!(at == CODE_LEN, "compact text length");
        let mut entries = [Entry(0); N];
        let mut i = 0;
        while i < N {
            let e = ENTRIES_CONST[i];
            let n = SORTED.2[i] as usize;
            let p = pattern(&e);
            let (off, len) = if n < tails_at {
                (PACKED_CODE_AT[n] as usize, PACKED_CODE_LEN[n] as usize)
            } else {
                (tail_off[n], tail_len[n])
            };
            assert!(off + len <= CODE_LEN, "compact offset past the text");
            let (_, rest) = code.split_at(off);
            let (pat_code, _) = rest.split_at(len);
            assert!(
                decodes_to(pat_code, p),
                "PACKED_CODE does not hold a pattern at its offset (core/build.rs)"
            );
            entries[i] = Entry::new(off, len, e.kind_bit(), e.hash());
            i += 1;
        }
        (code, entries)
    }

    /// Whether compact `code` decodes to `utf8`: the rules of `compact::decode` (pieces,
    /// then [`form::decode_char`]), for the compile-time check of [`build_compact`] (that
    /// runtime decoder is checked against every entry by a test).
    #[cfg(feature = "small-flash")]
    const fn decodes_to(code: &[u8], utf8: &[u8]) -> bool {
        let (mut i, mut o) = (0, 0);
        while i < code.len() {
            let b = code[i];
            if let Some(k) = form::piece_index(b) {
                // A piece: its UTF-8 bytes in `PACKED_CODE_PIECES`.
                let (from, to) = (
                    PACKED_CODE_PIECE_AT[k] as usize,
                    PACKED_CODE_PIECE_AT[k + 1] as usize,
                );
                let piece = PACKED_CODE_PIECES.as_bytes();
                let mut k = from;
                while k < to {
                    if o >= utf8.len() || utf8[o] != piece[k] {
                        return false;
                    }
                    o += 1;
                    k += 1;
                }
                i += 1;
                continue;
            }
            let (bytes, code_len, utf8_len) = match form::decode_char(code.split_at(i).1) {
                Some(c) => c,
                None => return false,
            };
            let mut k = 0;
            while k < utf8_len {
                if o + k >= utf8.len() || utf8[o + k] != bytes[k] {
                    return false;
                }
                k += 1;
            }
            i += code_len;
            o += utf8_len;
        }
        i == code.len() && o == utf8.len()
    }

    #[cfg(feature = "small-flash")]
    const COMPACT: ([u8; CODE_LEN], [Entry; N]) = build_compact();
    /// The compact pattern text of the `small-flash` build (`scan/compact.rs`).
    #[cfg(feature = "small-flash")]
    pub(super) static CODE: [u8; CODE_LEN] = COMPACT.0;

    const fn build_buckets() -> [u16; BUCKET_COUNT + 1] {
        assert!(N < u16::MAX as usize, "too many patterns");
        let mut b = [0u16; BUCKET_COUNT + 1];
        let mut bucket = 0;
        let mut i = 0;
        while bucket <= BUCKET_COUNT {
            while i < N && (SORTED.1[i] >> 8) < bucket as u32 {
                i += 1;
            }
            b[bucket] = i as u16;
            bucket += 1;
        }
        b
    }

    /// `ENTRIES[BUCKETS[b]..BUCKETS[b + 1]]` are the patterns whose key is in bucket `b`
    /// (see [`super::bucket_of`]).
    pub(super) static BUCKETS: [u16; BUCKET_COUNT + 1] = BUILT_BUCKETS;
    const BUILT_BUCKETS: [u16; BUCKET_COUNT + 1] = build_buckets();

    /// Compile-time checks of the pattern table; a failure is a build error.
    const fn validate() {
        let mut g = 0;
        while g < SOURCE.len() {
            assert!(!SOURCE[g].2.is_empty(), "cue without patterns");
            // A look-alike must be read before the phrases that start where it does: the
            // matchers report one position's matches in table order, which for patterns of
            // one key is source order (see `super::NEGATION_MASK`).
            let (kind, code, _) = SOURCE[g];
            let is_mask = kind as u8 == CueKind::Negation as u8
                && super::code_bit(kind, code) == super::NEGATION_MASK;
            assert!(
                !is_mask || g == 0,
                "phrases.tsv: the mask lines come first, before any other family"
            );
            g += 1;
        }
        let mut i = 0;
        while i < N {
            let p = pattern(&BUILT.1[i]);
            let kind = BUILT.1[i].kind_bit() >> 4;
            let tail = BUILT.1[i].kind_bit() == TAIL_KIND_BIT;
            // Number units and currency signs may be short (`5天`, `$`); they only act where
            // a number is next to them.
            let short_ok = kind == CueKind::Money as u8
                || kind == CueKind::Elapsed as u8
                || kind == CueKind::Repetition as u8;
            assert!(
                p.len() >= 3 || ((tail || short_ok) && !p.is_empty()),
                "pattern too short"
            );
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
                // byte that is not a letter or does not follow one; a pattern of this class
                // must start with a lead byte or printable ASCII punctuation.
                assert!(
                    p[0] >= 0xC0 || (p[0] > b' ' && p[0] < 0x7F),
                    "pattern start cannot be proposed"
                );
                // Chinese patterns are at least two characters (6 bytes), but for number
                // units and currency signs.
                assert!(
                    p[0] < 0x80 || p[0] == 0xEF || p[0] == 0xC2 || short_ok || p.len() >= 6,
                    "one-char pattern"
                );
            }
            // Equal patterns have equal hashes: compare within each run of the sorted table.
            let mut k = i + 1;
            while k < N && SORTED.1[k] == SORTED.1[i] {
                // One phrase may report two cues (`住院`: serious injury and a sick person).
                assert!(
                    ENTRIES_CONST[i].kind_bit() != ENTRIES_CONST[k].kind_bit()
                        || !super::bytes_equal(
                            pattern(&ENTRIES_CONST[i]),
                            pattern(&ENTRIES_CONST[k])
                        ),
                    "duplicate pattern"
                );
                k += 1;
            }
            i += 1;
        }
        // Units after a numeral are Chinese (matched as exact bytes). A phrase also listed
        // spelled out (`三天` beside `N天`) is read twice at the same place, which changes
        // nothing: every kind's reading of one position is the same the second time.
        let mut u = 0;
        while u < UNIT_COUNT {
            let unit = UNITS_CONST[u].1.as_bytes();
            assert!(
                !unit.is_empty() && unit[0] >= 0xC0,
                "a unit after N is not Chinese"
            );
            u += 1;
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

mod attitude;
#[cfg(feature = "small-flash")]
mod compact;
mod facts;
#[cfg(not(feature = "small-flash"))]
mod fast;
mod locate;
mod numbers;
mod span;
mod units;
pub use facts::TextFacts;
pub use locate::{locate, Cue};

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

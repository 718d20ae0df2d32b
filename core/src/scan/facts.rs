//! What a record keeps of its free text: [`TextFacts`], the few numbers
//! grading reads, in the record's own vocabularies.
//!
//! [`scan_text`](super::scan_text) reports everything it found
//! ([`TextCues`], 96 bytes with four money slots and the loss); a
//! [`Complaint`](crate::Complaint) keeps only this 40-byte reduction, so
//! that records stay small and copying them stays cheap. How each fact
//! raises a field of the record is in `core/src/merge.rs`.

use super::{
    Cue, CueKind, Money, TextCues, CONDUCT, CURRENCIES, FORBIDDEN_CONDUCT, MALICE, VULNERABLE,
};
use crate::codes::{
    Category, Currency, HandlingFailure, MaliceSignal, SafetyLevel, Threat, Vulnerability,
};
use crate::factor::{self, Factor};
use crate::json::MAX_AMOUNT;

/// What the free text of a record showed, as grading reads it.
///
/// The three bit families are the scanner's ([`TextCues`]); the other
/// facts are already in the record's vocabularies: a [`SafetyLevel`]
/// index, [`Vulnerability`] and [`MaliceSignal`] bits, a [`Currency`]
/// index.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextFacts {
    /// The largest amount of money stated, in minor units (0: none), at
    /// most the record's largest amount.
    pub largest_amount: u64,
    /// The longest stated duration of the problem or the wait, in hours
    /// (0: none stated).
    pub elapsed_hours: u32,
    /// Forbidden agent phrases, bits as [`TextCues::forbidden_phrases`].
    pub forbidden_phrases: u16,
    /// Malicious-complaint signs: bits of [`MaliceSignal`].
    pub malice_signals: u16,
    /// Threats made by the customer, bits as [`TextCues::threats`] (the
    /// record's [`Threat`](crate::Threat) bits).
    pub threats: u8,
    /// Strong-emotion markers, bits as [`TextCues::emotion_markers`].
    pub emotion_markers: u8,
    /// The most serious harm stated: a [`SafetyLevel`] index (0: none).
    pub safety: u8,
    /// Vulnerable people involved: bits of [`Vulnerability`].
    pub vulnerability: u8,
    /// How widely customers are affected: 0 one customer, then 1 + index
    /// in [`SCOPES`](super::SCOPES) (building, district, city, everyone).
    pub scope: u8,
    /// This contact is the Nth about the issue (0: not stated).
    pub repetition: u8,
    /// The currency of [`TextFacts::largest_amount`]: a [`Currency`] index
    /// (0: unspecified, also when no amount was stated).
    pub currency: u8,
    /// The category the text suggests: 0 none, else 1 + a [`Category`]
    /// index (see [`TextFacts::category`]).
    pub category: u8,
    /// The largest amount stated as a price paid or a direct loss, in minor
    /// units (0: none), at most the record's largest amount
    /// ([`TextCues::loss`]).
    pub largest_loss: u64,
    /// The currency of [`TextFacts::largest_loss`]: a [`Currency`] index
    /// (0: unspecified, also when no loss was stated).
    pub loss_currency: u8,
    /// The customer tells of their personal data exposed
    /// ([`TextCues::data_exposure`]).
    pub data_exposure: bool,
    /// How staff treated the customer, as the customer tells it: bits of
    /// [`HandlingFailure`] (`rude`, `nonverbal_rejection`; [`TextCues::conduct`]).
    /// A forbidden phrase is not here: it is read from
    /// [`TextFacts::forbidden_phrases`].
    pub handling_failures: u16,
}

/// The record's handling failure for each conduct of [`CONDUCT`], in its order.
const CONDUCT_FAILURES: [HandlingFailure; CONDUCT.len()] =
    [HandlingFailure::Rude, HandlingFailure::NonverbalRejection];

/// The record's malice signal for each sign of [`MALICE`], in its order.
const MALICE_SIGNALS: [MaliceSignal; MALICE.len()] = [
    MaliceSignal::Extortion,
    MaliceSignal::PrivateSettlement,
    MaliceSignal::EscalatingClaim,
    // "The claim is more than twice the stated loss" is the seed's
    // unreasonable claim (000: 客户的索赔额有没有超直接损失的2倍).
    MaliceSignal::UnreasonableClaim,
];

/// The record's vulnerability for each person of [`VULNERABLE`], in its
/// order; `None` for those the record's vocabulary has no value for (a
/// pregnant woman, a sick person, a child: the harm they suffer is read
/// as a safety level instead).
const VULNERABILITIES: [Option<Vulnerability>; VULNERABLE.len()] = [
    Some(Vulnerability::Elderly),
    None,
    Some(Vulnerability::Disability),
    None,
    None,
    Some(Vulnerability::MedicalNeed),
];

/// The record's safety level for each level of
/// [`SAFETY_LEVELS`](super::SAFETY_LEVELS) (1 + index; 0 none). A text's
/// "serious injury or death" is read as a serious injury: the scanner does
/// not tell a death apart, and both are the gravest gates' floor.
const SAFETY: [SafetyLevel; 4] = [
    SafetyLevel::None,
    SafetyLevel::Hazard,
    SafetyLevel::Injury,
    SafetyLevel::SeriousInjury,
];

/// The record's currency of each of the scanner's [`CURRENCIES`].
const CURRENCY_OF: [Currency; CURRENCIES.len()] = [
    Currency::Cny,
    Currency::Hkd,
    Currency::Twd,
    Currency::Usd,
    Currency::Gbp,
    Currency::Eur,
];

// Compile time only: a mismatch is a build error, not a runtime panic.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const _: () = {
    // The tables above follow the scanner's lists by position.
    let mut i = 0;
    while i < CONDUCT.len() {
        let (a, b) = (
            CONDUCT[i].code.as_bytes(),
            CONDUCT_FAILURES[i].code().as_bytes(),
        );
        assert!(a.len() == b.len(), "CONDUCT_FAILURES follows CONDUCT");
        let mut j = 0;
        while j < a.len() {
            assert!(a[j] == b[j], "CONDUCT_FAILURES follows CONDUCT");
            j += 1;
        }
        i += 1;
    }
    let mut i = 0;
    while i < CURRENCIES.len() {
        let (a, b) = (CURRENCIES[i].as_bytes(), CURRENCY_OF[i].code().as_bytes());
        assert!(a.len() == b.len(), "CURRENCY_OF follows CURRENCIES");
        let mut j = 0;
        while j < a.len() {
            assert!(a[j] == b[j], "CURRENCY_OF follows CURRENCIES");
            j += 1;
        }
        i += 1;
    }
};

impl TextFacts {
    /// Nothing shown.
    pub const NONE: TextFacts = TextFacts {
        largest_amount: 0,
        elapsed_hours: 0,
        forbidden_phrases: 0,
        malice_signals: 0,
        threats: 0,
        emotion_markers: 0,
        safety: 0,
        vulnerability: 0,
        scope: 0,
        repetition: 0,
        currency: 0,
        category: 0,
        largest_loss: 0,
        loss_currency: 0,
        data_exposure: false,
        handling_failures: 0,
    };

    /// The facts of what the scanner found.
    #[must_use]
    pub fn from_cues(cues: &TextCues) -> TextFacts {
        let mut malice = 0u16;
        for (i, signal) in MALICE_SIGNALS.iter().enumerate() {
            if cues.malice & (1 << i) != 0 {
                malice |= 1 << signal.index();
            }
        }
        let mut handling_failures = 0u16;
        for (i, f) in CONDUCT_FAILURES.iter().enumerate() {
            if cues.conduct & (1 << i) != 0 {
                handling_failures |= 1 << f.index();
            }
        }
        let mut vulnerability = 0u8;
        for (i, v) in VULNERABILITIES.iter().enumerate() {
            if let Some(v) = v {
                if cues.vulnerable & (1 << i) != 0 {
                    vulnerability |= 1 << v.index();
                }
            }
        }
        let largest = cues.money().fold(None::<Money>, |best, m| match best {
            Some(b) if b.amount_minor >= m.amount_minor => Some(b),
            _ => Some(m),
        });
        let (largest_amount, currency) = largest.map_or((0, 0), amount_of);
        let (largest_loss, loss_currency) = amount_of(cues.loss);
        TextFacts {
            largest_amount,
            elapsed_hours: cues.elapsed_hours,
            forbidden_phrases: cues.forbidden_phrases,
            malice_signals: malice,
            threats: cues.threats,
            emotion_markers: cues.emotion_markers,
            safety: SAFETY
                .get(usize::from(cues.safety))
                .map_or(0, |s| s.index()),
            vulnerability,
            scope: cues.scope,
            repetition: cues.repetition,
            currency,
            category: suggested_category(cues).map_or(0, |c| c.index().saturating_add(1)),
            largest_loss,
            loss_currency,
            data_exposure: cues.data_exposure,
            handling_failures,
        }
    }

    /// The facts of `self` and `other` together: bit sets joined, the
    /// higher level or number, the larger amount with its currency, the
    /// category of `self` unless it has none (the counts behind it are not
    /// kept: the first text that suggests one decides), the larger loss
    /// with its currency.
    #[must_use]
    pub fn union(self, other: TextFacts) -> TextFacts {
        let (largest_amount, currency) = if other.largest_amount > self.largest_amount {
            (other.largest_amount, other.currency)
        } else {
            (self.largest_amount, self.currency)
        };
        let (largest_loss, loss_currency) = if other.largest_loss > self.largest_loss {
            (other.largest_loss, other.loss_currency)
        } else {
            (self.largest_loss, self.loss_currency)
        };
        TextFacts {
            largest_amount,
            elapsed_hours: self.elapsed_hours.max(other.elapsed_hours),
            forbidden_phrases: self.forbidden_phrases | other.forbidden_phrases,
            malice_signals: self.malice_signals | other.malice_signals,
            threats: self.threats | other.threats,
            emotion_markers: self.emotion_markers | other.emotion_markers,
            safety: self.safety.max(other.safety),
            vulnerability: self.vulnerability | other.vulnerability,
            scope: self.scope.max(other.scope),
            repetition: self.repetition.max(other.repetition),
            currency,
            category: if self.category != 0 {
                self.category
            } else {
                other.category
            },
            largest_loss,
            loss_currency,
            data_exposure: self.data_exposure | other.data_exposure,
            handling_failures: self.handling_failures | other.handling_failures,
        }
    }

    /// `true` when the text showed nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == TextFacts::NONE
    }

    /// The safety level shown.
    #[must_use]
    pub fn safety_level(&self) -> SafetyLevel {
        SafetyLevel::from_index(self.safety).unwrap_or(SafetyLevel::None)
    }

    /// The currency of the largest amount.
    #[must_use]
    pub fn currency(&self) -> Currency {
        Currency::from_index(self.currency).unwrap_or(Currency::Unspecified)
    }

    /// The currency of the largest loss.
    #[must_use]
    pub fn loss_currency(&self) -> Currency {
        Currency::from_index(self.loss_currency).unwrap_or(Currency::Unspecified)
    }

    /// The category the text suggests (the most votes, see
    /// `suggested_category`); `None` when nothing voted for one or the text
    /// tells of personal data exposed.
    #[must_use]
    pub fn category(&self) -> Option<Category> {
        Category::from_index(self.category.checked_sub(1)?)
    }
}

/// An amount of the scanner as the record keeps it: at most the record's
/// largest amount, and the record's [`Currency`] index (0 for none).
fn amount_of(m: Money) -> (u64, u8) {
    if m.amount_minor == 0 {
        return (0, 0);
    }
    (
        m.amount_minor.min(MAX_AMOUNT),
        CURRENCY_OF
            .get(usize::from(m.currency))
            .map_or(0, |c| c.index()),
    )
}

/// The scope from which a feature nobody can use is the company's system
/// failing: a whole city or wider (1 + the index of `city` in
/// [`SCOPES`](super::SCOPES)).
const SYSTEM_WIDE_SCOPE: u8 = 3;
/// The scopes of a fault the homes around the customer share: a building (1 +
/// the index of `building` in [`SCOPES`](super::SCOPES)) to a district.
const BUILDING_SCOPE: u8 = 1;
/// See [`BUILDING_SCOPE`].
const DISTRICT_SCOPE: u8 = 2;
/// The least harm ([`TextCues::safety`]: `hazard`, an index of the scanner's
/// safety levels) from which a harm is the complaint
/// ([`Voter::speaks_beside_a_harm`]).
const HARM: u8 = super::HAZARD;

/// Who casts category votes: the phrases of a category, or staff conduct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Voter {
    /// Each occurrence of a `category` phrase of this category
    /// ([`TextCues::categories`]).
    Phrase(Category),
    /// Each kind of staff conduct the customer tells of, once
    /// ([`TextCues::conduct`]: rude, a non-verbal rejection).
    Conduct,
}

/// When a [`VoteRule`] applies, read from the cues of the whole text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum When {
    /// In every text.
    Always,
    /// When the stated scope ([`TextCues::scope`]) is at least this level.
    ScopeFrom(u8),
    /// When the stated scope is at least the first level and at most the
    /// second.
    ScopeWithin(u8, u8),
}

/// A rule of [`VOTE_RULES`]: the votes of `voter` go to `to` when `when`
/// holds.
#[derive(Clone, Copy, Debug)]
pub(super) struct VoteRule {
    /// Whose votes move.
    pub(super) voter: Voter,
    /// The category they go to.
    pub(super) to: Category,
    /// When.
    pub(super) when: When,
}

/// Where votes go other than to a phrase's own category, the first rule of a
/// voter that applies deciding. The one declaration both
/// [`suggested_category`] (counting the votes) and [`locate`](super::locate)
/// (finding the words of a suggestion: the phrases that may vote for it) read.
pub(super) const VOTE_RULES: [VoteRule; 3] = [
    // How staff behaved is the complaint (seed 002, 服務態度惡劣投訴): each
    // kind of conduct votes once for service attitude.
    VoteRule {
        voter: Voter::Conduct,
        to: Category::ServiceAttitude,
        when: When::Always,
    },
    // A feature nobody can use across a whole city or wider is the company's
    // system failing.
    VoteRule {
        voter: Voter::Phrase(Category::ServiceUsage),
        to: Category::SystemSupport,
        when: When::ScopeFrom(SYSTEM_WIDE_SCOPE),
    },
    // A fault a whole building or district shares (its lift, water tank,
    // intercom or meter box) is the supply or facility those homes are served
    // by, not goods one customer bought.
    VoteRule {
        voter: Voter::Phrase(Category::ProductQuality),
        to: Category::BasicService,
        when: When::ScopeWithin(BUILDING_SCOPE, DISTRICT_SCOPE),
    },
];

impl When {
    /// Whether the condition holds in a text with `cues`.
    fn holds(self, cues: &TextCues) -> bool {
        match self {
            When::Always => true,
            When::ScopeFrom(level) => cues.scope >= level,
            When::ScopeWithin(low, high) => (low..=high).contains(&cues.scope),
        }
    }
}

impl Voter {
    /// The voter a phrase of `kind` and `bit` is, if it votes at all.
    pub(super) fn of_phrase(kind: CueKind, bit: u8) -> Option<Voter> {
        match kind {
            CueKind::Category => Category::from_index(bit).map(Voter::Phrase),
            CueKind::ForbiddenPhrase if bit >= FORBIDDEN_CONDUCT || super::may_mock(bit) => {
                Some(Voter::Conduct)
            }
            _ => None,
        }
    }

    /// The voter's own category: a phrase's, none for conduct.
    const fn own(self) -> Option<Category> {
        match self {
            Voter::Phrase(c) => Some(c),
            Voter::Conduct => None,
        }
    }

    /// Whether the voter still votes in a text that tells of a harm: a harm is
    /// the complaint, and only the supply or the goods that caused it (a gas
    /// leak, a charger that caught fire) or the staff's conduct name a category.
    /// The charge, the delivery, the price or the account told beside a harm
    /// (a delivery van that hit a wall, a rider who knocked someone down, the
    /// hospital bill, a refund asked) are not what is complained of: an accident
    /// names no category (tests/text/README.md, Category).
    const fn speaks_beside_a_harm(self) -> bool {
        matches!(
            self,
            Voter::Conduct | Voter::Phrase(Category::BasicService | Category::ProductQuality)
        )
    }

    /// Whether the voter still votes in a text that tells of personal data
    /// exposed ([`TextCues::data_exposure`]): a privacy complaint has no
    /// category of its own (the record's `data_breach` says it), and what
    /// carried the data (the statement, the parcel's label, the app, the
    /// marketing calls it drew) is not what is complained of. Only how staff
    /// behaved, a second complaint beside the leak, still names one
    /// (tests/text/README.md, Category).
    const fn speaks_beside_a_leak(self) -> bool {
        matches!(
            self,
            Voter::Conduct | Voter::Phrase(Category::ServiceAttitude)
        )
    }

    /// The category the voter's votes go to in a text with `cues`: none beside
    /// a harm unless it [speaks there](Voter::speaks_beside_a_harm), none beside
    /// a leak unless it [speaks there](Voter::speaks_beside_a_leak), else its
    /// own or where the first rule of [`VOTE_RULES`] that applies moves them.
    fn goes_to(self, cues: &TextCues) -> Option<Category> {
        if cues.safety >= HARM && !self.speaks_beside_a_harm() {
            return None;
        }
        if cues.data_exposure && !self.speaks_beside_a_leak() {
            return None;
        }
        VOTE_RULES
            .iter()
            .find(|r| r.voter == self && r.when.holds(cues))
            .map_or(self.own(), |r| Some(r.to))
    }

    /// Whether the voter votes for `c` in some text: its own category unless a
    /// rule always moves its votes, or the category of a rule of it.
    pub(super) fn may_vote_for(self, c: Category) -> bool {
        let rules = || VOTE_RULES.iter().filter(move |r| r.voter == self);
        let always_moved = rules().any(|r| r.when == When::Always);
        (self.own() == Some(c) && !always_moved) || rules().any(|r| r.to == c)
    }
}

/// The order in which categories win a tie of votes. A charge, a device or a
/// rudeness is named beside most failures: the failure itself is what the
/// customer asks to be fixed (tests/text/README.md, **Category**).
///
/// - a supply or network down comes first: the bill, the router or the boiler
///   named with it follow from it;
/// - an offer or a promise broken (mis-selling) comes before billing: a charge
///   the customer was told they would not pay is the promise to keep;
/// - the company's system failing comes before billing: wrong bills sent to
///   many are its output;
/// - staff conduct comes after the faults of the services and the goods: a
///   fault named as often as the rudeness it drew stays the complaint (a price
///   or a delivery keep the vocabulary's order, after it).
const TIE_ORDER: [Category; Category::COUNT] = [
    Category::BasicService,
    Category::Promotion,
    Category::SystemSupport,
    Category::Billing,
    Category::ServiceUsage,
    Category::Transaction,
    Category::ProductQuality,
    Category::ServiceAttitude,
    Category::Price,
    Category::Logistics,
    Category::Other,
];

/// The category the text suggests (seed `002_53957cc42773bf88.txt`, 六 智能客服:
/// 自動識別投訴類型): the category with the most votes, a tie going to the first
/// in [`TIE_ORDER`], so the choice never depends on where the phrases stand in
/// the text. The votes ([`category_votes`]):
///
/// - each occurrence of a `category` phrase votes for its category;
/// - [`VOTE_RULES`]: each kind of staff conduct the customer tells of votes once
///   for [`Category::ServiceAttitude`]; a feature nobody can use across a whole
///   city or wider ([`TextCues::scope`]) is the company's system failing: the
///   [`Category::ServiceUsage`] votes go to [`Category::SystemSupport`]; a
///   fault a building or a district shares is the supply or the facility: the
///   [`Category::ProductQuality`] votes go to [`Category::BasicService`];
/// - in a text telling of personal data exposed ([`TextCues::data_exposure`]) only
///   staff conduct and service attitude phrases vote ([`Voter::speaks_beside_a_leak`]):
///   a leak is none of the categories (the record's `data_breach` says it), and the
///   words around it (the account opened, the advertiser, the statement or parcel that
///   carried the data) are not the complaint; how staff behaved is a second one.
///
/// A hazard or an injury casts no vote: a fall on a wet floor or a site accident is
/// no product's fault; told beside one, only the supply's and the goods' phrases
/// and staff conduct vote ([`Voter::speaks_beside_a_harm`]: an accident names no
/// category, the delivery van, the charge or the refund told with it are not the
/// complaint). `None` when nothing voted (`other` has no phrases: a text
/// never suggests it).
fn suggested_category(cues: &TextCues) -> Option<Category> {
    let votes = category_votes(cues);
    let mut best: Option<(Category, u8)> = None;
    for c in TIE_ORDER {
        let n = votes.get(usize::from(c.index())).copied().unwrap_or(0);
        if n > best.map_or(0, |(_, m)| m) {
            best = Some((c, n));
        }
    }
    best.map(|(c, _)| c)
}

/// The votes of [`suggested_category`] by [`Category`] index.
fn category_votes(cues: &TextCues) -> [u8; Category::COUNT] {
    votes_in(cues, cues)
}

/// The votes `cues` cast in a text whose cues are `whole` (the conditions of
/// [`VOTE_RULES`] are the whole text's): what [`locate`](super::locate) reads of a
/// prefix to find the words of a suggestion, wherever the scope stands.
pub(super) fn votes_in(cues: &TextCues, whole: &TextCues) -> [u8; Category::COUNT] {
    let mut votes = [0u8; Category::COUNT];
    let mut add = |voter: Voter, n: u8| {
        let to = voter.goes_to(whole).map(|c| usize::from(c.index()));
        if let Some(v) = to.and_then(|i| votes.get_mut(i)) {
            *v = v.saturating_add(n);
        }
    };
    for (c, n) in Category::ALL.iter().zip(cues.categories) {
        add(Voter::Phrase(*c), n);
    }
    add(
        Voter::Conduct,
        u8::try_from(cues.conduct.count_ones()).unwrap_or(0),
    );
    votes
}

impl TextFacts {
    /// The cue of the text a reason with [`Source::Text`](crate::Source)
    /// and this factor came from, to find its words with
    /// [`locate`](super::locate); `None` for a factor the text does not
    /// raise.
    #[must_use]
    pub fn cue_of(&self, f: Factor) -> Option<Cue> {
        let first_bit =
            |bits: u16| (bits != 0).then(|| u8::try_from(bits.trailing_zeros()).unwrap_or(0));
        let i = f.0;
        let in_range =
            |first: u8, count: usize| i.checked_sub(first).filter(|k| usize::from(*k) < count);
        if let Some(k) = in_range(factor::THREAT, Threat::COUNT) {
            return Some(Cue::Threat(k));
        }
        if let Some(k) = in_range(factor::MALICE, MaliceSignal::COUNT) {
            let bit = MALICE_SIGNALS.iter().position(|s| s.index() == k)?;
            return Some(Cue::Malice(u8::try_from(bit).ok()?));
        }
        if let Some(k) = in_range(factor::VULNERABILITY, Vulnerability::COUNT) {
            let bit = VULNERABILITIES
                .iter()
                .position(|v| v.is_some_and(|v| v.index() == k))?;
            return Some(Cue::Vulnerable(u8::try_from(bit).ok()?));
        }
        if f == Factor::handling_failure(HandlingFailure::ForbiddenPhrase) {
            return first_bit(self.forbidden_phrases).map(Cue::ForbiddenPhrase);
        }
        if let Some(k) = in_range(factor::FAILURE, HandlingFailure::COUNT) {
            let bit = CONDUCT_FAILURES.iter().position(|h| h.index() == k)?;
            return (self.handling_failures & (1 << k) != 0)
                .then(|| Cue::Conduct(u8::try_from(bit).unwrap_or(0)));
        }
        if f == Factor::TEXT_STRONG_EMOTION {
            return first_bit(self.emotion_markers.into()).map(Cue::EmotionMarker);
        }
        if f == Factor::SAFETY_INCIDENT {
            // The record's levels 1-3 are the scanner's (a text's gravest
            // level is read as a serious injury).
            return (self.safety > 0).then_some(Cue::Safety(self.safety.min(3)));
        }
        if in_range(factor::PRIOR_CONTACTS, crate::Band::PriorContacts.levels()).is_some() {
            return Some(Cue::Repetition);
        }
        if in_range(factor::HOURS_OPEN, crate::Band::HoursOpen.levels()).is_some() {
            return Some(Cue::Elapsed);
        }
        if in_range(factor::DIRECT_LOSS, crate::Band::DirectLoss.levels()).is_some() {
            return (self.largest_loss > 0).then_some(Cue::Loss);
        }
        if f == Factor::DATA_BREACH {
            return self.data_exposure.then_some(Cue::DataExposure);
        }
        if in_range(factor::AFFECTED, crate::Band::AffectedCustomers.levels()).is_some() {
            return (self.scope > 0).then_some(Cue::Scope(self.scope));
        }
        if let Some(k) = in_range(factor::CATEGORY, Category::COUNT) {
            // Only the suggested category's factor came from the text.
            return (self.category.checked_sub(1) == Some(k)).then_some(Cue::Category(k));
        }
        None
    }
}

impl From<TextCues> for TextFacts {
    fn from(cues: TextCues) -> TextFacts {
        TextFacts::from_cues(&cues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan_text;

    #[test]
    fn a_record_keeps_the_facts_grading_reads() {
        // Two u64 amounts: 40 bytes, what a record pays for the loss.
        assert!(core::mem::size_of::<TextFacts>() <= 40);
        let f = TextFacts::from_cues(&scan_text(
            "你们卖的充电宝昨晚充电时爆炸了，把我孩子的手烧伤了，现在还在医院住院。",
        ));
        assert!(f.safety_level() >= SafetyLevel::Injury, "{f:?}");
    }

    #[test]
    fn the_most_cued_category_is_suggested_ties_to_the_failure() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        assert_eq!(f("今天天气不错"), None, "no cue, no suggestion");
        assert_eq!(f("话费多扣了二十块"), Some(Category::Billing));
        // One logistics phrase, two billing ones.
        assert_eq!(
            f("快递没问题，就是这个月话费多扣了"),
            Some(Category::Billing)
        );
        // One of each: billing wins a tie with logistics, whichever is named
        // first.
        assert_eq!(f("包裹丢了，还乱收费"), Some(Category::Billing));
        assert_eq!(f("乱收费，包裹还丢了"), Some(Category::Billing));
        assert_eq!(f("The parcel never came"), Some(Category::Logistics));
    }

    #[test]
    fn staff_conduct_votes_for_service_attitude() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        // Only a conduct cue, no category phrase: how staff behaved is the complaint.
        let rude = "客服说我是神经病。";
        assert_eq!(scan_text(rude).categories, [0; Category::COUNT]);
        assert_eq!(f(rude), Some(Category::ServiceAttitude));
        assert_eq!(
            f("The lady on the phone was sarcastic."),
            Some(Category::ServiceAttitude)
        );
        // Denied, or said by the agent, it casts no vote.
        assert_eq!(f("The agent was not rude."), None);
        assert_eq!(f("Agent: I'm sorry, I was rude to you."), None);
        // A fault named as often as the rudeness it drew stays the complaint...
        assert_eq!(
            f("才穿两个月鞋子就开胶了，你这是什么态度？"),
            Some(Category::ProductQuality)
        );
        // ...two kinds of conduct (rude, hung up) outweigh one billing word.
        assert_eq!(
            f("账单不对，客服骂我，还挂我电话。"),
            Some(Category::ServiceAttitude)
        );
        assert_eq!(f("账单不对，客服骂我。"), Some(Category::Billing));
    }

    #[test]
    fn a_feature_nobody_in_a_city_can_use_is_a_system_failure() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        assert_eq!(f("我的账户登录不了。"), Some(Category::ServiceUsage));
        let city = "全市的用户今天都登录不了。";
        assert!(
            scan_text(city).scope >= SYSTEM_WIDE_SCOPE,
            "{:?}",
            scan_text(city)
        );
        assert_eq!(f(city), Some(Category::SystemSupport));
        // A whole building is not the company's system.
        let building = "整栋楼的人都登录不了。";
        assert!(scan_text(building).scope < SYSTEM_WIDE_SCOPE);
        assert_eq!(f(building), Some(Category::ServiceUsage));
        // The scope moves no other category's votes: a city-wide outage is basic service.
        assert_eq!(f("全市停电了。"), Some(Category::BasicService));
    }

    #[test]
    fn a_tie_goes_to_the_failure_not_to_the_charge_or_the_rudeness() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        let votes = |t: &str, c: Category| {
            category_votes(&scan_text(t))
                .get(usize::from(c.index()))
                .copied()
        };
        // A charge the customer was told they would not pay: the promise broken.
        let missold = "业务员说升级套餐不加钱，结果每个月多扣三十八。";
        assert_eq!(
            votes(missold, Category::Promotion),
            votes(missold, Category::Billing)
        );
        assert_eq!(f(missold), Some(Category::Promotion));
        // Wrong charges from a failing system: the system.
        let down = "System down all morning and my direct debit failed.";
        assert_eq!(
            votes(down, Category::SystemSupport),
            votes(down, Category::Billing)
        );
        assert_eq!(f(down), Some(Category::SystemSupport));
        // Every category stands once in the order.
        for c in Category::ALL {
            assert_eq!(TIE_ORDER.iter().filter(|t| *t == c).count(), 1, "{c:?}");
        }
    }

    #[test]
    fn a_deposit_is_asked_back_unless_it_was_deducted() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        assert_eq!(f("退房一个月了押金还没退。"), Some(Category::Transaction));
        assert_eq!(
            f("The letting agent still has my deposit."),
            Some(Category::Transaction)
        );
        // Kept back or deducted: a charge.
        assert_eq!(f("押金被扣了五百。"), Some(Category::Billing));
        assert_eq!(f("按金扣住唔還。"), Some(Category::Billing));
    }

    #[test]
    fn a_fault_a_building_shares_is_the_supply_not_the_goods() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        assert_eq!(f("我的热水器坏了。"), Some(Category::ProductQuality));
        let building = "整栋楼的热水器都坏了。";
        assert_eq!(scan_text(building).scope, BUILDING_SCOPE);
        assert_eq!(f(building), Some(Category::BasicService));
        // Goods every buyer has are still the goods.
        let everyone = "全国的用户都反映这款充电宝会自燃。";
        assert!(scan_text(everyone).scope > DISTRICT_SCOPE);
        assert_eq!(f(everyone), Some(Category::ProductQuality));
    }

    #[test]
    fn every_rule_names_a_voter_that_may_vote_for_its_category() {
        for r in VOTE_RULES {
            assert!(r.voter.may_vote_for(r.to), "{r:?}");
            assert_ne!(r.voter.own(), Some(r.to), "{r:?}: a rule moves votes");
        }
        // Conduct votes only through its rule; a moved phrase still votes for its
        // own category where the rule does not hold.
        assert!(!Voter::Conduct.may_vote_for(Category::Billing));
        assert!(Voter::Phrase(Category::ServiceUsage).may_vote_for(Category::ServiceUsage));
        assert!(!Voter::Phrase(Category::Billing).may_vote_for(Category::Logistics));
    }

    #[test]
    fn a_data_leak_suggests_no_category() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        assert_eq!(f("天天有人打电话推销。"), Some(Category::Promotion));
        let leak = "你们把我的资料卖给推销公司，天天有人打电话推销。";
        assert!(scan_text(leak).data_exposure);
        assert_eq!(f(leak), None);
        // What carried the data is not the complaint either: a statement, a parcel.
        let statement = "银行把我的对账单寄到我前夫家里，他现在知道我欠多少钱。";
        assert!(scan_text(statement).data_exposure);
        assert_eq!(f(statement), None);
    }

    #[test]
    fn beside_a_leak_only_how_staff_behaved_names_a_category() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        let rude = "营业员把我的电话告诉了陌生人，我问她为什么，她还骂我神经病，态度很差。";
        assert!(scan_text(rude).data_exposure);
        assert_eq!(f(rude), Some(Category::ServiceAttitude));
    }

    #[test]
    fn a_harm_alone_names_no_category() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        let fall = "我妈在你们超市门口滑倒，摔伤了。";
        assert!(scan_text(fall).safety > 0);
        assert_eq!(f(fall), None);
        // The goods named with it make it a product complaint.
        assert_eq!(
            f("你们卖的面包里有虫子，我吃了以后拉肚子。"),
            Some(Category::ProductQuality)
        );
    }

    #[test]
    fn beside_a_harm_only_the_supply_the_goods_and_the_staff_vote() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        // A courier's words alone: a delivery complaint.
        assert_eq!(
            f("快递员把我的包裹扔在门口就走了。"),
            Some(Category::Logistics)
        );
        // The same courier in an accident: no category.
        let knocked = "快递员骑电动车把我撞倒了，膝盖擦伤流血。";
        assert!(scan_text(knocked).safety >= HARM);
        assert!(category_votes(&scan_text(knocked)).iter().all(|n| *n == 0));
        assert_eq!(f(knocked), None);
        assert_eq!(
            f("The delivery driver knocked my dad over and he broke his wrist."),
            None
        );
        // The bill for the hospital is no billing complaint.
        assert_eq!(f("我摔伤了，医院账单三千块，你们要负责。"), None);
        // Goods that harmed stay goods; a supply stays a supply.
        assert_eq!(
            f("你们的充电宝冒烟起火，把我的手烧伤了，还多扣了我运费。"),
            Some(Category::ProductQuality)
        );
        assert_eq!(
            f("停电了整晚，我摸黑下楼梯摔伤了脚。"),
            Some(Category::BasicService)
        );
    }

    #[test]
    fn a_phrase_naming_the_failure_votes_in_each_script() {
        let f = |t: &str| TextFacts::from_cues(&scan_text(t)).category();
        // A patient taken to hospital is no delivery; a parcel not delivered is.
        assert_eq!(f("孩子吐了一整晚，送到医院住了三天。"), None);
        assert_eq!(f("包裹三天了还没送到。"), Some(Category::Logistics));
        assert_eq!(f("速遞話派咗件，但冇人拍門。"), Some(Category::Logistics));
        // Hot water or gas that stopped is the supply, not the appliance.
        assert_eq!(f("成個屋苑今朝開始冇熱水。"), Some(Category::BasicService));
        assert_eq!(
            f("Three weeks with no hot water."),
            Some(Category::BasicService)
        );
        assert_eq!(
            f("小区燃气压力不够，打不着火。"),
            Some(Category::BasicService)
        );
        // A contaminant in the food is the goods.
        assert_eq!(
            f("外卖里吃出了一块玻璃碴。"),
            Some(Category::ProductQuality)
        );
        assert_eq!(
            f("There was glass in the salad."),
            Some(Category::ProductQuality)
        );
        // A frozen account, an address change that is not done.
        assert_eq!(f("我的账户冻结了。"), Some(Category::ServiceUsage));
        assert_eq!(f("上次話轉地址要等七日。"), Some(Category::Transaction));
        // Passed from one department to the next is how staff behaved.
        assert_eq!(
            f("I'm sick of being passed between departments."),
            Some(Category::ServiceAttitude)
        );
        // A plan sold as unlimited that is not.
        assert_eq!(
            f("The agent said this plan is unlimited."),
            Some(Category::Promotion)
        );
    }

    #[test]
    fn the_first_text_with_a_category_decides_a_union() {
        let a = TextFacts::from_cues(&scan_text("包裹丢了"));
        let b = TextFacts::from_cues(&scan_text("话费多扣了"));
        assert_eq!(a.union(b).category(), Some(Category::Logistics));
        assert_eq!(TextFacts::NONE.union(b).category(), Some(Category::Billing));
    }

    #[test]
    fn the_largest_amount_is_kept_with_its_currency() {
        let f = TextFacts::from_cues(&scan_text("我损失了1000元，赔我5000元"));
        assert_eq!(f.largest_amount, 500_000);
        assert_eq!(f.currency(), Currency::Cny);
        let g = TextFacts::from_cues(&scan_text("I lost $20"));
        let u = g.union(f);
        assert_eq!((u.largest_amount, u.currency()), (500_000, Currency::Cny));
    }
}

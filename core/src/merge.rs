//! How what the free text showed ([`TextFacts`](crate::TextFacts)) raises the record's
//! fields: the merging rules both gradings share, as plain code.
//!
//! Two rules hold for every field (issue 17):
//!
//! - an explicit field is never lowered by the text;
//! - the text raises a field only where the record left it at its default
//!   (a record cannot tell "left out" from "given as the default": a
//!   record that says `"safety": "none"` is raised by a text that tells of
//!   a burn). For a list field the rule holds value by value: the text
//!   adds the values the record lacks.
//!
//! Each fact raises one field, with the seed passage that says it matters
//! when the customer only tells it (`core/RUBRIC.md` lists them):
//!
//! | fact | raises | when the record has |
//! | --- | --- | --- |
//! | harm (`safety`) | the safety level, and so the safety gates | `safety` none and `safety_incident` false |
//! | vulnerable people | `vulnerability` values | the value absent |
//! | malice signs | `malice_signals` values, for their points | the value absent |
//! | scope | `affected_customers` | 1 |
//! | "the Nth call" | `prior_contacts` to N - 1 | 0 |
//! | elapsed time | the `hours_open` band | 0 |
//! | money | `claimed_amount`, and `currency` | 0, and `unspecified` |
//! | a loss | `direct_loss`, and `currency` | 0, and `unspecified` or the loss's currency |
//! | personal data exposed | `data_breach` | false |
//! | staff conduct the customer tells of (rude, hung up), a forbidden phrase | `handling_failures` values, for their points and the attitude gate | the value absent |
//! | category phrases | `category`, for its points and remedy | `other` |
//!
//! Reasons raised by the text carry [`Source::Text`].
//!
//! Choices, each conservative:
//!
//! - **Scope** becomes the smallest count of the policy's gate at that
//!   scope (`affected_gate_customers`): a building or estate is "several
//!   affected", a district a "mass incident", a city or every user a "wide
//!   outage" (seed `002_53957cc42773bf88.txt` 當多客戶投訴同一問題后; seed
//!   `000_d3bb18e70da591cc.txt` 由点及面的负面辐射). A text never claims more
//!   customers than the gate it names needs.
//! - **Elapsed time** is how long the problem or the wait has lasted, not
//!   how long the complaint has been open: it raises the `hours_open` band
//!   (a customer left waiting is more urgent, seed
//!   `001_bf48436fc09b92e7.txt` 避免投诉长时间得不到解决而升级) but never
//!   the regulator's clock, whose deadline counts from the day the
//!   complaint was raised, which the text does not give: a problem three
//!   weeks old may have been reported today.
//! - **Money**: the largest amount the customer states is what they claim
//!   (`赔我5000元`). Its currency becomes the record's when the record gives
//!   none.
//! - **Loss**: the largest amount the customer states as a price paid or a
//!   loss ("your app charged my card $1,200", `花了三千块`; an amount after
//!   a claim marker such as `赔我` never is one) is the direct loss of a
//!   record that left `direct_loss` at 0 (seed `000_d3bb18e70da591cc.txt`
//!   高额补偿投诉处理: 看客户经济损失是直接损失还是间接损失). Its currency goes
//!   with it: a record without a currency takes the loss's (before that of
//!   the largest amount), so that the money bands of that currency apply; a
//!   record that names another currency is not raised, as an amount cannot
//!   be banded in a currency it is not in. A claim the record states is
//!   weighed against it (`claim_unreasonable`, claim above twice the loss).
//!   A claim the text states is not: the text's claimed amount is its
//!   largest amount, which may be the company's offer or another loss
//!   (`我花了100元，你们说赔我300元代金券`), and the scanner already weighs
//!   the text's own claims against its losses (the malice sign
//!   `excessive_claim`, `我花了15块……我要五千`), so the check would
//!   misfire or count the same excess twice ([`claim_basis`]).
//! - **Personal data exposed** ("my statement was sent to my neighbour",
//!   `泄露了我的身份证号`) sets `data_breach` when the record left it false
//!   (seed `003_8f6867fe054256d6.txt` 二、客戶心理需求: 7.隱私需求).
//! - **Staff conduct** the customer tells of ("the agent was rude, laughed
//!   at me", `客服态度很差`, "hung up on me") adds `rude` or
//!   `nonverbal_rejection` to the record's `handling_failures` where it lacks
//!   them, as a forbidden phrase an agent said adds `forbidden_phrase`: their
//!   points, and the attitude gate, which a rude agent opens in any category
//!   (seed `002_53957cc42773bf88.txt` 服務態度惡劣投訴,則需要由主管介入). A
//!   forbidden phrase from the text still adds its points only, not the gate.
//! - **Malice** signs from the text add their malice points but, but for
//!   one, do not put the complaint on the legal track (the `malice_track`
//!   gate), as text threats add points without the exposure gate: a floor
//!   no sum can overrule rests on what a person recorded. Harm is the
//!   exception the seeds make: any sign of it is handled first (seed
//!   `000_d3bb18e70da591cc.txt` 安全权; seed `003_8f6867fe054256d6.txt`
//!   安全需求). Extortion is the other: a sum demanded with a threat of
//!   exposure in one sentence is the demand itself, not a threat the text
//!   may deny (seed `000_d3bb18e70da591cc.txt` 恶意要挟).
//! - **Category** is suggested (seed `002_53957cc42773bf88.txt`, 六:
//!   智能客服可以自動識別投訴類型,推薦處理流程) only for a record that left
//!   it at `other`: the most cued category of the text gives the category's
//!   points and the remedy, and the assessment reports it as suggested
//!   (`suggested_category`). A category the record names is never replaced.
//!   The attitude gate still reads the record's category alone, as the
//!   other gates read the record's threats and malice signals.

use crate::assessment::Source;
use crate::codes::{Category, Currency, SafetyLevel};
use crate::fields::ComplaintFields;
use crate::policy::Policy;

/// A field's value as grading reads it, and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Merged<T> {
    /// The value.
    pub value: T,
    /// [`Source::Text`] when the text raised it, else [`Source::Field`].
    pub source: Source,
}

/// The two rules: the text raises a field only where the record left it
/// at its `default`, and only when the text shows something (`raise`);
/// otherwise the record's `field` stands, never lowered.
#[inline(always)]
fn raise_default<T: PartialEq + Copy>(field: T, default: T, text: T, raise: bool) -> Merged<T> {
    if field == default && raise {
        Merged {
            value: text,
            source: Source::Text,
        }
    } else {
        Merged {
            value: field,
            source: Source::Field,
        }
    }
}

/// The safety level: the record's (see
/// [`gates::safety_level`](crate::gates::safety_level)), or the text's
/// when the record has none and no `safety_incident`.
#[inline]
pub fn safety<C: ComplaintFields + ?Sized>(c: &C) -> Merged<SafetyLevel> {
    let field = crate::gates::recorded_safety_level(c);
    let text = c.text_cues().safety_level();
    raise_default(field, SafetyLevel::None, text, text != SafetyLevel::None)
}

/// How many customers the problem affects: the record's, or, when it left
/// the default 1, the policy's smallest count of the gate at the text's
/// scope (see the module documentation).
#[inline]
pub fn affected_customers<C: ComplaintFields + ?Sized>(c: &C, policy: &Policy) -> Merged<u32> {
    let t = policy.affected_gate_customers;
    let text = match c.text_cues().scope {
        0 => 1,
        1 => t[0],
        2 => t[1],
        _ => t[2],
    };
    raise_default(c.affected_customers(), 1, text, text > 1)
}

/// Earlier contacts: the record's, or N - 1 when the text says this is
/// the Nth contact and the record left the default 0.
#[inline]
pub fn prior_contacts<C: ComplaintFields + ?Sized>(c: &C) -> Merged<u16> {
    let text = u16::from(c.text_cues().repetition.saturating_sub(1));
    raise_default(c.prior_contacts(), 0, text, text > 0)
}

/// The hours that the `hours_open` band reads: the record's, or the
/// text's elapsed time when the record left the default 0 (never the
/// regulator's clock: see the module documentation).
#[inline]
pub fn hours_waited<C: ComplaintFields + ?Sized>(c: &C) -> Merged<u32> {
    let text = c.text_cues().elapsed_hours;
    raise_default(c.hours_open(), 0, text, text > 0)
}

/// The amount claimed: the record's, or the largest the text states when
/// the record left the default 0.
#[inline]
pub fn claimed_amount<C: ComplaintFields + ?Sized>(c: &C) -> Merged<u64> {
    let text = c.text_cues().largest_amount;
    raise_default(c.claimed_amount(), 0, text, text > 0)
}

/// The direct loss: the record's, or the largest loss the text states when
/// the record left the default 0 and names no other currency than the
/// loss's (see the module documentation).
#[inline]
pub fn direct_loss<C: ComplaintFields + ?Sized>(c: &C) -> Merged<u64> {
    let t = c.text_cues();
    let same_currency =
        matches!(c.currency(), Currency::Unspecified) || c.currency() == t.loss_currency();
    raise_default(
        c.direct_loss(),
        0,
        t.largest_loss,
        t.largest_loss > 0 && same_currency,
    )
}

/// The direct loss a claim is weighed against (`check_claim`): the merged
/// loss, or 0 (no check) when both the loss and the claim came from the
/// text (see the module documentation).
#[inline]
pub fn claim_basis(loss: Merged<u64>, claim: Merged<u64>) -> u64 {
    if loss.source == Source::Text && claim.source == Source::Text {
        0
    } else {
        loss.value
    }
}

/// Whether personal data was exposed: the record's `data_breach`, or the
/// text's telling of it when the record left it false.
#[inline]
pub fn data_breach<C: ComplaintFields + ?Sized>(c: &C) -> Merged<bool> {
    let text = c.text_cues().data_exposure;
    raise_default(c.data_breach(), false, text, text)
}

/// The handling failures the text shows, as bits of
/// [`HandlingFailure`](crate::HandlingFailure): `forbidden_phrase` when an
/// agent said a forbidden phrase, and the staff conduct the customer tells
/// of. Each counts where the record lacks it (value by value).
#[inline]
pub fn text_handling_failures<C: ComplaintFields + ?Sized>(c: &C) -> u16 {
    let t = c.text_cues();
    let forbidden = if t.forbidden_phrases != 0 {
        1 << crate::HandlingFailure::ForbiddenPhrase.index()
    } else {
        0
    };
    forbidden | t.handling_failures
}

/// The currency of the record's amounts: the record's, or, when it left it
/// unspecified, that of the text's loss when the text raised the direct
/// loss, else that of the text's largest amount.
#[inline]
pub fn currency<C: ComplaintFields + ?Sized>(c: &C) -> Merged<Currency> {
    let t = c.text_cues();
    let text = if direct_loss(c).source == Source::Text {
        t.loss_currency()
    } else {
        t.currency()
    };
    raise_default(
        c.currency(),
        Currency::Unspecified,
        text,
        text != Currency::Unspecified,
    )
}

/// What the complaint is about: the record's, or the category the text
/// suggests when the record left the default `other`.
#[inline]
pub fn category<C: ComplaintFields + ?Sized>(c: &C) -> Merged<Category> {
    let text = c.text_cues().category();
    raise_default(
        c.category(),
        Category::Other,
        text.unwrap_or(Category::Other),
        text.is_some(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Complaint;

    fn with_text(text: &str) -> Complaint {
        let mut c = Complaint::default();
        c.add_text(text);
        c
    }

    #[test]
    fn harm_told_in_the_text_raises_a_default_safety_level() {
        let c = with_text("你们卖的充电宝昨晚充电时爆炸了，把我孩子的手烧伤了，现在还在医院住院。");
        let s = safety(&c);
        assert!(s.value >= SafetyLevel::Injury, "{s:?}");
        assert_eq!(s.source, Source::Text);
    }

    #[test]
    fn an_explicit_safety_level_is_never_lowered_nor_raised() {
        let mut c = with_text("我孩子的手烧伤了，现在还在医院住院。");
        c.safety = SafetyLevel::Death;
        assert_eq!(safety(&c).value, SafetyLevel::Death);
        assert_eq!(safety(&c).source, Source::Field);
        c.safety = SafetyLevel::Hazard;
        assert_eq!(safety(&c).value, SafetyLevel::Hazard);
        c.safety = SafetyLevel::None;
        c.safety_incident = true;
        assert_eq!(safety(&c).value, SafetyLevel::Injury);
        assert_eq!(safety(&c).source, Source::Field);
    }

    #[test]
    fn scope_raises_only_the_default_count() {
        let p = Policy::DEFAULT;
        let mut c = with_text("全市都断网了");
        let a = affected_customers(&c, &p);
        assert_eq!(
            (a.value, a.source),
            (p.affected_gate_customers[2], Source::Text)
        );
        c.affected_customers = 3;
        assert_eq!(affected_customers(&c, &p).value, 3);
        assert_eq!(affected_customers(&c, &p).source, Source::Field);
    }

    #[test]
    fn the_nth_call_is_n_minus_one_prior_contacts() {
        let mut c = with_text("这是我第三次打电话了");
        assert_eq!(prior_contacts(&c).value, 2);
        c.prior_contacts = 7;
        assert_eq!(prior_contacts(&c).value, 7);
        c.prior_contacts = 1;
        assert_eq!(prior_contacts(&c).value, 1, "never lowered nor raised");
    }

    #[test]
    fn a_stated_amount_is_a_claim_with_its_currency() {
        let mut c = with_text("赔我5000元");
        assert_eq!(claimed_amount(&c).value, 500_000);
        assert_eq!(currency(&c).value, Currency::Cny);
        c.claimed_amount = 100;
        c.currency = Currency::Usd;
        assert_eq!(claimed_amount(&c).value, 100);
        assert_eq!(currency(&c).value, Currency::Usd);
        assert_eq!(direct_loss(&c).value, 0, "a claimed amount is no loss");
    }

    #[test]
    fn a_stated_loss_raises_a_default_direct_loss_with_its_currency() {
        let text = "Your app charged my card $1,200 for a subscription I cancelled. \
                    I'm disabled and on a fixed income";
        let mut c = with_text(text);
        let d = direct_loss(&c);
        assert_eq!((d.value, d.source), (120_000, Source::Text));
        assert_eq!(currency(&c).value, Currency::Usd);
        // One amount, read as the loss and as the claim: the claim is the loss.
        assert_eq!(claimed_amount(&c).value, 120_000);
        // The record's own loss is never lowered nor replaced.
        c.direct_loss = 50_000;
        assert_eq!(
            direct_loss(&c),
            Merged {
                value: 50_000,
                source: Source::Field
            }
        );
        // A record in another currency is not raised: the amount is in dollars.
        c.direct_loss = 0;
        c.currency = Currency::Cny;
        assert_eq!(
            direct_loss(&c),
            Merged {
                value: 0,
                source: Source::Field
            }
        );
        assert_eq!(currency(&c).value, Currency::Cny);
        // The record's currency, the loss's: raised.
        c.currency = Currency::Usd;
        assert_eq!(direct_loss(&c).value, 120_000);
    }

    #[test]
    fn the_loss_currency_goes_before_the_largest_amounts() {
        // The claim is larger, in pounds; the loss, in euros, sets the currency.
        let c = with_text("I paid €40 for the ticket. I want £500 for the trouble.");
        assert_eq!(direct_loss(&c).value, 4_000);
        assert_eq!(currency(&c).value, Currency::Eur);
        assert_eq!(claimed_amount(&c).value, 50_000);
    }

    #[test]
    fn a_data_exposure_told_in_the_text_sets_a_default_data_breach() {
        let mut c = with_text("你们怎么把我的账单寄到我前夫的地址去了?");
        assert_eq!(
            data_breach(&c),
            Merged {
                value: true,
                source: Source::Text
            }
        );
        c.data_breach = true;
        assert_eq!(data_breach(&c).source, Source::Field);
        let c = with_text("我的快递寄错地址了");
        assert!(
            !data_breach(&c).value,
            "a parcel sent astray exposes no data"
        );
    }

    #[test]
    fn a_text_suggests_a_category_only_for_a_record_without_one() {
        let mut c = with_text("这个月话费又多扣了二十块");
        let m = category(&c);
        assert_eq!((m.value, m.source), (Category::Billing, Source::Text));
        c.category = Category::Logistics;
        let m = category(&c);
        assert_eq!((m.value, m.source), (Category::Logistics, Source::Field));
        let m = category(&with_text("你好，我想咨询一下"));
        assert_eq!((m.value, m.source), (Category::Other, Source::Field));
    }

    #[test]
    fn elapsed_time_raises_the_wait_not_the_clock() {
        let mut c = with_text("断网三天了");
        assert_eq!(hours_waited(&c).value, 72);
        assert_eq!(c.hours_open, 0);
        c.hours_open = 5;
        assert_eq!(hours_waited(&c).value, 5);
    }
}

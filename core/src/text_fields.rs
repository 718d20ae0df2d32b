//! What the free text adds to a record's fields when it is graded, shared by the plain
//! grading (`reference.rs`) and the fast one (`assess/fast.rs`) so that the two cannot
//! differ.
//!
//! The rule (text understanding v2): an explicit field is never lowered by the text; the
//! text raises a field only where the record left it at its default, and the factor it adds
//! then has the source [`Source::Text`].

use crate::assessment::Source;
use crate::codes::MaliceSignal;
use crate::scan::TextCues;

/// Customers affected per scope the text states (index `scope - 1`): a building or estate
/// reaches the policy's "group" band, a district "many", a city or everyone "mass".
const SCOPE_CUSTOMERS: [u32; 4] = [10, 100, 1000, 1000];

/// Contacts before this one: the field, or one fewer than the text's "Nth contact".
#[inline(always)]
pub(crate) fn prior_contacts(field: u16, cues: &TextCues) -> (u64, Source) {
    let from_text = u64::from(cues.repetition.saturating_sub(1));
    raise_default(u64::from(field), 0, from_text)
}

/// Hours open: the field, or the longest duration the text states.
#[inline(always)]
pub(crate) fn hours_open(field: u32, cues: &TextCues) -> (u64, Source) {
    raise_default(u64::from(field), 0, u64::from(cues.elapsed_hours))
}

/// Customers affected: the field, or what the text's scope implies.
#[inline(always)]
pub(crate) fn affected_customers(field: u32, cues: &TextCues) -> (u64, Source) {
    let from_text = usize::from(cues.scope)
        .checked_sub(1)
        .and_then(|i| SCOPE_CUSTOMERS.get(i))
        .copied()
        .unwrap_or(0);
    raise_default(u64::from(field), 1, u64::from(from_text))
}

/// Whether the complaint is a safety incident: the flag, or any safety level in the text.
#[inline(always)]
pub(crate) fn safety_incident(field: bool, cues: &TextCues) -> (bool, Source) {
    if field {
        (true, Source::Field)
    } else {
        (cues.safety != 0, Source::Text)
    }
}

/// The malice signals the text shows, as bits of [`MaliceSignal`] (extortion, private
/// settlement, an escalating claim, a claim far above the stated loss).
#[inline(always)]
pub(crate) fn malice_signals(cues: &TextCues) -> u16 {
    const MAP: [MaliceSignal; 4] = [
        MaliceSignal::Extortion,
        MaliceSignal::PrivateSettlement,
        MaliceSignal::EscalatingClaim,
        MaliceSignal::UnreasonableClaim,
    ];
    let mut bits = 0u16;
    for (i, signal) in MAP.iter().enumerate() {
        if cues.malice & (1 << i) != 0 {
            bits |= 1 << signal.index();
        }
    }
    bits
}

/// The field where it differs from its default, else the text's value when it is higher.
#[inline(always)]
fn raise_default(field: u64, default: u64, from_text: u64) -> (u64, Source) {
    if field == default && from_text > default {
        (from_text, Source::Text)
    } else {
        (field, Source::Field)
    }
}

//! The one check of a caller's `ct_complaint`: every field's valid range
//! and the code naming it, declared once ([`RULES`]), and the plain check
//! that walks them field by field. `ct_complaint_validate`, the copy into
//! a core `Complaint` and `ct_assess` all go through it (`ct_assess` by way
//! of the faster window check of [`crate::complaint_check_windows`], which
//! is made from the same rules and gives the same verdict).

use core::mem::{offset_of, size_of};

use triage::scan::{EMOTION_MARKERS, FORBIDDEN_PHRASES};
use triage::{
    Category, Channel, Complaint, ComplaintFields, CustomerTier, Evidence, Expectation, FlagSet,
    HandlingFailure, Id, Jurisdiction, Liability, MaliceSignal, Motive, Personality, Profile,
    Right, SafetyLevel, TextCues, Threat, RECORD_CONTRACT,
};

use crate::complaint::{
    ct_complaint, cues_from_checked_c, declared_range, id_bytes, mask, IdBytes, CT_ID_CAPACITY,
};
use crate::result::*;

/// One field of `ct_complaint` and what it may hold.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FieldRule {
    /// The record contract's name of the field (`"id"` for `id_len`; the
    /// text cues, which the contract keeps as one `text`, by their own).
    pub(crate) name: &'static str,
    /// Offset of the field in `ct_complaint`.
    pub(crate) at: usize,
    /// Its size in bytes: 1, 2, 4 or 8 (an unsigned integer).
    pub(crate) width: usize,
    /// Smallest valid value.
    pub(crate) min: u64,
    /// Largest valid value.
    pub(crate) max: u64,
    /// The result naming the field when it is out of range.
    pub(crate) code: ct_result,
}

/// Size of the field at `field` (compile time only; nothing is read).
const fn width<T>(_field: *const T) -> usize {
    size_of::<T>()
}

/// The rule of the complaint field `$path` whose range the record
/// contract declares under `$name`.
macro_rules! contract_rule {
    ($name:expr, $($path:ident).+, $code:expr) => {{
        let (min, max) = declared_range($name);
        let blank = core::mem::MaybeUninit::<ct_complaint>::uninit();
        FieldRule {
            name: $name,
            at: offset_of!(ct_complaint, $($path).+),
            // SAFETY: only the field's address is taken, nothing is read.
            width: width(unsafe { core::ptr::addr_of!((*blank.as_ptr()).$($path).+) }),
            min,
            max,
            code: $code,
        }
    }};
}

/// The rule of a text-cue bit set of `count` values (the contract keeps
/// the text as one field; its cues are sets of the scanner's vocabularies).
macro_rules! cue_rule {
    ($cue:ident, $count:expr, $code:expr) => {{
        let blank = core::mem::MaybeUninit::<ct_complaint>::uninit();
        FieldRule {
            name: concat!("text_cues.", stringify!($cue)),
            at: offset_of!(ct_complaint, text_cues.$cue),
            // SAFETY: only the field's address is taken, nothing is read.
            width: width(unsafe { core::ptr::addr_of!((*blank.as_ptr()).text_cues.$cue) }),
            min: 0,
            max: mask($count) as u64,
            code: $code,
        }
    }};
}

/// Every field of a complaint, in the order it is checked (the record
/// contract's, then the text cues): the first that fails names the error.
/// Ranges come from the contract; the assertions below keep the order and
/// the coverage the contract's.
pub(crate) const RULES: [FieldRule; 33] = [
    contract_rule!("id", id_len, CT_ERR_COMPLAINT_ID),
    contract_rule!("category", category, CT_ERR_COMPLAINT_CATEGORY),
    contract_rule!("channel", channel, CT_ERR_COMPLAINT_CHANNEL),
    contract_rule!(
        "customer_tier",
        customer_tier,
        CT_ERR_COMPLAINT_CUSTOMER_TIER
    ),
    contract_rule!(
        "tenure_months",
        tenure_months,
        CT_ERR_COMPLAINT_TENURE_MONTHS
    ),
    contract_rule!("personality", personality, CT_ERR_COMPLAINT_PERSONALITY),
    contract_rule!("motive", motive, CT_ERR_COMPLAINT_MOTIVE),
    contract_rule!("expectation", expectation, CT_ERR_COMPLAINT_EXPECTATION),
    contract_rule!("emotion", emotion, CT_ERR_COMPLAINT_EMOTION),
    contract_rule!(
        "prior_contacts",
        prior_contacts,
        CT_ERR_COMPLAINT_PRIOR_CONTACTS
    ),
    contract_rule!("hours_open", hours_open, CT_ERR_COMPLAINT_HOURS_OPEN),
    contract_rule!(
        "affected_customers",
        affected_customers,
        CT_ERR_COMPLAINT_AFFECTED_CUSTOMERS
    ),
    contract_rule!("direct_loss", direct_loss, CT_ERR_COMPLAINT_DIRECT_LOSS),
    contract_rule!(
        "claimed_amount",
        claimed_amount,
        CT_ERR_COMPLAINT_CLAIMED_AMOUNT
    ),
    contract_rule!(
        "indirect_loss_claimed",
        indirect_loss_claimed,
        CT_ERR_COMPLAINT_INDIRECT_LOSS_CLAIMED
    ),
    contract_rule!("liability", liability, CT_ERR_COMPLAINT_LIABILITY),
    contract_rule!("evidence", evidence, CT_ERR_COMPLAINT_EVIDENCE),
    contract_rule!("departments", departments, CT_ERR_COMPLAINT_DEPARTMENTS),
    contract_rule!(
        "beyond_authority",
        beyond_authority,
        CT_ERR_COMPLAINT_BEYOND_AUTHORITY
    ),
    contract_rule!(
        "previously_compensated",
        previously_compensated,
        CT_ERR_COMPLAINT_PREVIOUSLY_COMPENSATED
    ),
    contract_rule!(
        "safety_incident",
        safety_incident,
        CT_ERR_COMPLAINT_SAFETY_INCIDENT
    ),
    contract_rule!(
        "sensitive_period",
        sensitive_period,
        CT_ERR_COMPLAINT_SENSITIVE_PERIOD
    ),
    contract_rule!("rights", rights, CT_ERR_COMPLAINT_RIGHTS),
    contract_rule!("threats", threats, CT_ERR_COMPLAINT_THREATS),
    contract_rule!("profile", profile, CT_ERR_COMPLAINT_PROFILE),
    contract_rule!(
        "malice_signals",
        malice_signals,
        CT_ERR_COMPLAINT_MALICE_SIGNALS
    ),
    contract_rule!(
        "handling_failures",
        handling_failures,
        CT_ERR_COMPLAINT_HANDLING_FAILURES
    ),
    contract_rule!("jurisdiction", jurisdiction, CT_ERR_COMPLAINT_JURISDICTION),
    contract_rule!("safety", safety, CT_ERR_COMPLAINT_SAFETY),
    contract_rule!(
        "hours_since_regulator",
        hours_since_regulator,
        CT_ERR_COMPLAINT_HOURS_SINCE_REGULATOR
    ),
    cue_rule!(threats, Threat::COUNT, CT_ERR_COMPLAINT_TEXT_THREATS),
    cue_rule!(
        forbidden_phrases,
        FORBIDDEN_PHRASES.len(),
        CT_ERR_COMPLAINT_TEXT_FORBIDDEN_PHRASES
    ),
    cue_rule!(
        emotion_markers,
        EMOTION_MARKERS.len(),
        CT_ERR_COMPLAINT_TEXT_EMOTION_MARKERS
    ),
];

/// Whether two strings are equal (compile time only).
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() && a[i] == b[i] {
        i += 1;
    }
    i == a.len()
}

// The rules follow the record contract field for field (its last field,
// the text, is the three cues), each range fits its field, and the first
// rule is the id's, which `first_invalid` checks with the id's bytes.
const _: () = {
    let contract = RECORD_CONTRACT.len() - 1;
    assert!(same(RECORD_CONTRACT[contract].name, "text"));
    assert!(RULES.len() == contract + 3, "a field without a rule");
    let mut i = 0;
    while i < RULES.len() {
        let r = RULES[i];
        assert!(
            i >= contract || same(r.name, RECORD_CONTRACT[i].name),
            "rules out of the contract's order"
        );
        assert!(matches!(r.width, 1 | 2 | 4 | 8) && r.at.is_multiple_of(r.width));
        assert!(r.min <= r.max && (r.width == 8 || r.max < 1 << (8 * r.width)));
        i += 1;
    }
    assert!(
        RULES[0].at == offset_of!(ct_complaint, id_len) && RULES[0].max == CT_ID_CAPACITY as u64
    );
};

/// The value of the field of `rule` in the complaint at `p`.
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_complaint`.
#[inline(always)]
pub(crate) unsafe fn value(p: *const ct_complaint, rule: &FieldRule) -> u64 {
    // SAFETY: the caller guarantees `p` is readable and aligned; the rule
    // is a field of the struct, aligned to its width (asserted above).
    unsafe {
        let at = p.cast::<u8>().add(rule.at);
        match rule.width {
            1 => u64::from(at.read()),
            2 => u64::from(at.cast::<u16>().read()),
            4 => u64::from(at.cast::<u32>().read()),
            _ => at.cast::<u64>().read(),
        }
    }
}

/// The code naming the first invalid field of the complaint at `p`, in
/// [`RULES`] order, the id (length and UTF-8) first; `None` when every
/// field is valid.
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_complaint`.
#[inline(always)]
pub(crate) unsafe fn first_invalid(p: *const ct_complaint) -> Option<ct_result> {
    // SAFETY: forwarded from the caller; the length is checked before the
    // bytes are read, within the array.
    let id_ok = unsafe {
        let len = usize::from((*p).id_len);
        len <= CT_ID_CAPACITY
            && core::str::from_utf8(core::slice::from_raw_parts(
                core::ptr::addr_of!((*p).id).cast::<u8>(),
                len,
            ))
            .is_ok()
    };
    if !id_ok {
        return Some(RULES[0].code);
    }
    // SAFETY: forwarded from the caller.
    unsafe { first_invalid_after_id(p) }
}

/// [`first_invalid`] of the rules after the id's.
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_complaint`.
#[inline(always)]
unsafe fn first_invalid_after_id(p: *const ct_complaint) -> Option<ct_result> {
    // One compare and branch per rule, written out (the rules are
    // constants, so each read has its width and bounds built in).
    macro_rules! each_rule {
        ($($i:literal)+) => {$({
            const RULE: FieldRule = RULES[$i];
            // SAFETY: forwarded from the caller.
            let v = unsafe { value(p, &RULE) };
            if !(RULE.min..=RULE.max).contains(&v) {
                return Some(RULE.code);
            }
        })+};
    }
    each_rule!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32);
    None
}

const _: () = assert!(
    RULES.len() == 33,
    "each_rule! lists every rule but the id's"
);

/// Checks the complaint at `p` field by field, as [`first_invalid`], and
/// copies its id into `id`, zero past its length (an ASCII id, the usual
/// one, needs no UTF-8 decoding).
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_complaint`
/// that stays unchanged for `'a`.
#[cfg_attr(not(test), allow(dead_code))]
#[inline(always)]
pub(crate) unsafe fn check<'a>(
    p: *const ct_complaint,
    id: &mut IdBytes,
) -> Result<Checked<'a>, ct_result> {
    // SAFETY: forwarded from the caller; `id_bytes` reads the id array
    // only once its length is known to be within it.
    unsafe {
        let len = (*p).id_len;
        let id_ok = usize::from(len) <= CT_ID_CAPACITY
            && (id_bytes(p, len, id) || core::str::from_utf8(&id[..usize::from(len)]).is_ok());
        if !id_ok {
            return Err(RULES[0].code);
        }
        if let Some(code) = first_invalid_after_id(p) {
            return Err(code);
        }
        Ok(Checked::trusted(&*p))
    }
}

/// A caller's complaint every rule of which holds (the id's UTF-8
/// included), read by grading as it lies in the caller's memory: a
/// vocabulary index is the discriminant of its value, a yes/no byte 0 or
/// 1, a list's bits within its vocabulary.
pub(crate) struct Checked<'a>(&'a ct_complaint);

impl<'a> Checked<'a> {
    /// A complaint known to satisfy every rule.
    ///
    /// # Safety
    /// Every rule of [`RULES`] must hold for `c` and its id must be UTF-8.
    #[inline(always)]
    pub(crate) unsafe fn trusted(c: &'a ct_complaint) -> Self {
        Checked(c)
    }

    /// Length of the id in bytes.
    #[inline(always)]
    pub(crate) fn id_len(&self) -> u8 {
        self.0.id_len
    }
}

/// The value of a vocabulary at an index already checked to be below its
/// `COUNT`. Every vocabulary is a `repr(u8)` enum whose value of index `i`
/// has discriminant `i` (`index()` is `self as u8`); the assertion below
/// checks it for each type this is used with, at compile time.
macro_rules! code_at {
    ($t:ty, $index:expr) => {{
        const _: () = {
            let mut i = 0;
            while i < <$t>::COUNT {
                assert!(<$t>::ALL[i] as u8 as usize == i);
                i += 1;
            }
        };
        let index: u8 = $index;
        debug_assert!(usize::from(index) < <$t>::COUNT);
        // SAFETY: `index` is below `COUNT` (checked by the rules) and is
        // then the discriminant of `ALL[index]` (asserted above); the enum
        // is `repr(u8)`.
        unsafe { core::mem::transmute::<u8, $t>(index) }
    }};
}

/// Implements [`ComplaintFields`] for [`Checked`], one method per field by
/// its kind (a vocabulary index read as its value, a number as it is, a
/// yes/no byte as a `bool`, a list's bits as a set), and the copy of a
/// checked complaint into a core `Complaint`.
macro_rules! checked_fields {
    (
        codes { $($code:ident: $code_t:ty),* $(,)? }
        numbers { $($number:ident: $number_t:ty),* $(,)? }
        yes_no { $($yes_no:ident),* $(,)? }
        lists { $($list:ident: $list_t:ty),* $(,)? }
    ) => {
        impl ComplaintFields for Checked<'_> {
            $(
                #[inline(always)]
                fn $code(&self) -> $code_t {
                    code_at!($code_t, self.0.$code)
                }
            )*
            $(
                #[inline(always)]
                fn $number(&self) -> $number_t {
                    self.0.$number
                }
            )*
            $(
                #[inline(always)]
                fn $yes_no(&self) -> bool {
                    self.0.$yes_no != 0
                }
            )*
            $(
                #[inline(always)]
                fn $list(&self) -> FlagSet<$list_t> {
                    FlagSet::from_bits_truncate(self.0.$list)
                }
            )*
            #[inline(always)]
            fn text_cues(&self) -> TextCues {
                cues_from_checked_c(self.0.text_cues)
            }
        }

        impl Checked<'_> {
            /// The core form of the complaint, with `id` as its id.
            pub(crate) fn to_complaint(&self, id: Id) -> Complaint {
                Complaint {
                    id,
                    $( $code: self.$code(), )*
                    $( $number: self.$number(), )*
                    $( $yes_no: self.$yes_no(), )*
                    $( $list: self.$list(), )*
                    text_cues: self.text_cues(),
                }
            }
        }
    };
}

checked_fields! {
    codes {
        category: Category,
        channel: Channel,
        customer_tier: CustomerTier,
        personality: Personality,
        motive: Motive,
        expectation: Expectation,
        liability: Liability,
        evidence: Evidence,
        jurisdiction: Jurisdiction,
        safety: SafetyLevel,
    }
    numbers {
        tenure_months: u16,
        emotion: u8,
        prior_contacts: u16,
        hours_open: u32,
        affected_customers: u32,
        direct_loss: u64,
        claimed_amount: u64,
        departments: u8,
        hours_since_regulator: u32,
    }
    yes_no {
        indirect_loss_claimed,
        beyond_authority,
        previously_compensated,
        safety_incident,
        sensitive_period,
    }
    lists {
        rights: Right,
        threats: Threat,
        profile: Profile,
        malice_signals: MaliceSignal,
        handling_failures: HandlingFailure,
    }
}

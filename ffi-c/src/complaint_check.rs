//! The one check of a caller's `ct_complaint`: every field's valid range
//! and the code naming it, declared once ([`RULES`]), and the plain check
//! that walks them field by field. `ct_complaint_validate`, the copy into
//! a core `Complaint` and `ct_assess` all go through it (`ct_assess` by way
//! of the faster window check of [`crate::complaint_check_windows`], which
//! is made from the same rules and gives the same verdict).

use core::mem::{offset_of, size_of};

use triage::scan::{EMOTION_MARKERS, FORBIDDEN_PHRASES};
use triage::{
    Category, CausalLink, Channel, Complaint, ComplaintFields, Currency, CustomerTier, Evidence,
    Expectation, FlagSet, HandlingFailure, Id, Jurisdiction, Liability, MaliceSignal, Motive,
    Personality, Profile, Right, SafetyLevel, TextFacts, Threat, Vulnerability, RECORD_CONTRACT,
};

use crate::complaint::{
    ct_complaint, declared_range, facts_from_checked_c, id_bytes, mask, IdBytes, CT_ID_CAPACITY,
    CT_MAX_AMOUNT, CT_MAX_TEXT_SCOPE,
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

/// The rule of a field of the text facts, with its largest value (one
/// code, `CT_ERR_COMPLAINT_TEXT_FACTS`, names them all).
macro_rules! fact_rule {
    ($fact:ident, $max:expr) => {{
        let blank = core::mem::MaybeUninit::<ct_complaint>::uninit();
        FieldRule {
            name: concat!("text_facts.", stringify!($fact)),
            at: offset_of!(ct_complaint, text_facts.$fact),
            // SAFETY: only the field's address is taken, nothing is read.
            width: width(unsafe { core::ptr::addr_of!((*blank.as_ptr()).text_facts.$fact) }),
            min: 0,
            max: $max as u64,
            code: CT_ERR_COMPLAINT_TEXT_FACTS,
        }
    }};
}

/// How many rules the text's cues and facts add to the contract's.
const TEXT_RULES: usize = 3 + 11;

/// The `CT_ERR_COMPLAINT_*` code that names the record contract's field
/// `name` (compile time only): the one of 110-149 whose
/// `ct_result_field` is `name`. Codes are ABI, so each is written once in
/// `result.rs` (a new field's appended) and found here by its field.
const fn complaint_code(name: &str) -> ct_result {
    let mut i = 0;
    while i < ct_result::ALL.len() {
        let code = ct_result::ALL[i];
        let n = code as u32;
        if n >= 110 && n < 150 && same_bytes(name.as_bytes(), code.describe().field.to_bytes()) {
            return code;
        }
        i += 1;
    }
    panic!("a field of the record contract has no CT_ERR_COMPLAINT_* code in ffi-c/src/result.rs")
}

/// Every field of a complaint, in the order it is checked (the record
/// contract's, then the text cues): the first that fails names the error.
/// The rules are made from the contract ([`triage::for_each_record_field`]):
/// each field of `ct_complaint` has the contract's name, range and the
/// result code whose `ct_result_field` is that name.
macro_rules! contract_rules {
    ($($kind:ident $name:ident: $ty:ty;)+) => {
        pub(crate) const RULES: [FieldRule; RECORD_CONTRACT.len() - 1 + TEXT_RULES] = [
            contract_rule!("id", id_len, CT_ERR_COMPLAINT_ID),
            $( contract_rule!(
                stringify!($name),
                $name,
                complaint_code(stringify!($name))
            ), )+
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
            fact_rule!(largest_amount, CT_MAX_AMOUNT),
            fact_rule!(malice_signals, mask(MaliceSignal::COUNT)),
            fact_rule!(safety, SafetyLevel::COUNT - 1),
            fact_rule!(vulnerability, mask(Vulnerability::COUNT)),
            fact_rule!(scope, CT_MAX_TEXT_SCOPE),
            fact_rule!(currency, Currency::COUNT - 1),
            // 1 + a category index, `other` (the last) excluded.
            fact_rule!(category, Category::COUNT - 1),
            fact_rule!(loss_currency, Currency::COUNT - 1),
            fact_rule!(data_exposure, 1),
            fact_rule!(largest_loss, CT_MAX_AMOUNT),
            fact_rule!(handling_failures, mask(HandlingFailure::COUNT)),
        ];
    };
}

triage::for_each_record_field!(contract_rules);

/// Whether two strings are equal (compile time only).
const fn same(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

/// Whether two byte strings are equal (compile time only).
const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
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
    assert!(
        RULES.len() == contract + TEXT_RULES,
        "a field without a rule"
    );
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

/// Rule `i`, if there is one (compile time: past the last rule, the
/// written-out checks below have nothing to check).
const fn rule_at(i: usize) -> Option<FieldRule> {
    if i < RULES.len() {
        Some(RULES[i])
    } else {
        None
    }
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
            const RULE: Option<FieldRule> = rule_at($i);
            if let Some(rule) = RULE {
                // SAFETY: forwarded from the caller.
                let v = unsafe { value(p, &rule) };
                if !(rule.min..=rule.max).contains(&v) {
                    return Some(rule.code);
                }
            }
        })+};
    }
    each_rule!(
        1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30
        31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50
    );
    None
}

const _: () = assert!(
    RULES.len() <= 51,
    "each_rule! lists every rule but the id's: extend its list"
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

/// One method of [`ComplaintFields`] for [`Checked`], by the field's kind:
/// a vocabulary index read as its value, a number as it is, a yes/no byte
/// as a `bool`, a list's bits as a set.
macro_rules! checked_method {
    (code $name:ident: $ty:ty) => {
        #[inline(always)]
        fn $name(&self) -> $ty {
            code_at!($ty, self.0.$name)
        }
    };
    (int $name:ident: $ty:ty) => {
        #[inline(always)]
        fn $name(&self) -> $ty {
            self.0.$name
        }
    };
    (bool $name:ident: $ty:ty) => {
        #[inline(always)]
        fn $name(&self) -> $ty {
            self.0.$name != 0
        }
    };
    (list $name:ident: $ty:ty) => {
        #[inline(always)]
        fn $name(&self) -> $ty {
            <$ty>::from_bits_truncate(self.0.$name)
        }
    };
}

/// Implements [`ComplaintFields`] for [`Checked`], one method per field of
/// the record contract, and the copy of a checked complaint into a core
/// `Complaint`.
macro_rules! checked_fields {
    ($($kind:ident $name:ident: $ty:ty;)+) => {
        impl ComplaintFields for Checked<'_> {
            $( checked_method!($kind $name: $ty); )+
            #[inline(always)]
            fn text_cues(&self) -> TextFacts {
                facts_from_checked_c(self.0.text_cues, self.0.text_facts)
            }
        }

        impl Checked<'_> {
            /// The core form of the complaint, with `id` as its id.
            pub(crate) fn to_complaint(&self, id: Id) -> Complaint {
                Complaint {
                    id,
                    $( $name: self.$name(), )+
                    text_cues: self.text_cues(),
                }
            }
        }
    };
}

triage::for_each_record_field!(checked_fields);

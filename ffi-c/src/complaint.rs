//! `ct_complaint`: one complaint, as a C program fills it or as the JSON
//! record contract describes it; and the text-cue scanner.

use core::ffi::c_char;

use triage::scan::{EMOTION_MARKERS, FORBIDDEN_PHRASES};
use triage::{parse_complaint, scan_text, Complaint, Id, TextFacts, Threat, ID_CAPACITY};

/// The check of a caller's complaint, shared by `ct_assess`,
/// `ct_complaint_validate` and every copy into a core `Complaint`.
pub(crate) use crate::complaint_check_windows::check as check_complaint;
use crate::error::{boundary_err, ct_error};
use crate::result::*;
use crate::util::{boundary, bytes, check, check_mut, get, put, write_id};

/// Longest id, in UTF-8 bytes (the `id` arrays hold one more byte for a NUL).
pub const CT_ID_CAPACITY: usize = 64;
/// Size of the `id` arrays: `CT_ID_CAPACITY` bytes and a NUL.
pub const CT_ID_ARRAY_SIZE: usize = 65;
/// Largest `tenure_months` of the record contract.
pub const CT_MAX_TENURE_MONTHS: u16 = 1200;
/// Largest `emotion` (0 calm to 10).
pub const CT_MAX_EMOTION: u8 = 10;
/// Largest `prior_contacts`.
pub const CT_MAX_PRIOR_CONTACTS: u16 = 10_000;
/// Largest `hours_open`.
pub const CT_MAX_HOURS_OPEN: u32 = 1_000_000;
/// Largest `affected_customers` (the smallest is 1).
pub const CT_MAX_AFFECTED_CUSTOMERS: u32 = 1_000_000_000;
/// Largest `direct_loss` and `claimed_amount`, in minor currency units.
pub const CT_MAX_AMOUNT: u64 = 1_000_000_000_000_000;
/// Largest `departments` (the smallest is 1).
pub const CT_MAX_DEPARTMENTS: u8 = 100;

const _: () = assert!(CT_ID_CAPACITY == ID_CAPACITY && CT_ID_ARRAY_SIZE == CT_ID_CAPACITY + 1);

/// The declared `(min, max)` of the record contract's field `name`
/// (compile time only): the `CT_MAX_*` constants above are literals for
/// cbindgen, and the assertion below keeps them the declared ranges.
pub(crate) const fn declared_range(name: &str) -> (u64, u64) {
    let fields = triage::RECORD_CONTRACT;
    let mut i = 0;
    while i < fields.len() {
        let (a, b) = (fields[i].name.as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return (fields[i].min, fields[i].max);
            }
        }
        i += 1;
    }
    panic!("no such field in the record contract")
}

const _: () = {
    let ranges = [
        (
            declared_range("tenure_months"),
            (0, CT_MAX_TENURE_MONTHS as u64),
        ),
        (declared_range("emotion"), (0, CT_MAX_EMOTION as u64)),
        (
            declared_range("prior_contacts"),
            (0, CT_MAX_PRIOR_CONTACTS as u64),
        ),
        (declared_range("hours_open"), (0, CT_MAX_HOURS_OPEN as u64)),
        (
            declared_range("hours_since_regulator"),
            (0, CT_MAX_HOURS_OPEN as u64),
        ),
        (
            declared_range("affected_customers"),
            (1, CT_MAX_AFFECTED_CUSTOMERS as u64),
        ),
        (declared_range("direct_loss"), (0, CT_MAX_AMOUNT)),
        (declared_range("claimed_amount"), (0, CT_MAX_AMOUNT)),
        (
            declared_range("departments"),
            (1, CT_MAX_DEPARTMENTS as u64),
        ),
    ];
    let mut i = 0;
    while i < ranges.len() {
        let (declared, here) = ranges[i];
        assert!(
            declared.0 == here.0 && declared.1 == here.1,
            "a CT_MAX_* constant differs from the record contract"
        );
        i += 1;
    }
};

/// What the free text of a complaint revealed: three bit sets.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ct_text_cues {
    /// Forbidden agent phrases: bit `i` is value `i` of `CT_VOCAB_FORBIDDEN_PHRASE`.
    pub forbidden_phrases: u16,
    /// Threats: bit `i` is value `i` of `CT_VOCAB_THREAT`.
    pub threats: u8,
    /// Strong-emotion markers: bit `i` is value `i` of `CT_VOCAB_EMOTION_MARKER`.
    pub emotion_markers: u8,
}

/// What else the free text of a complaint showed, in the record's
/// vocabularies: what grading reads besides the three bit sets of
/// `ct_text_cues`. The text raises a field only where the complaint left it
/// at its default (see `core/src/merge.rs`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ct_text_facts {
    /// The largest amount of money stated, in minor units, up to
    /// `CT_MAX_AMOUNT` (0: none).
    pub largest_amount: u64,
    /// The longest stated duration of the problem or the wait, in hours.
    pub elapsed_hours: u32,
    /// Malice signs: bits of `CT_VOCAB_MALICE_SIGNAL`.
    pub malice_signals: u16,
    /// The most serious harm stated: `CT_VOCAB_SAFETY_LEVEL`.
    pub safety: u8,
    /// Vulnerable people: bits of `CT_VOCAB_VULNERABILITY`.
    pub vulnerability: u8,
    /// How widely customers are affected: 0 one, 1 a building, 2 a
    /// district, 3 a city, 4 everyone.
    pub scope: u8,
    /// This contact is the Nth about the issue (0: not stated).
    pub repetition: u8,
    /// The currency of `largest_amount`: `CT_VOCAB_CURRENCY`.
    pub currency: u8,
    /// The category the text suggests: 0 none, else 1 + a
    /// `CT_VOCAB_CATEGORY` value (never `other`). Grading uses it when
    /// `category` is left `other`.
    pub category: u8,
    /// The currency of `largest_loss`: `CT_VOCAB_CURRENCY`.
    pub loss_currency: u8,
    /// 1 when the customer tells of their personal data exposed (a bill
    /// sent to someone else, details leaked or sold), else 0. Grading sets
    /// `data_breach` by it when the complaint left it 0.
    pub data_exposure: u8,
    /// How staff treated the customer, as the customer tells it: bits of
    /// `CT_VOCAB_HANDLING_FAILURE` (`rude`, `nonverbal_rejection`). Grading
    /// adds each to `handling_failures` where the complaint lacks it, for
    /// its points and the attitude gate.
    pub handling_failures: u16,
    /// The largest amount stated as a price paid or a direct loss, in
    /// minor units, up to `CT_MAX_AMOUNT` (0: none). Grading uses it as
    /// `direct_loss` when that is left 0 and `currency` is unspecified or
    /// `loss_currency`.
    pub largest_loss: u64,
}

/// Largest `ct_text_facts.scope`.
pub const CT_MAX_TEXT_SCOPE: u8 = 4;

// ABI: the layout of the fields below is fixed once published. A field
// added to the record contract took a byte of `reserved` while one was left
// (a code or a yes/no; `safety` took the last), else it is appended by hand
// at the end, aligned, with explicit padding; its `CT_ERR_COMPLAINT_*` in
// `result.rs` takes the next free number of 141-149. Every field keeps its contract name: the
// checks, conversions and `ComplaintFields` of `complaint_check.rs` and
// `from_core` below are made from the contract by that name
// (`triage::for_each_record_field!`). See core/CONTRACT.md.
/// One complaint: every factor the rubric reads.
///
/// Fill it with `ct_complaint_init` (the record contract's defaults) then
/// set fields, or with `ct_complaint_from_json`. Vocabulary fields hold an
/// index of their `CT_VOCAB_*`; list fields a bit set (bit `i` = index
/// `i`); yes/no fields 0 or 1. `ct_assess` validates every field and names
/// the first invalid one in its result code.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ct_complaint {
    // BEGIN fields: kept up with the record contract by `cargo run -p contract-gen`
    /// Direct loss, in minor currency units, up to `CT_MAX_AMOUNT`.
    pub direct_loss: u64,
    /// Amount the customer claims, in minor currency units, up to `CT_MAX_AMOUNT`.
    pub claimed_amount: u64,
    /// Hours since the complaint was first raised, up to `CT_MAX_HOURS_OPEN`.
    pub hours_open: u32,
    /// How many customers the problem affects, 1 to `CT_MAX_AFFECTED_CUSTOMERS`.
    pub affected_customers: u32,
    /// Months as a customer, up to `CT_MAX_TENURE_MONTHS`.
    pub tenure_months: u16,
    /// Earlier contacts about the same issue, up to `CT_MAX_PRIOR_CONTACTS`.
    pub prior_contacts: u16,
    /// Consumer rights at stake: bits of `CT_VOCAB_RIGHT`.
    pub rights: u16,
    /// Threats the customer made: bits of `CT_VOCAB_THREAT`.
    pub threats: u16,
    /// Difficult-customer profiles: bits of `CT_VOCAB_PROFILE`.
    pub profile: u16,
    /// Signs of a malicious complaint: bits of `CT_VOCAB_MALICE_SIGNAL`.
    pub malice_signals: u16,
    /// How the company made it worse: bits of `CT_VOCAB_HANDLING_FAILURE`.
    pub handling_failures: u16,
    /// What the free text revealed (`ct_complaint_add_text` merges into it).
    pub text_cues: ct_text_cues,
    /// What the complaint is about: `CT_VOCAB_CATEGORY` (default `other`).
    pub category: u8,
    /// Where it was raised: `CT_VOCAB_CHANNEL` (default `hotline`).
    pub channel: u8,
    /// The customer's value tier: `CT_VOCAB_CUSTOMER_TIER` (default `standard`).
    pub customer_tier: u8,
    /// Social style: `CT_VOCAB_PERSONALITY` (default `unknown`).
    pub personality: u8,
    /// Why the customer complains: `CT_VOCAB_MOTIVE` (default `unknown`).
    pub motive: u8,
    /// What the customer expects: `CT_VOCAB_EXPECTATION` (default `unknown`).
    pub expectation: u8,
    /// Who is responsible: `CT_VOCAB_LIABILITY` (default `unknown`).
    pub liability: u8,
    /// What evidence backs the complaint: `CT_VOCAB_EVIDENCE` (default `not_given`).
    pub evidence: u8,
    /// Whose outer deadline applies: `CT_VOCAB_JURISDICTION` (default `none`).
    pub jurisdiction: u8,
    /// Emotion intensity, 0 (calm) to `CT_MAX_EMOTION`.
    pub emotion: u8,
    /// Departments that must act, 1 to `CT_MAX_DEPARTMENTS` (default 1).
    pub departments: u8,
    /// 1 if the customer also claims indirect loss, else 0.
    pub indirect_loss_claimed: u8,
    /// 1 if the remedy is beyond the front line's authority, else 0.
    pub beyond_authority: u8,
    /// 1 if the customer was compensated before for the same issue, else 0.
    pub previously_compensated: u8,
    /// 1 if a person or property was harmed, else 0.
    pub safety_incident: u8,
    /// 1 if it falls in a sensitive period (holiday, event, launch), else 0.
    pub sensitive_period: u8,
    /// Length of `id` in bytes, 0 to `CT_ID_CAPACITY`.
    pub id_len: u8,
    /// The caller's identifier, UTF-8, echoed in the assessment. The first
    /// `id_len` bytes count; the library keeps it NUL-terminated.
    pub id: [c_char; CT_ID_ARRAY_SIZE],
    /// ISO 4217 currency of `direct_loss` and `claimed_amount`; `unspecified` takes the policy's default money bands: `CT_VOCAB_CURRENCY` (default `unspecified`).
    pub currency: u8,
    /// Whether the claimed loss follows from what went wrong: `CT_VOCAB_CAUSAL_LINK` (default `not_given`).
    pub causal_link: u8,
    /// Whether the customer's personal data was exposed: 1 for yes, 0 for no.
    pub data_breach: u8,
    /// How badly a person or property was harmed, from a hazard to a death: `CT_VOCAB_SAFETY_LEVEL` (default `none`).
    pub safety: u8,
    /// What makes the customer vulnerable: bits of `CT_VOCAB_VULNERABILITY`.
    pub vulnerability: u16,
    /// Padding to the alignment of `hours_since_regulator`, set to 0 by the
    /// library and ignored (no implicit padding).
    pub padding: [u8; 2],
    /// Hours since the complaint reached the regulator or ombudsman (its
    /// channel), up to `CT_MAX_HOURS_OPEN`: the regulator's own clock.
    pub hours_since_regulator: u32,
    /// What else the free text showed (`ct_complaint_add_text` merges into
    /// it), appended at the end, aligned, after the gates' fields.
    pub text_facts: ct_text_facts,
    // END fields
}

impl Default for ct_complaint {
    /// The record contract's defaults (as `ct_complaint_init` sets them).
    fn default() -> Self {
        from_core(&Complaint::DEFAULT)
    }
}

/// The C form of the three bit sets of text facts.
pub(crate) const fn cues_to_c(c: TextFacts) -> ct_text_cues {
    ct_text_cues {
        forbidden_phrases: c.forbidden_phrases,
        threats: c.threats,
        emotion_markers: c.emotion_markers,
    }
}

/// Bits of `n` values.
pub(crate) const fn mask(n: usize) -> u32 {
    if n >= 32 {
        u32::MAX
    } else {
        (1u32 << n) - 1
    }
}

/// The C form of the other text facts.
pub(crate) const fn facts_to_c(c: TextFacts) -> ct_text_facts {
    ct_text_facts {
        largest_amount: c.largest_amount,
        elapsed_hours: c.elapsed_hours,
        malice_signals: c.malice_signals,
        safety: c.safety,
        vulnerability: c.vulnerability,
        scope: c.scope,
        repetition: c.repetition,
        currency: c.currency,
        category: c.category,
        loss_currency: c.loss_currency,
        data_exposure: c.data_exposure as u8,
        handling_failures: c.handling_failures,
        largest_loss: c.largest_loss,
    }
}

/// Checks the bits of C text cues.
pub(crate) fn cues_from_c(c: ct_text_cues, codes: [ct_result; 3]) -> Result<TextFacts, ct_result> {
    if u32::from(c.threats) & !mask(Threat::COUNT) != 0 {
        return Err(codes[0]);
    }
    if u32::from(c.forbidden_phrases) & !mask(FORBIDDEN_PHRASES.len()) != 0 {
        return Err(codes[1]);
    }
    if u32::from(c.emotion_markers) & !mask(EMOTION_MARKERS.len()) != 0 {
        return Err(codes[2]);
    }
    Ok(cues_from_checked_c(c))
}

/// The core form of C text cues whose bits were checked.
pub(crate) const fn cues_from_checked_c(c: ct_text_cues) -> TextFacts {
    TextFacts {
        threats: c.threats,
        forbidden_phrases: c.forbidden_phrases,
        emotion_markers: c.emotion_markers,
        ..TextFacts::NONE
    }
}

/// The core form of a complaint's C text cues and facts, checked.
pub(crate) const fn facts_from_checked_c(c: ct_text_cues, f: ct_text_facts) -> TextFacts {
    TextFacts {
        largest_amount: f.largest_amount,
        elapsed_hours: f.elapsed_hours,
        malice_signals: f.malice_signals,
        safety: f.safety,
        vulnerability: f.vulnerability,
        scope: f.scope,
        repetition: f.repetition,
        currency: f.currency,
        category: f.category,
        largest_loss: f.largest_loss,
        loss_currency: f.loss_currency,
        data_exposure: f.data_exposure != 0,
        handling_failures: f.handling_failures,
        ..cues_from_checked_c(c)
    }
}

/// The C form of one field of a core complaint, by its kind.
macro_rules! to_c {
    (code $v:expr) => {
        $v.index()
    };
    (list $v:expr) => {
        $v.bits()
    };
    (int $v:expr) => {
        $v
    };
    (bool $v:expr) => {
        u8::from($v)
    };
}

/// [`from_core`], one field of `ct_complaint` per field of the record
/// contract (each has the contract's name), then the id and the cues.
macro_rules! from_core_fields {
    ($($kind:ident $name:ident: $ty:ty;)+) => {
        /// The C form of a core complaint.
        pub(crate) fn from_core(c: &Complaint) -> ct_complaint {
            let mut id = [0 as c_char; CT_ID_CAPACITY + 1];
            let bytes = c.id.as_bytes();
            let n = bytes.len().min(CT_ID_CAPACITY);
            for (slot, b) in id.iter_mut().zip(&bytes[..n]) {
                *slot = *b as c_char;
            }
            ct_complaint {
                $( $name: to_c!($kind c.$name), )+
                text_cues: cues_to_c(c.text_cues),
                text_facts: facts_to_c(c.text_cues),
                id_len: n as u8,
                id,
                padding: Default::default(),
            }
        }
    };
}

triage::for_each_record_field!(from_core_fields);

/// A 0/1 flag of a C struct.
pub(crate) fn flag(v: u8, code: ct_result) -> Result<bool, ct_result> {
    match v {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(code),
    }
}

/// Reads and validates a caller's complaint, with the check `ct_assess`
/// uses; the error names the first invalid field, in the order of the
/// record contract.
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_complaint`.
pub(crate) unsafe fn to_core(p: *const ct_complaint) -> Result<Complaint, ct_result> {
    let mut id = [0; CT_ID_CAPACITY];
    // SAFETY: forwarded from the caller; the complaint is only read here.
    let checked = unsafe { check_complaint(p, &mut id) }?;
    // The check accepted the id's bytes as UTF-8: this turns them into a
    // `str` for the core's `Id`, and cannot fail.
    let id = core::str::from_utf8(&id[..usize::from(checked.id_len())])
        .ok()
        .and_then(|s| Id::try_from(s).ok())
        .ok_or(CT_ERR_COMPLAINT_ID)?;
    Ok(checked.to_complaint(id))
}

/// `0, 1, ..., 63`: byte positions in an id, compared with its length a
/// vector at a time.
const ID_POSITIONS: [u8; CT_ID_CAPACITY] = {
    let mut p = [0u8; CT_ID_CAPACITY];
    let mut i = 0;
    while i < CT_ID_CAPACITY {
        p[i] = i as u8;
        i += 1;
    }
    p
};

/// The id array of a caller's complaint with the bytes from `len` on
/// zeroed, and whether they are all ASCII: all of the array is read, with
/// no branch per byte (SSE2, part of every x86-64, 16 bytes at a time).
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_complaint`;
/// `len` must be at most `CT_ID_CAPACITY`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(crate) unsafe fn id_bytes(p: *const ct_complaint, len: u8, out: &mut IdBytes) -> bool {
    use core::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_setzero_si128, _mm_storeu_si128,
    };
    let src = core::ptr::addr_of!((*p).id).cast::<__m128i>();
    let dst = out.as_mut_ptr().cast::<__m128i>();
    let positions = ID_POSITIONS.as_ptr().cast::<__m128i>();
    // SAFETY: SSE2 is enabled on every x86-64 target; the loads read the
    // first `CT_ID_CAPACITY` bytes of the id array (of `CT_ID_CAPACITY +
    // 1`) and the positions table, the stores write `out`, all unaligned.
    // `len <= 64` and the positions are below 64, so the signed byte
    // compare is the unsigned one.
    unsafe {
        let len = _mm_set1_epi8(len as i8);
        let mut high = _mm_setzero_si128();
        for k in 0..CT_ID_CAPACITY / 16 {
            let keep = _mm_cmplt_epi8(_mm_loadu_si128(positions.add(k)), len);
            let bytes = _mm_and_si128(_mm_loadu_si128(src.add(k)), keep);
            high = _mm_or_si128(high, bytes);
            _mm_storeu_si128(dst.add(k), bytes);
        }
        _mm_movemask_epi8(high) == 0
    }
}

/// The id array of a caller's complaint with the bytes from `len` on
/// zeroed, and whether they are all ASCII (portable form).
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_complaint`.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
pub(crate) unsafe fn id_bytes(p: *const ct_complaint, len: u8, out: &mut IdBytes) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe { id_bytes_portable(p, len, out) }
}

/// [`id_bytes`] without SSE2, for other targets (and compared with the
/// SSE2 one by the tests).
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_complaint`.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
#[inline(always)]
pub(crate) unsafe fn id_bytes_portable(p: *const ct_complaint, len: u8, out: &mut IdBytes) -> bool {
    // SAFETY: the caller guarantees `p` is readable; the array holds
    // `CT_ID_CAPACITY + 1` bytes.
    let raw = unsafe {
        core::ptr::addr_of!((*p).id)
            .cast::<[u8; CT_ID_CAPACITY]>()
            .read_unaligned()
    };
    let mut high = 0;
    for ((slot, b), i) in out.iter_mut().zip(raw).zip(ID_POSITIONS) {
        *slot = if i < len { b } else { 0 };
        high |= *slot;
    }
    high < 0x80
}

/// An id as `ct_assess` echoes it: `CT_ID_CAPACITY` bytes, zero past its
/// length (the array's last byte, the NUL, is written apart).
pub(crate) type IdBytes = [u8; CT_ID_CAPACITY];

/// Sets `*out` to the record contract's defaults: category `other`,
/// channel `hotline`, customer tier `standard`, one affected customer, one
/// department, every other value unknown, none, 0 or empty; an empty id.
///
/// Returns `CT_ERR_NULL_POINTER` when `out` is NULL.
///
/// # Safety
/// `out` must be NULL or point to a writable `ct_complaint`.
#[no_mangle]
pub unsafe extern "C" fn ct_complaint_init(out: *mut ct_complaint) -> ct_result {
    boundary(|| {
        check_mut(out)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(ct_complaint::default()) };
        Ok(())
    })
}

/// Parses one complaint record (a JSON object of the record contract, `len`
/// bytes at `json`, UTF-8, no NUL needed) into `*out`, scanning its `text`
/// for cues.
///
/// On failure returns `CT_ERR_NULL_POINTER` (`json` or `out` NULL) or a
/// `2xx` JSON error, fills `*err` (which may be NULL) with the kind, byte
/// offset, field, list index and message, and leaves `*out` untouched.
///
/// # Safety
/// `json` must be NULL or point to `len` readable bytes; `out` must be NULL
/// or point to a writable `ct_complaint`; `err` must be NULL or point to a
/// writable `ct_error`.
#[no_mangle]
pub unsafe extern "C" fn ct_complaint_from_json(
    json: *const c_char,
    len: usize,
    out: *mut ct_complaint,
    err: *mut ct_error,
) -> ct_result {
    // SAFETY: `err` is forwarded from the caller.
    unsafe {
        boundary_err(err, || {
            let input = bytes(json, len)?;
            check_mut(out)?;
            let complaint = parse_complaint(input)?;
            out.write(from_core(&complaint));
            Ok(())
        })
    }
}

/// Sets the id of `*complaint` to the `len` bytes at `id` (UTF-8, no NUL
/// needed, at most `CT_ID_CAPACITY` bytes); the array stays NUL-terminated.
///
/// Returns `CT_ERR_ID_TOO_LONG`, `CT_ERR_INVALID_UTF8` or
/// `CT_ERR_NULL_POINTER` and leaves the complaint untouched on failure.
///
/// # Safety
/// `complaint` must be NULL or point to a writable `ct_complaint`; `id`
/// must be NULL or point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn ct_complaint_set_id(
    complaint: *mut ct_complaint,
    id: *const c_char,
    len: usize,
) -> ct_result {
    boundary(|| {
        check_mut(complaint)?;
        // SAFETY: forwarded from the caller.
        let id = unsafe { bytes(id, len) }?;
        if id.len() > CT_ID_CAPACITY {
            return Err(CT_ERR_ID_TOO_LONG);
        }
        let id = core::str::from_utf8(id).map_err(|_| CT_ERR_INVALID_UTF8)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe {
            let n = write_id(id, core::ptr::addr_of_mut!((*complaint).id).cast());
            put!(complaint.id_len = n);
        }
        Ok(())
    })
}

/// Scans `len` bytes of UTF-8 free text (a transcript, a narrative; no NUL
/// needed) and merges what it shows into `complaint->text_cues` (threats,
/// forbidden agent phrases, strong-emotion markers) and
/// `complaint->text_facts` (harm, vulnerable people, malice, scope, the
/// Nth call, elapsed time, the largest amount). Can be called several
/// times; what is found accumulates. Grading raises with it only the
/// fields left at their default. Never allocates.
///
/// Returns `CT_ERR_INVALID_UTF8` or `CT_ERR_NULL_POINTER` and leaves the
/// complaint untouched on failure.
///
/// # Safety
/// `complaint` must be NULL or point to a writable `ct_complaint`; `text`
/// must be NULL or point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn ct_complaint_add_text(
    complaint: *mut ct_complaint,
    text: *const c_char,
    len: usize,
) -> ct_result {
    boundary(|| {
        check_mut(complaint)?;
        // SAFETY: forwarded from the caller.
        let text = unsafe { bytes(text, len) }?;
        let text = core::str::from_utf8(text).map_err(|_| CT_ERR_INVALID_UTF8)?;
        let found = TextFacts::from_cues(&scan_text(text));
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is
        // readable and writable.
        unsafe {
            // Read as the caller left them (unchecked values are kept where
            // the text adds nothing; `ct_assess` checks them).
            let old = facts_from_checked_c(get!(complaint.text_cues), get!(complaint.text_facts));
            let merged = old.union(found);
            put!(complaint.text_cues = cues_to_c(merged));
            put!(complaint.text_facts = facts_to_c(merged));
        }
        Ok(())
    })
}

/// Scans `len` bytes of UTF-8 text (no NUL needed) and writes the cues
/// found in `*out`. Never allocates.
///
/// Returns `CT_ERR_INVALID_UTF8` or `CT_ERR_NULL_POINTER`, leaving `*out`
/// untouched, on failure.
///
/// # Safety
/// `text` must be NULL or point to `len` readable bytes; `out` must be
/// NULL or point to a writable `ct_text_cues`.
#[no_mangle]
pub unsafe extern "C" fn ct_scan_text(
    text: *const c_char,
    len: usize,
    out: *mut ct_text_cues,
) -> ct_result {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        let text = unsafe { bytes(text, len) }?;
        check_mut(out)?;
        let text = core::str::from_utf8(text).map_err(|_| CT_ERR_INVALID_UTF8)?;
        let cues = cues_to_c(TextFacts::from_cues(&scan_text(text)));
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(cues) };
        Ok(())
    })
}

/// Checks every field of `*complaint` as `ct_assess` does, without
/// grading: `CT_OK`, or the code naming the first invalid field.
///
/// # Safety
/// `complaint` must be NULL or point to a readable `ct_complaint`.
#[no_mangle]
pub unsafe extern "C" fn ct_complaint_validate(complaint: *const ct_complaint) -> ct_result {
    boundary(|| {
        check(complaint)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is readable.
        unsafe { to_core(complaint) }.map(|_| ())
    })
}

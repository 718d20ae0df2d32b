//! `ct_policy`: every weight, threshold and deadline of the grading, as a
//! fixed-size opaque blob.
//!
//! ## Why opaque
//! The core's `Policy` holds 123 factors x 5 dimensions of points, seven
//! banded thresholds, four matrices and the deadlines: about 1.6 KiB whose
//! shape follows the rubric (a new factor in the core is a new row). Spelled
//! out field by field in C it would freeze the factor numbering into the
//! ABI and make every `ct_assess` copy and re-validate 1.6 KiB. Instead the
//! blob holds the core's `Policy` itself, bit for bit, behind a tag:
//! `ct_assess` uses it in place (no copy), after checking the tag, the
//! 25 bytes that hold grades and tiers (the only fields that are not plain
//! integers), the 9 priority bytes (which must stay within 1-5) and the 3
//! bytes of each gate's floor (a grade, a tier, a priority). C
//! programs configure a policy the way every other binding does, with the JSON policy document (`ct_policy_from_json`), and may
//! copy a filled `ct_policy` freely (it holds no pointer).
//!
//! The blob is `CT_POLICY_WORDS` 64-bit words (8 KiB, 8-byte aligned);
//! compile-time assertions check that the tagged `Policy` fits in its size
//! and alignment, with room for the rubric to grow.

use core::ffi::c_char;
use core::mem::{align_of, offset_of, size_of};

use triage::{parse_policy, Gate, GateFloor, Grade, Policy, Profile, Tier, FACTOR_COUNT};

use crate::error::{boundary_err, ct_error, Fail};
use crate::ranges::{byte_windows, bytes_out_of_range, sorted, ByteWindows, Field};
use crate::result::*;
use crate::util::{boundary, bytes, check, check_mut};

/// Size of a `ct_policy`, in 64-bit words.
pub const CT_POLICY_WORDS: usize = 1024;

/// A grading policy: opaque, 8 KiB, 8-byte aligned (an array of
/// `uint64_t`), caller-allocated.
///
/// Fill it with `ct_policy_default` or `ct_policy_from_json` before use;
/// it may then be copied with `memcpy` or plain assignment, shared between
/// threads read-only, and needs no cleanup. A blob that was not filled by
/// this build of the library is rejected with `CT_ERR_POLICY_UNINITIALIZED`.
#[repr(C)]
pub struct ct_policy {
    /// Opaque storage; do not read or write.
    pub opaque: [u64; CT_POLICY_WORDS],
}

/// What a `ct_policy` holds: a tag, then the core's policy.
#[repr(C)]
struct Blob {
    tag: u64,
    policy: Policy,
}

const _: () = {
    assert!(size_of::<Blob>() <= size_of::<ct_policy>());
    assert!(align_of::<Blob>() <= align_of::<ct_policy>());
    assert!(size_of::<ct_policy>() == CT_POLICY_WORDS * 8);
    assert!(align_of::<ct_policy>() == 8);
    // Grades and tiers are one byte each; `check_enums` reads them as bytes.
    assert!(size_of::<Grade>() == 1 && size_of::<Tier>() == 1);
    assert!(size_of::<[[Grade; 3]; 3]>() == 9 && size_of::<[Tier; 4]>() == 4);
};

/// The tag of a filled blob: "CTP" and the shape of this build's policy,
/// so that a blob from a build with another policy layout is rejected.
const TAG: u64 = 0x4354_5000_0000_0000 | ((FACTOR_COUNT as u64) << 24) | size_of::<Policy>() as u64;

/// Lists every field of the core's `Policy` without `..`: a field added
/// to it stops the build here, so that `check_enums` is reviewed (any
/// new field that is not a plain integer must be checked there).
#[allow(dead_code)]
fn every_policy_field_is_reviewed(p: &Policy) {
    let Policy {
        points: _,
        bands: _,
        money_bands: _,
        severity_levels: _,
        impact_levels: _,
        urgency_levels: _,
        grade_matrix: _, // Grade: checked
        priority_matrix: _,
        tier_by_grade: _, // Tier: checked
        difficulty_tiers: _,
        malice_tiers: _,
        beyond_authority_tier: _, // Tier: checked
        gates: _,                 // GateFloor (Grade, Tier, priority): checked
        affected_gate_customers: _,
        first_response_minutes: _,
        first_response_cap_minutes: _,
        resolution_hours: _,
        jurisdiction_cap_hours: _,
        regulator_clock_hours: _,
        follow_up_hours: _,
        claim_limit_permille: _,
        effect: _,
        profile_tiers: _,       // Tier: checked
        clear_cut_max_grade: _, // Grade: checked
    } = p;
}

/// Checks the tag and the grade, tier and priority bytes of a caller's blob, reading
/// them as plain bytes before any reference to the policy is formed.
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_policy`.
#[inline(always)]
unsafe fn check_enums(p: *const ct_policy) -> Result<(), ct_result> {
    let base = p.cast::<u8>();
    // SAFETY: the blob starts with the tag, a u64 at offset 0 of an
    // 8-byte aligned struct.
    if unsafe { p.cast::<u64>().read() } != TAG {
        return Err(CT_ERR_POLICY_UNINITIALIZED);
    }
    // SAFETY: the windows were made for a `ct_policy`.
    if unsafe { bytes_out_of_range(base, &POLICY_WINDOWS) } {
        Err(CT_ERR_POLICY_CORRUPT)
    } else {
        Ok(())
    }
}

/// The grade, tier and priority bytes outside the gates' floors: the grade
/// matrix, the tier of each grade, the authority tier, the priority matrix,
/// the tier of each profile and the clear-cut grade.
const PLAIN_BYTES: usize = 9 + 4 + 1 + 9 + Profile::COUNT + 1;

/// The bytes of a blob that hold grades, tiers and priorities, with their
/// valid ranges, sorted by offset in the blob. Priorities are plain
/// bytes, but an assessment's priority must be 1-5: a blob whose priority
/// table was overwritten is refused here rather than graded into an
/// assessment that breaks its own contract.
const POLICY_BYTES: [Field<u8>; PLAIN_BYTES + 3 * Gate::COUNT] = {
    let base = offset_of!(Blob, policy);
    let grade = (0, Grade::COUNT as u8 - 1);
    let tier = (0, Tier::COUNT as u8 - 1);
    let priority = (1, 5);
    let fields = [
        (offset_of!(Policy, grade_matrix), 9, grade),
        (offset_of!(Policy, tier_by_grade), 4, tier),
        (offset_of!(Policy, beyond_authority_tier), 1, tier),
        (offset_of!(Policy, priority_matrix), 9, priority),
        (offset_of!(Policy, profile_tiers), Profile::COUNT, tier),
        (offset_of!(Policy, clear_cut_max_grade), 1, grade),
    ];
    let mut out = [(0, 0, 0); PLAIN_BYTES + 3 * Gate::COUNT];
    let mut n = 0;
    let mut f = 0;
    while f < fields.len() {
        let (at, len, (low, high)) = fields[f];
        let mut i = 0;
        while i < len {
            out[n] = (base + at + i, low, high);
            n += 1;
            i += 1;
        }
        f += 1;
    }
    // Each gate's floor: a grade, a tier and a priority.
    let gates = base + offset_of!(Policy, gates);
    let mut g = 0;
    while g < Gate::COUNT {
        let at = gates + g * size_of::<GateFloor>();
        out[n] = (at + offset_of!(GateFloor, grade), grade.0, grade.1);
        out[n + 1] = (at + offset_of!(GateFloor, tier), tier.0, tier.1);
        out[n + 2] = (at + offset_of!(GateFloor, priority), priority.0, priority.1);
        n += 3;
        g += 1;
    }
    assert!(n == out.len());
    sorted(out)
};

const _: () = assert!(size_of::<GateFloor>() == 3);

/// The windows that check [`POLICY_BYTES`].
const POLICY_WINDOWS: ByteWindows<{ POLICY_BYTES.len().div_ceil(16) }> =
    byte_windows(&POLICY_BYTES, size_of::<ct_policy>());

/// The core policy inside a caller's blob, after checking it.
///
/// # Safety
/// `p` must be NULL or point to a readable `ct_policy` that stays unchanged
/// for the returned lifetime.
#[inline(always)]
pub(crate) unsafe fn policy_ref<'a>(p: *const ct_policy) -> Result<&'a Policy, ct_result> {
    check(p)?;
    // SAFETY: forwarded from the caller; `p` is non-NULL and aligned.
    unsafe { check_enums(p) }?;
    // SAFETY: the blob holds a `Blob` (size and alignment are asserted at
    // compile time); its tag says this library wrote a `Policy` there and
    // every field that is not a plain integer holds a valid value.
    Ok(unsafe { &(*p.cast::<Blob>()).policy })
}

/// The core policy inside a caller's blob, for grading: [`policy_ref`]'s
/// checks, then the policy's own coherence rules (`Policy::validate`, what
/// `ct_policy_validate` reports in detail), so that a blob overwritten
/// after it was filled is refused rather than graded (a zero deadline, a
/// band out of order).
///
/// # Safety
/// As [`policy_ref`].
#[inline(always)]
pub(crate) unsafe fn policy_for_grading<'a>(p: *const ct_policy) -> Result<&'a Policy, ct_result> {
    // SAFETY: forwarded from the caller.
    let policy = unsafe { policy_ref(p) }?;
    policy.validate().map_err(|_| CT_ERR_POLICY_INCOHERENT)?;
    Ok(policy)
}

/// Writes a policy into a caller's blob.
///
/// # Safety
/// `out` must be non-NULL, aligned and point to a writable `ct_policy`.
unsafe fn store(out: *mut ct_policy, policy: Policy) {
    let blob = out.cast::<Blob>();
    // SAFETY: size and alignment are asserted at compile time; the caller
    // guarantees `out` is writable.
    unsafe {
        core::ptr::addr_of_mut!((*blob).policy).write(policy);
        core::ptr::addr_of_mut!((*blob).tag).write(TAG);
    }
}

/// Fills `*out` with the default rubric (the core's `Policy::DEFAULT`,
/// documented in `core/RUBRIC.md`).
///
/// Returns `CT_ERR_NULL_POINTER` when `out` is NULL.
///
/// # Safety
/// `out` must be NULL or point to a writable `ct_policy`.
#[no_mangle]
pub unsafe extern "C" fn ct_policy_default(out: *mut ct_policy) -> ct_result {
    boundary(|| {
        check_mut(out)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { store(out, Policy::DEFAULT) };
        Ok(())
    })
}

/// Parses a JSON policy document (`len` bytes at `json`, no NUL needed):
/// the keys present override the default rubric; the result is validated.
/// Writes it into `*out` on success.
///
/// On failure returns `CT_ERR_NULL_POINTER` or a `2xx` JSON error
/// (`CT_ERR_JSON_INVALID_POLICY` for a well-formed but incoherent policy),
/// fills `*err` (which may be NULL) with the key, byte offset and message,
/// and leaves `*out` untouched.
///
/// # Safety
/// `json` must be NULL or point to `len` readable bytes; `out` must be NULL
/// or point to a writable `ct_policy`; `err` must be NULL or point to a
/// writable `ct_error`.
#[no_mangle]
pub unsafe extern "C" fn ct_policy_from_json(
    json: *const c_char,
    len: usize,
    out: *mut ct_policy,
    err: *mut ct_error,
) -> ct_result {
    // SAFETY: `err` is forwarded from the caller.
    unsafe {
        boundary_err(err, || {
            let input = bytes(json, len)?;
            check_mut(out)?;
            let policy = parse_policy(input)?;
            store(out, policy);
            Ok(())
        })
    }
}

/// Checks a filled policy against the policy's coherence rules (the same
/// as `ct_policy_from_json` applies), for a blob that was stored, shared or
/// copied around: `CT_OK`, `CT_ERR_POLICY_UNINITIALIZED`,
/// `CT_ERR_POLICY_CORRUPT` or `CT_ERR_POLICY_INCOHERENT` (with the key and
/// reason in `*err`, which may be NULL).
///
/// # Safety
/// `policy` must be NULL or point to a readable `ct_policy`; `err` must be
/// NULL or point to a writable `ct_error`.
#[no_mangle]
pub unsafe extern "C" fn ct_policy_validate(
    policy: *const ct_policy,
    err: *mut ct_error,
) -> ct_result {
    // SAFETY: `err` is forwarded from the caller.
    unsafe {
        boundary_err(err, || {
            let policy = policy_ref(policy)?;
            policy.validate().map_err(Fail::Policy)
        })
    }
}

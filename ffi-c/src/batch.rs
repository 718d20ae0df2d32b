//! `ct_assess_many`: grading a batch of complaints by one policy, with the
//! policy checked once for the batch.
//!
//! ## Why a batch entry point
//! `ct_assess` takes the policy as a caller's blob, which the caller may
//! have overwritten since it was filled; so on every call it checks the
//! blob's tag and enum bytes and runs the policy's coherence rules
//! (`Policy::validate`, about 45 ns, as long as grading a simple
//! complaint). The check cannot be made cheaper without weakening it: a
//! checksum sealed into the blob at fill time would have to hash the
//! policy's 7.3 KiB on every call to catch an overwrite anywhere (longer
//! than the validation it replaces), and a seal word
//! alone only catches overwrites that happen to touch it. As in other C
//! APIs built over Rust (rustls-ffi's configs are checked once when built,
//! then only read), the check belongs where the policy is taken for a
//! piece of work: `ct_assess_many` checks it once, before the first
//! complaint, with exactly `ct_assess`'s checks, then grades each
//! complaint at the cost of `ct_assess` without them. The blob must stay
//! unchanged during the call, as every input of every export must.

use core::mem::size_of;

use triage::Policy;

use crate::assessment::{assess_checked, ct_assessment};
use crate::complaint::ct_complaint;
use crate::policy::{ct_policy, policy_for_grading};
use crate::result::*;
use crate::util::{boundary, check, check_mut};

/// Whether the byte ranges of `n` `A`s at `a` and `m` `B`s at `b` meet
/// (addresses only; the lengths are known not to overflow).
fn ranges_meet<A, B>(a: *const A, n: usize, b: *const B, m: usize) -> bool {
    let (a, b) = (a.addr(), b.addr());
    let (a_len, b_len) = (n * size_of::<A>(), m * size_of::<B>());
    a_len > 0 && b_len > 0 && a < b.saturating_add(b_len) && b < a.saturating_add(a_len)
}

/// Grades the `count` complaints at `complaints` by `*policy` into the
/// `count` assessments at `out`, and stores each complaint's result in
/// `results[i]`: what `ct_assess` would return for it, with `out[i]`
/// filled on `CT_OK` and untouched otherwise. A bad complaint among good
/// ones is reported in its place; the others are still graded.
///
/// The policy is checked once, before any complaint, exactly as
/// `ct_assess` checks it on every call: a blob not filled by this library
/// gives `CT_ERR_POLICY_UNINITIALIZED` or `CT_ERR_POLICY_CORRUPT`, one
/// that `ct_policy_validate` refuses (overwritten after it was filled)
/// `CT_ERR_POLICY_INCOHERENT`. For a loop over many complaints with one
/// policy this is cheaper than `ct_assess`, which spends about as long
/// checking the policy as grading; a handle (`ct_policy_new`,
/// `ct_assess_many_with`) skips the check altogether.
///
/// Returns `CT_OK` when every complaint was graded; the result of the first
/// complaint that was not (every result is in `results`); or, with nothing
/// written (neither `out` nor `results`): `CT_ERR_NULL_POINTER` or
/// `CT_ERR_MISALIGNED_POINTER` for a pointer (checked even when `count` is
/// 0), `CT_ERR_INVALID_ARGUMENT` for a `count` whose arrays would not fit
/// in memory, `CT_ERR_OVERLAP` when `out` or `results` overlaps an input or
/// each other, or the policy's code.
///
/// No allocation, no global state: any number of threads may call it at
/// once (with their own `out` and `results`).
///
/// # Safety
/// `complaints` must be NULL or point to `count` readable, initialised
/// `ct_complaint`s; `policy` NULL or point to a readable `ct_policy`; `out`
/// NULL or point to `count` writable `ct_assessment`s; `results` NULL or
/// point to `count` writable `ct_result`s. None may change during the call.
#[no_mangle]
pub unsafe extern "C" fn ct_assess_many(
    complaints: *const ct_complaint,
    count: usize,
    policy: *const ct_policy,
    out: *mut ct_assessment,
    results: *mut ct_result,
) -> ct_result {
    boundary(|| {
        check_batch(complaints, count, policy, out, results)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees the
        // blob is readable and unchanged during the call.
        let policy = unsafe { policy_for_grading(policy) }?;
        // SAFETY: the arrays were checked by `check_batch`; the caller
        // guarantees their lengths.
        unsafe { grade_each(complaints, count, policy, out, results) }
    })
}

/// The checks of a batch's arguments that come before any byte is read:
/// each pointer non-NULL and aligned (even when `count` is 0), `count`
/// arrays that fit in memory, and outputs apart from every input
/// (`policy`, the blob or the handle, included) and from each other.
pub(crate) fn check_batch<P>(
    complaints: *const ct_complaint,
    count: usize,
    policy: *const P,
    out: *mut ct_assessment,
    results: *mut ct_result,
) -> Result<(), ct_result> {
    check(complaints)?;
    check(policy)?;
    check_mut(out)?;
    check_mut(results)?;
    // The largest arrays: `count` assessments, each larger than a
    // complaint or a result, within what a pointer offset may span.
    if count > isize::MAX as usize / size_of::<ct_assessment>() {
        return Err(CT_ERR_INVALID_ARGUMENT);
    }
    let (out_c, results_c) = (out.cast_const(), results.cast_const());
    if ranges_meet(complaints, count, out_c, count)
        || ranges_meet(policy, 1, out_c, count)
        || ranges_meet(complaints, count, results_c, count)
        || ranges_meet(policy, 1, results_c, count)
        || ranges_meet(out_c, count, results_c, count)
    {
        return Err(CT_ERR_OVERLAP);
    }
    Ok(())
}

/// Grades each complaint of a checked batch by a checked policy: `out[i]`
/// written on `CT_OK`, every complaint's code in `results[i]`; the first
/// failure is returned.
///
/// # Safety
/// The arguments must have passed [`check_batch`]; `complaints`, `out` and
/// `results` must point to `count` readable complaints, writable
/// assessments and writable results, unchanged by anyone else during the
/// call.
#[inline(always)]
pub(crate) unsafe fn grade_each(
    complaints: *const ct_complaint,
    count: usize,
    policy: &Policy,
    out: *mut ct_assessment,
    results: *mut ct_result,
) -> Result<(), ct_result> {
    let mut first_failure = CT_OK;
    for i in 0..count {
        // SAFETY: `i < count`, and the caller guarantees `count` readable
        // complaints, writable assessments and results, which were checked
        // apart from each other and from the policy.
        let r = unsafe {
            let r = match assess_checked(complaints.add(i), policy, out.add(i)) {
                Ok(()) => CT_OK,
                Err(code) => code,
            };
            results.add(i).write(r);
            r
        };
        if first_failure == CT_OK {
            first_failure = r;
        }
    }
    match first_failure {
        CT_OK => Ok(()),
        code => Err(code),
    }
}

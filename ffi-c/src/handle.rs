//! `ct_policy_handle`: a grading policy checked once, when it is made, and
//! owned by the library from then on; `ct_assess_with` and
//! `ct_assess_many_with` grade by it without checking it again.
//!
//! ## Why a handle
//! A `ct_policy` blob belongs to the caller, who may overwrite it at any
//! time, so `ct_assess` checks it on every call (its tag, its grade, tier
//! and priority bytes, and the policy's coherence rules): about as long as
//! grading itself. A handle is what rustls-ffi does with its configs: the
//! library copies the checked policy into memory of its own (one
//! allocation, in `ct_policy_new`) and hands out an opaque pointer to it.
//! C cannot write through that pointer (the type has no fields in the
//! header), so the policy stays as it was checked until `ct_policy_free`,
//! and grading by it needs no check beyond the pointer's. Any number of
//! threads may grade by one handle at once (it is only read).

use core::alloc::Layout;

use triage::Policy;

use crate::assessment::ct_assessment;
use crate::batch::{check_batch, grade_each};
use crate::complaint::ct_complaint;
use crate::policy::{ct_policy, policy_for_grading};
use crate::result::*;
use crate::util::{boundary, boundary_or, check, check_mut, overlap};

/// A grading policy owned by the library: made by `ct_policy_new` from a
/// filled `ct_policy`, checked then, immutable afterwards, released by
/// `ct_policy_free`. Opaque: C only holds pointers to it. It may be shared
/// between threads.
pub struct ct_policy_handle {
    /// The checked policy, never written after `ct_policy_new`.
    policy: Policy,
}

/// Makes a handle from a filled `ct_policy`: checks it exactly as
/// `ct_assess` does (`CT_ERR_POLICY_UNINITIALIZED`,
/// `CT_ERR_POLICY_CORRUPT`, `CT_ERR_POLICY_INCOHERENT`; `ct_policy_validate`
/// gives the key and reason of the last), copies it into memory the
/// library allocates, and stores the handle in `*out`. The blob is not
/// needed afterwards: later changes to it do not reach the handle.
///
/// Returns `CT_ERR_NULL_POINTER` or `CT_ERR_MISALIGNED_POINTER` for a bad
/// pointer, the policy's code, or `CT_ERR_OUT_OF_MEMORY`; `*out` is written
/// only on `CT_OK`. Free the handle with `ct_policy_free`.
///
/// # Safety
/// `policy` must be NULL or point to a readable `ct_policy`, unchanged
/// during the call; `out` must be NULL or point to a writable pointer.
#[no_mangle]
pub unsafe extern "C" fn ct_policy_new(
    policy: *const ct_policy,
    out: *mut *mut ct_policy_handle,
) -> ct_result {
    boundary(|| {
        check(policy)?;
        check_mut(out)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees the
        // blob is readable and unchanged during the call.
        let policy = unsafe { policy_for_grading(policy) }?;
        let layout = Layout::new::<ct_policy_handle>();
        // SAFETY: the layout is not zero-sized (a `Policy` is kilobytes).
        let handle = unsafe { std::alloc::alloc(layout) }.cast::<ct_policy_handle>();
        if handle.is_null() {
            return Err(CT_ERR_OUT_OF_MEMORY);
        }
        // SAFETY: `handle` was just allocated with the layout of a
        // `ct_policy_handle`; `out` was checked and the caller guarantees
        // it is writable.
        unsafe {
            handle.write(ct_policy_handle {
                policy: policy.clone(),
            });
            out.write(handle);
        }
        Ok(())
    })
}

/// Releases a handle made by `ct_policy_new`. NULL is allowed and does
/// nothing. The handle must not be used afterwards, nor freed twice, and
/// no other thread may be grading by it during the call.
///
/// # Safety
/// `handle` must be NULL or a handle returned by `ct_policy_new` and not
/// yet freed.
#[no_mangle]
pub unsafe extern "C" fn ct_policy_free(handle: *mut ct_policy_handle) {
    boundary_or((), || {
        if handle.is_null() {
            return;
        }
        // SAFETY: `ct_policy_new` allocated it with the global allocator
        // and the layout of a `ct_policy_handle`, which is what `Box`
        // uses; the caller guarantees it was not freed yet.
        drop(unsafe { Box::from_raw(handle) });
    })
}

/// Grades `*complaint` by the policy of `handle` into `*out`: `ct_assess`
/// without its check of the policy, which `ct_policy_new` made once. The
/// results are `ct_assess`'s: every field of the complaint is validated
/// (an invalid one gives the `11x`-`14x` code that names it), and `*out` is
/// written only on `CT_OK`. `CT_ERR_NULL_POINTER` or
/// `CT_ERR_MISALIGNED_POINTER` for a bad pointer, `CT_ERR_OVERLAP` when
/// `*out` shares bytes with `*complaint` or the handle. No allocation, no
/// global state: any number of threads may call it at once with one
/// handle (and their own `out`).
///
/// # Safety
/// `handle` must be NULL or a live handle from `ct_policy_new`;
/// `complaint` NULL or point to a readable, initialised `ct_complaint`;
/// `out` NULL or point to a writable `ct_assessment`.
#[no_mangle]
pub unsafe extern "C" fn ct_assess_with(
    handle: *const ct_policy_handle,
    complaint: *const ct_complaint,
    out: *mut ct_assessment,
) -> ct_result {
    boundary(|| {
        check(handle)?;
        check(complaint)?;
        check_mut(out)?;
        // Grading reads the complaint in place while it writes the rows.
        if overlap(complaint, out) || overlap(handle, out) {
            return Err(CT_ERR_OVERLAP);
        }
        // Graded as a batch of one: LLVM then inlines the core's helpers
        // as it does in the batch's loop. Calling `assess_checked` here
        // left six of them out of line: 139 instructions over the Rust
        // `assess_into` per record against 104 when measured (profile tool,
        // callgrind); 84 over it today, and benches/tests/c_call_instructions.rs
        // fails past 150.
        let mut result = CT_OK;
        // SAFETY: checked non-NULL, aligned and apart from `out` (and
        // `result` is a local); the caller guarantees a live handle, whose
        // policy was checked when it was made and cannot have changed since.
        unsafe { grade_each(complaint, 1, &(*handle).policy, out, &mut result) }
    })
}

/// Grades the `count` complaints at `complaints` by the policy of `handle`
/// into the `count` assessments at `out`, each complaint's code in
/// `results[i]`: `ct_assess_many` without its check of the policy. A bad
/// complaint among good ones is reported in its place; the others are
/// still graded.
///
/// Returns `CT_OK` when every complaint was graded; the result of the first
/// complaint that was not (every result is in `results`); or, with nothing
/// written: `CT_ERR_NULL_POINTER` or `CT_ERR_MISALIGNED_POINTER` for a
/// pointer (checked even when `count` is 0), `CT_ERR_INVALID_ARGUMENT` for
/// a `count` whose arrays would not fit in memory, `CT_ERR_OVERLAP` when
/// `out` or `results` overlaps an input, the handle or each other.
///
/// # Safety
/// `handle` must be NULL or a live handle from `ct_policy_new`;
/// `complaints` NULL or point to `count` readable, initialised
/// `ct_complaint`s; `out` NULL or point to `count` writable
/// `ct_assessment`s; `results` NULL or point to `count` writable
/// `ct_result`s. The complaints must not change during the call.
#[no_mangle]
pub unsafe extern "C" fn ct_assess_many_with(
    handle: *const ct_policy_handle,
    complaints: *const ct_complaint,
    count: usize,
    out: *mut ct_assessment,
    results: *mut ct_result,
) -> ct_result {
    boundary(|| {
        check(handle)?;
        check_batch(complaints, count, handle, out, results)?;
        // SAFETY: the arrays passed `check_batch` and the caller guarantees
        // their lengths; the handle is live and its policy was checked when
        // it was made.
        unsafe { grade_each(complaints, count, &(*handle).policy, out, results) }
    })
}

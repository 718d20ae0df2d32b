//! The C library's entry points, called from Rust through the ffi crate
//! (`complaint-triage-ffi`, the crate `make -C ffi-c` builds
//! `libcomplaint_triage` from): its own structs and functions, no mirror.
//!
//! A C program calls `ct_assess` across a library boundary, so nothing of
//! it is inlined into the caller's loop. Linked as a Rust crate, with LTO,
//! it could be; [`opaque`] hides the function's address behind
//! [`black_box`] so that each call stays an indirect call into the
//! library's code, as from C, and the bench measures what C pays.

use std::ffi::CStr;
use std::hint::black_box;

use complaint_triage_ffi::{
    ct_assessment, ct_complaint, ct_complaint_from_json, ct_error, ct_policy, ct_policy_default,
    ct_policy_handle, ct_policy_new, ct_result, CT_OK, CT_POLICY_WORDS,
};

/// `f`, as a pointer the optimiser cannot see through.
pub fn opaque<F: Copy>(f: F) -> F {
    black_box(f)
}

/// The signature of `ct_assess`.
pub type AssessFn =
    unsafe extern "C" fn(*const ct_complaint, *const ct_policy, *mut ct_assessment) -> ct_result;

/// The signature of `ct_assess_many`.
pub type AssessManyFn = unsafe extern "C" fn(
    *const ct_complaint,
    usize,
    *const ct_policy,
    *mut ct_assessment,
    *mut ct_result,
) -> ct_result;

/// The signature of `ct_assess_with`.
pub type AssessWithFn = unsafe extern "C" fn(
    *const ct_policy_handle,
    *const ct_complaint,
    *mut ct_assessment,
) -> ct_result;

/// A handle of `policy` (`ct_policy_new`); the caller frees it with
/// `ct_policy_free`.
pub fn policy_handle(policy: &ct_policy) -> *mut ct_policy_handle {
    let mut h = std::ptr::null_mut();
    // SAFETY: `policy` is a filled ct_policy, `h` a writable pointer.
    let r = unsafe { ct_policy_new(policy, &mut h) };
    assert_eq!(r, CT_OK, "ct_policy_new");
    h
}

/// The default policy, filled by the library.
pub fn default_policy() -> Box<ct_policy> {
    let mut p = Box::new(ct_policy {
        opaque: [0; CT_POLICY_WORDS],
    });
    // SAFETY: `p` is a writable ct_policy.
    let r = unsafe { ct_policy_default(&mut *p) };
    assert_eq!(r, CT_OK, "ct_policy_default");
    p
}

/// An assessment to be written by `ct_assess`, all zero.
pub fn zero_assessment() -> Box<ct_assessment> {
    // SAFETY: every field is an integer or an array of integers, for which
    // all-zero bits are a value.
    Box::new(unsafe { std::mem::zeroed() })
}

/// Parses a JSON record into a `ct_complaint`; panics on an error.
pub fn complaint_from_json(json: &str) -> ct_complaint {
    let mut out = ct_complaint::default();
    // SAFETY: as in `zero_assessment`, a struct of integers and of a
    // `ct_result`, for which zero is `CT_OK`.
    let mut err: Box<ct_error> = Box::new(unsafe { std::mem::zeroed() });
    // SAFETY: json points to len readable bytes; out and err are writable.
    let r =
        unsafe { ct_complaint_from_json(json.as_ptr().cast(), json.len(), &mut out, &mut *err) };
    if r != CT_OK {
        // SAFETY: the library NUL-terminates the message.
        let msg = unsafe { CStr::from_ptr(err.message.as_ptr()) };
        panic!("ct_complaint_from_json: {r:?} {msg:?}");
    }
    out
}

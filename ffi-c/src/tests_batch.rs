//! Rust-side tests of `ct_assess_many`: each complaint of a batch is
//! answered as `ct_assess` answers it, in its place, and a policy blob
//! overwritten after it was filled is refused for the whole batch, with
//! nothing written.
#![allow(clippy::undocumented_unsafe_blocks)]

use core::mem::size_of;
use core::ptr::{null, null_mut};
use std::vec::Vec;

use crate::tests::{default_policy, examples_with_invalid};
use crate::*;

fn blank_assessments(n: usize) -> Vec<ct_assessment> {
    (0..n)
        .map(|_| unsafe { core::mem::zeroed::<ct_assessment>() })
        .collect()
}

#[test]
fn each_complaint_of_a_batch_is_answered_as_ct_assess_answers_it() {
    let p = default_policy();
    let complaints = examples_with_invalid();
    let n = complaints.len();
    let mut out = blank_assessments(n);
    let mut results = vec![CT_OK; n];
    // A marker in every assessment, to see which ones were written.
    out.iter_mut().for_each(|a| a.priority = 0xAB);
    let r = unsafe {
        ct_assess_many(
            complaints.as_ptr(),
            n,
            &*p,
            out.as_mut_ptr(),
            results.as_mut_ptr(),
        )
    };
    let mut first_failure = None;
    for (i, c) in complaints.iter().enumerate() {
        let mut want = Box::new(unsafe { core::mem::zeroed::<ct_assessment>() });
        want.priority = 0xAB;
        let expected = unsafe { ct_assess(c, &*p, &mut *want) };
        assert_eq!(results[i], expected, "complaint {i}");
        assert!(out[i] == *want, "complaint {i}: graded differently");
        if expected != CT_OK {
            assert_eq!(out[i].priority, 0xAB, "complaint {i} was written");
            first_failure.get_or_insert(expected);
        }
    }
    assert_eq!(first_failure, Some(CT_ERR_COMPLAINT_EMOTION));
    assert_eq!(r, CT_ERR_COMPLAINT_EMOTION, "the first failure is returned");
    assert!(results.iter().filter(|r| **r == CT_OK).count() > 3);

    // Only good complaints: CT_OK.
    let good: Vec<ct_complaint> = complaints.into_iter().filter(|c| c.emotion <= 10).collect();
    let r = unsafe {
        ct_assess_many(
            good.as_ptr(),
            good.len(),
            &*p,
            out.as_mut_ptr(),
            results.as_mut_ptr(),
        )
    };
    assert_eq!(r, CT_OK);
}

#[test]
fn a_batch_refuses_every_policy_that_validation_refuses_and_writes_nothing() {
    let p = default_policy();
    let complaints: Vec<ct_complaint> = examples_with_invalid()
        .into_iter()
        .filter(|c| c.emotion <= 10)
        .collect();
    let n = 4;
    let mut refused = 0;
    for fill in [0x00u8, 0xEE] {
        for i in 0..size_of::<ct_policy>() {
            let mut q = Box::new(ct_policy { opaque: p.opaque });
            let mut out = blank_assessments(n);
            let mut results = vec![CT_ERR_PANIC; n];
            unsafe {
                q.opaque.as_mut_ptr().cast::<u8>().add(i).write(fill);
                let valid = ct_policy_validate(&*q, null_mut());
                let r = ct_assess_many(
                    complaints.as_ptr(),
                    n,
                    &*q,
                    out.as_mut_ptr(),
                    results.as_mut_ptr(),
                );
                if valid == CT_OK {
                    assert_eq!(r, CT_OK, "byte {i} = {fill:#x}");
                    continue;
                }
                refused += 1;
                assert_eq!(r, valid, "byte {i} = {fill:#x}");
                assert!(
                    results.iter().all(|r| *r == CT_ERR_PANIC),
                    "results written"
                );
                assert!(
                    out.iter().all(|a| a.row_count == 0 && a.priority == 0),
                    "assessments written"
                );
            }
        }
    }
    // The tag, enum bytes, zero deadlines, bands out of order...
    assert!(refused > 100, "{refused} refused blobs");
}

#[test]
fn a_batch_with_bad_pointers_or_overlapping_arrays_writes_nothing() {
    let p = default_policy();
    let complaints = examples_with_invalid();
    let n = complaints.len();
    let mut out = blank_assessments(n + 2);
    let mut results = vec![CT_ERR_PANIC; n + 2];
    let (c, o, r) = (complaints.as_ptr(), out.as_mut_ptr(), results.as_mut_ptr());
    unsafe {
        assert_eq!(ct_assess_many(null(), n, &*p, o, r), CT_ERR_NULL_POINTER);
        assert_eq!(ct_assess_many(c, n, null(), o, r), CT_ERR_NULL_POINTER);
        assert_eq!(
            ct_assess_many(c, n, &*p, null_mut(), r),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_assess_many(c, n, &*p, o, null_mut()),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_assess_many(c, usize::MAX, &*p, o, r),
            CT_ERR_INVALID_ARGUMENT
        );
        // Results over the assessments, or overlapping each other.
        assert_eq!(
            ct_assess_many(c, n, &*p, o, o.add(1).cast::<ct_result>()),
            CT_ERR_OVERLAP
        );
        // Assessments over the complaints, or over the policy.
        let mut words = vec![0u64; 2 * size_of::<ct_assessment>() * n / 8];
        let base = words.as_mut_ptr();
        let cs = base.cast::<ct_complaint>();
        core::ptr::copy_nonoverlapping(c, cs, n);
        assert_eq!(
            ct_assess_many(cs, n, &*p, base.add(8).cast::<ct_assessment>(), r),
            CT_ERR_OVERLAP
        );
        let policy_as_out = (&*p as *const ct_policy).cast_mut().cast::<ct_assessment>();
        assert_eq!(ct_assess_many(c, 1, &*p, policy_as_out, r), CT_ERR_OVERLAP);
        assert_eq!(
            ct_assess_many(c, n, &*p, o, o.cast::<ct_result>()),
            CT_ERR_OVERLAP
        );
        // Nothing was written by any refused call.
        assert!(results.iter().all(|r| *r == CT_ERR_PANIC));
        assert!(out.iter().all(|a| a.row_count == 0 && a.priority == 0));
        // An empty batch: CT_OK, nothing written.
        assert_eq!(ct_assess_many(c, 0, &*p, o, r), CT_OK);
        assert!(results.iter().all(|r| *r == CT_ERR_PANIC));
        // Adjacent arrays do not overlap.
        let mut both = blank_assessments(2 * 3);
        let b = both.as_mut_ptr();
        assert_eq!(ct_assess_many(c, 3, &*p, b, r), CT_OK);
        assert_eq!(ct_assess_many(c, 3, &*p, b.add(3), r), CT_OK);
    }
}

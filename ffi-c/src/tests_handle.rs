//! Rust-side tests of the policy handle: `ct_policy_new` refuses every blob
//! `ct_assess` refuses, a handle grades exactly as `ct_assess` and
//! `ct_assess_many` grade by its blob, and bad pointers or overlapping
//! outputs are refused with nothing written.
#![allow(clippy::undocumented_unsafe_blocks)]

use core::mem::size_of;
use core::ptr::{null, null_mut};
use std::vec::Vec;

use crate::tests::{complaint_from_json, default_policy, example_records, examples_with_invalid};
use crate::*;

fn blank() -> Box<ct_assessment> {
    Box::new(unsafe { core::mem::zeroed::<ct_assessment>() })
}

/// A handle of `p`; panics when `ct_policy_new` refuses it.
fn handle_of(p: &ct_policy) -> *mut ct_policy_handle {
    let mut h = null_mut();
    assert_eq!(unsafe { ct_policy_new(p, &mut h) }, CT_OK);
    assert!(!h.is_null());
    h
}

#[test]
fn a_handle_grades_every_complaint_as_ct_assess_grades_it_by_its_blob() {
    let custom =
        br#"{"resolution_hours":[8,24,48,96,120],"points":{"threat.media":{"impact":40}}}"#;
    let mut from_json = Box::new(ct_policy {
        opaque: [0; CT_POLICY_WORDS],
    });
    let r = unsafe {
        ct_policy_from_json(
            custom.as_ptr().cast(),
            custom.len(),
            &mut *from_json,
            null_mut(),
        )
    };
    assert_eq!(r, CT_OK);
    let mut failures = 0;
    for p in [default_policy(), from_json] {
        let h = handle_of(&p);
        for (i, c) in examples_with_invalid().iter().enumerate() {
            let (mut want, mut got) = (blank(), blank());
            want.priority = 0xAB;
            got.priority = 0xAB;
            let expected = unsafe { ct_assess(c, &*p, &mut *want) };
            let r = unsafe { ct_assess_with(h, c, &mut *got) };
            assert_eq!(r, expected, "complaint {i}");
            assert!(*got == *want, "complaint {i}: graded differently");
            if r != CT_OK {
                failures += 1;
                assert_eq!(got.priority, 0xAB, "complaint {i} was written");
            }
        }
        unsafe { ct_policy_free(h) };
    }
    assert!(failures >= 2, "the bad complaints were refused");
}

#[test]
fn a_handle_does_not_see_later_changes_to_its_blob() {
    let mut p = default_policy();
    let h = handle_of(&p);
    let c = complaint_from_json(example_records()[0].as_bytes())
        .map_err(|e| e.0)
        .unwrap();
    let (mut before, mut after) = (blank(), blank());
    assert_eq!(unsafe { ct_assess_with(h, &c, &mut *before) }, CT_OK);
    // Overwrite the whole blob: ct_assess refuses it, the handle grades as before.
    p.opaque.fill(0xEEEE_EEEE_EEEE_EEEE);
    assert_eq!(
        unsafe { ct_assess(&c, &*p, &mut *after) },
        CT_ERR_POLICY_UNINITIALIZED
    );
    assert_eq!(unsafe { ct_assess_with(h, &c, &mut *after) }, CT_OK);
    assert!(*after == *before);
    unsafe { ct_policy_free(h) };
}

#[test]
fn a_handle_is_made_only_from_a_blob_that_ct_assess_accepts() {
    let p = default_policy();
    let c = complaint_from_json(example_records()[0].as_bytes())
        .map_err(|e| e.0)
        .unwrap();
    let marker = 0x5A5A_usize as *mut ct_policy_handle;
    let mut refused = 0;
    for fill in [0x00u8, 0xEE] {
        for i in 0..size_of::<ct_policy>() {
            let mut q = Box::new(ct_policy { opaque: p.opaque });
            unsafe { q.opaque.as_mut_ptr().cast::<u8>().add(i).write(fill) };
            let mut a = blank();
            let expected = unsafe { ct_assess(&c, &*q, &mut *a) };
            let mut h = marker;
            let r = unsafe { ct_policy_new(&*q, &mut h) };
            assert_eq!(r, expected, "byte {i} = {fill:#x}");
            if r == CT_OK {
                unsafe { ct_policy_free(h) };
            } else {
                refused += 1;
                assert_eq!(h, marker, "byte {i} = {fill:#x}: *out written");
            }
        }
    }
    // The tag, enum bytes, zero deadlines, bands out of order...
    assert!(refused > 100, "{refused} refused blobs");
}

#[test]
fn null_misaligned_or_overlapping_arguments_are_refused_with_nothing_written() {
    let p = default_policy();
    let h = handle_of(&p);
    let c = complaint_from_json(example_records()[0].as_bytes())
        .map_err(|e| e.0)
        .unwrap();
    let mut a = blank();
    let marker = 0x5A5A_usize as *mut ct_policy_handle;
    let mut out = marker;
    unsafe {
        assert_eq!(ct_policy_new(null(), &mut out), CT_ERR_NULL_POINTER);
        assert_eq!(ct_policy_new(&*p, null_mut()), CT_ERR_NULL_POINTER);
        let odd = (&*p as *const ct_policy)
            .cast::<u8>()
            .add(1)
            .cast::<ct_policy>();
        assert_eq!(ct_policy_new(odd, &mut out), CT_ERR_MISALIGNED_POINTER);
        assert_eq!(out, marker);

        assert_eq!(ct_assess_with(null(), &c, &mut *a), CT_ERR_NULL_POINTER);
        assert_eq!(ct_assess_with(h, null(), &mut *a), CT_ERR_NULL_POINTER);
        assert_eq!(ct_assess_with(h, &c, null_mut()), CT_ERR_NULL_POINTER);
        let odd = h.cast::<u8>().add(1).cast::<ct_policy_handle>();
        assert_eq!(ct_assess_with(odd, &c, &mut *a), CT_ERR_MISALIGNED_POINTER);
        // The output over the complaint, or over the handle.
        let mut words = vec![0u64; 2 * size_of::<ct_assessment>() / 8];
        let base = words.as_mut_ptr();
        base.cast::<ct_complaint>().write(c);
        let r = ct_assess_with(
            h,
            base.cast::<ct_complaint>(),
            base.add(4).cast::<ct_assessment>(),
        );
        assert_eq!(r, CT_ERR_OVERLAP);
        let r = ct_assess_with(h, &c, h.cast::<ct_assessment>());
        assert_eq!(r, CT_ERR_OVERLAP);
        assert!(a.row_count == 0 && a.priority == 0, "written");

        // Freeing NULL does nothing.
        ct_policy_free(null_mut());
        ct_policy_free(h);
    }
}

#[test]
fn a_batch_by_a_handle_is_a_batch_by_its_blob() {
    let p = default_policy();
    let h = handle_of(&p);
    let cs = examples_with_invalid();
    let n = cs.len();
    let blank_n = || -> Vec<ct_assessment> { (0..n).map(|_| *blank()).collect() };
    let (mut want, mut got) = (blank_n(), blank_n());
    let (mut want_r, mut got_r) = (vec![CT_ERR_PANIC; n], vec![CT_ERR_PANIC; n]);
    let (c, o, r) = (cs.as_ptr(), got.as_mut_ptr(), got_r.as_mut_ptr());
    unsafe {
        let expected = ct_assess_many(c, n, &*p, want.as_mut_ptr(), want_r.as_mut_ptr());
        assert_eq!(expected, CT_ERR_COMPLAINT_EMOTION);
        assert_eq!(ct_assess_many_with(h, c, n, o, r), expected);
        assert_eq!(got_r, want_r);
        assert!(got == want);

        // Bad pointers and overlaps: nothing written.
        let (mut o2, mut r2) = (blank_n(), vec![CT_ERR_PANIC; n]);
        let (o, r) = (o2.as_mut_ptr(), r2.as_mut_ptr());
        assert_eq!(ct_assess_many_with(null(), c, n, o, r), CT_ERR_NULL_POINTER);
        assert_eq!(ct_assess_many_with(h, null(), n, o, r), CT_ERR_NULL_POINTER);
        assert_eq!(
            ct_assess_many_with(h, c, n, null_mut(), r),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_assess_many_with(h, c, n, o, null_mut()),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_assess_many_with(h, c, usize::MAX, o, r),
            CT_ERR_INVALID_ARGUMENT
        );
        assert_eq!(
            ct_assess_many_with(h, c, 1, h.cast::<ct_assessment>(), r),
            CT_ERR_OVERLAP
        );
        assert_eq!(
            ct_assess_many_with(h, c, n, o, o.cast::<ct_result>()),
            CT_ERR_OVERLAP
        );
        assert!(r2.iter().all(|r| *r == CT_ERR_PANIC));
        assert!(o2.iter().all(|a| a.row_count == 0 && a.priority == 0));
        // An empty batch: CT_OK, nothing written.
        assert_eq!(ct_assess_many_with(h, c, 0, o, r), CT_OK);
        assert!(r2.iter().all(|r| *r == CT_ERR_PANIC));
        ct_policy_free(h);
    }
}

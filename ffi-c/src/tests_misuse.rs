//! Rust-side tests of arguments a caller got wrong in ways no single field
//! shows: an input overlapping the output, a policy blob overwritten after
//! it was filled, queue storage overwritten between calls. Each is refused
//! with its own result code, never graded or served with `CT_OK`.
#![allow(clippy::undocumented_unsafe_blocks)]

use core::mem::size_of;
use core::ptr::null_mut;
use std::vec::Vec;

use crate::tests::{complaint_from_json, default_policy, example_records};
use crate::*;

/// Words of 8 bytes needed to hold `bytes` bytes.
const fn words(bytes: usize) -> usize {
    bytes.div_ceil(8)
}

/// The example record with the most reason rows, so that a misplaced
/// output has many rows to write over its input.
fn busiest_complaint() -> ct_complaint {
    let p = default_policy();
    let mut best = (0, ct_complaint::default());
    for line in example_records() {
        let c = complaint_from_json(line.as_bytes())
            .map_err(|e| e.0)
            .unwrap();
        let mut a = Box::new(unsafe { core::mem::zeroed::<ct_assessment>() });
        assert_eq!(unsafe { ct_assess(&c, &*p, &mut *a) }, CT_OK);
        if a.row_count >= best.0 {
            best = (a.row_count, c);
        }
    }
    assert!(best.0 > 10, "an example with many reason rows");
    best.1
}

/// Places an input of type `T` at every 8-byte offset of a buffer around
/// one assessment (starting wholly before it, ending wholly after it),
/// grades with `grade(input, out)` and checks: `CT_ERR_OVERLAP` with the
/// buffer untouched exactly when the byte ranges meet, otherwise `CT_OK`
/// and the assessment graded apart. Returns (placements, overlapping).
fn every_placement<T: Copy>(
    input: T,
    grade: impl Fn(*const T, *mut ct_assessment) -> ct_result,
) -> (usize, usize) {
    let before = words(size_of::<T>());
    let out_words = words(size_of::<ct_assessment>());
    let mut buf: Vec<u64> = vec![0; before + out_words + before];
    let base = buf.as_mut_ptr();
    let out = unsafe { base.add(before) }.cast::<ct_assessment>();

    let mut want = Box::new(unsafe { core::mem::zeroed::<ct_assessment>() });
    assert_eq!(grade(&input, &mut *want), CT_OK);

    let (mut placements, mut overlapping) = (0, 0);
    for at in 0..=buf.len() - before {
        unsafe {
            core::ptr::write_bytes(base, 0, buf.len());
            let placed = base.add(at).cast::<T>();
            placed.write(input);
            let snapshot: Vec<u64> = core::slice::from_raw_parts(base, buf.len()).to_vec();
            let apart = at + before <= before || at >= before + out_words;
            let r = grade(placed, out);
            placements += 1;
            if apart {
                assert_eq!(r, CT_OK, "input at word {at}");
                assert!(*out == *want, "input at word {at}: graded differently");
            } else {
                overlapping += 1;
                assert_eq!(r, CT_ERR_OVERLAP, "input at word {at}");
                let now = core::slice::from_raw_parts(base, buf.len());
                assert!(now == snapshot.as_slice(), "input at word {at}: written");
            }
        }
    }
    (placements, overlapping)
}

#[test]
fn a_complaint_overlapping_the_output_is_refused_at_every_placement() {
    let c = busiest_complaint();
    let p = default_policy();
    let (placements, overlapping) = every_placement(c, |c, out| unsafe { ct_assess(c, &*p, out) });
    // 21 words of complaint slide over 134 words of assessment: all but
    // the first and last placement overlap.
    assert_eq!((placements, overlapping), (156, 154));
}

#[test]
fn a_policy_overlapping_the_output_is_refused_at_every_placement() {
    let c = busiest_complaint();
    let p = default_policy();
    // The blob is not `Copy`; its words are, and they are what is placed.
    let (placements, overlapping) = every_placement(p.opaque, |words, out| unsafe {
        ct_assess(&c, words.cast::<ct_policy>(), out)
    });
    // 1024 words of policy over 134 words of assessment.
    assert_eq!((placements, overlapping), (1159, 1157));
}

#[test]
fn grading_refuses_every_policy_that_validation_refuses() {
    let c = busiest_complaint();
    let p = default_policy();
    let mut a = Box::new(unsafe { core::mem::zeroed::<ct_assessment>() });
    let mut effect = ct_effect::default();
    let mut o = ct_outcome::default();
    assert_eq!(unsafe { ct_outcome_init(&mut o) }, CT_OK);
    assert_eq!(unsafe { ct_assess(&c, &*p, &mut *a) }, CT_OK);
    let graded = *a;
    let mut incoherent = 0;
    for fill in [0x00u8, 0xEE] {
        for i in 8..size_of::<ct_policy>() {
            let mut q = Box::new(ct_policy { opaque: p.opaque });
            unsafe {
                q.opaque.as_mut_ptr().cast::<u8>().add(i).write(fill);
                let valid = ct_policy_validate(&*q, null_mut());
                assert_eq!(ct_assess(&c, &*q, &mut *a), valid, "byte {i} = {fill:#x}");
                if valid == CT_OK {
                    continue;
                }
                incoherent += usize::from(valid == CT_ERR_POLICY_INCOHERENT);
                assert_eq!(
                    ct_evaluate_outcome(&o, &graded, &*q, &mut effect),
                    valid,
                    "byte {i} = {fill:#x}"
                );
            }
        }
    }
    // Zero deadlines, bands out of order, points past 100...: many bytes.
    assert!(incoherent > 100, "{incoherent} incoherent blobs");
}

/// A queue of `N` slots holding `pushed` entries.
fn filled_queue<const N: usize>(storage: &mut [ct_queue_entry; N], pushed: u64) -> ct_queue {
    let mut q = ct_queue {
        storage: null_mut(),
        capacity: 0,
        len: 0,
        next_seq: 0,
    };
    unsafe {
        assert_eq!(ct_queue_init(&mut q, storage.as_mut_ptr(), N), CT_OK);
        for id in 0..pushed {
            let (priority, minutes) = (1 + (id % 5) as u8, 15 * (1 + id as u16 % 4));
            assert_eq!(
                ct_queue_push_raw(&mut q, id, priority, minutes, 1000 + 7 * id),
                CT_OK
            );
        }
    }
    q
}

/// Whether `e` is an entry a push could have written.
fn plausible(e: &ct_queue_entry) -> bool {
    (1..=5).contains(&e.priority)
        && e.deadline == e.arrival + 60 * u64::from(e.first_response_minutes)
        && e.reserved == [0; 5]
}

#[test]
fn overwritten_queue_storage_is_reported_not_served() {
    let mut storage = [ct_queue_entry::default(); 8];
    let mut q = filled_queue(&mut storage, 5);
    let sentinel = ct_queue_entry {
        id: 77,
        ..ct_queue_entry::default()
    };
    let mut e = sentinel;
    unsafe {
        core::ptr::write_bytes(storage.as_mut_ptr(), 0xFF, storage.len());
        assert_eq!(ct_queue_peek(&q, &mut e), CT_ERR_QUEUE_CORRUPT);
        assert_eq!(ct_queue_pop(&mut q, &mut e), CT_ERR_QUEUE_CORRUPT);
    }
    assert_eq!(e, sentinel, "out untouched");
    assert_eq!((q.len, q.next_seq), (5, 5), "queue untouched");
}

#[test]
fn every_overwritten_storage_byte_pops_intact_entries_or_an_error() {
    let mut corrupt = 0;
    for i in 0..8 * size_of::<ct_queue_entry>() {
        let mut storage = [ct_queue_entry::default(); 8];
        let mut q = filled_queue(&mut storage, 6);
        unsafe { storage.as_mut_ptr().cast::<u8>().add(i).write(0xEE) };
        let mut e = ct_queue_entry::default();
        loop {
            let r = unsafe { ct_queue_pop(&mut q, &mut e) };
            match r {
                CT_OK => assert!(plausible(&e), "byte {i}: served {e:?}"),
                CT_ERR_QUEUE_EMPTY => break,
                _ => {
                    assert_eq!(r, CT_ERR_QUEUE_CORRUPT, "byte {i}");
                    corrupt += 1;
                    break;
                }
            }
        }
    }
    // Six of eight slots hold entries; in each, every byte but the id's
    // eight is checked (seq's high bytes too: 0xEE.. is no push order yet).
    assert_eq!(corrupt, 6 * (size_of::<ct_queue_entry>() - 8));
}

#[test]
fn an_overwritten_queue_header_is_reported() {
    let mut storage = [ct_queue_entry::default(); 8];
    let mut e = ct_queue_entry::default();
    let mut n = 0usize;
    unsafe {
        // More waiting entries than pushes: the zeroed slots past them.
        let mut q = filled_queue(&mut storage, 3);
        q.len = 8;
        assert_eq!(ct_queue_pop(&mut q, &mut e), CT_ERR_QUEUE_CORRUPT);
        assert_eq!(ct_queue_len(&q, &mut n), CT_ERR_QUEUE_CORRUPT);
        // As many pushes as entries, but the slots were never written.
        q.next_seq = 8;
        assert_eq!(ct_queue_pop(&mut q, &mut e), CT_OK);
        assert!(plausible(&e));
        let mut served = 1;
        let r = loop {
            let r = ct_queue_pop(&mut q, &mut e);
            if r != CT_OK {
                break r;
            }
            served += 1;
        };
        assert_eq!(r, CT_ERR_QUEUE_CORRUPT);
        assert!(served <= 3, "a zeroed slot was served");
    }
}

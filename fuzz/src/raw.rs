//! Targets that drive the C ABI with raw integers: every struct the caller
//! fills is filled with fuzzer bytes, every integer argument is arbitrary.
//! The library must answer each call with a result code, never with a panic
//! (`CT_ERR_PANIC`), and its queue must behave like a sorted list.

use core::ffi::c_char;
use core::mem::{size_of, MaybeUninit};

use ffi as c;

/// Reads the fuzzer's bytes front to back; past the end it yields zeros.
struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    fn u8(&mut self) -> u8 {
        let (b, rest) = self.0.split_first().map_or((0, &[][..]), |(b, r)| (*b, r));
        self.0 = rest;
        b
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }
    fn u64(&mut self) -> u64 {
        u64::from(self.u32()) | u64::from(self.u32()) << 32
    }
    /// Up to `max` bytes, length taken from the input.
    fn slice(&mut self, max: usize) -> &'a [u8] {
        let n = (usize::from(self.u16()) % (max + 1)).min(self.0.len());
        let (s, rest) = self.0.split_at(n);
        self.0 = rest;
        s
    }
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// A value of a plain-integer C struct, every byte from the input.
    fn plain<T: Plain>(&mut self) -> T {
        let mut v = MaybeUninit::<T>::zeroed();
        let n = size_of::<T>().min(self.0.len());
        // SAFETY: `T: Plain` is a repr(C) struct of integers and integer
        // arrays, so any byte pattern is a valid value; `n` bytes fit both
        // the source and the destination.
        unsafe {
            core::ptr::copy_nonoverlapping(self.0.as_ptr(), v.as_mut_ptr().cast::<u8>(), n);
        }
        self.0 = &self.0[n..];
        // SAFETY: zeroed, then overwritten with arbitrary bytes: valid for `Plain`.
        unsafe { v.assume_init() }
    }
}

/// # Safety
/// Only for repr(C) structs made of integers (and arrays and structs of
/// them), for which every byte pattern is a valid value.
unsafe trait Plain: Copy {}
// SAFETY: each of these is repr(C) with integer fields only (see ffi-c/src).
unsafe impl Plain for c::ct_complaint {}
// SAFETY: as above.
unsafe impl Plain for c::ct_assessment {}
// SAFETY: as above.
unsafe impl Plain for c::ct_outcome {}
// SAFETY: as above.
unsafe impl Plain for c::ct_effect {}

fn no_panic(what: &str, r: c::ct_result) -> c::ct_result {
    assert_ne!(r, c::CT_ERR_PANIC, "{what} panicked");
    r
}

fn zeroed<T: Plain>() -> T {
    // SAFETY: every byte pattern, zero included, is valid for `Plain`.
    unsafe { MaybeUninit::<T>::zeroed().assume_init() }
}

/// A policy: the default, with up to 16 bytes of the blob (past its tag)
/// overwritten, so that `ct_assess` meets incoherent tables (which it must
/// refuse as `ct_policy_validate` does, never panic on), or a tag that is
/// not ours.
fn raw_policy(b: &mut Bytes<'_>) -> c::ct_policy {
    let mut p = c::ct_policy {
        opaque: [0; c::CT_POLICY_WORDS],
    };
    // SAFETY: `p` is a valid, aligned, writable ct_policy.
    assert_eq!(unsafe { c::ct_policy_default(&mut p) }, c::CT_OK);
    let edits = b.u8();
    if edits & 0x80 != 0 {
        // SAFETY: the blob is plain words; it is the library's to reject.
        let bytes: &mut [u8; c::CT_POLICY_WORDS * 8] =
            unsafe { &mut *(&mut p.opaque as *mut _ as *mut _) };
        for _ in 0..(edits & 0x0f) {
            let at = usize::from(b.u16()) % (bytes.len() - 8) + 8;
            bytes[at] = b.u8();
        }
        if edits & 0x40 != 0 {
            bytes[0] ^= b.u8() | 1;
        }
    }
    p
}

/// Raw integers into every C entry point.
pub fn ffi_entry_points(data: &[u8]) {
    let mut b = Bytes(data);
    let policy = raw_policy(&mut b);
    let mut err = zeroed_error();
    // SAFETY (whole function): every pointer passed is to a live local of
    // the right type, or NULL where the test means NULL.
    unsafe {
        // An edited blob may hold incoherent tables: grading must then
        // refuse it with the code ct_policy_validate gives.
        let validity = no_panic(
            "ct_policy_validate",
            c::ct_policy_validate(&policy, &mut err),
        );
        while !b.is_empty() {
            match b.u8() % 8 {
                0 => {
                    let complaint: c::ct_complaint = b.plain();
                    no_panic(
                        "ct_complaint_validate",
                        c::ct_complaint_validate(&complaint),
                    );
                    let mut a = zeroed::<c::ct_assessment>();
                    let r = no_panic("ct_assess", c::ct_assess(&complaint, &policy, &mut a));
                    if validity != c::CT_OK && c::ct_complaint_validate(&complaint) == c::CT_OK {
                        assert_eq!(r, validity, "ct_assess graded a policy validation refuses");
                    }
                    if r == c::CT_OK {
                        let valid =
                            no_panic("ct_assessment_validate", c::ct_assessment_validate(&a));
                        assert_eq!(valid, c::CT_OK, "ct_assess wrote an invalid assessment");
                        assessment_calls(&mut b, &a, &policy);
                    }
                }
                1 => {
                    let a: c::ct_assessment = b.plain();
                    no_panic("ct_assessment_validate", c::ct_assessment_validate(&a));
                    assessment_calls(&mut b, &a, &policy);
                }
                2 => {
                    let (vocab, index, lang) = (b.u32() % 40, b.u32(), b.u32() % 4);
                    let mut n = 0usize;
                    no_panic("ct_vocabulary_size", c::ct_vocabulary_size(vocab, &mut n));
                    let mut s: *const c_char = core::ptr::null();
                    if no_panic("ct_name", c::ct_name(vocab, index, lang, &mut s)) == c::CT_OK {
                        assert!(!s.is_null());
                    }
                    if no_panic("ct_code", c::ct_code(vocab, index, &mut s)) == c::CT_OK {
                        assert!(!s.is_null());
                    }
                    let code = b.slice(64);
                    let mut i = 0u32;
                    no_panic(
                        "ct_lookup_code",
                        c::ct_lookup_code(vocab, code.as_ptr().cast(), code.len(), &mut i),
                    );
                    let r = b.u32();
                    assert!(!c::ct_result_message(r).is_null());
                    assert!(!c::ct_result_name(r).is_null());
                    let _ = c::ct_result_field(r);
                }
                3 => {
                    let json = b.slice(2048);
                    let mut out = zeroed::<c::ct_complaint>();
                    no_panic(
                        "ct_complaint_from_json",
                        c::ct_complaint_from_json(
                            json.as_ptr().cast(),
                            json.len(),
                            &mut out,
                            &mut err,
                        ),
                    );
                    let mut p = c::ct_policy {
                        opaque: [0; c::CT_POLICY_WORDS],
                    };
                    no_panic(
                        "ct_policy_from_json",
                        c::ct_policy_from_json(json.as_ptr().cast(), json.len(), &mut p, &mut err),
                    );
                    let mut o = zeroed::<c::ct_outcome>();
                    no_panic(
                        "ct_outcome_from_json",
                        c::ct_outcome_from_json(json.as_ptr().cast(), json.len(), &mut o, &mut err),
                    );
                }
                4 => {
                    let mut complaint: c::ct_complaint = b.plain();
                    let text = b.slice(512);
                    no_panic(
                        "ct_complaint_set_id",
                        c::ct_complaint_set_id(&mut complaint, text.as_ptr().cast(), text.len()),
                    );
                    no_panic(
                        "ct_complaint_add_text",
                        c::ct_complaint_add_text(&mut complaint, text.as_ptr().cast(), text.len()),
                    );
                    let mut cues = c::ct_text_cues::default();
                    no_panic(
                        "ct_scan_text",
                        c::ct_scan_text(text.as_ptr().cast(), text.len(), &mut cues),
                    );
                }
                5 => {
                    // NULL pointers everywhere they are allowed to be NULL.
                    use core::ptr::{null, null_mut};
                    no_panic("ct_assess(NULL)", c::ct_assess(null(), &policy, null_mut()));
                    no_panic(
                        "ct_scan_text(NULL)",
                        c::ct_scan_text(null(), b.u8().into(), null_mut()),
                    );
                    no_panic(
                        "ct_queue_pop(NULL)",
                        c::ct_queue_pop(null_mut(), null_mut()),
                    );
                    no_panic("ct_route(NULL)", c::ct_route(null(), null_mut()));
                }
                6 => {
                    let o: c::ct_outcome = b.plain();
                    let a: c::ct_assessment = b.plain();
                    let mut e = zeroed::<c::ct_effect>();
                    no_panic(
                        "ct_evaluate_outcome",
                        c::ct_evaluate_outcome(&o, &a, &policy, &mut e),
                    );
                    let raw: c::ct_effect = b.plain();
                    let mut buf = [0 as c_char; c::CT_MAX_EFFECT_JSON];
                    let cap = usize::from(b.u16()) % (buf.len() + 1);
                    let mut n = 0usize;
                    no_panic(
                        "ct_effect_to_json",
                        c::ct_effect_to_json(&raw, buf.as_mut_ptr(), cap, &mut n),
                    );
                }
                _ => {
                    let e = entry(b.u64(), b.u8(), b.u16(), b.u64());
                    let mut left = 0i64;
                    no_panic(
                        "ct_queue_entry_time_left",
                        c::ct_queue_entry_time_left(&e, b.u64(), &mut left),
                    );
                }
            }
        }
    }
}

/// A C queue entry as the library makes it (deadline saturating, push
/// order still 0).
fn entry(id: u64, priority: u8, first_response_minutes: u16, arrival: u64) -> c::ct_queue_entry {
    c::ct_queue_entry {
        id,
        arrival,
        deadline: arrival.saturating_add(u64::from(first_response_minutes) * 60),
        seq: 0,
        first_response_minutes,
        priority,
        reserved: [0; 5],
    }
}

/// The core's entry seen as the C one, field by field.
fn from_core(e: &triage::QueueEntry) -> c::ct_queue_entry {
    let mut out = entry(
        e.id(),
        e.priority(),
        e.first_response_minutes(),
        e.arrival(),
    );
    out.deadline = e.deadline();
    out.seq = e.seq();
    out
}

fn zeroed_error() -> c::ct_error {
    // SAFETY: ct_error is repr(C) integers, char arrays and a `ct_result`
    // (a repr(u32) enum whose zero is `CT_OK`): all zero bytes are valid.
    unsafe { MaybeUninit::<c::ct_error>::zeroed().assume_init() }
}

/// The calls that take an assessment, valid or not.
///
/// # Safety
/// None beyond Rust's: every pointer is to a live local.
unsafe fn assessment_calls(b: &mut Bytes<'_>, a: &c::ct_assessment, policy: &c::ct_policy) {
    let mut buf = vec![0 as c_char; c::CT_MAX_ASSESSMENT_JSON];
    let cap = match b.u8() {
        0..=127 => buf.len(),
        _ => usize::from(b.u16()) % (buf.len() + 1),
    };
    let mut n = 0usize;
    // SAFETY: `buf` holds at least `cap` bytes.
    let r = no_panic("ct_assessment_to_json", unsafe {
        c::ct_assessment_to_json(a, buf.as_mut_ptr(), cap, &mut n)
    });
    if r == c::CT_OK {
        assert!(n < cap, "written {n} with capacity {cap}");
        let bytes: Vec<u8> = buf[..n].iter().map(|&x| x as u8).collect();
        serde_json::from_slice::<serde_json::Value>(&bytes)
            .expect("assessment JSON from C is valid");
    }
    let mut route = MaybeUninit::<c::ct_routing>::zeroed();
    // SAFETY: live locals.
    no_panic("ct_route", unsafe { c::ct_route(a, route.as_mut_ptr()) });
    let o: c::ct_outcome = b.plain();
    let mut e = zeroed::<c::ct_effect>();
    // SAFETY: live locals.
    if no_panic("ct_evaluate_outcome", unsafe {
        c::ct_evaluate_outcome(&o, a, policy, &mut e)
    }) == c::CT_OK
    {
        let mut out = [0 as c_char; c::CT_MAX_EFFECT_JSON];
        // SAFETY: live locals.
        let r = unsafe { c::ct_effect_to_json(&e, out.as_mut_ptr(), out.len(), &mut n) };
        assert_eq!(r, c::CT_OK, "the effect of ct_evaluate_outcome serialises");
    }
}

/// Random push / pop / peek / len sequences on a C queue over caller
/// storage and on the core's `TriageQueue<16>`, against a model: a plain
/// list from which pop takes the least (deadline, priority, push order).
/// The core queue gets the same pushes while it has room (the C queue's
/// capacity is at most 16), so both must agree with the model throughout.
pub fn queue(data: &[u8]) {
    let mut b = Bytes(data);
    let capacity = usize::from(b.u8() % 16) + 1;
    let mut storage = vec![c::ct_queue_entry::default(); capacity];
    let mut q = MaybeUninit::<c::ct_queue>::uninit();
    // SAFETY: live locals; `storage` outlives every use of the queue.
    let mut q = unsafe {
        assert_eq!(
            c::ct_queue_init(q.as_mut_ptr(), storage.as_mut_ptr(), capacity),
            c::CT_OK
        );
        q.assume_init()
    };
    let mut model: Vec<c::ct_queue_entry> = Vec::new();
    let mut core_q = triage::TriageQueue::<16>::new();
    let mut seq = 0u64;
    let mut id = 0u64;
    while !b.is_empty() {
        let op = b.u8();
        // SAFETY (block): `q` was filled by ct_queue_init over `storage`,
        // which is alive and used by nothing else.
        unsafe {
            match op % 4 {
                0 | 1 => {
                    let priority = if op & 0x80 != 0 {
                        b.u8()
                    } else {
                        b.u8() % 5 + 1
                    };
                    let minutes = b.u16();
                    // Arrivals near 0, or near u64::MAX to hit the saturation.
                    let arrival = if op & 0x40 != 0 {
                        u64::MAX - u64::from(b.u16())
                    } else {
                        u64::from(b.u32())
                    };
                    id += 1;
                    let r = no_panic(
                        "ct_queue_push_raw",
                        c::ct_queue_push_raw(&mut q, id, priority, minutes, arrival),
                    );
                    let expected = if !(1..=5).contains(&priority) {
                        c::CT_ERR_INVALID_ARGUMENT
                    } else if model.len() == capacity {
                        c::CT_ERR_QUEUE_FULL
                    } else {
                        let mut e = entry(id, priority, minutes, arrival);
                        e.seq = seq;
                        seq += 1;
                        model.push(e);
                        c::CT_OK
                    };
                    assert_eq!(
                        r,
                        expected,
                        "push of priority {priority} into {} of {capacity}",
                        model.len()
                    );
                    // The core queue (capacity 16 >= the C one's) takes what the C one took.
                    if r == c::CT_OK {
                        assert!(
                            core_q.push(id, priority, minutes, arrival).is_ok(),
                            "core queue refused a push"
                        );
                    }
                }
                2 => {
                    let mut got = c::ct_queue_entry::default();
                    let r = no_panic("ct_queue_pop", c::ct_queue_pop(&mut q, &mut got));
                    let core_got = core_q.pop().map(|e| from_core(&e));
                    let best = (0..model.len())
                        .min_by_key(|&i| (model[i].deadline, model[i].priority, model[i].seq));
                    match best {
                        None => {
                            assert_eq!(r, c::CT_ERR_QUEUE_EMPTY);
                            assert_eq!(core_got, None, "core queue pop from empty");
                        }
                        Some(i) => {
                            assert_eq!(r, c::CT_OK);
                            assert_eq!(
                                core_got,
                                Some(got),
                                "core queue pop differs from the C one"
                            );
                            assert_eq!(got, model.remove(i), "pop order differs from the model");
                        }
                    }
                }
                _ => {
                    let mut got = c::ct_queue_entry::default();
                    let r = no_panic("ct_queue_peek", c::ct_queue_peek(&q, &mut got));
                    let best = model.iter().min_by_key(|e| (e.deadline, e.priority, e.seq));
                    match best {
                        None => assert_eq!(r, c::CT_ERR_QUEUE_EMPTY),
                        Some(e) => {
                            assert_eq!(r, c::CT_OK);
                            assert_eq!(&got, e, "peek differs from the model");
                        }
                    }
                    let mut n = usize::MAX;
                    assert_eq!(c::ct_queue_len(&q, &mut n), c::CT_OK);
                    assert_eq!(n, model.len());
                    assert_eq!(core_q.len(), model.len(), "core queue length");
                    assert_eq!(
                        core_q.peek().map(from_core),
                        best.copied(),
                        "core queue peek"
                    );
                    let now = b.u64();
                    let mut left = 0i64;
                    assert_eq!(c::ct_queue_entry_time_left(&got, now, &mut left), c::CT_OK);
                    if r == c::CT_OK {
                        let exact = i128::from(got.deadline) - i128::from(now);
                        assert_eq!(
                            i128::from(left),
                            exact.clamp(i64::MIN.into(), i64::MAX.into())
                        );
                    }
                }
            }
        }
    }
    // Drain: everything comes out in model order.
    model.sort_by_key(|e| (e.deadline, e.priority, e.seq));
    for want in model {
        let mut got = c::ct_queue_entry::default();
        // SAFETY: as above.
        assert_eq!(unsafe { c::ct_queue_pop(&mut q, &mut got) }, c::CT_OK);
        assert_eq!(got, want);
    }
    drop(storage);
}

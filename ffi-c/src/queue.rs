//! A fixed-capacity triage queue over caller-provided storage: push
//! complaints with their assessment and arrival time, pop the most urgent.
//!
//! The queue, its aging rule (earliest first-response deadline first, so
//! that nothing starves) and its tests live in the core
//! ([`triage::queue`], `core/src/queue.rs`). This module carries the C
//! structs, checks the C integers and pointers, and runs the core's
//! [`SliceQueue`] over the caller's storage, which it resumes from the
//! `ct_queue` fields on every call.
//!
//! A full queue refuses the push (`CT_ERR_QUEUE_FULL`); nothing is ever
//! overwritten or dropped. The queue holds no lock: share it between
//! threads only behind the caller's own mutex.

use triage::queue::{QueueEntry, SliceQueue};

use crate::assessment::ct_assessment;
use crate::result::*;
use crate::util::{boundary, check, check_mut, get, put};

/// One waiting complaint.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ct_queue_entry {
    /// The caller's identifier of the complaint or call.
    pub id: u64,
    /// Arrival time, in seconds (any epoch, the same for every entry).
    pub arrival: u64,
    /// First-response deadline: `arrival + first_response_minutes * 60`
    /// (saturating). Time left at `now` is `deadline - now`.
    pub deadline: u64,
    /// Push order within the queue (ties are served first in, first out).
    pub seq: u64,
    /// The assessment's minutes to first response.
    pub first_response_minutes: u16,
    /// The assessment's priority, 1 (most urgent) to 5.
    pub priority: u8,
    /// Reserved, set to 0 by the library (no implicit padding).
    pub reserved: [u8; 5],
}

// The caller's storage is handed to the core as `[QueueEntry]`, so both
// types must have one layout: both are `repr(C)` with the same fields in
// the same order, and these are the offsets the core asserts for its own
// (see `QueueEntry`).
const _: () = {
    use core::mem::{align_of, offset_of, size_of};
    assert!(size_of::<ct_queue_entry>() == size_of::<QueueEntry>());
    assert!(align_of::<ct_queue_entry>() == align_of::<QueueEntry>());
    assert!(offset_of!(ct_queue_entry, id) == 0 && offset_of!(ct_queue_entry, arrival) == 8);
    assert!(offset_of!(ct_queue_entry, deadline) == 16 && offset_of!(ct_queue_entry, seq) == 24);
    assert!(offset_of!(ct_queue_entry, first_response_minutes) == 32);
    assert!(offset_of!(ct_queue_entry, priority) == 34);
    assert!(offset_of!(ct_queue_entry, reserved) == 35);
};

impl From<QueueEntry> for ct_queue_entry {
    fn from(e: QueueEntry) -> ct_queue_entry {
        ct_queue_entry {
            id: e.id(),
            arrival: e.arrival(),
            deadline: e.deadline(),
            seq: e.seq(),
            first_response_minutes: e.first_response_minutes(),
            priority: e.priority(),
            reserved: [0; 5],
        }
    }
}

/// A triage queue over caller-provided storage. Fill it with
/// `ct_queue_init`; treat the fields as read-only. Not synchronised: share
/// it between threads only behind a lock.
///
/// Aging rule: each entry's urgency is the time left before its
/// first-response deadline (`arrival + first_response_minutes * 60`); pop
/// takes the least time left (earliest deadline), then the lower priority
/// number, then the first pushed. Waiting entries grow more urgent as their
/// deadline nears and a newcomer can overtake one only with an earlier
/// deadline, so every entry is served after a bounded wait. A full queue
/// refuses a push (`CT_ERR_QUEUE_FULL`) and never overwrites.
#[repr(C)]
pub struct ct_queue {
    /// The caller's array of `capacity` entries (a binary heap).
    pub storage: *mut ct_queue_entry,
    /// Number of entries `storage` holds.
    pub capacity: usize,
    /// Number of waiting entries.
    pub len: usize,
    /// Sequence number of the next push.
    pub next_seq: u64,
}

/// The fields of a caller's queue, checked against each other.
struct Fields {
    storage: *mut ct_queue_entry,
    capacity: usize,
    len: usize,
    next_seq: u64,
}

/// Reads and checks the fields of a caller's queue: storage, at most
/// `capacity` waiting entries, and at least as many pushes as waiting
/// entries (each got its own push order below `next_seq`).
///
/// # Safety
/// `q` must be non-NULL, aligned and point to a readable `ct_queue`.
unsafe fn fields(q: *const ct_queue) -> Result<Fields, ct_result> {
    // SAFETY: the caller guarantees `q` is readable; every field is an
    // integer or a raw pointer.
    let f = unsafe {
        Fields {
            storage: get!(q.storage),
            capacity: get!(q.capacity),
            len: get!(q.len),
            next_seq: get!(q.next_seq),
        }
    };
    if f.storage.is_null()
        || !f.storage.is_aligned()
        || f.len > f.capacity
        || f.capacity > isize::MAX as usize / core::mem::size_of::<ct_queue_entry>()
        || u64::try_from(f.len).map_or(true, |len| len > f.next_seq)
    {
        return Err(CT_ERR_QUEUE_CORRUPT);
    }
    Ok(f)
}

/// Whether `e` is an entry a push of this queue wrote: a priority of 1-5,
/// the deadline the core computes from its arrival and first-response
/// time, zero reserved bytes and a push order already given. Storage the
/// caller overwrote fails this (all 0xFF bytes: priority 255; the zeros
/// of `ct_queue_init`: priority 0), and is then reported rather than
/// served as a complaint.
fn pushed_entry(e: &ct_queue_entry, next_seq: u64) -> bool {
    let rebuilt = QueueEntry::new(e.id, e.priority, e.first_response_minutes, e.arrival);
    (1..=5).contains(&e.priority)
        && e.deadline == rebuilt.deadline()
        && e.reserved == [0; 5]
        && e.seq < next_seq
}

/// The most urgent waiting entry (the heap's root), checked with
/// [`pushed_entry`]: `CT_ERR_QUEUE_EMPTY`, `CT_ERR_QUEUE_CORRUPT`, or the
/// entry that pop and peek hand out.
///
/// # Safety
/// `f` must be the checked fields of a queue filled by `ct_queue_init`
/// whose storage is still valid.
unsafe fn checked_root(f: &Fields) -> Result<ct_queue_entry, ct_result> {
    if f.len == 0 {
        return Err(CT_ERR_QUEUE_EMPTY);
    }
    // SAFETY: `len > 0` and `len <= capacity`, so the first entry is within
    // the storage, which `ct_queue_init` zero-filled: initialised integers.
    let root = unsafe { f.storage.read() };
    if pushed_entry(&root, f.next_seq) {
        Ok(root)
    } else {
        Err(CT_ERR_QUEUE_CORRUPT)
    }
}

/// Runs `f` on the core queue over a caller's storage, resumed from the
/// `ct_queue` fields, and stores its new length and push order back.
///
/// # Safety
/// `q` must be non-NULL, aligned and point to a `ct_queue` filled by
/// `ct_queue_init`, whose storage is still valid and not aliased.
unsafe fn with_queue<T>(
    q: *mut ct_queue,
    f: impl FnOnce(&mut SliceQueue<'_>) -> T,
) -> Result<T, ct_result> {
    // SAFETY: forwarded from the caller.
    let Fields {
        storage,
        capacity,
        len,
        next_seq,
    } = unsafe { fields(q) }?;
    // SAFETY: `ct_queue_init` checked the storage and zero-filled it, so
    // all `capacity` entries are initialised integers, and the caller
    // guarantees it is still valid and used only by this queue. The cast
    // keeps the layout (asserted above: the same `repr(C)` fields).
    let slots = unsafe { core::slice::from_raw_parts_mut(storage.cast::<QueueEntry>(), capacity) };
    let mut queue = SliceQueue::from_parts(slots, len, next_seq).ok_or(CT_ERR_QUEUE_CORRUPT)?;
    let out = f(&mut queue);
    let (len, next_seq) = (queue.len(), queue.next_seq());
    // SAFETY: forwarded from the caller: `q` is writable; integer fields.
    unsafe {
        put!(q.len = len);
        put!(q.next_seq = next_seq);
    }
    Ok(out)
}

/// Makes `*queue` an empty triage queue over `storage`, an array of
/// `capacity` entries that the caller keeps alive, and does not touch
/// otherwise, as long as the queue is used. The entries are set to zero.
///
/// Returns `CT_ERR_NULL_POINTER`, `CT_ERR_MISALIGNED_POINTER`, or
/// `CT_ERR_INVALID_ARGUMENT` for a zero or impossibly large capacity.
///
/// # Safety
/// `queue` must be NULL or point to a writable `ct_queue`; `storage` must
/// be NULL or point to `capacity` writable entries.
#[no_mangle]
pub unsafe extern "C" fn ct_queue_init(
    queue: *mut ct_queue,
    storage: *mut ct_queue_entry,
    capacity: usize,
) -> ct_result {
    boundary(|| {
        check_mut(queue)?;
        check_mut(storage)?;
        if capacity == 0 || capacity > isize::MAX as usize / core::mem::size_of::<ct_queue_entry>()
        {
            return Err(CT_ERR_INVALID_ARGUMENT);
        }
        // Zero-filled so that every entry the queue later reads is
        // initialised, whatever the caller's array held.
        // SAFETY: checked non-NULL and aligned, `capacity` entries fit an
        // isize; the caller guarantees they are writable.
        unsafe { core::ptr::write_bytes(storage, 0, capacity) };
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe {
            queue.write(ct_queue {
                storage,
                capacity,
                len: 0,
                next_seq: 0,
            })
        };
        Ok(())
    })
}

/// Adds complaint `id`, graded `*assessment` (its priority and
/// first-response minutes), arrived at `arrival` seconds.
///
/// Returns `CT_ERR_QUEUE_FULL` when the queue is full (nothing is
/// overwritten), `CT_ERR_ASSESSMENT_PRIORITY` for a priority outside 1-5,
/// `CT_ERR_QUEUE_CORRUPT` or `CT_ERR_NULL_POINTER`.
///
/// # Safety
/// `queue` must be NULL or point to a `ct_queue` filled by `ct_queue_init`
/// whose storage is still valid; `assessment` must be NULL or point to a
/// readable `ct_assessment`.
#[no_mangle]
pub unsafe extern "C" fn ct_queue_push(
    queue: *mut ct_queue,
    id: u64,
    assessment: *const ct_assessment,
    arrival: u64,
) -> ct_result {
    boundary(|| {
        check_mut(queue)?;
        check(assessment)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is readable.
        let (priority, minutes) = unsafe {
            (
                get!(assessment.priority),
                get!(assessment.first_response_minutes),
            )
        };
        if !(1..=5).contains(&priority) {
            return Err(CT_ERR_ASSESSMENT_PRIORITY);
        }
        // SAFETY: forwarded from the caller.
        unsafe { with_queue(queue, |q| q.push(id, priority, minutes, arrival)) }?
            .map_err(|_| CT_ERR_QUEUE_FULL)
    })
}

/// Adds complaint `id` of this `priority` (1-5) and first-response time,
/// arrived at `arrival` seconds; for callers that kept only those two
/// numbers of the assessment.
///
/// Returns `CT_ERR_QUEUE_FULL`, `CT_ERR_INVALID_ARGUMENT` for a priority
/// outside 1-5, `CT_ERR_QUEUE_CORRUPT` or `CT_ERR_NULL_POINTER`.
///
/// # Safety
/// `queue` must be NULL or point to a `ct_queue` filled by `ct_queue_init`
/// whose storage is still valid.
#[no_mangle]
pub unsafe extern "C" fn ct_queue_push_raw(
    queue: *mut ct_queue,
    id: u64,
    priority: u8,
    first_response_minutes: u16,
    arrival: u64,
) -> ct_result {
    boundary(|| {
        check_mut(queue)?;
        if !(1..=5).contains(&priority) {
            return Err(CT_ERR_INVALID_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        unsafe {
            with_queue(queue, |q| {
                q.push(id, priority, first_response_minutes, arrival)
            })
        }?
        .map_err(|_| CT_ERR_QUEUE_FULL)
    })
}

/// Removes the most urgent entry (earliest deadline; then lower priority
/// number; then first pushed) and writes it to `*out`.
///
/// Returns `CT_ERR_QUEUE_EMPTY`, `CT_ERR_QUEUE_CORRUPT` or
/// `CT_ERR_NULL_POINTER`, leaving `*out` and the queue untouched, on
/// failure. `CT_ERR_QUEUE_CORRUPT` means the `ct_queue` or the entry to be
/// served was overwritten since a push wrote it: a priority outside 1-5, a
/// deadline that is not arrival + first-response time, nonzero reserved
/// bytes, a push order not yet given, more entries than pushes.
///
/// # Safety
/// `queue` must be NULL or point to a `ct_queue` filled by `ct_queue_init`
/// whose storage is still valid; `out` must be NULL or point to a writable
/// `ct_queue_entry`.
#[no_mangle]
pub unsafe extern "C" fn ct_queue_pop(queue: *mut ct_queue, out: *mut ct_queue_entry) -> ct_result {
    boundary(|| {
        check_mut(queue)?;
        check_mut(out)?;
        // Checked before the heap is touched, so that a refused pop leaves
        // the queue as it was.
        // SAFETY: forwarded from the caller.
        unsafe { checked_root(&fields(queue)?) }?;
        // SAFETY: forwarded from the caller.
        let e = unsafe { with_queue(queue, |q| q.pop()) }?.ok_or(CT_ERR_QUEUE_EMPTY)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(e.into()) };
        Ok(())
    })
}

/// Writes the most urgent entry to `*out` without removing it.
///
/// Returns `CT_ERR_QUEUE_EMPTY`, `CT_ERR_QUEUE_CORRUPT` (checked as
/// `ct_queue_pop` does) or `CT_ERR_NULL_POINTER`, leaving `*out`
/// untouched, on failure.
///
/// # Safety
/// `queue` must be NULL or point to a `ct_queue` filled by `ct_queue_init`
/// whose storage is still valid; `out` must be NULL or point to a writable
/// `ct_queue_entry`.
#[no_mangle]
pub unsafe extern "C" fn ct_queue_peek(
    queue: *const ct_queue,
    out: *mut ct_queue_entry,
) -> ct_result {
    boundary(|| {
        check(queue)?;
        check_mut(out)?;
        // Reads the root alone through the raw pointer: concurrent peeks
        // (under a reader lock) must not each claim the storage exclusively.
        // SAFETY: checked non-NULL and aligned; the caller guarantees the
        // queue is readable and its storage still valid.
        let e = unsafe { checked_root(&fields(queue)?) }?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(e) };
        Ok(())
    })
}

/// Writes the number of waiting entries to `*out`.
///
/// # Safety
/// `queue` must be NULL or point to a `ct_queue` filled by `ct_queue_init`;
/// `out` must be NULL or point to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn ct_queue_len(queue: *const ct_queue, out: *mut usize) -> ct_result {
    boundary(|| {
        check(queue)?;
        check_mut(out)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is readable.
        let len = unsafe { fields(queue) }?.len;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(len) };
        Ok(())
    })
}

/// Seconds left before the entry's first-response deadline at `now`
/// (negative once overdue), in `*out`.
///
/// # Safety
/// `entry` must be NULL or point to a readable `ct_queue_entry`; `out`
/// must be NULL or point to a writable `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn ct_queue_entry_time_left(
    entry: *const ct_queue_entry,
    now: u64,
    out: *mut i64,
) -> ct_result {
    boundary(|| {
        check(entry)?;
        check_mut(out)?;
        // Only the deadline is read: the caller may have filled no other
        // field. An entry arriving at that deadline with no first-response
        // time falls due then too.
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is
        // readable; an integer field.
        let deadline = unsafe { get!(entry.deadline) };
        let left = QueueEntry::new(0, 0, 0, deadline).time_left(now);
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(left) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use triage::TriageQueue;

    #[test]
    fn core_entries_read_as_c_entries() {
        // The storage cast relies on equal layouts: a core entry read
        // through the C struct has every field in its place.
        let core_entry = {
            let mut q = TriageQueue::<2>::new();
            q.push(1, 1, 1, 1).unwrap();
            q.push(0x0102_0304_0506_0708, 3, 0x0a0b, 0x1112_1314)
                .unwrap();
            q.pop();
            q.pop().unwrap()
        };
        // SAFETY: a local of the same size and alignment (asserted above).
        let c = unsafe { *core::ptr::from_ref(&core_entry).cast::<ct_queue_entry>() };
        assert_eq!(c, ct_queue_entry::from(core_entry));
        assert_eq!(
            (
                c.id,
                c.arrival,
                c.deadline,
                c.seq,
                c.first_response_minutes,
                c.priority
            ),
            (
                0x0102_0304_0506_0708,
                0x1112_1314,
                0x1112_1314 + 0x0a0b * 60,
                1,
                0x0a0b,
                3
            )
        );
        assert_eq!(c.reserved, [0; 5]);
    }

    #[test]
    fn the_c_queue_serves_like_the_core_queue() {
        let mut storage = [ct_queue_entry {
            id: u64::MAX,
            reserved: [0xff; 5],
            ..ct_queue_entry::default()
        }; 8];
        let mut q = ct_queue {
            storage: core::ptr::null_mut(),
            capacity: 0,
            len: 0,
            next_seq: 0,
        };
        let mut core_queue = TriageQueue::<8>::new();
        let pushes = [
            (5u8, 240u16, 0u64),
            (1, 15, 600),
            (2, 15, 600),
            (3, 60, 60),
            (1, 30, 0),
        ];
        // SAFETY: valid locals; `storage` outlives the queue.
        unsafe {
            assert_eq!(ct_queue_init(&mut q, storage.as_mut_ptr(), 8), CT_OK);
            assert!(storage.iter().all(|e| *e == ct_queue_entry::default()));
            for (id, &(p, m, t)) in pushes.iter().enumerate() {
                assert_eq!(ct_queue_push_raw(&mut q, id as u64, p, m, t), CT_OK);
                core_queue.push(id as u64, p, m, t).unwrap();
            }
            assert_eq!(q.next_seq, pushes.len() as u64);
            let mut e = ct_queue_entry::default();
            while let Some(want) = core_queue.pop() {
                assert_eq!(ct_queue_peek(&q, &mut e), CT_OK);
                assert_eq!(e, want.into());
                assert_eq!(ct_queue_pop(&mut q, &mut e), CT_OK);
                assert_eq!(e, want.into());
                let mut left = 0;
                assert_eq!(ct_queue_entry_time_left(&e, 1000, &mut left), CT_OK);
                assert_eq!(left, want.time_left(1000));
            }
            assert_eq!(ct_queue_pop(&mut q, &mut e), CT_ERR_QUEUE_EMPTY);
        }
    }
}

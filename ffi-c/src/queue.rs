//! A fixed-capacity triage queue: push complaints with their assessment
//! and arrival time, pop the most urgent. No allocation: C passes the
//! storage (`ct_queue_init`); Rust can use [`TriageQueue`], whose capacity
//! is a const generic.
//!
//! ## The aging rule
//! Each entry gets a first-response **deadline** when it is pushed:
//! `arrival + first_response_minutes * 60` seconds (saturating). Its
//! urgency at time `now` is the time left, `deadline - now`, which shrinks
//! as the deadline nears and turns negative once it has passed. `pop`
//! takes the entry with the least time left, that is the earliest deadline;
//! ties go to the lower priority number (more urgent), then to the
//! earlier push (first in, first out).
//!
//! Because every entry ages at the same rate, the order of waiting entries
//! never changes, and a newcomer overtakes a waiting entry only if its own
//! deadline is earlier. A newcomer's deadline is at least its arrival time
//! plus the shortest first-response time of the policy, so once an entry
//! is that close to its deadline nothing can overtake it any more: every
//! entry is served after a bounded wait, however many urgent complaints
//! arrive (no starvation). An urgent complaint (short deadline) still goes
//! ahead of routine ones that arrived shortly before it.
//!
//! A full queue refuses the push (`CT_ERR_QUEUE_FULL`); nothing is ever
//! overwritten or dropped. The queue holds no lock: share it between
//! threads only behind the caller's own mutex.

use triage::Assessment;

use crate::assessment::ct_assessment;
use crate::result::*;
use crate::util::{boundary, check, check_mut, get};

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

impl ct_queue_entry {
    /// An entry for a complaint of this priority and first-response time.
    pub fn new(id: u64, priority: u8, first_response_minutes: u16, arrival: u64) -> Self {
        ct_queue_entry {
            id,
            arrival,
            deadline: arrival.saturating_add(u64::from(first_response_minutes) * 60),
            seq: 0,
            first_response_minutes,
            priority,
            reserved: [0; 5],
        }
    }

    /// Seconds left before the deadline at `now`; negative once overdue.
    pub fn time_left(&self, now: u64) -> i64 {
        let d = i128::from(self.deadline) - i128::from(now);
        d.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
    }

    /// Sort key: the most urgent entry has the smallest key.
    fn key(&self) -> (u64, u8, u64) {
        (self.deadline, self.priority, self.seq)
    }
}

/// The queue is full; nothing was overwritten.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueueFull;

/// A binary min-heap over `slots[..*len]`, ordered by [`ct_queue_entry::key`].
struct Heap<'a> {
    slots: &'a mut [ct_queue_entry],
    len: &'a mut usize,
    next_seq: &'a mut u64,
}

impl Heap<'_> {
    fn push(&mut self, mut entry: ct_queue_entry) -> Result<(), QueueFull> {
        let n = *self.len;
        if n >= self.slots.len() {
            return Err(QueueFull);
        }
        entry.seq = *self.next_seq;
        *self.next_seq = self.next_seq.wrapping_add(1);
        self.slots[n] = entry;
        *self.len = n + 1;
        let mut i = n;
        while i > 0 {
            let parent = (i - 1) / 2;
            if self.slots[i].key() < self.slots[parent].key() {
                self.slots.swap(i, parent);
                i = parent;
            } else {
                break;
            }
        }
        Ok(())
    }

    fn pop(&mut self) -> Option<ct_queue_entry> {
        let n = *self.len;
        if n == 0 {
            return None;
        }
        let top = self.slots[0];
        let last = n - 1;
        self.slots.swap(0, last);
        *self.len = last;
        let mut i = 0;
        loop {
            let (l, r) = (2 * i + 1, 2 * i + 2);
            let mut m = i;
            if l < last && self.slots[l].key() < self.slots[m].key() {
                m = l;
            }
            if r < last && self.slots[r].key() < self.slots[m].key() {
                m = r;
            }
            if m == i {
                break;
            }
            self.slots.swap(i, m);
            i = m;
        }
        Some(top)
    }
}

/// A triage queue of at most `N` entries, stored inline (no allocation).
#[derive(Clone, Debug)]
pub struct TriageQueue<const N: usize> {
    slots: [ct_queue_entry; N],
    len: usize,
    next_seq: u64,
}

impl<const N: usize> Default for TriageQueue<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> TriageQueue<N> {
    /// An empty queue.
    pub const fn new() -> Self {
        TriageQueue {
            slots: [ct_queue_entry {
                id: 0,
                arrival: 0,
                deadline: 0,
                seq: 0,
                first_response_minutes: 0,
                priority: 0,
                reserved: [0; 5],
            }; N],
            len: 0,
            next_seq: 0,
        }
    }

    fn heap(&mut self) -> Heap<'_> {
        Heap {
            slots: &mut self.slots,
            len: &mut self.len,
            next_seq: &mut self.next_seq,
        }
    }

    /// Adds a complaint; `Err(QueueFull)` when the queue holds `N` entries.
    pub fn push(
        &mut self,
        id: u64,
        priority: u8,
        first_response_minutes: u16,
        arrival: u64,
    ) -> Result<(), QueueFull> {
        self.heap().push(ct_queue_entry::new(
            id,
            priority,
            first_response_minutes,
            arrival,
        ))
    }

    /// Adds a graded complaint (its priority and first-response minutes).
    pub fn push_assessment(
        &mut self,
        id: u64,
        a: &Assessment,
        arrival: u64,
    ) -> Result<(), QueueFull> {
        self.push(id, a.priority, a.first_response_minutes, arrival)
    }

    /// Removes and returns the most urgent entry (see the aging rule).
    pub fn pop(&mut self) -> Option<ct_queue_entry> {
        self.heap().pop()
    }

    /// The most urgent entry, without removing it.
    pub fn peek(&self) -> Option<ct_queue_entry> {
        (self.len > 0).then(|| self.slots[0])
    }

    /// Number of waiting entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no entry is waiting.
    pub fn is_empty(&self) -> bool {
        self.len == 0
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

/// Reads and checks the fields of a caller's queue.
///
/// # Safety
/// `q` must be non-NULL, aligned and point to a readable `ct_queue`.
unsafe fn fields(q: *const ct_queue) -> Result<(*mut ct_queue_entry, usize, usize), ct_result> {
    // SAFETY: the caller guarantees `q` is readable; every field is an
    // integer or a raw pointer.
    let (storage, capacity, len) = unsafe { (get!(q.storage), get!(q.capacity), get!(q.len)) };
    if storage.is_null()
        || !storage.is_aligned()
        || len > capacity
        || capacity > isize::MAX as usize / core::mem::size_of::<ct_queue_entry>()
    {
        return Err(CT_ERR_QUEUE_CORRUPT);
    }
    Ok((storage, capacity, len))
}

/// Runs `f` on the heap of a caller's queue after checking its fields.
///
/// # Safety
/// `q` must be non-NULL, aligned and point to a `ct_queue` filled by
/// `ct_queue_init`, whose storage is still valid and not aliased.
unsafe fn with_heap<T>(
    q: *mut ct_queue,
    f: impl FnOnce(&mut Heap<'_>) -> T,
) -> Result<T, ct_result> {
    // SAFETY: forwarded from the caller.
    let (storage, capacity, _) = unsafe { fields(q) }?;
    // SAFETY: the caller guarantees `q` is writable and holds only
    // integers and a raw pointer.
    let queue = unsafe { &mut *q };
    // SAFETY: `ct_queue_init` checked the storage, and the caller
    // guarantees it still holds `capacity` entries, used only by this queue.
    let slots = unsafe { core::slice::from_raw_parts_mut(storage, capacity) };
    let mut heap = Heap {
        slots,
        len: &mut queue.len,
        next_seq: &mut queue.next_seq,
    };
    Ok(f(&mut heap))
}

/// Makes `*queue` an empty triage queue over `storage`, an array of
/// `capacity` entries that the caller keeps alive, and does not touch
/// otherwise, as long as the queue is used.
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
        let entry = ct_queue_entry::new(id, priority, minutes, arrival);
        // SAFETY: forwarded from the caller.
        unsafe { with_heap(queue, |h| h.push(entry)) }?.map_err(|_| CT_ERR_QUEUE_FULL)
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
        let entry = ct_queue_entry::new(id, priority, first_response_minutes, arrival);
        // SAFETY: forwarded from the caller.
        unsafe { with_heap(queue, |h| h.push(entry)) }?.map_err(|_| CT_ERR_QUEUE_FULL)
    })
}

/// Removes the most urgent entry (earliest deadline; then lower priority
/// number; then first pushed) and writes it to `*out`.
///
/// Returns `CT_ERR_QUEUE_EMPTY`, `CT_ERR_QUEUE_CORRUPT` or
/// `CT_ERR_NULL_POINTER`, leaving `*out` untouched, on failure.
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
        // SAFETY: forwarded from the caller.
        let e = unsafe { with_heap(queue, |h| h.pop()) }?.ok_or(CT_ERR_QUEUE_EMPTY)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(e) };
        Ok(())
    })
}

/// Writes the most urgent entry to `*out` without removing it.
///
/// Returns `CT_ERR_QUEUE_EMPTY`, `CT_ERR_QUEUE_CORRUPT` or
/// `CT_ERR_NULL_POINTER`, leaving `*out` untouched, on failure.
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
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is readable.
        let (storage, _, len) = unsafe { fields(queue) }?;
        if len == 0 {
            return Err(CT_ERR_QUEUE_EMPTY);
        }
        // SAFETY: `len >= 1` entries of the storage are valid; `out` was
        // checked non-NULL and aligned and the caller guarantees it is writable.
        unsafe { out.write(storage.read()) };
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
        let (_, _, len) = unsafe { fields(queue) }?;
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
        // SAFETY: checked non-NULL and aligned; the caller guarantees both
        // are valid; every field is an integer.
        unsafe { out.write((*entry).time_left(now)) };
        Ok(())
    })
}

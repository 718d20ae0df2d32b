//! A fixed-capacity triage queue: push complaints with their assessment
//! and arrival time, pop the most urgent. No allocation, in two forms
//! built on the same heap code:
//!
//! - [`TriageQueue<N>`](TriageQueue) holds its `N` entries inline (a
//!   [`heapless::Vec`]);
//! - [`SliceQueue`] works over storage the caller provides, a
//!   `&mut [QueueEntry]` of any length (what the C binding hands over).
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
//! A full queue refuses the push with [`QueueFull`]; nothing is ever
//! overwritten or dropped. A queue holds no lock: share it between threads
//! only behind the caller's own mutex.
//!
//! ```
//! use complaint_triage::TriageQueue;
//!
//! let mut q = TriageQueue::<2>::new();
//! q.push(1, 5, 240, 0).unwrap(); // routine, due at 14 400 s
//! q.push(2, 1, 15, 600).unwrap(); // urgent, due at 1 500 s
//! assert!(q.push(3, 1, 15, 600).is_err()); // full: nothing overwritten
//! assert_eq!(q.pop().map(|e| e.id()), Some(2));
//! assert_eq!(q.pop().map(|e| e.id()), Some(1));
//! assert!(q.pop().is_none());
//! ```

use core::cmp::Ordering;
use core::fmt;

use crate::assessment::Assessment;

/// One waiting complaint.
///
/// The layout is fixed (`repr(C)`: `id`, `arrival`, `deadline`, `seq` as
/// 64-bit integers at offsets 0, 8, 16, 24, then `first_response_minutes`
/// at 32, `priority` at 34 and five zero bytes, 40 bytes without implicit
/// padding), so that storage can be shared with C, whose `ct_queue_entry`
/// has the same fields, and every byte of it stays initialised.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct QueueEntry {
    id: u64,
    arrival: u64,
    deadline: u64,
    seq: u64,
    first_response_minutes: u16,
    priority: u8,
    // Explicit instead of implicit padding: see the type's documentation.
    reserved: [u8; 5],
}

// The layout promised above; the C binding relies on it.
const _: () = {
    use core::mem::{align_of, offset_of, size_of};
    assert!(size_of::<QueueEntry>() == 40 && align_of::<QueueEntry>() == 8);
    assert!(offset_of!(QueueEntry, id) == 0 && offset_of!(QueueEntry, arrival) == 8);
    assert!(offset_of!(QueueEntry, deadline) == 16 && offset_of!(QueueEntry, seq) == 24);
    assert!(offset_of!(QueueEntry, first_response_minutes) == 32);
    assert!(offset_of!(QueueEntry, priority) == 34 && offset_of!(QueueEntry, reserved) == 35);
};

impl QueueEntry {
    /// An entry for complaint `id` of this priority (1 most urgent to 5)
    /// and first-response time, arrived at `arrival` seconds (any epoch,
    /// the same for every entry of a queue). Its deadline is `arrival +
    /// first_response_minutes * 60`, saturating; its push order is 0 until
    /// a queue assigns one.
    pub const fn new(id: u64, priority: u8, first_response_minutes: u16, arrival: u64) -> Self {
        QueueEntry {
            id,
            arrival,
            // At most 65 535 * 60: the product cannot overflow.
            deadline: arrival.saturating_add(first_response_minutes as u64 * 60),
            seq: 0,
            first_response_minutes,
            priority,
            reserved: [0; 5],
        }
    }

    /// The caller's identifier of the complaint or call.
    pub const fn id(&self) -> u64 {
        self.id
    }

    /// Arrival time, in seconds.
    pub const fn arrival(&self) -> u64 {
        self.arrival
    }

    /// First-response deadline, in seconds: `arrival +
    /// first_response_minutes * 60` (saturating).
    pub const fn deadline(&self) -> u64 {
        self.deadline
    }

    /// Push order within its queue: 0 for the first push, then 1, 2, ...
    /// (ties of deadline and priority are served first in, first out).
    pub const fn seq(&self) -> u64 {
        self.seq
    }

    /// The assessment's minutes to first response.
    pub const fn first_response_minutes(&self) -> u16 {
        self.first_response_minutes
    }

    /// The assessment's priority, 1 (most urgent) to 5.
    pub const fn priority(&self) -> u8 {
        self.priority
    }

    /// Seconds left before the deadline at `now`; negative once overdue
    /// (clamped to the range of an `i64`).
    pub fn time_left(&self, now: u64) -> i64 {
        let d = i128::from(self.deadline) - i128::from(now);
        i64::try_from(d).unwrap_or(if d < 0 { i64::MIN } else { i64::MAX })
    }

    /// Compares by urgency: [`Ordering::Less`] when `self` is served
    /// before `other` (earlier deadline, then lower priority number, then
    /// earlier push).
    pub fn cmp_urgency(&self, other: &QueueEntry) -> Ordering {
        self.key().cmp(&other.key())
    }

    /// The order of the aging rule: the most urgent has the smallest key.
    fn key(&self) -> (u64, u8, u64) {
        (self.deadline, self.priority, self.seq)
    }
}

/// The queue is full; nothing was overwritten or dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QueueFull;

impl fmt::Display for QueueFull {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the triage queue is full; nothing was overwritten")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for QueueFull {}

// The heap code both queues share. `heap` is always exactly the waiting
// entries, a binary min-heap by `QueueEntry::key`. Only checked accessors
// (`get`, `swap` on indices below `heap.len()`) are used, so that no
// input, however corrupt the storage a caller hands back, can panic.

/// Restores the heap order after an entry was appended at the end.
fn sift_up(heap: &mut [QueueEntry]) {
    let mut i = heap.len().saturating_sub(1);
    while i > 0 {
        let parent = (i - 1) / 2;
        match (heap.get(i), heap.get(parent)) {
            (Some(child), Some(up)) if child.key() < up.key() => {
                heap.swap(i, parent);
                i = parent;
            }
            _ => break,
        }
    }
}

/// Restores the heap order after the root was replaced.
fn sift_down(heap: &mut [QueueEntry]) {
    let mut i = 0usize;
    loop {
        let left = i.saturating_mul(2).saturating_add(1);
        let mut m = i;
        for child in [left, left.saturating_add(1)] {
            if let (Some(c), Some(best)) = (heap.get(child), heap.get(m)) {
                if c.key() < best.key() {
                    m = child;
                }
            }
        }
        if m == i {
            break;
        }
        heap.swap(i, m);
        i = m;
    }
}

/// Moves the root of `heap` to its end, ready to be removed, and restores
/// the heap order of the rest; `None` when `heap` is empty.
fn take_root(heap: &mut [QueueEntry]) -> Option<QueueEntry> {
    let last = heap.len().checked_sub(1)?;
    heap.swap(0, last);
    let (rest, root) = heap.split_at_mut(last);
    sift_down(rest);
    root.first().copied()
}

/// Stamps `entry` with the next push order.
fn stamp(mut entry: QueueEntry, next_seq: &mut u64) -> QueueEntry {
    entry.seq = *next_seq;
    // A u64 cannot wrap in practice; wrapping keeps this panic-free.
    *next_seq = next_seq.wrapping_add(1);
    entry
}

/// A triage queue over storage the caller provides: at most
/// `slots.len()` entries, no allocation (see the [aging
/// rule](self#the-aging-rule)).
///
/// The queue keeps its entries at the front of the slice, as a binary
/// heap; what lies beyond them is ignored and may be overwritten. To keep
/// a queue across calls without keeping the borrow (the C binding's
/// case), store the slice with [`len`](Self::len) and
/// [`next_seq`](Self::next_seq) and resume it with
/// [`from_parts`](Self::from_parts).
#[derive(Debug)]
pub struct SliceQueue<'a> {
    slots: &'a mut [QueueEntry],
    len: usize,
    next_seq: u64,
}

impl<'a> SliceQueue<'a> {
    /// An empty queue over `slots`; its capacity is `slots.len()`.
    pub fn new(slots: &'a mut [QueueEntry]) -> Self {
        SliceQueue {
            slots,
            len: 0,
            next_seq: 0,
        }
    }

    /// Resumes a queue whose first `len` slots hold its entries, as this
    /// type left them, and whose next push gets order `next_seq`.
    /// `None` when `len` exceeds the slice.
    ///
    /// Entries that were changed in between are served in an unspecified
    /// order, but never cause a panic or a lost entry.
    pub fn from_parts(slots: &'a mut [QueueEntry], len: usize, next_seq: u64) -> Option<Self> {
        (len <= slots.len()).then_some(SliceQueue {
            slots,
            len,
            next_seq,
        })
    }

    /// The waiting entries, as a heap: the first is the most urgent, the
    /// order of the others is unspecified.
    pub fn as_slice(&self) -> &[QueueEntry] {
        self.slots.get(..self.len).unwrap_or_default()
    }

    /// The most urgent entry of a queue kept as parts (see
    /// [`from_parts`](Self::from_parts)), read through a shared borrow:
    /// for readers that must not take the exclusive one `from_parts`
    /// needs, such as concurrent peeks at storage shared with C. `None`
    /// when `len` is 0 or exceeds the slice.
    pub fn peek_parts(slots: &[QueueEntry], len: usize) -> Option<&QueueEntry> {
        slots.get(..len)?.first()
    }

    fn heap_mut(&mut self) -> &mut [QueueEntry] {
        self.slots.get_mut(..self.len).unwrap_or_default()
    }

    /// Adds complaint `id` of this priority and first-response time,
    /// arrived at `arrival` seconds; `Err(QueueFull)` when every slot is
    /// taken, and then nothing changes.
    pub fn push(
        &mut self,
        id: u64,
        priority: u8,
        first_response_minutes: u16,
        arrival: u64,
    ) -> Result<(), QueueFull> {
        let entry = QueueEntry::new(id, priority, first_response_minutes, arrival);
        let slot = self.slots.get_mut(self.len).ok_or(QueueFull)?;
        *slot = stamp(entry, &mut self.next_seq);
        self.len += 1;
        sift_up(self.heap_mut());
        Ok(())
    }

    /// Adds graded complaint `id` (its priority and first-response minutes).
    pub fn push_assessment(
        &mut self,
        id: u64,
        a: &Assessment,
        arrival: u64,
    ) -> Result<(), QueueFull> {
        self.push(id, a.priority, a.first_response_minutes, arrival)
    }

    /// Removes and returns the most urgent entry (see the aging rule).
    pub fn pop(&mut self) -> Option<QueueEntry> {
        let top = take_root(self.heap_mut())?;
        self.len -= 1;
        Some(top)
    }

    /// The most urgent entry, without removing it.
    pub fn peek(&self) -> Option<&QueueEntry> {
        self.as_slice().first()
    }

    /// Number of waiting entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no entry is waiting.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Most entries the queue can hold: the length of its slice.
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// Whether the next push would fail with [`QueueFull`].
    pub fn is_full(&self) -> bool {
        self.len >= self.slots.len()
    }

    /// The push order the next entry will get.
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }
}

/// A triage queue of at most `N` entries, stored inline (no allocation;
/// see the [aging rule](self#the-aging-rule)). It runs the same heap code
/// as [`SliceQueue`].
#[derive(Clone, Debug)]
pub struct TriageQueue<const N: usize> {
    heap: heapless::Vec<QueueEntry, N>,
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
            heap: heapless::Vec::new(),
            next_seq: 0,
        }
    }

    /// Adds complaint `id` of this priority and first-response time,
    /// arrived at `arrival` seconds; `Err(QueueFull)` when the queue holds
    /// `N` entries, and then nothing changes.
    pub fn push(
        &mut self,
        id: u64,
        priority: u8,
        first_response_minutes: u16,
        arrival: u64,
    ) -> Result<(), QueueFull> {
        if self.heap.is_full() {
            return Err(QueueFull);
        }
        let entry = QueueEntry::new(id, priority, first_response_minutes, arrival);
        self.heap
            .push(stamp(entry, &mut self.next_seq))
            .map_err(|_| QueueFull)?;
        sift_up(&mut self.heap);
        Ok(())
    }

    /// Adds graded complaint `id` (its priority and first-response minutes).
    pub fn push_assessment(
        &mut self,
        id: u64,
        a: &Assessment,
        arrival: u64,
    ) -> Result<(), QueueFull> {
        self.push(id, a.priority, a.first_response_minutes, arrival)
    }

    /// Removes and returns the most urgent entry (see the aging rule).
    pub fn pop(&mut self) -> Option<QueueEntry> {
        let top = take_root(&mut self.heap)?;
        // `take_root` moved the root to the end: drop it from there.
        self.heap.pop();
        Some(top)
    }

    /// The most urgent entry, without removing it.
    pub fn peek(&self) -> Option<&QueueEntry> {
        self.heap.first()
    }

    /// The waiting entries, as a heap: the first is the most urgent, the
    /// order of the others is unspecified.
    pub fn as_slice(&self) -> &[QueueEntry] {
        &self.heap
    }

    /// Number of waiting entries.
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// Whether no entry is waiting.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }

    /// Most entries the queue can hold: `N`.
    pub const fn capacity(&self) -> usize {
        N
    }

    /// Whether the next push would fail with [`QueueFull`].
    pub fn is_full(&self) -> bool {
        self.heap.is_full()
    }
}

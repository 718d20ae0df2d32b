//! The triage queue: the aging rule, full queues, starvation, and both
//! forms (inline `TriageQueue<N>` and `SliceQueue` over caller storage)
//! against a sorted-`Vec` model.

use complaint_triage::*;
use proptest::prelude::{any, prop_assert, prop_assert_eq, prop_oneof, proptest, Just};
use proptest::strategy::Strategy as _;
use proptest::test_runner::TestCaseError;

/// The first-response caps of the default policy: every assessment's
/// first-response time is one of these or shorter.
const CAPS: [u16; 5] = [15, 30, 60, 120, 240];

fn example_assessment() -> Assessment {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/complaints.jsonl");
    let text = std::fs::read_to_string(path).expect("examples/complaints.jsonl");
    let line = text.lines().nth(2).expect("three example records");
    assess(&parse_complaint(line.as_bytes()).unwrap(), &Policy::DEFAULT)
}

fn drain<const N: usize>(q: &mut TriageQueue<N>) -> Vec<u64> {
    std::iter::from_fn(|| q.pop()).map(|e| e.id()).collect()
}

#[test]
fn pops_by_deadline_then_priority_then_arrival() {
    let mut q = TriageQueue::<4>::new();
    assert_eq!(q.pop(), None);
    assert_eq!(q.peek(), None);
    // Routine (240 min) at t=0; urgent (15 min) at t=600; same deadline
    // as the urgent one but priority 2 at t=600; routine at t=0 again.
    q.push(1, 5, 240, 0).unwrap();
    q.push(2, 1, 15, 600).unwrap();
    q.push(3, 2, 15, 600).unwrap();
    q.push(4, 5, 240, 0).unwrap();
    assert_eq!(q.push(5, 1, 15, 0), Err(QueueFull));
    assert_eq!((q.len(), q.capacity(), q.is_full()), (4, 4, true));
    assert_eq!(q.peek().map(|e| e.id()), Some(2));
    let e = *q.peek().unwrap();
    assert_eq!(
        (
            e.arrival(),
            e.deadline(),
            e.seq(),
            e.priority(),
            e.first_response_minutes()
        ),
        (600, 600 + 15 * 60, 1, 1, 15)
    );
    assert_eq!(drain(&mut q), [2, 3, 1, 4]);
    assert!(q.is_empty());
}

#[test]
fn time_left_shrinks_and_turns_negative() {
    let e = QueueEntry::new(1, 5, 240, 0);
    assert_eq!(e.time_left(0), 240 * 60);
    assert_eq!(e.time_left(240 * 60 + 5), -5);
    // Saturating deadline, clamped time left.
    let late = QueueEntry::new(2, 1, 15, u64::MAX - 10);
    assert_eq!(late.deadline(), u64::MAX);
    assert_eq!(late.time_left(0), i64::MAX);
    assert_eq!(QueueEntry::new(3, 1, 0, 0).time_left(u64::MAX), i64::MIN);
    assert_eq!(e.seq(), 0);
    assert_eq!(core::mem::size_of::<QueueEntry>(), 40);
}

#[test]
fn cmp_urgency_is_the_pop_order() {
    use core::cmp::Ordering::*;
    let a = QueueEntry::new(1, 5, 15, 0);
    let b = QueueEntry::new(2, 1, 15, 0);
    let c = QueueEntry::new(3, 1, 240, 0);
    assert_eq!(b.cmp_urgency(&a), Less);
    assert_eq!(a.cmp_urgency(&c), Less);
    assert_eq!(a.cmp_urgency(&a), Equal);
}

#[test]
fn a_full_queue_refuses_and_overwrites_nothing() {
    let mut slots = [QueueEntry::default(); 3];
    let mut q = SliceQueue::new(&mut slots);
    for id in 0..3 {
        q.push(id, 5, 240, id).unwrap();
    }
    assert!(q.is_full());
    // Even a far more urgent complaint is refused rather than let in.
    assert_eq!(q.push(99, 1, 0, 0), Err(QueueFull));
    assert_eq!(q.next_seq(), 3, "a refused push takes no order number");
    let ids: Vec<u64> = std::iter::from_fn(|| q.pop()).map(|e| e.id()).collect();
    assert_eq!(ids, [0, 1, 2]);

    let mut none: [QueueEntry; 0] = [];
    let mut q = SliceQueue::new(&mut none);
    assert_eq!((q.capacity(), q.is_full()), (0, true));
    assert_eq!(q.push(1, 1, 15, 0), Err(QueueFull));
    assert_eq!(q.pop(), None);
    let mut q = TriageQueue::<0>::new();
    assert_eq!(q.push(1, 1, 15, 0), Err(QueueFull));
}

#[test]
fn queue_full_is_an_error_with_a_message() {
    assert_eq!(
        QueueFull.to_string(),
        "the triage queue is full; nothing was overwritten"
    );
    #[cfg(feature = "std")]
    {
        let e: &dyn std::error::Error = &QueueFull;
        assert!(e.source().is_none());
    }
}

#[test]
fn a_slice_queue_resumes_from_its_parts() {
    let mut slots = [QueueEntry::default(); 4];
    let (len, next_seq) = {
        let mut q = SliceQueue::new(&mut slots);
        q.push(1, 5, 240, 0).unwrap();
        q.push(2, 1, 15, 600).unwrap();
        (q.len(), q.next_seq())
    };
    assert_eq!((len, next_seq), (2, 2));
    assert_eq!(SliceQueue::peek_parts(&slots, len).map(|e| e.id()), Some(2));
    assert_eq!(SliceQueue::peek_parts(&slots, 0), None);
    assert_eq!(SliceQueue::peek_parts(&slots, 5), None);
    assert!(SliceQueue::from_parts(&mut slots, 5, 0).is_none());
    let mut q = SliceQueue::from_parts(&mut slots, len, next_seq).unwrap();
    assert_eq!(q.as_slice().len(), 2);
    q.push(3, 1, 15, 600).unwrap();
    assert_eq!(q.peek().map(|e| (e.id(), e.seq())), Some((2, 1)));
    let order: Vec<(u64, u64)> = std::iter::from_fn(|| q.pop())
        .map(|e| (e.id(), e.seq()))
        .collect();
    assert_eq!(order, [(2, 1), (3, 2), (1, 0)]);
}

#[test]
fn an_assessment_goes_in_with_its_priority_and_deadline() {
    let a = example_assessment();
    let mut q = TriageQueue::<1>::new();
    q.push_assessment(9, &a, 100).unwrap();
    assert_eq!(q.push_assessment(10, &a, 100), Err(QueueFull));
    let e = q.pop().unwrap();
    assert_eq!(
        (e.id(), e.priority(), e.first_response_minutes()),
        (9, a.priority, a.first_response_minutes)
    );
    assert_eq!(e.deadline(), 100 + u64::from(a.first_response_minutes) * 60);
    let mut slots = [QueueEntry::default(); 1];
    let mut s = SliceQueue::new(&mut slots);
    s.push_assessment(9, &a, 100).unwrap();
    assert_eq!(s.pop(), Some(e));
}

#[test]
fn nothing_starves_in_the_queue() {
    // One routine complaint waits while an urgent one arrives every minute
    // for ten hours; the queue is served one entry per 30 seconds. The
    // routine one must be served no later than its deadline allows.
    let mut q = TriageQueue::<1024>::new();
    q.push(0, 5, 240, 0).unwrap();
    let mut served_at = None;
    let mut id = 1;
    for t in (0..36_000u64).step_by(30) {
        if t % 60 == 0 {
            q.push(id, 1, 15, t).unwrap();
            id += 1;
        }
        if let Some(e) = q.pop() {
            if e.id() == 0 {
                served_at = Some(t);
                break;
            }
        }
    }
    let t = served_at.expect("the routine complaint was never served");
    assert!(t <= 240 * 60, "served at {t}s, after its deadline");
    // With a saturated queue (more urgent arrivals than pops) it is served
    // once no newcomer's deadline can be earlier than its own.
    let mut q = TriageQueue::<4096>::new();
    q.push(0, 5, 240, 0).unwrap();
    let mut served_at = None;
    for t in 0..36_000u64 {
        q.push(t + 1, 1, 15, t).unwrap_or(());
        if t % 2 == 0 {
            if let Some(e) = q.pop() {
                if e.id() == 0 {
                    served_at = Some(t);
                    break;
                }
            }
        }
    }
    let t = served_at.expect("the routine complaint starved");
    assert!(t <= (240 - 15) * 60 + 2 * 4096, "served at {t}s");
}

/// One step of a random run; times only move forward.
#[derive(Clone, Debug)]
enum Op {
    Push { priority: u8, minutes: u16, dt: u64 },
    Pop { dt: u64 },
    Peek,
}

/// Time steps: often none and in whole minutes, so that deadlines tie and
/// the priority and first-in-first-out tie-breaks are exercised.
fn dt() -> impl proptest::strategy::Strategy<Value = u64> {
    prop_oneof![Just(0u64), (0u64..=30).prop_map(|m| m * 60), 0u64..=1_800]
}

fn op() -> impl proptest::strategy::Strategy<Value = Op> {
    prop_oneof![
        3 => (1u8..=5, proptest::sample::select(&CAPS[..]), dt())
            .prop_map(|(priority, minutes, dt)| Op::Push { priority, minutes, dt }),
        2 => dt().prop_map(|dt| Op::Pop { dt }),
        1 => Just(Op::Peek),
    ]
}

/// The queue under test, seen through the operations both forms share.
trait Queue {
    fn push(&mut self, id: u64, priority: u8, minutes: u16, arrival: u64) -> Result<(), QueueFull>;
    fn pop(&mut self) -> Option<QueueEntry>;
    fn peek(&mut self) -> Option<QueueEntry>;
    fn len(&mut self) -> usize;
}

impl<const N: usize> Queue for TriageQueue<N> {
    fn push(&mut self, id: u64, priority: u8, minutes: u16, arrival: u64) -> Result<(), QueueFull> {
        TriageQueue::push(self, id, priority, minutes, arrival)
    }
    fn pop(&mut self) -> Option<QueueEntry> {
        TriageQueue::pop(self)
    }
    fn peek(&mut self) -> Option<QueueEntry> {
        TriageQueue::peek(self).copied()
    }
    fn len(&mut self) -> usize {
        TriageQueue::len(self)
    }
}

/// Caller-owned storage and state, resumed with `from_parts` for every
/// operation, as the C binding does.
struct Stored {
    slots: Vec<QueueEntry>,
    len: usize,
    next_seq: u64,
}

impl Stored {
    fn with<T>(&mut self, f: impl FnOnce(&mut SliceQueue<'_>) -> T) -> T {
        let mut q = SliceQueue::from_parts(&mut self.slots, self.len, self.next_seq).unwrap();
        let out = f(&mut q);
        (self.len, self.next_seq) = (q.len(), q.next_seq());
        out
    }
}

impl Queue for Stored {
    fn push(&mut self, id: u64, priority: u8, minutes: u16, arrival: u64) -> Result<(), QueueFull> {
        self.with(|q| q.push(id, priority, minutes, arrival))
    }
    fn pop(&mut self) -> Option<QueueEntry> {
        self.with(|q| q.pop())
    }
    fn peek(&mut self) -> Option<QueueEntry> {
        let parts = SliceQueue::peek_parts(&self.slots, self.len).copied();
        let borrowed = self.with(|q| q.peek().copied());
        assert_eq!(parts, borrowed);
        borrowed
    }
    fn len(&mut self) -> usize {
        self.len
    }
}

/// An entry of the model, computed independently of the queue, with what
/// the starvation bound needs.
#[derive(Clone, Debug)]
struct Waiting {
    id: u64,
    arrival: u64,
    minutes: u16,
    priority: u8,
    deadline: u64,
    seq: u64,
    /// Entries already waiting when it was pushed.
    ahead_at_push: usize,
    /// Later pushes that arrived early enough to have an earlier deadline.
    possible_overtakers: usize,
    /// Pops since it was pushed.
    pops_waited: usize,
}

impl Waiting {
    /// The aging rule: earliest deadline, then lower priority number,
    /// then first pushed.
    fn key(&self) -> (u64, u8, u64) {
        (self.deadline, self.priority, self.seq)
    }

    fn is(&self, e: &QueueEntry) -> bool {
        (
            e.id(),
            e.arrival(),
            e.first_response_minutes(),
            e.priority(),
            e.deadline(),
            e.seq(),
        ) == (
            self.id,
            self.arrival,
            self.minutes,
            self.priority,
            self.deadline,
            self.seq,
        )
    }
}

/// Pops from `q` and from the model, checks they agree and that the
/// popped entry waited no longer than the starvation bound.
fn pop_both(q: &mut impl Queue, model: &mut Vec<Waiting>) -> Result<(), TestCaseError> {
    let got = q.pop();
    if model.is_empty() {
        prop_assert_eq!(got, None);
        return Ok(());
    }
    let want = model.remove(0);
    prop_assert!(got.is_some_and(|e| want.is(&e)), "{got:?} != {want:?}");
    // No starvation: it waited no more pops than the entries ahead of it
    // plus the newcomers that could have had an earlier deadline, a number
    // that stops growing once its deadline is nearer than the shortest
    // first-response time.
    prop_assert!(
        want.pops_waited <= want.ahead_at_push + want.possible_overtakers,
        "{want:?}"
    );
    for w in model.iter_mut() {
        w.pops_waited += 1;
    }
    Ok(())
}

/// Runs `ops` against `q` of capacity `cap` and a model: a `Vec` kept
/// sorted by the aging rule.
fn check_against_model(q: &mut impl Queue, cap: usize, ops: &[Op]) -> Result<(), TestCaseError> {
    let shortest = u64::from(CAPS[0]) * 60;
    let mut model: Vec<Waiting> = Vec::new();
    let (mut now, mut next_id, mut next_seq) = (0u64, 0u64, 0u64);
    for op in ops {
        match *op {
            Op::Push {
                priority,
                minutes,
                dt,
            } => {
                now += dt;
                let id = next_id;
                next_id += 1;
                let result = q.push(id, priority, minutes, now);
                if model.len() >= cap {
                    // Full: refused, and every waiting entry stays as it
                    // was, which the later pops check.
                    prop_assert_eq!(result, Err(QueueFull));
                    continue;
                }
                prop_assert_eq!(result, Ok(()));
                let deadline = now + u64::from(minutes) * 60;
                for w in model.iter_mut() {
                    if now + shortest <= w.deadline {
                        w.possible_overtakers += 1;
                    }
                }
                let new = Waiting {
                    id,
                    arrival: now,
                    minutes,
                    priority,
                    deadline,
                    seq: next_seq,
                    ahead_at_push: model.len(),
                    possible_overtakers: 0,
                    pops_waited: 0,
                };
                next_seq += 1;
                let at = model.partition_point(|w| w.key() < new.key());
                model.insert(at, new);
            }
            Op::Pop { dt } => {
                now += dt;
                pop_both(q, &mut model)?;
            }
            Op::Peek => {
                let got = q.peek();
                match model.first() {
                    None => prop_assert_eq!(got, None),
                    Some(w) => prop_assert!(got.is_some_and(|e| w.is(&e)), "{got:?} != {w:?}"),
                }
            }
        }
        prop_assert_eq!(q.len(), model.len());
    }
    // Everything still waiting comes out, in order, and nothing else.
    while !model.is_empty() {
        pop_both(q, &mut model)?;
    }
    prop_assert_eq!(q.pop(), None);
    Ok(())
}

proptest! {
    #[test]
    fn triage_queue_matches_the_model(ops in proptest::collection::vec(op(), 0..200)) {
        check_against_model(&mut TriageQueue::<6>::new(), 6, &ops)?;
    }

    #[test]
    fn slice_queue_matches_the_model(
        cap in 0usize..=8,
        ops in proptest::collection::vec(op(), 0..200),
    ) {
        let mut q = Stored { slots: vec![QueueEntry::default(); cap], len: 0, next_seq: 0 };
        check_against_model(&mut q, cap, &ops)?;
    }

    #[test]
    fn both_forms_serve_the_same_order(ops in proptest::collection::vec(op(), 0..200)) {
        // The same run on both forms of the same capacity: same results.
        let mut a = TriageQueue::<5>::new();
        let mut b = Stored { slots: vec![QueueEntry::default(); 5], len: 0, next_seq: 0 };
        let mut now = 0;
        for (id, op) in ops.iter().enumerate() {
            let id = id as u64;
            match *op {
                Op::Push { priority, minutes, dt } => {
                    now += dt;
                    prop_assert_eq!(
                        Queue::push(&mut a, id, priority, minutes, now),
                        b.push(id, priority, minutes, now)
                    );
                }
                Op::Pop { .. } => prop_assert_eq!(Queue::pop(&mut a), b.pop()),
                Op::Peek => prop_assert_eq!(Queue::peek(&mut a), b.peek()),
            }
        }
    }

    #[test]
    fn corrupt_storage_never_panics_nor_loses_an_entry(
        raw in proptest::collection::vec((any::<u64>(), any::<u8>(), any::<u16>(), any::<u64>()), 0..16),
        len_cut in any::<usize>(),
        next_seq in any::<u64>(),
    ) {
        // Storage handed back in any state (as C may): every entry of the
        // first `len` still comes out exactly once.
        let mut slots: Vec<QueueEntry> = raw
            .iter()
            .map(|&(id, p, m, t)| QueueEntry::new(id, p, m, t))
            .collect();
        let len = if slots.is_empty() { 0 } else { len_cut % (slots.len() + 1) };
        let mut want: Vec<u64> = slots[..len].iter().map(|e| e.id()).collect();
        let mut q = SliceQueue::from_parts(&mut slots, len, next_seq).unwrap();
        let mut got: Vec<u64> = std::iter::from_fn(|| q.pop()).map(|e| e.id()).collect();
        prop_assert!(q.is_empty());
        // Emptied, it takes a push again unless it has no slot at all.
        prop_assert_eq!(q.push(7, 1, 15, 0).is_ok(), q.capacity() > 0);
        want.sort_unstable();
        got.sort_unstable();
        prop_assert_eq!(got, want);
    }
}

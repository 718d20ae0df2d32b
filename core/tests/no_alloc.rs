//! The core paths allocate nothing: a counting global allocator watches
//! parse, assess, scan_text, outcome evaluation and JSON output.
//!
//! The count is kept per thread: the test harness runs other tests (and
//! its own bookkeeping) on other threads at the same time, and a
//! process-wide counter would charge their allocations to the path being
//! measured here.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use complaint_triage::*;

struct Counting;

thread_local! {
    // Const-initialised and without a destructor, so reading it from inside
    // the allocator never allocates or registers anything itself.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

/// Counts one allocation on the calling thread (none once the thread's
/// locals are gone, during its teardown).
fn count_one() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

/// The calling thread's allocations so far.
fn allocated_here() -> usize {
    ALLOCATIONS.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns how many allocations it made on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = allocated_here();
    f();
    allocated_here() - before
}

const RECORD: &[u8] = br#"{"id":"CT-9","category":"basic_service","channel":"social_media","customer_tier":"vip","emotion":9,"prior_contacts":3,"hours_open":80,"affected_customers":2500,"direct_loss":150000,"claimed_amount":900000,"threats":["media","lawsuit"],"profile":["influential","emotional"],"handling_failures":["broken_promise"],"malice_signals":["hype"],"jurisdiction":"cn_telecom","text":"\u518d\u4e0d\u89e3\u51b3\u6211\u5c31\u627e\u8bb0\u8005\u66dd\u5149!!! The agent said that's company policy. I'll sue."}"#;

#[test]
fn core_paths_allocate_nothing() {
    // Warm up anything lazily initialised by the test harness itself.
    let mut buf = [0u8; MAX_ASSESSMENT_JSON];
    let mut complaint = Complaint::DEFAULT;
    let mut assessment = Assessment::EMPTY;
    assert_eq!(
        allocations(|| complaint = parse_complaint(RECORD).unwrap()),
        0,
        "parse_complaint"
    );
    assert_eq!(
        allocations(|| assess_into(&complaint, &Policy::DEFAULT, &mut assessment)),
        0,
        "assess_into"
    );
    assert_eq!(
        allocations(|| assessment = assess(&complaint, &Policy::DEFAULT)),
        0,
        "assess"
    );
    assert_eq!(
        allocations(|| {
            std::hint::black_box(decide_only(&complaint, &Policy::DEFAULT));
        }),
        0,
        "decide_only"
    );
    assert_eq!(
        allocations(|| {
            let mut text = heapless::String::<4096>::new();
            write_counterfactuals(&complaint, &Policy::DEFAULT, &mut text).unwrap();
            std::hint::black_box(text);
        }),
        0,
        "write_counterfactuals"
    );
    assert_eq!(
        allocations(|| {
            std::hint::black_box(write_assessment_json(&assessment, &mut buf).unwrap());
        }),
        0,
        "write_assessment_json"
    );
    assert_eq!(
        allocations(|| {
            std::hint::black_box(scan_text(
                "再不解决我就找记者曝光 I'll sue, that's company policy!!!",
            ));
        }),
        0,
        "scan_text"
    );
    let outcome = br#"{"resolved_first_contact":false,"hours_to_resolve":30,"satisfaction":4}"#;
    let mut effect = None;
    assert_eq!(
        allocations(|| effect = Some(evaluate_outcome(
            &parse_outcome(outcome).unwrap(),
            &assessment,
            &Policy::DEFAULT
        ))),
        0,
        "outcome"
    );
    assert_eq!(
        allocations(|| {
            std::hint::black_box(write_effect_json(effect.as_ref().unwrap(), &mut buf).unwrap());
        }),
        0,
        "write_effect_json"
    );
    let bad = br#"{"id":"x","category":"biling"}"#;
    assert_eq!(
        allocations(|| {
            std::hint::black_box(parse_complaint(bad).unwrap_err());
        }),
        0,
        "parse error path"
    );
    let mut policy = Policy::DEFAULT;
    assert_eq!(
        allocations(|| parse_policy_into(
            br#"{"points":{"threat.media":{"impact":40}}}"#,
            &mut policy
        )
        .unwrap()),
        0,
        "parse_policy_into"
    );
    let mut big = vec![0u8; 64 * 1024];
    assert_eq!(
        allocations(|| {
            std::hint::black_box(write_policy_json(&policy, &mut big).unwrap());
        }),
        0,
        "write_policy_json"
    );
    // The counter does see allocations.
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 16]))) > 0);
}

/// Another thread allocating all the while is not charged to the thread
/// being measured (with one process-wide counter, this failed at once and
/// the test above failed under load, 1 run in 200).
#[test]
fn other_threads_allocations_are_not_counted() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let stop = Arc::new(AtomicBool::new(false));
    let started = Arc::new(std::sync::Barrier::new(2));
    let busy = {
        let (stop, started) = (Arc::clone(&stop), Arc::clone(&started));
        std::thread::spawn(move || {
            let mut made = std::hint::black_box(vec![0u8; 64]).len();
            started.wait();
            while !stop.load(Ordering::Relaxed) {
                made += std::hint::black_box(vec![0u8; 64]).len();
            }
            made
        })
    };
    // Measure only once the other thread is surely allocating.
    started.wait();
    let mut assessment = Assessment::EMPTY;
    let complaint = parse_complaint(RECORD).unwrap();
    let counted = allocations(|| {
        for _ in 0..10_000 {
            assess_into(&complaint, &Policy::DEFAULT, &mut assessment);
        }
    });
    stop.store(true, Ordering::Relaxed);
    assert!(busy.join().unwrap() > 0, "the other thread allocated");
    assert_eq!(counted, 0, "allocations of another thread were counted");
}

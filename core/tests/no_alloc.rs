//! The core paths allocate nothing: a counting global allocator watches
//! parse, assess, scan_text, outcome evaluation and JSON output.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use complaint_triage::*;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns how many allocations it made.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    f();
    ALLOCATIONS.load(Ordering::SeqCst) - before
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

//! A global allocator that counts allocations, so that a bench can assert
//! that a core path never touches the heap (the core promises it; the
//! assertion keeps the promise honest on the exact inputs measured).
//!
//! A bench binary installs it with
//! `#[global_allocator] static A: Counting = Counting;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting every allocation and reallocation.
pub struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter has no effect on the memory handed out.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Allocations made so far by the whole process (only meaningful when
/// [`Counting`] is the global allocator).
pub fn allocations() -> usize {
    ALLOCATIONS.load(Ordering::SeqCst)
}

/// Runs `f` and panics, naming `what`, if it allocated.
///
/// Only meaningful with [`Counting`] installed and no other thread
/// allocating meanwhile (criterion runs single-threaded here).
pub fn assert_no_alloc<R>(what: &str, f: impl FnOnce() -> R) -> R {
    let before = allocations();
    let r = f();
    let n = allocations() - before;
    assert_eq!(
        n, 0,
        "{what}: {n} heap allocations on a path that must make none"
    );
    r
}

/// Checks that the counter is live (so that a zero from
/// [`assert_no_alloc`] means something): panics if an allocation is not seen.
pub fn assert_counting() {
    let before = allocations();
    drop(std::hint::black_box(vec![1u8; 16]));
    assert!(
        allocations() > before,
        "the counting allocator is not the global allocator"
    );
}

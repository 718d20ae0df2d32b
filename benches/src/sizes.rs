//! Batch sizes of a run.
//!
//! A full run measures 1e3 to 1e6 records so that the cost per record can
//! be read against the batch size (caches, memory bandwidth). The quick mode
//! (`CT_BENCH_QUICK=1`, set by `benches/run-quick.sh`) keeps 1e3 and 1e4:
//! it exists to prove that every bench still builds, runs and agrees with
//! the core, not to time anything.

/// Whether this is a quick run (`CT_BENCH_QUICK` set to anything but `0` or empty).
pub fn quick() -> bool {
    std::env::var("CT_BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Record batch sizes of this run.
pub fn records() -> &'static [usize] {
    if quick() {
        &[1_000, 10_000]
    } else {
        &[1_000, 10_000, 100_000, 1_000_000]
    }
}

/// Transcript counts of the scanner benches. Transcripts average about
/// 1.5 KB, so 1e5 of them (150 MB) already fall far out of every cache;
/// 1e6 would only add generation time and memory.
pub fn transcripts() -> &'static [usize] {
    if quick() {
        &[1_000]
    } else {
        &[1_000, 10_000, 100_000]
    }
}

/// The largest record batch of this run.
pub fn max_records() -> usize {
    records().iter().copied().max().unwrap_or(0)
}

/// The largest transcript batch of this run.
pub fn max_transcripts() -> usize {
    transcripts().iter().copied().max().unwrap_or(0)
}

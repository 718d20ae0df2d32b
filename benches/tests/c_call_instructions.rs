//! The C entry points cost little more than the Rust call they wrap,
//! counted in instructions under callgrind (the count does not depend on
//! the machine's load, as a time would).
//!
//! `ct_assess_with` and `ct_assess_many` grade exactly as `assess_into`
//! does; what they add is the check of the caller's `ct_complaint` and
//! the writes into `ct_assessment`. A check of the complaint that stops
//! being unrolled (a loop over its field rules, as 17 loose fields made
//! it) shows here as some 270 more instructions per record.
//!
//! Instruction counts only mean something on an optimised build, so the
//! test runs there alone (the bench profile: the release one, unwinding,
//! so that the C library's crate is built once for the test and the
//! profile tool), and needs valgrind (`make setup` installs it):
//!
//!     cargo test --profile bench -p complaint-triage-benches --test c_call_instructions

use std::path::PathBuf;
use std::process::Command;

/// Records graded per count.
const RECORDS: u64 = 2_000;

/// Most instructions per record a C entry point may add to `assess_into`.
/// On the build that set it: `ct_assess_with` 105, `ct_assess_many` 89;
/// with the complaint check left as a loop, 367 and 361.
const MAX_EXTRA_PER_RECORD: u64 = 150;

/// Instructions per record of `profile MODE RECORDS`, collected inside its
/// measured region only (`run_path`).
fn instructions_per_record(mode: &str) -> u64 {
    let out: PathBuf =
        std::env::temp_dir().join(format!("ct-callgrind-{mode}-{}.out", std::process::id()));
    let run = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg("--toggle-collect=*run_path*")
        .arg(env!("CARGO_BIN_EXE_profile"))
        .arg(mode)
        .arg(RECORDS.to_string())
        .output()
        .unwrap_or_else(|e| panic!("valgrind could not be run ({e}): `make setup` installs it"));
    assert!(
        run.status.success(),
        "callgrind of `profile {mode}` failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let data = std::fs::read_to_string(&out).expect("callgrind wrote its counts");
    std::fs::remove_file(&out).ok();
    let total: u64 = data
        .lines()
        .find_map(|l| l.strip_prefix("summary: "))
        .and_then(|n| n.trim().parse().ok())
        .expect("a `summary:` line in callgrind's output");
    total / RECORDS
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "instruction counts: cargo test --profile bench -p complaint-triage-benches --test c_call_instructions"
)]
fn the_c_entry_points_add_few_instructions_to_the_rust_call() {
    let rust = instructions_per_record("assess_into");
    for mode in ["ct_assess_with", "ct_assess_many"] {
        let c = instructions_per_record(mode);
        println!("{mode}: {c} instructions per record, assess_into {rust}");
        assert!(
            c <= rust + MAX_EXTRA_PER_RECORD,
            "{mode} takes {c} instructions per record, more than {MAX_EXTRA_PER_RECORD} over \
             assess_into's {rust}: see the guard-rail section of BENCHMARKS.md"
        );
    }
}

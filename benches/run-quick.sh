#!/usr/bin/env bash
# Quick mode of the benchmarks: builds every bench and runs each once on
# small batches (1e3 and 1e4 records), with the assertions the figures rely
# on (no heap allocation on a core path, ct_assess equal to assess_into,
# scores-only equal to with-reasons, the three queues serving the same
# order), then runs the Python peers on small samples with their
# equivalence checks. It asserts correctness, never timing.
#
#   bash benches/run-quick.sh
#
# Builds go to target/bench-quick (or $CT_BENCH_TARGET_DIR) without LTO, so
# that they neither take long nor disturb the release builds of target/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR=${CT_BENCH_TARGET_DIR:-$root/target/bench-quick}
# The quick mode times nothing, so it trades run speed for build speed.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_PROFILE_BENCH_LTO=false CARGO_PROFILE_BENCH_CODEGEN_UNITS=16
export CT_BENCH_QUICK=1

cargo build --quiet --profile bench -p complaint-triage-benches --bins --benches
cargo test --quiet --profile bench -p complaint-triage-benches --lib
log="$CARGO_TARGET_DIR/quick-bench.log"
if ! cargo bench --quiet -p complaint-triage-benches --bench triage >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "benches quick mode: the criterion benches failed (full output in $log)"
    exit 1
fi
# Criterion's figures, one line each (not checked: quick runs time nothing).
awk '/%/{next} /time:/{ if ($1 ~ /\//) print; else print id, $0; next } /^Benchmarking|^Found|^  /{next} /^[a-z_]+\//{id=$1}' "$log"

py=${CT_BENCH_PYTHON:-$root/.venv/bin/python}
if [ ! -x "$py" ]; then
    python3 -m venv "$root/.venv"
fi
if ! "$py" -c 'import zen, numpy, pyarrow' 2>/dev/null; then
    "$py" -m pip install --quiet -r benches/peers/requirements.txt
fi
if ! "$py" -c 'import complaint_triage' 2>/dev/null; then
    "$py" -m pip install --quiet ./py
fi
CT_GEN_RECORDS="$CARGO_TARGET_DIR/release/gen-records" "$py" benches/peers/run.py --quick
echo "benches quick mode: 1 passed, 0 failed"

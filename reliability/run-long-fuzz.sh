#!/usr/bin/env bash
# The long fuzz run: every target until it has executed RUNS inputs
# (default 10 million) or spent MAX_SECONDS (default: no limit), in JOBS
# parallel streams (default 1). Prints one line per target with the
# executions done, the time taken, and whether it crashed; logs and any
# crash go to fuzz/long-run/<target>.log and fuzz/artifacts/<target>/.
#
#   bash reliability/run-long-fuzz.sh                 # 10M each, one by one
#   RUNS=10000000 MAX_SECONDS=1200 JOBS=2 bash reliability/run-long-fuzz.sh
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10000000}
MAX_SECONDS=${MAX_SECONDS:-0}
JOBS=${JOBS:-1}
TARGETS=(${TARGETS:-record policy scan_text outcome queue ffi})
out=fuzz/long-run
mkdir -p "$out"
cargo +nightly fuzz build >/dev/null 2>&1 || { echo "cargo fuzz build failed"; exit 1; }
[ -d fuzz/corpus/record ] || cargo run -q --manifest-path fuzz/Cargo.toml --example seeds

one() {
    local t=$1
    # A private copy of the corpus, so the seed corpus stays as generated.
    mkdir -p "$out/corpus/$t" "fuzz/artifacts/$t"
    cp -n fuzz/corpus/$t/* "$out/corpus/$t/" 2>/dev/null || true
    local start=$SECONDS
    cargo +nightly fuzz run "$t" "$out/corpus/$t" -- \
        -runs="$RUNS" -max_total_time="$MAX_SECONDS" -print_final_stats=1 \
        -artifact_prefix="fuzz/artifacts/$t/" >"$out/$t.log" 2>&1
    local rc=$?
    local execs
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/$t.log" | awk '{print $2}' | tail -1)
    printf '%-10s execs=%s seconds=%d exit=%d %s\n' "$t" "${execs:-?}" $((SECONDS - start)) "$rc" \
        "$( [ $rc -eq 0 ] && echo ok || echo CRASH-see-$out/$t.log)"
}

i=0
for t in "${TARGETS[@]}"; do
    one "$t" | tee -a "$out/summary.txt" &
    i=$((i + 1))
    if [ $((i % JOBS)) -eq 0 ]; then wait; fi
done
wait

#!/usr/bin/env bash
# Full run of the benchmarks (about 10 minutes on 2 cores): the criterion
# benches at 1e3 to 1e6 records with the workspace's release settings (fat
# LTO), the Python peers on full samples, then the tables and the plot of
# BENCHMARKS.md.
#
#   bash benches/run-full.sh
#
# Builds go to $CARGO_TARGET_DIR (default target/). Figures: the printed
# tables; criterion's data in $CARGO_TARGET_DIR/criterion; the peers' in
# $CARGO_TARGET_DIR/peers.json; the plot in benches/cost_per_record.png.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
py=${CT_BENCH_PYTHON:-$root/.venv/bin/python}

cargo build --quiet --profile bench -p complaint-triage-benches --bins --benches
cargo bench -p complaint-triage-benches --bench triage
CT_GEN_RECORDS="$CARGO_TARGET_DIR/release/gen-records" \
    "$py" benches/peers/run.py --json "$CARGO_TARGET_DIR/peers.json"
"$py" benches/report.py "$CARGO_TARGET_DIR/criterion" "$CARGO_TARGET_DIR/peers.json" \
    --plot benches/cost_per_record.png

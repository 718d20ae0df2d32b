#!/usr/bin/env bash
# The reliability checks of the test command, on a fresh Debian machine in
# about 12 minutes (installs included). Each step prints one line; the last
# line is "N passed, M failed". See RELIABILITY.md for what each checks.
#
#   bash reliability/run-quick.sh            # everything
#   FUZZ_SECONDS=10 bash reliability/run-quick.sh
#   SKIP=miri,fuzz bash reliability/run-quick.sh
#
# Installs what is missing: qemu-system-arm (Debian's package unpacked under
# target/qemu by local-qemu.sh, not installed into the system), the thumbv7em
# target, nightly's miri and rust-src (rustup), cargo-fuzz 0.13.1 (cargo install).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FUZZ_SECONDS=${FUZZ_SECONDS:-10}
SKIP=${SKIP:-}
MAX_PANIC_SITES=${MAX_PANIC_SITES:-0}
LOG=${RELIABILITY_LOG:-$ROOT/target/reliability}
mkdir -p "$LOG"
# shellcheck source=../scripts/steps.sh
source "$ROOT/scripts/steps.sh"
STEPS_TITLE=reliability
export STEP_LOG_DIR="$LOG"

install() {
    if ! command -v qemu-system-arm >/dev/null; then
        local qemu_bin
        qemu_bin="$(bash "$ROOT/reliability/local-qemu.sh")" || return 1
        echo "$qemu_bin" >"$LOG/qemu-path"
    fi
    rustup target list --installed | grep -q thumbv7em-none-eabihf || rustup target add thumbv7em-none-eabihf || return 1
    rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal || return 1
    rustup component list --toolchain nightly --installed | grep -q '^miri' ||
        rustup component add miri rust-src --toolchain nightly || return 1
    command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.1 --locked || return 1
    cargo +nightly miri setup
}

fuzz_seeds_and_replay() {
    # Seed corpora, then every target's body over them and over every
    # saved crash (fuzz/regressions), as a plain stable test.
    cd "$ROOT/fuzz" &&
        CARGO_TARGET_DIR=$ROOT/fuzz/target cargo run -q --example seeds &&
        CARGO_TARGET_DIR=$ROOT/fuzz/target cargo test --release
}

fuzz_short() {
    cd "$ROOT" && cargo +nightly fuzz build || return 1
    local t
    for t in record policy scan_text outcome queue ffi; do
        mkdir -p "fuzz/artifacts/$t"
        cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$FUZZ_SECONDS" \
            -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" >"$LOG/fuzz-$t.log" 2>&1 || {
            echo "fuzz target $t crashed:"; tail -n 40 "$LOG/fuzz-$t.log"; return 1; }
        echo "$t: $(grep -o 'number_of_executed_units: [0-9]*' "$LOG/fuzz-$t.log" | awk '{print $2}') executions in ${FUZZ_SECONDS} s"
    done
}

miri() {
    # A fast subset: the core's unit tests outside the scanner's (whose
    # exhaustive tables take hours under miri), then the differential test
    # and the small limit tests with few proptest cases.
    cd "$ROOT" || return 1
    export PROPTEST_CASES=${MIRI_PROPTEST_CASES:-8} MIRIFLAGS=-Zmiri-disable-isolation CARGO_TARGET_DIR=$ROOT/target/miri
    cargo +nightly miri test -p complaint-triage --lib -- \
        guard:: flags:: policy:: codes:: json:: assess:: factor:: outcome:: queue:: routing:: \
        --skip skip_plain_matches_bytewise_scan_for_every_byte_pair_and_lane || return 1
    cargo +nightly miri test -p complaint-triage --test differential_record --test limits -- \
        --skip record_size_limit_is_64_kib --skip list_length_is_bounded --skip string_limit_is_32_kib
}

firmware_build() {
    cd "$ROOT/firmware" && CARGO_TARGET_DIR=$ROOT/firmware/target cargo build --release --bin golden --bin assess-only --bin panic-check
}

cortex_m() {
    local bin=$ROOT/firmware/target/thumbv7em-none-eabihf/release
    python3 "$ROOT/reliability/test_cortex_m_check.py" || return 1
    timeout 300 qemu-system-arm -cpu cortex-m4 -machine mps2-an386 -nographic -monitor none -serial none \
        -semihosting-config enable=on,target=native -kernel "$bin/golden" >"$LOG/cortex-m4.out" || return 1
    MAX_PANIC_SITES=100000 FIRMWARE_TARGET_DIR=$ROOT/firmware/target bash "$ROOT/reliability/panic-sites.sh" >/dev/null || return 1
    python3 "$ROOT/reliability/cortex_m_check.py" "$ROOT/tests/vectors/vectors.json" "$LOG/cortex-m4.out" \
        "$bin/assess-only" "$bin/with-json"
}

panic_sites() {
    MAX_PANIC_SITES=$MAX_PANIC_SITES FIRMWARE_TARGET_DIR=$ROOT/firmware/target bash "$ROOT/reliability/panic-sites.sh"
}

step install install
# The locally unpacked QEMU, when the system has none (see install).
[ -s "$LOG/qemu-path" ] && ! command -v qemu-system-arm >/dev/null && PATH="$(cat "$LOG/qemu-path"):$PATH"
step fuzz-replay fuzz_seeds_and_replay
step fuzz-short fuzz_short
# Links only if assess, assess_into, decide_only, check_claim, scan_text,
# Scanner, evaluate_outcome, guard::check, Policy::validate have no
# reachable panic (and assess-only / golden build alongside).
step panic-free-link firmware_build
step cortex-m4-golden-and-budgets cortex_m
step json-panic-sites panic_sites
step miri miri
for n in fuzz-short cortex-m4-golden-and-budgets; do
    [ -f "$LOG/$n.log" ] && grep -E '^(record|policy|scan_text|outcome|queue|ffi):|bytes|golden' "$LOG/$n.log" | sed 's/^/     /'
done
steps_summary reliability

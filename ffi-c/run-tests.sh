#!/usr/bin/env bash
# Tests of the C bindings (ffi-c/), from a fresh clone:
#   1. Rust unit tests of every export (cargo test -p complaint-triage-ffi);
#   2. the checked-in header equals a fresh cbindgen generation (pinned version);
#   3. the header's version macros equal Cargo.toml;
#   4. release build, `make install` into a temporary prefix, pkg-config;
#   5. the C tests (ffi-c/tests/*.c) compiled against the *installed* header
#      with -std=c99 -Wall -Wextra -Wpedantic -Werror, linked with the static
#      and with the shared library, and once as C++17 with g++;
#   6. the same tests under AddressSanitizer + UndefinedBehaviorSanitizer,
#      and under valgrind memcheck (zero errors, zero leaks);
#   7. the IVR demo built and run on sample input, its output checked.
# Prints a summary; exits non-zero on any failure.
#
# Environment: CARGO_TARGET_DIR (default: <repo>/target), CC (gcc), CXX (g++),
# SKIP_VALGRIND=1 to skip the valgrind step when valgrind is not installed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FFI="$ROOT/ffi-c"
CBINDGEN_VERSION=0.29.4
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
CC="${CC:-gcc}"
CXX="${CXX:-g++}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ct-ffi-tests.XXXXXX")"
PREFIX="$WORK/prefix"
BIN="$WORK/bin"
mkdir -p "$BIN"
trap 'rm -rf "$WORK"' EXIT

SUMMARY=()
FAILED=0
LAST_RC=0
START=$SECONDS

# Runs one step in a subshell with errexit active; records PASS/FAIL.
step() {
    local name="$1"
    shift
    local t0=$SECONDS rc
    echo
    echo "=== $name"
    set +e
    (
        set -euo pipefail
        "$@"
    )
    rc=$?
    set -e
    LAST_RC=$rc
    if [ "$rc" -eq 0 ]; then
        SUMMARY+=("PASS  $name ($((SECONDS - t0))s)")
    else
        SUMMARY+=("FAIL  $name (exit $rc)")
        FAILED=1
    fi
    return 0
}

summary() {
    echo
    echo "=== Summary of the C binding tests ($((SECONDS - START))s)"
    local line
    for line in "${SUMMARY[@]}"; do
        echo "  $line"
    done
    if [ "$FAILED" -ne 0 ]; then
        echo "RESULT: FAILED"
    else
        echo "RESULT: all passed"
    fi
}

# Stops when the last step failed and later steps cannot do without it.
require() {
    if [ "$LAST_RC" -ne 0 ]; then
        echo "cannot continue: $1" >&2
        summary
        exit 1
    fi
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi
}

# --- 1. Rust unit tests ----------------------------------------------------
rust_tests() {
    cd "$ROOT"
    cargo test --locked -p complaint-triage-ffi
}
step "cargo test -p complaint-triage-ffi" rust_tests

# --- 2. Header freshness ---------------------------------------------------
ensure_cbindgen() {
    if ! command -v cbindgen >/dev/null || [ "$(cbindgen --version)" != "cbindgen $CBINDGEN_VERSION" ]; then
        echo "installing cbindgen $CBINDGEN_VERSION"
        cargo install cbindgen --version "$CBINDGEN_VERSION" --locked
    fi
    cbindgen --version
}
header_fresh() {
    ensure_cbindgen
    cd "$ROOT"
    cbindgen --quiet --config ffi-c/cbindgen.toml --crate complaint-triage-ffi --output "$WORK/fresh.h"
    if ! diff -u ffi-c/include/complaint_triage.h "$WORK/fresh.h"; then
        echo "ffi-c/include/complaint_triage.h differs from a fresh generation: run make -C ffi-c header" >&2
        return 1
    fi
    echo "header is up to date"
}
step "header equals a fresh cbindgen $CBINDGEN_VERSION generation" header_fresh

# --- 3. Version macros -----------------------------------------------------
version_macros() {
    local version major minor patch h="$FFI/include/complaint_triage.h"
    version="$(sed -n 's/^version = "\([^"]*\)".*/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
    IFS=. read -r major minor patch <<<"$version"
    grep -qx "#define CT_VERSION_MAJOR $major" "$h"
    grep -qx "#define CT_VERSION_MINOR $minor" "$h"
    grep -qx "#define CT_VERSION_PATCH ${patch%%[-+]*}" "$h"
    echo "CT_VERSION_* = $version (Cargo.toml)"
}
step "version macros match Cargo.toml" version_macros

# --- 4. Release build and install ------------------------------------------
ensure_pkg_config() {
    if ! command -v pkg-config >/dev/null; then
        as_root apt-get update -qq
        as_root apt-get install -y -qq pkg-config
    fi
}
install_step() {
    ensure_pkg_config
    make -C "$FFI" install PREFIX="$PREFIX"
    export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
    test -f "$PREFIX/include/complaint_triage.h"
    test -f "$PREFIX/lib/libcomplaint_triage.a"
    test -L "$PREFIX/lib/libcomplaint_triage.so"
    readelf -d "$PREFIX/lib/libcomplaint_triage.so" | grep 'SONAME.*libcomplaint_triage.so.0'
    local version
    version="$(sed -n 's/^version = "\([^"]*\)".*/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
    [ "$(pkg-config --modversion complaint_triage)" = "$version" ]
    echo "pkg-config: $(pkg-config --cflags --libs complaint_triage)"
    # The shared library exports the C API and nothing else.
    local others
    others="$(nm -D --defined-only "$PREFIX/lib/libcomplaint_triage.so" | awk '{print $3}' | grep -v '^ct_' || true)"
    [ -z "$others" ] || { echo "unexpected exports: $others" >&2; return 1; }
    echo "exports: $(nm -D --defined-only "$PREFIX/lib/libcomplaint_triage.so" | grep -c ' ct_') ct_ functions"
    # Built to unwind, so that the panic boundary can catch (see Makefile).
    if ! nm "$PREFIX/lib/libcomplaint_triage.a" 2>/dev/null | grep panic_unwind >/dev/null; then
        echo "the static library was built with panic=abort" >&2
        return 1
    fi
}
step "release build, make install, pkg-config" install_step
require "the library did not build or install"
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"

# --- 5. C tests against the installed header and libraries -----------------
VECTORS="$ROOT/tests/vectors/vectors.json"
SUITE=("$ROOT"/tests/json-test-suite/test_parsing/*.json)
TESTS=(api vectors robustness threads)
CFLAGS_C=(-std=c99 -Wall -Wextra -Wpedantic -Werror -O1 -g -pthread -I"$FFI/tests")
CFLAGS_CXX=(-x c++ -std=c++17 -Wall -Wextra -Werror -O1 -g -pthread -I"$FFI/tests")
read -r -a PC_CFLAGS <<<"$(pkg-config --cflags complaint_triage)"
read -r -a PC_SHARED <<<"$(pkg-config --libs complaint_triage) -Wl,-rpath,$PREFIX/lib"
# Static: the same pkg-config flags, with the library itself forced static.
read -r -a PC_STATIC <<<"$(pkg-config --static --libs complaint_triage |
    sed 's/-lcomplaint_triage/-Wl,-Bstatic -lcomplaint_triage -Wl,-Bdynamic/')"

# Arguments of each test program.
run_test() {
    local exe="$1" t="$2"
    shift 2
    case "$t" in
    api) "$@" "$exe" ;;
    vectors) "$@" "$exe" "$VECTORS" ;;
    robustness) "$@" "$exe" "$VECTORS" "${SUITE[@]}" ;;
    threads) "$@" "$exe" "$VECTORS" "${THREAD_ROUNDS:-20}" ;;
    esac
}

c_static() {
    local t
    for t in "${TESTS[@]}"; do
        "$CC" "${CFLAGS_C[@]}" "${PC_CFLAGS[@]}" "$FFI/tests/test_$t.c" -o "$BIN/static_$t" "${PC_STATIC[@]}"
        if ldd "$BIN/static_$t" | grep complaint_triage >/dev/null; then
            echo "static_$t is linked with the shared library" >&2
            return 1
        fi
        run_test "$BIN/static_$t" "$t"
    done
}
step "C99 tests, static library (${#SUITE[@]} JSONTestSuite files)" c_static

c_shared() {
    local t
    for t in "${TESTS[@]}"; do
        "$CC" "${CFLAGS_C[@]}" "${PC_CFLAGS[@]}" "$FFI/tests/test_$t.c" -o "$BIN/shared_$t" "${PC_SHARED[@]}"
        ldd "$BIN/shared_$t" | grep "$PREFIX/lib/libcomplaint_triage.so" >/dev/null
        run_test "$BIN/shared_$t" "$t"
    done
}
step "C99 tests, shared library" c_shared

cxx_tests() {
    local t
    for t in "${TESTS[@]}"; do
        "$CXX" "${CFLAGS_CXX[@]}" "${PC_CFLAGS[@]}" "$FFI/tests/test_$t.c" -o "$BIN/cxx_$t" "${PC_SHARED[@]}"
        run_test "$BIN/cxx_$t" "$t"
    done
}
step "C++17 build of the tests (g++), header is C++-clean" cxx_tests

# --- 6. Sanitizers and valgrind --------------------------------------------
asan_tests() {
    local t
    for t in "${TESTS[@]}"; do
        "$CC" "${CFLAGS_C[@]}" -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer "${PC_CFLAGS[@]}" "$FFI/tests/test_$t.c" \
            -o "$BIN/asan_$t" "${PC_STATIC[@]}"
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
            run_test "$BIN/asan_$t" "$t"
    done
}
step "C tests under AddressSanitizer + UndefinedBehaviorSanitizer" asan_tests

valgrind_tests() {
    local t
    for t in "${TESTS[@]}"; do
        THREAD_ROUNDS=2 run_test "$BIN/static_$t" "$t" \
            valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all \
            --show-leak-kinds=all
    done
}
if [ "${SKIP_VALGRIND:-0}" = 1 ] || ! command -v valgrind >/dev/null; then
    SUMMARY+=("SKIP  valgrind memcheck (valgrind not installed or SKIP_VALGRIND=1)")
else
    step "C tests under valgrind memcheck (zero errors, zero leaks)" valgrind_tests
fi

# --- 7. The IVR demo --------------------------------------------------------
ivr_demo() {
    "$CC" -std=c99 -Wall -Wextra -Wpedantic -Werror "${PC_CFLAGS[@]}" "$FFI/examples/ivr_demo.c" \
        -o "$BIN/ivr_demo" "${PC_SHARED[@]}"
    "$BIN/ivr_demo" <"$FFI/examples/ivr_sample.txt" >"$WORK/ivr.out"
    cat "$WORK/ivr.out"
    # Seven calls: four graded, three refused with the reason; for each decision the
    # QUEUE_PRIO it sets is (5 - priority) * 10 and matches its AGI command.
    [ "$(grep -c '^DECISION ' "$WORK/ivr.out")" -eq 4 ]
    [ "$(grep -c '^ERROR ' "$WORK/ivr.out")" -eq 3 ]
    grep -q '^ERROR id=1700000000.4 CT_ERR_COMPLAINT_EMOTION field=emotion' "$WORK/ivr.out"
    grep -q '^ERROR id=1700000000.5 category: unknown value "teleportation"' "$WORK/ivr.out"
    grep -q '^ERROR id=anonymous record: byte 15: unknown field `emotoin`; did you mean `emotion`?' "$WORK/ivr.out"
    awk '/^DECISION /{
            for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
            if (f["QUEUE_PRIO"] != (5 - f["priority"]) * 10) { print "bad QUEUE_PRIO: " $0; bad = 1 }
            want = f["QUEUE_PRIO"]; getline; getline; getline;
            if ($0 != "  SET VARIABLE QUEUE_PRIO " want) { print "bad AGI command: " $0; bad = 1 }
            n++ }
         END { exit bad || n != 4 }' "$WORK/ivr.out"
    # The social-media outage with threats is the most urgent call.
    grep -q '^DECISION id=1700000000.2 .* priority=1 ' "$WORK/ivr.out"
    # Serving order: every graded call once, deadlines never decreasing.
    [ "$(grep -c '^QUEUE ' "$WORK/ivr.out")" -eq 4 ]
    grep '^QUEUE ' "$WORK/ivr.out" | sed 's/.*deadline=//' | sort -n -c
    grep -q '^QUEUE 1 id=1700000000.2 ' "$WORK/ivr.out"
}
step "IVR demo on ffi-c/examples/ivr_sample.txt" ivr_demo

summary
exit "$FAILED"

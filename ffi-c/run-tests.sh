#!/usr/bin/env bash
# Tests of the C bindings (ffi-c/), from a fresh clone:
#   1. Rust unit tests of every export (cargo test -p complaint-triage-ffi);
#   2. the checked-in header equals a fresh cbindgen generation (pinned version);
#   3. the header's version macros equal Cargo.toml;
#   4. release build, `make install` into a temporary prefix, pkg-config;
#   5. the C tests (ffi-c/tests/*.c, test_codes.c checking the generated
#      code constants against ct_lookup_code) compiled against the *installed* header
#      with -std=c99 -Wall -Wextra -Wpedantic -Werror, linked with the static
#      and with the shared library, and once as C++17 with g++;
#   6. the same tests under AddressSanitizer + UndefinedBehaviorSanitizer,
#      and under valgrind memcheck (zero errors, zero leaks);
#   7. the IVR demo built and run on sample input, its output checked;
#   8. the README's build commands and its complete program, run as written.
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

# shellcheck source=../scripts/steps.sh
source "$ROOT/scripts/steps.sh"
STEPS_TITLE=ffi-c

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
        apt_install pkg-config
    fi
}
install_step() {
    ensure_pkg_config
    make -C "$FFI" install PREFIX="$PREFIX"
    export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
    # Cargo names the artefacts after the crate's library; the build copies
    # them under the C name, which is what is installed.
    cmp "$CARGO_TARGET_DIR/release/libcomplaint_triage_ffi.a" "$CARGO_TARGET_DIR/release/libcomplaint_triage.a"
    cmp "$CARGO_TARGET_DIR/release/libcomplaint_triage_ffi.so" "$PREFIX/lib/libcomplaint_triage.so"
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
SPANS="$ROOT/tests/vectors/spans.json"
SUITE=("$ROOT"/tests/json-test-suite/test_parsing/*.json)
TESTS=(api vectors spans robustness threads misuse codes)
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
    api | misuse | codes) "$@" "$exe" ;;
    vectors) "$@" "$exe" "$VECTORS" ;;
    spans) "$@" "$exe" "$SPANS" ;;
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
    step_skipped "valgrind memcheck" "valgrind not installed or SKIP_VALGRIND=1"
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

# --- 8. The README's commands and program, as written ----------------------
# Prints the first fenced block of language $1 in the README section titled $2.
readme_block() {
    awk -v lang="$1" -v head="$2" '
        /^## / { section = ($0 == head) }
        section && !grab && $0 == "```" lang { grab = 1; next }
        grab && $0 == "```" { exit }
        grab { print }' "$FFI/README.md"
}
readme_example() {
    local dir="$WORK/readme"
    mkdir -p "$dir"
    readme_block c "## A complete call" >"$dir/app.c"
    readme_block sh "## Build, install, link" >"$dir/commands.sh"
    grep -q '^int main' "$dir/app.c"
    grep -q '^cc app.c' "$dir/commands.sh"
    # The program is clean under the tests' warnings too.
    "$CC" -std=c99 -Wall -Wextra -Wpedantic -Werror "${PC_CFLAGS[@]}" -fsyntax-only "$dir/app.c"
    # The commands as written; only the paths change: this test's install
    # prefix for /opt/complaint-triage, and the ffi-c directory of this tree.
    sed -e "s|/opt/complaint-triage|$PREFIX|g" -e "s|-C ffi-c |-C $FFI |" \
        "$dir/commands.sh" >"$dir/build.sh"
    (cd "$dir" && env -u LD_LIBRARY_PATH bash -euo pipefail build.sh) >"$dir/out.txt"
    # What the two runs of ./app printed, among make's own lines.
    grep -E '^(SET VARIABLE |\{)' "$dir/out.txt" >"$dir/app.txt"
    cat "$dir/app.txt"
    # Two builds (shared, static), each run prints the QUEUE_PRIO command
    # and the assessment of record C-1; the two runs print the same.
    [ "$(wc -l <"$dir/app.txt")" -eq 4 ]
    [ "$(sed -n 1,2p "$dir/app.txt")" = "$(sed -n 3,4p "$dir/app.txt")" ]
    grep -q '^{"id":"C-1",' "$dir/app.txt"
    local priority
    priority="$(sed -n 2p "$dir/app.txt" | grep -o '"priority":[1-5]' | cut -d: -f2)"
    [ "$(sed -n 1p "$dir/app.txt")" = "SET VARIABLE QUEUE_PRIO $(((5 - priority) * 10))" ]
    # Without the rpath the loader cannot find the library: the failure the
    # README explains, so the rpath line is the one that makes it run.
    (
        cd "$dir"
        export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
        # shellcheck disable=SC2046
        cc app.c $(pkg-config --cflags --libs complaint_triage) -o app_no_rpath
        ! env -u LD_LIBRARY_PATH ./app_no_rpath 2>"$dir/no_rpath.err"
        grep 'libcomplaint_triage.so.0: cannot open shared object file' "$dir/no_rpath.err"
    )
}
step "README: build commands and the complete call, as written" readme_example

steps_summary ffi-c

#!/usr/bin/env bash
# Lists the panic call sites left in the JSON-path firmware (firmware's
# with-json: parse_complaint, assess, write_assessment_json,
# write_error_json), each with the inlined call chain that reaches it, and
# fails if there are more than MAX_PANIC_SITES (the figure recorded in
# RELIABILITY.md). The firmware is linked with the undefined panic symbol
# defined as 0, so that it links at all; nothing runs it.
set -euo pipefail
cd "$(dirname "$0")/../firmware"
MAX=${MAX_PANIC_SITES:-100000}
export CARGO_TARGET_DIR=${FIRMWARE_TARGET_DIR:-$PWD/target}
# `cargo rustc` adds the flag to the final link only, so the dependencies
# built for the other firmware programs are reused.
cargo rustc -q --release --bin with-json -- -C link-arg=--defsym=reachable_panic_in_complaint_triage=0
elf=$CARGO_TARGET_DIR/thumbv7em-none-eabihf/release/with-json
objdump=$(command -v llvm-objdump || ls ~/.rustup/toolchains/*/lib/rustlib/*/bin/llvm-objdump 2>/dev/null | head -1 || true)
addr2line=$(command -v llvm-addr2line || true)
if [ -z "$objdump" ] || [ -z "$addr2line" ]; then
    echo "panic sites: llvm-objdump/llvm-addr2line not found, not counted"; exit 0
fi
# Call sites in code outside the panic machinery itself.
"$objdump" -d -C --no-show-raw-insn "$elf" |
    awk '/^[0-9a-f]+ </{fn=$0} /[[:space:]]bl?[[:space:]].*<(core::panicking::|core::slice::index::slice_index_fail|core::str::slice_error_fail>|core::option::(unwrap|expect)_failed|core::result::unwrap_failed)/{ if (fn !~ /<core::(panicking|slice::index::slice_index_fail|str::slice_error_fail|option::|result::)/) print $1}' |
    tr -d : > "$CARGO_TARGET_DIR/sites.txt"
n=$(wc -l < "$CARGO_TARGET_DIR/sites.txt")
while read -r a; do
    "$addr2line" -f -i -C -e "$elf" "0x$a" | paste - - | awk -F'\t' '{print $2}' |
        sed 's|.*/registry/src/[^/]*/||; s|.*/rustc/[0-9a-f]*/||; s|.*/work/main/||; s|/work/[^ ]*/core/|core/|' |
        { grep -v '^library/core' || true; } | head -3 | paste -sd' ' | sed "s/^/  0x$a /"
done < "$CARGO_TARGET_DIR/sites.txt" | sort -k2 | uniq -f1 -c | sort -rn
echo "panic call sites in the JSON-path firmware: $n (limit $MAX)"
[ "$n" -le "$MAX" ]

#!/usr/bin/env bash
# The test command may install what it needs, but must not change what the
# machine already had beyond that: every apt install goes without
# recommends (they pulled 165 packages, GTK and mesa among them), and QEMU
# is unpacked under target/ (reliability/local-qemu.sh), never installed,
# since installing it replaced a newer qemu-utils. Fails naming each line
# that breaks either rule.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mapfile -t files < <(git ls-files '*.sh' 'Makefile' '*/Makefile' '.ci/*')
bad=0
while IFS= read -r hit; do
    echo "apt install without --no-install-recommends: $hit" >&2
    bad=1
done < <(grep -n 'apt-get install' "${files[@]}" | grep -v -- '--no-install-recommends' | grep -v '^scripts/lint-installs.sh:' || true)
while IFS= read -r hit; do
    echo "QEMU installed into the system (unpack it with reliability/local-qemu.sh): $hit" >&2
    bad=1
done < <(grep -n 'apt-get install.*qemu' "${files[@]}" | grep -v -e '^scripts/lint-installs.sh:' -e 'apt-get install -s ' || true)
[ "$bad" -eq 0 ] && echo "installs: without recommends, QEMU not installed (${#files[@]} scripts checked)"
exit "$bad"

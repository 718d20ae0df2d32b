#!/usr/bin/env bash
# Makes `qemu-system-arm` available without installing it into the system:
# Debian's package and the libraries it lacks here are downloaded and
# unpacked under target/qemu, and a wrapper that finds those libraries is
# put in target/qemu/bin (add it to PATH).
#
# Installing the package instead would replace packages the machine already
# has (on this project's machines, apt removes a newer qemu-utils to install
# qemu-system-arm), and a test command must not change what the machine had.
#
#   bash reliability/local-qemu.sh    # prints the folder to add to PATH
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/target/qemu"
wrapper="$dest/bin/qemu-system-arm"

if [ -x "$wrapper" ] && "$wrapper" --version >/dev/null 2>&1; then
    echo "$dest/bin"
    exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The package lists are needed to download anything; refresh them once if
# apt knows no version of the package yet.
if ! apt-cache policy qemu-system-arm 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    as_root apt-get update -qq >&2
fi
# What installing would bring in (without recommends), taken from apt's own
# simulation, so that only the libraries missing here are fetched.
mapfile -t packages < <(apt-get install -s --no-install-recommends qemu-system-arm 2>/dev/null |
    awk '/^Inst /{print $2}')
[ "${#packages[@]}" -gt 0 ] || { echo "apt offers no qemu-system-arm to download" >&2; exit 1; }

rm -rf "$dest"
mkdir -p "$dest/debs" "$dest/root" "$dest/bin"
(cd "$dest/debs" && apt-get download -q "${packages[@]}" >&2)
for deb in "$dest"/debs/*.deb; do dpkg-deb -x "$deb" "$dest/root"; done

cat >"$wrapper" <<WRAP
#!/bin/sh
# qemu-system-arm unpacked by reliability/local-qemu.sh, with its libraries.
LD_LIBRARY_PATH="$dest/root/usr/lib/x86_64-linux-gnu:$dest/root/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" \\
    exec "$dest/root/usr/bin/qemu-system-arm" "\$@"
WRAP
chmod +x "$wrapper"
"$wrapper" --version | head -n 1 >&2
echo "$dest/bin"

#!/usr/bin/env bash
# Tests of the Python package, from a fresh clone on a fresh machine:
# makes the repository's .venv if absent, installs the pinned test
# dependencies (once per change of py/requirements-test.txt), builds and
# installs the package with `pip install ./py`, then runs
#   - the Rust unit tests of the bindings (cargo test),
#   - pytest: golden vectors, properties, error paths, threads, frames,
#     the report and plots, the walkthrough notebook (nbclient) and Spark
#     in local mode (needs Java 17),
#   - mypy --strict on the package, its stubs and the tests,
#   - stubtest of the stubs against the built module,
# and prints a summary; exits non-zero if any step failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$root/.venv"
started=$SECONDS

if [ ! -x "$venv/bin/python" ]; then
    echo "== creating $venv"
    python3 -m venv "$venv"
fi
py="$venv/bin/python"
export PATH="$venv/bin:$PATH"

stamp="$venv/.complaint-triage-test-requirements"
want="$(sha256sum "$here/requirements-test.txt" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "== installing the test dependencies (pyspark is a large download, fetched once)"
    "$py" -m pip install --quiet --upgrade pip
    "$py" -m pip install --quiet -r "$here/requirements-test.txt"
    echo "$want" >"$stamp"
fi

echo "== building and installing the package (pip install ./py)"
# The build backend (maturin) comes from the requirements above, so the
# build needs no isolated environment of its own.
"$py" -m pip install --quiet --no-deps --no-build-isolation --force-reinstall "$here"

# shellcheck source=../scripts/steps.sh
source "$root/scripts/steps.sh"
STEPS_TITLE=python
in_py() { (cd "$here" && "$@"); }

step "cargo test (bindings)" in_py cargo test --quiet --manifest-path "$here/Cargo.toml"
step "pytest" in_py "$py" -m pytest -q -p no:cacheprovider tests
step "mypy --strict" in_py "$py" -m mypy python/complaint_triage tests
step "stubtest" in_py "$py" -m mypy.stubtest complaint_triage --mypy-config-file pyproject.toml \
    --allowlist stubtest-allowlist.txt

steps_summary python

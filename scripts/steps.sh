# The one step runner of the test scripts (ffi-c/run-tests.sh,
# py/run-tests.sh, reliability/run-quick.sh), sourced by each:
#
#   source "$ROOT/scripts/steps.sh"
#   step "name" command args...     # runs it, records pass or fail, goes on
#   require "why later steps need it" # stops here if the last step failed
#   steps_summary "title"            # prints every step, then "N passed, M failed"
#
# A step runs in a subshell with errexit, so a failing command inside a
# function fails the step and not the script. Environment:
#   SKIP=a,b       names of steps to skip (reported as skipped)
#   STEP_LOG_DIR   when set, each step's output goes to DIR/<name>.log and
#                  only a failing step's last lines are shown
#
# steps_summary returns non-zero when any step failed; call it last, as
# `steps_summary "..."` under `set -e` or `steps_summary "..." || exit 1`.

STEPS_NAMES=()
STEPS_RESULTS=()
STEPS_PASSED=0
STEPS_FAILED=0
STEPS_LAST_RC=0
STEPS_STARTED=$SECONDS

step() {
    local name="$1"
    shift
    case ",${SKIP:-}," in
    *",$name,"*)
        step_skipped "$name" "SKIP"
        return 0
        ;;
    esac
    local t0=$SECONDS rc log="" errexit=
    case $- in *e*) errexit=1 ;; esac
    if [ -n "${STEP_LOG_DIR:-}" ]; then
        mkdir -p "$STEP_LOG_DIR"
        log="$STEP_LOG_DIR/$name.log"
    else
        echo
        echo "=== $name"
    fi
    set +e
    if [ -n "$log" ]; then
        (set -euo pipefail && "$@") >"$log" 2>&1
    else
        (set -euo pipefail && "$@")
    fi
    rc=$?
    [ -z "$errexit" ] || set -e
    STEPS_LAST_RC=$rc
    STEPS_NAMES+=("$name")
    if [ "$rc" -eq 0 ]; then
        STEPS_PASSED=$((STEPS_PASSED + 1))
        STEPS_RESULTS+=("pass ($((SECONDS - t0)) s)")
        [ -z "$log" ] || echo "ok   $name ($((SECONDS - t0)) s)"
    else
        STEPS_FAILED=$((STEPS_FAILED + 1))
        STEPS_RESULTS+=("FAIL (exit $rc, $((SECONDS - t0)) s)")
        if [ -n "$log" ]; then
            echo "FAIL $name ($((SECONDS - t0)) s), last lines of $log:"
            tail -n 25 "$log" | sed 's/^/     /'
        fi
    fi
    return 0
}

# Records a step that was not run, and why.
step_skipped() {
    echo "-- $1: skipped ($2)"
    STEPS_NAMES+=("$1") && STEPS_RESULTS+=("skipped: $2")
}

require() {
    if [ "$STEPS_LAST_RC" -ne 0 ]; then
        echo "cannot continue: $1" >&2
        steps_summary "${STEPS_TITLE:-steps}" || true
        exit 1
    fi
}

steps_summary() {
    local title="$1" i # one word: it heads the closing line
    echo
    echo "=== $title ($((SECONDS - STEPS_STARTED)) s)"
    for i in "${!STEPS_NAMES[@]}"; do
        printf '  %-60s %s\n' "${STEPS_NAMES[$i]}" "${STEPS_RESULTS[$i]}"
    done
    # The plain closing line that any CI log reader understands.
    echo "$title: $STEPS_PASSED passed, $STEPS_FAILED failed"
    [ "$STEPS_FAILED" -eq 0 ]
}

# Runs a command as root: directly when root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi
}

# Installs Debian packages that are missing, without their recommends.
apt_install() {
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

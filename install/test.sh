#!/usr/bin/env bash
# Quick start, step 2: the whole test suite.
#
#   install/test.sh                   every stage: setup fmt clippy cargo-test pytest
#                                     (and evcxr when ARRAYLIB_EVCXR=1)
#   install/test.sh pytest            only the stages named (setup still runs first)
#   install/test.sh --quick           setup, fmt and pytest (skips clippy and cargo-test)
#   install/test.sh --no-setup ...    do not run install/setup.sh first
#   install/test.sh pytest -- -k hmac extra arguments after -- go to pytest
#
# Stages: setup (install/setup.sh --headless), fmt (cargo fmt --check), clippy (-D warnings),
# cargo-test (unit tests and doctests; includes the bounded fuzz targets, one second each, or
# ARRAYLIB_FUZZ_SECONDS each: 40 in CI), pytest (tests/ against the built kernel), evcxr
# (builds the kernel with the evcxr engine into target/evcxr, registers `arraylib-evcxr` and
# runs the protocol suite against it; a long build, so only when named or ARRAYLIB_EVCXR=1).
# Every selected stage runs even if an earlier one failed; the exit status is non-zero if
# any failed. Works from any directory.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

ALL_STAGES=(fmt clippy cargo-test pytest)
if [[ "${ARRAYLIB_EVCXR:-0}" == "1" ]]; then
    ALL_STAGES+=(evcxr)
fi
SELECTED=()
RUN_SETUP=1
QUICK=0
PYTEST_ARGS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --no-setup) RUN_SETUP=0 ;;
        -h | --help)
            usage
            exit 0
            ;;
        --)
            shift
            PYTEST_ARGS=("$@")
            break
            ;;
        setup) RUN_SETUP=1 ;;
        fmt | clippy | cargo-test | pytest | evcxr) SELECTED+=("$1") ;;
        *)
            echo "test.sh: unknown argument '$1'" >&2
            usage >&2
            exit 2
            ;;
    esac
    shift
done
if [[ ${#SELECTED[@]} -eq 0 ]]; then
    if [[ "$QUICK" == "1" ]]; then
        SELECTED=(fmt pytest)
    else
        SELECTED=("${ALL_STAGES[@]}")
    fi
fi

if ! command -v cargo >/dev/null 2>&1 && [[ -f "$HOME/.cargo/env" ]]; then
    # shellcheck disable=SC1091
    source "$HOME/.cargo/env"
fi

VENV="${ARRAYLIB_VENV:-$REPO/.venv}"

now() { printf '%s' "${EPOCHREALTIME:-$(date +%s)}"; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

TOTAL_START="$(now)"
RESULTS=()
FAILED=0

run_stage() {
    # run_stage name command args...
    local name="$1"
    shift
    local start rc secs
    start="$(now)"
    echo
    echo "==> [test] $name: $*"
    set +e
    "$@"
    rc=$?
    set -e
    secs="$(seconds_since "$start")"
    if [[ $rc -eq 0 ]]; then
        echo "<== [test] $name: passed in ${secs}s"
        RESULTS+=("$(printf '%-12s %-8s %8ss' "$name" ok "$secs")")
    else
        echo "<== [test] $name: FAILED (exit $rc) after ${secs}s" >&2
        RESULTS+=("$(printf '%-12s %-8s %8ss' "$name" "FAILED" "$secs")")
        FAILED=1
    fi
    return 0
}

run_pytest() {
    if [[ ! -x "$VENV/bin/python" ]]; then
        echo "no virtual environment at $VENV: run install/setup.sh first" >&2
        return 1
    fi
    local rc=0
    "$VENV/bin/python" -m pytest "$REPO/tests" "${PYTEST_ARGS[@]}" || rc=$?
    if [[ $rc -eq 5 ]]; then
        echo "pytest collected no tests: that is a failure here" >&2
    fi
    return "$rc"
}

run_evcxr() {
    # The evcxr engine: its own target dir, so the default binary in target/release stays
    # as it is; evcxr's rust-analyzer needs the standard library's sources.
    if command -v rustup >/dev/null 2>&1 && ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
        rustup component add rust-src
    fi
    local bin="$REPO/target/evcxr/release/arraylib-kernel"
    local start
    start="$(now)"
    CARGO_TARGET_DIR="$REPO/target/evcxr" cargo build --release -p kernel --features evcxr
    echo "evcxr: kernel build took $(seconds_since "$start")s"
    if [[ ! -x "$VENV/bin/python" ]]; then
        echo "no virtual environment at $VENV: run install/setup.sh first" >&2
        return 1
    fi
    start="$(now)"
    # shellcheck disable=SC1091
    (source "$VENV/bin/activate" && "$bin" install --sys-prefix --engine evcxr)
    echo "evcxr: install (arraylib build in the evcxr cache) took $(seconds_since "$start")s"
    local rc=0
    ARRAYLIB_KERNEL_NAME=arraylib-evcxr "$VENV/bin/python" -m pytest \
        "$REPO/tests/test_jupyter_kernel_test.py" "$REPO/tests/test_protocol.py" \
        "$REPO/tests/test_lifecycle.py" "${PYTEST_ARGS[@]}" || rc=$?
    return "$rc"
}

if [[ "$RUN_SETUP" == "1" ]]; then
    run_stage setup bash "$REPO/install/setup.sh" --headless
fi
for stage in "${SELECTED[@]}"; do
    case "$stage" in
        fmt) run_stage fmt cargo fmt --all -- --check ;;
        clippy) run_stage clippy cargo clippy --workspace --all-targets -- -D warnings ;;
        cargo-test)
            if [[ "${CI:-}" == "true" ]]; then
                export ARRAYLIB_FUZZ_SECONDS="${ARRAYLIB_FUZZ_SECONDS:-40}"
            fi
            run_stage cargo-test cargo test --workspace
            ;;
        pytest) run_stage pytest run_pytest ;;
        evcxr) run_stage evcxr run_evcxr ;;
    esac
done

echo
echo "== test summary =="
for line in "${RESULTS[@]}"; do
    echo "  $line"
done
echo "  total: $(seconds_since "$TOTAL_START")s"
if [[ "$FAILED" != "0" ]]; then
    echo "test.sh: some stages FAILED" >&2
    exit 1
fi
echo "test.sh: all stages passed"

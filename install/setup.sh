#!/usr/bin/env bash
# Quick start, step 1: build the kernel, make the Python environment, register the kernel
# with Jupyter and open JupyterLab on notebooks/.
#
#   install/setup.sh             build, install, then open JupyterLab in a browser
#   install/setup.sh --headless  build and install only (also when ARRAYLIB_HEADLESS=1 or CI=true)
#   install/setup.sh --serve     build, install, then run JupyterLab with --no-browser
#
# Safe to run again: every stage skips or reuses what is already done. Works from any
# directory. Environment: PYTHON (interpreter used to create .venv, default python3),
# ARRAYLIB_VENV (venv location, default .venv in the repository), ARRAYLIB_NO_BROWSER=1 (skip
# installing Chromium and the npm packages of the browser test, tests/browser).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

HEADLESS=0
SERVE=0
for arg in "$@"; do
    case "$arg" in
        --headless) HEADLESS=1 ;;
        --serve) SERVE=1 ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "setup.sh: unknown argument '$arg'" >&2
            usage >&2
            exit 2
            ;;
    esac
done
if [[ "${ARRAYLIB_HEADLESS:-0}" == "1" || "${CI:-}" == "true" ]]; then
    HEADLESS=1
fi

VENV="${ARRAYLIB_VENV:-$REPO/.venv}"
PYTHON="${PYTHON:-python3}"
KERNEL_BIN="$REPO/target/release/arraylib-kernel"

# ---------------------------------------------------------------------------------------
# Stage timing helpers.

now() { printf '%s' "${EPOCHREALTIME:-$(date +%s)}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

SETUP_START="$(now)"
stage() {
    # stage "title" command args...
    local title="$1"
    shift
    local start
    start="$(now)"
    echo
    echo "==> [setup] $title"
    # A subshell outside any condition, so that `set -e` holds inside the stage.
    local rc=0
    set +e
    (
        set -e
        "$@"
    )
    rc=$?
    set -e
    if [[ $rc -eq 0 ]]; then
        echo "<== [setup] $title: done in $(elapsed "$start")"
    else
        echo "<== [setup] $title: FAILED (exit $rc) after $(elapsed "$start")" >&2
        exit "$rc"
    fi
}

# ---------------------------------------------------------------------------------------
# Stages.

apt_install() {
    # Installs the Debian packages given that are not installed yet; `apt-get update` runs
    # only when something is missing.
    local missing=()
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "missing system packages (${missing[*]}) and no apt-get: install them by hand" >&2
        return 1
    fi
    local sudo=()
    if [[ "$(id -u)" != "0" ]]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "missing system packages (${missing[*]}): run as root or install sudo" >&2
            return 1
        fi
    fi
    echo "installing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if ! command -v cargo >/dev/null 2>&1 && [[ -f "$HOME/.cargo/env" ]]; then
    # rustup's default location, for shells that did not load it.
    # shellcheck disable=SC1091
    source "$HOME/.cargo/env"
fi

check_prerequisites() {
    if ! command -v cargo >/dev/null 2>&1; then
        echo "cargo not found: install Rust with rustup (https://rustup.rs), then run this again" >&2
        return 1
    fi
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        echo "$PYTHON not found: install Python 3.9 or newer (Debian: apt-get install python3)" >&2
        return 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)'; then
        echo "$PYTHON is $("$PYTHON" --version 2>&1); Python 3.9 or newer is needed" >&2
        return 1
    fi
    local debian=()
    # A C toolchain: the linker for Rust and for the cells the kernel compiles.
    command -v cc >/dev/null 2>&1 || debian+=(build-essential)
    # `python3 -m venv` on Debian needs ensurepip from python3-venv.
    if [[ ! -x "$VENV/bin/python" ]] && ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        debian+=(python3-venv)
    fi
    if [[ ${#debian[@]} -gt 0 ]]; then
        apt_install "${debian[@]}"
    fi
    echo "cargo: $(cargo --version)"
    echo "python: $("$PYTHON" --version 2>&1) ($(command -v "$PYTHON"))"
}

build_kernel() {
    cargo build --release -p kernel
    if [[ ! -x "$KERNEL_BIN" ]]; then
        echo "the build finished but $KERNEL_BIN is missing" >&2
        return 1
    fi
}

make_venv() {
    if [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
        echo "using existing virtual environment $VENV"
        return 0
    fi
    echo "creating virtual environment $VENV"
    "$PYTHON" -m venv "$VENV"
}

pip_install() {
    local req="$REPO/install/requirements.txt"
    local stamp="$VENV/.arraylib-requirements.sha256"
    local want
    want="$(sha256sum "$req" | cut -d' ' -f1)"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] &&
        "$VENV/bin/python" -c '
import importlib.util, sys
mods = "jupyterlab jupyter_client nbclient nbformat numpy pytest pytest_timeout jupyter_kernel_test zmq ipykernel"
sys.exit(any(importlib.util.find_spec(m) is None for m in mods.split()))' >/dev/null 2>&1; then
        echo "requirements already installed"
        return 0
    fi
    "$VENV/bin/python" -m pip install --disable-pip-version-check --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --disable-pip-version-check --quiet -r "$req"
    echo "$want" >"$stamp"
}

install_kernelspec() {
    # With the venv active, --sys-prefix puts the kernelspec into the venv, and the install
    # step prebuilds the array library that cells link against.
    # shellcheck disable=SC1091
    (source "$VENV/bin/activate" && "$KERNEL_BIN" install --sys-prefix)
    "$VENV/bin/jupyter" kernelspec list
}

browser_tools() {
    # The browser test (tests/test_browser.py) drives JupyterLab in Debian's Chromium with
    # playwright-core from npm. Outside CI a machine without apt-get only loses that test.
    local debian=()
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
        [[ -n "${CHROMIUM:-}" ]] || debian+=(chromium)
    command -v node >/dev/null 2>&1 || debian+=(nodejs)
    command -v npm >/dev/null 2>&1 || debian+=(npm)
    if [[ ${#debian[@]} -gt 0 ]]; then
        if ! apt_install "${debian[@]}"; then
            if [[ "${CI:-}" == "true" ]]; then
                return 1
            fi
            echo "note: without ${debian[*]} the browser test is skipped"
            return 0
        fi
    fi
    local dir="$REPO/tests/browser"
    local stamp="$dir/node_modules/.arraylib-lock.sha256"
    local want
    want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        echo "npm packages already installed"
        return 0
    fi
    (cd "$dir" && npm ci --no-audit --no-fund)
    echo "$want" >"$stamp"
}

# ---------------------------------------------------------------------------------------

stage "check prerequisites" check_prerequisites
stage "build kernel (cargo build --release -p kernel)" build_kernel
stage "python environment ($VENV)" make_venv
stage "pip install -r install/requirements.txt" pip_install
stage "register kernel (arraylib-kernel install --sys-prefix)" install_kernelspec
if [[ "${ARRAYLIB_NO_BROWSER:-0}" != "1" ]]; then
    stage "browser test tools (chromium, npm ci in tests/browser)" browser_tools
fi

echo
echo "setup finished in $(elapsed "$SETUP_START")"

LAB=("$VENV/bin/jupyter" lab --notebook-dir="$REPO/notebooks")
if [[ "$HEADLESS" == "1" && "$SERVE" == "0" ]]; then
    echo "headless: not starting JupyterLab (start it with: install/setup.sh --serve)"
    exit 0
fi
if [[ "$SERVE" == "1" ]]; then
    LAB+=(--no-browser)
fi
echo "==> [setup] starting JupyterLab on notebooks/ (Ctrl-C to stop)"
exec "${LAB[@]}"

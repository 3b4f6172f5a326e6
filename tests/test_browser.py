"""The kernel's outputs in a real browser: JupyterLab in headless Chromium (tests/browser).

Starts JupyterLab on a free port with a token in a temporary directory, writes a notebook of
the cells in `CELLS`, and runs `tests/browser/lab_check.mjs`, which runs the notebook in the
page and checks what is visible; then the same for a notebook with saved outputs that is not
trusted (JupyterLab strips <style>, <script> and <svg> from those). A second test opens a
tutorial notebook with its outputs cleared, runs every cell as a reader would, and checks that
no cell errors and every chart shows. Screenshots go to tests/artifacts/browser/.

    ARRAYLIB_THEME_SHOTS=1  also writes notebooks/images/card_light.png and card_dark.png

Needs Chromium (/usr/bin/chromium or $CHROMIUM), Node and `npm ci` in tests/browser
(install/setup.sh installs all three). Without them the test is skipped, except in CI
(CI=true), where it fails.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kernelutil import KERNEL_NAME, ensure_kernelspec

REPO = Path(__file__).resolve().parent.parent
BROWSER_DIR = REPO / "tests" / "browser"
ARTIFACTS = REPO / "tests" / "artifacts" / "browser"
IMAGES = REPO / "notebooks" / "images"
# The tutorial a reader opens and runs in the browser: the one with the most charts.
TUTORIAL = REPO / "notebooks" / "01_numpy_essentials_for_ml.ipynb"


@dataclass
class Cell:
    """A cell to run and what must be visible in its output."""

    name: str
    source: str
    shows: list[str] = field(default_factory=list)
    error: str | None = None
    selector: str | None = None
    # Texts that must not be visible (the card's hidden text fallback).
    hides: list[str] = field(default_factory=list)
    # What to type into the input field the cell opens (`input(...)`), if it asks.
    answer: str | None = None


# One line per cell.
CELLS = [
    Cell("card", "np::arange(12.0).reshape([3, 4])", ["(3, 4)", "float64", "12 elements"], selector=".np-array", hides=["array(["]),
    Cell("scalar", "np::arange(10).sum()", ["45"]),
    Cell("error", "np::ones([3, 4]) + np::ones([5])", ["operands could not be broadcast together with shapes (3,4) (5,)"], error="ValueError"),
    Cell("bool_card", "np::greater(&np::arange(6).reshape([2, 3]), 2)", ["(2, 3)", "bool", "3 True"], selector=".np-array"),
    Cell("nd_card", "(np::arange(4000.0) / 40.0).sin().reshape([4, 20, 50]) * 3.0", ["(4, 20, 50)", "float64", "2 more 2-D slices", "[3, :, :]"], selector=".np-array"),
    Cell("progress", "for _ in np::progress(0..20) { std::thread::sleep(std::time::Duration::from_millis(20)); }", ["100%", "20/20"], selector=".np-progress"),
    Cell("variable", 'let big = np::zeros([1000, 1000]); println!("{}", big.size());', ["1000000"]),
    Cell("chart", 'let x = np::linspace(0, 6, 50);\nnp::plot::figure().line(&x, np::sin(&x)).label("sin").title("A chart")', selector="img"),
    Cell("input", 'let who = input("Your name: ");\nformat!("hello {who}")', ["Your name:", "hello Ada"], answer="Ada"),
    Cell("axis_scalar", "np::arange(10.0).reshape([2, 5]).sum_axis(-1, false).sum_axis(0, false)", ["np.float64(45.0)"], hides=["elements"]),
    Cell("whos", ":whos", ["big", "(1000, 1000)", "float64", "7.63 MiB", "Total memory"], selector=".np-whos"),
]

# What an untrusted notebook with the saved outputs of CELLS must still show.
UNTRUSTED = [
    Cell("card", CELLS[0].source, ["(3, 4)", "float64", "12 elements"], selector=".np-array", hides=["array(["]),
    # The sanitizer of untrusted outputs keeps the histogram's bars (no flex, no var()).
    Cell("card_histogram", CELLS[0].source, ["min 0. · max 11."], selector=".np-hist > i"),
    Cell("scalar", CELLS[1].source, ["45"]),
    Cell("error", CELLS[2].source, ["operands could not be broadcast"], error="ValueError"),
    Cell("bool_card", CELLS[3].source, ["(2, 3)", "bool"], selector=".np-array"),
    Cell("chart", next(c.source for c in CELLS if c.name == "chart"), selector="img"),
]


def _missing(why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (in CI the browser test must run: install/setup.sh installs it)")
    pytest.skip(why)


def _chromium() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        _missing("Chromium is not installed (Debian: apt-get install chromium)")
    return found


def _node() -> str:
    node = shutil.which("node")
    if not node:
        _missing("Node.js is not installed (Debian: apt-get install nodejs npm)")
    if not (BROWSER_DIR / "node_modules" / "playwright-core").is_dir():
        _missing("playwright-core is not installed: run `npm ci` in tests/browser")
    return node


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _notebook(cells: list[Cell]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Rust (arraylib)", "language": "rust"}
    nb.cells = [nbformat.v4.new_code_cell(c.source) for c in cells]
    return nb


def _saved_outputs_notebook(path: Path) -> None:
    """Runs CELLS outside the browser and saves the outputs, unsigned (so: untrusted)."""
    nb = _notebook(UNTRUSTED)
    NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=300, allow_errors=True).execute()
    nbformat.write(nb, str(path))


@pytest.fixture(scope="module")
def lab():
    chromium = _chromium()
    node = _node()
    ensure_kernelspec()
    root = Path(tempfile.mkdtemp(prefix="arraylib-lab-"))
    for sub in (
        "notebooks",
        "config",
        "data",
        "runtime",
        "settings/@jupyterlab/apputils-extension",
        "settings/@jupyterlab/notebook-extension",
    ):
        (root / sub).mkdir(parents=True)
    # Every cell stays in the page (no windowing), so a check can reach any cell's output.
    (root / "settings/@jupyterlab/notebook-extension/tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"})
    )
    # No news or update checks: no network and no toasts over the outputs.
    (root / "settings/@jupyterlab/apputils-extension/notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(root / "config"),
        JUPYTER_DATA_DIR=str(root / "data"),
        JUPYTER_RUNTIME_DIR=str(root / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(root / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"),
    )
    port = _free_port()
    token = secrets.token_hex(16)
    log = open(root / "lab.log", "wb")
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            f"--ServerApp.port={port}",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root / 'notebooks'}",
            "--LabApp.expose_app_in_browser=True",
            "--ServerApp.allow_root=True",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-3000:])
                time.sleep(0.3)
        yield {"root": root, "base": base, "token": token, "chromium": chromium, "node": node, "env": env}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.timeout(1200)
def test_outputs_in_jupyterlab(lab):
    root = lab["root"]
    nbformat.write(_notebook(CELLS), str(root / "notebooks" / "run.ipynb"))
    _saved_outputs_notebook(root / "notebooks" / "saved.ipynb")
    theme_shots = os.environ.get("ARRAYLIB_THEME_SHOTS") == "1"
    if theme_shots:
        IMAGES.mkdir(parents=True, exist_ok=True)
    plan = {
        "theme_shots": str(IMAGES) if theme_shots else None,
        "theme_cell": [c.name for c in CELLS].index("nd_card"),
        "run": {"notebook": "run.ipynb", "cells": [asdict(c) for c in CELLS]},
        "untrusted": {"notebook": "saved.ipynb", "cells": [asdict(c) for c in UNTRUSTED]},
    }
    report = _run_lab_check(lab, plan, "plan.json")
    for name in ("run_card.png", "untrusted_card.png", "run_error.png"):
        assert (ARTIFACTS / name).stat().st_size > 0
    assert "all browser checks passed" in report


@pytest.mark.timeout(1200)
def test_tutorial_in_jupyterlab(lab):
    """A reader opens a tutorial, runs every cell: no cell errors, every chart is on the page."""
    nb = nbformat.read(str(TUTORIAL), as_version=4)
    code, errors, charts = [], [], []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        code.append(i)
        if "raises-exception" in cell.metadata.get("tags", []):
            errors.append(i)
        if any("image/png" in o.get("data", {}) for o in cell.outputs):
            charts.append(i)
        cell.outputs, cell.execution_count = [], None
    assert charts, f"{TUTORIAL.name} has no saved chart to look for"
    nbformat.write(nb, str(lab["root"] / "notebooks" / TUTORIAL.name))
    plan = {"tutorial": {"notebook": TUTORIAL.name, "code_cells": code, "errors": errors, "charts": charts}}
    report = _run_lab_check(lab, plan, "tutorial_plan.json")
    assert "all browser checks passed" in report
    assert (ARTIFACTS / "tutorial_page.png").stat().st_size > 0


def _run_lab_check(lab, plan: dict, name: str) -> str:
    """Runs lab_check.mjs on a plan; fails with its report and JupyterLab's log tail."""
    root = lab["root"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    where = {"base_url": lab["base"], "token": lab["token"], "chromium": lab["chromium"], "artifacts": str(ARTIFACTS)}
    plan_path = root / name
    plan_path.write_text(json.dumps({**where, **plan}))
    r = subprocess.run(
        [lab["node"], str(BROWSER_DIR / "lab_check.mjs"), str(plan_path)],
        cwd=BROWSER_DIR,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = r.stdout + r.stderr
    (ARTIFACTS / name.replace(".json", "_report.txt")).write_text(report)
    assert r.returncode == 0, report + "\nJupyterLab log tail:\n" + (root / "lab.log").read_text()[-3000:]
    return report

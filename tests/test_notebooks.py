"""The notebooks in notebooks/: they run top to bottom on the kernel and show what is committed.

- Every notebook is executed headlessly on the real kernel (nbclient, through the same `execute`
  that install/run_notebooks.py uses). A test fails on an error output in a cell not tagged
  `raises-exception`, on a cell over CELL_BUDGET seconds, and on any output that differs from
  the committed one, except in cells tagged `nondeterministic` (timings, addresses).
- The committed notebooks carry their outputs (charts as PNG and SVG) and no error outside
  `raises-exception` cells.
- Cross-check with NumPy: a code cell's `metadata.numpy` is the original tutorial's Python for
  that cell. Those snippets run in order in one namespace with real NumPy; each snippet's stdout
  must equal the cell's stdout, and a trailing expression's repr() the cell's `text/plain`
  result: exactly, or with `metadata.numpy_rtol` on the numbers only (same text around them).
"""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import io
import math
import re
import sys
from pathlib import Path

import nbformat
import numpy
import pytest

from kernelutil import ensure_kernelspec

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
TUTORIALS = [p for p in NOTEBOOKS if not p.name.startswith("00_")]
# Seconds one cell may take, compile included. Cells take well under a second on a warm kernel;
# the margin is for a loaded 2-core CI machine.
CELL_BUDGET = 20.0

_spec = importlib.util.spec_from_file_location("run_notebooks", REPO / "install" / "run_notebooks.py")
run_notebooks = importlib.util.module_from_spec(_spec)
# Registered before it runs: its dataclasses look their module up in sys.modules.
sys.modules["run_notebooks"] = run_notebooks
_spec.loader.exec_module(run_notebooks)


def code_cells(nb: nbformat.NotebookNode) -> list[tuple[int, nbformat.NotebookNode]]:
    return [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]


def normalized(cell: nbformat.NotebookNode) -> list[dict]:
    """A cell's outputs without what may vary between two identical runs.

    Stream output arrives in chunks whose boundaries depend on timing, so consecutive stream
    outputs of one name are joined; execution counts and output metadata are dropped.
    """
    out: list[dict] = []
    for o in cell.get("outputs", []):
        kind = o["output_type"]
        if kind == "stream":
            if out and out[-1]["type"] == "stream" and out[-1]["name"] == o["name"]:
                out[-1]["text"] += o["text"]
            else:
                out.append({"type": "stream", "name": o["name"], "text": o["text"]})
        elif kind in ("execute_result", "display_data"):
            out.append({"type": kind, "data": dict(o["data"])})
        elif kind == "error":
            out.append({"type": "error", "ename": o["ename"], "evalue": o["evalue"]})
    return out


def stdout_of(cell: nbformat.NotebookNode) -> str:
    return "".join(o["text"] for o in cell.get("outputs", []) if o["output_type"] == "stream" and o["name"] == "stdout")


def result_of(cell: nbformat.NotebookNode) -> str | None:
    for o in cell.get("outputs", []):
        if o["output_type"] == "execute_result":
            return o["data"].get("text/plain")
    return None


def first_difference(a: str, b: str) -> str:
    for n, (x, y) in enumerate(zip(a.splitlines(), b.splitlines())):
        if x != y:
            return f"line {n + 1}:\n  notebook: {x!r}\n  numpy:    {y!r}"
    return f"lengths differ:\n  notebook: {a[-200:]!r}\n  numpy:    {b[-200:]!r}"


NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf)")


def agree(ours: str, numpy_text: str, rtol: float | None) -> bool:
    if rtol is None:
        return ours == numpy_text
    skeleton = lambda s: " ".join(NUMBER.sub("#", s).split())  # noqa: E731
    if skeleton(ours) != skeleton(numpy_text):
        return False
    a, b = NUMBER.findall(ours), NUMBER.findall(numpy_text)
    return len(a) == len(b) and all(
        math.isclose(float(x), float(y), rel_tol=rtol, abs_tol=rtol) or (x == y)
        for x, y in zip(a, b)
    )


def run_snippet(source: str, namespace: dict) -> tuple[str, str | None]:
    """Runs Python as a notebook cell would: stdout, and the repr of a trailing expression."""
    tree = ast.parse(source)
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    body = ast.Module(body=tree.body[:-1] if last else tree.body, type_ignores=[])
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(body, "<numpy snippet>", "exec"), namespace)
        value = eval(compile(ast.Expression(last.value), "<numpy snippet>", "eval"), namespace) if last else None
    return buf.getvalue(), (repr(value) if last and value is not None else None)


def test_notebooks_exist():
    names = {p.name for p in NOTEBOOKS}
    assert "00_quickstart.ipynb" in names
    assert len(TUTORIALS) == 3, names
    assert (REPO / "notebooks" / "numpy_to_arraylib.md").is_file()
    assert "notebooks/numpy_to_arraylib.md" in (REPO / "README.md").read_text()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_is_clean(path: Path):
    nb = nbformat.read(str(path), as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "rust-arraylib"
    cells = code_cells(nb)
    assert cells, "no code cells"
    charts = 0
    for i, cell in cells:
        tags = run_notebooks.tags(cell)
        assert cell.get("execution_count") is not None, f"cell {i} was not executed before commit"
        assert run_notebooks.has_error(cell) == ("raises-exception" in tags), f"cell {i}: error output vs tag"
        for o in cell.outputs:
            data = o.get("data", {})
            if "image/png" in data:
                charts += 1
                assert "image/svg+xml" in data, f"cell {i}: a chart without its SVG"
            text = o.get("text", "") + "".join(v for v in data.values() if isinstance(v, str))
            for private in ("/work/", "/root/", "/home/"):
                assert private not in text, f"cell {i} shows a path of the machine it ran on"
    if path in TUTORIALS:
        assert charts >= 4, f"only {charts} charts"
        checked = sum(1 for _, c in cells if "numpy" in c.metadata)
        assert checked >= 5, f"only {checked} cells cross-checked against NumPy"


@pytest.mark.timeout(900)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_and_shows_committed_outputs(path: Path):
    kernel_name = ensure_kernelspec()
    committed = nbformat.read(str(path), as_version=4)
    run = run_notebooks.execute(path, kernel_name)
    assert not run.problems, "\n".join(run.problems)
    slow = [(i, round(s, 1)) for i, s in run.cell_seconds if s > CELL_BUDGET]
    assert not slow, f"cells over the {CELL_BUDGET}s budget (index, seconds): {slow}"
    print(f"{path.name}: {run.run_seconds:.1f}s on a warm kernel")
    fresh = dict(code_cells(run.nb))
    for i, cell in code_cells(committed):
        if "nondeterministic" in run_notebooks.tags(cell):
            continue
        want, got = normalized(cell), normalized(fresh[i])
        assert [o["type"] for o in got] == [o["type"] for o in want], f"cell {i}: output kinds differ"
        for w, g in zip(want, got):
            if w["type"] == "stream":
                assert g["text"] == w["text"], f"cell {i}: {first_difference(g['text'], w['text'])}"
            elif w["type"] == "error":
                assert (g["ename"], g["evalue"]) == (w["ename"], w["evalue"]), f"cell {i}"
            else:
                assert sorted(g["data"]) == sorted(w["data"]), f"cell {i}: MIME types differ"
                for mime in w["data"]:
                    assert g["data"][mime] == w["data"][mime], f"cell {i}: {mime} differs from the committed output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_printed_values_match_numpy(path: Path):
    nb = nbformat.read(str(path), as_version=4)
    namespace: dict = {"np": numpy, "__name__": "__notebook__"}
    checked = 0
    for i, cell in code_cells(nb):
        source = cell.metadata.get("numpy")
        if source is None:
            continue
        rtol = cell.metadata.get("numpy_rtol")
        stdout, value = run_snippet(source, namespace)
        ours = stdout_of(cell)
        assert agree(ours, stdout, rtol), f"cell {i} stdout vs NumPy (rtol {rtol}): {first_difference(ours, stdout)}"
        if value is not None:
            result = result_of(cell)
            assert result is not None, f"cell {i}: NumPy shows {value!r}, the notebook shows no result"
            assert agree(result, value, rtol), f"cell {i} result vs NumPy: {first_difference(result, value)}"
        checked += 1
    if path in TUTORIALS:
        assert checked > 0

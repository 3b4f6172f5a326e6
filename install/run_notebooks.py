#!/usr/bin/env python3
"""Re-executes the notebooks in notebooks/ on the kernel and saves their outputs in place.

    .venv/bin/python install/run_notebooks.py                 every notebook, outputs rewritten
    .venv/bin/python install/run_notebooks.py notebooks/01_*.ipynb
    .venv/bin/python install/run_notebooks.py --check         run, but do not write anything

Each notebook gets a fresh kernel (kernelspec `rust-arraylib`, or $ARRAYLIB_KERNEL_NAME). The
kernel's start is timed apart from the cells, so the total it prints is the time to run the
tutorials on a warm kernel. A cell that errors stops the run, unless the cell is tagged
`raises-exception`; a cell tagged so that does not error is reported too. Cell metadata is left
as it is: no execution timestamps are written, so re-running only changes what the cells show.

The test suite (tests/test_notebooks.py) runs notebooks through `execute` below.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
KERNEL_NAME = os.environ.get("ARRAYLIB_KERNEL_NAME", "rust-arraylib")
# The first cell of a kernel links the preloaded library; later cells compile in well under a
# second, so anything near this limit is a bug, not a slow machine.
CELL_TIMEOUT = 120


@dataclass
class Run:
    """What executing one notebook took and found."""

    path: Path
    nb: nbformat.NotebookNode
    startup_seconds: float = 0.0
    cell_seconds: list[tuple[int, float]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def run_seconds(self) -> float:
        return sum(s for _, s in self.cell_seconds)


def tags(cell: nbformat.NotebookNode) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def has_error(cell: nbformat.NotebookNode) -> bool:
    return any(o.get("output_type") == "error" for o in cell.get("outputs", []))


def execute(path: Path, kernel_name: str = KERNEL_NAME) -> Run:
    """Runs every code cell of the notebook at `path` in a fresh kernel, in memory."""
    nb = nbformat.read(str(path), as_version=4)
    run = Run(path=path, nb=nb)
    client = NotebookClient(
        nb,
        kernel_name=kernel_name,
        timeout=CELL_TIMEOUT,
        record_timing=False,
        # Stream chunks depend on timing; saved as one output per stream, re-runs diff cleanly.
        coalesce_streams=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.monotonic()
    with client.setup_kernel():
        # Waits for kernel_info, so the start-up is not charged to the first cell.
        client.wait_for_reply(client.kc.kernel_info())
        run.startup_seconds = time.monotonic() - start
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            t0 = time.monotonic()
            try:
                client.execute_cell(cell, index)
            except Exception as e:  # CellExecutionError, or a timeout
                run.cell_seconds.append((index, time.monotonic() - t0))
                run.problems.append(f"cell {index}: {type(e).__name__}: {str(e)[-1500:]}")
                break
            run.cell_seconds.append((index, time.monotonic() - t0))
            if "raises-exception" in tags(cell) and not has_error(cell):
                run.problems.append(f"cell {index} is tagged raises-exception but raised nothing")
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    parser.add_argument("--check", action="store_true", help="run only; do not rewrite the notebooks")
    args = parser.parse_args()
    paths = [p.resolve() for p in args.notebooks] or sorted(NOTEBOOKS.glob("*.ipynb"))
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 2
    total_run = total_start = 0.0
    failed = False
    for path in paths:
        run = execute(path)
        total_run += run.run_seconds
        total_start += run.startup_seconds
        slowest = max(run.cell_seconds, key=lambda c: c[1], default=(None, 0.0))
        print(
            f"{path.name}: {len(run.cell_seconds)} code cells in {run.run_seconds:.1f}s "
            f"(kernel start {run.startup_seconds:.1f}s; slowest cell {slowest[0]} at {slowest[1]:.1f}s)"
        )
        for problem in run.problems:
            print(f"  {problem}", file=sys.stderr)
        if run.problems:
            failed = True
        elif not args.check:
            nbformat.write(run.nb, str(path))
    print(f"all notebooks on a warm kernel: {total_run:.1f}s (plus {total_start:.1f}s of kernel starts)")
    if failed:
        print("some notebooks failed: their files were not rewritten", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

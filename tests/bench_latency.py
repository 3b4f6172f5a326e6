#!/usr/bin/env python3
"""Latency and memory benchmark of the kernel, with ipykernel and evcxr for comparison.

Run by hand (it is not part of the test suite and asserts nothing):

    .venv/bin/python tests/bench_latency.py [--runs 10]
        [--only rust-arraylib,arraylib-evcxr,ipykernel,evcxr]

Prints one table. Times are medians over --runs samples, measured from sending the request
to receiving the kernel's `idle` status for it (what a notebook user waits for):

  start -> kernel_info      launching the kernel process until its first kernel_info_reply
  first array cell          the first cell after a start that makes an array (ours compiles
                            and links the cell; Python imports numpy)
  warm linspace mean        np::linspace(0., 1., 100).mean() once warm (NumPy equivalent)
  trivial 1 + 1             a cell with a trivial expression
  define a variable         `let v_i = i;` (Python: `v_i = i`)
  cells 1-10 / 96-105       cells of one long session that each define a variable: the
                            median of cells 1-10 against cells 96-105 (one session per kernel)
  RSS after 20 cells        resident memory of the kernel process and all its descendants,
                            summed from /proc, after 20 cells (one sample)

Columns: rust-arraylib (the default engine), arraylib-evcxr (the same kernel with the evcxr
engine, when the `arraylib-evcxr` kernelspec is installed: `arraylib-kernel install --engine
evcxr` from a build with `--features evcxr`), ipykernel+numpy when ipykernel is importable
and has a kernelspec (`python3`), and plain evcxr when an `evcxr_jupyter` binary is on PATH
or named by $EVCXR_JUPYTER (otherwise a column says 'not installed').
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402

import kernelutil  # noqa: E402

NOT_INSTALLED = "not installed"


class Flavour:
    """What to run in one kind of kernel."""

    def __init__(
        self,
        label: str,
        kernel_name: str,
        first_array: str,
        warm_setup: str,
        warm: str,
        trivial: str,
        define: Callable[[int], str],
        array_cell: Callable[[int], str],
    ):
        self.label = label
        self.kernel_name = kernel_name
        self.first_array = first_array
        self.warm_setup = warm_setup
        self.warm = warm
        self.trivial = trivial
        self.define = define
        self.array_cell = array_cell


def rust_arraylib(kernel_name: str) -> Flavour:
    return Flavour(
        label="rust-arraylib",
        kernel_name=kernel_name,
        first_array="let a = np::arange(12).reshape([3, 4]); a",
        warm_setup="let _w = 0;",
        warm="np::linspace(0., 1., 100).mean()",
        trivial="1 + 1",
        define=lambda i: f"let v_{i} = {i};",
        array_cell=lambda i: f"let arr_{i} = np::linspace(0., {i + 1}., 1000); arr_{i}.mean()",
    )


def python_numpy(kernel_name: str) -> Flavour:
    return Flavour(
        label="ipykernel+numpy",
        kernel_name=kernel_name,
        first_array="import numpy as np\na = np.arange(12).reshape(3, 4); a",
        warm_setup="import numpy as np",
        warm="np.linspace(0., 1., 100).mean()",
        trivial="1 + 1",
        define=lambda i: f"v_{i} = {i}",
        array_cell=lambda i: (
            f"import numpy as np\narr_{i} = np.linspace(0., {i + 1}., 1000); arr_{i}.mean()"
        ),
    )


def evcxr_plain(kernel_name: str) -> Flavour:
    # evcxr has no arraylib: the array cells use a Vec of the same values instead.
    return Flavour(
        label="evcxr (Vec)",
        kernel_name=kernel_name,
        first_array="let a: Vec<i64> = (0..12).collect(); a",
        warm_setup="let _w = 0;",
        warm="(0..100).map(|i| i as f64 / 99.0).sum::<f64>() / 100.0",
        trivial="1 + 1",
        define=lambda i: f"let v_{i} = {i};",
        array_cell=lambda i: (
            f"let arr_{i}: Vec<f64> = (0..1000).map(|k| k as f64 * {i + 1}. / 999.).collect(); "
            f"arr_{i}.iter().sum::<f64>() / 1000.0"
        ),
    )


# --- measuring -------------------------------------------------------------------------------


def start(kernel_name: str, timeout: float = 120) -> tuple[kernelutil.Kernel, float]:
    """Starts a kernel; returns it and the seconds from launch to its kernel_info_reply."""
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
    except Exception:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        raise
    return kernelutil.Kernel(km, kc), time.perf_counter() - t0


def timed(kernel: kernelutil.Kernel, code: str, timeout: float = 300) -> float:
    t0 = time.perf_counter()
    reply, msgs = kernel.execute(code, timeout=timeout)
    dt = time.perf_counter() - t0
    if reply["content"]["status"] != "ok":
        raise RuntimeError(
            f"cell failed: {code!r}\n{kernelutil.describe_error(reply['content'], msgs)}"
        )
    return dt


def tree_rss_bytes(root_pid: int) -> int:
    """Sum of VmRSS of root_pid and all its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # The command name may contain spaces; fields after the closing parenthesis.
        fields = stat[stat.rfind(")") + 2 :].split()
        ppid = int(fields[1])
        children.setdefault(ppid, []).append(int(entry))
    total = 0
    todo = [root_pid]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            pass
    return total


def kernel_pid(kernel: kernelutil.Kernel) -> int | None:
    provisioner = getattr(kernel.km, "provisioner", None)
    process = getattr(provisioner, "process", None)
    return getattr(process, "pid", None)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def bench(flavour: Flavour, runs: int, log: Callable[[str], None]) -> dict[str, str]:
    row: dict[str, str] = {}

    # Cold: start + first array cell, `runs` fresh kernels.
    starts, firsts = [], []
    for i in range(runs):
        k, t_start = start(flavour.kernel_name)
        try:
            starts.append(t_start)
            firsts.append(timed(k, flavour.first_array))
        finally:
            k.stop()
        log(f"  cold run {i + 1}/{runs}: start {fmt(t_start)}, first cell {fmt(firsts[-1])}")
    row["start -> kernel_info"] = fmt(median(starts))
    row["first array cell"] = fmt(median(firsts))

    # Warm cells in one session.
    k, _ = start(flavour.kernel_name)
    try:
        timed(k, flavour.warm_setup)
        timed(k, flavour.warm)
        row["warm linspace mean"] = fmt(median([timed(k, flavour.warm) for _ in range(runs)]))
        timed(k, flavour.trivial)
        row["trivial 1 + 1"] = fmt(median([timed(k, flavour.trivial) for _ in range(runs)]))
        row["define a variable"] = fmt(
            median([timed(k, flavour.define(1000 + i)) for i in range(runs)])
        )
        log("  warm cells done")
    finally:
        k.stop()

    # One long session: cells 1..105, each defining a variable.
    k, _ = start(flavour.kernel_name)
    try:
        times = []
        for i in range(1, 106):
            times.append(timed(k, flavour.define(i)))
            if i % 25 == 0:
                log(f"  long session: cell {i}")
        row["cells 1-10 (define)"] = fmt(median(times[0:10]))
        row["cells 96-105 (define)"] = fmt(median(times[95:105]))
    finally:
        k.stop()

    # Memory after 20 cells.
    k, _ = start(flavour.kernel_name)
    try:
        timed(k, flavour.warm_setup)
        for i in range(19):
            timed(k, flavour.array_cell(i))
        pid = kernel_pid(k)
        row["RSS after 20 cells"] = f"{tree_rss_bytes(pid) / 2**20:.0f} MiB" if pid else "n/a"
    finally:
        k.stop()
    return row


def fmt(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


# --- kernels to compare --------------------------------------------------------------------


def has_kernelspec(name: str) -> bool:
    try:
        KernelSpecManager().get_kernel_spec(name)
        return True
    except NoSuchKernel:
        return False


def evcxr_kernel_name() -> str | None:
    """A kernelspec running evcxr_jupyter from PATH, made in a temporary directory."""
    exe = os.environ.get("EVCXR_JUPYTER") or shutil.which("evcxr_jupyter")
    if exe is None or not Path(exe).exists():
        return None
    root = Path(tempfile.mkdtemp(prefix="bench-evcxr-"))
    spec_dir = root / "kernels" / "bench-evcxr"
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [exe, "--control_file", "{connection_file}"],
        "display_name": "Rust (evcxr)",
        "language": "rust",
        "interrupt_mode": "message",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec))
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(root), os.environ.get("JUPYTER_PATH", "")) if p
    )
    return "bench-evcxr"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="samples per median (default 10)")
    parser.add_argument(
        "--only",
        default="rust-arraylib,arraylib-evcxr,ipykernel,evcxr",
        help="comma-separated kernels to measure (rust-arraylib, arraylib-evcxr, ipykernel, "
        "evcxr)",
    )
    args = parser.parse_args()
    wanted = {w.strip() for w in args.only.split(",") if w.strip()}

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    columns: dict[str, dict[str, str] | str] = {}
    if "rust-arraylib" in wanted:
        log("rust-arraylib:")
        columns["rust-arraylib"] = bench(
            rust_arraylib(kernelutil.ensure_kernelspec()), args.runs, log
        )
    if "arraylib-evcxr" in wanted:
        if has_kernelspec("arraylib-evcxr"):
            log("arraylib-evcxr:")
            flavour = rust_arraylib("arraylib-evcxr")
            flavour.label = "arraylib-evcxr"
            try:
                columns["arraylib-evcxr"] = bench(flavour, args.runs, log)
            except Exception as e:  # optional engine: report, do not stop
                columns["arraylib-evcxr"] = f"failed: {e}".splitlines()[0][:40]
        else:
            columns["arraylib-evcxr"] = NOT_INSTALLED
    if "ipykernel" in wanted:
        try:
            import ipykernel  # noqa: F401
            import numpy  # noqa: F401
        except ImportError:
            columns["ipykernel+numpy"] = NOT_INSTALLED
        else:
            if has_kernelspec("python3"):
                log("ipykernel:")
                columns["ipykernel+numpy"] = bench(python_numpy("python3"), args.runs, log)
            else:
                columns["ipykernel+numpy"] = NOT_INSTALLED
    if "evcxr" in wanted:
        name = evcxr_kernel_name()
        if name is None:
            columns["evcxr (Vec)"] = NOT_INSTALLED
        else:
            log("evcxr:")
            try:
                columns["evcxr (Vec)"] = bench(evcxr_plain(name), args.runs, log)
            except Exception as e:  # evcxr is optional: report, do not stop
                columns["evcxr (Vec)"] = f"failed: {e}".splitlines()[0][:40]

    metrics = [
        "start -> kernel_info",
        "first array cell",
        "warm linspace mean",
        "trivial 1 + 1",
        "define a variable",
        "cells 1-10 (define)",
        "cells 96-105 (define)",
        "RSS after 20 cells",
    ]
    headers = ["metric (median of %d)" % args.runs, *columns]
    rows = []
    for metric in metrics:
        row = [metric]
        for col in columns.values():
            row.append(col if isinstance(col, str) else col.get(metric, "n/a"))
        rows.append(row)
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line)
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    print(f"\nmachine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

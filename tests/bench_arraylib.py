"""Benchmark: the same array operations in NumPy and in arraylib, single-threaded.

Runs the `bench` binary of tests/numpy_oracle (built with --release) twice, with the
allocator tuned as in the kernel's cell process (mallopt) and with glibc's defaults, times
the same operations in NumPy, and prints a table with the ratio arraylib time / NumPy time
(medians over repeats; below 1 means arraylib is faster). Not part of the test suite.

On a shared machine the speed drifts by tens of percent from one minute to the next, so the
measurement is taken in --rounds rounds (NumPy first, then arraylib, then the other way
round, ...): each round gives every row a ratio from times taken close together, and the
table shows the median time and the median ratio over the rounds.

    .venv/bin/python tests/bench_arraylib.py [--filter SUBSTRING] [--min-time SECONDS]
                                             [--rounds N] [--no-default-malloc] [--no-build]
"""

from __future__ import annotations

import os

# Single-threaded NumPy (BLAS and friends); must be set before numpy is imported.
for _var in (
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import atexit  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Callable  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def uniform(shape: tuple[int, ...], lo: float, hi: float, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).uniform(lo, hi, size=shape)


def sym500(seed: int) -> np.ndarray:
    a = uniform((500, 500), -1, 1, seed)
    return a + a.T
_TMP: list[tempfile.TemporaryDirectory[str]] = []


def npy_file() -> str:
    """A 100 MB float64 `.npy` file in a temporary directory removed at exit."""
    if not _TMP:
        _TMP.append(tempfile.TemporaryDirectory(prefix="arraylib_bench_"))
        atexit.register(_TMP[0].cleanup)
    path = os.path.join(_TMP[0].name, "x.npy")
    if not os.path.exists(path):
        np.save(path, uniform((12_500_000,), 0, 1, 27))
    return path


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def pairwise(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    xx = (x * x).sum(axis=1)
    yy = (y * y).sum(axis=1)
    d2 = xx[:, None] + yy[None, :] - 2.0 * (x @ y.T)
    return np.sqrt(np.maximum(d2, 0.0))


def gradient_step(t: tuple[np.ndarray, np.ndarray]) -> None:
    w, g = t
    w -= 0.01 * g


def mask_assign(a: np.ndarray) -> None:
    a[a > 0.5] = 0.0


def one_hot_assign(t: tuple[np.ndarray, np.ndarray]) -> None:
    t[0][np.arange(len(t[1])), t[1]] = 1.0


# name -> (setup, operation); the names match the rows of the Rust `bench` binary.
ROWS: dict[str, tuple[Callable[[], Any], Callable[[Any], Any]]] = {
    "a*b+c 1e6": (
        lambda: tuple(uniform((1_000_000,), 0, 1, s) for s in (1, 2, 3)),
        lambda t: t[0] * t[1] + t[2],
    ),
    "a*b+c 1e7": (
        lambda: tuple(uniform((10_000_000,), 0, 1, s) for s in (1, 2, 3)),
        lambda t: t[0] * t[1] + t[2],
    ),
    "w -= 0.01 * g 1e6 (in place)": (
        lambda: (uniform((1_000_000,), 0, 1, 41), uniform((1_000_000,), 0, 1, 42)),
        gradient_step,
    ),
    "exp 1e6": (lambda: uniform((1_000_000,), -1, 1, 4), np.exp),
    "relu 1e6": (lambda: uniform((1_000_000,), -1, 1, 5), lambda x: np.maximum(x, 0.0)),
    "tanh 1e6": (lambda: uniform((1_000_000,), -3, 3, 43), np.tanh),
    "max 1e6": (lambda: uniform((1_000_000,), 0, 1, 44), np.max),
    "(1000,768) - (768,)": (
        lambda: (uniform((1000, 768), 0, 1, 6), uniform((768,), 0, 1, 7)),
        lambda t: t[0] - t[1],
    ),
    "standardize (100000,20) axis 0": (
        lambda: uniform((100_000, 20), 0, 10, 8),
        lambda x: (x - x.mean(axis=0)) / x.std(axis=0),
    ),
    "sum 1e7": (lambda: uniform((10_000_000,), 0, 1, 9), np.sum),
    "mean axis 0 (1000,1000)": (lambda: uniform((1000, 1000), 0, 1, 10), lambda x: x.mean(axis=0)),
    "mean axis 1 (1000,1000)": (lambda: uniform((1000, 1000), 0, 1, 11), lambda x: x.mean(axis=1)),
    "argmax axis 1 (100000,10)": (
        lambda: uniform((100_000, 10), 0, 1, 12),
        lambda x: x.argmax(axis=1),
    ),
    "softmax (10000,1000) axis 1": (lambda: uniform((10_000, 1000), -3, 3, 13), softmax),
    "matmul 1000x1000 f64": (
        lambda: (uniform((1000, 1000), 0, 1, 14), uniform((1000, 1000), 0, 1, 15)),
        lambda t: t[0] @ t[1],
    ),
    "matmul 1000x1000 f32": (
        lambda: (
            uniform((1000, 1000), 0, 1, 16).astype(np.float32),
            uniform((1000, 1000), 0, 1, 17).astype(np.float32),
        ),
        lambda t: t[0] @ t[1],
    ),
    "matmul (32,768)@(768,768)": (
        lambda: (uniform((32, 768), 0, 1, 18), uniform((768, 768), 0, 1, 19)),
        lambda t: t[0] @ t[1],
    ),
    "pairwise dist (1000,128) (500,128)": (
        lambda: (uniform((1000, 128), 0, 1, 20), uniform((500, 128), 0, 1, 21)),
        lambda t: pairwise(*t),
    ),
    "transpose+copy (2000,2000)": (lambda: uniform((2000, 2000), 0, 1, 22), lambda x: x.T.copy()),
    "concatenate 2x(1000,1000) axis 0": (
        lambda: (uniform((1000, 1000), 0, 1, 23), uniform((1000, 1000), 0, 1, 24)),
        lambda t: np.concatenate(t, axis=0),
    ),
    "concatenate 2x(1000,1000) axis 1": (
        lambda: (uniform((1000, 1000), 0, 1, 25), uniform((1000, 1000), 0, 1, 26)),
        lambda t: np.concatenate(t, axis=1),
    ),
    "randn 1e6": (lambda: np.random.seed(42), lambda _: np.random.randn(1_000_000)),
    "randint 0..256 1e6": (lambda: np.random.seed(42), lambda _: np.random.randint(0, 256, 1_000_000)),
    "rng.normal 1e6": (lambda: np.random.default_rng(42), lambda g: g.normal(0.0, 1.0, 1_000_000)),
    "solve 500": (
        lambda: (uniform((500, 500), -1, 1, 30), uniform((500,), -1, 1, 31)),
        lambda t: np.linalg.solve(*t),
    ),
    "inv 500": (lambda: uniform((500, 500), -1, 1, 32), np.linalg.inv),
    "det 500": (lambda: uniform((500, 500), -1, 1, 33), np.linalg.det),
    "svd 500": (lambda: uniform((500, 500), -1, 1, 34), np.linalg.svd),
    "eigh 500": (lambda: sym500(35), np.linalg.eigh),
    "eigvalsh 500": (lambda: sym500(36), np.linalg.eigvalsh),
    "eig 500": (lambda: uniform((500, 500), -1, 1, 37), np.linalg.eig),
    "norm fro 1e6": (lambda: uniform((1000, 1000), -1, 1, 38), np.linalg.norm),
    "matmul 500x500 f64": (
        lambda: (uniform((500, 500), 0, 1, 39), uniform((500, 500), 0, 1, 40)),
        lambda t: t[0] @ t[1],
    ),
    "sort 1e6": (lambda: uniform((1_000_000,), 0, 1, 27), np.sort),
    "argsort 1e6": (lambda: uniform((1_000_000,), 0, 1, 28), np.argsort),
    "einsum ij,jk->ik 300": (
        lambda: (uniform((300, 300), 0, 1, 29), uniform((300, 300), 0, 1, 30)),
        lambda t: np.einsum("ij,jk->ik", *t, optimize=True),
    ),
    "einsum bij,bjk->bik": (
        lambda: (uniform((32, 64, 64), 0, 1, 31), uniform((32, 64, 64), 0, 1, 32)),
        lambda t: np.einsum("bij,bjk->bik", *t, optimize=True),
    ),
    "load npy 100MB": (lambda: npy_file(), np.load),
    "load npy 100MB mmap": (lambda: npy_file(), lambda p: np.load(p, mmap_mode="r")),
    "sum npy 100MB mmap": (lambda: npy_file(), lambda p: np.load(p, mmap_mode="r").sum()),
    "take 200000 random rows of (1000000,10)": (
        lambda: (uniform((1_000_000, 10), 0, 1, 27), uniform((200_000,), 0, 1e6, 28).astype(np.int64)),
        lambda t: t[0][t[1]],
    ),
    "boolean mask on 1e6": (lambda: uniform((1_000_000,), 0, 1, 29), lambda a: a[a > 0.5]),
    "mask assign scalar 1e6": (lambda: uniform((1_000_000,), 0, 1, 30), mask_assign),
    "one-hot assign (100000,10)": (
        lambda: (np.zeros((100_000, 10)), uniform((100_000,), 0, 10, 31).astype(np.int64)),
        one_hot_assign,
    ),
}


def time_numpy(setup: Callable[[], Any], op: Callable[[Any], Any], min_time: float, max_repeat: int) -> float:
    """Median seconds of `op`, with the same repeat policy as the Rust side."""
    data = setup()
    op(data)
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < max_repeat and (len(times) < 3 or time.perf_counter() - start < min_time):
        t0 = time.perf_counter()
        r = op(data)
        times.append(time.perf_counter() - t0)
        del r
    times.sort()
    return times[len(times) // 2]


def build() -> Path:
    cmd = ["cargo", "build", "--release", "-p", "numpy_oracle", "--bin", "bench"]
    subprocess.run(cmd, cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "release" / "bench"


def run_rust(binary: Path, args: list[str]) -> tuple[str, dict[str, float | None]]:
    proc = subprocess.run([str(binary), *args], capture_output=True, text=True, check=False)
    malloc = "?"
    rows: dict[str, float | None] = {}
    for line in proc.stdout.splitlines():
        if not line.startswith("{"):
            continue
        d = json.loads(line)
        if "malloc" in d:
            malloc = d["malloc"]
        elif d.get("na"):
            rows[d["name"]] = None
        else:
            rows[d["name"]] = d["median_s"]
    if proc.returncode != 0:
        sys.stderr.write(f"bench binary failed ({proc.returncode}):\n{proc.stderr[-3000:]}\n")
    return malloc, rows


def fmt_time(t: float | None) -> str:
    if t is None:
        return "n/a"
    if t >= 1:
        return f"{t:.2f} s"
    if t >= 1e-3:
        return f"{t * 1e3:.2f} ms"
    return f"{t * 1e6:.1f} us"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--filter", default=None, help="only rows whose name contains this")
    parser.add_argument("--min-time", type=float, default=0.5, help="seconds of repeats per row")
    parser.add_argument("--max-repeat", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of NumPy and arraylib runs (default 3)")
    parser.add_argument("--no-default-malloc", action="store_true", help="skip the run without mallopt")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
    opts = parser.parse_args()

    if opts.no_build:
        target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
        binary = target / "release" / "bench"
    else:
        binary = build()
    common = ["--min-time", str(opts.min_time), "--max-repeat", str(opts.max_repeat)]
    if opts.filter:
        common += ["--filter", opts.filter]
    rows = {name: row for name, row in ROWS.items() if not opts.filter or opts.filter in name}

    def numpy_times() -> dict[str, float]:
        return {name: time_numpy(setup, op, opts.min_time, opts.max_repeat) for name, (setup, op) in rows.items()}

    rounds: list[tuple[dict[str, float], dict[str, float | None], dict[str, float | None]]] = []
    malloc_tuned = "?"
    for k in range(opts.rounds):
        if k % 2 == 0:
            t_np = numpy_times()
        malloc_tuned, tuned = run_rust(binary, common)
        default: dict[str, float | None] = {}
        if not opts.no_default_malloc:
            _, default = run_rust(binary, ["--no-mallopt", *common])
        if k % 2 == 1:
            t_np = numpy_times()
        rounds.append((t_np, tuned, default))

    def median(xs: list[float]) -> float | None:
        xs = sorted(xs)
        return xs[len(xs) // 2] if xs else None

    def summary(name: str, which: int) -> tuple[str, str]:
        """Median time of arraylib's run `which` (1 tuned, 2 default) and median ratio."""
        times = [r[which].get(name) for r in rounds]
        ratios = [t / r[0][name] for t, r in zip(times, rounds) if t is not None and r[0][name] > 0]
        t = median([x for x in times if x is not None])
        q = median(ratios)
        return fmt_time(t), "n/a" if q is None else f"{q:.2f}"

    try:
        from threadpoolctl import threadpool_info  # type: ignore[import-not-found]

        blas = ", ".join(f"{i['internal_api']} {i['num_threads']} thread(s)" for i in threadpool_info())
    except ImportError:
        blas = "threadpoolctl not installed; OPENBLAS_NUM_THREADS=1 set"
    print(f"NumPy {np.__version__} ({blas}); arraylib release build, single thread")
    print(f"arraylib (tuned): {malloc_tuned}; arraylib (default): glibc defaults")
    print(f"ratio = arraylib time / NumPy time, median over {opts.rounds} round(s); < 1 means arraylib is faster\n")
    header = ["operation", "NumPy", "arraylib (tuned)", "ratio"]
    with_default = not opts.no_default_malloc
    if with_default:
        header += ["arraylib (default)", "ratio"]
    table = [header]
    for name in rows:
        row = [name, fmt_time(median([r[0][name] for r in rounds])), *summary(name, 1)]
        if with_default:
            row += [*summary(name, 2)]
        table.append(row)
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for k, r in enumerate(table):
        cells = [c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)]
        print("  ".join(cells))
        if k == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()

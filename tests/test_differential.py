"""Differential tests: every case of the `numpy_oracle` crate, compared with NumPy.

The Rust binary (tests/numpy_oracle) runs each case in `catch_unwind` and prints one
`@@ORACLE {json}` line per case with the Rust result and the NumPy expression; this module
evaluates each expression with NumPy and makes one pytest test per case.

Compared: dtype name, shape and values (floats within a tolerance, NaN equal to NaN at the
same position), scalar or array for 0-d results (a Rust 0-d array stands for NumPy's scalar
only when marked so, `Array::is_scalar`), error class (`type(e).__name__`) and exact message,
or exact `repr`/`str` text for the text cases. How to add cases: tests/numpy_oracle/src/cases/README.md.

Environment:
  ORACLE_PROFILE=dev|release   cargo profile used to build the binary (default: dev, which
                               builds much faster here; overflow checks are turned off)
  ORACLE_TARGET_DIR=path       cargo target directory (default: target/oracle)
  ORACLE_BIN=path              use an already built binary instead of building
  ORACLE_FILTER=substring      only cases whose name contains it (also `-k` works)
"""

from __future__ import annotations

import ast
import json
import math
import os
import subprocess
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
MARK = "@@ORACLE "
RUN_TIMEOUT = 600
MAX_CRASHES = 20
BUILD_TIMEOUT = 1800

# Default float tolerances (relative), by dtype; ints and bools are exact.
DEFAULT_RTOL = {"float64": 1e-12, "complex128": 1e-12, "float32": 2.4e-7, "complex64": 2.4e-7}


# ----- running the Rust side ----------------------------------------------------------------


def _build() -> tuple[Path | None, str]:
    """Builds the binary; returns (path, error text)."""
    if os.environ.get("ORACLE_BIN"):
        return Path(os.environ["ORACLE_BIN"]), ""
    profile = os.environ.get("ORACLE_PROFILE", "dev")
    cmd = ["cargo", "build", "-p", "numpy_oracle", "--bin", "numpy_oracle", "--message-format=short"]
    if profile == "release":
        cmd.append("--release")
    elif profile != "dev":
        cmd += ["--profile", profile]
    # Integer overflow wraps as in NumPy and in the shipped (release) build; overflow checks
    # of the dev profile would turn it into a Rust panic. A target directory of its own keeps
    # this setting from invalidating the ordinary dev builds.
    target = Path(os.environ.get("ORACLE_TARGET_DIR", ROOT / "target" / "oracle"))
    env = dict(os.environ, CARGO_TARGET_DIR=str(target))
    env[f"CARGO_PROFILE_{profile.upper()}_OVERFLOW_CHECKS"] = "false"
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT, env=env)
    if proc.returncode != 0:
        errors = [line for line in proc.stderr.splitlines() if "error" in line]
        return None, "\n".join(errors[:40]) or proc.stderr[-4000:]
    sub = "debug" if profile == "dev" else profile
    return target / sub / "numpy_oracle", ""


def _run(binary: Path) -> list[dict[str, Any]]:
    """Runs every case; a case that kills the process (abort, stack overflow, hang) is
    recorded as failed and the run resumes after it."""
    cases: list[dict[str, Any]] = []
    skip = 0
    crashes = 0
    while True:
        args = [str(binary), "--skip", str(skip)]
        if os.environ.get("ORACLE_FILTER"):
            args += ["--filter", os.environ["ORACLE_FILTER"]]
        crashed = None
        try:
            proc = subprocess.run(args, capture_output=True, text=True, timeout=RUN_TIMEOUT)
            out, err, code = proc.stdout, proc.stderr, proc.returncode
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            err = e.stderr.decode() if isinstance(e.stderr, bytes) else (e.stderr or "")
            code, crashed = None, f"timed out after {RUN_TIMEOUT}s"
        last = skip - 1
        for line in out.splitlines():
            if line.startswith(MARK):
                try:
                    case = json.loads(line[len(MARK):])
                except json.JSONDecodeError:
                    continue
                cases.append(case)
                last = case["index"]
        if code == 0:
            return cases
        # The case after the last reported one killed the process: record it, resume after it.
        crashed = crashed or f"the process died (exit code {code})"
        cases.append(
            {
                "index": last + 1,
                "name": f"crashed_after::{cases[-1]['name'] if cases else '<start>'}",
                "py": "None",
                "mode": "crash",
                "result": {"kind": "crash", "error": f"{crashed}; stderr tail:\n{err[-2000:]}"},
            }
        )
        skip = last + 2
        crashes += 1
        if crashes >= MAX_CRASHES:
            cases[-1]["result"]["error"] += f"\n(gave up after {MAX_CRASHES} crashes)"
            return cases


def _collect() -> list[dict[str, Any]]:
    binary, error = _build()
    if binary is None:
        return [{"name": "build::numpy_oracle", "mode": "build", "py": "None", "result": {"error": error}}]
    return _run(binary)


CASES = _collect()


# ----- evaluating the NumPy side -------------------------------------------------------------


def eval_numpy(code: str) -> tuple[Any, str | None]:
    """Runs Python code whose last statement is an expression; returns (value, error text)."""
    ns: dict[str, Any] = {"np": np, "numpy": np, "math": math}
    try:
        tree = ast.parse(code, mode="exec")
        last = tree.body[-1] if tree.body else None
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            if isinstance(last, ast.Expr):
                body = ast.Module(body=tree.body[:-1], type_ignores=[])
                exec(compile(body, "<numpy>", "exec"), ns)
                value = eval(compile(ast.Expression(last.value), "<numpy>", "eval"), ns)
            else:
                exec(compile(tree, "<numpy>", "exec"), ns)
                value = None
    except Exception as e:  # noqa: BLE001 - every NumPy exception is an expected outcome
        return None, f"{type(e).__name__}: {e}"
    return value, None


# ----- comparison ------------------------------------------------------------------------------


def _rust_value(v: Any) -> Any:
    """A value of the Rust JSON (floats as strings, complex as [re, im], the elements of a
    string array as {"str": text}) as Python."""
    if isinstance(v, dict) and "str" in v:
        return v["str"]
    if isinstance(v, list) and len(v) == 2 and all(isinstance(p, str) for p in v):
        return complex(float(v[0]), float(v[1]))
    if isinstance(v, str):
        return float(v)
    return v


def _close(r: Any, n: Any, rtol: float, atol: float) -> bool:
    if isinstance(r, complex) or isinstance(n, complex):
        r, n = complex(r), complex(n)
        return _close(r.real, n.real, rtol, atol) and _close(r.imag, n.imag, rtol, atol)
    if isinstance(r, bool) or isinstance(n, bool):
        return r == n
    if isinstance(r, float) or isinstance(n, float):
        r, n = float(r), float(n)
        if math.isnan(r) or math.isnan(n):
            return math.isnan(r) and math.isnan(n)
        if math.isinf(r) or math.isinf(n):
            return r == n
        return abs(r - n) <= atol + rtol * abs(n)
    return r == n


def _tolerances(case: dict[str, Any], dtype: str | None) -> tuple[float, float]:
    rtol = case.get("rtol")
    atol = case.get("atol")
    if rtol is None:
        rtol = DEFAULT_RTOL.get(dtype or "float64", 1e-12)
    return float(rtol), float(atol or 0.0)


def _fmt(values: list[Any], limit: int = 12) -> str:
    s = ", ".join(repr(v) for v in values[:limit])
    return f"[{s}{', ...' if len(values) > limit else ''}] ({len(values)} values)"


def _compare_values(case: dict[str, Any], dtype: str | None, rv: list[Any], nv: list[Any]) -> str | None:
    rtol, atol = _tolerances(case, dtype)
    if len(rv) != len(nv):
        return f"value count differs: rust {len(rv)}, numpy {len(nv)}"
    bad = [i for i, (r, n) in enumerate(zip(rv, nv)) if not _close(r, n, rtol, atol)]
    if bad:
        i = bad[0]
        return (
            f"{len(bad)} of {len(rv)} values differ (rtol={rtol}, atol={atol}); first at flat index {i}: "
            f"rust {rv[i]!r}, numpy {nv[i]!r}\n  rust:  {_fmt(rv)}\n  numpy: {_fmt(nv)}"
        )
    return None


def _describe(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:300]}"


def _scalar_kind_differs(result: dict[str, Any], value: Any) -> str | None:
    """For a Rust 0-d array: a failure message if it is marked as a scalar where NumPy gave a
    0-d array, or unmarked where NumPy gave a scalar."""
    rust_scalar = bool(result.get("scalar"))
    numpy_scalar = isinstance(value, np.generic)
    if rust_scalar == numpy_scalar:
        return None
    if numpy_scalar:
        return f"rust gave a 0-d array {result.get('repr', '')!s}, numpy gave a scalar {_describe(value)}"
    return f"rust gave a scalar {result.get('repr', '')!s}, numpy gave a 0-d array {_describe(value)}"


def compare(case: dict[str, Any], result: dict[str, Any], value: Any) -> str | None:
    """Compares one Rust result with a NumPy value; returns a failure message or None."""
    kind = result["kind"]
    if kind == "array":
        if result["shape"] == [] and isinstance(value, (np.generic, np.ndarray)):
            # A function typed `-> Array` cannot return a scalar: a 0-d array marked as one
            # (`Array::is_scalar`) stands for NumPy's scalar result (`np.exp(np.array(0.5))`,
            # `a.sum(axis=(0, 1))`) and prints like it; NumPy's 0-d arrays must stay unmarked.
            msg = _scalar_kind_differs(result, value)
            if msg:
                return msg
            if isinstance(value, np.str_):
                # NumPy's string scalar has the width of its own text, the 0-d array standing
                # for it keeps the array's: the text is what is compared.
                rv = [_rust_value(v) for v in result["values"]]
                return None if rv == [str(value)] else f"rust {rv[0]!r}, numpy {str(value)!r}"
            value = np.asarray(value)
        if not isinstance(value, np.ndarray):
            return f"rust gave an array, numpy gave {_describe(value)}"
        if result["dtype"] != value.dtype.name:
            return f"dtype differs: rust {result['dtype']}, numpy {value.dtype.name}"
        if tuple(result["shape"]) != value.shape:
            return f"shape differs: rust {tuple(result['shape'])}, numpy {value.shape}"
        nv = value.ravel(order="C").tolist()
        rv = [_rust_value(v) for v in result["values"]]
        return _compare_values(case, result["dtype"], rv, nv)
    if kind == "scalar":
        if isinstance(value, np.ndarray):
            return f"rust gave a scalar {result['dtype']}, numpy gave an array {_describe(value)}"
        if isinstance(value, np.generic):
            if result["dtype"] != value.dtype.name:
                return f"dtype differs: rust {result['dtype']}, numpy {value.dtype.name}"
            nv = value.item()
        elif isinstance(value, (bool, int, float, complex)):
            nv = value  # a Python number: compare the value only
        else:
            return f"rust gave a scalar, numpy gave {_describe(value)}"
        return _compare_values(case, result["dtype"], [_rust_value(result["value"])], [nv])
    if kind in ("bool", "int", "float", "complex"):
        if isinstance(value, np.ndarray) and value.ndim == 0:
            value = value[()]
        if isinstance(value, np.generic):
            value = value.item()
        if not isinstance(value, (bool, int, float, complex)):
            return f"rust gave a {kind}, numpy gave {_describe(value)}"
        if kind == "bool" and not isinstance(value, bool):
            return f"rust gave a bool, numpy gave {_describe(value)}"
        return _compare_values(case, "float64", [_rust_value(result["value"])], [value])
    if kind == "tuple":
        if not isinstance(value, (tuple, list)) or not all(isinstance(x, (int, np.integer)) for x in value):
            return f"rust gave a tuple of ints, numpy gave {_describe(value)}"
        if list(result["value"]) != [int(x) for x in value]:
            return f"rust {tuple(result['value'])}, numpy {tuple(int(x) for x in value)}"
        return None
    if kind == "str":
        text = value if isinstance(value, str) else str(value)
        if result["value"] != text:
            return f"text differs:\n--- rust\n{result['value']}\n--- numpy\n{text}\n---"
        return None
    if kind == "dtype":
        try:
            name = np.dtype(value).name
        except TypeError:
            return f"rust gave dtype {result['value']}, numpy gave {_describe(value)}"
        if result["value"] != name:
            return f"dtype differs: rust {result['value']}, numpy {name}"
        return None
    if kind == "none":
        if value is not None:
            return f"rust gave None/(), numpy gave {_describe(value)}"
        return None
    if kind == "list":
        if isinstance(value, np.ndarray) or not isinstance(value, (tuple, list)):
            return f"rust gave a tuple/list, numpy gave {_describe(value)}"
        items = result["items"]
        if len(items) != len(value):
            return f"length differs: rust {len(items)}, numpy {len(value)}"
        for i, (r, n) in enumerate(zip(items, value)):
            msg = compare(case, r, n)
            if msg:
                return f"item {i}: {msg}"
        return None
    return f"unknown rust result kind {kind!r}"


def check(case: dict[str, Any]) -> str | None:
    """The failure message for one case, or None if it agrees with NumPy."""
    mode = case.get("mode")
    result = case["result"]
    if mode == "build":
        return "the numpy_oracle binary does not compile:\n" + result["error"]
    if mode == "crash":
        return result["error"]
    value, error = eval_numpy(case["py"])
    rust_error = result.get("error") if result.get("kind") == "error" else None
    if error is not None or rust_error is not None:
        if error is None:
            return f"rust raised {rust_error!r}, numpy gave {_describe(value)}"
        if rust_error is None:
            return f"numpy raised {error!r}, rust gave {json.dumps(result)[:500]}"
        if rust_error != error:
            return f"error differs:\n  rust:  {rust_error}\n  numpy: {error}"
        return None
    if mode in ("repr", "str"):
        text = repr(value) if mode == "repr" else str(value)
        if result["value"] != text:
            return f"{mode} differs:\n--- rust\n{result['value']}\n--- numpy\n{text}\n---"
        return None
    return compare(case, result, value)


# ----- the tests ---------------------------------------------------------------------------------


def _ids() -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for c in CASES:
        name = c["name"]
        if name in seen:
            seen[name] += 1
            name = f"{name}#{seen[name]}"
        else:
            seen[name] = 0
        ids.append(name)
    return ids


@pytest.mark.parametrize("case", CASES, ids=_ids())
def test_case(case: dict[str, Any]) -> None:
    message = check(case)
    if message and case.get("known"):
        pytest.xfail(f"known difference: {case['known']}\n{message}")
    if message:
        pytest.fail(f"{case['name']}\nnumpy: {case['py']}\n{message}", pytrace=False)


def test_case_names_unique() -> None:
    counts = Counter(c["name"] for c in CASES)
    dupes = sorted(n for n, k in counts.items() if k > 1)
    assert not dupes, f"duplicate case names: {dupes}"

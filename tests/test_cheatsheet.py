"""notebooks/numpy_to_arraylib.md is true: every row marked ✓ gives the same result in arraylib
(run in the real kernel) as in NumPy (run here).

The cheat sheet holds one ```python and one ```rust setup block and tables whose rows read
`| ID | What | NumPy | arraylib | ✓ | Notes |`. For each ✓ row the NumPy cell is evaluated with
NumPy on the Python setup (statements separated by `;`, the last one an expression; a fresh
namespace per row) and the arraylib cell, a Rust expression, in the kernel after the Rust setup.
Rows marked `—` are not run.

How a row is compared, by what the Rust expression returns:
- `Array` / `Scalar`: arraylib's `{:?}` must equal NumPy's `repr()` byte for byte. When the two
  texts differ, both are parsed back into NumPy values and must have the same type (array or
  scalar), shape and dtype, and values equal within rtol=1e-7, atol=1e-8 (NaN equal to NaN;
  ints and bools exactly). The default repr prints 8 digits, so this only absorbs last-bit
  differences such as `0.` against `2.22044605e-16`; rows that pass this way are listed in the
  test output.
- `DType`: its name must equal `str()` of NumPy's dtype.
- `String` / `&str`: equal to NumPy's `str` result exactly.
- plain Rust values (`bool`, integers, floats, `&[usize]`, `Vec`s, `Option::None`): equal to
  NumPy's value, with NumPy scalars taken as Python numbers and tuples as lists (same float
  tolerance, bool only equal to bool).
- a panic (arraylib's errors): NumPy must raise, and `ErrorClass: message` must be equal.

Rows are run in batches, one kernel cell per batch; a batch that does not compile is split
until the row that does not compile is found (it fails with rustc's message).
"""

from __future__ import annotations

import ast
import math
import re
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kernelutil import FIRST_CELL_TIMEOUT, Kernel, error_text, stdout_text

REPO = Path(__file__).resolve().parent.parent
CHEATSHEET = REPO / "notebooks" / "numpy_to_arraylib.md"
RTOL = 1e-7
ATOL = 1e-8
BATCH = 120

pytestmark = pytest.mark.timeout(600)

# The IDs of the NumPy features the tutorials use (priorities P0 and P1): the cheat sheet covers each.
CHECKLIST_P0_P1 = [
    "CRE-01", "CRE-02", "CRE-03", "CRE-04", "CRE-05", "CRE-06", "CRE-07", "CRE-08", "CRE-09",
    "CRE-10", "CRE-11", "CRE-12", "CRE-13", "CRE-14", "CRE-15", "CRE-16", "CRE-17", "RND-01",
    "RND-02", "RND-03", "RND-04", "RND-05", "ATT-01", "ATT-02", "ATT-03", "ATT-04", "ATT-05",
    "ATT-06", "ATT-07", "ATT-08", "ATT-09", "ATT-10", "ATT-11", "DTY-01", "DTY-02", "DTY-03",
    "DTY-04", "DTY-05", "DTY-06", "DTY-07", "DTY-08", "DTY-09", "DTY-10", "DTY-11", "DTY-12",
    "DTY-13", "DTY-14", "IDX-01", "IDX-02", "IDX-03", "IDX-04", "IDX-05", "IDX-06", "IDX-07",
    "IDX-08", "IDX-09", "IDX-10", "IDX-11", "IDX-12", "IDX-13", "IDX-14", "IDX-15", "ADV-01",
    "ADV-02", "ADV-03", "ADV-04", "ADV-05", "ADV-06", "ADV-07", "ADV-08", "ADV-09", "OPS-01",
    "OPS-02", "OPS-03", "OPS-04", "OPS-05", "OPS-06", "OPS-07", "OPS-08", "OPS-09", "OPS-10",
    "OPS-11", "CMP-01", "CMP-02", "CMP-03", "CMP-04", "CMP-05", "CMP-06", "CMP-07", "CMP-08",
    "CMP-09", "CMP-10", "CMP-11", "UFN-01", "UFN-02", "UFN-03", "UFN-04", "UFN-05", "UFN-06",
    "UFN-07", "UFN-08", "UFN-09", "RED-01", "RED-02", "RED-03", "RED-04", "RED-05", "RED-06",
    "RED-07", "RED-08", "RED-09", "RED-10", "RED-11", "RED-12", "RED-13", "BRC-01", "BRC-02",
    "BRC-03", "BRC-04", "BRC-05", "BRC-06", "BRC-07", "BRC-08", "BRC-09", "BRC-10", "SHP-01",
    "SHP-02", "SHP-03", "SHP-04", "SHP-05", "SHP-06", "SHP-07", "SHP-08", "SHP-09", "SHP-10",
    "SHP-11", "SHP-12", "SHP-13", "JOI-01", "JOI-02", "JOI-03", "JOI-04", "JOI-05", "LIN-01",
    "LIN-02", "LIN-03", "LIN-04", "LIN-05", "LIN-06", "LIN-07", "LIN-08", "LIN-09", "LIN-10",
    "LIN-11", "LIN-12", "LIN-13", "LIN-14", "LIN-15", "LIN-16", "LIN-17", "LIN-18", "LIN-19",
    "MEM-01", "MEM-02", "MEM-03", "MEM-04", "MEM-05", "MEM-06", "MEM-07", "MEM-08", "MEM-09",
    "MEM-10", "MEM-11", "MEM-12", "MEM-13", "PRT-01", "PRT-02", "PRT-03", "PRT-04", "PRT-05",
    "PRT-06", "PRT-07", "PRT-08", "PRT-09", "PRT-10", "PRT-11", "PRT-12", "PRT-13", "PRT-14",
    "PRT-15", "PRT-16", "PRT-17", "INT-01", "INT-02", "INT-05", "INT-12", "EXT-01", "EXT-02",
    "EXT-03", "EXT-04", "EXT-09", "EXT-10", "EXT-13",
]


# ----- parsing the cheat sheet ------------------------------------------------------------


class Row:
    def __init__(self, line_no: int, cells: list[str]):
        self.line_no = line_no
        self.id, self.what, self.numpy_cell, self.rust_cell, self.mark, self.notes = cells
        self.key = self.id  # made unique below

    def __repr__(self) -> str:
        return f"{self.key} (line {self.line_no})"

    @property
    def checked(self) -> bool:
        return self.mark == "✓"


def split_cells(line: str) -> list[str]:
    """The cells of a GFM table row; `\\|` is a literal pipe (also inside code spans)."""
    body = line.strip()
    assert body.startswith("|") and body.endswith("|"), line
    parts = re.split(r"(?<!\\)\|", body[1:-1])
    return [p.strip().replace("\\|", "|") for p in parts]


def only_code(cell: str) -> str | None:
    """The code of a cell that is exactly one code span, else None."""
    m = re.fullmatch(r"`([^`]+)`", cell)
    return m.group(1) if m else None


def parse_cheatsheet(text: str) -> tuple[str, str, list[Row]]:
    py = re.findall(r"^```python\n(.*?)^```", text, re.M | re.S)
    rs = re.findall(r"^```rust\n(.*?)^```", text, re.M | re.S)
    assert len(py) == 1 and len(rs) == 1, "expected one python and one rust setup block"
    rows: list[Row] = []
    header: list[str] | None = None
    for no, line in enumerate(text.splitlines(), 1):
        if not line.startswith("|"):
            header = None
            continue
        cells = split_cells(line)
        if cells[0] == "ID":
            header = cells
            continue
        if header is None or set(cells[0]) <= set("-: "):
            continue
        if header != ["ID", "What", "NumPy", "arraylib", "✓", "Notes"]:
            continue  # some other table
        assert len(cells) == 6, f"line {no}: {len(cells)} cells: {line}"
        rows.append(Row(no, cells))
    seen: dict[str, int] = {}
    for r in rows:
        seen[r.id] = seen.get(r.id, 0) + 1
        if seen[r.id] > 1:
            r.key = f"{r.id}#{seen[r.id]}"
    return py[0], rs[0], rows


SETUP_PY, SETUP_RS, ROWS = parse_cheatsheet(CHEATSHEET.read_text())
CHECKED = [r for r in ROWS if r.checked]


# ----- the Rust harness -------------------------------------------------------------------

# Turns a row's value into (kind, text): arraylib values by their own `{:?}`, plain Rust values
# as Python literals. `cheat_row` catches a panic and reports its message.
HARNESS = r'''
trait CheatPlain { fn cheat_lit(&self) -> String; }
impl CheatPlain for bool { fn cheat_lit(&self) -> String { (if *self { "True" } else { "False" }).to_string() } }
impl CheatPlain for usize { fn cheat_lit(&self) -> String { self.to_string() } }
impl CheatPlain for isize { fn cheat_lit(&self) -> String { self.to_string() } }
impl CheatPlain for i64 { fn cheat_lit(&self) -> String { self.to_string() } }
impl CheatPlain for i32 { fn cheat_lit(&self) -> String { self.to_string() } }
impl CheatPlain for u32 { fn cheat_lit(&self) -> String { self.to_string() } }
impl CheatPlain for f64 {
    fn cheat_lit(&self) -> String {
        if self.is_nan() { "nan".to_string() }
        else if self.is_infinite() { (if *self > 0.0 { "inf" } else { "-inf" }).to_string() }
        else { format!("{:?}", self) }
    }
}
impl CheatPlain for f32 { fn cheat_lit(&self) -> String { (*self as f64).cheat_lit() } }
impl<T: CheatPlain> CheatPlain for Vec<T> {
    fn cheat_lit(&self) -> String { self.as_slice().cheat_lit() }
}
impl<T: CheatPlain> CheatPlain for [T] {
    fn cheat_lit(&self) -> String {
        format!("[{}]", self.iter().map(|x| x.cheat_lit()).collect::<Vec<_>>().join(", "))
    }
}

trait CheatOut { fn cheat_out(&self) -> (&'static str, String); }
impl CheatOut for Array { fn cheat_out(&self) -> (&'static str, String) { ("repr", format!("{:?}", self)) } }
impl CheatOut for Scalar { fn cheat_out(&self) -> (&'static str, String) { ("repr", format!("{:?}", self)) } }
impl CheatOut for DType { fn cheat_out(&self) -> (&'static str, String) { ("dtype", format!("{}", self)) } }
impl CheatOut for String { fn cheat_out(&self) -> (&'static str, String) { ("str", self.clone()) } }
impl CheatOut for str { fn cheat_out(&self) -> (&'static str, String) { ("str", self.to_string()) } }
impl CheatOut for Option<Array> {
    fn cheat_out(&self) -> (&'static str, String) {
        match self { Some(a) => a.cheat_out(), None => ("plain", "None".to_string()) }
    }
}
impl<T: CheatPlain> CheatOut for Vec<T> { fn cheat_out(&self) -> (&'static str, String) { ("plain", self.cheat_lit()) } }
impl<T: CheatPlain> CheatOut for [T] { fn cheat_out(&self) -> (&'static str, String) { ("plain", self.cheat_lit()) } }
impl<T: CheatOut + ?Sized> CheatOut for &T { fn cheat_out(&self) -> (&'static str, String) { (**self).cheat_out() } }
impl CheatOut for bool { fn cheat_out(&self) -> (&'static str, String) { ("plain", self.cheat_lit()) } }
impl CheatOut for usize { fn cheat_out(&self) -> (&'static str, String) { ("plain", self.cheat_lit()) } }
impl CheatOut for isize { fn cheat_out(&self) -> (&'static str, String) { ("plain", self.cheat_lit()) } }
impl CheatOut for i64 { fn cheat_out(&self) -> (&'static str, String) { ("plain", self.cheat_lit()) } }
impl CheatOut for i32 { fn cheat_out(&self) -> (&'static str, String) { ("plain", self.cheat_lit()) } }
impl CheatOut for u32 { fn cheat_out(&self) -> (&'static str, String) { ("plain", self.cheat_lit()) } }
impl CheatOut for f64 { fn cheat_out(&self) -> (&'static str, String) { ("plain", self.cheat_lit()) } }
impl CheatOut for f32 { fn cheat_out(&self) -> (&'static str, String) { ("plain", self.cheat_lit()) } }

fn cheat_row(i: usize, f: &mut dyn FnMut() -> (&'static str, String)) {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    let (kind, text) = match r {
        Ok(out) => out,
        Err(e) => {
            let msg = if let Some(s) = e.downcast_ref::<String>() { s.clone() }
                else if let Some(s) = e.downcast_ref::<&str>() { s.to_string() }
                else { "<panic without a message>".to_string() };
            ("panic", msg)
        }
    };
    println!("@@ROW {i} {kind}\n{text}\n@@END {i}");
}
'''

ROW_RE = re.compile(r"^@@ROW (\d+) (\w+)\n(.*?)\n@@END \1$", re.M | re.S)


def rust_call(i: int, row: Row) -> str:
    # `&(...)` keeps the expression's temporaries alive while its value is formatted, so a
    # row may return a borrow of a temporary (`np::zeros([2, 3]).shape()`).
    return f"cheat_row({i}, &mut || CheatOut::cheat_out(&({only_code(row.rust_cell)})));"


class RustRunner:
    """Runs row expressions in batches; returns {index: (kind, text)}."""

    def __init__(self, kernel: Kernel):
        self.kernel = kernel
        self.compile_errors: dict[int, str] = {}
        self.cells = 0

    def run(self, items: list[tuple[int, Row]]) -> dict[int, tuple[str, str]]:
        out: dict[int, tuple[str, str]] = {}
        for start in range(0, len(items), BATCH):
            self._run(items[start : start + BATCH], out)
        return out

    def _run(self, items: list[tuple[int, Row]], out: dict[int, tuple[str, str]]) -> None:
        code = "\n".join(rust_call(i, r) for i, r in items)
        reply, msgs = self.kernel.execute(code, timeout=300)
        self.cells += 1
        content = reply["content"]
        if content["status"] == "ok":
            for m in ROW_RE.finditer(stdout_text(msgs)):
                out[int(m.group(1))] = (m.group(2), m.group(3))
            return
        if len(items) == 1:
            self.compile_errors[items[0][0]] = error_text(content)
            return
        half = len(items) // 2
        self._run(items[:half], out)
        self._run(items[half:], out)


# ----- the NumPy side and the comparison --------------------------------------------------


def run_numpy(code: str) -> tuple[str, Any]:
    """("value", v) or ("raise", "Class: message") for a row's NumPy code."""
    ns: dict[str, Any] = {}
    exec(SETUP_PY, ns)
    tree = ast.parse(code)
    last = tree.body[-1]
    assert isinstance(last, ast.Expr), f"the NumPy code must end in an expression: {code}"
    try:
        exec(compile(ast.Module(body=tree.body[:-1], type_ignores=[]), "<row>", "exec"), ns)
        return "value", eval(compile(ast.Expression(last.value), "<row>", "eval"), ns)
    except Exception as e:  # noqa: BLE001 - the error is what the row compares
        return "raise", f"{type(e).__name__}: {e}"


REPR_NS = {name: getattr(np, name) for name in (
    "array", "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float32", "float64", "complex64", "complex128", "nan", "inf",
)}
REPR_NS["np"] = np


def parse_repr(text: str) -> Any:
    return eval(text, {"__builtins__": {}}, dict(REPR_NS))


def close_values(x: Any, y: Any) -> bool:
    """Python values (numbers, bools, nested lists) equal within the float tolerance."""
    if isinstance(x, bool) or isinstance(y, bool):
        return type(x) is type(y) and x == y
    if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
        return len(x) == len(y) and all(close_values(a, b) for a, b in zip(x, y))
    if isinstance(x, (int, float)) and isinstance(y, (int, float)):
        if isinstance(x, int) and isinstance(y, int):
            return x == y
        if math.isnan(x) or math.isnan(y):
            return math.isnan(x) and math.isnan(y)
        return math.isclose(x, y, rel_tol=RTOL, abs_tol=ATOL)
    return x == y


def pythonic(v: Any) -> Any:
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, (list, tuple)):
        return [pythonic(x) for x in v]
    return v


def close_arrays(r: Any, p: Any) -> str | None:
    """Why two parsed NumPy values differ, or None."""
    if isinstance(p, np.ndarray) != isinstance(r, np.ndarray):
        return f"type {type(r).__name__} against NumPy's {type(p).__name__}"
    r_arr, p_arr = np.asarray(r), np.asarray(p)
    if r_arr.dtype != p_arr.dtype:
        return f"dtype {r_arr.dtype} against NumPy's {p_arr.dtype}"
    if r_arr.shape != p_arr.shape:
        return f"shape {r_arr.shape} against NumPy's {p_arr.shape}"
    if r_arr.dtype.kind in "fc":
        if not np.allclose(r_arr, p_arr, rtol=RTOL, atol=ATOL, equal_nan=True):
            return "values differ beyond the tolerance"
    elif not np.array_equal(r_arr, p_arr):
        return "values differ"
    return None


def compare(kind: str, text: str, np_out: tuple[str, Any]) -> tuple[str | None, str]:
    """(failure reason or None, how it matched)."""
    status, val = np_out
    if kind == "panic":
        if status != "raise":
            return f"arraylib panicked with {text!r}; NumPy gave {val!r}", ""
        return (None, "error") if text == val else (f"error {text!r} against NumPy's {val!r}", "")
    if status == "raise":
        return f"NumPy raised {val!r}; arraylib gave {text!r}", ""
    if kind == "repr":
        expected = repr(val)
        if text == expected:
            return None, "repr"
        if not isinstance(val, (np.ndarray, np.generic)):
            return f"arraylib {text!r} against NumPy's {type(val).__name__} {expected!r}", ""
        try:
            parsed = parse_repr(text)
        except Exception as e:  # noqa: BLE001
            return f"repr {text!r} differs from {expected!r} and does not parse ({e})", ""
        why = close_arrays(parsed, val)
        if why:
            return f"{why}:\n  arraylib {text}\n  NumPy    {expected}", ""
        return None, f"tolerance: arraylib {text!r}, NumPy {expected!r}"
    if kind == "dtype":
        if not isinstance(val, np.dtype):
            return f"arraylib dtype {text} against NumPy's {val!r}", ""
        return (None, "dtype") if str(val) == text else (f"dtype {text} against {val}", "")
    if kind == "str":
        if not isinstance(val, str):
            return f"arraylib string {text!r} against NumPy's {val!r}", ""
        return (None, "str") if text == val else (f"{text!r}\n  against NumPy's\n{val!r}", "")
    if kind == "plain":
        if isinstance(val, np.ndarray):
            return f"arraylib gave a plain {text!r}, NumPy an array {val!r}", ""
        r = eval(text, {"__builtins__": {}}, {"nan": math.nan, "inf": math.inf, "None": None})
        p = pythonic(val)
        if r is None or p is None:
            return (None, "plain") if r is p else (f"{text} against {val!r}", "")
        return (None, "plain") if close_values(r, p) else (f"{text} against NumPy's {val!r}", "")
    return f"unknown kind {kind}", ""


# ----- tests -------------------------------------------------------------------------------


def test_table_rows_are_well_formed() -> None:
    assert len(ROWS) > 150
    bad = [r for r in ROWS if r.mark not in ("✓", "—")]
    assert not bad, f"rows without a ✓ or — mark: {bad}"
    for r in CHECKED:
        assert only_code(r.numpy_cell), f"{r}: NumPy cell is not one code span"
        assert only_code(r.rust_cell), f"{r}: arraylib cell is not one code span"
    not_yet = [r for r in ROWS if "not yet" in r.rust_cell]
    assert all(not r.checked for r in not_yet), "a 'not yet' row is marked ✓"


def test_every_p0_p1_checklist_row_is_covered() -> None:
    have = {r.id for r in ROWS}
    missing = [i for i in CHECKLIST_P0_P1 if i not in have]
    assert not missing, f"checklist rows missing from the cheat sheet: {missing}"


def test_cheatsheet_rows_agree_with_numpy(kernel: Kernel) -> None:
    t0 = time.monotonic()
    kernel.run_ok(SETUP_RS, timeout=FIRST_CELL_TIMEOUT)
    kernel.run_ok(HARNESS)
    runner = RustRunner(kernel)
    results = runner.run(list(enumerate(CHECKED)))
    t_rust = time.monotonic() - t0

    failures: list[str] = []
    loose: list[str] = []
    kinds: dict[str, int] = {}
    for i, row in enumerate(CHECKED):
        np_out = run_numpy(only_code(row.numpy_cell))
        if i in runner.compile_errors:
            failures.append(f"{row}: does not compile:\n{runner.compile_errors[i][:1500]}")
            continue
        if i not in results:
            failures.append(f"{row}: no output from the kernel")
            continue
        kind, text = results[i]
        why, how = compare(kind, text, np_out)
        if why:
            failures.append(f"{row}: {only_code(row.rust_cell)}\n  {why}")
        else:
            kinds[how.split(":")[0]] = kinds.get(how.split(":")[0], 0) + 1
            if how.startswith("tolerance"):
                loose.append(f"{row}: {how}")

    unchecked = len(ROWS) - len(CHECKED)
    print(
        f"\ncheat sheet: {len(CHECKED)} rows checked, {unchecked} not checked; "
        f"{runner.cells} kernel cells, {t_rust:.1f}s in the kernel; matched by {kinds}"
    )
    for line in loose:
        print("  " + line)
    assert not failures, f"{len(failures)} of {len(CHECKED)} rows disagree:\n\n" + "\n\n".join(
        failures
    )

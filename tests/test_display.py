"""What the kernel sends to show values: MIME bundles of arrays and scalars, the progress
bar's display updates, the `:whos` table and the shape of error reports.

Expected texts come from the venv's NumPy (repr, exception messages) or are written by hand.
All tests share one kernel, so each uses its own variable names.
"""

from __future__ import annotations

import re
from html import escape as html_escape

import numpy
import pytest

from kernelutil import Kernel, describe_error, strip_ansi, types


def result_bundle(kernel: Kernel, code: str) -> dict:
    _, msgs = kernel.run_ok(code)
    results = [m for m in msgs if m["msg_type"] == "execute_result"]
    assert len(results) == 1, types(msgs)
    return results[0]["content"]["data"]


def assert_safe_html(html: str) -> None:
    low = html.lower()
    for tag in ("<script", "<style", "<svg", "<iframe"):
        assert tag not in low, f"{tag!r} in card HTML"
    assert not re.search(r"\son\w+\s*=", low), "event handler attribute in card HTML"


# --- arrays and scalars --------------------------------------------------------------------

# (arraylib expression, the same array in NumPy)
REPR_CASES = [
    ("np::arange(12.0).reshape([3, 4])", lambda: numpy.arange(12.0).reshape(3, 4)),
    ("np::arange(6).reshape([2, 3]).astype(np::int32)", lambda: numpy.arange(6, dtype=numpy.int32).reshape(2, 3)),
    ("np::greater(&np::arange(5), 2)", lambda: numpy.arange(5) > 2),
    ("np::arange(2000.0) / 7.0", lambda: numpy.arange(2000.0) / 7.0),
    ("np::arange(24).reshape([2, 3, 4])", lambda: numpy.arange(24).reshape(2, 3, 4)),
    ("np::zeros([0, 3])", lambda: numpy.zeros((0, 3))),
    ("np::array![1.5, f64::NAN, f64::INFINITY]", lambda: numpy.array([1.5, numpy.nan, numpy.inf])),
    ("np::arange(12).reshape([3, 4]).t()", lambda: numpy.arange(12).reshape(3, 4).T),
    (
        'np::array!["Alice", "Bob", "Charlie"]',
        lambda: numpy.array(["Alice", "Bob", "Charlie"]),
    ),
]


@pytest.mark.parametrize("code,expected", REPR_CASES, ids=[c for c, _ in REPR_CASES])
def test_array_bundle_text_is_numpy_repr_and_html_is_a_safe_card(kernel: Kernel, code, expected):
    data = result_bundle(kernel, code)
    assert set(data) == {"text/plain", "text/html"}
    want = expected()
    assert data["text/plain"] == repr(want)
    html = data["text/html"]
    assert_safe_html(html)
    shape = str(want.shape)
    assert shape in html, shape
    assert html_escape(str(want.dtype)) in html  # `<U7` is text in the card
    assert f"{want.size} element" in html
    memory = f"{want.nbytes} bytes" if want.nbytes < 1024 else f"({want.nbytes} bytes)"
    assert memory in html, memory
    assert len(html.encode()) < 8 * 1024


def test_card_of_a_huge_array_stays_small(kernel: Kernel):
    # 1e8 elements without 800 MB: a broadcast view of one zero.
    data = result_bundle(kernel, "np::zeros(1).broadcast_to([10000, 10000])")
    html = data["text/html"]
    assert len(html.encode()) < 8 * 1024, len(html)
    assert_safe_html(html)
    assert "(10000, 10000)" in html and "100000000 elements" in html
    assert "view of another array" in html
    assert data["text/plain"] == repr(numpy.broadcast_to(numpy.zeros(1), (10000, 10000)))


def test_card_layout_and_statistics(kernel: Kernel):
    html = result_bundle(kernel, "np::array![1.0, f64::NAN, f64::INFINITY, 3.0]")["text/html"]
    assert "C-contiguous" not in html or "contiguous" in html
    assert "min 1. · max 3. · mean 2." in html
    assert "1 NaN · 1 inf" in html
    f_html = result_bundle(kernel, "np::arange(12).reshape([3, 4]).t()")["text/html"]
    assert "F-contiguous" in f_html
    c_html = result_bundle(kernel, "np::array![np::Complex128::new(1.0, -2.0)]")["text/html"]
    assert "1.-2.j" in c_html


def test_scalar_result_is_numpy_repr(kernel: Kernel):
    data = result_bundle(kernel, "np::arange(10).sum()")
    assert data == {"text/plain": repr(numpy.arange(10).sum())}
    data = result_bundle(kernel, "np::arange(10.0).mean()")
    assert data == {"text/plain": repr(numpy.arange(10.0).mean())}


def test_zero_d_results_display_as_numpy_scalars(kernel: Kernel):
    """Where NumPy hands back a scalar (an axis reduction to 0-d, a ufunc of a number, a
    product of two vectors) the cell shows that scalar, with no array card; a 0-d array that
    NumPy keeps as an array still gets its card."""
    a = numpy.arange(6.0)
    cases = {
        "np::arange(6.0).sum_axis(0, false)": a.sum(axis=0),
        "np::sqrt(np::arange(6.0).mean())": numpy.sqrt(a.mean()),
        "np::arange(6.0).matmul(&np::arange(6.0))": a @ a,
        "np::arange(6).max_axis(-1, false)": numpy.arange(6).max(axis=-1),
    }
    for code, expected in cases.items():
        assert isinstance(expected, numpy.generic), code
        assert result_bundle(kernel, code) == {"text/plain": repr(expected)}, code
    data = result_bundle(kernel, "np::zeros(())")
    assert data["text/plain"] == repr(numpy.zeros(()))
    assert "text/html" in data


# --- progress bar --------------------------------------------------------------------------


def test_progress_bar_updates_one_display_and_ends_complete(kernel: Kernel):
    _, msgs = kernel.run_ok(
        "let mut pb_sum = 0u64;\n"
        "for x in np::progress(0..60u64) { pb_sum += x; std::thread::sleep(std::time::Duration::from_millis(10)); }\n"
        "pb_sum"
    )
    shown = [m for m in msgs if m["msg_type"] == "display_data"]
    updates = [m for m in msgs if m["msg_type"] == "update_display_data"]
    assert len(shown) == 1, types(msgs)
    display_id = shown[0]["content"]["transient"]["display_id"]
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    # ~0.6 s of work at <= 10 redraws a second, plus the final one.
    assert 2 <= len(updates) <= 15, len(updates)
    first = shown[0]["content"]["data"]["text/plain"]
    assert first.startswith("  0%|") and "0/60" in first, first
    last = updates[-1]["content"]["data"]
    assert re.fullmatch(r"100%\|█{24}\| 60/60 \[00:0\d<00:00, [\d.]+ it/s\]", last["text/plain"]), last
    assert_safe_html(last["text/html"])
    assert "width:100.0%" in last["text/html"]
    # The loop's value is still the cell's result, after the bar.
    result = [m for m in msgs if m["msg_type"] == "execute_result"]
    assert result[0]["content"]["data"]["text/plain"] == str(sum(range(60)))
    assert types(msgs).index("execute_result") > types(msgs).index("display_data")


def test_progress_bar_of_an_unsized_iterator_counts(kernel: Kernel):
    _, msgs = kernel.run_ok("for _ in np::progress((0..30).filter(|x| x % 3 == 0)) {}")
    frames = [m for m in msgs if m["msg_type"] in ("display_data", "update_display_data")]
    assert frames, types(msgs)
    assert frames[-1]["content"]["data"]["text/plain"].startswith("10 it [00:00, ")


# --- :whos ---------------------------------------------------------------------------------


def test_whos_lists_variables_with_array_info_and_total(kernel: Kernel):
    kernel.run_ok(
        "let whos_a = np::zeros([3, 4]);\n"
        "let whos_b = np::arange(10).astype(np::int32);\n"
        "let whos_v = whos_a.t();\n"
        "let whos_n = 7;"
    )
    _, msgs = kernel.run_ok(":whos")
    shown = [m for m in msgs if m["msg_type"] == "display_data"]
    assert len(shown) == 1, types(msgs)
    data = shown[0]["content"]["data"]
    text = data["text/plain"]
    lines = {line.split()[0]: line for line in text.splitlines()[2:-1] if line.strip()}
    assert lines["whos_a"].split() == ["whos_a", "Array", "(3,", "4)", "float64", "96", "bytes"], text
    assert lines["whos_b"].split() == ["whos_b", "Array", "(10,)", "int32", "40", "bytes"], text
    assert lines["whos_v"].split()[-1] == "view", text
    assert lines["whos_n"].split() == ["whos_n", "i32"], text
    assert text.splitlines()[0].split() == ["Variable", "Type", "Shape", "dtype", "Memory"]
    # Views count with their own nbytes, as NumPy's nbytes does.
    assert text.splitlines()[-1] == f"Total memory: {96 + 40 + 96} bytes", text
    html = data["text/html"]
    assert_safe_html(html)
    assert "<table" in html and "whos_a" in html and "(3, 4)" in html and "float64" in html
    assert "Total memory" in html


def test_whos_without_variables(fresh_kernel: Kernel):
    _, msgs = fresh_kernel.run_ok(":whos", timeout=300)
    shown = [m for m in msgs if m["msg_type"] == "display_data"]
    assert shown[0]["content"]["data"]["text/plain"] == "No variables."


# --- errors --------------------------------------------------------------------------------


def test_broadcast_error_is_numpy_message_with_a_shape_picture(kernel: Kernel):
    with pytest.raises(ValueError) as np_err:
        numpy.ones((3, 4)) + numpy.ones(5)
    reply, msgs = kernel.execute("np::ones([3, 4]) + np::ones([5])")
    content = reply["content"]
    assert content["ename"] == "ValueError", describe_error(content, msgs)
    assert content["evalue"] == str(np_err.value)
    tb = [strip_ansi(line) for line in content["traceback"]]
    assert tb[0] == f"ValueError: {np_err.value}"
    assert tb[1:4] == [
        "  (3, 4)",
        "  (   5)",
        "      ^ mismatch in the last axis: 4 vs 5",
    ], tb


def test_other_arraylib_errors_keep_numpy_class_and_message(kernel: Kernel):
    with pytest.raises(ValueError) as np_err:
        numpy.arange(6).reshape(4, 2)
    reply, msgs = kernel.execute("np::arange(6).reshape([4, 2])")
    content = reply["content"]
    assert (content["ename"], content["evalue"]) == ("ValueError", str(np_err.value)), describe_error(content, msgs)
    with pytest.raises(IndexError) as np_err:
        numpy.arange(3)[5]
    reply, msgs = kernel.execute("np::arange(3).get([5])")
    content = reply["content"]
    assert (content["ename"], content["evalue"]) == ("IndexError", str(np_err.value)), describe_error(content, msgs)


def test_compile_error_points_at_the_cell_line_without_wrapper(kernel: Kernel):
    code = "let ce_first = 1;\nlet ce_second: i32 = \"text\";\nce_first"
    reply, msgs = kernel.execute(code)
    content = reply["content"]
    assert content["ename"] == "CompileError", describe_error(content, msgs)
    tb = [strip_ansi(line) for line in content["traceback"]]
    text = "\n".join(tb)
    assert tb[0] == "error[E0308]: mismatched types", text
    # The user's second line, numbered from 1, with a caret under the bad expression.
    line = next(i for i, t in enumerate(tb) if t.startswith("2 | "))
    assert tb[line] == '2 | let ce_second: i32 = "text";', text
    caret = tb[line + 1]
    assert caret.lstrip(" |").startswith("^^^^^^"), text
    assert caret.index("^") == tb[line].index('"text"'), text
    for generated in ("__arraylib", "arraylib_cell_runtime", "catch_unwind", "cell_"):
        assert generated not in text, text

"""Files both ways with NumPy: `.npy`/`.npz` that NumPy writes load in arraylib, and files
arraylib writes load in NumPy, exactly (dtype, shape, memory order, values, archive names).

Drives the `npy_tool` binary of tests/numpy_oracle (built here, like test_differential.py
builds its binary) on files in a temporary directory.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT = 1800

DTYPES = [
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float32", "float64", "complex64", "complex128",
]  # fmt: skip


@pytest.fixture(scope="session")
def tool() -> Path:
    if os.environ.get("NPY_TOOL_BIN"):
        return Path(os.environ["NPY_TOOL_BIN"])
    target = Path(os.environ.get("ORACLE_TARGET_DIR", ROOT / "target" / "oracle"))
    env = dict(os.environ, CARGO_TARGET_DIR=str(target), CARGO_PROFILE_DEV_OVERFLOW_CHECKS="false")
    cmd = ["cargo", "build", "-p", "numpy_oracle", "--bin", "npy_tool", "--message-format=short"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT, env=env)
    if proc.returncode != 0:
        pytest.fail("npy_tool does not build:\n" + proc.stderr[-4000:], pytrace=False)
    return target / "debug" / "npy_tool"


def run(tool: Path, *args: Any) -> dict[str, Any]:
    proc = subprocess.run([str(tool), *map(str, args)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"npy_tool crashed ({proc.returncode}):\n{proc.stderr[-3000:]}"
    return json.loads(proc.stdout)


def sample(dtype: str, shape: tuple[int, ...]) -> np.ndarray:
    """Values that exercise each dtype: extremes, negatives, fractions, NaN and infinities."""
    n = int(np.prod(shape))
    dt = np.dtype(dtype)
    if dt.kind == "b":
        flat = np.arange(n) % 3 == 1
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        pool = np.array([info.min, info.max, 0, 1, info.max // 3, info.min // 7 if dt.kind == "i" else 5], dtype=dt)
        flat = np.resize(pool, n)
    elif dt.kind == "f":
        pool = np.array([0.1, -2.5, np.inf, -np.inf, np.nan, np.finfo(dt).max, np.finfo(dt).tiny, -0.0], dtype=dt)
        flat = np.resize(pool, n)
    else:
        re = np.resize(np.array([0.1, -2.5, np.inf, np.nan, 3.0], dtype=np.float64), n)
        im = np.resize(np.array([1.0, -0.5, 0.0, np.nan, -np.inf, 7.25], dtype=np.float64), n)
        flat = np.empty(n, dtype=dt)
        flat.real, flat.imag = re, im
    return flat.reshape(shape)


def rust_values(d: dict[str, Any]) -> np.ndarray:
    dt = np.dtype(d["dtype"])
    vals = d["values"]
    if dt.kind == "U":
        arr = np.array(vals, dtype=dt)
    elif dt.kind == "c":
        parts = [tuple(float(x) for x in v.split(",")) for v in vals]
        arr = np.array([complex(r, i) for r, i in parts], dtype=dt)
    elif dt.kind == "b":
        arr = np.array([v == "1" for v in vals], dtype=dt)
    elif dt.kind in "iu":
        arr = np.array([int(v) for v in vals], dtype=dt)
    else:
        arr = np.array([float(v) for v in vals], dtype=dt)
    return arr.reshape(d["shape"])


def assert_same(d: dict[str, Any], expected: np.ndarray) -> None:
    assert "error" not in d, d
    # Strings name their dtype as `str(dtype)` (`<U5`), numbers as `dtype.name`.
    assert d["dtype"] == (str(expected.dtype) if expected.dtype.kind == "U" else expected.dtype.name)
    assert tuple(d["shape"]) == expected.shape
    np.testing.assert_array_equal(rust_values(d), expected, strict=True)


def header_of(path: Path) -> tuple[tuple[int, int], tuple[Any, ...]]:
    with open(path, "rb") as f:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            header = np.lib.format.read_array_header_1_0(f)
        else:
            header = np.lib.format.read_array_header_2_0(f)
    return version, header


# ----- .npy written by NumPy, read by arraylib (and written back) -----------------------------


def in_layout(a: np.ndarray, layout: str, zero_d: np.ndarray, empty_dtype: str) -> np.ndarray:
    """`a` as one of the test layouts: C or F order, 0-d, empty, or big-endian."""
    if layout == "F":
        return np.asfortranarray(a)
    if layout == "0d":
        return zero_d
    if layout == "empty":
        return np.zeros((0, 3), dtype=empty_dtype)
    if layout == "big-endian":
        return a.astype(a.dtype.newbyteorder(">"))
    return a


def round_trip(tool: Path, tmp_path: Path, a: np.ndarray) -> tuple[dict, np.ndarray, Path]:
    """Saves `a` with NumPy, has arraylib describe it and copy it to a new file, checks the
    description and the copy against `a` in native byte order; returns (description, copy,
    copy's path)."""
    src = tmp_path / "src.npy"
    np.save(src, a)
    d = run(tool, "describe", src)
    native = a.astype(a.dtype.newbyteorder("="))
    assert_same(d, native)
    out = tmp_path / "out.npy"
    run(tool, "copy", src, out)
    back = np.load(out)
    np.testing.assert_array_equal(back, native, strict=True)
    return d, back, out


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", ["C", "F", "0d", "empty", "big-endian"])
def test_npy_numpy_to_arraylib_and_back(tool: Path, tmp_path: Path, dtype: str, layout: str) -> None:
    a = in_layout(sample(dtype, (3, 4)), layout, sample(dtype, (1,)).reshape(()), dtype)
    d, back, out = round_trip(tool, tmp_path, a)
    if layout == "F":
        # Fortran-order files load as F-contiguous views of the file's buffer, as in NumPy.
        assert d["f"] and not d["c"] and not d["owndata"]
    assert back.dtype.isnative
    version, (shape, fortran, dt) = header_of(out)
    assert version == (1, 0)
    assert shape == a.shape and dt == back.dtype
    assert fortran == (layout == "F")
    # The data starts on a 64-byte boundary, as NumPy aligns it.
    assert (out.stat().st_size - a.nbytes) % 64 == 0


@pytest.mark.parametrize("layout", ["C", "F", "0d", "empty", "big-endian"])
def test_npy_strings_numpy_to_arraylib_and_back(tool: Path, tmp_path: Path, layout: str) -> None:
    a = np.array(["Alice", "", "\u00e9t\u00e9", "\U0001f600", "x" * 9, "Bob"]).reshape(2, 3)
    a = in_layout(a, layout, np.array("Eve"), "U4")
    _, back, out = round_trip(tool, tmp_path, a)
    version, (shape, fortran, dt) = header_of(out)
    assert shape == a.shape and dt == back.dtype
    assert fortran == (layout == "F")


def test_npy_strings_in_npz(tool: Path, tmp_path: Path) -> None:
    names = np.array(["Alice", "Bob", "Charlie"])
    src = tmp_path / "src.npz"
    np.savez(src, names=names, scores=np.array([85, 92, 78]))
    out = tmp_path / "out.npz"
    run(tool, "npz-copy", src, out)
    with np.load(out) as z:
        np.testing.assert_array_equal(z["names"], names, strict=True)
        np.testing.assert_array_equal(z["scores"], np.array([85, 92, 78]), strict=True)


@pytest.mark.parametrize("version", [(1, 0), (2, 0), (3, 0)])
def test_npy_format_versions(tool: Path, tmp_path: Path, version: tuple[int, int]) -> None:
    a = np.arange(10, dtype=np.float32).reshape(2, 5)
    path = tmp_path / "v.npy"
    with open(path, "wb") as f:
        np.lib.format.write_array(f, a, version=version)
    assert_same(run(tool, "describe", path), a)


@pytest.mark.parametrize("kind", ["t", "step", "neg"])
def test_npy_views_written_by_arraylib(tool: Path, tmp_path: Path, kind: str) -> None:
    base = np.arange(12.0).reshape(3, 4)
    expected = {"t": base.T, "step": base[::2, :], "neg": base[::-1, 1:3]}[kind]
    out = tmp_path / "view.npy"
    run(tool, "save-view", out, kind)
    back = np.load(out)
    np.testing.assert_array_equal(back, expected, strict=True)
    _, (_, fortran, _) = header_of(out)
    # NumPy writes F-contiguous arrays in Fortran order and everything else row-major.
    assert fortran == (kind == "t")


def test_npy_save_adds_extension(tool: Path, tmp_path: Path) -> None:
    np.save(tmp_path / "a.npy", np.arange(3))
    run(tool, "copy", tmp_path / "a.npy", tmp_path / "b")
    assert (tmp_path / "b.npy").exists()


# ----- .npz ------------------------------------------------------------------------------------


@pytest.mark.parametrize("compressed", [False, True])
def test_npz_numpy_to_arraylib_and_back(tool: Path, tmp_path: Path, compressed: bool) -> None:
    arrays = {name: sample(name, (2, 3)) for name in DTYPES}
    arrays["fortran"] = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    arrays["scalar"] = np.array(1.5)
    arrays["empty"] = np.zeros((0,), dtype=np.int16)
    src = tmp_path / "src.npz"
    (np.savez_compressed if compressed else np.savez)(src, **arrays)
    d = run(tool, "describe", src)
    assert [n for n, _ in d["npz"]] == list(arrays)
    for name, member in d["npz"]:
        assert_same(member, arrays[name])
    out = tmp_path / "out.npz"
    run(tool, "npz-copy", src, out, "compressed" if compressed else "stored")
    with np.load(out) as z:
        assert z.files == list(arrays)
        for name, a in arrays.items():
            np.testing.assert_array_equal(z[name], a, strict=True)
        assert z["fortran"].flags.f_contiguous
    import zipfile

    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None  # every CRC checks out
        methods = {i.compress_type for i in zf.infolist()}
        assert methods == {zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED}


def test_npz_positional_names(tool: Path, tmp_path: Path) -> None:
    out = tmp_path / "pos"
    run(tool, "npz-positional", out, 3)
    with np.load(tmp_path / "pos.npz") as z:
        assert z.files == ["arr_0", "arr_1", "arr_2"]
        np.testing.assert_array_equal(z["arr_2"], np.arange(3), strict=True)


def test_npz_empty_archive(tool: Path, tmp_path: Path) -> None:
    np.savez(tmp_path / "e.npz")
    assert run(tool, "describe", tmp_path / "e.npz") == {"npz": []}
    run(tool, "npz-copy", tmp_path / "e.npz", tmp_path / "e2.npz")
    with np.load(tmp_path / "e2.npz") as z:
        assert z.files == []


def test_npz_bad_crc_is_an_error(tool: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.npz"
    np.savez(path, x=np.arange(100, dtype=np.int64))
    data = bytearray(path.read_bytes())
    i = data.index(b"\x63\x00\x00\x00\x00\x00\x00\x00")  # the element 99
    data[i] = 0x64
    path.write_bytes(bytes(data))
    d = run(tool, "describe", path)
    assert d["error"] == "BadZipFile: Bad CRC-32 for file 'x.npy'"
    with pytest.raises(Exception, match="Bad CRC-32 for file 'x.npy'"):
        np.load(path)["x"]


# ----- corrupt files: NumPy's exception class and message --------------------------------------


def numpy_error(path: Path) -> str:
    try:
        np.load(path)
    except Exception as e:  # noqa: BLE001 - the exception is the expected outcome
        return f"{type(e).__name__}: {e}"
    raise AssertionError("numpy loaded the file")


def corrupt_files(tmp_path: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    good = tmp_path / "good.npy"
    np.save(good, np.arange(4, dtype=np.float64))
    raw = good.read_bytes()

    def put(name: str, data: bytes) -> None:
        files[name] = tmp_path / f"{name}.npy"
        files[name].write_bytes(data)

    put("truncated_data", raw[:-8])
    put("empty", b"")
    put("not_npy", b"hello world, not an array")
    put("bad_version", raw[:6] + b"\x04\x00" + raw[8:])
    put("truncated_header", raw[:40])
    put("bad_header", raw[:10] + raw[10:].replace(b"'shape': (4,)", b"'shape': [4] "))
    put("missing_key", raw[:10] + raw[10:].replace(b"'fortran_order': False, ", b"'fortran_orderX': False,"))
    obj = tmp_path / "object.npy"
    np.save(obj, np.array([1, "a", None], dtype=object), allow_pickle=True)
    files["object"] = obj
    return files


CORRUPT = ["truncated_data", "empty", "not_npy", "bad_version", "truncated_header", "bad_header", "missing_key", "object"]


@pytest.mark.parametrize("name", CORRUPT)
def test_corrupt_npy_error_matches_numpy(tool: Path, tmp_path: Path, name: str) -> None:
    path = corrupt_files(tmp_path)[name]
    d = run(tool, "describe", path)
    assert "error" in d, f"arraylib loaded a corrupt file: {d}"
    assert d["error"] == numpy_error(path)


def test_missing_file(tool: Path, tmp_path: Path) -> None:
    path = tmp_path / "nope.npy"
    assert run(tool, "describe", path)["error"] == numpy_error(path)


# ----- memory mapping ---------------------------------------------------------------------------


@pytest.mark.parametrize("order", ["C", "F"])
def test_mmap_modes(tool: Path, tmp_path: Path, order: str) -> None:
    a = np.asarray(np.arange(12.0).reshape(3, 4), order=order)
    path = tmp_path / "m.npy"
    np.save(path, a)
    d = run(tool, "mmap", path, "r", "set")
    assert d["sum"] == 66.0
    assert_same(d["array"], a)
    assert not d["array"]["writeable"] and not d["array"]["owndata"]
    assert d["array"]["f"] == (order == "F")
    assert d["set_error"] == "ValueError: assignment destination is read-only"
    # Copy-on-write: writable, but the file is unchanged.
    d = run(tool, "mmap", path, "c", "set")
    assert d["after"] == 66.0 + 42.0
    np.testing.assert_array_equal(np.load(path), a)
    # r+: the write reaches the file.
    d = run(tool, "mmap", path, "r+", "set")
    assert d["after"] == 108.0
    expected = a.copy()
    expected[0, 0] = 42.0
    np.testing.assert_array_equal(np.load(path), expected, strict=True)
    assert np.load(path, mmap_mode="r")[0, 0] == 42.0


def test_memmap_and_open_memmap_read_by_numpy(tool: Path, tmp_path: Path) -> None:
    run(tool, "memmap-create", tmp_path / "raw.dat")
    m = np.memmap(tmp_path / "raw.dat", dtype=np.int32, mode="r", shape=(3, 4))
    np.testing.assert_array_equal(m, np.arange(12, dtype=np.int32).reshape(3, 4))
    run(tool, "open-memmap", tmp_path / "om.npy")
    back = np.load(tmp_path / "om.npy")
    expected = np.zeros((2, 5), dtype=np.float32)
    expected[1] = 7
    np.testing.assert_array_equal(back, expected, strict=True)

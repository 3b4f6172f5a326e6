//! Selection by index lists as functions: `np.take`, `np.put`, `np.take_along_axis`,
//! `np.put_along_axis`, `np.compress` and `np.extract`.

use crate::array::{Array, is_c_contiguous};
use crate::assign::check_scalar_for;
use crate::dtype::DType;
use crate::error::{ArrayError, OrPanic, Result};
use crate::fancy_indexing::{IntoIndexArray, by_itemsize, index_expr, set_expr};
use crate::operand::{IntoOperand, Operand, cast_array};
use crate::shape_arg::normalize_axis;
use crate::slicing::SliceElem;

const FULL: SliceElem = SliceElem::Slice {
    start: None,
    stop: None,
    step: 1,
};

/// Index lists for `take`/`put`: integers as int64, bools as 0/1 (NumPy casts them).
fn int_indices(idx: Array) -> Result<Array> {
    let d = idx.dtype();
    if d.is_integer() || d == DType::Bool {
        Ok(cast_array(&idx, DType::Int64))
    } else {
        Err(ArrayError::type_error(format!(
            "Cannot cast array data from dtype('{}') to dtype('int64') according to the rule 'safe'",
            d
        )))
    }
}

/// `np.take(a, indices)`: elements of the flattened array at the given positions; the result
/// has the shape of `indices`. See [`take_axis`] for `axis=`.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[4, 3], [5, 7]];
/// assert_eq!(np::take(&a, [0, 3]).to_vec::<i64>(), vec![4, 7]);
/// ```
#[track_caller]
pub fn take(a: impl AsRef<Array>, indices: impl IntoIndexArray) -> Array {
    try_take(a, indices).or_panic()
}

/// Fallible form of [`take`].
///
/// ```
/// let e = arraylib::try_take(arraylib::arange(3), [3]).unwrap_err();
/// assert_eq!(e.to_string(), "IndexError: index 3 is out of bounds for axis 0 with size 3");
/// ```
pub fn try_take(a: impl AsRef<Array>, indices: impl IntoIndexArray) -> Result<Array> {
    try_take_axis(a.as_ref().ravel(), indices, 0)
}

/// `np.take(a, indices, axis=axis)`: `a[:, ..., indices, ...]` with `indices` on `axis`.
///
/// ```
/// use arraylib as np;
/// let a = np::arange(6).reshape([2, 3]);
/// assert_eq!(np::take_axis(&a, [2, 0], 1).to_vec::<i64>(), vec![2, 0, 5, 3]);
/// ```
#[track_caller]
pub fn take_axis(a: impl AsRef<Array>, indices: impl IntoIndexArray, axis: isize) -> Array {
    try_take_axis(a, indices, axis).or_panic()
}

/// Fallible form of [`take_axis`].
///
/// ```
/// let e = arraylib::try_take_axis(arraylib::zeros([2, 2]), [0], 2).unwrap_err();
/// assert_eq!(e.kind, arraylib::ErrorKind::AxisError);
/// ```
pub fn try_take_axis(
    a: impl AsRef<Array>,
    indices: impl IntoIndexArray,
    axis: isize,
) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, indices: Array, axis: isize) -> Result<Array> {
        let ax = normalize_axis(axis, a.ndim().max(1))?;
        let idx = int_indices(indices)?;
        if a.ndim() == 0 {
            return inner(&a.reshape(1), idx, 0);
        }
        if a.shape()[ax] == 0 && idx.size() > 0 {
            return Err(ArrayError::index(
                "cannot do a non-empty take from an empty axes.",
            ));
        }
        let mut index = vec![FULL; ax];
        let scalar = idx.ndim() == 0;
        index.push(SliceElem::Array(idx));
        let r = index_expr(a, &index)?;
        // `take` always copies, also for a single position; one position of a 1-D array is
        // NumPy's scalar.
        Ok(if scalar { r.copy() } else { r }.scalar_if_0d())
    }
    inner(a.as_ref(), indices.into_index_array(), axis)
}

/// NumPy's `mode` argument of `take` and `put`: what an index outside the axis does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ClipMode {
    /// An `IndexError` (the default).
    Raise,
    /// Counts modulo the length, as Python's `%`.
    Wrap,
    /// Clips to the first or last position (negative indices too).
    Clip,
}

/// Parses `mode` as NumPy does: exactly `"raise"`, `"wrap"` or `"clip"`; other spellings
/// that start like one of them get NumPy's message for a misspelled mode.
fn clip_mode(mode: &str) -> Result<ClipMode> {
    let (parsed, exact) = match mode.chars().next() {
        Some('r' | 'R') => (ClipMode::Raise, "raise"),
        Some('w' | 'W') => (ClipMode::Wrap, "wrap"),
        Some('c' | 'C') => (ClipMode::Clip, "clip"),
        _ => {
            return Err(ArrayError::value(format!(
                "clipmode must be one of 'clip', 'raise', or 'wrap' (got {})",
                crate::strings::py_repr(mode)
            )));
        }
    };
    if mode != exact {
        return Err(ArrayError::value(
            "Use one of 'clip', 'raise', or 'wrap' for clip mode",
        ));
    }
    Ok(parsed)
}

/// Brings `idx` into `0..n` as `mode` says (`n > 0`); `Raise` leaves it for the bounds check.
fn apply_mode(idx: Array, n: usize, mode: ClipMode) -> Array {
    let n = n as i64;
    let fix = |f: fn(i64, i64) -> i64| {
        let v: Vec<i64> = idx.to_vec::<i64>().into_iter().map(|i| f(i, n)).collect();
        let shape = idx.shape().to_vec();
        Array::from_vec(v, shape)
    };
    match mode {
        ClipMode::Raise => idx,
        ClipMode::Wrap => fix(i64::rem_euclid),
        ClipMode::Clip => fix(|i, n| i.clamp(0, n - 1)),
    }
}

/// `np.take(a, indices, axis=axis, mode=mode)`: [`take`] (`axis` `None`) or [`take_axis`],
/// where `mode` says what an index outside the axis does: `"raise"` an `IndexError`, `"wrap"`
/// around, or `"clip"` to the nearest end (negative indices clip to the first position).
///
/// ```
/// use arraylib as np;
/// let a = np::arange(5);
/// assert_eq!(np::take_mode(&a, [-7, 12], None, "wrap").to_vec::<i64>(), vec![3, 2]);
/// assert_eq!(np::take_mode(&a, [-7, 12], None, "clip").to_vec::<i64>(), vec![0, 4]);
/// ```
#[track_caller]
pub fn take_mode(
    a: impl AsRef<Array>,
    indices: impl IntoIndexArray,
    axis: Option<isize>,
    mode: &str,
) -> Array {
    try_take_mode(a, indices, axis, mode).or_panic()
}

/// Fallible form of [`take_mode`].
///
/// ```
/// let e = arraylib::try_take_mode(arraylib::arange(3), [0], None, "x").unwrap_err();
/// assert_eq!(
///     e.to_string(),
///     "ValueError: clipmode must be one of 'clip', 'raise', or 'wrap' (got 'x')"
/// );
/// ```
pub fn try_take_mode(
    a: impl AsRef<Array>,
    indices: impl IntoIndexArray,
    axis: Option<isize>,
    mode: &str,
) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, indices: Array, axis: Option<isize>, mode: &str) -> Result<Array> {
        let mode = clip_mode(mode)?;
        let (a, axis) = match axis {
            Some(ax) => (a.clone(), ax),
            None => (a.ravel(), 0),
        };
        let idx = int_indices(indices)?;
        let n = if a.ndim() == 0 {
            1
        } else {
            a.shape()[normalize_axis(axis, a.ndim())?]
        };
        let idx = if n > 0 { apply_mode(idx, n, mode) } else { idx };
        try_take_axis(&a, idx, axis)
    }
    inner(a.as_ref(), indices.into_index_array(), axis, mode)
}

/// `np.put(a, ind, v, mode=mode)`: [`put`] where `mode` says what a position outside the
/// flattened array does: `"raise"`, `"wrap"` or `"clip"`, as for [`take_mode`].
///
/// ```
/// use arraylib as np;
/// let a = np::arange(5);
/// np::put_mode(&a, [-7, 12], np::array![9, 8], "wrap");
/// assert_eq!(a.to_vec::<i64>(), vec![0, 1, 8, 9, 4]);
/// ```
#[track_caller]
pub fn put_mode<'a>(a: &Array, ind: impl IntoIndexArray, v: impl IntoOperand<'a>, mode: &str) {
    try_put_mode(a, ind, v, mode).or_panic()
}

/// Fallible form of [`put_mode`].
///
/// ```
/// let e = arraylib::try_put_mode(&arraylib::zeros(0), [1], 1, "wrap").unwrap_err();
/// assert_eq!(e.to_string(), "IndexError: cannot replace elements of an empty array");
/// ```
pub fn try_put_mode<'a>(
    a: &Array,
    ind: impl IntoIndexArray,
    v: impl IntoOperand<'a>,
    mode: &str,
) -> Result<()> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, ind: Array, v: Operand<'_>, mode: &str) -> Result<()> {
        let mode = clip_mode(mode)?;
        let idx = int_indices(ind)?;
        if mode == ClipMode::Raise || a.size() == 0 {
            return try_put(a, idx, v);
        }
        try_put(a, apply_mode(idx, a.size(), mode), v)
    }
    inner(a, ind.into_index_array(), v.into_operand(), mode)
}

/// `np.put(a, ind, v)`: writes `v` (repeated as needed) at the given flat positions of `a`,
/// in place.
///
/// ```
/// use arraylib as np;
/// let a = np::arange(5);
/// np::put(&a, [0, 2], np::array![-44, -55]);
/// assert_eq!(a.to_vec::<i64>(), vec![-44, 1, -55, 3, 4]);
/// ```
#[track_caller]
pub fn put<'a>(a: &Array, ind: impl IntoIndexArray, v: impl IntoOperand<'a>) {
    try_put(a, ind, v).or_panic()
}

/// Fallible form of [`put`].
///
/// ```
/// let e = arraylib::try_put(&arraylib::zeros(3), [3], 1).unwrap_err();
/// assert_eq!(e.to_string(), "IndexError: index 3 is out of bounds for axis 0 with size 3");
/// ```
pub fn try_put<'a>(a: &Array, ind: impl IntoIndexArray, v: impl IntoOperand<'a>) -> Result<()> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, ind: Array, v: Operand<'_>) -> Result<()> {
        if !a.writeable {
            return Err(ArrayError::value("assignment destination is read-only"));
        }
        let idx = int_indices(ind)?.to_vec::<i64>();
        if a.dtype().is_str() {
            let texts = crate::strings::as_str_array(&v).to_strings();
            if texts.is_empty() || idx.is_empty() {
                return Ok(());
            }
            check_not_empty(a)?;
            for (k, o) in flat_offsets(a, &idx)?.into_iter().enumerate() {
                crate::strings::write_at(a, o as usize, &texts[k % texts.len()]);
            }
            return Ok(());
        }
        if let Some(s) = v.scalar() {
            check_scalar_for(s, a.dtype())?;
        }
        let vals = cast_array(&v.into_array(), a.dtype());
        let vals = if vals.shares_memory(a)
            || !is_c_contiguous(&vals.shape, &vals.strides)
            || vals.strides.iter().any(|&s| s < 0)
        {
            crate::shape::contiguous_copy(&vals)
        } else {
            vals
        };
        if vals.size() == 0 || idx.is_empty() {
            return Ok(());
        }
        check_not_empty(a)?;
        let offs = flat_offsets(a, &idx)?;
        let m = vals.size();
        by_itemsize!(a.itemsize(), E => {
            let d = a.storage.addr() as *mut E;
            // SAFETY: offsets are bounds-checked positions of the writeable array; `vals` is a
            // separate contiguous buffer of `m` elements.
            unsafe {
                let s = (vals.storage.addr() as *const E).add(vals.offset);
                for (k, &o) in offs.iter().enumerate() {
                    *d.offset(o) = *s.add(k % m);
                }
            }
        });
        Ok(())
    }
    inner(a, ind.into_index_array(), v.into_operand())
}

/// NumPy's error for `put` with positions into an empty array (in every mode).
fn check_not_empty(a: &Array) -> Result<()> {
    if a.size() == 0 {
        return Err(ArrayError::index(
            "cannot replace elements of an empty array",
        ));
    }
    Ok(())
}

/// Buffer offsets of flat (row-major) positions of `a`; negative positions count from the end.
fn flat_offsets(a: &Array, idx: &[i64]) -> Result<Vec<isize>> {
    let n = a.size() as i64;
    let mut offs = Vec::with_capacity(idx.len());
    for &i in idx {
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(ArrayError::index(format!(
                "index {i} is out of bounds for axis 0 with size {n}"
            )));
        }
        let mut rest = j as usize;
        let mut off = a.offset as isize;
        for ax in (0..a.ndim()).rev() {
            off += (rest % a.shape[ax]) as isize * a.strides[ax];
            rest /= a.shape[ax];
        }
        offs.push(off);
    }
    Ok(offs)
}

/// The index expression of `take_along_axis`: `indices` on `axis`, aranges on the others.
fn along_axis_index(arr: &Array, indices: Array, axis: isize) -> Result<Vec<SliceElem>> {
    if !indices.dtype().is_integer() {
        return Err(ArrayError::index("`indices` must be an integer array"));
    }
    if indices.ndim() != arr.ndim() {
        return Err(ArrayError::value(
            "`indices` and `arr` must have the same number of dimensions",
        ));
    }
    let ax = normalize_axis(axis, arr.ndim())?;
    let nd = arr.ndim();
    let mut index = Vec::with_capacity(nd);
    let mut indices = Some(indices);
    for d in 0..nd {
        if d == ax {
            index.push(SliceElem::Array(indices.take().expect("once")));
        } else {
            let mut shape = vec![1usize; nd];
            shape[d] = arr.shape()[d];
            index.push(SliceElem::Array(
                crate::arange(arr.shape()[d] as i64).reshape(shape),
            ));
        }
    }
    Ok(index)
}

/// `np.take_along_axis(arr, indices, axis)`: picks `arr` values with `indices` along `axis`,
/// matching the other axes by position (as returned by `argsort`/`argmax` with `keepdims`).
///
/// ```
/// use arraylib as np;
/// let a = np::array![[10, 30, 20], [60, 40, 50]];
/// let i = np::array![[1], [0]];
/// assert_eq!(np::take_along_axis(&a, &i, 1).to_vec::<i64>(), vec![30, 60]);
/// ```
#[track_caller]
pub fn take_along_axis(arr: impl AsRef<Array>, indices: impl IntoIndexArray, axis: isize) -> Array {
    try_take_along_axis(arr, indices, axis).or_panic()
}

/// Fallible form of [`take_along_axis`].
///
/// ```
/// let e = arraylib::try_take_along_axis(arraylib::zeros([2, 2]), [0], 1).unwrap_err();
/// assert_eq!(e.kind, arraylib::ErrorKind::ValueError);
/// ```
pub fn try_take_along_axis(
    arr: impl AsRef<Array>,
    indices: impl IntoIndexArray,
    axis: isize,
) -> Result<Array> {
    let arr = arr.as_ref();
    let index = along_axis_index(arr, indices.into_index_array(), axis)?;
    index_expr(arr, &index)
}

/// `np.put_along_axis(arr, indices, values, axis)`: writes `values` (broadcast) into `arr`
/// at `indices` along `axis`, in place.
///
/// ```
/// use arraylib as np;
/// let a = np::zeros([2, 3]);
/// np::put_along_axis(&a, np::array![[2], [0]], 9, 1);
/// assert_eq!(a.to_vec::<f64>(), vec![0., 0., 9., 9., 0., 0.]);
/// ```
#[track_caller]
pub fn put_along_axis<'a>(
    arr: &Array,
    indices: impl IntoIndexArray,
    values: impl IntoOperand<'a>,
    axis: isize,
) {
    try_put_along_axis(arr, indices, values, axis).or_panic()
}

/// Fallible form of [`put_along_axis`].
///
/// ```
/// let a = arraylib::zeros([2, 2]);
/// assert!(arraylib::try_put_along_axis(&a, arraylib::array![[2], [0]], 1, 1).is_err());
/// ```
pub fn try_put_along_axis<'a>(
    arr: &Array,
    indices: impl IntoIndexArray,
    values: impl IntoOperand<'a>,
    axis: isize,
) -> Result<()> {
    let index = along_axis_index(arr, indices.into_index_array(), axis)?;
    set_expr(arr, &index, values.into_operand())
}

/// Positions of the true entries of a 1-D condition.
fn condition_positions(condition: Array) -> Result<Array> {
    if condition.ndim() != 1 {
        return Err(ArrayError::value("condition must be a 1-d array"));
    }
    let c = if condition.dtype() == DType::Bool {
        condition
    } else {
        condition.astype(DType::Bool)
    };
    Ok(Array::from(crate::nonzero::true_positions(&c)))
}

/// `np.compress(condition, a)`: the elements of the flattened `a` where `condition` is true
/// (a shorter condition selects from the start only). See [`compress_axis`] for `axis=`.
///
/// ```
/// use arraylib as np;
/// let a = np::arange(6).reshape([2, 3]);
/// assert_eq!(np::compress([false, true, true], &a).to_vec::<i64>(), vec![1, 2]);
/// ```
#[track_caller]
pub fn compress(condition: impl IntoIndexArray, a: impl AsRef<Array>) -> Array {
    try_compress(condition, a).or_panic()
}

/// Fallible form of [`compress`].
///
/// ```
/// assert!(arraylib::try_compress([false, false, false, true], arraylib::arange(3)).is_err());
/// ```
pub fn try_compress(condition: impl IntoIndexArray, a: impl AsRef<Array>) -> Result<Array> {
    try_compress_axis(condition, a.as_ref().ravel(), 0)
}

/// `np.compress(condition, a, axis=axis)`: the slices of `a` along `axis` where `condition`
/// is true.
///
/// ```
/// use arraylib as np;
/// let a = np::arange(6).reshape([2, 3]);
/// assert_eq!(np::compress_axis([true, false, true], &a, 1).to_vec::<i64>(), vec![0, 2, 3, 5]);
/// ```
#[track_caller]
pub fn compress_axis(condition: impl IntoIndexArray, a: impl AsRef<Array>, axis: isize) -> Array {
    try_compress_axis(condition, a, axis).or_panic()
}

/// Fallible form of [`compress_axis`].
///
/// ```
/// assert!(arraylib::try_compress_axis([true], arraylib::zeros([2, 2]), 2).is_err());
/// ```
pub fn try_compress_axis(
    condition: impl IntoIndexArray,
    a: impl AsRef<Array>,
    axis: isize,
) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(condition: Array, a: &Array, axis: isize) -> Result<Array> {
        normalize_axis(axis, a.ndim().max(1))?;
        let pos = condition_positions(condition)?;
        try_take_axis(a, pos, axis)
    }
    inner(condition.into_index_array(), a.as_ref(), axis)
}

/// `np.extract(condition, arr)`: the elements of the flattened `arr` where the flattened
/// `condition` is nonzero; `arr[condition]` for a condition of `arr`'s shape.
///
/// ```
/// use arraylib as np;
/// let a = np::arange(6).reshape([2, 3]);
/// assert_eq!(np::extract(a.gt(3), &a).to_vec::<i64>(), vec![4, 5]);
/// ```
#[track_caller]
pub fn extract(condition: impl IntoIndexArray, arr: impl AsRef<Array>) -> Array {
    try_extract(condition, arr).or_panic()
}

/// Fallible form of [`extract`].
///
/// ```
/// assert!(arraylib::try_extract([false, false, false, true], arraylib::arange(3)).is_err());
/// ```
pub fn try_extract(condition: impl IntoIndexArray, arr: impl AsRef<Array>) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(condition: Array, arr: &Array) -> Result<Array> {
        let pos = condition_positions(condition.ravel())?;
        try_take(arr, pos)
    }
    inner(condition.into_index_array(), arr.as_ref())
}

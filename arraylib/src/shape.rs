//! Shape manipulation: `reshape`, `ravel`, `flatten`, transposes, `swapaxes`, `moveaxis`,
//! `squeeze`, `expand_dims`, `flip` and `ascontiguousarray`.
//!
//! Everything here returns a view of the same memory when NumPy does (reshape when the strides
//! allow it, transposes, squeeze, expand_dims, flips), and a fresh row-major copy otherwise.

use crate::array::{Array, c_strides, is_c_contiguous};
use crate::dispatch;
use crate::dtype::Element;
use crate::error::{ArrayError, ErrorKind, OrPanic, Result};
use crate::shape_arg::{IntoAxes, IntoShape, normalize_axes, normalize_axis};
use crate::slicing::SliceElem;
use crate::storage::Buffer;

/// NumPy's text for a requested shape in reshape errors: unknown (`-1`) entries after the first
/// known one print as `newaxis`, leading ones are dropped: `(5,newaxis)`, `(5,)`, `(0)`.
fn requested_shape_repr(dims: &[isize]) -> String {
    let mut i = 0;
    while i < dims.len() && dims[i] < 0 {
        i += 1;
    }
    if i == dims.len() {
        return "()".to_string();
    }
    let mut s = format!("({}", dims[i]);
    i += 1;
    for &d in &dims[i..] {
        if d < 0 {
            s.push_str(",newaxis");
        } else {
            s.push_str(&format!(",{d}"));
        }
    }
    if dims.len() == 1 {
        s.push_str(",)");
    } else {
        s.push(')');
    }
    s
}

/// Resolves a requested shape (with at most one unknown `-1`) against a size.
pub(crate) fn resolve_reshape(size: usize, dims: &[isize]) -> Result<Vec<usize>> {
    let mismatch = || {
        ArrayError::value(format!(
            "cannot reshape array of size {size} into shape {}",
            requested_shape_repr(dims)
        ))
    };
    let mut unknown = None;
    let mut known: usize = 1;
    for (i, &d) in dims.iter().enumerate() {
        if d < 0 {
            if unknown.is_some() {
                return Err(ArrayError::value("can only specify one unknown dimension"));
            }
            unknown = Some(i);
        } else {
            known = known
                .checked_mul(d as usize)
                .ok_or_else(|| ArrayError::value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."))?;
        }
    }
    let mut out: Vec<usize> = dims.iter().map(|&d| d.max(0) as usize).collect();
    match unknown {
        Some(i) => {
            if known == 0 || !size.is_multiple_of(known) {
                return Err(mismatch());
            }
            out[i] = size / known;
        }
        None => {
            if known != size {
                return Err(mismatch());
            }
        }
    }
    Ok(out)
}

/// NumPy's `_attempt_nocopy_reshape` (C order): strides that show the same elements in the new
/// shape, or `None` when a copy is needed. `old` must have at least one element.
fn nocopy_strides(
    old_shape: &[usize],
    old_strides: &[isize],
    new_shape: &[usize],
) -> Option<Vec<isize>> {
    let mut olddims = Vec::new();
    let mut oldstrides = Vec::new();
    for (&d, &s) in old_shape.iter().zip(old_strides) {
        if d != 1 {
            olddims.push(d);
            oldstrides.push(s);
        }
    }
    let oldnd = olddims.len();
    let newnd = new_shape.len();
    let mut newstrides = vec![0isize; newnd];
    let (mut oi, mut oj, mut ni, mut nj) = (0usize, 1usize, 0usize, 1usize);
    while ni < newnd && oi < oldnd {
        let mut np = new_shape[ni];
        let mut op = olddims[oi];
        while np != op {
            if np < op {
                np *= new_shape[nj];
                nj += 1;
            } else {
                op *= olddims[oj];
                oj += 1;
            }
        }
        for ok in oi..oj - 1 {
            if oldstrides[ok] != olddims[ok + 1] as isize * oldstrides[ok + 1] {
                return None;
            }
        }
        newstrides[nj - 1] = oldstrides[oj - 1];
        let mut nk = nj - 1;
        while nk > ni {
            newstrides[nk - 1] = newstrides[nk] * new_shape[nk] as isize;
            nk -= 1;
        }
        ni = nj;
        nj += 1;
        oi = oj;
        oj += 1;
    }
    let last = if ni >= 1 { newstrides[ni - 1] } else { 1 };
    for s in newstrides.iter_mut().skip(ni) {
        *s = last;
    }
    Some(newstrides)
}

/// Copies any strided view into a new row-major vector; 2-D blocks are copied tile by tile so
/// transposed sources stay cache friendly.
fn strided_to_vec<T: Element>(a: &Array) -> Vec<T> {
    if let Some(s) = a.as_slice::<T>() {
        let mut out = crate::operand::new_vec(s.len());
        out.extend_from_slice(s);
        return out;
    }
    let n = a.size();
    let mut out: Vec<T> = crate::operand::new_vec(n);
    // SAFETY: `out` has capacity `n` and `copy_rowmajor_into` writes exactly `n` elements.
    unsafe {
        copy_rowmajor_into::<T>(a, out.as_mut_ptr());
        out.set_len(n);
    }
    out
}

/// Writes the elements of `a` (any strides, including 0 and negative) in row-major order to
/// `dst`.
///
/// # Safety
/// `dst` must be valid for `a.size()` writes and must not overlap the elements of `a`.
pub(crate) unsafe fn copy_rowmajor_into<T: Element>(a: &Array, dst: *mut T) {
    // SAFETY: guaranteed by the caller (see the function's safety section).
    unsafe {
        let n = a.size();
        if n == 0 {
            return;
        }
        let buf = T::from_storage(&a.storage).expect("dtype");
        let base = buf.ptr().add(a.offset) as *const T;
        let nd = a.ndim();
        if nd == 0 {
            *dst = *base;
            return;
        }
        let (rows, cols, rs, cs) = match nd {
            1 => (1, a.shape[0], 0, a.strides[0]),
            _ => (
                a.shape[nd - 2],
                a.shape[nd - 1],
                a.strides[nd - 2],
                a.strides[nd - 1],
            ),
        };
        let outer_shape = if nd > 2 { &a.shape[..nd - 2] } else { &[][..] };
        let outer_strides = if nd > 2 {
            &a.strides[..nd - 2]
        } else {
            &[][..]
        };
        let outer: usize = outer_shape.iter().product();
        let mut idx = vec![0usize; outer_shape.len()];
        let mut written = 0usize;
        for _ in 0..outer {
            let off: isize = idx
                .iter()
                .zip(outer_strides)
                .map(|(&i, &s)| i as isize * s)
                .sum();
            copy_2d(base.offset(off), rows, cols, rs, cs, dst.add(written));
            written += rows * cols;
            for k in (0..idx.len()).rev() {
                idx[k] += 1;
                if idx[k] < outer_shape[k] {
                    break;
                }
                idx[k] = 0;
            }
        }
    }
}

/// Copies a `rows x cols` strided block into row-major `dst`.
///
/// # Safety
/// `src` with the given strides must address valid elements and `dst` must have room for
/// `rows * cols` elements.
pub(crate) unsafe fn copy_2d<T: Copy>(
    src: *const T,
    rows: usize,
    cols: usize,
    rs: isize,
    cs: isize,
    dst: *mut T,
) {
    // Bands of 8 output rows by 256 columns: each output row is written in order, and the
    // 256 source lines a band reads (one per column) stay in L1 for all 8 rows. Measured on
    // a 2000x2000 transpose this beat 32x32 square tiles by a third: strided stores, which
    // square tiles need, cost more than strided loads.
    const BAND_ROWS: usize = 8;
    const BAND_COLS: usize = 256;
    // SAFETY: guaranteed by the caller (see the function's safety section).
    unsafe {
        if cs == 1 {
            for i in 0..rows {
                std::ptr::copy_nonoverlapping(src.offset(i as isize * rs), dst.add(i * cols), cols);
            }
        } else if rs == 1
            && std::mem::size_of::<T>() == 8
            && transpose_8byte(src, rows, cols, cs, dst)
        {
            // A transposed row-major source, copied in 4x4 tiles of registers.
        } else if rows >= BAND_ROWS && cols >= BAND_ROWS && rs.unsigned_abs() < cs.unsigned_abs() {
            // Source is closer to column-major.
            for i0 in (0..rows).step_by(BAND_ROWS) {
                let i1 = (i0 + BAND_ROWS).min(rows);
                for j0 in (0..cols).step_by(BAND_COLS) {
                    let j1 = (j0 + BAND_COLS).min(cols);
                    for i in i0..i1 {
                        let s = src.offset(i as isize * rs);
                        let d = dst.add(i * cols);
                        for j in j0..j1 {
                            *d.add(j) = *s.offset(j as isize * cs);
                        }
                    }
                }
            }
        } else {
            for i in 0..rows {
                let s = src.offset(i as isize * rs);
                let d = dst.add(i * cols);
                for j in 0..cols {
                    *d.add(j) = *s.offset(j as isize * cs);
                }
            }
        }
    }
}

/// `copy_2d` of an 8-byte type from a source whose output rows are contiguous columns
/// (`rs == 1`): 4x4 tiles are loaded as four vectors, transposed in registers and stored as
/// four, where the plain loop moves one element per load and store. Runs over bands of 4
/// output rows, 256 columns at a time, as `copy_2d`'s bands do. False (nothing written) when
/// the CPU lacks AVX2.
///
/// # Safety
/// As `copy_2d`, with `size_of::<T>() == 8` and source row stride 1.
unsafe fn transpose_8byte<T: Copy>(
    src: *const T,
    rows: usize,
    cols: usize,
    cs: isize,
    dst: *mut T,
) -> bool {
    #[cfg(target_arch = "x86_64")]
    if crate::operand::has_avx2() {
        // SAFETY: AVX2 is present; the pointers are valid as the caller guarantees.
        unsafe { transpose_8byte_avx2(src as *const f64, rows, cols, cs, dst as *mut f64) };
        return true;
    }
    let _ = (src, rows, cols, cs, dst);
    false
}

/// The AVX2 body of [`transpose_8byte`]; elements are moved as bit patterns.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn transpose_8byte_avx2(
    src: *const f64,
    rows: usize,
    cols: usize,
    cs: isize,
    dst: *mut f64,
) {
    use std::arch::x86_64::{
        _mm256_loadu_pd, _mm256_permute2f128_pd, _mm256_storeu_pd, _mm256_unpackhi_pd,
        _mm256_unpacklo_pd,
    };
    const BAND_COLS: usize = 256;
    let (rows4, cols4) = (rows - rows % 4, cols - cols % 4);
    // SAFETY: every access is inside the `rows x cols` block the caller vouches for: output
    // `(i, j)` is source `i + j * cs`.
    unsafe {
        let at = |i: usize, j: usize| src.offset(i as isize + j as isize * cs);
        for i0 in (0..rows4).step_by(4) {
            for j0 in (0..cols4).step_by(BAND_COLS) {
                let j1 = (j0 + BAND_COLS).min(cols4);
                for j in (j0..j1).step_by(4) {
                    // Row k of the tile: output rows i0..i0+4 of column j + k.
                    let r0 = _mm256_loadu_pd(at(i0, j));
                    let r1 = _mm256_loadu_pd(at(i0, j + 1));
                    let r2 = _mm256_loadu_pd(at(i0, j + 2));
                    let r3 = _mm256_loadu_pd(at(i0, j + 3));
                    let t0 = _mm256_unpacklo_pd(r0, r1);
                    let t1 = _mm256_unpackhi_pd(r0, r1);
                    let t2 = _mm256_unpacklo_pd(r2, r3);
                    let t3 = _mm256_unpackhi_pd(r2, r3);
                    _mm256_storeu_pd(dst.add(i0 * cols + j), _mm256_permute2f128_pd(t0, t2, 0x20));
                    _mm256_storeu_pd(
                        dst.add((i0 + 1) * cols + j),
                        _mm256_permute2f128_pd(t1, t3, 0x20),
                    );
                    _mm256_storeu_pd(
                        dst.add((i0 + 2) * cols + j),
                        _mm256_permute2f128_pd(t0, t2, 0x31),
                    );
                    _mm256_storeu_pd(
                        dst.add((i0 + 3) * cols + j),
                        _mm256_permute2f128_pd(t1, t3, 0x31),
                    );
                }
            }
            for i in i0..i0 + 4 {
                for j in cols4..cols {
                    *dst.add(i * cols + j) = *at(i, j);
                }
            }
        }
        for i in rows4..rows {
            for j in 0..cols {
                *dst.add(i * cols + j) = *at(i, j);
            }
        }
    }
}

/// A fresh row-major, owning copy of any array (blocked for transposed sources).
pub(crate) fn contiguous_copy(a: &Array) -> Array {
    copy_with_shape(a, a.shape.clone())
}

/// The elements of `a` in row-major order, copied into a new owning array of `shape` (which
/// must have the same size).
fn copy_with_shape(a: &Array, shape: Vec<usize>) -> Array {
    if a.dtype().is_str() {
        return crate::strings::copy_with_shape(a, shape);
    }
    dispatch!(a.dtype(), T => {
        let data = strided_to_vec::<T>(a);
        Array::from_storage_c(T::into_storage(Buffer::new(data, shape.clone())), shape)
    })
}

/// A view with the axes permuted (`perm` must be a permutation of `0..ndim`).
pub(crate) fn permuted(a: &Array, perm: &[usize]) -> Array {
    let shape = perm.iter().map(|&p| a.shape[p]).collect();
    let strides = perm.iter().map(|&p| a.strides[p]).collect();
    a.view_with(a.offset, shape, strides)
}

fn axis_error_prefixed(prefix: &str, axis: isize, ndim: usize) -> ArrayError {
    ArrayError::new(
        ErrorKind::AxisError,
        format!("{prefix}: axis {axis} is out of bounds for array of dimension {ndim}"),
    )
}

impl Array {
    /// `arr.reshape(shape)`: the same elements in a new shape; one entry may be `-1` (inferred).
    ///
    /// Returns a view when the strides allow it (always for contiguous arrays), a row-major copy
    /// otherwise, as NumPy does. Panics with NumPy's `ValueError` when the sizes disagree.
    ///
    /// ```
    /// let a = arraylib::arange(12).reshape([3, 4]);
    /// assert_eq!(a.shape(), &[3, 4]);
    /// assert_eq!(a.reshape([2, -1]).shape(), &[2, 6]);
    /// assert!(a.reshape(12).shares_memory(&a));
    /// ```
    #[track_caller]
    pub fn reshape(&self, shape: impl IntoShape) -> Array {
        self.try_reshape_dims(&shape.into_dims()).or_panic()
    }

    /// Fallible form of [`Array::reshape`].
    ///
    /// ```
    /// let e = arraylib::arange(12).try_reshape(5).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: cannot reshape array of size 12 into shape (5,)");
    /// ```
    pub fn try_reshape(&self, shape: impl IntoShape) -> Result<Array> {
        self.try_reshape_dims(&shape.into_dims())
    }

    fn try_reshape_dims(&self, dims: &[isize]) -> Result<Array> {
        let new_shape = resolve_reshape(self.size(), dims)?;
        if self.size() == 0 || is_c_contiguous(&self.shape, &self.strides) {
            // Row-major contiguous (or empty): plain row-major strides over the same memory.
            let strides = c_strides(&new_shape);
            return Ok(self.view_with(self.offset, new_shape, strides));
        }
        if let Some(strides) = nocopy_strides(&self.shape, &self.strides, &new_shape) {
            return Ok(self.view_with(self.offset, new_shape, strides));
        }
        Ok(copy_with_shape(self, new_shape))
    }

    /// `arr.ravel()`: a 1-D view when the array is row-major contiguous, a copy otherwise.
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert!(a.ravel().shares_memory(&a));
    /// assert_eq!(a.t().ravel().to_vec::<i64>(), vec![0, 3, 1, 4, 2, 5]);
    /// ```
    pub fn ravel(&self) -> Array {
        let n = self.size();
        if is_c_contiguous(&self.shape, &self.strides) {
            return self.view_with(self.offset, vec![n], vec![1]);
        }
        copy_with_shape(self, vec![n])
    }

    /// `arr.flatten()`: a 1-D row-major copy (never a view).
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// let f = a.flatten();
    /// assert_eq!(f.shape(), &[6]);
    /// assert!(!f.shares_memory(&a));
    /// ```
    pub fn flatten(&self) -> Array {
        copy_with_shape(self, vec![self.size()])
    }

    /// `arr.T`: the axes reversed (a view; for a matrix, its transpose).
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// let t = a.t();
    /// assert_eq!(t.shape(), &[3, 2]);
    /// assert_eq!(t.get([2, 1]).to_i64(), 5);
    /// ```
    pub fn t(&self) -> Array {
        let perm: Vec<usize> = (0..self.ndim()).rev().collect();
        permuted(self, &perm)
    }

    /// `arr.transpose(axes)`: a view with the axes permuted; `axes[i]` is the input axis that
    /// becomes axis `i` (negative axes count from the end). `arr.transpose()` without axes is
    /// [`Array::t`].
    ///
    /// ```
    /// let a = arraylib::zeros([2, 3, 4]);
    /// assert_eq!(a.transpose([1, 0, 2]).shape(), &[3, 2, 4]);
    /// ```
    #[track_caller]
    pub fn transpose(&self, axes: impl IntoAxes) -> Array {
        self.try_transpose_axes(&axes.into_axes()).or_panic()
    }

    /// Fallible form of [`Array::transpose`].
    ///
    /// ```
    /// let e = arraylib::zeros([2, 3]).try_transpose([0, 0]).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: repeated axis in transpose");
    /// ```
    pub fn try_transpose(&self, axes: impl IntoAxes) -> Result<Array> {
        self.try_transpose_axes(&axes.into_axes())
    }

    fn try_transpose_axes(&self, axes: &[isize]) -> Result<Array> {
        if axes.len() != self.ndim() {
            return Err(ArrayError::value("axes don't match array"));
        }
        let mut perm = Vec::with_capacity(axes.len());
        let mut seen = vec![false; self.ndim()];
        for &ax in axes {
            let a = normalize_axis(ax, self.ndim())?;
            if seen[a] {
                return Err(ArrayError::value("repeated axis in transpose"));
            }
            seen[a] = true;
            perm.push(a);
        }
        Ok(permuted(self, &perm))
    }

    /// `arr.swapaxes(axis1, axis2)`: a view with two axes interchanged.
    ///
    /// ```
    /// let a = arraylib::zeros([2, 3, 4]);
    /// assert_eq!(a.swapaxes(0, -1).shape(), &[4, 3, 2]);
    /// ```
    #[track_caller]
    pub fn swapaxes(&self, axis1: isize, axis2: isize) -> Array {
        self.try_swapaxes(axis1, axis2).or_panic()
    }

    /// Fallible form of [`Array::swapaxes`].
    ///
    /// ```
    /// let e = arraylib::zeros([3, 4]).try_swapaxes(0, 2).unwrap_err();
    /// assert_eq!(e.to_string(), "AxisError: axis2: axis 2 is out of bounds for array of dimension 2");
    /// ```
    pub fn try_swapaxes(&self, axis1: isize, axis2: isize) -> Result<Array> {
        let nd = self.ndim();
        let a1 = normalize_axis(axis1, nd).map_err(|_| axis_error_prefixed("axis1", axis1, nd))?;
        let a2 = normalize_axis(axis2, nd).map_err(|_| axis_error_prefixed("axis2", axis2, nd))?;
        let mut perm: Vec<usize> = (0..nd).collect();
        perm.swap(a1, a2);
        Ok(permuted(self, &perm))
    }

    /// `arr.squeeze()`: a view without the length-1 axes.
    ///
    /// ```
    /// assert_eq!(arraylib::zeros([1, 3, 1]).squeeze().shape(), &[3]);
    /// ```
    pub fn squeeze(&self) -> Array {
        let keep: Vec<usize> = (0..self.ndim()).filter(|&i| self.shape[i] != 1).collect();
        self.keep_axes(&keep)
    }

    /// `arr.squeeze(axis=...)`: a view without the given length-1 axes; NumPy's `ValueError`
    /// if one of them is longer.
    ///
    /// ```
    /// assert_eq!(arraylib::zeros([1, 3, 1]).squeeze_axis(0).shape(), &[3, 1]);
    /// ```
    #[track_caller]
    pub fn squeeze_axis(&self, axis: impl IntoAxes) -> Array {
        self.try_squeeze_axes(&axis.into_axes()).or_panic()
    }

    /// Fallible form of [`Array::squeeze_axis`].
    ///
    /// ```
    /// let e = arraylib::zeros([1, 3]).try_squeeze_axis(1).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: cannot select an axis to squeeze out which has size not equal to one");
    /// ```
    pub fn try_squeeze_axis(&self, axis: impl IntoAxes) -> Result<Array> {
        self.try_squeeze_axes(&axis.into_axes())
    }

    fn try_squeeze_axes(&self, axes: &[isize]) -> Result<Array> {
        let axes = normalize_axes(axes, self.ndim())?;
        if axes.iter().any(|&a| self.shape[a] != 1) {
            return Err(ArrayError::value(
                "cannot select an axis to squeeze out which has size not equal to one",
            ));
        }
        let keep: Vec<usize> = (0..self.ndim()).filter(|i| !axes.contains(i)).collect();
        Ok(self.keep_axes(&keep))
    }

    fn keep_axes(&self, keep: &[usize]) -> Array {
        let shape = keep.iter().map(|&i| self.shape[i]).collect();
        let strides = keep.iter().map(|&i| self.strides[i]).collect();
        self.view_with(self.offset, shape, strides)
    }
}

/// `np.reshape(a, shape)`; see [`Array::reshape`].
///
/// ```
/// let a = arraylib::reshape(arraylib::arange(6), [3, -1]);
/// assert_eq!(a.shape(), &[3, 2]);
/// ```
#[track_caller]
pub fn reshape(a: impl AsRef<Array>, shape: impl IntoShape) -> Array {
    a.as_ref().try_reshape_dims(&shape.into_dims()).or_panic()
}

/// `np.ravel(a)`; see [`Array::ravel`].
///
/// ```
/// assert_eq!(arraylib::ravel(arraylib::zeros([2, 3])).shape(), &[6]);
/// ```
pub fn ravel(a: impl AsRef<Array>) -> Array {
    a.as_ref().ravel()
}

/// `np.transpose(a)`: the axes reversed; see [`Array::t`] and, with axes, [`permute_dims`].
///
/// ```
/// assert_eq!(arraylib::transpose(arraylib::zeros([2, 3])).shape(), &[3, 2]);
/// ```
pub fn transpose(a: impl AsRef<Array>) -> Array {
    a.as_ref().t()
}

/// `np.transpose(a, axes)` / `np.permute_dims(a, axes)`; see [`Array::transpose`].
///
/// ```
/// let a = arraylib::zeros([2, 3, 4]);
/// assert_eq!(arraylib::permute_dims(&a, [2, 0, 1]).shape(), &[4, 2, 3]);
/// ```
#[track_caller]
pub fn permute_dims(a: impl AsRef<Array>, axes: impl IntoAxes) -> Array {
    a.as_ref().try_transpose_axes(&axes.into_axes()).or_panic()
}

/// `np.swapaxes(a, axis1, axis2)`; see [`Array::swapaxes`].
///
/// ```
/// assert_eq!(arraylib::swapaxes(arraylib::zeros([2, 3]), 0, 1).shape(), &[3, 2]);
/// ```
#[track_caller]
pub fn swapaxes(a: impl AsRef<Array>, axis1: isize, axis2: isize) -> Array {
    a.as_ref().swapaxes(axis1, axis2)
}

/// `np.moveaxis(a, source, destination)`: a view with axes moved to new positions, the
/// others keeping their order.
///
/// ```
/// let a = arraylib::zeros([3, 4, 5]);
/// assert_eq!(arraylib::moveaxis(&a, 0, -1).shape(), &[4, 5, 3]);
/// assert_eq!(arraylib::moveaxis(&a, [0, 1], [-1, -2]).shape(), &[5, 4, 3]);
/// ```
#[track_caller]
pub fn moveaxis(a: impl AsRef<Array>, source: impl IntoAxes, destination: impl IntoAxes) -> Array {
    moveaxis_impl(a.as_ref(), &source.into_axes(), &destination.into_axes()).or_panic()
}

/// Fallible form of [`moveaxis`].
///
/// ```
/// let e = arraylib::try_moveaxis(arraylib::zeros([3, 4]), 5, 0).unwrap_err();
/// assert_eq!(e.to_string(), "AxisError: source: axis 5 is out of bounds for array of dimension 2");
/// ```
pub fn try_moveaxis(
    a: impl AsRef<Array>,
    source: impl IntoAxes,
    destination: impl IntoAxes,
) -> Result<Array> {
    moveaxis_impl(a.as_ref(), &source.into_axes(), &destination.into_axes())
}

fn normalize_named(axes: &[isize], nd: usize, name: &str) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &ax in axes {
        let a = normalize_axis(ax, nd).map_err(|_| axis_error_prefixed(name, ax, nd))?;
        if out.contains(&a) {
            return Err(ArrayError::value(format!(
                "repeated axis in `{name}` argument"
            )));
        }
        out.push(a);
    }
    Ok(out)
}

fn moveaxis_impl(a: &Array, source: &[isize], destination: &[isize]) -> Result<Array> {
    let nd = a.ndim();
    let src = normalize_named(source, nd, "source")?;
    let dst = normalize_named(destination, nd, "destination")?;
    if src.len() != dst.len() {
        return Err(ArrayError::value(
            "`source` and `destination` arguments must have the same number of elements",
        ));
    }
    let mut order: Vec<usize> = (0..nd).filter(|i| !src.contains(i)).collect();
    let mut pairs: Vec<(usize, usize)> = dst.into_iter().zip(src).collect();
    pairs.sort();
    for (d, s) in pairs {
        order.insert(d, s);
    }
    Ok(permuted(a, &order))
}

/// `np.squeeze(a)`: a view without the length-1 axes; see [`Array::squeeze`].
///
/// ```
/// assert_eq!(arraylib::squeeze(arraylib::zeros([1, 3, 1])).shape(), &[3]);
/// ```
pub fn squeeze(a: impl AsRef<Array>) -> Array {
    a.as_ref().squeeze()
}

/// `np.squeeze(a, axis)`; see [`Array::squeeze_axis`].
///
/// ```
/// assert_eq!(arraylib::squeeze_axis(arraylib::zeros([1, 3, 1]), -1).shape(), &[1, 3]);
/// ```
#[track_caller]
pub fn squeeze_axis(a: impl AsRef<Array>, axis: impl IntoAxes) -> Array {
    a.as_ref().try_squeeze_axes(&axis.into_axes()).or_panic()
}

/// `np.expand_dims(a, axis)`: a view with new length-1 axes at the given positions of the
/// result (negative positions count from the end of the result).
///
/// ```
/// let a = arraylib::zeros([3, 4]);
/// assert_eq!(arraylib::expand_dims(&a, 0).shape(), &[1, 3, 4]);
/// assert_eq!(arraylib::expand_dims(&a, -1).shape(), &[3, 4, 1]);
/// assert_eq!(arraylib::expand_dims(&a, [0, 2]).shape(), &[1, 3, 1, 4]);
/// ```
#[track_caller]
pub fn expand_dims(a: impl AsRef<Array>, axis: impl IntoAxes) -> Array {
    try_expand_dims(a, axis).or_panic()
}

/// Fallible form of [`expand_dims`].
///
/// ```
/// let e = arraylib::try_expand_dims(arraylib::zeros([3, 4]), 3).unwrap_err();
/// assert_eq!(e.to_string(), "AxisError: axis 3 is out of bounds for array of dimension 3");
/// ```
pub fn try_expand_dims(a: impl AsRef<Array>, axis: impl IntoAxes) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, axes: Vec<isize>) -> Result<Array> {
        let out_nd = a.ndim() + axes.len();
        let mut norm = Vec::with_capacity(axes.len());
        for &ax in &axes {
            let n = normalize_axis(ax, out_nd)?;
            if norm.contains(&n) {
                return Err(ArrayError::value("repeated axis"));
            }
            norm.push(n);
        }
        let mut shape = Vec::with_capacity(out_nd);
        let mut src = 0;
        for i in 0..out_nd {
            if norm.contains(&i) {
                shape.push(1);
            } else {
                shape.push(a.shape[src]);
                src += 1;
            }
        }
        // NumPy reshapes, which only adds length-1 axes and so is always a view; the new axes get
        // the strides NumPy's reshape gives them.
        let dims: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
        a.try_reshape_dims(&dims)
    }
    inner(a.as_ref(), axis.into_axes())
}

/// A view with the given (normalized) axes reversed.
fn flip_axes(a: &Array, axes: &[usize]) -> Array {
    let mut offset = a.offset as isize;
    let mut strides = a.strides.clone();
    for &ax in axes {
        if a.shape[ax] > 0 {
            offset += (a.shape[ax] as isize - 1) * a.strides[ax];
        }
        strides[ax] = -strides[ax];
    }
    if a.size() == 0 {
        offset = a.offset as isize;
    }
    a.view_with(offset as usize, a.shape.clone(), strides)
}

/// `np.flip(a)`: a view with every axis reversed (negative strides).
///
/// ```
/// let a = arraylib::arange(4);
/// assert_eq!(arraylib::flip(&a).to_vec::<i64>(), vec![3, 2, 1, 0]);
/// ```
pub fn flip(a: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Array {
        let axes: Vec<usize> = (0..a.ndim()).collect();
        flip_axes(a, &axes)
    }
    inner(a.as_ref())
}

/// `np.flip(a, axis)`: a view with the given axes reversed.
///
/// ```
/// let a = arraylib::arange(4).reshape([2, 2]);
/// assert_eq!(arraylib::flip_axis(&a, 1).to_vec::<i64>(), vec![1, 0, 3, 2]);
/// ```
#[track_caller]
pub fn flip_axis(a: impl AsRef<Array>, axis: impl IntoAxes) -> Array {
    try_flip_axis(a, axis).or_panic()
}

/// Fallible form of [`flip_axis`].
///
/// ```
/// assert!(arraylib::try_flip_axis(arraylib::zeros(3), 1).is_err());
/// ```
pub fn try_flip_axis(a: impl AsRef<Array>, axis: impl IntoAxes) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, axes: Vec<isize>) -> Result<Array> {
        let axes = normalize_axes(&axes, a.ndim())?;
        Ok(flip_axes(a, &axes))
    }
    inner(a.as_ref(), axis.into_axes())
}

/// `np.flipud(a)`: rows reversed (axis 0), a view.
///
/// ```
/// let a = arraylib::arange(4).reshape([2, 2]);
/// assert_eq!(arraylib::flipud(&a).to_vec::<i64>(), vec![2, 3, 0, 1]);
/// ```
#[track_caller]
pub fn flipud(a: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Array {
        if a.ndim() < 1 {
            std::panic::panic_any(ArrayError::value("Input must be >= 1-d.").to_string());
        }
        flip_axes(a, &[0])
    }
    inner(a.as_ref())
}

/// `np.fliplr(a)`: columns reversed (axis 1), a view.
///
/// ```
/// let a = arraylib::arange(4).reshape([2, 2]);
/// assert_eq!(arraylib::fliplr(&a).to_vec::<i64>(), vec![1, 0, 3, 2]);
/// ```
#[track_caller]
pub fn fliplr(a: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Array {
        if a.ndim() < 2 {
            std::panic::panic_any(ArrayError::value("Input must be >= 2-d.").to_string());
        }
        flip_axes(a, &[1])
    }
    inner(a.as_ref())
}

/// `np.ascontiguousarray(a)`: the array itself when it is row-major contiguous, otherwise a
/// row-major copy; a 0-d array becomes 1-d, as in NumPy.
///
/// ```
/// let a = arraylib::arange(6).reshape([2, 3]);
/// assert!(arraylib::ascontiguousarray(&a).is(&a));
/// let c = arraylib::ascontiguousarray(a.t());
/// assert!(c.flags().c_contiguous);
/// assert_eq!(c.to_vec::<i64>(), vec![0, 3, 1, 4, 2, 5]);
/// ```
pub fn ascontiguousarray(a: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Array {
        if a.ndim() == 0 {
            return a.reshape(1);
        }
        if is_c_contiguous(&a.shape, &a.strides) {
            return a.clone();
        }
        contiguous_copy(a)
    }
    inner(a.as_ref())
}

/// `np.asfortranarray(a)`: the array itself when it is column-major contiguous, otherwise a
/// column-major copy; a 0-d array becomes 1-d, as in NumPy.
///
/// ```
/// let a = arraylib::arange(6).reshape([2, 3]);
/// let f = arraylib::asfortranarray(&a);
/// assert!(f.flags().f_contiguous && !f.flags().c_contiguous && f.owns_data());
/// assert_eq!(f.to_vec::<i64>(), a.to_vec::<i64>());
/// assert!(arraylib::asfortranarray(&f).is(&f));
/// ```
pub fn asfortranarray(a: impl AsRef<Array>) -> Array {
    fn inner(a: &Array) -> Array {
        if a.ndim() == 0 {
            return a.reshape(1);
        }
        if a.flags().f_contiguous {
            return a.clone();
        }
        // A row-major copy of the transpose, transposed back, is column-major; it is the only
        // user of that copy, so it owns its data (NumPy's OWNDATA), as NumPy's result does.
        let mut f = contiguous_copy(&a.t()).t();
        f.is_view = false;
        f
    }
    inner(a.as_ref())
}

/// `np.newaxis` and `:` in an index, for the `atleast_*d` views.
const NEW: SliceElem = SliceElem::NewAxis;
const FULL: SliceElem = SliceElem::Slice {
    start: None,
    stop: None,
    step: 1,
};

/// `np.atleast_1d(a)`: 0-d arrays become shape `(1,)`; others are returned as they are.
///
/// ```
/// assert_eq!(arraylib::atleast_1d(arraylib::Scalar::from(1.0).to_array()).shape(), &[1]);
/// ```
pub fn atleast_1d(a: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Array {
        if a.ndim() == 0 {
            a.reshape(1)
        } else {
            a.clone()
        }
    }
    inner(a.as_ref())
}

/// `np.atleast_2d(a)`: 0-d becomes `(1, 1)`, 1-d `(N,)` becomes `(1, N)`.
///
/// ```
/// assert_eq!(arraylib::atleast_2d(arraylib::arange(3)).shape(), &[1, 3]);
/// ```
pub fn atleast_2d(a: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Array {
        match a.ndim() {
            0 => a.slice([NEW, NEW]),
            1 => a.slice([NEW, FULL]),
            _ => a.clone(),
        }
    }
    inner(a.as_ref())
}

/// `np.atleast_3d(a)`: 0-d becomes `(1, 1, 1)`, `(N,)` becomes `(1, N, 1)`, `(M, N)` becomes
/// `(M, N, 1)`.
///
/// ```
/// assert_eq!(arraylib::atleast_3d(arraylib::zeros([2, 3])).shape(), &[2, 3, 1]);
/// ```
pub fn atleast_3d(a: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Array {
        match a.ndim() {
            0 => a.slice([NEW, NEW, NEW]),
            1 => a.slice([NEW, FULL, NEW]),
            2 => a.slice([FULL, FULL, NEW]),
            _ => a.clone(),
        }
    }
    inner(a.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::s;

    #[test]
    fn transposed_copies_of_8_byte_types_match_element_by_element() {
        // Shapes with and without remainders of the 4x4 tiles and of the 256-column bands,
        // and a transposed view with a negative stride.
        for (r, c) in [(1, 1), (3, 5), (4, 4), (7, 9), (8, 300), (261, 6)] {
            let a = crate::arange((r * c) as i64).reshape([r, c]);
            let t = a.t().copy();
            let want: Vec<i64> = (0..c)
                .flat_map(|i| (0..r).map(move |j| (j * c + i) as i64))
                .collect();
            assert_eq!(t.shape(), &[c, r]);
            assert_eq!(t.to_vec::<i64>(), want, "{r}x{c}");
            let f = a.astype(crate::DType::Float64).t().copy();
            assert_eq!(f.astype(crate::DType::Int64).to_vec::<i64>(), want);
        }
        let a = crate::arange(35i64).reshape([5, 7]);
        let flipped = a.slice(s![..;-1, ..]).t().copy();
        let want: Vec<i64> = (0..7)
            .flat_map(|i| (0..5).rev().map(move |j| j * 7 + i))
            .collect();
        assert_eq!(flipped.to_vec::<i64>(), want);
    }

    #[test]
    fn reshape_messages() {
        let a = crate::arange(12);
        let msg = |d: &[isize]| a.try_reshape(d).unwrap_err().to_string();
        assert_eq!(
            msg(&[5, -1]),
            "ValueError: cannot reshape array of size 12 into shape (5,newaxis)"
        );
        assert_eq!(
            msg(&[-1, -1]),
            "ValueError: can only specify one unknown dimension"
        );
        assert_eq!(
            msg(&[5, 3]),
            "ValueError: cannot reshape array of size 12 into shape (5, 3)".replace(", ", ",")
        );
        let z = crate::zeros([0, 3]);
        assert_eq!(
            z.try_reshape([-1, 0]).unwrap_err().to_string(),
            "ValueError: cannot reshape array of size 0 into shape (0)"
        );
        assert_eq!(z.reshape([3, 0, 5]).shape(), &[3, 0, 5]);
    }

    #[test]
    fn reshape_views_and_copies() {
        let a = crate::arange(24).reshape([2, 3, 4]);
        // Non-contiguous but mergeable: slicing the last axis keeps rows intact.
        let b = a.slice(s![.., .., ..;2]);
        let r = b.reshape([6, 2]);
        assert!(r.shares_memory(&a));
        assert_eq!(r.to_vec::<i64>(), b.to_vec::<i64>());
        // Transposed: needs a copy.
        let t = a.t();
        let r = t.reshape(-1);
        assert!(!r.shares_memory(&a));
        assert!(r.owns_data());
        assert_eq!(r.to_vec::<i64>(), t.to_vec::<i64>());
        // Split a strided axis: view.
        let c = crate::arange(20).slice(s![..;2]).reshape([2, 5]);
        assert!(c.base().is_some());
        assert_eq!(c.to_vec::<i64>(), vec![0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
        // Negative strides.
        let f = flip(crate::arange(6)).reshape([2, 3]);
        assert_eq!(f.to_vec::<i64>(), vec![5, 4, 3, 2, 1, 0]);
        // Trailing ones.
        let g = crate::arange(6).slice(s![..;2]).reshape([3, 1, 1]);
        assert_eq!(g.to_vec::<i64>(), vec![0, 2, 4]);
    }

    #[test]
    fn transposed_copy_blocked() {
        let a = crate::arange(100 * 70).reshape([100, 70]);
        let t = ascontiguousarray(a.t());
        for i in 0..70 {
            for j in 0..100 {
                assert_eq!(t.get([i, j]).to_i64(), (j * 70 + i) as i64);
            }
        }
        let f = flip(&a).flatten();
        assert_eq!(f.get([0]).to_i64(), 6999);
        let x = crate::arange(2 * 3 * 4)
            .reshape([2, 3, 4])
            .transpose([2, 0, 1]);
        assert_eq!(x.flatten().to_vec::<i64>(), x.to_vec::<i64>());
    }

    #[test]
    fn axes_views() {
        let a = crate::zeros([3, 4, 5]);
        let e = try_moveaxis(&a, [0, 1], [2, 2]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: repeated axis in `destination` argument"
        );
        let e = try_moveaxis(&a, [0, 1], [2]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: `source` and `destination` arguments must have the same number of elements"
        );
        assert_eq!(moveaxis(&a, [0, 2], [1, 0]).shape(), &[5, 3, 4]);
        assert_eq!(moveaxis(&a, -1, 0).shape(), &[5, 3, 4]);
        let e = a.try_transpose([1, 0]).unwrap_err();
        assert_eq!(e.to_string(), "ValueError: axes don't match array");
        let e = crate::zeros([1, 3]).try_squeeze_axis([0, 0]).unwrap_err();
        assert_eq!(e.to_string(), "ValueError: duplicate value in 'axis'");
        let e = try_expand_dims(crate::zeros([3, 4]), [0, 0]).unwrap_err();
        assert_eq!(e.to_string(), "ValueError: repeated axis");
        assert_eq!(
            ascontiguousarray(crate::Scalar::from(5.0).to_array()).shape(),
            &[1]
        );
    }
}

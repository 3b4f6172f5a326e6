//! Joining and splitting: `concatenate`, `stack`, `hstack`, `vstack`, `dstack`,
//! `column_stack`, `split`, `array_split`, `hsplit`, `vsplit`, `dsplit`, `tile` and `repeat`.
//!
//! Joined results have the promoted dtype of the inputs (NumPy's `result_type`); split pieces
//! are views of the input.

use crate::array::{Array, is_c_contiguous};
use crate::dispatch;
use crate::dtype::{DType, Element, promote};
use crate::error::{ArrayError, ErrorKind, OrPanic, Result};
use crate::shape::{atleast_1d, atleast_2d, atleast_3d, contiguous_copy};
use crate::shape_arg::{IntoShape, normalize_axis};
use crate::slicing::SliceElem;
use crate::storage::Buffer;

fn refs<A: AsRef<Array>>(arrays: &[A]) -> Vec<&Array> {
    arrays.iter().map(|a| a.as_ref()).collect()
}

/// `a` as a row-major array of `dtype` (no copy when it already is one).
fn contiguous_as(a: &Array, dtype: DType) -> Array {
    if a.dtype() != dtype {
        a.astype(dtype)
    } else if is_c_contiguous(&a.shape, &a.strides) && a.strides.iter().all(|&s| s >= 0) {
        a.clone()
    } else {
        contiguous_copy(a)
    }
}

/// Joins row-major pieces of one dtype along `axis`: for each index before the axis, the
/// pieces' blocks are appended in turn.
fn join_contiguous<T: Element>(pieces: &[Array], axis: usize, shape: Vec<usize>) -> Array {
    let outer: usize = shape[..axis].iter().product();
    let total: usize = shape.iter().product();
    // Huge pages for a large result, as every other new array gets (fewer page faults).
    let mut out: Vec<T> = crate::operand::new_vec(total);
    let slices: Vec<(&[T], usize)> = pieces
        .iter()
        .map(|p| {
            let inner: usize = p.shape[axis..].iter().product();
            (p.as_slice::<T>().unwrap_or(&[]), inner)
        })
        .collect();
    let stream = total * std::mem::size_of::<T>() >= crate::stream_copy::STREAM_MIN_BYTES;
    for o in 0..outer {
        for &(s, inner) in &slices {
            let block = &s[o * inner..(o + 1) * inner];
            if stream {
                crate::stream_copy::extend_streaming(&mut out, block);
            } else {
                out.extend_from_slice(block);
            }
        }
    }
    if stream {
        crate::stream_copy::fence();
    }
    Array::from_storage_c(T::into_storage(Buffer::new(out, shape.clone())), shape)
}

fn concatenate_impl(arrays: &[&Array], axis: isize) -> Result<Array> {
    let first = match arrays.first() {
        Some(a) => *a,
        None => return Err(ArrayError::value("need at least one array to concatenate")),
    };
    if arrays.iter().any(|a| a.ndim() == 0) {
        return Err(ArrayError::value(
            "zero-dimensional arrays cannot be concatenated",
        ));
    }
    let nd = first.ndim();
    for (i, a) in arrays.iter().enumerate().skip(1) {
        if a.ndim() != nd {
            return Err(ArrayError::value(format!(
                "all the input arrays must have same number of dimensions, but the array at \
                 index 0 has {nd} dimension(s) and the array at index {i} has {} dimension(s)",
                a.ndim()
            )));
        }
    }
    let axis = normalize_axis(axis, nd)?;
    let mut shape = first.shape.clone();
    for (i, a) in arrays.iter().enumerate().skip(1) {
        for d in 0..nd {
            if d != axis && a.shape[d] != first.shape[d] {
                return Err(ArrayError::value(format!(
                    "all the input array dimensions except for the concatenation axis must \
                     match exactly, but along dimension {d}, the array at index 0 has size {} \
                     and the array at index {i} has size {}",
                    first.shape[d], a.shape[d]
                )));
            }
        }
        shape[axis] += a.shape[axis];
    }
    let dtype = arrays
        .iter()
        .skip(1)
        .fold(first.dtype(), |d, a| promote(d, a.dtype()));
    if let DType::Str(w) = dtype {
        // Numbers join strings as their text; the element numbers are joined instead.
        let strs: Vec<Array> = arrays
            .iter()
            .map(|a| crate::strings::as_str_array(&crate::operand::Operand::Borrowed(a)))
            .collect();
        let strs: Vec<&Array> = strs.iter().collect();
        return crate::strings::via_index(&strs, w, &mut |p| {
            concatenate_impl(&p.iter().collect::<Vec<_>>(), axis as isize)
        });
    }
    let pieces: Vec<Array> = arrays.iter().map(|a| contiguous_as(a, dtype)).collect();
    Ok(dispatch!(dtype, T => join_contiguous::<T>(&pieces, axis, shape)))
}

/// `np.concatenate(arrays, axis)`: joins arrays along an existing axis (negative counts from
/// the end). The result has the promoted dtype of the inputs.
///
/// ```
/// use arraylib as np;
/// let a = np::zeros([2, 3]);
/// let b = np::ones([1, 3]);
/// assert_eq!(np::concatenate(&[&a, &b], 0).shape(), &[3, 3]);
/// assert_eq!(np::concatenate(&[&a, &a], -1).shape(), &[2, 6]);
/// ```
#[track_caller]
pub fn concatenate<A: AsRef<Array>>(arrays: &[A], axis: isize) -> Array {
    concatenate_impl(&refs(arrays), axis).or_panic()
}

/// Fallible form of [`concatenate`].
///
/// ```
/// use arraylib as np;
/// let e = np::try_concatenate(&[np::zeros([2, 3]), np::zeros([2, 4])], 0).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: all the input array dimensions except for the \
///     concatenation axis must match exactly, but along dimension 1, the array at index 0 has \
///     size 3 and the array at index 1 has size 4");
/// ```
pub fn try_concatenate<A: AsRef<Array>>(arrays: &[A], axis: isize) -> Result<Array> {
    concatenate_impl(&refs(arrays), axis)
}

fn stack_impl(arrays: &[&Array], axis: isize) -> Result<Array> {
    let first = match arrays.first() {
        Some(a) => *a,
        None => return Err(ArrayError::value("need at least one array to stack")),
    };
    if arrays.iter().any(|a| a.shape != first.shape) {
        return Err(ArrayError::value(
            "all input arrays must have the same shape",
        ));
    }
    let ax = normalize_axis(axis, first.ndim() + 1)?;
    let expanded: Vec<Array> = arrays
        .iter()
        .map(|a| crate::shape::try_expand_dims(a, ax as isize))
        .collect::<Result<_>>()?;
    concatenate_impl(&refs(&expanded), ax as isize)
}

/// `np.stack(arrays, axis)`: joins arrays of the same shape along a new axis.
///
/// ```
/// use arraylib as np;
/// let a = np::arange(3);
/// assert_eq!(np::stack(&[&a, &a], 0).shape(), &[2, 3]);
/// assert_eq!(np::stack(&[&a, &a], -1).shape(), &[3, 2]);
/// ```
#[track_caller]
pub fn stack<A: AsRef<Array>>(arrays: &[A], axis: isize) -> Array {
    stack_impl(&refs(arrays), axis).or_panic()
}

/// Fallible form of [`stack`].
///
/// ```
/// use arraylib as np;
/// let e = np::try_stack(&[np::zeros(3), np::zeros(4)], 0).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: all input arrays must have the same shape");
/// ```
pub fn try_stack<A: AsRef<Array>>(arrays: &[A], axis: isize) -> Result<Array> {
    stack_impl(&refs(arrays), axis)
}

/// `np.hstack(arrays)`: joins along the second axis, or the first for 1-D arrays.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::hstack(&[np::arange(2), np::arange(3)]).shape(), &[5]);
/// assert_eq!(np::hstack(&[np::zeros([2, 1]), np::zeros([2, 2])]).shape(), &[2, 3]);
/// ```
#[track_caller]
pub fn hstack<A: AsRef<Array>>(arrays: &[A]) -> Array {
    try_hstack(arrays).or_panic()
}

/// Fallible form of [`hstack`].
///
/// ```
/// assert!(arraylib::try_hstack::<arraylib::Array>(&[]).is_err());
/// ```
pub fn try_hstack<A: AsRef<Array>>(arrays: &[A]) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(arrays: &[&Array]) -> Result<Array> {
        let arrs: Vec<Array> = arrays.iter().map(|a| atleast_1d(*a)).collect();
        let axis = if arrs.first().is_some_and(|a| a.ndim() == 1) {
            0
        } else {
            1
        };
        concatenate_impl(&refs(&arrs), axis)
    }
    inner(&refs(arrays))
}

/// `np.vstack(arrays)`: joins along the first axis, 1-D arrays becoming rows.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::vstack(&[np::arange(3), np::arange(3)]).shape(), &[2, 3]);
/// ```
#[track_caller]
pub fn vstack<A: AsRef<Array>>(arrays: &[A]) -> Array {
    try_vstack(arrays).or_panic()
}

/// Fallible form of [`vstack`].
///
/// ```
/// assert!(arraylib::try_vstack(&[arraylib::zeros(3), arraylib::zeros(4)]).is_err());
/// ```
pub fn try_vstack<A: AsRef<Array>>(arrays: &[A]) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(arrays: &[&Array]) -> Result<Array> {
        let arrs: Vec<Array> = arrays.iter().map(|a| atleast_2d(*a)).collect();
        concatenate_impl(&refs(&arrs), 0)
    }
    inner(&refs(arrays))
}

/// `np.dstack(arrays)`: joins along the third axis (depth), after making inputs at least 3-D.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::dstack(&[np::arange(3), np::arange(3)]).shape(), &[1, 3, 2]);
/// ```
#[track_caller]
pub fn dstack<A: AsRef<Array>>(arrays: &[A]) -> Array {
    try_dstack(arrays).or_panic()
}

/// Fallible form of [`dstack`].
///
/// ```
/// assert!(arraylib::try_dstack::<arraylib::Array>(&[]).is_err());
/// ```
pub fn try_dstack<A: AsRef<Array>>(arrays: &[A]) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(arrays: &[&Array]) -> Result<Array> {
        let arrs: Vec<Array> = arrays.iter().map(|a| atleast_3d(*a)).collect();
        concatenate_impl(&refs(&arrs), 2)
    }
    inner(&refs(arrays))
}

/// `np.column_stack(arrays)`: 1-D arrays become columns of a 2-D array; 2-D arrays are joined
/// along their second axis.
///
/// ```
/// use arraylib as np;
/// let c = np::column_stack(&[np::arange(3), np::arange(3)]);
/// assert_eq!(c.shape(), &[3, 2]);
/// assert_eq!(c.to_vec::<i64>(), vec![0, 0, 1, 1, 2, 2]);
/// ```
#[track_caller]
pub fn column_stack<A: AsRef<Array>>(arrays: &[A]) -> Array {
    try_column_stack(arrays).or_panic()
}

/// Fallible form of [`column_stack`].
///
/// ```
/// assert!(arraylib::try_column_stack(&[arraylib::zeros(3), arraylib::zeros(4)]).is_err());
/// ```
pub fn try_column_stack<A: AsRef<Array>>(arrays: &[A]) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(arrays: &[&Array]) -> Result<Array> {
        let arrs: Vec<Array> = arrays
            .iter()
            .map(|&a| {
                if a.ndim() < 2 {
                    atleast_2d(a).t()
                } else {
                    a.clone()
                }
            })
            .collect();
        concatenate_impl(&refs(&arrs), 1)
    }
    inner(&refs(arrays))
}

// ----- splitting ----------------------------------------------------------------------------

/// How to split: a number of equal sections (`3`) or the indices to split at (`[2, 5]`).
pub trait SplitArg {
    /// The sections or indices.
    fn into_split(self) -> SplitSpec;
}

/// A parsed [`SplitArg`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitSpec {
    /// Split into this many sections.
    Sections(isize),
    /// Split before each of these indices.
    Indices(Vec<isize>),
}

macro_rules! split_arg_impls {
    ($($t:ty),*) => {$(
        impl SplitArg for $t {
            fn into_split(self) -> SplitSpec { SplitSpec::Sections(self as isize) }
        }
        impl<const N: usize> SplitArg for [$t; N] {
            fn into_split(self) -> SplitSpec {
                SplitSpec::Indices(self.iter().map(|&i| i as isize).collect())
            }
        }
        impl<const N: usize> SplitArg for &[$t; N] {
            fn into_split(self) -> SplitSpec {
                SplitSpec::Indices(self.iter().map(|&i| i as isize).collect())
            }
        }
        impl SplitArg for &[$t] {
            fn into_split(self) -> SplitSpec {
                SplitSpec::Indices(self.iter().map(|&i| i as isize).collect())
            }
        }
        impl SplitArg for Vec<$t> {
            fn into_split(self) -> SplitSpec {
                SplitSpec::Indices(self.iter().map(|&i| i as isize).collect())
            }
        }
    )*};
}
split_arg_impls!(i32, i64, isize, usize, u32);

/// Python's `ary.shape[axis]` lookup (an `IndexError` when out of range).
fn split_axis(a: &Array, axis: isize) -> Result<usize> {
    let nd = a.ndim() as isize;
    if axis < -nd || axis >= nd {
        return Err(ArrayError::index("tuple index out of range"));
    }
    Ok(if axis < 0 { axis + nd } else { axis } as usize)
}

/// `a[..., start:stop, ...]` on `axis`, Python slice semantics.
fn axis_slice(a: &Array, axis: usize, start: isize, stop: isize) -> Result<Array> {
    let mut idx = vec![
        SliceElem::Slice {
            start: None,
            stop: None,
            step: 1
        };
        axis
    ];
    idx.push(SliceElem::Slice {
        start: Some(start),
        stop: Some(stop),
        step: 1,
    });
    a.try_slice(idx)
}

fn split_at_points(a: &Array, axis: usize, points: &[isize]) -> Result<Vec<Array>> {
    points
        .windows(2)
        .map(|w| axis_slice(a, axis, w[0], w[1]))
        .collect()
}

fn array_split_impl(a: &Array, spec: SplitSpec, axis: isize) -> Result<Vec<Array>> {
    let ax = split_axis(a, axis)?;
    let n = a.shape[ax] as isize;
    let points: Vec<isize> = match spec {
        SplitSpec::Indices(ind) => {
            let mut p = vec![0];
            p.extend(ind);
            p.push(n);
            p
        }
        SplitSpec::Sections(s) => {
            if s <= 0 {
                return Err(ArrayError::value("number sections must be larger than 0."));
            }
            let (each, extras) = (n / s, n % s);
            let mut p = vec![0];
            let mut acc = 0;
            for i in 0..s {
                acc += each + if i < extras { 1 } else { 0 };
                p.push(acc);
            }
            p
        }
    };
    split_at_points(a, ax, &points)
}

fn split_impl(a: &Array, spec: SplitSpec, axis: isize) -> Result<Vec<Array>> {
    if let SplitSpec::Sections(s) = spec {
        let ax = split_axis(a, axis)?;
        let n = a.shape[ax] as isize;
        if s == 0 {
            return Err(ArrayError::new(
                ErrorKind::ZeroDivisionError,
                "integer modulo by zero",
            ));
        }
        if n % s != 0 {
            return Err(ArrayError::value(
                "array split does not result in an equal division",
            ));
        }
    }
    array_split_impl(a, spec, axis)
}

/// `np.split(a, sections_or_indices, axis)`: views of `a` cut into equal sections (`3`) or at
/// indices (`[2, 5]`) along `axis`. Equal sections must divide the axis exactly.
///
/// ```
/// use arraylib as np;
/// let parts = np::split(np::arange(9), 3, 0);
/// assert_eq!(parts[1].to_vec::<i64>(), vec![3, 4, 5]);
/// let parts = np::split(np::arange(6), [2, 5], 0);
/// assert_eq!(parts.iter().map(|p| p.size()).collect::<Vec<_>>(), vec![2, 3, 1]);
/// ```
#[track_caller]
pub fn split(a: impl AsRef<Array>, sections: impl SplitArg, axis: isize) -> Vec<Array> {
    split_impl(a.as_ref(), sections.into_split(), axis).or_panic()
}

/// Fallible form of [`split`].
///
/// ```
/// let e = arraylib::try_split(arraylib::arange(10), 3, 0).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: array split does not result in an equal division");
/// ```
pub fn try_split(a: impl AsRef<Array>, sections: impl SplitArg, axis: isize) -> Result<Vec<Array>> {
    split_impl(a.as_ref(), sections.into_split(), axis)
}

/// `np.array_split(a, sections_or_indices, axis)`: like [`split`], but sections need not
/// divide the axis (the first ones get one element more).
///
/// ```
/// use arraylib as np;
/// let parts = np::array_split(np::arange(10), 3, 0);
/// assert_eq!(parts.iter().map(|p| p.size()).collect::<Vec<_>>(), vec![4, 3, 3]);
/// ```
#[track_caller]
pub fn array_split(a: impl AsRef<Array>, sections: impl SplitArg, axis: isize) -> Vec<Array> {
    array_split_impl(a.as_ref(), sections.into_split(), axis).or_panic()
}

/// Fallible form of [`array_split`].
///
/// ```
/// assert!(arraylib::try_array_split(arraylib::arange(10), 0, 0).is_err());
/// ```
pub fn try_array_split(
    a: impl AsRef<Array>,
    sections: impl SplitArg,
    axis: isize,
) -> Result<Vec<Array>> {
    array_split_impl(a.as_ref(), sections.into_split(), axis)
}

/// `np.hsplit(a, sections_or_indices)`: [`split`] along the second axis (the first for 1-D).
///
/// ```
/// use arraylib as np;
/// let p = np::hsplit(np::zeros([2, 4]), 2);
/// assert_eq!(p[0].shape(), &[2, 2]);
/// ```
#[track_caller]
pub fn hsplit(a: impl AsRef<Array>, sections: impl SplitArg) -> Vec<Array> {
    try_hsplit(a, sections).or_panic()
}

/// Fallible form of [`hsplit`].
///
/// ```
/// assert!(arraylib::try_hsplit(arraylib::Scalar::from(1.0).to_array(), 1).is_err());
/// ```
pub fn try_hsplit(a: impl AsRef<Array>, sections: impl SplitArg) -> Result<Vec<Array>> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, sections: SplitSpec) -> Result<Vec<Array>> {
        if a.ndim() == 0 {
            return Err(ArrayError::value(
                "hsplit only works on arrays of 1 or more dimensions",
            ));
        }
        let axis = if a.ndim() > 1 { 1 } else { 0 };
        split_impl(a, sections, axis)
    }
    inner(a.as_ref(), sections.into_split())
}

/// `np.vsplit(a, sections_or_indices)`: [`split`] along the first axis of an array of 2 or
/// more dimensions.
///
/// ```
/// use arraylib as np;
/// let p = np::vsplit(np::zeros([4, 2]), [1]);
/// assert_eq!((p[0].shape(), p[1].shape()), (&[1, 2][..], &[3, 2][..]));
/// ```
#[track_caller]
pub fn vsplit(a: impl AsRef<Array>, sections: impl SplitArg) -> Vec<Array> {
    try_vsplit(a, sections).or_panic()
}

/// Fallible form of [`vsplit`].
///
/// ```
/// let e = arraylib::try_vsplit(arraylib::arange(4), 2).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: vsplit only works on arrays of 2 or more dimensions");
/// ```
pub fn try_vsplit(a: impl AsRef<Array>, sections: impl SplitArg) -> Result<Vec<Array>> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, sections: SplitSpec) -> Result<Vec<Array>> {
        if a.ndim() < 2 {
            return Err(ArrayError::value(
                "vsplit only works on arrays of 2 or more dimensions",
            ));
        }
        split_impl(a, sections, 0)
    }
    inner(a.as_ref(), sections.into_split())
}

/// `np.dsplit(a, sections_or_indices)`: [`split`] along the third axis.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::dsplit(np::zeros([1, 2, 4]), 2)[1].shape(), &[1, 2, 2]);
/// ```
#[track_caller]
pub fn dsplit(a: impl AsRef<Array>, sections: impl SplitArg) -> Vec<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    #[track_caller]
    fn inner(a: &Array, sections: SplitSpec) -> Vec<Array> {
        if a.ndim() < 3 {
            std::panic::panic_any(
                ArrayError::value("dsplit only works on arrays of 3 or more dimensions")
                    .to_string(),
            );
        }
        split_impl(a, sections, 2).or_panic()
    }
    inner(a.as_ref(), sections.into_split())
}

// ----- tile and repeat ----------------------------------------------------------------------

/// `np.tile(a, reps)`: `a` repeated `reps` times along each axis (`reps` may be longer than
/// `a.ndim()`, adding leading axes, or shorter, repeating the last axes).
///
/// ```
/// use arraylib as np;
/// let t = np::tile(np::arange(3), 2);
/// assert_eq!(t.to_vec::<i64>(), vec![0, 1, 2, 0, 1, 2]);
/// assert_eq!(np::tile(np::arange(3), [2, 2]).shape(), &[2, 6]);
/// ```
#[track_caller]
pub fn tile(a: impl AsRef<Array>, reps: impl IntoShape) -> Array {
    try_tile(a, reps).or_panic()
}

/// Fallible form of [`tile`].
///
/// ```
/// let e = arraylib::try_tile(arraylib::arange(3), -1).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: negative dimensions are not allowed");
/// ```
pub fn try_tile(a: impl AsRef<Array>, reps: impl IntoShape) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, mut reps: Vec<isize>) -> Result<Array> {
        if reps.iter().any(|&r| r < 0) {
            return Err(ArrayError::value("negative dimensions are not allowed"));
        }
        let mut shape = a.shape.clone();
        while shape.len() < reps.len() {
            shape.insert(0, 1);
        }
        while reps.len() < shape.len() {
            reps.insert(0, 1);
        }
        let mut inter = Vec::with_capacity(2 * shape.len());
        let mut target = Vec::with_capacity(2 * shape.len());
        for (&s, &r) in shape.iter().zip(&reps) {
            inter.push(1);
            inter.push(s);
            target.push(r as usize);
            target.push(s);
        }
        let out_shape: Vec<usize> = shape
            .iter()
            .zip(&reps)
            .map(|(&s, &r)| s * r as usize)
            .collect();
        let v = a.reshape(inter).broadcast_view(&target)?;
        let c = contiguous_copy(&v);
        Ok(c.reshape(out_shape))
    }
    inner(a.as_ref(), reps.into_dims())
}

fn repeat_impl(a: &Array, repeats: &[isize], axis: Option<isize>) -> Result<Array> {
    if let DType::Str(w) = a.dtype() {
        return crate::strings::via_index(&[a], w, &mut |p| repeat_impl(&p[0], repeats, axis));
    }
    let (src, ax) = match axis {
        None => (a.ravel(), 0usize),
        Some(ax) => (a.clone(), normalize_axis(ax, a.ndim())?),
    };
    if src.ndim() == 0 {
        return repeat_impl(&src.reshape(1), repeats, Some(0));
    }
    let n = src.shape[ax];
    if repeats.len() == 1 && repeats[0] < 0 {
        return Err(ArrayError::value("negative dimensions are not allowed"));
    }
    if repeats.iter().any(|&r| r < 0) {
        return Err(ArrayError::value(
            "repeats may not contain negative values.",
        ));
    }
    let counts: Vec<usize> = if repeats.len() == 1 {
        vec![repeats[0] as usize; n]
    } else if repeats.len() == n {
        repeats.iter().map(|&r| r as usize).collect()
    } else {
        return Err(ArrayError::value(format!(
            "operands could not be broadcast together with shape ({n},) ({},)",
            repeats.len()
        )));
    };
    let mut shape = src.shape.clone();
    shape[ax] = counts.iter().sum();
    let src = contiguous_as(&src, src.dtype());
    let outer: usize = src.shape[..ax].iter().product();
    let inner: usize = src.shape[ax + 1..].iter().product();
    Ok(dispatch!(src.dtype(), T => {
        let s = src.as_slice::<T>().unwrap_or(&[]);
        let mut out: Vec<T> = Vec::with_capacity(shape.iter().product());
        for o in 0..outer {
            for (i, &c) in counts.iter().enumerate() {
                let start = (o * n + i) * inner;
                let chunk = &s[start..start + inner];
                for _ in 0..c {
                    out.extend_from_slice(chunk);
                }
            }
        }
        Array::from_storage_c(T::into_storage(Buffer::new(out, shape.clone())), shape)
    }))
}

impl Array {
    /// `arr.repeat(repeats)`: the flattened elements, each repeated (`repeats` is one count
    /// or one count per element).
    ///
    /// ```
    /// let a = arraylib::arange(3);
    /// assert_eq!(a.repeat(2).to_vec::<i64>(), vec![0, 0, 1, 1, 2, 2]);
    /// assert_eq!(a.repeat([1, 0, 2]).to_vec::<i64>(), vec![0, 2, 2]);
    /// ```
    #[track_caller]
    pub fn repeat(&self, repeats: impl IntoShape) -> Array {
        repeat_impl(self, &repeats.into_dims(), None).or_panic()
    }

    /// `arr.repeat(repeats, axis)`: elements repeated along `axis`.
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert_eq!(a.repeat_axis([1, 2], 0).shape(), &[3, 3]);
    /// ```
    #[track_caller]
    pub fn repeat_axis(&self, repeats: impl IntoShape, axis: isize) -> Array {
        repeat_impl(self, &repeats.into_dims(), Some(axis)).or_panic()
    }

    /// Fallible form of [`Array::repeat_axis`].
    ///
    /// ```
    /// let e = arraylib::arange(2).try_repeat_axis([1, 2, 3], 0).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: operands could not be broadcast together with shape (2,) (3,)");
    /// ```
    pub fn try_repeat_axis(&self, repeats: impl IntoShape, axis: isize) -> Result<Array> {
        repeat_impl(self, &repeats.into_dims(), Some(axis))
    }
}

/// `np.repeat(a, repeats)`: see [`Array::repeat`].
///
/// ```
/// assert_eq!(arraylib::repeat(arraylib::arange(2), 2).to_vec::<i64>(), vec![0, 0, 1, 1]);
/// ```
#[track_caller]
pub fn repeat(a: impl AsRef<Array>, repeats: impl IntoShape) -> Array {
    repeat_impl(a.as_ref(), &repeats.into_dims(), None).or_panic()
}

/// `np.repeat(a, repeats, axis)`: see [`Array::repeat_axis`].
///
/// ```
/// let a = arraylib::arange(4).reshape([2, 2]);
/// assert_eq!(arraylib::repeat_axis(&a, 2, 1).to_vec::<i64>(), vec![0, 0, 1, 1, 2, 2, 3, 3]);
/// ```
#[track_caller]
pub fn repeat_axis(a: impl AsRef<Array>, repeats: impl IntoShape, axis: isize) -> Array {
    repeat_impl(a.as_ref(), &repeats.into_dims(), Some(axis)).or_panic()
}

#[cfg(test)]
mod tests {
    use crate as np;
    use crate::{DType, s};

    #[test]
    fn concatenate_errors_and_dtypes() {
        let e = |r: crate::Result<crate::Array>| r.unwrap_err().to_string();
        assert_eq!(
            e(np::try_concatenate::<np::Array>(&[], 0)),
            "ValueError: need at least one array to concatenate"
        );
        assert_eq!(
            e(np::try_concatenate(&[np::zeros([2, 3]), np::zeros(3)], 0)),
            "ValueError: all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)"
        );
        assert_eq!(
            e(np::try_concatenate(&[np::zeros(3)], 1)),
            "AxisError: axis 1 is out of bounds for array of dimension 1"
        );
        let z = np::Scalar::from(1.0).to_array();
        assert_eq!(
            e(np::try_concatenate(&[&z, &z], 0)),
            "ValueError: zero-dimensional arrays cannot be concatenated"
        );
        let a = np::zeros(2).astype(DType::Int8);
        let b = np::zeros(2).astype(DType::UInt8);
        assert_eq!(np::concatenate(&[&a, &b], 0).dtype(), DType::Int16);
        let f = np::concatenate(&[np::arange(2), np::Array::from(vec![0.5f32])], 0);
        assert_eq!(f.dtype(), DType::Float64);
        assert_eq!(f.to_vec::<f64>(), vec![0.0, 1.0, 0.5]);
    }

    #[test]
    fn concatenate_layouts() {
        let a = np::arange(6).reshape([2, 3]);
        let b = a.t().copy().reshape([2, 3]);
        let c = np::concatenate(&[&a, &a.slice(s![..;-1, ..])], 1);
        assert_eq!(c.to_vec::<i64>(), vec![0, 1, 2, 3, 4, 5, 3, 4, 5, 0, 1, 2]);
        let d = np::concatenate(&[a.t(), b.t()], 0);
        assert_eq!(d.shape(), &[6, 2]);
        assert_eq!(d.slice(s![..3]).to_vec::<i64>(), a.t().to_vec::<i64>());
        let e = np::concatenate(&[np::zeros([0, 3]), np::ones([2, 3])], 0);
        assert_eq!(e.shape(), &[2, 3]);
        let s3 = np::stack(&[&a, &a, &a], 1);
        assert_eq!(s3.shape(), &[2, 3, 3]);
        assert_eq!(s3.get([1, 2, 0]).to_i64(), 3);
    }

    #[test]
    fn split_forms() {
        let a = np::arange(10);
        let p = np::split(&a, [-3, 2], 0);
        assert_eq!(p[0].to_vec::<i64>(), vec![0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(p[1].size(), 0);
        assert_eq!(p[2].to_vec::<i64>(), vec![2, 3, 4, 5, 6, 7, 8, 9]);
        assert!(p[0].shares_memory(&a));
        let p = np::array_split(np::arange(3), 5, 0);
        assert_eq!(
            p.iter().map(|x| x.size()).collect::<Vec<_>>(),
            vec![1, 1, 1, 0, 0]
        );
        let e = np::try_split(&a, 0, 0).unwrap_err();
        assert_eq!(e.to_string(), "ZeroDivisionError: integer modulo by zero");
        let e = np::try_split(np::zeros([4, 6]), 2, 2).unwrap_err();
        assert_eq!(e.to_string(), "IndexError: tuple index out of range");
        let p = np::split(np::arange(24).reshape([4, 6]), 3, -1);
        assert_eq!(p[2].to_vec::<i64>(), vec![4, 5, 10, 11, 16, 17, 22, 23]);
    }

    #[test]
    fn tile_repeat() {
        let a = np::arange(6).reshape([2, 3]);
        assert_eq!(
            np::tile(&a, 2).to_vec::<i64>(),
            vec![0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5]
        );
        assert_eq!(np::tile(&a, [2, 1, 1]).shape(), &[2, 2, 3]);
        assert_eq!(
            np::tile(np::Scalar::from(5).to_array(), 3).to_vec::<i32>(),
            vec![5, 5, 5]
        );
        assert_eq!(a.repeat(2).size(), 12);
        assert_eq!(
            a.repeat_axis([1, 2], 0).to_vec::<i64>(),
            vec![0, 1, 2, 3, 4, 5, 3, 4, 5]
        );
        assert_eq!(
            a.t().repeat_axis(2, 1).to_vec::<i64>(),
            vec![0, 0, 3, 3, 1, 1, 4, 4, 2, 2, 5, 5]
        );
        let e = a.try_repeat_axis([1, -2], 0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: repeats may not contain negative values."
        );
        let e = a.try_repeat_axis(-1, 0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: negative dimensions are not allowed"
        );
        assert_eq!(
            np::Scalar::from(5i64).to_array().repeat(3).to_vec::<i64>(),
            vec![5, 5, 5]
        );
    }
}

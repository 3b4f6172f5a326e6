//! Basic indexing: slices, integer indices, `newaxis` and ellipsis, all returning views, plus
//! reading and writing single elements. Integer-array and boolean-array entries of an index
//! expression (advanced indexing, which copies) are handled in [`crate::fancy_indexing`].

use crate::array::Array;
use crate::casting::CastTo;
use crate::dispatch;
use crate::error::{ArrayError, OrPanic, Result};
use crate::scalar::{Scalar, scalar_value};
use std::ops::{Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};

/// One entry of an index expression, as built by [`s!`](crate::s).
#[derive(Clone, Debug)]
pub enum SliceElem {
    /// An integer index; drops the axis (negative counts from the end).
    Index(isize),
    /// `start:stop:step`, Python's slice.
    Slice {
        /// First index (default: start or end, by the sign of `step`).
        start: Option<isize>,
        /// One past the last index (default: the other end).
        stop: Option<isize>,
        /// Step, never zero.
        step: isize,
    },
    /// `np.newaxis`: inserts an axis of length 1.
    NewAxis,
    /// `...`: as many full slices as needed.
    Ellipsis,
    /// An integer or boolean index array (NumPy's advanced indexing): `arr[[0, 2]]`,
    /// `arr[arr > 5]`. Selecting through one gives a copy, not a view.
    Array(Array),
}

/// `np.newaxis` in an index expression: `s![.., NewAxis]`.
#[derive(Clone, Copy, Debug)]
pub struct NewAxis;

/// `np.newaxis`, NumPy's spelling.
#[allow(non_upper_case_globals)]
pub const newaxis: NewAxis = NewAxis;

/// `...` in an index expression: `s![Ellipsis, 0]`.
#[derive(Clone, Copy, Debug)]
pub struct Ellipsis;

/// Converts the parts of an index expression into a [`SliceElem`].
pub trait IntoSliceElem {
    /// The element, with a step when the expression had `;step`.
    fn into_slice_elem(self, step: isize) -> SliceElem;
}

macro_rules! slice_elem_impls {
    ($($t:ty),*) => {$(
        impl IntoSliceElem for $t {
            fn into_slice_elem(self, _step: isize) -> SliceElem { SliceElem::Index(self as isize) }
        }
        impl IntoSliceElem for Range<$t> {
            fn into_slice_elem(self, step: isize) -> SliceElem {
                SliceElem::Slice { start: Some(self.start as isize), stop: Some(self.end as isize), step }
            }
        }
        impl IntoSliceElem for RangeInclusive<$t> {
            fn into_slice_elem(self, step: isize) -> SliceElem {
                let end = *self.end() as isize;
                let stop = if end == -1 { None } else { Some(end + 1) };
                SliceElem::Slice { start: Some(*self.start() as isize), stop, step }
            }
        }
        impl IntoSliceElem for RangeFrom<$t> {
            fn into_slice_elem(self, step: isize) -> SliceElem {
                SliceElem::Slice { start: Some(self.start as isize), stop: None, step }
            }
        }
        impl IntoSliceElem for RangeTo<$t> {
            fn into_slice_elem(self, step: isize) -> SliceElem {
                SliceElem::Slice { start: None, stop: Some(self.end as isize), step }
            }
        }
        impl IntoSliceElem for RangeToInclusive<$t> {
            fn into_slice_elem(self, step: isize) -> SliceElem {
                let end = self.end as isize;
                let stop = if end == -1 { None } else { Some(end + 1) };
                SliceElem::Slice { start: None, stop, step }
            }
        }
    )*};
}
slice_elem_impls!(i32, i64, isize, usize);

impl IntoSliceElem for RangeFull {
    fn into_slice_elem(self, step: isize) -> SliceElem {
        SliceElem::Slice {
            start: None,
            stop: None,
            step,
        }
    }
}

impl IntoSliceElem for NewAxis {
    fn into_slice_elem(self, _step: isize) -> SliceElem {
        SliceElem::NewAxis
    }
}

impl IntoSliceElem for Ellipsis {
    fn into_slice_elem(self, _step: isize) -> SliceElem {
        SliceElem::Ellipsis
    }
}

impl IntoSliceElem for SliceElem {
    fn into_slice_elem(self, _step: isize) -> SliceElem {
        self
    }
}

/// Builds an index expression, NumPy's `arr[...]` in Rust syntax:
/// `1..3` is `1:3`, `..;2` is `::2`, `..;-1` is `::-1`, `2` is an integer index,
/// `NewAxis` is `np.newaxis`, `Ellipsis` is `...`. An integer list (`[0, 2]`, a `Vec<i64>`,
/// a `&[usize]`), a bool list or an `Array` (`&idx`, `a.gt(5)`) is an advanced index.
///
/// ```
/// use arraylib::{s, NewAxis};
/// let a = arraylib::arange(12).reshape([3, 4]);
/// assert_eq!(a.slice(s![1.., ..2]).shape(), &[2, 2]);
/// assert_eq!(a.slice(s![.., 2]).to_vec::<i64>(), vec![2, 6, 10]);
/// assert_eq!(a.slice(s![..;-1, NewAxis, 0]).shape(), &[3, 1]);
/// assert_eq!(a.index(s![[0, 2], -1]).to_vec::<i64>(), vec![3, 11]);
/// ```
#[macro_export]
macro_rules! s {
    (@elem $r:expr ; $step:expr) => { $crate::IntoSliceElem::into_slice_elem($r, $step as isize) };
    (@elem $r:expr) => { $crate::IntoSliceElem::into_slice_elem($r, 1) };
    ($($r:expr $(; $step:expr)?),* $(,)?) => {
        [$( $crate::s!(@elem $r $(; $step)?) ),*]
    };
}

/// Python's `slice.indices(n)`: resolved start, step and length of a slice on an axis of `n`.
fn resolve_slice(
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    n: usize,
) -> Result<(isize, usize)> {
    if step == 0 {
        return Err(ArrayError::value("slice step cannot be zero"));
    }
    let n = n as isize;
    let clamp = |v: isize, lo: isize, hi: isize| v.max(lo).min(hi);
    let adjust = |v: isize| if v < 0 { v + n } else { v };
    let (start, stop) = if step > 0 {
        (
            start.map_or(0, |s| clamp(adjust(s), 0, n)),
            stop.map_or(n, |s| clamp(adjust(s), 0, n)),
        )
    } else {
        (
            start.map_or(n - 1, |s| clamp(adjust(s), -1, n - 1)),
            stop.map_or(-1, |s| clamp(adjust(s), -1, n - 1)),
        )
    };
    let len = if step > 0 {
        if stop > start {
            (stop - start + step - 1) / step
        } else {
            0
        }
    } else if start > stop {
        (start - stop - step - 1) / (-step)
    } else {
        0
    };
    Ok((start, len as usize))
}

/// Resolves one integer index on an axis, with NumPy's `IndexError`.
pub(crate) fn resolve_index(i: isize, axis: usize, n: usize) -> Result<usize> {
    let ni = n as isize;
    if i < -ni || i >= ni {
        return Err(ArrayError::index(format!(
            "index {i} is out of bounds for axis {axis} with size {n}"
        )));
    }
    Ok(if i < 0 { i + ni } else { i } as usize)
}

impl Array {
    /// NumPy's `arr[...]`: a view selected by a basic index expression (`arr[1:, ::2]` is
    /// `arr.slice(s![1.., ..;2])`). An expression with an integer-array or boolean-array entry
    /// (`arr[[0, 2], :]` is `arr.slice(s![[0, 2], ..])`) gives a copy instead, as in NumPy; see
    /// [`Array::index`], which is the same operation under NumPy's name.
    ///
    /// An integer for every axis (`arr[1, 2]`, `arr.slice(s![1, 2])`) selects one element,
    /// which NumPy returns as a scalar: the 0-d view stands for it ([`Array::is_scalar`]) and
    /// prints like it; `s![1, 2, Ellipsis]` is a 0-d array, as `arr[1, 2, ...]` is in NumPy.
    ///
    /// Panics with NumPy's `IndexError` for out-of-range indices or too many indices.
    ///
    /// ```
    /// use arraylib::s;
    /// let a = arraylib::arange(10);
    /// let b = a.slice(s![..;2]);
    /// b.set([0], 999);
    /// assert_eq!(a.get([0]).to_i64(), 999);
    /// assert_eq!(format!("{:?}", a.slice(s![1])), "np.int64(1)");
    /// assert_eq!(format!("{:?}", a.slice(s![1, arraylib::Ellipsis])), "array(1)");
    /// ```
    #[track_caller]
    pub fn slice(&self, index: impl AsRef<[SliceElem]>) -> Array {
        self.try_slice(index).or_panic()
    }

    /// Fallible form of [`Array::slice`].
    ///
    /// ```
    /// use arraylib::s;
    /// assert!(arraylib::arange(3).try_slice(s![5]).is_err());
    /// ```
    pub fn try_slice(&self, index: impl AsRef<[SliceElem]>) -> Result<Array> {
        self.slice_elems(index.as_ref())
    }

    /// The body of [`Array::try_slice`], not generic. As in NumPy, an integer for every axis
    /// (`a[1, 2]`) selects a scalar, while `a[1, 2, ...]` is a 0-d view.
    pub(crate) fn slice_elems(&self, index: &[SliceElem]) -> Result<Array> {
        let r = crate::fancy_indexing::index_expr(self, index)?;
        let all_integers =
            index.len() == self.ndim() && index.iter().all(|e| matches!(e, SliceElem::Index(_)));
        Ok(if all_integers { r.scalar_if_0d() } else { r })
    }

    /// The view selected by an index expression without index arrays.
    pub(crate) fn basic_view(&self, index: &[SliceElem]) -> Result<Array> {
        let consumed = index
            .iter()
            .filter(|e| matches!(e, SliceElem::Index(_) | SliceElem::Slice { .. }))
            .count();
        let ellipses = index
            .iter()
            .filter(|e| matches!(e, SliceElem::Ellipsis))
            .count();
        if ellipses > 1 {
            return Err(ArrayError::index(
                "an index can only have a single ellipsis ('...')",
            ));
        }
        if consumed > self.ndim() {
            return Err(ArrayError::index(format!(
                "too many indices for array: array is {}-dimensional, but {} were indexed",
                self.ndim(),
                consumed
            )));
        }
        let mut offset = self.offset as isize;
        let mut shape = Vec::new();
        let mut strides = Vec::new();
        let mut axis = 0usize;
        let fill_full =
            |axis: &mut usize, shape: &mut Vec<usize>, strides: &mut Vec<isize>, count: usize| {
                for _ in 0..count {
                    shape.push(self.shape[*axis]);
                    strides.push(self.strides[*axis]);
                    *axis += 1;
                }
            };
        for elem in index {
            match *elem {
                SliceElem::Array(_) => {
                    unreachable!("index arrays are resolved before taking the basic view")
                }
                SliceElem::Index(i) => {
                    let i = resolve_index(i, axis, self.shape[axis])?;
                    offset += i as isize * self.strides[axis];
                    axis += 1;
                }
                SliceElem::Slice { start, stop, step } => {
                    let (s0, len) = resolve_slice(start, stop, step, self.shape[axis])?;
                    if len > 0 {
                        offset += s0 * self.strides[axis];
                    }
                    shape.push(len);
                    strides.push(self.strides[axis] * step);
                    axis += 1;
                }
                SliceElem::NewAxis => {
                    shape.push(1);
                    strides.push(0);
                }
                SliceElem::Ellipsis => {
                    let rest = self.ndim() - consumed;
                    fill_full(&mut axis, &mut shape, &mut strides, rest);
                }
            }
        }
        let rest = self.ndim() - axis;
        fill_full(&mut axis, &mut shape, &mut strides, rest);
        Ok(self.view_with(offset as usize, shape, strides))
    }

    /// Offset in elements of the element at a full integer index.
    fn element_offset(&self, index: &[isize]) -> Result<usize> {
        if index.len() > self.ndim() {
            return Err(ArrayError::index(format!(
                "too many indices for array: array is {}-dimensional, but {} were indexed",
                self.ndim(),
                index.len()
            )));
        }
        if index.len() != self.ndim() {
            return Err(ArrayError::index(format!(
                "an element index needs {} indices for a {}-dimensional array, got {}",
                self.ndim(),
                self.ndim(),
                index.len()
            )));
        }
        let mut off = self.offset as isize;
        for (axis, &i) in index.iter().enumerate() {
            let i = resolve_index(i, axis, self.shape[axis])?;
            off += i as isize * self.strides[axis];
        }
        Ok(off as usize)
    }

    /// Reads one element (`arr[1, 2]`), as a NumPy scalar.
    ///
    /// ```
    /// let a = arraylib::arange(12).reshape([3, 4]);
    /// assert_eq!(a.get([1, 2]).to_i64(), 6);
    /// assert_eq!(a.get([-1, -1]).to_i64(), 11);
    /// ```
    #[track_caller]
    pub fn get(&self, index: impl crate::IntoShape) -> Scalar {
        self.try_get(index).or_panic()
    }

    /// Fallible form of [`Array::get`].
    ///
    /// ```
    /// assert!(arraylib::arange(3).try_get([3]).is_err());
    /// ```
    pub fn try_get(&self, index: impl crate::IntoShape) -> Result<Scalar> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(a: &Array, index: Vec<isize>) -> Result<Scalar> {
            let off = a.element_offset(&index)?;
            if a.dtype().is_str() {
                return Err(ArrayError::type_error(format!(
                    "an element of a string array (dtype {}) is not a number; use get_str",
                    a.dtype()
                )));
            }
            Ok(dispatch!(a.dtype(), T => {
                let buf = <T as crate::Element>::from_storage(&a.storage).expect("dtype");
                // SAFETY: `off` was bounds-checked against the view, which lies inside the buffer.
                Scalar::from(unsafe { *buf.ptr().add(off) })
            }))
        }
        inner(self, index.into_dims())
    }

    /// Writes one element at a full integer index, with NumPy's checks on the value.
    pub(crate) fn set_element(&self, index: &[isize], value: Scalar) -> Result<()> {
        if !self.writeable {
            return Err(ArrayError::value("assignment destination is read-only"));
        }
        let off = self.element_offset(index)?;
        if self.dtype().is_str() {
            // NumPy writes a number into a string array as its text.
            crate::strings::write_at(self, off, &value.to_string());
            return Ok(());
        }
        crate::assign::check_scalar_for(value, self.dtype())?;
        dispatch!(self.dtype(), T => {
            let v: T = scalar_value!(value, x => CastTo::<T>::cast(x));
            let buf = <T as crate::Element>::from_storage(&self.storage).expect("dtype");
            // SAFETY: bounds-checked offset inside the interior-mutable buffer.
            unsafe { *buf.ptr().add(off) = v };
        });
        Ok(())
    }

    /// Sets every element to `value` (`arr[...] = v`); through a view this writes the original.
    ///
    /// ```
    /// use arraylib::s;
    /// let a = arraylib::zeros(4);
    /// a.slice(s![1..3]).fill(1.5);
    /// assert_eq!(a.to_vec::<f64>(), vec![0.0, 1.5, 1.5, 0.0]);
    /// ```
    #[track_caller]
    pub fn fill(&self, value: impl Into<Scalar>) {
        // The body is not generic, so it is compiled once here, not in every caller.
        #[track_caller]
        fn inner(a: &Array, value: Scalar) {
            check_python_int(value, a.dtype()).or_panic();
            if a.dtype().is_str() {
                crate::strings::write(a, &[value.to_string()]).or_panic();
                return;
            }
            dispatch!(a.dtype(), T => {
                let v: T = scalar_value!(value, x => CastTo::<T>::cast(x));
                a.view_mut::<T>().fill(v);
            })
        }
        inner(self, value.into())
    }
}

/// A Rust integer written into an integer array is a Python int to NumPy: one that does not
/// fit is `OverflowError: Python integer 300 out of bounds for int8`, not a wrap-around.
fn check_python_int(value: Scalar, dtype: crate::DType) -> Result<()> {
    if !dtype.is_integer() || !value.dtype().is_integer() {
        return Ok(());
    }
    let v = match value {
        Scalar::UInt64(x) => x as i128,
        other => other.to_i64() as i128,
    };
    crate::operand::check_int_fits(v, dtype)
}

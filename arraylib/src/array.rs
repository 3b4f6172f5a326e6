//! The array type: a dynamic dtype over a shared buffer, with NumPy's views and attributes.

use crate::dtype::{DType, Element};
use crate::error::{ArrayError, OrPanic, Result};
use crate::shape_arg::{IntoShape, creation_shape};
use crate::storage::{Buffer, Storage};
use ndarray::{ArrayD, ArrayViewD, ArrayViewMutD, Axis, IxDyn, ShapeBuilder};

/// An N-dimensional array with a dynamic dtype, like NumPy's `ndarray`.
///
/// Cloning an `Array` is cheap and aliases the same memory, as `b = a` does in Python; views
/// made by slicing, `transpose`, `reshape` (when possible), `squeeze` and `expand_dims` share
/// memory with the array they came from, and a write through one is seen by all. Use
/// [`Array::copy`] for an independent array.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, 2.0, 3.0, 4.0], [2, 2]);
/// assert_eq!(a.shape(), &[2, 2]);
/// assert_eq!(a.dtype(), arraylib::DType::Float64);
/// ```
#[derive(Clone)]
pub struct Array {
    pub(crate) storage: Storage,
    /// Offset of element `[0, 0, ...]` in the buffer, in elements.
    pub(crate) offset: usize,
    pub(crate) shape: Vec<usize>,
    /// Strides in elements (NumPy's `strides` are these times `itemsize`).
    pub(crate) strides: Vec<isize>,
    /// False for arrays that own their buffer (NumPy's `OWNDATA`).
    pub(crate) is_view: bool,
    /// False for broadcast views, which alias elements and must not be written.
    pub(crate) writeable: bool,
    /// True on the 0-d result of a ufunc, operator or reduction, where NumPy returns a scalar
    /// (`np.float64(6.0)`) rather than a 0-d array: only printing looks at it. A handle made
    /// any other way starts false, so views, reshapes and copies print as arrays again.
    scalar: bool,
}

/// NumPy's `arr.flags`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flags {
    /// Row-major contiguous.
    pub c_contiguous: bool,
    /// Column-major contiguous.
    pub f_contiguous: bool,
    /// The array owns its buffer (is not a view).
    pub owndata: bool,
    /// Elements may be written.
    pub writeable: bool,
}

impl std::fmt::Display for Flags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let b = |x: bool| if x { "True" } else { "False" };
        writeln!(f, "  C_CONTIGUOUS : {}", b(self.c_contiguous))?;
        writeln!(f, "  F_CONTIGUOUS : {}", b(self.f_contiguous))?;
        writeln!(f, "  OWNDATA : {}", b(self.owndata))?;
        writeln!(f, "  WRITEABLE : {}", b(self.writeable))?;
        writeln!(f, "  ALIGNED : True")?;
        writeln!(f, "  WRITEBACKIFCOPY : False")
    }
}

/// Row-major strides (in elements) for a shape.
pub(crate) fn c_strides(shape: &[usize]) -> Vec<isize> {
    let mut strides = vec![0isize; shape.len()];
    let mut acc = 1isize;
    for i in (0..shape.len()).rev() {
        strides[i] = acc;
        acc *= shape[i].max(1) as isize;
    }
    strides
}

/// True if `strides` describe a row-major contiguous layout of `shape` (size-1 axes ignored).
pub(crate) fn is_c_contiguous(shape: &[usize], strides: &[isize]) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut expected = 1isize;
    for i in (0..shape.len()).rev() {
        if shape[i] != 1 {
            if strides[i] != expected {
                return false;
            }
            expected *= shape[i] as isize;
        }
    }
    true
}

impl Array {
    // ----- construction from parts -------------------------------------------------------

    /// Wraps a freshly allocated row-major buffer.
    pub(crate) fn from_storage_c(storage: Storage, shape: Vec<usize>) -> Array {
        let strides = c_strides(&shape);
        let writeable = storage.writeable();
        Array {
            storage,
            offset: 0,
            shape,
            strides,
            is_view: false,
            writeable,
            scalar: false,
        }
    }

    /// A view of the same buffer with another offset, shape and strides.
    pub(crate) fn view_with(&self, offset: usize, shape: Vec<usize>, strides: Vec<isize>) -> Array {
        Array {
            storage: self.storage.clone(),
            offset,
            shape,
            strides,
            is_view: true,
            writeable: self.writeable,
            scalar: false,
        }
    }

    /// Marks a 0-d result as NumPy's scalar, as the ufuncs, operators and reductions return
    /// it; other shapes come back unmarked.
    pub(crate) fn scalar_if_0d(mut self) -> Array {
        self.scalar = self.shape.is_empty();
        self
    }

    /// The same handle without the scalar mark: `np.asarray` of a NumPy scalar is an array.
    pub(crate) fn unmarked(mut self) -> Array {
        self.scalar = false;
        self
    }

    /// Builds an array from a flat vector in row-major order and a shape.
    ///
    /// Panics with NumPy's `ValueError` if the sizes disagree; see [`Array::try_from_vec`].
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![1i32, 2, 3, 4, 5, 6], [2, 3]);
    /// assert_eq!(a.shape(), &[2, 3]);
    /// assert_eq!(a.dtype(), arraylib::DType::Int32);
    /// ```
    #[track_caller]
    pub fn from_vec<T: Element>(data: Vec<T>, shape: impl IntoShape) -> Array {
        Self::try_from_vec(data, shape).or_panic()
    }

    /// Fallible form of [`Array::from_vec`].
    ///
    /// ```
    /// assert!(arraylib::Array::try_from_vec(vec![1.0, 2.0], [3]).is_err());
    /// ```
    pub fn try_from_vec<T: Element>(data: Vec<T>, shape: impl IntoShape) -> Result<Array> {
        let shape = shape_for_elements(shape.into_dims(), data.len())?;
        let buf = Buffer::new(data, shape.clone());
        Ok(Self::from_storage_c(T::into_storage(buf), shape))
    }

    /// Wraps an `ndarray` array, without copying when it is in row-major order.
    ///
    /// ```
    /// let nd = ndarray::arr2(&[[1.0, 2.0], [3.0, 4.0]]).into_dyn();
    /// let a = arraylib::Array::from_ndarray(nd);
    /// assert_eq!(a.shape(), &[2, 2]);
    /// ```
    pub fn from_ndarray<T: Element>(a: ArrayD<T>) -> Array {
        let shape = a.shape().to_vec();
        let a = if a.is_standard_layout() {
            a
        } else {
            a.as_standard_layout().into_owned()
        };
        let (data, offset) = a.into_raw_vec_and_offset();
        let data = match offset {
            Some(0) | None => data,
            Some(off) => data[off..].to_vec(),
        };
        let n: usize = shape.iter().product();
        let data = if data.len() == n {
            data
        } else {
            data[..n].to_vec()
        };
        let buf = Buffer::new(data, shape.clone());
        Self::from_storage_c(T::into_storage(buf), shape)
    }

    // ----- attributes ---------------------------------------------------------------------

    /// The dimensions (`arr.shape`).
    ///
    /// ```
    /// assert_eq!(arraylib::zeros([2, 3]).shape(), &[2, 3]);
    /// ```
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// True if this 0-d array stands for the scalar NumPy returns at this point (NumPy's
    /// `np.isscalar(x)`): the 0-d result of a ufunc or an operator, a reduction along axes,
    /// `take`/`searchsorted`, `matmul`/`dot`/`inner`/`einsum`, a linear-algebra function, or
    /// an integer index for every axis (`a.slice(s![1])`, NumPy's `a[1]`), where NumPy gives
    /// `np.float64(6.0)` rather than `array(6.)`. Such an array prints and displays like the
    /// [`Scalar`](crate::Scalar) and is in every other way the 0-d array it is. A clone keeps
    /// the mark (`b = a`); other views, reshapes, copies and constructors give plain 0-d
    /// arrays, as `np.asarray`, `np.copy` and `a[...]` do in NumPy.
    ///
    /// ```
    /// let a = arraylib::Array::from(vec![1.0, 2.0, 3.0]);
    /// let s = a.sum_axis(0, false);
    /// assert!(s.is_scalar() && s.ndim() == 0);
    /// assert_eq!(format!("{s:?}"), "np.float64(6.0)");
    /// assert!(!s.reshape(()).is_scalar());
    /// assert!(!arraylib::zeros(()).is_scalar());
    /// ```
    pub fn is_scalar(&self) -> bool {
        self.scalar
    }

    /// Number of dimensions (`arr.ndim`).
    ///
    /// ```
    /// assert_eq!(arraylib::zeros([2, 3]).ndim(), 2);
    /// ```
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Number of elements (`arr.size`).
    ///
    /// ```
    /// assert_eq!(arraylib::zeros([2, 3]).size(), 6);
    /// ```
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }

    /// Length of the first axis (`len(arr)`); a 0-d array has no length and panics with
    /// NumPy's `TypeError`.
    ///
    /// ```
    /// assert_eq!(arraylib::zeros([4, 3]).len(), 4);
    /// ```
    #[track_caller]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        match self.shape.first() {
            Some(&n) => n,
            None => {
                std::panic::panic_any(ArrayError::type_error("len() of unsized object").to_string())
            }
        }
    }

    /// The element type (`arr.dtype`).
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).dtype(), arraylib::DType::Int64);
    /// ```
    pub fn dtype(&self) -> DType {
        self.storage.dtype()
    }

    /// Bytes per element (`arr.itemsize`).
    ///
    /// ```
    /// assert_eq!(arraylib::zeros(3).itemsize(), 8);
    /// ```
    pub fn itemsize(&self) -> usize {
        self.dtype().itemsize()
    }

    /// Bytes taken by this array's own elements (`arr.nbytes`); a view counts its elements only.
    ///
    /// ```
    /// assert_eq!(arraylib::zeros([10, 10]).nbytes(), 800);
    /// ```
    pub fn nbytes(&self) -> usize {
        self.size() * self.itemsize()
    }

    /// Strides in bytes, as NumPy reports them (`arr.strides`).
    ///
    /// ```
    /// assert_eq!(arraylib::zeros([2, 3]).strides(), vec![24, 8]);
    /// ```
    pub fn strides(&self) -> Vec<isize> {
        let item = self.itemsize() as isize;
        self.strides.iter().map(|s| s * item).collect()
    }

    /// Memory-layout flags (`arr.flags`).
    ///
    /// ```
    /// let a = arraylib::zeros([2, 3]);
    /// assert!(a.flags().c_contiguous && a.flags().owndata);
    /// assert!(a.t().flags().f_contiguous && !a.t().flags().owndata);
    /// ```
    pub fn flags(&self) -> Flags {
        let rev_shape: Vec<usize> = self.shape.iter().rev().copied().collect();
        let rev_strides: Vec<isize> = self.strides.iter().rev().copied().collect();
        Flags {
            c_contiguous: is_c_contiguous(&self.shape, &self.strides),
            f_contiguous: is_c_contiguous(&rev_shape, &rev_strides),
            owndata: !self.is_view,
            writeable: self.writeable,
        }
    }

    /// True if the array owns its memory (NumPy's `flags.owndata`, `base is None`).
    ///
    /// ```
    /// let a = arraylib::arange(6);
    /// assert!(a.owns_data());
    /// assert!(!a.reshape([2, 3]).owns_data());
    /// ```
    pub fn owns_data(&self) -> bool {
        !self.is_view
    }

    /// The array that owns the memory of a view (NumPy's `arr.base`), or `None` for an owner.
    ///
    /// As in NumPy, the base is the ultimate owner: a view of a view reports the original
    /// allocation. Compare with [`Array::is`].
    ///
    /// ```
    /// let original = arraylib::zeros([4, 4]);
    /// let view = original.slice(arraylib::s![..;2, ..;2]);
    /// assert!(view.base().unwrap().is(&original));
    /// assert!(original.copy().base().is_none());
    /// ```
    pub fn base(&self) -> Option<Array> {
        if !self.is_view {
            return None;
        }
        let shape = self.storage.owner_shape().to_vec();
        Some(Array::from_storage_c(self.storage.clone(), shape))
    }

    /// Identity, like Python's `is`: the same memory, offset, shape and strides.
    ///
    /// ```
    /// let a = arraylib::zeros(3);
    /// let b = a.clone();
    /// assert!(a.is(&b));
    /// assert!(!a.is(&a.copy()));
    /// ```
    pub fn is(&self, other: &Array) -> bool {
        self.storage.addr() == other.storage.addr()
            && self.storage.dtype() == other.storage.dtype()
            && self.offset == other.offset
            && self.shape == other.shape
            && self.strides == other.strides
    }

    /// Byte range `[lo, hi)` of the elements this array can touch, relative to its buffer.
    pub(crate) fn extent(&self) -> Option<(isize, isize)> {
        if self.size() == 0 {
            return None;
        }
        let mut lo = self.offset as isize;
        let mut hi = self.offset as isize;
        for (&n, &s) in self.shape.iter().zip(&self.strides) {
            let span = s * (n as isize - 1);
            if span < 0 {
                lo += span;
            } else {
                hi += span;
            }
        }
        // Bytes per element as they lie in the buffer (a string element is a pointer).
        let item = self.storage.elem_size() as isize;
        Some((
            self.storage.addr() as isize + lo * item,
            self.storage.addr() as isize + (hi + 1) * item,
        ))
    }

    /// True if the two arrays may share memory (NumPy's `np.may_share_memory`, which is also
    /// exact for the views basic slicing makes).
    ///
    /// ```
    /// let a = arraylib::arange(10);
    /// assert!(a.shares_memory(&a.slice(arraylib::s![..;2])));
    /// assert!(!a.shares_memory(&a.copy()));
    /// ```
    pub fn shares_memory(&self, other: &Array) -> bool {
        match (self.extent(), other.extent()) {
            (Some((a0, a1)), Some((b0, b1))) => a0 < b1 && b0 < a1,
            _ => false,
        }
    }

    // ----- typed access -------------------------------------------------------------------

    /// Pointer to the lowest-addressed element, absolute strides, and axes to invert, so that
    /// ndarray (which wants non-negative strides) can describe any NumPy view.
    fn raw_parts<T: Element>(&self) -> (*mut T, Vec<usize>, Vec<usize>) {
        let buf = T::from_storage(&self.storage).unwrap_or_else(|| {
            panic!(
                "arraylib: dtype mismatch, array is {} but {} was requested",
                self.dtype(),
                T::DTYPE
            )
        });
        if self.size() == 0 {
            let strides = vec![0usize; self.ndim()];
            return (buf.ptr(), strides, Vec::new());
        }
        let mut low = self.offset as isize;
        let mut inverted = Vec::new();
        for (i, (&n, &s)) in self.shape.iter().zip(&self.strides).enumerate() {
            if s < 0 {
                low += s * (n as isize - 1);
                inverted.push(i);
            }
        }
        let strides = self.strides.iter().map(|s| s.unsigned_abs()).collect();
        // SAFETY: `low` is within the buffer: every view is built from valid in-bounds indices.
        let ptr = unsafe { buf.ptr().offset(low) };
        (ptr, strides, inverted)
    }

    /// A typed, read-only ndarray view of the elements. Panics if `T` is not the dtype.
    ///
    /// ```
    /// let a = arraylib::arange(4);
    /// assert_eq!(a.view::<i64>().sum(), 6);
    /// ```
    pub fn view<T: Element>(&self) -> ArrayViewD<'_, T> {
        let (ptr, strides, inverted) = self.raw_parts::<T>();
        // SAFETY: ptr, shape and strides describe elements inside the live buffer, which the
        // borrow of `self` keeps alive (the Arc is held by `self.storage`).
        let mut v =
            unsafe { ArrayViewD::from_shape_ptr(IxDyn(&self.shape).strides(IxDyn(&strides)), ptr) };
        for ax in inverted {
            v.invert_axis(Axis(ax));
        }
        v
    }

    /// A typed, writable ndarray view. Writes are seen by every array sharing the buffer.
    ///
    /// Panics if `T` is not the dtype or the array is a read-only broadcast view. The caller
    /// must not hold another view of overlapping memory while writing through this one.
    ///
    /// ```
    /// let a = arraylib::zeros(3);
    /// a.view_mut::<f64>()[1] = 5.0;
    /// assert_eq!(a.view::<f64>()[1], 5.0);
    /// ```
    #[allow(clippy::mut_from_ref)]
    #[track_caller]
    pub fn view_mut<T: Element>(&self) -> ArrayViewMutD<'_, T> {
        if !self.writeable {
            std::panic::panic_any(
                ArrayError::value("assignment destination is read-only").to_string(),
            );
        }
        let (ptr, strides, inverted) = self.raw_parts::<T>();
        // SAFETY: as in `view`; the buffer is interior-mutable and arrays are not `Send`, so no
        // other thread can observe the write. Non-broadcast views never alias elements.
        let mut v = unsafe {
            ArrayViewMutD::from_shape_ptr(IxDyn(&self.shape).strides(IxDyn(&strides)), ptr)
        };
        for ax in inverted {
            v.invert_axis(Axis(ax));
        }
        v
    }

    /// Copies the elements into an owned `ndarray` array of the same element type.
    ///
    /// ```
    /// let a = arraylib::arange(3);
    /// assert_eq!(a.to_ndarray::<i64>(), ndarray::arr1(&[0i64, 1, 2]).into_dyn());
    /// ```
    pub fn to_ndarray<T: Element>(&self) -> ArrayD<T> {
        self.view::<T>().to_owned()
    }

    /// The elements as a slice when the array is row-major contiguous.
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).as_slice::<i64>(), Some(&[0i64, 1, 2][..]));
    /// ```
    pub fn as_slice<T: Element>(&self) -> Option<&[T]> {
        if !is_c_contiguous(&self.shape, &self.strides) || self.strides.iter().any(|&s| s < 0) {
            return None;
        }
        let (ptr, _, _) = self.raw_parts::<T>();
        // SAFETY: contiguous, in bounds, kept alive by `self`.
        Some(unsafe { std::slice::from_raw_parts(ptr, self.size()) })
    }

    /// The elements in row-major order as a `Vec` (a copy).
    ///
    /// ```
    /// let a = arraylib::arange(4).reshape([2, 2]).t();
    /// assert_eq!(a.to_vec::<i64>(), vec![0, 2, 1, 3]);
    /// ```
    pub fn to_vec<T: Element>(&self) -> Vec<T> {
        let view = self.view::<T>();
        match view.as_slice() {
            Some(contiguous) => contiguous.to_vec(),
            None => view.iter().copied().collect(),
        }
    }

    /// An independent row-major copy (NumPy's `arr.copy()`).
    ///
    /// ```
    /// let a = arraylib::arange(3);
    /// let b = a.copy();
    /// b.view_mut::<i64>()[0] = 9;
    /// assert_eq!(a.to_vec::<i64>(), vec![0, 1, 2]);
    /// ```
    pub fn copy(&self) -> Array {
        // Strided sources (transposes) are copied tile by tile.
        crate::shape::contiguous_copy(self)
    }
}

impl<T: Element> From<Vec<T>> for Array {
    /// A 1-D array owning the vector's elements (no copy).
    fn from(v: Vec<T>) -> Array {
        let n = v.len();
        Array::from_vec(v, [n])
    }
}

impl<T: Element> From<&[T]> for Array {
    /// A 1-D array copying the slice.
    fn from(v: &[T]) -> Array {
        Array::from(v.to_vec())
    }
}

impl<T: Element, D: ndarray::Dimension> From<ndarray::Array<T, D>> for Array {
    /// Wraps an `ndarray` array without copying when it is row-major.
    fn from(a: ndarray::Array<T, D>) -> Array {
        Array::from_ndarray(a.into_dyn())
    }
}

impl AsRef<Array> for Array {
    fn as_ref(&self) -> &Array {
        self
    }
}

/// The shape of a new array of `len` elements: `dims` checked as NumPy's creation functions
/// check it, and NumPy's error when the sizes differ.
pub(crate) fn shape_for_elements(dims: Vec<isize>, len: usize) -> Result<Vec<usize>> {
    let shape = creation_shape(dims)?;
    let n: usize = shape.iter().product();
    if n != len {
        return Err(ArrayError::value(format!(
            "cannot reshape array of size {len} into shape {}",
            crate::error::compact_shape(&shape)
        )));
    }
    Ok(shape)
}

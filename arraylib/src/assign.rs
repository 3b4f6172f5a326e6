//! Assignment into existing arrays: NumPy's `a[...] = b`, with broadcasting of `b` and
//! conversion into the destination's dtype (NumPy's setitem casts unsafely: floats written into
//! an int array truncate).

use crate::array::{Array, is_c_contiguous};
use crate::dispatch;
use crate::dtype::{DType, Element};
use crate::error::{ArrayError, ErrorKind, OrPanic, Result, compact_shape};
use crate::operand::check_int_fits;
use crate::scalar::Scalar;

/// Copies `src` (same dtype and shape as `dst`, not overlapping it) into `dst`.
pub(crate) fn copy_same_dtype(dst: &Array, src: &Array) {
    if dst.size() == 0 {
        return;
    }
    if dst.dtype().is_str() {
        // The texts are copied out first, so an overlapping source is read before writing.
        crate::strings::write(dst, &crate::strings::texts(src)).or_panic();
        return;
    }
    dispatch!(dst.dtype(), T => copy_typed::<T>(dst, src))
}

fn copy_typed<T: Element>(dst: &Array, src: &Array) {
    if is_c_contiguous(&dst.shape, &dst.strides) && dst.strides.iter().all(|&s| s >= 0) {
        let buf = T::from_storage(&dst.storage).expect("dtype");
        // SAFETY: `dst` is a writeable row-major contiguous view of `size()` elements starting
        // at its offset; `src` does not overlap it (callers copy overlapping sources first).
        unsafe {
            let ptr = buf.ptr().add(dst.offset);
            crate::shape::copy_rowmajor_into::<T>(src, ptr);
        }
    } else {
        dst.view_mut::<T>().assign(&src.view::<T>());
    }
}

/// The source of an assignment made to match the destination: leading length-1 axes dropped,
/// broadcast to `shape`, converted to `dtype`, and copied if it overlaps the destination.
pub(crate) fn prepare_source(dst: &Array, src: &Array) -> Result<Array> {
    let err = || {
        ArrayError::value(format!(
            "could not broadcast input array from shape {} into shape {}",
            compact_shape(src.shape()),
            compact_shape(dst.shape())
        ))
    };
    let mut s = src.clone();
    if s.ndim() > dst.ndim() {
        let extra = s.ndim() - dst.ndim();
        if s.shape[..extra].iter().any(|&d| d != 1) {
            return Err(err());
        }
        s = s.view_with(
            s.offset,
            s.shape[extra..].to_vec(),
            s.strides[extra..].to_vec(),
        );
    }
    let s = s.broadcast_view(dst.shape()).map_err(|_| err())?;
    if dst.dtype().is_str() {
        // Written as text (numbers too, as NumPy does); copying reads it all first.
        return Ok(s);
    }
    if s.dtype() != dst.dtype() {
        // A converted copy never overlaps the destination.
        return Ok(s.astype(dst.dtype()));
    }
    if s.shares_memory(dst) {
        return Ok(crate::shape::contiguous_copy(&s));
    }
    Ok(s)
}

/// Checks a Python-like scalar written into an integer array as NumPy's setitem does: integers
/// must fit (`OverflowError: Python integer 300 out of bounds for int8`), floats are truncated
/// and must fit too, NaN and infinities cannot become integers. Other targets accept anything.
pub(crate) fn check_scalar_for(value: Scalar, dtype: DType) -> Result<()> {
    if !dtype.is_integer() {
        return Ok(());
    }
    match value {
        Scalar::Bool(_) => Ok(()),
        Scalar::Float32(_) | Scalar::Float64(_) => {
            let x = value.to_f64();
            if x.is_nan() {
                return Err(ArrayError::value("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(ArrayError::new(
                    ErrorKind::OverflowError,
                    "cannot convert float infinity to integer",
                ));
            }
            let t = x.trunc();
            if t.abs() >= 1.8e19 {
                return Err(ArrayError::new(
                    ErrorKind::OverflowError,
                    "Python int too large to convert to C long",
                ));
            }
            check_int_fits(t as i128, dtype)
        }
        Scalar::Complex64(_) | Scalar::Complex128(_) => Err(ArrayError::type_error(
            "int() argument must be a string, a bytes-like object or a real number, not 'complex'",
        )),
        Scalar::UInt64(v) => check_int_fits(v as i128, dtype),
        other => check_int_fits(other.to_i64() as i128, dtype),
    }
}

impl Array {
    /// `a[...] = b`: writes `src` into this array (usually a view made by [`Array::slice`]),
    /// broadcasting it to this shape and converting it to this dtype as NumPy does. Correct
    /// even when `src` overlaps the destination.
    ///
    /// Panics with NumPy's `ValueError` when the shapes do not broadcast.
    ///
    /// ```
    /// use arraylib::s;
    /// let a = arraylib::zeros([2, 3]);
    /// a.slice(s![.., 1..]).assign(&arraylib::ones([2, 2]));
    /// a.slice(s![0]).assign(&arraylib::arange(3)); // int64 written into float64
    /// assert_eq!(a.to_vec::<f64>(), vec![0.0, 1.0, 2.0, 0.0, 1.0, 1.0]);
    /// ```
    #[track_caller]
    pub fn assign(&self, src: &Array) {
        self.try_assign(src).or_panic()
    }

    /// Fallible form of [`Array::assign`].
    ///
    /// ```
    /// let e = arraylib::zeros(2).try_assign(&arraylib::zeros(3)).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: could not broadcast input array from shape (3,) into shape (2,)");
    /// ```
    pub fn try_assign(&self, src: &Array) -> Result<()> {
        if !self.writeable {
            return Err(ArrayError::value("assignment destination is read-only"));
        }
        let s = prepare_source(self, src)?;
        copy_same_dtype(self, &s);
        Ok(())
    }

    /// `a[...] = v` for a scalar `v`: every element set to `v` converted to this dtype.
    /// As in NumPy, a number that does not fit an integer array is an error (`OverflowError:
    /// Python integer 300 out of bounds for int8`) rather than wrapping; floats are truncated.
    ///
    /// ```
    /// use arraylib::s;
    /// let a = arraylib::zeros(4);
    /// a.slice(s![..;2]).assign_scalar(7);
    /// assert_eq!(a.to_vec::<f64>(), vec![7.0, 0.0, 7.0, 0.0]);
    /// ```
    #[track_caller]
    pub fn assign_scalar(&self, value: impl Into<Scalar>) {
        self.try_assign_scalar(value.into()).or_panic()
    }

    /// Fallible form of [`Array::assign_scalar`].
    ///
    /// ```
    /// let ro = arraylib::arange(3).broadcast_to([2, 3]);
    /// assert!(ro.try_assign_scalar(1.into()).is_err());
    /// let i8s = arraylib::zeros_dtype(2, arraylib::int8);
    /// let e = i8s.try_assign_scalar(300.into()).unwrap_err();
    /// assert_eq!(e.to_string(), "OverflowError: Python integer 300 out of bounds for int8");
    /// ```
    pub fn try_assign_scalar(&self, value: Scalar) -> Result<()> {
        if !self.writeable {
            return Err(ArrayError::value("assignment destination is read-only"));
        }
        check_scalar_for(value, self.dtype())?;
        self.fill(value);
        Ok(())
    }
}

/// `np.copyto(dst, src)`: writes `src` into `dst` with broadcasting (unsafe casting, as
/// `dst[...] = src` does).
///
/// ```
/// let dst = arraylib::zeros([2, 2]);
/// arraylib::copyto(&dst, &arraylib::arange(2));
/// assert_eq!(dst.to_vec::<f64>(), vec![0.0, 1.0, 0.0, 1.0]);
/// ```
#[track_caller]
pub fn copyto(dst: &Array, src: &Array) {
    dst.assign(src)
}

#[cfg(test)]
mod tests {
    use crate::{Array, s};

    #[test]
    fn overlapping_assignment() {
        let a = crate::arange(10);
        a.slice(s![1..]).assign(&a.slice(s![..9]));
        assert_eq!(a.to_vec::<i64>(), vec![0, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
        let b = crate::arange(10);
        b.slice(s![..9]).assign(&b.slice(s![1..]));
        assert_eq!(b.to_vec::<i64>(), vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 9]);
        let c = crate::arange(6);
        c.assign(&crate::flip(&c));
        assert_eq!(c.to_vec::<i64>(), vec![5, 4, 3, 2, 1, 0]);
        let m = crate::arange(9).reshape([3, 3]);
        m.assign(&m.t());
        assert_eq!(m.to_vec::<i64>(), vec![0, 3, 6, 1, 4, 7, 2, 5, 8]);
    }

    #[test]
    fn broadcasting_and_casting() {
        let a = crate::zeros([2, 3]);
        a.assign(&crate::zeros([1, 1, 3]).astype(crate::DType::Int32));
        let e = a.try_assign(&crate::zeros([2, 1, 3])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: could not broadcast input array from shape (2,1,3) into shape (2,3)"
        );
        let e = a.try_assign(&crate::zeros([2, 2])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: could not broadcast input array from shape (2,2) into shape (2,3)"
        );
        let i = crate::zeros(3).astype(crate::DType::Int64);
        i.assign(&Array::from(vec![1.7, -2.7, 3.5]));
        assert_eq!(i.to_vec::<i64>(), vec![1, -2, 3]);
        let col = crate::zeros([3, 2]);
        col.slice(s![.., 1]).assign(&crate::arange(3));
        assert_eq!(col.to_vec::<f64>(), vec![0.0, 0.0, 0.0, 1.0, 0.0, 2.0]);
        let ro = crate::arange(3).broadcast_to([2, 3]);
        assert_eq!(
            ro.try_assign(&crate::arange(3)).unwrap_err().to_string(),
            "ValueError: assignment destination is read-only"
        );
    }
}

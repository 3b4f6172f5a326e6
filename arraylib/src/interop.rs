//! Interop for Rust code: borrow an [`Array`] as typed `ndarray` views or slices without
//! copying, with the dtype checked, and copy its elements out.
//!
//! Going the other way, [`Array::from_vec`], [`Array::from_ndarray`] and `Array::from(...)`
//! take ownership of a `Vec` or an `ndarray` array without copying it.

use crate::array::{Array, is_c_contiguous};
use crate::dtype::Element;
use crate::error::{ArrayError, Result};
use ndarray::{ArrayViewD, ArrayViewMutD};

fn dtype_error<T: Element>(a: &Array) -> ArrayError {
    ArrayError::type_error(format!(
        "the array's dtype is {}, not {}",
        a.dtype(),
        T::DTYPE
    ))
}

impl Array {
    /// A typed `ndarray` view sharing this array's memory, or a `TypeError` if `T` is not the
    /// dtype (`view` panics instead).
    ///
    /// ```
    /// use arraylib as np;
    /// let a = np::arange(6.0).reshape([2, 3]);
    /// let v = a.view_as::<f64>().unwrap();
    /// assert_eq!(v[[1, 2]], 5.0);
    /// let e = a.view_as::<i32>().unwrap_err();
    /// assert_eq!(e.to_string(), "TypeError: the array's dtype is float64, not int32");
    /// ```
    pub fn view_as<T: Element>(&self) -> Result<ArrayViewD<'_, T>> {
        if self.dtype() != T::DTYPE {
            return Err(dtype_error::<T>(self));
        }
        Ok(self.view::<T>())
    }

    /// A typed, writable `ndarray` view of this array's memory: a `TypeError` if `T` is not
    /// the dtype, NumPy's `ValueError: assignment destination is read-only` for read-only
    /// arrays (broadcast views, read-only memory maps).
    ///
    /// ```
    /// use arraylib as np;
    /// let a = np::zeros(3);
    /// a.view_mut_as::<f64>().unwrap()[1] = 2.0;
    /// assert_eq!(a.to_vec::<f64>(), vec![0.0, 2.0, 0.0]);
    /// assert!(np::arange(3).broadcast_to([2, 3]).view_mut_as::<i64>().is_err());
    /// ```
    #[allow(clippy::mut_from_ref)]
    pub fn view_mut_as<T: Element>(&self) -> Result<ArrayViewMutD<'_, T>> {
        if self.dtype() != T::DTYPE {
            return Err(dtype_error::<T>(self));
        }
        if !self.writeable {
            return Err(ArrayError::value("assignment destination is read-only"));
        }
        Ok(self.view_mut::<T>())
    }

    /// The elements as a mutable slice when the array is row-major contiguous and writeable
    /// (`None` otherwise). Panics if `T` is not the dtype.
    ///
    /// The caller must not hold another view of the same memory while writing through it.
    ///
    /// ```
    /// let a = arraylib::zeros(3);
    /// a.as_slice_mut::<f64>().unwrap()[0] = 1.0;
    /// assert_eq!(a.to_vec::<f64>(), vec![1.0, 0.0, 0.0]);
    /// assert!(a.reshape([3, 1]).t().as_slice_mut::<f64>().is_some()); // (1, 3) is contiguous
    /// assert!(arraylib::zeros([2, 2]).t().as_slice_mut::<f64>().is_none());
    /// ```
    #[allow(clippy::mut_from_ref)]
    #[track_caller]
    pub fn as_slice_mut<T: Element>(&self) -> Option<&mut [T]> {
        if self.dtype() != T::DTYPE {
            std::panic::panic_any(dtype_error::<T>(self).to_string());
        }
        if !self.writeable
            || !is_c_contiguous(&self.shape, &self.strides)
            || self.strides.iter().any(|&s| s < 0)
        {
            return None;
        }
        let mut v = self.view_mut::<T>();
        let ptr = v.as_mut_ptr();
        // SAFETY: contiguous, in bounds, kept alive by `self`; the buffer is interior-mutable.
        Some(unsafe { std::slice::from_raw_parts_mut(ptr, self.size()) })
    }

    /// The elements in row-major order as a `Vec` (a copy), or a `TypeError` if `T` is not the
    /// dtype.
    ///
    /// ```
    /// let a = arraylib::arange(3);
    /// assert_eq!(a.try_to_vec::<i64>().unwrap(), vec![0, 1, 2]);
    /// assert!(a.try_to_vec::<f64>().is_err());
    /// ```
    pub fn try_to_vec<T: Element>(&self) -> Result<Vec<T>> {
        if self.dtype() != T::DTYPE {
            return Err(dtype_error::<T>(self));
        }
        Ok(self.to_vec::<T>())
    }
}

#[cfg(test)]
mod tests {
    use crate as np;

    #[test]
    fn views_share_memory() {
        let a = np::zeros([2, 3]);
        {
            let mut v = a.view_mut_as::<f64>().unwrap();
            v[[1, 1]] = 7.0;
        }
        assert_eq!(a.get([1, 1]).to_f64(), 7.0);
        let t = a.t();
        let v = t.view_as::<f64>().unwrap();
        assert_eq!(v.shape(), &[3, 2]);
        assert_eq!(v[[1, 1]], 7.0);
        // Reversed views are seen in NumPy's order.
        let r = a.slice(np::s![.., ..;-1]);
        assert_eq!(r.view_as::<f64>().unwrap()[[1, 1]], 7.0);
        assert!(r.as_slice_mut::<f64>().is_none());
    }

    #[test]
    fn from_vec_and_ndarray_do_not_copy() {
        let v = vec![1.0f32, 2.0, 3.0, 4.0];
        let ptr = v.as_ptr();
        let a = np::Array::from_vec(v, [2, 2]);
        assert_eq!(a.as_slice::<f32>().unwrap().as_ptr(), ptr);
        let nd = ndarray::Array2::<i32>::zeros((2, 3));
        let ptr = nd.as_ptr();
        let b = np::Array::from(nd);
        assert_eq!(b.as_slice::<i32>().unwrap().as_ptr(), ptr);
        assert_eq!(b.shape(), &[2, 3]);
    }
}

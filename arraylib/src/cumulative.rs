//! Cumulative reductions: `cumsum` and `cumprod`, over the flattened array or along an axis,
//! in the dtype `sum`/`prod` use (int64 for bool and signed integers, uint64 for unsigned).

use crate::array::Array;
use crate::casting::CastTo;
use crate::error::{OrPanic, Result};
use crate::reductions::{Acc, as_1d_if_0d, dispatch_sum, single_axis};
use crate::shape_arg::IntoAxes;
use std::borrow::Cow;

/// Running sums (`is_prod` false) or products along one axis, or over the flattened array.
fn cum_impl(a: &Array, axis: Option<usize>, is_prod: bool) -> Array {
    let d = a.dtype();
    if d.is_str() {
        crate::strings::reject(if is_prod {
            crate::strings::no_loop_reduce("multiply", a)
        } else {
            crate::strings::no_reduce(a, true)
        });
    }
    let size = a.size();
    let (shape, n, inner) = match axis {
        None => (vec![size], size, 1),
        Some(ax) => {
            let s = a.shape();
            (s.to_vec(), s[ax], s[ax + 1..].iter().product::<usize>())
        }
    };
    dispatch_sum!(d, T, A => {
        let data: Cow<'_, [T]> = match a.as_slice::<T>() {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(a.to_vec::<T>()),
        };
        let op = |acc: A, x: T| -> A {
            let x: A = x.cast();
            if is_prod { acc.mul(x) } else { acc.add(x) }
        };
        let start = if is_prod { A::ONE } else { A::ZERO };
        let mut out: Vec<A> = Vec::with_capacity(size);
        if size > 0 {
            if inner == 1 {
                for src in data.chunks_exact(n) {
                    let mut acc = start;
                    out.extend(src.iter().map(|&x| {
                        acc = op(acc, x);
                        acc
                    }));
                }
            } else {
                for src in data.chunks_exact(n * inner) {
                    let base = out.len();
                    out.extend(src[..inner].iter().map(|&x| op(start, x)));
                    for k in 1..n {
                        let prev = base + (k - 1) * inner;
                        for (j, &x) in src[k * inner..(k + 1) * inner].iter().enumerate() {
                            let v = op(out[prev + j], x);
                            out.push(v);
                        }
                    }
                    crate::interrupt::check();
                }
            }
        }
        Array::from_vec(out, shape)
    })
}

fn cum_axis(a: &Array, axis: Vec<isize>, is_prod: bool) -> Result<Array> {
    let a = as_1d_if_0d(a);
    let ax = single_axis(&axis, a.ndim())?;
    Ok(cum_impl(&a, Some(ax), is_prod))
}

impl Array {
    /// Running sum of the flattened array (`a.cumsum()`), a 1-D array; bool and signed
    /// integers accumulate in int64, unsigned integers in uint64.
    ///
    /// ```
    /// let a = arraylib::arange((1, 5));
    /// assert_eq!(a.cumsum().to_vec::<i64>(), vec![1, 3, 6, 10]);
    /// ```
    pub fn cumsum(&self) -> Array {
        cum_impl(self, None, false)
    }

    /// Running sum along one axis (`a.cumsum(axis=...)`), same shape as the array.
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert_eq!(a.cumsum_axis(1).to_vec::<i64>(), vec![0, 1, 3, 3, 7, 12]);
    /// assert_eq!(a.cumsum_axis(0).to_vec::<i64>(), vec![0, 1, 2, 3, 5, 7]);
    /// ```
    #[track_caller]
    pub fn cumsum_axis(&self, axis: impl IntoAxes) -> Array {
        self.try_cumsum_axis(axis).or_panic()
    }

    /// Fallible form of [`Array::cumsum_axis`] (`AxisError` for a bad axis).
    ///
    /// ```
    /// assert!(arraylib::arange(3).try_cumsum_axis(1).is_err());
    /// ```
    pub fn try_cumsum_axis(&self, axis: impl IntoAxes) -> Result<Array> {
        cum_axis(self, axis.into_axes(), false)
    }

    /// Running product of the flattened array (`a.cumprod()`), a 1-D array.
    ///
    /// ```
    /// let a = arraylib::arange((1, 5));
    /// assert_eq!(a.cumprod().to_vec::<i64>(), vec![1, 2, 6, 24]);
    /// ```
    pub fn cumprod(&self) -> Array {
        cum_impl(self, None, true)
    }

    /// Running product along one axis (`a.cumprod(axis=...)`).
    ///
    /// ```
    /// let a = arraylib::arange((1, 7)).reshape([2, 3]);
    /// assert_eq!(a.cumprod_axis(0).to_vec::<i64>(), vec![1, 2, 3, 4, 10, 18]);
    /// ```
    #[track_caller]
    pub fn cumprod_axis(&self, axis: impl IntoAxes) -> Array {
        self.try_cumprod_axis(axis).or_panic()
    }

    /// Fallible form of [`Array::cumprod_axis`].
    ///
    /// ```
    /// assert!(arraylib::arange(3).try_cumprod_axis(-2).is_err());
    /// ```
    pub fn try_cumprod_axis(&self, axis: impl IntoAxes) -> Result<Array> {
        cum_axis(self, axis.into_axes(), true)
    }
}

/// `np.cumsum(a)`: running sum of the flattened array. See [`Array::cumsum`].
///
/// ```
/// assert_eq!(arraylib::cumsum(arraylib::ones(3)).to_vec::<f64>(), vec![1.0, 2.0, 3.0]);
/// ```
pub fn cumsum(a: impl AsRef<Array>) -> Array {
    a.as_ref().cumsum()
}

/// `np.cumsum(a, axis=...)`. See [`Array::cumsum_axis`].
///
/// ```
/// let a = arraylib::ones([2, 2]);
/// assert_eq!(arraylib::cumsum_axis(&a, 0).to_vec::<f64>(), vec![1.0, 1.0, 2.0, 2.0]);
/// ```
#[track_caller]
pub fn cumsum_axis(a: impl AsRef<Array>, axis: impl IntoAxes) -> Array {
    a.as_ref().cumsum_axis(axis)
}

/// `np.cumprod(a)`: running product of the flattened array. See [`Array::cumprod`].
///
/// ```
/// let a = arraylib::Array::from(vec![2.0, 3.0]);
/// assert_eq!(arraylib::cumprod(&a).to_vec::<f64>(), vec![2.0, 6.0]);
/// ```
pub fn cumprod(a: impl AsRef<Array>) -> Array {
    a.as_ref().cumprod()
}

/// `np.cumprod(a, axis=...)`. See [`Array::cumprod_axis`].
///
/// ```
/// let a = arraylib::full([2, 2], 2.0);
/// assert_eq!(arraylib::cumprod_axis(&a, 1).to_vec::<f64>(), vec![2.0, 4.0, 2.0, 4.0]);
/// ```
#[track_caller]
pub fn cumprod_axis(a: impl AsRef<Array>, axis: impl IntoAxes) -> Array {
    a.as_ref().cumprod_axis(axis)
}

#[cfg(test)]
mod tests {
    use crate::{Array, DType, arange, s};

    #[test]
    fn cumulative_sums() {
        let a = arange(24).reshape([2, 3, 4]);
        let c = a.cumsum_axis(1);
        assert_eq!(c.shape(), &[2, 3, 4]);
        assert_eq!(c.slice(s![1, .., 0]).to_vec::<i64>(), vec![12, 28, 48]);
        assert_eq!(a.cumsum().shape(), &[24]);
        assert_eq!(a.t().cumsum().to_vec::<i64>()[..3], [0, 12, 16]);
        let u = Array::from(vec![200u8, 100]);
        assert_eq!(u.cumsum().dtype(), DType::UInt64);
        assert_eq!(u.cumsum().to_vec::<u64>(), vec![200, 300]);
        let f = Array::from(vec![1.0, f64::NAN, 2.0]);
        let cf = f.cumsum().to_vec::<f64>();
        assert_eq!(cf[0], 1.0);
        assert!(cf[1].is_nan() && cf[2].is_nan());
        assert_eq!(crate::zeros([0, 3]).cumsum_axis(0).shape(), &[0, 3]);
        assert_eq!(
            a.try_cumprod_axis(3).unwrap_err().to_string(),
            "AxisError: axis 3 is out of bounds for array of dimension 3"
        );
    }
}

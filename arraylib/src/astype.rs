//! `astype`: a converted copy of an array, with NumPy's (unsafe) casting semantics.
//!
//! Floats convert to integers by truncating toward zero. Values a float cannot represent in
//! the target integer type (NaN, infinities, out-of-range values) give what NumPy gives on
//! x86-64 for the signed types and the small unsigned ones (for example `NaN` becomes
//! `-9223372036854775808` in int64 and `0` in int8, and `300.0` becomes `44` in int8).

use crate::array::Array;
use crate::casting::CastTo;
use crate::dispatch;
use crate::dtype::{DType, Element};
use crate::error::{OrPanic, Result};
use crate::storage::Buffer;

/// C's `(int32)x` on x86-64: out-of-range and NaN give `i32::MIN`.
#[inline(always)]
fn f64_to_i32_x86(x: f64) -> i32 {
    if x > -2147483649.0 && x < 2147483648.0 {
        x as i32
    } else {
        i32::MIN
    }
}

/// C's `(int64)x` on x86-64: out-of-range and NaN give `i64::MIN`.
#[inline(always)]
fn f64_to_i64_x86(x: f64) -> i64 {
    if (-9223372036854775808.0..9223372036854775808.0).contains(&x) {
        x as i64
    } else {
        i64::MIN
    }
}

/// NumPy's float to uint64 on x86-64: negative values wrap through int64, values past the
/// range give 0, NaN gives 2**63.
#[inline(always)]
fn f64_to_u64_x86(x: f64) -> u64 {
    if x >= 9223372036854775808.0 {
        if x < 18446744073709551616.0 {
            x as u64
        } else {
            0
        }
    } else {
        f64_to_i64_x86(x) as u64
    }
}

/// Converts every element of `a` (any layout) into a new row-major array of `dtype`.
#[track_caller]
pub(crate) fn cast_copy(a: &Array, dtype: DType) -> Array {
    try_cast_copy(a, dtype).or_panic()
}

/// [`cast_copy`], with the errors of parsing strings as numbers.
fn try_cast_copy(a: &Array, dtype: DType) -> Result<Array> {
    if a.dtype().is_str() || dtype.is_str() {
        return crate::strings::astype(a, dtype);
    }
    Ok(cast_number(a, dtype))
}

/// [`cast_copy`] between number dtypes.
fn cast_number(a: &Array, dtype: DType) -> Array {
    let shape = a.shape().to_vec();
    let src = a.dtype();
    if src.is_float() && dtype.is_integer() {
        // 0: through int32 (small types); 1: through int64; 2: uint64.
        let mode = match dtype {
            DType::Int8 | DType::Int16 | DType::Int32 | DType::UInt8 | DType::UInt16 => 0,
            DType::Int64 | DType::UInt32 => 1,
            _ => 2,
        };
        return crate::dispatch_float!(src, S => {
            dispatch!(dtype, [Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64], D => {
                let f = |x: S| -> D {
                    let x: f64 = x.cast();
                    match mode {
                        0 => CastTo::<D>::cast(f64_to_i32_x86(x)),
                        1 => CastTo::<D>::cast(f64_to_i64_x86(x)),
                        _ => CastTo::<D>::cast(f64_to_u64_x86(x)),
                    }
                };
                map_elements::<S, D>(a, shape, f)
            }, _ => unreachable!())
        }, _ => unreachable!());
    }
    dispatch!(src, S => {
        dispatch!(dtype, D => {
            map_elements::<S, D>(a, shape, |x: S| -> D { x.cast() })
        })
    })
}

/// Applies `f` to each element in row-major order into a new array.
fn map_elements<S: Element, D: Element>(a: &Array, shape: Vec<usize>, f: impl Fn(S) -> D) -> Array {
    let data: Vec<D> = match a.as_slice::<S>() {
        Some(s) => s.iter().map(|&x| f(x)).collect(),
        None => a.view::<S>().iter().map(|&x| f(x)).collect(),
    };
    Array::from_storage_c(D::into_storage(Buffer::new(data, shape.clone())), shape)
}

impl Array {
    /// `arr.astype(dtype)`: a new array (always a copy) with the elements converted to `dtype`
    /// as NumPy converts them: floats truncate toward zero into integers, integers wrap into
    /// narrower ones, anything becomes `bool` as `x != 0`, complex becomes real by dropping the
    /// imaginary part.
    ///
    /// ```
    /// use arraylib as np;
    /// let a = np::Array::from(vec![1.7, -2.7, 3.0]);
    /// let b = a.astype(np::int32);
    /// assert_eq!(b.dtype(), np::int32);
    /// assert_eq!(b.to_vec::<i32>(), vec![1, -2, 3]);
    /// assert_eq!(np::arange(3).astype(np::float32).dtype(), np::float32);
    /// ```
    #[track_caller]
    pub fn astype(&self, dtype: DType) -> Array {
        cast_copy(self, dtype)
    }

    /// Fallible form of [`Array::astype`]: converting strings that are not numbers is NumPy's
    /// `ValueError` (`could not convert string to float: np.str_('x')`).
    ///
    /// ```
    /// use arraylib as np;
    /// assert_eq!(np::array!["1", "22"].try_astype(np::int64).unwrap().to_vec::<i64>(), vec![1, 22]);
    /// assert!(np::array!["x"].try_astype(np::float64).is_err());
    /// ```
    pub fn try_astype(&self, dtype: DType) -> Result<Array> {
        try_cast_copy(self, dtype)
    }
}

/// `np.astype(a, dtype)`: see [`Array::astype`].
///
/// ```
/// use arraylib as np;
/// let b = np::astype(np::arange(3), np::bool_);
/// assert_eq!(b.to_vec::<bool>(), vec![false, true, true]);
/// ```
#[track_caller]
pub fn astype(a: impl AsRef<Array>, dtype: DType) -> Array {
    cast_copy(a.as_ref(), dtype)
}

#[cfg(test)]
mod tests {
    use crate::{Array, DType, s};

    #[test]
    fn float_to_int_edge_values() {
        let a = Array::from(vec![300.0, -1.0, 1e10, f64::NAN, -129.5, 255.9, 256.0]);
        assert_eq!(
            a.astype(DType::Int8).to_vec::<i8>(),
            vec![44, -1, 0, 0, 127, -1, 0]
        );
        assert_eq!(
            a.astype(DType::UInt8).to_vec::<u8>(),
            vec![44, 255, 0, 0, 127, 255, 0]
        );
        let b = Array::from(vec![300.0, -1.0, 1e10, f64::NAN, 1e20, -1e20, 5e9]);
        assert_eq!(
            b.astype(DType::Int32).to_vec::<i32>(),
            vec![300, -1, i32::MIN, i32::MIN, i32::MIN, i32::MIN, i32::MIN]
        );
        let c = Array::from(vec![300.0, f64::NAN, f64::INFINITY, -1e20]);
        assert_eq!(
            c.astype(DType::Int64).to_vec::<i64>(),
            vec![300, i64::MIN, i64::MIN, i64::MIN]
        );
        let u = Array::from(vec![-2.7, -1.0, 1.9, 1e19, 2e19, f64::NAN]);
        assert_eq!(
            u.astype(DType::UInt64).to_vec::<u64>(),
            vec![
                u64::MAX - 1,
                u64::MAX,
                1,
                10_000_000_000_000_000_000,
                0,
                1 << 63
            ]
        );
        assert_eq!(
            u.astype(DType::UInt32).to_vec::<u32>()[..3],
            [u32::MAX - 1, u32::MAX, 1]
        );
        let d = Array::from(vec![70000.0f32, -1.0]);
        assert_eq!(d.astype(DType::UInt16).to_vec::<u16>(), vec![4464, 65535]);
    }

    #[test]
    fn astype_views_and_kinds() {
        let a = crate::arange(12).reshape([3, 4]);
        let t = a.t().astype(DType::Float32);
        assert_eq!(t.shape(), &[4, 3]);
        assert_eq!(t.get([1, 0]).to_f64(), 1.0);
        let r = a.slice(s![..;-1, 1]).astype(DType::Bool);
        assert_eq!(r.to_vec::<bool>(), vec![true, true, true]);
        let same = a.astype(DType::Int64);
        assert!(!same.shares_memory(&a));
        let z = crate::zeros([0, 3]).astype(DType::Int8);
        assert_eq!(z.shape(), &[0, 3]);
        let c = Array::from(vec![crate::Complex128::new(1.5, 2.0)]).astype(DType::Float64);
        assert_eq!(c.to_vec::<f64>(), vec![1.5]);
        let u = Array::from(vec![-1i64, 300, 70000]).astype(DType::UInt8);
        assert_eq!(u.to_vec::<u8>(), vec![255, 44, 112]);
    }
}

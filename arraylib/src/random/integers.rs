//! Arrays of bounded random integers of any integer dtype (`randint`, `integers`): the bounds
//! are checked as NumPy checks them, then one unsigned kernel per width fills the array.

use super::bounded::{self, BitGen, Method};
use crate::{Array, ArrayError, DType, Result};

/// The values a dtype can hold, `[lb, ub]`.
fn dtype_bounds(dtype: DType) -> Option<(i128, i128)> {
    Some(match dtype {
        DType::Bool => (0, 1),
        DType::Int8 => (i8::MIN as i128, i8::MAX as i128),
        DType::Int16 => (i16::MIN as i128, i16::MAX as i128),
        DType::Int32 => (i32::MIN as i128, i32::MAX as i128),
        DType::Int64 => (i64::MIN as i128, i64::MAX as i128),
        DType::UInt8 => (0, u8::MAX as i128),
        DType::UInt16 => (0, u16::MAX as i128),
        DType::UInt32 => (0, u32::MAX as i128),
        DType::UInt64 => (0, u64::MAX as i128),
        _ => return None,
    })
}

/// Integers in `[low, high)` of `dtype`, shaped by `size` (a 0-d array for `None`).
/// `caller` names the function in the unsupported-dtype error.
pub(crate) fn bounded_array<G: BitGen>(
    g: &mut G,
    low: i128,
    high: i128,
    size: Option<Vec<isize>>,
    dtype: DType,
    method: Method,
    caller: &str,
) -> Result<Array> {
    let Some((lb, ub)) = dtype_bounds(dtype) else {
        return Err(ArrayError::type_error(format!(
            "Unsupported dtype dtype('{}') for {caller}",
            dtype
        )));
    };
    // NumPy returns an empty array before looking at the bounds.
    if let Some(dims) = &size
        && dims.contains(&0)
    {
        let shape = crate::shape_arg::creation_shape(dims.clone())?;
        return Ok(crate::zeros_dtype(shape, dtype));
    }
    let (shape, _) = super::size::resolve(size)?;
    let high = high - 1;
    if low < lb {
        return Err(ArrayError::value(format!(
            "low is out of bounds for {dtype}"
        )));
    }
    if high > ub {
        return Err(ArrayError::value(format!(
            "high is out of bounds for {dtype}"
        )));
    }
    if low > high {
        return Err(ArrayError::value("low >= high"));
    }
    let n: usize = shape.iter().product();
    let rng = (high - low) as u128 as u64;
    let off = low as u64;
    Ok(match dtype {
        DType::Bool => {
            let mut v = vec![false; n];
            bounded::fill_bool(g, off != 0, rng != 0, &mut v);
            Array::from_vec(v, shape)
        }
        DType::Int8 | DType::UInt8 => {
            let mut v = vec![0u8; n];
            bounded::fill_u8(g, off as u8, rng as u8, method, &mut v);
            if dtype == DType::Int8 {
                Array::from_vec(v.into_iter().map(|x| x as i8).collect::<Vec<_>>(), shape)
            } else {
                Array::from_vec(v, shape)
            }
        }
        DType::Int16 | DType::UInt16 => {
            let mut v = vec![0u16; n];
            bounded::fill_u16(g, off as u16, rng as u16, method, &mut v);
            if dtype == DType::Int16 {
                Array::from_vec(v.into_iter().map(|x| x as i16).collect::<Vec<_>>(), shape)
            } else {
                Array::from_vec(v, shape)
            }
        }
        DType::Int32 | DType::UInt32 => {
            let mut v = vec![0u32; n];
            bounded::fill_u32(g, off as u32, rng as u32, method, &mut v);
            if dtype == DType::Int32 {
                Array::from_vec(v.into_iter().map(|x| x as i32).collect::<Vec<_>>(), shape)
            } else {
                Array::from_vec(v, shape)
            }
        }
        _ => {
            let mut v = vec![0u64; n];
            bounded::fill_u64(g, off, rng, method, &mut v);
            if dtype == DType::Int64 {
                Array::from_vec(v.into_iter().map(|x| x as i64).collect::<Vec<_>>(), shape)
            } else {
                Array::from_vec(v, shape)
            }
        }
    })
}

/// An integer bound of `randint` / `integers`: any Rust integer.
///
/// ```
/// use arraylib as np;
/// let n: usize = 10;
/// let x = np::random::RandomState::new(0).randint(0, n, 5);
/// assert_eq!(x.dtype(), np::int64);
/// ```
pub trait IntBound: Copy {
    /// The bound as `i128`, wide enough for every dtype's range.
    #[doc(hidden)]
    fn to_i128(self) -> i128;
}

macro_rules! int_bound {
    ($($t:ty),*) => {$(
        impl IntBound for $t {
            fn to_i128(self) -> i128 { self as i128 }
        }
    )*};
}
int_bound!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, usize);

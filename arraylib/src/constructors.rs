//! Functions that make new arrays: `zeros`, `ones`, `full`, `empty`, `arange`, `linspace`, ...

use crate::array::Array;
use crate::casting::CastTo;
use crate::dispatch;
use crate::dtype::{DType, Element};
use crate::error::{ArrayError, OrPanic, Result};
use crate::scalar::{Scalar, scalar_value};
use crate::shape_arg::{IntoShape, creation_shape};
use crate::storage::Buffer;

/// A new row-major array of `dtype` with every element set to `value`.
pub(crate) fn try_full_dtype(shape: impl IntoShape, value: Scalar, dtype: DType) -> Result<Array> {
    try_full_dims(shape.into_dims(), value, dtype)
}

/// [`try_full_dtype`] with the shape as dimensions: not generic, so it is compiled once here,
/// not in every caller.
pub(crate) fn try_full_dims(dims: Vec<isize>, value: Scalar, dtype: DType) -> Result<Array> {
    let shape = creation_shape(dims)?;
    let n = shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| ArrayError::value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."))?;
    let bytes = n.saturating_mul(dtype.itemsize());
    if bytes > isize::MAX as usize {
        return Err(ArrayError::value(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        ));
    }
    if let DType::Str(w) = dtype {
        // NumPy's zeros of strings are empty strings, its ones `'1'`, other values their text.
        let text = match value {
            Scalar::Bool(false) => String::new(),
            Scalar::Bool(true) => "1".to_string(),
            v => v.to_string(),
        };
        let w = if w == 0 {
            crate::strings::char_len(&text).max(1)
        } else {
            w
        };
        return Ok(crate::strings::filled(shape, w, &text));
    }
    Ok(dispatch!(dtype, T => {
        let v: T = scalar_value!(value, x => CastTo::<T>::cast(x));
        let mut data: Vec<T> = Vec::new();
        if data.try_reserve_exact(n).is_err() {
            return Err(ArrayError::new(
                crate::ErrorKind::MemoryError,
                format!(
                    "Unable to allocate {} for an array with shape {} and data type {}",
                    crate::print::human_bytes(bytes),
                    crate::print::shape_repr(&shape),
                    dtype
                ),
            ));
        }
        crate::operand::advise_huge_vec(&mut data);
        data.resize(n, v);
        Array::from_storage_c(T::into_storage(Buffer::new(data, shape.clone())), shape)
    }))
}

/// `np.zeros(shape)`: float64 zeros.
///
/// ```
/// let a = arraylib::zeros([3, 4]);
/// assert_eq!(a.shape(), &[3, 4]);
/// assert_eq!(a.dtype(), arraylib::DType::Float64);
/// ```
#[track_caller]
pub fn zeros(shape: impl IntoShape) -> Array {
    try_full_dims(shape.into_dims(), Scalar::Float64(0.0), DType::Float64).or_panic()
}

/// `np.ones(shape)`: float64 ones.
///
/// ```
/// assert_eq!(arraylib::ones(3).to_vec::<f64>(), vec![1.0, 1.0, 1.0]);
/// ```
#[track_caller]
pub fn ones(shape: impl IntoShape) -> Array {
    try_full_dims(shape.into_dims(), Scalar::Float64(1.0), DType::Float64).or_panic()
}

/// A value [`full`] fills an array with: a number or bool (anything that converts to a
/// [`Scalar`]), or a string, which gives a Unicode string array as in NumPy.
pub trait FillValue {
    /// The value as a 0-d array of its dtype.
    ///
    /// ```
    /// use arraylib::constructors::FillValue;
    /// assert_eq!(FillValue::into_fill("ab").dtype().to_string(), "<U2");
    /// ```
    fn into_fill(self) -> Array;
}

impl<T: Into<Scalar>> FillValue for T {
    fn into_fill(self) -> Array {
        let value: Scalar = self.into();
        // Rust's default integer literal is i32; NumPy's default integer is int64.
        let dtype = match value.dtype() {
            DType::Int32 => DType::Int64,
            d => d,
        };
        value.to_array().astype(dtype)
    }
}

impl FillValue for &str {
    fn into_fill(self) -> Array {
        crate::array(vec![self]).reshape(Vec::<isize>::new())
    }
}

impl FillValue for String {
    fn into_fill(self) -> Array {
        self.as_str().into_fill()
    }
}

/// `np.full(shape, value)`: the dtype is the value's (`f64` gives float64, `i64` int64, `bool`
/// bool, a string `<U` of its length; an unsuffixed integer literal is `i32` in Rust, so
/// `full(3, 7)` is int64 as in NumPy).
///
/// ```
/// let a = arraylib::full([2, 2], 7);
/// assert_eq!(a.dtype(), arraylib::DType::Int64);
/// assert_eq!(arraylib::full(2, 0.5).to_vec::<f64>(), vec![0.5, 0.5]);
/// assert_eq!(format!("{}", arraylib::full(2, "ab")), "['ab' 'ab']");
/// ```
#[track_caller]
pub fn full(shape: impl IntoShape, value: impl FillValue) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    #[track_caller]
    fn inner(dims: Vec<isize>, value: Array) -> Array {
        if value.dtype().is_str() {
            let shape = crate::shape_arg::creation_shape(dims).or_panic();
            return value.broadcast_to(shape).copy();
        }
        try_full_dims(dims, value.get(Vec::<isize>::new()), value.dtype()).or_panic()
    }
    inner(shape.into_dims(), value.into_fill())
}

/// `np.zeros(shape, dtype=...)` and friends: an array of `dtype` filled with `value`.
///
/// ```
/// let a = arraylib::full_dtype([2], 1, arraylib::DType::UInt8);
/// assert_eq!(a.dtype(), arraylib::DType::UInt8);
/// ```
#[track_caller]
pub fn full_dtype(shape: impl IntoShape, value: impl Into<Scalar>, dtype: DType) -> Array {
    try_full_dims(shape.into_dims(), value.into(), dtype).or_panic()
}

/// `np.empty(shape)`: arraylib fills it with zeros (never uninitialized memory).
///
/// ```
/// assert_eq!(arraylib::empty(2).shape(), &[2]);
/// ```
#[track_caller]
pub fn empty(shape: impl IntoShape) -> Array {
    zeros(shape)
}

/// The arguments `np.arange` accepts: `stop`, `(start, stop)` or `(start, stop, step)`.
/// Integers give int64, any float gives float64.
pub trait ArangeArgs {
    /// `(start, stop, step)` and whether the result is float.
    fn into_parts(self) -> (f64, f64, f64, bool);
}

macro_rules! arange_impls {
    ($is_float:expr => $($t:ty),*) => {$(
        impl ArangeArgs for $t {
            fn into_parts(self) -> (f64, f64, f64, bool) { (0.0, self as f64, 1.0, $is_float) }
        }
        impl ArangeArgs for ($t, $t) {
            fn into_parts(self) -> (f64, f64, f64, bool) { (self.0 as f64, self.1 as f64, 1.0, $is_float) }
        }
        impl ArangeArgs for ($t, $t, $t) {
            fn into_parts(self) -> (f64, f64, f64, bool) {
                (self.0 as f64, self.1 as f64, self.2 as f64, $is_float)
            }
        }
    )*};
}
arange_impls!(false => i32, i64, isize, usize, u32);
arange_impls!(true => f32, f64);

/// `np.arange`: evenly spaced values in `[start, stop)`; `arange(12)`, `arange((2, 10))`,
/// `arange((0, 10, 2))`, `arange((0.0, 1.0, 0.25))`. The length is `ceil((stop - start) / step)`
/// as in NumPy.
///
/// ```
/// assert_eq!(arraylib::arange((0, 10, 2)).to_vec::<i64>(), vec![0, 2, 4, 6, 8]);
/// assert_eq!(arraylib::arange((0.0, 1.0, 0.25)).to_vec::<f64>(), vec![0.0, 0.25, 0.5, 0.75]);
/// ```
#[track_caller]
pub fn arange(args: impl ArangeArgs) -> Array {
    try_arange(args).or_panic()
}

/// Fallible form of [`arange`].
///
/// ```
/// assert!(arraylib::try_arange((0, 10, 0)).is_err());
/// ```
pub fn try_arange(args: impl ArangeArgs) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(start: f64, stop: f64, step: f64, is_float: bool) -> Result<Array> {
        if step == 0.0 {
            let msg = if is_float {
                "float division by zero"
            } else {
                "division by zero"
            };
            return Err(ArrayError::new(crate::ErrorKind::ZeroDivisionError, msg));
        }
        let len = ((stop - start) / step).ceil();
        let n = if len.is_finite() && len > 0.0 {
            len as usize
        } else {
            0
        };
        if is_float {
            // NumPy computes start + i*step (via the first two values) rather than accumulating.
            Ok(Array::from(
                (0..n)
                    .map(|i| start + i as f64 * step)
                    .collect::<Vec<f64>>(),
            ))
        } else {
            let (s, st) = (start as i64, step as i64);
            Ok(Array::from(
                (0..n as i64).map(|i| s + i * st).collect::<Vec<i64>>(),
            ))
        }
    }
    let (start, stop, step, is_float) = args.into_parts();
    inner(start, stop, step, is_float)
}

/// `np.linspace(start, stop, num)`: `num` evenly spaced float64 values, the last exactly `stop`.
///
/// ```
/// let a = arraylib::linspace(0, 1, 5);
/// assert_eq!(a.to_vec::<f64>(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
/// ```
#[track_caller]
pub fn linspace(start: impl Into<f64>, stop: impl Into<f64>, num: usize) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(start: f64, stop: f64, num: usize) -> Array {
        let div = num.saturating_sub(1);
        let delta = stop - start;
        let step = if div > 0 {
            delta / div as f64
        } else {
            f64::NAN
        };
        let mut data: Vec<f64> = (0..num)
            .map(|i| {
                if div > 0 && step != 0.0 {
                    start + i as f64 * step
                } else if div > 0 {
                    start + (i as f64 / div as f64) * delta
                } else {
                    start + i as f64 * delta
                }
            })
            .collect();
        if num > 1 {
            data[num - 1] = stop;
        }
        Array::from(data)
    }
    let (start, stop) = (start.into(), stop.into());
    inner(start, stop, num)
}

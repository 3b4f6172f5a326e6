//! NumPy scalars: the dynamic single values that element access and full reductions return.
//!
//! `Display` prints like NumPy's `str` (`2.5`), `Debug` like its repr (`np.float64(2.5)`).

use crate::casting::CastTo;
use crate::dispatch;
use crate::dtype::{Complex64, Complex128, DType};

/// One value with a dtype, like `np.float64(2.5)` or `np.True_`.
///
/// ```
/// let s = arraylib::Scalar::from(2.5);
/// assert_eq!(s.dtype(), arraylib::DType::Float64);
/// assert_eq!(s.to_f64(), 2.5);
/// ```
#[derive(Clone, Copy, PartialEq)]
pub enum Scalar {
    /// `np.bool`
    Bool(bool),
    /// `np.int8`
    Int8(i8),
    /// `np.int16`
    Int16(i16),
    /// `np.int32`
    Int32(i32),
    /// `np.int64`
    Int64(i64),
    /// `np.uint8`
    UInt8(u8),
    /// `np.uint16`
    UInt16(u16),
    /// `np.uint32`
    UInt32(u32),
    /// `np.uint64`
    UInt64(u64),
    /// `np.float32`
    Float32(f32),
    /// `np.float64`
    Float64(f64),
    /// `np.complex64`
    Complex64(Complex64),
    /// `np.complex128`
    Complex128(Complex128),
}

/// Converts element values into and out of [`Scalar`].
#[doc(hidden)]
pub trait ScalarElement: crate::Element {
    fn into_scalar(self) -> Scalar;
}

macro_rules! scalar_impls {
    ($($t:ty => $v:ident),*) => {$(
        impl From<$t> for Scalar {
            fn from(x: $t) -> Scalar { Scalar::$v(x) }
        }
        impl ScalarElement for $t {
            fn into_scalar(self) -> Scalar { Scalar::$v(self) }
        }
    )*};
}

scalar_impls!(bool => Bool, i8 => Int8, i16 => Int16, i32 => Int32, i64 => Int64,
    u8 => UInt8, u16 => UInt16, u32 => UInt32, u64 => UInt64, f32 => Float32, f64 => Float64,
    Complex64 => Complex64, Complex128 => Complex128);

macro_rules! scalar_value {
    ($s:expr, $x:ident => $body:expr) => {
        match $s {
            Scalar::Bool($x) => $body,
            Scalar::Int8($x) => $body,
            Scalar::Int16($x) => $body,
            Scalar::Int32($x) => $body,
            Scalar::Int64($x) => $body,
            Scalar::UInt8($x) => $body,
            Scalar::UInt16($x) => $body,
            Scalar::UInt32($x) => $body,
            Scalar::UInt64($x) => $body,
            Scalar::Float32($x) => $body,
            Scalar::Float64($x) => $body,
            Scalar::Complex64($x) => $body,
            Scalar::Complex128($x) => $body,
        }
    };
}
pub(crate) use scalar_value;

impl Scalar {
    /// The dtype of the value.
    ///
    /// ```
    /// assert_eq!(arraylib::Scalar::from(1i32).dtype(), arraylib::DType::Int32);
    /// ```
    pub fn dtype(&self) -> DType {
        match self {
            Scalar::Bool(_) => DType::Bool,
            Scalar::Int8(_) => DType::Int8,
            Scalar::Int16(_) => DType::Int16,
            Scalar::Int32(_) => DType::Int32,
            Scalar::Int64(_) => DType::Int64,
            Scalar::UInt8(_) => DType::UInt8,
            Scalar::UInt16(_) => DType::UInt16,
            Scalar::UInt32(_) => DType::UInt32,
            Scalar::UInt64(_) => DType::UInt64,
            Scalar::Float32(_) => DType::Float32,
            Scalar::Float64(_) => DType::Float64,
            Scalar::Complex64(_) => DType::Complex64,
            Scalar::Complex128(_) => DType::Complex128,
        }
    }

    /// The value converted to element type `T` with `astype` semantics.
    ///
    /// ```
    /// assert_eq!(arraylib::Scalar::from(2.7).cast::<i64>(), 2);
    /// ```
    pub fn cast<T>(self) -> T
    where
        bool: CastTo<T>,
        i8: CastTo<T>,
        i16: CastTo<T>,
        i32: CastTo<T>,
        i64: CastTo<T>,
        u8: CastTo<T>,
        u16: CastTo<T>,
        u32: CastTo<T>,
        u64: CastTo<T>,
        f32: CastTo<T>,
        f64: CastTo<T>,
        Complex64: CastTo<T>,
        Complex128: CastTo<T>,
    {
        scalar_value!(self, x => x.cast())
    }

    /// The value as `f64` (complex values give their real part).
    ///
    /// ```
    /// assert_eq!(arraylib::Scalar::from(true).to_f64(), 1.0);
    /// ```
    pub fn to_f64(self) -> f64 {
        self.cast()
    }

    /// The value as `i64` (floats truncate toward zero).
    ///
    /// ```
    /// assert_eq!(arraylib::Scalar::from(-2.5).to_i64(), -2);
    /// ```
    pub fn to_i64(self) -> i64 {
        self.cast()
    }

    /// The value as `bool` (`x != 0`).
    ///
    /// ```
    /// assert!(!arraylib::Scalar::from(0.0).to_bool());
    /// ```
    pub fn to_bool(self) -> bool {
        self.cast()
    }

    /// The value as `complex128`.
    ///
    /// ```
    /// assert_eq!(arraylib::Scalar::from(1.5).to_complex().re, 1.5);
    /// ```
    pub fn to_complex(self) -> Complex128 {
        self.cast()
    }

    /// The value converted to another dtype, as `np.float32(x)` would.
    ///
    /// ```
    /// use arraylib::{DType, Scalar};
    /// assert_eq!(Scalar::from(3i64).astype(DType::Float32), Scalar::from(3.0f32));
    /// ```
    #[track_caller]
    pub fn astype(self, dtype: DType) -> Scalar {
        if dtype.is_str() {
            crate::strings::reject(crate::ArrayError::type_error(format!(
                "a Scalar holds a number, not a string (dtype {dtype}); use to_string, or \
                 Array::astype for an array of strings"
            )));
        }
        dispatch!(dtype, T => Scalar::from(self.cast::<T>()))
    }

    /// A 0-d array holding this value.
    ///
    /// ```
    /// assert_eq!(arraylib::Scalar::from(1.0).to_array().ndim(), 0);
    /// ```
    pub fn to_array(self) -> crate::Array {
        scalar_value!(self, x => crate::Array::from_vec(vec![x], ()))
    }
}

macro_rules! into_primitive {
    ($($t:ty => $m:ident),*) => {$(
        impl From<Scalar> for $t {
            fn from(s: Scalar) -> $t { s.cast() }
        }
    )*};
}
into_primitive!(f64 => f64, f32 => f32, i64 => i64, i32 => i32, usize => usize, bool => bool);

macro_rules! usize_cast {
    () => {
        impl CastTo<usize> for bool {
            fn cast(self) -> usize {
                self as usize
            }
        }
        impl CastTo<usize> for Complex64 {
            fn cast(self) -> usize {
                self.re as usize
            }
        }
        impl CastTo<usize> for Complex128 {
            fn cast(self) -> usize {
                self.re as usize
            }
        }
    };
}
usize_cast!();
macro_rules! prim_to_usize {
    ($($t:ty),*) => {$( impl CastTo<usize> for $t { fn cast(self) -> usize { self as usize } } )*};
}
prim_to_usize!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

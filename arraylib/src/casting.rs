//! Element conversions with NumPy's `astype` semantics: float to int truncates toward zero,
//! complex to real keeps the real part, anything to bool is `x != 0`.

use crate::dtype::{Complex64, Complex128};

/// Converts one element type into another as NumPy's `astype(..., casting='unsafe')` does.
pub trait CastTo<U> {
    /// The converted value.
    fn cast(self) -> U;
}

macro_rules! cast_prim_to_prim {
    ($from:ty => $($to:ty),*) => {$(
        impl CastTo<$to> for $from {
            #[inline(always)]
            fn cast(self) -> $to { self as $to }
        }
    )*};
}

macro_rules! cast_prim {
    ($($from:ty),*) => {$(
        cast_prim_to_prim!($from => i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);
        impl CastTo<bool> for $from {
            #[inline(always)]
            #[allow(clippy::float_cmp)]
            fn cast(self) -> bool { self != (0 as $from) }
        }
        impl CastTo<Complex64> for $from {
            #[inline(always)]
            fn cast(self) -> Complex64 { Complex64::new(self as f32, 0.0) }
        }
        impl CastTo<Complex128> for $from {
            #[inline(always)]
            fn cast(self) -> Complex128 { Complex128::new(self as f64, 0.0) }
        }
        impl CastTo<$from> for bool {
            #[inline(always)]
            fn cast(self) -> $from { self as u8 as $from }
        }
        impl CastTo<$from> for Complex64 {
            #[inline(always)]
            fn cast(self) -> $from { self.re as $from }
        }
        impl CastTo<$from> for Complex128 {
            #[inline(always)]
            fn cast(self) -> $from { self.re as $from }
        }
    )*};
}

cast_prim!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

impl CastTo<bool> for bool {
    #[inline(always)]
    fn cast(self) -> bool {
        self
    }
}
impl CastTo<Complex64> for bool {
    #[inline(always)]
    fn cast(self) -> Complex64 {
        Complex64::new(self as u8 as f32, 0.0)
    }
}
impl CastTo<Complex128> for bool {
    #[inline(always)]
    fn cast(self) -> Complex128 {
        Complex128::new(self as u8 as f64, 0.0)
    }
}
impl CastTo<bool> for Complex64 {
    #[inline(always)]
    fn cast(self) -> bool {
        self.re != 0.0 || self.im != 0.0
    }
}
impl CastTo<bool> for Complex128 {
    #[inline(always)]
    fn cast(self) -> bool {
        self.re != 0.0 || self.im != 0.0
    }
}
impl CastTo<Complex64> for Complex64 {
    #[inline(always)]
    fn cast(self) -> Complex64 {
        self
    }
}
impl CastTo<Complex128> for Complex128 {
    #[inline(always)]
    fn cast(self) -> Complex128 {
        self
    }
}
impl CastTo<Complex128> for Complex64 {
    #[inline(always)]
    fn cast(self) -> Complex128 {
        Complex128::new(self.re as f64, self.im as f64)
    }
}
impl CastTo<Complex64> for Complex128 {
    #[inline(always)]
    fn cast(self) -> Complex64 {
        Complex64::new(self.re as f32, self.im as f32)
    }
}

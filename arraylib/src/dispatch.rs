//! Macros that pick the element type once per operation, never per element.
//!
//! `dispatch!(dtype, T => body)` runs `body` with the type alias `T` set to the Rust element
//! type of `dtype`. The variants with a list restrict the dtypes and take a fallback arm.
//! The string dtype has no element type here: operations that support strings handle them
//! before they dispatch, and the plain `dispatch!` panics with NumPy's `TypeError` for it.

/// The Rust element type of a `DType` variant name.
#[doc(hidden)]
#[macro_export]
macro_rules! elem_type {
    (Bool) => {
        bool
    };
    (Int8) => {
        i8
    };
    (Int16) => {
        i16
    };
    (Int32) => {
        i32
    };
    (Int64) => {
        i64
    };
    (UInt8) => {
        u8
    };
    (UInt16) => {
        u16
    };
    (UInt32) => {
        u32
    };
    (UInt64) => {
        u64
    };
    (Float32) => {
        f32
    };
    (Float64) => {
        f64
    };
    (Complex64) => {
        $crate::Complex64
    };
    (Complex128) => {
        $crate::Complex128
    };
}

/// Runs a body with a type alias bound to the element type of a dtype.
#[doc(hidden)]
#[macro_export]
macro_rules! dispatch {
    ($dtype:expr, [$($v:ident),* $(,)?], $T:ident => $body:expr, _ => $fallback:expr) => {
        match $dtype {
            $($crate::DType::$v => {
                #[allow(dead_code)]
                type $T = $crate::elem_type!($v);
                $body
            })*
            #[allow(unreachable_patterns)]
            _ => $fallback,
        }
    };
    ($dtype:expr, $T:ident => $body:expr) => {
        match $dtype {
            __dtype => $crate::dispatch!(__dtype,
                [Bool, Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64,
                 Float32, Float64, Complex64, Complex128],
                $T => $body, _ => $crate::strings::unsupported(__dtype)),
        }
    };
}

/// `dispatch!` over the real dtypes (bool, integers, floats); complex goes to the fallback.
#[doc(hidden)]
#[macro_export]
macro_rules! dispatch_real {
    ($dtype:expr, $T:ident => $body:expr, _ => $fallback:expr) => {
        $crate::dispatch!($dtype,
            [Bool, Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float32, Float64],
            $T => $body, _ => $fallback)
    };
}

/// `dispatch!` over the numbers (integers, floats, complex); bool goes to the fallback.
#[doc(hidden)]
#[macro_export]
macro_rules! dispatch_numeric {
    ($dtype:expr, $T:ident => $body:expr, _ => $fallback:expr) => {
        $crate::dispatch!($dtype,
            [Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64,
             Float32, Float64, Complex64, Complex128],
            $T => $body, _ => $fallback)
    };
}

/// `dispatch!` over the integers; everything else goes to the fallback.
#[doc(hidden)]
#[macro_export]
macro_rules! dispatch_int {
    ($dtype:expr, $T:ident => $body:expr, _ => $fallback:expr) => {
        $crate::dispatch!($dtype,
            [Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64],
            $T => $body, _ => $fallback)
    };
}

/// `dispatch!` over float32 and float64; everything else goes to the fallback.
#[doc(hidden)]
#[macro_export]
macro_rules! dispatch_float {
    ($dtype:expr, $T:ident => $body:expr, _ => $fallback:expr) => {
        $crate::dispatch!($dtype, [Float32, Float64], $T => $body, _ => $fallback)
    };
}

/// `dispatch!` over complex64 and complex128; everything else goes to the fallback.
#[doc(hidden)]
#[macro_export]
macro_rules! dispatch_complex {
    ($dtype:expr, $T:ident => $body:expr, _ => $fallback:expr) => {
        $crate::dispatch!($dtype, [Complex64, Complex128], $T => $body, _ => $fallback)
    };
}

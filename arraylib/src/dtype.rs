//! Data types: the dynamic dtype of an array, the Rust element types behind each one, and
//! NumPy 2's promotion rules (NEP 50).

use crate::storage::{Buffer, Storage};
use num_complex::Complex;
use std::fmt;
use std::sync::Arc;

/// 64-bit complex number (two `f32`), NumPy's `complex64`.
pub type Complex64 = Complex<f32>;
/// 128-bit complex number (two `f64`), NumPy's `complex128`.
pub type Complex128 = Complex<f64>;

/// The element type of an array, as NumPy names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DType {
    /// `bool`
    Bool,
    /// `int8`
    Int8,
    /// `int16`
    Int16,
    /// `int32`
    Int32,
    /// `int64`
    Int64,
    /// `uint8`
    UInt8,
    /// `uint16`
    UInt16,
    /// `uint32`
    UInt32,
    /// `uint64`
    UInt64,
    /// `float32`
    Float32,
    /// `float64`
    Float64,
    /// `complex64`
    Complex64,
    /// `complex128`
    Complex128,
    /// A Unicode string of at most this many characters, NumPy's `<U{n}` (`str(dtype)` is
    /// `<U7`, `itemsize` is 4 bytes per character). `Str(0)` stands for NumPy's unsized `str`
    /// (`np.str_`): as an `astype` target it takes the width the values need.
    Str(u32),
}

/// NumPy's `np.float64` etc., so `a.astype(np::float32)` reads like NumPy.
pub use DType::{
    Bool as bool_, Complex64 as complex64, Complex128 as complex128, Float32 as float32,
    Float64 as float64, Int8 as int8, Int16 as int16, Int32 as int32, Int64 as int64,
    UInt8 as uint8, UInt16 as uint16, UInt32 as uint32, UInt64 as uint64,
};

/// NumPy's `np.str_` (Python's `str` as a dtype): the string dtype with the width taken from
/// the values, so `a.astype(np::str_)` reads like `a.astype(str)`.
///
/// ```
/// use arraylib as np;
/// let s = np::array![1, 2].astype(np::str_);
/// assert_eq!(s.dtype().to_string(), "<U21");
/// ```
#[allow(non_upper_case_globals)]
pub const str_: DType = DType::Str(0);

/// NumPy's `np.long`: a C long, 64 bits on Linux.
pub const LONG: DType = DType::Int64;

/// The broad family of a dtype, used by promotion and by ufuncs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// `bool`
    Bool,
    /// unsigned integers
    UInt,
    /// signed integers
    Int,
    /// floating point
    Float,
    /// complex
    Complex,
    /// Unicode strings
    Str,
}

impl DType {
    /// Every dtype, in NumPy's order.
    pub const ALL: [DType; 13] = [
        DType::Bool,
        DType::Int8,
        DType::Int16,
        DType::Int32,
        DType::Int64,
        DType::UInt8,
        DType::UInt16,
        DType::UInt32,
        DType::UInt64,
        DType::Float32,
        DType::Float64,
        DType::Complex64,
        DType::Complex128,
    ];

    /// The name NumPy prints: `float64`, `int32`, `bool`, ...
    ///
    /// ```
    /// assert_eq!(arraylib::DType::Float64.name(), "float64");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::Int8 => "int8",
            DType::Int16 => "int16",
            DType::Int32 => "int32",
            DType::Int64 => "int64",
            DType::UInt8 => "uint8",
            DType::UInt16 => "uint16",
            DType::UInt32 => "uint32",
            DType::UInt64 => "uint64",
            DType::Float32 => "float32",
            DType::Float64 => "float64",
            DType::Complex64 => "complex64",
            DType::Complex128 => "complex128",
            DType::Str(n) => str_name(n),
        }
    }

    /// Size of one element in bytes (`itemsize`).
    ///
    /// ```
    /// assert_eq!(arraylib::DType::Complex64.itemsize(), 8);
    /// ```
    pub fn itemsize(self) -> usize {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 => 1,
            DType::Int16 | DType::UInt16 => 2,
            DType::Int32 | DType::UInt32 | DType::Float32 => 4,
            DType::Int64 | DType::UInt64 | DType::Float64 | DType::Complex64 => 8,
            DType::Complex128 => 16,
            DType::Str(n) => 4 * n as usize,
        }
    }

    /// The family of the dtype.
    ///
    /// ```
    /// assert_eq!(arraylib::DType::UInt8.kind(), arraylib::dtype::Kind::UInt);
    /// ```
    pub fn kind(self) -> Kind {
        match self {
            DType::Bool => Kind::Bool,
            DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => Kind::Int,
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => Kind::UInt,
            DType::Float32 | DType::Float64 => Kind::Float,
            DType::Complex64 | DType::Complex128 => Kind::Complex,
            DType::Str(_) => Kind::Str,
        }
    }

    /// True for signed and unsigned integers (not bool).
    ///
    /// ```
    /// assert!(arraylib::DType::Int8.is_integer());
    /// ```
    pub fn is_integer(self) -> bool {
        matches!(self.kind(), Kind::Int | Kind::UInt)
    }

    /// True for float32 and float64.
    ///
    /// ```
    /// assert!(arraylib::DType::Float32.is_float());
    /// ```
    pub fn is_float(self) -> bool {
        self.kind() == Kind::Float
    }

    /// True for complex64 and complex128.
    ///
    /// ```
    /// assert!(arraylib::DType::Complex64.is_complex());
    /// ```
    pub fn is_complex(self) -> bool {
        self.kind() == Kind::Complex
    }

    /// True for the Unicode string dtype (`<U{n}`).
    ///
    /// ```
    /// assert!(arraylib::DType::Str(5).is_str());
    /// ```
    pub fn is_str(self) -> bool {
        matches!(self, DType::Str(_))
    }

    /// Parses a NumPy dtype name (`"float32"`, `"f8"`, `"int"`, `"bool"`, `"<i4"`, `"<U7"`,
    /// `"str"`).
    ///
    /// ```
    /// use arraylib::DType;
    /// assert_eq!(DType::parse("f4"), Some(DType::Float32));
    /// assert_eq!(DType::parse("<U7"), Some(DType::Str(7)));
    /// ```
    pub fn parse(name: &str) -> Option<DType> {
        let n = name.trim_start_matches(['<', '>', '=', '|']);
        if let Some(w) = n.strip_prefix('U') {
            return if w.is_empty() {
                Some(DType::Str(0))
            } else {
                w.parse().ok().map(DType::Str)
            };
        }
        Some(match n {
            "str" | "str_" | "unicode" => DType::Str(0),
            "bool" | "b1" | "?" | "bool_" => DType::Bool,
            "int8" | "i1" | "b" => DType::Int8,
            "int16" | "i2" | "h" => DType::Int16,
            "int32" | "i4" | "i" => DType::Int32,
            "int64" | "i8" | "int" | "long" | "l" | "q" => DType::Int64,
            "uint8" | "u1" | "B" => DType::UInt8,
            "uint16" | "u2" | "H" => DType::UInt16,
            "uint32" | "u4" | "I" => DType::UInt32,
            "uint64" | "u8" | "L" | "Q" => DType::UInt64,
            "float32" | "f4" | "f" | "single" => DType::Float32,
            "float64" | "f8" | "float" | "d" | "double" => DType::Float64,
            "complex64" | "c8" | "F" => DType::Complex64,
            "complex128" | "c16" | "complex" | "D" => DType::Complex128,
            _ => return None,
        })
    }

    /// The smallest float type that holds this dtype's values as NumPy's ufuncs choose it:
    /// integers and bool give float64 (int8/int16 and their unsigned kin give float16 in NumPy's
    /// table, which arraylib lacks, so float32 is used there only where NumPy picks float32).
    ///
    /// ```
    /// use arraylib::DType;
    /// assert_eq!(DType::Int32.float_for_ufunc(), DType::Float64);
    /// assert_eq!(DType::Float32.float_for_ufunc(), DType::Float32);
    /// ```
    pub fn float_for_ufunc(self) -> DType {
        match self {
            DType::Float32 => DType::Float32,
            DType::Complex64 => DType::Complex64,
            DType::Complex128 => DType::Complex128,
            // NumPy gives float16 for bool/int8/uint8, float32 for int16/uint16; arraylib has no
            // float16 and uses float32 for those too.
            DType::Bool | DType::Int8 | DType::UInt8 | DType::Int16 | DType::UInt16 => {
                DType::Float32
            }
            _ => DType::Float64,
        }
    }

    /// The string width NumPy gives values of this dtype in `astype(str)`: enough characters
    /// for any value (`int64` needs 21, `float64` 32, `bool` 5); a string dtype keeps its own.
    ///
    /// ```
    /// assert_eq!(arraylib::DType::Int64.str_width(), 21);
    /// ```
    pub fn str_width(self) -> u32 {
        match self {
            DType::Bool => 5,
            DType::Int8 => 4,
            DType::UInt8 => 3,
            DType::Int16 => 6,
            DType::UInt16 => 5,
            DType::Int32 => 11,
            DType::UInt32 => 10,
            DType::Int64 => 21,
            DType::UInt64 => 20,
            DType::Float32 | DType::Float64 => 32,
            DType::Complex64 | DType::Complex128 => 64,
            DType::Str(n) => n,
        }
    }

    /// Bit width of integer and float types (bool counts as 8).
    fn bits(self) -> usize {
        self.itemsize() * 8
    }
}

impl fmt::Display for DType {
    /// NumPy's `str(dtype)`: `float64`, `int32`, `<U7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DType::Str(n) => write!(f, "<U{n}"),
            d => f.write_str(d.name()),
        }
    }
}

/// NumPy's `dtype.name` of a string dtype: `str` and the size in bits (`<U7` is `str224`).
/// The few distinct names a session uses are kept for the life of the process.
fn str_name(n: u32) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashMap<u32, &'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    names
        .entry(n)
        .or_insert_with(|| Box::leak(format!("str{}", 32 * n as u64).into_boxed_str()))
}

/// `np.result_type` of two array dtypes (NEP 50: no value-based casting).
///
/// ```
/// use arraylib::{promote, DType};
/// assert_eq!(promote(DType::UInt8, DType::Int8), DType::Int16);
/// assert_eq!(promote(DType::Int64, DType::Float32), DType::Float64);
/// assert_eq!(promote(DType::Int16, DType::Float32), DType::Float32);
/// assert_eq!(promote(DType::UInt64, DType::Int64), DType::Float64);
/// assert_eq!(promote(DType::Float64, DType::Complex64), DType::Complex128);
/// ```
pub fn promote(a: DType, b: DType) -> DType {
    use Kind::*;
    if a == b {
        return a;
    }
    // Strings take the longer width; a number joins as its text (NumPy's `<U21` for int64).
    match (a, b) {
        (DType::Str(x), DType::Str(y)) => return DType::Str(x.max(y)),
        (DType::Str(x), o) | (o, DType::Str(x)) => return DType::Str(x.max(o.str_width())),
        _ => {}
    }
    let (ka, kb) = (a.kind(), b.kind());
    match (ka, kb) {
        (Bool, _) => b,
        (_, Bool) => a,
        (Int, Int) | (UInt, UInt) | (Float, Float) => {
            if a.bits() >= b.bits() {
                a
            } else {
                b
            }
        }
        (Int, UInt) | (UInt, Int) => {
            let (s, u) = if ka == Int { (a, b) } else { (b, a) };
            if s.bits() > u.bits() {
                s
            } else {
                match u.bits() {
                    8 => DType::Int16,
                    16 => DType::Int32,
                    32 => DType::Int64,
                    _ => DType::Float64,
                }
            }
        }
        (Int | UInt, Float) | (Float, Int | UInt) => {
            let (i, f) = if ka == Float { (b, a) } else { (a, b) };
            if f == DType::Float64 || i.bits() >= 32 {
                DType::Float64
            } else {
                DType::Float32
            }
        }
        (Complex, Complex) => {
            if a.bits() >= b.bits() {
                a
            } else {
                b
            }
        }
        // Handled above.
        (Str, _) | (_, Str) => a,
        (Complex, _) | (_, Complex) => {
            let (c, o) = if ka == Complex { (a, b) } else { (b, a) };
            let real = promote(
                if c == DType::Complex64 {
                    DType::Float32
                } else {
                    DType::Float64
                },
                o,
            );
            if real == DType::Float32 {
                DType::Complex64
            } else {
                DType::Complex128
            }
        }
    }
}

/// A Rust element type that an array can hold. Implemented for `bool`, the integer types,
/// `f32`, `f64` and the two complex types; not meant to be implemented outside arraylib.
pub trait Element: Copy + Default + PartialEq + fmt::Debug + 'static {
    /// The dtype of arrays of this element.
    const DTYPE: DType;
    /// Wraps a typed buffer into the dynamic storage.
    #[doc(hidden)]
    fn into_storage(buf: Arc<Buffer<Self>>) -> Storage;
    /// The typed buffer behind a storage, if the dtype matches.
    #[doc(hidden)]
    fn from_storage(storage: &Storage) -> Option<&Arc<Buffer<Self>>>;
}

macro_rules! impl_element {
    ($($t:ty => $variant:ident),* $(,)?) => {$(
        impl Element for $t {
            const DTYPE: DType = DType::$variant;
            fn into_storage(buf: Arc<Buffer<Self>>) -> Storage {
                Storage::$variant(buf)
            }
            fn from_storage(storage: &Storage) -> Option<&Arc<Buffer<Self>>> {
                match storage {
                    Storage::$variant(b) => Some(b),
                    _ => None,
                }
            }
        }
    )*};
}

impl_element!(
    bool => Bool, i8 => Int8, i16 => Int16, i32 => Int32, i64 => Int64,
    u8 => UInt8, u16 => UInt16, u32 => UInt32, u64 => UInt64,
    f32 => Float32, f64 => Float64, Complex64 => Complex64, Complex128 => Complex128,
);

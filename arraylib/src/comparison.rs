//! Comparisons and logic: `gt ge lt le eq ne` (NumPy's `> >= < <= == !=`, which Rust cannot
//! overload to return arrays), the operators `& | ^ !` on bool and integer arrays,
//! `np.logical_and/or/xor/not`, `np.where` (spelled [`where_`], as `where` is a Rust keyword),
//! `np.isclose`, `np.allclose`, `np.array_equal`, and comparisons of [`Scalar`] with Rust numbers.
//!
//! ```
//! use arraylib as np;
//! let scores = np::Array::from(vec![85i64, 92, 78, 96]);
//! let mask = scores.ge(80) & scores.le(90);
//! assert_eq!(mask.to_vec::<bool>(), vec![true, false, false, false]);
//! assert_eq!(np::where_(scores.gt(90), 1, 0).to_vec::<i64>(), vec![0, 1, 0, 1]);
//! ```

use crate::arithmetic::{first_scalar, no_loop};
use crate::array::Array;
use crate::dtype::{Complex64, Complex128, DType, Kind};
use crate::error::{OrPanic, Result};
use crate::operand::{
    IntoOperand, Operand, RowKernel, WeakScalar, binary, binary_with_rows, cast_array, result_type,
    unary,
};
use crate::scalar::Scalar;
use std::cmp::Ordering;
use std::ops::{BitAnd, BitOr, BitXor, Not};

/// The six comparison ufuncs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cmp {
    Gt,
    Ge,
    Lt,
    Le,
    Eq,
    Ne,
}

impl Cmp {
    /// The ufunc's name (`greater`, `equal`, ...).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Cmp::Gt => "greater",
            Cmp::Ge => "greater_equal",
            Cmp::Lt => "less",
            Cmp::Le => "less_equal",
            Cmp::Eq => "equal",
            Cmp::Ne => "not_equal",
        }
    }
}

/// Ordering of complex numbers as NumPy sorts them: real part first, then imaginary.
trait CmpElem: crate::operand::Elem {
    fn lt_(self, o: Self) -> bool;
    fn le_(self, o: Self) -> bool;
    fn eq_(self, o: Self) -> bool;
    /// A hand-vectorized row loop for `op`, where the type has one.
    fn rows(op: Cmp) -> Option<RowKernel<Self, Self, bool>> {
        let _ = op;
        None
    }
}

macro_rules! cmp_real {
    ($($t:ty),*) => {$(cmp_real!(@one $t, None);)*};
    (@one $t:ty, $rows:expr) => {
        impl CmpElem for $t {
            #[inline(always)] fn lt_(self, o: Self) -> bool { self < o }
            #[inline(always)] fn le_(self, o: Self) -> bool { self <= o }
            #[inline(always)] #[allow(clippy::float_cmp)] fn eq_(self, o: Self) -> bool { self == o }
            fn rows(op: Cmp) -> Option<RowKernel<Self, Self, bool>> {
                let rows: Option<fn(Cmp) -> RowKernel<Self, Self, bool>> = $rows;
                rows.map(|f| f(op))
            }
        }
    };
}
cmp_real!(bool, i8, i16, i32, i64, u8, u16, u32, u64);
cmp_real!(@one f32, Some(crate::comparison_simd::float_rows::<f32>));
cmp_real!(@one f64, Some(crate::comparison_simd::float_rows::<f64>));

macro_rules! cmp_complex {
    ($($t:ty),*) => {$(
        impl CmpElem for $t {
            #[inline(always)]
            fn lt_(self, o: Self) -> bool {
                self.re < o.re || (self.re == o.re && self.im < o.im)
            }
            #[inline(always)]
            fn le_(self, o: Self) -> bool {
                self.re < o.re || (self.re == o.re && self.im <= o.im)
            }
            #[inline(always)]
            fn eq_(self, o: Self) -> bool { self == o }
        }
    )*};
}
cmp_complex!(Complex64, Complex128);

fn cmp_in<T: CmpElem>(op: Cmp, a: &Operand, b: &Operand) -> Result<Array> {
    let rows = T::rows(op);
    match op {
        Cmp::Gt => binary_with_rows::<T, T, bool>(a, b, |x, y| y.lt_(x), rows),
        Cmp::Ge => binary_with_rows::<T, T, bool>(a, b, |x, y| y.le_(x), rows),
        Cmp::Lt => binary_with_rows::<T, T, bool>(a, b, |x, y| x.lt_(y), rows),
        Cmp::Le => binary_with_rows::<T, T, bool>(a, b, |x, y| x.le_(y), rows),
        Cmp::Eq => binary_with_rows::<T, T, bool>(a, b, |x, y| x.eq_(y), rows),
        Cmp::Ne => binary_with_rows::<T, T, bool>(a, b, |x, y| !x.eq_(y), rows),
    }
}

/// The loop dtype of a comparison. Unlike arithmetic, a Rust integer outside the array's
/// integer range is compared by value (NumPy 2: `int8_array > 300` is all False).
fn cmp_dtype(a: &Operand, b: &Operand) -> Result<DType> {
    match result_type(a, b) {
        Ok(d) => Ok(d),
        Err(e) => {
            let v = match (a, b) {
                (Operand::Weak(WeakScalar::Int(v)), _) | (_, Operand::Weak(WeakScalar::Int(v))) => {
                    *v
                }
                _ => return Err(e),
            };
            if v >= i64::MIN as i128 && v <= i64::MAX as i128 {
                let other = if a.is_weak() { b.dtype() } else { a.dtype() };
                if other != DType::UInt64 {
                    return Ok(DType::Int64);
                }
            }
            Ok(DType::Float64)
        }
    }
}

fn try_compare(op: Cmp, a: &Operand, b: &Operand) -> Result<Array> {
    if a.dtype().is_str() || b.dtype().is_str() {
        return crate::strings::compare(op, a, b, false);
    }
    let dt = cmp_dtype(a, b)?;
    crate::dispatch!(dt, T => cmp_in::<T>(op, a, b))
}

/// A comparison operator (`a == b`, the methods `eq`, `lt`, ...): as the ufunc, except that
/// Python's `==` of strings with numbers is all False (and `!=` all True) where `np.equal` has
/// no loop.
fn try_compare_operator(op: Cmp, a: &Operand, b: &Operand) -> Result<Array> {
    if a.dtype().is_str() || b.dtype().is_str() {
        return crate::strings::compare(op, a, b, true);
    }
    try_compare(op, a, b)
}

macro_rules! comparisons {
    ($($(#[$doc:meta])* $method:ident, $free:ident, $try_free:ident, $op:expr, $sym:literal;)*) => {$(
        $(#[$doc])*
        #[track_caller]
        pub fn $free<'a, 'b>(x1: impl IntoOperand<'a>, x2: impl IntoOperand<'b>) -> Array {
            try_compare($op, &x1.into_operand(), &x2.into_operand()).or_panic()
        }

        #[doc = concat!("Fallible form of [`", stringify!($free), "`].")]
        ///
        /// ```
        #[doc = concat!("assert!(arraylib::comparison::", stringify!($try_free), "(&arraylib::zeros(2), &arraylib::zeros(3)).is_err());")]
        /// ```
        pub fn $try_free<'a, 'b>(x1: impl IntoOperand<'a>, x2: impl IntoOperand<'b>) -> Result<Array> {
            try_compare($op, &x1.into_operand(), &x2.into_operand())
        }

        impl Array {
            #[doc = concat!("`a ", $sym, " b` elementwise (`np.", stringify!($free), "`), a bool array; `b` may be an array, a [`Scalar`] or a Rust number.")]
            ///
            /// ```
            #[doc = concat!("let m = arraylib::arange(4).", stringify!($method), "(2);")]
            /// assert_eq!(m.dtype(), arraylib::DType::Bool);
            /// ```
            #[track_caller]
            #[allow(clippy::should_implement_trait)]
            pub fn $method<'a>(&self, other: impl IntoOperand<'a>) -> Array {
                try_compare_operator($op, &Operand::Borrowed(self), &other.into_operand()).or_panic()
            }
        }
    )*};
}

comparisons! {
    /// `np.greater(x1, x2)`: `x1 > x2` elementwise.
    ///
    /// ```
    /// assert_eq!(arraylib::greater(&arraylib::arange(3), 1).to_vec::<bool>(), vec![false, false, true]);
    /// ```
    gt, greater, try_greater, Cmp::Gt, ">";
    /// `np.greater_equal(x1, x2)`: `x1 >= x2` elementwise.
    ///
    /// ```
    /// assert_eq!(arraylib::greater_equal(&arraylib::arange(3), 1).to_vec::<bool>(), vec![false, true, true]);
    /// ```
    ge, greater_equal, try_greater_equal, Cmp::Ge, ">=";
    /// `np.less(x1, x2)`: `x1 < x2` elementwise.
    ///
    /// ```
    /// assert_eq!(arraylib::less(&arraylib::arange(3), 1).to_vec::<bool>(), vec![true, false, false]);
    /// ```
    lt, less, try_less, Cmp::Lt, "<";
    /// `np.less_equal(x1, x2)`: `x1 <= x2` elementwise.
    ///
    /// ```
    /// assert_eq!(arraylib::less_equal(&arraylib::arange(3), 1).to_vec::<bool>(), vec![true, true, false]);
    /// ```
    le, less_equal, try_less_equal, Cmp::Le, "<=";
    /// `np.equal(x1, x2)`: `x1 == x2` elementwise (NaN is not equal to itself).
    ///
    /// ```
    /// assert_eq!(arraylib::equal(&arraylib::arange(3), 1).to_vec::<bool>(), vec![false, true, false]);
    /// ```
    eq, equal, try_equal, Cmp::Eq, "==";
    /// `np.not_equal(x1, x2)`: `x1 != x2` elementwise.
    ///
    /// ```
    /// assert_eq!(arraylib::not_equal(&arraylib::arange(3), 1).to_vec::<bool>(), vec![true, false, true]);
    /// ```
    ne, not_equal, try_not_equal, Cmp::Ne, "!=";
}

// ----- bitwise and logical operations --------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bit {
    And,
    Or,
    Xor,
}

impl Bit {
    fn name(self) -> &'static str {
        match self {
            Bit::And => "bitwise_and",
            Bit::Or => "bitwise_or",
            Bit::Xor => "bitwise_xor",
        }
    }
}

fn try_bitwise(op: Bit, a: &Operand, b: &Operand) -> Result<Array> {
    let dt = result_type(a, b)?;
    crate::dispatch!(dt, [Bool, Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64], T => match op {
        Bit::And => binary::<T, T, T>(a, b, |x, y| x & y),
        Bit::Or => binary::<T, T, T>(a, b, |x, y| x | y),
        Bit::Xor => binary::<T, T, T>(a, b, |x, y| x ^ y),
    }, _ => Err(no_loop(op.name())))
}

fn try_invert(a: &Operand) -> Result<Array> {
    let dt = a.dtype();
    crate::dispatch!(dt, [Bool, Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64],
        T => Ok(unary::<T, T>(a, |x| !x)), _ => Err(no_loop("invert")))
}

macro_rules! bit_ops {
    ($($Trait:ident, $method:ident, $op:expr);*) => {$(
        impl<'b, R: Into<Operand<'b>>> $Trait<R> for &Array {
            type Output = Array;
            #[track_caller]
            fn $method(self, rhs: R) -> Array {
                try_bitwise($op, &Operand::Borrowed(self), &rhs.into()).or_panic()
            }
        }
        impl<'b, R: Into<Operand<'b>>> $Trait<R> for Array {
            type Output = Array;
            #[track_caller]
            fn $method(self, rhs: R) -> Array {
                try_bitwise($op, &Operand::Owned(self), &rhs.into()).or_panic()
            }
        }
    )*};
}

bit_ops!(BitAnd, bitand, Bit::And; BitOr, bitor, Bit::Or; BitXor, bitxor, Bit::Xor);

impl Not for &Array {
    type Output = Array;
    /// `~a`: logical not of a bool array, bitwise not of integers.
    #[track_caller]
    fn not(self) -> Array {
        try_invert(&Operand::Borrowed(self)).or_panic()
    }
}

impl Not for Array {
    type Output = Array;
    /// `~a`: logical not of a bool array, bitwise not of integers.
    #[track_caller]
    fn not(self) -> Array {
        try_invert(&Operand::Owned(self)).or_panic()
    }
}

impl Not for Scalar {
    type Output = Scalar;
    /// Python's `not` on `np.bool` (and `~` on integers).
    #[track_caller]
    fn not(self) -> Scalar {
        first_scalar(&try_invert(&Operand::Scalar(self)).or_panic())
    }
}

macro_rules! bitwise_fns {
    ($($(#[$doc:meta])* $name:ident, $op:expr;)*) => {$(
        $(#[$doc])*
        #[track_caller]
        pub fn $name<'a, 'b>(x1: impl IntoOperand<'a>, x2: impl IntoOperand<'b>) -> Array {
            try_bitwise($op, &x1.into_operand(), &x2.into_operand()).or_panic()
        }
    )*};
}

bitwise_fns! {
    /// `np.bitwise_and(x1, x2)` (`&`) on bool and integer arrays.
    ///
    /// ```
    /// assert_eq!(arraylib::bitwise_and(&arraylib::arange(4), 1).to_vec::<i64>(), vec![0, 1, 0, 1]);
    /// ```
    bitwise_and, Bit::And;
    /// `np.bitwise_or(x1, x2)` (`|`).
    ///
    /// ```
    /// assert_eq!(arraylib::bitwise_or(&arraylib::arange(3), 4).to_vec::<i64>(), vec![4, 5, 6]);
    /// ```
    bitwise_or, Bit::Or;
    /// `np.bitwise_xor(x1, x2)` (`^`).
    ///
    /// ```
    /// assert_eq!(arraylib::bitwise_xor(&arraylib::arange(3), 1).to_vec::<i64>(), vec![1, 0, 3]);
    /// ```
    bitwise_xor, Bit::Xor;
}

/// `np.invert(x)` / `np.bitwise_not` (`~x`): logical not on bool, bitwise not on integers.
///
/// ```
/// assert_eq!(arraylib::invert(&arraylib::arange(2)).to_vec::<i64>(), vec![-1, -2]);
/// ```
#[track_caller]
pub fn invert<'a>(x: impl IntoOperand<'a>) -> Array {
    try_invert(&x.into_operand()).or_panic()
}

/// Truth value of every element (`x != 0`), as the logical ufuncs see it.
fn truth(a: &Operand) -> Operand<'static> {
    if a.dtype().is_str() {
        // A string is true when it is not empty.
        return Operand::Owned(a.clone().into_array().astype(DType::Bool));
    }
    match a {
        Operand::Weak(w) => Operand::Weak(WeakScalar::Bool(w.to_scalar().to_bool())),
        Operand::Scalar(s) => Operand::Scalar(Scalar::Bool(s.to_bool())),
        _ => Operand::Owned(cast_array(a.as_array().unwrap(), DType::Bool)),
    }
}

macro_rules! logical_fns {
    ($($(#[$doc:meta])* $name:ident, |$x:ident, $y:ident| $f:expr;)*) => {$(
        $(#[$doc])*
        #[track_caller]
        pub fn $name<'a, 'b>(x1: impl IntoOperand<'a>, x2: impl IntoOperand<'b>) -> Array {
            // Not generic: the loop is compiled once in this crate, not in every caller.
            fn inner(x1: &Operand<'_>, x2: &Operand<'_>) -> Result<Array> {
                let (a, b) = (truth(x1), truth(x2));
                binary::<bool, bool, bool>(&a, &b, |$x, $y| $f)
            }
            inner(&x1.into_operand(), &x2.into_operand()).or_panic()
        }
    )*};
}

logical_fns! {
    /// `np.logical_and(x1, x2)`: truth of both, for any dtype.
    ///
    /// ```
    /// assert_eq!(arraylib::logical_and(&arraylib::arange(3), true).to_vec::<bool>(), vec![false, true, true]);
    /// ```
    logical_and, |x, y| x & y;
    /// `np.logical_or(x1, x2)`.
    ///
    /// ```
    /// assert_eq!(arraylib::logical_or(&arraylib::arange(3), false).to_vec::<bool>(), vec![false, true, true]);
    /// ```
    logical_or, |x, y| x | y;
    /// `np.logical_xor(x1, x2)`.
    ///
    /// ```
    /// assert_eq!(arraylib::logical_xor(&arraylib::arange(3), true).to_vec::<bool>(), vec![true, false, false]);
    /// ```
    logical_xor, |x, y| x ^ y;
}

/// `np.logical_not(x)`: the negated truth value of every element.
///
/// ```
/// assert_eq!(arraylib::logical_not(&arraylib::arange(3)).to_vec::<bool>(), vec![true, false, false]);
/// ```
#[track_caller]
pub fn logical_not<'a>(x: impl IntoOperand<'a>) -> Array {
    let x = x.into_operand();
    if x.dtype().is_str() {
        crate::strings::reject(no_loop("logical_not"));
    }
    unary::<bool, bool>(&truth(&x), |v| !v)
}

// ----- where, isclose, allclose, array_equal -------------------------------------------------

/// `np.where(condition, x, y)`: elements of `x` where `condition` is true, of `y` elsewhere,
/// all three broadcast together; the result has the promoted dtype of `x` and `y`. Named
/// `where_` because `where` is a Rust keyword. (For the one-argument `np.where(condition)`,
/// use `nonzero`.)
///
/// ```
/// use arraylib as np;
/// let x = np::arange(5);
/// assert_eq!(np::where_(x.lt(2), &x, -1).to_vec::<i64>(), vec![0, 1, -1, -1, -1]);
/// assert_eq!(np::where_(x.lt(2), 0.5, &x).dtype(), np::DType::Float64);
/// ```
#[track_caller]
pub fn where_<'a, 'b, 'c>(
    condition: impl IntoOperand<'a>,
    x: impl IntoOperand<'b>,
    y: impl IntoOperand<'c>,
) -> Array {
    try_where(condition, x, y).or_panic()
}

/// Fallible form of [`where_`].
///
/// ```
/// assert!(arraylib::comparison::try_where(&arraylib::zeros(2), 1, &arraylib::zeros(3)).is_err());
/// ```
pub fn try_where<'a, 'b, 'c>(
    condition: impl IntoOperand<'a>,
    x: impl IntoOperand<'b>,
    y: impl IntoOperand<'c>,
) -> Result<Array> {
    let c = truth(&condition.into_operand()).into_array();
    let x = x.into_operand();
    let y = y.into_operand();
    let dt = result_type(&x, &y)?;
    if let DType::Str(w) = dt {
        // Numbers join strings as their text; the element numbers are chosen instead.
        let (xs, ys) = (
            crate::strings::as_str_array(&x),
            crate::strings::as_str_array(&y),
        );
        return crate::strings::via_index(&[&xs, &ys], w, &mut |p| try_where(&c, &p[0], &p[1]));
    }
    let shape = crate::broadcast::broadcast_shapes(&[c.shape(), x.shape(), y.shape()])?;
    let xa = cast_array(&x.into_array(), dt);
    let ya = cast_array(&y.into_array(), dt);
    let cv = c.broadcast_view(&shape)?;
    let xv = xa.broadcast_view(&shape)?;
    let yv = ya.broadcast_view(&shape)?;
    Ok(crate::dispatch!(dt, T => {
        let out = ndarray::Zip::from(&cv.view::<bool>())
            .and(&xv.view::<T>())
            .and(&yv.view::<T>())
            .map_collect(|&c, &a, &b| if c { a } else { b });
        Array::from_ndarray(out)
    }))
}

/// `np.isclose(a, b)` with NumPy's defaults (`rtol=1e-05, atol=1e-08, equal_nan=False`):
/// `|a - b| <= atol + rtol * |b|` elementwise, a bool array.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, 1.0001, f64::NAN], [3]);
/// assert_eq!(arraylib::isclose(&a, 1.0).to_vec::<bool>(), vec![true, false, false]);
/// ```
#[track_caller]
pub fn isclose<'a, 'b>(a: impl IntoOperand<'a>, b: impl IntoOperand<'b>) -> Array {
    try_isclose_with(a, b, 1e-5, 1e-8, false).or_panic()
}

/// `np.isclose(a, b, rtol, atol, equal_nan)` with every option given.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![f64::NAN, 1.1], [2]);
/// let b = arraylib::Array::from_vec(vec![f64::NAN, 1.0], [2]);
/// assert_eq!(arraylib::isclose_with(&a, &b, 0.2, 0.0, true).to_vec::<bool>(), vec![true, true]);
/// ```
#[track_caller]
pub fn isclose_with<'a, 'b>(
    a: impl IntoOperand<'a>,
    b: impl IntoOperand<'b>,
    rtol: f64,
    atol: f64,
    equal_nan: bool,
) -> Array {
    try_isclose_with(a, b, rtol, atol, equal_nan).or_panic()
}

/// Fallible form of [`isclose_with`].
///
/// ```
/// assert!(arraylib::comparison::try_isclose_with(&arraylib::zeros(2), &arraylib::zeros(3), 1e-5, 1e-8, false).is_err());
/// ```
pub fn try_isclose_with<'a, 'b>(
    a: impl IntoOperand<'a>,
    b: impl IntoOperand<'b>,
    rtol: f64,
    atol: f64,
    equal_nan: bool,
) -> Result<Array> {
    let a = a.into_operand();
    let b = b.into_operand();
    let dt = result_type(&a, &b)?;
    if dt.is_str() {
        return Err(crate::strings::promotion_error(dt, WeakScalar::Float(0.0)));
    }
    if dt.kind() == Kind::Complex {
        return binary::<Complex128, Complex128, bool>(&a, &b, |x, y| {
            let nan = |z: Complex128| z.re.is_nan() || z.im.is_nan();
            if nan(x) || nan(y) {
                return equal_nan && nan(x) && nan(y);
            }
            if !(x.re.is_finite() && x.im.is_finite() && y.re.is_finite() && y.im.is_finite()) {
                return x == y;
            }
            (x - y).norm() <= atol + rtol * y.norm()
        });
    }
    binary::<f64, f64, bool>(&a, &b, |x, y| {
        if x.is_nan() || y.is_nan() {
            return equal_nan && x.is_nan() && y.is_nan();
        }
        if x.is_infinite() || y.is_infinite() {
            return x == y;
        }
        (x - y).abs() <= atol + rtol * y.abs()
    })
}

/// `np.allclose(a, b)` with NumPy's defaults (`rtol=1e-05, atol=1e-08`): true if every
/// element pair is close (shapes must broadcast).
///
/// ```
/// use arraylib as np;
/// let a = np::linspace(0.0, 1.0, 5);
/// assert!(np::allclose(&a, &(&a + 1e-9)));
/// assert!(!np::allclose(&a, &(&a + 1e-3)));
/// ```
#[track_caller]
pub fn allclose<'a, 'b>(a: impl IntoOperand<'a>, b: impl IntoOperand<'b>) -> bool {
    allclose_with(a, b, 1e-5, 1e-8, false)
}

/// `np.allclose(a, b, rtol, atol, equal_nan)` with every option given.
///
/// ```
/// assert!(arraylib::allclose_with(1.0, 1.05, 0.1, 0.0, false));
/// ```
#[track_caller]
pub fn allclose_with<'a, 'b>(
    a: impl IntoOperand<'a>,
    b: impl IntoOperand<'b>,
    rtol: f64,
    atol: f64,
    equal_nan: bool,
) -> bool {
    let c = try_isclose_with(a, b, rtol, atol, equal_nan).or_panic();
    all_true(&c)
}

fn all_true(c: &Array) -> bool {
    match c.as_slice::<bool>() {
        Some(s) => s.iter().all(|&v| v),
        None => c.view::<bool>().iter().all(|&v| v),
    }
}

/// `np.array_equal(a1, a2)`: true if the shapes are the same and all elements are equal
/// (NaN is not equal to NaN; see [`array_equal_nan`]).
///
/// ```
/// use arraylib as np;
/// assert!(np::array_equal(&np::arange(3), &np::arange(3).astype(np::float64)));
/// assert!(!np::array_equal(&np::arange(3), &np::arange(4)));
/// ```
pub fn array_equal<'a, 'b>(a1: impl IntoOperand<'a>, a2: impl IntoOperand<'b>) -> bool {
    array_equal_impl(&a1.into_operand(), &a2.into_operand(), false)
}

/// `np.array_equal(a1, a2, equal_nan=True)`: NaN equals NaN at the same position.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, f64::NAN], [2]);
/// assert!(arraylib::array_equal_nan(&a, &a));
/// assert!(!arraylib::array_equal(&a, &a));
/// ```
pub fn array_equal_nan<'a, 'b>(a1: impl IntoOperand<'a>, a2: impl IntoOperand<'b>) -> bool {
    array_equal_impl(&a1.into_operand(), &a2.into_operand(), true)
}

fn array_equal_impl(a: &Operand, b: &Operand, equal_nan: bool) -> bool {
    if a.shape() != b.shape() {
        return false;
    }
    let Ok(eq) = try_compare_operator(Cmp::Eq, a, b) else {
        return false;
    };
    if !equal_nan || a.dtype().is_str() || b.dtype().is_str() {
        return all_true(&eq);
    }
    let na = crate::ufuncs::isnan(a.clone());
    let nb = crate::ufuncs::isnan(b.clone());
    let both = binary::<bool, bool, bool>(&Operand::Owned(na), &Operand::Owned(nb), |x, y| x & y)
        .or_panic();
    let ok = binary::<bool, bool, bool>(&Operand::Owned(eq), &Operand::Owned(both), |x, y| x | y)
        .or_panic();
    all_true(&ok)
}

// ----- Scalar comparisons with Rust numbers --------------------------------------------------

fn scalar_cmp(a: Scalar, b: Scalar) -> Option<Ordering> {
    if a.dtype().is_complex() || b.dtype().is_complex() {
        let (x, y) = (a.to_complex(), b.to_complex());
        return if x == y {
            Some(Ordering::Equal)
        } else {
            (x.re, x.im).partial_cmp(&(y.re, y.im))
        };
    }
    if a.dtype().is_integer() && b.dtype().is_integer() {
        let wide = |s: Scalar| match s {
            Scalar::UInt64(v) => v as i128,
            other => other.to_i64() as i128,
        };
        return Some(wide(a).cmp(&wide(b)));
    }
    a.to_f64().partial_cmp(&b.to_f64())
}

impl PartialOrd for Scalar {
    /// Compares values across dtypes (`np.float64(1.5) < np.int64(2)`); NaN is unordered.
    fn partial_cmp(&self, other: &Scalar) -> Option<Ordering> {
        scalar_cmp(*self, *other)
    }
}

macro_rules! scalar_vs_prim {
    ($($t:ty),*) => {$(
        impl PartialEq<$t> for Scalar {
            fn eq(&self, other: &$t) -> bool {
                scalar_cmp(*self, Scalar::from(*other)) == Some(Ordering::Equal)
            }
        }
        impl PartialOrd<$t> for Scalar {
            fn partial_cmp(&self, other: &$t) -> Option<Ordering> {
                scalar_cmp(*self, Scalar::from(*other))
            }
        }
        impl PartialEq<Scalar> for $t {
            fn eq(&self, other: &Scalar) -> bool {
                scalar_cmp(Scalar::from(*self), *other) == Some(Ordering::Equal)
            }
        }
        impl PartialOrd<Scalar> for $t {
            fn partial_cmp(&self, other: &Scalar) -> Option<Ordering> {
                scalar_cmp(Scalar::from(*self), *other)
            }
        }
    )*};
}
// `f64` and `i32` only, so float and integer literals infer (`det.abs() > 1e-10`, `s == 0`).
scalar_vs_prim!(f64, i32);

#[cfg(test)]
mod tests {
    use super::*;
    use crate as np;

    #[test]
    fn comparisons() {
        let a = np::arange(5);
        assert_eq!(
            a.gt(2).to_vec::<bool>(),
            vec![false, false, false, true, true]
        );
        assert_eq!(a.eq(&a).to_vec::<bool>(), vec![true; 5]);
        let i8a = Array::from_vec(vec![1i8, 2], [2]);
        assert_eq!(i8a.gt(300).to_vec::<bool>(), vec![false, false]);
        assert_eq!(i8a.lt(300).to_vec::<bool>(), vec![true, true]);
        let f = Array::from_vec(vec![f64::NAN, 1.0], [2]);
        assert_eq!(f.ne(&f).to_vec::<bool>(), vec![true, false]);
        let col = np::arange(3).reshape([3, 1]);
        assert_eq!(np::arange(3).eq(&col).shape(), &[3, 3]);
        assert!(try_greater(np::zeros(2), np::zeros(3)).is_err());
    }

    #[test]
    fn logic() {
        let a = np::arange(6);
        let m = a.gt(1) & a.lt(4);
        assert_eq!(
            m.to_vec::<bool>(),
            vec![false, false, true, true, false, false]
        );
        assert_eq!(
            (!&m).to_vec::<bool>(),
            vec![true, true, false, false, true, true]
        );
        assert_eq!(
            (a.gt(4) | a.lt(1)).to_vec::<bool>(),
            vec![true, false, false, false, false, true]
        );
        let e = try_bitwise(
            Bit::And,
            &Operand::from(&np::zeros(2)),
            &Operand::from(&np::zeros(2)),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "TypeError: ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
        );
        assert!(!Scalar::from(false) == Scalar::from(true));
    }

    #[test]
    fn closeness() {
        let a = np::linspace(0.0, 1.0, 4);
        assert!(np::allclose(&a, &a));
        assert!(np::array_equal(&a, &a));
        assert!(!np::array_equal(&a, np::zeros(3)));
        let inf = Array::from_vec(vec![f64::INFINITY], [1]);
        assert!(np::allclose(&inf, &inf));
        assert!(!np::allclose(&inf, 1e308));
    }

    #[test]
    fn scalar_compare() {
        let s = Scalar::from(-2.5);
        assert!(s < 0.0);
        assert!(s.abs() > 1e-10);
        assert!(Scalar::from(3i64) == 3);
        assert!(Scalar::from(1.5) < Scalar::from(2i64));
    }
}

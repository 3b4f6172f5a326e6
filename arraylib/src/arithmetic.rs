//! Elementwise arithmetic: the operators `+ - * / %` and unary `-` on arrays, NumPy scalars
//! and Rust numbers, their in-place forms (`+=`, ...), and `np.add`, `np.subtract`,
//! `np.multiply`, `np.divide`, `np.floor_divide`, `np.remainder`, `np.fmod`, `np.power`.
//!
//! Promotion follows NumPy 2 (NEP 50): Rust numbers are "weak" Python scalars (`int8_array + 1`
//! stays int8, `int_array * 1.5` is float64). Integer arithmetic wraps around like NumPy's,
//! integer division and remainder by zero give 0 (NumPy warns, arraylib stays silent), and `/`
//! of integers gives float64.
//!
//! ```
//! use arraylib as np;
//! let x = np::arange(4);
//! let y = 1.0 / (1.0 + &x) * 2 - &x;
//! assert_eq!(y.dtype(), np::float64);
//! assert_eq!(y.to_vec::<f64>()[..2], [2.0, 0.0]);
//! assert_eq!((&x * 2 + 1).to_vec::<i64>(), vec![1, 3, 5, 7]);
//! ```

use crate::array::Array;
use crate::dtype::{Complex64, Complex128, DType, Kind};
use crate::error::{ArrayError, ErrorKind, OrPanic, Result};
use crate::operand::{
    Elem, IntoOperand, Operand, WeakNumber, WeakScalar, binary, cast_array, result_type,
};
use crate::scalar::Scalar;
use std::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};

/// The arithmetic a numeric element type supports, with NumPy's wrap-around for integers.
pub(crate) trait Num: Elem {
    fn add_(self, o: Self) -> Self;
    fn sub_(self, o: Self) -> Self;
    fn mul_(self, o: Self) -> Self;
    fn neg_(self) -> Self;
}

macro_rules! num_int {
    ($($t:ty),*) => {$(
        impl Num for $t {
            #[inline(always)] fn add_(self, o: Self) -> Self { self.wrapping_add(o) }
            #[inline(always)] fn sub_(self, o: Self) -> Self { self.wrapping_sub(o) }
            #[inline(always)] fn mul_(self, o: Self) -> Self { self.wrapping_mul(o) }
            #[inline(always)] fn neg_(self) -> Self { self.wrapping_neg() }
        }
    )*};
}
num_int!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! num_float {
    ($($t:ty),*) => {$(
        impl Num for $t {
            #[inline(always)] fn add_(self, o: Self) -> Self { self + o }
            #[inline(always)] fn sub_(self, o: Self) -> Self { self - o }
            #[inline(always)] fn mul_(self, o: Self) -> Self { self * o }
            #[inline(always)] fn neg_(self) -> Self { -self }
        }
    )*};
}
num_float!(f32, f64, Complex64, Complex128);

/// Python-style floor division and modulo for integers (0 for division by zero, like NumPy).
pub(crate) trait IntDiv: Num {
    fn floor_div(self, o: Self) -> Self;
    fn py_rem(self, o: Self) -> Self;
    fn fmod_(self, o: Self) -> Self;
    fn pow_(self, e: Self) -> Self;
    fn is_negative(self) -> bool;
}

macro_rules! int_div {
    ($($t:ty),*) => {$(
        impl IntDiv for $t {
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn floor_div(self, o: Self) -> Self {
                if o == 0 { return 0; }
                let q = self.wrapping_div(o);
                if (self.wrapping_rem(o) != 0) && ((self < 0) != (o < 0)) { q.wrapping_sub(1) } else { q }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn py_rem(self, o: Self) -> Self {
                if o == 0 { return 0; }
                let r = self.wrapping_rem(o);
                if r != 0 && ((r < 0) != (o < 0)) { r.wrapping_add(o) } else { r }
            }
            #[inline(always)]
            fn fmod_(self, o: Self) -> Self {
                if o == 0 { 0 } else { self.wrapping_rem(o) }
            }
            #[inline(always)]
            fn pow_(self, e: Self) -> Self {
                let mut base = self;
                let mut e = e as u64;
                let mut acc: Self = 1;
                while e > 0 {
                    if e & 1 == 1 { acc = acc.wrapping_mul(base); }
                    base = base.wrapping_mul(base);
                    e >>= 1;
                }
                acc
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn is_negative(self) -> bool { self < 0 }
        }
    )*};
}
int_div!(i8, i16, i32, i64, u8, u16, u32, u64);

/// NumPy's `npy_divmod` for floats: the floor quotient and the remainder with the divisor's sign.
pub(crate) trait FloatDiv: Num {
    fn floor_div(self, o: Self) -> Self;
    fn py_rem(self, o: Self) -> Self;
    fn fmod_(self, o: Self) -> Self;
    fn pow_(self, e: Self) -> Self;
    fn sqrt_(self) -> Self;
}

macro_rules! float_div {
    ($($t:ty),*) => {$(
        impl FloatDiv for $t {
            #[inline(always)]
            fn floor_div(self, b: Self) -> Self {
                if b == 0.0 {
                    return self / b;
                }
                let m = self % b;
                let mut div = (self - m) / b;
                if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
                    div -= 1.0;
                }
                if div != 0.0 {
                    let f = div.floor();
                    if div - f > 0.5 { f + 1.0 } else { f }
                } else {
                    (0.0 as $t).copysign(self / b)
                }
            }
            #[inline(always)]
            fn py_rem(self, b: Self) -> Self {
                if b == 0.0 {
                    return self % b;
                }
                let m = self % b;
                if m != 0.0 {
                    if (b < 0.0) != (m < 0.0) { m + b } else { m }
                } else {
                    (0.0 as $t).copysign(b)
                }
            }
            #[inline(always)]
            fn fmod_(self, b: Self) -> Self { self % b }
            #[inline(always)]
            fn pow_(self, e: Self) -> Self { self.powf(e) }
            #[inline(always)]
            fn sqrt_(self) -> Self { self.sqrt() }
        }
    )*};
}
float_div!(f32, f64);

/// The binary arithmetic operations, with NumPy's ufunc names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Rem,
    Fmod,
    Pow,
}

impl BinOp {
    /// NumPy's ufunc name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "subtract",
            BinOp::Mul => "multiply",
            BinOp::Div => "divide",
            BinOp::FloorDiv => "floor_divide",
            BinOp::Rem => "remainder",
            BinOp::Fmod => "fmod",
            BinOp::Pow => "power",
        }
    }
}

/// NumPy's `TypeError` for a ufunc without a loop for the input types.
pub(crate) fn no_loop(name: &str) -> ArrayError {
    ArrayError::type_error(format!(
        "ufunc '{name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
    ))
}

fn bool_sub_error() -> ArrayError {
    ArrayError::type_error(
        "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
    )
}

fn bool_neg_error() -> ArrayError {
    ArrayError::type_error(
        "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
    )
}

/// True if any element of the operand is a negative integer.
fn any_negative(b: &Operand) -> bool {
    match b {
        Operand::Weak(WeakScalar::Int(v)) => *v < 0,
        _ => {
            let dt = b.dtype();
            if dt.kind() != Kind::Int {
                return false;
            }
            let a = b.clone().into_array();
            crate::dispatch_int!(dt, T => a.view::<T>().iter().any(|&x| IntDiv::is_negative(x)), _ => false)
        }
    }
}

fn int_op<T: IntDiv>(op: BinOp, a: &Operand, b: &Operand) -> Result<Array> {
    match op {
        BinOp::Add => binary::<T, T, T>(a, b, |x, y| x.add_(y)),
        BinOp::Sub => binary::<T, T, T>(a, b, |x, y| x.sub_(y)),
        BinOp::Mul => binary::<T, T, T>(a, b, |x, y| x.mul_(y)),
        BinOp::FloorDiv => binary::<T, T, T>(a, b, |x, y| IntDiv::floor_div(x, y)),
        BinOp::Rem => binary::<T, T, T>(a, b, |x, y| IntDiv::py_rem(x, y)),
        BinOp::Fmod => binary::<T, T, T>(a, b, |x, y| IntDiv::fmod_(x, y)),
        BinOp::Pow => {
            if any_negative(b) {
                return Err(ArrayError::value(
                    "Integers to negative integer powers are not allowed.",
                ));
            }
            binary::<T, T, T>(a, b, |x, y| IntDiv::pow_(x, y))
        }
        BinOp::Div => unreachable!(),
    }
}

fn float_op<T>(op: BinOp, a: &Operand, b: &Operand) -> Result<Array>
where
    T: FloatDiv + Div<Output = T>,
{
    match op {
        BinOp::Add => binary::<T, T, T>(a, b, |x, y| x.add_(y)),
        BinOp::Sub => binary::<T, T, T>(a, b, |x, y| x.sub_(y)),
        BinOp::Mul => binary::<T, T, T>(a, b, |x, y| x.mul_(y)),
        BinOp::Div => binary::<T, T, T>(a, b, |x, y| x / y),
        BinOp::FloorDiv => binary::<T, T, T>(a, b, |x, y| FloatDiv::floor_div(x, y)),
        BinOp::Rem => binary::<T, T, T>(a, b, |x, y| FloatDiv::py_rem(x, y)),
        BinOp::Fmod => binary::<T, T, T>(a, b, |x, y| FloatDiv::fmod_(x, y)),
        BinOp::Pow => {
            // `x ** 2` is the common case: a multiply, as NumPy's fast scalar power does.
            match b.scalar() {
                Some(s) if s.to_f64() == 2.0 && s.dtype().kind() != Kind::Complex => {
                    binary::<T, T, T>(a, b, |x, _| x.mul_(x))
                }
                // and `x ** 0.5` a square root (so `(-0.0) ** 0.5` is `-0.0`, as in NumPy)
                Some(s) if s.to_f64() == 0.5 && s.dtype().kind() != Kind::Complex => {
                    binary::<T, T, T>(a, b, |x, _| x.sqrt_())
                }
                _ => binary::<T, T, T>(a, b, |x, y| x.pow_(y)),
            }
        }
    }
}

fn complex_op<T>(op: BinOp, a: &Operand, b: &Operand) -> Result<Array>
where
    T: Num + ComplexPow,
{
    match op {
        BinOp::Add => binary::<T, T, T>(a, b, |x, y| x.add_(y)),
        BinOp::Sub => binary::<T, T, T>(a, b, |x, y| x.sub_(y)),
        BinOp::Mul => binary::<T, T, T>(a, b, |x, y| x.mul_(y)),
        BinOp::Div => binary::<T, T, T>(a, b, |x, y| x.cdiv(y)),
        BinOp::Pow => binary::<T, T, T>(a, b, |x, y| x.cpow(y)),
        BinOp::FloorDiv | BinOp::Rem | BinOp::Fmod => Err(no_loop(op.name())),
    }
}

/// Complex power with NumPy's special cases for small integer exponents, and NumPy's
/// complex division (Smith's algorithm; `1 / 0j` is `inf+nanj`).
pub(crate) trait ComplexPow {
    fn cpow(self, e: Self) -> Self;
    fn cdiv(self, d: Self) -> Self;
}

macro_rules! complex_pow {
    ($($t:ty),*) => {$(
        impl ComplexPow for $t {
            fn cpow(self, e: Self) -> Self {
                if e.im == 0.0 && e.re.fract() == 0.0 && e.re.abs() <= 100.0 {
                    let n = e.re as i32;
                    if n == 0 { return <$t>::new(1.0, 0.0); }
                    let mut acc = <$t>::new(1.0, 0.0);
                    for _ in 0..n.unsigned_abs() { acc *= self; }
                    return if n < 0 { <$t>::new(1.0, 0.0) / acc } else { acc };
                }
                if self.re == 0.0 && self.im == 0.0 {
                    return if e.re > 0.0 { <$t>::new(0.0, 0.0) } else { <$t>::new(f64::NAN as _, f64::NAN as _) };
                }
                self.powc(e)
            }
            #[inline(always)]
            fn cdiv(self, d: Self) -> Self {
                let (ar, ai, br, bi) = (self.re, self.im, d.re, d.im);
                let (abs_br, abs_bi) = (br.abs(), bi.abs());
                if abs_br >= abs_bi {
                    if abs_br == 0.0 && abs_bi == 0.0 {
                        <$t>::new(ar / abs_br, ai / abs_br)
                    } else {
                        let rat = bi / br;
                        let scl = 1.0 / (br + bi * rat);
                        <$t>::new((ar + ai * rat) * scl, (ai - ar * rat) * scl)
                    }
                } else {
                    let rat = br / bi;
                    let scl = 1.0 / (bi + br * rat);
                    <$t>::new((ar * rat + ai) * scl, (ai * rat - ar) * scl)
                }
            }
        }
    )*};
}
complex_pow!(Complex64, Complex128);

/// Runs a binary arithmetic ufunc on two operands with NumPy's type resolution.
pub(crate) fn try_binary_op(op: BinOp, a: &Operand, b: &Operand) -> Result<Array> {
    if a.dtype().is_str() || b.dtype().is_str() {
        return crate::strings::arithmetic(op.name(), a, b);
    }
    let mut dt = result_type(a, b)?;
    // `power` has no bool loop: a bool array with a Python int uses the int8 loop
    if op == BinOp::Pow
        && dt == DType::Int64
        && ((a.dtype() == DType::Bool && matches!(b, Operand::Weak(WeakScalar::Int(_))))
            || (b.dtype() == DType::Bool && matches!(a, Operand::Weak(WeakScalar::Int(_)))))
    {
        dt = DType::Int8;
    }
    binary_op_in(op, a, b, dt)
}

/// Runs a binary arithmetic ufunc with the loop dtype already chosen.
fn binary_op_in(op: BinOp, a: &Operand, b: &Operand, dt: DType) -> Result<Array> {
    if dt == DType::Bool {
        return match op {
            BinOp::Add => binary::<bool, bool, bool>(a, b, |x, y| x | y),
            BinOp::Mul => binary::<bool, bool, bool>(a, b, |x, y| x & y),
            BinOp::Sub => Err(bool_sub_error()),
            BinOp::Div => float_op::<f64>(op, a, b),
            _ => int_op::<i8>(op, a, b),
        };
    }
    if op == BinOp::Div && (dt.is_integer()) {
        return float_op::<f64>(op, a, b);
    }
    crate::dispatch!(dt, [Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64], T => int_op::<T>(op, a, b),
        _ => crate::dispatch_float!(dt, T => float_op::<T>(op, a, b),
            _ => crate::dispatch_complex!(dt, T => complex_op::<T>(op, a, b), _ => unreachable!())))
}

/// NumPy's `same_kind` casting rule (`np.can_cast(from, to, 'same_kind')`).
///
/// ```
/// use arraylib::{arithmetic::can_cast_same_kind, DType};
/// assert!(can_cast_same_kind(DType::Float64, DType::Float32));
/// assert!(!can_cast_same_kind(DType::Float64, DType::Int64));
/// assert!(!can_cast_same_kind(DType::Int64, DType::UInt8));
/// ```
pub fn can_cast_same_kind(from: DType, to: DType) -> bool {
    let rank = |d: DType| match d.kind() {
        Kind::Bool => 0,
        Kind::UInt => 1,
        Kind::Int => 2,
        Kind::Float => 3,
        Kind::Complex => 4,
        Kind::Str => 5,
    };
    if from.kind() == Kind::Int && to.kind() == Kind::UInt {
        return false;
    }
    rank(from) <= rank(to)
}

/// Runs `op` and writes the result into `out` (NumPy's in-place `a += b`), checking the
/// `same_kind` output cast, the output shape and that `out` is writeable.
pub(crate) fn try_inplace(op: BinOp, out: &Array, b: &Operand) -> Result<()> {
    let a = Operand::InPlace(out);
    if out.dtype().is_str() || b.dtype().is_str() {
        // `names += "x"` concatenates, cut to the array's width; the rest are type errors.
        let r = crate::strings::arithmetic(op.name(), &a, b)?;
        if out.dtype().is_str() {
            return out.try_assign(&r);
        }
        return Err(crate::strings::no_loop_binary(op.name(), &a, b));
    }
    let mut dt = result_type(&a, b)?;
    if op == BinOp::Div && (dt.is_integer() || dt == DType::Bool) {
        dt = DType::Float64;
    }
    let loop_dt = match op {
        BinOp::FloorDiv | BinOp::Rem | BinOp::Fmod | BinOp::Pow if dt == DType::Bool => DType::Int8,
        _ => dt,
    };
    if !can_cast_same_kind(loop_dt, out.dtype()) {
        return Err(ArrayError::new(
            ErrorKind::UFuncTypeError,
            format!(
                "Cannot cast ufunc '{}' output from dtype('{}') to dtype('{}') with casting rule 'same_kind'",
                op.name(),
                loop_dt,
                out.dtype()
            ),
        ));
    }
    let shape = crate::broadcast::broadcast_shapes(&[out.shape(), b.shape()])?;
    if shape != out.shape() {
        return Err(ArrayError::value(format!(
            "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
            crate::error::compact_shape(out.shape()),
            crate::error::compact_shape(&shape)
        )));
    }
    if !out.writeable {
        return Err(ArrayError::value("output array is read-only"));
    }
    let r = binary_op_in(op, &a, b, dt)?;
    // Written in place already when the loop could use `out` as its output.
    if r.storage.addr() != out.storage.addr() || r.offset != out.offset {
        assign_cast(out, &r);
    }
    Ok(())
}

/// Copies `src` (same shape) into `dst`, converting to `dst`'s dtype.
pub(crate) fn assign_cast(dst: &Array, src: &Array) {
    let src = cast_array(src, dst.dtype());
    crate::dispatch!(dst.dtype(), T => {
        let s = src.view::<T>();
        let mut d = dst.view_mut::<T>();
        d.assign(&s);
    })
}

/// The single element of a 0-d (or size-1) array as a [`Scalar`].
pub(crate) fn first_scalar(a: &Array) -> Scalar {
    use crate::scalar::ScalarElement;
    crate::dispatch!(a.dtype(), T => a.view::<T>().iter().next().copied().unwrap_or_default().into_scalar())
}

#[track_caller]
fn binop(op: BinOp, a: Operand, b: Operand) -> Array {
    try_binary_op(op, &a, &b).or_panic()
}

#[track_caller]
fn scalar_binop(op: BinOp, a: Operand, b: Operand) -> Scalar {
    first_scalar(&try_binary_op(op, &a, &b).or_panic())
}

/// `-x` for any operand (NumPy's `np.negative`); bool is a `TypeError` as in NumPy.
pub(crate) fn try_negative(a: &Operand) -> Result<Array> {
    let dt = a.dtype();
    if dt.is_str() {
        return Err(crate::strings::no_loop_unary("negative"));
    }
    crate::dispatch_numeric!(dt, T => Ok(crate::operand::unary::<T, T>(a, |x| x.neg_())),
        _ => Err(bool_neg_error()))
}

// ----- operators -----------------------------------------------------------------------------

macro_rules! array_ops {
    ($Trait:ident, $method:ident, $op:expr) => {
        impl<'b, R: Into<Operand<'b>>> $Trait<R> for &Array {
            type Output = Array;
            #[track_caller]
            fn $method(self, rhs: R) -> Array {
                binop($op, Operand::Borrowed(self), rhs.into())
            }
        }
        impl<'b, R: Into<Operand<'b>>> $Trait<R> for Array {
            type Output = Array;
            #[track_caller]
            fn $method(self, rhs: R) -> Array {
                binop($op, Operand::Owned(self), rhs.into())
            }
        }
        impl $Trait<&Array> for Scalar {
            type Output = Array;
            #[track_caller]
            fn $method(self, rhs: &Array) -> Array {
                binop($op, Operand::Scalar(self), Operand::Borrowed(rhs))
            }
        }
        impl $Trait<Array> for Scalar {
            type Output = Array;
            #[track_caller]
            fn $method(self, rhs: Array) -> Array {
                binop($op, Operand::Scalar(self), Operand::Owned(rhs))
            }
        }
        impl $Trait<Scalar> for Scalar {
            type Output = Scalar;
            #[track_caller]
            fn $method(self, rhs: Scalar) -> Scalar {
                scalar_binop($op, Operand::Scalar(self), Operand::Scalar(rhs))
            }
        }
        impl<R: WeakNumber> $Trait<R> for Scalar {
            type Output = Scalar;
            #[track_caller]
            fn $method(self, rhs: R) -> Scalar {
                scalar_binop($op, Operand::Scalar(self), Operand::Weak(rhs.into()))
            }
        }
        // Only `i32` and `f64` on the left, so integer and float literals (`2 * &a`,
        // `1.0 / &a`) infer their type; other Rust number types go on the right.
        array_ops!(@prims $Trait, $method, $op, i32, f64);
    };
    (@prims $Trait:ident, $method:ident, $op:expr, $($t:ty),*) => {$(
        impl $Trait<&Array> for $t {
            type Output = Array;
            #[track_caller]
            fn $method(self, rhs: &Array) -> Array {
                binop($op, Operand::from(self), Operand::Borrowed(rhs))
            }
        }
        impl $Trait<Array> for $t {
            type Output = Array;
            #[track_caller]
            fn $method(self, rhs: Array) -> Array {
                binop($op, Operand::from(self), Operand::Owned(rhs))
            }
        }
        impl $Trait<Scalar> for $t {
            type Output = Scalar;
            #[track_caller]
            fn $method(self, rhs: Scalar) -> Scalar {
                scalar_binop($op, Operand::from(self), Operand::Scalar(rhs))
            }
        }
    )*};
}

array_ops!(Add, add, BinOp::Add);
array_ops!(Sub, sub, BinOp::Sub);
array_ops!(Mul, mul, BinOp::Mul);
array_ops!(Div, div, BinOp::Div);
array_ops!(Rem, rem, BinOp::Rem);

macro_rules! assign_ops {
    ($($Trait:ident, $method:ident, $op:expr);*) => {$(
        impl<'b, R: Into<Operand<'b>>> $Trait<R> for Array {
            #[track_caller]
            fn $method(&mut self, rhs: R) {
                try_inplace($op, self, &rhs.into()).or_panic()
            }
        }
        impl<'b, R: Into<Operand<'b>>> $Trait<R> for &Array {
            #[track_caller]
            fn $method(&mut self, rhs: R) {
                try_inplace($op, self, &rhs.into()).or_panic()
            }
        }
        impl<'b, R: Into<Operand<'b>>> $Trait<R> for Scalar {
            #[track_caller]
            fn $method(&mut self, rhs: R) {
                *self = first_scalar(&try_binary_op($op, &Operand::Scalar(*self), &rhs.into()).or_panic());
            }
        }
    )*};
}

assign_ops!(AddAssign, add_assign, BinOp::Add; SubAssign, sub_assign, BinOp::Sub;
    MulAssign, mul_assign, BinOp::Mul; DivAssign, div_assign, BinOp::Div;
    RemAssign, rem_assign, BinOp::Rem);

impl Neg for &Array {
    type Output = Array;
    #[track_caller]
    fn neg(self) -> Array {
        try_negative(&Operand::Borrowed(self)).or_panic()
    }
}

impl Neg for Array {
    type Output = Array;
    #[track_caller]
    fn neg(self) -> Array {
        try_negative(&Operand::Owned(self)).or_panic()
    }
}

impl Neg for Scalar {
    type Output = Scalar;
    #[track_caller]
    fn neg(self) -> Scalar {
        first_scalar(&try_negative(&Operand::Scalar(self)).or_panic())
    }
}

// ----- methods -------------------------------------------------------------------------------

impl Array {
    /// `a + b` as a method (`np.add`).
    ///
    /// (Where `std::ops::Add` is imported, `a.add(b)` on an owned `Array` resolves to the
    /// operator trait's method, which consumes `a`; the same holds for `sub`, `mul`, `div`
    /// and `rem`. Without that import, as in notebook cells, these methods borrow `a`.)
    ///
    /// ```
    /// let a = arraylib::arange(3);
    /// assert_eq!(a.add(&a).to_vec::<i64>(), vec![0, 2, 4]);
    /// ```
    #[track_caller]
    #[allow(clippy::should_implement_trait)]
    pub fn add<'b>(&self, other: impl IntoOperand<'b>) -> Array {
        binop(BinOp::Add, Operand::Borrowed(self), other.into_operand())
    }

    /// `a - b` as a method (`np.subtract`).
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).sub(1).to_vec::<i64>(), vec![-1, 0, 1]);
    /// ```
    #[track_caller]
    #[allow(clippy::should_implement_trait)]
    pub fn sub<'b>(&self, other: impl IntoOperand<'b>) -> Array {
        binop(BinOp::Sub, Operand::Borrowed(self), other.into_operand())
    }

    /// `a * b` as a method (`np.multiply`).
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).mul(1.5).to_vec::<f64>(), vec![0.0, 1.5, 3.0]);
    /// ```
    #[track_caller]
    #[allow(clippy::should_implement_trait)]
    pub fn mul<'b>(&self, other: impl IntoOperand<'b>) -> Array {
        binop(BinOp::Mul, Operand::Borrowed(self), other.into_operand())
    }

    /// `a / b` as a method (`np.divide`, true division: integers give float64).
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).div(2).to_vec::<f64>(), vec![0.0, 0.5, 1.0]);
    /// ```
    #[track_caller]
    #[allow(clippy::should_implement_trait)]
    pub fn div<'b>(&self, other: impl IntoOperand<'b>) -> Array {
        binop(BinOp::Div, Operand::Borrowed(self), other.into_operand())
    }

    /// `a // b` (`np.floor_divide`): rounds toward minus infinity; integer division by zero
    /// gives 0 as in NumPy.
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![-7i64, 7], [2]);
    /// assert_eq!(a.floor_div(2).to_vec::<i64>(), vec![-4, 3]);
    /// ```
    #[track_caller]
    pub fn floor_div<'b>(&self, other: impl IntoOperand<'b>) -> Array {
        binop(
            BinOp::FloorDiv,
            Operand::Borrowed(self),
            other.into_operand(),
        )
    }

    /// `a % b` (`np.remainder`, Python's `%`): the result has the sign of the divisor.
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![-7i64, 7], [2]);
    /// assert_eq!(a.rem(3).to_vec::<i64>(), vec![2, 1]);
    /// ```
    #[track_caller]
    #[allow(clippy::should_implement_trait)]
    pub fn rem<'b>(&self, other: impl IntoOperand<'b>) -> Array {
        binop(BinOp::Rem, Operand::Borrowed(self), other.into_operand())
    }

    /// `a ** b` (`np.power`) with broadcasting and NumPy's promotion; integers to negative
    /// integer powers are NumPy's `ValueError`.
    ///
    /// ```
    /// let a = arraylib::arange(4);
    /// assert_eq!(a.pow(2).to_vec::<i64>(), vec![0, 1, 4, 9]);
    /// assert_eq!(a.pow(0.5).dtype(), arraylib::DType::Float64);
    /// ```
    #[track_caller]
    pub fn pow<'b>(&self, exponent: impl IntoOperand<'b>) -> Array {
        binop(BinOp::Pow, Operand::Borrowed(self), exponent.into_operand())
    }

    /// `a ** n` for an integer exponent (Rust's `powi` spelling of [`Array::pow`]).
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).powi(3).to_vec::<i64>(), vec![0, 1, 8]);
    /// ```
    #[track_caller]
    pub fn powi(&self, n: i32) -> Array {
        self.pow(n)
    }

    /// `a ** x` for a float exponent (Rust's `powf` spelling of [`Array::pow`]).
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).powf(2.0).to_vec::<f64>(), vec![0.0, 1.0, 4.0]);
    /// ```
    #[track_caller]
    pub fn powf(&self, x: f64) -> Array {
        self.pow(x)
    }
}

// ----- free functions ------------------------------------------------------------------------

macro_rules! free_binary {
    ($($(#[$doc:meta])* $name:ident, $try_name:ident => $op:expr;)*) => {$(
        $(#[$doc])*
        #[track_caller]
        pub fn $name<'a, 'b>(x1: impl IntoOperand<'a>, x2: impl IntoOperand<'b>) -> Array {
            binop($op, x1.into_operand(), x2.into_operand())
        }

        #[doc = concat!("Fallible form of [`", stringify!($name), "`].")]
        ///
        /// ```
        #[doc = concat!("assert!(arraylib::", stringify!($try_name), "(arraylib::zeros(3), arraylib::zeros(2)).is_err());")]
        /// ```
        pub fn $try_name<'a, 'b>(x1: impl IntoOperand<'a>, x2: impl IntoOperand<'b>) -> Result<Array> {
            try_binary_op($op, &x1.into_operand(), &x2.into_operand())
        }
    )*};
}

free_binary! {
    /// `np.add(x1, x2)`: elementwise sum with broadcasting.
    ///
    /// ```
    /// assert_eq!(arraylib::add(&arraylib::arange(3), 1).to_vec::<i64>(), vec![1, 2, 3]);
    /// ```
    add, try_add => BinOp::Add;
    /// `np.subtract(x1, x2)`.
    ///
    /// ```
    /// assert_eq!(arraylib::subtract(10, &arraylib::arange(3)).to_vec::<i64>(), vec![10, 9, 8]);
    /// ```
    subtract, try_subtract => BinOp::Sub;
    /// `np.multiply(x1, x2)`.
    ///
    /// ```
    /// assert_eq!(arraylib::multiply(&arraylib::arange(3), 2.0).to_vec::<f64>(), vec![0.0, 2.0, 4.0]);
    /// ```
    multiply, try_multiply => BinOp::Mul;
    /// `np.divide(x1, x2)` (true division; integers give float64).
    ///
    /// ```
    /// assert_eq!(arraylib::divide(&arraylib::arange(3), 2).to_vec::<f64>(), vec![0.0, 0.5, 1.0]);
    /// ```
    divide, try_divide => BinOp::Div;
    /// `np.true_divide(x1, x2)`, the same as [`divide`].
    ///
    /// ```
    /// assert_eq!(arraylib::true_divide(1, &arraylib::arange((1, 3))).to_vec::<f64>(), vec![1.0, 0.5]);
    /// ```
    true_divide, try_true_divide => BinOp::Div;
    /// `np.floor_divide(x1, x2)` (Python's `//`; integer division by zero gives 0).
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![-7.5, 7.5], [2]);
    /// assert_eq!(arraylib::floor_divide(&a, 2).to_vec::<f64>(), vec![-4.0, 3.0]);
    /// ```
    floor_divide, try_floor_divide => BinOp::FloorDiv;
    /// `np.remainder(x1, x2)` (Python's `%`: the sign of the divisor).
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![-7i64, 7], [2]);
    /// assert_eq!(arraylib::remainder(&a, 3).to_vec::<i64>(), vec![2, 1]);
    /// ```
    remainder, try_remainder => BinOp::Rem;
    /// `np.mod(x1, x2)`, the same as [`remainder`] (`mod` is a Rust keyword, hence the `_`).
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![-7.0, 7.0], [2]);
    /// assert_eq!(arraylib::mod_(&a, 3).to_vec::<f64>(), vec![2.0, 1.0]);
    /// ```
    mod_, try_mod => BinOp::Rem;
    /// `np.fmod(x1, x2)`: C's remainder, with the sign of the dividend.
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![-7i64, 7], [2]);
    /// assert_eq!(arraylib::fmod(&a, 3).to_vec::<i64>(), vec![-1, 1]);
    /// ```
    fmod, try_fmod => BinOp::Fmod;
    /// `np.power(x1, x2)` (`x1 ** x2`).
    ///
    /// ```
    /// assert_eq!(arraylib::power(2, &arraylib::arange(4)).to_vec::<i64>(), vec![1, 2, 4, 8]);
    /// ```
    power, try_power => BinOp::Pow;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate as np;
    use crate::s;

    fn i64s(v: &[i64]) -> Array {
        Array::from_vec(v.to_vec(), [v.len()])
    }

    #[test]
    fn operators_and_promotion() {
        let a = np::arange(4);
        assert_eq!((&a + 1).to_vec::<i64>(), vec![1, 2, 3, 4]);
        assert_eq!((2 * &a).to_vec::<i64>(), vec![0, 2, 4, 6]);
        assert_eq!((&a * 1.5).dtype(), DType::Float64);
        assert_eq!(
            (1.0 / (&a + 1)).to_vec::<f64>(),
            vec![1.0, 0.5, 1.0 / 3.0, 0.25]
        );
        let f = Array::from_vec(vec![1f32, 2.0], [2]);
        assert_eq!((&f * 2.0).dtype(), DType::Float32);
        assert_eq!((&f * Scalar::from(2.0)).dtype(), DType::Float64);
        let i8a = Array::from_vec(vec![1i8, 2], [2]);
        assert_eq!((&i8a + 1).dtype(), DType::Int8);
        let e = try_add(&i8a, 300).unwrap_err();
        assert_eq!(
            e.to_string(),
            "OverflowError: Python integer 300 out of bounds for int8"
        );
        assert_eq!((-&a).to_vec::<i64>(), vec![0, -1, -2, -3]);
    }

    #[test]
    fn broadcasting() {
        let a = np::arange(6).reshape([2, 3]);
        let b = np::arange(3);
        assert_eq!((&a + &b).to_vec::<i64>(), vec![0, 2, 4, 3, 5, 7]);
        let col = np::arange(2).reshape([2, 1]);
        assert_eq!((&col * &b).to_vec::<i64>(), vec![0, 0, 0, 0, 1, 2]);
        let e = try_add(&a, np::arange(4)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: operands could not be broadcast together with shapes (2,3) (4,) "
        );
        // transposed and negative-stride views
        let t = a.t();
        assert_eq!((&t + 0).to_vec::<i64>(), vec![0, 3, 1, 4, 2, 5]);
        // results keep the memory order of a transposed operand, as NumPy's do
        assert!((&t + 0).flags().f_contiguous);
        assert_eq!((&t * &t).to_vec::<i64>(), vec![0, 9, 1, 16, 4, 25]);
        assert_eq!(
            crate::ufuncs::negative(&t).to_vec::<i64>(),
            vec![0, -3, -1, -4, -2, -5]
        );
        let e = crate::ufuncs::exp(t.astype(DType::Float64));
        assert_eq!(e.to_vec::<f64>()[1], 3f64.exp());
        let r = np::arange(5).slice(crate::s![..;-1]);
        assert_eq!((&r - &np::arange(5)).to_vec::<i64>(), vec![4, 2, 0, -2, -4]);
    }

    #[test]
    fn division_rules() {
        let a = i64s(&[-7, 7, 5]);
        assert_eq!(a.floor_div(2).to_vec::<i64>(), vec![-4, 3, 2]);
        assert_eq!(a.floor_div(0).to_vec::<i64>(), vec![0, 0, 0]);
        assert_eq!(remainder(&a, 3).to_vec::<i64>(), vec![2, 1, 2]);
        assert_eq!(remainder(&a, -3).to_vec::<i64>(), vec![-1, -2, -1]);
        assert_eq!(remainder(&a, 0).to_vec::<i64>(), vec![0, 0, 0]);
        let f = Array::from_vec(vec![-7.0, 7.0], [2]);
        assert_eq!((&f % 3).to_vec::<f64>(), vec![2.0, 1.0]);
        assert_eq!(
            f.floor_div(0.0).to_vec::<f64>(),
            vec![f64::NEG_INFINITY, f64::INFINITY]
        );
        assert_eq!((&a / 0).to_vec::<f64>()[1], f64::INFINITY);
        let e = try_power(&a, -1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: Integers to negative integer powers are not allowed."
        );
    }

    #[test]
    fn in_place() {
        let mut a = np::arange(3);
        a += 2;
        assert_eq!(a.to_vec::<i64>(), vec![2, 3, 4]);
        let e = try_inplace(BinOp::Add, &a, &Operand::from(1.5)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "UFuncTypeError: Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'"
        );
        let mut f = np::zeros(3);
        f *= 2;
        f += &np::arange(3);
        assert_eq!(f.to_vec::<f64>(), vec![0.0, 1.0, 2.0]);
        let v = f.slice(crate::s![1..]);
        let mut vv = v.clone();
        vv -= 1.0;
        assert_eq!(f.to_vec::<f64>(), vec![0.0, 0.0, 1.0]);
    }

    #[test]
    fn bool_and_scalars() {
        let b = Array::from_vec(vec![true, false], [2]);
        assert_eq!((&b + true).to_vec::<bool>(), vec![true, true]);
        assert_eq!((&b + 1).dtype(), DType::Int64);
        assert!(try_subtract(&b, &b).is_err());
        let s = Scalar::from(2.0);
        assert_eq!(s * 2.0, Scalar::from(4.0));
        assert_eq!(1 + Scalar::from(2i64), Scalar::from(3i64));
        assert_eq!(
            (Scalar::from(100i8) + Scalar::from(100i8)),
            Scalar::from(-56i8)
        );
        assert_eq!(Scalar::from(3.0f32) * 2.0, Scalar::from(6.0f32));
    }

    #[test]
    fn temporaries_are_reused() {
        let a = np::arange(5).astype(DType::Float64);
        let at = |x: &Array| x.as_slice::<f64>().unwrap().as_ptr();
        let t = &a * 2.0;
        let buffer = at(&t);
        // The temporary on the left, on the right, and through a unary ufunc.
        let t2 = t + 1.0;
        assert_eq!(at(&t2), buffer);
        assert_eq!(t2.to_vec::<f64>(), vec![1.0, 3.0, 5.0, 7.0, 9.0]);
        let t3 = 10.0 - t2;
        assert_eq!(at(&t3), buffer);
        assert_eq!(t3.to_vec::<f64>(), vec![9.0, 7.0, 5.0, 3.0, 1.0]);
        let t4 = np::sqrt(t3);
        assert_eq!(at(&t4), buffer);
        assert_eq!(t4.to_vec::<f64>()[1], 7f64.sqrt());
        let t5 = &a + t4;
        assert_eq!(at(&t5), buffer);
        assert_eq!(t5.to_vec::<f64>()[2], 2.0 + 5f64.sqrt());
        assert_eq!(a.to_vec::<f64>(), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
        // A temporary that something else still holds is not written over.
        let u = &a * 2.0;
        let keep = u.clone();
        let v = u + 1.0;
        assert_ne!(at(&v), at(&keep));
        assert_eq!(keep.to_vec::<f64>(), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
    }

    #[test]
    fn in_place_loops_write_into_their_left_side_unless_the_right_overlaps_it() {
        let a = np::arange(6.0).reshape([2, 3]);
        let at = |x: &Array| x.storage.addr() + x.offset * 8;
        // Where the loop of `x += y` writes: into `x` itself, or a new array copied in later.
        let writes_into = |x: &Array, y: &Operand| {
            let r = binary_op_in(BinOp::Add, &Operand::InPlace(x), y, DType::Float64).unwrap();
            at(&r) == at(x)
        };
        let row0 = a.slice(s![0]);
        let row1 = a.slice(s![1]);
        assert!(writes_into(&a, &Operand::from(1.0)));
        assert!(writes_into(&a, &Operand::from(&a.clone())));
        assert!(writes_into(&row1, &Operand::from(&row0)));
        assert!(writes_into(&a, &Operand::from(&np::ones(3))));
        // The right side reads elements the loop would already have overwritten.
        assert!(!writes_into(&a, &Operand::from(&row0)));
        assert!(!writes_into(
            &a.slice(s![.., 1..]),
            &Operand::from(&a.slice(s![.., ..2]))
        ));
        assert!(!writes_into(&a, &Operand::from(&a.slice(s![..;-1]))));
        // Not row-major, or another dtype: the result is made apart.
        assert!(!writes_into(&a.t(), &Operand::from(1.0)));
        let f32s = a.astype(DType::Float32);
        assert!(!writes_into(&f32s, &Operand::from(1.0)));
        // Either way the operator leaves NumPy's values behind (the calls above added to `a`).
        let a = np::arange(6.0).reshape([2, 3]);
        let mut b = a.copy();
        b += &a.slice(s![0]);
        assert_eq!(b.to_vec::<f64>(), vec![0.0, 2.0, 4.0, 3.0, 5.0, 7.0]);
    }
}

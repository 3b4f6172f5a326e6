//! NumPy's mathematical ufuncs: `exp`, `log`, `sqrt`, trigonometric and hyperbolic functions,
//! rounding, `abs`, `sign`, `clip`, `maximum`/`minimum`, `isnan`/`isinf`/`isfinite`, ...
//!
//! Each is a free function taking any operand (`np::exp(&x)`, `np::exp(-&x)`,
//! `np::maximum(0, &x)`) and a method (`x.exp()`). Integer and bool inputs give floats as in
//! NumPy: int32/int64/uint32/uint64 give float64. NumPy gives float16 for bool/int8/uint8 and
//! float32 for int16/uint16; arraylib has no float16 and gives float32 for all five.
//!
//! A 0-d result (of a number, a [`Scalar`] or a 0-d array) stands for the scalar NumPy
//! returns there ([`Array::is_scalar`]) and prints like it: `np::sqrt(2.0)` is
//! `np.float64(1.4142135623730951)`. The same holds for the operators and the comparison,
//! logical and bitwise functions.
//!
//! `exp` and `log` on float64/float32 use vectorizable polynomial kernels (about 1 ulp, like
//! NumPy's SIMD loops); the other functions use the platform's libm.
//!
//! ```
//! use arraylib as np;
//! let x = np::linspace(-2.0, 2.0, 5);
//! let sigmoid = 1.0 / (1.0 + np::exp(-&x));
//! assert!((sigmoid.get([2]).to_f64() - 0.5).abs() < 1e-15);
//! assert_eq!(np::maximum(0, &x).to_vec::<f64>(), vec![0.0, 0.0, 0.0, 1.0, 2.0]);
//! ```

use crate::arithmetic::{Num, first_scalar, no_loop};
use crate::array::Array;
use crate::casting::CastTo;
use crate::dtype::{Complex64, Complex128, DType, Element, Kind};
use crate::error::{ArrayError, ErrorKind, OrPanic, Result};
use crate::operand::{
    IntoOperand, Operand, WeakScalar, binary, from_data, new_vec, result_type, unary,
};
use crate::scalar::Scalar;
use std::mem::MaybeUninit;

// ----- vectorizable exp and log --------------------------------------------------------------

#[allow(clippy::excessive_precision)]
const LN2_HI: f64 = 6.931_471_803_691_238_164_9e-1;
#[allow(clippy::excessive_precision)]
const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;

/// `e^x` for f64 without branches (so loops over it vectorize), accurate to about 1 ulp.
///
/// ```
/// let x = 1.2345_f64;
/// assert!((arraylib::ufuncs::exp_f64(x) - x.exp()).abs() <= 2.0 * f64::EPSILON * x.exp());
/// ```
#[inline(always)]
pub fn exp_f64(x: f64) -> f64 {
    exp_with::<false>(x)
}

/// `a * b + c`, fused into one rounding when `FMA` (only in code compiled for a CPU with FMA,
/// where it is one instruction; elsewhere `mul_add` is a slow library call).
#[inline(always)]
fn madd<const FMA: bool>(a: f64, b: f64, c: f64) -> f64 {
    if FMA { a.mul_add(b, c) } else { a * b + c }
}

/// [`exp_f64`], with fused multiply-adds when `FMA`.
#[inline(always)]
fn exp_with<const FMA: bool>(x: f64) -> f64 {
    const LOG2E: f64 = std::f64::consts::LOG2_E;
    const SHIFT: f64 = 6_755_399_441_055_744.0; // 1.5 * 2^52: adding it rounds to an integer
    let xc = x.clamp(-745.2, 709.8);
    let t = madd::<FMA>(xc, LOG2E, SHIFT);
    let n = t - SHIFT;
    let r = madd::<FMA>(-n, LN2_LO, madd::<FMA>(-n, LN2_HI, xc));
    // Taylor series to r^13 on |r| <= ln(2)/2 (truncation error below 1e-17).
    let p = 1.0 / 6_227_020_800.0;
    let p = madd::<FMA>(p, r, 1.0 / 479_001_600.0);
    let p = madd::<FMA>(p, r, 1.0 / 39_916_800.0);
    let p = madd::<FMA>(p, r, 1.0 / 3_628_800.0);
    let p = madd::<FMA>(p, r, 1.0 / 362_880.0);
    let p = madd::<FMA>(p, r, 1.0 / 40_320.0);
    let p = madd::<FMA>(p, r, 1.0 / 5_040.0);
    let p = madd::<FMA>(p, r, 1.0 / 720.0);
    let p = madd::<FMA>(p, r, 1.0 / 120.0);
    let p = madd::<FMA>(p, r, 1.0 / 24.0);
    let p = madd::<FMA>(p, r, 1.0 / 6.0);
    let p = madd::<FMA>(p, r, 0.5);
    let p = madd::<FMA>(p * r, r, r);
    let p = p + 1.0;
    let ni = (t.to_bits() as i64).wrapping_sub(SHIFT.to_bits() as i64);
    // split 2^n into two factors that stay normal (logical shifts vectorize, arithmetic
    // 64-bit shifts do not)
    let n1 = (((ni + 2048) as u64 >> 1) as i64) - 1024;
    let n2 = ni - n1;
    let s1 = f64::from_bits(((n1 + 1023) as u64) << 52);
    let s2 = f64::from_bits(((n2 + 1023) as u64) << 52);
    let res = p * s1 * s2;
    if x > 709.782_712_893_384 {
        f64::INFINITY
    } else if x < -745.133_219_101_941_2 {
        0.0
    } else {
        res
    }
}

/// `tanh(x)` for f64 without branches (so loops over it vectorize), accurate to about 2 ulp.
///
/// ```
/// for x in [-30.0, -1.5, -0.3, 1e-9, 0.5, 0.7, 2.0, 20.0] {
///     let t = arraylib::ufuncs::tanh_f64(x);
///     assert!((t - f64::tanh(x)).abs() <= 4.0 * f64::EPSILON * t.abs(), "{x}");
/// }
/// assert!(arraylib::ufuncs::tanh_f64(-0.0).is_sign_negative());
/// ```
#[inline(always)]
pub fn tanh_f64(x: f64) -> f64 {
    tanh_with::<false>(x)
}

/// [`tanh_f64`], with fused multiply-adds when `FMA`. Cephes' method: `1 - 2 / (e^2|x| + 1)`
/// from 0.625 up, where it loses no accuracy, and a rational function below.
#[inline(always)]
#[allow(clippy::excessive_precision)]
fn tanh_with<const FMA: bool>(x: f64) -> f64 {
    const P: [f64; 3] = [
        -9.643_991_794_250_522_386_28e-1,
        -9.928_772_310_019_185_865_64e1,
        -1.614_687_684_417_084_479_52e3,
    ];
    const Q: [f64; 3] = [
        1.128_116_784_916_329_314_02e2,
        2.235_488_390_601_004_485_83e3,
        4.844_063_053_251_254_860_48e3,
    ];
    let z = x.abs();
    // Past 20, 2 / (e^2z + 1) is below half an ulp of 1; the clamp keeps e^2z finite.
    let e = exp_with::<FMA>(2.0 * z.min(20.0));
    let far = (1.0 - 2.0 / (e + 1.0)).copysign(x);
    let s = x * x;
    let p = madd::<FMA>(madd::<FMA>(P[0], s, P[1]), s, P[2]);
    let q = madd::<FMA>(madd::<FMA>(s + Q[0], s, Q[1]), s, Q[2]);
    let near = madd::<FMA>(x * s, p / q, x);
    // `near` of -0.0 would be +0.0; NaN goes through `near`.
    if z >= 0.625 {
        far
    } else if z == 0.0 {
        x
    } else {
        near
    }
}

/// Natural logarithm for f64 without branches (fdlibm's polynomial), accurate to about 1 ulp.
///
/// ```
/// assert!((arraylib::ufuncs::log_f64(10.0) - 10f64.ln()).abs() <= 4.0 * f64::EPSILON);
/// assert_eq!(arraylib::ufuncs::log_f64(0.0), f64::NEG_INFINITY);
/// ```
#[inline(always)]
#[allow(clippy::excessive_precision)]
pub fn log_f64(x: f64) -> f64 {
    const LG1: f64 = 6.666_666_666_666_735_13e-01;
    const LG2: f64 = 3.999_999_999_940_941_908e-01;
    const LG3: f64 = 2.857_142_874_366_239_149e-01;
    const LG4: f64 = 2.222_219_843_214_978_396e-01;
    const LG5: f64 = 1.818_357_216_161_805_012e-01;
    const LG6: f64 = 1.531_383_769_920_937_332e-01;
    const LG7: f64 = 1.479_819_860_511_658_591e-01;
    let sub = x < f64::MIN_POSITIVE;
    let xs = if sub { x * 18_014_398_509_481_984.0 } else { x };
    let bits = xs.to_bits();
    let e = (bits >> 52) & 0x7ff;
    let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    let big = m > std::f64::consts::SQRT_2;
    let m = if big { m * 0.5 } else { m };
    let ef = f64::from_bits(0x4330_0000_0000_0000 | e) - 4_503_599_627_370_496.0;
    let k = ef - 1023.0 + if big { 1.0 } else { 0.0 } - if sub { 54.0 } else { 0.0 };
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG2 + w * (LG4 + w * LG6));
    let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    let r = t2 + t1;
    let hfsq = 0.5 * f * f;
    let res = k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
    let res = if x == 0.0 { f64::NEG_INFINITY } else { res };
    let res = if x < 0.0 { f64::NAN } else { res };
    let res = if x == f64::INFINITY { x } else { res };
    if x.is_nan() { x } else { res }
}

/// `e^x` for f32 (computed through [`exp_f64`], so correctly rounded in practice).
///
/// ```
/// assert_eq!(arraylib::ufuncs::exp_f32(0.0), 1.0);
/// ```
#[inline(always)]
pub fn exp_f32(x: f32) -> f32 {
    exp_f64(x as f64) as f32
}

/// Natural logarithm for f32 (computed through [`log_f64`]).
///
/// ```
/// assert_eq!(arraylib::ufuncs::log_f32(1.0), 0.0);
/// ```
#[inline(always)]
pub fn log_f32(x: f32) -> f32 {
    log_f64(x as f64) as f32
}

// ----- type resolution helpers ---------------------------------------------------------------

/// Whole-slice kernels of a ufunc for contiguous float32/float64 input, when it has them.
type FastFns = Option<(fn(&[f32]) -> Vec<f32>, fn(&[f64]) -> Vec<f64>)>;

/// A slice kernel applying an inlined scalar function, compiled twice: for AVX2 (picked at
/// run time) and for the baseline CPU.
macro_rules! slice_kernel {
    ($name:ident, $t:ty, $f:path, $ffma:path) => {
        fn $name(src: &[$t]) -> Vec<$t> {
            #[inline(always)]
            fn body(src: &[$t], out: &mut [MaybeUninit<$t>]) {
                for (o, &x) in out.iter_mut().zip(src) {
                    o.write($f(x));
                }
            }
            #[inline(always)]
            fn body_fma(src: &[$t], out: &mut [MaybeUninit<$t>]) {
                for (o, &x) in out.iter_mut().zip(src) {
                    o.write($ffma(x));
                }
            }
            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx2")]
            unsafe fn avx2(src: &[$t], out: &mut [MaybeUninit<$t>]) {
                body(src, out)
            }
            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx2,fma")]
            unsafe fn avx2_fma(src: &[$t], out: &mut [MaybeUninit<$t>]) {
                body_fma(src, out)
            }
            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx512f,avx2,fma")]
            unsafe fn avx512(src: &[$t], out: &mut [MaybeUninit<$t>]) {
                body_fma(src, out)
            }
            let n = src.len();
            let mut v: Vec<$t> = new_vec(n);
            let out = &mut v.spare_capacity_mut()[..n];
            #[cfg(target_arch = "x86_64")]
            {
                use std::arch::is_x86_feature_detected as has;
                // As NumPy's own loops, pick the widest vectors the CPU has, at run time.
                if has!("avx512f") && has!("fma") {
                    // SAFETY: the CPU supports AVX-512F, AVX2 and FMA.
                    unsafe { avx512(src, out) };
                } else if has!("avx2") && has!("fma") {
                    // SAFETY: the CPU supports AVX2 and FMA.
                    unsafe { avx2_fma(src, out) };
                } else if has!("avx2") {
                    // SAFETY: the CPU supports AVX2.
                    unsafe { avx2(src, out) };
                } else {
                    body(src, out);
                }
            }
            #[cfg(not(target_arch = "x86_64"))]
            body(src, out);
            // SAFETY: every element was written.
            unsafe { v.set_len(n) };
            v
        }
    };
}

#[inline(always)]
fn exp_fma_f64(x: f64) -> f64 {
    exp_with::<true>(x)
}

#[inline(always)]
fn exp_fma_f32(x: f32) -> f32 {
    exp_with::<true>(x as f64) as f32
}

#[inline(always)]
fn tanh_f32(x: f32) -> f32 {
    tanh_f64(x as f64) as f32
}

#[inline(always)]
fn tanh_fma_f64(x: f64) -> f64 {
    tanh_with::<true>(x)
}

#[inline(always)]
fn tanh_fma_f32(x: f32) -> f32 {
    tanh_with::<true>(x as f64) as f32
}

slice_kernel!(exp_slice_f64, f64, exp_f64, exp_fma_f64);
slice_kernel!(exp_slice_f32, f32, exp_f32, exp_fma_f32);
slice_kernel!(log_slice_f64, f64, log_f64, log_f64);
slice_kernel!(tanh_slice_f64, f64, tanh_f64, tanh_fma_f64);
slice_kernel!(tanh_slice_f32, f32, tanh_f32, tanh_fma_f32);
slice_kernel!(log_slice_f32, f32, log_f32, log_f32);

/// Complex versions of a ufunc, when it has them.
type ComplexFns = Option<(fn(Complex64) -> Complex64, fn(Complex128) -> Complex128)>;

/// A float ufunc: bool/int inputs go to `float_for_ufunc`, floats keep their type, complex
/// uses `complex` or is NumPy's `TypeError`. A 0-d result is NumPy's scalar, as from `unary`.
fn float_unary(
    name: &str,
    a: &Operand,
    f32f: impl Fn(f32) -> f32,
    f64f: impl Fn(f64) -> f64,
    complex: ComplexFns,
    fast: FastFns,
) -> Result<Array> {
    let dt = a.dtype();
    if dt.is_str() {
        return Err(no_loop(name));
    }
    if let (Some((k32, k64)), Some(arr)) = (fast, a.as_array()) {
        match dt {
            DType::Float64 => {
                if let Some(s) = arr.as_slice::<f64>() {
                    return Ok(from_data(k64(s), arr.shape().to_vec()).scalar_if_0d());
                }
            }
            DType::Float32 => {
                if let Some(s) = arr.as_slice::<f32>() {
                    return Ok(from_data(k32(s), arr.shape().to_vec()).scalar_if_0d());
                }
            }
            _ => {}
        }
    }
    match dt.float_for_ufunc() {
        DType::Float32 => Ok(
            crate::dispatch_real!(dt, A => unary::<A, f32>(a, |x| f32f(x.cast())),
            _ => unreachable!()),
        ),
        DType::Float64 => Ok(
            crate::dispatch_real!(dt, A => unary::<A, f64>(a, |x| f64f(x.cast())),
            _ => unreachable!()),
        ),
        DType::Complex64 => match complex {
            Some((c, _)) => Ok(unary::<Complex64, Complex64>(a, c)),
            None => Err(no_loop(name)),
        },
        _ => match complex {
            Some((_, c)) => Ok(unary::<Complex128, Complex128>(a, c)),
            None => Err(no_loop(name)),
        },
    }
}

macro_rules! float_ufuncs {
    ($($(#[$doc:meta])* $name:ident, $try_name:ident, $np:literal, |$x:ident| $f:expr, $complex:expr $(, fast = $fast:expr)?;)*) => {$(
        $(#[$doc])*
        #[track_caller]
        pub fn $name<'a>(x: impl IntoOperand<'a>) -> Array {
            $try_name(x).or_panic()
        }

        #[doc = concat!("Fallible form of [`", stringify!($name), "()`].")]
        ///
        /// ```
        #[doc = concat!("assert!(arraylib::ufuncs::", stringify!($try_name), "(1.0).is_ok());")]
        /// ```
        pub fn $try_name<'a>(x: impl IntoOperand<'a>) -> Result<Array> {
            // Not generic: the loops are compiled once in this crate, not in every caller.
            fn inner(x: &Operand<'_>) -> Result<Array> {
                #[allow(unused_mut, unused_assignments)]
                let mut fast: FastFns = None;
                $(fast = $fast;)?
                float_unary($np, x, |$x: f32| $f, |$x: f64| $f, $complex, fast)
            }
            inner(&x.into_operand())
        }

        impl Array {
            #[doc = concat!("`np.", $np, "(a)` as a method; see [`", stringify!($name), "()`](crate::ufuncs::", stringify!($name), ").")]
            ///
            /// ```
            #[doc = concat!("let y = arraylib::arange(3).", stringify!($name), "();")]
            /// assert_eq!(y.shape(), &[3]);
            /// ```
            #[track_caller]
            pub fn $name(&self) -> Array {
                $name(self)
            }
        }

        impl Scalar {
            #[doc = concat!("`np.", $np, "(s)` on a scalar, giving a scalar.")]
            ///
            /// ```
            #[doc = concat!("let y = arraylib::Scalar::from(0.5).", stringify!($name), "();")]
            /// assert!(y.dtype().is_float());
            /// ```
            #[track_caller]
            pub fn $name(self) -> Scalar {
                first_scalar(&$name(self))
            }
        }
    )*};
}

/// On a branch cut (real argument, signed-zero imaginary part) C99 and NumPy take the side
/// given by the sign of the zero: the result's imaginary part has the sign of `z.im` (times
/// `side`). num-complex always picks one side.
trait CutSign: Sized {
    fn cut_sign(self, r: Self, side: f64) -> Self;
}

macro_rules! cut_sign_impl {
    ($($t:ty),*) => {$(
        impl CutSign for $t {
            fn cut_sign(self, r: Self, side: f64) -> Self {
                if self.im == 0.0 && r.im != 0.0 {
                    let want_neg = self.im.is_sign_negative() != (side < 0.0);
                    let im = if want_neg { -r.im.abs() } else { r.im.abs() };
                    return <$t>::new(r.re, im);
                }
                r
            }
        }
    )*};
}
cut_sign_impl!(Complex64, Complex128);

fn c64_exp(z: Complex64) -> Complex64 {
    z.exp()
}
fn c128_exp(z: Complex128) -> Complex128 {
    z.exp()
}

float_ufuncs! {
    /// `np.exp(x)`: e to the power x, elementwise.
    ///
    /// ```
    /// assert_eq!(arraylib::exp(0.0).to_vec::<f64>(), vec![1.0]);
    /// ```
    exp, try_exp, "exp", |x| x.fast_exp(), Some((c64_exp, c128_exp)), fast = Some((exp_slice_f32, exp_slice_f64));
    /// `np.expm1(x)`: `exp(x) - 1`, accurate for small x.
    ///
    /// ```
    /// assert!(arraylib::expm1(1e-10).to_vec::<f64>()[0] > 0.0);
    /// ```
    expm1, try_expm1, "expm1", |x| x.exp_m1(), Some((|z| z.exp() - Complex64::new(1.0, 0.0), |z| z.exp() - Complex128::new(1.0, 0.0)));
    /// `np.log(x)`: natural logarithm (`-inf` at 0, `nan` below).
    ///
    /// ```
    /// assert_eq!(arraylib::log(1.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    log, try_log, "log", |x| x.fast_log(), Some((|z| z.ln(), |z| z.ln())), fast = Some((log_slice_f32, log_slice_f64));
    /// `np.log1p(x)`: `log(1 + x)`, accurate for small x.
    ///
    /// ```
    /// assert_eq!(arraylib::log1p(0.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    log1p, try_log1p, "log1p", |x| x.ln_1p(), Some((|z| (z + Complex64::new(1.0, 0.0)).ln(), |z| (z + Complex128::new(1.0, 0.0)).ln()));
    /// `np.log2(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::log2(8).to_vec::<f64>(), vec![3.0]);
    /// ```
    log2, try_log2, "log2", |x| x.log2(), Some((|z| z.log2(), |z| z.log2()));
    /// `np.log10(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::log10(1000).to_vec::<f64>(), vec![3.0]);
    /// ```
    log10, try_log10, "log10", |x| x.log10(), Some((|z| z.log10(), |z| z.log10()));
    /// `np.sqrt(x)` (`nan` for negative reals).
    ///
    /// ```
    /// assert_eq!(arraylib::sqrt(&arraylib::arange(3).mul(2)).to_vec::<f64>()[2], 2.0);
    /// ```
    sqrt, try_sqrt, "sqrt", |x| x.sqrt(), Some((|z| z.sqrt(), |z| z.sqrt()));
    /// `np.cbrt(x)`: real cube root.
    ///
    /// ```
    /// assert_eq!(arraylib::cbrt(-8).to_vec::<f64>(), vec![-2.0]);
    /// ```
    cbrt, try_cbrt, "cbrt", |x| x.cbrt(), None;
    /// `np.sin(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::sin(0.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    sin, try_sin, "sin", |x| x.sin(), Some((|z| z.sin(), |z| z.sin()));
    /// `np.cos(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::cos(0.0).to_vec::<f64>(), vec![1.0]);
    /// ```
    cos, try_cos, "cos", |x| x.cos(), Some((|z| z.cos(), |z| z.cos()));
    /// `np.tan(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::tan(0.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    tan, try_tan, "tan", |x| x.tan(), Some((|z| z.tan(), |z| z.tan()));
    /// `np.arcsin(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::arcsin(0.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    arcsin, try_arcsin, "arcsin", |x| x.asin(), Some((|z| z.cut_sign(z.asin(), 1.0), |z| z.cut_sign(z.asin(), 1.0)));
    /// `np.arccos(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::arccos(1.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    arccos, try_arccos, "arccos", |x| x.acos(), Some((|z| z.cut_sign(z.acos(), -1.0), |z| z.cut_sign(z.acos(), -1.0)));
    /// `np.arctan(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::arctan(0.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    arctan, try_arctan, "arctan", |x| x.atan(), Some((|z| z.atan(), |z| z.atan()));
    /// `np.sinh(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::sinh(0.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    sinh, try_sinh, "sinh", |x| x.sinh(), Some((|z| z.sinh(), |z| z.sinh()));
    /// `np.cosh(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::cosh(0.0).to_vec::<f64>(), vec![1.0]);
    /// ```
    cosh, try_cosh, "cosh", |x| x.cosh(), Some((|z| z.cosh(), |z| z.cosh()));
    /// `np.tanh(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::tanh(0).to_vec::<f64>(), vec![0.0]);
    /// ```
    tanh, try_tanh, "tanh", |x| x.fast_tanh(), Some((|z| z.tanh(), |z| z.tanh())), fast = Some((tanh_slice_f32, tanh_slice_f64));
    /// `np.arcsinh(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::arcsinh(0.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    arcsinh, try_arcsinh, "arcsinh", |x| x.asinh(), Some((|z| z.asinh(), |z| z.asinh()));
    /// `np.arccosh(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::arccosh(1.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    arccosh, try_arccosh, "arccosh", |x| x.acosh(), Some((|z| z.acosh(), |z| z.acosh()));
    /// `np.arctanh(x)`.
    ///
    /// ```
    /// assert_eq!(arraylib::arctanh(0.0).to_vec::<f64>(), vec![0.0]);
    /// ```
    arctanh, try_arctanh, "arctanh", |x| x.atanh(), Some((|z| z.cut_sign(z.atanh(), 1.0), |z| z.cut_sign(z.atanh(), 1.0)));
    /// `np.deg2rad(x)` (also `np.radians`).
    ///
    /// ```
    /// assert_eq!(arraylib::deg2rad(180).to_vec::<f64>(), vec![std::f64::consts::PI]);
    /// ```
    deg2rad, try_deg2rad, "deg2rad", |x| x.to_radians(), None;
    /// `np.rad2deg(x)` (also `np.degrees`).
    ///
    /// ```
    /// assert_eq!(arraylib::rad2deg(std::f64::consts::PI).to_vec::<f64>(), vec![180.0]);
    /// ```
    rad2deg, try_rad2deg, "rad2deg", |x| x.to_degrees(), None;
    /// `np.rint(x)`: round to the nearest integer, halves to even (ints give floats).
    ///
    /// ```
    /// assert_eq!(arraylib::rint(2.5).to_vec::<f64>(), vec![2.0]);
    /// ```
    rint, try_rint, "rint", |x| x.round_ties_even(), Some((|z| Complex64::new(z.re.round_ties_even(), z.im.round_ties_even()), |z| Complex128::new(z.re.round_ties_even(), z.im.round_ties_even())));
}

/// Fast exp/log on both float types, used by the ufunc table.
trait FastMath {
    fn fast_exp(self) -> Self;
    fn fast_log(self) -> Self;
    fn fast_tanh(self) -> Self;
}

impl FastMath for f64 {
    #[inline(always)]
    fn fast_exp(self) -> f64 {
        exp_f64(self)
    }
    #[inline(always)]
    fn fast_log(self) -> f64 {
        log_f64(self)
    }
    #[inline(always)]
    fn fast_tanh(self) -> f64 {
        tanh_f64(self)
    }
}

impl FastMath for f32 {
    #[inline(always)]
    fn fast_exp(self) -> f32 {
        exp_f32(self)
    }
    #[inline(always)]
    fn fast_log(self) -> f32 {
        log_f32(self)
    }
    #[inline(always)]
    fn fast_tanh(self) -> f32 {
        tanh_f32(self)
    }
}

// ----- functions that keep integer types -----------------------------------------------------

/// Rounding ufuncs (`floor`, `ceil`, `trunc`): integers and bool are returned unchanged.
// The functions come as closures or function items, not pointers, so that they inline into
// the AVX2 copy of the loop (a rounding instruction there, a library call per element through
// a pointer).
fn rounding(
    name: &str,
    a: &Operand,
    f32f: impl Fn(f32) -> f32,
    f64f: impl Fn(f64) -> f64,
) -> Result<Array> {
    let dt = a.dtype();
    match dt {
        DType::Str(_) => Err(no_loop(name)),
        DType::Float32 => Ok(unary::<f32, f32>(a, f32f)),
        DType::Float64 => Ok(unary::<f64, f64>(a, f64f)),
        DType::Complex64 | DType::Complex128 => Err(no_loop(name)),
        _ => Ok(crate::dispatch!(dt, T => unary::<T, T>(a, |x| x))),
    }
}

macro_rules! rounding_ufuncs {
    ($($(#[$doc:meta])* $name:ident, $try_name:ident, $np:literal, $m:ident;)*) => {$(
        $(#[$doc])*
        #[track_caller]
        pub fn $name<'a>(x: impl IntoOperand<'a>) -> Array {
            $try_name(x).or_panic()
        }

        #[doc = concat!("Fallible form of [`", stringify!($name), "()`].")]
        ///
        /// ```
        #[doc = concat!("assert!(arraylib::ufuncs::", stringify!($try_name), "(1.5).is_ok());")]
        /// ```
        pub fn $try_name<'a>(x: impl IntoOperand<'a>) -> Result<Array> {
            rounding($np, &x.into_operand(), f32::$m, f64::$m)
        }

        impl Array {
            #[doc = concat!("`np.", $np, "(a)` as a method.")]
            ///
            /// ```
            #[doc = concat!("assert_eq!(arraylib::linspace(0.0, 1.0, 3).", stringify!($name), "().shape(), &[3]);")]
            /// ```
            #[track_caller]
            pub fn $name(&self) -> Array {
                $name(self)
            }
        }

        impl Scalar {
            #[doc = concat!("`np.", $np, "(s)` on a scalar.")]
            ///
            /// ```
            #[doc = concat!("let _ = arraylib::Scalar::from(1.5).", stringify!($name), "();")]
            /// ```
            #[track_caller]
            pub fn $name(self) -> Scalar {
                first_scalar(&$name(self))
            }
        }
    )*};
}

rounding_ufuncs! {
    /// `np.floor(x)`; integer inputs keep their dtype (NumPy 2).
    ///
    /// ```
    /// assert_eq!(arraylib::floor(-1.5).to_vec::<f64>(), vec![-2.0]);
    /// ```
    floor, try_floor, "floor", floor;
    /// `np.ceil(x)`; integer inputs keep their dtype.
    ///
    /// ```
    /// assert_eq!(arraylib::ceil(-1.5).to_vec::<f64>(), vec![-1.0]);
    /// ```
    ceil, try_ceil, "ceil", ceil;
    /// `np.trunc(x)`: round toward zero; integer inputs keep their dtype.
    ///
    /// ```
    /// assert_eq!(arraylib::trunc(-1.5).to_vec::<f64>(), vec![-1.0]);
    /// ```
    trunc, try_trunc, "trunc", trunc;
}

/// `np.round(x, decimals)` / `np.around`: round half to even at `decimals` decimal places
/// (negative `decimals` round to tens, hundreds, ...). Integers keep their dtype.
///
/// ```
/// use arraylib as np;
/// let a = np::Array::from_vec(vec![0.5, 1.5, 2.5, 1.2345], [4]);
/// assert_eq!(np::round(&a, 0).to_vec::<f64>(), vec![0.0, 2.0, 2.0, 1.0]);
/// assert_eq!(np::round(&a, 2).to_vec::<f64>()[3], 1.23);
/// assert_eq!(np::round(&np::Array::from_vec(vec![1234i64, 1250], [2]), -2).to_vec::<i64>(), vec![1200, 1200]);
/// ```
#[track_caller]
pub fn round<'a>(x: impl IntoOperand<'a>, decimals: i32) -> Array {
    try_round(x, decimals).or_panic()
}

/// `np.around(x, decimals)`, the same as [`round()`].
///
/// ```
/// assert_eq!(arraylib::around(0.125, 2).to_vec::<f64>(), vec![0.12]);
/// ```
#[track_caller]
pub fn around<'a>(x: impl IntoOperand<'a>, decimals: i32) -> Array {
    try_round(x, decimals).or_panic()
}

/// Fallible form of [`round()`].
///
/// ```
/// assert!(arraylib::ufuncs::try_round(1.5, 0).is_ok());
/// ```
pub fn try_round<'a>(x: impl IntoOperand<'a>, decimals: i32) -> Result<Array> {
    round_operand(&x.into_operand(), decimals).map(Array::scalar_if_0d)
}

/// The body of [`try_round`]; integers with `decimals >= 0` are copied rather than passed
/// through `unary`, so the caller marks a 0-d result as NumPy's scalar.
#[allow(clippy::unnecessary_cast)]
fn round_operand(a: &Operand, decimals: i32) -> Result<Array> {
    let dt = a.dtype();
    match dt.kind() {
        // NumPy rounds with `rint`, and with a multiply by 10**decimals first.
        Kind::Str if decimals == 0 => Err(no_loop("rint")),
        Kind::Str => Err(crate::strings::no_loop_binary(
            "multiply",
            a,
            &Operand::Weak(WeakScalar::Float(1.0)),
        )),
        Kind::Float => {
            if decimals == 0 {
                return rounding("round", a, f32::round_ties_even, f64::round_ties_even);
            }
            Ok(crate::dispatch_float!(dt, T => {
                if decimals > 0 {
                    let f = (10.0 as T).powi(decimals);
                    unary::<T, T>(a, |x| (x * f).round_ties_even() / f)
                } else {
                    let f = (10.0 as T).powi(-decimals);
                    unary::<T, T>(a, |x| (x / f).round_ties_even() * f)
                }
            }, _ => unreachable!()))
        }
        Kind::Complex => Ok(crate::dispatch_complex!(dt, T => {
            let f = 10f64.powi(decimals.abs());
            let r = move |v: f64| if decimals >= 0 { (v * f).round_ties_even() / f } else { (v / f).round_ties_even() * f };
            unary::<T, T>(a, |z| T::new(r(z.re as f64) as _, r(z.im as f64) as _))
        }, _ => unreachable!())),
        Kind::Bool => Ok(unary::<bool, bool>(a, |x| x)),
        _ => {
            if decimals >= 0 {
                return Ok(a.clone().into_array().copy());
            }
            let f = 10i128
                .checked_pow(decimals.unsigned_abs())
                .unwrap_or(i128::MAX);
            Ok(crate::dispatch_int!(dt, T => unary::<T, T>(a, |x| {
                let v: i128 = CastTo::<i64>::cast(x) as i128;
                let v = if T::DTYPE == DType::UInt64 { CastTo::<u64>::cast(x) as i128 } else { v };
                let q = v.div_euclid(f);
                let r = v.rem_euclid(f);
                let twice = 2 * r;
                let q = if twice > f || (twice == f && q % 2 != 0) { q + 1 } else { q };
                (q.wrapping_mul(f)) as i64 as u64 as T
            }), _ => unreachable!()))
        }
    }
}

impl Array {
    /// `a.round(decimals)`: see [`round()`].
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![1.25, 2.5], [2]);
    /// assert_eq!(a.round(1).to_vec::<f64>(), vec![1.2, 2.5]);
    /// ```
    #[track_caller]
    pub fn round(&self, decimals: i32) -> Array {
        round(self, decimals)
    }
}

impl Scalar {
    /// `np.round(s, decimals)` on a scalar.
    ///
    /// ```
    /// assert_eq!(arraylib::Scalar::from(2.567).round(2), arraylib::Scalar::from(2.57));
    /// ```
    #[track_caller]
    pub fn round(self, decimals: i32) -> Scalar {
        first_scalar(&round(self, decimals))
    }
}

// ----- abs, sign, square, negative, positive, reciprocal -------------------------------------

/// Elementwise operations that keep the dtype (`abs`, `square`, ...).
trait SignedOps: Num {
    fn abs_(self) -> Self;
    fn sign_(self) -> Self;
    fn recip_(self) -> Self;
}

macro_rules! signed_int {
    ($($t:ty),*) => {$(
        impl SignedOps for $t {
            #[inline(always)] fn abs_(self) -> Self { self.wrapping_abs() }
            #[inline(always)] fn sign_(self) -> Self { self.signum() }
            #[inline(always)] fn recip_(self) -> Self { if self == 0 { <$t>::MIN } else { (1 as $t).wrapping_div(self) } }
        }
    )*};
}
signed_int!(i8, i16, i32, i64);

macro_rules! unsigned_int {
    ($($t:ty),*) => {$(
        impl SignedOps for $t {
            #[inline(always)] fn abs_(self) -> Self { self }
            #[inline(always)] fn sign_(self) -> Self { (self > 0) as $t }
            #[inline(always)] fn recip_(self) -> Self { if self == 0 { 0 } else { 1 / self } }
        }
    )*};
}
unsigned_int!(u8, u16, u32, u64);

macro_rules! float_signed {
    ($($t:ty),*) => {$(
        impl SignedOps for $t {
            #[inline(always)] fn abs_(self) -> Self { self.abs() }
            #[inline(always)]
            fn sign_(self) -> Self {
                if self > 0.0 { 1.0 } else if self < 0.0 { -1.0 } else if self == 0.0 { 0.0 } else { self }
            }
            #[inline(always)] fn recip_(self) -> Self { 1.0 / self }
        }
    )*};
}
float_signed!(f32, f64);

/// `np.absolute(x)` / `np.abs(x)`: magnitude; complex gives its real modulus, ints keep their
/// dtype (the most negative value wraps, as in NumPy).
///
/// ```
/// let a = arraylib::Array::from_vec(vec![-1.5, 2.0], [2]);
/// assert_eq!(arraylib::abs(&a).to_vec::<f64>(), vec![1.5, 2.0]);
/// ```
#[track_caller]
pub fn abs<'a>(x: impl IntoOperand<'a>) -> Array {
    try_abs(x).or_panic()
}

/// `np.absolute(x)`, the same as [`abs()`].
///
/// ```
/// assert_eq!(arraylib::absolute(-3).to_vec::<i64>(), vec![3]);
/// ```
#[track_caller]
pub fn absolute<'a>(x: impl IntoOperand<'a>) -> Array {
    try_abs(x).or_panic()
}

/// Fallible form of [`abs()`].
///
/// ```
/// assert!(arraylib::ufuncs::try_abs(-1).is_ok());
/// ```
pub fn try_abs<'a>(x: impl IntoOperand<'a>) -> Result<Array> {
    let a = x.into_operand();
    let dt = a.dtype();
    Ok(match dt {
        DType::Str(_) => return Err(crate::strings::no_loop_unary("absolute")),
        DType::Bool => unary::<bool, bool>(&a, |x| x),
        DType::Complex64 => unary::<Complex64, f32>(&a, |z| z.norm()),
        DType::Complex128 => unary::<Complex128, f64>(&a, |z| z.norm()),
        _ => {
            crate::dispatch!(dt, [Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float32, Float64],
            T => unary::<T, T>(&a, |x| x.abs_()), _ => unreachable!())
        }
    })
}

/// `np.sign(x)`: -1, 0 or 1 (nan stays nan; complex gives `z / |z|`); bool is NumPy's error.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![-2.0, 0.0, 3.0], [3]);
/// assert_eq!(arraylib::sign(&a).to_vec::<f64>(), vec![-1.0, 0.0, 1.0]);
/// ```
#[track_caller]
pub fn sign<'a>(x: impl IntoOperand<'a>) -> Array {
    try_sign(x).or_panic()
}

fn no_bool_loop(name: &str) -> ArrayError {
    ArrayError::new(
        ErrorKind::UFuncTypeError,
        format!(
            "ufunc '{name}' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"
        ),
    )
}

/// Fallible form of [`sign()`].
///
/// ```
/// assert!(arraylib::ufuncs::try_sign(true).is_err());
/// ```
pub fn try_sign<'a>(x: impl IntoOperand<'a>) -> Result<Array> {
    let a = x.into_operand();
    let dt = a.dtype();
    Ok(match dt {
        DType::Bool => return Err(no_bool_loop("sign")),
        DType::Str(_) => return Err(crate::strings::no_loop_unary("sign")),
        DType::Complex64 => unary::<Complex64, Complex64>(&a, |z| {
            let n = z.norm();
            if n == 0.0 {
                Complex64::new(0.0, 0.0)
            } else {
                z / n
            }
        }),
        DType::Complex128 => unary::<Complex128, Complex128>(&a, |z| {
            let n = z.norm();
            if n == 0.0 {
                Complex128::new(0.0, 0.0)
            } else {
                z / n
            }
        }),
        _ => {
            crate::dispatch!(dt, [Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float32, Float64],
            T => unary::<T, T>(&a, |x| x.sign_()), _ => unreachable!())
        }
    })
}

/// `np.square(x)`: `x * x` in the input dtype (bool gives int8, as in NumPy).
///
/// ```
/// assert_eq!(arraylib::square(&arraylib::arange(3)).to_vec::<i64>(), vec![0, 1, 4]);
/// ```
#[track_caller]
pub fn square<'a>(x: impl IntoOperand<'a>) -> Array {
    let a = x.into_operand();
    let dt = a.dtype();
    if dt.is_str() {
        crate::strings::reject(no_loop("square"));
    }
    crate::dispatch_numeric!(dt, T => unary::<T, T>(&a, |x| x.mul_(x)),
        _ => unary::<i8, i8>(&a, |x| x * x))
}

/// `np.negative(x)` (unary `-`); bool is NumPy's `TypeError`.
///
/// ```
/// assert_eq!(arraylib::negative(&arraylib::arange(3)).to_vec::<i64>(), vec![0, -1, -2]);
/// ```
#[track_caller]
pub fn negative<'a>(x: impl IntoOperand<'a>) -> Array {
    crate::arithmetic::try_negative(&x.into_operand()).or_panic()
}

/// `np.positive(x)`: a copy (bool is NumPy's error).
///
/// ```
/// assert_eq!(arraylib::positive(-1.5).to_vec::<f64>(), vec![-1.5]);
/// ```
#[track_caller]
pub fn positive<'a>(x: impl IntoOperand<'a>) -> Array {
    let a = x.into_operand();
    if a.dtype() == DType::Bool {
        std::panic::panic_any(no_bool_loop("positive").to_string());
    }
    if a.dtype().is_str() {
        crate::strings::reject(crate::strings::no_loop_unary("positive"));
    }
    crate::dispatch!(a.dtype(), T => unary::<T, T>(&a, |x| x))
}

/// `np.reciprocal(x)`: `1 / x` in the input dtype (integer results truncate, as in NumPy).
///
/// ```
/// assert_eq!(arraylib::reciprocal(4.0).to_vec::<f64>(), vec![0.25]);
/// ```
#[track_caller]
pub fn reciprocal<'a>(x: impl IntoOperand<'a>) -> Array {
    let a = x.into_operand();
    let dt = a.dtype();
    match dt {
        DType::Str(_) => crate::strings::reject(no_loop("reciprocal")),
        DType::Bool => unary::<bool, bool>(&a, |_| true),
        DType::Complex64 => unary::<Complex64, Complex64>(&a, |z| Complex64::new(1.0, 0.0) / z),
        DType::Complex128 => unary::<Complex128, Complex128>(&a, |z| Complex128::new(1.0, 0.0) / z),
        _ => {
            crate::dispatch!(dt, [Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float32, Float64],
            T => unary::<T, T>(&a, |x| x.recip_()), _ => unreachable!())
        }
    }
}

impl Array {
    /// `np.abs(a)` as a method (Python's `abs(a)`).
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).sub(1).abs().to_vec::<i64>(), vec![1, 0, 1]);
    /// ```
    #[track_caller]
    pub fn abs(&self) -> Array {
        abs(self)
    }

    /// `np.sign(a)` as a method.
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).sub(1).sign().to_vec::<i64>(), vec![-1, 0, 1]);
    /// ```
    #[track_caller]
    pub fn sign(&self) -> Array {
        sign(self)
    }

    /// `np.square(a)` as a method.
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).square().to_vec::<i64>(), vec![0, 1, 4]);
    /// ```
    #[track_caller]
    pub fn square(&self) -> Array {
        square(self)
    }

    /// `np.reciprocal(a)` as a method.
    ///
    /// ```
    /// assert_eq!(arraylib::linspace(1.0, 2.0, 2).reciprocal().to_vec::<f64>(), vec![1.0, 0.5]);
    /// ```
    #[track_caller]
    pub fn reciprocal(&self) -> Array {
        reciprocal(self)
    }

    /// `np.clip(a, lo, hi)` as a method (`a.clip(lo, hi)`); see [`clip()`].
    ///
    /// ```
    /// assert_eq!(arraylib::arange(5).clip(1, 3).to_vec::<i64>(), vec![1, 1, 2, 3, 3]);
    /// ```
    #[track_caller]
    pub fn clip<'a, 'b>(&self, lo: impl IntoOperand<'a>, hi: impl IntoOperand<'b>) -> Array {
        clip(self, lo, hi)
    }

    /// `np.maximum(a, b)` as a method.
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).maximum(1).to_vec::<i64>(), vec![1, 1, 2]);
    /// ```
    #[track_caller]
    pub fn maximum<'a>(&self, other: impl IntoOperand<'a>) -> Array {
        maximum(self, other)
    }

    /// `np.minimum(a, b)` as a method.
    ///
    /// ```
    /// assert_eq!(arraylib::arange(3).minimum(1).to_vec::<i64>(), vec![0, 1, 1]);
    /// ```
    #[track_caller]
    pub fn minimum<'a>(&self, other: impl IntoOperand<'a>) -> Array {
        minimum(self, other)
    }

    /// `np.isnan(a)` as a method.
    ///
    /// ```
    /// assert_eq!(arraylib::zeros(2).isnan().to_vec::<bool>(), vec![false, false]);
    /// ```
    pub fn isnan(&self) -> Array {
        isnan(self)
    }

    /// `np.isinf(a)` as a method.
    ///
    /// ```
    /// assert_eq!(arraylib::zeros(2).isinf().to_vec::<bool>(), vec![false, false]);
    /// ```
    pub fn isinf(&self) -> Array {
        isinf(self)
    }

    /// `np.isfinite(a)` as a method.
    ///
    /// ```
    /// assert_eq!(arraylib::zeros(2).isfinite().to_vec::<bool>(), vec![true, true]);
    /// ```
    pub fn isfinite(&self) -> Array {
        isfinite(self)
    }
}

impl Scalar {
    /// Python's `abs(s)` / `np.abs(s)` on a scalar.
    ///
    /// ```
    /// assert!(arraylib::Scalar::from(-2.5).abs() > 1e-10);
    /// ```
    #[track_caller]
    pub fn abs(self) -> Scalar {
        first_scalar(&abs(self))
    }

    /// `np.sign(s)` on a scalar.
    ///
    /// ```
    /// assert_eq!(arraylib::Scalar::from(-2.5).sign(), arraylib::Scalar::from(-1.0));
    /// ```
    #[track_caller]
    pub fn sign(self) -> Scalar {
        first_scalar(&sign(self))
    }

    /// `s ** n` on a scalar.
    ///
    /// ```
    /// assert_eq!(arraylib::Scalar::from(3.0).powi(2), arraylib::Scalar::from(9.0));
    /// ```
    #[track_caller]
    pub fn powi(self, n: i32) -> Scalar {
        first_scalar(&crate::arithmetic::power(self, n))
    }

    /// `s ** x` on a scalar.
    ///
    /// ```
    /// assert_eq!(arraylib::Scalar::from(4.0).powf(0.5), arraylib::Scalar::from(2.0));
    /// ```
    #[track_caller]
    pub fn powf(self, x: f64) -> Scalar {
        first_scalar(&crate::arithmetic::power(self, x))
    }

    /// `np.isnan(s)` on a scalar.
    ///
    /// ```
    /// assert!(arraylib::Scalar::from(f64::NAN).isnan());
    /// ```
    pub fn isnan(self) -> bool {
        first_scalar(&isnan(self)).to_bool()
    }

    /// `np.isfinite(s)` on a scalar.
    ///
    /// ```
    /// assert!(arraylib::Scalar::from(1.0).isfinite());
    /// ```
    pub fn isfinite(self) -> bool {
        first_scalar(&isfinite(self)).to_bool()
    }
}

// ----- isnan, isinf, isfinite ----------------------------------------------------------------

/// As [`rounding`], the tests are closures or function items so that they inline.
#[track_caller]
fn classify(
    name: &str,
    a: &Operand,
    f32f: impl Fn(f32) -> bool + Copy,
    f64f: impl Fn(f64) -> bool + Copy,
    int_value: bool,
) -> Array {
    let dt = a.dtype();
    match dt {
        DType::Str(_) => crate::strings::reject(no_loop(name)),
        DType::Float32 => unary::<f32, bool>(a, f32f),
        DType::Float64 => unary::<f64, bool>(a, f64f),
        DType::Complex64 => unary::<Complex64, bool>(a, |z| {
            if int_value {
                f32f(z.re) && f32f(z.im)
            } else {
                f32f(z.re) || f32f(z.im)
            }
        }),
        DType::Complex128 => unary::<Complex128, bool>(a, |z| {
            if int_value {
                f64f(z.re) && f64f(z.im)
            } else {
                f64f(z.re) || f64f(z.im)
            }
        }),
        _ => crate::dispatch!(dt, T => unary::<T, bool>(a, |_| int_value)),
    }
}

/// `np.isnan(x)`: a bool array, true where x is NaN.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, f64::NAN], [2]);
/// assert_eq!(arraylib::isnan(&a).to_vec::<bool>(), vec![false, true]);
/// ```
pub fn isnan<'a>(x: impl IntoOperand<'a>) -> Array {
    classify("isnan", &x.into_operand(), f32::is_nan, f64::is_nan, false)
}

/// `np.isinf(x)`: true where x is plus or minus infinity.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, f64::NEG_INFINITY], [2]);
/// assert_eq!(arraylib::isinf(&a).to_vec::<bool>(), vec![false, true]);
/// ```
pub fn isinf<'a>(x: impl IntoOperand<'a>) -> Array {
    classify(
        "isinf",
        &x.into_operand(),
        f32::is_infinite,
        f64::is_infinite,
        false,
    )
}

/// `np.isfinite(x)`: true where x is neither NaN nor infinite.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, f64::NAN, f64::INFINITY], [3]);
/// assert_eq!(arraylib::isfinite(&a).to_vec::<bool>(), vec![true, false, false]);
/// ```
pub fn isfinite<'a>(x: impl IntoOperand<'a>) -> Array {
    classify(
        "isfinite",
        &x.into_operand(),
        f32::is_finite,
        f64::is_finite,
        true,
    )
}

// ----- binary: maximum, minimum, fmax, fmin, arctan2, hypot, clip ---------------------------

/// Element comparisons for `maximum` and friends, with NaN handling.
pub(crate) trait MinMax: crate::operand::Elem {
    /// `np.maximum` (NaN-propagating).
    fn max_nan(self, o: Self) -> Self;
    /// `np.minimum` (NaN-propagating).
    fn min_nan(self, o: Self) -> Self;
    /// `np.fmax` (NaN-ignoring).
    fn fmax_(self, o: Self) -> Self;
    /// `np.fmin` (NaN-ignoring).
    fn fmin_(self, o: Self) -> Self;
}

macro_rules! minmax_int {
    ($($t:ty),*) => {$(
        impl MinMax for $t {
            #[inline(always)] fn max_nan(self, o: Self) -> Self { if self >= o { self } else { o } }
            #[inline(always)] fn min_nan(self, o: Self) -> Self { if self <= o { self } else { o } }
            #[inline(always)] fn fmax_(self, o: Self) -> Self { self.max_nan(o) }
            #[inline(always)] fn fmin_(self, o: Self) -> Self { self.min_nan(o) }
        }
    )*};
}
minmax_int!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! minmax_float {
    ($($t:ty),*) => {$(
        impl MinMax for $t {
            #[inline(always)]
            #[allow(clippy::eq_op)]
            fn max_nan(self, o: Self) -> Self { if self >= o || self != self { self } else { o } }
            #[inline(always)]
            #[allow(clippy::eq_op)]
            fn min_nan(self, o: Self) -> Self { if self <= o || self != self { self } else { o } }
            #[inline(always)] fn fmax_(self, o: Self) -> Self { self.max(o) }
            #[inline(always)] fn fmin_(self, o: Self) -> Self { self.min(o) }
        }
    )*};
}
minmax_float!(f32, f64);

macro_rules! minmax_complex {
    ($($t:ty),*) => {$(
        impl MinMax for $t {
            fn max_nan(self, o: Self) -> Self {
                if self.re.is_nan() || self.im.is_nan() { return self; }
                if o.re.is_nan() || o.im.is_nan() { return o; }
                if (self.re, self.im) >= (o.re, o.im) { self } else { o }
            }
            fn min_nan(self, o: Self) -> Self {
                if self.re.is_nan() || self.im.is_nan() { return self; }
                if o.re.is_nan() || o.im.is_nan() { return o; }
                if (self.re, self.im) <= (o.re, o.im) { self } else { o }
            }
            fn fmax_(self, o: Self) -> Self {
                if o.re.is_nan() || o.im.is_nan() { return self; }
                if self.re.is_nan() || self.im.is_nan() { return o; }
                self.max_nan(o)
            }
            fn fmin_(self, o: Self) -> Self {
                if o.re.is_nan() || o.im.is_nan() { return self; }
                if self.re.is_nan() || self.im.is_nan() { return o; }
                self.min_nan(o)
            }
        }
    )*};
}
minmax_complex!(Complex64, Complex128);

#[derive(Clone, Copy)]
enum Which {
    Max,
    Min,
    FMax,
    FMin,
}

fn try_minmax(which: Which, a: &Operand, b: &Operand) -> Result<Array> {
    if a.dtype().is_str() || b.dtype().is_str() {
        let name = match which {
            Which::Max => "maximum",
            Which::Min => "minimum",
            Which::FMax => "fmax",
            Which::FMin => "fmin",
        };
        return Err(crate::strings::no_loop_binary(name, a, b));
    }
    let dt = result_type(a, b)?;
    crate::dispatch!(dt, T => match which {
        Which::Max => binary::<T, T, T>(a, b, |x, y| x.max_nan(y)),
        Which::Min => binary::<T, T, T>(a, b, |x, y| x.min_nan(y)),
        Which::FMax => binary::<T, T, T>(a, b, |x, y| x.fmax_(y)),
        Which::FMin => binary::<T, T, T>(a, b, |x, y| x.fmin_(y)),
    })
}

macro_rules! minmax_fns {
    ($($(#[$doc:meta])* $name:ident, $try_name:ident, $which:expr;)*) => {$(
        $(#[$doc])*
        #[track_caller]
        pub fn $name<'a, 'b>(x1: impl IntoOperand<'a>, x2: impl IntoOperand<'b>) -> Array {
            $try_name(x1, x2).or_panic()
        }

        #[doc = concat!("Fallible form of [`", stringify!($name), "()`].")]
        ///
        /// ```
        #[doc = concat!("assert!(arraylib::ufuncs::", stringify!($try_name), "(&arraylib::zeros(2), &arraylib::zeros(3)).is_err());")]
        /// ```
        pub fn $try_name<'a, 'b>(x1: impl IntoOperand<'a>, x2: impl IntoOperand<'b>) -> Result<Array> {
            try_minmax($which, &x1.into_operand(), &x2.into_operand())
        }
    )*};
}

minmax_fns! {
    /// `np.maximum(x1, x2)`: elementwise maximum with broadcasting; NaN propagates.
    ///
    /// ```
    /// let x = arraylib::Array::from_vec(vec![-1.0, 2.0, f64::NAN], [3]);
    /// let y = arraylib::maximum(0, &x).to_vec::<f64>();
    /// assert_eq!(&y[..2], &[0.0, 2.0]);
    /// assert!(y[2].is_nan());
    /// ```
    maximum, try_maximum, Which::Max;
    /// `np.minimum(x1, x2)`: elementwise minimum; NaN propagates.
    ///
    /// ```
    /// assert_eq!(arraylib::minimum(&arraylib::arange(3), 1).to_vec::<i64>(), vec![0, 1, 1]);
    /// ```
    minimum, try_minimum, Which::Min;
    /// `np.fmax(x1, x2)`: elementwise maximum ignoring NaN.
    ///
    /// ```
    /// let x = arraylib::Array::from_vec(vec![f64::NAN], [1]);
    /// assert_eq!(arraylib::fmax(&x, 0).to_vec::<f64>(), vec![0.0]);
    /// ```
    fmax, try_fmax, Which::FMax;
    /// `np.fmin(x1, x2)`: elementwise minimum ignoring NaN.
    ///
    /// ```
    /// let x = arraylib::Array::from_vec(vec![f64::NAN], [1]);
    /// assert_eq!(arraylib::fmin(&x, 0).to_vec::<f64>(), vec![0.0]);
    /// ```
    fmin, try_fmin, Which::FMin;
}

fn float_binary(
    name: &str,
    a: &Operand,
    b: &Operand,
    f32f: impl Fn(f32, f32) -> f32,
    f64f: impl Fn(f64, f64) -> f64,
) -> Result<Array> {
    let dt = result_type(a, b)?;
    if dt.is_str() {
        return Err(no_loop(name));
    }
    match dt.float_for_ufunc() {
        DType::Float32 => binary::<f32, f32, f32>(a, b, f32f),
        DType::Float64 => binary::<f64, f64, f64>(a, b, f64f),
        _ => Err(no_loop(name)),
    }
}

/// `np.arctan2(y, x)`: the angle of the point (x, y), in the correct quadrant.
///
/// ```
/// let a = arraylib::arctan2(1.0, -1.0).to_vec::<f64>()[0];
/// assert!((a - 3.0 * std::f64::consts::FRAC_PI_4).abs() < 1e-15);
/// ```
#[track_caller]
pub fn arctan2<'a, 'b>(y: impl IntoOperand<'a>, x: impl IntoOperand<'b>) -> Array {
    fn inner(y: &Operand<'_>, x: &Operand<'_>) -> Result<Array> {
        float_binary("arctan2", y, x, f32::atan2, f64::atan2)
    }
    inner(&y.into_operand(), &x.into_operand()).or_panic()
}

/// `np.hypot(x1, x2)`: `sqrt(x1**2 + x2**2)` without overflow.
///
/// ```
/// assert_eq!(arraylib::hypot(3, 4).to_vec::<f64>(), vec![5.0]);
/// ```
#[track_caller]
pub fn hypot<'a, 'b>(x1: impl IntoOperand<'a>, x2: impl IntoOperand<'b>) -> Array {
    fn inner(x1: &Operand<'_>, x2: &Operand<'_>) -> Result<Array> {
        float_binary("hypot", x1, x2, f32::hypot, f64::hypot)
    }
    inner(&x1.into_operand(), &x2.into_operand()).or_panic()
}

/// A clip bound that is a Rust integer too large for an integer array is clamped to the
/// dtype's range first, as NumPy's `clip` does, instead of raising `OverflowError`.
fn clip_bound<'a>(bound: Operand<'a>, dtype: DType) -> Operand<'a> {
    if let Operand::Weak(WeakScalar::Int(v)) = bound
        && dtype.is_integer()
    {
        let (lo, hi) = crate::operand::int_range(dtype);
        return Operand::Weak(WeakScalar::Int(v.clamp(lo, hi)));
    }
    bound
}

/// `np.clip(a, a_min, a_max)`: `minimum(maximum(a, a_min), a_max)` with broadcasting and
/// NumPy's promotion (`clip(int_array, 1.5, 2.5)` is float64); NaN propagates. Bounds may be
/// arrays or numbers.
///
/// ```
/// use arraylib as np;
/// let p = np::Array::from_vec(vec![0.0, 0.5, 1.0], [3]);
/// let c = np::clip(&p, 1e-15, 1.0 - 1e-15).to_vec::<f64>();
/// assert_eq!(c[0], 1e-15);
/// assert_eq!(c[1], 0.5);
/// ```
#[track_caller]
pub fn clip<'a, 'b, 'c>(
    a: impl IntoOperand<'a>,
    a_min: impl IntoOperand<'b>,
    a_max: impl IntoOperand<'c>,
) -> Array {
    try_clip(a, a_min, a_max).or_panic()
}

/// Fallible form of [`clip()`].
///
/// ```
/// assert!(arraylib::ufuncs::try_clip(&arraylib::zeros(3), &arraylib::zeros(2), 1).is_err());
/// ```
pub fn try_clip<'a, 'b, 'c>(
    a: impl IntoOperand<'a>,
    a_min: impl IntoOperand<'b>,
    a_max: impl IntoOperand<'c>,
) -> Result<Array> {
    let a = a.into_operand();
    let dt = a.dtype();
    let lo = clip_bound(a_min.into_operand(), dt);
    let hi = clip_bound(a_max.into_operand(), dt);
    if [&a, &lo, &hi].iter().any(|o| o.dtype().is_str()) {
        return Err(ArrayError::new(
            ErrorKind::UFuncTypeError,
            format!(
                "ufunc 'clip' did not contain a loop with signature matching types \
                 (dtype('{}'), dtype('{}'), dtype('{}')) -> None",
                a.dtype(),
                lo.dtype(),
                hi.dtype()
            ),
        ));
    }
    // the result dtype of all three, so the intermediate keeps it
    let d1 = result_type(&a, &lo)?;
    let d2 = result_type(&a, &hi)?;
    let out = crate::dtype::promote(d1, d2);
    let shape = crate::broadcast::broadcast_shapes(&[a.shape(), lo.shape(), hi.shape()])?;
    let m = crate::dispatch!(out, T => binary::<T, T, T>(&a, &lo, |x, y| x.max_nan(y)))?;
    let r = crate::dispatch!(out, T => binary::<T, T, T>(&Operand::Owned(m), &hi, |x, y| x.min_nan(y)))?;
    debug_assert_eq!(r.shape(), &shape[..]);
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate as np;

    #[test]
    fn exp_accuracy() {
        exp_accuracy_of(exp_f64);
        // The fused form is what the AVX-512 and AVX2+FMA loops use (computed here by
        // `mul_add` without the target feature: slower, the same results).
        exp_accuracy_of(exp_fma_f64);
        let x: Vec<f64> = (0..1000).map(|i| -30.0 + 0.07 * i as f64).collect();
        let fast = exp_slice_f64(&x);
        for (&xi, &e) in x.iter().zip(&fast) {
            let ulps = (e.to_bits() as i64 - xi.exp().to_bits() as i64).unsigned_abs();
            assert!(ulps <= 2, "exp({xi}) is {ulps} ulp off");
        }
    }

    #[test]
    fn tanh_accuracy() {
        for tanh in [tanh_with::<false> as fn(f64) -> f64, tanh_with::<true>] {
            // Both pieces, the switch at 0.625, tiny and huge inputs, in ulps against libm.
            let mut worst = 0u64;
            let n = 2_000_000;
            for i in 0..=n {
                for x in [
                    -25.0 + 50.0 * (i as f64) / (n as f64),
                    -1.0 + 2.0 * (i as f64) / (n as f64),
                    1e-300 * (1.0 + i as f64),
                ] {
                    let (a, b) = (tanh(x), x.tanh());
                    worst = worst.max((a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs());
                }
            }
            assert!(worst <= 2, "worst tanh error {worst} ulp");
            assert_eq!(tanh(f64::INFINITY), 1.0);
            assert_eq!(tanh(f64::NEG_INFINITY), -1.0);
            assert!(tanh(f64::NAN).is_nan());
            assert_eq!(tanh(0.0).to_bits(), 0.0f64.to_bits());
            assert_eq!(tanh(-0.0).to_bits(), (-0.0f64).to_bits());
            assert_eq!(tanh(f64::MIN_POSITIVE / 4.0), f64::MIN_POSITIVE / 4.0);
        }
    }

    fn exp_accuracy_of(exp_f64: fn(f64) -> f64) {
        // compare against libm over a wide range, in ulps
        let mut worst = 0u64;
        let n = 2_000_000;
        for i in 0..n {
            let x = -745.0 + 1455.0 * (i as f64) / (n as f64);
            let (a, b) = (exp_f64(x), x.exp());
            if b.is_finite() && b > f64::MIN_POSITIVE {
                worst = worst.max((a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs());
            }
        }
        for i in 0..n {
            let x = -1.0 + 2.0 * (i as f64) / (n as f64);
            let (a, b) = (exp_f64(x), x.exp());
            worst = worst.max((a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs());
        }
        assert!(worst <= 2, "worst exp error {worst} ulp");
        assert_eq!(exp_f64(f64::INFINITY), f64::INFINITY);
        assert_eq!(exp_f64(f64::NEG_INFINITY), 0.0);
        assert!(exp_f64(f64::NAN).is_nan());
        assert_eq!(exp_f64(710.0), f64::INFINITY);
        assert_eq!(exp_f64(0.0), 1.0);
        assert!(exp_f64(-740.0) > 0.0);
    }

    #[test]
    fn log_accuracy() {
        let mut worst = 0u64;
        let n = 2_000_000u64;
        for i in 1..n {
            let x = f64::from_bits(i.wrapping_mul(0x9E37_79B9_7F4A_7C15) % 0x7FF0_0000_0000_0000);
            let (a, b) = (log_f64(x), x.ln());
            worst = worst.max((a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs());
        }
        for i in 1..n {
            let x = 0.5 + 1.5 * (i as f64) / (n as f64);
            let (a, b) = (log_f64(x), x.ln());
            worst = worst.max((a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs());
        }
        assert!(worst <= 2, "worst log error {worst} ulp");
        assert_eq!(log_f64(0.0), f64::NEG_INFINITY);
        assert!(log_f64(-1.0).is_nan());
        assert_eq!(log_f64(f64::INFINITY), f64::INFINITY);
        assert_eq!(log_f64(1.0), 0.0);
        assert!((log_f64(5e-324) - (5e-324f64).ln()).abs() < 1e-12);
    }

    #[test]
    fn exp_f32_matches() {
        for i in 0..100_000 {
            let x = -100.0 + 200.0 * (i as f32) / 100_000.0;
            let (a, b) = (exp_f32(x), (x as f64).exp() as f32);
            assert!((a.to_bits() as i64 - b.to_bits() as i64).abs() <= 1, "{x}");
        }
    }

    #[test]
    fn dtypes() {
        assert_eq!(np::exp(np::arange(3)).dtype(), DType::Float64);
        let f = Array::from_vec(vec![1f32, 2.0], [2]);
        assert_eq!(np::exp(&f).dtype(), DType::Float32);
        assert_eq!(np::floor(np::arange(3)).dtype(), DType::Int64);
        let z = Array::from_vec(vec![Complex128::new(3.0, 4.0)], [1]);
        assert_eq!(np::abs(&z).to_vec::<f64>(), vec![5.0]);
        assert!(try_floor(&z).is_err());
        assert_eq!(
            try_floor(&z).unwrap_err().to_string(),
            "TypeError: ufunc 'floor' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
        );
    }

    #[test]
    fn clip_and_minmax() {
        let a = np::arange(5);
        assert_eq!(
            np::clip(&a, 1.5, 2.5).to_vec::<f64>(),
            vec![1.5, 1.5, 2.0, 2.5, 2.5]
        );
        let i8a = Array::from_vec(vec![1i8, 2, 3], [3]);
        assert_eq!(np::clip(&i8a, 0, 300).dtype(), DType::Int8);
        let x = Array::from_vec(vec![1.0, f64::NAN], [2]);
        assert!(np::maximum(&x, 0).to_vec::<f64>()[1].is_nan());
        assert_eq!(np::fmax(&x, 0).to_vec::<f64>(), vec![1.0, 0.0]);
        assert_eq!(np::sign(&x).to_vec::<f64>()[0], 1.0);
        assert_eq!(np::round(2.5, 0).to_vec::<f64>(), vec![2.0]);
        assert_eq!(np::round(0.135, 2).to_vec::<f64>(), vec![0.14]);
        // 2.675 * 100 is exactly 267.5 in binary, so NumPy (unlike Python's `round`) gives 2.68
        assert_eq!(np::around(2.675, 2).to_vec::<f64>(), vec![2.68]);
        assert_eq!(np::around(1.005, 2).to_vec::<f64>(), vec![1.0]);
    }

    #[test]
    fn exp_of_views() {
        let a = np::linspace(0.0, 1.0, 6).reshape([2, 3]);
        let e = np::exp(a.t());
        let expect: Vec<f64> = a.t().to_vec::<f64>().iter().map(|x| x.exp()).collect();
        for (x, y) in e.to_vec::<f64>().iter().zip(&expect) {
            assert!((x - y).abs() < 1e-15);
        }
        assert_eq!(np::exp(np::zeros(0)).shape(), &[0]);
    }
}

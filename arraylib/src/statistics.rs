//! Order statistics: `median`, `nanmedian`, `percentile` and `quantile` (NumPy's default
//! `method="linear"`), over all elements or along axes.
//!
//! Results are float64 for integer and bool input and keep float32; a slice containing NaN
//! gives NaN, as in NumPy. Along axes, a result without axes stands for NumPy's scalar
//! ([`Array::is_scalar`]).

use crate::array::Array;
use crate::casting::CastTo;
use crate::dtype::DType;
use crate::error::{ArrayError, OrPanic, Result};
use crate::reductions::{
    MeanAcc, OrdElem, RealFloat, axis_mask, dispatch_mean, finish, plan, runtime_warning,
};
use crate::scalar::Scalar;
use crate::shape_arg::IntoAxes;
use std::cmp::Ordering;

/// What to compute for each slice.
#[derive(Clone, Copy)]
enum Stat {
    Median,
    NanMedian,
    /// A quantile in `[0, 1]`.
    Quantile(f64),
}

/// Total order for NaN-free values (complex lexicographic).
fn cmp<T: OrdElem>(x: &T, y: &T) -> Ordering {
    if x.le(*y) {
        if x.ge(*y) {
            Ordering::Equal
        } else {
            Ordering::Less
        }
    } else {
        Ordering::Greater
    }
}

/// The smallest element of a non-empty slice.
fn least<T: OrdElem>(v: &[T]) -> T {
    v.iter().copied().min_by(cmp).expect("non-empty")
}

/// The largest element of a non-empty slice.
fn greatest<T: OrdElem>(v: &[T]) -> T {
    v.iter().copied().max_by(cmp).expect("non-empty")
}

/// NaN of the statistic's type (NumPy's result for a slice with NaN or an empty slice).
fn nan<A: MeanAcc>() -> A {
    A::ZERO.div_count(<A::Real as RealFloat>::from_f64(0.0))
}

/// `a * t` with `t` converted to `a`'s precision first, as a Python float operand is.
fn scale<A: MeanAcc>(a: A, t: f64) -> A {
    a.mul_real(<A::Real as RealFloat>::from_f64(t))
}

/// One slice's statistic; `v` is scratch space that may be reordered.
fn lane_stat<T: OrdElem + CastTo<A>, A: MeanAcc>(v: &mut Vec<T>, stat: Stat) -> A {
    if let Stat::NanMedian = stat {
        v.retain(|x| !x.is_nan());
    } else if v.iter().any(|x| x.is_nan()) {
        return nan();
    }
    let n = v.len();
    if n == 0 {
        return nan();
    }
    let real = |x: f64| <A::Real as RealFloat>::from_f64(x);
    match stat {
        Stat::Median | Stat::NanMedian => {
            let k = n / 2;
            let (left, &mut hi, _) = v.select_nth_unstable_by(k, cmp);
            if n % 2 == 1 {
                A::ZERO.add(hi.cast()).div_count(real(1.0))
            } else {
                let lo = greatest(left);
                A::ZERO.add(lo.cast()).add(hi.cast()).div_count(real(2.0))
            }
        }
        Stat::Quantile(q) => {
            let nf = n as f64;
            // NumPy's `n * q + (alpha + q * (1 - alpha - beta)) - 1` with alpha = beta = 1.
            let (alpha, beta) = (1.0, 1.0);
            let virt = nf * q + (alpha + q * (1.0 - alpha - beta)) - 1.0;
            let (prev, next): (isize, isize) = if virt >= nf - 1.0 {
                (-1, -1)
            } else if virt < 0.0 {
                (0, 0)
            } else {
                let f = virt.floor() as isize;
                (f, f + 1)
            };
            let gamma = virt - prev as f64;
            let resolve = |i: isize| if i < 0 { n - 1 } else { i as usize };
            let (pi, ni) = (resolve(prev), resolve(next));
            let (_, &mut a, right) = v.select_nth_unstable_by(pi, cmp);
            let b = if ni == pi { a } else { least(right) };
            let (a, b): (A, A) = (a.cast(), b.cast());
            let diff = b.sub(a);
            if gamma >= 0.5 {
                b.sub(scale(diff, 1.0 - gamma))
            } else {
                a.add(scale(diff, gamma))
            }
        }
    }
}

fn stat_impl(a: &Array, mask: Vec<bool>, keepdims: bool, stat: Stat) -> Result<Array> {
    let d = a.dtype();
    if d.is_str() {
        return Err(match stat {
            Stat::Quantile(_) => ArrayError::type_error(
                "unsupported operand type(s) for -: 'numpy.str_' and 'numpy.str_'",
            ),
            _ => crate::strings::no_reduce(a, false),
        });
    }
    if let Stat::Quantile(q) = stat {
        if d == DType::Bool {
            return Err(ArrayError::type_error(
                "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
            ));
        }
        if d.is_complex() {
            return Err(ArrayError::type_error("a must be an array of real numbers"));
        }
        if !(0.0..=1.0).contains(&q) {
            return Err(ArrayError::value("Quantiles must be in the range [0, 1]"));
        }
    }
    let shape = a.shape();
    let count: usize = (0..shape.len())
        .filter(|&i| mask[i])
        .map(|i| shape[i])
        .product();
    let out_size: usize = (0..shape.len())
        .filter(|&i| !mask[i])
        .map(|i| shape[i])
        .product();
    if count == 0 && out_size > 0 {
        match stat {
            Stat::Quantile(_) => {
                return Err(ArrayError::index(
                    "index -1 is out of bounds for axis 0 with size 0",
                ));
            }
            Stat::Median => {
                runtime_warning("Mean of empty slice");
                runtime_warning(if mask.iter().all(|&m| m) && !keepdims {
                    "invalid value encountered in scalar divide"
                } else {
                    "invalid value encountered in divide"
                });
            }
            Stat::NanMedian => runtime_warning("All-NaN slice encountered"),
        }
    }
    Ok(dispatch_mean!(d, T, A => {
        let p = plan::<T>(a, &mask);
        let (outer, n, inner) = (p.outer, p.n, p.inner);
        let data = &p.data[..];
        let mut out: Vec<A> = Vec::with_capacity(outer * inner);
        let mut scratch: Vec<T> = Vec::with_capacity(n);
        let mut all_nan = false;
        for o in 0..outer {
            for i in 0..inner {
                scratch.clear();
                if inner == 1 {
                    scratch.extend_from_slice(&data[o * n..(o + 1) * n]);
                } else {
                    let base = o * n * inner + i;
                    scratch.extend((0..n).map(|k| data[base + k * inner]));
                }
                let r = lane_stat::<T, A>(&mut scratch, stat);
                all_nan |= n > 0 && scratch.is_empty();
                out.push(r);
            }
            crate::interrupt::check();
        }
        if all_nan {
            runtime_warning("All-NaN slice encountered");
        }
        finish(out, shape, &mask, &p.out_order, keepdims)
    }))
}

fn stat_all(a: &Array, stat: Stat) -> Result<Scalar> {
    let mask = vec![true; a.ndim()];
    stat_impl(a, mask, false, stat).map(|r| r.get(()))
}

fn stat_axis(a: &Array, axis: Vec<isize>, keepdims: bool, stat: Stat) -> Result<Array> {
    let mask = axis_mask(&axis, a.ndim())?;
    stat_impl(a, mask, keepdims, stat)
}

/// Checks a percentile and turns it into a quantile, with NumPy's message.
fn percentile_q(q: f64) -> Result<f64> {
    if !(0.0..=100.0).contains(&q) {
        return Err(ArrayError::value(
            "Percentiles must be in the range [0, 100]",
        ));
    }
    Ok(q / 100.0)
}

/// `np.median(a)`: the middle value (mean of the two middle values for an even count),
/// float64 for integer input; NaN if any element is NaN.
///
/// ```
/// assert_eq!(arraylib::median(arraylib::Array::from(vec![3, 1, 4, 1])).to_f64(), 2.0);
/// ```
#[track_caller]
pub fn median(a: impl AsRef<Array>) -> Scalar {
    stat_all(a.as_ref(), Stat::Median).or_panic()
}

/// `np.median(a, axis=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, 5.0, 2.0, 8.0, 3.0, 4.0], [2, 3]);
/// assert_eq!(arraylib::median_axis(&a, 1, false).to_vec::<f64>(), vec![2.0, 4.0]);
/// ```
#[track_caller]
pub fn median_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    try_median_axis(a, axis, keepdims).or_panic()
}

/// Fallible form of [`median_axis`] (`AxisError` for a bad axis).
///
/// ```
/// assert!(arraylib::try_median_axis(arraylib::zeros(3), 1, false).is_err());
/// ```
pub fn try_median_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
    stat_axis(a.as_ref(), axis.into_axes(), keepdims, Stat::Median)
}

/// `np.nanmedian(a)`: the median of the non-NaN elements.
///
/// ```
/// let a = arraylib::Array::from(vec![1.0, f64::NAN, 3.0]);
/// assert_eq!(arraylib::nanmedian(&a).to_f64(), 2.0);
/// ```
#[track_caller]
pub fn nanmedian(a: impl AsRef<Array>) -> Scalar {
    stat_all(a.as_ref(), Stat::NanMedian).or_panic()
}

/// `np.nanmedian(a, axis=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, f64::NAN, 3.0, 4.0], [2, 2]);
/// assert_eq!(arraylib::nanmedian_axis(&a, 1, false).to_vec::<f64>(), vec![1.0, 3.5]);
/// ```
#[track_caller]
pub fn nanmedian_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    stat_axis(a.as_ref(), axis.into_axes(), keepdims, Stat::NanMedian).or_panic()
}

/// `np.percentile(a, q)` for `q` in `[0, 100]`, linear interpolation.
///
/// ```
/// let a = arraylib::arange(11);
/// assert_eq!(arraylib::percentile(&a, 25).to_f64(), 2.5);
/// ```
#[track_caller]
pub fn percentile(a: impl AsRef<Array>, q: impl Into<f64>) -> Scalar {
    try_percentile(a, q).or_panic()
}

/// Fallible form of [`percentile`].
///
/// ```
/// let e = arraylib::try_percentile(arraylib::arange(3), 150).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: Percentiles must be in the range [0, 100]");
/// ```
pub fn try_percentile(a: impl AsRef<Array>, q: impl Into<f64>) -> Result<Scalar> {
    stat_all(a.as_ref(), Stat::Quantile(percentile_q(q.into())?))
}

/// `np.percentile(a, q, axis=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::arange(10).reshape([2, 5]);
/// assert_eq!(arraylib::percentile_axis(&a, 50, 1, false).to_vec::<f64>(), vec![2.0, 7.0]);
/// ```
#[track_caller]
pub fn percentile_axis(
    a: impl AsRef<Array>,
    q: impl Into<f64>,
    axis: impl IntoAxes,
    keepdims: bool,
) -> Array {
    try_percentile_axis(a, q, axis, keepdims).or_panic()
}

/// Fallible form of [`percentile_axis`].
///
/// ```
/// assert!(arraylib::try_percentile_axis(arraylib::arange(3), -1, 0, false).is_err());
/// ```
pub fn try_percentile_axis(
    a: impl AsRef<Array>,
    q: impl Into<f64>,
    axis: impl IntoAxes,
    keepdims: bool,
) -> Result<Array> {
    let q = percentile_q(q.into())?;
    stat_axis(a.as_ref(), axis.into_axes(), keepdims, Stat::Quantile(q))
}

/// `np.quantile(a, q)` for `q` in `[0, 1]`, linear interpolation.
///
/// ```
/// let a = arraylib::Array::from(vec![1.0, 2.0, 3.0, 4.0]);
/// assert_eq!(arraylib::quantile(&a, 0.5).to_f64(), 2.5);
/// ```
#[track_caller]
pub fn quantile(a: impl AsRef<Array>, q: impl Into<f64>) -> Scalar {
    try_quantile(a, q).or_panic()
}

/// Fallible form of [`quantile`].
///
/// ```
/// let e = arraylib::try_quantile(arraylib::arange(3), 1.5).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: Quantiles must be in the range [0, 1]");
/// ```
pub fn try_quantile(a: impl AsRef<Array>, q: impl Into<f64>) -> Result<Scalar> {
    stat_all(a.as_ref(), Stat::Quantile(q.into()))
}

/// `np.quantile(a, q, axis=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::arange(10).reshape([5, 2]);
/// assert_eq!(arraylib::quantile_axis(&a, 0.25, 0, false).to_vec::<f64>(), vec![2.0, 3.0]);
/// ```
#[track_caller]
pub fn quantile_axis(
    a: impl AsRef<Array>,
    q: impl Into<f64>,
    axis: impl IntoAxes,
    keepdims: bool,
) -> Array {
    try_quantile_axis(a, q, axis, keepdims).or_panic()
}

/// Fallible form of [`quantile_axis`].
///
/// ```
/// assert!(arraylib::try_quantile_axis(arraylib::arange(3), 0.5, 1, false).is_err());
/// ```
pub fn try_quantile_axis(
    a: impl AsRef<Array>,
    q: impl Into<f64>,
    axis: impl IntoAxes,
    keepdims: bool,
) -> Result<Array> {
    stat_axis(
        a.as_ref(),
        axis.into_axes(),
        keepdims,
        Stat::Quantile(q.into()),
    )
}

#[cfg(test)]
mod tests {
    //! Expected values from NumPy 2.4.
    use crate::{Array, DType, arange};

    #[test]
    fn median_and_quantiles() {
        let a = Array::from(vec![7.0, 1.0, 3.0, 9.0, 4.0, 2.0]);
        assert_eq!(crate::median(&a).to_f64(), 3.5);
        assert_eq!(crate::percentile(&a, 25).to_f64(), 2.25);
        assert_eq!(crate::quantile(&a, 0.9).to_f64(), 8.0);
        assert_eq!(crate::quantile(&a, 0.0).to_f64(), 1.0);
        assert_eq!(crate::quantile(&a, 1.0).to_f64(), 9.0);
        let m = arange(12).reshape([3, 4]);
        assert_eq!(
            crate::median_axis(&m, 0, false).to_vec::<f64>(),
            vec![4.0, 5.0, 6.0, 7.0]
        );
        assert_eq!(crate::median_axis(&m, [0, 1], true).shape(), &[1, 1]);
        assert_eq!(
            crate::percentile_axis(&m, 50, -1, false).to_vec::<f64>(),
            vec![1.5, 5.5, 9.5]
        );
        let f = a.astype(DType::Float32);
        assert_eq!(crate::median(&f).dtype(), DType::Float32);
        assert!(
            crate::median(Array::from(vec![1.0, f64::NAN]))
                .to_f64()
                .is_nan()
        );
        assert_eq!(
            crate::nanmedian(Array::from(vec![1.0, f64::NAN, 2.0])).to_f64(),
            1.5
        );
        assert_eq!(
            crate::try_percentile(crate::zeros(0), 50)
                .unwrap_err()
                .to_string(),
            "IndexError: index -1 is out of bounds for axis 0 with size 0"
        );
        assert!(crate::median(crate::zeros(0)).to_f64().is_nan());
    }
}

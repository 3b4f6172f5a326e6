//! Norms and the numbers derived from them: `norm`, `cond`, `matrix_rank`.

use super::decompositions::singular_values;
use super::field::{Stack, check_2d, check_square, finish, real_dtype, result_dtype, with_kernel};
use super::solve::{stack_given, try_inv};
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{ArrayError, OrPanic, Result};
use crate::interrupt::offload;
use crate::operand::cast_array;
use crate::scalar::Scalar;
use crate::shape::permuted;
use crate::shape_arg::{IntoAxes, normalize_axis};

/// NumPy's `ord` argument of `np.linalg.norm` and `np.linalg.cond`: nothing (`None`), a
/// number (`2`, `-1`, `f64::INFINITY`, `0.5`, ...) or a name (`"fro"`, `"nuc"`).
///
/// ```
/// use arraylib::linalg::NormOrd;
/// assert_eq!(NormOrd::from(2), NormOrd::P(2.0));
/// assert_eq!(NormOrd::from("fro"), NormOrd::Fro);
/// assert_eq!(NormOrd::from(None), NormOrd::None);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum NormOrd {
    /// `ord=None`: the 2-norm of vectors, the Frobenius norm of matrices.
    None,
    /// A number: `p`-norms, `inf`, `-inf`, `0`; for matrices `1`, `-1`, `2`, `-2`, `inf`, `-inf`.
    P(f64),
    /// `'fro'` (or `'f'`): the Frobenius norm.
    Fro,
    /// `'nuc'`: the nuclear norm (sum of singular values).
    Nuc,
    /// Any other string, which NumPy rejects.
    Other(String),
}

impl From<f64> for NormOrd {
    fn from(p: f64) -> Self {
        NormOrd::P(p)
    }
}

impl From<i32> for NormOrd {
    fn from(p: i32) -> Self {
        NormOrd::P(p as f64)
    }
}

impl From<&str> for NormOrd {
    fn from(s: &str) -> Self {
        match s {
            "fro" | "f" => NormOrd::Fro,
            "nuc" => NormOrd::Nuc,
            _ => NormOrd::Other(s.to_string()),
        }
    }
}

impl From<Option<f64>> for NormOrd {
    fn from(p: Option<f64>) -> Self {
        p.map_or(NormOrd::None, NormOrd::P)
    }
}

impl NormOrd {
    /// How NumPy prints the order in its error message.
    fn repr(&self) -> String {
        match self {
            NormOrd::None => "None".into(),
            NormOrd::P(p) => {
                if p.is_infinite() {
                    if *p > 0.0 {
                        "inf".into()
                    } else {
                        "-inf".into()
                    }
                } else if p.fract() == 0.0 {
                    format!("{}", *p as i64)
                } else {
                    format!("{p}")
                }
            }
            NormOrd::Fro => "'fro'".into(),
            NormOrd::Nuc => "'nuc'".into(),
            NormOrd::Other(s) => format!("'{s}'"),
        }
    }
}

/// The elements as float64 magnitudes or squared magnitudes, with the axes in `perm` order
/// (reduced axes last, so each output element reduces one contiguous block).
fn magnitudes(x: &Array, perm: &[usize], squared: bool) -> Vec<f64> {
    let v = permuted(x, perm);
    match x.dtype() {
        DType::Complex64 | DType::Complex128 => {
            let c = cast_array(&v, DType::Complex128);
            c.view::<crate::Complex128>()
                .iter()
                .map(|z| if squared { z.norm_sqr() } else { z.norm() })
                .collect()
        }
        _ => {
            let f = cast_array(&v, DType::Float64);
            let it = f.view::<f64>();
            if squared {
                it.iter().map(|&r| r * r).collect()
            } else {
                it.iter().map(|r| r.abs()).collect()
            }
        }
    }
}

/// Sum of squares of a slice, NumPy's `x.dot(x)` for the 2-norm: in AVX2 fused multiply-adds
/// when the CPU has them, as the BLAS `ddot` NumPy calls does, else in eight independent
/// lanes that the compiler vectorizes.
pub(super) fn sum_sq(v: &[f64]) -> f64 {
    #[cfg(target_arch = "x86_64")]
    if crate::operand::has_avx2_fma() {
        // SAFETY: the CPU supports AVX2 and FMA (checked above).
        return unsafe { sum_sq_fma(v) };
    }
    let mut acc = [0.0f64; 8];
    let chunks = v.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for i in 0..8 {
            acc[i] += c[i] * c[i];
        }
    }
    let mut s = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for &r in rest {
        s += r * r;
    }
    s
}

/// [`sum_sq`] with four 4-lane accumulators, enough independent fused multiply-adds to hide
/// their latency.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn sum_sq_fma(v: &[f64]) -> f64 {
    use std::arch::x86_64::{
        _mm256_add_pd, _mm256_fmadd_pd, _mm256_loadu_pd, _mm256_setzero_pd, _mm256_storeu_pd,
    };
    let end = v.len() - v.len() % 16;
    let p = v.as_ptr();
    let mut lanes = [0.0f64; 4];
    // SAFETY: every load reads 4 elements below `end <= v.len()`; the caller checked the CPU.
    unsafe {
        let (mut a0, mut a1, mut a2, mut a3) = (
            _mm256_setzero_pd(),
            _mm256_setzero_pd(),
            _mm256_setzero_pd(),
            _mm256_setzero_pd(),
        );
        let mut i = 0;
        while i < end {
            let x0 = _mm256_loadu_pd(p.add(i));
            let x1 = _mm256_loadu_pd(p.add(i + 4));
            let x2 = _mm256_loadu_pd(p.add(i + 8));
            let x3 = _mm256_loadu_pd(p.add(i + 12));
            a0 = _mm256_fmadd_pd(x0, x0, a0);
            a1 = _mm256_fmadd_pd(x1, x1, a1);
            a2 = _mm256_fmadd_pd(x2, x2, a2);
            a3 = _mm256_fmadd_pd(x3, x3, a3);
            i += 16;
        }
        let sum = _mm256_add_pd(_mm256_add_pd(a0, a1), _mm256_add_pd(a2, a3));
        _mm256_storeu_pd(lanes.as_mut_ptr(), sum);
    }
    let mut s = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
    for &r in &v[end..] {
        s = r.mul_add(r, s);
    }
    s
}

/// The shape of the result: the kept axes, with 1s for the reduced ones when `keepdims`.
fn out_shape(shape: &[usize], reduced: &[usize], keepdims: bool) -> Vec<usize> {
    (0..shape.len())
        .filter_map(|i| {
            if reduced.contains(&i) {
                keepdims.then_some(1)
            } else {
                Some(shape[i])
            }
        })
        .collect()
}

/// `perm` putting `reduced` (in that order) after the other axes.
fn reduce_last(ndim: usize, reduced: &[usize]) -> Vec<usize> {
    let mut perm: Vec<usize> = (0..ndim).filter(|i| !reduced.contains(i)).collect();
    perm.extend_from_slice(reduced);
    perm
}

fn vector_norm(x: &Array, ord: &NormOrd, axis: usize, keepdims: bool) -> Result<Array> {
    let out_dt = real_dtype(x.dtype());
    let p = match ord {
        NormOrd::None => 2.0,
        NormOrd::P(p) => *p,
        _ => {
            return Err(ArrayError::value(format!(
                "Invalid norm order {} for vectors",
                ord.repr()
            )));
        }
    };
    let perm = reduce_last(x.ndim(), &[axis]);
    let len = x.shape()[axis];
    let shape = out_shape(x.shape(), &[axis], keepdims);
    let vals = magnitudes(x, &perm, p == 2.0);
    let blocks: Box<dyn Iterator<Item = &[f64]>> = if len == 0 {
        Box::new(std::iter::repeat_n(&[][..], shape.iter().product()))
    } else {
        Box::new(vals.chunks(len))
    };
    let out: Vec<f64> = if p == 2.0 {
        blocks.map(|b| b.iter().sum::<f64>().sqrt()).collect()
    } else if p.is_infinite() {
        if len == 0 {
            return Err(ArrayError::value(format!(
                "zero-size array to reduction operation {} which has no identity",
                if p > 0.0 { "maximum" } else { "minimum" }
            )));
        }
        let pick = if p > 0.0 { f64::max } else { f64::min };
        blocks
            .map(|b| {
                b.iter()
                    .copied()
                    .reduce(|a, c| {
                        if a.is_nan() || c.is_nan() {
                            f64::NAN
                        } else {
                            pick(a, c)
                        }
                    })
                    .unwrap_or(0.0)
            })
            .collect()
    } else if p == 0.0 {
        blocks
            .map(|b| b.iter().filter(|&&v| v != 0.0).count() as f64)
            .collect()
    } else if p == 1.0 {
        blocks.map(|b| b.iter().sum::<f64>()).collect()
    } else {
        blocks
            .map(|b| b.iter().map(|v| v.powf(p)).sum::<f64>().powf(1.0 / p))
            .collect()
    };
    Ok(finish(out, shape, out_dt))
}

fn matrix_norm(x: &Array, ord: &NormOrd, row: usize, col: usize, keepdims: bool) -> Result<Array> {
    if row == col {
        return Err(ArrayError::value("Duplicate axes given."));
    }
    let out_dt = real_dtype(x.dtype());
    let perm = reduce_last(x.ndim(), &[row, col]);
    let (m, n) = (x.shape()[row], x.shape()[col]);
    let shape = out_shape(x.shape(), &[row, col], keepdims);
    let count: usize = shape.iter().product();
    let invalid = || ArrayError::value("Invalid norm order for matrices.");
    let out: Vec<f64> = match ord {
        NormOrd::None | NormOrd::Fro => {
            let v = magnitudes(x, &perm, true);
            if m * n == 0 {
                vec![0.0; count]
            } else {
                v.chunks(m * n)
                    .map(|b| b.iter().sum::<f64>().sqrt())
                    .collect()
            }
        }
        NormOrd::Nuc | NormOrd::P(2.0) | NormOrd::P(-2.0) => {
            let moved = permuted(x, &perm);
            let ord = ord.clone();
            offload(&[&moved], move |x| -> Result<Vec<f64>> {
                let pick = |s: Vec<f64>| -> f64 {
                    match ord {
                        NormOrd::Nuc => s.iter().sum(),
                        NormOrd::P(p) if p > 0.0 => s.first().copied().unwrap_or(0.0),
                        _ => s.last().copied().unwrap_or(0.0),
                    }
                };
                Ok(with_kernel!(&x[0], k, T => {
                    let st = Stack::<T>::new(&k);
                    let mut out = Vec::with_capacity(count);
                    for i in 0..st.len() {
                        out.push(pick(singular_values(st.mat(i))?));
                    }
                    out
                }))
            })?
        }
        NormOrd::P(p) if p.abs() == 1.0 || p.is_infinite() => {
            let v = magnitudes(x, &perm, false);
            let big = *p > 0.0;
            let by_cols = p.abs() == 1.0;
            let mut out = Vec::with_capacity(count);
            for b in v.chunks(m * n).take(if m * n == 0 { 0 } else { count }) {
                let sums: Vec<f64> = if by_cols {
                    (0..n).map(|j| (0..m).map(|i| b[i * n + j]).sum()).collect()
                } else {
                    b.chunks(n).map(|r| r.iter().sum()).collect()
                };
                let r = sums
                    .into_iter()
                    .reduce(if big { f64::max } else { f64::min });
                out.push(r.unwrap_or(0.0));
            }
            if m * n == 0 {
                return Err(ArrayError::value(format!(
                    "zero-size array to reduction operation {} which has no identity",
                    if big { "maximum" } else { "minimum" }
                )));
            }
            out
        }
        _ => return Err(invalid()),
    };
    Ok(finish(out, shape, out_dt))
}

/// Fallible form of [`norm_axis`] with every argument of `np.linalg.norm`: `ord`, `axis`
/// (`None`, one axis or a pair) and `keepdims`.
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_norm_with(&np::ones(3), "fro", None, false).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: Invalid norm order 'fro' for vectors");
/// let r = np::linalg::try_norm_with(&np::ones([2, 3]), 1, Some(&[1]), true).unwrap();
/// assert_eq!(r.shape(), &[2, 1]);
/// ```
pub fn try_norm_with(
    x: impl AsRef<Array>,
    ord: impl Into<NormOrd>,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(x: &Array, ord: NormOrd, axis: Option<&[isize]>, keepdims: bool) -> Result<Array> {
        let nd = x.ndim();
        if axis.is_none() {
            let plain = match ord {
                NormOrd::None => true,
                NormOrd::Fro => nd == 2,
                NormOrd::P(p) => p == 2.0 && nd == 1,
                _ => false,
            };
            if plain {
                let shape = if keepdims { vec![1; nd] } else { vec![] };
                let out_dt = real_dtype(x.dtype());
                // `as_slice::<f64>` is only asked of float64 arrays: it checks the dtype.
                let contiguous = if x.dtype() == DType::Float64 {
                    x.as_slice::<f64>()
                } else {
                    None
                };
                let s = match contiguous {
                    Some(v) => sum_sq(v),
                    None => {
                        let all: Vec<usize> = (0..nd).collect();
                        magnitudes(x, &all, true).iter().sum()
                    }
                };
                return Ok(finish(vec![s.sqrt()], shape, out_dt));
            }
        }
        let axes: Vec<usize> = match axis {
            Some(ax) => ax
                .iter()
                .map(|&a| normalize_axis(a, nd))
                .collect::<Result<_>>()?,
            None if nd == 1 || nd == 2 => (0..nd).collect(),
            None => return Err(ArrayError::value("Improper number of dimensions to norm.")),
        };
        match axes.len() {
            1 => vector_norm(x, &ord, axes[0], keepdims),
            2 => matrix_norm(x, &ord, axes[0], axes[1], keepdims),
            _ => Err(ArrayError::value("Improper number of dimensions to norm.")),
        }
    }
    inner(x.as_ref(), ord.into(), axis, keepdims)
}

/// Fallible form of [`norm`].
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::linalg::try_norm(&np::array![3.0, 4.0]).unwrap().to_f64(), 5.0);
/// ```
pub fn try_norm(x: impl AsRef<Array>) -> Result<Scalar> {
    Ok(try_norm_with(x, NormOrd::None, None, false)?.sum())
}

/// The 2-norm of the flattened array (`np.linalg.norm(x)`): the Euclidean norm of a
/// vector, the Frobenius norm of a matrix. float32 input gives float32, complex input its
/// real dtype, integers float64.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::linalg::norm(&np::array![3.0, 4.0]).to_f64(), 5.0);
/// ```
#[track_caller]
pub fn norm(x: impl AsRef<Array>) -> Scalar {
    try_norm(x).or_panic()
}

/// Fallible form of [`norm_ord`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_norm_ord(&np::ones([3, 3]), 3).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: Invalid norm order for matrices.");
/// ```
pub fn try_norm_ord(x: impl AsRef<Array>, ord: impl Into<NormOrd>) -> Result<Scalar> {
    Ok(try_norm_with(x, ord, None, false)?.sum())
}

/// `np.linalg.norm(x, ord)` of a vector or a matrix: for vectors `ord` is a number `p`
/// (`inf`, `-inf`, `0`, ...); for matrices `"fro"`, `"nuc"`, `1`, `-1`, `2`, `-2`, `inf`, `-inf`.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[1.0, -2.0], [3.0, 4.0]];
/// assert_eq!(np::linalg::norm_ord(&a, 1).to_f64(), 6.0);
/// assert_eq!(np::linalg::norm_ord(&a, f64::INFINITY).to_f64(), 7.0);
/// assert_eq!(np::linalg::norm_ord(&np::array![3.0, -4.0], 1).to_f64(), 7.0);
/// ```
#[track_caller]
pub fn norm_ord(x: impl AsRef<Array>, ord: impl Into<NormOrd>) -> Scalar {
    try_norm_ord(x, ord).or_panic()
}

/// Fallible form of [`norm_axis`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_norm_axis(&np::ones([2, 2]), None, 2, false).unwrap_err();
/// assert_eq!(e.to_string(), "AxisError: axis 2 is out of bounds for array of dimension 2");
/// ```
pub fn try_norm_axis(
    x: impl AsRef<Array>,
    ord: impl Into<NormOrd>,
    axis: impl IntoAxes,
    keepdims: bool,
) -> Result<Array> {
    let axes = axis.into_axes();
    try_norm_with(x, ord, Some(&axes), keepdims)
}

/// Norms along an axis (vector norms) or a pair of axes (matrix norms), NumPy's
/// `np.linalg.norm(x, ord, axis=..., keepdims=...)`; `None` is NumPy's default `ord`.
///
/// ```
/// use arraylib as np;
/// let e = np::array![[3.0, 4.0], [6.0, 8.0]];
/// let n = np::linalg::norm_axis(&e, None, 1, true);
/// assert_eq!(n.shape(), &[2, 1]);
/// assert_eq!(n.to_vec::<f64>(), vec![5.0, 10.0]);
/// ```
#[track_caller]
pub fn norm_axis(
    x: impl AsRef<Array>,
    ord: impl Into<NormOrd>,
    axis: impl IntoAxes,
    keepdims: bool,
) -> Array {
    try_norm_axis(x, ord, axis, keepdims).or_panic()
}

/// Fallible form of [`cond_stack`].
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_cond_stack(&np::ones(2), None).is_err());
/// ```
pub fn try_cond_stack(x: impl AsRef<Array>, p: impl Into<NormOrd>) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(x: &Array, p: NormOrd) -> Result<Array> {
        check_2d(x)?;
        let out_dt = real_dtype(x.dtype());
        match p {
            NormOrd::None | NormOrd::P(2.0) | NormOrd::P(-2.0) => {
                let s = super::decompositions::try_svdvals(x)?;
                let k = x.shape()[x.ndim() - 2].min(x.shape()[x.ndim() - 1]);
                let sv = cast_array(&s, DType::Float64).to_vec::<f64>();
                let inverse = p == NormOrd::P(-2.0);
                let out: Vec<f64> = if k == 0 {
                    Vec::new()
                } else {
                    sv.chunks(k)
                        .map(|c| {
                            if inverse {
                                c[k - 1] / c[0]
                            } else {
                                c[0] / c[k - 1]
                            }
                        })
                        .collect()
                };
                Ok(finish(out, s.shape()[..s.ndim() - 1].to_vec(), out_dt))
            }
            _ => {
                check_square(x)?;
                let nd = x.ndim() as isize;
                let axes = [nd - 2, nd - 1];
                let nx = try_norm_with(x, p.clone(), Some(&axes), false)?;
                let batch = x.shape()[..x.ndim() - 2].to_vec();
                let count: usize = batch.iter().product();
                let mut out = Vec::with_capacity(count);
                let nxv = cast_array(&nx, DType::Float64).to_vec::<f64>();
                // Singular matrices have an infinite condition number, as NumPy reports.
                let (m, n) = (x.shape()[x.ndim() - 2], x.shape()[x.ndim() - 1]);
                let x3 = cast_array(x, result_dtype(x.dtype())).reshape([count, m, n]);
                for (i, nxi) in nxv.iter().enumerate() {
                    let xi = x3.slice(crate::s![i as isize]);
                    out.push(match try_inv(&xi) {
                        Ok(inv) => {
                            nxi * try_norm_with(&inv, p.clone(), None, false)?.sum().to_f64()
                        }
                        Err(_) => f64::INFINITY,
                    });
                }
                Ok(finish(out, batch, out_dt))
            }
        }
    }
    inner(x.as_ref(), p.into())
}

/// The condition number of each matrix of a stack (`np.linalg.cond(x, p)` on a stack).
///
/// ```
/// use arraylib as np;
/// let a = np::array![[[1.0, 0.0], [0.0, 2.0]], [[1.0, 0.0], [0.0, 4.0]]];
/// assert!(np::allclose(&np::linalg::cond_stack(&a, None), &np::array![2.0, 4.0]));
/// ```
#[track_caller]
pub fn cond_stack(x: impl AsRef<Array>, p: impl Into<NormOrd>) -> Array {
    try_cond_stack(x, p).or_panic()
}

/// Fallible form of [`cond`] and [`cond_ord`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_cond(&np::ones([2, 3]), 1).unwrap_err();
/// assert_eq!(e.to_string(), "LinAlgError: Last 2 dimensions of the array must be square");
/// ```
pub fn try_cond(x: impl AsRef<Array>, p: impl Into<NormOrd>) -> Result<Scalar> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(x: &Array, p: NormOrd) -> Result<Scalar> {
        let r = try_cond_stack(x, p)?;
        if x.ndim() > 2 {
            return Err(stack_given("cond"));
        }
        Ok(r.sum())
    }
    inner(x.as_ref(), p.into())
}

/// The condition number in the 2-norm, the ratio of the largest to the smallest singular
/// value (`np.linalg.cond(x)`).
///
/// ```
/// use arraylib as np;
/// assert!((np::linalg::cond(&np::array![[1.0, 0.0], [0.0, 10.0]]).to_f64() - 10.0).abs() < 1e-12);
/// ```
#[track_caller]
pub fn cond(x: impl AsRef<Array>) -> Scalar {
    try_cond(x, NormOrd::None).or_panic()
}

/// The condition number in another norm (`np.linalg.cond(x, p)`): `2`, `-2`, `"fro"`,
/// `"nuc"`, `1`, `-1`, `inf`, `-inf`; a singular matrix gives `inf`.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[1.0, 0.0], [0.0, 10.0]];
/// assert!((np::linalg::cond_ord(&a, 1).to_f64() - 10.0).abs() < 1e-12);
/// ```
#[track_caller]
pub fn cond_ord(x: impl AsRef<Array>, p: impl Into<NormOrd>) -> Scalar {
    try_cond(x, p).or_panic()
}

/// Fallible form of [`matrix_rank`].
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::linalg::try_matrix_rank(&np::zeros(3)).unwrap(), 0);
/// ```
pub fn try_matrix_rank(a: impl AsRef<Array>) -> Result<usize> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Result<usize> {
        if a.ndim() < 2 {
            let nonzero = crate::comparison::not_equal(a, 0).any();
            return Ok(usize::from(nonzero));
        }
        if a.ndim() > 2 {
            return Err(stack_given("matrix_rank"));
        }
        let s = super::decompositions::try_svdvals(a)?;
        let eps = if s.dtype() == DType::Float32 {
            f32::EPSILON as f64
        } else {
            f64::EPSILON
        };
        let sv = cast_array(&s, DType::Float64).to_vec::<f64>();
        let smax = sv.iter().copied().fold(0.0, f64::max);
        let tol = smax * (a.shape()[0].max(a.shape()[1]) as f64) * eps;
        Ok(sv.iter().filter(|&&v| v > tol).count())
    }
    inner(a.as_ref())
}

/// The rank of a matrix from its singular values (`np.linalg.matrix_rank`), with NumPy's
/// default tolerance `S.max() * max(M, N) * eps`; a vector has rank 1 unless it is all zero.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::linalg::matrix_rank(&np::array![[1.0, 2.0], [2.0, 4.0]]), 1);
/// assert_eq!(np::linalg::matrix_rank(&np::eye(3)), 3);
/// ```
#[track_caller]
pub fn matrix_rank(a: impl AsRef<Array>) -> usize {
    try_matrix_rank(a).or_panic()
}

#[cfg(test)]
mod tests {
    use super::sum_sq;

    #[test]
    fn sum_of_squares_matches_a_plain_loop_at_every_length() {
        // Lengths around the 16-element blocks of the vector loop and its tail.
        for n in [0, 1, 3, 15, 16, 17, 31, 32, 33, 1000, 1001] {
            let v: Vec<f64> = (0..n).map(|i| (i as f64 * 0.37).sin() * 3.0).collect();
            let plain: f64 = v.iter().map(|x| x * x).sum();
            let got = sum_sq(&v);
            assert!(
                (got - plain).abs() <= 1e-12 * plain.max(1.0),
                "n = {n}: {got} vs {plain}"
            );
        }
    }
}

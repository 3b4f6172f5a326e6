//! Linear systems and determinants: `solve`, `inv`, `det`, `slogdet`.

use super::field::{
    Field, Stack, check_square, finish, kernel_dtype, push_mat, real_dtype, result_dtype, singular,
    with_core, with_kernel,
};
use crate::array::Array;
use crate::dtype::promote;
use crate::error::{ArrayError, OrPanic, Result, compact_shape};
use crate::interrupt::offload;
use crate::operand::cast_array;
use crate::scalar::Scalar;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting::factor::{lu_in_place, lu_in_place_scratch};
use faer::linalg::solvers::{DenseSolveCore, PartialPivLu, Solve};
use faer::{Mat, MatRef, Par};

/// An LU factorization with partial pivoting and the number of row swaps it made.
pub(crate) struct Lu<T> {
    pub lu: Mat<T>,
    pub swaps: usize,
}

/// Factors a square matrix; `lu`'s diagonal is `U`'s.
pub(crate) fn lu<T: Field>(a: MatRef<'_, T>) -> Lu<T> {
    let n = a.nrows();
    let mut lu = a.to_owned();
    let mut fwd = vec![0usize; n];
    let mut bwd = vec![0usize; n];
    let par = Par::Seq;
    let mut mem = MemBuffer::new(lu_in_place_scratch::<usize, T>(
        n,
        n,
        par,
        Default::default(),
    ));
    let (info, _) = lu_in_place(
        lu.as_mut(),
        &mut fwd,
        &mut bwd,
        par,
        MemStack::new(&mut mem),
        Default::default(),
    );
    Lu {
        lu,
        swaps: info.transposition_count,
    }
}

/// True if `U` has an exactly zero pivot, LAPACK's (and so NumPy's) test for singularity.
fn has_zero_pivot<T: Field>(u: MatRef<'_, T>) -> bool {
    (0..u.nrows()).any(|i| u[(i, i)] == T::from_real(0.0))
}

fn det_of<T: Field>(a: MatRef<'_, T>) -> T {
    let f = lu(a);
    let mut d = T::from_real(if f.swaps.is_multiple_of(2) { 1.0 } else { -1.0 });
    for i in 0..a.nrows() {
        let p = f.lu[(i, i)];
        // After an exactly zero pivot the factorization divides 0 by 0; the determinant is 0.
        if p == T::from_real(0.0) {
            return T::from_real(0.0);
        }
        d *= p;
    }
    d
}

fn slogdet_of<T: Field>(a: MatRef<'_, T>) -> (T, f64) {
    let f = lu(a);
    let mut sign = T::from_real(if f.swaps.is_multiple_of(2) { 1.0 } else { -1.0 });
    let mut logdet = 0.0;
    for i in 0..a.nrows() {
        let p = f.lu[(i, i)];
        let m = p.modulus();
        if m == 0.0 {
            return (T::from_real(0.0), f64::NEG_INFINITY);
        }
        sign *= p.unit();
        logdet += m.ln();
    }
    (sign, logdet)
}

/// Fallible form of [`det_stack`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_det_stack(&np::ones([2, 3])).unwrap_err();
/// assert_eq!(e.to_string(), "LinAlgError: Last 2 dimensions of the array must be square");
/// ```
pub fn try_det_stack(a: impl AsRef<Array>) -> Result<Array> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array) -> Result<Array> {
        offload(&[a], |x| compute(&x[0]))
    }
    fn compute(a: &Array) -> Result<Array> {
        check_square(a)?;
        let out_dt = result_dtype(a.dtype());
        with_kernel!(a, x, T => {
            let st = Stack::<T>::new(&x);
            let dets: Vec<T> = (0..st.len()).map(|k| det_of(st.mat(k))).collect();
            Ok(finish(dets, st.batch.clone(), out_dt))
        })
    }
    inner(a.as_ref())
}

/// The determinants of a stack of matrices `(..., M, M)` as an array of shape `(...)`
/// (`np.linalg.det` on a stack).
///
/// ```
/// use arraylib as np;
/// let a = np::array![[[1.0, 2.0], [3.0, 4.0]], [[2.0, 0.0], [0.0, 2.0]]];
/// let d = np::linalg::det_stack(&a);
/// assert!(np::allclose(&d, &np::array![-2.0, 4.0]));
/// ```
#[track_caller]
pub fn det_stack(a: impl AsRef<Array>) -> Array {
    try_det_stack(a).or_panic()
}

/// Fallible form of [`det`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_det(&np::ones(3)).unwrap_err();
/// assert_eq!(e.to_string(), "LinAlgError: 1-dimensional array given. Array must be at least two-dimensional");
/// ```
pub fn try_det(a: impl AsRef<Array>) -> Result<Scalar> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array) -> Result<Scalar> {
        offload(&[a], |x| compute(&x[0]))
    }
    fn compute(a: &Array) -> Result<Scalar> {
        check_square(a)?;
        if a.ndim() > 2 {
            return Err(stack_given("det"));
        }
        Ok(try_det_stack(a)?.sum())
    }
    inner(a.as_ref())
}

/// The error for a stack passed to a function that returns one number.
pub(crate) fn stack_given(name: &str) -> ArrayError {
    ArrayError::value(format!(
        "{name} of a stack of matrices returns an array: use np::linalg::{name}_stack"
    ))
}

/// The determinant of a square matrix (`np.linalg.det`), computed from an LU factorization.
///
/// Integer inputs give float64, float32 gives float32, complex inputs complex. Stacks of
/// matrices go through [`det_stack`].
///
/// ```
/// use arraylib as np;
/// let a = np::array![[1.0, 2.0], [3.0, 4.0]];
/// assert!((np::linalg::det(&a).to_f64() + 2.0).abs() < 1e-12);
/// ```
#[track_caller]
pub fn det(a: impl AsRef<Array>) -> Scalar {
    try_det(a).or_panic()
}

/// Fallible form of [`slogdet_stack`].
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_slogdet_stack(&np::ones(2)).is_err());
/// ```
pub fn try_slogdet_stack(a: impl AsRef<Array>) -> Result<(Array, Array)> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array) -> Result<(Array, Array)> {
        offload(&[a], |x| compute(&x[0]))
    }
    fn compute(a: &Array) -> Result<(Array, Array)> {
        check_square(a)?;
        let out_dt = result_dtype(a.dtype());
        with_kernel!(a, x, T => {
            let st = Stack::<T>::new(&x);
            let (signs, logs): (Vec<T>, Vec<f64>) = (0..st.len()).map(|k| slogdet_of(st.mat(k))).unzip();
            Ok((
                finish(signs, st.batch.clone(), out_dt),
                finish(logs, st.batch.clone(), real_dtype(out_dt)),
            ))
        })
    }
    inner(a.as_ref())
}

/// `(sign, logabsdet)` for each matrix of a stack (`np.linalg.slogdet` on a stack).
///
/// ```
/// use arraylib as np;
/// let a = np::array![[[2.0, 0.0], [0.0, 2.0]], [[0.0, 1.0], [1.0, 0.0]]];
/// let (sign, logdet) = np::linalg::slogdet_stack(&a);
/// assert_eq!(sign.to_vec::<f64>(), vec![1.0, -1.0]);
/// assert!((logdet.to_vec::<f64>()[0] - 4f64.ln()).abs() < 1e-12);
/// ```
#[track_caller]
pub fn slogdet_stack(a: impl AsRef<Array>) -> (Array, Array) {
    try_slogdet_stack(a).or_panic()
}

/// Fallible form of [`slogdet`].
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_slogdet(&np::ones([2, 3])).is_err());
/// ```
pub fn try_slogdet(a: impl AsRef<Array>) -> Result<(Scalar, Scalar)> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array) -> Result<(Scalar, Scalar)> {
        offload(&[a], |x| compute(&x[0]))
    }
    fn compute(a: &Array) -> Result<(Scalar, Scalar)> {
        check_square(a)?;
        if a.ndim() > 2 {
            return Err(stack_given("slogdet"));
        }
        let (s, l) = try_slogdet_stack(a)?;
        Ok((s.sum(), l.sum()))
    }
    inner(a.as_ref())
}

/// The sign and the natural log of the absolute value of the determinant
/// (`np.linalg.slogdet`, NumPy's `sign, logabsdet`); a singular matrix gives `(0, -inf)`.
/// For complex input the sign is a complex number of modulus 1.
///
/// ```
/// use arraylib as np;
/// let (sign, logabsdet) = np::linalg::slogdet(&np::array![[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(sign.to_f64(), -1.0);
/// assert!((logabsdet.to_f64() - 2f64.ln()).abs() < 1e-12);
/// ```
#[track_caller]
pub fn slogdet(a: impl AsRef<Array>) -> (Scalar, Scalar) {
    try_slogdet(a).or_panic()
}

/// Fallible form of [`inv`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_inv(&np::ones([2, 2])).unwrap_err();
/// assert_eq!(e.to_string(), "LinAlgError: Singular matrix");
/// ```
pub fn try_inv(a: impl AsRef<Array>) -> Result<Array> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array) -> Result<Array> {
        offload(&[a], |x| compute(&x[0]))
    }
    fn compute(a: &Array) -> Result<Array> {
        check_square(a)?;
        let out_dt = result_dtype(a.dtype());
        with_kernel!(a, x, T => {
            let st = Stack::<T>::new(&x);
            let mut out = Vec::with_capacity(x.size());
            for k in 0..st.len() {
                let f = PartialPivLu::new(st.mat(k));
                if has_zero_pivot(f.U()) {
                    return Err(singular());
                }
                push_mat(&mut out, f.inverse().as_ref());
            }
            Ok(finish(out, x.shape().to_vec(), out_dt))
        })
    }
    inner(a.as_ref())
}

/// The inverse of a square matrix, or of each matrix of a stack (`np.linalg.inv`).
///
/// Panics with `LinAlgError: Singular matrix` when the LU factorization meets an exactly
/// zero pivot, as NumPy (LAPACK `gesv`) does.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[4.0, 7.0], [2.0, 6.0]];
/// let ai = np::linalg::inv(&a);
/// assert!(np::allclose(&a.matmul(&ai), &np::eye(2)));
/// ```
#[track_caller]
pub fn inv(a: impl AsRef<Array>) -> Array {
    try_inv(a).or_panic()
}

fn core_mismatch(vector: bool, size: usize, m: usize) -> ArrayError {
    let (name, sig) = if vector {
        ("solve1", "(m,m),(m)->(m)")
    } else {
        ("solve", "(m,m),(m,n)->(m,n)")
    };
    ArrayError::value(format!(
        "{name}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature {sig} (size {size} is different from {m})"
    ))
}

/// Fallible form of [`solve`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_solve(&np::eye(3), &np::ones(4)).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size 4 is different from 3)");
/// ```
pub fn try_solve(a: impl AsRef<Array>, b: impl AsRef<Array>) -> Result<Array> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array, b: &Array) -> Result<Array> {
        offload(&[a, b], |x| compute(&x[0], &x[1]))
    }
    fn compute(a: &Array, b: &Array) -> Result<Array> {
        check_square(a)?;
        let m = a.shape()[a.ndim() - 1];
        let abatch = &a.shape()[..a.ndim() - 2];
        // NumPy 2: `b` is a single vector only when it is 1-D; otherwise a stack of matrices.
        let vector = b.ndim() == 1;
        if b.ndim() == 0 {
            return Err(ArrayError::value(
                "solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (m,m),(m,n)->(m,n) requires 2)",
            ));
        }
        let (bb, bm, k) = if vector {
            (&[][..], b.shape()[0], 1)
        } else {
            let s = b.shape();
            (&s[..s.len() - 2], s[s.len() - 2], s[s.len() - 1])
        };
        if bm != m {
            return Err(core_mismatch(vector, bm, m));
        }
        let batch = crate::broadcast::broadcast_shapes(&[abatch, bb]).map_err(|_| {
            let remap = |orig: &[usize], batch: &[usize]| {
                let dims: Vec<String> = batch.iter().map(|d| d.to_string()).collect();
                let mut s = format!("({}", dims.join(","));
                s.push_str(if dims.is_empty() { "newaxis,newaxis)" } else { ",newaxis,newaxis)" });
                format!("{}->{}", compact_shape(orig), s)
            };
            ArrayError::value(format!(
                "operands could not be broadcast together with remapped shapes [original->remapped]: {} {}  and requested shape ({m},{k})",
                remap(a.shape(), abatch),
                remap(b.shape(), bb),
            ))
        })?;
        let dt = promote(a.dtype(), b.dtype());
        let out_dt = result_dtype(dt);
        let kdt = kernel_dtype(dt);
        let a = cast_array(a, kdt).broadcast_view(&with_core(&batch, &[m, m]))?;
        let b = if vector { b.reshape([m, 1]) } else { b.clone() };
        let b = cast_array(&b, kdt).broadcast_view(&with_core(&batch, &[m, k]))?;
        let out_shape = if vector {
            with_core(&batch, &[m])
        } else {
            with_core(&batch, &[m, k])
        };
        with_kernel!(&a, a, T => {
            let sa = Stack::<T>::new(&a);
            let b = cast_array(&b, <T as crate::dtype::Element>::DTYPE);
            let sb = Stack::<T>::new(&b);
            let mut out = Vec::with_capacity(sb.len() * m * k);
            for i in 0..sa.len() {
                let f = PartialPivLu::new(sa.mat(i));
                if has_zero_pivot(f.U()) {
                    return Err(singular());
                }
                push_mat(&mut out, f.solve(sb.mat(i)).as_ref());
            }
            Ok(finish(out, out_shape, out_dt))
        })
    }
    inner(a.as_ref(), b.as_ref())
}

/// Solves `a @ x = b` for `x` (`np.linalg.solve`), by LU factorization with partial
/// pivoting.
///
/// `b` is a vector when it is 1-D and otherwise a (stack of) matrices whose columns are
/// solved for, as in NumPy 2; leading dimensions broadcast.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[3.0, 1.0], [1.0, 2.0]];
/// let x = np::linalg::solve(&a, &np::array![9.0, 8.0]);
/// assert!(np::allclose(&x, &np::array![2.0, 3.0]));
/// ```
#[track_caller]
pub fn solve(a: impl AsRef<Array>, b: impl AsRef<Array>) -> Array {
    try_solve(a, b).or_panic()
}

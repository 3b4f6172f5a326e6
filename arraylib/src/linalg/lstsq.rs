//! Least squares and the pseudo-inverse: `lstsq`, `pinv`.

use super::field::{
    Field, Stack, check_2d, finish, kernel_dtype, linalg_error, push_mat, real_dtype, result_dtype,
    with_core, with_kernel,
};
use crate::array::Array;
use crate::dtype::promote;
use crate::error::{OrPanic, Result};
use crate::interrupt::offload;
use crate::operand::cast_array;
use faer::linalg::solvers::Svd;
use faer::{Mat, MatRef};

/// `V diag(1/s) U^H b` over the singular values above `cutoff` (relative to the largest),
/// and their count: the minimum-norm least-squares solution.
fn svd_solve<T: Field>(
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    rcond: f64,
) -> Result<(Mat<T>, usize, Vec<f64>)> {
    let f = Svd::new_thin(a)
        .map_err(|_| linalg_error("SVD did not converge in Linear Least Squares"))?;
    let s: Vec<f64> = f.S().column_vector().iter().map(|x| x.re_part()).collect();
    let cutoff = rcond * s.first().copied().unwrap_or(0.0);
    let rank = s.iter().filter(|&&v| v > cutoff).count();
    let mut t: Mat<T> = f.U().adjoint() * b;
    for (i, &si) in s.iter().enumerate() {
        let w = if si > cutoff {
            T::from_real(1.0 / si)
        } else {
            T::from_real(0.0)
        };
        for j in 0..t.ncols() {
            t[(i, j)] *= w;
        }
    }
    let x: Mat<T> = f.V() * t;
    Ok((x, rank, s))
}

/// Fallible form of [`lstsq`] with NumPy's `rcond` (`None` for its default
/// `eps * max(M, N)`).
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_lstsq(&np::ones([3, 2]), &np::ones(4), None).unwrap_err();
/// assert_eq!(e.to_string(), "LinAlgError: Incompatible dimensions");
/// ```
pub fn try_lstsq(
    a: impl AsRef<Array>,
    b: impl AsRef<Array>,
    rcond: Option<f64>,
) -> Result<(Array, Array, usize, Array)> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array, b: &Array, rcond: Option<f64>) -> Result<(Array, Array, usize, Array)> {
        offload(&[a, b], move |x| compute(&x[0], &x[1], rcond))
    }
    fn compute(a: &Array, b: &Array, rcond: Option<f64>) -> Result<(Array, Array, usize, Array)> {
        check_2d(a)?;
        if a.ndim() != 2 {
            return Err(linalg_error(format!(
                "{}-dimensional array given. Array must be two-dimensional",
                a.ndim()
            )));
        }
        let is_1d = b.ndim() == 1;
        let b2 = if is_1d { b.reshape([-1, 1]) } else { b.clone() };
        check_2d(&b2)?;
        let (m, n) = (a.shape()[0], a.shape()[1]);
        if b2.shape()[0] != m || b2.ndim() != 2 {
            return Err(linalg_error("Incompatible dimensions"));
        }
        let nrhs = b2.shape()[1];
        let dt = promote(a.dtype(), b.dtype());
        let out_dt = result_dtype(dt);
        let rcond = rcond.unwrap_or(f64::EPSILON * m.max(n) as f64);
        let b2 = cast_array(&b2, kernel_dtype(dt));
        let a = cast_array(a, kernel_dtype(dt));
        with_kernel!(&a, a, T => {
            let sa = Stack::<T>::new(&a);
            let sb = Stack::<T>::new(&b2);
            let (x, rank, s) = svd_solve(sa.mat(0), sb.mat(0), rcond)?;
            let mut xs = Vec::with_capacity(n * nrhs);
            push_mat(&mut xs, x.as_ref());
            // Residuals only when the problem is overdetermined and of full rank, as LAPACK's
            // `gelsd` reports them.
            let resid: Vec<f64> = if rank == n && m > n {
                let r: Mat<T> = sa.mat(0) * x.as_ref() - sb.mat(0);
                (0..nrhs).map(|j| (0..m).map(|i| r[(i, j)].modulus_sqr()).sum()).collect()
            } else {
                Vec::new()
            };
            let xshape = if is_1d { vec![n] } else { vec![n, nrhs] };
            let rlen = resid.len();
            Ok((
                finish(xs, xshape, out_dt),
                finish(resid, vec![rlen], real_dtype(out_dt)),
                rank,
                finish(s, vec![m.min(n)], real_dtype(out_dt)),
            ))
        })
    }
    inner(a.as_ref(), b.as_ref(), rcond)
}

/// The least-squares solution of `a @ x = b` (`np.linalg.lstsq(a, b)` with NumPy 2's
/// default `rcond`): `(x, residuals, rank, s)`, where `residuals` holds the squared
/// 2-norm of each column's residual when `M > N` and `a` has full rank (else it is empty),
/// and `s` the singular values of `a`. Rank-deficient problems get the minimum-norm solution.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
/// let (x, res, rank, s) = np::linalg::lstsq(&a, &np::array![1.0, 1.0, 1.0]);
/// assert!(np::allclose(&x, &np::array![2.0 / 3.0, 2.0 / 3.0]));
/// assert_eq!(rank, 2);
/// assert_eq!(res.shape(), &[1]);
/// ```
#[track_caller]
pub fn lstsq(a: impl AsRef<Array>, b: impl AsRef<Array>) -> (Array, Array, usize, Array) {
    try_lstsq(a, b, None).or_panic()
}

/// Fallible form of [`pinv`] with NumPy's `rcond`.
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_pinv(&np::ones(3), 1e-15).is_err());
/// ```
pub fn try_pinv(a: impl AsRef<Array>, rcond: f64) -> Result<Array> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array, rcond: f64) -> Result<Array> {
        offload(&[a], move |x| compute(&x[0], rcond))
    }
    fn compute(a: &Array, rcond: f64) -> Result<Array> {
        check_2d(a)?;
        let out_dt = result_dtype(a.dtype());
        with_kernel!(a, x, T => {
            let st = Stack::<T>::new(&x);
            let mut out = Vec::with_capacity(x.size());
            for k in 0..st.len() {
                let eye = Mat::<T>::identity(st.m, st.m);
                let (p, _, _) = svd_solve(st.mat(k), eye.as_ref(), rcond)?;
                push_mat(&mut out, p.as_ref());
            }
            Ok(finish(out, with_core(&st.batch, &[st.n, st.m]), out_dt))
        })
    }
    inner(a.as_ref(), rcond)
}

/// The Moore-Penrose pseudo-inverse from the SVD (`np.linalg.pinv(a)`), treating singular
/// values below `1e-15 * max(s)` as zero; works on stacks.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// let p = np::linalg::pinv(&a);
/// assert_eq!(p.shape(), &[2, 3]);
/// assert!(np::allclose(&p.matmul(&a), &np::eye(2)));
/// ```
#[track_caller]
pub fn pinv(a: impl AsRef<Array>) -> Array {
    try_pinv(a, 1e-15).or_panic()
}

/// [`pinv`] with NumPy's `rcond` cutoff, relative to the largest singular value.
///
/// ```
/// use arraylib as np;
/// let p = np::linalg::pinv_rcond(&np::array![[1.0, 0.0], [0.0, 1e-10]], 1e-5);
/// assert!(np::allclose(&p, &np::array![[1.0, 0.0], [0.0, 0.0]]));
/// ```
#[track_caller]
pub fn pinv_rcond(a: impl AsRef<Array>, rcond: f64) -> Array {
    try_pinv(a, rcond).or_panic()
}

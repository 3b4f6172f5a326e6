//! Factorizations returning matrices: `cholesky`, `qr`, `svd`, `svdvals`.

use super::field::{
    Field, Stack, check_2d, check_square, finish, linalg_error, push_adjoint, push_mat, real_dtype,
    result_dtype, with_core, with_kernel,
};
use crate::array::Array;
use crate::error::{ArrayError, OrPanic, Result};
use crate::interrupt::offload;
use faer::diag::Diag;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::solvers::{Llt, Qr};
use faer::linalg::svd::{ComputeSvdVectors, SvdParams, svd as faer_svd, svd_scratch};
use faer::{Mat, MatRef, Par, Side, Spec};

/// Fallible form of [`cholesky`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_cholesky(&np::array![[1.0, 2.0], [2.0, 1.0]]).unwrap_err();
/// assert_eq!(e.to_string(), "LinAlgError: Matrix is not positive definite");
/// ```
pub fn try_cholesky(a: impl AsRef<Array>) -> Result<Array> {
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
                // Only the lower triangle is read, as NumPy (LAPACK `potrf` with 'L') does.
                let f = Llt::new(st.mat(k), Side::Lower)
                    .map_err(|_| linalg_error("Matrix is not positive definite"))?;
                push_mat(&mut out, f.L());
            }
            Ok(finish(out, x.shape().to_vec(), out_dt))
        })
    }
    inner(a.as_ref())
}

/// The lower-triangular Cholesky factor `L` with `a = L @ L.conj().T`
/// (`np.linalg.cholesky`), for a matrix or a stack; only the lower triangle of `a` is read.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[4.0, 2.0], [2.0, 3.0]];
/// let l = np::linalg::cholesky(&a);
/// assert!(np::allclose(&l.matmul(&l.t()), &a));
/// ```
#[track_caller]
pub fn cholesky(a: impl AsRef<Array>) -> Array {
    try_cholesky(a).or_panic()
}

/// NumPy's `mode` argument of `np.linalg.qr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum QrMode {
    Reduced,
    Complete,
    R,
}

fn qr_impl(a: &Array, mode: QrMode) -> Result<(Option<Array>, Array)> {
    offload(&[a], move |x| qr_compute(&x[0], mode))
}

fn qr_compute(a: &Array, mode: QrMode) -> Result<(Option<Array>, Array)> {
    check_2d(a)?;
    let out_dt = result_dtype(a.dtype());
    with_kernel!(a, x, T => {
        let st = Stack::<T>::new(&x);
        let (m, n) = (st.m, st.n);
        let kk = m.min(n);
        let (qcols, rrows) = match mode {
            QrMode::Complete => (m, m),
            _ => (kk, kk),
        };
        let mut qs = Vec::new();
        let mut rs = Vec::new();
        for k in 0..st.len() {
            let f = Qr::new(st.mat(k));
            let r = f.R();
            for i in 0..rrows {
                for j in 0..n {
                    rs.push(if i < r.nrows() && j >= i { r[(i, j)] } else { T::from_real(0.0) });
                }
            }
            match mode {
                QrMode::Reduced => push_mat(&mut qs, f.compute_thin_Q().as_ref()),
                QrMode::Complete => push_mat(&mut qs, f.compute_Q().as_ref()),
                QrMode::R => {}
            }
        }
        let r = finish(rs, with_core(&st.batch, &[rrows, n]), out_dt);
        let q = (mode != QrMode::R).then(|| finish(qs, with_core(&st.batch, &[m, qcols]), out_dt));
        Ok((q, r))
    })
}

/// Fallible form of [`qr`].
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_qr(&np::ones(3)).is_err());
/// ```
pub fn try_qr(a: impl AsRef<Array>) -> Result<(Array, Array)> {
    let (q, r) = qr_impl(a.as_ref(), QrMode::Reduced)?;
    Ok((q.expect("reduced mode computes Q"), r))
}

/// The reduced QR decomposition `(Q, R)` of a matrix `(M, N)` or a stack
/// (`np.linalg.qr(a)`, mode `'reduced'`): `Q` is `(M, K)` with orthonormal columns, `R` is
/// `(K, N)` upper triangular, `K = min(M, N)`. Signs of the rows of `R` (and columns of `Q`)
/// may differ from LAPACK's.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// let (q, r) = np::linalg::qr(&a);
/// assert_eq!((q.shape(), r.shape()), (&[3, 2][..], &[2, 2][..]));
/// assert!(np::allclose(&q.matmul(&r), &a));
/// ```
#[track_caller]
pub fn qr(a: impl AsRef<Array>) -> (Array, Array) {
    try_qr(a).or_panic()
}

/// Fallible form of [`qr_complete`].
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_qr_complete(&np::ones(3)).is_err());
/// ```
pub fn try_qr_complete(a: impl AsRef<Array>) -> Result<(Array, Array)> {
    let (q, r) = qr_impl(a.as_ref(), QrMode::Complete)?;
    Ok((q.expect("complete mode computes Q"), r))
}

/// The complete QR decomposition (`np.linalg.qr(a, mode='complete')`): `Q` is `(M, M)`,
/// `R` is `(M, N)`.
///
/// ```
/// use arraylib as np;
/// let (q, r) = np::linalg::qr_complete(&np::ones([3, 2]));
/// assert_eq!((q.shape(), r.shape()), (&[3, 3][..], &[3, 2][..]));
/// ```
#[track_caller]
pub fn qr_complete(a: impl AsRef<Array>) -> (Array, Array) {
    try_qr_complete(a).or_panic()
}

/// Fallible form of [`qr_r`].
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_qr_r(&np::ones(3)).is_err());
/// ```
pub fn try_qr_r(a: impl AsRef<Array>) -> Result<Array> {
    Ok(qr_impl(a.as_ref(), QrMode::R)?.1)
}

/// Only the `R` factor, `(K, N)` (`np.linalg.qr(a, mode='r')`).
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::linalg::qr_r(&np::ones([3, 2])).shape(), &[2, 2]);
/// ```
#[track_caller]
pub fn qr_r(a: impl AsRef<Array>) -> Array {
    try_qr_r(a).or_panic()
}

/// `np.linalg.qr(a, mode=...)` with the mode as a string: `"reduced"` and `"complete"` give
/// `[Q, R]`, `"r"` gives `[R]`; any other mode is NumPy's `ValueError`.
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_qr_mode(&np::ones([2, 2]), "x").unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: Unrecognized mode 'x'");
/// assert_eq!(np::linalg::try_qr_mode(&np::ones([2, 2]), "r").unwrap().len(), 1);
/// ```
pub fn try_qr_mode(a: impl AsRef<Array>, mode: &str) -> Result<Vec<Array>> {
    let mode = match mode {
        "reduced" => QrMode::Reduced,
        "complete" => QrMode::Complete,
        "r" => QrMode::R,
        _ => return Err(ArrayError::value(format!("Unrecognized mode '{mode}'"))),
    };
    let (q, r) = qr_impl(a.as_ref(), mode)?;
    Ok(q.into_iter().chain([r]).collect())
}

fn svd_error() -> crate::ArrayError {
    linalg_error("SVD did not converge")
}

/// faer's SVD settings, except that its bidiagonal divide and conquer splits down to blocks
/// of 32 rather than 128 before switching to QR iteration (LAPACK's `dbdsdc` stops at 25):
/// `svd` of 500x500 took about 5% less time.
fn svd_params<T: Field>() -> Spec<SvdParams, T> {
    let mut params: Spec<SvdParams, T> = Default::default();
    params.config.recursion_threshold = 32;
    params
}

/// Singular values of one matrix, descending (no singular vectors are formed).
pub(crate) fn singular_values<T: Field>(a: MatRef<'_, T>) -> Result<Vec<f64>> {
    let (m, n) = (a.nrows(), a.ncols());
    let mut s = Diag::<T>::zeros(m.min(n));
    let par = Par::Seq;
    let no = ComputeSvdVectors::No;
    let mut mem = MemBuffer::new(svd_scratch::<T>(m, n, no, no, par, svd_params::<T>()));
    faer_svd(
        a,
        s.as_mut(),
        None,
        None,
        par,
        MemStack::new(&mut mem),
        svd_params::<T>(),
    )
    .map_err(|_| svd_error())?;
    Ok(s.column_vector().iter().map(|x| x.re_part()).collect())
}

/// Fallible form of [`svd`] and [`svd_with`].
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_svd(&np::ones(3), true).is_err());
/// ```
pub fn try_svd(a: impl AsRef<Array>, full_matrices: bool) -> Result<(Array, Array, Array)> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array, full_matrices: bool) -> Result<(Array, Array, Array)> {
        offload(&[a], move |x| compute(&x[0], full_matrices))
    }
    fn compute(a: &Array, full_matrices: bool) -> Result<(Array, Array, Array)> {
        check_2d(a)?;
        let out_dt = result_dtype(a.dtype());
        with_kernel!(a, x, T => {
            let st = Stack::<T>::new(&x);
            let (m, n) = (st.m, st.n);
            let kk = m.min(n);
            let (ucols, vrows) = if full_matrices { (m, n) } else { (kk, kk) };
            let (mut us, mut ss, mut vhs) = (Vec::new(), Vec::new(), Vec::new());
            for k in 0..st.len() {
                let mat = st.mat(k);
                let mut s = Diag::<T>::zeros(kk);
                let mut u = Mat::<T>::zeros(m, ucols);
                let mut v = Mat::<T>::zeros(n, vrows);
                let want = if full_matrices {
                    ComputeSvdVectors::Full
                } else {
                    ComputeSvdVectors::Thin
                };
                let par = Par::Seq;
                let mut mem =
                    MemBuffer::new(svd_scratch::<T>(m, n, want, want, par, svd_params::<T>()));
                faer_svd(
                    mat,
                    s.as_mut(),
                    Some(u.as_mut()),
                    Some(v.as_mut()),
                    par,
                    MemStack::new(&mut mem),
                    svd_params::<T>(),
                )
                .map_err(|_| svd_error())?;
                push_mat(&mut us, u.as_ref());
                ss.extend(s.column_vector().iter().map(|x| x.re_part()));
                push_adjoint(&mut vhs, v.as_ref());
            }
            Ok((
                finish(us, with_core(&st.batch, &[m, ucols]), out_dt),
                finish(ss, with_core(&st.batch, &[kk]), real_dtype(out_dt)),
                finish(vhs, with_core(&st.batch, &[vrows, n]), out_dt),
            ))
        })
    }
    inner(a.as_ref(), full_matrices)
}

/// The singular value decomposition `(U, S, Vh)` with `a = U @ diag(S) @ Vh`
/// (`np.linalg.svd(a)`, `full_matrices=True`): `U` is `(M, M)`, `S` the `min(M, N)`
/// singular values in descending order, `Vh` is `(N, N)`. Works on stacks. Singular
/// vectors are unique only up to sign (phase), which may differ from LAPACK's.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[3.0, 0.0], [0.0, 4.0], [0.0, 0.0]];
/// let (u, s, vh) = np::linalg::svd(&a);
/// assert_eq!((u.shape(), vh.shape()), (&[3, 3][..], &[2, 2][..]));
/// assert!(np::allclose(&s, &np::array![4.0, 3.0]));
/// ```
#[track_caller]
pub fn svd(a: impl AsRef<Array>) -> (Array, Array, Array) {
    try_svd(a, true).or_panic()
}

/// [`svd`] with NumPy's `full_matrices` flag; `false` gives `U (M, K)` and `Vh (K, N)`.
///
/// ```
/// use arraylib as np;
/// let (u, s, vh) = np::linalg::svd_with(&np::ones([4, 2]), false);
/// assert_eq!((u.shape(), s.shape(), vh.shape()), (&[4, 2][..], &[2][..], &[2, 2][..]));
/// ```
#[track_caller]
pub fn svd_with(a: impl AsRef<Array>, full_matrices: bool) -> (Array, Array, Array) {
    try_svd(a, full_matrices).or_panic()
}

/// Fallible form of [`svdvals`].
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_svdvals(&np::ones(3)).is_err());
/// ```
pub fn try_svdvals(a: impl AsRef<Array>) -> Result<Array> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array) -> Result<Array> {
        offload(&[a], |x| compute(&x[0]))
    }
    fn compute(a: &Array) -> Result<Array> {
        check_2d(a)?;
        let out_dt = real_dtype(a.dtype());
        with_kernel!(a, x, T => {
            let st = Stack::<T>::new(&x);
            let mut out = Vec::new();
            for k in 0..st.len() {
                out.extend(singular_values(st.mat(k))?);
            }
            Ok(finish(out, with_core(&st.batch, &[st.m.min(st.n)]), out_dt))
        })
    }
    inner(a.as_ref())
}

/// The singular values alone, descending (`np.linalg.svdvals(a)`, the same as
/// `np.linalg.svd(a, compute_uv=False)`); cheaper than [`svd`].
///
/// ```
/// use arraylib as np;
/// let s = np::linalg::svdvals(&np::array![[0.0, 2.0], [1.0, 0.0]]);
/// assert!(np::allclose(&s, &np::array![2.0, 1.0]));
/// ```
#[track_caller]
pub fn svdvals(a: impl AsRef<Array>) -> Array {
    try_svdvals(a).or_panic()
}

//! Eigenvalue problems: `eig`, `eigvals` (general matrices), `eigh`, `eigvalsh` (Hermitian).

use super::field::{
    Field, Stack, check_square, finish, is_complex, linalg_error, push_mat, real_dtype,
    result_dtype, with_core, with_kernel,
};
use super::tridiagonal::{sterf, tridiagonalize};
use super::tridiagonal_evd::tridiagonal_eigh;
use crate::array::Array;
use crate::dtype::{Complex128, DType};
use crate::error::{ArrayError, OrPanic, Result};
use crate::interrupt::offload;
use crate::operand::cast_array;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::tridiag::{tridiag_in_place, tridiag_in_place_scratch};
use faer::linalg::householder::{
    apply_block_householder_sequence_on_the_left_in_place_scratch,
    apply_block_householder_sequence_on_the_left_in_place_with_conj, upgrade_householder_factor,
};
use faer::linalg::qr::no_pivoting::factor::recommended_block_size;
use faer::linalg::solvers::{Eigen, SelfAdjointEigen};
use faer::{Conj, Mat, MatMut, MatRef, Par, Side};

fn evd_error() -> ArrayError {
    linalg_error("Eigenvalues did not converge")
}

fn eig_one_real(a: MatRef<'_, f64>) -> Result<Eigen<f64>> {
    Eigen::new_from_real(a).map_err(|_| evd_error())
}

fn eig_one_complex(a: MatRef<'_, Complex128>) -> Result<Eigen<f64>> {
    Eigen::new(a).map_err(|_| evd_error())
}

/// Batch shape, matrix size, eigenvalues and row-major eigenvectors of a stack.
type EigParts = (Vec<usize>, usize, Vec<Complex128>, Vec<Complex128>);

/// Eigenvalues and unit eigenvectors of each matrix, complex, in row-major buffers. Each
/// eigenvector is scaled to unit norm with its largest component real, as LAPACK's `geev`.
fn eig_stack(x: &Array) -> Result<EigParts> {
    let real = !is_complex(x.dtype());
    let xk = cast_array(
        x,
        if real {
            DType::Float64
        } else {
            DType::Complex128
        },
    );
    let s = xk.shape();
    let n = s[s.len() - 1];
    let batch = s[..s.len() - 2].to_vec();
    let count: usize = batch.iter().product();
    let mut vals = Vec::with_capacity(count * n);
    let mut vecs = Vec::with_capacity(count * n * n);
    for k in 0..count {
        let e = if real {
            eig_one_real(Stack::<f64>::new(&xk).mat(k))?
        } else {
            eig_one_complex(Stack::<Complex128>::new(&xk).mat(k))?
        };
        vals.extend(e.S().column_vector().iter().copied());
        let mut u = e.U().to_owned();
        for j in 0..n {
            let mut norm = 0.0;
            let mut big = 0;
            for i in 0..n {
                norm += u[(i, j)].norm_sqr();
                if u[(i, j)].norm_sqr() > u[(big, j)].norm_sqr() {
                    big = i;
                }
            }
            let norm = norm.sqrt();
            if norm > 0.0 {
                let phase = u[(big, j)].conj() / u[(big, j)].norm();
                let scale = phase / norm;
                for i in 0..n {
                    u[(i, j)] *= scale;
                }
                u[(big, j)].im = 0.0;
            }
        }
        push_mat(&mut vecs, u.as_ref());
    }
    Ok((batch, n, vals, vecs))
}

/// Fallible form of [`eig`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_eig(&np::ones([2, 3])).unwrap_err();
/// assert_eq!(e.to_string(), "LinAlgError: Last 2 dimensions of the array must be square");
/// ```
pub fn try_eig(a: impl AsRef<Array>) -> Result<(Array, Array)> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array) -> Result<(Array, Array)> {
        offload(&[a], |x| compute(&x[0]))
    }
    fn compute(a: &Array) -> Result<(Array, Array)> {
        check_square(a)?;
        let out_dt = result_dtype(a.dtype());
        let (batch, n, vals, vecs) = eig_stack(a)?;
        let (vshape, mshape) = (with_core(&batch, &[n]), with_core(&batch, &[n, n]));
        // As NumPy: real input whose eigenvalues are all real gives real results.
        if !is_complex(out_dt) && vals.iter().all(|v| v.im == 0.0) {
            let re = |v: Vec<Complex128>| v.into_iter().map(|z| z.re).collect::<Vec<f64>>();
            return Ok((
                finish(re(vals), vshape, out_dt),
                finish(re(vecs), mshape, out_dt),
            ));
        }
        let cdt = if out_dt == DType::Float32 || out_dt == DType::Complex64 {
            DType::Complex64
        } else {
            DType::Complex128
        };
        Ok((finish(vals, vshape, cdt), finish(vecs, mshape, cdt)))
    }
    inner(a.as_ref())
}

/// Eigenvalues and right eigenvectors of a square matrix or a stack (`np.linalg.eig`,
/// NumPy's `eigenvalues, eigenvectors`): `a @ v[:, i] = w[i] * v[:, i]`.
///
/// For real input the results are real when every eigenvalue is real, and complex
/// (complex128, complex64 for float32 input) otherwise, as NumPy. Eigenvectors have unit
/// norm; their order and sign (phase) follow the algorithm, not necessarily LAPACK's.
///
/// ```
/// use arraylib as np;
/// let (w, v) = np::linalg::eig(&np::array![[2.0, 0.0], [0.0, 3.0]]);
/// assert_eq!(w.dtype(), np::float64);
/// let rot = np::array![[0.0, -1.0], [1.0, 0.0]];
/// let (w, v) = np::linalg::eig(&rot);
/// assert_eq!(w.dtype(), np::complex128);
/// ```
#[track_caller]
pub fn eig(a: impl AsRef<Array>) -> (Array, Array) {
    try_eig(a).or_panic()
}

/// Fallible form of [`eigvals`].
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_eigvals(&np::ones(3)).is_err());
/// ```
pub fn try_eigvals(a: impl AsRef<Array>) -> Result<Array> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array) -> Result<Array> {
        offload(&[a], |x| compute(&x[0]))
    }
    fn compute(a: &Array) -> Result<Array> {
        check_square(a)?;
        let out_dt = result_dtype(a.dtype());
        let mut vals: Vec<Complex128> = Vec::new();
        let batch = a.shape()[..a.ndim() - 2].to_vec();
        with_kernel!(a, x, T => {
            let st = Stack::<T>::new(&x);
            for k in 0..st.len() {
                vals.extend(st.mat(k).eigenvalues().map_err(|_| evd_error())?);
            }
        });
        let shape = with_core(&batch, &[a.shape()[a.ndim() - 1]]);
        if !is_complex(out_dt) && vals.iter().all(|v| v.im == 0.0) {
            return Ok(finish(
                vals.iter().map(|z| z.re).collect::<Vec<f64>>(),
                shape,
                out_dt,
            ));
        }
        let cdt = if out_dt == DType::Float32 || out_dt == DType::Complex64 {
            DType::Complex64
        } else {
            DType::Complex128
        };
        Ok(finish(vals, shape, cdt))
    }
    inner(a.as_ref())
}

/// The eigenvalues of a general square matrix or stack (`np.linalg.eigvals`); real when all
/// are real and the input is real, as [`eig`].
///
/// ```
/// use arraylib as np;
/// let w = np::linalg::eigvals(&np::array![[1.0, 2.0], [0.0, 3.0]]);
/// let mut w = w.to_vec::<f64>();
/// w.sort_by(f64::total_cmp);
/// assert!((w[0] - 1.0).abs() < 1e-12 && (w[1] - 3.0).abs() < 1e-12);
/// ```
#[track_caller]
pub fn eigvals(a: impl AsRef<Array>) -> Array {
    try_eigvals(a).or_panic()
}

fn side(uplo: &str) -> Result<Side> {
    match uplo {
        "L" => Ok(Side::Lower),
        "U" => Ok(Side::Upper),
        _ => Err(ArrayError::value("UPLO argument must be 'L' or 'U'")),
    }
}

/// Fallible form of [`eigh_uplo`] (and so of [`eigh`]).
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_eigh(&np::eye(2), "X").unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: UPLO argument must be 'L' or 'U'");
/// ```
pub fn try_eigh(a: impl AsRef<Array>, uplo: &str) -> Result<(Array, Array)> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array, uplo: &str) -> Result<(Array, Array)> {
        let uplo = uplo.to_string();
        offload(&[a], move |x| compute(&x[0], &uplo))
    }
    fn compute(a: &Array, uplo: &str) -> Result<(Array, Array)> {
        let sd = side(uplo)?;
        check_square(a)?;
        let out_dt = result_dtype(a.dtype());
        if !is_complex(a.dtype()) {
            let x = cast_array(a, DType::Float64);
            let st = Stack::<f64>::new(&x);
            let (mut ws, mut vs) = (Vec::new(), Vec::new());
            for k in 0..st.len() {
                let (w, u) = eigh_real(st.mat(k), sd)?;
                ws.extend(w);
                push_mat(&mut vs, MatRef::from_column_major_slice(&u, st.n, st.n));
            }
            return Ok((
                finish(ws, with_core(&st.batch, &[st.n]), real_dtype(out_dt)),
                finish(vs, x.shape().to_vec(), out_dt),
            ));
        }
        with_kernel!(a, x, T => {
            let st = Stack::<T>::new(&x);
            let (mut ws, mut vs) = (Vec::new(), Vec::new());
            for k in 0..st.len() {
                let e = SelfAdjointEigen::new(st.mat(k), sd).map_err(|_| evd_error())?;
                ws.extend(e.S().column_vector().iter().map(|x| x.re_part()));
                push_mat(&mut vs, e.U());
            }
            Ok((
                finish(ws, with_core(&st.batch, &[st.n]), real_dtype(out_dt)),
                finish(vs, x.shape().to_vec(), out_dt),
            ))
        })
    }
    inner(a.as_ref(), uplo)
}

/// Eigenvalues (ascending) and orthonormal eigenvectors of a real symmetric or complex
/// Hermitian matrix or stack (`np.linalg.eigh`, `UPLO='L'`: only the lower triangle is
/// read). Eigenvector signs may differ from LAPACK's.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[2.0, 1.0], [1.0, 2.0]];
/// let (w, v) = np::linalg::eigh(&a);
/// assert!(np::allclose(&w, &np::array![1.0, 3.0]));
/// assert!(np::allclose(&a.matmul(&v), &(&v * &w)));
/// ```
#[track_caller]
pub fn eigh(a: impl AsRef<Array>) -> (Array, Array) {
    try_eigh(a, "L").or_panic()
}

/// [`eigh`] reading the triangle NumPy's `UPLO` names: `"L"` (lower) or `"U"` (upper).
///
/// ```
/// use arraylib as np;
/// let a = np::array![[2.0, 1.0], [99.0, 2.0]];
/// let (w, _) = np::linalg::eigh_uplo(&a, "U");
/// assert!(np::allclose(&w, &np::array![1.0, 3.0]));
/// ```
#[track_caller]
pub fn eigh_uplo(a: impl AsRef<Array>, uplo: &str) -> (Array, Array) {
    try_eigh(a, uplo).or_panic()
}

/// A real symmetric matrix's defining triangle as the column-major lower triangle that
/// [`tridiagonalize`] reads (the other triangle is copied too, and ignored).
fn symmetric_col_major(a: MatRef<'_, f64>, sd: Side) -> Vec<f64> {
    let mut buf = Vec::new();
    // Row-major `aᵀ` is column-major `a`; for the upper triangle, row-major `a` is the
    // column-major transpose, whose lower triangle is `a`'s upper one.
    push_mat(&mut buf, if sd == Side::Upper { a } else { a.transpose() });
    buf
}

/// Tridiagonalizes one real symmetric matrix: the reduced matrix with its reflectors
/// (column-major), the reflectors' factors, the diagonal and the subdiagonal.
fn tridiagonal_form(a: MatRef<'_, f64>, sd: Side) -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
    let n = a.nrows();
    let mut buf = symmetric_col_major(a, sd);
    let mut tau = vec![0.0; n.saturating_sub(1)];
    tridiagonalize(&mut buf, n, &mut tau);
    let d = (0..n).map(|i| buf[i * n + i]).collect();
    let e = (1..n).map(|i| buf[(i - 1) * n + i]).collect();
    (buf, tau, d, e)
}

/// Eigenvalues, ascending, of one real symmetric matrix: LAPACK's `dsytrd` and `dsterf`.
fn eigvalsh_real(a: MatRef<'_, f64>, sd: Side) -> Result<Vec<f64>> {
    let (_, _, mut d, mut e) = tridiagonal_form(a, sd);
    if !sterf(&mut d, &mut e) {
        return Err(evd_error());
    }
    Ok(d)
}

/// Eigenvalues (ascending) and eigenvectors (columns of a column-major `n x n` buffer) of one
/// real symmetric matrix, as LAPACK's `dsyevd`: the blocked tridiagonalization here, the
/// divide and conquer of [`tridiagonal_eigh`], and faer's blocked reflectors to take its
/// eigenvectors back.
fn eigh_real(a: MatRef<'_, f64>, sd: Side) -> Result<(Vec<f64>, Vec<f64>)> {
    let n = a.nrows();
    let (trid, tau, mut d, mut e) = tridiagonal_form(a, sd);
    let mut q = vec![0.0; n * n];
    if !tridiagonal_eigh(&mut d, &mut e, &mut q) {
        return Err(evd_error());
    }
    if n > 1 {
        // Q's reflectors in blocks, as faer's own reduction leaves them.
        let par = Par::Seq;
        let m = n - 1;
        let trid = MatRef::from_column_major_slice(&trid, n, n);
        let essentials = trid.submatrix(1, 0, m, m);
        let bs = recommended_block_size::<f64>(n, n).min(m);
        let mut h = Mat::<f64>::zeros(bs, m);
        let mut j = 0;
        while j < m {
            let b = bs.min(m - j);
            let mut hb = h.as_mut().submatrix_mut(0, j, b, b);
            for k in 0..b {
                hb[(k, k)] = tau[j + k];
            }
            upgrade_householder_factor(hb, essentials.submatrix(j, j, m - j, b), b, 1, par);
            j += b;
        }
        let mut mem = MemBuffer::new(
            apply_block_householder_sequence_on_the_left_in_place_scratch::<f64>(m, bs, n),
        );
        apply_block_householder_sequence_on_the_left_in_place_with_conj(
            essentials,
            h.as_ref(),
            Conj::No,
            MatMut::from_column_major_slice_mut(&mut q, n, n).subrows_mut(1, m),
            par,
            MemStack::new(&mut mem),
        );
    }
    Ok((d, q))
}

/// Eigenvalues of one Hermitian matrix, ascending, without forming eigenvectors: faer's
/// Householder tridiagonalization, then LAPACK's root-free QL/QR on the tridiagonal matrix.
fn eigvalsh_one<T: Field>(a: MatRef<'_, T>, sd: Side) -> Result<Vec<f64>> {
    let a = if sd == Side::Upper { a.transpose() } else { a };
    let n = a.nrows();
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut trid = Mat::<T>::zeros(n, n);
    trid.copy_from_triangular_lower(a);
    // One row of Householder factors: no block reflectors are needed without eigenvectors.
    let mut householder = Mat::<T>::zeros(1, n - 1);
    let par = Par::Seq;
    let mut mem = MemBuffer::new(tridiag_in_place_scratch::<T>(n, par, Default::default()));
    tridiag_in_place(
        trid.as_mut(),
        householder.as_mut(),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    );
    // A complex Hermitian tridiagonal matrix is unitarily similar to the real one with the
    // moduli of its off-diagonal entries.
    let mut d: Vec<f64> = (0..n).map(|i| trid[(i, i)].re_part()).collect();
    let mut e: Vec<f64> = (1..n).map(|i| trid[(i, i - 1)].modulus()).collect();
    if !sterf(&mut d, &mut e) {
        return Err(evd_error());
    }
    Ok(d)
}

/// Fallible form of [`eigvalsh`] with NumPy's `UPLO`.
///
/// ```
/// use arraylib as np;
/// assert!(np::linalg::try_eigvalsh(&np::ones(3), "L").is_err());
/// ```
pub fn try_eigvalsh(a: impl AsRef<Array>, uplo: &str) -> Result<Array> {
    // Not generic, so compiled once here; `offload` lets an interrupt stop the cell.
    fn inner(a: &Array, uplo: &str) -> Result<Array> {
        let uplo = uplo.to_string();
        offload(&[a], move |x| compute(&x[0], &uplo))
    }
    fn compute(a: &Array, uplo: &str) -> Result<Array> {
        let sd = side(uplo)?;
        check_square(a)?;
        let out_dt = real_dtype(a.dtype());
        if !is_complex(a.dtype()) {
            let x = cast_array(a, DType::Float64);
            let st = Stack::<f64>::new(&x);
            let mut ws = Vec::new();
            for k in 0..st.len() {
                ws.extend(eigvalsh_real(st.mat(k), sd)?);
            }
            return Ok(finish(ws, with_core(&st.batch, &[st.n]), out_dt));
        }
        with_kernel!(a, x, T => {
            let st = Stack::<T>::new(&x);
            let mut ws = Vec::new();
            for k in 0..st.len() {
                // For the upper triangle of a Hermitian matrix, its transpose is the conjugate
                // matrix, whose eigenvalues are the same.
                ws.extend(eigvalsh_one(st.mat(k), sd)?);
            }
            Ok(finish(ws, with_core(&st.batch, &[st.n]), out_dt))
        })
    }
    inner(a.as_ref(), uplo)
}

/// The eigenvalues, ascending, of a real symmetric or complex Hermitian matrix or stack
/// (`np.linalg.eigvalsh`, lower triangle); no eigenvectors are computed.
///
/// ```
/// use arraylib as np;
/// let w = np::linalg::eigvalsh(&np::array![[2.0, 1.0], [1.0, 2.0]]);
/// assert!(np::allclose(&w, &np::array![1.0, 3.0]));
/// ```
#[track_caller]
pub fn eigvalsh(a: impl AsRef<Array>) -> Array {
    try_eigvalsh(a, "L").or_panic()
}

//! `np.linalg`: solving, inverting, factorizing and measuring matrices, on the `faer` crate.
//!
//! Functions take a matrix `(M, N)` or a stack of them `(..., M, N)` and work on each matrix,
//! as NumPy does. Integer and bool inputs are computed as float64; float32 input gives float32
//! results and complex input complex results. Several results come back as a tuple in NumPy's
//! order (`let (u, s, vh) = np::linalg::svd(&a)`). Functions whose NumPy result is one number
//! for a single matrix (`det`, `slogdet`, `norm`, `cond`) return a [`Scalar`](crate::Scalar);
//! their `_stack` forms return an array for a stack of matrices.
//!
//! Errors are NumPy's: `LinAlgError: Singular matrix`,
//! `LinAlgError: Last 2 dimensions of the array must be square`, ...
//!
//! ```
//! use arraylib as np;
//! let a = np::array![[3.0, 1.0], [1.0, 2.0]];
//! let x = np::linalg::solve(&a, &np::array![9.0, 8.0]);
//! assert!(np::allclose(&a.matmul(&x), &np::array![9.0, 8.0]));
//! let (w, v) = np::linalg::eigh(&a);
//! assert!(np::allclose(&a.matmul(&v), &(&v * &w)));
//! ```

mod decompositions;
mod eigen;
pub(crate) mod field;
mod lstsq;
mod norms;
mod products;
mod secular;
mod solve;
mod tridiagonal;
mod tridiagonal_evd;

pub use decompositions::{
    cholesky, qr, qr_complete, qr_r, svd, svd_with, svdvals, try_cholesky, try_qr, try_qr_complete,
    try_qr_mode, try_qr_r, try_svd, try_svdvals,
};
pub use eigen::{
    eig, eigh, eigh_uplo, eigvals, eigvalsh, try_eig, try_eigh, try_eigvals, try_eigvalsh,
};
pub use lstsq::{lstsq, pinv, pinv_rcond, try_lstsq, try_pinv};
pub use norms::{
    NormOrd, cond, cond_ord, cond_stack, matrix_rank, norm, norm_axis, norm_ord, try_cond,
    try_cond_stack, try_matrix_rank, try_norm, try_norm_axis, try_norm_ord, try_norm_with,
};
pub use products::{
    matrix_power, multi_dot, trace, trace_offset, try_matrix_power, try_multi_dot, try_trace,
};
pub use solve::{
    det, det_stack, inv, slogdet, slogdet_stack, solve, try_det, try_det_stack, try_inv,
    try_slogdet, try_slogdet_stack, try_solve,
};

//! Differential cases for `np.linalg` (and `np.trace`).
//!
//! Values that LAPACK defines only up to sign, phase or order (eigenvectors, singular vectors,
//! QR factors) are compared in a canonical form computed the same way on both sides: eigen
//! pairs sorted by eigenvalue, vectors by absolute value, plus reconstructions such as
//! `q @ r`. Factorizations are compared with `atol = 1e-10`: faer and LAPACK round differently.

use arraylib as np;
use arraylib::{s, Array, DType};

const SETUP: &str = "\
def pm(n, seed=1):
    return (((np.arange(n * n) * 7919 + seed * 13) % 101) / 10.0 - 5.0).reshape(n, n)
def pr(m, n, seed=1):
    return (((np.arange(m * n) * 7919 + seed * 13) % 101) / 10.0 - 5.0).reshape(m, n)
def spd(n):
    a = pm(n, 3)
    return a @ a.T + n * np.eye(n)
def eig_canon(w, v):
    idx = np.lexsort((np.round(w.imag, 8), np.round(w.real, 8)))
    return w[idx], np.abs(v[:, idx])
A = np.array([[4.0, -2.0, 1.0], [3.0, 6.0, -4.0], [2.0, 1.0, 8.0]])
S = np.array([[4.0, 1.0, 2.0], [1.0, 3.0, 0.5], [2.0, 0.5, 5.0]])
ROT = np.array([[0.0, -1.0], [1.0, 0.0]])
";

fn pr(m: usize, n: usize, seed: i64) -> Array {
    let v: Vec<f64> = (0..(m * n) as i64)
        .map(|i| ((i * 7919 + seed * 13) % 101) as f64 / 10.0 - 5.0)
        .collect();
    Array::from_vec(v, [m, n])
}

fn pm(n: usize, seed: i64) -> Array {
    pr(n, n, seed)
}

fn spd(n: usize) -> Array {
    let a = pm(n, 3);
    a.matmul(a.t()) + np::eye(n) * n as f64
}

fn a3() -> Array {
    np::array![[4.0, -2.0, 1.0], [3.0, 6.0, -4.0], [2.0, 1.0, 8.0]]
}

fn s3() -> Array {
    np::array![[4.0, 1.0, 2.0], [1.0, 3.0, 0.5], [2.0, 0.5, 5.0]]
}

fn rot() -> Array {
    np::array![[0.0, -1.0], [1.0, 0.0]]
}

/// Eigenvalues sorted by (real, imag) and the absolute values of the matching eigenvectors,
/// as `eig_canon` in the Python setup.
fn eig_canon(w: &Array, v: &Array) -> (Array, Array) {
    let complex = w.dtype() == DType::Complex128 || w.dtype() == DType::Complex64;
    let wc: Vec<np::Complex128> = if complex {
        w.astype(DType::Complex128).to_vec::<np::Complex128>()
    } else {
        w.astype(DType::Float64)
            .to_vec::<f64>()
            .into_iter()
            .map(|x| np::Complex128::new(x, 0.0))
            .collect()
    };
    let r8 = |x: f64| (x * 1e8).round();
    let mut idx: Vec<usize> = (0..wc.len()).collect();
    idx.sort_by(|&i, &j| {
        (r8(wc[i].re), r8(wc[i].im))
            .partial_cmp(&(r8(wc[j].re), r8(wc[j].im)))
            .unwrap()
    });
    let ws = if complex {
        Array::from(idx.iter().map(|&i| wc[i]).collect::<Vec<_>>())
    } else {
        Array::from(idx.iter().map(|&i| wc[i].re).collect::<Vec<_>>())
    }
    .astype(w.dtype());
    let va = np::abs(v);
    let n = idx.len();
    let vals = va.astype(DType::Float64).to_vec::<f64>();
    let cols: Vec<f64> = (0..n * n).map(|k| vals[(k / n) * n + idx[k % n]]).collect();
    let vs = Array::from_vec(cols, [n, n]).astype(va.dtype());
    (ws, vs)
}

pub fn run() {
    py_setup!(SETUP);

    // ----- 0-d results are NumPy scalars ----------------------------------------------------------
    case!(
        "det_one_matrix_scalar",
        "np.linalg.det(A)",
        np::linalg::det_stack(a3()),
        rtol = 1e-10
    );
    case!(
        "cond_one_matrix_scalar",
        "np.linalg.cond(S)",
        np::linalg::cond_stack(s3(), None),
        rtol = 1e-10
    );
    case!(
        "slogdet_one_matrix_scalars",
        "tuple(np.linalg.slogdet(A))",
        np::linalg::slogdet_stack(a3()),
        rtol = 1e-10
    );
    case!(
        "norm_axis_vector_scalar",
        "np.linalg.norm(A[0], axis=0)",
        np::linalg::norm_axis(a3().slice(s![0]), None, 0, false)
    );
    case!(
        "norm_axes_matrix_scalar",
        "np.linalg.norm(A, ord=1, axis=(0, 1))",
        np::linalg::norm_axis(a3(), 1, [0, 1], false)
    );
    case!(
        "multi_dot_vectors_scalar",
        "np.linalg.multi_dot([A[0], S, A[1]])",
        np::linalg::multi_dot(&[a3().slice(s![0]), s3(), a3().slice(s![1])]),
        rtol = 1e-12
    );

    // ----- inv ----------------------------------------------------------------------------------
    case!("inv_3x3", "np.linalg.inv(A)", np::linalg::inv(a3()));
    case!(
        "inv_5x5",
        "np.linalg.inv(pm(5) + 20 * np.eye(5))",
        np::linalg::inv(&pm(5, 1) + &(np::eye(5) * 20.0)),
        rtol = 1e-10
    );
    case!(
        "inv_int",
        "np.linalg.inv(np.array([[2, 1], [7, 4]]))",
        np::linalg::inv(np::array![[2, 1], [7, 4]])
    );
    case!(
        "inv_f32",
        "np.linalg.inv(A.astype(np.float32))",
        np::linalg::inv(a3().astype(np::float32)),
        rtol = 1e-6
    );
    case!(
        "inv_complex",
        "np.linalg.inv(np.array([[1+2j, 2], [3, 4-1j]]))",
        np::linalg::inv(np::array![
            [np::Complex128::new(1.0, 2.0), np::Complex128::new(2.0, 0.0)],
            [
                np::Complex128::new(3.0, 0.0),
                np::Complex128::new(4.0, -1.0)
            ]
        ]),
        // Parts that are zero in exact arithmetic come out as different rounding noise.
        atol = 1e-15
    );
    case!(
        "inv_batched",
        "np.linalg.inv(np.stack([A, S, spd(3)]))",
        np::linalg::inv(np::stack(&[a3(), s3(), spd(3)], 0)),
        rtol = 1e-10
    );
    case!(
        "inv_transposed_view",
        "np.linalg.inv(A.T)",
        np::linalg::inv(a3().t())
    );
    case!(
        "inv_strided_view",
        "np.linalg.inv(pm(6)[::2, 1::2])",
        np::linalg::inv(pm(6, 1).slice(s![..;2, 1..;2])),
        rtol = 1e-10
    );
    case!(
        "inv_0x0",
        "np.linalg.inv(np.zeros((0, 0)))",
        np::linalg::inv(np::zeros([0, 0]))
    );
    case!(
        "inv_1x1",
        "np.linalg.inv(np.array([[4.0]]))",
        np::linalg::inv(np::array![[4.0]])
    );
    case!(
        "inv_singular",
        "np.linalg.inv(np.array([[1.0, 2.0], [2.0, 4.0]]))",
        np::linalg::try_inv(np::array![[1.0, 2.0], [2.0, 4.0]])
    );
    case!(
        "inv_singular_zeros",
        "np.linalg.inv(np.zeros((3, 3)))",
        np::linalg::try_inv(np::zeros([3, 3]))
    );
    case!(
        "inv_bool_singular",
        "np.linalg.inv(np.ones((2, 2), dtype=bool))",
        np::linalg::try_inv(np::ones([2, 2]).astype(np::bool_))
    );
    case!(
        "inv_1d_error",
        "np.linalg.inv(np.ones(3))",
        np::linalg::try_inv(np::ones(3))
    );
    case!(
        "inv_nonsquare_error",
        "np.linalg.inv(np.ones((2, 3)))",
        np::linalg::try_inv(np::ones([2, 3]))
    );
    case!(
        "inv_0d_error",
        "np.linalg.inv(np.array(1.0))",
        np::linalg::try_inv(np::full((), 1.0))
    );

    // ----- det / slogdet ------------------------------------------------------------------------
    case!(
        "det_3x3",
        "np.linalg.det(A)",
        np::linalg::det(a3()),
        rtol = 1e-13
    );
    case!(
        "det_6x6",
        "np.linalg.det(pm(6) + 20 * np.eye(6))",
        np::linalg::det(&pm(6, 1) + &(np::eye(6) * 20.0)),
        rtol = 1e-10
    );
    case!(
        "det_int",
        "np.linalg.det(np.array([[1, 2], [3, 4]]))",
        np::linalg::det(np::array![[1, 2], [3, 4]]),
        rtol = 1e-14
    );
    case!(
        "det_f32",
        "np.linalg.det(A.astype(np.float32))",
        np::linalg::det(a3().astype(np::float32)),
        rtol = 1e-6
    );
    case!(
        "det_complex",
        "np.linalg.det(np.array([[1+2j, 2], [3, 4-1j]]))",
        np::linalg::det(np::array![
            [np::Complex128::new(1.0, 2.0), np::Complex128::new(2.0, 0.0)],
            [
                np::Complex128::new(3.0, 0.0),
                np::Complex128::new(4.0, -1.0)
            ]
        ]),
        rtol = 1e-14,
        atol = 1e-14
    );
    case!(
        "det_singular",
        "np.linalg.det(np.array([[1.0, 2.0], [2.0, 4.0]]))",
        np::linalg::det(np::array![[1.0, 2.0], [2.0, 4.0]])
    );
    case!(
        "det_0x0",
        "np.linalg.det(np.zeros((0, 0)))",
        np::linalg::det(np::zeros([0, 0]))
    );
    case!(
        "det_1x1",
        "np.linalg.det(np.array([[-3.5]]))",
        np::linalg::det(np::array![[-3.5]])
    );
    case!(
        "det_stack",
        "np.linalg.det(np.stack([A, S, np.zeros((3, 3))]))",
        np::linalg::det_stack(np::stack(&[a3(), s3(), np::zeros([3, 3])], 0)),
        rtol = 1e-13
    );
    case!(
        "det_stack_4d",
        "np.linalg.det(np.arange(16.0).reshape(2, 2, 2, 2) ** 2)",
        np::linalg::det_stack(np::arange(16.0).reshape([2, 2, 2, 2]).powf(2.0)),
        rtol = 1e-13
    );
    case!(
        "det_view",
        "np.linalg.det(pm(6)[1:4, ::2])",
        np::linalg::det(pm(6, 1).slice(s![1..4, ..;2])),
        rtol = 1e-12
    );
    case!(
        "det_nonsquare_error",
        "np.linalg.det(np.ones((2, 3)))",
        np::linalg::try_det(np::ones([2, 3]))
    );
    case!(
        "det_1d_error",
        "np.linalg.det(np.ones(3))",
        np::linalg::try_det(np::ones(3))
    );
    case!(
        "slogdet_3x3",
        "tuple(np.linalg.slogdet(A))",
        np::linalg::slogdet(a3()),
        rtol = 1e-13
    );
    case!(
        "slogdet_neg",
        "tuple(np.linalg.slogdet(np.array([[1.0, 2.0], [3.0, 4.0]])))",
        np::linalg::slogdet(np::array![[1.0, 2.0], [3.0, 4.0]]),
        rtol = 1e-13
    );
    case!(
        "slogdet_singular",
        "tuple(np.linalg.slogdet(np.zeros((2, 2))))",
        np::linalg::slogdet(np::zeros([2, 2]))
    );
    case!(
        "slogdet_f32",
        "tuple(np.linalg.slogdet(A.astype(np.float32)))",
        np::linalg::slogdet(a3().astype(np::float32)),
        rtol = 1e-6
    );
    case!(
        "slogdet_complex",
        "tuple(np.linalg.slogdet(np.array([[1+2j, 2], [3, 4-1j]])))",
        np::linalg::slogdet(np::array![
            [np::Complex128::new(1.0, 2.0), np::Complex128::new(2.0, 0.0)],
            [
                np::Complex128::new(3.0, 0.0),
                np::Complex128::new(4.0, -1.0)
            ]
        ]),
        rtol = 1e-13
    );
    case!(
        "slogdet_stack",
        "tuple(np.linalg.slogdet(np.stack([A, -S])))",
        np::linalg::slogdet_stack(np::stack(&[a3(), -s3()], 0)),
        rtol = 1e-13
    );
    case!(
        "slogdet_0x0",
        "tuple(np.linalg.slogdet(np.zeros((0, 0))))",
        np::linalg::slogdet(np::zeros([0, 0]))
    );

    // ----- solve --------------------------------------------------------------------------------
    case!(
        "solve_vector",
        "np.linalg.solve(A, np.array([1.0, 2.0, 3.0]))",
        np::linalg::solve(a3(), np::array![1.0, 2.0, 3.0]),
        rtol = 1e-13
    );
    case!(
        "solve_matrix",
        "np.linalg.solve(A, pr(3, 2))",
        np::linalg::solve(a3(), pr(3, 2, 1)),
        rtol = 1e-12
    );
    case!(
        "solve_int",
        "np.linalg.solve(np.array([[3, 1], [1, 2]]), np.array([9, 8]))",
        np::linalg::solve(np::array![[3, 1], [1, 2]], np::array![9, 8]),
        rtol = 1e-14
    );
    case!(
        "solve_f32",
        "np.linalg.solve(A.astype(np.float32), np.ones(3, dtype=np.float32))",
        np::linalg::solve(a3().astype(np::float32), np::ones(3).astype(np::float32)),
        rtol = 1e-6
    );
    case!(
        "solve_mixed_f32_f64",
        "np.linalg.solve(A.astype(np.float32), np.ones(3))",
        np::linalg::solve(a3().astype(np::float32), np::ones(3)),
        rtol = 1e-13
    );
    case!(
        "solve_complex",
        "np.linalg.solve(np.array([[1+2j, 2], [3, 4-1j]]), np.array([1.0, 1j]))",
        np::linalg::solve(
            np::array![
                [np::Complex128::new(1.0, 2.0), np::Complex128::new(2.0, 0.0)],
                [
                    np::Complex128::new(3.0, 0.0),
                    np::Complex128::new(4.0, -1.0)
                ]
            ],
            np::array![np::Complex128::new(1.0, 0.0), np::Complex128::new(0.0, 1.0)]
        ),
        rtol = 1e-13
    );
    case!(
        "solve_batched_vector",
        "np.linalg.solve(np.stack([A, S]), np.array([1.0, 2.0, 3.0]))",
        np::linalg::solve(np::stack(&[a3(), s3()], 0), np::array![1.0, 2.0, 3.0]),
        rtol = 1e-13
    );
    case!(
        "solve_batched_matrix",
        "np.linalg.solve(np.stack([A, S]), np.stack([pr(3, 2), pr(3, 2, 2)]))",
        np::linalg::solve(
            np::stack(&[a3(), s3()], 0),
            np::stack(&[pr(3, 2, 1), pr(3, 2, 2)], 0)
        ),
        rtol = 1e-12
    );
    case!(
        "solve_broadcast_b",
        "np.linalg.solve(np.stack([A, S]), pr(3, 4))",
        np::linalg::solve(np::stack(&[a3(), s3()], 0), pr(3, 4, 1)),
        rtol = 1e-12
    );
    case!(
        "solve_broadcast_a",
        "np.linalg.solve(A, np.ones((4, 3, 2)))",
        np::linalg::solve(a3(), np::ones([4, 3, 2])),
        rtol = 1e-13
    );
    case!(
        "solve_view",
        "np.linalg.solve(A.T, pr(4, 3)[1:, ::2])",
        np::linalg::solve(a3().t(), pr(4, 3, 1).slice(s![1.., ..;2])),
        rtol = 1e-12
    );
    case!(
        "solve_0x0",
        "np.linalg.solve(np.zeros((0, 0)), np.zeros(0))",
        np::linalg::solve(np::zeros([0, 0]), np::zeros(0))
    );
    case!(
        "solve_singular",
        "np.linalg.solve(np.ones((3, 3)), np.ones(3))",
        np::linalg::try_solve(np::ones([3, 3]), np::ones(3))
    );
    case!(
        "solve_vector_mismatch",
        "np.linalg.solve(np.eye(3), np.ones(4))",
        np::linalg::try_solve(np::eye(3), np::ones(4))
    );
    case!(
        "solve_matrix_mismatch",
        "np.linalg.solve(np.eye(3), np.ones((4, 2)))",
        np::linalg::try_solve(np::eye(3), np::ones([4, 2]))
    );
    case!(
        "solve_2d_b_is_matrix",
        "np.linalg.solve(np.eye(3), np.ones((2, 3)))",
        np::linalg::try_solve(np::eye(3), np::ones([2, 3]))
    );
    case!(
        "solve_batch_mismatch",
        "np.linalg.solve(np.ones((2, 3, 3)), np.ones((4, 3, 1)))",
        np::linalg::try_solve(np::ones([2, 3, 3]), np::ones([4, 3, 1]))
    );
    case!(
        "solve_nonsquare",
        "np.linalg.solve(np.ones((2, 3)), np.ones(2))",
        np::linalg::try_solve(np::ones([2, 3]), np::ones(2))
    );

    // ----- cholesky -----------------------------------------------------------------------------
    case!(
        "cholesky_3x3",
        "np.linalg.cholesky(S)",
        np::linalg::cholesky(s3()),
        rtol = 1e-13
    );
    case!(
        "cholesky_6x6",
        "np.linalg.cholesky(spd(6))",
        np::linalg::cholesky(spd(6)),
        rtol = 1e-12
    );
    case!(
        "cholesky_reads_lower",
        "np.linalg.cholesky(np.tril(S) + np.triu(np.full((3, 3), 99.0), 1))",
        np::linalg::cholesky(np::array![
            [4.0, 99.0, 99.0],
            [1.0, 3.0, 99.0],
            [2.0, 0.5, 5.0]
        ]),
        rtol = 1e-13
    );
    case!(
        "cholesky_f32",
        "np.linalg.cholesky(S.astype(np.float32))",
        np::linalg::cholesky(s3().astype(np::float32)),
        rtol = 1e-6
    );
    case!(
        "cholesky_batched",
        "np.linalg.cholesky(np.stack([S, spd(3)]))",
        np::linalg::cholesky(np::stack(&[s3(), spd(3)], 0)),
        rtol = 1e-12
    );
    case!(
        "cholesky_complex",
        "np.linalg.cholesky(np.array([[4, 1+1j], [1-1j, 3]]))",
        np::linalg::cholesky(np::array![
            [np::Complex128::new(4.0, 0.0), np::Complex128::new(1.0, 1.0)],
            [
                np::Complex128::new(1.0, -1.0),
                np::Complex128::new(3.0, 0.0)
            ]
        ]),
        rtol = 1e-13
    );
    case!(
        "cholesky_not_pd",
        "np.linalg.cholesky(np.array([[1.0, 2.0], [2.0, 1.0]]))",
        np::linalg::try_cholesky(np::array![[1.0, 2.0], [2.0, 1.0]])
    );
    case!(
        "cholesky_0x0",
        "np.linalg.cholesky(np.zeros((0, 0)))",
        np::linalg::cholesky(np::zeros([0, 0]))
    );

    // ----- qr -----------------------------------------------------------------------------------
    case!(
        "qr_abs_r_square",
        "np.abs(np.linalg.qr(A)[1])",
        np::abs(np::linalg::qr(a3()).1),
        atol = 1e-10
    );
    case!(
        "qr_abs_q_square",
        "np.abs(np.linalg.qr(A)[0])",
        np::abs(np::linalg::qr(a3()).0),
        atol = 1e-10
    );
    case!(
        "qr_reconstruct_tall",
        "q, r = np.linalg.qr(pr(5, 3))\nq @ r",
        {
            let (q, r) = np::linalg::qr(pr(5, 3, 1));
            q.matmul(r)
        },
        atol = 1e-10
    );
    case!(
        "qr_shape_q_tall",
        "np.linalg.qr(pr(5, 3))[0].shape",
        np::linalg::qr(pr(5, 3, 1)).0.shape().to_vec()
    );
    case!(
        "qr_shape_r_wide",
        "np.linalg.qr(pr(3, 5))[1].shape",
        np::linalg::qr(pr(3, 5, 1)).1.shape().to_vec()
    );
    case!(
        "qr_abs_r_wide",
        "np.abs(np.linalg.qr(pr(3, 5))[1])",
        np::abs(np::linalg::qr(pr(3, 5, 1)).1),
        atol = 1e-10
    );
    case!(
        "qr_abs_q_tall",
        "np.abs(np.linalg.qr(pr(5, 3))[0])",
        np::abs(np::linalg::qr(pr(5, 3, 1)).0),
        atol = 1e-10
    );
    case!(
        "qr_complete_r",
        "np.abs(np.linalg.qr(pr(5, 3), mode='complete')[1])",
        np::abs(np::linalg::qr_complete(pr(5, 3, 1)).1),
        atol = 1e-10
    );
    case!(
        "qr_complete_qtq",
        "q = np.linalg.qr(pr(5, 3), mode='complete')[0]\nq.T @ q",
        {
            let q = np::linalg::qr_complete(pr(5, 3, 1)).0;
            q.t().matmul(&q)
        },
        atol = 1e-12
    );
    case!(
        "qr_mode_r",
        "np.abs(np.linalg.qr(pr(4, 3), mode='r'))",
        np::abs(np::linalg::qr_r(pr(4, 3, 1))),
        atol = 1e-10
    );
    case!(
        "qr_f32",
        "np.abs(np.linalg.qr(A.astype(np.float32))[1])",
        np::abs(np::linalg::qr(a3().astype(np::float32)).1),
        atol = 1e-5
    );
    case!(
        "qr_batched",
        "np.abs(np.linalg.qr(np.stack([A, S]))[1])",
        np::abs(np::linalg::qr(np::stack(&[a3(), s3()], 0)).1),
        atol = 1e-10
    );
    case!(
        "qr_bad_mode",
        "np.linalg.qr(A, mode='x')",
        np::linalg::try_qr_mode(a3(), "x")
    );
    case!(
        "qr_1d_error",
        "np.linalg.qr(np.ones(3))",
        np::linalg::try_qr(np::ones(3))
    );

    // ----- svd ----------------------------------------------------------------------------------
    case!(
        "svd_s",
        "np.linalg.svd(A)[1]",
        np::linalg::svd(a3()).1,
        rtol = 1e-12
    );
    case!(
        "svd_abs_u",
        "np.abs(np.linalg.svd(A)[0])",
        np::abs(np::linalg::svd(a3()).0),
        atol = 1e-10
    );
    case!(
        "svd_abs_vh",
        "np.abs(np.linalg.svd(A)[2])",
        np::abs(np::linalg::svd(a3()).2),
        atol = 1e-10
    );
    case!(
        "svd_reconstruct_thin",
        "u, s, vh = np.linalg.svd(pr(5, 3), full_matrices=False)\n(u * s) @ vh",
        {
            let (u, s, vh) = np::linalg::svd_with(pr(5, 3, 1), false);
            (u * s).matmul(vh)
        },
        atol = 1e-10
    );
    case!(
        "svd_full_shapes_u",
        "np.linalg.svd(pr(5, 3))[0].shape",
        np::linalg::svd(pr(5, 3, 1)).0.shape().to_vec()
    );
    case!(
        "svd_full_shapes_vh",
        "np.linalg.svd(pr(3, 5))[2].shape",
        np::linalg::svd(pr(3, 5, 1)).2.shape().to_vec()
    );
    case!(
        "svd_full_utu",
        "u = np.linalg.svd(pr(5, 3))[0]\nu.T @ u",
        {
            let u = np::linalg::svd(pr(5, 3, 1)).0;
            u.t().matmul(&u)
        },
        atol = 1e-12
    );
    case!(
        "svd_wide_s",
        "np.linalg.svd(pr(3, 5))[1]",
        np::linalg::svd(pr(3, 5, 1)).1,
        rtol = 1e-12
    );
    case!(
        "svd_f32",
        "np.linalg.svd(A.astype(np.float32))[1]",
        np::linalg::svd(a3().astype(np::float32)).1,
        rtol = 1e-6
    );
    case!(
        "svd_int",
        "np.linalg.svd(np.array([[1, 2], [3, 4]]))[1]",
        np::linalg::svd(np::array![[1, 2], [3, 4]]).1,
        rtol = 1e-13
    );
    case!(
        "svd_batched_s",
        "np.linalg.svd(np.stack([A, S, pm(3, 2)]))[1]",
        np::linalg::svd(np::stack(&[a3(), s3(), pm(3, 2)], 0)).1,
        rtol = 1e-12
    );
    case!(
        "svd_complex_s",
        "np.linalg.svd(np.array([[1+2j, 2], [3, 4-1j]]))[1]",
        np::linalg::svd(np::array![
            [np::Complex128::new(1.0, 2.0), np::Complex128::new(2.0, 0.0)],
            [
                np::Complex128::new(3.0, 0.0),
                np::Complex128::new(4.0, -1.0)
            ]
        ])
        .1,
        rtol = 1e-13
    );
    case!(
        "svd_complex_reconstruct",
        "u, s, vh = np.linalg.svd(np.array([[1+2j, 2], [3, 4-1j]]))\n(u * s) @ vh",
        {
            let (u, s, vh) = np::linalg::svd(np::array![
                [np::Complex128::new(1.0, 2.0), np::Complex128::new(2.0, 0.0)],
                [
                    np::Complex128::new(3.0, 0.0),
                    np::Complex128::new(4.0, -1.0)
                ]
            ]);
            (u * s).matmul(vh)
        },
        atol = 1e-12
    );
    case!(
        "svd_view",
        "np.linalg.svd(pm(6)[::2, 1:])[1]",
        np::linalg::svd(pm(6, 1).slice(s![..;2, 1..])).1,
        rtol = 1e-12
    );
    case!(
        "svdvals",
        "np.linalg.svdvals(pr(4, 3))",
        np::linalg::svdvals(pr(4, 3, 1)),
        rtol = 1e-12
    );
    case!(
        "svd_compute_uv_false",
        "np.linalg.svd(np.stack([A, S]), compute_uv=False)",
        np::linalg::svdvals(np::stack(&[a3(), s3()], 0)),
        rtol = 1e-12
    );
    case!(
        "svd_1x1",
        "np.linalg.svd(np.array([[-2.0]]))[1]",
        np::linalg::svd(np::array![[-2.0]]).1
    );
    case!(
        "svd_1d_error",
        "np.linalg.svd(np.ones(3))",
        np::linalg::try_svd(np::ones(3), true)
    );

    // Sizes where the bidiagonal divide and conquer merges (blocks of 32 and more): tall, wide
    // and square, both `full_matrices`, and an orthogonal matrix whose singular values are all
    // 1 (every merge deflates).
    let reflection = || {
        let v = np::arange(120.0) + 1.0;
        np::eye(120) - np::outer(&v, &v) * (2.0 / (120.0 * 121.0 * 241.0 / 6.0))
    };
    let large = [
        ("tall", "pr(90, 70)", pr(90, 70, 1)),
        ("wide", "pr(40, 130)", pr(40, 130, 1)),
        ("square", "pm(200)", pm(200, 1)),
        (
            "orthogonal",
            "np.eye(120) - 2 * np.outer(np.arange(1.0, 121.0), np.arange(1.0, 121.0)) / 583220.0",
            reflection(),
        ),
    ];
    for (name, py, m) in large {
        case!(
            &format!("svd_large_{name}_s"),
            &format!("np.linalg.svd({py})[1]"),
            np::linalg::svd(&m).1,
            atol = 1e-10
        );
        case!(
            &format!("svdvals_large_{name}"),
            &format!("np.linalg.svdvals({py})"),
            np::linalg::svdvals(&m),
            atol = 1e-10
        );
        for full in [true, false] {
            case!(
                &format!("svd_large_{name}_full_{full}_reconstruct"),
                &py,
                {
                    let (u, s, vh) = np::linalg::svd_with(&m, full);
                    let k = s.len() as isize;
                    (u.slice(s![.., ..k]) * &s).matmul(vh.slice(s![..k, ..]))
                },
                atol = 1e-10
            );
            let (rows, cols) = (m.shape()[0], m.shape()[1]);
            let (nu, nv) = if full {
                (rows, cols)
            } else {
                (rows.min(cols), rows.min(cols))
            };
            case!(
                &format!("svd_large_{name}_full_{full}_orthonormal_u"),
                &format!("np.eye({nu})"),
                {
                    let u = np::linalg::svd_with(&m, full).0;
                    u.t().matmul(&u)
                },
                atol = 1e-12
            );
            case!(
                &format!("svd_large_{name}_full_{full}_orthonormal_vh"),
                &format!("np.eye({nv})"),
                {
                    let vh = np::linalg::svd_with(&m, full).2;
                    vh.matmul(vh.t())
                },
                atol = 1e-12
            );
        }
    }

    // ----- eig / eigvals ------------------------------------------------------------------------
    case!(
        "eig_real_values",
        "eig_canon(*np.linalg.eig(S))[0]",
        {
            let (w, v) = np::linalg::eig(s3());
            eig_canon(&w, &v).0
        },
        rtol = 1e-12
    );
    case!(
        "eig_real_vectors",
        "eig_canon(*np.linalg.eig(S))[1]",
        {
            let (w, v) = np::linalg::eig(s3());
            eig_canon(&w, &v).1
        },
        atol = 1e-10
    );
    case!(
        "eig_general_values",
        "eig_canon(*np.linalg.eig(A))[0]",
        {
            let (w, v) = np::linalg::eig(a3());
            eig_canon(&w, &v).0
        },
        rtol = 1e-12
    );
    case!(
        "eig_general_vectors",
        "eig_canon(*np.linalg.eig(A))[1]",
        {
            let (w, v) = np::linalg::eig(a3());
            eig_canon(&w, &v).1
        },
        atol = 1e-10
    );
    case!(
        "eig_rotation_complex",
        "eig_canon(*np.linalg.eig(ROT))[0]",
        {
            let (w, v) = np::linalg::eig(rot());
            eig_canon(&w, &v).0
        },
        atol = 1e-14
    );
    case!(
        "eig_rotation_vectors",
        "np.linalg.eig(ROT)[1].dtype",
        np::linalg::eig(rot()).1.dtype()
    );
    case!(
        "eig_6x6_values",
        "eig_canon(*np.linalg.eig(pm(6)))[0]",
        {
            let (w, v) = np::linalg::eig(pm(6, 1));
            eig_canon(&w, &v).0
        },
        rtol = 1e-10,
        atol = 1e-12
    );
    case!(
        "eig_6x6_vectors",
        "eig_canon(*np.linalg.eig(pm(6)))[1]",
        {
            let (w, v) = np::linalg::eig(pm(6, 1));
            eig_canon(&w, &v).1
        },
        atol = 1e-9
    );
    case!(
        "eig_residual",
        "a = pm(6)\nw, v = np.linalg.eig(a)\nnp.abs(a @ v - v * w).max() < 1e-10",
        {
            let a = pm(6, 1);
            let (w, v) = np::linalg::eig(&a);
            np::abs(a.matmul(&v) - &v * &w).max().to_f64() < 1e-10
        }
    );
    case!(
        "eig_f32_values",
        "eig_canon(*np.linalg.eig(S.astype(np.float32)))[0]",
        {
            let (w, v) = np::linalg::eig(s3().astype(np::float32));
            eig_canon(&w, &v).0
        },
        rtol = 1e-5
    );
    case!(
        "eig_f32_complex_dtype",
        "np.linalg.eig(ROT.astype(np.float32))[0].dtype",
        np::linalg::eig(rot().astype(np::float32)).0.dtype()
    );
    case!(
        "eig_complex_input",
        "eig_canon(*np.linalg.eig(np.array([[1+2j, 2], [3, 4-1j]])))[0]",
        {
            let (w, v) = np::linalg::eig(np::array![
                [np::Complex128::new(1.0, 2.0), np::Complex128::new(2.0, 0.0)],
                [
                    np::Complex128::new(3.0, 0.0),
                    np::Complex128::new(4.0, -1.0)
                ]
            ]);
            eig_canon(&w, &v).0
        },
        rtol = 1e-12
    );
    case!(
        "eig_batched_dtype",
        "np.linalg.eig(np.stack([np.eye(2), ROT]))[0].dtype",
        np::linalg::eig(np::stack(&[np::eye(2), rot()], 0))
            .0
            .dtype()
    );
    case!(
        "eig_0x0",
        "np.linalg.eig(np.zeros((0, 0)))[0]",
        np::linalg::eig(np::zeros([0, 0])).0
    );
    case!(
        "eig_1x1",
        "np.linalg.eig(np.array([[3.0]]))",
        np::linalg::eig(np::array![[3.0]])
    );
    case!(
        "eig_nonsquare",
        "np.linalg.eig(np.ones((2, 3)))",
        np::linalg::try_eig(np::ones([2, 3]))
    );
    case!(
        "eigvals_sorted",
        "np.sort_complex(np.linalg.eigvals(A))",
        {
            let w = np::linalg::eigvals(a3());
            let (w2, _) = eig_canon(&w, &np::zeros([3, 3]));
            w2
        },
        rtol = 1e-12
    );
    case!(
        "eigvals_real_dtype",
        "np.linalg.eigvals(S).dtype",
        np::linalg::eigvals(s3()).dtype()
    );
    case!(
        "eigvals_complex_dtype",
        "np.linalg.eigvals(ROT).dtype",
        np::linalg::eigvals(rot()).dtype()
    );
    case!(
        "eigvals_1d_error",
        "np.linalg.eigvals(np.ones(2))",
        np::linalg::try_eigvals(np::ones(2))
    );

    // ----- eigh / eigvalsh ----------------------------------------------------------------------
    case!(
        "eigh_values",
        "np.linalg.eigh(S)[0]",
        np::linalg::eigh(s3()).0,
        rtol = 1e-12
    );
    case!(
        "eigh_abs_vectors",
        "np.abs(np.linalg.eigh(S)[1])",
        np::abs(np::linalg::eigh(s3()).1),
        atol = 1e-10
    );
    case!(
        "eigh_8x8_values",
        "np.linalg.eigh(spd(8))[0]",
        np::linalg::eigh(spd(8)).0,
        rtol = 1e-11
    );
    case!(
        "eigh_8x8_vectors",
        "w, v = np.linalg.eigh(spd(8))\n(v * w) @ v.T",
        {
            // spd(8) has a repeated eigenvalue, so its eigenvectors are not unique:
            // compare the reconstruction V diag(w) V^T instead.
            let (w, v) = np::linalg::eigh(spd(8));
            np::matmul(&v * &w, v.t())
        },
        atol = 1e-9
    );
    case!(
        "eigh_reads_lower",
        "np.linalg.eigh(np.tril(S) + np.triu(np.full((3, 3), 99.0), 1))[0]",
        np::linalg::eigh(np::array![
            [4.0, 99.0, 99.0],
            [1.0, 3.0, 99.0],
            [2.0, 0.5, 5.0]
        ])
        .0,
        rtol = 1e-12
    );
    case!(
        "eigh_upper",
        "np.linalg.eigh(np.triu(S) + np.tril(np.full((3, 3), 99.0), -1), UPLO='U')[0]",
        np::linalg::eigh_uplo(
            np::array![[4.0, 1.0, 2.0], [99.0, 3.0, 0.5], [99.0, 99.0, 5.0]],
            "U"
        )
        .0,
        rtol = 1e-12
    );
    case!(
        "eigh_f32",
        "np.linalg.eigh(S.astype(np.float32))[0]",
        np::linalg::eigh(s3().astype(np::float32)).0,
        rtol = 1e-6
    );
    case!(
        "eigh_f32_vec_dtype",
        "np.linalg.eigh(S.astype(np.float32))[1].dtype",
        np::linalg::eigh(s3().astype(np::float32)).1.dtype()
    );
    case!(
        "eigh_complex",
        "np.linalg.eigh(np.array([[2, 1j], [-1j, 2]]))[0]",
        np::linalg::eigh(np::array![
            [np::Complex128::new(2.0, 0.0), np::Complex128::new(0.0, 1.0)],
            [
                np::Complex128::new(0.0, -1.0),
                np::Complex128::new(2.0, 0.0)
            ]
        ])
        .0,
        rtol = 1e-13
    );
    case!(
        "eigh_batched",
        "np.linalg.eigh(np.stack([S, spd(3)]))[0]",
        np::linalg::eigh(np::stack(&[s3(), spd(3)], 0)).0,
        rtol = 1e-12
    );
    case!(
        "eigh_int",
        "np.linalg.eigh(np.array([[2, 1], [1, 2]]))[0]",
        np::linalg::eigh(np::array![[2, 1], [1, 2]]).0,
        rtol = 1e-13
    );
    case!(
        "eigh_bad_uplo",
        "np.linalg.eigh(S, UPLO='X')",
        np::linalg::try_eigh(s3(), "X")
    );
    // Sizes past one panel of the blocked tridiagonalization (32 columns), and with two,
    // three and four levels of divide-and-conquer merges (blocks of at most 25).
    for n in [70usize, 150, 300] {
        let sym = || pm(n, 5) + pm(n, 5).t();
        let py_sym = format!("(pm({n}, 5) + pm({n}, 5).T)");
        case!(
            &format!("eigh_{n}_values"),
            &format!("np.linalg.eigh({py_sym})[0]"),
            np::linalg::eigh(sym()).0,
            atol = 1e-9
        );
        case!(
            &format!("eigh_{n}_reconstruction"),
            &format!("{py_sym}"),
            {
                let (w, v) = np::linalg::eigh(sym());
                np::matmul(&v * &w, v.t())
            },
            atol = 1e-9
        );
        case!(
            &format!("eigh_{n}_orthonormal"),
            &format!("np.eye({n})"),
            {
                let v = np::linalg::eigh(sym()).1;
                np::matmul(v.t(), &v)
            },
            atol = 1e-12
        );
        case!(
            &format!("eigvalsh_{n}"),
            &format!("np.linalg.eigvalsh({py_sym})"),
            np::linalg::eigvalsh(sym()),
            atol = 1e-9
        );
        case!(
            &format!("eigvalsh_{n}_upper"),
            &format!("np.linalg.eigvalsh(pm({n}, 7), UPLO='U')"),
            np::linalg::try_eigvalsh(pm(n, 7), "U"),
            atol = 1e-9
        );
    }
    // Repeated eigenvalues, so that most of every divide-and-conquer merge deflates: all
    // ones (n - 1 zeros), a Householder reflection (n - 1 ones), the (1, 2, 1) Toeplitz
    // matrix, and Wilkinson's W+ (pairs of eigenvalues that agree to many digits).
    let off = |n: usize| np::diag_k(np::ones(n - 1), 1) + np::diag_k(np::ones(n - 1), -1);
    let v = np::arange(200.0) + 1.0;
    let vv = 200.0 * 201.0 * 401.0 / 6.0;
    let degenerate = [
        (
            "ones",
            "np.ones((200, 200))".to_string(),
            np::ones([200, 200]),
        ),
        (
            "reflection",
            "np.eye(200) - 2 * np.outer(np.arange(1.0, 201.0), np.arange(1.0, 201.0)) / 2686700.0"
                .to_string(),
            np::eye(200) - np::outer(&v, &v) * (2.0 / vv),
        ),
        (
            "toeplitz",
            "2 * np.eye(200) + np.eye(200, k=1) + np.eye(200, k=-1)".to_string(),
            np::eye(200) * 2.0 + off(200),
        ),
        (
            "wilkinson",
            "np.diag(np.abs(np.arange(201.0) - 100.0)) + np.eye(201, k=1) + np.eye(201, k=-1)"
                .to_string(),
            np::diag(np::abs(np::arange(201.0) - 100.0)) + off(201),
        ),
    ];
    for (name, py, m) in degenerate {
        let n = m.shape()[0];
        case!(
            &format!("eigh_{name}_values"),
            &format!("np.linalg.eigh({py})[0]"),
            np::linalg::eigh(&m).0,
            atol = 1e-9
        );
        case!(
            &format!("eigh_{name}_reconstruction"),
            &py,
            {
                let (w, v) = np::linalg::eigh(&m);
                np::matmul(&v * &w, v.t())
            },
            atol = 1e-9
        );
        case!(
            &format!("eigh_{name}_orthonormal"),
            &format!("np.eye({n})"),
            {
                let v = np::linalg::eigh(&m).1;
                np::matmul(v.t(), &v)
            },
            atol = 1e-12
        );
    }
    // Graded over 180 orders of magnitude: the root-free QL iteration meets subnormal
    // intermediates at the small end (it gave NaNs there once).
    let graded = || {
        let d = np::Array::from_vec(
            (0..60).map(|i| 10f64.powi(-3 * i)).collect::<Vec<_>>(),
            [60],
        );
        let e = d.slice(s![..-1]) * 0.05;
        np::diag(&d) + np::diag_k(&e, 1) + np::diag_k(&e, -1)
    };
    let py_graded = "(lambda d: np.diag(d) + np.diag(0.05 * d[:-1], 1) + np.diag(0.05 * d[:-1], -1))(10.0 ** (-3.0 * np.arange(60)))";
    case!(
        "eigvalsh_graded",
        &format!("np.linalg.eigvalsh({py_graded})"),
        np::linalg::eigvalsh(graded()),
        atol = 1e-14
    );
    case!(
        "eigh_graded_values",
        &format!("np.linalg.eigh({py_graded})[0]"),
        np::linalg::eigh(graded()).0,
        atol = 1e-14
    );
    case!(
        "eigvalsh",
        "np.linalg.eigvalsh(spd(8))",
        np::linalg::eigvalsh(spd(8)),
        rtol = 1e-11
    );
    case!(
        "eigvalsh_upper",
        "np.linalg.eigvalsh(np.triu(S), UPLO='U')",
        np::linalg::try_eigvalsh(
            np::array![[4.0, 1.0, 2.0], [0.0, 3.0, 0.5], [0.0, 0.0, 5.0]],
            "U"
        ),
        rtol = 1e-12
    );
    case!(
        "eigvalsh_view",
        "np.linalg.eigvalsh(spd(6)[::2, ::2])",
        np::linalg::eigvalsh(spd(6).slice(s![..;2, ..;2])),
        rtol = 1e-12
    );
    case!(
        "eigvalsh_0x0",
        "np.linalg.eigvalsh(np.zeros((0, 0)))",
        np::linalg::eigvalsh(np::zeros([0, 0]))
    );
    case!(
        "eigvalsh_nonsquare",
        "np.linalg.eigvalsh(np.ones((2, 3)))",
        np::linalg::try_eigvalsh(np::ones([2, 3]), "L")
    );

    // ----- lstsq / pinv -------------------------------------------------------------------------
    case!(
        "lstsq_overdetermined",
        "np.linalg.lstsq(np.array([[1.0, 0], [0, 1], [1, 1]]), np.ones(3))",
        np::linalg::lstsq(np::array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], np::ones(3)),
        rtol = 1e-12
    );
    case!(
        "lstsq_matrix_b",
        "np.linalg.lstsq(pr(6, 3), pr(6, 2, 2))",
        np::linalg::lstsq(pr(6, 3, 1), pr(6, 2, 2)),
        rtol = 1e-10
    );
    case!(
        "lstsq_rank_deficient",
        "np.linalg.lstsq(np.ones((3, 2)), np.ones(3))",
        np::linalg::lstsq(np::ones([3, 2]), np::ones(3)),
        atol = 1e-14,
        known = "the numerically zero singular value differs in rounding (2.2e-17 vs 0)"
    );
    case!(
        "lstsq_rank_deficient_x",
        "np.linalg.lstsq(np.ones((3, 2)), np.ones(3))[0]",
        np::linalg::lstsq(np::ones([3, 2]), np::ones(3)).0,
        rtol = 1e-12
    );
    case!(
        "lstsq_underdetermined",
        "np.linalg.lstsq(pr(2, 4), np.array([1.0, 2.0]))",
        np::linalg::lstsq(pr(2, 4, 1), np::array![1.0, 2.0]),
        rtol = 1e-12
    );
    case!(
        "lstsq_f32",
        "np.linalg.lstsq(pr(5, 2).astype(np.float32), np.ones(5, dtype=np.float32))[0]",
        np::linalg::lstsq(
            pr(5, 2, 1).astype(np::float32),
            np::ones(5).astype(np::float32)
        )
        .0,
        rtol = 1e-5
    );
    case!(
        "lstsq_incompatible",
        "np.linalg.lstsq(np.ones((3, 2)), np.ones(4))",
        np::linalg::try_lstsq(np::ones([3, 2]), np::ones(4), None)
    );
    case!(
        "pinv_tall",
        "np.linalg.pinv(pr(5, 3))",
        np::linalg::pinv(pr(5, 3, 1)),
        atol = 1e-12
    );
    case!(
        "pinv_singular",
        "np.linalg.pinv(np.array([[1.0, 2.0], [2.0, 4.0]]))",
        np::linalg::pinv(np::array![[1.0, 2.0], [2.0, 4.0]]),
        rtol = 1e-12
    );
    case!(
        "pinv_batched",
        "np.linalg.pinv(np.stack([A, S]))",
        np::linalg::pinv(np::stack(&[a3(), s3()], 0)),
        rtol = 1e-10,
        atol = 1e-12
    );
    case!(
        "pinv_rcond",
        "np.linalg.pinv(np.array([[1.0, 0], [0, 1e-10]]), rcond=1e-5)",
        np::linalg::pinv_rcond(np::array![[1.0, 0.0], [0.0, 1e-10]], 1e-5)
    );
    case!(
        "pinv_f32",
        "np.linalg.pinv(A.astype(np.float32))",
        np::linalg::pinv(a3().astype(np::float32)),
        rtol = 1e-5,
        atol = 1e-6
    );

    // ----- norm ---------------------------------------------------------------------------------
    case!(
        "norm_vector",
        "np.linalg.norm(np.array([3.0, 4.0]))",
        np::linalg::norm(np::array![3.0, 4.0])
    );
    case!(
        "norm_matrix_fro_default",
        "np.linalg.norm(A)",
        np::linalg::norm(a3()),
        rtol = 1e-15
    );
    case!(
        "norm_3d_default",
        "np.linalg.norm(np.arange(24.0).reshape(2, 3, 4))",
        np::linalg::norm(np::arange(24.0).reshape([2, 3, 4])),
        rtol = 1e-15
    );
    case!(
        "norm_int",
        "np.linalg.norm(np.arange(5))",
        np::linalg::norm(np::arange(5)),
        rtol = 1e-15
    );
    case!(
        "norm_f32",
        "np.linalg.norm(np.arange(5, dtype=np.float32))",
        np::linalg::norm(np::arange(5).astype(np::float32))
    );
    case!(
        "norm_complex",
        "np.linalg.norm(np.array([3+4j, 1j]))",
        np::linalg::norm(np::array![
            np::Complex128::new(3.0, 4.0),
            np::Complex128::new(0.0, 1.0)
        ]),
        rtol = 1e-15
    );
    case!(
        "norm_empty",
        "np.linalg.norm(np.zeros(0))",
        np::linalg::norm(np::zeros(0))
    );
    case!(
        "norm_view",
        "np.linalg.norm(pm(6)[::2, 1::2])",
        np::linalg::norm(pm(6, 1).slice(s![..;2, 1..;2])),
        rtol = 1e-15
    );
    case!(
        "norm_keepdims_none_axis",
        "np.linalg.norm(A, keepdims=True)",
        np::linalg::try_norm_with(a3(), None, None, true),
        rtol = 1e-15
    );
    for (name, p, pyp) in [
        ("inf", f64::INFINITY, "np.inf"),
        ("ninf", f64::NEG_INFINITY, "-np.inf"),
        ("0", 0.0, "0"),
        ("1", 1.0, "1"),
        ("m1", -1.0, "-1"),
        ("2", 2.0, "2"),
        ("m2", -2.0, "-2"),
        ("3", 3.0, "3"),
        ("half", 0.5, "0.5"),
    ] {
        case!(
            &format!("norm_vec_ord_{name}"),
            &format!("np.linalg.norm(np.array([3.0, -4.0, 0.0, 1.5]), {pyp})"),
            np::linalg::norm_ord(np::array![3.0, -4.0, 0.0, 1.5], p),
            rtol = 1e-14
        );
        case!(
            &format!("norm_vec_axis_ord_{name}"),
            &format!("np.linalg.norm(pr(3, 4), {pyp}, axis=1)"),
            np::linalg::norm_axis(pr(3, 4, 1), p, 1, false),
            rtol = 1e-14
        );
    }
    for (name, p, pyp) in [
        ("inf", f64::INFINITY, "np.inf"),
        ("ninf", f64::NEG_INFINITY, "-np.inf"),
        ("1", 1.0, "1"),
        ("m1", -1.0, "-1"),
        ("2", 2.0, "2"),
        ("m2", -2.0, "-2"),
    ] {
        case!(
            &format!("norm_mat_ord_{name}"),
            &format!("np.linalg.norm(pr(3, 4), {pyp})"),
            np::linalg::norm_ord(pr(3, 4, 1), p),
            rtol = 1e-12
        );
        case!(
            &format!("norm_mat_axes_ord_{name}"),
            &format!("np.linalg.norm(np.arange(24.0).reshape(2, 3, 4), {pyp}, axis=(2, 0))"),
            np::linalg::norm_axis(np::arange(24.0).reshape([2, 3, 4]), p, [2, 0], false),
            rtol = 1e-12
        );
    }
    case!(
        "norm_fro",
        "np.linalg.norm(A, 'fro')",
        np::linalg::norm_ord(a3(), "fro"),
        rtol = 1e-15
    );
    case!(
        "norm_nuc",
        "np.linalg.norm(A, 'nuc')",
        np::linalg::norm_ord(a3(), "nuc"),
        rtol = 1e-12
    );
    case!(
        "norm_nuc_axes_keepdims",
        "np.linalg.norm(np.arange(24.0).reshape(2, 3, 4), 'nuc', axis=(1, 2), keepdims=True)",
        np::linalg::norm_axis(np::arange(24.0).reshape([2, 3, 4]), "nuc", [1, 2], true),
        rtol = 1e-12
    );
    case!(
        "norm_rows_keepdims",
        "np.linalg.norm(pr(4, 3), axis=1, keepdims=True)",
        np::linalg::norm_axis(pr(4, 3, 1), None, 1, true),
        rtol = 1e-15
    );
    case!(
        "norm_cols_negative_axis",
        "np.linalg.norm(pr(4, 3), axis=-2)",
        np::linalg::norm_axis(pr(4, 3, 1), None, -2, false),
        rtol = 1e-15
    );
    case!(
        "norm_axis_f32",
        "np.linalg.norm(pr(4, 3).astype(np.float32), axis=0)",
        np::linalg::norm_axis(pr(4, 3, 1).astype(np::float32), None, 0, false),
        rtol = 1e-6
    );
    case!(
        "norm_axis_int_l1",
        "np.linalg.norm(np.arange(6).reshape(2, 3), 1, axis=1)",
        np::linalg::norm_axis(np::arange(6).reshape([2, 3]), 1, 1, false)
    );
    case!(
        "norm_pair_keepdims",
        "np.linalg.norm(np.arange(24.0).reshape(2, 3, 4), axis=(0, 2), keepdims=True)",
        np::linalg::norm_axis(np::arange(24.0).reshape([2, 3, 4]), None, [0, 2], true),
        rtol = 1e-15
    );
    case!(
        "norm_complex_matrix_2",
        "np.linalg.norm(np.array([[1+2j, 2], [3, 4-1j]]), 2)",
        np::linalg::norm_ord(
            np::array![
                [np::Complex128::new(1.0, 2.0), np::Complex128::new(2.0, 0.0)],
                [
                    np::Complex128::new(3.0, 0.0),
                    np::Complex128::new(4.0, -1.0)
                ]
            ],
            2
        ),
        rtol = 1e-13
    );
    case!(
        "norm_err_fro_vector",
        "np.linalg.norm(np.ones(3), 'fro')",
        np::linalg::try_norm_ord(np::ones(3), "fro")
    );
    case!(
        "norm_err_nuc_vector",
        "np.linalg.norm(np.ones(3), 'nuc')",
        np::linalg::try_norm_ord(np::ones(3), "nuc")
    );
    case!(
        "norm_err_matrix_ord",
        "np.linalg.norm(np.ones((3, 3)), 3)",
        np::linalg::try_norm_ord(np::ones([3, 3]), 3)
    );
    case!(
        "norm_err_matrix_str",
        "np.linalg.norm(np.ones((3, 3)), 'abc')",
        np::linalg::try_norm_ord(np::ones([3, 3]), "abc")
    );
    case!(
        "norm_err_3d_ord",
        "np.linalg.norm(np.ones((3, 3, 3)), 2)",
        np::linalg::try_norm_ord(np::ones([3, 3, 3]), 2)
    );
    case!(
        "norm_err_duplicate",
        "np.linalg.norm(np.ones((3, 3)), axis=(0, 0))",
        np::linalg::try_norm_axis(np::ones([3, 3]), None, [0, 0], false)
    );
    case!(
        "norm_err_three_axes",
        "np.linalg.norm(np.ones((3, 3, 3)), axis=(0, 1, 2))",
        np::linalg::try_norm_axis(np::ones([3, 3, 3]), None, [0, 1, 2], false)
    );
    case!(
        "norm_err_axis",
        "np.linalg.norm(np.ones((3, 3)), axis=2)",
        np::linalg::try_norm_axis(np::ones([3, 3]), None, 2, false)
    );

    // ----- cond / matrix_rank -------------------------------------------------------------------
    case!(
        "cond_2",
        "np.linalg.cond(A)",
        np::linalg::cond(a3()),
        rtol = 1e-12
    );
    case!(
        "cond_m2",
        "np.linalg.cond(A, -2)",
        np::linalg::cond_ord(a3(), -2),
        rtol = 1e-12
    );
    case!(
        "cond_1",
        "np.linalg.cond(A, 1)",
        np::linalg::cond_ord(a3(), 1),
        rtol = 1e-12
    );
    case!(
        "cond_inf",
        "np.linalg.cond(A, np.inf)",
        np::linalg::cond_ord(a3(), f64::INFINITY),
        rtol = 1e-12
    );
    case!(
        "cond_fro",
        "np.linalg.cond(A, 'fro')",
        np::linalg::cond_ord(a3(), "fro"),
        rtol = 1e-12
    );
    case!(
        "cond_singular_1",
        "np.linalg.cond(np.ones((2, 2)), 1)",
        np::linalg::cond_ord(np::ones([2, 2]), 1)
    );
    case!(
        "cond_rect",
        "np.linalg.cond(pr(4, 3))",
        np::linalg::cond(pr(4, 3, 1)),
        rtol = 1e-12
    );
    case!(
        "cond_stack",
        "np.linalg.cond(np.stack([A, S]))",
        np::linalg::cond_stack(np::stack(&[a3(), s3()], 0), None),
        rtol = 1e-12
    );
    case!(
        "cond_f32",
        "np.linalg.cond(S.astype(np.float32))",
        np::linalg::cond(s3().astype(np::float32)),
        rtol = 1e-6
    );
    case!(
        "cond_nonsquare_p1",
        "np.linalg.cond(np.ones((2, 3)), 1)",
        np::linalg::try_cond(np::ones([2, 3]), 1)
    );
    case!(
        "cond_1d",
        "np.linalg.cond(np.ones(3))",
        np::linalg::try_cond(np::ones(3), None)
    );
    case!(
        "matrix_rank_full",
        "np.linalg.matrix_rank(A)",
        np::linalg::matrix_rank(a3())
    );
    case!(
        "matrix_rank_deficient",
        "np.linalg.matrix_rank(np.ones((3, 3)))",
        np::linalg::matrix_rank(np::ones([3, 3]))
    );
    case!(
        "matrix_rank_rect",
        "np.linalg.matrix_rank(pr(4, 6))",
        np::linalg::matrix_rank(pr(4, 6, 1))
    );
    case!(
        "matrix_rank_vector",
        "np.linalg.matrix_rank(np.array([0.0, 1.0]))",
        np::linalg::matrix_rank(np::array![0.0, 1.0])
    );
    case!(
        "matrix_rank_zero_vector",
        "np.linalg.matrix_rank(np.zeros(3))",
        np::linalg::matrix_rank(np::zeros(3))
    );
    case!(
        "matrix_rank_zero",
        "np.linalg.matrix_rank(np.zeros((3, 3)))",
        np::linalg::matrix_rank(np::zeros([3, 3]))
    );

    // ----- trace / matrix_power / multi_dot -----------------------------------------------------
    case!(
        "trace_int",
        "np.trace(np.arange(9).reshape(3, 3))",
        np::trace(np::arange(9).reshape([3, 3]))
    );
    case!(
        "trace_int32",
        "np.trace(np.arange(9, dtype=np.int32).reshape(3, 3))",
        np::trace(np::arange(9).astype(np::int32).reshape([3, 3]))
    );
    case!(
        "trace_f32",
        "np.trace(np.eye(3, dtype=np.float32))",
        np::trace(np::eye(3).astype(np::float32))
    );
    case!(
        "trace_bool",
        "np.trace(np.eye(3, dtype=bool))",
        np::trace(np::eye(3).astype(np::bool_))
    );
    case!(
        "trace_rect",
        "np.trace(np.arange(12.0).reshape(3, 4))",
        np::trace(np::arange(12.0).reshape([3, 4]))
    );
    case!(
        "trace_offset_pos",
        "np.trace(np.arange(12.0).reshape(3, 4), 2)",
        np::trace_offset(np::arange(12.0).reshape([3, 4]), 2)
    );
    case!(
        "trace_offset_neg",
        "np.trace(np.arange(12.0).reshape(3, 4), -1)",
        np::trace_offset(np::arange(12.0).reshape([3, 4]), -1)
    );
    case!(
        "trace_offset_out",
        "np.trace(np.arange(12.0).reshape(3, 4), 5)",
        np::trace_offset(np::arange(12.0).reshape([3, 4]), 5)
    );
    case!(
        "trace_view",
        "np.trace(np.arange(36.0).reshape(6, 6)[::2, ::-2])",
        np::trace(np::arange(36.0).reshape([6, 6]).slice(s![..;2, ..;-2]))
    );
    case!(
        "trace_1d_error",
        "np.trace(np.ones(3))",
        np::try_trace(np::ones(3), 0)
    );
    case!(
        "matrix_power_5",
        "np.linalg.matrix_power(np.array([[1, 1], [1, 0]]), 5)",
        np::linalg::matrix_power(np::array![[1, 1], [1, 0]], 5)
    );
    case!(
        "matrix_power_13_float",
        "np.linalg.matrix_power(A / 4, 13)",
        np::linalg::matrix_power(a3() / 4.0, 13),
        rtol = 1e-13
    );
    case!(
        "matrix_power_0_int",
        "np.linalg.matrix_power(np.array([[1, 2], [3, 4]]), 0)",
        np::linalg::matrix_power(np::array![[1, 2], [3, 4]], 0)
    );
    case!(
        "matrix_power_1",
        "np.linalg.matrix_power(A, 1)",
        np::linalg::matrix_power(a3(), 1)
    );
    case!(
        "matrix_power_neg",
        "np.linalg.matrix_power(A, -2)",
        np::linalg::matrix_power(a3(), -2),
        rtol = 1e-12
    );
    case!(
        "matrix_power_neg_int",
        "np.linalg.matrix_power(np.array([[2, 0], [0, 4]]), -1)",
        np::linalg::matrix_power(np::array![[2, 0], [0, 4]], -1)
    );
    case!(
        "matrix_power_stack",
        "np.linalg.matrix_power(np.stack([A, S]), 3)",
        np::linalg::matrix_power(np::stack(&[a3(), s3()], 0), 3)
    );
    case!(
        "matrix_power_nonsquare",
        "np.linalg.matrix_power(np.ones((2, 3)), 2)",
        np::linalg::try_matrix_power(np::ones([2, 3]), 2)
    );
    case!(
        "matrix_power_1d",
        "np.linalg.matrix_power(np.ones(2), 2)",
        np::linalg::try_matrix_power(np::ones(2), 2)
    );
    case!(
        "multi_dot_3",
        "np.linalg.multi_dot([pr(10, 30), pr(30, 5, 2), pr(5, 60, 3)])",
        np::linalg::multi_dot(&[pr(10, 30, 1), pr(30, 5, 2), pr(5, 60, 3)]),
        rtol = 1e-12
    );
    case!(
        "multi_dot_4",
        "np.linalg.multi_dot([pr(4, 6), pr(6, 3, 2), pr(3, 7, 3), pr(7, 2, 4)])",
        np::linalg::multi_dot(&[pr(4, 6, 1), pr(6, 3, 2), pr(3, 7, 3), pr(7, 2, 4)]),
        rtol = 1e-12
    );
    case!(
        "multi_dot_vectors",
        "np.linalg.multi_dot([np.arange(3.0), pr(3, 4), np.arange(4.0)])",
        np::linalg::multi_dot(&[np::arange(3.0), pr(3, 4, 1), np::arange(4.0)]),
        rtol = 1e-13
    );
    case!(
        "multi_dot_first_vector",
        "np.linalg.multi_dot([np.arange(3.0), pr(3, 4), pr(4, 2)])",
        np::linalg::multi_dot(&[np::arange(3.0), pr(3, 4, 1), pr(4, 2, 1)]),
        rtol = 1e-13
    );
    case!(
        "multi_dot_two",
        "np.linalg.multi_dot([A, S])",
        np::linalg::multi_dot(&[a3(), s3()])
    );
    case!(
        "multi_dot_one",
        "np.linalg.multi_dot([A])",
        np::linalg::try_multi_dot(&[a3()])
    );
    case!(
        "multi_dot_3d_error",
        "np.linalg.multi_dot([A, np.ones((2, 3, 3)), S])",
        np::linalg::try_multi_dot(&[a3(), np::ones([2, 3, 3]), s3()])
    );
}

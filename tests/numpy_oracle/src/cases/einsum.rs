//! Differential cases for einsum: implicit and explicit outputs, `...` broadcasting, traces
//! and diagonals, sums, several operands, dtype promotion, views and NumPy's errors.

#[allow(unused_imports)]
use arraylib as np;
use arraylib::{s, Array};

const SETUP: &str = "\
a = (((np.arange(12) * 7) % 11) / 3.0).reshape(3, 4)
b = (((np.arange(20) * 5) % 13) / 2.0).reshape(4, 5)
c = (((np.arange(15) * 3) % 7) - 2.0).reshape(5, 3)
sq = ((np.arange(16) * 5) % 9 - 4.0).reshape(4, 4)
t3 = ((np.arange(24) * 11) % 17 - 8.0).reshape(2, 3, 4)
v3 = np.array([1.0, -2.0, 0.5])
v4 = np.array([2.0, 0.0, -1.0, 3.0])
ai = ((np.arange(12) * 7) % 11 - 5).reshape(3, 4)
";

fn a() -> Array {
    Array::from(
        (0..12i64)
            .map(|i| ((i * 7) % 11) as f64 / 3.0)
            .collect::<Vec<_>>(),
    )
    .reshape([3, 4])
}

fn b() -> Array {
    Array::from(
        (0..20i64)
            .map(|i| ((i * 5) % 13) as f64 / 2.0)
            .collect::<Vec<_>>(),
    )
    .reshape([4, 5])
}

fn c() -> Array {
    Array::from(
        (0..15i64)
            .map(|i| ((i * 3) % 7) as f64 - 2.0)
            .collect::<Vec<_>>(),
    )
    .reshape([5, 3])
}

fn sq() -> Array {
    Array::from(
        (0..16i64)
            .map(|i| ((i * 5) % 9) as f64 - 4.0)
            .collect::<Vec<_>>(),
    )
    .reshape([4, 4])
}

fn t3() -> Array {
    Array::from(
        (0..24i64)
            .map(|i| ((i * 11) % 17) as f64 - 8.0)
            .collect::<Vec<_>>(),
    )
    .reshape([2, 3, 4])
}

fn v3() -> Array {
    np::array![1.0, -2.0, 0.5]
}

fn v4() -> Array {
    np::array![2.0, 0.0, -1.0, 3.0]
}

fn ai() -> Array {
    Array::from((0..12i64).map(|i| (i * 7) % 11 - 5).collect::<Vec<_>>()).reshape([3, 4])
}

pub fn run() {
    py_setup!(SETUP);

    // ----- the tutorial forms --------------------------------------------------------------
    case!(
        "matmul",
        "np.einsum('ij,jk->ik', a, b)",
        np::einsum("ij,jk->ik", &[a(), b()])
    );
    case!(
        "matmul_implicit",
        "np.einsum('ij,jk', a, b)",
        np::einsum("ij,jk", &[a(), b()])
    );
    case!(
        "trace",
        "np.einsum('ii->', sq)",
        np::einsum("ii->", &[sq()])
    );
    case!(
        "trace_implicit",
        "np.einsum('ii', sq)",
        np::einsum("ii", &[sq()])
    );
    case!(
        "diagonal",
        "np.einsum('ii->i', sq)",
        np::einsum("ii->i", &[sq()])
    );
    case!(
        "transpose",
        "np.einsum('ij->ji', a)",
        np::einsum("ij->ji", &[a()])
    );
    case!(
        "transpose_implicit",
        "np.einsum('ji', a)",
        np::einsum("ji", &[a()])
    );
    case!("identity", "np.einsum('ij', a)", np::einsum("ij", &[a()]));
    case!(
        "outer",
        "np.einsum('i,j->ij', v3, v4)",
        np::einsum("i,j->ij", &[v3(), v4()])
    );
    case!(
        "outer_implicit",
        "np.einsum('i,j', v3, v4)",
        np::einsum("i,j", &[v3(), v4()])
    );
    case!(
        "inner",
        "np.einsum('i,i', v4, v4)",
        np::einsum("i,i", &[v4(), v4()])
    );
    case!(
        "inner_explicit",
        "np.einsum('i,i->', v4, v4)",
        np::einsum("i,i->", &[v4(), v4()])
    );
    case!(
        "batch_matmul",
        "np.einsum('bij,bjk->bik', t3, np.ones((2, 4, 2)))",
        np::einsum("bij,bjk->bik", &[t3(), np::ones([2, 4, 2])])
    );
    // ----- sums and products -----------------------------------------------------------------
    case!(
        "sum_all",
        "np.einsum('ij->', a)",
        np::einsum("ij->", &[a()])
    );
    case!(
        "sum_rows",
        "np.einsum('ij->i', a)",
        np::einsum("ij->i", &[a()])
    );
    case!(
        "sum_cols",
        "np.einsum('ij->j', a)",
        np::einsum("ij->j", &[a()])
    );
    case!(
        "sum_middle",
        "np.einsum('ijk->ik', t3)",
        np::einsum("ijk->ik", &[t3()])
    );
    case!(
        "permute_3d",
        "np.einsum('ijk->kij', t3)",
        np::einsum("ijk->kij", &[t3()])
    );
    case!(
        "hadamard",
        "np.einsum('ij,ij->ij', a, a)",
        np::einsum("ij,ij->ij", &[a(), a()])
    );
    case!(
        "frobenius",
        "np.einsum('ij,ij', a, a)",
        np::einsum("ij,ij", &[a(), a()])
    );
    case!(
        "matvec",
        "np.einsum('ij,j->i', a, v4)",
        np::einsum("ij,j->i", &[a(), v4()])
    );
    case!(
        "vecmat",
        "np.einsum('i,ij->j', v3, a)",
        np::einsum("i,ij->j", &[v3(), a()])
    );
    case!(
        "matmul_transposed_out",
        "np.einsum('ij,jk->ki', a, b)",
        np::einsum("ij,jk->ki", &[a(), b()])
    );
    case!(
        "chain3",
        "np.einsum('ij,jk,kl->il', a, b, c)",
        np::einsum("ij,jk,kl->il", &[a(), b(), c()])
    );
    case!(
        "chain3_implicit",
        "np.einsum('ij,jk,kl', a, b, c)",
        np::einsum("ij,jk,kl", &[a(), b(), c()])
    );
    case!(
        "cycle_trace",
        "np.einsum('ij,jk,ki->', a, b, c)",
        np::einsum("ij,jk,ki->", &[a(), b(), c()])
    );
    case!(
        "four_operands",
        "np.einsum('i,ij,jk,k->', v3, a, b, np.arange(5.0))",
        np::einsum("i,ij,jk,k->", &[v3(), a(), b(), np::arange(5.0)])
    );
    case!(
        "bilinear",
        "np.einsum('i,ij,j', v3, a, v4)",
        np::einsum("i,ij,j", &[v3(), a(), v4()])
    );
    case!(
        "private_index_summed",
        "np.einsum('ij,kl->ik', a, b)",
        np::einsum("ij,kl->ik", &[a(), b()])
    );
    case!(
        "kept_private_index",
        "np.einsum('ij,k->ijk', a, v3)",
        np::einsum("ij,k->ijk", &[a(), v3()])
    );
    case!(
        "diag_times_vector",
        "np.einsum('ii,i->i', sq, v4)",
        np::einsum("ii,i->i", &[sq(), v4()])
    );
    case!(
        "triple_repeat",
        "np.einsum('iii->i', np.arange(27.0).reshape(3, 3, 3))",
        np::einsum("iii->i", &[np::arange(27.0).reshape([3, 3, 3])])
    );
    case!(
        "partial_diagonal_3d",
        "np.einsum('iji->ij', np.arange(18.0).reshape(3, 2, 3))",
        np::einsum("iji->ij", &[np::arange(18.0).reshape([3, 2, 3])])
    );
    case!(
        "capital_letters_first",
        "np.einsum('Ab,ba', np.ones((2, 3)), np.arange(12.0).reshape(3, 4))",
        np::einsum(
            "Ab,ba",
            &[np::ones([2, 3]), np::arange(12.0).reshape([3, 4])]
        )
    );
    case!(
        "spaces",
        "np.einsum('i j -> j i', a)",
        np::einsum("i j -> j i", &[a()])
    );
    // ----- ellipsis ----------------------------------------------------------------------------
    case!(
        "ellipsis_matmul",
        "np.einsum('...ij,...jk->...ik', t3, np.ones((4, 2)))",
        np::einsum("...ij,...jk->...ik", &[t3(), np::ones([4, 2])])
    );
    case!(
        "ellipsis_implicit",
        "np.einsum('...ij,...jk', t3, np.ones((4, 2)))",
        np::einsum("...ij,...jk", &[t3(), np::ones([4, 2])])
    );
    case!(
        "ellipsis_sum_last",
        "np.einsum('...i->...', t3)",
        np::einsum("...i->...", &[t3()])
    );
    case!(
        "ellipsis_first_axis",
        "np.einsum('i...->...', t3)",
        np::einsum("i...->...", &[t3()])
    );
    case!(
        "ellipsis_middle",
        "np.einsum('i...k->ki...', t3)",
        np::einsum("i...k->ki...", &[t3()])
    );
    case!(
        "ellipsis_broadcast",
        "np.einsum('...i,...i->...', t3, np.ones((3, 4)))",
        np::einsum("...i,...i->...", &[t3(), np::ones([3, 4])])
    );
    case!(
        "ellipsis_size1_broadcast",
        "np.einsum('...i,...i->...', t3, np.ones((2, 1, 4)))",
        np::einsum("...i,...i->...", &[t3(), np::ones([2, 1, 4])])
    );
    case!(
        "ellipsis_empty",
        "np.einsum('...i,i', v4, v4)",
        np::einsum("...i,i", &[v4(), v4()])
    );
    case!(
        "ellipsis_scalar_mult",
        "np.einsum('...,...', t3, np.array(2.0))",
        np::einsum("...,...", &[t3(), np::array(2.0)])
    );
    case!(
        "label_size1_broadcast",
        "np.einsum('ij,ij->ij', a, np.ones((1, 4)))",
        np::einsum("ij,ij->ij", &[a(), np::ones([1, 4])])
    );
    case!(
        "label_size1_contracted",
        "np.einsum('ij,ij->', a, np.ones((3, 1)))",
        np::einsum("ij,ij->", &[a(), np::ones([3, 1])])
    );
    // ----- scalars, empties, views, dtypes ---------------------------------------------------
    case!(
        "scalar_operand",
        "np.einsum('', np.array(3.0))",
        np::einsum("", &[np::array(3.0)])
    );
    case!(
        "scalar_times_vector",
        "np.einsum(',i->i', np.array(2.0), v3)",
        np::einsum(",i->i", &[np::array(2.0), v3()])
    );
    case!(
        "empty_contraction",
        "np.einsum('ij,jk->ik', np.ones((2, 0)), np.ones((0, 3)))",
        np::einsum("ij,jk->ik", &[np::ones([2, 0]), np::ones([0, 3])])
    );
    case!(
        "empty_output",
        "np.einsum('ij,jk->ik', np.ones((0, 2)), np.ones((2, 3)))",
        np::einsum("ij,jk->ik", &[np::ones([0, 2]), np::ones([2, 3])])
    );
    case!(
        "transposed_view",
        "np.einsum('ij,jk->ik', b.T, a.T)",
        np::einsum("ij,jk->ik", &[b().t(), a().t()])
    );
    case!(
        "strided_view",
        "np.einsum('ij,jk->ik', a[::2, ::-1], b[::-1, 1:4])",
        np::einsum(
            "ij,jk->ik",
            &[a().slice(s![..;2, ..;-1]), b().slice(s![..;-1, 1..4])]
        )
    );
    case!(
        "int64",
        "np.einsum('ij,jk', ai, ai.T)",
        np::einsum("ij,jk", &[ai(), ai().t()])
    );
    case!(
        "int8_wraps",
        "np.einsum('ij->', (ai * 30).astype(np.int8))",
        np::einsum("ij->", &[(ai() * 30).astype(np::int8)])
    );
    case!(
        "int8_matmul_keeps_dtype",
        "x = ai.astype(np.int8)\nnp.einsum('ij,kj->ik', x, x)",
        {
            let x = ai().astype(np::int8);
            np::einsum("ij,kj->ik", &[&x, &x])
        }
    );
    case!(
        "int_float_promotion",
        "np.einsum('ij,jk', ai, b)",
        np::einsum("ij,jk", &[ai(), b()])
    );
    case!(
        "float32",
        "np.einsum('ij,jk', a.astype(np.float32), b.astype(np.float32))",
        np::einsum("ij,jk", &[a().astype(np::float32), b().astype(np::float32)]),
        rtol = 1e-6 // float32 sums in another order
    );
    case!(
        "int8_float32_promotion",
        "np.einsum('i,i', np.arange(3, dtype=np.int8), np.arange(3, dtype=np.float32))",
        np::einsum(
            "i,i",
            &[
                np::arange(3).astype(np::int8),
                np::arange(3).astype(np::float32)
            ]
        )
    );
    case!(
        "bool_sum",
        "np.einsum('ij->i', np.array([[True, False], [False, False]]))",
        np::einsum("ij->i", &[np::array![[true, false], [false, false]]])
    );
    case!(
        "complex",
        "np.einsum('i,i', np.array([1+2j, 3-1j]), np.array([2j, 1+0j]))",
        np::einsum(
            "i,i",
            &[
                Array::from(vec![
                    np::Complex128::new(1.0, 2.0),
                    np::Complex128::new(3.0, -1.0)
                ]),
                Array::from(vec![
                    np::Complex128::new(0.0, 2.0),
                    np::Complex128::new(1.0, 0.0)
                ])
            ]
        )
    );
    // ----- errors ------------------------------------------------------------------------------
    case!(
        "err_too_many_subscripts",
        "np.einsum('ijk', a)",
        np::try_einsum("ijk", &[a()])
    );
    case!(
        "err_too_few_subscripts",
        "np.einsum('i', a)",
        np::try_einsum("i", &[a()])
    );
    case!(
        "err_shape_mismatch",
        "np.einsum('ij,jk', a, c)",
        np::try_einsum("ij,jk", &[a(), c()])
    );
    case!(
        "err_shape_mismatch_explicit",
        "np.einsum('ij,jk->ik', np.ones((2, 3)), np.ones((4, 5)))",
        np::try_einsum("ij,jk->ik", &[np::ones([2, 3]), np::ones([4, 5])])
    );
    case!(
        "err_shape_mismatch_1d",
        "np.einsum('i,i->i', np.ones(2), np.ones(3))",
        np::try_einsum("i,i->i", &[np::ones(2), np::ones(3)])
    );
    case!(
        "err_ellipsis_broadcast",
        "np.einsum('...j,...j->...', np.ones((2, 3)), np.ones((4, 3)))",
        np::try_einsum("...j,...j->...", &[np::ones([2, 3]), np::ones([4, 3])])
    );
    case!(
        "err_more_operands",
        "np.einsum('ij', a, b)",
        np::try_einsum("ij", &[a(), b()])
    );
    case!(
        "err_fewer_operands",
        "np.einsum('ij,jk', a)",
        np::try_einsum("ij,jk", &[a()])
    );
    case!(
        "err_invalid_char",
        "np.einsum('i2', a)",
        np::try_einsum("i2", &[a()])
    );
    case!(
        "err_output_unknown",
        "np.einsum('ij->k', a)",
        np::try_einsum("ij->k", &[a()])
    );
    case!(
        "err_output_repeated",
        "np.einsum('ij->ii', sq)",
        np::try_einsum("ij->ii", &[sq()])
    );
    case!(
        "err_bad_arrow",
        "np.einsum('ij-k', a)",
        np::try_einsum("ij-k", &[a()])
    );
    case!(
        "err_bad_gt",
        "np.einsum('ij>k', a)",
        np::try_einsum("ij>k", &[a()])
    );
    case!(
        "err_two_arrows",
        "np.einsum('ij->i->j', a)",
        np::try_einsum("ij->i->j", &[a()])
    );
    case!(
        "err_collapse",
        "np.einsum('ii', a)",
        np::try_einsum("ii", &[a()])
    );
    case!(
        "err_collapse_single",
        "np.einsum('ii->i', a)",
        np::try_einsum("ii->i", &[a()])
    );
    case!(
        "err_stray_dot",
        "np.einsum('..i.', a)",
        np::try_einsum("..i.", &[a()])
    );
    case!(
        "err_output_without_ellipsis",
        "np.einsum('...i->', a)",
        np::try_einsum("...i->", &[a()])
    );
    case!(
        "err_no_operands",
        "np.einsum('ij,jk->ik')",
        np::try_einsum::<Array>("ij,jk->ik", &[])
    );
}

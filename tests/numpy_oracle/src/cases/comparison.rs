//! Comparisons (`gt`, `ge`, `lt`, `le`, `eq`, `ne`) returning bool arrays, and the logical
//! operators `& | ^ !` on bool arrays; `np.where`, `np.isclose`, `np.allclose`,
//! `np.array_equal`.

#[allow(unused_imports)]
use arraylib as np;
use arraylib::prelude::*;
use arraylib::{Complex128, DType};

fn a() -> Array {
    np::array![-3, -1, 0, 2, 5, 7]
}

fn b() -> Array {
    np::array![2, -1, 3, 2, -4, 7]
}

fn f() -> Array {
    np::array![1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.0]
}

const DTYPES: [DType; 9] = [
    DType::Bool,
    DType::Int8,
    DType::UInt8,
    DType::Int32,
    DType::Int64,
    DType::UInt64,
    DType::Float32,
    DType::Float64,
    DType::Complex128,
];

pub fn run() {
    case!(
        "bool_array",
        "np.array([True, False, True])",
        np::Array::from(vec![true, false, true])
    );
    py_setup!(
        "A = np.array([-3, -1, 0, 2, 5, 7])\nB = np.array([2, -1, 3, 2, -4, 7])\nF = np.array([1.0, np.nan, np.inf, -np.inf, -0.0, 0.0])"
    );
    for &d1 in &DTYPES {
        for &d2 in &DTYPES {
            let (n1, n2) = (d1.name(), d2.name());
            let (pa, pb) = (format!("A.astype(np.{n1})"), format!("B.astype(np.{n2})"));
            case!(
                &format!("gt_{n1}_{n2}"),
                &format!("{pa} > {pb}"),
                a().astype(d1).gt(b().astype(d2))
            );
            case!(
                &format!("le_{n1}_{n2}"),
                &format!("{pa} <= {pb}"),
                a().astype(d1).le(b().astype(d2))
            );
            case!(
                &format!("eq_{n1}_{n2}"),
                &format!("{pa} == {pb}"),
                a().astype(d1).eq(b().astype(d2))
            );
        }
        let n = d1.name();
        let pa = format!("A.astype(np.{n})");
        case!(
            &format!("gt_5_{n}"),
            &format!("{pa} > 5"),
            a().astype(d1).gt(5)
        );
        case!(
            &format!("ge_2_{n}"),
            &format!("{pa} >= 2"),
            a().astype(d1).ge(2)
        );
        case!(
            &format!("lt_0_{n}"),
            &format!("{pa} < 0"),
            a().astype(d1).lt(0)
        );
        case!(
            &format!("le_half_{n}"),
            &format!("{pa} <= 0.5"),
            a().astype(d1).le(0.5)
        );
        case!(
            &format!("eq_2_{n}"),
            &format!("{pa} == 2"),
            a().astype(d1).eq(2)
        );
        case!(
            &format!("ne_2_{n}"),
            &format!("{pa} != 2"),
            a().astype(d1).ne(2)
        );
        case!(
            &format!("gt_300_{n}"),
            &format!("{pa} > 300"),
            a().astype(d1).gt(300)
        );
        case!(
            &format!("lt_300_{n}"),
            &format!("{pa} < 300"),
            a().astype(d1).lt(300)
        );
        case!(
            &format!("eq_neg1_{n}"),
            &format!("{pa} == -1"),
            a().astype(d1).eq(-1)
        );
        case!(
            &format!("gt_true_{n}"),
            &format!("{pa} > True"),
            a().astype(d1).gt(true)
        );
    }
    case!("gt_scalar", "np.arange(10) > 5", np::arange(10).gt(5));
    case!(
        "eq_broadcast",
        "np.arange(3) == np.arange(3).reshape(3, 1)",
        np::arange(3).eq(np::arange(3).reshape([3, 1]))
    );
    case!(
        "lt_broadcast_error",
        "np.arange(3) < np.arange(4)",
        np::arange(3).lt(np::arange(4))
    );
    case!(
        "greater_fn",
        "np.greater(np.arange(4), 1.5)",
        np::greater(np::arange(4), 1.5)
    );
    case!(
        "greater_equal_fn",
        "np.greater_equal(2, np.arange(4))",
        np::greater_equal(2, np::arange(4))
    );
    case!(
        "less_fn",
        "np.less(np.arange(4), np.arange(4)[::-1])",
        np::less(np::arange(4), np::arange(4).slice(s![..;-1]))
    );
    case!(
        "less_equal_fn",
        "np.less_equal(np.arange(4.0), 2)",
        np::less_equal(np::arange(4.0), 2)
    );
    case!(
        "equal_fn",
        "np.equal(np.arange(4), np.arange(4.0))",
        np::equal(np::arange(4), np::arange(4.0))
    );
    case!(
        "not_equal_fn",
        "np.not_equal(np.arange(4), 2)",
        np::not_equal(np::arange(4), 2)
    );
    case!("nan_gt", "F > 0", f().gt(0));
    case!("nan_eq_self", "F == F", f().eq(f()));
    case!("nan_ne_self", "F != F", f().ne(f()));
    case!("nan_le", "F <= np.inf", f().le(f64::INFINITY));
    case!(
        "neg_zero_eq",
        "np.array([-0.0]) == 0.0",
        np::array![-0.0].eq(0.0)
    );
    case!(
        "cmp_strong_scalar",
        "np.arange(3, dtype=np.float32) < np.float64(1.5)",
        np::arange(3).astype(np::float32).lt(Scalar::from(1.5))
    );
    case!(
        "cmp_transposed",
        "X = np.arange(6).reshape(2, 3)\nX.T > X.T[::-1]",
        {
            let x = np::arange(6).reshape([2, 3]);
            x.t().gt(x.t().slice(s![..;-1]))
        }
    );
    case!("cmp_empty", "np.ones((0, 2)) > 1", np::ones([0, 2]).gt(1));
    case!("cmp_0d", "np.array(3) >= 3", np::array(3).ge(3));
    case!(
        "cmp_complex_lt",
        "np.array([1+2j, 1+1j, 0+5j]) < np.array([1+1j, 1+2j, 1+0j])",
        np::Array::from_vec(
            vec![
                Complex128::new(1.0, 2.0),
                Complex128::new(1.0, 1.0),
                Complex128::new(0.0, 5.0)
            ],
            [3]
        )
        .lt(np::Array::from_vec(
            vec![
                Complex128::new(1.0, 1.0),
                Complex128::new(1.0, 2.0),
                Complex128::new(1.0, 0.0)
            ],
            [3]
        ))
    );
    case!(
        "cmp_uint64_neg",
        "np.arange(3, dtype=np.uint64) > -1",
        np::arange(3).astype(np::uint64).gt(-1)
    );
    case!(
        "cmp_int64_big",
        "np.arange(3) < 2**63",
        np::arange(3).lt(1u64 << 63)
    );
    case!(
        "mean_of_eq",
        "np.mean(np.array([0, 1, 2, 1, 0]) == np.array([0, 2, 2, 1, 1]))",
        np::mean(np::array![0, 1, 2, 1, 0].eq(np::array![0, 2, 2, 1, 1]))
    );

    // ----- & | ^ ! ------------------------------------------------------------------------------
    case!(
        "and_bool",
        "(np.arange(6) > 1) & (np.arange(6) < 4)",
        np::arange(6).gt(1) & np::arange(6).lt(4)
    );
    case!(
        "or_bool",
        "(np.arange(6) > 4) | (np.arange(6) < 1)",
        np::arange(6).gt(4) | np::arange(6).lt(1)
    );
    case!(
        "xor_bool",
        "(np.arange(6) > 1) ^ (np.arange(6) < 4)",
        np::arange(6).gt(1) ^ np::arange(6).lt(4)
    );
    case!("not_bool", "~(np.arange(4) > 1)", !np::arange(4).gt(1));
    case!(
        "scores_mask",
        "scores = np.array([85, 92, 78, 96, 88, 73, 91, 82])\n(scores >= 80) & (scores <= 90)",
        {
            let scores = np::array![85, 92, 78, 96, 88, 73, 91, 82];
            scores.ge(80) & scores.le(90)
        }
    );
    case!("and_int", "np.arange(8) & 3", np::arange(8) & 3);
    case!(
        "or_int8",
        "np.arange(4, dtype=np.int8) | np.int8(8)",
        np::arange(4).astype(np::int8) | Scalar::from(8i8)
    );
    case!(
        "xor_uint8",
        "np.arange(4, dtype=np.uint8) ^ 255",
        np::arange(4).astype(np::uint8) ^ 255
    );
    case!("invert_int", "~np.arange(3)", !np::arange(3));
    case!(
        "invert_uint8",
        "~np.arange(3, dtype=np.uint8)",
        !np::arange(3).astype(np::uint8)
    );
    case!(
        "and_bool_int",
        "np.array([True, False]) & np.array([3, 2])",
        np::array![true, false] & np::array![3, 2]
    );
    case!(
        "and_float_error",
        "np.ones(2) & np.ones(2)",
        np::ones(2) & np::ones(2)
    );
    case!("invert_float_error", "~np.ones(2)", !np::ones(2));
    case!(
        "and_broadcast_error",
        "np.arange(3) & np.array([True, False])",
        np::arange(3) & np::array![true, false]
    );
    case!(
        "and_true",
        "(np.arange(3) > 0) & True",
        np::arange(3).gt(0) & true
    );
    case!(
        "bitwise_and_fn",
        "np.bitwise_and(np.arange(6), 5)",
        np::bitwise_and(np::arange(6), 5)
    );
    case!(
        "bitwise_or_fn",
        "np.bitwise_or(np.arange(6), 8)",
        np::bitwise_or(np::arange(6), 8)
    );
    case!(
        "bitwise_xor_fn",
        "np.bitwise_xor(np.arange(6), 1)",
        np::bitwise_xor(np::arange(6), 1)
    );
    case!(
        "invert_fn",
        "np.invert(np.array([True, False]))",
        np::invert(np::array![true, false])
    );
    case!(
        "logical_and",
        "np.logical_and(np.arange(4), np.array([1.0, 0.0, 2.0, np.nan]))",
        np::logical_and(np::arange(4), np::array![1.0, 0.0, 2.0, f64::NAN])
    );
    case!(
        "logical_or",
        "np.logical_or(np.arange(3), 0)",
        np::logical_or(np::arange(3), 0)
    );
    case!(
        "logical_xor",
        "np.logical_xor(np.arange(3), True)",
        np::logical_xor(np::arange(3), true)
    );
    case!(
        "logical_not",
        "np.logical_not(np.array([0.0, 1.5, -0.0]))",
        np::logical_not(np::array![0.0, 1.5, -0.0])
    );
    case!(
        "logical_not_int",
        "np.logical_not(np.arange(3))",
        np::logical_not(np::arange(3))
    );
    case!(
        "logical_and_broadcast",
        "np.logical_and(np.arange(3).reshape(3, 1), np.arange(2))",
        np::logical_and(np::arange(3).reshape([3, 1]), np::arange(2))
    );

    // ----- where -----------------------------------------------------------------------------
    case!("where_basic", "x = np.arange(5)\nnp.where(x < 2, x, -1)", {
        let x = np::arange(5);
        np::where_(x.lt(2), &x, -1)
    });
    case!(
        "where_float",
        "x = np.arange(5)\nnp.where(x < 2, 0.5, x)",
        {
            let x = np::arange(5);
            np::where_(x.lt(2), 0.5, &x)
        }
    );
    case!(
        "where_broadcast",
        "np.where(np.arange(3).reshape(3, 1) > 0, np.arange(4), 10)",
        np::where_(np::arange(3).reshape([3, 1]).gt(0), np::arange(4), 10)
    );
    case!(
        "where_int_cond",
        "np.where(np.array([0, 2, 0]), 1, 2)",
        np::where_(np::array![0, 2, 0], 1, 2)
    );
    case!(
        "where_scalars",
        "np.where(np.array([True, False]), 1.5, 2)",
        np::where_(np::array![true, false], 1.5, 2)
    );
    case!("where_mixed_dtypes", "np.where(np.array([True, False]), np.ones(2, dtype=np.float32), np.zeros(2, dtype=np.int8))",
        np::where_(np::array![true, false], np::ones(2).astype(np::float32), np::zeros(2).astype(np::int8)));
    case!(
        "where_error",
        "np.where(np.ones(3) > 0, np.ones(2), 0)",
        np::where_(np::ones(3).gt(0), np::ones(2), 0)
    );
    case!(
        "where_relu",
        "x = np.linspace(-2, 2, 5)\nnp.where(x > 0, x, 0.0)",
        {
            let x = np::linspace(-2, 2, 5);
            np::where_(x.gt(0), &x, 0.0)
        }
    );

    // ----- isclose / allclose / array_equal ------------------------------------------------------
    case!(
        "isclose_default",
        "np.isclose(np.array([1.0, 1.00001, 1.0001, np.nan, np.inf]), 1.0)",
        np::isclose(
            np::array![1.0, 1.00001, 1.0001, f64::NAN, f64::INFINITY],
            1.0
        )
    );
    case!(
        "isclose_nan",
        "np.isclose(np.array([np.nan, 1.0]), np.array([np.nan, 1.0]), equal_nan=True)",
        np::isclose_with(
            np::array![f64::NAN, 1.0],
            np::array![f64::NAN, 1.0],
            1e-5,
            1e-8,
            true
        )
    );
    case!(
        "isclose_inf",
        "np.isclose(np.array([np.inf, -np.inf, np.inf]), np.array([np.inf, np.inf, 1e308]))",
        np::isclose(
            np::array![f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY],
            np::array![f64::INFINITY, f64::INFINITY, 1e308]
        )
    );
    case!(
        "isclose_tol",
        "np.isclose(np.array([1.0, 1.1]), 1.0, rtol=0.0, atol=0.05)",
        np::isclose_with(np::array![1.0, 1.1], 1.0, 0.0, 0.05, false)
    );
    case!(
        "isclose_int",
        "np.isclose(np.arange(3), np.arange(3))",
        np::isclose(np::arange(3), np::arange(3))
    );
    case!(
        "isclose_asym",
        "np.isclose(np.array([1e-8, 0.0]), np.array([0.0, 1e-8]))",
        np::isclose(np::array![1e-8, 0.0], np::array![0.0, 1e-8])
    );
    case!(
        "allclose_true",
        "np.allclose(np.arange(4.0), np.arange(4.0) + 1e-9)",
        np::allclose(np::arange(4.0), np::arange(4.0) + 1e-9)
    );
    case!(
        "allclose_false",
        "np.allclose(np.arange(4.0), np.arange(4.0) + 1e-3)",
        np::allclose(np::arange(4.0), np::arange(4.0) + 1e-3)
    );
    case!("allclose_eye", "A3 = np.array([[2.0, 1.0], [1.0, 3.0]])\nnp.allclose(A3 @ np.array([[0.6, -0.2], [-0.2, 0.4]]), np.eye(2))",
        { let a3 = np::array![[2.0, 1.0], [1.0, 3.0]]; np::allclose(a3.matmul(np::array![[0.6, -0.2], [-0.2, 0.4]]), np::array![[1.0, 0.0], [0.0, 1.0]]) });
    case!(
        "allclose_nan",
        "np.allclose(np.array([np.nan]), np.array([np.nan]))",
        np::allclose(np::array![f64::NAN], np::array![f64::NAN])
    );
    case!(
        "allclose_nan_eq",
        "np.allclose(np.array([np.nan]), np.array([np.nan]), equal_nan=True)",
        np::allclose_with(np::array![f64::NAN], np::array![f64::NAN], 1e-5, 1e-8, true)
    );
    case!(
        "allclose_broadcast",
        "np.allclose(np.ones((2, 3)), 1)",
        np::allclose(np::ones([2, 3]), 1)
    );
    case!(
        "allclose_shape_error",
        "np.allclose(np.ones(3), np.ones(2))",
        np::allclose(np::ones(3), np::ones(2))
    );
    case!(
        "array_equal_true",
        "np.array_equal(np.arange(3), np.arange(3.0))",
        np::array_equal(np::arange(3), np::arange(3.0))
    );
    case!(
        "array_equal_shape",
        "np.array_equal(np.arange(3), np.arange(4))",
        np::array_equal(np::arange(3), np::arange(4))
    );
    case!(
        "array_equal_broadcastable",
        "np.array_equal(np.ones((2, 3)), np.ones(3))",
        np::array_equal(np::ones([2, 3]), np::ones(3))
    );
    case!(
        "array_equal_nan",
        "np.array_equal(np.array([1.0, np.nan]), np.array([1.0, np.nan]))",
        np::array_equal(np::array![1.0, f64::NAN], np::array![1.0, f64::NAN])
    );
    case!(
        "array_equal_nan_true",
        "np.array_equal(np.array([1.0, np.nan]), np.array([1.0, np.nan]), equal_nan=True)",
        np::array_equal_nan(np::array![1.0, f64::NAN], np::array![1.0, f64::NAN])
    );

    // ----- Scalar comparisons -------------------------------------------------------------------
    case!(
        "scalar_abs_gt",
        "abs(np.float64(-2.5)) > 1e-10",
        Scalar::from(-2.5).abs() > 1e-10
    );
    case!("scalar_lt_int", "np.int64(3) < 4", Scalar::from(3i64) < 4);
    case!("scalar_eq", "np.float64(2.0) == 2", Scalar::from(2.0) == 2);
    case!(
        "scalar_nan_lt",
        "np.float64(np.nan) < 1.0",
        Scalar::from(f64::NAN) < 1.0
    );
    case!(
        "scalar_not",
        "not np.bool_(False)",
        (!Scalar::from(false)).to_bool()
    );
    case!(
        "scalar_vs_scalar",
        "np.float32(1.5) < np.int64(2)",
        Scalar::from(1.5f32) < Scalar::from(2i64)
    );
}

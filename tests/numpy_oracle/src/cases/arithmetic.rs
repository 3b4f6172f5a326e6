//! Arithmetic operators (`+ - * / // % **`, unary `-`), broadcasting and NEP 50 promotion with
//! weak Rust scalars; in-place operators; matrix products (`@`, `dot`, `inner`, `outer`).

#[allow(unused_imports)]
use arraylib as np;
use arraylib::prelude::*;
use arraylib::{Complex128, DType};

/// `A` of the Python setup.
fn a() -> Array {
    np::array![-3, -1, 0, 2, 5, 7]
}

/// `B` of the Python setup.
fn b() -> Array {
    np::array![2, -2, 3, 1, -4, 2]
}

/// `E` of the Python setup (non-negative exponents).
fn e() -> Array {
    np::array![0, 1, 2, 3, 1, 2]
}

/// `F` of the Python setup: floats with specials.
fn f() -> Array {
    np::array![
        5.5,
        -5.5,
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        1e300
    ]
}

const DTYPES: [DType; 10] = [
    DType::Bool,
    DType::Int8,
    DType::UInt8,
    DType::Int16,
    DType::Int32,
    DType::Int64,
    DType::UInt64,
    DType::Float32,
    DType::Float64,
    DType::Complex128,
];

pub fn run() {
    py_setup!(
        "A = np.array([-3, -1, 0, 2, 5, 7])\nB = np.array([2, -2, 3, 1, -4, 2])\nE = np.array([0, 1, 2, 3, 1, 2])\nF = np.array([5.5, -5.5, 0.0, -0.0, np.inf, -np.inf, np.nan, 1e300])"
    );
    case!(
        "promote_int8_uint8",
        "np.result_type(np.int8, np.uint8)",
        np::promote(np::int8, np::uint8)
    );

    // ----- every dtype pair, every operator ------------------------------------------------
    for &d1 in &DTYPES {
        for &d2 in &DTYPES {
            let (n1, n2) = (d1.name(), d2.name());
            let pa = format!("A.astype(np.{n1})");
            let pb = format!("B.astype(np.{n2})");
            let pe = format!("E.astype(np.{n2})");
            case!(
                &format!("add_{n1}_{n2}"),
                &format!("{pa} + {pb}"),
                a().astype(d1) + b().astype(d2)
            );
            case!(
                &format!("sub_{n1}_{n2}"),
                &format!("{pa} - {pb}"),
                a().astype(d1) - b().astype(d2)
            );
            case!(
                &format!("mul_{n1}_{n2}"),
                &format!("{pa} * {pb}"),
                a().astype(d1) * b().astype(d2)
            );
            case!(
                &format!("div_{n1}_{n2}"),
                &format!("{pa} / {pb}"),
                a().astype(d1) / b().astype(d2)
            );
            if !d1.is_complex() && !d2.is_complex() {
                case!(
                    &format!("floordiv_{n1}_{n2}"),
                    &format!("{pa} // {pb}"),
                    np::floor_divide(a().astype(d1), b().astype(d2))
                );
            }
            case!(
                &format!("mod_{n1}_{n2}"),
                &format!("{pa} % {pb}"),
                a().astype(d1) % b().astype(d2)
            );
            if d1 != DType::Bool || d2 != DType::Bool {
                case!(
                    &format!("pow_{n1}_{n2}"),
                    &format!("{pa} ** {pe}"),
                    a().astype(d1).pow(e().astype(d2)),
                    rtol = 1e-6
                );
            }
        }
    }

    // ----- weak Rust scalars (NEP 50) -------------------------------------------------------
    for &d in &DTYPES {
        let n = d.name();
        let pa = format!("A.astype(np.{n})");
        case!(
            &format!("weak_add_int_{n}"),
            &format!("{pa} + 1"),
            a().astype(d) + 1
        );
        case!(
            &format!("weak_radd_int_{n}"),
            &format!("1 + {pa}"),
            1 + a().astype(d)
        );
        case!(
            &format!("weak_mul_float_{n}"),
            &format!("{pa} * 1.5"),
            a().astype(d) * 1.5
        );
        case!(
            &format!("weak_rmul_float_{n}"),
            &format!("2.0 * {pa}"),
            2.0 * a().astype(d)
        );
        case!(
            &format!("weak_rdiv_{n}"),
            &format!("1.0 / {pa}"),
            1.0 / a().astype(d)
        );
        case!(
            &format!("weak_rsub_{n}"),
            &format!("10 - {pa}"),
            10 - a().astype(d)
        );
        case!(
            &format!("weak_add_bool_{n}"),
            &format!("{pa} + True"),
            a().astype(d) + true
        );
        case!(
            &format!("weak_add_300_{n}"),
            &format!("{pa} + 300"),
            a().astype(d) + 300
        );
        case!(
            &format!("weak_sub_neg_{n}"),
            &format!("{pa} - (-1)"),
            a().astype(d) - (-1)
        );
        case!(
            &format!("weak_pow2_{n}"),
            &format!("{pa} ** 2"),
            a().astype(d).pow(2)
        );
        case!(&format!("neg_{n}"), &format!("-{pa}"), -a().astype(d));
        case!(
            &format!("strong_f64_scalar_{n}"),
            &format!("{pa} * np.float64(2)"),
            a().astype(d) * Scalar::from(2.0)
        );
        case!(
            &format!("strong_i8_scalar_{n}"),
            &format!("{pa} + np.int8(2)"),
            a().astype(d) + Scalar::from(2i8)
        );
    }
    case!(
        "int8_plus_1",
        "np.ones(3, dtype=np.int8) + 1",
        np::ones(3).astype(np::int8) + 1
    );
    case!(
        "int8_plus_300",
        "np.ones(3, dtype=np.int8) + 300",
        np::ones(3).astype(np::int8) + 300
    );
    case!(
        "int8_plus_minus_129",
        "np.ones(3, dtype=np.int8) + (-129)",
        np::ones(3).astype(np::int8) + (-129)
    );
    case!(
        "uint8_minus_1",
        "np.ones(3, dtype=np.uint8) - 1",
        np::ones(3).astype(np::uint8) - 1
    );
    case!(
        "uint8_plus_neg1",
        "np.ones(3, dtype=np.uint8) + (-1)",
        np::ones(3).astype(np::uint8) + (-1)
    );
    case!(
        "uint8_wrap",
        "np.zeros(2, dtype=np.uint8) - np.ones(2, dtype=np.uint8)",
        np::zeros(2).astype(np::uint8) - np::ones(2).astype(np::uint8)
    );
    case!(
        "int8_wrap",
        "np.array([127, -128], dtype=np.int8) + np.int8(1)",
        np::array![127, -128].astype(np::int8) + Scalar::from(1i8)
    );
    case!(
        "uint64_big_weak",
        "np.arange(3, dtype=np.uint64) + 2**63",
        np::arange(3).astype(np::uint64) + (1u64 << 63)
    );
    case!(
        "int64_u64_big_weak",
        "np.arange(3) + 2**63",
        np::arange(3) + (1u64 << 63)
    );
    case!(
        "f32_times_weak",
        "np.arange(3, dtype=np.float32) * 2.0",
        np::arange(3).astype(np::float32) * 2.0
    );
    case!(
        "f32_times_f64_scalar",
        "np.arange(3, dtype=np.float32) * np.float64(2.0)",
        np::arange(3).astype(np::float32) * Scalar::from(2.0)
    );
    case!(
        "f32_plus_f64_array",
        "np.arange(3, dtype=np.float32) + np.arange(3.0)",
        np::arange(3).astype(np::float32) + np::arange(3.0)
    );
    case!("int_times_float", "np.arange(3) * 1.5", np::arange(3) * 1.5);
    case!("int_true_div", "np.arange(5) / 2", np::arange(5) / 2);
    case!(
        "int8_true_div",
        "np.arange(5, dtype=np.int8) / np.int8(2)",
        np::arange(5).astype(np::int8) / Scalar::from(2i8)
    );
    case!(
        "bool_plus_bool",
        "np.array([True, False]) + np.array([True, True])",
        np::array![true, false] + np::array![true, true]
    );
    case!(
        "bool_times_bool",
        "np.array([True, False]) * np.array([True, True])",
        np::array![true, false] * np::array![true, true]
    );
    case!(
        "bool_minus_bool",
        "np.array([True, False]) - np.array([True, True])",
        np::array![true, false] - np::array![true, true]
    );
    case!(
        "bool_neg",
        "-np.array([True, False])",
        -np::array![true, false]
    );
    case!(
        "bool_plus_int",
        "np.array([True, False]) + 1",
        np::array![true, false] + 1
    );
    case!(
        "bool_div",
        "np.array([True, False]) / np.array([True, True])",
        np::array![true, false] / np::array![true, true]
    );
    case!(
        "bool_floordiv",
        "np.array([True, False]) // np.array([True, True])",
        np::floor_divide(np::array![true, false], np::array![true, true])
    );
    case!(
        "sigmoid",
        "x = np.linspace(-5, 5, 11)\n1 / (1 + np.exp(-x))",
        {
            let x = np::linspace(-5, 5, 11);
            1 / (1 + np::exp(-&x))
        }
    );
    case!(
        "standardize",
        "x = np.arange(12.0).reshape(3, 4)\n(x - x.mean(axis=0)) / (x.std(axis=0) + 1e-8)",
        {
            let x = np::arange(12.0).reshape([3, 4]);
            (&x - x.mean_axis(0, false)) / (x.std_axis(0, false) + 1e-8)
        }
    );
    case!(
        "precedence",
        "A2 = np.arange(6.0).reshape(2, 3)\n-2 * A2 @ A2.T",
        {
            let a2 = np::arange(6.0).reshape([2, 3]);
            (-2 * &a2).matmul(a2.t())
        }
    );
    case!(
        "scalar_scalar_f64",
        "np.float64(2.5) * 2.0",
        Scalar::from(2.5) * 2.0
    );
    case!(
        "scalar_scalar_i8",
        "np.int8(100) + np.int8(100)",
        Scalar::from(100i8) + Scalar::from(100i8)
    );
    case!(
        "scalar_scalar_f32",
        "np.float32(3) * 2.0",
        Scalar::from(3.0f32) * 2.0
    );
    case!(
        "scalar_mixed",
        "np.float32(2) + np.float64(1)",
        Scalar::from(2.0f32) + Scalar::from(1.0)
    );
    case!(
        "scalar_rsub",
        "1 - np.float64(0.25)",
        1 - Scalar::from(0.25)
    );
    case!("scalar_div_int", "np.int64(7) / 2", Scalar::from(7i64) / 2);
    case!("scalar_neg", "-np.float64(2)", -Scalar::from(2.0));
    case!(
        "scalar_plus_array",
        "np.float64(1.5) + np.arange(3)",
        Scalar::from(1.5) + np::arange(3)
    );
    case!("zero_d_plus_int", "np.array(5) + 1", np::array(5) + 1);

    // ----- division semantics ---------------------------------------------------------------
    case!(
        "int_floordiv_neg",
        "np.array([-7, 7, -7, 7]) // np.array([2, 2, -2, -2])",
        np::floor_divide(np::array![-7, 7, -7, 7], np::array![2, 2, -2, -2])
    );
    case!(
        "int_mod_neg",
        "np.array([-7, 7, -7, 7]) % np.array([3, 3, -3, -3])",
        np::array![-7, 7, -7, 7] % np::array![3, 3, -3, -3]
    );
    case!(
        "int_floordiv_zero",
        "np.arange(-2, 3) // 0",
        np::floor_divide(np::arange((-2, 3)), 0)
    );
    case!(
        "int_mod_zero",
        "np.arange(-2, 3) % 0",
        np::arange((-2, 3)) % 0
    );
    case!(
        "int8_floordiv_zero",
        "np.arange(3, dtype=np.int8) // np.int8(0)",
        np::floor_divide(np::arange(3).astype(np::int8), Scalar::from(0i8))
    );
    case!(
        "int_div_zero",
        "np.arange(-2, 3) / 0",
        np::arange((-2, 3)) / 0
    );
    case!(
        "int64_min_floordiv",
        "np.array([-2**63]) // -1",
        np::floor_divide(np::array![i64::MIN], -1)
    );
    case!("float_floordiv", "F // 2", np::floor_divide(f(), 2));
    case!(
        "float_floordiv_neg",
        "F // -2.5",
        np::floor_divide(f(), -2.5)
    );
    case!(
        "float_floordiv_zero",
        "F // 0.0",
        np::floor_divide(f(), 0.0)
    );
    case!("float_mod", "F % 2", f() % 2);
    case!("float_mod_neg", "F % -2.5", f() % -2.5);
    case!("float_mod_zero", "F % 0.0", f() % 0.0);
    case!("float_rmod", "3.0 % F", 3.0 % f());
    case!(
        "float_rfloordiv",
        "np.floor_divide(3.0, F)",
        np::floor_divide(3.0, f())
    );
    case!(
        "fmod_int",
        "np.fmod(np.array([-7, 7]), 3)",
        np::fmod(np::array![-7, 7], 3)
    );
    case!("fmod_float", "np.fmod(F, 2.5)", np::fmod(f(), 2.5));
    case!(
        "remainder_fn",
        "np.remainder(np.array([-7.5, 7.5]), 2)",
        np::remainder(np::array![-7.5, 7.5], 2)
    );
    case!(
        "mod_fn",
        "np.mod(np.array([-7, 7]), 3)",
        np::mod_(np::array![-7, 7], 3)
    );
    case!("float_div_specials", "F / F", f() / f());
    case!(
        "float_div_zero",
        "np.array([1.0, -1.0, 0.0]) / 0",
        np::array![1.0, -1.0, 0.0] / 0
    );
    case!("float_specials_add", "F + F", f() + f());
    case!("float_specials_mul", "F * 0", f() * 0);
    case!("float_specials_sub", "F - F", f() - f());
    case!(
        "overflow_to_inf",
        "np.array([1e308]) * 10",
        np::array![1e308] * 10
    );

    // ----- power ----------------------------------------------------------------------------
    case!("pow_int_neg", "np.arange(3) ** -1", np::arange(3).pow(-1));
    case!(
        "pow_int_neg_array",
        "np.array([2]) ** np.array([-1])",
        np::array![2].pow(np::array![-1])
    );
    case!(
        "pow_int_float",
        "np.arange(4) ** 2.0",
        np::arange(4).pow(2.0)
    );
    case!(
        "pow_int_half",
        "np.arange(4) ** 0.5",
        np::arange(4).pow(0.5)
    );
    case!(
        "pow_int_wrap",
        "np.array([2, 3]) ** np.array([70, 2])",
        np::array![2, 3].pow(np::array![70, 2])
    );
    case!(
        "pow_int8_200",
        "np.arange(3, dtype=np.int8) ** 200",
        np::arange(3).astype(np::int8).pow(200)
    );
    case!(
        "pow_float_neg",
        "np.array([2.0, 4.0]) ** -1",
        np::array![2.0, 4.0].pow(-1)
    );
    case!("pow_specials", "F ** 2", f().pow(2));
    case!("pow_specials_half", "F ** 0.5", f().pow(0.5));
    case!(
        "pow_zero_zero",
        "np.power(np.array([0, 0.0]), 0)",
        np::power(np::array![0, 0.0], 0)
    );
    case!("rpow", "2 ** np.arange(5)", np::power(2, np::arange(5)));
    case!(
        "rpow_float",
        "np.power(2.0, np.arange(-2, 3))",
        np::power(2.0, np::arange((-2, 3)))
    );
    case!("powi", "np.arange(4.0) ** 3", np::arange(4.0).powi(3));
    case!("powf", "np.arange(4.0) ** 1.5", np::arange(4.0).powf(1.5));
    case!(
        "pow_neg_base_frac",
        "np.array([-8.0]) ** (1/3)",
        np::array![-8.0].pow(1.0 / 3.0)
    );
    case!(
        "pow_complex",
        "np.array([1+2j, -1j]) ** 2",
        np::Array::from_vec(
            vec![Complex128::new(1.0, 2.0), Complex128::new(0.0, -1.0)],
            [2]
        )
        .pow(2)
    );

    // ----- broadcasting and layouts ---------------------------------------------------------
    case!(
        "add_broadcast_row",
        "np.ones((3, 4)) + np.arange(4)",
        np::ones([3, 4]) + np::arange(4)
    );
    case!(
        "mul_outer_broadcast",
        "np.arange(3).reshape(3, 1) * np.arange(4)",
        np::arange(3).reshape([3, 1]) * np::arange(4)
    );
    case!(
        "broadcast_3d",
        "np.arange(24).reshape(2, 3, 4) - np.arange(3).reshape(3, 1)",
        np::arange(24).reshape([2, 3, 4]) - np::arange(3).reshape([3, 1])
    );
    case!(
        "broadcast_error",
        "np.ones((3, 4)) + np.ones(5)",
        np::ones([3, 4]) + np::ones(5)
    );
    case!(
        "broadcast_error_3",
        "np.ones((2, 3)) * np.ones((3, 2))",
        np::ones([2, 3]) * np::ones([3, 2])
    );
    case!(
        "broadcast_0d",
        "np.array(2.0) * np.arange(3)",
        np::array(2.0) * np::arange(3)
    );
    case!(
        "broadcast_0d_0d",
        "np.array(2.0) * np.array(3)",
        np::array(2.0) * np::array(3)
    );
    case!(
        "empty_add",
        "np.ones((0, 3)) + np.arange(3)",
        np::ones([0, 3]) + np::arange(3)
    );
    case!(
        "empty_broadcast_1",
        "np.ones(0) + np.ones(1)",
        np::ones(0) + np::ones(1)
    );
    case!(
        "empty_error",
        "np.ones(0) + np.ones(2)",
        np::ones(0) + np::ones(2)
    );
    case!(
        "empty_scalar",
        "np.ones((2, 0), dtype=np.int8) * 3",
        np::ones([2, 0]).astype(np::int8) * 3
    );
    case!(
        "transposed",
        "X = np.arange(12).reshape(3, 4)\nX.T + X.T",
        {
            let x = np::arange(12).reshape([3, 4]);
            x.t() + x.t()
        }
    );
    case!(
        "transposed_mixed",
        "X = np.arange(12).reshape(3, 4)\nX.T * np.arange(3)",
        {
            let x = np::arange(12).reshape([3, 4]);
            x.t() * np::arange(3)
        }
    );
    case!(
        "strided",
        "np.arange(10)[::2] + np.arange(10)[1::2]",
        np::arange(10).slice(s![..;2]) + np::arange(10).slice(s![1..;2])
    );
    case!(
        "negative_stride",
        "np.arange(5)[::-1] - np.arange(5)",
        np::arange(5).slice(s![..;-1]) - np::arange(5)
    );
    case!(
        "negative_stride_2d",
        "X = np.arange(12.0).reshape(3, 4)\nX[::-1, ::-2] * 2",
        {
            let x = np::arange(12.0).reshape([3, 4]);
            x.slice(s![..;-1, ..;-2]) * 2
        }
    );
    case!(
        "broadcast_to_view",
        "np.broadcast_to(np.arange(3), (2, 3)) + 1",
        np::arange(3).broadcast_to([2, 3]) + 1
    );
    case!(
        "column_slice",
        "X = np.arange(12.0).reshape(3, 4)\nX[:, 1] / X[:, 2]",
        {
            let x = np::arange(12.0).reshape([3, 4]);
            x.slice(s![.., 1]) / x.slice(s![.., 2])
        }
    );
    case!(
        "big_broadcast",
        "np.ones((100, 768)) - np.arange(768.0)",
        np::ones([100, 768]) - np::arange(768.0)
    );
    case!(
        "complex_add",
        "np.array([1+2j, 3-1j]) + 1.5",
        np::Array::from_vec(
            vec![Complex128::new(1.0, 2.0), Complex128::new(3.0, -1.0)],
            [2]
        ) + 1.5
    );
    case!(
        "complex_div",
        "np.array([1+2j, 3-1j]) / np.array([1j, 2])",
        np::Array::from_vec(
            vec![Complex128::new(1.0, 2.0), Complex128::new(3.0, -1.0)],
            [2]
        ) / np::Array::from_vec(
            vec![Complex128::new(0.0, 1.0), Complex128::new(2.0, 0.0)],
            [2]
        )
    );
    case!(
        "complex_floordiv",
        "np.array([1+2j]) // 1",
        np::floor_divide(np::Array::from_vec(vec![Complex128::new(1.0, 2.0)], [1]), 1)
    );
    case!(
        "complex_mod",
        "np.array([1+2j]) % 1",
        np::Array::from_vec(vec![Complex128::new(1.0, 2.0)], [1]) % 1
    );

    // ----- free functions -------------------------------------------------------------------
    case!(
        "np_add",
        "np.add(np.arange(3), 1)",
        np::add(np::arange(3), 1)
    );
    case!(
        "np_subtract",
        "np.subtract(10, np.arange(3))",
        np::subtract(10, np::arange(3))
    );
    case!(
        "np_multiply",
        "np.multiply(np.arange(3), 2.5)",
        np::multiply(np::arange(3), 2.5)
    );
    case!(
        "np_divide",
        "np.divide(np.arange(3), 4)",
        np::divide(np::arange(3), 4)
    );
    case!(
        "np_true_divide",
        "np.true_divide(1, np.arange(1, 4))",
        np::true_divide(1, np::arange((1, 4)))
    );
    case!(
        "np_power",
        "np.power(np.arange(4), 3)",
        np::power(np::arange(4), 3)
    );
    case!(
        "np_add_error",
        "np.add(np.zeros(3), np.zeros(2))",
        np::try_add(np::zeros(3), np::zeros(2))
    );
    case!("method_add", "np.arange(3) + np.arange(3)", {
        let x = np::arange(3);
        x.add(&x)
    });
    case!(
        "method_floor_div",
        "np.arange(-3, 3) // 2",
        np::arange((-3, 3)).floor_div(2)
    );

    // ----- in-place -------------------------------------------------------------------------
    case!("iadd_int", "a = np.arange(3)\na += 2\na", {
        let mut x = np::arange(3);
        x += 2;
        x
    });
    case!("iadd_float_into_int", "a = np.arange(3)\na += 1.5\na", {
        let mut x = np::arange(3);
        x += 1.5;
        x
    });
    case!("itruediv_int", "a = np.arange(3)\na /= 2\na", {
        let mut x = np::arange(3);
        x /= 2;
        x
    });
    case!(
        "imul_f32_by_f64",
        "a = np.ones(3, dtype=np.float32)\na *= np.arange(3.0)\na",
        {
            let mut x = np::ones(3).astype(np::float32);
            x *= np::arange(3.0);
            x
        }
    );
    case!(
        "isub_broadcast",
        "a = np.zeros((2, 3))\na -= np.arange(3)\na",
        {
            let mut x = np::zeros([2, 3]);
            x -= np::arange(3);
            x
        }
    );
    case!(
        "iadd_bad_shape",
        "a = np.zeros(3)\na += np.ones((2, 3))\na",
        {
            let mut x = np::zeros(3);
            x += np::ones([2, 3]);
            x
        }
    );
    case!(
        "iadd_readonly",
        "a = np.broadcast_to(np.arange(3), (2, 3))\na += 1\na",
        {
            let mut x = np::arange(3).broadcast_to([2, 3]);
            x += 1;
            x
        }
    );
    case!(
        "iadd_view_writes_through",
        "a = np.arange(6.0)\nv = a[::2]\nv += 10\na",
        {
            let x = np::arange(6.0);
            let mut v = x.slice(s![..;2]);
            v += 10;
            x
        }
    );
    case!(
        "iadd_int8_overflow",
        "a = np.ones(2, dtype=np.int8)\na += 300\na",
        {
            let mut x = np::ones(2).astype(np::int8);
            x += 300;
            x
        }
    );
    case!("imod_int", "a = np.arange(-3, 3)\na %= 2\na", {
        let mut x = np::arange((-3, 3));
        x %= 2;
        x
    });
    case!(
        "iadd_uint_int",
        "a = np.arange(3, dtype=np.uint8)\na += np.arange(3, dtype=np.int8)\na",
        {
            let mut x = np::arange(3).astype(np::uint8);
            x += np::arange(3).astype(np::int8);
            x
        }
    );
    case!("iadd_self_alias", "a = np.arange(4.0)\na += a[::-1]\na", {
        let mut x = np::arange(4.0);
        let r = x.slice(s![..;-1]);
        x += &r;
        x
    });
    // The loop writes straight into the left side unless the right side overlaps it
    // elsewhere: these check both branches against NumPy's overlap rule.
    case!("iadd_self", "a = np.arange(4.0)\na += a\na", {
        let mut x = np::arange(4.0);
        let y = x.clone();
        x += &y;
        x
    });
    case!(
        "iadd_shifted_overlap",
        "a = np.arange(5.0)\nv = a[1:]\nv += a[:-1]\na",
        {
            let x = np::arange(5.0);
            let mut v = x.slice(s![1..]);
            v += &x.slice(s![..-1]);
            x
        }
    );
    case!(
        "iadd_own_row_broadcast",
        "a = np.arange(6.0).reshape(2, 3)\na += a[0]\na",
        {
            let mut x = np::arange(6.0).reshape([2, 3]);
            let r = x.slice(s![0]);
            x += &r;
            x
        }
    );
    case!(
        "iadd_row_view_from_other_row",
        "a = np.arange(6.0).reshape(2, 3)\nv = a[1]\nv += a[0]\na",
        {
            let x = np::arange(6.0).reshape([2, 3]);
            let mut v = x.slice(s![1]);
            v += &x.slice(s![0]);
            x
        }
    );
    case!(
        "isub_alias_handle_large",
        "a = np.arange(100000.0)\nb = a\nb -= 0.5\nb *= a\na[::9999]",
        {
            let x = np::arange(100000.0);
            let mut y = x.clone();
            y -= 0.5;
            y *= &x;
            x.slice(s![..;9999])
        }
    );
    case!(
        "imod_float_in_place",
        "a = np.arange(-3.0, 4.0)\na %= 2.5\na",
        {
            let mut x = np::arange((-3.0, 4.0));
            x %= 2.5;
            x
        }
    );

    // ----- matmul / dot ---------------------------------------------------------------------
    py_setup!(
        "M = np.arange(6.0).reshape(2, 3)\nN = np.arange(12.0).reshape(3, 4)\nV = np.arange(3.0)\nMI = np.arange(6).reshape(2, 3)"
    );
    let m = || np::arange(6.0).reshape([2, 3]);
    let nn = || np::arange(12.0).reshape([3, 4]);
    let v = || np::arange(3.0);
    let mi = || np::arange(6).reshape([2, 3]);
    case!("matmul_2d", "M @ N", m().matmul(nn()));
    case!("matmul_fn", "np.matmul(M, N)", np::matmul(m(), nn()));
    case!("matmul_int", "MI @ MI.T", mi().matmul(mi().t()));
    case!("matmul_int_float", "MI @ N", mi().matmul(nn()));
    case!("matmul_mv", "M @ V", m().matmul(v()));
    case!("matmul_vm", "V @ N", v().matmul(nn()));
    case!("matmul_vv", "V @ V", v().matmul(v()));
    case!(
        "matmul_f32",
        "M.astype(np.float32) @ N.astype(np.float32)",
        m().astype(np::float32).matmul(nn().astype(np::float32))
    );
    case!(
        "matmul_bool",
        "np.array([[True, False], [False, False]]) @ np.array([[True, True], [False, True]])",
        np::array![[true, false], [false, false]].matmul(np::array![[true, true], [false, true]])
    );
    case!(
        "matmul_complex",
        "np.array([[1+1j, 2]]) @ np.array([[1j], [1]])",
        np::Array::from_vec(
            vec![Complex128::new(1.0, 1.0), Complex128::new(2.0, 0.0)],
            [1, 2]
        )
        .matmul(np::Array::from_vec(
            vec![Complex128::new(0.0, 1.0), Complex128::new(1.0, 0.0)],
            [2, 1]
        ))
    );
    case!("matmul_transposed", "N.T @ M.T", nn().t().matmul(m().t()));
    case!(
        "matmul_strided",
        "N[::2, ::-1] @ N[:, ::2]",
        nn().slice(s![..;2, ..;-1]).matmul(nn().slice(s![.., ..;2]))
    );
    case!(
        "matmul_batch",
        "np.arange(24.0).reshape(2, 3, 4) @ N.T",
        np::arange(24.0).reshape([2, 3, 4]).matmul(nn().t())
    );
    case!(
        "matmul_batch_broadcast",
        "np.ones((2, 1, 2, 3)) @ np.ones((4, 3, 5))",
        np::ones([2, 1, 2, 3]).matmul(np::ones([4, 3, 5]))
    );
    case!(
        "matmul_batch_vec",
        "np.arange(24.0).reshape(2, 3, 4) @ np.arange(4.0)",
        np::arange(24.0).reshape([2, 3, 4]).matmul(np::arange(4.0))
    );
    case!(
        "matmul_mismatch",
        "np.ones((3, 4)) @ np.ones(5)",
        np::ones([3, 4]).matmul(np::ones(5))
    );
    case!(
        "matmul_mismatch_2d",
        "np.ones((3, 4)) @ np.ones((5, 2))",
        np::ones([3, 4]).matmul(np::ones([5, 2]))
    );
    case!(
        "matmul_mismatch_vec",
        "np.ones(4) @ np.ones((5, 3))",
        np::ones(4).matmul(np::ones([5, 3]))
    );
    case!(
        "matmul_0d",
        "np.ones(()) @ np.ones(3)",
        np::ones(()).matmul(np::ones(3))
    );
    case!(
        "matmul_0d_right",
        "np.ones(3) @ np.ones(())",
        np::ones(3).matmul(np::ones(()))
    );
    case!(
        "matmul_batch_error",
        "np.ones((2, 3, 4)) @ np.ones((3, 4, 5))",
        np::ones([2, 3, 4]).matmul(np::ones([3, 4, 5]))
    );
    case!(
        "matmul_empty",
        "np.ones((0, 3)) @ np.ones((3, 2))",
        np::ones([0, 3]).matmul(np::ones([3, 2]))
    );
    case!(
        "matmul_empty_k",
        "np.ones((2, 0)) @ np.ones((0, 2))",
        np::ones([2, 0]).matmul(np::ones([0, 2]))
    );
    case!(
        "matmul_large",
        "np.arange(64 * 48.0).reshape(64, 48) @ np.arange(48 * 32.0).reshape(48, 32) / 1e6",
        np::arange(64.0 * 48.0)
            .reshape([64, 48])
            .matmul(np::arange(48.0 * 32.0).reshape([48, 32]))
            / 1e6
    );
    case!("dot_2d", "np.dot(M, N)", np::dot(m(), nn()));
    case!(
        "dot_bias",
        "np.dot(M, N) + np.arange(4)",
        np::dot(m(), nn()) + np::arange(4)
    );
    case!("dot_1d", "np.dot(V, V)", np::dot(v(), v()));
    case!(
        "dot_scalar",
        "np.dot(3, np.ones(2))",
        np::dot(np::array(3), np::ones(2))
    );
    case!(
        "dot_nd",
        "np.dot(np.ones((2, 3, 4)), np.ones((5, 4, 2)))",
        np::dot(np::ones([2, 3, 4]), np::ones([5, 4, 2]))
    );
    case!(
        "dot_nd_values",
        "np.dot(np.arange(24.0).reshape(2, 3, 4), np.arange(40.0).reshape(5, 4, 2))",
        np::dot(
            np::arange(24.0).reshape([2, 3, 4]),
            np::arange(40.0).reshape([5, 4, 2])
        )
    );
    case!(
        "dot_error",
        "np.dot(np.ones((2, 3)), np.ones(4))",
        np::dot(np::ones([2, 3]), np::ones(4))
    );
    case!(
        "dot_error_2d",
        "np.dot(np.ones((2, 3)), np.ones((4, 5)))",
        np::dot(np::ones([2, 3]), np::ones([4, 5]))
    );
    case!("dot_method", "M.dot(V)", m().dot(v()));
    case!("inner_1d", "np.inner(V, V)", np::inner(v(), v()));
    case!("inner_2d", "np.inner(M, M)", np::inner(m(), m()));
    case!(
        "inner_error",
        "np.inner(np.ones((2, 3)), np.ones((2, 4)))",
        np::inner(np::ones([2, 3]), np::ones([2, 4]))
    );
    case!(
        "outer",
        "np.outer(np.arange(3), np.arange(4.0))",
        np::outer(np::arange(3), np::arange(4.0))
    );
    case!("outer_2d", "np.outer(M, V)", np::outer(m(), v()));
    case!(
        "vdot",
        "np.vdot(np.ones((2, 2)), np.ones(4))",
        np::vdot(np::ones([2, 2]), np::ones(4))
    );
    case!(
        "vdot_complex",
        "np.vdot(np.array([1+2j, 3j]), np.array([1j, 1]))",
        np::vdot(
            np::Array::from_vec(
                vec![Complex128::new(1.0, 2.0), Complex128::new(0.0, 3.0)],
                [2]
            ),
            np::Array::from_vec(
                vec![Complex128::new(0.0, 1.0), Complex128::new(1.0, 0.0)],
                [2]
            )
        )
    );
}

//! Printing: `repr()` (Rust `{:?}`) and `str()` (Rust `{}`) of arrays and scalars, compared
//! exactly with `case_repr!` / `case_str!`.
//!
//! Cases that change print options compute the text inside `np::printoptions(...)` on the
//! Rust side and inside `with np.printoptions(...)` on the NumPy side, so later cases see the
//! defaults again.

use arraylib as np;
use arraylib::{s, Array, Complex128, Complex64, DType, FloatMode, PrintOptions, Scalar, Sign};

/// A Python float literal for a Rust float.
fn pyf(x: f64) -> String {
    if x.is_nan() {
        "np.nan".into()
    } else if x.is_infinite() {
        if x > 0.0 { "np.inf" } else { "-np.inf" }.into()
    } else {
        format!("{x:?}")
    }
}

/// A Python list literal.
fn pylist(v: &[f64]) -> String {
    let parts: Vec<String> = v.iter().map(|&x| pyf(x)).collect();
    format!("[{}]", parts.join(", "))
}

fn pycomplex(v: &[(f64, f64)]) -> String {
    let parts: Vec<String> = v
        .iter()
        .map(|&(r, i)| format!("complex({}, {})", pyf(r), pyf(i)))
        .collect();
    format!("[{}]", parts.join(", "))
}

fn f64s(v: &[f64]) -> Array {
    Array::from(v.to_vec())
}

fn f32s(v: &[f64]) -> Array {
    Array::from(v.iter().map(|&x| x as f32).collect::<Vec<f32>>())
}

fn c128s(v: &[(f64, f64)]) -> Array {
    Array::from(
        v.iter()
            .map(|&(r, i)| Complex128::new(r, i))
            .collect::<Vec<_>>(),
    )
}

fn c64s(v: &[(f64, f64)]) -> Array {
    Array::from(
        v.iter()
            .map(|&(r, i)| Complex64::new(r as f32, i as f32))
            .collect::<Vec<_>>(),
    )
}

/// Both `repr` and `str` of one array.
fn both(name: &str, py: &str, a: &Array) {
    case_repr!(&format!("{name}_repr"), py, a);
    case_str!(&format!("{name}_str"), py, a);
}

const FLOAT_SETS: &[(&str, &[f64])] = &[
    ("zero", &[0.0]),
    ("ints", &[1.0, 2.0, 3.0]),
    ("tenths", &[0.1, 0.2, 0.3]),
    ("thirds", &[0.3333333333333333, 0.6666666666666666]),
    ("mixed_sign", &[-1.5, 2.25, 3.125]),
    ("small", &[1e-5, 1.0]),
    ("tiny_only", &[1e-10, 2e-10]),
    ("big8", &[1e8, 1.0]),
    ("big7", &[1e7, 1.0]),
    ("just_below_1e8", &[99999999.0, 1.5]),
    ("big9", &[123456789.0]),
    ("e16", &[1e16, 1.0]),
    ("extreme", &[1e-300, 1e300]),
    ("nan_one", &[f64::NAN, 1.0]),
    ("nonfinite", &[f64::INFINITY, f64::NEG_INFINITY, f64::NAN]),
    ("nan_only", &[f64::NAN]),
    ("neginf_only", &[f64::NEG_INFINITY]),
    ("inf_big", &[f64::INFINITY, 1e10]),
    ("nan_small", &[f64::NAN, 1e-7, 2.5]),
    ("signed_zero", &[0.0, -0.0]),
    ("neg_zero", &[-0.0]),
    ("tiny_and_one", &[1e-10, 1.0]),
    ("ratio_1000", &[0.001, 1.0]),
    ("ratio_over_1000", &[0.001, 1.1]),
    ("ratio_e6", &[0.001, 1000.1]),
    ("pi_e", &[3.141592653589793, 2.718281828459045]),
    ("hundred_half", &[100.0, 0.5]),
    ("quarter", &[-0.5, 0.25]),
    ("denormal", &[5e-324]),
    ("max", &[1.7976931348623157e308]),
    ("min_pos", &[2.2250738585072014e-308, 1.0]),
    ("e_minus4", &[1e-4, 1.0]),
    ("below_e_minus4", &[9.999999999e-5, 1.0]),
    ("round_up", &[0.999999999, 0.5]),
    ("round_up2", &[9.9999999999, 1.0]),
    (
        "random",
        &[
            0.3745401188473625,
            0.9507143064099162,
            0.7319939418114051,
            0.5986584841970366,
        ],
    ),
    (
        "randn",
        &[
            0.4967141530112327,
            -0.13826430117118466,
            0.6476885381006925,
            1.5230298564080254,
            -0.23415337472333597,
        ],
    ),
    (
        "randn_big",
        &[
            -46.9474386,
            54.2560043,
            -46.3417693,
            -46.5729754,
            241.962272,
        ],
    ),
    (
        "norm_means",
        &[
            -3.552713678800501e-17,
            1.7763568394002505e-17,
            -8.881784197001252e-18,
        ],
    ),
    ("money", &[19.99, 5.0, 120.5, 0.01]),
    ("large_ints", &[1234567.0, 7654321.0]),
    ("mid", &[12345.678, 0.001234]),
    ("neg_small", &[-1e-5, 1.0]),
    ("neg_all", &[-1.0, -2.5, -100.0]),
    ("half_steps", &[0.0, 0.5, 1.0, 1.5, 2.0, 2.5]),
    ("f32_tricky", &[0.1, 0.7, 1.1, 16777217.0]),
    ("prec_cut", &[1.23456789012, 2.0]),
    ("prec_cut_neg", &[-1.23456789012, 2.0]),
    ("carry", &[0.999999996, 1.0]),
];

fn float_cases() {
    for (name, v) in FLOAT_SETS {
        let list = pylist(v);
        both(
            &format!("f64_{name}"),
            &format!("np.array({list})"),
            &f64s(v),
        );
        both(
            &format!("f32_{name}"),
            &format!("np.array({list}, dtype=np.float32)"),
            &f32s(v),
        );
    }
    // 2-D float arrays: column alignment, negative padding.
    let v = [1.0, -2.5, 3.25, 400.0, 0.5, -0.125];
    both(
        "f64_2x3",
        &format!("np.array({}).reshape(2, 3)", pylist(&v)),
        &f64s(&v).reshape([2, 3]),
    );
    both(
        "f64_3x2",
        &format!("np.array({}).reshape(3, 2)", pylist(&v)),
        &f64s(&v).reshape([3, 2]),
    );
    let eye = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0];
    both("f64_eye", "np.eye(3)", &f64s(&eye).reshape([3, 3]));
    both("f64_ones_234", "np.ones((2, 3, 4))", &np::ones([2, 3, 4]));
    both("f64_zeros_2x3", "np.zeros((2, 3))", &np::zeros([2, 3]));
    both(
        "f32_ones_22",
        "np.ones((2, 2), dtype=np.float32)",
        &np::ones([2, 2]).astype(DType::Float32),
    );
    let tenth: Vec<f64> = (0..30).map(|i| i as f64 * 0.1).collect();
    both("f64_tenths_30", "np.arange(30) * 0.1", &f64s(&tenth));
    both(
        "f64_tenths_5x6",
        "(np.arange(30) * 0.1).reshape(5, 6)",
        &f64s(&tenth).reshape([5, 6]),
    );
    let sq: Vec<f64> = (0..40).map(|i| (i as f64).sqrt()).collect();
    both("f64_sqrt_40", "np.sqrt(np.arange(40.0))", &f64s(&sq));
    both(
        "f64_sqrt_4x10",
        "np.sqrt(np.arange(40.0)).reshape(4, 10)",
        &f64s(&sq).reshape([4, 10]),
    );
    both(
        "f32_sqrt_40",
        "np.sqrt(np.arange(40.0)).astype(np.float32)",
        &f32s(&sq),
    );
    let exps: Vec<f64> = (0..12).map(|i| 10f64.powi(i - 6)).collect();
    both(
        "f64_powers",
        &format!("np.array({})", pylist(&exps)),
        &f64s(&exps),
    );
    both(
        "f64_powers_3x4",
        &format!("np.array({}).reshape(3, 4)", pylist(&exps)),
        &f64s(&exps).reshape([3, 4]),
    );
    let big: Vec<f64> = (0..10).map(|i| 1e100 * (i as f64 + 1.0)).collect();
    both(
        "f64_exp3",
        &format!("np.array({})", pylist(&big)),
        &f64s(&big),
    );
    let lin: Vec<f64> = (0..1001).map(|i| i as f64 * 0.001).collect();
    both("f64_summary_1001", "np.arange(1001) * 0.001", &f64s(&lin));
    let lin2: Vec<f64> = (0..2000).map(|i| i as f64 * 0.5 - 300.0).collect();
    both(
        "f64_summary_2d",
        "(np.arange(2000) * 0.5 - 300.0).reshape(40, 50)",
        &f64s(&lin2).reshape([40, 50]),
    );
    both(
        "f32_summary_3d",
        "(np.arange(2000) * 0.5 - 300.0).astype(np.float32).reshape(10, 10, 20)",
        &f32s(&lin2).reshape([10, 10, 20]),
    );
}

fn int_cases() {
    both("i64_arange5", "np.arange(5)", &np::arange(5));
    both(
        "i64_arange12_34",
        "np.arange(12).reshape(3, 4)",
        &np::arange(12).reshape([3, 4]),
    );
    both(
        "i64_arange24_234",
        "np.arange(24).reshape(2, 3, 4)",
        &np::arange(24).reshape([2, 3, 4]),
    );
    both(
        "i64_4d",
        "np.arange(48).reshape(2, 2, 3, 4)",
        &np::arange(48).reshape([2, 2, 3, 4]),
    );
    both(
        "i64_5d",
        "np.arange(32).reshape(2, 2, 2, 2, 2)",
        &np::arange(32).reshape([2, 2, 2, 2, 2]),
    );
    both("i64_neg", "np.arange(-5, 5)", &np::arange((-5, 5)));
    both(
        "i64_neg_2d",
        "np.arange(-6, 6).reshape(3, 4)",
        &np::arange((-6, 6)).reshape([3, 4]),
    );
    both("i64_wrap_100", "np.arange(100)", &np::arange(100));
    both("i64_wrap_neg", "np.arange(-50, 50)", &np::arange((-50, 50)));
    both(
        "i64_wrap_4x25",
        "np.arange(100).reshape(4, 25)",
        &np::arange(100).reshape([4, 25]),
    );
    both(
        "i64_wrap_2x2x30",
        "np.arange(120).reshape(2, 2, 30)",
        &np::arange(120).reshape([2, 2, 30]),
    );
    both("i64_summary_2000", "np.arange(2000)", &np::arange(2000));
    both("i64_summary_1001", "np.arange(1001)", &np::arange(1001));
    both("i64_no_summary_1000", "np.arange(1000)", &np::arange(1000));
    both(
        "i64_summary_2x1000",
        "np.arange(2000).reshape(2, 1000)",
        &np::arange(2000).reshape([2, 1000]),
    );
    both(
        "i64_summary_1000x2",
        "np.arange(2000).reshape(1000, 2)",
        &np::arange(2000).reshape([1000, 2]),
    );
    both(
        "i64_summary_3d",
        "np.arange(3000).reshape(10, 15, 20)",
        &np::arange(3000).reshape([10, 15, 20]),
    );
    both(
        "i64_summary_4d",
        "np.arange(2401).reshape(7, 7, 7, 7)",
        &np::arange(2401).reshape([7, 7, 7, 7]),
    );
    both(
        "i64_summary_7x200",
        "np.arange(1400).reshape(7, 200)",
        &np::arange(1400).reshape([7, 200]),
    );
    both(
        "i64_extremes",
        "np.array([-9223372036854775808, 9223372036854775807])",
        &Array::from(vec![i64::MIN, i64::MAX]),
    );
    both(
        "i8",
        "np.array([-128, 0, 127], dtype=np.int8)",
        &Array::from(vec![-128i8, 0, 127]),
    );
    both(
        "i16",
        "np.array([-300, 7], dtype=np.int16)",
        &Array::from(vec![-300i16, 7]),
    );
    both(
        "i32",
        "np.arange(6, dtype=np.int32).reshape(2, 3)",
        &np::arange(6).astype(DType::Int32).reshape([2, 3]),
    );
    both(
        "u8",
        "np.array([0, 255, 7], dtype=np.uint8)",
        &Array::from(vec![0u8, 255, 7]),
    );
    both(
        "u16",
        "np.array([65535], dtype=np.uint16)",
        &Array::from(vec![65535u16]),
    );
    both(
        "u32",
        "np.array([1, 4294967295], dtype=np.uint32)",
        &Array::from(vec![1u32, 4294967295]),
    );
    both(
        "u64",
        "np.array([0, 18446744073709551615], dtype=np.uint64)",
        &Array::from(vec![0u64, u64::MAX]),
    );
    both(
        "i32_summary",
        "np.arange(1500, dtype=np.int32)",
        &np::arange(1500).astype(DType::Int32),
    );
    both(
        "u8_wrap",
        "np.arange(200, dtype=np.uint8)",
        &np::arange(200).astype(DType::UInt8),
    );
    both(
        "i64_col",
        "np.arange(5).reshape(5, 1)",
        &np::arange(5).reshape([5, 1]),
    );
    both(
        "i64_row",
        "np.arange(5).reshape(1, 5)",
        &np::arange(5).reshape([1, 5]),
    );
    both(
        "i64_111",
        "np.arange(1).reshape(1, 1, 1)",
        &np::arange(1).reshape([1, 1, 1]),
    );
}

fn bool_cases() {
    let b = Array::from(vec![false, true, false, true, true]);
    both("bool_1d", "np.array([False, True, False, True, True])", &b);
    both(
        "bool_all_true",
        "np.array([True, True])",
        &Array::from(vec![true, true]),
    );
    both(
        "bool_all_false",
        "np.array([False])",
        &Array::from(vec![false]),
    );
    let b6 = Array::from(vec![true, false, false, true, true, false]);
    both(
        "bool_2d",
        "np.array([True, False, False, True, True, False]).reshape(2, 3)",
        &b6.reshape([2, 3]),
    );
    let many: Vec<bool> = (0..40).map(|i| i % 3 == 0).collect();
    both("bool_wrap", "np.arange(40) % 3 == 0", &Array::from(many));
    let lots: Vec<bool> = (0..1200).map(|i| i % 2 == 1).collect();
    both(
        "bool_summary",
        "np.arange(1200) % 2 == 1",
        &Array::from(lots),
    );
}

fn complex_cases() {
    let sets: &[(&str, &[(f64, f64)])] = &[
        ("simple", &[(1.0, 2.0), (3.0, -4.0)]),
        ("frac", &[(1.0, 2.0), (3.0, -4.5)]),
        ("zeros", &[(0.0, 0.0), (0.0, 1.0)]),
        ("neg_zero", &[(-0.0, -0.0)]),
        ("exp", &[(1e-5, 1.0), (2.0, 1e10)]),
        ("nan", &[(f64::NAN, 1.0), (1.0, f64::NAN)]),
        ("inf", &[(f64::INFINITY, -1.0), (1.0, f64::NEG_INFINITY)]),
        (
            "thirds",
            &[(0.3333333333333333, -0.6666666666666666), (1.0, 0.0)],
        ),
        ("only_imag", &[(0.0, 1.0), (0.0, -1.0), (0.0, 2.5)]),
        ("real_only", &[(1.5, 0.0), (-2.0, 0.0)]),
    ];
    for (name, v) in sets {
        let list = pycomplex(v);
        both(
            &format!("c128_{name}"),
            &format!("np.array({list})"),
            &c128s(v),
        );
        both(
            &format!("c64_{name}"),
            &format!("np.array({list}, dtype=np.complex64)"),
            &c64s(v),
        );
    }
    let v: Vec<(f64, f64)> = (0..12).map(|i| (i as f64, 0.0 - i as f64 * 0.5)).collect();
    both(
        "c128_2d",
        "(np.arange(12) - 0.5j * np.arange(12)).reshape(3, 4)",
        &c128s(&v).reshape([3, 4]),
    );
    let v: Vec<(f64, f64)> = (0..30).map(|i| (i as f64 * 0.25, 1.0)).collect();
    both("c128_wrap", "np.arange(30) * 0.25 + 1j", &c128s(&v));
}

/// 0-d results: NumPy returns a scalar (`np.float64(6.0)`) from ufuncs, operators, reductions
/// along axes, products and linear algebra, and a 0-d array from constructors, views, copies
/// and reshapes.
fn scalar_result_cases() {
    let v = || np::array![1.0, 2.0, 3.0];
    let z = || np::full((), 2.0);
    let m = || np::array![[1.0, 2.0], [3.0, 4.0]];
    let py_v = "v = np.array([1.0, 2.0, 3.0])\n";
    let py_m = "m = np.array([[1.0, 2.0], [3.0, 4.0]])\n";
    // ufuncs
    both("sr_sqrt_0d", "np.sqrt(np.array(2.0))", &np::sqrt(z()));
    both(
        "sr_sqrt_scalar",
        "np.sqrt(np.float64(2.0))",
        &np::sqrt(Scalar::from(2.0)),
    );
    both("sr_sqrt_number", "np.sqrt(2.0)", &np::sqrt(2.0));
    both(
        "sr_exp_f32",
        "np.exp(np.array(0.5, dtype=np.float32))",
        &np::exp(Scalar::from(0.5f32).to_array()),
    );
    both("sr_isnan", "np.isnan(np.array(2.0))", &np::isnan(z()));
    both(
        "sr_abs_int",
        "np.abs(np.array(-3))",
        &np::abs(np::full((), -3)),
    );
    both(
        "sr_round_int",
        "np.round(np.array(3))",
        &np::round(np::full((), 3), 0),
    );
    both(
        "sr_round_f64",
        "np.round(np.array(2.567), 2)",
        &np::round(np::full((), 2.567), 2),
    );
    both(
        "sr_floor",
        "np.floor(np.array(2.5))",
        &np::floor(np::full((), 2.5)),
    );
    both(
        "sr_maximum",
        "np.maximum(np.array(2.0), 3)",
        &np::maximum(z(), 3),
    );
    both(
        "sr_clip",
        "np.clip(np.array(2.0), 0, 1)",
        &np::clip(z(), 0, 1),
    );
    both(
        "sr_hypot",
        "np.hypot(np.array(3.0), 4)",
        &np::hypot(np::full((), 3.0), 4),
    );
    // operators
    both("sr_add", "np.array(2.0) + 1", &(z() + 1));
    both("sr_radd", "1 + np.array(2.0)", &(1 + z()));
    both("sr_mul_0d", "np.array(2.0) * np.array(2.0)", &(z() * z()));
    both("sr_neg", "-np.array(2.0)", &(-z()));
    both(
        "sr_scalar_plus_0d",
        "np.float64(2.0) + np.array(1.0)",
        &(Scalar::from(2.0) + np::full((), 1.0)),
    );
    both("sr_div_int", "np.array(3) / 2", &(np::full((), 3) / 2));
    both("sr_eq", "np.array(2.0) == 2", &np::equal(z(), 2));
    both("sr_lt", "np.array(2.0) < 1", &z().lt(1));
    both(
        "sr_and_int",
        "np.array(3) & 1",
        &np::bitwise_and(np::full((), 3), 1),
    );
    both(
        "sr_logical_not",
        "np.logical_not(np.array(2.0))",
        &np::logical_not(z()),
    );
    both(
        "sr_isclose",
        "np.isclose(np.array(2.0), 2)",
        &np::isclose(z(), 2),
    );
    both(
        "sr_complex",
        "np.array(1+2j) * 2",
        &(Scalar::from(Complex128::new(1.0, 2.0)).to_array() * 2),
    );
    both(
        "sr_complex64",
        "np.array(1+2j, dtype=np.complex64) + 1",
        &(Scalar::from(Complex64::new(1.0, 2.0)).to_array() + 1),
    );
    both(
        "sr_f32_add",
        "np.array(1.5, dtype=np.float32) + 1",
        &(Scalar::from(1.5f32).to_array() + 1),
    );
    both("sr_iadd", "s = np.array(2.0) + 1\ns += 1\ns", &{
        let mut s = z() + 1;
        s += 1;
        s
    });
    // reductions along axes
    both(
        "sr_sum_axis",
        &format!("{py_v}np.sum(v, axis=0)"),
        &v().sum_axis(0, false),
    );
    both(
        "sr_sum_axes_2d",
        &format!("{py_m}m.sum(axis=(0, 1))"),
        &m().sum_axis([0, 1], false),
    );
    both(
        "sr_sum_axis_int",
        "np.arange(4).sum(axis=0)",
        &np::arange(4).sum_axis(0, false),
    );
    both(
        "sr_sum_0d_axis",
        "np.sum(np.array(2.5), axis=0)",
        &np::full((), 2.5).sum_axis(0, false),
    );
    both(
        "sr_mean_axis",
        &format!("{py_v}np.mean(v, axis=0)"),
        &v().mean_axis(0, false),
    );
    both(
        "sr_var_axis",
        &format!("{py_v}np.var(v, axis=0)"),
        &v().var_axis(0, false),
    );
    both(
        "sr_std_axis",
        &format!("{py_v}np.std(v, axis=0)"),
        &v().std_axis(0, false),
    );
    both(
        "sr_max_axis",
        &format!("{py_v}np.max(v, axis=0)"),
        &v().max_axis(0, false),
    );
    both(
        "sr_argmax_axis",
        &format!("{py_v}np.argmax(v, axis=0)"),
        &v().argmax_axis(0, false),
    );
    both(
        "sr_any_axis",
        &format!("{py_v}np.any(v, axis=0)"),
        &v().any_axis(0, false),
    );
    both(
        "sr_count_nonzero_axis",
        &format!("{py_v}np.count_nonzero(v, axis=0)"),
        &np::count_nonzero_axis(v(), 0, false),
    );
    both(
        "sr_ptp_axis",
        &format!("{py_v}np.ptp(v, axis=0)"),
        &np::ptp_axis(v(), 0, false),
    );
    both(
        "sr_nanmean_axis",
        &format!("{py_v}np.nanmean(v, axis=0)"),
        &np::nanmean_axis(v(), 0, false),
    );
    both(
        "sr_median_axis",
        &format!("{py_v}np.median(v, axis=0)"),
        &np::median_axis(v(), 0, false),
    );
    both(
        "sr_percentile_axis",
        &format!("{py_v}np.percentile(v, 25, axis=0)"),
        &np::percentile_axis(v(), 25.0, 0, false),
    );
    // products
    both(
        "sr_inner",
        &format!("{py_v}np.inner(v, v)"),
        &np::inner(v(), v()),
    );
    both("sr_dot", &format!("{py_v}np.dot(v, v)"), &np::dot(v(), v()));
    both(
        "sr_dot_int",
        "np.dot(np.arange(3), np.arange(3))",
        &np::dot(np::arange(3), np::arange(3)),
    );
    both(
        "sr_dot_0d",
        "np.dot(np.array(2.0), np.array(2.0))",
        &np::dot(z(), z()),
    );
    both("sr_matmul", &format!("{py_v}v @ v"), &v().matmul(v()));
    both(
        "sr_einsum_ii",
        &format!("{py_v}np.einsum('i,i', v, v)"),
        &np::einsum("i,i", &[v(), v()]),
    );
    both(
        "sr_einsum_sum",
        &format!("{py_m}np.einsum('ij->', m)"),
        &np::einsum("ij->", &[m()]),
    );
    both(
        "sr_einsum_trace",
        &format!("{py_m}np.einsum('ii', m)"),
        &np::einsum("ii", &[m()]),
    );
    // linear algebra
    // A diagonal matrix, so that the last digit does not depend on the LU kernel.
    let d = || np::array![[2.0, 0.0], [0.0, 3.0]];
    let py_d = "d = np.array([[2.0, 0.0], [0.0, 3.0]])\n";
    both(
        "sr_det",
        &format!("{py_d}np.linalg.det(d)"),
        &np::linalg::det_stack(d()),
    );
    both(
        "sr_norm_axis",
        &format!("{py_v}np.linalg.norm(v, axis=0)"),
        &np::linalg::norm_axis(v(), None, 0, false),
    );
    both(
        "sr_norm_with",
        &format!("{py_m}np.linalg.norm(m)"),
        &np::linalg::try_norm_with(m(), None, None, false).unwrap(),
    );
    // indexing every axis with an integer, and functions that pick one element
    both(
        "sr_int_index",
        "np.arange(3.0)[1]",
        &np::arange(3.0).slice(s![1]),
    );
    both(
        "sr_int_index_2d",
        "np.arange(6).reshape(2, 3)[1, -1]",
        &np::arange(6).reshape([2, 3]).index(s![1, -1]),
    );
    both(
        "sr_take",
        "np.take(np.arange(3.0), 1)",
        &np::take(np::arange(3.0), Scalar::from(1i64).to_array()),
    );
    both(
        "sr_searchsorted",
        "np.searchsorted(np.arange(3.0), 1.5)",
        &np::searchsorted(np::arange(3.0), 1.5),
    );
    // these stay 0-d arrays, as in NumPy
    both(
        "sr_int_index_ellipsis",
        "np.arange(3.0)[1, ...]",
        &np::arange(3.0).slice(s![1, np::Ellipsis]),
    );
    both("sr_array", "np.array(2.0)", &np::array(2.0));
    both("sr_zeros", "np.zeros(())", &np::zeros(()));
    both(
        "sr_reshape",
        "np.array([5.0]).reshape(())",
        &np::array![5.0].reshape(()),
    );
    both("sr_where", "np.where(True, 1, 2)", &np::where_(true, 1, 2));
    both(
        "sr_squeeze",
        "np.squeeze(np.array([1.0]))",
        &np::squeeze(np::array![1.0]),
    );
    both("sr_real", "np.real(np.array(2.0))", &np::real(z()));
    // NumPy's scalar methods (`s.reshape(())`, `s.copy()`, `s.T`) give scalars; arraylib has
    // one `Array` for both, and its views, reshapes and copies are arrays.
    both(
        "sr_view_of_result",
        &format!("{py_v}np.sum(v, axis=0)[...]"),
        &v().sum_axis(0, false).reshape(()),
    );
    case_repr!(
        "sr_reshape_of_result",
        &format!("{py_v}np.sum(v, axis=0).reshape(())"),
        v().sum_axis(0, false).reshape(()),
        known = "a reshape of a scalar result is a 0-d array: arraylib has no scalar methods"
    );
    both(
        "sr_asarray_of_result",
        &format!("{py_v}np.asarray(np.sum(v, axis=0))"),
        &np::asarray(v().sum_axis(0, false)),
    );
    both(
        "sr_array_of_result",
        &format!("{py_v}np.array(np.sum(v, axis=0))"),
        &np::array(v().sum_axis(0, false)),
    );
    both(
        "sr_copy_of_result",
        &format!("{py_v}np.copy(np.sum(v, axis=0))"),
        &v().sum_axis(0, false).copy(),
    );
    // `t = s` keeps the scalar
    both(
        "sr_clone",
        &format!("{py_v}s = np.sum(v, axis=0)\nt = s\nt"),
        &v().sum_axis(0, false).clone(),
    );
}

fn zero_d_cases() {
    both("0d_f64", "np.array(1.5)", &Scalar::from(1.5).to_array());
    both("0d_f64_int", "np.array(2.0)", &Scalar::from(2.0).to_array());
    both(
        "0d_f64_small",
        "np.array(1e-5)",
        &Scalar::from(1e-5).to_array(),
    );
    both(
        "0d_f64_third",
        "np.array(1/3)",
        &Scalar::from(1.0 / 3.0).to_array(),
    );
    both(
        "0d_f64_big",
        "np.array(1e20)",
        &Scalar::from(1e20).to_array(),
    );
    both(
        "0d_f64_nan",
        "np.array(np.nan)",
        &Scalar::from(f64::NAN).to_array(),
    );
    both(
        "0d_f64_neginf",
        "np.array(-np.inf)",
        &Scalar::from(f64::NEG_INFINITY).to_array(),
    );
    both(
        "0d_f32",
        "np.array(0.1, dtype=np.float32)",
        &Scalar::from(0.1f32).to_array(),
    );
    both("0d_i64", "np.array(7)", &Scalar::from(7i64).to_array());
    both(
        "0d_i8",
        "np.array(-7, dtype=np.int8)",
        &Scalar::from(-7i8).to_array(),
    );
    both(
        "0d_u64",
        "np.array(7, dtype=np.uint64)",
        &Scalar::from(7u64).to_array(),
    );
    both("0d_bool", "np.array(True)", &Scalar::from(true).to_array());
    both(
        "0d_bool_f",
        "np.array(False)",
        &Scalar::from(false).to_array(),
    );
    both(
        "0d_c128",
        "np.array(1+2j)",
        &Scalar::from(Complex128::new(1.0, 2.0)).to_array(),
    );
    both(
        "0d_c64",
        "np.array(1.5-2j, dtype=np.complex64)",
        &Scalar::from(Complex64::new(1.5, -2.0)).to_array(),
    );
    both(
        "0d_c128_imag",
        "np.array(1j)",
        &Scalar::from(Complex128::new(0.0, 1.0)).to_array(),
    );
}

fn empty_cases() {
    both("empty_f64", "np.zeros(0)", &np::zeros(0));
    both("empty_0x3", "np.zeros((0, 3))", &np::zeros([0, 3]));
    both("empty_3x0", "np.zeros((3, 0))", &np::zeros([3, 0]));
    both("empty_2x0x4", "np.zeros((2, 0, 4))", &np::zeros([2, 0, 4]));
    both("empty_i64", "np.arange(0)", &np::arange(0));
    both(
        "empty_i32",
        "np.zeros(0, dtype=np.int32)",
        &np::zeros(0).astype(DType::Int32),
    );
    both(
        "empty_bool",
        "np.zeros((0, 2), dtype=bool)",
        &np::zeros([0, 2]).astype(DType::Bool),
    );
    both(
        "empty_f32",
        "np.zeros(0, dtype=np.float32)",
        &np::zeros(0).astype(DType::Float32),
    );
    both(
        "empty_c128",
        "np.zeros(0, dtype=complex)",
        &np::zeros(0).astype(DType::Complex128),
    );
    both(
        "empty_slice",
        "np.arange(10)[5:5]",
        &np::arange(10).slice(s![5..5]),
    );
}

fn view_cases() {
    let a = np::arange(12).reshape([3, 4]);
    both("view_t", "np.arange(12).reshape(3, 4).T", &a.t());
    both(
        "view_rev",
        "np.arange(10)[::-1]",
        &np::arange(10).slice(s![..;-1]),
    );
    both(
        "view_step",
        "np.arange(10)[1::3]",
        &np::arange(10).slice(s![1..;3]),
    );
    both(
        "view_2d_rev",
        "np.arange(12).reshape(3, 4)[::-1, ::-2]",
        &a.slice(s![..;-1, ..;-2]),
    );
    both(
        "view_col",
        "np.arange(12).reshape(3, 4)[:, 1]",
        &a.slice(s![.., 1]),
    );
    both(
        "view_newaxis",
        "np.arange(3)[:, None]",
        &np::arange(3).slice(s![.., np::NewAxis]),
    );
    let f = f64s(&[1.0, -2.5, 3.25, 400.0, 0.5, -0.125]).reshape([2, 3]);
    both(
        "view_f64_t",
        &format!(
            "np.array({}).reshape(2, 3).T",
            pylist(&[1.0, -2.5, 3.25, 400.0, 0.5, -0.125])
        ),
        &f.t(),
    );
    both(
        "view_broadcast",
        "np.broadcast_to(np.arange(3), (2, 3))",
        &np::arange(3).broadcast_to([2, 3]),
    );
    let big = np::arange(4000).reshape([40, 100]);
    both(
        "view_summary_strided",
        "np.arange(4000).reshape(40, 100)[::-3, 1::2]",
        &big.slice(s![..;-3, 1..;2]),
    );
    both(
        "view_summary_t",
        "np.arange(4000).reshape(40, 100).T",
        &big.t(),
    );
}

fn scalar_cases() {
    let floats = [
        2.5,
        0.1,
        1e-5,
        1e-4,
        1e16,
        1e15,
        123456789012345.6,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -0.0,
        0.0,
        1.0,
        1.5e-7,
        5e-324,
        1.7976931348623157e308,
        -2.75,
        0.3333333333333333,
        100.0,
        1e22,
        9999999999999998.0,
        0.00011,
    ];
    for (i, &x) in floats.iter().enumerate() {
        let p = pyf(x);
        case_repr!(
            &format!("scalar_f64_{i}_repr"),
            &format!("np.float64({p})"),
            Scalar::from(x)
        );
        case_str!(
            &format!("scalar_f64_{i}_str"),
            &format!("np.float64({p})"),
            Scalar::from(x)
        );
        case_repr!(
            &format!("scalar_f32_{i}_repr"),
            &format!("np.float32({p})"),
            Scalar::from(x as f32)
        );
        case_str!(
            &format!("scalar_f32_{i}_str"),
            &format!("np.float32({p})"),
            Scalar::from(x as f32)
        );
    }
    let f32s_only = [1e6, 999999.0, 1234567.0, 16777216.0, 0.0001, 123456.7, 0.7];
    for (i, &x) in f32s_only.iter().enumerate() {
        let p = pyf(x);
        case_repr!(
            &format!("scalar_f32x_{i}_repr"),
            &format!("np.float32({p})"),
            Scalar::from(x as f32)
        );
    }
    let complexes = [
        (1.0, 2.0),
        (0.0, 1.0),
        (-0.0, -1.0),
        (0.0, 0.0),
        (-0.0, 1.0),
        (1.0, -0.0),
        (f64::NAN, 1.0),
        (1.0, f64::NAN),
        (1e20, 1e-5),
        (1.5, 0.0),
        (0.0, -0.0),
        (-0.0, -0.0),
        (1.0, f64::INFINITY),
        (1.0, f64::NEG_INFINITY),
        (0.1, 0.2),
    ];
    for (i, &(r, im)) in complexes.iter().enumerate() {
        let p = format!("complex({}, {})", pyf(r), pyf(im));
        let c = Scalar::from(Complex128::new(r, im));
        case_repr!(
            &format!("scalar_c128_{i}_repr"),
            &format!("np.complex128({p})"),
            c
        );
        case_str!(
            &format!("scalar_c128_{i}_str"),
            &format!("np.complex128({p})"),
            c
        );
        let c = Scalar::from(Complex64::new(r as f32, im as f32));
        case_repr!(
            &format!("scalar_c64_{i}_repr"),
            &format!("np.complex64({p})"),
            c
        );
    }
    case_repr!("scalar_true", "np.True_", Scalar::from(true));
    case_repr!("scalar_false", "np.False_", Scalar::from(false));
    case_str!("scalar_true_str", "np.True_", Scalar::from(true));
    case_repr!("scalar_i8", "np.int8(-3)", Scalar::from(-3i8));
    case_repr!("scalar_i16", "np.int16(300)", Scalar::from(300i16));
    case_repr!("scalar_i32", "np.int32(-70000)", Scalar::from(-70000i32));
    case_repr!("scalar_i64", "np.int64(7)", Scalar::from(7i64));
    case_repr!("scalar_u8", "np.uint8(255)", Scalar::from(255u8));
    case_repr!("scalar_u16", "np.uint16(5)", Scalar::from(5u16));
    case_repr!("scalar_u32", "np.uint32(5)", Scalar::from(5u32));
    case_repr!(
        "scalar_u64",
        "np.uint64(18446744073709551615)",
        Scalar::from(u64::MAX)
    );
    case_str!("scalar_i64_str", "np.int64(-7)", Scalar::from(-7i64));
    // Python format specs on NumPy scalars.
    let third = Scalar::from(1.0 / 3.0);
    case_str!("fmt_4f", "f'{np.float64(1/3):.4f}'", format!("{third:.4}"));
    case_str!(
        "fmt_2f",
        "f'{np.float64(2/3):.2f}'",
        format!("{:.2}", Scalar::from(2.0 / 3.0))
    );
    case_str!(
        "fmt_0f",
        "f'{np.float64(2.5):.0f}'",
        format!("{:.0}", Scalar::from(2.5))
    );
    case_str!(
        "fmt_width",
        "f'{np.float64(2.5):>8.2f}'",
        format!("{:>8.2}", Scalar::from(2.5))
    );
    case_str!(
        "fmt_width_default",
        "f'{np.float64(1/3):10.3f}'",
        format!("{third:10.3}")
    );
    case_str!(
        "fmt_left",
        "f'{np.float64(1/3):<10.3f}|'",
        format!("{third:<10.3}|")
    );
    case_str!(
        "fmt_center",
        "f'{np.float64(1/3):^11.3f}'",
        format!("{third:^11.3}")
    );
    case_str!(
        "fmt_plus",
        "f'{np.float64(2.0):+.1f}'",
        format!("{:+.1}", Scalar::from(2.0))
    );
    case_str!(
        "fmt_zero_pad",
        "f'{np.float64(-1.5):08.3f}'",
        format!("{:08.3}", Scalar::from(-1.5))
    );
    case_str!(
        "fmt_nan",
        "f'{np.float64(np.nan):.2f}'",
        format!("{:.2}", Scalar::from(f64::NAN))
    );
    case_str!(
        "fmt_inf",
        "f'{np.float64(-np.inf):.2f}'",
        format!("{:.2}", Scalar::from(f64::NEG_INFINITY))
    );
    case_str!(
        "fmt_int_prec",
        "f'{np.int64(5):.2f}'",
        format!("{:.2}", Scalar::from(5i64))
    );
    case_str!(
        "fmt_int_width",
        "f'{np.int64(42):6}'",
        format!("{:6}", Scalar::from(42i64))
    );
    case_str!(
        "fmt_f32_prec",
        "f'{np.float32(0.1):.10f}'",
        format!("{:.10}", Scalar::from(0.1f32))
    );
    case_str!(
        "fmt_complex_prec",
        "f'{np.complex128(1-2j):.2f}'",
        format!("{:.2}", Scalar::from(Complex128::new(1.0, -2.0)))
    );
    case_str!(
        "fmt_exp",
        "f'{np.float64(1234.5):.3e}'",
        format!("{:.3e}", Scalar::from(1234.5))
    );
    case_str!(
        "fmt_exp_default",
        "f'{np.float64(1.5):e}'",
        format!("{:e}", Scalar::from(1.5))
    );
    case_str!(
        "fmt_exp_small",
        "f'{np.float64(1.5e-300):.2e}'",
        format!("{:.2e}", Scalar::from(1.5e-300))
    );
    case_str!(
        "fmt_str_in_fstring",
        "f'{np.float64(0.1)}'",
        format!("{}", Scalar::from(0.1))
    );
    case_str!(
        "fmt_f32_width",
        "f'{np.float32(0.1):8}'",
        format!("{:8}", Scalar::from(0.1f32))
    );
    case_str!(
        "fmt_bool_width",
        "f'{np.True_:>6}'",
        format!("{:>6}", Scalar::from(true))
    );
    case_str!(
        "fmt_bool_plain",
        "f'{np.False_}'",
        format!("{}", Scalar::from(false))
    );
    case_str!(
        "fmt_complex_width",
        "f'{np.complex128(1+2j):>10}'",
        format!("{:>10}", Scalar::from(Complex128::new(1.0, 2.0)))
    );
    case_str!(
        "fmt_plus_nan",
        "f'{np.float64(np.nan):+.2f}'",
        format!("{:+.2}", Scalar::from(f64::NAN))
    );
    case_str!(
        "fmt_plus_float",
        "f'{np.float64(2.5):+}'",
        format!("{:+}", Scalar::from(2.5))
    );
    case_str!(
        "fmt_plus_int",
        "f'{np.int8(5):+}'",
        format!("{:+}", Scalar::from(5i8))
    );
    case_str!(
        "fmt_sci_width",
        "f'{np.float64(1e-5):8}'",
        format!("{:8}", Scalar::from(1e-5))
    );
    case_str!(
        "fmt_round_half_even",
        "f'{np.float64(0.125):.2f}'",
        format!("{:.2}", Scalar::from(0.125))
    );
}

/// Text computed with the given options on the Rust side; on the NumPy side `opts` is the
/// keyword list of `np.printoptions` and `expr` is formatted with `fun` (`repr` or `str`).
fn with_opts(name: &str, py_opts: &str, fun: &str, py_expr: &str, opts: PrintOptions, a: &Array) {
    let py = format!("with np.printoptions({py_opts}):\n    _s = {fun}({py_expr})\n_s");
    let text = {
        let _g = np::printoptions(opts);
        if fun == "repr" {
            format!("{a:?}")
        } else {
            format!("{a}")
        }
    };
    case_str!(name, &py, text);
}

fn option_cases() {
    let d = PrintOptions::default;
    let thirds = f64s(&[1.0 / 3.0, 2.0 / 3.0, 1.0, 123.456789]);
    let py_thirds = "np.array([1/3, 2/3, 1.0, 123.456789])";
    with_opts(
        "opt_precision3_str",
        "precision=3",
        "str",
        py_thirds,
        PrintOptions {
            precision: 3,
            ..d()
        },
        &thirds,
    );
    with_opts(
        "opt_precision3_repr",
        "precision=3",
        "repr",
        py_thirds,
        PrintOptions {
            precision: 3,
            ..d()
        },
        &thirds,
    );
    with_opts(
        "opt_precision0",
        "precision=0",
        "str",
        py_thirds,
        PrintOptions {
            precision: 0,
            ..d()
        },
        &thirds,
    );
    with_opts(
        "opt_precision12",
        "precision=12",
        "str",
        py_thirds,
        PrintOptions {
            precision: 12,
            ..d()
        },
        &thirds,
    );
    let small = f64s(&[1e-10, 1.0, -1e-12, 2.5]);
    let py_small = "np.array([1e-10, 1.0, -1e-12, 2.5])";
    with_opts(
        "opt_suppress",
        "suppress=True",
        "str",
        py_small,
        PrintOptions {
            suppress: true,
            ..d()
        },
        &small,
    );
    with_opts(
        "opt_no_suppress",
        "suppress=False",
        "str",
        py_small,
        d(),
        &small,
    );
    with_opts(
        "opt_suppress_repr",
        "suppress=True",
        "repr",
        py_small,
        PrintOptions {
            suppress: true,
            ..d()
        },
        &small,
    );
    let big = f64s(&[1e-10, 1e9]);
    with_opts(
        "opt_suppress_big",
        "suppress=True",
        "str",
        "np.array([1e-10, 1e9])",
        PrintOptions {
            suppress: true,
            ..d()
        },
        &big,
    );
    let means = f64s(&[-3.552713678800501e-17, 1.7763568394002505e-17, 0.5]);
    with_opts(
        "opt_suppress_means",
        "precision=3, suppress=True",
        "str",
        "np.array([-3.552713678800501e-17, 1.7763568394002505e-17, 0.5])",
        PrintOptions {
            precision: 3,
            suppress: true,
            ..d()
        },
        &means,
    );
    let a = np::arange(20);
    with_opts(
        "opt_threshold5",
        "threshold=5",
        "str",
        "np.arange(20)",
        PrintOptions {
            threshold: 5,
            ..d()
        },
        &a,
    );
    with_opts(
        "opt_threshold5_repr",
        "threshold=5",
        "repr",
        "np.arange(20)",
        PrintOptions {
            threshold: 5,
            ..d()
        },
        &a,
    );
    with_opts(
        "opt_edge1",
        "threshold=5, edgeitems=1",
        "repr",
        "np.arange(20).reshape(4, 5)",
        PrintOptions {
            threshold: 5,
            edgeitems: 1,
            ..d()
        },
        &a.reshape([4, 5]),
    );
    with_opts(
        "opt_edge0",
        "threshold=5, edgeitems=0",
        "str",
        "np.arange(20)",
        PrintOptions {
            threshold: 5,
            edgeitems: 0,
            ..d()
        },
        &a,
    );
    with_opts(
        "opt_no_threshold",
        "threshold=100000",
        "str",
        "np.arange(1200)",
        PrintOptions {
            threshold: 100000,
            ..d()
        },
        &np::arange(1200),
    );
    with_opts(
        "opt_linewidth20",
        "linewidth=20",
        "str",
        "np.arange(20)",
        PrintOptions {
            linewidth: 20,
            ..d()
        },
        &a,
    );
    with_opts(
        "opt_linewidth20_repr",
        "linewidth=20",
        "repr",
        "np.arange(20)",
        PrintOptions {
            linewidth: 20,
            ..d()
        },
        &a,
    );
    with_opts(
        "opt_linewidth_tiny",
        "linewidth=5",
        "repr",
        "np.arange(6).reshape(2, 3)",
        PrintOptions {
            linewidth: 5,
            ..d()
        },
        &np::arange(6).reshape([2, 3]),
    );
    with_opts(
        "opt_linewidth200",
        "linewidth=200",
        "str",
        "np.arange(100)",
        PrintOptions {
            linewidth: 200,
            ..d()
        },
        &np::arange(100),
    );
    let mixed = f64s(&[1.0, -2.5, 0.125, f64::NAN, f64::INFINITY]);
    let py_mixed = "np.array([1.0, -2.5, 0.125, np.nan, np.inf])";
    for (mode, py_mode) in [
        (FloatMode::Fixed, "fixed"),
        (FloatMode::Unique, "unique"),
        (FloatMode::MaxPrec, "maxprec"),
        (FloatMode::MaxPrecEqual, "maxprec_equal"),
    ] {
        with_opts(
            &format!("opt_floatmode_{py_mode}"),
            &format!("floatmode='{py_mode}'"),
            "repr",
            py_mixed,
            PrintOptions {
                floatmode: mode,
                ..d()
            },
            &mixed,
        );
        with_opts(
            &format!("opt_floatmode_{py_mode}_p3"),
            &format!("floatmode='{py_mode}', precision=3"),
            "str",
            py_thirds,
            PrintOptions {
                floatmode: mode,
                precision: 3,
                ..d()
            },
            &thirds,
        );
        with_opts(
            &format!("opt_floatmode_{py_mode}_exp"),
            &format!("floatmode='{py_mode}', precision=4"),
            "str",
            "np.array([1e-7, 1.0, 0.123456789])",
            PrintOptions {
                floatmode: mode,
                precision: 4,
                ..d()
            },
            &f64s(&[1e-7, 1.0, 0.123456789]),
        );
    }
    for (sign, py_sign) in [(Sign::Plus, "+"), (Sign::Space, " ")] {
        with_opts(
            &format!("opt_sign{}_float", py_sign.trim()),
            &format!("sign='{py_sign}'"),
            "str",
            "np.array([1.0, 2.5, np.nan, np.inf])",
            PrintOptions { sign, ..d() },
            &f64s(&[1.0, 2.5, f64::NAN, f64::INFINITY]),
        );
        with_opts(
            &format!("opt_sign{}_neg", py_sign.trim()),
            &format!("sign='{py_sign}'"),
            "repr",
            "np.array([1.0, -2.5])",
            PrintOptions { sign, ..d() },
            &f64s(&[1.0, -2.5]),
        );
        with_opts(
            &format!("opt_sign{}_int", py_sign.trim()),
            &format!("sign='{py_sign}'"),
            "str",
            "np.arange(-2, 3)",
            PrintOptions { sign, ..d() },
            &np::arange((-2, 3)),
        );
        with_opts(
            &format!("opt_sign{}_intpos", py_sign.trim()),
            &format!("sign='{py_sign}'"),
            "str",
            "np.arange(3)",
            PrintOptions { sign, ..d() },
            &np::arange(3),
        );
        with_opts(
            &format!("opt_sign{}_exp", py_sign.trim()),
            &format!("sign='{py_sign}'"),
            "str",
            "np.array([1e-7, 1.0])",
            PrintOptions { sign, ..d() },
            &f64s(&[1e-7, 1.0]),
        );
        with_opts(
            &format!("opt_sign{}_complex", py_sign.trim()),
            &format!("sign='{py_sign}'"),
            "str",
            "np.array([1+2j, -3.5-1j])",
            PrintOptions { sign, ..d() },
            &c128s(&[(1.0, 2.0), (-3.5, -1.0)]),
        );
    }
    with_opts(
        "opt_nanstr",
        "nanstr='NaN', infstr='Infinity'",
        "str",
        "np.array([1.0, np.nan, -np.inf])",
        PrintOptions {
            nanstr: "NaN".into(),
            infstr: "Infinity".into(),
            ..d()
        },
        &f64s(&[1.0, f64::NAN, f64::NEG_INFINITY]),
    );
    with_opts(
        "opt_precision_f32",
        "precision=4",
        "repr",
        "np.array([1/3, 2/3], dtype=np.float32)",
        PrintOptions {
            precision: 4,
            ..d()
        },
        &f32s(&[1.0 / 3.0, 2.0 / 3.0]),
    );
    with_opts(
        "opt_precision_complex",
        "precision=2",
        "repr",
        "np.array([1/3 + 2j/3])",
        PrintOptions {
            precision: 2,
            ..d()
        },
        &c128s(&[(1.0 / 3.0, 2.0 / 3.0)]),
    );
    // `{:.3}` on an array is a one-off precision, as np.array_str(a, precision=3).
    case_str!(
        "display_precision",
        "np.array_str(np.array([1/3, 2.0]), precision=3)",
        format!("{:.3}", f64s(&[1.0 / 3.0, 2.0]))
    );
    case_str!(
        "array2string_sep",
        "np.array2string(np.array([1.0, 2.5]), separator=', ')",
        np::array2string_with(&f64s(&[1.0, 2.5]), &d(), ", ", "")
    );
    case_str!(
        "array2string_0d",
        "np.array2string(np.array(1.5))",
        np::array2string(Scalar::from(1.5).to_array())
    );
    case_str!(
        "array2string_prefix",
        "np.array2string(np.arange(30), prefix='x = ')",
        np::array2string_with(np::arange(30), &d(), " ", "x = ")
    );
    case_str!(
        "array_repr_fn",
        "np.array_repr(np.arange(3))",
        np::array_repr(np::arange(3))
    );
    case_str!(
        "array_str_fn",
        "np.array_str(np.arange(3.0))",
        np::array_str(np::arange(3).astype(DType::Float64))
    );
}

/// The long repr lines that decide whether `dtype=` goes on its own line.
fn dtype_line_cases() {
    for n in [14, 15, 16, 17, 18, 19, 20, 21, 22] {
        both(
            &format!("dtype_line_i32_{n}"),
            &format!("np.arange({n}, dtype=np.int32)"),
            &np::arange(n).astype(DType::Int32),
        );
    }
    for n in [9, 10, 11, 12, 13] {
        let v: Vec<f64> = (0..n).map(|i| i as f64 + 0.5).collect();
        both(
            &format!("dtype_line_f32_{n}"),
            &format!("np.arange({n}, dtype=np.float32) + 0.5"),
            &f32s(&v),
        );
    }
    both(
        "dtype_line_f32_2d",
        "(np.arange(40, dtype=np.float32) / 7).reshape(5, 8)",
        &f32s(&(0..40).map(|i| (i as f32 / 7.0) as f64).collect::<Vec<_>>()).reshape([5, 8]),
    );
    both(
        "summary_dtype_int8",
        "(np.arange(2000) % 100).astype(np.int8)",
        &Array::from((0..2000).map(|i| (i % 100) as i8).collect::<Vec<i8>>()),
    );
}

/// Deterministic pseudo-random floats (the same values are written into the NumPy side).
fn lcg_values(n: usize, seed: u64, scale: f64, offset: f64) -> Vec<f64> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 11) as f64 / (1u64 << 53) as f64) * scale + offset
        })
        .collect()
}

fn random_cases() {
    let sets = [
        ("unit", 6, 1.0, 0.0),
        ("centered", 7, 2.0, -1.0),
        ("hundreds", 8, 1000.0, -500.0),
        ("tiny", 5, 1e-3, 0.0),
        ("huge", 5, 1e12, 0.0),
        ("wide", 30, 10.0, -5.0),
    ];
    for (i, &(name, n, scale, offset)) in sets.iter().enumerate() {
        let v = lcg_values(n, 1 + i as u64, scale, offset);
        let list = pylist(&v);
        both(
            &format!("rand_f64_{name}"),
            &format!("np.array({list})"),
            &f64s(&v),
        );
        both(
            &format!("rand_f32_{name}"),
            &format!("np.array({list}, dtype=np.float32)"),
            &f32s(&v),
        );
    }
    let v = lcg_values(24, 42, 4.0, -2.0);
    let list = pylist(&v);
    both(
        "rand_f64_2x3x4",
        &format!("np.array({list}).reshape(2, 3, 4)"),
        &f64s(&v).reshape([2, 3, 4]),
    );
    both(
        "rand_f64_6x4_t",
        &format!("np.array({list}).reshape(6, 4).T"),
        &f64s(&v).reshape([6, 4]).t(),
    );
    both(
        "rand_f32_4x6",
        &format!("np.array({list}, dtype=np.float32).reshape(4, 6)"),
        &f32s(&v).reshape([4, 6]),
    );
    let c: Vec<(f64, f64)> = v.chunks(2).map(|p| (p[0], p[1])).collect();
    both(
        "rand_c128",
        &format!("np.array({list})[0::2] + 1j * np.array({list})[1::2]"),
        &c128s(&c),
    );
    let big: Vec<f64> = (0..1500).map(|i| (i as f64 * 0.37).sin()).collect();
    both(
        "f64_sin_summary",
        "np.sin(np.arange(1500) * 0.37)",
        &f64s(&big),
    );
    let cbig: Vec<(f64, f64)> = (0..1200)
        .map(|i| (i as f64, 1.0 + i as f64 * 0.5))
        .collect();
    both(
        "c128_summary",
        "np.arange(1200) + 1j * (1 + np.arange(1200) * 0.5)",
        &c128s(&cbig),
    );
    both(
        "f64_negzero_exp",
        "np.array([1e-5, -0.0])",
        &f64s(&[1e-5, -0.0]),
    );
    both("f64_single", "np.array([3.5])", &f64s(&[3.5]));
    both("i64_single", "np.array([42])", &Array::from(vec![42i64]));
    both(
        "empty_i8_2d",
        "np.zeros((2, 0), dtype=np.int8)",
        &np::zeros([2, 0]).astype(DType::Int8),
    );
    both(
        "u64_summary",
        "np.arange(1100, dtype=np.uint64) * np.uint64(10**15)",
        &Array::from(
            (0..1100u64)
                .map(|i| i * 10u64.pow(15))
                .collect::<Vec<u64>>(),
        ),
    );
    both(
        "huge_broadcast",
        "np.broadcast_to(np.arange(10000.0), (10000, 10000))",
        &np::arange(10000)
            .astype(DType::Float64)
            .broadcast_to([10000, 10000]),
    );
}

pub fn run() {
    case_str!(
        "str_shape_tuple",
        "str((3, 4))",
        np::print::shape_repr(&[3, 4])
    );
    case_str!("str_shape_1", "str((5,))", np::print::shape_repr(&[5]));
    case_str!("str_shape_0", "str(())", np::print::shape_repr(&[]));
    case_str!("str_dtype", "np.dtype('float32')", np::DType::Float32);
    float_cases();
    int_cases();
    bool_cases();
    complex_cases();
    zero_d_cases();
    scalar_result_cases();
    empty_cases();
    view_cases();
    scalar_cases();
    option_cases();
    dtype_line_cases();
    random_cases();
}

//! Elementwise math functions (`np.exp`, `np.sqrt`, `np.sin`, `np.abs`, ...), including NaN,
//! inf and domain errors, and the float dtype they pick for integer input.

#[allow(unused_imports)]
use arraylib as np;
use arraylib::prelude::*;
use arraylib::{Complex128, DType};

/// `X` of the Python setup: typical values with specials.
fn x() -> Array {
    np::array![
        -2.5,
        -1.0,
        -0.5,
        -0.0,
        0.0,
        0.3,
        0.5,
        1.0,
        2.5,
        10.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN
    ]
}

/// `U` of the Python setup: values inside (-1, 1).
fn u() -> Array {
    np::array![-0.9, -0.5, 0.0, 0.25, 0.75, 0.99]
}

/// `I` of the Python setup: integers.
fn i() -> Array {
    np::array![-3, -1, 0, 1, 2, 5]
}

/// `Z` of the Python setup: complex values.
fn z() -> Array {
    np::Array::from_vec(
        vec![
            Complex128::new(1.0, 2.0),
            Complex128::new(-0.5, 0.25),
            Complex128::new(0.0, -1.0),
            Complex128::new(3.0, 0.0),
        ],
        [4],
    )
}

pub fn run() {
    case!(
        "linspace_endpoints",
        "np.linspace(-1, 1, 3)",
        np::linspace(-1, 1, 3)
    );
    py_setup!(
        "X = np.array([-2.5, -1.0, -0.5, -0.0, 0.0, 0.3, 0.5, 1.0, 2.5, 10.0, np.inf, -np.inf, np.nan])\nU = np.array([-0.9, -0.5, 0.0, 0.25, 0.75, 0.99])\nI = np.array([-3, -1, 0, 1, 2, 5])\nZ = np.array([1+2j, -0.5+0.25j, -1j, 3+0j])"
    );

    // name, NumPy function, arraylib function, has complex loop
    type F = fn(&Array) -> Array;
    let table: Vec<(&str, F, bool)> = vec![
        ("exp", |a| np::exp(a), true),
        ("expm1", |a| np::expm1(a), true),
        ("log", |a| np::log(a), true),
        ("log1p", |a| np::log1p(a), true),
        ("log2", |a| np::log2(a), true),
        ("log10", |a| np::log10(a), true),
        ("sqrt", |a| np::sqrt(a), true),
        ("cbrt", |a| np::cbrt(a), false),
        ("sin", |a| np::sin(a), true),
        ("cos", |a| np::cos(a), true),
        ("tan", |a| np::tan(a), true),
        ("arcsin", |a| np::arcsin(a), true),
        ("arccos", |a| np::arccos(a), true),
        ("arctan", |a| np::arctan(a), true),
        ("sinh", |a| np::sinh(a), true),
        ("cosh", |a| np::cosh(a), true),
        ("tanh", |a| np::tanh(a), true),
        ("arcsinh", |a| np::arcsinh(a), true),
        ("arccosh", |a| np::arccosh(a), true),
        ("arctanh", |a| np::arctanh(a), true),
        ("deg2rad", |a| np::deg2rad(a), false),
        ("rad2deg", |a| np::rad2deg(a), false),
        ("rint", |a| np::rint(a), true),
        ("floor", |a| np::floor(a), false),
        ("ceil", |a| np::ceil(a), false),
        ("trunc", |a| np::trunc(a), false),
        ("abs", |a| np::abs(a), true),
        ("absolute", |a| np::absolute(a), true),
        ("sign", |a| np::sign(a), true),
        ("square", |a| np::square(a), true),
        ("negative", |a| np::negative(a), true),
        ("positive", |a| np::positive(a), true),
        ("reciprocal", |a| np::reciprocal(a), true),
        ("isnan", |a| np::isnan(a), true),
        ("isinf", |a| np::isinf(a), true),
        ("isfinite", |a| np::isfinite(a), true),
    ];
    for (name, func, complex) in &table {
        case!(
            &format!("{name}_f64"),
            &format!("np.{name}(X)"),
            func(&x()),
            rtol = 4e-16
        );
        case!(
            &format!("{name}_unit"),
            &format!("np.{name}(U)"),
            func(&u()),
            rtol = 4e-16
        );
        case!(
            &format!("{name}_f32"),
            &format!("np.{name}(X.astype(np.float32))"),
            func(&x().astype(np::float32)),
            rtol = 2.4e-7
        );
        if *name != "reciprocal" {
            case!(
                &format!("{name}_int64"),
                &format!("np.{name}(I)"),
                func(&i()),
                rtol = 4e-16
            );
            case!(
                &format!("{name}_int32"),
                &format!("np.{name}(I.astype(np.int32))"),
                func(&i().astype(np::int32)),
                rtol = 4e-16
            );
            case!(
                &format!("{name}_uint32"),
                &format!("np.{name}(np.arange(5, dtype=np.uint32))"),
                func(&np::arange(5).astype(np::uint32)),
                rtol = 4e-16
            );
        }
        if *complex || name.starts_with("floor") {
            case!(
                &format!("{name}_complex"),
                &format!("np.{name}(Z)"),
                func(&z()),
                rtol = 1e-14,
                atol = 1e-15
            );
        }
        case!(
            &format!("{name}_empty"),
            &format!("np.{name}(np.zeros((0, 3)))"),
            func(&np::zeros([0, 3]))
        );
        case!(
            &format!("{name}_0d"),
            &format!("np.{name}(np.array(0.5))"),
            func(&np::array(0.5))
        );
        case!(
            &format!("{name}_transposed"),
            &format!("np.{name}(np.linspace(0.1, 0.9, 6).reshape(2, 3).T)"),
            func(&np::linspace(0.1, 0.9, 6).reshape([2, 3]).t()),
            rtol = 4e-16
        );
        case!(
            &format!("{name}_reversed"),
            &format!("np.{name}(U[::-2])"),
            func(&u().slice(s![..;-2])),
            rtol = 4e-16
        );
    }
    // bool input: the float16 NumPy picks is float32 here, so only the value-preserving ones
    case!(
        "abs_bool",
        "np.abs(np.array([True, False]))",
        np::abs(np::array![true, false])
    );
    case!(
        "sign_bool",
        "np.sign(np.array([True, False]))",
        np::sign(np::array![true, false])
    );
    case!(
        "positive_bool",
        "np.positive(np.array([True, False]))",
        np::positive(np::array![true, false])
    );
    case!(
        "negative_bool",
        "np.negative(np.array([True, False]))",
        np::negative(np::array![true, false])
    );
    case!(
        "square_bool",
        "np.square(np.array([True, False]))",
        np::square(np::array![true, false])
    );
    case!(
        "floor_bool",
        "np.floor(np.array([True, False]))",
        np::floor(np::array![true, false])
    );
    case!(
        "isnan_bool",
        "np.isnan(np.array([True, False]))",
        np::isnan(np::array![true, false])
    );
    case!(
        "abs_int8_min",
        "np.abs(np.array([-128, -1, 5], dtype=np.int8))",
        np::abs(np::array![-128, -1, 5].astype(np::int8))
    );
    case!(
        "abs_uint8",
        "np.abs(np.array([0, 200], dtype=np.uint8))",
        np::abs(np::array![0, 200].astype(np::uint8))
    );
    case!(
        "sign_uint8",
        "np.sign(np.array([0, 200], dtype=np.uint8))",
        np::sign(np::array![0, 200].astype(np::uint8))
    );
    case!(
        "square_int8_wrap",
        "np.square(np.array([12, 100], dtype=np.int8))",
        np::square(np::array![12, 100].astype(np::int8))
    );
    case!(
        "reciprocal_int",
        "np.reciprocal(np.array([1, 2, -1]))",
        np::reciprocal(np::array![1, 2, -1])
    );
    case!(
        "exp_int16",
        "np.exp(np.arange(3, dtype=np.int16))",
        np::exp(np::arange(3).astype(np::int16)),
        rtol = 2.4e-7
    );
    case!("sqrt_weak", "np.sqrt(2.0)", np::sqrt(2.0));
    case!("exp_neg_view", "x = np.linspace(-5, 5, 11)\nnp.exp(-x)", {
        let x = np::linspace(-5, 5, 11);
        np::exp(-&x)
    });
    case!(
        "tanh_int",
        "np.tanh(np.array([-2, -1, 0, 1, 2]))",
        np::tanh(np::array![-2, -1, 0, 1, 2])
    );
    case!(
        "exp_wide",
        "np.exp(np.linspace(-750, 750, 3001))",
        np::exp(np::linspace(-750, 750, 3001)),
        rtol = 4e-16
    );
    // normal results only (NumPy's SIMD float32 exp is 2-3 ulp off near the bottom of the range
    // and less accurate than arraylib's correctly rounded results in the subnormal range)
    case!(
        "exp_wide_f32",
        "np.exp(np.linspace(-87, 88, 1751, dtype=np.float32))",
        np::exp(np::linspace(-87, 88, 1751).astype(np::float32)),
        rtol = 3e-7
    );
    case!(
        "log_wide",
        "np.log(np.power(10.0, np.linspace(-320, 308, 2001)))",
        np::log(np::power(10.0, np::linspace(-320, 308, 2001))),
        rtol = 4e-16
    );
    case!(
        "log_near_one",
        "np.log(np.linspace(0.9, 1.1, 2001))",
        np::log(np::linspace(0.9, 1.1, 2001)),
        rtol = 4e-16
    );
    case!(
        "log_f32_wide_range",
        "np.log(np.linspace(0.001, 1000, 999, dtype=np.float32))",
        np::log(np::linspace(0.001, 1000, 999).astype(np::float32)),
        rtol = 2.4e-7
    );
    case!("softmax", "x = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])\ne = np.exp(x - np.max(x, axis=1, keepdims=True))\ne / e.sum(axis=-1, keepdims=True)",
        { let x = np::array![[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]]; let e = np::exp(&x - np::max_axis(&x, 1, true)); &e / e.sum_axis(-1, true) });
    case!("method_exp", "np.exp(np.arange(3))", np::arange(3).exp());
    case!(
        "method_sqrt_f32",
        "np.sqrt(np.arange(3, dtype=np.float32))",
        np::arange(3).astype(np::float32).sqrt()
    );
    case!(
        "scalar_sqrt",
        "np.sqrt(np.float64(2.0))",
        Scalar::from(2.0).sqrt()
    );
    case!(
        "scalar_exp_f32",
        "np.exp(np.float32(1.0))",
        Scalar::from(1.0f32).exp()
    );
    case!(
        "scalar_abs_int",
        "abs(np.int64(-3))",
        Scalar::from(-3i64).abs()
    );
    case!(
        "scalar_log",
        "np.log(np.float64(10))",
        Scalar::from(10.0).log()
    );

    // ----- round -----------------------------------------------------------------------------
    case!(
        "round_half_even",
        "np.round(np.array([0.5, 1.5, 2.5, -0.5, -1.5]))",
        np::round(np::array![0.5, 1.5, 2.5, -0.5, -1.5], 0)
    );
    case!(
        "round_2",
        "np.round(np.array([1.2345, 2.675, -0.125, 0.135]), 2)",
        np::round(np::array![1.2345, 2.675, -0.125, 0.135], 2)
    );
    case!(
        "round_neg",
        "np.round(np.array([1234.5, 1250.0, -1350.0]), -2)",
        np::round(np::array![1234.5, 1250.0, -1350.0], -2)
    );
    case!(
        "round_int_neg",
        "np.round(np.array([1234, 1250, 1350, -1250]), -2)",
        np::round(np::array![1234, 1250, 1350, -1250], -2)
    );
    case!(
        "round_int_pos",
        "np.round(np.array([1, 2], dtype=np.int8), 1)",
        np::round(np::array![1, 2].astype(np::int8), 1)
    );
    case!(
        "round_f32",
        "np.round(np.array([1.25, 2.5], dtype=np.float32), 1)",
        np::round(np::array![1.25, 2.5].astype(np::float32), 1)
    );
    case!("round_specials", "np.round(X, 1)", np::round(x(), 1));
    case!(
        "around",
        "np.around(np.array([2.675]), 2)",
        np::around(np::array![2.675], 2)
    );
    case!(
        "round_method",
        "np.arange(5.0).round(0)",
        np::arange(5.0).round(0)
    );
    case!("round_complex", "np.round(Z / 3, 2)", np::round(z() / 3, 2));
    case!(
        "round_scalar",
        "np.round(np.float64(2.567), 2)",
        Scalar::from(2.567).round(2)
    );

    // ----- binary ufuncs ------------------------------------------------------------------------
    case!(
        "maximum_relu",
        "x = np.linspace(-2, 2, 5)\nnp.maximum(0, x)",
        {
            let x = np::linspace(-2, 2, 5);
            np::maximum(0, &x)
        }
    );
    case!("maximum_nan", "np.maximum(X, 0)", np::maximum(x(), 0));
    case!("minimum_nan", "np.minimum(X, 0.5)", np::minimum(x(), 0.5));
    case!(
        "maximum_nan_both",
        "np.maximum(X, X[::-1])",
        np::maximum(x(), x().slice(s![..;-1]))
    );
    case!("fmax_nan", "np.fmax(X, 0)", np::fmax(x(), 0));
    case!(
        "fmin_nan",
        "np.fmin(X, X[::-1])",
        np::fmin(x(), x().slice(s![..;-1]))
    );
    case!("maximum_int", "np.maximum(I, 0)", np::maximum(i(), 0));
    case!(
        "maximum_int8_float",
        "np.maximum(np.array([1, 2], dtype=np.int8), 1.5)",
        np::maximum(np::array![1, 2].astype(np::int8), 1.5)
    );
    case!(
        "maximum_int8_300",
        "np.maximum(np.array([1, 2], dtype=np.int8), 300)",
        np::maximum(np::array![1, 2].astype(np::int8), 300)
    );
    case!(
        "maximum_broadcast",
        "np.maximum(np.arange(3).reshape(3, 1), np.arange(4))",
        np::maximum(np::arange(3).reshape([3, 1]), np::arange(4))
    );
    case!(
        "maximum_error",
        "np.maximum(np.arange(3), np.arange(4))",
        np::maximum(np::arange(3), np::arange(4))
    );
    case!(
        "maximum_bool",
        "np.maximum(np.array([True, False]), np.array([False, False]))",
        np::maximum(np::array![true, false], np::array![false, false])
    );
    case!(
        "maximum_complex",
        "np.maximum(Z, 0.5)",
        np::maximum(z(), 0.5)
    );
    case!(
        "maximum_method",
        "np.maximum(np.arange(4), 2)",
        np::arange(4).maximum(2)
    );
    case!(
        "minimum_method",
        "np.minimum(np.arange(4), 2)",
        np::arange(4).minimum(2)
    );
    case!(
        "arctan2",
        "np.arctan2(np.array([1.0, -1.0, 0.0, -0.0]), np.array([-1.0, -1.0, -1.0, -1.0]))",
        np::arctan2(
            np::array![1.0, -1.0, 0.0, -0.0],
            np::array![-1.0, -1.0, -1.0, -1.0]
        )
    );
    case!(
        "arctan2_int_f32",
        "np.arctan2(np.array([1]), np.array([1], dtype=np.float32))",
        np::arctan2(np::array![1], np::array![1.0].astype(np::float32))
    );
    case!(
        "arctan2_f32_weak",
        "np.arctan2(np.array([1], dtype=np.float32), 1)",
        np::arctan2(np::array![1.0].astype(np::float32), 1)
    );
    case!(
        "hypot",
        "np.hypot(np.arange(4), 4)",
        np::hypot(np::arange(4), 4)
    );

    // ----- clip ------------------------------------------------------------------------------------
    case!(
        "clip_probs",
        "p = np.array([0.0, 0.3, 1.0])\nnp.clip(p, 1e-15, 1 - 1e-15)",
        np::clip(np::array![0.0, 0.3, 1.0], 1e-15, 1.0 - 1e-15)
    );
    case!(
        "clip_int",
        "np.clip(np.arange(6), 1, 4)",
        np::clip(np::arange(6), 1, 4)
    );
    case!(
        "clip_int_float_bounds",
        "np.clip(np.arange(5), 1.5, 2.5)",
        np::clip(np::arange(5), 1.5, 2.5)
    );
    case!(
        "clip_int8_300",
        "np.clip(np.array([1, 2, 3], dtype=np.int8), 0, 300)",
        np::clip(np::array![1, 2, 3].astype(np::int8), 0, 300)
    );
    case!(
        "clip_array_bounds",
        "np.clip(np.array([1, 5, 9]), np.array([2, 2, 2]), 6)",
        np::clip(np::array![1, 5, 9], np::array![2, 2, 2], 6)
    );
    case!(
        "clip_broadcast_bounds",
        "np.clip(np.arange(6).reshape(2, 3), np.array([[1], [4]]), 4)",
        np::clip(np::arange(6).reshape([2, 3]), np::array![[1], [4]], 4)
    );
    case!("clip_nan", "np.clip(X, 0, 1)", np::clip(x(), 0, 1));
    case!(
        "clip_f32",
        "np.clip(np.arange(4, dtype=np.float32), 0.5, 2.5)",
        np::clip(np::arange(4).astype(np::float32), 0.5, 2.5)
    );
    case!(
        "clip_method",
        "np.arange(5).clip(1, 3)",
        np::arange(5).clip(1, 3)
    );
    case!(
        "clip_bound_error",
        "np.clip(np.arange(3), np.arange(2), 5)",
        np::clip(np::arange(3), np::arange(2), 5)
    );
    case!(
        "clip_inverted",
        "np.clip(np.arange(5), 3, 1)",
        np::clip(np::arange(5), 3, 1)
    );
    case!("mse_rmse", "y_true = np.array([3.0, -0.5, 2.0, 7.0])\ny_pred = np.array([2.5, 0.0, 2.0, 8.0])\nnp.sqrt(np.mean((y_true - y_pred)**2))",
        { let yt = np::array![3.0, -0.5, 2.0, 7.0]; let yp = np::array![2.5, 0.0, 2.0, 8.0]; np::mean((&yt - &yp).pow(2)).sqrt() });
    case!("mae", "y_true = np.array([3.0, -0.5, 2.0, 7.0])\ny_pred = np.array([2.5, 0.0, 2.0, 8.0])\nnp.mean(np.abs(y_true - y_pred))",
        { let yt = np::array![3.0, -0.5, 2.0, 7.0]; let yp = np::array![2.5, 0.0, 2.0, 8.0]; np::mean(np::abs(&yt - &yp)) });
    case!(
        "any_isnan",
        "not np.any(np.isnan(X))",
        !np::any(np::isnan(x()))
    );
    case!(
        "all_isfinite",
        "np.all(np.isfinite(U))",
        np::all(np::isfinite(u()))
    );
    let _ = DType::Float64;
}

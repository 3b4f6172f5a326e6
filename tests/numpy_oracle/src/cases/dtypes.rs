//! Data types: the promotion table (`np.result_type`), dtype names and sizes, scalars and casts.

use arraylib as np;
use arraylib::{s, Array, DType, Scalar};

pub fn run() {
    ops_per_dtype();

    // ----- tutorial gotchas ----------------------------------------------------------------
    case!(
        "int32_true_divide",
        "x = np.array([1, 2, 3], dtype=np.int32)\nx / 2",
        np::array![1, 2, 3].astype(DType::Int32) / 2
    );
    case!(
        "sigmoid_of_int",
        "x = np.array([-2, -1, 0, 1, 2])\n1 / (1 + np.exp(-x))",
        {
            let x = np::array![-2, -1, 0, 1, 2];
            1.0 / (1.0 + np::exp(-&x))
        }
    );
    case!(
        "accuracy_mean_of_bool",
        "t = np.array([0, 1, 2, 1, 0])\np = np.array([0, 2, 2, 1, 0])\nnp.mean(t == p)",
        np::mean(np::array![0, 1, 2, 1, 0].eq(np::array![0, 2, 2, 1, 0]))
    );
    case!(
        "float32_from_float64",
        "np.linspace(0, 1, 5).astype(np.float32).dtype",
        np::linspace(0, 1, 5).astype(DType::Float32).dtype()
    );
    case!(
        "assign_float_into_int_truncates",
        "a = np.array([1, 2, 3])\na[0] = 2.7\na",
        {
            let a = np::array![1, 2, 3];
            a.set([0], 2.7);
            a
        }
    );
    case!("long_is_int64", "np.dtype(np.long)", np::LONG);
    // ----- np.result_type for every pair of array dtypes ----------------------------------------
    for a in DType::ALL {
        for b in DType::ALL {
            case!(
                &format!("result_type_{}_{}", a.name(), b.name()),
                &format!("np.result_type(np.{}, np.{})", py_type(a), py_type(b)),
                np::promote(a, b)
            );
        }
    }

    // ----- names, sizes, parsing -----------------------------------------------------------------
    for d in DType::ALL {
        case!(
            &format!("itemsize_{}", d.name()),
            &format!("np.dtype(np.{}).itemsize", py_type(d)),
            d.itemsize()
        );
        case!(
            &format!("name_{}", d.name()),
            &format!("np.dtype(np.{}).name", py_type(d)),
            d.name()
        );
        case!(
            &format!("zeros_of_{}", d.name()),
            &format!("np.zeros((2, 2), dtype=np.{})", py_type(d)),
            np::full_dtype([2, 2], 0, d)
        );
    }
    for code in [
        "f4",
        "f8",
        "float32",
        "float64",
        "i1",
        "i2",
        "i4",
        "i8",
        "u1",
        "u2",
        "u4",
        "u8",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "bool",
        "?",
        "b1",
        "c8",
        "c16",
        "complex64",
        "complex128",
        "<f8",
        "int",
        "float",
        "complex",
        "d",
        "f",
        "l",
        "q",
        "B",
        "h",
        "H",
        "I",
        "Q",
        "D",
        "F",
        "=i4",
        "|b1",
    ] {
        case!(
            &format!("parse_{code}"),
            &format!("np.dtype({code:?})"),
            DType::parse(code)
        );
    }

    // ----- scalars ---------------------------------------------------------------------------
    case!("scalar_f64", "np.float64(2.5)", Scalar::from(2.5));
    case!("scalar_f32", "np.float32(0.1)", Scalar::from(0.1f32));
    case!("scalar_i32", "np.int32(-7)", Scalar::from(-7i32));
    case!("scalar_u8", "np.uint8(255)", Scalar::from(255u8));
    case!("scalar_bool", "np.True_", Scalar::from(true));
    case!(
        "scalar_complex",
        "np.complex128(1.5-2j)",
        Scalar::from(np::Complex128::new(1.5, -2.0))
    );
    case!(
        "scalar_dtype",
        "np.float32(1).dtype",
        Scalar::from(1.0f32).dtype()
    );
    case!(
        "scalar_astype_f32",
        "np.float32(3)",
        Scalar::from(3i64).astype(DType::Float32)
    );
    case!(
        "scalar_astype_trunc",
        "np.int64(np.float64(2.7))",
        Scalar::from(2.7).astype(DType::Int64)
    );
    case!(
        "scalar_astype_neg_trunc",
        "np.int64(np.float64(-2.7))",
        Scalar::from(-2.7).astype(DType::Int64)
    );
    case!(
        "scalar_astype_bool",
        "np.bool_(np.float64(0.5))",
        Scalar::from(0.5).astype(DType::Bool)
    );
    case!(
        "scalar_astype_bool_zero",
        "np.bool_(np.float64(-0.0))",
        Scalar::from(-0.0).astype(DType::Bool)
    );
    case!(
        "scalar_astype_u8_wrap",
        "np.int64(300).astype(np.uint8)",
        Scalar::from(300i64).astype(DType::UInt8)
    );
    case!(
        "scalar_astype_i8_wrap",
        "np.int64(-129).astype(np.int8)",
        Scalar::from(-129i64).astype(DType::Int8)
    );
    case!(
        "scalar_astype_complex",
        "np.complex64(np.float64(1.5))",
        Scalar::from(1.5).astype(DType::Complex64)
    );
    case!(
        "scalar_to_f64",
        "float(np.int32(7))",
        Scalar::from(7i32).to_f64()
    );
    case!(
        "scalar_to_i64",
        "int(np.float64(-2.5))",
        Scalar::from(-2.5).to_i64()
    );
    case!(
        "scalar_to_bool",
        "bool(np.float64(0.0))",
        Scalar::from(0.0).to_bool()
    );
    case!(
        "scalar_0d_array",
        "np.array(np.int8(3))",
        Scalar::from(3i8).to_array()
    );

    // ----- astype between every pair of dtypes ---------------------------------------------------
    // Only values whose conversion C defines (NumPy's results for out-of-range float -> int
    // casts depend on the platform, so they are not compared).
    for src in DType::ALL {
        for dst in DType::ALL {
            let vals = astype_values(src, dst);
            let py_vals = vals
                .iter()
                .map(|v| py_float(*v))
                .collect::<Vec<_>>()
                .join(", ");
            let mut py = format!("np.array([{py_vals}]).astype(np.{})", py_type(src));
            let mut base = Array::from(vals);
            if src.is_complex() {
                py = format!("(np.array([{py_vals}]) + 0.5j).astype(np.{})", py_type(src));
                base = base + np::Complex128::new(0.0, 0.5);
            }
            case!(
                &format!("astype_{}_to_{}", src.name(), dst.name()),
                &format!("{py}.astype(np.{})", py_type(dst)),
                base.astype(src).astype(dst)
            );
        }
    }
    case!(
        "astype_view_negative_step",
        "np.arange(10)[::-3].astype(np.float32)",
        np::arange(10).slice(s![..;-3]).astype(DType::Float32)
    );
    case!(
        "astype_view_transposed",
        "np.arange(6).reshape(2, 3).T.astype(np.int8)",
        np::arange(6).reshape([2, 3]).t().astype(DType::Int8)
    );
    case!(
        "astype_0d",
        "np.array(2.5).astype(np.int64)",
        np::full((), 2.5).astype(DType::Int64)
    );
    case!(
        "astype_empty",
        "np.zeros((0, 3)).astype(np.uint8)",
        np::zeros([0, 3]).astype(DType::UInt8)
    );
    case!(
        "astype_same_copies",
        "a = np.arange(3)\nb = a.astype(np.int64)\nb[0] = 9\na",
        {
            let a = np::arange(3);
            let b = a.astype(DType::Int64);
            b.set([0], 9);
            a
        }
    );
    case!(
        "astype_f64_f32_rounding",
        "np.array([0.1, 1/3, 1e-40, 3.4e38, 1e39]).astype(np.float32)",
        Array::from(vec![0.1, 1.0 / 3.0, 1e-40, 3.4e38, 1e39]).astype(DType::Float32)
    );
    case!(
        "astype_f32_f64_exact",
        "np.array([0.1, 0.2], dtype=np.float32).astype(np.float64)",
        Array::from(vec![0.1f32, 0.2]).astype(DType::Float64)
    );
    case!(
        "astype_u64_max_f64",
        "np.array([2**64 - 1], dtype=np.uint64).astype(np.float64)",
        Array::from(vec![u64::MAX]).astype(DType::Float64)
    );
    case!(
        "astype_i64_min_u64",
        "np.array([-2**63]).astype(np.uint64)",
        Array::from(vec![i64::MIN]).astype(DType::UInt64)
    );
    case!(
        "astype_free_fn",
        "np.astype(np.arange(3), np.float32)",
        np::astype(np::arange(3), DType::Float32)
    );
}

/// The attribute name of a dtype in the `np` namespace.
fn py_type(d: DType) -> &'static str {
    if d == DType::Bool {
        "bool_"
    } else {
        d.name()
    }
}

/// Values for `astype` from `src` to `dst` whose result C and NumPy define.
fn astype_values(src: DType, dst: DType) -> Vec<f64> {
    let mut v = vec![0.0, 1.0, 2.0, 7.0, 100.0];
    if src == DType::Bool {
        return vec![0.0, 1.0, 1.0, 0.0];
    }
    let src_int = src.is_integer();
    let dst_unsigned = matches!(
        dst,
        DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64
    );
    let dst_inexact = dst.is_float() || dst.is_complex() || dst == DType::Bool;
    let src_signed = matches!(
        src,
        DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64
    );
    if src_signed || (!src_int && !dst_unsigned) {
        v.extend([-1.0, -100.0]);
    }
    if !src_int {
        if !dst_unsigned || dst_inexact {
            v.push(-2.5);
        }
        v.extend([2.7, 0.5]);
    }
    if src_int && src.itemsize() >= 2 {
        v.extend([300.0, 30000.0]);
    }
    if !src_int && dst_inexact {
        v.extend([f64::NAN, f64::INFINITY, -0.0]);
    }
    v
}

/// A float as Python source.
fn py_float(x: f64) -> String {
    if x.is_nan() {
        "np.nan".into()
    } else if x.is_infinite() {
        if x > 0.0 {
            "np.inf".into()
        } else {
            "-np.inf".into()
        }
    } else {
        format!("{x:?}")
    }
}

/// Sample values of each dtype, as Python source and as a Rust array.
fn sample(d: DType) -> (String, Array) {
    let vals: Vec<f64> = match d {
        DType::Bool => vec![1.0, 0.0, 1.0, 1.0],
        DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => {
            vec![0.0, 1.0, 2.0, 5.0, 7.0, 100.0]
        }
        DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => {
            vec![-3.0, 0.0, 1.0, 2.0, 7.0, -100.0]
        }
        _ => vec![-2.5, -0.5, 0.0, 1.0, 2.25, 7.0],
    };
    let py_vals = vals
        .iter()
        .map(|v| py_float(*v))
        .collect::<Vec<_>>()
        .join(", ");
    let mut py = format!("np.array([{py_vals}])");
    let mut a = Array::from(vals);
    if d.is_complex() {
        py = format!("({py} + np.array([1, 0, -1, 0.5, 0, 2]) * 1j)");
        a = a + Array::from(vec![1.0, 0.0, -1.0, 0.5, 0.0, 2.0]) * np::Complex128::new(0.0, 1.0);
    }
    (format!("{py}.astype(np.{})", py_type(d)), a.astype(d))
}

/// The same operations on every dtype: NEP 50 promotion with weak Rust scalars, the result
/// dtypes of reductions and math functions, and the errors for unsupported dtypes.
fn ops_per_dtype() {
    type Op = fn(&Array) -> Array;
    let ops: [(&str, &str, Op); 34] = [
        ("add_weak_int", "a + 1", |a| a + 1),
        ("add_weak_300", "a + 300", |a| a + 300),
        ("add_weak_neg", "a + (-1)", |a| a + (-1)),
        ("mul_weak_float", "a * 2.5", |a| a * 2.5),
        ("add_weak_bool", "a + True", |a| a + true),
        ("add_weak_complex", "a + 1j", |a| {
            a + np::Complex128::new(0.0, 1.0)
        }),
        ("add_self", "a + a", |a| a + a),
        ("sub_self", "a - a", |a| a - a),
        ("mul_self", "a * a", |a| a * a),
        ("div_weak", "a / 2", |a| a / 2),
        ("floordiv_weak", "a // 3", |a| np::floor_divide(a, 3)),
        ("mod_weak", "a % 3", |a| a % 3),
        ("pow_weak", "a ** 2", |a| np::power(a, 2)),
        ("neg", "-a", |a| -a),
        ("abs", "np.abs(a)", |a| np::abs(a)),
        ("exp", "np.exp(a)", |a| np::exp(a)),
        ("sqrt", "np.sqrt(a)", |a| np::sqrt(a)),
        ("sum", "np.array(a.sum())", |a| a.sum().to_array()),
        ("prod", "np.array(a.prod())", |a| a.prod().to_array()),
        ("mean", "np.array(a.mean())", |a| a.mean().to_array()),
        ("std", "np.array(a.std())", |a| a.std().to_array()),
        ("max", "np.array(a.max())", |a| a.max().to_array()),
        ("min", "np.array(a.min())", |a| a.min().to_array()),
        ("cumsum", "np.cumsum(a)", |a| np::cumsum(a)),
        ("gt_weak", "a > 1", |a| a.gt(1)),
        ("eq_self", "a == a", |a| a.eq(a)),
        ("lt_weak_float", "a < 0.5", |a| a.lt(0.5)),
        ("maximum_weak", "np.maximum(a, 1)", |a| np::maximum(a, 1)),
        ("where_self", "np.where(a > 1, a, 0)", |a| {
            np::where_(a.gt(1), a, 0)
        }),
        ("astype_f64", "a.astype(np.float64)", |a| {
            a.astype(DType::Float64)
        }),
        (
            "add_f32_array",
            "a + np.ones(6, dtype=np.float32)[:a.size]",
            |a| a + np::ones_dtype(a.size(), DType::Float32),
        ),
        (
            "add_i8_array",
            "a + np.ones(6, dtype=np.int8)[:a.size]",
            |a| a + np::ones_dtype(a.size(), DType::Int8),
        ),
        (
            "add_u64_array",
            "a + np.ones(6, dtype=np.uint64)[:a.size]",
            |a| a + np::ones_dtype(a.size(), DType::UInt64),
        ),
        ("matmul_self", "a @ a", |a| a.matmul(a)),
    ];
    for d in DType::ALL {
        let (py, a) = sample(d);
        for (oname, opy, op) in ops {
            let name = format!("op_{}_{oname}", d.name());
            let code = format!("a = {py}\n{opy}");
            let float16 = matches!(d, DType::Bool | DType::Int8 | DType::UInt8)
                && matches!(oname, "exp" | "sqrt");
            if float16 {
                case!(&name, &code, op(&a), known = "no float16: float32 instead");
            } else {
                case!(&name, &code, op(&a));
            }
        }
    }
}

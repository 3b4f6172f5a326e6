//! Array creation: `zeros`, `ones`, `full`, `empty`, `arange`, `linspace`, `from_vec`, ...

use arraylib as np;
use arraylib::{Array, DType};

pub fn run() {
    // ----- tutorial patterns -----------------------------------------------------------------
    case!("ones_times_5", "np.ones((2, 3)) * 5", np::ones([2, 3]) * 5);
    case!(
        "images_4d",
        "np.zeros((8, 28, 28, 3)).shape",
        np::zeros([8, 28, 28, 3]).shape().to_vec()
    );
    case!(
        "images_4d_nbytes",
        "np.zeros((8, 28, 28, 3)).nbytes / 1024",
        np::zeros([8, 28, 28, 3]).nbytes() as f64 / 1024.0
    );
    case!("ones_3d", "np.ones((2, 1, 4))", np::ones([2, 1, 4]));
    case!(
        "linspace_100_last",
        "np.linspace(0, 1, 100)[-1]",
        np::linspace(0, 1, 100).get([-1])
    );
    case!("arange_index_vector", "np.arange(5)", np::arange(5));
    case!(
        "scores",
        "np.array([85, 92, 78, 96, 88, 73, 91, 82])",
        np::array![85, 92, 78, 96, 88, 73, 91, 82]
    );
    case!(
        "nested_3x3",
        "np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])",
        np::array![[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    );
    case!(
        "diag_of_truncated",
        "S = np.array([3.0, 2.0, 1.0])\nnp.diag(S[:2])",
        np::diag(np::array![3.0, 2.0, 1.0].slice(np::s![..2]))
    );

    // ----- zeros / ones / empty ------------------------------------------------------------
    case!("zeros_1d", "np.zeros(5)", np::zeros(5));
    case!("zeros_2d", "np.zeros((3, 4))", np::zeros([3, 4]));
    case!("zeros_tuple", "np.zeros((2, 3, 4))", np::zeros((2, 3, 4)));
    case!("zeros_vec", "np.zeros([2, 2])", np::zeros(vec![2, 2]));
    case!("zeros_0d", "np.zeros(())", np::zeros(()));
    case!("zeros_empty", "np.zeros(0)", np::zeros(0));
    case!("zeros_empty_2d", "np.zeros((3, 0))", np::zeros([3, 0]));
    case!("zeros_negative", "np.zeros(-1)", np::zeros(-1));
    case!("zeros_negative_2d", "np.zeros((2, -3))", np::zeros([2, -3]));
    case!("ones_1d", "np.ones(4)", np::ones(4));
    case!("ones_2d", "np.ones((2, 5))", np::ones([2, 5]));
    case!("ones_0d", "np.ones(())", np::ones(()));
    case!("ones_negative", "np.ones((-2, 2))", np::ones([-2, 2]));
    case!(
        "empty_shape",
        "np.empty((2, 3)).shape",
        np::empty([2, 3]).shape().to_vec()
    );
    case!(
        "empty_dtype",
        "np.empty((2, 3)).dtype",
        np::empty([2, 3]).dtype()
    );
    case!("empty_negative", "np.empty((2, -3))", np::empty([2, -3]));
    case!(
        "zeros_huge",
        "np.zeros((2**62, 2**62))",
        np::zeros([1i64 << 62, 1i64 << 62])
    );

    // ----- full ----------------------------------------------------------------------------
    case!("full_int", "np.full((2, 2), 7)", np::full([2, 2], 7));
    case!("full_i64", "np.full(3, 7)", np::full(3, 7i64));
    case!("full_float", "np.full(3, 2.5)", np::full(3, 2.5));
    case!("full_bool", "np.full((2,), True)", np::full([2], true));
    case!(
        "full_f32",
        "np.full(3, np.float32(1.5))",
        np::full(3, 1.5f32)
    );
    case!("full_nan", "np.full(3, np.nan)", np::full(3, f64::NAN));
    case!(
        "full_inf",
        "np.full((1, 2), -np.inf)",
        np::full([1, 2], f64::NEG_INFINITY)
    );
    case!("full_neg_zero", "np.full(2, -0.0)", np::full(2, -0.0));
    case!("full_0d", "np.full((), 3.0)", np::full((), 3.0));
    case!("full_str", "np.full((2, 3), 'ab')", np::full([2, 3], "ab"));
    case!("full_str_empty", "np.full(3, '')", np::full(3, ""));
    case!(
        "full_string_unicode",
        "np.full(2, 'héllo')",
        np::full(2, String::from("héllo"))
    );
    case!("full_str_0d", "np.full((), 'x')", np::full((), "x"));
    case_repr!("full_str_repr", "np.full(2, 'ab')", np::full(2, "ab"));
    case!(
        "full_dtype_uint8",
        "np.full((2,), 1, dtype=np.uint8)",
        np::full_dtype([2], 1, DType::UInt8)
    );
    case!(
        "full_dtype_float32",
        "np.full((2, 2), 0.1, dtype=np.float32)",
        np::full_dtype([2, 2], 0.1, DType::Float32)
    );
    case!(
        "full_dtype_trunc",
        "np.full(3, 2.7, dtype=np.int32)",
        np::full_dtype(3, 2.7, DType::Int32)
    );
    case!(
        "full_dtype_complex",
        "np.full(2, 1.5, dtype=np.complex128)",
        np::full_dtype(2, 1.5, DType::Complex128)
    );
    case!(
        "full_dtype_bool",
        "np.full(3, 2, dtype=bool)",
        np::full_dtype(3, 2, DType::Bool)
    );
    case!(
        "zeros_dtype_int",
        "np.zeros((2, 3), dtype=np.int64)",
        np::full_dtype([2, 3], 0, DType::Int64)
    );
    case!(
        "ones_dtype_int8",
        "np.ones(4, dtype=np.int8)",
        np::full_dtype(4, 1, DType::Int8)
    );
    case!(
        "full_complex_value",
        "np.full((2,), 1+2j)",
        np::full([2], np::Complex128::new(1.0, 2.0))
    );

    // ----- arange --------------------------------------------------------------------------
    case!("arange_stop", "np.arange(5)", np::arange(5));
    case!("arange_zero", "np.arange(0)", np::arange(0));
    case!("arange_negative_stop", "np.arange(-3)", np::arange(-3));
    case!("arange_start_stop", "np.arange(2, 10)", np::arange((2, 10)));
    case!("arange_step", "np.arange(0, 10, 3)", np::arange((0, 10, 3)));
    case!(
        "arange_neg_step",
        "np.arange(10, 0, -3)",
        np::arange((10, 0, -3))
    );
    case!("arange_empty_range", "np.arange(5, 2)", np::arange((5, 2)));
    case!("arange_float_stop", "np.arange(5.0)", np::arange(5.0));
    case!(
        "arange_float_step",
        "np.arange(0.0, 1.0, 0.25)",
        np::arange((0.0, 1.0, 0.25))
    );
    case!(
        "arange_float_tenth",
        "np.arange(1, 2, 0.1)",
        np::arange((1.0, 2.0, 0.1))
    );
    case!(
        "arange_float_neg",
        "np.arange(1.0, -1.0, -0.5)",
        np::arange((1.0, -1.0, -0.5))
    );
    case!(
        "arange_step_zero",
        "np.arange(0, 10, 0)",
        np::arange((0, 10, 0))
    );
    case!(
        "arange_float_step_zero",
        "np.arange(0.0, 1.0, 0.0)",
        np::arange((0.0, 1.0, 0.0))
    );
    case!(
        "arange_try_err",
        "np.arange(0, 10, 0)",
        np::try_arange((0, 10, 0))
    );
    case!("arange_large", "np.arange(100000)", np::arange(100000));
    case!("arange_dtype", "np.arange(3).dtype", np::arange(3).dtype());
    case!(
        "arange_float_dtype",
        "np.arange(3.0).dtype",
        np::arange(3.0).dtype()
    );

    // ----- linspace ------------------------------------------------------------------------
    case!("linspace_5", "np.linspace(0, 1, 5)", np::linspace(0, 1, 5));
    case!(
        "linspace_default_like",
        "np.linspace(0, 1, 50)",
        np::linspace(0, 1, 50)
    );
    case!(
        "linspace_one",
        "np.linspace(2, 3, 1)",
        np::linspace(2, 3, 1)
    );
    case!(
        "linspace_zero",
        "np.linspace(0, 1, 0)",
        np::linspace(0, 1, 0)
    );
    case!(
        "linspace_two",
        "np.linspace(-1, 1, 2)",
        np::linspace(-1, 1, 2)
    );
    case!(
        "linspace_reverse",
        "np.linspace(10, 0, 7)",
        np::linspace(10, 0, 7)
    );
    case!(
        "linspace_same",
        "np.linspace(3, 3, 4)",
        np::linspace(3, 3, 4)
    );
    case!(
        "linspace_pi",
        "np.linspace(0, 2 * np.pi, 9)",
        np::linspace(0, 2.0 * std::f64::consts::PI, 9)
    );
    case!(
        "linspace_thirds",
        "np.linspace(0, 1, 4)",
        np::linspace(0, 1, 4)
    );
    case!(
        "linspace_big",
        "np.linspace(-5, 5, 1001)",
        np::linspace(-5, 5, 1001)
    );

    // ----- from Rust data ------------------------------------------------------------------
    case!(
        "from_vec_float",
        "np.array([1.0, 2.0, 3.0])",
        Array::from(vec![1.0, 2.0, 3.0])
    );
    case!(
        "from_vec_2d_int",
        "np.array([[1, 2, 3], [4, 5, 6]])",
        Array::from_vec(vec![1i64, 2, 3, 4, 5, 6], [2, 3])
    );
    case!(
        "from_vec_int32",
        "np.array([1, 2, 3], dtype=np.int32)",
        Array::from_vec(vec![1i32, 2, 3], 3)
    );
    case!(
        "from_vec_bool",
        "np.array([True, False, True])",
        Array::from(vec![true, false, true])
    );
    case!(
        "from_vec_f32",
        "np.array([0.1, 0.2], dtype=np.float32)",
        Array::from(vec![0.1f32, 0.2])
    );
    case!(
        "from_vec_uint8",
        "np.array([0, 255, 7], dtype=np.uint8)",
        Array::from(vec![0u8, 255, 7])
    );
    case!(
        "from_vec_special_floats",
        "np.array([np.nan, np.inf, -np.inf, -0.0, 5e-324, 1.7976931348623157e308])",
        Array::from(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
            5e-324,
            f64::MAX
        ])
    );
    case!(
        "from_vec_complex",
        "np.array([1+2j, -0.5j])",
        Array::from(vec![
            np::Complex128::new(1.0, 2.0),
            np::Complex128::new(0.0, -0.5)
        ])
    );
    case!(
        "from_vec_size_mismatch",
        "np.array([1.0, 2.0]).reshape(3)",
        Array::from_vec(vec![1.0, 2.0], [3])
    );
    case!(
        "from_vec_size_mismatch_2d",
        "np.arange(6.0).reshape((4, 2))",
        Array::from_vec(vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0], [4, 2])
    );
    case!(
        "from_vec_0d",
        "np.array(5.0)",
        Array::from_vec(vec![5.0], ())
    );
    case!(
        "from_ndarray",
        "np.array([[1.0, 2.0], [3.0, 4.0]])",
        Array::from_ndarray(ndarray_2x2())
    );
    case!(
        "from_ndarray_transposed",
        "np.array([[1.0, 2.0], [3.0, 4.0]]).T.copy()",
        Array::from_ndarray(ndarray_2x2().reversed_axes())
    );
    case!(
        "from_slice",
        "np.array([3, 1, 2], dtype=np.int16)",
        Array::from(&[3i16, 1, 2][..])
    );
    case!(
        "scalar_to_array",
        "np.array(np.float64(2.5))",
        np::Scalar::from(2.5).to_array()
    );

    // ----- attributes of new arrays --------------------------------------------------------
    case!(
        "attr_shape",
        "np.zeros((3, 4)).shape",
        np::zeros([3, 4]).shape()
    );
    case!(
        "attr_ndim",
        "np.zeros((3, 4)).ndim",
        np::zeros([3, 4]).ndim()
    );
    case!(
        "attr_size",
        "np.zeros((3, 4)).size",
        np::zeros([3, 4]).size()
    );
    case!("attr_size_0d", "np.zeros(()).size", np::zeros(()).size());
    case!(
        "attr_size_empty",
        "np.zeros((3, 0)).size",
        np::zeros([3, 0]).size()
    );
    case!("attr_len", "len(np.zeros((3, 4)))", np::zeros([3, 4]).len());
    case!("attr_len_0d", "len(np.zeros(()))", np::zeros(()).len());
    case!(
        "attr_itemsize",
        "np.zeros(3).itemsize",
        np::zeros(3).itemsize()
    );
    case!(
        "attr_itemsize_i8",
        "np.ones(3, dtype=np.int8).itemsize",
        np::full_dtype(3, 1, DType::Int8).itemsize()
    );
    case!(
        "attr_itemsize_c128",
        "np.ones(3, dtype=np.complex128).itemsize",
        np::full_dtype(3, 1, DType::Complex128).itemsize()
    );
    case!(
        "attr_nbytes",
        "np.zeros((10, 10)).nbytes",
        np::zeros([10, 10]).nbytes()
    );
    case!(
        "attr_nbytes_f32",
        "np.zeros((10, 10), dtype=np.float32).nbytes",
        np::full_dtype([10, 10], 0, DType::Float32).nbytes()
    );
    case!(
        "attr_strides",
        "np.zeros((3, 4)).strides",
        np::zeros([3, 4]).strides()
    );
    case!(
        "attr_strides_3d_i32",
        "np.zeros((2, 3, 4), dtype=np.int32).strides",
        np::full_dtype([2, 3, 4], 0, DType::Int32).strides()
    );
    case!(
        "attr_strides_0d",
        "np.zeros(()).strides",
        np::zeros(()).strides()
    );
    case!("attr_dtype", "np.ones((2,)).dtype", np::ones([2]).dtype());
    case!(
        "attr_flags",
        "np.zeros((3, 4)).flags",
        np::zeros([3, 4]).flags()
    );
    case!("attr_flags_1d", "np.arange(5).flags", np::arange(5).flags());
    case!(
        "attr_owndata",
        "np.zeros(3).flags.owndata",
        np::zeros(3).owns_data()
    );
    case!(
        "attr_base_none",
        "np.zeros(3).base is None",
        np::zeros(3).base().is_none()
    );
    case!("copy_values", "np.arange(6).copy()", np::arange(6).copy());
    case!(
        "copy_owndata",
        "np.arange(6)[::2].copy().flags.owndata",
        np::arange(6).slice(np::s![..;2]).copy().owns_data()
    );

    // ----- array! literals and np::array ----------------------------------------------------
    case!("array_lit_int", "np.array([1, 2, 3])", np::array![1, 2, 3]);
    case!(
        "array_lit_float",
        "np.array([1.0, 2.5, -3.0])",
        np::array![1.0, 2.5, -3.0]
    );
    case!(
        "array_lit_mixed",
        "np.array([1, 2.5, 3])",
        np::array![1, 2.5, 3]
    );
    case!(
        "array_lit_bool",
        "np.array([True, False])",
        np::array![true, false]
    );
    case!(
        "array_lit_2d",
        "np.array([[1, 2], [3, 4]])",
        np::array![[1, 2], [3, 4]]
    );
    case!(
        "array_lit_3d",
        "np.array([[[1.0], [2.0]], [[3.0], [4.0]]])",
        np::array![[[1.0], [2.0]], [[3.0], [4.0]]]
    );
    case!(
        "array_lit_ragged",
        "np.array([[1, 2], [3]])",
        np::array![[1, 2], [3]]
    );
    case!(
        "array_lit_astype",
        "np.array([1, 2, 3], dtype=np.int32)",
        np::array![1, 2, 3].astype(DType::Int32)
    );
    case!("array_lit_neg", "np.array([-1, -2])", np::array![-1, -2]);
    case!(
        "array_lit_nan",
        "np.array([np.nan, 1.0])",
        np::array![f64::NAN, 1.0]
    );
    case!(
        "array_lit_big_int",
        "np.array([2**40, 1])",
        np::array![1i64 << 40, 1]
    );
    case!(
        "array_lit_bool_int",
        "np.array([True, 2])",
        np::array![true, 2]
    );
    case!(
        "array_lit_f32",
        "np.array([np.float32(1.5), np.float32(2)])",
        np::array![1.5f32, 2.0f32]
    );
    case!(
        "array_from_vec",
        "np.array([1.0, 2.0])",
        np::array(vec![1.0, 2.0])
    );
    case!(
        "array_from_nested_vec",
        "np.array([[1, 2, 3], [4, 5, 6]])",
        np::array(vec![vec![1i64, 2, 3], vec![4, 5, 6]])
    );
    case!(
        "array_from_nested_arr",
        "np.array([[1.0, 2.0], [3.0, 4.0]])",
        np::array([[1.0, 2.0], [3.0, 4.0]])
    );
    case!(
        "array_from_fixed",
        "np.array([7, 8, 9])",
        np::array([7i64, 8, 9])
    );
    case!(
        "array_from_array_copies",
        "a = np.arange(3)\nb = np.array(a)\nb[0] = 5\na",
        {
            let a = np::arange(3);
            let b = np::array(&a);
            b.set([0], 5);
            a
        }
    );
    case!(
        "asarray_no_copy",
        "a = np.arange(3)\nb = np.asarray(a)\nb[0] = 5\na",
        {
            let a = np::arange(3);
            let b = np::asarray(&a);
            b.set([0], 5);
            a
        }
    );
    case!(
        "array_of_view",
        "np.array(np.arange(10)[::-3])",
        np::array(np::arange(10).slice(np::s![..;-3]))
    );

    // ----- *_like and *_dtype ---------------------------------------------------------------
    case!(
        "zeros_like_int",
        "np.zeros_like(np.arange(6).reshape(2, 3))",
        np::zeros_like(np::arange(6).reshape([2, 3]))
    );
    case!(
        "ones_like_float",
        "np.ones_like(np.linspace(0, 1, 4))",
        np::ones_like(np::linspace(0, 1, 4))
    );
    case!(
        "empty_like_shape",
        "np.empty_like(np.zeros((2, 5), dtype=np.float32)).shape",
        np::empty_like(np::zeros_dtype([2, 5], DType::Float32))
            .shape()
            .to_vec()
    );
    case!(
        "empty_like_dtype",
        "np.empty_like(np.zeros((2, 5), dtype=np.float32)).dtype",
        np::empty_like(np::zeros_dtype([2, 5], DType::Float32)).dtype()
    );
    case!(
        "full_like_int_float",
        "np.full_like(np.arange(4), 2.7)",
        np::full_like(np::arange(4), 2.7)
    );
    case!(
        "full_like_float",
        "np.full_like(np.zeros(3), 7)",
        np::full_like(np::zeros(3), 7)
    );
    case!(
        "full_like_bool",
        "np.full_like(np.array([True, False]), 0)",
        np::full_like(Array::from(vec![true, false]), 0)
    );
    case!(
        "zeros_like_view",
        "np.zeros_like(np.arange(12).reshape(3, 4).T)",
        np::zeros_like(np::arange(12).reshape([3, 4]).t())
    );
    case!(
        "ones_like_0d",
        "np.ones_like(np.array(3))",
        np::ones_like(np::full((), 3i64))
    );
    case!(
        "zeros_like_bool",
        "np.zeros_like(np.array([True]))",
        np::zeros_like(Array::from(vec![true]))
    );
    case!(
        "zeros_dtype_int32",
        "np.zeros((2, 2), dtype=np.int32)",
        np::zeros_dtype([2, 2], DType::Int32)
    );
    case!(
        "zeros_dtype_bool",
        "np.zeros(3, dtype=bool)",
        np::zeros_dtype(3, DType::Bool)
    );
    case!(
        "ones_dtype_u16",
        "np.ones(3, dtype=np.uint16)",
        np::ones_dtype(3, DType::UInt16)
    );
    case!(
        "ones_dtype_c64",
        "np.ones(2, dtype=np.complex64)",
        np::ones_dtype(2, DType::Complex64)
    );
    case!(
        "ones_dtype_bool",
        "np.ones((2, 2), dtype=bool)",
        np::ones_dtype([2, 2], DType::Bool)
    );
    case!(
        "empty_dtype_shape",
        "np.empty((3, 1), dtype=np.int8).shape",
        np::empty_dtype([3, 1], DType::Int8).shape().to_vec()
    );
    case!(
        "zeros_dtype_negative",
        "np.zeros(-2, dtype=np.int32)",
        np::zeros_dtype(-2, DType::Int32)
    );

    // ----- eye / identity / diag ------------------------------------------------------------
    case!("eye_3", "np.eye(3)", np::eye(3));
    case!("eye_rect", "np.eye(3, 4)", np::eye((3, 4)));
    case!("eye_rect_tall", "np.eye(4, 2)", np::eye((4, 2)));
    case!("eye_k1", "np.eye(3, 4, 1)", np::eye((3, 4, 1)));
    case!("eye_k_neg", "np.eye(4, 4, -2)", np::eye((4, 4, -2)));
    case!("eye_k_out", "np.eye(3, 3, 5)", np::eye((3, 3, 5)));
    case!("eye_0", "np.eye(0)", np::eye(0));
    case!("eye_negative", "np.eye(-1)", np::eye(-1));
    case!("identity_4", "np.identity(4)", np::identity(4));
    case!(
        "diag_1d",
        "np.diag(np.array([1, 2, 3]))",
        np::diag(np::array![1, 2, 3])
    );
    case!(
        "diag_1d_k",
        "np.diag(np.array([1.0, 2.0]), 1)",
        np::diag_k(np::array![1.0, 2.0], 1)
    );
    case!(
        "diag_1d_k_neg",
        "np.diag(np.array([1.0, 2.0]), -2)",
        np::diag_k(np::array![1.0, 2.0], -2)
    );
    case!(
        "diag_2d",
        "np.diag(np.arange(12).reshape(3, 4))",
        np::diag(np::arange(12).reshape([3, 4]))
    );
    case!(
        "diag_2d_k",
        "np.diag(np.arange(12).reshape(3, 4), 2)",
        np::diag_k(np::arange(12).reshape([3, 4]), 2)
    );
    case!(
        "diag_2d_k_neg",
        "np.diag(np.arange(12).reshape(3, 4), -1)",
        np::diag_k(np::arange(12).reshape([3, 4]), -1)
    );
    case!(
        "diag_2d_k_out",
        "np.diag(np.arange(12).reshape(3, 4), 7)",
        np::diag_k(np::arange(12).reshape([3, 4]), 7)
    );
    case!(
        "diag_2d_view_T",
        "np.diag(np.arange(12).reshape(3, 4).T)",
        np::diag(np::arange(12).reshape([3, 4]).t())
    );
    case!(
        "diag_readonly",
        "d = np.diag(np.eye(3))\nd[0] = 5",
        np::diag(np::eye(3)).set([0], 5)
    );
    case!(
        "diag_3d",
        "np.diag(np.zeros((2, 2, 2)))",
        np::diag(np::zeros([2, 2, 2]))
    );
    case!("diag_empty", "np.diag(np.zeros(0))", np::diag(np::zeros(0)));

    // ----- logspace / meshgrid --------------------------------------------------------------
    case!(
        "logspace_basic",
        "np.logspace(0, 3, 4)",
        np::logspace(0, 3, 4)
    );
    case!(
        "logspace_neg",
        "np.logspace(-2, 2, 9)",
        np::logspace(-2, 2, 9)
    );
    case!(
        "logspace_one",
        "np.logspace(1, 2, 1)",
        np::logspace(1, 2, 1)
    );
    case!(
        "logspace_frac",
        "np.logspace(0, 1, 7)",
        np::logspace(0, 1, 7)
    );
    case!(
        "meshgrid_xy",
        "tuple(np.meshgrid(np.arange(3), np.arange(2.0)))",
        np::meshgrid(&[np::arange(3), np::arange(2.0)])
    );
    case!(
        "meshgrid_ij",
        "tuple(np.meshgrid(np.arange(3), np.arange(2.0), indexing='ij'))",
        np::meshgrid_indexing(&[np::arange(3), np::arange(2.0)], "ij")
    );
    case!(
        "meshgrid_three",
        "tuple(np.meshgrid(np.arange(2), np.arange(3), np.arange(4)))",
        np::meshgrid(&[np::arange(2), np::arange(3), np::arange(4)])
    );
    case!(
        "meshgrid_bad_indexing",
        "np.meshgrid(np.arange(2), indexing='xz')",
        np::try_meshgrid_indexing(&[np::arange(2)], "xz")
    );
    case!(
        "meshgrid_shapes_linspace",
        "[x.shape for x in np.meshgrid(np.linspace(0, 1, 5), np.linspace(0, 1, 3))][0]",
        np::meshgrid(&[np::linspace(0, 1, 5), np::linspace(0, 1, 3)])[0]
            .shape()
            .to_vec()
    );

    // ----- arange / linspace / full: more edges ---------------------------------------------
    case!(
        "arange_float_neg_range",
        "np.arange(-1.0, 1.0, 0.3)",
        np::arange((-1.0, 1.0, 0.3))
    );
    case!(
        "arange_float_tiny_step",
        "np.arange(0.0, 1e-6, 1e-7)",
        np::arange((0.0, 1e-6, 1e-7))
    );
    case!(
        "arange_f32_args",
        "np.arange(np.float64(np.float32(0.5)), 3.0)",
        np::arange((0.5f32, 3.0f32))
    );
    case!(
        "arange_i64_big",
        "np.arange(2**40, 2**40 + 3)",
        np::arange((1i64 << 40, (1i64 << 40) + 3))
    );
    case!(
        "arange_neg_start",
        "np.arange(-5, 5, 2)",
        np::arange((-5, 5, 2))
    );
    case!(
        "arange_step_gt_range",
        "np.arange(0, 3, 10)",
        np::arange((0, 3, 10))
    );
    case!("arange_usize", "np.arange(4)", np::arange(4usize));
    case!(
        "linspace_neg",
        "np.linspace(-3, -1, 5)",
        np::linspace(-3, -1, 5)
    );
    case!(
        "linspace_f32_endpoints",
        "np.linspace(0.1, 0.7, 4)",
        np::linspace(0.1, 0.7, 4)
    );
    case!(
        "linspace_huge_range",
        "np.linspace(-1e300, 1e300, 5)",
        np::linspace(-1e300, 1e300, 5)
    );
    case!(
        "linspace_nan",
        "np.linspace(0, np.nan, 3)",
        np::linspace(0.0, f64::NAN, 3)
    );
    case!(
        "linspace_inf",
        "np.linspace(0, np.inf, 3)",
        np::linspace(0.0, f64::INFINITY, 3)
    );
    case!(
        "full_uint64_max",
        "np.full(2, 2**64 - 1, dtype=np.uint64)",
        np::full_dtype(2, u64::MAX, DType::UInt64)
    );
    case!(
        "full_i8_value",
        "np.full(2, np.int8(-5))",
        np::full(2, -5i8)
    );
    case!(
        "full_u16_value",
        "np.full(2, np.uint16(5))",
        np::full(2, 5u16)
    );
    case!(
        "full_c64_value",
        "np.full(2, np.complex64(1-1j))",
        np::full(2, np::Complex64::new(1.0, -1.0))
    );
    case!(
        "full_scalar_value",
        "np.full(3, np.float32(2.5))",
        np::full(3, np::Scalar::from(2.5f32))
    );
    case!(
        "full_negative_shape",
        "np.full((2, -1), 1.0)",
        np::full([2, -1], 1.0)
    );
}

fn ndarray_2x2() -> ndarray::ArrayD<f64> {
    ndarray::Array2::from_shape_vec((2, 2), vec![1.0, 2.0, 3.0, 4.0])
        .unwrap()
        .into_dyn()
}

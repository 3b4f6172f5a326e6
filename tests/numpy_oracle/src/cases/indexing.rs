//! Indexing: basic slicing (steps, negative steps, newaxis, ellipsis), element get/set, errors.

use arraylib as np;
use arraylib::{s, Array, Ellipsis, NewAxis};

fn a34() -> Array {
    Array::from_vec((0..12).collect::<Vec<i64>>(), [3, 4])
}

fn batch() -> Array {
    np::arange(2.0 * 28.0 * 28.0 * 3.0).reshape([2, 28, 28, 3])
}

fn a234() -> Array {
    Array::from_vec((0..24).map(|x| x as f64).collect::<Vec<f64>>(), [2, 3, 4])
}

pub fn run() {
    py_setup!("a34 = np.arange(12).reshape(3, 4)\na234 = np.arange(24.0).reshape(2, 3, 4)");

    // ----- basic slices ----------------------------------------------------------------------
    case!("row", "a34[1]", a34().slice(s![1]));
    case!("row_negative", "a34[-1]", a34().slice(s![-1]));
    case!("column", "a34[:, 2]", a34().slice(s![.., 2]));
    case!("column_negative", "a34[:, -4]", a34().slice(s![.., -4]));
    case!("range_rows", "a34[1:]", a34().slice(s![1..]));
    case!("range_both", "a34[0:2, 1:3]", a34().slice(s![0..2, 1..3]));
    case!("range_to", "a34[:2]", a34().slice(s![..2]));
    case!(
        "range_inclusive",
        "a34[0:3, 1:3]",
        a34().slice(s![0..=2, 1..=2])
    );
    case!(
        "range_negative_bounds",
        "a34[-2:, :-1]",
        a34().slice(s![-2.., ..-1])
    );
    case!(
        "range_out_of_bounds_clips",
        "a34[1:100]",
        a34().slice(s![1..100])
    );
    case!("range_empty", "a34[2:1]", a34().slice(s![2..1]));
    case!("range_empty_both", "a34[3:, 4:]", a34().slice(s![3.., 4..]));
    case!(
        "step_2",
        "np.arange(10)[::2]",
        np::arange(10).slice(s![..;2])
    );
    case!(
        "step_3_from_1",
        "np.arange(10)[1::3]",
        np::arange(10).slice(s![1..;3])
    );
    case!(
        "step_range",
        "np.arange(10)[2:9:3]",
        np::arange(10).slice(s![2..9;3])
    );
    case!(
        "step_large",
        "np.arange(10)[::20]",
        np::arange(10).slice(s![..;20])
    );
    case!(
        "reverse",
        "np.arange(10)[::-1]",
        np::arange(10).slice(s![..;-1])
    );
    case!(
        "reverse_step_2",
        "np.arange(10)[::-2]",
        np::arange(10).slice(s![..;-2])
    );
    case!(
        "reverse_from",
        "np.arange(10)[7::-2]",
        np::arange(10).slice(s![7..;-2])
    );
    case!(
        "reverse_range",
        "np.arange(10)[8:2:-1]",
        np::arange(10).slice(s![8..2;-1])
    );
    case!(
        "reverse_to",
        "np.arange(10)[:3:-1]",
        np::arange(10).slice(s![..3;-1])
    );
    case!(
        "reverse_empty",
        "np.arange(10)[2:8:-1]",
        np::arange(10).slice(s![2..8;-1])
    );
    case!(
        "reverse_2d",
        "a34[::-1, ::-1]",
        a34().slice(s![..;-1, ..;-1])
    );
    case!(
        "reverse_rows_step",
        "a34[::-2, 1::2]",
        a34().slice(s![..;-2, 1..;2])
    );
    case!(
        "reverse_of_reverse",
        "np.arange(7)[::-1][::-2]",
        np::arange(7).slice(s![..;-1]).slice(s![..;-2])
    );
    case!(
        "slice_of_slice",
        "np.arange(20)[3:17][::4][1:]",
        np::arange(20)
            .slice(s![3..17])
            .slice(s![..;4])
            .slice(s![1..])
    );
    case!(
        "slice_float",
        "a234[1, ::2, 1:3]",
        a234().slice(s![1, ..;2, 1..3])
    );
    case!(
        "slice_empty_array",
        "np.zeros(0)[1:]",
        np::zeros(0).slice(s![1..])
    );
    case!(
        "slice_empty_dim",
        "np.zeros((3, 0))[1:, :]",
        np::zeros([3, 0]).slice(s![1.., ..])
    );
    case!("full_slice", "a34[:]", a34().slice(s![..]));
    case!(
        "scalar_index_all",
        "a34[2, 3, ...]",
        a34().slice(s![2, 3, Ellipsis])
    );

    // ----- newaxis and ellipsis ---------------------------------------------------------------
    case!(
        "newaxis_front",
        "np.arange(4)[np.newaxis]",
        np::arange(4).slice(s![NewAxis])
    );
    case!(
        "newaxis_back",
        "np.arange(4)[:, np.newaxis]",
        np::arange(4).slice(s![.., NewAxis])
    );
    case!(
        "newaxis_shape",
        "np.arange(4)[:, None, None].shape",
        np::arange(4)
            .slice(s![.., NewAxis, NewAxis])
            .shape()
            .to_vec()
    );
    case!(
        "newaxis_middle",
        "a34[:, np.newaxis, 1:]",
        a34().slice(s![.., NewAxis, 1..])
    );
    case!(
        "newaxis_0d",
        "np.array(5.0)[np.newaxis]",
        np::full((), 5.0).slice(s![NewAxis])
    );
    case!(
        "ellipsis_last",
        "a234[..., 1]",
        a234().slice(s![Ellipsis, 1])
    );
    case!(
        "ellipsis_first",
        "a234[0, ...]",
        a234().slice(s![0, Ellipsis])
    );
    case!(
        "ellipsis_middle",
        "a234[1, ..., ::-1]",
        a234().slice(s![1, Ellipsis, ..;-1])
    );
    case!("ellipsis_alone", "a34[...]", a34().slice(s![Ellipsis]));
    case!(
        "ellipsis_newaxis",
        "a34[..., np.newaxis]",
        a34().slice(s![Ellipsis, NewAxis])
    );
    case!(
        "ellipsis_0d",
        "np.array(3.0)[...]",
        np::full((), 3.0).slice(s![Ellipsis])
    );
    case!(
        "ellipsis_full_index",
        "a34[1, ..., 2]",
        a34().slice(s![1, Ellipsis, 2])
    );

    // ----- tutorial patterns: 4-D image batches, chained indexing, truncation -----------------
    case!(
        "batch_first_image",
        "b = np.arange(2 * 28 * 28 * 3.0).reshape(2, 28, 28, 3)\nb[0].shape",
        batch().slice(s![0]).shape().to_vec()
    );
    case!(
        "batch_mini",
        "b = np.arange(2 * 28 * 28 * 3.0).reshape(2, 28, 28, 3)\nb[:1].shape",
        batch().slice(s![..1]).shape().to_vec()
    );
    case!(
        "batch_channel",
        "b = np.arange(2 * 28 * 28 * 3.0).reshape(2, 28, 28, 3)\nb[:, :, :, 0]",
        batch().slice(s![.., .., .., 0])
    );
    case!(
        "batch_center_crop",
        "b = np.arange(2 * 28 * 28 * 3.0).reshape(2, 28, 28, 3)\nb[:, 7:21, 7:21, :]",
        batch().slice(s![.., 7..21, 7..21, ..])
    );
    case!(
        "batch_crop_strides",
        "b = np.arange(2 * 28 * 28 * 3.0).reshape(2, 28, 28, 3)\nb[:, 7:21, 7:21, :].strides",
        batch().slice(s![.., 7..21, 7..21, ..]).strides()
    );
    case!(
        "batch_newaxis_last",
        "np.arange(24.0).reshape(2, 3, 4)[:, :, :, np.newaxis].shape",
        a234().slice(s![.., .., .., NewAxis]).shape().to_vec()
    );
    case!(
        "chained_row_then_range",
        "a34[0][:3]",
        a34().slice(s![0]).slice(s![..3])
    );
    case!(
        "chained_col_then_step",
        "a34[:, 1][::-1]",
        a34().slice(s![.., 1]).slice(s![..;-1])
    );
    case!("truncate_cols", "a34[:, :2]", a34().slice(s![.., ..2]));
    case!("truncate_rows", "a34[:2, :]", a34().slice(s![..2, ..]));
    case!(
        "every_other_2d",
        "np.arange(36).reshape(6, 6)[::2, ::2]",
        np::arange(36).reshape([6, 6]).slice(s![..;2, ..;2])
    );
    case!(
        "every_other_2d_write",
        "a = np.zeros((4, 4))\na[::2, ::2] = 1\na",
        {
            let a = np::zeros([4, 4]);
            a.slice(s![..;2, ..;2]).fill(1);
            a
        }
    );
    case!(
        "slice_3d_mixed",
        "a234[:, 1:, ::-2]",
        a234().slice(s![.., 1.., ..;-2])
    );
    case!(
        "slice_3d_int_middle",
        "a234[::-1, 0, 1:3]",
        a234().slice(s![..;-1, 0, 1..3])
    );
    case!(
        "slice_step_neg_bounds",
        "np.arange(10)[-2:-8:-2]",
        np::arange(10).slice(s![-2..-8;-2])
    );
    case!(
        "slice_neg_start_beyond",
        "np.arange(10)[-20:3]",
        np::arange(10).slice(s![-20..3])
    );
    case!(
        "slice_reverse_beyond",
        "np.arange(10)[20:-20:-3]",
        np::arange(10).slice(s![20..-20;-3])
    );
    case!(
        "slice_empty_reverse",
        "np.zeros(0)[::-1]",
        np::zeros(0).slice(s![..;-1])
    );
    case!(
        "slice_bool_array",
        "np.array([True, False, True, True])[1::2]",
        Array::from(vec![true, false, true, true]).slice(s![1..;2])
    );
    case!(
        "slice_complex_array",
        "np.array([1+1j, 2-2j, 3j])[::-1]",
        Array::from(vec![
            np::Complex128::new(1.0, 1.0),
            np::Complex128::new(2.0, -2.0),
            np::Complex128::new(0.0, 3.0)
        ])
        .slice(s![..;-1])
    );
    case!(
        "slice_u8_array",
        "np.arange(10, dtype=np.uint8)[3:7]",
        np::arange(10).astype(np::DType::UInt8).slice(s![3..7])
    );
    case!(
        "newaxis_between_ints",
        "a34[1, np.newaxis, 2]",
        a34().slice(s![1, NewAxis, 2])
    );
    case!(
        "newaxis_multiple_ellipsis",
        "a234[np.newaxis, ..., np.newaxis, 0]",
        a234().slice(s![NewAxis, Ellipsis, NewAxis, 0])
    );
    case!(
        "index_on_newaxis_view",
        "np.arange(4)[np.newaxis][0, 2]",
        np::arange(4).slice(s![NewAxis]).get([0, 2])
    );
    case!("get_from_transposed", "a34.T[3, 0]", a34().t().get([3, 0]));
    case!(
        "get_from_broadcast",
        "np.broadcast_to(np.arange(3), (4, 3))[3, 2]",
        np::arange(3).broadcast_to([4, 3]).get([3, 2])
    );
    case!(
        "get_complex",
        "np.array([1+2j])[0]",
        Array::from(vec![np::Complex128::new(1.0, 2.0)]).get([0])
    );
    case!(
        "get_i8",
        "np.array([-5], dtype=np.int8)[0]",
        Array::from(vec![-5i8]).get([0])
    );
    case!(
        "get_empty",
        "np.zeros((2, 0))[0, 0]",
        np::zeros([2, 0]).get([0, 0])
    );
    case!(
        "get_0d_index_error",
        "np.array(1.0)[0]",
        np::full((), 1.0).get([0])
    );
    case!(
        "set_view_negative",
        "a = np.arange(10)\na[::-3][1] = 77\na",
        {
            let a = np::arange(10);
            a.slice(s![..;-3]).set([1], 77);
            a
        }
    );
    case!(
        "set_uint8_wrap",
        "a = np.zeros(2, dtype=np.uint8)\na[0] = np.int64(300).astype(np.uint8)\na",
        {
            let a = np::zeros_dtype(2, np::DType::UInt8);
            a.set([0], np::Scalar::from(300i64).astype(np::DType::UInt8));
            a
        }
    );
    case!(
        "set_complex_into_float",
        "a = np.zeros(2)\na[0] = np.complex128(3+4j)\na",
        {
            let a = np::zeros(2);
            a.set([0], np::Complex128::new(3.0, 4.0));
            a
        }
    );
    case!(
        "set_int8_out_of_range",
        "a = np.zeros(2, dtype=np.int8)\na[0] = 300",
        np::zeros_dtype(2, np::DType::Int8).set([0], 300)
    );
    case!(
        "fill_uint8_out_of_range",
        "a = np.zeros(2, dtype=np.uint8)\na.fill(300)",
        np::zeros_dtype(2, np::DType::UInt8).fill(300)
    );
    case!(
        "set_uint64_max",
        "a = np.zeros(2, dtype=np.uint64)\na[0] = 2**64 - 1\na",
        {
            let a = np::zeros_dtype(2, np::DType::UInt64);
            a.set([0], u64::MAX);
            a
        }
    );
    case!(
        "set_int64_into_int32_fits",
        "a = np.zeros(2, dtype=np.int32)\na[0] = -2**31\na",
        {
            let a = np::zeros_dtype(2, np::DType::Int32);
            a.set([0], -(1i64 << 31));
            a
        }
    );
    case!(
        "set_uint8_negative",
        "a = np.zeros(2, dtype=np.uint8)\na[0] = -1",
        np::zeros_dtype(2, np::DType::UInt8).set([0], -1)
    );
    case!(
        "set_int8_in_range",
        "a = np.zeros(2, dtype=np.int8)\na[1] = -128\na",
        {
            let a = np::zeros_dtype(2, np::DType::Int8);
            a.set([1], -128);
            a
        }
    );
    case!(
        "set_scalar_f32",
        "a = np.zeros(2, dtype=np.float32)\na[1] = 0.1\na",
        {
            let a = np::zeros_dtype(2, np::DType::Float32);
            a.set([1], 0.1);
            a
        }
    );
    case!("set_0d", "a = np.array(1.0)\na[()] = 4\na", {
        let a = np::full((), 1.0);
        a.set((), 4);
        a
    });
    case!(
        "fill_2d_step_view",
        "a = np.zeros((3, 4), dtype=np.int8)\na[:, ::3] = -2\na",
        {
            let a = np::zeros_dtype([3, 4], np::DType::Int8);
            a.slice(s![.., ..;3]).fill(-2);
            a
        }
    );
    case!("fill_empty_view", "a = np.arange(3)\na[2:1] = 9\na", {
        let a = np::arange(3);
        a.slice(s![2..1]).fill(9);
        a
    });
    case!(
        "len_of_view",
        "len(a34[1:, ::2])",
        a34().slice(s![1.., ..;2]).len()
    );
    case!(
        "shape_of_view",
        "a234[..., ::3].shape",
        a234().slice(s![Ellipsis, ..;3]).shape().to_vec()
    );
    case!(
        "size_of_empty_view",
        "a34[5:].size",
        a34().slice(s![5..]).size()
    );

    // ----- index errors -----------------------------------------------------------------------
    case!(
        "index_out_of_bounds",
        "np.arange(3)[5]",
        np::arange(3).slice(s![5])
    );
    case!(
        "index_negative_out_of_bounds",
        "np.arange(3)[-4]",
        np::arange(3).slice(s![-4])
    );
    case!(
        "index_axis1_out_of_bounds",
        "a34[0, 4]",
        a34().slice(s![0, 4])
    );
    case!("too_many_indices", "a34[1, 2, 3]", a34().slice(s![1, 2, 3]));
    case!(
        "too_many_indices_0d",
        "np.array(1.0)[0]",
        np::full((), 1.0).slice(s![0])
    );
    case!(
        "two_ellipses",
        "a34[..., 1, ...]",
        a34().slice(s![Ellipsis, 1, Ellipsis])
    );
    case!(
        "try_slice_err",
        "np.arange(3)[7]",
        np::arange(3).try_slice(s![7])
    );
    case!(
        "index_empty_axis",
        "np.zeros((0, 3))[0]",
        np::zeros([0, 3]).slice(s![0])
    );

    // ----- get / set --------------------------------------------------------------------------
    case!("get_2d", "a34[1, 2]", a34().get([1, 2]));
    case!("get_negative", "a34[-1, -1]", a34().get([-1, -1]));
    case!("get_float", "a234[1, 2, 3]", a234().get([1, 2, 3]));
    case!("get_1d", "np.arange(5.0)[3]", np::arange(5.0).get([3]));
    case!("get_0d", "np.array(2.5)[()]", np::full((), 2.5).get(()));
    case!(
        "get_view",
        "a34[::-1, 1:][0, 0]",
        a34().slice(s![..;-1, 1..]).get([0, 0])
    );
    case!(
        "get_bool",
        "np.array([True, False])[1]",
        Array::from(vec![true, false]).get([1])
    );
    case!(
        "get_uint8",
        "np.array([200, 7], dtype=np.uint8)[0]",
        Array::from(vec![200u8, 7]).get([0])
    );
    case!(
        "get_f32",
        "np.array([0.1], dtype=np.float32)[0]",
        Array::from(vec![0.1f32]).get([0])
    );
    case!("get_out_of_bounds", "a34[3, 0]", a34().get([3, 0]));
    case!("get_axis1_out_of_bounds", "a34[0, -5]", a34().get([0, -5]));
    case!("get_too_many", "a34[0, 0, 0]", a34().get([0, 0, 0]));
    case!("try_get_err", "np.arange(3)[3]", np::arange(3).try_get([3]));
    case!("set_2d", "a = np.zeros((2, 3))\na[1, 2] = 5\na", {
        let a = np::zeros([2, 3]);
        a.set([1, 2], 5);
        a
    });
    case!(
        "set_int_truncates",
        "a = np.zeros(3, dtype=np.int32)\na[0] = -2.7\na",
        {
            let a = np::full_dtype(3, 0, np::DType::Int32);
            a.set([0], -2.7);
            a
        }
    );
    case!(
        "set_bool_from_number",
        "a = np.zeros(3, dtype=bool)\na[1] = 5\na",
        {
            let a = np::full_dtype(3, false, np::DType::Bool);
            a.set([1], 5);
            a
        }
    );
    case!("set_nan", "a = np.zeros(2)\na[0] = np.nan\na", {
        let a = np::zeros(2);
        a.set([0], f64::NAN);
        a
    });
    case!(
        "set_out_of_bounds",
        "a = np.zeros((2, 3))\na[2, 0] = 1",
        np::zeros([2, 3]).set([2, 0], 1)
    );
    case!("fill_float_into_int", "a = np.arange(4)\na.fill(2.5)\na", {
        let a = np::arange(4);
        a.fill(2.5);
        a
    });
    case!(
        "fill_negative_step_view",
        "a = np.arange(6)\na[::-2] = 0\na",
        {
            let a = np::arange(6);
            a.slice(s![..;-2]).fill(0);
            a
        }
    );
}

//! Differential cases for advanced indexing: integer-array and boolean-array indices (reading
//! and writing), `nonzero`, `argwhere`, `flatnonzero`, `take`, `put`, `take_along_axis`,
//! `put_along_axis`, `compress` and `extract`.

use arraylib as np;
use arraylib::{s, Array, DType, Ellipsis, NewAxis, Scalar};

fn a34() -> Array {
    Array::from_vec((0..12).collect::<Vec<i64>>(), [3, 4])
}

fn a234() -> Array {
    Array::from_vec((0..24).map(|x| x as f64).collect::<Vec<f64>>(), [2, 3, 4])
}

fn b4() -> Array {
    np::arange(120).reshape([2, 3, 4, 5])
}

pub fn run() {
    py_setup!(
        "a34 = np.arange(12).reshape(3, 4)\na234 = np.arange(24.0).reshape(2, 3, 4)\n\
         b4 = np.arange(120).reshape(2, 3, 4, 5)"
    );
    integer_arrays();
    boolean_masks();
    assignment();
    dtypes();
    errors();
    functions();
}

fn integer_arrays() {
    case!(
        "rows_list_slice",
        "a34[[0, 2], :]",
        a34().index(s![[0, 2], ..])
    );
    case!("rows_list", "a34[[0, 2]]", a34().index(s![[0, 2]]));
    case!(
        "rows_list_via_slice",
        "a34[[0, 2]]",
        a34().slice(s![[0, 2]])
    );
    case!(
        "rows_negative",
        "a34[[-1, 0, -3]]",
        a34().index(s![[-1, 0, -3]])
    );
    case!(
        "rows_repeated",
        "a34[[1, 1, 1]]",
        a34().index(s![[1, 1, 1]])
    );
    case!("cols_list", "a34[:, [3, 0]]", a34().index(s![.., [3, 0]]));
    case!(
        "pairs",
        "a34[[0, 1, 2], [3, 2, 1]]",
        a34().index(s![[0, 1, 2], [3, 2, 1]])
    );
    case!(
        "pairs_broadcast",
        "a34[[[0], [2]], [1, 3]]",
        a34().index(s![np::array![[0], [2]], [1, 3]])
    );
    case!(
        "int_then_list",
        "a34[1, [0, 2]]",
        a34().index(s![1, [0, 2]])
    );
    case!(
        "list_then_int",
        "a34[[0, 2], 1]",
        a34().index(s![[0, 2], 1])
    );
    case!(
        "slice_then_list",
        "a34[1:, [0, 2]]",
        a34().index(s![1.., [0, 2]])
    );
    case!(
        "reversed_then_list",
        "a34[::-1, [0, 3]]",
        a34().index(s![..;-1, [0, 3]])
    );
    case!(
        "list_then_step",
        "a34[[2, 0], ::2]",
        a34().index(s![[2, 0], ..;2])
    );
    case!("vec_i64", "a34[[2, 1]]", a34().index(s![vec![2i64, 1]]));
    case!(
        "vec_usize_ref",
        "a34[[2, 1]]",
        a34().index(s![&vec![2usize, 1]])
    );
    case!(
        "slice_usize",
        "a34[[0, 2]]",
        a34().index(s![&[0usize, 2][..]])
    );
    case!("array_ref", "a34[np.array([2, 0])]", {
        let i = np::array![2, 0];
        a34().index(s![&i])
    });
    case!(
        "array_int32",
        "a34[np.array([2, 0], dtype=np.int32)]",
        a34().index(s![np::array![2, 0].astype(DType::Int32)])
    );
    case!(
        "array_uint8",
        "a34[np.array([2, 0], dtype=np.uint8)]",
        a34().index(s![np::array![2, 0].astype(DType::UInt8)])
    );
    case!(
        "array_2d_index",
        "a34[np.array([[0, 1], [2, 0]])]",
        a34().index(s![np::array![[0, 1], [2, 0]]])
    );
    case!(
        "array_2d_index_col",
        "a34[:, np.array([[0, 1], [2, 3]])]",
        a34().index(s![.., np::array![[0, 1], [2, 3]]])
    );
    case!(
        "zero_d_int_array",
        "a34[np.array(1)]",
        a34().index(s![Scalar::from(1i64).to_array()])
    );
    case!(
        "empty_index",
        "a34[np.array([], dtype=np.int64)]",
        a34().index(s![Vec::<i64>::new()])
    );
    case!(
        "empty_index_then_slice",
        "a34[np.array([], dtype=np.int64), 1:]",
        a34().index(s![Vec::<i64>::new(), 1..])
    );
    case!(
        "empty_axis_empty_index",
        "np.zeros((0, 3))[np.array([], dtype=np.int64)]",
        np::zeros([0, 3]).index(s![Vec::<i64>::new()])
    );
    case!(
        "permutation_split",
        "data = np.arange(16.0).reshape(8, 2)\nperm = np.array([3, 7, 1, 0, 6, 2, 5, 4])\ndata[perm[:5]]",
        {
            let data = np::arange(16.0).reshape([8, 2]);
            let perm = np::array![3, 7, 1, 0, 6, 2, 5, 4];
            data.index(s![perm.slice(s![..5])])
        }
    );
    case!(
        "permutation_rest",
        "data = np.arange(16.0).reshape(8, 2)\nperm = np.array([3, 7, 1, 0, 6, 2, 5, 4])\ndata[perm[5:]]",
        {
            let data = np::arange(16.0).reshape([8, 2]);
            let perm = np::array![3, 7, 1, 0, 6, 2, 5, 4];
            data.index(s![perm.slice(s![5..])])
        }
    );
    case!(
        "eye_one_hot",
        "np.eye(3)[np.array([2, 0, 1, 1])]",
        np::eye(3).index(s![np::array![2, 0, 1, 1]])
    );
    case!(
        "copy_not_view",
        "a = np.arange(4)\nb = a[[0, 1]]\nb[0] = 99\na",
        {
            let a = np::arange(4);
            let b = a.index(s![[0, 1]]);
            b.set([0], 99);
            a
        }
    );
    case!(
        "owns_data",
        "a34[[0, 1]].base is None",
        a34().index(s![[0, 1]]).owns_data()
    );

    // Advanced indices separated by a slice, newaxis or a non-empty ellipsis go first.
    case!(
        "sep_int_list",
        "b4[:, 0, :, [1, 2]]",
        b4().index(s![.., 0, .., [1, 2]])
    );
    case!(
        "adjacent_lists",
        "b4[:, [0], [1, 2]]",
        b4().index(s![.., [0], [1, 2]])
    );
    case!(
        "sep_int_first",
        "b4[0, :, [1, 2]]",
        b4().index(s![0, .., [1, 2]])
    );
    case!(
        "sep_newaxis",
        "b4[[0, 1], None, [0, 1]]",
        b4().index(s![[0, 1], NewAxis, [0, 1]])
    );
    case!(
        "sep_ellipsis",
        "b4[[0], ..., [0]]",
        b4().index(s![[0], Ellipsis, [0]])
    );
    case!(
        "empty_ellipsis_adjacent",
        "np.arange(6).reshape(2, 3)[[0], ..., [0]]",
        np::arange(6).reshape([2, 3]).index(s![[0], Ellipsis, [0]])
    );
    case!(
        "ellipsis_list",
        "a234[..., [0, 3]]",
        a234().index(s![Ellipsis, [0, 3]])
    );
    case!(
        "list_ellipsis_list",
        "a234[[1], ..., [0, 2]]",
        a234().index(s![[1], Ellipsis, [0, 2]])
    );
    case!(
        "middle_list",
        "a234[:, [2, 0], 1:3]",
        a234().index(s![.., [2, 0], 1..3])
    );
    case!(
        "middle_pair",
        "b4[:, [0, 2], [1, 3], :]",
        b4().index(s![.., [0, 2], [1, 3], ..])
    );
    case!(
        "middle_pair_broadcast",
        "b4[1:, [[0], [2]], [1, 3], ::2]",
        b4().index(s![1.., np::array![[0], [2]], [1, 3], ..;2])
    );
    case!(
        "newaxis_first",
        "a34[None, [0, 2]]",
        a34().index(s![NewAxis, [0, 2]])
    );
    case!(
        "newaxis_after",
        "a34[[0, 2], None]",
        a34().index(s![[0, 2], NewAxis])
    );
    case!(
        "newaxis_middle",
        "a34[:, None, [1]]",
        a34().index(s![.., NewAxis, [1]])
    );

    // Non-contiguous sources.
    case!(
        "transposed_rows",
        "a34.T[[0, 3]]",
        a34().t().index(s![[0, 3]])
    );
    case!(
        "transposed_pairs",
        "a34.T[[0, 3], [2, 1]]",
        a34().t().index(s![[0, 3], [2, 1]])
    );
    case!(
        "strided_rows",
        "a34[::2, ::-1][[1, 0]]",
        a34().slice(s![..;2, ..;-1]).index(s![[1, 0]])
    );
    case!(
        "permuted_3d",
        "a234.transpose(2, 0, 1)[[1, 3], :, [0, 2]]",
        np::permute_dims(a234(), [2, 0, 1]).index(s![[1, 3], .., [0, 2]])
    );
    case!(
        "column_view_rows",
        "a234[:, :, 1][[1, 0]]",
        a234().slice(s![.., .., 1]).index(s![[1, 0]])
    );
    case!(
        "broadcast_view_rows",
        "np.broadcast_to(np.arange(3), (4, 3))[[0, 3]]",
        np::arange(3).broadcast_to([4, 3]).index(s![[0, 3]])
    );
}

fn boolean_masks() {
    case!("mask_gt", "a34[a34 > 5]", {
        let a = a34();
        a.index(s![a.gt(5)])
    });
    case!("mask_combined", "a34[(a34 >= 3) & (a34 <= 8)]", {
        let a = a34();
        a.index(s![np::logical_and(a.ge(3), a.le(8))])
    });
    case!("mask_or_not", "a34[~((a34 < 2) | (a34 > 9))]", {
        let a = a34();
        a.index(s![np::logical_not(np::logical_or(a.lt(2), a.gt(9)))])
    });
    case!("mask_none_true", "a34[a34 > 100]", {
        let a = a34();
        a.index(s![a.gt(100)])
    });
    case!("mask_all_true", "a34[a34 >= 0]", {
        let a = a34();
        a.index(s![a.ge(0)])
    });
    case!(
        "mask_rows_list",
        "a34[[True, False, True]]",
        a34().index(s![[true, false, true]])
    );
    case!(
        "mask_rows_array",
        "a34[np.array([False, True, True])]",
        a34().index(s![np::array![false, true, true]])
    );
    case!(
        "mask_cols",
        "a34[:, np.array([True, False, False, True])]",
        a34().index(s![.., [true, false, false, true]])
    );
    case!(
        "mask_and_list",
        "a34[np.array([True, False, True]), [0, 3]]",
        a34().index(s![[true, false, true], [0, 3]])
    );
    case!("mask_leading_2d", "a234[a234[:, :, 0] > 5]", {
        let a = a234();
        a.index(s![a.slice(s![.., .., 0]).gt(5)])
    });
    case!("mask_trailing_2d", "a234[:, a234[0] % 3 == 0]", {
        let a = a234();
        let m = np::equal(np::remainder(a.slice(s![0]), 3), 0);
        a.index(s![.., m])
    });
    case!(
        "mask_0d_true",
        "a34[True]",
        a34().index(s![Scalar::from(true).to_array()])
    );
    case!(
        "mask_0d_false",
        "a34[False]",
        a34().index(s![Scalar::from(false).to_array()])
    );
    case!(
        "mask_0d_on_0d",
        "np.array(5)[np.array(True)]",
        Scalar::from(5i64)
            .to_array()
            .index(s![Scalar::from(true).to_array()])
    );
    case!(
        "mask_empty",
        "np.zeros(0)[np.zeros(0, dtype=bool)]",
        np::zeros(0).index(s![np::zeros_dtype(0, DType::Bool)])
    );
    case!("mask_transposed_data", "a34.T[a34.T > 5]", {
        let t = a34().t();
        t.index(s![t.gt(5)])
    });
    case!("mask_strided_data", "v = a34[:, ::2]\nv[v > 3]", {
        let v = a34().slice(s![.., ..;2]);
        v.index(s![v.gt(3)])
    });
    case!("mask_from_other_view", "a34[a34.T.T > 3]", {
        let a = a34();
        a.index(s![a.t().t().gt(3)])
    });
    case!(
        "mask_reused",
        "scores = np.array([72, 91, 85, 88, 95, 60])\nhigh = scores > 85\nids = np.arange(6) * 10\n(scores[high], ids[high])",
        {
            let scores = np::array![72, 91, 85, 88, 95, 60];
            let high = scores.gt(85);
            let ids = np::arange(6) * 10;
            (scores.index(s![&high]), ids.index(s![&high]))
        }
    );
    case!(
        "mask_large_1d",
        "x = np.sin(np.arange(100000.0))\nx[x > 0.5]",
        {
            let x = np::sin(np::arange(100000.0));
            x.index(s![x.gt(0.5)])
        }
    );
    case!(
        "mask_gt_float32",
        "x = np.arange(10, dtype=np.float32)\nx[x > 4.5]",
        {
            let x = np::arange(10).astype(DType::Float32);
            x.index(s![x.gt(4.5)])
        }
    );
    case!("mask_then_slice", "a234[np.array([True, False]), 1:]", {
        a234().index(s![[true, false], 1..])
    });
}

fn assignment() {
    case!(
        "one_hot",
        "n = 4\nlabels = np.array([2, 0, 1, 2])\nout = np.zeros((n, 3))\nout[np.arange(n), labels] = 1\nout",
        {
            let n = 4;
            let labels = np::array![2, 0, 1, 2];
            let out = np::zeros([n, 3]);
            out.set(s![np::arange(n as i64), &labels], 1);
            out
        }
    );
    case!("mask_set_scalar", "a = np.arange(12)\na[a > 5] = 0\na", {
        let a = np::arange(12);
        a.set(s![a.gt(5)], 0);
        a
    });
    case!("mask_set_2d", "a = a34.copy()\na[a % 2 == 0] = -1\na", {
        let a = a34();
        a.set(s![np::equal(np::remainder(&a, 2), 0)], -1);
        a
    });
    case!(
        "mask_set_values",
        "a = np.arange(6.0)\na[a > 2] = np.array([10.0, 20.0, 30.0])\na",
        {
            let a = np::arange(6.0);
            a.set(s![a.gt(2)], np::array![10.0, 20.0, 30.0]);
            a
        }
    );
    case!(
        "mask_set_one_value",
        "a = np.arange(6.0)\na[a > 2] = np.array([7.0])\na",
        {
            let a = np::arange(6.0);
            a.set(s![a.gt(2)], np::array![7.0]);
            a
        }
    );
    case!(
        "mask_set_rows",
        "a = a34.copy()\na[[True, False, True]] = np.arange(4)\na",
        {
            let a = a34();
            a.set(s![[true, false, true]], np::arange(4));
            a
        }
    );
    case!(
        "rows_set_row",
        "a = np.zeros((3, 4))\na[[0, 2]] = np.arange(4)\na",
        {
            let a = np::zeros([3, 4]);
            a.set(s![[0, 2]], np::arange(4));
            a
        }
    );
    case!(
        "cols_set_column",
        "a = np.zeros((3, 4))\na[:, [1, 3]] = np.array([[1], [2], [3]])\na",
        {
            let a = np::zeros([3, 4]);
            a.set(s![.., [1, 3]], np::array![[1], [2], [3]]);
            a
        }
    );
    case!(
        "slice_list_set",
        "a = np.zeros((3, 4))\na[1:, [0, 3]] = 7\na",
        {
            let a = np::zeros([3, 4]);
            a.set(s![1.., [0, 3]], 7);
            a
        }
    );
    case!(
        "separated_set",
        "b = b4.copy()\nb[:, 0, :, [1, 2]] = -np.arange(8).reshape(2, 2, 4)\nb",
        {
            let b = b4();
            b.set(s![.., 0, .., [1, 2]], -np::arange(8).reshape([2, 2, 4]));
            b
        }
    );
    case!(
        "repeated_last_wins",
        "z = np.zeros(4)\nz[[0, 0, 1]] = [1, 2, 3]\nz",
        {
            let z = np::zeros(4);
            z.set(s![[0, 0, 1]], np::array![1, 2, 3]);
            z
        }
    );
    case!("negative_set", "a = np.arange(5)\na[[-1, -2]] = 9\na", {
        let a = np::arange(5);
        a.set(s![[-1, -2]], 9);
        a
    });
    case!(
        "float_into_int_set",
        "a = np.zeros(3, np.int32)\na[[0, 2]] = 2.7\na",
        {
            let a = np::zeros_dtype(3, DType::Int32);
            a.set(s![[0, 2]], 2.7);
            a
        }
    );
    case!(
        "float_array_into_int_set",
        "a = np.zeros(3, np.int16)\na[[0, 2]] = np.array([1.9, -2.9])\na",
        {
            let a = np::zeros_dtype(3, DType::Int16);
            a.set(s![[0, 2]], np::array![1.9, -2.9]);
            a
        }
    );
    case!(
        "set_through_view",
        "a = np.zeros((4, 4))\nv = a[::2]\nv[[0, 1], [1, 2]] = 5\na",
        {
            let a = np::zeros([4, 4]);
            let v = a.slice(s![..;2]);
            v.set(s![[0, 1], [1, 2]], 5);
            a
        }
    );
    case!(
        "set_transposed",
        "a = np.zeros((3, 4))\na.T[[0, 3]] = 1\na",
        {
            let a = np::zeros([3, 4]);
            a.t().set(s![[0, 3]], 1);
            a
        }
    );
    case!(
        "set_overlapping_value",
        "a = np.arange(5)\na[[0, 1, 2]] = a[2:]\na",
        {
            let a = np::arange(5);
            a.set(s![[0, 1, 2]], a.slice(s![2..]));
            a
        }
    );
    case!(
        "set_reversed_self",
        "a = np.arange(5)\na[[4, 3, 2, 1, 0]] = a\na",
        {
            let a = np::arange(5);
            a.set(s![[4, 3, 2, 1, 0]], &a);
            a
        }
    );
    case!("basic_row_set", "a = np.zeros((2, 3))\na[0] = 5\na", {
        let a = np::zeros([2, 3]);
        a.set([0], 5);
        a
    });
    case!(
        "basic_slice_set",
        "a = np.zeros((2, 3))\na[:, 1:] = np.array([1, 2])\na",
        {
            let a = np::zeros([2, 3]);
            a.set(s![.., 1..], np::array![1, 2]);
            a
        }
    );
    case!("element_set", "a = np.zeros((2, 3))\na[1, 2] = 4\na", {
        let a = np::zeros([2, 3]);
        a.set([1, 2], 4);
        a
    });
    case!(
        "element_set_scalar",
        "a = np.zeros(3)\na[1] = np.float32(2.5)\na",
        {
            let a = np::zeros(3);
            a.set([1], Scalar::from(2.5f32));
            a
        }
    );
    case!("mask_0d_set", "a = np.zeros(3)\na[True] = 1\na", {
        let a = np::zeros(3);
        a.set(s![Scalar::from(true).to_array()], 1);
        a
    });
    case!(
        "empty_set",
        "a = np.zeros(3)\na[np.array([], dtype=np.int64)] = 1\na",
        {
            let a = np::zeros(3);
            a.set(s![Vec::<i64>::new()], 1);
            a
        }
    );
    case!(
        "complex_set",
        "a = np.zeros(3, complex)\na[[2]] = 1.5\na",
        {
            let a = np::zeros_dtype(3, DType::Complex128);
            a.set(s![[2]], 1.5);
            a
        }
    );
}

fn dtypes() {
    for d in DType::ALL {
        let n = d.name();
        let x = || np::arange(12).reshape([3, 4]).astype(d);
        let px = format!("np.arange(12).reshape(3, 4).astype('{n}')");
        case!(
            &format!("rows_{n}"),
            &format!("{px}[[2, 0]]"),
            x().index(s![[2, 0]])
        );
        case!(
            &format!("pairs_{n}"),
            &format!("{px}[[2, 0], [1, 3]]"),
            x().index(s![[2, 0], [1, 3]])
        );
        case!(
            &format!("cols_{n}"),
            &format!("{px}.T[:, [2, 0]]"),
            x().t().index(s![.., [2, 0]])
        );
        case!(
            &format!("mask_{n}"),
            &format!("{px}[np.arange(12).reshape(3, 4) > 4]"),
            x().index(s![np::arange(12).reshape([3, 4]).gt(4)])
        );
        case!(
            &format!("mask_t_{n}"),
            &format!("{px}.T[np.arange(12).reshape(4, 3) > 4]"),
            x().t().index(s![np::arange(12).reshape([4, 3]).gt(4)])
        );
        case!(
            &format!("set_{n}"),
            &format!("x = {px}\nx[[0, 2], 1] = 1\nx"),
            {
                let a = x();
                a.set(s![[0, 2], 1], 1);
                a
            }
        );
        case!(
            &format!("set_mask_{n}"),
            &format!("x = {px}\nx[np.arange(12).reshape(3, 4) % 5 == 1] = x[0, :3].copy()\nx"),
            {
                let a = x();
                let m = np::equal(np::remainder(np::arange(12).reshape([3, 4]), 5), 1);
                a.set(s![m], a.slice(s![0, ..3]).copy());
                a
            }
        );
        case!(
            &format!("take_{n}"),
            &format!("np.take({px}, [1, 0], axis=1)"),
            np::take_axis(x(), [1, 0], 1)
        );
    }
}

fn errors() {
    case!("err_oob", "a34[[5]]", a34().try_index(s![[5]]));
    case!("err_oob_negative", "a34[[-4]]", a34().try_index(s![[-4]]));
    case!(
        "err_oob_axis1",
        "a34[:, [-5]]",
        a34().try_index(s![.., [-5]])
    );
    case!(
        "err_oob_newaxis",
        "a34[None, :, [5]]",
        a34().try_index(s![NewAxis, .., [5]])
    );
    case!(
        "err_oob_pair",
        "a34[[0, 1], [0, 7]]",
        a34().try_index(s![[0, 1], [0, 7]])
    );
    case!(
        "err_oob_int_with_list",
        "a34[3, [0]]",
        a34().try_index(s![3, [0]])
    );
    case!(
        "err_oob_empty_axis",
        "np.zeros((0, 3))[[0]]",
        np::zeros([0, 3]).try_index(s![[0]])
    );
    case!(
        "err_float_index",
        "a34[np.array([0.0])]",
        a34().try_index(s![np::array![0.0]])
    );
    case!(
        "err_bool_len",
        "a34[np.array([True, False])]",
        a34().try_index(s![[true, false]])
    );
    case!(
        "err_bool_axis1",
        "a34[:, np.array([True])]",
        a34().try_index(s![.., [true]])
    );
    case!(
        "err_bool_newaxis",
        "a34[None, np.array([True, False])]",
        a34().try_index(s![NewAxis, [true, false]])
    );
    case!(
        "err_bool_2d",
        "a34[np.array([[True, False, True, True]] * 2)]",
        a34().try_index(s![np::array![
            [true, false, true, true],
            [true, false, true, true]
        ]])
    );
    case!(
        "err_shape_mismatch",
        "a34[[0, 1], [0, 1, 2]]",
        a34().try_index(s![[0, 1], [0, 1, 2]])
    );
    case!(
        "err_shape_mismatch_mask",
        "a34[np.array([True, False, True]), [0, 1, 2]]",
        a34().try_index(s![[true, false, true], [0, 1, 2]])
    );
    case!(
        "err_too_many",
        "a34[[0], [0], [0]]",
        a34().try_index(s![[0], [0], [0]])
    );
    case!("err_too_many_mask", "a34[a34 > 1, 0]", {
        let a = a34();
        a.try_index(s![a.gt(1), 0])
    });
    case!(
        "err_two_ellipses",
        "a34[..., ..., [0]]",
        a34().try_index(s![Ellipsis, Ellipsis, [0]])
    );
    case!(
        "err_0d_list",
        "np.array(5)[[0]]",
        Scalar::from(5i64).to_array().try_index(s![[0]])
    );
    case!(
        "err_set_shape",
        "a = np.zeros((3, 3))\na[[0, 1]] = np.ones((3, 3))",
        np::zeros([3, 3]).try_set(s![[0, 1]], np::ones([3, 3]))
    );
    case!(
        "err_set_pair_shape",
        "a = np.zeros((3, 3))\na[[0, 1], [0, 1]] = np.ones(3)",
        np::zeros([3, 3]).try_set(s![[0, 1], [0, 1]], np::ones(3))
    );
    case!(
        "err_set_mask_count",
        "a = np.arange(6.0)\na[a > 2] = np.ones(4)",
        {
            let a = np::arange(6.0);
            a.try_set(s![a.gt(2)], np::ones(4))
        }
    );
    case!(
        "err_set_mask_2d_value",
        "a = np.arange(6.0).reshape(2, 3)\na[a > 2] = np.ones((1, 2))",
        {
            let a = np::arange(6.0).reshape([2, 3]);
            a.try_set(s![a.gt(2)], np::ones([1, 2]))
        }
    );
    case!(
        "err_set_partial_mask",
        "a = np.arange(6.0).reshape(2, 3)\na[np.array([False, True])] = np.ones(4)",
        np::arange(6.0)
            .reshape([2, 3])
            .try_set(s![[false, true]], np::ones(4))
    );
    case!(
        "err_set_oob",
        "a = np.zeros(3)\na[[5]] = 1",
        np::zeros(3).try_set(s![[5]], 1)
    );
    case!(
        "err_set_overflow",
        "a = np.zeros(3, np.int8)\na[[0]] = 300",
        np::zeros_dtype(3, DType::Int8).try_set(s![[0]], 300)
    );
    case!(
        "err_set_nan_int",
        "a = np.zeros(3, np.int64)\na[[0]] = np.nan",
        np::zeros_dtype(3, DType::Int64).try_set(s![[0]], f64::NAN)
    );
    case!(
        "err_set_readonly",
        "a = np.broadcast_to(np.arange(3), (2, 3))\na[[0]] = 1",
        np::arange(3).broadcast_to([2, 3]).try_set(s![[0]], 1)
    );
}

fn functions() {
    // nonzero / where(cond) / argwhere / flatnonzero
    case!(
        "nonzero_2d",
        "np.nonzero(a34 > 5)",
        np::nonzero(a34().gt(5))
    );
    case!("nonzero_method", "a34.nonzero()", a34().nonzero());
    case!(
        "nonzero_float",
        "np.nonzero(np.array([0.0, 1.5, 0.0, -2.0, np.nan]))",
        np::nonzero(np::array![0.0, 1.5, 0.0, -2.0, f64::NAN])
    );
    case!("nonzero_3d", "np.nonzero(a234 % 7 == 0)", {
        np::nonzero(np::equal(np::remainder(a234(), 7), 0))
    });
    case!(
        "nonzero_empty",
        "np.nonzero(np.zeros((2, 0)))",
        np::nonzero(np::zeros([2, 0]))
    );
    case!(
        "nonzero_transposed",
        "np.nonzero(a34.T > 8)",
        np::nonzero(a34().t().gt(8))
    );
    case!(
        "where_one_arg",
        "np.where(a34 > 9)",
        np::nonzero(a34().gt(9))
    );
    case!(
        "nonzero_0d_error",
        "np.nonzero(np.array(5))",
        np::try_nonzero(Scalar::from(5i64).to_array())
    );
    case!("nonzero_complex", "np.nonzero(np.array([0j, 1j, 2]))", {
        np::nonzero(
            np::array![0.0, 0.0, 2.0].astype(DType::Complex128)
                + np::array![0.0, 1.0, 0.0].astype(DType::Complex128)
                    * Scalar::from(np::Complex128::new(0.0, 1.0)),
        )
    });
    case!(
        "flatnonzero",
        "np.flatnonzero(a34 > 5)",
        np::flatnonzero(a34().gt(5))
    );
    case!(
        "flatnonzero_int",
        "np.flatnonzero(np.array([0, 3, 0, 4]))",
        np::flatnonzero(np::array![0, 3, 0, 4])
    );
    case!(
        "argwhere_2d",
        "np.argwhere(a34 > 8)",
        np::argwhere(a34().gt(8))
    );
    case!(
        "argwhere_1d",
        "np.argwhere(np.array([0, 2, 0, 3]))",
        np::argwhere(np::array![0, 2, 0, 3])
    );
    case!(
        "argwhere_0d",
        "np.argwhere(np.array(5))",
        np::argwhere(Scalar::from(5i64).to_array())
    );
    case!(
        "argwhere_0d_false",
        "np.argwhere(np.array(0))",
        np::argwhere(Scalar::from(0i64).to_array())
    );
    case!(
        "argwhere_none",
        "np.argwhere(np.zeros((2, 3)))",
        np::argwhere(np::zeros([2, 3]))
    );

    // take / put
    case!(
        "take_flat",
        "np.take(a34, [0, 5, -1])",
        np::take(a34(), [0, 5, -1])
    );
    case!(
        "take_2d_indices",
        "np.take(a34, [[0, 1], [2, 3]])",
        np::take(a34(), np::array![[0, 1], [2, 3]])
    );
    case!(
        "take_axis1",
        "np.take(a34, [2, 0], axis=1)",
        np::take_axis(a34(), [2, 0], 1)
    );
    case!(
        "take_axis_neg",
        "np.take(a34, [1], axis=-2)",
        np::take_axis(a34(), [1], -2)
    );
    case!(
        "take_scalar",
        "np.take(a34, 5)",
        np::take(a34(), Scalar::from(5i64).to_array())
    );
    case!(
        "take_scalar_axis",
        "np.take(a34, 1, axis=1)",
        np::take_axis(a34(), Scalar::from(1i64).to_array(), 1)
    );
    case!(
        "take_3d_axis2",
        "np.take(a234, [[3], [0]], axis=2)",
        np::take_axis(a234(), np::array![[3], [0]], 2)
    );
    case!(
        "take_strided",
        "np.take(a34[:, ::-2], [0, 3])",
        np::take(a34().slice(s![.., ..;-2]), [0, 3])
    );
    case!(
        "take_empty",
        "np.take(a34, np.array([], dtype=np.int64))",
        np::take(a34(), Vec::<i64>::new())
    );
    case!(
        "take_err_oob",
        "np.take(a34, [12])",
        np::try_take(a34(), [12])
    );
    case!(
        "take_err_oob_axis",
        "np.take(a34, [4], axis=0)",
        np::try_take_axis(a34(), [4], 0)
    );
    case!(
        "take_err_axis",
        "np.take(a34, [0], axis=2)",
        np::try_take_axis(a34(), [0], 2)
    );
    case!(
        "take_err_empty",
        "np.take(np.zeros((0, 3)), [0])",
        np::try_take(np::zeros([0, 3]), [0])
    );
    // take / put with mode=
    for mode in ["wrap", "clip", "raise"] {
        case!(
            &format!("take_mode_{mode}_flat"),
            &format!("np.take(a34, [-13, -1, 0, 11, 12, 30], mode='{mode}')"),
            np::try_take_mode(a34(), [-13, -1, 0, 11, 12, 30], None, mode)
        );
        case!(
            &format!("take_mode_{mode}_axis"),
            &format!("np.take(a234, [[-5], [4]], axis=-1, mode='{mode}')"),
            np::try_take_mode(a234(), np::array![[-5], [4]], Some(-1), mode)
        );
        case!(
            &format!("take_mode_{mode}_0d"),
            &format!("np.take(np.array(5), [3, -2], mode='{mode}')"),
            np::try_take_mode(np::array(5), [3, -2], None, mode)
        );
        case!(
            &format!("take_mode_{mode}_empty_axis"),
            &format!("np.take(np.zeros((2, 0)), [1], axis=1, mode='{mode}')"),
            np::try_take_mode(np::zeros([2, 0]), [1], Some(1), mode)
        );
        case!(
            &format!("put_mode_{mode}"),
            &format!("a = np.arange(12).reshape(3, 4)\nnp.put(a, [-13, 12, 5, -1], [70, 80], mode='{mode}')\na"),
            {
                let a = np::arange(12).reshape([3, 4]);
                np::try_put_mode(&a, [-13, 12, 5, -1], np::array![70, 80], mode).map(|_| a)
            }
        );
        case!(
            &format!("put_mode_{mode}_empty"),
            &format!("np.put(np.zeros(0), [1], 1, mode='{mode}')"),
            np::try_put_mode(&np::zeros(0), [1], 1, mode)
        );
    }
    for bad in ["x", "", "CLIP", "w"] {
        case!(
            &format!("take_mode_bad_{bad}"),
            &format!("np.take(a34, [0], mode='{bad}')"),
            np::try_take_mode(a34(), [0], None, bad)
        );
    }
    case!(
        "put_basic",
        "a = np.arange(5)\nnp.put(a, [0, 2], [-44, -55])\na",
        {
            let a = np::arange(5);
            np::put(&a, [0, 2], np::array![-44, -55]);
            a
        }
    );
    case!(
        "put_cycle",
        "a = np.zeros((2, 3))\nnp.put(a, [0, 1, 4, 5], [7, 8])\na",
        {
            let a = np::zeros([2, 3]);
            np::put(&a, [0, 1, 4, 5], np::array![7, 8]);
            a
        }
    );
    case!(
        "put_scalar_negative",
        "a = np.arange(5)\nnp.put(a, [-1], 9)\na",
        {
            let a = np::arange(5);
            np::put(&a, [-1], 9);
            a
        }
    );
    case!(
        "put_transposed",
        "a = np.zeros((2, 3))\nnp.put(a.T, [1, 2], 5)\na",
        {
            let a = np::zeros([2, 3]);
            np::put(&a.t(), [1, 2], 5);
            a
        }
    );
    case!(
        "put_float_into_int",
        "a = np.zeros(3, np.int32)\nnp.put(a, [1], 2.9)\na",
        {
            let a = np::zeros_dtype(3, DType::Int32);
            np::put(&a, [1], 2.9);
            a
        }
    );
    case!(
        "put_err_oob",
        "a = np.zeros((2, 3))\nnp.put(a, [100], 1)",
        np::try_put(&np::zeros([2, 3]), [100], 1)
    );

    // take_along_axis / put_along_axis
    case!(
        "take_along_axis1",
        "a = np.array([[10, 30, 20], [60, 40, 50]])\nnp.take_along_axis(a, np.array([[1], [0]]), axis=1)",
        np::take_along_axis(np::array![[10, 30, 20], [60, 40, 50]], np::array![[1], [0]], 1)
    );
    case!(
        "take_along_axis0",
        "np.take_along_axis(a34, np.array([[2, 0, 1, 1]]), axis=0)",
        np::take_along_axis(a34(), np::array![[2, 0, 1, 1]], 0)
    );
    case!(
        "take_along_axis_argmax",
        "np.take_along_axis(a234, np.argmax(a234 % 5, axis=2, keepdims=True), axis=-1)",
        {
            let a = a234();
            let i = np::remainder(&a, 5).argmax_axis(2, true);
            np::take_along_axis(&a, &i, -1)
        }
    );
    case!(
        "take_along_err_ndim",
        "np.take_along_axis(a34, np.array([0, 1]), axis=1)",
        np::try_take_along_axis(a34(), [0, 1], 1)
    );
    case!(
        "take_along_err_oob",
        "np.take_along_axis(a34, np.array([[5], [1], [0]]), axis=1)",
        np::try_take_along_axis(a34(), np::array![[5], [1], [0]], 1)
    );
    case!(
        "take_along_err_float",
        "np.take_along_axis(a34, np.array([[0.0]]), axis=1)",
        np::try_take_along_axis(a34(), np::array![[0.0]], 1)
    );
    case!(
        "take_along_err_broadcast",
        "np.take_along_axis(a34, np.array([[0], [1]]), axis=1)",
        np::try_take_along_axis(a34(), np::array![[0], [1]], 1)
    );
    case!(
        "put_along_axis1",
        "a = np.zeros((2, 3))\nnp.put_along_axis(a, np.array([[2], [0]]), 9, axis=1)\na",
        {
            let a = np::zeros([2, 3]);
            np::put_along_axis(&a, np::array![[2], [0]], 9, 1);
            a
        }
    );
    case!(
        "put_along_axis_values",
        "a = a34.copy()\nnp.put_along_axis(a, np.array([[0, 1], [1, 2], [2, 3]]), np.array([[-1], [-2], [-3]]), axis=1)\na",
        {
            let a = a34();
            np::put_along_axis(&a, np::array![[0, 1], [1, 2], [2, 3]], np::array![[-1], [-2], [-3]], 1);
            a
        }
    );

    // compress / extract
    case!(
        "compress_flat",
        "np.compress([False, True, True], a34)",
        np::compress([false, true, true], a34())
    );
    case!(
        "compress_axis1",
        "np.compress([True, False, True], a34, axis=1)",
        np::compress_axis([true, false, true], a34(), 1)
    );
    case!(
        "compress_axis0",
        "np.compress([False, True], a34, axis=0)",
        np::compress_axis([false, true], a34(), 0)
    );
    case!(
        "compress_int_cond",
        "np.compress([0, 2, 0, 1], a34, axis=1)",
        np::compress_axis([0, 2, 0, 1], a34(), 1)
    );
    case!(
        "compress_err_long",
        "np.compress([True, False, True, True], a34[:, :3], axis=1)",
        np::try_compress_axis([true, false, true, true], a34().slice(s![.., ..3]), 1)
    );
    case!(
        "compress_err_2d",
        "np.compress(np.array([[True]]), a34, axis=1)",
        np::try_compress_axis(np::array![[true]], a34(), 1)
    );
    case!("extract_mask", "np.extract(a34 % 3 == 0, a34)", {
        let a = a34();
        np::extract(np::equal(np::remainder(&a, 3), 0), &a)
    });
    case!(
        "extract_short",
        "np.extract([True, False], a34)",
        np::extract([true, false], a34())
    );
    case!(
        "extract_int_cond",
        "np.extract(np.array([0, 1, 0, 2]), np.arange(4.0))",
        np::extract(np::array![0, 1, 0, 2], np::arange(4.0))
    );
    case!(
        "extract_err_long",
        "np.extract([False] * 12 + [True], a34)",
        np::try_extract(
            {
                let mut v = vec![false; 12];
                v.push(true);
                v
            },
            a34()
        )
    );
}

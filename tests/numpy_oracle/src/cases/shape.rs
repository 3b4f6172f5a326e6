//! Shape manipulation: broadcasting helpers (`broadcast_to`, `broadcast_shapes`,
//! `broadcast_arrays`); reshape, transpose, squeeze, expand_dims, concatenate, stack, ...
//! as they land.

use arraylib as np;
use arraylib::broadcast::{broadcast_arrays, broadcast_shapes};
use arraylib::{s, Array, NewAxis};

pub fn run() {
    // ----- broadcast_to ------------------------------------------------------------------------
    case!(
        "broadcast_to_row",
        "np.broadcast_to(np.arange(4), (3, 4))",
        np::arange(4).broadcast_to([3, 4])
    );
    case!(
        "broadcast_to_column",
        "np.broadcast_to(np.arange(3.0).reshape(3, 1), (3, 4))",
        Array::from_vec(vec![0.0, 1.0, 2.0], [3, 1]).broadcast_to([3, 4])
    );
    case!(
        "broadcast_to_same",
        "np.broadcast_to(np.arange(3), (3,))",
        np::arange(3).broadcast_to(3)
    );
    case!(
        "broadcast_to_0d",
        "np.broadcast_to(np.array(5.0), (2, 2))",
        np::full((), 5.0).broadcast_to([2, 2])
    );
    case!(
        "broadcast_to_zero_len",
        "np.broadcast_to(np.arange(3), (0, 3))",
        np::arange(3).broadcast_to([0, 3])
    );
    case!(
        "broadcast_to_3d",
        "np.broadcast_to(np.ones((1, 3, 1)), (2, 3, 4))",
        np::ones([1, 3, 1]).broadcast_to([2, 3, 4])
    );
    case!(
        "broadcast_to_view",
        "np.broadcast_to(np.arange(6)[::-2], (2, 3))",
        np::arange(6).slice(s![..;-2]).broadcast_to([2, 3])
    );
    case!(
        "broadcast_to_mismatch",
        "np.broadcast_to(np.arange(3), (2, 4))",
        np::arange(3).broadcast_to([2, 4])
    );
    case!(
        "broadcast_to_fewer_dims",
        "np.broadcast_to(np.ones((2, 3)), (3,))",
        np::ones([2, 3]).broadcast_to(3)
    );
    case!(
        "broadcast_to_negative",
        "np.broadcast_to(np.ones(3), (-1, 3))",
        np::ones(3).broadcast_to([-1, 3])
    );
    case!(
        "broadcast_to_try",
        "np.broadcast_to(np.arange(3), (4,))",
        np::arange(3).try_broadcast_to([4])
    );

    // ----- broadcast_shapes / broadcast_arrays -----------------------------------------------
    case!(
        "broadcast_shapes_basic",
        "np.broadcast_shapes((3, 1), (1, 4))",
        broadcast_shapes(&[&[3, 1], &[1, 4]])
    );
    case!(
        "broadcast_shapes_pad",
        "np.broadcast_shapes((2, 1, 4), (3, 4))",
        broadcast_shapes(&[&[2, 1, 4], &[3, 4]])
    );
    case!(
        "broadcast_shapes_scalar",
        "np.broadcast_shapes((), (2, 3))",
        broadcast_shapes(&[&[], &[2, 3]])
    );
    case!(
        "broadcast_shapes_zero",
        "np.broadcast_shapes((0, 1), (1, 5))",
        broadcast_shapes(&[&[0, 1], &[1, 5]])
    );
    case!(
        "broadcast_shapes_three",
        "np.broadcast_shapes((5, 1, 1), (1, 6, 1), (7,))",
        broadcast_shapes(&[&[5, 1, 1], &[1, 6, 1], &[7]])
    );
    case!(
        "broadcast_arrays_shapes",
        "[x.shape for x in np.broadcast_arrays(np.zeros((3, 1)), np.zeros(4))][0]",
        broadcast_arrays(&[&np::zeros([3, 1]), &np::zeros(4)]).map(|v| v[0].shape().to_vec())
    );
    case!(
        "broadcast_arrays_values",
        "tuple(np.broadcast_arrays(np.arange(3).reshape(3, 1), np.arange(2)))",
        broadcast_arrays(&[&Array::from_vec(vec![0i64, 1, 2], [3, 1]), &np::arange(2)])
    );

    // ----- reshape -----------------------------------------------------------------------------
    case!(
        "reshape_basic",
        "np.arange(12).reshape(3, 4)",
        np::arange(12).reshape([3, 4])
    );
    case!(
        "reshape_tuple",
        "np.arange(12).reshape((2, 3, 2))",
        np::arange(12).reshape((2, 3, 2))
    );
    case!(
        "reshape_infer_last",
        "np.arange(12).reshape(2, -1)",
        np::arange(12).reshape([2, -1])
    );
    case!(
        "reshape_infer_first",
        "np.arange(12).reshape(-1, 6)",
        np::arange(12).reshape([-1, 6])
    );
    case!(
        "reshape_infer_mid",
        "np.arange(24).reshape(2, -1, 4)",
        np::arange(24).reshape([2, -1, 4])
    );
    case!(
        "reshape_flat",
        "np.arange(12).reshape(3, 4).reshape(-1)",
        np::arange(12).reshape([3, 4]).reshape(-1)
    );
    case!(
        "reshape_4d",
        "np.arange(784.0).reshape(1, 28, 28, 1)",
        np::arange(784.0).reshape([1, 28, 28, 1])
    );
    case!(
        "reshape_to_0d",
        "np.array([5.0]).reshape(())",
        np::full(1, 5.0).reshape(())
    );
    case!(
        "reshape_from_0d",
        "np.array(5.0).reshape(1, 1)",
        np::full((), 5.0).reshape([1, 1])
    );
    case!(
        "reshape_empty",
        "np.zeros((0, 3)).reshape(3, 0, 5)",
        np::zeros([0, 3]).reshape([3, 0, 5])
    );
    case!(
        "reshape_empty_infer",
        "np.zeros((0, 3)).reshape(-1, 3)",
        np::zeros([0, 3]).reshape([-1, 3])
    );
    case!(
        "reshape_bad",
        "np.arange(12).reshape(5, 3)",
        np::arange(12).reshape([5, 3])
    );
    case!(
        "reshape_bad_1d",
        "np.arange(12).reshape(5)",
        np::arange(12).reshape(5)
    );
    case!(
        "reshape_bad_infer",
        "np.arange(12).reshape(5, -1)",
        np::arange(12).reshape([5, -1])
    );
    case!(
        "reshape_bad_infer_first",
        "np.arange(12).reshape(-1, 5)",
        np::arange(12).reshape([-1, 5])
    );
    case!(
        "reshape_two_unknown",
        "np.arange(12).reshape(-1, -1)",
        np::arange(12).reshape([-1, -1])
    );
    case!(
        "reshape_empty_unknown",
        "np.zeros((0, 3)).reshape(-1, 0)",
        np::zeros([0, 3]).reshape([-1, 0])
    );
    case!(
        "reshape_try",
        "np.arange(6).reshape(4)",
        np::arange(6).try_reshape(4)
    );
    case!(
        "reshape_transposed",
        "np.arange(12).reshape(3, 4).T.reshape(12)",
        np::arange(12).reshape([3, 4]).t().reshape(12)
    );
    case!(
        "reshape_transposed_2d",
        "np.arange(12).reshape(3, 4).T.reshape(2, 6)",
        np::arange(12).reshape([3, 4]).t().reshape([2, 6])
    );
    case!(
        "reshape_negstride",
        "np.arange(12)[::-1].reshape(3, 4)",
        np::arange(12).slice(s![..;-1]).reshape([3, 4])
    );
    case!(
        "reshape_step",
        "np.arange(24)[::2].reshape(3, 4)",
        np::arange(24).slice(s![..;2]).reshape([3, 4])
    );
    case!(
        "reshape_cols",
        "np.arange(24).reshape(4, 6)[:, ::2].reshape(2, 6)",
        np::arange(24)
            .reshape([4, 6])
            .slice(s![.., ..;2])
            .reshape([2, 6])
    );
    case!(
        "reshape_f32",
        "np.arange(6, dtype=np.float32).reshape(2, 3)",
        np::arange(6).astype(np::float32).reshape([2, 3])
    );
    case!(
        "reshape_is_view",
        "a = np.arange(12)\nnp.shares_memory(a, a.reshape(3, 4))",
        {
            let a = np::arange(12);
            a.shares_memory(&a.reshape([3, 4]))
        }
    );
    case!(
        "reshape_view_of_step",
        "a = np.arange(20)\nnp.shares_memory(a, a[::2].reshape(2, 5))",
        {
            let a = np::arange(20);
            a.shares_memory(&a.slice(s![..;2]).reshape([2, 5]))
        }
    );
    case!(
        "reshape_copy_of_T",
        "a = np.arange(12).reshape(3, 4)\nnp.shares_memory(a, a.T.reshape(12))",
        {
            let a = np::arange(12).reshape([3, 4]);
            a.shares_memory(&a.t().reshape(12))
        }
    );
    case!(
        "reshape_strides_view",
        "np.arange(24).reshape(4, 6)[:, ::2].reshape(4, 3, 1).strides",
        np::arange(24)
            .reshape([4, 6])
            .slice(s![.., ..;2])
            .reshape([4, 3, 1])
            .strides()
    );
    case!(
        "reshape_strides_split",
        "np.arange(40)[::2].reshape(4, 5).strides",
        np::arange(40).slice(s![..;2]).reshape([4, 5]).strides()
    );
    case!(
        "reshape_strides_T_nocopy",
        "np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2).reshape(3, 2, 2, 2).strides",
        np::arange(24)
            .reshape([2, 3, 4])
            .transpose([1, 0, 2])
            .reshape([3, 2, 2, 2])
            .strides()
    );
    case!(
        "reshape_free_fn",
        "np.reshape(np.arange(6), (3, 2))",
        np::reshape(np::arange(6), [3, 2])
    );
    case!(
        "reshape_write_through",
        "a = np.zeros(6)\nb = a.reshape(2, 3)\nb[1, 2] = 7\na",
        {
            let a = np::zeros(6);
            a.reshape([2, 3]).set([1, 2], 7);
            a
        }
    );

    // ----- ravel / flatten ---------------------------------------------------------------------
    case!(
        "ravel_2d",
        "np.arange(6).reshape(2, 3).ravel()",
        np::arange(6).reshape([2, 3]).ravel()
    );
    case!(
        "ravel_T",
        "np.arange(6).reshape(2, 3).T.ravel()",
        np::arange(6).reshape([2, 3]).t().ravel()
    );
    case!(
        "ravel_0d",
        "np.array(3.0).ravel()",
        np::full((), 3.0).ravel()
    );
    case!(
        "ravel_fn",
        "np.ravel(np.ones((2, 2)))",
        np::ravel(np::ones([2, 2]))
    );
    case!(
        "ravel_view",
        "a = np.arange(6).reshape(2, 3)\nnp.shares_memory(a, a.ravel())",
        {
            let a = np::arange(6).reshape([2, 3]);
            a.shares_memory(&a.ravel())
        }
    );
    case!(
        "ravel_step_copy",
        "a = np.arange(6)\nnp.shares_memory(a, a[::2].ravel())",
        {
            let a = np::arange(6);
            a.shares_memory(&a.slice(s![..;2]).ravel())
        }
    );
    case!(
        "flatten_2d",
        "np.arange(6).reshape(2, 3).flatten()",
        np::arange(6).reshape([2, 3]).flatten()
    );
    case!(
        "flatten_neg",
        "np.arange(6).reshape(2, 3)[::-1, ::-1].flatten()",
        np::arange(6)
            .reshape([2, 3])
            .slice(s![..;-1, ..;-1])
            .flatten()
    );
    case!(
        "flatten_copy",
        "a = np.arange(6)\na.flatten().base is None",
        np::arange(6).flatten().base().is_none()
    );
    case!(
        "flatten_empty",
        "np.zeros((2, 0)).flatten()",
        np::zeros([2, 0]).flatten()
    );
    case!(
        "flatten_bool",
        "(np.arange(4) > 1).reshape(2, 2).T.flatten()",
        np::array![[false, true], [false, true]].flatten()
    );

    // ----- transpose -----------------------------------------------------------------------------
    case!(
        "T_2d",
        "np.arange(6).reshape(2, 3).T",
        np::arange(6).reshape([2, 3]).t()
    );
    case!(
        "T_3d",
        "np.arange(24).reshape(2, 3, 4).T",
        np::arange(24).reshape([2, 3, 4]).t()
    );
    case!("T_1d", "np.arange(3).T", np::arange(3).t());
    case!("T_0d", "np.array(2.5).T", np::full((), 2.5).t());
    case!(
        "T_strides",
        "np.zeros((3, 4)).T.strides",
        np::zeros([3, 4]).t().strides()
    );
    case!(
        "T_flags",
        "np.zeros((3, 4)).T.flags",
        np::zeros([3, 4]).t().flags()
    );
    case!(
        "T_shape",
        "np.zeros((32, 2, 5)).T.shape",
        np::zeros([32, 2, 5]).t().shape().to_vec()
    );
    case!(
        "T_symmetric",
        "A = np.arange(9.0).reshape(3, 3)\nA + A.T",
        {
            let a = np::arange(9.0).reshape([3, 3]);
            &a + &a.t()
        }
    );
    case!(
        "transpose_axes",
        "np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2)",
        np::arange(24).reshape([2, 3, 4]).transpose([1, 0, 2])
    );
    case!(
        "transpose_neg_axes",
        "np.arange(24).reshape(2, 3, 4).transpose(-1, 0, 1)",
        np::arange(24).reshape([2, 3, 4]).transpose([-1, 0, 1])
    );
    case!(
        "transpose_fn",
        "np.transpose(np.arange(6).reshape(2, 3))",
        np::transpose(np::arange(6).reshape([2, 3]))
    );
    case!(
        "permute_dims",
        "np.permute_dims(np.arange(24).reshape(2, 3, 4), (2, 0, 1))",
        np::permute_dims(np::arange(24).reshape([2, 3, 4]), [2, 0, 1])
    );
    case!(
        "transpose_wrong_len",
        "np.zeros((3, 1, 4)).transpose(1, 0)",
        np::zeros([3, 1, 4]).transpose([1, 0])
    );
    case!(
        "transpose_repeated",
        "np.zeros((3, 1, 4)).transpose(1, 0, 0)",
        np::zeros([3, 1, 4]).transpose([1, 0, 0])
    );
    case!(
        "transpose_oob",
        "np.zeros((3, 1, 4)).transpose(1, 0, 5)",
        np::zeros([3, 1, 4]).transpose([1, 0, 5])
    );
    case!(
        "transpose_try",
        "np.zeros((3, 4)).transpose(0, 0)",
        np::zeros([3, 4]).try_transpose([0, 0])
    );
    case!(
        "T_write_through",
        "a = np.zeros((2, 3))\na.T[2, 1] = 5\na",
        {
            let a = np::zeros([2, 3]);
            a.t().set([2, 1], 5);
            a
        }
    );
    case!(
        "T_copy_large",
        "np.arange(300 * 200).reshape(300, 200).T.copy()",
        np::arange(300 * 200).reshape([300, 200]).t().copy()
    );
    case!(
        "T_contig_large",
        "np.ascontiguousarray(np.arange(130.0 * 70).reshape(130, 70).T)",
        np::ascontiguousarray(np::arange(130.0 * 70.0).reshape([130, 70]).t())
    );

    // ----- swapaxes / moveaxis ---------------------------------------------------------------------
    case!(
        "swapaxes_basic",
        "np.arange(24).reshape(2, 3, 4).swapaxes(0, 2)",
        np::arange(24).reshape([2, 3, 4]).swapaxes(0, 2)
    );
    case!(
        "swapaxes_neg",
        "np.arange(6).reshape(2, 3).swapaxes(-1, -2)",
        np::arange(6).reshape([2, 3]).swapaxes(-1, -2)
    );
    case!(
        "swapaxes_fn",
        "np.swapaxes(np.arange(6).reshape(2, 3), 0, 1)",
        np::swapaxes(np::arange(6).reshape([2, 3]), 0, 1)
    );
    case!(
        "swapaxes_oob2",
        "np.swapaxes(np.zeros((3, 4)), 0, 2)",
        np::zeros([3, 4]).swapaxes(0, 2)
    );
    case!(
        "swapaxes_oob1",
        "np.swapaxes(np.zeros((3, 4)), -3, 0)",
        np::zeros([3, 4]).swapaxes(-3, 0)
    );
    case!(
        "moveaxis_basic",
        "np.moveaxis(np.arange(60).reshape(3, 4, 5), 0, -1)",
        np::moveaxis(np::arange(60).reshape([3, 4, 5]), 0, -1)
    );
    case!(
        "moveaxis_back",
        "np.moveaxis(np.arange(60).reshape(3, 4, 5), -1, 0).shape",
        np::moveaxis(np::arange(60).reshape([3, 4, 5]), -1, 0)
            .shape()
            .to_vec()
    );
    case!(
        "moveaxis_multi",
        "np.moveaxis(np.zeros((3, 4, 5)), [0, 1], [-1, -2]).shape",
        np::moveaxis(np::zeros([3, 4, 5]), [0, 1], [-1, -2])
            .shape()
            .to_vec()
    );
    case!(
        "moveaxis_multi2",
        "np.moveaxis(np.arange(120).reshape(2, 3, 4, 5), [0, 2], [1, 0])",
        np::moveaxis(np::arange(120).reshape([2, 3, 4, 5]), [0, 2], [1, 0])
    );
    case!(
        "moveaxis_src_oob",
        "np.moveaxis(np.zeros((3, 4, 5)), 5, 0)",
        np::moveaxis(np::zeros([3, 4, 5]), 5, 0)
    );
    case!(
        "moveaxis_dst_oob",
        "np.moveaxis(np.zeros((3, 4, 5)), 0, 5)",
        np::moveaxis(np::zeros([3, 4, 5]), 0, 5)
    );
    case!(
        "moveaxis_len",
        "np.moveaxis(np.zeros((3, 4, 5)), [0, 1], [-1])",
        np::moveaxis(np::zeros([3, 4, 5]), [0, 1], [-1])
    );
    case!(
        "moveaxis_rep_src",
        "np.moveaxis(np.zeros((3, 4, 5)), [0, 0], [1, 2])",
        np::moveaxis(np::zeros([3, 4, 5]), [0, 0], [1, 2])
    );
    case!(
        "moveaxis_rep_dst",
        "np.moveaxis(np.zeros((3, 4, 5)), [0, 1], [2, 2])",
        np::moveaxis(np::zeros([3, 4, 5]), [0, 1], [2, 2])
    );

    // ----- squeeze / expand_dims -------------------------------------------------------------------
    case!(
        "squeeze_all",
        "np.squeeze(np.zeros((1, 3, 1, 4, 1)))",
        np::squeeze(np::zeros([1, 3, 1, 4, 1]))
    );
    case!(
        "squeeze_method",
        "np.arange(3).reshape(1, 3, 1).squeeze()",
        np::arange(3).reshape([1, 3, 1]).squeeze()
    );
    case!(
        "squeeze_to_0d",
        "np.array([[7]]).squeeze()",
        np::array![[7]].squeeze()
    );
    case!(
        "squeeze_axis0",
        "np.zeros((1, 3, 1)).squeeze(0).shape",
        np::zeros([1, 3, 1]).squeeze_axis(0).shape().to_vec()
    );
    case!(
        "squeeze_axis_neg",
        "np.zeros((1, 3, 1)).squeeze(-1).shape",
        np::zeros([1, 3, 1]).squeeze_axis(-1).shape().to_vec()
    );
    case!(
        "squeeze_axes",
        "np.squeeze(np.zeros((1, 3, 1)), axis=(0, 2)).shape",
        np::squeeze_axis(np::zeros([1, 3, 1]), [0, 2])
            .shape()
            .to_vec()
    );
    case!(
        "squeeze_not_one",
        "np.zeros((3, 1, 4)).squeeze(0)",
        np::zeros([3, 1, 4]).squeeze_axis(0)
    );
    case!(
        "squeeze_oob",
        "np.zeros((3, 1, 4)).squeeze(5)",
        np::zeros([3, 1, 4]).squeeze_axis(5)
    );
    case!(
        "squeeze_dup",
        "np.zeros((1, 3)).squeeze((0, 0))",
        np::zeros([1, 3]).squeeze_axis([0, 0])
    );
    case!(
        "squeeze_try",
        "np.squeeze(np.zeros((1, 3)), 1)",
        np::zeros([1, 3]).try_squeeze_axis(1)
    );
    case!(
        "squeeze_newaxis_roundtrip",
        "np.squeeze(np.arange(24).reshape(2, 3, 4)[:, :, :, np.newaxis])",
        np::squeeze(
            np::arange(24)
                .reshape([2, 3, 4])
                .slice(s![.., .., .., NewAxis])
        )
    );
    case!(
        "expand_dims_0",
        "np.expand_dims(np.arange(6).reshape(2, 3), axis=0)",
        np::expand_dims(np::arange(6).reshape([2, 3]), 0)
    );
    case!(
        "expand_dims_neg",
        "np.expand_dims(np.arange(6).reshape(2, 3), axis=-1).shape",
        np::expand_dims(np::arange(6).reshape([2, 3]), -1)
            .shape()
            .to_vec()
    );
    case!(
        "expand_dims_mid",
        "np.expand_dims(np.zeros((2, 3)), 1).shape",
        np::expand_dims(np::zeros([2, 3]), 1).shape().to_vec()
    );
    case!(
        "expand_dims_tuple",
        "np.expand_dims(np.zeros((2, 3)), (0, 3)).shape",
        np::expand_dims(np::zeros([2, 3]), [0, 3]).shape().to_vec()
    );
    case!(
        "expand_dims_tuple_neg",
        "np.expand_dims(np.zeros((2, 3)), (2, 0)).shape",
        np::expand_dims(np::zeros([2, 3]), [2, 0]).shape().to_vec()
    );
    case!(
        "expand_dims_0d",
        "np.expand_dims(np.array(1.0), 0)",
        np::expand_dims(np::full((), 1.0), 0)
    );
    case!(
        "expand_dims_oob",
        "np.expand_dims(np.zeros((3, 4)), 3)",
        np::expand_dims(np::zeros([3, 4]), 3)
    );
    case!(
        "expand_dims_oob_neg",
        "np.expand_dims(np.zeros((3, 4)), -4)",
        np::expand_dims(np::zeros([3, 4]), -4)
    );
    case!(
        "expand_dims_repeated",
        "np.expand_dims(np.zeros((3, 4)), (0, 0))",
        np::expand_dims(np::zeros([3, 4]), [0, 0])
    );
    case!(
        "expand_dims_view",
        "a = np.zeros(3)\nnp.shares_memory(a, np.expand_dims(a, 0))",
        {
            let a = np::zeros(3);
            a.shares_memory(&np::expand_dims(&a, 0))
        }
    );

    // ----- flip / contiguity -----------------------------------------------------------------------
    case!("flip_1d", "np.flip(np.arange(5))", np::flip(np::arange(5)));
    case!(
        "flip_2d_all",
        "np.flip(np.arange(6).reshape(2, 3))",
        np::flip(np::arange(6).reshape([2, 3]))
    );
    case!(
        "flip_axis1",
        "np.flip(np.arange(6).reshape(2, 3), 1)",
        np::flip_axis(np::arange(6).reshape([2, 3]), 1)
    );
    case!(
        "flip_axis_neg",
        "np.flip(np.arange(24).reshape(2, 3, 4), -2)",
        np::flip_axis(np::arange(24).reshape([2, 3, 4]), -2)
    );
    case!(
        "flip_axes",
        "np.flip(np.arange(24).reshape(2, 3, 4), (0, 2))",
        np::flip_axis(np::arange(24).reshape([2, 3, 4]), [0, 2])
    );
    case!(
        "flip_strides",
        "np.flip(np.arange(4)).strides",
        np::flip(np::arange(4)).strides()
    );
    case!(
        "flip_oob",
        "np.flip(np.zeros(3), 1)",
        np::flip_axis(np::zeros(3), 1)
    );
    case!(
        "flip_empty",
        "np.flip(np.zeros((0, 2)))",
        np::flip(np::zeros([0, 2]))
    );
    case!(
        "flipud",
        "np.flipud(np.arange(6).reshape(3, 2))",
        np::flipud(np::arange(6).reshape([3, 2]))
    );
    case!(
        "fliplr",
        "np.fliplr(np.arange(6).reshape(3, 2))",
        np::fliplr(np::arange(6).reshape([3, 2]))
    );
    case!(
        "flipud_0d",
        "np.flipud(np.array(3))",
        np::flipud(np::full((), 3))
    );
    case!(
        "fliplr_1d",
        "np.fliplr(np.zeros(3))",
        np::fliplr(np::zeros(3))
    );
    case!(
        "flip_twice",
        "np.flip(np.flip(np.arange(6).reshape(2, 3), 0), 1)",
        np::flip_axis(np::flip_axis(np::arange(6).reshape([2, 3]), 0), 1)
    );
    case!(
        "ascontiguous_T_flags",
        "np.ascontiguousarray(np.zeros((3, 4)).T).flags",
        np::ascontiguousarray(np::zeros([3, 4]).t()).flags()
    );
    case!(
        "ascontiguous_same",
        "a = np.zeros((3, 4))\nnp.ascontiguousarray(a) is a",
        {
            let a = np::zeros([3, 4]);
            np::ascontiguousarray(&a).is(&a)
        }
    );
    case!(
        "ascontiguous_0d",
        "np.ascontiguousarray(np.array(5.0))",
        np::ascontiguousarray(np::full((), 5.0))
    );
    case!(
        "ascontiguous_neg",
        "np.ascontiguousarray(np.arange(10)[::-3])",
        np::ascontiguousarray(np::arange(10).slice(s![..;-3]))
    );
    case!(
        "expand_dims_strides",
        "np.expand_dims(np.arange(12).reshape(3, 4), 1).strides",
        np::expand_dims(np::arange(12).reshape([3, 4]), 1).strides()
    );
    case!(
        "expand_dims_strides_step",
        "np.expand_dims(np.arange(12).reshape(3, 4)[:, ::2], 2).strides",
        np::expand_dims(np::arange(12).reshape([3, 4]).slice(s![.., ..;2]), 2).strides()
    );
    case!(
        "expand_dims_strides_step0",
        "np.expand_dims(np.arange(12).reshape(3, 4)[:, ::2], 0).strides",
        np::expand_dims(np::arange(12).reshape([3, 4]).slice(s![.., ..;2]), 0).strides()
    );
    case!(
        "expand_dims_strides_T",
        "np.expand_dims(np.arange(12).reshape(3, 4).T, 1).strides",
        np::expand_dims(np::arange(12).reshape([3, 4]).t(), 1).strides()
    );
    case!(
        "atleast_2d_strides",
        "np.atleast_2d(np.arange(3)).strides",
        np::atleast_2d(np::arange(3)).strides()
    );
    case!(
        "atleast_3d_strides",
        "np.atleast_3d(np.arange(3)).strides",
        np::atleast_3d(np::arange(3)).strides()
    );
    case!(
        "atleast_3d_strides_2d",
        "np.atleast_3d(np.arange(12).reshape(3, 4)).strides",
        np::atleast_3d(np::arange(12).reshape([3, 4])).strides()
    );
    case!(
        "stack_strides",
        "np.stack([np.arange(3)] * 2, axis=1).strides",
        {
            let a = np::arange(3);
            np::stack(&[&a, &a], 1).strides()
        }
    );
    case!(
        "squeeze_strides",
        "np.zeros((3, 1, 4))[:, :, ::2].squeeze().strides",
        np::zeros([3, 1, 4])
            .slice(s![.., .., ..;2])
            .squeeze()
            .strides()
    );
    case!(
        "swapaxes_strides",
        "np.zeros((2, 3, 4)).swapaxes(0, 2).strides",
        np::zeros([2, 3, 4]).swapaxes(0, 2).strides()
    );
    case!(
        "flip_strides_2d",
        "np.flip(np.zeros((2, 3)), 1).strides",
        np::flip_axis(np::zeros([2, 3]), 1).strides()
    );
    case!(
        "reshape_strides_contig",
        "np.arange(24).reshape(2, 1, 3, 4).strides",
        np::arange(24).reshape([2, 1, 3, 4]).strides()
    );
    case!(
        "ravel_strides",
        "np.arange(6).reshape(2, 3).ravel().strides",
        np::arange(6).reshape([2, 3]).ravel().strides()
    );
    case!(
        "diag_strides",
        "np.diag(np.zeros((3, 4))).strides",
        np::diag(np::zeros([3, 4])).strides()
    );
    case!(
        "split_strides",
        "np.split(np.zeros((4, 6)), 2, axis=1)[1].strides",
        np::split(np::zeros([4, 6]), 2, 1)[1].strides()
    );
    case!(
        "atleast_1d_0d",
        "np.atleast_1d(np.array(1.0))",
        np::atleast_1d(np::full((), 1.0))
    );
    case!(
        "atleast_2d_1d",
        "np.atleast_2d(np.arange(3))",
        np::atleast_2d(np::arange(3))
    );
    case!(
        "atleast_3d_2d",
        "np.atleast_3d(np.zeros((2, 3))).shape",
        np::atleast_3d(np::zeros([2, 3])).shape().to_vec()
    );
    case!(
        "atleast_3d_1d",
        "np.atleast_3d(np.zeros(3)).shape",
        np::atleast_3d(np::zeros(3)).shape().to_vec()
    );

    // ----- concatenate / stack ---------------------------------------------------------------------
    case!(
        "concat_axis0",
        "np.concatenate([np.zeros((2, 3)), np.ones((1, 3))], axis=0)",
        np::concatenate(&[np::zeros([2, 3]), np::ones([1, 3])], 0)
    );
    case!(
        "concat_axis1",
        "np.concatenate([np.arange(6).reshape(2, 3), np.arange(4).reshape(2, 2)], axis=1)",
        np::concatenate(
            &[np::arange(6).reshape([2, 3]), np::arange(4).reshape([2, 2])],
            1
        )
    );
    case!(
        "concat_axis_neg",
        "np.concatenate([np.zeros((2, 2)), np.ones((2, 2))], axis=-1)",
        np::concatenate(&[np::zeros([2, 2]), np::ones([2, 2])], -1)
    );
    case!(
        "concat_three",
        "np.concatenate([np.arange(2), np.arange(3), np.arange(1)])",
        np::concatenate(&[np::arange(2), np::arange(3), np::arange(1)], 0)
    );
    case!(
        "concat_promote_int_float",
        "np.concatenate([np.arange(2), np.array([0.5])])",
        np::concatenate(&[np::arange(2), np::array![0.5]], 0)
    );
    case!(
        "concat_promote_i8_u8",
        "np.concatenate([np.zeros(2, np.int8), np.ones(2, np.uint8)])",
        np::concatenate(
            &[np::zeros_dtype(2, np::int8), np::ones_dtype(2, np::uint8)],
            0
        )
    );
    case!(
        "concat_promote_bool_int",
        "np.concatenate([np.array([True, False]), np.arange(2, dtype=np.int32)])",
        np::concatenate(
            &[np::array![true, false], np::arange(2).astype(np::int32)],
            0
        )
    );
    case!(
        "concat_promote_f32_i16",
        "np.concatenate([np.ones(2, np.float32), np.ones(2, np.int16)])",
        np::concatenate(
            &[np::ones_dtype(2, np::float32), np::ones_dtype(2, np::int16)],
            0
        )
    );
    case!(
        "concat_promote_c64_f64",
        "np.concatenate([np.ones(1, np.complex64), np.ones(1)])",
        np::concatenate(&[np::ones_dtype(1, np::complex64), np::ones(1)], 0)
    );
    case!(
        "concat_views",
        "a = np.arange(12).reshape(3, 4)\nnp.concatenate([a.T, a[::-1, ::2].T], axis=1)",
        {
            let a = np::arange(12).reshape([3, 4]);
            np::concatenate(&[a.t(), a.slice(s![..;-1, ..;2]).t()], 1)
        }
    );
    case!(
        "concat_empty_piece",
        "np.concatenate([np.zeros((0, 3)), np.ones((2, 3))])",
        np::concatenate(&[np::zeros([0, 3]), np::ones([2, 3])], 0)
    );
    case!(
        "concat_3d_axis1",
        "np.concatenate([np.arange(8).reshape(2, 2, 2), np.arange(4).reshape(2, 1, 2)], axis=1)",
        np::concatenate(
            &[
                np::arange(8).reshape([2, 2, 2]),
                np::arange(4).reshape([2, 1, 2])
            ],
            1
        )
    );
    case!(
        "concat_mismatch",
        "np.concatenate([np.zeros((2, 3)), np.zeros((2, 4))])",
        np::concatenate(&[np::zeros([2, 3]), np::zeros([2, 4])], 0)
    );
    case!(
        "concat_ndim_mismatch",
        "np.concatenate([np.zeros((2, 3)), np.zeros(3)])",
        np::concatenate(&[np::zeros([2, 3]), np::zeros(3)], 0)
    );
    case!(
        "concat_none",
        "np.concatenate([])",
        np::try_concatenate::<Array>(&[], 0)
    );
    case!(
        "concat_axis_oob",
        "np.concatenate([np.zeros(3)], axis=1)",
        np::concatenate(&[np::zeros(3)], 1)
    );
    case!(
        "concat_axis_oob_neg",
        "np.concatenate([np.zeros((2, 2)), np.ones((2, 2))], axis=-3)",
        np::concatenate(&[np::zeros([2, 2]), np::ones([2, 2])], -3)
    );
    case!(
        "concat_0d",
        "np.concatenate([np.array(1), np.array(2)])",
        np::concatenate(&[np::full((), 1), np::full((), 2)], 0)
    );
    case!(
        "concat_batches",
        "b = np.arange(24.0).reshape(2, 3, 4)\nnp.concatenate([b, b * 2, b + 1], axis=0)",
        {
            let b = np::arange(24.0).reshape([2, 3, 4]);
            np::concatenate(&[b.clone(), &b * 2, &b + 1], 0)
        }
    );
    case!(
        "stack_axis0",
        "np.stack([np.arange(3), np.arange(3) * 2])",
        np::stack(&[np::arange(3), np::arange(3) * 2], 0)
    );
    case!(
        "stack_axis1",
        "np.stack([np.arange(3), np.arange(3) * 2], axis=1)",
        np::stack(&[np::arange(3), np::arange(3) * 2], 1)
    );
    case!(
        "stack_axis_neg",
        "np.stack([np.zeros(2), np.ones(2)], axis=-1)",
        np::stack(&[np::zeros(2), np::ones(2)], -1)
    );
    case!(
        "stack_2d_mid",
        "np.stack([np.arange(6).reshape(2, 3)] * 3, axis=1)",
        {
            let a = np::arange(6).reshape([2, 3]);
            np::stack(&[&a, &a, &a], 1)
        }
    );
    case!(
        "stack_0d",
        "np.stack([np.array(1.0), np.array(2.0)])",
        np::stack(&[np::full((), 1.0), np::full((), 2.0)], 0)
    );
    case!(
        "stack_promote",
        "np.stack([np.arange(2), np.ones(2, np.float32)])",
        np::stack(&[np::arange(2), np::ones_dtype(2, np::float32)], 0)
    );
    case!(
        "stack_shape_mismatch",
        "np.stack([np.zeros(3), np.zeros(4)])",
        np::stack(&[np::zeros(3), np::zeros(4)], 0)
    );
    case!("stack_none", "np.stack([])", np::try_stack::<Array>(&[], 0));
    case!(
        "stack_axis_oob",
        "np.stack([np.zeros(3)], axis=2)",
        np::stack(&[np::zeros(3)], 2)
    );
    case!(
        "stack_axis_oob_neg",
        "np.stack([np.zeros(2), np.ones(2)], axis=-3)",
        np::stack(&[np::zeros(2), np::ones(2)], -3)
    );
    case!(
        "hstack_1d",
        "np.hstack([np.arange(2), np.arange(3)])",
        np::hstack(&[np::arange(2), np::arange(3)])
    );
    case!(
        "hstack_2d",
        "np.hstack([np.zeros((2, 1)), np.ones((2, 2))])",
        np::hstack(&[np::zeros([2, 1]), np::ones([2, 2])])
    );
    case!(
        "hstack_0d",
        "np.hstack([np.array(1), np.array(2)])",
        np::hstack(&[np::full((), 1), np::full((), 2)])
    );
    case!(
        "hstack_mixed_ndim",
        "np.hstack([np.zeros(3), np.zeros((3, 1))])",
        np::hstack(&[np::zeros(3), np::zeros([3, 1])])
    );
    case!(
        "vstack_1d",
        "np.vstack([np.arange(3), np.arange(3, 6)])",
        np::vstack(&[np::arange(3), np::arange((3, 6))])
    );
    case!(
        "vstack_mixed",
        "np.vstack([np.arange(3), np.ones((2, 3))])",
        np::vstack(&[np::arange(3), np::ones([2, 3])])
    );
    case!(
        "vstack_0d",
        "np.vstack([np.array(1), np.array(2)])",
        np::vstack(&[np::full((), 1), np::full((), 2)])
    );
    case!(
        "vstack_mismatch",
        "np.vstack([np.zeros(3), np.zeros(4)])",
        np::vstack(&[np::zeros(3), np::zeros(4)])
    );
    case!(
        "dstack_1d",
        "np.dstack([np.arange(3), np.arange(3)])",
        np::dstack(&[np::arange(3), np::arange(3)])
    );
    case!(
        "dstack_2d",
        "np.dstack([np.zeros((2, 2)), np.ones((2, 2))]).shape",
        np::dstack(&[np::zeros([2, 2]), np::ones([2, 2])])
            .shape()
            .to_vec()
    );
    case!(
        "column_stack_1d",
        "np.column_stack([np.arange(3), np.arange(3, 6)])",
        np::column_stack(&[np::arange(3), np::arange((3, 6))])
    );
    case!(
        "column_stack_mixed",
        "np.column_stack([np.arange(2), np.ones((2, 2))])",
        np::column_stack(&[np::arange(2), np::ones([2, 2])])
    );

    case!(
        "concat_nan_inf",
        "np.concatenate([np.array([np.nan, 1.0]), np.array([np.inf, -np.inf])])",
        np::concatenate(
            &[
                np::array![f64::NAN, 1.0],
                np::array![f64::INFINITY, f64::NEG_INFINITY]
            ],
            0
        )
    );
    case!(
        "concat_all_empty",
        "np.concatenate([np.zeros((0, 2)), np.zeros((0, 2))])",
        np::concatenate(&[np::zeros([0, 2]), np::zeros([0, 2])], 0)
    );
    case!(
        "concat_empty_axis1",
        "np.concatenate([np.zeros((2, 0)), np.ones((2, 1))], axis=1)",
        np::concatenate(&[np::zeros([2, 0]), np::ones([2, 1])], 1)
    );
    case!(
        "concat_broadcast_view",
        "np.concatenate([np.broadcast_to(np.arange(3), (2, 3)), np.ones((1, 3))])",
        np::concatenate(&[np::arange(3).broadcast_to([2, 3]), np::ones([1, 3])], 0)
    );
    case!(
        "concat_single",
        "np.concatenate([np.arange(4).reshape(2, 2)[::-1]])",
        np::concatenate(&[np::arange(4).reshape([2, 2]).slice(s![..;-1])], 0)
    );
    case!(
        "concat_owns",
        "np.concatenate([np.arange(2), np.arange(2)]).base is None",
        np::concatenate(&[np::arange(2), np::arange(2)], 0)
            .base()
            .is_none()
    );
    case!(
        "concat_complex_int",
        "np.concatenate([np.array([1j]), np.arange(2)])",
        np::concatenate(
            &[
                np::array(vec![np::Complex128::new(0.0, 1.0)]),
                np::arange(2)
            ],
            0
        )
    );
    case!(
        "concat_u64_i64",
        "np.concatenate([np.ones(1, np.uint64), np.ones(1, np.int64)])",
        np::concatenate(
            &[np::ones_dtype(1, np::uint64), np::ones_dtype(1, np::int64)],
            0
        )
    );
    case!(
        "stack_empty_arrays",
        "np.stack([np.zeros(0), np.zeros(0)])",
        np::stack(&[np::zeros(0), np::zeros(0)], 0)
    );
    case!(
        "stack_neg_views",
        "a = np.arange(6).reshape(2, 3)\nnp.stack([a[::-1], a.T.T], axis=2)",
        {
            let a = np::arange(6).reshape([2, 3]);
            np::stack(&[a.slice(s![..;-1]), a.t().t()], 2)
        }
    );
    case!(
        "hstack_bool",
        "np.hstack([np.array([True]), np.array([False, True])])",
        np::hstack(&[np::array![true], np::array![false, true]])
    );
    case!(
        "vstack_promote",
        "np.vstack([np.arange(2, dtype=np.int8), np.array([0.5, 1.5], dtype=np.float32)])",
        np::vstack(&[np::arange(2).astype(np::int8), np::array![0.5f32, 1.5f32]])
    );
    case!(
        "column_stack_0d",
        "np.column_stack([np.array(1), np.array(2)])",
        np::column_stack(&[np::full((), 1), np::full((), 2)])
    );

    // ----- split ------------------------------------------------------------------------------------
    case!(
        "split_sections",
        "np.split(np.arange(9), 3)",
        np::split(np::arange(9), 3, 0)
    );
    case!(
        "split_indices",
        "np.split(np.arange(10), [3, 7])",
        np::split(np::arange(10), [3, 7], 0)
    );
    case!(
        "split_indices_oob",
        "np.split(np.arange(10), [3, 20])",
        np::split(np::arange(10), [3, 20], 0)
    );
    case!(
        "split_indices_neg",
        "np.split(np.arange(10), [-3, 2])",
        np::split(np::arange(10), [-3, 2], 0)
    );
    case!(
        "split_indices_desc",
        "np.split(np.arange(10), [5, 3])",
        np::split(np::arange(10), [5, 3], 0)
    );
    case!(
        "split_axis1",
        "np.split(np.arange(24).reshape(4, 6), 3, axis=1)",
        np::split(np::arange(24).reshape([4, 6]), 3, 1)
    );
    case!(
        "split_axis_neg",
        "np.split(np.arange(24).reshape(4, 6), [1], axis=-2)",
        np::split(np::arange(24).reshape([4, 6]), [1], -2)
    );
    case!(
        "split_unequal",
        "np.split(np.arange(10), 3)",
        np::split(np::arange(10), 3, 0)
    );
    case!(
        "split_zero",
        "np.split(np.arange(10), 0)",
        np::split(np::arange(10), 0, 0)
    );
    case!(
        "split_axis_oob",
        "np.split(np.zeros((4, 6)), 2, axis=2)",
        np::split(np::zeros([4, 6]), 2, 2)
    );
    case!(
        "split_is_view",
        "a = np.arange(6)\nnp.shares_memory(a, np.split(a, [2, 4])[1])",
        {
            let a = np::arange(6);
            a.shares_memory(&np::split(&a, [2, 4], 0)[1])
        }
    );
    case!(
        "array_split_uneven",
        "np.array_split(np.arange(10), 3)",
        np::array_split(np::arange(10), 3, 0)
    );
    case!(
        "array_split_4",
        "np.array_split(np.arange(10), 4)",
        np::array_split(np::arange(10), 4, 0)
    );
    case!(
        "array_split_more",
        "np.array_split(np.arange(3), 5)",
        np::array_split(np::arange(3), 5, 0)
    );
    case!(
        "array_split_zero",
        "np.array_split(np.arange(10), 0)",
        np::array_split(np::arange(10), 0, 0)
    );
    case!(
        "array_split_2d",
        "np.array_split(np.arange(15).reshape(3, 5), 2, axis=1)",
        np::array_split(np::arange(15).reshape([3, 5]), 2, 1)
    );
    case!(
        "hsplit_2d",
        "np.hsplit(np.arange(8).reshape(2, 4), 2)",
        np::hsplit(np::arange(8).reshape([2, 4]), 2)
    );
    case!(
        "hsplit_1d",
        "np.hsplit(np.arange(6), [1, 4])",
        np::hsplit(np::arange(6), [1, 4])
    );
    case!(
        "hsplit_0d",
        "np.hsplit(np.array(3), 1)",
        np::hsplit(np::full((), 3), 1)
    );
    case!(
        "vsplit_2d",
        "np.vsplit(np.arange(8).reshape(4, 2), [1])",
        np::vsplit(np::arange(8).reshape([4, 2]), [1])
    );
    case!(
        "vsplit_1d",
        "np.vsplit(np.arange(4), 2)",
        np::vsplit(np::arange(4), 2)
    );
    case!(
        "dsplit_3d",
        "np.dsplit(np.arange(8).reshape(1, 2, 4), 2)",
        np::dsplit(np::arange(8).reshape([1, 2, 4]), 2)
    );
    case!(
        "dsplit_2d",
        "np.dsplit(np.zeros((2, 2)), 2)",
        np::dsplit(np::zeros([2, 2]), 2)
    );

    // ----- tile / repeat ----------------------------------------------------------------------------
    case!(
        "tile_1d",
        "np.tile(np.arange(3), 2)",
        np::tile(np::arange(3), 2)
    );
    case!(
        "tile_1d_2d_reps",
        "np.tile(np.arange(3), (2, 2))",
        np::tile(np::arange(3), [2, 2])
    );
    case!(
        "tile_2d",
        "np.tile(np.arange(6).reshape(2, 3), 2)",
        np::tile(np::arange(6).reshape([2, 3]), 2)
    );
    case!(
        "tile_2d_reps",
        "np.tile(np.arange(6).reshape(2, 3), (2, 1))",
        np::tile(np::arange(6).reshape([2, 3]), [2, 1])
    );
    case!(
        "tile_3d_reps",
        "np.tile(np.arange(6).reshape(2, 3), (2, 1, 2))",
        np::tile(np::arange(6).reshape([2, 3]), [2, 1, 2])
    );
    case!(
        "tile_0d",
        "np.tile(np.array(5), 3)",
        np::tile(np::full((), 5), 3)
    );
    case!(
        "tile_zero",
        "np.tile(np.arange(3), 0)",
        np::tile(np::arange(3), 0)
    );
    case!(
        "tile_ones",
        "np.tile(np.arange(3.0), 1)",
        np::tile(np::arange(3.0), 1)
    );
    case!(
        "tile_negative",
        "np.tile(np.arange(3), -1)",
        np::tile(np::arange(3), -1)
    );
    case!(
        "tile_view",
        "np.tile(np.arange(6)[::-2], 2)",
        np::tile(np::arange(6).slice(s![..;-2]), 2)
    );
    case!(
        "repeat_flat",
        "np.repeat(np.arange(6).reshape(2, 3), 2)",
        np::repeat(np::arange(6).reshape([2, 3]), 2)
    );
    case!(
        "repeat_method",
        "np.arange(3).repeat(3)",
        np::arange(3).repeat(3)
    );
    case!(
        "repeat_counts",
        "np.repeat(np.arange(3), [1, 0, 2])",
        np::repeat(np::arange(3), [1, 0, 2])
    );
    case!(
        "repeat_axis0",
        "np.repeat(np.arange(6).reshape(2, 3), [1, 2], axis=0)",
        np::repeat_axis(np::arange(6).reshape([2, 3]), [1, 2], 0)
    );
    case!(
        "repeat_axis1",
        "np.repeat(np.arange(6).reshape(2, 3), 2, axis=1)",
        np::repeat_axis(np::arange(6).reshape([2, 3]), 2, 1)
    );
    case!(
        "repeat_axis_neg",
        "np.repeat(np.arange(6).reshape(2, 3), [3, 0, 1], axis=-1)",
        np::repeat_axis(np::arange(6).reshape([2, 3]), [3, 0, 1], -1)
    );
    case!(
        "repeat_T",
        "np.arange(6).reshape(2, 3).T.repeat(2, axis=0)",
        np::arange(6).reshape([2, 3]).t().repeat_axis(2, 0)
    );
    case!(
        "repeat_0d",
        "np.repeat(np.array(5), 3)",
        np::repeat(np::full((), 5), 3)
    );
    case!(
        "repeat_zero",
        "np.repeat(np.arange(3.0), 0)",
        np::repeat(np::arange(3.0), 0)
    );
    case!(
        "repeat_single_list",
        "np.repeat(np.arange(3), [2])",
        np::repeat(np::arange(3), [2])
    );
    case!(
        "repeat_neg",
        "np.repeat([1, 2], -1)",
        np::repeat(np::array![1, 2], -1)
    );
    case!(
        "repeat_neg_list",
        "np.repeat([1, 2], [1, -2])",
        np::repeat(np::array![1, 2], [1, -2])
    );
    case!(
        "repeat_bad_len",
        "np.repeat([1, 2], [1, 2, 3])",
        np::repeat(np::array![1, 2], [1, 2, 3])
    );
    case!(
        "repeat_bad_len_axis",
        "np.repeat(np.arange(6).reshape(2, 3), [1, 2], axis=1)",
        np::repeat_axis(np::arange(6).reshape([2, 3]), [1, 2], 1)
    );
    case!(
        "repeat_axis_oob",
        "np.repeat(np.arange(3), 2, axis=1)",
        np::repeat_axis(np::arange(3), 2, 1)
    );

    // ----- array! / np.array / asarray ------------------------------------------------------------
    case!(
        "array_int_1d",
        "np.array([85, 92, 78, 96, 88, 73, 91, 82])",
        np::array![85, 92, 78, 96, 88, 73, 91, 82]
    );
    case!(
        "array_int_2d",
        "np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])",
        np::array![[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    );
    case!(
        "array_float_1d",
        "np.array([1.0, 2.0, 3.0])",
        np::array![1.0, 2.0, 3.0]
    );
    case!(
        "array_mixed",
        "np.array([1, 2.5, -3])",
        np::array![1, 2.5, -3]
    );
    case!(
        "array_mixed_2d",
        "np.array([[1, 2], [3.5, 4]])",
        np::array![[1, 2], [3.5, 4]]
    );
    case!(
        "array_bool",
        "np.array([True, False, True])",
        np::array![true, false, true]
    );
    case!("array_bool_int", "np.array([True, 2])", np::array![true, 2]);
    case!(
        "array_3d",
        "np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])",
        np::array![[[1, 2], [3, 4]], [[5, 6], [7, 8]]]
    );
    case!("array_empty", "np.array([])", np::array![]);
    case!("array_empty_rows", "np.array([[], []])", np::array![[], []]);
    case!(
        "array_nan_inf",
        "np.array([np.nan, np.inf, -np.inf, -0.0])",
        np::array![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0]
    );
    case!(
        "array_f32_values",
        "np.array([np.float32(1.5), np.float32(2)])",
        np::array![1.5f32, 2.0f32]
    );
    case!(
        "array_u8_values",
        "np.array([np.uint8(1), np.uint8(200)])",
        np::array![1u8, 200u8]
    );
    case!(
        "array_dtype_int32",
        "np.array([1, 2, 3], dtype=np.int32)",
        np::array![1, 2, 3].astype(np::int32)
    );
    case!(
        "array_dtype_int8_2d",
        "np.array([[1, 2], [3, 4]], dtype=np.int8)",
        np::array![[1, 2], [3, 4]].astype(np::int8)
    );
    case!(
        "array_ragged",
        "np.array([[1, 2], [3]])",
        np::array![[1, 2], [3]]
    );
    case!(
        "array_ragged_3d",
        "np.array([[[1, 2], [3, 4]], [[5, 6], [7]]])",
        np::array![[[1, 2], [3, 4]], [[5, 6], [7]]]
    );
    case!(
        "array_ragged_depth",
        "np.array([[1, 2], [[3, 4], [5, 6]]])",
        np::array![[1, 2], [[3, 4], [5, 6]]]
    );
    case!(
        "array_fn_vec",
        "np.array([1.5, 2.3, 3.1, 4.2, 5.0])",
        np::array(vec![1.5, 2.3, 3.1, 4.2, 5.0])
    );
    case!(
        "array_fn_vec_int",
        "np.array([0, 1, 2, 1, 0])",
        np::array(vec![0, 1, 2, 1, 0])
    );
    case!(
        "array_fn_nested",
        "np.array([[1, 2], [3, 4]])",
        np::array([[1, 2], [3, 4]])
    );
    case!(
        "array_fn_vecvec",
        "np.array([[1.0, 2.0], [3.0, 4.0]])",
        np::array(vec![vec![1.0, 2.0], vec![3.0, 4.0]])
    );
    case!(
        "array_fn_vecvec_ragged",
        "np.array([[1.0, 2.0], [3.0]])",
        np::array(vec![vec![1.0, 2.0], vec![3.0]])
    );
    case!("array_fn_scalar", "np.array(5)", np::array(5));
    case!(
        "array_fn_copy",
        "a = np.arange(3)\nnp.shares_memory(a, np.array(a))",
        {
            let a = np::arange(3);
            a.shares_memory(&np::array(&a))
        }
    );
    case!("asarray_no_copy", "a = np.arange(3)\nnp.asarray(a) is a", {
        let a = np::arange(3);
        np::asarray(&a).is(&a)
    });
    case!(
        "array_fn_ref_vec",
        "data_list = [1.2, 2.1, 3.4, 4.0, 5.2]\nnp.array(data_list)",
        {
            let data_list = vec![1.2, 2.1, 3.4, 4.0, 5.2];
            np::array(&data_list)
        }
    );
    case!(
        "array_fn_ref_vecvec",
        "rows = [[1, 2], [3, 4], [5, 6]]\nnp.array(rows)",
        {
            let rows = vec![vec![1, 2], vec![3, 4], vec![5, 6]];
            np::array(&rows)
        }
    );
    case!(
        "array_fn_vec_of_arrays",
        "np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])",
        np::array(vec![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    );
    case!(
        "array_fn_f32_vec",
        "np.array([1.5, 2.5], dtype=np.float32)",
        np::array(vec![1.5f32, 2.5])
    );
    case!(
        "array_fn_bool_vec",
        "np.array([True, False])",
        np::array(vec![true, false])
    );
    case!(
        "array_fn_empty_vec",
        "np.array([], dtype=np.float64)",
        np::array(Vec::<f64>::new())
    );
    case!(
        "asarray_vec",
        "np.asarray([1, 2, 3])",
        np::asarray(vec![1, 2, 3])
    );
    case!(
        "array_literal_exprs",
        "x = 2.0\nnp.array([[x, x * 2], [x ** 2, -x]])",
        {
            let x = 2.0f64;
            np::array![[x, x * 2.0], [x.powi(2), -x]]
        }
    );
    case!(
        "array_literal_scalar_elems",
        "a = np.arange(4.0)\nnp.array([a.sum(), a.max()])",
        {
            let a = np::arange(4.0);
            np::array![a.sum(), a.max()]
        }
    );
    case!(
        "array_from_vecvec",
        "np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int64)",
        Array::from(vec![vec![1i64, 2, 3], vec![4, 5, 6]])
    );

    // ----- *_like / *_dtype / eye / identity / diag / logspace / meshgrid -----------------------
    case!(
        "zeros_like_int",
        "np.zeros_like(np.arange(4))",
        np::zeros_like(np::arange(4))
    );
    case!(
        "zeros_like_2d_f32",
        "np.zeros_like(np.ones((2, 3), np.float32))",
        np::zeros_like(np::ones_dtype([2, 3], np::float32))
    );
    case!(
        "zeros_like_T_shape",
        "np.zeros_like(np.zeros((2, 3)).T).shape",
        np::zeros_like(np::zeros([2, 3]).t()).shape().to_vec()
    );
    case!(
        "ones_like_bool",
        "np.ones_like(np.array([True, False]))",
        np::ones_like(np::array![true, false])
    );
    case!(
        "ones_like_0d",
        "np.ones_like(np.array(3.5))",
        np::ones_like(np::full((), 3.5))
    );
    case!(
        "empty_like_dtype",
        "np.empty_like(np.arange(3, dtype=np.int16)).dtype",
        np::empty_like(np::arange(3).astype(np::int16)).dtype()
    );
    case!(
        "full_like_trunc",
        "np.full_like(np.arange(3), 2.7)",
        np::full_like(np::arange(3), 2.7)
    );
    case!(
        "full_like_float",
        "np.full_like(np.zeros((2, 2)), 7)",
        np::full_like(np::zeros([2, 2]), 7)
    );
    case!(
        "full_like_nan",
        "np.full_like(np.zeros(2), np.nan)",
        np::full_like(np::zeros(2), f64::NAN)
    );
    case!(
        "zeros_dtype_i32",
        "np.zeros((2, 3), dtype=np.int32)",
        np::zeros_dtype([2, 3], np::int32)
    );
    case!(
        "ones_dtype_u8",
        "np.ones(4, dtype=np.uint8)",
        np::ones_dtype(4, np::uint8)
    );
    case!(
        "ones_dtype_c128",
        "np.ones(2, dtype=np.complex128)",
        np::ones_dtype(2, np::complex128)
    );
    case!(
        "ones_dtype_bool",
        "np.ones(2, dtype=bool)",
        np::ones_dtype(2, np::bool_)
    );
    case!(
        "zeros_dtype_negative",
        "np.zeros((2, -1), dtype=np.int32)",
        np::zeros_dtype([2, -1], np::int32)
    );
    case!("eye_3", "np.eye(3)", np::eye(3));
    case!("eye_rect", "np.eye(2, 4)", np::eye((2, 4)));
    case!("eye_k1", "np.eye(3, 4, 1)", np::eye((3, 4, 1)));
    case!("eye_kneg", "np.eye(4, 3, -2)", np::eye((4, 3, -2)));
    case!("eye_k_big", "np.eye(3, k=5)", np::eye((3, 3, 5)));
    case!("eye_0", "np.eye(0)", np::eye(0));
    case!("eye_negative", "np.eye(-1)", np::eye(-1));
    case!(
        "eye_int",
        "np.eye(2, dtype=int)",
        np::eye(2).astype(np::int64)
    );
    case!("identity_4", "np.identity(4)", np::identity(4));
    case!(
        "eye_onehot_rows",
        "np.eye(3)[[0, 2]]",
        np::concatenate(&[np::eye(3).slice(s![0..1]), np::eye(3).slice(s![2..3])], 0)
    );
    case!(
        "diag_vector",
        "np.diag(np.array([1.0, 2.0, 3.0]))",
        np::diag(np::array![1.0, 2.0, 3.0])
    );
    case!(
        "diag_vector_k",
        "np.diag(np.arange(3), 1)",
        np::diag_k(np::arange(3), 1)
    );
    case!(
        "diag_vector_kneg",
        "np.diag(np.arange(3), -1)",
        np::diag_k(np::arange(3), -1)
    );
    case!(
        "diag_matrix",
        "np.diag(np.arange(12).reshape(3, 4))",
        np::diag(np::arange(12).reshape([3, 4]))
    );
    case!(
        "diag_matrix_k",
        "np.diag(np.arange(12).reshape(3, 4), 1)",
        np::diag_k(np::arange(12).reshape([3, 4]), 1)
    );
    case!(
        "diag_matrix_kneg",
        "np.diag(np.arange(12).reshape(3, 4), -1)",
        np::diag_k(np::arange(12).reshape([3, 4]), -1)
    );
    case!(
        "diag_matrix_k_far",
        "np.diag(np.arange(12).reshape(3, 4), -5)",
        np::diag_k(np::arange(12).reshape([3, 4]), -5)
    );
    case!(
        "diag_matrix_T",
        "np.diag(np.arange(12).reshape(3, 4).T, 1)",
        np::diag_k(np::arange(12).reshape([3, 4]).t(), 1)
    );
    case!(
        "diag_matrix_flags",
        "np.diag(np.arange(9).reshape(3, 3)).flags",
        np::diag(np::arange(9).reshape([3, 3])).flags()
    );
    case!(
        "diag_3d",
        "np.diag(np.zeros((2, 2, 2)))",
        np::diag(np::zeros([2, 2, 2]))
    );
    case!(
        "diag_0d",
        "np.diag(np.array(1.0))",
        np::diag(np::full((), 1.0))
    );
    case!(
        "diag_svd_chain",
        "S = np.array([3.0, 2.0, 1.0])\nnp.diag(S[:2])",
        np::diag(np::array![3.0, 2.0, 1.0].slice(s![..2]))
    );
    case!(
        "logspace_basic",
        "np.logspace(0, 2, 3)",
        np::logspace(0, 2, 3)
    );
    case!(
        "logspace_frac",
        "np.logspace(-1, 1, 7)",
        np::logspace(-1, 1, 7)
    );
    case!(
        "logspace_one",
        "np.logspace(2, 3, 1)",
        np::logspace(2, 3, 1)
    );
    case!(
        "meshgrid_xy",
        "np.meshgrid(np.arange(3), np.arange(2))",
        np::meshgrid(&[np::arange(3), np::arange(2)])
    );
    case!(
        "meshgrid_ij",
        "np.meshgrid(np.arange(3), np.arange(2), indexing='ij')",
        np::meshgrid_indexing(&[np::arange(3), np::arange(2)], "ij")
    );
    case!(
        "meshgrid_3",
        "np.meshgrid(np.arange(2), np.arange(3.0), np.arange(4))",
        np::meshgrid(&[np::arange(2), np::arange(3.0), np::arange(4)])
    );
    case!(
        "meshgrid_one",
        "np.meshgrid(np.arange(3))",
        np::meshgrid(&[np::arange(3)])
    );
    case!(
        "meshgrid_2d_input",
        "np.meshgrid(np.zeros((2, 2)), np.arange(2))",
        np::meshgrid(&[np::zeros([2, 2]), np::arange(2)])
    );
    case!(
        "meshgrid_bad",
        "np.meshgrid(np.arange(3), indexing='xx')",
        np::meshgrid_indexing(&[np::arange(3)], "xx")
    );
    case!(
        "meshgrid_linspace",
        "x, y = np.meshgrid(np.linspace(0, 1, 3), np.linspace(-1, 1, 2))\nx * y",
        {
            let g = np::meshgrid(&[np::linspace(0, 1, 3), np::linspace(-1, 1, 2)]);
            &g[0] * &g[1]
        }
    );

    // ----- astype -----------------------------------------------------------------------------------
    for d in np::DType::ALL {
        let n = d.name();
        case!(
            &format!("astype_from_f64_{n}"),
            &format!("np.array([-2.7, -1.0, 0.0, 0.5, 1.9, 100.2]).astype(np.{n})"),
            np::array![-2.7, -1.0, 0.0, 0.5, 1.9, 100.2].astype(d)
        );
        case!(
            &format!("astype_from_i64_{n}"),
            &format!("np.array([-300, -1, 0, 1, 127, 70000]).astype(np.{n})"),
            np::array![-300, -1, 0, 1, 127, 70000].astype(d)
        );
        case!(
            &format!("astype_from_bool_{n}"),
            &format!("np.array([True, False]).astype(np.{n})"),
            np::array![true, false].astype(d)
        );
        case!(
            &format!("astype_to_f64_{n}"),
            &format!("np.arange(5).astype(np.{n}).astype(np.float64)"),
            np::arange(5).astype(d).astype(np::float64)
        );
    }
    case!(
        "astype_f32_view",
        "np.arange(12.0).reshape(3, 4).T.astype(np.float32)",
        np::arange(12.0).reshape([3, 4]).t().astype(np::float32)
    );
    case!(
        "astype_neg_view",
        "np.arange(6)[::-2].astype(np.float64)",
        np::arange(6).slice(s![..;-2]).astype(np::float64)
    );
    case!(
        "astype_empty",
        "np.zeros((0, 3)).astype(np.int8)",
        np::zeros([0, 3]).astype(np::int8)
    );
    case!(
        "astype_0d",
        "np.array(2.5).astype(np.int32)",
        np::full((), 2.5).astype(np::int32)
    );
    case!(
        "astype_copy",
        "a = np.arange(3)\nnp.shares_memory(a, a.astype(np.int64))",
        {
            let a = np::arange(3);
            a.shares_memory(&a.astype(np::int64))
        }
    );
    case!(
        "astype_fn",
        "np.astype(np.arange(3), np.bool_)",
        np::astype(np::arange(3), np::bool_)
    );
    case!(
        "astype_nan_to_bool",
        "np.array([np.nan, 0.0, -0.0, np.inf]).astype(bool)",
        np::array![f64::NAN, 0.0, -0.0, f64::INFINITY].astype(np::bool_)
    );
    case!(
        "astype_nan_to_int64",
        "np.array([np.nan, np.inf, -np.inf, 1e20]).astype(np.int64)",
        np::array![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e20].astype(np::int64)
    );
    case!(
        "astype_overflow_int8",
        "np.array([300.0, -129.5, 255.9, 256.0, 1e10]).astype(np.int8)",
        np::array![300.0, -129.5, 255.9, 256.0, 1e10].astype(np::int8)
    );
    case!(
        "astype_overflow_uint8",
        "np.array([300.0, -1.0, 255.9, np.nan]).astype(np.uint8)",
        np::array![300.0, -1.0, 255.9, f64::NAN].astype(np::uint8)
    );
    case!(
        "astype_overflow_int32",
        "np.array([3e9, -3e9, np.nan, 2147483647.0]).astype(np.int32)",
        np::array![3e9, -3e9, f64::NAN, 2147483647.0].astype(np::int32)
    );
    case!(
        "astype_overflow_int16",
        "np.array([70000.0, -70000.0, 32767.9]).astype(np.int16)",
        np::array![70000.0, -70000.0, 32767.9].astype(np::int16)
    );
    case!(
        "astype_int_wrap",
        "np.array([-1, 300, 70000]).astype(np.uint8)",
        np::array![-1, 300, 70000].astype(np::uint8)
    );
    case!(
        "astype_complex_to_float",
        "np.array([1.5 + 2j, -3 - 1j]).astype(np.float64)",
        np::array(vec![
            np::Complex128::new(1.5, 2.0),
            np::Complex128::new(-3.0, -1.0)
        ])
        .astype(np::float64)
    );
    case!(
        "astype_f64_to_f32_round",
        "np.array([0.1, 1e-50, 1e50]).astype(np.float32)",
        np::array![0.1, 1e-50, 1e50].astype(np::float32)
    );
    case!(
        "astype_u64_to_f64",
        "np.array([2**64 - 1], dtype=np.uint64).astype(np.float64)",
        np::array![u64::MAX].astype(np::float64)
    );

    // ----- assignment -------------------------------------------------------------------------------
    case!(
        "assign_row",
        "a = np.zeros((3, 4))\na[1] = np.arange(4)\na",
        {
            let a = np::zeros([3, 4]);
            a.slice(s![1]).assign(&np::arange(4));
            a
        }
    );
    case!(
        "assign_broadcast_col",
        "a = np.zeros((3, 4))\na[:, 1:3] = np.arange(3).reshape(3, 1)\na",
        {
            let a = np::zeros([3, 4]);
            a.slice(s![.., 1..3]).assign(&np::arange(3).reshape([3, 1]));
            a
        }
    );
    case!(
        "assign_all_broadcast",
        "a = np.zeros((2, 3))\na[...] = np.array([1.0, 2.0, 3.0])\na",
        {
            let a = np::zeros([2, 3]);
            a.assign(&np::array![1.0, 2.0, 3.0]);
            a
        }
    );
    case!(
        "assign_leading_ones",
        "a = np.zeros((2, 3))\na[:] = np.ones((1, 1, 3))\na",
        {
            let a = np::zeros([2, 3]);
            a.assign(&np::ones([1, 1, 3]));
            a
        }
    );
    case!(
        "assign_truncate",
        "a = np.zeros(3, dtype=int)\na[:] = np.array([1.7, -2.7, 3.5])\na",
        {
            let a = np::zeros_dtype(3, np::int64);
            a.assign(&np::array![1.7, -2.7, 3.5]);
            a
        }
    );
    case!(
        "assign_int_to_u8_wrap",
        "a = np.zeros(3, dtype=np.uint8)\na[:] = np.array([-1, 256, 257])\na",
        {
            let a = np::zeros_dtype(3, np::uint8);
            a.assign(&np::array![-1, 256, 257]);
            a
        }
    );
    case!(
        "assign_bool_to_float",
        "a = np.zeros(2)\na[:] = np.array([True, False])\na",
        {
            let a = np::zeros(2);
            a.assign(&np::array![true, false]);
            a
        }
    );
    case!(
        "assign_step",
        "a = np.zeros(6)\na[::2] = np.arange(3)\na",
        {
            let a = np::zeros(6);
            a.slice(s![..;2]).assign(&np::arange(3));
            a
        }
    );
    case!(
        "assign_reversed",
        "a = np.zeros(4)\na[::-1] = np.arange(4)\na",
        {
            let a = np::zeros(4);
            a.slice(s![..;-1]).assign(&np::arange(4));
            a
        }
    );
    case!(
        "assign_T",
        "a = np.zeros((3, 2))\na.T[...] = np.arange(6).reshape(2, 3)\na",
        {
            let a = np::zeros([3, 2]);
            a.t().assign(&np::arange(6).reshape([2, 3]));
            a
        }
    );
    case!(
        "assign_overlap_forward",
        "a = np.arange(10)\na[1:] = a[:-1]\na",
        {
            let a = np::arange(10);
            a.slice(s![1..]).assign(&a.slice(s![..-1]));
            a
        }
    );
    case!(
        "assign_overlap_backward",
        "a = np.arange(10)\na[:-1] = a[1:]\na",
        {
            let a = np::arange(10);
            a.slice(s![..-1]).assign(&a.slice(s![1..]));
            a
        }
    );
    case!(
        "assign_overlap_reverse",
        "a = np.arange(6)\na[:] = a[::-1]\na",
        {
            let a = np::arange(6);
            a.assign(&a.slice(s![..;-1]));
            a
        }
    );
    case!(
        "assign_overlap_T",
        "a = np.arange(9).reshape(3, 3)\na[...] = a.T\na",
        {
            let a = np::arange(9).reshape([3, 3]);
            a.assign(&a.t());
            a
        }
    );
    case!("assign_bad_shape", "a = np.zeros(2)\na[:] = np.zeros(3)", {
        let a = np::zeros(2);
        a.assign(&np::zeros(3))
    });
    case!(
        "assign_bad_ndim",
        "a = np.zeros((2, 3))\na[:] = np.zeros((2, 1, 3))",
        {
            let a = np::zeros([2, 3]);
            a.assign(&np::zeros([2, 1, 3]))
        }
    );
    case!(
        "assign_bad_2d",
        "a = np.zeros((2, 3))\na[:] = np.zeros((2, 2))",
        {
            let a = np::zeros([2, 3]);
            a.try_assign(&np::zeros([2, 2]))
        }
    );
    case!(
        "assign_readonly",
        "a = np.broadcast_to(np.arange(3), (2, 3))\na[...] = 1",
        {
            let a = np::arange(3).broadcast_to([2, 3]);
            a.assign(&np::ones(3))
        }
    );
    case!("assign_scalar_slice", "a = np.zeros(5)\na[1:4] = 2\na", {
        let a = np::zeros(5);
        a.slice(s![1..4]).assign_scalar(2);
        a
    });
    case!(
        "assign_scalar_trunc",
        "a = np.zeros(3, dtype=np.int32)\na[:] = 2.9\na",
        {
            let a = np::zeros_dtype(3, np::int32);
            a.assign_scalar(2.9);
            a
        }
    );
    case!(
        "assign_0d",
        "a = np.zeros((2, 2))\na[0, 1] = np.array(5.0)\na",
        {
            let a = np::zeros([2, 2]);
            a.slice(s![0, 1]).assign(&np::full((), 5.0));
            a
        }
    );
    case!(
        "assign_scalar_overflow",
        "a = np.zeros(3, dtype=np.int8)\na[:] = 300",
        {
            let a = np::zeros_dtype(3, np::int8);
            a.assign_scalar(300)
        }
    );
    case!(
        "assign_scalar_negative_uint",
        "a = np.zeros(3, dtype=np.uint8)\na[:] = -1",
        {
            let a = np::zeros_dtype(3, np::uint8);
            a.assign_scalar(-1)
        }
    );
    case!(
        "assign_scalar_float_overflow",
        "a = np.zeros(3, dtype=np.int8)\na[:] = 128.5",
        {
            let a = np::zeros_dtype(3, np::int8);
            a.assign_scalar(128.5)
        }
    );
    case!(
        "assign_scalar_float_edge",
        "a = np.zeros(3, dtype=np.int8)\na[:] = 127.9\na",
        {
            let a = np::zeros_dtype(3, np::int8);
            a.assign_scalar(127.9);
            a
        }
    );
    case!(
        "assign_scalar_neg_float_uint",
        "a = np.zeros(2, dtype=np.uint8)\na[:] = -0.5\na",
        {
            let a = np::zeros_dtype(2, np::uint8);
            a.assign_scalar(-0.5);
            a
        }
    );
    case!(
        "assign_scalar_nan_int",
        "a = np.zeros(3, dtype=np.int64)\na[:] = np.nan",
        {
            let a = np::zeros_dtype(3, np::int64);
            a.assign_scalar(f64::NAN)
        }
    );
    case!(
        "assign_scalar_inf_int",
        "a = np.zeros(3, dtype=np.int32)\na[:] = np.inf",
        {
            let a = np::zeros_dtype(3, np::int32);
            a.assign_scalar(f64::INFINITY)
        }
    );
    case!(
        "assign_scalar_huge_int64",
        "a = np.zeros(2, dtype=np.int64)\na[:] = 1e19",
        {
            let a = np::zeros_dtype(2, np::int64);
            a.assign_scalar(1e19)
        }
    );
    case!(
        "assign_scalar_bool_target",
        "a = np.zeros(2, dtype=bool)\na[:] = 5\na",
        {
            let a = np::zeros_dtype(2, np::bool_);
            a.assign_scalar(5);
            a
        }
    );
    case!(
        "assign_scalar_nan_float",
        "a = np.zeros(2)\na[1:] = np.nan\na",
        {
            let a = np::zeros(2);
            a.slice(s![1..]).assign_scalar(f64::NAN);
            a
        }
    );
    case!(
        "full_like_overflow",
        "np.full_like(np.zeros(2, np.int8), 300)",
        np::full_like(np::zeros_dtype(2, np::int8), 300)
    );
    case!(
        "full_like_float_wrap",
        "np.full_like(np.zeros(2, np.int8), 300.0)",
        np::full_like(np::zeros_dtype(2, np::int8), 300.0)
    );
    case!(
        "full_like_nan_int",
        "np.full_like(np.zeros(2, np.int64), np.nan)",
        np::full_like(np::zeros_dtype(2, np::int64), f64::NAN)
    );
    case!(
        "full_like_try",
        "np.full_like(np.zeros(2, np.uint8), -1)",
        np::try_full_like(np::zeros_dtype(2, np::uint8), -1)
    );
    case!(
        "copyto_basic",
        "d = np.zeros((2, 2))\nnp.copyto(d, np.arange(2))\nd",
        {
            let d = np::zeros([2, 2]);
            np::copyto(&d, &np::arange(2));
            d
        }
    );
}

//! Views: memory sharing, writes through views, `base`, flags and strides of views,
//! broadcast views.

use arraylib as np;
use arraylib::{s, Array, DType, NewAxis};

fn a34() -> Array {
    Array::from_vec((0..12).collect::<Vec<i64>>(), [3, 4])
}

pub fn run() {
    ops_on_views();

    // ----- tutorial patterns (memory gotchas) -----------------------------------------------
    case!(
        "original_write_seen_by_view",
        "original = np.arange(16.0).reshape(4, 4)\nview = original[::2, ::2]\noriginal[0, 0] = 999\nview[0, 0]",
        {
            let original = np::arange(16.0).reshape([4, 4]);
            let view = original.slice(s![..;2, ..;2]);
            original.set([0, 0], 999);
            view.get([0, 0])
        }
    );
    case!(
        "view_base_is_original_owner",
        "original = np.zeros((1000, 1000))\nview = original[::2, ::2]\nview.base is original",
        {
            let original = np::zeros([1000, 1000]);
            original.slice(s![..;2, ..;2]).base().unwrap().is(&original)
        }
    );
    case!(
        "view_nbytes_strided",
        "original = np.zeros((1000, 1000))\noriginal[::2, ::2].nbytes",
        np::zeros([1000, 1000]).slice(s![..;2, ..;2]).nbytes()
    );
    case!(
        "view_nbytes_mb",
        "original = np.zeros((1000, 1000))\noriginal.nbytes / 1024 / 1024",
        np::zeros([1000, 1000]).nbytes() as f64 / 1024.0 / 1024.0
    );
    case!(
        "copy_base_none",
        "original = np.zeros((4, 4))\noriginal.copy().base is None",
        np::zeros([4, 4]).copy().base().is_none()
    );
    case!(
        "gotcha1_view_write",
        "a = np.arange(10)\nb = a[::2]\nb[0] = 999\na[0]",
        {
            let a = np::arange(10);
            let b = a.slice(s![..;2]);
            b.set([0], 999);
            a.get([0])
        }
    );
    case!(
        "ascontiguous_of_transpose",
        "np.ascontiguousarray(np.arange(6).reshape(2, 3).T).flags",
        np::ascontiguousarray(np::arange(6).reshape([2, 3]).t()).flags()
    );
    case!(
        "ascontiguous_keeps_contiguous",
        "a = np.arange(6)\nnp.ascontiguousarray(a) is a",
        {
            let a = np::arange(6);
            np::ascontiguousarray(&a).is(&a)
        }
    );
    py_setup!("a34 = np.arange(12).reshape(3, 4)");

    // ----- writes through a view are seen by the original -----------------------------------
    case!(
        "write_through_step_view",
        "a = np.arange(10)\nv = a[::2]\nv[0] = 99\nv[4] = -1\na",
        {
            let a = np::arange(10);
            let v = a.slice(s![..;2]);
            v.set([0], 99);
            v.set([4], -1);
            a
        }
    );
    case!(
        "write_through_negative_step",
        "a = np.arange(6)\nv = a[::-1]\nv[0] = 100\na",
        {
            let a = np::arange(6);
            a.slice(s![..;-1]).set([0], 100);
            a
        }
    );
    case!(
        "fill_row_view",
        "a = np.zeros((3, 4))\na[1][...] = 7.5\na",
        {
            let a = np::zeros([3, 4]);
            a.slice(s![1]).fill(7.5);
            a
        }
    );
    case!(
        "fill_column_view",
        "a = np.zeros((3, 4))\na[:, 2] = -1\na",
        {
            let a = np::zeros([3, 4]);
            a.slice(s![.., 2]).fill(-1);
            a
        }
    );
    case!(
        "fill_block_view",
        "a = np.zeros((4, 4), dtype=np.int64)\na[1:3, 1:3] = 5\na",
        {
            let a = np::full_dtype([4, 4], 0, np::DType::Int64);
            a.slice(s![1..3, 1..3]).fill(5);
            a
        }
    );
    case!(
        "view_of_view_write",
        "a = np.arange(20)\nv = a[2:18][::3]\nv[1] = 0\na",
        {
            let a = np::arange(20);
            let v = a.slice(s![2..18]).slice(s![..;3]);
            v.set([1], 0);
            a
        }
    );
    case!(
        "write_through_newaxis_view",
        "a = np.arange(3.0)\nv = a[np.newaxis, :]\nv[0, 1] = 9\na",
        {
            let a = np::arange(3.0);
            a.slice(s![NewAxis, ..]).set([0, 1], 9);
            a
        }
    );
    case!(
        "copy_is_independent",
        "a = np.arange(5)\nb = a.copy()\nb[0] = 42\na",
        {
            let a = np::arange(5);
            let b = a.copy();
            b.set([0], 42);
            a
        }
    );
    case!("clone_aliases", "a = np.arange(5)\nb = a\nb[0] = 42\na", {
        let a = np::arange(5);
        let b = a.clone();
        b.set([0], 42);
        a
    });
    case!(
        "set_casts_float_to_int",
        "a = np.arange(4)\na[1] = 2.9\na",
        {
            let a = np::arange(4);
            a.set([1], 2.9);
            a
        }
    );
    case!("set_negative_index", "a = np.zeros(4)\na[-1] = 3\na", {
        let a = np::zeros(4);
        a.set([-1], 3);
        a
    });
    case!(
        "set_out_of_bounds",
        "a = np.zeros(4)\na[4] = 3",
        np::zeros(4).set([4], 3)
    );

    // ----- memory sharing and base ---------------------------------------------------------
    case!(
        "shares_memory_slice",
        "np.shares_memory(a34, a34[1:, ::2])",
        {
            let a = a34();
            a.shares_memory(&a.slice(s![1.., ..;2]))
        }
    );
    case!("shares_memory_copy", "np.shares_memory(a34, a34.copy())", {
        let a = a34();
        a.shares_memory(&a.copy())
    });
    case!(
        "shares_memory_disjoint_rows",
        "np.shares_memory(a34[0], a34[1])",
        {
            let a = a34();
            a.slice(s![0]).shares_memory(&a.slice(s![1]))
        }
    );
    case!(
        "base_of_view_of_view",
        "a = np.arange(12)\na[2:][1:].base is a",
        {
            let a = np::arange(12);
            a.slice(s![2..]).slice(s![1..]).base().unwrap().is(&a)
        }
    );
    case!(
        "base_of_copy",
        "a34[::2].copy().base is None",
        a34().slice(s![..;2]).copy().base().is_none()
    );
    case!(
        "owndata_view",
        "np.arange(10)[2:5].flags.owndata",
        np::arange(10).slice(s![2..5]).owns_data()
    );

    // ----- strides and flags of views -------------------------------------------------------
    case!(
        "strides_step",
        "np.arange(10)[::2].strides",
        np::arange(10).slice(s![..;2]).strides()
    );
    case!(
        "strides_reverse",
        "np.arange(10)[::-1].strides",
        np::arange(10).slice(s![..;-1]).strides()
    );
    case!(
        "strides_column",
        "a34[:, 1].strides",
        a34().slice(s![.., 1]).strides()
    );
    case!(
        "strides_newaxis",
        "np.arange(5)[None].strides",
        np::arange(5).slice(s![NewAxis]).strides()
    );
    case!(
        "strides_2d_step",
        "a34[::2, ::-3].strides",
        a34().slice(s![..;2, ..;-3]).strides()
    );
    case!(
        "flags_step",
        "np.arange(10)[::2].flags",
        np::arange(10).slice(s![..;2]).flags()
    );
    case!("flags_row", "a34[1].flags", a34().slice(s![1]).flags());
    case!(
        "flags_column",
        "a34[:, 1].flags",
        a34().slice(s![.., 1]).flags()
    );
    case!(
        "flags_c_contig_rows",
        "a34[1:].flags.c_contiguous",
        a34().slice(s![1..]).flags().c_contiguous
    );
    case!(
        "flags_f_contig_col",
        "a34[:, 1:2].flags.f_contiguous",
        a34().slice(s![.., 1..2]).flags().f_contiguous
    );
    case!(
        "flags_empty_view",
        "a34[2:2].flags.c_contiguous",
        a34().slice(s![2..2]).flags().c_contiguous
    );
    case!(
        "nbytes_view",
        "np.arange(10)[::2].nbytes",
        np::arange(10).slice(s![..;2]).nbytes()
    );

    // ----- views made by shape functions: transpose, reshape, ravel, squeeze, flip ----------
    case!(
        "write_through_transpose",
        "a = np.zeros((2, 3))\nt = a.T\nt[2, 1] = 8\na",
        {
            let a = np::zeros([2, 3]);
            a.t().set([2, 1], 8);
            a
        }
    );
    case!(
        "write_through_reshape",
        "a = np.arange(6)\nr = a.reshape(3, 2)\nr[2, 0] = -4\na",
        {
            let a = np::arange(6);
            a.reshape([3, 2]).set([2, 0], -4);
            a
        }
    );
    case!(
        "write_through_ravel",
        "a = np.zeros((2, 2))\nr = a.ravel()\nr[3] = 1\na",
        {
            let a = np::zeros([2, 2]);
            a.ravel().set([3], 1);
            a
        }
    );
    case!(
        "ravel_of_transpose_copies",
        "a = np.zeros((2, 2))\nr = a.T.ravel()\nr[1] = 1\na",
        {
            let a = np::zeros([2, 2]);
            a.t().ravel().set([1], 1);
            a
        }
    );
    case!(
        "flatten_always_copies",
        "a = np.zeros((2, 2))\nr = a.flatten()\nr[0] = 1\na",
        {
            let a = np::zeros([2, 2]);
            a.flatten().set([0], 1);
            a
        }
    );
    case!(
        "write_through_squeeze",
        "a = np.zeros((1, 3, 1))\ns = a.squeeze()\ns[1] = 2\na",
        {
            let a = np::zeros([1, 3, 1]);
            a.squeeze().set([1], 2);
            a
        }
    );
    case!(
        "write_through_expand_dims",
        "a = np.zeros(3)\ne = np.expand_dims(a, 0)\ne[0, 2] = 5\na",
        {
            let a = np::zeros(3);
            np::expand_dims(&a, 0).set([0, 2], 5);
            a
        }
    );
    case!(
        "write_through_flip",
        "a = np.arange(5)\nf = np.flip(a)\nf[0] = 40\na",
        {
            let a = np::arange(5);
            np::flip(&a).set([0], 40);
            a
        }
    );
    case!(
        "write_through_swapaxes",
        "a = np.zeros((2, 3, 4))\ns = np.swapaxes(a, 0, 2)\ns[3, 2, 1] = 1\na[1, 2, 3]",
        {
            let a = np::zeros([2, 3, 4]);
            np::swapaxes(&a, 0, 2).set([3, 2, 1], 1);
            a.get([1, 2, 3])
        }
    );
    case!(
        "transpose_strides",
        "np.arange(12).reshape(3, 4).T.strides",
        np::arange(12).reshape([3, 4]).t().strides()
    );
    case!(
        "transpose_flags",
        "np.arange(12).reshape(3, 4).T.flags",
        np::arange(12).reshape([3, 4]).t().flags()
    );
    case!(
        "transpose_3d_strides",
        "np.zeros((2, 3, 4), dtype=np.float32).transpose(2, 0, 1).strides",
        np::zeros_dtype([2, 3, 4], np::DType::Float32)
            .transpose([2, 0, 1])
            .strides()
    );
    case!(
        "transpose_base",
        "a = np.arange(6)\na.reshape(2, 3).T.base is a",
        {
            let a = np::arange(6);
            a.reshape([2, 3]).t().base().unwrap().is(&a)
        }
    );
    case!(
        "transpose_shares",
        "a = np.arange(6).reshape(2, 3)\nnp.shares_memory(a, a.T)",
        {
            let a = np::arange(6).reshape([2, 3]);
            a.shares_memory(&a.t())
        }
    );
    case!(
        "flip_strides",
        "np.flip(np.arange(12).reshape(3, 4)).strides",
        np::flip(np::arange(12).reshape([3, 4])).strides()
    );
    case!(
        "flip_flags",
        "np.flip(np.arange(12).reshape(3, 4), 1).flags.c_contiguous",
        np::flip_axis(np::arange(12).reshape([3, 4]), 1)
            .flags()
            .c_contiguous
    );
    case!(
        "squeeze_strides",
        "np.zeros((1, 3, 1, 2)).squeeze().strides",
        np::zeros([1, 3, 1, 2]).squeeze().strides()
    );
    case!(
        "copy_of_transpose_flags",
        "np.arange(6).reshape(2, 3).T.copy().flags",
        np::arange(6).reshape([2, 3]).t().copy().flags()
    );
    case!(
        "copy_of_negative_step",
        "np.arange(6)[::-1].copy().strides",
        np::arange(6).slice(s![..;-1]).copy().strides()
    );
    case!(
        "view_of_transpose_slice",
        "np.arange(12).reshape(3, 4).T[1:3, ::-1]",
        np::arange(12).reshape([3, 4]).t().slice(s![1..3, ..;-1])
    );
    case!(
        "assign_through_view",
        "a = np.zeros((3, 3))\na[1:, 1:] = np.arange(4.0).reshape(2, 2)\na",
        {
            let a = np::zeros([3, 3]);
            a.slice(s![1.., 1..])
                .assign(&np::arange(4.0).reshape([2, 2]));
            a
        }
    );
    case!(
        "assign_broadcast_row_into_view",
        "a = np.zeros((3, 4))\na[::2] = np.arange(4)\na",
        {
            let a = np::zeros([3, 4]);
            a.slice(s![..;2]).assign(&np::arange(4));
            a
        }
    );
    case!(
        "assign_shape_mismatch",
        "a = np.zeros((3, 4))\na[:2] = np.arange(3)",
        np::zeros([3, 4]).slice(s![..2]).try_assign(&np::arange(3))
    );
    case!(
        "assign_overlapping_reverse",
        "a = np.arange(6)\na[:] = a[::-1]\na",
        {
            let a = np::arange(6);
            a.slice(s![..]).assign(&a.slice(s![..;-1]));
            a
        }
    );
    case!(
        "assign_overlapping_shift",
        "a = np.arange(6)\na[1:] = a[:-1]\na",
        {
            let a = np::arange(6);
            a.slice(s![1..]).assign(&a.slice(s![..-1]));
            a
        }
    );
    case!(
        "assign_scalar_to_view",
        "a = np.zeros((2, 3), dtype=np.int32)\na[:, 1] = 7.9\na",
        {
            let a = np::zeros_dtype([2, 3], np::DType::Int32);
            a.slice(s![.., 1]).assign_scalar(7.9);
            a
        }
    );
    case!(
        "copyto_basic",
        "a = np.zeros(3)\nnp.copyto(a, np.arange(3))\na",
        {
            let a = np::zeros(3);
            np::copyto(&a, &np::arange(3));
            a
        }
    );
    case!(
        "assign_to_readonly_diag",
        "d = np.diag(np.eye(3))\nd[:] = np.ones(3)",
        np::diag(np::eye(3)).try_assign(&np::ones(3))
    );

    // ----- broadcast views ------------------------------------------------------------------
    case!(
        "broadcast_to_values",
        "np.broadcast_to(np.arange(3), (2, 3))",
        np::arange(3).broadcast_to([2, 3])
    );
    case!(
        "broadcast_to_strides",
        "np.broadcast_to(np.arange(3), (2, 3)).strides",
        np::arange(3).broadcast_to([2, 3]).strides()
    );
    case!(
        "broadcast_to_flags",
        "np.broadcast_to(np.arange(3), (2, 3)).flags",
        np::arange(3).broadcast_to([2, 3]).flags()
    );
    case!(
        "broadcast_to_readonly",
        "b = np.broadcast_to(np.arange(3), (2, 3))\nb[0, 0] = 1",
        np::arange(3).broadcast_to([2, 3]).set([0, 0], 1)
    );
    case!(
        "broadcast_to_fill_readonly",
        "b = np.broadcast_to(np.arange(3.0), (2, 3))\nb[...] = 1",
        np::arange(3.0).broadcast_to([2, 3]).fill(1)
    );
    case!(
        "broadcast_to_shares",
        "a = np.arange(3)\nnp.shares_memory(a, np.broadcast_to(a, (4, 3)))",
        {
            let a = np::arange(3);
            a.shares_memory(&a.broadcast_to([4, 3]))
        }
    );
    case!(
        "broadcast_to_scalar_target",
        "np.broadcast_to(np.ones((2, 3)), ())",
        np::ones([2, 3]).try_broadcast_to(())
    );
    case!(
        "broadcast_to_more_dims_error",
        "np.broadcast_to(np.ones((3, 1, 2)), (3, 4))",
        np::ones([3, 1, 2]).try_broadcast_to([3, 4])
    );
    case!(
        "broadcast_to_negative_inner",
        "np.broadcast_to(np.ones((2, 1)), (2, -1))",
        np::ones([2, 1]).try_broadcast_to([2, -1])
    );
    case!(
        "broadcast_to_sees_writes",
        "a = np.arange(3)\nb = np.broadcast_to(a, (2, 3))\na[1] = 50\nb",
        {
            let a = np::arange(3);
            let b = a.broadcast_to([2, 3]);
            a.set([1], 50);
            b
        }
    );
}

/// Base data for the view matrix: `((np.arange(24) * 7) % 11 - 5.0).reshape(4, 6)`.
fn base46() -> Array {
    Array::from_vec(
        (0..24)
            .map(|i| ((i * 7) % 11) as f64 - 5.0)
            .collect::<Vec<f64>>(),
        [4, 6],
    )
}

/// Every operation applied to every kind of view: contiguous, transposed, negative steps,
/// steps, broadcast (stride 0), a column, an empty view and a 0-d view. Catches code that
/// assumes contiguous or positive strides in any module.
fn ops_on_views() {
    type MakeView = fn(&Array) -> Array;
    let views: [(&str, &str, MakeView); 8] = [
        ("c", "b", |b| b.clone()),
        ("T", "b.T", |b| b.t()),
        ("rev", "b[::-1, ::-2]", |b| b.slice(s![..;-1, ..;-2])),
        ("step", "b[1::2, 1:]", |b| b.slice(s![1..;2, 1..])),
        ("bcast", "np.broadcast_to(b[0], (3, 6))", |b| {
            b.slice(s![0]).broadcast_to([3, 6])
        }),
        ("col", "b[:, 2:3]", |b| b.slice(s![.., 2..3])),
        ("empty", "b[2:2]", |b| b.slice(s![2..2])),
        ("0d", "b[1, 2, ...]", |b| b.slice(s![1, 2, np::Ellipsis])),
    ];
    type Op = fn(&Array) -> Array;
    let ops: [(&str, &str, Op); 22] = [
        ("copy", "v.copy()", |v| v.copy()),
        ("neg", "-v", |v| -v),
        ("add_self", "v + v", |v| v + v),
        ("mul_scalar", "v * 2.5", |v| v * 2.5),
        ("sub_bcast_row", "v - v[..., :1]", |v| {
            v - v.slice(s![np::Ellipsis, ..1])
        }),
        ("exp", "np.exp(v)", |v| np::exp(v)),
        ("sqrt_abs", "np.sqrt(np.abs(v))", |v| np::sqrt(np::abs(v))),
        ("sum_axis0", "v.sum(axis=0)", |v| v.sum_axis(0, false)),
        ("sum_all", "np.array(v.sum())", |v| v.sum().to_array()),
        ("max_last", "v.max(axis=-1)", |v| v.max_axis(-1, false)),
        ("mean_keep", "v.mean(axis=0, keepdims=True)", |v| {
            v.mean_axis(0, true)
        }),
        ("astype_i32", "v.astype(np.int32)", |v| {
            v.astype(DType::Int32)
        }),
        ("ravel", "v.ravel()", |v| v.ravel()),
        ("reshape_flat", "v.reshape(-1)", |v| v.reshape(-1)),
        ("gt0", "v > 0", |v| v.gt(0)),
        ("matmul_T", "v @ v.T", |v| v.matmul(v.t())),
        ("concat0", "np.concatenate([v, v], axis=0)", |v| {
            np::concatenate(&[v, v], 0)
        }),
        ("maximum0", "np.maximum(v, 0)", |v| np::maximum(v, 0)),
        ("where", "np.where(v > 0, v, -v)", |v| {
            np::where_(v.gt(0), v, -v)
        }),
        ("cumsum0", "np.cumsum(v, axis=0)", |v| np::cumsum_axis(v, 0)),
        ("argmax0", "v.argmax(axis=0)", |v| v.argmax_axis(0, false)),
        ("flip_copy", "np.flip(v).copy()", |v| np::flip(v).copy()),
    ];
    let base = base46();
    for (vname, vpy, make) in views {
        let code = format!("b = ((np.arange(24) * 7) % 11 - 5.0).reshape(4, 6)\nv = {vpy}\nv");
        case_repr!(&format!("view_{vname}_repr"), &code, make(&base));
        case_str!(&format!("view_{vname}_str"), &code, make(&base));
        let code32 = format!(
            "b = ((np.arange(24) * 7) % 11 - 5.0).reshape(4, 6).astype(np.int32)\nv = {vpy}\nv"
        );
        case_repr!(
            &format!("view_{vname}_repr_int32"),
            &code32,
            make(&base.astype(DType::Int32))
        );
    }
    for (vname, vpy, make) in views {
        for (oname, opy, op) in ops {
            let name = format!("view_{vname}_{oname}");
            let code =
                format!("b = ((np.arange(24) * 7) % 11 - 5.0).reshape(4, 6)\nv = {vpy}\n{opy}");
            if (vname, oname) == ("0d", "flip_copy") {
                case!(
                    &name,
                    &code,
                    op(&make(&base)),
                    known = "np.flip of a 0-d array indexes it with () and gives a scalar, whose \
                             .copy() is one too; arraylib's flip and copy give 0-d arrays"
                );
            } else {
                case!(&name, &code, op(&make(&base)));
            }
        }
    }
}

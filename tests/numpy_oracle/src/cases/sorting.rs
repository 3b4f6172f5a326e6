//! Differential cases for sorting, searching and counting: `sort`, `argsort` (compared with
//! NumPy's `kind="stable"`), `partition`/`argpartition` (only the guaranteed property),
//! `searchsorted`, `unique*`, `bincount`, `histogram`.

#[allow(unused_imports)]
use arraylib as np;
use arraylib::{s, Array, DType};

const SETUP: &str = "\
base = (np.arange(20) * 7) % 11
fn = np.array([3.0, np.nan, -np.inf, 0.0, -0.0, 2.0, np.nan, np.inf, 1.0, 1.0])
r = (((np.arange(60) * 7919) % 101) / 7.0).reshape(3, 4, 5)
ri = ((np.arange(60) * 7919) % 13).reshape(3, 4, 5)
cz = np.array([1+2j, 1+1j, complex(np.nan, 0), 0+5j, complex(1, np.nan), 1+1j, -1+0j])
r2 = r.reshape(12, 5)
sa = np.array([0.0, 1.0, 1.0, 2.5, 4.0, np.nan])
big = ((np.arange(3000) * 7919) % 1009 - 504) / 8.0
big[[5, 77, 900, 1500, 2999]] = [np.nan, -0.0, np.inf, -np.inf, np.nan]
bigi = (np.arange(3000) * 7919) % 1009 - 504
spread = ((np.arange(20000) * 2654435761) % 4294967296) / 4294967296.0 - 0.5
";

fn base() -> Array {
    Array::from((0..20i64).map(|i| (i * 7) % 11).collect::<Vec<_>>())
}

fn fnan() -> Array {
    Array::from(vec![
        3.0,
        f64::NAN,
        f64::NEG_INFINITY,
        0.0,
        -0.0,
        2.0,
        f64::NAN,
        f64::INFINITY,
        1.0,
        1.0,
    ])
}

fn r() -> Array {
    let v: Vec<f64> = (0..60i64)
        .map(|i| ((i * 7919) % 101) as f64 / 7.0)
        .collect();
    Array::from(v).reshape([3, 4, 5])
}

fn ri() -> Array {
    Array::from((0..60i64).map(|i| (i * 7919) % 13).collect::<Vec<_>>()).reshape([3, 4, 5])
}

fn cz() -> Array {
    let c = |re: f64, im: f64| np::Complex128::new(re, im);
    Array::from(vec![
        c(1.0, 2.0),
        c(1.0, 1.0),
        c(f64::NAN, 0.0),
        c(0.0, 5.0),
        c(1.0, f64::NAN),
        c(1.0, 1.0),
        c(-1.0, 0.0),
    ])
}

/// Long lanes (argsorted by radix keys): many ties, NaNs, infinities and a negative zero.
fn big() -> Array {
    let mut v: Vec<f64> = bigi()
        .to_vec::<i64>()
        .iter()
        .map(|&x| x as f64 / 8.0)
        .collect();
    for (i, x) in [
        (5, f64::NAN),
        (77, -0.0),
        (900, f64::INFINITY),
        (1500, f64::NEG_INFINITY),
        (2999, f64::NAN),
    ] {
        v[i] = x;
    }
    Array::from(v)
}

fn bigi() -> Array {
    Array::from(
        (0..3000i64)
            .map(|i| (i * 7919) % 1009 - 504)
            .collect::<Vec<_>>(),
    )
}

/// 20000 distinct values in scrambled order: long enough for several partitioning rounds.
fn spread() -> Array {
    Array::from(
        (0..20000i64)
            .map(|i| ((i * 2654435761) % 4294967296) as f64 / 4294967296.0 - 0.5)
            .collect::<Vec<_>>(),
    )
}

/// True if `p` is partitioned at `k` along the last axis of a 2-D array (by comparing with
/// the sorted rows), as NumPy guarantees.
fn partitioned_at(p: &Array, sorted: &Array, k: usize) -> bool {
    let (p, s) = (p.to_vec::<f64>(), sorted.to_vec::<f64>());
    let n = sorted.shape()[sorted.ndim() - 1];
    p.chunks(n).zip(s.chunks(n)).all(|(row, srow)| {
        row[k] == srow[k]
            && row[..k].iter().all(|&x| x <= srow[k])
            && row[k + 1..].iter().all(|&x| x >= srow[k])
    })
}

pub fn run() {
    py_setup!(SETUP);

    // ----- sort ----------------------------------------------------------------------------
    case!("sort_base", "np.sort(base)", np::sort(base()));
    case!("sort_r", "np.sort(r)", np::sort(r()));
    case!("sort_r_axis0", "np.sort(r, axis=0)", np::sort_axis(r(), 0));
    case!("sort_r_axis1", "np.sort(r, axis=1)", np::sort_axis(r(), 1));
    case!(
        "sort_r_axis_neg2",
        "np.sort(r, axis=-2)",
        np::sort_axis(r(), -2)
    );
    case!("sort_r_none", "np.sort(r, axis=None)", np::sort_flat(r()));
    case!("sort_ri", "np.sort(ri, axis=0)", np::sort_axis(ri(), 0));
    case!("sort_nan_inf", "np.sort(fn)", np::sort(fnan()));
    case!(
        "sort_f32_nan",
        "np.sort(fn.astype(np.float32))",
        np::sort(fnan().astype(np::float32))
    );
    case!("sort_complex", "np.sort(cz)", np::sort(cz()));
    case!(
        "sort_complex64_mixed",
        "np.sort(cz.astype(np.complex64))",
        np::sort(cz().astype(np::complex64))
    );
    for d in DType::ALL {
        case!(
            &format!("sort_{}", d.name()),
            &format!("np.sort(base.astype(np.{}))", d.name()),
            np::sort(base().astype(d))
        );
        case!(
            &format!("argsort_{}", d.name()),
            &format!("np.argsort(base.astype(np.{}), kind='stable')", d.name()),
            np::argsort(base().astype(d))
        );
        case!(
            &format!("unique_{}", d.name()),
            &format!("np.unique(base.astype(np.{}))", d.name()),
            np::unique(base().astype(d))
        );
    }
    case!(
        "sort_transposed_view",
        "np.sort(r.T[::2], axis=1)",
        np::sort_axis(r().t().slice(s![..;2]), 1)
    );
    case!(
        "sort_reversed_view",
        "np.sort(r[:, ::-1, 1:4])",
        np::sort(r().slice(s![.., ..;-1, 1..4]))
    );
    case!(
        "sort_empty",
        "np.sort(np.zeros((0, 3)))",
        np::sort(np::zeros([0, 3]))
    );
    case!(
        "sort_empty_axis0",
        "np.sort(np.zeros((3, 0)), axis=0)",
        np::sort_axis(np::zeros([3, 0]), 0)
    );
    case!(
        "sort_0d_error",
        "np.sort(np.array(3.0))",
        np::try_sort_axis(np::array(3.0), -1)
    );
    case!(
        "sort_0d_none",
        "np.sort(np.array(3.0), axis=None)",
        np::sort_flat(np::array(3.0))
    );
    case!(
        "sort_axis_error",
        "np.sort(r, axis=3)",
        np::try_sort_axis(r(), 3)
    );
    case!(
        "sort_kind_stable",
        "np.sort(r, kind='stable')",
        np::sort_kind(r(), -1, "stable")
    );
    case!(
        "sort_kind_error",
        "np.sort(r, kind='bogo')",
        np::try_sort_kind(r(), -1, "bogo")
    );
    case!("method_sort_in_place", "a = r.copy()\na.sort(axis=1)\na", {
        let a = r().copy();
        a.sort_axis(1);
        a
    });
    case!(
        "method_sort_view_writes_base",
        "a = np.arange(10)[::-1].copy()\na[::2].sort()\na",
        {
            let a = np::arange(10).slice(s![..;-1]).copy();
            a.slice(s![..;2]).sort();
            a
        }
    );

    // ----- argsort -------------------------------------------------------------------------
    case!(
        "argsort_r",
        "np.argsort(r, kind='stable')",
        np::argsort(r())
    );
    case!(
        "argsort_ri_axis0",
        "np.argsort(ri, axis=0, kind='stable')",
        np::argsort_axis(ri(), 0)
    );
    case!(
        "argsort_ri_axis1",
        "np.argsort(ri, axis=1, kind='stable')",
        np::argsort_axis(ri(), 1)
    );
    case!(
        "argsort_ri_none",
        "np.argsort(ri, axis=None, kind='stable')",
        np::argsort_flat(ri())
    );
    case!(
        "argsort_nan",
        "np.argsort(np.array([3.0, np.nan, -np.inf, 2.0, np.nan, np.inf, 1.0, 1.0]), kind='stable')",
        np::argsort(Array::from(vec![
            3.0,
            f64::NAN,
            f64::NEG_INFINITY,
            2.0,
            f64::NAN,
            f64::INFINITY,
            1.0,
            1.0
        ]))
    );
    case!(
        "argsort_signed_zero_ties",
        "np.argsort(np.array([0.0, -0.0, 0.0, -1.0]), kind='stable')",
        np::argsort(Array::from(vec![0.0, -0.0, 0.0, -1.0]))
    );
    case!(
        "argsort_complex",
        "np.argsort(cz, kind='stable')",
        np::argsort(cz())
    );
    case!(
        "argsort_view",
        "np.argsort(ri[:, ::-2].T, kind='stable')",
        np::argsort(ri().slice(s![.., ..;-2]).t())
    );
    case!(
        "argsort_0d",
        "np.argsort(np.array(5))",
        np::argsort(np::array(5))
    );
    case!(
        "argsort_empty",
        "np.argsort(np.zeros((2, 0)), kind='stable')",
        np::argsort(np::zeros([2, 0]))
    );
    case!(
        "argsort_axis_error",
        "np.argsort(ri, axis=-4)",
        np::try_argsort_axis(ri(), -4)
    );
    case!(
        "argsort_kind_error",
        "np.argsort(ri, kind='x')",
        np::try_argsort_kind(ri(), -1, "x")
    );
    for d in DType::ALL {
        case!(
            &format!("argsort_long_{}", d.name()),
            &format!("np.argsort(bigi.astype(np.{}), kind='stable')", d.name()),
            np::argsort(bigi().astype(d))
        );
    }
    for d in DType::ALL {
        case!(
            &format!("sort_long_{}", d.name()),
            &format!("np.sort(bigi.astype(np.{}))", d.name()),
            np::sort(bigi().astype(d))
        );
    }
    case!("sort_long_nan", "np.sort(big)", np::sort(big()));
    case!(
        "sort_long_f32_nan",
        "np.sort(big.astype(np.float32))",
        np::sort(big().astype(np::float32))
    );
    case!("sort_spread", "np.sort(spread)", np::sort(spread()));
    case!(
        "sort_spread_reversed",
        "np.sort(np.sort(spread)[::-1])",
        np::sort(np::sort(spread()).slice(s![..;-1]))
    );
    case!(
        "argsort_spread",
        "np.argsort(spread, kind='stable')",
        np::argsort(spread())
    );
    case!(
        "argsort_spread_f32_rows",
        "np.argsort(spread.astype(np.float32).reshape(4, 5000), axis=1, kind='stable')",
        np::argsort_axis(spread().astype(np::float32).reshape([4, 5000]), 1)
    );
    case!(
        "argsort_long_nan",
        "np.argsort(big, kind='stable')",
        np::argsort(big())
    );
    case!(
        "argsort_long_f32",
        "np.argsort(big.astype(np.float32), kind='stable')",
        np::argsort(big().astype(np::float32))
    );
    case!(
        "argsort_long_axis0",
        "np.argsort(big.reshape(500, 6), axis=0, kind='stable')",
        np::argsort_axis(big().reshape([500, 6]), 0)
    );
    case!(
        "method_argsort",
        "ri.argsort(axis=2, kind='stable')",
        ri().argsort_axis(2)
    );

    // ----- partition / argpartition: the kth element, and the partition property -----------
    let r2 = || r().reshape([12, 5]);
    case!(
        "partition_kth_values",
        "np.partition(r2, 2)[:, 2]",
        np::partition(r2(), 2).slice(s![.., 2])
    );
    case!(
        "partition_property",
        "True",
        partitioned_at(&np::partition(r2(), 3), &np::sort(r2()), 3)
    );
    case!(
        "partition_neg_kth",
        "np.partition(r2, -1)[:, -1]",
        np::partition(r2(), -1).slice(s![.., -1])
    );
    case!(
        "partition_multi_kth",
        "p = np.partition(r2, [1, 3])\np[:, [1, 3]]",
        {
            let p = np::partition(r2(), [1, 3]);
            np::stack(&[p.slice(s![.., 1]), p.slice(s![.., 3])], 1)
        }
    );
    case!("partition_multi_property", "True", {
        let p = np::partition(r2(), [1, 3]);
        partitioned_at(&p, &np::sort(r2()), 1) && partitioned_at(&p, &np::sort(r2()), 3)
    });
    case!(
        "partition_axis0",
        "np.partition(r2, 6, axis=0)[6]",
        np::partition_axis(r2(), 6, 0).slice(s![6])
    );
    case!(
        "partition_is_permutation",
        "np.sort(r2)",
        np::sort(np::partition(r2(), 2))
    );
    case!(
        "partition_nan_last",
        "np.partition(fn, -1)[-1]",
        np::partition(fnan(), -1).slice(s![-1])
    );
    case!(
        "argpartition_kth",
        "np.take_along_axis(r2, np.argpartition(r2, 2), axis=1)[:, 2]",
        {
            let idx = np::argpartition(r2(), 2).to_vec::<i64>();
            let vals = r2().to_vec::<f64>();
            Array::from(
                (0..12)
                    .map(|i| vals[i * 5 + idx[i * 5 + 2] as usize])
                    .collect::<Vec<_>>(),
            )
        }
    );
    case!(
        "argpartition_is_permutation",
        "np.tile(np.arange(5), (12, 1))",
        np::sort(np::argpartition(r2(), 4))
    );
    case!(
        "partition_kth_error",
        "np.partition(np.arange(3), 5)",
        np::try_partition_axis(np::arange(3), 5, -1)
    );
    case!(
        "partition_neg_kth_error",
        "np.partition(np.arange(3), -5)",
        np::try_partition_axis(np::arange(3), -5, -1)
    );
    case!(
        "argpartition_kth_error",
        "np.argpartition(np.arange(3), 3)",
        np::try_argpartition_axis(np::arange(3), 3, -1)
    );
    case!(
        "partition_axis_error",
        "np.partition(np.arange(3), 0, axis=1)",
        np::try_partition_axis(np::arange(3), 0, 1)
    );

    // ----- searchsorted --------------------------------------------------------------------
    let sa = || Array::from(vec![0.0, 1.0, 1.0, 2.5, 4.0, f64::NAN]);
    case!(
        "searchsorted_scalar",
        "np.searchsorted(sa, 1.0)",
        np::searchsorted(sa(), 1.0)
    );
    case!(
        "searchsorted_right",
        "np.searchsorted(sa, 1.0, side='right')",
        np::searchsorted_side(sa(), 1.0, "right")
    );
    case!(
        "searchsorted_array",
        "np.searchsorted(sa, np.array([[-1.0, 1.0], [3.0, np.nan]]))",
        np::searchsorted(
            sa(),
            Array::from_vec(vec![-1.0, 1.0, 3.0, f64::NAN], [2, 2])
        )
    );
    case!(
        "searchsorted_array_right",
        "np.searchsorted(sa, np.array([-1.0, 1.0, 4.0, 9.0, np.nan]), side='right')",
        np::searchsorted_side(
            sa(),
            Array::from(vec![-1.0, 1.0, 4.0, 9.0, f64::NAN]),
            "right"
        )
    );
    case!(
        "searchsorted_int_float_needle",
        "np.searchsorted(np.arange(10), 4.5)",
        np::searchsorted(np::arange(10), 4.5)
    );
    case!(
        "searchsorted_int8",
        "np.searchsorted(np.arange(5, dtype=np.int8), np.array([2, 7]))",
        np::searchsorted(np::arange(5).astype(np::int8), np::array![2, 7])
    );
    case!(
        "searchsorted_strided",
        "np.searchsorted(np.arange(20)[::3], np.arange(20))",
        np::searchsorted(np::arange(20).slice(s![..;3]), np::arange(20))
    );
    case!(
        "searchsorted_empty",
        "np.searchsorted(np.zeros(0), np.array([1.0, 2.0]))",
        np::searchsorted(np::zeros(0), np::array![1.0, 2.0])
    );
    case!(
        "searchsorted_side_error",
        "np.searchsorted(sa, 1.0, side='middle')",
        np::try_searchsorted_side(sa(), 1.0, "middle")
    );
    case!(
        "searchsorted_2d_error",
        "np.searchsorted(np.zeros((2, 2)), 1.0)",
        np::try_searchsorted_side(np::zeros([2, 2]), 1.0, "left")
    );
    case!(
        "searchsorted_0d_error",
        "np.searchsorted(np.array(1.0), 1.0)",
        np::try_searchsorted_side(np::array(1.0), 1.0, "left")
    );

    // ----- unique --------------------------------------------------------------------------
    case!("unique_ri", "np.unique(ri)", np::unique(ri()));
    case!("unique_nan_collapsed", "np.unique(fn)", np::unique(fnan()));
    case!(
        "unique_all_flags",
        "np.unique(ri, return_index=True, return_inverse=True, return_counts=True)",
        np::unique_with(ri(), true, true, true)
    );
    case!(
        "unique_index_only",
        "np.unique(base, return_index=True)",
        np::unique_with(base(), true, false, false)
    );
    case!(
        "unique_inverse_only",
        "np.unique(ri[0], return_inverse=True)",
        np::unique_with(ri().slice(s![0]), false, true, false)
    );
    case!(
        "unique_counts_only",
        "np.unique(fn, return_counts=True)",
        np::unique_with(fnan(), false, false, true)
    );
    case!(
        "unique_nan_index_inverse",
        "np.unique(fn, return_index=True, return_inverse=True, return_counts=True)",
        np::unique_with(fnan(), true, true, true)
    );
    case!(
        "unique_0d",
        "np.unique(np.array(3), return_index=True, return_inverse=True, return_counts=True)",
        np::unique_with(np::array(3), true, true, true)
    );
    case!(
        "unique_empty",
        "np.unique(np.zeros(0, dtype=np.float32), return_index=True, return_inverse=True, return_counts=True)",
        np::unique_with(np::zeros(0).astype(np::float32), true, true, true)
    );
    case!(
        "unique_view",
        "np.unique(ri[:, ::2, ::-1])",
        np::unique(ri().slice(s![.., ..;2, ..;-1]))
    );
    case!(
        "unique_bool_mixed",
        "np.unique(np.array([True, False, True]))",
        np::unique(np::array![true, false, true])
    );
    case!(
        "unique_values",
        "np.unique_values(fn)",
        np::unique_values(fnan())
    );
    case!(
        "unique_counts",
        "np.unique_counts(fn)",
        np::unique_counts(fnan())
    );
    case!(
        "unique_inverse",
        "np.unique_inverse(ri)",
        np::unique_inverse(ri())
    );
    case!("unique_all", "np.unique_all(base)", np::unique_all(base()));
    case!(
        "unique_all_2d",
        "np.unique_all(ri[1])",
        np::unique_all(ri().slice(s![1]))
    );

    // ----- bincount ------------------------------------------------------------------------
    case!("bincount_base", "np.bincount(base)", np::bincount(base()));
    case!(
        "bincount_minlength",
        "np.bincount(base, minlength=15)",
        np::bincount_with(base(), None, 15)
    );
    case!(
        "bincount_minlength_small",
        "np.bincount(base, minlength=3)",
        np::bincount_with(base(), None, 3)
    );
    case!(
        "bincount_weights",
        "np.bincount(base, weights=np.linspace(0, 1, 20))",
        np::bincount_with(base(), Some(&np::linspace(0, 1, 20)), 0)
    );
    case!(
        "bincount_int_weights",
        "np.bincount(base, weights=np.arange(20))",
        np::bincount_with(base(), Some(&np::arange(20)), 0)
    );
    case!(
        "bincount_uint8",
        "np.bincount(base.astype(np.uint8))",
        np::bincount(base().astype(np::uint8))
    );
    case!(
        "bincount_bool",
        "np.bincount(np.array([True, False, True]))",
        np::bincount(np::array![true, false, true])
    );
    case!(
        "bincount_view",
        "np.bincount(base[::-3])",
        np::bincount(base().slice(s![..;-3]))
    );
    case!(
        "bincount_empty",
        "np.bincount(np.zeros(0, dtype=np.int64))",
        np::bincount(np::zeros(0).astype(np::int64))
    );
    case!(
        "bincount_empty_minlength",
        "np.bincount(np.zeros(0, dtype=np.int64), minlength=3)",
        np::bincount_with(np::zeros(0).astype(np::int64), None, 3)
    );
    case!(
        "bincount_negative_error",
        "np.bincount(np.array([1, -1]))",
        np::try_bincount_with(np::array![1, -1], None, 0)
    );
    case!(
        "bincount_float_error",
        "np.bincount(np.array([1.0]))",
        np::try_bincount_with(np::array![1.0], None, 0)
    );
    case!(
        "bincount_uint64",
        "np.bincount(np.array([1], dtype=np.uint64))",
        np::try_bincount_with(np::array![1].astype(np::uint64), None, 0)
    );
    case!(
        "bincount_2d_error",
        "np.bincount(np.ones((2, 2), dtype=np.int64))",
        np::try_bincount_with(np::ones([2, 2]).astype(np::int64), None, 0)
    );
    case!(
        "bincount_0d_error",
        "np.bincount(np.array(3))",
        np::try_bincount_with(np::array(3), None, 0)
    );
    case!(
        "bincount_weights_length_error",
        "np.bincount(np.array([0, 1, 1]), weights=np.array([1.0, 2.0]))",
        np::try_bincount_with(np::array![0, 1, 1], Some(&np::array![1.0, 2.0]), 0)
    );

    // ----- histogram -----------------------------------------------------------------------
    case!("histogram_r", "np.histogram(r)", np::histogram(r(), 10));
    case!(
        "histogram_r_7",
        "np.histogram(r, bins=7)",
        np::histogram(r(), 7)
    );
    case!(
        "histogram_ri",
        "np.histogram(ri, bins=4)",
        np::histogram(ri(), 4)
    );
    case!(
        "histogram_range",
        "np.histogram(r, bins=5, range=(2.0, 9.0))",
        np::histogram_with(r(), 5, Some((2.0, 9.0)), false)
    );
    case!(
        "histogram_density",
        "np.histogram(r, bins=6, density=True)",
        np::histogram_with(r(), 6, None, true)
    );
    case!(
        "histogram_edges",
        "np.histogram(r, bins=np.array([0.0, 1.0, 5.0, 14.0]))",
        np::histogram(r(), np::array![0.0, 1.0, 5.0, 14.0])
    );
    case!(
        "histogram_int_edges",
        "np.histogram(np.arange(10), bins=np.array([0, 5, 9]))",
        np::histogram(np::arange(10), np::array![0, 5, 9])
    );
    case!(
        "histogram_edges_density",
        "np.histogram(np.arange(10), bins=np.array([0, 5, 10]), density=True)",
        np::histogram_with(np::arange(10), np::array![0, 5, 10], None, true)
    );
    case!(
        "histogram_repeated_edges",
        "np.histogram(np.array([0.0, 1.0, 1.0, 2.0]), bins=np.array([0.0, 1.0, 1.0, 2.0]))",
        np::histogram(
            np::array![0.0, 1.0, 1.0, 2.0],
            np::array![0.0, 1.0, 1.0, 2.0]
        )
    );
    case!(
        "histogram_last_bin_closed",
        "np.histogram(np.array([0.0, 0.5, 1.0, 1.0]), bins=2)",
        np::histogram(np::array![0.0, 0.5, 1.0, 1.0], 2)
    );
    case!(
        "histogram_edge_rounding",
        "np.histogram(np.arange(0, 1.01, 0.1), bins=10)",
        np::histogram(np::arange((0.0, 1.01, 0.1)), 10)
    );
    case!(
        "histogram_f32",
        "np.histogram(r.astype(np.float32), bins=9)",
        np::histogram(r().astype(np::float32), 9),
        rtol = 1e-6 // float32 edges: NumPy's linspace rounds at each step in float32
    );
    case!(
        "histogram_constant",
        "np.histogram(np.array([1, 1]))",
        np::histogram(np::array![1, 1], 10)
    );
    case!(
        "histogram_empty",
        "np.histogram(np.zeros(0))",
        np::histogram(np::zeros(0), 10)
    );
    case!(
        "histogram_outliers_dropped",
        "np.histogram(np.array([-5.0, 0.0, 3.0, np.nan, 10.0]), bins=3, range=(0.0, 3.0))",
        np::histogram_with(
            Array::from(vec![-5.0, 0.0, 3.0, f64::NAN, 10.0]),
            3,
            Some((0.0, 3.0)),
            false
        )
    );
    case!(
        "histogram_view",
        "np.histogram(r[:, ::-1].T, bins=4)",
        np::histogram(r().slice(s![.., ..;-1]).t(), 4)
    );
    case!(
        "histogram_bin_edges",
        "np.histogram_bin_edges(r, bins=4)",
        np::histogram_bin_edges(r(), 4, None)
    );
    case!(
        "histogram_bins_zero_error",
        "np.histogram(r, bins=0)",
        np::try_histogram_with(r(), 0, None, false)
    );
    case!(
        "histogram_range_error",
        "np.histogram(r, range=(3.0, 1.0))",
        np::try_histogram_with(r(), 10, Some((3.0, 1.0)), false)
    );
    case!(
        "histogram_range_inf_error",
        "np.histogram(r, range=(0.0, np.inf))",
        np::try_histogram_with(r(), 10, Some((0.0, f64::INFINITY)), false)
    );
    case!(
        "histogram_nan_error",
        "np.histogram(fn)",
        np::try_histogram_with(fnan(), 10, None, false)
    );
    case!(
        "histogram_edges_not_monotonic",
        "np.histogram(r, bins=np.array([3.0, 1.0]))",
        np::try_histogram_with(r(), np::array![3.0, 1.0], None, false)
    );
    case!(
        "histogram_edges_2d_error",
        "np.histogram(r, bins=np.ones((2, 2)))",
        np::try_histogram_with(r(), np::ones([2, 2]), None, false)
    );
}

//! Reductions: `sum`, `mean`, `min`, `max`, `argmax`, `std`, `var`, `prod`, ... full (a
//! `Scalar`) and along axes (`*_axis(axis, keepdims)`), cumulative sums, order statistics and
//! the `nan*` functions, with empty input, NaN, views and every dtype.

#[allow(unused_imports)]
use arraylib as np;
use arraylib::{s, Array, DType};

const SETUP: &str = "\
x = np.arange(24.0).reshape(2, 3, 4)
r = (((np.arange(60) * 7919) % 101) / 7.0).reshape(3, 4, 5)
xn = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, 6.0]])
ai = np.array([[3, -1, 4], [1, -5, 9]], dtype=np.int8)
e = np.zeros((0, 3))
big = ((np.arange(100000) * 7919) % 10007) / 1013.0
big32 = big.astype(np.float32)
bigi = (np.arange(100000) * 7919) % 10007
";

fn x() -> Array {
    np::arange(24.0).reshape([2, 3, 4])
}

fn r() -> Array {
    let v: Vec<f64> = (0..60i64)
        .map(|i| ((i * 7919) % 101) as f64 / 7.0)
        .collect();
    Array::from(v).reshape([3, 4, 5])
}

fn xn() -> Array {
    Array::from_vec(vec![1.0, f64::NAN, 3.0, 4.0, 5.0, 6.0], [2, 3])
}

fn ai() -> Array {
    Array::from_vec(vec![3i8, -1, 4, 1, -5, 9], [2, 3])
}

fn e() -> Array {
    np::zeros([0, 3])
}

fn bigi() -> Array {
    Array::from(
        (0..100_000i64)
            .map(|i| (i * 7919) % 10007)
            .collect::<Vec<_>>(),
    )
}

fn big() -> Array {
    Array::from(
        (0..100_000i64)
            .map(|i| ((i * 7919) % 10007) as f64 / 1013.0)
            .collect::<Vec<_>>(),
    )
}

type AxisOp = fn(&Array, Vec<isize>, bool) -> Array;

pub fn run() {
    py_setup!(SETUP);

    // ----- full reductions -------------------------------------------------------------------
    case!("sum_all", "np.arange(10).sum()", np::arange(10).sum());
    case!("sum_x", "x.sum()", x().sum());
    case!("sum_r", "r.sum()", r().sum());
    case!("np_sum_r", "np.sum(r)", np::sum(r()));
    case!("prod_ai", "ai.prod()", ai().prod());
    case!(
        "prod_small",
        "np.prod(np.arange(1, 11))",
        np::prod(np::arange((1, 11)))
    );
    case!(
        "prod_overflow",
        "np.prod(np.arange(1, 30))",
        np::prod(np::arange((1, 30)))
    );
    case!("mean_x", "x.mean()", x().mean());
    case!("mean_r", "np.mean(r)", np::mean(r()));
    case!("mean_ai", "ai.mean()", ai().mean());
    case!("var_r", "r.var()", r().var());
    case!("std_r", "r.std()", r().std());
    case!("std_ddof1_r", "r.std(ddof=1)", r().std_ddof(1));
    case!("var_ddof1_ai", "ai.var(ddof=1)", ai().var_ddof(1));
    case!(
        "var_ddof_float",
        "np.var(r, ddof=1.5)",
        np::var_ddof(r(), 1.5)
    );
    case!("min_r", "r.min()", r().min());
    case!("max_r", "r.max()", r().max());
    case!("amin_ai", "np.amin(ai)", np::amin(ai()));
    case!("amax_ai", "np.amax(ai)", np::amax(ai()));
    case!("argmin_r", "r.argmin()", r().argmin());
    case!("argmax_r", "r.argmax()", r().argmax());
    case!(
        "argmax_ties",
        "np.argmax(np.array([1, 3, 3, 2]))",
        np::argmax(Array::from(vec![1, 3, 3, 2]))
    );
    case!(
        "argmin_ties",
        "np.argmin(np.array([2, 1, 5, 1]))",
        np::argmin(Array::from(vec![2, 1, 5, 1]))
    );
    case!("any_x", "x.any()", x().any());
    case!("all_x", "x.all()", x().all());
    case!("np_any_zeros", "np.any(np.zeros(3))", np::any(np::zeros(3)));
    case!("np_all_ones", "np.all(np.ones(3))", np::all(np::ones(3)));
    case!("ptp_r", "np.ptp(r)", np::ptp(r()));
    case!("ptp_ai", "np.ptp(ai)", np::ptp(ai()));
    case!(
        "ptp_int8_wrap",
        "np.ptp(np.array([-100, 100], dtype=np.int8))",
        np::ptp(Array::from(vec![-100i8, 100]))
    );
    case!(
        "count_nonzero_ai",
        "np.count_nonzero(ai)",
        np::count_nonzero(ai())
    );
    case!(
        "count_nonzero_x",
        "np.count_nonzero(x)",
        np::count_nonzero(x())
    );
    case!("median_r", "np.median(r)", np::median(r()));
    case!("median_x", "np.median(x)", np::median(x()));
    case!(
        "median_odd",
        "np.median(np.array([5, 1, 4]))",
        np::median(Array::from(vec![5, 1, 4]))
    );
    case!("median_ai", "np.median(ai)", np::median(ai()));
    case!(
        "median_bool",
        "np.median(np.array([True, False, True]))",
        np::median(Array::from(vec![true, false, true]))
    );
    for q in [0.0, 10.0, 25.0, 33.3, 50.0, 75.0, 90.0, 99.9, 100.0] {
        case!(
            &format!("percentile_r_{q}"),
            &format!("np.percentile(r, {q})"),
            np::percentile(r(), q)
        );
        case!(
            &format!("percentile_ai_{q}"),
            &format!("np.percentile(ai, {q})"),
            np::percentile(ai(), q)
        );
    }
    for q in [0.0, 0.1, 0.25, 0.5, 0.7, 1.0] {
        case!(
            &format!("quantile_x_{q}"),
            &format!("np.quantile(x, {q})"),
            np::quantile(x(), q)
        );
        case!(
            &format!("quantile_f32_{q}"),
            &format!("np.quantile(r.astype(np.float32), {q})"),
            np::quantile(r().astype(DType::Float32), q)
        );
    }
    case!(
        "quantile_inf",
        "np.quantile(np.array([1.0, np.inf]), 1.0)",
        np::quantile(Array::from(vec![1.0, f64::INFINITY]), 1.0)
    );
    case!(
        "quantile_neg_inf",
        "np.quantile(np.array([-np.inf, 1.0, 2.0]), 0.25)",
        np::quantile(Array::from(vec![f64::NEG_INFINITY, 1.0, 2.0]), 0.25)
    );

    // ----- exact NumPy summation order (pairwise, buffered casts) ------------------------------
    case!("big_sum", "big.sum()", big().sum(), rtol = 0.0);
    case!("big_mean", "big.mean()", big().mean(), rtol = 0.0);
    case!("big_std", "big.std()", big().std(), rtol = 0.0);
    case!(
        "big_sum_axis0",
        "big.reshape(1000, 100).sum(axis=0)",
        big().reshape([1000, 100]).sum_axis(0, false),
        rtol = 0.0
    );
    case!(
        "big_sum_axis1",
        "big.reshape(1000, 100).sum(axis=1)",
        big().reshape([1000, 100]).sum_axis(1, false),
        rtol = 0.0
    );
    case!(
        "big_mean_axis0",
        "big.reshape(100, 1000).mean(axis=0)",
        big().reshape([100, 1000]).mean_axis(0, false),
        rtol = 0.0
    );
    case!(
        "big_std_axis0",
        "big.reshape(1000, 100).std(axis=0)",
        big().reshape([1000, 100]).std_axis(0, false),
        rtol = 0.0
    );
    case!(
        "big_std_axis1",
        "big.reshape(1000, 100).std(axis=1)",
        big().reshape([1000, 100]).std_axis(1, false),
        rtol = 0.0
    );
    case!(
        "big_T_sum_axis1",
        "big.reshape(1000, 100).T.sum(axis=1)",
        big().reshape([1000, 100]).t().sum_axis(1, false),
        rtol = 0.0
    );
    case!(
        "big32_sum",
        "big32.sum()",
        big().astype(DType::Float32).sum(),
        rtol = 0.0
    );
    case!(
        "big32_mean",
        "big32.mean()",
        big().astype(DType::Float32).mean(),
        rtol = 0.0
    );
    // float32 var squares deviations in float32 like NumPy, the order may differ by a few ulp.
    case!(
        "big32_std",
        "big32.std()",
        big().astype(DType::Float32).std(),
        rtol = 1e-6
    );
    case!("bigi_sum", "bigi.sum()", bigi().sum());
    case!("bigi_mean", "bigi.mean()", bigi().mean(), rtol = 0.0);
    case!("bigi_std", "bigi.std()", bigi().std(), rtol = 0.0);
    case!("bigi_median", "np.median(bigi)", np::median(bigi()));
    case!("big_median", "np.median(big)", np::median(big()));
    case!(
        "big_percentile",
        "np.percentile(big, 37.5)",
        np::percentile(big(), 37.5)
    );
    case!(
        "big_cumsum",
        "np.cumsum(big)[-3:]",
        big().cumsum().slice(s![-3..])
    );

    case!(
        "bigi_mean_axis1",
        "bigi.reshape(4, 25000).mean(axis=1)",
        bigi().reshape([4, 25000]).mean_axis(1, false),
        rtol = 0.0
    );
    case!(
        "bigi_mean_axis0",
        "bigi.reshape(100, 1000).mean(axis=0)",
        bigi().reshape([100, 1000]).mean_axis(0, false),
        rtol = 0.0
    );
    case!(
        "bigi_std_axis1",
        "bigi.reshape(4, 25000).std(axis=1)",
        bigi().reshape([4, 25000]).std_axis(1, false),
        rtol = 0.0
    );
    case!(
        "big32_sum_axis1",
        "big32.reshape(1000, 100).sum(axis=1)",
        big()
            .astype(DType::Float32)
            .reshape([1000, 100])
            .sum_axis(1, false),
        rtol = 0.0
    );
    case!(
        "big32_sum_axis0",
        "big32.reshape(1000, 100).sum(axis=0)",
        big()
            .astype(DType::Float32)
            .reshape([1000, 100])
            .sum_axis(0, false),
        rtol = 0.0
    );
    case!(
        "big32_mean_axis0",
        "big32.reshape(100, 1000).mean(axis=0)",
        big()
            .astype(DType::Float32)
            .reshape([100, 1000])
            .mean_axis(0, false),
        rtol = 0.0
    );
    case!(
        "big_view_sum",
        "big[::3].sum()",
        big().slice(s![..;3]).sum(),
        rtol = 0.0
    );
    case!(
        "big_rev_sum",
        "big[::-1].sum()",
        big().slice(s![..;-1]).sum(),
        rtol = 0.0
    );

    // ----- along axes, every combination ----------------------------------------------------
    let axes: [(&str, Vec<isize>); 8] = [
        ("0", vec![0]),
        ("1", vec![1]),
        ("2", vec![2]),
        ("-1", vec![-1]),
        ("(0, 2)", vec![0, 2]),
        ("(1, 2)", vec![1, 2]),
        ("(2, 0)", vec![2, 0]),
        ("(0, 1, 2)", vec![0, 1, 2]),
    ];
    let ops: [(&str, &str, AxisOp); 16] = [
        (
            "sum",
            "np.sum({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| a.sum_axis(ax, kd),
        ),
        (
            "prod",
            "np.prod({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| a.prod_axis(ax, kd),
        ),
        (
            "mean",
            "np.mean({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| a.mean_axis(ax, kd),
        ),
        (
            "var",
            "np.var({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| a.var_axis(ax, kd),
        ),
        (
            "std",
            "np.std({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| a.std_axis(ax, kd),
        ),
        (
            "std1",
            "np.std({a}, axis={ax}, ddof=1, keepdims={kd})",
            |a, ax, kd| a.std_axis_ddof(ax, 1, kd),
        ),
        (
            "min",
            "np.min({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| a.min_axis(ax, kd),
        ),
        (
            "max",
            "np.max({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| a.max_axis(ax, kd),
        ),
        (
            "any",
            "np.any({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| a.any_axis(ax, kd),
        ),
        (
            "all",
            "np.all({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| a.all_axis(ax, kd),
        ),
        (
            "ptp",
            "np.ptp({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| np::ptp_axis(a, ax, kd),
        ),
        (
            "median",
            "np.median({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| np::median_axis(a, ax, kd),
        ),
        (
            "pct30",
            "np.percentile({a}, 30, axis={ax}, keepdims={kd})",
            |a, ax, kd| np::percentile_axis(a, 30, ax, kd),
        ),
        (
            "q75",
            "np.quantile({a}, 0.75, axis={ax}, keepdims={kd})",
            |a, ax, kd| np::quantile_axis(a, 0.75, ax, kd),
        ),
        (
            "count_nonzero",
            "np.count_nonzero({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| np::count_nonzero_axis(a, ax, kd),
        ),
        (
            "nansum",
            "np.nansum({a}, axis={ax}, keepdims={kd})",
            |a, ax, kd| np::nansum_axis(a, ax, kd),
        ),
    ];
    for (op, py, f) in ops {
        for (pa, ra) in &axes {
            for kd in [false, true] {
                let kd_py = if kd { "True" } else { "False" };
                let name = format!("{op}_r_axis{pa}_kd{kd}").replace([' ', '(', ')', ','], "");
                let pyx = py
                    .replace("{a}", "r")
                    .replace("{ax}", pa)
                    .replace("{kd}", kd_py);
                case!(&name, &pyx, f(&r(), ra.clone(), kd));
            }
            // The same on non-contiguous views: a transpose and a reversed, strided slice.
            let name = format!("{op}_rT_axis{pa}").replace([' ', '(', ')', ','], "");
            let pyx = py
                .replace("{a}", "r.transpose(2, 0, 1)")
                .replace("{ax}", pa)
                .replace("{kd}", "False");
            case!(&name, &pyx, f(&r().transpose([2, 0, 1]), ra.clone(), false));
            let name = format!("{op}_rview_axis{pa}").replace([' ', '(', ')', ','], "");
            let pyx = py
                .replace("{a}", "r[::-1, 1:, ::2]")
                .replace("{ax}", pa)
                .replace("{kd}", "False");
            case!(
                &name,
                &pyx,
                f(&r().slice(s![..;-1, 1.., ..;2]), ra.clone(), false)
            );
        }
        // integers
        let name = format!("{op}_ai_axis1");
        let pyx = py
            .replace("{a}", "ai")
            .replace("{ax}", "1")
            .replace("{kd}", "False");
        case!(&name, &pyx, f(&ai(), vec![1], false));
        let name = format!("{op}_ai_axis0");
        let pyx = py
            .replace("{a}", "ai")
            .replace("{ax}", "0")
            .replace("{kd}", "False");
        case!(&name, &pyx, f(&ai(), vec![0], false));
        // NaN input
        let name = format!("{op}_xn_axis1");
        let pyx = py
            .replace("{a}", "xn")
            .replace("{ax}", "1")
            .replace("{kd}", "False");
        case!(&name, &pyx, f(&xn(), vec![1], false));
        // empty input: along the empty axis and along the other one
        let name = format!("{op}_e_axis0");
        let pyx = py
            .replace("{a}", "e")
            .replace("{ax}", "0")
            .replace("{kd}", "False");
        case!(&name, &pyx, f(&e(), vec![0], false));
        let name = format!("{op}_e_axis1");
        let pyx = py
            .replace("{a}", "e")
            .replace("{ax}", "1")
            .replace("{kd}", "False");
        case!(&name, &pyx, f(&e(), vec![1], false));
        // bad axes
        let name = format!("{op}_bad_axis");
        let pyx = py
            .replace("{a}", "x")
            .replace("{ax}", "3")
            .replace("{kd}", "False");
        case!(&name, &pyx, f(&x(), vec![3], false));
        let name = format!("{op}_bad_neg_axis");
        let pyx = py
            .replace("{a}", "x")
            .replace("{ax}", "-4")
            .replace("{kd}", "False");
        case!(&name, &pyx, f(&x(), vec![-4], false));
    }

    // ----- argmin / argmax along one axis ----------------------------------------------------
    for ax in [0isize, 1, 2, -1, -3] {
        for kd in [false, true] {
            let kd_py = if kd { "True" } else { "False" };
            case!(
                &format!("argmax_r_axis{ax}_kd{kd}"),
                &format!("np.argmax(r, axis={ax}, keepdims={kd_py})"),
                np::argmax_axis(r(), ax, kd)
            );
            case!(
                &format!("argmin_r_axis{ax}_kd{kd}"),
                &format!("np.argmin(r, axis={ax}, keepdims={kd_py})"),
                np::argmin_axis(r(), ax, kd)
            );
        }
        case!(
            &format!("argmax_rview_axis{ax}"),
            &format!("np.argmax(r[::-1, 1:, ::2], axis={ax})"),
            np::argmax_axis(r().slice(s![..;-1, 1.., ..;2]), ax, false)
        );
        case!(
            &format!("argmin_rT_axis{ax}"),
            &format!("np.argmin(r.transpose(2, 0, 1), axis={ax})"),
            np::argmin_axis(r().transpose([2, 0, 1]), ax, false)
        );
    }
    case!(
        "argmax_rview_flat",
        "np.argmax(r[::-1, 1:, ::2])",
        np::argmax(r().slice(s![..;-1, 1.., ..;2]))
    );
    case!(
        "argmin_rT_flat",
        "np.argmin(r.transpose(2, 0, 1))",
        np::argmin(r().transpose([2, 0, 1]))
    );
    case!(
        "argmax_nan",
        "np.argmax(np.array([1.0, np.nan, 5.0, np.nan]))",
        np::argmax(Array::from(vec![1.0, f64::NAN, 5.0, f64::NAN]))
    );
    case!(
        "argmin_nan",
        "np.argmin(np.array([1.0, -2.0, np.nan]))",
        np::argmin(Array::from(vec![1.0, -2.0, f64::NAN]))
    );
    case!(
        "argmax_xn_axis1",
        "np.argmax(xn, axis=1)",
        np::argmax_axis(xn(), 1, false)
    );
    case!(
        "argmax_xn_axis0",
        "np.argmax(xn, axis=0)",
        np::argmax_axis(xn(), 0, false)
    );
    case!(
        "argmax_bool",
        "np.argmax(np.array([False, True, True]))",
        np::argmax(Array::from(vec![false, true, true]))
    );
    case!("argmax_e", "np.argmax(e)", np::argmax(e()));
    case!("argmin_e", "np.argmin(e)", np::argmin(e()));
    case!(
        "argmax_e_axis0",
        "np.argmax(e, axis=0)",
        np::argmax_axis(e(), 0, false)
    );
    case!(
        "argmax_e_axis1",
        "np.argmax(e, axis=1)",
        np::argmax_axis(e(), 1, false)
    );
    case!(
        "argmax_bad_axis",
        "np.argmax(x, axis=3)",
        np::argmax_axis(x(), 3, false)
    );
    case!(
        "argmax_0d",
        "np.argmax(np.array(2.5))",
        np::argmax(Array::from_vec(vec![2.5], ()))
    );
    case!(
        "argmax_softmax",
        "np.argmax(np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]]), axis=1)",
        np::argmax_axis(
            Array::from_vec(vec![0.1, 0.7, 0.2, 0.5, 0.3, 0.2], [2, 3]),
            1,
            false
        )
    );

    // ----- NaN handling ------------------------------------------------------------------------
    case!("sum_xn", "xn.sum()", xn().sum());
    case!("mean_xn", "xn.mean()", xn().mean());
    case!("max_xn", "xn.max()", xn().max());
    case!("min_xn", "xn.min()", xn().min());
    case!("max_xn_axis0", "xn.max(axis=0)", xn().max_axis(0, false));
    case!(
        "min_nan_last",
        "np.min(np.array([1.0, 2.0, np.nan]))",
        np::min(Array::from(vec![1.0, 2.0, f64::NAN]))
    );
    case!(
        "max_inf",
        "np.max(np.array([-np.inf, 1.0, np.inf]))",
        np::max(Array::from(vec![f64::NEG_INFINITY, 1.0, f64::INFINITY]))
    );
    case!(
        "sum_inf_minus_inf",
        "np.sum(np.array([np.inf, -np.inf]))",
        np::sum(Array::from(vec![f64::INFINITY, f64::NEG_INFINITY]))
    );
    case!("std_xn", "xn.std()", xn().std());
    case!("median_xn", "np.median(xn)", np::median(xn()));
    case!(
        "median_xn_axis1_direct",
        "np.median(xn, axis=1)",
        np::median_axis(xn(), 1, false)
    );
    case!(
        "percentile_xn",
        "np.percentile(xn, 50)",
        np::percentile(xn(), 50)
    );
    case!(
        "percentile_xn_axis0",
        "np.percentile(xn, 40, axis=0)",
        np::percentile_axis(xn(), 40, 0, false)
    );
    case!("nansum_xn", "np.nansum(xn)", np::nansum(xn()));
    case!("nanprod_xn", "np.nanprod(xn)", np::nanprod(xn()));
    case!("nanmean_xn", "np.nanmean(xn)", np::nanmean(xn()));
    case!(
        "nanmean_xn_axis0",
        "np.nanmean(xn, axis=0)",
        np::nanmean_axis(xn(), 0, false)
    );
    case!(
        "nanmean_xn_axis1_kd",
        "np.nanmean(xn, axis=1, keepdims=True)",
        np::nanmean_axis(xn(), 1, true)
    );
    case!("nanvar_xn", "np.nanvar(xn)", np::nanvar(xn(), 0));
    case!(
        "nanstd_xn_ddof1",
        "np.nanstd(xn, ddof=1)",
        np::nanstd(xn(), 1)
    );
    case!(
        "nanstd_xn_axis0",
        "np.nanstd(xn, axis=0)",
        np::nanstd_axis(xn(), 0, 0, false)
    );
    case!(
        "nanvar_xn_axis1",
        "np.nanvar(xn, axis=1, ddof=1)",
        np::nanvar_axis(xn(), 1, 1, false)
    );
    case!("nanmax_xn", "np.nanmax(xn)", np::nanmax(xn()));
    case!("nanmin_xn", "np.nanmin(xn)", np::nanmin(xn()));
    case!(
        "nanmax_xn_axis0",
        "np.nanmax(xn, axis=0)",
        np::nanmax_axis(xn(), 0, false)
    );
    case!(
        "nanmin_xn_axis1",
        "np.nanmin(xn, axis=1)",
        np::nanmin_axis(xn(), 1, false)
    );
    case!(
        "nanmax_allnan",
        "np.nanmax(np.array([np.nan, np.nan]))",
        np::nanmax(Array::from(vec![f64::NAN, f64::NAN]))
    );
    case!(
        "nanmean_allnan",
        "np.nanmean(np.array([np.nan]))",
        np::nanmean(Array::from(vec![f64::NAN]))
    );
    case!(
        "nansum_allnan",
        "np.nansum(np.array([np.nan]))",
        np::nansum(Array::from(vec![f64::NAN]))
    );
    case!("nanmedian_xn", "np.nanmedian(xn)", np::nanmedian(xn()));
    case!(
        "nanmedian_xn_axis1",
        "np.nanmedian(xn, axis=1)",
        np::nanmedian_axis(xn(), 1, false)
    );
    case!(
        "nanmedian_allnan",
        "np.nanmedian(np.array([np.nan]))",
        np::nanmedian(Array::from(vec![f64::NAN]))
    );
    case!("nansum_int", "np.nansum(ai)", np::nansum(ai()));
    case!("nanmean_int", "np.nanmean(ai)", np::nanmean(ai()));
    case!("nanmax_int", "np.nanmax(ai)", np::nanmax(ai()));
    case!(
        "any_nan",
        "np.any(np.array([0.0, np.nan]))",
        np::any(Array::from(vec![0.0, f64::NAN]))
    );
    case!(
        "all_nan",
        "np.all(np.array([np.nan]))",
        np::all(Array::from(vec![f64::NAN]))
    );
    case!(
        "count_nonzero_nan",
        "np.count_nonzero(xn)",
        np::count_nonzero(xn())
    );

    // ----- empty input -------------------------------------------------------------------------
    case!("sum_e", "e.sum()", e().sum());
    case!("prod_e", "e.prod()", e().prod());
    case!("mean_e", "e.mean()", e().mean());
    case!("std_e", "e.std()", e().std());
    case!("var_e", "e.var()", e().var());
    case!("min_e", "e.min()", e().try_min());
    case!("max_e", "e.max()", e().try_max());
    case!("ptp_e", "np.ptp(e)", np::try_ptp(e()));
    case!("any_e", "e.any()", e().any());
    case!("all_e", "e.all()", e().all());
    case!("median_e", "np.median(e)", np::median(e()));
    case!(
        "percentile_e",
        "np.percentile(e, 50)",
        np::try_percentile(e(), 50)
    );
    case!("nanmax_e", "np.nanmax(e)", np::nanmax(e()));
    case!("cumsum_e", "np.cumsum(e)", np::cumsum(e()));
    case!(
        "cumsum_e_axis0",
        "np.cumsum(e, axis=0)",
        np::cumsum_axis(e(), 0)
    );
    case!(
        "count_nonzero_e",
        "np.count_nonzero(e)",
        np::count_nonzero(e())
    );
    case!(
        "sum_empty_int",
        "np.sum(np.array([], dtype=np.int32))",
        np::sum(Array::from(Vec::<i32>::new()))
    );
    case!(
        "sum_empty_uint8",
        "np.sum(np.array([], dtype=np.uint8))",
        np::sum(Array::from(Vec::<u8>::new()))
    );

    // ----- 0-d ---------------------------------------------------------------------------------
    case!(
        "sum_0d",
        "np.sum(np.array(2.5))",
        np::sum(Array::from_vec(vec![2.5], ()))
    );
    case!(
        "mean_0d",
        "np.mean(np.array(3))",
        np::mean(Array::from_vec(vec![3i64], ()))
    );
    case!(
        "std_0d",
        "np.std(np.array(3.0))",
        np::std(Array::from_vec(vec![3.0], ()))
    );
    case!(
        "max_0d",
        "np.max(np.array(-1))",
        np::max(Array::from_vec(vec![-1i64], ()))
    );
    case!(
        "median_0d",
        "np.median(np.array(4.0))",
        np::median(Array::from_vec(vec![4.0], ()))
    );
    case!(
        "cumsum_0d",
        "np.cumsum(np.array(4.0))",
        np::cumsum(Array::from_vec(vec![4.0], ()))
    );
    case!(
        "sum_0d_axis",
        "np.sum(np.array(2.5), axis=0)",
        Array::from_vec(vec![2.5], ()).sum_axis(0, false)
    );
    case!(
        "max_0d_axis_neg",
        "np.max(np.array(2.5), axis=-1, keepdims=True)",
        Array::from_vec(vec![2.5], ()).max_axis(-1, true)
    );
    case!(
        "mean_0d_axis",
        "np.mean(np.array(2.5), axis=0)",
        Array::from_vec(vec![2.5], ()).try_mean_axis(0, false)
    );
    case!(
        "sum_0d_axis1",
        "np.sum(np.array(2.5), axis=1)",
        Array::from_vec(vec![2.5], ()).try_sum_axis(1, false)
    );
    case!(
        "argmax_0d_axis",
        "np.argmax(np.array(2.5), axis=0)",
        np::argmax_axis(Array::from_vec(vec![2.5], ()), 0, false)
    );
    case!(
        "argmax_0d_axis1",
        "np.argmax(np.array(2.5), axis=1)",
        np::argmax_axis(Array::from_vec(vec![2.5], ()), 1, false)
    );
    case!(
        "cumsum_0d_axis",
        "np.cumsum(np.array(2.5), axis=0)",
        np::cumsum_axis(Array::from_vec(vec![2.5], ()), 0)
    );
    case!(
        "median_0d_axis",
        "np.median(np.array(2.5), axis=0)",
        np::try_median_axis(Array::from_vec(vec![2.5], ()), 0, false)
    );

    // ----- cumulative ----------------------------------------------------------------------------
    case!("cumsum_x", "np.cumsum(x)", np::cumsum(x()));
    case!("cumprod_ai", "np.cumprod(ai)", np::cumprod(ai()));
    for ax in [0isize, 1, 2, -1] {
        case!(
            &format!("cumsum_r_axis{ax}"),
            &format!("np.cumsum(r, axis={ax})"),
            np::cumsum_axis(r(), ax)
        );
        case!(
            &format!("cumprod_r_axis{ax}"),
            &format!("np.cumprod(r, axis={ax})"),
            np::cumprod_axis(r(), ax)
        );
        case!(
            &format!("cumsum_rview_axis{ax}"),
            &format!("np.cumsum(r[::-1, 1:, ::2], axis={ax})"),
            np::cumsum_axis(r().slice(s![..;-1, 1.., ..;2]), ax)
        );
    }
    case!("cumsum_T", "np.cumsum(r.T)", np::cumsum(r().t()));
    case!(
        "cumsum_bool",
        "np.cumsum(np.array([True, False, True]))",
        np::cumsum(Array::from(vec![true, false, true]))
    );
    case!(
        "cumsum_uint8",
        "np.cumsum(np.array([200, 100], dtype=np.uint8))",
        np::cumsum(Array::from(vec![200u8, 100]))
    );
    case!(
        "cumsum_f32",
        "np.cumsum(np.array([0.1, 0.2, 0.3], dtype=np.float32))",
        np::cumsum(Array::from(vec![0.1f32, 0.2, 0.3]))
    );
    case!(
        "cumsum_nan",
        "np.cumsum(xn, axis=1)",
        np::cumsum_axis(xn(), 1)
    );
    case!(
        "cumsum_bad_axis",
        "np.cumsum(x, axis=3)",
        np::cumsum_axis(x(), 3)
    );
    case!("cumprod_method", "ai.cumprod(axis=0)", ai().cumprod_axis(0));
    case!("cumsum_method", "x.cumsum(axis=-1)", x().cumsum_axis(-1));

    // ----- every dtype -----------------------------------------------------------------------
    for d in DType::ALL {
        let n = d.name();
        let py = format!("np.arange(1, 7).astype(np.{n}).reshape(2, 3)");
        let a = || np::arange((1, 7)).astype(d).reshape([2, 3]);
        case!(&format!("dt_sum_{n}"), &format!("{py}.sum()"), a().sum());
        case!(
            &format!("dt_sum0_{n}"),
            &format!("{py}.sum(axis=0)"),
            a().sum_axis(0, false)
        );
        case!(
            &format!("dt_prod1_{n}"),
            &format!("{py}.prod(axis=1)"),
            a().prod_axis(1, false)
        );
        case!(&format!("dt_mean_{n}"), &format!("{py}.mean()"), a().mean());
        case!(
            &format!("dt_mean1_{n}"),
            &format!("{py}.mean(axis=1)"),
            a().mean_axis(1, false)
        );
        case!(
            &format!("dt_var0_{n}"),
            &format!("{py}.var(axis=0)"),
            a().var_axis(0, false)
        );
        case!(&format!("dt_std_{n}"), &format!("{py}.std()"), a().std());
        case!(&format!("dt_max_{n}"), &format!("{py}.max()"), a().max());
        case!(
            &format!("dt_min1_{n}"),
            &format!("{py}.min(axis=1)"),
            a().min_axis(1, false)
        );
        case!(
            &format!("dt_argmax_{n}"),
            &format!("{py}.argmax()"),
            a().argmax()
        );
        case!(
            &format!("dt_argmin0_{n}"),
            &format!("{py}.argmin(axis=0)"),
            a().argmin_axis(0, false)
        );
        case!(
            &format!("dt_any1_{n}"),
            &format!("{py}.any(axis=1)"),
            a().any_axis(1, false)
        );
        case!(&format!("dt_all_{n}"), &format!("{py}.all()"), a().all());
        case!(
            &format!("dt_cumsum_{n}"),
            &format!("{py}.cumsum()"),
            a().cumsum()
        );
        case!(
            &format!("dt_cumprod1_{n}"),
            &format!("{py}.cumprod(axis=1)"),
            a().cumprod_axis(1)
        );
        case!(
            &format!("dt_ptp_{n}"),
            &format!("np.ptp({py})"),
            np::try_ptp(a())
        );
        case!(
            &format!("dt_median_{n}"),
            &format!("np.median({py})"),
            np::median(a())
        );
        case!(
            &format!("dt_percentile_{n}"),
            &format!("np.percentile({py}, 40)"),
            np::try_percentile(a(), 40)
        );
        case!(
            &format!("dt_nansum_{n}"),
            &format!("np.nansum({py})"),
            np::nansum(a())
        );
        case!(
            &format!("dt_nanmax_{n}"),
            &format!("np.nanmax({py})"),
            np::nanmax(a())
        );
        case!(
            &format!("dt_count_nonzero_{n}"),
            &format!("np.count_nonzero({py}, axis=0)"),
            np::count_nonzero_axis(a(), 0, false)
        );
    }
    case!(
        "int_sum_overflow",
        "np.array([2**62, 2**62, 2**62]).sum()",
        Array::from(vec![1i64 << 62, 1 << 62, 1 << 62]).sum()
    );
    case!(
        "uint64_sum_wrap",
        "np.array([2**64 - 1, 2], dtype=np.uint64).sum()",
        Array::from(vec![u64::MAX, 2]).sum()
    );
    case!(
        "int8_sum_no_wrap",
        "np.array([100, 100, 100], dtype=np.int8).sum()",
        Array::from(vec![100i8, 100, 100]).sum()
    );
    case!(
        "bool_mean_accuracy",
        "np.mean(np.array([1, 2, 3, 4]) == np.array([1, 0, 3, 4]))",
        np::mean(Array::from(vec![true, false, true, true]))
    );
    case!(
        "complex_std",
        "np.std(np.array([1+2j, 3-1j, -2+0.5j]))",
        np::std(Array::from(vec![
            np::Complex128::new(1.0, 2.0),
            np::Complex128::new(3.0, -1.0),
            np::Complex128::new(-2.0, 0.5)
        ]))
    );
    case!(
        "complex_max",
        "np.max(np.array([1+2j, 3-1j, 3-2j]))",
        np::max(Array::from(vec![
            np::Complex128::new(1.0, 2.0),
            np::Complex128::new(3.0, -1.0),
            np::Complex128::new(3.0, -2.0)
        ]))
    );
    case!(
        "complex_argmin",
        "np.argmin(np.array([1+2j, 1-1j, 3-2j]))",
        np::argmin(Array::from(vec![
            np::Complex128::new(1.0, 2.0),
            np::Complex128::new(1.0, -1.0),
            np::Complex128::new(3.0, -2.0)
        ]))
    );
    case!(
        "complex_percentile",
        "np.percentile(np.array([1+2j]), 50)",
        np::try_percentile(Array::from(vec![np::Complex128::new(1.0, 2.0)]), 50)
    );

    case!(
        "complex_mean_exact",
        "np.mean(np.array([1+2j, 3-1j, -2+0.5j]))",
        np::mean(Array::from(vec![
            np::Complex128::new(1.0, 2.0),
            np::Complex128::new(3.0, -1.0),
            np::Complex128::new(-2.0, 0.5)
        ])),
        rtol = 0.0
    );
    case!(
        "complex_mean_axis",
        "(r + 1j * x[:, :, :1].sum()).mean(axis=1)",
        (r() + np::Complex128::new(0.0, x().slice(s![.., .., ..1]).sum().to_f64()))
            .mean_axis(1, false),
        rtol = 0.0
    );
    case!(
        "f32_var_exact",
        "r.astype(np.float32).var(axis=2)",
        r().astype(DType::Float32).var_axis(2, false),
        rtol = 0.0
    );
    case!(
        "f32_std_axis0_exact",
        "r.astype(np.float32).std(axis=0)",
        r().astype(DType::Float32).std_axis(0, false),
        rtol = 0.0
    );
    case!(
        "big32_std_exact",
        "big32.std()",
        big().astype(DType::Float32).std(),
        rtol = 0.0
    );

    case!("nanargmax_xn", "np.nanargmax(xn)", np::nanargmax(xn()));
    case!("nanargmin_xn", "np.nanargmin(xn)", np::nanargmin(xn()));
    case!(
        "nanargmax_xn_axis0",
        "np.nanargmax(xn, axis=0)",
        np::nanargmax_axis(xn(), 0, false)
    );
    case!(
        "nanargmin_xn_axis1_kd",
        "np.nanargmin(xn, axis=1, keepdims=True)",
        np::nanargmin_axis(xn(), 1, true)
    );
    case!(
        "nanargmax_neginf_tie",
        "np.nanargmax(np.array([np.nan, -np.inf]))",
        np::nanargmax(Array::from(vec![f64::NAN, f64::NEG_INFINITY]))
    );
    case!(
        "nanargmax_allnan",
        "np.nanargmax(np.array([np.nan, np.nan]))",
        np::nanargmax(Array::from(vec![f64::NAN, f64::NAN]))
    );
    case!(
        "nanargmin_allnan_axis",
        "np.nanargmin(np.array([[np.nan, 1.0], [np.nan, 2.0]]), axis=0)",
        np::nanargmin_axis(
            Array::from_vec(vec![f64::NAN, 1.0, f64::NAN, 2.0], [2, 2]),
            0,
            false
        )
    );
    case!("nanargmax_int", "np.nanargmax(ai)", np::nanargmax(ai()));
    case!("nanargmax_empty", "np.nanargmax(e)", np::nanargmax(e()));

    // ----- errors ------------------------------------------------------------------------------
    case!(
        "sum_dup_axis",
        "np.sum(x, axis=(0, 0))",
        np::sum_axis(x(), [0, 0], false)
    );
    case!(
        "sum_dup_neg_axis",
        "np.sum(x, axis=(1, -2))",
        np::sum_axis(x(), [1, -2], false)
    );
    case!(
        "argmax_tuple_axis",
        "np.argmax(x, axis=(0, 1))",
        np::argmax_axis(x(), [0, 1], false)
    );
    case!(
        "percentile_high",
        "np.percentile(x, 101)",
        np::try_percentile(x(), 101)
    );
    case!(
        "percentile_neg",
        "np.percentile(x, -1)",
        np::try_percentile(x(), -1)
    );
    case!(
        "quantile_high",
        "np.quantile(x, 1.5)",
        np::try_quantile(x(), 1.5)
    );
    case!(
        "quantile_axis_high",
        "np.quantile(x, 2, axis=0)",
        np::try_quantile_axis(x(), 2, 0, false)
    );
    case!(
        "min_empty_axis0",
        "np.min(e, axis=0)",
        e().try_min_axis(0, false)
    );
    case!(
        "max_empty_1d",
        "np.max(np.array([]))",
        np::zeros(0).try_max()
    );
    case!(
        "ptp_bool",
        "np.ptp(np.array([True, False]))",
        np::try_ptp(Array::from(vec![true, false]))
    );
    case!(
        "quantile_bool",
        "np.quantile(np.array([True, False]), 0.5)",
        np::try_quantile(Array::from(vec![true, false]), 0.5)
    );
    case!(
        "std_ddof_too_big",
        "np.std(np.arange(3.0), ddof=3)",
        np::std_ddof(np::arange(3.0), 3)
    );
    case!(
        "var_ddof_gt_n",
        "np.var(np.arange(3.0), ddof=5)",
        np::var_ddof(np::arange(3.0), 5)
    );

    // ----- recipes from the tutorials ------------------------------------------------------------
    case!(
        "recipe_softmax",
        "z = np.array([[1.0, 2.0, 3.0], [1.0, 5.0, 1.0]])\ne = np.exp(z - np.max(z, axis=1, keepdims=True))\ne / np.sum(e, axis=1, keepdims=True)",
        {
            let z = Array::from_vec(vec![1.0, 2.0, 3.0, 1.0, 5.0, 1.0], [2, 3]);
            let e = np::exp(&z - &np::max_axis(&z, 1, true));
            &e / &np::sum_axis(&e, 1, true)
        }
    );
    case!(
        "recipe_standardize",
        "(r[0] - r[0].mean(axis=0)) / (r[0].std(axis=0) + 1e-8)",
        {
            let a = r().slice(s![0]);
            (&a - &a.mean_axis(0, false)) / (a.std_axis(0, false) + 1e-8)
        }
    );
    case!(
        "recipe_layernorm",
        "(x - x.mean(axis=-1, keepdims=True)) / x.std(axis=-1, keepdims=True)",
        {
            let a = x();
            (&a - &a.mean_axis(-1, true)) / a.std_axis(-1, true)
        }
    );
    case!(
        "recipe_mean_slice",
        "np.mean(r, axis=0)[:3]",
        np::mean_axis(r(), 0, false).slice(s![..3])
    );
    case!("size_as_count", "np.arange(10).size", np::arange(10).size());
}

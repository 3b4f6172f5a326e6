//! Timings of common array operations in arraylib, for `tests/bench_arraylib.py`, which runs
//! the same operations in NumPy and prints the ratios. Build with `--release`.
//!
//! Usage: `bench [--no-mallopt] [--filter SUBSTRING] [--min-time SECONDS] [--max-repeat N]`.
//! Prints one JSON line per row: `{"name", "median_s", "min_s", "repeats"}` (or `"na": true`).

use arraylib as np;
use arraylib::{s, Array, DType, NewAxis};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Deterministic uniform values in `[lo, hi)` (xorshift64*), as a float64 array.
fn uniform(shape: &[usize], lo: f64, hi: f64, seed: u64) -> Array {
    let n: usize = shape.iter().product();
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    // Memory from arraylib itself (huge pages for large arrays, as NumPy's), filled in place.
    let a = np::empty(shape.to_vec());
    for x in a.view_mut::<f64>().iter_mut() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11;
        *x = lo + (hi - lo) * (r as f64 / (1u64 << 53) as f64);
    }
    debug_assert_eq!(a.size(), n);
    a
}

struct Bench {
    filter: Option<String>,
    min_time: Duration,
    max_repeat: usize,
}

impl Bench {
    /// Times `f` (after `setup`, which is not timed): one warm-up call, then repeats until
    /// `min_time` has passed (at least 3, at most `max_repeat`); prints the median.
    fn row<S, R>(&self, name: &str, setup: impl FnOnce() -> S, f: impl Fn(&S) -> R) {
        if let Some(filter) = &self.filter {
            if !name.contains(filter.as_str()) {
                return;
            }
        }
        let input = setup();
        drop(black_box(f(&input)));
        let mut times = Vec::new();
        let start = Instant::now();
        while times.len() < self.max_repeat && (times.len() < 3 || start.elapsed() < self.min_time)
        {
            let t0 = Instant::now();
            let r = black_box(f(black_box(&input)));
            times.push(t0.elapsed().as_secs_f64());
            drop(r);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let median = times[times.len() / 2];
        println!(
            "{{\"name\":\"{name}\",\"median_s\":{median:e},\"min_s\":{:e},\"repeats\":{}}}",
            times[0],
            times.len()
        );
    }
}

/// Sets glibc's allocator to keep freed big buffers instead of returning them to the OS (the
/// cell process of the kernel does the same). Returns a description of what was accepted.
fn tune_malloc() -> String {
    // SAFETY: mallopt only changes allocator parameters; called before other threads exist.
    unsafe {
        let mut mmap_threshold = 1i32 << 30;
        while mmap_threshold > (1 << 20)
            && libc::mallopt(libc::M_MMAP_THRESHOLD, mmap_threshold) == 0
        {
            mmap_threshold /= 2;
        }
        let trim_ok = libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX) != 0;
        format!(
            "M_MMAP_THRESHOLD={} MiB, M_TRIM_THRESHOLD={}",
            mmap_threshold >> 20,
            if trim_ok { "2 GiB" } else { "unchanged" }
        )
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut bench = Bench {
        filter: None,
        min_time: Duration::from_secs_f64(1.0),
        max_repeat: 50,
    };
    let mut mallopt = true;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--no-mallopt" => mallopt = false,
            "--filter" => {
                i += 1;
                bench.filter = args.get(i).cloned();
            }
            "--min-time" => {
                i += 1;
                let t: f64 = args.get(i).and_then(|s| s.parse().ok()).unwrap_or(1.0);
                bench.min_time = Duration::from_secs_f64(t);
            }
            "--max-repeat" => {
                i += 1;
                bench.max_repeat = args
                    .get(i)
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(50)
                    .max(3);
            }
            other => {
                eprintln!("bench: unknown argument {other}");
                std::process::exit(2);
            }
        }
        i += 1;
    }
    let malloc = if mallopt {
        tune_malloc()
    } else {
        "default".to_string()
    };
    println!("{{\"malloc\":\"{malloc}\"}}");

    for (name, n) in [("a*b+c 1e6", 1_000_000usize), ("a*b+c 1e7", 10_000_000)] {
        bench.row(
            name,
            || {
                (
                    uniform(&[n], 0.0, 1.0, 1),
                    uniform(&[n], 0.0, 1.0, 2),
                    uniform(&[n], 0.0, 1.0, 3),
                )
            },
            |(a, b, c)| a * b + c,
        );
    }
    bench.row(
        "w -= 0.01 * g 1e6 (in place)",
        || {
            (
                uniform(&[1_000_000], 0.0, 1.0, 41),
                uniform(&[1_000_000], 0.0, 1.0, 42),
            )
        },
        |(w, g)| {
            // A handle on the same buffer: `w -= ...` writes into the input, as in NumPy.
            let mut w = w.clone();
            w -= 0.01 * g;
        },
    );
    bench.row(
        "exp 1e6",
        || uniform(&[1_000_000], -1.0, 1.0, 4),
        |x| np::exp(x),
    );
    bench.row(
        "relu 1e6",
        || uniform(&[1_000_000], -1.0, 1.0, 5),
        |x| np::maximum(x, 0.0),
    );
    bench.row(
        "tanh 1e6",
        || uniform(&[1_000_000], -3.0, 3.0, 43),
        |x| np::tanh(x),
    );
    bench.row(
        "max 1e6",
        || uniform(&[1_000_000], 0.0, 1.0, 44),
        |x| x.max(),
    );
    bench.row(
        "(1000,768) - (768,)",
        || {
            (
                uniform(&[1000, 768], 0.0, 1.0, 6),
                uniform(&[768], 0.0, 1.0, 7),
            )
        },
        |(x, m)| x - m,
    );
    bench.row(
        "standardize (100000,20) axis 0",
        || uniform(&[100_000, 20], 0.0, 10.0, 8),
        |x| (x - x.mean_axis(0, false)) / x.std_axis(0, false),
    );
    bench.row(
        "sum 1e7",
        || uniform(&[10_000_000], 0.0, 1.0, 9),
        |x| x.sum(),
    );
    bench.row(
        "mean axis 0 (1000,1000)",
        || uniform(&[1000, 1000], 0.0, 1.0, 10),
        |x| x.mean_axis(0, false),
    );
    bench.row(
        "mean axis 1 (1000,1000)",
        || uniform(&[1000, 1000], 0.0, 1.0, 11),
        |x| x.mean_axis(1, false),
    );
    bench.row(
        "argmax axis 1 (100000,10)",
        || uniform(&[100_000, 10], 0.0, 1.0, 12),
        |x| x.argmax_axis(1, false),
    );
    bench.row(
        "softmax (10000,1000) axis 1",
        || uniform(&[10_000, 1000], -3.0, 3.0, 13),
        |x| {
            let e = np::exp(x - x.max_axis(1, true));
            &e / e.sum_axis(1, true)
        },
    );
    bench.row(
        "matmul 1000x1000 f64",
        || {
            (
                uniform(&[1000, 1000], 0.0, 1.0, 14),
                uniform(&[1000, 1000], 0.0, 1.0, 15),
            )
        },
        |(a, b)| np::matmul(a, b),
    );
    bench.row(
        "matmul 1000x1000 f32",
        || {
            (
                uniform(&[1000, 1000], 0.0, 1.0, 16).astype(DType::Float32),
                uniform(&[1000, 1000], 0.0, 1.0, 17).astype(DType::Float32),
            )
        },
        |(a, b)| np::matmul(a, b),
    );
    bench.row(
        "matmul (32,768)@(768,768)",
        || {
            (
                uniform(&[32, 768], 0.0, 1.0, 18),
                uniform(&[768, 768], 0.0, 1.0, 19),
            )
        },
        |(a, b)| np::matmul(a, b),
    );
    bench.row(
        "pairwise dist (1000,128) (500,128)",
        || {
            (
                uniform(&[1000, 128], 0.0, 1.0, 20),
                uniform(&[500, 128], 0.0, 1.0, 21),
            )
        },
        |(x, y)| {
            let xx = (x * x).sum_axis(1, false);
            let yy = (y * y).sum_axis(1, false);
            let d2 =
                xx.slice(s![.., NewAxis]) + yy.slice(s![NewAxis, ..]) - 2.0 * np::matmul(x, y.t());
            np::sqrt(np::maximum(&d2, 0.0))
        },
    );
    bench.row(
        "transpose+copy (2000,2000)",
        || uniform(&[2000, 2000], 0.0, 1.0, 22),
        |x| x.t().copy(),
    );
    bench.row(
        "concatenate 2x(1000,1000) axis 0",
        || {
            (
                uniform(&[1000, 1000], 0.0, 1.0, 23),
                uniform(&[1000, 1000], 0.0, 1.0, 24),
            )
        },
        |(a, b)| np::concatenate(&[a, b], 0),
    );
    bench.row(
        "concatenate 2x(1000,1000) axis 1",
        || {
            (
                uniform(&[1000, 1000], 0.0, 1.0, 25),
                uniform(&[1000, 1000], 0.0, 1.0, 26),
            )
        },
        |(a, b)| np::concatenate(&[a, b], 1),
    );
    bench.row(
        "randn 1e6",
        || np::random::seed(42),
        |_| np::random::randn(1_000_000),
    );
    bench.row(
        "randint 0..256 1e6",
        || np::random::seed(42),
        |_| np::random::randint(0, 256, 1_000_000),
    );
    bench.row(
        "rng.normal 1e6",
        || std::cell::RefCell::new(np::random::default_rng(42)),
        |g| g.borrow_mut().normal(0.0, 1.0, 1_000_000),
    );
    // np.linalg at 500x500 (faer, single-threaded) and a large Frobenius norm.
    let sym = |seed| {
        let a = uniform(&[500, 500], -1.0, 1.0, seed);
        &a + a.t()
    };
    bench.row(
        "solve 500",
        || {
            (
                uniform(&[500, 500], -1.0, 1.0, 30),
                uniform(&[500], -1.0, 1.0, 31),
            )
        },
        |(a, b)| np::linalg::solve(a, b),
    );
    bench.row(
        "inv 500",
        || uniform(&[500, 500], -1.0, 1.0, 32),
        |a| np::linalg::inv(a),
    );
    bench.row(
        "det 500",
        || uniform(&[500, 500], -1.0, 1.0, 33),
        |a| np::linalg::det(a),
    );
    bench.row(
        "svd 500",
        || uniform(&[500, 500], -1.0, 1.0, 34),
        |a| np::linalg::svd(a),
    );
    bench.row("eigh 500", || sym(35), |a| np::linalg::eigh(a));
    bench.row("eigvalsh 500", || sym(36), |a| np::linalg::eigvalsh(a));
    bench.row(
        "eig 500",
        || uniform(&[500, 500], -1.0, 1.0, 37),
        |a| np::linalg::eig(a),
    );
    bench.row(
        "norm fro 1e6",
        || uniform(&[1000, 1000], -1.0, 1.0, 38),
        |a| np::linalg::norm(a),
    );
    bench.row(
        "matmul 500x500 f64",
        || {
            (
                uniform(&[500, 500], 0.0, 1.0, 39),
                uniform(&[500, 500], 0.0, 1.0, 40),
            )
        },
        |(a, b)| np::matmul(a, b),
    );
    bench.row(
        "sort 1e6",
        || uniform(&[1_000_000], 0.0, 1.0, 27),
        |x| np::sort(x),
    );
    bench.row(
        "argsort 1e6",
        || uniform(&[1_000_000], 0.0, 1.0, 28),
        |x| np::argsort(x),
    );
    bench.row(
        "einsum ij,jk->ik 300",
        || {
            (
                uniform(&[300, 300], 0.0, 1.0, 29),
                uniform(&[300, 300], 0.0, 1.0, 30),
            )
        },
        |(a, b)| np::einsum("ij,jk->ik", &[a, b]),
    );
    bench.row(
        "einsum bij,bjk->bik",
        || {
            (
                uniform(&[32, 64, 64], 0.0, 1.0, 31),
                uniform(&[32, 64, 64], 0.0, 1.0, 32),
            )
        },
        |(a, b)| np::einsum("bij,bjk->bik", &[a, b]),
    );

    // File rows: a 100 MB float64 `.npy` in a temporary directory, removed at the end.
    let dir = std::env::temp_dir().join(format!("arraylib_bench_{}", std::process::id()));
    let npy_file = || {
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("x.npy");
        if !path.exists() {
            np::save(&path, uniform(&[12_500_000], 0.0, 1.0, 27));
        }
        path
    };
    bench.row("load npy 100MB", npy_file, |p| np::load(p));
    bench.row("load npy 100MB mmap", npy_file, |p| {
        np::load_mmap(p, np::MmapMode::ReadOnly)
    });
    bench.row("sum npy 100MB mmap", npy_file, |p| {
        np::load_mmap(p, np::MmapMode::ReadOnly).sum()
    });
    let _ = std::fs::remove_dir_all(&dir);
    bench.row(
        "take 200000 random rows of (1000000,10)",
        || {
            (
                uniform(&[1_000_000, 10], 0.0, 1.0, 27),
                uniform(&[200_000], 0.0, 1e6, 28).astype(DType::Int64),
            )
        },
        |(a, idx)| a.index(s![idx]),
    );
    bench.row(
        "boolean mask on 1e6",
        || uniform(&[1_000_000], 0.0, 1.0, 29),
        |a| a.index(s![a.gt(0.5)]),
    );
    bench.row(
        "mask assign scalar 1e6",
        || uniform(&[1_000_000], 0.0, 1.0, 30),
        |a| a.set(s![a.gt(0.5)], 0.0),
    );
    bench.row(
        "one-hot assign (100000,10)",
        || {
            (
                np::zeros([100_000, 10]),
                uniform(&[100_000], 0.0, 10.0, 31).astype(DType::Int64),
            )
        },
        |(out, labels)| out.set(s![np::arange(100_000), labels], 1.0),
    );
}

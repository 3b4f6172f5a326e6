//! Random numbers: the legacy global functions after `np.random.seed(...)` (MT19937 with
//! NumPy's legacy algorithms) and `default_rng(seed)`'s PCG64 `Generator`, compared bit for
//! bit (`rtol = 0`), plus NumPy's errors. Every case seeds itself: the NumPy side runs in a
//! fresh namespace but shares NumPy's global state with the other cases.

use arraylib as np;
use arraylib::random as rnd;
use arraylib::{Array, DType};

/// The streams must match exactly, floats included.
const EXACT: f64 = 0.0;

fn seeded(seed: u32) {
    rnd::seed(seed);
}

pub fn run() {
    legacy_floats();
    legacy_integers();
    legacy_choice();
    legacy_permutations();
    legacy_errors();
    generator_cases();
    generator_errors();
}

fn legacy_floats() {
    for s in [42u32, 0, 4_294_967_295, 1] {
        case!(
            &format!("seed{s}_rand_scalar"),
            &format!("np.random.seed({s})\nnp.random.rand()"),
            {
                seeded(s);
                rnd::rand(None)
            },
            rtol = EXACT
        );
        case!(
            &format!("seed{s}_rand_3x4"),
            &format!("np.random.seed({s})\nnp.random.rand(3, 4)"),
            {
                seeded(s);
                rnd::rand([3, 4])
            },
            rtol = EXACT
        );
        case!(
            &format!("seed{s}_randn_100x5"),
            &format!("np.random.seed({s})\nnp.random.randn(100, 5)"),
            {
                seeded(s);
                rnd::randn([100, 5])
            },
            rtol = EXACT
        );
        case!(
            &format!("seed{s}_randint_0_10"),
            &format!("np.random.seed({s})\nnp.random.randint(0, 10, size=20)"),
            {
                seeded(s);
                rnd::randint(0, 10, 20)
            }
        );
        case!(
            &format!("seed{s}_permutation_10"),
            &format!("np.random.seed({s})\nnp.random.permutation(10)"),
            {
                seeded(s);
                rnd::permutation(10)
            }
        );
    }
    case!(
        "randn_scalar",
        "np.random.seed(42)\nnp.random.randn()",
        {
            seeded(42);
            rnd::randn(None)
        },
        rtol = EXACT
    );
    case!(
        "randn_3d",
        "np.random.seed(42)\nnp.random.randn(32, 10, 8)",
        {
            seeded(42);
            rnd::randn([32, 10, 8])
        },
        rtol = EXACT
    );
    case!(
        "randn_large",
        "np.random.seed(7)\nnp.random.randn(20000)",
        {
            seeded(7);
            rnd::randn(20000)
        },
        rtol = EXACT
    );
    case!(
        "randn_empty",
        "np.random.seed(42)\nnp.random.randn(0, 3)",
        {
            seeded(42);
            rnd::randn([0, 3])
        }
    );
    case!(
        "randn_0d",
        "np.random.seed(42)\nnp.random.standard_normal(size=())",
        {
            seeded(42);
            rnd::standard_normal(())
        },
        rtol = EXACT
    );
    // An odd count leaves the pair's second value cached for the next call.
    case!(
        "randn_cached_gauss_carries",
        "np.random.seed(42)\na = np.random.randn(3)\nb = np.random.randn(2)\n(a, b)",
        {
            seeded(42);
            (rnd::randn(3), rnd::randn(2))
        },
        rtol = EXACT
    );
    case!(
        "sequence_randn_rand_randint",
        "np.random.seed(42)\na = np.random.randn(3)\nb = np.random.rand(2)\nc = np.random.randint(0, 10, 5)\n(a, b, c)",
        { seeded(42); (rnd::randn(3), rnd::rand(2), rnd::randint(0, 10, 5)) },
        rtol = EXACT
    );
    case!(
        "sequence_rand_randn_normal_uniform",
        "np.random.seed(3)\na = np.random.rand(5)\nb = np.random.randn(5)\nc = np.random.normal(1, 2, 3)\nd = np.random.uniform(-1, 1, 4)\n(a, b, c, d)",
        {
            seeded(3);
            (rnd::rand(5), rnd::randn(5), rnd::normal(1, 2, 3), rnd::uniform(-1, 1, 4))
        },
        rtol = EXACT
    );
    // Reseeding drops the cached normal value.
    case!(
        "reseed_resets_gauss",
        "np.random.seed(1)\nnp.random.randn(1)\nnp.random.seed(1)\nnp.random.randn(2)",
        {
            seeded(1);
            rnd::randn(1);
            seeded(1);
            rnd::randn(2)
        },
        rtol = EXACT
    );
    case!(
        "seed_array",
        "np.random.seed([1, 2, 3])\nnp.random.rand(5)",
        {
            rnd::seed([1, 2, 3]);
            rnd::rand(5)
        },
        rtol = EXACT
    );
    case!(
        "seed_array_one",
        "np.random.seed([42])\nnp.random.randn(4)",
        {
            rnd::seed([42]);
            rnd::randn(4)
        },
        rtol = EXACT
    );
    case!(
        "seed_array_long",
        "np.random.seed(list(range(1000)))\nnp.random.rand(3)",
        {
            rnd::seed((0..1000).collect::<Vec<i64>>());
            rnd::rand(3)
        },
        rtol = EXACT
    );
    case!(
        "random_sample",
        "np.random.seed(5)\nnp.random.random_sample((2, 3))",
        {
            seeded(5);
            rnd::random_sample((2, 3))
        },
        rtol = EXACT
    );
    case!(
        "random_alias",
        "np.random.seed(5)\nnp.random.random(4)",
        {
            seeded(5);
            rnd::random(4)
        },
        rtol = EXACT
    );
    case!(
        "random_scalar",
        "np.random.seed(5)\nnp.random.random()",
        {
            seeded(5);
            rnd::random(None)
        },
        rtol = EXACT
    );
    case!(
        "standard_normal",
        "np.random.seed(9)\nnp.random.standard_normal((3, 3))",
        {
            seeded(9);
            rnd::standard_normal((3, 3))
        },
        rtol = EXACT
    );
    case!(
        "normal_affine",
        "np.random.seed(42)\nnp.random.normal(5, 10, (1000, 3))",
        {
            seeded(42);
            rnd::normal(5, 10, [1000, 3])
        },
        rtol = EXACT
    );
    case!(
        "normal_scalar",
        "np.random.seed(42)\nnp.random.normal(2.5, 0.5)",
        {
            seeded(42);
            rnd::normal(2.5, 0.5, None)
        },
        rtol = EXACT
    );
    case!(
        "normal_scale_zero",
        "np.random.seed(42)\nnp.random.normal(3.0, 0.0, 3)",
        {
            seeded(42);
            rnd::normal(3.0, 0.0, 3)
        },
        rtol = EXACT
    );
    case!(
        "randn_affine",
        "np.random.seed(42)\nnp.random.randn(1000, 3) * 10 + 5",
        {
            seeded(42);
            rnd::randn([1000, 3]) * 10 + 5
        },
        rtol = EXACT
    );
    case!(
        "uniform",
        "np.random.seed(11)\nnp.random.uniform(-3, 7, (4, 5))",
        {
            seeded(11);
            rnd::uniform(-3, 7, [4, 5])
        },
        rtol = EXACT
    );
    case!(
        "uniform_reversed",
        "np.random.seed(11)\nnp.random.uniform(1, 0, 5)",
        {
            seeded(11);
            rnd::uniform(1, 0, 5)
        },
        rtol = EXACT
    );
    case!(
        "uniform_scalar",
        "np.random.seed(11)\nnp.random.uniform()",
        {
            seeded(11);
            rnd::uniform(0.0, 1.0, None)
        },
        rtol = EXACT
    );
    case!(
        "random_state_object",
        "rs = np.random.RandomState(123)\na = rs.randn(4)\nb = rs.randint(0, 100, 4)\n(a, b)",
        {
            let mut rs = rnd::RandomState::new(123);
            (rs.randn(4), rs.randint(0, 100, 4))
        },
        rtol = EXACT
    );
    case!(
        "random_state_array_seed",
        "rs = np.random.RandomState([7, 8])\nrs.rand(3)",
        rnd::RandomState::new([7, 8]).rand(3),
        rtol = EXACT
    );
    // The state is MT19937's: 624 words are used per block, so long streams cross blocks.
    case!(
        "rand_crosses_state_blocks",
        "np.random.seed(2)\nnp.random.rand(1000)[-5:]",
        {
            seeded(2);
            rnd::rand(1000).slice(np::s![-5..])
        },
        rtol = EXACT
    );
}

fn legacy_integers() {
    case!(
        "randint_images",
        "np.random.seed(42)\nnp.random.randint(0, 256, size=(8, 28, 28, 3))",
        {
            seeded(42);
            rnd::randint(0, 256, [8, 28, 28, 3])
        }
    );
    case!(
        "randint_labels",
        "np.random.seed(42)\nnp.random.randint(0, 3, size=(32,))",
        {
            seeded(42);
            rnd::randint(0, 3, (32,))
        }
    );
    case!(
        "randint_scalar",
        "np.random.seed(42)\nnp.random.randint(0, 100)",
        {
            seeded(42);
            rnd::randint(0, 100, None)
        }
    );
    case!(
        "randint_negative_range",
        "np.random.seed(4)\nnp.random.randint(-50, -10, 12)",
        {
            seeded(4);
            rnd::randint(-50, -10, 12)
        }
    );
    case!(
        "randint_one_value",
        "np.random.seed(4)\na = np.random.randint(7, 8, 3)\nb = np.random.rand(1)\n(a, b)",
        {
            seeded(4);
            (rnd::randint(7, 8, 3), rnd::rand(1))
        },
        rtol = EXACT
    );
    case!(
        "randint_wide_range",
        "np.random.seed(4)\nnp.random.randint(0, 2**40, 10)",
        {
            seeded(4);
            rnd::randint(0, 1i64 << 40, 10)
        }
    );
    case!(
        "randint_full_int64",
        "np.random.seed(4)\nnp.random.randint(-2**63, 2**63 - 1, 6)",
        {
            seeded(4);
            rnd::randint(i64::MIN, i64::MAX, 6)
        }
    );
    case!(
        "randint_full_uint64",
        "np.random.seed(4)\nnp.random.randint(0, 2**64, 6, dtype=np.uint64)",
        {
            seeded(4);
            rnd::randint_dtype(0, 1i128 << 64, 6, DType::UInt64)
        }
    );
    case!(
        "randint_empty_skips_checks",
        "np.random.seed(4)\nnp.random.randint(5, 5, size=(2, 0))",
        {
            seeded(4);
            rnd::randint(5, 5, [2, 0])
        }
    );
    let ranges: &[(DType, &str, i64, i64)] = &[
        (DType::Int8, "np.int8", -128, 128),
        (DType::Int8, "np.int8", -5, 9),
        (DType::Int16, "np.int16", -300, 301),
        (DType::Int16, "np.int16", -32768, 32768),
        (DType::Int32, "np.int32", -100000, 100000),
        (DType::Int32, "np.int32", 0, 2),
        (DType::Int64, "np.int64", -7, 1000),
        (DType::UInt8, "np.uint8", 0, 256),
        (DType::UInt8, "np.uint8", 3, 17),
        (DType::UInt16, "np.uint16", 0, 65536),
        (DType::UInt16, "np.uint16", 100, 1000),
        (DType::UInt32, "np.uint32", 0, 1 << 32),
        (DType::UInt32, "np.uint32", 5, 77777),
        (DType::UInt64, "np.uint64", 0, 1 << 50),
        (DType::Bool, "np.bool_", 0, 2),
        (DType::Bool, "np.bool_", 1, 2),
    ];
    for &(dt, py, lo, hi) in ranges {
        case!(
            &format!("randint_{}_{lo}_{hi}", dt.name()),
            &format!("np.random.seed(8)\nnp.random.randint({lo}, {hi}, size=(5, 7), dtype={py})"),
            {
                seeded(8);
                rnd::randint_dtype(lo, hi, [5, 7], dt)
            }
        );
        // The 8- and 16-bit draws share 32-bit words within one call only.
        case!(
            &format!("randint_{}_{lo}_{hi}_then_rand", dt.name()),
            &format!("np.random.seed(8)\na = np.random.randint({lo}, {hi}, 3, dtype={py})\nb = np.random.randint({lo}, {hi}, 3, dtype={py})\nc = np.random.rand(2)\n(a, b, c)"),
            {
                seeded(8);
                (rnd::randint_dtype(lo, hi, 3, dt), rnd::randint_dtype(lo, hi, 3, dt), rnd::rand(2))
            },
            rtol = EXACT
        );
    }
    case!(
        "randint_dtype_scalar",
        "np.random.seed(8)\nnp.random.randint(0, 5, dtype=np.int32)",
        {
            seeded(8);
            rnd::randint_dtype(0, 5, None, DType::Int32)
        }
    );
}

fn legacy_choice() {
    case!(
        "choice_int",
        "np.random.seed(42)\nnp.random.choice(5, 3)",
        {
            seeded(42);
            rnd::choice(5, 3, true, None)
        }
    );
    case!(
        "choice_int_scalar",
        "np.random.seed(42)\nnp.random.choice(5)",
        {
            seeded(42);
            rnd::choice(5, None, true, None)
        }
    );
    case!(
        "choice_shape",
        "np.random.seed(42)\nnp.random.choice(10, (2, 3))",
        {
            seeded(42);
            rnd::choice(10, [2, 3], true, None)
        }
    );
    case!(
        "choice_no_replace",
        "np.random.seed(42)\nnp.random.choice(10, 4, replace=False)",
        {
            seeded(42);
            rnd::choice(10, 4, false, None)
        }
    );
    case!(
        "choice_no_replace_scalar",
        "np.random.seed(42)\nnp.random.choice(10, replace=False)",
        {
            seeded(42);
            rnd::choice(10, None, false, None)
        }
    );
    case!(
        "choice_p",
        "np.random.seed(42)\nnp.random.choice(5, 8, p=[0.1, 0, 0.3, 0.6, 0])",
        {
            seeded(42);
            rnd::choice(5, 8, true, [0.1, 0.0, 0.3, 0.6, 0.0])
        }
    );
    case!(
        "choice_p_scalar",
        "np.random.seed(42)\nnp.random.choice(3, p=[0.2, 0.3, 0.5])",
        {
            seeded(42);
            rnd::choice(3, None, true, [0.2, 0.3, 0.5])
        }
    );
    case!(
        "choice_p_no_replace",
        "np.random.seed(42)\nnp.random.choice(5, 3, replace=False, p=[0.1, 0, 0.3, 0.6, 0])",
        {
            seeded(42);
            rnd::choice(5, 3, false, [0.1, 0.0, 0.3, 0.6, 0.0])
        }
    );
    case!(
        "choice_p_no_replace_many",
        "np.random.seed(3)\np = np.arange(1, 21) / 210\nnp.random.choice(20, 15, replace=False, p=p)",
        {
            seeded(3);
            let p = np::arange((1, 21)) / 210.0;
            rnd::choice(20, 15, false, &p)
        }
    );
    case!(
        "choice_array_float",
        "np.random.seed(42)\nnp.random.choice(np.array([1.5, 2.5, 3.5]), 4)",
        {
            seeded(42);
            rnd::choice(&np::array![1.5, 2.5, 3.5], 4, true, None)
        },
        rtol = EXACT
    );
    case!(
        "choice_array_scalar",
        "np.random.seed(42)\nnp.random.choice(np.array([10, 20, 30], dtype=np.int32))",
        {
            seeded(42);
            rnd::choice(vec![10i32, 20, 30], None, true, None)
        }
    );
    case!(
        "choice_array_no_replace",
        "np.random.seed(42)\nnp.random.choice(np.arange(100.0) * 2, 5, replace=False)",
        {
            seeded(42);
            rnd::choice(np::arange(100.0) * 2, 5, false, None)
        },
        rtol = EXACT
    );
    case!(
        "choice_zero_samples",
        "np.random.seed(42)\nnp.random.choice(0, 0)",
        {
            seeded(42);
            rnd::choice(0, 0, true, None)
        }
    );
    case!(
        "choice_size_0d",
        "np.random.seed(42)\nnp.random.choice(3, ())",
        {
            seeded(42);
            rnd::choice(3, (), true, None)
        }
    );
    case!(
        "choice_p_float32_tolerance",
        "np.random.seed(42)\nnp.random.choice(2, 3, p=np.array([0.5, 0.5001], dtype=np.float32))",
        {
            seeded(42);
            rnd::choice(2, 3, true, &np::array![0.5, 0.5001].astype(np::float32))
        }
    );
}

fn legacy_permutations() {
    case!(
        "permutation_n",
        "np.random.seed(42)\nnp.random.permutation(1000)",
        {
            seeded(42);
            rnd::permutation(1000)
        }
    );
    case!(
        "permutation_array",
        "np.random.seed(42)\nnp.random.permutation(np.array([1.0, 4.0, 9.0, 12.0, 15.0]))",
        {
            seeded(42);
            rnd::permutation(np::array![1.0, 4.0, 9.0, 12.0, 15.0])
        },
        rtol = EXACT
    );
    case!(
        "permutation_2d",
        "np.random.seed(42)\nnp.random.permutation(np.arange(12).reshape(4, 3))",
        {
            seeded(42);
            rnd::permutation(np::arange(12).reshape([4, 3]))
        }
    );
    case!(
        "permutation_zero",
        "np.random.seed(42)\nnp.random.permutation(0)",
        {
            seeded(42);
            rnd::permutation(0)
        }
    );
    case!(
        "permutation_negative",
        "np.random.seed(42)\nnp.random.permutation(-3)",
        {
            seeded(42);
            rnd::permutation(-3)
        }
    );
    case!(
        "permutation_does_not_touch_input",
        "np.random.seed(42)\na = np.arange(5)\np = np.random.permutation(a)\n(a, p)",
        {
            seeded(42);
            let a = np::arange(5);
            let p = rnd::permutation(&a);
            (a, p)
        }
    );
    case!(
        "permutation_train_split",
        "np.random.seed(42)\ndata = np.random.randn(20, 3)\nidx = np.random.permutation(len(data))\ndata[idx[:4]]",
        {
            seeded(42);
            let data = rnd::randn([20, 3]);
            let idx = rnd::permutation(data.len());
            let first: Vec<i64> = idx.to_vec::<i64>()[..4].to_vec();
            np::stack(
                &first.iter().map(|&i| data.slice(np::s![i as isize, ..])).collect::<Vec<_>>(),
                0,
            )
        },
        rtol = EXACT
    );
    case!(
        "shuffle_1d",
        "np.random.seed(42)\na = np.arange(10)\nnp.random.shuffle(a)\na",
        {
            seeded(42);
            let a = np::arange(10);
            rnd::shuffle(&a);
            a
        }
    );
    case!(
        "shuffle_2d_rows",
        "np.random.seed(42)\na = np.arange(15.0).reshape(5, 3)\nnp.random.shuffle(a)\na",
        {
            seeded(42);
            let a = np::arange(15.0).reshape([5, 3]);
            rnd::shuffle(&a);
            a
        },
        rtol = EXACT
    );
    case!(
        "shuffle_view_writes_base",
        "np.random.seed(42)\na = np.arange(10)\nnp.random.shuffle(a[::2])\na",
        {
            seeded(42);
            let a = np::arange(10);
            rnd::shuffle(&a.slice(np::s![..;2]));
            a
        }
    );
    case!(
        "shuffle_transposed_view",
        "np.random.seed(42)\na = np.arange(12).reshape(3, 4)\nnp.random.shuffle(a.T)\na",
        {
            seeded(42);
            let a = np::arange(12).reshape([3, 4]);
            rnd::shuffle(&a.t());
            a
        }
    );
    case!(
        "shuffle_no_elements_draws_nothing",
        "np.random.seed(42)\na = np.zeros((3, 0))\nnp.random.shuffle(a)\nnp.random.rand(2)",
        {
            seeded(42);
            rnd::shuffle(&np::zeros([3, 0]));
            rnd::rand(2)
        },
        rtol = EXACT
    );
    case!(
        "shuffle_uint8",
        "np.random.seed(1)\na = np.arange(20, dtype=np.uint8)\nnp.random.shuffle(a)\na",
        {
            seeded(1);
            let a = np::arange(20).astype(np::uint8);
            rnd::shuffle(&a);
            a
        }
    );
}

fn legacy_errors() {
    case!("seed_negative", "np.random.seed(-1)", rnd::try_seed(-1));
    case!(
        "seed_too_big",
        "np.random.seed(2**32)",
        rnd::try_seed(1i64 << 32)
    );
    case!(
        "seed_empty_array",
        "np.random.seed([])",
        rnd::try_seed(Vec::<i64>::new())
    );
    case!(
        "seed_array_negative",
        "np.random.seed([1, -2])",
        rnd::try_seed([1, -2])
    );
    case!(
        "random_state_bad_seed",
        "np.random.RandomState(2**32)",
        rnd::RandomState::try_new(1u64 << 32).map(|_| ())
    );
    case!("randn_negative", "np.random.randn(-1)", rnd::randn(-1));
    case!("rand_negative", "np.random.rand(2, -3)", rnd::rand([2, -3]));
    case!(
        "randint_low_ge_high",
        "np.random.randint(5, 5)",
        rnd::try_randint(5, 5, None)
    );
    case!(
        "randint_low_gt_high",
        "np.random.randint(10, 3, 4)",
        rnd::try_randint(10, 3, 4)
    );
    case!(
        "randint_low_oob",
        "np.random.randint(-1, 5, dtype=np.uint8)",
        rnd::try_randint_dtype(-1, 5, None, DType::UInt8)
    );
    case!(
        "randint_high_oob",
        "np.random.randint(0, 257, dtype=np.uint8)",
        rnd::try_randint_dtype(0, 257, None, DType::UInt8)
    );
    case!(
        "randint_high_oob_int64",
        "np.random.randint(0, 2**63 + 1)",
        rnd::try_randint(0, (1i128 << 63) + 1, None)
    );
    case!(
        "randint_float_dtype",
        "np.random.randint(0, 5, dtype=np.float64)",
        rnd::try_randint_dtype(0, 5, None, DType::Float64)
    );
    case!(
        "randint_negative_size",
        "np.random.randint(0, 5, size=-1)",
        rnd::try_randint(0, 5, -1)
    );
    case!(
        "normal_negative_scale",
        "np.random.normal(0, -1)",
        rnd::try_normal(0, -1, None)
    );
    case!(
        "normal_negative_zero_scale",
        "np.random.normal(0, -0.0)",
        rnd::try_normal(0.0, -0.0, None)
    );
    case!(
        "uniform_infinite",
        "np.random.uniform(0, np.inf)",
        rnd::try_uniform(0.0, f64::INFINITY, None)
    );
    case!(
        "choice_zero",
        "np.random.choice(0)",
        rnd::try_choice(0, None, true, None)
    );
    case!(
        "choice_negative_pop",
        "np.random.choice(-2, 3)",
        rnd::try_choice(-2, 3, true, None)
    );
    case!(
        "choice_empty",
        "np.random.choice(np.array([]))",
        rnd::try_choice(np::zeros(0), None, true, None)
    );
    case!(
        "choice_2d",
        "np.random.choice(np.zeros((2, 2)))",
        rnd::try_choice(np::zeros([2, 2]), None, true, None)
    );
    case!(
        "choice_p_sum",
        "np.random.choice(3, p=[0.5, 0.6, 0])",
        rnd::try_choice(3, None, true, [0.5, 0.6, 0.0])
    );
    case!(
        "choice_p_size",
        "np.random.choice(3, p=[0.5, 0.5])",
        rnd::try_choice(3, None, true, [0.5, 0.5])
    );
    case!(
        "choice_p_2d",
        "np.random.choice(3, p=np.array([[0.5, 0.5, 0.0]]))",
        rnd::try_choice(3, None, true, &np::array![[0.5, 0.5, 0.0]])
    );
    case!(
        "choice_p_negative",
        "np.random.choice(3, p=[1.5, -0.5, 0])",
        rnd::try_choice(3, None, true, [1.5, -0.5, 0.0])
    );
    case!(
        "choice_p_nan",
        "np.random.choice(3, p=[np.nan, 0.5, 0.5])",
        rnd::try_choice(3, None, true, [f64::NAN, 0.5, 0.5])
    );
    case!(
        "choice_too_many",
        "np.random.choice(3, 4, replace=False)",
        rnd::try_choice(3, 4, false, None)
    );
    case!(
        "choice_negative_no_replace",
        "np.random.choice(3, -1, replace=False)",
        rnd::try_choice(3, -1, false, None)
    );
    case!(
        "choice_negative_replace",
        "np.random.choice(3, -1)",
        rnd::try_choice(3, -1, true, None)
    );
    case!(
        "choice_few_nonzero",
        "np.random.choice(3, 2, replace=False, p=[1, 0, 0])",
        rnd::try_choice(3, 2, false, [1.0, 0.0, 0.0])
    );
    case!(
        "permutation_0d",
        "np.random.permutation(np.array(5.0))",
        rnd::try_permutation(Array::from_vec(vec![5.0], ()))
    );
    case!(
        "shuffle_0d",
        "np.random.shuffle(np.array(5.0))",
        rnd::try_shuffle(&Array::from_vec(vec![5.0], ()))
    );
    case!(
        "shuffle_read_only",
        "a = np.broadcast_to(np.arange(3), (2, 3))\nnp.random.shuffle(a)",
        rnd::try_shuffle(&np::arange(3).broadcast_to([2, 3]))
    );
}

fn generator_cases() {
    for s in [0u64, 42, 12345, 4_294_967_295, 1 << 40] {
        case!(
            &format!("rng{s}_random"),
            &format!("np.random.default_rng({s}).random(20)"),
            rnd::default_rng(s).random(20),
            rtol = EXACT
        );
        case!(
            &format!("rng{s}_integers"),
            &format!("np.random.default_rng({s}).integers(0, 10, 20)"),
            rnd::default_rng(s).integers(0, 10, 20)
        );
        case!(
            &format!("rng{s}_permutation"),
            &format!("np.random.default_rng({s}).permutation(12)"),
            rnd::default_rng(s).permutation(12)
        );
        case!(
            &format!("rng{s}_standard_normal"),
            &format!("np.random.default_rng({s}).standard_normal(50)"),
            rnd::default_rng(s).standard_normal(50),
            rtol = EXACT
        );
    }
    case!(
        "rng_scalar_random",
        "np.random.default_rng(42).random()",
        rnd::default_rng(42).random(None),
        rtol = EXACT
    );
    case!(
        "rng_seed_array",
        "np.random.default_rng([1, 2, 3]).random(4)",
        rnd::default_rng([1, 2, 3]).random(4),
        rtol = EXACT
    );
    case!(
        "rng_seed_many_words",
        "np.random.default_rng(list(range(10))).random(3)",
        rnd::default_rng((0..10).collect::<Vec<u64>>()).random(3),
        rtol = EXACT
    );
    case!(
        "rng_seed_2_64",
        "np.random.default_rng(2**64).random(3)",
        rnd::default_rng(1i128 << 64).random(3),
        rtol = EXACT
    );
    case!(
        "rng_normal_large",
        "np.random.default_rng(5).standard_normal(100000)",
        rnd::default_rng(5).standard_normal(100_000),
        rtol = EXACT
    );
    case!(
        "rng_normal_loc_scale",
        "np.random.default_rng(5).normal(3, 2.5, (50, 4))",
        rnd::default_rng(5).normal(3, 2.5, [50, 4]),
        rtol = EXACT
    );
    case!(
        "rng_normal_scalar",
        "np.random.default_rng(5).normal()",
        rnd::default_rng(5).normal(0, 1, None),
        rtol = EXACT
    );
    case!(
        "rng_uniform",
        "np.random.default_rng(5).uniform(-2, 3, 10)",
        rnd::default_rng(5).uniform(-2, 3, 10),
        rtol = EXACT
    );
    case!(
        "rng_integers_wide",
        "np.random.default_rng(5).integers(-2**40, 2**40, 10)",
        rnd::default_rng(5).integers(-(1i64 << 40), 1i64 << 40, 10)
    );
    case!(
        "rng_integers_scalar",
        "np.random.default_rng(5).integers(0, 1000)",
        rnd::default_rng(5).integers(0, 1000, None)
    );
    let ranges: &[(DType, &str, i64, i64)] = &[
        (DType::Int8, "np.int8", -100, 100),
        (DType::Int16, "np.int16", -1000, 3),
        (DType::Int32, "np.int32", 0, 7),
        (DType::UInt8, "np.uint8", 0, 256),
        (DType::UInt8, "np.uint8", 0, 200),
        (DType::UInt16, "np.uint16", 0, 50000),
        (DType::UInt32, "np.uint32", 0, 3_000_000_000),
        (DType::UInt64, "np.uint64", 0, 1 << 60),
        (DType::Bool, "np.bool_", 0, 2),
    ];
    for &(dt, py, lo, hi) in ranges {
        case!(
            &format!("rng_integers_{}_{lo}_{hi}", dt.name()),
            &format!("g = np.random.default_rng(9)\na = g.integers({lo}, {hi}, 9, dtype={py})\nb = g.random(2)\n(a, b)"),
            {
                let mut g = rnd::default_rng(9);
                (g.integers_dtype(lo, hi, 9, dt), g.random(2))
            },
            rtol = EXACT
        );
    }
    case!(
        "rng_sequence",
        "g = np.random.default_rng(1)\na = g.integers(0, 5, 3)\nb = g.standard_normal(3)\nc = g.random(3)\nd = g.permutation(6)\n(a, b, c, d)",
        {
            let mut g = rnd::default_rng(1);
            (g.integers(0, 5, 3), g.standard_normal(3), g.random(3), g.permutation(6))
        },
        rtol = EXACT
    );
    case!(
        "rng_choice_int",
        "np.random.default_rng(3).choice(10, 6)",
        rnd::default_rng(3).choice(10, 6, true, None)
    );
    case!(
        "rng_choice_scalar",
        "np.random.default_rng(3).choice(10)",
        rnd::default_rng(3).choice(10, None, true, None)
    );
    case!(
        "rng_choice_no_replace",
        "np.random.default_rng(3).choice(100, 7, replace=False)",
        rnd::default_rng(3).choice(100, 7, false, None)
    );
    case!(
        "rng_choice_no_replace_tail_shuffle",
        "np.random.default_rng(3).choice(20000, 500, replace=False)",
        rnd::default_rng(3).choice(20000, 500, false, None)
    );
    case!(
        "rng_choice_no_replace_all",
        "np.random.default_rng(3).choice(30, 30, replace=False)",
        rnd::default_rng(3).choice(30, 30, false, None)
    );
    case!(
        "rng_choice_p",
        "np.random.default_rng(3).choice(4, 10, p=[0.1, 0.2, 0.3, 0.4])",
        rnd::default_rng(3).choice(4, 10, true, [0.1, 0.2, 0.3, 0.4])
    );
    case!(
        "rng_choice_p_no_replace",
        "np.random.default_rng(3).choice(4, 3, replace=False, p=[0.1, 0.2, 0.3, 0.4])",
        rnd::default_rng(3).choice(4, 3, false, [0.1, 0.2, 0.3, 0.4])
    );
    case!(
        "rng_choice_array_rows",
        "np.random.default_rng(3).choice(np.arange(12).reshape(4, 3), 2)",
        rnd::default_rng(3).choice(np::arange(12).reshape([4, 3]), 2, true, None)
    );
    case!(
        "rng_choice_array",
        "np.random.default_rng(3).choice(np.array([0.5, 1.5, 2.5]), (2, 2))",
        rnd::default_rng(3).choice(np::array![0.5, 1.5, 2.5], [2, 2], true, None),
        rtol = EXACT
    );
    case!(
        "rng_permutation_2d",
        "np.random.default_rng(3).permutation(np.arange(12).reshape(4, 3))",
        rnd::default_rng(3).permutation(np::arange(12).reshape([4, 3]))
    );
    case!(
        "rng_shuffle",
        "g = np.random.default_rng(3)\na = np.arange(10.0)\ng.shuffle(a)\na",
        {
            let a = np::arange(10.0);
            rnd::default_rng(3).shuffle(&a);
            a
        },
        rtol = EXACT
    );
    case!(
        "rng_shuffle_2d",
        "g = np.random.default_rng(3)\na = np.arange(12).reshape(4, 3)\ng.shuffle(a)\na",
        {
            let a = np::arange(12).reshape([4, 3]);
            rnd::default_rng(3).shuffle(&a);
            a
        }
    );
}

fn generator_errors() {
    case!(
        "rng_negative_seed",
        "np.random.default_rng(-1)",
        rnd::try_default_rng(-1).map(|_| ())
    );
    case!(
        "rng_integers_low_ge_high",
        "np.random.default_rng(0).integers(5, 5)",
        rnd::default_rng(0).try_integers(5, 5, None)
    );
    case!(
        "rng_integers_float_dtype",
        "np.random.default_rng(0).integers(0, 5, dtype=np.float32)",
        rnd::default_rng(0).try_integers_dtype(0, 5, None, DType::Float32)
    );
    case!(
        "rng_normal_negative_scale",
        "np.random.default_rng(0).normal(0, -1)",
        rnd::default_rng(0).try_normal(0, -1, None)
    );
    case!(
        "rng_uniform_reversed",
        "np.random.default_rng(0).uniform(1, 0)",
        rnd::default_rng(0).try_uniform(1, 0, None)
    );
    case!(
        "rng_uniform_infinite",
        "np.random.default_rng(0).uniform(0, np.inf)",
        rnd::default_rng(0).try_uniform(0.0, f64::INFINITY, None)
    );
    case!(
        "rng_choice_zero",
        "np.random.default_rng(0).choice(0)",
        rnd::default_rng(0).try_choice(0, None, true, None)
    );
    case!(
        "rng_choice_empty",
        "np.random.default_rng(0).choice(np.array([]))",
        rnd::default_rng(0).try_choice(np::zeros(0), None, true, None)
    );
    case!(
        "rng_choice_p_sum",
        "np.random.default_rng(0).choice(3, p=[0.5, 0.6, 0])",
        rnd::default_rng(0).try_choice(3, None, true, [0.5, 0.6, 0.0])
    );
    case!(
        "rng_choice_p_size",
        "np.random.default_rng(0).choice(3, p=[0.5, 0.5])",
        rnd::default_rng(0).try_choice(3, None, true, [0.5, 0.5])
    );
    case!(
        "rng_choice_p_negative",
        "np.random.default_rng(0).choice(3, p=[1.5, -0.5, 0])",
        rnd::default_rng(0).try_choice(3, None, true, [1.5, -0.5, 0.0])
    );
    case!(
        "rng_choice_p_nan",
        "np.random.default_rng(0).choice(3, p=[np.nan, 0.5, 0.5])",
        rnd::default_rng(0).try_choice(3, None, true, [f64::NAN, 0.5, 0.5])
    );
    case!(
        "rng_choice_too_many",
        "np.random.default_rng(0).choice(3, 4, replace=False)",
        rnd::default_rng(0).try_choice(3, 4, false, None)
    );
    case!(
        "rng_choice_negative_no_replace",
        "np.random.default_rng(0).choice(3, -1, replace=False)",
        rnd::default_rng(0).try_choice(3, -1, false, None)
    );
    case!(
        "rng_permutation_0d",
        "np.random.default_rng(0).permutation(np.array(5.0))",
        rnd::default_rng(0).try_permutation(Array::from_vec(vec![5.0], ()))
    );
    case!(
        "rng_shuffle_0d",
        "np.random.default_rng(0).shuffle(np.array(5.0))",
        rnd::default_rng(0).try_shuffle(&Array::from_vec(vec![5.0], ()))
    );
}

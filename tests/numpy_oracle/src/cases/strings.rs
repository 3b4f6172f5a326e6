//! Differential cases for strings: the Unicode string dtype (`<U{n}`), its creation, dtype
//! name and sizes, printing, comparisons, indexing and joining, `astype` both ways, and the
//! errors of numeric operations on strings.

#[allow(unused_imports)]
use arraylib as np;
use arraylib::prelude::*;
use arraylib::{s, DType};

fn names() -> Array {
    np::array!["Alice", "Bob", "Charlie", "Diana", "Eve", "Frank", "Grace", "Henry"]
}

fn scores() -> Array {
    np::array![85, 92, 78, 96, 88, 73, 91, 82]
}

fn ab() -> Array {
    np::array!["a", "bb"]
}

fn ba() -> Array {
    np::array!["b", "a"]
}

fn grid() -> Array {
    np::array![["a", "bb"], ["ccc", "d"]]
}

fn npy_read(a: &Array) -> np::Result<Array> {
    let mut v = Vec::new();
    np::write_npy(&mut v, a)?;
    np::read_npy(&mut v.as_slice())
}

fn npy_hex(a: &Array) -> String {
    let mut v = Vec::new();
    np::write_npy(&mut v, a).unwrap();
    v.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn run() {
    py_setup!(
        "names = np.array(['Alice', 'Bob', 'Charlie', 'Diana', 'Eve', 'Frank', 'Grace', 'Henry'])\n\
         scores = np.array([85, 92, 78, 96, 88, 73, 91, 82])\n\
         ab = np.array(['a', 'bb'])\n\
         ba = np.array(['b', 'a'])\n\
         grid = np.array([['a', 'bb'], ['ccc', 'd']])\n\
         import io\n\
         def npy(a):\n    f = io.BytesIO()\n    np.save(f, a)\n    return f.getvalue().hex()\n\
         def npy_read(a):\n    f = io.BytesIO()\n    np.save(f, a)\n    f.seek(0)\n    return np.lib.format.read_array(f)"
    );

    // ----- creation, dtype and sizes ------------------------------------------------------------
    case!("create_macro", "names", names());
    case!(
        "create_vec",
        "np.array(['Alice', 'Bob'])",
        np::array(vec!["Alice", "Bob"])
    );
    case!(
        "create_strings",
        "np.array(['x', 'yy'])",
        np::array(vec![String::from("x"), String::from("yy")])
    );
    case!("create_2d", "grid", grid());
    case!(
        "from_strs_shape",
        "np.array(['a', 'b', 'c', 'd', 'e', 'f']).reshape(2, 3)",
        Array::from_strs(&["a", "b", "c", "d", "e", "f"], [2, 3])
    );
    case!(
        "from_strs_size_error",
        "np.array(['a', 'b']).reshape(3)",
        Array::try_from_strs(&["a", "b"], [3])
    );
    case!(
        "create_empty",
        "np.array([], dtype=str)",
        Array::from_strs(&[] as &[&str], [0])
    );
    case!("create_empty_string", "np.array([''])", np::array![""]);
    case!(
        "create_unicode",
        "np.array(['\u{e4}\u{20ac}\u{1f600}', 'x'])",
        np::array!["\u{e4}\u{20ac}\u{1f600}", "x"]
    );
    case!("create_0d", "np.array('ab')", np::array("ab"));
    case!("create_mixed_int", "np.array(['a', 1])", np::array!["a", 1]);
    case!(
        "create_mixed_float",
        "np.array([1.5, 'a'])",
        np::array![1.5, "a"]
    );
    case!("dtype", "names.dtype", names().dtype());
    case!("dtype_str", "str(names.dtype)", names().dtype().to_string());
    case!(
        "dtype_str_of_mask_result",
        "str(names[scores > 85].dtype)",
        names().index(s![scores().gt(85)]).dtype().to_string()
    );
    case!("itemsize", "names.itemsize", names().itemsize());
    case!("nbytes", "names.nbytes", names().nbytes());
    case!("strides_2d", "grid.strides", grid().strides());
    case!(
        "zeros_dtype",
        "np.zeros(3, dtype='U4')",
        np::zeros_dtype(3, DType::Str(4))
    );
    case!(
        "ones_dtype",
        "np.ones((2, 2), dtype='U2')",
        np::ones_dtype([2, 2], DType::Str(2))
    );
    case!(
        "zeros_like",
        "np.zeros_like(names)",
        np::zeros_like(names())
    );
    case!("full_like", "np.full_like(ab, 7)", np::full_like(ab(), 7));

    // ----- printing --------------------------------------------------------------------------------
    case_str!("str_1d", "names", names());
    case_repr!("repr_1d", "names", names());
    case_str!("str_mask_result", "names[scores > 85]", {
        names().index(s![scores().gt(85)])
    });
    case_repr!("repr_mask_result", "names[scores > 85]", {
        names().index(s![scores().gt(85)])
    });
    case_str!("str_2d", "grid", grid());
    case_repr!("repr_2d", "grid", grid());
    case_str!("str_3d", "grid.reshape(2, 1, 2)", grid().reshape([2, 1, 2]));
    case_repr!(
        "repr_3d",
        "grid.reshape(2, 1, 2)",
        grid().reshape([2, 1, 2])
    );
    case_str!(
        "str_empty",
        "np.array([], dtype='U3')",
        np::zeros_dtype(0, DType::Str(3))
    );
    case_repr!(
        "repr_empty",
        "np.array([], dtype='U3')",
        np::zeros_dtype(0, DType::Str(3))
    );
    case_repr!(
        "repr_empty_2d",
        "np.zeros((0, 3), dtype='U2')",
        np::zeros_dtype([0, 3], DType::Str(2))
    );
    case_str!("str_0d", "np.array('ab')", np::array("ab"));
    case_repr!("repr_0d", "np.array('ab')", np::array("ab"));
    case_repr!("repr_element", "names[1]", names().slice(s![1]));
    case_str!("str_element", "names[1]", names().slice(s![1]));
    case_repr!(
        "repr_quotes_and_escapes",
        "np.array([\"it's\", 'a\\tb', 'q\"', 'back\\\\slash', 'both\\'\"'])",
        np::array!["it's", "a\tb", "q\"", "back\\slash", "both'\""]
    );
    case_repr!(
        "repr_unicode",
        "np.array(['\u{e9}t\u{e9}', '\u{1f600}', '\u{a0}'])",
        np::array!["\u{e9}t\u{e9}", "\u{1f600}", "\u{a0}"]
    );
    case_str!(
        "str_summarized",
        "np.array(['w%d' % i for i in range(1200)])",
        {
            let v: Vec<String> = (0..1200).map(|i| format!("w{i}")).collect();
            Array::from_strs(&v, [1200])
        }
    );
    case_repr!(
        "repr_summarized",
        "np.array(['w%d' % i for i in range(1200)])",
        {
            let v: Vec<String> = (0..1200).map(|i| format!("w{i}")).collect();
            Array::from_strs(&v, [1200])
        }
    );
    case_str!(
        "str_long_wraps",
        "np.array(['x' * 30, 'y' * 30, 'z' * 30])",
        np::array!["x".repeat(30), "y".repeat(30), "z".repeat(30)]
    );
    case_repr!(
        "repr_long_wraps",
        "np.array(['x' * 30, 'y' * 30, 'z' * 30])",
        np::array!["x".repeat(30), "y".repeat(30), "z".repeat(30)]
    );
    case_str!(
        "str_summarized_2d",
        "np.array([['r%dc%d' % (i, j) for j in range(40)] for i in range(30)])",
        {
            let v: Vec<String> = (0..30)
                .flat_map(|i| (0..40).map(move |j| format!("r{i}c{j}")))
                .collect();
            Array::from_strs(&v, [30, 40])
        }
    );
    case_repr!(
        "repr_wrapped_2d",
        "np.array([['x' * 20, 'y' * 25, 'z'], ['\u{e9}' * 30, '', 'w' * 12]])",
        np::array![
            ["x".repeat(20), "y".repeat(25), "z".to_string()],
            ["\u{e9}".repeat(30), String::new(), "w".repeat(12)]
        ]
    );
    case!(
        "tutorial_print",
        "f'High performer names: {names[scores > 85]}'",
        format!(
            "High performer names: {}",
            names().index(s![scores().gt(85)])
        )
    );

    // ----- comparisons ------------------------------------------------------------------------------
    case!("eq_str", "names == 'Bob'", names().eq("Bob"));
    case!("ne_str", "names != 'Bob'", names().ne("Bob"));
    case!("lt_str", "names < 'Diana'", names().lt("Diana"));
    case!("ge_str", "names >= 'Diana'", names().ge("Diana"));
    case!("str_on_left", "np.less('b', ab)", np::less("b", &ab()));
    case!("lt_arrays", "ab < ba", ab().lt(&ba()));
    case!("le_arrays", "ab <= ba", ab().le(&ba()));
    case!("gt_prefix", "np.array(['ab', 'a', 'b']) > 'a'", {
        np::array!["ab", "a", "b"].gt("a")
    });
    case!(
        "eq_broadcast",
        "ab[:, None] == np.array(['a', 'x', 'bb'])",
        ab().slice(s![.., NewAxis]).eq(&np::array!["a", "x", "bb"])
    );
    case!(
        "eq_grid_row",
        "grid == np.array(['a', 'd'])",
        grid().eq(&np::array!["a", "d"])
    );
    case!("eq_number_operator", "ab == 1", ab().eq(1));
    case!("ne_number_operator", "ab != 1.5", ab().ne(1.5));
    case!(
        "equal_int_array_error",
        "np.equal(ab, np.array([1, 2]))",
        np::comparison::try_equal(&ab(), &np::array![1, 2])
    );
    case!(
        "lt_number_error",
        "ab < 1",
        np::comparison::try_less(&ab(), 1)
    );
    case!(
        "gt_bool_error",
        "ab > True",
        np::comparison::try_greater(&ab(), true)
    );
    case!("array_equal", "np.array_equal(ab, ab.copy())", {
        np::array_equal(&ab(), &ab().copy())
    });
    case!("array_equal_differs", "np.array_equal(ab, ba)", {
        np::array_equal(&ab(), &ba())
    });

    // ----- concatenation with + ------------------------------------------------------------------
    case!("add_arrays", "ab + ba", &ab() + &ba());
    case!("add_str", "ab + 'x'", &ab() + "x");
    case!("add_str_left", "np.add('x', ab)", np::add("x", &ab()));
    case!(
        "add_broadcast",
        "ab[:, None] + ba",
        ab().slice(s![.., NewAxis]) + &ba()
    );

    // ----- indexing, views and copies ----------------------------------------------------------------
    case!(
        "mask",
        "names[scores > 85]",
        names().index(s![scores().gt(85)])
    );
    case!(
        "mask_from_strings",
        "names[names != 'Bob']",
        names().index(s![names().ne("Bob")])
    );
    case!("fancy", "names[[2, 0, 2]]", names().index(s![[2, 0, 2]]));
    case!(
        "fancy_negative",
        "names[[-1, -8]]",
        names().index(s![[-1, -8]])
    );
    case!(
        "fancy_out_of_bounds",
        "names[[8]]",
        names().try_index(s![[8]])
    );
    case!("fancy_2d", "grid[[1, 0], 1]", grid().index(s![[1, 0], 1]));
    case!(
        "mask_2d",
        "grid[grid != 'a']",
        grid().index(s![grid().ne("a")])
    );
    case!("take", "np.take(names, [1, 3])", np::take(names(), [1, 3]));
    case!(
        "take_one",
        "np.take(names, 2)",
        np::take(names(), np::array(2))
    );
    case!("compress", "np.compress([True, False, True], names)", {
        np::compress([true, false, true], names())
    });
    case!("slice_step", "names[1:6:2]", names().slice(s![1..6;2]));
    case!("slice_reversed", "names[::-1]", names().slice(s![..;-1]));
    case!(
        "slice_view_shares",
        "np.shares_memory(names, names[::2])",
        {
            let n = names();
            n.shares_memory(&n.slice(s![..;2]))
        }
    );
    case!("element", "names[2]", names().get_str([2]));
    case!("element_negative", "names[-1]", names().get_str([-1]));
    case!("element_2d", "grid[1, 0]", grid().get_str([1, 0]));
    case!("element_scalar", "names[1]", names().slice(s![1]));
    case!(
        "element_out_of_bounds",
        "names[8]",
        names().try_get_str([8])
    );
    case!(
        "reshape_transpose",
        "names.reshape(2, 4).T",
        names().reshape([2, 4]).t()
    );
    case!(
        "transpose_copy",
        "names.reshape(2, 4).T.copy()",
        names().reshape([2, 4]).t().copy()
    );
    case!(
        "transpose_ravel",
        "names.reshape(2, 4).T.ravel()",
        names().reshape([2, 4]).t().ravel()
    );
    case!("flip", "np.flip(grid)", np::flip(grid()));
    case!(
        "broadcast_to",
        "np.broadcast_to(ab, (2, 2))",
        ab().broadcast_to([2, 2])
    );
    case!("set_element_truncates", "a = ab.copy()\na[0] = 'xyz'\na", {
        let a = ab().copy();
        a.set([0], "xyz");
        a
    });
    case!("set_mask", "a = names.copy()\na[scores > 85] = 'top'\na", {
        let a = names().copy();
        a.set(s![scores().gt(85)], "top");
        a
    });
    case!("set_number", "a = ab.copy()\na[1] = 7\na", {
        let a = ab().copy();
        a.set([1], 7);
        a
    });
    case!(
        "set_slice_through_view",
        "a = names.copy()\na[:2] = ['x', 'y']\na",
        {
            let a = names().copy();
            a.slice(s![..2]).assign(&np::array!["x", "y"]);
            a
        }
    );
    case!(
        "put",
        "a = names.copy()\nnp.put(a, [0, 7], ['Zed', 'Ann'])\na",
        {
            let a = names().copy();
            np::put(&a, [0, 7], np::array!["Zed", "Ann"]);
            a
        }
    );

    // ----- joining, repeating, choosing ----------------------------------------------------------------
    case!(
        "concatenate_widens",
        "np.concatenate([ab, np.array(['cccc'])])",
        np::concatenate(&[ab(), np::array!["cccc"]], 0)
    );
    case!(
        "concatenate_with_numbers",
        "np.concatenate([ab, np.array([1, 2])])",
        np::concatenate(&[ab(), np::array![1, 2]], 0)
    );
    case!("stack", "np.stack([ab, ba])", np::stack(&[ab(), ba()], 0));
    case!(
        "stack_axis1",
        "np.stack([ab, ba], axis=1)",
        np::stack(&[ab(), ba()], 1)
    );
    case!("vstack", "np.vstack([ab, ba])", np::vstack(&[ab(), ba()]));
    case!("hstack", "np.hstack([ab, ba])", np::hstack(&[ab(), ba()]));
    case!("repeat", "np.repeat(ab, 2)", np::repeat(ab(), 2));
    case!("tile", "np.tile(ab, (2, 2))", np::tile(ab(), [2, 2]));
    case!(
        "where_arrays",
        "np.where(scores > 85, names, 'low')",
        np::where_(scores().gt(85), &names(), "low")
    );
    case!(
        "where_two_arrays",
        "np.where([True, False], ab, ba)",
        np::where_(np::array![true, false], &ab(), &ba())
    );

    // ----- sorting and searching ---------------------------------------------------------------------
    case!(
        "sort",
        "np.sort(np.array(['pear', 'apple', 'fig', 'apple']))",
        np::sort(np::array!["pear", "apple", "fig", "apple"])
    );
    case!(
        "argsort",
        "np.argsort(np.array(['pear', 'apple', 'fig', 'apple']))",
        np::argsort(np::array!["pear", "apple", "fig", "apple"])
    );
    case!(
        "sort_axis0",
        "np.sort(np.array([['b', 'a'], ['a', 'c']]), axis=0)",
        np::sort_axis(np::array![["b", "a"], ["a", "c"]], 0)
    );
    case!(
        "unique",
        "np.unique(np.array(['b', 'a', 'b', '']))",
        np::unique(np::array!["b", "a", "b", ""])
    );
    case!(
        "unique_counts",
        "tuple(np.unique_counts(np.array(['b', 'a', 'b'])))",
        np::unique_counts(np::array!["b", "a", "b"])
    );
    case!(
        "searchsorted",
        "np.searchsorted(np.array(['a', 'c', 'e']), np.array(['b', 'e', 'z']))",
        np::searchsorted(np::array!["a", "c", "e"], &np::array!["b", "e", "z"])
    );
    case!("argmax", "names.argmax()", names().argmax());
    case!("argmin", "names.argmin()", names().argmin());
    case!(
        "nonzero",
        "np.nonzero(np.array(['a', '', 'b']))",
        np::nonzero(np::array!["a", "", "b"])
    );
    case!(
        "count_nonzero",
        "np.count_nonzero(np.array(['a', '', 'b']))",
        np::count_nonzero(np::array!["a", "", "b"])
    );
    case!("any", "np.array(['', '']).any()", np::array!["", ""].any());

    // ----- astype ----------------------------------------------------------------------------------------
    case!(
        "int_to_str",
        "np.array([1, 22]).astype(str)",
        np::array![1, 22].astype(np::str_)
    );
    case!(
        "int8_to_str",
        "np.array([1, -2], dtype=np.int8).astype(str)",
        np::array![1, -2].astype(np::int8).astype(np::str_)
    );
    case!(
        "float_to_str",
        "np.array([0.1, 1e20, 1/3, 2.0]).astype(str)",
        np::array![0.1, 1e20, 1.0 / 3.0, 2.0].astype(np::str_)
    );
    case!(
        "float32_to_str",
        "np.array([0.1, 1/3], dtype=np.float32).astype(str)",
        np::array![0.1, 1.0 / 3.0]
            .astype(np::float32)
            .astype(np::str_)
    );
    case!(
        "bool_to_str",
        "np.array([True, False]).astype(str)",
        np::array![true, false].astype(np::str_)
    );
    case!(
        "complex_to_str",
        "np.array([1+2j, complex(0, -1)]).astype(str)",
        np::array![
            np::Complex128::new(1.0, 2.0),
            np::Complex128::new(0.0, -1.0)
        ]
        .astype(np::str_)
    );
    case!(
        "int_to_str_width",
        "np.array([123, 2]).astype('U2')",
        np::array![123, 2].astype(DType::Str(2))
    );
    case!(
        "str_to_int",
        "np.array([' 12 ', '+3', '-4']).astype(int)",
        np::array![" 12 ", "+3", "-4"].astype(np::int64)
    );
    case!(
        "str_to_int8_overflow",
        "np.array(['300']).astype(np.int8)",
        np::array!["300"].try_astype(np::int8)
    );
    case!(
        "str_to_int_error",
        "np.array(['1.5']).astype(int)",
        np::array!["1.5"].try_astype(np::int64)
    );
    case!(
        "str_to_float",
        "np.array(['1.5', 'nan', '-inf', '1e3']).astype(float)",
        np::array!["1.5", "nan", "-inf", "1e3"].astype(np::float64)
    );
    case!(
        "str_to_float_error",
        "np.array(['1.5', 'x']).astype(float)",
        np::array!["1.5", "x"].try_astype(np::float64)
    );
    case!(
        "str_to_bool",
        "np.array(['', 'False', '0']).astype(bool)",
        np::array!["", "False", "0"].astype(np::bool_)
    );
    case!(
        "str_to_wider",
        "ab.astype('U5')",
        ab().astype(DType::Str(5))
    );
    case!(
        "str_to_narrower",
        "names.astype('U3')",
        names().astype(DType::Str(3))
    );

    // ----- numeric operations are errors ---------------------------------------------------------------
    case!("subtract_error", "ab - ba", np::try_subtract(&ab(), &ba()));
    case!("subtract_int_error", "ab - 1", np::try_subtract(&ab(), 1));
    case!("add_int_error", "ab + 1", np::try_add(&ab(), 1));
    case!("add_float_error", "1.5 + ab", np::try_add(1.5, &ab()));
    case!("multiply_error", "ab * ab", np::try_multiply(&ab(), &ab()));
    case!("multiply_int_error", "ab * 2", np::try_multiply(&ab(), 2));
    case!("divide_error", "ab / ab", np::try_divide(&ab(), &ab()));
    case!(
        "floor_divide_error",
        "ab // 2",
        np::try_floor_divide(&ab(), 2)
    );
    case!("power_error", "ab ** 3", np::try_power(&ab(), 3));
    case!("negative_error", "-ab", -&ab());
    case!("sqrt_error", "np.sqrt(ab)", np::sqrt(&ab()));
    case!("exp_error", "np.exp(ab)", np::exp(&ab()));
    case!("abs_error", "np.abs(ab)", np::ufuncs::try_abs(&ab()));
    case!("floor_error", "np.floor(ab)", np::ufuncs::try_floor(&ab()));
    case!("round_error", "np.round(ab)", np::round(&ab(), 0));
    case!(
        "maximum_error",
        "np.maximum(ab, ba)",
        np::ufuncs::try_maximum(&ab(), &ba())
    );
    case!(
        "clip_error",
        "np.clip(ab, 'a', 'b')",
        np::ufuncs::try_clip(&ab(), "a", "b")
    );
    case!("bitwise_error", "ab & ab", &ab() & &ab());
    case!("sum_error", "ab.sum()", ab().sum());
    case!(
        "sum_axis_error",
        "np.sum(grid, axis=0)",
        np::sum_axis(grid(), 0, false)
    );
    case!("mean_error", "ab.mean()", np::mean(ab()));
    case!("std_error", "ab.std()", np::std(ab()));
    case!("prod_error", "ab.prod()", np::prod(ab()));
    case!("max_error", "ab.max()", ab().max());
    case!("min_error", "np.min(ab)", np::amin(ab()));
    case!("cumsum_error", "np.cumsum(ab)", np::cumsum(ab()));
    case!("median_error", "np.median(ab)", np::median(ab()));
    case!(
        "matmul_error",
        "grid @ grid",
        np::try_matmul(&grid(), &grid())
    );
    case!("dot_error", "np.dot(ab, ab)", np::try_dot(&ab(), &ab()));

    // ----- .npy -----------------------------------------------------------------------------------------
    case!("npy_bytes", "npy(names)", npy_hex(&names()));
    case!("npy_bytes_2d", "npy(grid)", npy_hex(&grid()));
    case!("npy_round_trip", "npy_read(names)", npy_read(&names()));
    case!(
        "npy_round_trip_fortran",
        "npy_read(grid.T)",
        npy_read(&grid().t())
    );
    case!(
        "npy_round_trip_unicode",
        "npy_read(np.array(['\u{e9}', '\u{1f600}x']))",
        npy_read(&np::array!["\u{e9}", "\u{1f600}x"])
    );
}

//! Files and text: `loadtxt`, `genfromtxt`, `savetxt` (through strings) and the exact bytes
//! of `.npy` data written to memory. File round trips with NumPy are in
//! `tests/test_npy_files.py`.

use arraylib as np;
use arraylib::{Array, GenFromTxt, LoadTxt, SaveTxt};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn npy_hex(a: &Array) -> String {
    let mut v = Vec::new();
    np::write_npy(&mut v, a).unwrap();
    hex(&v)
}

fn npy_read(a: &Array) -> np::Result<Array> {
    let mut v = Vec::new();
    np::write_npy(&mut v, a)?;
    np::read_npy(&mut v.as_slice())
}

fn lt() -> LoadTxt {
    LoadTxt::new()
}

fn gt() -> GenFromTxt {
    GenFromTxt::new()
}

pub fn run() {
    py_setup!(
        "import io\n\
         def lt(text, **kw):\n    return np.loadtxt(io.StringIO(text), **kw)\n\
         def gt(text, **kw):\n    return np.genfromtxt(io.StringIO(text), **kw)\n\
         def st(a, **kw):\n    f = io.StringIO()\n    np.savetxt(f, a, **kw)\n    return f.getvalue()\n\
         def npy(a):\n    f = io.BytesIO()\n    np.save(f, a)\n    return f.getvalue().hex()\n\
         def npy_read(a):\n    f = io.BytesIO()\n    np.save(f, a)\n    f.seek(0)\n    return np.lib.format.read_array(f)"
    );

    // ----- loadtxt -------------------------------------------------------------------------------
    case!(
        "loadtxt_csv",
        "lt('1,2,3\\n4,5,6\\n', delimiter=',')",
        lt().delimiter(",").try_load_str("1,2,3\n4,5,6\n")
    );
    case!(
        "loadtxt_whitespace",
        "lt('1  2\\t3\\n4 5 6')",
        lt().try_load_str("1  2\t3\n4 5 6")
    );
    case!(
        "loadtxt_fn_short_form",
        "lt('1 2\\n3 4', delimiter=None)",
        lt().delimiter("").try_load_str("1 2\n3 4")
    );
    case!(
        "loadtxt_comments",
        "lt('# header\\n1,2 # tail\\n\\n3,4\\n', delimiter=',')",
        lt().delimiter(",")
            .try_load_str("# header\n1,2 # tail\n\n3,4\n")
    );
    case!(
        "loadtxt_custom_comment",
        "lt('% c\\n1;2', delimiter=';', comments='%')",
        lt().delimiter(";").comments("%").try_load_str("% c\n1;2")
    );
    case!(
        "loadtxt_skiprows",
        "lt('a,b\\n1,2\\n3,4', delimiter=',', skiprows=1)",
        lt().delimiter(",")
            .skiprows(1)
            .try_load_str("a,b\n1,2\n3,4")
    );
    case!(
        "loadtxt_usecols",
        "lt('1,2,3\\n4,5,6', delimiter=',', usecols=[0, 2])",
        lt().delimiter(",")
            .usecols([0, 2])
            .try_load_str("1,2,3\n4,5,6")
    );
    case!(
        "loadtxt_usecols_negative",
        "lt('1,2,3\\n4,5,6', delimiter=',', usecols=-1)",
        lt().delimiter(",")
            .usecols([-1])
            .try_load_str("1,2,3\n4,5,6")
    );
    case!(
        "loadtxt_usecols_ragged_ok",
        "lt('1,2,3\\n4,5', delimiter=',', usecols=[0, 1])",
        lt().delimiter(",")
            .usecols([0, 1])
            .try_load_str("1,2,3\n4,5")
    );
    case!(
        "loadtxt_max_rows",
        "lt('1,2\\n3,4\\n5,6', delimiter=',', max_rows=2)",
        lt().delimiter(",")
            .max_rows(2)
            .try_load_str("1,2\n3,4\n5,6")
    );
    case!(
        "loadtxt_single_row",
        "lt('1,2,3', delimiter=',')",
        lt().delimiter(",").try_load_str("1,2,3")
    );
    case!(
        "loadtxt_single_column",
        "lt('1\\n2\\n3')",
        lt().try_load_str("1\n2\n3")
    );
    case!("loadtxt_single_value_0d", "lt('5')", lt().try_load_str("5"));
    case!(
        "loadtxt_ndmin1",
        "lt('5', ndmin=1)",
        lt().ndmin(1).try_load_str("5")
    );
    case!(
        "loadtxt_ndmin2_row",
        "lt('1 2', ndmin=2)",
        lt().ndmin(2).try_load_str("1 2")
    );
    case!(
        "loadtxt_ndmin2_column",
        "lt('1\\n2', ndmin=2)",
        lt().ndmin(2).try_load_str("1\n2")
    );
    case!(
        "loadtxt_empty",
        "lt('', delimiter=',')",
        lt().delimiter(",").try_load_str("")
    );
    case!(
        "loadtxt_only_comments",
        "lt('# nothing\\n')",
        lt().try_load_str("# nothing\n")
    );
    case!(
        "loadtxt_specials",
        "lt('nan,inf,-inf,1e5,.5,5.,-0.0,+3', delimiter=',')",
        lt().delimiter(",")
            .try_load_str("nan,inf,-inf,1e5,.5,5.,-0.0,+3")
    );
    case!(
        "loadtxt_spaces_around_fields",
        "lt(' 1 , 2 \\n3,4', delimiter=',')",
        lt().delimiter(",").try_load_str(" 1 , 2 \n3,4")
    );
    case!(
        "loadtxt_crlf",
        "lt('1,2\\r\\n3,4\\r\\n', delimiter=',')",
        lt().delimiter(",").try_load_str("1,2\r\n3,4\r\n")
    );
    for d in [
        "int8",
        "int32",
        "int64",
        "uint8",
        "uint64",
        "float32",
        "bool",
        "complex128",
        "complex64",
    ] {
        let dt = np::DType::parse(d).unwrap();
        case!(
            &format!("loadtxt_dtype_{d}"),
            &format!("lt('1,2\\n3,0', delimiter=',', dtype=np.{d})"),
            lt().delimiter(",").dtype(dt).try_load_str("1,2\n3,0")
        );
    }
    case!(
        "loadtxt_float32_rounding",
        "lt('0.1 1e-50 3.4e39', dtype=np.float32)",
        lt().dtype(np::float32).try_load_str("0.1 1e-50 3.4e39")
    );
    case!(
        "loadtxt_int64_extremes",
        "lt('-9223372036854775808 9223372036854775807', dtype=np.int64)",
        lt().dtype(np::int64)
            .try_load_str("-9223372036854775808 9223372036854775807")
    );
    case!(
        "loadtxt_complex_forms",
        "lt('1+2j,-3.5j,(4-1j),2,1e1+1e-1j', delimiter=',', dtype=complex)",
        lt().delimiter(",")
            .dtype(np::complex128)
            .try_load_str("1+2j,-3.5j,(4-1j),2,1e1+1e-1j")
    );
    // Errors, with NumPy's row and column numbers.
    case!(
        "loadtxt_err_bad_float",
        "lt('1,2,abc\\n3,4,5', delimiter=',')",
        lt().delimiter(",").try_load_str("1,2,abc\n3,4,5")
    );
    case!(
        "loadtxt_err_bad_float_row1",
        "lt('# c\\n1,2,3\\n4,x,5', delimiter=',')",
        lt().delimiter(",").try_load_str("# c\n1,2,3\n4,x,5")
    );
    case!(
        "loadtxt_err_empty_field",
        "lt('1,,2', delimiter=',')",
        lt().delimiter(",").try_load_str("1,,2")
    );
    case!(
        "loadtxt_err_columns_changed",
        "lt('1,2,3\\n\\n4,5', delimiter=',')",
        lt().delimiter(",").try_load_str("1,2,3\n\n4,5")
    );
    case!(
        "loadtxt_err_usecols_range",
        "lt('1,2\\n3,4', delimiter=',', usecols=[5])",
        lt().delimiter(",").usecols([5]).try_load_str("1,2\n3,4")
    );
    case!(
        "loadtxt_err_int_from_float",
        "lt('1.5,2', delimiter=',', dtype=np.int32)",
        lt().delimiter(",").dtype(np::int32).try_load_str("1.5,2")
    );
    case!(
        "loadtxt_err_int8_overflow",
        "lt('300', dtype=np.int8)",
        lt().dtype(np::int8).try_load_str("300")
    );
    case!(
        "loadtxt_err_uint_negative",
        "lt('-1', dtype=np.uint8)",
        lt().dtype(np::uint8).try_load_str("-1")
    );
    case!("loadtxt_err_hex", "lt('0x10')", lt().try_load_str("0x10"));
    case!(
        "loadtxt_err_usecols_wrong_col",
        "lt('1,2,x', delimiter=',', usecols=[0, 2])",
        lt().delimiter(",").usecols([0, 2]).try_load_str("1,2,x")
    );
    case!(
        "loadtxt_err_two_char_delimiter",
        "lt('1, 2', delimiter=', ')",
        lt().delimiter(", ").try_load_str("1, 2")
    );

    // ----- genfromtxt ------------------------------------------------------------------------------
    case!(
        "genfromtxt_missing_nan",
        "gt('1,,3\\n4,abc,6', delimiter=',')",
        gt().delimiter(",").try_load_str("1,,3\n4,abc,6")
    );
    case!(
        "genfromtxt_skip_header",
        "gt('a,b\\n1,2\\n3,4', delimiter=',', skip_header=1)",
        gt().delimiter(",")
            .skip_header(1)
            .try_load_str("a,b\n1,2\n3,4")
    );
    case!(
        "genfromtxt_skip_footer",
        "gt('1 2\\n3 4\\ntotal 10', skip_footer=1)",
        gt().skip_footer(1).try_load_str("1 2\n3 4\ntotal 10")
    );
    case!(
        "genfromtxt_whitespace",
        "gt('1 2\\n3 4')",
        gt().try_load_str("1 2\n3 4")
    );
    case!(
        "genfromtxt_int_missing",
        "gt('1,\\n3,4', delimiter=',', dtype=int)",
        gt().delimiter(",").dtype(np::int64).try_load_str("1,\n3,4")
    );
    case!(
        "genfromtxt_filling_values",
        "gt('1,\\n,4', delimiter=',', filling_values=-9)",
        gt().delimiter(",")
            .filling_values(-9.0)
            .try_load_str("1,\n,4")
    );
    case!(
        "genfromtxt_comments",
        "gt('1,2 # c\\n# full\\n3,4', delimiter=',')",
        gt().delimiter(",").try_load_str("1,2 # c\n# full\n3,4")
    );
    case!(
        "genfromtxt_usecols",
        "gt('1,2,3\\n4,,6', delimiter=',', usecols=(1, 2))",
        gt().delimiter(",")
            .usecols([1, 2])
            .try_load_str("1,2,3\n4,,6")
    );
    case!(
        "genfromtxt_single_value",
        "gt('5', delimiter=',')",
        gt().delimiter(",").try_load_str("5")
    );
    case!(
        "genfromtxt_single_row",
        "gt('1,,3', delimiter=',')",
        gt().delimiter(",").try_load_str("1,,3")
    );
    case!(
        "genfromtxt_max_rows",
        "gt('1,2\\n3,4\\n5,6', delimiter=',', max_rows=2)",
        gt().delimiter(",")
            .max_rows(2)
            .try_load_str("1,2\n3,4\n5,6")
    );
    case!(
        "genfromtxt_float32",
        "gt('1.5,,0.1', delimiter=',', dtype=np.float32)",
        gt().delimiter(",")
            .dtype(np::float32)
            .try_load_str("1.5,,0.1")
    );
    case!(
        "genfromtxt_err_ragged",
        "gt('1,2,3\\n4,5\\n6,7,8\\n9', delimiter=',')",
        gt().delimiter(",").try_load_str("1,2,3\n4,5\n6,7,8\n9")
    );

    // ----- savetxt -----------------------------------------------------------------------------------
    let m = || np::array![[1.0, -2.5, 1e-7], [3.25, 1e10, f64::NAN]];
    case!(
        "savetxt_default",
        "st(np.array([[1.0, -2.5, 1e-7], [3.25, 1e10, np.nan]]))",
        SaveTxt::new().to_text(m())
    );
    case!(
        "savetxt_csv_fmt",
        "st(np.array([[1.0, -2.5, 1e-7], [3.25, 1e10, np.nan]]), fmt='%.3f', delimiter=',')",
        SaveTxt::new().fmt("%.3f").delimiter(",").to_text(m())
    );
    case!(
        "savetxt_g",
        "st(np.array([[1.0, -2.5, 1e-7], [3.25, 1e10, np.nan]]), fmt='%g')",
        SaveTxt::new().fmt("%g").to_text(m())
    );
    case!(
        "savetxt_width_flags",
        "st(np.array([[1.0, -2.5, 1e-7], [3.25, 1e10, np.nan]]), fmt='%+10.2e')",
        SaveTxt::new().fmt("%+10.2e").to_text(m())
    );
    case!(
        "savetxt_row_format",
        "st(np.array([[1.0, -2.5], [3.25, 7.0]]), fmt='%d|%.1f')",
        SaveTxt::new()
            .fmt("%d|%.1f")
            .to_text(np::array![[1.0, -2.5], [3.25, 7.0]])
    );
    case!(
        "savetxt_ints_d",
        "st(np.arange(6).reshape(2, 3), fmt='%d', delimiter=',')",
        SaveTxt::new()
            .fmt("%d")
            .delimiter(",")
            .to_text(np::arange(6).reshape([2, 3]))
    );
    case!(
        "savetxt_int_default_fmt",
        "st(np.array([1, -2], dtype=np.int8))",
        SaveTxt::new().to_text(np::array![1, -2].astype(np::int8))
    );
    case!(
        "savetxt_uint64_big",
        "st(np.array([2**64 - 1], dtype=np.uint64), fmt='%d')",
        SaveTxt::new()
            .fmt("%d")
            .to_text(np::Array::from(vec![u64::MAX]))
    );
    case!(
        "savetxt_bool",
        "st(np.array([True, False]), fmt='%d')",
        SaveTxt::new().fmt("%d").to_text(np::array![true, false])
    );
    case!(
        "savetxt_1d",
        "st(np.array([1.5, 2.5]), fmt='%.2f')",
        SaveTxt::new().fmt("%.2f").to_text(np::array![1.5, 2.5])
    );
    case!(
        "savetxt_header_footer",
        "st(np.eye(2), fmt='%.1f', delimiter=',', header='a,b\\nsecond', footer='end')",
        SaveTxt::new()
            .fmt("%.1f")
            .delimiter(",")
            .header("a,b\nsecond")
            .footer("end")
            .to_text(np::eye(2))
    );
    case!(
        "savetxt_comments_newline",
        "st(np.eye(2), fmt='%.0f', header='h', comments='// ', newline=';')",
        SaveTxt::new()
            .fmt("%.0f")
            .header("h")
            .comments("// ")
            .newline(";")
            .to_text(np::eye(2))
    );
    case!(
        "savetxt_complex",
        "st(np.array([[1+2j, -3.5-1j]]), fmt='%.2f')",
        SaveTxt::new().fmt("%.2f").to_text(np::Array::from_vec(
            vec![
                np::Complex128::new(1.0, 2.0),
                np::Complex128::new(-3.5, -1.0)
            ],
            [1, 2]
        ))
    );
    case!(
        "savetxt_transposed_view",
        "st(np.arange(6.0).reshape(2, 3).T, fmt='%.1f')",
        SaveTxt::new()
            .fmt("%.1f")
            .to_text(np::arange(6.0).reshape([2, 3]).t())
    );
    case!(
        "savetxt_percent_literal",
        "st(np.array([0.5]), fmt='%.0f%%')",
        SaveTxt::new().fmt("%.0f%%").to_text(np::array![0.5])
    );
    case!(
        "savetxt_err_3d",
        "st(np.zeros((2, 2, 2)))",
        SaveTxt::new().to_text(np::zeros([2, 2, 2]))
    );
    case!(
        "savetxt_err_0d",
        "st(np.array(1.0))",
        SaveTxt::new().to_text(np::zeros(()))
    );
    case!(
        "savetxt_err_fmt_count",
        "st(np.zeros((2, 3)), fmt='%d,%d')",
        SaveTxt::new().fmt("%d,%d").to_text(np::zeros([2, 3]))
    );

    // ----- .npy bytes, exactly as NumPy writes them ----------------------------------------------------
    case!(
        "npy_bytes_int64",
        "npy(np.arange(3))",
        npy_hex(&np::arange(3))
    );
    case!(
        "npy_bytes_float32_2d",
        "npy(np.arange(6, dtype=np.float32).reshape(2, 3))",
        npy_hex(&np::arange(6).astype(np::float32).reshape([2, 3]))
    );
    case!(
        "npy_bytes_fortran",
        "npy(np.arange(6.0).reshape(2, 3).T)",
        npy_hex(&np::arange(6.0).reshape([2, 3]).t())
    );
    case!(
        "npy_bytes_strided",
        "npy(np.arange(10)[::3])",
        npy_hex(&np::arange(10).slice(np::s![..;3]))
    );
    case!(
        "npy_bytes_0d",
        "npy(np.array(2.5))",
        npy_hex(&np::array![2.5].reshape(()))
    );
    case!(
        "npy_bytes_empty",
        "npy(np.zeros((0, 4), dtype=np.uint16))",
        npy_hex(&np::zeros_dtype([0, 4], np::uint16))
    );
    case!(
        "npy_bytes_bool",
        "npy(np.array([True, False, True]))",
        npy_hex(&np::array![true, false, true])
    );
    case!(
        "npy_bytes_complex64",
        "npy(np.array([1+2j], dtype=np.complex64))",
        npy_hex(&np::Array::from(vec![np::Complex64::new(1.0, 2.0)]))
    );
    case!(
        "npy_bytes_many_dims",
        "npy(np.zeros((1,) * 20, dtype=np.int8))",
        npy_hex(&np::zeros_dtype(vec![1usize; 20], np::int8))
    );
    case!(
        "npy_read_fortran",
        "npy_read(np.arange(6.0).reshape(2, 3).T)",
        npy_read(&np::arange(6.0).reshape([2, 3]).t())
    );
    case!(
        "npy_read_fortran_flags",
        "npy_read(np.arange(6.0).reshape(2, 3).T).flags.f_contiguous",
        npy_read(&np::arange(6.0).reshape([2, 3]).t()).map(|a| a.flags().f_contiguous)
    );
    case!(
        "npy_read_err_magic",
        "np.lib.format.read_array(io.BytesIO(b'not an npy file'))",
        np::read_npy(&mut &b"not an npy file"[..])
    );
    case!(
        "npy_read_err_short",
        "np.lib.format.read_array(io.BytesIO(b'\\x93NUM'))",
        np::read_npy(&mut &b"\x93NUM"[..])
    );
    case!(
        "npy_read_err_truncated_data",
        "f = io.BytesIO()\nnp.save(f, np.arange(4.0))\nnp.lib.format.read_array(io.BytesIO(f.getvalue()[:-8]))",
        {
            let mut v = Vec::new();
            np::write_npy(&mut v, np::arange(4.0)).unwrap();
            v.truncate(v.len() - 8);
            np::read_npy(&mut v.as_slice())
        }
    );
}

//! More ways to make arrays: the `array!` literal macro and `np::array(...)`, `*_like`,
//! `*_dtype` constructors, `eye`, `identity`, `diag`, `logspace` and `meshgrid`.

use crate::array::Array;
use crate::constructors::{try_full_dims, try_full_dtype};
use crate::dispatch;
use crate::dtype::{Complex64, Complex128, DType, Element, promote};
use crate::error::{ArrayError, OrPanic, Result};
use crate::scalar::Scalar;
use crate::shape_arg::IntoShape;

// ----- the `array!` literal ---------------------------------------------------------------

/// Builds an array from nested literals, like `np.array([[1, 2], [3, 4]])`.
///
/// Integer literals give int64 and float literals float64 (NumPy's defaults), booleans give
/// bool; mixing integers and floats gives float64. String literals (`&str`, `String`) give
/// NumPy's string dtype `<U{n}`, `n` the longest text. Elements may be any expressions of a
/// number type, [`Scalar`](crate::Scalar) or a string. Nested lists of different lengths panic with
/// NumPy's `ValueError` (mixing lists and numbers at one level does not compile). Give another
/// dtype with [`astype`](crate::Array::astype): `array![1, 2, 3].astype(np::int32)`.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[1, 2], [3, 4]];
/// assert_eq!(a.shape(), &[2, 2]);
/// assert_eq!(a.dtype(), np::int64);
/// let b = np::array![1, 2.5, 3];
/// assert_eq!(b.dtype(), np::float64);
/// assert_eq!(np::array![true, false].dtype(), np::bool_);
/// assert_eq!(np::array![1, 2, 3].astype(np::int32).dtype(), np::int32);
/// assert_eq!(np::array!["Alice", "Bob"].dtype().to_string(), "<U5");
/// ```
#[macro_export]
macro_rules! array {
    (@nest $([$($inner:tt)*]),+ $(,)?) => {
        $crate::creation_extra::Nested::List(::std::vec![$($crate::array!(@nest $($inner)*)),+])
    };
    (@nest $($x:expr),* $(,)?) => {
        $crate::creation_extra::Nested::Leaves(::std::vec![
            $($crate::creation_extra::IntoLiteral::into_literal($x)),*
        ])
    };
    ($($t:tt)*) => {
        $crate::creation_extra::array_from_nested($crate::array!(@nest $($t)*))
    };
}

/// A nested literal as the `array!` macro collects it (not for direct use).
#[doc(hidden)]
pub enum Nested {
    /// A list of numbers.
    Leaves(Vec<Literal>),
    /// A list of lists.
    List(Vec<Nested>),
}

/// One element of an `array!` literal: a number or a string.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// A number, `bool` or [`Scalar`].
    Number(Scalar),
    /// A string (the array gets NumPy's `<U{n}` dtype).
    Text(String),
}

/// A value that can be an element of an `array!` literal: numbers, `bool`, complex numbers,
/// [`Scalar`] and strings (`&str`, `String`).
pub trait IntoLiteral {
    /// The value as a literal; Rust's default integer (`i32`) stands for a Python int.
    fn into_literal(self) -> Literal;
}

macro_rules! literal_impls {
    ($($t:ty),*) => {$(
        impl IntoLiteral for $t {
            fn into_literal(self) -> Literal { Literal::Number(Scalar::from(self)) }
        }
    )*};
}
literal_impls!(
    bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Complex64, Complex128, Scalar
);

impl IntoLiteral for usize {
    fn into_literal(self) -> Literal {
        Literal::Number(Scalar::Int64(self as i64))
    }
}

impl IntoLiteral for isize {
    fn into_literal(self) -> Literal {
        Literal::Number(Scalar::Int64(self as i64))
    }
}

impl IntoLiteral for &Scalar {
    fn into_literal(self) -> Literal {
        Literal::Number(*self)
    }
}

impl IntoLiteral for &str {
    fn into_literal(self) -> Literal {
        Literal::Text(self.to_string())
    }
}

impl IntoLiteral for String {
    fn into_literal(self) -> Literal {
        Literal::Text(self)
    }
}

impl IntoLiteral for &String {
    fn into_literal(self) -> Literal {
        Literal::Text(self.clone())
    }
}

/// The array dtype for literal values: `i32` (Rust's default integer) counts as int64.
fn literal_dtype(values: &[Scalar]) -> DType {
    let mut dtype: Option<DType> = None;
    for v in values {
        let d = match v.dtype() {
            DType::Int32 => DType::Int64,
            d => d,
        };
        dtype = Some(match dtype {
            None => d,
            Some(x) => promote(x, d),
        });
    }
    dtype.unwrap_or(DType::Float64)
}

/// The shape of a nested literal, or NumPy's inhomogeneous-shape error. Level by level, as
/// NumPy discovers it: every list at one depth must have the same length, and their items must
/// be all numbers or all lists.
fn nested_shape(n: &Nested) -> Result<Vec<usize>> {
    let mut shape = Vec::new();
    let mut level: Vec<&Nested> = vec![n];
    let bad = loop {
        let len = |x: &Nested| match x {
            Nested::Leaves(v) => v.len(),
            Nested::List(v) => v.len(),
        };
        let l0 = len(level[0]);
        if level.iter().any(|x| len(x) != l0) {
            break shape.len();
        }
        shape.push(l0);
        let leaves = level
            .iter()
            .filter(|x| matches!(x, Nested::Leaves(_)))
            .count();
        if leaves == level.len() {
            return Ok(shape);
        }
        if leaves > 0 && l0 > 0 {
            break shape.len();
        }
        let mut next = Vec::new();
        for x in &level {
            if let Nested::List(v) = x {
                next.extend(v.iter());
            }
        }
        if next.is_empty() {
            return Ok(shape);
        }
        level = next;
    };
    Err(ArrayError::value(format!(
        "setting an array element with a sequence. The requested array has an inhomogeneous \
         shape after {} dimensions. The detected shape was {} + inhomogeneous part.",
        bad,
        crate::print::shape_repr(&shape[..bad])
    )))
}

fn flatten_nested(n: Nested, out: &mut Vec<Literal>) {
    match n {
        Nested::Leaves(v) => out.extend(v),
        Nested::List(v) => {
            for c in v {
                flatten_nested(c, out);
            }
        }
    }
}

/// Builds the array of an `array!` literal (called by the macro).
#[doc(hidden)]
#[track_caller]
pub fn array_from_nested(n: Nested) -> Array {
    try_array_from_nested(n).or_panic()
}

/// Fallible form of [`array_from_nested`].
#[doc(hidden)]
pub fn try_array_from_nested(n: Nested) -> Result<Array> {
    let shape = nested_shape(&n)?;
    let mut flat = Vec::new();
    flatten_nested(n, &mut flat);
    if flat.iter().any(|l| matches!(l, Literal::Text(_))) {
        return Ok(literals_to_str_array(flat, shape));
    }
    let nums: Vec<Scalar> = flat
        .into_iter()
        .filter_map(|l| match l {
            Literal::Number(s) => Some(s),
            Literal::Text(_) => None,
        })
        .collect();
    Ok(scalars_to_array(&nums, shape))
}

/// Literals with at least one string: a string array, numbers written as their text with the
/// width NumPy gives their dtype (`np.array(['a', 1])` is `<U21`).
fn literals_to_str_array(flat: Vec<Literal>, shape: Vec<usize>) -> Array {
    let nums: Vec<Scalar> = flat
        .iter()
        .filter_map(|l| match l {
            Literal::Number(s) => Some(*s),
            Literal::Text(_) => None,
        })
        .collect();
    let mut width = if nums.is_empty() {
        0
    } else {
        literal_dtype(&nums).str_width()
    };
    let texts: Vec<String> = flat
        .into_iter()
        .map(|l| match l {
            Literal::Number(s) => s.to_string(),
            Literal::Text(t) => t,
        })
        .collect();
    for t in &texts {
        width = width.max(crate::strings::char_len(t.trim_end_matches('\0')));
    }
    crate::strings::from_texts(&texts, width, shape)
}

fn scalars_to_array(flat: &[Scalar], shape: Vec<usize>) -> Array {
    let dtype = literal_dtype(flat);
    dispatch!(dtype, T => {
        let data: Vec<T> = flat.iter().map(|s| s.cast::<T>()).collect();
        Array::from_vec(data, shape)
    })
}

// ----- np.array / np.asarray --------------------------------------------------------------

/// What `np::array(...)` and `np::asarray(...)` accept: vectors, slices and fixed-size arrays
/// of numbers (1-D), vectors of vectors and arrays of arrays (2-D), single numbers (0-d), and
/// existing arrays.
pub trait ArrayData {
    /// The data as an array, and whether it is an existing array (which `np::array` copies and
    /// `np::asarray` returns as it is).
    fn into_array_data(self) -> (Array, bool);
}

/// Rust's default integer `i32` stands for a Python int: NumPy gives int64.
fn default_int(a: Array) -> Array {
    if a.dtype() == DType::Int32 {
        a.astype(DType::Int64)
    } else {
        a
    }
}

impl<T: Element> ArrayData for Vec<T> {
    fn into_array_data(self) -> (Array, bool) {
        (default_int(Array::from(self)), false)
    }
}

impl<T: Element> ArrayData for &[T] {
    fn into_array_data(self) -> (Array, bool) {
        (default_int(Array::from(self)), false)
    }
}

impl<T: Element, const N: usize> ArrayData for [T; N] {
    fn into_array_data(self) -> (Array, bool) {
        (default_int(Array::from(self.to_vec())), false)
    }
}

impl<T: Element, const N: usize> ArrayData for &[T; N] {
    fn into_array_data(self) -> (Array, bool) {
        (default_int(Array::from(self.to_vec())), false)
    }
}

impl<T: Element> ArrayData for Vec<Vec<T>> {
    #[track_caller]
    fn into_array_data(self) -> (Array, bool) {
        (
            default_int(rows_to_array(self.iter().map(|r| &r[..]).collect()).or_panic()),
            false,
        )
    }
}

impl<T: Element> ArrayData for &Vec<T> {
    fn into_array_data(self) -> (Array, bool) {
        (default_int(Array::from(&self[..])), false)
    }
}

impl<T: Element> ArrayData for &Vec<Vec<T>> {
    #[track_caller]
    fn into_array_data(self) -> (Array, bool) {
        (
            default_int(rows_to_array(self.iter().map(|r| &r[..]).collect()).or_panic()),
            false,
        )
    }
}

impl<T: Element, const N: usize> ArrayData for Vec<[T; N]> {
    fn into_array_data(self) -> (Array, bool) {
        let m = self.len();
        let data: Vec<T> = self.iter().flat_map(|r| r.iter().copied()).collect();
        (default_int(Array::from_vec(data, [m, N])), false)
    }
}

impl<T: Element, const N: usize, const M: usize> ArrayData for [[T; N]; M] {
    fn into_array_data(self) -> (Array, bool) {
        let data: Vec<T> = self.iter().flat_map(|r| r.iter().copied()).collect();
        (default_int(Array::from_vec(data, [M, N])), false)
    }
}

// `np.asarray` of a NumPy scalar is a 0-d array, so the scalar mark does not pass through.
impl ArrayData for &Array {
    fn into_array_data(self) -> (Array, bool) {
        (self.clone().unmarked(), true)
    }
}

impl ArrayData for Array {
    fn into_array_data(self) -> (Array, bool) {
        (self.unmarked(), true)
    }
}

macro_rules! scalar_data_impls {
    ($($t:ty),*) => {$(
        impl ArrayData for $t {
            fn into_array_data(self) -> (Array, bool) {
                (default_int(Scalar::from(self).to_array()), false)
            }
        }
    )*};
}
scalar_data_impls!(
    bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Complex64, Complex128, Scalar
);

/// NumPy's error for rows of different lengths (`np.array([[1, 2], [3]])`).
pub(crate) fn inhomogeneous_error(m: usize) -> ArrayError {
    ArrayError::value(format!(
        "setting an array element with a sequence. The requested array has an inhomogeneous \
         shape after 1 dimensions. The detected shape was ({m},) + inhomogeneous part."
    ))
}

/// Rows of equal length into a 2-D array, or NumPy's inhomogeneous-shape error.
fn rows_to_array<T: Element>(rows: Vec<&[T]>) -> Result<Array> {
    let m = rows.len();
    let n = rows.first().map_or(0, |r| r.len());
    if rows.iter().any(|r| r.len() != n) {
        return Err(inhomogeneous_error(m));
    }
    let data: Vec<T> = rows.iter().flat_map(|r| r.iter().copied()).collect();
    Array::try_from_vec(data, [m, n])
}

impl<T: Element> From<Vec<Vec<T>>> for Array {
    /// A 2-D array from rows of equal length (panics with NumPy's `ValueError` otherwise).
    #[track_caller]
    fn from(rows: Vec<Vec<T>>) -> Array {
        rows_to_array(rows.iter().map(|r| &r[..]).collect()).or_panic()
    }
}

/// `np.array(data)`: a new array from a `Vec` (or `&Vec`), slice or fixed-size array of
/// numbers, rows of numbers (`Vec<Vec<_>>`, `&Vec<Vec<_>>`, `Vec<[_; N]>`, `[[_; N]; M]`), one
/// number (0-d) or an existing array (copied). The same containers of `&str` or `String` give
/// a string array (NumPy's `<U{n}`).
/// Rust's default integer type `i32` gives int64, as Python ints do; other element types keep
/// their dtype (use `Array::from(vec)` to keep `i32`).
///
/// ```
/// use arraylib as np;
/// let a = np::array(vec![1.0, 2.0, 3.0]);
/// assert_eq!(a.dtype(), np::float64);
/// let b = np::array([[1, 2], [3, 4]]);
/// assert_eq!((b.shape(), b.dtype()), (&[2, 2][..], np::int64));
/// let c = np::array(&b);
/// assert!(!c.shares_memory(&b));
/// assert_eq!(np::array(vec!["a", "bcd"]).dtype(), np::DType::Str(3));
/// ```
pub fn array(data: impl ArrayData) -> Array {
    let (a, existing) = data.into_array_data();
    if existing { a.copy() } else { a }
}

/// `np.asarray(data)`: like [`array()`], but an existing array is returned as it is (no copy).
///
/// ```
/// use arraylib as np;
/// let a = np::arange(3);
/// assert!(np::asarray(&a).is(&a));
/// assert_eq!(np::asarray(vec![1u8, 2]).dtype(), np::uint8);
/// ```
pub fn asarray(data: impl ArrayData) -> Array {
    data.into_array_data().0
}

// ----- *_like and *_dtype -----------------------------------------------------------------

/// `np.zeros_like(a)`: zeros with the shape and dtype of `a`.
///
/// ```
/// use arraylib as np;
/// let z = np::zeros_like(np::arange(3));
/// assert_eq!((z.dtype(), z.to_vec::<i64>()), (np::int64, vec![0, 0, 0]));
/// ```
pub fn zeros_like(a: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Array {
        try_full_dtype(a.shape(), Scalar::Bool(false), a.dtype()).or_panic()
    }
    inner(a.as_ref())
}

/// `np.ones_like(a)`: ones with the shape and dtype of `a`.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::ones_like(np::zeros([2, 2])).to_vec::<f64>(), vec![1.0; 4]);
/// ```
pub fn ones_like(a: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Array {
        try_full_dtype(a.shape(), Scalar::Bool(true), a.dtype()).or_panic()
    }
    inner(a.as_ref())
}

/// `np.empty_like(a)`: an array with the shape and dtype of `a` (arraylib fills it with zeros).
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::empty_like(np::zeros([2, 3])).shape(), &[2, 3]);
/// ```
pub fn empty_like(a: impl AsRef<Array>) -> Array {
    zeros_like(a)
}

/// `np.full_like(a, value)`: the shape and dtype of `a`, every element `value` converted to
/// that dtype (`full_like(int_array, 2.5)` holds 2).
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::full_like(np::arange(2), 2.5).to_vec::<i64>(), vec![2, 2]);
/// ```
#[track_caller]
pub fn full_like(a: impl AsRef<Array>, value: impl Into<Scalar>) -> Array {
    try_full_like(a, value).or_panic()
}

/// Fallible form of [`full_like`]: an integer `value` that does not fit an integer dtype is
/// NumPy's `OverflowError`; floats convert as `astype` does.
///
/// ```
/// use arraylib as np;
/// let e = np::try_full_like(np::zeros_dtype(2, np::int8), 300).unwrap_err();
/// assert_eq!(e.to_string(), "OverflowError: Python integer 300 out of bounds for int8");
/// ```
pub fn try_full_like(a: impl AsRef<Array>, value: impl Into<Scalar>) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, value: Scalar) -> Result<Array> {
        let dtype = a.dtype();
        if let DType::Str(w) = dtype {
            // The value's text, cut to the width (`True` is `'Tr'` in `<U2`).
            return Ok(crate::strings::filled(
                a.shape().to_vec(),
                w,
                &value.to_string(),
            ));
        }
        let value = if value.dtype().is_integer() && dtype.is_integer() {
            crate::operand::check_int_fits(
                match value {
                    Scalar::UInt64(v) => v as i128,
                    v => v.to_i64() as i128,
                },
                dtype,
            )?;
            value
        } else {
            // Through `astype`, so NaN and out-of-range floats give what NumPy gives.
            value.to_array().astype(dtype).try_get(())?
        };
        try_full_dtype(a.shape(), value, dtype)
    }
    inner(a.as_ref(), value.into())
}

/// `np.zeros(shape, dtype=dtype)`.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::zeros_dtype([2, 3], np::int32).dtype(), np::int32);
/// ```
#[track_caller]
pub fn zeros_dtype(shape: impl IntoShape, dtype: DType) -> Array {
    try_full_dims(shape.into_dims(), Scalar::Bool(false), dtype).or_panic()
}

/// `np.ones(shape, dtype=dtype)`.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::ones_dtype(2, np::uint8).to_vec::<u8>(), vec![1, 1]);
/// ```
#[track_caller]
pub fn ones_dtype(shape: impl IntoShape, dtype: DType) -> Array {
    try_full_dims(shape.into_dims(), Scalar::Bool(true), dtype).or_panic()
}

/// `np.empty(shape, dtype=dtype)` (filled with zeros).
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::empty_dtype([2], np::float32).dtype(), np::float32);
/// ```
#[track_caller]
pub fn empty_dtype(shape: impl IntoShape, dtype: DType) -> Array {
    zeros_dtype(shape, dtype)
}

// ----- eye, identity, diag ----------------------------------------------------------------

/// An integer argument of [`eye`].
pub trait EyeInt: Copy {
    /// The value as `isize`.
    fn to_isize(self) -> isize;
}

macro_rules! eye_int_impls {
    ($($t:ty),*) => {$(
        impl EyeInt for $t {
            fn to_isize(self) -> isize { self as isize }
        }
    )*};
}
eye_int_impls!(i32, i64, isize, usize, u32);

/// The positional arguments of `np.eye`: `n`, `(n, m)` or `(n, m, k)`.
pub trait EyeArgs {
    /// `(n, m, k)`.
    fn into_parts(self) -> (isize, isize, isize);
}

impl<A: EyeInt> EyeArgs for A {
    fn into_parts(self) -> (isize, isize, isize) {
        (self.to_isize(), self.to_isize(), 0)
    }
}

impl<A: EyeInt, B: EyeInt> EyeArgs for (A, B) {
    fn into_parts(self) -> (isize, isize, isize) {
        (self.0.to_isize(), self.1.to_isize(), 0)
    }
}

impl<A: EyeInt, B: EyeInt, K: EyeInt> EyeArgs for (A, B, K) {
    fn into_parts(self) -> (isize, isize, isize) {
        (self.0.to_isize(), self.1.to_isize(), self.2.to_isize())
    }
}

/// `np.eye(N, M, k)`: a float64 matrix with ones on the `k`-th diagonal. Call it as
/// `eye(3)`, `eye((3, 4))` (3 rows, 4 columns) or `eye((3, 4, 1))` (the diagonal above the
/// main one; negative `k` is below). Other dtypes: `eye(3).astype(np::int64)`.
///
/// ```
/// use arraylib as np;
/// let i = np::eye(3);
/// assert_eq!(i.get([1, 1]).to_f64(), 1.0);
/// assert_eq!(i.get([1, 2]).to_f64(), 0.0);
/// let u = np::eye((2, 3, 1));
/// assert_eq!(u.to_vec::<f64>(), vec![0.0, 1.0, 0.0, 0.0, 0.0, 1.0]);
/// ```
#[track_caller]
pub fn eye(args: impl EyeArgs) -> Array {
    try_eye(args).or_panic()
}

/// Fallible form of [`eye`].
///
/// ```
/// assert!(arraylib::try_eye(-1).is_err());
/// ```
pub fn try_eye(args: impl EyeArgs) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(n: isize, m: isize, k: isize) -> Result<Array> {
        let out = try_full_dtype([n, m], Scalar::Float64(0.0), DType::Float64)?;
        let (n, m) = (n as usize, m as usize);
        {
            let mut v = out.view_mut::<f64>();
            for i in 0..n {
                let j = i as isize + k;
                if j >= 0 && (j as usize) < m {
                    v[[i, j as usize]] = 1.0;
                }
            }
        }
        Ok(out)
    }
    let (n, m, k) = args.into_parts();
    inner(n, m, k)
}

/// `np.identity(n)`: the `n x n` float64 identity matrix.
///
/// ```
/// assert_eq!(arraylib::identity(2).to_vec::<f64>(), vec![1.0, 0.0, 0.0, 1.0]);
/// ```
#[track_caller]
pub fn identity(n: usize) -> Array {
    eye(n)
}

/// `np.diag(v)`: for a 1-D `v`, a square matrix with `v` on its diagonal; for a 2-D `v`, its
/// diagonal (a read-only view, as in NumPy).
///
/// ```
/// use arraylib as np;
/// let d = np::diag(np::array![1.0, 2.0]);
/// assert_eq!(d.to_vec::<f64>(), vec![1.0, 0.0, 0.0, 2.0]);
/// assert_eq!(np::diag(&d).to_vec::<f64>(), vec![1.0, 2.0]);
/// ```
#[track_caller]
pub fn diag(v: impl AsRef<Array>) -> Array {
    try_diag_k(v, 0).or_panic()
}

/// `np.diag(v, k)`: as [`diag`] with the `k`-th diagonal (above the main one for `k > 0`).
///
/// ```
/// use arraylib as np;
/// let d = np::diag_k(np::array![1, 2], -1);
/// assert_eq!(d.shape(), &[3, 3]);
/// assert_eq!(d.get([2, 1]).to_i64(), 2);
/// assert_eq!(np::diag_k(np::arange(12).reshape([3, 4]), 1).to_vec::<i64>(), vec![1, 6, 11]);
/// ```
#[track_caller]
pub fn diag_k(v: impl AsRef<Array>, k: isize) -> Array {
    try_diag_k(v, k).or_panic()
}

/// Fallible form of [`diag_k`].
///
/// ```
/// let e = arraylib::try_diag_k(arraylib::zeros([2, 2, 2]), 0).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: Input must be 1- or 2-d.");
/// ```
pub fn try_diag_k(v: impl AsRef<Array>, k: isize) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(v: &Array, k: isize) -> Result<Array> {
        match v.ndim() {
            1 => {
                let len = v.shape()[0];
                let n = len + k.unsigned_abs();
                let out = try_full_dtype([n, n], Scalar::Bool(false), v.dtype())?;
                if len > 0 {
                    let offset = if k >= 0 {
                        k as usize
                    } else {
                        k.unsigned_abs() * n
                    };
                    let d = out.view_with(offset, vec![len], vec![n as isize + 1]);
                    d.try_assign(v)?;
                }
                Ok(out)
            }
            2 => {
                let (r, c) = (v.shape()[0] as isize, v.shape()[1] as isize);
                let (s0, s1) = (v.strides[0], v.strides[1]);
                let len = if k >= 0 { r.min(c - k) } else { (r + k).min(c) }.max(0) as usize;
                let mut offset = v.offset as isize;
                if len > 0 {
                    offset += if k >= 0 { k * s1 } else { -k * s0 };
                }
                let mut d = v.view_with(offset as usize, vec![len], vec![s0 + s1]);
                d.writeable = false;
                Ok(d)
            }
            _ => Err(ArrayError::value("Input must be 1- or 2-d.")),
        }
    }
    inner(v.as_ref(), k)
}

// ----- logspace, meshgrid -----------------------------------------------------------------

/// `np.logspace(start, stop, num)`: `num` float64 values `10**x` for `x` evenly spaced from
/// `start` to `stop` (inclusive).
///
/// ```
/// assert_eq!(arraylib::logspace(0, 2, 3).to_vec::<f64>(), vec![1.0, 10.0, 100.0]);
/// ```
pub fn logspace(start: impl Into<f64>, stop: impl Into<f64>, num: usize) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(start: f64, stop: f64, num: usize) -> Array {
        let exps = crate::linspace(start, stop, num);
        let data: Vec<f64> = exps
            .to_vec::<f64>()
            .iter()
            .map(|&x| 10f64.powf(x))
            .collect();
        Array::from(data)
    }
    inner(start.into(), stop.into(), num)
}

/// `np.meshgrid(x, y, ...)`: coordinate matrices from coordinate vectors, with NumPy's default
/// Cartesian (`'xy'`) indexing: for `x` of length `n` and `y` of length `m` the outputs are
/// `m x n`. Inputs of any shape are flattened first.
///
/// ```
/// use arraylib as np;
/// let g = np::meshgrid(&[np::arange(3), np::arange(2)]);
/// assert_eq!(g[0].shape(), &[2, 3]);
/// assert_eq!(g[0].to_vec::<i64>(), vec![0, 1, 2, 0, 1, 2]);
/// assert_eq!(g[1].to_vec::<i64>(), vec![0, 0, 0, 1, 1, 1]);
/// ```
#[track_caller]
pub fn meshgrid<A: AsRef<Array>>(arrays: &[A]) -> Vec<Array> {
    let v: Vec<&Array> = arrays.iter().map(|a| a.as_ref()).collect();
    meshgrid_impl(&v, "xy").or_panic()
}

/// `np.meshgrid(x, y, ..., indexing=...)` with `indexing` `"xy"` (Cartesian) or `"ij"`
/// (matrix: outputs are `len(x) x len(y)`).
///
/// ```
/// use arraylib as np;
/// let g = np::meshgrid_indexing(&[np::arange(3), np::arange(2)], "ij");
/// assert_eq!(g[0].shape(), &[3, 2]);
/// ```
#[track_caller]
pub fn meshgrid_indexing<A: AsRef<Array>>(arrays: &[A], indexing: &str) -> Vec<Array> {
    try_meshgrid_indexing(arrays, indexing).or_panic()
}

/// Fallible form of [`meshgrid_indexing`].
///
/// ```
/// let e = arraylib::try_meshgrid_indexing(&[arraylib::arange(2)], "xx").unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: Valid values for `indexing` are 'xy' and 'ij'.");
/// ```
pub fn try_meshgrid_indexing<A: AsRef<Array>>(arrays: &[A], indexing: &str) -> Result<Vec<Array>> {
    let v: Vec<&Array> = arrays.iter().map(|a| a.as_ref()).collect();
    meshgrid_impl(&v, indexing)
}

fn meshgrid_impl(arrays: &[&Array], indexing: &str) -> Result<Vec<Array>> {
    let xy = match indexing {
        "xy" => true,
        "ij" => false,
        _ => {
            return Err(ArrayError::value(
                "Valid values for `indexing` are 'xy' and 'ij'.",
            ));
        }
    };
    let nd = arrays.len();
    let mut shape: Vec<usize> = arrays.iter().map(|a| a.size()).collect();
    if xy && nd > 1 {
        shape.swap(0, 1);
    }
    let mut out = Vec::with_capacity(nd);
    for (i, a) in arrays.iter().enumerate() {
        let pos = if xy && nd > 1 && i < 2 { 1 - i } else { i };
        let mut s1 = vec![1isize; nd];
        s1[pos] = -1;
        let r = a.ravel().try_reshape(s1)?;
        let b = r.broadcast_view(&shape)?;
        out.push(crate::shape::contiguous_copy(&b));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate as np;
    use crate::{Array, DType};

    #[test]
    fn literal_dtypes_and_shapes() {
        let a = np::array![[1, 2, 3], [4, 5, 6]];
        assert_eq!(a.shape(), &[2, 3]);
        assert_eq!(a.dtype(), DType::Int64);
        let b = np::array![[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]];
        assert_eq!(b.shape(), &[2, 2, 2]);
        assert_eq!(b.dtype(), DType::Float64);
        let e = np::array![];
        assert_eq!((e.shape(), e.dtype()), (&[0usize][..], DType::Float64));
        let m = np::array![-1, 2.5];
        assert_eq!(m.to_vec::<f64>(), vec![-1.0, 2.5]);
        let x = 3.0f32;
        assert_eq!(np::array![x, x].dtype(), DType::Float32);
        assert_eq!(np::array![true, 2].dtype(), DType::Int64);
        let n: usize = 4;
        assert_eq!(np::array![n, 1].to_vec::<i64>(), vec![4, 1]);
        let t = np::array![[1, 2,], [3, 4,],];
        assert_eq!(t.shape(), &[2, 2]);
    }

    #[test]
    fn ragged_literals() {
        use super::{Nested, try_array_from_nested};
        let r = std::panic::catch_unwind(|| np::array![[1, 2], [3]]);
        let msg = r.unwrap_err().downcast::<String>().unwrap();
        assert_eq!(
            *msg,
            "ValueError: setting an array element with a sequence. The requested array has an \
             inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part."
        );
        let n = np::array!(@nest [[1, 2], [3, 4]], [[5, 6], [7]]);
        let e = try_array_from_nested(n).unwrap_err();
        assert!(
            e.message
                .contains("after 2 dimensions. The detected shape was (2, 2) +")
        );
        let n = np::array!(@nest [1, 2], [[3]]);
        let e = try_array_from_nested(n).unwrap_err();
        assert!(
            e.message
                .contains("after 1 dimensions. The detected shape was (2,) +")
        );
        let _ = Nested::Leaves(vec![]);
        let r = std::panic::catch_unwind(|| Array::from(vec![vec![1.0], vec![]]));
        assert!(r.is_err());
    }

    #[test]
    fn eye_and_diag() {
        assert_eq!(np::eye((3, 3, 5)).to_vec::<f64>(), vec![0.0; 9]);
        assert_eq!(
            np::eye((3, 2, -1)).to_vec::<f64>(),
            vec![0.0, 0.0, 1.0, 0.0, 0.0, 1.0]
        );
        assert_eq!(
            np::try_eye(-1).unwrap_err().to_string(),
            "ValueError: negative dimensions are not allowed"
        );
        let n: usize = 2;
        assert_eq!(np::eye((n, n, 0)).shape(), &[2, 2]);
        let a = np::arange(12).reshape([3, 4]);
        assert_eq!(np::diag_k(&a, -5).shape(), &[0]);
        assert_eq!(np::diag_k(&a, -1).to_vec::<i64>(), vec![4, 9]);
        assert!(!np::diag(&a).flags().writeable);
        assert_eq!(np::diag(a.t()).to_vec::<i64>(), vec![0, 5, 10]);
        let d = np::diag_k(np::arange(3), -1);
        assert_eq!(d.get([2, 1]).to_i64(), 1);
        assert_eq!(d.get([3, 2]).to_i64(), 2);
        assert_eq!(np::diag(np::array![]).shape(), &[0, 0]);
    }

    #[test]
    fn array_function_forms() {
        assert_eq!(
            np::array(vec![vec![1, 2], vec![3, 4]]).dtype(),
            DType::Int64
        );
        assert_eq!(np::array(5).ndim(), 0);
        assert_eq!(np::array(&[1u8, 2][..]).dtype(), DType::UInt8);
        let g = np::meshgrid(&[np::arange(3), np::arange(2), np::arange(4)]);
        assert_eq!(g[2].shape(), &[2, 3, 4]);
        assert_eq!(np::logspace(0, 1, 0).shape(), &[0]);
    }
}

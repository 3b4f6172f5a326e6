//! The Unicode string dtype, NumPy's `<U{n}`: arrays of text of at most `n` characters.
//!
//! ```
//! use arraylib::{self as np, s};
//! let scores = np::array![85, 92, 78, 96];
//! let names = np::array!["Alice", "Bob", "Charlie", "Diana"];
//! assert_eq!(names.dtype().to_string(), "<U7");
//! assert_eq!(names.itemsize(), 28);
//! let high = scores.gt(85);
//! assert_eq!(format!("{}", names.index(s![&high])), "['Bob' 'Diana']");
//! assert_eq!(names.eq("Bob").to_vec::<bool>(), vec![false, true, false, false]);
//! assert_eq!(names.get_str([2]), "Charlie");
//! ```
//!
//! A string array is made from text (`np::array!["a", "bb"]`, `np::array(vec!["a", "bb"])`,
//! [`Array::from_strs`]) or with `astype(np::str_)` from numbers. It supports what NumPy does
//! with string arrays that is not arithmetic: printing, `==`/`!=`/`<`/... comparisons (with
//! strings or other string arrays, broadcast), `+` (concatenation), basic slicing and views,
//! `reshape`/`transpose`/`copy`, boolean-mask and integer-array indexing, `take`, assignment
//! (`set`), `concatenate`/`stack`, `repeat`/`tile`, `where_`, `sort`/`argsort`/`unique`, `astype`
//! to and from numbers, and `.npy` files. Numeric operations (other arithmetic, ufuncs,
//! reductions, linear algebra) give NumPy's `TypeError`.
//!
//! As in NumPy, the width is part of the dtype: every element is stored with at most `n`
//! characters, and a longer string assigned into the array is cut to `n` characters.

use crate::array::Array;
use crate::comparison::Cmp;
use crate::dtype::DType;
use crate::error::{ArrayError, ErrorKind, OrPanic, Result};
use crate::operand::{Operand, from_data};
use crate::shape_arg::IntoShape;
use crate::storage::{Buffer, Storage, StrElem};
use std::sync::Arc;

// ----- errors ----------------------------------------------------------------------------------

/// The panic of a dtype dispatch that met a string array: an operation without a string loop.
#[cold]
#[track_caller]
pub(crate) fn unsupported(d: DType) -> ! {
    std::panic::panic_any(
        ArrayError::type_error(format!(
            "the operation is not supported for arrays of dtype('{d}')"
        ))
        .to_string(),
    )
}

/// Panics with an error's text, as the non-`try_` operations report errors.
#[cold]
#[track_caller]
pub(crate) fn reject(e: ArrayError) -> ! {
    std::panic::panic_any(e.to_string())
}

/// NumPy's class name of a dtype, as its `UFuncTypeError` messages print the types they meet
/// (`<class 'numpy.dtypes.StrDType'>`).
pub(crate) fn dtype_class(op: &Operand) -> String {
    use crate::operand::WeakScalar;
    let name = match op {
        Operand::Weak(WeakScalar::Int(_)) => "_PyLongDType".to_string(),
        Operand::Weak(WeakScalar::Float(_)) => "_PyFloatDType".to_string(),
        Operand::Weak(WeakScalar::Complex(_)) => "_PyComplexDType".to_string(),
        _ => match op.dtype() {
            DType::Str(_) => "StrDType".to_string(),
            DType::Bool => "BoolDType".to_string(),
            d => {
                let n = d.name();
                let mut c = n.chars();
                let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('X');
                let rest: String = c.collect();
                // uint8 -> UInt8DType, float64 -> Float64DType
                let rest = rest.replacen("int", "Int", usize::from(n.starts_with("uint")));
                format!("{first}{rest}DType")
            }
        },
    };
    format!("<class 'numpy.dtypes.{name}'>")
}

/// NumPy's `DTypePromotionError` of a string dtype next to a Python number.
pub(crate) fn promotion_error(d: DType, w: crate::operand::WeakScalar) -> ArrayError {
    let a = Operand::Owned(filled(
        vec![],
        if let DType::Str(n) = d { n } else { 1 },
        "",
    ));
    let (x, y) = (dtype_class(&a), dtype_class(&Operand::Weak(w)));
    ArrayError::type_error(format!(
        "The DType {x} could not be promoted by {y}. This means that no common DType exists \
         for the given inputs. For example they cannot be stored in a single array unless the \
         dtype is `object`. The full list of DTypes is: ({x}, {y})"
    ))
}

/// NumPy's `UFuncTypeError` of a binary ufunc without a loop for its operands, which names the
/// dtypes: `ufunc 'subtract' did not contain a loop with signature matching types
/// (dtype('<U5'), dtype('<U5')) -> None`.
pub(crate) fn no_loop_binary(name: &str, a: &Operand, b: &Operand) -> ArrayError {
    ArrayError::new(
        ErrorKind::UFuncTypeError,
        format!(
            "ufunc '{name}' did not contain a loop with signature matching types ({}, {}) -> None",
            operand_type(a),
            operand_type(b)
        ),
    )
}

/// How NumPy names an operand's type in a no-loop message: `dtype('<U5')`, and a Python
/// number as its default dtype (`dtype('int64')`).
fn operand_type(op: &Operand) -> String {
    format!("dtype('{}')", op.dtype())
}

/// A binary arithmetic ufunc (`add`, `subtract`, ...) with a string operand: `add` of two
/// strings concatenates (NumPy 2), everything else is NumPy's `TypeError` for that ufunc.
pub(crate) fn arithmetic(name: &str, a: &Operand, b: &Operand) -> Result<Array> {
    let int_kind = |o: &Operand| o.dtype().is_integer();
    match name {
        "add" => add(a, b),
        "subtract" => Err(no_loop_binary(name, a, b)),
        "multiply" => {
            if (a.dtype().is_str() && int_kind(b)) || (b.dtype().is_str() && int_kind(a)) {
                Err(ArrayError::type_error(
                    "The 'out' kwarg is necessary when using the string multiply ufunc \
                     directly. Use numpy.strings.multiply to multiply strings without \
                     specifying 'out'.",
                ))
            } else {
                Err(no_loop_binary(name, a, b))
            }
        }
        "power" if b.scalar().is_some_and(|s| s.to_f64() == 2.0) => {
            Err(crate::arithmetic::no_loop("square"))
        }
        _ => Err(crate::arithmetic::no_loop(name)),
    }
}

/// NumPy's `UFuncTypeError` of a unary ufunc without a string loop (`negative`, `absolute`).
pub(crate) fn no_loop_unary(name: &str) -> ArrayError {
    ArrayError::new(
        ErrorKind::UFuncTypeError,
        format!(
            "ufunc '{name}' did not contain a loop with signature matching types \
             <class 'numpy.dtypes.StrDType'> -> None"
        ),
    )
}

/// NumPy's `TypeError` for a sum-like reduction of strings (`add.reduce` over `<U{n}`).
pub(crate) fn no_reduce(a: &Array, accumulate: bool) -> ArrayError {
    let n = match a.dtype() {
        DType::Str(n) => n,
        _ => 0,
    };
    ArrayError::type_error(format!(
        "the resolved dtypes are not compatible with add.{}. Resolved (dtype('<U{n}'), \
         dtype('<U{n}'), dtype('<U{}'))",
        if accumulate { "accumulate" } else { "reduce" },
        2 * n
    ))
}

/// NumPy's `UFuncTypeError` for a reduction that has no string loop (`maximum`, `multiply`).
pub(crate) fn no_loop_reduce(name: &str, a: &Array) -> ArrayError {
    let d = a.dtype();
    ArrayError::new(
        ErrorKind::UFuncTypeError,
        format!(
            "ufunc '{name}' did not contain a loop with signature matching types \
             (dtype('{d}'), dtype('{d}')) -> None"
        ),
    )
}

// ----- elements ----------------------------------------------------------------------------------

/// Number of characters (code points) of a text, as NumPy counts a string's length.
pub(crate) fn char_len(s: &str) -> u32 {
    s.chars().count().min(u32::MAX as usize) as u32
}

/// The first `width` characters of a text, and the text without trailing NUL characters
/// (NumPy's fixed-width storage pads with NULs and drops them when reading).
pub(crate) fn fit(s: &str, width: u32) -> &str {
    let s = match s.char_indices().nth(width as usize) {
        Some((i, _)) => &s[..i],
        None => s,
    };
    s.trim_end_matches('\0')
}

/// The string buffer and width of a string array.
pub(crate) fn str_buffer(a: &Array) -> Option<(&Arc<Buffer<StrElem>>, u32)> {
    match &a.storage {
        Storage::Str(b, n) => Some((b, *n)),
        _ => None,
    }
}

/// Buffer positions of the elements in row-major order.
pub(crate) fn positions(a: &Array) -> Vec<usize> {
    let n = a.size();
    let mut out = Vec::with_capacity(n);
    if n == 0 {
        return out;
    }
    let nd = a.ndim();
    let mut idx = vec![0usize; nd];
    let mut off = a.offset as isize;
    for _ in 0..n {
        out.push(off as usize);
        let mut ax = nd;
        while ax > 0 {
            ax -= 1;
            idx[ax] += 1;
            off += a.strides[ax];
            if idx[ax] < a.shape[ax] {
                break;
            }
            off -= a.strides[ax] * a.shape[ax] as isize;
            idx[ax] = 0;
        }
    }
    out
}

/// The elements of a string array in row-major order, borrowed from its buffer. The caller
/// must not write into that buffer while it holds them.
pub(crate) fn elems(a: &Array) -> Vec<&str> {
    let Some((b, _)) = str_buffer(a) else {
        unsupported(a.dtype())
    };
    let p = b.ptr();
    positions(a)
        .into_iter()
        // SAFETY: the positions lie inside the buffer, which `a` keeps alive.
        .map(|i| unsafe { &**p.add(i) })
        .collect()
}

/// The elements of any array as NumPy's `str()` of each value: the strings of a string array,
/// `1`, `2.5`, `True`, `(1+2j)` for numbers (as `astype(str)` writes them).
pub(crate) fn texts(a: &Array) -> Vec<String> {
    if a.dtype().is_str() {
        return elems(a).into_iter().map(str::to_string).collect();
    }
    crate::dispatch!(a.dtype(), T => {
        a.view::<T>()
            .iter()
            .map(|&x| crate::scalar::Scalar::from(x).to_string())
            .collect()
    })
}

/// A new row-major string array; `width` 0 takes the longest element's (at least 1, as in
/// NumPy), otherwise longer elements are cut to `width` characters.
pub(crate) fn from_texts<S: AsRef<str>>(data: &[S], width: u32, shape: Vec<usize>) -> Array {
    let width = if width == 0 {
        data.iter()
            .map(|s| char_len(s.as_ref().trim_end_matches('\0')))
            .max()
            .unwrap_or(0)
            .max(1)
    } else {
        width
    };
    let v: Vec<StrElem> = data.iter().map(|s| fit(s.as_ref(), width).into()).collect();
    from_elems(v, width, shape)
}

/// Wraps elements that already fit `width` into a new row-major array.
fn from_elems(data: Vec<StrElem>, width: u32, shape: Vec<usize>) -> Array {
    let buf = Buffer::new(data, shape.clone());
    Array::from_storage_c(Storage::Str(buf, width.max(1)), shape)
}

/// A string array of `shape` with every element `value` (empty strings for `np.zeros`).
pub(crate) fn filled(shape: Vec<usize>, width: u32, value: &str) -> Array {
    let n: usize = shape.iter().product();
    let v = fit(value, width.max(1));
    from_elems(vec![Box::from(v); n], width.max(1), shape)
}

/// A row-major copy of a string array with another shape of the same size.
pub(crate) fn copy_with_shape(a: &Array, shape: Vec<usize>) -> Array {
    let width = str_buffer(a).map_or(1, |(_, w)| w);
    let data: Vec<StrElem> = elems(a).into_iter().map(Box::from).collect();
    from_elems(data, width, shape)
}

/// Runs an operation that only moves elements (indexing, joining, repeating) on string arrays:
/// each input is replaced by an int64 array of the same shape numbering its elements, `f`
/// runs on those, and the numbers in its result pick the strings of the new array (of
/// `width`). A 0-d result keeps the scalar mark of `f`'s result.
pub(crate) fn via_index(
    arrays: &[&Array],
    width: u32,
    f: &mut dyn FnMut(&[Array]) -> Result<Array>,
) -> Result<Array> {
    let mut all: Vec<&str> = Vec::new();
    let mut proxies = Vec::with_capacity(arrays.len());
    for a in arrays {
        let base = all.len() as i64;
        let e = elems(a);
        let n = e.len() as i64;
        all.extend(e);
        proxies.push(from_data((base..base + n).collect(), a.shape().to_vec()));
    }
    let r = f(&proxies)?;
    let data: Vec<StrElem> = r
        .to_vec::<i64>()
        .into_iter()
        .map(|i| Box::from(all[i as usize]))
        .collect();
    let out = from_elems(data, width, r.shape().to_vec());
    Ok(if r.is_scalar() {
        out.scalar_if_0d()
    } else {
        out
    })
}

/// The rank of every element of a string array among the array's distinct values (equal
/// strings get equal ranks, ordered as NumPy orders strings: by code point), as an int64 array
/// of the same shape, and the distinct values in order. Sorting, `argsort`, `unique` and
/// `argmax` work on the ranks.
pub(crate) fn ranks(a: &Array) -> (Array, Vec<String>) {
    let (mut r, values) = joint_ranks(&[a]);
    (r.remove(0), values)
}

/// [`ranks`] of several string arrays among all their values together (`searchsorted`).
pub(crate) fn joint_ranks(arrays: &[&Array]) -> (Vec<Array>, Vec<String>) {
    let e: Vec<Vec<&str>> = arrays.iter().map(|a| elems(a)).collect();
    let mut sorted: Vec<&str> = e.iter().flatten().copied().collect();
    sorted.sort_unstable();
    sorted.dedup();
    let r = e
        .iter()
        .zip(arrays)
        .map(|(e, a)| {
            let r: Vec<i64> = e
                .iter()
                .map(|s| sorted.binary_search(s).unwrap_or(0) as i64)
                .collect();
            from_data(r, a.shape().to_vec())
        })
        .collect();
    (r, sorted.into_iter().map(str::to_string).collect())
}

/// The string array whose elements are `values[rank]` for the ranks of `r`.
pub(crate) fn from_ranks(r: &Array, values: &[String], width: u32) -> Array {
    let data: Vec<StrElem> = r
        .to_vec::<i64>()
        .into_iter()
        .map(|i| Box::from(values[i as usize].as_str()))
        .collect();
    from_elems(data, width, r.shape().to_vec())
}

/// The width of a string array (0 for other dtypes).
pub(crate) fn width(a: &Array) -> u32 {
    match a.dtype() {
        DType::Str(n) => n,
        _ => 0,
    }
}

/// Writes `values` (row-major, one per element, or one for all) into the elements of `dst`,
/// cut to its width.
pub(crate) fn write(dst: &Array, values: &[String]) -> Result<()> {
    if !dst.writeable {
        return Err(ArrayError::value("assignment destination is read-only"));
    }
    let Some((b, w)) = str_buffer(dst) else {
        unsupported(dst.dtype())
    };
    let p = b.ptr();
    for (k, pos) in positions(dst).into_iter().enumerate() {
        let v = if values.len() == 1 {
            &values[0]
        } else {
            &values[k]
        };
        // SAFETY: the position lies inside the buffer; the old element is dropped in place
        // and no borrowed text of this buffer is alive (the values are owned).
        unsafe { *p.add(pos) = Box::from(fit(v, w)) };
    }
    Ok(())
}

/// Writes one element at a buffer position of the string array `a`, cut to its width.
pub(crate) fn write_at(a: &Array, pos: usize, value: &str) {
    let Some((b, w)) = str_buffer(a) else {
        unsupported(a.dtype())
    };
    // SAFETY: the caller bounds-checked the position; the value is not borrowed from the buffer
    // (it is the caller's own text).
    unsafe { *b.ptr().add(pos) = Box::from(fit(value, w)) };
}

/// The positions in `dst`'s buffer of the elements an index expression selects, as an int64
/// array of the indexed shape, for writing through an advanced index.
pub(crate) fn index_positions(dst: &Array, index: &[crate::slicing::SliceElem]) -> Result<Array> {
    let pos: Vec<i64> = positions(dst).into_iter().map(|p| p as i64).collect();
    let proxy = from_data(pos, dst.shape().to_vec());
    crate::fancy_indexing::index_expr(&proxy, index)
}

/// Writes `value` through the buffer positions of `pos` (the last write wins, as in NumPy).
pub(crate) fn scatter(dst: &Array, pos: &Array, value: &Array) -> Result<()> {
    if !dst.writeable {
        return Err(ArrayError::value("assignment destination is read-only"));
    }
    let v = if value.size() == 1 {
        value.reshape(())
    } else {
        value.clone()
    };
    let v = v.broadcast_view(pos.shape()).map_err(|_| {
        ArrayError::value(format!(
            "shape mismatch: value array of shape {} could not be broadcast to indexing result \
             of shape {}",
            crate::error::compact_shape(value.shape()),
            crate::error::compact_shape(pos.shape())
        ))
    })?;
    let values = texts(&v);
    let Some((b, w)) = str_buffer(dst) else {
        unsupported(dst.dtype())
    };
    let p = b.ptr();
    for (k, &q) in pos.to_vec::<i64>().iter().enumerate() {
        // SAFETY: the positions come from indexing `dst`'s own position array, so they lie in
        // its buffer; the values are owned.
        unsafe { *p.add(q as usize) = Box::from(fit(&values[k], w)) };
    }
    Ok(())
}

/// Python's `repr()` of a string: single quotes unless the text holds a single quote and no
/// double quote, with backslash escapes for the quote, backslashes and unprintable characters.
///
/// ```
/// use arraylib::strings::py_repr;
/// assert_eq!(py_repr("Bob"), "'Bob'");
/// assert_eq!(py_repr("it's"), "\"it's\"");
/// assert_eq!(py_repr("a\tb"), "'a\\tb'");
/// ```
pub fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !printable(c) => {
                let u = c as u32;
                if u < 0x100 {
                    out.push_str(&format!("\\x{u:02x}"));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{u:04x}"));
                } else {
                    out.push_str(&format!("\\U{u:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable()` for one character, for the control, format and separator
/// characters a text is likely to hold.
fn printable(c: char) -> bool {
    let u = c as u32;
    !(u < 0x20
        || (0x7f..=0xa0).contains(&u)
        || u == 0xad
        || u == 0x1680
        || (0x2000..=0x200f).contains(&u)
        || (0x2028..=0x202f).contains(&u)
        || (0x205f..=0x206f).contains(&u)
        || u == 0x3000
        || (0xe000..=0xf8ff).contains(&u)
        || u == 0xfeff
        || (0xfff9..=0xfffb).contains(&u)
        || (0xf0000..).contains(&u))
}

// ----- construction and access ------------------------------------------------------------------

impl Array {
    /// A string array (NumPy's `<U{n}` dtype, `n` the longest element's length) from texts in
    /// row-major order and a shape. Panics with NumPy's `ValueError` if the sizes disagree.
    /// `np::array!["a", "bb"]` and `np::array(vec!["a", "bb"])` make 1-D string arrays too.
    ///
    /// ```
    /// let a = arraylib::Array::from_strs(&["a", "bb", "ccc", "d"], [2, 2]);
    /// assert_eq!(a.dtype(), arraylib::DType::Str(3));
    /// assert_eq!(format!("{a}"), "[['a' 'bb']\n ['ccc' 'd']]");
    /// ```
    #[track_caller]
    pub fn from_strs<S: AsRef<str>>(data: &[S], shape: impl IntoShape) -> Array {
        Self::try_from_strs(data, shape).or_panic()
    }

    /// Fallible form of [`Array::from_strs`].
    ///
    /// ```
    /// assert!(arraylib::Array::try_from_strs(&["a", "b"], [3]).is_err());
    /// ```
    pub fn try_from_strs<S: AsRef<str>>(data: &[S], shape: impl IntoShape) -> Result<Array> {
        let texts: Vec<&str> = data.iter().map(|s| s.as_ref()).collect();
        strs_to_array(&texts, shape.into_dims())
    }

    /// The elements of a string array in row-major order (NumPy's `a.tolist()`); for a numeric
    /// array, the text of each value as `astype(str)` writes it.
    ///
    /// ```
    /// let a = arraylib::array!["x", "yy"];
    /// assert_eq!(a.to_strings(), vec!["x", "yy"]);
    /// assert_eq!(arraylib::array![1, 2].to_strings(), vec!["1", "2"]);
    /// ```
    pub fn to_strings(&self) -> Vec<String> {
        texts(self)
    }

    /// One element of a string array (NumPy's `names[i]`, a `str`); negative indices count from
    /// the end. Panics with NumPy's `IndexError` for a bad index, and with a `TypeError` for a
    /// numeric array (use [`Array::get`] there).
    ///
    /// ```
    /// let names = arraylib::array!["Alice", "Bob"];
    /// assert_eq!(names.get_str([-1]), "Bob");
    /// ```
    #[track_caller]
    pub fn get_str(&self, index: impl IntoShape) -> String {
        self.try_get_str(index).or_panic()
    }

    /// Fallible form of [`Array::get_str`].
    ///
    /// ```
    /// assert!(arraylib::array!["a"].try_get_str([3]).is_err());
    /// ```
    pub fn try_get_str(&self, index: impl IntoShape) -> Result<String> {
        get_str_impl(self, &index.into_dims())
    }
}

fn strs_to_array(texts: &[&str], dims: Vec<isize>) -> Result<Array> {
    let shape = crate::array::shape_for_elements(dims, texts.len())?;
    Ok(from_texts(texts, 0, shape))
}

fn get_str_impl(a: &Array, index: &[isize]) -> Result<String> {
    if !a.dtype().is_str() {
        return Err(ArrayError::type_error(format!(
            "get_str needs a string array, not one of dtype {}; use get",
            a.dtype()
        )));
    }
    let elems: Vec<crate::slicing::SliceElem> = index
        .iter()
        .map(|&i| crate::slicing::SliceElem::Index(i))
        .collect();
    let v = a.basic_view(&elems)?;
    if v.ndim() != 0 {
        return Err(ArrayError::value(
            "can only convert an array of size 1 to a Python scalar",
        ));
    }
    Ok(elems_of(&v).remove(0))
}

fn elems_of(a: &Array) -> Vec<String> {
    elems(a).into_iter().map(str::to_string).collect()
}

// ----- conversions into arrays and operands ------------------------------------------------------

macro_rules! str_list_impls {
    ($($t:ty),*) => {$(
        impl From<Vec<$t>> for Array {
            /// A 1-D string array (NumPy's `<U{n}`).
            fn from(v: Vec<$t>) -> Array {
                let n = v.len();
                from_texts(&v, 0, vec![n])
            }
        }
        impl From<&[$t]> for Array {
            /// A 1-D string array (NumPy's `<U{n}`).
            fn from(v: &[$t]) -> Array {
                from_texts(v, 0, vec![v.len()])
            }
        }
        impl<const N: usize> From<[$t; N]> for Array {
            /// A 1-D string array (NumPy's `<U{n}`).
            fn from(v: [$t; N]) -> Array {
                from_texts(&v, 0, vec![N])
            }
        }
        impl crate::creation_extra::ArrayData for Vec<$t> {
            fn into_array_data(self) -> (Array, bool) {
                (Array::from(self), false)
            }
        }
        impl crate::creation_extra::ArrayData for &Vec<$t> {
            fn into_array_data(self) -> (Array, bool) {
                (Array::from(&self[..]), false)
            }
        }
        impl crate::creation_extra::ArrayData for &[$t] {
            fn into_array_data(self) -> (Array, bool) {
                (Array::from(self), false)
            }
        }
        impl<const N: usize> crate::creation_extra::ArrayData for [$t; N] {
            fn into_array_data(self) -> (Array, bool) {
                (Array::from(self), false)
            }
        }
        impl<const N: usize> crate::creation_extra::ArrayData for &[$t; N] {
            fn into_array_data(self) -> (Array, bool) {
                (Array::from(&self[..]), false)
            }
        }
        impl crate::creation_extra::ArrayData for Vec<Vec<$t>> {
            #[track_caller]
            fn into_array_data(self) -> (Array, bool) {
                let m = self.len();
                let n = self.first().map_or(0, |r| r.len());
                if self.iter().any(|r| r.len() != n) {
                    std::panic::panic_any(crate::creation_extra::inhomogeneous_error(m).to_string());
                }
                let flat: Vec<&str> = self.iter().flat_map(|r| r.iter().map(|s| s.as_ref())).collect();
                (from_texts(&flat, 0, vec![m, n]), false)
            }
        }
        impl<const N: usize, const M: usize> crate::creation_extra::ArrayData for [[$t; N]; M] {
            fn into_array_data(self) -> (Array, bool) {
                let flat: Vec<&str> = self.iter().flat_map(|r| r.iter().map(|s| s.as_ref())).collect();
                (from_texts(&flat, 0, vec![M, N]), false)
            }
        }
    )*};
}
str_list_impls!(&str, String);

impl crate::creation_extra::ArrayData for &str {
    /// A 0-d string array (`np.array('ab')`).
    fn into_array_data(self) -> (Array, bool) {
        (from_texts(&[self], 0, vec![]), false)
    }
}

impl crate::creation_extra::ArrayData for String {
    /// A 0-d string array (`np.array('ab')`).
    fn into_array_data(self) -> (Array, bool) {
        (from_texts(&[self], 0, vec![]), false)
    }
}

impl From<&str> for Operand<'_> {
    /// A Python string operand: a 0-d string array (`names == 'Bob'`).
    fn from(s: &str) -> Self {
        Operand::Owned(from_texts(&[s], 0, vec![]))
    }
}

impl From<String> for Operand<'_> {
    /// A Python string operand: a 0-d string array.
    fn from(s: String) -> Self {
        Operand::Owned(from_texts(&[s], 0, vec![]))
    }
}

impl From<&String> for Operand<'_> {
    /// A Python string operand: a 0-d string array.
    fn from(s: &String) -> Self {
        Operand::Owned(from_texts(&[s], 0, vec![]))
    }
}

// ----- .npy files ------------------------------------------------------------------------------

/// The elements of a row-major string array as NumPy stores them: `width` little-endian UCS4
/// code points per element, padded with zeros.
pub(crate) fn to_ucs4(a: &Array) -> Vec<u8> {
    let w = width(a) as usize;
    let mut out = Vec::with_capacity(a.size() * w * 4);
    for s in elems(a) {
        let mut n = 0;
        for c in s.chars().take(w) {
            out.extend_from_slice(&(c as u32).to_le_bytes());
            n += 1;
        }
        out.resize(out.len() + (w - n) * 4, 0);
    }
    out
}

/// A row-major string array of `shape` from NumPy's UCS4 bytes (`swap` for big-endian data).
pub(crate) fn from_ucs4(bytes: &[u8], width: u32, swap: bool, shape: Vec<usize>) -> Result<Array> {
    let w = width as usize;
    let mut data: Vec<StrElem> = Vec::with_capacity(shape.iter().product());
    for item in bytes.chunks_exact(4 * w.max(1)) {
        let mut s = String::with_capacity(w);
        for unit in item.chunks_exact(4) {
            let b = [unit[0], unit[1], unit[2], unit[3]];
            let u = if swap {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            };
            let c = char::from_u32(u).ok_or_else(|| {
                ArrayError::value(format!(
                    "'utf-32-le' codec can't decode code point {u:#x}: not a Unicode scalar value"
                ))
            })?;
            s.push(c);
        }
        data.push(s.trim_end_matches('\0').into());
    }
    Ok(from_elems(data, width, shape))
}

// ----- astype ------------------------------------------------------------------------------------

/// `astype` of or to a string dtype.
pub(crate) fn astype(a: &Array, dtype: DType) -> Result<Array> {
    if let DType::Str(n) = dtype {
        let w = if n == 0 { a.dtype().str_width() } else { n };
        return Ok(from_texts(&texts(a), w, a.shape().to_vec()));
    }
    let e = elems(a);
    let shape = a.shape().to_vec();
    let np_str = |s: &str| format!("np.str_({})", py_repr(s));
    match dtype {
        DType::Bool => Ok(from_data(e.iter().map(|s| !s.is_empty()).collect(), shape)),
        DType::Float32 | DType::Float64 | DType::Complex64 | DType::Complex128 => {
            let mut v = Vec::with_capacity(e.len());
            for s in &e {
                v.push(parse_float(s).ok_or_else(|| {
                    ArrayError::value(format!("could not convert string to float: {}", np_str(s)))
                })?);
            }
            Ok(from_data(v, shape).astype(dtype))
        }
        _ => {
            let mut v = Vec::with_capacity(e.len());
            for s in &e {
                let x = parse_int(s).ok_or_else(|| {
                    ArrayError::value(format!(
                        "invalid literal for int() with base 10: {}",
                        np_str(s)
                    ))
                })?;
                crate::operand::check_int_fits(x, dtype)?;
                v.push(x);
            }
            Ok(crate::dispatch_int!(dtype, T => {
                from_data(v.into_iter().map(|x| x as T).collect::<Vec<T>>(), shape)
            }, _ => unsupported(dtype)))
        }
    }
}

/// Python's `int(s)`: optional sign, decimal digits with single underscores between them,
/// surrounding whitespace.
fn parse_int(s: &str) -> Option<i128> {
    let t = s.trim();
    let (neg, digits) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return None;
    }
    let v: i128 = digits.replace('_', "").parse().ok()?;
    Some(if neg { -v } else { v })
}

/// Python's `float(s)`: decimal and exponent forms, `nan`, `inf`, `infinity` (any case, with
/// a sign), surrounding whitespace.
fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let body = t.trim_start_matches(['+', '-']);
    if t.len() - body.len() > 1 {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "nan" | "inf" | "infinity") {
        let v = if lower == "nan" {
            f64::NAN
        } else {
            f64::INFINITY
        };
        return Some(if t.starts_with('-') { -v } else { v });
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'))
    {
        return None;
    }
    t.replace('_', "").parse().ok()
}

// ----- comparisons and concatenation ----------------------------------------------------------------

/// A comparison where at least one side is a string array: strings compare by code point with
/// broadcasting. With a number on the other side there is no loop (NumPy's `UFuncTypeError`),
/// except that the operators `==` and `!=` (`operator`) give all False and all True.
pub(crate) fn compare(op: Cmp, a: &Operand, b: &Operand, operator: bool) -> Result<Array> {
    let (sa, sb) = (a.dtype().is_str(), b.dtype().is_str());
    if !(sa && sb) {
        return match op {
            Cmp::Eq | Cmp::Ne if operator => {
                let shape = crate::broadcast::broadcast_shapes(&[a.shape(), b.shape()])?;
                let fill = op == Cmp::Ne;
                let n: usize = shape.iter().product();
                let r = from_data(vec![fill; n], shape);
                Ok(r.scalar_if_0d())
            }
            _ => Err(ArrayError::new(
                ErrorKind::UFuncTypeError,
                format!(
                    "ufunc '{}' did not contain a loop with signature matching types ({}, {}) \
                     -> None",
                    op.name(),
                    dtype_class(a),
                    dtype_class(b)
                ),
            )),
        };
    }
    let (xa, xb) = (a.clone().into_array(), b.clone().into_array());
    let (ea, eb) = (elems(&xa), elems(&xb));
    let (pa, pb) = (index_operand(&xa), index_operand(&xb));
    let f = |i: i64, j: i64| {
        let (x, y) = (ea[i as usize], eb[j as usize]);
        match op {
            Cmp::Gt => x > y,
            Cmp::Ge => x >= y,
            Cmp::Lt => x < y,
            Cmp::Le => x <= y,
            Cmp::Eq => x == y,
            Cmp::Ne => x != y,
        }
    };
    crate::operand::binary::<i64, i64, bool>(&pa, &pb, f)
}

/// An int64 array of `a`'s shape numbering its elements in row-major order.
fn index_operand(a: &Array) -> Operand<'static> {
    Operand::Owned(from_data(
        (0..a.size() as i64).collect(),
        a.shape().to_vec(),
    ))
}

/// `a + b` on strings (NumPy 2's `np.add` for `<U`): elementwise concatenation with
/// broadcasting; the width is the sum of the widths. A number on either side is NumPy's
/// `UFuncTypeError`.
pub(crate) fn add(a: &Operand, b: &Operand) -> Result<Array> {
    if !(a.dtype().is_str() && b.dtype().is_str()) {
        return Err(no_loop_binary("add", a, b));
    }
    let (xa, xb) = (a.clone().into_array(), b.clone().into_array());
    let (ea, eb) = (elems(&xa), elems(&xb));
    let (pa, pb) = (index_operand(&xa), index_operand(&xb));
    let nb = eb.len().max(1) as i64;
    let pairs = crate::operand::binary::<i64, i64, i64>(&pa, &pb, |i, j| i * nb + j)?;
    let data: Vec<String> = pairs
        .to_vec::<i64>()
        .into_iter()
        .map(|k| {
            let (i, j) = ((k / nb) as usize, (k % nb) as usize);
            let mut s = String::with_capacity(ea[i].len() + eb[j].len());
            s.push_str(ea[i]);
            s.push_str(eb[j]);
            s
        })
        .collect();
    let out = from_texts(&data, width(&xa) + width(&xb), pairs.shape().to_vec());
    Ok(if pairs.is_scalar() {
        out.scalar_if_0d()
    } else {
        out
    })
}

/// The operand as a string array, converting numbers to their text (NumPy's promotion of a
/// number joined with strings, `<U21` for an int64).
pub(crate) fn as_str_array(op: &Operand) -> Array {
    let a = op.clone().into_array();
    if a.dtype().is_str() {
        a
    } else {
        let w = op.dtype().str_width();
        from_texts(&texts(&a), w, a.shape().to_vec())
    }
}

#[cfg(test)]
mod tests {
    use crate::{self as np, Array, DType, s};

    #[test]
    fn creation_and_dtype() {
        let names = np::array!["Alice", "Bob", "Charlie"];
        assert_eq!(names.dtype(), DType::Str(7));
        assert_eq!(names.dtype().to_string(), "<U7");
        assert_eq!(names.dtype().name(), "str224");
        assert_eq!(names.itemsize(), 28);
        assert_eq!(names.nbytes(), 84);
        assert_eq!(names.strides(), vec![28]);
        assert_eq!(np::array(vec!["a", "bb"]).dtype(), DType::Str(2));
        assert_eq!(np::array(Vec::<&str>::new()).dtype(), DType::Str(1));
        assert_eq!(np::array![""].dtype(), DType::Str(1));
        let e = Array::try_from_strs(&["a"], [2]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: cannot reshape array of size 1 into shape (2,)"
        );
    }

    #[test]
    fn printing() {
        let names = np::array![
            "Alice", "Bob", "Charlie", "Diana", "Eve", "Frank", "Grace", "Henry"
        ];
        assert_eq!(
            format!("{names}"),
            "['Alice' 'Bob' 'Charlie' 'Diana' 'Eve' 'Frank' 'Grace' 'Henry']"
        );
        assert_eq!(
            format!("{names:?}"),
            "array(['Alice', 'Bob', 'Charlie', 'Diana', 'Eve', 'Frank', 'Grace',\n       'Henry'], dtype='<U7')"
        );
        let a = np::array![["a", "bb"], ["ccc", "d"]];
        assert_eq!(format!("{a}"), "[['a' 'bb']\n ['ccc' 'd']]");
        assert_eq!(
            format!("{a:?}"),
            "array([['a', 'bb'],\n       ['ccc', 'd']], dtype='<U3')"
        );
        let z = Array::from_strs(&[] as &[&str], [0]);
        assert_eq!(format!("{z:?}"), "array([], dtype='<U1')");
        let one = np::array("ab");
        assert_eq!(format!("{one}"), "ab");
        assert_eq!(format!("{one:?}"), "array('ab', dtype='<U2')");
        let b = names.slice(s![1]);
        assert_eq!(format!("{b}"), "Bob");
        assert_eq!(format!("{b:?}"), "np.str_('Bob')");
    }

    #[test]
    fn mask_and_fancy_indexing() {
        let scores = np::array![85, 92, 78, 96, 88, 73, 91, 82];
        let names = np::array![
            "Alice", "Bob", "Charlie", "Diana", "Eve", "Frank", "Grace", "Henry"
        ];
        let hp = scores.gt(85);
        let sel = names.index(s![&hp]);
        assert_eq!(format!("{sel}"), "['Bob' 'Diana' 'Eve' 'Grace']");
        assert_eq!(sel.dtype(), DType::Str(7));
        assert_eq!(
            names.index(s![[2, 0]]).to_strings(),
            vec!["Charlie", "Alice"]
        );
        assert_eq!(np::take(&names, [1, -1]).to_strings(), vec!["Bob", "Henry"]);
        let r = names.reshape([2, 4]);
        assert_eq!(r.t().copy().to_strings()[..2], ["Alice", "Eve"]);
        assert_eq!(
            r.slice(s![.., ..;3]).to_strings(),
            vec!["Alice", "Diana", "Eve", "Henry"]
        );
    }

    #[test]
    fn comparisons_and_concat() {
        let a = np::array!["b", "a", "c"];
        assert_eq!(a.eq("a").to_vec::<bool>(), vec![false, true, false]);
        assert_eq!(a.gt("a").to_vec::<bool>(), vec![true, false, true]);
        assert_eq!(
            a.lt(np::array!["c", "a", "a"]).to_vec::<bool>(),
            vec![true, false, false]
        );
        assert_eq!(a.eq(1).to_vec::<bool>(), vec![false; 3]);
        let e = a.try_lt_for_test();
        assert!(e.contains("did not contain a loop"));
        let c = &a + "x";
        assert_eq!(c.to_strings(), vec!["bx", "ax", "cx"]);
        assert_eq!(c.dtype(), DType::Str(2));
        let j = np::concatenate(&[&a, &np::array!["dddd"]], 0);
        assert_eq!(j.dtype(), DType::Str(4));
        assert_eq!(j.to_strings(), vec!["b", "a", "c", "dddd"]);
    }

    impl Array {
        fn try_lt_for_test(&self) -> String {
            crate::comparison::try_less(self, 1)
                .unwrap_err()
                .to_string()
        }
    }

    #[test]
    fn assignment_truncates() {
        let a = np::array!["aa", "bb"];
        a.set([0], "xyz");
        assert_eq!(a.to_strings(), vec!["xy", "bb"]);
        a.set(s![a.eq("bb")], "q");
        assert_eq!(a.to_strings(), vec!["xy", "q"]);
        a.set([1], 7);
        assert_eq!(a.get_str([1]), "7");
    }

    #[test]
    fn astype_both_ways() {
        let s = np::array![1, 22].astype(np::str_);
        assert_eq!(s.dtype(), DType::Str(21));
        assert_eq!(s.to_strings(), vec!["1", "22"]);
        assert_eq!(s.astype(DType::Int64).to_vec::<i64>(), vec![1, 22]);
        let f = np::array![0.1, 1e20].astype(np::str_);
        assert_eq!(f.to_strings(), vec!["0.1", "1e+20"]);
        let e = np::array!["x"].try_astype(DType::Float64).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: could not convert string to float: np.str_('x')"
        );
        assert_eq!(
            np::array!["", "a"].astype(DType::Bool).to_vec::<bool>(),
            vec![false, true]
        );
    }

    #[test]
    fn numeric_ops_are_type_errors() {
        let a = np::array!["a", "b"];
        let e = crate::arithmetic::try_subtract(&a, &a).unwrap_err();
        assert_eq!(
            e.to_string(),
            "UFuncTypeError: ufunc 'subtract' did not contain a loop with signature matching \
             types (dtype('<U1'), dtype('<U1')) -> None"
        );
        let r = std::panic::catch_unwind(|| np::sum(np::array!["a"]));
        assert!(r.is_err());
    }

    /// Every numeric operation on strings fails with one of NumPy's error classes, never with
    /// a Rust panic (an `unreachable!`, an index out of bounds, a dtype mismatch).
    #[test]
    fn numeric_operations_fail_cleanly() {
        use crate::linalg;
        let a = || np::array!["b", "", "a"];
        let m = || np::array![["a", "b"], ["c", "d"]];
        type Op = (&'static str, fn(&Array, &Array));
        let ops: Vec<Op> = vec![
            ("sum", |a, _| {
                let _ = a.sum();
            }),
            ("mean", |a, _| {
                let _ = a.mean();
            }),
            ("std", |a, _| {
                let _ = np::std(a);
            }),
            ("var", |a, _| {
                let _ = np::var(a);
            }),
            ("prod", |a, _| {
                let _ = np::prod(a);
            }),
            ("min", |a, _| {
                let _ = a.min();
            }),
            ("max_axis", |a, _| {
                let _ = np::max_axis(a, 0, false);
            }),
            ("ptp", |a, _| {
                let _ = np::ptp(a);
            }),
            ("nansum", |a, _| {
                let _ = np::nansum(a);
            }),
            ("nanmean", |a, _| {
                let _ = np::nanmean(a);
            }),
            ("nanmax", |a, _| {
                let _ = np::nanmax(a);
            }),
            ("cumsum", |a, _| {
                let _ = np::cumsum(a);
            }),
            ("cumprod", |a, _| {
                let _ = np::cumprod(a);
            }),
            ("median", |a, _| {
                let _ = np::median(a);
            }),
            ("percentile", |a, _| {
                let _ = np::percentile(a, 50.0);
            }),
            ("quantile", |a, _| {
                let _ = np::quantile(a, 0.5);
            }),
            ("sqrt", |a, _| {
                let _ = np::sqrt(a);
            }),
            ("exp", |a, _| {
                let _ = np::exp(a);
            }),
            ("log", |a, _| {
                let _ = np::log(a);
            }),
            ("sin", |a, _| {
                let _ = np::sin(a);
            }),
            ("abs", |a, _| {
                let _ = np::abs(a);
            }),
            ("sign", |a, _| {
                let _ = np::sign(a);
            }),
            ("square", |a, _| {
                let _ = np::square(a);
            }),
            ("negative", |a, _| {
                let _ = -a;
            }),
            ("positive", |a, _| {
                let _ = np::positive(a);
            }),
            ("reciprocal", |a, _| {
                let _ = np::reciprocal(a);
            }),
            ("floor", |a, _| {
                let _ = np::floor(a);
            }),
            ("round", |a, _| {
                let _ = np::round(a, 2);
            }),
            ("isnan", |a, _| {
                let _ = np::isnan(a);
            }),
            ("isfinite", |a, _| {
                let _ = np::isfinite(a);
            }),
            ("maximum", |a, b| {
                let _ = np::maximum(a, b);
            }),
            ("fmin", |a, b| {
                let _ = np::fmin(a, b);
            }),
            ("arctan2", |a, b| {
                let _ = np::arctan2(a, b);
            }),
            ("hypot", |a, _| {
                let _ = np::hypot(a, 1.0);
            }),
            ("clip", |a, _| {
                let _ = np::clip(a, 0, 1);
            }),
            ("add_int", |a, _| {
                let _ = a + 1;
            }),
            ("sub", |a, b| {
                let _ = a - b;
            }),
            ("mul", |a, b| {
                let _ = a * b;
            }),
            ("div", |a, _| {
                let _ = a / 2.0;
            }),
            ("pow", |a, _| {
                let _ = np::power(a, 2);
            }),
            ("floor_divide", |a, b| {
                let _ = np::floor_divide(a, b);
            }),
            ("mod", |a, _| {
                let _ = np::mod_(a, 2);
            }),
            ("iadd_int", |a, _| {
                let mut c = a.copy();
                c += 1;
            }),
            ("isub", |a, b| {
                let mut c = a.copy();
                c -= b;
            }),
            ("bitand", |a, b| {
                let _ = a & b;
            }),
            ("invert", |a, _| {
                let _ = !a;
            }),
            ("logical_not", |a, _| {
                let _ = np::logical_not(a);
            }),
            ("isclose", |a, b| {
                let _ = np::isclose(a, b);
            }),
            ("allclose", |a, b| {
                let _ = np::allclose(a, b);
            }),
            ("matmul", |_, b| {
                let _ = np::matmul(b, b);
            }),
            ("dot", |a, _| {
                let _ = np::dot(a, a);
            }),
            ("inner", |a, _| {
                let _ = np::inner(a, a);
            }),
            ("outer", |a, _| {
                let _ = np::outer(a, a);
            }),
            ("vdot", |a, _| {
                let _ = np::vdot(a, a);
            }),
            ("einsum", |a, _| {
                let _ = np::einsum("i->", &[a]);
            }),
            ("trace", |_, b| {
                let _ = np::trace(b);
            }),
            ("inv", |_, b| {
                let _ = linalg::inv(b);
            }),
            ("det", |_, b| {
                let _ = linalg::det(b);
            }),
            ("norm", |a, _| {
                let _ = linalg::norm(a);
            }),
            ("solve", |_, b| {
                let _ = linalg::solve(b, b);
            }),
            ("svd", |_, b| {
                let _ = linalg::svd(b);
            }),
            ("eig", |_, b| {
                let _ = linalg::eig(b);
            }),
            ("histogram", |a, _| {
                let _ = np::histogram(a, 3);
            }),
            ("bincount", |a, _| {
                let _ = np::bincount(a);
            }),
            ("real", |a, _| {
                let _ = np::real(a);
            }),
            ("imag", |a, _| {
                let _ = np::imag(a);
            }),
            ("get", |a, _| {
                let _ = a.get([0]);
            }),
            ("scalar_astype", |_, _| {
                let _ = crate::Scalar::from(1.0).astype(np::str_);
            }),
            ("parse_error", |_, _| {
                let _ = np::array!["x"].astype(np::int64);
            }),
            ("mmap", |_, _| {
                let _ = np::memmap("x.dat", np::str_, np::MmapMode::WritePlus, 0, Some(vec![2]));
            }),
        ];
        let classes = ["TypeError:", "UFuncTypeError:", "ValueError:"];
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let mut bad = Vec::new();
        for (name, op) in ops {
            let (x, y) = (a(), m());
            let b = if matches!(
                name,
                "matmul" | "trace" | "inv" | "det" | "solve" | "svd" | "eig"
            ) {
                y
            } else {
                x.clone()
            };
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| op(&x, &b))) {
                Ok(()) => {}
                Err(p) => {
                    let msg = p
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    if !classes.iter().any(|c| msg.starts_with(c)) {
                        bad.push(format!("{name}: {msg}"));
                    }
                }
            }
        }
        std::panic::set_hook(hook);
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn in_place_and_random_and_display() {
        let a = np::array!["pear", "apple", "fig"];
        a.sort();
        assert_eq!(a.to_strings(), vec!["apple", "fig", "pear"]);
        let b = np::array!["x", "y", "z", "w"];
        np::random::seed(1);
        np::random::shuffle(&b);
        let mut got = b.to_strings();
        got.sort();
        assert_eq!(got, vec!["w", "x", "y", "z"]);
        let p = np::random::permutation(&b);
        assert_eq!(p.dtype(), DType::Str(1));
        let mut rng = np::random::default_rng(0);
        let c = rng.choice(&b, 5, true, None::<&Array>);
        assert_eq!((c.shape(), c.dtype()), (&[5][..], DType::Str(1)));
        let info = crate::whos::describe_value(&a).unwrap();
        assert!(
            info.contains(r#""dtype":"<U5""#) && info.contains(r#""nbytes":60"#),
            "{info}"
        );
        let one = a.slice(s![0]);
        use crate::RichDisplay;
        assert_eq!(
            one.mime_bundle(),
            vec![("text/plain".to_string(), "np.str_('apple')".to_string())]
        );
        assert_eq!(
            a.mime_bundle()[0].1,
            "array(['apple', 'fig', 'pear'], dtype='<U5')"
        );
        let mut bytes = Vec::new();
        np::write_npy(&mut bytes, a.reshape([3, 1]).t()).unwrap();
        let back = np::read_npy(&mut bytes.as_slice()).unwrap();
        assert_eq!(
            (back.shape(), back.to_strings()),
            (&[1, 3][..], a.to_strings())
        );
        let z = np::zeros_dtype([2], DType::Str(3));
        assert_eq!(format!("{z:?}"), "array(['', ''], dtype='<U3')");
        assert_eq!(np::full_like(&z, true).to_strings(), vec!["Tru", "Tru"]);
        assert!(a.shares_memory(&a.slice(s![1..])) && !a.shares_memory(&a.copy()));
        assert_eq!(
            a.slice(s![..;2]).base().unwrap().to_strings(),
            a.to_strings()
        );
    }

    #[test]
    fn sort_and_unique() {
        let a = np::array!["pear", "apple", "fig", "apple"];
        assert_eq!(
            np::sort(&a).to_strings(),
            vec!["apple", "apple", "fig", "pear"]
        );
        assert_eq!(np::argsort(&a).to_vec::<i64>(), vec![1, 3, 2, 0]);
        assert_eq!(np::unique(&a).to_strings(), vec!["apple", "fig", "pear"]);
    }
}

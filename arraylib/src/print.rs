//! Text output exactly as NumPy writes it: `Display` is `str()`, `Debug` is `repr()`, for
//! arrays ([`array_str`], [`array_repr`], [`array2string`]) and scalars.
//!
//! Floats print with NumPy's rules (shortest unique digits up to `precision`, trailing-zero
//! trimming to `1.`, a common column width, scientific notation when the magnitudes call for
//! it), long rows wrap at `linewidth`, and arrays above `threshold` elements are summarized
//! with `...` before anything is formatted, so printing a huge array is instant. The options
//! live in [`crate::print_options`].
//!
//! ```
//! use arraylib as np;
//! let a = np::Array::from_vec(vec![1.0, 2.5, -3.0, 0.0], [2, 2]);
//! assert_eq!(format!("{a}"), "[[ 1.   2.5]\n [-3.   0. ]]");
//! assert_eq!(format!("{a:?}"), "array([[ 1. ,  2.5],\n       [-3. ,  0. ]])");
//! ```

use crate::array::Array;
use crate::dtype::{Complex64, Complex128, DType};
use crate::print_float::{
    FloatFormat, PrintFloat, Trim, format_float_positional, format_float_scientific,
    scalar_float_str,
};
use crate::print_options::{FloatMode, PrintOptions, Sign, get_printoptions};
use crate::scalar::Scalar;
use ndarray::Axis;
use std::fmt;

/// A shape as Python prints a tuple: `(3, 4)`, `(5,)`, `()`.
///
/// ```
/// assert_eq!(arraylib::print::shape_repr(&[5]), "(5,)");
/// assert_eq!(arraylib::print::shape_repr(&[3, 4]), "(3, 4)");
/// ```
pub fn shape_repr(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// Bytes in human units as NumPy's `MemoryError` message writes them (`7.28 TiB`).
///
/// ```
/// assert_eq!(arraylib::print::human_bytes(1536), "1.50 KiB");
/// ```
pub fn human_bytes(bytes: usize) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut v = bytes as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < units.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{v:.2} {}", units[u])
    }
}

// ----- element formatters (NumPy's FloatingFormat, IntegerFormat, ...) ---------------------

/// NumPy's `FloatingFormat`: one format for all the (shown) elements of a float array.
struct FloatFmt {
    exp: bool,
    ff: FloatFormat,
    pad_left: usize,
    pad_right: usize,
    plus: bool,
    nanstr: String,
    infstr: String,
}

impl FloatFmt {
    fn new<F: PrintFloat>(data: &[F], opts: &PrintOptions, sign: Sign) -> FloatFmt {
        let precision = match opts.floatmode {
            FloatMode::Unique => None,
            _ => Some(opts.precision),
        };
        let fixed = opts.floatmode == FloatMode::Fixed;
        let plus = sign == Sign::Plus;
        let finite: Vec<F> = data.iter().copied().filter(|x| x.finite()).collect();
        let mut exp = false;
        let mut nonzero = finite
            .iter()
            .map(|x| x.abs_val())
            .filter(|&x| x != F::zero());
        if let Some(first) = nonzero.next() {
            let (mut max, mut min) = (first, first);
            for x in nonzero {
                if x > max {
                    max = x;
                }
                if x < min {
                    min = x;
                }
            }
            exp = F::wants_exp(max, min, opts.suppress);
        }
        let (trim0, unique) = if fixed {
            (Trim::Keep, false)
        } else {
            (Trim::Point, true)
        };
        let first_pass = FloatFormat {
            precision,
            unique,
            trim: trim0,
            sign: plus,
            ..FloatFormat::default()
        };
        let (mut pad_left, pad_right, mut ff);
        if finite.is_empty() {
            pad_left = 0;
            pad_right = 0;
            ff = FloatFormat {
                precision,
                unique: true,
                trim: Trim::Point,
                sign: plus,
                ..FloatFormat::default()
            };
        } else if exp {
            let (mut int_w, mut frac_w, mut exp_w) = (0, 0, 0);
            for &x in &finite {
                let s = format_float_scientific(x, &first_pass);
                let (mant, e) = s.split_once('e').unwrap_or((&s, ""));
                let (i, f) = mant.split_once('.').unwrap_or((mant, ""));
                int_w = int_w.max(i.len());
                frac_w = frac_w.max(f.len());
                exp_w = exp_w.max(e.len());
            }
            let exp_size = exp_w.saturating_sub(1);
            pad_left = int_w;
            pad_right = exp_size + 2 + frac_w;
            ff = FloatFormat {
                precision: Some(frac_w),
                min_digits: Some(frac_w),
                unique,
                trim: Trim::Keep,
                sign: plus,
                exp_digits: Some(exp_size),
                ..FloatFormat::default()
            };
        } else {
            let (mut int_w, mut frac_w) = (0, 0);
            for &x in &finite {
                let s = format_float_positional(x, &first_pass);
                let (i, f) = s.split_once('.').unwrap_or((&s, ""));
                int_w = int_w.max(i.len());
                frac_w = frac_w.max(f.len());
            }
            pad_left = int_w;
            pad_right = frac_w;
            ff = if matches!(opts.floatmode, FloatMode::Fixed | FloatMode::MaxPrecEqual) {
                FloatFormat {
                    precision: Some(frac_w),
                    min_digits: Some(frac_w),
                    unique,
                    trim: Trim::Keep,
                    sign: plus,
                    ..FloatFormat::default()
                }
            } else {
                FloatFormat {
                    precision,
                    min_digits: Some(0),
                    unique,
                    trim: Trim::Point,
                    sign: plus,
                    ..FloatFormat::default()
                }
            };
        }
        if sign == Sign::Space && !finite.iter().any(|x| x.signbit()) {
            pad_left += 1;
        }
        if finite.len() != data.len() {
            let neginf =
                sign != Sign::Minus || data.iter().any(|&x| !x.finite() && !x.nan() && x.signbit());
            let offset = pad_right as isize + 1;
            let nan_w = opts.nanstr.chars().count() as isize - offset;
            let inf_w = opts.infstr.chars().count() as isize + neginf as isize - offset;
            pad_left = (pad_left as isize).max(nan_w).max(inf_w) as usize;
        }
        ff.pad_left = Some(pad_left);
        if !exp {
            ff.pad_right = Some(pad_right);
        }
        FloatFmt {
            exp,
            ff,
            pad_left,
            pad_right,
            plus,
            nanstr: opts.nanstr.clone(),
            infstr: opts.infstr.clone(),
        }
    }

    fn format<F: PrintFloat>(&self, x: F) -> String {
        if !x.finite() {
            let ret = if x.nan() {
                format!("{}{}", if self.plus { "+" } else { "" }, self.nanstr)
            } else {
                let s = if x.signbit() {
                    "-"
                } else if self.plus {
                    "+"
                } else {
                    ""
                };
                format!("{s}{}", self.infstr)
            };
            let width = self.pad_left + self.pad_right + 1;
            return format!("{ret:>width$}");
        }
        if self.exp {
            format_float_scientific(x, &self.ff)
        } else {
            format_float_positional(x, &self.ff)
        }
    }
}

/// Formats the shown elements of an array; implemented for every element type.
trait PrintElem: crate::Element {
    fn format_all(data: &[Self], opts: &PrintOptions, zero_d: bool) -> Vec<String>;
}

impl PrintElem for bool {
    fn format_all(data: &[bool], _opts: &PrintOptions, zero_d: bool) -> Vec<String> {
        let t = if zero_d { "True" } else { " True" };
        data.iter()
            .map(|&b| if b { t } else { "False" }.to_string())
            .collect()
    }
}

macro_rules! print_int {
    ($($t:ty),*) => {$(
        impl PrintElem for $t {
            #[allow(unused_comparisons)]
            fn format_all(data: &[$t], opts: &PrintOptions, _zero_d: bool) -> Vec<String> {
                let max = data.iter().copied().max();
                let min = data.iter().copied().min();
                let mut sign = opts.sign;
                let width = match (max, min) {
                    (Some(max), Some(min)) => {
                        if sign == Sign::Space && min < 0 {
                            sign = Sign::Minus;
                        }
                        let mut w = max.to_string().len();
                        if max >= 0 && sign != Sign::Minus {
                            w += 1;
                        }
                        w.max(min.to_string().len())
                    }
                    _ => 0,
                };
                data.iter()
                    .map(|&x| {
                        let s = match sign {
                            Sign::Plus if x >= 0 => format!("+{x}"),
                            Sign::Space if x >= 0 => format!(" {x}"),
                            _ => x.to_string(),
                        };
                        format!("{s:>width$}")
                    })
                    .collect()
            }
        }
    )*};
}
print_int!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! print_float_elem {
    ($($t:ty),*) => {$(
        impl PrintElem for $t {
            fn format_all(data: &[$t], opts: &PrintOptions, _zero_d: bool) -> Vec<String> {
                let f = FloatFmt::new(data, opts, opts.sign);
                data.iter().map(|&x| f.format(x)).collect()
            }
        }
    )*};
}
print_float_elem!(f32, f64);

macro_rules! print_complex_elem {
    ($($t:ty),*) => {$(
        impl PrintElem for $t {
            fn format_all(data: &[$t], opts: &PrintOptions, _zero_d: bool) -> Vec<String> {
                let re: Vec<_> = data.iter().map(|c| c.re).collect();
                let im: Vec<_> = data.iter().map(|c| c.im).collect();
                let rf = FloatFmt::new(&re, opts, opts.sign);
                let imf = FloatFmt::new(&im, opts, Sign::Plus);
                data.iter()
                    .map(|c| {
                        let r = rf.format(c.re);
                        let i = imf.format(c.im);
                        let sp = i.trim_end().len();
                        format!("{r}{}j{}", &i[..sp], &i[sp..])
                    })
                    .collect()
            }
        }
    )*};
}
print_complex_elem!(Complex64, Complex128);

// ----- layout (NumPy's _formatArray) -------------------------------------------------------

/// The shown part of an array: formatted elements of the kept corners, in row-major order.
struct Shown {
    elems: Vec<String>,
    shape: Vec<usize>,
    /// Row-major strides of `shape`.
    strides: Vec<usize>,
    /// Axes cut with `...`.
    summarized: Vec<bool>,
    edge: usize,
}

fn shown_elements<T: PrintElem>(a: &Array, opts: &PrintOptions) -> Shown {
    let (data, shape, summarized) = shown_data::<T>(a, opts);
    let elems = T::format_all(&data, opts, a.ndim() == 0);
    Shown::new(elems, shape, summarized, opts.edgeitems)
}

/// The shown elements of a string array: each as Python's `repr` of the string (`'Bob'`),
/// without padding, as NumPy prints them.
fn shown_strings(a: &Array, opts: &PrintOptions) -> Shown {
    let all = crate::strings::elems(a);
    let numbers = crate::operand::from_data((0..a.size() as i64).collect(), a.shape().to_vec());
    let (data, shape, summarized) = shown_data::<i64>(&numbers, opts);
    let elems = data
        .iter()
        .map(|&i| crate::strings::py_repr(all[i as usize]))
        .collect();
    Shown::new(elems, shape, summarized, opts.edgeitems)
}

/// The elements NumPy shows (the corners of a summarized array), in row-major order, with
/// their shape and which axes are cut with `...`.
fn shown_data<T: crate::Element>(
    a: &Array,
    opts: &PrintOptions,
) -> (Vec<T>, Vec<usize>, Vec<bool>) {
    let edge = opts.edgeitems;
    let summarize = a.size() > opts.threshold;
    let v = a.view::<T>();
    let mut summarized = vec![false; a.ndim()];
    let mut owned: Option<ndarray::ArrayD<T>> = None;
    for (ax, &n) in a.shape().iter().enumerate() {
        if summarize && n > 2 * edge {
            summarized[ax] = true;
            // Python's a[-0:] is the whole axis, so edgeitems=0 keeps everything.
            let keep: Vec<usize> = if edge == 0 {
                (0..n).collect()
            } else {
                (0..edge).chain(n - edge..n).collect()
            };
            let next = match &owned {
                Some(o) => o.select(Axis(ax), &keep),
                None => v.select(Axis(ax), &keep),
            };
            owned = Some(next);
        }
    }
    let (data, shape): (Vec<T>, Vec<usize>) = match owned {
        Some(o) => (o.iter().copied().collect(), o.shape().to_vec()),
        None => (v.iter().copied().collect(), a.shape().to_vec()),
    };
    (data, shape, summarized)
}

fn extend_line(s: &mut String, line: &mut String, word: &str, width: isize, prefix: &str) {
    // Python counts characters, not bytes (string elements may hold any text).
    let chars = |t: &str| t.chars().count();
    let mut needs_wrap = (chars(line) + chars(word)) as isize > width;
    if chars(line) <= chars(prefix) {
        needs_wrap = false;
    }
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        line.clear();
        line.push_str(prefix);
    }
    line.push_str(word);
}

impl Shown {
    fn new(elems: Vec<String>, shape: Vec<usize>, summarized: Vec<bool>, edge: usize) -> Shown {
        let mut strides = vec![1usize; shape.len()];
        for i in (0..shape.len().saturating_sub(1)).rev() {
            strides[i] = strides[i + 1] * shape[i + 1];
        }
        Shown {
            elems,
            shape,
            strides,
            summarized,
            edge,
        }
    }

    fn recurse(&self, axis: usize, base: usize, hanging: &str, width: isize, sep: &str) -> String {
        let ndim = self.shape.len();
        if axis == ndim {
            return self.elems[base].clone();
        }
        let next_hanging = format!("{hanging} ");
        let next_width = width - 1;
        let len = self.shape[axis];
        let stride = self.strides[axis];
        let show_summary = self.summarized[axis];
        let (leading, trailing) = if show_summary {
            (self.edge, self.edge)
        } else {
            (0, len)
        };
        let sub =
            |i: usize| self.recurse(axis + 1, base + i * stride, &next_hanging, next_width, sep);
        let mut s = String::new();
        if axis + 1 == ndim {
            let sep_w = sep.trim_end().len().max(1) as isize;
            let elem_width = width - sep_w;
            let mut line = hanging.to_string();
            for i in 0..leading {
                extend_line(&mut s, &mut line, &sub(i), elem_width, hanging);
                line.push_str(sep);
            }
            if show_summary {
                extend_line(&mut s, &mut line, "...", elem_width, hanging);
                line.push_str(sep);
            }
            for i in (2..=trailing).rev() {
                extend_line(&mut s, &mut line, &sub(len - i), elem_width, hanging);
                line.push_str(sep);
            }
            extend_line(&mut s, &mut line, &sub(len - 1), elem_width, hanging);
            s.push_str(&line);
        } else {
            let line_sep = format!("{}{}", sep.trim_end(), "\n".repeat(ndim - axis - 1));
            for i in 0..leading {
                s.push_str(hanging);
                s.push_str(&sub(i));
                s.push_str(&line_sep);
            }
            if show_summary {
                s.push_str(hanging);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for i in (2..=trailing).rev() {
                s.push_str(hanging);
                s.push_str(&sub(len - i));
                s.push_str(&line_sep);
            }
            s.push_str(hanging);
            s.push_str(&sub(len - 1));
        }
        format!("[{}]", &s[hanging.len()..])
    }
}

/// `np.array2string` with the array's own dtype formatter, before the `repr` extras.
fn array2string_impl(
    a: &Array,
    opts: &PrintOptions,
    sep: &str,
    prefix: &str,
    suffix: &str,
) -> String {
    if a.size() == 0 {
        return "[]".to_string();
    }
    let shown = if a.dtype().is_str() {
        shown_strings(a, opts)
    } else {
        crate::dispatch!(a.dtype(), T => shown_elements::<T>(a, opts))
    };
    let hanging = format!(" {}", " ".repeat(prefix.chars().count()));
    let width = opts.linewidth as isize - suffix.chars().count() as isize;
    shown.recurse(0, 0, &hanging, width, sep)
}

fn dtype_implied(d: DType) -> bool {
    matches!(
        d,
        DType::Int64 | DType::Float64 | DType::Complex128 | DType::Bool
    )
}

fn repr_with(a: &Array, opts: &PrintOptions) -> String {
    let prefix = "array(";
    let lst = array2string_impl(a, opts, ", ", prefix, ")");
    let mut extras = Vec::new();
    if (a.size() == 0 && a.shape() != [0]) || a.size() > opts.threshold {
        extras.push(format!("shape={}", shape_repr(a.shape())));
    }
    if a.dtype().is_str() {
        // NumPy quotes a dtype that has no plain name: `dtype='<U7'`.
        extras.push(format!("dtype='{}'", a.dtype()));
    } else if !dtype_implied(a.dtype()) || a.size() == 0 {
        extras.push(format!("dtype={}", a.dtype().name()));
    }
    if extras.is_empty() {
        return format!("{prefix}{lst})");
    }
    let arr_str = format!("{prefix}{lst},");
    let extra_str = format!("{})", extras.join(", "));
    let last_line_len = arr_str[arr_str.rfind('\n').map_or(0, |p| p + 1)..]
        .chars()
        .count();
    let spacer = if last_line_len + extra_str.len() + 1 > opts.linewidth {
        format!("\n{}", " ".repeat(prefix.len()))
    } else {
        " ".to_string()
    };
    format!("{arr_str}{spacer}{extra_str}")
}

fn first_scalar(a: &Array) -> Scalar {
    crate::dispatch!(a.dtype(), T => Scalar::from(a.view::<T>().iter().next().copied().unwrap_or_default()))
}

fn str_with(a: &Array, opts: &PrintOptions) -> String {
    if a.ndim() == 0 && a.dtype().is_str() {
        return crate::strings::elems(a)[0].to_string();
    }
    if a.ndim() == 0 {
        return scalar_str(&first_scalar(a));
    }
    array2string_impl(a, opts, " ", "", "")
}

/// NumPy's `np.array_repr(a)`: the text of `repr(a)` (also `format!("{a:?}")`, except for an
/// array that stands for a NumPy scalar, [`Array::is_scalar`], which this still prints as
/// the 0-d array it is).
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::array_repr(np::arange(3)), "array([0, 1, 2])");
/// assert_eq!(np::array_repr(np::zeros([0, 3])), "array([], shape=(0, 3), dtype=float64)");
/// ```
pub fn array_repr(a: impl AsRef<Array>) -> String {
    repr_with(a.as_ref(), &get_printoptions())
}

/// NumPy's `np.array_str(a)`: the text of `str(a)` (also `format!("{a}")`).
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::array_str(np::arange(3)), "[0 1 2]");
/// ```
pub fn array_str(a: impl AsRef<Array>) -> String {
    str_with(a.as_ref(), &get_printoptions())
}

/// NumPy's `np.array2string(a)` with the current print options: like `str(a)`, except that a
/// 0-d array is formatted as an array element.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::array2string(np::linspace(0.0, 1.0, 3)), "[0.  0.5 1. ]");
/// ```
pub fn array2string(a: impl AsRef<Array>) -> String {
    array2string_impl(a.as_ref(), &get_printoptions(), " ", "", "")
}

/// NumPy's `np.array2string(a, separator=..., prefix=..., **options)` with explicit options.
///
/// `prefix` only sets the indentation of wrapped lines (it is not printed), as in NumPy.
///
/// ```
/// use arraylib as np;
/// let opts = np::PrintOptions { precision: 2, ..np::PrintOptions::default() };
/// let a = np::Array::from(vec![1.0 / 3.0, 2.0 / 3.0]);
/// assert_eq!(np::array2string_with(&a, &opts, ", ", ""), "[0.33, 0.67]");
/// ```
pub fn array2string_with(
    a: impl AsRef<Array>,
    options: &PrintOptions,
    separator: &str,
    prefix: &str,
) -> String {
    array2string_impl(a.as_ref(), options, separator, prefix, "")
}

impl fmt::Display for Array {
    /// NumPy's `str(a)`; a precision (`{:.3}`) overrides the `precision` print option. An
    /// array that stands for a NumPy scalar ([`Array::is_scalar`]) prints as the [`Scalar`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_scalar() && self.dtype().is_str() {
            // NumPy's `np.str_` prints as the text itself, with Python's format spec.
            return f.pad(crate::strings::elems(self)[0]);
        }
        if self.is_scalar() {
            return fmt::Display::fmt(&self.get(()), f);
        }
        let mut opts = get_printoptions();
        if let Some(p) = f.precision() {
            opts.precision = p;
        }
        f.write_str(&str_with(self, &opts))
    }
}

impl fmt::Debug for Array {
    /// NumPy's `repr(a)`; `np.float64(6.0)` for an array that stands for a NumPy scalar
    /// ([`Array::is_scalar`]), as the [`Scalar`] prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_scalar() && self.dtype().is_str() {
            let text = crate::strings::py_repr(crate::strings::elems(self)[0]);
            return f.pad(&format!("np.str_({text})"));
        }
        if self.is_scalar() {
            return fmt::Debug::fmt(&self.get(()), f);
        }
        let mut opts = get_printoptions();
        if let Some(p) = f.precision() {
            opts.precision = p;
        }
        f.write_str(&repr_with(self, &opts))
    }
}

// ----- scalars -------------------------------------------------------------------------------

/// `str()` of a complex scalar: `(1+2j)`, `1j`, `(nan+0j)`; `parens` false gives the inside
/// of the parentheses as NumPy's repr prints it.
fn complex_str<F: PrintFloat>(re: F, im: F, parens: bool) -> String {
    if re.to_f64() == 0.0 && !re.signbit() {
        return format!("{}j", scalar_float_str(im, Trim::Minus, false));
    }
    let r = scalar_float_str(re, Trim::Minus, false);
    let i = if im.finite() {
        scalar_float_str(im, Trim::Minus, true)
    } else if im.nan() {
        "+nan".to_string()
    } else if im.signbit() {
        "-inf".to_string()
    } else {
        "+inf".to_string()
    };
    if parens {
        format!("({r}{i}j)")
    } else {
        format!("{r}{i}j")
    }
}

/// NumPy's `str()` of a scalar.
fn scalar_str(s: &Scalar) -> String {
    match *s {
        Scalar::Bool(b) => if b { "True" } else { "False" }.to_string(),
        Scalar::Int8(x) => x.to_string(),
        Scalar::Int16(x) => x.to_string(),
        Scalar::Int32(x) => x.to_string(),
        Scalar::Int64(x) => x.to_string(),
        Scalar::UInt8(x) => x.to_string(),
        Scalar::UInt16(x) => x.to_string(),
        Scalar::UInt32(x) => x.to_string(),
        Scalar::UInt64(x) => x.to_string(),
        Scalar::Float32(x) => scalar_float_str(x, Trim::Zero, false),
        Scalar::Float64(x) => scalar_float_str(x, Trim::Zero, false),
        Scalar::Complex64(c) => complex_str(c.re, c.im, true),
        Scalar::Complex128(c) => complex_str(c.re, c.im, true),
    }
}

/// NumPy's `repr()` of a scalar: `np.float64(2.5)`, `np.True_`, `np.complex128(1+2j)`.
fn scalar_repr(s: &Scalar) -> String {
    match *s {
        Scalar::Bool(b) => if b { "np.True_" } else { "np.False_" }.to_string(),
        Scalar::Complex64(c) => format!("np.complex64({})", complex_str(c.re, c.im, false)),
        Scalar::Complex128(c) => format!("np.complex128({})", complex_str(c.re, c.im, false)),
        _ => format!("np.{}({})", s.dtype().name(), scalar_str(s)),
    }
}

/// Python's `f"{x:.{p}f}"` for a float: `nan` and `inf` in lowercase.
fn fixed<F: PrintFloat>(x: F, p: usize) -> String {
    if x.finite() {
        format!("{x:.p$}")
    } else {
        scalar_float_str(x, Trim::Zero, false)
    }
}

/// Python's `f"{x:.{p}e}"` for a float: at least two exponent digits with a sign.
fn exp_fixed(x: f64, p: usize) -> String {
    if !x.is_finite() {
        return scalar_float_str(x, Trim::Zero, false);
    }
    let s = format!("{x:.p$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!(
        "{m}e{}{:02}",
        if e < 0 { '-' } else { '+' },
        e.unsigned_abs()
    )
}

/// Writes a number's text with the formatter's sign, width, fill, alignment and zero-padding
/// flags, as Python's format spec does for numbers (right-aligned unless told otherwise).
fn pad_number(f: &mut fmt::Formatter<'_>, mut s: String) -> fmt::Result {
    if f.sign_plus() && !s.starts_with('-') && !s.starts_with('(') {
        s.insert(0, '+');
    }
    let Some(width) = f.width() else {
        return f.write_str(&s);
    };
    let len = s.chars().count();
    if len >= width {
        return f.write_str(&s);
    }
    let n = width - len;
    if f.sign_aware_zero_pad() {
        let sign_len = usize::from(s.starts_with(['-', '+']));
        let (sign, rest) = s.split_at(sign_len);
        return write!(f, "{sign}{}{rest}", "0".repeat(n));
    }
    let fill = f.fill().to_string();
    match f.align() {
        Some(fmt::Alignment::Left) => write!(f, "{s}{}", fill.repeat(n)),
        Some(fmt::Alignment::Center) => {
            write!(f, "{}{s}{}", fill.repeat(n / 2), fill.repeat(n - n / 2))
        }
        _ => write!(f, "{}{s}", fill.repeat(n)),
    }
}

impl fmt::Display for Scalar {
    /// NumPy's `str(x)` (`2.5`, `1e-05`, `True`, `(1+2j)`); a precision formats like Python's
    /// `f"{x:.4f}"`, and width, fill, alignment, `+` and `0` flags work as in Python.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Python formats NumPy scalars with a non-empty spec as the builtin type: a bool as
        // the int 1 or 0, a float32 as the float64 it widens to.
        let spec = f.width().is_some() || f.sign_plus() || f.sign_aware_zero_pad();
        let s = match f.precision() {
            None if spec => match *self {
                Scalar::Bool(b) => u8::from(b).to_string(),
                Scalar::Float32(x) => scalar_float_str(x as f64, Trim::Zero, false),
                _ => scalar_str(self),
            },
            None => scalar_str(self),
            Some(p) => match *self {
                Scalar::Float32(x) => fixed(x, p),
                Scalar::Float64(x) => fixed(x, p),
                Scalar::Complex64(c) => complex_fixed(c.re as f64, c.im as f64, p),
                Scalar::Complex128(c) => complex_fixed(c.re, c.im, p),
                other => fixed(other.to_f64(), p),
            },
        };
        pad_number(f, s)
    }
}

fn complex_fixed(re: f64, im: f64, p: usize) -> String {
    let i = fixed(im, p);
    let sign = if i.starts_with('-') { "" } else { "+" };
    format!("{}{sign}{i}j", fixed(re, p))
}

impl fmt::Debug for Scalar {
    /// NumPy's `repr(x)`: `np.float64(2.5)`, `np.int64(3)`, `np.True_`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&scalar_repr(self))
    }
}

impl fmt::LowerExp for Scalar {
    /// Python's `f"{x:e}"` / `f"{x:.3e}"` (six digits by default, exponent `e+00`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = f.precision().unwrap_or(6);
        let s = match *self {
            Scalar::Complex64(Complex64 { re, im }) => complex_exp(re as f64, im as f64, p),
            Scalar::Complex128(Complex128 { re, im }) => complex_exp(re, im, p),
            other => exp_fixed(other.to_f64(), p),
        };
        pad_number(f, s)
    }
}

fn complex_exp(re: f64, im: f64, p: usize) -> String {
    let i = exp_fixed(im, p);
    let sign = if i.starts_with('-') { "" } else { "+" };
    format!("{}{sign}{i}j", exp_fixed(re, p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::s;

    fn d() -> PrintOptions {
        PrintOptions::default()
    }
    fn st(a: &Array) -> String {
        str_with(a, &d())
    }
    fn rp(a: &Array) -> String {
        repr_with(a, &d())
    }
    fn f64s(v: &[f64]) -> Array {
        Array::from(v.to_vec())
    }

    // Every expected string below was produced by NumPy 2.4.
    #[test]
    fn ints_and_bools() {
        let a = crate::arange(12).reshape([3, 4]);
        assert_eq!(st(&a), "[[ 0  1  2  3]\n [ 4  5  6  7]\n [ 8  9 10 11]]");
        assert_eq!(
            rp(&a),
            "array([[ 0,  1,  2,  3],\n       [ 4,  5,  6,  7],\n       [ 8,  9, 10, 11]])"
        );
        let b = Array::from(vec![false, true, false]);
        assert_eq!(st(&b), "[False  True False]");
        assert_eq!(rp(&b), "array([False,  True, False])");
        let c = Array::from(vec![-3i8, 4, 100]);
        assert_eq!(rp(&c), "array([ -3,   4, 100], dtype=int8)");
        assert_eq!(rp(&Array::from(vec![true]).reshape(())), "array(True)");
    }

    #[test]
    fn floats() {
        assert_eq!(st(&f64s(&[1.0, 2.5, -3.0])), "[ 1.   2.5 -3. ]");
        assert_eq!(st(&f64s(&[0.1, 1.5e-5])), "[1.0e-01 1.5e-05]");
        assert_eq!(rp(&f64s(&[1e7, 1.5])), "array([1.0e+07, 1.5e+00])");
        assert_eq!(
            rp(&f64s(&[1.0, f64::NAN, f64::NEG_INFINITY])),
            "array([  1.,  nan, -inf])"
        );
        assert_eq!(
            rp(&f64s(&[1.0 / 3.0, 2.0])),
            "array([0.33333333, 2.        ])"
        );
        let f32a = Array::from(vec![0.1f32, 1000.0001]);
        assert_eq!(st(&f32a), "[1.0000000e-01 1.0000001e+03]");
        assert_eq!(
            rp(&Array::from(vec![1e6f32, 1.5])),
            "array([1.0e+06, 1.5e+00], dtype=float32)"
        );
    }

    #[test]
    fn complex_values() {
        let c = Array::from(vec![Complex128::new(1.0, 2.0), Complex128::new(3.0, -4.5)]);
        assert_eq!(rp(&c), "array([1.+2.j , 3.-4.5j])");
    }

    #[test]
    fn empty_and_summary() {
        assert_eq!(rp(&crate::zeros(0)), "array([], dtype=float64)");
        assert_eq!(
            rp(&crate::zeros([0, 3])),
            "array([], shape=(0, 3), dtype=float64)"
        );
        assert_eq!(
            st(&crate::arange(2000)),
            "[   0    1    2 ... 1997 1998 1999]"
        );
        assert_eq!(
            rp(&crate::arange(2000)),
            "array([   0,    1,    2, ..., 1997, 1998, 1999], shape=(2000,))"
        );
        let a = crate::arange(3000).reshape([3, 1000]);
        assert_eq!(
            st(&a),
            "[[   0    1    2 ...  997  998  999]\n [1000 1001 1002 ... 1997 1998 1999]\n [2000 2001 2002 ... 2997 2998 2999]]"
        );
    }

    #[test]
    fn views_and_3d() {
        let a = crate::arange(24).reshape([2, 3, 4]);
        assert_eq!(
            st(&a),
            "[[[ 0  1  2  3]\n  [ 4  5  6  7]\n  [ 8  9 10 11]]\n\n [[12 13 14 15]\n  [16 17 18 19]\n  [20 21 22 23]]]"
        );
        let v = crate::arange(10).slice(s![..;-3]);
        assert_eq!(st(&v), "[9 6 3 0]");
    }

    #[test]
    fn wrapping() {
        let a = crate::arange(30);
        assert_eq!(
            st(&a),
            "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n 24 25 26 27 28 29]"
        );
        assert_eq!(
            rp(&a),
            "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])"
        );
    }

    #[test]
    fn scalars() {
        assert_eq!(format!("{:?}", Scalar::from(2.5)), "np.float64(2.5)");
        assert_eq!(format!("{}", Scalar::from(1e-5)), "1e-05");
        assert_eq!(format!("{:?}", Scalar::from(true)), "np.True_");
        assert_eq!(format!("{:?}", Scalar::from(0.1f32)), "np.float32(0.1)");
        assert_eq!(
            format!("{}", Scalar::from(Complex128::new(1.0, 2.0))),
            "(1+2j)"
        );
        assert_eq!(
            format!("{:?}", Scalar::from(Complex128::new(0.0, 1.0))),
            "np.complex128(1j)"
        );
        assert_eq!(
            format!("{}", Scalar::from(Complex128::new(-0.0, -1.0))),
            "(-0-1j)"
        );
        assert_eq!(
            format!("{}", Scalar::from(Complex128::new(1e20, 1e-5))),
            "(1e+20+1e-05j)"
        );
        assert_eq!(format!("{:.4}", Scalar::from(2.0 / 3.0)), "0.6667");
        assert_eq!(format!("{:>8.2}", Scalar::from(2.5)), "    2.50");
        assert_eq!(format!("{:8}", Scalar::from(3i64)), "       3");
        assert_eq!(format!("{:<6}|", Scalar::from(3i64)), "3     |");
        assert_eq!(format!("{:+.1}", Scalar::from(2.0)), "+2.0");
        assert_eq!(format!("{:08.3}", Scalar::from(-1.5)), "-001.500");
        assert_eq!(format!("{:.2}", Scalar::from(f64::NAN)), "nan");
        assert_eq!(
            format!("{:.2}", Scalar::from(Complex128::new(1.0, -2.0))),
            "1.00-2.00j"
        );
        assert_eq!(format!("{:.3e}", Scalar::from(1234.5)), "1.234e+03");
        assert_eq!(format!("{:e}", Scalar::from(1.5)), "1.500000e+00");
        assert_eq!(format!("{:8}", Scalar::from(0.1f32)), "0.10000000149011612");
        assert_eq!(format!("{:>6}", Scalar::from(true)), "     1");
        assert_eq!(format!("{}", Scalar::from(true)), "True");
        assert_eq!(
            format!("{:>10}", Scalar::from(Complex128::new(1.0, 2.0))),
            "    (1+2j)"
        );
        assert_eq!(format!("{:+}", Scalar::from(2.5)), "+2.5");
        assert_eq!(format!("{:+.2}", Scalar::from(f64::NAN)), "+nan");
    }
}

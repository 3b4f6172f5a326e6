//! Text tables: `np.loadtxt`, `np.genfromtxt` and `np.savetxt`.
//!
//! The common calls are one line: `np::loadtxt("data.csv", ",")`, `np::genfromtxt("data.csv",
//! ",")`, `np::savetxt("out.csv", &a, ",")`; a delimiter of `""` (or only whitespace) means
//! "any run of whitespace", NumPy's `delimiter=None`. Every other option is a method of the
//! builders [`LoadTxt`], [`GenFromTxt`] and [`SaveTxt`]:
//!
//! ```
//! use arraylib as np;
//! let a = np::LoadTxt::new()
//!     .delimiter(",")
//!     .skiprows(1)
//!     .usecols([0, 2])
//!     .dtype(np::int32)
//!     .load_str("a,b,c\n1,2,3\n4,5,6\n");
//! assert_eq!(a.to_vec::<i32>(), vec![1, 3, 4, 6]);
//! ```

use crate::array::Array;
use crate::dispatch;
use crate::dtype::{Complex64, Complex128, DType, Element};
use crate::error::{ArrayError, OrPanic, Result};
use std::io::{Read, Write};
use std::path::Path;

// ----- parsing fields --------------------------------------------------------------------------

/// An element type a text field converts to.
trait FromField: Element {
    fn parse_field(s: &str) -> Option<Self>;
    /// `genfromtxt`'s value for a missing or invalid field.
    fn missing() -> Self;
    fn from_f64(v: f64) -> Self;
}

macro_rules! int_field {
    ($($t:ty),*) => {$(
        impl FromField for $t {
            fn parse_field(s: &str) -> Option<Self> {
                s.strip_prefix('+').unwrap_or(s).parse::<$t>().ok().filter(|_| !s.starts_with("+-"))
            }
            fn missing() -> Self {
                (-1i64) as $t
            }
            fn from_f64(v: f64) -> Self {
                v as $t
            }
        }
    )*};
}
int_field!(i8, i16, i32, i64, u8, u16, u32, u64);

impl FromField for f64 {
    fn parse_field(s: &str) -> Option<Self> {
        s.parse().ok()
    }
    fn missing() -> Self {
        f64::NAN
    }
    fn from_f64(v: f64) -> Self {
        v
    }
}

impl FromField for f32 {
    fn parse_field(s: &str) -> Option<Self> {
        // Parse as float64 then round, as NumPy does, so "0.1" gives float32(0.1).
        s.parse::<f64>().ok().map(|v| v as f32)
    }
    fn missing() -> Self {
        f32::NAN
    }
    fn from_f64(v: f64) -> Self {
        v as f32
    }
}

impl FromField for bool {
    fn parse_field(s: &str) -> Option<Self> {
        i64::parse_field(s).map(|v| v != 0)
    }
    fn missing() -> Self {
        true
    }
    fn from_f64(v: f64) -> Self {
        v != 0.0
    }
}

impl FromField for Complex128 {
    fn parse_field(s: &str) -> Option<Self> {
        parse_complex(s)
    }
    fn missing() -> Self {
        Complex128::new(f64::NAN, 0.0)
    }
    fn from_f64(v: f64) -> Self {
        Complex128::new(v, 0.0)
    }
}

impl FromField for Complex64 {
    fn parse_field(s: &str) -> Option<Self> {
        parse_complex(s).map(|c| Complex64::new(c.re as f32, c.im as f32))
    }
    fn missing() -> Self {
        Complex64::new(f32::NAN, 0.0)
    }
    fn from_f64(v: f64) -> Self {
        Complex64::new(v as f32, 0.0)
    }
}

/// Python's `complex("1+2j")`: `a`, `bj`, `a+bj`, `a-bj`, optionally in parentheses.
fn parse_complex(s: &str) -> Option<Complex128> {
    let s = s.trim();
    let s = s
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(s)
        .trim();
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return s.parse().ok().map(|re| Complex128::new(re, 0.0));
    };
    // The imaginary part starts at the last sign that is not the first character and does not
    // follow an exponent marker.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let parse_im = |t: &str| match t {
        "" | "+" => Some(1.0),
        "-" => Some(-1.0),
        t => t.parse::<f64>().ok(),
    };
    match split {
        Some(i) => Some(Complex128::new(
            body[..i].parse().ok()?,
            parse_im(&body[i..])?,
        )),
        None => Some(Complex128::new(0.0, parse_im(body)?)),
    }
}

/// Splits a line into fields: on a one-character delimiter (fields trimmed), or on runs of
/// whitespace when there is none.
fn split(line: &str, delimiter: Option<char>) -> Vec<&str> {
    match delimiter {
        None => line.split_whitespace().collect(),
        Some(d) => line.split(d).map(str::trim).collect(),
    }
}

/// The part of a line before any comment marker.
fn strip_comment<'a>(line: &'a str, comments: &[String]) -> &'a str {
    let mut end = line.len();
    for c in comments {
        if !c.is_empty()
            && let Some(i) = line.find(c.as_str())
        {
            end = end.min(i);
        }
    }
    line[..end].trim_end_matches(['\r', '\n'])
}

fn parse_delimiter(d: &Option<String>) -> Result<Option<char>> {
    match d {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Some(c)),
                _ => Err(ArrayError::type_error(format!(
                    "Text reading control character must be a single unicode character or None; but got: '{s}'"
                ))),
            }
        }
    }
}

/// The delimiter argument of the short forms: empty or whitespace-only means any whitespace.
fn delimiter_arg(d: &str) -> Option<String> {
    if d.trim().is_empty() {
        None
    } else {
        Some(d.to_string())
    }
}

/// Resolves `usecols` against the number of columns of a row.
fn resolve_cols(usecols: &Option<Vec<isize>>, ncols: usize, row: usize) -> Result<Vec<usize>> {
    match usecols {
        None => Ok((0..ncols).collect()),
        Some(cols) => cols
            .iter()
            .map(|&c| {
                let i = if c < 0 { c + ncols as isize } else { c };
                if i < 0 || i as usize >= ncols {
                    Err(ArrayError::value(format!(
                        "invalid column index {c} at row {row} with {ncols} columns"
                    )))
                } else {
                    Ok(i as usize)
                }
            })
            .collect(),
    }
}

/// NumPy's `_ensure_ndmin_ndarray`: squeeze length-1 axes beyond `ndmin`, then pad up to it
/// (a column for `ndmin=2`).
fn ensure_ndmin(a: Array, ndmin: usize) -> Array {
    let mut a = a;
    if a.ndim() > ndmin {
        a = a.squeeze();
    }
    if a.ndim() < ndmin {
        a = match ndmin {
            1 => a.reshape([1]),
            _ => {
                let n = a.size();
                a.reshape([n, 1])
            }
        };
    }
    a
}

fn read_all(path: &Path) -> Result<String> {
    let mut f = super::open(path)?;
    let mut s = String::new();
    f.read_to_string(&mut s)
        .map_err(|e| super::os_error(e, path))?;
    Ok(s)
}

// ----- loadtxt ----------------------------------------------------------------------------------

/// Options of `np.loadtxt`; build with [`LoadTxt::new`] and the setters, then call
/// [`LoadTxt::load`] (a file), [`LoadTxt::load_str`] (text) or [`LoadTxt::try_load_reader`].
///
/// ```
/// let a = arraylib::LoadTxt::new().load_str("1 2\n3 4\n");
/// assert_eq!(a.shape(), &[2, 2]);
/// ```
#[derive(Clone, Debug)]
pub struct LoadTxt {
    delimiter: Option<String>,
    comments: Vec<String>,
    skiprows: usize,
    usecols: Option<Vec<isize>>,
    dtype: DType,
    max_rows: Option<usize>,
    ndmin: usize,
}

impl Default for LoadTxt {
    fn default() -> Self {
        LoadTxt {
            delimiter: None,
            comments: vec!["#".to_string()],
            skiprows: 0,
            usecols: None,
            dtype: DType::Float64,
            max_rows: None,
            ndmin: 0,
        }
    }
}

impl LoadTxt {
    /// NumPy's defaults: whitespace-delimited float64, `#` comments.
    ///
    /// ```
    /// assert_eq!(arraylib::LoadTxt::new().load_str("1 2 # c").to_vec::<f64>(), vec![1.0, 2.0]);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `delimiter=`: one character; `""` or whitespace means any run of whitespace.
    ///
    /// ```
    /// assert_eq!(arraylib::LoadTxt::new().delimiter(";").load_str("1;2").size(), 2);
    /// ```
    pub fn delimiter(mut self, d: &str) -> Self {
        self.delimiter = delimiter_arg(d);
        self
    }

    /// `comments=`: the marker that starts a comment (`""` for none).
    ///
    /// ```
    /// assert_eq!(arraylib::LoadTxt::new().comments("%").load_str("% x\n1 2").size(), 2);
    /// ```
    pub fn comments(mut self, c: &str) -> Self {
        self.comments = vec![c.to_string()];
        self
    }

    /// `skiprows=`: lines to skip at the start, comments included.
    ///
    /// ```
    /// assert_eq!(arraylib::LoadTxt::new().skiprows(1).load_str("x y\n1 2").size(), 2);
    /// ```
    pub fn skiprows(mut self, n: usize) -> Self {
        self.skiprows = n;
        self
    }

    /// `usecols=`: the columns to read, negative from the end.
    ///
    /// ```
    /// assert_eq!(arraylib::LoadTxt::new().usecols([-1]).load_str("1 2\n3 4").to_vec::<f64>(), vec![2.0, 4.0]);
    /// ```
    pub fn usecols(mut self, cols: impl IntoIterator<Item = isize>) -> Self {
        self.usecols = Some(cols.into_iter().collect());
        self
    }

    /// `dtype=`: the element type (float64 by default).
    ///
    /// ```
    /// assert_eq!(arraylib::LoadTxt::new().dtype(arraylib::int64).load_str("1 2").dtype(), arraylib::int64);
    /// ```
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = dtype;
        self
    }

    /// `max_rows=`: read at most this many data rows.
    ///
    /// ```
    /// assert_eq!(arraylib::LoadTxt::new().max_rows(1).load_str("1 2\n3 4").shape(), &[2]);
    /// ```
    pub fn max_rows(mut self, n: usize) -> Self {
        self.max_rows = Some(n);
        self
    }

    /// `ndmin=`: at least this many dimensions (0, 1 or 2).
    ///
    /// ```
    /// assert_eq!(arraylib::LoadTxt::new().ndmin(2).load_str("1 2").shape(), &[1, 2]);
    /// ```
    pub fn ndmin(mut self, n: usize) -> Self {
        self.ndmin = n.min(2);
        self
    }

    /// Reads a file; panics with NumPy's error (see [`LoadTxt::try_load`]).
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("arraylib_loadtxt_{}.csv", std::process::id()));
    /// std::fs::write(&path, "1,2\n3,4\n").unwrap();
    /// let a = arraylib::LoadTxt::new().delimiter(",").load(&path);
    /// assert_eq!(a.shape(), &[2, 2]);
    /// std::fs::remove_file(&path).unwrap();
    /// ```
    #[track_caller]
    pub fn load(&self, path: impl AsRef<Path>) -> Array {
        self.try_load(path).or_panic()
    }

    /// Fallible form of [`LoadTxt::load`].
    ///
    /// ```
    /// assert!(arraylib::LoadTxt::new().try_load("no/such.csv").is_err());
    /// ```
    pub fn try_load(&self, path: impl AsRef<Path>) -> Result<Array> {
        self.try_load_str(&read_all(path.as_ref())?)
    }

    /// Parses text; panics with NumPy's error (see [`LoadTxt::try_load_str`]).
    ///
    /// ```
    /// assert_eq!(arraylib::LoadTxt::new().load_str("5").ndim(), 0);
    /// ```
    #[track_caller]
    pub fn load_str(&self, text: &str) -> Array {
        self.try_load_str(text).or_panic()
    }

    /// Fallible form of [`LoadTxt::load_str`].
    ///
    /// ```
    /// let e = arraylib::LoadTxt::new().delimiter(",").try_load_str("1,2,abc").unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: could not convert string 'abc' to float64 at row 0, column 3.");
    /// ```
    pub fn try_load_str(&self, text: &str) -> Result<Array> {
        let delim = parse_delimiter(&self.delimiter)?;
        let mut rows: Vec<Vec<&str>> = Vec::new();
        let mut ncols: Option<usize> = None;
        let mut cols: Vec<usize> = Vec::new();
        for line in text.lines().skip(self.skiprows) {
            if self.max_rows.is_some_and(|m| rows.len() >= m) {
                break;
            }
            let line = strip_comment(line, &self.comments);
            if line.trim().is_empty() {
                continue;
            }
            let fields = split(line, delim);
            match ncols {
                None => {
                    ncols = Some(fields.len());
                    cols = resolve_cols(&self.usecols, fields.len(), rows.len() + 1)?;
                }
                Some(n) if n != fields.len() => {
                    if self.usecols.is_none() {
                        return Err(ArrayError::value(format!(
                            "the number of columns changed from {n} to {} at row {}; use `usecols` to select a subset and avoid this error",
                            fields.len(),
                            rows.len() + 1
                        )));
                    }
                    cols = resolve_cols(&self.usecols, fields.len(), rows.len() + 1)?;
                }
                _ => {}
            }
            rows.push(cols.iter().map(|&c| fields[c]).collect());
        }
        let width = match (&self.usecols, ncols) {
            (Some(u), _) => u.len(),
            (None, Some(n)) => n,
            (None, None) => 0,
        };
        let a =
            dispatch!(self.dtype, T => build_loadtxt::<T>(&rows, width, self.usecols.as_deref())?);
        if rows.is_empty() {
            return Ok(if self.ndmin == 2 {
                a.reshape([0, width])
            } else {
                a.reshape([0])
            });
        }
        Ok(ensure_ndmin(a, self.ndmin))
    }

    /// Reads from any reader (for example a network stream or an in-memory buffer).
    ///
    /// ```
    /// let a = arraylib::LoadTxt::new().try_load_reader(&b"1 2\n"[..]).unwrap();
    /// assert_eq!(a.size(), 2);
    /// ```
    pub fn try_load_reader(&self, mut r: impl Read) -> Result<Array> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(opts: &LoadTxt, r: &mut dyn Read) -> Result<Array> {
            let mut s = String::new();
            r.read_to_string(&mut s)
                .map_err(|e| ArrayError::new(crate::ErrorKind::OSError, e.to_string()))?;
            opts.try_load_str(&s)
        }
        inner(self, &mut r)
    }
}

fn build_loadtxt<T: FromField>(
    rows: &[Vec<&str>],
    width: usize,
    usecols: Option<&[isize]>,
) -> Result<Array> {
    let mut data: Vec<T> = Vec::with_capacity(rows.len() * width);
    for (r, row) in rows.iter().enumerate() {
        for (c, s) in row.iter().enumerate() {
            match T::parse_field(s) {
                Some(v) => data.push(v),
                None => {
                    let col = usecols.map_or(c as isize, |u| u[c]);
                    return Err(ArrayError::value(format!(
                        "could not convert string '{s}' to {} at row {r}, column {}.",
                        T::DTYPE,
                        col + 1
                    )));
                }
            }
        }
    }
    Array::try_from_vec(data, [rows.len(), width])
}

/// `np.loadtxt(path, delimiter=...)` with NumPy's other defaults (float64, `#` comments);
/// `""` means any whitespace. Options: [`LoadTxt`].
///
/// ```
/// use arraylib as np;
/// let path = std::env::temp_dir().join(format!("arraylib_loadtxt_fn_{}.csv", std::process::id()));
/// std::fs::write(&path, "# x,y\n1,2\n3,4\n").unwrap();
/// let a = np::loadtxt(&path, ",");
/// assert_eq!(a.to_vec::<f64>(), vec![1.0, 2.0, 3.0, 4.0]);
/// std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn loadtxt(path: impl AsRef<Path>, delimiter: &str) -> Array {
    try_loadtxt(path, delimiter).or_panic()
}

/// Fallible form of [`loadtxt`].
///
/// ```
/// assert!(arraylib::try_loadtxt("no/such/file.csv", ",").is_err());
/// ```
pub fn try_loadtxt(path: impl AsRef<Path>, delimiter: &str) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(path: &Path, delimiter: &str) -> Result<Array> {
        LoadTxt::new().delimiter(delimiter).try_load(path)
    }
    inner(path.as_ref(), delimiter)
}

// ----- genfromtxt ---------------------------------------------------------------------------------

/// Options of `np.genfromtxt`, which fills missing or unreadable fields (NaN for floats, -1
/// for integers, or `filling_values`) instead of failing.
///
/// ```
/// let a = arraylib::GenFromTxt::new().delimiter(",").load_str("1,,3\n4,5,6");
/// assert!(a.get([0, 1]).to_f64().is_nan());
/// ```
#[derive(Clone, Debug)]
pub struct GenFromTxt {
    delimiter: Option<String>,
    comments: String,
    skip_header: usize,
    skip_footer: usize,
    usecols: Option<Vec<isize>>,
    dtype: DType,
    filling_values: Option<f64>,
    max_rows: Option<usize>,
    ndmin: usize,
}

impl Default for GenFromTxt {
    fn default() -> Self {
        GenFromTxt {
            delimiter: None,
            comments: "#".to_string(),
            skip_header: 0,
            skip_footer: 0,
            usecols: None,
            dtype: DType::Float64,
            filling_values: None,
            max_rows: None,
            ndmin: 0,
        }
    }
}

impl GenFromTxt {
    /// NumPy's defaults: whitespace-delimited float64, `#` comments, missing values NaN.
    ///
    /// ```
    /// assert_eq!(arraylib::GenFromTxt::new().load_str("1 2").size(), 2);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `delimiter=`: one character; `""` or whitespace means any run of whitespace.
    ///
    /// ```
    /// assert_eq!(arraylib::GenFromTxt::new().delimiter(",").load_str("1,2").size(), 2);
    /// ```
    pub fn delimiter(mut self, d: &str) -> Self {
        self.delimiter = delimiter_arg(d);
        self
    }

    /// `comments=`: the comment marker.
    ///
    /// ```
    /// assert_eq!(arraylib::GenFromTxt::new().comments("%").load_str("1 2 % c").size(), 2);
    /// ```
    pub fn comments(mut self, c: &str) -> Self {
        self.comments = c.to_string();
        self
    }

    /// `skip_header=`: lines to skip at the start.
    ///
    /// ```
    /// assert_eq!(arraylib::GenFromTxt::new().skip_header(1).load_str("a b\n1 2").size(), 2);
    /// ```
    pub fn skip_header(mut self, n: usize) -> Self {
        self.skip_header = n;
        self
    }

    /// `skip_footer=`: lines to skip at the end.
    ///
    /// ```
    /// assert_eq!(arraylib::GenFromTxt::new().skip_footer(1).load_str("1 2\nend").size(), 2);
    /// ```
    pub fn skip_footer(mut self, n: usize) -> Self {
        self.skip_footer = n;
        self
    }

    /// `usecols=`: the columns to read, negative from the end.
    ///
    /// ```
    /// assert_eq!(arraylib::GenFromTxt::new().usecols([1]).load_str("1 2\n3 4").to_vec::<f64>(), vec![2.0, 4.0]);
    /// ```
    pub fn usecols(mut self, cols: impl IntoIterator<Item = isize>) -> Self {
        self.usecols = Some(cols.into_iter().collect());
        self
    }

    /// `dtype=`: the element type (float64 by default).
    ///
    /// ```
    /// assert_eq!(arraylib::GenFromTxt::new().dtype(arraylib::int64).load_str("1 2").dtype(), arraylib::int64);
    /// ```
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = dtype;
        self
    }

    /// `filling_values=`: the value of missing fields.
    ///
    /// ```
    /// let a = arraylib::GenFromTxt::new().delimiter(",").filling_values(0.0).load_str("1,\n3,4");
    /// assert_eq!(a.to_vec::<f64>(), vec![1.0, 0.0, 3.0, 4.0]);
    /// ```
    pub fn filling_values(mut self, v: f64) -> Self {
        self.filling_values = Some(v);
        self
    }

    /// `max_rows=`: read at most this many data rows.
    ///
    /// ```
    /// assert_eq!(arraylib::GenFromTxt::new().max_rows(1).load_str("1 2\n3 4").size(), 2);
    /// ```
    pub fn max_rows(mut self, n: usize) -> Self {
        self.max_rows = Some(n);
        self
    }

    /// `ndmin=`: at least this many dimensions (0, 1 or 2).
    ///
    /// ```
    /// assert_eq!(arraylib::GenFromTxt::new().ndmin(2).load_str("1 2").shape(), &[1, 2]);
    /// ```
    pub fn ndmin(mut self, n: usize) -> Self {
        self.ndmin = n.min(2);
        self
    }

    /// Reads a file; panics with the error (see [`GenFromTxt::try_load`]).
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("arraylib_genfromtxt_{}.csv", std::process::id()));
    /// std::fs::write(&path, "1,\n3,4\n").unwrap();
    /// let a = arraylib::GenFromTxt::new().delimiter(",").load(&path);
    /// assert!(a.get([0, 1]).to_f64().is_nan());
    /// std::fs::remove_file(&path).unwrap();
    /// ```
    #[track_caller]
    pub fn load(&self, path: impl AsRef<Path>) -> Array {
        self.try_load(path).or_panic()
    }

    /// Fallible form of [`GenFromTxt::load`].
    ///
    /// ```
    /// assert!(arraylib::GenFromTxt::new().try_load("no/such.csv").is_err());
    /// ```
    pub fn try_load(&self, path: impl AsRef<Path>) -> Result<Array> {
        self.try_load_str(&read_all(path.as_ref())?)
    }

    /// Parses text; panics with the error (see [`GenFromTxt::try_load_str`]).
    ///
    /// ```
    /// assert_eq!(arraylib::GenFromTxt::new().load_str("1 x 3").to_vec::<f64>()[0], 1.0);
    /// ```
    #[track_caller]
    pub fn load_str(&self, text: &str) -> Array {
        self.try_load_str(text).or_panic()
    }

    /// Fallible form of [`GenFromTxt::load_str`]; rows of the wrong length are NumPy's
    /// `ValueError: Some errors were detected !` with one line per bad row.
    ///
    /// ```
    /// let e = arraylib::GenFromTxt::new().delimiter(",").try_load_str("1,2,3\n4,5").unwrap_err();
    /// assert_eq!(e.message, "Some errors were detected !\n    Line #2 (got 2 columns instead of 3)");
    /// ```
    pub fn try_load_str(&self, text: &str) -> Result<Array> {
        let delim = parse_delimiter(&self.delimiter)?;
        let comments = [self.comments.clone()];
        let lines: Vec<&str> = text.lines().collect();
        let end = lines.len().saturating_sub(self.skip_footer);
        let mut rows: Vec<Vec<&str>> = Vec::new();
        let mut ncols: Option<usize> = None;
        let mut cols: Vec<usize> = Vec::new();
        let mut bad: Vec<String> = Vec::new();
        for (lineno, line) in lines.iter().enumerate().take(end).skip(self.skip_header) {
            if self.max_rows.is_some_and(|m| rows.len() >= m) {
                break;
            }
            let line = strip_comment(line, &comments);
            if line.trim().is_empty() {
                continue;
            }
            let fields = split(line, delim);
            match ncols {
                None => {
                    ncols = Some(fields.len());
                    cols = resolve_cols(&self.usecols, fields.len(), rows.len() + 1)?;
                }
                Some(n)
                    if n != fields.len()
                        && (self.usecols.is_none() || cols.iter().any(|&c| c >= fields.len())) =>
                {
                    bad.push(format!(
                        "    Line #{} (got {} columns instead of {n})",
                        lineno + 1,
                        fields.len()
                    ));
                    continue;
                }
                _ => {}
            }
            rows.push(cols.iter().map(|&c| fields[c]).collect());
        }
        if !bad.is_empty() {
            return Err(ArrayError::value(format!(
                "Some errors were detected !\n{}",
                bad.join("\n")
            )));
        }
        let width = cols.len();
        let fill = self.filling_values;
        let a = dispatch!(self.dtype, T => {
            let missing = fill.map_or_else(T::missing, T::from_f64);
            let data: Vec<T> = rows
                .iter()
                .flat_map(|r| r.iter().map(|s| T::parse_field(s).unwrap_or(missing)))
                .collect();
            Array::try_from_vec(data, [rows.len(), width])?
        });
        if rows.is_empty() {
            return Ok(a.reshape([0]));
        }
        Ok(ensure_ndmin(a, self.ndmin))
    }
}

/// `np.genfromtxt(path, delimiter=...)`: like [`loadtxt`], with missing or unreadable values
/// as NaN. Options: [`GenFromTxt`].
///
/// ```
/// use arraylib as np;
/// let path = std::env::temp_dir().join(format!("arraylib_genfromtxt_fn_{}.csv", std::process::id()));
/// std::fs::write(&path, "1,,3\n4,abc,6\n").unwrap();
/// let a = np::genfromtxt(&path, ",");
/// assert_eq!(a.shape(), &[2, 3]);
/// assert!(a.get([1, 1]).to_f64().is_nan());
/// std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn genfromtxt(path: impl AsRef<Path>, delimiter: &str) -> Array {
    try_genfromtxt(path, delimiter).or_panic()
}

/// Fallible form of [`genfromtxt`].
///
/// ```
/// assert!(arraylib::try_genfromtxt("no/such/file.csv", ",").is_err());
/// ```
pub fn try_genfromtxt(path: impl AsRef<Path>, delimiter: &str) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(path: &Path, delimiter: &str) -> Result<Array> {
        GenFromTxt::new().delimiter(delimiter).try_load(path)
    }
    inner(path.as_ref(), delimiter)
}

// ----- savetxt --------------------------------------------------------------------------------------

/// Options of `np.savetxt`: `fmt` (Python %-format, `'%.18e'` by default; one spec for every
/// column or one per column in a single string), `delimiter`, `newline`, `header`, `footer`,
/// `comments`.
///
/// ```
/// let a = arraylib::array![[1.0, 2.5], [3.0, 4.0]];
/// let s = arraylib::SaveTxt::new().fmt("%.2f").delimiter(",").header("x,y").to_text(&a).unwrap();
/// assert_eq!(s, "# x,y\n1.00,2.50\n3.00,4.00\n");
/// ```
#[derive(Clone, Debug)]
pub struct SaveTxt {
    fmt: String,
    delimiter: String,
    newline: String,
    header: String,
    footer: String,
    comments: String,
}

impl Default for SaveTxt {
    fn default() -> Self {
        SaveTxt {
            fmt: "%.18e".to_string(),
            delimiter: " ".to_string(),
            newline: "\n".to_string(),
            header: String::new(),
            footer: String::new(),
            comments: "# ".to_string(),
        }
    }
}

impl SaveTxt {
    /// NumPy's defaults: `fmt='%.18e'`, `delimiter=' '`, `newline='\n'`, `comments='# '`.
    ///
    /// ```
    /// let s = arraylib::SaveTxt::new().to_text(&arraylib::array![1.0]).unwrap();
    /// assert_eq!(s, "1.000000000000000000e+00\n");
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `fmt=`: a %-format for every column (`"%.3f"`, `"%d"`) or for a whole row
    /// (`"%d,%.2f"`).
    ///
    /// ```
    /// let s = arraylib::SaveTxt::new().fmt("%d").to_text(&arraylib::array![1.7, -2.2]).unwrap();
    /// assert_eq!(s, "1\n-2\n");
    /// ```
    pub fn fmt(mut self, fmt: &str) -> Self {
        self.fmt = fmt.to_string();
        self
    }

    /// `delimiter=`: the text between columns.
    ///
    /// ```
    /// let s = arraylib::SaveTxt::new().fmt("%g").delimiter(";").to_text(&arraylib::array![[1, 2]]).unwrap();
    /// assert_eq!(s, "1;2\n");
    /// ```
    pub fn delimiter(mut self, d: &str) -> Self {
        self.delimiter = d.to_string();
        self
    }

    /// `newline=`: the text after each row.
    ///
    /// ```
    /// let s = arraylib::SaveTxt::new().fmt("%g").newline("|").to_text(&arraylib::array![1, 2]).unwrap();
    /// assert_eq!(s, "1|2|");
    /// ```
    pub fn newline(mut self, n: &str) -> Self {
        self.newline = n.to_string();
        self
    }

    /// `header=`: text written first, each line after the `comments` marker.
    ///
    /// ```
    /// let s = arraylib::SaveTxt::new().fmt("%g").header("a").to_text(&arraylib::array![1]).unwrap();
    /// assert_eq!(s, "# a\n1\n");
    /// ```
    pub fn header(mut self, h: &str) -> Self {
        self.header = h.to_string();
        self
    }

    /// `footer=`: text written last, each line after the `comments` marker.
    ///
    /// ```
    /// let s = arraylib::SaveTxt::new().fmt("%g").footer("end").to_text(&arraylib::array![1]).unwrap();
    /// assert_eq!(s, "1\n# end\n");
    /// ```
    pub fn footer(mut self, f: &str) -> Self {
        self.footer = f.to_string();
        self
    }

    /// `comments=`: the marker before header and footer lines (`"# "`).
    ///
    /// ```
    /// let s = arraylib::SaveTxt::new().fmt("%g").header("a").comments("").to_text(&arraylib::array![1]).unwrap();
    /// assert_eq!(s, "a\n1\n");
    /// ```
    pub fn comments(mut self, c: &str) -> Self {
        self.comments = c.to_string();
        self
    }

    /// Writes `a` (1-D: one value per row; 2-D: one row per row) to a file; panics with the
    /// error (see [`SaveTxt::try_save`]).
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("arraylib_savetxt_m_{}.txt", std::process::id()));
    /// arraylib::SaveTxt::new().fmt("%d").save(&path, &arraylib::arange(3));
    /// assert_eq!(std::fs::read_to_string(&path).unwrap(), "0\n1\n2\n");
    /// std::fs::remove_file(&path).unwrap();
    /// ```
    #[track_caller]
    pub fn save(&self, path: impl AsRef<Path>, a: impl AsRef<Array>) {
        self.try_save(path, a).or_panic()
    }

    /// Fallible form of [`SaveTxt::save`].
    ///
    /// ```
    /// assert!(arraylib::SaveTxt::new().try_save("no/such/dir/x.txt", arraylib::zeros(2)).is_err());
    /// ```
    pub fn try_save(&self, path: impl AsRef<Path>, a: impl AsRef<Array>) -> Result<()> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(opts: &SaveTxt, path: &Path, a: &Array) -> Result<()> {
            let text = opts.to_text(a)?;
            let mut f = std::fs::File::create(path).map_err(|e| super::os_error(e, path))?;
            f.write_all(text.as_bytes())
                .map_err(|e| super::os_error(e, path))
        }
        inner(self, path.as_ref(), a.as_ref())
    }

    /// The text `savetxt` would write.
    ///
    /// ```
    /// let e = arraylib::SaveTxt::new().to_text(&arraylib::zeros([2, 2, 2])).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: Expected 1D or 2D array, got 3D array instead");
    /// ```
    pub fn to_text(&self, a: impl AsRef<Array>) -> Result<String> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(opts: &SaveTxt, a: &Array) -> Result<String> {
            let (nrows, ncols) = match a.shape() {
                [n] => (*n, 1),
                [r, c] => (*r, *c),
                s => {
                    return Err(ArrayError::value(format!(
                        "Expected 1D or 2D array, got {}D array instead",
                        s.len()
                    )));
                }
            };
            let a2 = a.reshape([nrows, ncols]);
            let complex = a.dtype().is_complex();
            parse_format(&opts.fmt)?;
            // NumPy counts every '%' (a literal "%%" too) to tell one spec from a row format.
            let nspecs = opts.fmt.matches('%').count();
            let row_fmt = if nspecs == 1 {
                let one = if complex {
                    format!(" ({}+{}j)", opts.fmt, opts.fmt)
                } else {
                    opts.fmt.clone()
                };
                vec![one; ncols].join(&opts.delimiter)
            } else if nspecs == ncols * if complex { 2 } else { 1 } {
                opts.fmt.clone()
            } else {
                return Err(ArrayError::value(format!(
                    "fmt has wrong number of % formats:  {}",
                    opts.fmt
                )));
            };
            let mut out = String::new();
            if !opts.header.is_empty() {
                let h = opts.header.replace('\n', &format!("\n{}", opts.comments));
                out.push_str(&opts.comments);
                out.push_str(&h);
                out.push_str(&opts.newline);
            }
            let values = text_values(&a2);
            for r in 0..nrows {
                let row = &values[r * ncols..(r + 1) * ncols];
                let args: Vec<FmtArg> = if complex {
                    row.iter()
                        .flat_map(|v| match v {
                            FmtArg::Complex(re, im) => [FmtArg::Float(*re), FmtArg::Float(*im)],
                            other => [other.clone(), FmtArg::Float(0.0)],
                        })
                        .collect()
                } else {
                    row.to_vec()
                };
                let line = py_format(&row_fmt, &args)?;
                out.push_str(&if complex {
                    line.replace("+-", "-")
                } else {
                    line
                });
                out.push_str(&opts.newline);
            }
            if !opts.footer.is_empty() {
                let f = opts.footer.replace('\n', &format!("\n{}", opts.comments));
                out.push_str(&opts.comments);
                out.push_str(&f);
                out.push_str(&opts.newline);
            }
            Ok(out)
        }
        inner(self, a.as_ref())
    }
}

/// `np.savetxt(path, a, delimiter=...)` with `fmt='%.18e'`; options: [`SaveTxt`].
///
/// ```
/// use arraylib as np;
/// let path = std::env::temp_dir().join(format!("arraylib_savetxt_{}.csv", std::process::id()));
/// np::savetxt(&path, &np::array![[1.0, 2.0], [3.0, 4.0]], ",");
/// assert_eq!(np::loadtxt(&path, ",").to_vec::<f64>(), vec![1.0, 2.0, 3.0, 4.0]);
/// std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn savetxt(path: impl AsRef<Path>, a: impl AsRef<Array>, delimiter: &str) {
    try_savetxt(path, a, delimiter).or_panic()
}

/// Fallible form of [`savetxt`].
///
/// ```
/// assert!(arraylib::try_savetxt("no/such/dir/a.csv", arraylib::zeros(2), ",").is_err());
/// ```
pub fn try_savetxt(path: impl AsRef<Path>, a: impl AsRef<Array>, delimiter: &str) -> Result<()> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(path: &Path, a: &Array, delimiter: &str) -> Result<()> {
        SaveTxt::new().delimiter(delimiter).try_save(path, a)
    }
    inner(path.as_ref(), a.as_ref(), delimiter)
}

// ----- Python's %-formatting -------------------------------------------------------------------------

/// A value handed to a %-format.
#[derive(Clone, Debug)]
enum FmtArg {
    Int(i128),
    Float(f64),
    Complex(f64, f64),
}

/// The elements in row-major order as format arguments (integers stay exact).
fn text_values(a: &Array) -> Vec<FmtArg> {
    match a.dtype() {
        DType::Bool => a
            .to_vec::<bool>()
            .into_iter()
            .map(|b| FmtArg::Int(b as i128))
            .collect(),
        DType::UInt64 => a
            .to_vec::<u64>()
            .into_iter()
            .map(|v| FmtArg::Int(v as i128))
            .collect(),
        d if d.is_integer() => a
            .astype(DType::Int64)
            .to_vec::<i64>()
            .into_iter()
            .map(|v| FmtArg::Int(v as i128))
            .collect(),
        d if d.is_complex() => a
            .astype(DType::Complex128)
            .to_vec::<Complex128>()
            .into_iter()
            .map(|c| FmtArg::Complex(c.re, c.im))
            .collect(),
        _ => a
            .astype(DType::Float64)
            .to_vec::<f64>()
            .into_iter()
            .map(FmtArg::Float)
            .collect(),
    }
}

/// One conversion spec: `%[flags][width][.precision]type`.
#[derive(Clone, Debug, Default)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alt: bool,
    width: usize,
    precision: Option<usize>,
    conv: char,
}

enum Piece {
    Lit(String),
    Spec(Spec),
}

fn parse_format(fmt: &str) -> Result<Vec<Piece>> {
    let bad = || ArrayError::value(format!("invalid fmt: {fmt}"));
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut it = fmt.chars().peekable();
    while let Some(c) = it.next() {
        if c != '%' {
            lit.push(c);
            continue;
        }
        if it.peek() == Some(&'%') {
            it.next();
            lit.push('%');
            continue;
        }
        if !lit.is_empty() {
            pieces.push(Piece::Lit(std::mem::take(&mut lit)));
        }
        let mut s = Spec::default();
        while let Some(&f) = it.peek() {
            match f {
                '-' => s.left = true,
                '+' => s.plus = true,
                ' ' => s.space = true,
                '0' => s.zero = true,
                '#' => s.alt = true,
                _ => break,
            }
            it.next();
        }
        while let Some(d) = it.peek().and_then(|c| c.to_digit(10)) {
            s.width = s.width * 10 + d as usize;
            it.next();
        }
        if it.peek() == Some(&'.') {
            it.next();
            let mut p = 0;
            while let Some(d) = it.peek().and_then(|c| c.to_digit(10)) {
                p = p * 10 + d as usize;
                it.next();
            }
            s.precision = Some(p);
        }
        while matches!(it.peek(), Some('l' | 'h' | 'L')) {
            it.next();
        }
        s.conv = it.next().ok_or_else(bad)?;
        if !"diueEfFgGsxXor".contains(s.conv) {
            return Err(bad());
        }
        pieces.push(Piece::Spec(s));
    }
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit));
    }
    Ok(pieces)
}

/// Python's `fmt % tuple(args)` for the conversions `savetxt` meets.
fn py_format(fmt: &str, args: &[FmtArg]) -> Result<String> {
    let mut out = String::new();
    let mut args = args.iter();
    for p in parse_format(fmt)? {
        match p {
            Piece::Lit(s) => out.push_str(&s),
            Piece::Spec(s) => {
                let arg = args.next().ok_or_else(|| {
                    ArrayError::type_error("not enough arguments for format string")
                })?;
                out.push_str(&format_one(&s, arg)?);
            }
        }
    }
    Ok(out)
}

fn format_one(s: &Spec, arg: &FmtArg) -> Result<String> {
    let (neg, body) = match s.conv {
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let v: i128 = match *arg {
                FmtArg::Int(v) => v,
                FmtArg::Float(f) | FmtArg::Complex(f, _) => {
                    if f.is_nan() {
                        return Err(ArrayError::value("cannot convert float NaN to integer"));
                    }
                    if f.is_infinite() {
                        return Err(ArrayError::new(
                            crate::ErrorKind::OverflowError,
                            "cannot convert float infinity to integer",
                        ));
                    }
                    f.trunc() as i128
                }
            };
            let mag = v.unsigned_abs();
            let mut digits = match s.conv {
                'x' => format!("{mag:x}"),
                'X' => format!("{mag:X}"),
                'o' => format!("{mag:o}"),
                _ => mag.to_string(),
            };
            if let Some(p) = s.precision {
                while digits.len() < p {
                    digits.insert(0, '0');
                }
            }
            if s.alt {
                match s.conv {
                    'x' => digits.insert_str(0, "0x"),
                    'X' => digits.insert_str(0, "0X"),
                    'o' => digits.insert_str(0, "0o"),
                    _ => {}
                }
            }
            (v < 0, digits)
        }
        's' | 'r' => {
            let text = match *arg {
                FmtArg::Int(v) => v.to_string(),
                FmtArg::Float(f) | FmtArg::Complex(f, _) => py_float_repr(f),
            };
            let text = match s.precision {
                Some(p) => text.chars().take(p).collect(),
                None => text,
            };
            return Ok(pad(s, "", text));
        }
        _ => {
            let v = match *arg {
                FmtArg::Int(v) => v as f64,
                FmtArg::Float(f) | FmtArg::Complex(f, _) => f,
            };
            (
                v.is_sign_negative() && !v.is_nan(),
                format_float(v.abs(), s.conv, s.precision.unwrap_or(6), s.alt),
            )
        }
    };
    let sign = if neg {
        "-"
    } else if s.plus {
        "+"
    } else if s.space {
        " "
    } else {
        ""
    };
    Ok(pad(s, sign, body))
}

fn pad(s: &Spec, sign: &str, body: String) -> String {
    let len = sign.chars().count() + body.chars().count();
    if len >= s.width {
        return format!("{sign}{body}");
    }
    let fill = s.width - len;
    if s.left {
        format!("{sign}{body}{}", " ".repeat(fill))
    } else if s.zero && !body.starts_with(['i', 'n', 'I', 'N']) {
        format!("{sign}{}{body}", "0".repeat(fill))
    } else {
        format!("{}{sign}{body}", " ".repeat(fill))
    }
}

/// `%e`, `%f` and `%g` of a non-negative number, as C's printf and Python write them.
fn format_float(v: f64, conv: char, prec: usize, alt: bool) -> String {
    let upper = conv.is_ascii_uppercase();
    if !v.is_finite() {
        let t = if v.is_nan() { "nan" } else { "inf" };
        return if upper {
            t.to_uppercase()
        } else {
            t.to_string()
        };
    }
    let e_form = |p: usize| {
        let s = format!("{v:.p$e}");
        let (mant, exp) = s.split_once('e').unwrap();
        let exp: i32 = exp.parse().unwrap();
        let mut mant = mant.to_string();
        if alt && p == 0 {
            mant.push('.');
        }
        let e = if upper { 'E' } else { 'e' };
        format!(
            "{mant}{e}{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    };
    match conv.to_ascii_lowercase() {
        'e' => e_form(prec),
        'f' => {
            let mut s = format!("{v:.prec$}");
            if alt && prec == 0 {
                s.push('.');
            }
            s
        }
        _ => {
            let p = prec.max(1);
            let exp = if v == 0.0 {
                0
            } else {
                let s = format!("{v:.prec$e}", prec = p - 1);
                s.split_once('e').unwrap().1.parse::<i32>().unwrap()
            };
            let mut s = if exp >= -4 && exp < p as i32 {
                let digits = (p as i32 - 1 - exp) as usize;
                format!("{v:.digits$}")
            } else {
                e_form(p - 1)
            };
            if !alt {
                let (mant, rest) = match s.find(['e', 'E']) {
                    Some(i) => (s[..i].to_string(), s[i..].to_string()),
                    None => (s.clone(), String::new()),
                };
                let mant = if mant.contains('.') {
                    mant.trim_end_matches('0').trim_end_matches('.').to_string()
                } else {
                    mant
                };
                s = mant + &rest;
            }
            s
        }
    }
}

/// Python's `repr(float)`: the shortest text that reads back the same.
fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let exp = if f == 0.0 {
        0
    } else {
        f.abs().log10().floor() as i32
    };
    if (-4..16).contains(&exp) {
        let s = format!("{f}");
        if s.contains('.') { s } else { format!("{s}.0") }
    } else {
        let s = format!("{f:e}");
        let (m, e) = s.split_once('e').unwrap();
        let e: i32 = e.parse().unwrap();
        format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, v: f64) -> String {
        py_format(fmt, &[FmtArg::Float(v)]).unwrap()
    }

    #[test]
    fn percent_formats_match_python() {
        // Expected values are Python's `fmt % v`.
        assert_eq!(f("%.18e", 1.0), "1.000000000000000000e+00");
        assert_eq!(f("%.18e", -0.1), "-1.000000000000000056e-01");
        assert_eq!(f("%.3e", 12345.678), "1.235e+04");
        assert_eq!(f("%E", 1e-300), "1.000000E-300");
        assert_eq!(f("%.2f", 2.675), "2.67");
        assert_eq!(f("%8.3f", -3.25), "  -3.250");
        assert_eq!(f("%-8.1f|", 2.0), "2.0     |");
        assert_eq!(f("%08.2f", -1.5), "-0001.50");
        assert_eq!(f("%+.1f", 1.0), "+1.0");
        assert_eq!(f("%g", 0.0001), "0.0001");
        assert_eq!(f("%g", 0.00001), "1e-05");
        assert_eq!(f("%g", 123456.0), "123456");
        assert_eq!(f("%g", 1234567.0), "1.23457e+06");
        assert_eq!(f("%.3g", 2.0), "2");
        assert_eq!(f("%#.3g", 2.0), "2.00");
        assert_eq!(f("%G", 1e-10), "1E-10");
        assert_eq!(f("%d", -2.7), "-2");
        assert_eq!(f("%5d", 42.0), "   42");
        assert_eq!(f("%f", f64::NAN), "nan");
        assert_eq!(f("%e", f64::NEG_INFINITY), "-inf");
        assert_eq!(f("%s", 0.1), "0.1");
        assert_eq!(f("%s", 1e20), "1e+20");
        assert_eq!(f("%x", 255.0), "ff");
        assert_eq!(f("%.1f%%", 50.0), "50.0%");
        assert!(py_format("%q", &[FmtArg::Float(1.0)]).is_err());
    }
}

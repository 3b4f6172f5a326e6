//! `np::histogram` and `np::histogram_bin_edges`, with NumPy's edge rule: every bin is
//! half-open `[edge_i, edge_i+1)` except the last, which also holds its right edge; values
//! outside the edges (and NaN) are not counted.
//!
//! ```
//! use arraylib as np;
//! let (counts, edges) = np::histogram(np::array![1.0, 2.0, 2.0, 3.0], 2);
//! assert_eq!(counts.to_vec::<i64>(), vec![1, 3]);
//! assert_eq!(edges.to_vec::<f64>(), vec![1.0, 2.0, 3.0]);
//! ```

use crate::array::Array;
use crate::dtype::DType;
use crate::error::{ArrayError, OrPanic, Result};
use crate::operand::{cast_array, from_data};
use crate::scalar::Scalar;

/// The `bins` argument: a number of equal-width bins or the bin edges.
#[derive(Clone)]
pub enum Bins {
    /// This many equal-width bins over the range.
    Count(usize),
    /// Monotonically increasing edges (the last bin includes its right edge).
    Edges(Array),
}

impl From<usize> for Bins {
    fn from(n: usize) -> Self {
        Bins::Count(n)
    }
}

impl From<i32> for Bins {
    fn from(n: i32) -> Self {
        Bins::Count(n.max(0) as usize)
    }
}

impl From<Array> for Bins {
    fn from(a: Array) -> Self {
        Bins::Edges(a)
    }
}

impl From<&Array> for Bins {
    fn from(a: &Array) -> Self {
        Bins::Edges(a.clone())
    }
}

/// Formats a float as Python's `str(float)` does for these messages (`0.0`, `inf`, `nan`).
fn py_float(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x.is_infinite() {
        if x > 0.0 { "inf".into() } else { "-inf".into() }
    } else if x == x.trunc() && x.abs() < 1e16 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

/// The data as float64 values, and the dtype of the edges NumPy would make for it.
fn data_of(a: &Array) -> Result<(Vec<f64>, DType)> {
    let d = a.dtype();
    if d.is_complex() {
        return Err(ArrayError::type_error(
            "histogram of complex values is not supported",
        ));
    }
    let edge_dtype = if d == DType::Float32 {
        DType::Float32
    } else {
        DType::Float64
    };
    Ok((cast_array(a, DType::Float64).to_vec::<f64>(), edge_dtype))
}

/// NumPy's `_get_outer_edges`.
fn outer_edges(data: &[f64], range: Option<(f64, f64)>, d: DType) -> Result<(f64, f64)> {
    let (mut first, mut last) = match range {
        Some((lo, hi)) => {
            if lo > hi {
                return Err(ArrayError::value(
                    "max must be larger than min in range parameter.",
                ));
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(ArrayError::value(format!(
                    "supplied range of [{}, {}] is not finite",
                    py_float(lo),
                    py_float(hi)
                )));
            }
            (lo, hi)
        }
        None if data.is_empty() => (0.0, 1.0),
        None => {
            let mut lo = f64::INFINITY;
            let mut hi = f64::NEG_INFINITY;
            let mut nan = false;
            for &x in data {
                nan |= x.is_nan();
                lo = lo.min(x);
                hi = hi.max(x);
            }
            if nan || !(lo.is_finite() && hi.is_finite()) {
                let (lo, hi) = if nan { (f64::NAN, f64::NAN) } else { (lo, hi) };
                let s = |v: f64| Scalar::from(v).astype(d).to_string();
                return Err(ArrayError::value(format!(
                    "autodetected range of [{}, {}] is not finite",
                    s(lo),
                    s(hi)
                )));
            }
            (lo, hi)
        }
    };
    if first == last {
        first -= 0.5;
        last += 0.5;
    }
    Ok((first, last))
}

/// `n + 1` equally spaced edges, computed as NumPy's `linspace` does and rounded to `d`.
fn uniform_edges(first: f64, last: f64, n: usize, d: DType) -> Vec<f64> {
    let step = (last - first) / n as f64;
    let mut e: Vec<f64> = (0..=n).map(|i| i as f64 * step + first).collect();
    e[n] = last;
    if d == DType::Float32 {
        for x in &mut e {
            *x = *x as f32 as f64;
        }
    }
    e
}

fn edges_array(e: Vec<f64>, d: DType) -> Array {
    let n = e.len();
    let a = from_data(e, vec![n]);
    if d == DType::Float64 { a } else { a.astype(d) }
}

/// Counts with equal-width bins, NumPy's computed index then corrected against the edges.
pub(crate) fn count_uniform(data: &[f64], edges: &[f64]) -> Vec<i64> {
    let n = edges.len() - 1;
    let (first, last) = (edges[0], edges[n]);
    let norm = n as f64 / (last - first);
    let mut counts = vec![0i64; n];
    for (k, &x) in data.iter().enumerate() {
        if !(x >= first && x <= last) {
            continue;
        }
        let mut i = (((x - first) * norm) as usize).min(n - 1);
        if x < edges[i] {
            i -= 1;
        } else if i + 1 < n && x >= edges[i + 1] {
            i += 1;
        }
        counts[i] += 1;
        if k % (1 << 16) == 0 {
            crate::interrupt::check();
        }
    }
    counts
}

/// Counts with given edges (non-decreasing).
fn count_edges(data: &[f64], edges: &[f64]) -> Vec<i64> {
    let n = edges.len() - 1;
    let mut counts = vec![0i64; n];
    for &x in data {
        if !(x >= edges[0] && x <= edges[n]) {
            continue;
        }
        let i = edges.partition_point(|&e| e <= x).clamp(1, n) - 1;
        counts[i] += 1;
    }
    counts
}

/// The counts and the edges array.
/// The edges of `bins` equal-width float64 bins over `range` (or the data's extent), as
/// `np.histogram_bin_edges` with an integer `bins`; shared with the plot's histograms.
pub(crate) fn uniform_bin_edges(
    data: &[f64],
    bins: usize,
    range: Option<(f64, f64)>,
) -> Result<Vec<f64>> {
    if bins == 0 {
        return Err(ArrayError::value(
            "`bins` must be positive, when an integer",
        ));
    }
    let (first, last) = outer_edges(data, range, DType::Float64)?;
    Ok(uniform_edges(first, last, bins, DType::Float64))
}

fn histogram_impl(
    a: &Array,
    bins: Bins,
    range: Option<(f64, f64)>,
) -> Result<(Vec<i64>, Vec<f64>, Array)> {
    let (data, d) = data_of(a)?;
    match bins {
        Bins::Count(0) => Err(ArrayError::value(
            "`bins` must be positive, when an integer",
        )),
        Bins::Count(n) => {
            let (first, last) = outer_edges(&data, range, d)?;
            let edges = uniform_edges(first, last, n, d);
            let counts = count_uniform(&data, &edges);
            let arr = edges_array(edges.clone(), d);
            Ok((counts, edges, arr))
        }
        Bins::Edges(e) => {
            if e.ndim() != 1 {
                return Err(ArrayError::value("`bins` must be 1d, when an array"));
            }
            if e.dtype().is_complex() {
                return Err(ArrayError::type_error(
                    "histogram of complex values is not supported",
                ));
            }
            let edges = cast_array(&e, DType::Float64).to_vec::<f64>();
            if edges.windows(2).any(|w| w[0] > w[1]) {
                return Err(ArrayError::value(
                    "`bins` must increase monotonically, when an array",
                ));
            }
            if edges.is_empty() {
                return Ok((Vec::new(), edges, e));
            }
            let counts = count_edges(&data, &edges);
            Ok((counts, edges, e))
        }
    }
}

/// `np.histogram(a, bins)`: counts (int64) of the flattened values in `bins` equal-width
/// bins over `[a.min(), a.max()]` (or given edges), and the edges. NumPy's default is
/// `bins=10`.
///
/// ```
/// use arraylib as np;
/// let (counts, edges) = np::histogram(np::arange(10), 10);
/// assert_eq!(counts.to_vec::<i64>(), vec![1; 10]);
/// assert_eq!(edges.shape(), &[11]);
/// ```
#[track_caller]
pub fn histogram(a: impl AsRef<Array>, bins: impl Into<Bins>) -> (Array, Array) {
    try_histogram_with(a, bins, None, false).or_panic()
}

/// `np.histogram(a, bins, range=..., density=...)`: with `density`, float64 values that
/// integrate to 1 over the range (`count / bin width / total count`).
///
/// ```
/// use arraylib as np;
/// let a = np::array![1, 2, 3];
/// let (d, _) = np::histogram_with(&a, 3, Some((0.0, 6.0)), true);
/// assert_eq!(d.to_vec::<f64>(), vec![1.0 / 6.0, 2.0 / 6.0, 0.0]);
/// ```
#[track_caller]
pub fn histogram_with(
    a: impl AsRef<Array>,
    bins: impl Into<Bins>,
    range: Option<(f64, f64)>,
    density: bool,
) -> (Array, Array) {
    try_histogram_with(a, bins, range, density).or_panic()
}

/// Fallible form of [`histogram_with`].
///
/// ```
/// let e = arraylib::try_histogram_with(arraylib::arange(3), 0, None, false).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: `bins` must be positive, when an integer");
/// ```
pub fn try_histogram_with(
    a: impl AsRef<Array>,
    bins: impl Into<Bins>,
    range: Option<(f64, f64)>,
    density: bool,
) -> Result<(Array, Array)> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(
        a: &Array,
        bins: Bins,
        range: Option<(f64, f64)>,
        density: bool,
    ) -> Result<(Array, Array)> {
        let (counts, edges, edges_arr) = histogram_impl(a, bins, range)?;
        let n = counts.len();
        if density {
            let total: i64 = counts.iter().sum();
            let d: Vec<f64> = counts
                .iter()
                .zip(edges.windows(2))
                .map(|(&c, w)| c as f64 / (w[1] - w[0]) / total as f64)
                .collect();
            Ok((from_data(d, vec![n]), edges_arr))
        } else {
            Ok((from_data(counts, vec![n]), edges_arr))
        }
    }
    inner(a.as_ref(), bins.into(), range, density)
}

/// `np.histogram_bin_edges(a, bins, range=...)`: only the edges `histogram` would use.
///
/// ```
/// use arraylib as np;
/// let e = np::histogram_bin_edges(np::arange(5), 4, None);
/// assert_eq!(e.to_vec::<f64>(), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
/// ```
#[track_caller]
pub fn histogram_bin_edges(
    a: impl AsRef<Array>,
    bins: impl Into<Bins>,
    range: Option<(f64, f64)>,
) -> Array {
    try_histogram_bin_edges(a, bins, range).or_panic()
}

/// Fallible form of [`histogram_bin_edges`].
///
/// ```
/// let e = arraylib::try_histogram_bin_edges(arraylib::arange(3), 2, Some((2.0, 1.0)));
/// assert_eq!(e.unwrap_err().message, "max must be larger than min in range parameter.");
/// ```
pub fn try_histogram_bin_edges(
    a: impl AsRef<Array>,
    bins: impl Into<Bins>,
    range: Option<(f64, f64)>,
) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, bins: Bins, range: Option<(f64, f64)>) -> Result<Array> {
        match bins {
            Bins::Count(0) => Err(ArrayError::value(
                "`bins` must be positive, when an integer",
            )),
            Bins::Count(n) => {
                let (data, d) = data_of(a)?;
                let (first, last) = outer_edges(&data, range, d)?;
                Ok(edges_array(uniform_edges(first, last, n, d), d))
            }
            b => Ok(histogram_impl(a, b, range)?.2),
        }
    }
    inner(a.as_ref(), bins.into(), range)
}

#[cfg(test)]
mod tests {
    #[test]
    fn last_bin_is_closed_and_outliers_dropped() {
        let a = crate::array![0.0, 1.0, 2.0, 3.0, 4.0, 9.0, f64::NAN];
        let e = crate::array![0, 2, 4];
        let (c, edges) = crate::histogram(&a, &e);
        assert_eq!(c.to_vec::<i64>(), vec![2, 3]);
        assert_eq!(edges.dtype(), crate::DType::Int64);
        let (c, _) = crate::histogram_with(&a, 4, Some((0.0, 4.0)), false);
        assert_eq!(c.to_vec::<i64>(), vec![1, 1, 1, 2]);
        let e = crate::try_histogram_with(&a, 3, None, false).unwrap_err();
        assert_eq!(e.message, "autodetected range of [nan, nan] is not finite");
        let (c, e) = crate::histogram(crate::array![1, 1], 2);
        assert_eq!(c.to_vec::<i64>(), vec![0, 2]);
        assert_eq!(e.to_vec::<f64>(), vec![0.5, 1.0, 1.5]);
    }
}

//! Histograms (`plt.hist(x, bins=10, range=None, density=False)`): counts computed exactly as
//! `np.histogram` does, drawn as adjacent bars.

use super::color::Rgb;
use crate::error::{ArrayError, Result};

/// One histogram series.
#[derive(Clone, Debug)]
pub(crate) struct Hist {
    pub data: Vec<f64>,
    pub label: Option<String>,
    pub color: Rgb,
    pub alpha: f64,
    pub bins: usize,
    pub range: Option<(f64, f64)>,
    pub density: bool,
}

impl Hist {
    pub fn new(data: Vec<f64>, color: Rgb) -> Result<Hist> {
        let h = Hist {
            data,
            label: None,
            color,
            alpha: 1.0,
            bins: 10,
            range: None,
            density: false,
        };
        h.edges()?;
        Ok(h)
    }

    /// The bin edges, as `np.histogram_bin_edges` with an integer `bins`.
    pub fn edges(&self) -> Result<Vec<f64>> {
        if self.bins == 0 {
            return Err(ArrayError::value(
                "`bins` must be positive, when an integer",
            ));
        }
        let (mut lo, mut hi) = match self.range {
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
            None if self.data.is_empty() => (0.0, 1.0),
            None => {
                let lo = self.data.iter().copied().fold(f64::INFINITY, f64::min);
                let hi = self.data.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                if self.data.iter().any(|v| v.is_nan()) || !(lo.is_finite() && hi.is_finite()) {
                    let (a, b) = if self.data.iter().any(|v| v.is_nan()) {
                        (f64::NAN, f64::NAN)
                    } else {
                        (lo, hi)
                    };
                    return Err(ArrayError::value(format!(
                        "autodetected range of [{}, {}] is not finite",
                        py_float(a),
                        py_float(b)
                    )));
                }
                (lo, hi)
            }
        };
        if lo == hi {
            lo -= 0.5;
            hi += 0.5;
        }
        let n = self.bins;
        // np.linspace: start + i * step, with the last edge exactly `hi`.
        let step = (hi - lo) / n as f64;
        let mut e: Vec<f64> = (0..=n).map(|i| lo + i as f64 * step).collect();
        e[n] = hi;
        Ok(e)
    }

    /// Counts per bin (or densities) and the edges, as `np.histogram`.
    pub fn counts(&self) -> (Vec<f64>, Vec<f64>) {
        let Ok(edges) = self.edges() else {
            return (vec![], vec![]);
        };
        let counts = histogram_counts(&self.data, &edges);
        let mut c: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
        if self.density {
            let total: f64 = c.iter().sum();
            for (i, v) in c.iter_mut().enumerate() {
                *v /= total * (edges[i + 1] - edges[i]);
            }
        }
        (c, edges)
    }
}

/// NumPy's equal-width binning: computed index, then corrected against the edges so values
/// exactly on an edge land where `np.histogram` puts them; the last bin is closed.
pub(crate) fn histogram_counts(data: &[f64], edges: &[f64]) -> Vec<u64> {
    let n = edges.len() - 1;
    let (first, last) = (edges[0], edges[n]);
    let norm = n as f64 / (last - first);
    let mut counts = vec![0u64; n];
    for &v in data {
        if !(v >= first && v <= last) {
            continue;
        }
        let mut i = ((v - first) * norm) as usize;
        if i >= n {
            i = n - 1;
        }
        if v < edges[i] {
            i = i.saturating_sub(1);
        } else if v >= edges[i + 1] && i != n - 1 {
            i += 1;
        }
        counts[i] += 1;
    }
    counts
}

/// A float as Python prints it in these messages (`nan`, `inf`, `1.0`).
fn py_float(v: f64) -> String {
    if v.is_nan() {
        "nan".into()
    } else if v.is_infinite() {
        if v > 0.0 { "inf".into() } else { "-inf".into() }
    } else if v == v.trunc() && v.abs() < 1e16 {
        format!("{v:.1}")
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_np_histogram() {
        // np.histogram([1, 2, 2, 3, 3, 3, 4, 10], bins=3) -> [6, 1, 1], edges [1, 4, 7, 10]
        let h = Hist {
            bins: 3,
            ..Hist::new(vec![1., 2., 2., 3., 3., 3., 4., 10.], Rgb(0, 0, 0)).unwrap()
        };
        let (c, e) = h.counts();
        assert_eq!(c, vec![6.0, 1.0, 1.0]);
        assert_eq!(e, vec![1.0, 4.0, 7.0, 10.0]);
        // np.histogram([0, 0.1, 0.2, 0.3], bins=3, range=(0, 0.3)) -> [1, 1, 2]
        let h = Hist {
            bins: 3,
            range: Some((0.0, 0.3)),
            ..Hist::new(vec![0.0, 0.1, 0.2, 0.3], Rgb(0, 0, 0)).unwrap()
        };
        assert_eq!(h.counts().0, vec![1.0, 1.0, 2.0]);
    }

    #[test]
    fn errors_are_numpys() {
        let e = Hist::new(vec![1.0, f64::NAN], Rgb(0, 0, 0)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: autodetected range of [nan, nan] is not finite"
        );
        let h = Hist {
            range: Some((2.0, 1.0)),
            ..Hist::new(vec![1.0], Rgb(0, 0, 0)).unwrap()
        };
        assert_eq!(
            h.edges().unwrap_err().message,
            "max must be larger than min in range parameter."
        );
    }
}

//! Histograms (`plt.hist(x, bins=10, range=None, density=False)`): counts computed exactly as
//! `np.histogram` does, drawn as adjacent bars.

use super::color::Rgb;
use crate::error::Result;

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
        crate::histogram::uniform_bin_edges(&self.data, self.bins, self.range)
    }

    /// Counts per bin (or densities) and the edges, as `np.histogram`.
    pub fn counts(&self) -> (Vec<f64>, Vec<f64>) {
        let Ok(edges) = self.edges() else {
            return (vec![], vec![]);
        };
        let counts = crate::histogram::count_uniform(&self.data, &edges);
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

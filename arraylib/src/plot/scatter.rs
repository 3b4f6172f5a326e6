//! Scatter plots (`plt.scatter(x, y, s=..., c=...)`): one disc per point, sizes and colours
//! optionally per point, colours from values through a colormap.

use super::canvas::{Canvas, Prim};
use super::color::Rgb;
use super::colormap::Colormap;
use super::transform::Transform;

/// One scatter series.
#[derive(Clone, Debug)]
pub(crate) struct Scatter {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub label: Option<String>,
    pub color: Rgb,
    pub alpha: f64,
    /// Marker areas in points² (matplotlib's `s`): one value or one per point.
    pub sizes: Vec<f64>,
    /// Values mapped through `cmap` (matplotlib's `c`), one per point.
    pub values: Option<Vec<f64>>,
    pub cmap: Colormap,
    pub clim: Option<(f64, f64)>,
}

impl Scatter {
    pub fn new(x: Vec<f64>, y: Vec<f64>, color: Rgb) -> Scatter {
        Scatter {
            x,
            y,
            label: None,
            color,
            alpha: 1.0,
            sizes: vec![36.0],
            values: None,
            cmap: Colormap::VIRIDIS,
            clim: None,
        }
    }

    /// `(vmin, vmax)` of the colour values.
    pub fn value_range(&self) -> Option<(f64, f64)> {
        let v = self.values.as_ref()?;
        Some(self.clim.unwrap_or_else(|| super::image::finite_range(v)))
    }

    pub fn draw(&self, tr: &Transform, px_per_pt: f64, canvas: &mut Canvas) {
        let range = self.value_range();
        for i in 0..self.x.len() {
            let Some(c) = tr.px(self.x[i], self.y[i]) else {
                continue;
            };
            let s = self.sizes[if self.sizes.len() == 1 { 0 } else { i }];
            let color = match (&self.values, range) {
                (Some(v), Some((lo, hi))) => {
                    if !v[i].is_finite() {
                        continue;
                    }
                    self.cmap.rgb(super::image::normalize(v[i], lo, hi))
                }
                _ => self.color,
            };
            canvas.push(Prim::Circle {
                c,
                r: (s.max(0.0).sqrt() / 2.0 * px_per_pt).max(0.5),
                color,
                alpha: self.alpha,
                clip: Some(tr.rect),
            });
        }
    }
}

//! Images and heatmaps (`plt.imshow(a, cmap=..., vmin=..., vmax=...)`): 2-D arrays are
//! coloured through a colormap; `(h, w, 3)` / `(h, w, 4)` arrays are RGB(A), integers in
//! 0..=255 and floats in 0..=1, as matplotlib reads them.

use super::colormap::Colormap;
use super::data::PlotData;
use crate::error::{ArrayError, Result};

/// One image.
#[derive(Clone, Debug)]
pub(crate) struct Image {
    pub data: PlotData,
    pub cmap: Colormap,
    pub clim: Option<(f64, f64)>,
}

/// Finite min and max of `v` (`(0, 1)` when there is none), widened when equal.
pub(crate) fn finite_range(v: &[f64]) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for &x in v {
        if x.is_finite() {
            lo = lo.min(x);
            hi = hi.max(x);
        }
    }
    if lo > hi { (0.0, 1.0) } else { (lo, hi) }
}

/// `(v - lo) / (hi - lo)`, matplotlib's `Normalize` (0 when the range is empty).
pub(crate) fn normalize(v: f64, lo: f64, hi: f64) -> f64 {
    if hi > lo { (v - lo) / (hi - lo) } else { 0.0 }
}

impl Image {
    pub fn new(data: PlotData) -> Result<Image> {
        let ok = match data.shape.as_slice() {
            [_, _] => true,
            [_, _, c] => *c == 3 || *c == 4,
            _ => false,
        };
        if !ok {
            return Err(ArrayError::type_error(format!(
                "Invalid shape {} for image data",
                crate::print::shape_repr(&data.shape)
            )));
        }
        Ok(Image {
            data,
            cmap: Colormap::VIRIDIS,
            clim: None,
        })
    }

    /// Height and width in cells.
    pub fn hw(&self) -> (usize, usize) {
        (self.data.shape[0], self.data.shape[1])
    }

    /// Whether values go through the colormap (2-D data).
    pub fn is_mapped(&self) -> bool {
        self.data.shape.len() == 2
    }

    pub fn value_range(&self) -> (f64, f64) {
        self.clim.unwrap_or_else(|| finite_range(&self.data.values))
    }

    /// RGBA per cell, row-major, top row first.
    pub fn rgba(&self) -> Vec<[u8; 4]> {
        let v = &self.data.values;
        if self.is_mapped() {
            let (lo, hi) = self.value_range();
            return v
                .iter()
                .map(|&x| {
                    if x.is_nan() {
                        [0, 0, 0, 0]
                    } else {
                        let c = self.cmap.rgb(normalize(x, lo, hi));
                        [c.0, c.1, c.2, 255]
                    }
                })
                .collect();
        }
        let ch = self.data.shape[2];
        let scale = if self.data.integer { 1.0 } else { 255.0 };
        v.chunks(ch)
            .map(|p| {
                let q = |x: f64| (x * scale).round().clamp(0.0, 255.0) as u8;
                [
                    q(p[0]),
                    q(p[1]),
                    q(p[2]),
                    if ch == 4 { q(p[3]) } else { 255 },
                ]
            })
            .collect()
    }
}

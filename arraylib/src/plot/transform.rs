//! Data to pixel mapping for one axes, with optional log10 scales.

use super::canvas::Rect;

/// Maps data coordinates to pixels inside `rect`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Transform {
    pub rect: Rect,
    /// View limits in scaled space (log10 of the data on log axes); `x0` maps to the left
    /// edge, `y0` to the bottom edge (so `y0 > y1` flips the axis, as for images).
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
    pub xlog: bool,
    pub ylog: bool,
}

/// `log10(v)` on log axes (`None` for values a log axis cannot show), `v` otherwise.
pub(crate) fn scaled(v: f64, log: bool) -> Option<f64> {
    if !v.is_finite() {
        return None;
    }
    if log {
        (v > 0.0).then(|| v.log10())
    } else {
        Some(v)
    }
}

impl Transform {
    pub fn px_x(&self, x: f64) -> Option<f64> {
        let s = scaled(x, self.xlog)?;
        Some(self.rect.x0 + (s - self.x0) / (self.x1 - self.x0) * self.rect.w())
    }

    pub fn px_y(&self, y: f64) -> Option<f64> {
        let s = scaled(y, self.ylog)?;
        Some(self.rect.y1 - (s - self.y0) / (self.y1 - self.y0) * self.rect.h())
    }

    pub fn px(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        Some((self.px_x(x)?, self.px_y(y)?))
    }

    /// A y value clamped to the visible range, for bar bottoms on log axes.
    pub fn px_y_or_bottom(&self, y: f64) -> f64 {
        self.px_y(y).unwrap_or(self.rect.y1.max(self.rect.y0))
    }
}

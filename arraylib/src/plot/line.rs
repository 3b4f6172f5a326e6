//! Line plots (`plt.plot(x, y)`): a polyline per series, optional dashes and markers.

use super::canvas::{Canvas, Prim};
use super::color::Rgb;
use super::transform::Transform;

/// matplotlib's `linestyle`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineStyle {
    Solid,
    Dashed,
    Dotted,
    DashDot,
    None,
}

impl LineStyle {
    pub fn parse(s: &str) -> Option<LineStyle> {
        Some(match s {
            "-" | "solid" => LineStyle::Solid,
            "--" | "dashed" => LineStyle::Dashed,
            ":" | "dotted" => LineStyle::Dotted,
            "-." | "dashdot" => LineStyle::DashDot,
            "" | " " | "None" | "none" => LineStyle::None,
            _ => return None,
        })
    }

    /// On/off lengths in multiples of the line width (matplotlib's scaled dash patterns).
    fn pattern(self) -> Option<&'static [f64]> {
        match self {
            LineStyle::Dashed => Some(&[3.7, 1.6]),
            LineStyle::Dotted => Some(&[1.0, 1.65]),
            LineStyle::DashDot => Some(&[6.4, 1.6, 1.0, 1.6]),
            _ => None,
        }
    }
}

/// One line series.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub label: Option<String>,
    pub color: Rgb,
    pub alpha: f64,
    /// Width in points.
    pub width: f64,
    pub style: LineStyle,
    /// Marker diameter in points when markers are on.
    pub marker: Option<f64>,
}

impl Line {
    pub fn new(x: Vec<f64>, y: Vec<f64>, color: Rgb) -> Line {
        Line {
            x,
            y,
            label: None,
            color,
            alpha: 1.0,
            width: 1.5,
            style: LineStyle::Solid,
            marker: None,
        }
    }

    /// Pixel runs of finite points (NaN breaks the line, as in matplotlib).
    pub fn runs(&self, tr: &Transform) -> Vec<Vec<(f64, f64)>> {
        let mut runs = vec![];
        let mut cur = vec![];
        for (&x, &y) in self.x.iter().zip(&self.y) {
            match tr.px(x, y) {
                Some(p) => cur.push(p),
                None => {
                    if !cur.is_empty() {
                        runs.push(std::mem::take(&mut cur));
                    }
                }
            }
        }
        if !cur.is_empty() {
            runs.push(cur);
        }
        runs
    }

    pub fn draw(&self, tr: &Transform, px_per_pt: f64, canvas: &mut Canvas) {
        let width = self.width * px_per_pt;
        for run in self.runs(tr) {
            if self.style != LineStyle::None {
                for piece in dash(&run, self.style.pattern(), width) {
                    canvas.push(Prim::Path {
                        pts: piece,
                        color: self.color,
                        alpha: self.alpha,
                        width,
                        clip: Some(tr.rect),
                    });
                }
            }
            if let Some(d) = self.marker {
                for &c in &run {
                    canvas.push(Prim::Circle {
                        c,
                        r: d * px_per_pt / 2.0,
                        color: self.color,
                        alpha: self.alpha,
                        clip: Some(tr.rect),
                    });
                }
            }
        }
    }
}

/// Cuts a polyline into dash pieces.
pub(crate) fn dash(
    pts: &[(f64, f64)],
    pattern: Option<&[f64]>,
    width: f64,
) -> Vec<Vec<(f64, f64)>> {
    let Some(pattern) = pattern else {
        return vec![pts.to_vec()];
    };
    let lens: Vec<f64> = pattern.iter().map(|p| p * width.max(1.0)).collect();
    let mut out = vec![];
    let mut cur: Vec<(f64, f64)> = vec![];
    let (mut k, mut left, mut on) = (0usize, lens[0], true);
    if let Some(&p) = pts.first() {
        cur.push(p);
    }
    for w in pts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let seg = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let mut t = 0.0;
        while seg - t > left {
            t += left;
            let p = (a.0 + (b.0 - a.0) * t / seg, a.1 + (b.1 - a.1) * t / seg);
            if on {
                cur.push(p);
                out.push(std::mem::take(&mut cur));
            } else {
                cur = vec![p];
            }
            on = !on;
            k = (k + 1) % lens.len();
            left = lens[k];
        }
        left -= seg - t;
        if on {
            cur.push(b);
        }
    }
    if on && cur.len() > 1 {
        out.push(cur);
    }
    out
}

//! Bar charts (`plt.bar(labels, heights)`): several bar series on one axes are grouped side
//! by side, or stacked when the axes is marked `stacked`.

use super::color::Rgb;

/// One bar series.
#[derive(Clone, Debug)]
pub(crate) struct Bar {
    pub categories: Vec<String>,
    pub heights: Vec<f64>,
    pub label: Option<String>,
    pub color: Rgb,
    pub alpha: f64,
}

/// A bar in data coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct BarRect {
    pub x0: f64,
    pub x1: f64,
    pub bottom: f64,
    pub top: f64,
}

/// Rectangles of every bar series of an axes, in series order. Bars are 0.8 wide per
/// category (matplotlib's default width), shared among the series when grouped.
pub(crate) fn layout(bars: &[&Bar], stacked: bool) -> Vec<Vec<BarRect>> {
    let n = bars.len().max(1);
    let ncat = bars.iter().map(|b| b.heights.len()).max().unwrap_or(0);
    let mut pos_base = vec![0.0; ncat];
    let mut neg_base = vec![0.0; ncat];
    bars.iter()
        .enumerate()
        .map(|(k, b)| {
            b.heights
                .iter()
                .enumerate()
                .map(|(i, &h)| {
                    let c = i as f64;
                    if stacked {
                        let base = if h >= 0.0 {
                            &mut pos_base[i]
                        } else {
                            &mut neg_base[i]
                        };
                        let r = BarRect {
                            x0: c - 0.4,
                            x1: c + 0.4,
                            bottom: *base,
                            top: *base + h,
                        };
                        *base += h;
                        r
                    } else {
                        let w = 0.8 / n as f64;
                        let x0 = c - 0.4 + k as f64 * w;
                        BarRect {
                            x0,
                            x1: x0 + w,
                            bottom: 0.0,
                            top: h,
                        }
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(h: Vec<f64>) -> Bar {
        Bar {
            categories: vec![],
            heights: h,
            label: None,
            color: Rgb(0, 0, 0),
            alpha: 1.0,
        }
    }

    #[test]
    fn grouped_and_stacked_geometry() {
        let (a, b) = (bar(vec![1.0, 2.0]), bar(vec![3.0, 4.0]));
        let g = layout(&[&a, &b], false);
        assert!((g[1][0].x0 - 0.0).abs() < 1e-12 && (g[1][0].x1 - 0.4).abs() < 1e-12);
        let s = layout(&[&a, &b], true);
        assert_eq!((s[1][1].bottom, s[1][1].top), (2.0, 6.0));
    }
}

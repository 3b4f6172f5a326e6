//! The legend box: one entry per labelled artist, placed where it hides the least data when
//! `loc` is `"best"` (matplotlib's default).

use super::axes::{Artist, Axes, LegendLoc, Style};
use super::bar::BarRect;
use super::canvas::{Canvas, HAlign, Prim, Rect, VAlign};
use super::color::Rgb;
use super::font::text_size;
use super::line::{LineStyle, dash};
use super::transform::Transform;

/// Pixel points the data occupies, sampled densely along lines, for `loc="best"`.
fn occupied(ax: &Axes, tr: &Transform, rects: &[(usize, Vec<BarRect>)]) -> Vec<(f64, f64)> {
    let mut pts = vec![];
    for a in &ax.artists {
        match a {
            Artist::Line(l) => {
                for run in l.runs(tr) {
                    for w in run.windows(2) {
                        let d = ((w[1].0 - w[0].0).hypot(w[1].1 - w[0].1) / 4.0)
                            .ceil()
                            .max(1.0);
                        for k in 0..d as usize {
                            let t = k as f64 / d;
                            pts.push((
                                w[0].0 + (w[1].0 - w[0].0) * t,
                                w[0].1 + (w[1].1 - w[0].1) * t,
                            ));
                        }
                    }
                    pts.extend(run.last());
                }
            }
            Artist::Scatter(s) => {
                pts.extend(s.x.iter().zip(&s.y).filter_map(|(&x, &y)| tr.px(x, y)));
            }
            _ => {}
        }
    }
    for (_, rs) in rects {
        for r in rs {
            let (Some(xa), Some(xb), Some(yt)) = (tr.px_x(r.x0), tr.px_x(r.x1), tr.px_y(r.top))
            else {
                continue;
            };
            let yb = tr.px_y_or_bottom(r.bottom);
            let (ya, yb2) = (yt.min(yb), yt.max(yb));
            let mut y = ya;
            while y <= yb2 {
                let mut x = xa.min(xb);
                while x <= xa.max(xb) {
                    pts.push((x, y));
                    x += 6.0;
                }
                y += 6.0;
            }
        }
    }
    pts
}

/// Draws the legend of `ax` if any artist has a label.
pub(crate) fn draw(
    ax: &Axes,
    tr: &Transform,
    rects: &[(usize, Vec<BarRect>)],
    st: &Style,
    canvas: &mut Canvas,
) {
    let entries: Vec<(&Artist, &str)> = ax
        .artists
        .iter()
        .filter_map(|a| a.label().map(|l| (a, l)))
        .filter(|(_, l)| !l.starts_with('_'))
        .collect();
    if entries.is_empty() {
        return;
    }
    let fs = st.font;
    let handle_w = 2.0 * fs;
    let row_h = fs * 1.25;
    let pad = 0.4 * fs;
    let text_w = entries
        .iter()
        .map(|(_, l)| text_size(l, fs).0)
        .fold(0.0, f64::max);
    let w = pad + handle_w + 0.8 * fs + text_w + pad;
    let h = pad + row_h * entries.len() as f64 + pad * 0.5;
    let p = tr.rect;
    let gap = 0.5 * fs;
    let at = |loc: LegendLoc| -> Rect {
        let (x, y) = match loc {
            LegendLoc::UpperRight | LegendLoc::Best => (p.x1 - gap - w, p.y0 + gap),
            LegendLoc::UpperLeft => (p.x0 + gap, p.y0 + gap),
            LegendLoc::LowerLeft => (p.x0 + gap, p.y1 - gap - h),
            LegendLoc::LowerRight => (p.x1 - gap - w, p.y1 - gap - h),
            LegendLoc::CenterRight => (p.x1 - gap - w, (p.y0 + p.y1 - h) / 2.0),
            LegendLoc::UpperCenter => ((p.x0 + p.x1 - w) / 2.0, p.y0 + gap),
            LegendLoc::LowerCenter => ((p.x0 + p.x1 - w) / 2.0, p.y1 - gap - h),
        };
        Rect::new(x, y, x + w, y + h)
    };
    let bx = if ax.legend_loc == LegendLoc::Best {
        let pts = occupied(ax, tr, rects);
        let candidates = [
            LegendLoc::UpperRight,
            LegendLoc::UpperLeft,
            LegendLoc::LowerLeft,
            LegendLoc::LowerRight,
            LegendLoc::CenterRight,
            LegendLoc::UpperCenter,
            LegendLoc::LowerCenter,
        ];
        // First candidate with the fewest covered points, as matplotlib's "best".
        let mut best = (usize::MAX, at(LegendLoc::UpperRight));
        for c in candidates {
            let r = at(c);
            let n = pts.iter().filter(|(x, y)| r.contains(*x, *y)).count();
            if n < best.0 {
                best = (n, r);
            }
        }
        best.1
    } else {
        at(ax.legend_loc)
    };
    canvas.push(Prim::Rect {
        rect: bx,
        fill: Some((Rgb(255, 255, 255), 0.8)),
        stroke: Some((Rgb(0xcc, 0xcc, 0xcc), 1.0, st.line)),
        clip: None,
    });
    for (k, (a, label)) in entries.iter().enumerate() {
        let cy = bx.y0 + pad + row_h * (k as f64 + 0.5);
        let hx0 = bx.x0 + pad;
        let hx1 = hx0 + handle_w;
        match a {
            Artist::Line(l) => {
                if l.style != LineStyle::None {
                    let pattern: Option<&[f64]> = match l.style {
                        LineStyle::Dashed => Some(&[3.7, 1.6]),
                        LineStyle::Dotted => Some(&[1.0, 1.65]),
                        LineStyle::DashDot => Some(&[6.4, 1.6, 1.0, 1.6]),
                        _ => None,
                    };
                    let width = l.width * st.px_per_pt;
                    for piece in dash(&[(hx0, cy), (hx1, cy)], pattern, width) {
                        canvas.push(Prim::Path {
                            pts: piece,
                            color: l.color,
                            alpha: l.alpha,
                            width,
                            clip: None,
                        });
                    }
                }
                if let Some(d) = l.marker {
                    canvas.push(Prim::Circle {
                        c: ((hx0 + hx1) / 2.0, cy),
                        r: d * st.px_per_pt / 2.0,
                        color: l.color,
                        alpha: l.alpha,
                        clip: None,
                    });
                }
            }
            Artist::Scatter(s) => {
                let color = if s.values.is_some() {
                    s.cmap.rgb(0.5)
                } else {
                    s.color
                };
                canvas.push(Prim::Circle {
                    c: ((hx0 + hx1) / 2.0, cy),
                    r: 3.0 * st.px_per_pt,
                    color,
                    alpha: s.alpha,
                    clip: None,
                });
            }
            Artist::Hist(_) | Artist::Bar(_) => {
                let (color, alpha) = match a {
                    Artist::Hist(x) => (x.color, x.alpha),
                    Artist::Bar(x) => (x.color, x.alpha),
                    _ => unreachable!(),
                };
                canvas.push(Prim::Rect {
                    rect: Rect::new(hx0, cy - 0.35 * fs, hx1, cy + 0.35 * fs),
                    fill: Some((color, alpha)),
                    stroke: None,
                    clip: None,
                });
            }
            Artist::Image(_) => {}
        }
        canvas.text(
            (hx1 + 0.8 * fs, cy),
            label,
            fs,
            HAlign::Left,
            VAlign::Center,
        );
    }
}

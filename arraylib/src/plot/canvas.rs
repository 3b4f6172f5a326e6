//! A display list of pixel-space drawing commands. Charts are laid out once into a
//! [`Canvas`]; the PNG and SVG writers replay it on the matching plotters backend, so both
//! formats show the same picture.

use super::color::Rgb;
use plotters::prelude::*;

/// Horizontal text anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HAlign {
    Left,
    Center,
    Right,
}

/// Vertical text anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VAlign {
    Top,
    Center,
    Bottom,
}

/// A rectangle in pixels: `(x0, y0)` top-left, `(x1, y1)` bottom-right.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }
    pub fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn h(&self) -> f64 {
        self.y1 - self.y0
    }
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
    fn intersect(&self, o: &Rect) -> Option<Rect> {
        let r = Rect {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1),
            y1: self.y1.min(o.y1),
        };
        (r.x0 < r.x1 && r.y0 < r.y1).then_some(r)
    }
}

/// One drawing command.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Prim {
    /// A polyline, clipped to `clip`.
    Path {
        pts: Vec<(f64, f64)>,
        color: Rgb,
        alpha: f64,
        width: f64,
        clip: Option<Rect>,
    },
    /// A filled and/or outlined rectangle.
    Rect {
        rect: Rect,
        fill: Option<(Rgb, f64)>,
        stroke: Option<(Rgb, f64, f64)>,
        clip: Option<Rect>,
    },
    /// A filled circle (scatter markers).
    Circle {
        c: (f64, f64),
        r: f64,
        color: Rgb,
        alpha: f64,
        clip: Option<Rect>,
    },
    /// Text; `rotate` turns it 90° counter-clockwise (y labels).
    Text {
        at: (f64, f64),
        text: String,
        size: f64,
        color: Rgb,
        h: HAlign,
        v: VAlign,
        rotate: bool,
    },
    /// An RGBA image of `w` x `h` cells stretched over `rect` (nearest neighbour).
    Image {
        rect: Rect,
        w: usize,
        h: usize,
        rgba: Vec<[u8; 4]>,
        clip: Option<Rect>,
    },
}

/// The laid-out picture.
#[derive(Clone, Debug, Default)]
pub(crate) struct Canvas {
    pub width: u32,
    pub height: u32,
    pub prims: Vec<Prim>,
}

impl Canvas {
    pub fn push(&mut self, p: Prim) {
        self.prims.push(p);
    }

    pub fn text(&mut self, at: (f64, f64), text: &str, size: f64, h: HAlign, v: VAlign) {
        self.push(Prim::Text {
            at,
            text: text.to_string(),
            size,
            color: Rgb(0, 0, 0),
            h,
            v,
            rotate: false,
        });
    }

    pub fn line(&mut self, pts: Vec<(f64, f64)>, color: Rgb, width: f64) {
        self.push(Prim::Path {
            pts,
            color,
            alpha: 1.0,
            width,
            clip: None,
        });
    }
}

/// Liang–Barsky clipping of one segment.
fn clip_segment(a: (f64, f64), b: (f64, f64), r: &Rect) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let mut t0 = 0.0f64;
    let mut t1 = 1.0f64;
    for (p, q) in [
        (-dx, a.0 - r.x0),
        (dx, r.x1 - a.0),
        (-dy, a.1 - r.y0),
        (dy, r.y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some((
        (a.0 + t0 * dx, a.1 + t0 * dy),
        (a.0 + t1 * dx, a.1 + t1 * dy),
    ))
}

/// Splits a polyline into the runs that lie inside `clip`.
fn clipped_runs(pts: &[(f64, f64)], clip: Option<&Rect>) -> Vec<Vec<(f64, f64)>> {
    let Some(r) = clip else {
        return vec![pts.to_vec()];
    };
    let mut runs: Vec<Vec<(f64, f64)>> = vec![];
    let mut cur: Vec<(f64, f64)> = vec![];
    for w in pts.windows(2) {
        match clip_segment(w[0], w[1], r) {
            Some((p, q)) => {
                if cur.last() != Some(&p) {
                    if cur.len() > 1 {
                        runs.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                    cur.push(p);
                }
                cur.push(q);
            }
            None => {
                if cur.len() > 1 {
                    runs.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() > 1 {
        runs.push(cur);
    }
    runs
}

fn rgba(c: Rgb, alpha: f64) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, alpha)
}

fn ipt(p: (f64, f64)) -> (i32, i32) {
    (p.0.round() as i32, p.1.round() as i32)
}

/// How images and text are put on a backend: pixel by pixel (bitmap) or as elements (SVG).
pub(crate) trait Sink<DB: DrawingBackend> {
    fn image(&mut self, area: &DrawingArea<DB, plotters::coord::Shift>, prim: &Prim);
    fn text(&mut self, area: &DrawingArea<DB, plotters::coord::Shift>, prim: &Prim);
}

/// Draws the display list on a plotters drawing area.
pub(crate) fn replay<DB: DrawingBackend>(
    canvas: &Canvas,
    area: &DrawingArea<DB, plotters::coord::Shift>,
    sink: &mut dyn Sink<DB>,
) {
    let _ = area.fill(&WHITE);
    for p in &canvas.prims {
        // Drawing errors only come from the backend's buffer, which is ours and sized
        // correctly; a failed element is skipped rather than aborting the picture.
        match p {
            Prim::Path {
                pts,
                color,
                alpha,
                width,
                clip,
            } => {
                let style = ShapeStyle {
                    color: rgba(*color, *alpha),
                    filled: false,
                    stroke_width: width.round().max(1.0) as u32,
                };
                for run in clipped_runs(pts, clip.as_ref()) {
                    let run: Vec<(i32, i32)> = run.into_iter().map(ipt).collect();
                    let _ = area.draw(&PathElement::new(run, style));
                }
            }
            Prim::Rect {
                rect,
                fill,
                stroke,
                clip,
            } => {
                let r = match clip {
                    Some(c) => match rect.intersect(c) {
                        Some(r) => r,
                        None => continue,
                    },
                    None => *rect,
                };
                let corners = [ipt((r.x0, r.y0)), ipt((r.x1, r.y1))];
                if let Some((c, a)) = fill {
                    let _ = area.draw(&Rectangle::new(corners, rgba(*c, *a).filled()));
                }
                if let Some((c, a, w)) = stroke {
                    let style = ShapeStyle {
                        color: rgba(*c, *a),
                        filled: false,
                        stroke_width: w.round().max(1.0) as u32,
                    };
                    let _ = area.draw(&Rectangle::new(corners, style));
                }
            }
            Prim::Circle {
                c,
                r,
                color,
                alpha,
                clip,
            } => {
                if clip.is_some_and(|cl| !cl.contains(c.0, c.1)) {
                    continue;
                }
                let _ = area.draw(&Circle::new(
                    ipt(*c),
                    r.round().max(1.0) as u32,
                    rgba(*color, *alpha).filled(),
                ));
            }
            Prim::Text { .. } => sink.text(area, p),
            Prim::Image { .. } => sink.image(area, p),
        }
    }
}

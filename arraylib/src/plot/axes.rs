//! One set of axes: what is plotted on it, its decorations, and its layout and drawing
//! (limits, ticks, spines, labels, legend, colorbar) into a cell of the figure.

use super::bar::{self, Bar, BarRect};
use super::canvas::{Canvas, HAlign, Prim, Rect, VAlign};
use super::color::{self, Rgb};
use super::colormap::Colormap;
use super::font::text_size;
use super::hist::Hist;
use super::image::Image;
use super::line::Line;
use super::scatter::Scatter;
use super::ticks::{self, Ticks};
use super::transform::{Transform, scaled};

/// Something drawn in an axes.
#[derive(Clone, Debug)]
pub(crate) enum Artist {
    Line(Line),
    Scatter(Scatter),
    Hist(Hist),
    Bar(Bar),
    Image(Image),
}

impl Artist {
    pub fn label(&self) -> Option<&str> {
        match self {
            Artist::Line(a) => a.label.as_deref(),
            Artist::Scatter(a) => a.label.as_deref(),
            Artist::Hist(a) => a.label.as_deref(),
            Artist::Bar(a) => a.label.as_deref(),
            Artist::Image(_) => None,
        }
    }

    /// matplotlib's class name, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Artist::Line(_) => "Line2D",
            Artist::Scatter(_) => "PathCollection",
            Artist::Hist(_) | Artist::Bar(_) => "Rectangle",
            Artist::Image(_) => "AxesImage",
        }
    }
}

/// Where the legend goes (matplotlib's `loc`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LegendLoc {
    Best,
    UpperRight,
    UpperLeft,
    LowerLeft,
    LowerRight,
    CenterRight,
    UpperCenter,
    LowerCenter,
}

impl LegendLoc {
    pub fn parse(s: &str) -> Option<LegendLoc> {
        Some(match s {
            "best" => LegendLoc::Best,
            "upper right" => LegendLoc::UpperRight,
            "upper left" => LegendLoc::UpperLeft,
            "lower left" => LegendLoc::LowerLeft,
            "lower right" => LegendLoc::LowerRight,
            "right" | "center right" => LegendLoc::CenterRight,
            "upper center" => LegendLoc::UpperCenter,
            "lower center" => LegendLoc::LowerCenter,
            _ => return None,
        })
    }
}

/// An axes and everything on it.
#[derive(Clone, Debug)]
pub(crate) struct Axes {
    pub artists: Vec<Artist>,
    pub title: Option<String>,
    pub xlabel: Option<String>,
    pub ylabel: Option<String>,
    pub xlim: Option<(f64, f64)>,
    pub ylim: Option<(f64, f64)>,
    pub xlog: bool,
    pub ylog: bool,
    pub grid: bool,
    /// `None`: shown when some artist has a label.
    pub legend: Option<bool>,
    pub legend_loc: LegendLoc,
    pub stacked: bool,
    /// Index of the artist whose colours the colorbar explains.
    pub colorbar: Option<usize>,
    pub colorbar_label: Option<String>,
    pub xticklabels: Option<Vec<String>>,
    pub yticklabels: Option<Vec<String>>,
    /// Next colour of the cycle.
    pub cycle: usize,
    /// `ax.axis("off")`: no frame, ticks or axis labels.
    pub axis_off: bool,
    /// `ax.set_aspect("equal")`: one data unit is as long on both axes (images default to it).
    pub aspect_equal: Option<bool>,
}

impl Default for Axes {
    fn default() -> Self {
        Axes {
            artists: vec![],
            title: None,
            xlabel: None,
            ylabel: None,
            xlim: None,
            ylim: None,
            xlog: false,
            ylog: false,
            grid: false,
            legend: None,
            legend_loc: LegendLoc::Best,
            stacked: false,
            colorbar: None,
            colorbar_label: None,
            xticklabels: None,
            yticklabels: None,
            cycle: 0,
            axis_off: false,
            aspect_equal: None,
        }
    }
}

/// Sizes in pixels derived from the DPI (matplotlib's rcParams defaults in points).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub px_per_pt: f64,
    pub font: f64,
    pub title_font: f64,
    pub tick_len: f64,
    pub tick_pad: f64,
    pub line: f64,
}

impl Style {
    pub fn new(dpi: f64) -> Style {
        let p = dpi / 72.0;
        Style {
            px_per_pt: p,
            font: 10.0 * p,
            title_font: 12.0 * p,
            tick_len: 3.5 * p,
            tick_pad: 3.5 * p,
            line: 0.8 * p,
        }
    }
}

const BLACK: Rgb = Rgb(0, 0, 0);
const GRID: Rgb = Rgb(0xb0, 0xb0, 0xb0);

/// Data extent with matplotlib's "sticky" edges: bars and histograms do not pad below 0.
#[derive(Clone, Copy, Debug)]
struct Extent {
    lo: f64,
    hi: f64,
    sticky_lo: Option<f64>,
    /// No margins (images).
    tight: bool,
}

fn extend(e: &mut Option<Extent>, v: f64, log: bool) {
    if let Some(s) = scaled(v, log) {
        let _ = s;
        match e {
            Some(x) => {
                x.lo = x.lo.min(v);
                x.hi = x.hi.max(v);
            }
            None => {
                *e = Some(Extent {
                    lo: v,
                    hi: v,
                    sticky_lo: None,
                    tight: false,
                })
            }
        }
    }
}

impl Axes {
    pub fn next_color(&mut self) -> Rgb {
        let c = color::cycle(self.cycle);
        self.cycle += 1;
        c
    }

    fn bars(&self) -> Vec<&Bar> {
        self.artists
            .iter()
            .filter_map(|a| match a {
                Artist::Bar(b) => Some(b),
                _ => None,
            })
            .collect()
    }

    fn image(&self) -> Option<&Image> {
        self.artists.iter().find_map(|a| match a {
            Artist::Image(i) => Some(i),
            _ => None,
        })
    }

    /// Rectangles of histogram and bar artists, by artist index.
    fn rects(&self) -> Vec<(usize, Vec<BarRect>)> {
        let bars = self.bars();
        let mut bar_rects = bar::layout(&bars, self.stacked).into_iter();
        let mut out = vec![];
        for (i, a) in self.artists.iter().enumerate() {
            match a {
                Artist::Bar(_) => out.push((i, bar_rects.next().unwrap_or_default())),
                Artist::Hist(h) => {
                    let (c, e) = h.counts();
                    let r = c
                        .iter()
                        .enumerate()
                        .map(|(k, &v)| BarRect {
                            x0: e[k],
                            x1: e[k + 1],
                            bottom: 0.0,
                            top: v,
                        })
                        .collect();
                    out.push((i, r));
                }
                _ => {}
            }
        }
        out
    }

    fn extents(&self, rects: &[(usize, Vec<BarRect>)]) -> (Option<Extent>, Option<Extent>) {
        let (mut ex, mut ey) = (None, None);
        for a in &self.artists {
            match a {
                Artist::Line(l) => {
                    for (&x, &y) in l.x.iter().zip(&l.y) {
                        if scaled(x, self.xlog).is_some() && scaled(y, self.ylog).is_some() {
                            extend(&mut ex, x, self.xlog);
                            extend(&mut ey, y, self.ylog);
                        }
                    }
                }
                Artist::Scatter(s) => {
                    for (&x, &y) in s.x.iter().zip(&s.y) {
                        if scaled(x, self.xlog).is_some() && scaled(y, self.ylog).is_some() {
                            extend(&mut ex, x, self.xlog);
                            extend(&mut ey, y, self.ylog);
                        }
                    }
                }
                Artist::Image(im) => {
                    let (h, w) = im.hw();
                    for (e, lo, hi) in [
                        (&mut ex, -0.5, w as f64 - 0.5),
                        (&mut ey, -0.5, h as f64 - 0.5),
                    ] {
                        extend(e, lo, false);
                        extend(e, hi, false);
                        if let Some(x) = e.as_mut() {
                            x.tight = true;
                        }
                    }
                }
                _ => {}
            }
        }
        for (_, rs) in rects {
            for r in rs {
                extend(&mut ex, r.x0, self.xlog);
                extend(&mut ex, r.x1, self.xlog);
                extend(&mut ey, r.top, self.ylog);
                if !self.ylog {
                    extend(&mut ey, r.bottom, false);
                    if let Some(e) = ey.as_mut() {
                        e.sticky_lo = Some(0.0);
                    }
                }
            }
        }
        (ex, ey)
    }

    /// View limits in scaled space.
    fn limits(e: Option<Extent>, user: Option<(f64, f64)>, log: bool) -> (f64, f64) {
        if let Some((a, b)) = user {
            let sa = scaled(a, log).unwrap_or(0.0);
            let sb = scaled(b, log).unwrap_or(1.0);
            return if sa == sb {
                (sa - 0.5, sb + 0.5)
            } else {
                (sa, sb)
            };
        }
        let Some(e) = e else {
            return (0.0, 1.0);
        };
        let (mut lo, mut hi) = (
            scaled(e.lo, log).unwrap_or(0.0),
            scaled(e.hi, log).unwrap_or(1.0),
        );
        if lo == hi {
            let d = if lo == 0.0 { 0.05 } else { lo.abs() * 0.05 };
            lo -= d;
            hi += d;
        }
        if e.tight {
            return (lo, hi);
        }
        let m = (hi - lo) * 0.05;
        let sticky = e.sticky_lo.and_then(|s| scaled(s, log));
        let new_lo = match sticky {
            Some(s) if (lo - s).abs() < 1e-12 => lo,
            _ => lo - m,
        };
        (new_lo, hi + m)
    }

    fn axis_ticks(
        &self,
        lo: f64,
        hi: f64,
        log: bool,
        nbins: usize,
        labels: Option<&Vec<String>>,
    ) -> Ticks {
        if let Some(l) = labels {
            let (a, b) = (lo.min(hi), lo.max(hi));
            let mut t = Ticks {
                major: vec![],
                labels: vec![],
                minor: vec![],
                offset: None,
            };
            for (i, s) in l.iter().enumerate() {
                let v = i as f64;
                if v >= a - 1e-9 && v <= b + 1e-9 {
                    t.major.push(v);
                    t.labels.push(s.clone());
                }
            }
            return t;
        }
        if log {
            ticks::log(10f64.powf(lo), 10f64.powf(hi))
        } else {
            ticks::linear(lo, hi, nbins)
        }
    }

    fn colorbar_source(&self) -> Option<(Colormap, f64, f64)> {
        let i = self.colorbar?;
        match self.artists.get(i)? {
            Artist::Image(im) if im.is_mapped() => {
                let (lo, hi) = im.value_range();
                Some((im.cmap, lo, hi))
            }
            Artist::Scatter(s) => {
                let (lo, hi) = s.value_range()?;
                Some((s.cmap, lo, hi))
            }
            _ => None,
        }
    }

    /// Lays the axes out in `cell` and draws it.
    pub fn render(&self, cell: Rect, st: &Style, canvas: &mut Canvas) {
        let rects = self.rects();
        let (ex, ey) = self.extents(&rects);
        let is_image = self.image().is_some();
        let (x0, x1) = Self::limits(ex, self.xlim, self.xlog);
        let (mut y0, mut y1) = Self::limits(ey, self.ylim, self.ylog);
        if is_image && self.ylim.is_none() {
            // Images put row 0 at the top.
            std::mem::swap(&mut y0, &mut y1);
        }
        let mut xlabels = self.xticklabels.clone();
        if xlabels.is_none()
            && let Some(b) = self.bars().first()
        {
            xlabels = Some(b.categories.clone());
        }
        let pad = st.font * 0.7;
        let fs = st.font;
        // First guess of the plot box for the number of ticks.
        let guess_w = (cell.w() - 6.0 * fs).max(10.0);
        let guess_h = (cell.h() - 5.0 * fs).max(10.0);
        let nbx = ((guess_w / st.px_per_pt) / (fs / st.px_per_pt * 3.0)).clamp(1.0, 9.0) as usize;
        let nby = ((guess_h / st.px_per_pt) / (fs / st.px_per_pt * 2.0)).clamp(1.0, 9.0) as usize;
        let xt = self.axis_ticks(x0, x1, self.xlog, nbx, xlabels.as_ref());
        let yt = self.axis_ticks(y0, y1, self.ylog, nby, self.yticklabels.as_ref());

        // Margins from the text that must fit around the plot box.
        let ytick_w = yt
            .labels
            .iter()
            .map(|l| text_size(l, fs).0)
            .fold(0.0, f64::max);
        let mut left = pad + ytick_w + st.tick_len + st.tick_pad;
        if self.ylabel.is_some() {
            left += fs * 1.2 + pad * 0.6;
        }
        let mut bottom = pad + fs * 1.1 + st.tick_len + st.tick_pad;
        if self.xlabel.is_some() {
            bottom += fs * 1.2 + pad * 0.6;
        }
        if self.axis_off {
            left = pad;
            bottom = pad;
        }
        let mut top = pad;
        if self.title.is_some() {
            top += st.title_font * 1.3 + 6.0 * st.px_per_pt;
        }
        if yt.offset.is_some() && self.title.is_none() {
            top += fs * 1.2;
        }
        let last_x = xt
            .labels
            .last()
            .map(|l| text_size(l, fs).0 / 2.0)
            .unwrap_or(0.0);
        let mut right = pad + last_x.max(fs * 0.5);
        let cbar = self.colorbar_source();
        let mut cbar_ticks = None;
        if let Some((_, lo, hi)) = cbar {
            let t = ticks::linear(lo, hi, nby);
            let w = t
                .labels
                .iter()
                .map(|l| text_size(l, fs).0)
                .fold(0.0, f64::max);
            let mut extra = fs * 1.2 + fs * 1.1 + st.tick_len + st.tick_pad + w;
            if self.colorbar_label.is_some() {
                extra += fs * 1.2 + pad * 0.6;
            }
            right = pad + extra;
            cbar_ticks = Some(t);
        }
        let mut plot = Rect::new(
            cell.x0 + left,
            cell.y0 + top,
            (cell.x1 - right).max(cell.x0 + left + 10.0),
            (cell.y1 - bottom).max(cell.y0 + top + 10.0),
        );
        let equal = self
            .aspect_equal
            .unwrap_or(is_image && self.xlim.is_none() && self.ylim.is_none());
        if equal && !self.xlog && !self.ylog {
            // aspect='equal', centred in the available box.
            let (dx, dy) = ((x1 - x0).abs(), (y1 - y0).abs());
            let k = (plot.w() / dx).min(plot.h() / dy);
            let (w, h) = (dx * k, dy * k);
            let cx = (plot.x0 + plot.x1) / 2.0;
            let cy = (plot.y0 + plot.y1) / 2.0;
            plot = Rect::new(cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0);
        }
        let tr = Transform {
            rect: plot,
            x0,
            x1,
            y0,
            y1,
            xlog: self.xlog,
            ylog: self.ylog,
        };

        if self.grid && !self.axis_off {
            for &t in &xt.major {
                if let Some(x) = tr.px_x(t) {
                    canvas.line(vec![(x, plot.y0), (x, plot.y1)], GRID, st.line);
                }
            }
            for &t in &yt.major {
                if let Some(y) = tr.px_y(t) {
                    canvas.line(vec![(plot.x0, y), (plot.x1, y)], GRID, st.line);
                }
            }
        }

        self.draw_artists(&tr, &rects, st, canvas);

        if !self.axis_off {
            // Spines.
            canvas.push(Prim::Rect {
                rect: plot,
                fill: None,
                stroke: Some((BLACK, 1.0, st.line)),
                clip: None,
            });
            self.draw_ticks(&tr, &xt, &yt, st, canvas);
        }

        let xtick_bottom = plot.y1 + st.tick_len + st.tick_pad + fs * 1.1;
        if let Some(l) = self.xlabel.as_ref().filter(|_| !self.axis_off) {
            canvas.text(
                ((plot.x0 + plot.x1) / 2.0, xtick_bottom + pad * 0.6),
                l,
                fs,
                HAlign::Center,
                VAlign::Top,
            );
        }
        if let Some(l) = self.ylabel.as_ref().filter(|_| !self.axis_off) {
            let x = plot.x0 - st.tick_len - st.tick_pad - ytick_w - pad * 0.6 - fs * 0.6;
            canvas.push(Prim::Text {
                at: (x, (plot.y0 + plot.y1) / 2.0),
                text: l.clone(),
                size: fs,
                color: BLACK,
                h: HAlign::Center,
                v: VAlign::Center,
                rotate: true,
            });
        }
        if let Some(t) = &self.title {
            canvas.text(
                ((plot.x0 + plot.x1) / 2.0, plot.y0 - 6.0 * st.px_per_pt),
                t,
                st.title_font,
                HAlign::Center,
                VAlign::Bottom,
            );
        }
        if let (Some((cmap, lo, hi)), Some(t)) = (cbar, cbar_ticks) {
            self.draw_colorbar(&plot, cmap, lo, hi, &t, st, canvas);
        }
        if self.legend.unwrap_or(true) {
            super::legend::draw(self, &tr, &rects, st, canvas);
        }
    }

    fn draw_artists(
        &self,
        tr: &Transform,
        rects: &[(usize, Vec<BarRect>)],
        st: &Style,
        canvas: &mut Canvas,
    ) {
        for (i, a) in self.artists.iter().enumerate() {
            match a {
                Artist::Line(l) => l.draw(tr, st.px_per_pt, canvas),
                Artist::Scatter(s) => s.draw(tr, st.px_per_pt, canvas),
                Artist::Image(im) => {
                    let (h, w) = im.hw();
                    let (Some(p0), Some(p1)) =
                        (tr.px(-0.5, -0.5), tr.px(w as f64 - 0.5, h as f64 - 0.5))
                    else {
                        continue;
                    };
                    // Row 0 is drawn at the top whichever way the y axis runs.
                    let mut rgba = im.rgba();
                    if p1.1 < p0.1 {
                        let rows: Vec<Vec<[u8; 4]>> = rgba.chunks(w).map(|r| r.to_vec()).collect();
                        rgba = rows.into_iter().rev().flatten().collect();
                    }
                    canvas.push(Prim::Image {
                        rect: Rect::new(p0.0, p0.1, p1.0, p1.1),
                        w,
                        h,
                        rgba,
                        clip: Some(tr.rect),
                    });
                }
                Artist::Bar(_) | Artist::Hist(_) => {
                    let (color, alpha) = match a {
                        Artist::Bar(b) => (b.color, b.alpha),
                        Artist::Hist(h) => (h.color, h.alpha),
                        _ => unreachable!(),
                    };
                    let Some((_, rs)) = rects.iter().find(|(k, _)| *k == i) else {
                        continue;
                    };
                    for r in rs {
                        if r.top == r.bottom {
                            continue;
                        }
                        let (Some(xa), Some(xb)) = (tr.px_x(r.x0), tr.px_x(r.x1)) else {
                            continue;
                        };
                        let ya = tr.px_y_or_bottom(r.bottom);
                        let Some(yb) = tr.px_y(r.top) else { continue };
                        canvas.push(Prim::Rect {
                            rect: Rect::new(xa, ya, xb, yb),
                            fill: Some((color, alpha)),
                            stroke: None,
                            clip: Some(tr.rect),
                        });
                    }
                }
            }
        }
    }

    fn draw_ticks(&self, tr: &Transform, xt: &Ticks, yt: &Ticks, st: &Style, canvas: &mut Canvas) {
        let plot = tr.rect;
        let fs = st.font;
        for (t, l) in xt.major.iter().zip(&xt.labels) {
            let Some(x) = tr.px_x(*t) else { continue };
            if x < plot.x0 - 0.5 || x > plot.x1 + 0.5 {
                continue;
            }
            canvas.line(
                vec![(x, plot.y1), (x, plot.y1 + st.tick_len)],
                BLACK,
                st.line,
            );
            canvas.text(
                (x, plot.y1 + st.tick_len + st.tick_pad),
                l,
                fs,
                HAlign::Center,
                VAlign::Top,
            );
        }
        for t in &xt.minor {
            if let Some(x) = tr.px_x(*t) {
                canvas.line(
                    vec![(x, plot.y1), (x, plot.y1 + st.tick_len * 0.6)],
                    BLACK,
                    st.line * 0.75,
                );
            }
        }
        for (t, l) in yt.major.iter().zip(&yt.labels) {
            let Some(y) = tr.px_y(*t) else { continue };
            if y < plot.y0 - 0.5 || y > plot.y1 + 0.5 {
                continue;
            }
            canvas.line(
                vec![(plot.x0 - st.tick_len, y), (plot.x0, y)],
                BLACK,
                st.line,
            );
            canvas.text(
                (plot.x0 - st.tick_len - st.tick_pad, y),
                l,
                fs,
                HAlign::Right,
                VAlign::Center,
            );
        }
        for t in &yt.minor {
            if let Some(y) = tr.px_y(*t) {
                canvas.line(
                    vec![(plot.x0 - st.tick_len * 0.6, y), (plot.x0, y)],
                    BLACK,
                    st.line * 0.75,
                );
            }
        }
        if let Some(o) = &xt.offset {
            canvas.text(
                (plot.x1, plot.y1 + st.tick_len + st.tick_pad + fs * 1.2),
                o,
                fs,
                HAlign::Right,
                VAlign::Top,
            );
        }
        if let Some(o) = &yt.offset {
            canvas.text(
                (plot.x0, plot.y0 - 3.0),
                o,
                fs,
                HAlign::Left,
                VAlign::Bottom,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_colorbar(
        &self,
        plot: &Rect,
        cmap: Colormap,
        lo: f64,
        hi: f64,
        t: &Ticks,
        st: &Style,
        canvas: &mut Canvas,
    ) {
        let fs = st.font;
        let x0 = plot.x1 + fs * 1.2;
        let bar = Rect::new(x0, plot.y0, x0 + fs * 1.1, plot.y1);
        let n = 256;
        let rgba = (0..n)
            .map(|i| {
                let c = cmap.rgb((n - 1 - i) as f64 / (n - 1) as f64);
                [c.0, c.1, c.2, 255]
            })
            .collect();
        canvas.push(Prim::Image {
            rect: bar,
            w: 1,
            h: n,
            rgba,
            clip: None,
        });
        canvas.push(Prim::Rect {
            rect: bar,
            fill: None,
            stroke: Some((BLACK, 1.0, st.line)),
            clip: None,
        });
        let mut label_w: f64 = 0.0;
        for (v, l) in t.major.iter().zip(&t.labels) {
            let f = super::image::normalize(*v, lo, hi);
            if !(-1e-9..=1.0 + 1e-9).contains(&f) {
                continue;
            }
            let y = bar.y1 - f * bar.h();
            canvas.line(vec![(bar.x1, y), (bar.x1 + st.tick_len, y)], BLACK, st.line);
            canvas.text(
                (bar.x1 + st.tick_len + st.tick_pad, y),
                l,
                fs,
                HAlign::Left,
                VAlign::Center,
            );
            label_w = label_w.max(text_size(l, fs).0);
        }
        if let Some(l) = &self.colorbar_label {
            canvas.push(Prim::Text {
                at: (
                    bar.x1 + st.tick_len + st.tick_pad + label_w + fs * 0.4 + fs * 0.6,
                    (bar.y0 + bar.y1) / 2.0,
                ),
                text: l.clone(),
                size: fs,
                color: BLACK,
                h: HAlign::Center,
                v: VAlign::Center,
                rotate: true,
            });
        }
    }
}

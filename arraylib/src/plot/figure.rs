//! The [`Figure`] value: a grid of axes built up by chained calls, shown by the notebook when
//! it is a cell's last expression, and written as PNG or SVG.

use super::axes::{Artist, Axes, LegendLoc, Style};
use super::bar::Bar;
use super::canvas::{Canvas, HAlign, Rect, VAlign};
use super::color;
use super::colormap::Colormap;
use super::data::{IntoLabels, IntoPlotData, PlotData};
use super::hist::Hist;
use super::image::Image;
use super::line::{Line, LineStyle};
use super::scatter::Scatter;
use crate::error::{ArrayError, OrPanic, Result};
use crate::print::shape_repr;

/// A figure: one or more axes in a grid, each with its plots and decorations.
///
/// Build it with [`figure`](super::figure) or [`subplots`](super::subplots) and chained
/// calls; plotting calls add to the current axes (chosen with [`Figure::ax`]) and the
/// styling calls that follow them (`label`, `color`, `bins`, ...) apply to the plot just added.
///
/// ```
/// use arraylib as np;
/// let x = np::linspace(0.0, 1.0, 5);
/// let fig = np::plot::figure().line(&x, &x).label("y = x").title("Identity");
/// assert_eq!(format!("{fig:?}"), "<Figure size 640x480 with 1 Axes>");
/// ```
#[derive(Clone)]
pub struct Figure {
    pub(crate) axes: Vec<Axes>,
    pub(crate) nrows: usize,
    pub(crate) ncols: usize,
    pub(crate) current: usize,
    pub(crate) figsize: (f64, f64),
    pub(crate) dpi: f64,
    pub(crate) suptitle: Option<String>,
}

impl std::fmt::Debug for Figure {
    /// matplotlib's repr: `<Figure size 640x480 with 1 Axes>`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (w, h) = self.pixel_size();
        write!(f, "<Figure size {w}x{h} with {} Axes>", self.axes.len())
    }
}

/// Two series must have one value per point.
fn same_len(what: &str, x: &PlotData, y: &PlotData) -> Result<()> {
    if x.len() != y.len() {
        return Err(ArrayError::value(format!(
            "{what} must have same first dimension, but have shapes {} and {}",
            shape_repr(&x.shape),
            shape_repr(&y.shape)
        )));
    }
    Ok(())
}

impl Figure {
    pub(crate) fn new_grid(nrows: usize, ncols: usize) -> Result<Figure> {
        if nrows == 0 || ncols == 0 {
            return Err(ArrayError::value(format!(
                "Number of rows and columns must be > 0, not {nrows} and {ncols}"
            )));
        }
        Ok(Figure {
            axes: vec![Axes::default(); nrows * ncols],
            nrows,
            ncols,
            current: 0,
            figsize: (6.4 * ncols.min(2) as f64, 4.8 * nrows.min(2) as f64),
            dpi: 100.0,
            suptitle: None,
        })
    }

    fn cur(&mut self) -> &mut Axes {
        &mut self.axes[self.current]
    }

    fn last_artist(&mut self, what: &str) -> Result<&mut Artist> {
        self.axes[self.current].artists.last_mut().ok_or_else(|| {
            ArrayError::type_error(format!(
                "{what}() needs a plot to apply to; call line, scatter, hist, bar or imshow first"
            ))
        })
    }

    fn unexpected(a: &Artist, what: &str) -> ArrayError {
        ArrayError::type_error(format!(
            "{}.set() got an unexpected keyword argument '{what}'",
            a.kind()
        ))
    }

    /// The size in pixels (`figsize * dpi`).
    ///
    /// ```
    /// assert_eq!(arraylib::plot::figure().pixel_size(), (640, 480));
    /// ```
    pub fn pixel_size(&self) -> (u32, u32) {
        (
            (self.figsize.0 * self.dpi).round().max(1.0) as u32,
            (self.figsize.1 * self.dpi).round().max(1.0) as u32,
        )
    }

    // ----- figure -------------------------------------------------------------------------

    /// `plt.figure(figsize=(w, h))`: the size in inches (default 6.4 x 4.8).
    ///
    /// ```
    /// assert_eq!(arraylib::plot::figure().figsize(8.0, 3.0).pixel_size(), (800, 300));
    /// ```
    pub fn figsize(mut self, width: f64, height: f64) -> Self {
        self.figsize = (width.max(0.1), height.max(0.1));
        self
    }

    /// `plt.figure(dpi=...)`: pixels per inch (default 100).
    ///
    /// ```
    /// assert_eq!(arraylib::plot::figure().dpi(50.0).pixel_size(), (320, 240));
    /// ```
    pub fn dpi(mut self, dpi: f64) -> Self {
        self.dpi = dpi.max(1.0);
        self
    }

    /// `fig.suptitle(...)`: a title above all axes.
    ///
    /// ```
    /// let fig = arraylib::plot::subplots(1, 2).suptitle("Two panels");
    /// assert!(fig.to_svg().contains("Two panels"));
    /// ```
    pub fn suptitle(mut self, title: &str) -> Self {
        self.suptitle = Some(title.to_string());
        self
    }

    /// Makes axes `i` (row-major, like `axs.flat[i]`) the current one; negative counts
    /// from the end. Panics with `IndexError` when out of range (see [`Figure::try_ax`]).
    ///
    /// ```
    /// let fig = arraylib::plot::subplots(2, 2).ax(3).title("last");
    /// assert!(fig.to_svg().contains("last"));
    /// ```
    pub fn ax(self, i: isize) -> Self {
        self.try_ax(i).or_panic()
    }

    /// [`Figure::ax`] returning an error instead of panicking.
    ///
    /// ```
    /// let e = arraylib::plot::subplots(1, 2).try_ax(2).unwrap_err();
    /// assert_eq!(e.to_string(), "IndexError: index 2 is out of bounds for axis 0 with size 2");
    /// ```
    pub fn try_ax(mut self, i: isize) -> Result<Self> {
        let n = self.axes.len() as isize;
        let k = if i < 0 { i + n } else { i };
        if k < 0 || k >= n {
            return Err(ArrayError::index(format!(
                "index {i} is out of bounds for axis 0 with size {n}"
            )));
        }
        self.current = k as usize;
        Ok(self)
    }

    // ----- plots --------------------------------------------------------------------------

    /// `plt.plot(x, y)`: a line through the points, in the next colour of the cycle.
    /// Panics with matplotlib's `ValueError` when the lengths differ (see [`Figure::try_line`]).
    ///
    /// ```
    /// use arraylib as np;
    /// let x = np::linspace(-5.0, 5.0, 50);
    /// let fig = np::plot::figure().line(&x, np::tanh(&x)).label("tanh");
    /// assert!(fig.to_svg().contains("tanh"));
    /// ```
    pub fn line(self, x: impl IntoPlotData, y: impl IntoPlotData) -> Self {
        self.try_line(x, y).or_panic()
    }

    /// [`Figure::line`] returning an error instead of panicking.
    ///
    /// ```
    /// let e = arraylib::plot::figure().try_line(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0, 4.0]).unwrap_err();
    /// assert_eq!(e.to_string(),
    ///     "ValueError: x and y must have same first dimension, but have shapes (3,) and (4,)");
    /// ```
    pub fn try_line(self, x: impl IntoPlotData, y: impl IntoPlotData) -> Result<Self> {
        self.add_line(x.into_plot_data(), y.into_plot_data())
    }

    fn add_line(mut self, x: PlotData, y: PlotData) -> Result<Self> {
        same_len("x and y", &x, &y)?;
        let c = self.cur().next_color();
        self.cur()
            .artists
            .push(Artist::Line(Line::new(x.values, y.values, c)));
        Ok(self)
    }

    /// `plt.plot(y)`: a line through `(i, y[i])`.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().plot(&[1.0, 4.0, 9.0]);
    /// assert_eq!(fig.to_png().len() > 0, true);
    /// ```
    pub fn plot(self, y: impl IntoPlotData) -> Self {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(fig: Figure, y: PlotData) -> Figure {
            let x = PlotData {
                values: (0..y.len()).map(|i| i as f64).collect(),
                shape: vec![y.len()],
                integer: true,
            };
            fig.add_line(x, y).or_panic()
        }
        inner(self, y.into_plot_data())
    }

    /// `plt.axhline(y)`: a horizontal line across the current x range of the data.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().line(&[0.0, 2.0], &[0.0, 1.0]).axhline(0.5);
    /// assert!(fig.to_svg().contains("<polyline") || fig.to_svg().contains("<path"));
    /// ```
    pub fn axhline(mut self, y: f64) -> Self {
        let (lo, hi) = self.x_data_range();
        let c = super::color::Rgb(0, 0, 0);
        let mut l = Line::new(vec![lo, hi], vec![y, y], c);
        l.width = 1.0;
        self.cur().artists.push(Artist::Line(l));
        self
    }

    fn x_data_range(&self) -> (f64, f64) {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for a in &self.axes[self.current].artists {
            let xs: &[f64] = match a {
                Artist::Line(l) => &l.x,
                Artist::Scatter(s) => &s.x,
                _ => &[],
            };
            for &x in xs.iter().filter(|x| x.is_finite()) {
                lo = lo.min(x);
                hi = hi.max(x);
            }
        }
        if lo > hi { (0.0, 1.0) } else { (lo, hi) }
    }

    /// `plt.scatter(x, y)`: one marker per point; follow with [`Figure::s`] for sizes and
    /// [`Figure::c`] for colour values.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().scatter(&[1.0, 2.0], &[3.0, 1.0]).s(80.0);
    /// assert!(fig.to_svg().contains("<circle"));
    /// ```
    pub fn scatter(self, x: impl IntoPlotData, y: impl IntoPlotData) -> Self {
        self.try_scatter(x, y).or_panic()
    }

    /// [`Figure::scatter`] returning an error instead of panicking.
    ///
    /// ```
    /// let e = arraylib::plot::figure().try_scatter(&[1.0], &[1.0, 2.0]).unwrap_err();
    /// assert_eq!(e.message, "x and y must be the same size");
    /// ```
    pub fn try_scatter(self, x: impl IntoPlotData, y: impl IntoPlotData) -> Result<Self> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(mut fig: Figure, x: PlotData, y: PlotData) -> Result<Figure> {
            if x.len() != y.len() {
                return Err(ArrayError::value("x and y must be the same size"));
            }
            let c = fig.cur().next_color();
            fig.cur()
                .artists
                .push(Artist::Scatter(Scatter::new(x.values, y.values, c)));
            Ok(fig)
        }
        inner(self, x.into_plot_data(), y.into_plot_data())
    }

    /// `plt.hist(x)`: a histogram with 10 equal bins over the data range; follow with
    /// [`Figure::bins`], [`Figure::range`], [`Figure::density`]. Counts are `np.histogram`'s.
    ///
    /// ```
    /// use arraylib as np;
    /// let fig = np::plot::figure().hist(&[1.0, 2.0, 2.0, 3.0]).bins(3);
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn hist(self, x: impl IntoPlotData) -> Self {
        self.try_hist(x).or_panic()
    }

    /// [`Figure::hist`] returning an error instead of panicking.
    ///
    /// ```
    /// let e = arraylib::plot::figure().try_hist(&[1.0, f64::NAN]).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: autodetected range of [nan, nan] is not finite");
    /// ```
    pub fn try_hist(self, x: impl IntoPlotData) -> Result<Self> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(mut fig: Figure, x: PlotData) -> Result<Figure> {
            let c = fig.cur().next_color();
            let h = Hist::new(x.values, c)?;
            fig.cur().artists.push(Artist::Hist(h));
            Ok(fig)
        }
        inner(self, x.into_plot_data())
    }

    /// `plt.bar(labels, heights)`: one bar per category. Several `bar` calls on one axes are
    /// grouped side by side, or stacked after [`Figure::stacked`].
    ///
    /// ```
    /// let fig = arraylib::plot::figure()
    ///     .bar(["a", "b", "c"], &[3.0, 1.0, 2.0]).label("2024")
    ///     .bar(["a", "b", "c"], &[2.0, 2.0, 1.0]).label("2025");
    /// assert!(fig.to_svg().contains("2025"));
    /// ```
    pub fn bar(self, labels: impl IntoLabels, heights: impl IntoPlotData) -> Self {
        self.try_bar(labels, heights).or_panic()
    }

    /// [`Figure::bar`] returning an error instead of panicking.
    ///
    /// ```
    /// let e = arraylib::plot::figure().try_bar(["a", "b"], &[1.0]).unwrap_err();
    /// assert_eq!(e.message,
    ///     "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg 1 with shape (1,).");
    /// ```
    pub fn try_bar(self, labels: impl IntoLabels, heights: impl IntoPlotData) -> Result<Self> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(mut fig: Figure, labels: Vec<String>, h: PlotData) -> Result<Figure> {
            if labels.len() != h.len() {
                return Err(ArrayError::value(format!(
                    "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape {} and arg 1 with shape {}.",
                    shape_repr(&[labels.len()]),
                    shape_repr(&h.shape)
                )));
            }
            let c = fig.cur().next_color();
            fig.cur().artists.push(Artist::Bar(Bar {
                categories: labels,
                heights: h.values,
                label: None,
                color: c,
                alpha: 1.0,
            }));
            Ok(fig)
        }
        inner(self, labels.into_labels(), heights.into_plot_data())
    }

    /// `plt.imshow(a)`: a 2-D array through a colormap (viridis unless [`Figure::cmap`]),
    /// or an RGB(A) image of shape `(h, w, 3|4)` (integers 0..=255, floats 0..=1).
    ///
    /// ```
    /// use arraylib as np;
    /// let fig = np::plot::figure().imshow(np::arange(12).reshape([3, 4])).colorbar();
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn imshow(self, a: impl IntoPlotData) -> Self {
        self.try_imshow(a).or_panic()
    }

    /// [`Figure::imshow`] returning an error instead of panicking.
    ///
    /// ```
    /// let e = arraylib::plot::figure().try_imshow(&[1.0, 2.0, 3.0]).unwrap_err();
    /// assert_eq!(e.to_string(), "TypeError: Invalid shape (3,) for image data");
    /// ```
    pub fn try_imshow(mut self, a: impl IntoPlotData) -> Result<Self> {
        let im = Image::new(a.into_plot_data())?;
        self.cur().artists.push(Artist::Image(im));
        Ok(self)
    }

    /// `plt.imshow(a); plt.colorbar()` in one call: a heatmap of a matrix with its colorbar.
    ///
    /// ```
    /// use arraylib as np;
    /// let fig = np::plot::figure().heatmap(np::eye(3)).cmap("RdBu");
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn heatmap(self, a: impl IntoPlotData) -> Self {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(fig: Figure, a: PlotData) -> Figure {
            fig.imshow(a).colorbar()
        }
        inner(self, a.into_plot_data())
    }

    // ----- properties of the last plot ------------------------------------------------------

    /// The legend label of the last plot (`label=`). A legend appears when any plot of the
    /// axes has a label.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().line(&[0, 1], &[0, 1]).label("relu");
    /// assert!(fig.to_svg().contains("relu"));
    /// ```
    pub fn label(mut self, label: &str) -> Self {
        let l = Some(label.to_string());
        let a = self.last_artist("label").or_panic();
        match a {
            Artist::Line(x) => x.label = l,
            Artist::Scatter(x) => x.label = l,
            Artist::Hist(x) => x.label = l,
            Artist::Bar(x) => x.label = l,
            Artist::Image(_) => std::panic::panic_any(Self::unexpected(a, "label").to_string()),
        }
        self
    }

    /// The colour of the last plot: `"C2"`, `"tab:red"`, `"#1f77b4"`, `"k"`, `"orange"`, ...
    /// Panics with `ValueError` for an unknown colour (see [`Figure::try_color`]).
    ///
    /// ```
    /// let fig = arraylib::plot::figure().line(&[0, 1], &[0, 1]).color("k");
    /// assert!(fig.to_svg().contains("#000000"));
    /// ```
    pub fn color(self, color: &str) -> Self {
        self.try_color(color).or_panic()
    }

    /// [`Figure::color`] returning an error instead of panicking.
    ///
    /// ```
    /// let e = arraylib::plot::figure().plot(&[1.0]).try_color("nope").unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: 'nope' is not a valid color value.");
    /// ```
    pub fn try_color(mut self, color: &str) -> Result<Self> {
        let c = color::parse(color)?;
        let a = self.last_artist("color")?;
        match a {
            Artist::Line(x) => x.color = c,
            Artist::Scatter(x) => x.color = c,
            Artist::Hist(x) => x.color = c,
            Artist::Bar(x) => x.color = c,
            Artist::Image(_) => return Err(Self::unexpected(a, "color")),
        }
        Ok(self)
    }

    /// Opacity of the last plot, 0..=1 (`alpha=`), e.g. for overlaid histograms.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().hist(&[1.0, 2.0]).alpha(0.5);
    /// assert!(fig.to_svg().contains("opacity=\"0.5\""));
    /// ```
    pub fn alpha(mut self, alpha: f64) -> Self {
        let v = alpha.clamp(0.0, 1.0);
        let a = self.last_artist("alpha").or_panic();
        match a {
            Artist::Line(x) => x.alpha = v,
            Artist::Scatter(x) => x.alpha = v,
            Artist::Hist(x) => x.alpha = v,
            Artist::Bar(x) => x.alpha = v,
            Artist::Image(_) => std::panic::panic_any(Self::unexpected(a, "alpha").to_string()),
        }
        self
    }

    fn line_mut(&mut self, what: &str) -> Result<&mut Line> {
        match self.last_artist(what)? {
            Artist::Line(l) => Ok(l),
            a => Err(Self::unexpected(a, what)),
        }
    }

    fn scatter_mut(&mut self, what: &str) -> Result<&mut Scatter> {
        match self.last_artist(what)? {
            Artist::Scatter(s) => Ok(s),
            a => Err(Self::unexpected(a, what)),
        }
    }

    fn hist_mut(&mut self, what: &str) -> Result<&mut Hist> {
        match self.last_artist(what)? {
            Artist::Hist(h) => Ok(h),
            a => Err(Self::unexpected(a, what)),
        }
    }

    /// Line style of the last line: `"-"`, `"--"`, `":"`, `"-."` (or their names).
    ///
    /// ```
    /// let fig = arraylib::plot::figure().line(&[0, 1], &[0, 1]).linestyle("--");
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn linestyle(mut self, style: &str) -> Self {
        let s = LineStyle::parse(style)
            .ok_or_else(|| {
                ArrayError::value(format!(
                    "'{style}' is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'"
                ))
            })
            .or_panic();
        self.line_mut("linestyle").or_panic().style = s;
        self
    }

    /// Width of the last line in points (default 1.5).
    ///
    /// ```
    /// let fig = arraylib::plot::figure().line(&[0, 1], &[0, 1]).linewidth(3.0);
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn linewidth(mut self, width: f64) -> Self {
        self.line_mut("linewidth").or_panic().width = width.max(0.0);
        self
    }

    /// Circle markers at the points of the last line (`marker="o"`); `""` turns them off.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().line(&[0, 1], &[0, 1]).marker("o");
    /// assert!(fig.to_svg().contains("<circle"));
    /// ```
    pub fn marker(mut self, marker: &str) -> Self {
        let size = match marker {
            "" | "None" | "none" => None,
            "." => Some(3.0),
            _ => Some(6.0),
        };
        self.line_mut("marker").or_panic().marker = size;
        self
    }

    /// Marker sizes of the last scatter in points² (`s=`): one number or one per point.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().scatter(&[1, 2], &[1, 2]).s(&[10.0, 200.0]);
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn s(self, sizes: impl IntoPlotData) -> Self {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(mut fig: Figure, d: PlotData) -> Figure {
            let sc = fig.scatter_mut("s").or_panic();
            if d.len() != 1 && d.len() != sc.x.len() {
                std::panic::panic_any(
                    "ValueError: s must be a scalar, or float array-like with the same size as x and y"
                        .to_string(),
                );
            }
            sc.sizes = d.values;
            fig
        }
        inner(self, sizes.into_plot_data())
    }

    /// Colour values of the last scatter (`c=`), one per point, mapped through the colormap.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().scatter(&[1, 2], &[1, 2]).c(&[0.0, 1.0]).colorbar();
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn c(self, values: impl IntoPlotData) -> Self {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(mut fig: Figure, d: PlotData) -> Figure {
            let sc = fig.scatter_mut("c").or_panic();
            if d.len() != sc.x.len() {
                std::panic::panic_any(format!(
                    "ValueError: 'c' argument has {} elements, which is inconsistent with 'x' and 'y' with size {}.",
                    d.len(),
                    sc.x.len()
                ));
            }
            sc.values = Some(d.values);
            fig
        }
        inner(self, values.into_plot_data())
    }

    /// The colormap of the last image or scatter: `"viridis"`, `"gray"`, `"coolwarm"`,
    /// `"RdBu"`, each also reversed with `_r`.
    ///
    /// ```
    /// use arraylib as np;
    /// let fig = np::plot::figure().imshow(np::eye(4)).cmap("gray");
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn cmap(self, name: &str) -> Self {
        self.try_cmap(name).or_panic()
    }

    /// [`Figure::cmap`] returning an error instead of panicking.
    ///
    /// ```
    /// use arraylib as np;
    /// assert!(np::plot::figure().imshow(np::eye(2)).try_cmap("jet").is_err());
    /// ```
    pub fn try_cmap(mut self, name: &str) -> Result<Self> {
        let cm = Colormap::from_name(name)?;
        match self.last_artist("cmap")? {
            Artist::Image(i) => i.cmap = cm,
            Artist::Scatter(s) => s.cmap = cm,
            a => return Err(Self::unexpected(a, "cmap")),
        }
        Ok(self)
    }

    /// The value range mapped onto the colormap (`vmin=`, `vmax=`); by default the data's.
    ///
    /// ```
    /// use arraylib as np;
    /// let fig = np::plot::figure().imshow(np::eye(3)).cmap("RdBu").clim(-1.0, 1.0);
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn clim(mut self, vmin: f64, vmax: f64) -> Self {
        match self.last_artist("clim").or_panic() {
            Artist::Image(i) => i.clim = Some((vmin, vmax)),
            Artist::Scatter(s) => s.clim = Some((vmin, vmax)),
            a => std::panic::panic_any(Self::unexpected(a, "clim").to_string()),
        }
        self
    }

    /// A colorbar for the last image or colour-mapped scatter (`plt.colorbar()`).
    ///
    /// ```
    /// use arraylib as np;
    /// let fig = np::plot::figure().imshow(np::eye(3)).colorbar();
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn colorbar(mut self) -> Self {
        let ax = self.cur();
        let i = ax.artists.len().checked_sub(1);
        let ok = matches!(
            i.and_then(|i| ax.artists.get(i)),
            Some(Artist::Image(_)) | Some(Artist::Scatter(_))
        );
        if !ok {
            std::panic::panic_any(
                "RuntimeError: No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).".to_string(),
            );
        }
        ax.colorbar = i;
        self
    }

    /// A label next to the colorbar (`cbar.set_label(...)`).
    ///
    /// ```
    /// use arraylib as np;
    /// let fig = np::plot::figure().heatmap(np::eye(2)).colorbar_label("weight");
    /// assert!(fig.to_svg().contains("weight"));
    /// ```
    pub fn colorbar_label(mut self, label: &str) -> Self {
        self.cur().colorbar_label = Some(label.to_string());
        self
    }

    /// Number of equal-width bins of the last histogram (default 10).
    ///
    /// ```
    /// let fig = arraylib::plot::figure().hist(&[1.0, 2.0, 3.0]).bins(30);
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn bins(mut self, bins: usize) -> Self {
        let h = self.hist_mut("bins").or_panic();
        h.bins = bins;
        h.edges().or_panic();
        self
    }

    /// The lower and upper range of the bins of the last histogram (`range=(lo, hi)`).
    ///
    /// ```
    /// let fig = arraylib::plot::figure().hist(&[1.0, 2.0, 3.0]).range(0.0, 4.0);
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn range(mut self, lo: f64, hi: f64) -> Self {
        let h = self.hist_mut("range").or_panic();
        h.range = Some((lo, hi));
        h.edges().or_panic();
        self
    }

    /// Show a probability density instead of counts (`density=True`): bar areas sum to 1.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().hist(&[1.0, 2.0, 3.0]).density(true);
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn density(mut self, density: bool) -> Self {
        self.hist_mut("density").or_panic().density = density;
        self
    }

    // ----- axes ---------------------------------------------------------------------------

    /// `ax.set_title(...)`.
    ///
    /// ```
    /// assert!(arraylib::plot::figure().title("Loss").to_svg().contains("Loss"));
    /// ```
    pub fn title(mut self, title: &str) -> Self {
        self.cur().title = Some(title.to_string());
        self
    }

    /// `ax.set_xlabel(...)`.
    ///
    /// ```
    /// assert!(arraylib::plot::figure().xlabel("epoch").to_svg().contains("epoch"));
    /// ```
    pub fn xlabel(mut self, label: &str) -> Self {
        self.cur().xlabel = Some(label.to_string());
        self
    }

    /// `ax.set_ylabel(...)`.
    ///
    /// ```
    /// assert!(arraylib::plot::figure().ylabel("loss").to_svg().contains("loss"));
    /// ```
    pub fn ylabel(mut self, label: &str) -> Self {
        self.cur().ylabel = Some(label.to_string());
        self
    }

    /// `ax.set_xlim(lo, hi)`.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().plot(&[1.0, 2.0]).xlim(-1.0, 3.0);
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn xlim(mut self, lo: f64, hi: f64) -> Self {
        self.cur().xlim = Some((lo, hi));
        self
    }

    /// `ax.set_ylim(lo, hi)`.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().plot(&[1.0, 2.0]).ylim(0.0, 5.0);
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn ylim(mut self, lo: f64, hi: f64) -> Self {
        self.cur().ylim = Some((lo, hi));
        self
    }

    /// `ax.set_xscale("log")` / `"linear"`; other names panic with matplotlib's `ValueError`.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().line(&[1.0, 1000.0], &[1.0, 2.0]).xscale("log");
    /// assert!(fig.to_svg().contains("10³"));
    /// ```
    pub fn xscale(mut self, scale: &str) -> Self {
        self.cur().xlog = parse_scale(scale).or_panic();
        self
    }

    /// `ax.set_yscale("log")` / `"linear"`.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().line(&[1.0, 2.0], &[0.01, 100.0]).yscale("log");
    /// assert!(fig.to_svg().contains("10⁻²"));
    /// ```
    pub fn yscale(mut self, scale: &str) -> Self {
        self.cur().ylog = parse_scale(scale).or_panic();
        self
    }

    /// `ax.grid(True)`: light grid lines at the major ticks.
    ///
    /// ```
    /// assert!(arraylib::plot::figure().plot(&[1.0, 2.0]).grid(true).to_png().len() > 0);
    /// ```
    pub fn grid(mut self, on: bool) -> Self {
        self.cur().grid = on;
        self
    }

    /// `ax.axis("off")` hides the frame, ticks and axis labels (for images); `"on"` shows them.
    ///
    /// ```
    /// use arraylib as np;
    /// let fig = np::plot::figure().imshow(np::eye(3)).axis("off");
    /// assert!(!fig.to_svg().contains("<text"));
    /// ```
    pub fn axis(mut self, mode: &str) -> Self {
        let off = match mode {
            "off" => true,
            "on" => false,
            _ => std::panic::panic_any(format!(
                "ValueError: Unrecognized string '{mode}' to axis; try 'on' or 'off'"
            )),
        };
        self.cur().axis_off = off;
        self
    }

    /// `ax.set_aspect("equal")` (one data unit as long on both axes) or `"auto"` (fill the
    /// box; the default except for images).
    ///
    /// ```
    /// let t = arraylib::linspace(0.0, 6.3, 50);
    /// let fig = arraylib::plot::figure()
    ///     .line(arraylib::cos(&t), arraylib::sin(&t)).aspect("equal");
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn aspect(mut self, mode: &str) -> Self {
        let equal = match mode {
            "equal" => true,
            "auto" => false,
            _ => std::panic::panic_any(format!(
                "ValueError: aspect must be 'auto', 'equal' or a number, not '{mode}'"
            )),
        };
        self.cur().aspect_equal = Some(equal);
        self
    }

    /// Shows (`true`) or hides (`false`) the legend; by default it is shown when any plot of
    /// the axes has a label.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().plot(&[1.0]).label("a").legend(false);
    /// assert!(!fig.to_svg().contains("\na\n</text>"));
    /// ```
    pub fn legend(mut self, show: bool) -> Self {
        self.cur().legend = Some(show);
        self
    }

    /// `ax.legend(loc=...)`: `"best"` (default), `"upper right"`, `"upper left"`,
    /// `"lower left"`, `"lower right"`, `"center right"`, `"upper center"`, `"lower center"`.
    ///
    /// ```
    /// let fig = arraylib::plot::figure().plot(&[1.0]).label("a").legend_loc("lower left");
    /// assert!(fig.to_svg().contains("\na\n</text>"));
    /// ```
    pub fn legend_loc(mut self, loc: &str) -> Self {
        let l = LegendLoc::parse(loc)
            .ok_or_else(|| {
                ArrayError::value(format!(
                    "'{loc}' is not a valid value for loc; supported values are 'best', 'upper right', 'upper left', 'lower left', 'lower right', 'right', 'center right', 'upper center', 'lower center'"
                ))
            })
            .or_panic();
        let ax = self.cur();
        ax.legend_loc = l;
        ax.legend = Some(true);
        self
    }

    /// Stacks the bar series of the current axes instead of grouping them.
    ///
    /// ```
    /// let fig = arraylib::plot::figure()
    ///     .bar(["a", "b"], &[1.0, 2.0]).bar(["a", "b"], &[2.0, 1.0]).stacked(true);
    /// assert!(fig.to_png().len() > 0);
    /// ```
    pub fn stacked(mut self, on: bool) -> Self {
        self.cur().stacked = on;
        self
    }

    /// Category labels at x = 0, 1, 2, ... (`ax.set_xticks(range(n), labels)`), e.g. for
    /// the columns of a heatmap.
    ///
    /// ```
    /// use arraylib as np;
    /// let fig = np::plot::figure().imshow(np::eye(2)).xticks(["cat", "dog"]);
    /// assert!(fig.to_svg().contains("dog"));
    /// ```
    pub fn xticks(mut self, labels: impl IntoLabels) -> Self {
        self.cur().xticklabels = Some(labels.into_labels());
        self
    }

    /// Category labels at y = 0, 1, 2, ... (`ax.set_yticks(range(n), labels)`).
    ///
    /// ```
    /// use arraylib as np;
    /// let fig = np::plot::figure().imshow(np::eye(2)).yticks(["cat", "dog"]);
    /// assert!(fig.to_svg().contains("cat"));
    /// ```
    pub fn yticks(mut self, labels: impl IntoLabels) -> Self {
        self.cur().yticklabels = Some(labels.into_labels());
        self
    }

    // ----- output -------------------------------------------------------------------------

    pub(crate) fn layout(&self) -> Canvas {
        let (w, h) = self.pixel_size();
        let st = Style::new(self.dpi);
        let mut canvas = Canvas {
            width: w,
            height: h,
            prims: vec![],
        };
        let mut top = 0.0;
        if let Some(t) = &self.suptitle {
            let size = st.title_font * 1.1;
            canvas.text(
                (w as f64 / 2.0, st.font * 0.6),
                t,
                size,
                HAlign::Center,
                VAlign::Top,
            );
            top = st.font * 0.6 + size * 1.3;
        }
        let cw = w as f64 / self.ncols as f64;
        let ch = (h as f64 - top) / self.nrows as f64;
        for (i, ax) in self.axes.iter().enumerate() {
            let (r, c) = (i / self.ncols, i % self.ncols);
            let cell = Rect::new(
                c as f64 * cw,
                top + r as f64 * ch,
                (c + 1) as f64 * cw,
                top + (r + 1) as f64 * ch,
            );
            ax.render(cell, &st, &mut canvas);
        }
        canvas
    }

    /// The figure as a PNG file (bytes).
    ///
    /// ```
    /// let png = arraylib::plot::figure().plot(&[1.0, 2.0]).to_png();
    /// assert_eq!(&png[1..4], b"PNG");
    /// ```
    pub fn to_png(&self) -> Vec<u8> {
        let canvas = self.layout();
        let rgb = super::png::render_rgb(&canvas);
        super::png::encode(canvas.width, canvas.height, 3, &rgb)
    }

    /// The figure as an SVG document.
    ///
    /// ```
    /// let svg = arraylib::plot::figure().title("Hi").to_svg();
    /// assert!(svg.starts_with("<svg") && svg.contains("Hi"));
    /// ```
    pub fn to_svg(&self) -> String {
        super::svg::render_svg(&self.layout())
    }

    /// `fig.savefig(path)`: writes PNG or SVG, chosen by the file extension.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("arraylib_doc_savefig.svg");
    /// arraylib::plot::figure().plot(&[1.0, 2.0]).savefig(&path).unwrap();
    /// assert!(std::fs::read_to_string(&path).unwrap().contains("<svg"));
    /// ```
    pub fn savefig(&self, path: impl AsRef<std::path::Path>) -> Result<()> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(fig: &Figure, path: &std::path::Path) -> Result<()> {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            let bytes = match ext.as_str() {
                "png" => fig.to_png(),
                "svg" => fig.to_svg().into_bytes(),
                _ => {
                    return Err(ArrayError::value(format!(
                        "Format '{ext}' is not supported (supported formats: png, svg)"
                    )));
                }
            };
            std::fs::write(path, bytes).map_err(|e| {
                ArrayError::new(
                    crate::ErrorKind::OSError,
                    format!("{}: '{}'", e, path.display()),
                )
            })
        }
        inner(self, path.as_ref())
    }

    /// `plt.show()` in the middle of a cell: displays the figure now.
    ///
    /// ```
    /// arraylib::plot::figure().plot(&[1.0, 2.0]).show();
    /// ```
    pub fn show(&self) {
        crate::display::display(self);
    }
}

fn parse_scale(s: &str) -> Result<bool> {
    match s {
        "linear" => Ok(false),
        "log" => Ok(true),
        _ => Err(ArrayError::value(format!(
            "'{s}' is not a valid value for scale; supported values are 'linear', 'log'"
        ))),
    }
}

impl crate::display::RichDisplay for Figure {
    /// `image/png` (base64), `image/svg+xml` and matplotlib's repr as `text/plain`.
    fn mime_bundle(&self) -> Vec<(String, String)> {
        let canvas = self.layout();
        let rgb = super::png::render_rgb(&canvas);
        let png = super::png::encode(canvas.width, canvas.height, 3, &rgb);
        vec![
            ("image/png".to_string(), super::png::base64(&png)),
            ("image/svg+xml".to_string(), super::svg::render_svg(&canvas)),
            ("text/plain".to_string(), format!("{self:?}")),
        ]
    }
}

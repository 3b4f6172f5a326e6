//! Charts for notebooks, drawn with `plotters`: line plots, scatter plots, histograms, bar
//! charts, images and heatmaps, in a grid of subplots, with matplotlib's look (DejaVu Sans,
//! the `tab10` colour cycle, 640x480 pixels at 100 dpi).
//!
//! A [`Figure`] is a value built by chained calls. As the last expression of a cell it is
//! shown (PNG and SVG); [`crate::display()`] or [`Figure::show`] show it mid-cell, and
//! [`Figure::savefig`] writes a `.png` or `.svg` file.
//!
//! ```
//! use arraylib as np;
//! let x = np::linspace(-5.0, 5.0, 200);
//! let sigmoid = 1.0 / (1.0 + np::exp(-&x));
//! let fig = np::plot::figure()
//!     .line(&x, np::maximum(&x, 0.0)).label("ReLU")
//!     .line(&x, &sigmoid).label("sigmoid")
//!     .line(&x, np::tanh(&x)).label("tanh").linestyle("--")
//!     .title("Activations").xlabel("x").ylabel("f(x)").grid(true);
//! assert!(fig.to_svg().contains("sigmoid"));
//! ```
//!
//! Plot calls add to the current axes; the calls right after them (`label`, `color`,
//! `alpha`, `linestyle`, `bins`, `cmap`, ...) set properties of that plot, the way keyword
//! arguments do in matplotlib. Data can be an [`Array`](crate::Array) of any numeric dtype,
//! a slice, a `Vec` or a fixed-size array.
//!
//! | matplotlib | arraylib |
//! |---|---|
//! | `plt.figure(figsize=(8, 4), dpi=100)` | `np::plot::figure().figsize(8.0, 4.0).dpi(100.0)` |
//! | `fig, axs = plt.subplots(2, 2)`; `axs.flat[3]` | `np::plot::subplots(2, 2)` ... `.ax(3)` |
//! | `plt.plot(x, y, label="relu", color="C1", ls="--", lw=2, marker="o")` | `.line(&x, &y).label("relu").color("C1").linestyle("--").linewidth(2.0).marker("o")` |
//! | `plt.plot(y)` | `.plot(&y)` |
//! | `plt.axhline(0)` | `.axhline(0.0)` |
//! | `plt.scatter(x, y, s=sizes, c=values, cmap="coolwarm")` | `.scatter(&x, &y).s(&sizes).c(&values).cmap("coolwarm")` |
//! | `plt.hist(x, bins=30, range=(-3, 3), density=True, alpha=0.5)` | `.hist(&x).bins(30).range(-3.0, 3.0).density(true).alpha(0.5)` |
//! | `plt.bar(names, h1, label="a")` (twice, grouped by hand) | `.bar(&names, &h1).label("a").bar(&names, &h2).label("b")` (grouped) |
//! | `plt.bar(names, h2, bottom=h1)` | `... .stacked(true)` |
//! | `plt.imshow(a, cmap="gray", vmin=0, vmax=1)` | `.imshow(&a).cmap("gray").clim(0.0, 1.0)` |
//! | `plt.imshow(a); plt.colorbar()` | `.imshow(&a).colorbar()` or `.heatmap(&a)` |
//! | `plt.title / xlabel / ylabel` | `.title(..)` / `.xlabel(..)` / `.ylabel(..)` |
//! | `plt.suptitle(..)` | `.suptitle(..)` |
//! | `plt.xlim(a, b)`, `plt.ylim(a, b)` | `.xlim(a, b)`, `.ylim(a, b)` |
//! | `plt.xscale("log")`, `plt.yscale("log")` | `.xscale("log")`, `.yscale("log")` |
//! | `plt.grid(True)` | `.grid(true)` |
//! | `plt.legend(loc="upper left")` | automatic when a plot has a label; `.legend_loc("upper left")`, `.legend(false)` |
//! | `plt.xticks(range(n), names)` | `.xticks(&names)` |
//! | `plt.axis("off")`, `ax.set_aspect("equal")` | `.axis("off")`, `.aspect("equal")` |
//! | `plt.savefig("f.png")` | `.savefig("f.png")?` |
//! | `plt.show()` | last expression of the cell, or `.show()` |
//!
//! Colours are matplotlib's strings (`"C0"`..`"C9"`, `"tab:orange"`, `"#1f77b4"`, `"k"`,
//! `"red"`); colormaps are `viridis` (default), `gray`, `coolwarm` and `RdBu` (for signed
//! data), each also reversed with `_r`.

mod axes;
mod bar;
mod canvas;
mod color;
mod colormap;
mod data;
mod figure;
mod font;
mod hist;
mod image;
mod legend;
mod line;
mod png;
mod scatter;
mod svg;
mod ticks;
mod transform;

pub use colormap::Colormap;
pub use data::{IntoLabels, IntoPlotData, PlotData};
pub use figure::Figure;

use crate::error::OrPanic;

/// `plt.figure()`: an empty 640x480 figure with one axes.
///
/// ```
/// let fig = arraylib::plot::figure();
/// assert_eq!(format!("{fig:?}"), "<Figure size 640x480 with 1 Axes>");
/// ```
pub fn figure() -> Figure {
    Figure::new_grid(1, 1).or_panic()
}

/// `plt.subplots(nrows, ncols)`: a grid of axes, filled row by row; pick one with
/// [`Figure::ax`]. The default size grows with the grid (6.4 x 4.8 inches per axes, up to
/// twice that); set it with [`Figure::figsize`].
///
/// ```
/// let fig = arraylib::plot::subplots(2, 3);
/// assert_eq!(format!("{fig:?}"), "<Figure size 1280x960 with 6 Axes>");
/// ```
pub fn subplots(nrows: usize, ncols: usize) -> Figure {
    try_subplots(nrows, ncols).or_panic()
}

/// [`subplots`] returning an error for an empty grid.
///
/// ```
/// let e = arraylib::plot::try_subplots(0, 2).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: Number of rows and columns must be > 0, not 0 and 2");
/// ```
pub fn try_subplots(nrows: usize, ncols: usize) -> crate::Result<Figure> {
    Figure::new_grid(nrows, ncols)
}

#[cfg(test)]
mod tests;

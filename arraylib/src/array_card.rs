//! The HTML card a notebook shows for an array: shape, dtype, size, memory, layout and
//! ownership at a glance, summary statistics with a small histogram, and the values as a grid
//! summarized like NumPy's printing.
//!
//! JupyterLab strips `<style>`, `<script>` and inline `<svg>` from untrusted outputs, so the
//! card is built from inline styles only. Its sanitizer also drops every declaration whose
//! value it does not recognise, `var(--jp-...)` included, and properties such as `gap` and
//! `align-items`; so each themed declaration comes twice, a plain value the sanitizer keeps
//! and then the theme variable that wins where styles are trusted, and the histogram is laid
//! out with `inline-block` and `vertical-align` only. It reads the same in a trusted and an
//! untrusted notebook, in light and dark themes.
//!
//! As xarray does, the card starts with a `<pre>` text fallback (the `repr`) hidden by an
//! inline style: renderers that drop style attributes (GitHub's notebook viewer) show it.

use crate::array::Array;
use crate::dispatch;
use crate::dtype::DType;
use crate::print::{human_bytes, shape_repr};
use crate::scalar::Scalar;
use std::fmt::Write;

/// Elements shown at each edge of a summarized axis in the grid.
const EDGE: usize = 3;
/// Axes up to this length are shown whole in the grid.
const FULL_AXIS: usize = 8;
/// Statistics of larger arrays are computed on an even sample of this many elements.
const STATS_SAMPLE: usize = 1_000_000;
/// Bars in the inline histogram.
const BINS: usize = 24;

// Each themed declaration is written twice: a plain value that survives JupyterLab's
// sanitizer of untrusted outputs, then the theme's variable (dropped there, used elsewhere).
const CARD_STYLE: &str = "display:inline-block;max-width:100%;overflow-x:auto;\
    font-family:sans-serif;font-family:var(--jp-ui-font-family,system-ui,sans-serif);font-size:12px;\
    color:var(--jp-ui-font-color1,#212121);background:var(--jp-layout-color1,transparent);\
    border:1px solid #bdbdbd;border:1px solid var(--jp-border-color2,#d0d0d0);\
    border-radius:4px;padding:6px 8px;";
const MUTED: &str = "color:gray;color:var(--jp-ui-font-color2,#616161);";
const MONO: &str = "font-family:monospace;font-family:var(--jp-code-font-family,monospace);";
/// Inherited by the grid's cells, so that each cell carries only its padding.
const GRID: &str = "border-collapse:collapse;margin-top:2px;text-align:right;white-space:nowrap;\
    font-family:monospace;font-family:var(--jp-code-font-family,monospace);";
const CELL: &str = "padding:1px 6px;";
/// The header row of column indices (inherited by its cells).
const INDEX_ROW: &str = "color:gray;font-size:11px;font-family:sans-serif;\
    font-family:var(--jp-ui-font-family,system-ui,sans-serif);";
/// A row index: short, since a large grid has many.
const INDEX_CELL: &str = "padding:1px 6px;color:gray;font-size:11px;";
/// A string element: text reads from the left.
const STR_CELL: &str = "padding:1px 6px;text-align:left;";
/// The shading of `True` in a bool grid.
const TRUE_CELL: &str = "padding:1px 6px;background-color:rgba(25,118,210,0.25);\
    background:var(--jp-brand-color3,#bbdefb);";
/// The dtype's badge in the header.
const BADGE: &str = "background-color:rgba(128,128,128,0.2);background:var(--jp-layout-color2,#eee);\
    border-radius:3px;padding:0 4px;";
/// One bar of the inline histogram (its height is added per bar): a left border in the
/// container's color, since neither `currentColor` nor `var(...)` survives the sanitizer.
const BAR: &str =
    "display:inline-block;vertical-align:bottom;margin-right:1px;border-left:4px solid;";
const WARN: &str = "color:#e65100;color:var(--jp-warn-color0,#e65100);";

/// HTML-escapes text.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `96 bytes`, or `7.63 MiB (8000000 bytes)` from a KiB on.
fn memory_text(nbytes: usize) -> String {
    if nbytes < 1024 {
        human_bytes(nbytes)
    } else {
        format!("{} ({nbytes} bytes)", human_bytes(nbytes))
    }
}

/// `C-contiguous`, `F-contiguous`, both (for 1-D and trivial shapes) or `strided`.
fn layout(a: &Array) -> &'static str {
    let f = a.flags();
    match (f.c_contiguous, f.f_contiguous) {
        (true, true) => "contiguous",
        (true, false) => "C-contiguous",
        (false, true) => "F-contiguous",
        (false, false) => "strided",
    }
}

/// A compact element text for the grid: NumPy's digits, capped for narrow columns.
fn cell_text(value: Scalar) -> String {
    match value {
        Scalar::Float64(x) => compact_float(x),
        Scalar::Float32(x) => compact_float(x as f64),
        Scalar::Complex64(c) => compact_complex(c.re as f64, c.im as f64),
        Scalar::Complex128(c) => compact_complex(c.re, c.im),
        other => other.to_string(),
    }
}

/// A string element as NumPy prints it (`'Bob'`), long texts cut with `…`.
fn str_cell_text(s: &str) -> String {
    const MAX_CHARS: usize = 24;
    if s.chars().count() <= MAX_CHARS {
        crate::strings::py_repr(s)
    } else {
        let head: String = s.chars().take(MAX_CHARS - 1).collect();
        format!("{}…", crate::strings::py_repr(&head))
    }
}

fn compact_float(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let ax = x.abs();
    if ax != 0.0 && !(1e-4..1e6).contains(&ax) {
        return format!("{x:.3e}");
    }
    // Trailing zeros go, the point stays: `1.` as NumPy writes whole floats.
    format!("{x:.4}").trim_end_matches('0').to_string()
}

fn compact_complex(re: f64, im: f64) -> String {
    let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) {
        '-'
    } else {
        '+'
    };
    format!("{}{}{}j", compact_float(re), sign, compact_float(im.abs()))
}

/// Indices shown along an axis of length `n`, with `None` standing for the elided middle.
fn shown_indices(n: usize) -> Vec<Option<usize>> {
    if n <= FULL_AXIS {
        (0..n).map(Some).collect()
    } else {
        let mut v: Vec<Option<usize>> = (0..EDGE).map(Some).collect();
        v.push(None);
        v.extend((n - EDGE..n).map(Some));
        v
    }
}

/// Summary statistics over (a sample of) the elements, as f64.
struct Stats {
    count: usize,
    sampled: bool,
    min: f64,
    max: f64,
    mean: f64,
    std: f64,
    nan: usize,
    inf: usize,
    hist: Vec<usize>,
}

/// The C-order multi-index of a flat position.
fn unravel(mut flat: usize, shape: &[usize], idx: &mut [usize]) {
    for (i, &n) in idx.iter_mut().zip(shape).rev() {
        *i = flat % n;
        flat /= n;
    }
}

fn stats(a: &Array) -> Option<Stats> {
    let n = a.size();
    if n == 0 || a.dtype().is_complex() || a.dtype() == DType::Bool || a.dtype().is_str() {
        return None;
    }
    let step = n.div_ceil(STATS_SAMPLE).max(1);
    let values: Vec<f64> = dispatch!(a.dtype(), T => {
        let v = a.view::<T>();
        match v.as_slice_memory_order() {
            Some(s) => s.iter().step_by(step).map(|&x| Scalar::from(x).to_f64()).collect(),
            None if step == 1 => v.iter().map(|&x| Scalar::from(x).to_f64()).collect(),
            None => {
                // A strided iterator walks past every skipped element; jump to each sample.
                let shape = v.shape().to_vec();
                let mut idx = vec![0usize; shape.len()];
                (0..n)
                    .step_by(step)
                    .map(|flat| {
                        unravel(flat, &shape, &mut idx);
                        Scalar::from(v[&idx[..]]).to_f64()
                    })
                    .collect()
            }
        }
    });
    let (mut nan, mut inf) = (0, 0);
    let finite: Vec<f64> = values
        .iter()
        .copied()
        .filter(|x| {
            if x.is_nan() {
                nan += 1;
                false
            } else if x.is_infinite() {
                inf += 1;
                false
            } else {
                true
            }
        })
        .collect();
    let (mut min, mut max, mut sum) = (f64::INFINITY, f64::NEG_INFINITY, 0.0);
    for &x in &finite {
        min = min.min(x);
        max = max.max(x);
        sum += x;
    }
    let count = finite.len().max(1) as f64;
    let mean = sum / count;
    let var = finite.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / count;
    let mut hist = vec![0usize; BINS];
    if max > min {
        for &x in &finite {
            let b = (((x - min) / (max - min)) * BINS as f64) as usize;
            hist[b.min(BINS - 1)] += 1;
        }
    } else if !finite.is_empty() {
        hist[BINS / 2] = finite.len();
    }
    Some(Stats {
        count: values.len(),
        sampled: step > 1,
        min,
        max,
        mean,
        std: var.sqrt(),
        nan,
        inf,
        hist,
    })
}

fn write_stats(out: &mut String, s: &Stats) {
    let peak = s.hist.iter().copied().max().unwrap_or(1).max(1);
    let _ = write!(
        out,
        "<div style=\"margin:4px 0;white-space:nowrap;\">\
         <div class=\"np-hist\" style=\"display:inline-block;vertical-align:bottom;height:28px;\
         margin-right:10px;color:#1976d2;color:var(--jp-brand-color1,#1976d2);\" \
         title=\"histogram of the values\">"
    );
    // `<i>` is the shortest element the sanitizer keeps; a run of empty bins is one spacer.
    let mut empty = 0;
    for (k, &h) in s.hist.iter().enumerate() {
        if h == 0 {
            empty += 1;
            if k + 1 < s.hist.len() && s.hist[k + 1] == 0 {
                continue;
            }
            let _ = write!(
                out,
                "<i style=\"display:inline-block;width:{}px;\"></i>",
                5 * empty
            );
            empty = 0;
            continue;
        }
        let px = 1 + h * 27 / peak;
        let _ = write!(out, "<i style=\"{BAR}height:{px}px;\"></i>");
    }
    let _ = write!(
        out,
        "</div><div style=\"display:inline-block;vertical-align:bottom;{MUTED}{MONO}font-size:11px;\">\
         min {} · max {} · mean {} · std {}",
        compact_float(s.min),
        compact_float(s.max),
        compact_float(s.mean),
        compact_float(s.std)
    );
    if s.nan > 0 || s.inf > 0 {
        let _ = write!(
            out,
            " · <span style=\"{WARN}\">{} NaN · {} inf</span>",
            s.nan, s.inf
        );
    } else {
        out.push_str(" · no NaN/inf");
    }
    if s.sampled {
        let _ = write!(out, " · from a sample of {}", s.count);
    }
    out.push_str("</div></div>");
}

/// One 2-D (or 1-D) grid of values, summarized at the edges.
fn write_grid(out: &mut String, a: &Array, prefix: &[usize]) {
    let nd = a.ndim();
    let bool_array = a.dtype() == DType::Bool;
    let (rows, cols) = match nd {
        // `None` marks an elided row or column, so the missing axes of 0-d and 1-d arrays
        // are one placeholder row or column instead.
        0 => (vec![Some(0)], vec![Some(0)]),
        1 => (vec![Some(0)], shown_indices(a.shape()[0])),
        _ => (
            shown_indices(a.shape()[nd - 2]),
            shown_indices(a.shape()[nd - 1]),
        ),
    };
    let _ = write!(out, "<table style=\"{GRID}\">");
    if nd >= 1 {
        let _ = write!(out, "<tr style=\"{INDEX_ROW}\">");
        if nd >= 2 {
            let _ = write!(out, "<td style=\"{CELL}\"></td>");
        }
        for c in &cols {
            let label = c.map_or("…".to_string(), |c| c.to_string());
            let _ = write!(out, "<td style=\"{CELL}\">{label}</td>");
        }
        out.push_str("</tr>");
    }
    for r in &rows {
        out.push_str("<tr>");
        if nd >= 2 {
            let label = r.map_or("⋮".to_string(), |r| r.to_string());
            let _ = write!(out, "<td style=\"{INDEX_CELL}\">{label}</td>");
        }
        for c in &cols {
            let mut style = CELL;
            let text = match (r, c) {
                (_, None) => "…".to_string(),
                (None, _) => "⋮".to_string(),
                _ => {
                    let mut idx: Vec<usize> = prefix.to_vec();
                    if nd >= 2 {
                        idx.push(r.unwrap_or(0));
                    }
                    if nd >= 1 {
                        idx.push(c.unwrap_or(0));
                    }
                    if a.dtype().is_str() {
                        style = STR_CELL;
                        str_cell_text(&a.get_str(idx))
                    } else {
                        let v = a.get(idx);
                        if bool_array && v.to_bool() {
                            style = TRUE_CELL;
                        }
                        cell_text(v)
                    }
                }
            };
            let _ = write!(out, "<td style=\"{style}\">{}</td>", escape(&text));
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
}

/// The leading indices of the 2-D slices shown for an N-d array: the first and the last.
fn shown_slices(a: &Array) -> Vec<Vec<usize>> {
    if a.ndim() <= 2 || a.size() == 0 {
        return vec![Vec::new()];
    }
    let lead = &a.shape()[..a.ndim() - 2];
    let first = vec![0; lead.len()];
    let last: Vec<usize> = lead.iter().map(|&n| n - 1).collect();
    if first == last {
        vec![first]
    } else {
        vec![first, last]
    }
}

/// The whole card as an HTML fragment. Stays a few KB whatever the array's size.
///
/// An array that stands for a NumPy scalar ([`Array::is_scalar`]) is shown without a card
/// by [`RichDisplay`](crate::RichDisplay); given to this function it gets the card of the
/// 0-d array it is, text fallback included.
///
/// ```
/// let html = arraylib::array_card::card_html(&arraylib::zeros([100, 100]));
/// assert!(html.contains("(100, 100)") && html.contains("float64"));
/// assert!(!html.contains("<script") && !html.contains("<style") && !html.contains("<svg"));
/// ```
pub fn card_html(a: &Array) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<div class=\"np-array\"><pre class=\"np-text-fallback\" style=\"display:none\">{}</pre>\
         <div style=\"{CARD_STYLE}\">",
        escape(&crate::print::array_repr(a))
    );
    let owner = if a.owns_data() {
        "owns its data".to_string()
    } else {
        "view of another array".to_string()
    };
    let _ = write!(
        out,
        "<div><b style=\"{MONO}\">{}</b> <span style=\"{BADGE}{MONO}\">{}</span> \
         <span style=\"{MUTED}\">· {} element{} · {} · {} · {}</span></div>",
        shape_repr(a.shape()),
        escape(&a.dtype().to_string()),
        a.size(),
        if a.size() == 1 { "" } else { "s" },
        memory_text(a.nbytes()),
        layout(a),
        owner
    );
    if let Some(s) = stats(a) {
        write_stats(&mut out, &s);
    } else if a.dtype().is_str() && a.size() > 0 && a.size() <= STATS_SAMPLE {
        let distinct = crate::strings::ranks(a).1.len();
        let _ = write!(
            out,
            "<div style=\"{MUTED}{MONO}font-size:11px;margin:4px 0;\">{distinct} distinct value{}</div>",
            if distinct == 1 { "" } else { "s" }
        );
    } else if a.dtype() == DType::Bool && a.size() > 0 {
        let trues = a.view::<bool>().iter().filter(|&&b| b).count();
        let _ = write!(
            out,
            "<div style=\"{MUTED}{MONO}font-size:11px;margin:4px 0;\">{trues} True · {} False ({:.1}% True)</div>",
            a.size() - trues,
            100.0 * trues as f64 / a.size() as f64
        );
    }
    if a.size() == 0 {
        let _ = write!(out, "<div style=\"{MUTED}\">(empty)</div>");
    } else {
        let slices = shown_slices(a);
        let n_slices: usize = a.shape()[..a.ndim().saturating_sub(2)].iter().product();
        for (k, prefix) in slices.iter().enumerate() {
            if k == 1 && n_slices > 2 {
                let _ = write!(
                    out,
                    "<div style=\"{MUTED}{MONO}margin-top:4px;\">⋮ {} more 2-D slice{}</div>",
                    n_slices - 2,
                    if n_slices == 3 { "" } else { "s" }
                );
            }
            if !prefix.is_empty() {
                let idx: Vec<String> = prefix.iter().map(|i| i.to_string()).collect();
                let _ = write!(
                    out,
                    "<div style=\"{MUTED}{MONO}margin-top:4px;\">[{}, :, :]</div>",
                    idx.join(", ")
                );
            }
            write_grid(&mut out, a, prefix);
        }
    }
    out.push_str("</div></div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_shape_dtype_size_memory_layout_and_owner() {
        let a = crate::zeros([3, 4]);
        let h = card_html(&a);
        assert!(h.contains(&format!("<b style=\"{MONO}\">(3, 4)</b>")));
        assert!(h.contains(">float64</span>"));
        assert!(h.contains("12 elements · 96 bytes · C-contiguous · owns its data"));
        let t = a.t();
        assert!(card_html(&t).contains("F-contiguous · view of another array"));
        let s = a.slice(crate::s![.., ..;2]);
        assert!(card_html(&s).contains("strided"));
    }

    #[test]
    fn text_fallback_is_the_repr_hidden_by_an_inline_style() {
        let h = card_html(&crate::arange(3));
        assert!(h.starts_with(
            "<div class=\"np-array\"><pre class=\"np-text-fallback\" style=\"display:none\">array([0, 1, 2])</pre>"
        ));
    }

    #[test]
    fn themed_declarations_have_a_plain_value_first() {
        // JupyterLab's sanitizer drops `var(...)` values; the plain value before each is what
        // an untrusted notebook keeps.
        let h = card_html(&crate::linspace(0, 1, 50));
        for decl in h.split(['"', ';']).filter(|d| d.contains("var(--jp-")) {
            let prop = decl.split(':').next().unwrap();
            let plain = h
                .split(['"', ';'])
                .any(|d| d.starts_with(&format!("{prop}:")) && !d.contains("var("));
            assert!(plain || prop == "color" || prop == "background", "{decl}");
        }
        assert!(!h.contains("gap:") && !h.contains("align-items") && !h.contains("currentColor"));
    }

    #[test]
    fn huge_broadcast_view_stays_small() {
        let a = crate::zeros(1).broadcast_to([10_000, 10_000]);
        let h = card_html(&a);
        assert!(h.len() < 6 * 1024, "{} bytes: {h}", h.len());
        assert!(h.contains("(10000, 10000)") && h.contains("100000000 elements"));
        assert!(h.contains("762.94 MiB (800000000 bytes)"));
        assert!(h.contains("from a sample of"));
        assert!(!h.contains("<style") && !h.contains("<svg") && !h.contains("<script"));
    }

    #[test]
    fn grid_elides_the_middle_and_nd_shows_first_and_last_slice() {
        let a = crate::arange(4 * 5 * 20).reshape([4, 5, 20]);
        let h = card_html(&a);
        assert!(h.contains("[0, :, :]") && h.contains("[3, :, :]"));
        assert!(h.contains("⋮ 2 more 2-D slices"));
        assert!(h.contains(">…</td>"));
        // Edge items of the last axis: 0 1 2 … 17 18 19.
        assert!(h.contains(">17</td>") && !h.contains(">10</td>"));
    }

    #[test]
    fn strings_show_dtype_values_and_distinct_count() {
        let a = crate::array!["Alice", "Bob", "Bob", "<b>"];
        let h = card_html(&a);
        assert!(h.contains(">&lt;U5</span>"), "{h}");
        assert!(h.contains("4 elements · 80 bytes"), "{h}");
        assert!(
            h.contains(">'Alice'</td>") && h.contains(">'&lt;b&gt;'</td>"),
            "{h}"
        );
        assert!(h.contains("3 distinct values"), "{h}");
        assert!(h.contains("dtype='&lt;U5')</pre>"), "{h}");
        let long = crate::Array::from_strs(&["x".repeat(40)], [1]);
        assert!(card_html(&long).contains("…</td>"));
    }

    #[test]
    fn stats_count_nan_and_inf() {
        let a = crate::array![1.0, f64::NAN, f64::INFINITY, 3.0];
        let h = card_html(&a);
        assert!(h.contains("min 1. · max 3. · mean 2. · std 1."), "{h}");
        assert!(h.contains("1 NaN · 1 inf"));
    }

    #[test]
    fn bool_is_shaded_and_counted_complex_is_a_plus_bj() {
        let b = crate::greater(crate::arange(4), 1);
        let h = card_html(&b);
        assert!(h.contains("2 True · 2 False (50.0% True)"));
        assert_eq!(h.matches(TRUE_CELL).count(), 2, "{h}");
        let c = crate::array![crate::Complex128::new(1.0, -2.0)];
        assert!(card_html(&c).contains(">1.-2.j</td>"));
    }
}

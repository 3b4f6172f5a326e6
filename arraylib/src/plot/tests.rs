//! Rendering tests: PNGs are decoded and inspected pixel by pixel, SVGs searched for text.

use super::*;
use crate as np;
use crate::display::RichDisplay;

struct Decoded {
    w: usize,
    h: usize,
    rgb: Vec<u8>,
}

impl Decoded {
    fn at(&self, x: usize, y: usize) -> (u8, u8, u8) {
        let i = (y * self.w + x) * 3;
        (self.rgb[i], self.rgb[i + 1], self.rgb[i + 2])
    }
    /// Pixels of exactly this colour.
    fn find(&self, c: (u8, u8, u8)) -> Vec<(usize, usize)> {
        let mut out = vec![];
        for y in 0..self.h {
            for x in 0..self.w {
                if self.at(x, y) == c {
                    out.push((x, y));
                }
            }
        }
        out
    }
}

fn decode(png_bytes: &[u8]) -> Decoded {
    let dec = ::png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = dec.read_info().expect("valid PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("valid PNG data");
    assert_eq!(info.color_type, ::png::ColorType::Rgb);
    buf.truncate(info.buffer_size());
    Decoded {
        w: info.width as usize,
        h: info.height as usize,
        rgb: buf,
    }
}

const C0: (u8, u8, u8) = (0x1f, 0x77, 0xb4);
const C1: (u8, u8, u8) = (0xff, 0x7f, 0x0e);

/// Whether the SVG has a `<text>` element with exactly this content.
fn has_text(svg: &str, t: &str) -> bool {
    svg.contains(&format!(">\n{t}\n</text>"))
}

fn bbox(px: &[(usize, usize)]) -> (usize, usize, usize, usize) {
    let x0 = px.iter().map(|p| p.0).min().unwrap();
    let x1 = px.iter().map(|p| p.0).max().unwrap();
    let y0 = px.iter().map(|p| p.1).min().unwrap();
    let y1 = px.iter().map(|p| p.1).max().unwrap();
    (x0, y0, x1, y1)
}

#[test]
fn line_png_has_size_and_a_rising_diagonal() {
    let fig = figure().line([0.0, 1.0], [0.0, 1.0]);
    let img = decode(&fig.to_png());
    assert_eq!((img.w, img.h), (640, 480));
    let px = img.find(C0);
    assert!(px.len() > 300, "only {} series pixels", px.len());
    let (x0, y0, x1, y1) = bbox(&px);
    // Spans most of the axes (5% margins on each side).
    assert!(x1 - x0 > 400 && y1 - y0 > 300);
    // Every series pixel lies near the line from bottom-left to top-right.
    for &(x, y) in &px {
        let t = (x - x0) as f64 / (x1 - x0) as f64;
        let expect_y = y1 as f64 - t * (y1 - y0) as f64;
        assert!(
            (y as f64 - expect_y).abs() < 4.0,
            "pixel ({x}, {y}) off the diagonal"
        );
    }
    // White background, black frame.
    assert_eq!(img.at(2, 2), (255, 255, 255));
    assert!(img.find((0, 0, 0)).len() > 1000);
}

#[test]
fn svg_has_legend_title_and_labels() {
    let x = np::linspace(-2.0, 2.0, 9);
    let fig = figure()
        .line(&x, np::maximum(0, &x))
        .label("relu")
        .line(&x, np::tanh(&x))
        .label("tanh")
        .title("Activations")
        .xlabel("input")
        .ylabel("output");
    let svg = fig.to_svg();
    assert!(svg.starts_with("<svg"));
    for text in ["relu", "tanh", "Activations", "input", "output"] {
        assert!(has_text(&svg, text), "missing {text}");
    }
    // Two series in the first two cycle colours.
    let img = decode(&fig.to_png());
    assert!(!img.find(C0).is_empty() && !img.find(C1).is_empty());
    // Negative tick labels use matplotlib's minus sign.
    assert!(has_text(&svg, "\u{2212}2") || has_text(&svg, "\u{2212}2.0"));
}

#[test]
fn legend_absent_without_labels_and_when_hidden() {
    let svg = figure().plot([1.0, 2.0]).to_svg();
    assert!(!svg.contains("fill-opacity=\"0.8\""));
    let svg = figure().plot([1.0, 2.0]).label("a").legend(false).to_svg();
    assert!(!has_text(&svg, "a"));
}

#[test]
fn log_scale_ticks_are_powers_of_ten() {
    let fig = figure()
        .line([1.0, 10.0, 100.0, 1000.0], [0.01, 0.1, 1.0, 10.0])
        .xscale("log")
        .yscale("log");
    let svg = fig.to_svg();
    for t in ["10⁰", "10¹", "10²", "10³", "10⁻²", "10⁻¹"] {
        assert!(has_text(&svg, t), "missing tick {t}");
    }
    // A power law is straight on log-log axes.
    let img = decode(&fig.to_png());
    let px = img.find(C0);
    let (x0, y0, x1, y1) = bbox(&px);
    for &(x, y) in &px {
        let t = (x - x0) as f64 / (x1 - x0) as f64;
        assert!((y as f64 - (y1 as f64 - t * (y1 - y0) as f64)).abs() < 4.0);
    }
    // Nonpositive values are dropped on log axes instead of failing.
    assert!(
        figure()
            .line([0.0, 1.0, 2.0], [-1.0, 1.0, 2.0])
            .yscale("log")
            .to_png()
            .len()
            > 100
    );
}

#[test]
fn histogram_bar_heights_match_np_histogram() {
    // np.histogram([1, 2, 2, 3, 3, 3, 4, 10], bins=3) -> counts [6, 1, 1]
    let fig = figure()
        .hist([1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 10.0])
        .bins(3);
    let img = decode(&fig.to_png());
    let px = img.find(C0);
    let (x0, _, x1, _) = bbox(&px);
    let third = (x1 - x0) / 3;
    let height = |col: usize| px.iter().filter(|p| p.0 == col).count() as f64;
    let (h0, h1, h2) = (
        height(x0 + third / 2),
        height(x0 + third + third / 2),
        height(x0 + 2 * third + third / 2),
    );
    assert!((h0 / h1 - 6.0).abs() < 0.1, "{h0} / {h1}");
    assert!((h1 - h2).abs() <= 1.0);
    // Bars cover the whole bin width: the three bins are adjacent.
    assert!(x1 - x0 > 500);
}

#[test]
fn histogram_density_integrates_to_one() {
    let h = hist::Hist {
        bins: 4,
        density: true,
        ..hist::Hist::new(vec![0.0, 1.0, 1.0, 2.0, 3.0, 4.0], color::cycle(0)).unwrap()
    };
    let (c, e) = h.counts();
    let area: f64 = c
        .iter()
        .zip(e.windows(2))
        .map(|(c, w)| c * (w[1] - w[0]))
        .sum();
    assert!((area - 1.0).abs() < 1e-12);
}

#[test]
fn scatter_draws_one_marker_per_point_with_mapped_colours() {
    let fig = figure()
        .scatter([0.0, 1.0, 2.0], [0.0, 1.0, 0.0])
        .c([0.0, 0.5, 1.0])
        .s(100.0)
        .colorbar();
    let svg = fig.to_svg();
    assert_eq!(svg.matches("<circle").count(), 3);
    let img = decode(&fig.to_png());
    // The ends of viridis are used for the first and last points.
    assert!(!img.find((0x44, 0x01, 0x54)).is_empty());
    assert!(!img.find((0xfd, 0xe7, 0x25)).is_empty());
}

#[test]
fn bars_grouped_and_stacked() {
    let grouped = figure()
        .bar(["a", "b"], [1.0, 2.0])
        .label("first")
        .bar(["a", "b"], [2.0, 1.0])
        .label("second");
    let svg = grouped.to_svg();
    for t in ["a", "b", "first", "second"] {
        assert!(has_text(&svg, t), "missing {t}");
    }
    let img = decode(&grouped.to_png());
    let (b0, b1) = (bbox(&img.find(C0)), bbox(&img.find(C1)));
    // Side by side: the orange series starts right of the blue one in each group.
    assert!(b1.0 > b0.0);
    let stacked = figure()
        .bar(["a"], [1.0])
        .bar(["a"], [3.0])
        .stacked(true)
        .legend(false);
    let img = decode(&stacked.to_png());
    let (s0, s1) = (bbox(&img.find(C0)), bbox(&img.find(C1)));
    // One column: orange sits on top of blue and is three times as tall.
    assert!(s1.3 <= s0.1 + 1);
    let (h0, h1) = ((s0.3 - s0.1) as f64, (s1.3 - s1.1) as f64);
    assert!((h1 / h0 - 3.0).abs() < 0.1, "{h1} / {h0}");
}

#[test]
fn imshow_grayscale_rgb_and_colorbar() {
    let checker = np::Array::from_vec(vec![0.0, 1.0, 1.0, 0.0], [2, 2]);
    let img = decode(&figure().imshow(&checker).cmap("gray").to_png());
    let white = img.find((255, 255, 255)).len();
    let black = img.find((0, 0, 0)).len();
    assert!(black > 50_000, "black cells: {black}");
    assert!(white > 50_000);

    let rgb = np::Array::from_vec(vec![255u8, 0, 0, 0, 0, 255], [1, 2, 3]);
    let img = decode(&figure().imshow(&rgb).to_png());
    assert!(img.find((255, 0, 0)).len() > 10_000);
    assert!(img.find((0, 0, 255)).len() > 10_000);

    // Float RGB is read in 0..1; a colorbar adds the whole colormap.
    let frgb = np::Array::from_vec(vec![0.0, 1.0, 0.0], [1, 1, 3]);
    assert!(
        decode(&figure().imshow(&frgb).to_png())
            .find((0, 255, 0))
            .len()
            > 10_000
    );
    let img = decode(&figure().heatmap(np::eye(3)).to_png());
    assert!(
        !img.find((0x21, 0x91, 0x8c)).is_empty(),
        "viridis mid colour from the colorbar"
    );

    // The SVG embeds the pixels as one PNG image.
    let svg = figure().imshow(np::eye(3)).to_svg();
    assert_eq!(svg.matches("<image").count(), 1);
    assert!(svg.contains("data:image/png;base64,iVBORw0KGgo"));
    assert!(!svg.contains("@@npimage"));
}

#[test]
fn subplots_grid_and_suptitle() {
    let fig = subplots(2, 2)
        .suptitle("Overview")
        .ax(0)
        .plot([1.0, 2.0])
        .title("one")
        .ax(1)
        .scatter([1.0], [1.0])
        .color("C2")
        .title("two")
        .ax(2)
        .hist([1.0, 2.0])
        .title("three")
        .ax(-1)
        .imshow(np::eye(2))
        .title("four");
    assert_eq!(format!("{fig:?}"), "<Figure size 1280x960 with 4 Axes>");
    let svg = fig.to_svg();
    for t in ["Overview", "one", "two", "three", "four"] {
        assert!(has_text(&svg, t), "missing {t}");
    }
    let img = decode(&fig.to_png());
    assert_eq!((img.w, img.h), (1280, 960));
    // The line is in the top-left quarter, the histogram in the bottom-left one.
    let (x0, y0, x1, y1) = bbox(&img.find(C0));
    assert!(x0 < 640 && y0 < 480 && x1 < 640 && y1 >= 480);
}

#[test]
fn inputs_of_any_dtype_and_layout() {
    let xi = np::arange(6).reshape([2, 3]).t(); // int64, non-contiguous
    let fig = figure().line(xi.reshape([6]), np::arange(6).astype(np::float32));
    assert!(decode(&fig.to_png()).find(C0).len() > 100);
    let fig = figure()
        .line(vec![1u8, 2, 3], [1i32, 4, 9])
        .bar(np::arange(3), vec![1.0f32, 2.0, 3.0]);
    assert!(has_text(&fig.to_svg(), "2"));
}

#[test]
fn empty_and_degenerate_data_render() {
    for fig in [
        figure(),
        figure().line(Vec::<f64>::new(), Vec::<f64>::new()),
        figure().line([f64::NAN, f64::NAN], [1.0, 2.0]),
        figure().plot([3.0]),
        figure().hist(Vec::<f64>::new()),
        figure().imshow(np::zeros([2, 2])),
    ] {
        let img = decode(&fig.to_png());
        assert_eq!((img.w, img.h), (640, 480));
        assert!(fig.to_svg().contains("</svg>"));
    }
}

#[test]
fn errors_have_matplotlib_messages() {
    let e = figure()
        .try_line([1.0, 2.0, 3.0], [1.0, 2.0, 3.0, 4.0])
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "ValueError: x and y must have same first dimension, but have shapes (3,) and (4,)"
    );
    let r = std::panic::catch_unwind(|| figure().line([1.0], [1.0, 2.0]));
    let msg = r.unwrap_err().downcast::<String>().unwrap();
    assert_eq!(
        *msg,
        "ValueError: x and y must have same first dimension, but have shapes (1,) and (2,)"
    );
    assert_eq!(
        figure()
            .try_imshow(np::zeros([2, 2, 5]))
            .unwrap_err()
            .to_string(),
        "TypeError: Invalid shape (2, 2, 5) for image data"
    );
    assert_eq!(
        figure()
            .imshow(np::eye(2))
            .try_cmap("jet")
            .unwrap_err()
            .kind,
        crate::ErrorKind::ValueError
    );
    assert_eq!(
        figure().try_color("C0").unwrap_err().to_string(),
        "TypeError: color() needs a plot to apply to; call line, scatter, hist, bar or imshow first"
    );
    assert_eq!(
        figure()
            .imshow(np::eye(2))
            .try_color("r")
            .unwrap_err()
            .to_string(),
        "TypeError: AxesImage.set() got an unexpected keyword argument 'color'"
    );
    let r = std::panic::catch_unwind(|| figure().plot([1.0]).bins(3));
    assert_eq!(
        *r.unwrap_err().downcast::<String>().unwrap(),
        "TypeError: Line2D.set() got an unexpected keyword argument 'bins'"
    );
    let r = std::panic::catch_unwind(|| figure().hist([1.0]).range(2.0, 1.0));
    assert_eq!(
        *r.unwrap_err().downcast::<String>().unwrap(),
        "ValueError: max must be larger than min in range parameter."
    );
    let path = std::env::temp_dir().join("arraylib_plot_test.jpg");
    assert_eq!(
        figure().savefig(&path).unwrap_err().to_string(),
        "ValueError: Format 'jpg' is not supported (supported formats: png, svg)"
    );
}

#[test]
fn mime_bundle_has_png_svg_and_repr() {
    let fig = figure().plot([1.0, 2.0]);
    let bundle = fig.mime_bundle();
    let keys: Vec<&str> = bundle.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["image/png", "image/svg+xml", "text/plain"]);
    assert!(bundle[0].1.starts_with("iVBORw0KGgo"));
    assert!(bundle[1].1.starts_with("<svg"));
    assert_eq!(bundle[2].1, "<Figure size 640x480 with 1 Axes>");
}

#[test]
fn savefig_writes_both_formats() {
    let dir = std::env::temp_dir();
    let fig = figure().plot([1.0, 2.0]);
    let p = dir.join(format!("arraylib_plot_{}.png", std::process::id()));
    fig.savefig(&p).unwrap();
    assert_eq!(decode(&std::fs::read(&p).unwrap()).w, 640);
    let s = dir.join(format!("arraylib_plot_{}.svg", std::process::id()));
    fig.savefig(&s).unwrap();
    assert!(std::fs::read_to_string(&s).unwrap().contains("<svg"));
    let _ = std::fs::remove_file(p);
    let _ = std::fs::remove_file(s);
}

#[test]
fn log_scale_bars_start_at_the_axis_bottom() {
    let fig = figure()
        .bar(["loop", "vectorized", "blas"], [2.0, 0.02, 0.0005])
        .yscale("log");
    let svg = fig.to_svg();
    assert!(has_text(&svg, "10⁻³") && has_text(&svg, "10⁰"));
    let img = decode(&fig.to_png());
    let px = img.find(C0);
    // All three bars reach the bottom of the axes.
    let bottom = px.iter().map(|p| p.1).max().unwrap();
    let mut xs: Vec<usize> = px.iter().filter(|p| p.1 == bottom).map(|p| p.0).collect();
    xs.sort();
    let runs = 1 + xs.windows(2).filter(|w| w[1] > w[0] + 1).count();
    assert_eq!(runs, 3, "separate bars on the bottom row");
}

#[test]
fn axis_off_and_equal_aspect() {
    let svg = figure().imshow(np::eye(2)).axis("off").to_svg();
    assert!(!svg.contains("<text"));
    // A unit circle with equal aspect is as wide as tall in pixels.
    let t = np::linspace(0.0, 2.0 * std::f64::consts::PI, 400);
    let img = decode(
        &figure()
            .line(np::cos(&t), np::sin(&t))
            .aspect("equal")
            .to_png(),
    );
    let (x0, y0, x1, y1) = bbox(&img.find(C0));
    let (w, h) = ((x1 - x0) as f64, (y1 - y0) as f64);
    assert!((w / h - 1.0).abs() < 0.03, "{w} x {h}");
}

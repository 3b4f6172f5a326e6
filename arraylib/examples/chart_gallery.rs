//! Renders one example of each chart kind to `notebooks/images/chart_*.png` (or to the
//! directory given as the first argument), to look at after changing the plotting code:
//!
//! ```text
//! cargo run -p arraylib --example chart_gallery
//! ```

use arraylib as np;
use std::path::PathBuf;

/// Deterministic standard-normal samples (splitmix64 + Box–Muller), so the pictures are stable.
fn normal(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed;
    let mut uniform = || {
        s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        ((z >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| {
            let (u, v) = (uniform(), uniform());
            (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../notebooks/images"));
    std::fs::create_dir_all(&dir)?;
    let save = |name: &str, fig: &np::plot::Figure| -> Result<(), Box<dyn std::error::Error>> {
        let t = std::time::Instant::now();
        fig.savefig(dir.join(name))?;
        println!("wrote {name} in {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
        Ok(())
    };

    // Activation functions (notebook 1, cell 10).
    let x = np::linspace(-5.0, 5.0, 200);
    let sigmoid = 1.0 / (1.0 + np::exp(-&x));
    let line = np::plot::figure()
        .line(&x, np::maximum(0, &x))
        .label("ReLU")
        .line(&x, &sigmoid)
        .label("sigmoid")
        .line(&x, np::tanh(&x))
        .label("tanh")
        .linestyle("--")
        .title("Activation functions")
        .xlabel("x")
        .ylabel("f(x)")
        .ylim(-1.5, 5.0)
        .grid(true);
    save("chart_line.png", &line)?;

    // Predictions against targets with the y = x line (notebook 1, cell 19).
    let y_true = normal(80, 7);
    let noise = normal(80, 11);
    let y_pred: Vec<f64> = y_true
        .iter()
        .zip(&noise)
        .map(|(t, e)| t + 0.3 * e)
        .collect();
    let err: Vec<f64> = y_true
        .iter()
        .zip(&y_pred)
        .map(|(t, p)| (p - t).abs())
        .collect();
    let scatter = np::plot::figure()
        .scatter(&y_true, &y_pred)
        .c(&err)
        .cmap("viridis")
        .label("samples")
        .colorbar()
        .colorbar_label("|error|")
        .line([-3.0, 3.0], [-3.0, 3.0])
        .color("k")
        .linestyle("--")
        .label("y = x")
        .title("Predicted vs true")
        .xlabel("y_true")
        .ylabel("y_pred");
    save("chart_scatter.png", &scatter)?;

    // Histogram of N(0, 1) samples with the density overlay (notebook 1, cell 4).
    let samples = normal(500, 42);
    let grid = np::linspace(-4.0, 4.0, 200);
    let pdf = np::exp(-(&grid * &grid) / 2.0) / (2.0 * std::f64::consts::PI).sqrt();
    let hist = np::plot::figure()
        .hist(&samples)
        .bins(30)
        .density(true)
        .alpha(0.7)
        .label("randn samples")
        .line(&grid, &pdf)
        .color("C3")
        .label("N(0, 1) density")
        .title("500 standard normal samples")
        .xlabel("value")
        .ylabel("density");
    save("chart_hist.png", &hist)?;

    // Grouped and stacked bars (notebook 2 cell 15, notebook 1 cell 18).
    let classes = ["cat", "dog", "bird", "fish", "frog"];
    let bar = np::plot::subplots(1, 2)
        .figsize(10.0, 4.0)
        .ax(0)
        .bar(classes, [0.10, 0.62, 0.18, 0.06, 0.04])
        .label("T = 0.5")
        .bar(classes, [0.15, 0.40, 0.22, 0.13, 0.10])
        .label("T = 1")
        .bar(classes, [0.18, 0.28, 0.21, 0.17, 0.16])
        .label("T = 2")
        .title("Softmax temperature (grouped)")
        .ylabel("probability")
        .ax(1)
        .bar(["s0", "s1", "s2", "s3", "s4"], [0.7, 0.2, 0.1, 0.3, 0.5])
        .label("class 0")
        .bar(["s0", "s1", "s2", "s3", "s4"], [0.2, 0.5, 0.3, 0.3, 0.1])
        .label("class 1")
        .bar(["s0", "s1", "s2", "s3", "s4"], [0.1, 0.3, 0.6, 0.4, 0.4])
        .label("class 2")
        .stacked(true)
        .legend_loc("upper right")
        .ylim(0.0, 1.3)
        .title("Class probabilities (stacked)");
    save("chart_bar.png", &bar)?;

    // Signed matrix heatmap with a diverging colormap (notebook 1, cell 16).
    let a = np::arange(16).reshape([4, 4]).astype(np::float64);
    let sym = (&a - &a.t()) / 15.0 + np::eye(4);
    let heat = np::plot::figure()
        .heatmap(&sym)
        .cmap("RdBu")
        .clim(-1.0, 1.0)
        .xticks(["f0", "f1", "f2", "f3"])
        .yticks(["f0", "f1", "f2", "f3"])
        .title("A - Aᵀ + I");
    save("chart_heatmap.png", &heat)?;

    // Grayscale 28x28 image, RGB image and a log-scale timing chart in one grid.
    let yy = np::arange(28).reshape([28, 1]).astype(np::float64);
    let xx = np::arange(28).reshape([1, 28]).astype(np::float64);
    let gray = np::sin(&xx / 4.0) * np::cos(&yy / 5.0);
    let rgb: Vec<u8> = (0..32 * 32)
        .flat_map(|i| {
            let (r, c) = (i / 32, i % 32);
            [(r * 8) as u8, (c * 8) as u8, 128u8]
        })
        .collect();
    let rgb = np::Array::from_vec(rgb, [32, 32, 3]);
    let n = [8.0, 16.0, 32.0, 64.0, 128.0, 256.0];
    let loops: Vec<f64> = n.iter().map(|v: &f64| 1e-6 * v.powi(3)).collect();
    let blas: Vec<f64> = n.iter().map(|v: &f64| 2e-8 * v.powi(3) + 1e-5).collect();
    let sub = np::plot::subplots(2, 2)
        .suptitle("Subplots")
        .ax(0)
        .imshow(&gray)
        .cmap("gray")
        .title("28x28 grayscale")
        .ax(1)
        .imshow(&rgb)
        .title("RGB uint8 (32, 32, 3)")
        .ax(2)
        .line(n, &loops)
        .marker("o")
        .label("triple loop")
        .line(n, &blas)
        .marker("o")
        .label("matmul")
        .xscale("log")
        .yscale("log")
        .grid(true)
        .title("Timing (log-log)")
        .xlabel("n")
        .ylabel("seconds")
        .ax(3)
        .hist(&samples)
        .bins(20)
        .alpha(0.6)
        .label("raw")
        .hist(samples.iter().map(|v| v * 0.5 + 1.0).collect::<Vec<f64>>())
        .bins(20)
        .alpha(0.6)
        .label("scaled")
        .title("Overlaid histograms");
    save("chart_subplots.png", &sub)?;
    Ok(())
}

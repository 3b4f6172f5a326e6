//! Tick positions and labels, following matplotlib's `AutoLocator` (steps 1, 2, 2.5, 5, 10),
//! `ScalarFormatter` (shared decimals, `−` minus sign, `1e6` offset for large or tiny values)
//! and `LogLocator` (decades labelled `10ⁿ`).

/// Ticks for one axis.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ticks {
    /// Major tick positions in data coordinates, inside the view limits.
    pub major: Vec<f64>,
    /// Their labels.
    pub labels: Vec<String>,
    /// Minor tick positions (log axes only).
    pub minor: Vec<f64>,
    /// The `1e6`-style multiplier shown at the end of the axis, if any.
    pub offset: Option<String>,
}

/// Ticks between `lo` and `hi` with at most `nbins` intervals.
pub(crate) fn linear(lo: f64, hi: f64, nbins: usize) -> Ticks {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    let nbins = nbins.max(1);
    let span = hi - lo;
    if !(span.is_finite()) || span <= 0.0 {
        return Ticks {
            major: vec![lo],
            labels: vec![plain_number(lo)],
            minor: vec![],
            offset: None,
        };
    }
    let raw = span / nbins as f64;
    let scale = 10f64.powf(raw.log10().floor());
    let mut step = 10.0 * scale;
    let mut mult = 10.0;
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let s = m * scale;
        let count = ((hi / s + 1e-9).floor() - (lo / s - 1e-9).ceil()) as usize + 1;
        if s >= raw * (1.0 - 1e-9) && count <= nbins + 1 {
            step = s;
            mult = m;
            break;
        }
    }
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    let major: Vec<f64> = (first..=last)
        .map(|k| {
            let v = k as f64 * step;
            // Avoids "-0" and 0.30000000000000004-style noise in positions.
            if v.abs() < step * 1e-9 { 0.0 } else { v }
        })
        .collect();
    let (labels, offset) = format_linear(&major, step, mult);
    Ticks {
        major,
        labels,
        minor: vec![],
        offset,
    }
}

fn format_linear(ticks: &[f64], step: f64, mult: f64) -> (Vec<String>, Option<String>) {
    let max_abs = ticks.iter().fold(0.0f64, |m, t| m.max(t.abs()));
    let oom = if max_abs > 0.0 {
        max_abs.log10().floor() as i32
    } else {
        0
    };
    // matplotlib's axes.formatter.limits = (-5, 6).
    let (scale_exp, offset) = if max_abs > 0.0 && (oom >= 6 || oom <= -5) {
        (oom, Some(format!("1e{}", oom).replace('-', "\u{2212}")))
    } else {
        (0, None)
    };
    let div = 10f64.powi(scale_exp);
    let scaled_step = step / div;
    let e = scaled_step.log10().floor() as i32;
    let mut decimals = (-e).max(0) as usize;
    if (mult - 2.5).abs() < 1e-9 {
        decimals += 1;
    }
    let labels = ticks
        .iter()
        .map(|t| minus(&format!("{:.*}", decimals, t / div)))
        .collect();
    (labels, offset)
}

/// Ticks for a log10 axis between `lo` and `hi` (both positive).
pub(crate) fn log(lo: f64, hi: f64) -> Ticks {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    let a = (lo.log10() - 1e-9).floor() as i32;
    let b = (hi.log10() + 1e-9).ceil() as i32;
    let decades = (b - a).max(1);
    // Like LogLocator: label every decade unless there are too many, then every k-th.
    let every = ((decades as f64) / 8.0).ceil().max(1.0) as i32;
    let mut major = vec![];
    let mut labels = vec![];
    let mut minor = vec![];
    for k in a..=b {
        let v = 10f64.powi(k);
        if v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9) && k.rem_euclid(every) == 0 {
            major.push(v);
            labels.push(format!("10{}", superscript(k)));
        }
        if every == 1 {
            for m in 2..10 {
                let mv = v * m as f64;
                if mv >= lo && mv <= hi {
                    minor.push(mv);
                }
            }
        }
    }
    Ticks {
        major,
        labels,
        minor,
        offset: None,
    }
}

/// `10⁻²`-style exponents.
pub(crate) fn superscript(k: i32) -> String {
    let digits = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut s = String::new();
    if k < 0 {
        s.push('⁻');
    }
    for c in k.unsigned_abs().to_string().chars() {
        s.push(digits[c.to_digit(10).unwrap_or(0) as usize]);
    }
    s
}

/// matplotlib writes negative tick labels with U+2212 MINUS SIGN.
fn minus(s: &str) -> String {
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        // "-0.0" after rounding is shown as "0.0".
        return s[1..].to_string();
    }
    s.replace('-', "\u{2212}")
}

/// A number as a short label: `3`, `0.5`, `1e-07`.
pub(crate) fn plain_number(v: f64) -> String {
    if v.is_finite() && v == v.trunc() && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v}");
        if s.len() > 10 { format!("{v:.4e}") } else { s }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_ticks_like_matplotlib() {
        let t = linear(-0.05, 1.05, 9);
        assert_eq!(t.labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        let t = linear(-5.5, 5.5, 9);
        assert_eq!(t.labels, ["\u{2212}4", "\u{2212}2", "0", "2", "4"]);
        let t = linear(0.0, 1.0, 4);
        assert_eq!(t.labels[..3], ["0.00", "0.25", "0.50"]);
        let t = linear(0.0, 3e6, 7);
        assert_eq!(t.offset.as_deref(), Some("1e6"));
        assert_eq!(t.labels[..2], ["0.0", "0.5"]);
    }

    #[test]
    fn log_ticks_are_decades() {
        let t = log(0.5, 2000.0);
        assert_eq!(t.major, vec![1.0, 10.0, 100.0, 1000.0]);
        assert_eq!(t.labels, ["10⁰", "10¹", "10²", "10³"]);
        assert!(t.minor.contains(&20.0));
        assert_eq!(log(1e-3, 1e-1).labels, ["10⁻³", "10⁻²", "10⁻¹"]);
    }
}

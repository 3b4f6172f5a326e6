//! Colours: matplotlib's `tab10` cycle and the colour strings `color=` accepts.

use crate::error::{ArrayError, Result};

/// An opaque RGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub(crate) fn from_hex(hex: u32) -> Rgb {
        Rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
    }
}

/// matplotlib's default property cycle (`tab10`), used for successive series.
pub(crate) const TAB10: [u32; 10] = [
    0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22,
    0x17becf,
];

const TAB_NAMES: [&str; 10] = [
    "blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan",
];

/// The i-th colour of the cycle (`"C0"`, `"C1"`, ...).
pub(crate) fn cycle(i: usize) -> Rgb {
    Rgb::from_hex(TAB10[i % TAB10.len()])
}

/// Parses a matplotlib colour string: `"C3"`, `"tab:orange"`, `"#ff7f0e"`, `"#f70"`, single
/// letters (`"r"`, `"k"`, ...) and the common CSS names.
pub(crate) fn parse(s: &str) -> Result<Rgb> {
    let t = s.trim();
    if let Some(n) = t.strip_prefix('C').and_then(|d| d.parse::<usize>().ok()) {
        return Ok(cycle(n));
    }
    if let Some(name) = t.strip_prefix("tab:")
        && let Some(i) = TAB_NAMES
            .iter()
            .position(|&n| n == name || (name == "grey" && n == "gray"))
    {
        return Ok(cycle(i));
    }
    if let Some(h) = t.strip_prefix('#') {
        let ok = h.chars().all(|c| c.is_ascii_hexdigit());
        if ok && h.len() == 6 {
            return Ok(Rgb::from_hex(u32::from_str_radix(h, 16).unwrap_or(0)));
        }
        if ok && h.len() == 3 {
            let v = u32::from_str_radix(h, 16).unwrap_or(0);
            let (r, g, b) = ((v >> 8) & 15, (v >> 4) & 15, v & 15);
            return Ok(Rgb((r * 17) as u8, (g * 17) as u8, (b * 17) as u8));
        }
    }
    let hex = match t.to_ascii_lowercase().as_str() {
        // matplotlib's single-letter "base colors".
        "b" => 0x0000ff,
        "g" => 0x008000,
        "r" => 0xff0000,
        "c" => 0x00bfbf,
        "m" => 0xbf00bf,
        "y" => 0xbfbf00,
        "k" | "black" => 0x000000,
        "w" | "white" => 0xffffff,
        "blue" => 0x0000ff,
        "green" => 0x008000,
        "red" => 0xff0000,
        "cyan" => 0x00ffff,
        "magenta" => 0xff00ff,
        "yellow" => 0xffff00,
        "orange" => 0xffa500,
        "purple" => 0x800080,
        "brown" => 0xa52a2a,
        "pink" => 0xffc0cb,
        "gray" | "grey" => 0x808080,
        "lightgray" | "lightgrey" => 0xd3d3d3,
        "darkgray" | "darkgrey" => 0xa9a9a9,
        "navy" => 0x000080,
        "teal" => 0x008080,
        "olive" => 0x808000,
        "gold" => 0xffd700,
        "crimson" => 0xdc143c,
        "steelblue" => 0x4682b4,
        "darkorange" => 0xff8c00,
        "forestgreen" => 0x228b22,
        "skyblue" => 0x87ceeb,
        "salmon" => 0xfa8072,
        "lime" => 0x00ff00,
        _ => {
            return Err(ArrayError::value(format!(
                "'{s}' is not a valid color value."
            )));
        }
    };
    Ok(Rgb::from_hex(hex))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_matplotlib_spellings() {
        assert_eq!(parse("C1").unwrap(), Rgb(0xff, 0x7f, 0x0e));
        assert_eq!(parse("tab:green").unwrap(), Rgb(0x2c, 0xa0, 0x2c));
        assert_eq!(parse("#f70").unwrap(), Rgb(0xff, 0x77, 0x00));
        assert_eq!(parse("k").unwrap(), Rgb(0, 0, 0));
        assert_eq!(
            parse("nope").unwrap_err().to_string(),
            "ValueError: 'nope' is not a valid color value."
        );
    }
}

//! Text: DejaVu Sans (matplotlib's default font) embedded from the `dejavu` crate, measured
//! and rasterized with `ab_glyph`, so no system fonts or font libraries are needed.
//! Sizes are em sizes in pixels, as CSS `font-size` and matplotlib's points-times-dpi.

use super::canvas::{HAlign, VAlign};
use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use std::sync::OnceLock;

/// The font-family written into SVG text, so viewers use the same face when they have it.
pub(crate) const SVG_FAMILY: &str = "DejaVu Sans, Bitstream Vera Sans, sans-serif";

fn font() -> &'static FontRef<'static> {
    static FONT: OnceLock<FontRef<'static>> = OnceLock::new();
    FONT.get_or_init(|| {
        FontRef::try_from_slice(dejavu::sans::regular()).expect("the embedded font parses")
    })
}

fn scale(size: f64) -> PxScale {
    let f = font();
    let upem = f.units_per_em().unwrap_or(2048.0);
    PxScale::from((size * f.height_unscaled() as f64 / upem as f64) as f32)
}

/// Glyph origins along the baseline and the total advance.
fn layout(text: &str, size: f64) -> (Vec<(ab_glyph::GlyphId, f32)>, f32) {
    let sf = font().as_scaled(scale(size));
    let mut x = 0.0f32;
    let mut prev = None;
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let id = sf.glyph_id(c);
        if let Some(p) = prev {
            x += sf.kern(p, id);
        }
        out.push((id, x));
        x += sf.h_advance(id);
        prev = Some(id);
    }
    (out, x)
}

/// Width and height (ascent + descent) in pixels of `text` at em size `size`.
pub(crate) fn text_size(text: &str, size: f64) -> (f64, f64) {
    let sf = font().as_scaled(scale(size));
    let (_, w) = layout(text, size);
    (w as f64, (sf.ascent() - sf.descent()) as f64)
}

/// Rasterizes `text` anchored at `at`; `rotate` turns it 90° counter-clockwise (reading
/// upwards). `plot(x, y, coverage)` receives each covered pixel.
pub(crate) fn rasterize(
    text: &str,
    size: f64,
    at: (f64, f64),
    h: HAlign,
    v: VAlign,
    rotate: bool,
    mut plot: impl FnMut(i32, i32, f32),
) {
    let sc = scale(size);
    let sf = font().as_scaled(sc);
    let (glyphs, width) = layout(text, size);
    let (asc, desc) = (sf.ascent(), -sf.descent());
    // Text-frame offsets of the baseline start relative to the anchor.
    let u0 = match h {
        HAlign::Left => 0.0,
        HAlign::Center => -width / 2.0,
        HAlign::Right => -width,
    };
    let base = match v {
        VAlign::Top => asc,
        VAlign::Center => (asc - desc) / 2.0,
        VAlign::Bottom => -desc,
    };
    for (id, gx) in glyphs {
        let glyph = id.with_scale_and_position(sc, point(u0 + gx, base));
        let Some(outline) = font().outline_glyph(glyph) else {
            continue;
        };
        let b = outline.px_bounds();
        outline.draw(|x, y, c| {
            if c <= 0.0 {
                return;
            }
            let (u, w) = (b.min.x + x as f32, b.min.y + y as f32);
            let (dx, dy) = if rotate { (w, -u - 1.0) } else { (u, w) };
            plot(
                (at.0 + dx as f64).floor() as i32,
                (at.1 + dy as f64).floor() as i32,
                c.min(1.0),
            );
        });
    }
}

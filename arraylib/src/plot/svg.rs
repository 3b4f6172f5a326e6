//! SVG output: the display list drawn with plotters' SVG backend into a `String`. Images are
//! embedded as one `<image>` holding a PNG, not as a rectangle per pixel.

use super::canvas::{Canvas, HAlign, Prim, Sink, VAlign, replay};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Collects images and leaves a unique text marker where each belongs in the drawing order.
#[derive(Default)]
struct EmbeddedImages {
    elements: Vec<String>,
}

fn marker(i: usize) -> String {
    format!("@@npimage{i}@@")
}

impl<DB: DrawingBackend> Sink<DB> for EmbeddedImages {
    fn text(&mut self, area: &DrawingArea<DB, Shift>, prim: &Prim) {
        let Prim::Text {
            at,
            text,
            size,
            color,
            h,
            v,
            rotate,
        } = prim
        else {
            return;
        };
        let hp = match h {
            HAlign::Left => HPos::Left,
            HAlign::Center => HPos::Center,
            HAlign::Right => HPos::Right,
        };
        let vp = match v {
            VAlign::Top => VPos::Top,
            VAlign::Center => VPos::Center,
            VAlign::Bottom => VPos::Bottom,
        };
        // plotters writes `font-size` as size / 1.24.
        let mut font = (FontFamily::Name(super::font::SVG_FAMILY), *size * 1.24).into_font();
        if *rotate {
            font = font.transform(FontTransform::Rotate270);
        }
        let style = font
            .color(&RGBColor(color.0, color.1, color.2))
            .pos(Pos::new(hp, vp));
        let _ = area.draw(&Text::new(
            text.clone(),
            (at.0.round() as i32, at.1.round() as i32),
            style,
        ));
    }

    fn image(&mut self, area: &DrawingArea<DB, Shift>, prim: &Prim) {
        let Prim::Image {
            rect,
            w,
            h,
            rgba,
            clip,
        } = prim
        else {
            return;
        };
        let bytes: Vec<u8> = rgba.iter().flatten().copied().collect();
        let png = super::png::encode(*w as u32, *h as u32, 4, &bytes);
        let clip_attr = match clip {
            Some(c) => format!(
                " clip-path=\"inset({:.1}px {:.1}px {:.1}px {:.1}px)\"",
                (c.y0 - rect.y0).max(0.0),
                (rect.x1 - c.x1).max(0.0),
                (rect.y1 - c.y1).max(0.0),
                (c.x0 - rect.x0).max(0.0)
            ),
            None => String::new(),
        };
        self.elements.push(format!(
            "<image x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\"{} href=\"data:image/png;base64,{}\"/>",
            rect.x0,
            rect.y0,
            rect.w(),
            rect.h(),
            clip_attr,
            super::png::base64(&png)
        ));
        let style = (FontFamily::SansSerif, 1.0).into_font().color(&WHITE);
        let _ = area.draw(&Text::new(
            marker(self.elements.len() - 1),
            (rect.x0 as i32, rect.y0 as i32),
            style,
        ));
    }
}

/// Renders the canvas as an SVG document.
pub(crate) fn render_svg(canvas: &Canvas) -> String {
    let mut out = String::new();
    let mut images = EmbeddedImages::default();
    {
        let backend = SVGBackend::with_string(&mut out, (canvas.width, canvas.height));
        let area = backend.into_drawing_area();
        replay(canvas, &area, &mut images);
        let _ = area.present();
    }
    for (i, element) in images.elements.iter().enumerate() {
        let m = marker(i);
        if let Some(pos) = out.find(&m) {
            let start = out[..pos].rfind("<text").unwrap_or(pos);
            let end = out[pos..]
                .find("</text>")
                .map(|e| pos + e + "</text>".len())
                .unwrap_or(pos + m.len());
            out.replace_range(start..end, element);
        }
    }
    out
}

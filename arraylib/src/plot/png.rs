//! PNG output: the display list is drawn with plotters' bitmap backend into an RGB buffer and
//! encoded with the `png` crate; [`base64`] makes the `image/png` entry of a MIME bundle.

use super::canvas::{Canvas, Prim, Sink, replay};
use plotters::coord::Shift;
use plotters::prelude::*;

struct PixelImages;

impl<DB: DrawingBackend> Sink<DB> for PixelImages {
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
        super::font::rasterize(text, *size, *at, *h, *v, *rotate, |x, y, c| {
            let _ = area.draw_pixel((x, y), &RGBAColor(color.0, color.1, color.2, c as f64));
        });
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
        let vis = match clip {
            Some(c) => super::canvas::Rect::new(
                rect.x0.max(c.x0),
                rect.y0.max(c.y0),
                rect.x1.min(c.x1),
                rect.y1.min(c.y1),
            ),
            None => *rect,
        };
        let (px0, px1) = (vis.x0.round() as i32, vis.x1.round() as i32);
        let (py0, py1) = (vis.y0.round() as i32, vis.y1.round() as i32);
        for py in py0..py1 {
            let fy = ((py as f64 + 0.5 - rect.y0) / rect.h() * *h as f64).floor();
            let row = (fy.max(0.0) as usize).min(h - 1);
            for px in px0..px1 {
                let fx = ((px as f64 + 0.5 - rect.x0) / rect.w() * *w as f64).floor();
                let col = (fx.max(0.0) as usize).min(w - 1);
                let [r, g, b, a] = rgba[row * w + col];
                if a == 0 {
                    continue;
                }
                let _ = area.draw_pixel((px, py), &RGBAColor(r, g, b, a as f64 / 255.0));
            }
        }
    }
}

/// Renders the canvas to raw RGB bytes (`width * height * 3`).
pub(crate) fn render_rgb(canvas: &Canvas) -> Vec<u8> {
    let mut buf = vec![255u8; canvas.width as usize * canvas.height as usize * 3];
    {
        let backend = BitMapBackend::with_buffer(&mut buf, (canvas.width, canvas.height));
        let area = backend.into_drawing_area();
        replay(canvas, &area, &mut PixelImages);
        let _ = area.present();
    }
    buf
}

/// Encodes RGB (`channels` = 3) or RGBA (4) bytes as a PNG file.
pub(crate) fn encode(width: u32, height: u32, channels: u8, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(if channels == 4 {
            png::ColorType::Rgba
        } else {
            png::ColorType::Rgb
        });
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::High);
        // Writing into a Vec cannot fail and the sizes are ours.
        let mut w = enc.write_header().expect("PNG header");
        w.write_image_data(data).expect("PNG data");
    }
    out
}

/// Standard base64 with padding.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        s.push(T[(n >> 18) as usize & 63] as char);
        s.push(T[(n >> 12) as usize & 63] as char);
        s.push(if chunk.len() > 1 {
            T[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        s.push(if chunk.len() > 2 {
            T[n as usize & 63] as char
        } else {
            '='
        });
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_rfc4648() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
    }
}

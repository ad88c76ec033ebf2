//! Printable cards: a card's QR as SVG or PNG, and A4 sheets of new cards, each
//! with its typed fallback code under the QR for when a scan fails.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::error::{EngineError, Result};

/// Cards per A4 sheet: two columns of five business cards (85 × 55 mm).
pub const CARDS_PER_SHEET: usize = 10;

fn qr(code: &str) -> Result<QrCode> {
    QrCode::with_error_correction_level(code, EcLevel::M)
        .map_err(|e| EngineError::invalid("code", format!("cannot make a QR of it: {e}")))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A card's QR as a standalone SVG (with the quiet zone scanners need).
pub fn qr_svg(code: &str) -> Result<String> {
    Ok(qr(code)?
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}

/// A card's QR as PNG bytes, `module_px` pixels per module (8 reads well on a phone).
pub fn qr_png(code: &str, module_px: u32) -> Result<Vec<u8>> {
    let image = qr(code)?
        .render::<image::Luma<u8>>()
        .module_dimensions(module_px.clamp(1, 64), module_px.clamp(1, 64))
        .quiet_zone(true)
        .build();
    png(&image)
}

/// A grey picture as PNG bytes (a card's QR, the demo camera's frames).
pub fn png(image: &image::GrayImage) -> Result<Vec<u8>> {
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| EngineError::Io(std::io::Error::other(e.to_string())))?;
    Ok(out.into_inner())
}

/// The QR's modules as SVG rectangles placed at (x, y) mm, `size` mm wide.
fn qr_paths(code: &str, x: f64, y: f64, size: f64) -> Result<String> {
    let q = qr(code)?;
    let width = q.width();
    let total = width + 8; // 4 modules of quiet zone each side
    let m = size / total as f64;
    let mut path = String::new();
    for (i, color) in q.to_colors().iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (cx, cy) = ((i % width) + 4, (i / width) + 4);
            path.push_str(&format!(
                "M{:.3} {:.3}h{m:.3}v{m:.3}h-{m:.3}z",
                x + cx as f64 * m,
                y + cy as f64 * m
            ));
        }
    }
    Ok(format!(r##"<path d="{path}" fill="#000"/>"##))
}

/// One A4 page (SVG, millimetres) of up to ten cards: shop name, QR, fallback code.
pub fn sheet_svg(shop: &str, cards: &[(String, String)]) -> Result<String> {
    if cards.is_empty() || cards.len() > CARDS_PER_SHEET {
        return Err(EngineError::invalid(
            "cards",
            format!("a sheet holds 1 to {CARDS_PER_SHEET} cards"),
        ));
    }
    let (card_w, card_h) = (85.0, 55.0);
    let (left, top) = ((210.0 - 2.0 * card_w) / 2.0, (297.0 - 5.0 * card_h) / 2.0);
    let mut body = String::new();
    for (i, (code, fallback)) in cards.iter().enumerate() {
        let x = left + (i % 2) as f64 * card_w;
        let y = top + (i / 2) as f64 * card_h;
        body.push_str(&format!(
            r##"<g><title>{code}</title><rect x="{x}" y="{y}" width="{card_w}" height="{card_h}" fill="none" stroke="#bbb" stroke-width="0.2" stroke-dasharray="1,1"/>"##,
            code = escape(code)
        ));
        body.push_str(&qr_paths(code, x + 2.0, y + 2.5, 50.0)?);
        body.push_str(&format!(
            r##"<text x="{tx}" y="{ty}" font-family="sans-serif" font-size="5" font-weight="bold"{fit}>{name}</text>"##,
            tx = x + 53.0,
            ty = y + 14.0,
            name = escape(shop),
            // Long names are squeezed into the space beside the QR.
            fit = if shop.chars().count() > 12 {
                r#" textLength="30" lengthAdjust="spacingAndGlyphs""#
            } else {
                ""
            }
        ));
        body.push_str(&format!(
            r##"<text x="{tx}" y="{ty}" font-family="sans-serif" font-size="3">Loyalty card</text>"##,
            tx = x + 53.0,
            ty = y + 20.0
        ));
        body.push_str(&format!(
            r##"<text x="{tx}" y="{ty}" font-family="monospace" font-size="4.2" letter-spacing="0.3">{fallback}</text>"##,
            tx = x + 52.0,
            ty = y + 46.0,
            fallback = escape(fallback)
        ));
        body.push_str(&format!(
            r##"<text x="{tx}" y="{ty}" font-family="sans-serif" font-size="2.4" fill="#555">if the scan fails, type this</text></g>"##,
            tx = x + 52.0,
            ty = y + 50.5
        ));
    }
    Ok(format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297">
<rect width="210" height="297" fill="#fff"/>
{body}
</svg>
"##
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_and_png_are_made() {
        let code = "CP1.AEBAGBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB";
        let s = qr_svg(code).expect("svg");
        assert!(s.starts_with("<?xml") && s.contains("<svg"));
        let png = qr_png(code, 4).expect("png");
        assert_eq!(&png[1..4], b"PNG");
        let sheet = sheet_svg(
            "Café <&>",
            &[(code.to_string(), "2345-679-ACD".to_string())],
        )
        .expect("sheet");
        assert!(sheet.contains("Café &lt;&amp;&gt;") && sheet.contains("2345-679-ACD"));
        assert!(sheet_svg("x", &[]).is_err());
    }
}

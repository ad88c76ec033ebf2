//! The decoder: rxing first, rqrr when rxing misses.
//!
//! Measured on real photographs (`shared/corpus/qr/`): rxing reads far more
//! (inverted codes, small modules, blur) and in about half rqrr's time, so it runs
//! first; rqrr still reads a few frames rxing misses. Each call is isolated: a
//! panic inside a decoder (rqrr has one on some inputs) is a miss, never a crash.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use crate::error::{EngineError, Result};

/// Which decoder read a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecoderEngine {
    /// rxing, a Rust port of ZXing.
    Rxing,
    /// rqrr.
    Rqrr,
}

/// A code read from a frame.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Decoded {
    /// The text in the QR.
    pub text: String,
    /// Which decoder read it.
    pub engine: DecoderEngine,
}

fn with_rxing(luma: &[u8], width: u32, height: u32) -> Option<String> {
    let mut hints = rxing::DecodeHints {
        TryHarder: Some(true),
        AlsoInverted: Some(true),
        ..Default::default()
    };
    rxing::helpers::detect_in_luma_slice_with_hints(
        luma,
        width,
        height,
        Some(rxing::BarcodeFormat::QR_CODE),
        &mut hints,
    )
    .ok()
    .map(|r| r.getText().to_string())
}

/// Frames wider than this are halved before rqrr sees them: rqrr only reads
/// codes with large modules anyway, and a full 1280×720 pass after an rxing miss
/// pushed the slow frames past a camera frame's time.
const RQRR_MAX_WIDTH: u32 = 960;

fn with_rqrr(luma: &[u8], width: u32, height: u32) -> Option<String> {
    if width > RQRR_MAX_WIDTH {
        let (w, h) = ((width / 2) as usize, (height / 2) as usize);
        let src = width as usize;
        // 2×2 box average: cheap, and it keeps module edges sharp enough.
        let half = |x: usize, y: usize| {
            let (a, b) = (
                luma[2 * y * src + 2 * x] as u16,
                luma[2 * y * src + 2 * x + 1] as u16,
            );
            let (c, d) = (
                luma[(2 * y + 1) * src + 2 * x] as u16,
                luma[(2 * y + 1) * src + 2 * x + 1] as u16,
            );
            ((a + b + c + d) / 4) as u8
        };
        let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, half);
        return prepared
            .detect_grids()
            .into_iter()
            .find_map(|grid| grid.decode().ok().map(|(_, text)| text));
    }
    let (w, h) = (width as usize, height as usize);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| luma[y * w + x]);
    prepared
        .detect_grids()
        .into_iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}

/// Calls a decoder; a panic inside it is a miss.
fn isolated(f: impl FnOnce() -> Option<String>) -> Option<String> {
    catch_unwind(AssertUnwindSafe(f)).ok().flatten()
}

/// Reads the first QR code in an 8-bit grey frame, or None.
pub fn decode_luma(luma: &[u8], width: u32, height: u32) -> Option<Decoded> {
    decode_luma_in_order(
        luma,
        width,
        height,
        [DecoderEngine::Rxing, DecoderEngine::Rqrr],
    )
}

/// The same with the decoders tried in the given order (the benchmark compares orders).
pub fn decode_luma_in_order(
    luma: &[u8],
    width: u32,
    height: u32,
    order: [DecoderEngine; 2],
) -> Option<Decoded> {
    let expected = (width as usize).checked_mul(height as usize)?;
    if width == 0 || height == 0 || luma.len() < expected {
        return None;
    }
    order.into_iter().find_map(|engine| {
        let text = match engine {
            DecoderEngine::Rxing => isolated(|| with_rxing(luma, width, height)),
            DecoderEngine::Rqrr => isolated(|| with_rqrr(luma, width, height)),
        };
        text.map(|text| Decoded { text, engine })
    })
}

/// Loads an image file as an 8-bit grey frame: (pixels, width, height).
pub fn load_luma(path: &Path) -> Result<(Vec<u8>, u32, u32)> {
    let img = image::ImageReader::open(path)
        .map_err(|e| EngineError::invalid("file", format!("cannot open {}: {e}", path.display())))?
        .with_guessed_format()
        .map_err(|e| EngineError::invalid("file", format!("cannot read {}: {e}", path.display())))?
        .decode()
        .map_err(|e| {
            EngineError::invalid(
                "file",
                format!("{} is not an image I can read: {e}", path.display()),
            )
        })?;
    let grey = img.into_luma8();
    let (w, h) = grey.dimensions();
    Ok((grey.into_raw(), w, h))
}

/// Decodes an image file; returns what was read and the decode time in
/// milliseconds, not counting loading the file.
pub fn decode_image_file(path: &Path) -> Result<(Option<Decoded>, f64)> {
    let (luma, w, h) = load_luma(path)?;
    let started = std::time::Instant::now();
    let decoded = decode_luma(&luma, w, h);
    Ok((decoded, started.elapsed().as_secs_f64() * 1e3))
}

#[cfg(all(test, feature = "print"))]
mod tests {
    use super::*;

    #[test]
    fn reads_a_printed_card_and_ignores_garbage() {
        let code = "CP1.AEBAGBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB";
        let png = crate::print::qr_png(code, 4).expect("png");
        let img = image::load_from_memory(&png).expect("png").into_luma8();
        let (w, h) = img.dimensions();
        let read = decode_luma(img.as_raw(), w, h).expect("read");
        assert_eq!(read.text, code);
        // Inverted (light on dark, as on some phone screens).
        let inverted: Vec<u8> = img.as_raw().iter().map(|p| 255 - p).collect();
        assert_eq!(
            decode_luma(&inverted, w, h).map(|d| d.text).as_deref(),
            Some(code)
        );
        assert_eq!(decode_luma(&vec![128u8; 640 * 480], 640, 480), None);
        assert_eq!(decode_luma(&[1, 2, 3], 640, 480), None);
        assert_eq!(decode_luma(&[], 0, 0), None);
    }
}

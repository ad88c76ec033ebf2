//! Decode time per frame on one core, on the corpus's simulated counter-webcam
//! frames at 640×480 and 1280×720, with rxing first (what the till does) and with
//! rqrr first, on the same frames. Targets: 1280×720 median ≤ 10 ms and p95 ≤
//! 33 ms; 640×480 median ≤ 3 ms.
#![allow(missing_docs)]

use std::path::Path;
use std::time::Instant;

use counterpart_engine::scan::{decode_luma_in_order, load_luma, DecoderEngine};

fn frames(folder: &str) -> Vec<(Vec<u8>, u32, u32, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus/qr")
        .join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let (luma, w, h) = load_luma(p).expect("frame");
            let want = std::fs::read_to_string(p.with_extension("txt"))
                .unwrap_or_default()
                .trim()
                .to_string();
            (luma, w, h, want)
        })
        .collect()
}

fn pct(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * q).round() as usize]
}

fn main() {
    for folder in ["webcam-dev-640x480", "webcam-dev-1280x720"] {
        let frames = frames(folder);
        for (label, order) in [
            (
                "rxing, then rqrr",
                [DecoderEngine::Rxing, DecoderEngine::Rqrr],
            ),
            (
                "rqrr, then rxing",
                [DecoderEngine::Rqrr, DecoderEngine::Rxing],
            ),
        ] {
            let mut times = Vec::new();
            let mut read = 0;
            // Three rounds, so each frame's time is its median-ish, not a cold cache.
            for round in 0..3 {
                for (luma, w, h, want) in &frames {
                    let t = Instant::now();
                    let got = decode_luma_in_order(luma, *w, *h, order);
                    times.push(t.elapsed().as_secs_f64() * 1e3);
                    if round == 0 && got.is_some_and(|d| d.text.trim() == want) {
                        read += 1;
                    }
                }
            }
            times.sort_by(f64::total_cmp);
            eprintln!(
                "{folder:<20} {label:<17} read {read}/{}  median {:.2} ms  p95 {:.2} ms  max {:.2} ms",
                frames.len(),
                pct(&times, 0.5),
                pct(&times, 0.95),
                pct(&times, 1.0)
            );
        }
    }
}

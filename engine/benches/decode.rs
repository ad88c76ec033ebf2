//! Decode time per frame on one core, on the corpus's simulated counter-webcam
//! frames at 640×480 and 1280×720, with rxing first (what the till does) and with
//! rqrr first, on the same frames. Targets: 1280×720 median ≤ 10 ms and p95 ≤
//! 33 ms; 640×480 median ≤ 3 ms.
#![allow(missing_docs)]

use std::path::Path;
use std::time::{Duration, Instant};

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

/// The screen's camera view: the frame the decoder saw last, shrunk to 320
/// pixels wide and JPEG-encoded when the screen asks (it pulls 10–15 a second).
fn camera_preview() {
    use counterpart_engine::scan::{ReplaySource, Scanner, ScannerConfig};
    for (folder, label) in [
        ("webcam-dev-640x480", "640×480"),
        ("webcam-dev-1280x720", "1280×720"),
    ] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/corpus/qr")
            .join(folder);
        let Ok(source) = ReplaySource::folder(&dir, 30.0, true) else {
            eprintln!("camera preview: no {folder}");
            continue;
        };
        let (scanner, _events) = Scanner::start(Box::new(source), ScannerConfig::default());
        let started = Instant::now();
        while scanner.preview(320).is_none() && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(5));
        }
        let mut ms: Vec<f64> = Vec::new();
        let mut bytes = 0;
        for _ in 0..300 {
            let t = Instant::now();
            if let Some(p) = scanner.preview(320) {
                bytes = p.jpeg.len();
            }
            ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
        ms.sort_by(f64::total_cmp);
        eprintln!(
            "camera preview {label} → 320 wide JPEG: median {:.2} ms, p95 {:.2} ms, {:.1} KB (while the scanner decodes)",
            pct(&ms, 0.5),
            pct(&ms, 0.95),
            bytes as f64 / 1e3
        );
    }
}

fn main() {
    camera_preview();
    frame_to_customer();
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

/// Frame arrival → customer found: the scanner threads on replayed frames that
/// show an enrolled card (appearing, leaving, appearing again so each is a new
/// scan), then the store lookup that verifies the code and finds the customer.
fn frame_to_customer() {
    use counterpart_engine::scan::{ReplaySource, ScanEvent, Scanner, ScannerConfig};
    let dir = tempfile::tempdir().expect("dir");
    let now = counterpart_engine::Clock::now(&counterpart_engine::SystemClock);
    let clock = std::sync::Arc::new(counterpart_engine::ManualClock::new(now));
    let store = counterpart_engine::command::typed::Typed::new(
        counterpart_engine::Store::open(&dir.path().join("till.db"), clock).expect("store"),
    );
    let location = counterpart_engine::Location::new("Bench", "USD", "UTC", 0).expect("location");
    store.init(&location).expect("init");
    let program = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/programs/stamp-cafe.toml"),
    )
    .expect("program");
    store.publish_program(&program, None).expect("publish");
    for (w, h, px) in [(640u32, 480u32, 4u32), (1280, 720, 6)] {
        let frames = dir.path().join(format!("frames-{w}"));
        std::fs::create_dir_all(&frames).expect("dir");
        let mut codes = Vec::new();
        for i in 0..40 {
            let o = store
                .enrol(counterpart_engine::till::Enrolment::default(), None)
                .expect("enrol");
            let code = o.customer.expect("customer").record.card_codes[0]
                .code
                .clone()
                .expect("code");
            let png = counterpart_engine::print::qr_png(&code, px).expect("qr");
            let qr = image::load_from_memory(&png).expect("png").into_luma8();
            let mut with = image::GrayImage::from_pixel(w, h, image::Luma([140u8]));
            image::imageops::overlay(
                &mut with,
                &qr,
                i64::from(w / 4) + i % 7 * 5,
                i64::from(h / 6),
            );
            with.save(frames.join(format!("f{i:03}a.png")))
                .expect("save");
            image::GrayImage::from_pixel(w, h, image::Luma([140u8]))
                .save(frames.join(format!("f{i:03}b.png")))
                .expect("save");
            codes.push(code);
        }
        let source = ReplaySource::folder(&frames, 30.0, false).expect("replay");
        let config = ScannerConfig {
            repeat_window: Duration::from_millis(1),
            ..ScannerConfig::default()
        };
        let (scanner, events) = Scanner::start(Box::new(source), config);
        let mut latencies = Vec::new();
        while let Ok(e) = events.recv_timeout(Duration::from_secs(10)) {
            match e {
                ScanEvent::Code { text, latency } => {
                    let t = Instant::now();
                    store.customer_by_code(&text).expect("customer");
                    latencies.push((latency + t.elapsed()).as_secs_f64() * 1e3);
                }
                ScanEvent::Status(counterpart_engine::scan::CameraStatus::Ended) => break,
                ScanEvent::Status(_) => {}
            }
        }
        let dropped = scanner
            .stats
            .dropped
            .load(std::sync::atomic::Ordering::Relaxed);
        drop(scanner);
        latencies.sort_by(f64::total_cmp);
        eprintln!(
            "frame to customer {w}x{h}: {} of {} cards found, median {:.2} ms, p95 {:.2} ms, max {:.2} ms ({dropped} stale frames dropped)",
            latencies.len(),
            codes.len(),
            pct(&latencies, 0.5),
            pct(&latencies, 0.95),
            pct(&latencies, 1.0)
        );
    }
}

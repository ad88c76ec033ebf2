//! End to end: frames replayed like a camera → scanner → card verified → the
//! customer found in the store. Also: only card codes are reported, a repeat
//! within the window is one scan, a forged card is refused, and a camera that
//! is absent is a status and a retry.

use std::path::Path;
use std::time::Duration;

use counterpart_engine::card_code::CardCode;
use counterpart_engine::ledger::{CardId, Profile};
use counterpart_engine::scan::{
    CameraStatus, Frame, FrameSource, ReplaySource, ScanEvent, Scanner, ScannerConfig, SourceError,
};

use crate::common::*;

/// A 640×480 counter frame with `code`'s QR somewhere in it (or none).
fn frame_with(dir: &Path, name: &str, code: Option<&str>, at: (i64, i64)) {
    let mut frame = image::GrayImage::from_pixel(640, 480, image::Luma([150u8]));
    if let Some(code) = code {
        let png = counterpart_engine::print::qr_png(code, 5).expect("qr");
        let qr = image::load_from_memory(&png).expect("png").into_luma8();
        image::imageops::overlay(&mut frame, &qr, at.0, at.1);
    }
    frame.save(dir.join(name)).expect("save frame");
}

fn collect(rx: &std::sync::mpsc::Receiver<ScanEvent>) -> Vec<ScanEvent> {
    let mut out = Vec::new();
    while let Ok(e) = rx.recv_timeout(Duration::from_secs(10)) {
        let end = e == ScanEvent::Status(CameraStatus::Ended);
        out.push(e);
        if end {
            break;
        }
    }
    out
}

#[test]
fn a_card_replayed_through_the_scanner_finds_its_customer() {
    let shop = Shop::new(
        &example("stamp-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 23, 10, 0),
    );
    let (customer, _) = shop.enrol(Profile::default());
    let summary = shop.store.customer(customer).expect("customer");
    let code = summary.record.card_codes[0]
        .code
        .clone()
        .expect("signed code");
    // A forgery: a genuine code with another card id under the same signature.
    let mut altered = CardCode::parse(&code).expect("code");
    altered.card = CardId(uuid::Uuid::from_u128(7));
    let forged = altered.encode();

    let frames = tempfile::tempdir().expect("dir");
    let d = frames.path();
    frame_with(d, "f00.png", None, (0, 0));
    frame_with(d, "f01.png", Some("https://example.com/menu"), (200, 100));
    // The card held up for ten frames, moving a little: one scan.
    for i in 0..10 {
        frame_with(
            d,
            &format!("f{:02}.png", 2 + i),
            Some(&code),
            (150 + 8 * i, 90 + 3 * i),
        );
    }
    frame_with(d, "f12.png", None, (0, 0));
    frame_with(d, "f13.png", Some(&forged), (220, 120));
    let source = ReplaySource::folder(d, 30.0, false).expect("replay");
    let (scanner, events) = Scanner::start(Box::new(source), ScannerConfig::default());
    let events = collect(&events);
    // The screen's camera view: the last frame the decoder saw, small and JPEG.
    let preview = scanner.preview(320).expect("a frame was seen");
    assert_eq!(&preview.jpeg[..2], &[0xFF, 0xD8], "a JPEG");
    assert!((1..=320).contains(&preview.width), "{}", preview.width);
    let back = image::load_from_memory(&preview.jpeg)
        .expect("decodes")
        .to_luma8();
    assert_eq!(
        (back.width(), back.height()),
        (preview.width, preview.height)
    );
    drop(scanner);

    let codes: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            ScanEvent::Code { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        matches!(
            events.first(),
            Some(ScanEvent::Status(CameraStatus::Running(_)))
        ),
        "{events:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == code).count(),
        1,
        "the card is one scan: {codes:?}"
    );
    assert!(
        !codes.iter().any(|c| c.starts_with("https")),
        "a menu QR is not a card: {codes:?}"
    );
    assert_eq!(shop.store.customer_by_code(&code).expect("found"), customer);
    // The forged card, if the scanner caught it, is refused by the store.
    if let Some(f) = codes.iter().find(|c| **c == forged) {
        assert_eq!(
            shop.store.customer_by_code(f).expect_err("forged").code(),
            "card.forged"
        );
    }
    assert_eq!(
        shop.store
            .customer_by_code(&forged)
            .expect_err("forged")
            .code(),
        "card.forged"
    );
}

/// A camera that is absent twice, then delivers one frame, then ends.
struct FlakyCamera {
    calls: usize,
    frame: Frame,
}

impl FrameSource for FlakyCamera {
    fn next_frame(&mut self) -> Result<Option<Frame>, SourceError> {
        self.calls += 1;
        match self.calls {
            1 | 2 => Err(SourceError::Absent),
            3 => Ok(Some(self.frame.clone())),
            _ => Ok(None),
        }
    }

    fn describe(&self) -> String {
        "flaky test camera".into()
    }
}

#[test]
fn an_absent_camera_is_a_status_and_a_retry() {
    let frame = Frame {
        luma: vec![128; 64 * 48],
        width: 64,
        height: 48,
        arrived: std::time::Instant::now(),
    };
    let config = ScannerConfig {
        retry_after: Duration::from_millis(30),
        ..ScannerConfig::default()
    };
    let (_scanner, rx) = Scanner::start(Box::new(FlakyCamera { calls: 0, frame }), config);
    let events = collect(&rx);
    let statuses: Vec<&ScanEvent> = events.iter().collect();
    assert!(
        matches!(statuses[0], ScanEvent::Status(CameraStatus::Unavailable(m)) if m.contains("no camera")),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, ScanEvent::Status(CameraStatus::Running(_)))),
        "{events:?}"
    );
    assert_eq!(events.last(), Some(&ScanEvent::Status(CameraStatus::Ended)));
}

/// A card from a print sheet (not yet enrolled), handed over and enrolled, then
/// "photographed": scaled to small modules, blurred, noisy, JPEG-compressed like
/// a counter webcam's MJPEG frame, replayed: found and verified.
#[test]
fn a_sheet_card_photographed_and_replayed_is_found() {
    let shop = Shop::new(
        &example("stamp-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 23, 10, 0),
    );
    let sheet = counterpart_engine::till::new_card_codes(&shop.store, 10).expect("sheet");
    let (_, code) = &sheet[3];
    let o = shop
        .store
        .enrol(
            counterpart_engine::till::Enrolment {
                profile: Profile::default(),
                card_code: Some(code.clone()),
            },
            None,
        )
        .expect("enrol with the printed card");
    let customer = o.customer.expect("customer").record.id;

    // The QR at 8 px a module, as printed, then seen from the counter: about 3 px a module.
    let png = counterpart_engine::print::qr_png(code, 8).expect("qr");
    let printed = image::load_from_memory(&png).expect("png").into_luma8();
    let side = printed.width() * 3 / 8;
    let seen = image::imageops::resize(&printed, side, side, image::imageops::FilterType::Triangle);
    let mut frame = image::GrayImage::from_pixel(640, 480, image::Luma([120u8]));
    image::imageops::overlay(&mut frame, &seen, 230, 140);
    let mut frame = image::imageops::blur(&frame, 0.8);
    // Sensor noise, deterministic.
    let mut state = 12345u32;
    for p in frame.pixels_mut() {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let noise = ((state >> 16) % 17) as i16 - 8;
        p.0[0] = (i16::from(p.0[0]) + noise).clamp(0, 255) as u8;
    }
    let dir = tempfile::tempdir().expect("dir");
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 60)
        .encode_image(&frame)
        .expect("jpeg");
    std::fs::write(dir.path().join("frame.jpg"), jpeg).expect("write");

    let source = ReplaySource::folder(dir.path(), 30.0, false).expect("replay");
    let (_scanner, events) = Scanner::start(Box::new(source), ScannerConfig::default());
    let read: Vec<String> = collect(&events)
        .into_iter()
        .filter_map(|e| match e {
            ScanEvent::Code { text, .. } => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(
        read,
        vec![code.clone()],
        "the photographed card was not read"
    );
    assert_eq!(
        shop.store.customer_by_code(&read[0]).expect("verified"),
        customer
    );
    // The same printed card cannot be given to a second customer.
    let again = shop.store.enrol(
        counterpart_engine::till::Enrolment {
            profile: Profile::default(),
            card_code: Some(code.clone()),
        },
        None,
    );
    assert_eq!(again.expect_err("taken").code(), "invalid_input");
}

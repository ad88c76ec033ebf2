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
    let (customer, _) = shop.enroll(Profile::default());
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

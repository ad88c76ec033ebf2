//! The decoder on real photographs and simulated counter-webcam frames
//! (`../shared/corpus/qr/`): read counts must reach the floors, and no
//! image may crash the decoder.

use std::path::{Path, PathBuf};

use counterpart_engine::scan::{decode_luma, load_luma};

use crate::common::repo_root;

fn corpus() -> PathBuf {
    repo_root().join("../shared/corpus/qr")
}

fn expected(image: &Path) -> Option<String> {
    let text = std::fs::read_to_string(image.with_extension("txt")).ok()?;
    Some(text.replace("\r\n", "\n").trim().to_string())
}

/// (read correctly, images) for a folder.
fn score(folder: &str) -> (usize, usize) {
    let dir = corpus().join(folder);
    let mut images: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus folder {} missing: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("png" | "jpg" | "jpeg")
            )
        })
        .collect();
    images.sort();
    let mut read = 0;
    for image in &images {
        let Some(want) = expected(image) else {
            continue;
        };
        let (luma, w, h) = load_luma(image).expect("image loads");
        if decode_luma(&luma, w, h).is_some_and(|d| d.text.replace("\r\n", "\n").trim() == want) {
            read += 1;
        }
    }
    (read, images.len())
}

#[test]
fn photographs_upright() {
    let mut read = 0;
    let mut total = 0;
    for set in 1..=6 {
        let (r, t) = score(&format!("zxing-qrcode-{set}"));
        eprintln!("zxing-qrcode-{set}: {r}/{t}");
        read += r;
        total += t;
    }
    eprintln!("zxing-qrcode-1..6 upright: {read}/{total}");
    assert_eq!(total, 179);
    assert!(read >= 161, "read {read} of 179, the floor is 161");
}

#[test]
fn counter_webcam_1280x720() {
    let (read, total) = score("webcam-dev-1280x720");
    eprintln!("webcam-dev-1280x720: {read}/{total}");
    assert_eq!(total, 60);
    assert!(read >= 42, "read {read} of 60, the floor is 42");
}

#[test]
fn counter_webcam_640x480() {
    let (read, total) = score("webcam-dev-640x480");
    eprintln!("webcam-dev-640x480: {read}/{total}");
    assert_eq!(total, 60);
    assert!(read >= 35, "read {read} of 60, the floor is 35");
}

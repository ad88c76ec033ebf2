//! Frame sources: where the scanner's frames come from. The webcam (behind the
//! `camera` feature, not built yet) and, for tests, the demo and tills without a
//! camera, image files replayed at a frame rate.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One 8-bit grey frame.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Pixels, row by row.
    pub luma: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// When the frame arrived from the source (latency is measured from here).
    pub arrived: Instant,
}

/// Why a source gave no frame. The scanner shows it as a status and retries.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    /// No camera (or no frames) to read.
    #[error("no camera found")]
    Absent,
    /// The camera is used by another program.
    #[error("the camera is busy (another program is using it)")]
    Busy,
    /// The camera went away mid-session.
    #[error("the camera was unplugged")]
    Unplugged,
    /// A frame could not be read.
    #[error("a frame could not be read: {0}")]
    Broken(String),
}

/// Something that yields frames, blocking until the next one is due. It lives on
/// the scanner's capture thread (cameras are tied to the thread that opened them).
pub trait FrameSource {
    /// The next frame; `Ok(None)` when a finite source is done.
    fn next_frame(&mut self) -> Result<Option<Frame>, SourceError>;
    /// A short description for the status line ("replay of 60 frames at 30 fps").
    fn describe(&self) -> String;
}

/// Image files in a folder, in name order.
pub fn image_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "png" | "jpg" | "jpeg"))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Plays image files as a camera would: one every `1 / fps` seconds, decoded
/// ahead of time so the pacing is the camera's, not the disk's. Loops if asked.
pub struct ReplaySource {
    frames: Vec<(Vec<u8>, u32, u32)>,
    interval: Duration,
    next: usize,
    due: Option<Instant>,
    looped: bool,
    name: String,
}

impl ReplaySource {
    /// Loads every image of `files` (PNG/JPEG) to replay at `fps`.
    pub fn new(files: &[PathBuf], fps: f64, looped: bool) -> Result<ReplaySource, SourceError> {
        if files.is_empty() {
            return Err(SourceError::Absent);
        }
        if !(fps.is_finite() && fps > 0.0 && fps <= 240.0) {
            return Err(SourceError::Broken(format!(
                "{fps} is not a frame rate between 0 and 240"
            )));
        }
        let frames = files
            .iter()
            .map(|f| super::load_luma(f).map_err(|e| SourceError::Broken(e.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ReplaySource {
            name: format!("replay of {} frame(s) at {fps} fps", frames.len()),
            frames,
            interval: Duration::from_secs_f64(1.0 / fps),
            next: 0,
            due: None,
            looped,
        })
    }

    /// Replays a folder of images.
    pub fn folder(dir: &Path, fps: f64, looped: bool) -> Result<ReplaySource, SourceError> {
        let files =
            image_files(dir).map_err(|e| SourceError::Broken(format!("{}: {e}", dir.display())))?;
        Self::new(&files, fps, looped)
    }
}

impl FrameSource for ReplaySource {
    fn next_frame(&mut self) -> Result<Option<Frame>, SourceError> {
        if self.next >= self.frames.len() {
            if !self.looped {
                return Ok(None);
            }
            self.next = 0;
        }
        let now = Instant::now();
        let due = self.due.unwrap_or(now);
        if due > now {
            std::thread::sleep(due - now);
        }
        self.due = Some(due.max(now) + self.interval);
        let (luma, width, height) = self.frames[self.next].clone();
        self.next += 1;
        Ok(Some(Frame {
            luma,
            width,
            height,
            arrived: Instant::now(),
        }))
    }

    fn describe(&self) -> String {
        self.name.clone()
    }
}

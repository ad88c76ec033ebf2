//! The scanner: a capture thread and a decode thread.
//!
//! The capture thread puts each frame in a one-frame mailbox, replacing any frame
//! not yet taken, so the decoder always works on the newest frame and latency
//! stays bounded however slow a decode is. The decode thread reports a code only
//! if it is one the till accepts (a card code, or a configured coupon), and the
//! same code seen again within the window (3 s by default) is one scan. A source
//! that fails becomes a status and a retry, never a crash.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::frames::{Frame, FrameSource, SourceError};

/// What the scanner tells the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum ScanEvent {
    /// A code was read.
    Code {
        /// The text.
        text: String,
        /// From the frame's arrival to the decoded code.
        latency: Duration,
    },
    /// The camera's state changed.
    Status(CameraStatus),
}

/// The camera as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CameraStatus {
    /// Frames are arriving.
    Running(String),
    /// No frames; retrying.
    Unavailable(String),
    /// A finite source (a replay) has ended.
    Ended,
}

/// JPEG quality of the camera preview: enough to aim a card, small to send.
const PREVIEW_QUALITY: u8 = 70;

/// What the screen shows of the camera: the frame the decoder saw last.
#[derive(Debug, Clone)]
pub struct Preview {
    /// A grey JPEG, as the decoder sees it.
    pub jpeg: Vec<u8>,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// How long ago the frame arrived from the camera.
    pub age: Duration,
}

/// Scanner settings.
#[derive(Debug, Clone)]
pub struct ScannerConfig {
    /// The same code within this window is reported once.
    pub repeat_window: Duration,
    /// Coupon codes to report besides card codes (upper case).
    pub coupons: Vec<String>,
    /// How long to wait before asking a failed source again.
    pub retry_after: Duration,
}

impl Default for ScannerConfig {
    fn default() -> Self {
        ScannerConfig {
            repeat_window: Duration::from_secs(3),
            coupons: Vec::new(),
            retry_after: Duration::from_secs(2),
        }
    }
}

/// Counters for the status line and the benchmarks.
#[derive(Debug, Default)]
pub struct ScanStats {
    /// Frames that arrived.
    pub frames: AtomicU64,
    /// Frames replaced before the decoder took them.
    pub dropped: AtomicU64,
    /// Frames decoded.
    pub decoded: AtomicU64,
}

struct Mailbox {
    frame: Mutex<(Option<Frame>, bool)>,
    ready: Condvar,
    /// The frame the decoder took last: what the screen's preview shows.
    seen: Mutex<Option<Arc<Frame>>>,
}

/// A running scanner; stops when dropped.
pub struct Scanner {
    stop: Arc<AtomicBool>,
    mailbox: Arc<Mailbox>,
    threads: Vec<JoinHandle<()>>,
    /// Counters.
    pub stats: Arc<ScanStats>,
}

fn accepted(text: &str, config: &ScannerConfig) -> bool {
    let t = text.trim();
    crate::card_code::has_prefix(t)
        // A pairing QR held up on a till's first run.
        || t.starts_with(crate::card_code::PAIRING_QR_PREFIX)
        || config.coupons.iter().any(|c| c.eq_ignore_ascii_case(t))
}

impl Scanner {
    /// The frame the decoder saw last, shrunk to at most `max_width` pixels
    /// wide and JPEG-encoded, for the screen's camera view: encoded when asked
    /// (a screen pulling 10–15 a second), never for frames nobody looks at.
    /// `None` before the first frame.
    pub fn preview(&self, max_width: u32) -> Option<Preview> {
        let frame = self
            .mailbox
            .seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()?;
        let step = frame.width.div_ceil(max_width.max(1)).max(1);
        let (width, height) = (frame.width / step, frame.height / step);
        let mut small = Vec::with_capacity((width * height) as usize);
        for y in 0..height {
            let row = (y * step * frame.width) as usize;
            small.extend((0..width).map(|x| frame.luma[row + (x * step) as usize]));
        }
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, PREVIEW_QUALITY)
            .encode(&small, width, height, image::ExtendedColorType::L8)
            .ok()?;
        Some(Preview {
            jpeg,
            width,
            height,
            age: frame.arrived.elapsed(),
        })
    }

    /// Starts scanning frames from `source`; events arrive on the returned channel.
    pub fn start(
        source: Box<dyn FrameSource + Send>,
        config: ScannerConfig,
    ) -> (Scanner, Receiver<ScanEvent>) {
        Self::start_with(move || source as Box<dyn FrameSource>, config)
    }

    /// Starts scanning from a source made on the capture thread itself (a camera
    /// must be opened and read on one thread).
    pub fn start_with(
        make_source: impl FnOnce() -> Box<dyn FrameSource> + Send + 'static,
        config: ScannerConfig,
    ) -> (Scanner, Receiver<ScanEvent>) {
        let (events, receiver) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stats = Arc::new(ScanStats::default());
        let mailbox = Arc::new(Mailbox {
            frame: Mutex::new((None, false)),
            ready: Condvar::new(),
            seen: Mutex::new(None),
        });

        let capture = {
            let (stop, stats, mailbox, events) =
                (stop.clone(), stats.clone(), mailbox.clone(), events.clone());
            let retry = config.retry_after;
            std::thread::Builder::new()
                .name("counterpart-capture".into())
                .spawn(move || {
                    let mut source = make_source();
                    capture_loop(source.as_mut(), &stop, &stats, &mailbox, &events, retry)
                })
        };
        let decode = {
            let (stop, stats, mailbox) = (stop.clone(), stats.clone(), mailbox.clone());
            std::thread::Builder::new()
                .name("counterpart-decode".into())
                .spawn(move || decode_loop(&stop, &stats, &mailbox, &events, &config))
        };
        let threads = [capture, decode]
            .into_iter()
            .filter_map(Result::ok)
            .collect();
        (
            Scanner {
                stop,
                mailbox,
                threads,
                stats,
            },
            receiver,
        )
    }
}

impl Drop for Scanner {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.mailbox.ready.notify_all();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

fn capture_loop(
    source: &mut dyn FrameSource,
    stop: &AtomicBool,
    stats: &ScanStats,
    mailbox: &Mailbox,
    events: &Sender<ScanEvent>,
    retry: Duration,
) {
    let mut running = false;
    while !stop.load(Ordering::SeqCst) {
        match source.next_frame() {
            Ok(Some(frame)) => {
                if !running {
                    running = true;
                    let _ =
                        events.send(ScanEvent::Status(CameraStatus::Running(source.describe())));
                }
                stats.frames.fetch_add(1, Ordering::Relaxed);
                let mut slot = mailbox.frame.lock().unwrap_or_else(|p| p.into_inner());
                if slot.0.replace(frame).is_some() {
                    stats.dropped.fetch_add(1, Ordering::Relaxed);
                }
                mailbox.ready.notify_one();
            }
            Ok(None) => {
                let mut slot = mailbox.frame.lock().unwrap_or_else(|p| p.into_inner());
                slot.1 = true;
                mailbox.ready.notify_one();
                return;
            }
            Err(e) => {
                running = false;
                let _ = events.send(ScanEvent::Status(CameraStatus::Unavailable(e.to_string())));
                if e == SourceError::Absent || e == SourceError::Unplugged || e == SourceError::Busy
                {
                    tracing::info!(error = %e, "camera unavailable; retrying");
                }
                let until = Instant::now() + retry;
                while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        }
    }
}

fn decode_loop(
    stop: &AtomicBool,
    stats: &ScanStats,
    mailbox: &Mailbox,
    events: &Sender<ScanEvent>,
    config: &ScannerConfig,
) {
    let mut last_seen: HashMap<String, Instant> = HashMap::new();
    loop {
        let frame = {
            let mut slot = mailbox.frame.lock().unwrap_or_else(|p| p.into_inner());
            loop {
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                if let Some(f) = slot.0.take() {
                    break f;
                }
                if slot.1 {
                    let _ = events.send(ScanEvent::Status(CameraStatus::Ended));
                    return;
                }
                slot = mailbox.ready.wait(slot).unwrap_or_else(|p| p.into_inner());
            }
        };
        stats.decoded.fetch_add(1, Ordering::Relaxed);
        let frame = Arc::new(frame);
        *mailbox.seen.lock().unwrap_or_else(|p| p.into_inner()) = Some(frame.clone());
        let Some(decoded) = super::decode_luma(&frame.luma, frame.width, frame.height) else {
            continue;
        };
        let text = decoded.text.trim().to_string();
        if !accepted(&text, config) {
            continue;
        }
        let now = Instant::now();
        last_seen.retain(|_, seen| now.duration_since(*seen) < config.repeat_window);
        if last_seen.insert(text.clone(), now).is_some() {
            continue;
        }
        let _ = events.send(ScanEvent::Code {
            text,
            latency: now.duration_since(frame.arrived),
        });
    }
}

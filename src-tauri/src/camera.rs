//! The camera: the engine's scanner on the chosen source, its reads turned
//! into customers by the command layer and sent to the screen as `scan`
//! events. The newest frame is pulled by the screen (see `preview.rs`).

use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use counterpart_engine::command::{
    CameraNow, CameraState, Commands, FrameSourceChoice, ScanNotice,
};
use counterpart_engine::scan::{Preview, Scanner};
use serde::Serialize;
use tauri::{AppHandle, Emitter as _};

use crate::till::lock;

/// A scan as the screen receives it: the notice, and when its frame was
/// captured on the system clock the page shares (for the scan-to-paint figure).
#[derive(Debug, Clone, Serialize)]
pub struct ScanForScreen {
    /// What was read, or what the camera did.
    pub notice: ScanNotice,
    /// Milliseconds since 1970 when the frame arrived from the camera.
    pub captured_at_ms: f64,
}

/// The scanner, restartable, and the camera's last reported state.
pub struct Camera {
    commands: Commands,
    app: AppHandle,
    source: Mutex<FrameSourceChoice>,
    scanner: Mutex<Option<Scanner>>,
    /// The last `camera` notice, for a screen that opens after it was sent.
    state: Arc<Mutex<CameraNow>>,
}

/// The system clock, on purpose: the figure compares it with the page's
/// `Date` clock, not with the shop's (injected) clock.
#[allow(clippy::disallowed_methods)]
fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1e3)
}

impl Camera {
    /// Starts scanning `source`.
    pub fn start(commands: Commands, source: FrameSourceChoice, app: AppHandle) -> Camera {
        let camera = Camera {
            commands,
            app,
            source: Mutex::new(source),
            scanner: Mutex::new(None),
            state: Arc::new(Mutex::new(CameraNow::new(
                CameraState::Starting,
                String::new(),
            ))),
        };
        camera.restart();
        camera
    }

    /// Stops the scanner and starts it again on the current source: the retry
    /// button, and a change of camera.
    pub fn restart(&self) {
        let source = lock(&self.source).clone();
        let mut scanner = lock(&self.scanner);
        // The old scanner stops (and lets go of the device) before the new one opens it.
        scanner.take();
        match self.commands.start_scanner(source) {
            Ok((started, events)) => {
                *scanner = Some(started);
                let (commands, app, state) =
                    (self.commands.clone(), self.app.clone(), self.state.clone());
                let forward = std::thread::Builder::new()
                    .name("counterpart-scan-events".into())
                    .spawn(move || {
                        for event in events {
                            let notice = commands.scan_notice(event);
                            let captured_at_ms = match &notice {
                                ScanNotice::Customer { latency_ms, .. }
                                | ScanNotice::Refused { latency_ms, .. } => now_ms() - latency_ms,
                                ScanNotice::Camera(now) => {
                                    *lock(&state) = now.clone();
                                    now_ms()
                                }
                                ScanNotice::Pairing { .. } => now_ms(),
                            };
                            let scan = ScanForScreen {
                                notice,
                                captured_at_ms,
                            };
                            if let Err(e) = app.emit("scan", scan) {
                                tracing::warn!("could not tell the screen of a scan: {e}");
                            }
                        }
                    });
                if let Err(e) = forward {
                    tracing::error!("cannot start the scan thread: {e}");
                }
            }
            Err(e) => {
                tracing::warn!("the camera did not start: {e}");
                let now = CameraNow::new(CameraState::Unavailable, e.to_string());
                *lock(&self.state) = now.clone();
                let notice = ScanNotice::Camera(now);
                let scan = ScanForScreen {
                    notice,
                    captured_at_ms: now_ms(),
                };
                if let Err(e) = self.app.emit("scan", scan) {
                    tracing::warn!("could not tell the screen of the camera: {e}");
                }
            }
        }
    }

    /// Uses another source from now on.
    pub fn switch(&self, source: FrameSourceChoice) {
        *lock(&self.source) = source;
        self.restart();
    }

    /// True while recorded frames play instead of a webcam.
    pub fn is_replay(&self) -> bool {
        lock(&self.source).is_replay()
    }

    /// The camera's state as last reported.
    pub fn state(&self) -> CameraNow {
        lock(&self.state).clone()
    }

    /// The newest frame the decoder saw, small, for the screen.
    pub fn preview(&self, max_width: u32) -> Option<Preview> {
        lock(&self.scanner).as_ref()?.preview(max_width)
    }
}

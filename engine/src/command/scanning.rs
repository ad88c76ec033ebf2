//! The camera side of a scan: which frames the scanner reads (a webcam, or a
//! folder replayed as one), and the webcams this machine has. Each code read
//! becomes a customer through [`Commands::scan`].

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use super::{invalid, Commands};
use crate::error::Result;
use crate::scan::{ReplaySource, ScanEvent, Scanner, ScannerConfig};

/// Where the scanner's frames come from.
#[derive(Debug, Clone, PartialEq)]
pub enum FrameSourceChoice {
    /// A folder of PNG/JPEG frames played as a camera would.
    Replay {
        /// The folder.
        dir: PathBuf,
        /// Frames per second.
        fps: f64,
        /// Start again at the end.
        looped: bool,
    },
    /// A webcam, by its index (needs the `camera` feature).
    Camera {
        /// Its index in [`Commands::cameras`].
        index: u32,
        /// The resolution to ask for; the highest frame rate otherwise.
        resolution: Option<(u32, u32)>,
    },
}

impl FrameSourceChoice {
    /// Recorded frames rather than a webcam: the screens say so, so nobody
    /// takes the demo's replay for a working webcam.
    pub fn is_replay(&self) -> bool {
        matches!(self, FrameSourceChoice::Replay { .. })
    }
}

/// Resolutions a manager may pick for the webcam: enough for a card at the
/// counter, small enough to decode in a few milliseconds.
pub const CAMERA_RESOLUTIONS: [(u32, u32); 3] = [(640, 480), (1280, 720), (1920, 1080)];

/// The webcam this till uses and at which resolution, as a manager chose it
/// in the settings (kept in the till's database, not synced).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CameraSetting {
    /// The webcam's index in [`Commands::cameras`].
    pub index: u32,
    /// Width and height, one of [`CAMERA_RESOLUTIONS`]; none for the camera's own choice.
    #[serde(default)]
    pub resolution: Option<[u32; 2]>,
}

impl CameraSetting {
    /// The frames it gives.
    pub fn source(&self) -> FrameSourceChoice {
        FrameSourceChoice::Camera {
            index: self.index,
            resolution: self.resolution.map(|[w, h]| (w, h)),
        }
    }
}

/// Where the setting lives in the till's local settings.
const CAMERA_SETTING: &str = "camera";

/// A webcam found on this machine.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CameraChoice {
    /// Its index, to choose it.
    pub index: u32,
    /// Its name.
    pub name: String,
}

impl Commands {
    /// Starts the scanner on `source`; its events say what was read and how the
    /// camera is (a lost camera is a status and a retry, never an error here).
    pub fn start_scanner(
        &self,
        source: FrameSourceChoice,
    ) -> Result<(Scanner, Receiver<ScanEvent>)> {
        match source {
            FrameSourceChoice::Replay { dir, fps, looped } => {
                if !(fps.is_finite() && fps > 0.0 && fps <= 240.0) {
                    return Err(invalid("fps", "give 0 to 240 frames per second"));
                }
                let source = ReplaySource::folder(&dir, fps, looped)
                    .map_err(|e| invalid("replay", e.to_string()))?;
                Ok(Scanner::start(Box::new(source), ScannerConfig::default()))
            }
            #[cfg(feature = "camera")]
            FrameSourceChoice::Camera { index, resolution } => {
                use crate::scan::camera::{CameraRequest, CameraSource};
                let request = CameraRequest {
                    resolution,
                    fps: None,
                };
                Ok(Scanner::start_with(
                    move || Box::new(CameraSource::new(index, request)),
                    ScannerConfig::default(),
                ))
            }
            #[cfg(not(feature = "camera"))]
            FrameSourceChoice::Camera { .. } => Err(invalid(
                "camera",
                "this build has no camera support (build with --features camera)",
            )),
        }
    }

    /// The webcams this machine has (none in a build without camera support).
    pub fn cameras() -> Vec<CameraChoice> {
        #[cfg(feature = "camera")]
        {
            crate::scan::camera::list_cameras()
                .into_iter()
                .map(|c| CameraChoice {
                    index: c.index,
                    name: c.name,
                })
                .collect()
        }
        #[cfg(not(feature = "camera"))]
        {
            Vec::new()
        }
    }

    /// The webcam a manager chose for this till, if any.
    pub fn camera_setting(&self) -> Result<Option<CameraSetting>> {
        let Some(text) = self.store.local_setting(CAMERA_SETTING)? else {
            return Ok(None);
        };
        // A setting this build cannot read is no setting: the default camera.
        Ok(serde_json::from_str(&text)
            .inspect_err(|e| tracing::warn!("the camera setting is unreadable ({e}); ignored"))
            .ok())
    }

    /// Chooses the webcam and its resolution for this till (a manager's
    /// setting); the screen then restarts the camera on it.
    pub fn set_camera(&self, setting: &CameraSetting) -> Result<()> {
        self.authorise(crate::staff::Permission::Maintain)?;
        if let Some([w, h]) = setting.resolution {
            if !CAMERA_RESOLUTIONS.contains(&(w, h)) {
                return Err(invalid(
                    "resolution",
                    "choose 640×480, 1280×720 or 1920×1080, or none for the camera's own",
                ));
            }
        }
        let text = serde_json::to_string(setting)
            .map_err(|e| crate::error::EngineError::Corrupt(e.to_string()))?;
        self.store.set_local_setting(CAMERA_SETTING, &text)
    }

    /// True when this build can open a webcam.
    pub fn has_camera_support() -> bool {
        cfg!(feature = "camera")
    }
}

/// What a screen is told when the scanner reads something or the camera
/// changes: a card already turned into its customer, or why it was refused.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScanNotice {
    /// A card was read and its customer found.
    Customer {
        /// From the frame's arrival to the code decoded, in milliseconds.
        latency_ms: f64,
        /// The card and its customer (boxed: it is most of the notice's size).
        scanned: Box<super::ScannedCustomer>,
    },
    /// A code was read and refused: forged, revoked, another shop's, a till
    /// not known yet, not a card (`error.code` says which).
    Refused {
        /// From the frame's arrival to the code decoded, in milliseconds.
        latency_ms: f64,
        /// The code as read.
        code: String,
        /// The code when it is a card code (`CP1.…`): a pre-printed card not
        /// handed over yet is refused as unknown, and an open enrolment form
        /// takes it as the card handed over.
        card: Option<String>,
        /// Why.
        error: crate::error::ErrorReport,
    },
    /// A shop's pairing QR (`counterpart-pair:URL#CODE`) was read: the join
    /// form takes its parts; it is never looked up as a card.
    Pairing {
        /// The pairing code, for the form's code field.
        code: String,
        /// The server's address the QR carries, for the form's server field.
        server: Option<String>,
    },
    /// The camera's state changed.
    Camera(CameraNow),
}

/// How the camera is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CameraState {
    /// The camera is being opened.
    Starting,
    /// Frames are coming.
    Running,
    /// No camera, or it is busy or was unplugged: the scanner retries.
    Unavailable,
    /// A replay ran out of frames.
    Ended,
}

impl CameraState {
    /// True when a person may start the camera again from the screen.
    pub fn can_retry(self) -> bool {
        matches!(self, CameraState::Unavailable | CameraState::Ended)
    }
}

/// The camera's state as a screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CameraNow {
    /// Its state.
    pub state: CameraState,
    /// The camera's name, or what went wrong.
    pub detail: String,
    /// A retry is offered (see [`CameraState::can_retry`]).
    pub retry: bool,
}

impl CameraNow {
    /// The camera in `state`, with `detail`.
    pub fn new(state: CameraState, detail: String) -> CameraNow {
        CameraNow {
            state,
            detail,
            retry: state.can_retry(),
        }
    }
}

/// The camera settings screen's facts: the webcams this machine has, the
/// manager's choice, the camera's state now, and whether recorded frames play
/// instead of a webcam (the demo, a till with no webcam).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CameraOverview {
    /// The webcams found.
    pub cameras: Vec<CameraChoice>,
    /// The manager's choice, if any.
    pub setting: Option<CameraSetting>,
    /// The camera now.
    pub now: CameraNow,
    /// Recorded frames play in place of a webcam.
    pub replay: bool,
}

impl Commands {
    /// What to tell the screen of a scanner event: a code is looked up here,
    /// so the screen gets the customer (or the refusal) with the read.
    pub fn scan_notice(&self, event: ScanEvent) -> ScanNotice {
        use crate::scan::CameraStatus;
        match event {
            ScanEvent::Code { text, .. }
                if text.starts_with(crate::card_code::PAIRING_QR_PREFIX) =>
            {
                let (server, code) =
                    super::pairing::pairing_qr_parts(&text).unwrap_or_else(|| (None, text.clone()));
                ScanNotice::Pairing { code, server }
            }
            ScanEvent::Code { text, latency } => {
                let latency_ms = latency.as_secs_f64() * 1e3;
                match self.scan(&text) {
                    Ok(scanned) => ScanNotice::Customer {
                        latency_ms,
                        scanned: Box::new(scanned),
                    },
                    Err(e) => ScanNotice::Refused {
                        latency_ms,
                        card: crate::card_code::has_prefix(text.trim()).then(|| text.clone()),
                        code: text,
                        error: crate::error::ErrorReport::from(&e),
                    },
                }
            }
            ScanEvent::Status(status) => {
                let (state, detail) = match status {
                    CameraStatus::Running(name) => (CameraState::Running, name),
                    CameraStatus::Unavailable(why) => (CameraState::Unavailable, why),
                    CameraStatus::Ended => (CameraState::Ended, String::new()),
                };
                ScanNotice::Camera(CameraNow::new(state, detail))
            }
        }
    }
}

/// A keyboard-wedge scanner as the screen sees it: keys with the screen's
/// times. Bursts are told from typing by the engine's [`WedgeReader`].
#[derive(Debug)]
pub struct Wedge {
    reader: crate::scan::WedgeReader,
    /// The instant the screen's `0 ms` stands for.
    origin: std::time::Instant,
}

impl Default for Wedge {
    fn default() -> Self {
        Wedge {
            reader: crate::scan::WedgeReader::default(),
            origin: std::time::Instant::now(),
        }
    }
}

impl Commands {
    /// Feeds the keys a screen saw since its last call. A scanner's burst that
    /// Enter ends is a card read: its customer, or why the card is refused.
    /// `None` when the keys were a person typing (the screen keeps them).
    pub fn wedge_keys(
        &self,
        wedge: &mut Wedge,
        keys: &[super::WedgeKey],
    ) -> Result<Option<super::ScannedCustomer>> {
        let mut read = None;
        for k in keys {
            let key = match k.key.as_str() {
                "Enter" => '\n',
                one => {
                    let mut chars = one.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => c,
                        // Shift, F-keys and the like: not part of a code.
                        _ => continue,
                    }
                }
            };
            // Checked: a time past what a clock can hold (the screen's
            // clock is a page's, milliseconds since it loaded) is refused,
            // never added into an overflow.
            let at = (k.at_ms >= 0.0)
                .then(|| std::time::Duration::try_from_secs_f64(k.at_ms / 1e3).ok())
                .flatten()
                .and_then(|since| wedge.origin.checked_add(since))
                .ok_or_else(|| invalid("at_ms", "key times are milliseconds from 0"))?;
            if let Some(code) = wedge.reader.key(key, at) {
                read = Some(code);
            }
        }
        read.map(|code| self.scan(&code)).transpose()
    }
}

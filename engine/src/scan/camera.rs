//! The webcam, through nokhwa (Video4Linux on Linux). Frames are converted to
//! 8-bit grey by nokhwa, from MJPEG or YUYV, whichever the camera sends.
//!
//! A camera that is absent, busy or unplugged mid-session is an error the scanner
//! shows as a status and retries; nokhwa calls are isolated so that a panic in a
//! driver binding is a broken frame, never a crash.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use nokhwa::pixel_format::LumaFormat;
use nokhwa::utils::{ApiBackend, CameraIndex, RequestedFormat, RequestedFormatType, Resolution};
use nokhwa::Camera;

use super::frames::{Frame, FrameSource, SourceError};

/// A camera the machine has.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CameraInfo {
    /// Its index, to choose it.
    pub index: u32,
    /// Its name.
    pub name: String,
}

/// The cameras the machine has (none is an empty list, not an error).
pub fn list_cameras() -> Vec<CameraInfo> {
    let found = catch_unwind(|| nokhwa::query(ApiBackend::Auto))
        .ok()
        .and_then(Result::ok);
    found
        .unwrap_or_default()
        .into_iter()
        .filter_map(|c| match c.index() {
            CameraIndex::Index(i) => Some(CameraInfo {
                index: *i,
                name: c.human_name(),
            }),
            CameraIndex::String(_) => None,
        })
        .collect()
}

/// What to ask the camera for.
#[derive(Debug, Clone, Copy, Default)]
pub struct CameraRequest {
    /// Resolution, e.g. (1280, 720); the highest frame rate otherwise.
    pub resolution: Option<(u32, u32)>,
    /// Frame rate, e.g. 30.
    pub fps: Option<u32>,
}

/// A webcam as a frame source. It opens lazily and reopens after a failure.
pub struct CameraSource {
    index: u32,
    request: CameraRequest,
    camera: Option<Camera>,
}

impl CameraSource {
    /// The camera at `index` (see [`list_cameras`]).
    pub fn new(index: u32, request: CameraRequest) -> CameraSource {
        CameraSource {
            index,
            request,
            camera: None,
        }
    }

    fn classify(message: &str) -> SourceError {
        let m = message.to_ascii_lowercase();
        if m.contains("busy") || m.contains("in use") {
            SourceError::Busy
        } else if m.contains("no such device") || m.contains("not found") || m.contains("no device")
        {
            SourceError::Absent
        } else {
            SourceError::Broken(message.to_string())
        }
    }

    fn open(&mut self) -> Result<(), SourceError> {
        if !list_cameras().iter().any(|c| c.index == self.index) {
            return Err(SourceError::Absent);
        }
        let format = match (self.request.resolution, self.request.fps) {
            (Some((w, h)), _) => RequestedFormatType::HighestResolution(Resolution::new(w, h)),
            (None, Some(fps)) => RequestedFormatType::HighestFrameRate(fps),
            (None, None) => RequestedFormatType::AbsoluteHighestFrameRate,
        };
        let index = self.index;
        let opened = catch_unwind(move || {
            let mut camera = Camera::new(
                CameraIndex::Index(index),
                RequestedFormat::new::<LumaFormat>(format),
            )?;
            camera.open_stream()?;
            Ok::<_, nokhwa::NokhwaError>(camera)
        })
        .map_err(|_| SourceError::Broken("the camera driver failed".into()))?
        .map_err(|e| Self::classify(&e.to_string()))?;
        self.camera = Some(opened);
        Ok(())
    }
}

impl FrameSource for CameraSource {
    fn next_frame(&mut self) -> Result<Option<Frame>, SourceError> {
        if self.camera.is_none() {
            self.open()?;
        }
        let Some(camera) = self.camera.as_mut() else {
            return Err(SourceError::Absent);
        };
        let grabbed = catch_unwind(AssertUnwindSafe(|| {
            let buffer = camera.frame()?;
            buffer.decode_image::<LumaFormat>()
        }));
        match grabbed {
            Ok(Ok(image)) => {
                let (width, height) = image.dimensions();
                Ok(Some(Frame {
                    luma: image.into_raw(),
                    width,
                    height,
                    arrived: Instant::now(),
                }))
            }
            // The stream broke: most often the camera was unplugged. Reopen on the next call.
            Ok(Err(e)) => {
                self.camera = None;
                let err = Self::classify(&e.to_string());
                Err(if let SourceError::Broken(_) = err {
                    SourceError::Unplugged
                } else {
                    err
                })
            }
            Err(_) => {
                self.camera = None;
                Err(SourceError::Broken("the camera driver failed".into()))
            }
        }
    }

    fn describe(&self) -> String {
        format!("camera {}", self.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On a machine without a camera (CI, these development machines) the list is
    /// empty and opening is a clear `Absent`, not a panic.
    #[test]
    fn no_camera_is_absent_not_a_crash() {
        if !list_cameras().is_empty() {
            return; // a machine with a camera: nothing to check here
        }
        let mut source = CameraSource::new(0, CameraRequest::default());
        assert_eq!(
            source.next_frame().map(|f| f.is_some()),
            Err(SourceError::Absent)
        );
        assert_eq!(
            source.next_frame().map(|f| f.is_some()),
            Err(SourceError::Absent)
        );
    }
}

//! Reading QR codes: frame sources, the decoder, the scanner threads, and USB
//! keyboard-wedge scanners.

#[cfg(feature = "camera")]
pub mod camera;
mod decode;
pub mod frames;
pub mod scanner;
pub mod wedge;

pub use decode::{
    decode_image_file, decode_luma, decode_luma_in_order, load_luma, Decoded, DecoderEngine,
};
pub use frames::{Frame, FrameSource, ReplaySource, SourceError};
pub use scanner::{CameraStatus, Preview, ScanEvent, Scanner, ScannerConfig};
pub use wedge::WedgeReader;

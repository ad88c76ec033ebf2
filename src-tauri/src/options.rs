//! The app's command line: where the till's database is and which camera to
//! use. A shop starts it with none of these.

use std::path::PathBuf;

/// Counterpart at the counter.
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "counterpart-till", version, about)]
pub struct Options {
    /// The till's database (default: the app's data folder).
    #[arg(long, env = "COUNTERPART_DB")]
    pub db: Option<PathBuf>,
    /// Start on the demo shop (set up on first start), with a replayed camera
    /// holding demo cards up.
    #[arg(long)]
    pub demo: bool,
    /// Play a folder of camera frames instead of a webcam.
    #[arg(long, env = "COUNTERPART_REPLAY")]
    pub replay: Option<PathBuf>,
    /// Frames per second of the replayed camera.
    #[arg(long, default_value_t = 10.0)]
    pub replay_fps: f64,
    /// The webcam to use, by its index (default: the one chosen in the
    /// settings, else the first).
    #[arg(long, env = "COUNTERPART_CAMERA")]
    pub camera: Option<u32>,
    /// Where reports are saved as files (default: a Counterpart folder in
    /// the documents folder, else in the app's data folder).
    #[arg(long, env = "COUNTERPART_EXPORTS")]
    pub exports: Option<PathBuf>,
    /// Seconds between sync rounds.
    #[arg(long, env = "COUNTERPART_SYNC_EVERY", default_value_t = 15)]
    pub sync_every: u64,
}

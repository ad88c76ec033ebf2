//! The app's state: the command layer (as whoever is signed in), the
//! keyboard-wedge reader, the camera and the sync loop.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use anyhow::Context as _;
use counterpart_engine::command::{
    CameraSetting, Commands, FrameSourceChoice, SyncNoticeForScreen, Wedge,
};
use counterpart_engine::sync::Syncer;
use tauri::{AppHandle, Emitter as _};

use crate::camera::Camera;
use crate::options::Options;

/// Everything the Tauri commands reach.
pub struct Till {
    /// The command layer, as the person signed in (replaced on sign-in/out).
    commands: Mutex<Commands>,
    /// Keys from the screen, for scanners in keyboard mode.
    pub wedge: Arc<Mutex<Wedge>>,
    /// The scanner and its frames.
    pub camera: Camera,
    /// The background sync loop.
    pub syncer: Syncer,
    /// Where reports are saved as files.
    pub exports: PathBuf,
}

/// A lock whose holder panicked still guards consistent data here (each
/// field is replaced whole), so it is taken over rather than poisoning the app.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The till's database: the one named on the command line, else the demo
/// shop's or the till's in the app's data folder.
pub fn db_path(options: &Options, data_dir: &Path) -> PathBuf {
    options.db.clone().unwrap_or_else(|| {
        data_dir.join(if options.demo {
            "demo-shop.db"
        } else {
            "till.db"
        })
    })
}

impl Till {
    /// Starts the till over its opened database (setting up the demo shop
    /// when asked): the camera and the sync loop, telling the screen what
    /// they report.
    pub fn start(
        options: &Options,
        data_dir: &Path,
        exports: PathBuf,
        app: AppHandle,
        commands: Commands,
    ) -> anyhow::Result<Till> {
        // The folder holds the till's database (its token and signing key) and
        // the camera's settings: nobody else on the machine lists or reads it.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Err(e) =
                std::fs::set_permissions(data_dir, std::fs::Permissions::from_mode(0o700))
            {
                tracing::warn!(dir = %data_dir.display(), error = %e, "the data folder could not be made owner-only");
            }
        }
        let source = if options.demo {
            let demo = commands
                .demo_shop(&data_dir.join("demo-frames"))
                .context("cannot set up the demo shop")?;
            FrameSourceChoice::Replay {
                dir: demo.frames,
                fps: demo.fps,
                looped: true,
            }
        } else if let Some(dir) = &options.replay {
            FrameSourceChoice::Replay {
                dir: dir.clone(),
                fps: options.replay_fps,
                looped: true,
            }
        } else if let Some(index) = options.camera {
            FrameSourceChoice::Camera {
                index,
                resolution: None,
            }
        } else {
            // The manager's choice from the settings, else the first webcam.
            commands
                .camera_setting()
                .context("cannot read the camera setting")?
                .unwrap_or(CameraSetting {
                    index: 0,
                    resolution: None,
                })
                .source()
        };
        let camera = Camera::start(commands.clone(), source, app.clone());

        let observer_app = app.clone();
        let syncer = commands.start_sync(
            Duration::from_secs(options.sync_every.max(1)),
            Box::new(move |notice| {
                let notice = SyncNoticeForScreen::from(notice);
                if let Err(e) = observer_app.emit("sync", notice) {
                    tracing::warn!("could not tell the screen of a sync round: {e}");
                }
            }),
        );
        Ok(Till {
            commands: Mutex::new(commands),
            wedge: Arc::new(Mutex::new(Wedge::default())),
            camera,
            syncer,
            exports,
        })
    }

    /// The command layer as the person signed in now.
    pub fn commands(&self) -> Commands {
        lock(&self.commands).clone()
    }

    /// Acts as someone else from now on (signed in or out).
    pub fn act_as(&self, commands: Commands) {
        *lock(&self.commands) = commands;
    }
}

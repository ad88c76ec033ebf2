//! Starting when the till's database cannot be opened: instead of a crash
//! before any window, the app starts into the recovery screen, which says
//! what happened and offers the ways back the engine knows
//! (`counterpart_engine::store::recovery`): try again, restore a backup, or
//! set the damaged file aside and start empty (then join the shop again and
//! pull everything back). Once the till opens, it is managed like at a normal
//! start and the screens go on as usual.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use counterpart_engine::clock::SystemClock;
use counterpart_engine::command::Commands;
use counterpart_engine::error::EngineError;
use counterpart_engine::store::recovery::{self, StartupProblem};
use tauri::{AppHandle, Manager as _, State};

use crate::commands::Answer;
use crate::options::Options;
use crate::till::{lock, Till};

/// Daily backups kept beside the database.
const BACKUPS_KEPT: usize = 7;

/// What the app needs to open the till, and what stopped it last time.
pub struct Startup {
    options: Options,
    data_dir: PathBuf,
    exports: PathBuf,
    db: PathBuf,
    app: AppHandle,
    /// What stopped the till opening; `None` once it is open.
    problem: Mutex<Option<StartupProblem>>,
    /// Held while an attempt runs: two clicks open the till once.
    attempt: Mutex<()>,
}

impl Startup {
    pub fn new(options: Options, data_dir: PathBuf, exports: PathBuf, app: AppHandle) -> Startup {
        let db = crate::till::db_path(&options, &data_dir);
        Startup {
            options,
            data_dir,
            exports,
            db,
            app,
            problem: Mutex::new(None),
            attempt: Mutex::new(()),
        }
    }

    /// Opens the till and hands it to the commands, or keeps what stopped it
    /// for the recovery screen. Answers that problem (`None`: open).
    pub fn try_open(&self) -> Option<StartupProblem> {
        let _turn = lock(&self.attempt);
        if self.app.try_state::<Till>().is_some() {
            return None;
        }
        let outcome = self.open();
        let problem = match outcome {
            Ok(till) => {
                self.app.manage(till);
                None
            }
            Err(e) => {
                let problem = recovery::diagnose(&self.db, &e);
                tracing::error!(db = %self.db.display(), kind = ?problem.kind, "the till could not open its database: {e}");
                Some(problem)
            }
        };
        lock(&self.problem).clone_from(&problem);
        problem
    }

    fn open(&self) -> Result<Till, EngineError> {
        std::fs::create_dir_all(&self.data_dir)?;
        let commands = Commands::open(&self.db, std::sync::Arc::new(SystemClock))?;
        tracing::info!(db = %self.db.display(), "till opened");
        let till = Till::start(
            &self.options,
            &self.data_dir,
            self.exports.clone(),
            self.app.clone(),
            commands.clone(),
        )
        .map_err(|e| EngineError::Internal(format!("{e:#}")))?;
        // Today's backup, off the start's path: what the recovery screen
        // restores from another day.
        std::thread::spawn(move || match commands.daily_backup(BACKUPS_KEPT) {
            Ok(Some(path)) => tracing::info!(path = %path.display(), "wrote the daily backup"),
            Ok(None) => {}
            Err(e) => tracing::warn!("could not write the daily backup: {e}"),
        });
        Ok(till)
    }

    /// What stops the till now, if anything.
    pub fn problem(&self) -> Option<StartupProblem> {
        lock(&self.problem).clone()
    }

    fn db(&self) -> &Path {
        &self.db
    }
}

/// What stopped the till opening its database at start (`null`: it is open).
#[tauri::command]
pub async fn startup_problem(startup: State<'_, Startup>) -> Answer<Option<StartupProblem>> {
    Ok(startup.problem())
}

/// Tries opening the database again (space freed, permissions fixed).
#[tauri::command]
pub async fn recovery_retry(app: AppHandle) -> Answer<Option<StartupProblem>> {
    attempt(app, |_| Ok(())).await
}

/// Sets the damaged database aside (kept beside it) and starts an empty till.
#[tauri::command]
pub async fn recovery_set_aside(app: AppHandle) -> Answer<Option<StartupProblem>> {
    attempt(app, |db| {
        recovery::set_aside(db, counterpart_engine::clock::Clock::now(&SystemClock))?;
        Ok(())
    })
    .await
}

/// Sets the damaged database aside and puts `backup` (one of the backups the
/// problem lists) in its place.
#[tauri::command]
pub async fn recovery_restore(app: AppHandle, backup: String) -> Answer<Option<StartupProblem>> {
    attempt(app, move |db| {
        recovery::restore(
            db,
            Path::new(&backup),
            counterpart_engine::clock::Clock::now(&SystemClock),
        )?;
        Ok(())
    })
    .await
}

/// Runs `fix` on the database's path, then tries to open the till, on a
/// blocking thread (a migration may take a while).
async fn attempt(
    app: AppHandle,
    fix: impl FnOnce(&Path) -> counterpart_engine::Result<()> + Send + 'static,
) -> Answer<Option<StartupProblem>> {
    crate::commands::blocking(move || {
        let startup = app.state::<Startup>();
        if startup.problem().is_none() && app.try_state::<Till>().is_some() {
            return Ok(None);
        }
        fix(startup.db())?;
        Ok(startup.try_open())
    })
    .await
}

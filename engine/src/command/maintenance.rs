//! A manager's housekeeping: checking a program file, rebuilding the
//! projections, backing up, the demo shop, and reading QR codes from files.

use crate::staff::Permission;
use std::path::Path;

use super::Commands;
use crate::error::Result;
use crate::program::{parse_program, Program};
use crate::store::RebuildReport;

impl Commands {
    /// Checks a program and reports every problem (nothing is stored).
    pub fn check_program(source: &str) -> Result<Program> {
        Ok(parse_program(source)?)
    }

    /// Recomputes every projection from the ledger; with `repair`, replaces
    /// those that differ.
    pub fn rebuild(&self, repair: bool, progress: impl FnMut(u64, u64)) -> Result<RebuildReport> {
        self.authorise(Permission::Maintain)?;
        let report = self.store.rebuild(repair, progress)?;
        if report.repaired {
            self.store.note_manager_action(
                "rebuild",
                &format!(
                    "repaired {} differing projection(s)",
                    report.differences.len()
                ),
            )?;
        }
        Ok(report)
    }

    /// Writes a consistent copy of the database to `dest` (which must not
    /// exist), even while the till runs; answers its size in bytes.
    pub fn backup(&self, dest: &Path) -> Result<u64> {
        self.authorise(Permission::Maintain)?;
        let bytes = self.store.backup(dest)?;
        self.store
            .note_manager_action("backup", &format!("backed up to {}", dest.display()))?;
        Ok(bytes)
    }

    /// The app's own backup of the day, in the `backups` folder beside the
    /// database, keeping the newest `keep` (what the recovery screen restores
    /// from). Nobody asks for it, so no permission is checked; it writes no
    /// event. Answers the new file, or `None` when today's exists.
    pub fn daily_backup(&self, keep: usize) -> Result<Option<std::path::PathBuf>> {
        let dir = crate::store::recovery::backup_dir(self.store.path());
        self.store.daily_backup(&dir, keep)
    }

    /// Fills the till with a realistic shop's history.
    #[cfg(feature = "demo")]
    pub fn demo_data(
        &self,
        spec: crate::demo::DemoSpec,
        progress: impl FnMut(u64, u64),
    ) -> Result<crate::demo::DemoReport> {
        self.authorise(Permission::Maintain)?;
        let report = crate::demo::generate(&self.store, spec, progress)?;
        self.store.note_manager_action(
            "demo_data",
            &format!("generated {} demo events", report.events),
        )?;
        Ok(report)
    }
}

/// What one image file held.
#[cfg(feature = "scan")]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DecodedImage {
    /// The file.
    pub file: String,
    /// The QR's text, or none found.
    pub text: Option<String>,
    /// Decode time in ms, without loading the file (none when it could not be read).
    pub ms: Option<f64>,
    /// Why the file could not be read.
    pub error: Option<String>,
}

#[cfg(feature = "scan")]
impl Commands {
    /// Reads QR codes from image files and folders of them (PNG, JPEG; a
    /// folder's files in name order). One unreadable file does not stop the
    /// others: it is named in its line.
    pub fn decode_images(paths: &[std::path::PathBuf]) -> Result<Vec<DecodedImage>> {
        let mut images = Vec::new();
        for p in paths {
            if p.is_dir() {
                let mut found: Vec<std::path::PathBuf> = std::fs::read_dir(p)?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| {
                        f.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                            matches!(e.to_ascii_lowercase().as_str(), "png" | "jpg" | "jpeg")
                        })
                    })
                    .collect();
                found.sort();
                images.extend(found);
            } else {
                images.push(p.clone());
            }
        }
        Ok(images
            .into_iter()
            .map(|image| {
                let file = image.display().to_string();
                match crate::scan::decode_image_file(&image) {
                    Ok((decoded, ms)) => DecodedImage {
                        file,
                        text: decoded.map(|d| d.text),
                        ms: Some((ms * 1000.0).round() / 1000.0),
                        error: None,
                    },
                    Err(e) => DecodedImage {
                        file,
                        text: None,
                        ms: None,
                        error: Some(e.to_string()),
                    },
                }
            })
            .collect())
    }
}

//! A consistent copy of the store while the till keeps running.

use std::path::Path;

use super::{connect, Store};
use crate::error::{EngineError, Result};

impl Store {
    infrastructure! {
        /// Writes a consistent, compacted copy of the database to `dest` with
        /// `VACUUM INTO`, on a connection of its own: it reads one snapshot, WAL keeps
        /// the till writing meanwhile, and no half-written file is left under the
        /// final name.
        fn backup(&self, dest: &Path) -> Result<u64> {
            if dest.exists() {
                return Err(EngineError::invalid(
                    "destination",
                    format!("{} exists already; choose a new file name", dest.display()),
                ));
            }
            let tmp = dest.with_extension("partial");
            let _ = std::fs::remove_file(&tmp);
            // Created owner-only and empty, which `VACUUM INTO` accepts and fills:
            // a backup holds the till's secrets like the database does.
            if let Err(e) = super::keep_private(&tmp) {
                tracing::warn!(path = %tmp.display(), error = %e, "the backup could not be made owner-only");
            }
            let tmp_text = tmp
                .to_str()
                .ok_or_else(|| EngineError::invalid("destination", "the path must be valid UTF-8"))?;
            let reader = connect(&self.path)?;
            reader.execute("VACUUM INTO ?", [tmp_text])?;
            drop(reader);
            std::fs::rename(&tmp, dest)?;
            Ok(std::fs::metadata(dest)?.len())
        }
    }
}

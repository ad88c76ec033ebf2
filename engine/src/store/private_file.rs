//! Files that hold secrets are readable by their owner only.
//!
//! The till's database holds its device token and signing key; its WAL holds
//! recent pages of it, and a backup all of it. SQLite creates the WAL and the
//! shared-memory file with the database's own permissions, so creating the
//! database owner-only (and tightening one made before) is enough for those;
//! a backup is created owner-only before `VACUUM INTO` fills it.

use std::path::{Path, PathBuf};

/// The files SQLite keeps beside a database at `path`.
fn companions(path: &Path) -> [PathBuf; 2] {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [with("-wal"), with("-shm")]
}

/// Creates `path` empty and owner-only when it is missing, and takes group
/// and other permissions off it and its WAL files when they are there (a
/// database made before this rule). A no-op where permissions are not Unix's.
pub fn keep_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        for file in std::iter::once(path.to_path_buf()).chain(companions(path)) {
            let Ok(meta) = std::fs::metadata(&file) else {
                continue;
            };
            let mode = meta.permissions().mode();
            if mode & 0o077 != 0 {
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode & 0o700))?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (path, companions);
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn a_new_file_is_the_owners_and_an_old_one_is_tightened() {
        let dir = tempfile::tempdir().expect("dir");
        let new = dir.path().join("new.db");
        keep_private(&new).expect("create");
        assert_eq!(mode(&new), 0o600);
        assert_eq!(std::fs::metadata(&new).expect("meta").len(), 0);

        let old = dir.path().join("old.db");
        std::fs::write(&old, b"kept").expect("write");
        let wal = dir.path().join("old.db-wal");
        std::fs::write(&wal, b"").expect("write");
        for file in [&old, &wal] {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
        keep_private(&old).expect("tighten");
        assert_eq!((mode(&old), mode(&wal)), (0o600, 0o600));
        assert_eq!(
            std::fs::read(&old).expect("read"),
            b"kept",
            "content untouched"
        );
    }
}

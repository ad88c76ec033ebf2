//! Helpers for the tests of this crate and of those that build on it (the
//! feature `testing`): situations a till meets that a test must stage.

use std::path::{Path, PathBuf};

/// Makes a folder impossible to write in, even for root (the tests run as
/// root here and in CI, and root ignores permission bits): the immutable flag
/// where the file system has one, else permissions. Undone on drop.
pub struct ReadOnlyDir(PathBuf);

impl ReadOnlyDir {
    /// Locks `dir`; panics when neither way works here (a test that cannot
    /// stage its situation must fail, not pass without it).
    pub fn new(dir: &Path) -> ReadOnlyDir {
        let flagged = std::process::Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        if !flagged {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                if let Err(e) =
                    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500))
                {
                    panic!("chmod {}: {e}", dir.display());
                }
            }
        }
        assert!(
            std::fs::File::create(dir.join("probe")).is_err(),
            "could not make {} read-only (neither chattr +i nor chmod works here)",
            dir.display()
        );
        ReadOnlyDir(dir.to_path_buf())
    }
}

impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .status();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o700));
        }
    }
}

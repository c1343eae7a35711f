//! A folder of its own under the system's temporary folder for one test helper (a browser profile, an
//! nginx root), removed when dropped, so no test run leaves anything behind.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

pub struct TempFolder(PathBuf);

impl TempFolder {
    /// A new, empty folder named after `kind`, this process and a serial number.
    pub fn new(kind: &str) -> TempFolder {
        static SERIAL: AtomicUsize = AtomicUsize::new(0);
        let serial = SERIAL.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("portal-{kind}-{}-{serial}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("create {}: {error}", dir.display()));
        TempFolder(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFolder {
    /// Retries a moment while a process that used the folder (Chromium's last helpers) may still write.
    fn drop(&mut self) {
        for _ in 0..20 {
            if std::fs::remove_dir_all(&self.0).is_ok() || !self.0.exists() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

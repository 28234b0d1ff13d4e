//! Ctrl-C and termination signals: an interrupted run removes the temporary files of its
//! unfinished outputs before it ends, so it leaves nothing behind (earlier outputs stay as they
//! were, as after any failed run).
//!
//! Every temporary output file is created through [`create_tracked`], which notes its path, and
//! forgotten by dropping its [`Tracked`] guard once it is renamed over its target or discarded.
//! The signal handler takes the same lock, removes every file still noted and exits while
//! holding it, so no temporary can be created or noted behind its back.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The exit code of a run ended by a signal, as shells report Ctrl-C: 128 + SIGINT.
const INTERRUPTED: i32 = 130;

/// The temporary files being written now.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes the temporary files on Ctrl-C (and on SIGTERM and SIGHUP), then exits with 130.
/// Without a handler (one could not be set), a signal ends the run as it would by default.
pub(crate) fn install() {
    let _ = ctrlc::set_handler(on_interrupt);
}

fn on_interrupt() {
    let live = live();
    for path in live.iter() {
        let _ = fs::remove_file(path);
    }
    let _ = writeln!(io::stderr().lock(), "stemkit: interrupted");
    // Exits with the lock held: a worker about to create or rename a temporary waits for it.
    std::process::exit(INTERRUPTED);
}

/// The list of live temporaries; a panic while it was held (which cannot leave it half
/// changed) does not stop the clean-up.
fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A temporary file noted for removal on interrupt, until the guard is dropped.
#[derive(Debug)]
pub(crate) struct Tracked(PathBuf);

impl Drop for Tracked {
    fn drop(&mut self) {
        let mut live = live();
        if let Some(index) = live.iter().position(|path| *path == self.0) {
            live.swap_remove(index);
        }
    }
}

/// Creates a temporary file with `create` and notes it, both under the lock, so that an
/// interrupt removes it if it still exists then.
pub(crate) fn create_tracked<T>(
    create: impl FnOnce() -> io::Result<T>,
    path_of: impl FnOnce(&T) -> &Path,
) -> io::Result<(T, Tracked)> {
    let mut live = live();
    let file = create()?;
    let path = path_of(&file).to_owned();
    live.push(path.clone());
    Ok((file, Tracked(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_is_noted_until_its_guard_drops() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let (file, guard) = create_tracked(
            || tempfile::NamedTempFile::new_in(directory.path()),
            |file| file.path(),
        )
        .expect("created");
        assert!(live().contains(&file.path().to_owned()));
        drop(guard);
        assert!(!live().contains(&file.path().to_owned()));
    }

    #[test]
    fn a_failed_creation_notes_nothing() {
        let missing = Path::new("/nonexistent/stemkit/directory");
        let made = create_tracked(|| tempfile::NamedTempFile::new_in(missing), |f| f.path());
        assert!(made.is_err());
        assert!(!live().iter().any(|path| path.starts_with(missing)));
    }
}

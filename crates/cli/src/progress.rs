//! A progress bar on standard error, shown only when it is a terminal and the run lasts: quick
//! runs and redirected runs print nothing but errors.

use std::io::{self, IsTerminal, Read};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before its progress is shown.
const QUIET_PERIOD: Duration = Duration::from_secs(1);

/// Counts documents (or records, or words) and bytes; thread-safe, cheap to update.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    shown: AtomicBool,
    started: Instant,
    done: AtomicU64,
    unit: &'static str,
}

impl Progress {
    /// Progress over `total_bytes` (when known), counting finished items as `unit`s.
    pub(crate) fn new(unit: &'static str, total_bytes: Option<u64>) -> Self {
        let bar = io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(total_bytes, ProgressDrawTarget::hidden());
            let template = match total_bytes {
                Some(_) => {
                    "{spinner} {msg} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta}"
                }
                None => "{spinner} {msg} {bytes} {binary_bytes_per_sec} {elapsed}",
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message(format!("0 {unit}"));
            bar
        });
        Progress {
            bar,
            shown: AtomicBool::new(false),
            started: Instant::now(),
            done: AtomicU64::new(0),
            unit,
        }
    }

    /// Records `bytes` more input read.
    pub(crate) fn add_bytes(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            self.show_if_long(bar);
        }
    }

    /// Records `count` more items finished.
    pub(crate) fn add_done(&self, count: u64) {
        let done = self.done.fetch_add(count, Ordering::Relaxed) + count;
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{done} {}", self.unit));
            self.show_if_long(bar);
        }
    }

    /// Wraps `reader` so that what it reads counts as progress.
    pub(crate) fn reader<R: Read>(&self, reader: R) -> ProgressReader<'_, R> {
        ProgressReader {
            inner: reader,
            progress: self,
        }
    }

    fn show_if_long(&self, bar: &ProgressBar) {
        if !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() > QUIET_PERIOD
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Drop for Progress {
    /// Clears the bar, so that error messages and the shell prompt start on a clean line.
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A reader that reports the bytes it reads to a [`Progress`].
pub(crate) struct ProgressReader<'a, R> {
    inner: R,
    progress: &'a Progress,
}

impl<R: Read> Read for ProgressReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.progress.add_bytes(read as u64);
        Ok(read)
    }
}

/// Sum of the known sizes, or `None` if any is unknown.
pub(crate) fn total_size(sizes: impl IntoIterator<Item = Option<u64>>) -> Option<u64> {
    sizes.into_iter().sum()
}

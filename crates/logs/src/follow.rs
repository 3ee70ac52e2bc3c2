//! Following a growing log as `tail -F` does: new complete lines become a
//! `Batch`; a file renamed away and replaced (logrotate's default) is read
//! to its end and the new one followed from its start; a truncated file
//! (`copytruncate`) is followed from its start again. Idle, the follower
//! sleeps between polls (a quarter of a second by default), so it costs no
//! CPU between lines.
//!
//! From a background thread, batches go through a channel:
//!
//! ```no_run
//! # use std::sync::{Arc, atomic::AtomicBool, mpsc};
//! let stop = Arc::new(AtomicBool::new(false));
//! let (tx, rx) = mpsc::channel();
//! let flag = stop.clone();
//! std::thread::spawn(move || {
//!     let options = httpdex_logs::Options::default();
//!     httpdex_logs::follow("access.log".as_ref(), &options, &flag, |batch| tx.send(batch).is_ok())
//! });
//! for batch in rx { /* total.merge(batch.stats) ... */ }
//! ```

use std::collections::VecDeque;
use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::format::{DetectError, detect};
use crate::parse::{Line, Parser};
use crate::stats::{Scanner, Stats, StatusKey};
use crate::time::Seconds;
use crate::{Analysis, Error, Options};

/// How long an idle follower sleeps between looks at the file.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);
/// Bytes read per batch at most, so a backlog comes in steps.
const MAX_BATCH: usize = 8 << 20;
/// Error lines a batch keeps for "latest errors".
const RECENT: usize = 20;
/// Lines to wait for before giving up on telling the format.
const DETECT_LINES: usize = 10;

/// The lines added since the previous batch.
#[derive(Debug, Clone)]
pub struct Batch {
    /// Their counts: merge them into a running total with `Stats::merge`.
    /// Line numbers count from the start of the file being followed.
    pub stats: Stats,
    /// The last error lines (4xx and up) that passed the filters, oldest first.
    pub recent: Vec<Recent>,
    /// The file was replaced or truncated since the previous batch.
    pub rotated: bool,
}

/// One error line, for a list of the latest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recent {
    pub status: StatusKey,
    pub path: Option<Vec<u8>>,
    pub time: Option<Seconds>,
}

/// Follows one file; `poll` for what is new, or `run` until stopped.
#[derive(Debug)]
pub struct Follower {
    path: PathBuf,
    options: Options,
    file: File,
    identity: (u64, u64),
    offset: u64,
    pending: Vec<u8>,
    parser: Option<Parser>,
    /// Lines consumed from the current file, for line numbers.
    lines: u64,
}

/// Follows `path` from its current end, calling `on_batch` with each batch
/// until `stop` is set or `on_batch` returns false.
pub fn follow(
    path: &Path,
    options: &Options,
    stop: &AtomicBool,
    on_batch: impl FnMut(Batch) -> bool,
) -> Result<(), Error> {
    let mut follower = Follower::from_end(path, options.clone())?;
    follower.run(stop, POLL_INTERVAL, on_batch)
}

impl Follower {
    /// From the start of the file: every line so far is the first batch.
    pub fn from_start(path: &Path, options: Options) -> io::Result<Follower> {
        Follower::open(path, options, 0, None)
    }

    /// From the file's end as it is now (`tail -f`).
    pub fn from_end(path: &Path, options: Options) -> io::Result<Follower> {
        let len = fs::metadata(path)?.len();
        Follower::open(path, options, len, None)
    }

    /// From where an `analyze_path` of the same file stopped, with the
    /// format it found (and the IIS field layout in force there).
    pub fn after(path: &Path, options: Options, analysis: &Analysis) -> io::Result<Follower> {
        let mut follower = Follower::open(path, options, analysis.bytes, analysis.parser.clone())?;
        follower.lines = analysis.stats.lines_in_file();
        Ok(follower)
    }

    fn open(
        path: &Path,
        options: Options,
        offset: u64,
        parser: Option<Parser>,
    ) -> io::Result<Follower> {
        let mut file = File::open(path)?;
        let identity = identity(&file.metadata()?);
        file.seek(SeekFrom::Start(offset))?;
        Ok(Follower {
            path: path.to_path_buf(),
            options,
            file,
            identity,
            offset,
            pending: Vec::new(),
            parser,
            lines: 0,
        })
    }

    /// Polls until `stop` is set or `on_batch` returns false, sleeping
    /// `interval` whenever nothing is new.
    pub fn run(
        &mut self,
        stop: &AtomicBool,
        interval: Duration,
        mut on_batch: impl FnMut(Batch) -> bool,
    ) -> Result<(), Error> {
        while !stop.load(Ordering::Relaxed) {
            match self.poll()? {
                Some(batch) => {
                    if !on_batch(batch) {
                        break;
                    }
                }
                None => std::thread::sleep(interval),
            }
        }
        Ok(())
    }

    /// Reads what was added since the last call: `None` when nothing was.
    pub fn poll(&mut self) -> Result<Option<Batch>, Error> {
        let mut rotated = false;
        if self.read_more()? == 0 {
            rotated = self.check_rotation()?;
            if rotated {
                self.read_more()?;
            }
        }
        let complete = memchr::memrchr(b'\n', &self.pending).map_or(0, |nl| nl + 1);
        let lines = &self.pending[..complete];
        if self.parser.is_none() && complete > 0 {
            let field = self.options.status_field.as_deref();
            let format = match (self.options.format, detect(lines, field)) {
                (Some(forced), _) => Some(forced),
                (None, Ok(found)) => found,
                (None, Err(DetectError::Unknown(_))) if line_count(lines) < DETECT_LINES => {
                    return Ok(None);
                }
                (None, Err(e)) => return Err(e.into()),
            };
            self.parser = format.map(|f| Parser::new(f, field));
        }
        if complete == 0 && !rotated {
            return Ok(None);
        }
        let batch = self.batch(complete, rotated);
        Ok(Some(batch))
    }

    fn batch(&mut self, complete: usize, rotated: bool) -> Batch {
        let lines: Vec<u8> = self.pending.drain(..complete).collect();
        let Some(parser) = self.parser.clone() else {
            // Blank lines only: nothing to tell the format by yet.
            self.lines += line_count(&lines) as u64;
            return Batch {
                stats: Stats::default(),
                recent: Vec::new(),
                rotated,
            };
        };
        let recent = recent_errors(parser.clone(), &lines, &self.options);
        let mut scanner = Scanner::new(parser, &self.options);
        scanner.scan(&lines, 0);
        let mut stats = scanner.stats;
        self.lines += stats.place_parts(self.lines);
        self.parser = Some(scanner.parser);
        Batch {
            stats,
            recent,
            rotated,
        }
    }

    /// Appends what the file has past the offset (up to a batch's worth).
    fn read_more(&mut self) -> io::Result<usize> {
        let start = self.pending.len();
        let limit = MAX_BATCH as u64;
        let read = (&mut self.file)
            .take(limit)
            .read_to_end(&mut self.pending)?;
        self.offset += read as u64;
        debug_assert_eq!(self.pending.len(), start + read);
        Ok(read)
    }

    /// A new file at the path (rotation) or a shorter one (truncation):
    /// follow it from its start. A path that is gone for now is waited for.
    fn check_rotation(&mut self) -> io::Result<bool> {
        let Ok(meta) = fs::metadata(&self.path) else {
            return Ok(false);
        };
        if identity(&meta) != self.identity {
            let Ok(file) = File::open(&self.path) else {
                return Ok(false);
            };
            // The old file's last line, even without its line break.
            if !self.pending.is_empty() && !self.pending.ends_with(b"\n") {
                self.pending.push(b'\n');
            }
            self.identity = identity(&file.metadata()?);
            self.file = file;
        } else if meta.len() < self.offset {
            self.file.seek(SeekFrom::Start(0))?;
            self.pending.clear();
        } else {
            return Ok(false);
        }
        self.offset = 0;
        self.lines = 0;
        Ok(true)
    }
}

/// How much of a log's end is read for its latest errors.
const TAIL: u64 = 256 << 10;

/// The latest error lines of a log as `analysis` read it, oldest first:
/// what a dashboard shows before anything new arrives. Read from the last
/// 256 KiB of a plain file; a compressed log or one read from a pipe has
/// none to show.
pub fn latest_errors(path: &Path, analysis: &Analysis, options: &Options) -> Vec<Recent> {
    let Some(parser) = analysis.parser.clone() else {
        return Vec::new();
    };
    let tail = || -> io::Result<Vec<u8>> {
        let mut file = File::open(path)?;
        let meta = file.metadata()?;
        let end = analysis.bytes.min(meta.len());
        let mut magic = [0u8; 2];
        if !meta.is_file()
            || (file.read_exact(&mut magic).is_ok() && magic == crate::read::GZIP_MAGIC)
        {
            return Ok(Vec::new());
        }
        let start = end.saturating_sub(TAIL);
        file.seek(SeekFrom::Start(start))?;
        let mut bytes = Vec::new();
        file.take(end - start).read_to_end(&mut bytes)?;
        // A read that starts inside a line starts after it.
        if start > 0 {
            let first = memchr::memchr(b'\n', &bytes).map_or(bytes.len(), |i| i + 1);
            bytes.drain(..first);
        }
        Ok(bytes)
    };
    tail().map_or_else(
        |_| Vec::new(),
        |bytes| recent_errors(parser, &bytes, options),
    )
}

/// The last error lines that pass the filters, oldest first.
fn recent_errors(mut parser: Parser, lines: &[u8], options: &Options) -> Vec<Recent> {
    let mut recent = VecDeque::with_capacity(RECENT);
    for line in lines.split(|&c| c == b'\n') {
        let Line::Record(r) = parser.parse(line) else {
            continue;
        };
        if r.status < 400 || !options.statuses.accepts(r.status, r.substatus) {
            continue;
        }
        let time = r.time.seconds();
        if !options.range.is_open() && !time.is_some_and(|t| options.range.contains(t)) {
            continue;
        }
        if recent.len() == RECENT {
            recent.pop_front();
        }
        recent.push_back(Recent {
            status: StatusKey {
                code: r.status,
                substatus: r.substatus,
            },
            path: r.target.path().map(<[u8]>::to_vec),
            time,
        });
    }
    recent.into()
}

fn line_count(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// Without inode numbers only truncation is noticed.
#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> (u64, u64) {
    (0, 0)
}

#[cfg(test)]
#[path = "follow_tests.rs"]
mod tests;

//! Reading access logs: which statuses a server answered, how often, for
//! which paths and when. No UI and no catalog lookups: the CLI and the TUI
//! resolve each status through the catalog with the origin its format
//! implies (`Format::origin`) and draw what they need.
//!
//! - Formats (`Format`) are detected from a log's first lines or forced:
//!   nginx/Apache combined and common (with or without a virtual host),
//!   IIS W3C extended, AWS ALB and Classic ELB, Cloudflare, Caddy and any
//!   JSON lines with a status field.
//! - Parsers (`parse`) are pure functions over a line's bytes; a line that
//!   does not fit is counted as unreadable, never a panic or a stop.
//! - A whole log is read (`analyze_path`, `analyze_reader`) in parallel
//!   chunks over a memory map, or streamed (standard input, gzip), with
//!   memory bounded whatever the log's size.
//! - A growing log is followed (`Follower`, `follow`) in batches of new
//!   lines, through rotation and truncation.

mod filter;
mod follow;
mod format;
pub mod parse;
mod paths;
mod read;
pub mod report;
mod stats;
mod stream;
pub mod time;
mod timeline;

use std::fmt;
use std::io;

pub use filter::{StatusFilter, TimeRange};
pub use follow::{Batch, Follower, POLL_INTERVAL, Recent, follow, latest_errors};
pub use format::{DetectError, Format, detect};
pub use paths::TopPaths;
pub use read::{Analysis, analyze_bytes, analyze_path};
pub use stats::{Stats, StatusKey};
pub use stream::analyze_reader;
pub use timeline::{CLASSES, Counts, Timeline, class_index};

/// How to read a log and what to count.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The format, when not detected.
    pub format: Option<Format>,
    /// The status field of JSON lines, dotted for nested objects.
    pub status_field: Option<String>,
    /// Count only these statuses.
    pub statuses: StatusFilter,
    /// Count only lines from this time range.
    pub range: TimeRange,
    /// Count statuses only: no top paths, no timeline (the fastest read).
    pub summary_only: bool,
}

/// Why a log could not be read at all.
#[derive(Debug)]
pub enum Error {
    Io(io::Error),
    Format(DetectError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => e.fmt(f),
            Error::Format(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Io(e)
    }
}

impl From<DetectError> for Error {
    fn from(e: DetectError) -> Error {
        Error::Format(e)
    }
}

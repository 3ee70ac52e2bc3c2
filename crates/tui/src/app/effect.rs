//! What `update` asks of the world (`Effect`) and what background jobs
//! bring back to it (`JobResult`): data only; the runner acts on them.

use super::{CheckFeed, LogFeed, StopFlag};
use httpdex_platform::state::RoundRecord;

/// Work for the runner: things update() may not do itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put `text` on the system clipboard, as a job with a deadline; `what`
    /// names it in the status line.
    Copy { text: String, what: String },
    /// The system clipboard failed (`why`): send `text` through the
    /// terminal (OSC 52) instead, from the UI thread.
    CopyThroughTerminal {
        text: String,
        what: String,
        why: String,
    },
    /// Record a finished quiz round in the state file.
    SaveRound(RoundRecord),
    /// Open a link in the user's browser, as a job; copy it where none opens.
    OpenUrl(String),
    /// Check a URL's redirect chain, as a job whose hops come back one by one.
    CheckUrl(String),
    /// Read the log at `path`, then follow it until `stop` is set.
    FollowLog {
        path: std::path::PathBuf,
        stop: StopFlag,
    },
    /// Give the terminal back to the shell and stop until continued.
    Suspend,
}

/// What a background job brings back to `App::receive`.
#[derive(Debug, Clone)]
pub enum JobResult {
    /// A copy to the system clipboard finished, failed or timed out.
    Copied {
        text: String,
        what: String,
        outcome: Result<(), String>,
    },
    /// The browser was asked to open `url`: with what, or why not.
    Opened {
        url: String,
        outcome: Result<String, String>,
    },
    /// A followed log's contents, new lines or failure.
    Log(LogFeed),
    /// A URL check's hops as they arrive, then its findings.
    Check(CheckFeed),
}

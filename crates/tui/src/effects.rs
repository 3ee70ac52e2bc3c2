//! Carrying out what `App::update` asks for: the clipboard, the state
//! file, suspending, and the slow or outside work that runs as jobs
//! (copying, opening links, checking URLs, following logs) whose results
//! come back through the runner.

use std::io;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::app::{App, Effect, JobResult};
use crate::runner::Runner;
use httpdex_catalog::Catalog;
use httpdex_platform::clipboard::{Clipboard, copy_through_terminal};
use httpdex_platform::state::Store;

/// How long the system clipboard may take before the copy goes through
/// the terminal instead: a display that accepts and never answers must not
/// freeze the app.
pub(crate) const COPY_DEADLINE: Duration = Duration::from_secs(2);

/// How long opening a link may take before the URL is copied instead.
pub const OPEN_DEADLINE: Duration = Duration::from_secs(5);

/// The system clipboard, shared with the copy jobs. A job that is stuck on
/// a silent display keeps the lock, so later copies see it busy and use the
/// terminal instead of queueing behind it.
pub type SharedClipboard = Arc<Mutex<Box<dyn Clipboard>>>;

pub fn shared_clipboard(clipboard: impl Clipboard + 'static) -> SharedClipboard {
    Arc::new(Mutex::new(Box::new(clipboard)))
}

/// What effects act on: the world outside the app.
pub struct Io<'a> {
    pub clipboard: SharedClipboard,
    pub store: Option<&'a Store>,
    /// Where slow effects run as jobs; their results come back through it.
    pub runner: &'a Runner,
    /// Stops the process until it is continued, with the terminal handed
    /// back meanwhile (`suspend_to_shell`; tests pass a stand-in).
    pub suspend: fn() -> io::Result<()>,
    /// Set after a suspension: the screen must be redrawn whole.
    pub resumed: bool,
    /// What may reach beyond this machine (`NETWORK`); tests pass
    /// stand-ins, so no random key in a test can open a page or a socket.
    pub network: Network,
}

/// The effects that go beyond this machine: opening a link in the
/// browser, and checking a URL (each called on a job's thread).
#[derive(Clone, Copy)]
pub struct Network {
    pub open: fn(&str) -> Result<String, String>,
    pub check: fn(&Catalog, &str, &dyn Fn(JobResult) -> bool),
}

/// The real thing: the platform's opener and `httpdex check`'s follower.
pub const NETWORK: Network = Network {
    open: httpdex_platform::opener::open,
    check: check_url,
};

/// Carries out what update() asked for; failures become status messages.
/// Slow work (the system clipboard) starts a job and returns at once.
pub fn perform_effects(app: &mut App, io: &mut Io) {
    for effect in std::mem::take(&mut app.effects) {
        match effect {
            Effect::Copy { text, what } => {
                let clipboard = Arc::clone(&io.clipboard);
                let timed_out = JobResult::Copied {
                    text: text.clone(),
                    what: what.clone(),
                    outcome: Err(format!(
                        "the system clipboard did not answer within {} s",
                        COPY_DEADLINE.as_secs()
                    )),
                };
                io.runner.spawn(COPY_DEADLINE, timed_out, move || {
                    let outcome = match clipboard.try_lock() {
                        Ok(mut clipboard) => clipboard.copy(&text),
                        Err(_) => Err("the system clipboard is busy with an earlier copy".into()),
                    };
                    JobResult::Copied {
                        text,
                        what,
                        outcome,
                    }
                });
            }
            Effect::CopyThroughTerminal { text, what, why } => {
                let result = copy_through_terminal(&text).map_err(|e| e.to_string());
                app.copied_through_terminal(&what, &why, result);
            }
            Effect::OpenUrl(url) => {
                let timed_out = JobResult::Opened {
                    url: url.clone(),
                    outcome: Err("the browser did not start in time".into()),
                };
                let open = io.network.open;
                io.runner.spawn(OPEN_DEADLINE, timed_out, move || {
                    let outcome = open(&url);
                    JobResult::Opened { url, outcome }
                });
            }
            Effect::CheckUrl(url) => {
                let (catalog, check) = (Arc::clone(&app.catalog), io.network.check);
                io.runner
                    .spawn_feed(move |send| check(&catalog, &url, send));
            }
            Effect::FollowLog { path, stop } => {
                io.runner
                    .spawn_feed(move |send| follow_log(&path, &stop.0, send));
            }
            Effect::Suspend => match (io.suspend)() {
                Ok(()) => io.resumed = true,
                Err(e) => app.status = Some(format!("Could not suspend: {e}")),
            },
            Effect::SaveRound(record) => {
                let result = match io.store {
                    Some(store) => {
                        let mut new_best = false;
                        store
                            .update(|s| new_best = s.record_round(&record))
                            .map(|state| (state, new_best))
                    }
                    None => Err("no state directory on this system".to_string()),
                };
                app.round_saved(result);
            }
        }
    }
}

/// The job behind the Check screen: checks `url`, sending each hop as it
/// arrives and then the findings.
#[cfg(feature = "check")]
fn check_url(catalog: &Catalog, url: &str, send: &dyn Fn(JobResult) -> bool) {
    use crate::app::{CheckFeed, CheckHop};
    let options = httpdex_check::Options::default();
    let mut on_hop = |hop: &httpdex_check::Hop| {
        send(JobResult::Check(CheckFeed::Hop(CheckHop {
            status: hop.status,
            url: hop.url.clone(),
            entry: hop.entry.clone(),
            name: hop.name.clone().unwrap_or_default(),
            summary: hop.summary.clone().unwrap_or_default(),
            location: hop.resolved.clone(),
            millis: hop.total_ms,
        })));
    };
    let chain = httpdex_check::check_watching(catalog, url, &options, &mut on_hop);
    let findings = chain
        .findings
        .iter()
        .map(|f| (format!("{:?}", f.level).to_lowercase(), f.message.clone()))
        .collect();
    let failure = chain.failure.map(|f| f.message);
    send(JobResult::Check(CheckFeed::Done { findings, failure }));
}

/// Without the `check` feature the screen says so instead.
#[cfg(not(feature = "check"))]
fn check_url(_: &Catalog, _: &str, send: &dyn Fn(JobResult) -> bool) {
    let failure = Some("this httpdex was built without the check feature".to_string());
    let findings = Vec::new();
    send(JobResult::Check(crate::app::CheckFeed::Done {
        findings,
        failure,
    }));
}

/// The job behind the Logs screen: reads the log, then follows it from
/// where the read stopped, sending what it finds until told to stop or
/// the app is gone.
fn follow_log(
    path: &std::path::Path,
    stop: &std::sync::atomic::AtomicBool,
    send: &dyn Fn(JobResult) -> bool,
) {
    use crate::app::LogFeed;
    use httpdex_logs::{Follower, Options, POLL_INTERVAL, analyze_path, latest_errors};
    let options = Options::default();
    let failed = |why: String| send(JobResult::Log(LogFeed::Failed(why)));
    let analysis = match analyze_path(path, &options) {
        Ok(analysis) => analysis,
        Err(e) => {
            failed(format!("{}: {e}", path.display()));
            return;
        }
    };
    let recent = latest_errors(path, &analysis, &options);
    let follower = Follower::after(path, options, &analysis);
    if !send(JobResult::Log(LogFeed::Loaded(Box::new(analysis), recent))) {
        return;
    }
    let result = follower
        .map_err(httpdex_logs::Error::from)
        .and_then(|mut f| {
            f.run(stop, POLL_INTERVAL, |batch| {
                send(JobResult::Log(LogFeed::Batch(
                    Box::new(batch),
                    Instant::now(),
                )))
            })
        });
    if let Err(e) = result {
        failed(format!("{}: {e}", path.display()));
    }
}

//! The interactive browser of httpdex: terminal set-up, the event loop,
//! tear-down, the key table, the screens and the effects (clipboard, state
//! file) that `App::update` asks for.

pub mod action;
pub mod app;
pub mod help;
mod hints;
pub mod keymap;
pub mod layout;
pub mod runner;
mod view;

use std::io;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use crossterm::execute;

use action::Action;
use app::{App, Effect, JobResult, QuizSettings};
use httpdex_catalog::Catalog;
use httpdex_core::theme::Theme;
use httpdex_platform::clipboard::{Clipboard, SystemClipboard, copy_through_terminal};
use httpdex_platform::state::Store;
use runner::{Message, Runner};

/// How the browser starts.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// A query typed in (`-q`).
    pub query: Option<String>,
    /// Start in the quiz (`httpdex quiz`).
    pub quiz: Option<QuizSettings>,
    /// A problem to show on the status line (a broken extension file).
    pub warning: Option<String>,
    /// Start on the Logs screen, following this access log
    /// (`httpdex logs FILE --follow` on a terminal).
    pub logs: Option<std::path::PathBuf>,
}

/// Runs the browser until the user quits. The terminal is restored on
/// return, on error and on panic (ratatui's hook, plus mouse capture here).
pub fn run(catalog: Arc<Catalog>, launch: Launch) -> io::Result<()> {
    install_panic_hook();
    let mut terminal = ratatui::try_init()?;
    let clipboard = shared_clipboard(SystemClipboard::default());
    let result = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste).and_then(|()| {
        let size = terminal.size()?;
        let mut app = App::new(catalog, Theme::from_env(), (size.width, size.height));
        app.entropy = clock_entropy();
        let store = Store::locate();
        if let Some(store) = &store {
            let loaded = store.load();
            app.restore_state(loaded.state);
            app.status = loaded.warning;
        }
        if launch.warning.is_some() {
            app.status = launch.warning.clone();
        }
        if let Some(q) = &launch.query {
            app = app.with_query(q);
        }
        if let Some(settings) = launch.quiz {
            app.start_quiz(settings, app.entropy);
        }
        if let Some(path) = launch.logs {
            app.open_logs(Some(path));
        }
        let result = event_loop(&mut terminal, &mut app, store.as_ref(), &clipboard);
        Ok((result, app, store))
    });
    restore();
    // A copy stuck on a silent display keeps the lock: skip it then.
    if let Ok(mut clipboard) = clipboard.try_lock() {
        clipboard.keep_after_exit();
    }
    let (result, app, store) = result?;
    if let Some(store) = &store
        && let Err(why) = remember_snippet_lang(&app, store)
    {
        eprintln!("httpdex: the snippet stack was not remembered: {why}");
    }
    result
}

/// Saves the snippet stack shown last, once at exit rather than at every
/// press of `l` (each save is a locked, fsynced write).
/// Nothing is written, and nothing can be lost, unless `l` or `L` chose
/// a stack in this session.
pub fn remember_snippet_lang(app: &App, store: &Store) -> Result<(), String> {
    if !app.browse.detail.lang_chosen {
        return Ok(());
    }
    let slug = app.browse.detail.lang.slug();
    if store.load().state.snippet_lang.as_deref() == Some(slug) {
        return Ok(());
    }
    store
        .update(|s| s.snippet_lang = Some(slug.to_string()))
        .map(|_| ())
}

/// `HTTPDEX_CRASH_TEST=1` panics at the first event: the end-to-end tests
/// use it to prove a crash still restores the terminal.
fn crash_test_requested() -> bool {
    std::env::var_os("HTTPDEX_CRASH_TEST").is_some_and(|v| v == "1")
}

fn clock_entropy() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

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

/// Draws, then sleeps on the runner's channel until a message arrives:
/// a terminal event, a job's result, or the quiz clock's next second.
/// Every message already queued is handled before the next draw, so a
/// paste or a burst of keys costs one frame and none is left unread.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    store: Option<&Store>,
    clipboard: &SharedClipboard,
) -> io::Result<()> {
    let runner = Runner::new();
    runner.listen_to_terminal();
    restore_on_signals(runner.sender());
    let mut io = Io {
        clipboard: Arc::clone(clipboard),
        store,
        runner: &runner,
        suspend: suspend_to_shell,
        resumed: false,
        network: NETWORK,
    };
    let mut clock: Option<(u64, Instant)> = None;
    let crash_test = crash_test_requested();
    // What the start asked for (a log to follow) runs before the first wait.
    perform_effects(app, &mut io);
    terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
    while !app.should_quit {
        clock = match (app.quiz_clock(), clock) {
            (Some(round), Some((r, started))) if r == round => Some((r, started)),
            (Some(round), _) => Some((round, Instant::now())),
            (None, _) => None,
        };
        let wake_after = clock.map(|(_, started)| {
            Duration::from_millis(1000 - started.elapsed().subsec_millis() as u64)
        });
        let mut message = runner.next(wake_after);
        if message.is_none()
            && let Some((_, started)) = clock
        {
            app.update(Action::Tick(started.elapsed().as_secs()));
        }
        while let Some(m) = message.take() {
            if crash_test && matches!(m, Message::Terminal(_)) {
                panic!("crash test requested by HTTPDEX_CRASH_TEST");
            }
            handle(app, m)?;
            perform_effects(app, &mut io);
            message = runner.pending();
        }
        if std::mem::take(&mut io.resumed) {
            // Terminal::clear would ask the terminal for the cursor, whose
            // reply the reader thread would take: clear by hand and blank
            // the last frame so that the next draw repaints every cell.
            execute!(
                io::stdout(),
                crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
            )?;
            terminal.swap_buffers();
        }
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
    }
    Ok(())
}

/// One message into the app.
fn handle(app: &mut App, message: Message) -> io::Result<()> {
    match message {
        // A paste is one message however long: one search, one frame.
        Message::Terminal(Event::Paste(text)) => app.paste(&text),
        Message::Terminal(event) => {
            if let Some(action) = keymap::action_for(&event, app.context()) {
                app.update(action);
            }
        }
        Message::Job(result) => app.receive(result),
        Message::Suspend => app.update(Action::Suspend),
        Message::TerminalGone(why) => {
            return Err(io::Error::other(format!("the terminal is gone ({why})")));
        }
    }
    Ok(())
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
    use app::{CheckFeed, CheckHop};
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
    send(JobResult::Check(app::CheckFeed::Done { findings, failure }));
}

/// The job behind the Logs screen: reads the log, then follows it from
/// where the read stopped, sending what it finds until told to stop or
/// the app is gone.
fn follow_log(
    path: &std::path::Path,
    stop: &std::sync::atomic::AtomicBool,
    send: &dyn Fn(JobResult) -> bool,
) {
    use app::LogFeed;
    use httpdex_logs::{Follower, Options, POLL_INTERVAL, analyze_path};
    let options = Options::default();
    let failed = |why: String| send(JobResult::Log(LogFeed::Failed(why)));
    let analysis = match analyze_path(path, &options) {
        Ok(analysis) => analysis,
        Err(e) => {
            failed(format!("{}: {e}", path.display()));
            return;
        }
    };
    let follower = Follower::after(path, options, &analysis);
    if !send(JobResult::Log(LogFeed::Loaded(Box::new(analysis)))) {
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

/// Undoes everything `run` turned on. Safe to call more than once, and
/// from the signal thread, where no destructor will show the cursor.
fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Runs inside ratatui's hook (installed by `try_init` after this one),
/// which has already left raw mode and the alternate screen: mouse capture
/// is ours to undo, then a short report replaces the default dump.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let _ = execute!(
            io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            crossterm::cursor::Show
        );
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "httpdex crashed: {message}{location}\nThe terminal has been restored. This is a bug: please report it with the steps that led here."
        );
    }));
}

/// Every signal whose default action ends the process would leave the
/// terminal raw: restore it first, then exit as the signal would. SIGTSTP
/// (a `kill -TSTP`; Ctrl-Z itself arrives as a key in raw mode) becomes a
/// message, so the UI thread suspends with the terminal in a known state.
#[cfg(unix)]
fn restore_on_signals(wake: std::sync::mpsc::Sender<Message>) {
    use signal_hook::consts::*;
    let ending = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ];
    let Ok(mut signals) = signal_hook::iterator::Signals::new(ending.iter().chain(&[SIGTSTP]))
    else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGTSTP {
                let _ = wake.send(Message::Suspend);
                continue;
            }
            restore();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn restore_on_signals(_wake: std::sync::mpsc::Sender<Message>) {}

/// Ctrl-Z: hands the terminal back, stops the process as SIGTSTP would,
/// and on `fg` (SIGCONT) takes the terminal again; the caller redraws.
#[cfg(unix)]
pub fn suspend_to_shell() -> io::Result<()> {
    restore();
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

#[cfg(not(unix))]
pub fn suspend_to_shell() -> io::Result<()> {
    Ok(())
}

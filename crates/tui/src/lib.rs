//! The interactive browser of httpdex: terminal set-up, reading the
//! terminal's input, the event loop, tear-down, the key table, the screens and the effects (clipboard, state
//! file) that `App::update` asks for.

pub mod action;
pub mod app;
mod effects;
pub mod help;
mod hints;
mod input;
pub mod keymap;
pub mod layout;
pub mod runner;
mod terminal;
mod view;

pub use effects::{
    Io, NETWORK, Network, OPEN_DEADLINE, SharedClipboard, perform_effects, shared_clipboard,
};
pub use terminal::suspend_to_shell;
use terminal::{install_panic_hook, restore, restore_on_signals};

use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{EnableBracketedPaste, EnableMouseCapture, Event};
use crossterm::execute;

use action::Action;
use app::{App, QuizSettings};
use httpdex_catalog::Catalog;
use httpdex_core::theme::Theme;
use httpdex_platform::clipboard::SystemClipboard;
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

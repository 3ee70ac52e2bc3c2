//! The interactive browser of httpdex: terminal set-up, the event loop,
//! tear-down, the key table, the screens and the effects (clipboard, state
//! file) that `App::update` asks for.

pub mod action;
pub mod app;
pub mod keymap;
pub mod view;

use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;

use action::Action;
use app::{App, Effect, QuizSettings};
use httpdex_catalog::Catalog;
use httpdex_core::theme::Theme;
use httpdex_platform::clipboard::{Clipboard, CopyMethod, SystemClipboard};
use httpdex_platform::state::Store;

/// How the browser starts.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// A query typed in (`-q`).
    pub query: Option<String>,
    /// Start in the quiz (`httpdex quiz`).
    pub quiz: Option<QuizSettings>,
    /// A problem to show on the status line (a broken extension file).
    pub warning: Option<String>,
}

/// What effects act on: the world outside the app.
pub struct Io<'a> {
    pub clipboard: &'a mut dyn Clipboard,
    pub store: Option<&'a Store>,
}

/// Runs the browser until the user quits. The terminal is restored on
/// return, on error and on panic (ratatui's hook, plus mouse capture here).
pub fn run(catalog: Arc<Catalog>, launch: Launch) -> io::Result<()> {
    install_panic_hook();
    let mut terminal = ratatui::try_init()?;
    restore_on_signals();
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|()| {
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
        let result = event_loop(&mut terminal, &mut app, store.as_ref());
        Ok((result, app, store))
    });
    restore();
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
pub fn remember_snippet_lang(app: &App, store: &Store) -> Result<(), String> {
    let slug = app.snippet_lang.slug();
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

/// Draws, then sleeps until an event arrives. Only a running quiz clock
/// wakes it, once a second; otherwise it blocks: no polling while idle.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    store: Option<&Store>,
) -> io::Result<()> {
    let mut clipboard = SystemClipboard::default();
    let mut clock: Option<(u64, Instant)> = None;
    let crash_test = crash_test_requested();
    terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
    while !app.should_quit {
        clock = match (app.quiz_clock(), clock) {
            (Some(round), Some((r, started))) if r == round => Some((r, started)),
            (Some(round), _) => Some((round, Instant::now())),
            (None, _) => None,
        };
        let action = match clock {
            _ if crash_test => {
                event::read()?;
                panic!("crash test requested by HTTPDEX_CRASH_TEST");
            }
            Some((_, started)) => {
                let elapsed = started.elapsed();
                let to_next_second = Duration::from_millis(1000 - elapsed.subsec_millis() as u64);
                if event::poll(to_next_second)? {
                    keymap::action_for(&event::read()?, app.context())
                } else {
                    Some(Action::Tick(started.elapsed().as_secs()))
                }
            }
            None => keymap::action_for(&event::read()?, app.context()),
        };
        if let Some(action) = action {
            app.update(action);
            let mut io = Io {
                clipboard: &mut clipboard,
                store,
            };
            perform_effects(app, &mut io);
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
    }
    Ok(())
}

/// Carries out what update() asked for; failures become status messages.
pub fn perform_effects(app: &mut App, io: &mut Io) {
    for effect in std::mem::take(&mut app.effects) {
        match effect {
            Effect::Copy { text, what } => {
                app.status = Some(match io.clipboard.copy(&text) {
                    Ok(CopyMethod::System) => format!("Copied {what}"),
                    Ok(CopyMethod::Osc52) => {
                        format!("Copied {what} (through the terminal, OSC 52)")
                    }
                    Err(why) => format!("Could not copy {what}: {why}"),
                });
            }
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

/// Undoes everything `run` turned on. Safe to call more than once, and
/// from the signal thread, where no destructor will show the cursor.
fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture, crossterm::cursor::Show);
    ratatui::restore();
}

/// Runs inside ratatui's hook (installed by `try_init` after this one),
/// which has already left raw mode and the alternate screen: mouse capture
/// is ours to undo, then a short report replaces the default dump.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, crossterm::cursor::Show);
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

/// SIGINT, SIGTERM and SIGHUP would otherwise kill the process with the
/// terminal still raw: restore it first, then exit as the signal would.
#[cfg(unix)]
fn restore_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn restore_on_signals() {}

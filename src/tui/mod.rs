//! The interactive browser: terminal set-up, the event loop, tear-down.

pub mod action;
pub mod app;
pub mod keymap;
pub mod view;

use std::io;
use std::sync::Arc;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;

use crate::catalog::Catalog;
use crate::clipboard::{Clipboard, CopyMethod, SystemClipboard};
use crate::theme::Theme;
use app::{App, Effect};

/// Runs the browser until the user quits. The terminal is restored on
/// return, on error and on panic (ratatui's hook, plus mouse capture here).
pub fn run(catalog: Arc<Catalog>, query: Option<&str>) -> io::Result<()> {
    install_panic_hook();
    let mut terminal = ratatui::try_init()?;
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|()| {
        let size = terminal.size()?;
        let mut app = App::new(catalog, Theme::from_env(), (size.width, size.height));
        if let Some(q) = query {
            app = app.with_query(q);
        }
        event_loop(&mut terminal, &mut app)
    });
    restore();
    result
}

/// Draws, then sleeps in `event::read` until something happens: no polling.
fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let mut clipboard = SystemClipboard::default();
    terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
    while !app.should_quit {
        let event = event::read()?;
        if let Some(action) = keymap::action_for(&event, app.context()) {
            app.update(action);
            perform_effects(app, &mut clipboard);
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
    }
    Ok(())
}

/// Carries out what update() asked for; failures become status messages.
pub fn perform_effects(app: &mut App, clipboard: &mut dyn Clipboard) {
    for effect in std::mem::take(&mut app.effects) {
        match effect {
            Effect::Copy { text, what } => {
                app.status = Some(match clipboard.copy(&text) {
                    Ok(CopyMethod::System) => format!("Copied {what}"),
                    Ok(CopyMethod::Osc52) => {
                        format!("Copied {what} (through the terminal, OSC 52)")
                    }
                    Err(why) => format!("Could not copy {what}: {why}"),
                });
            }
        }
    }
}

fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Mouse capture is ours to undo: ratatui's own hook (installed by
/// `try_init`, which runs after this one) restores raw mode and the screen.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}

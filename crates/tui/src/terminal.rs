//! The terminal around the app: restoring it on every way out (quit,
//! panic, signals), and handing it back on Ctrl-Z.

use std::io;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;

use crate::runner::Message;

/// Undoes everything `run` turned on. Safe to call more than once, and
/// from the signal thread, where no destructor will show the cursor.
pub(crate) fn restore() {
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
pub(crate) fn install_panic_hook() {
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
/// SIGWINCH becomes a resize event (the app reads the terminal itself, so
/// no one else turns it into one).
#[cfg(unix)]
pub(crate) fn restore_on_signals(wake: std::sync::mpsc::Sender<Message>) {
    use signal_hook::consts::*;
    let ending = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ];
    let Ok(mut signals) =
        signal_hook::iterator::Signals::new(ending.iter().chain(&[SIGTSTP, SIGWINCH]))
    else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGTSTP {
                let _ = wake.send(Message::Suspend);
                continue;
            }
            if signal == SIGWINCH {
                if let Ok((columns, rows)) = crossterm::terminal::size() {
                    let resize = crossterm::event::Event::Resize(columns, rows);
                    let _ = wake.send(Message::Terminal(resize));
                }
                continue;
            }
            restore();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
pub(crate) fn restore_on_signals(_wake: std::sync::mpsc::Sender<Message>) {}

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

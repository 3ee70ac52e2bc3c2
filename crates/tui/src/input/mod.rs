//! Reading the terminal. On Unix the app reads the terminal's bytes itself
//! and decodes them (`decode`, `csi`), so that no input can hold the keys
//! that follow it; window size changes come from SIGWINCH (`terminal`).
//! Elsewhere crossterm's reader does the work.

mod csi;
mod decode;

pub(crate) use decode::Decoder;

use std::sync::mpsc::Sender;

use crate::runner::Message;

/// Starts reading the terminal; each event becomes a message. The reading
/// stops at the first read error or end of input, after saying so: a
/// terminal that is gone must end the app, not leave it spinning.
#[cfg(unix)]
pub(crate) fn listen(sender: Sender<Message>) {
    use std::io::Read;
    use std::sync::mpsc::{self, RecvTimeoutError};

    // One thread blocks on the terminal; the other decodes, and wakes on
    // its own when a paste or a sequence has waited long enough.
    let (chunks, received) = mpsc::channel::<std::io::Result<(Vec<u8>, bool)>>();
    std::thread::spawn(move || {
        let mut source = terminal_source();
        let mut buffer = vec![0u8; 8192];
        loop {
            let read = match source.read(&mut buffer) {
                Ok(0) => Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "end of input",
                )),
                Ok(n) => Ok((buffer[..n].to_vec(), n == buffer.len())),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => Err(e),
            };
            let failed = read.is_err();
            if chunks.send(read).is_err() || failed {
                return;
            }
        }
    });
    std::thread::spawn(move || {
        let mut decoder = Decoder::default();
        let mut events = Vec::new();
        loop {
            let next = match decoder.deadline() {
                None => received.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(wait) => received.recv_timeout(wait),
            };
            let gone = match next {
                Ok(Ok((bytes, more))) => {
                    decoder.feed(&bytes, more, &mut events);
                    None
                }
                Err(RecvTimeoutError::Timeout) => {
                    decoder.timeout(&mut events);
                    None
                }
                Ok(Err(e)) => Some(e.to_string()),
                Err(RecvTimeoutError::Disconnected) => Some("the reader stopped".into()),
            };
            for event in events.drain(..) {
                if sender.send(Message::Terminal(event)).is_err() {
                    return;
                }
            }
            if let Some(why) = gone {
                let _ = sender.send(Message::TerminalGone(why));
                return;
            }
        }
    });
}

/// The controlling terminal, as crossterm's `use-dev-tty` reads it, so
/// that keys arrive even when standard input is redirected; standard
/// input when there is no controlling terminal.
#[cfg(unix)]
fn terminal_source() -> Box<dyn std::io::Read + Send> {
    match std::fs::File::open("/dev/tty") {
        Ok(tty) => Box::new(tty),
        Err(_) => Box::new(std::io::stdin()),
    }
}

#[cfg(not(unix))]
pub(crate) fn listen(sender: Sender<Message>) {
    std::thread::spawn(move || {
        loop {
            let message = match crossterm::event::read() {
                Ok(event) => Message::Terminal(event),
                Err(e) => Message::TerminalGone(e.to_string()),
            };
            let gone = matches!(message, Message::TerminalGone(_));
            if sender.send(message).is_err() || gone {
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests;

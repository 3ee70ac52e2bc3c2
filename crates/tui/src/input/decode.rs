//! Bytes from the terminal into events: keys, mouse reports, pastes.
//!
//! Ours rather than crossterm's because crossterm's parser keeps every
//! byte after a paste opener (`ESC[200~`) until the closer arrives, and
//! offers no timeout: one opener without its closer swallowed every later
//! key, Ctrl-C included. Here nothing waits for ever. A paste ends at its
//! closer or after a silence; an escape sequence that never completes is
//! dropped after a short wait, or at once when it grows past any real
//! sequence's length. What is inside a paste stays text, control bytes
//! included: a pasted Ctrl-C or escape sequence never acts as a key.
//!
//! The events are crossterm's types, decoded the way crossterm decodes
//! them (the same keys for the same bytes), so the key table is unchanged.

use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::csi;

const ESC: u8 = 0x1b;
pub(super) const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// How long a paste may go quiet before it counts as ended. A terminal
/// writes a paste at once; a gap this long means the closer is not coming.
pub(crate) const PASTE_SILENCE: Duration = Duration::from_millis(300);
/// How long the start of an escape sequence waits for the rest of it.
pub(crate) const SEQUENCE_WAIT: Duration = Duration::from_millis(50);
/// The most of one paste kept: the search takes 128 characters of it, a
/// URL box a few thousand; the rest is read and dropped.
const PASTE_CAP: usize = 1 << 20;
/// No key or mouse report is longer; a longer "sequence" is noise.
pub(super) const SEQUENCE_CAP: usize = 64;

/// What the bytes at the front of the buffer are.
#[derive(Debug, PartialEq)]
pub(super) enum Step {
    /// An event, and how many bytes it took.
    Event(Event, usize),
    /// Bytes that mean nothing to the app (an unknown sequence).
    Skip(usize),
    /// A paste opener of this many bytes.
    PasteStart(usize),
    /// The start of something: wait for more bytes.
    Incomplete,
}

/// The decoder's state between reads.
#[derive(Debug, Default)]
pub(crate) struct Decoder {
    /// Bytes not decoded yet: the start of a sequence or character.
    pending: Vec<u8>,
    /// Inside a bracketed paste: its text so far.
    paste: Option<Vec<u8>>,
}

impl Decoder {
    /// Decodes `bytes`, appending the events to `out`. `more` says that the
    /// read filled its buffer, so a lone Esc at the end may be the start of
    /// a sequence rather than the Esc key (crossterm's rule).
    pub(crate) fn feed(&mut self, bytes: &[u8], more: bool, out: &mut Vec<Event>) {
        self.pending.extend_from_slice(bytes);
        let mut at = 0;
        loop {
            if let Some(paste) = &mut self.paste {
                let rest = &self.pending[at..];
                match paste_end(rest) {
                    Some(end) => {
                        keep(paste, &rest[..end]);
                        out.push(paste_event(paste));
                        self.paste = None;
                        at += end + PASTE_END.len();
                    }
                    None => {
                        // The tail may be the start of a closer split
                        // across reads: keep it for the next read.
                        let take = rest.len() - partial_suffix(rest, PASTE_END);
                        keep(paste, &rest[..take]);
                        at += take;
                        break;
                    }
                }
                continue;
            }
            if at == self.pending.len() {
                break;
            }
            match step(&self.pending[at..], more) {
                Step::Event(event, n) => {
                    out.push(event);
                    at += n;
                }
                Step::Skip(n) => at += n,
                Step::PasteStart(n) => {
                    self.paste = Some(Vec::new());
                    at += n;
                }
                Step::Incomplete => break,
            }
        }
        self.pending.drain(..at);
    }

    /// How long to wait for more bytes before calling [`Decoder::timeout`];
    /// `None` when nothing is waiting for its rest.
    pub(crate) fn deadline(&self) -> Option<Duration> {
        if self.paste.is_some() {
            Some(PASTE_SILENCE)
        } else if !self.pending.is_empty() {
            Some(SEQUENCE_WAIT)
        } else {
            None
        }
    }

    /// The wait passed with no more bytes: a paste without its closer is
    /// the text received, a lone Esc is the Esc key, and the start of any
    /// other sequence is dropped. The decoder is then ready for keys.
    pub(crate) fn timeout(&mut self, out: &mut Vec<Event>) {
        let pending = std::mem::take(&mut self.pending);
        if let Some(mut paste) = self.paste.take() {
            keep(&mut paste, &pending);
            out.push(paste_event(&paste));
        } else if pending == [ESC] {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
    }
}

/// Where the paste's closer starts in `bytes`, if it is there.
fn paste_end(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = bytes[from..].iter().position(|&b| b == ESC) {
        let i = from + i;
        if bytes[i..].starts_with(PASTE_END) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// The length of the longest end of `bytes` that starts `marker`.
pub(super) fn partial_suffix(bytes: &[u8], marker: &[u8]) -> usize {
    (1..marker.len().min(bytes.len() + 1))
        .rev()
        .find(|&n| bytes.ends_with(&marker[..n]))
        .unwrap_or(0)
}

fn keep(paste: &mut Vec<u8>, bytes: &[u8]) {
    let room = PASTE_CAP.saturating_sub(paste.len());
    paste.extend_from_slice(&bytes[..bytes.len().min(room)]);
}

fn paste_event(bytes: &[u8]) -> Event {
    Event::Paste(String::from_utf8_lossy(bytes).into_owned())
}

pub(super) fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Decodes the event at the front of `bytes` (never empty).
pub(super) fn step(bytes: &[u8], more: bool) -> Step {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let one = |code, modifiers| Step::Event(key(code, modifiers), 1);
    match bytes[0] {
        ESC => escape(bytes, more),
        b'\r' => one(KeyCode::Enter, none),
        // In raw mode Enter sends \r; \n is Ctrl-J.
        b'\n' => one(KeyCode::Char('j'), ctrl),
        b'\t' => one(KeyCode::Tab, none),
        0x7f | 0x08 => one(KeyCode::Backspace, none),
        0x00 => one(KeyCode::Char(' '), ctrl),
        c @ 0x01..=0x1a => one(KeyCode::Char((c - 1 + b'a') as char), ctrl),
        c @ 0x1c..=0x1f => one(KeyCode::Char((c - 0x1c + b'4') as char), ctrl),
        _ => character(bytes),
    }
}

/// A UTF-8 character, Shift added for capitals as crossterm does.
fn character(bytes: &[u8]) -> Step {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Skip(1),
    };
    let available = &bytes[..len.min(bytes.len())];
    if available[1..].iter().any(|b| b & 0xc0 != 0x80) {
        return Step::Skip(1);
    }
    if available.len() < len {
        return Step::Incomplete;
    }
    match std::str::from_utf8(available)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Step::Event(key(KeyCode::Char(c), modifiers), len)
        }
        None => Step::Skip(1),
    }
}

/// Esc, Alt with a key, or a CSI or SS3 sequence.
fn escape(bytes: &[u8], more: bool) -> Step {
    let Some(&next) = bytes.get(1) else {
        return if more {
            Step::Incomplete
        } else {
            Step::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1)
        };
    };
    match next {
        b'[' => csi::decode(bytes),
        b'O' => csi::ss3(bytes),
        // Esc pressed twice, or Esc and then Ctrl-C: the Esc is a key of
        // its own, so that a control key is never read as an Alt chord.
        0x00..=0x1f => Step::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        _ => match step(&bytes[1..], more) {
            Step::Event(Event::Key(mut k), n) => {
                k.modifiers |= KeyModifiers::ALT;
                Step::Event(Event::Key(k), n + 1)
            }
            Step::Event(_, n) | Step::Skip(n) | Step::PasteStart(n) => Step::Skip(n + 1),
            Step::Incomplete => Step::Incomplete,
        },
    }
}

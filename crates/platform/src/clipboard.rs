//! Copying text: the system clipboard through arboard where a display
//! server is reachable, OSC 52 through the terminal otherwise (SSH, tmux,
//! consoles). Behind a trait so the app can be tested without either.

use std::io::{self, Write};

/// How a copy reached the clipboard, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyMethod {
    System,
    /// Written as an OSC 52 sequence: the terminal decides whether to honour it.
    Osc52,
}

/// The system clipboard (X11, Wayland). Copying may block on a display
/// that does not answer, so the TUI calls it from a background job with a
/// deadline and falls back to OSC 52 itself (see `write_osc52`).
pub trait Clipboard: Send {
    fn copy(&mut self, text: &str) -> Result<(), String>;
}

/// The real clipboard. arboard's handle is created on first use and kept
/// for the app's lifetime: on X11 the selection lives as long as it does.
#[derive(Default)]
pub struct SystemClipboard {
    arboard: Option<arboard::Clipboard>,
}

impl SystemClipboard {
    fn system(&mut self) -> Result<&mut arboard::Clipboard, String> {
        if self.arboard.is_none() {
            // Connecting without a display can block or fail slowly; look first.
            if !has_display() {
                return Err("no X11 or Wayland display".to_string());
            }
            self.arboard = Some(arboard::Clipboard::new().map_err(|e| e.to_string())?);
        }
        Ok(self.arboard.as_mut().expect("set above"))
    }
}

impl Clipboard for SystemClipboard {
    fn copy(&mut self, text: &str) -> Result<(), String> {
        // Over SSH a local display is the remote machine's: the user's
        // clipboard is only reachable through their terminal.
        if is_ssh() {
            return Err("over SSH the display is not yours".to_string());
        }
        self.system()?
            .set_text(text.to_string())
            .map_err(|e| e.to_string())
    }
}

/// Copies through the terminal (OSC 52), for when the system clipboard
/// failed: on the UI thread, so the sequence never lands inside a frame.
pub fn copy_through_terminal(text: &str) -> io::Result<()> {
    write_osc52(&mut io::stdout(), text, in_tmux())
}

/// For one-shot commands: copies so that the text outlives this process.
/// On X11 the selection dies with its owner, so a short-lived child
/// (`httpdex __hold-clipboard`) takes it and serves it until another
/// program takes the clipboard.
pub fn copy_detached(text: &str) -> Result<CopyMethod, String> {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    if has_display() && !is_ssh() {
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let spawned = Command::new(exe)
            .arg("__hold-clipboard")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(mut child) = spawned {
            if let Some(mut stdin) = child.stdin.take() {
                let _ = stdin.write_all(text.as_bytes());
            }
            // The child says "ok" once it owns the selection.
            let mut line = String::new();
            if let Some(out) = child.stdout.take() {
                let _ = BufReader::new(out).read_line(&mut line);
            }
            if line.trim() == "ok" {
                return Ok(CopyMethod::System);
            }
            let _ = child.kill();
        }
    }
    write_osc52(&mut io::stdout(), text, in_tmux())
        .map(|()| CopyMethod::Osc52)
        .map_err(|e| format!("no clipboard available ({e})"))
}

/// The child side of `copy_detached`: reads the text from stdin, takes the
/// clipboard, reports "ok", then serves it until someone else copies.
pub fn hold_clipboard() -> i32 {
    use std::io::Read;
    let mut text = String::new();
    if io::stdin().read_to_string(&mut text).is_err() {
        return 1;
    }
    let Ok(mut clipboard) = arboard::Clipboard::new() else {
        return 1;
    };
    if clipboard.set_text(text.clone()).is_err() {
        return 1;
    }
    println!("ok");
    let _ = io::stdout().flush();
    #[cfg(target_os = "linux")]
    {
        use arboard::SetExtLinux;
        let holder = std::thread::spawn(move || clipboard.set().wait().text(text));
        // `wait` returns when another program takes the clipboard; if the
        // display goes away instead, nobody ever will, so leave then too.
        while !holder.is_finished() {
            std::thread::sleep(std::time::Duration::from_secs(2));
            if arboard::Clipboard::new().is_err() {
                break;
            }
        }
    }
    0
}

fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

fn is_ssh() -> bool {
    ["SSH_TTY", "SSH_CONNECTION"]
        .iter()
        .any(|v| std::env::var_os(v).is_some())
}

fn in_tmux() -> bool {
    std::env::var_os("TMUX").is_some()
}

/// Writes the OSC 52 "set clipboard" sequence, wrapped in tmux's DCS
/// passthrough when inside tmux.
pub(crate) fn write_osc52(out: &mut impl Write, text: &str, tmux: bool) -> io::Result<()> {
    if !std::io::IsTerminal::is_terminal(&io::stdout()) {
        return Err(io::Error::other("stdout is not a terminal"));
    }
    out.write_all(osc52_sequence(text, tmux).as_bytes())?;
    out.flush()
}

pub(crate) fn osc52_sequence(text: &str, tmux: bool) -> String {
    let osc = format!("\x1b]52;c;{}\x07", base64(text.as_bytes()));
    if tmux {
        // Inside a DCS, every ESC of the payload is doubled.
        format!("\x1bPtmux;{}\x1b\\", osc.replace('\x1b', "\x1b\x1b"))
    } else {
        osc
    }
}

/// Standard base64 with padding (RFC 4648), enough for OSC 52.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn osc52_plain_and_wrapped_for_tmux() {
        assert_eq!(osc52_sequence("hi", false), "\x1b]52;c;aGk=\x07");
        assert_eq!(
            osc52_sequence("hi", true),
            "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
    }
}

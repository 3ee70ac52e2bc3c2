//! Copying text: the system clipboard through arboard where a display
//! server is reachable, OSC 52 through the terminal otherwise (SSH, tmux,
//! consoles). Behind a trait so the app can be tested without either.

use std::io::{self, Write};
use std::time::Duration;

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

    /// Called as the app exits: where the copied text would die with the
    /// process (X11, Wayland), hand it to a holder that outlives it.
    fn keep_after_exit(&mut self) {}
}

/// The real clipboard. arboard's handle is created on first use and kept
/// for the app's lifetime: on X11 the selection lives as long as it does.
#[derive(Default)]
pub struct SystemClipboard {
    arboard: Option<arboard::Clipboard>,
    /// What this process last put on the clipboard.
    copied: Option<String>,
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
            .map_err(|e| e.to_string())?;
        self.copied = Some(text.to_string());
        Ok(())
    }

    /// Only while the clipboard still holds our text: a newer copy made
    /// in another program must not be overwritten on the way out.
    fn keep_after_exit(&mut self) {
        let (Some(text), Some(clipboard)) = (self.copied.take(), self.arboard.as_mut()) else {
            return;
        };
        if clipboard.get_text().is_ok_and(|now| now == text) {
            let _ = hand_to_holder(&text);
        }
    }
}

/// Copies through the terminal (OSC 52), for when the system clipboard
/// failed: on the UI thread, so the sequence never lands inside a frame.
/// Inside tmux the plain sequence goes to tmux, which keeps it in its own
/// clipboard (and passes it on) unless its `set-clipboard` is off; then
/// nothing can copy, and this says so rather than claim a copy.
pub fn copy_through_terminal(text: &str) -> io::Result<()> {
    if !std::io::IsTerminal::is_terminal(&io::stdout()) {
        return Err(io::Error::other("stdout is not a terminal"));
    }
    if in_tmux() && tmux_option("set-clipboard").as_deref() == Some("off") {
        return Err(io::Error::other(
            "tmux's set-clipboard is off (`tmux set -g set-clipboard on` lets programs copy)",
        ));
    }
    write_osc52(&mut io::stdout(), text)
}

/// A tmux server option's value, if tmux answers within a second.
fn tmux_option(name: &str) -> Option<String> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("tmux")
        .args(["show-options", "-gv", name])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let deadline = std::time::Instant::now() + Duration::from_secs(1);
    while child.try_wait().ok()?.is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut value = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take()?, &mut value).ok()?;
    Some(value.trim().to_string())
}

/// How long a clipboard holder may take to say it owns the selection.
pub const HOLDER_DEADLINE: Duration = Duration::from_secs(2);

/// For one-shot commands: copies so that the text outlives this process.
/// On X11 the selection dies with its owner, so a short-lived child
/// (`httpdex __hold-clipboard`) takes it and serves it until another
/// program takes the clipboard. A child that does not answer within
/// `HOLDER_DEADLINE` (a display that accepts and never replies) is killed
/// and the copy goes through the terminal.
pub fn copy_detached(text: &str) -> Result<CopyMethod, String> {
    if has_display() && !is_ssh() && hand_to_holder(text).is_ok() {
        return Ok(CopyMethod::System);
    }
    copy_through_terminal(text)
        .map(|()| CopyMethod::Osc52)
        .map_err(|e| format!("no clipboard available ({e})"))
}

/// Starts `httpdex __hold-clipboard` with `text` and waits for its "ok".
pub fn hand_to_holder(text: &str) -> Result<(), String> {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut command = Command::new(exe);
    command
        .arg("__hold-clipboard")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    // Its own process group: when httpdex leads the terminal's session
    // (`xterm -e httpdex`), its exit hangs up the foreground group, which
    // would take the holder and the copied text with it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|e| e.to_string())?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(text.as_bytes());
    }
    // The child says "ok" once it owns the selection.
    let (said, heard) = std::sync::mpsc::channel();
    if let Some(out) = child.stdout.take() {
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(out).read_line(&mut line);
            let _ = said.send(line);
        });
    }
    match heard.recv_timeout(HOLDER_DEADLINE) {
        Ok(line) if line.trim() == "ok" => Ok(()),
        _ => {
            let _ = child.kill();
            let _ = child.wait();
            Err("the display did not take the clipboard".to_string())
        }
    }
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

/// Writes the OSC 52 "set clipboard" sequence.
fn write_osc52(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(osc52_sequence(text).as_bytes())?;
    out.flush()
}

fn osc52_sequence(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
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
    fn osc52_is_the_plain_sequence_tmux_and_terminals_take() {
        assert_eq!(osc52_sequence("hi"), "\x1b]52;c;aGk=\x07");
    }
}

//! Where one-shot output goes and how it looks. Every human-readable byte
//! passes through `Escaping`, which writes control characters and bidi
//! overrides visibly (`httpdex_core::safe`), so text from a user's file can
//! never retitle, clear or write the clipboard of the terminal. Styled
//! documents go through `lines` (ANSI escapes their text the same way and
//! adds only its own colour codes); JSON, the man page and completion
//! scripts have their own quoting and use `raw`.

use std::io::{self, IsTerminal, Write};

use ratatui::text::Line;

use super::{ColorChoice, exit};
use httpdex_core::theme::Theme;
use httpdex_core::{ansi, safe};

pub struct Output<'w> {
    pub out: Escaping<'w>,
    pub err: Escaping<'w>,
    pub color: bool,
    pub width: usize,
    /// Whether every text `lines` may get is the built-in catalog's or
    /// guides' (no user file merged), which hold no control character.
    pub trusted: bool,
}

impl Output<'_> {
    /// Standard streams; colour and width follow the terminal, `--color`
    /// and `NO_COLOR`.
    pub fn run_std(choice: ColorChoice, f: impl FnOnce(&mut Output) -> io::Result<i32>) -> i32 {
        let is_tty = io::stdout().is_terminal();
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_tty && Theme::from_env().color,
        };
        let width = if is_tty {
            crossterm::terminal::size().map_or(100, |(w, _)| w as usize)
        } else {
            100
        };
        let (stdout, stderr) = (io::stdout(), io::stderr());
        // Line buffering would cost a write per line of a long page.
        let (mut out, mut err) = (
            io::BufWriter::with_capacity(1 << 16, stdout.lock()),
            stderr.lock(),
        );
        let mut output = Output {
            out: Escaping(&mut out),
            err: Escaping(&mut err),
            color,
            width: width.clamp(MIN_WIDTH, 120),
            trusted: false,
        };
        match f(&mut output).and_then(|code| output.out.flush().map(|()| code)) {
            Ok(code) => code,
            // A closed pipe (`httpdex list | head`) is not an error.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::OK,
            Err(e) => {
                let _ = writeln!(output.err, "httpdex: {e}");
                exit::IO
            }
        }
    }

    pub fn theme(&self) -> Theme {
        Theme { color: self.color }
    }

    /// A styled document, coloured when colour is on, its text escaped.
    pub fn lines(&mut self, lines: &[Line<'_>]) -> io::Result<()> {
        ansi::write(self.out.0, lines, self.color)
    }

    /// A document made only of catalog and guide text: escaped when a
    /// user's file is merged, written as it is otherwise (`trusted`).
    pub fn catalog_lines(&mut self, lines: &[Line<'_>]) -> io::Result<()> {
        match self.trusted {
            true => ansi::write_trusted(self.out.0, lines, self.color),
            false => ansi::write(self.out.0, lines, self.color),
        }
    }

    /// `value` as pretty JSON. serde_json escapes C0 controls (`\u001b`);
    /// C1 controls and bidi overrides are valid JSON text, so they are
    /// written as `\uXXXX` too: the same string to a parser, inert on a
    /// terminal.
    pub fn json<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value)?;
        self.json_text(&text)
    }

    /// `value` as JSON on one line (JSON lines), escaped as `json` does.
    pub fn json_line<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string(value)?;
        self.json_text(&text)
    }

    fn json_text(&mut self, text: &str) -> io::Result<()> {
        // Any such char in JSON text is inside a string, where \uXXXX
        // stands for it.
        if text.chars().any(safe::is_unsafe) {
            for c in text.chars() {
                if safe::is_unsafe(c) {
                    write!(self.out.0, "\\u{:04x}", c as u32)?;
                } else {
                    write!(self.out.0, "{c}")?;
                }
            }
        } else {
            self.out.0.write_all(text.as_bytes())?;
        }
        writeln!(self.out.0)
    }

    /// Output that quotes for its own format (JSON, roff, shell scripts).
    pub fn raw(&mut self) -> &mut dyn Write {
        self.out.0
    }
}

/// The narrowest page one-shot output lays out; narrower terminals wrap.
pub const MIN_WIDTH: usize = 20;

/// A writer that shows unsafe characters instead of sending them.
pub struct Escaping<'w>(&'w mut dyn Write);

impl Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(text) => self.0.write_all(safe::escape(text).as_bytes())?,
            // Not whole UTF-8 (a write split inside a character): the
            // dangerous single bytes are ASCII controls, escaped the same.
            Err(_) => {
                for &byte in buf {
                    if byte < 0x20 && byte != b'\n' && byte != b'\t' || byte == 0x7f {
                        write!(self.0, "\\x{byte:02x}")?;
                    } else {
                        self.0.write_all(&[byte])?;
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

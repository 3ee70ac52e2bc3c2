//! Prints styled ratatui lines to a plain terminal stream, so one-shot
//! commands reuse the exact documents the TUI shows.

use std::fmt::Write as _;
use std::io::{self, Write};

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::safe;

/// Writes lines as text, with SGR escape sequences when `color` is set;
/// control characters in the text are written visibly (`core::safe`).
pub fn write(out: &mut dyn Write, lines: &[Line<'_>], color: bool) -> io::Result<()> {
    write_lines(out, lines, color, true)
}

/// `write` for text known to hold no control character: the built-in
/// catalog and guides, which a test checks. Escaping a page costs about a
/// tenth of `httpdex show`'s work, so it is only paid for a user's text.
pub fn write_trusted(out: &mut dyn Write, lines: &[Line<'_>], color: bool) -> io::Result<()> {
    write_lines(out, lines, color, false)
}

fn write_lines(
    out: &mut dyn Write,
    lines: &[Line<'_>],
    color: bool,
    escape: bool,
) -> io::Result<()> {
    // One buffer reused for every line: a line is written once it is known
    // where its trailing blanks start.
    let mut text = String::with_capacity(256);
    for line in lines {
        text.clear();
        for span in &line.spans {
            let styled = color && push_sgr(&mut text, line.style.patch(span.style));
            // Text from a user's file never reaches the terminal raw.
            if escape {
                text.push_str(&safe::escape(&span.content));
            } else {
                text.push_str(&span.content);
            }
            if styled {
                text.push_str("\x1b[0m");
            }
        }
        // Trailing blanks carry no meaning on a terminal and trip up diffs.
        text.truncate(text.trim_end_matches(' ').len());
        text.push('\n');
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

const MODIFIER_CODES: [(Modifier, &str); 5] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::REVERSED, "7"),
];

/// Appends the escape sequence that starts `style`; false (and nothing
/// appended) when the style changes nothing SGR can express.
fn push_sgr(out: &mut String, style: Style) -> bool {
    let start = out.len();
    out.push_str("\x1b[");
    let codes_at = out.len();
    let separate = |out: &mut String| {
        if out.len() > codes_at {
            out.push(';');
        }
    };
    for (modifier, code) in MODIFIER_CODES {
        if style.add_modifier.contains(modifier) {
            separate(out);
            out.push_str(code);
        }
    }
    if let Some(fg) = style.fg.filter(|c| *c != Color::Reset) {
        separate(out);
        push_fg(out, fg);
    }
    if out.len() == codes_at {
        out.truncate(start);
        return false;
    }
    out.push('m');
    true
}

fn push_fg(out: &mut String, color: Color) {
    let code = match color {
        Color::Black => 30,
        Color::Red => 31,
        Color::Green => 32,
        Color::Yellow => 33,
        Color::Blue => 34,
        Color::Magenta => 35,
        Color::Cyan => 36,
        Color::Gray => 37,
        Color::DarkGray => 90,
        Color::LightRed => 91,
        Color::LightGreen => 92,
        Color::LightYellow => 93,
        Color::LightBlue => 94,
        Color::LightMagenta => 95,
        Color::LightCyan => 96,
        Color::White => 97,
        // Callers leave the default colour out; 39 is its code.
        Color::Reset => 39,
        // Writing to a String cannot fail.
        Color::Indexed(i) => {
            let _ = write!(out, "38;5;{i}");
            return;
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(out, "38;2;{r};{g};{b}");
            return;
        }
    };
    let _ = write!(out, "{code}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

    fn render(lines: &[Line<'_>], color: bool) -> String {
        let mut out = Vec::new();
        write(&mut out, lines, color).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_output_has_no_escapes_and_no_trailing_blanks() {
        let lines = [Line::from(vec![
            Span::styled("401", Style::new().fg(Color::Yellow)),
            Span::raw(" Unauthorized   "),
        ])];
        assert_eq!(render(&lines, false), "401 Unauthorized\n");
    }

    #[test]
    fn colour_output_wraps_styled_spans_in_sgr() {
        let lines = [Line::from(Span::styled(
            "x",
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ))];
        assert_eq!(render(&lines, true), "\x1b[1;31mx\x1b[0m\n");
    }
}

//! Prints styled ratatui lines to a plain terminal stream, so one-shot
//! commands reuse the exact documents the TUI shows.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

/// Renders lines as text, with SGR escape sequences when `color` is set.
pub fn render(lines: &[Line<'_>], color: bool) -> String {
    let mut out = String::with_capacity(lines.len() * 96);
    for line in lines {
        for span in &line.spans {
            let style = line.style.patch(span.style);
            let sgr = if color { sgr(style) } else { String::new() };
            if sgr.is_empty() {
                out.push_str(&span.content);
            } else {
                out.push_str(&format!("\x1b[{sgr}m{}\x1b[0m", span.content));
            }
        }
        // Trailing blanks carry no meaning on a terminal and trip up diffs.
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    out
}

fn sgr(style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    for (modifier, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
    ] {
        if style.add_modifier.contains(modifier) {
            codes.push(code.to_string());
        }
    }
    if let Some(fg) = style.fg.and_then(fg_code) {
        codes.push(fg);
    }
    codes.join(";")
}

fn fg_code(color: Color) -> Option<String> {
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
        Color::Indexed(i) => return Some(format!("38;5;{i}")),
        Color::Rgb(r, g, b) => return Some(format!("38;2;{r};{g};{b}")),
        Color::Reset => return None,
    };
    Some(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

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

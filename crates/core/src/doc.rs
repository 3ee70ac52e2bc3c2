//! The document builder behind every page: headings with a rule, wrapped
//! paragraphs and lists, labelled lines and preformatted blocks, as styled
//! lines at a width, for the entry page; the guides share its breaking of
//! preformatted lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::theme::Theme;
use crate::wrap::{width_of, wrap_paragraphs};

/// Builds styled, wrapped lines section by section.
pub(crate) struct Doc<'t> {
    pub(crate) theme: &'t Theme,
    pub(crate) width: usize,
    pub(crate) lines: Vec<Line<'static>>,
}

impl<'t> Doc<'t> {
    pub fn new(theme: &'t Theme, width: usize) -> Doc<'t> {
        Doc {
            theme,
            width: width.max(10),
            lines: Vec::new(),
        }
    }

    pub(crate) fn into_lines(self) -> Vec<Line<'static>> {
        self.lines
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    pub fn line(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    pub fn heading(&mut self, title: &str) {
        if !self.lines.is_empty() {
            self.blank();
        }
        if width_of(title) + 4 > self.width {
            // A narrow page: the title wraps and carries no rule.
            return self.wrapped(title, self.theme.heading(), "── ", "   ");
        }
        // The rule ends where the text does.
        let rule = "─".repeat(self.width.saturating_sub(width_of(title) + 4));
        self.lines.push(Line::from(vec![
            Span::styled(format!("── {title} "), self.theme.heading()),
            Span::styled(rule, self.theme.dim()),
        ]));
    }

    /// Word-wrapped text; `first` prefixes the first line, `rest` the others.
    pub fn wrapped(&mut self, text: &str, style: Style, first: &str, rest: &str) {
        for l in wrap_paragraphs(text, self.width, first, rest) {
            self.lines.push(styled_line(l, style));
        }
    }

    pub fn paragraph(&mut self, text: &str) {
        self.wrapped(text, Style::new(), "", "");
    }

    pub(crate) fn bullets(&mut self, items: &[httpdex_catalog::Text]) {
        for item in items {
            self.wrapped(item, Style::new(), "• ", "  ");
        }
    }

    /// A bold label followed by wrapped text, continuation lines indented.
    pub(crate) fn labelled(&mut self, label: &str, text: &str) {
        let start = self.lines.len();
        let pad = " ".repeat(label.chars().count() + 2);
        self.wrapped(text, Style::new(), &pad, &pad);
        if let Some(first) = self.lines.get_mut(start) {
            // The first line is one span: the pad, then the text.
            let mut body = first
                .spans
                .pop()
                .map(|span| span.content.into_owned())
                .unwrap_or_default();
            body.drain(..pad.len().min(body.len()));
            *first = Line::from(vec![
                Span::styled(format!("{label}: "), self.theme.title()),
                Span::raw(body),
            ]);
        }
    }

    /// Preformatted lines (example responses): kept as they are, and where
    /// wider than the pane broken at the last space that fits, the rest
    /// indented under it; only a single token wider than the pane is cut.
    pub fn block(&mut self, text: &str) {
        let inner = self.width.saturating_sub(2).max(4);
        for raw in text.lines() {
            if raw.is_empty() {
                self.lines.push(Line::styled("│", self.theme.dim()));
                continue;
            }
            for piece in break_preformatted(raw, inner) {
                self.lines.push(Line::from(vec![
                    Span::styled("│ ", self.theme.dim()),
                    Span::styled(piece, self.theme.code_block()),
                ]));
            }
        }
    }
}

/// Continuation lines of a broken preformatted line start with this.
const CONTINUATION: &str = "  ";

/// `line` in pieces of at most `width` chars, broken after a space where
/// one fits, so that a header value is never cut inside a word.
pub(crate) fn break_preformatted(line: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let prefix = if start == 0 { "" } else { CONTINUATION };
        let room = width - prefix.len();
        let rest = &chars[start..];
        let take = if rest.len() <= room {
            rest.len()
        } else {
            // After the last space that fits; a lone long token is cut.
            match rest[..room].iter().rposition(|c| *c == ' ') {
                Some(space) if space > 0 => space + 1,
                _ => room,
            }
        };
        let piece: String = rest[..take].iter().collect();
        pieces.push(format!("{prefix}{}", piece.trim_end()));
        start += take;
    }
    pieces
}

/// One styled line of owned text. `Line::styled` would copy the text
/// again to split it at newlines, which wrapped text never has.
fn styled_line(text: String, style: Style) -> Line<'static> {
    Line::from(Span::raw(text)).style(style)
}

#[cfg(test)]
mod block_tests {
    use super::break_preformatted;

    #[test]
    fn a_long_header_breaks_at_a_space_not_inside_a_word() {
        let line = r#"WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token expired""#;
        let pieces = break_preformatted(line, 60);
        assert!(pieces.iter().all(|p| p.chars().count() <= 60), "{pieces:?}");
        assert!(
            pieces[1..].iter().all(|p| p.starts_with("  ")),
            "{pieces:?}"
        );
        // Joined back, the words are the line's words, none split.
        let words: Vec<&str> = pieces.iter().flat_map(|p| p.split_whitespace()).collect();
        assert_eq!(words, line.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn a_token_wider_than_the_pane_is_cut_and_short_lines_stay_whole() {
        assert_eq!(
            break_preformatted("HTTP/1.1 200 OK", 60),
            ["HTTP/1.1 200 OK"]
        );
        let token = "x".repeat(25);
        assert_eq!(
            break_preformatted(&token, 10).concat().replace(' ', ""),
            token
        );
    }
}

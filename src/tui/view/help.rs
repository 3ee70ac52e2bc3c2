//! The help overlay, generated from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::theme::Theme;
use crate::tui::app::App;
use crate::tui::keymap::{BINDINGS, Context};

/// Every section of the key table, in the order the help lists them after
/// the section of the view it was opened from.
const CONTEXTS: [Context; 7] = [
    Context::Search,
    Context::Detail,
    Context::Compare,
    Context::Cheatsheet,
    Context::Quiz,
    Context::Global,
    Context::Help,
];

/// Every binding, grouped by context (`keys  description`), the keys of
/// the view the help was opened from (`here`) first.
pub fn lines(theme: &Theme, here: Context) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let order = std::iter::once(here).chain(CONTEXTS.into_iter().filter(|c| *c != here));
    for context in order {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        let title = if context == here {
            format!("{} · where you are", context.title())
        } else {
            context.title().to_string()
        };
        lines.push(Line::styled(title, theme.heading()));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<22}", keys.join(" ")), theme.key()),
                Span::raw(b.description),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Mouse: the wheel scrolls the pane under the pointer; a click selects.",
        theme.dim(),
    ));
    lines.push(Line::styled(
        "Search: 404 · 40 · 4xx · 50x · unauth · not found · rate limit · typos welcome",
        theme.dim(),
    ));
    lines
}

pub fn line_count(here: Context) -> usize {
    lines(&Theme::PLAIN, here).len()
}

/// Says where the rest is when the table is taller than the overlay.
fn footer(app: &App, area: Rect, lines: usize) -> String {
    let visible = area.height.saturating_sub(2) as usize;
    let below = lines.saturating_sub(visible + app.help_scroll);
    if below > 0 {
        format!(" {below} more lines: j/k scroll · Esc closes ")
    } else {
        " Esc closes ".to_string()
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let lines = lines(&app.theme, app.view_context());
    let block = Block::bordered()
        .border_style(app.theme.border(true))
        .title(Span::styled(" Keys ", app.theme.heading()))
        .title_bottom(Line::from(footer(app, area, lines.len())).right_aligned());
    Paragraph::new(lines)
        .block(block)
        .scroll((app.help_scroll.min(u16::MAX as usize) as u16, 0))
        .render(area, buf);
}

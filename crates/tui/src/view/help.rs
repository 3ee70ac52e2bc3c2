//! The help overlay, generated from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::app::App;
use crate::keymap::{BINDINGS, Binding, Context};
use crate::view::layout::HELP_COLUMN;
use httpdex_core::theme::Theme;

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

/// A binding's keys as the help shows them: `PgDn Space Ctrl-d`.
fn keys_label(binding: &Binding) -> String {
    let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
    keys.join(" ")
}

/// Every binding, grouped by context (`keys  description`), the keys of
/// the view the help was opened from (`here`) first.
pub fn lines(theme: &Theme, here: Context) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    // As wide as the widest keys, so that descriptions have the most room.
    let keys_width = BINDINGS
        .iter()
        .map(|b| keys_label(b).chars().count())
        .max()
        .unwrap_or(0);
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
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<keys_width$}  ", keys_label(b)), theme.key()),
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
        "Search: 404 · 4xx · 50x · unauth · not found · rate limit · typos welcome",
        theme.dim(),
    ));
    lines
}

/// The lines in one column, or in two when `width` (inside the border) holds
/// two full columns: split at the blank line between sections nearest the
/// middle, so that no section is cut in two.
pub fn columns(theme: &Theme, here: Context, width: u16) -> Vec<Vec<Line<'static>>> {
    let mut left = lines(theme, here);
    if width < 2 * (HELP_COLUMN - 2) {
        return vec![left];
    }
    let middle = left.len() / 2;
    let split = (0..left.len())
        .filter(|&i| left[i].spans.is_empty())
        .min_by_key(|&i| i.abs_diff(middle));
    match split {
        Some(at) => {
            let right = left.split_off(at + 1);
            left.pop();
            vec![left, right]
        }
        None => vec![left],
    }
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
    let columns = &app.help_columns;
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    let block = Block::bordered()
        .border_style(app.theme.border(true))
        .title(Span::styled(" Keys ", app.theme.heading()))
        .title_bottom(Line::from(footer(app, area, rows)).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    let count = columns.len() as u32;
    let areas = Layout::horizontal(vec![Constraint::Ratio(1, count); columns.len()]).split(inner);
    // Only the visible lines are copied into the frame.
    for (lines, column) in columns.iter().zip(areas.iter()) {
        let visible: Vec<Line> = lines
            .iter()
            .skip(app.help_scroll)
            .take(usize::from(column.height))
            .cloned()
            .collect();
        Paragraph::new(visible).render(*column, buf);
    }
}

//! The help overlay's text, generated from the key table: every binding,
//! grouped by context, the current view's first, in one or two columns.

use ratatui::text::{Line, Span};

use crate::keymap::{BINDINGS, Binding, Context};
use crate::layout::HELP_COLUMN;
use httpdex_core::theme::Theme;

/// Every section of the key table, in the order the help lists them after
/// the section of the view it was opened from.
const CONTEXTS: [Context; 11] = [
    Context::Search,
    Context::Detail,
    Context::Compare,
    Context::Cheatsheet,
    Context::Quiz,
    Context::Guides,
    Context::Reader,
    Context::Logs,
    Context::Check,
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

//! The search box and the result list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::app::{App, Focus};
use httpdex_catalog::search::Hit;
use httpdex_catalog::{Entry, Origin};
use httpdex_core::theme::Theme;

/// What the empty search box suggests typing.
const PLACEHOLDER: &str = "type to search: 404, 4xx, unauth, teapot, rate limit…";

pub(crate) fn render_search(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.browse.focus == Focus::Search && !app.help_open();
    let class = app
        .browse
        .filter
        .class
        .map_or("all".to_string(), |c| c.mask());
    let origin = app.browse.filter.origin.map_or("all", |o| o.label());
    let block = Block::bordered()
        .border_style(app.theme.border(focused))
        .title(Span::styled(" httpdex ", app.theme.heading()))
        .title(
            Line::from(vec![
                Span::styled(
                    format!(
                        " {}/{} ",
                        app.browse.hits.len(),
                        app.catalog.entries().len()
                    ),
                    app.theme.dim(),
                ),
                Span::styled(format!("class: {class} "), app.theme.badge()),
                Span::styled(format!("origin: {origin} "), app.theme.badge()),
            ])
            .right_aligned(),
        );
    let inner = block.inner(area);
    block.render(area, buf);
    let mut spans = vec![Span::styled("› ", app.theme.key())];
    if app.browse.query.is_empty() && !focused {
        spans.push(Span::styled(PLACEHOLDER, app.theme.dim()));
    } else {
        // Show the end of a long query: that is where the typing happens.
        let room = inner.width.saturating_sub(3) as usize;
        let count = app.browse.query.chars().count();
        let shown: String = app
            .browse
            .query
            .chars()
            .skip(count.saturating_sub(room))
            .collect();
        spans.push(Span::raw(shown));
        if focused {
            spans.push(Span::styled(" ", app.theme.selected()));
        }
        if app.browse.query.is_empty() {
            spans.push(Span::styled(format!(" {PLACEHOLDER}"), app.theme.dim()));
        }
    }
    Line::from(spans).render(inner, buf);
}

pub(crate) fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.browse.focus == Focus::Search && !app.help_open();
    let block = Block::bordered()
        .border_style(app.theme.border(focused))
        .title(" Codes ");
    let rows = block.inner(area);
    block.render(area, buf);
    for (row, hit) in app
        .browse
        .hits
        .iter()
        .enumerate()
        .skip(app.browse.list_offset)
        .take(rows.height as usize)
        .map(|(i, hit)| (i - app.browse.list_offset, hit))
    {
        let entry = app.catalog.entry(hit.entry);
        let selected = row + app.browse.list_offset == app.browse.selected;
        let line = list_row(entry, hit, &app.theme, selected);
        let y = rows.y + row as u16;
        line.render(Rect::new(rows.x, y, rows.width, 1), buf);
    }
    // Matching guides follow the codes, as rows of the same list.
    let first = app.browse.hits.len();
    for (i, guide) in app.browse.guides.iter().enumerate() {
        let index = first + i;
        let Some(row) = index.checked_sub(app.browse.list_offset) else {
            continue;
        };
        if row >= rows.height as usize {
            break;
        }
        let style = if index == app.browse.selected {
            app.theme.selected()
        } else {
            app.theme.link()
        };
        let title = format!("📖 {}", guide.title);
        let line = Line::styled(
            httpdex_core::wrap::truncate(&title, rows.width as usize),
            style,
        );
        line.render(Rect::new(rows.x, rows.y + row as u16, rows.width, 1), buf);
    }
}

/// `401  🔐 Unauthorized  IIS`, matched characters highlighted.
fn list_row(entry: &Entry, hit: &Hit, theme: &Theme, selected: bool) -> Line<'static> {
    let base = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let code_style = base.patch(theme.class(entry.class()));
    let mut spans = highlighted(entry.display_code(), &hit.code_highlight, code_style, theme);
    let pad = 7usize.saturating_sub(entry.display_code().chars().count());
    spans.push(Span::styled(" ".repeat(pad), base));
    let emoji = if entry.emoji.is_empty() {
        "  "
    } else {
        entry.emoji.as_ref()
    };
    spans.push(Span::styled(format!("{emoji} "), base));
    // The name as `display_name` writes it (418: "I'm a teapot (Unused)"),
    // the highlights on the registry name's chars within it.
    let shown = entry.display_name();
    let at = shown.rfind(entry.name.as_ref()).unwrap_or(0);
    let end = at + entry.name.len();
    spans.push(Span::styled(shown[..at].to_string(), base));
    spans.extend(highlighted(&entry.name, &hit.name_highlight, base, theme));
    spans.push(Span::styled(
        shown[end.min(shown.len())..].to_string(),
        base,
    ));
    if entry.origin != Origin::Iana {
        spans.push(Span::styled(
            format!(" {}", entry.origin.label()),
            base.patch(theme.badge()),
        ));
    }
    if let Some(matched) = &hit.matched {
        spans.push(Span::styled(
            format!(" · {matched}"),
            base.patch(theme.dim()),
        ));
    }
    let mut line = Line::from(spans);
    if selected {
        line = line.style(base);
    }
    line
}

/// Splits `text` into spans, styling the chars at `indices` as matches.
fn highlighted(text: &str, indices: &[usize], style: Style, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_is_match = false;
    for (i, c) in text.chars().enumerate() {
        let is_match = indices.contains(&i);
        if is_match != run_is_match && !run.is_empty() {
            spans.push(span_for(
                std::mem::take(&mut run),
                run_is_match,
                style,
                theme,
            ));
        }
        run_is_match = is_match;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(span_for(run, run_is_match, style, theme));
    }
    spans
}

fn span_for(text: String, is_match: bool, style: Style, theme: &Theme) -> Span<'static> {
    if is_match {
        Span::styled(text, style.patch(theme.highlight()))
    } else {
        Span::styled(text, style)
    }
}

//! Draws the help overlay laid out by `crate::help`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::app::App;

/// Says where the rest is when the table is taller than the overlay.
fn footer(app: &App, area: Rect, lines: usize) -> String {
    let visible = area.height.saturating_sub(2) as usize;
    let below = lines.saturating_sub(visible + app.help.scroll);
    crate::hints::help_footer(below)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let columns = &app.help.columns;
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
            .skip(app.help.scroll)
            .take(usize::from(column.height))
            .cloned()
            .collect();
        Paragraph::new(visible).render(*column, buf);
    }
}

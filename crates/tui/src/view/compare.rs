//! The compare screen: the wrapped comparison table, scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = &app.compare else { return };
    let c = &view.comparison;
    let mut title = vec![
        Span::styled(format!(" {} ", c.a.title), app.theme.title()),
        Span::styled("vs", app.theme.dim()),
        Span::styled(format!(" {} ", c.b.title), app.theme.title()),
    ];
    if c.curated {
        title.push(Span::styled("· curated ", app.theme.badge()));
    }
    let mut block = Block::bordered()
        .border_style(app.theme.border(true))
        .title(Line::from(title));
    if let Some(percent) = (view.scroll * 100).checked_div(app.max_compare_scroll()) {
        block = block.title_bottom(Line::from(format!(" {percent}% ")).right_aligned());
    }
    block.render(area, buf);
    let text = super::layout::pane_text(area);
    let visible: Vec<Line> = view
        .lines
        .iter()
        .skip(view.scroll)
        .take(text.height as usize)
        .cloned()
        .collect();
    Paragraph::new(visible).render(text, buf);
}

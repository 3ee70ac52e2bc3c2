//! The detail pane: the selected entry's document, scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::{App, Focus};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.browse.focus == Focus::Detail;
    let mut block = Block::bordered().border_style(app.theme.border(focused));
    if let Some(entry) = app.selected_entry() {
        block = block.title(Line::from(Span::styled(
            format!(" {} ", entry.title()),
            app.theme.class(entry.class()),
        )));
        if let Some(percent) = (app.browse.detail.scroll * 100).checked_div(app.max_detail_scroll())
        {
            block = block.title_bottom(Line::from(format!(" {percent}% ")).right_aligned());
        }
    }
    if let Some(guide) = app.selected_guide() {
        let title = crate::hints::guide_preview(guide.reading_minutes());
        block = block.title(Line::from(Span::styled(title, app.theme.heading())));
    }
    let text_area = super::layout::pane_text(area);
    block.render(area, buf);
    if app.browse.rows() == 0 {
        Paragraph::new(crate::hints::no_match())
            .style(app.theme.dim())
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(text_area, buf);
        return;
    }
    let visible = app
        .browse
        .detail
        .lines
        .iter()
        .skip(app.browse.detail.scroll)
        .take(text_area.height as usize)
        .cloned()
        .collect::<Vec<_>>();
    Paragraph::new(visible).render(text_area, buf);
}

//! The list of guides and the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use httpdex_core::guides;
use httpdex_core::wrap::truncate;

pub fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(" Guides ", theme.heading()));
    block.render(area, buf);
    let text = crate::layout::pane_text(area);
    let width = guides::all()
        .iter()
        .map(|g| g.title.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for (i, g) in guides::all().iter().enumerate() {
        let style = if i == app.guide_list {
            theme.selected()
        } else {
            theme.title()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:<width$}", g.title), style),
            Span::styled(format!("  {:>2} min", g.reading_minutes()), theme.dim()),
        ]));
        let summary = truncate(&g.summary, (text.width as usize).saturating_sub(2));
        lines.push(Line::styled(format!("  {summary}"), theme.dim()));
    }
    // Keep the selection in view: two lines a guide.
    let rows = text.height as usize;
    let skip = (app.guide_list * 2 + 2).saturating_sub(rows);
    Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(text, buf);
}

pub fn render_reader(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(reader) = app.reader() else { return };
    let theme = &app.theme;
    let title = guides::get(&reader.slug).map_or(reader.slug.as_str(), |g| g.title.as_str());
    let mut block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {title} "), theme.heading()));
    if let Some(percent) = (reader.scroll * 100).checked_div(app.max_reader_scroll()) {
        block = block.title_bottom(Line::from(format!(" {percent}% ")).right_aligned());
    }
    block.render(area, buf);
    let text = crate::layout::pane_text(area);
    let end = reader.scroll + text.height as usize;
    let mut visible: Vec<Line> = reader.page.lines[reader.scroll.min(reader.page.lines.len())..]
        .iter()
        .take(text.height as usize)
        .cloned()
        .collect();
    // The selected link stands out where its words are on screen.
    if let Some(link) = reader.link {
        for spot in reader.page.spots.iter().filter(|s| s.link == link) {
            if (reader.scroll..end).contains(&spot.line)
                && let Some(span) = visible[spot.line - reader.scroll].spans.get_mut(spot.span)
            {
                span.style = theme.link_selected();
            }
        }
    }
    Paragraph::new(visible).render(text, buf);
}

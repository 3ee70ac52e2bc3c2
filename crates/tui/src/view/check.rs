//! The Check screen: the URL box, then the chain as it arrives (one block
//! a hop, arrows between), the findings, and a spinner line while the
//! check runs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::app::App;
use httpdex_catalog::Class;
use httpdex_core::safe;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let view = &app.check;
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(" Check a URL ", theme.heading()));
    block.render(area, buf);
    let text = crate::layout::pane_text(area);
    let mut lines = vec![Line::from(vec![
        Span::styled("URL › ", theme.key()),
        Span::raw(safe::escape(&view.input).into_owned()),
    ])];
    if let Some(url) = &view.url {
        lines.push(Line::default());
        lines.push(Line::styled(safe::escape(url).into_owned(), theme.title()));
    }
    for (i, hop) in view.hops.iter().enumerate() {
        if i > 0 {
            lines.push(Line::styled("  ↓", theme.dim()));
        }
        let style = if i == view.selected {
            theme.selected()
        } else {
            theme.class(Class::of(hop.status))
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {} {}", hop.status, hop.name), style),
            Span::styled(format!("  {} ms", hop.millis), theme.dim()),
        ]));
        lines.push(Line::styled(
            format!("      {}", safe::escape(&hop.url)),
            theme.dim(),
        ));
        lines.push(Line::from(format!("      {}", hop.summary)));
        if let Some(location) = &hop.location {
            lines.push(Line::from(format!(
                "      location: {}",
                safe::escape(location)
            )));
        }
    }
    if view.running {
        lines.push(Line::styled("  ⠿ following the chain…", theme.dim()));
    }
    if let Some(failure) = &view.failure {
        lines.push(Line::styled(
            format!("  ✘ {}", safe::escape(failure)),
            theme.error(),
        ));
    }
    if !view.findings.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Findings", theme.heading()));
        for (level, message) in &view.findings {
            lines.push(Line::from(format!("  {level}: {}", safe::escape(message))));
        }
    }
    // The end of a long chain stays in view.
    let height = text.height as usize;
    let skip = lines.len().saturating_sub(height);
    let visible: Vec<Line> = lines.into_iter().skip(skip).collect();
    Paragraph::new(visible)
        .wrap(Wrap { trim: false })
        .render(text, buf);
}

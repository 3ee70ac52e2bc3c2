//! The Check screen: the URL box, then the chain as it arrives (one block
//! a hop, arrows between), the findings, and a spinner line while the
//! check runs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use httpdex_catalog::Class;
use httpdex_core::safe;
use httpdex_core::wrap::wrap;

/// Where a hop's details start, under its status.
const DETAIL: &str = "      ";

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let view = &app.check;
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(" Check a URL ", theme.heading()));
    block.render(area, buf);
    let text = crate::layout::pane_text(area);
    let width = usize::from(text.width);
    // Wrapped here, not by the paragraph, so that continuation lines keep
    // their indent and the count of rows below is the count drawn.
    let wrapped = |lines: &mut Vec<Line<'static>>, text: &str, style: Style, indent: &str| {
        for line in wrap(text, width, indent, indent) {
            lines.push(Line::styled(line, style));
        }
    };
    let mut lines = vec![Line::from(vec![
        Span::styled("URL › ", theme.key()),
        Span::raw(safe::escape(&view.input).into_owned()),
    ])];
    if view.url.is_none() {
        lines.push(Line::default());
        wrapped(&mut lines, &crate::hints::check_url(), theme.dim(), "");
    }
    if let Some(url) = &view.url {
        lines.push(Line::default());
        wrapped(&mut lines, &safe::escape(url), theme.title(), "");
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
        wrapped(&mut lines, &safe::escape(&hop.url), theme.dim(), DETAIL);
        wrapped(&mut lines, &hop.summary, Style::new(), DETAIL);
        if let Some(location) = &hop.location {
            let location = format!("location: {}", safe::escape(location));
            wrapped(&mut lines, &location, Style::new(), DETAIL);
        }
    }
    if view.running {
        lines.push(Line::styled("  ⠿ following the chain…", theme.dim()));
    }
    if let Some(failure) = &view.failure {
        let failure = format!("✘ {}", safe::escape(failure));
        wrapped(&mut lines, &failure, theme.error(), "  ");
    }
    if !view.findings.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Findings", theme.heading()));
        for (level, message) in &view.findings {
            let finding = format!("{level}: {}", safe::escape(message));
            wrapped(&mut lines, &finding, Style::new(), "  ");
        }
    }
    // The end of a long chain stays in view.
    let height = text.height as usize;
    let skip = lines.len().saturating_sub(height);
    let visible: Vec<Line> = lines.into_iter().skip(skip).collect();
    Paragraph::new(visible).render(text, buf);
}

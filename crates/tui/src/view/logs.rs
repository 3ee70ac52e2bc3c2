//! The Logs screen: the path box until a log is open, then the dashboard:
//! totals and rate, every status with its share, bar and entry, and the
//! latest errors.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use httpdex_core::safe;
use httpdex_core::wrap::truncate;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let view = &app.logs;
    let title = match &view.path {
        Some(path) => format!(" Logs · {} ", safe::escape(&path.display().to_string())),
        None => " Logs ".to_string(),
    };
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(title, theme.heading()));
    block.render(area, buf);
    let text = crate::layout::pane_text(area);
    if view.path.is_none() {
        let lines = vec![
            Line::from(
                "Path of an access log to follow (nginx, Apache, IIS, ALB, Cloudflare, Caddy, JSON):",
            ),
            Line::from(vec![
                Span::styled("› ", theme.key()),
                Span::raw(safe::escape(&view.input).into_owned()),
            ]),
        ];
        Paragraph::new(lines).render(text, buf);
        return;
    }
    let mut head = Vec::new();
    if let Some(error) = &view.error {
        head.push(Line::styled(
            safe::escape(error).into_owned(),
            theme.error(),
        ));
    }
    let Some(report) = &view.report else {
        head.push(Line::styled("Reading…", theme.dim()));
        Paragraph::new(head).render(text, buf);
        return;
    };
    head.push(Line::from(vec![
        Span::styled(format!("{} lines", report.lines), theme.title()),
        Span::styled(
            format!(
                "  {:.1} lines/s  {} unreadable",
                view.rate, report.unreadable.count
            ),
            theme.dim(),
        ),
    ]));
    // The app keeps a dozen errors; they take at most half of what the
    // statuses leave, and a short terminal shows the newest.
    let top_height = head.len() as u16 + 1;
    let half = text.height.saturating_sub(top_height) / 2;
    let recent_height = (view.recent.len().max(1) as u16 + 1).min(half.max(2));
    let [top, statuses, recent] = Layout::vertical([
        Constraint::Length(top_height),
        Constraint::Min(3),
        Constraint::Length(recent_height),
    ])
    .areas(text);
    Paragraph::new(head).render(top, buf);
    status_rows(app, statuses, buf);
    let mut lines = vec![Line::styled("Latest errors", theme.heading())];
    if view.recent.is_empty() {
        // None at the end of the log read (or it was compressed, which is
        // not re-read for them), and none appended since.
        lines.push(Line::styled("none to show yet", theme.dim()));
    }
    for r in view.recent.iter().rev() {
        let path = r
            .path
            .as_deref()
            .map(|p| safe::escape(&String::from_utf8_lossy(p)).into_owned())
            .unwrap_or_default();
        // The time of day in UTC, as the log's own offset may differ.
        let at = r
            .time
            .map(httpdex_logs::time::format_utc)
            .and_then(|t| t.split_once('T').map(|(_, time)| time.to_string()))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<7}", status_text(r.status.code, r.status.substatus)),
                theme.error(),
            ),
            Span::styled(format!("{at:<11}"), theme.dim()),
            Span::raw(truncate(&path, recent.width.saturating_sub(18) as usize)),
        ]));
    }
    Paragraph::new(lines).render(recent, buf);
}

/// One row a status: code, count, share, bar, name; the selected one marked.
fn status_rows(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let Some(report) = &app.logs.report else {
        return;
    };
    let rows: Vec<_> = report.classes.iter().flat_map(|c| &c.statuses).collect();
    let height = area.height as usize;
    let skip = (app.logs.selected + 1).saturating_sub(height);
    let bar_width = 20usize;
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(skip)
        .take(height)
        .map(|(i, s)| {
            let filled = (s.share * bar_width as f64).round() as usize;
            let bar = format!("{:<bar_width$}", "█".repeat(filled.min(bar_width)));
            let name = s.name.as_deref().unwrap_or("(not in the catalog)");
            let style = if i == app.logs.selected {
                theme.selected()
            } else {
                theme.class(httpdex_catalog::Class::of(s.code))
            };
            Line::from(vec![
                Span::styled(format!("{:<7}", s.status), style),
                Span::raw(format!("{:>9} {:>6.1}% ", s.count, s.share * 100.0)),
                Span::styled(bar, theme.class(httpdex_catalog::Class::of(s.code))),
                Span::raw(format!(" {}", safe::escape(name))),
                Span::styled(
                    s.origin
                        .filter(|o| *o != httpdex_catalog::Origin::Iana)
                        .map(|o| format!(" [{}]", o.label()))
                        .unwrap_or_default(),
                    theme.badge(),
                ),
            ])
        })
        .collect();
    Paragraph::new(lines).render(area, buf);
}

/// `404`, or `401.2` with an IIS substatus.
fn status_text(code: u16, substatus: Option<u32>) -> String {
    match substatus {
        Some(sub) if sub != 0 => format!("{code}.{sub}"),
        _ => code.to_string(),
    }
}

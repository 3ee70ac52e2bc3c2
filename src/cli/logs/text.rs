//! The report as text: statuses grouped by class with counts, shares, bars,
//! names and meanings; top paths under error statuses; upstream statuses;
//! a sparkline per class; unreadable lines. Everything that came from a log
//! (paths, file names, a line quoted in an error) is escaped first, so a
//! crafted log cannot move the cursor or reorder text on the terminal.

use std::io;

use httpdex_catalog::{Class, Origin};
use httpdex_core::theme::Theme;
use httpdex_core::wrap::{pad, truncate, width_of};
use httpdex_logs::Batch;
use httpdex_logs::report::{ClassGroup, Report, StatusRow, Upstream};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::chart::{bar, minute, percent, size, thousands, timeline_lines};
use crate::cli::Output;

/// Columns of the share bar.
const BAR: usize = 10;

/// Text from a log on its way to the terminal: the one rule for that.
pub use httpdex_core::safe::escape;

pub fn write_report(report: &Report, o: &mut Output) -> io::Result<()> {
    let theme = o.theme();
    let mut lines: Vec<Line> = Vec::new();
    for file in &report.files {
        let format = file.format.map_or("no lines", |f| f.label());
        let head = format!(
            "{}: {format}, {} lines, {}",
            file.path,
            thousands(file.lines),
            size(file.bytes)
        );
        lines.push(Line::styled(head, theme.title()));
    }
    lines.push(Line::styled(totals(report), theme.dim()));
    lines.push(Line::raw(""));
    let count_width = count_width(report);
    for group in &report.classes {
        lines.push(class_heading(group, theme));
        for row in &group.statuses {
            lines.push(status_line(row, count_width, o.width, theme));
            for path in &row.top_paths {
                let count = format!("{:>10} {:>count_width$}  ", "", thousands(path.count));
                let shown = truncate(&escape(&path.path), o.width.saturating_sub(count.len()));
                lines.push(Line::from(vec![
                    Span::styled(count, theme.dim()),
                    Span::raw(shown),
                ]));
            }
        }
        lines.push(Line::raw(""));
    }
    if let Some(upstream) = &report.upstream {
        upstream_lines(upstream, count_width, theme, &mut lines);
    }
    if let Some(timeline) = &report.timeline {
        timeline_lines(timeline, o.width, theme, &mut lines);
    }
    if report.unreadable.count > 0 {
        let first: Vec<String> = report
            .unreadable
            .first
            .iter()
            .map(|l| format!("{}:{}", l.file, l.line))
            .collect();
        let text = format!(
            "{} unreadable lines (first: {})",
            thousands(report.unreadable.count),
            first.join(", ")
        );
        lines.push(Line::styled(truncate(&text, o.width), theme.error()));
    }
    o.lines(&lines)
}

/// After a batch of a followed file: the batch's size, the totals by status
/// and the batch's latest errors.
pub fn write_update(report: &Report, batch: &Batch, o: &mut Output) -> io::Result<()> {
    let theme = o.theme();
    let now = httpdex_logs::time::format_utc(unix_now());
    let mut heading = format!(
        "── {} +{} lines, {} counted",
        &now[11..19],
        thousands(batch.stats.lines()),
        thousands(report.counted)
    );
    if batch.rotated {
        heading += " (the file was rotated)";
    }
    let mut lines = vec![Line::styled(heading, theme.heading())];
    let count_width = count_width(report);
    for group in &report.classes {
        for row in &group.statuses {
            lines.push(status_line(row, count_width, o.width, theme));
        }
    }
    let recent: Vec<String> = batch
        .recent
        .iter()
        .rev()
        .take(5)
        .map(|r| {
            let path = r
                .path
                .as_deref()
                .map(String::from_utf8_lossy)
                .unwrap_or_default();
            format!("{} {}", r.status.code, escape(&path))
        })
        .collect();
    if !recent.is_empty() {
        let text = format!("latest errors: {}", recent.join(", "));
        lines.push(Line::styled(truncate(&text, o.width), theme.dim()));
    }
    o.lines(&lines)
}

fn totals(report: &Report) -> String {
    let mut text = format!("{} lines", thousands(report.lines));
    if report.filtered_out > 0 {
        text += &format!(
            ", {} counted, {} left out by the filters",
            thousands(report.counted),
            thousands(report.filtered_out)
        );
    }
    if report.unreadable.count > 0 {
        text += &format!(", {} unreadable", thousands(report.unreadable.count));
    }
    if let (Some(first), Some(last)) = (&report.from, &report.to) {
        text += &format!(", {} to {} UTC", minute(first), minute(last));
    }
    text
}

fn class_heading(group: &ClassGroup, theme: Theme) -> Line<'static> {
    let style = Class::parse(group.class).map_or(theme.heading(), |c| {
        theme.class(c).add_modifier(ratatui::style::Modifier::BOLD)
    });
    Line::from(vec![
        Span::styled(format!("{} {}", group.class, group.label), style),
        Span::styled(
            format!(
                "  {} lines, {}",
                thousands(group.count),
                percent(group.share)
            ),
            theme.dim(),
        ),
    ])
}

/// `  404     150,000   7.5%  ▊           Not Found: The server has no...`
fn status_line(row: &StatusRow, count_width: usize, width: usize, theme: Theme) -> Line<'static> {
    let class_style = class_style(row.code, theme);
    let mut spans = vec![
        Span::styled(format!("  {:<7}", row.status), class_style),
        Span::raw(format!(
            "{:>count_width$} {:>6}  ",
            thousands(row.count),
            percent(row.share)
        )),
        Span::styled(pad(&bar(row.share, BAR), BAR + 2), class_style),
    ];
    let used = 2 + 7 + count_width + 1 + 6 + 2 + BAR + 2;
    let room = width.saturating_sub(used);
    let (name, badge, rest) = describe(row);
    let name = truncate(&name, room);
    let badge = truncate(&badge, room.saturating_sub(width_of(&name)));
    let left = room.saturating_sub(width_of(&name) + width_of(&badge));
    spans.push(Span::styled(
        name,
        if row.name.is_some() {
            theme.title()
        } else {
            theme.dim()
        },
    ));
    spans.push(Span::styled(badge, theme.badge()));
    spans.push(Span::raw(truncate(&rest, left)));
    Line::from(spans)
}

/// The name, the origin badge and the meaning of a status row.
fn describe(row: &StatusRow) -> (String, String, String) {
    let Some(name) = &row.name else {
        let what = match row.alternatives.as_slice() {
            [] => format!("unknown {}", class_word(row.code)),
            ids => format!("one of {}", ids.join(", ")),
        };
        return (what, String::new(), String::new());
    };
    let badge = match row.origin {
        Some(origin) if origin != Origin::Iana => format!(" [{}]", origin.label()),
        _ => String::new(),
    };
    let summary = row
        .summary
        .as_deref()
        .map_or(String::new(), |s| format!("  {}", escape(s)));
    (escape(name).into_owned(), badge, summary)
}

fn class_word(code: u16) -> String {
    match code {
        100..=599 => format!("{}xx", code / 100),
        _ => "status outside 100-599".into(),
    }
}

fn upstream_lines(
    upstream: &Upstream,
    count_width: usize,
    theme: Theme,
    lines: &mut Vec<Line<'static>>,
) {
    let title = format!(
        "Statuses from the {} (what the server behind the {} answered)",
        upstream.label,
        if upstream.label == "origin" {
            "edge"
        } else {
            "load balancer"
        }
    );
    lines.push(Line::styled(title, theme.heading()));
    let total: u64 = upstream.no_response + upstream.statuses.iter().map(|r| r.count).sum::<u64>();
    let rows = upstream.statuses.iter().map(|r| {
        (
            format!("{:03}", r.code),
            r.count,
            r.name.clone(),
            class_style(r.code, theme),
        )
    });
    let none = (upstream.no_response > 0).then(|| {
        (
            "none".to_string(),
            upstream.no_response,
            Some("no response".to_string()),
            theme.dim(),
        )
    });
    for (code, count, name, style) in rows.chain(none) {
        let share = if total == 0 {
            0.0
        } else {
            count as f64 / total as f64
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {code:<7}"), style),
            Span::raw(format!(
                "{:>count_width$} {:>6}  ",
                thousands(count),
                percent(share)
            )),
            Span::styled(pad(&bar(share, BAR), BAR + 2), style),
            Span::raw(name.map(|n| escape(&n).into_owned()).unwrap_or_default()),
        ]));
    }
    lines.push(Line::raw(""));
}

fn class_style(code: u16, theme: Theme) -> Style {
    match code {
        100..=599 => theme.class(Class::of(code)),
        _ => theme.dim(),
    }
}

fn count_width(report: &Report) -> usize {
    let largest = report
        .classes
        .iter()
        .flat_map(|g| &g.statuses)
        .map(|r| r.count)
        .max()
        .unwrap_or(0);
    thousands(largest).len().max(5)
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

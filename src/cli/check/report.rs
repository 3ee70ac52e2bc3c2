//! The terminal report: one block per URL, the chain drawn with arrows,
//! each status with its catalog name and meaning, then the findings.
//! Every string from a server goes through `Output::lines`, which escapes
//! control characters.

use httpdex_catalog::Class;
use httpdex_check::{Chain, Hop, Level};
use httpdex_core::theme::Theme;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

/// The block for one chain.
pub fn chain(chain: &Chain, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        chain.input.clone(),
        theme.heading(),
    ))];
    for (i, hop) in chain.hops.iter().enumerate() {
        if i > 0 {
            lines.push(Line::from(Span::styled("  │", theme.dim())));
            lines.push(Line::from(Span::styled("  ↓", theme.dim())));
        }
        hop_lines(hop, theme, &mut lines);
    }
    if let Some(failure) = &chain.failure {
        if !chain.hops.is_empty() {
            lines.push(Line::from(Span::styled("  ↓", theme.dim())));
        }
        lines.push(Line::from(vec![
            Span::styled("  ✗ ", theme.error()),
            Span::raw(format!("{}  ", failure.url)),
            Span::styled(failure.message.clone(), theme.error()),
        ]));
    }
    for finding in &chain.findings {
        let style = level_style(finding.level, theme);
        let hop = finding
            .hop
            .map(|h| format!(" [hop {}]", h + 1))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<8}", finding.level.name()), style),
            Span::raw(format!("{}{hop}: {}", finding.code, finding.message)),
            Span::styled(format!("  ({})", finding.reference), theme.dim()),
        ]));
    }
    lines.push(Line::default());
    lines
}

fn hop_lines(hop: &Hop, theme: Theme, lines: &mut Vec<Line<'static>>) {
    let status_style = if (100..=599).contains(&hop.status) {
        theme
            .class(Class::of(hop.status))
            .add_modifier(Modifier::BOLD)
    } else {
        theme.error()
    };
    let name = hop
        .name
        .clone()
        .unwrap_or_else(|| "(not in the catalog)".into());
    let mut vendor = (hop.vendor.as_ref())
        .map(|v| format!(" [{v}]"))
        .unwrap_or_default();
    // The phrase received, where it is not the registered one.
    if let Some(reason) = &hop.reason {
        vendor += &format!(" (sent as \"{reason}\")");
    }
    lines.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(format!("{} {}", hop.status, name), status_style),
        Span::raw(vendor),
        Span::styled(
            format!("  {} {} {}", hop.method, hop.url, hop.version),
            theme.dim(),
        ),
        Span::styled(
            format!("  {} ms head, {} ms total", hop.head_ms, hop.total_ms),
            theme.dim(),
        ),
    ]));
    if let Some(summary) = &hop.summary {
        lines.push(Line::from(Span::styled(
            format!("      {summary}"),
            theme.italic(),
        )));
    }
    for (name, value) in &hop.headers {
        let mut spans = vec![Span::styled(format!("      {name}: "), theme.dim())];
        spans.push(Span::raw(value.clone()));
        if name.eq_ignore_ascii_case("location")
            && let Some(resolved) = hop.resolved.as_ref().filter(|r| *r != value)
        {
            spans.push(Span::styled(format!("  → {resolved}"), theme.dim()));
        }
        lines.push(Line::from(spans));
    }
}

fn level_style(level: Level, theme: Theme) -> Style {
    if !theme.color {
        return Style::default();
    }
    match level {
        Level::Error => Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        Level::Warning => Style::default().fg(Color::Yellow),
        Level::Note => Style::default().fg(Color::Cyan),
    }
}

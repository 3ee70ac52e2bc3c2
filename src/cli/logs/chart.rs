//! The report's charts and numbers: share bars, sparklines over time,
//! counts with thousands separators, sizes and durations.

use httpdex_catalog::Class;
use httpdex_core::theme::Theme;
use httpdex_logs::CLASSES;
use httpdex_logs::report::TimelineReport;
use ratatui::text::{Line, Span};

/// Columns of a sparkline at most.
const SPARK: usize = 60;

/// A sparkline per class over the logs' time span, as many columns as
/// fit (at most `SPARK`), each summing whole buckets.
pub(super) fn timeline_lines(
    timeline: &TimelineReport,
    width: usize,
    theme: Theme,
    lines: &mut Vec<Line<'static>>,
) {
    let (Some(first), Some(last)) = (timeline.buckets.first(), timeline.buckets.last()) else {
        return;
    };
    let start = httpdex_logs::time::iso(first.start.as_bytes()).unwrap_or(0);
    let end =
        httpdex_logs::time::iso(last.start.as_bytes()).unwrap_or(start) + timeline.bucket_seconds;
    let columns_max = width.saturating_sub(20).clamp(10, SPARK) as i64;
    let per_column = ((end - start) / timeline.bucket_seconds + columns_max - 1) / columns_max
        * timeline.bucket_seconds;
    let columns = ((end - start + per_column - 1) / per_column).max(1) as usize;
    let mut sums = vec![[0u64; CLASSES]; columns];
    for bucket in &timeline.buckets {
        let at = httpdex_logs::time::iso(bucket.start.as_bytes()).unwrap_or(start);
        let column = (((at - start) / per_column) as usize).min(columns - 1);
        for (sum, n) in sums[column].iter_mut().zip(bucket.counts) {
            *sum += n;
        }
    }
    let title = format!(
        "Over time (UTC): {} to {}, {} a column",
        minute(&first.start),
        minute(&httpdex_logs::time::format_utc(end)),
        duration(per_column)
    );
    lines.push(Line::styled(title, theme.heading()));
    for class in 0..CLASSES {
        let series: Vec<u64> = sums.iter().map(|c| c[class]).collect();
        let peak = series.iter().copied().max().unwrap_or(0);
        if peak == 0 {
            continue;
        }
        let name = ["1xx", "2xx", "3xx", "4xx", "5xx", "other"][class];
        let style = Class::parse(name).map_or(theme.dim(), |c| theme.class(c));
        lines.push(Line::from(vec![
            Span::styled(format!("  {name:<6}"), style),
            Span::styled(sparkline(&series, peak), style),
            Span::styled(format!("  peak {}", thousands(peak)), theme.dim()),
        ]));
    }
    lines.push(Line::raw(""));
}

fn sparkline(series: &[u64], peak: u64) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    series
        .iter()
        .map(|&n| match n {
            0 => ' ',
            n => LEVELS[((n * 8).div_ceil(peak) as usize).clamp(1, 8) - 1],
        })
        .collect()
}

/// A bar of `width` columns for a share, in eighths; never empty for a
/// share above zero.
pub(super) fn bar(share: f64, width: usize) -> String {
    const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    let eighths = ((share * (width * 8) as f64).round() as usize).max(usize::from(share > 0.0));
    let mut bar = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        bar.push(EIGHTHS[eighths % 8 - 1]);
    }
    bar
}

pub(super) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub(super) fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

pub(super) fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.2} GB", bytes as f64 / 1e9),
    }
}

/// `2000-10-10T13:55:00Z` as `2000-10-10 13:55`.
pub(super) fn minute(rfc3339: &str) -> String {
    rfc3339.get(..16).unwrap_or(rfc3339).replacen('T', " ", 1)
}

fn duration(seconds: i64) -> String {
    match seconds {
        s if s % 86_400 == 0 => format!("{} d", s / 86_400),
        s if s % 3600 == 0 => format!("{} h", s / 3600),
        s if s % 60 == 0 => format!("{} min", s / 60),
        s => format!("{s} s"),
    }
}

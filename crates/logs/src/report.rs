//! The report on one or more logs: each status resolved through the catalog
//! with its log's origin (a 499 in an nginx log is nginx's), grouped by
//! class with counts and shares, the top paths of error statuses, the
//! upstream statuses, a timeline and the unreadable lines. It serialises as
//! `httpdex logs --json` prints it (documented in the README); the CLI and
//! the TUI draw it.

use std::collections::BTreeMap;

use httpdex_catalog::{Catalog, Class, Entry, Match, Origin};
use serde::{Serialize, Serializer};

use crate::timeline::{CLASSES, Counts, Timeline, class_index};
use crate::{Analysis, Format, TopPaths};

/// Unreadable line numbers the report names.
const FIRST_BAD: usize = 5;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub files: Vec<FileInfo>,
    pub lines: u64,
    pub counted: u64,
    pub filtered_out: u64,
    pub unreadable: Unreadable,
    pub classes: Vec<ClassGroup>,
    /// ALB target or Cloudflare origin statuses, where the logs have them.
    pub upstream: Option<Upstream>,
    /// `None` when no counted line carried a time (or `--summary`).
    pub timeline: Option<TimelineReport>,
    /// The first and last time of the counted lines (RFC 3339, UTC).
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileInfo {
    pub path: String,
    pub format: Option<Format>,
    pub lines: u64,
    pub bytes: u64,
    /// Why reading stopped early (a truncated gzip file).
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unreadable {
    pub count: u64,
    pub first: Vec<LineRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineRef {
    pub file: String,
    pub line: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClassGroup {
    /// `1xx` .. `5xx`, or `other` for codes outside 100-599.
    pub class: &'static str,
    pub label: &'static str,
    pub count: u64,
    pub share: f64,
    pub statuses: Vec<StatusRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusRow {
    /// As shown: `404`, `401.2`.
    pub status: String,
    pub code: u16,
    pub substatus: Option<u32>,
    pub count: u64,
    /// Of the counted lines, 0 to 1.
    pub share: f64,
    /// The catalog entry; all `None` for an unknown or ambiguous code.
    pub id: Option<String>,
    pub name: Option<String>,
    pub origin: Option<Origin>,
    pub summary: Option<String>,
    /// How the entry was found (`substatus`, `origin`, `iana`, `custom`,
    /// `only`, `ambiguous`, `unknown`).
    #[serde(rename = "match", serialize_with = "match_slug")]
    pub by: Match,
    /// For an ambiguous code, the ids it could be.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    /// For error statuses (4xx and up), the most frequent paths.
    pub top_paths: Vec<PathCount>,
    /// False when a status had so many distinct paths that the rarest
    /// were dropped: the counts are then lower bounds.
    pub top_paths_exact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathCount {
    /// The path as logged, invalid UTF-8 replaced.
    pub path: String,
    pub count: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Upstream {
    /// `target` (ALB) or `origin` (Cloudflare).
    pub label: &'static str,
    /// Lines where the upstream gave no response (`-`, 0).
    pub no_response: u64,
    pub statuses: Vec<UpstreamRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UpstreamRow {
    pub code: u16,
    pub count: u64,
    pub share: f64,
    pub id: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineReport {
    pub bucket_seconds: i64,
    pub buckets: Vec<Bucket>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bucket {
    /// RFC 3339, UTC.
    pub start: String,
    #[serde(serialize_with = "class_counts")]
    pub counts: Counts,
}

/// One log, as the report needs it: its name and what reading it found.
pub struct Source<'a> {
    pub name: String,
    pub analysis: &'a Analysis,
}

/// A status line of the report before it is laid out.
struct Row<'c> {
    code: u16,
    substatus: Option<u32>,
    count: u64,
    entry: Option<&'c Entry>,
    by: Match,
    alternatives: Vec<String>,
    paths: Option<TopPaths>,
}

impl Report {
    /// `top` paths are listed for each error status.
    pub fn build(catalog: &Catalog, sources: &[Source], top: usize) -> Report {
        // By code, then substatus, then entry (two logs may resolve a
        // number differently).
        let mut rows: BTreeMap<(u16, Option<u32>, String), Row> = BTreeMap::new();
        let mut timeline: Option<Timeline> = None;
        for source in sources {
            let stats = &source.analysis.stats;
            let origin = source.analysis.format.and_then(Format::origin);
            for (key, count) in stats.statuses() {
                let resolved = catalog.resolve(key.code, key.substatus, origin);
                // Most IIS lines carry substatus 0, which adds nothing
                // unless it has an entry of its own (404.0).
                let substatus = key
                    .substatus
                    .filter(|&s| s != 0 || resolved.by == Match::Substatus);
                let id = resolved.entry.map_or(String::new(), |e| e.id.to_string());
                let row = rows
                    .entry((key.code, substatus, id))
                    .or_insert_with(|| Row {
                        code: key.code,
                        substatus,
                        count: 0,
                        entry: resolved.entry,
                        by: resolved.by,
                        alternatives: resolved
                            .alternatives
                            .iter()
                            .map(|e| e.id.to_string())
                            .collect(),
                        paths: None,
                    });
                row.count += count;
                if let Some(paths) = stats.paths(key) {
                    row.paths
                        .get_or_insert_with(TopPaths::default)
                        .merge(paths.clone());
                }
            }
            if !stats.timeline().is_empty() {
                timeline
                    .get_or_insert_with(Timeline::default)
                    .merge(stats.timeline().clone());
            }
        }
        let counted = sources.iter().map(|s| s.analysis.stats.counted()).sum();
        let spans = sources.iter().filter_map(|s| s.analysis.stats.span());
        let span = spans.reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
        Report {
            files: sources.iter().map(file_info).collect(),
            lines: sources.iter().map(|s| s.analysis.stats.lines()).sum(),
            counted,
            filtered_out: sources
                .iter()
                .map(|s| s.analysis.stats.filtered_out())
                .sum(),
            unreadable: unreadable(sources),
            classes: group(rows.into_values(), counted, top),
            upstream: upstream(catalog, sources),
            timeline: timeline.map(|t| timeline_report(&t)),
            from: span.map(|(first, _)| crate::time::format_utc(first)),
            to: span.map(|(_, last)| crate::time::format_utc(last)),
        }
    }
}

/// `404`, `401.2`, `000`.
fn shown_status(code: u16, substatus: Option<u32>) -> String {
    match substatus {
        Some(sub) => format!("{code:03}.{sub}"),
        None => format!("{code:03}"),
    }
}

fn file_info(source: &Source) -> FileInfo {
    let a = source.analysis;
    FileInfo {
        path: source.name.clone(),
        format: a.format,
        lines: a.stats.lines(),
        bytes: a.bytes,
        error: a.error.clone(),
    }
}

fn unreadable(sources: &[Source]) -> Unreadable {
    let first = sources
        .iter()
        .flat_map(|s| {
            let lines = s.analysis.stats.unreadable_lines().iter();
            lines.map(|&line| LineRef {
                file: s.name.clone(),
                line,
            })
        })
        .take(FIRST_BAD)
        .collect();
    Unreadable {
        count: sources.iter().map(|s| s.analysis.stats.unreadable()).sum(),
        first,
    }
}

fn group<'c>(rows: impl Iterator<Item = Row<'c>>, counted: u64, top: usize) -> Vec<ClassGroup> {
    let mut groups: Vec<ClassGroup> = (0..CLASSES)
        .map(|i| {
            let (class, label) = class_names(i);
            ClassGroup {
                class,
                label,
                count: 0,
                share: 0.0,
                statuses: Vec::new(),
            }
        })
        .collect();
    for row in rows {
        let group = &mut groups[class_index(row.code)];
        group.count += row.count;
        group.statuses.push(status_row(row, counted, top));
    }
    groups.retain(|g| g.count > 0);
    for g in &mut groups {
        g.share = share(g.count, counted);
    }
    groups
}

fn status_row(row: Row, counted: u64, top: usize) -> StatusRow {
    let (top_paths, exact) = match &row.paths {
        Some(paths) => {
            let listed = paths.top(top).into_iter().map(|(p, n)| PathCount {
                path: String::from_utf8_lossy(p).into_owned(),
                count: n,
            });
            (listed.collect(), paths.exact())
        }
        None => (Vec::new(), true),
    };
    let entry = row.entry;
    StatusRow {
        status: shown_status(row.code, row.substatus),
        code: row.code,
        substatus: row.substatus,
        count: row.count,
        share: share(row.count, counted),
        id: entry.map(|e| e.id.to_string()),
        name: entry.map(|e| e.name.to_string()),
        origin: entry.map(|e| e.origin),
        summary: entry.map(|e| e.summary.to_string()),
        by: row.by,
        alternatives: row.alternatives,
        top_paths,
        top_paths_exact: exact,
    }
}

fn class_names(index: usize) -> (&'static str, &'static str) {
    match Class::ALL.get(index) {
        Some(class) => (["1xx", "2xx", "3xx", "4xx", "5xx"][index], class.label()),
        None => ("other", "Outside 100-599"),
    }
}

fn upstream(catalog: &Catalog, sources: &[Source]) -> Option<Upstream> {
    let mut label = None;
    let mut counts: BTreeMap<u16, u64> = BTreeMap::new();
    for source in sources {
        let Some(codes) = source.analysis.stats.upstream() else {
            continue;
        };
        let format = source.analysis.format.and_then(Format::upstream_label);
        label = label.or(format).or(Some("upstream"));
        for (code, n) in codes {
            *counts.entry(code).or_default() += n;
        }
    }
    let label = label?;
    let total: u64 = counts.values().sum();
    let no_response = counts.remove(&0).unwrap_or(0);
    let statuses = counts
        .into_iter()
        .map(|(code, count)| {
            // What a server behind answers is its own: no origin hint.
            let entry = catalog.resolve(code, None, None).entry;
            UpstreamRow {
                code,
                count,
                share: share(count, total),
                id: entry.map(|e| e.id.to_string()),
                name: entry.map(|e| e.name.to_string()),
            }
        })
        .collect();
    Some(Upstream {
        label,
        no_response,
        statuses,
    })
}

fn timeline_report(timeline: &Timeline) -> TimelineReport {
    TimelineReport {
        bucket_seconds: timeline.width(),
        buckets: timeline
            .buckets()
            .into_iter()
            .map(|(start, counts)| Bucket {
                start: crate::time::format_utc(start),
                counts,
            })
            .collect(),
    }
}

fn share(n: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        n as f64 / total as f64
    }
}

fn match_slug<S: Serializer>(by: &Match, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(by.slug())
}

fn class_counts<S: Serializer>(counts: &Counts, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(CLASSES))?;
    for (i, n) in counts.iter().enumerate() {
        map.serialize_entry(class_names(i).0, n)?;
    }
    map.end()
}

//! Where checked chains go: the report streams block by block, CSV row by
//! row, JSON is one document at the end; all three end with the counts.

use std::io::{self, Write};

use httpdex_check::{Chain, Level, Line};
use httpdex_core::theme::Theme;
use serde::Serialize;

use super::report;
use crate::cli::Output;

enum Mode {
    Text,
    Json(Vec<UrlResult>),
    Csv { header_written: bool },
}

/// The counts the summary line and `--json`'s `summary` show.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub urls: usize,
    /// Final statuses by class ("2xx": 3), and "failed" for no response.
    pub finals: std::collections::BTreeMap<String, usize>,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

/// One URL in `--json`.
#[derive(Serialize)]
struct UrlResult {
    #[serde(flatten)]
    chain: Chain,
    final_status: Option<u16>,
    final_url: Option<String>,
}

#[derive(Serialize)]
struct Junk<'a> {
    line: usize,
    text: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct Document<'a> {
    urls: &'a [UrlResult],
    skipped: Vec<Junk<'a>>,
    summary: &'a Summary,
}

pub struct Sink {
    mode: Mode,
    summary: Summary,
    theme: Theme,
}

impl Sink {
    pub fn new(json: bool, csv: bool, theme: Theme) -> Sink {
        let mode = match (json, csv) {
            (true, _) => Mode::Json(Vec::new()),
            (_, true) => Mode::Csv {
                header_written: false,
            },
            _ => Mode::Text,
        };
        Sink {
            mode,
            summary: Summary::default(),
            theme,
        }
    }

    /// Takes the next chain in input order.
    pub fn push(&mut self, chain: Chain, o: &mut Output) -> io::Result<()> {
        self.count(&chain);
        match &mut self.mode {
            Mode::Text => o.lines(&report::chain(&chain, self.theme)),
            Mode::Json(all) => {
                all.push(UrlResult {
                    final_status: chain.final_status(),
                    final_url: chain.hops.last().map(|h| h.url.clone()),
                    chain,
                });
                Ok(())
            }
            Mode::Csv { header_written } => {
                if !*header_written {
                    writeln!(o.out, "{}", CSV_HEADER)?;
                    *header_written = true;
                }
                writeln!(o.out, "{}", csv_row(&chain))
            }
        }
    }

    fn count(&mut self, chain: &Chain) {
        let s = &mut self.summary;
        s.urls += 1;
        let class = match chain.final_status() {
            Some(status) => format!("{}xx", status / 100),
            None => "failed".to_string(),
        };
        *s.finals.entry(class).or_default() += 1;
        for finding in &chain.findings {
            match finding.level {
                Level::Error => s.errors += 1,
                Level::Warning => s.warnings += 1,
                Level::Note => s.notes += 1,
            }
        }
    }

    /// Ends the output: the JSON document, or the summary line (on stderr
    /// for CSV, so the file stays a table).
    pub fn finish(self, lines: &[Line], o: &mut Output) -> io::Result<()> {
        let summary = summary_line(&self.summary);
        match &self.mode {
            Mode::Json(all) => {
                let skipped = lines
                    .iter()
                    .filter_map(|l| match l {
                        Line::Junk { line, text, reason } => Some(Junk {
                            line: *line,
                            text,
                            reason,
                        }),
                        Line::Url { .. } => None,
                    })
                    .collect();
                o.json(&Document {
                    urls: all,
                    skipped,
                    summary: &self.summary,
                })
            }
            Mode::Csv { .. } => writeln!(o.err, "{summary}"),
            Mode::Text => writeln!(o.out, "{summary}"),
        }
    }
}

/// `3 URLs: 2 2xx, 1 4xx · findings: 1 error, 2 warnings, 0 notes`
fn summary_line(s: &Summary) -> String {
    let finals: Vec<String> = s.finals.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}: {} · findings: {}, {}, {}",
        plural(s.urls, "URL"),
        finals.join(", "),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.notes, "note"),
    )
}

const CSV_HEADER: &str =
    "url,final_url,final_status,redirects,errors,warnings,notes,failure,findings,chain";

fn csv_row(chain: &Chain) -> String {
    let count = |level| chain.findings.iter().filter(|f| f.level == level).count();
    let codes: Vec<&str> = chain.findings.iter().map(|f| f.code).collect();
    let statuses: Vec<String> = chain.hops.iter().map(|h| h.status.to_string()).collect();
    let fields = [
        chain.input.clone(),
        chain.hops.last().map(|h| h.url.clone()).unwrap_or_default(),
        chain
            .final_status()
            .map(|s| s.to_string())
            .unwrap_or_default(),
        chain.hops.len().saturating_sub(1).to_string(),
        count(Level::Error).to_string(),
        count(Level::Warning).to_string(),
        count(Level::Note).to_string(),
        chain
            .failure
            .as_ref()
            .map(|f| f.message.clone())
            .unwrap_or_default(),
        codes.join(";"),
        statuses.join(">"),
    ];
    let cells: Vec<String> = fields.iter().map(|f| csv_cell(f)).collect();
    cells.join(",")
}

/// RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a
/// leading apostrophe.
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

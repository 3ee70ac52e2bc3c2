//! `httpdex logs`: what the status codes in access logs mean. Reads the
//! files (or standard input), builds the report (`httpdex_logs::report`)
//! and prints it as text or JSON; `--follow` then prints an updated
//! summary whenever lines are added.

mod chart;
mod text;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use httpdex_catalog::Catalog;
use httpdex_logs::report::{Report, Source};
use httpdex_logs::{Analysis, Error, Follower, Format, Options, StatusFilter, TimeRange};

use super::{Output, exit};

#[derive(Debug, PartialEq, clap::Args)]
pub struct LogsArgs {
    /// Access logs, gzip or plain; standard input when none or `-`
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// combined, common, vhost-combined, vhost-common, w3c (IIS), elb (ALB),
    /// cloudflare, caddy or json [default: told from the first lines]
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,
    /// The status field of JSON lines, dotted when nested
    /// (http.response.status_code) [default: status, status_code, ...]
    #[arg(long, value_name = "NAME")]
    pub status_field: Option<String>,
    /// Count only these statuses: classes, codes, IIS substatuses (5xx,429,401.2)
    #[arg(long, value_name = "LIST", value_parser = StatusFilter::parse)]
    pub status: Option<StatusFilter>,
    /// Count only lines from this time on: 2024-01-31, 2024-01-31T10:00:00Z,
    /// or an age (30m, 2h, 7d)
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub since: Option<i64>,
    /// Count only lines before this time (same forms as --since)
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub until: Option<i64>,
    /// Paths listed for each error status
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    /// Status counts only, without top paths or timeline: the fastest read
    #[arg(long)]
    pub summary: bool,
    /// Print the whole report as JSON (with --follow: one line per update)
    #[arg(long)]
    pub json: bool,
    /// Keep reading FILE as it grows, through rotation; print an updated
    /// summary whenever lines are added (Ctrl-C stops)
    #[arg(long)]
    pub follow: bool,
}

fn parse_format(text: &str) -> Result<Format, String> {
    Format::from_slug(text).ok_or_else(|| {
        let all: Vec<&str> = Format::ALL.iter().map(|f| f.slug()).collect();
        format!(
            "{text:?} is not a log format; use one of {}",
            all.join(", ")
        )
    })
}

fn parse_time(text: &str) -> Result<i64, String> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    httpdex_logs::time::parse_bound(text, now)
}

impl LogsArgs {
    fn options(&self) -> Options {
        Options {
            format: self.format,
            status_field: self.status_field.clone(),
            statuses: self.status.clone().unwrap_or_default(),
            range: TimeRange {
                since: self.since,
                until: self.until,
            },
            summary_only: self.summary,
        }
    }

    fn reads_stdin(&self) -> bool {
        self.files.is_empty() || self.files.iter().any(|f| f == Path::new("-"))
    }
}

pub fn run(catalog: &Catalog, args: &LogsArgs, o: &mut Output) -> io::Result<i32> {
    if let Some(problem) = usage_problem(args) {
        writeln!(o.err, "httpdex: {problem} (see `httpdex logs --help`)")?;
        return Ok(exit::USAGE);
    }
    let options = args.options();
    let mut analyses: Vec<(String, Analysis)> = Vec::new();
    let mut code = exit::OK;
    let inputs: Vec<&Path> = match args.files.as_slice() {
        [] => vec![Path::new("-")],
        files => files.iter().map(PathBuf::as_path).collect(),
    };
    for input in inputs {
        let name = match input.to_string_lossy() {
            name if name == "-" => "standard input".to_string(),
            name => text::escape(&name).into_owned(),
        };
        let read = if input == Path::new("-") {
            httpdex_logs::analyze_reader(io::stdin(), &options)
        } else {
            httpdex_logs::analyze_path(input, &options)
        };
        match read {
            Ok(analysis) => {
                if let Some(why) = &analysis.error {
                    let why = text::escape(why);
                    writeln!(
                        o.err,
                        "httpdex: {name}: {why}; the report covers the lines before"
                    )?;
                    code = exit::IO;
                }
                analyses.push((name, analysis));
            }
            Err(e) => {
                writeln!(o.err, "httpdex: {name}: {}", text::escape(&e.to_string()))?;
                code = code.max(match e {
                    Error::Io(_) => exit::IO,
                    Error::Format(_) => exit::USAGE,
                });
            }
        }
    }
    if analyses.is_empty() {
        return Ok(code);
    }
    let report = build(catalog, &analyses, args.top);
    if args.json && args.follow {
        // JSON lines: this report, then one per update.
        o.json_line(&report)?;
    } else if args.json {
        o.json(&report)?;
    } else {
        text::write_report(&report, o)?;
    }
    if args.follow {
        let (name, analysis) = analyses.remove(0);
        return follow(catalog, args, &args.files[0], &name, analysis, o);
    }
    Ok(match code {
        exit::OK if report.counted == 0 => exit::NOT_FOUND,
        code => code,
    })
}

/// What clap cannot check: combinations that depend on where input comes from.
fn usage_problem(args: &LogsArgs) -> Option<&'static str> {
    if args.follow && (args.files.len() != 1 || args.reads_stdin()) {
        return Some("--follow follows one FILE (standard input is followed by the pipe itself)");
    }
    if args.reads_stdin() && io::stdin().is_terminal() {
        return Some(
            "logs reads FILE, or a log piped in: `httpdex logs access.log`, `zcat x.gz | httpdex logs`",
        );
    }
    if args.top > 1000 {
        return Some("--top is at most 1000");
    }
    None
}

fn build(catalog: &Catalog, analyses: &[(String, Analysis)], top: usize) -> Report {
    let sources: Vec<Source> = analyses
        .iter()
        .map(|(name, analysis)| Source {
            name: name.clone(),
            analysis,
        })
        .collect();
    Report::build(catalog, &sources, top)
}

/// Follows the file after its report: each batch of new lines is merged
/// into the totals and an updated summary printed (a JSON line with
/// `--json`). Runs until interrupted or the output is closed.
fn follow(
    catalog: &Catalog,
    args: &LogsArgs,
    path: &Path,
    name: &str,
    analysis: Analysis,
    o: &mut Output,
) -> io::Result<i32> {
    o.out.flush()?;
    let mut follower = Follower::after(path, args.options(), &analysis)
        .map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?;
    let mut total = analysis;
    let mut failed: Option<io::Error> = None;
    let never = AtomicBool::new(false);
    let result = follower.run(&never, httpdex_logs::POLL_INTERVAL, |batch| {
        total.stats.merge(batch.stats.clone());
        let source = Source {
            name: name.to_string(),
            analysis: &total,
        };
        let report = Report::build(catalog, &[source], args.top);
        let written = if args.json {
            o.json_line(&report)
        } else {
            text::write_update(&report, &batch, o)
        };
        match written.and_then(|()| o.out.flush()) {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    match result {
        Ok(()) => Ok(exit::OK),
        Err(e) => {
            writeln!(o.err, "httpdex: {name}: {}", text::escape(&e.to_string()))?;
            Ok(exit::IO)
        }
    }
}

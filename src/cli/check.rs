//! `httpdex check`: fetches URLs, follows each redirect chain by hand and
//! says what every hop means and what is wrong (`httpdex_check`), then
//! prints a report, JSON or CSV, and an exit code a CI job can gate on.

mod formats;
mod report;

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::Duration;

use httpdex_catalog::Catalog;
use httpdex_check::{Chain, FailureKind, Level, Line, Method, Options, PoolOptions};

use super::{Output, exit};

/// Shown under `httpdex check --help`.
const AFTER_HELP: &str = "\
Exit status, the first that applies to any URL:
   14  a request got no answer within the timeout
   13  a connection, name or TLS failure
   12  a final status in 5xx
   11  a final status in 4xx
   10  an error-level finding (a redirect loop, a 401 without challenge, ...),
       or a chain that ends on a redirect it could not follow
    0  every final status is 2xx (or 3xx with --no-follow) and no error
    2  bad usage, or input with no URL at all (junk lines are reported
       on stderr with their line number; the other lines are checked)";

#[derive(Debug, PartialEq, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct CheckArgs {
    /// URLs to check; without a scheme, https is tried
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,
    /// Read URLs from FILE (`-` for standard input), one a line; blank
    /// lines and `#` comments are skipped
    #[arg(long, short, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Print one JSON document: per URL the hops, final status and findings
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV, one row per URL, for spreadsheets
    #[arg(long)]
    pub csv: bool,
    /// Checks in flight at once
    #[arg(long, short, value_name = "N", default_value_t = 8,
          value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: u16,
    /// Checks in flight to one host at once
    #[arg(long, value_name = "N", default_value_t = 2,
          value_parser = clap::value_parser!(u16).range(1..=256))]
    pub per_host: u16,
    /// Redirects followed before giving up (Google follows 10)
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub max_redirects: u16,
    /// Report the first response only
    #[arg(long)]
    pub no_follow: bool,
    /// get, or head (falls back to GET on 405 and 501)
    #[arg(long, value_name = "METHOD", default_value = "get", value_parser = parse_method)]
    pub method: MethodArg,
    /// Seconds allowed for each phase: lookup, connect, response head, body
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, value_parser = parse_seconds)]
    pub timeout: f64,
    /// An extra request header, `Name: value` (repeatable); Authorization
    /// and Cookie are not sent on to another origin
    #[arg(long = "header", short = 'H', value_name = "HEADER", value_parser = parse_header)]
    pub headers: Vec<(String, String)>,
    /// googlebot, chrome, curl, or any string [default: httpdex/VERSION]
    #[arg(long, value_name = "AGENT")]
    pub user_agent: Option<String>,
    /// Go on past a bad certificate (still reported, as a warning)
    #[arg(long, short = 'k')]
    pub insecure: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MethodArg(Method);

fn parse_method(text: &str) -> Result<MethodArg, String> {
    match text.to_ascii_lowercase().as_str() {
        "get" => Ok(MethodArg(Method::Get)),
        "head" => Ok(MethodArg(Method::Head)),
        _ => Err(format!("{text:?} is not a method; use get or head")),
    }
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 3600.0 => Ok(s),
        _ => Err(format!("{text:?} is not a number of seconds (0-3600)")),
    }
}

fn parse_header(text: &str) -> Result<(String, String), String> {
    let (name, value) = text
        .split_once(':')
        .ok_or_else(|| format!("{text:?} is not `Name: value`"))?;
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(token) {
        return Err(format!("{name:?} is not a header name"));
    }
    if value.chars().any(|c| c.is_control() && c != '\t') {
        return Err("a header value cannot hold control characters".into());
    }
    Ok((name.to_string(), value.trim().to_string()))
}

/// What `--user-agent` stands for.
fn user_agent(arg: Option<&str>) -> String {
    match arg.map(str::to_ascii_lowercase).as_deref() {
        None => Options::default().user_agent,
        Some("googlebot") => {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)".into()
        }
        Some("chrome") => "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36".into(),
        Some("curl") => "curl/8.5.0".into(),
        Some(_) => arg.unwrap_or_default().to_string(),
    }
}

impl CheckArgs {
    fn options(&self) -> Options {
        Options {
            method: self.method.0,
            follow: !self.no_follow,
            max_redirects: usize::from(self.max_redirects),
            timeout: Duration::from_secs_f64(self.timeout),
            headers: self.headers.clone(),
            user_agent: user_agent(self.user_agent.as_deref()),
            insecure: self.insecure,
            ..Options::default()
        }
    }
}

pub fn run(catalog: &Catalog, args: &CheckArgs, o: &mut Output) -> io::Result<i32> {
    let lines = match gather(args, o)? {
        Ok(lines) => lines,
        Err(message) => {
            writeln!(o.err, "httpdex: {message}")?;
            return Ok(exit::USAGE);
        }
    };
    let mut urls = Vec::new();
    for line in &lines {
        match line {
            Line::Url { url, .. } => urls.push(url.clone()),
            Line::Junk { line, text, reason } => {
                writeln!(o.err, "httpdex: line {line}: {text}: {reason}; skipped")?;
            }
        }
    }
    if urls.is_empty() {
        writeln!(
            o.err,
            "httpdex: no URL to check (see `httpdex check --help`)"
        )?;
        return Ok(exit::USAGE);
    }
    let pool = PoolOptions {
        jobs: usize::from(args.jobs),
        per_host: usize::from(args.per_host),
    };
    let options = args.options();
    let progress = progress_bar(urls.len());
    let mut sink = formats::Sink::new(args.json, args.csv, o.theme());
    let mut code = exit::OK;
    let mut failed = Ok(());
    httpdex_check::check_all(
        catalog,
        &urls,
        &options,
        pool,
        || {
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        },
        |_, chain| {
            code = worse(code, exit_code(&chain, options.follow));
            let write = || sink.push(chain, o);
            let written = match &progress {
                Some(bar) => bar.suspend(write),
                None => write(),
            };
            if failed.is_ok() {
                failed = written;
            }
        },
    );
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    failed?;
    sink.finish(&lines, o)?;
    Ok(code)
}

/// The URL lines: arguments (junk among them reported here), then
/// `--input`, or standard input when neither is given and it is not a
/// terminal, numbered by its own lines.
fn gather(args: &CheckArgs, o: &mut Output) -> io::Result<Result<Vec<Line>, String>> {
    let mut lines = Vec::new();
    for (i, arg) in args.urls.iter().enumerate() {
        match httpdex_check::parse_line(arg) {
            Ok(url) => lines.push(Line::Url { line: 0, url }),
            Err(reason) => writeln!(
                o.err,
                "httpdex: argument {}: {arg}: {reason}; skipped",
                i + 1
            )?,
        }
    }
    let text = match &args.input {
        Some(path) if path.as_os_str() == "-" => read_capped(io::stdin(), "standard input"),
        Some(path) => {
            let name = httpdex_core::safe::escape(&path.display().to_string()).into_owned();
            std::fs::File::open(path)
                .map_err(|e| format!("{name}: {e}"))
                .and_then(|file| read_capped(file, &name))
        }
        None if args.urls.is_empty() && !io::stdin().is_terminal() => {
            read_capped(io::stdin(), "standard input")
        }
        None => Ok(Vec::new()),
    };
    Ok(text.map(|text| {
        lines.extend(httpdex_check::parse_bytes(&text));
        lines
    }))
}

/// The most of a URL list read: about a million URLs. Past it, the input
/// is something else (`/dev/zero`, a runaway `yes`), refused by name
/// rather than read until memory runs out.
const MAX_INPUT: u64 = 64 << 20;

/// All of `reader`, up to [`MAX_INPUT`]; `name` says where it came from.
fn read_capped(reader: impl Read, name: &str) -> Result<Vec<u8>, String> {
    httpdex_catalog::files::read_capped(reader, MAX_INPUT).map_err(|e| match e.kind() {
        io::ErrorKind::FileTooLarge => format!("{name}: {e}; split the list"),
        _ => format!("{name}: {e}"),
    })
}

fn progress_bar(total: usize) -> Option<indicatif::ProgressBar> {
    if total < 2 || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} URLs  {elapsed}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

/// The exit code one chain calls for (see `AFTER_HELP`).
fn exit_code(chain: &Chain, follow: bool) -> i32 {
    if let Some(failure) = &chain.failure {
        return match failure.kind {
            FailureKind::Timeout => exit::TIMEOUT,
            FailureKind::Url => exit::USAGE,
            _ => exit::NETWORK,
        };
    }
    match chain.final_status() {
        Some(500..) => exit::CHECK_SERVER_ERROR,
        Some(400..=499) => exit::CHECK_CLIENT_ERROR,
        _ if chain.worst() == Some(Level::Error) => exit::CHECK_FINDING,
        Some(200..=299) => exit::OK,
        Some(300..=399) if !follow => exit::OK,
        _ => exit::CHECK_FINDING,
    }
}

/// The code to report of two: the first in `AFTER_HELP`'s order.
fn worse(a: i32, b: i32) -> i32 {
    let rank = |c: i32| match c {
        exit::TIMEOUT => 6,
        exit::NETWORK => 5,
        exit::CHECK_SERVER_ERROR => 4,
        exit::CHECK_CLIENT_ERROR => 3,
        exit::CHECK_FINDING => 2,
        exit::USAGE => 1,
        _ => 0,
    };
    if rank(b) > rank(a) { b } else { a }
}

#[cfg(test)]
mod tests {
    use super::*;
    use httpdex_check::{Failure, Finding};

    fn chain(status: Option<u16>, failure: Option<FailureKind>, error: bool) -> Chain {
        let hop = |status| httpdex_check::Hop {
            method: "GET".into(),
            url: "http://a.test/".into(),
            version: "HTTP/1.1".into(),
            status,
            entry: None,
            name: None,
            summary: None,
            reason: None,
            vendor: None,
            location: None,
            resolved: None,
            head_ms: 1,
            total_ms: 1,
            headers: Vec::new(),
            content_length: None,
            body_bytes: 0,
            title: None,
        };
        Chain {
            input: "a.test".into(),
            hops: status.map(hop).into_iter().collect(),
            failure: failure.map(|kind| Failure {
                kind,
                url: "http://a.test/".into(),
                message: String::new(),
            }),
            findings: error
                .then(|| Finding {
                    level: Level::Error,
                    code: "redirect-loop",
                    message: String::new(),
                    reference: String::new(),
                    hop: None,
                })
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn each_outcome_has_its_exit_code() {
        assert_eq!(exit_code(&chain(Some(200), None, false), true), exit::OK);
        assert_eq!(
            exit_code(&chain(Some(200), None, true), true),
            exit::CHECK_FINDING
        );
        assert_eq!(
            exit_code(&chain(Some(404), None, true), true),
            exit::CHECK_CLIENT_ERROR
        );
        assert_eq!(
            exit_code(&chain(Some(503), None, true), true),
            exit::CHECK_SERVER_ERROR
        );
        assert_eq!(exit_code(&chain(Some(301), None, false), false), exit::OK);
        let timeout = chain(None, Some(FailureKind::Timeout), false);
        assert_eq!(exit_code(&timeout, true), exit::TIMEOUT);
        let tls = chain(None, Some(FailureKind::Tls), true);
        assert_eq!(exit_code(&tls, true), exit::NETWORK);
    }

    #[test]
    fn the_worst_code_wins_in_the_documented_order() {
        let order = [
            exit::OK,
            exit::USAGE,
            exit::CHECK_FINDING,
            exit::CHECK_CLIENT_ERROR,
            exit::CHECK_SERVER_ERROR,
            exit::NETWORK,
            exit::TIMEOUT,
        ];
        for (i, &a) in order.iter().enumerate() {
            for &b in &order[i..] {
                assert_eq!(worse(a, b), b);
                assert_eq!(worse(b, a), b);
            }
        }
    }

    #[test]
    fn headers_and_agents_parse() {
        assert_eq!(
            parse_header("X-A:  b c ").unwrap(),
            ("X-A".to_string(), "b c".to_string())
        );
        assert!(parse_header("no colon").is_err());
        assert!(parse_header("Bad Name: x").is_err());
        assert!(user_agent(Some("googlebot")).contains("Googlebot/2.1"));
        assert_eq!(user_agent(Some("my-bot/1")), "my-bot/1");
    }
}

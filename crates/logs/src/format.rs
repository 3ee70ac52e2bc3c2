//! The formats read, their names on the command line, the origin each
//! implies for its statuses, and detection from a file's first lines.

use std::fmt;

use httpdex_catalog::Origin;
use serde::Serialize;

use crate::parse::{self, Line, Parser};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// nginx/Apache combined: common plus referer and user agent.
    Combined,
    /// The Common Log Format.
    Common,
    /// Combined with a leading virtual host (Apache's `vhost_combined`).
    VhostCombined,
    VhostCommon,
    /// IIS W3C extended, with its `#Fields:` directive.
    W3c,
    /// AWS Application or Classic Load Balancer.
    Elb,
    /// Cloudflare Logpush HTTP requests (JSON).
    Cloudflare,
    /// Caddy's access log (JSON).
    Caddy,
    /// Any JSON lines with a status field.
    Json,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Combined,
        Format::Common,
        Format::VhostCombined,
        Format::VhostCommon,
        Format::W3c,
        Format::Elb,
        Format::Cloudflare,
        Format::Caddy,
        Format::Json,
    ];

    /// The name for `--format` and JSON output.
    pub fn slug(self) -> &'static str {
        match self {
            Format::Combined => "combined",
            Format::Common => "common",
            Format::VhostCombined => "vhost-combined",
            Format::VhostCommon => "vhost-common",
            Format::W3c => "w3c",
            Format::Elb => "elb",
            Format::Cloudflare => "cloudflare",
            Format::Caddy => "caddy",
            Format::Json => "json",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Combined => "nginx/Apache combined",
            Format::Common => "nginx/Apache common",
            Format::VhostCombined => "nginx/Apache combined with virtual host",
            Format::VhostCommon => "nginx/Apache common with virtual host",
            Format::W3c => "IIS W3C extended",
            Format::Elb => "AWS load balancer (ALB or Classic)",
            Format::Cloudflare => "Cloudflare (JSON)",
            Format::Caddy => "Caddy (JSON)",
            Format::Json => "JSON lines",
        }
    }

    /// Accepts the slugs and the names people use: `nginx`, `apache`,
    /// `clf`, `iis`, `alb`, `aws`.
    pub fn from_slug(text: &str) -> Option<Format> {
        let text = text.trim().to_ascii_lowercase();
        let alias = match text.as_str() {
            "nginx" | "apache" => Some(Format::Combined),
            "clf" => Some(Format::Common),
            "iis" => Some(Format::W3c),
            "alb" | "aws" | "aws-elb" => Some(Format::Elb),
            "jsonl" | "ndjson" => Some(Format::Json),
            _ => None,
        };
        alias.or_else(|| Format::ALL.into_iter().find(|f| f.slug() == text))
    }

    /// Who produced the statuses this format logs: the origin hint for
    /// resolving them (a 499 in an nginx log is nginx's). Apache writes the
    /// same formats but has no code that nginx's entries would shadow.
    pub fn origin(self) -> Option<Origin> {
        match self {
            Format::Combined | Format::Common | Format::VhostCombined | Format::VhostCommon => {
                Some(Origin::Nginx)
            }
            Format::W3c => Some(Origin::Iis),
            Format::Elb => Some(Origin::AwsElb),
            Format::Cloudflare => Some(Origin::Cloudflare),
            Format::Caddy | Format::Json => None,
        }
    }

    /// What the second status of a line is, for formats that log one.
    pub fn upstream_label(self) -> Option<&'static str> {
        match self {
            Format::Elb => Some("target"),
            Format::Cloudflare => Some("origin"),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Why a file's format could not be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetectError {
    /// No known format reads most of the first lines; the first line is kept.
    Unknown(String),
    /// JSON lines, but none of the usual status fields (or not the one named).
    NoStatusField,
}

impl fmt::Display for DetectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DetectError::Unknown(line) => write!(
                f,
                "cannot tell the log format from the first lines (the first is {line:?}); name it with --format"
            ),
            DetectError::NoStatusField => f.write_str(
                "JSON lines without a status field; name it with --status-field (dotted for nested objects: http.response.status_code)",
            ),
        }
    }
}

impl std::error::Error for DetectError {}

/// Lines looked at to detect a format.
const SAMPLE_LINES: usize = 50;

/// The format of a log from its first lines (complete lines only). `None`
/// when there is no line to judge by.
pub fn detect(sample: &[u8], status_field: Option<&str>) -> Result<Option<Format>, DetectError> {
    let lines: Vec<&[u8]> = sample
        .split(|&c| c == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .filter(|l| !l.trim_ascii().is_empty())
        .take(SAMPLE_LINES)
        .collect();
    let Some(first) = lines.first() else {
        return Ok(None);
    };
    let iis = |l: &&[u8]| {
        l.starts_with(b"#Fields:") || l.starts_with(b"#Software: Microsoft Internet Information")
    };
    if lines.iter().any(iis) {
        return Ok(Some(Format::W3c));
    }
    let records: Vec<&[u8]> = lines
        .iter()
        .copied()
        .filter(|l| !l.starts_with(b"#"))
        .collect();
    let json: Vec<&[u8]> = records
        .iter()
        .copied()
        .filter(|l| l.trim_ascii_start().starts_with(b"{"))
        .collect();
    // A JSON log where most lines are objects: a stray `{` is junk.
    if !json.is_empty() && json.len() * 2 >= records.len() {
        return detect_json(&json, status_field).map(Some);
    }
    let reads = |format: Format| {
        let mut parser = Parser::new(format, None);
        records
            .iter()
            .filter(|l| matches!(parser.parse(l), Line::Record(_)))
            .count()
    };
    let (elb, clf) = (reads(Format::Elb), reads(Format::Combined));
    let enough = |n: usize| n > 0 && n * 2 >= records.len();
    if enough(elb) && elb >= clf {
        return Ok(Some(Format::Elb));
    }
    if enough(clf) {
        return Ok(Some(clf_variant(&records)));
    }
    let shown: String = String::from_utf8_lossy(first).chars().take(80).collect();
    Err(DetectError::Unknown(shown))
}

/// Which JSON log: Cloudflare's and Caddy's by their field names, else any
/// JSON with a status field.
fn detect_json(records: &[&[u8]], status_field: Option<&str>) -> Result<Format, DetectError> {
    let most = |needle: &[u8]| {
        let with = records
            .iter()
            .filter(|l| memchr::memmem::find(l, needle).is_some());
        with.count() * 2 >= records.len()
    };
    if status_field.is_none() && most(b"\"EdgeResponseStatus\"") {
        return Ok(Format::Cloudflare);
    }
    if status_field.is_none() && most(b"\"http.log.access") {
        return Ok(Format::Caddy);
    }
    let mut parser = Parser::new(Format::Json, status_field);
    if records
        .iter()
        .any(|l| matches!(parser.parse(l), Line::Record(_)))
    {
        Ok(Format::Json)
    } else {
        Err(DetectError::NoStatusField)
    }
}

/// Which of the four nginx/Apache forms most lines have.
fn clf_variant(records: &[&[u8]]) -> Format {
    let mut votes = [0usize; 4];
    for (vhost, combined) in records.iter().filter_map(|l| parse::clf_variant(l)) {
        votes[usize::from(vhost) * 2 + usize::from(combined)] += 1;
    }
    let best = (0..4).max_by_key(|&i| (votes[i], i == 1)).unwrap_or(1);
    [
        Format::Common,
        Format::Combined,
        Format::VhostCommon,
        Format::VhostCombined,
    ][best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detected(text: &str) -> Result<Option<Format>, DetectError> {
        detect(text.as_bytes(), None)
    }

    #[test]
    fn each_family_from_its_first_lines() {
        let combined =
            "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5 \"-\" \"ua\"\n";
        assert_eq!(detected(combined), Ok(Some(Format::Combined)));
        let common = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5\n";
        assert_eq!(detected(common), Ok(Some(Format::Common)));
        let vhost = format!("example.com:80 {combined}");
        assert_eq!(detected(&vhost), Ok(Some(Format::VhostCombined)));
        let iis = "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time sc-status\n";
        assert_eq!(detected(iis), Ok(Some(Format::W3c)));
        let alb = "http 2018-07-02T22:23:00.186641Z app/lb/1 1.2.3.4:2817 10.0.0.1:80 0.000 0.001 0.000 502 - 34 366 \"GET http://h:80/ HTTP/1.1\" \"ua\"\n";
        assert_eq!(detected(alb), Ok(Some(Format::Elb)));
        let cf = "{\"EdgeResponseStatus\":200,\"ClientRequestPath\":\"/\"}\n";
        assert_eq!(detected(cf), Ok(Some(Format::Cloudflare)));
        let caddy = "{\"logger\":\"http.log.access.log0\",\"status\":200}\n";
        assert_eq!(detected(caddy), Ok(Some(Format::Caddy)));
        assert_eq!(
            detected("{\"code\":200}\n{\"status\":404}\n"),
            Ok(Some(Format::Json))
        );
    }

    #[test]
    fn nothing_to_judge_and_nothing_known() {
        assert_eq!(detected(""), Ok(None));
        assert_eq!(detected("\n\r\n  \n"), Ok(None));
        assert!(
            matches!(detected("hello world\n"), Err(DetectError::Unknown(l)) if l == "hello world")
        );
        assert_eq!(
            detected("{\"code\":200}\n"),
            Err(DetectError::NoStatusField)
        );
        assert_eq!(
            detect(b"{\"code\":200}\n", Some("code")),
            Ok(Some(Format::Json))
        );
    }

    #[test]
    fn junk_among_lines_does_not_hide_the_format() {
        let line =
            "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5 \"-\" \"ua\"\n";
        let text = format!("garbage\n{line}{{\"broken\":\n{line}\x00\x01\n{line}");
        assert_eq!(detected(&text), Ok(Some(Format::Combined)));
        let cf = "{\"EdgeResponseStatus\":200}\n";
        let text = format!("{{\"x\":\n{cf}{cf}");
        assert_eq!(detected(&text), Ok(Some(Format::Cloudflare)));
    }

    #[test]
    fn slugs_round_trip_and_aliases() {
        for f in Format::ALL {
            assert_eq!(Format::from_slug(f.slug()), Some(f));
        }
        assert_eq!(Format::from_slug("IIS"), Some(Format::W3c));
        assert_eq!(Format::from_slug("nginx"), Some(Format::Combined));
        assert_eq!(Format::from_slug("syslog"), None);
    }
}

//! httpdex's URL checker: fetches a URL, follows its redirect chain by hand
//! hop by hop, tells what each status means (from the catalog, with the
//! vendor recognised from the response) and judges the chain against the
//! HTTP rules and Google's crawling rules. Many URLs run in a bounded pool
//! with a per-host limit. No UI: results are typed (`Chain`, `Hop`,
//! `Finding`) for the command line and the app to present.

mod expiry;
mod fetch;
mod follow;
mod html;
mod input;
mod jar;
mod judge;
mod pool;
mod reason;
mod retry;
mod vendor;

use std::time::Duration;

use serde::Serialize;

pub use follow::{check, check_watching};
pub use input::{Line, parse_bytes, parse_line, parse_lines};
pub use pool::{PoolOptions, check_all};

/// The request method of the first hop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    /// HEAD, falling back to GET where the server refuses it (405, 501).
    Head,
}

/// How one URL is fetched and followed.
#[derive(Debug, Clone)]
pub struct Options {
    pub method: Method,
    /// Follow redirects at all (`--no-follow` turns it off).
    pub follow: bool,
    /// Redirects followed before giving up (Google follows at most 10).
    pub max_redirects: usize,
    /// The limit for each phase: name lookup, connect, sending, the
    /// response head, the body.
    pub timeout: Duration,
    /// Extra request headers, sent to the first origin; `Authorization`
    /// and `Cookie` are dropped when a redirect leaves it.
    pub headers: Vec<(String, String)>,
    pub user_agent: String,
    /// Accept any certificate (the problem is still reported).
    pub insecure: bool,
    /// A 429 or 503 whose Retry-After asks for at most this long is waited
    /// for and tried once more.
    pub retry_cap: Duration,
    /// A response head slower than this is a finding.
    pub slow: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            method: Method::Get,
            follow: true,
            max_redirects: 10,
            timeout: Duration::from_secs(10),
            headers: Vec::new(),
            user_agent: concat!("httpdex/", env!("CARGO_PKG_VERSION")).to_string(),
            insecure: false,
            retry_cap: Duration::from_secs(5),
            slow: Duration::from_secs(2),
        }
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Note,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }
}

/// Something wrong, or worth knowing, about a chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub level: Level,
    /// A stable slug (`redirect-loop`) for scripts.
    pub code: &'static str,
    /// One line, for people.
    pub message: String,
    /// What the finding rests on: an entry id, an RFC section, a Google rule.
    pub reference: String,
    /// The hop it is about (0-based); `None` for the chain as a whole.
    pub hop: Option<usize>,
}

/// One request and its response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hop {
    pub method: String,
    pub url: String,
    /// `HTTP/1.1`, `HTTP/2`.
    pub version: String,
    pub status: u16,
    /// The catalog entry the status resolves to, with the vendor in mind.
    pub entry: Option<String>,
    pub name: Option<String>,
    pub summary: Option<String>,
    /// The reason phrase received, where it differs from the registered one.
    pub reason: Option<String>,
    /// The vendor recognised from the response (`nginx`, `cloudflare`).
    pub vendor: Option<String>,
    /// The `Location` as sent, and resolved against the hop's URL.
    pub location: Option<String>,
    pub resolved: Option<String>,
    /// Time to the response head, and to the end of what was read.
    pub head_ms: u64,
    pub total_ms: u64,
    /// The headers that matter for reading the status, as received.
    pub headers: Vec<(String, String)>,
    pub content_length: Option<u64>,
    /// Body bytes read (at most a few KB are read).
    pub body_bytes: u64,
    /// The page's `<title>`, from the first few KB of an HTML body.
    pub title: Option<String>,
}

impl Hop {
    /// The first value of header `name` (case-insensitive) kept on the hop.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why a request got no response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FailureKind {
    /// The name did not resolve, the connection was refused or dropped.
    Network,
    /// A certificate or handshake problem.
    Tls,
    /// No answer within the timeout.
    Timeout,
    /// The answer was not HTTP.
    Protocol,
    /// Not a URL that can be fetched (bad syntax, a scheme other than
    /// http and https).
    Url,
}

/// A request that got no response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    pub kind: FailureKind,
    pub url: String,
    pub message: String,
}

/// Everything found for one input URL.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chain {
    /// The URL as given.
    pub input: String,
    pub hops: Vec<Hop>,
    /// Set when the last request got no response.
    pub failure: Option<Failure>,
    pub findings: Vec<Finding>,
}

impl Chain {
    /// The status of the last response, if any came.
    pub fn final_status(&self) -> Option<u16> {
        match self.failure {
            Some(_) => None,
            None => self.hops.last().map(|h| h.status),
        }
    }

    /// The most serious level among the findings.
    pub fn worst(&self) -> Option<Level> {
        self.findings.iter().map(|f| f.level).min()
    }
}

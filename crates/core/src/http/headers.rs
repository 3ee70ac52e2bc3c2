//! The headers a response with a given status calls for or rules out,
//! each with its level and a valid example value.

use httpdex_catalog::Entry;

use super::{Arrival, Level, Message, framing};

/// One header rule for a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// As the entry or the RFC spells it: `WWW-Authenticate`.
    pub name: String,
    pub level: Level,
    /// Example values, one per field line (`Link` may repeat): the entry's
    /// example response where it shows the header, else a default valid
    /// for the status. Empty for headers not to be sent.
    pub values: Vec<String>,
    /// Whether the status code's definition itself attaches the header
    /// (Location to a redirect, Allow to 405, Date to final responses),
    /// rather than only the entry's advice (Cache-Control, ETag), which
    /// depends on the resource. A checker holds responses to the former's
    /// SHOULDs, not to the latter's.
    pub status_rule: bool,
}

impl Header {
    /// All values as one field value; every header this is used for is a
    /// comma-separated list, so joining keeps the meaning.
    pub fn value(&self) -> String {
        self.values.join(", ")
    }

    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// Headers RFC 9110 (and RFC 6585 for 429) attach to a status code, with
/// the level the status's section gives them.
const STATUS_HEADERS: [(u16, &str, Level); 18] = [
    // 15.2.2; and 7.8: whoever sends Upgrade lists "upgrade" in Connection.
    (101, "Upgrade", Level::Must),
    (101, "Connection", Level::Must),
    // 15.3.2: the new resource is named by Location, else by the target URI.
    (201, "Location", Level::May),
    // 15.3.7.1: a single-part 206 names its range.
    (206, "Content-Range", Level::Must),
    // 15.4.1 (for a preferred choice) to 15.4.9; 303 is defined by it.
    (300, "Location", Level::Should),
    (301, "Location", Level::Should),
    (302, "Location", Level::Should),
    (303, "Location", Level::Must),
    (307, "Location", Level::Should),
    (308, "Location", Level::Should),
    // 15.5.2, 15.5.6, 15.5.8: the challenge, the methods, the proxy's challenge.
    (401, "WWW-Authenticate", Level::Must),
    (405, "Allow", Level::Must),
    (407, "Proxy-Authenticate", Level::Must),
    // 15.5.17: `bytes */length`, so the client can correct its range.
    (416, "Content-Range", Level::Should),
    // 15.5.22, with Connection as for 101.
    (426, "Upgrade", Level::Must),
    (426, "Connection", Level::Must),
    // RFC 6585 section 4 and 15.6.4: when to try again.
    (429, "Retry-After", Level::May),
    (503, "Retry-After", Level::May),
];

/// The rules for a response with `status`: the entry's own `headers` first
/// (its level wins, being the more specific reading), then those the status
/// carries by definition, then the framing and Date rules.
pub(super) fn headers(
    entry: &Entry,
    status: u16,
    arrival: Arrival,
    example: &Message,
) -> Vec<Header> {
    let mut out: Vec<Header> = Vec::new();
    let mut add = |name: &str, level: Level, status_rule: bool| {
        if let Some(known) = out.iter_mut().find(|h| h.is(name)) {
            known.status_rule |= status_rule;
            return;
        }
        let values = if level.sends() {
            example_values(example, name, status)
        } else {
            Vec::new()
        };
        out.push(Header {
            name: name.to_string(),
            level,
            values,
            status_rule,
        });
    };
    for rule in &entry.headers {
        add(&rule.name, Level::of(rule.rule), false);
    }
    for (name, level) in status_headers(status, example) {
        add(name, level, true);
    }
    let framing = framing(status, "GET");
    if !framing.content_length {
        add("Content-Length", Level::MustNot, true);
    }
    if !framing.transfer_encoding {
        add("Transfer-Encoding", Level::MustNot, true);
    }
    if let Some(level) = date(status, arrival) {
        add("Date", level, true);
    }
    out
}

fn status_headers(status: u16, example: &Message) -> Vec<(&'static str, Level)> {
    let mut out: Vec<(&str, Level)> = STATUS_HEADERS
        .iter()
        .filter(|(code, _, _)| *code == status)
        .map(|(_, name, level)| (*name, *level))
        .collect();
    // A 3xx the RFC does not define (305, a vendor's) redirects like the
    // others when its example names a target.
    let redirect = (300..400).contains(&status) && status != 304;
    let named = out.iter().any(|(name, _)| *name == "Location");
    if redirect && !named && example.has("Location") {
        out.push(("Location", Level::Should));
    }
    out
}

/// RFC 9110 section 6.6.1: an origin server with a clock MUST send Date in
/// every 2xx, 3xx and 4xx, and MAY in 5xx (and 1xx, where it adds nothing).
/// Only a server without a clock leaves it out.
fn date(status: u16, arrival: Arrival) -> Option<Level> {
    if arrival == Arrival::Interim {
        return None;
    }
    Some(if status < 500 {
        Level::Must
    } else {
        Level::May
    })
}

fn example_values(example: &Message, name: &str, status: u16) -> Vec<String> {
    let shown: Vec<String> = example
        .values(name)
        .into_iter()
        .map(str::to_string)
        .collect();
    if shown.is_empty() {
        vec![default_value(&name.to_ascii_lowercase(), status).to_string()]
    } else {
        shown
    }
}

/// Example values for headers the example response does not show.
fn default_value(name: &str, status: u16) -> &'static str {
    match (name, status) {
        ("location", 201) => "/items/42",
        ("location", _) => "/new-path",
        ("www-authenticate", _) => "Bearer realm=\"api\"",
        ("proxy-authenticate", _) => "Basic realm=\"proxy\"",
        ("allow", _) => "GET, HEAD",
        ("retry-after", _) => "120",
        ("content-range", 206) => "bytes 0-9/1000",
        ("content-range", _) => "bytes */1000",
        ("upgrade", _) => "websocket",
        // Right beside Upgrade (101, 426) only. A 400 that recommends
        // Connection should get `close`, but its snippets print this value
        // today and would drop the line: that fix changes output, so it is
        // a change of its own.
        ("connection", _) => "Upgrade",
        ("link", 103) => "</assets/app.css>; rel=preload; as=style",
        ("link", _) => "</items/42.html>; rel=\"alternate\"",
        ("etag", _) => "\"v1\"",
        ("cache-control", 200..=399) => "max-age=3600",
        ("cache-control", _) => "no-store",
        ("date", _) => "Tue, 14 Oct 2025 09:30:00 GMT",
        ("last-modified", _) => "Mon, 13 Oct 2025 17:02:11 GMT",
        ("vary", _) => "Accept-Encoding",
        ("via", _) => "1.1 proxy.example.net",
        ("accept", _) => "application/json",
        ("accept-encoding", _) => "gzip",
        ("accept-patch", _) => "application/merge-patch+json",
        ("accept-ranges", _) => "bytes",
        ("upload-offset", _) => "0",
        ("upload-limit", _) => "max-size=1000000000",
        _ => "...",
    }
}

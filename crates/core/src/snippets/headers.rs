//! The headers a snippet sets: those the entry requires or recommends,
//! with values from its example response or sensible defaults.

use httpdex_catalog::{Entry, HeaderRequirement};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// As the entry spells it: `WWW-Authenticate`.
    pub name: String,
    /// One value per line in the example (`Link` may repeat).
    pub values: Vec<String>,
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

/// The example response, split into header lines and body.
pub(crate) struct Example {
    headers: Vec<(String, String)>,
    pub body: String,
}

impl Example {
    /// Every value of a header, in order (`Link` may repeat).
    pub fn values(&self, name: &str) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// Splits the example at the blank line; the status line is skipped.
pub(crate) fn parse_example(text: &str) -> Example {
    let text = text.replace("\r\n", "\n");
    let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
    let headers = head
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .filter(|(n, v)| !n.is_empty() && !v.is_empty())
        .collect();
    Example {
        headers,
        body: body.to_string(),
    }
}

/// Headers the stacks write themselves; a snippet setting them would only
/// add noise or conflict.
const MANAGED: [&str; 6] = [
    "content-length",
    "content-type",
    "date",
    "transfer-encoding",
    "server",
    "sec-websocket-accept",
];

/// The required and recommended headers, minus managed ones: never those
/// the RFC says not to send.
pub(crate) fn headers(entry: &Entry, example: &Example) -> Vec<Header> {
    let mut out: Vec<Header> = Vec::new();
    let wanted = entry
        .headers
        .iter()
        .filter(|r| {
            matches!(
                r.rule,
                HeaderRequirement::Required | HeaderRequirement::Recommended
            )
        })
        .map(|r| r.name.as_ref());
    // A redirect the example points somewhere keeps its target even where
    // the entry lists no header rule (305).
    let location = (300..400).contains(&entry.code)
        && entry.code != 304
        && !example.values("Location").is_empty();
    let names = wanted.chain(location.then_some("Location"));
    for name in names {
        let lower = name.to_ascii_lowercase();
        if MANAGED.contains(&lower.as_str()) || out.iter().any(|h| h.is(name)) {
            continue;
        }
        let mut values = example.values(name);
        if values.is_empty() {
            values.push(default_value(&lower, entry.code));
        }
        // Connection is the server's business (keep-alive, close) except as
        // the partner of Upgrade.
        if lower == "connection" && !values.iter().any(|v| v.eq_ignore_ascii_case("upgrade")) {
            continue;
        }
        out.push(Header {
            name: name.to_string(),
            values,
        });
    }
    out
}

/// Example values for headers the example response does not show.
fn default_value(name: &str, code: u16) -> String {
    let value = match (name, code) {
        ("location", 201) => "/items/42",
        ("location", _) => "/new-path",
        ("www-authenticate", _) => "Bearer realm=\"api\"",
        ("proxy-authenticate", _) => "Basic realm=\"proxy\"",
        ("allow", _) => "GET, HEAD",
        ("retry-after", _) => "120",
        ("content-range", 206) => "bytes 0-9/1000",
        ("content-range", _) => "bytes */1000",
        ("upgrade", _) => "websocket",
        ("connection", _) => "Upgrade",
        ("link", 103) => "</assets/app.css>; rel=preload; as=style",
        ("link", _) => "</items/42.html>; rel=\"alternate\"",
        ("etag", _) => "\"v1\"",
        ("cache-control", 200..=399) => "max-age=3600",
        ("cache-control", _) => "no-store",
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
    };
    value.to_string()
}

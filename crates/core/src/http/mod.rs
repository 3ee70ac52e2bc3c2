//! The HTTP rules for what goes on the wire for a catalog entry, in one
//! place: which status (if any) reaches the client and how, its reason
//! phrase, whether content and Content-Length / Transfer-Encoding may follow,
//! the headers the status calls for with valid example values, and a checker
//! that tells whether a response text obeys all of it.
//!
//! Snippets, compare, the entry document and the tests read these rules
//! rather than restating them, and the API playground and the URL checker
//! are built on them, so a rule fixed here is fixed everywhere.
//!
//! Sources: RFC 9110 (semantics), RFC 9112 (HTTP/1.1 framing), RFC 6585 and
//! the vendors' documentation summarised in `data/codes/*.json`.

mod check;
mod framing;
mod headers;
mod message;
#[cfg(test)]
mod tests;
mod wire;

use std::fmt;

use httpdex_catalog::{Entry, HeaderRequirement};

pub use check::{Breach, Violation, check_response, check_response_to};
pub use framing::{Framing, NoContent, framing, no_content};
pub use headers::Header;
pub use message::{Message, StatusLine};
pub use wire::{Arrival, Edge};

/// How strongly a rule binds, in the RFC 2119 keywords the RFCs use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    Must,
    Should,
    May,
    ShouldNot,
    MustNot,
}

impl Level {
    /// The level an entry's `headers` field gives a header.
    pub fn of(requirement: HeaderRequirement) -> Level {
        match requirement {
            HeaderRequirement::Required => Level::Must,
            HeaderRequirement::Recommended => Level::Should,
            HeaderRequirement::Discouraged => Level::ShouldNot,
            HeaderRequirement::Forbidden => Level::MustNot,
        }
    }

    /// `MUST`, `SHOULD NOT`: as the RFCs spell it.
    pub fn keyword(self) -> &'static str {
        match self {
            Level::Must => "MUST",
            Level::Should => "SHOULD",
            Level::May => "MAY",
            Level::ShouldNot => "SHOULD NOT",
            Level::MustNot => "MUST NOT",
        }
    }

    /// Whether breaking the rule makes a response wrong rather than poor:
    /// MUST and MUST NOT.
    pub fn is_absolute(self) -> bool {
        matches!(self, Level::Must | Level::MustNot)
    }

    /// Whether the header is to be sent (MUST, SHOULD or MAY) rather than
    /// left out.
    pub fn sends(self) -> bool {
        matches!(self, Level::Must | Level::Should | Level::May)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// The HTTP version a status line is written for: HTTP/2 and HTTP/3 carry
/// only the number (the `:status` pseudo-header), no reason phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Http11,
    Http2,
}

/// Everything the wire rules say about one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    /// The status that goes out; `None` when nothing reaches the client
    /// (nginx's 444 closes the connection, its 499 and the ALB's 460 are
    /// logged after the client left).
    pub status: Option<u16>,
    pub arrival: Arrival,
    /// The edge in front of the origin that generates the code, if any.
    pub edge: Option<Edge>,
    /// The HTTP/1.1 reason phrase a client receives: the IANA name for IANA
    /// codes, otherwise only where the entry's example gives one.
    pub reason: Option<String>,
    /// The headers the status calls for (MUST / SHOULD / MAY) or rules out
    /// (SHOULD NOT / MUST NOT): the entry's own `headers`, then those the
    /// RFCs attach to the status, then Date. Empty when nothing is sent.
    pub headers: Vec<Header>,
}

impl Rules {
    /// The rules for `entry`, with header values from its example response.
    pub fn of(entry: &Entry) -> Rules {
        let (arrival, status) = wire::arrival(entry);
        let example = Message::parse(&entry.example);
        let reason = status.and_then(|s| wire::reason(entry, s, &example));
        let headers = match status {
            Some(status) => headers::headers(entry, status, arrival, &example),
            None => Vec::new(),
        };
        Rules {
            status,
            arrival,
            edge: Edge::of(entry),
            reason,
            headers,
        }
    }

    /// The reason phrase in `version`: none in HTTP/2.
    pub fn reason(&self, version: Version) -> Option<&str> {
        match version {
            Version::Http11 => self.reason.as_deref(),
            Version::Http2 => None,
        }
    }

    /// `HTTP/1.1 404 Not Found`, `HTTP/1.1 463 ` (the space before an
    /// empty phrase is part of the grammar), `HTTP/2 522`; `None` when
    /// nothing is sent.
    pub fn status_line(&self, version: Version) -> Option<String> {
        let status = self.status?;
        Some(match version {
            Version::Http11 => {
                format!("HTTP/1.1 {status} {}", self.reason.as_deref().unwrap_or(""))
            }
            Version::Http2 => format!("HTTP/2 {status}"),
        })
    }

    /// The rule for one header, if the status has one.
    pub fn header(&self, name: &str) -> Option<&Header> {
        self.headers.iter().find(|h| h.is(name))
    }

    /// What may follow the header section when answering `method`; `None`
    /// when nothing is sent.
    pub fn framing(&self, method: &str) -> Option<Framing> {
        self.status.map(|status| framing(status, method))
    }
}

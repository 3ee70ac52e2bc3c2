//! Does an HTTP/1.1 response text obey an entry's rules? The catalog's
//! example tests, the playground's tests and the URL checker ask this.

use std::fmt;

use httpdex_catalog::Entry;

use super::{Level, Message, NoContent, Rules};

/// One way a response breaks a rule, with the level of the rule it breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub level: Level,
    pub breach: Breach,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breach {
    /// A status line for a code that never reaches the client (nginx's
    /// 444 and 499, the ALB's 460): showing one misstates what happens.
    StatusLineForNothing,
    MissingStatusLine,
    /// Not `HTTP/1.x SP 3DIGIT [SP reason]`.
    MalformedStatusLine(String),
    WrongStatus {
        expected: u16,
        found: u16,
    },
    /// A header-section line that is not `name: value`.
    MalformedField(String),
    MissingHeader(String),
    /// Present although the rule says MUST NOT or SHOULD NOT.
    UnwantedHeader(String),
    Content(NoContent),
    InvalidContentLength(String),
    ContentLengthMismatch {
        declared: u64,
        actual: usize,
    },
    /// Content-Length beside Transfer-Encoding (RFC 9112 section 6.2).
    LengthWithEncoding,
}

impl Violation {
    fn new(level: Level, breach: Breach) -> Violation {
        Violation { level, breach }
    }

    /// The header a `MissingHeader` breach names.
    pub fn missing_header(&self) -> Option<&str> {
        match &self.breach {
            Breach::MissingHeader(name) => Some(name),
            _ => None,
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.breach {
            Breach::StatusLineForNothing => {
                f.write_str("a status line, though nothing reaches the client")
            }
            Breach::MissingStatusLine => f.write_str("no status line"),
            Breach::MalformedStatusLine(line) => write!(f, "malformed status line {line:?}"),
            Breach::WrongStatus { expected, found } => {
                write!(f, "status {found}, but {expected} goes on the wire")
            }
            Breach::MalformedField(line) => write!(f, "malformed field line {line:?}"),
            Breach::MissingHeader(name) => write!(f, "lacks {name}"),
            Breach::UnwantedHeader(name) => write!(f, "sends {name}"),
            Breach::Content(why) => write!(f, "carries content, which {}", no_content(*why)),
            Breach::InvalidContentLength(value) => {
                write!(f, "Content-Length {value:?} is not a number")
            }
            Breach::ContentLengthMismatch { declared, actual } => write!(
                f,
                "Content-Length {declared}, but the content is {actual} bytes"
            ),
            Breach::LengthWithEncoding => f.write_str("Content-Length beside Transfer-Encoding"),
        }?;
        write!(f, " ({})", self.level)
    }
}

fn no_content(why: NoContent) -> &'static str {
    match why {
        NoContent::Interim => "a 1xx never has",
        NoContent::NoContent => "a 204 never has",
        NoContent::ResetContent => "a 205 must not have",
        NoContent::NotModified => "a 304 never has",
        NoContent::Head => "a response to HEAD never has",
        NoContent::Tunnel => "a 2xx to CONNECT never has",
    }
}

/// Checks a response to a GET for `entry`; see [`check_response_to`].
pub fn check_response(entry: &Entry, text: &str) -> Vec<Violation> {
    check_response_to(entry, "GET", text)
}

/// Checks `text`, a response to a `method` request for `entry`: the status
/// line, the field lines, the headers the status calls for (every MUST, and
/// the SHOULDs the status itself attaches) or rules out, and the content
/// and its framing. The reason phrase is not compared: clients ignore it
/// (RFC 9112 section 4). Line ends may be CRLF or LF.
pub fn check_response_to(entry: &Entry, method: &str, text: &str) -> Vec<Violation> {
    let rules = Rules::of(entry);
    let message = Message::parse(text);
    let Some(status) = rules.status else {
        return match message.start {
            Some(_) => vec![Violation::new(Level::MustNot, Breach::StatusLineForNothing)],
            None => Vec::new(),
        };
    };
    let mut out = Vec::new();
    match (message.start, message.status_line()) {
        (None, _) => return vec![Violation::new(Level::Must, Breach::MissingStatusLine)],
        (Some(line), None) => out.push(Violation::new(
            Level::Must,
            Breach::MalformedStatusLine(line.to_string()),
        )),
        (_, Some(line)) if line.code != status => out.push(Violation::new(
            Level::Must,
            Breach::WrongStatus {
                expected: status,
                found: line.code,
            },
        )),
        _ => {}
    }
    out.extend(
        message
            .malformed
            .iter()
            .map(|line| Violation::new(Level::Must, Breach::MalformedField(line.to_string()))),
    );
    headers(&rules, &message, &mut out);
    content(status, method, &message, &mut out);
    out
}

fn headers(rules: &Rules, message: &Message, out: &mut Vec<Violation>) {
    // RFC 9110 15.3.7.2: a multipart/byteranges 206 names each range in
    // its part; the header section MUST NOT carry Content-Range.
    let multipart = rules.status == Some(206)
        && message
            .values("Content-Type")
            .first()
            .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/byteranges"));
    for header in &rules.headers {
        let present = message.has(&header.name);
        if multipart && header.name.eq_ignore_ascii_case("Content-Range") {
            if present {
                let breach = Breach::UnwantedHeader(header.name.clone());
                out.push(Violation::new(Level::MustNot, breach));
            }
            continue;
        }
        let breach = match header.level {
            Level::Must if !present => Breach::MissingHeader(header.name.clone()),
            Level::Should if !present && header.status_rule => {
                Breach::MissingHeader(header.name.clone())
            }
            Level::ShouldNot | Level::MustNot if present => {
                Breach::UnwantedHeader(header.name.clone())
            }
            _ => continue,
        };
        out.push(Violation::new(header.level, breach));
    }
}

/// Content where none may be, and a Content-Length that is not a number or
/// not the content's size. A text that ends its header section with line
/// breaks only has no content.
fn content(status: u16, method: &str, message: &Message, out: &mut Vec<Violation>) {
    let framing = super::framing(status, method);
    let content = message.content;
    if let Some(why) = framing.no_content
        && !content.trim().is_empty()
    {
        out.push(Violation::new(Level::MustNot, Breach::Content(why)));
    }
    let lengths = message.values("Content-Length");
    if let Some(value) = lengths.first() {
        match value.parse::<u64>() {
            Ok(declared) if !content.is_empty() && declared != content.len() as u64 => {
                out.push(Violation::new(
                    Level::Must,
                    Breach::ContentLengthMismatch {
                        declared,
                        actual: content.len(),
                    },
                ))
            }
            Ok(_) => {}
            Err(_) => out.push(Violation::new(
                Level::Must,
                Breach::InvalidContentLength(value.to_string()),
            )),
        }
        if message.has("Transfer-Encoding") {
            out.push(Violation::new(Level::MustNot, Breach::LengthWithEncoding));
        }
    }
}

//! The parsers: pure functions from one line's bytes to a `Record`, one per
//! family of formats. They borrow from the line and copy nothing in the
//! common case; the timestamp and the path are kept raw and read only when
//! a report needs them, so counting statuses pays for neither. A line that
//! does not fit is `Line::Bad`: no parser panics or gives up the run.

mod clf;
mod elb;
mod json;
mod w3c;

use std::borrow::Cow;
use std::sync::Arc;

use crate::format::Format;
use crate::time::{self, Seconds};

pub use json::JsonSpec;
pub use w3c::Layout;

pub(crate) use clf::variant as clf_variant;

/// What one line of a log says about one response.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<'a> {
    /// The status the client got (nginx's `$status`, ALB's
    /// `elb_status_code`, Cloudflare's `EdgeResponseStatus`).
    pub status: u16,
    /// IIS's `sc-substatus`.
    pub substatus: Option<u32>,
    /// What the server behind answered, where the log has it: ALB's
    /// `target_status_code`, Cloudflare's `OriginResponseStatus`. `Some(0)`
    /// when it gave no response (`-`).
    pub upstream: Option<u16>,
    pub target: Target<'a>,
    pub time: When<'a>,
}

/// The requested resource, as the log has it.
#[derive(Debug, Clone, PartialEq)]
pub enum Target<'a> {
    None,
    /// A request line: `GET /a?b=1 HTTP/1.1`.
    Request(&'a [u8]),
    /// A path or URL on its own.
    Path(Cow<'a, [u8]>),
}

/// The time of a line, unparsed until asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum When<'a> {
    None,
    /// `10/Oct/2000:13:55:36 -0700`
    Clf(&'a [u8]),
    /// `2018-07-02T22:23:00.186641Z`
    Iso(&'a [u8]),
    /// IIS: `2024-01-02` and `13:55:36`
    DateTime(&'a [u8], &'a [u8]),
    /// A number since the epoch, in any unit (`time::epoch`).
    Epoch(f64),
    /// Text in any of the forms above.
    Text(Cow<'a, [u8]>),
}

impl When<'_> {
    pub fn seconds(&self) -> Option<Seconds> {
        match self {
            When::None => None,
            When::Clf(b) => time::clf(b),
            When::Iso(b) => time::iso(b),
            When::DateTime(d, t) => time::date_time(d, t),
            When::Epoch(n) => time::epoch(*n),
            When::Text(b) => time::any_form(b),
        }
    }
}

impl Target<'_> {
    /// The path alone: no method or protocol, no scheme and host, no
    /// query string (top paths group `/search?q=a` with `/search?q=b`).
    pub fn path(&self) -> Option<&[u8]> {
        let target = match self {
            Target::None => return None,
            Target::Request(line) => {
                let mut words = line.split(|&c| c == b' ').filter(|w| !w.is_empty());
                let (_method, target) = (words.next()?, words.next()?);
                target
            }
            Target::Path(path) => {
                let path: &[u8] = path;
                // A request line where a path was expected (JSON logs).
                match path.iter().position(|&c| c == b' ') {
                    Some(space) => path[space + 1..].split(|&c| c == b' ').next()?,
                    None => path,
                }
            }
        };
        let path = strip_origin(target);
        let path = &path[..memchr::memchr(b'?', path).unwrap_or(path.len())];
        (!path.is_empty() && path != b"-").then_some(path)
    }
}

/// `http://host:80/a` to `/a`; a path is left as it is.
fn strip_origin(target: &[u8]) -> &[u8] {
    match memchr::memmem::find(target, b"://") {
        Some(at) if at < 10 => {
            let after = &target[at + 3..];
            memchr::memchr(b'/', after).map_or(b"/", |slash| &after[slash..])
        }
        _ => target,
    }
}

/// One line, read.
#[derive(Debug, Clone, PartialEq)]
pub enum Line<'a> {
    Record(Record<'a>),
    /// Empty, or a comment the format allows (W3C `#` directives).
    Skip,
    /// Not a line of this format.
    Bad,
}

/// A parser for one format, with the state a format carries from line to
/// line (the W3C field layout, which a `#Fields:` directive changes).
#[derive(Debug, Clone)]
pub struct Parser {
    format: Format,
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    Clf,
    W3c(Option<Layout>),
    Elb,
    Json(Arc<JsonSpec>),
}

impl Parser {
    /// `status_field` names the status in JSON lines (`--status-field`,
    /// dotted for nested objects: `http.response.status_code`).
    pub fn new(format: Format, status_field: Option<&str>) -> Parser {
        let kind = match format {
            Format::Combined | Format::Common | Format::VhostCombined | Format::VhostCommon => {
                Kind::Clf
            }
            Format::W3c => Kind::W3c(Some(Layout::iis_default())),
            Format::Elb => Kind::Elb,
            Format::Cloudflare => Kind::Json(Arc::new(JsonSpec::cloudflare())),
            Format::Caddy => Kind::Json(Arc::new(JsonSpec::caddy())),
            Format::Json => Kind::Json(Arc::new(JsonSpec::generic(status_field))),
        };
        Parser { format, kind }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// The W3C layout in force (`None` for other formats, or after a
    /// directive without `sc-status`).
    pub(crate) fn layout(&self) -> Option<Layout> {
        match &self.kind {
            Kind::W3c(layout) => layout.clone(),
            _ => None,
        }
    }

    /// The W3C layout in force, for a parser that starts mid-file.
    pub(crate) fn set_layout(&mut self, layout: Option<Layout>) {
        if let Kind::W3c(current) = &mut self.kind {
            *current = layout;
        }
    }

    /// Reads one line (without its line break; a trailing `\r` is
    /// ignored). A W3C `#Fields:` line changes how later lines are read.
    pub fn parse<'a>(&mut self, line: &'a [u8]) -> Line<'a> {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.trim_ascii().is_empty() {
            return Line::Skip;
        }
        let record = match &mut self.kind {
            Kind::Clf => clf::parse(line),
            Kind::Elb => elb::parse(line),
            Kind::Json(spec) => json::parse(spec, line),
            Kind::W3c(layout) => {
                if line.starts_with(b"#") {
                    if let Some(fields) = line.strip_prefix(b"#Fields:") {
                        *layout = Layout::from_fields(fields);
                    }
                    return Line::Skip;
                }
                layout.as_ref().and_then(|l| w3c::parse(l, line))
            }
        };
        record.map_or(Line::Bad, Line::Record)
    }
}

/// A three-digit status (`200`, `000`, `999`).
fn status3(b: &[u8]) -> Option<u16> {
    match b {
        [a, b, c] if a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit() => {
            Some(u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(target: Target) -> Option<String> {
        target
            .path()
            .map(|p| String::from_utf8_lossy(p).into_owned())
    }

    #[test]
    fn paths_lose_method_host_and_query() {
        let request = |r: &'static str| Target::Request(r.as_bytes());
        assert_eq!(
            path(request("GET /a/b?x=1 HTTP/1.1")).as_deref(),
            Some("/a/b")
        );
        assert_eq!(
            path(request("GET http://h:80/c HTTP/1.1")).as_deref(),
            Some("/c")
        );
        assert_eq!(
            path(request("GET https://h HTTP/1.1")).as_deref(),
            Some("/")
        );
        assert_eq!(path(request("-")), None);
        assert_eq!(path(request("\x16\x03\x01")), None);
        let text = |t: &'static str| Target::Path(Cow::Borrowed(t.as_bytes()));
        assert_eq!(path(text("/x?y")).as_deref(), Some("/x"));
        assert_eq!(path(text("POST /y HTTP/2.0")).as_deref(), Some("/y"));
        assert_eq!(path(text("")), None);
    }

    #[test]
    fn three_digit_statuses_only() {
        assert_eq!(status3(b"200"), Some(200));
        assert_eq!(status3(b"000"), Some(0));
        assert_eq!(status3(b"20"), None);
        assert_eq!(status3(b"2000"), None);
        assert_eq!(status3(b"2x0"), None);
    }
}

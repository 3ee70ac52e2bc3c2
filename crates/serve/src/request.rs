//! A request's head, parsed by httparse, and its body's framing: what the
//! playground reads of a request, and the refusals (400, 413, 431, 501)
//! for heads and bodies it will not take.

use crate::Limits;

/// The parts of a request the playground acts on.
#[derive(Debug, Clone, Default)]
pub(crate) struct Request {
    pub method: String,
    /// The request-target as sent, for the log.
    pub target: String,
    /// The target's path, percent-decoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub http10: bool,
    pub keep_alive: bool,
    pub expect_continue: bool,
    pub accept: Option<String>,
    pub host: Option<String>,
    pub content_type: Option<String>,
    /// A CORS preflight's `Access-Control-Request-Method` and `-Headers`.
    pub cors_method: Option<String>,
    pub cors_headers: Option<String>,
    pub body: Vec<u8>,
}

impl Request {
    /// Every value of a query parameter, in order.
    pub fn params<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.query
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// How the body that follows the head is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyLength {
    Length(usize),
    Chunked,
}

/// Why a request is refused before it is routed: the status and a
/// sentence for the client. The connection closes after the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub status: u16,
    pub detail: String,
}

impl Refusal {
    pub fn new(status: u16, detail: impl Into<String>) -> Refusal {
        Refusal {
            status,
            detail: detail.into(),
        }
    }
}

/// The head at the start of `buf`: `Ok(None)` while it is incomplete, the
/// request, the head's length and the body's framing once it is whole.
pub(crate) fn parse_head(
    buf: &[u8],
    limits: &Limits,
) -> Result<Option<(Request, usize, BodyLength)>, Refusal> {
    let mut storage = [httparse::EMPTY_HEADER; 128];
    let headers = &mut storage[..limits.max_headers.clamp(1, 128)];
    let mut parsed = httparse::Request::new(headers);
    let too_large = || {
        let limit = limits.max_head;
        Refusal::new(431, format!("the request head exceeds {limit} bytes"))
    };
    let head_len = match parsed.parse(buf) {
        Ok(httparse::Status::Partial) if buf.len() > limits.max_head => return Err(too_large()),
        Ok(httparse::Status::Partial) => return Ok(None),
        Ok(httparse::Status::Complete(n)) if n > limits.max_head => return Err(too_large()),
        Ok(httparse::Status::Complete(n)) => n,
        Err(httparse::Error::TooManyHeaders) => {
            let limit = limits.max_headers;
            return Err(Refusal::new(
                431,
                format!("more than {limit} header fields"),
            ));
        }
        Err(e) => return Err(Refusal::new(400, format!("malformed request: {e}"))),
    };
    let method = parsed.method.unwrap_or_default().to_string();
    let target = parsed.path.unwrap_or_default().to_string();
    let (raw_path, raw_query) = target.split_once('?').unwrap_or((&target, ""));
    let mut request = Request {
        path: decode(raw_path, false),
        query: query(raw_query),
        http10: parsed.version == Some(0),
        method,
        target: target.clone(),
        ..Request::default()
    };
    let body = fields(&mut request, parsed.headers)?;
    Ok(Some((request, head_len, body)))
}

/// Reads the fields the playground uses; decides keep-alive and framing.
fn fields(request: &mut Request, headers: &[httparse::Header]) -> Result<BodyLength, Refusal> {
    let mut length: Option<usize> = None;
    let mut chunked = false;
    let mut connection = String::new();
    for h in headers {
        // Only the fields the playground reads are copied.
        let value = || String::from_utf8_lossy(h.value).trim().to_string();
        let is = |name: &str| h.name.eq_ignore_ascii_case(name);
        if is("content-length") {
            let n = value()
                .parse::<usize>()
                .map_err(|_| Refusal::new(400, "Content-Length is not a number"))?;
            if length.is_some_and(|l| l != n) {
                return Err(Refusal::new(400, "two different Content-Length values"));
            }
            length = Some(n);
        } else if is("transfer-encoding") {
            if !value().eq_ignore_ascii_case("chunked") {
                return Err(Refusal::new(501, "only chunked Transfer-Encoding is taken"));
            }
            chunked = true;
        } else if is("connection") {
            connection = value().to_ascii_lowercase();
        } else if is("expect") {
            request.expect_continue = value().eq_ignore_ascii_case("100-continue");
        } else if is("accept") {
            request.accept = Some(value());
        } else if is("host") {
            request.host = Some(value());
        } else if is("content-type") {
            request.content_type = Some(value());
        } else if is("access-control-request-method") {
            request.cors_method = Some(value());
        } else if is("access-control-request-headers") {
            request.cors_headers = Some(value());
        }
    }
    request.keep_alive = if request.http10 {
        connection.contains("keep-alive")
    } else {
        !connection.split(',').any(|t| t.trim() == "close")
    };
    match (chunked, length) {
        // RFC 9112 section 6.3: both is a smuggling attempt or a mistake.
        (true, Some(_)) => Err(Refusal::new(
            400,
            "both Transfer-Encoding and Content-Length",
        )),
        (true, None) => Ok(BodyLength::Chunked),
        (false, n) => Ok(BodyLength::Length(n.unwrap_or(0))),
    }
}

/// A chunked body at the start of `buf`: `Ok(None)` until its last chunk
/// and trailer section are in; then the body and the bytes it took.
pub(crate) fn chunked(buf: &[u8], max: usize) -> Result<Option<(Vec<u8>, usize)>, Refusal> {
    let mut body = Vec::new();
    let mut at = 0;
    loop {
        let (start, size) = match httparse::parse_chunk_size(&buf[at..]) {
            Ok(httparse::Status::Complete(found)) => found,
            Ok(httparse::Status::Partial) => return Ok(None),
            Err(_) => return Err(Refusal::new(400, "malformed chunk size")),
        };
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        if size > max.saturating_sub(body.len()) {
            return Err(too_big(max));
        }
        at += start;
        if size == 0 {
            // Trailer fields, ignored, end with an empty line.
            return Ok(trailers_end(&buf[at..]).map(|end| (body, at + end)));
        }
        if buf.len() < at + size + 2 {
            return Ok(None);
        }
        if &buf[at + size..at + size + 2] != b"\r\n" {
            return Err(Refusal::new(400, "a chunk does not end with CRLF"));
        }
        body.extend_from_slice(&buf[at..at + size]);
        at += size + 2;
    }
}

fn trailers_end(rest: &[u8]) -> Option<usize> {
    if rest.starts_with(b"\r\n") {
        return Some(2);
    }
    rest.windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| p + 4)
}

pub(crate) fn too_big(max: usize) -> Refusal {
    Refusal::new(413, format!("the request body exceeds {max} bytes"))
}

fn query(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k, true), decode(v, true))
        })
        .collect()
}

/// Percent-decoding; in a query, `+` is a space. Invalid escapes stay as
/// written, invalid UTF-8 becomes U+FFFD.
pub(crate) fn decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_queries() {
        assert_eq!(decode("a%20b+c%zz%4", true), "a b c%zz%4");
        assert_eq!(
            query("header=X-A:1&header=X-B%3A2&&body"),
            vec![
                ("header".into(), "X-A:1".into()),
                ("header".into(), "X-B:2".into()),
                ("body".into(), String::new()),
            ]
        );
    }

    #[test]
    fn chunked_bodies() {
        let max = 100;
        assert_eq!(
            chunked(b"3\r\nabc\r\n0\r\n\r\nGET", max).unwrap(),
            Some((b"abc".to_vec(), 13))
        );
        assert_eq!(chunked(b"3\r\nab", max).unwrap(), None);
        assert_eq!(chunked(b"ff\r\n", 10).unwrap_err().status, 413);
        assert_eq!(chunked(b"zz\r\n", max).unwrap_err().status, 400);
    }

    #[test]
    fn heads() {
        let limits = Limits::default();
        let (r, n, body) = parse_head(b"GET /404?x=1 HTTP/1.0\r\nAccept: a\r\n\r\n", &limits)
            .unwrap()
            .unwrap();
        assert_eq!(
            (r.path.as_str(), n, body),
            ("/404", 36, BodyLength::Length(0))
        );
        assert!(r.http10 && !r.keep_alive);
        assert_eq!(
            parse_head(b"GET / HTTP/1.1\r\n", &limits)
                .unwrap()
                .map(|_| ()),
            None
        );
        assert_eq!(
            parse_head(b"GE T / HTTP/1.1\r\n\r\n", &limits)
                .unwrap_err()
                .status,
            400
        );
        let smuggle = b"POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n";
        assert_eq!(parse_head(smuggle, &limits).unwrap_err().status, 400);
    }
}

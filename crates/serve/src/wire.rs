//! A response as bytes: interim responses, then the final status line and
//! fields, framed by the rules (`httpdex_core::http::framing`): no
//! Content-Length or body for a 1xx, 204 or 304, the GET's Content-Length
//! but no body for HEAD, Content-Length: 0 for a 205 (which, unlike 204,
//! is not self-delimiting in RFC 9112 section 6.3).

use std::io::Write;

use httpdex_core::http::{framing, no_content};

use crate::date;

/// A 1xx sent ahead of the final response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Interim {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
}

/// A final response, with the interim responses that precede it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Response {
    pub interim: Vec<Interim>,
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Close the connection after this response.
    pub close: bool,
    /// For the log: the entry's name or the refusal's reason.
    pub name: String,
}

impl Response {
    /// Replaces every field called `name` with one `value`.
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value.into()));
    }

    pub fn has(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }
}

/// How to frame one sending of a response.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sending<'a> {
    pub method: &'a str,
    /// Whether the client may receive 1xx (not an HTTP/1.0 one).
    pub interim: bool,
    /// Close after it, whatever the response says.
    pub close: bool,
}

/// Writes the interim responses and the final head into `out`; returns
/// the body that may follow (empty where none is allowed).
pub(crate) fn encode<'r>(response: &'r Response, how: Sending, out: &mut Vec<u8>) -> &'r [u8] {
    let method = how.method;
    if how.interim {
        for one in &response.interim {
            status_line(out, one.status, &one.reason);
            fields(out, &one.headers);
            out.extend_from_slice(b"\r\n");
        }
    }
    let status = response.status;
    status_line(out, status, &response.reason);
    out.extend_from_slice(b"Date: ");
    date::now(out);
    out.extend_from_slice(b"\r\n");
    fields(out, &response.headers);
    let body: &[u8] = if no_content(status).is_some() {
        &[]
    } else {
        &response.body
    };
    // A 304 may repeat the 200's length but need not; left out, as the
    // playground has no 200 representation behind it.
    if framing(status, method).content_length && status != 304 {
        let _ = write!(out, "Content-Length: {}\r\n", body.len());
    }
    if response.close || how.close {
        out.extend_from_slice(b"Connection: close\r\n");
    }
    out.extend_from_slice(b"\r\n");
    if framing(status, method).content_allowed() {
        body
    } else {
        &[]
    }
}

fn status_line(out: &mut Vec<u8>, status: u16, reason: &str) {
    // The space before an empty phrase is part of the grammar.
    let _ = write!(out, "HTTP/1.1 {status} {reason}\r\n");
}

fn fields(out: &mut Vec<u8>, headers: &[(String, String)]) {
    for (name, value) in headers {
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(status: u16, method: &str) -> String {
        let response = Response {
            interim: vec![Interim {
                status: 103,
                reason: "Early Hints".into(),
                headers: vec![("Link".into(), "</a.css>; rel=preload".into())],
            }],
            status,
            reason: "R".into(),
            body: b"hello".to_vec(),
            ..Response::default()
        };
        let mut out = Vec::new();
        let how = Sending {
            method,
            interim: true,
            close: false,
        };
        let body = encode(&response, how, &mut out);
        out.extend_from_slice(body);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn framing_follows_the_rules() {
        let ok = text(200, "GET");
        assert!(ok.starts_with("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 R\r\nDate: "));
        assert!(ok.ends_with("Content-Length: 5\r\n\r\nhello"));
        assert!(text(200, "HEAD").ends_with("Content-Length: 5\r\n\r\n"));
        for status in [204, 304] {
            let t = text(status, "GET");
            assert!(
                !t.contains("Content-Length") && t.ends_with("\r\n\r\n"),
                "{t}"
            );
        }
        assert!(text(205, "GET").ends_with("Content-Length: 0\r\n\r\n"));
    }
}

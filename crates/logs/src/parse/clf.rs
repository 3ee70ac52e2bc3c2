//! nginx's and Apache's access logs: the Common Log Format and its
//! combined form, with or without a leading virtual host:
//!
//! ```text
//! [vhost[:port] ]host ident user [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 2326 ["referer" "agent"]
//! ```
//!
//! The line is read from its time on, so whatever comes before the `[`
//! (host, vhost, ident, user) costs nothing, and every variant is one parser.

use memchr::memchr;

use super::{Record, Target, When, status3};

pub(super) fn parse(line: &[u8]) -> Option<Record<'_>> {
    let open = memchr(b'[', line)?;
    let close = open + 1 + memchr(b']', &line[open + 1..])?;
    let rest = line[close + 1..].strip_prefix(b" \"")?;
    let (request, status) = split_request(rest)?;
    Some(Record {
        status,
        substatus: None,
        upstream: None,
        target: Target::Request(request),
        time: When::Clf(&line[open + 1..close]),
    })
}

/// The request (between its quotes) and the status after it. The request
/// ends at the quote followed by ` NNN` and a space or the line's end:
/// Apache writes a quote inside a request as `\"`, and a request with a raw
/// quote (nginx with `escape=none`) must not cut it short.
fn split_request(rest: &[u8]) -> Option<(&[u8], u16)> {
    let mut from = 0;
    loop {
        let quote = from + memchr(b'"', &rest[from..])?;
        let after = &rest[quote + 1..];
        let backslashes = rest[..quote]
            .iter()
            .rev()
            .take_while(|&&c| c == b'\\')
            .count();
        if backslashes % 2 == 0
            && let Some(digits) = after.strip_prefix(b" ")
            && let Some(code) = digits.get(..3).and_then(status3)
            && matches!(digits.get(3), None | Some(b' '))
        {
            return Some((&rest[..quote], code));
        }
        from = quote + 1;
    }
}

/// For detection: (has a leading virtual host, is the combined form).
/// The common form has three fields before the time (`host ident user`);
/// a virtual host makes four. The combined form has quoted fields (the
/// referer and agent) after the status.
pub(crate) fn variant(line: &[u8]) -> Option<(bool, bool)> {
    parse(line)?;
    let open = memchr(b'[', line)?;
    let fields = line[..open]
        .split(|&c| c == b' ')
        .filter(|f| !f.is_empty())
        .count();
    let close = open + memchr(b']', &line[open..])?;
    let rest = line[close..].strip_prefix(b"] \"")?;
    let quote = memchr::memmem::find_iter(rest, b"\" ")
        .find(|&q| rest.get(q + 2..q + 5).and_then(status3).is_some())?;
    let tail = &rest[quote + 5..];
    Some((fields >= 4, memchr(b'"', tail).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMBINED: &str = r#"203.0.113.9 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif?x=1 HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08""#;

    #[test]
    fn combined_line() {
        let r = parse(COMBINED.as_bytes()).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.target.path(), Some(&b"/apache_pb.gif"[..]));
        assert_eq!(r.time.seconds(), Some(971_211_336));
        assert_eq!(variant(COMBINED.as_bytes()), Some((false, true)));
    }

    #[test]
    fn common_and_vhost_variants() {
        let common = br#"::1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 499 0"#;
        assert_eq!(parse(common).unwrap().status, 499);
        assert_eq!(variant(common), Some((false, false)));
        let vhost = br#"www.example.com:443 ::1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 404 0 "-" "curl""#;
        assert_eq!(parse(vhost).unwrap().status, 404);
        assert_eq!(variant(vhost), Some((true, true)));
    }

    #[test]
    fn quotes_inside_the_request() {
        let apache =
            br#"h - - [10/Oct/2000:13:55:36 -0700] "GET /a\" 200 b HTTP/1.1" 301 5 "-" "x""#;
        let r = parse(apache).unwrap();
        assert_eq!(r.status, 301);
        let raw = br#"h - - [10/Oct/2000:13:55:36 -0700] "GET /"x" HTTP/1.1" 400 5"#;
        assert_eq!(parse(raw).unwrap().status, 400);
        let empty = br#"h - - [10/Oct/2000:13:55:36 -0700] "" 400 0 "-" "-""#;
        assert_eq!(parse(empty).unwrap().target.path(), None);
    }

    #[test]
    fn junk_is_not_a_line() {
        for junk in [
            &b""[..],
            b"[",
            b"[]",
            b"h - - [t] \"GET / HTTP/1.1\"",
            b"h - - [t] \"GET / HTTP/1.1\" 20",
            b"h - - [t] \"GET / HTTP/1.1\" 2000 1",
            b"h - - [t] GET / 200 1",
        ] {
            assert_eq!(parse(junk), None, "{}", String::from_utf8_lossy(junk));
        }
    }
}

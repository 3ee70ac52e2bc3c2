//! AWS load balancer access logs. An Application Load Balancer line starts
//! with the connection type; a Classic Load Balancer line with the time:
//!
//! ```text
//! http 2018-07-02T22:23:00.186641Z app/my-lb/50dc6c 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" ...
//! 2015-05-13T23:39:43.945958Z my-lb 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1" ...
//! ```
//!
//! Both carry two statuses: the load balancer's (`elb_status_code`, what
//! the client got) and the target's (`target_status_code`, `-` when no
//! target answered).

use memchr::memchr;

use super::{Record, Target, When, status3};

/// ALB's connection types.
const TYPES: [&[u8]; 6] = [b"http", b"https", b"h2", b"grpcs", b"ws", b"wss"];

pub(super) fn parse(line: &[u8]) -> Option<Record<'_>> {
    let mut fields = Fields { rest: line };
    let first = fields.next()?;
    // ALB has the connection type first, Classic does not.
    let time = if first.first()?.is_ascii_digit() {
        first
    } else if TYPES.contains(&first) {
        fields.next()?
    } else {
        return None;
    };
    if time.len() < 20 || time[4] != b'-' || time[10] != b'T' {
        return None;
    }
    // The balancer's name, the client, the target and three timings.
    for _ in 0..6 {
        fields.next()?;
    }
    let status = status3(fields.next()?)?;
    let upstream = match fields.next()? {
        b"-" => 0,
        code => status3(code)?,
    };
    fields.next()?; // received bytes
    fields.next()?; // sent bytes
    let request = fields.rest.strip_prefix(b"\"")?;
    let request = &request[..memchr(b'"', request)?];
    Some(Record {
        status,
        substatus: None,
        upstream: Some(upstream),
        target: Target::Request(request),
        time: When::Iso(time),
    })
}

/// Space-separated fields, one at a time.
struct Fields<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Fields<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.rest.is_empty() {
            return None;
        }
        let end = memchr(b' ', self.rest).unwrap_or(self.rest.len());
        let field = &self.rest[..end];
        self.rest = self.rest.get(end + 1..).unwrap_or_default();
        Some(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALB: &str = r#"http 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/a?b HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-""#;

    #[test]
    fn alb_line_with_both_statuses() {
        let r = parse(ALB.as_bytes()).unwrap();
        assert_eq!((r.status, r.upstream), (200, Some(200)));
        assert_eq!(r.target.path(), Some(&b"/a"[..]));
        assert_eq!(r.time.seconds(), Some(1_530_570_180));
    }

    #[test]
    fn alb_without_a_target_response() {
        let line = r#"https 2018-07-02T22:23:00.186641Z app/lb/1 1.2.3.4:2817 - -1 -1 -1 460 - 34 0 "GET https://h:443/x HTTP/1.1" "ua" - -"#;
        let r = parse(line.as_bytes()).unwrap();
        assert_eq!((r.status, r.upstream), (460, Some(0)));
    }

    #[test]
    fn classic_elb_line() {
        let line = r#"2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 503 - 0 29 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -"#;
        let r = parse(line.as_bytes()).unwrap();
        assert_eq!((r.status, r.upstream), (503, Some(0)));
        assert_eq!(r.target.path(), Some(&b"/"[..]));
    }

    #[test]
    fn junk_is_not_a_line() {
        for junk in [
            "",
            "http",
            "http 2018",
            "tcp 2018-07-02T22:23:00.186641Z a b c 0 0 0 200 200 1 1 \"x\"",
            "2018-07-02T22:23:00Z lb c t 0 0 0 2x0 200 1 1 \"x\"",
        ] {
            assert_eq!(parse(junk.as_bytes()), None, "{junk}");
        }
    }
}

//! The query parameters that shape a response rather than choose it:
//! `sleep`, `dribble`, `abort` and `header`. Each is checked before
//! anything is sent; a bad one is a 400 that says what is wrong.

use std::time::Duration;

use crate::request::Request;

/// How to send a response, beyond its bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Controls {
    /// Waited before the first byte of the response.
    pub sleep: Duration,
    /// The time the body's bytes are spread over.
    pub dribble: Duration,
    pub abort: Option<Abort>,
}

/// Where `?abort=` cuts the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abort {
    BeforeHeaders,
    AfterHeaders,
    MidBody,
}

impl Controls {
    pub fn parse(request: &Request, max_delay: Duration) -> Result<Controls, String> {
        let abort = match request.param("abort") {
            None => None,
            Some("before-headers") => Some(Abort::BeforeHeaders),
            Some("after-headers") => Some(Abort::AfterHeaders),
            Some("mid-body") => Some(Abort::MidBody),
            Some(other) => {
                return Err(format!(
                    "abort={other:?} is not one of before-headers, after-headers, mid-body"
                ));
            }
        };
        Ok(Controls {
            sleep: delay(request, "sleep", max_delay)?,
            dribble: delay(request, "dribble", max_delay)?,
            abort,
        })
    }
}

/// A delay in milliseconds, at most `max`.
fn delay(request: &Request, name: &str, max: Duration) -> Result<Duration, String> {
    let Some(text) = request.param(name) else {
        return Ok(Duration::ZERO);
    };
    let ms: u64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{name}={text:?} is not a whole number of milliseconds"))?;
    let wanted = Duration::from_millis(ms);
    if wanted > max {
        return Err(format!(
            "{name}={ms} exceeds the playground's cap of {} ms (set with --max-delay)",
            max.as_millis()
        ));
    }
    Ok(wanted)
}

/// Header fields the response's framing depends on: a client may not set
/// them, or the playground would send a response that lies about itself.
const FRAMING: [&str; 3] = ["content-length", "transfer-encoding", "connection"];

/// The `?header=Name:Value` fields, checked for the field grammar.
pub(crate) fn extra_headers(request: &Request) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for param in request.params("header") {
        let Some((name, value)) = param.split_once(':') else {
            return Err(format!("header={param:?} is not Name:Value"));
        };
        let value = value.trim();
        if !is_token(name) {
            return Err(format!("header={param:?}: {name:?} is not a field name"));
        }
        if !is_field_value(value) {
            return Err(format!(
                "header={param:?}: the value holds a control character"
            ));
        }
        if FRAMING.contains(&name.to_ascii_lowercase().as_str()) {
            return Err(format!(
                "header={param:?}: {name} frames the response; the playground sets it"
            ));
        }
        out.push((name.to_string(), value.to_string()));
    }
    Ok(out)
}

/// RFC 9110 section 5.1: a field name is a token.
pub(crate) fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// RFC 9110 section 5.5: visible characters, spaces and tabs (and
/// obs-text, which we let through); never CR, LF or NUL.
pub(crate) fn is_field_value(text: &str) -> bool {
    text.bytes().all(|b| b == b'\t' || (b >= 0x20 && b != 0x7f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: &[(&str, &str)]) -> Request {
        Request {
            query: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Request::default()
        }
    }

    #[test]
    fn delays_are_capped_and_the_cap_is_named() {
        let max = Duration::from_secs(60);
        let ok = Controls::parse(&request(&[("sleep", "5"), ("dribble", "7")]), max).unwrap();
        assert_eq!(ok.sleep, Duration::from_millis(5));
        assert_eq!(ok.dribble, Duration::from_millis(7));
        let err = Controls::parse(&request(&[("sleep", "60001")]), max).unwrap_err();
        assert!(err.contains("60000 ms"), "{err}");
        assert!(Controls::parse(&request(&[("abort", "now")]), max).is_err());
        assert!(Controls::parse(&request(&[("sleep", "-1")]), max).is_err());
    }

    #[test]
    fn extra_headers_follow_the_grammar() {
        let ok = extra_headers(&request(&[("header", "X-A: 1"), ("header", "X-B:b:c")]));
        assert_eq!(
            ok.unwrap(),
            vec![("X-A".into(), "1".into()), ("X-B".into(), "b:c".into())]
        );
        for bad in [
            "X A:1",
            "X-A:1\r\nSet-Cookie: a=b",
            "Content-Length:5",
            "nocolon",
        ] {
            assert!(
                extra_headers(&request(&[("header", bad)])).is_err(),
                "{bad}"
            );
        }
    }
}

//! Following a redirect chain by hand: each hop fetched, resolved against
//! the catalog, its `Location` resolved (RFC 3986 §5, fragment kept per
//! RFC 9110 §10.2.2), credentials kept to the first origin.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use httpdex_catalog::Catalog;
use ureq::Agent;
use url::Url;

use crate::fetch::{self, Response};
use crate::{
    Chain, Failure, FailureKind, Finding, Hop, Level, Method, Options, html, judge, vendor,
};

/// Headers kept on a hop: the ones that explain its status.
const KEPT: [&str; 12] = [
    "location",
    "retry-after",
    "www-authenticate",
    "allow",
    "cache-control",
    "vary",
    "x-robots-tag",
    "link",
    "server",
    "cf-ray",
    "x-powered-by",
    "transfer-encoding",
];

/// The agents a check uses: one that verifies certificates and, with
/// `--insecure`, one that does not, tried only after the first refused a
/// certificate so the problem is still reported.
pub(crate) struct Agents {
    verified: Agent,
    insecure: Option<Agent>,
    /// Days left on each https origin's certificate, looked up once.
    expiry: Mutex<HashMap<String, Option<i64>>>,
}

impl Agents {
    pub(crate) fn new(options: &Options) -> Agents {
        Agents {
            verified: fetch::agent(options, true),
            insecure: options.insecure.then(|| fetch::agent(options, false)),
            expiry: Mutex::new(HashMap::new()),
        }
    }

    fn days_left(&self, url: &Url, timeout: Duration) -> Option<i64> {
        let key = url.origin().ascii_serialization();
        let known = self.expiry.lock().ok()?.get(&key).copied();
        let days = known.unwrap_or_else(|| crate::expiry::days_left(url, timeout));
        self.expiry.lock().ok()?.insert(key, days);
        days
    }
}

/// A certificate this close to its end is a warning: renewal should have
/// happened (Let's Encrypt's clients renew 30 days ahead).
const EXPIRY_WARNING_DAYS: i64 = 30;

/// The finding for `url`'s certificate when it expires soon.
fn expiry_finding(agents: &Agents, url: &Url, options: &Options) -> Option<Finding> {
    let days = agents.days_left(url, options.timeout)?;
    (0..EXPIRY_WARNING_DAYS).contains(&days).then(|| Finding {
        level: Level::Warning,
        code: "certificate-expiry",
        message: format!(
            "the certificate of {} expires in {days} day{}",
            url.host_str().unwrap_or(""),
            if days == 1 { "" } else { "s" }
        ),
        reference: "RFC 5280 §4.1.2.5".into(),
        hop: None,
    })
}

/// Checks one URL: fetches it, follows its redirects and judges the chain.
pub fn check(catalog: &Catalog, input: &str, options: &Options) -> Chain {
    check_with(catalog, &Agents::new(options), input, options, &mut |_| {})
}

/// `check`, calling `on_hop` with each hop as it arrives (the app draws
/// the chain while it is followed).
pub fn check_watching(
    catalog: &Catalog,
    input: &str,
    options: &Options,
    on_hop: &mut dyn FnMut(&Hop),
) -> Chain {
    check_with(catalog, &Agents::new(options), input, options, on_hop)
}

pub(crate) fn check_with(
    catalog: &Catalog,
    agents: &Agents,
    input: &str,
    options: &Options,
    on_hop: &mut dyn FnMut(&Hop),
) -> Chain {
    let mut chain = Chain {
        input: input.to_string(),
        hops: Vec::new(),
        failure: None,
        findings: Vec::new(),
    };
    let mut url = match crate::input::parse_line(input).and_then(|u| parse(&u)) {
        Ok(url) => url,
        Err(message) => {
            chain.failure = Some(Failure {
                kind: FailureKind::Url,
                url: input.to_string(),
                message,
            });
            return chain;
        }
    };
    let first = url.origin();
    let mut notes = Vec::new();
    let mut jar = crate::jar::Jar::default();
    loop {
        let mut headers = if url.origin() == first {
            options.headers.clone()
        } else {
            without_credentials(&options.headers)
        };
        jar.add_to(&url, &mut headers);
        let (method, response) = match fetch_hop(agents, &url, &headers, options, &mut notes) {
            Ok(done) => done,
            Err(failure) => {
                chain.failure = Some(failure);
                break;
            }
        };
        jar.keep(&url, &response.headers);
        let probed = chain.hops.iter().any(|h| same_origin(&h.url, &url));
        if !probed && let Some(finding) = expiry_finding(agents, &url, options) {
            notes.push(finding);
        }
        let hop = make_hop(catalog, method, &url, response);
        let next = hop.resolved.as_deref().and_then(|r| parse(r).ok());
        let redirect = (300..400).contains(&hop.status);
        on_hop(&hop);
        chain.hops.push(hop);
        let Some(next) = next.filter(|_| redirect && options.follow) else {
            break;
        };
        let seen = chain.hops.iter().any(|h| same_target(&h.url, &next));
        if seen || chain.hops.len() > options.max_redirects || !fetchable(&next) {
            break;
        }
        url = next;
    }
    chain.findings = judge::judge(catalog, &chain, options);
    chain.findings.extend(notes);
    chain.findings.sort_by_key(|f| f.level);
    chain
}

fn parse(text: &str) -> Result<Url, String> {
    Url::parse(text).map_err(|e| format!("not a URL: {e}"))
}

fn fetchable(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

fn same_origin(a: &str, b: &Url) -> bool {
    Url::parse(a).is_ok_and(|a| a.origin() == b.origin())
}

/// Two URLs name the same request when they differ at most in fragment.
fn same_target(a: &str, b: &Url) -> bool {
    Url::parse(a).is_ok_and(|mut a| {
        let mut b = b.clone();
        a.set_fragment(None);
        b.set_fragment(None);
        a == b
    })
}

/// The request headers less those that carry credentials: they were meant
/// for the first origin only.
fn without_credentials(headers: &[(String, String)]) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(n, _)| {
            !["authorization", "cookie", "proxy-authorization"]
                .iter()
                .any(|c| n.eq_ignore_ascii_case(c))
        })
        .cloned()
        .collect()
}

/// One hop's request, with the retries a checker owes the server: GET
/// where HEAD is refused, one wait for a short Retry-After, and (with
/// `--insecure`) a second try past a refused certificate.
fn fetch_hop(
    agents: &Agents,
    url: &Url,
    headers: &[(String, String)],
    options: &Options,
    notes: &mut Vec<Finding>,
) -> Result<(&'static str, Response), Failure> {
    let mut target = url.clone();
    // The fragment is the user agent's; it never goes on the wire.
    target.set_fragment(None);
    let mut agent = &agents.verified;
    let mut method = match options.method {
        Method::Get => "GET",
        Method::Head => "HEAD",
    };
    let mut response = match fetch::exchange(agent, method, target.as_str(), headers) {
        Err(f) if f.kind == FailureKind::Tls && agents.insecure.is_some() => {
            notes.push(certificate_finding(&f, Level::Warning));
            agent = agents.insecure.as_ref().expect("checked");
            fetch::exchange(agent, method, target.as_str(), headers)?
        }
        other => other?,
    };
    if method == "HEAD" && matches!(response.status, 405 | 501) {
        method = "GET";
        response = fetch::exchange(agent, method, target.as_str(), headers)?;
    }
    if let Some(wait) = short_retry_after(&response, options.retry_cap) {
        notes.push(Finding {
            level: Level::Note,
            code: "retried",
            message: format!(
                "{} with Retry-After {} s: waited and tried once more",
                response.status,
                wait.as_secs()
            ),
            reference: "RFC 9110 §10.2.3".into(),
            hop: None,
        });
        std::thread::sleep(wait);
        response = fetch::exchange(agent, method, target.as_str(), headers)?;
    }
    Ok((method, response))
}

/// The finding for a certificate refused during the handshake.
pub(crate) fn certificate_finding(failure: &Failure, level: Level) -> Finding {
    Finding {
        level,
        code: "certificate",
        message: format!("{}: {}", failure.url, failure.message),
        reference: "RFC 9110 §4.3.4".into(),
        hop: None,
    }
}

/// The wait a 429 or 503 asks for, when it is given in seconds and short.
fn short_retry_after(response: &Response, cap: Duration) -> Option<Duration> {
    if !matches!(response.status, 429 | 503) {
        return None;
    }
    let (_, value) = response
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("retry-after"))?;
    let wait = crate::retry::wait(value, std::time::SystemTime::now())?;
    (wait <= cap).then_some(wait)
}

fn make_hop(catalog: &Catalog, method: &str, url: &Url, response: Response) -> Hop {
    let origin = vendor::recognise(&response.headers);
    let entry = catalog.resolve(response.status, None, origin).entry;
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let location = header("location");
    let resolved = location.as_deref().and_then(|l| resolve(url, l));
    let expected = entry.and_then(|e| httpdex_core::http::Rules::of(e).reason);
    let reason = response
        .reason
        .clone()
        .filter(|r| expected.as_deref() != Some(r.as_str()));
    let html = header("content-type").is_none_or(|t| t.to_ascii_lowercase().contains("html"));
    Hop {
        method: method.to_string(),
        url: url.to_string(),
        version: response.version.clone(),
        status: response.status,
        entry: entry.map(|e| e.id.to_string()),
        name: entry.map(|e| e.name.to_string()),
        summary: entry.map(|e| e.summary.to_string()),
        reason,
        vendor: origin.map(|o| o.slug().to_string()),
        location,
        resolved,
        head_ms: response.head.as_millis() as u64,
        total_ms: response.total.as_millis() as u64,
        content_length: header("content-length").and_then(|v| v.trim().parse().ok()),
        body_bytes: response.body.len() as u64,
        title: html.then(|| html::title(&response.body)).flatten(),
        headers: response
            .headers
            .into_iter()
            .filter(|(n, _)| KEPT.iter().any(|k| n.eq_ignore_ascii_case(k)))
            .collect(),
    }
}

/// `location` resolved against `base` (RFC 3986 §5.2). Without a fragment
/// of its own it inherits the base's (RFC 9110 §10.2.2).
pub(crate) fn resolve(base: &Url, location: &str) -> Option<String> {
    let mut target = base.join(location.trim()).ok()?;
    if target.fragment().is_none() && base.fragment().is_some() {
        target.set_fragment(base.fragment());
    }
    Some(target.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(base: &str, location: &str) -> String {
        resolve(&Url::parse(base).unwrap(), location).unwrap()
    }

    #[test]
    fn locations_resolve_as_rfc_3986_says() {
        let base = "http://a.test/b/c/d?q";
        assert_eq!(resolved(base, "./x"), "http://a.test/b/c/x");
        assert_eq!(resolved(base, "../x"), "http://a.test/b/x");
        assert_eq!(resolved(base, "//h.test/x"), "http://h.test/x");
        assert_eq!(resolved(base, "/x#top"), "http://a.test/x#top");
        assert_eq!(resolved(base, "?y"), "http://a.test/b/c/d?y");
        assert_eq!(resolved(base, "https://s.test"), "https://s.test/");
    }

    #[test]
    fn a_fragment_carries_over_unless_the_location_has_one() {
        assert_eq!(resolved("http://a.test/p#sec", "/q"), "http://a.test/q#sec");
        assert_eq!(
            resolved("http://a.test/p#sec", "/q#other"),
            "http://a.test/q#other"
        );
    }

    #[test]
    fn credentials_stay_with_their_origin() {
        let headers = vec![
            ("Authorization".to_string(), "Bearer x".to_string()),
            ("cookie".to_string(), "a=b".to_string()),
            ("Accept".to_string(), "text/html".to_string()),
        ];
        let kept = without_credentials(&headers);
        assert_eq!(kept, vec![("Accept".to_string(), "text/html".to_string())]);
    }
}

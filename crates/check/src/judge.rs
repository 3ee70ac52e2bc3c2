//! Judging a chain: what is wrong with each hop (by the HTTP rules in
//! `httpdex_core::http`, the one place they are written) and with the
//! chain as a whole (by RFC 9110 and Google's crawling rules).

use httpdex_catalog::Catalog;
use httpdex_core::http::{Level as Rule, Rules, framing};
use url::Url;

use crate::{Chain, FailureKind, Finding, Hop, Level, Options};

const GOOGLE_REDIRECTS: &str =
    "Google Search Central: redirects (at most 10 hops, permanent for moves)";

/// Every finding on `chain`, chain-wide first, then hop by hop.
pub(crate) fn judge(catalog: &Catalog, chain: &Chain, options: &Options) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut add = |level, code, message: String, reference: &str, hop| {
        out.push(Finding {
            level,
            code,
            message,
            reference: reference.to_string(),
            hop,
        })
    };
    if let Some(f) = &chain.failure
        && f.kind == FailureKind::Tls
    {
        add(
            Level::Error,
            "certificate",
            f.message.clone(),
            "RFC 9110 §4.3.4",
            None,
        );
    }
    chain_findings(chain, options, &mut add);
    for (i, hop) in chain.hops.iter().enumerate() {
        hop_findings(catalog, hop, i, &mut add);
        // Judged on the Location, so `--no-follow` still sees the step.
        if (300..400).contains(&hop.status)
            && let Some(target) = &hop.resolved
        {
            redirect_findings(hop, target, i, &mut add);
        }
        if (hop.head_ms as u128) > options.slow.as_millis() {
            let message = format!("the response head took {} ms", hop.head_ms);
            add(
                Level::Warning,
                "slow",
                message,
                "Google: server response time",
                Some(i),
            );
        }
    }
    if chain.failure.is_none()
        && let Some(last) = chain.hops.last()
    {
        final_findings(last, chain.hops.len() - 1, &mut add);
    }
    out
}

type Add<'a> = dyn FnMut(Level, &'static str, String, &str, Option<usize>) + 'a;

fn chain_findings(chain: &Chain, options: &Options, add: &mut Add) {
    let redirects = chain.hops.len().saturating_sub(1);
    let Some(last) = chain.hops.last() else {
        return;
    };
    let last_target = last
        .resolved
        .as_deref()
        .filter(|_| (300..400).contains(&last.status));
    if let Some(target) = last_target {
        let looped = chain.hops.iter().any(|h| same_target(&h.url, target));
        let scheme_ok = target.starts_with("http://") || target.starts_with("https://");
        if looped {
            let message = format!("the chain comes back to {target}");
            add(
                Level::Error,
                "redirect-loop",
                message,
                GOOGLE_REDIRECTS,
                None,
            );
        } else if !scheme_ok {
            let message = format!("Location {target} is not http or https; not followed");
            add(
                Level::Note,
                "not-followed",
                message,
                "RFC 9110 §10.2.2",
                None,
            );
        } else if options.follow && redirects >= options.max_redirects {
            let message = format!("still redirecting after {redirects} redirects");
            add(
                Level::Error,
                "too-many-redirects",
                message,
                GOOGLE_REDIRECTS,
                None,
            );
        }
    }
    if redirects > 1 {
        let message = format!(
            "{redirects} redirects before the final page: each costs a round trip and crawl budget; link to the final URL"
        );
        add(
            Level::Warning,
            "long-chain",
            message,
            GOOGLE_REDIRECTS,
            None,
        );
    }
}

/// What the status's own rules ask of a response.
fn hop_findings(catalog: &Catalog, hop: &Hop, i: usize, add: &mut Add) {
    let entry = hop.entry.as_deref().and_then(|id| catalog.get(id));
    let rules = entry.map(Rules::of);
    let reference = |section: &str| match &hop.entry {
        Some(id) => format!("{id}, RFC 9110 §{section}"),
        None => format!("RFC 9110 §{section}"),
    };
    let required = [
        (
            "Location",
            "redirect without Location: there is nowhere to go",
            "15.4",
        ),
        (
            "WWW-Authenticate",
            "401 without a WWW-Authenticate challenge: the client cannot tell how to authenticate",
            "15.5.2",
        ),
        (
            "Allow",
            "405 without Allow: the client cannot tell which methods work",
            "15.5.6",
        ),
        (
            "Proxy-Authenticate",
            "407 without a Proxy-Authenticate challenge",
            "15.5.8",
        ),
    ];
    for (name, message, section) in required {
        let level = rules.as_ref().and_then(|r| r.header(name)).map(|h| h.level);
        let asked = matches!(level, Some(Rule::Must | Rule::Should))
            && (name != "Location" || matches!(hop.status, 301 | 302 | 303 | 307 | 308));
        if asked && hop.header(name).is_none() {
            let code = if name == "Location" {
                "missing-location"
            } else {
                "missing-header"
            };
            add(
                Level::Error,
                code,
                message.to_string(),
                &reference(section),
                Some(i),
            );
        }
    }
    if let (Some(location), None) = (&hop.location, &hop.resolved)
        && (300..400).contains(&hop.status)
    {
        let message = format!("Location {location:?} is not a URL reference; not followed");
        add(
            Level::Error,
            "bad-location",
            message,
            &reference("10.2.2"),
            Some(i),
        );
    }
    if matches!(hop.status, 429 | 503) && hop.header("retry-after").is_none() {
        let message = format!(
            "{} without Retry-After: clients and crawlers must guess when to come back",
            hop.status
        );
        add(
            Level::Warning,
            "missing-retry-after",
            message,
            &reference("10.2.3"),
            Some(i),
        );
    }
    let frame = framing(hop.status, &hop.method);
    if !frame.content_length && hop.content_length.is_some() {
        let message = format!(
            "Content-Length on a {}: it has no content to measure",
            hop.status
        );
        add(Level::Error, "framing", message, &reference("8.6"), Some(i));
    }
    let body = hop.body_bytes > 0 || hop.content_length.is_some_and(|n| n > 0);
    if !frame.content_allowed() && hop.method != "HEAD" && body {
        let message = format!(
            "a body on a {}, which ends at its header section",
            hop.status
        );
        add(
            Level::Error,
            "framing",
            message,
            &reference("6.4.1"),
            Some(i),
        );
    }
}

/// What is wrong with the step from `hop` to `target`.
fn redirect_findings(hop: &Hop, target: &str, i: usize, add: &mut Add) {
    let (Ok(from), Ok(to)) = (Url::parse(&hop.url), Url::parse(target)) else {
        return;
    };
    if from.scheme() == "https" && to.scheme() == "http" {
        let message = format!("https to http: {} downgrades the connection", hop.status);
        add(
            Level::Error,
            "downgrade",
            message,
            "RFC 9110 §4.2.2",
            Some(i),
        );
    }
    if from.origin() != to.origin() {
        let message = format!(
            "crosses origin to {}: credentials are not sent on",
            to.origin().ascii_serialization()
        );
        add(
            Level::Note,
            "cross-origin",
            message,
            "RFC 9110 §15.4",
            Some(i),
        );
    }
    if matches!(hop.status, 302 | 307)
        && let Some(why) = looks_permanent(&from, &to)
    {
        let better = if hop.status == 302 { 301 } else { 308 };
        let message = format!(
            "{} for {why}, which looks permanent: {better} passes the signals on",
            hop.status
        );
        add(
            Level::Warning,
            "temporary-redirect",
            message,
            &format!("{better}, {GOOGLE_REDIRECTS}"),
            Some(i),
        );
    }
}

/// Why a move from `from` to `to` looks permanent, if it does.
fn looks_permanent(from: &Url, to: &Url) -> Option<&'static str> {
    let host = |u: &Url| {
        u.host_str()
            .unwrap_or("")
            .trim_start_matches("www.")
            .to_string()
    };
    let same_rest = from.path() == to.path() && from.query() == to.query();
    if from.scheme() == "http" && to.scheme() == "https" && from.host_str() == to.host_str() {
        return Some("http to https on the same host");
    }
    if from.host_str() != to.host_str() && host(from) == host(to) && same_rest {
        return Some("host canonicalisation (www)");
    }
    let slash = |a: &str, b: &str| a.len() + 1 == b.len() && b.ends_with('/') && b.starts_with(a);
    if from.host_str() == to.host_str()
        && from.query() == to.query()
        && (slash(from.path(), to.path()) || slash(to.path(), from.path()))
    {
        return Some("a trailing slash");
    }
    None
}

/// What is wrong with the page the chain ends on.
fn final_findings(last: &Hop, i: usize, add: &mut Add) {
    match last.status {
        100..=199 => {
            let message = format!("the chain ends on {}, an interim response", last.status);
            add(
                Level::Error,
                "final-informational",
                message,
                "RFC 9110 §15.2",
                Some(i),
            );
        }
        500..=599 => {
            let message = format!("the server failed: {}", last.status);
            add(
                Level::Error,
                "server-error",
                message,
                &last.entry.clone().unwrap_or_default(),
                Some(i),
            );
        }
        200..=299 => page_findings(last, i, add),
        _ => {}
    }
}

fn page_findings(last: &Hop, i: usize, add: &mut Add) {
    if let Some(robots) = last.header("x-robots-tag")
        && robots.to_ascii_lowercase().contains("noindex")
    {
        let message = format!("X-Robots-Tag: {robots} keeps the page out of search results");
        add(
            Level::Warning,
            "noindex",
            message,
            "Google: robots meta tag and X-Robots-Tag",
            Some(i),
        );
    }
    if let Some(canonical) = canonical(last)
        && !same_target(&last.url, &canonical)
    {
        let message = format!("Link rel=canonical points elsewhere: {canonical}");
        add(
            Level::Warning,
            "canonical-elsewhere",
            message,
            "Google: canonical URLs (RFC 6596)",
            Some(i),
        );
    }
    if last.status == 200
        && let Some(title) = last
            .title
            .as_deref()
            .filter(|t| crate::html::says_not_found(t))
    {
        let message = format!("200 whose title says \"{title}\": a soft 404 (send 404 or 410)");
        add(
            Level::Warning,
            "soft-404",
            message,
            "404, Google: soft 404 errors",
            Some(i),
        );
    }
}

/// The canonical URL a `Link` header names, resolved against the page.
fn canonical(hop: &Hop) -> Option<String> {
    let base = Url::parse(&hop.url).ok()?;
    hop.headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("link"))
        .flat_map(|(_, v)| v.split(','))
        .find(|part| {
            part.to_ascii_lowercase()
                .replace(' ', "")
                .contains("rel=\"canonical\"")
                || part.to_ascii_lowercase().contains("rel=canonical")
        })
        .and_then(|part| {
            let start = part.find('<')? + 1;
            let end = start + part[start..].find('>')?;
            Some(base.join(&part[start..end]).ok()?.to_string())
        })
}

fn same_target(a: &str, b: &str) -> bool {
    let strip = |s: &str| {
        Url::parse(s).ok().map(|mut u| {
            u.set_fragment(None);
            u
        })
    };
    matches!((strip(a), strip(b)), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests;

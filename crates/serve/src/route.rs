//! From a request's path to what it asks for: an entry (by id, by
//! weighted or ranged random choice, as a redirect hop), a preflight, the
//! index, or an error that says what was wrong.

use httpdex_catalog::{Entry, search};

use crate::request::Request;
use crate::server::State;

/// What a request asks for.
pub(crate) enum Target<'s> {
    Index,
    /// An entry; `location` overrides the default redirect target.
    Entry {
        entry: &'s Entry,
        location: Option<String>,
    },
    Preflight,
    /// A 400 or 404 with its detail.
    Problem(u16, String),
}

pub(crate) fn route<'s>(state: &'s State, request: &Request) -> Target<'s> {
    if request.method == "OPTIONS" && request.cors_method.is_some() {
        return Target::Preflight;
    }
    let path = request.path.as_str();
    let (head, rest) = match path.trim_start_matches('/').split_once('/') {
        Some((head, rest)) => (head, rest),
        None => (path.trim_start_matches('/'), ""),
    };
    let location = request.param("location").map(str::to_string);
    let target = match (head, rest) {
        ("", "") => return Target::Index,
        ("status", spec) => weighted(state, spec),
        ("random", range) => ranged(state, range),
        ("redirect", n) => return redirect(state, n),
        ("redirect-to", "") => return redirect_to(state, request),
        (id, "") => entry(state, id),
        _ => Err(unknown(state, path.trim_start_matches('/'))),
    };
    match target {
        Ok(entry) => Target::Entry { entry, location },
        Err(problem) => problem,
    }
}

fn entry<'s>(state: &'s State, id: &str) -> Result<&'s Entry, Target<'s>> {
    state.catalog.get(id).ok_or_else(|| unknown(state, id))
}

/// A 404 that names the id and offers the closest ones.
fn unknown<'s>(state: &'s State, id: &str) -> Target<'s> {
    let close: Vec<String> = search::suggestions(&state.catalog, id, 3)
        .iter()
        .map(|e| format!("/{}", e.id))
        .collect();
    let mut detail = format!("the playground has no entry {id:?}");
    if !close.is_empty() {
        detail += &format!("; did you mean {}?", close.join(", "));
    }
    Target::Problem(404, detail)
}

/// `200`, `200,503` (equal chances) or `200:0.7,429:0.2,503:0.1`.
fn weighted<'s>(state: &'s State, spec: &str) -> Result<&'s Entry, Target<'s>> {
    let mut choices: Vec<(&Entry, f64)> = Vec::new();
    for part in spec.split(',') {
        let (id, weight) = match part.split_once(':') {
            Some((id, w)) => (id, w.trim().parse::<f64>().ok()),
            None => (part, Some(1.0)),
        };
        let Some(weight) = weight.filter(|w| w.is_finite() && *w >= 0.0) else {
            let detail = format!("{part:?} is not id:weight with a weight of 0 or more");
            return Err(Target::Problem(400, detail));
        };
        choices.push((entry(state, id.trim())?, weight));
    }
    let total: f64 = choices.iter().map(|(_, w)| w).sum();
    if total <= 0.0 {
        return Err(Target::Problem(400, "the weights add up to 0".into()));
    }
    let mut point = state.random() * total;
    for (entry, weight) in &choices {
        if point < *weight {
            return Ok(entry);
        }
        point -= weight;
    }
    Ok(choices.last().expect("at least one choice").0)
}

/// `500-504`: one of the registered codes in the range, uniformly.
fn ranged<'s>(state: &'s State, range: &str) -> Result<&'s Entry, Target<'s>> {
    let bounds = range
        .split_once('-')
        .and_then(|(a, b)| Some((a.parse::<u16>().ok()?, b.parse::<u16>().ok()?)))
        .filter(|(a, b)| (100..=599).contains(a) && a <= b && *b <= 599);
    let Some((low, high)) = bounds else {
        let detail = format!("{range:?} is not a range of codes like 500-504");
        return Err(Target::Problem(400, detail));
    };
    let codes: Vec<&Entry> = (low..=high)
        .filter_map(|code| state.catalog.get(&code.to_string()))
        .collect();
    if codes.is_empty() {
        let detail = format!("no registered code between {low} and {high}");
        return Err(Target::Problem(404, detail));
    }
    let at = (state.random() * codes.len() as f64) as usize;
    Ok(codes[at.min(codes.len() - 1)])
}

/// The longest chain `/redirect/N` builds.
const MAX_HOPS: u32 = 100;

/// `/redirect/N`: a 302 to `/redirect/N-1`, the last hop to `/200`.
fn redirect<'s>(state: &'s State, hops: &str) -> Target<'s> {
    let Some(n) = hops
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_HOPS).contains(n))
    else {
        let detail = format!("{hops:?} is not a number of hops from 1 to {MAX_HOPS}");
        return Target::Problem(400, detail);
    };
    let location = match n {
        1 => "/200".to_string(),
        n => format!("/redirect/{}", n - 1),
    };
    match state.catalog.get("302") {
        Some(entry) => Target::Entry {
            entry,
            location: Some(location),
        },
        None => Target::Problem(404, "the catalog has no 302".into()),
    }
}

/// `/redirect-to?url=U&status=S`: a redirect with status S (302 unless
/// given) to U, which is checked like `?location=` when answered.
fn redirect_to<'s>(state: &'s State, request: &Request) -> Target<'s> {
    let Some(url) = request.param("url") else {
        return Target::Problem(400, "redirect-to needs ?url=".into());
    };
    let status = request.param("status").unwrap_or("302");
    let redirects = ["300", "301", "302", "303", "307", "308"];
    let entry = redirects
        .contains(&status)
        .then(|| state.catalog.get(status))
        .flatten();
    match entry {
        Some(entry) => Target::Entry {
            entry,
            location: Some(url.to_string()),
        },
        None => Target::Problem(
            400,
            format!("status={status:?} is not one of {}", redirects.join(", ")),
        ),
    }
}

/// Whether a redirect to `url` stays on this server: a path, or an
/// absolute URL whose authority is the request's Host.
pub(crate) fn same_host(url: &str, host: Option<&str>) -> bool {
    if url.starts_with('/') {
        // `//evil.example` and `/\evil.example` are other hosts to browsers.
        return !url.starts_with("//") && !url.starts_with("/\\");
    }
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"));
    let (Some(rest), Some(host)) = (rest, host) else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    authority.eq_ignore_ascii_case(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_host_redirects() {
        let host = Some("127.0.0.1:8080");
        assert!(same_host("/200", host));
        assert!(same_host("http://127.0.0.1:8080/x", host));
        assert!(!same_host("//evil.example/", host));
        assert!(!same_host("/\\evil.example/", host));
        assert!(!same_host("https://evil.example/", host));
        assert!(!same_host("http://127.0.0.1:8080@evil.example/", host));
        assert!(!same_host("http://127.0.0.1:8080/x", None));
        assert!(!same_host("javascript:alert(1)", host));
    }
}

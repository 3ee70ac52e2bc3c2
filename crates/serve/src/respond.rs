//! What the playground answers to a request: the entry's response as the
//! rules and the vendor have it, with the user's controls applied.

use std::sync::Arc;
use std::time::Duration;

use httpdex_catalog::{Entry, Origin};
use httpdex_core::http::{Arrival, Message, Rules, no_content};

use crate::body::{self, Info, Kind};
use crate::controls::{self, Controls};
use crate::page;
use crate::request::Request;
use crate::route::{self, Target};
use crate::server::State;
use crate::wire::{Interim, Response};

/// What to do with a request.
pub(crate) enum Answer {
    Respond(Arc<Response>, Controls),
    /// Close without a byte, after `sleep` (nginx's 444).
    Close {
        name: String,
        sleep: Duration,
    },
}

/// Where redirects point unless `?location=` says otherwise: a page of
/// the playground, so that a client following it ends at a 200.
const DEFAULT_LOCATION: &str = "/200";

pub(crate) fn answer(state: &State, request: &Request) -> Answer {
    if let Some(response) = cached(state, request) {
        return Answer::Respond(response, Controls::default());
    }
    let prepared = Controls::parse(request, state.config.max_delay)
        .and_then(|c| controls::extra_headers(request).map(|extra| (c, extra)));
    let (controls, extra) = match prepared {
        Ok(ok) => ok,
        Err(detail) => return plain(refusal(state, request, 400, &detail)),
    };
    let mut response = match route::route(state, request) {
        Target::Index => index(state, request),
        Target::Preflight => preflight(state, request),
        Target::Problem(status, detail) => refusal(state, request, status, &detail),
        Target::Entry { entry, location } => {
            match entry_response(state, request, entry, location) {
                Ok(Some(response)) => response,
                Ok(None) => {
                    let name = entry.name.to_string();
                    return Answer::Close {
                        name,
                        sleep: controls.sleep,
                    };
                }
                Err(detail) => refusal(state, request, 400, &detail),
            }
        }
    };
    finish(&mut response, request, extra);
    Answer::Respond(Arc::new(response), controls)
}

fn plain(mut response: Response) -> Answer {
    response.set("Access-Control-Allow-Origin", "*");
    Answer::Respond(Arc::new(response), Controls::default())
}

/// The body forms an entry's response is prepared in at start-up.
pub(crate) const PREPARED: [Kind; 3] = [Kind::Json, Kind::Html, Kind::Text];

/// The responses to a plain `GET /{id}` in each prepared form, made once:
/// what most requests ask for costs a lookup rather than a rendering.
/// Problem details name the request's target, so they are not prepared.
pub(crate) fn prepare(state: &State, entry: &Entry) -> [Option<Arc<Response>>; 3] {
    PREPARED.map(|kind| {
        let target = format!("/{}", entry.id);
        let request = Request {
            method: "GET".into(),
            path: target.clone(),
            target,
            keep_alive: true,
            accept: Some(kind.content_type().into()),
            ..Request::default()
        };
        match answer(state, &request) {
            Answer::Respond(response, _) => Some(response),
            Answer::Close { .. } => None,
        }
    })
}

/// The prepared response for a request that names one entry and nothing
/// else (no query, no body), if there is one.
fn cached(state: &State, request: &Request) -> Option<Arc<Response>> {
    if !request.query.is_empty() || !request.body.is_empty() || request.cors_method.is_some() {
        return None;
    }
    let path = &request.path;
    let id = path
        .strip_prefix("/status/")
        .or_else(|| path.strip_prefix('/'))?;
    if id.is_empty() || id.contains([',', ':', '/']) {
        return None;
    }
    let entry = state.catalog.get(id)?;
    let status = state.rules(entry).status?;
    let kind = body::negotiate(request.accept.as_deref(), status >= 400);
    state.prepared(entry, kind)
}

/// The user's body and headers, CORS, and whether to keep the connection.
fn finish(response: &mut Response, request: &Request, extra: Vec<(String, String)>) {
    let own_body = request.param("body").map(|b| (b.as_bytes().to_vec(), None));
    let posted =
        (!request.body.is_empty()).then(|| (request.body.clone(), request.content_type.clone()));
    if let Some((body, content_type)) = own_body.or(posted) {
        response.body = body;
        let content_type = content_type
            .filter(|t| controls::is_field_value(t))
            .unwrap_or_else(|| "text/plain; charset=utf-8".to_string());
        response.set("Content-Type", content_type);
    }
    if !response.has("Server") {
        response.set("Server", "httpdex");
    }
    // Permissive CORS, so browser code can call the playground.
    response.set("Access-Control-Allow-Origin", "*");
    response.set("Access-Control-Expose-Headers", "*");
    for (name, value) in extra {
        response
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
        response.headers.push((name, value));
    }
}

/// The response for an entry; `Ok(None)` when the connection is to close
/// without one, `Err` for a refused `?location=`.
fn entry_response(
    state: &State,
    request: &Request,
    entry: &Entry,
    location: Option<String>,
) -> Result<Option<Response>, String> {
    let rules = state.rules(entry);
    let Some(status) = rules.status else {
        // The ALB's 460 reaches its client as the close it was; nginx's
        // 499 has no such thing to show, so it is explained (page.rs).
        if rules.arrival == Arrival::LogOnly && rules.edge.is_none() {
            return Ok(Some(explained(state, request, entry, page::CLIENT_CLOSED)));
        }
        return Ok(None);
    };
    let mut response = Response {
        status,
        reason: rules.reason.clone().unwrap_or_default(),
        name: entry.name.to_string(),
        ..Response::default()
    };
    match rules.arrival {
        Arrival::Interim if status == 101 => {
            return Ok(Some(explained(state, request, entry, page::SWITCHING)));
        }
        Arrival::Interim => {
            let note = page::after_interim(status, &response.reason);
            let mut fin = explained(state, request, entry, &note);
            let mut headers = rule_headers(rules, status);
            for (name, value) in &mut headers {
                if name.eq_ignore_ascii_case("Location") {
                    *value = DEFAULT_LOCATION.to_string();
                }
            }
            fin.interim.push(Interim {
                status,
                reason: response.reason,
                headers,
            });
            return Ok(Some(fin));
        }
        Arrival::Substatus => {
            response.headers = rule_headers(rules, status);
            vendor_fields(entry, &mut response, false);
            response.set("Content-Type", "text/html");
            response.body = page::iis(entry, &response.reason).into_bytes();
        }
        _ if vendor_page(rules, entry) && vendor_fields(entry, &mut response, true) => {
            for (name, value) in rule_headers(rules, status) {
                if !response.has(&name) {
                    response.headers.push((name, value));
                }
            }
        }
        _ => {
            response.headers = rule_headers(rules, status);
            negotiated(state, &mut response, request, entry, None);
        }
    }
    if rules.header("Location").is_some_and(|h| h.level.sends()) || location.is_some() {
        let url = location.unwrap_or_else(|| DEFAULT_LOCATION.to_string());
        check_location(state, request, &url)?;
        response.set("Location", url);
    }
    if status == 206 {
        ranged_body(&mut response);
    }
    Ok(Some(response))
}

/// The headers the rules have the status send, with their example values,
/// less the ones the playground frames itself.
fn rule_headers(rules: &Rules, status: u16) -> Vec<(String, String)> {
    let managed = |name: &str| {
        let name = name.to_ascii_lowercase();
        matches!(
            name.as_str(),
            "content-type" | "content-length" | "transfer-encoding" | "date"
        ) || (name == "connection" && status != 426)
    };
    let mut out = Vec::new();
    for header in rules.headers.iter().filter(|h| h.level.sends()) {
        if managed(&header.name) {
            continue;
        }
        for value in &header.values {
            // `...` is the rules' stand-in where they know no valid value.
            if value != "..." && controls::is_field_value(value) {
                out.push((header.name.clone(), value.clone()));
            }
        }
    }
    out
}

/// Whether the entry answers with its example's page: a vendor's code,
/// or a code that arrives inside another's response.
fn vendor_page(rules: &Rules, entry: &Entry) -> bool {
    matches!(rules.arrival, Arrival::Replaced | Arrival::InBody)
        || !matches!(entry.origin, Origin::Iana | Origin::Custom)
}

/// A vendor's response as its example shows it: fields (the framing ones
/// aside) and, when `with_body`, its page. Used for vendors' codes and for
/// codes that arrive inside another (208, Esri's 498); false when the
/// example does not show a response with the status.
fn vendor_fields(entry: &Entry, response: &mut Response, with_body: bool) -> bool {
    let example = Message::parse(&entry.example);
    if example
        .status_line()
        .is_none_or(|line| line.code != response.status)
    {
        return false;
    }
    for (name, value) in &example.fields {
        let lower = name.to_ascii_lowercase();
        let framing = matches!(
            lower.as_str(),
            "date" | "content-length" | "transfer-encoding" | "connection"
        );
        let known = !with_body && response.has(name);
        if !framing && !known && controls::is_token(name) && controls::is_field_value(value) {
            response.headers.push((name.to_string(), value.to_string()));
        }
    }
    if with_body {
        response.body = example.content.as_bytes().to_vec();
    }
    true
}

/// A body in the form the request accepts, about `entry`; none where
/// the status allows none (a Content-Type would describe nothing).
fn negotiated(
    state: &State,
    response: &mut Response,
    request: &Request,
    entry: &Entry,
    detail: Option<&str>,
) {
    if no_content(response.status).is_some() {
        return;
    }
    let kind = body::negotiate(request.accept.as_deref(), response.status >= 400);
    // The entry's own phrase titles the body even when another status
    // carries it (a 200 explaining a 101).
    let reason = state
        .rules(entry)
        .reason
        .as_deref()
        .filter(|r| !r.is_empty());
    let info = Info {
        status: entry.code,
        id: Some(&entry.id),
        title: reason.unwrap_or(&entry.name),
        summary: &entry.summary,
        spec: entry.spec.first().map(|s| s.url.as_ref()),
        detail,
        instance: &request.target,
    };
    response.body = body::render(kind, &info);
    response.set("Content-Type", kind.content_type());
}

/// A 200 about `entry`, with `note` saying why it is not the code itself.
fn explained(state: &State, request: &Request, entry: &Entry, note: &str) -> Response {
    let mut response = Response {
        status: 200,
        reason: state.reason(200),
        name: entry.name.to_string(),
        ..Response::default()
    };
    negotiated(state, &mut response, request, entry, Some(note));
    response
}

/// The playground's own answer to a request it cannot serve as asked.
pub(crate) fn refusal(state: &State, request: &Request, status: u16, detail: &str) -> Response {
    let reason = state.reason(status);
    let kind = body::negotiate(request.accept.as_deref(), true);
    let summary = state
        .catalog
        .get(&status.to_string())
        .map_or(String::new(), |e| e.summary.to_string());
    let info = Info {
        status,
        id: None,
        title: &reason,
        summary: &summary,
        spec: None,
        detail: Some(detail),
        instance: &request.target,
    };
    let body = body::render(kind, &info);
    let mut response = Response {
        status,
        name: reason.clone(),
        reason,
        body,
        ..Response::default()
    };
    response.set("Content-Type", kind.content_type());
    response
}

fn check_location(state: &State, request: &Request, url: &str) -> Result<(), String> {
    if !controls::is_field_value(url) || url.is_empty() {
        return Err(format!("{url:?} is not a usable Location"));
    }
    if !state.config.allow_external_redirects && !route::same_host(url, request.host.as_deref()) {
        return Err(format!(
            "{url:?} is on another host; the playground redirects only to itself unless started with --allow-external-redirects"
        ));
    }
    Ok(())
}

/// A 206's body: exactly the bytes its Content-Range names, so the two
/// never disagree (httpstat.us's did).
fn ranged_body(response: &mut Response) {
    let range = response
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Range"))
        .and_then(|(_, v)| v.strip_prefix("bytes "))
        .and_then(|v| v.split_once('/'))
        .and_then(|(range, _)| range.split_once('-'))
        .and_then(|(a, b)| Some((a.parse::<u64>().ok()?, b.parse::<u64>().ok()?)))
        .filter(|(a, b)| a <= b && b - a < 65_536);
    if let Some((first, last)) = range {
        response.body = (first..=last).map(|i| b'a' + (i % 26) as u8).collect();
        response.set("Content-Type", "text/plain; charset=utf-8");
    }
}

fn index(state: &State, request: &Request) -> Response {
    let host = request
        .host
        .clone()
        .unwrap_or_else(|| state.config.addr.to_string());
    let mut response = Response {
        status: 200,
        reason: state.reason(200),
        name: "index".into(),
        body: page::index(&host).into_bytes(),
        ..Response::default()
    };
    response.set("Content-Type", "text/plain; charset=utf-8");
    response
}

/// A CORS preflight: anything is allowed.
fn preflight(state: &State, request: &Request) -> Response {
    let mut response = Response {
        status: 204,
        reason: state.reason(204),
        name: "CORS preflight".into(),
        ..Response::default()
    };
    let method = request
        .cors_method
        .as_deref()
        .filter(|m| controls::is_token(m));
    response.set("Access-Control-Allow-Methods", method.unwrap_or("GET"));
    if let Some(headers) = request
        .cors_headers
        .as_deref()
        .filter(|h| controls::is_field_value(h))
    {
        response.set("Access-Control-Allow-Headers", headers);
    }
    response.set("Access-Control-Max-Age", "600");
    response
}

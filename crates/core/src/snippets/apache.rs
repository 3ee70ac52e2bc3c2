//! Apache httpd 2.4: `Redirect` inside `<Location>` sends any status from
//! Apache's table, `ErrorDocument` gives it a body, `Header always set`
//! adds headers to error statuses too.

use super::honesty::{auto_continue, comment_only, no_interim};
use super::node::indent;
use super::plan::{Body, Plan};
use super::quote::dq;
use super::{Draft, Lang};

pub(crate) fn config(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Apache, "Apache"),
        101 => return websocket_proxy(),
        103 => return early_hints(plan),
        ..=199 => {
            return no_interim(
                plan,
                Lang::Apache,
                "a status set in configuration is sent as the final response, so an interim \
                 code would end the exchange.",
            );
        }
        _ if !apache_knows(plan.code) => {
            let why = format!(
                "Apache only sends codes from its own status table; `Redirect {0}` would \
                 answer 500. Send {0} from the application behind Apache, which passes it on:",
                plan.code
            );
            return from_backend(plan, &why, "it is not in Apache's status table");
        }
        // Apache writes its error page as the body of a 205, which must have none.
        205 => {
            let why = "`Redirect 205` makes Apache send its HTML error page as the body, and a \
                       205 must have none. Send it from the application behind Apache:";
            return from_backend(plan, why, "Apache would add a body, which 205 forbids");
        }
        200 | 206 | 304 => return static_file(plan),
        _ => {}
    }
    let skip: &[&str] = if plan.is_redirect() {
        &["location", "connection"]
    } else {
        &["connection"]
    };
    let mut lines = Vec::new();
    if (300..400).contains(&plan.code) {
        // mod_alias insists on a target for 3xx.
        let to = plan.location().unwrap_or_else(|| "/new-path".to_string());
        lines.push(format!("Redirect {} {}", plan.code, dq(&to)));
    } else {
        lines.push(format!("Redirect {}", plan.code));
    }
    if plan.body != Body::Empty && !(300..400).contains(&plan.code) {
        lines.push(format!(
            "ErrorDocument {} {}",
            plan.code,
            dq(plan.message())
        ));
    }
    lines.extend(
        plan.headers_except(skip)
            .map(|h| format!("Header always set {} {}", h.name, dq(&h.value()))),
    );
    let code = format!(
        "<Location {}>\n{}</Location>\n",
        dq(plan.route.path),
        indent(&lines, "    ")
    );
    let mut draft = Draft::sendable(code);
    if (200..300).contains(&plan.code) {
        draft = draft.note(format!(
            "Apache has no directive for success responses: `Redirect {}` with an ErrorDocument \
             body is a trick for fixed answers (mocks, health checks). Real ones come from \
             the application behind Apache.",
            plan.code
        ));
    }
    if plan.code == 405 {
        draft = draft.note(
            "Apache adds its own Allow line to a 405 (TRACE, unless TraceEnable is off); \
             clients merge the two.",
        );
    }
    draft
}

/// Apache's status table (httpd 2.4): `Redirect`, `RewriteRule [R=]` and
/// `ErrorDocument` accept only these; anything else becomes a 500.
fn apache_knows(code: u16) -> bool {
    matches!(code,
        100..=103 | 200..=208 | 226 | 300..=305 | 307 | 308 | 400..=417 | 421..=424
        | 426 | 428 | 429 | 431 | 451 | 500..=508 | 510 | 511)
}

/// Codes Apache's configuration cannot send correctly: proxy to an
/// application that can.
fn from_backend(plan: &Plan, why: &str, reason: &str) -> Draft {
    let code = format!(
        "{}ProxyPass {} {}\n",
        comment_only(Lang::Apache, why),
        dq(plan.route.path),
        dq(&format!("http://127.0.0.1:8080{}", plan.route.path))
    );
    Draft::not_sendable(
        code,
        format!(
            "Apache cannot send {} from its configuration ({reason}); only an application \
             behind it can.",
            plan.code
        ),
    )
}

/// 200, 206 and 304 are what Apache answers for a file: plain, ranged and
/// conditional requests. A fixed 304 would break clients that have no copy.
fn static_file(plan: &Plan) -> Draft {
    let (explain, directive) = match plan.code {
        200 => ("Apache answers 200 whenever it serves the file.", None),
        206 => (
            "Apache answers Range requests for the file with 206 by itself.",
            Some("MaxRanges 16"),
        ),
        _ => (
            "Apache answers If-None-Match / If-Modified-Since for the file with 304 by \
             itself, from its ETag and Last-Modified.",
            Some("FileETag MTime Size"),
        ),
    };
    // Apache computes these from the file.
    let managed = [
        "etag",
        "last-modified",
        "content-range",
        "accept-ranges",
        "connection",
    ];
    let mut lines: Vec<String> = directive.map(str::to_string).into_iter().collect();
    lines.extend(
        plan.headers_except(&managed)
            .map(|h| format!("Header always set {} {}", h.name, dq(&h.value()))),
    );
    let block = if lines.is_empty() {
        String::new()
    } else {
        format!(
            "<Location \"/items/42\">\n{}</Location>\n",
            indent(&lines, "    ")
        )
    };
    let code = format!(
        "{}Alias \"/items/42\" \"/var/www/items/42.json\"\n{block}",
        comment_only(Lang::Apache, explain)
    );
    Draft::sendable(code)
}

fn early_hints(plan: &Plan) -> Draft {
    let mut lines = Vec::new();
    let links = plan
        .header("Link")
        .map(|h| h.values.clone())
        .unwrap_or_else(|| vec!["</assets/app.css>; rel=preload; as=style".to_string()]);
    for link in links {
        lines.push(format!("H2EarlyHint Link {}", dq(&link)));
    }
    let code = format!(
        "# mod_http2 sends these as a 103 before the response (HTTP/2 only).\n\
         H2EarlyHints on\n<Location \"/items/42\">\n{}</Location>\n",
        indent(&lines, "    ")
    );
    Draft::sendable(code).note(
        "Apache sends 103 only on HTTP/2 connections (mod_http2, H2EarlyHint needs httpd \
         2.4.58+); HTTP/1.1 clients just get the final response.",
    )
}

fn websocket_proxy() -> Draft {
    Draft::not_sendable(
        "# Apache relays the backend's 101 Switching Protocols (mod_proxy_wstunnel).\n\
         ProxyPass \"/ws\" \"ws://127.0.0.1:3000/ws\"\n"
            .to_string(),
        "Apache does not send 101 itself: it passes on the 101 of the WebSocket server behind it.",
    )
}

//! nginx: directives for a `server { }` block. `return` sends any final
//! status; `add_header ... always` also applies to error statuses.

use super::honesty::{auto_continue, comment_only, no_interim};
use super::node::indent;
use super::plan::{Body, Plan};
use super::quote::dq;
use super::{Draft, Lang};

pub(crate) fn config(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Nginx, "nginx"),
        101 => return websocket_proxy(),
        ..=199 => {
            return no_interim(
                plan,
                Lang::Nginx,
                "`return` sends final responses only; nginx has no directive for interim \
                 responses. Send them from the application or a CDN in front.",
            );
        }
        206 | 304 => return static_files(plan),
        _ => {}
    }
    // nginx writes Connection itself.
    let skip: &[&str] = if redirect_return(plan) {
        &["location", "connection"]
    } else {
        &["connection"]
    };
    let mut lines: Vec<String> = plan
        .headers_except(skip)
        .map(|h| format!("add_header {} {} always;", h.name, dq(&h.value())))
        .collect();
    if redirect_return(plan) {
        let to = plan.location().unwrap_or_default();
        lines.push(format!("return {} {};", plan.code, dq(&to)));
    } else if plan.body == Body::Empty {
        lines.push(format!("return {};", plan.code));
    } else {
        lines.push("default_type text/plain;".to_string());
        lines.push(format!(
            "return {} {};",
            plan.code,
            dq(&format!("{}\n", plan.message()))
        ));
    }
    Draft::sendable(location(plan.route.path, &lines))
}

/// `return 301 URL` sets Location; only these codes take a URL.
fn redirect_return(plan: &Plan) -> bool {
    plan.is_redirect() && matches!(plan.code, 301 | 302 | 303 | 307 | 308)
}

fn location(path: &str, lines: &[String]) -> String {
    format!("location = {path} {{\n{}}}\n", indent(lines, "    "))
}

/// 206 and 304 are nginx's own answers to Range and conditional requests
/// for static files; a fixed `return 304` would break clients with no cache.
fn static_files(plan: &Plan) -> Draft {
    let (explain, directive) = if plan.code == 304 {
        (
            "# nginx answers If-None-Match / If-Modified-Since for static files with 304\n\
             # by itself, from the file's ETag and Last-Modified.",
            "etag on;",
        )
    } else {
        (
            "# nginx answers Range requests for static files with 206 by itself\n\
             # (max_ranges limits how many ranges one request may ask for).",
            "max_ranges 16;",
        )
    };
    // nginx computes these from the file.
    let managed = ["etag", "last-modified", "content-range", "accept-ranges"];
    let mut lines = vec!["root /var/www;".to_string(), directive.to_string()];
    lines.extend(
        plan.headers_except(&managed)
            .map(|h| format!("add_header {} {} always;", h.name, dq(&h.value()))),
    );
    let code = format!(
        "{explain}\nlocation /items/ {{\n{}}}\n",
        indent(&lines, "    ")
    );
    Draft::sendable(code)
}

fn websocket_proxy() -> Draft {
    Draft::not_sendable(
        "# nginx relays the backend's 101 Switching Protocols once it forwards the\n\
         # Upgrade request; Upgrade and Connection are hop-by-hop, so pass them on.\n\
         location /ws {\n\
         \x20   proxy_pass http://127.0.0.1:3000;\n\
         \x20   proxy_http_version 1.1;\n\
         \x20   proxy_set_header Upgrade $http_upgrade;\n\
         \x20   proxy_set_header Connection \"upgrade\";\n\
         }\n"
        .to_string(),
        "nginx does not send 101 itself: it passes on the 101 of the WebSocket server behind it, \
         given this configuration.",
    )
}

/// 444: the one nginx code that config sends (by sending nothing).
pub(crate) fn close(plan: &Plan) -> Draft {
    let code = "# Close the connection without a response: scanners get nothing back.\n\
                location ~* ^/(wp-login\\.php|xmlrpc\\.php|\\.env) {\n    return 444;\n}\n"
        .to_string();
    Draft::sendable(code).note(format!(
        "{}: nginx closes the connection without sending anything; clients see an empty \
         reply, and 444 appears only in the access log.",
        plan.entry.title()
    ))
}

/// 494..499: nginx logs these and answers 400 (or nothing); error_page can
/// turn some of them into a proper response.
pub(crate) fn internal(plan: &Plan) -> Draft {
    let e = plan.entry;
    let code = match e.code {
        494 => "# nginx logs 494 and answers 400 when request headers overflow these buffers.\n\
                large_client_header_buffers 4 16k;\n\
                # Answer with the registered code instead of a bare 400:\n\
                error_page 494 =431 @header_too_large;\n\
                location @header_too_large {\n\
                \x20   default_type text/plain;\n\
                \x20   return 431 \"Request Header Fields Too Large\\n\";\n}\n"
            .to_string(),
        495 | 496 => "# With client certificates required, nginx logs 495 (invalid certificate)\n\
                      # or 496 (none sent) and answers 400. Send a clearer 403 instead:\n\
                      ssl_verify_client on;\n\
                      ssl_client_certificate /etc/nginx/client-ca.pem;\n\
                      error_page 495 496 =403 @client_cert;\n\
                      location @client_cert {\n\
                      \x20   default_type text/plain;\n\
                      \x20   return 403 \"A valid client certificate is required.\\n\";\n}\n"
            .to_string(),
        497 => "# nginx logs 497 and answers 400 when plain HTTP reaches this TLS port.\n\
                # Redirect such requests to HTTPS instead (in the `listen 443 ssl` server):\n\
                error_page 497 =301 https://$host$request_uri;\n"
            .to_string(),
        _ => comment_only(
            Lang::Nginx,
            &format!(
                "{} (nginx only): {}\n{}",
                e.title(),
                e.summary,
                e.when_to_use
            ),
        ),
    };
    Draft::not_sendable(
        code,
        format!(
            "{} never reaches the client: nginx uses it internally or only in its access log.",
            e.display_code()
        ),
    )
}

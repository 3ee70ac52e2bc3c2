//! A `curl -i` command that shows the status, with the request details that
//! make the server answer it (a Range for 206, If-None-Match for 304, ...).

use super::Draft;
use super::plan::{Kind, Method, Plan};
use crate::http::{Edge, Version};

const BASE: &str = "http://localhost:8080";

pub(crate) fn check(plan: &Plan) -> Draft {
    let (expect, command) = match plan.kind {
        Kind::Edge(who) => edge(plan, who),
        Kind::NginxClose => (
            "curl: (52) Empty reply from server; nginx logs 444".to_string(),
            "curl -i http://localhost/wp-login.php".to_string(),
        ),
        Kind::NginxInternal => nginx_internal(plan),
        _ => (expectation(plan), request(plan)),
    };
    Draft::sendable(format!("# Expect: {expect}\n{command}\n"))
}

fn expectation(plan: &Plan) -> String {
    let mut out = format!("HTTP/1.1 {}", plan.title());
    if plan.kind == Kind::IisSubstatus {
        out.push_str(&format!(
            " (IIS logs it as {} in sc-substatus)",
            plan.entry.display_code()
        ));
    }
    let names: Vec<&str> = plan.headers.iter().map(|h| h.name.as_str()).collect();
    if !names.is_empty() {
        out.push_str(&format!(", with {}", names.join(", ")));
    }
    if plan.code == 101 {
        out.push_str(" (then the connection speaks WebSocket; Ctrl-C ends it)");
    } else if plan.kind == Kind::Interim {
        out.push_str(", then the final response");
    } else if plan.is_redirect() {
        out.push_str(" (-i shows it; -L would follow it)");
    }
    out
}

fn request(plan: &Plan) -> String {
    let url = format!("{BASE}{}", plan.route.path);
    let json = "-H 'Content-Type: application/json' -d '{\"name\":\"example\"}'";
    let method = plan.route.method;
    let mut args: Vec<String> = vec!["curl -i".to_string()];
    match plan.code {
        100 => args.push(format!("-H 'Expect: 100-continue' {json}")),
        101 => args.push(
            "-N --max-time 5 -H 'Connection: Upgrade' -H 'Upgrade: websocket' \\\n  \
             -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='"
                .to_string(),
        ),
        206 => args.push(format!("-r {}", range(plan, false))),
        304 => {
            // The server's current ETag, whatever it is, makes the second request conditional.
            return format!(
                "etag=$(curl -sI {url} | tr -d '\\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')\n\
                 curl -i -H \"If-None-Match: $etag\" {url}"
            );
        }
        411 => args.push("-X POST".to_string()),
        412 => args.push("-X PUT -H 'If-Match: \"stale\"' ".to_string() + json),
        413 => args.push(
            "-H 'Content-Type: application/octet-stream' --data-binary @large-file.bin".to_string(),
        ),
        415 => args.push("-H 'Content-Type: text/plain' -d 'hello'".to_string()),
        416 => args.push(format!("-r {}", range(plan, true))),
        417 => args.push(format!("-H 'Expect: 202-accepted' {json}")),
        429 => {
            return format!(
                "for i in $(seq 1 200); do curl -s -o /dev/null -w '%{{http_code}}\\n' {url}; done | sort | uniq -c\n\
                 curl -i {url}"
            );
        }
        _ => match method {
            Method::Get => {}
            Method::Post => args.push(json.to_string()),
            Method::Put => args.push(format!("-X PUT {json}")),
            Method::Delete => args.push("-X DELETE".to_string()),
        },
    }
    args.push(url);
    args.join(" ")
}

/// The byte range to ask for: the example's for 206, one past the end for 416.
fn range(plan: &Plan, past_end: bool) -> String {
    let value = plan
        .header("Content-Range")
        .map(|h| h.value())
        .unwrap_or_default();
    let spec = value.trim_start_matches("bytes").trim();
    let (range, total) = spec.split_once('/').unwrap_or(("0-9", "1000"));
    if past_end {
        let total: u64 = total.trim().parse().unwrap_or(1000);
        format!("{total}-")
    } else if range.contains('-') && range.chars().all(|c| c.is_ascii_digit() || c == '-') {
        range.to_string()
    } else {
        "0-9".to_string()
    }
}

fn nginx_internal(plan: &Plan) -> (String, String) {
    let (expect, command) = match plan.code {
        494 => (
            "HTTP/1.1 400 Bad Request (431 with the error_page above); nginx logs 494",
            "curl -i -H \"Cookie: big=$(head -c 20000 /dev/zero | tr '\\0' a)\" http://localhost/",
        ),
        495 => (
            "HTTP/1.1 400 Bad Request, \"The SSL certificate error\"; nginx logs 495",
            "curl -i --cert untrusted.pem --key untrusted.key https://localhost/",
        ),
        496 => (
            "HTTP/1.1 400 Bad Request, \"No required SSL certificate was sent\"; nginx logs 496",
            "curl -i https://localhost/",
        ),
        497 => (
            "HTTP/1.1 400 Bad Request, \"The plain HTTP request was sent to HTTPS port\"; nginx logs 497",
            "curl -i http://localhost:443/",
        ),
        499 => (
            "curl gives up after 1 s; nginx's access log then shows 499",
            "curl -i --max-time 1 http://localhost/slow\ntail -n 1 /var/log/nginx/access.log",
        ),
        _ => (
            "the response nginx sends instead; its log shows the code",
            "curl -i http://localhost/",
        ),
    };
    (expect.to_string(), command.to_string())
}

fn edge(plan: &Plan, edge: Edge) -> (String, String) {
    let code = plan.code;
    if edge == Edge::Cloudflare {
        // Cloudflare answers over HTTP/2, whose status line has no phrase.
        let status = plan.rules.status_line(Version::Http2).unwrap_or_default();
        return (
            format!("{status} with server: cloudflare and a cf-ray header"),
            "curl -sS -o /dev/null -D - https://www.example.com/ | grep -iE '^(HTTP/|server:|cf-ray:)'\n\
             # Then ask the origin directly, bypassing Cloudflare (203.0.113.10: your origin's IP):\n\
             curl -i --resolve www.example.com:443:203.0.113.10 https://www.example.com/"
                .to_string(),
        );
    }
    let alb = "https://my-alb.example.com";
    match code {
        460 => (
            "curl gives up after 1 s; the ALB access log then shows elb_status_code 460"
                .to_string(),
            format!("curl -i --max-time 1 {alb}/slow"),
        ),
        463 => (
            format!("HTTP/1.1 {code} from the load balancer (server: awselb/2.0)"),
            format!(
                "curl -i -H \"X-Forwarded-For: $(seq -s ', ' 1 31 | sed 's/[0-9]\\+/192.0.2.&/g')\" {alb}/"
            ),
        ),
        _ => (
            format!("HTTP/1.1 {code} from the load balancer (server: awselb/2.0)"),
            format!("curl -i {alb}/"),
        ),
    }
}

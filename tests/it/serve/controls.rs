//! Bodies by Accept and the query controls, each on its own.

use std::time::Duration;

use httpdex_serve::Config;

use super::{get, python, raw, shared, start, status};

fn with_accept(path: &str, accept: &str) -> String {
    let addr = shared();
    let request = format!("GET {path} HTTP/1.1\r\nAccept: {accept}\r\nConnection: close\r\n\r\n");
    String::from_utf8(raw(addr, request.as_bytes())).unwrap()
}

fn body(text: &str) -> &str {
    text.split_once("\r\n\r\n").map_or("", |(_, body)| body)
}

#[test]
fn bodies_follow_accept() {
    let problem = with_accept("/404", "application/problem+json");
    assert!(problem.contains("Content-Type: application/problem+json\r\n"));
    let v: serde_json::Value = serde_json::from_str(body(&problem)).unwrap();
    assert_eq!(
        (v["status"].as_u64(), v["title"].as_str()),
        (Some(404), Some("Not Found"))
    );
    assert!(v["type"].is_string() && v["detail"].is_string() && v["instance"] == "/404");
    let json = with_accept("/429", "application/json");
    let v: serde_json::Value = serde_json::from_str(body(&json)).unwrap();
    assert_eq!(v["code"], 429);
    assert!(v["name"].is_string() && v["summary"].is_string() && v["spec"].is_string());
    assert!(with_accept("/500", "text/html").contains("<h1>500 Internal Server Error</h1>"));
    assert!(with_accept("/500", "*/*").contains("Content-Type: text/plain"));
}

#[test]
fn unknown_ids_are_404s_that_suggest() {
    let text = get(shared(), "/4040");
    assert_eq!(status(&text), 404);
    assert!(
        text.contains("no entry \"4040\"") && text.contains("did you mean /404"),
        "{text}"
    );
}

#[test]
fn own_bodies_and_headers() {
    let addr = shared();
    let text = get(
        addr,
        "/418?body=short+and+stout&header=X-Tea:%20earl%20grey&header=Retry-After:5",
    );
    assert!(text.ends_with("\r\n\r\nshort and stout"), "{text}");
    assert!(text.contains("X-Tea: earl grey\r\n") && text.contains("Retry-After: 5\r\n"));
    let posted = raw(addr, b"POST /201 HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\":1}");
    let posted = String::from_utf8(posted).unwrap();
    assert!(posted.contains("Content-Type: application/json\r\n") && posted.ends_with("{\"a\":1}"));
    for bad in [
        "header=Content-Length:1",
        "header=X%0d%0aSet-Cookie:a",
        "header=nocolon",
    ] {
        assert_eq!(status(&get(addr, &format!("/200?{bad}"))), 400, "{bad}");
    }
}

#[test]
fn delays_are_capped_and_the_cap_is_named() {
    let server = start(Config {
        max_delay: Duration::from_millis(200),
        ..Config::default()
    });
    assert_eq!(status(&get(server.addr(), "/200?sleep=10")), 200);
    let text = get(server.addr(), "/200?sleep=201");
    assert_eq!(status(&text), 400);
    assert!(text.contains("cap of 200 ms"), "{text}");
    let dribbled = get(server.addr(), "/503?dribble=100");
    assert_eq!(status(&dribbled), 503);
    let length: usize = dribbled
        .split("Content-Length: ")
        .nth(1)
        .unwrap()
        .split("\r\n")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(body(&dribbled).len(), length);
}

#[test]
fn random_choices() {
    let addr = shared();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..40 {
        seen.insert(status(&get(addr, "/status/200:0.5,503:0.5")));
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), [200, 503]);
    for _ in 0..10 {
        assert_eq!(status(&get(addr, "/status/201:1,500:0")), 201);
        assert!((500..=504).contains(&status(&get(addr, "/random/500-504"))));
    }
    assert_eq!(status(&get(addr, "/status/200:x")), 400);
    assert_eq!(status(&get(addr, "/status/200:0")), 400);
    assert_eq!(status(&get(addr, "/random/504-500")), 400);
}

/// urllib follows redirects itself: a chain of 3 ends at /200.
#[test]
fn redirect_chains_end_at_200() {
    let addr = shared();
    let first = get(addr, "/redirect/3");
    assert!(
        first.starts_with("HTTP/1.1 302 Found\r\n") && first.contains("Location: /redirect/2\r\n")
    );
    let program = format!(
        "import urllib.request\nr = urllib.request.urlopen('http://{addr}/redirect/3')\nprint(r.status, r.url)"
    );
    if let Some(out) = python(&program, "") {
        assert_eq!(out.trim(), format!("200 http://{addr}/200"));
    }
}

#[test]
fn redirect_to_stays_on_this_host_unless_allowed() {
    let addr = shared();
    let ok = get(addr, "/redirect-to?url=/404&status=307");
    assert!(
        ok.starts_with("HTTP/1.1 307 ") && ok.contains("Location: /404\r\n"),
        "{ok}"
    );
    let own = get(addr, &format!("/redirect-to?url=http://{addr}/200"));
    assert_eq!(status(&own), 302);
    for refused in [
        "/redirect-to?url=https://example.com/",
        "/redirect-to?url=//example.com/",
        "/301?location=https://example.com/",
        "/redirect-to?url=/x&status=200",
    ] {
        assert_eq!(status(&get(addr, refused)), 400, "{refused}");
    }
    let open = start(Config {
        allow_external_redirects: true,
        ..Config::default()
    });
    let text = get(open.addr(), "/redirect-to?url=https://example.com/");
    assert!(
        text.contains("Location: https://example.com/\r\n"),
        "{text}"
    );
}

#[test]
fn aborts_cut_where_asked() {
    let addr = shared();
    assert_eq!(get(addr, "/200?abort=before-headers"), "");
    let after = get(addr, "/503?abort=after-headers");
    assert!(
        after.starts_with("HTTP/1.1 503 ") && after.ends_with("\r\n\r\n"),
        "{after}"
    );
    let mid = get(addr, "/503?abort=mid-body");
    let whole = get(addr, "/503");
    assert!(!body(&mid).is_empty() && body(&mid).len() < body(&whole).len());
    assert_eq!(status(&get(addr, "/200?abort=sometime")), 400);
}

#[test]
fn cors_preflight_and_headers() {
    let addr = shared();
    let preflight = raw(addr, b"OPTIONS /500 HTTP/1.1\r\nOrigin: http://app.test\r\nAccess-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: x-token\r\nConnection: close\r\n\r\n");
    let text = String::from_utf8(preflight).unwrap();
    assert!(text.starts_with("HTTP/1.1 204 No Content\r\n"), "{text}");
    for field in [
        "Access-Control-Allow-Origin: *",
        "Access-Control-Allow-Methods: PUT",
        "Access-Control-Allow-Headers: x-token",
    ] {
        assert!(text.contains(field), "{field}");
    }
    // Without the preflight's fields, OPTIONS is a method like any other.
    assert_eq!(
        status(
            &String::from_utf8(raw(
                addr,
                b"OPTIONS /500 HTTP/1.1\r\nConnection: close\r\n\r\n"
            ))
            .unwrap()
        ),
        500
    );
    assert!(get(addr, "/404").contains("Access-Control-Allow-Origin: *\r\n"));
}

//! `httpdex check` end to end, against servers on this machine only: a
//! scripted one (`server`), nginx configured by the test, and a TLS
//! listener with a certificate made here. Names that must fail end in
//! `.invalid`, which never resolves.

mod external;
mod server;

use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;
use server::{Server, bare, closed_port, response};

pub fn httpdex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_httpdex"))
        .arg("check")
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .stdin(Stdio::null())
        .output()
        .expect("run httpdex")
}

/// `--json` output, parsed; the first URL's result.
pub fn json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let o = httpdex(&all);
    let doc: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    (o.status.code().unwrap(), doc["urls"][0].clone())
}

pub fn codes(result: &Value) -> Vec<String> {
    result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn statuses(result: &Value) -> Vec<u64> {
    let hops = result["hops"].as_array().unwrap();
    hops.iter().map(|h| h["status"].as_u64().unwrap()).collect()
}

#[test]
fn a_chain_of_relative_locations_is_resolved_and_judged() {
    let s = Server::start(3, |r| match r.path.as_str() {
        "/a/b/start" => response("302 Found", &["Location: ./next#frag"], ""),
        "/a/b/next" => response("301 Moved Permanently", &["Location: ../c/end"], ""),
        _ => response("200 OK", &["Content-Type: text/html"], "<title>Hi</title>"),
    });
    let (code, result) = json(&[&s.url("/a/b/start")]);
    assert_eq!(code, 0, "{result}");
    assert_eq!(statuses(&result), vec![302, 301, 200]);
    let hops = result["hops"].as_array().unwrap();
    assert_eq!(hops[0]["location"], "./next#frag");
    assert_eq!(hops[0]["resolved"], s.url("/a/b/next#frag"));
    // The fragment carries over to a Location without one (RFC 9110 §10.2.2).
    assert_eq!(hops[1]["resolved"], s.url("/a/c/end#frag"));
    assert_eq!(hops[0]["name"], "Found");
    assert!(
        hops[0]["reason"].is_null(),
        "the phrase is the registered one"
    );
    assert_eq!(result["final_status"], 200);
    assert!(codes(&result).contains(&"long-chain".to_string()));
    // The fragment never goes on the wire.
    assert!(s.seen.lock().unwrap().iter().all(|h| !h.contains('#')));
}

#[test]
fn a_loop_is_an_error_finding() {
    let s = Server::start(4, |r| {
        let to = if r.path == "/x" { "/y" } else { "/x" };
        response("302 Found", &[&format!("Location: {to}")], "")
    });
    let (code, result) = json(&[&s.url("/x")]);
    assert_eq!(code, 10);
    assert!(codes(&result).contains(&"redirect-loop".to_string()));
    assert_eq!(statuses(&result), vec![302, 302]);
}

#[test]
fn too_many_redirects_stop_at_the_limit() {
    let s = Server::start(10, |r| {
        let n: u32 = r.path.trim_start_matches('/').parse().unwrap_or(0);
        response(
            "301 Moved Permanently",
            &[&format!("Location: /{}", n + 1)],
            "",
        )
    });
    let (code, result) = json(&["--max-redirects", "3", &s.url("/0")]);
    assert_eq!(code, 10);
    assert_eq!(statuses(&result).len(), 4);
    assert!(codes(&result).contains(&"too-many-redirects".to_string()));
}

#[test]
fn missing_headers_the_status_calls_for_are_findings() {
    let s = Server::start(4, |r| match r.path.as_str() {
        "/401" => response("401 Unauthorized", &[], ""),
        "/429" => response("429 Too Many Requests", &[], ""),
        "/204" => bare("204 No Content", &["Content-Length: 5"]),
        _ => bare("301 Moved Permanently", &["Content-Length: 0"]),
    });
    let (code, result) = json(&[&s.url("/401")]);
    assert_eq!(code, 11);
    assert!(codes(&result).contains(&"missing-header".to_string()));
    let (code, result) = json(&[&s.url("/429")]);
    assert_eq!(code, 11);
    assert!(codes(&result).contains(&"missing-retry-after".to_string()));
    let (code, result) = json(&[&s.url("/204")]);
    assert_eq!(code, 10);
    assert!(codes(&result).contains(&"framing".to_string()));
    let (code, result) = json(&[&s.url("/301")]);
    assert_eq!(code, 10);
    assert!(codes(&result).contains(&"missing-location".to_string()));
}

#[test]
fn a_short_retry_after_is_waited_for_once() {
    let calls = AtomicUsize::new(0);
    let s = Server::start(2, move |_| {
        if calls.fetch_add(1, Ordering::SeqCst) == 0 {
            response("503 Service Unavailable", &["Retry-After: 1"], "")
        } else {
            response("200 OK", &[], "fine")
        }
    });
    let (code, result) = json(&[&s.url("/")]);
    assert_eq!(code, 0, "{result}");
    assert_eq!(result["final_status"], 200);
    assert!(codes(&result).contains(&"retried".to_string()));
}

#[test]
fn head_falls_back_to_get_when_refused() {
    let s = Server::start(2, |r| match r.method.as_str() {
        "HEAD" => bare("405 Method Not Allowed", &["Allow: GET"]),
        _ => response("200 OK", &[], "ok"),
    });
    let (code, result) = json(&["--method", "head", &s.url("/")]);
    assert_eq!(code, 0);
    assert_eq!(result["hops"][0]["method"], "GET");
}

#[test]
fn credentials_stay_with_the_first_origin() {
    let other = Server::start(1, |_| response("200 OK", &[], ""));
    let target = other.url("/landing");
    let first = Server::start(1, move |_| {
        response("302 Found", &[&format!("Location: {target}")], "")
    });
    let (code, result) = json(&[
        "-H",
        "Authorization: Bearer secret",
        "-H",
        "X-Trace: 1",
        &first.url("/"),
    ]);
    assert_eq!(code, 0, "{result}");
    assert!(codes(&result).contains(&"cross-origin".to_string()));
    let first_seen = first.seen.lock().unwrap().join("");
    let other_seen = other.seen.lock().unwrap().join("");
    assert!(
        first_seen
            .to_lowercase()
            .contains("authorization: bearer secret")
    );
    assert!(!other_seen.to_lowercase().contains("authorization"));
    assert!(other_seen.to_lowercase().contains("x-trace: 1"));
}

#[test]
fn cookies_set_on_the_way_go_back_to_their_origin_only() {
    let other = Server::start(1, |_| response("200 OK", &[], ""));
    let away = other.url("/");
    let s = Server::start(3, move |r| match r.path.as_str() {
        "/start" => response(
            "302 Found",
            &["Set-Cookie: seen=1; Path=/", "Location: /next"],
            "",
        ),
        // Without the cookie, a consent-style page sends the client back.
        "/next" if r.head.contains("seen=1") => {
            response("302 Found", &[&format!("Location: {away}")], "")
        }
        _ => response("302 Found", &["Location: /start"], ""),
    });
    let (code, result) = json(&[&s.url("/start")]);
    assert_eq!(code, 0, "{result}");
    assert_eq!(statuses(&result), vec![302, 302, 200]);
    let other_seen = other.seen.lock().unwrap().join("");
    assert!(!other_seen.contains("seen=1"), "{other_seen}");
}

#[test]
fn the_vendor_picks_its_own_entry() {
    let s = Server::start(1, |_| {
        response("522 ", &["cf-ray: 8a-AMS", "Server: cloudflare"], "")
    });
    let (code, result) = json(&[&s.url("/")]);
    assert_eq!(code, 12);
    assert_eq!(result["hops"][0]["entry"], "522-cloudflare");
    assert_eq!(result["hops"][0]["vendor"], "cloudflare");
    // The phrase received (empty here) is shown where it differs.
    assert_eq!(result["hops"][0]["reason"], "");
}

#[test]
fn a_soft_404_and_noindex_are_reported_on_the_final_page() {
    let s = Server::start(1, |_| {
        let page = "<html><head><title>Page Not Found</title></head></html>";
        response(
            "200 OK",
            &["Content-Type: text/html", "X-Robots-Tag: noindex"],
            page,
        )
    });
    let (code, result) = json(&[&s.url("/")]);
    assert_eq!(code, 0);
    let found = codes(&result);
    assert!(found.contains(&"soft-404".to_string()), "{found:?}");
    assert!(found.contains(&"noindex".to_string()), "{found:?}");
}

#[test]
fn network_failures_have_their_exit_codes() {
    let garbage = Server::start(1, |_| b"\x00\x01SSH-2.0-nope\r\n\r\n".to_vec());
    let o = httpdex(&[&garbage.url("/")]);
    assert_eq!(
        o.status.code(),
        Some(13),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let refused = format!("http://127.0.0.1:{}/", closed_port());
    assert_eq!(httpdex(&[&refused]).status.code(), Some(13));
    let o = httpdex(&["--timeout", "2", "http://no-such-host.invalid/"]);
    assert_eq!(o.status.code(), Some(13));
    // Accepted by the kernel's backlog, never answered.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", silent.local_addr().unwrap());
    let o = httpdex(&["--timeout", "1", &url]);
    assert_eq!(
        o.status.code(),
        Some(14),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // The worst code wins: a timeout outranks a refusal.
    assert_eq!(
        httpdex(&["--timeout", "1", &refused, &url]).status.code(),
        Some(14)
    );
}

#[test]
fn https_to_a_plain_http_port_says_so() {
    // `host:port` without a scheme is tried as https; a plain-HTTP server
    // (the playground) answers the TLS hello with a 400, not TLS.
    let host = format!("{}/200", crate::serve::shared());
    let o = httpdex(&[&host]);
    assert_eq!(o.status.code(), Some(13));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("the server did not answer in TLS (a plain http port? try http://)"),
        "{out}"
    );
}

#[test]
fn a_thousand_line_file_reports_junk_and_checks_the_rest_in_order() {
    let s = Server::start(1000, |r| response("200 OK", &[], &r.path));
    let mut text = String::new();
    let mut junk_lines = Vec::new();
    let mut urls = 0;
    for i in 1..=1000 {
        match i % 10 {
            0 => text += "\n",
            5 => text += "# a comment\n",
            7 => {
                text += "not a url at all\n";
                junk_lines.push(i);
            }
            _ => {
                text += &format!("{}\n", s.url(&format!("/{i}")));
                urls += 1;
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("urls.txt");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let o = httpdex(&["--csv", "-j", "16", "--per-host", "8", "--input", path]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let err = String::from_utf8_lossy(&o.stderr);
    for line in &junk_lines {
        assert!(
            err.contains(&format!("line {line}: not a url at all")),
            "{line}"
        );
    }
    let out = String::from_utf8_lossy(&o.stdout);
    let rows: Vec<&str> = out.lines().collect();
    assert!(rows[0].starts_with("url,final_url,final_status"));
    assert_eq!(rows.len(), urls + 1);
    // Input order: row k is the k-th URL of the file.
    assert!(rows[1].starts_with(&s.url("/1,")), "{}", rows[1]);
    assert!(rows[2].starts_with(&s.url("/2,")), "{}", rows[2]);
    assert!(rows.iter().skip(1).all(|r| r.contains(",200,")));
}

#[test]
fn text_report_draws_the_chain_and_escapes_server_text() {
    let s = Server::start(2, |r| match r.path.as_str() {
        "/" => response("301 Moved Permanently", &["Location: /end"], ""),
        _ => response("200 OK", &["Server: evil\u{202e}txt"], ""),
    });
    let o = httpdex(&[&s.url("/")]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("301 Moved Permanently"), "{out}");
    assert!(out.contains('↓'));
    assert!(out.contains("200 OK"));
    assert!(
        !out.contains('\u{202e}'),
        "a bidi override reached the terminal: {out:?}"
    );
    assert!(out.contains("evil\\u{202e}txt"), "{out}");
    assert!(out.contains("1 URL: 1 2xx"), "{out}");
    // A phrase other than the registered one is shown as sent.
    let s = Server::start(1, |_| response("200 Fine By Me", &[], ""));
    let out = String::from_utf8_lossy(&httpdex(&[&s.url("/")]).stdout).into_owned();
    assert!(out.contains("200 OK (sent as \"Fine By Me\")"), "{out}");
}

#[test]
fn input_with_no_url_is_a_usage_error() {
    let o = httpdex(&["mailto:someone@example.com"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("argument 1"));
}

#[test]
fn urls_come_from_standard_input_too() {
    use std::io::Write;
    let s = Server::start(2, |_| response("200 OK", &[], ""));
    let text = format!("{}\n\n# comment\njunk here\n{}\n", s.url("/1"), s.url("/2"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_httpdex"))
        .args(["check", "--csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 4: junk here"));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 3);
}

#[test]
fn input_that_never_ends_is_refused_and_a_bad_line_is_skipped_alone() {
    // /dev/zero once read until memory ran out.
    let o = httpdex(&["--input", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/dev/zero: larger than 64 MB"), "{err}");

    // A line that is not UTF-8 once refused the whole file.
    let s = Server::start(1, |_| response("200 OK", &[], ""));
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("urls.txt");
    let mut text = b"bad\xff.test\n".to_vec();
    text.extend_from_slice(s.url("/1").as_bytes());
    std::fs::write(&list, text).unwrap();
    let o = httpdex(&["--csv", "--input", list.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("line 1: bad\u{fffd}.test: not UTF-8; skipped"),
        "{err}"
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
}

/// The checker against the playground: a redirect chain of three, a
/// same-host redirect-to, and codes whose rules the checker judges.
#[test]
fn the_checker_reads_the_playground() {
    let addr = crate::serve::shared();
    let base = format!("http://{addr}");
    let (code, result) = json(&[&format!("{base}/redirect/3")]);
    assert_eq!(statuses(&result), [302, 302, 302, 200], "{result}");
    assert_eq!(code, 0, "a 2xx end and no error finding");
    assert!(
        codes(&result).contains(&"long-chain".to_string()),
        "{result}"
    );
    let (_, result) = json(&[&format!("{base}/redirect-to?url=/404&status=308")]);
    assert_eq!(statuses(&result), [308, 404], "{result}");
    // The playground sends what each code requires: no missing-header
    // findings for its 401, 405, 429 or 503.
    for id in ["401", "405", "429", "503"] {
        let (_, result) = json(&["--no-follow", &format!("{base}/{id}")]);
        let found = codes(&result);
        assert!(
            !found.iter().any(|c| c.starts_with("missing")),
            "{id}: {found:?}"
        );
    }
    // A vendor code from the playground is read as that vendor's.
    let (code, result) = json(&["--no-follow", &format!("{base}/522-cloudflare")]);
    assert_eq!(code, 12);
    assert_eq!(result["hops"][0]["entry"], "522-cloudflare", "{result}");
}

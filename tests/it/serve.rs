//! The playground on the wire: every entry read by clients we did not
//! write (Python's http.client, curl) and checked against the HTTP rules,
//! interim responses and silent closes read byte by byte. `controls` and
//! `robustness` hold the rest.

mod controls;
mod robustness;

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use httpdex_core::http::{Arrival, Rules, check_response_to};
use httpdex_serve::{Config, Running, Server};

/// A playground on a free loopback port, with `config` otherwise.
pub fn start(config: Config) -> Running {
    let config = Config {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        ..config
    };
    Server::bind(config, crate::catalog(), None)
        .expect("bind 127.0.0.1:0")
        .spawn()
        .expect("start the playground")
}

/// One playground with the default configuration, shared by the tests.
pub fn shared() -> SocketAddr {
    static SERVER: OnceLock<Running> = OnceLock::new();
    SERVER.get_or_init(|| start(Config::default())).addr()
}

/// Sends `request` as is, closes our side, and reads until the server
/// closes: every byte it sent.
pub fn raw(addr: SocketAddr, request: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    // The server may answer and close before it has read everything (a
    // 431); what it sent is still there to read.
    let _ = stream.write_all(request);
    let _ = stream.shutdown(Shutdown::Write);
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    out
}

/// `GET path` with `Connection: close`, as text.
pub fn get(addr: SocketAddr, path: &str) -> String {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    String::from_utf8_lossy(&raw(addr, request.as_bytes())).into_owned()
}

/// The status code of the first status line in `text`.
pub fn status(text: &str) -> u16 {
    text.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// A Python program's stdout, or `None` when there is no python3.
pub fn python(program: &str, input: &str) -> Option<String> {
    let mut child = Command::new("python3")
        .args(["-c", program])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    let output = child.wait_with_output().ok()?;
    assert!(output.status.success(), "python failed");
    Some(String::from_utf8(output.stdout).expect("utf-8"))
}

/// GET and HEAD for each id on stdin, over one kept-alive connection
/// (a framing error would break the next exchange), printed as JSON.
const EVERY_ENTRY: &str = r#"
import http.client, json, sys
host, port = sys.argv[1], int(sys.argv[2])
conn = http.client.HTTPConnection(host, port, timeout=20)
for id in json.load(sys.stdin):
    for method in ("GET", "HEAD"):
        conn.request(method, "/" + id)
        r = conn.getresponse()
        body = r.read()
        print(json.dumps({"id": id, "method": method, "status": r.status,
            "reason": r.reason, "headers": r.getheaders(),
            "body": body.decode("latin-1")}))
"#;

#[test]
fn every_entry_obeys_the_rules_as_python_reads_it() {
    let addr = shared();
    let catalog = crate::catalog();
    let ids: Vec<&str> = catalog
        .entries()
        .iter()
        .filter(|e| Rules::of(e).arrival.sends_response())
        .filter(|e| Rules::of(e).arrival != Arrival::Interim)
        .map(|e| e.id.as_ref())
        .collect();
    let program = EVERY_ENTRY.replace(
        "sys.argv[1], int(sys.argv[2])",
        &format!("'127.0.0.1', {}", addr.port()),
    );
    let Some(out) = python(&program, &serde_json::to_string(&ids).unwrap()) else {
        eprintln!("no python3: skipped");
        return;
    };
    let mut seen = 0;
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap();
        let method = v["method"].as_str().unwrap();
        let mut text = format!(
            "HTTP/1.1 {} {}\r\n",
            v["status"],
            v["reason"].as_str().unwrap()
        );
        for pair in v["headers"].as_array().unwrap() {
            text += &format!(
                "{}: {}\r\n",
                pair[0].as_str().unwrap(),
                pair[1].as_str().unwrap()
            );
        }
        text += "\r\n";
        text += v["body"].as_str().unwrap();
        let entry = catalog.get(id).unwrap();
        let violations = check_response_to(entry, method, &text);
        assert!(
            violations.is_empty(),
            "{method} /{id}: {violations:?}\n{text}"
        );
        if method == "HEAD" {
            assert!(v["body"].as_str().unwrap().is_empty(), "HEAD /{id}");
        }
        seen += 1;
    }
    assert_eq!(seen, ids.len() * 2);
}

#[test]
fn interim_codes_arrive_as_interim_responses_before_a_final_one() {
    let addr = shared();
    for (path, start) in [
        ("/100", "HTTP/1.1 100 Continue\r\n\r\n"),
        ("/102", "HTTP/1.1 102 Processing\r\n\r\n"),
        (
            "/103",
            "HTTP/1.1 103 Early Hints\r\nLink: </assets/app.css>; rel=preload; as=style\r\n",
        ),
        ("/104", "HTTP/1.1 104 Upload Resumption Supported\r\n"),
    ] {
        let text = get(addr, path);
        assert!(text.starts_with(start), "{path}: {text}");
        let interim = &text[..text.find("\r\n\r\n").unwrap()];
        assert!(
            !interim.contains("Content-Length") && !interim.contains("Date:"),
            "{path}"
        );
        assert!(
            text.contains("\r\n\r\nHTTP/1.1 200 OK\r\n"),
            "{path}: {text}"
        );
    }
    // 101 would switch protocols: a final 200 says so.
    let text = get(addr, "/101");
    assert!(
        text.starts_with("HTTP/1.1 200 OK\r\n") && text.contains("cannot switch"),
        "{text}"
    );
    // RFC 9110 section 15.2: no 1xx to an HTTP/1.0 client.
    let old = raw(addr, b"GET /103 HTTP/1.0\r\n\r\n");
    assert!(old.starts_with(b"HTTP/1.1 200 OK\r\n"));
}

#[test]
fn curl_shows_the_interim_response_and_the_empty_reply() {
    let addr = shared();
    let curl = |path: &str| {
        Command::new("curl")
            .args(["-si", "--max-time", "20", &format!("http://{addr}{path}")])
            .output()
            .ok()
    };
    let Some(early) = curl("/103") else {
        eprintln!("no curl: skipped");
        return;
    };
    let text = String::from_utf8_lossy(&early.stdout);
    assert!(text.starts_with("HTTP/1.1 103 Early Hints"), "{text}");
    assert!(text.contains("HTTP/1.1 200 OK"), "{text}");
    // curl's exit code 52: "Empty reply from server".
    let closed = curl("/444-nginx").unwrap();
    assert_eq!(closed.status.code(), Some(52));
    assert!(closed.stdout.is_empty());
}

#[test]
fn silent_closes_send_not_one_byte() {
    let addr = shared();
    for path in ["/444-nginx", "/460-aws-elb"] {
        assert_eq!(get(addr, path), "", "{path}");
    }
    // nginx's 499 cannot reach a client: a 200 explains.
    let text = get(addr, "/499-nginx");
    assert_eq!(status(&text), 200);
    assert!(text.contains("no client ever receives it"), "{text}");
}

#[test]
fn vendors_answer_as_the_vendor_does() {
    let addr = shared();
    let nginx = get(addr, "/494-nginx");
    assert!(nginx.starts_with("HTTP/1.1 400 Bad Request\r\n"));
    assert!(nginx.contains("Server: nginx\r\n") && nginx.contains("<hr><center>nginx</center>"));
    let cloudflare = get(addr, "/522-cloudflare");
    assert!(cloudflare.starts_with("HTTP/1.1 522 \r\n"), "{cloudflare}");
    assert!(cloudflare.contains("Server: cloudflare\r\n") && cloudflare.contains("CF-RAY: "));
    let iis = get(addr, "/401.2-iis");
    assert!(iis.starts_with("HTTP/1.1 401 Unauthorized\r\n"));
    assert!(iis.contains("WWW-Authenticate: ") && iis.contains("HTTP Error 401.2 - Unauthorized"));
}

#[test]
fn head_has_the_get_headers_and_no_body() {
    let addr = shared();
    let get =
        String::from_utf8(raw(addr, b"GET /503 HTTP/1.1\r\nConnection: close\r\n\r\n")).unwrap();
    let head = String::from_utf8(raw(
        addr,
        b"HEAD /503 HTTP/1.1\r\nConnection: close\r\n\r\n",
    ))
    .unwrap();
    let (get_head, body) = get.split_once("\r\n\r\n").unwrap();
    assert!(!body.is_empty());
    assert!(head.ends_with("\r\n\r\n"), "{head}");
    let length = format!("Content-Length: {}\r\n", body.len());
    assert!(
        head.contains(&length) && head.contains("Retry-After: "),
        "{head}"
    );
    assert_eq!(get_head.lines().count(), head.trim_end().lines().count());
}

#[test]
fn no_content_statuses_end_with_their_header_section() {
    let addr = shared();
    for path in ["/204", "/304"] {
        let text = get(addr, path);
        assert!(text.ends_with("\r\n\r\n"), "{path}: {text}");
        assert!(
            !text.contains("Content-Length") && !text.contains("Transfer-Encoding"),
            "{path}"
        );
    }
    // A 205 is not self-delimiting in HTTP/1.1: it says its length, 0.
    assert!(get(addr, "/205").ends_with("Content-Length: 0\r\nConnection: close\r\n\r\n"));
}

/// `httpdex serve` on a free port, with a request in flight that sleeps
/// `sleep_ms`; the connection is returned to read its answer.
fn serving_a_slow_request(sleep_ms: u32) -> (std::process::Child, TcpStream) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_httpdex"))
        .args(["serve", "--port", "0", "--quiet"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("run httpdex serve");
    let mut stdout = child.stdout.take().unwrap();
    let mut first = Vec::new();
    let mut byte = [0u8];
    while stdout.read(&mut byte).unwrap_or(0) == 1 && byte[0] != b'\n' {
        first.push(byte[0]);
    }
    let first = String::from_utf8(first).unwrap();
    let port: u16 = first
        .rsplit("port ")
        .next()
        .unwrap()
        .trim_end_matches(')')
        .parse()
        .unwrap();
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut stream = TcpStream::connect(addr).unwrap();
    let request = format!("GET /200?sleep={sleep_ms} HTTP/1.1\r\nHost: x\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    // The request is in flight (it sleeps) when a signal arrives.
    std::thread::sleep(Duration::from_millis(400));
    (child, stream)
}

fn interrupt(child: &std::process::Child) {
    // SAFETY: sends SIGINT to the child this test spawned.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
}

#[test]
fn the_binary_prints_its_port_and_drains_on_ctrl_c() {
    let (mut child, mut stream) = serving_a_slow_request(1500);
    interrupt(&child);
    let mut text = String::new();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let _ = stream.read_to_string(&mut text);
    assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
    assert!(text.contains("Connection: close\r\n"), "{text}");
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn a_second_ctrl_c_stops_the_draining() {
    // The request would sleep a minute; a second Ctrl-C ends the wait for
    // it. (Sent a moment after the first, as a person would: two signals
    // sent at once may arrive as one.)
    let (mut child, mut stream) = serving_a_slow_request(60_000);
    interrupt(&child);
    std::thread::sleep(Duration::from_millis(300));
    interrupt(&child);
    let started = std::time::Instant::now();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(started.elapsed() < Duration::from_secs(30), "it drained");
    let mut text = String::new();
    let _ = stream.read_to_string(&mut text);
    assert!(
        text.is_empty(),
        "the sleeping request was not answered: {text}"
    );
}

//! Servers we did not write: nginx with a config made by the test, and
//! `openssl s_server` with a self-signed certificate made by the test.
//! Each skips with a notice when its program is missing.

use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::server::closed_port;
use super::{codes, httpdex, json};

/// A child process ended when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn program(name: &str) -> Option<String> {
    [
        "/usr/sbin/",
        "/usr/bin/",
        "/usr/local/sbin/",
        "/usr/local/bin/",
    ]
    .iter()
    .map(|dir| format!("{dir}{name}"))
    .find(|path| Path::new(path).exists())
}

/// Waits (bounded) until something accepts on `port`.
fn wait_for(port: u16) -> bool {
    (0..100).any(|_| {
        let up = TcpStream::connect(("127.0.0.1", port)).is_ok();
        if !up {
            std::thread::sleep(Duration::from_millis(50));
        }
        up
    })
}

fn nginx_config(dir: &Path, port: u16) -> String {
    let d = dir.display();
    format!(
        "daemon off; master_process off; worker_processes 1;
pid {d}/nginx.pid; error_log {d}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {d}/body; proxy_temp_path {d}/proxy;
  fastcgi_temp_path {d}/fastcgi; uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
  server {{
    listen 127.0.0.1:{port};
    absolute_redirect off;
    location = /secure {{ return 302 https://127.0.0.1:{port}/secure; }}
    location = /docs {{ return 302 /docs/; }}
    location = /docs/ {{ return 200 \"docs\\n\"; }}
    location = /loop {{ return 302 /loop-back; }}
    location = /loop-back {{ return 302 /loop; }}
    location = /a/b/rel {{ return 301 ../target; }}
    location = /a/target {{ return 200 \"target\\n\"; }}
  }}
}}
"
    )
}

#[test]
fn nginx_redirects_are_judged() {
    let Some(nginx) = program("nginx") else {
        eprintln!("notice: nginx not installed; skipping the nginx check test");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let port = closed_port();
    let config = dir.path().join("nginx.conf");
    std::fs::write(&config, nginx_config(dir.path(), port)).unwrap();
    let child = Command::new(nginx)
        .args([
            "-p",
            dir.path().to_str().unwrap(),
            "-c",
            config.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nginx");
    let _nginx = Running(child);
    assert!(wait_for(port), "nginx did not start");
    let url = |path: &str| format!("http://127.0.0.1:{port}{path}");

    let (code, result) = json(&["--no-follow", &url("/secure")]);
    assert_eq!(code, 0, "{result}");
    assert_eq!(result["hops"][0]["vendor"], "nginx");
    assert!(codes(&result).contains(&"temporary-redirect".to_string()));

    let (code, result) = json(&[&url("/docs")]);
    assert_eq!(code, 0, "{result}");
    assert!(codes(&result).contains(&"temporary-redirect".to_string()));

    let (code, result) = json(&[&url("/loop")]);
    assert_eq!(code, 10);
    assert!(codes(&result).contains(&"redirect-loop".to_string()));

    let (code, result) = json(&[&url("/a/b/rel")]);
    assert_eq!(code, 0, "{result}");
    assert_eq!(result["hops"][0]["location"], "../target");
    assert_eq!(result["hops"][0]["resolved"], url("/a/target"));
    assert_eq!(result["final_status"], 200);
}

#[test]
fn a_self_signed_certificate_is_reported_and_insecure_goes_on() {
    let Some(openssl) = program("openssl") else {
        eprintln!("notice: openssl not installed; skipping the TLS check test");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    let made = Command::new(&openssl)
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-days", "2", "-subj", "/CN=localhost"])
        .args(["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("notice: openssl could not make a certificate; skipping");
        return;
    }
    let port = closed_port();
    let child = Command::new(&openssl)
        .args(["s_server", "-quiet", "-www", "-accept"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("-cert")
        .arg(&cert)
        .arg("-key")
        .arg(&key)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start openssl s_server");
    let _server = Running(child);
    assert!(wait_for(port), "s_server did not start");
    let url = format!("https://127.0.0.1:{port}/");

    let o = httpdex(&[&url]);
    assert_eq!(o.status.code(), Some(13));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("certificate"), "{out}");

    let (code, result) = json(&["--insecure", &url]);
    assert_eq!(code, 0, "{result}");
    assert_eq!(result["final_status"], 200);
    let findings = result["findings"].as_array().unwrap();
    let certificate = findings.iter().find(|f| f["code"] == "certificate");
    assert_eq!(certificate.unwrap()["level"], "warning", "{result}");
    // Made to last two days: close to its end.
    let expiry = findings.iter().find(|f| f["code"] == "certificate-expiry");
    let message = expiry.expect("days left reported")["message"]
        .as_str()
        .unwrap();
    assert!(message.contains("expires in"), "{message}");
}

//! A scripted HTTP server for the checker's tests: loopback only, port 0,
//! one thread, a bounded number of connections, each answered with the
//! bytes the script gives for the request and then closed.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the script sees of a request.
pub struct Request {
    pub method: String,
    pub path: String,
    pub head: String,
}

pub struct Server {
    pub addr: SocketAddr,
    /// Every request head received, in order.
    pub seen: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves up to `max` connections with `script`, which returns the raw
    /// response bytes.
    pub fn start(max: usize, script: impl Fn(&Request) -> Vec<u8> + Send + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(max) {
                let Ok(mut stream) = stream else { continue };
                if let Some(request) = read_request(&mut stream) {
                    log.lock().unwrap().push(request.head.clone());
                    let _ = stream.write_all(&script(&request));
                }
            }
        });
        Server { addr, seen }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut first = head.split_whitespace();
    let method = first.next()?.to_string();
    let path = first.next()?.to_string();
    Some(Request { method, path, head })
}

/// A whole response: status line, headers, an empty line, the body.
pub fn response(status_line: &str, headers: &[&str], body: &str) -> Vec<u8> {
    let mut text = format!("HTTP/1.1 {status_line}\r\nConnection: close\r\n");
    for header in headers {
        text += &format!("{header}\r\n");
    }
    text += &format!("Content-Length: {}\r\n\r\n{body}", body.len());
    text.into_bytes()
}

/// A response with no Content-Length (for 1xx, 204, 304 scripts).
pub fn bare(status_line: &str, headers: &[&str]) -> Vec<u8> {
    let mut text = format!("HTTP/1.1 {status_line}\r\nConnection: close\r\n");
    for header in headers {
        text += &format!("{header}\r\n");
    }
    text += "\r\n";
    text.into_bytes()
}

/// A port nothing listens on: bound, then released.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

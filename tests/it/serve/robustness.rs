//! Bad and demanding clients: each gets a clear answer or a close, and
//! the server goes on serving the next request.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use httpdex_serve::{Config, Limits};

use super::{get, raw, shared, start, status};

fn still_serves(addr: SocketAddr) {
    assert_eq!(status(&get(addr, "/204")), 204);
}

/// The status of the answer to `request`, 0 for a close without one.
fn answer(addr: SocketAddr, request: &[u8]) -> u16 {
    status(&String::from_utf8_lossy(&raw(addr, request)))
}

#[test]
fn malformed_requests_get_a_400_or_a_close() {
    let addr = shared();
    for request in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET / HTTP/9.9\r\n\r\n",
        b"\x00\x01\x02\r\n\r\n",
        b"GET /\x1b[2J HTTP/1.1\r\n\r\n",
        b"GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: nine\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
    ] {
        let status = answer(addr, request);
        assert!(status == 400 || status == 0, "{request:?}: {status}");
        still_serves(addr);
    }
    assert_eq!(
        answer(addr, b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"),
        501
    );
}

#[test]
fn oversized_heads_and_bodies_are_refused_by_name() {
    let addr = shared();
    let mut huge = b"GET /200 HTTP/1.1\r\nX-Big: ".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 1 << 20));
    huge.extend_from_slice(b"\r\n\r\n");
    assert_eq!(answer(addr, &huge), 431);
    still_serves(addr);
    let mut many = b"GET /200 HTTP/1.1\r\n".to_vec();
    for i in 0..100 {
        many.extend_from_slice(format!("X-{i}: 1\r\n").as_bytes());
    }
    many.extend_from_slice(b"\r\n");
    assert_eq!(answer(addr, &many), 431);
    let big_body = b"POST /200 HTTP/1.1\r\nContent-Length: 99999999\r\n\r\nabc";
    assert_eq!(answer(addr, big_body), 413);
    still_serves(addr);
}

#[test]
fn a_request_that_never_finishes_gets_a_408() {
    let server = start(Config {
        limits: Limits {
            read_timeout: Duration::from_millis(300),
            ..Limits::default()
        },
        ..Config::default()
    });
    let mut stream = TcpStream::connect(server.addr()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    // Never the empty line that ends the head; the stream stays open.
    stream
        .write_all(b"GET /200 HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let mut text = String::new();
    let _ = stream.read_to_string(&mut text);
    assert_eq!(status(&text), 408, "{text}");
    still_serves(server.addr());
}

#[test]
fn keep_alive_pipelining_chunked_and_expect_continue() {
    let addr = shared();
    let two = raw(addr, b"GET /201 HTTP/1.1\r\n\r\nHEAD /404 HTTP/1.1\r\n\r\nGET /204 HTTP/1.1\r\nConnection: close\r\n\r\n");
    let text = String::from_utf8(two).unwrap();
    let statuses: Vec<&str> = text.matches("HTTP/1.1 ").collect();
    assert_eq!(statuses.len(), 3, "{text}");
    let order: Vec<u16> = text
        .match_indices("HTTP/1.1 ")
        .map(|(i, _)| status(&text[i..]))
        .collect();
    assert_eq!(order, [201, 404, 204]);
    let chunked = raw(addr, b"POST /200 HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
    assert!(
        String::from_utf8(chunked)
            .unwrap()
            .ends_with("\r\n\r\nabcde")
    );
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(b"PUT /200 HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n").unwrap();
    let mut first = [0u8; 25];
    stream.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"HTTP/1.1 100 Continue\r\n\r\n");
    stream.write_all(b"hi").unwrap();
    let mut rest = String::new();
    let _ = stream.read_to_string(&mut rest);
    assert!(
        rest.starts_with("HTTP/1.1 200 OK\r\n") && rest.ends_with("\r\n\r\nhi"),
        "{rest}"
    );
}

/// 500 connections open at once (bounded: 500, then closed), each asks
/// once; each gets its answer.
#[test]
fn five_hundred_concurrent_connections() {
    let addr = shared();
    let mut streams: Vec<TcpStream> = (0..500)
        .map(|_| TcpStream::connect(addr).expect("connect"))
        .collect();
    for (i, stream) in streams.iter_mut().enumerate() {
        let path = if i % 2 == 0 { "/200" } else { "/503" };
        let request = format!("GET {path} HTTP/1.1\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).unwrap();
    }
    for (i, mut stream) in streams.into_iter().enumerate() {
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut text = String::new();
        let _ = stream.read_to_string(&mut text);
        assert_eq!(
            status(&text),
            if i % 2 == 0 { 200 } else { 503 },
            "connection {i}"
        );
    }
    still_serves(addr);
}

#[test]
fn past_the_connection_limit_a_503_says_why() {
    let server = start(Config {
        limits: Limits {
            max_connections: 2,
            ..Limits::default()
        },
        ..Config::default()
    });
    let held: Vec<TcpStream> = (0..2)
        .map(|_| TcpStream::connect(server.addr()).unwrap())
        .collect();
    // The two are accepted before the third: each sends its request and
    // gets its answer, keeping the connection open.
    for mut stream in &held {
        stream.write_all(b"GET /200 HTTP/1.1\r\n\r\n").unwrap();
        let mut buf = [0u8; 12];
        stream.read_exact(&mut buf).unwrap();
    }
    let text = get(server.addr(), "/200");
    assert_eq!(status(&text), 503, "{text}");
    assert!(text.contains("too many open connections"));
    drop(held);
}

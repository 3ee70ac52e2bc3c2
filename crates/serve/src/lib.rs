//! The API playground behind `httpdex serve`: a local HTTP/1.1 server that
//! answers every catalog entry exactly as the HTTP rules
//! (`httpdex_core::http`) and the vendors say, byte for byte: real 1xx
//! interim responses, no framing where none is allowed, nginx's silent
//! close, Cloudflare's pages, IIS's substatus pages. Clients test their
//! retry, redirect and error handling against it, on their own machine.
//!
//! Requests are parsed with `httparse` on tokio, and written by hand,
//! because the playground's job is the control of every byte that hyper
//! and axum refuse by design. Every bad client gets a clear answer or a
//! close within its limits, and never stops the server.
//!
//! No UI: each finished exchange is reported as a typed [`Record`] to the
//! caller's log function, which decides how it looks.

mod body;
mod conn;
mod controls;
mod date;
mod page;
mod request;
mod respond;
mod route;
mod server;
mod wire;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

pub use server::{Running, Server};

/// How the server runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub addr: SocketAddr,
    /// The longest `?sleep=` or `?dribble=` a request may ask for, so the
    /// playground cannot be used to hold connections open for long.
    pub max_delay: Duration,
    /// Whether `/redirect-to?url=` may point at another host; off, the
    /// playground cannot be used as an open redirector.
    pub allow_external_redirects: bool,
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 8080)),
            max_delay: Duration::from_secs(60),
            allow_external_redirects: false,
            limits: Limits::default(),
        }
    }
}

/// What one client may cost the server. Past a size limit the client gets
/// the status that names it (431, 413) and the connection closes; past a
/// time limit it gets a 408 (or a silent close when it sent nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Request line and header fields together, in bytes.
    pub max_head: usize,
    pub max_headers: usize,
    pub max_body: usize,
    /// From the first byte of a request to its last: a slowloris client
    /// trickling one byte at a time is cut off here.
    pub read_timeout: Duration,
    /// How long a kept-alive connection may wait for its next request.
    pub idle_timeout: Duration,
    /// How long one write may wait for a client that does not read.
    pub write_timeout: Duration,
    /// Open connections; past it, new ones get a 503 and a close.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_head: 16 * 1024,
            max_headers: 64,
            max_body: 1024 * 1024,
            read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
            write_timeout: Duration::from_secs(30),
            max_connections: 10_000,
        }
    }
}

/// One exchange, as the request log shows it. Text from the client
/// (`method`, `target`) is as received: escape it before printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub time: SystemTime,
    pub peer: SocketAddr,
    pub method: String,
    pub target: String,
    /// The final status sent; `None` when the connection closed without
    /// one (nginx's 444, `?abort=before-headers`, a client that left).
    pub status: Option<u16>,
    /// What was answered: the entry's name (`Not Found`, `Connection
    /// Closed Without Response`) or the reason for a refusal.
    pub name: String,
    /// From the request's last byte read to the response's last written.
    pub latency: Duration,
    pub outcome: Outcome,
}

/// How an exchange ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The whole response went out.
    Sent,
    /// Closed on purpose without a byte (444, 460, `abort=before-headers`).
    Closed,
    /// Cut on purpose after the header section or inside the body.
    Aborted,
    /// The client went away or stopped reading before the end.
    ClientGone,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Sent => "sent",
            Outcome::Closed => "closed",
            Outcome::Aborted => "aborted",
            Outcome::ClientGone => "client-gone",
        }
    }
}

/// Where records go; called on the server's threads, so keep it quick
/// (hand the record to a channel rather than write a terminal here).
pub type Log = Arc<dyn Fn(Record) + Send + Sync>;

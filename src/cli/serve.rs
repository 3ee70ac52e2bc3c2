//! `httpdex serve`: starts the playground (`httpdex_serve`), prints where
//! it listens, and the request log, one line per exchange, until Ctrl-C.

use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, UNIX_EPOCH};

use clap::{Args, ValueEnum};
use ratatui::text::{Line, Span};

use super::{Output, exit};
use httpdex_catalog::{Catalog, Class};
use httpdex_core::safe;
use httpdex_serve::{Config, Record, Server};

#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct ServeArgs {
    /// Port to listen on; 0 picks a free one and prints it
    #[arg(long, short, value_name = "N", default_value_t = 8080)]
    pub port: u16,
    /// Address to bind; anything but loopback makes the playground
    /// reachable from the network
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// The longest ?sleep= or ?dribble= a request may ask for, in ms
    #[arg(long, value_name = "MS", default_value_t = 60_000)]
    pub max_delay: u64,
    /// Let /redirect-to and ?location= point at other hosts (off, the
    /// playground cannot be used as an open redirector)
    #[arg(long)]
    pub allow_external_redirects: bool,
    /// No request log
    #[arg(long, short)]
    pub quiet: bool,
    /// Request log format: text (coloured on a terminal) or json (one
    /// object a line)
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = LogFormat::Text)]
    pub log: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Records waiting for the terminal; past this many, new ones are dropped
/// rather than slowing the server down.
const BACKLOG: usize = 8192;

pub fn serve(catalog: &Catalog, args: &ServeArgs, o: &mut Output) -> io::Result<i32> {
    let config = Config {
        addr: SocketAddr::new(args.host, args.port),
        max_delay: Duration::from_millis(args.max_delay),
        allow_external_redirects: args.allow_external_redirects,
        ..Config::default()
    };
    let (records, received) = mpsc::sync_channel::<Record>(BACKLOG);
    let log: Option<httpdex_serve::Log> = (!args.quiet).then(|| {
        let log: httpdex_serve::Log = Arc::new(move |record| {
            let _ = records.try_send(record);
        });
        log
    });
    let server = match Server::bind(config, Arc::new(catalog.clone()), log) {
        Ok(server) => server,
        Err(e) => {
            writeln!(
                o.err,
                "httpdex: cannot listen on {}: {e}",
                SocketAddr::new(args.host, args.port)
            )?;
            return Ok(exit::IO);
        }
    };
    banner(server.local_addr(), args, o)?;
    o.out.flush()?;
    let running = std::thread::spawn(move || server.run());
    // The channel closes when the server, and with it the log, is gone.
    while let Ok(record) = received.recv() {
        print(&record, args.log, o)?;
        while let Ok(record) = received.try_recv() {
            print(&record, args.log, o)?;
        }
        o.out.flush()?;
    }
    match running.join() {
        Ok(Ok(())) => Ok(exit::OK),
        Ok(Err(e)) => {
            writeln!(o.err, "httpdex: serve: {e}")?;
            Ok(exit::IO)
        }
        Err(_) => Ok(exit::IO),
    }
}

fn banner(addr: SocketAddr, args: &ServeArgs, o: &mut Output) -> io::Result<()> {
    let base = format!("http://{addr}");
    if args.log == LogFormat::Json {
        let line = serde_json::json!({ "listening": base, "port": addr.port() });
        return writeln!(o.raw(), "{line}");
    }
    writeln!(
        o.out,
        "httpdex playground listening on {base}  (port {})",
        addr.port()
    )?;
    if !addr.ip().is_loopback() {
        writeln!(
            o.out,
            "warning: bound to {}, so it is reachable from the network",
            addr.ip()
        )?;
    }
    for path in [
        "/404",
        "/401",
        "/503?sleep=500",
        "/status/200:0.7,503:0.3",
        "/444-nginx",
    ] {
        writeln!(o.out, "  curl -i {base}{path}")?;
    }
    writeln!(o.out, "Ctrl-C stops it (requests in flight finish first).")
}

fn print(record: &Record, format: LogFormat, o: &mut Output) -> io::Result<()> {
    match format {
        LogFormat::Json => json_line(record, o),
        LogFormat::Text => {
            let theme = o.theme();
            let secs = record
                .time
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let time = format!(
                "{:02}:{:02}:{:02}",
                secs / 3600 % 24,
                secs / 60 % 60,
                secs % 60
            );
            let (status, style) = match record.status {
                Some(code) => (code.to_string(), theme.class(Class::of(code))),
                None => ("---".to_string(), theme.error()),
            };
            let mut spans = vec![
                Span::styled(time, theme.dim()),
                Span::raw(format!(" {} {} ", record.method, record.target)),
                Span::styled(status, style),
                Span::raw(format!(" {}", record.name)),
                Span::styled(
                    format!(" {:.1} ms", record.latency.as_secs_f64() * 1e3),
                    theme.dim(),
                ),
            ];
            if record.outcome != httpdex_serve::Outcome::Sent {
                spans.push(Span::styled(
                    format!(" ({})", record.outcome.as_str()),
                    theme.dim(),
                ));
            }
            // `lines` escapes the client's text; only its own colours pass.
            o.lines(&[Line::from(spans)])
        }
    }
}

/// One JSON object a line; like `Output::json`, characters that are valid
/// JSON but unsafe on a terminal are written as `\uXXXX`.
fn json_line(record: &Record, o: &mut Output) -> io::Result<()> {
    let time = record
        .time
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64());
    let value = serde_json::json!({
        "time": (time * 1000.0).round() / 1000.0,
        "peer": record.peer.to_string(),
        "method": record.method,
        "target": record.target,
        "status": record.status,
        "name": record.name,
        "latency_ms": (record.latency.as_secs_f64() * 1e6).round() / 1e3,
        "outcome": record.outcome.as_str(),
    });
    let mut line = String::new();
    for c in value.to_string().chars() {
        if safe::is_unsafe(c) {
            line += &format!("\\u{:04x}", c as u32);
        } else {
            line.push(c);
        }
    }
    writeln!(o.raw(), "{line}")
}

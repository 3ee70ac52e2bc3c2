//! One connection: read requests (keep-alive and pipelined) within the
//! limits, answer each, and close cleanly. A client that breaks a limit
//! gets the status that names it, or a silent close when it sent nothing.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::{sleep, timeout, timeout_at};

use crate::controls::{Abort, Controls};
use crate::request::{self, BodyLength, Refusal, Request};
use crate::respond::{self, Answer};
use crate::server::State;
use crate::wire::{self, Response, Sending};
use crate::{Outcome, Record};

/// What reading the next request came to.
enum Next {
    Request(Request),
    /// A request that breaks a rule or a limit; the head, when it was
    /// read, names it in the log.
    Refused(Refusal, Option<Request>),
    /// End of file, idle timeout or shutdown between requests.
    Gone,
}

struct Conn {
    stream: TcpStream,
    peer: SocketAddr,
    state: Arc<State>,
    buf: Vec<u8>,
    out: Vec<u8>,
}

pub(crate) async fn serve(
    stream: TcpStream,
    peer: SocketAddr,
    state: Arc<State>,
    mut shutdown: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let mut conn = Conn::new(stream, peer, state);
    loop {
        let request = match conn.next(&mut shutdown).await {
            Next::Request(request) => request,
            Next::Gone => break,
            Next::Refused(refusal, head) => {
                conn.refuse(refusal, head).await;
                break;
            }
        };
        let started = Instant::now();
        let (close, record) = match respond::answer(&conn.state, &request) {
            Answer::Close { name, sleep: wait } => {
                pause(wait).await;
                (true, (None, name, Outcome::Closed))
            }
            Answer::Respond(response, controls) => {
                let (outcome, closing) = conn.send(&response, &request, controls, &shutdown).await;
                let close = closing || outcome != Outcome::Sent;
                (
                    close,
                    (Some(response.status), response.name.clone(), outcome),
                )
            }
        };
        conn.log(&request, record, started);
        if close {
            conn.close().await;
            break;
        }
    }
}

/// Refuses a request with a short body of its own, then closes.
pub(crate) async fn refuse_connection(stream: TcpStream, peer: SocketAddr, state: Arc<State>) {
    let mut conn = Conn::new(stream, peer, state);
    let refusal = Refusal::new(503, "the playground has too many open connections");
    conn.refuse(refusal, None).await;
}

impl Conn {
    fn new(stream: TcpStream, peer: SocketAddr, state: Arc<State>) -> Conn {
        Conn {
            stream,
            peer,
            state,
            buf: Vec::new(),
            out: Vec::new(),
        }
    }

    /// Reads the next request whole: head, then body.
    async fn next(&mut self, shutdown: &mut watch::Receiver<bool>) -> Next {
        let limits = self.state.config.limits.clone();
        if self.buf.is_empty() {
            // Between requests: wait for a first byte, the idle timeout
            // or the shutdown, whichever comes first.
            tokio::select! {
                read = timeout(limits.idle_timeout, self.read_more()) => {
                    if !matches!(read, Ok(Ok(n)) if n > 0) {
                        return Next::Gone;
                    }
                }
                _ = shutdown.wait_for(|stop| *stop) => return Next::Gone,
            }
        }
        let deadline = tokio::time::Instant::now() + limits.read_timeout;
        let (mut request, head_len, framing) = loop {
            match request::parse_head(&self.buf, &limits) {
                Ok(Some(parsed)) => break parsed,
                Ok(None) => {}
                Err(refusal) => return Next::Refused(refusal, None),
            }
            match timeout_at(deadline, self.read_more()).await {
                Ok(Ok(n)) if n > 0 => {}
                Ok(_) => return Next::Gone,
                Err(_) => return Next::Refused(timed_out(limits.read_timeout), None),
            }
        };
        self.buf.drain(..head_len);
        if let BodyLength::Length(n) = framing
            && n > limits.max_body
        {
            return Next::Refused(request::too_big(limits.max_body), Some(request));
        }
        if request.expect_continue && framing != BodyLength::Length(0) && self.buf.is_empty() {
            // RFC 9110 section 10.1.1: the client waits for this before
            // sending its body.
            let _ = self.write(b"HTTP/1.1 100 Continue\r\n\r\n").await;
        }
        loop {
            let body = match framing {
                BodyLength::Length(n) if self.buf.len() >= n => {
                    Ok(Some((self.buf[..n].to_vec(), n)))
                }
                BodyLength::Length(_) => Ok(None),
                BodyLength::Chunked => request::chunked(&self.buf, limits.max_body),
            };
            match body {
                Ok(Some((body, used))) => {
                    self.buf.drain(..used);
                    request.body = body;
                    return Next::Request(request);
                }
                Ok(None) => {}
                Err(refusal) => return Next::Refused(refusal, Some(request)),
            }
            match timeout_at(deadline, self.read_more()).await {
                Ok(Ok(n)) if n > 0 => {}
                Ok(_) => return Next::Gone,
                Err(_) => return Next::Refused(timed_out(limits.read_timeout), Some(request)),
            }
        }
    }

    async fn read_more(&mut self) -> std::io::Result<usize> {
        // Small steps: a thousand idle connections should cost little.
        self.buf.reserve(2048);
        self.stream.read_buf(&mut self.buf).await
    }

    /// Sends a response as its controls say; how it ended.
    /// Also says whether the connection is to close: the response or the
    /// request says so, or a shutdown came while the response waited.
    async fn send(
        &mut self,
        response: &Response,
        request: &Request,
        controls: Controls,
        shutdown: &watch::Receiver<bool>,
    ) -> (Outcome, bool) {
        pause(controls.sleep).await;
        let close = response.close || !request.keep_alive || *shutdown.borrow();
        if controls.abort == Some(Abort::BeforeHeaders) {
            return (Outcome::Aborted, true);
        }
        let mut out = std::mem::take(&mut self.out);
        out.clear();
        let how = Sending {
            method: &request.method,
            interim: !request.http10,
            close,
        };
        let body = wire::encode(response, how, &mut out);
        let cut = match controls.abort {
            Some(Abort::AfterHeaders) => Some(0),
            Some(Abort::MidBody) => Some(body.len() / 2),
            _ => None,
        };
        let outcome = if let Some(cut) = cut {
            out.extend_from_slice(&body[..cut]);
            match self.write(&out).await {
                true => Outcome::Aborted,
                false => Outcome::ClientGone,
            }
        } else if !controls.dribble.is_zero() && !body.is_empty() {
            self.dribble(&out, body, controls.dribble).await
        } else {
            out.extend_from_slice(body);
            match self.write(&out).await {
                true => Outcome::Sent,
                false => Outcome::ClientGone,
            }
        };
        self.out = out;
        (outcome, close)
    }

    /// The head at once, then the body in up to 100 pieces spread over
    /// `over`.
    async fn dribble(&mut self, head: &[u8], body: &[u8], over: Duration) -> Outcome {
        if !self.write(head).await {
            return Outcome::ClientGone;
        }
        let pieces = body.len().min(100);
        let step = over / pieces as u32;
        let size = body.len().div_ceil(pieces);
        for piece in body.chunks(size) {
            sleep(step).await;
            if !self.write(piece).await {
                return Outcome::ClientGone;
            }
        }
        Outcome::Sent
    }

    /// Writes all of `bytes` within the write timeout; false if the
    /// client is gone or stopped reading.
    async fn write(&mut self, bytes: &[u8]) -> bool {
        let limit = self.state.config.limits.write_timeout;
        matches!(
            timeout(limit, self.stream.write_all(bytes)).await,
            Ok(Ok(()))
        )
    }

    async fn refuse(&mut self, refusal: Refusal, head: Option<Request>) {
        let started = Instant::now();
        let request = head.unwrap_or_else(|| Request {
            method: "-".into(),
            target: "-".into(),
            ..Request::default()
        });
        let mut response = respond::refusal(&self.state, &request, refusal.status, &refusal.detail);
        response.close = true;
        response.set("Access-Control-Allow-Origin", "*");
        let (_, never) = watch::channel(false);
        let (outcome, _) = self
            .send(&response, &request, Controls::default(), &never)
            .await;
        self.log(
            &request,
            (Some(response.status), response.name, outcome),
            started,
        );
        self.close().await;
    }

    /// Ends the connection: our side first, then whatever the client is
    /// still sending is read and dropped for a moment, so that the kernel
    /// does not answer it with a reset that could destroy the response
    /// before the client reads it (a 413 or 431 while the client writes).
    async fn close(&mut self) {
        let _ = self.stream.shutdown().await;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
        let mut drained = 0usize;
        while drained < 4 << 20 {
            self.buf.clear();
            match timeout_at(deadline, self.read_more()).await {
                Ok(Ok(n)) if n > 0 => drained += n,
                _ => break,
            }
        }
    }

    fn log(
        &self,
        request: &Request,
        (status, name, outcome): (Option<u16>, String, Outcome),
        started: Instant,
    ) {
        let Some(log) = &self.state.log else {
            return;
        };
        log(Record {
            time: SystemTime::now(),
            peer: self.peer,
            method: request.method.clone(),
            target: request.target.clone(),
            status,
            name,
            latency: started.elapsed(),
            outcome,
        });
    }
}

/// Sleeps, unless there is nothing to wait for: even a zero sleep goes
/// through the timer wheel, which rounds up to its next millisecond tick,
/// and that cost every request a millisecond.
async fn pause(wait: Duration) {
    if !wait.is_zero() {
        sleep(wait).await;
    }
}

fn timed_out(limit: Duration) -> Refusal {
    Refusal::new(
        408,
        format!(
            "the request did not arrive whole within {} s",
            limit.as_secs()
        ),
    )
}

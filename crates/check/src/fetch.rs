//! One request, one response: the ureq agent set up so that every hop is
//! ours to see (no automatic redirects, statuses are not errors, a limit on
//! each phase), and its errors sorted into what a user can act on.

use std::io::Read;
use std::time::{Duration, Instant};

use ureq::Agent;
use ureq::tls::TlsConfig;

use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::{Connector, DefaultConnector};

use crate::{Failure, FailureKind, Options, reason};

/// Body bytes read from each response: enough for a `<title>`, little
/// enough that a checker of many URLs does not download sites.
pub(crate) const BODY_LIMIT: u64 = 8 * 1024;

/// A response as received, before the catalog is asked what it means.
pub(crate) struct Response {
    pub status: u16,
    /// The reason phrase as received (HTTP/1.x only).
    pub reason: Option<String>,
    pub version: String,
    pub headers: Vec<(String, String)>,
    pub head: Duration,
    pub total: Duration,
    pub body: Vec<u8>,
}

/// The agent for `options`; `verify` false accepts any certificate.
pub(crate) fn agent(options: &Options, verify: bool) -> Agent {
    let t = Some(options.timeout);
    let config = Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_resolve(t)
        .timeout_connect(t)
        .timeout_send_request(t)
        .timeout_recv_response(t)
        .timeout_recv_body(t)
        .user_agent(options.user_agent.as_str())
        // ureq's buffers default to 128 KB each way per connection, sized
        // for bodies; a checker sends small heads and reads heads and a few
        // KB, and with 32 connections open that was most of its memory.
        .max_response_header_size(32 * 1024)
        .input_buffer_size(40 * 1024)
        .output_buffer_size(16 * 1024)
        .tls_config(TlsConfig::builder().disable_verification(!verify).build())
        .build();
    let connector = DefaultConnector::new().chain(reason::Tap);
    Agent::with_parts(config, connector, DefaultResolver::default())
}

/// Sends `method` to `url` with `headers` and reads the head and at most
/// `BODY_LIMIT` bytes of the body.
pub(crate) fn exchange(
    agent: &Agent,
    method: &str,
    url: &str,
    headers: &[(String, String)],
) -> Result<Response, Failure> {
    let fail = |kind, message: String| Failure {
        kind,
        url: url.to_string(),
        message,
    };
    let mut request = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let request = request
        .body(())
        .map_err(|e| fail(FailureKind::Url, e.to_string()))?;
    reason::clear();
    let start = Instant::now();
    let mut response = agent.run(request).map_err(|e| classify(url, e))?;
    let head = start.elapsed();
    let status = response.status().as_u16();
    let reason = reason::take();
    let version = format!("{:?}", response.version());
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_string(), latin1(v.as_bytes())))
        .collect();
    let mut body = Vec::new();
    // A body cut short after its first bytes is no failure of the hop:
    // the status and head are what is judged.
    let _ = response
        .body_mut()
        .as_reader()
        .take(BODY_LIMIT)
        .read_to_end(&mut body);
    Ok(Response {
        status,
        reason,
        version,
        headers,
        head,
        total: start.elapsed(),
        body,
    })
}

/// Header bytes as text: obs-text bytes are Latin-1 (RFC 9110 §5.5).
fn latin1(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// What went wrong, in terms a user can act on.
pub(crate) fn classify(url: &str, error: ureq::Error) -> Failure {
    use ureq::Error as E;
    let (kind, message) = match &error {
        // A name that does not resolve in time is a name failure: no
        // server was reached to be slow.
        E::Timeout(ureq::Timeout::Resolve) => (
            FailureKind::Network,
            "the host name did not resolve in time".into(),
        ),
        E::Timeout(phase) => (FailureKind::Timeout, format!("no answer in time ({phase})")),
        E::HostNotFound => (FailureKind::Network, "the host name did not resolve".into()),
        E::ConnectionFailed => (FailureKind::Network, "the connection failed".into()),
        E::Rustls(e) => (FailureKind::Tls, tls_message(e)),
        E::Tls(e) => (FailureKind::Tls, format!("TLS: {e}")),
        E::Protocol(e) => (
            FailureKind::Protocol,
            format!("not a valid HTTP response: {e}"),
        ),
        E::BadUri(e) => (FailureKind::Url, format!("not a usable URL: {e}")),
        E::Io(e) => io_failure(e),
        other => (FailureKind::Network, other.to_string()),
    };
    Failure {
        kind,
        url: url.to_string(),
        message,
    }
}

fn io_failure(e: &std::io::Error) -> (FailureKind, String) {
    use std::io::ErrorKind as K;
    if let Some(tls) = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
        return (FailureKind::Tls, tls_message(tls));
    }
    match e.kind() {
        K::TimedOut | K::WouldBlock => (FailureKind::Timeout, format!("no answer in time ({e})")),
        K::ConnectionRefused => (FailureKind::Network, "the connection was refused".into()),
        K::UnexpectedEof | K::ConnectionReset | K::ConnectionAborted => (
            FailureKind::Network,
            "the server closed the connection without a response".into(),
        ),
        // The resolver's own words differ by platform; this is getaddrinfo's.
        _ if e.to_string().contains("lookup address") => (
            FailureKind::Network,
            format!("the host name did not resolve ({e})"),
        ),
        _ => (FailureKind::Network, e.to_string()),
    }
}

/// A certificate problem in plain words.
fn tls_message(e: &rustls::Error) -> String {
    use rustls::CertificateError as C;
    match e {
        rustls::Error::InvalidCertificate(cert) => match cert {
            C::Expired | C::ExpiredContext { .. } => "the certificate has expired".into(),
            C::NotValidYet | C::NotValidYetContext { .. } => {
                "the certificate is not valid yet".into()
            }
            C::NotValidForName | C::NotValidForNameContext { .. } => {
                "the certificate is not valid for this host name".into()
            }
            C::UnknownIssuer => {
                "the certificate is not signed by a trusted authority (self-signed?)".into()
            }
            C::Revoked => "the certificate has been revoked".into(),
            // webpki's name for a self-signed certificate made as a CA,
            // as `openssl req -x509` makes them by default.
            C::Other(e) if format!("{e:?}").contains("CaUsedAsEndEntity") => {
                "the certificate is a CA's own, not one it issued (self-signed?)".into()
            }
            other => format!("the certificate was refused: {other}"),
        },
        // Bytes that are not a TLS record: the port speaks plain HTTP
        // (or something else), as when https was assumed for `host:8080`.
        rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType) => {
            "the server did not answer in TLS (a plain http port? try http://)".into()
        }
        other => format!("TLS: {other}"),
    }
}

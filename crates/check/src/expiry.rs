//! Days left on a server's certificate. ureq does not hand out the peer's
//! certificate, so an https origin gets one extra handshake of our own
//! (direct, not through a proxy; best effort: any failure means no
//! answer), and the end-entity certificate's notAfter is read from its DER.
//! Whether the certificate is trusted was settled by the real request; this
//! handshake only reads dates, so it accepts any certificate.

use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, ClientConnection, DigitallySignedStruct, SignatureScheme};
use url::Url;

/// Whole days until the certificate of `url`'s server expires (negative
/// once expired); `None` for http, or when the handshake fails.
pub(crate) fn days_left(url: &Url, timeout: Duration) -> Option<i64> {
    // Behind a proxy the direct handshake could not reach the server, or
    // would reach another one.
    let proxied = ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()));
    if url.scheme() != "https" || proxied {
        return None;
    }
    let host = url
        .host_str()?
        .trim_start_matches('[')
        .trim_end_matches(']');
    let port = url.port_or_known_default()?;
    let addr = (host, port).to_socket_addrs().ok()?.next()?;
    let mut tcp = TcpStream::connect_timeout(&addr, timeout).ok()?;
    tcp.set_read_timeout(Some(timeout)).ok()?;
    tcp.set_write_timeout(Some(timeout)).ok()?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .ok()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AnyCertificate(provider)))
        .with_no_client_auth();
    let name = ServerName::try_from(host.to_string()).ok()?;
    let mut tls = ClientConnection::new(Arc::new(config), name).ok()?;
    // A handshake is a handful of round trips; the bound keeps a server
    // that keeps talking from holding a thread.
    for _ in 0..32 {
        if !tls.is_handshaking() {
            break;
        }
        tls.complete_io(&mut tcp).ok()?;
    }
    let der = tls.peer_certificates()?.first()?.as_ref().to_vec();
    tls.send_close_notify();
    let _ = tls.complete_io(&mut tcp);
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs() as i64;
    Some((not_after(&der)? - now).div_euclid(86_400))
}

/// The end of the validity period of a DER certificate (RFC 5280 §4.1),
/// in seconds since the epoch.
fn not_after(der: &[u8]) -> Option<i64> {
    let (_, certificate, _) = element(der)?;
    let (_, mut tbs, _) = element(certificate)?;
    // version [0] (optional), serialNumber, signature, issuer, validity
    let mut index = 0;
    loop {
        let (tag, content, rest) = element(tbs)?;
        if tag == 0xa0 {
            tbs = rest;
            continue;
        }
        if index == 3 {
            let (_, _, after_before) = element(content)?;
            let (tag, time, _) = element(after_before)?;
            return parse_time(tag, time);
        }
        index += 1;
        tbs = rest;
    }
}

/// One DER element: its tag, its content, and what follows it.
fn element(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let tag = *bytes.first()?;
    let first = *bytes.get(1)?;
    let (length, header) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 {
            return None;
        }
        let length = (bytes.get(2..2 + count)?)
            .iter()
            .fold(0usize, |n, &b| n << 8 | usize::from(b));
        (length, 2 + count)
    };
    let content = bytes.get(header..header.checked_add(length)?)?;
    Some((tag, content, &bytes[header + length..]))
}

/// UTCTime (`YYMMDDHHMMSSZ`, tag 0x17) or GeneralizedTime
/// (`YYYYMMDDHHMMSSZ`, tag 0x18).
fn parse_time(tag: u8, text: &[u8]) -> Option<i64> {
    let text = std::str::from_utf8(text).ok()?.strip_suffix('Z')?;
    let (year, rest) = match tag {
        0x17 => {
            let yy: i64 = text.get(..2)?.parse().ok()?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, text.get(2..)?)
        }
        0x18 => (text.get(..4)?.parse().ok()?, text.get(4..)?),
        _ => return None,
    };
    let field = |at: usize| -> Option<i64> { rest.get(at..at + 2)?.parse().ok() };
    let days = crate::retry::days_from_civil(year, field(0)?, field(2)?);
    Some(days * 86_400 + field(4)? * 3600 + field(6)? * 60 + field(8)?)
}

/// Accepts any certificate: only its dates are read (see the module doc).
#[derive(Debug)]
struct AnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_time_forms_are_read() {
        // 2024-01-31 12:00:00 UTC
        assert_eq!(parse_time(0x17, b"240131120000Z"), Some(1_706_702_400));
        assert_eq!(parse_time(0x18, b"20240131120000Z"), Some(1_706_702_400));
        assert_eq!(parse_time(0x17, b"2401311200"), None);
    }

    #[test]
    fn der_lengths_short_and_long() {
        assert_eq!(
            element(&[0x02, 0x01, 0x05, 0xff]),
            Some((0x02, &[5u8][..], &[0xffu8][..]))
        );
        let long = [vec![0x04, 0x81, 0x80], vec![7; 0x80]].concat();
        assert_eq!(element(&long).map(|(_, c, _)| c.len()), Some(0x80));
        assert_eq!(element(&[0x30, 0x05, 0x00]), None);
    }
}

//! What may follow a response's header section: content, and the two
//! fields that frame it (Content-Length, Transfer-Encoding).

/// Why a response carries no content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoContent {
    /// 1xx: the header section is the whole message (RFC 9110 section 15.2).
    Interim,
    /// 204: the response ends after the header section (section 15.3.5).
    NoContent,
    /// 205: "a server MUST NOT generate content" (section 15.3.6).
    ResetContent,
    /// 304: "terminated by the end of the header section" (section 15.4.5).
    NotModified,
    /// A response to HEAD never includes content (section 9.3.2).
    Head,
    /// A 2xx to CONNECT turns the connection into a tunnel (section 9.3.6).
    Tunnel,
}

/// Why a response with `status` carries no content whatever the request;
/// `None` when it carries some, if only zero bytes.
pub fn no_content(status: u16) -> Option<NoContent> {
    match status {
        ..=199 => Some(NoContent::Interim),
        204 => Some(NoContent::NoContent),
        205 => Some(NoContent::ResetContent),
        304 => Some(NoContent::NotModified),
        _ => None,
    }
}

/// What a response may carry after its header section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Framing {
    /// Why there is no content; `None` when content may follow.
    pub no_content: Option<NoContent>,
    /// Whether Content-Length may be sent. Where content is ruled out it
    /// may still be sent by a 205 (0), a 304 or a HEAD response (the size a
    /// 200 or GET would have had), but never by a 1xx or 204 (RFC 9110
    /// section 8.6) or a 2xx to CONNECT.
    pub content_length: bool,
    /// Whether Transfer-Encoding may be sent: never in a 1xx or 204 (RFC
    /// 9112 section 6.1) or a 2xx to CONNECT.
    pub transfer_encoding: bool,
}

impl Framing {
    pub fn content_allowed(self) -> bool {
        self.no_content.is_none()
    }
}

/// The framing rules for a response with `status` to a `method` request
/// (methods are case-sensitive: `HEAD`, not `head`).
pub fn framing(status: u16, method: &str) -> Framing {
    let tunnel = method == "CONNECT" && (200..300).contains(&status);
    let no_content = no_content(status)
        .or(tunnel.then_some(NoContent::Tunnel))
        .or((method == "HEAD").then_some(NoContent::Head));
    let framed = !(status < 200 || status == 204 || tunnel);
    Framing {
        no_content,
        content_length: framed,
        transfer_encoding: framed,
    }
}

//! A response as text, split the way HTTP/1.1 frames it (RFC 9112 section
//! 2.1): status line, field lines, an empty line, content. Line ends may be
//! CRLF, as on the wire, or a bare LF, as in the catalog's examples.

/// A parsed response text. Borrowed from the text, so parsing an example
/// costs no copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message<'a> {
    /// The first line, when the text starts like a response (`HTTP/`).
    /// Text that does not (a log line, a note that nothing was sent) has
    /// no start line, no fields, and is all content.
    pub start: Option<&'a str>,
    /// `name: value` lines in order, the value without surrounding spaces.
    pub fields: Vec<(&'a str, &'a str)>,
    /// Lines of the header section that are not a valid field line: no
    /// colon, a space before it, or an obsolete folded continuation.
    pub malformed: Vec<&'a str>,
    /// Everything after the empty line that ends the header section.
    pub content: &'a str,
}

/// The parts of `HTTP/1.1 404 Not Found`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusLine<'a> {
    pub version: &'a str,
    pub code: u16,
    /// Possibly empty: the phrase is optional (RFC 9112 section 4).
    pub reason: &'a str,
}

impl<'a> Message<'a> {
    pub fn parse(text: &'a str) -> Message<'a> {
        let mut message = Message {
            start: None,
            fields: Vec::new(),
            malformed: Vec::new(),
            content: "",
        };
        if !text.starts_with("HTTP/") {
            message.content = text;
            return message;
        }
        let mut rest = text;
        let mut first = true;
        while !rest.is_empty() {
            let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
            let line = line.strip_suffix('\r').unwrap_or(line);
            rest = after;
            if first {
                message.start = Some(line);
                first = false;
            } else if line.is_empty() {
                break;
            } else {
                match field(line) {
                    Some(pair) => message.fields.push(pair),
                    None => message.malformed.push(line),
                }
            }
        }
        message.content = rest;
        message
    }

    /// The status line's parts; `None` when there is none or it does not
    /// follow `HTTP/1.x SP 3DIGIT [SP reason]`.
    pub fn status_line(&self) -> Option<StatusLine<'a>> {
        let line = self.start?;
        let (version, rest) = line.split_once(' ')?;
        let minor = version.strip_prefix("HTTP/1.")?;
        if minor.len() != 1 || !minor.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let (digits, reason) = rest.split_once(' ').unwrap_or((rest, ""));
        if digits.len() != 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        Some(StatusLine {
            version,
            code: digits.parse().ok()?,
            reason: reason.trim(),
        })
    }

    /// Every non-empty value of a header, in order (`Link` may repeat).
    pub fn values(&self, name: &str) -> Vec<&'a str> {
        self.fields
            .iter()
            .filter(|(n, v)| n.eq_ignore_ascii_case(name) && !v.is_empty())
            .map(|(_, v)| *v)
            .collect()
    }

    /// Whether the header is present at all, even with an empty value.
    pub fn has(&self, name: &str) -> bool {
        self.fields
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }
}

/// `name: value`, with a token for the name and nothing between it and the
/// colon (RFC 9112 section 5.1: servers must reject such a line).
fn field(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    (!name.is_empty() && name.chars().all(token)).then(|| (name, value.trim()))
}

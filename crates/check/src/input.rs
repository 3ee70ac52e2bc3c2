//! Reading URLs as users write them: one a line, blank lines and `#`
//! comments skipped, a URL without a scheme tried as https, anything else
//! reported with its line number.

use url::Url;

/// One meaningful line of input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Url {
        line: usize,
        url: String,
    },
    Junk {
        line: usize,
        text: String,
        reason: String,
    },
}

/// Every URL and junk line of `text`, numbered from 1.
pub fn parse_lines(text: &str) -> Vec<Line> {
    parse_bytes(text.as_bytes())
}

/// Every URL and junk line of `bytes`, numbered from 1. A line that is not
/// UTF-8 is junk on its own: the lines around it are still read. A
/// byte-order mark at the start is not part of the first URL.
pub fn parse_bytes(bytes: &[u8]) -> Vec<Line> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter_map(|(i, raw)| {
            let line = i + 1;
            let Ok(text) = std::str::from_utf8(raw) else {
                return Some(Line::Junk {
                    line,
                    text: String::from_utf8_lossy(raw).trim().to_string(),
                    reason: "not UTF-8".into(),
                });
            };
            let trimmed = text.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                return None;
            }
            Some(match parse_line(trimmed) {
                Ok(url) => Line::Url { line, url },
                Err(reason) => Line::Junk {
                    line,
                    text: trimmed.to_string(),
                    reason,
                },
            })
        })
        .collect()
}

/// The absolute http(s) URL `text` stands for, or why it is none.
pub fn parse_line(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() || text.chars().any(char::is_whitespace) {
        return Err("not a URL (empty or has spaces)".into());
    }
    // `example.com:8080/x` would parse with `example.com` as its scheme,
    // so a scheme is what comes before `://`, or before a colon not
    // followed by a port (`mailto:`).
    let url = if text.contains("://") || has_other_scheme(text) {
        Url::parse(text)
    } else {
        Url::parse(&format!("https://{text}"))
    }
    .map_err(|e| format!("not a URL: {e}"))?;
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|h| !h.is_empty()) => Ok(url.into()),
        "http" | "https" => Err("no host".into()),
        other => Err(format!("{other}: only http and https are checked")),
    }
}

/// `mailto:x`, `javascript:x`: a scheme name, a colon, and no port after it.
fn has_other_scheme(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    is_scheme && !rest.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_urls_junk_or_skipped() {
        let text = "# list\n\nexample.com\nhttp://a.test/x\n  \nftp://x\nnot a url\n";
        let lines = parse_lines(text);
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[0],
            Line::Url {
                line: 3,
                url: "https://example.com/".into()
            }
        );
        assert!(matches!(&lines[2], Line::Junk { line: 6, .. }));
        assert!(matches!(&lines[3], Line::Junk { line: 7, .. }));
    }

    #[test]
    fn a_line_that_is_not_utf8_is_junk_and_the_others_are_read() {
        let lines = parse_bytes(b"\xef\xbb\xbfa.test\r\nb.test/\xff\nhttp://c.test/\n");
        assert_eq!(
            lines,
            [
                Line::Url {
                    line: 1,
                    url: "https://a.test/".into()
                },
                Line::Junk {
                    line: 2,
                    text: "b.test/\u{fffd}".into(),
                    reason: "not UTF-8".into()
                },
                Line::Url {
                    line: 3,
                    url: "http://c.test/".into()
                },
            ]
        );
    }

    #[test]
    fn a_port_without_scheme_is_https() {
        assert_eq!(
            parse_line("example.com:8443/a").unwrap(),
            "https://example.com:8443/a"
        );
        assert!(parse_line("mailto:me@example.com").is_err());
        assert!(parse_line("http://").is_err());
    }
}

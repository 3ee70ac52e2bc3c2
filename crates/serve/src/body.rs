//! The playground's own bodies, in the form the request's `Accept` asks
//! for: RFC 9457 problem details for errors when asked, JSON, a small HTML
//! page, or plain text (the default).

use serde_json::json;

/// The body forms the playground offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Problem,
    Json,
    Html,
    Text,
}

impl Kind {
    pub fn content_type(self) -> &'static str {
        match self {
            Kind::Problem => "application/problem+json",
            Kind::Json => "application/json",
            Kind::Html => "text/html; charset=utf-8",
            Kind::Text => "text/plain; charset=utf-8",
        }
    }

    fn media(self) -> (&'static str, &'static str) {
        match self {
            Kind::Problem => ("application", "problem+json"),
            Kind::Json => ("application", "json"),
            Kind::Html => ("text", "html"),
            Kind::Text => ("text", "plain"),
        }
    }
}

/// The form to answer in: the offer with the highest `q`; among equals
/// one the client named exactly (problem details first, then JSON, HTML,
/// text), else plain text, which is also the answer without `Accept` or
/// when nothing offered is acceptable (a 406 would hide the status asked
/// for). Problem details are offered for errors (4xx, 5xx) only.
pub(crate) fn negotiate(accept: Option<&str>, error: bool) -> Kind {
    let Some(accept) = accept else {
        return Kind::Text;
    };
    let offers: &[Kind] = if error {
        &[Kind::Problem, Kind::Json, Kind::Html, Kind::Text]
    } else {
        &[Kind::Json, Kind::Html, Kind::Text]
    };
    let mut best = (0u16, 0u8, 0u8, Kind::Text);
    for (rank, &kind) in offers.iter().enumerate() {
        let (q, exact) = quality(accept, kind.media());
        let preference = match (exact, kind) {
            (2, _) => (offers.len() - rank) as u8,
            (_, Kind::Text) => 10,
            _ => 0,
        };
        let score = (q, exact, preference, kind);
        if q > 0 && (score.0, score.1, score.2) > (best.0, best.1, best.2) {
            best = score;
        }
    }
    best.3
}

/// The `q` (in thousandths) of the most specific range in `accept` that
/// matches `media`, and how specific: 2 exact, 1 `type/*`, 0 `*/*`.
fn quality(accept: &str, (ty, sub): (&str, &str)) -> (u16, u8) {
    let mut found: Option<(u8, u16)> = None;
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .filter_map(|v| v.trim().parse::<f32>().ok())
            .next()
            .unwrap_or(1.0);
        let q = (q.clamp(0.0, 1.0) * 1000.0) as u16;
        let exact = match media.split_once('/') {
            Some((t, s)) if t == ty && s == sub => 2,
            Some((t, "*")) if t == ty => 1,
            Some(("*", "*")) => 0,
            _ => continue,
        };
        if found.is_none_or(|(e, _)| exact > e) {
            found = Some((exact, q));
        }
    }
    found.map_or((0, 0), |(exact, q)| (q, exact))
}

/// What a body says about a status.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Info<'a> {
    pub status: u16,
    /// The catalog id, when the answer is an entry.
    pub id: Option<&'a str>,
    pub title: &'a str,
    pub summary: &'a str,
    /// The specification's link.
    pub spec: Option<&'a str>,
    /// What the playground adds: why this is not the code itself, which
    /// limit a request broke.
    pub detail: Option<&'a str>,
    /// The request's target (from the client: escaped where it matters).
    pub instance: &'a str,
}

/// `info` in the form `kind`.
pub(crate) fn render(kind: Kind, info: &Info) -> Vec<u8> {
    match kind {
        Kind::Problem => json!({
            // RFC 9457 section 4.2.1: with no type of its own, a problem
            // is `about:blank` and its title the status's phrase.
            "type": "about:blank",
            "title": info.title,
            "status": info.status,
            "detail": info.detail.unwrap_or(info.summary),
            "instance": info.instance,
        })
        .to_string()
        .into_bytes(),
        Kind::Json => {
            let mut value = json!({
                "code": info.status,
                "id": info.id,
                "name": info.title,
                "summary": info.summary,
                "spec": info.spec,
            });
            if let Some(detail) = info.detail {
                value["detail"] = json!(detail);
            }
            value.to_string().into_bytes()
        }
        Kind::Html => html(info).into_bytes(),
        Kind::Text => text(info).into_bytes(),
    }
}

fn text(info: &Info) -> String {
    let mut out = format!("{} {}\n\n{}\n", info.status, info.title, info.summary);
    if let Some(detail) = info.detail {
        out += &format!("\n{detail}\n");
    }
    if let Some(spec) = info.spec {
        out += &format!("\nSpec: {spec}\n");
    }
    out
}

fn html(info: &Info) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{0} {1}</title></head>\n<body><h1>{0} {1}</h1>\n<p>{2}</p>\n",
        info.status,
        escape_html(info.title),
        escape_html(info.summary)
    );
    if let Some(detail) = info.detail {
        out += &format!("<p>{}</p>\n", escape_html(detail));
    }
    if let Some(spec) = info.spec {
        let spec = escape_html(spec);
        out += &format!("<p><a href=\"{spec}\">{spec}</a></p>\n");
    }
    out += "<hr><p>httpdex playground</p></body></html>\n";
    out
}

/// Text inside HTML elements and attribute values.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation() {
        use Kind::*;
        for (accept, error, kind) in [
            (None, true, Text),
            (Some("*/*"), true, Text),
            (Some("application/problem+json"), true, Problem),
            (Some("application/problem+json"), false, Text),
            (Some("application/json, */*;q=0.1"), true, Json),
            (Some("application/json;q=0.5, text/html"), false, Html),
            (
                Some("text/html,application/xhtml+xml,*/*;q=0.8"),
                true,
                Html,
            ),
            (Some("application/*"), false, Json),
            (Some("image/png"), false, Text),
            (Some("text/plain;q=0, application/json"), true, Json),
        ] {
            assert_eq!(negotiate(accept, error), kind, "{accept:?} {error}");
        }
    }

    #[test]
    fn problem_details_have_the_rfc_9457_members() {
        let info = Info {
            status: 404,
            id: Some("404"),
            title: "Not Found",
            summary: "s",
            spec: None,
            detail: None,
            instance: "/x<",
        };
        let v: serde_json::Value = serde_json::from_slice(&render(Kind::Problem, &info)).unwrap();
        for key in ["type", "title", "status", "detail", "instance"] {
            assert!(v.get(key).is_some(), "{key}");
        }
        assert_eq!(
            escape_html("<a href='x'>&"),
            "&lt;a href=&#39;x&#39;&gt;&amp;"
        );
        assert!(
            String::from_utf8(render(Kind::Html, &info))
                .unwrap()
                .contains("Not Found")
        );
    }
}

//! Side-by-side comparison of any two entries. A curated pair from
//! `data/comparisons.json` leads with its own aspects and rule of thumb;
//! every other aspect is derived from the entries, so every pair works.

use serde::Serialize;

use crate::http::{Edge, NoContent, no_content};
use crate::wrap::{wrap, wrap_paragraphs};
use httpdex_catalog::{Catalog, Class, Entry, HeaderRequirement, Origin};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub aspect: String,
    pub a: String,
    pub b: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub a: Side,
    pub b: Side,
    /// Whether the pair is curated in `data/comparisons.json`.
    pub curated: bool,
    pub rule_of_thumb: Option<String>,
    pub rows: Vec<Row>,
}

/// Derived aspects, and the curated aspect that already covers each.
const DERIVED: [(&str, Option<&str>); 10] = [
    ("Name and class", None),
    ("Meaning", Some("Meaning")),
    ("Whose fault", Some("Whose fault")),
    ("Required headers", Some("Required headers")),
    ("Recommended headers", None),
    ("Heuristically cacheable", Some("Caching")),
    ("Client may retry", Some("Client may retry")),
    ("Body expected", None),
    ("SEO effect", Some("SEO effect")),
    ("Typical causes", Some("Typical cause")),
];

impl Comparison {
    pub fn new(catalog: &Catalog, a: &Entry, b: &Entry) -> Comparison {
        let mut rows = Vec::new();
        let mut rule_of_thumb = None;
        let curated = catalog.comparison(&a.id, &b.id);
        if let Some((pair, reversed)) = curated {
            rule_of_thumb = Some(pair.rule_of_thumb.clone());
            rows.extend(pair.aspects.iter().map(|x| {
                let (left, right) = if reversed { (&x.b, &x.a) } else { (&x.a, &x.b) };
                Row {
                    aspect: x.aspect.clone(),
                    a: left.clone(),
                    b: right.clone(),
                }
            }));
        }
        let covered = |name: Option<&str>| name.is_some_and(|n| rows.iter().any(|r| r.aspect == n));
        let derived: Vec<Row> = DERIVED
            .iter()
            .filter(|(_, curated_name)| !covered(*curated_name))
            .map(|(aspect, _)| Row {
                aspect: aspect.to_string(),
                a: derive(aspect, a),
                b: derive(aspect, b),
            })
            .collect();
        // The identity row leads; the rest follow the curated rows.
        let (identity, rest): (Vec<Row>, Vec<Row>) = derived
            .into_iter()
            .partition(|r| r.aspect == "Name and class");
        rows.splice(0..0, identity);
        rows.extend(rest);
        rows.push(Row {
            aspect: "When to use it".to_string(),
            a: a.when_to_use.to_string(),
            b: b.when_to_use.to_string(),
        });
        Comparison {
            a: side(a),
            b: side(b),
            curated: curated.is_some(),
            rule_of_thumb,
            rows,
        }
    }

    /// A GitHub-flavoured Markdown table, rule of thumb below it.
    pub fn to_markdown(&self) -> String {
        let cell = crate::markdown::cell;
        let mut out = format!(
            "| Aspect | {} | {} |\n|---|---|---|\n",
            cell(&self.a.title),
            cell(&self.b.title)
        );
        for r in &self.rows {
            out += &format!(
                "| {} | {} | {} |\n",
                cell(&r.aspect),
                cell(&r.a),
                cell(&r.b)
            );
        }
        if let Some(rule) = &self.rule_of_thumb {
            out += &format!("\n**Rule of thumb:** {rule}\n");
        }
        out
    }
}

fn side(e: &Entry) -> Side {
    Side {
        id: e.id.to_string(),
        title: e.title(),
    }
}

fn derive(aspect: &str, e: &Entry) -> String {
    match aspect {
        "Name and class" => {
            let origin = match e.origin {
                Origin::Iana => String::new(),
                other => format!(" · {other}"),
            };
            format!(
                "{} · {} {}{origin}",
                e.title(),
                e.class().mask(),
                e.class().label()
            )
        }
        "Meaning" => e.summary.to_string(),
        "Whose fault" => fault(e).to_string(),
        "Required headers" => headers(e, HeaderRequirement::Required),
        "Recommended headers" => headers(e, HeaderRequirement::Recommended),
        "Heuristically cacheable" => if e.cacheable {
            "Yes (RFC 9110 §15.1)"
        } else {
            "No: only with explicit Cache-Control or Expires"
        }
        .to_string(),
        "Client may retry" => retry(e).to_string(),
        "Body expected" => body(e).to_string(),
        "SEO effect" => e.seo.indexing.to_string(),
        "Typical causes" => e
            .causes
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

fn headers(e: &Entry, rule: HeaderRequirement) -> String {
    let names: Vec<&str> = e
        .headers
        .iter()
        .filter(|h| h.rule == rule)
        .map(|h| h.name.as_ref())
        .collect();
    if names.is_empty() {
        "None".to_string()
    } else {
        names.join(", ")
    }
}

/// Whose fault: the party that has to change something.
fn fault(e: &Entry) -> &'static str {
    let intermediary =
        Edge::of(e).is_some() || (e.origin == Origin::Iana && matches!(e.code, 502 | 504));
    match e.class() {
        _ if intermediary => {
            "Intermediary: a gateway or proxy could not get a good answer upstream"
        }
        Class::Informational => "Nobody: an interim response",
        Class::Success => "Nobody: it worked",
        Class::Redirection => "Nobody: the client has to look elsewhere",
        Class::ClientError => "The client: the request must change",
        Class::ServerError => "The server",
    }
}

/// Whether a client may repeat the request without changing it.
fn retry(e: &Entry) -> &'static str {
    match (e.origin, e.code) {
        (_, 408) => "Yes: repeat the request on a new connection",
        (_, 429) | (Origin::Iana, 503) => "Yes, after Retry-After (or a backoff)",
        (_, 500..=599) => "Maybe: with backoff, and only idempotent requests",
        (_, 401) | (_, 407) => "Yes, with (new) credentials",
        (_, 412) | (_, 409) => "After fetching the current state and resolving the conflict",
        (_, 421) | (_, 425) => "Yes: on another connection / after the handshake completes",
        (_, 400..=499) => "No: the same request fails the same way",
        (_, 300..=399) => "Follow the redirect instead",
        _ => "Not applicable",
    }
}

/// Whether content is expected, as the wire rules have it for the code.
fn body(e: &Entry) -> &'static str {
    match no_content(e.code) {
        Some(NoContent::Interim) => "No: interim responses have no content",
        Some(NoContent::ResetContent) => "No: the client resets its view",
        Some(_) => "No: the response must not carry content",
        None => "Yes: say what happened and what to do",
    }
}

/// The comparison as aligned, wrapped lines for a given width: the rule of
/// thumb, then one row per aspect with every cell wrapped (never cut).
pub fn lines(
    c: &Comparison,
    catalog: &Catalog,
    theme: &crate::theme::Theme,
    width: usize,
) -> Vec<ratatui::text::Line<'static>> {
    use ratatui::text::{Line, Span};
    let width = width.max(30);
    let aspect_w = (width / 6).clamp(10, 18);
    let col_w = (width - aspect_w - 6) / 2;
    let class_style = |id: &str| {
        catalog
            .get(id)
            .map(|e| {
                theme
                    .class(e.class())
                    .add_modifier(ratatui::style::Modifier::BOLD)
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    if let Some(rule) = &c.rule_of_thumb {
        for (i, l) in wrap(&format!("Rule of thumb: {rule}"), width, "", "  ")
            .into_iter()
            .enumerate()
        {
            let style = if i == 0 {
                theme.title()
            } else {
                ratatui::style::Style::new()
            };
            out.push(Line::styled(l, style));
        }
        out.push(Line::default());
    }
    let separator = Line::styled(
        format!(
            "{}─┼─{}─┼─{}",
            "─".repeat(aspect_w),
            "─".repeat(col_w),
            "─".repeat(col_w)
        ),
        theme.dim(),
    );
    let mut push_row = |aspect: &str, a: &str, b: &str, styles: [ratatui::style::Style; 3]| {
        let cell_lines = |text: &str, w: usize| wrap_paragraphs(text, w, "", "");
        let cells = [
            cell_lines(aspect, aspect_w),
            cell_lines(a, col_w),
            cell_lines(b, col_w),
        ];
        let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for i in 0..height {
            let cell = |n: usize, w: usize| {
                let text = cells[n].get(i).map_or("", String::as_str);
                let pad = w.saturating_sub(unicode_width::UnicodeWidthStr::width(text));
                Span::styled(format!("{text}{}", " ".repeat(pad)), styles[n])
            };
            out.push(Line::from(vec![
                cell(0, aspect_w),
                Span::styled(" │ ", theme.dim()),
                cell(1, col_w),
                Span::styled(" │ ", theme.dim()),
                cell(2, col_w),
            ]));
        }
        out.push(separator.clone());
    };
    let plain = ratatui::style::Style::new();
    push_row(
        "",
        &c.a.title,
        &c.b.title,
        [plain, class_style(&c.a.id), class_style(&c.b.id)],
    );
    for r in &c.rows {
        push_row(&r.aspect, &r.a, &r.b, [theme.heading(), plain, plain]);
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Theme;

    #[test]
    fn a_long_cell_wraps_instead_of_being_cut() {
        let long = "word ".repeat(60) + "Supercalifragilisticexpialidocious-without-spaces-at-all";
        let c = Comparison {
            a: Side {
                id: "x".into(),
                title: "X".into(),
            },
            b: Side {
                id: "y".into(),
                title: "Y".into(),
            },
            curated: false,
            rule_of_thumb: None,
            rows: vec![Row {
                aspect: "Aspect".into(),
                a: long.clone(),
                b: "short".into(),
            }],
        };
        let lines = lines(&c, &Catalog::default(), &Theme::PLAIN, 60);
        let text: String = lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        for l in &lines {
            assert!(unicode_width::UnicodeWidthStr::width(l.to_string().as_str()) <= 60);
        }
        // Every character of the cell is still there, in order.
        let shown: String = text
            .lines()
            .filter_map(|l| l.split(" │ ").nth(1))
            .collect::<Vec<_>>()
            .join(" ");
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        assert!(squash(&shown).contains(&squash(&long)), "{text}");
    }

    #[test]
    fn markdown_escapes_pipes() {
        let c = Comparison {
            a: Side {
                id: "a".into(),
                title: "A|1".into(),
            },
            b: Side {
                id: "b".into(),
                title: "B".into(),
            },
            curated: false,
            rule_of_thumb: Some("Pick A".into()),
            rows: vec![Row {
                aspect: "x".into(),
                a: "1|2".into(),
                b: "line\nbreak".into(),
            }],
        };
        let md = c.to_markdown();
        assert!(
            md.starts_with(
                "| Aspect | A\\|1 | B |\n|---|---|---|\n| x | 1\\|2 | line<br>break |\n"
            )
        );
        assert!(md.ends_with("**Rule of thumb:** Pick A\n"));
    }
}

//! The detail document of an entry: every section it has, laid out as
//! styled lines pre-wrapped to a width. The TUI detail pane scrolls these
//! lines and `httpdex show` prints them, so both always say the same thing.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::doc::Doc;
use crate::http::Rules;
use crate::snippets::{self, Lang};
use crate::theme::Theme;
use crate::wrap::width_of;
use httpdex_catalog::{Catalog, Entry, Origin, Status};

/// The full detail document of `entry`.
pub fn entry_lines(
    catalog: &Catalog,
    entry: &Entry,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    entry_document(catalog, entry, theme, width, None).lines
}

/// The detail document with, optionally, the snippet for one stack.
pub struct DetailDoc {
    pub lines: Vec<Line<'static>>,
    /// Line where the snippet section starts, to scroll it into view.
    pub snippet_at: Option<usize>,
}

/// The snippet section the TUI's detail pane adds: the stack to show, and
/// the keys that change and copy it, written by the caller from its key
/// table (`l/L: other stacks, y: copy`).
#[derive(Debug, Clone, Copy)]
pub struct SnippetSection<'a> {
    pub lang: Lang,
    pub keys: &'a str,
}

pub fn entry_document(
    catalog: &Catalog,
    entry: &Entry,
    theme: &Theme,
    width: usize,
    snippet: Option<SnippetSection>,
) -> DetailDoc {
    let mut doc = Doc::new(theme, width);
    let mut snippet_at = None;
    header(&mut doc, catalog, entry, theme);
    if !entry.definition.is_empty() {
        doc.heading("Definition");
        doc.paragraph(&entry.definition);
    }
    spec(&mut doc, entry, theme);
    text_section(&mut doc, "Common misconception", &entry.misconception);
    if !entry.causes.is_empty() {
        doc.heading("Common causes");
        doc.bullets(&entry.causes);
    }
    text_section(&mut doc, "When to use it", &entry.when_to_use);
    if !entry.example.is_empty() {
        doc.heading(&example_heading(entry));
        doc.block(&entry.example);
    }
    if let Some(section) = snippet {
        snippet_at = Some(doc.lines.len() + 1);
        snippet_section(&mut doc, catalog, entry, section, theme);
    }
    headers(&mut doc, entry, theme);
    seo(&mut doc, entry);
    doc.heading("Caching");
    doc.paragraph(if entry.cacheable {
        "Heuristically cacheable: a cache may reuse this response without explicit freshness information (RFC 9110, section 15.1)."
    } else {
        "Not heuristically cacheable: a cache stores it only when Cache-Control or Expires says so (RFC 9110, section 15.1)."
    });
    for note in &entry.notes {
        let source = Origin::from_slug(&note.source).map_or(note.source.as_ref(), |o| o.label());
        doc.heading(&format!("Note: {source}"));
        doc.paragraph(&note.text);
    }
    links(
        &mut doc,
        catalog,
        "Commonly confused with",
        &entry.confused_with,
    );
    links(&mut doc, catalog, "Related", &entry.related);
    further_reading(&mut doc, entry, theme);
    constants(&mut doc, catalog, entry);
    if !entry.faq.is_empty() {
        doc.heading("FAQ");
        for (i, faq) in entry.faq.iter().enumerate() {
            if i > 0 {
                doc.blank();
            }
            doc.wrapped(&faq.q, theme.title(), "Q: ", "   ");
            doc.wrapped(&faq.a, Style::new(), "A: ", "   ");
        }
    }
    if !entry.aliases.is_empty() || !entry.keywords.is_empty() {
        doc.heading("Also known as / search words");
        if !entry.aliases.is_empty() {
            doc.labelled("Aliases", &entry.aliases.join(", "));
        }
        if !entry.keywords.is_empty() {
            doc.labelled("Keywords", &entry.keywords.join(", "));
        }
    }
    DetailDoc {
        lines: doc.into_lines(),
        snippet_at,
    }
}

/// "Example response", saying so when the status on the wire is another
/// than the entry's (nginx's 494 arrives as a 400 page).
fn example_heading(entry: &Entry) -> String {
    match Rules::of(entry).status {
        Some(status) if status != entry.code => {
            format!("Example response: the client receives a {status}")
        }
        _ => "Example response".to_string(),
    }
}

fn snippet_section(
    doc: &mut Doc,
    catalog: &Catalog,
    entry: &Entry,
    section: SnippetSection,
    theme: &Theme,
) {
    let snippet = snippets::snippet(catalog, entry, section.lang);
    doc.heading(&format!(
        "Return it: {} ({})",
        section.lang.label(),
        section.keys
    ));
    if let Some(note) = &snippet.note {
        let mark = if snippet.sendable { "Note: " } else { "⚠ " };
        doc.wrapped(note, theme.badge(), mark, "  ");
    }
    doc.block(&snippet.code);
}

fn header(doc: &mut Doc, catalog: &Catalog, entry: &Entry, theme: &Theme) {
    let class_style = theme
        .class(entry.class())
        .add_modifier(ratatui::style::Modifier::BOLD);
    let emoji = match entry.emoji.as_ref() {
        "" => String::new(),
        emoji => format!("  {emoji}"),
    };
    if width_of(&entry.title()) + width_of(&emoji) <= doc.width {
        doc.line(Line::from(vec![
            Span::styled(entry.title(), class_style),
            Span::raw(emoji),
        ]));
    } else {
        doc.wrapped(&entry.title(), class_style, "", "");
    }
    let mut badges = vec![format!(
        "{} {}",
        entry.class().mask(),
        entry.class().label()
    )];
    badges.push(match entry.vendor.as_ref() {
        "" => entry.origin.label().to_string(),
        vendor => format!("{} ({vendor})", entry.origin.label()),
    });
    badges.push(
        match entry.status {
            Status::Standard => "standard",
            Status::Temporary => "temporary registration",
            Status::Unused => "reserved, unused",
            Status::Obsoleted => "obsoleted",
            Status::Vendor => "vendor-specific",
            Status::Unofficial => "unofficial",
        }
        .to_string(),
    );
    if entry.cacheable {
        badges.push("cacheable".to_string());
    }
    doc.wrapped(&badges.join(" · "), theme.badge(), "", "");
    if !entry.summary.is_empty() {
        doc.wrapped(&entry.summary, theme.title(), "", "");
    }
    if !entry.playful.is_empty() {
        doc.wrapped(&entry.playful, theme.italic(), "", "");
    }
    let shared: Vec<String> = catalog
        .shares_number(entry)
        .map(|e| format!("{} ({}, {})", e.id, e.name, e.origin))
        .collect();
    if !shared.is_empty() {
        doc.wrapped(
            &format!(
                "⚠ {} is a shared number: also {}",
                entry.code,
                shared.join(", ")
            ),
            theme.error(),
            "",
            "  ",
        );
    }
}

fn text_section(doc: &mut Doc, title: &str, text: &str) {
    if !text.trim().is_empty() {
        doc.heading(title);
        doc.paragraph(text);
    }
}

fn spec(doc: &mut Doc, entry: &Entry, theme: &Theme) {
    if entry.spec.is_empty() {
        return;
    }
    doc.heading("In the spec's own words");
    for (i, s) in entry.spec.iter().enumerate() {
        if i > 0 {
            doc.blank();
        }
        let section = if s.section.is_empty() {
            String::new()
        } else if s.document.starts_with("RFC") {
            format!(" §{}", s.section)
        } else {
            format!(", {}", s.section)
        };
        doc.wrapped(&format!("{}{section}", s.document), theme.title(), "", "");
        doc.wrapped(&s.url, theme.dim(), "", "");
        if !s.quote.is_empty() {
            doc.wrapped(&format!("“{}”", s.quote), theme.quote(), "│ ", "│ ");
        }
        doc.wrapped(&s.plain, Style::new(), "In plain English: ", "  ");
    }
}

fn headers(doc: &mut Doc, entry: &Entry, theme: &Theme) {
    doc.heading("Headers");
    if entry.headers.is_empty() {
        doc.paragraph("No header is specific to this code.");
        return;
    }
    for h in &entry.headers {
        let rule = format!("{:?}", h.rule).to_lowercase();
        let name = Span::styled(h.name.clone(), theme.title());
        let level = Span::styled(rule, theme.requirement(h.rule));
        if width_of(&h.name) + 2 + width_of(&level.content) <= doc.width {
            doc.line(Line::from(vec![name, Span::raw("  "), level]));
        } else {
            doc.line(Line::from(name));
            doc.line(Line::from(vec![Span::raw("  "), level]));
        }
        doc.wrapped(&h.why, Style::new(), "  ", "  ");
    }
}

fn seo(doc: &mut Doc, entry: &Entry) {
    let seo = &entry.seo;
    if [&seo.indexing, &seo.crawling, &seo.canonical, &seo.google]
        .iter()
        .all(|s| s.is_empty())
    {
        return;
    }
    doc.heading("SEO");
    for (label, text) in [
        ("Indexing", &seo.indexing),
        ("Crawling", &seo.crawling),
        ("Canonical", &seo.canonical),
        ("Google", &seo.google),
    ] {
        if !text.is_empty() {
            doc.labelled(label, text);
        }
    }
}

fn links(doc: &mut Doc, catalog: &Catalog, title: &str, ids: &[httpdex_catalog::Text]) {
    if ids.is_empty() {
        return;
    }
    doc.heading(title);
    for id in ids {
        if let Some(other) = catalog.get(id) {
            let (code, name, summary) = (other.display_code(), &other.name, &other.summary);
            let line = match other.origin {
                Origin::Iana => format!("{code} {name}  {summary}"),
                origin => format!("{code} {name}  [{origin}] {summary}"),
            };
            doc.wrapped(&line, Style::new(), "→ ", "  ");
        }
    }
}

/// The guides that discuss the entry, with the section that does.
fn further_reading(doc: &mut Doc, entry: &Entry, theme: &Theme) {
    let reading = crate::guides::further_reading(&entry.id);
    if reading.is_empty() {
        return;
    }
    doc.heading("Further reading");
    for r in reading {
        let section = match r.heading {
            "" => String::new(),
            heading => format!(" § {heading}"),
        };
        let line = format!(
            "{}{section} ({} min; httpdex guide {})",
            r.title, r.minutes, r.slug
        );
        doc.wrapped(&line, theme.link(), "→ ", "  ");
    }
}

/// Display names of the stacks in `constants`, in display order.
pub(crate) const STACKS: [(&str, &str); 7] = [
    ("python", "Python"),
    ("go", "Go"),
    ("rust", "Rust (http)"),
    ("dotnet", ".NET"),
    ("spring", "Spring"),
    ("rails", "Rails"),
    ("php", "PHP (Symfony)"),
];

fn constants(doc: &mut Doc, catalog: &Catalog, entry: &Entry) {
    doc.heading("Named constants");
    let mut entry = entry;
    if entry.constants.is_empty() {
        let main = catalog
            .wire_status_entry(entry)
            .filter(|main| !main.constants.is_empty());
        let Some(main) = main else {
            doc.paragraph(
                "httpdex knows no named constant for this code in the stacks it covers: use the number.",
            );
            return;
        };
        doc.paragraph(&format!(
            "Clients see a plain {}, so these are {}'s constants:",
            main.code, main.code
        ));
        entry = main;
    }
    let known = STACKS
        .iter()
        .filter_map(|(key, label)| entry.constants.get(*key).map(|c| (label.to_string(), c)));
    let others = entry
        .constants
        .iter()
        .filter(|(k, _)| !STACKS.iter().any(|(key, _)| key == k))
        .map(|(k, v)| (k.to_string(), v));
    for (label, constant) in known.chain(others) {
        let value = Span::styled(constant.clone(), doc.theme.code_block());
        if 14 + width_of(constant) <= doc.width {
            doc.line(Line::from(vec![Span::raw(format!("{label:<14}")), value]));
        } else {
            // A narrow page: the constant goes under its stack.
            // (An identifier wider than the page stays whole.)
            doc.line(Line::from(label));
            doc.line(Line::from(value));
        }
    }
}

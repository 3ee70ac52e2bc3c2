//! The guides: long reads on an area (authentication, redirects, caching,
//! ...) that link to entries and to each other. Embedded from
//! `data/guides/*.md` at build time, parsed on first use.

mod parse;
mod render;

use std::sync::OnceLock;

pub use parse::{ParseError, anchor, parse};
pub use render::{LinkSpot, Rendered, render};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/guides.rs"));
}

#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// The entry ids the guide is mainly about.
    pub codes: Vec<String>,
    pub blocks: Vec<Block>,
    /// Words of prose, examples left out.
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `##` is level 2, `###` level 3; `anchor` is what `guide:slug#anchor` names.
    Heading {
        level: u8,
        text: String,
        anchor: String,
    },
    Paragraph(Vec<Inline>),
    Bullet(Vec<Inline>),
    Numbered(u32, Vec<Inline>),
    /// A verbatim RFC quote and where it is from.
    Quote {
        text: String,
        document: String,
        section: String,
    },
    /// An example exchange: a request and its response, or a response.
    Exchange(String),
    Code(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Code(String),
    Bold(String),
    Link { text: String, target: Target },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// An entry, by id.
    Code(String),
    /// A guide, at a section when the anchor is given.
    Guide {
        slug: String,
        anchor: Option<String>,
    },
    Web(String),
}

/// Words a minute for the reading time: a steady pace for technical prose.
const WORDS_PER_MINUTE: usize = 200;

impl Guide {
    /// Minutes to read it, rounded up, computed from its words.
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// The sections that link to entry `id`: (heading, anchor), in order;
    /// the text before the first heading counts as the top ("", "").
    pub fn sections_linking(&self, id: &str) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = Vec::new();
        let mut section = (String::new(), String::new());
        for block in &self.blocks {
            let inlines = match block {
                Block::Heading { text, anchor, .. } => {
                    section = (text.clone(), anchor.clone());
                    continue;
                }
                Block::Paragraph(i) | Block::Bullet(i) | Block::Numbered(_, i) => i,
                _ => continue,
            };
            let links_here = inlines.iter().any(|i| {
                matches!(i, Inline::Link { target: Target::Code(c), .. } if c.eq_ignore_ascii_case(id))
            });
            if links_here && !found.contains(&section) {
                found.push(section.clone());
            }
        }
        found
    }
}

/// Every guide, in file-name order. A guide that does not parse is left
/// out here (the tests name it); the app never fails for one.
pub fn all() -> &'static [Guide] {
    static GUIDES: OnceLock<Vec<Guide>> = OnceLock::new();
    GUIDES.get_or_init(|| {
        embedded::SOURCES
            .iter()
            .filter_map(|(slug, text)| parse(slug, text).ok())
            .collect()
    })
}

/// The embedded sources, (slug, text), for `--markdown` and the tests.
pub fn sources() -> &'static [(&'static str, &'static str)] {
    embedded::SOURCES
}

pub fn get(slug: &str) -> Option<&'static Guide> {
    all()
        .iter()
        .find(|g| g.slug.eq_ignore_ascii_case(slug.trim()))
}

/// Guides that discuss entry `id`, with the first section that links it:
/// the entry's "Further reading". Guides about the code (their `codes`
/// name it) come first, so 401 leads to the authentication guide.
pub fn further_reading(id: &str) -> Vec<(&'static Guide, String, String)> {
    let mut found: Vec<(&Guide, String, String)> = all()
        .iter()
        .filter_map(|g| {
            let (heading, anchor) = g.sections_linking(id).into_iter().next()?;
            Some((g, heading, anchor))
        })
        .collect();
    // By where the guide lists the code among its subjects; others last.
    found.sort_by_key(|(g, _, _)| {
        g.codes
            .iter()
            .position(|c| c.eq_ignore_ascii_case(id))
            .unwrap_or(usize::MAX)
    });
    found
}

/// Guides whose title, summary or headings hold every word of `query`
/// (`retry after`, `soft 404`), best first: title matches, then others. A
/// query word matches a whole word, or the start of one when it is three
/// characters or more (`404` finds "404s"; `40` finds nothing).
pub fn search(query: &str) -> Vec<&'static Guide> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let found_in = |text: &str| {
        let text: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        words.iter().all(|w| {
            text.iter()
                .any(|t| t == w || (w.chars().count() >= 3 && t.starts_with(w.as_str())))
        })
    };
    let mut hits: Vec<(bool, &Guide)> = all()
        .iter()
        .filter_map(|g| {
            let mut text = format!("{} {} {}", g.title, g.summary, g.slug);
            for b in &g.blocks {
                if let Block::Heading { text: h, .. } = b {
                    text.push(' ');
                    text.push_str(h);
                }
            }
            found_in(&text).then(|| (found_in(&g.title), g))
        })
        .collect();
    hits.sort_by_key(|(in_title, _)| !in_title);
    hits.into_iter().map(|(_, g)| g).collect()
}

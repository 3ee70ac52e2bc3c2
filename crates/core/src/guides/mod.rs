//! The guides: long reads on an area (authentication, redirects, caching,
//! ...) that link to entries and to each other. Embedded from
//! `data/guides/*.md` at build time, parsed on first use.

mod model;
mod parse;
mod render;

use std::sync::OnceLock;

pub use model::{Block, Guide, Inline, Target};
pub use parse::{ParseError, anchor, parse};
pub use render::{LinkSpot, Rendered, render};

mod embedded {
    use super::Reading;
    include!(concat!(env!("OUT_DIR"), "/guides.rs"));
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

/// A guide that discusses an entry, at the section that does: one line of
/// the entry's Further reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub slug: &'static str,
    pub title: &'static str,
    pub minutes: usize,
    /// The section's heading and anchor; empty for the text before any.
    pub heading: &'static str,
    pub anchor: &'static str,
}

/// Guides that discuss entry `id`, each at the first section that links
/// it; those that name the code among their subjects first, so 401 leads
/// to the authentication guide. Worked out at build time.
pub fn further_reading(id: &str) -> &'static [Reading] {
    let id = id.trim().to_lowercase();
    embedded::FURTHER
        .binary_search_by(|(key, _)| (*key).cmp(id.as_str()))
        .map_or(&[], |i| embedded::FURTHER[i].1)
}

/// Guides whose title, summary or headings hold every word of `query`
/// (`retry after`, `soft 404`), best first: title matches, then others. A
/// query word matches a whole word, or the start of one when it is three
/// characters or more (`404` finds "404s"; `40` finds nothing).
pub fn search(query: &str) -> Vec<&'static Guide> {
    let words = words_of(query);
    if words.is_empty() {
        return Vec::new();
    }
    let found_in = |text: &[String]| {
        words.iter().all(|w| {
            text.iter()
                .any(|t| t == w || (w.chars().count() >= 3 && t.starts_with(w.as_str())))
        })
    };
    let mut hits: Vec<(bool, &Guide)> = all()
        .iter()
        .zip(searchable())
        .filter(|(_, (_, text))| found_in(text))
        .map(|(g, (title, _))| (found_in(title), g))
        .collect();
    hits.sort_by_key(|(in_title, _)| !in_title);
    hits.into_iter().map(|(_, g)| g).collect()
}

/// Lower-cased words of `text`, split at anything not a letter or digit.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Per guide (in `all()`'s order), the words of its title, and of its
/// title, summary, slug and headings: made once, searched per keystroke.
fn searchable() -> &'static [(Vec<String>, Vec<String>)] {
    static WORDS: OnceLock<Vec<(Vec<String>, Vec<String>)>> = OnceLock::new();
    WORDS.get_or_init(|| {
        all()
            .iter()
            .map(|g| {
                let mut text = format!("{} {} {}", g.title, g.summary, g.slug);
                for b in &g.blocks {
                    if let Block::Heading { text: h, .. } = b {
                        text.push(' ');
                        text.push_str(h);
                    }
                }
                (words_of(&g.title), words_of(&text))
            })
            .collect()
    })
}

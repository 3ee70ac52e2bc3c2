//! Ranking: one function serves the TUI and every CLI command.
//!
//! Tiers, best first: exact code, code prefix or mask (`4`, `40`, `4xx`,
//! `50x`, `403.1`), words of the name, words of an alias, keywords, words of
//! the summary, typo-tolerant words, and last a fuzzy subsequence match.
//! Within a tier a higher score wins, then catalog order (by number, IANA
//! before vendors), so results are stable.

mod index;
mod words;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::{Catalog, Class, Entry, EntryRef, Origin, Text};
pub(crate) use index::SearchIndex;
pub use words::{EntryWords, edit_distance, words_of};
use words::{char_mask, match_words};

/// Longer queries are cut to this many chars before matching: nobody types
/// more, and it bounds the cost of fuzzy matching a pasted megabyte.
pub const MAX_QUERY_CHARS: usize = 128;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    pub class: Option<Class>,
    pub origin: Option<Origin>,
}

impl Filter {
    pub fn accepts(&self, entry: &Entry) -> bool {
        self.class.is_none_or(|c| entry.class() == c)
            && self.origin.is_none_or(|o| entry.origin == o)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Empty query: everything, in catalog order.
    All,
    ExactCode,
    CodePattern,
    Name,
    Alias,
    Keyword,
    Summary,
    Typo,
    Fuzzy,
}

/// One search result. Highlight indices count chars, not bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The entry that matched.
    pub entry: EntryRef,
    pub tier: Tier,
    pub score: i64,
    /// Chars of `Entry::display_code()` that matched.
    pub code_highlight: Vec<usize>,
    /// Chars of `Entry::name` that matched.
    pub name_highlight: Vec<usize>,
    /// The alias or keyword that matched, when the name did not.
    pub matched: Option<String>,
}

impl Hit {
    fn new(index: usize, tier: Tier, score: i64) -> Hit {
        Hit {
            entry: EntryRef::at(index),
            tier,
            score,
            code_highlight: Vec::new(),
            name_highlight: Vec::new(),
            matched: None,
        }
    }
}

/// Ranks the catalog for `query`, keeping only entries the filter accepts.
pub fn search(catalog: &Catalog, query: &str, filter: &Filter) -> Vec<Hit> {
    rank(
        catalog,
        &Query::new(catalog, normalize(query)),
        filter,
        None,
    )
}

/// The query as matched: trimmed, capped, lower-cased.
fn normalize(query: &str) -> String {
    let query: String = query.trim().chars().take(MAX_QUERY_CHARS).collect();
    query.to_lowercase()
}

/// What a search matched, kept so that typing one more character can rank
/// those entries instead of the whole catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Narrowing {
    query: String,
    filter: Filter,
    /// Catalog indices of every hit, sorted.
    matched: Vec<usize>,
}

/// `search`, reusing the previous search when the query only grew. An entry
/// that matches the longer query also matched the shorter one in every tier
/// but the typo tier (`frobidden` is one edit from `forbidden`, `frob` is
/// nothing), so the candidates are the previous hits plus the typo
/// matches, which the index finds without visiting entries.
pub fn search_narrowing(
    catalog: &Catalog,
    query: &str,
    filter: &Filter,
    previous: &mut Option<Narrowing>,
) -> Vec<Hit> {
    let query = Query::new(catalog, normalize(query));
    let candidates = previous
        .as_ref()
        .filter(|p| p.filter == *filter && can_narrow(&p.query, &query.text))
        .map(|p| {
            let mut candidates = p.matched.clone();
            let typo_matches = query.typos.iter().flatten().enumerate();
            candidates.extend(typo_matches.filter(|(_, t)| t.is_some()).map(|(i, _)| i));
            candidates.extend(catalog.index_of(&query.text));
            candidates.sort_unstable();
            candidates.dedup();
            candidates
        });
    let hits = rank(catalog, &query, filter, candidates.as_deref());
    let mut matched: Vec<usize> = hits.iter().map(|h| h.entry.index()).collect();
    matched.sort_unstable();
    *previous = Some(Narrowing {
        query: query.text,
        filter: *filter,
        matched,
    });
    hits
}

/// Whether every match of `new` is among the matches of `old`, typo
/// matches and exact ids aside: `new` extends `old`, `old` had words to
/// match with, and fuzzy matching (three chars with a letter) was already
/// on for `old` if it is on for `new`.
fn can_narrow(old: &str, new: &str) -> bool {
    let (fuzzy_old, fuzzy_new) = (fuzzy_applies(old), fuzzy_applies(new));
    new.starts_with(old) && !words_of(old).is_empty() && (fuzzy_old || !fuzzy_new)
}

/// Fuzzy matching needs three characters with a letter: digits scattered
/// through a long alias ("registered 2024-11-13") are noise, not a match
/// for `405` (numbers are matched as codes).
fn fuzzy_applies(query: &str) -> bool {
    query.chars().count() >= 3 && query.chars().any(char::is_alphabetic)
}

/// Ranks `candidates` (catalog indices, sorted), or every entry.
fn rank(catalog: &Catalog, q: &Query, filter: &Filter, candidates: Option<&[usize]>) -> Vec<Hit> {
    let all: Vec<usize>;
    let candidates = match candidates {
        Some(c) => c,
        None => {
            all = (0..catalog.entries().len()).collect();
            &all
        }
    };
    let candidates = candidates
        .iter()
        .map(|&i| (i, &catalog.entries()[i]))
        .filter(|(_, e)| filter.accepts(e));
    if q.text.is_empty() {
        return candidates.map(|(i, _)| Hit::new(i, Tier::All, 0)).collect();
    }
    let matcher = SkimMatcherV2::default();
    let index = catalog.search_index();
    let mut hits: Vec<Hit> = candidates
        .filter_map(|(i, entry)| rank_entry(i, entry, &index.entries[i], q, &matcher))
        .collect();
    // Ties go to the registered code: `rate limit` means 429 before
    // Twitter's 420, `unauth` 401 before AWS's 561.
    let is_vendor = |h: &Hit| catalog.entry(h.entry).origin != Origin::Iana;
    hits.sort_by(|a, b| {
        a.tier
            .cmp(&b.tier)
            .then(b.score.cmp(&a.score))
            .then(is_vendor(a).cmp(&is_vendor(b)))
            .then(a.entry.cmp(&b.entry))
    });
    hits
}

/// The query, lower-cased, and what is derived from it once per search.
struct Query {
    text: String,
    /// `text` lower-cased, for fuzzy matching against lower-cased names.
    lower: String,
    words: Vec<String>,
    /// Per entry, the edits its typo-able words need (see `SearchIndex`).
    typos: Option<Vec<Option<u16>>>,
    char_mask: u64,
}

impl Query {
    fn new(catalog: &Catalog, text: String) -> Query {
        let words = words_of(&text);
        // The empty query lists everything: no index needed.
        let typos = if text.is_empty() {
            None
        } else {
            catalog.search_index().typo_distances(&words)
        };
        Query {
            char_mask: char_mask(&text),
            lower: text.to_lowercase(),
            text,
            words,
            typos,
        }
    }
}

fn rank_entry(
    index: usize,
    entry: &Entry,
    entry_words: &EntryWords,
    query: &Query,
    matcher: &SkimMatcherV2,
) -> Option<Hit> {
    if let Some(hit) = match_code(index, entry, &query.text) {
        return Some(hit);
    }
    let words = query.words.as_slice();
    if words.is_empty() {
        return None;
    }
    if let Some(m) = match_words(&entry.name, &entry_words.name, words) {
        let mut hit = Hit::new(index, Tier::Name, m.score);
        hit.name_highlight = m.highlight;
        return Some(hit);
    }
    let best_alias = best_of(&entry.aliases, &entry_words.aliases, words);
    if let Some((score, alias)) = best_alias {
        let mut hit = Hit::new(index, Tier::Alias, score);
        hit.matched = Some(alias.to_string());
        return Some(hit);
    }
    let best_keyword = best_of(&entry.keywords, &entry_words.keywords, words);
    if let Some((score, keyword)) = best_keyword {
        let mut hit = Hit::new(index, Tier::Keyword, score);
        hit.matched = Some(keyword.to_string());
        return Some(hit);
    }
    if let Some(m) = match_words(&entry.summary, &entry_words.summary, words) {
        return Some(Hit::new(index, Tier::Summary, m.score));
    }
    if let Some(edits) = query.typos.as_ref().and_then(|t| t[index]) {
        let mut hit = Hit::new(index, Tier::Typo, 100 - 10 * i64::from(edits));
        hit.name_highlight = matcher
            .fuzzy_indices(&entry.name, &query.text)
            .map(|(_, idx)| idx)
            .unwrap_or_default();
        return Some(hit);
    }
    // A subsequence match needs every letter of the query somewhere.
    if query.char_mask & !entry_words.char_mask != 0 {
        return None;
    }
    match_fuzzy(index, entry, entry_words, &query.lower, matcher)
}

/// The best-scoring text among `texts` (aliases or keywords), if any matches.
fn best_of<'e>(
    texts: &'e [Text],
    spans: &[Vec<words::WordSpan>],
    words: &[String],
) -> Option<(i64, &'e Text)> {
    texts
        .iter()
        .zip(spans)
        .filter_map(|(t, s)| match_words(t, s, words).map(|m| (m.score, t)))
        .max_by_key(|(score, _)| *score)
}

/// Exact code or id, or a code prefix with `x` as a wildcard digit.
fn match_code(index: usize, entry: &Entry, query: &str) -> Option<Hit> {
    let code = entry.display_code();
    if query == code || query.eq_ignore_ascii_case(&entry.id) {
        let mut hit = Hit::new(index, Tier::ExactCode, 0);
        hit.code_highlight = (0..code.chars().count()).collect();
        return Some(hit);
    }
    let is_pattern = query.starts_with(|c: char| c.is_ascii_digit())
        && query
            .chars()
            .all(|c| c.is_ascii_digit() || c == 'x' || c == '.');
    if !is_pattern || query.len() > code.len() {
        return None;
    }
    let matches = query
        .chars()
        .zip(code.chars())
        .all(|(q, c)| q == c || (q == 'x' && c.is_ascii_digit()));
    if !matches {
        return None;
    }
    // Shorter codes first, so `40` lists 400..409 before 403.14.
    let mut hit = Hit::new(index, Tier::CodePattern, -(code.len() as i64));
    hit.code_highlight = query
        .chars()
        .enumerate()
        .filter(|(_, c)| *c != 'x')
        .map(|(i, _)| i)
        .collect();
    Some(hit)
}

/// Subsequence match on the name or an alias, for abbreviations (`tmr`).
fn match_fuzzy(
    index: usize,
    entry: &Entry,
    words: &EntryWords,
    query: &str,
    matcher: &SkimMatcherV2,
) -> Option<Hit> {
    if !fuzzy_applies(query) {
        return None;
    }
    if let Some((score, indices)) = matcher.fuzzy_indices(&words.name_lower, query) {
        let mut hit = Hit::new(index, Tier::Fuzzy, score);
        hit.name_highlight = indices;
        return Some(hit);
    }
    entry
        .aliases
        .iter()
        .zip(&words.aliases_lower)
        .filter_map(|(a, lower)| matcher.fuzzy_match(lower, query).map(|s| (s, a)))
        .max_by_key(|(s, _)| *s)
        .map(|(score, alias)| {
            let mut hit = Hit::new(index, Tier::Fuzzy, score);
            hit.matched = Some(alias.to_string());
            hit
        })
}

/// Entries to offer after a failed lookup: the best search hits, or codes
/// one digit away (`4040` → 404).
pub fn suggestions<'a>(catalog: &'a Catalog, query: &str, limit: usize) -> Vec<&'a Entry> {
    let hits = search(catalog, query, &Filter::default());
    let mut out: Vec<&Entry> = hits
        .iter()
        .take(limit)
        .map(|h| catalog.entry(h.entry))
        .collect();
    if out.is_empty() {
        let query = query.trim();
        // Nearest first; at equal distance a code the query starts with
        // (`4040` → 404) beats one it merely resembles (400).
        let mut near: Vec<(usize, bool, usize)> = catalog
            .entries()
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let code = e.display_code();
                (edit_distance(query, code), !query.starts_with(code), i)
            })
            .filter(|(d, _, _)| *d <= 1)
            .collect();
        near.sort();
        out = near
            .into_iter()
            .take(limit)
            .map(|(_, _, i)| &catalog.entries()[i])
            .collect();
    }
    out
}

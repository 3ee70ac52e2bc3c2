//! Ranking: one function serves the TUI and every CLI command.
//!
//! Tiers, best first: exact code, code prefix or mask (`4`, `40`, `4xx`,
//! `50x`, `403.1`), words of the name, words of an alias, keywords, words of
//! the summary, typo-tolerant words, and last a fuzzy subsequence match.
//! Within a tier a higher score wins, then catalog order (by number, IANA
//! before vendors), so results are stable.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::catalog::{Catalog, Class, Entry, Origin};

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
    /// Index into `Catalog::entries()`.
    pub index: usize,
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
            index,
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
    let query: String = query.trim().chars().take(MAX_QUERY_CHARS).collect();
    let query = query.to_lowercase();
    let candidates = catalog
        .entries()
        .iter()
        .enumerate()
        .filter(|(_, e)| filter.accepts(e));
    if query.is_empty() {
        return candidates.map(|(i, _)| Hit::new(i, Tier::All, 0)).collect();
    }
    let words = words_of(&query);
    let matcher = SkimMatcherV2::default();
    let mut hits: Vec<Hit> = candidates
        .filter_map(|(i, entry)| rank_entry(i, entry, &query, &words, &matcher))
        .collect();
    // Ties go to the registered code: `rate limit` means 429 before
    // Twitter's 420, `unauth` 401 before AWS's 561.
    let is_vendor = |h: &Hit| catalog.entries()[h.index].origin != Origin::Iana;
    hits.sort_by(|a, b| {
        a.tier
            .cmp(&b.tier)
            .then(b.score.cmp(&a.score))
            .then(is_vendor(a).cmp(&is_vendor(b)))
            .then(a.index.cmp(&b.index))
    });
    hits
}

fn rank_entry(
    index: usize,
    entry: &Entry,
    query: &str,
    words: &[String],
    matcher: &SkimMatcherV2,
) -> Option<Hit> {
    if let Some(hit) = match_code(index, entry, query) {
        return Some(hit);
    }
    if words.is_empty() {
        return None;
    }
    if let Some(m) = match_words(&entry.name, words) {
        let mut hit = Hit::new(index, Tier::Name, m.score);
        hit.name_highlight = m.highlight;
        return Some(hit);
    }
    let best_alias = entry
        .aliases
        .iter()
        .filter_map(|a| match_words(a, words).map(|m| (m.score, a)))
        .max_by_key(|(score, _)| *score);
    if let Some((score, alias)) = best_alias {
        let mut hit = Hit::new(index, Tier::Alias, score);
        hit.matched = Some(alias.clone());
        return Some(hit);
    }
    let best_keyword = entry
        .keywords
        .iter()
        .filter_map(|k| match_words(k, words).map(|m| (m.score, k)))
        .max_by_key(|(score, _)| *score);
    if let Some((score, keyword)) = best_keyword {
        let mut hit = Hit::new(index, Tier::Keyword, score);
        hit.matched = Some(keyword.clone());
        return Some(hit);
    }
    if let Some(m) = match_words(&entry.summary, words) {
        return Some(Hit::new(index, Tier::Summary, m.score));
    }
    if let Some(score) = match_typos(entry, words) {
        let mut hit = Hit::new(index, Tier::Typo, score);
        hit.name_highlight = matcher
            .fuzzy_indices(&entry.name, query)
            .map(|(_, idx)| idx)
            .unwrap_or_default();
        return Some(hit);
    }
    match_fuzzy(index, entry, query, matcher)
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

/// Lower-case words, apostrophes dropped (`I'm` → `im`).
pub fn words_of(text: &str) -> Vec<String> {
    word_spans(text).into_iter().map(|w| w.word).collect()
}

struct WordSpan {
    word: String,
    /// Char index of the word's first char in the original text.
    start: usize,
}

fn word_spans(text: &str) -> Vec<WordSpan> {
    let mut spans = Vec::new();
    let mut current: Option<WordSpan> = None;
    for (i, ch) in text.chars().enumerate() {
        if ch.is_alphanumeric() {
            let span = current.get_or_insert_with(|| WordSpan {
                word: String::new(),
                start: i,
            });
            span.word.extend(ch.to_lowercase());
        } else if ch == '\'' || ch == '’' {
            // Part of the word but not of its matchable letters.
        } else if let Some(span) = current.take() {
            spans.push(span);
        }
    }
    spans.extend(current);
    spans
}

struct WordMatch {
    score: i64,
    highlight: Vec<usize>,
}

/// Every query word must be a prefix of a distinct word of `text`, in
/// order. Whole words, consecutive words and short texts score higher.
fn match_words(text: &str, query_words: &[String]) -> Option<WordMatch> {
    let spans = word_spans(text);
    let mut score = 0;
    let mut highlight = Vec::new();
    let mut next = 0;
    let mut previous: Option<usize> = None;
    for q in query_words {
        let found = (next..spans.len()).find(|&i| spans[i].word.starts_with(q.as_str()))?;
        let span = &spans[found];
        score += 10;
        if span.word == *q {
            score += 5;
        }
        if previous.is_some_and(|p| p + 1 == found) || (previous.is_none() && found == 0) {
            score += 3;
        }
        highlight.extend(highlight_prefix(text, span.start, q.chars().count()));
        previous = Some(found);
        next = found + 1;
    }
    score -= spans.len() as i64;
    Some(WordMatch { score, highlight })
}

/// Char indices covering `len` letters from `start`, skipping apostrophes.
fn highlight_prefix(text: &str, start: usize, len: usize) -> Vec<usize> {
    text.chars()
        .enumerate()
        .skip(start)
        .filter(|(_, c)| c.is_alphanumeric())
        .take(len)
        .map(|(i, _)| i)
        .collect()
}

/// Each query word of four or more letters (digits are codes, not typos)
/// within a small edit distance of
/// some word of the name, aliases or keywords (`gatway`, `unauthorised`).
fn match_typos(entry: &Entry, query_words: &[String]) -> Option<i64> {
    let long: Vec<&String> = query_words
        .iter()
        .filter(|w| w.len() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    if long.is_empty() {
        return None;
    }
    let vocabulary: Vec<String> = std::iter::once(&entry.name)
        .chain(&entry.aliases)
        .chain(&entry.keywords)
        .flat_map(|t| words_of(t))
        .collect();
    let mut total = 0;
    for q in long {
        let allowed = if q.len() >= 8 { 2 } else { 1 };
        let best = vocabulary
            .iter()
            .map(|w| edit_distance(q, w))
            .min()
            .filter(|&d| d <= allowed)?;
        total += best as i64;
    }
    Some(100 - 10 * total)
}

/// Damerau-Levenshtein distance (optimal string alignment), on chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// Subsequence match on the name or an alias, for abbreviations (`tmr`).
fn match_fuzzy(index: usize, entry: &Entry, query: &str, matcher: &SkimMatcherV2) -> Option<Hit> {
    if query.chars().count() < 3 {
        return None;
    }
    if let Some((score, indices)) = matcher.fuzzy_indices(&entry.name, query) {
        let mut hit = Hit::new(index, Tier::Fuzzy, score);
        hit.name_highlight = indices;
        return Some(hit);
    }
    entry
        .aliases
        .iter()
        .filter_map(|a| matcher.fuzzy_match(a, query).map(|s| (s, a)))
        .max_by_key(|(s, _)| *s)
        .map(|(score, alias)| {
            let mut hit = Hit::new(index, Tier::Fuzzy, score);
            hit.matched = Some(alias.clone());
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
        .map(|h| &catalog.entries()[h.index])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_one_edit_per_typo() {
        assert_eq!(edit_distance("gatway", "gateway"), 1);
        assert_eq!(edit_distance("fobridden", "forbidden"), 1);
        assert_eq!(edit_distance("unauthorised", "unauthorized"), 1);
        assert_eq!(edit_distance("teapot", "teapot"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn words_drop_apostrophes_and_punctuation() {
        assert_eq!(words_of("I'm a Teapot"), vec!["im", "a", "teapot"]);
        assert_eq!(
            words_of("Request-URI Too Long"),
            vec!["request", "uri", "too", "long"]
        );
    }

    #[test]
    fn word_matches_need_every_query_word_in_order() {
        let words = |q: &str| words_of(q);
        assert!(match_words("Request Entity Too Large", &words("entity too large")).is_some());
        assert!(match_words("Request Entity Too Large", &words("large entity")).is_none());
        let m = match_words("Not Found", &words("not fo")).unwrap();
        assert_eq!(m.highlight, vec![0, 1, 2, 4, 5]);
        // A whole-word phrase beats a prefix scattered through a longer name.
        let exact = match_words("Not Found", &words("not found")).unwrap();
        let loose = match_words("Not Really Found Anywhere", &words("not found")).unwrap();
        assert!(exact.score > loose.score);
    }

    #[test]
    fn highlight_prefix_skips_apostrophes() {
        assert_eq!(highlight_prefix("I'm a teapot", 0, 2), vec![0, 2]);
    }
}

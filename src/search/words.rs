//! Words: tokenising, word-prefix matching and typo distance, over word
//! lists computed once per entry (see `EntryWords`).

use crate::catalog::Entry;

/// One word of a text, lower-cased, apostrophes dropped (`I'm` → `im`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordSpan {
    pub word: String,
    /// Char index of the word's first char in the original text.
    pub start: usize,
}

pub fn word_spans(text: &str) -> Vec<WordSpan> {
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

pub fn words_of(text: &str) -> Vec<String> {
    word_spans(text).into_iter().map(|w| w.word).collect()
}

/// The words of an entry's searchable texts, computed once per catalog.
#[derive(Debug, Clone, Default)]
pub struct EntryWords {
    pub name: Vec<WordSpan>,
    pub aliases: Vec<Vec<WordSpan>>,
    pub keywords: Vec<Vec<WordSpan>>,
    pub summary: Vec<WordSpan>,
    /// Distinct words of the name, aliases and keywords, for typo matching.
    pub vocabulary: Vec<String>,
}

impl EntryWords {
    pub fn new(entry: &Entry) -> EntryWords {
        let all = |texts: &[String]| texts.iter().map(|t| word_spans(t)).collect::<Vec<_>>();
        let name = word_spans(&entry.name);
        let aliases = all(&entry.aliases);
        let keywords = all(&entry.keywords);
        let mut vocabulary: Vec<String> = std::iter::once(&name)
            .chain(&aliases)
            .chain(&keywords)
            .flatten()
            .map(|w| w.word.clone())
            .collect();
        vocabulary.sort();
        vocabulary.dedup();
        EntryWords {
            name,
            aliases,
            keywords,
            summary: word_spans(&entry.summary),
            vocabulary,
        }
    }
}

pub struct WordMatch {
    pub score: i64,
    /// Char indices of the matched letters in the original text.
    pub highlight: Vec<usize>,
}

/// Every query word must be a prefix of a distinct word of `spans`, in
/// order. Whole words, consecutive words and short texts score higher.
/// `text` is the original text, used to place the highlight.
pub fn match_words(text: &str, spans: &[WordSpan], query_words: &[String]) -> Option<WordMatch> {
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
pub fn highlight_prefix(text: &str, start: usize, len: usize) -> Vec<usize> {
    text.chars()
        .enumerate()
        .skip(start)
        .filter(|(_, c)| c.is_alphanumeric())
        .take(len)
        .map(|(i, _)| i)
        .collect()
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

/// Each query word of four or more letters (digits are codes, not typos)
/// within a small edit distance of some word of the vocabulary
/// (`gatway`, `unauthorised`). Returns a score: fewer edits, higher.
pub fn match_typos(vocabulary: &[String], query_words: &[String]) -> Option<i64> {
    let long: Vec<&String> = query_words
        .iter()
        .filter(|w| w.len() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    if long.is_empty() {
        return None;
    }
    let mut total = 0;
    for q in long {
        let allowed = if q.len() >= 8 { 2 } else { 1 };
        let best = vocabulary
            .iter()
            // Lengths further apart than the allowance cannot be close.
            .filter(|w| w.len().abs_diff(q.len()) <= allowed)
            .map(|w| edit_distance(q, w))
            .min()
            .filter(|&d| d <= allowed)?;
        total += best as i64;
    }
    Some(100 - 10 * total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(text: &str, query: &str) -> Option<WordMatch> {
        match_words(text, &word_spans(text), &words_of(query))
    }

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
        assert!(matches("Request Entity Too Large", "entity too large").is_some());
        assert!(matches("Request Entity Too Large", "large entity").is_none());
        assert_eq!(
            matches("Not Found", "not fo").unwrap().highlight,
            vec![0, 1, 2, 4, 5]
        );
        // A whole-word phrase beats a prefix scattered through a longer name.
        let exact = matches("Not Found", "not found").unwrap();
        let loose = matches("Not Really Found Anywhere", "not found").unwrap();
        assert!(exact.score > loose.score);
    }

    #[test]
    fn highlight_prefix_skips_apostrophes() {
        assert_eq!(highlight_prefix("I'm a teapot", 0, 2), vec![0, 2]);
    }

    #[test]
    fn typos_ignore_numbers_and_short_words() {
        let vocabulary = words_of("bad gateway 404");
        assert!(match_typos(&vocabulary, &words_of("gatway")).is_some());
        assert!(match_typos(&vocabulary, &words_of("4040")).is_none());
        assert!(match_typos(&vocabulary, &words_of("bax")).is_none());
    }
}

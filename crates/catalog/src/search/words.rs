//! Words: tokenising, word-prefix matching and typo distance, over word
//! lists computed once per entry (see `EntryWords`).

use crate::{Entry, Text};

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
    /// Which of a-z and 0-9 occur in the name and aliases: a fuzzy match
    /// needs every query character, so most entries are ruled out at once.
    pub char_mask: u64,
    /// The name and aliases lower-cased char for char (positions kept, for
    /// highlighting): fuzzy scores then do not depend on capitals, so
    /// "Not Found" and IIS's "Not found" tie and the tie-break decides.
    pub name_lower: String,
    pub aliases_lower: Vec<String>,
}

/// `text` lower-cased one char for one char.
fn lower_per_char(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

impl EntryWords {
    pub fn new(entry: &Entry) -> EntryWords {
        let all = |texts: &[Text]| texts.iter().map(|t| word_spans(t)).collect::<Vec<_>>();
        let name = word_spans(&entry.name);
        let aliases = all(&entry.aliases);
        let keywords = all(&entry.keywords);
        let char_mask = std::iter::once(&entry.name)
            .chain(&entry.aliases)
            .map(|t| char_mask(t))
            .fold(0, |a, b| a | b);
        EntryWords {
            name,
            aliases,
            keywords,
            summary: word_spans(&entry.summary),
            char_mask,
            name_lower: lower_per_char(&entry.name),
            aliases_lower: entry.aliases.iter().map(|a| lower_per_char(a)).collect(),
        }
    }

    /// Every word of the name, aliases and keywords (with repeats).
    pub fn vocabulary(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&self.name)
            .chain(&self.aliases)
            .chain(&self.keywords)
            .flatten()
            .map(|w| w.word.as_str())
    }
}

/// One bit per ASCII letter and digit present (case-insensitive).
pub fn char_mask(text: &str) -> u64 {
    text.chars().fold(0, |mask, c| {
        let c = c.to_ascii_lowercase();
        match c {
            'a'..='z' => mask | 1 << (c as u32 - 'a' as u32),
            '0'..='9' => mask | 1 << (26 + c as u32 - '0' as u32),
            _ => mask,
        }
    })
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
    edit_distance_chars(&a, &b)
}

/// `edit_distance` on chars already collected: the typo search compares one
/// query word with every word of the vocabulary, so neither is collected
/// again, and three rolling rows replace the whole table.
pub fn edit_distance_chars(a: &[char], b: &[char]) -> usize {
    // Rows i-2, i-1 and i of the table.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// How many edits a query word may have and still match: words of four
/// or more letters only (digits are codes, not typos), two for long words.
pub fn typo_allowance(word: &str) -> Option<usize> {
    let letters = word.chars().count();
    if letters < 4 || !word.chars().all(char::is_alphabetic) {
        None
    } else if letters >= 8 {
        Some(2)
    } else {
        Some(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(text: &str, query: &str) -> Option<WordMatch> {
        match_words(text, &word_spans(text), &words_of(query))
    }

    /// The whole table, as the rolling rows must compute it.
    fn full_table(a: &str, b: &str) -> usize {
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

    proptest::proptest! {
        #[test]
        fn rolling_rows_equal_the_full_table(a in "[abc]{0,8}", b in "[abc]{0,8}") {
            proptest::prop_assert_eq!(edit_distance(&a, &b), full_table(&a, &b));
        }
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
        assert_eq!(typo_allowance("gatway"), Some(1));
        assert_eq!(typo_allowance("unauthorised"), Some(2));
        assert_eq!(typo_allowance("4040"), None);
        assert_eq!(typo_allowance("bax"), None);
    }

    #[test]
    fn char_masks_cover_letters_and_digits() {
        assert_eq!(char_mask("Ab1"), char_mask("ba1"));
        assert_eq!(char_mask("a") | char_mask("z"), char_mask("az"));
        assert_ne!(char_mask("x") & char_mask("Bad Gateway"), char_mask("x"));
    }
}

//! Greedy word wrapping by display width. Hand-written because it runs for
//! every paragraph of every detail page and table cell: the measurement in
//! `benches/` and callgrind showed textwrap costing more than the rest of a
//! one-shot `httpdex show` together.

use unicode_width::UnicodeWidthStr;

/// Display width, with the common all-ASCII case counted directly.
pub fn width_of(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.width()
    }
}

/// `wrap` for text of several paragraphs (separated by `\n`), each
/// starting a new line: `first` prefixes the very first line, `rest` every
/// other one.
pub(crate) fn wrap_paragraphs(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, paragraph) in text.split('\n').enumerate() {
        let lead = if i == 0 { first } else { rest };
        lines.extend(wrap(paragraph, width, lead, rest));
    }
    lines
}

/// Cuts `text` to at most `max` columns of display width, marking the cut
/// with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if width_of(text) <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(1);
    let mut used = 0;
    let mut cut: String = text
        .chars()
        .take_while(|&ch| {
            used += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            used <= room
        })
        .collect();
    cut.push('…');
    cut
}

/// `text` padded with spaces to `width` columns of display width.
pub fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(width_of(text))))
}

/// Wraps `text` to `width` columns: `first` prefixes the first line and
/// `rest` the others. Runs of ASCII whitespace collapse to one space; a
/// word wider than a line is split, never cut. An empty text gives one line
/// holding `first`.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    if is_plain(text) {
        return wrap_plain(text, width, first, rest);
    }
    wrap_words(text, width, first, rest, Vec::new())
}

/// ASCII words with single spaces between them, the usual text: columns
/// are bytes and every line is a slice of the text, so a line costs one
/// backward search for a space instead of a walk over every word.
fn is_plain(text: &str) -> bool {
    // Starting as if after a space refuses a leading space; ending so
    // refuses a trailing one and the empty text.
    let mut after_space = true;
    for &b in text.as_bytes() {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if b.is_ascii_whitespace() || !b.is_ascii() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space
}

/// `wrap` for text that `is_plain`, with the same lines as `wrap_words`.
fn wrap_plain(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut left = text;
    let mut prefix = first;
    loop {
        let room = width.saturating_sub(width_of(prefix));
        let take = if left.len() <= room {
            left.len()
        } else {
            // The last space that leaves the line within the width: the
            // line is the words before it.
            match left.as_bytes()[..=room].iter().rposition(|&b| b == b' ') {
                Some(space) => space,
                // A word wider than the line: the general path splits it.
                None => return wrap_words(left, width, prefix, rest, lines),
            }
        };
        let mut line = String::with_capacity(prefix.len() + take);
        line.push_str(prefix);
        line.push_str(&left[..take]);
        lines.push(line);
        if take == left.len() {
            return lines;
        }
        left = &left[take + 1..];
        prefix = rest;
    }
}

/// The general greedy wrap, appending to `lines`.
fn wrap_words(
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    mut lines: Vec<String>,
) -> Vec<String> {
    // Room for a full line up front: growing it cost more than the wrapping.
    let new_line = |prefix: &str| {
        let mut line = String::with_capacity(width + 16);
        line.push_str(prefix);
        line
    };
    let mut line = new_line(first);
    let mut used = width_of(first);
    let mut empty = true;
    for word in text.split_ascii_whitespace() {
        // Word by word: a paragraph with one curly quote still has
        // mostly ASCII words, which need no width table.
        let w = width_of(word);
        let gap = usize::from(!empty);
        if !empty && used + gap + w > width {
            lines.push(std::mem::replace(&mut line, new_line(rest)));
            used = width_of(rest);
            empty = true;
        }
        if empty && used + w > width {
            // Too wide for any line: split it by characters.
            for ch in word.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                if used + cw > width && !empty {
                    lines.push(std::mem::replace(&mut line, new_line(rest)));
                    used = width_of(rest);
                }
                line.push(ch);
                used += cw;
                empty = false;
            }
            continue;
        }
        if !empty {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += w;
        empty = false;
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn wraps_at_word_boundaries_with_indents() {
        assert_eq!(
            wrap("the quick brown fox jumps", 12, "• ", "  "),
            vec!["• the quick", "  brown fox", "  jumps"]
        );
    }

    #[test]
    fn long_words_are_split_not_cut() {
        let lines = wrap("a abcdefghijkl b", 5, "", "");
        assert_eq!(lines, vec!["a", "abcde", "fghij", "kl b"]);
        assert!(lines.iter().all(|l| l.chars().count() <= 5));
    }

    #[test]
    fn counts_display_width_not_bytes() {
        assert_eq!(wrap("é é é", 3, "", ""), vec!["é é", "é"]);
        assert_eq!(wrap("語語 語", 4, "", ""), vec!["語語", "語"]);
    }

    #[test]
    fn truncate_and_pad_count_display_width() {
        use super::{pad, truncate};
        assert_eq!(truncate("Not Found", 20), "Not Found");
        assert_eq!(truncate("Not Found", 5), "Not …");
        assert_eq!(truncate("語語語語", 5), "語語…");
        assert_eq!(pad("語", 4), "語  ");
    }

    #[test]
    fn runs_of_whitespace_collapse() {
        assert_eq!(wrap("a  b\tc \u{a0}d", 20, "", ""), vec!["a b c \u{a0}d"]);
    }

    #[test]
    fn only_ascii_words_with_single_spaces_take_the_plain_path() {
        use super::is_plain;
        assert!(is_plain("not found"));
        for text in ["", " a", "a ", "a  b", "a\tb", "a\nb", "caf\u{e9}"] {
            assert!(!is_plain(text), "{text:?}");
        }
    }

    #[test]
    fn empty_text_keeps_its_prefix() {
        assert_eq!(wrap("", 10, "A: ", ""), vec!["A: "]);
    }

    /// The text of `lines` without their prefixes and without whitespace.
    fn letters(lines: &[String], first: &str, rest: &str) -> String {
        lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let prefix = if i == 0 { first } else { rest };
                line.strip_prefix(prefix)
                    .expect("every line starts with its prefix")
            })
            .flat_map(str::split_ascii_whitespace)
            .collect()
    }

    proptest::proptest! {
        /// The fast path for plain text gives exactly the general lines.
        #[test]
        fn plain_text_wraps_as_the_general_path_does(
            text in "[a-z]{1,12}( [a-z]{1,12}){0,20}",
            width in 1usize..40,
            first in proptest::sample::select(vec!["", "• ", "Q: ", "│ "]),
            rest in proptest::sample::select(vec!["", "  ", "   "]),
        ) {
            proptest::prop_assert!(super::is_plain(&text));
            proptest::prop_assert_eq!(
                super::wrap_plain(&text, width, first, rest),
                super::wrap_words(&text, width, first, rest, Vec::new())
            );
        }

        #[test]
        fn loses_nothing_and_overflows_only_by_one_char(
            text in "[a-z é語🙂\t.-]{0,80}",
            width in 1usize..30,
            first in proptest::sample::select(vec!["", "• ", "Q: ", "│ "]),
            rest in proptest::sample::select(vec!["", "  ", "   "]),
        ) {
            let lines = wrap(&text, width, first, rest);
            let words: String = text.split_ascii_whitespace().collect();
            proptest::prop_assert_eq!(letters(&lines, first, rest), words);
            for (i, line) in lines.iter().enumerate() {
                let prefix = if i == 0 { first } else { rest };
                let body = &line[prefix.len()..];
                // Wider than the width only where the prefix leaves no room
                // for the one character the line must hold.
                proptest::prop_assert!(
                    line.width() <= width || body.chars().count() <= 1,
                    "{line:?} is wider than {width}"
                );
            }
        }
    }
}

//! The app's one-line boxes (the search, the Check screen's URL, the Logs
//! screen's path): what typing and pasting may put in them. One rule for
//! all three, so that no box takes a control character, a bidi override
//! or a megabyte of text.

use httpdex_core::safe;

/// The longest URL the Check screen takes; browsers and servers refuse
/// longer ones well before this.
pub(super) const MAX_URL_CHARS: usize = 8192;
/// The longest path the Logs screen takes (Linux's PATH_MAX).
pub(super) const MAX_PATH_CHARS: usize = 4096;

/// Whether a typed character may go into a box.
pub(super) fn accepts(c: char) -> bool {
    !c.is_control() && !safe::is_unsafe(c)
}

/// Types `c` into `line` unless it is refused or the box is full.
pub(super) fn type_char(line: &mut String, c: char, cap: usize) -> bool {
    let fits = accepts(c) && line.chars().count() < cap;
    if fits {
        line.push(c);
    }
    fits
}

/// Pasted text as one line: runs of white space (newlines included)
/// become one space, refused characters go.
pub(super) fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || !accepts(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Appends `text` to `line`, which holds at most `cap` characters. Some
/// of it was cut when this returns the note to show.
pub(super) fn append(line: &mut String, text: &str, cap: usize, what: &str) -> Option<String> {
    let room = cap.saturating_sub(line.chars().count());
    let mut kept = 0;
    for c in text.chars().take(room) {
        line.push(c);
        kept += 1;
    }
    (kept < text.chars().count())
        .then(|| format!("The paste was cut to the {what}'s {cap} characters"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_drops_controls_and_bidi_and_joins_lines() {
        assert_eq!(
            one_line("  not\r\n\tfound\x1b[2J\u{202e}x  "),
            "not found [2J x"
        );
    }

    #[test]
    fn typing_and_pasting_stop_at_the_cap_and_say_so() {
        let mut line = String::from("ab");
        assert!(!type_char(&mut line, '\u{202e}', 4));
        assert!(type_char(&mut line, 'c', 4));
        assert_eq!(
            append(&mut line, "xyz", 4, "URL box"),
            Some("The paste was cut to the URL box's 4 characters".into())
        );
        assert_eq!(line, "abcx");
        assert!(!type_char(&mut line, 'd', 4));
        assert_eq!(append(&mut line, "", 4, "URL box"), None);
    }
}

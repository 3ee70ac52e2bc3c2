//! String literals and comments in each target language. Values come from
//! the catalog (and from users' extension files), so everything pasted into
//! code goes through one of these.

use super::Syntax;

/// A double-quoted literal with `\\` and `\"` escapes: valid in JavaScript,
/// Python, Go, Rust, Java and C#, and in nginx and Apache configuration.
pub(crate) fn dq(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A single-quoted literal with `\\` and `\'` escapes: JavaScript, Python,
/// PHP (where double quotes would interpolate `$`), Ruby.
pub(crate) fn sq(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A Ruby double-quoted literal: `#` is escaped so `#{`, `#$` and `#@`
/// cannot interpolate.
pub(crate) fn ruby(text: &str) -> String {
    dq(text).replace('#', "\\#")
}

/// Line comments wrapping `text` at about 76 columns, each paragraph
/// (separated by `\n`) starting on a new line.
pub(crate) fn comment(syntax: Syntax, indent: &str, text: &str) -> String {
    let marker = syntax.comment();
    let width = 76usize
        .saturating_sub(indent.len() + marker.len() + 1)
        .max(20);
    let mut out = String::new();
    for line in crate::wrap::wrap_paragraphs(text, width, "", "") {
        out.push_str(indent);
        out.push_str(marker);
        if !line.is_empty() {
            out.push(' ');
            out.push_str(&line);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_escape_their_delimiters() {
        assert_eq!(dq(r#"Bearer realm="api""#), r#""Bearer realm=\"api\"""#);
        assert_eq!(sq("I'm a teapot"), r"'I\'m a teapot'");
        assert_eq!(ruby("#{x}"), r#""\#{x}""#);
    }

    #[test]
    fn comments_wrap() {
        let text = "word ".repeat(40);
        let out = comment(Syntax::Python, "    ", text.trim());
        assert!(
            out.lines()
                .all(|l| l.starts_with("    # ") && l.len() <= 80)
        );
    }
}

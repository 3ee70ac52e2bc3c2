//! The one rule for text that did not come from us (a user's extension
//! file, a pasted query, a server's headers, a log line) on its way to a
//! terminal: control characters and bidirectional overrides never reach it
//! raw. An escape sequence could retitle the window, clear the screen or
//! write the clipboard (OSC 52); a bidi override could make text read
//! differently from what it is.

use std::borrow::Cow;

/// C0 controls except newline and tab, DEL, C1 controls, the bidi
/// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and
/// the bidi marks (U+061C, U+200E, U+200F).
pub fn is_unsafe(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}')
        || matches!(
            c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{200e}' | '\u{200f}'
        )
}

/// `text` with every unsafe character written out visibly (`\x1b`,
/// `\u{202e}`), so the reader sees that it was there. Borrowed when
/// nothing needed escaping, which is almost always.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !may_be_unsafe(text) || !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !is_unsafe(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// A quick look at the bytes: every unsafe character is an ASCII control
/// or starts with 0xC2 (C1), 0xD8 (U+061C) or 0xE2 (the other bidi
/// controls), so text without those bytes, most text, needs no decoding.
fn may_be_unsafe(text: &str) -> bool {
    text.bytes().any(|b| {
        (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f || matches!(b, 0xc2 | 0xd8 | 0xe2)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_c1_and_bidi_but_keeps_newline_tab_and_text() {
        assert!(matches!(escape("404 Not Found\n\tété"), Cow::Borrowed(_)));
        assert_eq!(escape("a\x1b]0;pwned\x07b"), "a\\x1b]0;pwned\\x07b");
        assert_eq!(escape("\u{9b}2J"), "\\x9b2J");
        assert_eq!(escape("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(escape("x\u{2066}y\u{7f}"), "x\\u{2066}y\\x7f");
    }
}

//! The reference core of httpdex: everything made from catalog entries and
//! shown to a person. The entry document (one builder for the TUI's detail
//! pane and `httpdex show`), compare, the quiz, the snippets in 17 stacks,
//! and the text helpers they share (wrapping, Markdown, ANSI output, the
//! colour theme). No terminal, file or network I/O happens here.
//!
//! Beneath them, `http` holds the rules of what goes on the wire for each
//! entry, which they read and the playground and URL checker build on.

pub mod ansi;
pub mod compare;
pub mod detail;
mod doc;
pub mod guides;
pub mod http;
pub mod markdown;
pub mod quiz;
pub mod safe;
pub mod snippets;
pub mod theme;
pub mod wrap;

//! httpdex: the HTTP status code reference that lives in your terminal.
//!
//! The binary is a thin shell over this library so that tests can drive
//! every part of it: the catalog, search, the one-shot commands and the TUI.

pub mod ansi;
pub mod catalog;
pub mod cli;
pub mod clipboard;
pub mod compare;
pub mod detail;
pub mod markdown;
pub mod quiz;
pub mod search;
pub mod snippets;
pub mod state;
pub mod theme;
pub mod tui;
pub mod wrap;

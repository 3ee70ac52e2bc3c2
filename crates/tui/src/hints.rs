//! Sentences that name keys (the quiz's feedback line, the snippet heading,
//! status messages), built from the key table so that a rebinding changes
//! them too: no key name is typed anywhere but `keymap::BINDINGS`.

use crate::action::Action;
use crate::keymap::{Context, key_for};

/// `l/L: other stacks, y: copy`, in the detail pane's snippet heading.
pub(crate) fn snippet_keys() -> String {
    let d = Context::Detail;
    format!(
        "{}/{}: other stacks, {}: copy",
        key_for(d, Action::NextSnippet),
        key_for(d, Action::PrevSnippet),
        key_for(d, Action::CopySnippet)
    )
}

/// Under the quiz's feedback.
pub(crate) fn quiz_feedback() -> String {
    let q = Context::Quiz;
    format!(
        "{}: next question · {}: read the answer's full entry",
        key_for(q, Action::Open),
        key_for(q, Action::ShowAnswer)
    )
}

/// Under the quiz's summary.
pub(crate) fn quiz_summary() -> String {
    let q = Context::Quiz;
    format!(
        "{}: replay the missed questions · {}: new round · {}: another level · {}: back to browsing",
        key_for(q, Action::ReplayMissed),
        key_for(q, Action::NewRound),
        key_for(q, Action::CycleLevel),
        key_for(q, Action::Back)
    )
}

/// The status line while the detail pane shows a quiz answer.
pub(crate) fn reading_answer(id: &str) -> String {
    let back = key_for(Context::Detail, Action::Back);
    format!("Reading {id}; {back} goes back to the quiz")
}

/// The status line while the search picks a comparison's other side.
pub(crate) fn picking(name: &str) -> String {
    let open = key_for(Context::Search, Action::Open);
    format!("Comparing with {name}: search for the other code, {open} opens the comparison")
}

/// Enter in the reader with no link selected.
pub fn select_a_link() -> String {
    format!(
        "Select a link first: {} moves to the next one",
        key_for(Context::Reader, Action::NextLink)
    )
}

/// The Check screen before a URL is checked, and the status when the key
/// that checks is pressed with nothing typed.
pub(crate) fn check_url() -> String {
    format!(
        "Type or paste a URL (https:// when it names no scheme), then {} to follow every hop",
        key_for(Context::Check, Action::Open)
    )
}

/// The detail pane's title over a guide's preview in the search.
pub(crate) fn guide_preview(minutes: usize) -> String {
    format!(
        " Guide · {minutes} min · {} reads it ",
        key_for(Context::Search, Action::Open)
    )
}

/// The detail pane when the search matches nothing.
pub(crate) fn no_match() -> String {
    format!(
        "No code matches. {} clears the search; {}/{} reset in turn the class and origin filters.",
        key_for(Context::Search, Action::Back),
        key_for(Context::Global, Action::CycleClass),
        key_for(Context::Global, Action::CycleOrigin)
    )
}

/// The help overlay's bottom line, with `below` lines still hidden.
pub(crate) fn help_footer(below: usize) -> String {
    let h = Context::Help;
    let close = key_for(h, Action::Back);
    if below > 0 {
        format!(
            " {below} more lines: {}/{} scroll · {close} closes ",
            key_for(h, Action::ScrollDown),
            key_for(h, Action::ScrollUp)
        )
    } else {
        format!(" {close} closes ")
    }
}

/// The notice shown instead of the app on a terminal that is too small.
pub(crate) fn too_small(width: u16, height: u16, min: (u16, u16)) -> String {
    format!(
        "Terminal too small: {width}x{height}. httpdex needs at least {}x{}. Enlarge the window, or press {} to quit.",
        min.0,
        min.1,
        key_for(Context::Global, Action::Quit)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every hint names real keys: `key_for` answers "?" for a pair the
    /// table lacks, which would otherwise reach the screen unnoticed.
    #[test]
    fn every_hint_names_keys_from_the_table() {
        let hints = [
            snippet_keys(),
            quiz_feedback(),
            quiz_summary(),
            reading_answer("401"),
            picking("401 Unauthorized"),
            no_match(),
            help_footer(3),
            help_footer(0),
            too_small(10, 5, (60, 15)),
            check_url(),
            guide_preview(6),
        ];
        for hint in &hints {
            assert!(!hint.contains('?'), "{hint}");
        }
        assert_eq!(snippet_keys(), "l/L: other stacks, y: copy");
        assert_eq!(help_footer(3), " 3 more lines: j/k scroll · Esc closes ");
    }
}

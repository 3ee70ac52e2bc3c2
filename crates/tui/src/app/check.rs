//! The Check screen: type or paste a URL, Enter checks it as a background
//! job, and the hops appear as they arrive while the app stays responsive;
//! Enter on a hop opens its code's entry, the copy key copies the report
//! as Markdown. The job (the network part) exists only with the `check`
//! feature; this state and its messages are plain data either way.

use super::line_input::{self, MAX_URL_CHARS};
use super::{App, Effect, Screen};
use crate::action::Action;

/// One hop as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckHop {
    pub status: u16,
    pub url: String,
    /// The catalog entry the status resolved to, and its name and summary.
    pub entry: Option<String>,
    pub name: String,
    pub summary: String,
    pub location: Option<String>,
    pub millis: u64,
}

/// What the check job sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckFeed {
    Hop(CheckHop),
    /// The chain is done: its findings as (level, message), and the failure
    /// that ended it, if any.
    Done {
        findings: Vec<(String, String)>,
        failure: Option<String>,
    },
}

#[derive(Debug, Clone, Default)]
pub struct CheckView {
    pub input: String,
    /// The URL being (or last) checked.
    pub url: Option<String>,
    pub hops: Vec<CheckHop>,
    pub findings: Vec<(String, String)>,
    pub failure: Option<String>,
    pub running: bool,
    pub selected: usize,
}

impl App {
    pub(super) fn update_check(&mut self, action: Action) {
        let view = &mut self.check;
        match action {
            Action::Insert(c) => {
                line_input::type_char(&mut view.input, c, MAX_URL_CHARS);
            }
            Action::Backspace => {
                view.input.pop();
            }
            Action::SelectNext => {
                view.selected = (view.selected + 1).min(view.hops.len().saturating_sub(1))
            }
            Action::SelectPrev => view.selected = view.selected.saturating_sub(1),
            // With a new URL typed, Enter checks it; else it opens the hop.
            Action::Open if !view.input.trim().is_empty() => self.start_check(),
            Action::Open => {
                let id = view.hops.get(view.selected).and_then(|h| h.entry.clone());
                match id.and_then(|id| self.catalog.entry_ref(&id)) {
                    Some(entry) => self.show_entry_over(entry),
                    None => self.status = Some(crate::hints::check_url()),
                }
            }
            Action::Copy if self.check.url.is_some() => {
                let text = self.check_markdown();
                self.copy(text, "the check report as Markdown".into());
            }
            Action::Back => {
                self.close();
            }
            _ => {}
        }
    }

    fn start_check(&mut self) {
        let typed = std::mem::take(&mut self.check.input).trim().to_string();
        // Shown as it will be fetched (`example.com` is tried as https),
        // so that a TLS error on a plain-HTTP port makes sense.
        #[cfg(feature = "check")]
        let url = httpdex_check::parse_line(&typed).unwrap_or(typed);
        #[cfg(not(feature = "check"))]
        let url = typed;
        self.check = CheckView {
            url: Some(url.clone()),
            running: true,
            ..CheckView::default()
        };
        self.effects.push(Effect::CheckUrl(url));
    }

    /// Pasted text goes into the URL box: its first word, as a URL has
    /// no spaces.
    pub(super) fn paste_url(&mut self, text: &str) {
        let line = line_input::one_line(text);
        let url = line.split(' ').next().unwrap_or_default();
        let cut = line_input::append(&mut self.check.input, url, MAX_URL_CHARS, "URL box");
        if cut.is_some() {
            self.status = cut;
        }
    }

    pub(super) fn receive_check(&mut self, feed: CheckFeed) {
        match feed {
            CheckFeed::Hop(hop) => self.check.hops.push(hop),
            CheckFeed::Done { findings, failure } => {
                self.check.findings = findings;
                self.check.failure = failure;
                self.check.running = false;
            }
        }
    }

    pub(super) fn open_check(&mut self) {
        self.open(Screen::Check);
    }

    /// The report as a Markdown list: each hop, then the findings.
    fn check_markdown(&self) -> String {
        let view = &self.check;
        let mut out = format!("## {}\n\n", view.url.as_deref().unwrap_or(""));
        for (i, h) in view.hops.iter().enumerate() {
            out += &format!(
                "{}. `{}` **{} {}** {}\n",
                i + 1,
                h.url,
                h.status,
                h.name,
                h.summary
            );
        }
        if let Some(failure) = &view.failure {
            out += &format!("\nFailed: {failure}\n");
        }
        if !view.findings.is_empty() {
            out += "\n";
            for (level, message) in &view.findings {
                out += &format!("- {level}: {message}\n");
            }
        }
        out
    }
}

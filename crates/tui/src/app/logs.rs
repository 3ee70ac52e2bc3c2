//! The Logs screen: a live dashboard of a followed access log. A job reads
//! the log, then follows it and sends each batch of new lines through the
//! runner; update folds them into the totals and re-derives what the view
//! shows (the report's statuses with their entries, the rate, the latest
//! errors). Idle, nothing arrives and nothing is drawn.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::line_input::{self, MAX_PATH_CHARS};
use super::{App, Effect, Screen};
use crate::action::Action;
use httpdex_logs::report::{Report, Source};
use httpdex_logs::{Analysis, Batch, Recent};

/// Seconds of batches the rate is measured over.
const RATE_WINDOW: f64 = 10.0;
/// Latest error lines kept for the dashboard.
const RECENT: usize = 12;
/// Paths listed per error status in the report (the dashboard shows none).
const TOP: usize = 0;

/// What a log job brings back.
#[derive(Debug, Clone)]
pub enum LogFeed {
    /// The log as it was when opened, and its latest error lines.
    Loaded(Box<Analysis>, Vec<Recent>),
    /// Lines added since, with when they were read.
    Batch(Box<Batch>, Instant),
    /// Reading or following stopped on an error.
    Failed(String),
}

/// Tells a job to stop; the same flag is the same job.
#[derive(Debug, Clone)]
pub struct StopFlag(pub Arc<AtomicBool>);

impl PartialEq for StopFlag {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for StopFlag {}

/// The Logs screen's state.
#[derive(Debug, Default)]
pub struct LogsView {
    /// The path typed in, before a log is open.
    pub input: String,
    pub path: Option<PathBuf>,
    pub total: Option<Analysis>,
    /// The report of `total`, built when a batch arrives, not per frame.
    pub report: Option<Report>,
    /// Status rows of the report in order, for selection: (status, id).
    pub rows: Vec<(String, Option<String>)>,
    pub selected: usize,
    pub recent: VecDeque<Recent>,
    /// (when, lines) of recent batches, for lines a second.
    batches: VecDeque<(Instant, u64)>,
    pub rate: f64,
    pub error: Option<String>,
    /// Set to stop the job following the log.
    stop: Option<Arc<AtomicBool>>,
}

impl App {
    /// Opens the Logs screen, following `path` when given.
    pub fn open_logs(&mut self, path: Option<PathBuf>) {
        self.open(Screen::Logs);
        if let Some(path) = path {
            self.follow_log(path);
        }
    }

    fn follow_log(&mut self, path: PathBuf) {
        self.stop_following();
        let stop = Arc::new(AtomicBool::new(false));
        self.logs = LogsView {
            path: Some(path.clone()),
            stop: Some(stop.clone()),
            ..LogsView::default()
        };
        let stop = StopFlag(stop);
        self.effects.push(Effect::FollowLog { path, stop });
    }

    /// Stops the job following a log, if one is.
    pub fn stop_following(&mut self) {
        if let Some(stop) = self.logs.stop.take() {
            stop.store(true, Ordering::Relaxed);
        }
    }

    /// Pasted text goes into the path box, one line, while no log is open.
    pub(super) fn paste_path(&mut self, text: &str) {
        if self.logs.path.is_some() {
            return;
        }
        let line = line_input::one_line(text);
        let cut = line_input::append(&mut self.logs.input, &line, MAX_PATH_CHARS, "path box");
        if cut.is_some() {
            self.status = cut;
        }
    }

    pub(super) fn update_logs(&mut self, action: Action) {
        let open = self.logs.path.is_some();
        match action {
            Action::Insert(c) if !open => {
                line_input::type_char(&mut self.logs.input, c, MAX_PATH_CHARS);
            }
            Action::Backspace if !open => {
                self.logs.input.pop();
            }
            Action::Open if !open => {
                let typed = self.logs.input.trim().to_string();
                if !typed.is_empty() {
                    self.follow_log(PathBuf::from(typed));
                }
            }
            Action::SelectNext => {
                self.logs.selected =
                    (self.logs.selected + 1).min(self.logs.rows.len().saturating_sub(1));
            }
            Action::SelectPrev => self.logs.selected = self.logs.selected.saturating_sub(1),
            Action::Open => {
                let id = self
                    .logs
                    .rows
                    .get(self.logs.selected)
                    .and_then(|(_, id)| id.clone());
                match id.and_then(|id| self.catalog.entry_ref(&id)) {
                    Some(entry) => self.show_entry_over(entry),
                    None => self.status = Some("The catalog has no entry for this status".into()),
                }
            }
            Action::Back => {
                self.stop_following();
                self.close();
            }
            _ => {}
        }
    }

    /// Takes in what the log job found.
    pub(super) fn receive_log(&mut self, feed: LogFeed) {
        match feed {
            LogFeed::Loaded(analysis, recent) => {
                self.logs.total = Some(*analysis);
                let skip = recent.len().saturating_sub(RECENT);
                self.logs.recent = recent.into_iter().skip(skip).collect();
            }
            LogFeed::Batch(batch, at) => {
                let Some(total) = self.logs.total.as_mut() else {
                    return;
                };
                let lines = batch.stats.lines();
                total.stats.merge(batch.stats);
                let view = &mut self.logs;
                view.recent.extend(batch.recent);
                while view.recent.len() > RECENT {
                    view.recent.pop_front();
                }
                view.batches.push_back((at, lines));
                while view
                    .batches
                    .front()
                    .is_some_and(|(t, _)| at.duration_since(*t).as_secs_f64() > RATE_WINDOW)
                {
                    view.batches.pop_front();
                }
                let counted: u64 = view.batches.iter().map(|(_, n)| n).sum();
                view.rate = counted as f64 / RATE_WINDOW;
            }
            LogFeed::Failed(why) => self.logs.error = Some(why),
        }
        self.refresh_logs_report();
    }

    /// The report and the selectable rows, derived once per update.
    fn refresh_logs_report(&mut self) {
        let (Some(total), Some(path)) = (&self.logs.total, &self.logs.path) else {
            return;
        };
        let source = Source {
            name: path.display().to_string(),
            analysis: total,
        };
        let report = Report::build(&self.catalog, &[source], TOP);
        self.logs.rows = report
            .classes
            .iter()
            .flat_map(|c| &c.statuses)
            .map(|s| (s.status.clone(), s.id.clone()))
            .collect();
        self.logs.selected = self
            .logs
            .selected
            .min(self.logs.rows.len().saturating_sub(1));
        self.logs.report = Some(report);
    }
}

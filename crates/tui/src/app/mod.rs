//! App state and `update(Action)`: no I/O and no drawing here. Derived view
//! state (search hits, wrapped documents, scroll limits, the cheat sheet
//! grid) is recomputed in update, so drawing only reads. Side effects such
//! as copying are queued in `effects` for the runner to perform.

mod browse;
mod cheatsheet;
mod compare;
mod quiz;

use std::sync::Arc;

use ratatui::layout::Rect;
use ratatui::text::Line;

pub use cheatsheet::{CheatItem, CheatSheet};
pub use compare::{CompareView, PickSide};
pub use quiz::{QuizSettings, QuizView};

use super::action::Action;
use super::keymap::Context;
use crate::layout::{self, Areas};
use httpdex_catalog::search::{Filter, Hit, Narrowing};
use httpdex_catalog::{Catalog, Entry};
use httpdex_core::quiz::Stats;
use httpdex_core::snippets::Lang;
use httpdex_core::theme::Theme;
use httpdex_platform::state::RoundRecord;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Search,
    Detail,
}

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Compare,
    Cheatsheet,
    Quiz,
}

/// Work for the runner: things update() may not do itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put `text` on the system clipboard, as a job with a deadline; `what`
    /// names it in the status line.
    Copy { text: String, what: String },
    /// The system clipboard failed (`why`): send `text` through the
    /// terminal (OSC 52) instead, from the UI thread.
    CopyThroughTerminal {
        text: String,
        what: String,
        why: String,
    },
    /// Record a finished quiz round in the state file.
    SaveRound(RoundRecord),
}

/// What a background job brings back to `App::receive`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobResult {
    /// A copy to the system clipboard finished, failed or timed out.
    Copied {
        text: String,
        what: String,
        outcome: Result<(), String>,
    },
}

pub struct App {
    pub catalog: Arc<Catalog>,
    pub theme: Theme,
    pub mode: Mode,
    pub query: String,
    pub filter: Filter,
    pub hits: Vec<Hit>,
    /// The last search, which the next keystroke can narrow.
    narrowing: Option<Narrowing>,
    /// Index into `hits`; meaningless when `hits` is empty.
    pub selected: usize,
    /// First visible row of the list.
    pub list_offset: usize,
    pub focus: Focus,
    /// The help overlay's lines, one list per column; empty while closed.
    pub help_columns: Vec<Vec<Line<'static>>>,
    pub help_scroll: usize,
    pub detail_scroll: usize,
    /// The selected entry's document, wrapped to the detail pane's width.
    pub detail_lines: Vec<Line<'static>>,
    /// Which (entry, width, stack) `detail_lines` was built for.
    detail_key: Option<(usize, u16, Lang)>,
    /// Where the snippet section starts in `detail_lines`.
    pub snippet_at: Option<usize>,
    /// The stack whose snippet the detail pane shows.
    pub snippet_lang: Lang,
    /// Set while the search is picking one side of a comparison.
    pub compare_pick: Option<(usize, PickSide)>,
    pub compare: Option<CompareView>,
    pub cheatsheet: CheatSheet,
    pub quiz: Option<QuizView>,
    /// Per-code quiz record, for rounds that lean towards missed codes.
    pub stats: Stats,
    /// Best round per level slug, shown on the summary.
    pub best: std::collections::BTreeMap<String, httpdex_platform::state::Best>,
    /// Set while the detail pane was opened from the quiz: Esc goes back.
    pub return_to_quiz: bool,
    /// Seeds unseeded quiz rounds; the runner sets it from the clock.
    pub entropy: u64,
    pub size: (u16, u16),
    /// A one-line message for the footer, cleared by the next action.
    pub status: Option<String>,
    pub effects: Vec<Effect>,
    pub should_quit: bool,
}

impl App {
    pub fn new(catalog: Arc<Catalog>, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App {
            catalog,
            theme,
            mode: Mode::Browse,
            query: String::new(),
            filter: Filter::default(),
            hits: Vec::new(),
            narrowing: None,
            selected: 0,
            list_offset: 0,
            focus: Focus::Search,
            help_columns: Vec::new(),
            help_scroll: 0,
            detail_scroll: 0,
            detail_lines: Vec::new(),
            detail_key: None,
            snippet_at: None,
            snippet_lang: Lang::Express,
            compare_pick: None,
            compare: None,
            cheatsheet: CheatSheet::default(),
            quiz: None,
            stats: Stats::default(),
            best: Default::default(),
            return_to_quiz: false,
            entropy: 0,
            size,
            status: None,
            effects: Vec::new(),
            should_quit: false,
        };
        app.refresh_hits();
        app
    }

    /// Starts with `query` typed in (`httpdex -q`).
    pub fn with_query(mut self, query: &str) -> App {
        self.set_query(query);
        self
    }

    /// Where the keyboard is: the help overlay when it is open.
    pub fn context(&self) -> Context {
        if self.help_open() {
            Context::Help
        } else {
            self.view_context()
        }
    }

    /// The view itself, under the help overlay if that is open: the help
    /// lists this view's keys first.
    pub fn view_context(&self) -> Context {
        match (self.mode, self.focus) {
            (Mode::Compare, _) => Context::Compare,
            (Mode::Cheatsheet, _) => Context::Cheatsheet,
            (Mode::Quiz, _) => Context::Quiz,
            (Mode::Browse, Focus::Detail) => Context::Detail,
            (Mode::Browse, Focus::Search) => Context::Search,
        }
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.hits
            .get(self.selected)
            .map(|h| &self.catalog.entries()[h.index])
    }

    pub fn areas(&self) -> Option<Areas> {
        layout::areas(self.screen())
    }

    /// Takes in what the state file remembers.
    pub fn restore_state(&mut self, state: httpdex_platform::state::State) {
        self.stats = state.codes;
        self.best = state.best;
        if let Some(lang) = state.snippet_lang.as_deref().and_then(Lang::from_slug) {
            self.snippet_lang = lang;
            self.refresh_detail();
        }
    }

    pub fn screen(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::Tick(_)) {
            self.status = None;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp => {
                if self.help_open() {
                    self.help_columns.clear();
                } else {
                    self.lay_out_help();
                }
                self.help_scroll = 0;
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                if self.help_open() {
                    self.lay_out_help();
                    self.scroll_help(0);
                }
                self.refresh_detail();
                self.select(self.selected);
                self.refresh_compare();
                self.refresh_cheatsheet();
            }
            Action::CycleClass | Action::CycleOrigin => self.cycle_filter(action),
            Action::OpenQuiz => {
                self.open_quiz();
                // The help lists the keys of the view under it first.
                if self.help_open() {
                    self.lay_out_help();
                }
            }
            _ if self.help_open() => self.update_help(action),
            _ => match self.mode {
                Mode::Browse => self.update_browse(action),
                Mode::Compare => self.update_compare(action),
                Mode::Cheatsheet => self.update_cheatsheet(action),
                Mode::Quiz => self.update_quiz(action),
            },
        }
    }

    fn update_help(&mut self, action: Action) {
        let height = layout::help_area(self.screen()).height.saturating_sub(2);
        if let Some(delta) = scroll_delta(&action, height) {
            return self.scroll_help(delta);
        }
        match action {
            Action::Back | Action::Click(..) => self.help_columns.clear(),
            _ => {}
        }
    }

    pub fn help_open(&self) -> bool {
        !self.help_columns.is_empty()
    }

    /// Builds the help overlay's columns for the view under it and the
    /// screen's width; drawing only reads them.
    fn lay_out_help(&mut self) {
        let width = layout::help_area(self.screen()).width.saturating_sub(2);
        self.help_columns = crate::help::columns(&self.theme, self.view_context(), width);
    }

    fn scroll_help(&mut self, delta: isize) {
        let height = layout::help_area(self.screen()).height.saturating_sub(2);
        let rows = self.help_columns.iter().map(Vec::len).max().unwrap_or(0);
        self.help_scroll = Self::scrolled(self.help_scroll, delta, rows, height);
    }

    /// The scroll limit for `lines` shown in `height` rows.
    fn max_scroll(lines: usize, height: u16) -> usize {
        lines.saturating_sub(height as usize)
    }

    /// `position` moved by `delta`, kept within `lines` shown in `height` rows.
    fn scrolled(position: usize, delta: isize, lines: usize, height: u16) -> usize {
        position
            .saturating_add_signed(delta)
            .min(Self::max_scroll(lines, height))
    }

    fn copy(&mut self, text: String, what: String) {
        self.effects.push(Effect::Copy { text, what });
    }

    /// Takes in a background job's result.
    pub fn receive(&mut self, result: JobResult) {
        match result {
            JobResult::Copied {
                what,
                outcome: Ok(()),
                ..
            } => self.status = Some(format!("Copied {what}")),
            JobResult::Copied {
                text,
                what,
                outcome: Err(why),
            } => self
                .effects
                .push(Effect::CopyThroughTerminal { text, what, why }),
        }
    }

    /// The outcome of a copy through the terminal, for the status line.
    pub fn copied_through_terminal(&mut self, what: &str, why: &str, result: Result<(), String>) {
        self.status = Some(match result {
            Ok(()) => format!("Copied {what} (through the terminal, OSC 52)"),
            Err(e) => format!("Could not copy {what}: {why}; {e}"),
        });
    }
}

/// Lines one notch of the mouse wheel scrolls.
const WHEEL_STEP: isize = 3;

/// How far a scroll action moves a pane `height` rows tall (a page keeps
/// one line in view), or `None` for other actions. Top and bottom overshoot;
/// `App::scrolled` clamps.
fn scroll_delta(action: &Action, height: u16) -> Option<isize> {
    let page = (height as isize - 1).max(1);
    Some(match action {
        Action::ScrollDown => 1,
        Action::ScrollUp => -1,
        Action::ScrollPageDown => page,
        Action::ScrollPageUp => -page,
        Action::ScrollTop => isize::MIN / 2,
        Action::ScrollBottom => isize::MAX / 2,
        Action::Wheel { down: true, .. } => WHEEL_STEP,
        Action::Wheel { down: false, .. } => -WHEEL_STEP,
        _ => return None,
    })
}

/// The item after (or before) `current` in `all`, wrapping round; the
/// first when `current` is not there. `all` must not be empty.
fn step<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let n = all.len();
    match all.iter().position(|x| *x == current) {
        Some(i) if forward => all[(i + 1) % n],
        Some(i) => all[(i + n - 1) % n],
        None => all[0],
    }
}

/// None → first → … → last → None.
fn cycle<T: Copy + PartialEq>(all: &[T], current: Option<T>) -> Option<T> {
    match current {
        None => all.first().copied(),
        Some(c) => {
            let i = all.iter().position(|x| *x == c)?;
            all.get(i + 1).copied()
        }
    }
}

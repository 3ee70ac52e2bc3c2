//! App state and `update(Action)`: no I/O and no drawing here. Each screen
//! keeps its own state (`Browse`, `CompareView`, `CheatSheet`, `QuizView`,
//! `Help`); `App` holds what they share and the stack of screens that
//! replaces navigation flags: Esc pops it. Derived view state (search hits,
//! wrapped documents, scroll limits, the cheat sheet grid) is recomputed in
//! update, so drawing only reads. Side effects such as copying are queued
//! in `effects` for the runner to perform.

mod browse;
mod cheatsheet;
mod check;
mod compare;
mod effect;
mod guides;
mod help;
mod line_input;
mod logs;
mod motion;
mod quiz;

use std::collections::BTreeMap;
use std::sync::Arc;

use ratatui::layout::Rect;

pub use browse::{Browse, Detail, Focus};
pub use cheatsheet::{CheatItem, CheatSheet};
pub use check::{CheckFeed, CheckHop, CheckView};
pub use compare::{CompareView, PickSide};
pub use effect::{Effect, JobResult};
pub use guides::Reader;
pub use help::Help;
pub use logs::{LogFeed, LogsView, StopFlag};
pub use quiz::{QuizSettings, QuizView};

use super::action::Action;
use super::keymap::Context;
use crate::layout::{self, Areas};
use httpdex_catalog::{Catalog, Entry, EntryRef};
use httpdex_core::quiz::Stats;
use httpdex_core::snippets::Lang;
use httpdex_core::theme::Theme;
use httpdex_platform::state::{Best, State};
use motion::{WHEEL_STEP, cycle, max_scroll, scroll_delta, scrolled, step};

/// A screen of the app. The top of the stack shows and takes the keys;
/// Esc pops it. `Browse` is always at the bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Browse,
    /// The browse screen picking one side of a comparison: `keep` stays,
    /// the search picks the entry for `side`.
    Pick {
        keep: EntryRef,
        side: PickSide,
    },
    Compare,
    Cheatsheet,
    Quiz,
    /// The list of guides.
    Guides,
    /// The live dashboard of a followed access log.
    Logs,
    /// Checking a URL's redirect chain.
    Check,
    /// A guide being read; one per entry of `App::readers`, so readers can
    /// stand on each other as links are followed.
    Reader,
    /// The help overlay, over the screen below it.
    Help,
}

/// What the quiz keeps between rounds: the state file's per-code record,
/// for rounds that lean towards missed codes, and the best round per level.
#[derive(Debug, Clone, Default)]
pub struct QuizRecord {
    pub stats: Stats,
    /// Best round per level slug, shown on the summary.
    pub best: BTreeMap<String, Best>,
}

/// The app: what every screen shares, each screen's own state, and the
/// stack of screens the user went through (Esc goes back along it).
pub struct App {
    pub catalog: Arc<Catalog>,
    pub theme: Theme,
    pub size: (u16, u16),
    /// A one-line message for the footer, cleared by the next action.
    pub status: Option<String>,
    pub effects: Vec<Effect>,
    pub should_quit: bool,
    /// Seeds unseeded quiz rounds; the runner sets it from the clock.
    pub entropy: u64,
    pub record: QuizRecord,
    pub browse: Browse,
    pub compare: Option<CompareView>,
    pub cheatsheet: CheatSheet,
    /// The round in progress or just finished; kept when the quiz is left.
    pub quiz: Option<QuizView>,
    pub help: Help,
    /// The selected guide in the list of guides.
    pub guide_list: usize,
    pub logs: LogsView,
    pub check: CheckView,
    /// The guides open, one per `Screen::Reader` on the stack, in order.
    pub readers: Vec<Reader>,
    /// The browse state as it was under each `Screen::Browse` pushed over
    /// another screen (an answer's entry, a guide's link): closing it puts
    /// the search back as the user left it.
    saved_browse: Vec<Browse>,
    /// Screens above the browse screen, which is always at the bottom.
    stack: Vec<Screen>,
}

impl App {
    pub fn new(catalog: Arc<Catalog>, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App {
            catalog,
            theme,
            size,
            status: None,
            effects: Vec::new(),
            should_quit: false,
            entropy: 0,
            record: QuizRecord::default(),
            browse: Browse::default(),
            compare: None,
            cheatsheet: CheatSheet::default(),
            quiz: None,
            help: Help::default(),
            guide_list: 0,
            readers: Vec::new(),
            logs: LogsView::default(),
            check: CheckView::default(),
            saved_browse: Vec::new(),
            stack: Vec::new(),
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
        match (self.screen_below_help(), self.browse.focus) {
            (Screen::Compare, _) => Context::Compare,
            (Screen::Cheatsheet, _) => Context::Cheatsheet,
            (Screen::Quiz, _) => Context::Quiz,
            (Screen::Guides, _) => Context::Guides,
            (Screen::Reader, _) => Context::Reader,
            (Screen::Logs, _) => Context::Logs,
            (Screen::Check, _) => Context::Check,
            (_, Focus::Detail) => Context::Detail,
            (_, Focus::Search) => Context::Search,
        }
    }

    /// The screen on top, which shows and takes the keys.
    pub fn screen(&self) -> Screen {
        self.stack.last().copied().unwrap_or(Screen::Browse)
    }

    /// The screen the help overlay covers (or the top one when it is closed).
    pub(crate) fn screen_below_help(&self) -> Screen {
        self.stack
            .iter()
            .rev()
            .find(|s| **s != Screen::Help)
            .copied()
            .unwrap_or(Screen::Browse)
    }

    /// The screens above the browse screen, bottom first.
    pub fn stack(&self) -> &[Screen] {
        &self.stack
    }

    /// Shows `screen`: back to it when it is already on the stack (closing
    /// what lies above), else on top of the current one.
    fn open(&mut self, screen: Screen) {
        match self.stack.iter().position(|s| *s == screen) {
            Some(at) => self.close_above(at + 1),
            None if screen == Screen::Browse => self.close_above(0),
            None => self.stack.push(screen),
        }
    }

    /// Esc: back to the screen below. Returns false on the browse screen,
    /// which has nothing below it.
    fn close(&mut self) -> bool {
        let Some(closed) = self.stack.pop() else {
            return false;
        };
        match closed {
            Screen::Reader => {
                self.readers.pop();
            }
            Screen::Browse => {
                if let Some(saved) = self.saved_browse.pop() {
                    self.browse = saved;
                    self.refresh_detail();
                }
            }
            _ => {}
        }
        true
    }

    /// Closes every screen above the first `keep`.
    fn close_above(&mut self, keep: usize) {
        while self.stack.len() > keep {
            self.close();
        }
    }

    /// Shows `entry` in a browse screen over the current one (a quiz
    /// answer, a guide's link); closing it restores the search as it was.
    fn show_entry_over(&mut self, entry: EntryRef) {
        self.saved_browse.push(self.browse.clone());
        self.stack.push(Screen::Browse);
        self.reveal(entry);
        self.browse.focus = Focus::Detail;
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.browse
            .hits
            .get(self.browse.selected)
            .map(|h| self.catalog.entry(h.entry))
    }

    pub fn areas(&self) -> Option<Areas> {
        layout::areas(self.area())
    }

    /// Takes in what the state file remembers.
    pub fn restore_state(&mut self, state: State) {
        self.record.stats = state.codes;
        self.record.best = state.best;
        if let Some(lang) = state.snippet_lang.as_deref().and_then(Lang::from_slug) {
            self.browse.detail.lang = lang;
            self.refresh_detail();
        }
    }

    /// The whole terminal.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::Tick(_)) {
            self.status = None;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::ToggleHelp if self.help_open() => {
                self.close();
            }
            Action::ToggleHelp => {
                self.lay_out_help();
                self.help.scroll = 0;
                self.stack.push(Screen::Help);
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                if self.help_open() {
                    self.lay_out_help();
                    self.scroll_help(0);
                }
                self.refresh_detail();
                self.select(self.browse.selected);
                self.refresh_compare();
                self.refresh_cheatsheet();
                self.refresh_readers();
            }
            Action::CycleClass | Action::CycleOrigin => self.cycle_filter(action),
            Action::OpenGuides => self.open_guides(),
            Action::OpenLogs => self.open_logs(None),
            Action::OpenCheck => self.open_check(),
            Action::OpenQuiz => {
                let help = self.help_open() && self.close();
                self.open_quiz();
                // The help stays open and lists the quiz's keys first.
                if help {
                    self.lay_out_help();
                    self.stack.push(Screen::Help);
                }
            }
            _ => match self.screen() {
                Screen::Help => self.update_help(action),
                Screen::Browse | Screen::Pick { .. } => self.update_browse(action),
                Screen::Compare => self.update_compare(action),
                Screen::Cheatsheet => self.update_cheatsheet(action),
                Screen::Quiz => self.update_quiz(action),
                Screen::Guides => self.update_guides(action),
                Screen::Reader => self.update_reader(action),
                Screen::Logs => self.update_logs(action),
                Screen::Check => self.update_check(action),
            },
        }
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
            JobResult::Opened {
                url,
                outcome: Ok(with),
            } => self.status = Some(format!("Opened {url} ({with})")),
            // No browser here (SSH, no display): the URL goes to the
            // clipboard instead, and the status line shows it.
            JobResult::Log(feed) => self.receive_log(feed),
            JobResult::Check(feed) => self.receive_check(feed),
            JobResult::Opened {
                url,
                outcome: Err(_),
            } => {
                let what = format!("{url}: no browser opened it");
                self.copy(url, what);
            }
        }
    }

    /// The outcome of a copy through the terminal, for the status line.
    pub(crate) fn copied_through_terminal(
        &mut self,
        what: &str,
        why: &str,
        result: Result<(), String>,
    ) {
        self.status = Some(match result {
            Ok(()) => format!("Copied {what} (through the terminal, OSC 52)"),
            Err(e) => format!("Could not copy {what}: {why}; {e}"),
        });
    }
}

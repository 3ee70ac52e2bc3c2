//! App state and `update(Action)`: no I/O and no drawing here. Derived view
//! state (search hits, the wrapped detail document, scroll limits) is
//! recomputed in update, so drawing only reads.

use std::sync::Arc;

use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::action::Action;
use super::keymap::Context;
use super::view::layout::{self, Areas};
use crate::catalog::{Catalog, Class, Entry, Origin};
use crate::detail;
use crate::search::{self, Filter, Hit};
use crate::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Search,
    Detail,
}

pub struct App {
    pub catalog: Arc<Catalog>,
    pub theme: Theme,
    pub query: String,
    pub filter: Filter,
    pub hits: Vec<Hit>,
    /// Index into `hits`; meaningless when `hits` is empty.
    pub selected: usize,
    /// First visible row of the list.
    pub list_offset: usize,
    pub focus: Focus,
    pub help_open: bool,
    pub help_scroll: usize,
    pub detail_scroll: usize,
    /// The selected entry's document, wrapped to the detail pane's width.
    pub detail_lines: Vec<Line<'static>>,
    /// Which (entry, width) `detail_lines` was built for.
    detail_key: Option<(usize, u16)>,
    pub size: (u16, u16),
    pub should_quit: bool,
}

impl App {
    pub fn new(catalog: Arc<Catalog>, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App {
            catalog,
            theme,
            query: String::new(),
            filter: Filter::default(),
            hits: Vec::new(),
            selected: 0,
            list_offset: 0,
            focus: Focus::Search,
            help_open: false,
            help_scroll: 0,
            detail_scroll: 0,
            detail_lines: Vec::new(),
            detail_key: None,
            size,
            should_quit: false,
        };
        app.refresh_hits();
        app
    }

    /// Starts with `query` typed in (`httpdex -q`).
    pub fn with_query(mut self, query: &str) -> App {
        self.query = query.chars().take(search::MAX_QUERY_CHARS).collect();
        self.refresh_hits();
        self
    }

    pub fn context(&self) -> Context {
        if self.help_open {
            Context::Help
        } else if self.focus == Focus::Detail {
            Context::Detail
        } else {
            Context::Search
        }
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.hits
            .get(self.selected)
            .map(|h| &self.catalog.entries()[h.index])
    }

    pub fn areas(&self) -> Option<Areas> {
        layout::areas(Rect::new(0, 0, self.size.0, self.size.1))
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Insert(c) => {
                if self.query.chars().count() < search::MAX_QUERY_CHARS && !c.is_control() {
                    self.query.push(c);
                    self.focus = Focus::Search;
                    self.refresh_hits();
                }
            }
            Action::Backspace => {
                if self.query.pop().is_some() {
                    self.refresh_hits();
                }
            }
            Action::DeleteWord => {
                let trimmed = self.query.trim_end();
                let cut = trimmed.rfind(' ').map_or(0, |i| i + 1);
                self.query.truncate(cut);
                self.refresh_hits();
            }
            Action::ClearQuery => self.set_query(""),
            Action::Back => self.back(),
            Action::Quit => self.should_quit = true,
            Action::SelectNext => self.select(self.selected.saturating_add(1)),
            Action::SelectPrev => self.select(self.selected.saturating_sub(1)),
            Action::PageDown => self.select(self.selected + self.list_page()),
            Action::PageUp => self.select(self.selected.saturating_sub(self.list_page())),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(usize::MAX),
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::Search if !self.hits.is_empty() => Focus::Detail,
                    _ => Focus::Search,
                }
            }
            Action::FocusSearch => self.focus = Focus::Search,
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::ScrollPageDown => self.scroll_by(self.detail_page() as isize),
            Action::ScrollPageUp => self.scroll_by(-(self.detail_page() as isize)),
            Action::ScrollTop => self.scroll_by(isize::MIN / 2),
            Action::ScrollBottom => self.scroll_by(isize::MAX / 2),
            Action::CycleClass => {
                self.filter.class = cycle(&Class::ALL, self.filter.class);
                self.refresh_hits();
            }
            Action::CycleOrigin => {
                self.filter.origin = cycle(&Origin::ALL, self.filter.origin);
                self.refresh_hits();
            }
            Action::ToggleHelp => {
                self.help_open = !self.help_open;
                self.help_scroll = 0;
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.refresh_detail();
                self.select(self.selected);
            }
            Action::Click(column, row) => self.click(Position::new(column, row)),
            Action::Wheel { column, row, down } => self.wheel(Position::new(column, row), down),
        }
    }

    fn back(&mut self) {
        if self.help_open {
            self.help_open = false;
        } else if self.focus == Focus::Detail {
            self.focus = Focus::Search;
        } else if !self.query.is_empty() {
            self.set_query("");
        } else {
            self.should_quit = true;
        }
    }

    fn set_query(&mut self, query: &str) {
        self.query = query.to_string();
        self.refresh_hits();
    }

    /// Re-runs the search and keeps the same entry selected when it is
    /// still in the results.
    fn refresh_hits(&mut self) {
        let previous = self.hits.get(self.selected).map(|h| h.index);
        self.hits = search::search(&self.catalog, &self.query, &self.filter);
        // A new query puts its best match first; a filter change keeps the
        // reader where they were.
        let keep = previous.and_then(|p| self.hits.iter().position(|h| h.index == p));
        self.selected = if self.query.is_empty() {
            keep.unwrap_or(0)
        } else {
            0
        };
        self.list_offset = 0;
        if self.hits.is_empty() {
            self.focus = Focus::Search;
        }
        self.select(self.selected);
    }

    /// Moves the selection, clamped to the list, and scrolls it into view.
    fn select(&mut self, index: usize) {
        let last = self.hits.len().saturating_sub(1);
        self.selected = index.min(last);
        let page = self.list_page().max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + page {
            self.list_offset = self.selected + 1 - page;
        }
        self.list_offset = self.list_offset.min(self.hits.len().saturating_sub(page));
        self.refresh_detail();
    }

    /// Rebuilds the detail document when the entry or the pane width changed.
    fn refresh_detail(&mut self) {
        let width = self.areas().map_or(0, |a| a.detail_text.width);
        let key = self.hits.get(self.selected).map(|h| (h.index, width));
        if key == self.detail_key {
            return;
        }
        self.detail_key = key;
        self.detail_scroll = 0;
        self.detail_lines = match self.selected_entry() {
            Some(entry) => detail::entry_lines(&self.catalog, entry, &self.theme, width as usize),
            None => Vec::new(),
        };
    }

    fn list_page(&self) -> usize {
        self.areas().map_or(1, |a| a.list_rows.height as usize)
    }

    fn detail_page(&self) -> usize {
        self.areas()
            .map_or(1, |a| a.detail_text.height as usize)
            .saturating_sub(1)
            .max(1)
    }

    pub fn max_detail_scroll(&self) -> usize {
        let height = self.areas().map_or(0, |a| a.detail_text.height as usize);
        self.detail_lines.len().saturating_sub(height)
    }

    /// Scrolls the help overlay when it is open, else the detail pane.
    fn scroll_by(&mut self, delta: isize) {
        if self.help_open {
            let max = self.max_help_scroll();
            self.help_scroll = self.help_scroll.saturating_add_signed(delta).min(max);
        } else {
            let max = self.max_detail_scroll();
            self.detail_scroll = self.detail_scroll.saturating_add_signed(delta).min(max);
        }
    }

    pub fn max_help_scroll(&self) -> usize {
        let area = layout::help_area(Rect::new(0, 0, self.size.0, self.size.1));
        super::view::help::line_count().saturating_sub(area.height.saturating_sub(2) as usize)
    }

    fn click(&mut self, at: Position) {
        let Some(areas) = self.areas() else { return };
        if self.help_open {
            self.help_open = false;
        } else if areas.list_rows.contains(at) {
            self.focus = Focus::Search;
            let row = self.list_offset + (at.y - areas.list_rows.y) as usize;
            if row < self.hits.len() {
                self.select(row);
            }
        } else if areas.detail.contains(at) && !self.hits.is_empty() {
            self.focus = Focus::Detail;
        } else if areas.search.contains(at) {
            self.focus = Focus::Search;
        }
    }

    /// The wheel scrolls the pane under the pointer, whatever has focus.
    fn wheel(&mut self, at: Position, down: bool) {
        let Some(areas) = self.areas() else { return };
        let step: isize = if down { 3 } else { -3 };
        if self.help_open {
            self.scroll_by(step);
        } else if areas.list.contains(at) {
            self.select(self.selected.saturating_add_signed(step));
        } else if areas.detail.contains(at) {
            self.scroll_by(step);
        }
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

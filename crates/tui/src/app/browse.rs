//! The browse screen: search, list selection and the detail pane.

use ratatui::layout::Position;

use super::{App, Focus, Mode, WHEEL_STEP, cycle, scroll_delta, step};
use crate::action::Action;
use httpdex_catalog::search::{self, MAX_QUERY_CHARS};
use httpdex_catalog::{Class, Origin};
use httpdex_core::detail;
use httpdex_core::snippets::{self, Lang};

#[derive(Debug, Clone, Copy)]
enum CopyTarget {
    Snippet,
    Title,
    Example,
    Curl,
}

impl App {
    pub(super) fn update_browse(&mut self, action: Action) {
        // The wheel scrolls whichever pane is under the pointer (`wheel`).
        if !matches!(action, Action::Wheel { .. })
            && let Some(delta) = scroll_delta(&action, self.detail_height())
        {
            return self.scroll_detail(delta);
        }
        match action {
            Action::Insert(c)
                if self.query.chars().count() < MAX_QUERY_CHARS && !c.is_control() =>
            {
                self.query.push(c);
                self.focus = Focus::Search;
                self.refresh_hits();
            }
            Action::Backspace if self.query.pop().is_some() => self.refresh_hits(),
            Action::DeleteWord => {
                let trimmed = self.query.trim_end();
                let cut = trimmed.rfind(' ').map_or(0, |i| i + 1);
                self.query.truncate(cut);
                self.refresh_hits();
            }
            Action::ClearQuery => self.set_query(""),
            Action::Back => self.back(),
            Action::SelectNext => self.select(self.selected.saturating_add(1)),
            Action::SelectPrev => self.select(self.selected.saturating_sub(1)),
            Action::PageDown => self.select(self.selected + self.list_page()),
            Action::PageUp => self.select(self.selected.saturating_sub(self.list_page())),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(usize::MAX),
            Action::Open if self.compare_pick.is_some() => self.finish_pick(),
            Action::Open | Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::Search if !self.hits.is_empty() => Focus::Detail,
                    _ => Focus::Search,
                }
            }
            Action::FocusSearch => self.focus = Focus::Search,
            Action::MarkCompare => self.mark_compare(),
            Action::CompareConfused => self.compare_confused(),
            Action::OpenCheatsheet => self.open_cheatsheet(),
            Action::NextSnippet => self.cycle_snippet(true),
            Action::PrevSnippet => self.cycle_snippet(false),
            Action::CopySnippet => self.copy_from_entry(CopyTarget::Snippet),
            Action::CopyTitle => self.copy_from_entry(CopyTarget::Title),
            Action::CopyExample => self.copy_from_entry(CopyTarget::Example),
            Action::CopyCurl => self.copy_from_entry(CopyTarget::Curl),
            Action::Click(column, row) => self.click(Position::new(column, row)),
            Action::Wheel { column, row, down } => self.wheel(Position::new(column, row), down),
            _ => {}
        }
    }

    /// Esc: back to the quiz that opened the detail; else leave the detail
    /// pane; else cancel a pick; else clear; else quit.
    fn back(&mut self) {
        if self.return_to_quiz {
            self.return_to_quiz = false;
            self.mode = Mode::Quiz;
        } else if self.focus == Focus::Detail {
            self.focus = Focus::Search;
        } else if self.compare_pick.is_some() {
            self.cancel_pick();
        } else if !self.query.is_empty() {
            self.set_query("");
        } else {
            self.should_quit = true;
        }
    }

    pub(super) fn set_query(&mut self, query: &str) {
        self.query = query.chars().take(MAX_QUERY_CHARS).collect();
        self.refresh_hits();
    }

    pub(super) fn cycle_filter(&mut self, action: Action) {
        if action == Action::CycleClass {
            self.filter.class = cycle(&Class::ALL, self.filter.class);
        } else {
            self.filter.origin = cycle(&Origin::ALL, self.filter.origin);
        }
        self.refresh_hits();
        self.refresh_cheatsheet();
    }

    /// Re-runs the search. A new query puts its best match first; a filter
    /// change keeps the same entry selected when it is still listed.
    pub(super) fn refresh_hits(&mut self) {
        let previous = self.hits.get(self.selected).map(|h| h.index);
        self.hits = search::search_narrowing(
            &self.catalog,
            &self.query,
            &self.filter,
            &mut self.narrowing,
        );
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

    /// Selects the entry at catalog index `index`, clearing what hides it.
    pub(super) fn reveal(&mut self, index: usize) {
        if !self.filter.accepts(&self.catalog.entries()[index]) {
            self.filter = Default::default();
        }
        self.set_query("");
        if let Some(pos) = self.hits.iter().position(|h| h.index == index) {
            self.select(pos);
        }
    }

    /// Moves the selection, clamped to the list, and scrolls it into view.
    pub(super) fn select(&mut self, index: usize) {
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

    /// Rebuilds the detail document when the entry, the pane width or the
    /// snippet stack changed. A new entry starts at the top.
    pub(super) fn refresh_detail(&mut self) {
        let width = self.areas().map_or(0, |a| a.detail_text.width);
        let key = self
            .hits
            .get(self.selected)
            .map(|h| (h.index, width, self.snippet_lang));
        if key == self.detail_key {
            self.detail_scroll = self.detail_scroll.min(self.max_detail_scroll());
            return;
        }
        if self.detail_key.map(|k| k.0) != key.map(|k| k.0) {
            self.detail_scroll = 0;
        }
        self.detail_key = key;
        let doc = self.selected_entry().map(|entry| {
            let lang = Some(self.snippet_lang);
            detail::entry_document(&self.catalog, entry, &self.theme, width as usize, lang)
        });
        self.snippet_at = doc.as_ref().and_then(|d| d.snippet_at);
        self.detail_lines = doc.map(|d| d.lines).unwrap_or_default();
        self.detail_scroll = self.detail_scroll.min(self.max_detail_scroll());
    }

    /// Shows the next (or previous) stack's snippet, scrolled into view.
    /// The runner remembers the last one shown when the app exits.
    fn cycle_snippet(&mut self, forward: bool) {
        self.snippet_lang = step(&Lang::ALL, self.snippet_lang, forward);
        self.refresh_detail();
        if let Some(at) = self.snippet_at {
            self.detail_scroll = at.min(self.max_detail_scroll());
        }
    }

    /// Copies a piece of the selected entry: the snippet, its title line,
    /// its example response or the curl command that checks it.
    fn copy_from_entry(&mut self, what: CopyTarget) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        let code = entry.display_code().to_string();
        let (text, label) = match what {
            CopyTarget::Snippet => {
                let lang = self.snippet_lang;
                let text = snippets::snippet(&self.catalog, entry, lang).code;
                (text, format!("{} snippet for {code}", lang.label()))
            }
            CopyTarget::Title => (entry.title(), format!("\"{}\"", entry.title())),
            CopyTarget::Example => (
                entry.example.to_string(),
                format!("the example {code} response"),
            ),
            CopyTarget::Curl => (
                snippets::snippet(&self.catalog, entry, Lang::Curl).code,
                format!("the curl command for {code}"),
            ),
        };
        self.copy(text, label);
    }

    fn list_page(&self) -> usize {
        self.areas().map_or(1, |a| a.list_rows.height as usize)
    }

    fn detail_height(&self) -> u16 {
        self.areas().map_or(0, |a| a.detail_text.height)
    }

    pub fn max_detail_scroll(&self) -> usize {
        App::max_scroll(self.detail_lines.len(), self.detail_height())
    }

    fn scroll_detail(&mut self, delta: isize) {
        let (lines, height) = (self.detail_lines.len(), self.detail_height());
        self.detail_scroll = App::scrolled(self.detail_scroll, delta, lines, height);
    }

    fn click(&mut self, at: Position) {
        let Some(areas) = self.areas() else { return };
        if areas.list_rows.contains(at) {
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
        let step = if down { WHEEL_STEP } else { -WHEEL_STEP };
        if areas.list.contains(at) {
            self.select(self.selected.saturating_add_signed(step));
        } else if areas.detail.contains(at) {
            self.scroll_detail(step);
        }
    }

    pub(super) fn open_cheatsheet(&mut self) {
        self.mode = Mode::Cheatsheet;
        self.refresh_cheatsheet();
        if let Some(entry) = self.hits.get(self.selected).map(|h| h.index) {
            self.cheatsheet.select_entry(entry);
        }
    }
}

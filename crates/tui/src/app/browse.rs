//! The browse screen: search, list selection and the detail pane.

use ratatui::layout::Position;
use ratatui::text::Line;

use super::{App, Screen, WHEEL_STEP, cycle, line_input, scroll_delta, step};
use crate::action::Action;
use httpdex_catalog::search::{self, Filter, Hit, MAX_QUERY_CHARS, Narrowing};
use httpdex_catalog::{Class, EntryRef, Origin};
use httpdex_core::detail;
use httpdex_core::guides::{self, Guide};
use httpdex_core::snippets::{self, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Search,
    Detail,
}

/// The browse screen's state: the search, the list and the detail pane.
#[derive(Debug, Clone, Default)]
pub struct Browse {
    pub query: String,
    pub filter: Filter,
    pub hits: Vec<Hit>,
    /// Guides that match the query, listed below the codes.
    pub guides: Vec<&'static Guide>,
    /// The last search, which the next keystroke can narrow.
    narrowing: Option<Narrowing>,
    /// Index into the rows: `hits`, then `guides`; meaningless when both
    /// are empty.
    pub selected: usize,
    /// First visible row of the list.
    pub list_offset: usize,
    pub focus: Focus,
    pub detail: Detail,
}

/// The detail pane: the selected entry's document, wrapped to the pane.
#[derive(Debug, Clone)]
pub struct Detail {
    pub lines: Vec<Line<'static>>,
    /// Which (entry, width, stack) `lines` was built for.
    key: Option<(EntryRef, u16, Lang)>,
    pub scroll: usize,
    /// Where the snippet section starts in `lines`.
    pub snippet_at: Option<usize>,
    /// The stack whose snippet the pane shows.
    pub lang: Lang,
    /// Whether the user chose the stack in this session (it is saved then).
    pub lang_chosen: bool,
}

impl Browse {
    /// How many rows the list has: the codes, then the guides.
    pub fn rows(&self) -> usize {
        self.hits.len() + self.guides.len()
    }
}

impl Default for Detail {
    fn default() -> Self {
        Detail {
            lines: Vec::new(),
            key: None,
            scroll: 0,
            snippet_at: None,
            lang: Lang::Express,
            lang_chosen: false,
        }
    }
}

/// Where `httpdex serve` listens unless told otherwise.
const PLAYGROUND: &str = "127.0.0.1:8080";

#[derive(Debug, Clone, Copy)]
enum CopyTarget {
    Snippet,
    Title,
    Example,
    Curl,
    /// `curl -i` against `httpdex serve` on its default address.
    Playground,
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
                if line_input::type_char(&mut self.browse.query, c, MAX_QUERY_CHARS) =>
            {
                self.browse.focus = Focus::Search;
                self.refresh_hits();
            }
            Action::Backspace if self.browse.query.pop().is_some() => self.refresh_hits(),
            Action::DeleteWord => {
                let trimmed = self.browse.query.trim_end();
                let cut = trimmed.rfind(' ').map_or(0, |i| i + 1);
                self.browse.query.truncate(cut);
                self.refresh_hits();
            }
            Action::ClearQuery => self.set_query(""),
            Action::Back => self.back(),
            Action::SelectNext => self.select(self.browse.selected.saturating_add(1)),
            Action::SelectPrev => self.select(self.browse.selected.saturating_sub(1)),
            Action::PageDown => self.select(self.browse.selected + self.list_page()),
            Action::PageUp => self.select(self.browse.selected.saturating_sub(self.list_page())),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(usize::MAX),
            Action::Open if matches!(self.screen(), Screen::Pick { .. }) => self.finish_pick(),
            Action::Open
                if self.browse.focus == Focus::Search && self.selected_guide().is_some() =>
            {
                let slug = self.selected_guide().map(|g| g.slug.as_str()).unwrap_or("");
                self.open_guide(slug, None);
            }
            Action::Open | Action::ToggleFocus => {
                self.browse.focus = match self.browse.focus {
                    Focus::Search if self.browse.rows() > 0 => Focus::Detail,
                    _ => Focus::Search,
                }
            }
            Action::FocusSearch => self.browse.focus = Focus::Search,
            Action::MarkCompare => self.mark_compare(),
            Action::CompareConfused => self.compare_confused(),
            Action::OpenCheatsheet => self.open_cheatsheet(),
            Action::NextSnippet => self.cycle_snippet(true),
            Action::PrevSnippet => self.cycle_snippet(false),
            Action::CopySnippet => self.copy_from_entry(CopyTarget::Snippet),
            Action::CopyTitle => self.copy_from_entry(CopyTarget::Title),
            Action::CopyExample => self.copy_from_entry(CopyTarget::Example),
            Action::CopyCurl => self.copy_from_entry(CopyTarget::Curl),
            Action::CopyPlaygroundCurl => self.copy_from_entry(CopyTarget::Playground),
            Action::ReadGuide => self.read_about_selected(),
            Action::OpenLink => self.open_source(false),
            Action::OpenVendorPage => self.open_source(true),
            Action::Click(column, row) => self.click(Position::new(column, row)),
            Action::Wheel { column, row, down } => self.wheel(Position::new(column, row), down),
            _ => {}
        }
    }

    /// Esc: back to the screen that opened this one (the quiz that showed
    /// an answer, the comparison being picked for); else leave the detail
    /// pane; else clear; else quit.
    fn back(&mut self) {
        if self.close() {
            return;
        }
        if self.browse.focus == Focus::Detail {
            self.browse.focus = Focus::Search;
        } else if !self.browse.query.is_empty() {
            self.set_query("");
        } else {
            self.should_quit = true;
        }
    }

    /// Pasted text goes into the box of the screen shown (the search, the
    /// URL, the log's path) as one line (`line_input`); what is past the
    /// box's length is cut, with a note. Screens without a box ignore it.
    pub fn paste(&mut self, text: &str) {
        match self.screen() {
            Screen::Check => return self.paste_url(text),
            Screen::Logs => return self.paste_path(text),
            Screen::Browse | Screen::Pick { .. } => {}
            _ => return,
        }
        let line = line_input::one_line(text);
        let cut = line_input::append(&mut self.browse.query, &line, MAX_QUERY_CHARS, "search");
        if cut.is_some() {
            self.status = cut;
        }
        self.browse.focus = Focus::Search;
        self.refresh_hits();
    }

    pub(super) fn set_query(&mut self, query: &str) {
        self.browse.query = query.chars().take(MAX_QUERY_CHARS).collect();
        self.refresh_hits();
    }

    pub(super) fn cycle_filter(&mut self, action: Action) {
        if action == Action::CycleClass {
            self.browse.filter.class = cycle(&Class::ALL, self.browse.filter.class);
        } else {
            self.browse.filter.origin = cycle(&Origin::ALL, self.browse.filter.origin);
        }
        self.refresh_hits();
        self.refresh_cheatsheet();
    }

    /// Re-runs the search. A new query puts its best match first; a filter
    /// change keeps the same entry selected when it is still listed.
    pub(super) fn refresh_hits(&mut self) {
        let previous = self.browse.hits.get(self.browse.selected).map(|h| h.entry);
        self.browse.hits = search::search_narrowing(
            &self.catalog,
            &self.browse.query,
            &self.browse.filter,
            &mut self.browse.narrowing,
        );
        self.browse.guides = match self.browse.query.trim() {
            "" => Vec::new(),
            query => guides::search(query),
        };
        let keep = previous.and_then(|p| self.browse.hits.iter().position(|h| h.entry == p));
        self.browse.selected = if self.browse.query.is_empty() {
            keep.unwrap_or(0)
        } else {
            0
        };
        self.browse.list_offset = 0;
        if self.browse.rows() == 0 {
            self.browse.focus = Focus::Search;
        }
        self.select(self.browse.selected);
    }

    /// Selects `entry`, clearing what hides it.
    pub(super) fn reveal(&mut self, entry: EntryRef) {
        if !self.browse.filter.accepts(self.catalog.entry(entry)) {
            self.browse.filter = Default::default();
        }
        self.set_query("");
        if let Some(pos) = self.browse.hits.iter().position(|h| h.entry == entry) {
            self.select(pos);
        }
    }

    /// The guide on the selected row, when the selection is below the codes.
    pub fn selected_guide(&self) -> Option<&'static Guide> {
        let i = self.browse.selected.checked_sub(self.browse.hits.len())?;
        self.browse.guides.get(i).copied()
    }

    /// Moves the selection, clamped to the list, and scrolls it into view.
    pub(super) fn select(&mut self, index: usize) {
        let last = self.browse.rows().saturating_sub(1);
        self.browse.selected = index.min(last);
        let page = self.list_page().max(1);
        if self.browse.selected < self.browse.list_offset {
            self.browse.list_offset = self.browse.selected;
        } else if self.browse.selected >= self.browse.list_offset + page {
            self.browse.list_offset = self.browse.selected + 1 - page;
        }
        self.browse.list_offset = self
            .browse
            .list_offset
            .min(self.browse.rows().saturating_sub(page));
        self.refresh_detail();
    }

    /// Rebuilds the detail document when the entry, the pane width or the
    /// snippet stack changed. A new entry starts at the top.
    pub(super) fn refresh_detail(&mut self) {
        let width = self.areas().map_or(0, |a| a.detail_text.width);
        let key = self
            .browse
            .hits
            .get(self.browse.selected)
            .map(|h| (h.entry, width, self.browse.detail.lang));
        if let Some(guide) = self.selected_guide() {
            // A guide's row shows the guide itself.
            let page = guides::render(guide, &self.theme, width as usize);
            self.browse.detail.lines = page.lines;
            self.browse.detail.key = None;
            self.browse.detail.snippet_at = None;
            self.browse.detail.scroll = 0;
            return;
        }
        if key == self.browse.detail.key {
            self.browse.detail.scroll = self.browse.detail.scroll.min(self.max_detail_scroll());
            return;
        }
        if self.browse.detail.key.map(|k| k.0) != key.map(|k| k.0) {
            self.browse.detail.scroll = 0;
        }
        self.browse.detail.key = key;
        let doc = self.selected_entry().map(|entry| {
            let keys = crate::hints::snippet_keys();
            let section = detail::SnippetSection {
                lang: self.browse.detail.lang,
                keys: &keys,
            };
            let width = width as usize;
            detail::entry_document(&self.catalog, entry, &self.theme, width, Some(section))
        });
        self.browse.detail.snippet_at = doc.as_ref().and_then(|d| d.snippet_at);
        self.browse.detail.lines = doc.map(|d| d.lines).unwrap_or_default();
        self.browse.detail.scroll = self.browse.detail.scroll.min(self.max_detail_scroll());
    }

    /// Shows the next (or previous) stack's snippet, scrolled into view.
    /// The runner remembers the last one shown when the app exits.
    fn cycle_snippet(&mut self, forward: bool) {
        self.browse.detail.lang = step(&Lang::ALL, self.browse.detail.lang, forward);
        self.browse.detail.lang_chosen = true;
        self.refresh_detail();
        if let Some(at) = self.browse.detail.snippet_at {
            self.browse.detail.scroll = at.min(self.max_detail_scroll());
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
                let lang = self.browse.detail.lang;
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
            CopyTarget::Playground => (
                format!("curl -i http://{PLAYGROUND}/{}", entry.id),
                format!("curl for {code} against httpdex serve (start it first)"),
            ),
        };
        self.copy(text, label);
    }

    /// Opens the entry's cited RFC section, or (`vendor`) the first page
    /// it cites that is no RFC: the vendor's documentation or Google's.
    fn open_source(&mut self, vendor: bool) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        let url = entry
            .spec
            .iter()
            .find(|s| s.document.starts_with("RFC") != vendor && !s.url.is_empty())
            .map(|s| s.url.to_string());
        match url {
            Some(url) => self.effects.push(super::Effect::OpenUrl(url)),
            None if vendor => self.status = Some("This entry cites no vendor page".into()),
            None => self.status = Some("This entry cites no RFC".into()),
        }
    }

    fn list_page(&self) -> usize {
        self.areas().map_or(1, |a| a.list_rows.height as usize)
    }

    fn detail_height(&self) -> u16 {
        self.areas().map_or(0, |a| a.detail_text.height)
    }

    pub fn max_detail_scroll(&self) -> usize {
        super::max_scroll(self.browse.detail.lines.len(), self.detail_height())
    }

    fn scroll_detail(&mut self, delta: isize) {
        let (lines, height) = (self.browse.detail.lines.len(), self.detail_height());
        self.browse.detail.scroll =
            super::scrolled(self.browse.detail.scroll, delta, lines, height);
    }

    fn click(&mut self, at: Position) {
        let Some(areas) = self.areas() else { return };
        if areas.list_rows.contains(at) {
            self.browse.focus = Focus::Search;
            let row = self.browse.list_offset + (at.y - areas.list_rows.y) as usize;
            if row < self.browse.rows() {
                self.select(row);
            }
        } else if areas.detail.contains(at) && self.browse.rows() > 0 {
            self.browse.focus = Focus::Detail;
        } else if areas.search.contains(at) {
            self.browse.focus = Focus::Search;
        }
    }

    /// The wheel scrolls the pane under the pointer, whatever has focus.
    fn wheel(&mut self, at: Position, down: bool) {
        let Some(areas) = self.areas() else { return };
        let step = if down { WHEEL_STEP } else { -WHEEL_STEP };
        if areas.list.contains(at) {
            self.select(self.browse.selected.saturating_add_signed(step));
        } else if areas.detail.contains(at) {
            self.scroll_detail(step);
        }
    }

    pub(super) fn open_cheatsheet(&mut self) {
        self.open(Screen::Cheatsheet);
        self.refresh_cheatsheet();
        if let Some(entry) = self.browse.hits.get(self.browse.selected).map(|h| h.entry) {
            self.cheatsheet.select_entry(entry);
        }
    }
}

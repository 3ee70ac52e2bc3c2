//! The guides: the list (with reading times) and the reader, which
//! scrolls like the detail pane and follows links: a code opens its entry,
//! a guide opens over this one, a web link opens in the browser. Esc goes
//! back along the screens, so readers can stack.

use super::{App, Effect, Screen, scroll_delta};
use crate::action::Action;
use crate::layout;
use httpdex_core::guides::{self, Rendered, Target};

/// How many guides may stand open on top of each other; following links
/// past it drops the oldest.
const MAX_READERS: usize = 16;

/// One open guide.
#[derive(Debug, Clone)]
pub struct Reader {
    pub slug: String,
    pub page: Rendered,
    pub scroll: usize,
    /// The selected link, an index into `page.links`.
    pub link: Option<usize>,
}

impl App {
    pub(super) fn open_guides(&mut self) {
        self.open(Screen::Guides);
    }

    pub(super) fn update_guides(&mut self, action: Action) {
        let count = guides::all().len();
        match action {
            Action::SelectNext => {
                self.guide_list = (self.guide_list + 1).min(count.saturating_sub(1))
            }
            Action::SelectPrev => self.guide_list = self.guide_list.saturating_sub(1),
            Action::Open => {
                if let Some(g) = guides::all().get(self.guide_list) {
                    self.open_guide(&g.slug.clone(), None);
                }
            }
            Action::Back => {
                self.close();
            }
            _ => {}
        }
    }

    /// Opens guide `slug` over the current screen, at `anchor` if given.
    pub(super) fn open_guide(&mut self, slug: &str, anchor: Option<&str>) {
        let Some(guide) = guides::get(slug) else {
            self.status = Some(format!("No guide {slug:?}"));
            return;
        };
        let width = layout::reader_text(self.area()).width as usize;
        let page = guides::render(guide, &self.theme, width);
        let scroll = anchor.and_then(|a| page.anchor_line(a)).unwrap_or(0);
        if self.readers.len() == MAX_READERS {
            self.readers.remove(0);
            if let Some(i) = self.stack.iter().position(|s| *s == Screen::Reader) {
                self.stack.remove(i);
            }
        }
        self.readers.push(Reader {
            slug: guide.slug.clone(),
            page,
            scroll: 0,
            link: None,
        });
        self.stack.push(Screen::Reader);
        self.scroll_reader(scroll as isize);
    }

    /// The reader on top, if one is showing.
    pub fn reader(&self) -> Option<&Reader> {
        self.readers.last()
    }

    pub(super) fn update_reader(&mut self, action: Action) {
        let height = layout::reader_text(self.area()).height;
        if let Some(delta) = scroll_delta(&action, height) {
            return self.scroll_reader(delta);
        }
        match action {
            Action::NextLink => self.step_link(true),
            Action::PrevLink => self.step_link(false),
            Action::Open => self.follow_link(),
            Action::OpenLink => match self.selected_target() {
                Some(Target::Web(url)) => self.effects.push(Effect::OpenUrl(url)),
                _ => self.status = Some("Select a web link first".to_string()),
            },
            Action::Back => {
                self.close();
            }
            _ => {}
        }
    }

    fn scroll_reader(&mut self, delta: isize) {
        let height = layout::reader_text(self.area()).height;
        if let Some(r) = self.readers.last_mut() {
            r.scroll = super::scrolled(r.scroll, delta, r.page.lines.len(), height);
        }
    }

    pub fn max_reader_scroll(&self) -> usize {
        let height = layout::reader_text(self.area()).height;
        self.reader()
            .map_or(0, |r| super::max_scroll(r.page.lines.len(), height))
    }

    /// Selects the next (or previous) link, scrolling it into view.
    fn step_link(&mut self, forward: bool) {
        let height = layout::reader_text(self.area()).height as usize;
        let Some(r) = self.readers.last_mut() else {
            return;
        };
        let count = r.page.links.len();
        if count == 0 {
            return;
        }
        r.link = Some(match (r.link, forward) {
            (None, true) => first_link_from(&r.page, r.scroll).unwrap_or(0),
            (None, false) => count - 1,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        });
        let line = r.link.and_then(|l| r.page.link_line(l)).unwrap_or(0);
        if line < r.scroll || line >= r.scroll + height {
            r.scroll = line.saturating_sub(height / 3);
        }
        self.scroll_reader(0);
    }

    fn selected_target(&self) -> Option<Target> {
        let r = self.reader()?;
        r.page.links.get(r.link?).cloned()
    }

    /// Enter on a link: its entry, its guide, or the browser.
    fn follow_link(&mut self) {
        match self.selected_target() {
            None => self.status = Some(crate::hints::select_a_link()),
            Some(Target::Code(id)) => match self.catalog.entry_ref(&id) {
                Some(entry) => self.show_entry_over(entry),
                None => self.status = Some(format!("No entry {id}")),
            },
            Some(Target::Guide { slug, anchor }) => self.open_guide(&slug, anchor.as_deref()),
            Some(Target::Web(url)) => self.effects.push(Effect::OpenUrl(url)),
        }
    }

    /// Detail `r`: the first guide that discusses the selected code, at
    /// the section that does.
    pub(super) fn read_about_selected(&mut self) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        let id = entry.id.to_string();
        match guides::further_reading(&id).first() {
            Some(r) => {
                let anchor = (!r.anchor.is_empty()).then_some(r.anchor);
                self.open_guide(r.slug, anchor);
            }
            None => self.status = Some(format!("No guide discusses {id} yet")),
        }
    }

    /// Re-renders open guides at the new width, keeping each one's place.
    pub(super) fn refresh_readers(&mut self) {
        let width = layout::reader_text(self.area()).width as usize;
        for r in &mut self.readers {
            if let Some(guide) = guides::get(&r.slug) {
                r.page = guides::render(guide, &self.theme, width);
            }
        }
        self.scroll_reader(0);
    }
}

/// The first link at or below line `scroll`.
fn first_link_from(page: &Rendered, scroll: usize) -> Option<usize> {
    page.spots.iter().find(|s| s.line >= scroll).map(|s| s.link)
}

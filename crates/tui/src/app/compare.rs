//! The compare screen: two entries side by side, and the pick flow that
//! chooses them with the ordinary search.

use ratatui::text::Line;

use super::{App, Focus, Screen, scroll_delta, step};
use crate::action::Action;
use crate::layout;
use httpdex_catalog::EntryRef;
use httpdex_core::compare::{self, Comparison};

/// Which side of the comparison the search is picking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickSide {
    Left,
    Right,
}

pub struct CompareView {
    pub left: EntryRef,
    pub right: EntryRef,
    pub comparison: Comparison,
    /// The table wrapped to the screen width.
    pub lines: Vec<Line<'static>>,
    pub scroll: usize,
}

impl App {
    pub(super) fn update_compare(&mut self, action: Action) {
        let Some(view) = self.compare.as_ref() else {
            self.close();
            return;
        };
        let (left, right) = (view.left, view.right);
        let height = layout::compare_text(self.area()).height;
        if let Some(delta) = scroll_delta(&action, height) {
            return self.scroll_compare(delta);
        }
        match action {
            Action::Back => {
                self.close();
            }
            Action::Swap => self.open_compare(right, left),
            Action::ReplaceLeft => self.start_pick(right, PickSide::Left),
            Action::ReplaceRight => self.start_pick(left, PickSide::Right),
            Action::NextPartner => self.next_partner(),
            Action::Copy => {
                let text = view.comparison.to_markdown();
                let what = format!(
                    "{} vs {} as a Markdown table",
                    view.comparison.a.id, view.comparison.b.id
                );
                self.copy(text, what);
            }
            Action::OpenCheatsheet => self.open_cheatsheet(),
            _ => {}
        }
    }

    /// Marks the selected entry as the left side and lets the search pick
    /// the right one.
    pub(super) fn mark_compare(&mut self) {
        if let Some(hit) = self.browse.hits.get(self.browse.selected) {
            self.start_pick(hit.entry, PickSide::Right);
        }
    }

    /// `keep` stays; the search picks the entry for `side`. Esc goes back
    /// to the screen the pick started from.
    fn start_pick(&mut self, keep: EntryRef, side: PickSide) {
        self.open(Screen::Pick { keep, side });
        self.browse.focus = Focus::Search;
        self.set_query("");
        let name = self.catalog.entry(keep).title();
        self.status = Some(crate::hints::picking(&name));
    }

    pub(super) fn finish_pick(&mut self) {
        let (Screen::Pick { keep, side }, Some(hit)) =
            (self.screen(), self.browse.hits.get(self.browse.selected))
        else {
            return;
        };
        let chosen = hit.entry;
        self.close();
        match side {
            PickSide::Left => self.open_compare(chosen, keep),
            PickSide::Right => self.open_compare(keep, chosen),
        }
    }

    /// Compares the selected entry with the first code it is confused with
    /// (or, lacking one, the first related code).
    pub(super) fn compare_confused(&mut self) {
        let Some(hit) = self.browse.hits.get(self.browse.selected) else {
            return;
        };
        let left = hit.entry;
        match self.partners(left).first().copied() {
            Some(right) => self.open_compare(left, right),
            None => self.status = Some("This code has no commonly confused code".to_string()),
        }
    }

    /// The codes an entry is compared with by `c` and `n`: those it is
    /// confused with, then its related codes, as far as the catalog has them.
    fn partners(&self, entry: EntryRef) -> Vec<EntryRef> {
        let entry = self.catalog.entry(entry);
        entry
            .confused_with
            .iter()
            .chain(&entry.related)
            .filter_map(|id| self.catalog.entry_ref(id))
            .collect()
    }

    /// The next code the left entry is confused with, cycling.
    fn next_partner(&mut self) {
        let Some(view) = &self.compare else { return };
        let partners = self.partners(view.left);
        if partners.is_empty() {
            return;
        }
        self.open_compare(view.left, step(&partners, view.right, true));
    }

    pub(super) fn open_compare(&mut self, left: EntryRef, right: EntryRef) {
        let (a, b) = (self.catalog.entry(left), self.catalog.entry(right));
        let comparison = Comparison::new(&self.catalog, a, b);
        self.compare = Some(CompareView {
            left,
            right,
            comparison,
            lines: Vec::new(),
            scroll: 0,
        });
        self.open(Screen::Compare);
        self.refresh_compare();
    }

    /// Re-wraps the table to the current width.
    pub(super) fn refresh_compare(&mut self) {
        let width = layout::compare_text(self.area()).width as usize;
        if let Some(view) = self.compare.as_mut() {
            view.lines = compare::lines(&view.comparison, &self.catalog, &self.theme, width);
        }
        self.scroll_compare(0);
    }

    pub fn max_compare_scroll(&self) -> usize {
        let height = layout::compare_text(self.area()).height;
        self.compare
            .as_ref()
            .map_or(0, |v| super::max_scroll(v.lines.len(), height))
    }

    fn scroll_compare(&mut self, delta: isize) {
        let height = layout::compare_text(self.area()).height;
        if let Some(view) = self.compare.as_mut() {
            view.scroll = super::scrolled(view.scroll, delta, view.lines.len(), height);
        }
    }
}

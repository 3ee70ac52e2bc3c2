//! The cheat sheet: every code at once, grouped by class, flowing down
//! columns like a newspaper. The grid is computed here from the screen
//! size so navigation and drawing agree.

use super::{App, Focus, Screen};
use crate::action::Action;
use crate::layout;
use httpdex_catalog::{Class, EntryRef};

/// Narrowest column that still reads: `403.14 Directory listing…`.
pub(crate) const MIN_COLUMN_WIDTH: u16 = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheatItem {
    Header(Class),
    Entry(EntryRef),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheatSheet {
    pub items: Vec<CheatItem>,
    /// Rows per column.
    pub rows: usize,
    pub column_width: u16,
    /// Columns that fit on screen.
    pub visible_columns: usize,
    /// First column on screen.
    pub column_offset: usize,
    /// Index into `items`; always an entry when there is one.
    pub selected: usize,
    /// How many of the items are entries (not class headers).
    pub entry_count: usize,
}

impl CheatSheet {
    pub fn columns(&self) -> usize {
        self.items.len().div_ceil(self.rows.max(1))
    }

    /// (column, row) of item `i`.
    pub fn position(&self, i: usize) -> (usize, usize) {
        let rows = self.rows.max(1);
        (i / rows, i % rows)
    }

    pub fn selected_entry(&self) -> Option<EntryRef> {
        match self.items.get(self.selected) {
            Some(CheatItem::Entry(i)) => Some(*i),
            _ => None,
        }
    }

    pub(crate) fn select_entry(&mut self, entry: EntryRef) {
        if let Some(i) = self
            .items
            .iter()
            .position(|x| *x == CheatItem::Entry(entry))
        {
            self.selected = i;
            self.scroll_into_view();
        }
    }

    /// Moves to item `target`, stepping over headers in the direction of travel.
    fn select(&mut self, target: isize, forward: bool) {
        let last = self.items.len() as isize - 1;
        let mut i = target.clamp(0, last.max(0));
        while let Some(CheatItem::Header(_)) = self.items.get(i as usize) {
            i += if forward { 1 } else { -1 };
            if i < 0 || i > last {
                return;
            }
        }
        self.selected = i as usize;
        self.scroll_into_view();
    }

    fn scroll_into_view(&mut self) {
        let (column, _) = self.position(self.selected);
        let visible = self.visible_columns.max(1);
        if column < self.column_offset {
            self.column_offset = column;
        } else if column >= self.column_offset + visible {
            self.column_offset = column + 1 - visible;
        }
    }
}

impl App {
    pub(super) fn update_cheatsheet(&mut self, action: Action) {
        let sheet = &mut self.cheatsheet;
        let rows = sheet.rows.max(1) as isize;
        let at = sheet.selected as isize;
        match action {
            Action::Back => {
                self.close();
            }
            Action::SelectNext | Action::ScrollDown => sheet.select(at + 1, true),
            Action::SelectPrev | Action::ScrollUp => sheet.select(at - 1, false),
            Action::Right | Action::PageDown => sheet.select(at + rows, true),
            Action::Left | Action::PageUp => sheet.select(at - rows, false),
            Action::SelectFirst => sheet.select(0, true),
            Action::SelectLast => sheet.select(isize::MAX / 2, false),
            Action::Open => {
                if let Some(entry) = sheet.selected_entry() {
                    self.open(Screen::Browse);
                    self.reveal(entry);
                    self.browse.focus = Focus::Detail;
                }
            }
            Action::Click(column, row) => self.click_cheatsheet(column, row),
            _ => {}
        }
    }

    fn click_cheatsheet(&mut self, column: u16, row: u16) {
        let area = layout::cheatsheet_grid(self.area());
        let sheet = &mut self.cheatsheet;
        if !area.contains((column, row).into()) || sheet.column_width == 0 {
            return;
        }
        let col = sheet.column_offset + ((column - area.x) / sheet.column_width) as usize;
        let index = col * sheet.rows + (row - area.y) as usize;
        if let Some(CheatItem::Entry(_)) = sheet.items.get(index) {
            sheet.selected = index;
            self.update_cheatsheet(Action::Open);
        }
    }

    /// Rebuilds the grid for the current filters and screen size, keeping
    /// the selected entry.
    pub(super) fn refresh_cheatsheet(&mut self) {
        let keep = self.cheatsheet.selected_entry();
        let mut items = Vec::new();
        for class in Class::ALL {
            let mut group = self
                .catalog
                .entry_refs()
                .filter(|(_, e)| e.class() == class && self.browse.filter.accepts(e))
                .map(|(r, _)| CheatItem::Entry(r))
                .peekable();
            if group.peek().is_some() {
                items.push(CheatItem::Header(class));
                items.extend(group);
            }
        }
        let area = layout::cheatsheet_grid(self.area());
        let rows = (area.height as usize).max(1);
        let columns = items.len().div_ceil(rows).max(1);
        let fit = (area.width / MIN_COLUMN_WIDTH).max(1) as usize;
        let visible_columns = columns.min(fit);
        let entry_count = items
            .iter()
            .filter(|i| matches!(i, CheatItem::Entry(_)))
            .count();
        self.cheatsheet = CheatSheet {
            entry_count,
            items,
            rows,
            column_width: area.width / visible_columns as u16,
            visible_columns,
            column_offset: 0,
            selected: 0,
        };
        self.cheatsheet.select(0, true);
        if let Some(entry) = keep {
            self.cheatsheet.select_entry(entry);
        }
    }
}

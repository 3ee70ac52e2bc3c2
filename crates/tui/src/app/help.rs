//! The help overlay's state: the key table laid out in columns when it
//! opens (and on resize), and how far it is scrolled.

use ratatui::text::Line;

use super::{App, Screen, scroll_delta};
use crate::action::Action;
use crate::layout;

/// The help overlay: its lines, one list per column, laid out when it
/// opens (and on resize), and how far it is scrolled.
#[derive(Debug, Clone, Default)]
pub struct Help {
    pub columns: Vec<Vec<Line<'static>>>,
    pub scroll: usize,
}

impl App {
    pub(super) fn update_help(&mut self, action: Action) {
        let height = layout::help_area(self.area()).height.saturating_sub(2);
        if let Some(delta) = scroll_delta(&action, height) {
            return self.scroll_help(delta);
        }
        if let Action::Back | Action::Click(..) = action {
            self.close();
        }
    }

    pub fn help_open(&self) -> bool {
        self.screen() == Screen::Help
    }

    /// Builds the help overlay's columns for the view under it and the
    /// screen's width; drawing only reads them.
    pub(super) fn lay_out_help(&mut self) {
        let width = layout::help_area(self.area()).width.saturating_sub(2);
        self.help.columns = crate::help::columns(&self.theme, self.view_context(), width);
    }

    pub(super) fn scroll_help(&mut self, delta: isize) {
        let height = layout::help_area(self.area()).height.saturating_sub(2);
        let rows = self.help.columns.iter().map(Vec::len).max().unwrap_or(0);
        self.help.scroll = super::scrolled(self.help.scroll, delta, rows, height);
    }
}

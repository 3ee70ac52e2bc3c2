//! Where each pane goes. A pure function of the terminal size, shared by
//! drawing and by `App::update` (mouse hit-testing, page sizes, scroll
//! limits), so the two can never disagree.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this the app shows a "terminal too small" notice instead.
pub(crate) const MIN_WIDTH: u16 = 60;
pub(crate) const MIN_HEIGHT: u16 = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The bordered search box.
    pub search: Rect,
    /// The bordered list pane and the rows inside it.
    pub list: Rect,
    pub list_rows: Rect,
    /// The bordered detail pane and the text inside it.
    pub detail: Rect,
    pub detail_text: Rect,
    /// One line of key hints and messages.
    pub footer: Rect,
}

/// `None` when the terminal is smaller than the minimum.
pub fn areas(area: Rect) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [search, body, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let list_width = (area.width * 2 / 5).clamp(28, 48);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(1)]).areas(body);
    let inner = Margin::new(1, 1);
    Some(Areas {
        search,
        list,
        list_rows: list.inner(inner),
        detail,
        detail_text: pane_text(detail),
        footer,
    })
}

/// Width of one column of the help overlay, borders included.
pub(crate) const HELP_COLUMN: u16 = 80;

/// The help overlay: centred, one column at most 80 wide, or two side by
/// side where the screen has room for both; as tall as the screen allows.
pub fn help_area(area: Rect) -> Rect {
    let room = area.width.saturating_sub(4);
    let width = if room >= 2 * HELP_COLUMN {
        2 * HELP_COLUMN
    } else {
        room.min(HELP_COLUMN)
    };
    let height = area.height.saturating_sub(2);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The text inside a bordered pane: one column of padding on each side
/// reads better. The views draw there and `update` pages by it.
pub(crate) fn pane_text(pane: Rect) -> Rect {
    pane.inner(Margin::new(2, 1))
}

/// Full-screen views (compare, cheat sheet): a bordered area above the footer.
pub(crate) fn screen_block(area: Rect) -> Rect {
    Rect {
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// The compare table's text area.
pub(crate) fn compare_text(area: Rect) -> Rect {
    pane_text(screen_block(area))
}

/// The guide reader's text area (and the list of guides').
pub fn reader_text(area: Rect) -> Rect {
    pane_text(screen_block(area))
}

/// The cheat sheet's grid.
pub(crate) fn cheatsheet_grid(area: Rect) -> Rect {
    screen_block(area).inner(Margin::new(1, 1))
}

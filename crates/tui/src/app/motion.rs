//! Moving through panes and lists: how far a scroll action goes, the
//! limits that keep it in range, and stepping or cycling through choices.

use crate::action::Action;

/// The scroll limit for `lines` shown in `height` rows.
pub(super) fn max_scroll(lines: usize, height: u16) -> usize {
    lines.saturating_sub(height as usize)
}

/// `position` moved by `delta`, kept within `lines` shown in `height` rows.
pub(super) fn scrolled(position: usize, delta: isize, lines: usize, height: u16) -> usize {
    position
        .saturating_add_signed(delta)
        .min(max_scroll(lines, height))
}

/// Lines one notch of the mouse wheel scrolls.
pub(super) const WHEEL_STEP: isize = 3;

/// How far a scroll action moves a pane `height` rows tall (a page keeps
/// one line in view), or `None` for other actions. Top and bottom overshoot;
/// `scrolled` clamps.
pub(super) fn scroll_delta(action: &Action, height: u16) -> Option<isize> {
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
pub(super) fn step<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let n = all.len();
    match all.iter().position(|x| *x == current) {
        Some(i) if forward => all[(i + 1) % n],
        Some(i) => all[(i + n - 1) % n],
        None => all[0],
    }
}

/// None → first → … → last → None.
pub(super) fn cycle<T: Copy + PartialEq>(all: &[T], current: Option<T>) -> Option<T> {
    match current {
        None => all.first().copied(),
        Some(c) => {
            let i = all.iter().position(|x| *x == c)?;
            all.get(i + 1).copied()
        }
    }
}

//! The escape sequences a terminal sends for keys and the mouse: CSI
//! (`ESC [`) and SS3 (`ESC O`). Coverage follows what xterm, VTE, kitty,
//! iTerm2, tmux and the Linux console send with the modes the app turns on
//! (mouse capture with SGR reports, bracketed paste).

use crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::decode::{PASTE_START, SEQUENCE_CAP, Step, key};

/// `ESC O` and one letter: arrows, Home, End, F1-F4 and keypad Enter.
pub(super) fn ss3(bytes: &[u8]) -> Step {
    let Some(&letter) = bytes.get(2) else {
        return Step::Incomplete;
    };
    match letter_key(letter) {
        Some(code) => Step::Event(key(code, KeyModifiers::NONE), 3),
        None if letter == b'M' => Step::Event(key(KeyCode::Enter, KeyModifiers::NONE), 3),
        None => Step::Skip(3),
    }
}

/// The keys named by a final letter, in both CSI and SS3 form.
fn letter_key(letter: u8) -> Option<KeyCode> {
    Some(match letter {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// A CSI sequence: `ESC [`, parameter bytes, one final byte.
pub(super) fn decode(bytes: &[u8]) -> Step {
    if bytes.starts_with(PASTE_START) {
        return Step::PasteStart(PASTE_START.len());
    }
    // The old mouse report: `ESC [ M` and three raw bytes.
    if bytes.get(2) == Some(&b'M') {
        return match bytes.get(3..6) {
            Some(&[cb, x, y]) => {
                let at = |b: u8| u16::from(b.saturating_sub(32));
                Step::Event(mouse(at(cb), at(x), at(y), false), 6)
            }
            _ => Step::Incomplete,
        };
    }
    let Some(end) = bytes[2..].iter().position(|b| !(0x20..=0x3f).contains(b)) else {
        return if bytes.len() > SEQUENCE_CAP {
            Step::Skip(bytes.len())
        } else {
            Step::Incomplete
        };
    };
    let end = end + 2;
    let last = bytes[end];
    // A byte that cannot end a sequence (a control, a non-ASCII byte)
    // cuts it short: drop what came before and decode that byte afresh.
    if !(0x40..=0x7e).contains(&last) {
        return Step::Skip(end);
    }
    if end > SEQUENCE_CAP {
        return Step::Skip(end + 1);
    }
    let params = &bytes[2..end];
    let len = end + 1;
    match sequence(params, last) {
        Some(event) => Step::Event(event, len),
        None => Step::Skip(len),
    }
}

fn sequence(params: &[u8], last: u8) -> Option<Event> {
    if let Some(sgr) = params.strip_prefix(b"<") {
        return sgr_mouse(sgr, last);
    }
    let numbers = numbers(params)?;
    let first = numbers.first().copied();
    let modifiers = numbers.get(1).map_or(KeyModifiers::NONE, |&m| modifiers(m));
    match last {
        // xterm's modifyOtherKeys (tmux's `extended-keys always`):
        // `ESC [ 27 ; modifiers ; code ~`, as kitty's form below.
        b'~' if first == Some(27) && numbers.len() == 3 => kitty_key(numbers[2], modifiers),
        b'~' => tilde_key(first?).map(|code| key(code, modifiers)),
        b'Z' => Some(key(KeyCode::BackTab, KeyModifiers::SHIFT | modifiers)),
        b'I' if params.is_empty() => Some(Event::FocusGained),
        b'O' if params.is_empty() => Some(Event::FocusLost),
        b'u' => kitty_key(first?, modifiers),
        // rxvt's mouse report: `ESC [ Cb ; Cx ; Cy M`, Cb offset by 32.
        b'M' if numbers.len() == 3 => Some(mouse(
            numbers[0].saturating_sub(32),
            numbers[1],
            numbers[2],
            false,
        )),
        _ => letter_key(last).map(|code| key(code, modifiers)),
    }
}

/// `ESC [ n ~` keys (VT220 style).
fn tilde_key(n: u16) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23..=26 => KeyCode::F((n - 12) as u8),
        28 | 29 => KeyCode::F((n - 15) as u8),
        31..=34 => KeyCode::F((n - 17) as u8),
        _ => return None,
    })
}

/// kitty's `ESC [ code ; modifiers u`, sent for keys the legacy encoding
/// cannot tell apart when the terminal is asked to (or configured so).
fn kitty_key(code: u16, modifiers: KeyModifiers) -> Option<Event> {
    let code = match code {
        9 => KeyCode::Tab,
        13 => KeyCode::Enter,
        27 => KeyCode::Esc,
        127 => KeyCode::Backspace,
        c => KeyCode::Char(char::from_u32(u32::from(c)).filter(|c| !c.is_control())?),
    };
    Some(key(code, modifiers))
}

/// The parameters as numbers (a missing one is 0); `None` for private or
/// malformed parameters, which no key uses. kitty's sub-parameters
/// (`1:3`) keep their first part.
fn numbers(params: &[u8]) -> Option<Vec<u16>> {
    if params.is_empty() {
        return Some(Vec::new());
    }
    params
        .split(|&b| b == b';')
        .map(|part| {
            let main = part.split(|&b| b == b':').next().unwrap_or_default();
            main.iter().try_fold(0u16, |n, &b| {
                b.is_ascii_digit()
                    .then(|| n.saturating_mul(10).saturating_add(u16::from(b - b'0')))
            })
        })
        .collect()
}

/// xterm's modifier parameter: 1 + a bit mask.
fn modifiers(param: u16) -> KeyModifiers {
    let mask = param.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    for (bit, m) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
        (16, KeyModifiers::HYPER),
        (32, KeyModifiers::META),
    ] {
        if mask & bit != 0 {
            modifiers |= m;
        }
    }
    modifiers
}

/// The SGR mouse report: `ESC [ < Cb ; Cx ; Cy M` (press) or `m` (release).
fn sgr_mouse(params: &[u8], last: u8) -> Option<Event> {
    let n = numbers(params)?;
    match (n.as_slice(), last) {
        (&[cb, x, y], b'M' | b'm') => Some(mouse(cb, x, y, last == b'm')),
        _ => None,
    }
}

/// A mouse report's button byte and 1-based position as an event.
fn mouse(cb: u16, x: u16, y: u16, release: bool) -> Event {
    let mut modifiers = KeyModifiers::NONE;
    for (bit, m) in [
        (4, KeyModifiers::SHIFT),
        (8, KeyModifiers::ALT),
        (16, KeyModifiers::CONTROL),
    ] {
        if cb & bit != 0 {
            modifiers |= m;
        }
    }
    let button = match cb & 0b11 {
        0 => Some(MouseButton::Left),
        1 => Some(MouseButton::Middle),
        2 => Some(MouseButton::Right),
        _ => None,
    };
    let kind = if cb & 64 != 0 {
        match cb & 0b11 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        button.map_or(MouseEventKind::Moved, MouseEventKind::Drag)
    } else if release {
        MouseEventKind::Up(button.unwrap_or(MouseButton::Left))
    } else {
        // The old report says "released" as button 3, without naming it.
        button.map_or(MouseEventKind::Up(MouseButton::Left), MouseEventKind::Down)
    };
    Event::Mouse(MouseEvent {
        kind,
        column: x.saturating_sub(1),
        row: y.saturating_sub(1),
        modifiers,
    })
}

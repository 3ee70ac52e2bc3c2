//! Random event sequences through the whole key/mouse/resize chain, every
//! view, sizes from 1x1 to 500x200: nothing panics and every index and
//! scroll offset stays in range.
//!
//! Bounded for CI; for a longer run:
//! `PROPTEST_CASES=5000 cargo test --release robustness`.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use httpdex_core::theme::Theme;
use httpdex_tui::app::{App, CheatItem, Screen};
use httpdex_tui::keymap::action_for;
use httpdex_tui::perform_effects;
use httpdex_tui::runner::Runner;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key_event() -> impl Strategy<Value = Event> {
    let codes = prop_oneof![
        prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Tab,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::F(1),
            KeyCode::F(2),
            KeyCode::F(3),
        ]),
        // Letters, digits and symbols the key table uses, plus a wide char.
        prop::sample::select(
            "0123456789abcdefghijklmnopqrstuvwxyzGN /?.-é語"
                .chars()
                .collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
    ];
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::CONTROL,
        KeyModifiers::SHIFT,
    ]);
    (codes, mods).prop_map(|(code, mods)| {
        // Ctrl-C quits; the run would end there, so it is left out.
        let mods = if code == KeyCode::Char('c') {
            KeyModifiers::NONE
        } else {
            mods
        };
        Event::Key(KeyEvent::new(code, mods))
    })
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        8 => key_event(),
        1 => (0u16..520, 0u16..220, 0u8..3).prop_map(|(column, row, kind)| {
            let kind = match kind {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::ScrollDown,
                _ => MouseEventKind::ScrollUp,
            };
            Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
        }),
        1 => (1u16..=500, 1u16..=200).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

fn check_invariants(app: &App) -> Result<(), TestCaseError> {
    if app.browse.rows() > 0 {
        prop_assert!(app.browse.selected < app.browse.rows());
        prop_assert!(app.browse.list_offset <= app.browse.selected);
    }
    prop_assert!(app.browse.detail.scroll <= app.max_detail_scroll());
    if let Some(view) = &app.compare {
        prop_assert!(view.scroll <= app.max_compare_scroll());
    }
    let sheet = &app.cheatsheet;
    if sheet.items.iter().any(|i| matches!(i, CheatItem::Entry(_))) {
        prop_assert!(sheet.selected_entry().is_some());
    }
    if let Some(view) = &app.quiz
        && let Some(q) = view.round.current()
    {
        prop_assert!(view.highlighted < q.choices.len());
    }
    // Going back and forth never piles screens up: each kind of screen is
    // on the stack once at most, but for readers (a guide's link opens
    // another over it) and the entries shown over them; whatever shows has
    // its state, one reader per reader screen.
    let stack = app.stack();
    for (i, screen) in stack.iter().enumerate() {
        let kind = std::mem::discriminant(screen);
        let repeats = matches!(screen, Screen::Reader | Screen::Browse);
        prop_assert!(
            repeats
                || stack[i + 1..]
                    .iter()
                    .all(|s| std::mem::discriminant(s) != kind),
            "{stack:?}"
        );
    }
    let readers = stack.iter().filter(|s| **s == Screen::Reader).count();
    prop_assert_eq!(readers, app.readers.len());
    match app.screen() {
        Screen::Compare => prop_assert!(app.compare.is_some()),
        Screen::Quiz => prop_assert!(app.quiz.is_some()),
        Screen::Reader => prop_assert!(app.reader().is_some()),
        _ => {}
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn random_events_never_panic_or_escape_their_ranges(
        size in (1u16..=500, 1u16..=200),
        events in prop::collection::vec(event(), 1..40),
    ) {
        let mut app = App::new(crate::catalog(), Theme::COLOR, size);
        for event in events {
            if let Some(action) = action_for(&event, app.context()) {
                app.update(action);
                perform_effects(&mut app, &mut crate::io(None, &Runner::new()));
            }
            app.should_quit = false;
            check_invariants(&app)?;
            let (w, h) = app.size;
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        }
    }
}

#[test]
fn a_megabyte_pasted_into_the_search_is_capped() {
    let mut app = App::new(crate::catalog(), Theme::PLAIN, (120, 40));
    for _ in 0..(1 << 20) / 64 {
        for c in "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk".chars() {
            app.update(httpdex_tui::action::Action::Insert(c));
        }
    }
    assert_eq!(
        app.browse.query.chars().count(),
        httpdex_catalog::search::MAX_QUERY_CHARS
    );
}

#[test]
fn pasted_and_typed_text_in_the_url_and_path_boxes_is_one_safe_capped_line() {
    use httpdex_tui::action::Action;
    let mut app = App::new(crate::catalog(), Theme::PLAIN, (120, 40));
    app.update(Action::OpenCheck);
    app.paste("\u{202e}https://example.test/\x1b]0;x\x07a b\nc");
    // The first word only, no control or bidi character.
    assert_eq!(app.check.input, "https://example.test/");
    app.update(Action::Insert('\u{2066}'));
    app.update(Action::Insert('\x1b'));
    assert_eq!(app.check.input, "https://example.test/");
    app.paste(&"x".repeat(1 << 20));
    assert_eq!(app.check.input.chars().count(), 8192);
    assert_eq!(
        app.status.as_deref(),
        Some("The paste was cut to the URL box's 8192 characters")
    );
    app.update(Action::Back);

    app.update(Action::OpenLogs);
    app.paste("/var/log/nginx/\x1b[2Jaccess.log\r\n");
    assert_eq!(app.logs.input, "/var/log/nginx/ [2Jaccess.log");
    app.paste(&"y".repeat(10_000));
    assert_eq!(app.logs.input.chars().count(), 4096);
    assert_eq!(
        app.status.as_deref(),
        Some("The paste was cut to the path box's 4096 characters")
    );
}

//! Driving the App through Actions, as the event loop does.

use httpdex::theme::Theme;
use httpdex::tui::action::Action;
use httpdex::tui::app::{App, Focus};
use httpdex::tui::keymap::{Context, action_for};

fn app() -> App {
    App::new(crate::catalog(), Theme::PLAIN, (120, 40))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

fn selected_id(app: &App) -> String {
    app.selected_entry()
        .map(|e| e.id.clone())
        .unwrap_or_default()
}

#[test]
fn typing_unauth_selects_401_and_tab_reads_it() {
    let mut app = app();
    type_text(&mut app, "unauth");
    assert_eq!(selected_id(&app), "401");
    assert!(
        app.detail_lines[0]
            .to_string()
            .starts_with("401 Unauthorized")
    );
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus, Focus::Detail);
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    assert_eq!(app.detail_scroll, 2);
    app.update(Action::ScrollBottom);
    assert_eq!(app.detail_scroll, app.max_detail_scroll());
    app.update(Action::ScrollTop);
    assert_eq!(app.detail_scroll, 0);
    // A letter typed while reading goes back to the search.
    app.update(Action::Insert('x'));
    assert_eq!(app.focus, Focus::Search);
    assert_eq!(app.query, "unauthx");
}

#[test]
fn selection_moves_and_stays_inside_the_list() {
    let mut app = app();
    app.update(Action::SelectPrev);
    assert_eq!(app.selected, 0);
    app.update(Action::SelectNext);
    assert_eq!(selected_id(&app), "101");
    app.update(Action::SelectLast);
    assert_eq!(app.selected, app.hits.len() - 1);
    app.update(Action::PageDown);
    assert_eq!(app.selected, app.hits.len() - 1);
    app.update(Action::SelectFirst);
    app.update(Action::PageDown);
    assert!(app.selected > 10);
    // The selected row is always in view.
    let rows = app.areas().unwrap().list_rows.height as usize;
    assert!(app.selected >= app.list_offset && app.selected < app.list_offset + rows);
}

#[test]
fn escape_clears_then_quits() {
    let mut app = app();
    type_text(&mut app, "teapot");
    assert_eq!(selected_id(&app), "418");
    app.update(Action::Back);
    assert_eq!(app.query, "");
    assert!(!app.should_quit);
    app.update(Action::Back);
    assert!(app.should_quit);
}

#[test]
fn filters_cycle_and_keep_the_selection_valid() {
    let mut app = app();
    app.update(Action::CycleClass);
    assert!(
        app.hits
            .iter()
            .all(|h| app.catalog.entries()[h.index].code < 200)
    );
    for _ in 0..5 {
        app.update(Action::CycleClass);
    }
    assert_eq!(app.filter.class, None);
    app.update(Action::CycleOrigin);
    app.update(Action::CycleOrigin);
    assert!(
        app.selected_entry()
            .is_some_and(|e| e.origin.slug() == "nginx")
    );
}

#[test]
fn no_match_empties_the_list_safely() {
    let mut app = app();
    type_text(&mut app, "qqqqzzzz");
    assert!(app.hits.is_empty());
    assert!(app.selected_entry().is_none());
    app.update(Action::SelectNext);
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus, Focus::Search);
    app.update(Action::DeleteWord);
    assert_eq!(app.query, "");
    assert!(!app.hits.is_empty());
}

#[test]
fn mouse_click_selects_and_wheel_scrolls_the_pane_under_it() {
    let mut app = app();
    let rows = app.areas().unwrap().list_rows;
    app.update(Action::Click(rows.x + 2, rows.y + 3));
    assert_eq!(app.selected, 3);
    let detail = app.areas().unwrap().detail_text;
    app.update(Action::Wheel {
        column: detail.x + 1,
        row: detail.y + 1,
        down: true,
    });
    assert_eq!(app.detail_scroll, 3);
    assert_eq!(app.selected, 3);
    app.update(Action::Wheel {
        column: rows.x + 1,
        row: rows.y + 1,
        down: true,
    });
    assert_eq!(app.selected, 6);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app();
    app.update(Action::ToggleHelp);
    assert_eq!(app.context(), Context::Help);
    app.update(Action::ToggleHelp);
    assert_eq!(app.context(), Context::Search);
}

#[test]
fn keys_map_through_the_key_table() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let key = |code, mods| Event::Key(KeyEvent::new(code, mods));
    assert_eq!(
        action_for(
            &key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Context::Search
        ),
        Some(Action::Quit)
    );
    assert_eq!(
        action_for(
            &key(KeyCode::Char('j'), KeyModifiers::NONE),
            Context::Search
        ),
        Some(Action::Insert('j'))
    );
    assert_eq!(
        action_for(
            &key(KeyCode::Char('j'), KeyModifiers::NONE),
            Context::Detail
        ),
        Some(Action::ScrollDown)
    );
    assert_eq!(
        action_for(
            &key(KeyCode::Char('j'), KeyModifiers::CONTROL),
            Context::Search
        ),
        Some(Action::SelectNext)
    );
    assert_eq!(
        action_for(
            &key(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Context::Detail
        ),
        Some(Action::ScrollBottom)
    );
    assert_eq!(
        action_for(
            &key(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Context::Search
        ),
        Some(Action::ToggleHelp)
    );
    assert_eq!(
        action_for(&key(KeyCode::Tab, KeyModifiers::NONE), Context::Search),
        Some(Action::ToggleFocus)
    );
    assert_eq!(
        action_for(&Event::Resize(80, 24), Context::Search),
        Some(Action::Resize(80, 24))
    );
}

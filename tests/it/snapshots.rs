//! What the screen shows, at a normal and a small size.

use httpdex::theme::Theme;
use httpdex::tui::action::Action;
use httpdex::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn render(app: &App) -> TestBackend {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().clone()
}

fn app_with(size: (u16, u16), query: &str) -> App {
    let mut app = App::new(crate::catalog(), Theme::PLAIN, size);
    for c in query.chars() {
        app.update(Action::Insert(c));
    }
    app
}

#[test]
fn browse_120x40_empty_query() {
    insta::assert_snapshot!(render(&app_with((120, 40), "")));
}

#[test]
fn browse_120x40_unauth() {
    insta::assert_snapshot!(render(&app_with((120, 40), "unauth")));
}

#[test]
fn browse_60x15_unauth() {
    insta::assert_snapshot!(render(&app_with((60, 15), "unauth")));
}

#[test]
fn detail_focused_and_scrolled() {
    let mut app = app_with((120, 40), "404");
    app.update(Action::ToggleFocus);
    app.update(Action::ScrollPageDown);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn help_overlay() {
    let mut app = app_with((120, 40), "");
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn too_small_shows_a_notice() {
    insta::assert_snapshot!(render(&app_with((40, 10), "")));
}

#[test]
fn tiny_sizes_never_panic() {
    for (w, h) in [
        (1, 1),
        (0, 0),
        (2, 50),
        (200, 1),
        (59, 15),
        (60, 14),
        (60, 15),
    ] {
        let mut app = app_with((w, h), "4");
        app.update(Action::ToggleHelp);
        render(&app);
        app.update(Action::ToggleHelp);
        app.update(Action::ToggleFocus);
        app.update(Action::ScrollBottom);
        render(&app);
    }
}

//! What the screen shows, at a normal and a small size.

use httpdex_core::theme::Theme;
use httpdex_tui::action::Action;
use httpdex_tui::app::App;
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
fn help_overlay_in_two_columns_when_wide() {
    let mut app = app_with((200, 50), "");
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

fn compare_app(size: (u16, u16), a: &str, b: &str) -> App {
    let mut app = app_with(size, a);
    app.update(Action::MarkCompare);
    for c in b.chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Open);
    app
}

#[test]
fn compare_401_403_at_120x40() {
    let app = compare_app((120, 40), "401", "403");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn compare_301_308_at_80x24() {
    let app = compare_app((80, 24), "301", "308");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn cheatsheet_at_120x40_shows_every_code() {
    let mut app = app_with((120, 40), "");
    app.update(Action::OpenCheatsheet);
    let screen = render(&app).to_string();
    for e in app.catalog.entries() {
        let row = format!("{:<7}", e.display_code());
        assert!(screen.contains(&row), "{} is not on screen", e.id);
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn cheatsheet_at_80x24_pages_by_column() {
    let mut app = app_with((80, 24), "");
    app.update(Action::OpenCheatsheet);
    insta::assert_snapshot!(render(&app));
}

fn quiz_app(size: (u16, u16)) -> App {
    use httpdex_core::quiz::Level;
    use httpdex_tui::app::QuizSettings;
    let mut app = app_with(size, "");
    let settings = QuizSettings {
        level: Level::Common,
        count: 3,
        seed: Some(7),
    };
    app.start_quiz(settings, 0);
    app
}

#[test]
fn quiz_question_120x40() {
    insta::assert_snapshot!(render(&quiz_app((120, 40))));
}

#[test]
fn quiz_feedback_after_a_wrong_answer_80x24() {
    let mut app = quiz_app((80, 24));
    let q = app.quiz.as_ref().unwrap().round.current().unwrap().clone();
    app.update(Action::Answer((q.correct + 1) % q.choices.len()));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn quiz_summary_120x40() {
    let mut app = quiz_app((120, 40));
    for i in 0..3 {
        let q = app.quiz.as_ref().unwrap().round.current().unwrap().clone();
        let choice = if i == 1 {
            (q.correct + 1) % q.choices.len()
        } else {
            q.correct
        };
        app.update(Action::Answer(choice));
        app.update(Action::Tick(40 + i));
        app.update(Action::NextQuestion);
    }
    insta::assert_snapshot!(render(&app));
}

/// The authentication guide opened from 401's Further reading, its first
/// link selected.
fn reading_401(size: (u16, u16)) -> App {
    let mut app = app_with(size, "401");
    app.update(Action::ToggleFocus);
    app.update(Action::ReadGuide);
    app.update(Action::NextLink);
    app
}

#[test]
fn reader_at_120x40() {
    insta::assert_snapshot!(render(&reading_401((120, 40))));
}

#[test]
fn reader_at_80x24() {
    insta::assert_snapshot!(render(&reading_401((80, 24))));
}

#[test]
fn guides_list_at_120x40() {
    let mut app = app_with((120, 40), "");
    app.update(Action::OpenGuides);
    app.update(Action::SelectNext);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn guides_list_at_80x24() {
    let mut app = app_with((80, 24), "");
    app.update(Action::OpenGuides);
    app.update(Action::SelectNext);
    insta::assert_snapshot!(render(&app));
}

/// The Logs screen with a small nginx log loaded (the follow job is not
/// run: its first message is handed over directly, so nothing depends on
/// the clock, and the title names a fixed path).
fn logs_app(size: (u16, u16)) -> App {
    use httpdex_tui::app::{JobResult, LogFeed};
    let mut app = app_with(size, "");
    app.open_logs(Some("/var/log/nginx/access.log".into()));
    app.effects.clear();
    let line = |ip: &str, status: u16, path: &str| {
        format!(
            "{ip} - - [14/Oct/2025:09:30:00 +0000] \"GET {path} HTTP/1.1\" {status} 12 \"-\" \"curl/8\"\n"
        )
    };
    let mut log = String::new();
    for (status, path, times) in [
        (200, "/", 40),
        (304, "/app.css", 12),
        (404, "/wp-login.php", 7),
        (499, "/slow-report", 3),
        (502, "/api/orders", 2),
    ] {
        for i in 0..times {
            log += &line(&format!("203.0.113.{}", i % 9), status, path);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("access.log");
    std::fs::write(&file, log).unwrap();
    let options = httpdex_logs::Options::default();
    let analysis = httpdex_logs::analyze_path(&file, &options).unwrap();
    let recent = httpdex_logs::latest_errors(&file, &analysis, &options);
    app.receive(JobResult::Log(LogFeed::Loaded(Box::new(analysis), recent)));
    app
}

#[test]
fn logs_at_120x40() {
    insta::assert_snapshot!(render(&logs_app((120, 40))));
}

#[test]
fn logs_at_80x24() {
    insta::assert_snapshot!(render(&logs_app((80, 24))));
}

/// The Check screen after a two-hop chain (the check job is not run: its
/// messages are handed over directly).
fn check_app(size: (u16, u16)) -> App {
    use httpdex_tui::app::{CheckFeed, CheckHop, JobResult};
    let mut app = app_with(size, "");
    app.update(Action::OpenCheck);
    for c in "http://127.0.0.1:8080/old".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Open);
    app.effects.clear();
    let hop = |status: u16, url: &str, location: Option<&str>, millis| {
        let entry = app.catalog.get(&status.to_string()).unwrap();
        CheckHop {
            status,
            url: url.into(),
            entry: Some(entry.id.to_string()),
            name: entry.name.to_string(),
            summary: entry.summary.to_string(),
            location: location.map(str::to_string),
            millis,
        }
    };
    let feed = [
        CheckFeed::Hop(hop(301, "http://127.0.0.1:8080/old", Some("/new"), 3)),
        CheckFeed::Hop(hop(200, "http://127.0.0.1:8080/new", None, 2)),
        CheckFeed::Done {
            findings: vec![(
                "note".into(),
                "hop 1: a permanent redirect; update links to point at /new".into(),
            )],
            failure: None,
        },
    ];
    for message in feed {
        app.receive(JobResult::Check(message));
    }
    app
}

#[test]
fn check_at_120x40() {
    insta::assert_snapshot!(render(&check_app((120, 40))));
}

#[test]
fn check_at_80x24() {
    insta::assert_snapshot!(render(&check_app((80, 24))));
}

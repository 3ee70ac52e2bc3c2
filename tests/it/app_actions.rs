//! Driving the App through Actions, as the event loop does.

use httpdex_core::theme::Theme;
use httpdex_tui::action::Action;
use httpdex_tui::app::{App, Focus};
use httpdex_tui::keymap::{Context, action_for};

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
        .map(|e| e.id.to_string())
        .unwrap_or_default()
}

#[test]
fn typing_unauth_selects_401_and_tab_reads_it() {
    let mut app = app();
    type_text(&mut app, "unauth");
    assert_eq!(selected_id(&app), "401");
    assert!(
        app.browse.detail.lines[0]
            .to_string()
            .starts_with("401 Unauthorized")
    );
    app.update(Action::ToggleFocus);
    assert_eq!(app.browse.focus, Focus::Detail);
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    assert_eq!(app.browse.detail.scroll, 2);
    app.update(Action::ScrollBottom);
    assert_eq!(app.browse.detail.scroll, app.max_detail_scroll());
    app.update(Action::ScrollTop);
    assert_eq!(app.browse.detail.scroll, 0);
    // A letter typed while reading goes back to the search.
    app.update(Action::Insert('x'));
    assert_eq!(app.browse.focus, Focus::Search);
    assert_eq!(app.browse.query, "unauthx");
}

#[test]
fn selection_moves_and_stays_inside_the_list() {
    let mut app = app();
    app.update(Action::SelectPrev);
    assert_eq!(app.browse.selected, 0);
    app.update(Action::SelectNext);
    assert_eq!(selected_id(&app), "101");
    app.update(Action::SelectLast);
    assert_eq!(app.browse.selected, app.browse.hits.len() - 1);
    app.update(Action::PageDown);
    assert_eq!(app.browse.selected, app.browse.hits.len() - 1);
    app.update(Action::SelectFirst);
    app.update(Action::PageDown);
    assert!(app.browse.selected > 10);
    // The selected row is always in view.
    let rows = app.areas().unwrap().list_rows.height as usize;
    assert!(
        app.browse.selected >= app.browse.list_offset
            && app.browse.selected < app.browse.list_offset + rows
    );
}

#[test]
fn escape_clears_then_quits() {
    let mut app = app();
    type_text(&mut app, "teapot");
    assert_eq!(selected_id(&app), "418");
    app.update(Action::Back);
    assert_eq!(app.browse.query, "");
    assert!(!app.should_quit);
    app.update(Action::Back);
    assert!(app.should_quit);
}

#[test]
fn filters_cycle_and_keep_the_selection_valid() {
    let mut app = app();
    app.update(Action::CycleClass);
    assert!(
        app.browse
            .hits
            .iter()
            .all(|h| app.catalog.entry(h.entry).code < 200)
    );
    for _ in 0..5 {
        app.update(Action::CycleClass);
    }
    assert_eq!(app.browse.filter.class, None);
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
    assert!(app.browse.hits.is_empty());
    assert!(app.selected_entry().is_none());
    app.update(Action::SelectNext);
    app.update(Action::ToggleFocus);
    assert_eq!(app.browse.focus, Focus::Search);
    app.update(Action::DeleteWord);
    assert_eq!(app.browse.query, "");
    assert!(!app.browse.hits.is_empty());
}

#[test]
fn mouse_click_selects_and_wheel_scrolls_the_pane_under_it() {
    let mut app = app();
    let rows = app.areas().unwrap().list_rows;
    app.update(Action::Click(rows.x + 2, rows.y + 3));
    assert_eq!(app.browse.selected, 3);
    let detail = app.areas().unwrap().detail_text;
    app.update(Action::Wheel {
        column: detail.x + 1,
        row: detail.y + 1,
        down: true,
    });
    assert_eq!(app.browse.detail.scroll, 3);
    assert_eq!(app.browse.selected, 3);
    app.update(Action::Wheel {
        column: rows.x + 1,
        row: rows.y + 1,
        down: true,
    });
    assert_eq!(app.browse.selected, 6);
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
fn help_lists_the_keys_of_the_view_it_opened_over_first() {
    let first_heading = |app: &App| {
        let lines = httpdex_tui::help::lines(&Theme::PLAIN, app.view_context());
        lines[0].to_string()
    };
    let mut app = app().with_query("401");
    app.update(Action::ToggleHelp);
    assert_eq!(first_heading(&app), "Search and list · where you are");
    app.update(Action::ToggleHelp);
    app.update(Action::ToggleFocus);
    app.update(Action::CompareConfused);
    assert_eq!(app.context(), Context::Compare);
    app.update(Action::ToggleHelp);
    assert_eq!(app.context(), Context::Help);
    assert_eq!(first_heading(&app), "Compare · where you are");
    assert_eq!(
        app.help.columns[0][0].to_string(),
        "Compare · where you are"
    );
    // Every section is still there, each once.
    let lines = httpdex_tui::help::lines(&Theme::PLAIN, app.view_context());
    let headings = lines
        .iter()
        .filter(|l| l.spans.len() == 1 && !l.to_string().starts_with(' '));
    let titles: Vec<String> = headings
        .map(|l| l.to_string())
        .filter(|t| !t.is_empty())
        .collect();
    for section in [
        "Search and list",
        "Detail pane (Tab)",
        "Cheat sheet",
        "Quiz",
        "Everywhere",
    ] {
        assert_eq!(
            titles.iter().filter(|t| *t == section).count(),
            1,
            "{section}: {titles:?}"
        );
    }
    // Ctrl-g works over the help; the help then leads with the quiz's keys.
    app.update(Action::OpenQuiz);
    assert!(app.help_open());
    assert_eq!(app.help.columns[0][0].to_string(), "Quiz · where you are");
}

#[test]
fn help_scrolls_to_the_end_of_its_tallest_column_and_no_further() {
    use httpdex_tui::{help, layout};
    for size in [(120, 40), (200, 50)] {
        let mut app = app();
        app.update(Action::Resize(size.0, size.1));
        app.update(Action::ToggleHelp);
        for _ in 0..200 {
            app.update(Action::ScrollDown);
        }
        let area = layout::help_area(ratatui::layout::Rect::new(0, 0, size.0, size.1));
        let columns = help::columns(&Theme::PLAIN, app.view_context(), area.width - 2);
        let rows = columns.iter().map(Vec::len).max().unwrap();
        let visible = usize::from(area.height - 2);
        assert_eq!(app.help.scroll, rows - visible, "{size:?}");
    }
    // Two columns hold the same lines as one, less the blank between them.
    let one = help::columns(&Theme::PLAIN, Context::Search, 78);
    let two = help::columns(&Theme::PLAIN, Context::Search, 158);
    assert_eq!((one.len(), two.len()), (1, 2));
    assert_eq!(one[0].len(), two[0].len() + two[1].len() + 1);
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

fn compare_ids(app: &App) -> (String, String) {
    let view = app.compare.as_ref().expect("compare open");
    (view.comparison.a.id.clone(), view.comparison.b.id.clone())
}

#[test]
fn compare_is_picked_with_the_search_swapped_replaced_and_copied() {
    use httpdex_tui::app::{Effect, Screen};
    let mut app = app();
    type_text(&mut app, "401");
    app.update(Action::MarkCompare);
    assert_eq!(app.browse.query, "");
    type_text(&mut app, "forbidden");
    app.update(Action::Open);
    assert_eq!(app.screen(), Screen::Compare);
    assert_eq!(compare_ids(&app), ("401".into(), "403".into()));
    app.update(Action::Swap);
    assert_eq!(compare_ids(&app), ("403".into(), "401".into()));
    app.update(Action::ReplaceRight);
    assert!(
        matches!(app.screen(), Screen::Pick { .. }),
        "the search picks"
    );
    type_text(&mut app, "404");
    app.update(Action::Open);
    assert_eq!(compare_ids(&app), ("403".into(), "404".into()));
    app.update(Action::Copy);
    match app.effects.as_slice() {
        [Effect::Copy { text, what }] => {
            assert!(text.starts_with("| Aspect | 403 Forbidden | 404 Not Found |"));
            assert!(what.contains("403 vs 404"));
        }
        other => panic!("{other:?}"),
    }
    app.update(Action::ScrollBottom);
    assert_eq!(
        app.compare.as_ref().unwrap().scroll,
        app.max_compare_scroll()
    );
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Browse);
}

#[test]
fn detail_compares_with_confused_codes_in_turn() {
    let mut app = app();
    type_text(&mut app, "301");
    app.update(Action::ToggleFocus);
    app.update(Action::CompareConfused);
    let first = compare_ids(&app);
    assert_eq!(first.0, "301");
    let confused = app.catalog.get("301").unwrap().confused_with.clone();
    assert_eq!(first.1, confused[0]);
    app.update(Action::NextPartner);
    assert_eq!(compare_ids(&app).1, confused[1]);
}

#[test]
fn cheatsheet_enter_opens_the_detail_of_the_selected_code() {
    use httpdex_tui::app::Screen;
    let mut app = app();
    type_text(&mut app, "418");
    app.update(Action::OpenCheatsheet);
    assert_eq!(app.screen(), Screen::Cheatsheet);
    assert_eq!(
        app.catalog
            .entry(app.cheatsheet.selected_entry().unwrap())
            .id,
        "418"
    );
    app.update(Action::SelectNext);
    app.update(Action::Open);
    assert_eq!(app.screen(), Screen::Browse);
    assert_eq!(app.browse.focus, Focus::Detail);
    assert_eq!(selected_id(&app), "419-laravel");
    // Moving by column and past the ends stays on an entry.
    app.update(Action::OpenCheatsheet);
    for action in [
        Action::SelectFirst,
        Action::SelectPrev,
        Action::Left,
        Action::SelectLast,
        Action::Right,
        Action::SelectNext,
    ] {
        app.update(action);
        assert!(app.cheatsheet.selected_entry().is_some(), "{action:?}");
    }
}

#[test]
fn a_copy_runs_as_a_job_whose_result_comes_back_through_the_runner() {
    use httpdex_platform::clipboard::Clipboard;
    use httpdex_tui::app::JobResult;
    use httpdex_tui::runner::{Message, Runner};
    use std::sync::{Arc, Mutex};
    /// Records what it was given; `works` decides the outcome.
    struct Fake(Arc<Mutex<Vec<String>>>, bool);
    impl Clipboard for Fake {
        fn copy(&mut self, text: &str) -> Result<(), String> {
            self.0.lock().unwrap().push(text.to_string());
            if self.1 {
                Ok(())
            } else {
                Err("no display".into())
            }
        }
    }
    fn copy_and_receive(app: &mut App, works: bool) -> Vec<String> {
        let copied = Arc::new(Mutex::new(Vec::new()));
        let runner = Runner::new();
        let mut io = httpdex_tui::Io {
            clipboard: httpdex_tui::shared_clipboard(Fake(copied.clone(), works)),
            store: None,
            runner: &runner,
            suspend: || Ok(()),
            resumed: false,
            network: crate::NO_NETWORK,
        };
        app.update(Action::Copy);
        httpdex_tui::perform_effects(app, &mut io);
        assert!(app.status.is_none(), "the copy is still running");
        match runner.next(Some(std::time::Duration::from_secs(30))) {
            Some(Message::Job(result @ JobResult::Copied { .. })) => app.receive(result),
            other => panic!("expected the copy job's result, got {other:?}"),
        }
        httpdex_tui::perform_effects(app, &mut io);
        copied.lock().unwrap().clone()
    }
    let mut app = app();
    type_text(&mut app, "502");
    app.update(Action::ToggleFocus);
    app.update(Action::CompareConfused);
    let copied = copy_and_receive(&mut app, true);
    assert!(app.status.as_deref().unwrap().starts_with("Copied 502 vs "));
    assert!(copied[0].starts_with("| Aspect | 502 Bad Gateway"));
    // Without a system clipboard the copy goes through the terminal, which
    // the test's stdout is not: the status line says what failed.
    copy_and_receive(&mut app, false);
    let status = app.status.as_deref().unwrap();
    assert!(
        status.contains("Could not copy") && status.contains("no display"),
        "{status}"
    );
    assert!(app.effects.is_empty());
}

#[test]
fn a_job_that_misses_its_deadline_comes_back_as_the_timeout_result() {
    use httpdex_tui::app::JobResult;
    use httpdex_tui::runner::{Message, Runner};
    use std::time::Duration;
    let runner = Runner::new();
    let late = |what: &str, outcome| JobResult::Copied {
        text: String::new(),
        what: what.into(),
        outcome,
    };
    let timed_out = late("x", Err("deadline".into()));
    runner.spawn(Duration::from_millis(50), timed_out.clone(), move || {
        std::thread::sleep(Duration::from_secs(3));
        late("x", Ok(()))
    });
    match runner.next(Some(Duration::from_secs(30))) {
        Some(Message::Job(JobResult::Copied { outcome, .. })) => {
            assert_eq!(outcome, Err("deadline".to_string()));
        }
        other => panic!("expected the deadline's result, got {other:?}"),
    }
}

#[test]
fn the_readme_key_table_is_the_apps_key_table() {
    let readme = include_str!("../../README.md");
    let start = "<!-- keys:start -->\n";
    let end = "<!-- keys:end -->";
    let from = readme
        .find(start)
        .expect("README has the keys:start marker")
        + start.len();
    let to = readme.find(end).expect("README has the keys:end marker");
    let expected = httpdex_tui::keymap::markdown_table();
    assert!(
        readme[from..to] == expected,
        "README key table is stale; replace it with:\n{expected}"
    );
}

#[test]
fn the_snippet_stack_is_remembered_between_runs() {
    use httpdex_core::snippets::Lang;
    use httpdex_platform::state::Store;
    use httpdex_tui::remember_snippet_lang;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let mut first = app();
    type_text(&mut first, "405");
    first.update(Action::ToggleFocus);
    first.update(Action::NextSnippet);
    first.update(Action::NextSnippet);
    assert_eq!(first.browse.detail.lang, Lang::Flask);
    assert!(first.effects.is_empty(), "no write per keypress");
    remember_snippet_lang(&first, &store).unwrap();

    let mut second = app();
    second.restore_state(store.load().state);
    assert_eq!(second.browse.detail.lang, Lang::Flask);
    type_text(&mut second, "405");
    let text: Vec<String> = second
        .browse
        .detail
        .lines
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(
        text.iter().any(|l| l.contains("Return it: Flask")),
        "{text:?}"
    );
}

#[test]
fn esc_goes_back_along_the_screens_that_were_opened() {
    use httpdex_tui::app::Screen;
    let mut app = app();
    type_text(&mut app, "401");
    app.update(Action::ToggleFocus);
    app.update(Action::CompareConfused);
    assert_eq!(app.screen(), Screen::Compare);
    // Replacing a side and changing one's mind returns to the comparison.
    app.update(Action::ReplaceRight);
    assert!(matches!(app.screen(), Screen::Pick { .. }));
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Compare);
    assert_eq!(compare_ids(&app).0, "401");
    // The cheat sheet opened from the comparison closes back onto it.
    app.update(Action::OpenCheatsheet);
    app.update(Action::ToggleHelp);
    assert_eq!(
        app.stack(),
        [Screen::Compare, Screen::Cheatsheet, Screen::Help]
    );
    app.update(Action::Back);
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Compare);
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Browse);
    assert!(app.stack().is_empty());
}

#[test]
fn an_unwritable_state_loses_nothing_when_no_stack_was_chosen() {
    use httpdex_platform::state::Store;
    use httpdex_tui::remember_snippet_lang;
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "").unwrap();
    let store = Store::at(blocker.join("state")); // a file where a dir must be
    let mut app = app();
    type_text(&mut app, "405");
    assert_eq!(
        remember_snippet_lang(&app, &store),
        Ok(()),
        "nothing to save"
    );
    app.update(Action::ToggleFocus);
    app.update(Action::NextSnippet);
    assert!(
        remember_snippet_lang(&app, &store).is_err(),
        "a choice was lost"
    );
}

#[test]
fn further_reading_leads_to_the_guide_its_links_open_entries_and_esc_comes_back() {
    use httpdex_core::guides::{self, Target};
    use httpdex_tui::app::Screen;
    let mut app = app();
    type_text(&mut app, "401");
    app.update(Action::ToggleFocus);
    app.update(Action::ReadGuide);
    assert_eq!(app.screen(), Screen::Reader);
    let reader = app.reader().unwrap();
    assert_eq!(reader.slug, "authentication");
    // Opened at the section that first links 401.
    let anchor = guides::further_reading("401")[0].anchor;
    assert_eq!(
        Some(reader.scroll),
        reader
            .page
            .anchor_line(anchor)
            .map(|l| l.min(app.max_reader_scroll()))
    );
    // Tab through the links to the one for 407, follow it.
    let to_407 = reader
        .page
        .links
        .iter()
        .position(|t| *t == Target::Code("407".into()))
        .unwrap();
    while app.reader().unwrap().link != Some(to_407) {
        app.update(Action::NextLink);
    }
    app.update(Action::Open);
    assert_eq!(app.screen(), Screen::Browse);
    assert_eq!(selected_id(&app), "407");
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Reader, "Esc returns to the guide");
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Browse);
    assert_eq!(selected_id(&app), "401", "and then to 401");
    assert!(app.readers.is_empty());
}

#[test]
fn a_link_that_no_browser_opens_is_copied_instead() {
    use httpdex_tui::app::{Effect, JobResult};
    let mut app = app();
    type_text(&mut app, "401");
    app.update(Action::ToggleFocus);
    app.update(Action::OpenLink);
    let url = match app.effects.as_slice() {
        [Effect::OpenUrl(url)] => url.clone(),
        other => panic!("{other:?}"),
    };
    assert!(
        url.starts_with("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2"),
        "{url}"
    );
    app.effects.clear();
    app.receive(JobResult::Opened {
        url: url.clone(),
        outcome: Err("no browser".into()),
    });
    match app.effects.as_slice() {
        [Effect::Copy { text, what }] => {
            assert_eq!(text, &url);
            assert!(what.contains("no browser opened it"), "{what}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_logs_screen_follows_a_log_through_the_runner() {
    use httpdex_tui::app::{Effect, Screen};
    use httpdex_tui::runner::{Message, Runner};
    use std::io::Write;
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("access.log");
    let line = |status: u16, path: &str| {
        format!(
            "203.0.113.9 - - [14/Oct/2025:09:30:00 +0000] \"GET {path} HTTP/1.1\" {status} 12 \"-\" \"curl/8\"\n"
        )
    };
    std::fs::write(
        &path,
        line(200, "/") + &line(499, "/slow") + &line(404, "/gone"),
    )
    .unwrap();
    let mut app = app();
    app.open_logs(Some(path.clone()));
    assert_eq!(app.screen(), Screen::Logs);
    assert!(matches!(app.effects.as_slice(), [Effect::FollowLog { .. }]));
    let runner = Runner::new();
    httpdex_tui::perform_effects(&mut app, &mut crate::io(None, &runner));
    let receive_until = |app: &mut httpdex_tui::app::App,
                         done: &dyn Fn(&httpdex_tui::app::App) -> bool| {
        for _ in 0..200 {
            match runner.next(Some(Duration::from_secs(10))) {
                Some(Message::Job(result)) => app.receive(result),
                other => panic!("expected the log job, got {other:?}"),
            }
            if done(app) {
                return;
            }
        }
        panic!("the log never arrived");
    };
    receive_until(&mut app, &|app| app.logs.report.is_some());
    let rows = |app: &httpdex_tui::app::App| app.logs.rows.clone();
    assert_eq!(
        rows(&app),
        [
            ("200".to_string(), Some("200".to_string())),
            ("404".to_string(), Some("404".to_string())),
            ("499".to_string(), Some("499-nginx".to_string())),
        ],
        "an nginx log's 499 is nginx's"
    );
    // The errors already in the log are listed at once, oldest first.
    let recent: Vec<u16> = app.logs.recent.iter().map(|r| r.status.code).collect();
    assert_eq!(recent, [499, 404]);
    // New lines arrive as a batch; the totals and latest errors follow.
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    file.write_all((line(503, "/api") + &line(503, "/api")).as_bytes())
        .unwrap();
    receive_until(&mut app, &|app| {
        app.logs.report.as_ref().is_some_and(|r| r.lines == 5)
    });
    assert!(app.logs.recent.iter().any(|r| r.status.code == 503));
    // Enter on a status opens its entry; Esc comes back; Esc again stops.
    while app.logs.rows[app.logs.selected].0 != "499" {
        app.update(Action::SelectNext);
    }
    app.update(Action::Open);
    assert_eq!(selected_id(&app), "499-nginx");
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Logs);
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Browse);
}

#[test]
fn the_search_lists_matching_guides_below_the_codes_and_enter_opens_one() {
    use httpdex_tui::app::Screen;
    let mut app = app();
    type_text(&mut app, "retry after");
    let codes = app.browse.hits.len();
    assert!(codes > 0);
    let at = app
        .browse
        .guides
        .iter()
        .position(|g| g.slug == "rate-limiting");
    let at = at.expect("the rate limiting guide is listed") + codes;
    app.update(Action::SelectLast);
    assert_eq!(
        app.browse.selected,
        app.browse.rows() - 1,
        "guides are rows of the list"
    );
    while app.browse.selected != at {
        app.update(Action::SelectPrev);
    }
    assert!(app.selected_entry().is_none());
    let preview: Vec<String> = app
        .browse
        .detail
        .lines
        .iter()
        .take(3)
        .map(|l| l.to_string())
        .collect();
    assert!(preview[0].contains("Rate limiting"), "{preview:?}");
    app.update(Action::Open);
    assert_eq!(app.screen(), Screen::Reader);
    assert_eq!(app.reader().unwrap().slug, "rate-limiting");
}

#[test]
fn the_detail_pane_copies_a_curl_for_the_playground() {
    use httpdex_tui::app::Effect;
    let mut app = app();
    type_text(&mut app, "522");
    app.update(Action::ToggleFocus);
    app.update(Action::CopyPlaygroundCurl);
    match app.effects.as_slice() {
        [Effect::Copy { text, .. }] => {
            assert_eq!(text, "curl -i http://127.0.0.1:8080/522-cloudflare");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_check_screen_shows_hops_as_they_arrive_and_opens_their_entries() {
    use httpdex_tui::app::Screen;
    use httpdex_tui::runner::{Message, Runner};
    use std::io::{Read, Write};
    use std::time::Duration;
    // A loopback server: / answers 301 to /end, /end answers 200.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4).flatten() {
            let mut stream = stream;
            let mut buf = [0u8; 2048];
            let n = stream.read(&mut buf).unwrap_or(0);
            let head = String::from_utf8_lossy(&buf[..n]).to_string();
            let response = if head.starts_with("GET / ") {
                "HTTP/1.1 301 Moved Permanently\r\nLocation: /end\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            } else {
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
            };
            let _ = stream.write_all(response.as_bytes());
        }
    });
    let mut app = app();
    app.update(Action::OpenCheck);
    assert_eq!(app.screen(), Screen::Check);
    for c in format!("http://127.0.0.1:{port}/").chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Open);
    assert!(app.check.running);
    let runner = Runner::new();
    // The real checker: the only server it reaches is the loopback one.
    let mut io = crate::io(None, &runner);
    io.network = httpdex_tui::NETWORK;
    httpdex_tui::perform_effects(&mut app, &mut io);
    // The UI is free while the check runs: keys still work.
    app.update(Action::SelectNext);
    while app.check.running {
        match runner.next(Some(Duration::from_secs(30))) {
            Some(Message::Job(result)) => app.receive(result),
            other => panic!("expected the check's results, got {other:?}"),
        }
    }
    let statuses: Vec<u16> = app.check.hops.iter().map(|h| h.status).collect();
    assert_eq!(statuses, [301, 200], "{:?}", app.check.failure);
    app.check.selected = 0;
    app.update(Action::Open);
    assert_eq!(selected_id(&app), "301");
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Check);
}

#[test]
fn every_help_line_fits_a_column_of_the_overlay() {
    use httpdex_tui::keymap::Context;
    // A column is 80 wide with its border: longer text would be cut.
    for line in httpdex_tui::help::lines(&Theme::PLAIN, Context::Search) {
        let text = line.to_string();
        assert!(httpdex_core::wrap::width_of(&text) <= 78, "{text:?}");
    }
}

#[test]
fn the_check_screen_shows_the_url_as_it_will_be_fetched() {
    let mut app = app();
    app.update(Action::OpenCheck);
    type_text(&mut app, "127.0.0.1:9/x");
    app.update(Action::Open);
    // No scheme: tried as https, and shown so.
    assert_eq!(app.check.url.as_deref(), Some("https://127.0.0.1:9/x"));
    assert!(matches!(
        app.effects.as_slice(),
        [httpdex_tui::app::Effect::CheckUrl(url)] if url == "https://127.0.0.1:9/x"
    ));
}

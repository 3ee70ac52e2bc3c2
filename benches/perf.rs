//! Speed of the things a user waits for: loading the catalog, the work of
//! a one-shot `show`, searching, drawing each view at 120x40, a keystroke end to end, and the same on a
//! synthetic catalog of 10,000 entries.
//!
//! `cargo bench` runs them all; `scripts/bench.sh` adds the whole-process
//! figures (start-up, first frame, memory) and the peers.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use httpdex_catalog::Catalog;
use httpdex_catalog::search::{Filter, search};
use httpdex_core::quiz::Level;
use httpdex_core::theme::Theme;
use httpdex_tui::action::Action;
use httpdex_tui::app::{App, QuizSettings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const QUERIES: [&str; 8] = [
    "404",
    "4xx",
    "unauth",
    "not found",
    "rate limit",
    "gatway",
    "teapot",
    "zzzz",
];

fn builtin() -> Arc<Catalog> {
    Arc::new(Catalog::builtin())
}

/// 10,000 entries: the built-in ones, copied under new ids.
fn synthetic(n: usize) -> Arc<Catalog> {
    let base = Catalog::builtin();
    let mut entries = Vec::with_capacity(n);
    for i in 0..n {
        let mut e = base.entries()[i % base.entries().len()].clone();
        e.id = format!("{}-syn{i}", e.code).into();
        e.related.clear();
        e.confused_with.clear();
        entries.push(e);
    }
    Arc::new(Catalog::new(entries, vec![], vec![]).unwrap())
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
}

/// Typing `unauth` then clearing it: 7 keystrokes, each searched and drawn.
fn keystrokes(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    for c in "unauth".chars() {
        app.update(Action::Insert(c));
        draw(terminal, app);
    }
    app.update(Action::ClearQuery);
    draw(terminal, app);
}

fn bench_catalog(c: &mut Criterion) {
    c.bench_function("catalog/load", |b| b.iter(|| black_box(Catalog::builtin())));
}

/// The in-process part of `httpdex show 404`: the entries it needs, the
/// detail document at 100 columns, and the text written out.
fn bench_one_shot(c: &mut Criterion) {
    let ids = ["404".to_string()];
    c.bench_function("one_shot/show_404", |b| {
        b.iter(|| {
            let catalog = Catalog::builtin_subset(&ids).unwrap();
            let entry = catalog.get("404").unwrap();
            let lines = httpdex_core::detail::entry_lines(&catalog, entry, &Theme::PLAIN, 100);
            let mut out = Vec::with_capacity(16 * 1024);
            httpdex_core::ansi::write(&mut out, &lines, false).unwrap();
            black_box(out)
        })
    });
}

fn bench_search(c: &mut Criterion) {
    let catalog = builtin();
    // The first search builds the index; the measured ones reuse it.
    search(&catalog, "warm", &Filter::default());
    let mut group = c.benchmark_group("search");
    for q in QUERIES {
        group.bench_function(q, |b| {
            b.iter(|| black_box(search(&catalog, q, &Filter::default())))
        });
    }
    group.finish();
}

fn bench_render(c: &mut Criterion) {
    let catalog = builtin();
    let mut group = c.benchmark_group("render_120x40");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let views: [(&str, &[Action]); 6] = [
        ("browse", &[]),
        (
            "detail",
            &[
                Action::Insert('4'),
                Action::ToggleFocus,
                Action::ScrollPageDown,
            ],
        ),
        (
            "compare",
            &[
                Action::Insert('4'),
                Action::Insert('0'),
                Action::Insert('1'),
                Action::ToggleFocus,
                Action::CompareConfused,
            ],
        ),
        ("cheatsheet", &[Action::OpenCheatsheet]),
        ("help", &[Action::ToggleHelp]),
        ("quiz", &[]),
    ];
    for (name, actions) in views {
        let mut app = App::new(catalog.clone(), Theme::COLOR, (120, 40));
        for a in actions {
            app.update(*a);
        }
        if name == "quiz" {
            app.start_quiz(
                QuizSettings {
                    level: Level::Common,
                    count: 10,
                    seed: Some(1),
                },
                0,
            );
        }
        group.bench_function(name, |b| b.iter(|| draw(&mut terminal, &app)));
    }
    group.finish();
}

fn bench_keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    for (name, catalog) in [("builtin", builtin()), ("10k", synthetic(10_000))] {
        let mut app = App::new(catalog, Theme::COLOR, (120, 40));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        group.bench_function(format!("{name}/type_unauth_and_clear_7_keys"), |b| {
            b.iter(|| keystrokes(&mut app, &mut terminal))
        });
    }
    let big = synthetic(10_000);
    search(&big, "warm", &Filter::default());
    group.bench_function("10k/search_gatway", |b| {
        b.iter(|| black_box(search(&big, "gatway", &Filter::default())))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = bench_catalog, bench_one_shot, bench_search, bench_render, bench_keystroke
}
criterion_main!(benches);

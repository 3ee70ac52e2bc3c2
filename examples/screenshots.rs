//! Renders the real app's screens to SVG: the same `App`, the same drawing
//! code, a 120x40 buffer, every cell with its colours. `scripts/screenshots.sh`
//! turns them into the PNGs in `screenshots/`.
//!
//! Usage: cargo run --release --example screenshots -- OUT_DIR
//!
//! The Check screen shows a real check: the playground runs in this process
//! on loopback and the app's own check job follows its `/redirect/2`. The
//! Logs screen reads a generated log through the app's own log job.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use httpdex_catalog::Catalog;
use httpdex_core::quiz::Level;
use httpdex_core::theme::Theme;
use httpdex_tui::action::Action;
use httpdex_tui::app::{App, QuizSettings};
use httpdex_tui::runner::{Message, Runner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SIZE: (u16, u16) = (120, 40);
const CELL_W: f32 = 9.63;
// DejaVu Sans Mono's line height at 16px: box-drawing lines join up.
const CELL_H: f32 = 18.6;
const FONT_SIZE: f32 = 16.0;
const BACKGROUND: &str = "#1e1e2e";
const FOREGROUND: &str = "#cdd6f4";

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "screenshots".into()),
    );
    std::fs::create_dir_all(&out).expect("create the output directory");
    let catalog = Arc::new(Catalog::builtin());
    for (name, app) in screens(&catalog) {
        let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        let svg = to_svg(terminal.backend().buffer());
        let path = out.join(format!("{name}.svg"));
        std::fs::write(&path, svg).expect("write svg");
        println!("{}", path.display());
    }
}

fn app(catalog: &Arc<Catalog>, actions: &[Action]) -> App {
    let mut app = App::new(catalog.clone(), Theme::COLOR, SIZE);
    for a in actions {
        app.update(*a);
    }
    app
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Insert).collect()
}

fn screens(catalog: &Arc<Catalog>) -> Vec<(&'static str, App)> {
    let then = |mut first: Vec<Action>, rest: &[Action]| {
        first.extend_from_slice(rest);
        first
    };
    let mut quiz = app(catalog, &[]);
    quiz.start_quiz(
        QuizSettings {
            level: Level::Common,
            count: 10,
            seed: Some(7),
        },
        0,
    );
    let mut feedback = app(catalog, &[]);
    feedback.start_quiz(
        QuizSettings {
            level: Level::Common,
            count: 10,
            seed: Some(7),
        },
        0,
    );
    let wrong = {
        let q = feedback.quiz.as_ref().unwrap().round.current().unwrap();
        (q.correct + 1) % q.choices.len()
    };
    feedback.update(Action::Answer(wrong));
    feedback.update(Action::Tick(23));
    let mut snippet = app(catalog, &then(typed("405"), &[Action::ToggleFocus]));
    for _ in 0..2 {
        snippet.update(Action::NextSnippet); // Express, then Node http, then Flask
    }
    vec![
        ("browse", app(catalog, &typed("unauth"))),
        (
            "detail",
            app(catalog, &then(typed("429"), &[Action::ToggleFocus])),
        ),
        ("snippet", snippet),
        (
            "compare",
            app(
                catalog,
                &then(
                    typed("401"),
                    &[Action::ToggleFocus, Action::CompareConfused],
                ),
            ),
        ),
        ("cheatsheet", app(catalog, &[Action::OpenCheatsheet])),
        ("quiz-question", quiz),
        ("quiz-feedback", feedback),
        ("help", app(catalog, &[Action::ToggleHelp])),
        (
            "guide",
            app(
                catalog,
                &[Action::OpenGuides, Action::SelectNext, Action::Open],
            ),
        ),
        ("logs", logs(catalog)),
        ("check", check(catalog)),
    ]
}

/// The clipboard is never used here.
struct NoClipboard;

impl httpdex_platform::clipboard::Clipboard for NoClipboard {
    fn copy(&mut self, _: &str) -> Result<(), String> {
        Err("no clipboard for screenshots".into())
    }
}

/// Performs `app`'s effects (its jobs) and takes their results until
/// `done` says the screen is ready.
fn run_jobs(app: &mut App, done: impl Fn(&App) -> bool) {
    let runner = Runner::new();
    let mut io = httpdex_tui::Io {
        clipboard: httpdex_tui::shared_clipboard(NoClipboard),
        store: None,
        runner: &runner,
        suspend: || Ok(()),
        resumed: false,
        network: httpdex_tui::NETWORK,
    };
    httpdex_tui::perform_effects(app, &mut io);
    while !done(app) {
        match runner.next(Some(std::time::Duration::from_secs(30))) {
            Some(Message::Job(result)) => app.receive(result),
            other => panic!("expected a job's result, got {other:?}"),
        }
    }
}

/// The Logs screen over a generated nginx log of a day's traffic, opened
/// from the working directory so that its title reads `access.log`.
fn logs(catalog: &Arc<Catalog>) -> App {
    let dir = std::env::temp_dir().join(format!("httpdex-shots-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a directory for the log");
    std::env::set_current_dir(&dir).expect("enter it");
    let paths = [
        "/",
        "/api/orders",
        "/login",
        "/static/app.js",
        "/wp-login.php",
        "/search",
    ];
    // (status, weight): mostly success, the usual mix of errors.
    let mix = [
        (200, 700),
        (304, 90),
        (301, 30),
        (404, 60),
        (401, 25),
        (429, 20),
        (499, 15),
        (502, 8),
        (503, 6),
        (504, 4),
    ];
    let total: u32 = mix.iter().map(|(_, w)| w).sum();
    let mut seed = 7u64;
    let mut next = |n: u32| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) % u64::from(n)) as u32
    };
    let mut log = String::new();
    for i in 0..5_000u32 {
        let mut pick = next(total);
        let status = mix
            .iter()
            .find(|(_, w)| {
                let hit = pick < *w;
                pick = pick.saturating_sub(*w);
                hit
            })
            .map_or(200, |(s, _)| *s);
        let path = paths[next(paths.len() as u32) as usize];
        let (h, m, sec) = (9 + i / 3600, i / 60 % 60, i % 60);
        writeln!(
            log,
            "198.51.100.{} - - [03/Dec/2026:{h:02}:{m:02}:{sec:02} +0000] \"GET {path} HTTP/1.1\" {status} 512 \"-\" \"Mozilla/5.0\"",
            next(250) + 1
        )
        .unwrap();
    }
    std::fs::write("access.log", log).expect("write the log");
    let mut app = app(catalog, &[]);
    app.open_logs(Some("access.log".into()));
    run_jobs(&mut app, |app| app.logs.report.is_some());
    app.stop_following();
    let _ = std::fs::remove_dir_all(&dir);
    app
}

/// The Check screen after the app's check job followed the playground's
/// `/redirect/2` on loopback.
fn check(catalog: &Arc<Catalog>) -> App {
    // The playground's usual port, so the picture stays the same from one
    // run to the next; any free port when it is taken.
    let bind = |port| {
        let config = httpdex_serve::Config {
            addr: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
            ..httpdex_serve::Config::default()
        };
        httpdex_serve::Server::bind(config, catalog.clone(), None)
    };
    let server = bind(8080)
        .or_else(|_| bind(0))
        .and_then(|s| s.spawn())
        .expect("start the playground on loopback");
    let url = format!("http://{}/redirect/2", server.addr());
    let mut app = app(catalog, &[Action::OpenCheck]);
    for a in typed(&url).into_iter().chain([Action::Open]) {
        app.update(a);
    }
    run_jobs(&mut app, |app| !app.check.running);
    server.stop();
    app
}

/// A terminal palette (Catppuccin Mocha) for ratatui's named colours.
fn hex(color: Color) -> Option<String> {
    let named = match color {
        Color::Reset => return None,
        Color::Black => "#45475a",
        Color::Red => "#f38ba8",
        Color::Green => "#a6e3a1",
        Color::Yellow => "#f9e2af",
        Color::Blue => "#89b4fa",
        Color::Magenta => "#f5c2e7",
        Color::Cyan => "#94e2d5",
        Color::Gray => "#bac2de",
        Color::DarkGray => "#6c7086",
        Color::LightRed => "#eba0ac",
        Color::LightGreen => "#a6e3a1",
        Color::LightYellow => "#f9e2af",
        Color::LightBlue => "#74c7ec",
        Color::LightMagenta => "#cba6f7",
        Color::LightCyan => "#89dceb",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Color::Indexed(_) => FOREGROUND,
    };
    Some(named.to_string())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn to_svg(buffer: &Buffer) -> String {
    let (w, h) = (buffer.area.width, buffer.area.height);
    let (width, height) = (w as f32 * CELL_W + 24.0, h as f32 * CELL_H + 24.0);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\">\n\
         <rect width=\"100%\" height=\"100%\" rx=\"8\" fill=\"{BACKGROUND}\"/>\n\
         <g transform=\"translate(12 12)\" font-family=\"DejaVu Sans Mono\" font-size=\"{FONT_SIZE}\" xml:space=\"preserve\">\n"
    );
    for y in 0..h {
        for x in 0..w {
            let cell = &buffer[(x, y)];
            let symbol = cell.symbol();
            let style = cell.style();
            let mut fg = hex(style.fg.unwrap_or(Color::Reset)).unwrap_or(FOREGROUND.into());
            let mut bg = hex(style.bg.unwrap_or(Color::Reset));
            if style.add_modifier.contains(Modifier::REVERSED) {
                let old_fg = fg.clone();
                fg = bg.unwrap_or(BACKGROUND.into());
                bg = Some(old_fg);
            }
            let (px, py) = (x as f32 * CELL_W, y as f32 * CELL_H);
            // A wide character (emoji) covers its own cell and the next.
            let cells = unicode_width::UnicodeWidthStr::width(symbol).max(1) as f32;
            if let Some(bg) = bg {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{px:.2}\" y=\"{py:.2}\" width=\"{:.2}\" height=\"{:.2}\" fill=\"{bg}\"/>",
                    CELL_W * cells + 0.5,
                    CELL_H + 0.5
                );
            }
            let underlined = style.add_modifier.contains(Modifier::UNDERLINED);
            if symbol.trim().is_empty() && !underlined {
                continue;
            }
            // An underlined space (inside a link) is drawn so that its
            // underline shows, as a terminal draws it.
            let symbol = if symbol.trim().is_empty() {
                "\u{a0}"
            } else {
                symbol
            };
            let mut attrs = format!("fill=\"{fg}\"");
            if style.add_modifier.contains(Modifier::BOLD) {
                attrs += " font-weight=\"bold\"";
            }
            if style.add_modifier.contains(Modifier::ITALIC) {
                attrs += " font-style=\"italic\"";
            }
            if style.add_modifier.contains(Modifier::DIM) {
                attrs += " opacity=\"0.6\"";
            }
            if underlined {
                attrs += " text-decoration=\"underline\"";
            }
            let _ = writeln!(
                svg,
                "<text x=\"{px:.2}\" y=\"{:.2}\" {attrs}>{}</text>",
                py + CELL_H * 0.78,
                escape(symbol)
            );
        }
    }
    svg += "</g>\n</svg>\n";
    svg
}

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use clap::error::ErrorKind;

use cli::{Cli, Command, Output, exit};
use httpdex_catalog::{Catalog, extension};
use httpdex_core::safe;
use httpdex_tui::Launch;
use httpdex_tui::app::QuizSettings;

fn main() -> ExitCode {
    let cli = match Cli::from_env() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => return usage_error(&e),
    };
    if let Some(command) = cli.command.as_ref().filter(|c| !c.needs_catalog()) {
        let code = Output::run_std(cli.color, |o| {
            // Only built-in text (the guides) is shown without a catalog.
            o.trusted = true;
            cli::run_without_catalog(command, o)
        });
        return ExitCode::from(code as u8);
    }
    let (catalog, warning) = load_catalog(&cli);
    // Built-in text holds no control character (a test checks): escaping
    // it is only needed once a user's file is merged.
    let trusted = !catalog.has_user_entries();
    if let Some(warning) = &warning {
        // A path or a value from the user's file may hold escapes.
        eprintln!("httpdex: {}", safe::escape(warning));
    }
    let code = match (&cli.command, cli.codes.is_empty()) {
        (Some(Command::Quiz { seed, count, level }), _) => {
            let quiz = QuizSettings {
                level: *level,
                count: usize::from(*count),
                seed: *seed,
            };
            browse(
                catalog.clone(),
                Launch {
                    quiz: Some(quiz),
                    warning,
                    ..Launch::default()
                },
            )
        }
        // Following one log on a terminal: the live dashboard.
        (Some(Command::Logs(args)), _) if live_dashboard(args) => browse(
            catalog.clone(),
            Launch {
                logs: args.files.first().cloned(),
                warning,
                ..Launch::default()
            },
        ),
        (Some(command), _) => Output::run_std(cli.color, |o| {
            o.trusted = trusted;
            cli::run_command(&catalog, command, o)
        }),
        (None, false) => {
            let show = Command::Show {
                ids: cli.codes.clone(),
                json: false,
            };
            Output::run_std(cli.color, |o| {
                o.trusted = trusted;
                cli::run_command(&catalog, &show, o)
            })
        }
        (None, true) => browse(
            catalog.clone(),
            Launch {
                query: cli.query.clone(),
                warning,
                ..Launch::default()
            },
        ),
    };
    // Freeing the catalog entry by entry is work the OS does for free at exit.
    std::mem::forget(catalog);
    ExitCode::from(code as u8)
}

/// The built-in catalog, extended with the user's file when it is valid.
/// A broken user file gives a warning, never a failure. `httpdex show`
/// without a user file assembles only the entries it will print.
fn load_catalog(cli: &Cli) -> (Arc<Catalog>, Option<String>) {
    let (extensions, warning) = user_extensions(cli);
    let Some((path, extensions)) = extensions else {
        let subset = shown_ids(cli).and_then(Catalog::builtin_subset);
        return (Arc::new(subset.unwrap_or_else(Catalog::builtin)), warning);
    };
    match Catalog::builtin().extended(&path, extensions) {
        Ok(extended) => (Arc::new(extended), warning),
        Err(e) => (
            Arc::new(Catalog::builtin()),
            Some(format!("{e} (using the built-in catalog)")),
        ),
    }
}

/// The user's extension file (path and items), if there is a usable one,
/// and a warning when one was asked for but could not be read.
#[allow(clippy::type_complexity)]
fn user_extensions(cli: &Cli) -> (Option<(String, Vec<extension::Extension>)>, Option<String>) {
    let Some(path) = cli.data.clone().or_else(extension::default_path) else {
        return (None, None);
    };
    match extension::read(&path) {
        Ok(Some(items)) => (Some((path.display().to_string(), items)), None),
        Ok(None) if cli.data.is_none() => (None, None),
        Ok(None) => {
            let warning = format!(
                "{}: no such file; using the built-in catalog",
                path.display()
            );
            (None, Some(warning))
        }
        Err(e) => (None, Some(format!("{e} (using the built-in catalog)"))),
    }
}

/// The ids of a one-shot `show` (or bare codes), which needs no full catalog.
fn shown_ids(cli: &Cli) -> Option<&[String]> {
    match &cli.command {
        Some(Command::Show { ids, .. }) => Some(ids),
        None if !cli.codes.is_empty() => Some(&cli.codes),
        _ => None,
    }
}

/// `httpdex logs FILE --follow` with a terminal on both ends and plain
/// text asked for: the TUI's dashboard rather than printed updates.
fn live_dashboard(args: &cli::logs::LogsArgs) -> bool {
    args.follow
        && !args.json
        && args.files.len() == 1
        && args.files[0] != std::path::Path::new("-")
        && std::io::stdout().is_terminal()
        && std::io::stdin().is_terminal()
        && std::env::var("TERM").is_ok_and(|t| t != "dumb")
}

/// Opens the TUI, which needs a real terminal on both ends.
fn browse(catalog: Arc<Catalog>, launch: Launch) -> i32 {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "httpdex: the interactive browser needs a terminal; for scripts use `httpdex show CODE`, `httpdex search QUERY` or `httpdex list` (add --json)"
        );
        return exit::USAGE;
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        eprintln!(
            "httpdex: TERM=dumb cannot show the browser; use `httpdex show CODE` or `httpdex list`"
        );
        return exit::USAGE;
    }
    match httpdex_tui::run(catalog, launch) {
        Ok(()) => exit::OK,
        Err(e) => {
            eprintln!("httpdex: terminal error: {e}");
            exit::TERMINAL
        }
    }
}

/// Clap's errors span several lines; scripts and people want one. The
/// first paragraph says what is wrong (and may go on to a second line, as
/// "required arguments were not provided:" does, naming them).
fn usage_error(e: &clap::Error) -> ExitCode {
    let rendered = e.to_string();
    let first: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|line| !line.is_empty())
        .collect();
    // Clap's tips ("a similar argument exists: '--color'") are worth keeping.
    let tips = rendered
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with("tip: "));
    let mut joined = first.join(" ");
    for tip in tips {
        joined = format!("{joined}; {tip}");
    }
    let message = match joined.trim_start_matches("error: ") {
        "" => "invalid usage".to_string(),
        message => with_value_shown(e, message),
    };
    let _ = writeln!(
        std::io::stderr(),
        "httpdex: {} (see `httpdex --help`)",
        safe::escape(&message)
    );
    ExitCode::from(exit::USAGE as u8)
}

/// Clap's rendering drops escape sequences from a rejected value, so
/// `--lang $'\e[31mexpress'` read "invalid value 'express'", naming a valid
/// stack. Where the value holds such characters, it is quoted escaped.
fn with_value_shown(e: &clap::Error, message: &str) -> String {
    use clap::error::{ContextKind, ContextValue};
    let (Some(ContextValue::String(arg)), Some(ContextValue::String(value))) = (
        e.get(ContextKind::InvalidArg),
        e.get(ContextKind::InvalidValue),
    ) else {
        return message.to_string();
    };
    if !value.chars().any(safe::is_unsafe) {
        return message.to_string();
    }
    let reason = message
        .split_once(&format!("'{arg}'"))
        .map_or(message, |(_, rest)| rest);
    format!(
        "invalid value '{}' for '{arg}'{reason}",
        safe::escape(value)
    )
}

//! The command line: argument definitions, exit codes, where output goes,
//! and dispatch to the one-shot commands (`commands`).

use std::ffi::OsString;
use std::io::{self, Write};

use clap::{Parser, Subcommand, ValueEnum};

#[cfg(feature = "check")]
mod check;
mod commands;
mod completions;
pub mod exit;
mod guide;
pub mod logs;
mod output;
#[cfg(test)]
mod plain_lookup_tests;
#[cfg(feature = "serve")]
mod serve;

pub use commands::{ListFormat, compare, list, search_cmd, show, snippet};
pub use output::Output;

use httpdex_catalog::search::Filter;
use httpdex_catalog::{Catalog, Class, Origin};

#[derive(Debug, PartialEq, Parser)]
#[command(
    name = "httpdex",
    version,
    about = "The HTTP status code reference that lives in your terminal",
    after_help = "Run without arguments to open the interactive browser.",
    after_long_help = exit::long_help()
)]
pub struct Cli {
    /// Open the browser with QUERY already typed in
    #[arg(short, long, value_name = "QUERY", conflicts_with = "codes")]
    pub query: Option<String>,

    /// When to colour one-shot output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Your own codes or notes (JSON, same schema) merged into the catalog
    /// [default: ~/.config/httpdex/codes.json]
    #[arg(long, value_name = "FILE", global = true)]
    pub data: Option<std::path::PathBuf>,

    /// Codes to show, as `httpdex show` does (`httpdex 404 410`)
    #[arg(value_name = "CODE")]
    pub codes: Vec<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Parses the process's arguments. The two forms scripts run most,
    /// `httpdex 404 410` and `httpdex show 404`, are read directly: clap
    /// builds its whole tree of subcommands and options before it parses,
    /// which cost more than the lookup itself (about 7% of the wall time
    /// of `httpdex show 404`, measured with `scripts/bench.sh`).
    /// Everything else goes through clap; a property test checks that both
    /// give the same `Cli` wherever the direct reading applies.
    pub fn from_env() -> Result<Cli, clap::Error> {
        let args: Vec<OsString> = std::env::args_os().collect();
        match Cli::plain_lookup(&args) {
            Some(cli) => Ok(cli),
            None => Cli::try_parse_from(args),
        }
    }

    /// `httpdex CODE...` or `httpdex show ID...` with nothing but plain
    /// words (no option, no subcommand name, valid UTF-8); `None` otherwise.
    pub fn plain_lookup(args: &[OsString]) -> Option<Cli> {
        let words: Vec<&str> = args
            .get(1..)?
            .iter()
            .map(|arg| arg.to_str())
            .collect::<Option<_>>()?;
        if words.iter().any(|w| w.is_empty() || w.starts_with('-')) {
            return None;
        }
        let owned = |words: &[&str]| words.iter().map(|w| w.to_string()).collect();
        let (command, codes) = match words.split_first()? {
            (&"show", ids) if !ids.is_empty() => {
                let show = Command::Show {
                    ids: owned(ids),
                    json: false,
                };
                (Some(show), Vec::new())
            }
            _ if words.iter().any(|w| is_subcommand(w)) => return None,
            _ => (None, owned(&words)),
        };
        Some(Cli {
            query: None,
            color: ColorChoice::Auto,
            data: None,
            codes,
            command,
        })
    }
}

/// Words clap reads as a subcommand rather than as a code.
fn is_subcommand(word: &str) -> bool {
    word == "help" || <Command as Subcommand>::has_subcommand(word)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, PartialEq, Subcommand)]
pub enum Command {
    /// Everything about one or more codes
    Show {
        /// Code or id: 404, 499-nginx, 403.14-iis
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// Print the entry as JSON, every field under its data name
        #[arg(long)]
        json: bool,
    },
    /// Rank codes for a query: a number, a mask (4xx), words, a typo
    Search {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long)]
        json: bool,
        /// Show at most N results; 0 shows every match
        #[arg(long, value_name = "N", default_value_t = 10)]
        limit: usize,
    },
    /// Every code, optionally filtered: a printable cheat sheet
    List {
        /// Only this class: 1xx, 2xx, 3xx, 4xx, 5xx
        #[arg(long, value_parser = parse_class, value_name = "CLASS")]
        class: Option<Class>,
        /// Only this origin: iana, nginx, cloudflare, aws-elb, iis, microsoft, unofficial
        #[arg(long, value_parser = parse_origin, value_name = "ORIGIN")]
        origin: Option<Origin>,
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print a Markdown table
        #[arg(long)]
        markdown: bool,
    },
    /// Test yourself: a round of questions that teaches as it goes
    Quiz {
        /// Same seed, same questions in the same order
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// Questions in the round
        #[arg(long, value_name = "N", default_value_t = 10,
              value_parser = clap::value_parser!(u16).range(1..=200))]
        count: u16,
        /// common, iana (every registered code), all (vendor codes too), vendor
        #[arg(long, value_name = "LEVEL", default_value = "common", value_parser = parse_level)]
        level: httpdex_core::quiz::Level,
    },
    /// Code that returns the status in your stack (the note goes to stderr)
    Snippet {
        #[arg(value_name = "ID")]
        id: String,
        /// express, node, flask, fastapi, django, go, axum, actix, spring,
        /// aspnet, php, laravel, rails, sinatra, nginx, apache, curl
        /// [default: the last one chosen in the app, else express]
        #[arg(long, short, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<httpdex_core::snippets::Lang>,
        /// Also copy it to the clipboard
        #[arg(long)]
        copy: bool,
    },
    /// Holds the clipboard for `snippet --copy` after httpdex exits.
    #[command(name = "__hold-clipboard", hide = true)]
    HoldClipboard,
    /// Shell completions (subcommands, options and code ids) on stdout
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The man page (roff) on stdout: `httpdex man > httpdex.1`
    Man,
    /// The guides: long reads on an area (authentication, redirects,
    /// caching, ...). Without NAME, the list
    Guide {
        /// A guide's name, as the list shows it (`redirects`)
        name: Option<String>,
        /// Print the guide's Markdown source
        #[arg(long)]
        markdown: bool,
    },
    /// What the status codes in access logs mean: counts, top paths, over time
    Logs(logs::LogsArgs),
    /// A local playground that answers any status code exactly right:
    /// `curl -i localhost:8080/503`
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
    /// Fetch URLs and follow every redirect: each hop explained, the chain judged
    #[cfg(feature = "check")]
    Check(check::CheckArgs),
    /// `check` in a build without the network code: says so.
    #[cfg(not(feature = "check"))]
    #[command(hide = true, disable_help_flag = true)]
    Check {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Two codes side by side: 401 vs 403, 301 vs 308, any pair
    Compare {
        #[arg(value_name = "A")]
        a: String,
        #[arg(value_name = "B")]
        b: String,
        /// Print the rows as JSON
        #[arg(long)]
        json: bool,
    },
}

fn parse_class(text: &str) -> Result<Class, String> {
    Class::parse(text)
        .ok_or_else(|| format!("{text:?} is not a class; use 1xx, 2xx, 3xx, 4xx or 5xx"))
}

fn parse_level(text: &str) -> Result<httpdex_core::quiz::Level, String> {
    httpdex_core::quiz::Level::from_slug(text)
        .ok_or_else(|| format!("{text:?} is not a level; use common, iana, all or vendor"))
}

fn parse_lang(text: &str) -> Result<httpdex_core::snippets::Lang, String> {
    use httpdex_core::snippets::Lang;
    Lang::from_slug(text).ok_or_else(|| {
        let all: Vec<_> = Lang::ALL.iter().map(|l| l.slug()).collect();
        format!("{text:?} is not a stack; use one of {}", all.join(", "))
    })
}

fn parse_origin(text: &str) -> Result<Origin, String> {
    Origin::from_slug(text).ok_or_else(|| {
        let all: Vec<_> = Origin::ALL.iter().map(|o| o.slug()).collect();
        format!("{text:?} is not an origin; use one of {}", all.join(", "))
    })
}

impl Command {
    /// The clipboard holder and `man` need no catalog: `main` runs them
    /// before loading one, so the holder that every `snippet --copy` starts
    /// answers at once.
    pub fn needs_catalog(&self) -> bool {
        !matches!(
            self,
            Command::HoldClipboard | Command::Man | Command::Guide { .. }
        )
    }
}

/// Runs a command that needs no catalog (see `Command::needs_catalog`).
pub fn run_without_catalog(command: &Command, o: &mut Output) -> io::Result<i32> {
    match command {
        Command::HoldClipboard => Ok(httpdex_platform::clipboard::hold_clipboard()),
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(o.raw())?;
            Ok(exit::OK)
        }
        Command::Guide { name, markdown } => guide::run(name.as_deref(), *markdown, o),
        other => unreachable!("{other:?} needs the catalog"),
    }
}

/// Runs a one-shot command and returns the exit code.
pub fn run_command(catalog: &Catalog, command: &Command, o: &mut Output) -> io::Result<i32> {
    match command {
        Command::Show { ids, json } => show(catalog, ids, *json, o),
        Command::Search { query, json, limit } => {
            search_cmd(catalog, &query.join(" "), *json, *limit, o)
        }
        Command::List {
            class,
            origin,
            json,
            markdown,
        } => {
            let filter = Filter {
                class: *class,
                origin: *origin,
            };
            let format = match (json, markdown) {
                (true, _) => ListFormat::Json,
                (_, true) => ListFormat::Markdown,
                _ => ListFormat::Text,
            };
            list(catalog, &filter, format, o)
        }
        Command::Compare { a, b, json } => compare(catalog, a, b, *json, o),
        Command::Logs(args) => logs::run(catalog, args, o),
        #[cfg(feature = "check")]
        Command::Check(args) => check::run(catalog, args, o),
        #[cfg(not(feature = "check"))]
        Command::Check { .. } => {
            writeln!(
                o.err,
                "httpdex: this build has no `check` (built without the `check` feature)"
            )?;
            Ok(exit::USAGE)
        }
        Command::Snippet { id, lang, copy } => snippet(catalog, id, *lang, *copy, o),
        Command::HoldClipboard | Command::Man | Command::Guide { .. } => {
            run_without_catalog(command, o)
        }
        Command::Completions { shell } => {
            // Every value in the script is quoted for its shell there.
            o.raw()
                .write_all(completions::script(*shell, catalog).as_bytes())?;
            Ok(exit::OK)
        }
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::serve(catalog, args, o),
        Command::Quiz { .. } => {
            writeln!(o.err, "httpdex: the quiz needs a terminal")?;
            Ok(exit::USAGE)
        }
    }
}

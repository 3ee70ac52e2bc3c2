//! The command line: argument definitions and the one-shot commands.
//! Commands write to a `Write` so tests can run them in-process too.

use std::io::{self, IsTerminal, Write};

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::catalog::{Catalog, Class, Entry, Origin};
use crate::search::{self, Filter, Tier};
use crate::theme::Theme;
use crate::{ansi, detail};

#[derive(Debug, Parser)]
#[command(
    name = "httpdex",
    version,
    about = "The HTTP status code reference that lives in your terminal",
    after_help = "Run without arguments to open the interactive browser."
)]
pub struct Cli {
    /// Open the browser with QUERY already typed in
    #[arg(short, long, value_name = "QUERY")]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
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
        /// Show at most N results
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
        level: crate::quiz::Level,
    },
    /// Code that returns the status in your stack (the note goes to stderr)
    Snippet {
        #[arg(value_name = "ID")]
        id: String,
        /// express, node, flask, fastapi, django, go, axum, actix, spring,
        /// aspnet, php, laravel, rails, sinatra, nginx, apache, curl
        /// [default: the last one chosen in the app, else express]
        #[arg(long, short, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<crate::snippets::Lang>,
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

fn parse_level(text: &str) -> Result<crate::quiz::Level, String> {
    crate::quiz::Level::from_slug(text)
        .ok_or_else(|| format!("{text:?} is not a level; use common, iana, all or vendor"))
}

fn parse_lang(text: &str) -> Result<crate::snippets::Lang, String> {
    use crate::snippets::Lang;
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

/// The command line with every code id offered as a value wherever an id
/// goes, for completion scripts only: parsing keeps accepting unknown ids so
/// it can answer them with "did you mean".
fn with_code_ids(catalog: &Catalog) -> clap::Command {
    let ids: Vec<String> = catalog.entries().iter().map(|e| e.id.to_string()).collect();
    let values = || clap::builder::PossibleValuesParser::new(ids.clone());
    <Cli as clap::CommandFactory>::command()
        .mut_arg("codes", |a| a.value_parser(values()))
        .mut_subcommand("show", |s| s.mut_arg("ids", |a| a.value_parser(values())))
        .mut_subcommand("compare", |s| {
            s.mut_arg("a", |a| a.value_parser(values()))
                .mut_arg("b", |a| a.value_parser(values()))
        })
}

/// clap_complete's fish script completes no positional values, so the
/// ids (with their names as descriptions) are added for the places ids go.
fn fish_code_ids(catalog: &Catalog) -> String {
    let conditions = [
        "__fish_httpdex_needs_command",
        "__fish_httpdex_using_subcommand show",
        "__fish_httpdex_using_subcommand compare",
    ];
    let mut out = String::from("\n# Status code ids\n");
    for condition in conditions {
        for e in catalog.entries() {
            let name = e.name.replace('\'', "\\'");
            out += &format!(
                "complete -c httpdex -n \"{condition}\" -f -a '{}' -d '{name}'\n",
                e.id
            );
        }
    }
    out
}

/// Process exit codes: the contract scripts rely on.
pub mod exit {
    pub const OK: i32 = 0;
    pub const NOT_FOUND: i32 = 1;
    pub const USAGE: i32 = 2;
}

/// Where one-shot output goes and how it looks.
pub struct Output<'w> {
    pub out: &'w mut dyn Write,
    pub err: &'w mut dyn Write,
    pub color: bool,
    pub width: usize,
}

impl Output<'_> {
    /// Standard streams; colour and width follow the terminal, `--color`
    /// and `NO_COLOR`.
    pub fn run_std(choice: ColorChoice, f: impl FnOnce(&mut Output) -> io::Result<i32>) -> i32 {
        let is_tty = io::stdout().is_terminal();
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_tty && Theme::from_env().color,
        };
        let width = if is_tty {
            crossterm::terminal::size().map_or(100, |(w, _)| w as usize)
        } else {
            100
        };
        let (stdout, stderr) = (io::stdout(), io::stderr());
        // Line buffering would cost a write per line of a long page.
        let (mut out, mut err) = (io::BufWriter::new(stdout.lock()), stderr.lock());
        let mut output = Output {
            out: &mut out,
            err: &mut err,
            color,
            width: width.clamp(20, 120),
        };
        match f(&mut output).and_then(|code| output.out.flush().map(|()| code)) {
            Ok(code) => code,
            // A closed pipe (`httpdex list | head`) is not an error.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::OK,
            Err(e) => {
                let _ = writeln!(output.err, "httpdex: {e}");
                exit::NOT_FOUND
            }
        }
    }

    fn theme(&self) -> Theme {
        Theme { color: self.color }
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
        Command::Snippet { id, lang, copy } => snippet(catalog, id, *lang, *copy, o),
        Command::HoldClipboard => Ok(crate::clipboard::hold_clipboard()),
        Command::Completions { shell } => {
            // Into a buffer first: clap_complete panics on a closed pipe.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut with_code_ids(catalog), "httpdex", &mut script);
            o.out.write_all(&script)?;
            if *shell == clap_complete::Shell::Fish {
                o.out.write_all(fish_code_ids(catalog).as_bytes())?;
            }
            Ok(exit::OK)
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut *o.out)?;
            Ok(exit::OK)
        }
        Command::Quiz { .. } => {
            writeln!(o.err, "httpdex: the quiz needs a terminal")?;
            Ok(exit::USAGE)
        }
    }
}

/// `httpdex snippet ID --lang LANG [--copy]`: the code on stdout, the
/// note and the copy confirmation on stderr, so `> file` gets only code.
pub fn snippet(
    catalog: &Catalog,
    id: &str,
    lang: Option<crate::snippets::Lang>,
    copy: bool,
    o: &mut Output,
) -> io::Result<i32> {
    use crate::snippets::{self, Lang};
    let Some(entry) = catalog.get(id) else {
        report_unknown(catalog, id, o)?;
        return Ok(exit::NOT_FOUND);
    };
    let remembered = || {
        let state = crate::state::Store::locate()?.load().state;
        Lang::from_slug(state.snippet_lang.as_deref()?)
    };
    let lang = lang.or_else(remembered).unwrap_or(Lang::Express);
    let snippet = snippets::snippet(entry, lang);
    if let Some(note) = &snippet.note {
        writeln!(o.err, "note: {note}")?;
    }
    o.out.write_all(snippet.code.as_bytes())?;
    if !snippet.code.ends_with('\n') {
        writeln!(o.out)?;
    }
    if copy {
        let what = format!("{} snippet for {}", lang.label(), entry.display_code());
        match crate::clipboard::copy_detached(&snippet.code) {
            Ok(_) => writeln!(o.err, "Copied {what}")?,
            Err(why) => {
                writeln!(o.err, "httpdex: could not copy the {what}: {why}")?;
                return Ok(exit::NOT_FOUND);
            }
        }
    }
    Ok(exit::OK)
}

pub fn compare(catalog: &Catalog, a: &str, b: &str, json: bool, o: &mut Output) -> io::Result<i32> {
    let (Some(left), Some(right)) = (catalog.get(a), catalog.get(b)) else {
        let unknown = if catalog.get(a).is_none() { a } else { b };
        report_unknown(catalog, unknown, o)?;
        return Ok(exit::NOT_FOUND);
    };
    let comparison = crate::compare::Comparison::new(catalog, left, right);
    if json {
        write_json(o, &comparison)?;
    } else {
        let lines = crate::compare::lines(&comparison, catalog, &o.theme(), o.width);
        o.out.write_all(ansi::render(&lines, o.color).as_bytes())?;
    }
    Ok(exit::OK)
}

pub fn show(catalog: &Catalog, ids: &[String], json: bool, o: &mut Output) -> io::Result<i32> {
    let mut found = Vec::new();
    for id in ids {
        match catalog.get(id) {
            Some(entry) => found.push(entry),
            None => {
                report_unknown(catalog, id, o)?;
                return Ok(exit::NOT_FOUND);
            }
        }
    }
    if json {
        if let [entry] = found.as_slice() {
            write_json(o, entry)?;
        } else {
            write_json(o, &found)?;
        }
        return Ok(exit::OK);
    }
    for (i, entry) in found.iter().enumerate() {
        if i > 0 {
            writeln!(o.out)?;
        }
        let lines = detail::entry_lines(catalog, entry, &o.theme(), o.width);
        o.out.write_all(ansi::render(&lines, o.color).as_bytes())?;
    }
    Ok(exit::OK)
}

/// "No status code X" plus the nearest matches, on stderr.
pub fn report_unknown(catalog: &Catalog, id: &str, o: &mut Output) -> io::Result<()> {
    let shown: String = id.chars().take(40).collect();
    let ellipsis = if id.chars().count() > 40 { "…" } else { "" };
    let near = search::suggestions(catalog, id, 3);
    if near.is_empty() {
        writeln!(
            o.err,
            "httpdex: no status code {shown:?}{ellipsis}; try `httpdex search WORDS` or `httpdex list`"
        )
    } else {
        let names: Vec<String> = near
            .iter()
            .map(|e| format!("{} ({})", e.id, e.name))
            .collect();
        writeln!(
            o.err,
            "httpdex: no status code {shown:?}{ellipsis}; did you mean {}?",
            names.join(", ")
        )
    }
}

#[derive(Serialize)]
struct SearchResult<'a> {
    id: &'a str,
    code: u16,
    name: &'a str,
    origin: Origin,
    summary: &'a str,
    /// Which tier matched: exact, code, name, alias, keyword, summary, typo, fuzzy.
    #[serde(rename = "match")]
    tier: &'static str,
}

fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::All => "all",
        Tier::ExactCode => "exact",
        Tier::CodePattern => "code",
        Tier::Name => "name",
        Tier::Alias => "alias",
        Tier::Keyword => "keyword",
        Tier::Summary => "summary",
        Tier::Typo => "typo",
        Tier::Fuzzy => "fuzzy",
    }
}

pub fn search_cmd(
    catalog: &Catalog,
    query: &str,
    json: bool,
    limit: usize,
    o: &mut Output,
) -> io::Result<i32> {
    if query.trim().is_empty() {
        writeln!(
            o.err,
            "httpdex: the search query is empty; try `httpdex search unauth`"
        )?;
        return Ok(exit::USAGE);
    }
    let hits = search::search(catalog, query, &Filter::default());
    let results: Vec<SearchResult> = hits
        .iter()
        .take(limit)
        .map(|h| {
            let e = &catalog.entries()[h.index];
            SearchResult {
                id: &e.id,
                code: e.code,
                name: &e.name,
                origin: e.origin,
                summary: &e.summary,
                tier: tier_name(h.tier),
            }
        })
        .collect();
    if json {
        write_json(o, &results)?;
    } else if results.is_empty() {
        let shown = truncate(query, 40);
        writeln!(o.err, "httpdex: nothing matches {shown:?}")?;
    } else {
        let entries: Vec<&Entry> = results.iter().filter_map(|r| catalog.get(r.id)).collect();
        write_table(&entries, o)?;
    }
    Ok(if results.is_empty() {
        exit::NOT_FOUND
    } else {
        exit::OK
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// Grouped by class: a printable cheat sheet.
    Text,
    Markdown,
    Json,
}

pub fn list(
    catalog: &Catalog,
    filter: &Filter,
    format: ListFormat,
    o: &mut Output,
) -> io::Result<i32> {
    let entries: Vec<&Entry> = catalog
        .entries()
        .iter()
        .filter(|e| filter.accepts(e))
        .collect();
    match format {
        ListFormat::Json => write_json(o, &entries)?,
        ListFormat::Markdown => {
            writeln!(
                o.out,
                "| Code | Name | Origin | Summary |\n|---|---|---|---|"
            )?;
            let cell = |s: &str| s.replace('|', "\\|");
            for e in &entries {
                writeln!(
                    o.out,
                    "| {} | {} | {} | {} |",
                    e.display_code(),
                    cell(&e.name),
                    e.origin.label(),
                    cell(&e.summary)
                )?;
            }
        }
        ListFormat::Text => {
            let theme = o.theme();
            for class in Class::ALL {
                let group: Vec<&Entry> = entries
                    .iter()
                    .copied()
                    .filter(|e| e.class() == class)
                    .collect();
                if group.is_empty() {
                    continue;
                }
                let heading = format!("{} {}", class.mask(), class.label());
                let line = ratatui::text::Line::styled(heading, theme.heading());
                o.out.write_all(ansi::render(&[line], o.color).as_bytes())?;
                write_table(&group, o)?;
                writeln!(o.out)?;
            }
        }
    }
    Ok(exit::OK)
}

/// One line per entry: code, name, origin badge, summary, fitted to width.
fn write_table(entries: &[&Entry], o: &mut Output) -> io::Result<()> {
    let theme = o.theme();
    let name_width = entries
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(32);
    for e in entries {
        let badge = if e.origin == Origin::Iana {
            String::new()
        } else {
            format!("[{}] ", e.origin.label())
        };
        let name: String = truncate(&e.name, name_width);
        let used = 8 + name_width + 2 + badge.chars().count();
        let summary = truncate(&e.summary, o.width.saturating_sub(used));
        let line = ratatui::text::Line::from(vec![
            ratatui::text::Span::styled(format!("{:<8}", e.display_code()), theme.class(e.class())),
            ratatui::text::Span::styled(format!("{name:<name_width$}  "), theme.title()),
            ratatui::text::Span::styled(badge, theme.badge()),
            ratatui::text::Span::raw(summary),
        ]);
        o.out.write_all(ansi::render(&[line], o.color).as_bytes())?;
    }
    Ok(())
}

/// Cuts `text` to `max` chars, marking the cut with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn write_json<T: Serialize + ?Sized>(o: &mut Output, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *o.out, value)?;
    writeln!(o.out)
}

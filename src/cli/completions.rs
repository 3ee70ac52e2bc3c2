//! Completion scripts: clap_complete's, with every code id offered where
//! an id goes.

use clap_complete::Shell;

use httpdex_catalog::Catalog;
use httpdex_catalog::extension::is_valid_id;
use httpdex_core::safe;

use super::Cli;

/// The completion script for `shell`, offering code ids where ids go.
pub fn script(shell: Shell, catalog: &Catalog) -> String {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut with_code_ids(catalog), "httpdex", &mut bytes);
    let script = String::from_utf8_lossy(&bytes).into_owned();
    // bash and zsh take the ids from `with_code_ids`; the other generators
    // complete no positional values, so the ids are added to their output.
    match shell {
        Shell::Fish => script + &fish_code_ids(catalog),
        Shell::PowerShell => inject(&script, catalog, "        '{path}' {", |id, name| {
            // PowerShell also ends a single-quoted string at typographic
            // single quotes; each is doubled like the plain one.
            let mut name = plain(name);
            for quote in ['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}'] {
                name = name.replace(quote, &format!("{quote}{quote}"));
            }
            format!(
                "            [CompletionResult]::new('{id}', '{id}', [CompletionResultType]::ParameterValue, '{name}')"
            )
        }),
        Shell::Elvish => inject(&script, catalog, "        &'{path}'= {", |id, name| {
            format!(
                "            cand {id} '{}'",
                plain(name).replace('\'', "''")
            )
        }),
        _ => script,
    }
}

/// Adds a line per code id after each block opener of the command paths
/// that take ids (`httpdex CODE`, `show ID`, `compare A B`).
fn inject(
    script: &str,
    catalog: &Catalog,
    opener: &str,
    line: impl Fn(&str, &str) -> String,
) -> String {
    let openers: Vec<String> = ["httpdex", "httpdex;show", "httpdex;compare"]
        .iter()
        .map(|path| opener.replace("{path}", path))
        .collect();
    let mut out = String::with_capacity(script.len() * 2);
    for l in script.lines() {
        out.push_str(l);
        out.push('\n');
        if openers.iter().any(|o| o == l) {
            for e in completable(catalog) {
                out.push_str(&line(&e.id, &e.name));
                out.push('\n');
            }
        }
    }
    out
}

/// The entries whose ids can go into a script as they are. Extension ids
/// are checked when their file is read (`extension::ID_RULE`); this keeps
/// the scripts safe even so.
fn completable(catalog: &Catalog) -> impl Iterator<Item = &httpdex_catalog::Entry> {
    catalog.entries().iter().filter(|e| is_valid_id(&e.id))
}

/// A name as a script may show it: one line, no control character raw.
fn plain(name: &str) -> String {
    safe::escape(&name.replace(['\n', '\t', '\r'], " ")).into_owned()
}

/// The command line with every code id offered as a value wherever an id
/// goes, for completion scripts only: parsing keeps accepting unknown ids so
/// it can answer them with "did you mean".
fn with_code_ids(catalog: &Catalog) -> clap::Command {
    let ids: Vec<String> = completable(catalog).map(|e| e.id.to_string()).collect();
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
        for e in completable(catalog) {
            // In fish's single quotes only \\ and \' are escapes.
            let name = plain(&e.name).replace('\\', "\\\\").replace('\'', "\\'");
            out += &format!(
                "complete -c httpdex -n \"{condition}\" -f -a '{}' -d '{name}'\n",
                e.id
            );
        }
    }
    out
}

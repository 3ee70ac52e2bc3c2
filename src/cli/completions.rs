//! Completion scripts: clap_complete's, with every code id offered where
//! an id goes.

use crate::catalog::Catalog;

use super::Cli;

/// The command line with every code id offered as a value wherever an id
/// goes, for completion scripts only: parsing keeps accepting unknown ids so
/// it can answer them with "did you mean".
pub fn with_code_ids(catalog: &Catalog) -> clap::Command {
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
pub fn fish_code_ids(catalog: &Catalog) -> String {
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

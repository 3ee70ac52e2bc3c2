//! `Cli::plain_lookup` reads the common forms without clap; wherever it
//! answers, clap must give the very same `Cli`.

use std::ffi::OsString;

use super::{Cli, Command};
use clap::Parser;
use proptest::prelude::*;

fn argv(words: &[&str]) -> Vec<OsString> {
    std::iter::once("httpdex")
        .chain(words.iter().copied())
        .map(OsString::from)
        .collect()
}

#[test]
fn reads_bare_codes_and_show() {
    let bare = Cli::plain_lookup(&argv(&["404", "410"])).expect("bare codes");
    assert_eq!(bare.codes, ["404", "410"]);
    assert_eq!(bare.command, None);
    let show = Cli::plain_lookup(&argv(&["show", "499-nginx"])).expect("show");
    assert_eq!(
        show.command,
        Some(Command::Show {
            ids: vec!["499-nginx".into()],
            json: false
        })
    );
}

#[test]
fn leaves_options_subcommands_and_odd_words_to_clap() {
    for words in [
        &[][..],
        &["show"],
        &["show", "404", "--json"],
        &["--color", "always", "404"],
        &["list"],
        &["help"],
        &["404", "search"],
        &["-"],
        &[""],
        &["man"],
    ] {
        assert_eq!(Cli::plain_lookup(&argv(words)), None, "{words:?}");
    }
}

const WORDS: &[&str] = &[
    "404",
    "410",
    "499-nginx",
    "unauth",
    "4xx",
    "show",
    "search",
    "list",
    "compare",
    "snippet",
    "quiz",
    "man",
    "help",
    "completions",
    "__hold-clipboard",
    "--json",
    "--color",
    "always",
    "-q",
    "-h",
    "--",
    "-",
    "",
    "x y",
    "Show",
    "404.1",
    "SHOW",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn agrees_with_clap(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..5)) {
        let args = argv(&words);
        if let Some(quick) = Cli::plain_lookup(&args) {
            let clap = Cli::try_parse_from(&args);
            prop_assert!(clap.is_ok(), "clap rejects {words:?}: {:?}", clap.err());
            prop_assert_eq!(quick, clap.unwrap());
        }
    }
}

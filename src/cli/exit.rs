//! Process exit codes: the contract scripts rely on. `TABLE` is the one
//! list: `--help` and the man page print it (`long_help`), and a test keeps
//! the README's table equal to it.

pub const OK: i32 = 0;
/// Nothing matched: an unknown id, a search or list with no result, a log
/// with no line counted.
pub const NOT_FOUND: i32 = 1;
/// Bad arguments, or a command that cannot run here (the TUI without a
/// terminal), or a log whose format cannot be told: one line on stderr.
pub const USAGE: i32 = 2;
/// Reading or writing a file or stream failed.
pub const IO: i32 = 3;
/// The terminal could not be set up, or was lost while the app ran.
pub const TERMINAL: i32 = 4;
/// A copy was asked for (`snippet --copy`) and no clipboard took it.
pub const CLIPBOARD: i32 = 5;
/// `httpdex check`: an error-level finding on a URL.
pub const CHECK_FINDING: i32 = 10;
/// `httpdex check`: a final status in 4xx.
pub const CHECK_CLIENT_ERROR: i32 = 11;
/// `httpdex check`: a final status in 5xx.
pub const CHECK_SERVER_ERROR: i32 = 12;
/// `httpdex check`: a connection, name or TLS failure.
pub const NETWORK: i32 = 13;
/// `httpdex check`: no answer within the timeout.
pub const TIMEOUT: i32 = 14;

/// Every code with what it means, in order.
pub const TABLE: &[(i32, &str)] = &[
    (OK, "success"),
    (
        NOT_FOUND,
        "nothing found: unknown code, no search or list result, no log line counted",
    ),
    (
        USAGE,
        "bad usage, the browser without a terminal, a log of unknown format (one line on stderr)",
    ),
    (IO, "reading or writing a file or stream failed"),
    (TERMINAL, "the terminal could not be set up or was lost"),
    (CLIPBOARD, "a copy was asked for and no clipboard took it"),
    (CHECK_FINDING, "check: an error-level finding"),
    (CHECK_CLIENT_ERROR, "check: a final status in 4xx"),
    (CHECK_SERVER_ERROR, "check: a final status in 5xx"),
    (NETWORK, "check: a connection, name or TLS failure"),
    (TIMEOUT, "check: no answer within the timeout"),
];

/// The table as `--help` and the man page show it.
pub fn long_help() -> String {
    let mut text =
        String::from("Run without arguments to open the interactive browser.\n\nExit status:\n");
    for (code, meaning) in TABLE {
        text += &format!("  {code:>3}  {meaning}\n");
    }
    text += "  130  interrupted (Ctrl-C); 128+N after signal N";
    text
}

/// The table as the README shows it, between its `exit-codes` markers.
#[cfg(test)]
pub fn markdown_table() -> String {
    let mut text = String::from("| code | meaning |\n|---|---|\n");
    for (code, meaning) in TABLE {
        text += &format!("| `{code}` | {meaning} |\n");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_lists_every_exit_code() {
        let readme = include_str!("../../README.md");
        let start = "<!-- exit-codes:start -->\n";
        let from = readme
            .find(start)
            .expect("README has the exit-codes:start marker");
        let to = readme
            .find("<!-- exit-codes:end -->")
            .expect("the end marker");
        let expected = markdown_table();
        assert_eq!(
            &readme[from + start.len()..to],
            expected,
            "README exit-code table is stale; replace it with:\n{expected}"
        );
    }

    #[test]
    fn codes_are_distinct_and_help_lists_them_all() {
        let mut codes: Vec<i32> = TABLE.iter().map(|(c, _)| *c).collect();
        codes.dedup();
        assert_eq!(codes.len(), TABLE.len());
        let help = long_help();
        for (code, meaning) in TABLE {
            assert!(help.contains(&format!("{code:>3}  {meaning}")), "{code}");
        }
    }
}

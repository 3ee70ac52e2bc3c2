//! The real binary, as scripts use it.

use std::process::{Command, Output};

fn httpdex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_httpdex"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run httpdex")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn bare_code_shows_the_entry_without_colour_when_piped() {
    let o = httpdex(&["404"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("404 Not Found"), "{out}");
    assert!(out.contains("── Definition"));
    assert!(out.contains("RFC 9110 §15.5.5"));
    assert!(!out.contains('\x1b'), "escape codes in piped output");
}

#[test]
fn color_always_forces_escapes() {
    let o = httpdex(&["show", "404", "--color", "always"]);
    assert!(stdout(&o).contains("\x1b["));
}

#[test]
fn show_json_prints_every_field_under_its_data_name() {
    let o = httpdex(&["show", "401", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for field in [
        "id",
        "code",
        "name",
        "aliases",
        "origin",
        "status",
        "emoji",
        "summary",
        "playful",
        "definition",
        "spec",
        "misconception",
        "causes",
        "when_to_use",
        "example",
        "headers",
        "seo",
        "cacheable",
        "related",
        "confused_with",
        "keywords",
        "faq",
        "constants",
    ] {
        assert!(v.get(field).is_some(), "missing {field}");
    }
    assert_eq!(v["id"], "401");
    assert_eq!(v["code"], 401);
    assert_eq!(v["name"], "Unauthorized");
    assert_eq!(v["origin"], "iana");
    let headers = v["headers"].as_array().unwrap();
    assert!(
        headers
            .iter()
            .any(|h| h["name"] == "WWW-Authenticate" && h["rule"] == "required")
    );
}

#[test]
fn unknown_code_suggests_and_exits_1() {
    let o = httpdex(&["show", "4040"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(err.contains("no status code \"4040\""), "{err}");
    assert!(err.contains("did you mean 404"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn bad_usage_exits_2_with_one_line() {
    for args in [
        &["--bogus"][..],
        &["list", "--class", "9xx"],
        &["search"],
        &["list", "--origin", "mars"],
    ] {
        let o = httpdex(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("httpdex: "), "{err}");
    }
}

#[test]
fn a_class_asked_for_as_a_code_points_to_list() {
    let o = httpdex(&["4xx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is a class, not a code; `httpdex list --class 4xx`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn usage_errors_name_the_missing_argument_and_keep_clap_tips() {
    for (args, expected) in [
        (&["show"][..], "were not provided: <ID>..."),
        (
            &["--colr", "always", "404"],
            "tip: a similar argument exists: '--color'",
        ),
    ] {
        let o = httpdex(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}

#[test]
fn search_ranks_and_limits() {
    let o = httpdex(&["search", "40", "--limit", "3"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.starts_with("400"), "{out}");
    let o = httpdex(&["search", "unauth"]);
    let out = stdout(&o);
    assert!(out.lines().next().unwrap().starts_with("401"), "{out}");

    let o = httpdex(&["search", "rate", "limit", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["id"], "429");
    assert_eq!(v[0]["match"], "keyword");
}

#[test]
fn search_with_no_match_exits_1() {
    let o = httpdex(&["search", "zzzzqqqq"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nothing matches"));
}

#[test]
fn list_json_holds_every_iana_code() {
    let o = httpdex(&["list", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = v.iter().map(|e| e["id"].as_str().unwrap()).collect();
    for code in crate::data::iana_registry() {
        assert!(ids.contains(&code.0.as_str()), "missing {}", code.0);
    }
}

#[test]
fn list_filters_by_class_and_origin() {
    let o = httpdex(&["list", "--class", "4xx", "--origin", "nginx"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("4xx Client error\n"), "{out}");
    let rows: Vec<&str> = out.lines().skip(1).filter(|l| !l.is_empty()).collect();
    assert!(rows.len() >= 5, "{out}");
    assert!(
        rows.iter()
            .all(|l| l.starts_with('4') && l.contains("[nginx]")),
        "{out}"
    );
}

#[test]
fn the_tui_refuses_to_start_without_a_terminal() {
    let o = httpdex(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a terminal"));
    let o = httpdex(&["-q", "teapot"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn compare_prints_an_aligned_table_and_json() {
    let o = httpdex(&["compare", "401", "403"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Rule of thumb: "), "{out}");
    assert!(out.contains("│ 401 Unauthorized"), "{out}");
    assert!(
        out.lines().all(|l| l.chars().count() <= 100),
        "wider than the terminal: {out}"
    );
    // Every row's separators line up.
    let bars: Vec<usize> = out
        .lines()
        .filter(|l| l.contains('│'))
        .map(|l| l.chars().position(|c| c == '│').unwrap())
        .collect();
    assert!(bars.windows(2).all(|w| w[0] == w[1]), "{out}");

    let o = httpdex(&["compare", "308", "301", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["a"]["id"], "308");
    assert_eq!(v["curated"], true);
    assert!(v["rule_of_thumb"].as_str().unwrap().len() > 10);
    let rows = v["rows"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["aspect"] == "Method preserved"));
}

#[test]
fn compare_any_pair_and_unknown_ids() {
    let o = httpdex(&["compare", "418", "520-cloudflare", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["curated"], false);
    assert!(v["rows"].as_array().unwrap().len() >= 8);

    let o = httpdex(&["compare", "401", "4033"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("did you mean 403"), "{}", stderr(&o));
}

#[test]
fn list_markdown_is_a_table() {
    let o = httpdex(&["list", "--markdown", "--class", "2xx"]);
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("| Code | Name | Origin | Summary |"));
    assert_eq!(lines.next(), Some("|---|---|---|---|"));
    assert!(out.contains("| 200 | OK | IANA |"), "{out}");
    assert!(lines.all(|l| l.starts_with("| 2") && l.ends_with(" |")));
}

#[test]
fn bad_input_gets_a_clear_message_and_the_right_exit_code() {
    // An empty id or query.
    let o = httpdex(&["show", ""]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("httpdex: no status code \"\""),
        "{}",
        stderr(&o)
    );
    let o = httpdex(&["search", "  "]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("the search query is empty"));

    // A huge query: answered, and not echoed back in full. (Linux caps one
    // argument at 128 KiB; the megabyte case runs through the search and
    // the app in tests/it/search.rs and tests/it/robustness.rs.)
    let huge = "a".repeat(100_000);
    for args in [["search", huge.as_str()], ["show", huge.as_str()]] {
        let o = httpdex(&args);
        assert_eq!(o.status.code(), Some(1), "{:?}", &args[0]);
        assert!(stderr(&o).len() < 300, "echoed {} bytes", stderr(&o).len());
    }

    // A count out of range, an unknown level.
    for args in [
        &["quiz", "--count", "0"][..],
        &["quiz", "--level", "expert"],
    ] {
        let o = httpdex(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o).lines().count(), 1);
    }
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_are_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let arg = std::ffi::OsStr::from_bytes(b"\xff\xfe404");
    for args in [vec![arg], vec![std::ffi::OsStr::new("search"), arg]] {
        let o = Command::new(env!("CARGO_BIN_EXE_httpdex"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(
            err.starts_with("httpdex: ") && err.contains("UTF-8"),
            "{err}"
        );
    }
}

#[test]
fn no_color_and_term_dumb_are_respected() {
    let o = Command::new(env!("CARGO_BIN_EXE_httpdex"))
        .args(["show", "404", "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&o).contains('\x1b'));
    // Output that is not a terminal never gets the browser, whatever TERM says.
    let o = Command::new(env!("CARGO_BIN_EXE_httpdex"))
        .env("TERM", "dumb")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn completions_offer_subcommands_options_and_code_ids() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = httpdex(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let script = stdout(&o);
        for word in ["compare", "json"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
        for id in ["499-nginx", "403.14-iis"] {
            assert!(script.contains(id), "{shell} completions lack {id}");
        }
    }
    let o = httpdex(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_man_page_documents_every_subcommand() {
    let o = httpdex(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let page = stdout(&o);
    assert!(page.starts_with(".ie"), "{page}");
    assert!(page.contains(".TH httpdex 1"));
    for sub in ["show", "search", "list", "compare", "quiz", "completions"] {
        assert!(page.contains(sub), "man page lacks {sub}");
    }
}

#[test]
fn an_iis_substatus_shows_the_constants_of_its_wire_status() {
    let out = stdout(&httpdex(&["show", "404.3-iis"]));
    let section = out
        .split("── Named constants")
        .nth(1)
        .expect("a constants section");
    assert!(section.contains("Clients see a plain 404"), "{section}");
    assert!(section.contains("HTTPStatus.NOT_FOUND"), "{section}");
    let vendor = stdout(&httpdex(&["show", "522-cloudflare"]));
    assert!(vendor.contains("knows no named constant"), "{vendor}");
}

#[test]
fn an_example_with_another_wire_status_says_what_the_client_receives() {
    let nginx = stdout(&httpdex(&["show", "494-nginx"]));
    assert!(
        nginx.contains("── Example response: the client receives a 400"),
        "{nginx}"
    );
    let plain = stdout(&httpdex(&["show", "404"]));
    assert!(plain.contains("── Example response ─"), "{plain}");
}

#[test]
fn list_and_search_say_when_nothing_matches_and_limit_zero_means_all() {
    let o = httpdex(&["list", "--origin", "nginx", "--class", "2xx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no code matches these filters"),
        "{}",
        stderr(&o)
    );
    let all = httpdex(&["search", "not", "--limit", "0"]);
    assert_eq!(all.status.code(), Some(0));
    let ten = httpdex(&["search", "not"]);
    assert!(stdout(&all).lines().count() > stdout(&ten).lines().count());
}

#[test]
fn codes_and_a_query_for_the_browser_do_not_mix() {
    let o = httpdex(&["404", "-q", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot be used with"), "{}", stderr(&o));
}

#[test]
fn a_narrow_page_wraps_its_header_headings_and_tables() {
    use httpdex_catalog::Catalog;
    use httpdex_core::{ansi, detail, theme::Theme};
    let catalog = Catalog::builtin();
    for id in ["404", "522-cloudflare", "401", "418"] {
        let e = catalog.get(id).unwrap();
        let lines = detail::entry_lines(&catalog, e, &Theme::PLAIN, 20);
        let mut out = Vec::new();
        ansi::write(&mut out, &lines, false).unwrap();
        for line in String::from_utf8(out).unwrap().lines() {
            let width = httpdex_core::wrap::width_of(line);
            // Only a single token wider than the page (a constant such as
            // StatusCodes.Status404NotFound) may stick out.
            assert!(
                width <= 20 || !line.trim().contains(' '),
                "{id}: {line:?} is {width} wide"
            );
        }
    }
}

#[test]
fn guide_lists_prints_and_shows_the_source() {
    let list = httpdex(&["guide"]);
    assert_eq!(list.status.code(), Some(0));
    assert!(
        stdout(&list).contains("authentication"),
        "{}",
        stdout(&list)
    );
    assert!(stdout(&list).contains(" min "));
    let page = httpdex(&["guide", "redirects"]);
    assert_eq!(page.status.code(), Some(0));
    let text = stdout(&page);
    assert!(text.starts_with("Redirects"), "{text}");
    assert!(text.contains("── "), "section headings");
    assert!(!text.contains('\x1b'), "plain when piped");
    assert!(
        text.lines()
            .all(|l| httpdex_core::wrap::width_of(l) <= 100 || !l.contains(' '))
    );
    let source = httpdex(&["guide", "redirects", "--markdown"]);
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/guides/redirects.md"
    ))
    .unwrap();
    assert_eq!(stdout(&source), file);
    let unknown = httpdex(&["guide", "nope"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("the guides are"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn search_lists_matching_guides_below_the_codes() {
    let out = stdout(&httpdex(&["search", "retry", "after"]));
    let codes_end = out.find("Guides").expect("a guides part");
    assert!(out[..codes_end].contains("429"), "{out}");
    assert!(out[codes_end..].contains("rate-limiting"), "{out}");
}

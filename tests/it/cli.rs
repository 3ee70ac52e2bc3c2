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
    assert!(out.lines().count() >= 5, "{out}");
    assert!(
        out.lines()
            .all(|l| l.starts_with("4") && l.contains("[nginx]")),
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

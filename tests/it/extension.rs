//! Users' own codes and notes, and what a broken file does.

use httpdex_catalog::extension;
use httpdex_catalog::search::{Filter, search};
use httpdex_catalog::{Catalog, DataError, Origin};

#[test]
fn a_new_code_and_a_note_on_an_existing_one_are_merged() {
    let text = r#"[
      {"id": "599-acme", "name": "Upstream Quota Exhausted", "summary": "Our gateway ran out of upstream quota.",
       "keywords": ["quota", "acme gateway"], "vendor": "ACME platform team"},
      {"id": "404", "notes": [{"source": "acme", "text": "Our API returns 404 for soft-deleted records."}]}
    ]"#;
    let extensions = extension::parse("codes.json", text).unwrap();
    let catalog = Catalog::builtin()
        .extended("codes.json", extensions)
        .unwrap();
    let custom = catalog.get("599-acme").unwrap();
    assert_eq!(custom.origin, Origin::Custom);
    assert_eq!(custom.code, 599);
    assert_eq!(custom.definition, custom.summary);
    let hits = search(&catalog, "acme gateway", &Filter::default());
    assert_eq!(catalog.entry(hits[0].entry).id, "599-acme");
    let notes = &catalog.get("404").unwrap().notes;
    assert_eq!(notes.last().unwrap().source, "acme");
    // The built-in content is untouched.
    assert_eq!(catalog.get("404").unwrap().name, "Not Found");
}

#[test]
fn invalid_json_names_file_line_and_column() {
    let text = "[\n  {\"id\": \"599-acme\",\n   \"name\": \"x\" \"summary\": \"y\"}\n]";
    match extension::parse("/home/me/codes.json", text).unwrap_err() {
        err @ DataError::Parse { line, column, .. } => {
            assert_eq!((line, column), (3, 16));
            assert!(
                err.to_string().starts_with("/home/me/codes.json:3:16: "),
                "{err}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn schema_errors_say_what_is_wrong() {
    // An unknown field is reported with its position.
    let err = extension::parse("f.json", "[{\"id\": \"1\", \"nmae\": \"typo\"}]").unwrap_err();
    assert!(err.to_string().contains("unknown field `nmae`"), "{err}");
    assert!(err.to_string().starts_with("f.json:1:"), "{err}");
    // A new code without a name.
    let ext = extension::parse("f.json", r#"{"id": "598-acme", "summary": "s"}"#).unwrap();
    let err = Catalog::builtin().extended("f.json", ext).unwrap_err();
    assert_eq!(
        err.to_string(),
        "f.json: entry 598-acme: field `name`: is required for a new code"
    );
    // A reference to a code that does not exist.
    let ext = extension::parse(
        "f.json",
        r#"{"id": "597-acme", "name": "n", "summary": "s", "related": ["999"]}"#,
    )
    .unwrap();
    let err = Catalog::builtin().extended("f.json", ext).unwrap_err();
    assert!(
        err.to_string()
            .contains("entry 597-acme: field `related`: unknown id \"999\""),
        "{err}"
    );
}

#[test]
fn the_cli_merges_a_data_file_and_survives_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.json");
    std::fs::write(
        &good,
        r#"[{"id": "599-acme", "name": "Quota Gone", "summary": "Out of quota."}]"#,
    )
    .unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_httpdex"))
            .args(args)
            .output()
            .unwrap()
    };
    let o = run(&["--data", good.to_str().unwrap(), "show", "599-acme"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("599 Quota Gone"), "{out}");
    assert!(out.contains("custom"), "{out}");

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "[{\"id\": \"599-acme\",,}]").unwrap();
    let o = run(&["--data", bad.to_str().unwrap(), "show", "404"]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.json:1:"), "{err}");
    assert!(err.contains("using the built-in catalog"), "{err}");
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("404 Not Found"));
}

#[test]
fn a_new_code_may_carry_every_field_an_entry_has() {
    // The extension item is derived from `Entry`: a built-in entry written
    // out as JSON comes back whole as a new code.
    let mut expected = Catalog::builtin().get("404").unwrap().clone();
    expected.id = "404-acme".into();
    expected.origin = Origin::Custom;
    let text = serde_json::to_string(&expected).unwrap();
    let extensions = extension::parse("codes.json", &text).unwrap();
    let catalog = Catalog::builtin()
        .extended("codes.json", extensions)
        .unwrap();
    assert_eq!(catalog.get("404-acme"), Some(&expected));
}

#[test]
fn an_item_lacks_only_what_an_entry_requires() {
    // `into_entry` gives a field left out its `#[serde(default)]`, and names
    // the first left out that `Entry` requires.
    use httpdex_catalog::EntryPatch;
    let item = |text: &str| serde_json::from_str::<EntryPatch>(text).unwrap();
    let bare = r#"{"id": "599-acme", "name": "n", "origin": "custom", "status": "unofficial",
                   "summary": "s", "definition": "d"}"#;
    assert_eq!(item(bare).into_entry().unwrap_err(), "code");
    let entry = item(&bare.replace("{", r#"{"code": 599, "#))
        .into_entry()
        .unwrap();
    assert_eq!((entry.code, &*entry.definition), (599, "d"));
    assert!(entry.aliases.is_empty() && entry.notes.is_empty() && !entry.cacheable);
    assert_eq!(entry.seo, Default::default());
}

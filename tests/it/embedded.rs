//! The embedded catalog is the data files as serde reads them. `build.rs`
//! writes the files into static tables and `embedded.rs` reads them back,
//! both from the schema's definitions; this checks the round trip, entry
//! for entry, and the strictness the build relies on.

use std::fs;
use std::path::Path;

use httpdex_catalog::{Catalog, Entry};
use serde_json::json;

/// Every entry of `data/codes/*.json`, read with the schema's serde types.
fn entries_from_the_data_files() -> Vec<Entry> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/codes");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut entries = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let read: Vec<Entry> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        entries.extend(read);
    }
    entries
}

#[test]
fn the_embedded_catalog_equals_the_data_files_read_with_serde() {
    let from_files = entries_from_the_data_files();
    let builtin = Catalog::builtin();
    assert_eq!(builtin.entries().len(), from_files.len());
    for entry in &from_files {
        let embedded = builtin
            .get(&entry.id)
            .unwrap_or_else(|| panic!("{} is not embedded", entry.id));
        assert_eq!(embedded, entry, "{}", entry.id);
    }
    // The build emits them in display order, so start-up need not sort.
    assert!(
        builtin
            .entries()
            .is_sorted_by(|a, b| a.order_key() <= b.order_key())
    );
}

#[test]
fn an_unknown_field_fails_at_any_depth() {
    // `build.rs` fails on these; the message names the field.
    let entry = serde_json::to_value(crate::catalog().get("404").unwrap()).unwrap();
    let mut top = entry.clone();
    top["nmae"] = json!("typo");
    let mut nested = entry;
    nested["spec"][0]["sectoin"] = json!("typo");
    for (value, field) in [(top, "nmae"), (nested, "sectoin")] {
        let err = serde_json::from_value::<Entry>(value).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("unknown field `{field}`")),
            "{err}"
        );
    }
}

#[test]
fn a_missing_required_field_fails() {
    let mut entry = serde_json::to_value(crate::catalog().get("404").unwrap()).unwrap();
    entry.as_object_mut().unwrap().remove("summary");
    let err = serde_json::from_value::<Entry>(entry).unwrap_err();
    assert!(err.to_string().contains("missing field `summary`"), "{err}");
}

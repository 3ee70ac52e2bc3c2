//! The built-in catalog: valid, complete where it must be.

use httpdex_catalog::{Origin, missing_sections, validate};

/// (value, description) of every assigned code in the committed copy of the
/// IANA registry.
pub fn iana_registry() -> Vec<(String, String)> {
    let csv = include_str!("../../data/registry/iana-http-status-codes.csv");
    csv.lines()
        .skip(1)
        .filter_map(|line| {
            let (value, rest) = line.split_once(',')?;
            if rest.starts_with("Unassigned") {
                return None;
            }
            let description = match rest.strip_prefix('"') {
                Some(quoted) => quoted.split_once('"')?.0,
                None => rest.split_once(',')?.0,
            };
            Some((value.to_string(), description.to_string()))
        })
        .collect()
}

#[test]
fn the_builtin_catalog_is_valid() {
    // Start-up trusts the built-in catalog; this is where it is checked.
    let catalog = crate::catalog();
    let problems: Vec<String> = validate(&catalog).iter().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(catalog.entries().len() >= 64);
}

#[test]
fn every_registered_code_is_present_with_the_registry_name() {
    let catalog = crate::catalog();
    let registry = iana_registry();
    assert_eq!(registry.len(), 64, "registry rows");
    for (value, description) in registry {
        let entry = catalog
            .get(&value)
            .unwrap_or_else(|| panic!("{value} missing"));
        assert_eq!(entry.origin, Origin::Iana, "{value}");
        // A temporary registration's description carries its dates in
        // parentheses, an obsoleted one the marker "(OBSOLETED)": that is
        // its status, and the name is the part before it.
        let expected = match description
            .split_once(" (TEMPORARY")
            .or_else(|| description.split_once(" (OBSOLETED)"))
        {
            Some((name, _)) => name,
            None => &description,
        };
        assert_eq!(entry.name, expected, "{value}");
    }
}

#[test]
fn the_core_codes_are_complete_in_every_field() {
    let catalog = crate::catalog();
    for id in [
        "200", "301", "302", "400", "401", "403", "404", "500", "502", "503",
    ] {
        let entry = catalog.get(id).unwrap();
        assert_eq!(missing_sections(entry), Vec::<&str>::new(), "{id}");
        assert!(!entry.constants.is_empty(), "{id}: constants");
    }
}

#[test]
fn validation_names_the_entry_and_the_field() {
    use httpdex_catalog::Catalog;
    let mut entry = crate::catalog().get("404").unwrap().clone();
    entry.related = vec!["999".into()];
    entry.summary = Default::default();
    let problems = Catalog::new(vec![entry.clone(), entry], vec![], vec![]).unwrap_err();
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        text.contains(&"entry 404: field `id`: duplicate id".to_string()),
        "{text:?}"
    );
    assert!(
        text.contains(&"entry 404: field `related`: unknown id \"999\"".to_string()),
        "{text:?}"
    );
    assert!(
        text.contains(&"entry 404: field `summary`: is empty".to_string()),
        "{text:?}"
    );
}

#[test]
fn emoji_are_single_wide_characters() {
    // Variation-selector sequences (`🗂️`) are measured differently by
    // terminals and by layout code, which shifts every column after them.
    use unicode_width::UnicodeWidthStr;
    for e in crate::catalog().entries() {
        assert_eq!(e.emoji.chars().count(), 1, "{}: {:?}", e.id, e.emoji);
        assert_eq!(e.emoji.width(), 2, "{}: {:?}", e.id, e.emoji);
    }
}

#[test]
fn the_embedded_comparisons_and_scenarios_parse() {
    httpdex_catalog::check_builtin_json().unwrap_or_else(|e| panic!("{e}"));
    assert!(!crate::catalog().comparisons().is_empty());
    assert!(!crate::catalog().scenarios().is_empty());
}

#[test]
fn show_from_the_subset_catalog_matches_the_full_one() {
    // `httpdex show` assembles only the entries it prints; every page must
    // read exactly as it does from the whole catalog.
    use httpdex_catalog::Catalog;
    use httpdex_core::detail::entry_lines;
    use httpdex_core::theme::Theme;
    let full = crate::catalog();
    for e in full.entries() {
        let subset = Catalog::builtin_subset(&[e.id.to_string()]).expect("known id");
        let one = subset.get(&e.id).unwrap();
        assert_eq!(one, e);
        assert_eq!(
            entry_lines(&subset, one, &Theme::COLOR, 100),
            entry_lines(&full, e, &Theme::COLOR, 100),
            "{}",
            e.id
        );
    }
    assert!(Catalog::builtin_subset(&["4040".to_string()]).is_none());
}

/// The built-in catalog and guides hold no control character or bidi
/// override: one-shot output skips escaping them (`ansi::write_trusted`)
/// unless a user's file is merged.
#[test]
fn built_in_text_holds_no_control_character() {
    fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let catalog = crate::catalog();
    assert!(!catalog.has_user_entries());
    let mut texts = Vec::new();
    for e in catalog.entries() {
        strings(&serde_json::to_value(e).unwrap(), &mut texts);
    }
    for c in catalog.comparisons() {
        strings(&serde_json::to_value(c).unwrap(), &mut texts);
    }
    texts.extend(
        httpdex_core::guides::sources()
            .iter()
            .map(|(_, t)| t.to_string()),
    );
    for text in texts {
        let bad: Vec<char> = text
            .chars()
            .filter(|c| httpdex_core::safe::is_unsafe(*c))
            .collect();
        assert!(bad.is_empty(), "{bad:?} in {text:.60}");
    }
}

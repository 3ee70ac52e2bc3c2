//! Every RFC quote is verbatim. Checked against the texts in
//! `../shared/reference` (whitespace normalised); skipped with a notice
//! where that folder is absent.

use std::path::{Path, PathBuf};

pub(crate) fn reference_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference");
    dir.is_dir().then_some(dir)
}

/// Joins the text into single-spaced words, dropping RFC page furniture
/// (the `[Page N]` footers and running headers of paginated RFCs).
pub(crate) fn normalise(text: &str) -> String {
    let body: Vec<&str> = text
        .lines()
        .map(|l| l.trim_start_matches('\u{c}'))
        .filter(|l| {
            let t = l.trim_end();
            let footer = t.ends_with(']') && t.contains("[Page ");
            let header = t.starts_with("RFC ") && t.contains("  ") && !t.contains('.');
            !(footer || header)
        })
        .collect();
    body.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `RFC 9110` → the full text, or the excerpt file.
pub(crate) fn document_text(dir: &Path, document: &str) -> Option<String> {
    let number = document.strip_prefix("RFC ")?;
    ["", "-excerpt"]
        .iter()
        .map(|suffix| dir.join(format!("rfc{number}{suffix}.txt")))
        .find(|p| p.exists())
        .and_then(|p| std::fs::read_to_string(p).ok())
}

#[test]
fn every_rfc_quote_is_verbatim_and_cites_its_section() {
    let Some(dir) = reference_dir() else {
        println!("notice: ../shared/reference not found; skipping the quote check");
        return;
    };
    let catalog = crate::catalog();
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut texts: std::collections::HashMap<String, Option<String>> = Default::default();
    for entry in catalog.entries() {
        for spec in &entry.spec {
            if !spec.document.starts_with("RFC") {
                continue;
            }
            for old in ["RFC 2616", "RFC 7231", "RFC 7230", "RFC 7538"] {
                if spec.document == old {
                    problems.push(format!(
                        "{}: cites {old}, which RFC 9110 replaces",
                        entry.id
                    ));
                }
            }
            let number = spec.document.trim_start_matches("RFC ");
            if !spec
                .url
                .starts_with(&format!("https://www.rfc-editor.org/rfc/rfc{number}"))
            {
                problems.push(format!(
                    "{}: url {} is not {}",
                    entry.id, spec.url, spec.document
                ));
            }
            if spec.section.is_empty() {
                problems.push(format!(
                    "{}: {} quote has no section",
                    entry.id, spec.document
                ));
            }
            if spec.quote.is_empty() {
                continue;
            }
            let text = texts
                .entry(spec.document.to_string())
                .or_insert_with(|| document_text(&dir, &spec.document).map(|t| normalise(&t)));
            let Some(text) = text else {
                problems.push(format!(
                    "{}: no reference text for {}",
                    entry.id, spec.document
                ));
                continue;
            };
            checked += 1;
            if !text.contains(&normalise(&spec.quote)) {
                problems.push(format!(
                    "{}: quote not found verbatim in {}: {:.80}",
                    entry.id, spec.document, spec.quote
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 64, "only {checked} quotes checked");
}

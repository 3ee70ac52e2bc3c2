//! Integrity rules for the catalog. Every problem names the entry and the
//! field, so a typo in a 3,000-line JSON file takes seconds to find.

use std::collections::HashSet;
use std::fmt;

use super::{Catalog, Entry};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The entry id, or `comparison A/B`, or the quiz scenario id.
    pub subject: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: field `{}`: {}",
            self.subject, self.field, self.message
        )
    }
}

fn problem(subject: &str, field: &str, message: impl Into<String>) -> Problem {
    Problem {
        subject: subject.to_string(),
        field: field.to_string(),
        message: message.into(),
    }
}

/// Checks what every catalog must satisfy, built-in or user-extended:
/// unique ids, required fields present, every reference resolvable.
pub fn validate(catalog: &Catalog) -> Vec<Problem> {
    let mut problems = validate_entries(catalog);
    for c in catalog.comparisons() {
        let subject = format!("comparison {}/{}", c.a, c.b);
        for (field, id) in [("a", &c.a), ("b", &c.b)] {
            if catalog.get(id).is_none() {
                problems.push(problem(&subject, field, format!("unknown id {id:?}")));
            }
        }
        if c.aspects.is_empty() {
            problems.push(problem(&subject, "aspects", "is empty"));
        }
        if c.rule_of_thumb.trim().is_empty() {
            problems.push(problem(&subject, "rule_of_thumb", "is empty"));
        }
    }
    for s in catalog.scenarios() {
        let subject = format!("scenario {}", s.id);
        for id in std::iter::once(&s.answer).chain(&s.wrong) {
            if catalog.get(id).is_none() {
                problems.push(problem(
                    &subject,
                    "answer/wrong",
                    format!("unknown id {id:?}"),
                ));
            }
        }
        let distinct: HashSet<_> = s.wrong.iter().collect();
        if s.wrong.len() != 3 || distinct.len() != 3 || distinct.contains(&s.answer) {
            problems.push(problem(
                &subject,
                "wrong",
                "needs three distinct ids, none of them the answer",
            ));
        }
    }
    problems
}

/// The entries' part of `validate`: unique ids, required fields, links.
pub fn validate_entries(catalog: &Catalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, entry) in catalog.entries().iter().enumerate() {
        let subject = format!("entry {}", entry.id);
        // The id index keeps one entry per id: any other is a duplicate.
        if catalog.by_id.get(&entry.id.to_ascii_lowercase()) != Some(&i) {
            problems.push(problem(&subject, "id", "duplicate id"));
        }
        check_entry(catalog, entry, &subject, &mut problems);
    }
    problems
}

fn check_entry(catalog: &Catalog, entry: &Entry, subject: &str, problems: &mut Vec<Problem>) {
    let id_code = entry.display_code().split('.').next().unwrap_or("");
    if id_code != entry.code.to_string() {
        problems.push(problem(
            subject,
            "code",
            format!("{} does not match the id", entry.code),
        ));
    }
    if !(100..=599).contains(&entry.code) {
        problems.push(problem(subject, "code", "must be between 100 and 599"));
    }
    for (field, value) in [
        ("id", &entry.id),
        ("name", &entry.name),
        ("summary", &entry.summary),
        ("definition", &entry.definition),
    ] {
        if value.trim().is_empty() {
            problems.push(problem(subject, field, "is empty"));
        }
    }
    if entry.summary.contains('\n') {
        problems.push(problem(subject, "summary", "must be one line"));
    }
    for (field, ids) in [
        ("related", &entry.related),
        ("confused_with", &entry.confused_with),
    ] {
        for id in ids {
            if catalog.get(id).is_none() {
                problems.push(problem(subject, field, format!("unknown id {id:?}")));
            } else if id.eq_ignore_ascii_case(&entry.id) {
                problems.push(problem(subject, field, "refers to the entry itself"));
            }
        }
    }
}

/// Sections of the full schema that an entry leaves empty. The built-in
/// catalog must have none (a section that does not apply says why in one
/// line); user extensions may be sparse.
pub fn missing_sections(entry: &Entry) -> Vec<&'static str> {
    let texts = [
        ("emoji", &entry.emoji),
        ("playful", &entry.playful),
        ("misconception", &entry.misconception),
        ("when_to_use", &entry.when_to_use),
        ("example", &entry.example),
        ("seo.indexing", &entry.seo.indexing),
        ("seo.crawling", &entry.seo.crawling),
        ("seo.canonical", &entry.seo.canonical),
        ("seo.google", &entry.seo.google),
    ];
    let mut missing: Vec<_> = texts
        .into_iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(k, _)| k)
        .collect();
    for (field, empty) in [
        ("spec", entry.spec.is_empty()),
        ("causes", entry.causes.is_empty()),
        ("related", entry.related.is_empty()),
        ("keywords", entry.keywords.is_empty()),
        ("faq", entry.faq.is_empty()),
    ] {
        if empty {
            missing.push(field);
        }
    }
    missing
}

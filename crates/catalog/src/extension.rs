//! User extensions: a team's own codes, or notes on existing ones, in the
//! catalog's own schema. Read from `--data FILE` or the default file
//! (`~/.config/httpdex/codes.json` on Linux). A broken file never stops the
//! app: the error names `file:line:column` and the built-in catalog is used.

use std::path::{Path, PathBuf};

use super::validate::validate_entries;
use super::{Catalog, DataError, Entry, EntryPatch, Origin, Problem, Status, parse_json};

/// One item of an extension file: a new entry (id not in the catalog), or
/// additions to an existing one (only `aliases`, `keywords` and `notes`).
/// The schema's `EntryPatch`: `Entry`'s fields, all but the id optional.
pub type Extension = EntryPatch;

/// The default extension file: `$XDG_CONFIG_HOME/httpdex/codes.json` (or the
/// platform's config directory).
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "httpdex")?;
    Some(dirs.config_dir().join("codes.json"))
}

/// Parses an extension file's text: a JSON array of items, or one item.
pub fn parse(file: &str, text: &str) -> Result<Vec<Extension>, DataError> {
    if text.trim_start().starts_with('{') {
        parse_json::<Extension>(file, text).map(|e| vec![e])
    } else {
        parse_json(file, text)
    }
}

/// Reads `path`. A missing default file is not an error (`Ok(None)`).
pub fn read(path: &Path) -> Result<Option<Vec<Extension>>, DataError> {
    let file = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&file, &text).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(DataError::Parse {
            file,
            line: 0,
            column: 0,
            message: e.to_string(),
        }),
    }
}

impl Catalog {
    /// This catalog with `extensions` merged in and its entries validated;
    /// the error says what is wrong. Comparisons and quiz scenarios stay as
    /// they are, parsed only when used: extensions only add, so every id they
    /// name is still there.
    pub fn extended(self, file: &str, extensions: Vec<Extension>) -> Result<Catalog, DataError> {
        let invalid = |problems: Vec<Problem>| DataError::Invalid {
            file: file.to_string(),
            problems,
        };
        let found: Vec<Option<usize>> = extensions.iter().map(|e| self.index_of(&e.id)).collect();
        let Catalog {
            mut entries,
            comparisons,
            scenarios,
            ..
        } = self;
        let mut problems = Vec::new();
        for (ext, at) in extensions.into_iter().zip(found) {
            match at {
                Some(i) => add_to(&mut entries[i], ext),
                None => match new_entry(ext) {
                    Ok(entry) => entries.push(entry),
                    Err(p) => problems.push(p),
                },
            }
        }
        if !problems.is_empty() {
            return Err(invalid(problems));
        }
        let catalog = Catalog::assemble(entries, comparisons, scenarios);
        let problems = validate_entries(&catalog);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(invalid(problems))
        }
    }
}

/// Notes, aliases and keywords are added to an existing entry; its
/// reference content stays as it is.
fn add_to(entry: &mut Entry, ext: Extension) {
    entry.aliases.extend(ext.aliases.into_iter().flatten());
    entry.keywords.extend(ext.keywords.into_iter().flatten());
    entry.notes.extend(ext.notes.into_iter().flatten());
}

/// A new code: the item with the defaults an extension may rely on (the
/// code from the id, origin `custom`, the summary as definition), then
/// `Entry`'s own defaults for every other field it leaves out.
fn new_entry(mut ext: Extension) -> Result<Entry, Problem> {
    let subject = format!("entry {}", ext.id);
    let problem = |field: &str, message: &str| Problem {
        subject: subject.clone(),
        field: field.to_string(),
        message: message.to_string(),
    };
    let required = "is required for a new code";
    let code_from_id = ext.id.split(['-', '.']).next().and_then(|c| c.parse().ok());
    if ext.code.or(code_from_id).is_none() {
        return Err(problem(
            "code",
            "is required for a new code (or start the id with it)",
        ));
    }
    for (field, value) in [("name", &ext.name), ("summary", &ext.summary)] {
        if value.as_ref().is_none_or(|v| v.trim().is_empty()) {
            return Err(problem(field, required));
        }
    }
    ext.code = ext.code.or(code_from_id);
    let origin = *ext.origin.get_or_insert(Origin::Custom);
    ext.status.get_or_insert(match origin {
        Origin::Iana => Status::Standard,
        _ => Status::Unofficial,
    });
    if ext.definition.is_none() {
        ext.definition.clone_from(&ext.summary);
    }
    ext.into_entry().map_err(|field| problem(field, required))
}

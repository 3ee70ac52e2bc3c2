//! User extensions: a team's own codes, or notes on existing ones, in the
//! catalog's own schema. Read from `--data FILE` or the default file
//! (`~/.config/httpdex/codes.json` on Linux). A broken file never stops the
//! app: the error names `file:line:column` and the built-in catalog is used.

use std::path::{Path, PathBuf};

use super::files::read_regular_file;
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

/// An extension file is a few kilobytes; past this it is not one.
pub const MAX_EXTENSION_BYTES: u64 = 64 << 20;

/// What an id may hold: ASCII letters, digits, `.`, `-` and `_`, at most
/// 64 of them (`599`, `499-nginx`, `403.14-iis`, `418-acme_tea`). Ids end
/// up in shell completion scripts and file names; nothing else is needed.
pub const ID_RULE: &str = "1 to 64 ASCII letters, digits, '.', '-' or '_'";

pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// Parses an extension file's text: a JSON array of items, or one item.
/// A leading byte-order mark is allowed; an id outside `ID_RULE` is an
/// error at its line and column.
pub fn parse(file: &str, text: &str) -> Result<Vec<Extension>, DataError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let items = if text.trim_start().starts_with('{') {
        parse_json::<Extension>(file, text).map(|e| vec![e])?
    } else {
        parse_json(file, text)?
    };
    if let Some(bad) = items.iter().find(|e| !is_valid_id(&e.id)) {
        let (line, column) = position_of_id(text, &bad.id);
        return Err(DataError::Parse {
            file: file.to_string(),
            line,
            column,
            message: format!("id {:?} must be {ID_RULE}", bad.id.as_ref()),
        });
    }
    Ok(items)
}

/// Line and column (1-based) of `id`'s JSON string in `text`, or of the
/// start when it is written some other way (with \u escapes).
fn position_of_id(text: &str, id: &str) -> (usize, usize) {
    let literal = serde_json::to_string(id).unwrap_or_default();
    line_and_column(text, text.find(&literal).unwrap_or(0))
}

/// 1-based line and column of byte `offset` in `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Reads `path`. A missing default file is not an error (`Ok(None)`).
/// Only a regular file under `MAX_EXTENSION_BYTES` is read; text that is
/// not UTF-8 is reported where it stops being so.
pub fn read(path: &Path) -> Result<Option<Vec<Extension>>, DataError> {
    let file = path.display().to_string();
    let error = |line, column, message: String| DataError::Parse {
        file: file.clone(),
        line,
        column,
        message,
    };
    let bytes = match read_regular_file(path, MAX_EXTENSION_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(error(0, 0, e.to_string())),
    };
    match String::from_utf8(bytes) {
        Ok(text) => parse(&file, &text).map(Some),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&e.as_bytes()[..valid]);
            let (line, column) = line_and_column(&text, valid);
            Err(error(
                line,
                column,
                "the file is not valid UTF-8 here".into(),
            ))
        }
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
                Some(_) if !overrides(&ext).is_empty() => problems.push(Problem {
                    subject: format!("entry {}", ext.id),
                    field: overrides(&ext).join(", "),
                    message: "cannot change a built-in code; an item with its id may only \
                              add aliases, keywords and notes"
                        .to_string(),
                }),
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
        let mut catalog = Catalog::assemble(entries, comparisons, scenarios);
        catalog.user_entries = true;
        let problems = validate_entries(&catalog);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(invalid(problems))
        }
    }
}

/// The fields an item for an existing code gives beyond what it may add.
fn overrides(ext: &Extension) -> Vec<&'static str> {
    ext.fields_given()
        .into_iter()
        .filter(|f| !matches!(*f, "aliases" | "keywords" | "notes"))
        .collect()
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
    let prefix = ext.id.split(['-', '.']).next().unwrap_or("");
    let code_from_id = prefix.parse().ok().filter(|c| (100..=999).contains(c));
    if ext.code.or(code_from_id).is_none() {
        let message = if !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit()) {
            "is required: the id starts with a number that is no three-digit status code"
        } else {
            "is required for a new code (or start the id with it)"
        };
        return Err(problem("code", message));
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

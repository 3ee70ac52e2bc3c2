//! User extensions: a team's own codes, or notes on existing ones, in the
//! catalog's own schema. Read from `--data FILE` or the default file
//! (`~/.config/httpdex/codes.json` on Linux). A broken file never stops the
//! app: the error names `file:line:column` and the built-in catalog is used.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::validate::validate_entries;
use super::{
    Catalog, DataError, Entry, Faq, HeaderRule, Note, Origin, Problem, Seo, SpecRef, Status, Text,
    parse_json,
};

/// One item of an extension file: a new entry (id not in the catalog), or
/// additions to an existing one (only `aliases`, `keywords` and `notes`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    pub id: Text,
    pub code: Option<u16>,
    pub name: Option<Text>,
    #[serde(default)]
    pub aliases: Vec<Text>,
    pub origin: Option<Origin>,
    #[serde(default)]
    pub vendor: Text,
    pub status: Option<Status>,
    #[serde(default)]
    pub emoji: Text,
    pub summary: Option<Text>,
    #[serde(default)]
    pub playful: Text,
    pub definition: Option<Text>,
    #[serde(default)]
    pub spec: Vec<SpecRef>,
    #[serde(default)]
    pub misconception: Text,
    #[serde(default)]
    pub causes: Vec<Text>,
    #[serde(default)]
    pub when_to_use: Text,
    #[serde(default)]
    pub example: Text,
    #[serde(default)]
    pub headers: Vec<HeaderRule>,
    #[serde(default)]
    pub seo: Seo,
    #[serde(default)]
    pub cacheable: bool,
    #[serde(default)]
    pub related: Vec<Text>,
    #[serde(default)]
    pub confused_with: Vec<Text>,
    #[serde(default)]
    pub keywords: Vec<Text>,
    #[serde(default)]
    pub faq: Vec<Faq>,
    #[serde(default)]
    pub constants: BTreeMap<Text, Text>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

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
    entry.aliases.extend(ext.aliases);
    entry.keywords.extend(ext.keywords);
    entry.notes.extend(ext.notes);
}

fn new_entry(ext: Extension) -> Result<Entry, Problem> {
    let subject = format!("entry {}", ext.id);
    let required = |field: &str, value: Option<Text>| {
        value
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| Problem {
                subject: subject.clone(),
                field: field.to_string(),
                message: "is required for a new code".to_string(),
            })
    };
    let code = match ext.code {
        Some(code) => code,
        None => ext
            .id
            .split(['-', '.'])
            .next()
            .and_then(|c| c.parse().ok())
            .ok_or_else(|| Problem {
                subject: subject.clone(),
                field: "code".to_string(),
                message: "is required for a new code (or start the id with it)".to_string(),
            })?,
    };
    let name = required("name", ext.name)?;
    let summary = required("summary", ext.summary)?;
    let origin = ext.origin.unwrap_or(Origin::Custom);
    Ok(Entry {
        id: ext.id,
        code,
        name,
        aliases: ext.aliases,
        origin,
        vendor: ext.vendor,
        status: ext.status.unwrap_or(match origin {
            Origin::Iana => Status::Standard,
            _ => Status::Unofficial,
        }),
        emoji: ext.emoji,
        definition: ext.definition.unwrap_or_else(|| summary.clone()),
        summary,
        playful: ext.playful,
        spec: ext.spec,
        misconception: ext.misconception,
        causes: ext.causes,
        when_to_use: ext.when_to_use,
        example: ext.example,
        headers: ext.headers,
        seo: ext.seo,
        cacheable: ext.cacheable,
        related: ext.related,
        confused_with: ext.confused_with,
        keywords: ext.keywords,
        faq: ext.faq,
        constants: ext.constants,
        notes: ext.notes,
    })
}

//! The catalog: every entry, the curated comparisons and the quiz scenarios,
//! loaded from the JSON embedded at build time and validated.

pub mod extension;
mod model;
mod validate;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::search::SearchIndex;

pub use model::*;
pub use validate::{Problem, missing_sections, validate};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}

/// Why a data source could not be used. Names the file and, where it can,
/// the line and column (parse errors) or the entry and field (validation).
#[derive(Debug, Clone, PartialEq)]
pub enum DataError {
    Parse {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Parse {
                file,
                line,
                column,
                message,
            } => write!(f, "{file}:{line}:{column}: {message}"),
            DataError::Invalid { file, problems } => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{file}: {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DataError {}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    comparisons: Vec<Comparison>,
    scenarios: Vec<Scenario>,
    /// Built on first search: one-shot `show` never pays for it.
    search_index: OnceLock<SearchIndex>,
}

/// Parses one JSON document, mapping serde's error to `file:line:column`.
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    serde_json::from_str(text).map_err(|e| DataError::Parse {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

impl Catalog {
    /// The catalog embedded in the binary.
    pub fn builtin() -> Result<Catalog, DataError> {
        let mut entries = Vec::new();
        for (file, text) in embedded::CODE_FILES {
            entries.extend(parse_json::<Vec<Entry>>(file, text)?);
        }
        let comparisons = match embedded::COMPARISONS {
            Some((file, text)) => parse_json(file, text)?,
            None => Vec::new(),
        };
        let scenarios = match embedded::SCENARIOS {
            Some((file, text)) => parse_json(file, text)?,
            None => Vec::new(),
        };
        Catalog::new(entries, comparisons, scenarios).map_err(|problems| DataError::Invalid {
            file: "data/".to_string(),
            problems,
        })
    }

    /// Builds and validates a catalog. Entries are kept in display order:
    /// by number, the IANA entry first, then vendors, IIS substatus in
    /// numeric order.
    pub fn new(
        mut entries: Vec<Entry>,
        comparisons: Vec<Comparison>,
        scenarios: Vec<Scenario>,
    ) -> Result<Catalog, Vec<Problem>> {
        entries.sort_by_cached_key(sort_key);
        let by_id = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.to_ascii_lowercase(), i))
            .collect();
        let catalog = Catalog {
            entries,
            by_id,
            comparisons,
            scenarios,
            search_index: OnceLock::new(),
        };
        let problems = validate(&catalog);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn comparisons(&self) -> &[Comparison] {
        &self.comparisons
    }

    pub fn scenarios(&self) -> &[Scenario] {
        &self.scenarios
    }

    /// The search index, built on first use.
    pub fn search_index(&self) -> &SearchIndex {
        self.search_index
            .get_or_init(|| SearchIndex::build(&self.entries))
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(&id.trim().to_ascii_lowercase()).copied()
    }

    /// Looks up an exact id, case-insensitively (`401`, `499-NGINX`).
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index_of(id).map(|i| &self.entries[i])
    }

    /// Other entries that use the same number (451 and 451-ms-exchange).
    /// IIS substatus entries refine a number rather than share it, so they
    /// are left out.
    pub fn shares_number<'a>(&'a self, entry: &'a Entry) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |other| {
            other.code == entry.code
                && other.id != entry.id
                && other.origin != Origin::Iis
                && entry.origin != Origin::Iis
        })
    }

    /// The curated comparison for a pair, in either order. The flag says
    /// whether the stored pair is reversed relative to `(a, b)`.
    pub fn comparison(&self, a: &str, b: &str) -> Option<(&Comparison, bool)> {
        self.comparisons.iter().find_map(|c| {
            if c.a == a && c.b == b {
                Some((c, false))
            } else if c.a == b && c.b == a {
                Some((c, true))
            } else {
                None
            }
        })
    }
}

fn sort_key(entry: &Entry) -> (u16, Origin, u32, String) {
    let substatus = entry
        .display_code()
        .split_once('.')
        .and_then(|(_, sub)| sub.parse().ok())
        .unwrap_or(0);
    (entry.code, entry.origin, substatus, entry.id.to_string())
}

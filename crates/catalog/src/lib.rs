//! The catalog: every entry, the curated comparisons and the quiz scenarios,
//! embedded at build time from `data/`, extended by a user's file, validated,
//! and found again: by id, by a status as seen on the wire or in a log, and
//! by search as you type.
//!
//! Search lives here rather than in the core because its index is built
//! from the entries and cached with them; splitting the two would need a
//! second owner for the cache or a dependency cycle.

mod embedded;
pub mod extension;
pub mod files;
mod resolve;
pub mod search;
mod validate;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::search::SearchIndex;

pub use httpdex_schema::*;
pub use resolve::{Match, Resolved};
pub use validate::{Problem, missing_sections, validate};

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
            } if *line == 0 => write!(f, "{file}: {message}"),
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

/// A handle on one entry of a catalog, what search results and screens
/// hold instead of a position; `Catalog::entry` reads it back. Handles
/// from one catalog mean nothing to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryRef(u32);

impl EntryRef {
    pub(crate) fn at(index: usize) -> EntryRef {
        EntryRef(index as u32)
    }

    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// Parsed on first use: most commands never compare or quiz.
    comparisons: OnceLock<Vec<Comparison>>,
    scenarios: OnceLock<Vec<Scenario>>,
    /// Built on first search: one-shot `show` never pays for it.
    search_index: OnceLock<SearchIndex>,
    /// Whether a user's file added entries or text.
    user_entries: bool,
}

/// Parses one JSON document, mapping serde's error to `file:line:column`.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, DataError> {
    serde_json::from_str(text).map_err(|e| DataError::Parse {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

impl Catalog {
    /// The catalog embedded in the binary. It was checked when it was
    /// built (`build.rs`) and by the tests (`validate`), so start-up only
    /// assembles it: no parsing, no copying of text.
    pub fn builtin() -> Catalog {
        let entries = embedded::ENTRIES.iter().map(|raw| raw.to_entry()).collect();
        Catalog::assemble(entries, OnceLock::new(), OnceLock::new())
    }

    /// Just what `httpdex show` needs of the built-in catalog: the entries
    /// asked for, the codes they link to and the entries sharing their
    /// number. `None` when an id is unknown (the full catalog then suggests).
    pub fn builtin_subset(ids: &[String]) -> Option<Catalog> {
        let mut wanted: Vec<usize> = Vec::new();
        for id in ids {
            let at = embedded::position(id)?;
            let raw = &embedded::ENTRIES[at];
            wanted.push(at);
            for linked in raw.links() {
                wanted.push(embedded::position(linked)?);
            }
            // Entries sharing the number, which the page names; IIS
            // substatuses refine a number rather than share it, and an IIS
            // entry needs the plain status it is sent as (its constants).
            wanted.extend(
                embedded::numbered(raw.code)
                    .filter(|&i| embedded::ENTRIES[i].origin != Origin::Iis),
            );
        }
        // `ENTRIES` is in display order, so sorted indices need no re-sort.
        wanted.sort_unstable();
        wanted.dedup();
        let entries = wanted
            .iter()
            .map(|&i| embedded::ENTRIES[i].to_entry())
            .collect();
        Some(Catalog::assemble(entries, OnceLock::new(), OnceLock::new()))
    }

    /// Builds and validates a catalog. Entries are kept in display order:
    /// by number, the IANA entry first, then vendors, IIS substatus in
    /// numeric order.
    pub fn new(
        entries: Vec<Entry>,
        comparisons: Vec<Comparison>,
        scenarios: Vec<Scenario>,
    ) -> Result<Catalog, Vec<Problem>> {
        let catalog = Catalog::assemble(
            entries,
            OnceLock::from(comparisons),
            OnceLock::from(scenarios),
        );
        let problems = validate(&catalog);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }

    fn assemble(
        mut entries: Vec<Entry>,
        comparisons: OnceLock<Vec<Comparison>>,
        scenarios: OnceLock<Vec<Scenario>>,
    ) -> Catalog {
        if !entries.is_sorted_by(|a, b| a.order_key() <= b.order_key()) {
            entries.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        }
        let by_id = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.to_ascii_lowercase(), i))
            .collect();
        Catalog {
            entries,
            by_id,
            comparisons,
            scenarios,
            search_index: OnceLock::new(),
            user_entries: false,
        }
    }

    /// Whether a user's file added to this catalog: its text may then hold
    /// anything, and whatever shows it must escape it.
    pub fn has_user_entries(&self) -> bool {
        self.user_entries
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The curated pairs; for the built-in catalog, parsed on first use.
    pub fn comparisons(&self) -> &[Comparison] {
        self.comparisons
            .get_or_init(|| builtin_json(embedded::COMPARISONS))
    }

    /// The quiz scenarios; for the built-in catalog, parsed on first use.
    pub fn scenarios(&self) -> &[Scenario] {
        self.scenarios
            .get_or_init(|| builtin_json(embedded::SCENARIOS))
    }

    /// The search index, built on first use.
    pub(crate) fn search_index(&self) -> &SearchIndex {
        self.search_index
            .get_or_init(|| SearchIndex::build(&self.entries))
    }

    pub(crate) fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(&id.trim().to_ascii_lowercase()).copied()
    }

    /// The handle of the entry with this id, case-insensitively.
    pub fn entry_ref(&self, id: &str) -> Option<EntryRef> {
        self.index_of(id).map(EntryRef::at)
    }

    /// The entry a handle from this catalog stands for.
    pub fn entry(&self, entry: EntryRef) -> &Entry {
        &self.entries[entry.0 as usize]
    }

    /// Every entry with its handle, in display order.
    pub fn entry_refs(&self) -> impl Iterator<Item = (EntryRef, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, e)| (EntryRef::at(i), e))
    }

    /// Looks up an exact id, case-insensitively (`401`, `499-NGINX`).
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index_of(id).map(|i| &self.entries[i])
    }

    /// For an IIS substatus (403.14), the IANA entry of the plain status
    /// clients receive on the wire (403); `None` for every other entry.
    pub fn wire_status_entry(&self, entry: &Entry) -> Option<&Entry> {
        if entry.origin != Origin::Iis || !entry.display_code().contains('.') {
            return None;
        }
        self.get(&entry.code.to_string())
            .filter(|main| main.origin == Origin::Iana)
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
        self.comparisons().iter().find_map(|c| {
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

/// Embedded JSON, checked by the tests (`check_builtin_json`): a parse
/// failure cannot ship, and would leave the list empty rather than crash.
fn builtin_json<T: serde::de::DeserializeOwned>(source: Option<(&str, &str)>) -> Vec<T> {
    source
        .and_then(|(file, text)| parse_json(file, text).ok())
        .unwrap_or_default()
}

/// Parses the embedded comparisons and scenarios, reporting any error (for
/// the tests: the app itself parses them lazily and quietly).
pub fn check_builtin_json() -> Result<(), DataError> {
    if let Some((file, text)) = embedded::COMPARISONS {
        parse_json::<Vec<Comparison>>(file, text)?;
    }
    if let Some((file, text)) = embedded::SCENARIOS {
        parse_json::<Vec<Scenario>>(file, text)?;
    }
    Ok(())
}

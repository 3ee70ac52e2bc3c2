//! The entry schema. Field names are the JSON names: `data/*.json`, `--json`
//! output and user extension files all share them, so renaming one is a
//! breaking change for scripts.
//!
//! `Entry` and the types inside it are written once, in `entry_schema!`
//! (`src/entry.rs`): serde reads the data files and users' files with them,
//! the catalog's `build.rs` turns the data into static tables with them, and
//! the catalog reads those tables back into entries with them.
//!
//! # Adding a field
//!
//! 1. Add it to `Entry` (or to a struct inside it) in `entry_schema!`, with
//!    `#[serde(default)]` unless every entry must have it. Its type is made
//!    of `Text`, `u16`, `bool`, `Vec`, `BTreeMap<Text, Text>` and the
//!    schema's own structs and enums; a new struct or enum goes in the same
//!    macro, after `Entry`. The built-in tables, the extension files'
//!    `EntryPatch` and `--json` follow from there.
//! 2. Fill it in `data/codes/*.json`. An unknown field fails the build with
//!    its file, entry and field; `tests/it/embedded.rs` checks that the
//!    embedded catalog reads back exactly what serde reads from the files.
//! 3. Show it where it belongs (the detail page in `httpdex-core`, search
//!    if it should be found by).
//!
//! Anything else (the embedded catalog, extension files) needs no edit;
//! only a field type outside the list in step 1 needs a way in and out of
//! the catalog's tables (the `Embedded` trait in the catalog's
//! `embedded.rs`, and `Emit` in its `build.rs`).

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

mod entry;

pub use entry::*;

/// Catalog text: borrowed from the binary for built-in entries (no copy at
/// start-up), owned for entries from a user's file.
pub type Text = Cow<'static, str>;

impl Origin {
    pub const ALL: [Origin; 8] = [
        Origin::Iana,
        Origin::Nginx,
        Origin::Cloudflare,
        Origin::AwsElb,
        Origin::Iis,
        Origin::Microsoft,
        Origin::Unofficial,
        Origin::Custom,
    ];

    /// The identifier used on the command line and in JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Origin::Iana => "iana",
            Origin::Nginx => "nginx",
            Origin::Cloudflare => "cloudflare",
            Origin::AwsElb => "aws-elb",
            Origin::Iis => "iis",
            Origin::Microsoft => "microsoft",
            Origin::Unofficial => "unofficial",
            Origin::Custom => "custom",
        }
    }

    /// Human label for badges and filters.
    pub fn label(self) -> &'static str {
        match self {
            Origin::Iana => "IANA",
            Origin::Nginx => "nginx",
            Origin::Cloudflare => "Cloudflare",
            Origin::AwsElb => "AWS ELB",
            Origin::Iis => "IIS",
            Origin::Microsoft => "Microsoft",
            Origin::Unofficial => "unofficial",
            Origin::Custom => "custom",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Origin> {
        let slug = slug.to_ascii_lowercase();
        Origin::ALL
            .into_iter()
            .find(|o| o.slug() == slug || o.label().eq_ignore_ascii_case(&slug))
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The class of a code: its first digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    Informational,
    Success,
    Redirection,
    ClientError,
    ServerError,
}

impl Class {
    pub const ALL: [Class; 5] = [
        Class::Informational,
        Class::Success,
        Class::Redirection,
        Class::ClientError,
        Class::ServerError,
    ];

    pub fn of(code: u16) -> Class {
        match code {
            ..=199 => Class::Informational,
            200..=299 => Class::Success,
            300..=399 => Class::Redirection,
            400..=499 => Class::ClientError,
            _ => Class::ServerError,
        }
    }

    pub fn digit(self) -> u8 {
        self as u8 + 1
    }

    /// `1xx` .. `5xx`.
    pub fn mask(self) -> String {
        format!("{}xx", self.digit())
    }

    pub fn label(self) -> &'static str {
        match self {
            Class::Informational => "Informational",
            Class::Success => "Success",
            Class::Redirection => "Redirection",
            Class::ClientError => "Client error",
            Class::ServerError => "Server error",
        }
    }

    /// Accepts `4`, `4xx`, `4XX`.
    pub fn parse(text: &str) -> Option<Class> {
        let t = text.trim().to_ascii_lowercase();
        let digit = t.strip_suffix("xx").unwrap_or(&t);
        Class::ALL
            .into_iter()
            .find(|c| digit == c.digit().to_string())
    }
}

impl Entry {
    pub fn class(&self) -> Class {
        Class::of(self.code)
    }

    /// `401 Unauthorized`: the line people paste into issues and chats.
    pub fn title(&self) -> String {
        format!("{} {}", self.display_code(), self.display_name())
    }

    /// The name as lists and pages show it: the well-known name first when
    /// the registry's differs (`I'm a teapot (Unused)`), else the name.
    pub fn display_name(&self) -> std::borrow::Cow<'_, str> {
        match self.known_as.as_ref() {
            "" => std::borrow::Cow::Borrowed(&self.name),
            // The registry writes these names in brackets already.
            known if self.name.starts_with('(') => {
                std::borrow::Cow::Owned(format!("{known} {}", self.name))
            }
            known => std::borrow::Cow::Owned(format!("{known} ({})", self.name)),
        }
    }

    /// The code as shown: the id's numeric part, so IIS substatus codes show
    /// as `403.14` rather than `403`.
    pub fn display_code(&self) -> &str {
        self.id.split('-').next().unwrap_or(&self.id)
    }

    /// Where the entry goes in the catalog: by number, the IANA entry first,
    /// then the vendors in `Origin` order, IIS substatuses in numeric
    /// order. The catalog's `build.rs` emits the built-in entries in this
    /// order, and the catalog keeps it when a user's file adds entries.
    pub fn order_key(&self) -> (u16, Origin, u32, &str) {
        let substatus = self
            .display_code()
            .split_once('.')
            .and_then(|(_, sub)| sub.parse().ok())
            .unwrap_or(0);
        (self.code, self.origin, substatus, &self.id)
    }
}

/// A curated "A vs B" comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub a: String,
    pub b: String,
    pub aspects: Vec<Aspect>,
    pub rule_of_thumb: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Aspect {
    pub aspect: String,
    pub a: String,
    pub b: String,
}

/// A quiz scenario: a situation and the code that fits it best.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub scenario: String,
    pub answer: String,
    pub wrong: Vec<String>,
    pub explanation: String,
    pub level: String,
}

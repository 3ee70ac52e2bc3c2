//! The entry schema. Field names are the JSON names: `data/*.json`, `--json`
//! output and user extension files all share them, so renaming one is a
//! breaking change for scripts.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Catalog text: borrowed from the binary for built-in entries (no copy at
/// start-up), owned for entries from a user's file.
pub type Text = Cow<'static, str>;

/// One status code as one origin uses it (`"401"`, `"499-nginx"`, `"403.14-iis"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: Text,
    pub code: u16,
    pub name: Text,
    #[serde(default)]
    pub aliases: Vec<Text>,
    pub origin: Origin,
    /// Who uses a non-IANA code ("nginx", "Laravel"); empty for IANA codes.
    #[serde(default)]
    pub vendor: Text,
    pub status: Status,
    #[serde(default)]
    pub emoji: Text,
    pub summary: Text,
    #[serde(default)]
    pub playful: Text,
    pub definition: Text,
    #[serde(default)]
    pub spec: Vec<SpecRef>,
    #[serde(default)]
    pub misconception: Text,
    #[serde(default)]
    pub causes: Vec<Text>,
    #[serde(default)]
    pub when_to_use: Text,
    /// A complete example response: status line, headers, blank line, body.
    #[serde(default)]
    pub example: Text,
    #[serde(default)]
    pub headers: Vec<HeaderRule>,
    #[serde(default)]
    pub seo: Seo,
    /// Heuristically cacheable per RFC 9110 section 15.1.
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
    /// Named constants by stack: `python`, `go`, `rust`, `dotnet`, `spring`, `rails`, `php`.
    #[serde(default)]
    pub constants: BTreeMap<Text, Text>,
    /// Origin-specific remarks on a shared number (what AWS ELB means by 502, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpecRef {
    pub document: Text,
    pub section: Text,
    pub url: Text,
    /// Verbatim text of the document; empty where we hold no verbatim text
    /// (vendor documentation, drafts).
    #[serde(default)]
    pub quote: Text,
    pub plain: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderRule {
    pub name: Text,
    pub rule: HeaderRequirement,
    pub why: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeaderRequirement {
    /// The RFC requires it (MUST), or the response does not work without it.
    Required,
    /// Send it: an RFC SHOULD, or a MAY that clients and crawlers rely on.
    Recommended,
    /// The RFC says SHOULD NOT.
    Discouraged,
    /// The RFC says MUST NOT.
    Forbidden,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Seo {
    pub indexing: Text,
    pub crawling: Text,
    pub canonical: Text,
    pub google: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Faq {
    pub q: Text,
    pub a: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub source: Text,
    pub text: Text,
}

/// Who defined the code. Order is the order of the origin filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    Iana,
    Nginx,
    Cloudflare,
    AwsElb,
    Iis,
    Microsoft,
    Unofficial,
    /// Entries from a user's own extension file.
    Custom,
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Standard,
    Temporary,
    Unused,
    Obsoleted,
    Vendor,
    Unofficial,
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
        format!("{} {}", self.display_code(), self.name)
    }

    /// The code and reason phrase of the example's status line
    /// (`HTTP/1.1 404 Not Found`); the phrase may be empty.
    pub fn example_status(&self) -> Option<(u16, &str)> {
        let mut parts = self.example.lines().next()?.splitn(3, ' ');
        parts.next()?;
        let code = parts.next()?.trim().parse().ok()?;
        Some((code, parts.next().unwrap_or("").trim()))
    }

    /// The code as shown: the id's numeric part, so IIS substatus codes show
    /// as `403.14` rather than `403`.
    pub fn display_code(&self) -> &str {
        self.id.split('-').next().unwrap_or(&self.id)
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

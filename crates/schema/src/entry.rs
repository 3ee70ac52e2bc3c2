//! The entry schema, written once. `entry_schema!` holds the definitions of
//! `Entry` and of every type inside it, as plain Rust items, and hands them
//! to a macro of the caller's choice: this crate defines the types from them
//! (and the extension file's `EntryPatch`), the catalog's `build.rs` writes
//! the embedded tables from them, and the catalog's `embedded.rs` reads the
//! tables back with them. A field added here reaches all three.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Text;

/// Hands the entry schema to `$then!`: first `Entry`, then the structs and
/// enums it is made of, each a plain item (`pub struct Name { pub field: Type,
/// .. }` or `pub enum Name { Variant, .. }`) with its attributes. The types
/// are named as written (`Text`, `BTreeMap`, `SpecRef`), so the caller has
/// them in scope. Item order is free, except that `Entry` comes first.
#[macro_export]
macro_rules! entry_schema {
    ($then:ident) => {
        $then! {
            /// One status code as one origin uses it (`"401"`, `"499-nginx"`,
            /// `"403.14-iis"`).
            #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
            #[serde(deny_unknown_fields)]
            pub struct Entry {
                pub id: Text,
                pub code: u16,
                pub name: Text,
                /// The name people know the code by where the registry's is
                /// not it (418 is "I'm a teapot"; the registry says "(Unused)").
                /// Shown before the registry name, which `name` keeps.
                #[serde(default)]
                pub known_as: Text,
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
            #[serde(deny_unknown_fields)]
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
            #[serde(deny_unknown_fields)]
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
            #[serde(deny_unknown_fields)]
            pub struct Seo {
                pub indexing: Text,
                pub crawling: Text,
                pub canonical: Text,
                pub google: Text,
            }

            #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
            #[serde(deny_unknown_fields)]
            pub struct Faq {
                pub q: Text,
                pub a: Text,
            }

            #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
            #[serde(deny_unknown_fields)]
            pub struct Note {
                pub source: Text,
                pub text: Text,
            }

            /// Who defined the code. Order is the order of the origin filter,
            /// and of entries sharing a number.
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
        }
    };
}

/// Defines the schema's items as written.
macro_rules! define {
    ($($item:item)*) => {
        $($item)*
    };
}

/// Defines `EntryPatch`: `Entry` with every field but the id optional,
/// and the way back to an `Entry`.
macro_rules! define_patch {
    (
        $(#[$meta:meta])*
        pub struct Entry {
            $(#[$id_meta:meta])*
            pub id: $id:ty,
            $( $(#[$($attr:tt)*])* pub $field:ident : $ty:ty ),* $(,)?
        }
        $($rest:tt)*
    ) => {
        /// An item of a user's extension file: the id of a new code or of
        /// one to add to, and any of `Entry`'s other fields (see there),
        /// named and typed as in `Entry` and as strictly checked, so that a
        /// typo is reported with its line and column.
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct EntryPatch {
            pub id: $id,
            $( pub $field: Option<$ty>, )*
        }

        impl EntryPatch {
            /// The names of the fields this item gives, in schema order.
            pub fn fields_given(&self) -> Vec<&'static str> {
                let mut given = Vec::new();
                $( if self.$field.is_some() { given.push(stringify!($field)); } )*
                given
            }

            /// The entry this item describes on its own, with the default
            /// of each field it leaves out that `Entry` gives one
            /// (`#[serde(default)]`); else the first field it lacks.
            pub fn into_entry(self) -> Result<Entry, &'static str> {
                Ok(Entry {
                    id: self.id,
                    $( $field: field_or_default!(self.$field, $field, [$(#[$($attr)*])*]), )*
                })
            }
        }
    };
}

/// A patch's field, its default where the field's attributes (in brackets)
/// include `#[serde(default)]`, or else an early `Err` with its name. Only
/// the plain `default` is recognised: a field given `default = "path"`
/// would count as required here.
macro_rules! field_or_default {
    ($value:expr, $field:ident, []) => {
        match $value {
            Some(value) => value,
            None => return Err(stringify!($field)),
        }
    };
    ($value:expr, $field:ident, [#[serde(default)] $($rest:tt)*]) => {
        $value.unwrap_or_default()
    };
    ($value:expr, $field:ident, [#[serde(default, $($args:tt)*)] $($rest:tt)*]) => {
        $value.unwrap_or_default()
    };
    ($value:expr, $field:ident, [#[$($other:tt)*] $($rest:tt)*]) => {
        field_or_default!($value, $field, [$($rest)*])
    };
}

entry_schema!(define);
entry_schema!(define_patch);

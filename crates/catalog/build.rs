//! Turns `data/codes/*.json` into static Rust data at build time, so the
//! binary starts without parsing or copying the catalog: built-in entries
//! borrow their text straight from the executable (see `src/embedded.rs`).
//! Comparisons and quiz scenarios stay JSON, embedded and parsed on first
//! use.
//!
//! The files are read with serde into the schema's own types, which deny
//! unknown fields: a field the schema does not know, or a missing required
//! one, fails the build with the file, line, column, entry and field. The
//! tables are then written from those values by `Emit`, implemented for
//! every schema type by `entry_schema!`, so this file names no field.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

use httpdex_schema::{
    Entry, Faq, HeaderRequirement, HeaderRule, Note, Origin, Seo, SpecRef, Status, Text,
};
use serde_json::Value;

fn main() {
    // The data lives at the workspace root, two folders up from this crate.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("the catalog crate sits in crates/catalog");
    println!("cargo:rerun-if-changed={}", root.join("data").display());
    let mut files: Vec<_> = fs::read_dir(root.join("data/codes"))
        .expect("data/codes exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();

    let mut entries: Vec<Entry> = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.strip_prefix(root).unwrap().display().to_string();
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        entries.extend(read_entries(&name, &text));
    }
    // Emitted in display order, so start-up finds them sorted already
    // (`Catalog::assemble` checks, and sorts only if this ever disagrees).
    entries.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    let mut tables = Tables::default();
    register_tables(&mut tables);
    for entry in &entries {
        let row = entry.emit(&mut tables);
        tables.push::<Entry>(vec![row]);
    }
    let mut out = tables.emit();
    out += &id_index(&entries);
    for (konst, file) in [
        ("COMPARISONS", "comparisons.json"),
        ("SCENARIOS", "quiz.json"),
    ] {
        let path = root.join("data").join(file);
        let body = if path.exists() {
            format!(
                "Some((\"data/{file}\", include_str!({:?})))",
                path.display().to_string()
            )
        } else {
            "None".to_string()
        };
        out += &format!("pub const {konst}: Option<(&str, &str)> = {body};\n");
    }
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("catalog_text.txt"), &tables.text).expect("write text");
    fs::write(Path::new(&out_dir).join("embedded_data.rs"), out).expect("write embedded_data.rs");
}

/// The entries of one data file. On an error, serde's message and position
/// say what and where; the entry is found by reading the items one by one.
fn read_entries(file: &str, text: &str) -> Vec<Entry> {
    serde_json::from_str(text).unwrap_or_else(|e| {
        let items: Vec<Value> = serde_json::from_str(text).unwrap_or_default();
        let entry = items.into_iter().find_map(|item| {
            let id = item.get("id").and_then(Value::as_str).unwrap_or("?");
            let id = id.to_string();
            let err = serde_json::from_value::<Entry>(item).err()?;
            Some(format!("entry {id}: {err}"))
        });
        let (line, column) = (e.line(), e.column());
        panic!("{file}:{line}:{column}: {}", entry.unwrap_or(e.to_string()))
    })
}

/// Every id (end to end, with where each ends) and every number, in
/// `ENTRIES` order: finding an entry, or the entries sharing its number,
/// reads these few hundred bytes instead of `ENTRIES` and a page of `TEXT`
/// per entry.
fn id_index(entries: &[Entry]) -> String {
    let ids: Vec<&str> = entries.iter().map(|e| &*e.id).collect();
    let codes: Vec<String> = entries.iter().map(|e| e.code.to_string()).collect();
    let ends: Vec<String> = ids
        .iter()
        .scan(0, |end, id| {
            *end += id.len();
            Some(end.to_string())
        })
        .collect();
    format!(
        "pub static IDS: &str = {:?};\npub static ID_ENDS: [u16; {n}] = [{}];\npub static CODES: [u16; {n}] = [{}];\n",
        ids.concat(),
        ends.join(", "),
        codes.join(", "),
        n = ids.len(),
    )
}

/// The catalog's text in one string, and one table per listed type of the
/// static forms of its values (see `embedded.rs`). Plain integers and
/// enums, no pointers: the tables need no relocation when the binary
/// loads, so start-up never touches them.
#[derive(Default)]
struct Tables {
    text: String,
    /// By the Rust type listed: the type of a row, and the rows.
    lists: BTreeMap<String, (String, Vec<String>)>,
}

impl Tables {
    /// Adds `s` to the text and returns its span as Rust source.
    fn span(&mut self, s: &str) -> String {
        let start = self.text.len();
        self.text.push_str(s);
        format!("({start}, {})", s.len())
    }

    /// Appends rows to `T`'s table; returns their (first row, count).
    fn push<T: Emit>(&mut self, rows: Vec<String>) -> String {
        let table = self.table::<T>();
        let start = table.len();
        table.extend(rows);
        format!("({start}, {})", table.len() - start)
    }

    /// `T`'s table, created empty if need be: `embedded.rs` needs one for
    /// every type it may find in a list, even a list no entry fills.
    fn table<T: Emit>(&mut self) -> &mut Vec<String> {
        let (ty, raw) = T::names();
        &mut self.lists.entry(ty).or_insert((raw, Vec::new())).1
    }

    /// `TEXT`, then per table its static (`SPECREF_ROWS` for `SpecRef`) and
    /// the `Listed` impl that finds it.
    fn emit(&self) -> String {
        let mut out = String::from(
            "pub const TEXT: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/catalog_text.txt\"));\n",
        );
        for (ty, (raw, rows)) in &self.lists {
            let name: String = ty.chars().filter(char::is_ascii_alphanumeric).collect();
            let name = format!("{}_ROWS", name.to_ascii_uppercase());
            let n = rows.len();
            let _ = writeln!(
                out,
                "pub static {name}: [{raw}; {n}] = [{}];\n\
                 impl Listed for {ty} {{ fn table() -> &'static [{raw}] {{ &{name} }} }}",
                rows.join(", ")
            );
        }
        out
    }
}

/// A schema type written as a Rust expression of its static form.
trait Emit {
    /// The Rust type, and the type of its static form (a row of its table).
    fn names() -> (String, String);
    /// The static form of `self`, adding its text and list items to `t`.
    fn emit(&self, t: &mut Tables) -> String;
}

impl Emit for Text {
    fn names() -> (String, String) {
        ("Text".into(), "Span".into())
    }
    fn emit(&self, t: &mut Tables) -> String {
        t.span(self)
    }
}

/// Numbers, flags and the schema's enums are stored as they are.
macro_rules! emit_as_is {
    ($($ty:ty),*) => {$(
        impl Emit for $ty {
            fn names() -> (String, String) {
                (stringify!($ty).into(), stringify!($ty).into())
            }
            fn emit(&self, _: &mut Tables) -> String {
                self.to_string()
            }
        }
    )*};
}
emit_as_is!(u16, bool);

impl<T: Emit> Emit for Vec<T> {
    fn names() -> (String, String) {
        (format!("Vec<{}>", T::names().0), "Rows".into())
    }
    fn emit(&self, t: &mut Tables) -> String {
        let rows = self.iter().map(|item| item.emit(t)).collect();
        t.push::<T>(rows)
    }
}

impl<A: Emit, B: Emit> Emit for (A, B) {
    fn names() -> (String, String) {
        let (a, b) = (A::names(), B::names());
        (format!("({}, {})", a.0, b.0), format!("({}, {})", a.1, b.1))
    }
    fn emit(&self, t: &mut Tables) -> String {
        format!("({}, {})", self.0.emit(t), self.1.emit(t))
    }
}

/// A map is stored as a list of its (key, value) pairs, in key order.
impl<K: Emit, V: Emit> Emit for BTreeMap<K, V> {
    fn names() -> (String, String) {
        (
            format!("BTreeMap<{}, {}>", K::names().0, V::names().0),
            "Rows".into(),
        )
    }
    fn emit(&self, t: &mut Tables) -> String {
        let rows = self
            .iter()
            .map(|(k, v)| format!("({}, {})", k.emit(t), v.emit(t)))
            .collect();
        t.push::<(K, V)>(rows)
    }
}

/// `Emit` for the schema's items: a struct as a `raw::Name::Raw { .. }`
/// literal of its fields' static forms, an enum as its variant's path
/// (`Origin::AwsElb`, from `Debug`, which derive writes as the variant).
macro_rules! emit_schema {
    () => {};
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
        $($rest:tt)*
    ) => {
        impl Emit for $name {
            fn names() -> (String, String) {
                let name = stringify!($name);
                (name.into(), format!("raw::{name}::Raw"))
            }
            fn emit(&self, t: &mut Tables) -> String {
                let mut s = format!("raw::{}::Raw {{ ", stringify!($name));
                $( let _ = write!(s, "{}: {}, ", stringify!($field), self.$field.emit(t)); )*
                s + "}"
            }
        }
        emit_schema! { $($rest)* }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($variants:tt)* }
        $($rest:tt)*
    ) => {
        impl Emit for $name {
            fn names() -> (String, String) {
                (stringify!($name).into(), stringify!($name).into())
            }
            fn emit(&self, _: &mut Tables) -> String {
                format!("{}::{:?}", stringify!($name), self)
            }
        }
        emit_schema! { $($rest)* }
    };
}
httpdex_schema::entry_schema!(emit_schema);

/// Creates the table of every schema type, and of its lists and pairs of
/// text, so that `embedded.rs` finds one for any list a field may hold.
macro_rules! schema_tables {
    ($( $(#[$meta:meta])* pub $kind:ident $name:ident { $($body:tt)* } )*) => {
        fn register_tables(t: &mut Tables) {
            $( t.table::<$name>(); )*
            t.table::<Text>();
            t.table::<(Text, Text)>();
        }
    };
}
httpdex_schema::entry_schema!(schema_tables);

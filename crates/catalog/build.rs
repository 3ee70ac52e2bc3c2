//! Turns `data/codes/*.json` into static Rust data at build time, so the
//! binary starts without parsing or copying the catalog: built-in entries
//! borrow their text straight from the executable (see
//! `src/embedded.rs`). Comparisons and quiz scenarios stay JSON,
//! embedded and parsed on first use.
//!
//! Every data file change reruns this; a field this file does not know, or
//! a missing required field, fails the build with the file, entry and field.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

use serde_json::{Map, Value};

const FIELDS: &[&str] = &[
    "id",
    "code",
    "name",
    "aliases",
    "origin",
    "vendor",
    "status",
    "emoji",
    "summary",
    "playful",
    "definition",
    "spec",
    "misconception",
    "causes",
    "when_to_use",
    "example",
    "headers",
    "seo",
    "cacheable",
    "related",
    "confused_with",
    "keywords",
    "faq",
    "constants",
    "notes",
];
const REQUIRED: &[&str] = &[
    "id",
    "code",
    "name",
    "origin",
    "status",
    "summary",
    "definition",
];

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

    let mut entries: Vec<(String, Map<String, Value>)> = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.strip_prefix(root).unwrap().display().to_string();
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let value: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{name}:{}:{}: {e}", e.line(), e.column()));
        let Value::Array(items) = value else {
            panic!("{name}: expected a JSON array of entries");
        };
        for item in items {
            let Value::Object(entry) = item else {
                panic!("{name}: every item must be an object");
            };
            entries.push((name.clone(), entry));
        }
    }
    // Emitted in display order, so start-up finds them sorted already
    // (`Catalog::assemble` checks, and sorts only if this ever disagrees).
    entries.sort_by_key(|(_, e)| display_order(e));
    let mut tables = Tables::default();
    let mut out = String::from("pub static ENTRIES: &[RawEntry] = &[\n");
    for (file, entry) in &entries {
        out += &entry_literal(&mut tables, file, entry);
    }
    out += "];\n";
    out += &id_index(&entries);
    out += &tables.emit();
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

/// Every id (end to end, with where each ends) and every number, in
/// `ENTRIES` order: finding an entry, or the entries sharing its number,
/// reads these few hundred bytes instead of `ENTRIES` and a page of `TEXT`
/// per entry.
fn id_index(entries: &[(String, Map<String, Value>)]) -> String {
    let ids: Vec<&str> = entries
        .iter()
        .map(|(_, e)| e.get("id").and_then(Value::as_str).unwrap_or(""))
        .collect();
    let codes: Vec<String> = entries
        .iter()
        .map(|(_, e)| {
            e.get("code")
                .and_then(Value::as_u64)
                .unwrap_or(0)
                .to_string()
        })
        .collect();
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

/// The catalog's text in one string, and flat tables of (offset, length)
/// spans into it. Plain integers, no pointers: the tables need no
/// relocation when the binary loads, so start-up never touches them.
#[derive(Default)]
struct Tables {
    text: String,
    /// Spans of list items (aliases, causes, keywords, ...).
    strs: Vec<String>,
    /// [document, section, url, quote, plain] per spec reference.
    specs: Vec<String>,
    /// (name, rule, why) per header.
    headers: Vec<String>,
    /// Two spans: faq (q, a), constants (stack, name), notes (source, text).
    pairs: Vec<String>,
}

impl Tables {
    /// Adds `s` to the text and returns its span as Rust source.
    fn span(&mut self, s: &str) -> String {
        let start = self.text.len();
        self.text.push_str(s);
        format!("({start}, {})", s.len())
    }

    /// Appends spans to a table; returns the (start, len) range.
    fn range(table: &mut Vec<String>, items: Vec<String>) -> String {
        let start = table.len();
        let len = items.len();
        table.extend(items);
        format!("({start}, {len})")
    }

    fn emit(&self) -> String {
        let table = |name: &str, ty: &str, rows: &[String]| {
            format!(
                "pub static {name}: [{ty}; {}] = [{}];\n",
                rows.len(),
                rows.join(", ")
            )
        };
        let mut out = String::from(
            "pub const TEXT: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/catalog_text.txt\"));\n",
        );
        out += &table("STRS", "Span", &self.strs);
        out += &table("SPECS", "[Span; 5]", &self.specs);
        out += &table("HEADERS", "(Span, HeaderRequirement, Span)", &self.headers);
        out += &table("PAIRS", "[Span; 2]", &self.pairs);
        out
    }
}

/// (code, origin rank, substatus, id): the order of `Catalog`'s entries.
/// The origin ranks follow the declaration order of `Origin`.
fn display_order(e: &Map<String, Value>) -> (u64, usize, u64, String) {
    const ORIGINS: [&str; 7] = [
        "iana",
        "nginx",
        "cloudflare",
        "aws-elb",
        "iis",
        "microsoft",
        "unofficial",
    ];
    let id = e
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let code = e.get("code").and_then(Value::as_u64).unwrap_or(0);
    let origin = e.get("origin").and_then(Value::as_str).unwrap_or("");
    let rank = ORIGINS
        .iter()
        .position(|o| *o == origin)
        .unwrap_or(ORIGINS.len());
    let substatus = id
        .split('-')
        .next()
        .and_then(|c| c.split_once('.'))
        .and_then(|(_, sub)| sub.parse().ok())
        .unwrap_or(0);
    (code, rank, substatus, id)
}

/// One `RawEntry { .. }` literal.
fn entry_literal(t: &mut Tables, file: &str, e: &Map<String, Value>) -> String {
    let id = e
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string();
    let fail =
        |field: &str, why: &str| -> ! { panic!("{file}: entry {id}: field `{field}`: {why}") };
    for key in e.keys() {
        if !FIELDS.contains(&key.as_str()) {
            fail(key, "unknown field");
        }
    }
    for key in REQUIRED {
        if !e.contains_key(*key) {
            fail(key, "missing");
        }
    }
    let string = |field: &str| -> String {
        match e.get(field) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(_) => fail(field, "must be a string"),
        }
    };
    let strings = |field: &str| -> Vec<String> {
        match e.get(field) {
            None => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| {
                    v.as_str()
                        .map_or_else(|| fail(field, "must hold strings"), str::to_string)
                })
                .collect(),
            Some(_) => fail(field, "must be an array"),
        }
    };
    // Objects in a list, each as its string fields in `keys` order.
    let records = |field: &str, keys: &[&str]| -> Vec<Vec<String>> {
        let Some(value) = e.get(field) else {
            return Vec::new();
        };
        let Value::Array(items) = value else {
            fail(field, "must be an array")
        };
        items
            .iter()
            .map(|item| {
                let Value::Object(o) = item else {
                    fail(field, "must hold objects")
                };
                for k in o.keys() {
                    if !keys.contains(&k.as_str()) {
                        fail(&format!("{field}.{k}"), "unknown field");
                    }
                }
                keys.iter()
                    .map(|k| match o.get(*k) {
                        Some(Value::String(s)) => s.clone(),
                        None => String::new(),
                        Some(_) => fail(&format!("{field}.{k}"), "must be a string"),
                    })
                    .collect()
            })
            .collect()
    };
    let code = e["code"]
        .as_u64()
        .unwrap_or_else(|| fail("code", "must be a number"));
    let origin = match e["origin"].as_str() {
        Some("iana") => "Iana",
        Some("nginx") => "Nginx",
        Some("cloudflare") => "Cloudflare",
        Some("aws-elb") => "AwsElb",
        Some("iis") => "Iis",
        Some("microsoft") => "Microsoft",
        Some("unofficial") => "Unofficial",
        _ => fail("origin", "unknown origin"),
    };
    let status = match e["status"].as_str() {
        Some("standard") => "Standard",
        Some("temporary") => "Temporary",
        Some("unused") => "Unused",
        Some("obsoleted") => "Obsoleted",
        Some("vendor") => "Vendor",
        Some("unofficial") => "Unofficial",
        _ => fail("status", "unknown status"),
    };
    let headers: Vec<(String, &str, String)> = match e.get("headers") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|h| {
                let rule = match h["rule"].as_str() {
                    Some("required") => "Required",
                    Some("recommended") => "Recommended",
                    Some("discouraged") => "Discouraged",
                    Some("forbidden") => "Forbidden",
                    _ => fail(
                        "headers.rule",
                        "must be required, recommended, discouraged or forbidden",
                    ),
                };
                let s = |k: &str| {
                    h[k].as_str()
                        .unwrap_or_else(|| fail(&format!("headers.{k}"), "must be a string"))
                        .to_string()
                };
                (s("name"), rule, s("why"))
            })
            .collect(),
        Some(_) => fail("headers", "must be an array"),
    };
    let seo: Vec<String> = match e.get("seo") {
        None => vec![String::new(); 4],
        Some(Value::Object(o)) => {
            let keys = ["indexing", "crawling", "canonical", "google"];
            for k in o.keys() {
                if !keys.contains(&k.as_str()) {
                    fail(&format!("seo.{k}"), "unknown field");
                }
            }
            keys.iter()
                .map(|k| o.get(*k).and_then(Value::as_str).unwrap_or("").to_string())
                .collect()
        }
        Some(_) => fail("seo", "must be an object"),
    };
    let constants: Vec<Vec<String>> = match e.get("constants") {
        None => Vec::new(),
        Some(Value::Object(o)) => o
            .iter()
            .map(|(k, v)| {
                let v = v
                    .as_str()
                    .unwrap_or_else(|| fail("constants", "values must be strings"));
                vec![k.clone(), v.to_string()]
            })
            .collect(),
        Some(_) => fail("constants", "must be an object"),
    };

    // Everything into the shared tables, the entry keeping spans and ranges.
    let mut text = |field: &str| t.span(&string(field));
    let id = text("id");
    let name = text("name");
    let vendor = text("vendor");
    let emoji = text("emoji");
    let summary = text("summary");
    let playful = text("playful");
    let definition = text("definition");
    let misconception = text("misconception");
    let when_to_use = text("when_to_use");
    let example = text("example");
    let mut list = |field: &str| {
        let spans: Vec<String> = strings(field).iter().map(|s| t.span(s)).collect();
        Tables::range(&mut t.strs, spans)
    };
    let aliases = list("aliases");
    let causes = list("causes");
    let related = list("related");
    let confused_with = list("confused_with");
    let keywords = list("keywords");
    let mut rows = |recs: Vec<Vec<String>>| -> Vec<String> {
        recs.iter()
            .map(|r| {
                format!(
                    "[{}]",
                    r.iter().map(|s| t.span(s)).collect::<Vec<_>>().join(", ")
                )
            })
            .collect()
    };
    let spec_rows = rows(records(
        "spec",
        &["document", "section", "url", "quote", "plain"],
    ));
    let faq_rows = rows(records("faq", &["q", "a"]));
    let constant_rows = rows(constants);
    let note_rows = rows(records("notes", &["source", "text"]));
    let spec = Tables::range(&mut t.specs, spec_rows);
    let faq = Tables::range(&mut t.pairs, faq_rows);
    let constants = Tables::range(&mut t.pairs, constant_rows);
    let notes = Tables::range(&mut t.pairs, note_rows);
    let header_rows: Vec<String> = headers
        .iter()
        .map(|(n, rule, why)| {
            format!(
                "({}, HeaderRequirement::{rule}, {})",
                t.span(n),
                t.span(why)
            )
        })
        .collect();
    let headers = Tables::range(&mut t.headers, header_rows);
    let seo = format!(
        "[{}]",
        seo.iter().map(|s| t.span(s)).collect::<Vec<_>>().join(", ")
    );
    let cacheable = e.get("cacheable").and_then(Value::as_bool).unwrap_or(false);
    let mut s = String::from("    RawEntry {\n");
    let mut field = |name: &str, value: String| {
        let _ = writeln!(s, "        {name}: {value},");
    };
    field("id", id);
    field("code", code.to_string());
    field("name", name);
    field("aliases", aliases);
    field("origin", format!("Origin::{origin}"));
    field("vendor", vendor);
    field("status", format!("Status::{status}"));
    field("emoji", emoji);
    field("summary", summary);
    field("playful", playful);
    field("definition", definition);
    field("spec", spec);
    field("misconception", misconception);
    field("causes", causes);
    field("when_to_use", when_to_use);
    field("example", example);
    field("headers", headers);
    field("seo", seo);
    field("cacheable", cacheable.to_string());
    field("related", related);
    field("confused_with", confused_with);
    field("keywords", keywords);
    field("faq", faq);
    field("constants", constants);
    field("notes", notes);
    s += "    },\n";
    s
}

//! Embeds the guides: every `data/guides/*.md` but FORMAT.md (which
//! describes the format), so adding a guide is adding its file. It also
//! parses them, with the crate's own parser, to write each entry's Further
//! reading: `httpdex show` then parses no guide.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

#[allow(dead_code)]
#[path = "src/guides/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/guides/parse.rs"]
mod parse;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("the core crate sits in crates/core");
    let dir = root.join("data/guides");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.extension().is_some_and(|x| x == "md") && p.file_name().is_some_and(|n| n != "FORMAT.md")
    });
    files.sort();
    let mut out = String::from("pub static SOURCES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let slug = path.file_stem().unwrap().to_string_lossy();
        out += &format!(
            "    ({slug:?}, include_str!({:?})),\n",
            path.display().to_string()
        );
    }
    out += "];\n";
    out += &further_reading(&files);
    let target = Path::new(&env::var("OUT_DIR").unwrap()).join("guides.rs");
    fs::write(target, out).expect("write guides.rs");
}

/// `FURTHER`: per entry id (lower-cased, sorted), the guides whose prose
/// links it, each with the first section that does; guides that list the
/// id among their subjects first, in that list's order.
fn further_reading(files: &[std::path::PathBuf]) -> String {
    let guides: Vec<model::Guide> = files
        .iter()
        .filter_map(|path| {
            let slug = path.file_stem()?.to_string_lossy().into_owned();
            // A guide that does not parse is the tests' to report.
            parse::parse(&slug, &fs::read_to_string(path).ok()?).ok()
        })
        .collect();
    let mut by_id: BTreeMap<String, Vec<(usize, &model::Guide, String, String)>> = BTreeMap::new();
    for guide in &guides {
        for id in linked_ids(guide) {
            if let Some((heading, anchor)) = guide.sections_linking(&id).into_iter().next() {
                let rank = guide.codes.iter().position(|c| c.eq_ignore_ascii_case(&id));
                let entry = (rank.unwrap_or(usize::MAX), guide, heading, anchor);
                by_id.entry(id.to_lowercase()).or_default().push(entry);
            }
        }
    }
    let mut out = String::from("pub static FURTHER: &[(&str, &[Reading])] = &[\n");
    for (id, mut list) in by_id {
        list.sort_by_key(|(rank, ..)| *rank);
        let _ = write!(out, "    ({id:?}, &[");
        for (_, g, heading, anchor) in list {
            let _ = write!(
                out,
                "Reading {{ slug: {:?}, title: {:?}, minutes: {}, heading: {heading:?}, anchor: {anchor:?} }}, ",
                g.slug,
                g.title,
                g.reading_minutes()
            );
        }
        out += "]),\n";
    }
    out += "];\n";
    out
}

/// Every entry id a guide's prose links to.
fn linked_ids(guide: &model::Guide) -> std::collections::BTreeSet<String> {
    use model::{Block, Inline, Target};
    guide
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph(i) | Block::Bullet(i) | Block::Numbered(_, i) => i.as_slice(),
            _ => &[],
        })
        .filter_map(|i| match i {
            Inline::Link {
                target: Target::Code(id),
                ..
            } => Some(id.clone()),
            _ => None,
        })
        .collect()
}

//! Embeds the guides: every `data/guides/*.md` but FORMAT.md (which
//! describes the format), so adding a guide is adding its file.

use std::path::Path;
use std::{env, fs};

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
    let target = Path::new(&env::var("OUT_DIR").unwrap()).join("guides.rs");
    fs::write(target, out).expect("write guides.rs");
}

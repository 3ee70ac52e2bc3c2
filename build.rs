//! Embeds every JSON file under `data/` so that adding a data file needs no
//! code change: the generated list is included by `src/catalog/embedded.rs`.

use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=data");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut code_files: Vec<_> = fs::read_dir(root.join("data/codes"))
        .expect("data/codes exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    code_files.sort();

    let mut out = String::from("pub const CODE_FILES: &[(&str, &str)] = &[\n");
    for path in &code_files {
        let name = path.strip_prefix(root).unwrap().display().to_string();
        out += &format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        );
        println!("cargo:rerun-if-changed={}", path.display());
    }
    out += "];\n";
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
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_data.rs");
    fs::write(dest, out).expect("write embedded_data.rs");
}

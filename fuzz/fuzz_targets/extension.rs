//! Any bytes as a user's extension file: parsing and merging never panic;
//! they either extend the catalog or explain what is wrong.
#![no_main]

use std::sync::OnceLock;

use httpdex_catalog::{Catalog, extension};
use libfuzzer_sys::fuzz_target;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin())
}

fuzz_target!(|text: &str| {
    match extension::parse("fuzz.json", text) {
        Ok(extensions) => {
            if let Err(e) = catalog().clone().extended("fuzz.json", extensions) {
                assert!(!e.to_string().is_empty());
            }
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.json:")),
    }
});

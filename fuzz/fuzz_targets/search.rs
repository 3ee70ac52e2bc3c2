//! Any query, any filter: ranking never panics, and every hit's highlight
//! indices point inside the text they highlight.
#![no_main]

use std::sync::OnceLock;

use httpdex_catalog::{Catalog, Class, Origin};
use httpdex_catalog::search::{Filter, search, suggestions};
use libfuzzer_sys::fuzz_target;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin())
}

fuzz_target!(|input: (u8, u8, &str)| {
    let (class, origin, query) = input;
    let filter = Filter {
        class: Class::ALL.get(class as usize % 6).copied(),
        origin: Origin::ALL.get(origin as usize % 9).copied(),
    };
    let catalog = catalog();
    for hit in search(catalog, query, &filter) {
        let entry = &catalog.entries()[hit.index];
        let name_len = entry.name.chars().count();
        assert!(hit.name_highlight.iter().all(|&i| i < name_len));
        let code_len = entry.display_code().chars().count();
        assert!(hit.code_highlight.iter().all(|&i| i < code_len));
    }
    suggestions(catalog, query, 3);
});

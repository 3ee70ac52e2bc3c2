//! Ranking on the real catalog: what people type must find the right code.

use httpdex_catalog::search::{Filter, Tier, search};

fn top(query: &str) -> String {
    let catalog = crate::catalog();
    let hits = search(&catalog, query, &Filter::default());
    let first = hits
        .first()
        .unwrap_or_else(|| panic!("no result for {query:?}"));
    catalog.entry(first.entry).id.to_string()
}

fn ids(query: &str) -> Vec<String> {
    let catalog = crate::catalog();
    search(&catalog, query, &Filter::default())
        .iter()
        .map(|h| catalog.entry(h.entry).id.to_string())
        .collect()
}

#[test]
fn the_required_queries_rank_first() {
    for (query, expected) in [
        ("401", "401"),
        ("unauth", "401"),
        ("not found", "404"),
        ("entity too large", "413"),
        ("teapot", "418"),
        ("gatway", "502"),
    ] {
        assert_eq!(top(query), expected, "query {query:?}");
    }
}

#[test]
fn everyday_queries_rank_the_obvious_code_first() {
    for (query, expected) in [
        ("404", "404"),
        ("Forbidden", "403"),
        ("rate limit", "429"),
        ("too many requests", "429"),
        ("moved permanently", "301"),
        ("payload too large", "413"),
        ("unprocessable entity", "422"),
        ("forbiden", "403"),
        ("unauthorised", "401"),
        ("499-nginx", "499-nginx"),
        ("403.14", "403.14-iis"),
        ("bad gateway", "502"),
    ] {
        assert_eq!(top(query), expected, "query {query:?}");
    }
}

#[test]
fn code_prefixes_and_masks_list_the_matching_codes_first() {
    let catalog = crate::catalog();
    for (query, prefix) in [
        ("4", "4"),
        ("40", "40"),
        ("4xx", "4"),
        ("5xx", "5"),
        ("50x", "50"),
    ] {
        let hits = search(&catalog, query, &Filter::default());
        let codes: Vec<_> = hits
            .iter()
            .take_while(|h| h.tier <= Tier::CodePattern)
            .map(|h| catalog.entry(h.entry).display_code().to_string())
            .collect();
        assert!(!codes.is_empty(), "{query:?} matched no code");
        assert!(
            codes.iter().all(|c| c.starts_with(prefix)),
            "{query:?}: {codes:?}"
        );
        let expected = catalog
            .entries()
            .iter()
            .filter(|e| {
                let c = e.display_code();
                c.len() >= query.len()
                    && query
                        .chars()
                        .zip(c.chars())
                        .all(|(q, c)| q == c || q == 'x')
            })
            .count();
        assert_eq!(codes.len(), expected, "{query:?} missed some codes");
    }
    // 50x covers 500..509 but not 510.
    assert!(ids("50x").contains(&"503".to_string()));
    assert!(!ids("50x").iter().take(12).any(|id| id == "510"));
}

#[test]
fn empty_query_lists_everything_in_numeric_order() {
    let catalog = crate::catalog();
    let hits = search(&catalog, "", &Filter::default());
    assert_eq!(hits.len(), catalog.entries().len());
    let codes: Vec<u16> = hits.iter().map(|h| catalog.entry(h.entry).code).collect();
    assert!(
        codes.windows(2).all(|w| w[0] <= w[1]),
        "not sorted: {codes:?}"
    );
    assert_eq!(catalog.entry(hits[0].entry).id, "100");
}

#[test]
fn highlights_count_chars_not_bytes() {
    let catalog = crate::catalog();
    let hits = search(&catalog, "unauth", &Filter::default());
    let entry = catalog.entry(hits[0].entry);
    let highlighted: String = hits[0]
        .name_highlight
        .iter()
        .map(|&i| entry.name.chars().nth(i).unwrap())
        .collect();
    assert_eq!(highlighted, "Unauth");
    let hits = search(&catalog, "40", &Filter::default());
    assert_eq!(hits[0].code_highlight, vec![0, 1]);
}

#[test]
fn filters_narrow_the_results() {
    use httpdex_catalog::{Class, Origin};
    let catalog = crate::catalog();
    let filter = Filter {
        class: Some(Class::ServerError),
        origin: Some(Origin::Cloudflare),
    };
    let hits = search(&catalog, "", &filter);
    assert!(!hits.is_empty());
    for h in &hits {
        let e = catalog.entry(h.entry);
        assert_eq!(
            (e.class(), e.origin),
            (Class::ServerError, Origin::Cloudflare),
            "{}",
            e.id
        );
    }
}

#[test]
fn a_huge_query_is_handled() {
    let query = "x".repeat(1 << 20);
    let catalog = crate::catalog();
    assert!(search(&catalog, &query, &Filter::default()).is_empty());
}

mod narrowing {
    use httpdex_catalog::search::{Filter, search, search_narrowing};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Typing character by character with narrowing gives exactly what
        /// searching the whole catalog gives, at every keystroke.
        #[test]
        fn narrowed_results_equal_full_results(typed in "[a-z0-9x .'-]{1,14}") {
            let catalog = crate::catalog();
            let filter = Filter::default();
            let mut previous = None;
            let mut query = String::new();
            for c in typed.chars() {
                query.push(c);
                let narrowed = search_narrowing(&catalog, &query, &filter, &mut previous);
                prop_assert_eq!(narrowed, search(&catalog, &query, &filter), "query {:?}", query);
            }
        }
    }

    #[test]
    fn typos_found_only_by_the_longer_query_are_kept() {
        let catalog = crate::catalog();
        let filter = Filter::default();
        let mut previous = None;
        for q in [
            "f",
            "fr",
            "fro",
            "frob",
            "frobi",
            "frobid",
            "frobidd",
            "frobidde",
            "frobidden",
        ] {
            let narrowed = search_narrowing(&catalog, q, &filter, &mut previous);
            assert_eq!(narrowed, search(&catalog, q, &filter), "{q}");
        }
        let top = search_narrowing(&catalog, "frobidden", &filter, &mut previous);
        assert_eq!(catalog.entry(top[0].entry).id, "403");
    }
}

#[test]
fn ties_between_origins_go_to_the_registered_code() {
    // IANA's "Not Found" and IIS's "Not found" match the run-together
    // words equally well; capitals must not decide.
    for (query, first) in [
        ("notfound", "404"),
        ("NotFound", "404"),
        ("unauthorized", "401"),
    ] {
        let catalog = crate::catalog();
        let hits = search(&catalog, query, &Filter::default());
        assert_eq!(catalog.entry(hits[0].entry).id, first, "{query}");
    }
}

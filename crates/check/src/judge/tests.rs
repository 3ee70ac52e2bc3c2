//! The judge on hand-made chains: each finding from the hop or chain
//! that calls for it, and none where nothing is wrong.

use std::time::Duration;

use httpdex_catalog::Catalog;

use super::*;
use crate::{Chain, Hop, Options};

fn hop(url: &str, status: u16, headers: &[(&str, &str)]) -> Hop {
    let catalog = Catalog::builtin();
    let entry = catalog.resolve(status, None, None).entry;
    let location = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("location"))
        .map(|(_, v)| v.to_string());
    let resolved = location
        .as_deref()
        .and_then(|l| crate::follow::resolve(&Url::parse(url).unwrap(), l));
    Hop {
        method: "GET".into(),
        url: url.into(),
        version: "HTTP/1.1".into(),
        status,
        entry: entry.map(|e| e.id.to_string()),
        name: None,
        summary: None,
        reason: None,
        vendor: None,
        location,
        resolved,
        head_ms: 5,
        total_ms: 5,
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        content_length: None,
        body_bytes: 0,
        title: None,
    }
}

fn found(hops: Vec<Hop>, options: &Options) -> Vec<&'static str> {
    let chain = Chain {
        input: hops[0].url.clone(),
        hops,
        failure: None,
        findings: Vec::new(),
    };
    let findings = judge(&Catalog::builtin(), &chain, options);
    findings.iter().map(|f| f.code).collect()
}

#[test]
fn a_downgrade_is_an_error_and_crossing_origin_a_note() {
    let hops = vec![
        hop("https://a.test/", 301, &[("Location", "http://a.test/")]),
        hop("http://a.test/", 200, &[]),
    ];
    let codes = found(hops, &Options::default());
    assert!(codes.contains(&"downgrade"), "{codes:?}");
    assert!(codes.contains(&"cross-origin"), "{codes:?}");
    assert!(!codes.contains(&"long-chain"));
}

#[test]
fn a_temporary_move_to_https_is_judged_without_following() {
    let hops = vec![hop(
        "http://a.test/x",
        302,
        &[("Location", "https://a.test/x")],
    )];
    let options = Options {
        follow: false,
        ..Options::default()
    };
    assert!(found(hops, &options).contains(&"temporary-redirect"));
}

#[test]
fn final_page_problems_are_found() {
    let hops = vec![hop(
        "https://a.test/p",
        200,
        &[("Link", "<https://a.test/other>; rel=\"canonical\"")],
    )];
    assert_eq!(
        found(hops, &Options::default()),
        vec!["canonical-elsewhere"]
    );
    let same = vec![hop(
        "https://a.test/p",
        200,
        &[("Link", "</p>; rel=canonical")],
    )];
    assert!(found(same, &Options::default()).is_empty());
    assert!(
        found(vec![hop("https://a.test/", 103, &[])], &Options::default())
            .contains(&"final-informational")
    );
    assert!(
        found(vec![hop("https://a.test/", 405, &[])], &Options::default())
            .contains(&"missing-header")
    );
    let fine = vec![hop("https://a.test/", 405, &[("Allow", "GET")])];
    assert!(found(fine, &Options::default()).is_empty());
}

#[test]
fn a_location_that_is_no_url_is_an_error() {
    let hops = vec![hop("https://a.test/", 301, &[("Location", "http://[oops")])];
    assert!(found(hops, &Options::default()).contains(&"bad-location"));
}

#[test]
fn a_slow_head_is_a_warning() {
    let options = Options {
        slow: Duration::from_millis(1),
        ..Options::default()
    };
    assert_eq!(
        found(vec![hop("https://a.test/", 200, &[])], &options),
        vec!["slow"]
    );
}

fn permanent(a: &str, b: &str) -> Option<&'static str> {
    looks_permanent(&Url::parse(a).unwrap(), &Url::parse(b).unwrap())
}

#[test]
fn permanent_looking_moves_are_told_apart() {
    assert!(permanent("http://a.test/x", "https://a.test/x").is_some());
    assert!(permanent("https://a.test/x", "https://www.a.test/x").is_some());
    assert!(permanent("https://a.test/x", "https://a.test/x/").is_some());
    assert!(permanent("https://a.test/x/", "https://a.test/x").is_some());
    assert!(permanent("https://a.test/x", "https://a.test/login").is_none());
    assert!(permanent("https://a.test/x", "https://b.test/x").is_none());
}

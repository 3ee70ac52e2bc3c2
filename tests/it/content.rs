//! The complete catalog: every section filled, examples that are valid
//! HTTP/1.1 and carry the headers the spec asks for, and every entry
//! findable by what people type.

use httpdex_catalog::search::{Filter, search};
use httpdex_catalog::{Origin, missing_sections};
use httpdex_core::http::{Message, Rules, check_response};

#[test]
fn every_entry_has_every_section() {
    let mut problems = Vec::new();
    for e in crate::catalog().entries() {
        let missing = missing_sections(e);
        if !missing.is_empty() {
            problems.push(format!("{}: {}", e.id, missing.join(", ")));
        }
        if e.keywords.len() < 4 {
            problems.push(format!("{}: only {} keywords", e.id, e.keywords.len()));
        }
        if e.origin != Origin::Iana && e.vendor.is_empty() {
            problems.push(format!("{}: vendor code without a vendor", e.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every example obeys its entry's wire rules (`httpdex_core::http`),
/// Date included (RFC 9110 section 6.6.1). One allowance: a vendor's
/// example shows what the vendor sends, so only the IANA entries'
/// examples, which model good practice, are held to the SHOULDs of their
/// status (Location on a redirect, Retry-After on 429 and 503).
#[test]
fn examples_are_valid_http_with_the_required_headers() {
    let mut problems = Vec::new();
    for e in crate::catalog().entries() {
        if Rules::of(e).status.is_none() {
            // Codes never sent: a_code_never_sent_has_no_status_line_in_its_example.
            continue;
        }
        let version = Message::parse(&e.example)
            .status_line()
            .map(|line| line.version);
        if version != Some("HTTP/1.1") {
            problems.push(format!("{}: not an HTTP/1.1 status line", e.id));
        }
        for v in check_response(e, &e.example) {
            let vendor_practice = !v.level.is_absolute() && e.origin != Origin::Iana;
            if !vendor_practice {
                problems.push(format!("{}: {v}", e.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The headers the examples must show, by status: taking one out of an
/// example makes the check fail.
#[test]
fn the_example_check_asks_for_the_headers_of_the_status() {
    let required: &[(&str, &[&str])] = &[
        ("Location", &["201", "301", "302", "303", "307", "308"]),
        ("WWW-Authenticate", &["401", "401.2-iis"]),
        ("Proxy-Authenticate", &["407"]),
        ("Allow", &["405"]),
        ("Retry-After", &["429", "503"]),
        ("Content-Range", &["206", "416"]),
        ("Upgrade", &["101", "426"]),
    ];
    let catalog = crate::catalog();
    for (header, ids) in required {
        for id in *ids {
            let e = catalog.get(id).unwrap();
            let prefix = format!("{header}:");
            let without: Vec<&str> = e
                .example
                .lines()
                .filter(|l| !l.starts_with(&prefix))
                .collect();
            let violations = check_response(e, &without.join("\n"));
            assert!(
                violations
                    .iter()
                    .any(|v| v.missing_header() == Some(header)),
                "{id} without {header}: {violations:?}"
            );
        }
    }
}

/// Rule: a code that never reaches the client (nginx's 444 and 499, the
/// ALB's 460) has no status line in its example, which would misstate what
/// happens; the example shows what the client observes and the log line.
#[test]
fn a_code_never_sent_has_no_status_line_in_its_example() {
    let catalog = crate::catalog();
    let never_sent: Vec<&str> = catalog
        .entries()
        .iter()
        .filter(|e| Rules::of(e).status.is_none())
        .map(|e| e.id.as_ref())
        .collect();
    assert_eq!(never_sent, ["444-nginx", "460-aws-elb", "499-nginx"]);
    let flagged: Vec<String> = catalog
        .entries()
        .iter()
        .filter(|e| Rules::of(e).status.is_none())
        .flat_map(|e| {
            check_response(e, &e.example)
                .into_iter()
                .map(|v| format!("{}: {v}", e.id))
        })
        .collect();
    assert!(flagged.is_empty(), "{flagged:?}");
    // And the rule does catch a status line where none is ever sent.
    let e = catalog.get("444-nginx").unwrap();
    assert!(!check_response(e, "HTTP/1.1 444 No Response\n\n").is_empty());
}

#[test]
fn cacheable_follows_rfc_9110_section_15_1() {
    // RFC 9110 section 15.1's heuristically cacheable codes, plus 451,
    // which RFC 7725 defines as cacheable by default.
    let cacheable = [
        200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501,
    ];
    for e in crate::catalog().entries() {
        let expected = e.origin == Origin::Iana && cacheable.contains(&e.code);
        assert_eq!(e.cacheable, expected, "{}", e.id);
    }
}

#[test]
fn every_entry_is_found_by_number_name_aliases_and_keywords() {
    let catalog = crate::catalog();
    let mut problems = Vec::new();
    for (entry, e) in catalog.entry_refs() {
        let rank = |query: &str| {
            search(&catalog, query, &Filter::default())
                .iter()
                .position(|h| h.entry == entry)
        };
        if rank(&e.id) != Some(0) {
            problems.push(format!("{}: not first for its id", e.id));
        }
        if rank(e.display_code()).is_none_or(|r| r > 12) {
            problems.push(format!("{}: not in the top 12 for its number", e.id));
        }
        if rank(&e.name).is_none_or(|r| r > 5) {
            problems.push(format!("{}: not in the top 5 for its name", e.id));
        }
        for q in e.aliases.iter().chain(&e.keywords) {
            if rank(q).is_none() {
                problems.push(format!("{}: not found by {q:?}", e.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn comparisons_and_scenarios_cover_enough_ground() {
    let catalog = crate::catalog();
    assert!(catalog.comparisons().len() >= 25);
    for (a, b) in [
        ("401", "403"),
        ("301", "302"),
        ("301", "308"),
        ("302", "307"),
        ("303", "307"),
        ("404", "410"),
        ("403", "404"),
        ("500", "502"),
        ("502", "504"),
        ("500", "503"),
        ("503", "429"),
        ("400", "422"),
        ("409", "412"),
        ("405", "501"),
        ("406", "415"),
        ("401", "407"),
        ("413", "414"),
        ("200", "204"),
        ("201", "202"),
        ("304", "200"),
        ("408", "504"),
        ("400", "404"),
        ("429", "403"),
        ("307", "308"),
        ("410", "451"),
    ] {
        assert!(catalog.comparison(a, b).is_some(), "{a}/{b}");
    }
    assert!(catalog.scenarios().len() >= 80);
}

#[test]
fn former_names_are_aliases_and_registry_states_are_marked() {
    use httpdex_catalog::Status;
    let catalog = crate::catalog();
    for (id, alias) in [
        ("413", "Payload Too Large"),
        ("413", "Request Entity Too Large"),
        ("422", "Unprocessable Entity"),
        ("416", "Requested Range Not Satisfiable"),
        ("414", "Request-URI Too Long"),
        ("418", "I'm a teapot"),
        ("302", "Moved Temporarily"),
    ] {
        let e = catalog.get(id).unwrap();
        assert!(
            e.aliases.iter().any(|a| a == alias),
            "{id} lacks alias {alias}"
        );
    }
    let status = |id: &str| catalog.get(id).unwrap().status;
    assert_eq!(status("104"), Status::Temporary);
    assert_eq!(status("306"), Status::Unused);
    assert_eq!(status("418"), Status::Unused);
    assert_eq!(status("510"), Status::Obsoleted);
    assert!(
        catalog
            .get("104")
            .unwrap()
            .definition
            .contains("2026-11-13")
    );
}

#[test]
fn numbers_used_by_several_origins_have_one_entry_each() {
    let catalog = crate::catalog();
    for (a, b) in [
        ("499-nginx", "499-esri"),
        ("451", "451-ms-exchange"),
        ("420-twitter", "420-spring"),
    ] {
        let a = catalog.get(a).unwrap();
        assert!(
            catalog.shares_number(a).any(|e| e.id == b),
            "{} / {b}",
            a.id
        );
    }
}

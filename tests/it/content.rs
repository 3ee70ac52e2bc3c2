//! The complete catalog: every section filled, examples that are valid
//! HTTP/1.1 and carry the headers the spec asks for, and every entry
//! findable by what people type.

use httpdex_catalog::search::{Filter, search};
use httpdex_catalog::{Entry, Origin, missing_sections};

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

/// Status line, headers and body of an example response.
fn parse_example(e: &Entry) -> (String, Vec<(String, String)>, String) {
    let (head, body) = e.example.split_once("\n\n").unwrap_or((&e.example, ""));
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default().to_string();
    let headers = lines
        .map(|l| {
            let (name, value) = l
                .split_once(':')
                .unwrap_or_else(|| panic!("{}: header line without a colon: {l:?}", e.id));
            (name.to_ascii_lowercase(), value.trim().to_string())
        })
        .collect();
    (status, headers, body.to_string())
}

/// The status a client receives for `e`, which its example shows: 208 only
/// ever appears inside a 207 Multi-Status body, nginx answers its internal
/// 494 to 497 with a stock 400 page unless `error_page` maps them, and
/// ArcGIS usually puts 498 and 499 in the JSON body of a 200.
fn wire_code(e: &Entry) -> u16 {
    match e.id.as_ref() {
        "208" => 207,
        "494-nginx" | "495-nginx" | "496-nginx" | "497-nginx" => 400,
        "498-esri" | "499-esri" => 200,
        _ => e.code,
    }
}

/// Codes that only ever appear in a log: the client receives no status line,
/// so the example shows what it observes and the log line instead.
const NEVER_ON_THE_WIRE: [&str; 3] = ["444-nginx", "499-nginx", "460-aws-elb"];

#[test]
fn examples_are_valid_http_with_the_required_headers() {
    let required: &[(&str, &[u16])] = &[
        ("location", &[201, 301, 302, 303, 307, 308]),
        ("www-authenticate", &[401]),
        ("proxy-authenticate", &[407]),
        ("allow", &[405]),
        ("retry-after", &[429, 503]),
        ("content-range", &[206, 416]),
        ("upgrade", &[101, 426]),
    ];
    let mut problems = Vec::new();
    for e in crate::catalog().entries() {
        if NEVER_ON_THE_WIRE.contains(&e.id.as_ref()) {
            if e.example.starts_with("HTTP/") {
                problems.push(format!(
                    "{}: never sent, but the example is a response",
                    e.id
                ));
            }
            continue;
        }
        let (status, headers, body) = parse_example(e);
        let wire_code = wire_code(e);
        if !status.starts_with(&format!("HTTP/1.1 {wire_code}")) {
            problems.push(format!("{}: status line {status:?}", e.id));
        }
        // RFC 9110 section 6.6.1: an origin server with a clock MUST send
        // Date in 2xx, 3xx and 4xx; the examples show it on every final
        // response.
        if wire_code >= 200 && !headers.iter().any(|(n, _)| n == "date") {
            problems.push(format!("{}: example lacks date", e.id));
        }
        if e.origin == Origin::Iana {
            for (header, codes) in required {
                if codes.contains(&e.code) && !headers.iter().any(|(n, _)| n == header) {
                    problems.push(format!("{}: example lacks {header}", e.id));
                }
            }
            let bodyless = e.code < 200 || e.code == 204 || e.code == 304;
            if bodyless && !body.trim().is_empty() {
                problems.push(format!("{}: example has a body", e.id));
            }
        }
        if let Some((_, length)) = headers.iter().find(|(n, _)| n == "content-length")
            && length.parse::<usize>().ok() != Some(body.len())
            && !body.is_empty()
        {
            problems.push(format!(
                "{}: Content-Length {length} but body is {} bytes",
                e.id,
                body.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
    for (i, e) in catalog.entries().iter().enumerate() {
        let rank = |query: &str| {
            search(&catalog, query, &Filter::default())
                .iter()
                .position(|h| h.index == i)
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

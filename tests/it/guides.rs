//! The guides: every one parses, links only to what exists, quotes the
//! RFCs verbatim, shows example exchanges that obey the HTTP rules, and
//! states a reading time computed from its words.

use httpdex_core::guides::{self, Block, Inline, Target};
use httpdex_core::http::{Breach, check_response_to};

#[test]
fn every_guide_parses_and_there_are_at_least_fourteen() {
    let mut problems = Vec::new();
    for (slug, text) in guides::sources() {
        if let Err(e) = guides::parse(slug, text) {
            problems.push(format!("{slug}.md:{}: {}", e.line, e.message));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(guides::all().len() >= 14, "{} guides", guides::all().len());
}

#[test]
fn reading_time_and_length_come_from_the_words() {
    for g in guides::all() {
        assert!(
            (800..=1500).contains(&g.words),
            "{}: {} words",
            g.slug,
            g.words
        );
        assert_eq!(g.reading_minutes(), g.words.div_ceil(200), "{}", g.slug);
    }
}

fn links(g: &guides::Guide) -> Vec<&Target> {
    g.blocks
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph(i) | Block::Bullet(i) | Block::Numbered(_, i) => i.as_slice(),
            _ => &[],
        })
        .filter_map(|i| match i {
            Inline::Link { target, .. } => Some(target),
            _ => None,
        })
        .collect()
}

#[test]
fn every_link_leads_somewhere_that_exists() {
    let catalog = crate::catalog();
    let mut problems = Vec::new();
    for g in guides::all() {
        for id in &g.codes {
            if catalog.get(id).is_none() {
                problems.push(format!("{}: codes names unknown {id}", g.slug));
            }
        }
        for target in links(g) {
            match target {
                Target::Code(id) if catalog.get(id).is_none() => {
                    problems.push(format!("{}: link to unknown code {id}", g.slug));
                }
                Target::Guide { slug, anchor } => match guides::get(slug) {
                    None => problems.push(format!("{}: link to unknown guide {slug}", g.slug)),
                    Some(other) => {
                        let anchors: Vec<&str> = other
                            .blocks
                            .iter()
                            .filter_map(|b| match b {
                                Block::Heading { anchor, .. } => Some(anchor.as_str()),
                                _ => None,
                            })
                            .collect();
                        if let Some(a) = anchor.as_deref().filter(|a| !anchors.contains(a)) {
                            problems.push(format!("{}: {slug} has no section #{a}", g.slug));
                        }
                    }
                },
                Target::Web(url) if !url.starts_with("https://") => {
                    problems.push(format!("{}: {url}", g.slug));
                }
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rfc_quote_is_verbatim() {
    let Some(dir) = crate::quotes::reference_dir() else {
        println!("notice: ../shared/reference not found; skipping the guides' quote check");
        return;
    };
    let mut problems = Vec::new();
    let mut checked = 0;
    for g in guides::all() {
        for b in &g.blocks {
            let Block::Quote {
                text,
                document,
                section,
            } = b
            else {
                continue;
            };
            assert!(
                !section.is_empty(),
                "{}: a quote without its section",
                g.slug
            );
            let Some(reference) = crate::quotes::document_text(&dir, document) else {
                problems.push(format!("{}: no reference text for {document}", g.slug));
                continue;
            };
            checked += 1;
            let normalised = crate::quotes::normalise(&reference);
            if !normalised.contains(&crate::quotes::normalise(text)) {
                problems.push(format!(
                    "{}: not verbatim in {document}: {text:.70}",
                    g.slug
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 14, "only {checked} quotes");
}

/// Each message of an exchange block: requests start with a method and a
/// target, responses with HTTP/.
fn messages(exchange: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in exchange.lines() {
        let starts = line.starts_with("HTTP/")
            || line
                .split(' ')
                .nth(2)
                .is_some_and(|v| v.starts_with("HTTP/"));
        if starts || out.is_empty() {
            out.push(String::new());
        }
        let last = out.last_mut().unwrap();
        last.push_str(line);
        last.push('\n');
    }
    out.into_iter()
        .map(|m| m.trim_end_matches('\n').to_string() + "\n")
        .collect()
}

#[test]
fn every_example_exchange_obeys_the_http_rules() {
    let catalog = crate::catalog();
    let mut problems = Vec::new();
    let mut responses = 0;
    for g in guides::all() {
        for b in &g.blocks {
            let Block::Exchange(text) = b else { continue };
            let mut method = "GET".to_string();
            for message in messages(text) {
                if !message.starts_with("HTTP/") {
                    method = message.split(' ').next().unwrap_or("GET").to_string();
                    continue;
                }
                // HTTP/2 and HTTP/3 carry no reason phrase; the fields and
                // content follow the same rules.
                let (version, rest) = message.split_once(' ').unwrap();
                let as_http1 = format!("HTTP/1.1 {rest}");
                let message = if version == "HTTP/1.1" {
                    message.clone()
                } else {
                    as_http1
                };
                let code = rest.split([' ', '\n']).next().unwrap_or("").trim();
                // A vendor code (Cloudflare's 521) has no IANA entry.
                let entry = catalog.get(code).or_else(|| {
                    let code: u16 = code.parse().ok()?;
                    catalog.entries().iter().find(|e| e.code == code)
                });
                let Some(entry) = entry else {
                    problems.push(format!("{}: status {code} is no catalog entry", g.slug));
                    continue;
                };
                responses += 1;
                let message = message.trim_end_matches('\n');
                // "..." stands for a body too long to show.
                let elided = message.ends_with("\n\n...");
                for v in check_response_to(entry, &method, message) {
                    if elided && matches!(v.breach, Breach::ContentLengthMismatch { .. }) {
                        continue;
                    }
                    problems.push(format!("{}: {code} to {method}: {v}", g.slug));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(responses >= 14, "only {responses} responses checked");
}

#[test]
fn an_entrys_further_reading_names_the_guide_and_section() {
    let reading = guides::further_reading("401");
    assert_eq!(
        reading[0].slug, "authentication",
        "the guide about 401 first"
    );
    assert!(
        !reading[0].anchor.is_empty(),
        "a section, not just the guide"
    );
    assert!(guides::further_reading("no-such-code").is_empty());
    // The build-time table says what the parsed guides say.
    for g in guides::all() {
        for (heading, anchor) in g.sections_linking("401").into_iter().take(1) {
            let r = reading.iter().find(|r| r.slug == g.slug).expect("listed");
            assert_eq!((r.heading, r.anchor), (heading.as_str(), anchor.as_str()));
            assert_eq!(r.minutes, g.reading_minutes());
        }
    }
}

#[test]
fn search_finds_guides_by_their_words() {
    let slugs = |q: &str| {
        guides::search(q)
            .iter()
            .map(|g| g.slug.clone())
            .collect::<Vec<_>>()
    };
    assert!(
        slugs("retry after").contains(&"rate-limiting".to_string()),
        "{:?}",
        slugs("retry after")
    );
    assert!(
        slugs("soft 404").contains(&"search-engines".to_string()),
        "{:?}",
        slugs("soft 404")
    );
    assert!(slugs("zzzz").is_empty());
}

/// A link of several words is one run on each line it covers: the spaces
/// between its words carry its style (its underline and highlight run
/// unbroken) and are marked as its spots.
#[test]
fn a_links_words_and_the_spaces_between_them_form_one_run() {
    let theme = httpdex_core::theme::Theme::COLOR;
    let mut checked = 0;
    for guide in guides::all() {
        let page = guides::render(guide, &theme, 100);
        for link in 0..page.links.len() {
            let mut by_line: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
            for spot in page.spots.iter().filter(|s| s.link == link) {
                by_line.entry(spot.line).or_default().push(spot.span);
            }
            for (line, spans) in by_line {
                let first = spans[0];
                assert_eq!(
                    spans,
                    (first..first + spans.len()).collect::<Vec<_>>(),
                    "{}: link {link} is broken up on line {line}",
                    guide.slug
                );
                let style = page.lines[line].spans[first].style;
                for &i in &spans {
                    assert_eq!(page.lines[line].spans[i].style, style, "{}", guide.slug);
                }
                checked += usize::from(spans.len() > 1);
            }
        }
    }
    assert!(checked > 10, "only {checked} links of several words");
}

//! Unit tests on the built-in catalog.

use super::*;
use httpdex_catalog::Catalog;

fn builtin() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(Catalog::builtin)
}

fn entry(id: &str) -> Entry {
    builtin()
        .get(id)
        .unwrap_or_else(|| panic!("no entry {id}"))
        .clone()
}

/// The snippet with the built-in catalog beside it (shadows `super::snippet`).
fn snippet(entry: &Entry, lang: Lang) -> Snippet {
    super::snippet(builtin(), entry, lang)
}

fn code(id: &str, lang: Lang) -> String {
    snippet(&entry(id), lang).code
}

#[test]
fn slugs_round_trip_and_aliases_resolve() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_slug(lang.slug()), Some(lang));
        assert_eq!(Lang::from_slug(&lang.label().to_uppercase()), Some(lang));
    }
    assert_eq!(Lang::from_slug("Node.js"), Some(Lang::NodeHttp));
    assert_eq!(Lang::from_slug("C#"), Some(Lang::AspNet));
    assert_eq!(Lang::from_slug("dotnet"), Some(Lang::AspNet));
    assert_eq!(Lang::from_slug("golang"), Some(Lang::Go));
    assert_eq!(Lang::from_slug("python"), None);
    assert_eq!(Lang::from_slug("rust"), None);
}

#[test]
fn flask_405_sets_allow() {
    let code = code("405", Lang::Flask);
    assert!(
        code.contains("response.headers[\"Allow\"] = \"GET, HEAD, OPTIONS\""),
        "{code}"
    );
    assert!(code.contains("HTTPStatus.METHOD_NOT_ALLOWED"), "{code}");
}

#[test]
fn express_401_sets_www_authenticate() {
    let code = code("401", Lang::Express);
    assert!(
        code.contains("res.set('WWW-Authenticate', 'Bearer realm=\"api\""),
        "{code}"
    );
    assert!(code.contains("res.status(401).json("), "{code}");
}

#[test]
fn no_content_snippets_send_no_body() {
    let e = entry("204");
    for lang in Lang::ALL {
        let s = snippet(&e, lang);
        assert!(s.sendable, "{lang:?}");
        for body_call in [
            "json",
            "send(",
            "JSON.generate",
            "echo ",
            "Results.Json",
            ".body(",
            "render json",
        ] {
            assert!(
                !s.code.contains(body_call),
                "{lang:?} sends a body:\n{}",
                s.code
            );
        }
    }
    assert!(code("204", Lang::Express).contains("res.status(204).end();"));
    assert!(code("204", Lang::Nginx).contains("return 204;"));
}

#[test]
fn redirect_301_uses_location_and_spring_constant() {
    let spring = code("301", Lang::Spring);
    assert!(spring.contains("HttpStatus.MOVED_PERMANENTLY"), "{spring}");
    assert!(
        spring.contains(".location(URI.create(\"https://example.com/blog/http-status-codes\"))"),
        "{spring}"
    );
    assert!(
        code("301", Lang::Express)
            .contains("res.redirect(301, 'https://example.com/blog/http-status-codes')")
    );
    assert!(code("301", Lang::Go).contains("http.Redirect(w, r, \"https://example.com/blog/http-status-codes\", http.StatusMovedPermanently)"));
    assert!(code("301", Lang::Rails).contains("allow_other_host: true"));
}

#[test]
fn nginx_444_is_not_sendable_from_express() {
    let s = snippet(&entry("444-nginx"), Lang::Express);
    assert!(!s.sendable);
    assert!(s.note.as_deref().is_some_and(|n| n.contains("return 444")));
    assert!(!s.code.contains("status(444)"), "{}", s.code);
    let nginx = snippet(&entry("444-nginx"), Lang::Nginx);
    assert!(nginx.sendable && nginx.code.contains("return 444;"));
}

#[test]
fn go_404_uses_named_constant() {
    let code = code("404", Lang::Go);
    assert!(
        code.contains("w.WriteHeader(http.StatusNotFound)"),
        "{code}"
    );
    assert!(code.contains("\"GET /items/42\""), "{code}");
}

#[test]
fn numbers_where_no_constant_exists() {
    let e = entry("499-esri");
    assert!(
        snippet(&e, Lang::Spring)
            .code
            .contains("ResponseEntity.status(499)")
    );
    assert!(
        snippet(&e, Lang::Axum)
            .code
            .contains("StatusCode::from_u16(499).unwrap()")
    );
    assert!(snippet(&e, Lang::Go).code.contains("w.WriteHeader(499)"));
    assert!(snippet(&e, Lang::Rails).code.contains("status: 499"));
    let node = snippet(&e, Lang::Express);
    assert!(
        node.code.contains("res.statusMessage = 'Token Required';"),
        "{}",
        node.code
    );
    assert!(
        node.note
            .as_deref()
            .is_some_and(|n| n.contains("not registered"))
    );
}

#[test]
fn edge_codes_are_comments_everywhere_but_curl() {
    for id in ["522-cloudflare", "460-aws-elb"] {
        let e = entry(id);
        for lang in Lang::ALL {
            let s = snippet(&e, lang);
            assert_eq!(s.sendable, lang == Lang::Curl, "{id} {lang:?}");
            assert!(s.note.is_some() || lang == Lang::Curl, "{id} {lang:?}");
            if lang != Lang::Curl {
                let marker = lang.syntax().comment();
                let real = s
                    .code
                    .lines()
                    .filter(|l| !l.is_empty() && !l.starts_with(marker) && *l != "<?php");
                assert_eq!(real.count(), 0, "{id} {lang:?}:\n{}", s.code);
            }
        }
    }
}

#[test]
fn iis_substatus_sends_main_status_with_note() {
    let e = entry("403.14-iis");
    let s = snippet(&e, Lang::Go);
    assert!(s.code.contains("http.StatusForbidden"), "{}", s.code);
    let note = s.note.unwrap_or_default();
    assert!(note.contains(".14 substatus is IIS-internal"), "{note}");
    assert!(note.contains("default document"), "{note}");
    assert!(snippet(&e, Lang::Nginx).code.contains("return 403"));
}

#[test]
fn interim_codes_are_honest() {
    let continue_ = entry("100");
    assert!(!snippet(&continue_, Lang::Flask).sendable);
    assert!(
        snippet(&continue_, Lang::NodeHttp)
            .code
            .contains("res.writeContinue()")
    );
    let hints = entry("103");
    let node = snippet(&hints, Lang::NodeHttp).code;
    assert!(node.contains("res.writeEarlyHints({"), "{node}");
    assert!(
        node.contains("link: ['</assets/app.css>; rel=preload; as=style', '<https://fonts.example.com>; rel=preconnect']"),
        "{node}"
    );
    assert!(
        snippet(&hints, Lang::Go)
            .code
            .contains("w.WriteHeader(http.StatusEarlyHints)")
    );
    assert!(
        snippet(&hints, Lang::Rails)
            .code
            .contains("send_early_hints")
    );
    for lang in [
        Lang::Flask,
        Lang::Django,
        Lang::Spring,
        Lang::AspNet,
        Lang::Axum,
        Lang::Nginx,
    ] {
        let s = snippet(&hints, lang);
        assert!(!s.sendable && s.note.is_some(), "{lang:?}");
    }
    assert!(!snippet(&entry("101"), Lang::Nginx).sendable);
    assert!(
        snippet(&entry("101"), Lang::FastApi)
            .code
            .contains("await ws.accept()")
    );
}

#[test]
fn wsgi_leaves_out_hop_by_hop_headers() {
    let s = snippet(&entry("426"), Lang::Django);
    assert!(!s.code.contains("Upgrade\":"), "{}", s.code);
    assert!(s.note.unwrap_or_default().contains("hop-by-hop"));
    assert!(
        snippet(&entry("426"), Lang::Express)
            .code
            .contains("res.set('Upgrade', 'websocket')")
    );
}

#[test]
fn not_modified_is_conditional() {
    for lang in Lang::ALL {
        let s = snippet(&entry("304"), lang);
        let code = s.code.to_ascii_lowercase();
        assert!(
            code.contains("if-none-match")
                || code.contains("if_none_match")
                || code.contains("etag"),
            "{lang:?}:\n{}",
            s.code
        );
    }
}

#[test]
fn apache_refuses_codes_outside_its_table() {
    let s = snippet(&entry("418"), Lang::Apache);
    assert!(!s.sendable && s.code.contains("ProxyPass"), "{}", s.code);
    let s = snippet(&entry("410"), Lang::Apache);
    assert!(s.sendable && s.code.contains("Redirect 410"), "{}", s.code);
}

#[test]
fn headers_come_from_the_example() {
    assert!(code("429", Lang::Laravel).contains("'Retry-After' => '60'"));
    assert!(code("416", Lang::Go).contains("\"Content-Range\", \"bytes */47022\""));
    assert!(code("206", Lang::Curl).contains("-r 1024-1055"));
    assert!(code("201", Lang::FastApi).contains("\"Location\": \"/api/orders/1234\""));
}

#[test]
fn every_entry_has_a_snippet_in_every_stack() {
    let catalog = Catalog::builtin();
    for e in catalog.entries() {
        for lang in Lang::ALL {
            let s = snippet(e, lang);
            assert!(!s.code.trim().is_empty(), "{} {lang:?}", e.id);
            assert!(s.code.ends_with('\n'), "{} {lang:?}", e.id);
            assert!(
                s.sendable || s.note.is_some(),
                "{} {lang:?} lacks a note",
                e.id
            );
        }
    }
}

//! The rules on the built-in catalog, and the checker on hand-made texts.

use super::*;
use httpdex_catalog::Catalog;

fn builtin() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(Catalog::builtin)
}

fn entry(id: &str) -> &'static Entry {
    builtin().get(id).unwrap_or_else(|| panic!("no entry {id}"))
}

fn rules(id: &str) -> Rules {
    Rules::of(entry(id))
}

#[test]
fn the_status_on_the_wire_and_how_it_arrives() {
    for (id, status, arrival) in [
        ("404", Some(404), Arrival::Final),
        ("103", Some(103), Arrival::Interim),
        ("444-nginx", None, Arrival::Closed),
        ("499-nginx", None, Arrival::LogOnly),
        ("460-aws-elb", None, Arrival::LogOnly),
        ("494-nginx", Some(400), Arrival::Replaced),
        ("497-nginx", Some(400), Arrival::Replaced),
        ("401.2-iis", Some(401), Arrival::Substatus),
        ("503.0-iis", Some(503), Arrival::Substatus),
        ("522-cloudflare", Some(522), Arrival::Final),
        ("463-aws-elb", Some(463), Arrival::Final),
        ("208", Some(207), Arrival::InBody),
        ("498-esri", Some(200), Arrival::InBody),
        ("499-esri", Some(200), Arrival::InBody),
        ("419-laravel", Some(419), Arrival::Final),
    ] {
        let r = rules(id);
        assert_eq!((r.status, r.arrival), (status, arrival), "{id}");
        assert_eq!(r.arrival.sends_response(), status.is_some(), "{id}");
    }
}

#[test]
fn edges_are_cloudflare_and_the_aws_load_balancer() {
    assert_eq!(rules("522-cloudflare").edge, Some(Edge::Cloudflare));
    assert_eq!(rules("460-aws-elb").edge, Some(Edge::AwsLoadBalancer));
    assert_eq!(rules("502").edge, None);
    assert_eq!(rules("444-nginx").edge, None);
}

#[test]
fn reason_phrases_are_what_clients_receive() {
    for (id, reason) in [
        ("404", Some("Not Found")),
        ("104", Some("Upload Resumption Supported")),
        ("510", Some("Not Extended")),
        ("418", Some("I'm a teapot")),
        ("306", Some("Unused")),
        ("401.2-iis", Some("Unauthorized")),
        ("494-nginx", Some("Bad Request")),
        ("208", Some("Multi-Status")),
        ("522-cloudflare", None),
        ("419-laravel", Some("unknown status")),
        ("463-aws-elb", None),
        ("444-nginx", None),
    ] {
        assert_eq!(rules(id).reason(Version::Http11), reason, "{id}");
        assert_eq!(rules(id).reason(Version::Http2), None, "{id}");
    }
}

#[test]
fn status_lines_per_version() {
    let r = rules("404");
    assert_eq!(
        r.status_line(Version::Http11).unwrap(),
        "HTTP/1.1 404 Not Found"
    );
    assert_eq!(r.status_line(Version::Http2).unwrap(), "HTTP/2 404");
    assert_eq!(
        rules("463-aws-elb").status_line(Version::Http11).unwrap(),
        "HTTP/1.1 463 "
    );
    assert_eq!(rules("499-nginx").status_line(Version::Http11), None);
}

#[test]
fn content_and_its_framing() {
    for status in [100, 101, 103, 204] {
        let f = framing(status, "GET");
        assert!(
            !f.content_allowed() && !f.content_length && !f.transfer_encoding,
            "{status}"
        );
    }
    for (status, why) in [
        (205, NoContent::ResetContent),
        (304, NoContent::NotModified),
    ] {
        let f = framing(status, "GET");
        assert_eq!(f.no_content, Some(why));
        assert!(f.content_length && f.transfer_encoding, "{status}");
    }
    let head = framing(200, "HEAD");
    assert_eq!(head.no_content, Some(NoContent::Head));
    assert!(head.content_length);
    assert_eq!(framing(204, "HEAD").no_content, Some(NoContent::NoContent));
    let tunnel = framing(200, "CONNECT");
    assert_eq!(tunnel.no_content, Some(NoContent::Tunnel));
    assert!(!tunnel.content_length);
    assert!(framing(200, "GET").content_allowed());
    assert!(
        framing(404, "get").content_allowed(),
        "methods are case-sensitive"
    );
    assert_eq!(no_content(103), Some(NoContent::Interim));
    assert_eq!(no_content(206), None);
    let wire = rules("494-nginx").framing("GET").unwrap();
    assert!(wire.content_allowed(), "framed as the 400 that goes out");
    assert_eq!(rules("444-nginx").framing("GET"), None);
}

#[test]
fn headers_carry_level_and_a_value() {
    let level_and_value = |id: &str, name: &str| {
        let r = rules(id);
        let h = r.header(name).unwrap_or_else(|| panic!("{id}: no {name}"));
        (h.level, h.value())
    };
    assert_eq!(level_and_value("401", "WWW-Authenticate").0, Level::Must);
    assert_eq!(
        level_and_value("401.2-iis", "WWW-Authenticate"),
        (Level::Must, "Negotiate, NTLM".into())
    );
    assert_eq!(level_and_value("405", "Allow").0, Level::Must);
    assert_eq!(level_and_value("407", "Proxy-Authenticate").0, Level::Must);
    assert_eq!(
        level_and_value("416", "Content-Range"),
        (Level::Should, "bytes */47022".into())
    );
    assert_eq!(level_and_value("429", "Retry-After").0, Level::Should);
    assert_eq!(
        level_and_value("101", "Upgrade"),
        (Level::Must, "websocket".into())
    );
    assert_eq!(
        level_and_value("101", "Connection"),
        (Level::Must, "Upgrade".into())
    );
    assert_eq!(level_and_value("303", "Location").0, Level::Should);
    assert_eq!(
        level_and_value("305", "Location"),
        (Level::Should, "http://proxy.example.net:8080/".into())
    );
    assert_eq!(level_and_value("304", "Content-Type").0, Level::ShouldNot);
    assert_eq!(
        level_and_value("204", "Transfer-Encoding").0,
        Level::MustNot
    );
    assert_eq!(
        level_and_value("103", "Transfer-Encoding").0,
        Level::MustNot
    );
    assert_eq!(level_and_value("404", "Date").0, Level::Must);
    assert_eq!(level_and_value("502", "Date").0, Level::May);
    assert!(rules("100").header("Date").is_none());
    assert!(rules("306").header("Location").is_none());
    assert!(rules("444-nginx").headers.is_empty());
}

#[test]
fn a_header_the_entry_does_not_show_gets_a_valid_default() {
    let mut bare = entry("416").clone();
    bare.example = "HTTP/1.1 416 Range Not Satisfiable\n\n".into();
    bare.headers.clear();
    let r = Rules::of(&bare);
    let range = r.header("Content-Range").unwrap();
    assert_eq!(
        (range.level, range.value()),
        (Level::Should, "bytes */1000".into())
    );
    assert!(range.status_rule);
    bare.code = 201;
    let r = Rules::of(&bare);
    assert_eq!(r.header("Location").unwrap().value(), "/items/42");
}

#[test]
fn every_header_to_send_has_a_real_value() {
    for e in builtin().entries() {
        for h in Rules::of(e).headers {
            if h.level.sends() {
                assert!(
                    !h.values.is_empty() && h.values.iter().all(|v| v != "..."),
                    "{}: {} has no example value",
                    e.id,
                    h.name
                );
            } else {
                assert!(h.values.is_empty(), "{}: {}", e.id, h.name);
            }
        }
    }
}

fn breaches(id: &str, text: &str) -> Vec<Breach> {
    check_response(entry(id), text)
        .into_iter()
        .map(|v| v.breach)
        .collect()
}

const DATE: &str = "Date: Tue, 14 Oct 2025 09:30:00 GMT";

#[test]
fn a_correct_response_passes() {
    let text = format!(
        "HTTP/1.1 401 Unauthorized\r\n{DATE}\r\nWWW-Authenticate: Bearer realm=\"api\"\r\n\
         Content-Length: 2\r\n\r\nno"
    );
    assert_eq!(breaches("401", &text), vec![]);
    assert_eq!(breaches("401.2-iis", &text), vec![]);
    let interim = "HTTP/1.1 100 Continue\r\n\r\n";
    assert_eq!(breaches("100", interim), vec![]);
}

#[test]
fn missing_headers_are_named_with_their_level() {
    let v = check_response(entry("401"), "HTTP/1.1 401 Unauthorized\n\n");
    let missing: Vec<(Level, &str)> = v
        .iter()
        .filter_map(|v| Some((v.level, v.missing_header()?)))
        .collect();
    assert_eq!(
        missing,
        vec![(Level::Must, "WWW-Authenticate"), (Level::Must, "Date")]
    );
    assert_eq!(v[0].to_string(), "lacks WWW-Authenticate (MUST)");
    // The SHOULDs of the status count, the entry's advice does not.
    let redirect = breaches(
        "301",
        &format!("HTTP/1.1 301 Moved Permanently\n{DATE}\n\n"),
    );
    assert_eq!(redirect, vec![Breach::MissingHeader("Location".into())]);
}

#[test]
fn content_and_framing_violations() {
    let no_content = breaches(
        "204",
        &format!("HTTP/1.1 204 No Content\n{DATE}\nContent-Length: 2\n\nhi"),
    );
    assert_eq!(
        no_content,
        vec![
            Breach::UnwantedHeader("Content-Length".into()),
            Breach::Content(NoContent::NoContent),
        ]
    );
    let ok = format!("HTTP/1.1 404 Not Found\n{DATE}\nContent-Length: 5\n\nhello");
    assert_eq!(breaches("404", &ok), vec![]);
    assert_eq!(
        check_response_to(entry("404"), "HEAD", &ok)[0].breach,
        Breach::Content(NoContent::Head)
    );
    let head = format!("HTTP/1.1 404 Not Found\n{DATE}\nContent-Length: 5\n\n");
    assert!(check_response_to(entry("404"), "HEAD", &head).is_empty());
    let wrong = format!("HTTP/1.1 404 Not Found\n{DATE}\nContent-Length: 9\n\nhello");
    assert_eq!(
        breaches("404", &wrong),
        vec![Breach::ContentLengthMismatch {
            declared: 9,
            actual: 5
        }]
    );
    let both = format!(
        "HTTP/1.1 404 Not Found\n{DATE}\nContent-Length: x\nTransfer-Encoding: chunked\n\n"
    );
    assert_eq!(
        breaches("404", &both),
        vec![
            Breach::InvalidContentLength("x".into()),
            Breach::LengthWithEncoding
        ]
    );
}

#[test]
fn status_line_and_field_violations() {
    assert_eq!(
        breaches(
            "494-nginx",
            &format!("HTTP/1.1 494 Request Header Too Large\n{DATE}\n\n")
        ),
        vec![Breach::WrongStatus {
            expected: 400,
            found: 494
        }]
    );
    assert_eq!(
        breaches("404", &format!("HTTP/1.1 404\n{DATE}\n\n")),
        vec![],
        "the reason phrase is optional"
    );
    assert_eq!(
        breaches("404", &format!("HTTP/2.0 404 Not Found\n{DATE}\n\n")),
        vec![Breach::MalformedStatusLine("HTTP/2.0 404 Not Found".into())]
    );
    assert_eq!(
        breaches(
            "404",
            &format!("HTTP/1.1 404 Not Found\n{DATE}\nX-Bad : 1\n\n")
        ),
        vec![Breach::MalformedField("X-Bad : 1".into())]
    );
    assert_eq!(
        breaches("404", "Not Found"),
        vec![Breach::MissingStatusLine]
    );
}

#[test]
fn nothing_on_the_wire_means_no_status_line() {
    for id in ["444-nginx", "499-nginx", "460-aws-elb"] {
        let v = check_response(entry(id), "HTTP/1.1 444 No Response\n\n");
        assert_eq!(v.len(), 1, "{id}");
        assert_eq!(
            (v[0].level, &v[0].breach),
            (Level::MustNot, &Breach::StatusLineForNothing)
        );
        assert!(check_response(entry(id), "(connection closed, no bytes)\n").is_empty());
    }
}

#[test]
fn messages_parse_with_crlf_or_lf() {
    let crlf = Message::parse("HTTP/1.1 200 OK\r\nA: 1\r\nA: 2\r\nB:\r\n\r\nbody\r\n");
    let lf = Message::parse("HTTP/1.1 200 OK\nA: 1\nA: 2\nB:\n\nbody\r\n");
    for m in [&crlf, &lf] {
        assert_eq!(m.values("a"), vec!["1", "2"]);
        assert!(m.has("B") && m.values("B").is_empty());
        assert_eq!(m.content, "body\r\n");
        let line = m.status_line().unwrap();
        assert_eq!(
            (line.version, line.code, line.reason),
            ("HTTP/1.1", 200, "OK")
        );
    }
    let note = Message::parse("nginx closed the connection");
    assert_eq!(
        (note.start, note.content),
        (None, "nginx closed the connection")
    );
}

#[test]
fn a_multipart_206_names_its_ranges_in_the_parts_not_the_header() {
    let e = entry("206");
    let multipart = "HTTP/1.1 206 Partial Content\nDate: Tue, 14 Oct 2025 09:30:00 GMT\nETag: \"x\"\nContent-Type: multipart/byteranges; boundary=b\n\n--b\nContent-Range: bytes 0-1/10\n\nab\n--b--";
    assert_eq!(check_response(e, multipart), vec![]);
    let with_range = multipart.replace("boundary=b\n", "boundary=b\nContent-Range: bytes 0-1/10\n");
    let violations = check_response(e, &with_range);
    assert!(
        violations
            .iter()
            .any(|v| v.breach == Breach::UnwantedHeader("Content-Range".into())),
        "{violations:?}"
    );
}

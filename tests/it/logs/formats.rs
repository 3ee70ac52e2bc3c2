//! Every format, generated with known counts and read back exactly.

use std::collections::BTreeMap;

use super::generate::{Kind, generate};
use super::{report, row, rows};

/// The counts, upstream counts, unreadable lines and paths of a report, in
/// the generator's terms.
fn read_back(
    kind: Kind,
    records: usize,
    seed: u64,
) -> (super::generate::Expected, serde_json::Value) {
    let (log, expected) = generate(kind, records, seed);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("access.log");
    std::fs::write(&path, &log).unwrap();
    let extra: &[&str] = match kind {
        Kind::JsonNested => &["--status-field", "http.response.status_code", "--top", "10"],
        _ => &["--top", "10"],
    };
    (expected, report(&path, extra))
}

fn seen(report: &serde_json::Value) -> super::generate::Expected {
    let mut seen = super::generate::Expected {
        lines: report["lines"].as_u64().unwrap(),
        ..Default::default()
    };
    for r in rows(report) {
        let status = r["status"].as_str().unwrap().to_string();
        seen.statuses
            .insert(status.clone(), r["count"].as_u64().unwrap());
        for p in r["top_paths"].as_array().unwrap() {
            let count = p["count"].as_u64().unwrap();
            seen.paths
                .entry(status.clone())
                .or_default()
                .insert(p["path"].as_str().unwrap().into(), count);
        }
    }
    if let Some(up) = report["upstream"].as_object() {
        for r in up["statuses"].as_array().unwrap() {
            seen.upstream.insert(
                r["code"].as_u64().unwrap() as u16,
                r["count"].as_u64().unwrap(),
            );
        }
        let none = up["no_response"].as_u64().unwrap();
        if none > 0 {
            seen.upstream.insert(0, none);
        }
    }
    let first = report["unreadable"]["first"].as_array().unwrap();
    seen.unreadable = first.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    seen
}

#[test]
fn every_format_is_read_back_with_exact_counts() {
    for (seed, kind) in Kind::ALL.into_iter().enumerate() {
        let (mut expected, report) = read_back(kind, 3000, seed as u64 + 1);
        assert_eq!(report["files"][0]["format"], kind.slug(), "{kind:?}");
        let junk = expected.unreadable.len() as u64;
        assert_eq!(report["unreadable"]["count"], junk, "{kind:?}");
        expected.unreadable.truncate(5);
        assert_eq!(seen(&report), expected, "{kind:?}");
        assert_eq!(report["counted"], expected.lines - junk, "{kind:?}");
        let timeline: u64 = report["timeline"]["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|b| {
                b["counts"]
                    .as_object()
                    .unwrap()
                    .values()
                    .map(|n| n.as_u64().unwrap())
            })
            .sum();
        assert_eq!(
            timeline,
            expected.lines - junk,
            "{kind:?}: every counted line has a time"
        );
        assert_eq!(report["from"], "2024-10-10T00:00:00Z", "{kind:?}");
    }
}

#[test]
fn each_log_resolves_its_own_codes() {
    let entry = |kind, status: &str| {
        let (_, report) = read_back(kind, 2000, 7);
        let rows = rows(&report);
        let r = row(&rows, status);
        (r["id"].clone(), r["match"].as_str().unwrap().to_string())
    };
    let id = |s: &str| serde_json::Value::from(s);
    assert_eq!(
        entry(Kind::Combined, "499"),
        (id("499-nginx"), "origin".into())
    );
    assert_eq!(
        entry(Kind::Combined, "444"),
        (id("444-nginx"), "origin".into())
    );
    assert_eq!(
        entry(Kind::Combined, "477"),
        (serde_json::Value::Null, "unknown".into())
    );
    assert_eq!(
        entry(Kind::W3c, "401.2"),
        (id("401.2-iis"), "substatus".into())
    );
    assert_eq!(
        entry(Kind::W3c, "403.14"),
        (id("403.14-iis"), "substatus".into())
    );
    assert_eq!(
        entry(Kind::W3c, "404.0"),
        (id("404.0-iis"), "substatus".into())
    );
    assert_eq!(entry(Kind::W3c, "404.5"), (id("404"), "iana".into()));
    assert_eq!(entry(Kind::W3c, "401"), (id("401"), "iana".into()));
    assert_eq!(
        entry(Kind::Elb, "460"),
        (id("460-aws-elb"), "origin".into())
    );
    assert_eq!(entry(Kind::Elb, "502"), (id("502"), "iana".into()));
    assert_eq!(
        entry(Kind::Cloudflare, "522"),
        (id("522-cloudflare"), "origin".into())
    );
    let (_, report) = read_back(Kind::Json, 2000, 7);
    let rows = rows(&report);
    let ambiguous = row(&rows, "499");
    assert_eq!(ambiguous["match"], "ambiguous");
    assert_eq!(
        ambiguous["alternatives"],
        serde_json::json!(["499-nginx", "499-esri"])
    );
}

#[test]
fn alb_lines_count_both_statuses() {
    let (expected, report) = read_back(Kind::Elb, 4000, 42);
    assert_eq!(report["upstream"]["label"], "target");
    let targets: BTreeMap<u16, u64> = seen(&report).upstream;
    assert_eq!(targets, expected.upstream);
    // Every line has both: the client's status and the target's (or none).
    let total: u64 = targets.values().sum();
    assert_eq!(total, report["counted"].as_u64().unwrap());
    assert!(
        targets[&0] > 0,
        "460, 463, 502 and 504 had no target response"
    );
    let (_, cf) = read_back(Kind::Cloudflare, 1000, 3);
    assert_eq!(cf["upstream"]["label"], "origin");
}

//! The command's contract: inputs (gzip, standard input, empty, junk), exit
//! codes, filters and what reaches a terminal.

use std::io::Write;

use super::generate::{Kind, generate};
use super::{logs, report, row, rows};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn text(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn gzip_and_standard_input_read_as_the_plain_file() {
    let (log, expected) = generate(Kind::Combined, 5000, 11);
    let dir = tempfile::tempdir().unwrap();
    let (plain, zipped) = (dir.path().join("a.log"), dir.path().join("a.log.gz"));
    std::fs::write(&plain, &log).unwrap();
    std::fs::write(&zipped, gzip(&log)).unwrap();
    let counts = |r: &serde_json::Value| {
        let rows = rows(r);
        rows.iter()
            .map(|r| (r["status"].to_string(), r["count"].as_u64().unwrap()))
            .collect::<Vec<_>>()
    };
    let want = counts(&report(&plain, &[]));
    assert_eq!(
        want.iter().map(|(_, n)| n).sum::<u64>(),
        expected.statuses.values().sum::<u64>()
    );
    assert_eq!(counts(&report(&zipped, &[])), want);
    let piped = logs(&["--json"], Some(&gzip(&log)));
    let piped: serde_json::Value = serde_json::from_slice(&piped.stdout).unwrap();
    assert_eq!(counts(&piped), want);
    assert_eq!(piped["files"][0]["path"], "standard input");
}

#[test]
fn truncated_gzip_reports_what_it_read_and_exits_3() {
    let (log, _) = generate(Kind::Combined, 20_000, 5);
    let zipped = gzip(&log);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.log.gz");
    std::fs::write(&path, &zipped[..zipped.len() / 2]).unwrap();
    let out = logs(&[path.to_str().unwrap(), "--json"], None);
    assert_eq!(out.status.code(), Some(3));
    let (stdout, stderr) = text(&out);
    assert!(stderr.contains("ends early"), "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let lines = report["lines"].as_u64().unwrap();
    assert!(lines > 1000 && lines < 20_000, "{lines}");
    assert!(report["files"][0]["error"].is_string());
}

#[test]
fn an_empty_file_counts_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.log");
    std::fs::write(&path, "").unwrap();
    let out = logs(&[path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).0.contains("no lines"), "{}", text(&out).0);
    let report = report(&path, &[]);
    assert_eq!(
        (
            report["lines"].as_u64(),
            report["files"][0]["format"].is_null()
        ),
        (Some(0), true)
    );
}

#[test]
fn bad_input_exits_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.txt");
    std::fs::write(&junk, "hello\nworld\n").unwrap();
    let cases: [(&[&str], i32, &str); 6] = [
        (&[junk.to_str().unwrap()], 2, "--format"),
        (&["/no/such/file.log"], 3, "No such file"),
        (&[dir.path().to_str().unwrap()], 3, "directory"),
        (
            &[junk.to_str().unwrap(), "--status", "4x"],
            2,
            "not a status",
        ),
        (
            &[junk.to_str().unwrap(), "--since", "yesterday"],
            2,
            "not a time",
        ),
        (
            &[
                junk.to_str().unwrap(),
                "--follow",
                "--top",
                "3",
                junk.to_str().unwrap(),
            ],
            2,
            "--follow",
        ),
    ];
    for (args, code, says) in cases {
        let out = logs(args, None);
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stdout.is_empty());
    }
    let forced = logs(&[junk.to_str().unwrap(), "--format", "nginx"], None);
    assert_eq!(
        forced.status.code(),
        Some(1),
        "every line unreadable: nothing counted"
    );
    assert!(text(&forced).0.contains("2 unreadable lines"));
}

#[test]
fn log_text_cannot_drive_the_terminal() {
    let line = |path: &str| {
        format!("h - - [10/Oct/2024:10:00:00 +0000] \"GET {path} HTTP/1.1\" 404 5 \"-\" \"x\"\n")
    };
    let log = format!(
        "{}{}",
        line("/a\u{1b}[2J\u{1b}]0;pwned\u{7}"),
        line("/b\u{202e}gnp.exe")
    );
    let out = logs(&["--color", "always"], Some(log.as_bytes()));
    let (stdout, _) = text(&out);
    assert!(stdout.contains("/a\\x1b[2J\\x1b]0;pwned\\x07"), "{stdout}");
    assert!(stdout.contains("/b\\u{202e}gnp.exe"));
    assert!(!stdout.contains('\u{202e}') && !stdout.contains('\u{7}'));
    // Colour is on (escape sequences of ours), and only SGR ones.
    let escapes: Vec<&str> = stdout.split('\u{1b}').skip(1).collect();
    assert!(!escapes.is_empty());
    assert!(escapes.iter().all(|e| {
        e.starts_with('[')
            && e.split('m')
                .next()
                .unwrap()
                .bytes()
                .all(|b| b == b'[' || b == b';' || b.is_ascii_digit())
    }));
}

#[test]
fn filters_and_the_summary() {
    let (log, expected) = generate(Kind::Combined, 3000, 9);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.log");
    std::fs::write(&path, &log).unwrap();
    let errors = report(&path, &["--status", "5xx,429"]);
    let statuses: Vec<String> = rows(&errors)
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(statuses, ["429", "502", "504"]);
    let want: u64 = ["429", "502", "504"]
        .iter()
        .map(|s| expected.statuses[*s])
        .sum();
    assert_eq!(errors["counted"], want);
    // Lines 1 to 1200 are 3 s apart: 01:00 is line 1201.
    let window = report(
        &path,
        &[
            "--since",
            "2024-10-10T00:30:00Z",
            "--until",
            "2024-10-10 01:00",
        ],
    );
    let junk_in_window = (600..1200).filter(|i| i % 37 == 5).count() as u64;
    assert_eq!(window["counted"], 600 - junk_in_window);
    let summary = report(&path, &["--summary"]);
    assert!(summary["timeline"].is_null());
    assert!(
        rows(&summary)
            .iter()
            .all(|r| r["top_paths"].as_array().unwrap().is_empty())
    );
    assert_eq!(
        row(&rows(&summary), "404")["count"],
        expected.statuses["404"]
    );
}

#[test]
fn text_report_explains_each_status() {
    let (log, _) = generate(Kind::Combined, 2000, 4);
    let out = logs(&["--top", "2"], Some(&log));
    let (stdout, _) = text(&out);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout.starts_with("standard input: nginx/Apache combined, 2,000 lines"),
        "{stdout}"
    );
    assert!(stdout.contains("4xx Client error"));
    assert!(stdout.contains("Client Closed Request [nginx]"));
    assert!(stdout.contains("unknown 4xx"));
    assert!(stdout.contains("Over time (UTC)"));
    assert!(stdout.contains("unreadable lines (first: standard input:6, standard input:43"));
    assert!(!stdout.contains('\u{1b}'), "no colour when piped");
}

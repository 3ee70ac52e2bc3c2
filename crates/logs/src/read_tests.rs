use std::io::Write;

use super::*;
use crate::StatusKey;
use crate::stream::stream;
use crate::timeline::Counts;

type Paths = Vec<(Vec<u8>, u64)>;

/// Everything a report reads of an analysis, comparable.
#[derive(Debug, PartialEq)]
struct Seen {
    lines: u64,
    counted: u64,
    unreadable: u64,
    bad_lines: Vec<u64>,
    statuses: Vec<(StatusKey, u64)>,
    upstream: Option<Vec<(u16, u64)>>,
    timeline: Vec<(i64, Counts)>,
    paths: Vec<(StatusKey, Paths)>,
}

fn seen(a: &Analysis) -> Seen {
    let s = &a.stats;
    let statuses = s.statuses();
    let paths = statuses
        .iter()
        .filter_map(|(k, _)| {
            let top = s.paths(*k)?.top(50);
            Some((*k, top.into_iter().map(|(p, n)| (p.to_vec(), n)).collect()))
        })
        .collect();
    Seen {
        lines: s.lines(),
        counted: s.counted(),
        unreadable: s.unreadable(),
        bad_lines: s.unreadable_lines().to_vec(),
        statuses,
        upstream: s.upstream(),
        timeline: s.timeline().buckets(),
        paths,
    }
}

/// A combined log of `n` lines with junk at known places.
fn combined(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..n {
        if i % 97 == 13 {
            out.extend_from_slice(b"garbage \x00 line\n");
            continue;
        }
        let status = [200, 200, 304, 404, 499, 502][i % 6];
        let path = ["/", "/a", "/b?x=1"][i % 3];
        let minute = i / 7;
        writeln!(
            out,
            "10.0.0.{} - - [10/Oct/2000:{:02}:{:02}:00 +0000] \"GET {path} HTTP/1.1\" {status} 5 \"-\" \"ua\"",
            i % 250,
            minute / 60 % 24,
            minute % 60
        )
        .unwrap();
    }
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn chunk_size_does_not_change_the_result() {
    let log = combined(3000);
    let options = Options::default();
    let whole = analyze_mapped(&log, &options, usize::MAX / 2, |_| {}).unwrap();
    for chunk in [1, 64, 1000, 7777] {
        let parts = analyze_mapped(&log, &options, chunk, |_| {}).unwrap();
        assert_eq!(seen(&parts), seen(&whole), "chunk {chunk}");
    }
    let s = seen(&whole);
    assert_eq!(s.unreadable, 31);
    assert_eq!(s.bad_lines, [14, 111, 208, 305, 402]);
    assert_eq!(s.lines, 3000);
    assert_eq!(whole.format, Some(Format::Combined));
}

#[test]
fn streams_plain_and_gzip_read_as_the_map_does() {
    let log = combined(2000);
    let options = Options::default();
    let mapped = seen(&analyze_bytes(&log, &options).unwrap());
    for block in [128, 4096, 1 << 20] {
        let plain = stream(&log[..], &options, block).unwrap();
        assert_eq!(seen(&plain), mapped, "block {block}");
        assert_eq!(plain.bytes, log.len() as u64);
    }
    let zipped = analyze_reader(&gzip(&log)[..], &options).unwrap();
    assert_eq!(seen(&zipped), mapped);
    assert_eq!(zipped.error, None);
}

#[test]
fn truncated_gzip_keeps_the_lines_before_and_says_so() {
    let log = combined(20_000);
    let zipped = gzip(&log);
    let cut = analyze_reader(&zipped[..zipped.len() / 2], &Options::default()).unwrap();
    assert!(
        cut.error.as_deref().unwrap_or("").contains("ends early"),
        "{:?}",
        cut.error
    );
    assert!(cut.stats.lines() > 1000 && cut.stats.lines() < 20_000);
}

#[test]
fn an_overlong_line_is_one_unreadable_line() {
    let mut log = combined(10);
    let at = log.len();
    log.extend(std::iter::repeat_n(b'x', 10_000));
    log.push(b'\n');
    log.extend(combined(10));
    let s = seen(&stream(&log[..], &Options::default(), 256).unwrap());
    assert_eq!((s.lines, s.unreadable, s.bad_lines), (21, 1, vec![11]));
    assert_eq!(
        seen(&analyze_bytes(&log, &Options::default()).unwrap()).lines,
        21
    );
    assert!(at > 0);
}

#[test]
fn iis_layout_changes_mid_file_in_any_chunk() {
    let mut log = b"#Software: Microsoft Internet Information Services 10.0\r\n".to_vec();
    log.extend_from_slice(b"#Fields: date time cs-uri-stem sc-status sc-substatus\r\n");
    for _ in 0..50 {
        log.extend_from_slice(b"2024-01-02 10:00:00 /a 401 2\r\n");
    }
    // After a restart: the status moves.
    log.extend_from_slice(b"#Fields: date time sc-status cs-uri-stem\r\n");
    for _ in 0..30 {
        log.extend_from_slice(b"2024-01-02 11:00:00 503 /b\r\n");
    }
    let key = |code, substatus| StatusKey { code, substatus };
    let want = vec![(key(401, Some(2)), 50), (key(503, None), 30)];
    for chunk in [1, 100, 1 << 20] {
        let a = analyze_mapped(&log, &Options::default(), chunk, |_| {}).unwrap();
        assert_eq!(a.stats.statuses(), want, "chunk {chunk}");
        assert_eq!(a.stats.unreadable(), 0);
    }
    for block in [64, 1 << 20] {
        let a = stream(&log[..], &Options::default(), block).unwrap();
        assert_eq!(a.stats.statuses(), want, "block {block}");
    }
}

#[test]
fn empty_and_blank_inputs_have_no_format() {
    for input in [&b""[..], b"\n\n  \r\n"] {
        let a = analyze_bytes(input, &Options::default()).unwrap();
        assert_eq!((a.format, a.stats.lines()), (None, 0));
        let a = analyze_reader(input, &Options::default()).unwrap();
        assert_eq!((a.format, a.stats.lines()), (None, 0));
    }
}

#[test]
fn unknown_format_is_an_error_and_a_forced_one_counts_junk() {
    let junk = b"hello\nworld\n";
    assert!(matches!(
        analyze_bytes(junk, &Options::default()),
        Err(Error::Format(_))
    ));
    let forced = Options {
        format: Some(Format::Combined),
        ..Options::default()
    };
    let a = analyze_bytes(junk, &forced).unwrap();
    assert_eq!((a.stats.lines(), a.stats.unreadable()), (2, 2));
}

#[test]
fn filters_and_summary_mode() {
    let log = combined(600);
    let only = Options {
        statuses: crate::StatusFilter::parse("4xx").unwrap(),
        ..Options::default()
    };
    let a = analyze_bytes(&log, &only).unwrap();
    let codes: Vec<u16> = a.stats.statuses().iter().map(|(k, _)| k.code).collect();
    assert_eq!(codes, [404, 499]);
    assert_eq!(
        a.stats.filtered_out() + a.stats.counted() + a.stats.unreadable(),
        a.stats.lines()
    );
    let window = Options {
        range: crate::TimeRange {
            since: crate::time::clf(b"10/Oct/2000:00:10:00 +0000"),
            until: crate::time::clf(b"10/Oct/2000:00:20:00 +0000"),
        },
        summary_only: true,
        ..Options::default()
    };
    let a = analyze_bytes(&log, &window).unwrap();
    // Minutes 10 to 19, seven lines a minute, less the junk among them.
    assert_eq!(a.stats.counted(), 70 - 1);
    assert!(
        a.stats.timeline().is_empty()
            && a.stats
                .paths(StatusKey {
                    code: 404,
                    substatus: None
                })
                .is_none()
    );
}

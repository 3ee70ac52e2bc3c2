use std::io::Write;

use super::*;

fn line(status: u16, path: &str) -> String {
    format!(
        "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET {path} HTTP/1.1\" {status} 5 \"-\" \"ua\"\n"
    )
}

fn append(path: &Path, text: &str) {
    let mut f = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

fn counts(batch: &Batch) -> Vec<(u16, u64)> {
    batch
        .stats
        .statuses()
        .iter()
        .map(|(k, n)| (k.code, *n))
        .collect()
}

#[test]
fn growth_comes_in_batches_of_complete_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("access.log");
    append(&path, &line(200, "/old"));
    let mut f = Follower::from_end(&path, Options::default()).unwrap();
    assert!(f.poll().unwrap().is_none());
    append(&path, &format!("{}{}", line(404, "/x?y"), line(200, "/")));
    let half = line(503, "/z");
    append(&path, &half[..20]);
    let batch = f.poll().unwrap().unwrap();
    assert_eq!(counts(&batch), [(200, 1), (404, 1)]);
    assert!(!batch.rotated);
    assert_eq!(batch.recent.len(), 1);
    assert_eq!(batch.recent[0].path.as_deref(), Some(&b"/x"[..]));
    assert!(f.poll().unwrap().is_none(), "half a line is not a line");
    append(&path, &half[20..]);
    assert_eq!(counts(&f.poll().unwrap().unwrap()), [(503, 1)]);
}

#[test]
fn rotation_and_truncation_are_followed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("access.log");
    append(&path, &line(200, "/"));
    let mut f = Follower::from_start(&path, Options::default()).unwrap();
    assert_eq!(counts(&f.poll().unwrap().unwrap()), [(200, 1)]);
    // logrotate: the old file is renamed (and still written to once),
    // a new one created.
    append(&path, &line(301, "/"));
    fs::rename(&path, dir.path().join("access.log.1")).unwrap();
    append(&dir.path().join("access.log.1"), &line(302, "/"));
    append(&path, &line(404, "/new"));
    let before = f.poll().unwrap().unwrap();
    assert_eq!(counts(&before), [(301, 1), (302, 1)]);
    let after = f.poll().unwrap().unwrap();
    assert!(after.rotated);
    assert_eq!(counts(&after), [(404, 1)]);
    // copytruncate: same file, emptied, written again.
    fs::write(&path, line(500, "/t")).unwrap();
    let truncated = f.poll().unwrap().unwrap();
    assert!(truncated.rotated);
    assert_eq!(counts(&truncated), [(500, 1)]);
}

#[test]
fn a_missing_path_is_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("access.log");
    // Two lines, so that the new file is shorter even if it gets the old
    // one's inode number back.
    append(&path, &line(200, "/").repeat(2));
    let mut f = Follower::from_end(&path, Options::default()).unwrap();
    fs::remove_file(&path).unwrap();
    assert!(f.poll().unwrap().is_none());
    append(&path, &line(204, "/"));
    let batch = f.poll().unwrap().unwrap();
    assert_eq!(counts(&batch), [(204, 1)]);
}

#[test]
fn the_format_is_detected_once_lines_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.json");
    fs::write(&path, "").unwrap();
    let mut f = Follower::from_start(&path, Options::default()).unwrap();
    assert!(f.poll().unwrap().is_none());
    append(&path, "{\"status\":429,\"path\":\"/api\"}\n");
    assert_eq!(counts(&f.poll().unwrap().unwrap()), [(429, 1)]);
    // Junk first: waited on for a few lines, then an error.
    let junk = dir.path().join("junk.log");
    fs::write(&junk, "hello\n").unwrap();
    let mut f = Follower::from_start(&junk, Options::default()).unwrap();
    assert!(f.poll().unwrap().is_none());
    append(&junk, &"more junk\n".repeat(20));
    assert!(matches!(f.poll(), Err(Error::Format(_))));
}

#[test]
fn run_stops_on_the_flag_and_on_a_false_callback() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("access.log");
    append(&path, &line(200, "/"));
    let stop = AtomicBool::new(true);
    let mut f = Follower::from_start(&path, Options::default()).unwrap();
    let mut calls = 0;
    f.run(&stop, Duration::from_millis(1), |_| {
        calls += 1;
        true
    })
    .unwrap();
    assert_eq!(calls, 0);
    stop.store(false, Ordering::Relaxed);
    f.run(&stop, Duration::from_millis(1), |_| {
        calls += 1;
        false
    })
    .unwrap();
    assert_eq!(calls, 1);
}

#[test]
fn following_after_an_analysis_numbers_lines_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("access.log");
    append(
        &path,
        &format!("{}junk\n{}", line(200, "/"), line(200, "/")),
    );
    let analysis = crate::analyze_path(&path, &Options::default()).unwrap();
    assert_eq!(analysis.stats.unreadable_lines(), [2]);
    let mut f = Follower::after(&path, Options::default(), &analysis).unwrap();
    append(&path, &format!("{}more junk\n", line(404, "/")));
    let batch = f.poll().unwrap().unwrap();
    assert_eq!(counts(&batch), [(404, 1)]);
    assert_eq!(batch.stats.unreadable_lines(), [5]);
}

#[test]
fn the_latest_errors_come_from_the_end_of_the_log_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("access.log");
    // 300 KB of lines, more than the tail read: the first errors are out
    // of reach, the last RECENT are listed oldest first.
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 300 << 10 {
        n += 1;
        let status = if n % 10 == 0 {
            500 + (n / 10 % 4) as u16
        } else {
            200
        };
        text += &line(status, &format!("/p{n}"));
    }
    append(&path, &text);
    let options = Options::default();
    let analysis = crate::analyze_path(&path, &options).unwrap();
    let recent = latest_errors(&path, &analysis, &options);
    assert_eq!(recent.len(), RECENT);
    let last = n - n % 10;
    let paths: Vec<String> = recent
        .iter()
        .map(|r| String::from_utf8_lossy(r.path.as_deref().unwrap()).into_owned())
        .collect();
    assert_eq!(paths.last().unwrap(), &format!("/p{last}"));
    assert_eq!(paths[0], format!("/p{}", last - 10 * (RECENT - 1)));
    // Lines appended after the read are the follower's, not listed here.
    append(&path, &line(503, "/later"));
    let again = latest_errors(&path, &analysis, &options);
    let expected = format!("/p{last}");
    assert_eq!(
        again.last().unwrap().path.as_deref(),
        Some(expected.as_bytes())
    );
}

#[test]
fn a_compressed_log_lists_no_latest_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("access.log.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(line(500, "/x").as_bytes()).unwrap();
    fs::write(&path, gz.finish().unwrap()).unwrap();
    let options = Options::default();
    let analysis = crate::analyze_path(&path, &options).unwrap();
    assert_eq!(analysis.stats.lines(), 1);
    assert!(latest_errors(&path, &analysis, &options).is_empty());
}

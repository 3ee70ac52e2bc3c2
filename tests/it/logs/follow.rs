//! `--follow` on a file that grows and is rotated, as logrotate does it;
//! idle in between.
#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

fn line(status: u16) -> String {
    format!(
        "10.0.0.1 - - [10/Oct/2024:10:00:00 +0000] \"GET /f HTTP/1.1\" {status} 5 \"-\" \"x\"\n"
    )
}

fn append(path: &std::path::Path, text: &str) {
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

/// The child, killed when the test ends however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The next report whose counted lines reach `counted`.
fn next_report(reports: &Receiver<serde_json::Value>, counted: u64) -> serde_json::Value {
    loop {
        let report = reports
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("no report with {counted} lines counted"));
        if report["counted"].as_u64() >= Some(counted) {
            return report;
        }
    }
}

fn count(report: &serde_json::Value, status: &str) -> u64 {
    super::rows(report)
        .iter()
        .find(|r| r["status"] == status)
        .map_or(0, |r| r["count"].as_u64().unwrap())
}

/// CPU time (user + system, in clock ticks) the process has used.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here.
    fields
        .get(11..13)
        .map_or(0, |f| f.iter().filter_map(|n| n.parse::<u64>().ok()).sum())
}

#[test]
fn a_followed_file_grows_and_rotates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("access.log");
    append(&path, &line(200).repeat(3));
    let child = Command::new(env!("CARGO_BIN_EXE_httpdex"))
        .args(["logs", path.to_str().unwrap(), "--follow", "--json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut running = Running(child);
    let stdout = running.0.stdout.take().unwrap();
    let (tx, reports) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx
                .send(serde_json::from_str::<serde_json::Value>(&line).unwrap())
                .is_err()
            {
                break;
            }
        }
    });
    let first = next_report(&reports, 3);
    assert_eq!(count(&first, "200"), 3);

    append(&path, &line(404).repeat(2));
    let grown = next_report(&reports, 5);
    assert_eq!((count(&grown, "200"), count(&grown, "404")), (3, 2));

    // logrotate: rename, a last line into the old file, a new file.
    std::fs::rename(&path, dir.path().join("access.log.1")).unwrap();
    append(&dir.path().join("access.log.1"), &line(301));
    append(&path, &line(503));
    let rotated = next_report(&reports, 7);
    assert_eq!((count(&rotated, "301"), count(&rotated, "503")), (1, 1));

    // Idle: polling a few times a second costs (next to) no CPU.
    let pid = running.0.id();
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_ticks(pid) - before;
    assert!(used <= 10, "{used} ticks of CPU in 2 s of idle");
    assert!(reports.try_recv().is_err(), "no update without new lines");
}

//! Peak memory does not grow with the log: a ~200 MB file is read in
//! about the memory of a small one (the map's pages are dropped as chunks
//! are read; streams go through a bounded channel).
#![cfg(target_os = "linux")]

use std::io::Write;
use std::process::{Command, Stdio};

use super::generate::{Kind, generate};

/// Peak resident memory of `httpdex logs ARGS`, in MiB: the child's
/// `VmHWM`, read until it exits. Not `wait4`'s `ru_maxrss`: Linux carries
/// the peak of the memory a process had before `exec` into it, and a child
/// spawned by this test binary (large, and running other tests) would
/// report the parent's size.
fn peak_mib(args: &[&str]) -> f64 {
    let bin = std::env::var("HTTPDEX_E2E_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_httpdex").to_string());
    let mut child = Command::new(bin)
        .arg("logs")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0u64;
    loop {
        let status = std::fs::read_to_string(&status_file).unwrap_or_default();
        let hwm = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
        peak_kib = peak_kib.max(hwm.unwrap_or(0));
        if let Some(exit) = child.try_wait().unwrap() {
            assert!(exit.success(), "{exit}");
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    peak_kib as f64 / 1024.0
}

/// `peak_mib`, run again if the child ended before it could be watched.
fn watched_peak_mib(args: &[&str]) -> f64 {
    (0..5)
        .map(|_| peak_mib(args))
        .find(|&peak| peak > 0.0)
        .expect("the run was too short to watch")
}

#[test]
fn a_large_log_takes_no_more_memory_than_a_small_one() {
    let dir = tempfile::tempdir().unwrap();
    let (block, _) = generate(Kind::Combined, 8000, 77);
    // Small, but read for long enough to be watched (a few MB).
    let small = dir.path().join("small.log");
    std::fs::write(&small, block.repeat(5)).unwrap();
    let large = dir.path().join("large.log");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&large).unwrap());
    let mut written = 0;
    while written < 200 << 20 {
        file.write_all(&block).unwrap();
        written += block.len();
    }
    file.flush().unwrap();
    drop(file);
    for extra in [&[][..], &["--summary"]] {
        let args = |path: &std::path::Path| {
            let mut a = vec![path.to_str().unwrap().to_string(), "--json".into()];
            a.extend(extra.iter().map(|s| s.to_string()));
            a
        };
        let (small_args, large_args) = (args(&small), args(&large));
        let small_peak =
            watched_peak_mib(&small_args.iter().map(String::as_str).collect::<Vec<_>>());
        let large_peak =
            watched_peak_mib(&large_args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(
            large_peak < 64.0,
            "{large_peak:.1} MiB for 200 MB {extra:?}"
        );
        assert!(
            large_peak < small_peak + 32.0,
            "{large_peak:.1} MiB for 200 MB vs {small_peak:.1} MiB for {} kB {extra:?}",
            block.len() * 5 / 1000
        );
    }
}

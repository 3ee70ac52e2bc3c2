//! `httpdex logs`: generated logs in every format read back with exact
//! counts, the CLI's contract (JSON, exit codes, escaping), following a
//! growing and rotating file, and memory that does not grow with the file.

mod cli;
mod follow;
mod formats;
mod generate;
mod memory;

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `httpdex logs ARGS`, with `stdin` piped in when given.
pub fn logs(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_httpdex"))
        .arg("logs")
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run httpdex");
    if let Some(input) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || pipe.write_all(&input));
    }
    child.wait_with_output().expect("wait for httpdex")
}

/// The `--json` report of a file.
pub fn report(path: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![path.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let out = logs(&args, None);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

/// The report's status rows, flattened out of their classes.
pub fn rows(report: &serde_json::Value) -> Vec<serde_json::Value> {
    report["classes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["statuses"].as_array().unwrap().clone())
        .collect()
}

pub fn row<'a>(rows: &'a [serde_json::Value], status: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| r["status"] == status)
        .unwrap_or_else(|| panic!("no row {status}"))
}

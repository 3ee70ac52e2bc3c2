//! Opening a link in the user's browser: `$BROWSER` first (a list
//! separated by `:`, each command given the URL, or `%s` replaced by it),
//! then the platform's opener (`xdg-open`, `open`, `start`). Where none
//! works, as over SSH or without a display, the caller copies the URL
//! instead and says so.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A browser that stays in the foreground (`$BROWSER=firefox`) counts as
/// opened once it has run this long without failing.
const STARTED: Duration = Duration::from_millis(1500);

/// Opens `url`; says with what, or why nothing could.
pub fn open(url: &str) -> Result<String, String> {
    open_with(url, std::env::var("BROWSER").ok(), has_display())
}

/// `open` with the environment given: `$BROWSER`, and whether a display
/// is there for the platform's opener.
pub fn open_with(url: &str, browser: Option<String>, display: bool) -> Result<String, String> {
    let mut tried = Vec::new();
    for command in candidates(url, browser, display) {
        let (program, args) = command.split_first().expect("a candidate has a program");
        match run(program, args) {
            Ok(()) => return Ok(program.clone()),
            Err(why) => tried.push(format!("{program}: {why}")),
        }
    }
    if tried.is_empty() {
        return Err("no browser: $BROWSER is unset and there is no display".to_string());
    }
    Err(tried.join("; "))
}

/// The commands to try, each as program and arguments.
fn candidates(url: &str, browser: Option<String>, display: bool) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    if let Some(browsers) = browser {
        for browser in browsers.split(':').filter(|b| !b.trim().is_empty()) {
            let mut words: Vec<String> = browser.split_whitespace().map(str::to_string).collect();
            if words.iter().any(|w| w.contains("%s")) {
                for w in &mut words {
                    *w = w.replace("%s", url);
                }
            } else {
                words.push(url.to_string());
            }
            out.push(words);
        }
    }
    let platform: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else if display {
        &["xdg-open"]
    } else {
        &[]
    };
    if !platform.is_empty() {
        let mut words: Vec<String> = platform.iter().map(|w| w.to_string()).collect();
        words.push(url.to_string());
        out.push(words);
    }
    out
}

fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// Runs the opener detached from the terminal: success if it exits 0, or
/// is still running after `STARTED`.
fn run(program: &str, args: &[String]) -> Result<(), String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let deadline = Instant::now() + STARTED;
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) if status.success() => return Ok(()),
            Some(status) => return Err(format!("exited with {status}")),
            None if Instant::now() > deadline => return Ok(()),
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A stand-in browser: a script that writes its argument to a file.
    /// Written by a child shell, not by this process: a write descriptor
    /// of ours that another test thread's fork inherits would make the
    /// script "busy" (ETXTBSY) when it is run.
    fn recording_browser(dir: &std::path::Path) -> (String, std::path::PathBuf) {
        let log = dir.join("opened");
        let script = dir.join("browser.sh");
        let body = format!("#!/bin/sh\necho \"$1\" > {}\n", log.display());
        let status = Command::new("sh")
            .arg("-c")
            .arg("printf '%s' \"$1\" > \"$2\" && chmod 755 \"$2\"")
            .args(["sh", &body, &script.display().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        (script.display().to_string(), log)
    }

    #[test]
    fn browser_gets_the_url_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let (browser, log) = recording_browser(dir.path());
        let url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2";
        assert_eq!(open_with(url, Some(browser.clone()), false), Ok(browser));
        assert_eq!(std::fs::read_to_string(log).unwrap().trim(), url);
    }

    #[test]
    fn a_percent_s_browser_and_a_failing_one_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let (browser, log) = recording_browser(dir.path());
        let url = "https://example.org/x";
        let list = format!("/no/such/browser:{browser} %s");
        assert!(open_with(url, Some(list), false).is_ok());
        assert_eq!(std::fs::read_to_string(log).unwrap().trim(), url);
    }

    #[test]
    fn without_a_browser_or_a_display_it_says_why() {
        let why = open_with("https://example.org", None, false).unwrap_err();
        assert!(why.contains("no browser"), "{why}");
        let why = open_with(
            "https://example.org",
            Some("/no/such/browser".into()),
            false,
        );
        assert!(why.unwrap_err().contains("/no/such/browser"));
    }
}

//! The real X11 clipboard under Xvfb: `snippet --copy` must leave the text
//! on the clipboard after httpdex exits. Skipped with a notice where Xvfb
//! or xclip is missing (`.ci/run` installs both).
#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

struct Xvfb(Child);

impl Drop for Xvfb {
    /// SIGTERM, not SIGKILL: Xvfb then removes its socket and lock file,
    /// which would otherwise mark the display as taken for later runs.
    fn drop(&mut self) {
        // SAFETY: signalling our own child process by its id.
        unsafe { libc::kill(self.0.id() as libc::pid_t, libc::SIGTERM) };
        let _ = self.0.wait();
    }
}

/// Starts Xvfb on a free display number and waits for its socket.
fn start_xvfb() -> Option<(Xvfb, String)> {
    let taken = |n: u32| {
        Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            || Path::new(&format!("/tmp/.X{n}-lock")).exists()
    };
    let number = (90..140).find(|&n| !taken(n))?;
    let display = format!(":{number}");
    let child = Command::new("Xvfb")
        .args([display.as_str(), "-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let server = Xvfb(child);
    let socket = format!("/tmp/.X11-unix/X{number}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !Path::new(&socket).exists() {
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Some((server, display))
}

#[test]
fn snippet_copy_survives_the_process_on_x11() {
    if !have("Xvfb") || !have("xclip") {
        println!("notice: Xvfb or xclip missing; skipping the X11 clipboard test");
        return;
    }
    let (_server, display) = start_xvfb().expect("Xvfb starts");
    let state = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_httpdex"))
            .args(args)
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("SSH_TTY")
            .env_remove("SSH_CONNECTION")
            .env("HTTPDEX_STATE_DIR", state.path())
            .output()
            .unwrap()
    };
    let o = run(&["snippet", "401", "--lang", "express", "--copy"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("Copied Express snippet for 401"));
    let printed = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(printed.contains("WWW-Authenticate"), "{printed}");

    // httpdex has exited; the clipboard still holds the snippet.
    let pasted = Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .env("DISPLAY", &display)
        .output()
        .unwrap();
    assert!(
        pasted.status.success(),
        "{}",
        String::from_utf8_lossy(&pasted.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&pasted.stdout).trim_end(),
        printed.trim_end()
    );
}

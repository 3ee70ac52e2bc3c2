//! The real X11 clipboard under Xvfb: `snippet --copy` must leave the text
//! on the clipboard after httpdex exits. Skipped with a notice where Xvfb
//! or xclip is missing (`.ci/run` installs both).
#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

pub(crate) struct Xvfb(Child);

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
pub(crate) fn start_xvfb() -> Option<(Xvfb, String)> {
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

/// `httpdex snippet 401 --lang express --copy` on X display `display`,
/// with no Wayland or SSH in its environment.
fn copy_on(display: &str, state: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_httpdex"))
        .args(["snippet", "401", "--lang", "express", "--copy"])
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("SSH_TTY")
        .env_remove("SSH_CONNECTION")
        .env("HTTPDEX_STATE_DIR", state)
        .output()
        .unwrap()
}

#[test]
fn snippet_copy_survives_the_process_on_x11() {
    if !have("Xvfb") || !have("xclip") {
        println!("notice: Xvfb or xclip missing; skipping the X11 clipboard test");
        return;
    }
    let (_server, display) = start_xvfb().expect("Xvfb starts");
    let state = tempfile::tempdir().unwrap();
    let o = copy_on(&display, state.path());
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

/// A display that accepts connections and never answers: an X socket
/// nobody serves. Returns the listener (kept open) and its DISPLAY.
pub(crate) fn silent_display() -> Option<(std::os::unix::net::UnixListener, String)> {
    let taken = |n: u32| Path::new(&format!("/tmp/.X11-unix/X{n}")).exists();
    let number = (140..190).find(|&n| !taken(n))?;
    std::fs::create_dir_all("/tmp/.X11-unix").ok()?;
    let path = format!("/tmp/.X11-unix/X{number}");
    let listener = std::os::unix::net::UnixListener::bind(&path).ok()?;
    Some((listener, format!(":{number}")))
}

pub(crate) struct RemoveSocket(pub(crate) String);

impl Drop for RemoveSocket {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn snippet_copy_gives_up_on_a_display_that_never_answers() {
    let Some((_listener, display)) = silent_display() else {
        println!("notice: no free X socket name; skipping the silent display test");
        return;
    };
    let _cleanup = RemoveSocket(format!("/tmp/.X11-unix/X{}", &display[1..]));
    let state = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let o = copy_on(&display, state.path());
    // It returns (it used to wait for ever) with the snippet printed and a
    // clear word that nothing took the copy: stdout is no terminal here.
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("could not copy"), "{stderr}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("WWW-Authenticate"));
    assert!(started.elapsed() < Duration::from_secs(60));
}

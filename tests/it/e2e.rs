//! The real binary in a real pseudo-terminal: launch, search, help,
//! compare, one quiz answer, quit; and the terminal restored after a quit,
//! SIGINT, SIGTERM and a panic.
//!
//! Uses `HTTPDEX_E2E_BIN` when set (CI points it at the release build),
//! else the binary cargo built for the tests.
#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const SIZE: (u16, u16) = (120, 40);

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    size: (u16, u16),
    _state: tempfile::TempDir,
}

fn binary() -> String {
    std::env::var("HTTPDEX_E2E_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_httpdex").to_string())
}

/// A pseudo-terminal of (columns, rows).
fn open_pty(size: (u16, u16)) -> portable_pty::PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows: size.1,
            cols: size.0,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty")
}

impl Session {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = open_pty(SIZE);
        let state = tempfile::tempdir().unwrap();
        let mut cmd = CommandBuilder::new(binary());
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HTTPDEX_STATE_DIR", state.path());
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn httpdex");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = output.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Session {
            master: pty.master,
            child,
            writer,
            output,
            size: SIZE,
            _state: state,
        }
    }

    fn screen(&self) -> String {
        let nonzero = |n| std::num::NonZeroU16::new(n).expect("non-zero size");
        let mut parser = vt100::Parser::new(nonzero(self.size.1), nonzero(self.size.0), 0);
        parser.process(&self.output.lock().unwrap());
        parser.screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("{text:?} never appeared; screen:\n{}", self.screen());
    }

    /// Resizes the terminal, as dragging a window's corner does.
    fn resize(&mut self, size: (u16, u16)) {
        self.master
            .resize(PtySize {
                rows: size.1,
                cols: size.0,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.size = size;
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Esc, then a pause: an Esc followed at once by another byte reads
    /// as an Alt chord, as in any terminal.
    fn send_esc(&mut self) {
        self.send("\x1b");
        std::thread::sleep(Duration::from_millis(150));
    }

    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader drain what was written last.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("httpdex did not exit; screen:\n{}", self.screen());
    }

    /// Whether the pty is in canonical (cooked) mode with echo on.
    fn cooked(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("a unix pty");
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: fd is the live master of our pty; termios is plain data.
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut termios) }, 0);
        termios.c_lflag & libc::ICANON != 0 && termios.c_lflag & libc::ECHO != 0
    }

    fn signal(&self, signal: libc::c_int) {
        let pid = self.child.process_id().expect("a pid") as libc::pid_t;
        // SAFETY: sends a signal to the child we spawned.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    /// After exit: every mode the app turned on was turned off again, in
    /// the byte stream it wrote, and the pty is back in cooked mode.
    fn assert_restored(&self) {
        let out = String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned();
        let last = |seq: &str| out.rfind(seq);
        let entered = last("\x1b[?1049h").expect("entered the alternate screen");
        assert!(
            last("\x1b[?1049l").is_some_and(|i| i > entered),
            "alternate screen not left"
        );
        let mouse_on = last("\x1b[?1000h").expect("enabled mouse capture");
        assert!(
            last("\x1b[?1000l").is_some_and(|i| i > mouse_on),
            "mouse capture not disabled"
        );
        assert!(
            last("\x1b[?25h").is_some_and(|i| i > entered),
            "cursor not shown again"
        );
        assert!(self.cooked(), "raw mode is still on");
    }
}

#[test]
fn a_user_session_from_launch_to_quit() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("type to search");
    assert!(!s.cooked(), "raw mode while running");
    s.send("unauth");
    s.wait_for("401 Unauthorized ─");
    s.send("?");
    s.wait_for("Read the code or guide (or pick a code to compare)");
    s.send_esc();
    s.send("\x18"); // Ctrl-x: compare 401 with...
    s.send("forbidden\r");
    s.wait_for("401 Unauthorized vs 403 Forbidden");
    s.send_esc();
    s.send("\x07"); // Ctrl-g: the quiz
    s.wait_for("Quiz · common codes");
    s.send("1");
    s.wait_for("Why:");
    s.send("\x03"); // Ctrl-c
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn the_query_option_types_into_the_search() {
    let mut s = Session::start(&["-q", "teapot"], &[]);
    s.wait_for("418 I'm a teapot (Unused) ─");
    s.send_esc(); // clears the query
    s.send_esc(); // quits
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn every_signal_that_ends_the_app_restores_the_terminal() {
    for (signal, code) in [
        (libc::SIGINT, 130),
        (libc::SIGTERM, 143),
        (libc::SIGQUIT, 131),
        (libc::SIGUSR1, 138),
        (libc::SIGHUP, 129),
    ] {
        let mut s = Session::start(&[], &[]);
        s.wait_for("type to search");
        s.signal(signal);
        assert_eq!(s.wait_exit(), code, "signal {signal}");
        s.assert_restored();
    }
}

#[test]
fn a_panic_restores_the_terminal_and_reports() {
    let mut s = Session::start(&[], &[("HTTPDEX_CRASH_TEST", "1")]);
    s.wait_for("type to search");
    s.send("x");
    assert_ne!(s.wait_exit(), 0);
    s.assert_restored();
    let out = String::from_utf8_lossy(&s.output.lock().unwrap()).into_owned();
    assert!(
        out.contains("httpdex crashed: crash test requested"),
        "{out}"
    );
    assert!(out.contains("The terminal has been restored"));
}

#[test]
fn term_dumb_refuses_the_browser() {
    let mut s = Session::start(&[], &[("TERM", "dumb")]);
    assert_eq!(s.wait_exit(), 2);
    assert!(s.screen().contains("TERM=dumb cannot show the browser"));
}

/// The process state letter from /proc: `T` while stopped.
fn process_state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(") ")
        .next()
        .and_then(|s| s.chars().next())
        .unwrap_or('?')
}

#[test]
fn a_long_paste_is_one_line_in_the_search_and_no_key_is_left_unread() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("type to search");
    let words = "not found\n".repeat(500); // 5 KB, newlines included
    s.send(&format!("\x1b[200~{words}\x1b[201~"));
    s.wait_for("The paste was cut to the search's 128 characters");
    // One Ctrl-C is enough: nothing of the paste is still queued.
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_paste_opener_without_its_closer_holds_no_key() {
    // The closer never comes: after a short silence the text so far is
    // the paste, and the keys after it work.
    let mut s = Session::start(&[], &[]);
    s.wait_for("type to search");
    s.send("\x1b[200~teapot");
    s.wait_for("418 I'm a teapot (Unused) ─");
    s.send("\x7f\x7f\x7f\x7f\x7f\x7fnot found");
    s.wait_for("404 Not Found ─");
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();

    // A Ctrl-C after the silence quits.
    let mut s = Session::start(&[], &[]);
    s.wait_for("type to search");
    s.send("\x1b[200~abc");
    std::thread::sleep(Duration::from_millis(500));
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_resized_terminal_is_redrawn_at_its_new_size() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("type to search");
    s.resize((70, 20));
    let deadline = Instant::now() + Duration::from_secs(15);
    // The footer moves to the new last row.
    while !s
        .screen()
        .lines()
        .nth(19)
        .is_some_and(|l| l.contains("Esc clear/quit"))
    {
        assert!(Instant::now() < deadline, "not redrawn:\n{}", s.screen());
        std::thread::sleep(Duration::from_millis(25));
    }
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_burst_of_keys_is_handled_before_the_app_sleeps() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("type to search");
    s.send(&"\x1b[B".repeat(2000)); // Down, 2,000 times
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_resumes() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("type to search");
    s.send("teapot");
    s.wait_for("418");
    let pid = s.child.process_id().unwrap();
    s.send("\x1a"); // Ctrl-Z
    let deadline = Instant::now() + Duration::from_secs(15);
    while process_state(pid) != 'T' && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(process_state(pid), 'T', "stopped after Ctrl-Z");
    assert!(s.cooked(), "the shell gets a cooked terminal back");
    s.output.lock().unwrap().clear();
    s.signal(libc::SIGCONT);
    s.wait_for("418"); // redrawn whole after resuming
    assert!(!s.cooked(), "raw mode again");
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    assert!(s.cooked());
}

#[test]
fn a_terminal_that_goes_away_ends_the_app() {
    // SIGHUP ignored by the shell, as under `trap "" HUP`: whether the app
    // hears the hangup or only sees its reads fail, it must end, not spin.
    let pty = open_pty((60, 15));
    let state = tempfile::tempdir().unwrap();
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", &format!("trap '' HUP; exec {}", binary())]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HTTPDEX_STATE_DIR", state.path());
    let mut child = pty.slave.spawn_command(cmd).expect("spawn httpdex");
    drop(pty.slave);
    // A small screen's first frame fits in the pty's buffer unread.
    std::thread::sleep(Duration::from_secs(1));
    assert!(
        child.try_wait().unwrap().is_none(),
        "running before the hangup"
    );
    drop(pty.master);
    let deadline = Instant::now() + Duration::from_secs(15);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("httpdex kept running after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn one_shot_output_on_a_dumb_terminal_has_no_colour() {
    let mut s = Session::start(&["show", "404"], &[("TERM", "dumb")]);
    assert_eq!(s.wait_exit(), 0);
    let out = String::from_utf8_lossy(&s.output.lock().unwrap()).into_owned();
    assert!(out.contains("404 Not Found"), "{out}");
    assert!(
        !out.contains('\x1b'),
        "escape sequences on TERM=dumb: {out:?}"
    );
}

#[test]
fn a_copy_on_a_silent_display_falls_back_and_the_app_stays_responsive() {
    let Some((_listener, display)) = crate::clipboard::silent_display() else {
        println!("notice: no free X socket name; skipping");
        return;
    };
    let _cleanup = crate::clipboard::RemoveSocket(format!("/tmp/.X11-unix/X{}", &display[1..]));
    let mut s = Session::start(&[], &[("DISPLAY", &display)]);
    s.wait_for("type to search");
    s.send("401\t");
    s.wait_for(" stack "); // the detail pane has the keys
    s.send("y");
    // The UI answers while the copy waits on the display.
    s.send("j");
    s.wait_for("Copied Express snippet for 401 (through the terminal, OSC 52)");
    let out = String::from_utf8_lossy(&s.output.lock().unwrap()).into_owned();
    assert!(out.contains("\x1b]52;c;"), "the OSC 52 sequence was sent");
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_copy_made_in_the_app_survives_its_exit_on_x11() {
    use crate::clipboard::{have, start_xvfb};
    if !have("Xvfb") || !have("xclip") {
        println!("notice: Xvfb or xclip missing; skipping");
        return;
    }
    let (_server, display) = start_xvfb().expect("Xvfb starts");
    let mut s = Session::start(&[], &[("DISPLAY", &display)]);
    s.wait_for("type to search");
    s.send("405\t");
    s.wait_for(" stack "); // the detail pane has the keys
    s.send("C"); // the curl command
    s.wait_for("Copied the curl command for 405");
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    let pasted = std::process::Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .env("DISPLAY", &display)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&pasted.stdout);
    assert!(text.contains("curl"), "clipboard after exit: {text:?}");
}

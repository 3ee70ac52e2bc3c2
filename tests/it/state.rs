//! The state file: fresh start, corrupt file, read-only directory, two
//! writers at once.

use httpdex_core::quiz::Level;
use httpdex_platform::state::{RoundRecord, Store};

fn record(id: &str, right: bool) -> RoundRecord {
    RoundRecord {
        level: Level::Common,
        results: vec![(id.to_string(), right)],
        seconds: 5,
    }
}

#[test]
fn a_missing_file_starts_fresh_and_a_save_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().join("nested"));
    let loaded = store.load();
    assert_eq!(loaded.warning, None);
    assert_eq!(loaded.state.rounds_played, 0);
    store
        .update(|s| {
            s.record_round(&record("404", true));
        })
        .unwrap();
    let state = store.load().state;
    assert_eq!(state.codes["404"].correct, 1);
    assert_eq!(state.best["common"].score, 1);
}

#[test]
fn a_corrupt_file_is_moved_aside_and_play_starts_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    std::fs::write(store.path(), "{ not json").unwrap();
    let loaded = store.load();
    let warning = loaded.warning.expect("a warning");
    assert!(
        warning.contains("was corrupt") && warning.contains("moved to"),
        "{warning}"
    );
    assert_eq!(warning.lines().count(), 1);
    assert_eq!(loaded.state.rounds_played, 0);
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read_to_string(aside[0].path()).unwrap(),
        "{ not json"
    );
    store
        .update(|s| {
            s.record_round(&record("500", false));
        })
        .unwrap();
    assert_eq!(store.load().state.rounds_played, 1);
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_is_an_error_not_a_crash() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    store
        .update(|s| {
            s.record_round(&record("404", true));
        })
        .unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.path().join("probe");
    let writable = std::fs::write(&probe, "x").is_ok(); // root ignores permissions
    let result = store.update(|s| {
        s.record_round(&record("404", true));
    });
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    if writable {
        println!("notice: running as root, so a read-only directory is still writable; skipping");
        return;
    }
    let err = result.unwrap_err();
    assert!(err.contains("could not save"), "{err}");
    // The earlier result is intact.
    assert_eq!(store.load().state.rounds_played, 1);
}

#[test]
fn an_unreadable_state_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    // A directory where the file should be: unreadable as a file, cannot
    // be parsed, cannot be replaced by rename.
    std::fs::create_dir(store.path()).unwrap();
    std::fs::write(store.path().join("keep"), "precious").unwrap();
    assert!(store.load().warning.is_some());
    assert!(store.update(|s| s.rounds_played += 1).is_err());
    assert_eq!(
        std::fs::read_to_string(store.path().join("keep")).unwrap(),
        "precious"
    );
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let store = Store::at(&path);
                for i in 0..25 {
                    let id = format!("{}", 400 + (w * 25 + i) % 30);
                    store
                        .update(|s| {
                            s.record_round(&record(&id, i % 2 == 0));
                        })
                        .unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let state = Store::at(&path).load().state;
    assert_eq!(state.rounds_played, 50);
    assert_eq!(state.codes.values().map(|s| s.attempts).sum::<u32>(), 50);
}

#[test]
fn an_unwritable_state_location_is_an_error_even_for_root() {
    // Root ignores permission bits, so the read-only test above skips in
    // CI; a state "directory" below a regular file fails for everyone.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-directory");
    std::fs::write(&file, "x").unwrap();
    let store = Store::at(file.join("httpdex"));
    let loaded = store.load();
    assert_eq!(loaded.state.rounds_played, 0);
    let err = store
        .update(|s| {
            s.record_round(&record("404", true));
        })
        .unwrap_err();
    assert!(err.contains("could not save"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}

#[test]
fn two_corrupt_files_in_the_same_instant_keep_both_copies() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    for text in ["{ first", "{ second"] {
        std::fs::write(store.path(), text).unwrap();
        assert!(store.load().warning.is_some());
    }
    let mut copies: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    copies.sort();
    assert_eq!(copies, ["{ first", "{ second"]);
}

#[test]
fn counters_saturate_and_fields_from_a_newer_version_survive_a_rewrite() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let max = u32::MAX;
    std::fs::write(
        store.path(),
        format!(
            r#"{{"codes": {{"404": {{"attempts": {max}, "correct": {max}}}}},
               "rounds_played": {max}, "achievements": ["first-round"]}}"#
        ),
    )
    .unwrap();
    store
        .update(|s| {
            s.record_round(&record("404", true));
        })
        .unwrap();
    let state = store.load().state;
    assert_eq!(state.codes["404"].attempts, max);
    assert_eq!(state.codes["404"].correct, max);
    assert_eq!(state.rounds_played, max);
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(text.contains("\"achievements\""), "{text}");
    assert!(text.contains("first-round"), "{text}");
}

#[cfg(unix)]
#[test]
fn a_state_file_that_is_not_a_regular_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    // A FIFO would block the reader forever; /dev/zero would never end.
    let fifo = std::ffi::CString::new(store.path().to_str().unwrap()).unwrap();
    // SAFETY: a valid C string naming a path in our temp dir.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let loaded = store.load();
    let warning = loaded.warning.expect("a warning");
    assert!(warning.contains("not a regular file"), "{warning}");
    std::fs::remove_file(store.path()).unwrap();
    std::os::unix::fs::symlink("/dev/zero", store.path()).unwrap();
    let warning = store.load().warning.expect("a warning");
    assert!(warning.contains("not a regular file"), "{warning}");
    // And nothing is written over what is not ours.
    assert!(store.update(|_| {}).is_err());
}

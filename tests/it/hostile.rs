//! What a hostile or broken user file can do, run as a user would: an id
//! carrying shell code, names carrying escape sequences, files that are
//! not files. Nothing reaches a shell or the terminal raw.

use std::path::Path;
use std::process::{Command, Output};

fn httpdex(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_httpdex"))
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("NO_COLOR")
        .env(
            "HTTPDEX_STATE_DIR",
            std::env::temp_dir().join("httpdex-hostile-state"),
        )
        .output()
        .expect("run httpdex")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Raw bytes a terminal would act on: ESC, other C0 but newline and tab,
/// DEL, C1 (U+0080-U+009F) and the bidi overrides.
fn raw_controls(out: &str) -> Vec<char> {
    out.chars()
        .filter(|c| httpdex_core::safe::is_unsafe(*c))
        .collect()
}

#[test]
fn an_id_with_shell_code_is_refused_and_never_runs_from_completions() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("PWNED");
    let data = dir.path().join("codes.json");
    let id = format!("599-$(touch${{IFS}}{})", marker.display());
    let item = serde_json::json!([{ "id": id, "name": "It's \\ \"quoted\"", "summary": "s" }]);
    std::fs::write(&data, item.to_string()).unwrap();
    let o = httpdex(&data, &["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0));
    let err = text(&o.stderr);
    assert!(
        err.contains("codes.json:1:") && err.contains("must be 1 to 64 ASCII"),
        "{err}"
    );
    let script = text(&o.stdout);
    assert!(!script.contains("PWNED"), "the id reached the script");
    // Source the script in a real bash and complete `httpdex show `.
    let has_bash = Command::new("bash").arg("-c").arg("true").status().is_ok();
    if !has_bash {
        println!("notice: no bash; skipping the sourcing half");
        return;
    }
    let script_path = dir.path().join("httpdex.bash");
    std::fs::write(&script_path, &script).unwrap();
    let run = format!(
        "source {}; COMP_WORDS=(httpdex show ''); COMP_CWORD=2; COMP_LINE='httpdex show '; \
         COMP_POINT=13; _httpdex httpdex '' show; echo ${{#COMPREPLY[@]}}",
        script_path.display()
    );
    let o = Command::new("bash").arg("-c").arg(&run).output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let offered: usize = text(&o.stdout).trim().parse().unwrap_or(0);
    assert!(offered > 100, "completion offered {offered} ids");
    assert!(!marker.exists(), "shell code ran while completing");
}

#[test]
fn escape_sequences_in_a_users_file_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("codes.json");
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}\u{9b}31m\u{202e}";
    let items = serde_json::json!([
        { "id": "599-evil", "name": format!("Evil {evil} name"), "summary": format!("sum {evil}"),
          "keywords": ["evil"] },
        { "id": "404", "notes": [{ "source": "team", "text": format!("note {evil}") }] }
    ]);
    std::fs::write(&data, items.to_string()).unwrap();
    for args in [
        &["show", "599-evil"][..],
        &["show", "404"],
        &["show", "599-evil", "--color", "always"],
        &["search", "evil"],
        &["list", "--origin", "custom"],
        &["list", "--markdown"],
        &["compare", "599-evil", "404"],
        &["snippet", "599-evil", "--lang", "express"],
        &["completions", "fish"],
        &["completions", "powershell"],
        &["completions", "elvish"],
        &["completions", "zsh"],
    ] {
        let o = httpdex(&data, args);
        let both = text(&o.stdout) + &text(&o.stderr);
        // Our own colour codes are the only escapes allowed: ESC [ digits m.
        let without_sgr = regex_free_strip_sgr(&both);
        assert_eq!(
            raw_controls(&without_sgr),
            Vec::<char>::new(),
            "{args:?}: {both:?}"
        );
        if !matches!(args[0], "completions" | "snippet") {
            assert!(both.contains("\\x1b"), "{args:?} shows the escape visibly");
        }
    }
    // A path with an escape, echoed in the warning.
    let odd = dir.path().join("odd\u{1b}]0;x\u{7}.json");
    let o = httpdex(&odd, &["show", "404"]);
    assert_eq!(raw_controls(&text(&o.stderr)), Vec::<char>::new());
    // JSON keeps the text, escaped the JSON way.
    let o = httpdex(&data, &["show", "599-evil", "--json"]);
    assert!(raw_controls(&text(&o.stdout)).is_empty());
    assert!(text(&o.stdout).contains("\\u001b"));
}

/// The text with every `ESC [ <digits and ;> m` sequence removed.
fn regex_free_strip_sgr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let len = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[len..].starts_with('m') {
            rest = &after[len + 1..];
        } else {
            out.push('\u{1b}');
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn extension_files_that_are_not_files_or_not_text_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (path, expected) in [
        (Path::new("/dev/zero"), "not a regular file"),
        (Path::new("/dev/full"), "not a regular file"),
        (dir.path(), "not a regular file"),
    ] {
        let o = httpdex(path, &["show", "404"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "falls back to the built-in catalog"
        );
        assert!(
            text(&o.stderr).contains(expected),
            "{path:?}: {}",
            text(&o.stderr)
        );
    }
    #[cfg(unix)]
    {
        let fifo = dir.path().join("fifo.json");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string naming a path in our temp dir.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let o = httpdex(&fifo, &["list"]);
        assert!(
            text(&o.stderr).contains("not a regular file"),
            "{}",
            text(&o.stderr)
        );
    }
    let bad = dir.path().join("latin1.json");
    std::fs::write(&bad, b"[\n  {\"id\": \"599-x\", \"name\": \"caf\xe9\"}\n]").unwrap();
    let o = httpdex(&bad, &["show", "404"]);
    assert!(
        text(&o.stderr).contains("latin1.json:2:31: the file is not valid UTF-8"),
        "{}",
        text(&o.stderr)
    );
    let bom = dir.path().join("bom.json");
    std::fs::write(
        &bom,
        "\u{feff}[{\"id\": \"599-bom\", \"name\": \"Bom\", \"summary\": \"s\"}]",
    )
    .unwrap();
    let o = httpdex(&bom, &["show", "599-bom"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn items_that_cannot_be_applied_are_named_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("codes.json");
    std::fs::write(
        &data,
        r#"[{"id": "404", "name": "Gone Fishing", "summary": "x", "notes": []}]"#,
    )
    .unwrap();
    let err = text(&httpdex(&data, &["show", "404"]).stderr);
    assert!(
        err.contains("entry 404: field `name, summary`: cannot change a built-in code"),
        "{err}"
    );
    std::fs::write(&data, r#"[{"id": "70000", "name": "Big", "summary": "s"}]"#).unwrap();
    let err = text(&httpdex(&data, &["show", "404"]).stderr);
    assert!(err.contains("no three-digit status code"), "{err}");
    assert!(!err.contains("or start the id with it"), "{err}");
}

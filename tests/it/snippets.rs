//! Every snippet of every entry parses in its language: JavaScript as
//! `node --check` compiles it, Python with py_compile, curl commands with
//! `bash -n`; Go, Rust, Ruby, PHP and Java (Spring) too where their tools
//! are installed, and the nginx and Apache snippets pass the servers' own
//! config checks. Only C# is not checked: no compiler for it here.
//!
//! Each language writes all its files first and checks them with one
//! process (bash spawns `bash -n` per file, which is cheap), so the whole
//! suite takes about a second. A missing interpreter skips its check with a
//! notice instead of failing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use httpdex_core::snippets::{Lang, Syntax, snippet};

use crate::catalog;

/// A scratch directory removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("httpdex-snippets-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Writes the snippet of every entry in every stack of `syntax`, one file
/// each (`express-405.js`), and returns the paths.
fn write_all(dir: &Path, syntax: Syntax) -> Vec<PathBuf> {
    let catalog = catalog();
    let mut paths = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|l| l.syntax() == syntax) {
        for entry in catalog.entries() {
            let name: String = entry
                .id
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            let path = dir.join(format!("{}_{name}.{}", lang.slug(), syntax.extension()));
            fs::write(&path, snippet(&catalog, entry, lang).code)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            paths.push(path);
        }
    }
    assert!(!paths.is_empty(), "no stack writes {syntax:?}");
    paths
}

/// Runs a checker, or returns None (with a notice) when it is not installed.
fn run(tool: &str, args: &[&str], files: &[PathBuf]) -> Option<Output> {
    match Command::new(tool).args(args).args(files).output() {
        Ok(output) => Some(output),
        Err(e) => {
            eprintln!("notice: skipping the {tool} syntax check: {e}");
            None
        }
    }
}

/// Fails with the checker's report and the code of each file it names.
fn assert_clean(tool: &str, output: &Output, files: &[PathBuf]) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report = format!("{stdout}{stderr}");
    if output.status.success() && !report.contains("FAIL") {
        return;
    }
    let mut shown = String::new();
    for file in files
        .iter()
        .filter(|f| report.contains(&*f.to_string_lossy()))
        .take(3)
    {
        let code = fs::read_to_string(file).unwrap_or_default();
        shown.push_str(&format!("\n--- {}\n{code}", file.display()));
    }
    panic!("{tool} rejected snippets:\n{report}{shown}");
}

/// Only comments: Go and Rust checkers need at least a package or an item.
fn comment_only(file: &Path, marker: &str) -> bool {
    fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with(marker))
}

/// What `node --check file.js` does, for many files in one process: compile
/// the source as a CommonJS module body without running it.
const NODE_CHECK: &str = r#"
const fs = require('node:fs');
const vm = require('node:vm');
for (const file of process.argv.slice(2)) {
  try {
    vm.compileFunction(fs.readFileSync(file, 'utf8'),
      ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
  } catch (e) {
    console.log(`FAIL ${file}: ${e.message}`);
  }
}
"#;

/// Writes `script` next to the snippets of `syntax` and runs `tool script
/// files...`: one process checks them all.
fn check_with_script(syntax: Syntax, tool: &str, script_name: &str, script: &str) {
    let scratch = Scratch::new(syntax.extension());
    let files = write_all(&scratch.0, syntax);
    let checker = scratch.0.join(script_name);
    fs::write(&checker, script).unwrap();
    let mut args = vec![checker];
    args.extend(files.iter().cloned());
    if let Some(output) = run(tool, &[], &args) {
        assert_clean(tool, &output, &files);
    }
}

#[test]
fn javascript_snippets_pass_node_check() {
    check_with_script(Syntax::JavaScript, "node", "check.cjs", NODE_CHECK);
}

#[test]
fn python_snippets_compile() {
    let scratch = Scratch::new("py");
    let files = write_all(&scratch.0, Syntax::Python);
    if let Some(output) = run("python3", &["-m", "py_compile"], &files) {
        assert_clean("python3 -m py_compile", &output, &files);
    }
}

#[test]
fn curl_snippets_parse_in_bash() {
    let scratch = Scratch::new("sh");
    let files = write_all(&scratch.0, Syntax::Shell);
    let script = r#"for f in "$@"; do bash -n "$f" || echo "FAIL $f"; done"#;
    if let Some(output) = run("bash", &["-c", script, "bash"], &files) {
        assert_clean("bash -n", &output, &files);
    }
}

#[test]
fn go_snippets_parse_where_gofmt_is_installed() {
    let scratch = Scratch::new("go");
    let files: Vec<PathBuf> = write_all(&scratch.0, Syntax::Go)
        .into_iter()
        .filter(|f| !comment_only(f, "//"))
        .collect();
    if let Some(output) = run("gofmt", &["-l", "-e"], &files) {
        assert_clean("gofmt -e", &output, &files);
    }
}

#[test]
fn rust_snippets_parse_where_rustfmt_is_installed() {
    let scratch = Scratch::new("rs");
    let files: Vec<PathBuf> = write_all(&scratch.0, Syntax::Rust)
        .into_iter()
        .filter(|f| !comment_only(f, "//"))
        .collect();
    if let Some(output) = run(
        "rustfmt",
        &["--edition", "2021", "--emit", "stdout"],
        &files,
    ) {
        // Formatted code on stdout is expected; only errors matter.
        let errors = Output {
            stdout: Vec::new(),
            ..output
        };
        assert_clean("rustfmt", &errors, &files);
    }
}

#[test]
fn ruby_snippets_parse_where_ruby_is_installed() {
    let scratch = Scratch::new("rb");
    let files = write_all(&scratch.0, Syntax::Ruby);
    let script = r#"ARGV.each { |f| begin; RubyVM::InstructionSequence.compile(File.read(f), f); rescue SyntaxError => e; puts "FAIL #{f}: #{e.message}"; end }"#;
    if let Some(output) = run("ruby", &["-e", script], &files) {
        assert_clean("ruby", &output, &files);
    }
}

#[test]
fn php_snippets_parse_where_php_is_installed() {
    let scratch = Scratch::new("php");
    let files = write_all(&scratch.0, Syntax::Php);
    let script = r#"foreach (array_slice($argv, 1) as $f) { try { token_get_all(file_get_contents($f), TOKEN_PARSE); } catch (ParseError $e) { echo "FAIL $f: ", $e->getMessage(), "\n"; } }"#;
    if let Some(output) = run("php", &["-r", script, "--"], &files) {
        assert_clean("php", &output, &files);
    }
}

/// One server block per snippet file, in a config the server checks whole.
fn server_blocks(files: &[PathBuf], block: impl Fn(usize, &Path) -> String) -> String {
    files
        .iter()
        .enumerate()
        .map(|(i, file)| block(i, file))
        .collect()
}

#[test]
fn nginx_snippets_pass_nginx_t_where_nginx_is_installed() {
    let scratch = Scratch::new("nginx");
    let files = write_all(&scratch.0, Syntax::Nginx);
    let dir = scratch.0.display();
    let servers = server_blocks(&files, |i, file| {
        format!(
            "  server {{ listen 127.0.0.1:18080; server_name s{i}; include {}; }}\n",
            file.display()
        )
    });
    // Temp paths inside the scratch directory: the compiled-in ones need root.
    let temp_paths: String = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
        .iter()
        .map(|kind| format!("  {kind}_temp_path {dir}/{kind};\n"))
        .collect();
    let conf = scratch.0.join("nginx.conf");
    fs::write(
        &conf,
        format!("pid {dir}/nginx.pid;\nevents {{}}\nhttp {{\n  access_log off;\n{temp_paths}{servers}}}\n"),
    )
    .unwrap();
    let prefix = scratch.0.to_string_lossy();
    let args = ["-t", "-q", "-e", "stderr", "-p", &prefix, "-c"];
    if let Some(output) = run("nginx", &args, &[conf]) {
        assert_clean("nginx -t", &output, &files);
    }
}

/// The modules the Apache snippets use, and where distributions keep them.
const APACHE_MODULES: [&str; 7] = [
    "mpm_event",
    "authz_core",
    "alias",
    "headers",
    "proxy",
    "proxy_http",
    "http2",
];
const APACHE_MODULE_DIRS: [&str; 3] = [
    "/usr/lib/apache2/modules",
    "/usr/lib64/httpd/modules",
    "/usr/lib/httpd/modules",
];

#[test]
fn apache_snippets_pass_apache2_t_where_apache_is_installed() {
    let Some(modules) = APACHE_MODULE_DIRS.iter().find(|d| Path::new(d).is_dir()) else {
        eprintln!("notice: skipping the Apache syntax check: no Apache module directory");
        return;
    };
    let scratch = Scratch::new("apache");
    let files = write_all(&scratch.0, Syntax::Apache);
    let dir = scratch.0.display();
    let load: String = APACHE_MODULES
        .iter()
        .map(|m| format!("LoadModule {m}_module {modules}/mod_{m}.so\n"))
        .collect();
    let hosts = server_blocks(&files, |i, file| {
        format!(
            "<VirtualHost *:18081>\n  ServerName s{i}\n  Include {}\n</VirtualHost>\n",
            file.display()
        )
    });
    let conf = scratch.0.join("httpd.conf");
    fs::write(
        &conf,
        format!(
            "ServerRoot {dir}\nServerName localhost\nPidFile {dir}/httpd.pid\nErrorLog /dev/null\nListen 127.0.0.1:18081\n{load}{hosts}"
        ),
    )
    .unwrap();
    let binary = if Path::new("/usr/sbin/apache2").exists() {
        "apache2"
    } else {
        "httpd"
    };
    if let Some(output) = run(binary, &["-t", "-f"], &[conf]) {
        assert_clean("apache -t", &output, &files);
    }
}

/// Parses each file with the JDK's own compiler, without resolving names:
/// Spring's classes are not on the class path, its syntax is what counts.
const JAVA_PARSE: &str = r#"
import com.sun.source.util.JavacTask;
import java.util.List;
import javax.tools.*;

public class ParseCheck {
    public static void main(String[] files) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, null);
        for (String file : files) {
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            JavacTask task = (JavacTask) compiler.getTask(null, manager, diagnostics,
                List.of("-proc:none"), null, manager.getJavaFileObjects(file));
            task.parse();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    System.out.println("FAIL " + file + ":" + d.getLineNumber() + ": " + d.getMessage(null));
                }
            }
        }
    }
}
"#;

#[test]
fn java_snippets_parse_where_a_jdk_is_installed() {
    // A JRE runs `java` but has no compiler to parse with.
    if Command::new("javac").arg("-version").output().is_err() {
        eprintln!("notice: skipping the Java syntax check: no JDK (javac) found");
        return;
    }
    check_with_script(Syntax::Java, "java", "ParseCheck.java", JAVA_PARSE);
}

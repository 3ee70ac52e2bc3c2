//! Go's net/http, with Go 1.22 method patterns.

use super::honesty::auto_continue;
use super::node::indent;
use super::plan::{Body, Plan};
use super::quote::dq;
use super::{Draft, Lang};

pub(crate) fn net_http(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Go, "net/http"),
        101 => return websocket(),
        ..=199 => return interim(plan),
        _ => {}
    }
    let status = status(plan);
    let mut imports = vec!["net/http"];
    let mut lines = Vec::new();
    let skip: &[&str] = if plan.is_redirect() {
        &["location"]
    } else {
        &[]
    };
    for h in plan.headers_except(skip) {
        lines.push(format!(
            "w.Header().Set({}, {})",
            dq(&h.name),
            dq(&h.value())
        ));
    }
    if plan.code == 304 {
        imports.push("encoding/json");
        lines.push("// 304 only answers a request whose cached copy is still current.".to_string());
        lines.push(format!(
            "if r.Header.Get(\"If-None-Match\") == {} {{",
            dq(&plan.etag())
        ));
        lines.push(format!("\tw.WriteHeader({status})\n\treturn\n}}"));
        lines.push(json_lines(None, "message", "OK"));
    } else if plan.is_redirect() {
        let to = plan.location().unwrap_or_default();
        lines.push(format!("http.Redirect(w, r, {}, {status})", dq(&to)));
    } else {
        match &plan.body {
            Body::Empty => lines.push(format!("w.WriteHeader({status})")),
            Body::Text(text) => {
                imports.push("io");
                lines.push("w.Header().Set(\"Content-Type\", \"text/plain\")".to_string());
                lines.push(format!("w.WriteHeader({status})"));
                lines.push(format!("io.WriteString(w, {})", dq(text)));
            }
            Body::Json { key, text } => {
                imports.push("encoding/json");
                lines.push(json_lines(Some(&status), key, text));
            }
        }
    }
    Draft::sendable(program(&imports, plan, &lines))
}

/// `http.StatusNotFound`, or the number where Go has no constant.
fn status(plan: &Plan) -> String {
    plan.constant("go")
        .map_or_else(|| plan.code.to_string(), str::to_string)
}

fn json_lines(status: Option<&str>, key: &str, text: &str) -> String {
    let mut out = String::from("w.Header().Set(\"Content-Type\", \"application/json\")\n");
    if let Some(s) = status {
        out.push_str(&format!("w.WriteHeader({s})\n"));
    }
    out.push_str(&format!(
        "json.NewEncoder(w).Encode(map[string]string{{{}: {}}})",
        dq(key),
        dq(text)
    ));
    out
}

fn program(imports: &[&str], plan: &Plan, lines: &[String]) -> String {
    let mut sorted = imports.to_vec();
    sorted.sort();
    sorted.dedup();
    let imports = if sorted.len() == 1 {
        format!("import {}", dq(sorted[0]))
    } else {
        let list: Vec<String> = sorted.iter().map(|i| format!("\t{}\n", dq(i))).collect();
        format!("import (\n{})", list.concat())
    };
    let pattern = format!("{} {}", plan.route.method.upper(), plan.route.path);
    format!(
        "package main\n\n{imports}\n\nfunc main() {{\n\
         \thttp.HandleFunc({}, func(w http.ResponseWriter, r *http.Request) {{\n{}\t}})\n\
         \thttp.ListenAndServe(\":8080\", nil)\n}}\n",
        dq(&pattern),
        indent(lines, "\t\t")
    )
}

/// Go 1.19+ writes any 1xx but 101 at once with WriteHeader, headers
/// included, and then still lets the handler send the final response.
fn interim(plan: &Plan) -> Draft {
    let mut lines = Vec::new();
    for h in &plan.headers {
        for v in &h.values {
            lines.push(format!("w.Header().Add({}, {})", dq(&h.name), dq(v)));
        }
    }
    lines.push(format!("w.WriteHeader({}) // sent at once", status(plan)));
    lines.push("// ... the slow work ...".to_string());
    lines.push(json_lines(Some("http.StatusOK"), "message", "OK"));
    let code = program(&["encoding/json", "net/http"], plan, &lines);
    Draft::sendable(code).note(format!(
        "Go 1.19+ sends {} as an interim response and the handler then sends the final one. \
         The headers set before it go out with both.",
        plan.title()
    ))
}

fn websocket() -> Draft {
    Draft::sendable(
        "package main\n\nimport (\n\t\"net/http\"\n\n\t\"github.com/gorilla/websocket\"\n)\n\n\
         var upgrader = websocket.Upgrader{}\n\n\
         func main() {\n\
         \thttp.HandleFunc(\"GET /ws\", func(w http.ResponseWriter, r *http.Request) {\n\
         \t\t// Upgrade answers the handshake with 101 Switching Protocols.\n\
         \t\tconn, err := upgrader.Upgrade(w, r, nil)\n\
         \t\tif err != nil {\n\
         \t\t\treturn // Upgrade has already replied with an error status\n\
         \t\t}\n\
         \t\tdefer conn.Close()\n\
         \t\tconn.WriteMessage(websocket.TextMessage, []byte(\"hello\"))\n\
         \t})\n\
         \thttp.ListenAndServe(\":8080\", nil)\n}\n"
            .to_string(),
    )
    .note("net/http refuses WriteHeader(101); a WebSocket library (gorilla/websocket here) hijacks the connection and writes the 101 itself.")
}

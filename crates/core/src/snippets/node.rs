//! Express and Node.js `http`.

use super::honesty::no_interim;
use super::plan::{Body, Kind, Plan};
use super::quote::sq;
use super::{Draft, Lang};

pub(crate) fn express(plan: &Plan) -> Draft {
    if plan.kind == Kind::Interim {
        return express_interim(plan);
    }
    let r = plan.route;
    let mut lines = Vec::new();
    for h in plan.headers_except(if plan.is_redirect() {
        &["location"]
    } else {
        &[]
    }) {
        lines.push(format!("res.set({}, {});", sq(&h.name), sq(&h.value())));
    }
    if plan.code == 304 {
        lines.extend(not_modified(plan, "req.get('If-None-Match')", |s| {
            format!("res.status({s}).end();")
        }));
        lines.push("res.json({ message: 'OK' });".to_string());
    } else if plan.is_redirect() {
        let to = plan.location().unwrap_or_default();
        lines.push(format!("res.redirect({}, {});", plan.code, sq(&to)));
    } else {
        if !node_knows(plan.code) {
            // Node would send the reason phrase "unknown".
            lines.push(format!("res.statusMessage = {};", sq(&plan.reason)));
        }
        let send = match &plan.body {
            Body::Empty => "end()".to_string(),
            Body::Json { key, text } => format!("json({{ {key}: {} }})", sq(text)),
            Body::Text(text) => format!("type('text/plain').send({})", sq(text)),
        };
        lines.push(format!("res.status({}).{send};", plan.code));
    }
    let route = format!("app.{}({}, (req, res) => {{", r.method.lower(), sq(r.path));
    Draft::sendable(express_app(&route, &lines))
}

fn express_app(route: &str, lines: &[String]) -> String {
    format!(
        "const express = require('express');\n\nconst app = express();\n\n{route}\n{}}});\n\napp.listen(3000);\n",
        indent(lines, "  ")
    )
}

pub(crate) fn node_http(plan: &Plan) -> Draft {
    if plan.kind == Kind::Interim {
        return node_interim(plan);
    }
    let mut lines = Vec::new();
    let mut fields: Vec<(String, String)> = plan
        .headers
        .iter()
        .map(|h| (h.name.clone(), h.value()))
        .collect();
    match &plan.body {
        Body::Json { .. } => fields.push(("Content-Type".into(), "application/json".into())),
        Body::Text(_) => fields.push(("Content-Type".into(), "text/plain".into())),
        Body::Empty => {}
    }
    let status = if node_knows(plan.code) {
        plan.code.to_string()
    } else {
        format!("{}, {}", plan.code, sq(&plan.reason))
    };
    if plan.code == 304 {
        lines.extend(not_modified(plan, "req.headers['if-none-match']", |s| {
            format!("res.writeHead({s}, {});\nres.end();", object(&fields))
        }));
        lines.push(
            "res.writeHead(200, { 'Content-Type': 'application/json' });\n\
             res.end(JSON.stringify({ message: 'OK' }));"
                .to_string(),
        );
    } else {
        lines.push(format!("res.writeHead({status}, {});", object(&fields)));
        lines.push(match &plan.body {
            Body::Empty => "res.end();".to_string(),
            Body::Json { key, text } => {
                format!("res.end(JSON.stringify({{ {key}: {} }}));", sq(text))
            }
            Body::Text(text) => format!("res.end({});", sq(text)),
        });
    }
    Draft::sendable(node_server(&lines, ""))
}

/// A server answering every request with `lines`; `extra` (listeners)
/// goes between the server and `listen`.
fn node_server(lines: &[String], extra: &str) -> String {
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!("\n{extra}")
    };
    format!(
        "const http = require('node:http');\n\nconst server = http.createServer((req, res) => {{\n{}}});\n{extra}\nserver.listen(3000);\n",
        indent(lines, "  ")
    )
}

/// The 304 branch: answer only a request whose cached copy is current.
fn not_modified(plan: &Plan, header: &str, send: impl Fn(&str) -> String) -> Vec<String> {
    vec![
        "// 304 only answers a request whose cached copy is still current.".to_string(),
        format!("if ({header} === {}) {{", sq(&plan.etag())),
        indent(&[send("304"), "return;".to_string()], "  ")
            .trim_end()
            .to_string(),
        "}".to_string(),
    ]
}

fn object(fields: &[(String, String)]) -> String {
    if fields.is_empty() {
        return "{}".to_string();
    }
    let mut out = String::from("{\n");
    for (k, v) in fields {
        out.push_str(&format!("  {}: {},\n", sq(k), sq(v)));
    }
    out.push('}');
    out
}

/// Indents every line of every item (items may hold several lines).
pub(crate) fn indent(lines: &[String], pad: &str) -> String {
    let mut out = String::new();
    for line in lines.iter().flat_map(|l| l.lines()) {
        if !line.is_empty() {
            out.push_str(pad);
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn express_interim(plan: &Plan) -> Draft {
    let hints = early_hints(plan);
    match plan.code {
        100 => Draft::sendable(format!(
            "const http = require('node:http');\nconst express = require('express');\n\n\
             const app = express();\n\
             app.post('/upload', (req, res) => {{\n  res.json({{ message: 'OK' }});\n}});\n\n\
             const server = http.createServer(app);\n{}\
             server.on('checkContinue', (req, res) => {{\n  res.writeContinue();\n  app(req, res);\n}});\n\n\
             server.listen(3000);\n",
            continue_comment()
        ))
        .note(CONTINUE_NOTE),
        101 => Draft::sendable(
            "const http = require('node:http');\nconst express = require('express');\n\
             const { WebSocketServer } = require('ws');\n\n\
             const app = express();\nconst server = http.createServer(app);\n\n\
             // The ws package answers the Upgrade handshake with 101 Switching Protocols.\n\
             const wss = new WebSocketServer({ server, path: '/ws' });\n\
             wss.on('connection', (socket) => {\n  socket.send('hello');\n});\n\n\
             server.listen(3000);\n"
                .to_string(),
        )
        .note("Express never sends 101 itself: the WebSocket library (ws) does the handshake on the underlying server."),
        102 | 103 => {
            let lines = vec![
                format!("// {} goes out at once, before the final response.", plan.title()),
                interim_call(plan.code, &hints),
                "// ... the slow work ...".to_string(),
                "res.json({ message: 'OK' });".to_string(),
            ];
            Draft::sendable(express_app("app.get('/items/42', (req, res) => {", &lines))
                .note(interim_note(plan))
        }
        _ => no_interim(plan, Lang::Express, NO_GENERIC_1XX),
    }
}

fn node_interim(plan: &Plan) -> Draft {
    let hints = early_hints(plan);
    let ok = "res.writeHead(200, { 'Content-Type': 'application/json' });\n\
              res.end(JSON.stringify({ message: 'OK' }));";
    match plan.code {
        100 => {
            let extra = format!(
                "{}server.on('checkContinue', (req, res) => {{\n  res.writeContinue();\n  server.emit('request', req, res);\n}});\n",
                continue_comment()
            );
            Draft::sendable(node_server(&[ok.to_string()], &extra)).note(CONTINUE_NOTE)
        }
        101 => Draft::sendable(format!(
            "const crypto = require('node:crypto');\n{}",
            node_server(
                &["res.writeHead(426, { Upgrade: 'websocket', Connection: 'Upgrade' });\nres.end();".to_string()],
                UPGRADE_HANDLER
            )
        ))
        .note("Node emits 'upgrade' for requests that ask to switch protocols and hands over the raw socket: the 101 is written by hand here, which is what WebSocket libraries such as ws do."),
        102 | 103 => {
            let lines = vec![
                format!("// {} goes out at once, before the final response.", plan.title()),
                interim_call(plan.code, &hints),
                "// ... the slow work ...".to_string(),
                ok.to_string(),
            ];
            Draft::sendable(node_server(&lines, "")).note(interim_note(plan))
        }
        _ => no_interim(plan, Lang::NodeHttp, NO_GENERIC_1XX),
    }
}

const NO_GENERIC_1XX: &str = "Node.js only has writeContinue (100), writeProcessing (102) and \
     writeEarlyHints (103); there is no API for other interim responses.";

const CONTINUE_NOTE: &str = "Node answers `Expect: 100-continue` by itself; a 'checkContinue' \
     listener lets you decide per request (res.writeContinue(), or a 417 to refuse).";

fn continue_comment() -> String {
    "// With this listener Node no longer answers \"Expect: 100-continue\" by itself:\n\
     // send 100 Continue to let the client upload the body (or a 417 to refuse it).\n"
        .to_string()
}

const UPGRADE_HANDLER: &str =
    "// Requests with \"Upgrade: websocket\" arrive here with the raw socket.
server.on('upgrade', (req, socket) => {
  const accept = crypto
    .createHash('sha1')
    .update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11')
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\\r\\n' +
      'Upgrade: websocket\\r\\n' +
      'Connection: Upgrade\\r\\n' +
      `Sec-WebSocket-Accept: ${accept}\\r\\n\\r\\n`,
  );
  // From here on the socket carries WebSocket frames, not HTTP.
});
";

fn interim_call(code: u16, hints: &str) -> String {
    if code == 102 {
        "res.writeProcessing();".to_string()
    } else if hints.len() <= 60 {
        format!("res.writeEarlyHints({{ link: {hints} }});")
    } else {
        format!("res.writeEarlyHints({{\n  link: {hints},\n}});")
    }
}

fn interim_note(plan: &Plan) -> String {
    match plan.code {
        102 => "102 is an interim response: the final response follows on the same request. \
                Most clients ignore 102; it mainly served WebDAV."
            .to_string(),
        _ => "103 is an interim response sent before the final one (Node.js 18.11+). Browsers \
              act on it over HTTP/2 and HTTP/3; keep the same Link headers on the final \
              response for clients that ignore 103."
            .to_string(),
    }
}

/// The Link values for writeEarlyHints, as a JavaScript array.
fn early_hints(plan: &Plan) -> String {
    let values = plan
        .header("Link")
        .map(|h| h.values.clone())
        .unwrap_or_else(|| vec!["</assets/app.css>; rel=preload; as=style".to_string()]);
    let items: Vec<String> = values.iter().map(|v| sq(v)).collect();
    format!("[{}]", items.join(", "))
}

/// Codes in Node's `http.STATUS_CODES`; others get the reason phrase "unknown".
fn node_knows(code: u16) -> bool {
    matches!(code,
        100..=103 | 200..=208 | 226 | 300..=305 | 307 | 308 | 400..=418 | 421..=426
        | 428 | 429 | 431 | 451 | 500..=511)
}

//! Plain PHP and Laravel. Single-quoted strings throughout: double quotes
//! would interpolate `$`.

use super::honesty::{auto_continue, no_interim};
use super::node::indent;
use super::plan::{Body, Header, Plan};
use super::quote::sq;
use super::{Draft, Lang};
use crate::http::Level;

const NO_1XX: &str = "PHP sends one status line per request. Only FrankenPHP can send 103 \
     Early Hints, with headers_send(103); other interim responses are out of reach.";

pub(crate) fn plain(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Php, "the web server in front of PHP"),
        101 => {
            return no_interim(
                plan,
                Lang::Php,
                "PHP behind a web server cannot take over the connection; WebSocket servers \
                 written in PHP (Ratchet, Swoole) run as their own process.",
            );
        }
        ..=199 => return no_interim(plan, Lang::Php, NO_1XX),
        _ => {}
    }
    let mut lines = vec![format!(
        "// {} {}",
        plan.route.method.upper(),
        plan.route.path
    )];
    if plan.code == 304 {
        lines.extend(plan.headers.iter().map(header_call));
        lines.push("// 304 only answers a request whose cached copy is still current.".to_string());
        lines.push(format!(
            "if (($_SERVER['HTTP_IF_NONE_MATCH'] ?? '') === {}) {{\n    http_response_code(304);\n    exit;\n}}",
            sq(&plan.etag())
        ));
        lines.push("header('Content-Type: application/json');".to_string());
        lines.push("echo json_encode(['message' => 'OK']);".to_string());
    } else {
        if plan.location().is_some() {
            lines.push(
                "// Status first: a Location header on its own would turn it into a 302."
                    .to_string(),
            );
        }
        lines.push(format!("http_response_code({});", plan.code));
        lines.extend(plan.headers.iter().map(header_call));
        match &plan.body {
            Body::Empty => {}
            Body::Json { key, text } => {
                lines.push("header('Content-Type: application/json');".to_string());
                lines.push(format!("echo json_encode([{} => {}]);", sq(key), sq(text)));
            }
            Body::Text(text) => {
                lines.push("header('Content-Type: text/plain');".to_string());
                lines.push(format!("echo {};", sq(text)));
            }
        }
    }
    Draft::sendable(format!("<?php\n\n{}", indent(&lines, "")))
}

fn header_call(h: &Header) -> String {
    format!("header({});", sq(&format!("{}: {}", h.name, h.value())))
}

pub(crate) fn laravel(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Laravel, "the web server in front of PHP"),
        101 => {
            return no_interim(
                plan,
                Lang::Laravel,
                "Laravel answers HTTP requests only; WebSockets run on a separate server \
                 (Laravel Reverb), which does the handshake.",
            );
        }
        ..=199 => return no_interim(plan, Lang::Laravel, NO_1XX),
        _ => {}
    }
    let status = plan
        .constant("php")
        .map_or_else(|| plan.code.to_string(), str::to_string);
    let mut uses = vec!["Illuminate\\Support\\Facades\\Route"];
    if status.starts_with("Response::") || plan.code == 304 {
        uses.push("Illuminate\\Http\\Response");
    }
    let skip: &[&str] = if plan.is_redirect() {
        &["location"]
    } else {
        &[]
    };
    let mut headers: Vec<&Header> = plan.headers_except(skip).collect();
    // RFC 9110 section 8.3: content SHOULD come with its type.
    let text_type = Header {
        name: "Content-Type".to_string(),
        level: Level::Should,
        values: vec!["text/plain".to_string()],
        status_rule: false,
    };
    if matches!(plan.body, Body::Text(_)) {
        headers.push(&text_type);
    }
    let array = php_array(&headers);
    // The headers argument, left out when there are none.
    let extra = if headers.is_empty() {
        String::new()
    } else {
        format!(", {array}")
    };
    let mut params = "";
    let body = if plan.code == 304 {
        uses.push("Illuminate\\Http\\Request");
        params = "Request $request";
        format!(
            "$headers = {array};\n\
             // 304 only answers a request whose cached copy is still current.\n\
             if ($request->header('If-None-Match') === {}) {{\n    return response('', {status}, $headers);\n}}\n\
             return response()->json(['message' => 'OK'], Response::HTTP_OK, $headers);",
            sq(&plan.etag())
        )
    } else if plan.is_redirect() {
        let to = plan.location().unwrap_or_default();
        format!("return redirect({}, {status}{extra});", sq(&to))
    } else {
        match &plan.body {
            Body::Empty => format!("return response('', {status}{extra});"),
            Body::Text(text) => format!("return response({}, {status}{extra});", sq(text)),
            Body::Json { key, text } => format!(
                "return response()->json([{} => {}], {status}{extra});",
                sq(key),
                sq(text)
            ),
        }
    };
    uses.sort();
    let uses: String = uses.iter().map(|u| format!("use {u};\n")).collect();
    // routes/web.php runs the CSRF check, which answers unsafe methods 419.
    let file = if plan.route.method.is_unsafe() {
        "routes/api.php (no CSRF check there; the URL gets the /api prefix)"
    } else {
        "routes/web.php"
    };
    let code = format!(
        "<?php\n\n// {file}\n{uses}\nRoute::{}({}, function ({params}) {{\n{}}});\n",
        plan.route.method.lower(),
        sq(plan.route.path),
        indent(&[body], "    ")
    );
    Draft::sendable(code)
}

fn php_array(headers: &[&Header]) -> String {
    if headers.is_empty() {
        return "[]".to_string();
    }
    let items: Vec<String> = headers
        .iter()
        .map(|h| format!("    {} => {},", sq(&h.name), sq(&h.value())))
        .collect();
    format!("[\n{}\n]", items.join("\n"))
}

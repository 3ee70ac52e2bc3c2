//! axum and actix-web. Both use the `http` crate's `StatusCode` constants.

use super::honesty::{auto_continue, no_interim};
use super::node::indent;
use super::plan::{Body, Header, Plan};
use super::quote::dq;
use super::{Draft, Lang};

const NO_1XX_HYPER: &str = "hyper sends 100 Continue itself and has no API for other \
     interim responses.";
const NO_1XX_ACTIX: &str = "actix-http sends 100 Continue itself and has no API for other \
     interim responses.";

pub(crate) fn axum(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Axum, "hyper"),
        101 => return axum_websocket(),
        ..=199 => return no_interim(plan, Lang::Axum, NO_1XX_HYPER),
        _ => {}
    }
    let headers: Vec<&Header> = plan.headers.iter().collect();
    let mut http = vec!["StatusCode"];
    let mut axum = vec![
        "response::IntoResponse".to_string(),
        format!("routing::{}", plan.route.method.lower()),
    ];
    add_header_imports(&headers, &mut http, "HeaderName");
    let json = matches!(plan.body, Body::Json { .. }) || plan.code == 304;
    axum.push(if json { "Json, Router" } else { "Router" }.to_string());
    let array = header_array(&headers, |h| {
        known(h).map_or_else(
            || {
                format!(
                    "HeaderName::from_static({})",
                    dq(&h.name.to_ascii_lowercase())
                )
            },
            |c| format!("header::{c}"),
        )
    });
    let status = status(plan);
    let (params, body) = if plan.code == 304 {
        http.extend(["HeaderMap", "header"]);
        (
            "request_headers: HeaderMap",
            format!(
                "let headers = {array};\n\
                 // 304 only answers a request whose cached copy is still current.\n\
                 let etag = request_headers.get(header::IF_NONE_MATCH);\n\
                 if etag.is_some_and(|v| v == {}) {{\n\
                 \x20   return ({status}, headers).into_response();\n}}\n\
                 (headers, Json(json!({{ \"message\": \"OK\" }}))).into_response()",
                dq(&plan.etag())
            ),
        )
    } else {
        let mut parts = vec![status];
        if !headers.is_empty() {
            parts.push(array);
        }
        match &plan.body {
            Body::Empty => {}
            Body::Json { key, text } => {
                parts.push(format!("Json(json!({{ {}: {} }}))", dq(key), dq(text)))
            }
            Body::Text(text) => parts.push(dq(text)),
        }
        let one_line = format!("({})", parts.join(", "));
        let body = if parts.len() == 1 {
            parts.remove(0)
        } else if one_line.len() <= 66 && !one_line.contains('\n') {
            one_line
        } else {
            format!(
                "(\n{})",
                indent(
                    &parts.iter().map(|p| format!("{p},")).collect::<Vec<_>>(),
                    "    "
                )
            )
        };
        ("", body)
    };
    let code = format!(
        "// Cargo.toml: axum = \"0.8\", tokio = {{ version = \"1\", features = [\"full\"] }}{}\n\
         {}\n{}\n\
         async fn {}({params}) -> impl IntoResponse {{\n{}}}\n\n\
         #[tokio::main]\nasync fn main() {{\n\
         \x20   let app = Router::new().route({}, {}({}));\n\
         \x20   let listener = tokio::net::TcpListener::bind(\"0.0.0.0:3000\").await.unwrap();\n\
         \x20   axum::serve(listener, app).await.unwrap();\n}}\n",
        if json { ", serde_json = \"1\"" } else { "" },
        use_list(
            "axum",
            &[vec![format!("http::{}", braced(&mut http))], axum].concat()
        ),
        if json { "use serde_json::json;\n" } else { "" },
        plan.route.handler,
        indent(&[body], "    "),
        dq(plan.route.path),
        plan.route.method.lower(),
        plan.route.handler,
    );
    Draft::sendable(code)
}

pub(crate) fn actix(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Actix, "actix-http"),
        101 => return actix_websocket(),
        ..=199 => return no_interim(plan, Lang::Actix, NO_1XX_ACTIX),
        _ => {}
    }
    // actix-http writes Connection itself from the response's connection type.
    let headers: Vec<&Header> = plan.headers_except(&["connection"]).collect();
    let mut http = vec!["StatusCode"];
    add_header_imports(&headers, &mut http, "");
    let json = matches!(plan.body, Body::Json { .. }) || plan.code == 304;
    let status = status(plan);
    let mut lines: Vec<String> = Vec::new();
    let inserts: Vec<String> = headers
        .iter()
        .map(|h| {
            let name = known(h).map_or_else(|| dq(&h.name), |c| format!("header::{c}"));
            format!(".insert_header(({name}, {}))", dq(&h.value()))
        })
        .collect();
    let (params, extra) = if plan.code == 304 {
        lines.push("// 304 only answers a request whose cached copy is still current.".to_string());
        lines.push(format!(
            "let fresh = req.headers().get(header::IF_NONE_MATCH).is_some_and(|v| v == {});",
            dq(&plan.etag())
        ));
        lines.push(format!(
            "let mut response = HttpResponse::build(if fresh {{ {status} }} else {{ StatusCode::OK }});"
        ));
        for i in &inserts {
            lines.push(format!("response{i};"));
        }
        lines.push("if fresh {\n    response.finish()\n} else {\n    response.json(json!({ \"message\": \"OK\" }))\n}".to_string());
        ("req: HttpRequest", ", HttpRequest")
    } else {
        let finish = match &plan.body {
            Body::Empty => ".finish()".to_string(),
            Body::Json { key, text } => format!(".json(json!({{ {}: {} }}))", dq(key), dq(text)),
            Body::Text(text) => format!(".content_type(\"text/plain\")\n.body({})", dq(text)),
        };
        let chain: Vec<String> = inserts
            .into_iter()
            .chain(finish.lines().map(str::to_string))
            .collect();
        lines.push(format!(
            "HttpResponse::build({status})\n{}",
            indent(&chain, "    ").trim_end()
        ));
        ("", "")
    };
    if plan.code == 304 {
        http.push("header");
    }
    let code = format!(
        "// Cargo.toml: actix-web = \"4\"{}\n\
         {}\n{}\n\
         #[{}({})]\nasync fn {}({params}) -> impl Responder {{\n{}}}\n\n\
         #[actix_web::main]\nasync fn main() -> std::io::Result<()> {{\n\
         \x20   HttpServer::new(|| App::new().service({}))\n\
         \x20       .bind((\"0.0.0.0\", 8080))?\n\
         \x20       .run()\n\
         \x20       .await\n}}\n",
        if json { ", serde_json = \"1\"" } else { "" },
        use_list(
            "actix_web",
            &[
                plan.route.method.lower().to_string(),
                format!("http::{}", braced(&mut http)),
                format!("App{extra}, HttpResponse, HttpServer, Responder"),
            ]
        ),
        if json { "use serde_json::json;\n" } else { "" },
        plan.route.method.lower(),
        dq(plan.route.path),
        plan.route.handler,
        indent(&lines, "    "),
        plan.route.handler,
    );
    Draft::sendable(code)
}

/// `use krate::{a, b};` on one line when it fits, else one group per line.
fn use_list(krate: &str, groups: &[String]) -> String {
    let one = format!("use {krate}::{{{}}};", groups.join(", "));
    // rustfmt breaks nested groups over lines too.
    if one.len() <= 100 && !groups.iter().any(|g| g.contains('{')) {
        return one;
    }
    format!("use {krate}::{{\n    {},\n}};", groups.join(",\n    "))
}

/// `StatusCode` or `{header, StatusCode}`, sorted as rustfmt would.
fn braced(items: &mut Vec<&str>) -> String {
    items.sort_by_key(|s| {
        (
            s.chars().next().is_some_and(char::is_uppercase),
            s.to_string(),
        )
    });
    items.dedup();
    if items.len() == 1 {
        items[0].to_string()
    } else {
        format!("{{{}}}", items.join(", "))
    }
}

/// `StatusCode::NOT_FOUND`, or a checked conversion where `http` has no constant.
fn status(plan: &Plan) -> String {
    plan.constant("rust").map_or_else(
        || format!("StatusCode::from_u16({}).unwrap()", plan.code),
        str::to_string,
    )
}

/// `header` for the `http` crate's named headers; `other` (if not empty)
/// for the type used to build the rest.
fn add_header_imports(headers: &[&Header], http: &mut Vec<&str>, other: &'static str) {
    if headers.iter().any(|h| known(h).is_some()) {
        http.push("header");
    }
    if !other.is_empty() && headers.iter().any(|h| known(h).is_none()) {
        http.push(other);
    }
}

fn header_array(headers: &[&Header], name: impl Fn(&Header) -> String) -> String {
    let items: Vec<String> = headers
        .iter()
        .map(|h| format!("({}, {})", name(h), dq(&h.value())))
        .collect();
    let one = format!("[{}]", items.join(", "));
    if one.len() <= 70 {
        return one;
    }
    format!(
        "[\n{}]",
        indent(
            &items.iter().map(|i| format!("{i},")).collect::<Vec<_>>(),
            "    "
        )
    )
}

/// The `http::header` constant for a header, where the crate names it.
fn known(h: &Header) -> Option<String> {
    const NAMED: [&str; 22] = [
        "accept",
        "accept-encoding",
        "accept-ranges",
        "allow",
        "cache-control",
        "connection",
        "content-range",
        "etag",
        "expires",
        "last-modified",
        "link",
        "location",
        "proxy-authenticate",
        "retry-after",
        "sec-websocket-accept",
        "strict-transport-security",
        "upgrade",
        "vary",
        "via",
        "warning",
        "www-authenticate",
        "content-location",
    ];
    let lower = h.name.to_ascii_lowercase();
    NAMED
        .contains(&lower.as_str())
        .then(|| lower.replace('-', "_").to_ascii_uppercase())
}

fn axum_websocket() -> Draft {
    Draft::sendable(
        "// Cargo.toml: axum = { version = \"0.8\", features = [\"ws\"] }, tokio = { version = \"1\", features = [\"full\"] }\n\
         use axum::{\n    extract::ws::{Message, WebSocketUpgrade},\n    response::Response,\n    routing::get,\n    Router,\n};\n\n\
         async fn websocket(upgrade: WebSocketUpgrade) -> Response {\n\
         \x20   // Answers the handshake with 101 Switching Protocols, then runs the closure.\n\
         \x20   upgrade.on_upgrade(|mut socket| async move {\n\
         \x20       let _ = socket.send(Message::Text(\"hello\".into())).await;\n\
         \x20   })\n}\n\n\
         #[tokio::main]\nasync fn main() {\n\
         \x20   let app = Router::new().route(\"/ws\", get(websocket));\n\
         \x20   let listener = tokio::net::TcpListener::bind(\"0.0.0.0:3000\").await.unwrap();\n\
         \x20   axum::serve(listener, app).await.unwrap();\n}\n"
            .to_string(),
    )
    .note("A handler cannot return 101 itself; axum's WebSocketUpgrade extractor does the handshake.")
}

fn actix_websocket() -> Draft {
    Draft::sendable(
        "// Cargo.toml: actix-web = \"4\", actix-ws = \"0.3\"\n\
         use actix_web::{get, web, App, Error, HttpRequest, HttpResponse, HttpServer};\n\n\
         #[get(\"/ws\")]\n\
         async fn websocket(req: HttpRequest, body: web::Payload) -> Result<HttpResponse, Error> {\n\
         \x20   // The returned response is the 101 Switching Protocols handshake.\n\
         \x20   let (response, mut session, _messages) = actix_ws::handle(&req, body)?;\n\
         \x20   actix_web::rt::spawn(async move {\n\
         \x20       let _ = session.text(\"hello\").await;\n\
         \x20   });\n\
         \x20   Ok(response)\n}\n\n\
         #[actix_web::main]\nasync fn main() -> std::io::Result<()> {\n\
         \x20   HttpServer::new(|| App::new().service(websocket))\n\
         \x20       .bind((\"0.0.0.0\", 8080))?\n\
         \x20       .run()\n\
         \x20       .await\n}\n"
            .to_string(),
    )
    .note("A handler cannot return 101 itself; the actix-ws crate does the handshake.")
}

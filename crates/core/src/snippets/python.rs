//! Flask, FastAPI and Django. All three take `http.HTTPStatus` members
//! wherever they take a status code.

use super::honesty::{auto_continue, no_interim};
use super::node::indent;
use super::plan::{Body, Header, Plan};
use super::quote::dq;
use super::{Draft, Lang};

/// Hop-by-hop headers: PEP 3333 forbids WSGI applications to set them, and
/// Django's runserver rejects them with an AssertionError.
const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

const WSGI_NO_1XX: &str = "WSGI's start_response sends exactly one status line, so there is \
     no way to send an interim response first.";

pub(crate) fn flask(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Flask, "the WSGI server (Werkzeug, Gunicorn)"),
        101 => return flask_websocket(),
        ..=199 => return no_interim(plan, Lang::Flask, WSGI_NO_1XX),
        _ => {}
    }
    let status = status(plan);
    let mut imports = vec!["Flask"];
    let mut lines = Vec::new();
    let (headers, dropped) = wsgi_headers(plan);
    if plan.code == 304 {
        imports.extend(["Response", "jsonify", "request"]);
        lines.push(format!("headers = {}", dict(&headers)));
        lines.extend(not_modified(
            plan,
            "request.headers.get(\"If-None-Match\")",
            &format!("Response(status={status}, headers=headers)"),
        ));
        lines.push("return jsonify(message=\"OK\"), headers".to_string());
    } else {
        let make = if plan.is_redirect() {
            imports.push("redirect");
            let to = plan.location().unwrap_or_default();
            call("response = redirect", &[dq(&to), format!("code={status}")])
        } else {
            match &plan.body {
                Body::Empty => {
                    imports.push("Response");
                    call("response = Response", &[format!("status={status}")])
                }
                Body::Text(text) => {
                    imports.push("Response");
                    call(
                        "response = Response",
                        &[
                            dq(text),
                            format!("status={status}"),
                            "mimetype=\"text/plain\"".to_string(),
                        ],
                    )
                }
                Body::Json { key, text } => {
                    imports.push("jsonify");
                    call("response = jsonify", &[format!("{key}={}", dq(text))])
                }
            }
        };
        lines.push(make);
        if matches!(plan.body, Body::Json { .. }) && !plan.is_redirect() {
            lines.push(format!("response.status_code = {status}"));
        }
        for h in headers
            .iter()
            .filter(|h| !(plan.is_redirect() && h.is("Location")))
        {
            lines.push(format!(
                "response.headers[{}] = {}",
                dq(&h.name),
                dq(&h.value())
            ));
        }
        lines.push("return response".to_string());
    }
    // isort's order: classes, then functions.
    imports.sort_by_key(|s| (s.starts_with(char::is_lowercase), s.to_ascii_lowercase()));
    let code = format!(
        "{}from flask import {}\n\napp = Flask(__name__)\n\n\n@app.{}({})\ndef {}():\n{}",
        status_import(plan),
        imports.join(", "),
        plan.route.method.lower(),
        dq(plan.route.path),
        plan.route.handler,
        indent(&lines, "    ")
    );
    with_wsgi_note(Draft::sendable(code), &dropped, Lang::Flask)
}

pub(crate) fn fastapi(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::FastApi, "the ASGI server (Uvicorn, Hypercorn)"),
        101 => return fastapi_websocket(),
        ..=199 => {
            return no_interim(
                plan,
                Lang::FastApi,
                "Starlette has no API for interim responses; the ASGI server sends only the final one.",
            );
        }
        _ => {}
    }
    let status = status(plan);
    let headers: Vec<&Header> = plan.headers.iter().collect();
    let mut lines = Vec::new();
    let mut classes = Vec::new();
    let mut params = "";
    if plan.code == 304 {
        classes.extend(["JSONResponse", "Response"]);
        params = "request: Request";
        lines.push(format!("headers = {}", dict(&headers)));
        lines.extend(not_modified(
            plan,
            "request.headers.get(\"if-none-match\")",
            &format!("Response(status_code={status}, headers=headers)"),
        ));
        lines.push("return JSONResponse({\"message\": \"OK\"}, headers=headers)".to_string());
    } else {
        let (class, first) = response_class(plan, &FASTAPI_CLASSES);
        classes.push(class);
        let shown = explicit_headers(plan, &headers);
        let mut args: Vec<String> = first.into_iter().collect();
        args.push(format!("status_code={status}"));
        if !shown.is_empty() {
            args.push(format!("headers={}", dict(&shown)));
        }
        lines.push(call(&format!("return {class}"), &args));
    }
    let fastapi_import = if params.is_empty() {
        "FastAPI"
    } else {
        "FastAPI, Request"
    };
    let code = format!(
        "{}from fastapi import {fastapi_import}\nfrom fastapi.responses import {}\n\napp = FastAPI()\n\n\n@app.{}({})\ndef {}({params}):\n{}",
        status_import(plan),
        classes.join(", "),
        plan.route.method.lower(),
        dq(plan.route.path),
        plan.route.handler,
        indent(&lines, "    ")
    );
    Draft::sendable(code)
}

/// One framework's response classes: redirect, empty, text and JSON.
struct ResponseClasses {
    redirect: &'static str,
    empty: &'static str,
    text: &'static str,
    json: &'static str,
}

const FASTAPI_CLASSES: ResponseClasses = ResponseClasses {
    redirect: "RedirectResponse",
    empty: "Response",
    text: "PlainTextResponse",
    json: "JSONResponse",
};

const DJANGO_CLASSES: ResponseClasses = ResponseClasses {
    redirect: "HttpResponseRedirect",
    empty: "HttpResponse",
    text: "HttpResponse",
    json: "JsonResponse",
};

/// The response class for `plan` and its first argument: the location of
/// a redirect, else the body.
fn response_class(plan: &Plan, classes: &ResponseClasses) -> (&'static str, Option<String>) {
    if plan.is_redirect() {
        return (
            classes.redirect,
            Some(dq(&plan.location().unwrap_or_default())),
        );
    }
    match &plan.body {
        Body::Empty => (classes.empty, None),
        Body::Text(text) => (classes.text, Some(dq(text))),
        Body::Json { key, text } => (classes.json, Some(format!("{{{}: {}}}", dq(key), dq(text)))),
    }
}

/// Headers passed explicitly: a redirect's Location is the constructor's.
fn explicit_headers<'h>(plan: &Plan, headers: &[&'h Header]) -> Vec<&'h Header> {
    headers
        .iter()
        .copied()
        .filter(|h| !(plan.is_redirect() && h.is("Location")))
        .collect()
}

pub(crate) fn django(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Django, "the WSGI or ASGI server"),
        101 => return django_channels(),
        ..=199 => return no_interim(plan, Lang::Django, WSGI_NO_1XX),
        _ => {}
    }
    let status = status(plan);
    let (headers, dropped) = wsgi_headers(plan);
    let mut classes = Vec::new();
    let mut lines = Vec::new();
    // Python's table lacks the code, so Django would say "Unknown Status Code".
    let reason = plan
        .constant("python")
        .is_none()
        .then(|| format!("reason={}", dq(&plan.reason)));
    if plan.code == 304 {
        classes.extend(["HttpResponse", "JsonResponse"]);
        lines.push(format!("headers = {}", dict(&headers)));
        lines.extend(not_modified(
            plan,
            "request.headers.get(\"If-None-Match\")",
            &format!("HttpResponse(status={status}, headers=headers)"),
        ));
        lines.push("return JsonResponse({\"message\": \"OK\"}, headers=headers)".to_string());
    } else {
        let (class, first) = response_class(plan, &DJANGO_CLASSES);
        classes.push(class);
        let shown = explicit_headers(plan, &headers);
        let mut args: Vec<String> = first.into_iter().collect();
        if matches!(plan.body, Body::Text(_)) && !plan.is_redirect() {
            args.push("content_type=\"text/plain\"".to_string());
        }
        args.push(format!("status={status}"));
        args.extend(reason);
        if !shown.is_empty() {
            args.push(format!("headers={}", dict(&shown)));
        }
        lines.push(call(&format!("return {class}"), &args));
    }
    let mut imports = status_import(plan);
    imports.push_str(&format!(
        "from django.http import {}\nfrom django.urls import path\n",
        classes.join(", ")
    ));
    let mut decorator = String::new();
    if plan.route.method.is_unsafe() {
        imports.push_str("from django.views.decorators.csrf import csrf_exempt\n");
        decorator =
            "@csrf_exempt  # an API endpoint: there is no CSRF cookie to check\n".to_string();
    }
    let code = format!(
        "{imports}\n\n{decorator}def {}(request):\n{}\n\nurlpatterns = [path({}, {})]\n",
        plan.route.handler,
        indent(&lines, "    "),
        dq(plan.route.path.trim_start_matches('/')),
        plan.route.handler,
    );
    with_wsgi_note(Draft::sendable(code), &dropped, Lang::Django)
}

/// `HTTPStatus.NOT_FOUND`, or the number where Python has no member.
fn status(plan: &Plan) -> String {
    plan.constant("python")
        .map_or_else(|| plan.code.to_string(), str::to_string)
}

fn status_import(plan: &Plan) -> String {
    if plan.constant("python").is_some() {
        "from http import HTTPStatus\n\n".to_string()
    } else {
        String::new()
    }
}

fn wsgi_headers<'p>(plan: &'p Plan) -> (Vec<&'p Header>, Vec<&'p Header>) {
    plan.headers
        .iter()
        .partition(|h| !HOP_BY_HOP.iter().any(|n| h.is(n)))
}

fn with_wsgi_note(draft: Draft, dropped: &[&Header], lang: Lang) -> Draft {
    if dropped.is_empty() {
        return draft;
    }
    let names: Vec<&str> = dropped.iter().map(|h| h.name.as_str()).collect();
    let runserver = if lang == Lang::Django {
        ", and Django's runserver rejects them"
    } else {
        ""
    };
    draft.note(format!(
        "Left out {}: WSGI (PEP 3333) forbids applications to set hop-by-hop headers{runserver}. \
         Set them in the proxy in front of the app.",
        names.join(", ")
    ))
}

/// A dict literal; one item per line (black's style) when long.
fn dict(headers: &[&Header]) -> String {
    let items: Vec<String> = headers
        .iter()
        .map(|h| format!("{}: {}", dq(&h.name), dq(&h.value())))
        .collect();
    let one = format!("{{{}}}", items.join(", "));
    if one.len() <= 60 {
        return one;
    }
    format!(
        "{{\n{}}}",
        indent(
            &items.iter().map(|i| format!("{i},")).collect::<Vec<_>>(),
            "    "
        )
    )
}

/// A call on one line, or one argument per line (black's style) when long.
fn call(func: &str, args: &[String]) -> String {
    let one = format!("{func}({})", args.join(", "));
    if one.len() <= 84 && !one.contains('\n') {
        return one;
    }
    let lines: Vec<String> = args.iter().map(|a| format!("{a},")).collect();
    format!("{func}(\n{})", indent(&lines, "    "))
}

fn not_modified(plan: &Plan, header: &str, response: &str) -> Vec<String> {
    vec![
        "# 304 only answers a request whose cached copy is still current.".to_string(),
        format!("if {header} == {}:", dq(&plan.etag())),
        format!("    return {response}"),
    ]
}

fn flask_websocket() -> Draft {
    Draft::sendable(
        "from flask import Flask\nfrom flask_sock import Sock\n\napp = Flask(__name__)\nsock = Sock(app)\n\n\n\
         @sock.route(\"/ws\")\ndef websocket(ws):\n\
         \x20   # flask-sock has answered the handshake with 101 Switching Protocols.\n\
         \x20   ws.send(\"hello\")\n"
            .to_string(),
    )
    .note("Flask itself cannot switch protocols; the flask-sock extension does the WebSocket handshake and sends the 101.")
}

fn fastapi_websocket() -> Draft {
    Draft::sendable(
        "from fastapi import FastAPI, WebSocket\n\napp = FastAPI()\n\n\n\
         @app.websocket(\"/ws\")\nasync def websocket(ws: WebSocket):\n\
         \x20   await ws.accept()  # sends 101 Switching Protocols\n\
         \x20   await ws.send_text(\"hello\")\n"
            .to_string(),
    )
    .note("The 101 comes from accepting the WebSocket; plain HTTP routes cannot switch protocols.")
}

fn django_channels() -> Draft {
    Draft::sendable(
        "# consumers.py, routed from asgi.py with channels' URLRouter\n\
         from channels.generic.websocket import WebsocketConsumer\n\
         from django.urls import path\n\n\n\
         class EchoConsumer(WebsocketConsumer):\n\
         \x20   def connect(self):\n\
         \x20       self.accept()  # sends 101 Switching Protocols\n\
         \x20       self.send(text_data=\"hello\")\n\n\n\
         websocket_urlpatterns = [path(\"ws/\", EchoConsumer.as_asgi())]\n"
            .to_string(),
    )
    .note("Django views cannot switch protocols; Django Channels (ASGI) does the WebSocket handshake and sends the 101.")
}

//! Rails (a controller action) and Sinatra.

use super::honesty::{auto_continue, no_interim};
use super::node::indent;
use super::plan::{Body, Method, Plan};
use super::quote::ruby as rq;
use super::{Draft, Lang};

const NO_1XX: &str = "Rack returns one final response; only 103 Early Hints has a side \
     channel (rack.early_hints, offered by Puma started with --early-hints).";

pub(crate) fn rails(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Rails, "Puma"),
        101 => return action_cable(),
        103 => return rails_early_hints(plan),
        ..=199 => return no_interim(plan, Lang::Rails, NO_1XX),
        _ => {}
    }
    // `:method_not_allowed`, or the number where Rack has no symbol.
    let status = plan
        .constant("rails")
        .map_or_else(|| plan.code.to_string(), str::to_string);
    let skip: &[&str] = if plan.is_redirect() {
        &["location"]
    } else {
        &[]
    };
    let mut lines: Vec<String> = plan
        .headers_except(skip)
        .map(|h| format!("response.headers[{}] = {}", rq(&h.name), rq(&h.value())))
        .collect();
    if plan.code == 304 {
        lines.push("# 304 only answers a request whose cached copy is still current.".to_string());
        lines.push(format!(
            "if request.headers[\"If-None-Match\"] == {}\n  head {status}\nelse\n  render json: {{ message: \"OK\" }}\nend",
            rq(&plan.etag())
        ));
    } else if plan.is_redirect() {
        let to = plan.location().unwrap_or_default();
        // Rails 7 refuses redirects to other hosts unless told they are meant.
        let other = if to.starts_with("http://") || to.starts_with("https://") {
            ", allow_other_host: true"
        } else {
            ""
        };
        lines.push(format!("redirect_to {}, status: {status}{other}", rq(&to)));
    } else {
        lines.push(match &plan.body {
            Body::Empty => format!("head {status}"),
            Body::Json { key, text } => {
                format!("render json: {{ {key}: {} }}, status: {status}", rq(text))
            }
            Body::Text(text) => format!("render plain: {}, status: {status}", rq(text)),
        });
    }
    Draft::sendable(controller(plan, &lines))
}

/// An action in an API controller: ActionController::API has no CSRF
/// check, so POST and DELETE examples work as pasted.
fn controller(plan: &Plan, lines: &[String]) -> String {
    let r = plan.route;
    let action = match r.method {
        Method::Get => "show",
        Method::Post => "create",
        Method::Put => "update",
        Method::Delete => "destroy",
    };
    let (class, resource) = if plan.is_redirect() {
        ("RedirectsController", "redirects")
    } else {
        ("ItemsController", "items")
    };
    format!(
        "# config/routes.rb: {} {}, to: \"{resource}#{action}\"\n\
         class {class} < ActionController::API\n  def {action}\n{}  end\nend\n",
        r.method.lower(),
        rq(r.path),
        indent(lines, "    ")
    )
}

fn rails_early_hints(plan: &Plan) -> Draft {
    let lines = vec![
        "# Puma started with --early-hints sends this as a 103 before the response.".to_string(),
        format!("request.send_early_hints(\"Link\" => {})", rq(&links(plan))),
        "render json: { message: \"OK\" }".to_string(),
    ];
    Draft::sendable(controller(plan, &lines)).note(
        "103 is an interim response: it needs a server that supports it (Puma with \
         --early-hints); elsewhere send_early_hints does nothing.",
    )
}

fn action_cable() -> Draft {
    Draft::not_sendable(
        "# config/routes.rb\nRails.application.routes.draw do\n\
         \x20 # Action Cable answers WebSocket handshakes on /cable with 101 Switching Protocols.\n\
         \x20 mount ActionCable.server => \"/cable\"\nend\n"
            .to_string(),
        "A controller action cannot switch protocols; Action Cable, mounted in the routes, \
         does the WebSocket handshake and sends the 101.",
    )
}

pub(crate) fn sinatra(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Sinatra, "the Rack server (Puma)"),
        101 => {
            return no_interim(
                plan,
                Lang::Sinatra,
                "a route returns an HTTP response; a WebSocket library on Rack's socket \
                 hijacking (faye-websocket) does the handshake instead.",
            );
        }
        103 => return sinatra_early_hints(plan),
        ..=199 => return no_interim(plan, Lang::Sinatra, NO_1XX),
        _ => {}
    }
    let code = plan.code;
    let mut lines = Vec::new();
    let skip: &[&str] = match plan.code {
        // Sinatra's etag helper writes the ETag itself.
        304 => &["etag"],
        _ if plan.is_redirect() => &["location"],
        _ => &[],
    };
    let pairs: Vec<String> = plan
        .headers_except(skip)
        .map(|h| format!("{} => {}", rq(&h.name), rq(&h.value())))
        .collect();
    if !pairs.is_empty() {
        lines.push(format!("headers {}", pairs.join(", ")));
    }
    let mut json = false;
    if code == 304 {
        let etag = plan.etag();
        let weak = etag.starts_with("W/");
        let value = etag.trim_start_matches("W/").trim_matches('"').to_string();
        lines.push("# etag answers a matching If-None-Match with 304 and stops here.".to_string());
        lines.push(format!(
            "etag {}{}",
            rq(&value),
            if weak { ", :weak" } else { "" }
        ));
        lines.push("content_type :json".to_string());
        lines.push("JSON.generate(message: \"OK\")".to_string());
        json = true;
    } else if plan.is_redirect() {
        lines.push(format!(
            "redirect {}, {code}",
            rq(&plan.location().unwrap_or_default())
        ));
    } else {
        match &plan.body {
            Body::Empty => lines.push(format!("status {code}")),
            Body::Json { key, text } => {
                json = true;
                lines.push("content_type :json".to_string());
                lines.push(format!("status {code}"));
                lines.push(format!("JSON.generate({key}: {})", rq(text)));
            }
            Body::Text(text) => {
                lines.push("content_type :text".to_string());
                lines.push(format!("status {code}"));
                lines.push(rq(text));
            }
        }
    }
    Draft::sendable(sinatra_app(plan, json, &lines))
}

fn sinatra_app(plan: &Plan, json: bool, lines: &[String]) -> String {
    format!(
        "{}require \"sinatra\"\n\n{} {} do\n{}end\n",
        if json { "require \"json\"\n" } else { "" },
        plan.route.method.lower(),
        rq(plan.route.path),
        indent(lines, "  ")
    )
}

fn sinatra_early_hints(plan: &Plan) -> Draft {
    let lines = vec![
        "# Puma started with --early-hints provides rack.early_hints; elsewhere it is nil."
            .to_string(),
        format!(
            "env[\"rack.early_hints\"]&.call(\"link\" => {})",
            rq(&links(plan))
        ),
        "content_type :json".to_string(),
        "JSON.generate(message: \"OK\")".to_string(),
    ];
    Draft::sendable(sinatra_app(plan, true, &lines)).note(
        "103 is an interim response: Puma started with --early-hints sends it; other Rack \
         servers leave rack.early_hints unset.",
    )
}

fn links(plan: &Plan) -> String {
    plan.header("Link").map_or_else(
        || "</assets/app.css>; rel=preload; as=style".to_string(),
        |h| h.value(),
    )
}

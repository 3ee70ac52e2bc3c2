//! ASP.NET Core minimal APIs (.NET 7+).

use super::honesty::{auto_continue, no_interim};
use super::node::indent;
use super::plan::{Body, Plan};
use super::quote::dq;
use super::{Draft, Lang};

pub(crate) fn minimal_api(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::AspNet, "Kestrel"),
        101 => return websocket(),
        ..=199 => {
            return no_interim(
                plan,
                Lang::AspNet,
                "Kestrel sends 100 Continue itself and has no API for other interim responses.",
            );
        }
        _ => {}
    }
    let status = plan
        .constant("dotnet")
        .map_or_else(|| plan.code.to_string(), str::to_string);
    let mut lines: Vec<String> = plan
        .headers
        .iter()
        .map(|h| {
            format!(
                "context.Response.Headers[{}] = {};",
                dq(&h.name),
                dq(&h.value())
            )
        })
        .collect();
    if plan.code == 304 {
        lines.push("// 304 only answers a request whose cached copy is still current.".to_string());
        lines.push(format!(
            "if (context.Request.Headers.IfNoneMatch == {})\n{{\n    return Results.StatusCode({status});\n}}",
            dq(&plan.etag())
        ));
        lines.push("return Results.Json(new { message = \"OK\" });".to_string());
    } else {
        lines.push(match &plan.body {
            Body::Empty => format!("return Results.StatusCode({status});"),
            Body::Json { key, text } => {
                format!(
                    "return Results.Json(new {{ {key} = {} }}, statusCode: {status});",
                    dq(text)
                )
            }
            Body::Text(text) => {
                format!(
                    "return Results.Text({}, \"text/plain\", statusCode: {status});",
                    dq(text)
                )
            }
        });
    }
    let code = format!(
        "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\n\n\
         app.Map{}({}, (HttpContext context) =>\n{{\n{}}});\n\napp.Run();\n",
        plan.route.method.title(),
        dq(plan.route.path),
        indent(&lines, "    ")
    );
    Draft::sendable(code)
}

fn websocket() -> Draft {
    Draft::sendable(
        "using System.Net.WebSockets;\n\n\
         var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\n\
         app.UseWebSockets();\n\n\
         app.Map(\"/ws\", async (HttpContext context) =>\n{\n\
         \x20   if (!context.WebSockets.IsWebSocketRequest)\n    {\n\
         \x20       context.Response.StatusCode = StatusCodes.Status400BadRequest;\n\
         \x20       return;\n    }\n\
         \x20   // Accepting answers the handshake with 101 Switching Protocols.\n\
         \x20   using var socket = await context.WebSockets.AcceptWebSocketAsync();\n\
         \x20   await socket.SendAsync(\"hello\"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);\n\
         });\n\napp.Run();\n"
            .to_string(),
    )
    .note("An endpoint cannot return 101; accepting the WebSocket (app.UseWebSockets) does the handshake.")
}

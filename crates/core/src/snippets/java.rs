//! Spring Boot (Spring MVC) with `ResponseEntity`.

use super::honesty::{auto_continue, no_interim};
use super::node::indent;
use super::plan::{Body, Plan};
use super::quote::dq;
use super::{Draft, Lang};

pub(crate) fn spring(plan: &Plan) -> Draft {
    match plan.code {
        100 => return auto_continue(plan, Lang::Spring, "the servlet container (Tomcat, Jetty)"),
        101 => return websocket(),
        ..=199 => {
            return no_interim(
                plan,
                Lang::Spring,
                "the Servlet API has no way to send an interim response before the final one.",
            );
        }
        _ => {}
    }
    let mapping = format!("{}Mapping", plan.route.method.title());
    let mut imports = vec![
        "org.springframework.http.ResponseEntity".to_string(),
        format!("org.springframework.web.bind.annotation.{mapping}"),
        "org.springframework.web.bind.annotation.RestController".to_string(),
    ];
    let status = match plan.constant("spring") {
        Some(c) => {
            imports.push("org.springframework.http.HttpStatus".to_string());
            c.to_string()
        }
        None => plan.code.to_string(),
    };
    let skip: &[&str] = if plan.is_redirect() {
        &["location"]
    } else {
        &[]
    };
    let mut chain: Vec<String> = plan
        .headers_except(skip)
        .map(|h| format!(".header({}, {})", dq(&h.name), dq(&h.value())))
        .collect();
    if plan.is_redirect() {
        imports.push("java.net.URI".to_string());
        chain.insert(
            0,
            format!(
                ".location(URI.create({}))",
                dq(&plan.location().unwrap_or_default())
            ),
        );
    }
    let (ty, params, body) = if plan.code == 304 {
        imports.push("java.util.Map".to_string());
        imports.push("org.springframework.web.bind.annotation.RequestHeader".to_string());
        let mut ok = vec!["ResponseEntity.ok()".to_string()];
        ok.extend(chain.iter().map(|c| format!("        {c}")));
        ok.push("        .body(Map.of(\"message\", \"OK\"));".to_string());
        let mut not_modified = vec![format!("ResponseEntity.status({status})")];
        not_modified.extend(chain.iter().map(|c| format!("        {c}")));
        not_modified.push("        .build();".to_string());
        (
            "Map<String, String>",
            "\n            @RequestHeader(value = \"If-None-Match\", required = false) String ifNoneMatch",
            format!(
                "// 304 only answers a request whose cached copy is still current.\n\
                 if ({}.equals(ifNoneMatch)) {{\n    return {}\n}}\nreturn {}",
                dq(&plan.etag()),
                not_modified
                    .join("\n")
                    .replace("\n        ", "\n            "),
                ok.join("\n")
            ),
        )
    } else {
        let (ty, last) = match &plan.body {
            Body::Empty => ("Void", ".build();".to_string()),
            Body::Json { key, text } => {
                imports.push("java.util.Map".to_string());
                (
                    "Map<String, String>",
                    format!(".body(Map.of({}, {}));", dq(key), dq(text)),
                )
            }
            Body::Text(text) => {
                imports.push("org.springframework.http.MediaType".to_string());
                chain.push(".contentType(MediaType.TEXT_PLAIN)".to_string());
                ("String", format!(".body({});", dq(text)))
            }
        };
        chain.push(last);
        let lines: Vec<String> = chain.iter().map(|c| format!("        {c}")).collect();
        (
            ty,
            "",
            format!(
                "return ResponseEntity.status({status})\n{}",
                lines.join("\n")
            ),
        )
    };
    imports.sort_by_key(|i| (!i.starts_with("java."), i.clone()));
    imports.dedup();
    let mut import_block = String::new();
    for (i, import) in imports.iter().enumerate() {
        if i > 0 && import.starts_with("org.") && imports[i - 1].starts_with("java.") {
            import_block.push('\n');
        }
        import_block.push_str(&format!("import {import};\n"));
    }
    let code = format!(
        "{import_block}\n@RestController\npublic class ItemController {{\n\n\
         \x20   @{mapping}({})\n\
         \x20   public ResponseEntity<{ty}> {}({params}) {{\n{}    }}\n}}\n",
        dq(plan.route.path),
        plan.route.camel(),
        indent(&[body], "        "),
    );
    Draft::sendable(code)
}

fn websocket() -> Draft {
    Draft::sendable(
        "import org.springframework.context.annotation.Configuration;\n\
         import org.springframework.web.socket.config.annotation.EnableWebSocket;\n\
         import org.springframework.web.socket.config.annotation.WebSocketConfigurer;\n\
         import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;\n\
         import org.springframework.web.socket.handler.TextWebSocketHandler;\n\n\
         // Spring's WebSocket support answers handshakes on /ws with 101 Switching Protocols.\n\
         @Configuration\n@EnableWebSocket\n\
         public class WebSocketConfig implements WebSocketConfigurer {\n\n\
         \x20   @Override\n\
         \x20   public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {\n\
         \x20       registry.addHandler(new TextWebSocketHandler(), \"/ws\");\n\
         \x20   }\n}\n"
            .to_string(),
    )
    .note("A controller cannot return 101; Spring's WebSocket support (spring-boot-starter-websocket) does the handshake.")
}

//! Copy-ready code that returns a given status code, in seventeen stacks.
//!
//! Each stack has one template, filled from the entry: the status (the
//! stack's named constant where it has one), the headers the code requires
//! or recommends (values taken from the entry's example response where it
//! shows them), and a body unless the code forbids one.
//!
//! Some codes cannot honestly be produced from application code: 1xx
//! interim responses are mostly handled by the server, Cloudflare and AWS
//! ELB codes come from their edge, nginx's 444 and 49x never reach the wire.
//! For those the snippet says so (`note`), shows the configuration that
//! produces the code where one exists, and sets `sendable` to false rather
//! than printing code that would mislead.

mod apache;
mod curl;
mod dotnet;
mod go;
mod honesty;
mod java;
mod nginx;
mod node;
mod php;
mod plan;
mod python;
mod quote;
mod ruby;
mod rust;
#[cfg(test)]
mod tests;

use httpdex_catalog::{Catalog, Entry, Origin, Status};
use plan::{Kind, Plan};

/// A stack that a snippet is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Express,
    NodeHttp,
    Flask,
    FastApi,
    Django,
    Go,
    Axum,
    Actix,
    Spring,
    AspNet,
    Php,
    Laravel,
    Rails,
    Sinatra,
    Nginx,
    Apache,
    Curl,
}

impl Lang {
    pub const ALL: [Lang; 17] = [
        Lang::Express,
        Lang::NodeHttp,
        Lang::Flask,
        Lang::FastApi,
        Lang::Django,
        Lang::Go,
        Lang::Axum,
        Lang::Actix,
        Lang::Spring,
        Lang::AspNet,
        Lang::Php,
        Lang::Laravel,
        Lang::Rails,
        Lang::Sinatra,
        Lang::Nginx,
        Lang::Apache,
        Lang::Curl,
    ];

    /// The identifier used on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            Lang::Express => "express",
            Lang::NodeHttp => "node",
            Lang::Flask => "flask",
            Lang::FastApi => "fastapi",
            Lang::Django => "django",
            Lang::Go => "go",
            Lang::Axum => "axum",
            Lang::Actix => "actix",
            Lang::Spring => "spring",
            Lang::AspNet => "aspnet",
            Lang::Php => "php",
            Lang::Laravel => "laravel",
            Lang::Rails => "rails",
            Lang::Sinatra => "sinatra",
            Lang::Nginx => "nginx",
            Lang::Apache => "apache",
            Lang::Curl => "curl",
        }
    }

    /// Human label for tabs and headings.
    pub fn label(self) -> &'static str {
        match self {
            Lang::Express => "Express",
            Lang::NodeHttp => "Node.js http",
            Lang::Flask => "Flask",
            Lang::FastApi => "FastAPI",
            Lang::Django => "Django",
            Lang::Go => "Go net/http",
            Lang::Axum => "axum",
            Lang::Actix => "actix-web",
            Lang::Spring => "Spring Boot",
            Lang::AspNet => "ASP.NET Core",
            Lang::Php => "PHP",
            Lang::Laravel => "Laravel",
            Lang::Rails => "Rails",
            Lang::Sinatra => "Sinatra",
            Lang::Nginx => "nginx",
            Lang::Apache => "Apache",
            Lang::Curl => "curl",
        }
    }

    /// Parses a slug, a label or an unambiguous alias, ignoring case.
    /// Language names that cover two stacks here ("python", "rust", "ruby",
    /// "js") are refused rather than guessed.
    pub fn from_slug(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if let Some(lang) = Lang::ALL
            .into_iter()
            .find(|l| l.slug() == s || l.label().eq_ignore_ascii_case(&s))
        {
            return Some(lang);
        }
        let lang = match s.as_str() {
            "expressjs" | "express.js" => Lang::Express,
            "nodejs" | "node.js" | "node-http" | "http.createserver" => Lang::NodeHttp,
            "golang" | "net/http" => Lang::Go,
            "actix-web" | "actix_web" => Lang::Actix,
            "spring-boot" | "springboot" | "spring boot" | "java" => Lang::Spring,
            "asp.net" | "aspnetcore" | "asp.net core" | "csharp" | "c#" | "dotnet" | ".net" => {
                Lang::AspNet
            }
            "rubyonrails" | "ruby-on-rails" | "ror" => Lang::Rails,
            "httpd" | "apache2" => Lang::Apache,
            _ => return None,
        };
        Some(lang)
    }

    /// The language the snippet is written in.
    pub fn syntax(self) -> Syntax {
        match self {
            Lang::Express | Lang::NodeHttp => Syntax::JavaScript,
            Lang::Flask | Lang::FastApi | Lang::Django => Syntax::Python,
            Lang::Go => Syntax::Go,
            Lang::Axum | Lang::Actix => Syntax::Rust,
            Lang::Spring => Syntax::Java,
            Lang::AspNet => Syntax::CSharp,
            Lang::Php | Lang::Laravel => Syntax::Php,
            Lang::Rails | Lang::Sinatra => Syntax::Ruby,
            Lang::Nginx => Syntax::Nginx,
            Lang::Apache => Syntax::Apache,
            Lang::Curl => Syntax::Shell,
        }
    }
}

/// The language of a snippet's code, for syntax checks and highlighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Syntax {
    JavaScript,
    Python,
    Go,
    Rust,
    Java,
    CSharp,
    Php,
    Ruby,
    Nginx,
    Apache,
    Shell,
}

impl Syntax {
    /// A file extension for saving the code.
    pub fn extension(self) -> &'static str {
        match self {
            Syntax::JavaScript => "js",
            Syntax::Python => "py",
            Syntax::Go => "go",
            Syntax::Rust => "rs",
            Syntax::Java => "java",
            Syntax::CSharp => "cs",
            Syntax::Php => "php",
            Syntax::Ruby => "rb",
            Syntax::Nginx | Syntax::Apache => "conf",
            Syntax::Shell => "sh",
        }
    }

    /// The line-comment marker.
    fn comment(self) -> &'static str {
        match self {
            Syntax::JavaScript
            | Syntax::Go
            | Syntax::Rust
            | Syntax::Java
            | Syntax::CSharp
            | Syntax::Php => "//",
            Syntax::Python | Syntax::Ruby | Syntax::Nginx | Syntax::Apache | Syntax::Shell => "#",
        }
    }
}

/// Code for one entry in one stack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub code: String,
    /// Honest remark shown above the code, e.g. why a framework cannot send 1xx.
    pub note: Option<String>,
    /// False when no faithful snippet exists and `code` is only configuration
    /// or a comment explaining why.
    pub sendable: bool,
}

/// Builds the snippet that returns `entry`'s status code in `lang`;
/// `catalog` holds the entry of the status an IIS substatus is sent as.
pub fn snippet(catalog: &Catalog, entry: &Entry, lang: Lang) -> Snippet {
    let plan = Plan::new(entry, catalog.wire_status_entry(entry));
    let draft = match plan.kind {
        _ if lang == Lang::Curl => curl::check(&plan),
        Kind::Edge(edge) => honesty::edge(&plan, lang, edge.name()),
        Kind::NginxInternal if lang == Lang::Nginx => nginx::internal(&plan),
        Kind::NginxInternal => honesty::nginx_internal(&plan, lang),
        Kind::NginxClose if lang == Lang::Nginx => nginx::close(&plan),
        Kind::NginxClose => honesty::nginx_close(&plan, lang),
        Kind::Interim | Kind::Final | Kind::IisSubstatus => template(&plan, lang),
    };
    finish(&plan, lang, draft)
}

/// The stack's own template.
fn template(plan: &Plan, lang: Lang) -> Draft {
    match lang {
        Lang::Express => node::express(plan),
        Lang::NodeHttp => node::node_http(plan),
        Lang::Flask => python::flask(plan),
        Lang::FastApi => python::fastapi(plan),
        Lang::Django => python::django(plan),
        Lang::Go => go::net_http(plan),
        Lang::Axum => rust::axum(plan),
        Lang::Actix => rust::actix(plan),
        Lang::Spring => java::spring(plan),
        Lang::AspNet => dotnet::minimal_api(plan),
        Lang::Php => php::plain(plan),
        Lang::Laravel => php::laravel(plan),
        Lang::Rails => ruby::rails(plan),
        Lang::Sinatra => ruby::sinatra(plan),
        Lang::Nginx => nginx::config(plan),
        Lang::Apache => apache::config(plan),
        Lang::Curl => curl::check(plan),
    }
}

/// What a template produces before the notes shared by every stack are added.
pub(crate) struct Draft {
    code: String,
    notes: Vec<String>,
    sendable: bool,
}

impl Draft {
    fn sendable(code: String) -> Draft {
        Draft {
            code,
            notes: Vec::new(),
            sendable: true,
        }
    }

    fn not_sendable(code: String, note: impl Into<String>) -> Draft {
        Draft {
            code,
            notes: vec![note.into()],
            sendable: false,
        }
    }

    fn note(mut self, note: impl Into<String>) -> Draft {
        self.notes.push(note.into());
        self
    }
}

/// Adds the remarks that hold whatever the stack: unregistered or retired
/// codes, IIS substatus codes.
fn finish(plan: &Plan, lang: Lang, draft: Draft) -> Snippet {
    let mut notes = Vec::new();
    let entry = plan.entry;
    if plan.kind == Kind::IisSubstatus {
        notes.push(honesty::iis_note(plan));
    } else if plan.kind == Kind::Final && draft.sendable && lang != Lang::Curl {
        notes.extend(registry_note(entry));
    }
    if plan.code == 206
        && draft.sendable
        && !matches!(lang, Lang::Nginx | Lang::Apache | Lang::Curl)
    {
        notes.push(
            "Send 206 only in answer to a Range request; this returns the bytes the example's \
             Content-Range names. For files, the stack's file-serving helper handles Range for you."
                .to_string(),
        );
    }
    notes.extend(draft.notes);
    Snippet {
        code: draft.code,
        note: (!notes.is_empty()).then(|| notes.join("\n")),
        sendable: draft.sendable,
    }
}

/// Why clients may not understand the code, for codes outside the registry
/// or retired from it.
fn registry_note(entry: &Entry) -> Option<String> {
    let code = entry.code;
    let fallback = code / 100 * 100;
    match (entry.origin, entry.status) {
        (Origin::Iana, Status::Unused) if code == 418 => Some(
            "418 is reserved by IANA (a 1998 April Fools' joke): fine for an easter egg, \
             not for real errors."
                .to_string(),
        ),
        (Origin::Iana, Status::Unused) => Some(format!(
            "IANA lists {code} as unused: no client gives it a meaning, and most treat it as {fallback}."
        )),
        (Origin::Iana, Status::Obsoleted) => Some(format!(
            "IANA lists {code} as obsoleted: send it only to clients that still expect it."
        )),
        (Origin::Iana, _) => None,
        _ => Some(format!(
            "{code} is not registered with IANA: only clients of {} know it; \
             others treat it as {fallback}.",
            vendor_of(entry)
        )),
    }
}

fn vendor_of(entry: &Entry) -> &str {
    if entry.vendor.is_empty() {
        entry.origin.label()
    } else {
        &entry.vendor
    }
}

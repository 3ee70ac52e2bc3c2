//! Pages in a vendor's voice (IIS's detailed error page), the index, and
//! the explanations for codes the playground cannot send as themselves.

use httpdex_catalog::Entry;

use crate::body::escape_html;

/// IIS's detailed error page (what IIS shows a local client), naming the
/// substatus, which never reaches the status line.
pub(crate) fn iis(entry: &Entry, reason: &str) -> String {
    let code = entry.display_code();
    let title = format!("HTTP Error {code} - {}", escape_html(reason));
    let mut causes = String::new();
    for cause in &entry.causes {
        causes += &format!("<li>{}</li>", escape_html(cause));
    }
    format!(
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n\
<html xmlns=\"http://www.w3.org/1999/xhtml\">\n\
<head><title>IIS 10.0 Detailed Error - {code} - {reason}</title></head>\n\
<body><div id=\"content\"><div class=\"content-container\">\n\
<h3>{title}</h3>\n<h4>{summary}</h4>\n</div>\n\
<div class=\"content-container\"><fieldset><h4>Most likely causes:</h4><ul>{causes}</ul></fieldset></div>\n\
<div class=\"content-container\"><fieldset><h4>Detailed Error Information:</h4>\n\
<table><tr><th>Module</th><td>IIS Web Core</td></tr><tr><th>Error Code</th><td>{code}</td></tr></table>\n\
</fieldset></div></div></body></html>\n",
        reason = escape_html(reason),
        summary = escape_html(&entry.summary),
    )
}

/// Why a 101 is not demonstrated: it hands the connection to another
/// protocol, which the playground does not speak.
pub(crate) const SWITCHING: &str = "101 Switching Protocols hands the connection to the protocol named in Upgrade (a WebSocket, h2c); the playground speaks only HTTP/1.1, so it cannot switch and answers 200 instead. A 1xx is never a final response.";

/// Why nginx's 499 is not sent: nobody is left to receive it.
pub(crate) const CLIENT_CLOSED: &str = "499 is what nginx writes in its log when the client closed the connection before the response; no client ever receives it, so the playground answers 200 with this note. To reproduce one, give your client a timeout shorter than a ?sleep=, e.g. /200?sleep=5000 with a 1 s timeout.";

/// The final response after an interim one.
pub(crate) fn after_interim(code: u16, name: &str) -> String {
    format!(
        "The {code} {name} before this response was the demonstration: a 1xx is an interim response, and the final response follows it on the same request."
    )
}

/// The index page: what the playground answers and how to drive it.
pub(crate) fn index(host: &str) -> String {
    format!(
        "httpdex playground: every HTTP status code, answered exactly right.\n\n\
Codes\n\
  /{{id}}  /status/{{id}}     any method: /404, /503, /401.2-iis, /444-nginx, /522-cloudflare\n\
  /status/200:0.7,503:0.3     weighted random choice\n\
  /random/500-504             uniform choice in a range\n\
  /redirect/3                 a chain of 3 redirects ending at /200\n\
  /redirect-to?url=/404&status=307\n\n\
Controls (query parameters, any code)\n\
  sleep=MS                    wait before the headers\n\
  dribble=MS                  spread the body over MS milliseconds\n\
  abort=before-headers|after-headers|mid-body\n\
  header=Name:Value           add a response header (repeatable)\n\
  body=TEXT                   your own body (or POST one)\n\
  location=URL                the Location of a redirect\n\n\
Bodies follow Accept: application/problem+json, application/json, text/html, text/plain.\n\n\
Try: curl -i http://{host}/401\n"
    )
}

//! A seeded generator of access logs in every format `httpdex logs` reads,
//! with junk lines at known places, and the counts a report must show.
//! Times are written from fixed pieces (one day, 10 October 2024) rather
//! than converted, so the generator shares no code with the reader.

use std::collections::BTreeMap;
use std::fmt::Write;

/// xorshift64*: small, seeded, the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Combined,
    Common,
    VhostCombined,
    VhostCommon,
    W3c,
    Elb,
    Cloudflare,
    Caddy,
    Json,
    /// JSON with its status in `http.response.status_code`.
    JsonNested,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Combined,
        Kind::Common,
        Kind::VhostCombined,
        Kind::VhostCommon,
        Kind::W3c,
        Kind::Elb,
        Kind::Cloudflare,
        Kind::Caddy,
        Kind::Json,
        Kind::JsonNested,
    ];

    /// The `format` the report names.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Combined => "combined",
            Kind::Common => "common",
            Kind::VhostCombined => "vhost-combined",
            Kind::VhostCommon => "vhost-common",
            Kind::W3c => "w3c",
            Kind::Elb => "elb",
            Kind::Cloudflare => "cloudflare",
            Kind::Caddy => "caddy",
            Kind::Json | Kind::JsonNested => "json",
        }
    }

    /// (status, substatus, upstream) choices; upstream 0 is "none".
    fn statuses(self) -> &'static [(u16, Option<u32>, Option<u16>)] {
        match self {
            Kind::W3c => &[
                (200, Some(0), None),
                (200, Some(0), None),
                (304, Some(0), None),
                (401, Some(2), None),
                (401, Some(1), None),
                (401, Some(0), None),
                (403, Some(14), None),
                (404, Some(0), None),
                (404, Some(5), None),
                (500, Some(19), None),
                (503, Some(0), None),
            ],
            Kind::Elb => &[
                (200, None, Some(200)),
                (200, None, Some(200)),
                (301, None, Some(301)),
                (404, None, Some(404)),
                (460, None, Some(0)),
                (463, None, Some(0)),
                (502, None, Some(0)),
                (500, None, Some(500)),
                (504, None, Some(0)),
            ],
            Kind::Cloudflare => &[
                (200, None, Some(200)),
                (200, None, Some(200)),
                (301, None, Some(301)),
                (403, None, Some(0)),
                (404, None, Some(404)),
                (520, None, Some(0)),
                (522, None, Some(0)),
            ],
            Kind::Caddy => &[
                (200, None, None),
                (308, None, None),
                (404, None, None),
                (500, None, None),
            ],
            Kind::Json => &[
                (200, None, None),
                (404, None, None),
                (499, None, None),
                (503, None, None),
            ],
            Kind::JsonNested => &[(200, None, None), (429, None, None)],
            _ => &[
                (200, None, None),
                (200, None, None),
                (200, None, None),
                (301, None, None),
                (304, None, None),
                (404, None, None),
                (418, None, None),
                (429, None, None),
                (444, None, None),
                (477, None, None),
                (499, None, None),
                (502, None, None),
                (504, None, None),
            ],
        }
    }
}

const PATHS: [&str; 5] = [
    "/",
    "/api/users",
    "/api/orders?id=7",
    "/static/app.js",
    "/login",
];
const JUNK: [&str; 5] = [
    "garbage",
    "\u{1}\u{2}\u{3}",
    "{\"broken\":",
    "GET / HTTP/1.1 200",
    "- - [x] \"y\" 20",
];

/// What a report of the generated log must say.
#[derive(Debug, Default, PartialEq)]
pub struct Expected {
    /// Lines of the log (junk included; blank lines and directives not).
    pub lines: u64,
    /// By status as the report shows it (`404`, `401.2`).
    pub statuses: BTreeMap<String, u64>,
    /// By upstream code, 0 for none.
    pub upstream: BTreeMap<u16, u64>,
    /// Line numbers of the junk lines.
    pub unreadable: Vec<u64>,
    /// Error status -> path -> count.
    pub paths: BTreeMap<String, BTreeMap<String, u64>>,
}

/// `records` lines of `kind` (every 37th replaced by junk), seeded.
pub fn generate(kind: Kind, records: usize, seed: u64) -> (Vec<u8>, Expected) {
    let mut rng = Rng::new(seed);
    let mut out = String::new();
    let mut expected = Expected::default();
    let mut number = 0u64;
    if kind == Kind::W3c {
        out += "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: 2024-10-10 00:00:00\r\n";
        out += "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n";
        number = 4;
    }
    for i in 0..records {
        number += 1;
        expected.lines += 1;
        if i % 37 == 5 {
            out += *rng.pick(&JUNK);
            out += "\n";
            expected.unreadable.push(number);
            continue;
        }
        let &(status, sub, upstream) = rng.pick(kind.statuses());
        let path = *rng.pick(&PATHS);
        let t = i as u64 * 3;
        write_line(&mut out, kind, status, sub, upstream, path, t);
        // IIS writes substatus 0 on most lines; only 404.0, 500.0 and
        // 503.0 have entries of their own, so the others show bare.
        let shown = match sub {
            Some(0) if ![404, 500, 503].contains(&status) => format!("{status}"),
            Some(s) => format!("{status}.{s}"),
            None => format!("{status}"),
        };
        if status >= 400 {
            let bare = path.split('?').next().unwrap_or(path).to_string();
            *expected
                .paths
                .entry(shown.clone())
                .or_default()
                .entry(bare)
                .or_default() += 1;
        }
        *expected.statuses.entry(shown).or_default() += 1;
        if let Some(up) = upstream {
            *expected.upstream.entry(up).or_default() += 1;
        }
    }
    (out.into_bytes(), expected)
}

fn write_line(
    out: &mut String,
    kind: Kind,
    status: u16,
    sub: Option<u32>,
    upstream: Option<u16>,
    path: &str,
    t: u64,
) {
    let (h, m, s) = (t / 3600 % 24, t / 60 % 60, t % 60);
    let clf = format!("[10/Oct/2024:{h:02}:{m:02}:{s:02} +0000]");
    let iso = format!("2024-10-10T{h:02}:{m:02}:{s:02}Z");
    let epoch = 1_728_518_400 + t;
    let up = upstream.map_or("-".to_string(), |u| {
        if u == 0 { "-".into() } else { u.to_string() }
    });
    let _ = match kind {
        Kind::Combined => writeln!(
            out,
            "10.0.0.1 - - {clf} \"GET {path} HTTP/1.1\" {status} 512 \"-\" \"curl/8\""
        ),
        Kind::Common => writeln!(
            out,
            "10.0.0.1 - bob {clf} \"GET {path} HTTP/1.1\" {status} 512"
        ),
        Kind::VhostCombined => writeln!(
            out,
            "www.example.com:443 10.0.0.1 - - {clf} \"POST {path} HTTP/2.0\" {status} 0 \"https://x/\" \"Mozilla/5.0 (X11)\""
        ),
        Kind::VhostCommon => writeln!(
            out,
            "www.example.com 10.0.0.1 - - {clf} \"GET {path} HTTP/1.0\" {status} -"
        ),
        Kind::W3c => {
            let stem = path.split('?').next().unwrap_or(path);
            let sub = sub.unwrap_or(0);
            write!(
                out,
                "2024-10-10 {h:02}:{m:02}:{s:02} 10.0.0.1 GET {stem} - 443 - 10.0.0.9 Mozilla/5.0+(Windows) - {status} {sub} 0 15\r\n"
            )
        }
        Kind::Elb if t.is_multiple_of(2) => writeln!(
            out,
            "h2 {iso} app/lb/50dc 1.2.3.4:2817 10.0.0.1:80 0.000 0.001 0.000 {status} {up} 34 366 \"GET https://www.example.com:443{path} HTTP/2.0\" \"curl/8\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:tg \"Root=1-58\" \"www.example.com\" \"arn:cert\" 0 {iso} \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"{up}\" \"-\" \"-\""
        ),
        Kind::Elb => writeln!(
            out,
            "{iso} my-lb 1.2.3.4:2817 10.0.0.1:80 0.000073 0.001048 0.000057 {status} {up} 0 29 \"GET http://www.example.com:80{path} HTTP/1.1\" \"curl/8\" - -"
        ),
        Kind::Cloudflare => {
            let origin = upstream.unwrap_or(0);
            writeln!(
                out,
                "{{\"ClientIP\":\"1.2.3.4\",\"ClientRequestHost\":\"example.com\",\"ClientRequestMethod\":\"GET\",\"ClientRequestURI\":\"{path}\",\"EdgeEndTimestamp\":{epoch}000000100,\"EdgeResponseStatus\":{status},\"EdgeStartTimestamp\":{epoch}000000000,\"OriginResponseStatus\":{origin},\"RayID\":\"7d\"}}"
            )
        }
        Kind::Caddy => writeln!(
            out,
            "{{\"level\":\"info\",\"ts\":{epoch}.25,\"logger\":\"http.log.access.log0\",\"msg\":\"handled request\",\"request\":{{\"remote_ip\":\"127.0.0.1\",\"proto\":\"HTTP/2.0\",\"method\":\"GET\",\"host\":\"x\",\"uri\":\"{path}\",\"headers\":{{\"Accept\":[\"*/*\"]}}}},\"bytes_read\":0,\"duration\":0.001,\"size\":5,\"status\":{status},\"resp_headers\":{{\"Server\":[\"Caddy\"]}}}}"
        ),
        Kind::Json => writeln!(
            out,
            "{{\"time\":\"{iso}\",\"remote_addr\":\"1.2.3.4\",\"request\":\"GET {path} HTTP/1.1\",\"status\":\"{status}\",\"body_bytes_sent\":\"5\"}}"
        ),
        Kind::JsonNested => writeln!(
            out,
            "{{\"@timestamp\":\"{iso}\",\"url\":{{\"path\":\"{path}\"}},\"http\":{{\"request\":{{\"method\":\"GET\"}},\"response\":{{\"status_code\":{status}}}}}}}"
        ),
    };
}

//! JSON lines: Cloudflare's Logpush, Caddy's access log, and any log with a
//! status field (nginx `escape=json`, pino, ECS). Each line is walked once
//! with serde_json, keeping only the fields a spec names and skipping every
//! other value unread; strings without escapes are borrowed from the line.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{Record, Target, When};

/// Which fields hold what, by name, dotted for nested objects
/// (`request.uri`); earlier names win where a line has several.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonSpec {
    paths: Vec<(Field, Vec<String>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Status,
    Upstream,
    Path,
    Time,
}

const FIELDS: [Field; 4] = [Field::Status, Field::Upstream, Field::Path, Field::Time];

/// Status field names tried when `--status-field` names none.
pub const STATUS_NAMES: [&str; 10] = [
    "status",
    "status_code",
    "statusCode",
    "http_status",
    "response_status",
    "sc-status",
    "httpStatus",
    "http.response.status_code",
    "response.status",
    "res.statusCode",
];
const PATH_NAMES: [&str; 10] = [
    "path",
    "uri",
    "request_uri",
    "request_path",
    "url",
    "url.path",
    "request.uri",
    "request",
    "req.url",
    "http.request.uri",
];
const TIME_NAMES: [&str; 9] = [
    "time",
    "timestamp",
    "ts",
    "@timestamp",
    "time_iso8601",
    "time_local",
    "datetime",
    "date",
    "msec",
];

impl JsonSpec {
    fn new(fields: [&[&str]; 4]) -> JsonSpec {
        let paths = FIELDS
            .iter()
            .zip(fields)
            .flat_map(|(&field, names)| {
                names
                    .iter()
                    .map(move |n| (field, n.split('.').map(str::to_string).collect()))
            })
            .take(64) // the walk tracks candidates in a 64-bit mask
            .collect();
        JsonSpec { paths }
    }

    pub fn cloudflare() -> JsonSpec {
        JsonSpec::new([
            &["EdgeResponseStatus"],
            &["OriginResponseStatus"],
            &["ClientRequestPath", "ClientRequestURI"],
            &["EdgeStartTimestamp", "EdgeEndTimestamp"],
        ])
    }

    pub fn caddy() -> JsonSpec {
        JsonSpec::new([&["status"], &[], &["request.uri"], &["ts"]])
    }

    /// The usual names, or only `status_field` for the status when given.
    pub fn generic(status_field: Option<&str>) -> JsonSpec {
        let named;
        let status: &[&str] = match status_field {
            Some(name) => {
                named = [name];
                &named
            }
            None => &STATUS_NAMES,
        };
        JsonSpec::new([status, &[], &PATH_NAMES, &TIME_NAMES])
    }
}

/// A value kept from a line.
#[derive(Debug, Clone, PartialEq)]
enum Scalar<'a> {
    Int(i64),
    Float(f64),
    Str(Cow<'a, str>),
}

/// The best value found so far for each field: (its name's rank, value).
#[derive(Default)]
struct Found<'a> {
    values: [Option<(usize, Scalar<'a>)>; 4],
}

pub(super) fn parse<'a>(spec: &JsonSpec, line: &'a [u8]) -> Option<Record<'a>> {
    let mut found = Found::default();
    let mut de = serde_json::Deserializer::from_slice(line);
    let all = u64::MAX >> (64 - spec.paths.len().max(1));
    let level = Level {
        spec,
        depth: 0,
        mask: all,
        found: &mut found,
    };
    de.deserialize_map(level).ok()?;
    de.end().ok()?;
    let [status, upstream, path, time] = found.values.map(|v| v.map(|(_, s)| s));
    Some(Record {
        status: code(status?)?,
        substatus: None,
        upstream: upstream.and_then(code),
        target: match path {
            Some(Scalar::Str(Cow::Borrowed(s))) => Target::Path(Cow::Borrowed(s.as_bytes())),
            Some(Scalar::Str(Cow::Owned(s))) => Target::Path(Cow::Owned(s.into_bytes())),
            _ => Target::None,
        },
        time: match time {
            Some(Scalar::Int(n)) => When::Epoch(n as f64),
            Some(Scalar::Float(n)) => When::Epoch(n),
            Some(Scalar::Str(Cow::Borrowed(s))) => When::Text(Cow::Borrowed(s.as_bytes())),
            Some(Scalar::Str(Cow::Owned(s))) => When::Text(Cow::Owned(s.into_bytes())),
            None => When::None,
        },
    })
}

/// A status as a number or as text (`200`, `"200"`).
fn code(value: Scalar) -> Option<u16> {
    let n = match value {
        Scalar::Int(n) => n,
        Scalar::Float(f) if f.fract() == 0.0 && f.abs() < 1e4 => f as i64,
        Scalar::Float(_) => return None,
        Scalar::Str(s) => s.trim().parse().ok()?,
    };
    u16::try_from(n).ok().filter(|&n| n <= 999)
}

/// One object of the line, `depth` deep, with the spec's paths that can
/// still match below it in `mask`.
struct Level<'s, 'f, 'a> {
    spec: &'s JsonSpec,
    depth: usize,
    mask: u64,
    found: &'f mut Found<'a>,
}

impl<'de> Visitor<'de> for Level<'_, '_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some((capture, child)) = map.next_key_seed(KeySeed {
            spec: self.spec,
            depth: self.depth,
            mask: self.mask,
        })? {
            if capture.is_none() && child == 0 {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            map.next_value_seed(ValueSeed {
                level: Level {
                    spec: self.spec,
                    depth: self.depth + 1,
                    mask: child,
                    found: &mut *self.found,
                },
                capture,
            })?;
        }
        Ok(())
    }
}

/// Matches a key against the spec: the path it completes (its index) and
/// the paths that continue below it.
struct KeySeed<'s> {
    spec: &'s JsonSpec,
    depth: usize,
    mask: u64,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = (Option<usize>, u64);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed<'_> {
    type Value = (Option<usize>, u64);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        let (mut capture, mut child) = (None, 0);
        for (i, (_, segments)) in self.spec.paths.iter().enumerate() {
            if self.mask & (1 << i) == 0 || segments.get(self.depth).is_none_or(|s| s != key) {
                continue;
            }
            if segments.len() == self.depth + 1 {
                capture = capture.or(Some(i));
            } else {
                child |= 1 << i;
            }
        }
        Ok((capture, child))
    }
}

/// A value that may be kept (a scalar for path `capture`) or walked into
/// (an object holding deeper paths); anything else is skipped.
struct ValueSeed<'s, 'f, 'a> {
    level: Level<'s, 'f, 'a>,
    capture: Option<usize>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> ValueSeed<'_, '_, 'de> {
    fn store(self, value: Scalar<'de>) {
        let Some(rank) = self.capture else { return };
        let field = self.level.spec.paths[rank].0;
        let slot = &mut self.level.found.values[field as usize];
        if slot.as_ref().is_none_or(|(best, _)| rank < *best) {
            *slot = Some((rank, value));
        }
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_i64<E>(self, n: i64) -> Result<(), E> {
        self.store(Scalar::Int(n));
        Ok(())
    }

    fn visit_u64<E>(self, n: u64) -> Result<(), E> {
        self.store(i64::try_from(n).map_or(Scalar::Float(n as f64), Scalar::Int));
        Ok(())
    }

    fn visit_f64<E>(self, n: f64) -> Result<(), E> {
        self.store(Scalar::Float(n));
        Ok(())
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<(), E> {
        self.store(Scalar::Str(Cow::Borrowed(s)));
        Ok(())
    }

    fn visit_str<E>(self, s: &str) -> Result<(), E> {
        self.store(Scalar::Str(Cow::Owned(s.to_string())));
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.level.visit_map(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloudflare_line() {
        let line = br#"{"ClientRequestHost":"example.com","ClientRequestPath":"/api/x","EdgeResponseStatus":522,"OriginResponseStatus":0,"EdgeStartTimestamp":1700000000123456789}"#;
        let r = parse(&JsonSpec::cloudflare(), line).unwrap();
        assert_eq!((r.status, r.upstream), (522, Some(0)));
        assert_eq!(r.target.path(), Some(&b"/api/x"[..]));
        assert_eq!(r.time.seconds(), Some(1_700_000_000));
    }

    #[test]
    fn caddy_line_reads_the_nested_uri() {
        let line = br#"{"level":"info","ts":1646861401.52,"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"127.0.0.1","method":"GET","uri":"/a\/b?c","headers":{"Accept":["*/*"]}},"status":404,"size":0}"#;
        let r = parse(&JsonSpec::caddy(), line).unwrap();
        assert_eq!(r.status, 404);
        assert_eq!(r.target.path(), Some(&b"/a/b"[..]));
        assert_eq!(r.time.seconds(), Some(1_646_861_401));
    }

    #[test]
    fn generic_names_and_a_named_field() {
        let line =
            br#"{"time":"2024-01-02T10:00:00Z","request":"GET /x?y HTTP/1.1","status":"503"}"#;
        let r = parse(&JsonSpec::generic(None), line).unwrap();
        assert_eq!(r.status, 503);
        assert_eq!(r.target.path(), Some(&b"/x"[..]));
        assert_eq!(r.time.seconds(), Some(1_704_189_600));
        let nested = br#"{"http":{"response":{"status_code":429}},"status":"ok"}"#;
        let spec = JsonSpec::generic(Some("http.response.status_code"));
        assert_eq!(parse(&spec, nested).unwrap().status, 429);
        // The usual names: `status` comes first, and "ok" is no status.
        assert_eq!(parse(&JsonSpec::generic(None), nested), None);
    }

    #[test]
    fn broken_or_foreign_lines_are_not_records() {
        let spec = JsonSpec::generic(None);
        for junk in [
            &br#"{"status":200"#[..],
            br#"{"status":200} x"#,
            br#"[1,2]"#,
            br#"{"status":1000}"#,
            br#"{"status":-1}"#,
            br#"{"status":true}"#,
            br#"{"other":200}"#,
            b"not json",
        ] {
            assert_eq!(
                parse(&spec, junk),
                None,
                "{}",
                String::from_utf8_lossy(junk)
            );
        }
        let deep = format!("{}{}", "{\"a\":".repeat(500), "1");
        assert_eq!(parse(&spec, deep.as_bytes()), None);
    }
}

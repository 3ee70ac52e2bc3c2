//! IIS logs in the W3C extended format. Which field is where comes from the
//! `#Fields:` directive, which IIS writes again whenever it restarts, so the
//! layout can change within a file:
//!
//! ```text
//! #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
//! 2024-01-02 13:55:36 10.0.0.1 GET /app/login - 443 - 10.0.0.9 Mozilla/5.0 - 401 2 5 12
//! ```
//!
//! Fields are separated by single spaces (IIS writes a space inside a
//! value as `+`).

use super::{Record, Target, When, status3};
use std::borrow::Cow;

/// Where the fields a report reads sit on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    status: usize,
    substatus: Option<usize>,
    date: Option<usize>,
    time: Option<usize>,
    stem: Option<usize>,
    /// The highest of the indices above: fields after it are not split.
    last: usize,
}

const IIS_DEFAULT: &[u8] = b" date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";

impl Layout {
    /// From the text after `#Fields:`; `None` without an `sc-status` field.
    pub fn from_fields(fields: &[u8]) -> Option<Layout> {
        let names: Vec<&[u8]> = fields
            .split(|c| c.is_ascii_whitespace())
            .filter(|f| !f.is_empty())
            .collect();
        let find = |name: &[u8]| names.iter().position(|n| n.eq_ignore_ascii_case(name));
        let status = find(b"sc-status")?;
        let layout = Layout {
            status,
            substatus: find(b"sc-substatus"),
            date: find(b"date"),
            time: find(b"time"),
            stem: find(b"cs-uri-stem"),
            last: 0,
        };
        let last = [layout.substatus, layout.date, layout.time, layout.stem]
            .into_iter()
            .flatten()
            .fold(status, usize::max);
        Some(Layout { last, ..layout })
    }

    /// IIS's default fields, for a file forced to W3C without a directive.
    pub fn iis_default() -> Layout {
        Layout::from_fields(IIS_DEFAULT).expect("the default layout has sc-status")
    }
}

pub(super) fn parse<'a>(layout: &Layout, line: &'a [u8]) -> Option<Record<'a>> {
    // At most 32 fields are read: no IIS layout puts a needed one later.
    let mut fields: [&[u8]; 32] = [&[]; 32];
    let mut count = 0;
    for field in line.split(|&c| c == b' ').take(layout.last + 1) {
        *fields.get_mut(count)? = field;
        count += 1;
    }
    if count <= layout.last {
        return None;
    }
    let status = status3(fields[layout.status])?;
    let substatus = match layout.substatus.map(|i| fields[i]) {
        None | Some(b"-") => None,
        Some(sub) => Some(std::str::from_utf8(sub).ok()?.parse().ok()?),
    };
    let time = match (layout.date, layout.time) {
        (Some(d), Some(t)) => When::DateTime(fields[d], fields[t]),
        _ => When::None,
    };
    let target = match layout.stem.map(|i| fields[i]) {
        Some(stem) => Target::Path(Cow::Borrowed(stem)),
        None => Target::None,
    };
    Some(Record {
        status,
        substatus,
        upstream: None,
        target,
        time,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_iis_line_with_substatus() {
        let line = b"2024-01-02 13:55:36 10.0.0.1 GET /app/login - 443 - 10.0.0.9 Mozilla/5.0 - 401 2 5 12";
        let r = parse(&Layout::iis_default(), line).unwrap();
        assert_eq!((r.status, r.substatus), (401, Some(2)));
        assert_eq!(r.target.path(), Some(&b"/app/login"[..]));
        assert_eq!(r.time.seconds(), Some(1_704_203_736));
    }

    #[test]
    fn layout_from_a_short_directive() {
        let layout = Layout::from_fields(b" time cs-uri-stem sc-status").unwrap();
        let r = parse(&layout, b"13:55:36 /x 503").unwrap();
        assert_eq!((r.status, r.substatus, r.time), (503, None, When::None));
        assert_eq!(Layout::from_fields(b" date time cs-uri-stem"), None);
    }

    #[test]
    fn short_or_broken_lines_are_not_records() {
        let layout = Layout::iis_default();
        assert_eq!(parse(&layout, b"2024-01-02 13:55:36 10.0.0.1 GET"), None);
        let bad_sub = b"2024-01-02 13:55:36 10.0.0.1 GET /a - 443 - 10.0.0.9 ua - 401 x 5 12";
        assert_eq!(parse(&layout, bad_sub), None);
        let far = Layout::from_fields(
            &[&b" x"[..]; 40]
                .concat()
                .iter()
                .chain(b" sc-status")
                .copied()
                .collect::<Vec<u8>>(),
        );
        assert!(far.is_some());
        assert_eq!(parse(&far.unwrap(), &[b'1'; 100]), None);
    }
}

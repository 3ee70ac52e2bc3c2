//! Timestamps as logs write them, to seconds since the Unix epoch (UTC).
//! Hand-written because the formats are fixed and a parse runs for every
//! line: nginx's `10/Oct/2000:13:55:36 -0700` is read at fixed offsets, and
//! a calendar library would cost more than the rest of the line's work.
//! Only what a report needs is parsed: whole seconds, no leap seconds.

/// Seconds since 1970-01-01T00:00:00Z.
pub type Seconds = i64;

/// nginx's and Apache's `%t`: `10/Oct/2000:13:55:36 -0700` (the brackets
/// already removed). The offset may be missing (UTC then).
pub fn clf(b: &[u8]) -> Option<Seconds> {
    if b.len() < 20 || b[2] != b'/' || b[6] != b'/' || b[11] != b':' {
        return None;
    }
    let day = digits(b, 0, 2)?;
    let month = month(b.get(3..6)?)?;
    let year = digits(b, 7, 4)?;
    let clock = clock(b.get(12..20)?)?;
    let offset = match b.get(20..) {
        Some([]) => 0,
        Some([b' ', rest @ ..]) => offset(rest)?,
        _ => return None,
    };
    Some(civil(year as i64, month, day)? + clock - offset)
}

/// ISO 8601 / RFC 3339 as logs write it: `2018-07-02T22:23:00.186641Z`,
/// `2024-01-02 10:00`, `2024-01-02T10:00:00+02:00`, or a bare date
/// (midnight). Without an offset the time is taken as UTC.
pub fn iso(b: &[u8]) -> Option<Seconds> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let date = civil(digits(b, 0, 4)? as i64, digits(b, 5, 2)?, digits(b, 8, 2)?)?;
    let rest = &b[10..];
    let Some((&sep, rest)) = rest.split_first() else {
        return Some(date);
    };
    if sep != b'T' && sep != b't' && sep != b' ' {
        return None;
    }
    let (time, rest) = match rest.get(5) {
        Some(b':') => (clock(rest.get(..8)?)?, &rest[8..]),
        _ => (clock_hm(rest.get(..5)?)?, &rest[5..]),
    };
    // Fractions of a second do not change a whole-second bucket.
    let zone = match rest.split_first() {
        Some((b'.' | b',', frac)) => {
            let digits = frac.iter().take_while(|c| c.is_ascii_digit()).count();
            &frac[digits..]
        }
        _ => rest,
    };
    let offset = match zone {
        [] | [b'Z' | b'z'] => 0,
        zone => offset(zone)?,
    };
    Some(date + time - offset)
}

/// IIS writes the date and the time as two fields: `2024-01-02 13:55:36`.
pub fn date_time(date: &[u8], time: &[u8]) -> Option<Seconds> {
    if date.len() != 10 || date[4] != b'-' || date[7] != b'-' {
        return None;
    }
    let day = civil(
        digits(date, 0, 4)? as i64,
        digits(date, 5, 2)?,
        digits(date, 8, 2)?,
    )?;
    Some(day + clock(time.get(..8)?)?)
}

/// A number of seconds, milliseconds, microseconds or nanoseconds since
/// the epoch, told apart by size (Cloudflare writes nanoseconds, Caddy
/// fractional seconds). Anything before 1970 or after 9999 is no time.
pub fn epoch(value: f64) -> Option<Seconds> {
    if !value.is_finite() || value < 0.0 {
        return None;
    }
    let seconds = match value {
        v if v >= 1e17 => v / 1e9,
        v if v >= 1e14 => v / 1e6,
        v if v >= 1e11 => v / 1e3,
        v => v,
    };
    (seconds < 253_402_300_800.0).then_some(seconds as Seconds)
}

/// A timestamp in any of the forms above, as text (JSON logs hold each).
pub fn any_form(text: &[u8]) -> Option<Seconds> {
    let text = text.trim_ascii();
    if !text.is_empty() && text.iter().all(|c| c.is_ascii_digit() || *c == b'.') {
        return std::str::from_utf8(text).ok()?.parse().ok().and_then(epoch);
    }
    iso(text).or_else(|| {
        clf(text
            .strip_prefix(b"[")
            .unwrap_or(text)
            .strip_suffix(b"]")
            .unwrap_or(text))
    })
}

/// `--since` and `--until`: an absolute time (RFC 3339, a date, `2024-01-02
/// 10:00`) or an age before `now` (`30s`, `15m`, `2h`, `7d`, `1w`).
pub fn parse_bound(text: &str, now: Seconds) -> Result<Seconds, String> {
    let trimmed = text.trim();
    if trimmed == "now" {
        return Ok(now);
    }
    if let Some(unit) = trimmed.chars().last().filter(|c| c.is_ascii_alphabetic())
        && let Ok(count) = trimmed[..trimmed.len() - 1].parse::<i64>()
    {
        let scale = match unit {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 604_800,
            _ => return Err(bound_error(text)),
        };
        return count
            .checked_mul(scale)
            .map(|age| now - age)
            .ok_or_else(|| bound_error(text));
    }
    any_form(trimmed.as_bytes()).ok_or_else(|| bound_error(text))
}

fn bound_error(text: &str) -> String {
    format!(
        "{:?} is not a time; use 2024-01-31, 2024-01-31T10:00:00Z, \"2024-01-31 10:00\" or an age such as 15m, 2h, 7d",
        text.chars().take(40).collect::<String>()
    )
}

/// `2024-01-02T03:04:05Z`.
pub fn format_utc(t: Seconds) -> String {
    let (days, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    let (h, mi, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// Seconds at midnight of a date, if the date exists.
fn civil(year: i64, month: u32, day: u32) -> Option<Seconds> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400)
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `HH:MM:SS` to seconds into the day.
fn clock(b: &[u8]) -> Option<Seconds> {
    if b.len() != 8 || b[5] != b':' {
        return None;
    }
    let s = digits(b, 6, 2)?;
    (s <= 60).then_some(clock_hm(&b[..5])? + Seconds::from(s))
}

fn clock_hm(b: &[u8]) -> Option<Seconds> {
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    let (h, m) = (digits(b, 0, 2)?, digits(b, 3, 2)?);
    (h < 24 && m < 60).then_some(Seconds::from(h * 3600 + m * 60))
}

/// `+0200`, `-07:00` to seconds east of UTC.
fn offset(b: &[u8]) -> Option<Seconds> {
    let (sign, rest) = match b.split_first()? {
        (b'+', rest) => (1, rest),
        (b'-', rest) => (-1, rest),
        _ => return None,
    };
    let (h, m) = match rest {
        [_, _, b':', _, _] | [_, _, _, _] => {
            (digits(rest, 0, 2)?, digits(rest, rest.len() - 2, 2)?)
        }
        _ => return None,
    };
    (h < 24 && m < 60).then_some(sign * Seconds::from(h * 3600 + m * 60))
}

fn month(b: &[u8]) -> Option<u32> {
    const NAMES: [&[u8; 3]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    let lower = [b[0] | 0x20, b[1] | 0x20, b[2] | 0x20];
    NAMES
        .iter()
        .position(|n| **n == lower)
        .map(|i| i as u32 + 1)
}

/// `len` ASCII digits at `at` as a number.
fn digits(b: &[u8], at: usize, len: usize) -> Option<u32> {
    b.get(at..at + len)?.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nginx_time_with_its_offset() {
        // 2000-10-10T20:55:36Z
        assert_eq!(clf(b"10/Oct/2000:13:55:36 -0700"), Some(971_211_336));
        assert_eq!(clf(b"10/Oct/2000:20:55:36 +0000"), Some(971_211_336));
        assert_eq!(clf(b"10/Oct/2000:20:55:36"), Some(971_211_336));
        assert_eq!(clf(b"31/Feb/2000:20:55:36 +0000"), None);
        assert_eq!(clf(b"10/Foo/2000:20:55:36 +0000"), None);
        assert_eq!(clf(b"10/Oct/2000:20:55:36 +00"), None);
    }

    #[test]
    fn iso_forms() {
        assert_eq!(iso(b"2000-10-10T20:55:36Z"), Some(971_211_336));
        assert_eq!(iso(b"2000-10-10T20:55:36.186641Z"), Some(971_211_336));
        assert_eq!(iso(b"2000-10-10T22:55:36+02:00"), Some(971_211_336));
        assert_eq!(iso(b"2000-10-10 20:55:36"), Some(971_211_336));
        assert_eq!(iso(b"2000-10-10 20:55"), Some(971_211_300));
        assert_eq!(iso(b"2000-10-10"), Some(971_136_000));
        assert_eq!(iso(b"2000-10-10X"), None);
        assert_eq!(iso(b"2000-13-10"), None);
        assert_eq!(date_time(b"2000-10-10", b"20:55:36"), Some(971_211_336));
    }

    #[test]
    fn epoch_units_told_apart_by_size() {
        assert_eq!(epoch(971_211_336.5), Some(971_211_336));
        assert_eq!(epoch(971_211_336_000.0), Some(971_211_336));
        assert_eq!(epoch(971_211_336_000_000.0), Some(971_211_336));
        assert_eq!(epoch(971_211_336_000_000_000.0), Some(971_211_336));
        assert_eq!(epoch(-1.0), None);
        assert_eq!(epoch(f64::NAN), None);
        assert_eq!(any_form(b"971211336"), Some(971_211_336));
        assert_eq!(any_form(b"[10/Oct/2000:13:55:36 -0700]"), Some(971_211_336));
    }

    #[test]
    fn bounds_absolute_and_relative() {
        let now = 1_000_000;
        assert_eq!(parse_bound("2h", now), Ok(now - 7200));
        assert_eq!(parse_bound("15m", now), Ok(now - 900));
        assert_eq!(parse_bound("now", now), Ok(now));
        assert_eq!(parse_bound("2000-10-10", now), Ok(971_136_000));
        assert!(parse_bound("yesterday", now).is_err());
        assert!(parse_bound("5y", now).is_err());
    }

    proptest! {
        #[test]
        fn formatting_and_parsing_agree(t in 0i64..253_402_300_799) {
            let text = format_utc(t);
            prop_assert_eq!(iso(text.as_bytes()), Some(t));
        }

        #[test]
        fn no_input_panics(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
            let _ = (clf(&bytes), iso(&bytes), any_form(&bytes), date_time(&bytes, &bytes));
        }
    }
}

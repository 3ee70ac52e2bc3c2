//! Which lines a report counts: `--status 5xx,429,401.2` and a time range
//! (`--since`, `--until`).

use crate::time::Seconds;

/// Statuses to count; empty counts every status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusFilter {
    /// Codes accepted whatever their substatus, indexed by code.
    codes: Box<[bool; 1000]>,
    /// `401.2`: a code with one substatus.
    subs: Vec<(u16, u32)>,
    any: bool,
}

impl Default for StatusFilter {
    fn default() -> StatusFilter {
        StatusFilter {
            codes: Box::new([false; 1000]),
            subs: Vec::new(),
            any: true,
        }
    }
}

impl StatusFilter {
    /// A comma-separated list of classes (`5xx`), codes (`429`) and IIS
    /// substatuses (`401.2`).
    pub fn parse(text: &str) -> Result<StatusFilter, String> {
        let mut filter = StatusFilter {
            any: false,
            ..StatusFilter::default()
        };
        for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let bad = || {
                format!(
                    "{:?} is not a status; use a class (5xx), a code (429) or an IIS substatus (401.2)",
                    item.chars().take(20).collect::<String>()
                )
            };
            let lower = item.to_ascii_lowercase();
            if let Some(digit) = lower.strip_suffix("xx") {
                let digit: u16 = digit.parse().ok().filter(|d| *d <= 9).ok_or_else(bad)?;
                let class = digit as usize * 100;
                filter.codes[class..class + 100].fill(true);
            } else if let Some((code, sub)) = lower.split_once('.') {
                let code = three_digits(code).ok_or_else(bad)?;
                let sub = sub.parse().map_err(|_| bad())?;
                filter.subs.push((code, sub));
            } else {
                let code = three_digits(&lower).ok_or_else(bad)?;
                filter.codes[usize::from(code)] = true;
            }
        }
        if filter.subs.is_empty() && !filter.codes.contains(&true) {
            return Err("--status needs at least one status: 5xx, 429, 401.2".into());
        }
        Ok(filter)
    }

    pub fn accepts_all(&self) -> bool {
        self.any
    }

    pub fn accepts(&self, code: u16, substatus: Option<u32>) -> bool {
        self.any
            || self.codes.get(usize::from(code)).copied().unwrap_or(false)
            || substatus.is_some_and(|s| self.subs.contains(&(code, s)))
    }
}

fn three_digits(text: &str) -> Option<u16> {
    (text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// From `since` (inclusive) to `until` (exclusive), either end open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeRange {
    pub since: Option<Seconds>,
    pub until: Option<Seconds>,
}

impl TimeRange {
    pub fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    pub fn contains(&self, t: Seconds) -> bool {
        self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t < u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_codes_and_substatuses() {
        let f = StatusFilter::parse("5xx, 429,401.2").unwrap();
        assert!(f.accepts(503, None) && f.accepts(599, Some(1)) && f.accepts(429, None));
        assert!(f.accepts(401, Some(2)));
        assert!(!f.accepts(401, Some(1)) && !f.accepts(401, None) && !f.accepts(404, None));
        assert!(StatusFilter::default().accepts(999, None));
        assert!(!f.accepts(1000, None));
    }

    #[test]
    fn bad_lists_say_what_is_wrong() {
        for bad in ["", ",", "abc", "4x", "40", "4000", "401.x", "xxx", "10xx"] {
            assert!(StatusFilter::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ranges_include_since_and_exclude_until() {
        let r = TimeRange {
            since: Some(10),
            until: Some(20),
        };
        assert!(r.contains(10) && r.contains(19) && !r.contains(20) && !r.contains(9));
        assert!(TimeRange::default().is_open());
    }
}

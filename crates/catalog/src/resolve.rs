//! A status as seen on the wire or in a log, resolved to its entry. The
//! number alone is not enough: a 499 in an nginx log is nginx's "Client
//! Closed Request", not Esri's "Token Required"; a 522 behind Cloudflare is
//! Cloudflare's; IIS writes `401` with substatus `2` for `401.2`. The log's
//! source (its format) gives the origin hint.

use crate::{Catalog, Class, Entry, Origin};

/// How a status was matched to its entry, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The IIS substatus entry (`401.2-iis`).
    Substatus,
    /// The entry of the origin the log came from (`499-nginx` in nginx's log).
    Origin,
    /// The registered (IANA) entry.
    Iana,
    /// A code from the user's own file, with no registered entry.
    Custom,
    /// The one entry that uses this number (`444-nginx`, `509-apache`).
    Only,
    /// Several origins use the number and the log gives no hint which one:
    /// `alternatives` names them.
    Ambiguous,
    /// The catalog knows no entry with this number.
    Unknown,
}

impl Match {
    /// The name used in `--json` output.
    pub fn slug(self) -> &'static str {
        match self {
            Match::Substatus => "substatus",
            Match::Origin => "origin",
            Match::Iana => "iana",
            Match::Custom => "custom",
            Match::Only => "only",
            Match::Ambiguous => "ambiguous",
            Match::Unknown => "unknown",
        }
    }
}

/// What a status means, as far as the catalog can tell.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved<'a> {
    pub code: u16,
    pub substatus: Option<u32>,
    /// `None` when the code is unknown or ambiguous.
    pub entry: Option<&'a Entry>,
    pub by: Match,
    /// For an ambiguous code, the entries it could be.
    pub alternatives: Vec<&'a Entry>,
}

impl Resolved<'_> {
    /// The class by first digit; `None` outside 100-599 (a `000` or `999`
    /// in a log belongs to no class).
    pub fn class(&self) -> Option<Class> {
        (100..=599)
            .contains(&self.code)
            .then(|| Class::of(self.code))
    }
}

impl Catalog {
    /// Resolves a status from a log or the wire. `substatus` is IIS's
    /// `sc-substatus`; `origin` is what the log's source says about who
    /// produced the status (nginx for an nginx access log, Cloudflare for
    /// its logs, AWS ELB for a load balancer's status).
    pub fn resolve(
        &self,
        code: u16,
        substatus: Option<u32>,
        origin: Option<Origin>,
    ) -> Resolved<'_> {
        let found = |entry, by| Resolved {
            code,
            substatus,
            entry: Some(entry),
            by,
            alternatives: Vec::new(),
        };
        let same_number = self.numbered(code);
        if let (Some(Origin::Iis), Some(sub)) = (origin, substatus)
            && let Some(entry) = self.get(&format!("{code}.{sub}-iis"))
        {
            return found(entry, Match::Substatus);
        }
        // IIS substatus entries refine a number; they never stand for it.
        let plain = || same_number.iter().filter(|e| !is_substatus(e));
        let hinted = origin.filter(|&o| o != Origin::Iana);
        if let Some(entry) = plain().find(|e| Some(e.origin) == hinted) {
            return found(entry, Match::Origin);
        }
        if let Some(entry) = plain().find(|e| e.origin == Origin::Iana) {
            return found(entry, Match::Iana);
        }
        let custom: Vec<&Entry> = plain().filter(|e| e.origin == Origin::Custom).collect();
        if let [entry] = custom.as_slice() {
            return found(entry, Match::Custom);
        }
        let candidates: Vec<&Entry> = plain().collect();
        match candidates.as_slice() {
            [] => Resolved {
                code,
                substatus,
                entry: None,
                by: Match::Unknown,
                alternatives: Vec::new(),
            },
            [entry] => found(entry, Match::Only),
            _ => Resolved {
                code,
                substatus,
                entry: None,
                by: Match::Ambiguous,
                alternatives: candidates,
            },
        }
    }

    /// The entries with this number: entries are kept sorted by number.
    fn numbered(&self, code: u16) -> &[Entry] {
        let entries = self.entries();
        let start = entries.partition_point(|e| e.code < code);
        let end = entries.partition_point(|e| e.code <= code);
        &entries[start..end]
    }
}

fn is_substatus(entry: &Entry) -> bool {
    entry.origin == Origin::Iis && entry.display_code().contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(resolved: &Resolved) -> Option<String> {
        resolved.entry.map(|e| e.id.to_string())
    }

    fn resolve(code: u16, sub: Option<u32>, origin: Option<Origin>) -> (Option<String>, Match) {
        let catalog = Catalog::builtin();
        let r = catalog.resolve(code, sub, origin);
        (id(&r), r.by)
    }

    #[test]
    fn nginx_codes_need_no_hint_unless_another_origin_shares_the_number() {
        let nginx = Some(Origin::Nginx);
        assert_eq!(
            resolve(499, None, nginx),
            (Some("499-nginx".into()), Match::Origin)
        );
        for code in [444, 494, 495, 496, 497] {
            let want = Some(format!("{code}-nginx"));
            assert_eq!(resolve(code, None, nginx).0, want);
            assert_eq!(resolve(code, None, None), (want, Match::Only));
        }
        // Esri uses 499 too: without a hint, the log does not say which.
        let catalog = Catalog::builtin();
        let r = catalog.resolve(499, None, None);
        assert_eq!((r.entry, r.by), (None, Match::Ambiguous));
        let ids: Vec<&str> = r.alternatives.iter().map(|e| &*e.id).collect();
        assert_eq!(ids, ["499-nginx", "499-esri"]);
    }

    #[test]
    fn a_registered_code_stays_iana_in_a_vendor_log() {
        assert_eq!(
            resolve(404, None, Some(Origin::Nginx)),
            (Some("404".into()), Match::Iana)
        );
        assert_eq!(
            resolve(502, None, Some(Origin::AwsElb)),
            (Some("502".into()), Match::Iana)
        );
    }

    #[test]
    fn cloudflare_and_aws_codes_resolve_with_their_hint() {
        for code in [520, 521, 522, 523, 524, 525, 526, 527, 530] {
            let want = Some(format!("{code}-cloudflare"));
            assert_eq!(
                resolve(code, None, Some(Origin::Cloudflare)),
                (want, Match::Origin)
            );
        }
        for code in [460, 463, 464, 561] {
            let want = Some(format!("{code}-aws-elb"));
            assert_eq!(
                resolve(code, None, Some(Origin::AwsElb)),
                (want, Match::Origin)
            );
        }
    }

    #[test]
    fn iis_substatus_resolves_to_its_entry_and_falls_back_to_the_plain_code() {
        let iis = Some(Origin::Iis);
        assert_eq!(
            resolve(401, Some(2), iis),
            (Some("401.2-iis".into()), Match::Substatus)
        );
        assert_eq!(
            resolve(404, Some(0), iis),
            (Some("404.0-iis".into()), Match::Substatus)
        );
        assert_eq!(resolve(403, Some(14), iis).0, Some("403.14-iis".into()));
        // No entry for 401.0 or 404.99: the registered code it was sent as.
        assert_eq!(
            resolve(401, Some(0), iis),
            (Some("401".into()), Match::Iana)
        );
        assert_eq!(
            resolve(404, Some(99), iis),
            (Some("404".into()), Match::Iana)
        );
        // A substatus means nothing outside IIS.
        assert_eq!(
            resolve(401, Some(2), None),
            (Some("401".into()), Match::Iana)
        );
        assert_eq!(resolve(401, Some(2), None).0, Some("401".into()));
    }

    #[test]
    fn unknown_codes_keep_their_class() {
        let catalog = Catalog::builtin();
        let r = catalog.resolve(477, None, Some(Origin::Nginx));
        assert_eq!(
            (r.entry, r.by, r.class()),
            (None, Match::Unknown, Some(Class::ClientError))
        );
        let r = catalog.resolve(299, None, None);
        assert_eq!(r.class(), Some(Class::Success));
        assert_eq!(catalog.resolve(0, None, None).class(), None);
        assert_eq!(catalog.resolve(999, None, None).class(), None);
    }

    #[test]
    fn a_single_vendor_entry_is_its_numbers_meaning() {
        assert_eq!(
            resolve(509, None, Some(Origin::Nginx)),
            (Some("509-apache".into()), Match::Only)
        );
        assert_eq!(
            resolve(460, None, None),
            (Some("460-aws-elb".into()), Match::Only)
        );
    }

    #[test]
    fn a_users_own_code_wins_over_unofficial_ones() {
        let mut entry = Catalog::builtin().get("599-proxy").unwrap().clone();
        entry.id = "599-acme".into();
        entry.origin = Origin::Custom;
        let mut entries = Catalog::builtin().entries().to_vec();
        entries.push(entry);
        let catalog = Catalog::new(entries, Vec::new(), Vec::new()).unwrap();
        let r = catalog.resolve(599, None, None);
        assert_eq!((id(&r), r.by), (Some("599-acme".into()), Match::Custom));
    }
}

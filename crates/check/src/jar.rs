//! Cookies within one chain: what a response sets goes back to the origin
//! that set it on the chain's later hops, and nowhere else.

use url::Url;

/// The cookies a chain's responses set, sent back to the origin that set
/// them and nowhere else: sites that set a cookie and redirect (consent and
/// session pages) loop for a client that forgets it. Attributes (Path,
/// Domain, Expires) are not read; a chain is short-lived.
#[derive(Default)]
pub(crate) struct Jar(Vec<(String, String, String)>);

impl Jar {
    pub(crate) fn keep(&mut self, url: &Url, headers: &[(String, String)]) {
        let origin = url.origin().ascii_serialization();
        let set = headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("set-cookie"));
        for (_, value) in set {
            let pair = value.split(';').next().unwrap_or("");
            let Some((name, value)) = pair.split_once('=') else {
                continue;
            };
            let name = name.trim().to_string();
            self.0.retain(|(o, n, _)| !(*o == origin && *n == name));
            self.0
                .push((origin.clone(), name, value.trim().to_string()));
        }
    }

    /// Adds the cookies for `url`'s origin to `headers`, after any Cookie
    /// header the user gave.
    pub(crate) fn add_to(&self, url: &Url, headers: &mut Vec<(String, String)>) {
        let origin = url.origin().ascii_serialization();
        let pairs: Vec<String> = (self.0.iter())
            .filter(|(o, _, _)| *o == origin)
            .map(|(_, n, v)| format!("{n}={v}"))
            .collect();
        if pairs.is_empty() {
            return;
        }
        let mut value = pairs.join("; ");
        if let Some(at) = headers
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case("cookie"))
        {
            value = format!("{}; {value}", headers.remove(at).1);
        }
        headers.push(("Cookie".to_string(), value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_go_back_to_their_origin_after_the_users_own() {
        let a = Url::parse("https://a.test/x").unwrap();
        let mut jar = Jar::default();
        let set = |v: &str| vec![("Set-Cookie".to_string(), v.to_string())];
        jar.keep(&a, &set("s=1; Path=/; HttpOnly"));
        jar.keep(&a, &set("s=2"));
        let mut headers = vec![("cookie".to_string(), "mine=0".to_string())];
        jar.add_to(&a, &mut headers);
        assert_eq!(
            headers,
            vec![("Cookie".to_string(), "mine=0; s=2".to_string())]
        );
        let mut elsewhere = Vec::new();
        jar.add_to(&Url::parse("http://a.test/x").unwrap(), &mut elsewhere);
        assert!(elsewhere.is_empty(), "http is another origin");
    }
}

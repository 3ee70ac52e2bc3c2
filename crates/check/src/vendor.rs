//! Who answered: the vendor recognised from a response's headers, so its
//! own codes resolve to its entries (a 522 behind Cloudflare is
//! Cloudflare's, a 499 from nginx is nginx's).

use httpdex_catalog::Origin;

/// The vendor the headers name, if any. Cloudflare first: it fronts
/// servers that name themselves too.
pub(crate) fn recognise(headers: &[(String, String)]) -> Option<Origin> {
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.to_ascii_lowercase())
    };
    let server = get("server").unwrap_or_default();
    if get("cf-ray").is_some() || server.starts_with("cloudflare") {
        Some(Origin::Cloudflare)
    } else if server.starts_with("awselb") {
        Some(Origin::AwsElb)
    } else if server.starts_with("microsoft-iis")
        || get("x-powered-by").is_some_and(|v| v.contains("asp.net"))
    {
        Some(Origin::Iis)
    } else if server.starts_with("nginx") {
        Some(Origin::Nginx)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(pairs: &[(&str, &str)]) -> Option<Origin> {
        let headers: Vec<(String, String)> = pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        recognise(&headers)
    }

    #[test]
    fn each_vendor_is_told_by_its_headers() {
        assert_eq!(of(&[("CF-RAY", "8a1b-AMS")]), Some(Origin::Cloudflare));
        assert_eq!(of(&[("Server", "cloudflare")]), Some(Origin::Cloudflare));
        assert_eq!(of(&[("Server", "awselb/2.0")]), Some(Origin::AwsElb));
        assert_eq!(of(&[("Server", "nginx/1.24.0")]), Some(Origin::Nginx));
        assert_eq!(of(&[("Server", "Microsoft-IIS/10.0")]), Some(Origin::Iis));
        assert_eq!(of(&[("X-Powered-By", "ASP.NET")]), Some(Origin::Iis));
        assert_eq!(of(&[("Server", "Apache")]), None);
        // Cloudflare in front of nginx answers for itself.
        let both = [("Server", "nginx"), ("cf-ray", "1")];
        assert_eq!(of(&both), Some(Origin::Cloudflare));
    }
}

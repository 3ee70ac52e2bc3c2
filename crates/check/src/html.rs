//! A cheap look at the start of a page: its `<title>`, and whether that
//! title says the page is missing (a soft 404).

/// The text of the first `<title>` in `body`, whitespace collapsed;
/// `None` when there is none in the bytes read.
pub(crate) fn title(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let lower = text.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let words: Vec<&str> = text[start..end].split_whitespace().collect();
    Some(words.join(" ")).filter(|t| !t.is_empty())
}

/// Whether a title reads like an error page rather than content.
pub(crate) fn says_not_found(title: &str) -> bool {
    let lower = title.to_lowercase();
    [
        "404",
        "not found",
        "page not found",
        "doesn't exist",
        "does not exist",
        "no longer available",
        "page missing",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_found_in_any_case_and_collapsed() {
        let page = b"<html><HEAD><Title lang=en>\n  Page  Not Found\n</TITLE>";
        assert_eq!(title(page).as_deref(), Some("Page Not Found"));
        assert_eq!(title(b"<title></title>"), None);
        assert_eq!(title(b"<title>cut off"), None);
        assert!(says_not_found("Page Not Found"));
        assert!(says_not_found("Error 404 - Example"));
        assert!(!says_not_found("Example Domain"));
    }
}

//! Markdown output shared by `list --markdown`, the compare table's copy
//! and the README key table.

/// Text made safe for one cell of a GitHub-flavoured Markdown table: a
/// pipe would end the cell, a newline the row.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    #[test]
    fn pipes_and_newlines_stay_inside_the_cell() {
        assert_eq!(super::cell("a|b\nc"), "a\\|b<br>c");
    }
}

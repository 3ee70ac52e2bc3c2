//! `httpdex guide`: the list of guides, one guide wrapped to the terminal,
//! or its Markdown source.

use std::io::{self, Write};

use ratatui::text::{Line, Span};

use super::{Output, exit};
use httpdex_core::guides;

pub fn run(name: Option<&str>, markdown: bool, o: &mut Output) -> io::Result<i32> {
    let Some(name) = name else {
        return list(o);
    };
    let Some(guide) = guides::get(name) else {
        let names: Vec<&str> = guides::all().iter().map(|g| g.slug.as_str()).collect();
        writeln!(
            o.err,
            "httpdex: no guide {name:?}; the guides are {}",
            names.join(", ")
        )?;
        return Ok(exit::NOT_FOUND);
    };
    if markdown {
        let source = guides::sources()
            .iter()
            .find(|(slug, _)| *slug == guide.slug)
            .map_or("", |(_, text)| text);
        o.out.write_all(source.as_bytes())?;
        return Ok(exit::OK);
    }
    let page = guides::render(guide, &o.theme(), o.width);
    o.catalog_lines(&page.lines)?;
    Ok(exit::OK)
}

/// One line a guide: its name, reading time and title.
fn list(o: &mut Output) -> io::Result<i32> {
    let theme = o.theme();
    let width = guides::all()
        .iter()
        .map(|g| g.slug.len())
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = guides::all()
        .iter()
        .map(|g| {
            Line::from(vec![
                Span::styled(format!("{:<width$}  ", g.slug), theme.title()),
                Span::styled(format!("{:>2} min  ", g.reading_minutes()), theme.dim()),
                Span::raw(g.title.clone()),
            ])
        })
        .collect();
    o.catalog_lines(&lines)?;
    writeln!(
        o.out,
        "\nRead one with `httpdex guide NAME` (--markdown for its source)."
    )?;
    Ok(exit::OK)
}

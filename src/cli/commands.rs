//! The one-shot commands: each writes to an `Output` and returns the exit
//! code, so tests can run them in-process too.

use std::io::{self, Write};

use serde::Serialize;

use super::{Output, exit};
use httpdex_catalog::search::{self, Filter, Tier};
use httpdex_catalog::{Catalog, Class, Entry, Origin};
use httpdex_core::detail;
use httpdex_core::wrap::{pad, truncate, width_of};

/// `httpdex snippet ID --lang LANG [--copy]`: the code on stdout, the
/// note and the copy confirmation on stderr, so `> file` gets only code.
pub fn snippet(
    catalog: &Catalog,
    id: &str,
    lang: Option<httpdex_core::snippets::Lang>,
    copy: bool,
    o: &mut Output,
) -> io::Result<i32> {
    use httpdex_core::snippets::{self, Lang};
    let Some(entry) = catalog.get(id) else {
        report_unknown(catalog, id, o)?;
        return Ok(exit::NOT_FOUND);
    };
    let lang = match lang {
        Some(lang) => lang,
        None => remembered_lang(o)?.unwrap_or(Lang::Express),
    };
    let snippet = snippets::snippet(catalog, entry, lang);
    if let Some(note) = &snippet.note {
        writeln!(o.err, "note: {note}")?;
    }
    o.out.write_all(snippet.code.as_bytes())?;
    if !snippet.code.ends_with('\n') {
        writeln!(o.out)?;
    }
    if copy {
        let what = format!("{} snippet for {}", lang.label(), entry.display_code());
        match httpdex_platform::clipboard::copy_detached(&snippet.code) {
            Ok(_) => writeln!(o.err, "Copied {what}")?,
            Err(why) => {
                writeln!(o.err, "httpdex: could not copy the {what}: {why}")?;
                return Ok(exit::CLIPBOARD);
            }
        }
    }
    Ok(exit::OK)
}

pub fn compare(catalog: &Catalog, a: &str, b: &str, json: bool, o: &mut Output) -> io::Result<i32> {
    let (Some(left), Some(right)) = (catalog.get(a), catalog.get(b)) else {
        let unknown = if catalog.get(a).is_none() { a } else { b };
        report_unknown(catalog, unknown, o)?;
        return Ok(exit::NOT_FOUND);
    };
    let comparison = httpdex_core::compare::Comparison::new(catalog, left, right);
    if json {
        write_json(o, &comparison)?;
    } else {
        let lines = httpdex_core::compare::lines(&comparison, catalog, &o.theme(), o.width);
        o.catalog_lines(&lines)?;
    }
    Ok(exit::OK)
}

pub fn show(catalog: &Catalog, ids: &[String], json: bool, o: &mut Output) -> io::Result<i32> {
    let mut found = Vec::new();
    for id in ids {
        match catalog.get(id) {
            Some(entry) => found.push(entry),
            None => {
                report_unknown(catalog, id, o)?;
                return Ok(exit::NOT_FOUND);
            }
        }
    }
    if json {
        if let [entry] = found.as_slice() {
            write_json(o, entry)?;
        } else {
            write_json(o, &found)?;
        }
        return Ok(exit::OK);
    }
    for (i, entry) in found.iter().enumerate() {
        if i > 0 {
            writeln!(o.out)?;
        }
        let lines = detail::entry_lines(catalog, entry, &o.theme(), o.width);
        o.catalog_lines(&lines)?;
    }
    Ok(exit::OK)
}

/// "No status code X" plus the nearest matches, on stderr.
/// The stack `l` chose last in the app. A corrupt state file is moved
/// aside on the way, and the user is told so.
fn remembered_lang(o: &mut Output) -> io::Result<Option<httpdex_core::snippets::Lang>> {
    let Some(store) = httpdex_platform::state::Store::locate() else {
        return Ok(None);
    };
    let loaded = store.load();
    if let Some(warning) = &loaded.warning {
        writeln!(o.err, "httpdex: {warning}")?;
    }
    let slug = loaded.state.snippet_lang;
    Ok(slug
        .as_deref()
        .and_then(httpdex_core::snippets::Lang::from_slug))
}

pub fn report_unknown(catalog: &Catalog, id: &str, o: &mut Output) -> io::Result<()> {
    let shown = truncate(id, 40);
    let class = Class::parse(id).filter(|_| id.trim().to_ascii_lowercase().ends_with("xx"));
    if let Some(class) = class {
        return writeln!(
            o.err,
            "httpdex: {shown:?} is a class, not a code; `httpdex list --class {}` lists its codes",
            class.mask()
        );
    }
    let near = search::suggestions(catalog, id, 3);
    if near.is_empty() {
        writeln!(
            o.err,
            "httpdex: no status code {shown:?}; try `httpdex search WORDS` or `httpdex list`"
        )
    } else {
        let names: Vec<String> = near
            .iter()
            .map(|e| format!("{} {}", e.id, e.display_name()))
            .collect();
        writeln!(
            o.err,
            "httpdex: no status code {shown:?}; did you mean {}?",
            names.join(", ")
        )
    }
}

#[derive(Serialize)]
struct SearchResult<'a> {
    id: &'a str,
    code: u16,
    name: &'a str,
    origin: Origin,
    summary: &'a str,
    /// Which tier matched: exact, code, name, alias, keyword, summary, typo, fuzzy.
    #[serde(rename = "match")]
    tier: &'static str,
}

fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::All => "all",
        Tier::ExactCode => "exact",
        Tier::CodePattern => "code",
        Tier::Name => "name",
        Tier::Alias => "alias",
        Tier::Keyword => "keyword",
        Tier::Summary => "summary",
        Tier::Typo => "typo",
        Tier::Fuzzy => "fuzzy",
    }
}

pub fn search_cmd(
    catalog: &Catalog,
    query: &str,
    json: bool,
    limit: usize,
    o: &mut Output,
) -> io::Result<i32> {
    if query.trim().is_empty() {
        writeln!(
            o.err,
            "httpdex: the search query is empty; try `httpdex search unauth`"
        )?;
        return Ok(exit::USAGE);
    }
    let hits = search::search(catalog, query, &Filter::default());
    // --limit 0 means no limit, as in `head -n 0`'s absence: every match.
    let limit = if limit == 0 { usize::MAX } else { limit };
    let results: Vec<SearchResult> = hits
        .iter()
        .take(limit)
        .map(|h| {
            let e = catalog.entry(h.entry);
            SearchResult {
                id: &e.id,
                code: e.code,
                name: &e.name,
                origin: e.origin,
                summary: &e.summary,
                tier: tier_name(h.tier),
            }
        })
        .collect();
    if json {
        write_json(o, &results)?;
    } else if results.is_empty() {
        let shown = truncate(query, 40);
        writeln!(o.err, "httpdex: nothing matches {shown:?}")?;
    } else {
        let entries: Vec<&Entry> = results.iter().filter_map(|r| catalog.get(r.id)).collect();
        write_table(&entries, o)?;
        let guides = httpdex_core::guides::search(query);
        if !guides.is_empty() {
            writeln!(o.out, "\nGuides (httpdex guide NAME):")?;
            for g in guides {
                writeln!(o.out, "  {:<24} {}", g.slug, g.title)?;
            }
        }
    }
    Ok(if results.is_empty() {
        exit::NOT_FOUND
    } else {
        exit::OK
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// Grouped by class: a printable cheat sheet.
    Text,
    Markdown,
    Json,
}

pub fn list(
    catalog: &Catalog,
    filter: &Filter,
    format: ListFormat,
    o: &mut Output,
) -> io::Result<i32> {
    let entries: Vec<&Entry> = catalog
        .entries()
        .iter()
        .filter(|e| filter.accepts(e))
        .collect();
    if entries.is_empty() && format != ListFormat::Json {
        writeln!(o.err, "httpdex: no code matches these filters")?;
        return Ok(exit::NOT_FOUND);
    }
    match format {
        ListFormat::Json => write_json(o, &entries)?,
        ListFormat::Markdown => {
            writeln!(
                o.out,
                "| Code | Name | Origin | Summary |\n|---|---|---|---|"
            )?;
            let cell = httpdex_core::markdown::cell;
            for e in &entries {
                writeln!(
                    o.out,
                    "| {} | {} | {} | {} |",
                    e.display_code(),
                    cell(&e.display_name()),
                    e.origin.label(),
                    cell(&e.summary)
                )?;
            }
        }
        ListFormat::Text => {
            let theme = o.theme();
            for class in Class::ALL {
                let group: Vec<&Entry> = entries
                    .iter()
                    .copied()
                    .filter(|e| e.class() == class)
                    .collect();
                if group.is_empty() {
                    continue;
                }
                let heading = format!("{} {}", class.mask(), class.label());
                let line = ratatui::text::Line::styled(heading, theme.heading());
                o.catalog_lines(&[line])?;
                write_table(&group, o)?;
                writeln!(o.out)?;
            }
        }
    }
    Ok(if entries.is_empty() {
        exit::NOT_FOUND
    } else {
        exit::OK
    })
}

/// One line per entry: code, name, origin badge, summary, fitted to width.
fn write_table(entries: &[&Entry], o: &mut Output) -> io::Result<()> {
    let theme = o.theme();
    let name_width = entries
        .iter()
        .map(|e| width_of(&e.display_name()))
        .max()
        .unwrap_or(0)
        .min(32);
    for e in entries {
        let badge = if e.origin == Origin::Iana {
            String::new()
        } else {
            format!("[{}] ", e.origin.label())
        };
        let name: String = truncate(&e.display_name(), name_width);
        let used = 8 + name_width + 2 + width_of(&badge);
        let summary = truncate(&e.summary, o.width.saturating_sub(used));
        let line = ratatui::text::Line::from(vec![
            ratatui::text::Span::styled(format!("{:<8}", e.display_code()), theme.class(e.class())),
            ratatui::text::Span::styled(pad(&name, name_width + 2), theme.title()),
            ratatui::text::Span::styled(badge, theme.badge()),
            ratatui::text::Span::raw(summary),
        ]);
        o.catalog_lines(&[line])?;
    }
    Ok(())
}

fn write_json<T: Serialize + ?Sized>(o: &mut Output, value: &T) -> io::Result<()> {
    o.json(value)
}

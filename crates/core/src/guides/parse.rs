//! Reads a guide's text (data/guides/FORMAT.md states the format): front
//! matter, then headings, paragraphs, lists, RFC quotes and example
//! exchanges, with inline code, bold and links.

use super::model::{Block, Guide, Inline, Target};

/// Why a guide could not be read, with its line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

pub fn parse(slug: &str, text: &str) -> Result<Guide, ParseError> {
    let fail = |line, message: &str| ParseError {
        line,
        message: message.to_string(),
    };
    let rest = text
        .strip_prefix("---\n")
        .ok_or_else(|| fail(1, "no front matter"))?;
    let (front, body) = rest
        .split_once("\n---\n")
        .ok_or_else(|| fail(1, "front matter without its closing ---"))?;
    let field = |name: &str| {
        front
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .ok_or_else(|| fail(1, &format!("front matter lacks {name}")))
    };
    let codes = field("codes")?
        .split(',')
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    let body_line = front.lines().count() + 3;
    let blocks = blocks(body, body_line)?;
    Ok(Guide {
        slug: slug.to_string(),
        title: field("title")?,
        summary: field("summary")?,
        codes,
        words: word_count(&blocks),
        blocks,
    })
}

/// The body's blocks; `first_line` is the body's line in the file.
fn blocks(body: &str, first_line: usize) -> Result<Vec<Block>, ParseError> {
    let lines: Vec<&str> = body.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let at = first_line + i;
        if line.trim().is_empty() {
            i += 1;
        } else if let Some(fence) = line.strip_prefix("```") {
            let end = (i + 1..lines.len())
                .find(|&j| lines[j].trim_end() == "```")
                .ok_or_else(|| ParseError {
                    line: at,
                    message: "a code block without its closing ```".into(),
                })?;
            let text = lines[i + 1..end].join("\n");
            out.push(match fence.trim() {
                "http" => Block::Exchange(text),
                _ => Block::Code(text),
            });
            i = end + 1;
        } else if let Some((level, heading)) = heading(line) {
            out.push(Block::Heading {
                level,
                anchor: anchor(heading),
                text: heading.to_string(),
            });
            i += 1;
        } else if line.starts_with("> ") || line == ">" {
            let end = run_end(&lines, i, |l| l.starts_with('>'));
            out.push(quote(&lines[i..end], at)?);
            i = end;
        } else if let Some(item) = line.strip_prefix("- ") {
            let end = continuation_end(&lines, i + 1);
            let text = join(item, &lines[i + 1..end]);
            out.push(Block::Bullet(inlines(&text, at)?));
            i = end;
        } else if let Some((n, item)) = numbered(line) {
            let end = continuation_end(&lines, i + 1);
            let text = join(item, &lines[i + 1..end]);
            out.push(Block::Numbered(n, inlines(&text, at)?));
            i = end;
        } else {
            let end = run_end(&lines, i, |l| {
                !l.trim().is_empty()
                    && !l.starts_with("```")
                    && !l.starts_with('>')
                    && !l.starts_with("- ")
                    && heading(l).is_none()
                    && numbered(l).is_none()
            });
            let text = join(line, &lines[i + 1..end]);
            out.push(Block::Paragraph(inlines(&text, at)?));
            i = end;
        }
    }
    Ok(out)
}

/// `## Heading` (level 2) or `### Heading` (level 3).
fn heading(line: &str) -> Option<(u8, &str)> {
    if let Some(h) = line.strip_prefix("### ") {
        Some((3, h.trim()))
    } else {
        line.strip_prefix("## ").map(|h| (2, h.trim()))
    }
}

/// `1. item` as (1, "item").
fn numbered(line: &str) -> Option<(u32, &str)> {
    let (n, rest) = line.split_once(". ")?;
    Some((n.parse().ok()?, rest))
}

/// The first line from `start` on for which `keep` is false.
fn run_end(lines: &[&str], start: usize, keep: impl Fn(&str) -> bool) -> usize {
    (start..lines.len())
        .find(|&j| !keep(lines[j]))
        .unwrap_or(lines.len())
}

/// A list item's continuation lines: indented, not blank.
fn continuation_end(lines: &[&str], start: usize) -> usize {
    run_end(lines, start, |l| {
        l.starts_with("  ") && !l.trim().is_empty()
    })
}

fn join(first: &str, more: &[&str]) -> String {
    std::iter::once(first)
        .chain(more.iter().map(|l| l.trim()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `## 401 or 403?` → `401-or-403`.
pub fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A run of `> ` lines whose last is the citation `— RFC N, Section X`.
fn quote(lines: &[&str], at: usize) -> Result<Block, ParseError> {
    let text: Vec<&str> = lines
        .iter()
        .map(|l| l.strip_prefix("> ").unwrap_or(l.trim_start_matches('>')))
        .collect();
    let (cite, words) = text.split_last().expect("a quote has a line");
    let cite = cite.strip_prefix("— ").ok_or_else(|| ParseError {
        line: at + lines.len() - 1,
        message: "a quote must end with its citation: > — RFC N, Section X".into(),
    })?;
    let (document, section) = cite.split_once(", Section ").ok_or_else(|| ParseError {
        line: at + lines.len() - 1,
        message: format!("citation {cite:?} is not 'RFC N, Section X'"),
    })?;
    Ok(Block::Quote {
        text: words.join(" "),
        document: document.to_string(),
        section: section.to_string(),
    })
}

/// Inline markup: `code`, **bold**, [text](target).
fn inlines(text: &str, at: usize) -> Result<Vec<Inline>, ParseError> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    let fail = |message: String| ParseError { line: at, message };
    while let Some(c) = rest.chars().next() {
        let taken = match c {
            '`' => {
                let end = rest[1..]
                    .find('`')
                    .ok_or_else(|| fail("an unclosed `".into()))?;
                Some((Inline::Code(rest[1..end + 1].to_string()), end + 2))
            }
            '*' if rest.starts_with("**") => {
                let end = rest[2..]
                    .find("**")
                    .ok_or_else(|| fail("an unclosed **".into()))?;
                Some((Inline::Bold(rest[2..end + 2].to_string()), end + 4))
            }
            '[' => link(rest).map_err(fail)?,
            _ => None,
        };
        match taken {
            Some((inline, len)) => {
                if !plain.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut plain)));
                }
                out.push(inline);
                rest = &rest[len..];
            }
            None => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    Ok(out)
}

/// `[text](target)` at the start of `rest`, with its length; `None` when
/// the bracket is plain text.
fn link(rest: &str) -> Result<Option<(Inline, usize)>, String> {
    let Some(close) = rest.find("](") else {
        return Ok(None);
    };
    let Some(end) = rest[close..].find(')').map(|e| close + e) else {
        return Ok(None);
    };
    let (text, target) = (&rest[1..close], &rest[close + 2..end]);
    let target = if let Some(id) = target.strip_prefix("code:") {
        Target::Code(id.to_string())
    } else if let Some(guide) = target.strip_prefix("guide:") {
        let (slug, anchor) = match guide.split_once('#') {
            Some((slug, anchor)) => (slug, Some(anchor.to_string())),
            None => (guide, None),
        };
        Target::Guide {
            slug: slug.to_string(),
            anchor,
        }
    } else if target.starts_with("https://") {
        Target::Web(target.to_string())
    } else {
        return Err(format!(
            "link target {target:?} is not code:, guide: or https://"
        ));
    };
    let inline = Inline::Link {
        text: text.to_string(),
        target,
    };
    Ok(Some((inline, end + 1)))
}

/// Words of prose (example blocks do not count), for the reading time.
fn word_count(blocks: &[Block]) -> usize {
    let words = |inlines: &[Inline]| -> usize {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Text(t) | Inline::Code(t) | Inline::Bold(t) => t.split_whitespace().count(),
                Inline::Link { text, .. } => text.split_whitespace().count(),
            })
            .sum()
    };
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text, .. } => text.split_whitespace().count(),
            Block::Paragraph(i) | Block::Bullet(i) | Block::Numbered(_, i) => words(i),
            Block::Quote { text, .. } => text.split_whitespace().count(),
            Block::Exchange(_) | Block::Code(_) => 0,
        })
        .sum()
}

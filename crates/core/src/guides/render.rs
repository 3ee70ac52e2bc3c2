//! A guide as styled lines at a width, for the TUI's reader and
//! `httpdex guide`: headings, wrapped paragraphs and lists, quotes with
//! their citation, example blocks, and where each link and section landed
//! so the reader can move between links and jump to a section.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Block, Guide, Inline, Target};
use crate::doc::break_preformatted;
use crate::theme::Theme;
use crate::wrap::width_of;

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub lines: Vec<Line<'static>>,
    /// Every link, in reading order.
    pub links: Vec<Target>,
    /// Where each link's words are: (link, line, span), a link wrapped
    /// over two lines having two spots.
    pub spots: Vec<LinkSpot>,
    /// (anchor, line) of every heading.
    pub anchors: Vec<(String, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkSpot {
    pub link: usize,
    pub line: usize,
    pub span: usize,
}

impl Rendered {
    /// The first line of the section `anchor`, if the guide has it.
    pub fn anchor_line(&self, anchor: &str) -> Option<usize> {
        self.anchors
            .iter()
            .find(|(a, _)| a == anchor)
            .map(|(_, line)| *line)
    }

    /// The line the link's first word is on.
    pub fn link_line(&self, link: usize) -> Option<usize> {
        self.spots.iter().find(|s| s.link == link).map(|s| s.line)
    }
}

/// One word with its style, the link it belongs to, and whether a space
/// comes before it.
struct Atom {
    text: String,
    style: Style,
    link: Option<usize>,
    space: bool,
}

struct Page<'t> {
    theme: &'t Theme,
    width: usize,
    out: Rendered,
    /// Whether the last block was a list item: a list opens with a blank.
    in_list: bool,
}

pub fn render(guide: &Guide, theme: &Theme, width: usize) -> Rendered {
    let mut page = Page {
        theme,
        width: width.max(20),
        out: Rendered::default(),
        in_list: false,
    };
    page.text(&guide.title, theme.heading(), "", "");
    page.text(&guide.summary, theme.italic(), "", "");
    let codes = guide.codes.join(", ");
    let meta = format!("{} min read · about {codes}", guide.reading_minutes());
    page.text(&meta, theme.dim(), "", "");
    for block in &guide.blocks {
        page.block(block);
    }
    page.out
}

impl Page<'_> {
    fn block(&mut self, block: &Block) {
        let theme = self.theme;
        let list = matches!(block, Block::Bullet(_) | Block::Numbered(..));
        if list && !self.in_list {
            self.out.lines.push(Line::default());
        }
        self.in_list = list;
        match block {
            Block::Heading {
                level,
                text,
                anchor,
            } => {
                self.out.lines.push(Line::default());
                self.out
                    .anchors
                    .push((anchor.clone(), self.out.lines.len()));
                let prefix = if *level == 2 { "── " } else { "" };
                self.text(text, theme.heading(), prefix, "   ");
            }
            Block::Paragraph(inlines) => {
                self.out.lines.push(Line::default());
                self.inlines(inlines, "", "");
            }
            Block::Bullet(inlines) => self.inlines(inlines, "• ", "  "),
            Block::Numbered(n, inlines) => {
                let first = format!("{n}. ");
                let rest = " ".repeat(first.len());
                self.inlines(inlines, &first, &rest);
            }
            Block::Quote {
                text,
                document,
                section,
            } => {
                self.out.lines.push(Line::default());
                self.text(&format!("“{text}”"), theme.quote(), "│ ", "│ ");
                let cite = format!("— {document} §{section}");
                self.text(&cite, theme.dim(), "  ", "  ");
            }
            Block::Exchange(text) | Block::Code(text) => {
                self.out.lines.push(Line::default());
                let inner = self.width.saturating_sub(2).max(4);
                for raw in text.lines() {
                    for piece in break_preformatted(raw, inner) {
                        self.out.lines.push(Line::from(vec![
                            Span::styled("│ ", theme.dim()),
                            Span::styled(piece, theme.code_block()),
                        ]));
                    }
                }
            }
        }
    }

    fn text(&mut self, text: &str, style: Style, first: &str, rest: &str) {
        let inlines = [Inline::Text(text.to_string())];
        self.styled(&inlines, style, first, rest);
    }

    fn inlines(&mut self, inlines: &[Inline], first: &str, rest: &str) {
        self.styled(inlines, Style::new(), first, rest);
    }

    /// Wraps `inlines` to the page, `first` before the first line and
    /// `rest` before the others, recording where links land.
    fn styled(&mut self, inlines: &[Inline], base: Style, first: &str, rest: &str) {
        let atoms = self.atoms(inlines, base);
        let mut line: Vec<Span<'static>> = vec![Span::raw(first.to_string())];
        let mut used = width_of(first);
        let mut empty = true;
        let mut previous_link = None;
        for atom in atoms {
            let need = width_of(&atom.text) + usize::from(atom.space && !empty);
            if !empty && used + need > self.width {
                self.out.lines.push(Line::from(std::mem::take(&mut line)));
                line.push(Span::raw(rest.to_string()));
                used = width_of(rest);
                empty = true;
            }
            if atom.space && !empty {
                // The space between two words of one link is part of it,
                // so that its underline and highlight run unbroken.
                let inside = atom.link.is_some() && atom.link == previous_link;
                if let (true, Some(link)) = (inside, atom.link) {
                    self.out.spots.push(LinkSpot {
                        link,
                        line: self.out.lines.len(),
                        span: line.len(),
                    });
                }
                line.push(Span::styled(" ", if inside { atom.style } else { base }));
                used += 1;
            }
            previous_link = atom.link;
            if let Some(link) = atom.link {
                self.out.spots.push(LinkSpot {
                    link,
                    line: self.out.lines.len(),
                    span: line.len(),
                });
            }
            used += width_of(&atom.text);
            line.push(Span::styled(atom.text, atom.style));
            empty = false;
        }
        self.out.lines.push(Line::from(line));
    }

    /// The words of `inlines`, styled, links numbered in reading order.
    fn atoms(&mut self, inlines: &[Inline], base: Style) -> Vec<Atom> {
        let theme = self.theme;
        let mut atoms = Vec::new();
        let mut space = false;
        for inline in inlines {
            let (text, style, link) = match inline {
                Inline::Text(t) => (t.as_str(), base, None),
                Inline::Code(t) => (t.as_str(), theme.code_block(), None),
                Inline::Bold(t) => (t.as_str(), base.patch(theme.title()), None),
                Inline::Link { text, target } => {
                    self.out.links.push(target.clone());
                    (text.as_str(), theme.link(), Some(self.out.links.len() - 1))
                }
            };
            space |= text.starts_with(char::is_whitespace);
            for (i, word) in text.split_whitespace().enumerate() {
                atoms.push(Atom {
                    text: word.to_string(),
                    style,
                    link,
                    space: space || i > 0,
                });
                space = false;
            }
            space = text.ends_with(char::is_whitespace);
        }
        atoms
    }
}

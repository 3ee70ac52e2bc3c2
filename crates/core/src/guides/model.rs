//! The guide model, kept free of the rest of the crate so that the
//! crate's build script can parse guides with it too (Further reading is
//! worked out at build time, not at every `show`).

#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// The entry ids the guide is mainly about.
    pub codes: Vec<String>,
    pub blocks: Vec<Block>,
    /// Words of prose, examples left out.
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `##` is level 2, `###` level 3; `anchor` is what `guide:slug#anchor` names.
    Heading {
        level: u8,
        text: String,
        anchor: String,
    },
    Paragraph(Vec<Inline>),
    Bullet(Vec<Inline>),
    Numbered(u32, Vec<Inline>),
    /// A verbatim RFC quote and where it is from.
    Quote {
        text: String,
        document: String,
        section: String,
    },
    /// An example exchange: a request and its response, or a response.
    Exchange(String),
    Code(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Code(String),
    Bold(String),
    Link { text: String, target: Target },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// An entry, by id.
    Code(String),
    /// A guide, at a section when the anchor is given.
    Guide {
        slug: String,
        anchor: Option<String>,
    },
    Web(String),
}

/// Words a minute for the reading time: a steady pace for technical prose.
const WORDS_PER_MINUTE: usize = 200;

impl Guide {
    /// Minutes to read it, rounded up, computed from its words.
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// The sections that link to entry `id`: (heading, anchor), in order;
    /// the text before the first heading counts as the top ("", "").
    pub fn sections_linking(&self, id: &str) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = Vec::new();
        let mut section = (String::new(), String::new());
        for block in &self.blocks {
            let inlines = match block {
                Block::Heading { text, anchor, .. } => {
                    section = (text.clone(), anchor.clone());
                    continue;
                }
                Block::Paragraph(i) | Block::Bullet(i) | Block::Numbered(_, i) => i,
                _ => continue,
            };
            let links_here = inlines.iter().any(|i| {
                matches!(i, Inline::Link { target: Target::Code(c), .. } if c.eq_ignore_ascii_case(id))
            });
            if links_here && !found.contains(&section) {
                found.push(section.clone());
            }
        }
        found
    }
}

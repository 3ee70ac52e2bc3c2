//! Styles shared by the TUI and the coloured CLI output. With colour off
//! (`NO_COLOR`, `--color never`, not a terminal) only modifiers remain, so
//! emphasis and the selection (reversed) stay visible.

use ratatui::style::{Color, Modifier, Style};

use httpdex_catalog::{Class, HeaderRequirement};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub const COLOR: Theme = Theme { color: true };
    pub const PLAIN: Theme = Theme { color: false };

    /// Colour on unless `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        // A dumb terminal shows escape sequences as text.
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        Theme {
            color: !no_color && !dumb,
        }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn class(&self, class: Class) -> Style {
        self.fg(match class {
            Class::Informational => Color::Magenta,
            Class::Success => Color::Green,
            Class::Redirection => Color::Cyan,
            Class::ClientError => Color::Yellow,
            Class::ServerError => Color::Red,
        })
    }

    pub fn heading(&self) -> Style {
        self.fg(Color::LightBlue).add_modifier(Modifier::BOLD)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn italic(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// A link in a guide: underlined, so it shows without colour too.
    pub fn link(&self) -> Style {
        self.fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED)
    }

    /// The link the reader has selected.
    pub fn link_selected(&self) -> Style {
        self.link().add_modifier(Modifier::REVERSED)
    }

    pub fn quote(&self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::ITALIC)
    }

    pub(crate) fn code_block(&self) -> Style {
        self.fg(Color::LightGreen)
    }

    pub fn badge(&self) -> Style {
        self.fg(Color::LightMagenta).add_modifier(Modifier::BOLD)
    }

    /// Matched characters in search results.
    pub fn highlight(&self) -> Style {
        self.fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The selected row: reversed works with or without colour.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::LightBlue),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::LightBlue).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn requirement(&self, rule: HeaderRequirement) -> Style {
        self.fg(match rule {
            HeaderRequirement::Required => Color::LightRed,
            HeaderRequirement::Recommended => Color::LightYellow,
            HeaderRequirement::Discouraged => Color::LightMagenta,
            HeaderRequirement::Forbidden => Color::Magenta,
        })
        .add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }
}

//! Drawing: reads `&App`, computes nothing that update could have.

pub mod browse;
pub mod cheatsheet;
pub mod check;
pub mod compare;
pub mod detail;
pub mod guides;
pub mod help;
pub mod logs;
pub mod quiz;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, Screen};
use super::keymap;
use crate::layout;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(areas) = layout::areas(area) else {
            too_small(self, area, buf);
            return;
        };
        match self.screen_below_help() {
            Screen::Browse | Screen::Pick { .. } | Screen::Help => {
                browse::render_search(self, areas.search, buf);
                browse::render_list(self, areas.list, buf);
                detail::render(self, areas.detail, buf);
            }
            Screen::Compare => compare::render(self, layout::screen_block(area), buf),
            Screen::Cheatsheet => cheatsheet::render(self, layout::screen_block(area), buf),
            Screen::Quiz => quiz::render(self, layout::screen_block(area), buf),
            Screen::Guides => guides::render_list(self, layout::screen_block(area), buf),
            Screen::Reader => guides::render_reader(self, layout::screen_block(area), buf),
            Screen::Logs => logs::render(self, layout::screen_block(area), buf),
            Screen::Check => check::render(self, layout::screen_block(area), buf),
        }
        footer(self, areas.footer, buf);
        if self.help_open() {
            help::render(self, layout::help_area(area), buf);
        }
    }
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let min = (layout::MIN_WIDTH, layout::MIN_HEIGHT);
    let text = crate::hints::too_small(area.width, area.height, min);
    Paragraph::new(text)
        .style(app.theme.error())
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Key hints for the current context, from the key table. Neighbouring
/// bindings with the same hint share it: `↓/↑ move`.
fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(status) = &app.status {
        Line::styled(format!(" {status}"), app.theme.badge()).render(area, buf);
        return;
    }
    let mut hints: Vec<(Vec<String>, &str)> = Vec::new();
    for binding in keymap::active(app.context()) {
        let Some(hint) = binding.hint else { continue };
        let key = binding.keys[0].label();
        match hints.last_mut() {
            Some((keys, last)) if *last == hint => keys.push(key),
            _ => hints.push((vec![key], hint)),
        }
    }
    // Hints that do not fit are left out whole rather than cut mid-word.
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, hint) in hints {
        let keys = format!(" {} ", join_keys(&keys));
        let hint = format!("{hint} ");
        used += keys.chars().count() + hint.chars().count();
        if used > area.width as usize {
            break;
        }
        spans.push(Span::styled(keys, app.theme.key()));
        spans.push(Span::styled(hint, app.theme.dim()));
    }
    Line::from(spans).render(area, buf);
}

/// Keys that share a hint, as the footer writes them: `↓/↑`, and a run of
/// consecutive digits as a range (`1-4`, the quiz's answers).
fn join_keys(keys: &[String]) -> String {
    let digits: Vec<u32> = keys
        .iter()
        .filter_map(|k| k.parse().ok().filter(|_| k.len() == 1))
        .collect();
    let consecutive = digits.windows(2).all(|w| w[1] == w[0] + 1);
    if keys.len() > 2 && digits.len() == keys.len() && consecutive {
        format!("{}-{}", keys[0], keys[keys.len() - 1])
    } else {
        keys.join("/")
    }
}

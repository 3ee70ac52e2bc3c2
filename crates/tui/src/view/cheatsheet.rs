//! The cheat sheet: every code on one screen, grouped by class.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::app::{App, CheatItem};
use httpdex_catalog::Origin;
use httpdex_core::wrap::truncate;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let sheet = &app.cheatsheet;
    let origin = app
        .browse
        .filter
        .origin
        .map_or("all origins", |o| o.label());
    let mut block = Block::bordered()
        .border_style(app.theme.border(true))
        .title(Span::styled(
            format!(" Cheat sheet · {} codes · {origin} ", sheet.entry_count),
            app.theme.heading(),
        ));
    if sheet.columns() > sheet.visible_columns {
        block = block.title_bottom(
            Line::from(format!(
                " columns {}-{} of {} (←/→ for more) ",
                sheet.column_offset + 1,
                (sheet.column_offset + sheet.visible_columns).min(sheet.columns()),
                sheet.columns()
            ))
            .right_aligned(),
        );
    }
    let grid = block.inner(area);
    block.render(area, buf);
    let width = sheet.column_width as usize;
    for (i, item) in sheet.items.iter().enumerate() {
        let (column, row) = sheet.position(i);
        if column < sheet.column_offset || column >= sheet.column_offset + sheet.visible_columns {
            continue;
        }
        let x = grid.x + ((column - sheet.column_offset) * width) as u16;
        let cell = Rect::new(
            x,
            grid.y + row as u16,
            sheet.column_width.saturating_sub(1),
            1,
        );
        let line = match item {
            CheatItem::Header(class) => Line::styled(
                format!("{} {}", class.mask(), class.label()),
                app.theme.class(*class).patch(app.theme.heading()),
            ),
            CheatItem::Entry(entry) => {
                let e = app.catalog.entry(*entry);
                let base = if i == sheet.selected {
                    app.theme.selected()
                } else {
                    Style::new()
                };
                let name = truncate(&e.display_name(), width.saturating_sub(8));
                // Vendor codes are dimmed so the registered ones stand out.
                let name_style = match e.origin {
                    Origin::Iana => base,
                    _ => base.patch(app.theme.dim()),
                };
                Line::from(vec![
                    Span::styled(
                        format!("{:<7}", e.display_code()),
                        base.patch(app.theme.class(e.class())),
                    ),
                    Span::styled(name, name_style),
                ])
            }
        };
        line.render(cell, buf);
    }
}

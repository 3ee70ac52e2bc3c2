//! The quiz screen: question, options, feedback that teaches, summary.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::app::{App, QuizView};
use httpdex_core::quiz::{Kind, Round};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = &app.quiz else { return };
    let round = &view.round;
    let block = Block::bordered()
        .border_style(app.theme.border(true))
        .title(Span::styled(
            format!(" Quiz · {} ", view.settings.level.label()),
            app.theme.heading(),
        ))
        .title(Line::from(scoreline(round)).right_aligned());
    let inner = super::layout::pane_text(area);
    block.render(area, buf);
    let lines = if round.is_finished() {
        summary(app, view)
    } else {
        question(app, view)
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

fn scoreline(round: &Round) -> String {
    let asked = round.position() + usize::from(!round.is_finished());
    format!(
        " {} of {} · score {} · streak {} · {}:{:02} ",
        asked.min(round.questions.len()),
        round.questions.len(),
        round.score(),
        round.streak,
        round.elapsed_secs / 60,
        round.elapsed_secs % 60
    )
}

fn question(app: &App, view: &QuizView) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let round = &view.round;
    let Some(q) = round.current() else {
        return vec![Line::from("This round has no questions.")];
    };
    let kind = match q.kind {
        Kind::Scenario => "Which code fits?",
        Kind::CodeToName => "Name the code",
        Kind::NameToCode => "Find the code",
        Kind::AOrB => "A or B?",
    };
    let mut lines = vec![
        Line::styled(kind, theme.dim()),
        Line::styled(q.prompt.clone(), theme.title()),
        Line::default(),
    ];
    let feedback = round.showing_feedback();
    let chosen = feedback.then(|| round.answers[round.position()]);
    for (i, choice) in q.choices.iter().enumerate() {
        let marker = match chosen {
            Some(_) if i == q.correct => "✔",
            Some(c) if c == i => "✘",
            _ => " ",
        };
        let mut style = Style::new();
        if chosen.is_none() && i == view.highlighted {
            style = theme.selected();
        } else if chosen.is_some() && i == q.correct {
            style = theme.class(httpdex_catalog::Class::Success);
        } else if chosen == Some(i) {
            style = theme.error();
        }
        lines.push(Line::from(vec![
            Span::styled(format!(" {marker} {} ", i + 1), theme.key()),
            Span::styled(format!(" {} ", choice.text), style),
        ]));
    }
    if let Some(c) = chosen {
        lines.push(Line::default());
        let entry = |choice| view.choice_entry(round.position(), choice);
        if c == q.correct {
            lines.push(Line::styled(
                "✔ Right!",
                theme.class(httpdex_catalog::Class::Success),
            ));
        } else {
            lines.push(Line::styled(
                format!(
                    "✘ Not quite: the answer is {}.",
                    entry(q.correct).map_or("", |e| &e.title)
                ),
                theme.error(),
            ));
        }
        lines.push(Line::from(vec![
            Span::styled("Why: ", theme.title()),
            Span::raw(q.explanation.clone()),
        ]));
        if c != q.correct
            && let Some(e) = entry(c)
        {
            lines.push(Line::from(vec![
                Span::styled(format!("You picked {}: ", e.title), theme.title()),
                Span::raw(e.summary.clone()),
            ]));
        }
        lines.push(Line::default());
        lines.push(Line::styled(crate::hints::quiz_feedback(), theme.dim()));
    }
    lines
}

fn summary(app: &App, view: &QuizView) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let round = &view.round;
    let (score, total) = (round.score(), round.questions.len());
    let percent = (score * 100).checked_div(total).unwrap_or(0);
    let mut lines = vec![Line::styled(
        format!(
            "Round complete: {score}/{total} ({percent}%) in {}:{:02} · best streak {}",
            round.elapsed_secs / 60,
            round.elapsed_secs % 60,
            round.best_streak
        ),
        theme.title(),
    )];
    let best = app.best_score(view.settings.level);
    match (view.new_best, best) {
        (Some(true), _) if score > 0 => lines.push(Line::styled(
            format!("New best score for {}!", view.settings.level.label()),
            theme.badge(),
        )),
        (_, Some((s, c))) => lines.push(Line::styled(
            format!("Best for {}: {s}/{c}", view.settings.level.label()),
            theme.dim(),
        )),
        _ => {}
    }
    lines.push(Line::default());
    let missed: Vec<usize> = (0..round.questions.len())
        .filter(|&i| {
            round
                .answers
                .get(i)
                .is_some_and(|a| *a != round.questions[i].correct)
        })
        .collect();
    if missed.is_empty() {
        lines.push(Line::from(
            "Nothing missed. Try a harder level with `httpdex quiz --level iana`.",
        ));
    } else {
        lines.push(Line::styled(
            "Missed, worth a second look:",
            theme.heading(),
        ));
        for i in missed {
            let Some(right) = view.choice_entry(i, round.questions[i].correct) else {
                continue;
            };
            lines.push(Line::from(vec![
                Span::styled(format!("• {}", right.title), theme.title()),
                Span::raw(format!(": {}", right.summary)),
            ]));
        }
    }
    let weakest = &view.weakest;
    if !weakest.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Your weakest codes so far:", theme.heading()));
        lines.push(Line::from(weakest.join(" · ")));
    }
    lines.push(Line::default());
    lines.push(Line::styled(crate::hints::quiz_summary(), theme.dim()));
    lines
}

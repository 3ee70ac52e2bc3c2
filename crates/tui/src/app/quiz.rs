//! The quiz screen: a round of questions, feedback that teaches, a summary
//! that offers the missed codes again. Rounds come from `httpdex_core::quiz`.

use super::{App, Effect, Screen, step};
use crate::action::Action;
use httpdex_core::quiz::{self, Level, Question, Rng, Round};
use httpdex_platform::state::{RoundRecord, State};

/// How a round is made; kept so "new round" repeats the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizSettings {
    pub level: Level,
    pub count: usize,
    /// With a seed the round depends on it alone, not on past answers.
    pub seed: Option<u64>,
}

impl Default for QuizSettings {
    fn default() -> Self {
        QuizSettings {
            level: Level::Common,
            count: 10,
            seed: None,
        }
    }
}

pub struct QuizView {
    pub settings: QuizSettings,
    pub round: Round,
    /// Counts rounds, so the runner knows when to restart its clock.
    pub round_number: u64,
    /// The highlighted option.
    pub highlighted: usize,
    /// Set when the finished round was saved: whether it was a new best.
    pub new_best: Option<bool>,
    /// The player's weakest codes, for the summary (derived from the stats
    /// here, not while drawing).
    pub weakest: Vec<String>,
    /// For each question, each choice's entry as the feedback and summary
    /// name it: (`401 Unauthorized`, its summary). Looked up once per round.
    pub choices: Vec<Vec<ChoiceEntry>>,
}

/// A choice's entry, as the feedback and the summary show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceEntry {
    pub title: String,
    pub summary: String,
}

impl QuizView {
    /// The entry of choice `choice` of question `question`.
    pub(crate) fn choice_entry(&self, question: usize, choice: usize) -> Option<&ChoiceEntry> {
        self.choices.get(question)?.get(choice)
    }
}

impl App {
    /// Starts a round with `settings`; `entropy` seeds unseeded rounds.
    pub fn start_quiz(&mut self, settings: QuizSettings, entropy: u64) {
        let mut rng = Rng::new(settings.seed.unwrap_or(entropy));
        let stats = settings.seed.is_none().then_some(&self.record.stats);
        let questions = quiz::generate_round(
            &self.catalog,
            settings.level,
            settings.count,
            &mut rng,
            stats,
        );
        self.begin_round(settings, questions);
    }

    /// Back to the round in progress, or a new one.
    pub(super) fn open_quiz(&mut self) {
        match &self.quiz {
            Some(view) if !view.round.is_finished() => self.open(Screen::Quiz),
            other => {
                let settings = other.as_ref().map(|v| v.settings).unwrap_or_default();
                self.start_quiz(settings, self.next_round_entropy());
            }
        }
    }

    /// Seeds an unseeded round from the session's entropy and the number
    /// the round will have, so that no two rounds of a session repeat.
    fn next_round_entropy(&self) -> u64 {
        let next = self.quiz.as_ref().map_or(0, |q| q.round_number + 1);
        next.wrapping_mul(0x9E37_79B9) ^ self.entropy
    }

    fn begin_round(&mut self, settings: QuizSettings, questions: Vec<Question>) {
        let round_number = self.quiz.as_ref().map_or(0, |q| q.round_number + 1);
        let choices = questions
            .iter()
            .map(|q| q.choices.iter().map(|c| self.choice_entry(&c.id)).collect())
            .collect();
        self.quiz = Some(QuizView {
            choices,
            settings,
            round: Round::new(settings.level, questions),
            round_number,
            highlighted: 0,
            new_best: None,
            weakest: self.weakest_codes(5),
        });
        self.open(Screen::Quiz);
    }

    fn choice_entry(&self, id: &str) -> ChoiceEntry {
        match self.catalog.get(id) {
            Some(e) => ChoiceEntry {
                title: e.title(),
                summary: e.summary.to_string(),
            },
            None => ChoiceEntry {
                title: id.to_string(),
                summary: String::new(),
            },
        }
    }

    pub(super) fn update_quiz(&mut self, action: Action) {
        let Some(view) = self.quiz.as_mut() else {
            self.close();
            return;
        };
        let choices = view.round.current().map_or(0, |q| q.choices.len());
        let answering = !view.round.showing_feedback() && !view.round.is_finished();
        match action {
            Action::Answer(n) if answering => self.answer(n),
            Action::SelectNext | Action::ScrollDown if answering => {
                view.highlighted = (view.highlighted + 1).min(choices.saturating_sub(1));
            }
            Action::SelectPrev | Action::ScrollUp if answering => {
                view.highlighted = view.highlighted.saturating_sub(1);
            }
            Action::Open if answering => {
                let n = view.highlighted;
                self.answer(n);
            }
            Action::Open | Action::NextQuestion if view.round.showing_feedback() => {
                view.round.next();
                view.highlighted = 0;
                if view.round.is_finished() {
                    let record = RoundRecord {
                        level: view.settings.level,
                        results: view.round.results(),
                        seconds: view.round.elapsed_secs,
                    };
                    self.effects.push(Effect::SaveRound(record));
                }
            }
            Action::ShowAnswer => self.show_answer_detail(),
            Action::ReplayMissed if view.round.is_finished() => {
                let missed: Vec<Question> = view.round.missed().into_iter().cloned().collect();
                if missed.is_empty() {
                    self.status = Some("Nothing missed: a perfect round!".to_string());
                } else {
                    let settings = view.settings;
                    self.begin_round(settings, missed);
                }
            }
            Action::NewRound if view.round.is_finished() => {
                let settings = view.settings;
                self.start_quiz(settings, self.next_round_entropy());
            }
            Action::CycleLevel => {
                let settings = QuizSettings {
                    level: step(&Level::ALL, view.settings.level, true),
                    ..view.settings
                };
                self.start_quiz(settings, self.next_round_entropy());
                self.status = Some(format!("New round: {}", settings.level.label()));
            }
            Action::Tick(seconds) if !view.round.is_finished() => view.round.elapsed_secs = seconds,
            Action::Back => {
                self.close();
            }
            _ => {}
        }
    }

    fn answer(&mut self, choice: usize) {
        let Some(view) = self.quiz.as_mut() else {
            return;
        };
        if view.round.answer(choice).is_some() {
            view.highlighted = choice;
        }
    }

    /// Opens the detail of the question's right answer; Esc comes back.
    fn show_answer_detail(&mut self) {
        let Some(question) = self.quiz.as_ref().and_then(|v| v.round.current()) else {
            return;
        };
        let answered = self
            .quiz
            .as_ref()
            .is_some_and(|v| v.round.showing_feedback());
        if !answered {
            self.status = Some("Answer first: the detail would give it away".to_string());
            return;
        }
        let id = question.choices[question.correct].id.clone();
        if let Some(entry) = self.catalog.entry_ref(&id) {
            self.show_entry_over(entry);
            self.status = Some(crate::hints::reading_answer(&id));
        }
    }

    /// The runner saved a finished round: keep the new stats, celebrate a best.
    pub(crate) fn round_saved(&mut self, result: Result<(State, bool), String>) {
        match result {
            Ok((state, new_best)) => {
                self.record.stats = state.codes;
                self.record.best = state.best;
                let weakest = self.weakest_codes(5);
                if let Some(view) = self.quiz.as_mut() {
                    view.new_best = Some(new_best);
                    view.weakest = weakest;
                }
            }
            Err(why) => self.status = Some(format!("Quiz stats not saved: {why}")),
        }
    }

    /// (score, count) of the best round at `level`, if any was played.
    pub(crate) fn best_score(&self, level: Level) -> Option<(u32, u32)> {
        self.record
            .best
            .get(level.slug())
            .map(|b| (b.score, b.count))
    }

    /// Codes answered at least twice, lowest accuracy first: `412 (1/4)`.
    fn weakest_codes(&self, n: usize) -> Vec<String> {
        let mut weak: Vec<(&String, &quiz::CodeStats)> = self
            .record
            .stats
            .iter()
            .filter(|(_, s)| s.attempts >= 2 && s.correct < s.attempts)
            .collect();
        weak.sort_by(|a, b| {
            let rate = |s: &quiz::CodeStats| f64::from(s.correct) / f64::from(s.attempts);
            rate(a.1)
                .total_cmp(&rate(b.1))
                .then(b.1.attempts.cmp(&a.1.attempts))
        });
        weak.iter()
            .take(n)
            .map(|(id, s)| format!("{id} ({}/{})", s.correct, s.attempts))
            .collect()
    }

    /// Whether the quiz clock should run.
    pub(crate) fn quiz_clock(&self) -> Option<u64> {
        let view = self.quiz.as_ref()?;
        (self.screen_below_help() == Screen::Quiz && !view.round.is_finished())
            .then_some(view.round_number)
    }
}

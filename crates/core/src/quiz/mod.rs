//! The quiz: question generation and scoring, pure and seeded. No clock and
//! no I/O here: the TUI feeds elapsed time in, and `httpdex_platform::state` stores
//! what a finished round taught.

mod generate;
mod rng;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use generate::{common_ids, generate_round};
pub use rng::Rng;

/// Which codes a round draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The codes every web developer meets.
    Common,
    /// Every IANA-registered code.
    Iana,
    /// Everything, vendor codes included.
    All,
    /// Only vendor and unofficial codes.
    Vendor,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Common, Level::Iana, Level::All, Level::Vendor];

    pub fn slug(self) -> &'static str {
        match self {
            Level::Common => "common",
            Level::Iana => "iana",
            Level::All => "all",
            Level::Vendor => "vendor",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Common => "common codes",
            Level::Iana => "all IANA codes",
            Level::All => "everything",
            Level::Vendor => "vendor round",
        }
    }

    pub fn from_slug(s: &str) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|l| l.slug() == s.to_ascii_lowercase())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// "What is 404 called?"
    CodeToName,
    /// "Which code means: the resource is gone for good?"
    NameToCode,
    /// A situation from `data/quiz.json`.
    Scenario,
    /// "401 or 403?" for a commonly confused pair.
    AOrB,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The entry id this option stands for.
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub kind: Kind,
    pub prompt: String,
    pub choices: Vec<Choice>,
    /// Index of the right choice.
    pub correct: usize,
    /// The code this question teaches (its stats are updated).
    pub subject: String,
    /// Why the answer wins.
    pub explanation: String,
}

/// Per-code learning record, kept across rounds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeStats {
    pub attempts: u32,
    pub correct: u32,
}

impl CodeStats {
    /// How much a code deserves practice: high for codes often missed,
    /// moderate for new ones, low for mastered ones (Laplace-smoothed).
    pub fn weight(&self) -> f64 {
        let misses = f64::from(self.attempts - self.correct.min(self.attempts));
        let rate = (misses + 1.0) / (f64::from(self.attempts) + 2.0);
        0.25 + 4.0 * rate
    }
}

pub type Stats = BTreeMap<String, CodeStats>;

/// A round in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub level: Level,
    pub questions: Vec<Question>,
    /// The choice made for each answered question.
    pub answers: Vec<usize>,
    pub streak: u32,
    pub best_streak: u32,
    pub elapsed_secs: u64,
    /// Set by an answer, cleared by `next`: the feedback is showing.
    awaiting_next: bool,
}

impl Round {
    pub fn new(level: Level, questions: Vec<Question>) -> Round {
        Round {
            level,
            questions,
            answers: Vec::new(),
            streak: 0,
            best_streak: 0,
            elapsed_secs: 0,
            awaiting_next: false,
        }
    }

    /// The question being asked or just answered.
    pub fn current(&self) -> Option<&Question> {
        self.questions.get(self.position())
    }

    /// Index of the current question: the last answered one while its
    /// feedback shows, else the next unanswered one.
    pub fn position(&self) -> usize {
        if self.showing_feedback() {
            self.answers.len() - 1
        } else {
            self.answers.len()
        }
    }

    /// True between answering a question and moving on.
    pub fn showing_feedback(&self) -> bool {
        !self.answers.is_empty() && self.awaiting_next
    }

    pub fn is_finished(&self) -> bool {
        self.answers.len() == self.questions.len() && !self.awaiting_next
    }

    pub fn score(&self) -> usize {
        self.answers
            .iter()
            .zip(&self.questions)
            .filter(|(a, q)| **a == q.correct)
            .count()
    }

    /// Records an answer; returns whether it was right. Ignored while
    /// feedback shows or after the last question.
    pub fn answer(&mut self, choice: usize) -> Option<bool> {
        if self.showing_feedback() || self.answers.len() >= self.questions.len() {
            return None;
        }
        let question = &self.questions[self.answers.len()];
        if choice >= question.choices.len() {
            return None;
        }
        let right = choice == question.correct;
        self.answers.push(choice);
        self.awaiting_next = true;
        if right {
            self.streak += 1;
            self.best_streak = self.best_streak.max(self.streak);
        } else {
            self.streak = 0;
        }
        Some(right)
    }

    /// Leaves the feedback of the last answer.
    pub fn next(&mut self) {
        self.awaiting_next = false;
    }

    /// Questions answered wrongly, in order.
    pub fn missed(&self) -> Vec<&Question> {
        self.answers
            .iter()
            .zip(&self.questions)
            .filter(|(a, q)| **a != q.correct)
            .map(|(_, q)| q)
            .collect()
    }

    /// (subject id, right?) per answered question, for the stats.
    pub fn results(&self) -> Vec<(String, bool)> {
        self.answers
            .iter()
            .zip(&self.questions)
            .map(|(a, q)| (q.subject.clone(), *a == q.correct))
            .collect()
    }
}

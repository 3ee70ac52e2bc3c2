//! Builds a round: picks the codes to ask about (leaning towards the ones
//! the player misses), the kind of each question, and plausible wrong
//! options (confusable codes first, then the same class).

use std::collections::HashSet;

use super::{Choice, Kind, Level, Question, Rng, Stats};
use httpdex_catalog::{Catalog, Entry, EntryRef, Origin, Scenario};

/// The codes every web developer meets: the "common" level.
pub fn common_ids() -> &'static [&'static str] {
    &[
        "200", "201", "202", "204", "206", "301", "302", "303", "304", "307", "308", "400", "401",
        "403", "404", "405", "406", "408", "409", "410", "412", "413", "415", "422", "429", "500",
        "501", "502", "503", "504",
    ]
}

/// The entries a level draws from.
pub(crate) fn pool(catalog: &Catalog, level: Level) -> Vec<EntryRef> {
    let in_level = |e: &Entry| match level {
        Level::Common => common_ids().contains(&e.id.as_ref()),
        Level::Iana => e.origin == Origin::Iana,
        Level::All => true,
        Level::Vendor => e.origin != Origin::Iana,
    };
    catalog
        .entry_refs()
        .filter(|(_, e)| in_level(e))
        .map(|(r, _)| r)
        .collect()
}

fn scenario_in_level(s: &Scenario, level: Level) -> bool {
    match level {
        Level::Common => s.level == "common",
        Level::Iana => s.level != "vendor",
        Level::All => true,
        Level::Vendor => s.level == "vendor",
    }
}

/// A round of `count` questions. With `stats`, codes the player misses are
/// asked more often; without, the round depends on the seed alone.
pub fn generate_round(
    catalog: &Catalog,
    level: Level,
    count: usize,
    rng: &mut Rng,
    stats: Option<&Stats>,
) -> Vec<Question> {
    let pool = pool(catalog, level);
    let mut g = Generator {
        catalog,
        pool: &pool,
        stats,
        used: HashSet::new(),
        used_scenarios: HashSet::new(),
        level,
    };
    (0..count).filter_map(|_| g.question(rng)).collect()
}

struct Generator<'a> {
    catalog: &'a Catalog,
    pool: &'a [EntryRef],
    stats: Option<&'a Stats>,
    /// Subjects already asked this round, avoided while others remain.
    used: HashSet<String>,
    used_scenarios: HashSet<String>,
    level: Level,
}

impl Generator<'_> {
    fn entry(&self, entry: EntryRef) -> &Entry {
        self.catalog.entry(entry)
    }

    fn weight(&self, id: &str) -> f64 {
        let fresh = if self.used.contains(id) { 0.05 } else { 1.0 };
        let learning = self
            .stats
            .map_or(1.0, |s| s.get(id).copied().unwrap_or_default().weight());
        fresh * learning
    }

    fn question(&mut self, rng: &mut Rng) -> Option<Question> {
        let scenarios: Vec<&Scenario> = self
            .catalog
            .scenarios()
            .iter()
            .filter(|s| scenario_in_level(s, self.level) && !self.used_scenarios.contains(&s.id))
            .collect();
        let kinds = [
            Kind::Scenario,
            Kind::CodeToName,
            Kind::NameToCode,
            Kind::AOrB,
        ];
        let weights = [if scenarios.is_empty() { 0.0 } else { 0.4 }, 0.2, 0.2, 0.2];
        let kind = kinds[rng.weighted(&weights)?];
        let question = match kind {
            Kind::Scenario => self.scenario(&scenarios, rng),
            Kind::AOrB => self
                .a_or_b(rng)
                .or_else(|| self.about_code(Kind::CodeToName, rng)),
            kind => self.about_code(kind, rng),
        }?;
        self.used.insert(question.subject.clone());
        Some(question)
    }

    fn scenario(&mut self, scenarios: &[&Scenario], rng: &mut Rng) -> Option<Question> {
        let weights: Vec<f64> = scenarios.iter().map(|s| self.weight(&s.answer)).collect();
        let s = scenarios[rng.weighted(&weights)?];
        self.used_scenarios.insert(s.id.clone());
        let mut ids: Vec<&String> = std::iter::once(&s.answer).chain(&s.wrong).collect();
        rng.shuffle(&mut ids);
        let choices = ids
            .iter()
            .filter_map(|id| self.catalog.get(id))
            .map(|e| Choice {
                id: e.id.to_string(),
                text: e.title(),
            })
            .collect::<Vec<_>>();
        Some(Question {
            kind: Kind::Scenario,
            prompt: s.scenario.clone(),
            correct: choices.iter().position(|c| c.id == s.answer)?,
            choices,
            subject: s.answer.clone(),
            explanation: s.explanation.clone(),
        })
    }

    /// "What is 404 called?" or "Which code is called Not Found?"
    fn about_code(&mut self, kind: Kind, rng: &mut Rng) -> Option<Question> {
        let weights: Vec<f64> = self
            .pool
            .iter()
            .map(|&i| self.weight(&self.entry(i).id))
            .collect();
        let subject = self.entry(self.pool[rng.weighted(&weights)?]).clone();
        let (prompt, text): (String, fn(&Entry) -> String) = if kind == Kind::CodeToName {
            let prompt = match subject.origin {
                Origin::Iana => format!("What is {} called?", subject.display_code()),
                o => format!("What does {o}'s {} mean?", subject.display_code()),
            };
            (prompt, |e| e.name.to_string())
        } else if subject.summary.contains(subject.display_code()) || rng.below(2) == 0 {
            (
                format!("Which code is called “{}”?", subject.name),
                code_text,
            )
        } else {
            (format!("Which code means: {}", subject.summary), code_text)
        };
        let mut options = vec![subject.clone()];
        options.extend(self.distractors(&subject, 3, text, rng));
        rng.shuffle(&mut options);
        Some(Question {
            kind,
            prompt,
            correct: options.iter().position(|e| e.id == subject.id)?,
            choices: options
                .iter()
                .map(|e| Choice {
                    id: e.id.to_string(),
                    text: text(e),
                })
                .collect(),
            explanation: format!("{}: {}", subject.title(), subject.definition),
            subject: subject.id.to_string(),
        })
    }

    /// "401 or 403?" from a curated pair, both in the pool.
    fn a_or_b(&mut self, rng: &mut Rng) -> Option<Question> {
        let pairs: Vec<(&Entry, &Entry, &str)> = self
            .catalog
            .comparisons()
            .iter()
            .filter_map(|c| {
                let (a, b) = (self.catalog.entry_ref(&c.a)?, self.catalog.entry_ref(&c.b)?);
                (self.pool.contains(&a) && self.pool.contains(&b))
                    .then(|| (self.entry(a), self.entry(b), c.rule_of_thumb.as_str()))
            })
            .collect();
        let weights: Vec<f64> = pairs
            .iter()
            .map(|(a, b, _)| self.weight(&a.id).max(self.weight(&b.id)))
            .collect();
        let (a, b, rule) = pairs[rng.weighted(&weights)?];
        let answer = if rng.below(2) == 0 { a } else { b };
        let mut options = [a, b];
        rng.shuffle(&mut options);
        Some(Question {
            kind: Kind::AOrB,
            prompt: format!(
                "{} or {}? Which one means: {}",
                a.display_code(),
                b.display_code(),
                answer.summary
            ),
            correct: options.iter().position(|e| e.id == answer.id)?,
            choices: options
                .iter()
                .map(|e| Choice {
                    id: e.id.to_string(),
                    text: e.title(),
                })
                .collect(),
            explanation: format!(
                "{}: {} Rule of thumb: {rule}",
                answer.title(),
                answer.summary
            ),
            subject: answer.id.to_string(),
        })
    }

    /// `n` wrong options whose text differs from the subject's and from
    /// each other: codes it is confused with first, then its class (every
    /// class has far more than four codes, so `n` are always found).
    fn distractors(
        &self,
        subject: &Entry,
        n: usize,
        text: fn(&Entry) -> String,
        rng: &mut Rng,
    ) -> Vec<Entry> {
        // Confusable codes are welcome from outside the pool: 407 is a
        // fine wrong answer to a question about 401 in any round.
        let mut confusable: Vec<EntryRef> = subject
            .confused_with
            .iter()
            .chain(&subject.related)
            .filter_map(|id| self.catalog.entry_ref(id))
            .collect();
        rng.shuffle(&mut confusable);
        confusable.truncate(2);
        let same_class = |r: &EntryRef| self.entry(*r).class() == subject.class();
        let mut in_pool: Vec<EntryRef> = self.pool.iter().copied().filter(same_class).collect();
        rng.shuffle(&mut in_pool);
        // A small pool (the vendor round has one 2xx code) borrows from the
        // whole catalog's class before it would offer another class.
        let all = self.catalog.entry_refs().map(|(r, _)| r);
        let mut in_catalog: Vec<EntryRef> = all.filter(same_class).collect();
        rng.shuffle(&mut in_catalog);

        let mut seen: HashSet<String> = HashSet::from([text(subject).to_lowercase()]);
        let mut out = Vec::new();
        for i in confusable.into_iter().chain(in_pool).chain(in_catalog) {
            let e = self.entry(i);
            if out.len() == n {
                break;
            }
            if e.id != subject.id && seen.insert(text(e).to_lowercase()) {
                out.push(e.clone());
            }
        }
        out
    }
}

/// How a code is shown as an option: vendor codes carry their origin,
/// since several origins share numbers.
fn code_text(e: &Entry) -> String {
    match e.origin {
        Origin::Iana => e.display_code().to_string(),
        o => format!("{} ({o})", e.display_code()),
    }
}

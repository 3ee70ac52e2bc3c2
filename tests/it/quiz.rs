//! Question generation (property tests), scoring, and a whole round played
//! through Actions.

use std::collections::HashSet;

use httpdex_core::quiz::{Kind, Level, Rng, Round, Stats, generate_round};
use proptest::prelude::*;

fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(Level::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn questions_are_well_formed(seed in any::<u64>(), level in level(), count in 1usize..30) {
        let catalog = crate::catalog();
        let questions = generate_round(&catalog, level, count, &mut Rng::new(seed), None);
        prop_assert_eq!(questions.len(), count);
        for q in &questions {
            let expected = if q.kind == Kind::AOrB { 2 } else { 4 };
            prop_assert_eq!(q.choices.len(), expected, "{:?}", q);
            prop_assert!(q.correct < q.choices.len());
            let ids: HashSet<_> = q.choices.iter().map(|c| &c.id).collect();
            let texts: HashSet<_> = q.choices.iter().map(|c| c.text.to_lowercase()).collect();
            prop_assert_eq!(ids.len(), q.choices.len(), "duplicate option in {:?}", q);
            prop_assert_eq!(texts.len(), q.choices.len(), "duplicate text in {:?}", q);
            prop_assert_eq!(&q.choices[q.correct].id, &q.subject);
            prop_assert!(!q.explanation.is_empty());
        }
    }

    #[test]
    fn wrong_options_are_plausible(seed in any::<u64>(), level in level()) {
        let catalog = crate::catalog();
        for q in generate_round(&catalog, level, 10, &mut Rng::new(seed), None) {
            if q.kind == Kind::Scenario {
                continue; // Curated in data/quiz.json.
            }
            let subject = catalog.get(&q.subject).unwrap();
            for c in &q.choices {
                let other = catalog.get(&c.id).unwrap();
                let plausible = other.class() == subject.class()
                    || subject.confused_with.iter().any(|x| *x == c.id)
                    || subject.related.iter().any(|x| *x == c.id)
                    || q.kind == Kind::AOrB;
                prop_assert!(plausible, "{} offered for {}", c.id, q.subject);
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_round(seed in any::<u64>(), level in level()) {
        let catalog = crate::catalog();
        let a = generate_round(&catalog, level, 10, &mut Rng::new(seed), None);
        let b = generate_round(&catalog, level, 10, &mut Rng::new(seed), None);
        prop_assert_eq!(a, b);
    }
}

#[test]
fn the_right_answer_sits_in_every_position_about_equally() {
    let catalog = crate::catalog();
    let mut counts = [0usize; 4];
    for seed in 0..300 {
        for q in generate_round(&catalog, Level::Iana, 10, &mut Rng::new(seed), None) {
            if q.choices.len() == 4 {
                counts[q.correct] += 1;
            }
        }
    }
    let total: usize = counts.iter().sum();
    for c in counts {
        let share = c as f64 / total as f64;
        assert!((0.21..0.29).contains(&share), "{counts:?}");
    }
}

#[test]
fn rounds_lean_towards_missed_codes() {
    let catalog = crate::catalog();
    let mut stats = Stats::new();
    stats.insert(
        "412".into(),
        httpdex_core::quiz::CodeStats {
            attempts: 10,
            correct: 0,
        },
    );
    for id in httpdex_core::quiz::common_ids()
        .iter()
        .filter(|id| **id != "412")
    {
        stats.insert(
            id.to_string(),
            httpdex_core::quiz::CodeStats {
                attempts: 10,
                correct: 10,
            },
        );
    }
    let asked = |stats: Option<&Stats>| {
        (0..200)
            .filter(|&seed| {
                generate_round(&catalog, Level::Common, 5, &mut Rng::new(seed), stats)
                    .iter()
                    .any(|q| q.subject == "412")
            })
            .count()
    };
    let (leaning, neutral) = (asked(Some(&stats)), asked(None));
    assert!(
        leaning > neutral * 2,
        "412 asked in {leaning} rounds with stats, {neutral} without"
    );
}

#[test]
fn scoring_streaks_and_missed() {
    let catalog = crate::catalog();
    let questions = generate_round(&catalog, Level::Common, 4, &mut Rng::new(1), None);
    let mut round = Round::new(Level::Common, questions.clone());
    let wrong = |q: &httpdex_core::quiz::Question| (q.correct + 1) % q.choices.len();
    assert_eq!(round.answer(questions[0].correct), Some(true));
    assert_eq!(
        round.answer(0),
        None,
        "no second answer while feedback shows"
    );
    round.next();
    assert_eq!(round.answer(questions[1].correct), Some(true));
    round.next();
    assert_eq!(round.answer(wrong(&questions[2])), Some(false));
    assert_eq!(round.streak, 0);
    round.next();
    assert_eq!(round.answer(99), None, "out-of-range choice ignored");
    assert_eq!(round.answer(questions[3].correct), Some(true));
    round.next();
    assert!(round.is_finished());
    assert_eq!(round.score(), 3);
    assert_eq!(round.best_streak, 2);
    assert_eq!(round.missed(), vec![&questions[2]]);
    let results = round.results();
    assert_eq!(results.iter().filter(|(_, right)| !right).count(), 1);
}

#[test]
fn a_seeded_round_played_through_actions() {
    use httpdex_core::theme::Theme;
    use httpdex_platform::state::Store;
    use httpdex_tui::action::Action;
    use httpdex_tui::app::{App, QuizSettings, Screen};
    use httpdex_tui::perform_effects;
    use httpdex_tui::runner::Runner;

    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let mut app = App::new(crate::catalog(), Theme::PLAIN, (100, 30));
    let settings = QuizSettings {
        level: Level::Common,
        count: 5,
        seed: Some(42),
    };
    app.start_quiz(settings, 0);
    assert_eq!(app.screen(), Screen::Quiz);
    let expected = generate_round(&crate::catalog(), Level::Common, 5, &mut Rng::new(42), None);
    assert_eq!(app.quiz.as_ref().unwrap().round.questions, expected);
    for (i, q) in expected.iter().enumerate() {
        // Right on even questions (by number key), wrong on odd ones (by arrows + Enter).
        if i % 2 == 0 {
            app.update(Action::Answer(q.correct));
        } else {
            let wrong = (q.correct + 1) % q.choices.len();
            for _ in 0..wrong {
                app.update(Action::SelectNext);
            }
            app.update(Action::Open);
        }
        app.update(Action::Tick(i as u64 + 1));
        app.update(Action::Open);
        perform_effects(&mut app, &mut crate::io(Some(&store), &Runner::new()));
    }
    let view = app.quiz.as_ref().unwrap();
    assert!(view.round.is_finished());
    assert_eq!(view.round.score(), 3);
    assert_eq!(view.new_best, Some(true));
    let saved = store.load().state;
    assert_eq!(saved.rounds_played, 1);
    assert_eq!(saved.best["common"].score, 3);
    assert_eq!(saved.codes.values().map(|s| s.attempts).sum::<u32>(), 5);
    // Replaying the missed ones asks exactly those two.
    app.update(Action::ReplayMissed);
    let replay = &app.quiz.as_ref().unwrap().round.questions;
    assert_eq!(replay, &vec![expected[1].clone(), expected[3].clone()]);
}

#[test]
fn the_level_can_be_changed_in_the_app() {
    use httpdex_core::theme::Theme;
    use httpdex_tui::action::Action;
    use httpdex_tui::app::{App, QuizSettings};
    let mut app = App::new(crate::catalog(), Theme::PLAIN, (100, 30));
    app.start_quiz(QuizSettings::default(), 1);
    assert_eq!(app.quiz.as_ref().unwrap().settings.level, Level::Common);
    app.update(Action::CycleLevel);
    let view = app.quiz.as_ref().unwrap();
    assert_eq!(view.settings.level, Level::Iana);
    assert_eq!(view.round.questions.len(), 10);
    assert!(view.round.answers.is_empty());
    for _ in 0..2 {
        app.update(Action::CycleLevel);
    }
    let vendor = &app.quiz.as_ref().unwrap().round;
    assert_eq!(vendor.level, Level::Vendor);
    for q in &vendor.questions {
        let subject = app.catalog.get(&q.subject).unwrap();
        assert_ne!(
            subject.origin,
            httpdex_catalog::Origin::Iana,
            "{}",
            q.subject
        );
    }
}

#[test]
fn a_round_that_cannot_be_saved_says_so_and_play_goes_on() {
    use httpdex_core::theme::Theme;
    use httpdex_platform::state::Store;
    use httpdex_tui::action::Action;
    use httpdex_tui::app::{App, QuizSettings, Screen};
    use httpdex_tui::perform_effects;
    use httpdex_tui::runner::Runner;
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "").unwrap();
    let store = Store::at(blocker.join("state"));
    let mut app = App::new(crate::catalog(), Theme::PLAIN, (100, 30));
    app.start_quiz(
        QuizSettings {
            level: Level::Common,
            count: 1,
            seed: Some(3),
        },
        0,
    );
    app.update(Action::Answer(0));
    app.update(Action::NextQuestion);
    perform_effects(&mut app, &mut crate::io(Some(&store), &Runner::new()));
    let status = app.status.clone().unwrap_or_default();
    assert!(
        status.starts_with("Quiz stats not saved: could not save"),
        "{status}"
    );
    assert_eq!(app.screen(), Screen::Quiz);
    assert!(app.quiz.as_ref().unwrap().round.is_finished());
    app.update(Action::NewRound);
    assert!(!app.quiz.as_ref().unwrap().round.is_finished());
}

#[test]
fn unseeded_rounds_of_a_session_do_not_repeat() {
    use httpdex_core::theme::Theme;
    use httpdex_tui::action::Action;
    use httpdex_tui::app::App;
    let mut app = App::new(crate::catalog(), Theme::PLAIN, (100, 30));
    app.entropy = 42;
    let mut rounds = Vec::new();
    for _ in 0..3 {
        // Ctrl-g opens a round; answering every question finishes it.
        app.update(Action::OpenQuiz);
        let view = app.quiz.as_ref().unwrap();
        rounds.push(format!("{:?}", view.round.questions));
        while !app.quiz.as_ref().unwrap().round.is_finished() {
            app.update(Action::Answer(0));
            app.update(Action::NextQuestion);
        }
        app.update(Action::Back);
    }
    assert_ne!(rounds[0], rounds[1], "the second round repeats the first");
    assert_ne!(rounds[1], rounds[2], "the third round repeats the second");
}

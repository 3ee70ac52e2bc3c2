//! The one key table. It drives dispatch, the footer hints and the help
//! overlay, so no key is documented in two places.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;

/// Where the keyboard is: the bindings that apply depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere.
    Global,
    /// Typing in the search, moving through the list.
    Search,
    /// Reading the detail pane.
    Detail,
    /// The compare screen.
    Compare,
    /// The cheat sheet.
    Cheatsheet,
    /// The quiz.
    Quiz,
    /// The list of guides.
    Guides,
    /// Reading a guide.
    Reader,
    /// The live dashboard of an access log.
    Logs,
    /// Checking a URL.
    Check,
    /// The help overlay is open.
    Help,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Search => "Search and list",
            Context::Detail => "Detail pane (Tab)",
            Context::Compare => "Compare",
            Context::Cheatsheet => "Cheat sheet",
            Context::Quiz => "Quiz",
            Context::Guides => "Guides",
            Context::Reader => "Reading a guide",
            Context::Logs => "Logs",
            Context::Check => "Check a URL",
            Context::Help => "Help",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// How the key is written in the footer and the help.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    fn matches(&self, event: &KeyEvent) -> bool {
        // Shift is implied by the character itself (`G`, `?`), so it is
        // ignored for characters.
        let mods = match event.code {
            // Shift-Tab arrives as BackTab with Shift held.
            KeyCode::Char(_) | KeyCode::BackTab => event.modifiers - KeyModifiers::SHIFT,
            _ => event.modifiers,
        };
        self.code == event.code && self.mods == mods
    }
}

pub(crate) struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub description: &'static str,
    /// Short label for the footer; `None` keeps it to the help overlay.
    pub hint: Option<&'static str>,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        description,
        hint,
    }
}

use Context::{
    Cheatsheet, Check, Compare, Detail, Global, Guides, Help, Logs, Quiz, Reader, Search,
};

// One row per binding, kept as a table: it is read more than edited.
#[rustfmt::skip]
pub(crate) const BINDINGS: &[Binding] = &[
    bind(Global, &[ctrl('c')], Action::Quit, "Quit", None),
    bind(Global, &[ctrl('z')], Action::Suspend, "Suspend to the shell (fg resumes)", None),
    bind(Global, &[key(KeyCode::F(1)), ch('?')], Action::ToggleHelp, "Open or close this help", Some("help")),
    bind(Global, &[ctrl('g')], Action::OpenQuiz, "Quiz: test yourself", Some("quiz")),
    bind(Global, &[key(KeyCode::F(2))], Action::CycleClass, "Filter by class: all, 1xx … 5xx", Some("class")),
    bind(Global, &[key(KeyCode::F(3))], Action::CycleOrigin, "Filter by origin: all, IANA, nginx, Cloudflare, …", Some("origin")),
    bind(Global, &[key(KeyCode::F(4))], Action::OpenGuides, "Guides: long reads on each area", Some("guides")),
    bind(Global, &[key(KeyCode::F(5))], Action::OpenLogs, "Logs: follow an access log live", None),
    bind(Global, &[key(KeyCode::F(6))], Action::OpenCheck, "Check a URL: every hop of its redirect chain", None),
    bind(Search, &[key(KeyCode::Down), ctrl('j'), ctrl('n')], Action::SelectNext, "Next code", Some("move")),
    bind(Search, &[key(KeyCode::Up), ctrl('k'), ctrl('p')], Action::SelectPrev, "Previous code", Some("move")),
    bind(Search, &[key(KeyCode::PageDown)], Action::PageDown, "Page down the list", None),
    bind(Search, &[key(KeyCode::PageUp)], Action::PageUp, "Page up the list", None),
    bind(Search, &[key(KeyCode::Home)], Action::SelectFirst, "First code", None),
    bind(Search, &[key(KeyCode::End)], Action::SelectLast, "Last code", None),
    bind(Search, &[key(KeyCode::Enter)], Action::Open, "Read the code or guide (or pick a code to compare)", Some("open")),
    bind(Search, &[key(KeyCode::Tab)], Action::ToggleFocus, "Move to the detail pane", None),
    bind(Search, &[ctrl('x')], Action::MarkCompare, "Compare this code with another: pick it next", Some("compare")),
    bind(Search, &[ctrl('y')], Action::CopySnippet, "Copy the snippet of the selected code", None),
    bind(Search, &[ctrl('t')], Action::OpenCheatsheet, "Cheat sheet of every code", Some("sheet")),
    bind(Search, &[key(KeyCode::Backspace)], Action::Backspace, "Delete a character", None),
    bind(Search, &[ctrl('w')], Action::DeleteWord, "Delete a word", None),
    bind(Search, &[ctrl('u')], Action::ClearQuery, "Clear the search", None),
    bind(Search, &[key(KeyCode::Esc)], Action::Back, "Clear the search; quit when it is empty", Some("clear/quit")),
    bind(Detail, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "Scroll down", Some("scroll")),
    bind(Detail, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "Scroll up", Some("scroll")),
    bind(Detail, &[key(KeyCode::PageDown), ch(' '), ctrl('d')], Action::ScrollPageDown, "Page down", None),
    bind(Detail, &[key(KeyCode::PageUp), ctrl('u')], Action::ScrollPageUp, "Page up", None),
    bind(Detail, &[ch('g'), key(KeyCode::Home)], Action::ScrollTop, "Top", None),
    bind(Detail, &[ch('G'), key(KeyCode::End)], Action::ScrollBottom, "Bottom", None),
    bind(Detail, &[ch('n')], Action::SelectNext, "Next code", Some("next/prev")),
    bind(Detail, &[ch('p')], Action::SelectPrev, "Previous code", Some("next/prev")),
    bind(Detail, &[key(KeyCode::Esc)], Action::Back, "Back to the quiz or guide that opened it, or the search", Some("back")),
    bind(Detail, &[key(KeyCode::Tab)], Action::ToggleFocus, "Back to the search", None),
    bind(Detail, &[ch('/')], Action::FocusSearch, "Search (any other letter types into the search too)", Some("search")),
    bind(Detail, &[ch('c')], Action::CompareConfused, "Compare with a commonly confused code", Some("compare")),
    bind(Detail, &[ch('x')], Action::MarkCompare, "Compare with a code you pick", None),
    bind(Detail, &[ch('t')], Action::OpenCheatsheet, "Cheat sheet of every code", None),
    bind(Detail, &[ch('l')], Action::NextSnippet, "Snippet: the next stack (remembered)", Some("stack")),
    bind(Detail, &[ch('L')], Action::PrevSnippet, "Snippet: the previous stack", None),
    bind(Detail, &[ch('y')], Action::CopySnippet, "Copy the snippet", Some("copy")),
    bind(Detail, &[ch('Y')], Action::CopyTitle, "Copy the \"401 Unauthorized\" line", None),
    bind(Detail, &[ch('e')], Action::CopyExample, "Copy the example response", None),
    bind(Detail, &[ch('C')], Action::CopyCurl, "Copy the curl command that checks it", None),
    bind(Detail, &[ch('P')], Action::CopyPlaygroundCurl, "Copy a curl command for this code against httpdex serve", None),
    bind(Detail, &[ch('r')], Action::ReadGuide, "Read a guide that discusses this code (Further reading)", Some("read")),
    bind(Detail, &[ch('o')], Action::OpenLink, "Open the cited RFC section in the browser", None),
    bind(Detail, &[ch('O')], Action::OpenVendorPage, "Open the entry's vendor or Google page in the browser", None),
    bind(Detail, &[ch('q')], Action::Quit, "Quit", Some("quit")),
    bind(Compare, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "Scroll down", Some("scroll")),
    bind(Compare, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "Scroll up", Some("scroll")),
    bind(Compare, &[key(KeyCode::PageDown), ch(' ')], Action::ScrollPageDown, "Page down", None),
    bind(Compare, &[key(KeyCode::PageUp)], Action::ScrollPageUp, "Page up", None),
    bind(Compare, &[ch('g'), key(KeyCode::Home)], Action::ScrollTop, "Top", None),
    bind(Compare, &[ch('G'), key(KeyCode::End)], Action::ScrollBottom, "Bottom", None),
    bind(Compare, &[ch('s')], Action::Swap, "Swap the two sides", Some("swap")),
    bind(Compare, &[ch('a')], Action::ReplaceLeft, "Pick another left-hand code", Some("left")),
    bind(Compare, &[ch('b')], Action::ReplaceRight, "Pick another right-hand code", Some("right")),
    bind(Compare, &[ch('n')], Action::NextPartner, "Next code the left one is confused with", Some("next")),
    bind(Compare, &[ch('y')], Action::Copy, "Copy the comparison as a Markdown table", Some("copy")),
    bind(Compare, &[ch('t')], Action::OpenCheatsheet, "Cheat sheet of every code", None),
    bind(Compare, &[key(KeyCode::Esc)], Action::Back, "Back to browsing", Some("back")),
    bind(Compare, &[ch('q')], Action::Quit, "Quit", None),
    bind(Cheatsheet, &[ch('j'), key(KeyCode::Down)], Action::SelectNext, "Next code", Some("move")),
    bind(Cheatsheet, &[ch('k'), key(KeyCode::Up)], Action::SelectPrev, "Previous code", Some("move")),
    bind(Cheatsheet, &[ch('l'), key(KeyCode::Right)], Action::Right, "Next column", Some("move")),
    bind(Cheatsheet, &[ch('h'), key(KeyCode::Left)], Action::Left, "Previous column", Some("move")),
    bind(Cheatsheet, &[ch('g'), key(KeyCode::Home)], Action::SelectFirst, "First code", None),
    bind(Cheatsheet, &[ch('G'), key(KeyCode::End)], Action::SelectLast, "Last code", None),
    bind(Cheatsheet, &[key(KeyCode::Enter)], Action::Open, "Open the code's detail", Some("open")),
    bind(Cheatsheet, &[key(KeyCode::Esc)], Action::Back, "Back to browsing", Some("back")),
    bind(Cheatsheet, &[ch('q')], Action::Quit, "Quit", None),
    bind(Quiz, &[ch('1'), ch('a')], Action::Answer(0), "Answer with option 1", Some("answer")),
    bind(Quiz, &[ch('2'), ch('b')], Action::Answer(1), "Answer with option 2", Some("answer")),
    bind(Quiz, &[ch('3'), ch('c')], Action::Answer(2), "Answer with option 3", Some("answer")),
    bind(Quiz, &[ch('4'), ch('d')], Action::Answer(3), "Answer with option 4", Some("answer")),
    bind(Quiz, &[key(KeyCode::Down), ch('j')], Action::SelectNext, "Highlight the next option", None),
    bind(Quiz, &[key(KeyCode::Up), ch('k')], Action::SelectPrev, "Highlight the previous option", None),
    bind(Quiz, &[key(KeyCode::Enter)], Action::Open, "Answer the highlighted option; then go on", Some("choose/next")),
    bind(Quiz, &[ch(' '), ch('n')], Action::NextQuestion, "Next question (after the feedback)", None),
    bind(Quiz, &[ch('i')], Action::ShowAnswer, "Read the right answer's detail, Esc comes back", Some("learn more")),
    bind(Quiz, &[ch('r')], Action::ReplayMissed, "Summary: replay the missed questions", None),
    bind(Quiz, &[ch('N')], Action::NewRound, "Summary: a new round", None),
    bind(Quiz, &[ch('v')], Action::CycleLevel, "Next level: common, IANA, all, vendor (a new round)", Some("level")),
    bind(Quiz, &[key(KeyCode::Esc)], Action::Back, "Leave the quiz (the round waits)", Some("leave")),
    bind(Quiz, &[ch('q')], Action::Quit, "Quit", None),
    bind(Guides, &[ch('j'), key(KeyCode::Down)], Action::SelectNext, "Next guide", Some("move")),
    bind(Guides, &[ch('k'), key(KeyCode::Up)], Action::SelectPrev, "Previous guide", Some("move")),
    bind(Guides, &[key(KeyCode::Enter)], Action::Open, "Read the guide", Some("read")),
    bind(Guides, &[key(KeyCode::Esc)], Action::Back, "Back", Some("back")),
    bind(Guides, &[ch('q')], Action::Quit, "Quit", None),
    bind(Reader, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "Scroll down", Some("scroll")),
    bind(Reader, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "Scroll up", Some("scroll")),
    bind(Reader, &[key(KeyCode::PageDown), ch(' ')], Action::ScrollPageDown, "Page down", None),
    bind(Reader, &[key(KeyCode::PageUp)], Action::ScrollPageUp, "Page up", None),
    bind(Reader, &[ch('g'), key(KeyCode::Home)], Action::ScrollTop, "Top", None),
    bind(Reader, &[ch('G'), key(KeyCode::End)], Action::ScrollBottom, "Bottom", None),
    bind(Reader, &[key(KeyCode::Tab), ch('n')], Action::NextLink, "Next link", Some("link")),
    bind(Reader, &[key(KeyCode::BackTab), ch('p')], Action::PrevLink, "Previous link", None),
    bind(Reader, &[key(KeyCode::Enter)], Action::Open, "Follow the link: a code's entry, a guide, a web page", Some("follow")),
    bind(Reader, &[ch('o')], Action::OpenLink, "Open the selected web link in the browser", None),
    bind(Reader, &[key(KeyCode::Esc)], Action::Back, "Back along the screens you came through", Some("back")),
    bind(Reader, &[ch('q')], Action::Quit, "Quit", None),
    bind(Logs, &[key(KeyCode::Down), ctrl('n')], Action::SelectNext, "Next status", Some("move")),
    bind(Logs, &[key(KeyCode::Up), ctrl('p')], Action::SelectPrev, "Previous status", Some("move")),
    bind(Logs, &[key(KeyCode::Enter)], Action::Open, "Open the log typed in; then the selected status's entry", Some("open")),
    bind(Logs, &[key(KeyCode::Backspace)], Action::Backspace, "Delete a character of the path", None),
    bind(Logs, &[key(KeyCode::Esc)], Action::Back, "Stop following and go back", Some("back")),
    bind(Check, &[key(KeyCode::Enter)], Action::Open, "Check the URL typed in, or open the hop's entry", Some("check/open")),
    bind(Check, &[key(KeyCode::Down), ctrl('n')], Action::SelectNext, "Next hop", Some("move")),
    bind(Check, &[key(KeyCode::Up), ctrl('p')], Action::SelectPrev, "Previous hop", None),
    bind(Check, &[key(KeyCode::Backspace)], Action::Backspace, "Delete a character of the URL", None),
    bind(Check, &[ctrl('y')], Action::Copy, "Copy the report as Markdown", Some("copy")),
    bind(Check, &[key(KeyCode::Esc)], Action::Back, "Back", Some("back")),
    bind(Help, &[key(KeyCode::Esc), ch('q')], Action::Back, "Close the help", Some("close")),
    bind(Help, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "Scroll down", Some("scroll")),
    bind(Help, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "Scroll up", Some("scroll")),
];

/// The label of the first key bound to `action` in `context` (or
/// everywhere), for hints written into text, so that no key name is typed
/// anywhere but this table. A test checks every pair the app asks for.
pub(crate) fn key_for(context: Context, action: Action) -> String {
    BINDINGS
        .iter()
        .find(|b| (b.context == context || b.context == Context::Global) && b.action == action)
        .map_or_else(|| "?".to_string(), |b| b.keys[0].label())
}

/// The bindings active in `context`, its own first, then the global ones.
pub(crate) fn active(context: Context) -> impl Iterator<Item = &'static Binding> {
    let own = BINDINGS.iter().filter(move |b| b.context == context);
    let global = BINDINGS.iter().filter(|b| b.context == Global);
    own.chain(global)
}

/// Maps a terminal event to an action in `context`, or `None` to ignore it.
pub fn action_for(event: &Event, context: Context) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(key, context),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: false,
            }),
            _ => None,
        },
        _ => None,
    }
}

fn key_action(event: &KeyEvent, context: Context) -> Option<Action> {
    if let Some(b) = active(context).find(|b| b.keys.iter().any(|k| k.matches(event))) {
        return Some(b.action);
    }
    // Outside the table: printable characters type into the search, from
    // the list or the detail pane alike (as in fzf).
    match event.code {
        KeyCode::Char(c)
            if context != Help
                && !event
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Insert(c))
        }
        _ => None,
    }
}

/// The key table as Markdown, for the README (a test keeps them identical).
pub fn markdown_table() -> String {
    let mut out = String::from("| Where | Keys | Action |\n|---|---|---|\n");
    for b in BINDINGS {
        let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
        out += &format!(
            "| {} | {} | {} |\n",
            b.context.title(),
            keys.join(" "),
            httpdex_core::markdown::cell(b.description)
        );
    }
    out
}

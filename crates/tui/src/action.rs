//! Everything the user can ask of the app. Keys and mouse events become
//! Actions (see `keymap`); `App::update` applies them without I/O, so tests
//! drive the app by sending Actions.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Type a character into the search query (focus moves to the search).
    Insert(char),
    /// Delete the last character of the query.
    Backspace,
    /// Delete the last word of the query.
    DeleteWord,
    /// Empty the query.
    ClearQuery,
    /// Close the overlay; else leave the detail pane; else clear the query; else quit.
    Back,
    /// Leave the app.
    Quit,
    /// Hand the terminal back to the shell until `fg` (Ctrl-Z).
    Suspend,
    /// Select the next code in the list.
    SelectNext,
    /// Select the previous code in the list.
    SelectPrev,
    /// Move the selection down one page.
    PageDown,
    /// Move the selection up one page.
    PageUp,
    /// Select the first code.
    SelectFirst,
    /// Select the last code.
    SelectLast,
    /// Switch focus between the search/list and the detail pane.
    ToggleFocus,
    /// Put the focus back on the search input.
    FocusSearch,
    /// Scroll the focused pane or overlay down one line.
    ScrollDown,
    /// Scroll up one line.
    ScrollUp,
    /// Scroll down one page.
    ScrollPageDown,
    /// Scroll up one page.
    ScrollPageUp,
    /// Scroll to the top.
    ScrollTop,
    /// Scroll to the bottom.
    ScrollBottom,
    /// Cycle the class filter: all, 1xx .. 5xx.
    CycleClass,
    /// Cycle the origin filter: all, IANA, nginx, Cloudflare, ...
    CycleOrigin,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Enter in the search: read the selected code, or finish picking the
    /// second code of a comparison.
    Open,
    /// Mark the selected code for comparison; the search then picks the other.
    MarkCompare,
    /// Compare the selected code with the first code it is commonly confused with.
    CompareConfused,
    /// Compare view: exchange the two columns.
    Swap,
    /// Compare view: pick a new left-hand code.
    ReplaceLeft,
    /// Compare view: pick a new right-hand code.
    ReplaceRight,
    /// Compare view: the next code the left one is confused with.
    NextPartner,
    /// Copy what the current view offers (the comparison as Markdown, ...).
    Copy,
    /// Open the cheat sheet of every code.
    OpenCheatsheet,
    /// Detail: show the next stack's snippet.
    NextSnippet,
    /// Detail: show the previous stack's snippet.
    PrevSnippet,
    /// Copy the snippet on screen.
    CopySnippet,
    /// Copy the `401 Unauthorized` line.
    CopyTitle,
    /// Copy the example response.
    CopyExample,
    /// Copy the curl command that checks the code.
    CopyCurl,
    /// Copy `curl -i` for this code against the local playground.
    CopyPlaygroundCurl,
    /// Open the quiz.
    OpenQuiz,
    /// Open the list of guides.
    OpenGuides,
    /// Open the Logs screen.
    OpenLogs,
    /// Open the Check screen.
    OpenCheck,
    /// Detail: read the first guide that discusses the code, at its section.
    ReadGuide,
    /// Open a link in the browser: the cited RFC section, or the reader's
    /// selected web link.
    OpenLink,
    /// Detail: open the vendor's or Google's page of the entry.
    OpenVendorPage,
    /// Reader: select the next link.
    NextLink,
    /// Reader: select the previous link.
    PrevLink,
    /// Quiz: answer with option n (0-based).
    Answer(usize),
    /// Quiz: leave the feedback and go on.
    NextQuestion,
    /// Quiz: read the right answer's detail, then come back.
    ShowAnswer,
    /// Quiz summary: play the missed questions again.
    ReplayMissed,
    /// Quiz summary: a new round with the same settings.
    NewRound,
    /// Quiz: the next level (common, IANA, everything, vendor), in a new round.
    CycleLevel,
    /// The quiz clock: seconds since the round began.
    Tick(u64),
    /// Cheat sheet: move the selection one column left.
    Left,
    /// Cheat sheet: move the selection one column right.
    Right,
    /// The terminal was resized to (columns, rows).
    Resize(u16, u16),
    /// A left click at (column, row).
    Click(u16, u16),
    /// The mouse wheel turned over (column, row); `down` is the direction.
    Wheel { column: u16, row: u16, down: bool },
}

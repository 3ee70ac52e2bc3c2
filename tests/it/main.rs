//! Integration tests, in one binary so they link once.

mod app_actions;
#[cfg(feature = "check")]
mod check;
mod cli;
mod clipboard;
mod content;
mod data;
mod e2e;
mod embedded;
mod extension;
mod guides;
mod hostile;
mod logs;
mod quiz;
mod quotes;
mod robustness;
mod search;
#[cfg(feature = "serve")]
mod serve;
mod snapshots;
mod snippets;
mod state;

use std::sync::{Arc, OnceLock};

use httpdex_catalog::Catalog;

/// The built-in catalog, loaded once for all tests.
pub fn catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    CATALOG.get_or_init(|| Arc::new(Catalog::builtin())).clone()
}

/// A clipboard that is never there: for tests of everything but copying.
pub struct NoClipboard;

impl httpdex_platform::clipboard::Clipboard for NoClipboard {
    fn copy(&mut self, _: &str) -> Result<(), String> {
        Err("no clipboard in tests".into())
    }
}

/// What effects act on in tests: no clipboard, the given state store, and
/// a runner whose messages the test may read.
pub fn io<'a>(
    store: Option<&'a httpdex_platform::state::Store>,
    runner: &'a httpdex_tui::runner::Runner,
) -> httpdex_tui::Io<'a> {
    httpdex_tui::Io {
        clipboard: httpdex_tui::shared_clipboard(NoClipboard),
        store,
        runner,
        suspend: || Ok(()),
        resumed: false,
        network: NO_NETWORK,
    }
}

/// Stand-ins for opening links and checking URLs: random keys in the
/// robustness test must not reach a browser or the network.
pub const NO_NETWORK: httpdex_tui::Network = httpdex_tui::Network {
    open: |_| Err("no network in tests".into()),
    check: |_, _, send| {
        let done = httpdex_tui::app::CheckFeed::Done {
            findings: Vec::new(),
            failure: Some("no network in tests".into()),
        };
        send(httpdex_tui::app::JobResult::Check(done));
    },
};

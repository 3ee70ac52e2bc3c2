//! What httpdex remembers between runs: quiz stats, best scores, the last
//! snippet language. One JSON file in the platform's state directory
//! (`HTTPDEX_STATE_DIR` overrides it).
//!
//! Writes are atomic (temp file, fsync, rename) and done under an exclusive
//! lock as read-modify-write, so two instances finishing rounds at once both
//! keep their results. A corrupt file is moved aside, never overwritten.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use httpdex_catalog::files::read_regular_file;
use httpdex_core::quiz::{Level, Stats};

const FILE: &str = "state.json";
const LOCK: &str = "state.lock";
/// The state is a few kilobytes; anything near this is not ours.
pub const MAX_STATE_BYTES: u64 = 16 << 20;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Per-code quiz record, by entry id.
    #[serde(default)]
    pub codes: Stats,
    /// Best round per level slug.
    #[serde(default)]
    pub best: BTreeMap<String, Best>,
    #[serde(default)]
    pub rounds_played: u32,
    /// The snippet language chosen last (its slug).
    #[serde(default)]
    pub snippet_lang: Option<String>,
    /// Fields a newer httpdex wrote: kept as they are, so that an older
    /// one rewriting the file does not lose them.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Best {
    pub score: u32,
    pub count: u32,
    pub seconds: u64,
}

impl Best {
    /// Higher share right wins; at the same share, faster wins.
    fn beats(&self, other: &Best) -> bool {
        let (a, b) = (
            u64::from(self.score) * u64::from(other.count.max(1)),
            u64::from(other.score) * u64::from(self.count.max(1)),
        );
        a > b || (a == b && self.seconds < other.seconds)
    }
}

/// A finished round, as the state records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundRecord {
    pub level: Level,
    pub results: Vec<(String, bool)>,
    pub seconds: u64,
}

impl State {
    /// Adds a round's results; returns whether it set a new best.
    pub fn record_round(&mut self, round: &RoundRecord) -> bool {
        for (id, right) in &round.results {
            let s = self.codes.entry(id.clone()).or_default();
            // A counter at its limit stays there rather than wrapping to 0.
            s.attempts = s.attempts.saturating_add(1);
            s.correct = s.correct.saturating_add(u32::from(*right));
        }
        self.rounds_played = self.rounds_played.saturating_add(1);
        let this = Best {
            score: round.results.iter().filter(|(_, r)| *r).count() as u32,
            count: round.results.len() as u32,
            seconds: round.seconds,
        };
        let key = round.level.slug().to_string();
        let is_best = self.best.get(&key).is_none_or(|old| this.beats(old));
        if is_best {
            self.best.insert(key, this);
        }
        is_best
    }
}

/// The state as loaded, and what the user should be told about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub state: State,
    /// One line for the status bar (a corrupt file moved aside, ...).
    pub warning: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// `HTTPDEX_STATE_DIR`, else the platform's state (or data) directory.
    pub fn locate() -> Option<Store> {
        if let Some(dir) = std::env::var_os("HTTPDEX_STATE_DIR").filter(|d| !d.is_empty()) {
            return Some(Store::at(dir));
        }
        let dirs = directories::ProjectDirs::from("", "", "httpdex")?;
        let dir = dirs.state_dir().unwrap_or(dirs.data_local_dir());
        Some(Store::at(dir))
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE)
    }

    /// Reads the state. Missing: fresh. Unreadable or corrupt: fresh, with
    /// a warning (a corrupt file is first moved aside).
    pub fn load(&self) -> Loaded {
        match self.read() {
            Ok(state) => Loaded {
                state,
                warning: None,
            },
            Err(e) => Loaded {
                state: State::default(),
                warning: Some(format!("{}; starting fresh", e.message)),
            },
        }
    }

    fn read(&self) -> Result<State, ReadError> {
        let path = self.path();
        let text = match read_regular_file(&path, MAX_STATE_BYTES).and_then(into_text) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(State::default()),
            Err(e) => {
                return Err(ReadError {
                    message: format!("could not read {}: {e}", path.display()),
                    file_remains: true,
                });
            }
        };
        serde_json::from_str(&text).map_err(|e| {
            let aside = aside_name(&path);
            let (what, file_remains) = match fs::rename(&path, &aside) {
                Ok(()) => (format!("moved to {}", aside.display()), false),
                Err(e) => (format!("could not move it aside ({e})"), true),
            };
            ReadError {
                message: format!("{} was corrupt ({e}); {what}", path.display()),
                file_remains,
            }
        })
    }

    /// Read-modify-write under the lock: re-reads the file, applies `change`
    /// and writes it back atomically. Returns the state as written.
    pub fn update(&self, change: impl FnOnce(&mut State)) -> Result<State, String> {
        let fail = |what: &str, e: io::Error| {
            format!("could not save to {}: {what}: {e}", self.dir.display())
        };
        fs::create_dir_all(&self.dir).map_err(|e| fail("creating the directory", e))?;
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK))
            .map_err(|e| fail("opening the lock", e))?;
        lock.lock().map_err(|e| fail("locking", e))?;
        let path = self.path();
        let mut state = match self.read() {
            Ok(state) => state,
            // A corrupt file was moved aside: start afresh in its place.
            Err(e) if !e.file_remains => State::default(),
            // Never overwrite a file we could not read or move.
            Err(e) => return Err(e.message),
        };
        change(&mut state);
        write_atomically(&path, &state).map_err(|e| fail("writing", e))?;
        Ok(state)
    }
}

/// Where a corrupt state file goes: stamped with the time to the
/// nanosecond and, should that name exist (two corrupt files in one
/// instant), a counter, so one corrupt copy never replaces another.
fn aside_name(path: &Path) -> PathBuf {
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    (0..)
        .map(|n| match n {
            0 => path.with_extension(format!("json.corrupt-{stamp}")),
            n => path.with_extension(format!("json.corrupt-{stamp}-{n}")),
        })
        .find(|p| !p.exists())
        .expect("an unused name")
}

fn into_text(bytes: Vec<u8>) -> io::Result<String> {
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

struct ReadError {
    message: String,
    /// Whether the unreadable file is still in place (so must not be replaced).
    file_remains: bool,
}

/// Temp file in the same directory, fsync, rename over the target: a crash
/// leaves the old file or the new one, never half of one.
fn write_atomically(path: &Path, state: &State) -> io::Result<()> {
    let tmp = path.with_extension(format!("json.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(serde_json::to_string_pretty(state)?.as_bytes())?;
        file.write_all(b"\n")?;
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Some(dir) = path.parent() {
            // Persist the rename itself; not every platform can open dirs.
            if let Ok(d) = File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

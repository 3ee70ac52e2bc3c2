//! The one channel into the UI thread. Terminal events (from a reader
//! thread), the results of background jobs and the quiz clock all arrive
//! here; the UI thread blocks on it while idle, so an idle app uses no CPU.
//!
//! A job is work that may take time or hang (the system clipboard on a
//! display that does not answer): it runs on its own thread under a
//! deadline, and its result, or the deadline's, comes back as a message
//! for `App::receive`.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use crossterm::event::Event;

use crate::app::JobResult;

/// What wakes the UI thread.
#[derive(Debug)]
pub enum Message {
    /// A key, mouse, paste or resize event.
    Terminal(Event),
    /// The terminal cannot be read any more (closed, EOF, EIO): the app ends.
    TerminalGone(String),
    /// A background job finished, or its deadline passed.
    Job(JobResult),
    /// SIGTSTP from outside (`kill -TSTP`): suspend as Ctrl-Z does.
    Suspend,
}

pub struct Runner {
    sender: Sender<Message>,
    receiver: Receiver<Message>,
}

impl Default for Runner {
    fn default() -> Self {
        Self::new()
    }
}

impl Runner {
    pub fn new() -> Runner {
        let (sender, receiver) = mpsc::channel();
        Runner { sender, receiver }
    }

    /// Starts reading the terminal (`input::listen`).
    pub(crate) fn listen_to_terminal(&self) {
        crate::input::listen(self.sender.clone());
    }

    /// Another way in, for threads that wake the UI (the signal thread).
    pub(crate) fn sender(&self) -> Sender<Message> {
        self.sender.clone()
    }

    /// Runs `work` on its own thread. Its result comes back as a message;
    /// if it has not finished within `deadline`, `timed_out` comes back
    /// instead and the late result is dropped.
    pub fn spawn<F>(&self, deadline: Duration, timed_out: JobResult, work: F)
    where
        F: FnOnce() -> JobResult + Send + 'static,
    {
        let sender = self.sender.clone();
        std::thread::spawn(move || {
            let (done, result) = mpsc::channel();
            std::thread::spawn(move || {
                let _ = done.send(work());
            });
            let message = result.recv_timeout(deadline).unwrap_or(timed_out);
            let _ = sender.send(Message::Job(message));
        });
    }

    /// Runs `work` on its own thread for as long as it likes, handing it
    /// a way to send results as they come (a followed log's batches); the
    /// way reports false once the app has gone, so the work can stop.
    pub fn spawn_feed<F>(&self, work: F)
    where
        F: FnOnce(&dyn Fn(JobResult) -> bool) + Send + 'static,
    {
        let sender = self.sender.clone();
        std::thread::spawn(move || {
            work(&|result| sender.send(Message::Job(result)).is_ok());
        });
    }

    /// The next message, waiting at most `wake_after` when given (the quiz
    /// clock): `None` then means the time passed with nothing to do.
    pub fn next(&self, wake_after: Option<Duration>) -> Option<Message> {
        match wake_after {
            None => self.receiver.recv().ok(),
            Some(wait) => self.receiver.recv_timeout(wait).ok(),
        }
    }

    /// A message that is already waiting, without blocking: the loop
    /// handles every queued event before it draws and sleeps again.
    pub(crate) fn pending(&self) -> Option<Message> {
        self.receiver.try_recv().ok()
    }
}

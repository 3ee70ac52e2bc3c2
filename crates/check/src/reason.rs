//! The reason phrase as received. ureq keeps only the status number (the
//! `http` crate has nowhere to put the phrase), so a thin wrapper around
//! its transport reads the status line as the bytes arrive. ureq drives a
//! request on the calling thread, so the line is handed back through a
//! thread-local that `take` empties after each request.

use std::cell::RefCell;

use ureq::Error;
use ureq::unversioned::transport::{Buffers, ConnectionDetails, Connector, NextTimeout, Transport};

thread_local! {
    static STATUS_LINE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The reason phrase of the last status line read on this thread.
pub(crate) fn take() -> Option<String> {
    let line = STATUS_LINE.with(|l| l.borrow_mut().take())?;
    // `HTTP/1.1 404 Not Found`: the phrase is what follows the code.
    let mut parts = line.splitn(3, ' ');
    parts.next()?;
    parts.next()?;
    Some(parts.next().unwrap_or("").trim().to_string())
}

pub(crate) fn clear() {
    STATUS_LINE.with(|l| l.borrow_mut().take());
}

/// Wraps whatever transport the default connectors made.
#[derive(Debug)]
pub(crate) struct Tap;

impl Connector<Box<dyn Transport>> for Tap {
    type Out = Tapped;

    fn connect(
        &self,
        _: &ConnectionDetails,
        chained: Option<Box<dyn Transport>>,
    ) -> Result<Option<Tapped>, Error> {
        Ok(chained.map(Tapped))
    }
}

#[derive(Debug)]
pub(crate) struct Tapped(Box<dyn Transport>);

impl Transport for Tapped {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.0.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), Error> {
        self.0.transmit_output(amount, timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, Error> {
        let more = self.0.await_input(timeout)?;
        let input = self.0.buffers().input();
        if input.starts_with(b"HTTP/")
            && let Some(end) = input.windows(2).position(|w| w == b"\r\n")
        {
            let line = input[..end.min(512)].iter().map(|&b| b as char).collect();
            STATUS_LINE.with(|l| *l.borrow_mut() = Some(line));
        }
        Ok(more)
    }

    fn is_open(&mut self) -> bool {
        self.0.is_open()
    }

    fn is_tls(&self) -> bool {
        self.0.is_tls()
    }
}

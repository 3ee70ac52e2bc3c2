//! Many URLs at once: a fixed number of worker threads, at most a few
//! requests in flight to any one host (so a site is not hammered), results
//! handed back in input order. Threads rather than async: each check is a
//! short sequence of blocking requests, and a few dozen threads cost less
//! than a runtime.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Condvar, Mutex, mpsc};

use httpdex_catalog::Catalog;
use url::Url;

use crate::follow::{Agents, check_with};
use crate::{Chain, Options};

/// How many checks run at once.
#[derive(Debug, Clone, Copy)]
pub struct PoolOptions {
    /// Checks in flight in all.
    pub jobs: usize,
    /// Checks in flight to one host (by the first URL's host and port).
    pub per_host: usize,
}

impl Default for PoolOptions {
    fn default() -> PoolOptions {
        PoolOptions {
            jobs: 8,
            per_host: 2,
        }
    }
}

/// The URLs still to check, queued by host.
struct Queue {
    hosts: Vec<HostQueue>,
    per_host: usize,
}

struct HostQueue {
    pending: VecDeque<usize>,
    running: usize,
}

enum Next {
    Run(usize, usize),
    Wait,
    Done,
}

impl Queue {
    fn new(urls: &[String], per_host: usize) -> Queue {
        let mut keys: Vec<String> = Vec::new();
        let mut hosts: Vec<HostQueue> = Vec::new();
        for (index, url) in urls.iter().enumerate() {
            let key = host_key(url);
            let at = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key);
                hosts.push(HostQueue {
                    pending: VecDeque::new(),
                    running: 0,
                });
                hosts.len() - 1
            });
            hosts[at].pending.push_back(index);
        }
        Queue {
            hosts,
            per_host: per_host.max(1),
        }
    }

    /// The earliest URL whose host has room, so output order is kept as
    /// far as the per-host limit allows.
    fn next(&mut self) -> Next {
        let ready = self
            .hosts
            .iter()
            .enumerate()
            .filter(|(_, h)| h.running < self.per_host)
            .filter_map(|(at, h)| h.pending.front().map(|&i| (i, at)))
            .min();
        match ready {
            Some((index, at)) => {
                self.hosts[at].pending.pop_front();
                self.hosts[at].running += 1;
                Next::Run(index, at)
            }
            None if self.hosts.iter().all(|h| h.pending.is_empty()) => Next::Done,
            None => Next::Wait,
        }
    }
}

/// The per-host key of `url`: host and port; one shared key for junk.
fn host_key(url: &str) -> String {
    crate::input::parse_line(url)
        .ok()
        .and_then(|u| Url::parse(&u).ok())
        .map(|u| {
            format!(
                "{}:{}",
                u.host_str().unwrap_or(""),
                u.port_or_known_default().unwrap_or(0)
            )
        })
        .unwrap_or_default()
}

/// Checks every URL of `urls`. `finished` is called as each check ends
/// (for a progress bar); `each` gets the chains in input order, as soon as
/// all before them are done. Both run on the calling thread.
pub fn check_all(
    catalog: &Catalog,
    urls: &[String],
    options: &Options,
    pool: PoolOptions,
    mut finished: impl FnMut(),
    mut each: impl FnMut(usize, Chain),
) {
    let agents = Agents::new(options);
    let queue = Mutex::new(Queue::new(urls, pool.per_host));
    let room = Condvar::new();
    let (send, receive) = mpsc::channel::<(usize, Chain)>();
    std::thread::scope(|scope| {
        for _ in 0..pool.jobs.clamp(1, urls.len().max(1)) {
            let send = send.clone();
            let (queue, room, agents) = (&queue, &room, &agents);
            scope.spawn(move || {
                loop {
                    let mut q = queue.lock().unwrap_or_else(|e| e.into_inner());
                    let (index, at) = match q.next() {
                        Next::Run(index, at) => (index, at),
                        Next::Wait => {
                            drop(room.wait(q));
                            continue;
                        }
                        Next::Done => break,
                    };
                    drop(q);
                    let chain = check_with(catalog, agents, &urls[index], options, &mut |_| {});
                    queue.lock().unwrap_or_else(|e| e.into_inner()).hosts[at].running -= 1;
                    room.notify_all();
                    if send.send((index, chain)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (index, chain) in receive {
            finished();
            waiting.insert(index, chain);
            while let Some(chain) = waiting.remove(&next) {
                each(next, chain);
                next += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_keeps_order_within_the_per_host_limit() {
        let urls: Vec<String> = ["a.test/1", "a.test/2", "a.test/3", "b.test/1"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut q = Queue::new(&urls, 2);
        let mut taken = Vec::new();
        while let Next::Run(index, _) = q.next() {
            taken.push(index);
        }
        // a.test/3 waits for a slot; b.test goes ahead.
        assert_eq!(taken, vec![0, 1, 3]);
        q.hosts[0].running -= 1;
        assert!(matches!(q.next(), Next::Run(2, 0)));
        assert!(matches!(q.next(), Next::Done));
    }
}

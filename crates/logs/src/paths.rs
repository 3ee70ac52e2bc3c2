//! Counting paths per status in bounded memory. Exact up to `CAP` distinct
//! paths; past that the rarer half is dropped (and counted no more), so a
//! log with millions of distinct URLs (ids in paths, scanners) keeps the
//! same memory as a small one. Counts are then lower bounds and the flag
//! says so; the paths that matter, the frequent ones, stay on top.

use std::collections::HashMap;

/// Distinct paths kept per status before the rarer half is dropped.
const CAP: usize = 4096;
/// Paths are kept to this many bytes (a longer one is its first bytes).
const MAX_PATH: usize = 256;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopPaths {
    counts: HashMap<Box<[u8]>, u64>,
    /// False once paths were dropped: counts are then lower bounds.
    pruned: bool,
}

impl TopPaths {
    pub fn add(&mut self, path: &[u8], n: u64) {
        let path = &path[..path.len().min(MAX_PATH)];
        match self.counts.get_mut(path) {
            Some(count) => *count += n,
            None => {
                if self.counts.len() >= CAP {
                    self.prune();
                }
                self.counts.insert(path.into(), n);
            }
        }
    }

    pub fn merge(&mut self, other: TopPaths) {
        self.pruned |= other.pruned;
        for (path, n) in other.counts {
            self.add(&path, n);
        }
    }

    /// Whether every count is exact.
    pub fn exact(&self) -> bool {
        !self.pruned
    }

    /// The `n` most frequent paths, most frequent first (ties by path).
    pub fn top(&self, n: usize) -> Vec<(&[u8], u64)> {
        let mut all: Vec<(&[u8], u64)> = self.counts.iter().map(|(p, c)| (&**p, *c)).collect();
        let order = |a: &(&[u8], u64), b: &(&[u8], u64)| b.1.cmp(&a.1).then(a.0.cmp(b.0));
        if all.len() > n {
            all.select_nth_unstable_by(n, order);
            all.truncate(n);
        }
        all.sort_unstable_by(order);
        all
    }

    /// Every path kept, with its count.
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], u64)> {
        self.counts.iter().map(|(p, c)| (&**p, *c))
    }

    fn prune(&mut self) {
        let mut counts: Vec<u64> = self.counts.values().copied().collect();
        let half = counts.len() / 2;
        let (_, &mut keep_above, _) = counts.select_nth_unstable_by(half, |a, b| b.cmp(a));
        // Ties at the cut go too, so a log of all-distinct paths does not
        // keep every one of them.
        self.counts.retain(|_, c| *c > keep_above);
        self.pruned = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_counts_and_order() {
        let mut p = TopPaths::default();
        for (path, n) in [("/a", 3), ("/b", 5), ("/c", 3), ("/a", 1)] {
            p.add(path.as_bytes(), n);
        }
        let top: Vec<(String, u64)> = p
            .top(2)
            .into_iter()
            .map(|(p, c)| (String::from_utf8_lossy(p).into_owned(), c))
            .collect();
        assert_eq!(top, [("/b".to_string(), 5), ("/a".to_string(), 4)]);
        assert!(p.exact());
    }

    #[test]
    fn memory_stays_bounded_and_frequent_paths_survive() {
        let mut p = TopPaths::default();
        for i in 0..100_000u32 {
            p.add(b"/hot", 1);
            p.add(format!("/id/{i}").as_bytes(), 1);
        }
        assert!(p.counts.len() <= CAP);
        assert!(!p.exact());
        assert_eq!(p.top(1)[0].0, b"/hot");
        let long = vec![b'a'; 10_000];
        p.add(&long, 1);
        assert!(p.counts.keys().all(|k| k.len() <= MAX_PATH));
    }

    #[test]
    fn merging_adds_counts() {
        let (mut a, mut b) = (TopPaths::default(), TopPaths::default());
        a.add(b"/x", 2);
        b.add(b"/x", 3);
        b.add(b"/y", 1);
        a.merge(b);
        assert_eq!(a.top(5), vec![(&b"/x"[..], 5), (&b"/y"[..], 1)]);
    }
}

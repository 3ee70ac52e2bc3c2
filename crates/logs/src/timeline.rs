//! Counts per status class over time, in bounded memory: buckets start a
//! minute wide and double whenever there would be more than `MAX_BUCKETS`,
//! so a year of logs takes the same room as an hour. Widths are a minute
//! times a power of two, so buckets of two timelines always line up.

use std::collections::BTreeMap;

use crate::time::Seconds;

/// Classes counted: 1xx to 5xx, then everything else (`000`, `6xx`...).
pub const CLASSES: usize = 6;
const MAX_BUCKETS: usize = 1024;
const MINUTE: Seconds = 60;

/// Lines per class, by class index (`class_index`).
pub type Counts = [u64; CLASSES];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    width: Seconds,
    /// Keyed by bucket number (start / width).
    buckets: BTreeMap<i64, Counts>,
    /// The bucket being filled: logs are in time order, so most lines
    /// land where the previous one did and skip the map.
    current: Option<(i64, Counts)>,
}

impl Default for Timeline {
    fn default() -> Timeline {
        Timeline {
            width: MINUTE,
            buckets: BTreeMap::new(),
            current: None,
        }
    }
}

/// 0 for 1xx .. 4 for 5xx, 5 for anything outside 100-599.
pub fn class_index(code: u16) -> usize {
    match code {
        100..=599 => usize::from(code / 100 - 1),
        _ => CLASSES - 1,
    }
}

impl Timeline {
    pub fn add(&mut self, t: Seconds, class: usize) {
        let key = t.div_euclid(self.width);
        match &mut self.current {
            Some((k, counts)) if *k == key => counts[class] += 1,
            _ => {
                self.flush();
                let mut counts = [0; CLASSES];
                counts[class] = 1;
                self.current = Some((key, counts));
            }
        }
    }

    pub fn merge(&mut self, mut other: Timeline) {
        self.flush();
        other.flush();
        let width = self.width.max(other.width);
        self.coarsen_to(width);
        other.coarsen_to(width);
        for (key, counts) in other.buckets {
            add_counts(self.buckets.entry(key).or_default(), &counts);
        }
        self.fit();
    }

    /// Seconds per bucket.
    pub fn width(&self) -> Seconds {
        self.width
    }

    pub fn is_empty(&self) -> bool {
        self.buckets.is_empty() && self.current.is_none()
    }

    /// (start, counts) for every bucket with a line, in time order.
    pub fn buckets(&self) -> Vec<(Seconds, Counts)> {
        let mut all = self.buckets.clone();
        if let Some((key, counts)) = &self.current {
            add_counts(all.entry(*key).or_default(), counts);
        }
        all.iter().map(|(k, c)| (k * self.width, *c)).collect()
    }

    fn flush(&mut self) {
        if let Some((key, counts)) = self.current.take() {
            add_counts(self.buckets.entry(key).or_default(), &counts);
            self.fit();
        }
    }

    fn fit(&mut self) {
        while self.buckets.len() > MAX_BUCKETS {
            self.coarsen_to(self.width * 2);
        }
    }

    fn coarsen_to(&mut self, width: Seconds) {
        if width == self.width {
            return;
        }
        let ratio = width / self.width;
        let mut merged: BTreeMap<i64, Counts> = BTreeMap::new();
        for (key, counts) in std::mem::take(&mut self.buckets) {
            add_counts(merged.entry(key.div_euclid(ratio)).or_default(), &counts);
        }
        self.buckets = merged;
        self.width = width;
    }
}

fn add_counts(into: &mut Counts, from: &Counts) {
    for (a, b) in into.iter_mut().zip(from) {
        *a += b;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(t: &Timeline) -> u64 {
        t.buckets().iter().flat_map(|(_, c)| c).sum()
    }

    #[test]
    fn minute_buckets_by_class() {
        let mut t = Timeline::default();
        for (at, code) in [(0, 200), (59, 404), (60, 500), (61, 999)] {
            t.add(at, class_index(code));
        }
        assert_eq!(
            t.buckets(),
            vec![(0, [0, 1, 0, 1, 0, 0]), (60, [0, 0, 0, 0, 1, 1])]
        );
        assert_eq!(t.width(), 60);
    }

    #[test]
    fn a_long_span_widens_buckets_and_keeps_every_line() {
        let mut t = Timeline::default();
        for i in 0..100_000 {
            t.add(i * 600, class_index(200));
        }
        let buckets = t.buckets().len();
        assert!(buckets <= MAX_BUCKETS, "{buckets}");
        assert_eq!(total(&t), 100_000);
        assert_eq!(t.width() % 60, 0);
    }

    #[test]
    fn merging_timelines_of_different_widths() {
        let (mut a, mut b) = (Timeline::default(), Timeline::default());
        for i in 0..5000 {
            a.add(i * 60, 1);
        }
        b.add(30, 4);
        a.merge(b);
        assert_eq!(total(&a), 5001);
        let first = a.buckets()[0];
        assert_eq!(first.0, 0);
        assert_eq!(first.1[4], 1);
    }
}

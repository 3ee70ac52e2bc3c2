//! What a log says, counted: lines per status (and per upstream status),
//! top paths of error statuses, a timeline per class and the lines that
//! could not be read. `Stats` of two parts of a log merge into the `Stats`
//! of both, which is how chunks read in parallel and batches of a followed
//! file come together.

use std::collections::HashMap;

use serde::Serialize;

use crate::Options;
use crate::parse::{Line, Parser, Record};
use crate::paths::TopPaths;
use crate::time::Seconds;
use crate::timeline::{Timeline, class_index};

/// Line numbers of unreadable lines kept for the report.
const FIRST_BAD: usize = 5;

/// A status as a log has it: IIS adds a substatus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct StatusKey {
    pub code: u16,
    pub substatus: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    lines: u64,
    counted: u64,
    unreadable: u64,
    /// By code, for lines without a substatus (all but IIS's).
    codes: Box<[u64; 1000]>,
    subs: HashMap<(u16, u32), u64>,
    /// By upstream code; 0 is "no response".
    upstream: Option<Box<[u64; 1000]>>,
    paths: HashMap<StatusKey, TopPaths>,
    timeline: Timeline,
    span: Option<(Seconds, Seconds)>,
    /// First unreadable lines, numbered in the whole input.
    bad_lines: Vec<u64>,
    /// Unreadable lines of parts not yet placed: (part, line in part).
    bad_in_parts: Vec<(u32, u64)>,
    /// Lines in each part not yet placed.
    part_lines: Vec<(u32, u64)>,
    /// Lines of the parts placed, blank ones included.
    placed: u64,
}

impl Default for Stats {
    fn default() -> Stats {
        Stats {
            lines: 0,
            counted: 0,
            unreadable: 0,
            codes: Box::new([0; 1000]),
            subs: HashMap::new(),
            upstream: None,
            paths: HashMap::new(),
            timeline: Timeline::default(),
            span: None,
            bad_lines: Vec::new(),
            bad_in_parts: Vec::new(),
            part_lines: Vec::new(),
            placed: 0,
        }
    }
}

impl Stats {
    /// Lines read, unreadable ones included (blank lines and W3C
    /// directives are not lines of the log).
    pub fn lines(&self) -> u64 {
        self.lines
    }

    /// Lines that passed the filters and are counted by status.
    pub fn counted(&self) -> u64 {
        self.counted
    }

    /// Readable lines left out by `--status`, `--since` or `--until`.
    pub fn filtered_out(&self) -> u64 {
        self.lines - self.unreadable - self.counted
    }

    pub fn unreadable(&self) -> u64 {
        self.unreadable
    }

    /// Line numbers (from 1) of the first few unreadable lines.
    pub fn unreadable_lines(&self) -> &[u64] {
        &self.bad_lines
    }

    /// Every status seen, with its count, by code.
    pub fn statuses(&self) -> Vec<(StatusKey, u64)> {
        let plain = self.codes.iter().enumerate().filter(|(_, n)| **n > 0);
        let mut all: Vec<(StatusKey, u64)> = plain
            .map(|(code, n)| (key(code as u16, None), *n))
            .chain(self.subs.iter().map(|(&(c, s), &n)| (key(c, Some(s)), n)))
            .collect();
        all.sort_unstable();
        all
    }

    /// Upstream statuses (ALB targets, Cloudflare origins) by code, 0 for
    /// "no response"; `None` when the format logs none.
    pub fn upstream(&self) -> Option<Vec<(u16, u64)>> {
        let codes = self.upstream.as_ref()?;
        let seen = codes.iter().enumerate().filter(|(_, n)| **n > 0);
        Some(seen.map(|(code, n)| (code as u16, *n)).collect())
    }

    /// The paths of an error status (4xx and up), unless counting only.
    pub fn paths(&self, status: StatusKey) -> Option<&TopPaths> {
        self.paths.get(&status)
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// First and last time of the counted lines that carry one.
    pub fn span(&self) -> Option<(Seconds, Seconds)> {
        self.span
    }

    pub fn merge(&mut self, other: Stats) {
        self.lines += other.lines;
        self.counted += other.counted;
        self.unreadable += other.unreadable;
        for (a, b) in self.codes.iter_mut().zip(other.codes.iter()) {
            *a += b;
        }
        for (k, n) in other.subs {
            *self.subs.entry(k).or_default() += n;
        }
        if let Some(theirs) = other.upstream {
            let ours = self.upstream.get_or_insert_with(|| Box::new([0; 1000]));
            for (a, b) in ours.iter_mut().zip(theirs.iter()) {
                *a += b;
            }
        }
        for (k, paths) in other.paths {
            self.paths.entry(k).or_default().merge(paths);
        }
        self.timeline.merge(other.timeline);
        self.span = match (self.span, other.span) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (a, b) => a.or(b),
        };
        self.bad_lines.extend(other.bad_lines);
        self.bad_lines.sort_unstable();
        self.bad_lines.truncate(FIRST_BAD);
        self.bad_in_parts.extend(other.bad_in_parts);
        self.bad_in_parts.sort_unstable();
        self.bad_in_parts.truncate(FIRST_BAD);
        self.part_lines.extend(other.part_lines);
        self.placed += other.placed;
    }

    /// Every line of the input, blank ones included (for line numbers).
    pub(crate) fn lines_in_file(&self) -> u64 {
        self.placed
    }

    /// Numbers the unreadable lines of the parts read so far in the whole
    /// input, parts being in the order of their numbers and the first
    /// starting after line `before`. Returns the lines the parts held.
    pub(crate) fn place_parts(&mut self, before: u64) -> u64 {
        self.part_lines.sort_unstable();
        let mut starts = HashMap::with_capacity(self.part_lines.len());
        let mut total = before;
        for &(part, lines) in &self.part_lines {
            starts.insert(part, total);
            total += lines;
        }
        for (part, line) in self.bad_in_parts.drain(..) {
            self.bad_lines
                .push(starts.get(&part).copied().unwrap_or(before) + line);
        }
        self.bad_lines.sort_unstable();
        self.bad_lines.truncate(FIRST_BAD);
        self.part_lines.clear();
        self.placed += total - before;
        total - before
    }
}

fn key(code: u16, substatus: Option<u32>) -> StatusKey {
    StatusKey { code, substatus }
}

/// Reads parts of one log into `Stats`, with the options' filters.
pub(crate) struct Scanner<'o> {
    pub(crate) parser: Parser,
    options: &'o Options,
    pub(crate) stats: Stats,
}

impl<'o> Scanner<'o> {
    pub(crate) fn new(parser: Parser, options: &'o Options) -> Scanner<'o> {
        Scanner {
            parser,
            options,
            stats: Stats::default(),
        }
    }

    /// Reads every line of `bytes` (a last line may lack its `\n`); `part`
    /// orders this part among the others for line numbers.
    pub(crate) fn scan(&mut self, bytes: &[u8], part: u32) {
        let mut rest = bytes;
        let mut number = 0;
        while !rest.is_empty() {
            let (line, next) = match memchr::memchr(b'\n', rest) {
                Some(end) => (&rest[..end], &rest[end + 1..]),
                None => (rest, &[][..]),
            };
            rest = next;
            number += 1;
            match self.parser.parse(line) {
                Line::Record(record) => self.record(&record),
                Line::Skip => {}
                Line::Bad => self.bad(part, number),
            }
        }
        self.stats.part_lines.push((part, number));
    }

    fn bad(&mut self, part: u32, number: u64) {
        let stats = &mut self.stats;
        stats.lines += 1;
        stats.unreadable += 1;
        stats.bad_in_parts.push((part, number));
        // Parts may come in any order: keep the earliest few.
        if stats.bad_in_parts.len() > 2 * FIRST_BAD {
            stats.bad_in_parts.sort_unstable();
            stats.bad_in_parts.truncate(FIRST_BAD);
        }
    }

    fn record(&mut self, r: &Record) {
        let (options, stats) = (self.options, &mut self.stats);
        stats.lines += 1;
        if !options.statuses.accepts(r.status, r.substatus) {
            return;
        }
        let full = !options.summary_only;
        let time = if full || !options.range.is_open() {
            r.time.seconds()
        } else {
            None
        };
        if !options.range.is_open() && !time.is_some_and(|t| options.range.contains(t)) {
            return;
        }
        stats.counted += 1;
        match r.substatus {
            None => stats.codes[usize::from(r.status).min(999)] += 1,
            Some(sub) => *stats.subs.entry((r.status, sub)).or_default() += 1,
        }
        if let Some(up) = r.upstream {
            let codes = stats.upstream.get_or_insert_with(|| Box::new([0; 1000]));
            codes[usize::from(up).min(999)] += 1;
        }
        if !full {
            return;
        }
        if let Some(t) = time {
            stats.timeline.add(t, class_index(r.status));
            stats.span = Some(stats.span.map_or((t, t), |(a, b)| (a.min(t), b.max(t))));
        }
        if r.status >= 400
            && let Some(path) = r.target.path()
        {
            let status = key(r.status, r.substatus);
            stats.paths.entry(status).or_default().add(path, 1);
        }
    }
}

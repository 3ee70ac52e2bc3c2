//! Reading a whole log into `Stats`. A regular file is memory-mapped and
//! read in parallel chunks that end on line ends; each chunk's pages are
//! dropped from the process as soon as it is read, so the resident memory
//! is a few chunks whatever the file's size. Standard input, pipes and
//! gzip are streamed in blocks through a bounded channel to the same
//! parallel readers. Nothing is ever read whole into memory.

use std::fs::File;
use std::io::{self, Read};
use std::ops::Range;
use std::path::Path;

use memmap2::{Mmap, UncheckedAdvice};
use rayon::prelude::*;

use crate::format::{DetectError, Format, detect};
use crate::parse::{Layout, Parser};
use crate::stats::{Scanner, Stats};
use crate::stream::analyze_reader;
use crate::{Error, Options};

/// Bytes read at once by one thread: few enough in flight to bound memory,
/// enough that a chunk's setup costs nothing.
const CHUNK: usize = 4 << 20;
/// Bytes looked at to detect the format.
const SAMPLE: usize = 64 << 10;

/// A log, read.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// `None` when the log had no line to tell it by (empty).
    pub format: Option<Format>,
    pub stats: Stats,
    pub bytes: u64,
    /// Why reading stopped before the end (a truncated gzip file): the
    /// lines before it are in `stats`.
    pub error: Option<String>,
    /// The parser as the end of the log left it, to follow on from there.
    pub parser: Option<Parser>,
}

/// Reads the file at `path`: memory-mapped in parallel when it is a plain
/// file, streamed when it is gzip or not a regular file (a pipe).
pub fn analyze_path(path: &Path, options: &Options) -> Result<Analysis, Error> {
    let file = File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(Error::Io(io::Error::other("is a directory")));
    }
    if !meta.is_file() {
        return analyze_reader(file, options);
    }
    let mut magic = [0u8; 2];
    let is_gzip = (&file).read_exact(&mut magic).is_ok() && magic == GZIP_MAGIC;
    if is_gzip || meta.len() == 0 {
        // Back to the start: the stream reader looks for the magic itself.
        return analyze_reader(File::open(path)?, options);
    }
    // SAFETY: the map is only read. If another process truncates the file
    // while it is read (logrotate's copytruncate), touching the lost pages
    // raises SIGBUS: the same limit as every tool that maps files.
    let map = unsafe { Mmap::map(&file)? };
    let _ = map.advise(memmap2::Advice::Sequential);
    analyze_mapped(&map, options, CHUNK, |range| release(&map, range))
}

/// Reads a log already in memory (tests, fuzzing) the way a mapped file is.
pub fn analyze_bytes(bytes: &[u8], options: &Options) -> Result<Analysis, Error> {
    analyze_mapped(bytes, options, CHUNK, |_| {})
}

pub(crate) const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Drops a chunk's pages from this process once read: they stay in the
/// page cache, but no longer count in its memory. The range is widened to
/// whole 2 MiB blocks: the kernel maps the page cache's large folios whole,
/// so a fault near a chunk's start also maps the end of the chunk before
/// it, already released; without the widening those leftovers added up
/// with every chunk.
fn release(map: &Mmap, range: Range<usize>) {
    const BLOCK: usize = 2 << 20;
    let start = range.start / BLOCK * BLOCK;
    let end = range
        .end
        .div_ceil(BLOCK)
        .saturating_mul(BLOCK)
        .min(map.len());
    // SAFETY: the map is a read-only file mapping, so MADV_DONTNEED loses
    // nothing: a page touched again (by a neighbouring chunk still being
    // read) is mapped again from the page cache.
    let _ = unsafe { map.unchecked_advise_range(UncheckedAdvice::DontNeed, start, end - start) };
}

fn analyze_mapped(
    bytes: &[u8],
    options: &Options,
    chunk: usize,
    release: impl Fn(Range<usize>) + Sync,
) -> Result<Analysis, Error> {
    let Some(parser) = parser_for(sample(bytes, true), options)? else {
        return Ok(empty(bytes.len() as u64));
    };
    let chunks = Chunks { bytes, size: chunk };
    let layouts = if parser.format() == Format::W3c {
        w3c_layouts(chunks, &parser, &release)
    } else {
        Vec::new()
    };
    let mut stats = (0..chunks.count())
        .into_par_iter()
        .fold(
            || Scanner::new(parser.clone(), options),
            |mut scanner, i| {
                if let Some(layout) = layouts.get(i) {
                    scanner.parser.set_layout(layout.clone());
                }
                let range = chunks.range(i);
                scanner.scan(&bytes[range.clone()], i as u32);
                release(range);
                scanner
            },
        )
        .map(|scanner| scanner.stats)
        .reduce(Stats::default, merged);
    stats.place_parts(0);
    let mut end = parser;
    if let Some(last) = layouts.last() {
        end.set_layout(last.clone());
    }
    Ok(Analysis {
        format: Some(end.format()),
        stats,
        bytes: bytes.len() as u64,
        error: None,
        parser: Some(end),
    })
}

pub(crate) fn merged(mut a: Stats, b: Stats) -> Stats {
    a.merge(b);
    a
}

fn empty(bytes: u64) -> Analysis {
    Analysis {
        format: None,
        stats: Stats::default(),
        bytes,
        error: None,
        parser: None,
    }
}

/// The parser for a log starting with `sample`: the forced format, else
/// the detected one; `None` when there is nothing to judge by.
pub(crate) fn parser_for(sample: &[u8], options: &Options) -> Result<Option<Parser>, DetectError> {
    let field = options.status_field.as_deref();
    let format = match options.format {
        Some(format) => Some(format),
        None => detect(sample, field)?,
    };
    Ok(format.map(|f| Parser::new(f, field)))
}

/// The first bytes worth judging a format by: from the first non-blank
/// byte, complete lines only unless `all` (the input ends there).
pub(crate) fn sample(bytes: &[u8], all: bool) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let end = (start + SAMPLE).min(bytes.len());
    let sample = &bytes[start..end];
    if all && end == bytes.len() {
        return sample;
    }
    memchr::memrchr(b'\n', sample).map_or(sample, |nl| &sample[..nl])
}

/// A log cut into chunks of about `size` bytes, each made of the lines
/// that start in its `size` bytes. A chunk's ends are found when it is
/// read, not all up front: looking for a line end touches the page there,
/// and the kernel maps a whole block of the page cache around it (its
/// large folios), which for every boundary at once added up to tens of MB.
#[derive(Clone, Copy)]
struct Chunks<'a> {
    bytes: &'a [u8],
    size: usize,
}

impl Chunks<'_> {
    fn count(&self) -> usize {
        self.bytes.len().div_ceil(self.size)
    }

    fn range(&self, i: usize) -> Range<usize> {
        self.line_start(i.saturating_mul(self.size))
            ..self.line_start((i + 1).saturating_mul(self.size))
    }

    /// The start of the first line starting at `at` or after.
    fn line_start(&self, at: usize) -> usize {
        let len = self.bytes.len();
        if at == 0 || at >= len {
            return at.min(len);
        }
        memchr::memchr(b'\n', &self.bytes[at - 1..]).map_or(len, |nl| at + nl)
    }
}

/// The W3C layout in force at the start of each chunk: the last `#Fields:`
/// directive before it (IIS writes one at every restart).
fn w3c_layouts(
    chunks: Chunks,
    parser: &Parser,
    release: &impl Fn(Range<usize>),
) -> Vec<Option<Layout>> {
    let mut current = parser.layout();
    let mut layouts = Vec::with_capacity(chunks.count());
    for i in 0..chunks.count() {
        layouts.push(current.clone());
        let range = chunks.range(i);
        if let Some(layout) = last_directive(&chunks.bytes[range.clone()]) {
            current = layout;
        }
        release(range);
    }
    layouts
}

/// The layout of the last `#Fields:` line in `bytes`, if there is one
/// (`Some(None)` for one without `sc-status`).
pub(crate) fn last_directive(bytes: &[u8]) -> Option<Option<Layout>> {
    let mut end = bytes.len();
    loop {
        let at = memchr::memmem::rfind(&bytes[..end], b"#Fields:")?;
        if at == 0 || bytes[at - 1] == b'\n' {
            let line = &bytes[at + 8..];
            let line = &line[..memchr::memchr(b'\n', line).unwrap_or(line.len())];
            return Some(Layout::from_fields(line));
        }
        end = at;
    }
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;

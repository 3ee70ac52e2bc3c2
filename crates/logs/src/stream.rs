//! Reading a stream (standard input, a pipe, gzip): one thread cuts it into
//! blocks of whole lines and hands them through a bounded channel to the
//! parallel readers, so at most a few blocks are in memory at once.

use std::io::{self, Read};
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use crate::format::Format;
use crate::parse::Parser;
use crate::read::{Analysis, GZIP_MAGIC, last_directive, merged, parser_for, sample};
use crate::stats::{Scanner, Stats};
use crate::{Error, Options};

/// Blocks of a stream: smaller than a mapped chunk, as each is a copy. A
/// line longer than a block is cut there (and is then, most likely,
/// unreadable).
const BLOCK: usize = 1 << 20;

/// Reads a stream (standard input, a pipe, a gzip file), gunzipping it
/// when it starts with gzip's magic bytes.
pub fn analyze_reader(reader: impl Read + Send, options: &Options) -> Result<Analysis, Error> {
    let mut buffered = io::BufReader::with_capacity(BLOCK, reader);
    let head = io::BufRead::fill_buf(&mut buffered)?;
    if head.starts_with(&GZIP_MAGIC) {
        stream(
            flate2::bufread::MultiGzDecoder::new(buffered),
            options,
            BLOCK,
        )
    } else {
        stream(buffered, options, BLOCK)
    }
}

/// One block of a stream, with the parser as the stream's start left it.
struct Block {
    part: u32,
    bytes: Vec<u8>,
    parser: Parser,
}

pub(crate) fn stream(
    reader: impl Read + Send,
    options: &Options,
    block: usize,
) -> Result<Analysis, Error> {
    let (sender, receiver) = sync_channel::<Block>(2);
    std::thread::scope(|scope| {
        let blocks =
            scope.spawn(move || read_blocks(reader, options, block, |b| sender.send(b).is_ok()));
        let mut stats = receiver
            .into_iter()
            .par_bridge()
            .fold(
                || None::<Scanner>,
                |scanner, block| {
                    let mut scanner = match scanner {
                        Some(mut scanner) => {
                            scanner.parser = block.parser;
                            scanner
                        }
                        None => Scanner::new(block.parser, options),
                    };
                    scanner.scan(&block.bytes, block.part);
                    Some(scanner)
                },
            )
            .map(|scanner| scanner.map(|s| s.stats).unwrap_or_default())
            .reduce(Stats::default, merged);
        let read = blocks
            .join()
            .map_err(|_| io::Error::other("the reader thread failed"))??;
        stats.place_parts(0);
        Ok(Analysis {
            format: read.parser.as_ref().map(Parser::format),
            stats,
            bytes: read.bytes,
            error: read.error,
            parser: read.parser,
        })
    })
}

/// What reading a stream found, besides its lines.
struct StreamEnd {
    parser: Option<Parser>,
    bytes: u64,
    error: Option<String>,
}

/// Cuts a stream into blocks of whole lines and hands each on with the
/// parser in force at its start; detects the format from the first lines.
fn read_blocks(
    mut reader: impl Read,
    options: &Options,
    size: usize,
    mut send: impl FnMut(Block) -> bool,
) -> Result<StreamEnd, Error> {
    let mut pending: Vec<u8> = Vec::with_capacity(size);
    let mut parser: Option<Parser> = None;
    let (mut bytes, mut part, mut error, mut skipping) = (0u64, 0u32, None, false);
    loop {
        let (read, ended) = fill(&mut reader, &mut pending, size, &mut error);
        bytes += read as u64;
        if skipping {
            // The rest of an overlong line, already counted.
            match memchr::memchr(b'\n', &pending) {
                Some(nl) => {
                    pending.drain(..=nl);
                    skipping = false;
                }
                None => pending.clear(),
            }
        }
        let cut = match memchr::memrchr(b'\n', &pending) {
            _ if ended => pending.len(),
            Some(nl) => nl + 1,
            None if pending.len() >= size => {
                pending.truncate(size);
                pending.push(b'\n');
                skipping = true;
                pending.len()
            }
            None => continue,
        };
        let rest = pending.split_off(cut);
        let block = std::mem::replace(&mut pending, rest);
        if parser.is_none() {
            parser = parser_for(sample(&block, ended), options)?;
        }
        let current = parser
            .clone()
            .unwrap_or_else(|| Parser::new(Format::Combined, None));
        if let (Some(p), Some(layout)) = (parser.as_mut(), last_directive(&block)) {
            p.set_layout(layout);
        }
        if !block.is_empty()
            && !send(Block {
                part,
                bytes: block,
                parser: current,
            })
        {
            break;
        }
        part += 1;
        if ended {
            break;
        }
    }
    Ok(StreamEnd {
        parser,
        bytes,
        error,
    })
}

/// Reads until `pending` holds `want` more bytes or the stream ends;
/// returns (bytes read, ended). A read error ends the stream and is kept.
fn fill(
    reader: &mut impl Read,
    pending: &mut Vec<u8>,
    want: usize,
    error: &mut Option<String>,
) -> (usize, bool) {
    let start = pending.len();
    pending.resize(start + want, 0);
    let mut filled = start;
    let ended = loop {
        match reader.read(&mut pending[filled..]) {
            Ok(0) => break true,
            Ok(n) => {
                filled += n;
                if filled == pending.len() {
                    break false;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                *error = Some(match e.kind() {
                    io::ErrorKind::UnexpectedEof => {
                        "the gzip data ends early (a truncated file?)".into()
                    }
                    _ => e.to_string(),
                });
                break true;
            }
        }
    };
    pending.truncate(filled);
    (filled - start, ended)
}

//! Reading the files a user points httpdex at (an extension file, the
//! state file) without trusting what they are: a FIFO would block the
//! reader, a device such as /dev/zero never ends, a huge file would fill
//! memory.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::Path;

/// Reads `path` if it is a regular file of at most `max` bytes. A FIFO
/// would block the reader, a device such as /dev/zero never ends: both,
/// and anything larger, are errors that name the rule.
pub fn read_regular_file(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    // Opening a FIFO for reading blocks until a writer comes: look first,
    // and open without blocking in case it was swapped in between.
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    read_capped(file, max).map_err(|e| match e.kind() {
        io::ErrorKind::FileTooLarge => {
            io::Error::other(format!("{e}, which is more than any such file needs"))
        }
        _ => e,
    })
}

/// All of `reader` if it holds at most `max` bytes; past that, an error of
/// kind `FileTooLarge` saying "larger than N MB", after reading only
/// `max + 1` bytes, so a source that never ends (`/dev/zero`, a runaway
/// pipe) cannot fill memory.
pub fn read_capped(reader: impl io::Read, max: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("larger than {} MB", max >> 20),
        ));
    }
    Ok(bytes)
}

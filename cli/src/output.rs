//! Standard output: refused when it was closed at start, its write errors
//! named.
//!
//! Before `main`, the Rust runtime reopens a closed standard descriptor on
//! `/dev/null`, so a command run with `>&-` would write every result into
//! nothing and succeed. A constructor runs before that and remembers the
//! truth, so the command can refuse instead of losing its output.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
#[ctor::ctor(unsafe)]
fn note_whether_stdout_is_closed() {
    use std::os::fd::BorrowedFd;
    // SAFETY: the descriptor is only passed to fcntl(F_DUPFD_CLOEXEC), which
    // answers EBADF for a closed descriptor; the duplicate is closed at once.
    let stdout = unsafe { BorrowedFd::borrow_raw(1) };
    if stdout.try_clone_to_owned().is_err() {
        CLOSED_AT_START.store(true, Ordering::Relaxed);
    }
}

/// Whether file descriptor 1 was closed when the process started.
pub fn was_closed() -> bool {
    CLOSED_AT_START.load(Ordering::Relaxed)
}

/// A writer whose errors say they happened writing the output; a broken
/// pipe is passed on as it is, for the caller to end quietly.
pub struct Named<W>(pub W);

fn name(e: io::Error) -> io::Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        e
    } else {
        io::Error::new(e.kind(), format!("writing the output: {e}"))
    }
}

impl<W: Write> Write for Named<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(name)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(name)
    }
}

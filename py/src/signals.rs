//! Letting Ctrl-C through long native loops.
//!
//! Python runs signal handlers (and so raises `KeyboardInterrupt`) only on
//! the main thread, between bytecodes: a loop in native code must ask for
//! them itself, or Ctrl-C waits until the loop ends. The loops of this crate
//! ask every [`EVERY`] records, at most every [`INTERVAL`] (asking takes the
//! GIL back, which may wait for another Python thread to release it), and
//! only on the main thread, where alone a handler can run.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use pyo3::exceptions::PyKeyboardInterrupt;
use pyo3::prelude::*;

/// Records graded between two questions.
pub const EVERY: usize = 4096;

/// Shortest time between two questions.
pub const INTERVAL: Duration = Duration::from_millis(20);

/// Asks Python whether a signal handler raised, from a loop that runs
/// without the GIL.
pub struct Poll {
    /// Whether the loop runs on the main thread.
    main: bool,
    /// When Python was last asked, and what its handler raised.
    state: Mutex<(Instant, Option<PyErr>)>,
}

impl Poll {
    /// A poll for a loop about to run on the current thread.
    pub fn new(py: Python<'_>) -> PyResult<Self> {
        let threading = py.import("threading")?;
        let current = threading.call_method0("current_thread")?;
        let main = current.is(&threading.call_method0("main_thread")?);
        Ok(Poll {
            main,
            state: Mutex::new((Instant::now(), None)),
        })
    }

    /// Whether a signal handler raised (Ctrl-C): the loop should stop and
    /// return [`Poll::error`]. Called without the GIL, on the thread that
    /// made the poll.
    pub fn interrupted(&self) -> bool {
        if !self.main {
            return false;
        }
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        if state.1.is_some() {
            return true;
        }
        if state.0.elapsed() < INTERVAL {
            return false;
        }
        state.0 = Instant::now();
        if let Err(e) = Python::attach(|py| py.check_signals()) {
            state.1 = Some(e);
            return true;
        }
        false
    }

    /// What the signal handler raised (`KeyboardInterrupt` for Ctrl-C).
    pub fn error(self) -> PyErr {
        let raised = self.state.into_inner().ok().and_then(|s| s.1);
        raised.unwrap_or_else(|| PyKeyboardInterrupt::new_err(()))
    }
}

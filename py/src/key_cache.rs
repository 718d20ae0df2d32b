//! The field index of a dict's key, remembered by the key object's identity
//! for the rest of a batch.
//!
//! Dicts made by the same code usually share their key objects: a dict
//! literal's keys are interned strings, and `csv.DictReader`, pandas'
//! `to_dict("records")` or `dict(zip(columns, row))` give every record the
//! same key objects. A batch then sees the same few dozen key objects again
//! and again, and [`KeyCache`] answers each by its address instead of its
//! text. The reference path is the lookup by text
//! ([`crate::mapping`]'s field table), which every key the cache does not
//! hold goes through; only keys that path found to be a field, as a
//! built-in `str`, are remembered, so the cache never answers anything the
//! text lookup would not.
//!
//! An address names the same object only while that object lives: the
//! cache holds a reference to every key it remembers, so no other object
//! can take its address while the cache lives (a key's text never changes).
//! Keys that are new objects in every record (`json.loads` of each line
//! makes its own) would only fill it: after [`MAX_REMEMBERED`] keys it
//! remembers no more and answers nothing, so such a batch pays one test a
//! key.

use pyo3::prelude::*;
use pyo3::types::PyString;

/// Sets of the table, each of [`WAYS`] entries.
const SETS: usize = 64;
const WAYS: usize = 2;

/// Most keys remembered in a batch: a record contract of a few dozen
/// fields needs far fewer; more means the keys are not shared.
pub const MAX_REMEMBERED: usize = 4 * SETS;

/// Field indices of key objects, by address (see the module documentation).
pub struct KeyCache {
    /// `(address, field index)`; address 0 is an empty entry.
    entries: [(usize, u8); SETS * WAYS],
    /// A reference to every key an entry names (and to keys replaced since),
    /// which keeps their addresses theirs.
    held: Vec<Py<PyString>>,
    /// Whether keys are still looked up and remembered here.
    enabled: bool,
}

impl KeyCache {
    /// An empty cache.
    pub fn new() -> Self {
        KeyCache {
            entries: [(0, 0); SETS * WAYS],
            held: Vec::new(),
            enabled: true,
        }
    }

    /// The set of an address: objects are 16-byte aligned, so the low bits
    /// are dropped by the multiplication's high bits.
    #[inline(always)]
    fn set(address: usize) -> usize {
        let mixed = (address as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - SETS.trailing_zeros())) as usize * WAYS
    }

    /// The field index remembered for the key object `key`, if any.
    #[inline(always)]
    pub fn get(&self, key: *mut pyo3::ffi::PyObject) -> Option<u8> {
        if !self.enabled {
            return None;
        }
        let address = key as usize;
        let at = Self::set(address);
        self.entries
            .get(at..at + WAYS)?
            .iter()
            .find(|e| e.0 == address)
            .map(|e| e.1)
    }

    /// Remembers that the key object `key` (a built-in `str`) is field
    /// `field`, keeping a reference to it.
    pub fn remember(&mut self, key: &Bound<'_, PyString>, field: u8) {
        if !self.enabled {
            return;
        }
        if self.held.len() >= MAX_REMEMBERED {
            self.enabled = false;
            return;
        }
        let address = key.as_ptr() as usize;
        let at = Self::set(address);
        let Some(set) = self.entries.get_mut(at..at + WAYS) else {
            return;
        };
        // An empty way, else the last one (the first keys stay).
        let way = set.iter().position(|e| e.0 == 0).unwrap_or(WAYS - 1);
        if let Some(e) = set.get_mut(way) {
            *e = (address, field);
            self.held.push(key.clone().unbind());
        }
    }
}

impl Default for KeyCache {
    fn default() -> Self {
        Self::new()
    }
}

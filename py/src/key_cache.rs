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

/// Entries of the table (a power of two).
const ENTRIES: usize = 256;

/// Most keys remembered in a batch: a record contract of a few dozen
/// fields needs far fewer; more means the keys are not shared. Half the
/// table, so that a probe soon meets an empty entry.
pub const MAX_REMEMBERED: usize = ENTRIES / 2;

/// Field indices of key objects, by address (see the module documentation).
pub struct KeyCache {
    /// `(address, field index)` by open addressing; address 0 is an empty
    /// entry. An entry is never replaced: keys sharing a start of probes
    /// cannot push each other out.
    entries: [(usize, u8); ENTRIES],
    /// A reference to every key an entry names, which keeps its address
    /// its own.
    held: Vec<Py<PyString>>,
    /// Whether keys are still looked up and remembered here.
    enabled: bool,
}

impl KeyCache {
    /// An empty cache.
    pub fn new() -> Self {
        KeyCache {
            entries: [(0, 0); ENTRIES],
            held: Vec::new(),
            enabled: true,
        }
    }

    /// Where the probes for an address start: objects are 16-byte aligned,
    /// so the multiplication's high bits are taken.
    #[inline(always)]
    fn start(address: usize) -> usize {
        let mixed = (address as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - ENTRIES.trailing_zeros())) as usize
    }

    /// The field index remembered for the key object `key`, if any.
    #[inline(always)]
    pub fn get(&self, key: *mut pyo3::ffi::PyObject) -> Option<u8> {
        if !self.enabled {
            return None;
        }
        let address = key as usize;
        let mut at = Self::start(address);
        // At most half the entries are used: an empty one soon ends the
        // probes.
        for _ in 0..ENTRIES {
            let (a, field) = *self.entries.get(at)?;
            if a == address {
                return Some(field);
            }
            if a == 0 {
                return None;
            }
            at = (at + 1) % ENTRIES;
        }
        None
    }

    /// Remembers that the key object `key` (a built-in `str`, not yet
    /// remembered) is field `field`, keeping a reference to it.
    pub fn remember(&mut self, key: &Bound<'_, PyString>, field: u8) {
        if !self.enabled {
            return;
        }
        if self.held.len() >= MAX_REMEMBERED {
            self.enabled = false;
            return;
        }
        let address = key.as_ptr() as usize;
        let mut at = Self::start(address);
        for _ in 0..ENTRIES {
            let Some(e) = self.entries.get_mut(at) else {
                return;
            };
            if e.0 == 0 {
                *e = (address, field);
                self.held.push(key.clone().unbind());
                return;
            }
            at = (at + 1) % ENTRIES;
        }
    }
}

impl Default for KeyCache {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_a_contract_is_kept_and_many_keys_turn_the_cache_off() {
        Python::initialize();
        Python::attach(|py| {
            // Every key stays answerable, however their starts collide.
            let keys: Vec<Bound<'_, PyString>> = (0..MAX_REMEMBERED)
                .map(|i| PyString::new(py, &format!("key {i}")))
                .collect();
            let mut cache = KeyCache::new();
            for (i, k) in keys.iter().enumerate() {
                assert_eq!(cache.get(k.as_ptr()), None);
                cache.remember(k, (i % 200) as u8);
            }
            for (i, k) in keys.iter().enumerate() {
                assert_eq!(cache.get(k.as_ptr()), Some((i % 200) as u8));
            }
            // One more key turns it off: it answers nothing from then on.
            let more = PyString::new(py, "one more");
            cache.remember(&more, 1);
            assert_eq!(cache.get(more.as_ptr()), None);
            assert_eq!(cache.get(keys[0].as_ptr()), None);
        });
    }
}

//! Reading a Python dict straight into the core's [`Complaint`].
//!
//! A record given as a dict is read field by field through the same field
//! table as the frame reader ([`crate::fields`]: the core's declared
//! contract, its vocabularies and ranges), without writing its JSON. Only
//! values the core certainly accepts are read here: a `str` code of the
//! field's vocabulary, an `int` (or a whole `float`) in the field's range,
//! a `bool`, a list (or comma-separated `str`) of codes, an id of at most
//! [`ID_CAPACITY`] bytes, a text within the core's limit, and the missing
//! values (`None`, NaN) of a field. Anything else (an unknown key, a value
//! of another type or out of range, a NumPy scalar, a lone surrogate, a
//! `Mapping` that is not a built-in dict, a dict subclass) makes [`read`] answer `None`, and the
//! record then goes through its record JSON and the core's parser exactly
//! as before: its error, with the core's kind, field, offset and message,
//! is the one it always had, and only good records skip the JSON.
//!
//! The text is scanned with [`Complaint::add_text`] after every other
//! field is stored, which is what [`crate::record::parse`] (and so the
//! core's parser) makes of a record's text.

use std::sync::OnceLock;

use complaint_triage::{Complaint, ID_CAPACITY};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use pyo3::{Borrowed, PyTypeInfo};

use crate::fields::{self, CodeLookup, Field, Setter};
use crate::json;
use crate::key_cache::KeyCache;
use crate::record::TEXT_MAX_BYTES;

/// Most elements of a list field read here. With every other value bounded
/// too (codes, integers, a 64-byte id), a record read here is far within
/// the core's 64 KiB record limit, which a longer list could reach: such a
/// list goes through the core, which judges its size.
const MAX_LIST_ITEMS: usize = 64;

// The bound above keeps a record read here within the core's record size:
// five list fields of codes of at most 40 bytes (quoted, with commas), an
// id escaped at worst six bytes a byte, and 29 members of at most 64
// bytes of key and number.
const _: () = assert!(
    5 * MAX_LIST_ITEMS * (40 + 3) + 6 * ID_CAPACITY + 29 * 64
        < complaint_triage::RECORD_LIMITS.max_bytes
);

/// A record field with what reading it needs.
struct Slot {
    field: Field,
    /// The code lookup of a code or list field.
    lookup: Option<CodeLookup>,
}

/// The record fields by name, with their lookups, built once.
struct Table {
    slots: Vec<Slot>,
    /// Field names to indices of `slots`.
    names: CodeLookup,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let fields = fields::record_fields();
        let slots = fields
            .iter()
            .map(|f| Slot {
                field: *f,
                lookup: match f.setter {
                    Setter::Code { parse, codes, .. } | Setter::Flags { parse, codes, .. } => {
                        Some(CodeLookup::new(codes(), parse))
                    }
                    _ => None,
                },
            })
            .collect();
        let names = CodeLookup::new(fields.iter().map(|f| f.name).collect(), field_index);
        Table { slots, names }
    })
}

/// The index of a record field by name (the lookup of names' fallback).
fn field_index(name: &str) -> Option<u8> {
    fields::record_fields()
        .iter()
        .position(|f| f.name == name)
        .and_then(|i| u8::try_from(i).ok())
}

/// The complaint of a dict whose every value the core accepts as is, its
/// text scanned; `None` for anything else (see the module documentation),
/// which the caller hands to the core's parser. Runs no Python code: only
/// a dict's own entries and built-in values are looked at.
pub fn read(obj: &Bound<'_, PyAny>) -> Option<Complaint> {
    let mut c = Complaint::DEFAULT;
    read_into(obj, &mut c, None)?;
    Some(c)
}

/// [`read`] into a complaint of the caller's (a batch's buffer, so that
/// no complaint is moved between reading and grading): `Some(())` when
/// `c` holds the dict's complaint, `None` (with `c` holding anything) for
/// what [`read`] answers `None`. A batch passes its [`KeyCache`], which
/// answers the keys it has seen before by identity.
pub fn read_into(
    obj: &Bound<'_, PyAny>,
    c: &mut Complaint,
    mut keys: Option<&mut KeyCache>,
) -> Option<()> {
    let dict = exact::<PyDict>(obj)?;
    let table = table();
    *c = Complaint::DEFAULT;
    let mut text = None;
    let py = obj.py();
    let (mut pos, mut key, mut value) = (0, std::ptr::null_mut(), std::ptr::null_mut());
    // SAFETY: `dict` is a live dict, and `PyDict_Next` is given valid out
    // pointers. It lends its entries (no reference counting, a sixth of
    // the time of a small record here): they stay valid while the dict is
    // unchanged, and nothing in this loop can change it: no Python code
    // runs (only exact-type checks, the UTF-8 of a `str`, the value of a
    // built-in `int` or `float`), and what outlives the loop is owned.
    while unsafe { pyo3::ffi::PyDict_Next(dict.as_ptr(), &mut pos, &mut key, &mut value) } != 0 {
        // SAFETY: as above; both pointers are the dict's live entries.
        let (k, v) = unsafe { (Borrowed::from_ptr(py, key), Borrowed::from_ptr(py, value)) };
        let remembered = keys.as_deref().and_then(|cache| cache.get(key));
        let index = match remembered {
            Some(i) => i,
            None => {
                // A key of a `str` subclass goes through the core's path.
                let k = exact::<PyString>(&k)?;
                let i = table.names.get(utf8(k)?)?;
                if let Some(cache) = keys.as_deref_mut() {
                    cache.remember(k, i);
                }
                i
            }
        };
        let slot = table.slots.get(usize::from(index))?;
        if is_missing(&v) {
            continue;
        }
        match slot.field.setter {
            Setter::Id => {
                let id = exact_str(&v)?;
                if id.len() > ID_CAPACITY {
                    return None;
                }
                c.set_id(id).ok()?;
            }
            Setter::Text => {
                let t = exact_str(&v)?;
                if t.len() > TEXT_MAX_BYTES {
                    return None;
                }
                text = Some(v.to_owned());
            }
            Setter::UInt { set, min, max } => {
                let n = uint(&v)?;
                if n < min || n > max {
                    return None;
                }
                set(c, n);
            }
            Setter::Code { set, .. } => {
                let i = slot.lookup.as_ref()?.get(exact_str(&v)?)?;
                set(c, i);
            }
            Setter::Bool(set) => set(c, exact::<PyBool>(&v)?.is_true()),
            Setter::Flags { set, .. } => {
                let bits = flag_bits(&v, slot.lookup.as_ref()?)?;
                set(c, bits);
            }
            Setter::CoreOnly => return None,
        }
    }
    if let Some(t) = text {
        c.add_text(t.cast::<PyString>().ok()?.to_str().ok()?);
    }
    Some(())
}

/// `v` as a `T` if it is exactly one (not a subclass). Unlike pyo3's
/// `cast_exact`, a miss makes no error value, which takes and drops a
/// reference to the type: two calls into Python for every value that is
/// not a float when testing for NaN (in perf, about a sixth of the
/// reader's own samples fell right after them).
#[inline(always)]
fn exact<'a, 'py, T: PyTypeInfo>(v: &'a Bound<'py, PyAny>) -> Option<&'a Bound<'py, T>> {
    if v.is_exact_instance_of::<T>() {
        v.cast_exact::<T>().ok()
    } else {
        None
    }
}

/// Whether a value is a missing value this reader knows (`None`, a float
/// NaN); other markers (`pd.NA`) go through the core's path.
fn is_missing(v: &Bound<'_, PyAny>) -> bool {
    v.is_none() || exact::<PyFloat>(v).is_some_and(|f| f.value().is_nan())
}

/// A built-in `str` (not a subclass) holding valid UTF-8.
#[inline(always)]
fn exact_str<'a>(v: &'a Bound<'_, PyAny>) -> Option<&'a str> {
    utf8(exact::<PyString>(v)?)
}

/// The UTF-8 of a `str`, or `None` (no error left set) for one that has
/// none (a lone surrogate), which the core's path reports. What pyo3's
/// `to_str` does, without its call and its error value: keys and codes
/// are two dozen strings a record.
#[inline(always)]
fn utf8<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a str> {
    let mut size: pyo3::ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live `str` and the GIL is held (a `Bound`); `size`
    // is a valid out pointer.
    let data = unsafe { pyo3::ffi::PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size) };
    if data.is_null() {
        // SAFETY: the GIL is held; the error just raised is nobody's (the
        // record goes through the core's path, which reports it).
        unsafe { pyo3::ffi::PyErr_Clear() };
        return None;
    }
    let len = usize::try_from(size).ok()?;
    // SAFETY: on success CPython returns the string's UTF-8, `size` valid
    // bytes kept with the string object, which `s` keeps alive for `'a`
    // (pyo3's `to_str` does the same).
    Some(unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(data.cast(), len)) })
}

/// A built-in `int` (not a `bool`) that fits 64 bits unsigned, or a
/// finite whole `float` below 2^63 (a whole float is read as its integer,
/// as [`json::write_f64`] writes it for the core).
#[inline(always)]
fn uint(v: &Bound<'_, PyAny>) -> Option<u64> {
    if let Some(i) = exact::<PyInt>(v) {
        // What pyo3's `extract::<u64>` does for an `int`, without its call
        // and its error value.
        // SAFETY: `i` is a live `int` and the GIL is held (a `Bound`).
        let n = unsafe { pyo3::ffi::PyLong_AsUnsignedLongLong(i.as_ptr()) };
        // SAFETY: the GIL is held.
        if n == u64::MAX && !unsafe { pyo3::ffi::PyErr_Occurred() }.is_null() {
            // Negative or too large: the core's path reports it.
            // SAFETY: the GIL is held; the error is nobody's.
            unsafe { pyo3::ffi::PyErr_Clear() };
            return None;
        }
        return Some(n);
    }
    let f = exact::<PyFloat>(v)?.value();
    // Whole, non-negative and well within what `write_f64` writes as an
    // integer; `-0.0` is written `0`.
    (f.fract() == 0.0 && (0.0..9.0e18).contains(&f)).then_some(f as u64)
}

/// The bits of a list field's value: a list or tuple of code `str`s, or a
/// comma-separated `str` (split as [`json::split_list`] splits it), as the
/// core sets them (the bit of each code's index).
fn flag_bits(v: &Bound<'_, PyAny>, lookup: &CodeLookup) -> Option<u16> {
    let bit = |i: u8| 1u16.checked_shl(u32::from(i)).unwrap_or(0);
    let mut bits = 0u16;
    if let Some(s) = exact::<PyString>(v) {
        for (n, piece) in json::split_list(utf8(s)?).enumerate() {
            if n >= MAX_LIST_ITEMS {
                return None;
            }
            bits |= bit(lookup.get(piece)?);
        }
        return Some(bits);
    }
    if let Some(list) = exact::<PyList>(v) {
        if list.len() > MAX_LIST_ITEMS {
            return None;
        }
        for item in list.iter() {
            bits |= bit(lookup.get(exact_str(&item)?)?);
        }
        return Some(bits);
    }
    let tuple = exact::<PyTuple>(v)?;
    if tuple.len() > MAX_LIST_ITEMS {
        return None;
    }
    for item in tuple.iter() {
        bits |= bit(lookup.get(exact_str(&item)?)?);
    }
    Some(bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_field_has_a_slot_found_by_name() {
        let t = table();
        for (i, f) in fields::record_fields().iter().enumerate() {
            assert_eq!(t.names.get(f.name), Some(i as u8), "{}", f.name);
        }
        for s in ["", "emotoin", "Text", "texts"] {
            assert_eq!(t.names.get(s), None, "{s}");
        }
    }
}

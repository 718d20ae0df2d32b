//! The panic boundary, pointer checks and small helpers shared by the exports.

use core::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::result::*;

/// Runs `f` behind the panic boundary: a panic becomes [`CT_ERR_PANIC`].
///
/// Every export that returns a [`ct_result`] goes through this function.
#[inline(always)]
pub(crate) fn boundary(f: impl FnOnce() -> Result<(), ct_result>) -> ct_result {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => CT_OK,
        Ok(Err(code)) => code,
        Err(_) => CT_ERR_PANIC,
    }
}

/// Runs `f` behind the panic boundary, returning `fallback` on a panic;
/// for the few exports that return a value rather than a [`ct_result`].
#[inline(always)]
pub(crate) fn boundary_or<T>(fallback: T, f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(fallback)
}

/// Checks that a pointer the caller passed is neither NULL nor misaligned.
#[inline(always)]
pub(crate) fn check<T>(p: *const T) -> Result<(), ct_result> {
    if p.is_null() {
        Err(CT_ERR_NULL_POINTER)
    } else if !p.is_aligned() {
        Err(CT_ERR_MISALIGNED_POINTER)
    } else {
        Ok(())
    }
}

/// Checks an output pointer (see [`check`]).
#[inline(always)]
pub(crate) fn check_mut<T>(p: *mut T) -> Result<(), ct_result> {
    check(p.cast_const())
}

/// Whether the bytes of `*a` and `*b` share an address: a pure address
/// comparison of the two byte ranges, nothing is read. Used where a
/// function reads an input in place while it writes its output.
#[inline(always)]
pub(crate) fn overlap<A, B>(a: *const A, b: *const B) -> bool {
    let (a, b) = (a.addr(), b.addr());
    a < b.saturating_add(core::mem::size_of::<B>())
        && b < a.saturating_add(core::mem::size_of::<A>())
}

/// The bytes `ptr[0..len]` of a caller's buffer.
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes that stay unchanged
/// for the returned lifetime.
pub(crate) unsafe fn bytes<'a>(
    ptr: *const core::ffi::c_char,
    len: usize,
) -> Result<&'a [u8], ct_result> {
    if ptr.is_null() {
        return Err(CT_ERR_NULL_POINTER);
    }
    if len > isize::MAX as usize {
        return Err(CT_ERR_INVALID_ARGUMENT);
    }
    // SAFETY: non-NULL, and the caller guarantees `len` readable bytes;
    // a byte slice has no alignment requirement and `len` fits an isize.
    Ok(unsafe { core::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}

/// Parses a decimal `u32` at compile time (for the version checks).
pub(crate) const fn parse_u32(s: &str) -> u32 {
    let b = s.as_bytes();
    let mut i = 0;
    let mut n: u32 = 0;
    while i < b.len() {
        assert!(b[i].is_ascii_digit(), "not a decimal number");
        n = n * 10 + (b[i] - b'0') as u32;
        i += 1;
    }
    n
}

/// Copies `s` into a fixed `char` array as a NUL-terminated string, cut on
/// a UTF-8 character boundary when it does not fit.
pub(crate) fn copy_c_string(s: &str, out: &mut [core::ffi::c_char]) {
    let mut w = FixedWriter::new(out);
    let _ = fmt::Write::write_str(&mut w, s);
    w.finish();
}

/// A `fmt::Write` into a fixed `char` array that keeps room for the NUL
/// and silently cuts the text on a character boundary when it is full.
pub(crate) struct FixedWriter<'a> {
    out: &'a mut [core::ffi::c_char],
    len: usize,
    full: bool,
}

impl<'a> FixedWriter<'a> {
    pub(crate) fn new(out: &'a mut [core::ffi::c_char]) -> Self {
        FixedWriter {
            out,
            len: 0,
            full: false,
        }
    }

    /// Writes the terminating NUL (the array must not be empty).
    pub(crate) fn finish(self) {
        if let Some(slot) = self.out.get_mut(self.len) {
            *slot = 0;
        }
    }
}

impl fmt::Write for FixedWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.full {
            return Ok(());
        }
        let room = self.out.len().saturating_sub(1).saturating_sub(self.len);
        let mut take = s.len().min(room);
        while take > 0 && !s.is_char_boundary(take) {
            take -= 1;
        }
        if take < s.len() {
            self.full = true;
        }
        for (slot, b) in self.out[self.len..].iter_mut().zip(&s.as_bytes()[..take]) {
            *slot = *b as core::ffi::c_char;
        }
        self.len += take;
        Ok(())
    }
}

/// Writes JSON produced by `write` into the caller's buffer, followed by a
/// NUL, and stores its length (without the NUL) in `*written`.
///
/// When `cap` exceeds `max` (the most bytes `write` can ever produce) the
/// text goes straight into the caller's buffer; otherwise it is produced
/// in a scratch buffer on the stack and copied only if it fits, so that a
/// failed call leaves the caller's buffer untouched.
///
/// # Safety
/// `buf` must be NULL or point to `cap` writable bytes; `written` must be
/// NULL or point to a writable `size_t`.
pub(crate) unsafe fn write_json<const MAX: usize>(
    buf: *mut core::ffi::c_char,
    cap: usize,
    written: *mut usize,
    write: impl FnOnce(&mut [u8]) -> Result<usize, triage::BufferTooSmall>,
) -> Result<(), ct_result> {
    if buf.is_null() {
        return Err(CT_ERR_NULL_POINTER);
    }
    check_mut(written)?;
    if cap > isize::MAX as usize {
        return Err(CT_ERR_INVALID_ARGUMENT);
    }
    if cap > MAX {
        // SAFETY: the caller guarantees `cap` writable bytes at `buf`.
        let out = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), cap) };
        let n = write(&mut out[..cap - 1]).map_err(|_| CT_ERR_BUFFER_TOO_SMALL)?;
        out[n] = 0;
        // SAFETY: checked non-NULL and aligned above.
        unsafe { written.write(n) };
        return Ok(());
    }
    let mut scratch = [0u8; MAX];
    let n = write(&mut scratch).map_err(|_| CT_ERR_BUFFER_TOO_SMALL)?;
    if n >= cap {
        return Err(CT_ERR_BUFFER_TOO_SMALL);
    }
    // SAFETY: `n + 1 <= cap` bytes are writable at `buf`, and the scratch
    // buffer cannot overlap the caller's.
    unsafe {
        core::ptr::copy_nonoverlapping(scratch.as_ptr(), buf.cast::<u8>(), n);
        buf.add(n).write(0);
        written.write(n);
    }
    Ok(())
}

/// Reads one field of a struct the caller passed, without forming a
/// reference to the whole struct (parts of it, such as unused rows, may
/// be uninitialised).
macro_rules! get {
    ($p:ident . $($field:tt).+) => {
        core::ptr::addr_of!((*$p).$($field).+).read()
    };
}

/// Writes one field of a struct the caller passed (see [`get`]).
macro_rules! put {
    ($p:ident . $($field:tt).+ = $value:expr) => {
        core::ptr::addr_of_mut!((*$p).$($field).+).write($value)
    };
}

pub(crate) use {get, put};

/// Reads the first `len` bytes of a fixed `char` array of a caller's struct
/// as an id (UTF-8, at most [`triage::ID_CAPACITY`] bytes).
///
/// # Safety
/// `id` must point to at least `min(len, ID_CAPACITY)` readable bytes.
pub(crate) unsafe fn read_id(id: *const core::ffi::c_char, len: u8) -> Option<triage::Id> {
    let len = usize::from(len);
    if len > triage::ID_CAPACITY {
        return None;
    }
    // SAFETY: `len` is within the array the caller's struct holds.
    let bytes = unsafe { core::slice::from_raw_parts(id.cast::<u8>(), len) };
    let s = core::str::from_utf8(bytes).ok()?;
    let mut out = triage::Id::new();
    out.push_str(s).ok()?;
    Some(out)
}

/// Writes an id into a caller's `char` array of `ID_CAPACITY + 1` bytes,
/// NUL-terminated and zero-filled, and returns its length.
///
/// # Safety
/// `out` must point to `ID_CAPACITY + 1` writable bytes.
pub(crate) unsafe fn write_id(id: &str, out: *mut core::ffi::c_char) -> u8 {
    let bytes = id.as_bytes();
    let n = bytes.len().min(triage::ID_CAPACITY);
    // SAFETY: `n <= ID_CAPACITY` and the array holds `ID_CAPACITY + 1` bytes.
    unsafe {
        core::ptr::copy_nonoverlapping(bytes.as_ptr(), out.cast::<u8>(), n);
        core::ptr::write_bytes(out.add(n), 0, triage::ID_CAPACITY + 1 - n);
    }
    n as u8
}

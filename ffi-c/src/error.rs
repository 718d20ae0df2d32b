//! `ct_error`: the details of a failed call, for the functions that read
//! JSON (byte offset, field, list index, message).

use core::ffi::c_char;
use core::fmt::Write as _;

use triage::ParseError;

use crate::result::*;
use crate::util::{copy_c_string, FixedWriter};

/// Capacity of `ct_error.field`, NUL included.
pub const CT_ERROR_FIELD_CAPACITY: usize = 64;
/// Capacity of `ct_error.message`, NUL included: holds every message the
/// parsers produce in full.
pub const CT_ERROR_MESSAGE_CAPACITY: usize = 1024;
/// `ct_error.kind` of an error that is not a JSON input error.
pub const CT_ERROR_KIND_NONE: u32 = 255;
/// `ct_error.index` when the error is not inside a list.
pub const CT_ERROR_NO_INDEX: i32 = -1;

/// What went wrong, filled by the functions that take a `ct_error *` when
/// they fail (the pointer may be NULL when the caller does not want it).
/// Left untouched on success.
#[repr(C)]
pub struct ct_error {
    /// The code the function returned.
    pub result: ct_result,
    /// For a JSON error, the index of its kind in `CT_VOCAB_ERROR_KIND`
    /// (`ct_code(CT_VOCAB_ERROR_KIND, kind, ...)` gives `"unknown_field"`
    /// etc., and `result == 200 + kind`); otherwise `CT_ERROR_KIND_NONE`.
    pub kind: u32,
    /// Byte offset into the JSON input of the offending key or value (0
    /// when the error is not about the input).
    pub offset: u64,
    /// Position within a list field, or `CT_ERROR_NO_INDEX` (-1).
    pub index: i32,
    /// The field or policy key concerned (`""` for the document itself),
    /// NUL-terminated.
    pub field: [c_char; CT_ERROR_FIELD_CAPACITY],
    /// The full message, as the command-line tool prints it, NUL-terminated
    /// (e.g. "byte 1: unknown field `emotoin`; did you mean `emotion`?").
    pub message: [c_char; CT_ERROR_MESSAGE_CAPACITY],
    /// Reserved, set to 0 by the library (no implicit padding).
    pub reserved: [u8; 4],
}

/// Writes `code` to `err->result` and returns `*err` as a reference, if
/// `err` is neither NULL nor misaligned.
///
/// The caller's bytes may hold any number where `result` is, and a number
/// that is not a code is not a valid `ct_result`: so `result` is written
/// through the raw pointer first, and only then is the struct referenced.
///
/// # Safety
/// `err` must be NULL or valid for writes of a `ct_error`.
unsafe fn claim<'a>(err: *mut ct_error, code: ct_result) -> Option<&'a mut ct_error> {
    crate::util::check_mut(err).ok()?;
    // SAFETY: checked non-NULL and aligned; the caller guarantees it is
    // writable. The write goes through the raw pointer: nothing is read.
    unsafe { core::ptr::addr_of_mut!((*err).result).write(code) };
    // SAFETY: as above; now `result` is a valid `ct_result`, and every
    // other field is an integer or a char array, for which any previous
    // content is a valid value to overwrite.
    Some(unsafe { &mut *err })
}

/// Fills `*err` (if not NULL) for a core JSON error and returns its code.
///
/// # Safety
/// `err` must be NULL or valid for writes of a `ct_error`.
pub(crate) unsafe fn report_parse(err: *mut ct_error, e: &ParseError) -> ct_result {
    let code = json_result(e.kind);
    // SAFETY: forwarded from the caller.
    if let Some(err) = unsafe { claim(err, code) } {
        err.reserved = [0; 4];
        err.kind = u32::from(e.kind.index());
        err.offset = e.offset as u64;
        err.index = e.index.map_or(CT_ERROR_NO_INDEX, i32::from);
        copy_c_string(e.field, &mut err.field);
        let mut w = FixedWriter::new(&mut err.message);
        let _ = write!(w, "{e}");
        w.finish();
    }
    code
}

/// Fills `*err` (if not NULL) for any other failure and returns `code`.
///
/// # Safety
/// `err` must be NULL or valid for writes of a `ct_error`.
pub(crate) unsafe fn report(err: *mut ct_error, code: ct_result) -> ct_result {
    if code == CT_OK {
        return code;
    }
    // SAFETY: forwarded from the caller.
    if let Some(err) = unsafe { claim(err, code) } {
        err.reserved = [0; 4];
        err.kind = CT_ERROR_KIND_NONE;
        err.offset = 0;
        err.index = CT_ERROR_NO_INDEX;
        let info = code.describe();
        copy_c_string(info.field.to_str().unwrap_or(""), &mut err.field);
        copy_c_string(info.message.to_str().unwrap_or(""), &mut err.message);
    }
    code
}

/// Why a function that reports into a `ct_error` failed.
pub(crate) enum Fail {
    /// A result code (an argument error, a policy error...).
    Code(ct_result),
    /// A JSON input error of the core parser.
    Parse(ParseError),
    /// An incoherent policy (`CT_ERR_POLICY_INCOHERENT`).
    Policy(triage::PolicyError),
}

impl From<ct_result> for Fail {
    fn from(code: ct_result) -> Self {
        Fail::Code(code)
    }
}

impl From<ParseError> for Fail {
    fn from(e: ParseError) -> Self {
        Fail::Parse(e)
    }
}

/// The panic boundary of the functions that fill a `ct_error` on failure.
///
/// # Safety
/// `err` must be NULL or valid for writes of a `ct_error`.
pub(crate) unsafe fn boundary_err(
    err: *mut ct_error,
    f: impl FnOnce() -> Result<(), Fail>,
) -> ct_result {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    // SAFETY: forwarded from the caller.
    unsafe {
        match outcome {
            Ok(Ok(())) => CT_OK,
            Ok(Err(Fail::Code(code))) => report(err, code),
            Ok(Err(Fail::Parse(e))) => report_parse(err, &e),
            Ok(Err(Fail::Policy(e))) => report_policy(err, &e),
            Err(_) => report(err, CT_ERR_PANIC),
        }
    }
}

/// Fills `*err` (if not NULL) for an incoherent policy: the field is the
/// policy key (`"points.category.billing"`), the message the reason.
///
/// # Safety
/// `err` must be NULL or valid for writes of a `ct_error`.
unsafe fn report_policy(err: *mut ct_error, e: &triage::PolicyError) -> ct_result {
    // SAFETY: forwarded from the caller.
    let code = unsafe { report(err, CT_ERR_POLICY_INCOHERENT) };
    if crate::util::check_mut(err).is_ok() {
        // SAFETY: checked non-NULL and aligned, writable by the caller's
        // guarantee; `report` has just written a valid `result` (see `claim`).
        let err = unsafe { &mut *err };
        let mut w = FixedWriter::new(&mut err.field);
        let _ = w.write_str(e.key);
        if !e.entry.is_empty() {
            let _ = write!(w, ".{}", e.entry);
        }
        w.finish();
        let mut w = FixedWriter::new(&mut err.message);
        let _ = write!(w, "{e}");
        w.finish();
    }
    code
}

//! From the core's errors to Python exceptions.
//!
//! The exception classes are defined in `complaint_triage._errors` (plain
//! Python, so that they can carry attributes and be subclassed freely).

use complaint_triage::{ErrorKind, ParseError};

use crate::frame;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Which input was wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// A complaint record.
    Record,
    /// The outcome of a closed complaint.
    Outcome,
    /// A policy.
    Policy,
}

/// The Python exception for a core parse error: `RecordError` (or
/// `RecordTypeError` for a value of the wrong type), `OutcomeError` or
/// `PolicyError`, carrying the kind, field, list index, byte offset and,
/// for a row of a frame or a batch, the row.
pub fn input_error(py: Python<'_>, e: &ParseError, input: Input, row: Option<usize>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let module = py.import("complaint_triage._errors")?;
        let class = match input {
            Input::Record if e.kind == ErrorKind::WrongType => "RecordTypeError",
            Input::Record => "RecordError",
            Input::Outcome => "OutcomeError",
            Input::Policy => "PolicyError",
        };
        let message = match row {
            Some(r) => format!("row {r}: {e}"),
            None => e.to_string(),
        };
        let kwargs = PyDict::new(py);
        kwargs.set_item("kind", e.kind.code())?;
        kwargs.set_item("field", (!e.field.is_empty()).then_some(e.field))?;
        kwargs.set_item("index", e.index)?;
        kwargs.set_item("offset", e.offset)?;
        kwargs.set_item("row", row)?;
        let value = module.getattr(class)?.call((message,), Some(&kwargs))?;
        Ok(PyErr::from_value(value))
    };
    build().unwrap_or_else(|err| err)
}

/// The exception for a frame's bad row: a record's or an outcome's error,
/// with its row number.
pub fn row_error(py: Python<'_>, e: &frame::RowError) -> PyErr {
    let input = match e.input {
        frame::Input::Record => Input::Record,
        frame::Input::Outcome => Input::Outcome,
    };
    input_error(py, &e.error, input, Some(e.row))
}

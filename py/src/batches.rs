//! Arrow record batches handed over through the PyCapsule interface
//! (`__arrow_c_array__`), read as columns without a copy. Shared by
//! `assess_frame` and `compare_policies`.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};

use crate::{arrow, convert};

/// The schema and array capsules of each batch. The caller keeps them
/// while the columns read from them live: the columns borrow their memory.
pub(crate) type Capsules<'py> = Vec<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)>;

/// The capsules of `batches`, each an object with `__arrow_c_array__`.
pub(crate) fn capsules<'py>(batches: &[Bound<'py, PyAny>]) -> PyResult<Capsules<'py>> {
    let mut out = Vec::with_capacity(batches.len());
    for b in batches {
        let pair = b.call_method0("__arrow_c_array__").map_err(|_| {
            PyTypeError::new_err(format!(
                "expected an Arrow record batch (an object with __arrow_c_array__), not {}",
                convert::type_name(b)
            ))
        })?;
        let pair = pair.cast::<PyTuple>()?;
        let schema = pair.get_item(0)?.cast_into::<PyCapsule>()?;
        let array = pair.get_item(1)?.cast_into::<PyCapsule>()?;
        out.push((schema, array));
    }
    Ok(out)
}

/// The column (a struct of the record's fields) behind each pair of
/// capsules.
pub(crate) fn columns<'a>(capsules: &'a Capsules<'_>) -> PyResult<Vec<arrow::Column<'a>>> {
    let mut out = Vec::with_capacity(capsules.len());
    for (schema, array) in capsules {
        let s = schema.pointer_checked(Some(c"arrow_schema"))?;
        let a = array.pointer_checked(Some(c"arrow_array"))?;
        // SAFETY: the capsules hold a valid, unreleased ArrowSchema and
        // ArrowArray (the PyCapsule interface), alive while `capsules` is.
        let col = unsafe {
            arrow::import(
                s.cast::<arrow::FfiSchema>().as_ref(),
                a.cast::<arrow::FfiArray>().as_ref(),
                0,
                None,
            )
        }
        .map_err(|arrow::Unsupported(f)| {
            PyTypeError::new_err(format!("cannot read the batch: {f}"))
        })?;
        out.push(col);
    }
    Ok(out)
}

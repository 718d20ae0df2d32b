//! Counterfactuals of one record: the core's `counterfactuals`, as dicts
//! whose values are spelled as a record spells them.

use complaint_triage::{counterfactuals, Complaint, FieldKind, FieldSpec, Policy};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// A field's value counted as the contract counts it (see
/// `Complaint::field_number`), as the record would hold it: an int, a
/// bool, a code or a list of codes.
fn value<'py>(py: Python<'py>, field: &FieldSpec, number: u64) -> PyResult<Bound<'py, PyAny>> {
    let codes = field.vocabulary.map_or(&[][..], |v| v.codes);
    Ok(match field.kind {
        FieldKind::Bool => (number != 0).into_pyobject(py)?.to_owned().into_any(),
        FieldKind::Code => match usize::try_from(number).ok().and_then(|i| codes.get(i)) {
            Some(code) => code.into_pyobject(py)?.into_any(),
            None => number.into_pyobject(py)?.into_any(),
        },
        FieldKind::List => {
            let set: Vec<&str> = codes
                .iter()
                .enumerate()
                .filter(|(i, _)| *i < 64 && number & (1u64 << i) != 0)
                .map(|(_, c)| *c)
                .collect();
            PyList::new(py, set)?.into_any()
        }
        FieldKind::Int | FieldKind::Id | FieldKind::Text => number.into_pyobject(py)?.into_any(),
    })
}

/// Each counterfactual of `complaint` under `policy` as a dict: `field`,
/// `from` and `to` (spelled as the record spells the field), and the
/// `grade` and `tier` the change gives.
pub fn as_dicts<'py>(
    py: Python<'py>,
    complaint: &Complaint,
    policy: &Policy,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    let mut result = Ok(());
    counterfactuals(complaint, policy, |c| {
        if result.is_err() {
            return;
        }
        result = (|| {
            let d = PyDict::new(py);
            d.set_item("field", c.field.name)?;
            d.set_item("from", value(py, c.field, c.from)?)?;
            d.set_item("to", value(py, c.field, c.to)?)?;
            d.set_item("grade", c.grade.code())?;
            d.set_item("tier", c.tier.code())?;
            list.append(d)
        })();
    });
    result.map(|()| list)
}

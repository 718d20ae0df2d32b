//! From Python values to the JSON the core parses.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};

use crate::fields;
use crate::json;

/// The name of an object's type, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".into())
}

pub fn is_mapping(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    static MAPPING: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let mapping = MAPPING.import(obj.py(), "collections.abc", "Mapping")?;
    obj.is_instance(mapping)
}

/// Whether a value stands for "not given": `None`, a float NaN, or the
/// missing-value markers of pandas (`pd.NA`, `pd.NaT`).
pub fn is_missing(v: &Bound<'_, PyAny>) -> bool {
    if v.is_none() {
        return true;
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    let ty = v.get_type();
    matches!(
        ty.name().ok().as_ref().and_then(|n| n.to_str().ok()),
        Some("NAType" | "NaTType")
    ) && ty
        .module()
        .ok()
        .as_ref()
        .and_then(|m| m.to_str().ok())
        .is_some_and(|m| m.starts_with("pandas"))
}

/// Whether `key` is a field of a record (`record`) or of an outcome.
fn is_field(key: &str, record: bool) -> bool {
    if record {
        fields::record_fields().iter().any(|f| f.name == key)
    } else {
        fields::outcome_fields().contains(&key)
    }
}

/// Writes the JSON object of a mapping (a record, or an outcome): its
/// members in the mapping's order, leaving out the missing values of its
/// fields. A key that is no field is written whatever its value (null if
/// missing), so that the core reports it. For a record (`record`), a
/// string given for a list-valued field is read as a comma-separated list,
/// and a string `text` is not written but returned, to be handed to
/// [`crate::record::parse`] aside.
pub fn mapping_json(
    obj: &Bound<'_, PyAny>,
    what: &str,
    record: bool,
    out: &mut Vec<u8>,
) -> PyResult<Option<String>> {
    out.clear();
    out.push(b'{');
    let mut first = true;
    let mut text = None;
    let mut member = |k: &Bound<'_, PyAny>, v: &Bound<'_, PyAny>| -> PyResult<()> {
        let key = k.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("{what} keys must be strings, not {}", type_name(k)))
        })?;
        let Ok(key) = key.to_str() else {
            // A key with a lone surrogate is no field: the core says so.
            if !first {
                out.push(b',');
            }
            first = false;
            write_escaped_str(out, k)?;
            out.extend_from_slice(b":null");
            return Ok(());
        };
        let plain = plain_python(v, 0)?;
        let v = plain.as_ref().unwrap_or(v);
        let missing = is_missing(v);
        if missing && is_field(key, record) {
            return Ok(());
        }
        if record && key == "text" {
            if let Ok(Ok(t)) = v.cast::<PyString>().map(|s| s.to_str()) {
                text = Some(t.to_owned());
                return Ok(());
            }
        }
        if !first {
            out.push(b',');
        }
        first = false;
        json::write_str(out, key);
        out.push(b':');
        if missing {
            // No field: the core reports the key, whatever its value.
            out.extend_from_slice(b"null");
            return Ok(());
        }
        write_value(out, v, key, record && fields::is_list_field(key), 0)
    };
    if let Ok(d) = obj.cast::<PyDict>() {
        for (k, v) in d.iter() {
            member(&k, &v)?;
        }
    } else if is_mapping(obj)? {
        for item in obj.call_method0("items")?.try_iter()? {
            let item = item?;
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            member(&k, &v)?;
        }
    } else {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a mapping (such as a dict), not {}",
            type_name(obj)
        )));
    }
    out.push(b'}');
    Ok(text)
}

/// The JSON of one value of the record field `field`, as a record holding
/// it would have it (see [`mapping_json`]), or `None` for a missing value.
/// A frame column whose values are of mixed kinds is sent this way, so
/// that each row is what `assess` makes of the same value.
pub fn value_json(field: &str, v: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> PyResult<bool> {
    out.clear();
    let plain = plain_python(v, 0)?;
    let v = plain.as_ref().unwrap_or(v);
    if is_missing(v) {
        return Ok(false);
    }
    write_value(out, v, field, fields::is_list_field(field), 0)?;
    Ok(true)
}

/// Writes a Python string that is not valid UTF-8 as a JSON string with
/// `\uXXXX` escapes (what `json.dumps` does), for the core to judge.
fn write_escaped_str(out: &mut Vec<u8>, s: &Bound<'_, PyAny>) -> PyResult<()> {
    let text = s.py().import("json")?.call_method1("dumps", (s,))?;
    let text = text.cast::<PyString>()?;
    out.extend_from_slice(text.to_str()?.as_bytes());
    Ok(())
}

fn write_value(
    out: &mut Vec<u8>,
    v: &Bound<'_, PyAny>,
    field: &str,
    list_field: bool,
    depth: u8,
) -> PyResult<()> {
    if v.is_none() {
        out.extend_from_slice(b"null");
    } else if let Ok(b) = v.cast::<PyBool>() {
        out.extend_from_slice(if b.is_true() { b"true" } else { b"false" });
    } else if let Ok(i) = v.cast::<PyInt>() {
        if let Ok(x) = i.extract::<i64>() {
            json::write_i128(out, i128::from(x));
        } else if let Ok(x) = i.extract::<u64>() {
            json::write_i128(out, i128::from(x));
        } else {
            // Larger than any field accepts: written in full, the core says so.
            out.extend_from_slice(i.str()?.to_str()?.as_bytes());
        }
    } else if let Ok(f) = v.cast::<PyFloat>() {
        // A whole number held as a float (as pandas holds integers next to
        // missing values) is that integer, as in a frame.
        json::write_f64(out, f.value(), true);
    } else if let Ok(s) = v.cast::<PyString>() {
        let Ok(s) = s.to_str() else {
            // Not valid UTF-8 (a lone surrogate): written as JSON escapes, so
            // the core rejects it with its own error and offset.
            return write_escaped_str(out, v);
        };
        if list_field {
            json::write_split_list(out, s);
        } else {
            json::write_str(out, s);
        }
    } else if v.cast::<PyList>().is_ok() || v.cast::<PyTuple>().is_ok() {
        out.push(b'[');
        for (n, item) in v.try_iter()?.enumerate() {
            let item = item?;
            if n > 0 {
                out.push(b',');
            }
            if is_missing(&item) {
                out.extend_from_slice(b"null");
            } else {
                write_value(out, &item, field, false, depth + 1)?;
            }
        }
        out.push(b']');
    } else if let Some(plain) = plain_python(v, depth)? {
        if is_missing(&plain) {
            out.extend_from_slice(b"null");
        } else {
            write_value(out, &plain, field, list_field, depth + 1)?;
        }
    } else {
        return Err(PyTypeError::new_err(format!(
            "field `{field}`: a {} cannot be a record value; expected a string, an integer, \
             a boolean, or a list of strings",
            type_name(v)
        )));
    }
    Ok(())
}

/// The plain Python value of a NumPy or PyArrow scalar or array, if `v` is one.
fn plain_python<'py>(v: &Bound<'py, PyAny>, depth: u8) -> PyResult<Option<Bound<'py, PyAny>>> {
    if depth > 3 {
        return Ok(None);
    }
    let module = v.get_type().module()?;
    let module = module.to_str()?;
    let method = if module == "numpy" || module.starts_with("numpy.") {
        "tolist"
    } else if module.starts_with("pyarrow") {
        "as_py"
    } else {
        return Ok(None);
    };
    if v.hasattr(method)? {
        Ok(Some(v.call_method0(method)?))
    } else {
        Ok(None)
    }
}

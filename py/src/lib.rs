//! `complaint_triage._native`: the Python bindings of the `complaint-triage`
//! core.
//!
//! Everything that grades is the core's: records and outcomes are handed to
//! its parser as JSON (or, for frames, read column by column into its
//! `Complaint` and checked against what its parser accepts), graded with
//! its `assess`, `decide_only` and `evaluate_outcome`, and written with its
//! JSON writers. This crate converts, and formats explanations.

#![warn(missing_docs)]

use std::borrow::Cow;

use complaint_triage::{
    assess, parse_complaint, parse_outcome, parse_policy_into, write_assessment_json,
    write_assessment_json_with_text, write_effect_json, write_policy_json, Assessment, Code,
    Complaint, Dimension, Effect, ErrorKind, HandlingFailure, MaliceSignal, Policy, Source, Threat,
    Vulnerability, FACTORS, MAX_ASSESSMENT_JSON,
};
use pyo3::exceptions::{PyException, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyMapping, PyString};

mod arrow;
mod batches;
mod compare;
mod convert;
mod counterfactual;
mod errors;
mod explanation;
mod fields;
mod frame;
mod json;
mod key_cache;
mod mapping;
mod record;
mod signals;
mod stored;

use errors::{input_error, row_error, Input};

/// `json.loads`, to turn the core's JSON into Python objects.
fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((text,))
}

/// The core's JSON of an assessment; with the record's text, the span of
/// the words behind each reason the text raised (as the command line's
/// `score` writes it).
fn assessment_json(a: &Assessment, text: Option<&str>) -> String {
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    // The buffer always holds an assessment (MAX_ASSESSMENT_JSON); the
    // result is the core's ASCII-or-UTF-8 JSON.
    let n = match text {
        Some(text) => write_assessment_json_with_text(a, text, &mut buf),
        None => write_assessment_json(a, &mut buf),
    }
    .unwrap_or(0);
    buf.truncate(n);
    String::from_utf8(buf).unwrap_or_default()
}

/// Writes with a core writer into a buffer that grows until it fits.
fn grow_write<E>(mut write: impl FnMut(&mut [u8]) -> Result<usize, E>) -> String {
    let mut size = 4096;
    loop {
        let mut buf = vec![0u8; size];
        if let Ok(n) = write(&mut buf) {
            buf.truncate(n);
            return String::from_utf8(buf).unwrap_or_default();
        }
        if size >= 1 << 24 {
            return String::new();
        }
        size *= 4;
    }
}

// ---------------------------------------------------------------- Policy

/// Every weight, threshold and deadline of the grading.
///
/// `Policy.default()` (or `Policy()`) is the documented default rubric; a
/// JSON policy overrides any subset of it and is validated by the core.
/// Policies are immutable, comparable, hashable and picklable.
#[pyclass(frozen, eq, hash, module = "complaint_triage._native", name = "Policy")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyPolicy {
    inner: Policy,
}

/// The bytes of a JSON source: text, bytes, or a path to read.
fn json_source<'a>(source: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    if source.cast::<PyString>().is_ok()
        || source.cast::<PyBytes>().is_ok()
        || source.cast::<PyByteArray>().is_ok()
    {
        return json_text(source);
    }
    if source.hasattr("__fspath__")? {
        let os = source.py().import("os")?;
        let path: std::path::PathBuf = os.call_method1("fspath", (source,))?.extract()?;
        return read_policy_file(source.py(), &path).map(Cow::Owned);
    }
    Err(PyTypeError::new_err(format!(
        "expected JSON text (str or bytes) or a path (os.PathLike), not {}",
        convert::type_name(source)
    )))
}

/// The core's limit on a policy document, in bytes.
const POLICY_MAX_BYTES: usize = complaint_triage::POLICY_LIMITS.max_bytes;

/// Reads a policy file, at most one byte past the core's limit: a larger
/// file (or an endless one such as `/dev/zero`) is a `too_large`
/// `PolicyError`, as the same bytes given as text would be.
fn read_policy_file(py: Python<'_>, path: &std::path::Path) -> PyResult<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(POLICY_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > POLICY_MAX_BYTES {
        let e = complaint_triage::ParseError::too_large(POLICY_MAX_BYTES);
        return Err(input_error(py, &e, Input::Policy, None));
    }
    Ok(bytes)
}

#[pymethods]
impl PyPolicy {
    /// The default policy (same as `Policy.default()`).
    #[new]
    fn new() -> Self {
        PyPolicy {
            inner: Policy::DEFAULT,
        }
    }

    /// The default policy, documented in the core's rubric.
    #[staticmethod]
    fn default() -> Self {
        Self::new()
    }

    /// A policy from JSON: `str` or `bytes` of JSON text, or an
    /// `os.PathLike` naming a JSON file. The keys given override the
    /// default; the result is validated. Raises `PolicyError` (a
    /// `ValueError`) naming the key and byte offset.
    #[staticmethod]
    fn from_json(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::new().with_overrides(py, source)
    }

    /// A copy of this policy with the keys of a JSON policy (same sources as
    /// `from_json`) overriding its own, validated.
    fn with_overrides(&self, py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes = json_source(source)?;
        let mut inner = self.inner.clone();
        parse_policy_into(&bytes, &mut inner)
            .map_err(|e| input_error(py, &e, Input::Policy, None))?;
        Ok(PyPolicy { inner })
    }

    /// The whole policy as JSON, in the shape `from_json` reads.
    fn to_json(&self) -> String {
        grow_write(|buf| write_policy_json(&self.inner, buf))
    }

    /// The whole policy as a dict (the parsed `to_json()`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &self.to_json())
    }

    fn __repr__(&self) -> String {
        if self.inner == Policy::DEFAULT {
            return "Policy.default()".into();
        }
        let mine: serde_json::Value = serde_json::from_str(&self.to_json()).unwrap_or_default();
        let default: serde_json::Value =
            serde_json::from_str(&Self::new().to_json()).unwrap_or_default();
        let changed: Vec<&str> = match (&mine, &default) {
            (serde_json::Value::Object(m), serde_json::Value::Object(d)) => m
                .iter()
                .filter(|(k, v)| d.get(k.as_str()) != Some(v))
                .map(|(k, _)| k.as_str())
                .collect(),
            _ => Vec::new(),
        };
        format!("<Policy: default with {} changed>", changed.join(", "))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().to_json(),)))
    }
}

fn policy_of<'a>(policy: &'a Option<Bound<'_, PyPolicy>>) -> &'a Policy {
    match policy {
        Some(p) => &p.get().inner,
        None => &Policy::DEFAULT,
    }
}

// ------------------------------------------------------------ Assessment

/// The grading of one complaint, as the core computed it.
///
/// Scores are 0-100; `grade`, `tier`, levels and playbook entries are the
/// core's stable codes (see `vocabulary()` for their names). `to_json()` is
/// the core's JSON, byte for byte; `to_dict()` is that JSON parsed.
#[pyclass(
    frozen,
    eq,
    hash,
    module = "complaint_triage._native",
    name = "Assessment"
)]
#[derive(Clone)]
pub struct PyAssessment {
    /// The assessment, its rows kept compactly (so that the object is
    /// served by Python's small-object allocator).
    inner: stored::Stored,
    /// The record's free text, kept by `assess` and `assess_json` when it
    /// raised a reason, so that `to_json` names the span of its words. Not
    /// part of equality: two assessments are equal when they grade alike.
    text: Option<Box<str>>,
}

impl PartialEq for PyAssessment {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

impl Eq for PyAssessment {}

impl std::hash::Hash for PyAssessment {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.inner.hash(state);
    }
}

impl PyAssessment {
    /// An assessment without its record's text (a batch's, a frame's).
    fn new(inner: &Assessment) -> Self {
        PyAssessment {
            inner: stored::Stored::of(inner),
            text: None,
        }
    }

    /// An assessment that keeps the record's text if the text raised one
    /// of its reasons (the text is not looked at otherwise).
    fn with_text(inner: &Assessment, text: impl FnOnce() -> Option<String>) -> Self {
        let from_text = inner.rows.iter().any(|r| r.source == Source::Text);
        let text = if from_text { text() } else { None };
        PyAssessment {
            inner: stored::Stored::of(inner),
            text: text.map(String::into_boxed_str),
        }
    }

    fn part<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item(key)
    }
}

#[pymethods]
impl PyAssessment {
    /// The complaint's id ("" when the record had none).
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// How bad the problem is, 0-100.
    #[getter]
    fn severity(&self) -> u8 {
        self.inner.scores.severity
    }
    /// How far it reaches, 0-100.
    #[getter]
    fn impact(&self) -> u8 {
        self.inner.scores.impact
    }
    /// How hard it will be to resolve, 0-100.
    #[getter]
    fn difficulty(&self) -> u8 {
        self.inner.scores.difficulty
    }
    /// How likely it is to escalate, 0-100.
    #[getter]
    fn escalation_risk(&self) -> u8 {
        self.inner.scores.escalation_risk
    }
    /// How strongly it looks abnormal or malicious, 0-100.
    #[getter]
    fn malice(&self) -> u8 {
        self.inner.scores.malice
    }
    /// The five scores by name.
    #[getter]
    fn scores<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for dim in Dimension::ALL {
            d.set_item(dim.code(), self.inner.scores.get(*dim))?;
        }
        Ok(d)
    }
    /// The sums of the reasons per dimension before clamping to 0-100.
    #[getter]
    fn raw_scores<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "raw_scores")
    }
    /// The grade code: minor, moderate, major or critical.
    #[getter]
    fn grade(&self) -> &'static str {
        self.inner.grade.code()
    }
    /// The handling tier code: frontline, specialist or management.
    #[getter]
    fn tier(&self) -> &'static str {
        self.inner.tier.code()
    }
    /// Which rule set the tier: grade, difficulty, malice or authority.
    #[getter]
    fn tier_basis(&self) -> &'static str {
        self.inner.tier_basis.code()
    }
    /// Priority, 1 (most urgent) to 5.
    #[getter]
    fn priority(&self) -> u8 {
        self.inner.priority
    }
    /// Severity level: low, medium or high.
    #[getter]
    fn severity_level(&self) -> &'static str {
        self.inner.severity_level.code()
    }
    /// Impact level: low, medium or high.
    #[getter]
    fn impact_level(&self) -> &'static str {
        self.inner.impact_level.code()
    }
    /// Urgency level: low, medium or high.
    #[getter]
    fn urgency_level(&self) -> &'static str {
        self.inner.urgency_level.code()
    }
    /// Minutes to the first response.
    #[getter]
    fn first_response_minutes(&self) -> u16 {
        self.inner.first_response_minutes
    }
    /// Hours to resolution.
    #[getter]
    fn resolution_hours(&self) -> u16 {
        self.inner.resolution_hours
    }
    /// Whether the jurisdiction's outer limit shortened the resolution deadline.
    #[getter]
    fn resolution_capped(&self) -> bool {
        self.inner.resolution_capped
    }
    /// Hours left before the nearest regulatory deadline (0 once past), or
    /// None when no regulator's deadline applies.
    #[getter]
    fn regulatory_deadline_hours(&self) -> Option<u16> {
        self.inner.regulatory_deadline_hours
    }
    /// Whether a regulatory deadline has passed.
    #[getter]
    fn past_regulatory_deadline(&self) -> bool {
        self.inner.past_regulatory_deadline
    }
    /// Hours after resolution within which to call the customer back.
    #[getter]
    fn follow_up_hours(&self) -> u16 {
        self.inner.follow_up_hours
    }
    /// The gates whose condition holds, as codes: each sets a floor on
    /// grade, tier and priority.
    #[getter]
    fn gates(&self) -> Vec<&'static str> {
        self.inner.gates.iter().map(|g| g.code()).collect()
    }
    /// Claim / direct loss in thousandths, or None without a direct loss.
    #[getter]
    fn claim_ratio_permille(&self) -> Option<u32> {
        self.inner.claim_ratio_permille
    }
    /// Whether the claim is above the policy's limit.
    #[getter]
    fn claim_unreasonable(&self) -> bool {
        self.inner.claim_unreasonable
    }
    /// The category the free text suggested, as a code, when the record
    /// gave none (left `other`) and grading used the text's; else None.
    #[getter]
    fn suggested_category(&self) -> Option<&'static str> {
        self.inner.suggested_category.map(|c| c.code())
    }
    /// How to talk, meet the motive and expectation, the remedy, the
    /// strategy and the steps, as codes.
    #[getter]
    fn playbook<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "playbook")
    }
    /// What the free text revealed: threats, forbidden phrases, emotion markers.
    #[getter]
    fn text_cues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "text_cues")
    }
    /// Every factor's points in every dimension it moved.
    #[getter]
    fn reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "reasons")
    }

    /// The core's JSON of this assessment (one line, no trailing newline).
    /// From `assess` or `assess_json`, a reason the record's text raised
    /// names the byte span of its words in the text (`"span":[start,end]`,
    /// UTF-8 offsets), as the command line's `score` writes it.
    fn to_json(&self) -> String {
        assessment_json(&self.inner.assessment(), self.text.as_deref())
    }

    /// The core's JSON of this assessment, parsed.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &self.to_json())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let a = &self.inner;
        let s = &a.scores;
        let quoted =
            |v: &str| -> PyResult<String> { Ok(PyString::new(py, v).repr()?.to_str()?.to_owned()) };
        Ok(format!(
            "Assessment(id={}, grade={}, tier={}, priority={}, severity={}, impact={}, \
             difficulty={}, escalation_risk={}, malice={}, first_response_minutes={}, \
             resolution_hours={})",
            quoted(a.id.as_str())?,
            quoted(a.grade.code())?,
            quoted(a.tier.code())?,
            a.priority,
            s.severity,
            s.impact,
            s.difficulty,
            s.escalation_risk,
            s.malice,
            a.first_response_minutes,
            a.resolution_hours
        ))
    }
}

// ---------------------------------------------------------------- Effect

/// The improvement effect of a closed complaint, as the core scored it.
#[pyclass(frozen, eq, module = "complaint_triage._native", name = "Effect")]
#[derive(Clone, PartialEq, Eq)]
pub struct PyEffect {
    inner: Effect,
}

#[pymethods]
impl PyEffect {
    /// The score, 0 (handling failed) to 100 (exemplary).
    #[getter]
    fn score(&self) -> u8 {
        self.inner.score
    }
    /// The sum of the reasons before clamping.
    #[getter]
    fn raw_score(&self) -> i32 {
        self.inner.raw_score
    }
    /// Whether it was resolved within the deadline.
    #[getter]
    fn on_time(&self) -> bool {
        self.inner.on_time
    }
    /// The deadline it was measured against, in hours.
    #[getter]
    fn deadline_hours(&self) -> u16 {
        self.inner.deadline_hours
    }
    /// Every factor that moved the score, with its points.
    #[getter]
    fn reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item("reasons")
    }
    /// The core's JSON of this effect.
    fn to_json(&self) -> String {
        grow_write(|buf| write_effect_json(&self.inner, buf))
    }
    /// The core's JSON of this effect, parsed.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &self.to_json())
    }
    fn __repr__(&self) -> String {
        format!(
            "Effect(score={}, on_time={}, deadline_hours={})",
            self.inner.score,
            if self.inner.on_time { "True" } else { "False" },
            self.inner.deadline_hours
        )
    }
}

// ------------------------------------------------------------- functions

/// The record JSON of a mapping, written without its text, and the text
/// (see [`record`]).
fn record_bytes(record: &Bound<'_, PyAny>, buf: &mut Vec<u8>) -> PyResult<Option<String>> {
    convert::mapping_json(record, "a record", true, buf)
}

/// Parses a mapping's record JSON and text (see [`record_bytes`]).
fn parse_record(
    py: Python<'_>,
    json: &[u8],
    text: Option<&str>,
    row: Option<usize>,
) -> PyResult<Complaint> {
    record::parse(json, text).map_err(|e| input_error(py, &e, Input::Record, row))
}

/// Parses JSON text a caller wrote: the core's verdict, with the field
/// named where a lone surrogate of a Python `str` made it invalid.
fn parse_json_text(json: &JsonText<'_>) -> Result<Complaint, complaint_triage::ParseError> {
    parse_complaint(&json.bytes).map_err(|e| json.explain(e))
}

/// Grades one record (a mapping of the record contract's fields).
///
/// Missing values (None, NaN) count as absent; a list-valued field also
/// accepts a comma-separated string. Raises `RecordError` (a `ValueError`;
/// `RecordTypeError`, also a `TypeError`, for a value of the wrong type)
/// naming the field, or `TypeError` for something that is not a record.
#[pyfunction]
#[pyo3(name = "assess", signature = (record, *, policy = None))]
fn assess_record(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<PyAssessment> {
    let c = complaint_of(py, record)?;
    Ok(PyAssessment::with_text(
        &assess(&c, policy_of(&policy)),
        || record_text(record),
    ))
}

/// The `"text"` of a record given as a mapping, if it is a `str`.
fn record_text(record: &Bound<'_, PyAny>) -> Option<String> {
    let text = record.get_item("text").ok()?;
    text.cast::<PyString>()
        .ok()?
        .to_str()
        .ok()
        .map(str::to_string)
}

/// The complaint of a record (a mapping), read as `assess` reads it.
fn complaint_of(py: Python<'_>, record: &Bound<'_, PyAny>) -> PyResult<Complaint> {
    Ok(match mapping::read(record) {
        Some(c) => c,
        None => {
            let mut buf = Vec::new();
            let text = record_bytes(record, &mut buf)?;
            parse_record(py, &buf, text.as_deref(), None)?
        }
    })
}

/// What one change of a single record field would move the record to
/// another grade or tier: a list of dicts with `field`, `from` and `to`
/// (spelled as the record spells the field: an int, a bool, a code, a list
/// of codes) and the `grade` and `tier` the change gives, in contract
/// order. For an integer field, the nearest value below and above; for a
/// code, the first other code; for a list, the first code removed and the
/// first added that move it. Found by the core grading variations.
#[pyfunction]
#[pyo3(signature = (record, *, policy = None))]
fn counterfactuals<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
    policy: Option<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyList>> {
    let c = complaint_of(py, record)?;
    counterfactual::as_dicts(py, &c, policy_of(&policy))
}

/// Grades one record given as JSON text (`str` or `bytes`), exactly as the
/// core parses it: errors carry the core's kind, field and byte offset.
#[pyfunction]
#[pyo3(signature = (data, *, policy = None))]
fn assess_json(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<PyAssessment> {
    let json = JsonText::of(data)?;
    let c = parse_json_text(&json).map_err(|e| input_error(py, &e, Input::Record, None))?;
    Ok(PyAssessment::with_text(
        &assess(&c, policy_of(&policy)),
        || json.text(),
    ))
}

/// JSON text given as `str` or `bytes`, as bytes for the core.
struct JsonText<'a> {
    bytes: Cow<'a, [u8]>,
    /// The `str` held lone surrogates, encoded as UTF-8 would encode them
    /// were they characters (which the core rejects as invalid UTF-8).
    surrogates: bool,
}

impl<'a> JsonText<'a> {
    fn of(data: &'a Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(s) = data.cast::<PyString>() {
            if let Ok(t) = s.to_str() {
                return Ok(JsonText {
                    bytes: Cow::Owned(t.as_bytes().to_vec()),
                    surrogates: false,
                });
            }
            let encoded = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
            let bytes = encoded.cast::<PyBytes>()?.as_bytes().to_vec();
            return Ok(JsonText {
                bytes: Cow::Owned(bytes),
                surrogates: true,
            });
        }
        Ok(JsonText {
            bytes: json_text(data)?,
            surrogates: false,
        })
    }

    /// The record's `"text"`, decoded (the core has read the record, so it
    /// is valid JSON).
    fn text(&self) -> Option<String> {
        let value: serde_json::Value = serde_json::from_slice(&self.bytes).ok()?;
        value.get("text")?.as_str().map(str::to_string)
    }

    /// The core's error (which names the field), saying so when the invalid
    /// UTF-8 it found is a lone surrogate of the `str`.
    fn explain(&self, mut e: complaint_triage::ParseError) -> complaint_triage::ParseError {
        if !self.surrogates || e.kind != ErrorKind::InvalidJson {
            return e;
        }
        // UTF-8's encoding of U+D800..U+DFFF starts 0xED 0xA0..0xBF.
        let at = |i: usize| self.bytes.get(i).copied();
        if at(e.offset) != Some(0xED) || !matches!(at(e.offset + 1), Some(0xA0..=0xBF)) {
            return e;
        }
        e.expected = "lone surrogate in a str: not a character, UTF-8 cannot hold it";
        e
    }
}

fn json_text<'a>(data: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(s) = data.cast::<PyString>() {
        Ok(Cow::Owned(s.to_str()?.as_bytes().to_vec()))
    } else if let Ok(b) = data.cast::<PyBytes>() {
        Ok(Cow::Borrowed(b.as_bytes()))
    } else if let Ok(b) = data.cast::<PyByteArray>() {
        Ok(Cow::Owned(b.to_vec()))
    } else {
        Err(PyTypeError::new_err(format!(
            "expected JSON text (str or bytes), not {}",
            convert::type_name(data)
        )))
    }
}

/// Grades every record of an iterable: mappings, or JSON texts (`str` or
/// `bytes`, e.g. the lines of a JSON Lines file; blank lines are skipped).
/// The grading runs without the GIL. An error names the item's position
/// (`row`). A `str`, `bytes` or mapping given as the iterable itself is a
/// `TypeError` (it would be read character by character, or key by key).
///
/// `errors="raise"` (the default) raises the error of the first bad item;
/// `errors="return"` returns it in that item's place in the list, so that
/// one bad record among good ones loses nothing (as `asyncio.gather`'s
/// `return_exceptions`).
#[pyfunction]
#[pyo3(signature = (records, *, policy = None, errors = "raise"))]
fn assess_many(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
    errors: &str,
) -> PyResult<Vec<Py<PyAny>>> {
    let return_errors = match errors {
        "raise" => false,
        "return" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"return\", not {other:?}"
            )))
        }
    };
    if records.cast::<PyString>().is_ok()
        || records.cast::<PyBytes>().is_ok()
        || records.cast::<PyByteArray>().is_ok()
        || convert::is_mapping(records)?
    {
        return Err(PyTypeError::new_err(format!(
            "records must be an iterable of records, not a {}: pass a list of mappings or \
             JSON texts (to grade one record, use assess or assess_json)",
            convert::type_name(records)
        )));
    }
    /// An item ready for the core: a dict read into its complaint, a
    /// mapping's record JSON and text, or JSON text as given.
    enum Item {
        /// Read into the chunk's complaint of this index.
        Read(usize),
        Mapping(Vec<u8>, Option<String>),
        Json(JsonText<'static>),
    }
    /// Why an item has no assessment.
    enum Failure {
        Record(complaint_triage::ParseError),
        Python(PyErr),
    }
    /// A complaint parsed from JSON, kept in `parsed` and lent.
    fn keep(
        parsed: &mut Option<Complaint>,
        r: Result<Complaint, complaint_triage::ParseError>,
    ) -> Result<&Complaint, Failure> {
        r.map(|c| &*parsed.insert(c)).map_err(Failure::Record)
    }
    let iter = records.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "records must be an iterable of mappings or JSON texts, not {}",
            convert::type_name(records)
        ))
    })?;
    let mut rows = iter.enumerate();
    let policy = policy_of(&policy);
    let poll = signals::Poll::new(py)?;
    let mut out = Vec::with_capacity(records.cast::<PyList>().map_or(0, |l| l.len()));
    // The items are read, graded and made Python objects a chunk at a
    // time, so that what is held between the steps (an assessment is
    // nearly a kilobyte) stays in the cache instead of growing with the
    // batch. Each item, or why it has none; then each grading.
    let mut items: Vec<(usize, PyResult<Item>)> = Vec::with_capacity(CHUNK);
    // Each grading's row and where its assessment is (an index of `slots`),
    // or why it has none. The assessments are written in place into
    // `slots`, made once for the whole batch: an assessment is 928 bytes,
    // and moving each through a result and a vector cost as much as
    // reading its dict.
    let mut graded: Vec<(usize, Result<usize, Failure>)> = Vec::with_capacity(CHUNK);
    let mut slots: Vec<Assessment> = Vec::new();
    // The complaints read from dicts, likewise in place.
    let mut complaints: Vec<Complaint> = vec![Complaint::DEFAULT; CHUNK];
    // The field of each dict key seen, by the key object's identity.
    let mut keys = key_cache::KeyCache::new();
    let mut count = 0usize;
    let mut last = false;
    while !last {
        while items.len() < CHUNK {
            let Some((row, item)) = rows.next() else {
                last = true;
                break;
            };
            if row % signals::EVERY == signals::EVERY - 1 {
                py.check_signals()?;
            }
            let item = item?;
            // A dict first: it is the common item, and `mapping::read`
            // answers `None` at once for anything else.
            let at = items.len();
            let read = if complaints
                .get_mut(at)
                .and_then(|c| mapping::read_into(&item, c, Some(&mut keys)))
                .is_some()
            {
                Ok(Item::Read(at))
            } else if item.cast::<PyString>().is_ok() || item.cast::<PyBytes>().is_ok() {
                match JsonText::of(&item) {
                    Ok(text) if text.bytes.iter().all(u8::is_ascii_whitespace) => continue,
                    Ok(JsonText { bytes, surrogates }) => Ok(Item::Json(JsonText {
                        bytes: Cow::Owned(bytes.into_owned()),
                        surrogates,
                    })),
                    Err(e) => Err(e),
                }
            } else {
                let mut buf = Vec::new();
                match record_bytes(&item, &mut buf) {
                    Ok(text) => Ok(Item::Mapping(buf, text)),
                    Err(e) if e.is_instance_of::<PyTypeError>(py) => {
                        Err(PyTypeError::new_err(format!("row {row}: {}", e.value(py))))
                    }
                    Err(e) => Err(e),
                }
            };
            let read = match read {
                // KeyboardInterrupt or SystemExit is no record's error.
                Err(e) if !e.is_instance_of::<PyException>(py) => return Err(e),
                read => read,
            };
            // A failure is kept in its place, so that `errors="raise"` raises
            // the first bad item's error whatever made it bad; raising, no
            // later item can come first, so the iterable is read no further.
            let failed = read.is_err();
            items.push((row, read));
            if failed && !return_errors {
                last = true;
                break;
            }
        }
        if slots.len() < items.len() {
            slots.resize(items.len(), Assessment::EMPTY);
        }
        let interrupted = py.detach(|| {
            for (row, item) in items.drain(..) {
                if count % signals::EVERY == signals::EVERY - 1 && poll.interrupted() {
                    return true;
                }
                count += 1;
                let mut parsed = None;
                let result = match item {
                    Ok(Item::Read(at)) => complaints.get(at).ok_or_else(|| {
                        // Never: the item was read into this complaint.
                        Failure::Python(PyRuntimeError::new_err(format!(
                            "row {row}: no complaint at {at} of the chunk"
                        )))
                    }),
                    Ok(Item::Mapping(json, text)) => {
                        keep(&mut parsed, record::parse(&json, text.as_deref()))
                    }
                    Ok(Item::Json(json)) => keep(&mut parsed, parse_json_text(&json)),
                    Err(e) => {
                        graded.push((row, Err(Failure::Python(e))));
                        if !return_errors {
                            break;
                        }
                        continue;
                    }
                };
                let slot = graded.len();
                let result = match (result, slots.get_mut(slot)) {
                    (Ok(c), Some(out)) => {
                        complaint_triage::assess_into(c, policy, out);
                        Ok(slot)
                    }
                    // Never: there is a slot for every item of the chunk.
                    (Ok(c), None) => {
                        slots.push(assess(c, policy));
                        Ok(slots.len() - 1)
                    }
                    (Err(e), _) => Err(e),
                };
                let failed = result.is_err();
                graded.push((row, result));
                // Raising, the first failure is the answer: grade no further.
                if failed && !return_errors {
                    break;
                }
            }
            false
        });
        if interrupted {
            return Err(poll.error());
        }
        // No collection while the chunk's assessments are made: none of them
        // can be garbage, and a collection would run Python code (its
        // callbacks, finalizers) where a Ctrl-C is lost, as an exception
        // no caller sees.
        let paused = CollectorPaused::new(py);
        let emitted = (|| -> PyResult<()> {
            for (row, graded) in graded.drain(..) {
                let error = match graded {
                    Ok(slot) => {
                        let a = PyAssessment::new(&slots[slot]);
                        out.push(untracked(Py::new(py, a)?).into_any());
                        continue;
                    }
                    Err(Failure::Record(e)) => input_error(py, &e, Input::Record, Some(row)),
                    Err(Failure::Python(e)) => e,
                };
                // Making the error may have run a signal handler: its
                // KeyboardInterrupt is no record's error.
                if !return_errors || !error.is_instance_of::<PyException>(py) {
                    return Err(error);
                }
                out.push(error.into_value(py).into_any());
            }
            Ok(())
        })();
        drop(paused);
        emitted?;
    }
    Ok(out)
}

/// An assessment taken out of the cycle collector's care: it holds no
/// Python object, so it can be in no reference cycle, yet every pyclass
/// instance is tracked, and a batch's hundreds of thousands of them made
/// the collector's full passes (over them and the caller's records) the
/// larger part of `assess_many`'s time.
fn untracked(a: Py<PyAssessment>) -> Py<PyAssessment> {
    // SAFETY: `a` is a live object of a pyclass (allocated with GC
    // support); untracking one that holds no references is what CPython
    // does for its own atomic containers, and pyo3's deallocation untracks
    // it again, which CPython allows for an untracked object.
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(a.as_ptr().cast()) };
    a
}

/// The cycle collector, paused while this lives (if it was running).
struct CollectorPaused(bool);

impl CollectorPaused {
    fn new(_py: Python<'_>) -> Self {
        // SAFETY: called with the GIL held (`_py`); it only sets the
        // collector's flag and returns the previous one.
        CollectorPaused(unsafe { pyo3::ffi::PyGC_Disable() } != 0)
    }
}

impl Drop for CollectorPaused {
    fn drop(&mut self) {
        if self.0 {
            // SAFETY: dropped where it was made, with the GIL still held.
            unsafe { pyo3::ffi::PyGC_Enable() };
        }
    }
}

/// Items `assess_many` reads, grades and returns at a time.
const CHUNK: usize = 1024;

fn assessment_of(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    policy: &Option<Bound<'_, PyPolicy>>,
) -> PyResult<Assessment> {
    if let Ok(a) = record.cast::<PyAssessment>() {
        return Ok(a.get().inner.assessment());
    }
    Ok(assess_record(py, record, policy.clone())?
        .inner
        .assessment())
}

/// A readable breakdown of a grading, reason by reason, in English and
/// Chinese. Takes a record (graded with `policy`) or an `Assessment`. For
/// a record it ends, as the command line's `explain` does, with what one
/// change of a single field would move it to (see `counterfactuals`).
#[pyfunction]
#[pyo3(signature = (record, *, policy = None))]
fn explain(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<String> {
    if record.cast::<PyAssessment>().is_ok() {
        return Ok(explanation::explanation(&assessment_of(
            py, record, &policy,
        )?));
    }
    let c = complaint_of(py, record)?;
    // The record's text, to quote the words its reasons came from.
    let text = record
        .cast::<PyMapping>()
        .ok()
        .and_then(|m| m.get_item("text").ok())
        .and_then(|t| t.extract::<String>().ok());
    Ok(explanation::with_counterfactuals(
        &c,
        text.as_deref(),
        policy_of(&policy),
    ))
}

/// Scores how well a closed complaint was handled, against its
/// assessment's resolution deadline. `record` is a record (graded with
/// `policy`) or an `Assessment`; `outcome` a mapping (or JSON text) with
/// resolved_first_contact, hours_to_resolve, satisfaction (1-5), reopened,
/// repeat_within_30_days and root_cause_fixed, all optional. Raises
/// `OutcomeError` (a `ValueError`) for a bad outcome.
#[pyfunction]
#[pyo3(signature = (record, outcome, *, policy = None))]
fn evaluate_outcome(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    outcome: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<PyEffect> {
    let a = assessment_of(py, record, &policy)?;
    let bytes: Cow<'_, [u8]> =
        if outcome.cast::<PyString>().is_ok() || outcome.cast::<PyBytes>().is_ok() {
            json_text(outcome)?
        } else {
            let mut buf = Vec::new();
            // An outcome has no text: nothing is kept aside.
            let _ = convert::mapping_json(outcome, "an outcome", false, &mut buf)?;
            Cow::Owned(buf)
        };
    let o = parse_outcome(&bytes).map_err(|e| input_error(py, &e, Input::Outcome, None))?;
    Ok(PyEffect {
        inner: complaint_triage::evaluate_outcome(&o, &a, policy_of(&policy)),
    })
}

/// A text argument as a `str`, or a `TypeError` naming what it was.
fn text_argument<'a, 'py>(text: &'a Bound<'py, PyAny>) -> PyResult<&'a Bound<'py, PyString>> {
    text.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!(
            "text must be a str, not {}",
            convert::type_name(text)
        ))
    })
}

/// Scans free text for the cues the core recognises: threats, forbidden
/// phrases and emotion markers, each a list of codes.
#[pyfunction]
fn scan_text<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_argument(text)?;
    let mut c = Complaint::DEFAULT;
    c.add_text(text.to_str()?);
    // The cues as the core writes them in an assessment.
    let a = assess(&c, &Policy::DEFAULT);
    json_loads(py, &assessment_json(&a, None))?.get_item("text_cues")
}

/// The codes of `vocabulary` whose bit (by index) is set in `bits`.
fn codes_of<T: Code>(bits: u16) -> Vec<&'static str> {
    T::CODES
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, code)| *code)
        .collect()
}

/// What the core keeps of free text for grading (its `TextFacts`), in the
/// record's vocabularies: the facts that raise a field the record left at
/// its default (`core/src/merge.rs` says how).
#[pyfunction]
fn text_facts<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let text = text_argument(text)?;
    let mut c = Complaint::DEFAULT;
    c.add_text(text.to_str()?);
    let f = c.text_cues;
    let d = PyDict::new(py);
    d.set_item("safety", f.safety_level().code())?;
    d.set_item(
        "vulnerability",
        codes_of::<Vulnerability>(f.vulnerability.into()),
    )?;
    d.set_item("malice_signals", codes_of::<MaliceSignal>(f.malice_signals))?;
    d.set_item("threats", codes_of::<Threat>(f.threats.into()))?;
    d.set_item("forbidden_phrases", f.forbidden_phrases != 0)?;
    d.set_item("emotion_markers", f.emotion_markers != 0)?;
    d.set_item("scope", f.scope)?;
    d.set_item("repetition", f.repetition)?;
    d.set_item("elapsed_hours", f.elapsed_hours)?;
    d.set_item("largest_amount", f.largest_amount)?;
    d.set_item("currency", f.currency().code())?;
    d.set_item("category", f.category().map(|c| c.code()))?;
    d.set_item("largest_loss", f.largest_loss)?;
    d.set_item("loss_currency", f.loss_currency().code())?;
    d.set_item("data_exposure", f.data_exposure)?;
    d.set_item(
        "handling_failures",
        codes_of::<HandlingFailure>(f.handling_failures),
    )?;
    Ok(d)
}

/// The record JSON the core parses for a mapping (the form `RecordError`
/// offsets refer to). A `text` given as a string comes last: the core is
/// given the other members as this JSON and the text as it is, so that
/// the text's limit applies to the string given, not to its escapes.
#[pyfunction]
fn to_record_json(record: &Bound<'_, PyAny>) -> PyResult<String> {
    let mut buf = Vec::new();
    if let Some(text) = record_bytes(record, &mut buf)? {
        record::with_text(&mut buf, &text);
    }
    Ok(String::from_utf8(buf).unwrap_or_default())
}

/// The record contract's field names, in the core's order.
#[pyfunction]
fn record_fields() -> Vec<&'static str> {
    fields::record_fields().iter().map(|f| f.name).collect()
}

/// The outcome's field names, in the core's order.
#[pyfunction]
fn outcome_fields() -> Vec<&'static str> {
    fields::outcome_fields().to_vec()
}

type Entry = (&'static str, &'static str, &'static str);

/// The values of the vocabulary `name`: the core's declared vocabularies
/// (`complaint_triage::VOCABULARIES`) and the rubric's factors.
fn vocab(name: &str) -> Option<Vec<Entry>> {
    if name == FACTOR {
        return Some(FACTORS.iter().map(|f| (f.code, f.en, f.zh)).collect());
    }
    let v = complaint_triage::contract::vocabulary(name)?;
    Some(
        (0..v.len())
            .map(|i| (v.codes[i], v.names_en[i], v.names_zh[i]))
            .collect(),
    )
}

/// The factors' vocabulary, which is the rubric's table rather than a
/// declared vocabulary.
const FACTOR: &str = "factor";

/// Every vocabulary `vocabulary()` knows, in the core's order.
fn vocabulary_names() -> Vec<&'static str> {
    complaint_triage::VOCABULARIES
        .iter()
        .map(|v| v.what)
        .chain([FACTOR])
        .collect()
}

/// The names of the vocabularies `vocabulary()` knows.
#[pyfunction]
fn vocabularies() -> Vec<&'static str> {
    vocabulary_names()
}

/// The values of a closed vocabulary, in the core's order, each a dict with
/// its stable `code`, English name `en` and Chinese name `zh`.
#[pyfunction]
fn vocabulary<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyList>> {
    let entries = vocab(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown vocabulary {name:?}; expected one of: {}",
            vocabulary_names().join(", ")
        ))
    })?;
    let list = PyList::empty(py);
    for (code, en, zh) in entries {
        let d = PyDict::new(py);
        d.set_item("code", code)?;
        d.set_item("en", en)?;
        d.set_item("zh", zh)?;
        list.append(d)?;
    }
    Ok(list)
}

// ----------------------------------------------------------------- frames

/// Output column names, in order, for the frame kernel.
const OUTPUT_U8: [&str; 8] = [
    "severity",
    "impact",
    "difficulty",
    "escalation_risk",
    "malice",
    "grade",
    "tier",
    "priority",
];

/// Grades Arrow record batches (objects with `__arrow_c_array__`) in Rust,
/// without the GIL. Returns the output buffers by column name (uint8 per
/// row; `first_response_minutes` and `resolution_hours` little-endian
/// uint16; `valid` a validity bitmap; with outcomes `effect_score` and
/// `on_time` as uint8; with `collect_errors` the `error` column's
/// `error_offsets`, `error_data` and `error_valid`), and the number of rows
/// in error. Without `collect_errors`, the first bad row raises. `threads` splits the rows among that many threads. Used by
/// `assess_frame`.
#[pyfunction]
#[pyo3(signature = (batches, policy = None, collect_errors = false, with_outcome = false, threads = 1))]
fn _assess_arrow<'py>(
    py: Python<'py>,
    batches: Vec<Bound<'py, PyAny>>,
    policy: Option<Bound<'py, PyPolicy>>,
    collect_errors: bool,
    with_outcome: bool,
    threads: usize,
) -> PyResult<(Bound<'py, PyDict>, usize)> {
    // Keep every capsule alive until the end: the columns borrow their memory.
    let capsules = batches::capsules(&batches)?;
    let columns = batches::columns(&capsules)?;
    let mut plans = Vec::with_capacity(columns.len());
    for col in &columns {
        let plan = frame::Plan::new(col, with_outcome).map_err(|b| {
            if b.reason.contains("twice") {
                PyValueError::new_err(format!("column `{}`: {}", b.name, b.reason))
            } else {
                PyTypeError::new_err(format!("column `{}`: {}", b.name, b.reason))
            }
        })?;
        plans.push(plan);
    }
    let n: usize = columns.iter().map(|c| c.len).sum();

    let make = |len: usize, fill: u8| {
        PyByteArray::new_with(py, len, |b| {
            // new_with hands over zeroed memory.
            if fill != 0 {
                b.fill(fill);
            }
            Ok(())
        })
    };
    let out_dict = PyDict::new(py);
    let mut arrays: Vec<Bound<'py, PyByteArray>> = Vec::new();
    for name in OUTPUT_U8 {
        let a = make(n, 0)?;
        out_dict.set_item(name, &a)?;
        arrays.push(a);
    }
    for name in ["first_response_minutes", "resolution_hours"] {
        let a = make(2 * n, 0)?;
        out_dict.set_item(name, &a)?;
        arrays.push(a);
    }
    let category = make(n, 0)?;
    out_dict.set_item("suggested_category", &category)?;
    arrays.push(category);
    let valid = make(n.div_ceil(8), 0xff)?;
    out_dict.set_item("valid", &valid)?;
    arrays.push(valid);
    if with_outcome {
        for name in ["effect_score", "on_time"] {
            let a = make(n, 0)?;
            out_dict.set_item(name, &a)?;
            arrays.push(a);
        }
    }
    // SAFETY: each bytearray was just made here, is referenced only by
    // `out_dict` and `arrays` (not yet visible to Python code), is never
    // resized while these slices live, and the slices do not overlap.
    let mut slices: Vec<&mut [u8]> = arrays
        .iter()
        .map(|a| unsafe { std::slice::from_raw_parts_mut(a.data(), a.len()) })
        .collect();
    let mut it = slices.iter_mut().map(std::mem::take);
    let mut next = || it.next().unwrap_or_default();
    let mut outputs = frame::Outputs {
        scores: [next(), next(), next(), next(), next()],
        grade: next(),
        tier: next(),
        priority: next(),
        first_response: next(),
        resolution: next(),
        category: next(),
        valid: next(),
        effect: None,
        origin: 0,
    };
    if with_outcome {
        outputs.effect = Some((next(), next()));
    }
    let policy = policy_of(&policy);
    let poll = signals::Poll::new(py)?;
    let result = py.detach(|| {
        frame::run(
            &plans,
            policy,
            outputs,
            collect_errors,
            threads,
            &mut || poll.interrupted(),
        )
    });
    let error_count;
    match result {
        Ok(errs) => {
            error_count = errs.len();
            if collect_errors {
                // The error column: large UTF-8 strings (64-bit offsets),
                // valid exactly where a row is in error.
                let (offsets, data, valid) = error_column(n, &errs);
                out_dict.set_item("error_offsets", PyByteArray::new(py, &offsets))?;
                out_dict.set_item("error_data", PyByteArray::new(py, &data))?;
                out_dict.set_item("error_valid", PyByteArray::new(py, &valid))?;
            }
        }
        Err(frame::Stop::Interrupted) => return Err(poll.error()),
        Err(frame::Stop::Row(e)) => return Err(row_error(py, &e)),
    }
    Ok((out_dict, error_count))
}

/// The message of a row error as it stands in the `error` column.
fn column_message(e: &frame::RowError) -> String {
    match e.input {
        frame::Input::Record => e.error.to_string(),
        frame::Input::Outcome => format!("outcome: {}", e.error),
    }
}

/// The Arrow buffers of the `error` column: offsets, data and validity.
fn error_column(n: usize, errs: &[frame::RowError]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let mut offsets = Vec::with_capacity(8 * (n + 1));
    let mut data = Vec::new();
    let mut valid = vec![0u8; n.div_ceil(8)];
    let mut pending = errs.iter().peekable();
    for r in 0..n {
        offsets.extend_from_slice(&(data.len() as i64).to_le_bytes());
        if let Some(e) = pending.next_if(|e| e.row == r) {
            data.extend_from_slice(column_message(e).as_bytes());
            if let Some(b) = valid.get_mut(r >> 3) {
                *b |= 1 << (r & 7);
            }
        }
    }
    offsets.extend_from_slice(&(data.len() as i64).to_le_bytes());
    (offsets, data, valid)
}

/// The JSON of one value of the record field `field`, as a mapping holding
/// it gives it to the core (`None` for a missing value). `assess_frame`
/// sends a pandas column of mixed kinds of values this way, so that each
/// row is judged as `assess` judges the same value.
#[pyfunction]
fn _record_value_json(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let mut buf = Vec::new();
    if !convert::value_json(field, value, &mut buf)? {
        return Ok(None);
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPolicy>()?;
    m.add_class::<PyAssessment>()?;
    m.add_class::<PyEffect>()?;
    m.add_function(wrap_pyfunction!(assess_record, m)?)?;
    m.add_function(wrap_pyfunction!(assess_json, m)?)?;
    m.add_function(wrap_pyfunction!(assess_many, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(counterfactuals, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate_outcome, m)?)?;
    m.add_function(wrap_pyfunction!(scan_text, m)?)?;
    m.add_function(wrap_pyfunction!(text_facts, m)?)?;
    m.add_function(wrap_pyfunction!(to_record_json, m)?)?;
    m.add_function(wrap_pyfunction!(record_fields, m)?)?;
    m.add_function(wrap_pyfunction!(outcome_fields, m)?)?;
    m.add_function(wrap_pyfunction!(vocabulary, m)?)?;
    m.add_function(wrap_pyfunction!(vocabularies, m)?)?;
    m.add_function(wrap_pyfunction!(_assess_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(compare::_compare_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(_record_value_json, m)?)?;
    Ok(())
}

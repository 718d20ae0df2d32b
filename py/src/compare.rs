//! What two policies do to the rows of a frame: `compare_policies`'s
//! counting, done over the frame kernel's output buffers. The rows are
//! graded by the core under each policy; for a row that moved, its record
//! is parsed by the core and the two assessments' reason rows compared.
//! Nothing is scored here.

use std::collections::BTreeMap;

use complaint_triage::{Assessment, Dimension, Policy, FACTOR_COUNT};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use crate::errors::row_error;
use crate::{arrow, batches, frame, record, signals, PyPolicy};

/// Each factor's points in each dimension in an assessment (0 where it did
/// not apply).
fn points_by_factor(a: &Assessment) -> Vec<[i32; Dimension::COUNT]> {
    let mut out = vec![[0; Dimension::COUNT]; FACTOR_COUNT];
    for r in a.reasons() {
        if let Some(row) = out.get_mut(r.factor.index()) {
            row[r.dimension as usize] += i32::from(r.points);
        }
    }
    out
}

/// The (factor index, dimension index, old points, new points) where the
/// two assessments of one record differ, factor by factor in the order of
/// the points table, dimensions in their order.
fn changes_by_index(a: &Assessment, b: &Assessment) -> Vec<(usize, u8, i32, i32)> {
    let (x, y) = (points_by_factor(a), points_by_factor(b));
    let mut out = Vec::new();
    for (f, (px, py)) in x.iter().zip(&y).enumerate() {
        for (i, d) in Dimension::ALL.iter().enumerate() {
            let (old, new) = (px[*d as usize], py[*d as usize]);
            if old != new {
                out.push((f, i as u8, old, new));
            }
        }
    }
    out
}

/// Rows and output buffers of one grading of a frame (see [`grade`]).
struct Graded {
    grade: Vec<u8>,
    tier: Vec<u8>,
    priority: Vec<u8>,
    first_response: Vec<u8>,
    resolution: Vec<u8>,
    valid: Vec<u8>,
}

impl Graded {
    /// Row `r`'s grade, tier and priority indices.
    fn key(&self, r: usize) -> [u8; 3] {
        let at = |v: &[u8]| v.get(r).copied().unwrap_or(0);
        [at(&self.grade), at(&self.tier), at(&self.priority)]
    }

    /// Row `r`'s deadline `d` (0: first response, 1: resolution) as stored.
    fn deadline(&self, d: usize, r: usize) -> u16 {
        let v = if d == 0 {
            &self.first_response
        } else {
            &self.resolution
        };
        let at = |i: usize| v.get(i).copied().unwrap_or(0);
        u16::from_le_bytes([at(2 * r), at(2 * r + 1)])
    }
}

/// Minutes in one unit of each deadline output, in [`Graded::deadline`]'s
/// order: first response in minutes, resolution in hours.
const DEADLINE_MINUTES: [i64; 2] = [1, 60];

/// Grades every row of the plans under `policy` into fresh buffers, as
/// `_assess_arrow` does (same reader, same kernel).
fn grade(
    plans: &[frame::Plan<'_, '_>],
    n: usize,
    policy: &Policy,
    collect: bool,
    threads: usize,
    poll: &signals::Poll,
) -> (Graded, Result<Vec<frame::RowError>, frame::Stop>) {
    let mut scores = [vec![0u8; n], vec![0; n], vec![0; n], vec![0; n], vec![0; n]];
    let mut g = Graded {
        grade: vec![0; n],
        tier: vec![0; n],
        priority: vec![0; n],
        first_response: vec![0; 2 * n],
        resolution: vec![0; 2 * n],
        valid: vec![0xff; n.div_ceil(8)],
    };
    let [a, b, c, d, e] = &mut scores;
    // Not compared: a policy does not change what the text suggests.
    let mut category = vec![0u8; n];
    let outputs = frame::Outputs {
        scores: [a, b, c, d, e],
        grade: &mut g.grade,
        tier: &mut g.tier,
        priority: &mut g.priority,
        first_response: &mut g.first_response,
        resolution: &mut g.resolution,
        category: &mut category,
        valid: &mut g.valid,
        effect: None,
        origin: 0,
    };
    let result = frame::run(plans, policy, outputs, collect, threads, &mut || {
        poll.interrupted()
    });
    (g, result)
}

/// The counts `compare_policies` reports, gathered over one pass of the
/// two gradings of a frame; the moved rows' reasons are compared by the
/// core's reason rows (see [`point_changes`]).
#[derive(Default)]
struct Tally {
    /// (before, after) -> rows, per output (grade, tier, priority).
    transitions: [BTreeMap<(u8, u8), u64>; 3],
    /// Rows past each deadline, before and after.
    past: [[u64; 2]; 2],
    /// Rows compared (not in error).
    rows: u64,
    /// Frame positions of the rows that moved.
    moved: Vec<u64>,
    /// Grade, tier and priority before, then after, of each moved row.
    codes: Vec<u8>,
    /// Record id of each moved row.
    ids: Vec<String>,
    /// Start of each moved row's point changes in the flat lists below,
    /// and the end of the last.
    change_starts: Vec<u32>,
    change_factor: Vec<u16>,
    change_dimension: Vec<u8>,
    change_old: Vec<i32>,
    change_new: Vec<i32>,
    /// Moved rows whose points changed, per factor index.
    factor_rows: Vec<u64>,
}

/// What two policies do to the rows of Arrow record batches: the
/// transition tables of grade, tier and priority (vocabulary indices;
/// priority as its number), the rows past each deadline before and after
/// (`elapsed_minutes`: how long each row has been open, little-endian i64
/// per row), and for each moved row its position, id, outputs and the
/// factors whose points changed. Every number is the core's: the rows are
/// graded by the frame kernel under each policy, and a moved row's record
/// is parsed by the core and its two assessments' reason rows compared.
/// Used by `compare_policies`; a bad row raises (`collect_errors`: it is
/// listed and left out of every count).
#[pyfunction]
#[pyo3(signature = (batches, old, new, elapsed_minutes, collect_errors = false, threads = 1))]
pub fn _compare_arrow<'py>(
    py: Python<'py>,
    batches: Vec<Bound<'py, PyAny>>,
    old: Bound<'py, PyPolicy>,
    new: Bound<'py, PyPolicy>,
    elapsed_minutes: Bound<'py, PyBytes>,
    collect_errors: bool,
    threads: usize,
) -> PyResult<Bound<'py, PyDict>> {
    // Keep every capsule alive until the end: the columns borrow their memory.
    let capsules = batches::capsules(&batches)?;
    let columns = batches::columns(&capsules)?;
    let mut plans = Vec::with_capacity(columns.len());
    for col in &columns {
        plans.push(
            frame::Plan::new(col, false)
                .map_err(|b| PyTypeError::new_err(format!("column `{}`: {}", b.name, b.reason)))?,
        );
    }
    let n: usize = columns.iter().map(|c| c.len).sum();
    let elapsed = elapsed_minutes.as_bytes();
    if elapsed.len() != 8 * n {
        return Err(PyValueError::new_err(format!(
            "elapsed_minutes holds {} bytes, not 8 per row of {n}",
            elapsed.len()
        )));
    }
    let (old, new) = (&old.get().inner, &new.get().inner);
    let poll = signals::Poll::new(py)?;
    let result = py.detach(|| -> Result<_, frame::Stop> {
        let (before, errors) = grade(&plans, n, old, collect_errors, threads, &poll);
        let errors = errors?;
        let (after, again) = grade(&plans, n, new, collect_errors, threads, &poll);
        again?;
        let tally = tally(&plans, &columns, elapsed, &before, &after, old, new, &poll)?;
        Ok((tally, errors))
    });
    let (t, errors) = match result {
        Ok(r) => r,
        Err(frame::Stop::Interrupted) => return Err(poll.error()),
        Err(frame::Stop::Row(e)) => return Err(row_error(py, &e)),
    };
    let out = PyDict::new(py);
    let names = ["grade", "tier", "priority"];
    let transitions = PyDict::new(py);
    for (name, cells) in names.iter().zip(&t.transitions) {
        let cells: Vec<(u8, u8, u64)> = cells.iter().map(|(&(b, a), &c)| (b, a, c)).collect();
        transitions.set_item(name, cells)?;
    }
    out.set_item("transitions", transitions)?;
    out.set_item("past", t.past.to_vec())?;
    out.set_item("rows", t.rows)?;
    let errors: Vec<(usize, String)> = errors
        .iter()
        .map(|e| (e.row, crate::column_message(e)))
        .collect();
    out.set_item("errors", errors)?;
    let bytes = |v: &[u8]| PyBytes::new(py, v);
    out.set_item("moved", bytes(&le(&t.moved)))?;
    out.set_item("codes", bytes(&t.codes))?;
    out.set_item("ids", t.ids)?;
    out.set_item("change_starts", bytes(&le(&t.change_starts)))?;
    out.set_item("change_factor", bytes(&le(&t.change_factor)))?;
    out.set_item("change_dimension", bytes(&t.change_dimension))?;
    out.set_item("change_old", bytes(&le(&t.change_old)))?;
    out.set_item("change_new", bytes(&le(&t.change_new)))?;
    let factors: Vec<(&'static str, u64)> = t
        .factor_rows
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .map(|(f, &c)| (complaint_triage::FACTORS.get(f).map_or("", |i| i.code), c))
        .collect();
    out.set_item("factors", factors)?;
    let codes: Vec<&'static str> = complaint_triage::FACTORS.iter().map(|f| f.code).collect();
    out.set_item("factor_codes", codes)?;
    let dimensions: Vec<&'static str> = Dimension::ALL.iter().map(|d| d.code()).collect();
    out.set_item("dimensions", dimensions)?;
    Ok(out)
}

/// Little-endian bytes of a list of numbers (read by numpy on the Python side).
fn le<T: Copy + ToLeBytes>(values: &[T]) -> Vec<u8> {
    let mut out = Vec::with_capacity(std::mem::size_of_val(values));
    for v in values {
        v.extend_le(&mut out);
    }
    out
}

/// Numbers written little-endian by [`le`].
trait ToLeBytes {
    fn extend_le(self, out: &mut Vec<u8>);
}

macro_rules! to_le_bytes {
    ($($t:ty),*) => {$(
        impl ToLeBytes for $t {
            fn extend_le(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}
to_le_bytes!(u16, u32, i32, u64);

/// Counts the two gradings row by row, and compares the reasons of the
/// rows that moved (their record parsed by the core from the row's JSON,
/// as the frame reader writes it for the core's parser).
#[allow(clippy::too_many_arguments)]
fn tally(
    plans: &[frame::Plan<'_, '_>],
    columns: &[arrow::Column<'_>],
    elapsed: &[u8],
    before: &Graded,
    after: &Graded,
    old: &Policy,
    new: &Policy,
    poll: &signals::Poll,
) -> Result<Tally, frame::Stop> {
    let mut t = Tally {
        factor_rows: vec![0; FACTOR_COUNT],
        ..Tally::default()
    };
    // Dense tables while counting (indices are bytes), sparse in the result.
    let mut dense = vec![0u64; 3 * 256 * 256];
    let mut json = Vec::new();
    let (mut a, mut b) = (Assessment::EMPTY, Assessment::EMPTY);
    let mut row = 0usize;
    for (plan, col) in plans.iter().zip(columns) {
        for r in 0..col.len {
            let i = row;
            row += 1;
            if i % signals::EVERY == signals::EVERY - 1 && poll.interrupted() {
                return Err(frame::Stop::Interrupted);
            }
            let ok = before
                .valid
                .get(i >> 3)
                .is_some_and(|v| v & (1 << (i & 7)) != 0);
            if !ok {
                continue;
            }
            t.rows += 1;
            let (kb, ka) = (before.key(i), after.key(i));
            for (o, (x, y)) in kb.iter().zip(&ka).enumerate() {
                if let Some(c) = dense.get_mut(o * 65536 + usize::from(*x) * 256 + usize::from(*y))
                {
                    *c += 1;
                }
            }
            let open = elapsed
                .get(8 * i..8 * i + 8)
                .and_then(|s| s.try_into().ok())
                .map_or(0, i64::from_le_bytes);
            for (d, unit) in DEADLINE_MINUTES.iter().enumerate() {
                t.past[d][0] += u64::from(open > i64::from(before.deadline(d, i)) * unit);
                t.past[d][1] += u64::from(open > i64::from(after.deadline(d, i)) * unit);
            }
            if kb == ka {
                continue;
            }
            let text = frame::row_record_json(plan, r, &mut json);
            let c = match record::parse(&json, text) {
                Ok(c) => c,
                // Graded above, so parsed the same way: cannot fail; should
                // it all the same, the row is reported rather than lost.
                Err(error) => {
                    return Err(frame::Stop::Row(Box::new(frame::RowError {
                        row: i,
                        error,
                        input: frame::Input::Record,
                    })))
                }
            };
            complaint_triage::assess_into(&c, old, &mut a);
            complaint_triage::assess_into(&c, new, &mut b);
            t.moved.push(i as u64);
            t.codes.extend_from_slice(&kb);
            t.codes.extend_from_slice(&ka);
            t.ids.push(c.id.as_str().to_string());
            t.change_starts.push(t.change_factor.len() as u32);
            let mut last = None;
            for (f, d, o, n) in changes_by_index(&a, &b) {
                t.change_factor.push(f as u16);
                t.change_dimension.push(d);
                t.change_old.push(o);
                t.change_new.push(n);
                if last != Some(f) {
                    if let Some(c) = t.factor_rows.get_mut(f) {
                        *c += 1;
                    }
                    last = Some(f);
                }
            }
        }
    }
    t.change_starts.push(t.change_factor.len() as u32);
    for (o, table) in t.transitions.iter_mut().enumerate() {
        for x in 0..256usize {
            for y in 0..256usize {
                let c = dense.get(o * 65536 + x * 256 + y).copied().unwrap_or(0);
                if c > 0 {
                    table.insert((x as u8, y as u8), c);
                }
            }
        }
    }
    Ok(t)
}

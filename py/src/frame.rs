//! Grading the rows of Arrow record batches.
//!
//! Rows are read a block at a time, column by column, straight into
//! [`Complaint`]s; each value is checked against what the core accepts
//! (its vocabularies, and the numeric ranges read from it in
//! [`crate::fields`]). A row with any value the fast path does not accept,
//! or cannot be sure of (a long text, an odd type), is written as its record
//! JSON and given to the core's parser, which then either grades it or
//! reports the error exactly as for any record. No Python object is made
//! per row, and nothing here needs the interpreter.

use complaint_triage::{
    assess_into, decide_only, evaluate_outcome, parse_complaint, parse_outcome, Assessment,
    Complaint, ParseError, Policy, ID_CAPACITY,
};

use crate::arrow::{Column, Offsets, Values};
use crate::fields::{self, CodeLookup, Field, Setter};
use crate::json;

/// Rows read at once.
const BLOCK: usize = 256;

/// Longest free text (escaped, in bytes) the fast path scans itself;
/// longer ones go through the core's parser, which applies its limits.
const TEXT_FAST_LIMIT: usize = 16 * 1024;

/// Most list elements the fast path reads; longer lists go through the core.
const LIST_FAST_LIMIT: usize = 64;

/// Which input an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// The complaint record.
    Record,
    /// The outcome of a closed complaint.
    Outcome,
}

/// A row that could not be graded.
#[derive(Clone, Debug)]
pub struct RowError {
    /// Row number within the frame (0-based).
    pub row: usize,
    /// What was wrong.
    pub error: ParseError,
    /// In the record or the outcome.
    pub input: Input,
}

/// Where the results go: one slot per row.
pub struct Outputs<'o> {
    /// Severity, impact, difficulty, escalation risk, malice.
    pub scores: [&'o mut [u8]; 5],
    /// Grade index.
    pub grade: &'o mut [u8],
    /// Tier index.
    pub tier: &'o mut [u8],
    /// Priority 1-5.
    pub priority: &'o mut [u8],
    /// Minutes to first response, little-endian u16.
    pub first_response: &'o mut [u8],
    /// Hours to resolution, little-endian u16.
    pub resolution: &'o mut [u8],
    /// Validity bitmap, all set on entry; a row in error is cleared.
    pub valid: &'o mut [u8],
    /// Improvement effect score and on-time flag (0/1), when outcomes are read.
    pub effect: Option<(&'o mut [u8], &'o mut [u8])>,
}

/// The columns of one batch that the record and outcome read.
pub struct Plan<'c, 'a> {
    len: usize,
    record: Vec<RecordColumn<'c, 'a>>,
    outcome: Vec<(&'static str, &'c Column<'a>, bool)>,
}

/// A record column of a batch.
struct RecordColumn<'c, 'a> {
    field: &'static Field,
    col: &'c Column<'a>,
    /// The code lookup of a code or list field.
    lookup: Option<CodeLookup>,
    /// The column holds each value as JSON text (see [`RAW_JSON_PREFIX`]).
    raw: bool,
}

/// A column named with this prefix before the field name holds each value
/// as JSON text: the frame adapter sends a column of mixed value types
/// (a pandas object column holding, say, both booleans and strings) this
/// way, and its rows always go through the core's parser.
pub const RAW_JSON_PREFIX: &str = "\u{1}json:";

/// A column of a record field whose layout cannot hold a record value.
#[derive(Debug)]
pub struct BadColumn {
    /// The column.
    pub name: String,
    /// Why.
    pub reason: String,
}

impl<'c, 'a> Plan<'c, 'a> {
    /// Picks the record (and, if asked, outcome) columns of a batch; other
    /// columns are ignored.
    pub fn new(batch: &'c Column<'a>, with_outcome: bool) -> Result<Self, BadColumn> {
        let Values::Struct(children) = &batch.values else {
            return Err(BadColumn {
                name: String::new(),
                reason: "a record batch must be an Arrow struct array".into(),
            });
        };
        let mut plan = Plan {
            len: batch.len,
            record: Vec::new(),
            outcome: Vec::new(),
        };
        let record_fields = fields::record_fields();
        for (full_name, col) in children {
            let (name, raw) = match full_name.strip_prefix(RAW_JSON_PREFIX) {
                Some(n) => (n, true),
                None => (full_name.as_str(), false),
            };
            let field = record_fields.iter().find(|f| f.name == name);
            let outcome = if with_outcome {
                fields::outcome_fields().iter().find(|f| **f == name)
            } else {
                None
            };
            if field.is_none() && outcome.is_none() {
                continue;
            }
            if let Values::Other(format) = &col.values {
                return Err(BadColumn {
                    name: name.to_string(),
                    reason: format!("unsupported Arrow type (format `{format}`)"),
                });
            }
            let seen = plan.record.iter().any(|c| c.field.name == name)
                || plan.outcome.iter().any(|(f, _, _)| *f == name);
            if seen {
                return Err(BadColumn {
                    name: name.to_string(),
                    reason: "the column appears twice".into(),
                });
            }
            if let Some(f) = field {
                let lookup = match f.setter {
                    Setter::Code { parse, codes, .. } | Setter::Flags { parse, codes, .. } => {
                        Some(CodeLookup::new(codes(), parse))
                    }
                    _ => None,
                };
                plan.record.push(RecordColumn {
                    field: f,
                    col,
                    lookup,
                    raw,
                });
            } else if let Some(o) = outcome {
                plan.outcome.push((o, col, raw));
            }
        }
        Ok(plan)
    }
}

/// Whether value `r` of a column is present: valid, not a float NaN (the
/// usual marker of a missing value), not a null dictionary entry.
fn present(col: &Column<'_>, r: usize) -> bool {
    if !col.is_valid(r) {
        return false;
    }
    match &col.values {
        Values::Null => false,
        Values::F32(s) => s.get(r).is_some_and(|v| !v.is_nan()),
        Values::F64(s) => s.get(r).is_some_and(|v| !v.is_nan()),
        Values::Dict { keys, values } => match dict_key(keys, values, r) {
            Some(k) => present(values, k),
            None => true,
        },
        _ => true,
    }
}

/// The dictionary index of row `r`, if in range.
#[inline(always)]
fn dict_key(keys: &Column<'_>, values: &Column<'_>, r: usize) -> Option<usize> {
    let k = keys.int_at(r)?;
    usize::try_from(k).ok().filter(|k| *k < values.len)
}

/// Writes the value of row `r` as JSON; a raw column's text is JSON already.
fn write_raw_or_cell(out: &mut Vec<u8>, col: &Column<'_>, r: usize, list_field: bool, raw: bool) {
    if let (true, Values::Str(s)) = (raw, &col.values) {
        match s.get(r) {
            Some(t) => out.extend_from_slice(t.as_bytes()),
            None => out.extend_from_slice(b"null"),
        }
    } else {
        write_cell(out, col, r, list_field);
    }
}

/// Writes the value of row `r` as JSON.
fn write_cell(out: &mut Vec<u8>, col: &Column<'_>, r: usize, list_field: bool) {
    let null = |out: &mut Vec<u8>| out.extend_from_slice(b"null");
    match &col.values {
        Values::Bool(b) => out.extend_from_slice(if b.get(r) { b"true" } else { b"false" }),
        Values::I8(_)
        | Values::I16(_)
        | Values::I32(_)
        | Values::I64(_)
        | Values::U8(_)
        | Values::U16(_)
        | Values::U32(_)
        | Values::U64(_) => match col.int_at(r) {
            Some(v) => json::write_i128(out, v),
            None => null(out),
        },
        Values::F32(s) => match s.get(r) {
            Some(v) => json::write_f64(out, f64::from(*v), true),
            None => null(out),
        },
        Values::F64(s) => match s.get(r) {
            Some(v) => json::write_f64(out, *v, true),
            None => null(out),
        },
        Values::Str(s) => match s.get(r) {
            Some(t) if list_field => json::write_split_list(out, t),
            Some(t) => json::write_str(out, t),
            None => null(out),
        },
        Values::Dict { keys, values } => match dict_key(keys, values, r) {
            Some(k) if present(values, k) => write_cell(out, values, k, list_field),
            _ => null(out),
        },
        Values::List { offsets, child } => {
            out.push(b'[');
            if let Some((s, e)) = offsets.range(r) {
                for (n, j) in (s..e).enumerate() {
                    if n > 0 {
                        out.push(b',');
                    }
                    if present(child, j) {
                        write_cell(out, child, j, false);
                    } else {
                        null(out);
                    }
                }
            }
            out.push(b']');
        }
        Values::Struct(_) => out.extend_from_slice(b"{}"),
        Values::Null | Values::Other(_) => null(out),
    }
}

/// Writes row `r` of the given columns as a JSON object of its present values.
fn write_object<'n>(
    out: &mut Vec<u8>,
    columns: impl Iterator<Item = (&'n str, &'n Column<'n>, bool, bool)>,
    r: usize,
) {
    out.clear();
    out.push(b'{');
    let mut first = true;
    for (name, col, list_field, raw) in columns {
        if !present(col, r) {
            continue;
        }
        if !first {
            out.push(b',');
        }
        first = false;
        json::write_str(out, name);
        out.push(b':');
        write_raw_or_cell(out, col, r, list_field, raw);
    }
    out.push(b'}');
}

/// The record JSON of row `r` (its present record-field values, in column order).
pub fn row_record_json(plan: &Plan<'_, '_>, r: usize, out: &mut Vec<u8>) {
    write_object(
        out,
        plan.record.iter().map(|c| {
            (
                c.field.name,
                c.col as &Column<'_>,
                matches!(c.field.setter, Setter::Flags { .. }),
                c.raw,
            )
        }),
        r,
    );
}

fn row_outcome_json(plan: &Plan<'_, '_>, r: usize, out: &mut Vec<u8>) {
    write_object(
        out,
        plan.outcome
            .iter()
            .map(|(f, c, raw)| (*f, *c as &Column<'_>, false, *raw)),
        r,
    );
}

/// Marks every present value of rows `start..start + slow.len()` as needing the core.
fn all_slow(col: &Column<'_>, start: usize, slow: &mut [bool]) {
    for (i, s) in slow.iter_mut().enumerate() {
        if present(col, start + i) {
            *s = true;
        }
    }
}

#[inline(always)]
fn fill_ints<T: Copy + Into<i128>>(
    values: &[T],
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: fn(&mut Complaint, u64),
    min: u64,
    max: u64,
) {
    let (min, max) = (i128::from(min), i128::from(max));
    let all_valid = !col.has_nulls();
    let values = values.get(start..start + block.len()).unwrap_or(&[]);
    if all_valid && values.len() == block.len() {
        for ((c, s), v) in block.iter_mut().zip(slow.iter_mut()).zip(values) {
            let v: i128 = (*v).into();
            if v >= min && v <= max {
                set(c, v as u64);
            } else {
                *s = true;
            }
        }
        return;
    }
    for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
        if !col.is_valid(start + i) {
            continue;
        }
        match values.get(i) {
            Some(v) => {
                let v: i128 = (*v).into();
                if v >= min && v <= max {
                    set(c, v as u64);
                } else {
                    *s = true;
                }
            }
            None => *s = true,
        }
    }
}

#[inline(always)]
fn fill_floats<T: Copy + Into<f64>>(
    values: &[T],
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: fn(&mut Complaint, u64),
    min: u64,
    max: u64,
) {
    for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
        let r = start + i;
        if !col.is_valid(r) {
            continue;
        }
        let Some(v) = values.get(r).map(|v| (*v).into()) else {
            *s = true;
            continue;
        };
        if v.is_nan() {
            continue;
        }
        // Exact: a whole float in 0..2^64 converts without loss of its value.
        if v.fract() == 0.0 && v >= min as f64 && v <= max as f64 && v < 18_446_744_073_709_551_616.0 {
            let u = v as u64;
            if u >= min && u <= max {
                set(c, u);
                continue;
            }
        }
        *s = true;
    }
}

/// Per dictionary entry: `None` for a null entry, `Some(None)` for a value
/// the fast path does not accept, `Some(Some(x))` otherwise.
fn dict_table<T>(values: &Column<'_>, parse: impl Fn(&str) -> Option<T>) -> Vec<Option<Option<T>>> {
    (0..values.len)
        .map(|j| {
            if !present(values, j) {
                return None;
            }
            Some(match &values.values {
                Values::Str(s) => s.get(j).and_then(&parse),
                _ => None,
            })
        })
        .collect()
}

/// Applies a per-row string reader to a string or dictionary-of-strings column.
fn fill_strings(
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    mut apply: impl FnMut(&mut Complaint, &str) -> bool,
) {
    match &col.values {
        Values::Str(strings) => {
            for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
                let r = start + i;
                if !col.is_valid(r) {
                    continue;
                }
                match strings.get(r) {
                    Some(t) if apply(c, t) => {}
                    _ => *s = true,
                }
            }
        }
        Values::Dict { keys, values } => {
            let Values::Str(strings) = &values.values else {
                return all_slow(col, start, slow);
            };
            for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
                let r = start + i;
                if !col.is_valid(r) {
                    continue;
                }
                match dict_key(keys, values, r) {
                    Some(k) if !present(values, k) => {}
                    Some(k) => match strings.get(k) {
                        Some(t) if apply(c, t) => {}
                        _ => *s = true,
                    },
                    None => *s = true,
                }
            }
        }
        Values::Null => {}
        _ => all_slow(col, start, slow),
    }
}

/// Parses a comma-separated list into a bit set, or `None` if a piece is unknown.
fn split_bits(t: &str, parse: fn(&str) -> Option<u8>, lookup: Option<&CodeLookup>) -> Option<u16> {
    // One code, nothing to split or trim: the common case.
    let b = t.as_bytes();
    if let (Some(l), Some(first), Some(last)) = (lookup, b.first(), b.last()) {
        if !first.is_ascii_whitespace() && !last.is_ascii_whitespace() {
            if let Some(ix) = l.get_bytes(b) {
                return 1u16.checked_shl(u32::from(ix));
            }
        }
    }
    let mut bits = 0u16;
    for (n, piece) in json::split_list(t).enumerate() {
        if n >= LIST_FAST_LIMIT {
            return None;
        }
        let ix = lookup.map_or_else(|| parse(piece), |l| l.get(piece))?;
        bits |= 1u16.checked_shl(u32::from(ix))?;
    }
    Some(bits)
}

/// Reads one column of rows `start..start + block.len()` into the block.
fn fill_column(
    field: &Field,
    col: &Column<'_>,
    lookup: Option<&CodeLookup>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
) {
    match field.setter {
        Setter::UInt { set, min, max } => match &col.values {
            Values::I8(v) => fill_ints(v, col, start, block, slow, set, min, max),
            Values::I16(v) => fill_ints(v, col, start, block, slow, set, min, max),
            Values::I32(v) => fill_ints(v, col, start, block, slow, set, min, max),
            Values::I64(v) => fill_ints(v, col, start, block, slow, set, min, max),
            Values::U8(v) => fill_ints(v, col, start, block, slow, set, min, max),
            Values::U16(v) => fill_ints(v, col, start, block, slow, set, min, max),
            Values::U32(v) => fill_ints(v, col, start, block, slow, set, min, max),
            Values::U64(v) => fill_ints(v, col, start, block, slow, set, min, max),
            Values::F32(v) => fill_floats(v, col, start, block, slow, set, min, max),
            Values::F64(v) => fill_floats(v, col, start, block, slow, set, min, max),
            Values::Null => {}
            _ => all_slow(col, start, slow),
        },
        Setter::Code { parse, set, .. } => match &col.values {
            Values::Dict { keys, values } => {
                let table = dict_table(values, parse);
                for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
                    let r = start + i;
                    if !col.is_valid(r) {
                        continue;
                    }
                    match dict_key(keys, values, r).map(|k| table.get(k)) {
                        Some(Some(None)) => {}
                        Some(Some(Some(Some(ix)))) => set(c, *ix),
                        _ => *s = true,
                    }
                }
            }
            Values::Str(strings) if lookup.is_some() => {
                let Some(lookup) = lookup else { return };
                for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
                    let r = start + i;
                    if !col.is_valid(r) {
                        continue;
                    }
                    match strings.bytes(r).and_then(|b| lookup.get_bytes(b)) {
                        Some(ix) => set(c, ix),
                        None => *s = true,
                    }
                }
            }
            _ => fill_strings(col, start, block, slow, |c, t| match lookup.map_or_else(|| parse(t), |l| l.get(t)) {
                Some(ix) => {
                    set(c, ix);
                    true
                }
                None => false,
            }),
        },
        Setter::Bool(set) => match &col.values {
            Values::Bool(bits) => {
                for (i, c) in block.iter_mut().enumerate() {
                    let r = start + i;
                    if col.is_valid(r) {
                        set(c, bits.get(r));
                    }
                }
            }
            Values::Null => {}
            _ => all_slow(col, start, slow),
        },
        Setter::Flags { parse, set, .. } => match &col.values {
            Values::List { offsets, child } => {
                fill_lists(offsets, child, col, start, block, slow, parse, lookup, set)
            }
            Values::Dict { keys, values } => {
                let table = dict_table(values, |t| split_bits(t, parse, lookup));
                for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
                    let r = start + i;
                    if !col.is_valid(r) {
                        continue;
                    }
                    match dict_key(keys, values, r).map(|k| table.get(k)) {
                        Some(Some(None)) => {}
                        Some(Some(Some(Some(bits)))) => set(c, *bits),
                        _ => *s = true,
                    }
                }
            }
            _ => fill_strings(col, start, block, slow, |c, t| match split_bits(t, parse, lookup) {
                Some(bits) => {
                    set(c, bits);
                    true
                }
                None => false,
            }),
        },
        Setter::Id => fill_strings(col, start, block, slow, |c, t| {
            t.len() <= ID_CAPACITY && c.set_id(t).is_ok()
        }),
        Setter::Text => fill_strings(col, start, block, slow, |c, t| {
            if json::escaped_len(t.as_bytes()) <= TEXT_FAST_LIMIT {
                c.add_text(t);
                true
            } else {
                false
            }
        }),
        Setter::CoreOnly => all_slow(col, start, slow),
    }
}

#[allow(clippy::too_many_arguments)]
fn fill_lists(
    offsets: &Offsets<'_>,
    child: &Column<'_>,
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    parse: fn(&str) -> Option<u8>,
    lookup: Option<&CodeLookup>,
    set: fn(&mut Complaint, u16),
) {
    // Elements are codes: plain strings or a dictionary of strings.
    let table = match &child.values {
        Values::Dict { values, .. } => Some(dict_table(values, parse)),
        Values::Str(_) => None,
        Values::Null => None,
        _ => return all_slow(col, start, slow),
    };
    'rows: for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
        let r = start + i;
        if !col.is_valid(r) {
            continue;
        }
        let Some((from, to)) = offsets.range(r) else {
            *s = true;
            continue;
        };
        if to - from > LIST_FAST_LIMIT {
            *s = true;
            continue;
        }
        let mut bits = 0u16;
        for j in from..to {
            if !child.is_valid(j) {
                *s = true;
                continue 'rows;
            }
            let ix = match (&child.values, &table) {
                (Values::Str(strings), _) => match lookup {
                    Some(l) => strings.bytes(j).and_then(|b| l.get_bytes(b)),
                    None => strings.get(j).and_then(parse),
                },
                (Values::Dict { keys, values }, Some(table)) => dict_key(keys, values, j)
                    .and_then(|k| table.get(k).copied().flatten().flatten()),
                _ => None,
            };
            match ix.and_then(|ix| 1u16.checked_shl(u32::from(ix))) {
                Some(bit) => bits |= bit,
                None => {
                    *s = true;
                    continue 'rows;
                }
            }
        }
        set(c, bits);
    }
}

/// Grades every row of the batches into `out`, rows numbered from 0 across
/// batches. With `collect`, rows in error are cleared in `out.valid` and
/// returned; otherwise the first error is returned at once.
pub fn run(
    plans: &[Plan<'_, '_>],
    policy: &Policy,
    out: &mut Outputs<'_>,
    collect: bool,
) -> Result<Vec<RowError>, RowError> {
    let mut errors = Vec::new();
    let mut block: Vec<Complaint> = vec![Complaint::DEFAULT; BLOCK];
    let mut slow = [false; BLOCK];
    let mut buf = Vec::with_capacity(1024);
    let mut assessment = Assessment::EMPTY;
    let mut base = 0usize;
    for plan in plans {
        let mut start = 0;
        while start < plan.len {
            let m = BLOCK.min(plan.len - start);
            let block = &mut block[..m];
            let slow = &mut slow[..m];
            for c in block.iter_mut() {
                *c = Complaint::DEFAULT;
            }
            slow.fill(false);
            for c in &plan.record {
                if c.raw {
                    all_slow(c.col, start, slow);
                } else {
                    fill_column(c.field, c.col, c.lookup.as_ref(), start, block, slow);
                }
            }
            for i in 0..m {
                let r = start + i;
                let row = base + r;
                if slow[i] {
                    row_record_json(plan, r, &mut buf);
                    match parse_complaint(&buf) {
                        Ok(c) => block[i] = c,
                        Err(error) => {
                            let e = RowError {
                                row,
                                error,
                                input: Input::Record,
                            };
                            if !collect {
                                return Err(e);
                            }
                            clear(out, row);
                            errors.push(e);
                            continue;
                        }
                    }
                }
                let c = &block[i];
                if let Some((score, on_time)) = out.effect.as_mut() {
                    row_outcome_json(plan, r, &mut buf);
                    let outcome = match parse_outcome(&buf) {
                        Ok(o) => o,
                        Err(error) => {
                            let e = RowError {
                                row,
                                error,
                                input: Input::Outcome,
                            };
                            if !collect {
                                return Err(e);
                            }
                            clear(out, row);
                            errors.push(e);
                            continue;
                        }
                    };
                    assess_into(c, policy, &mut assessment);
                    let effect = evaluate_outcome(&outcome, &assessment, policy);
                    score[row] = effect.score;
                    on_time[row] = u8::from(effect.on_time);
                    let a = &assessment;
                    let s = &a.scores;
                    put(
                        out,
                        row,
                        [s.severity, s.impact, s.difficulty, s.escalation_risk, s.malice],
                        [a.grade.index(), a.tier.index(), a.priority],
                        a.first_response_minutes,
                        a.resolution_hours,
                    );
                } else {
                    let d = decide_only(c, policy);
                    let s = &d.scores;
                    put(
                        out,
                        row,
                        [s.severity, s.impact, s.difficulty, s.escalation_risk, s.malice],
                        [d.grade.index(), d.tier.index(), d.priority],
                        d.first_response_minutes,
                        d.resolution_hours,
                    );
                }
            }
            start += m;
        }
        base += plan.len;
    }
    Ok(errors)
}

#[inline(always)]
fn put(out: &mut Outputs<'_>, row: usize, scores: [u8; 5], gtp: [u8; 3], first: u16, resolution: u16) {
    for (col, v) in out.scores.iter_mut().zip(scores) {
        if let Some(slot) = col.get_mut(row) {
            *slot = v;
        }
    }
    for (col, v) in [&mut out.grade, &mut out.tier, &mut out.priority]
        .into_iter()
        .zip(gtp)
    {
        if let Some(slot) = col.get_mut(row) {
            *slot = v;
        }
    }
    if let Some(slot) = out.first_response.get_mut(2 * row..2 * row + 2) {
        slot.copy_from_slice(&first.to_le_bytes());
    }
    if let Some(slot) = out.resolution.get_mut(2 * row..2 * row + 2) {
        slot.copy_from_slice(&resolution.to_le_bytes());
    }
}

fn clear(out: &mut Outputs<'_>, row: usize) {
    if let Some(b) = out.valid.get_mut(row >> 3) {
        *b &= !(1 << (row & 7));
    }
}

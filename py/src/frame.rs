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
use complaint_triage::{
    Category, Channel, CustomerTier, Evidence, Expectation, Jurisdiction, Liability, Motive,
    Personality,
};

use crate::fields::{self, CodeLookup, Field, Key, Setter};
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
    /// The frame row of the first slot (a thread's share starts past 0).
    pub origin: usize,
}

impl<'o> Outputs<'o> {
    /// Splits off the slots of the first `rows` rows (a multiple of 8, so
    /// that the validity bitmap splits on a byte).
    fn split_front(self, rows: usize) -> (Outputs<'o>, Outputs<'o>) {
        fn cut(s: &mut [u8], at: usize) -> (&mut [u8], &mut [u8]) {
            let at = at.min(s.len());
            s.split_at_mut(at)
        }
        let [a, b, c, d, e] = self.scores;
        let (a0, a1) = cut(a, rows);
        let (b0, b1) = cut(b, rows);
        let (c0, c1) = cut(c, rows);
        let (d0, d1) = cut(d, rows);
        let (e0, e1) = cut(e, rows);
        let (g0, g1) = cut(self.grade, rows);
        let (t0, t1) = cut(self.tier, rows);
        let (p0, p1) = cut(self.priority, rows);
        let (f0, f1) = cut(self.first_response, 2 * rows);
        let (r0, r1) = cut(self.resolution, 2 * rows);
        let (v0, v1) = cut(self.valid, rows / 8);
        let (x0, x1) = match self.effect {
            Some((score, on_time)) => {
                let (s0, s1) = cut(score, rows);
                let (o0, o1) = cut(on_time, rows);
                (Some((s0, o0)), Some((s1, o1)))
            }
            None => (None, None),
        };
        (
            Outputs {
                scores: [a0, b0, c0, d0, e0],
                grade: g0,
                tier: t0,
                priority: p0,
                first_response: f0,
                resolution: r0,
                valid: v0,
                effect: x0,
                origin: self.origin,
            },
            Outputs {
                scores: [a1, b1, c1, d1, e1],
                grade: g1,
                tier: t1,
                priority: p1,
                first_response: f1,
                resolution: r1,
                valid: v1,
                effect: x1,
                origin: self.origin + rows,
            },
        )
    }
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
#[allow(clippy::too_many_arguments)]
fn fill_ints<T: Copy + Into<i128>>(
    values: &[T],
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, u64),
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
#[allow(clippy::too_many_arguments)]
fn fill_floats<T: Copy + Into<f64>>(
    values: &[T],
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, u64),
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
        if v.fract() == 0.0
            && v >= min as f64
            && v <= max as f64
            && v < 18_446_744_073_709_551_616.0
        {
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

/// Runs `$body` with `$set` bound to an inlined store of the numeric field
/// `$key`, or `$other` for any other field.
macro_rules! with_uint_store {
    ($key:expr, |$set:ident| $body:expr, $other:expr) => {
        match $key {
            Key::TenureMonths => {
                let $set = |c: &mut Complaint, v: u64| c.tenure_months = v as u16;
                $body
            }
            Key::Emotion => {
                let $set = |c: &mut Complaint, v: u64| c.emotion = v as u8;
                $body
            }
            Key::PriorContacts => {
                let $set = |c: &mut Complaint, v: u64| c.prior_contacts = v as u16;
                $body
            }
            Key::HoursOpen => {
                let $set = |c: &mut Complaint, v: u64| c.hours_open = v as u32;
                $body
            }
            Key::AffectedCustomers => {
                let $set = |c: &mut Complaint, v: u64| c.affected_customers = v as u32;
                $body
            }
            Key::DirectLoss => {
                let $set = |c: &mut Complaint, v: u64| c.direct_loss = v;
                $body
            }
            Key::ClaimedAmount => {
                let $set = |c: &mut Complaint, v: u64| c.claimed_amount = v;
                $body
            }
            Key::Departments => {
                let $set = |c: &mut Complaint, v: u64| c.departments = v as u8;
                $body
            }
            _ => $other,
        }
    };
}

/// Like [`with_uint_store`], for the code fields (stores by stable index).
macro_rules! with_code_store {
    ($key:expr, |$set:ident| $body:expr, $other:expr) => {
        match $key {
            Key::Category => {
                let $set = |c: &mut Complaint, i: u8| {
                    if let Some(v) = Category::from_index(i) {
                        c.category = v
                    }
                };
                $body
            }
            Key::Channel => {
                let $set = |c: &mut Complaint, i: u8| {
                    if let Some(v) = Channel::from_index(i) {
                        c.channel = v
                    }
                };
                $body
            }
            Key::CustomerTier => {
                let $set = |c: &mut Complaint, i: u8| {
                    if let Some(v) = CustomerTier::from_index(i) {
                        c.customer_tier = v
                    }
                };
                $body
            }
            Key::Personality => {
                let $set = |c: &mut Complaint, i: u8| {
                    if let Some(v) = Personality::from_index(i) {
                        c.personality = v
                    }
                };
                $body
            }
            Key::Motive => {
                let $set = |c: &mut Complaint, i: u8| {
                    if let Some(v) = Motive::from_index(i) {
                        c.motive = v
                    }
                };
                $body
            }
            Key::Expectation => {
                let $set = |c: &mut Complaint, i: u8| {
                    if let Some(v) = Expectation::from_index(i) {
                        c.expectation = v
                    }
                };
                $body
            }
            Key::Liability => {
                let $set = |c: &mut Complaint, i: u8| {
                    if let Some(v) = Liability::from_index(i) {
                        c.liability = v
                    }
                };
                $body
            }
            Key::Evidence => {
                let $set = |c: &mut Complaint, i: u8| {
                    if let Some(v) = Evidence::from_index(i) {
                        c.evidence = v
                    }
                };
                $body
            }
            Key::Jurisdiction => {
                let $set = |c: &mut Complaint, i: u8| {
                    if let Some(v) = Jurisdiction::from_index(i) {
                        c.jurisdiction = v
                    }
                };
                $body
            }
            _ => $other,
        }
    };
}

/// Like [`with_uint_store`], for the boolean fields.
macro_rules! with_bool_store {
    ($key:expr, |$set:ident| $body:expr, $other:expr) => {
        match $key {
            Key::IndirectLossClaimed => {
                let $set = |c: &mut Complaint, v: bool| c.indirect_loss_claimed = v;
                $body
            }
            Key::BeyondAuthority => {
                let $set = |c: &mut Complaint, v: bool| c.beyond_authority = v;
                $body
            }
            Key::PreviouslyCompensated => {
                let $set = |c: &mut Complaint, v: bool| c.previously_compensated = v;
                $body
            }
            Key::SafetyIncident => {
                let $set = |c: &mut Complaint, v: bool| c.safety_incident = v;
                $body
            }
            Key::SensitivePeriod => {
                let $set = |c: &mut Complaint, v: bool| c.sensitive_period = v;
                $body
            }
            _ => $other,
        }
    };
}

/// Reads a numeric column into the block with the store `set`.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn fill_uint(
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, u64) + Copy,
    min: u64,
    max: u64,
) {
    match &col.values {
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
    }
}

/// Reads a code column of plain strings into the block with the store `set`.
#[inline(always)]
fn fill_codes(
    strings: &crate::arrow::Strings<'_>,
    lookup: &CodeLookup,
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, u8),
) {
    for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
        let r = start + i;
        if !col.is_valid(r) {
            continue;
        }
        match lookup.get_at(strings, r) {
            Some(ix) => set(c, ix),
            None => *s = true,
        }
    }
}

/// Reads a boolean column into the block with the store `set`.
#[inline(always)]
fn fill_bools(
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, bool),
) {
    match &col.values {
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
    }
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
        Setter::UInt { set, min, max } => with_uint_store!(
            field.key,
            |store| fill_uint(col, start, block, slow, store, min, max),
            fill_uint(col, start, block, slow, set, min, max)
        ),
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
                with_code_store!(
                    field.key,
                    |store| fill_codes(strings, lookup, col, start, block, slow, store),
                    fill_codes(strings, lookup, col, start, block, slow, set)
                )
            }
            _ => fill_strings(col, start, block, slow, |c, t| {
                match lookup.map_or_else(|| parse(t), |l| l.get(t)) {
                    Some(ix) => {
                        set(c, ix);
                        true
                    }
                    None => false,
                }
            }),
        },
        Setter::Bool(set) => with_bool_store!(
            field.key,
            |store| fill_bools(col, start, block, slow, store),
            fill_bools(col, start, block, slow, set)
        ),
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
            _ => fill_strings(col, start, block, slow, |c, t| {
                match split_bits(t, parse, lookup) {
                    Some(bits) => {
                        set(c, bits);
                        true
                    }
                    None => false,
                }
            }),
        },
        // Grading does not read the id: only its length is checked.
        Setter::Id => fill_strings(col, start, block, slow, |_, t| t.len() <= ID_CAPACITY),
        Setter::Text => fill_strings(col, start, block, slow, |c, t| {
            // Escaping makes a byte at most 6: short texts need no count.
            if t.len() * 6 <= TEXT_FAST_LIMIT || json::escaped_len(t.as_bytes()) <= TEXT_FAST_LIMIT
            {
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
    out: Outputs<'_>,
    collect: bool,
    threads: usize,
) -> Result<Vec<RowError>, RowError> {
    let n: usize = plans.iter().map(|p| p.len).sum();
    // Shares of whole bitmap bytes, and not so small that starting a
    // thread costs more than it saves.
    let threads = threads.clamp(1, n.div_ceil(16 * 1024).max(1));
    if threads == 1 {
        return run_rows(plans, policy, out, collect, 0, n);
    }
    let share = n.div_ceil(threads).div_ceil(8) * 8;
    let results: Vec<Result<Vec<RowError>, RowError>> = std::thread::scope(|scope| {
        let mut handles = Vec::with_capacity(threads);
        let mut rest = out;
        let mut from = 0;
        while from < n {
            let to = (from + share).min(n);
            let (mine, others) = rest.split_front(to - from);
            rest = others;
            handles.push(scope.spawn(move || run_rows(plans, policy, mine, collect, from, to)));
            from = to;
        }
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(r) => r,
                // The grading cannot panic; should a thread die all the
                // same, the failure is passed on rather than its rows lost.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    let mut errors = Vec::new();
    let mut first: Option<RowError> = None;
    for r in results {
        match r {
            Ok(mut e) => errors.append(&mut e),
            Err(e) => {
                if first.as_ref().is_none_or(|f| e.row < f.row) {
                    first = Some(e);
                }
            }
        }
    }
    match first {
        Some(e) => Err(e),
        None => {
            errors.sort_by_key(|e| e.row);
            Ok(errors)
        }
    }
}

/// Grades the frame rows `from..to` into `out` (whose first slot is row `from`).
fn run_rows(
    plans: &[Plan<'_, '_>],
    policy: &Policy,
    mut out: Outputs<'_>,
    collect: bool,
    from: usize,
    to: usize,
) -> Result<Vec<RowError>, RowError> {
    let out = &mut out;
    let mut errors = Vec::new();
    let mut block: Vec<Complaint> = vec![Complaint::DEFAULT; BLOCK];
    let mut slow = [false; BLOCK];
    let mut buf = Vec::with_capacity(1024);
    let mut assessment = Assessment::EMPTY;
    let mut base = 0usize;
    for plan in plans {
        let lo = from.saturating_sub(base).min(plan.len);
        let hi = to.saturating_sub(base).min(plan.len);
        let mut start = lo;
        while start < hi {
            let m = BLOCK.min(hi - start);
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
                let out_origin = out.origin;
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
                    let slot = row - out_origin;
                    if let (Some(s), Some(o)) = (score.get_mut(slot), on_time.get_mut(slot)) {
                        *s = effect.score;
                        *o = u8::from(effect.on_time);
                    }
                    let a = &assessment;
                    let s = &a.scores;
                    put(
                        out,
                        row,
                        [
                            s.severity,
                            s.impact,
                            s.difficulty,
                            s.escalation_risk,
                            s.malice,
                        ],
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
                        [
                            s.severity,
                            s.impact,
                            s.difficulty,
                            s.escalation_risk,
                            s.malice,
                        ],
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
fn put(
    out: &mut Outputs<'_>,
    row: usize,
    scores: [u8; 5],
    gtp: [u8; 3],
    first: u16,
    resolution: u16,
) {
    let row = row - out.origin;
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
    let row = row - out.origin;
    if let Some(b) = out.valid.get_mut(row >> 3) {
        *b &= !(1 << (row & 7));
    }
}

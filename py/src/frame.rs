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
    assess_into, decide_only, evaluate_outcome, parse_outcome, Assessment, Complaint, ParseError,
    Policy, ID_CAPACITY,
};

use crate::arrow::{Bitmap, Column, Offsets, Strings, Values};
use complaint_triage::{
    Category, Channel, CustomerTier, Evidence, Expectation, FlagSet, Jurisdiction, Liability,
    Motive, Personality, SafetyLevel,
};

use crate::fields::{self, CodeLookup, Field, Key, Setter};
use crate::json;
use crate::record;
use crate::signals;
use std::hint::select_unpredictable;
use std::sync::atomic::{AtomicBool, Ordering};

/// Rows read at once: long runs of each column (read sequentially, so
/// prefetched), while the block's complaints (557 KB) stay in L2. The
/// caller is asked whether to stop once a block (see [`signals::EVERY`]).
const BLOCK: usize = signals::EVERY;

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

/// Why grading stopped before the last row.
#[derive(Clone, Debug)]
pub enum Stop {
    /// A bad row, with errors raised (boxed: a row error is large, and
    /// most results are no error).
    Row(Box<RowError>),
    /// The caller asked to stop (Ctrl-C).
    Interrupted,
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
    /// The category the text suggested: 0 none, else 1 + its index.
    pub category: &'o mut [u8],
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
        let (k0, k1) = cut(self.category, rows);
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
                category: k0,
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
                category: k1,
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
    /// What the entries of the column's dictionary (or of its lists'
    /// dictionary) read as, for a code or list field (see [`dict_entries`]).
    entries: Option<Entries>,
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
                let entries = if raw {
                    None
                } else {
                    column_entries(f, col, lookup.as_ref())
                };
                plan.record.push(RecordColumn {
                    field: f,
                    col,
                    lookup,
                    entries,
                    raw,
                });
            } else if let Some(o) = outcome {
                plan.outcome.push((o, col, raw));
            }
        }
        Ok(plan)
    }
}

/// The entries of the dictionary a code or list field's column reads
/// through, once per batch: a code's index, or a list's bits.
fn column_entries(f: &Field, col: &Column<'_>, lookup: Option<&CodeLookup>) -> Option<Entries> {
    match (f.setter, &col.values) {
        (Setter::Code { parse, default, .. }, Values::Dict { values, .. }) => {
            dict_entries(values, u16::from(default), |t| {
                lookup.map_or_else(|| parse(t), |l| l.get(t)).map(u16::from)
            })
        }
        (Setter::Flags { parse, .. }, Values::Dict { values, .. }) => {
            dict_entries(values, 0, |t| split_bits(t, parse, lookup))
        }
        (Setter::Flags { parse, .. }, Values::List { child, .. }) => match &child.values {
            Values::Dict { values, .. } => dict_entries(values, 0, |t| {
                parse(t).and_then(|ix| 1u16.checked_shl(u32::from(ix)))
            }),
            _ => None,
        },
        _ => None,
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

/// The string of row `r` of a string column (or dictionary of strings).
fn string_at<'a>(col: &Column<'a>, r: usize) -> Option<&'a str> {
    match &col.values {
        Values::Str(s) if col.is_valid(r) => s.get(r),
        Values::Dict { keys, values } if col.is_valid(r) => {
            dict_key(keys, values, r).and_then(|k| string_at(values, k))
        }
        _ => None,
    }
}

/// Writes row `r` of the given columns as a JSON object of its present
/// values; the free text, if a string, is not written but returned, for
/// [`record::parse`].
fn write_object<'n>(
    out: &mut Vec<u8>,
    columns: impl Iterator<Item = (&'n str, &'n Column<'n>, bool, bool)>,
    r: usize,
) -> Option<&'n str> {
    out.clear();
    out.push(b'{');
    let mut first = true;
    let mut text = None;
    for (name, col, list_field, raw) in columns {
        if !present(col, r) {
            continue;
        }
        if name == "text" && !raw {
            if let Some(t) = string_at(col, r) {
                text = Some(t);
                continue;
            }
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
    text
}

/// The record JSON of row `r` (its present record-field values, in column
/// order), written without its text, and the text (see [`record`]).
pub fn row_record_json<'p>(plan: &'p Plan<'_, '_>, r: usize, out: &mut Vec<u8>) -> Option<&'p str> {
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
    )
}

fn row_outcome_json(plan: &Plan<'_, '_>, r: usize, out: &mut Vec<u8>) {
    // An outcome has no text: nothing is kept aside.
    let _ = write_object(
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

/// One bit per row of a block: which rows of a column are valid (not
/// null), or which are `true` in a boolean column. Read a word at a time,
/// so that the per-row loops test a bit instead of branching on each row.
struct Bits([u64; BLOCK / 64]);

impl Bits {
    /// The validity of rows `start..start + m` of `col`.
    #[inline(always)]
    fn valid(col: &Column<'_>, start: usize, m: usize) -> Bits {
        match col.validity() {
            Some(bitmap) => Bits::of(&bitmap, start, m),
            None => Bits([u64::MAX; BLOCK / 64]),
        }
    }

    /// Bits `start..start + m` of a bitmap.
    #[inline(always)]
    fn of(bitmap: &Bitmap<'_>, start: usize, m: usize) -> Bits {
        let mut words = [0u64; BLOCK / 64];
        for (k, w) in words.iter_mut().enumerate() {
            if 64 * k < m {
                *w = bitmap.word(start + 64 * k);
            }
        }
        Bits(words)
    }

    /// Whether few enough of the first `m` bits are set that visiting only
    /// those rows is cheaper than a pass over all of them.
    #[inline(always)]
    fn sparse(&self, m: usize) -> bool {
        let set: u32 = (0..BLOCK / 64)
            .map(|k| self.masked(k, m).count_ones())
            .sum();
        (set as usize) * 4 < m * 3
    }

    /// Word `k`, without the bits of rows `m` and past.
    #[inline(always)]
    fn masked(&self, k: usize, m: usize) -> u64 {
        let w = self.0.get(k).copied().unwrap_or(0);
        match m.saturating_sub(64 * k) {
            0 => 0,
            r if r < 64 => w & ((1u64 << r) - 1),
            _ => w,
        }
    }

    /// Runs `f(i)` for each of the first `m` rows whose bit is set, in order.
    #[inline(always)]
    fn each_set(&self, m: usize, mut f: impl FnMut(usize)) {
        for k in 0..BLOCK / 64 {
            let mut w = self.masked(k, m);
            while w != 0 {
                f(64 * k + w.trailing_zeros() as usize);
                w &= w - 1;
            }
        }
    }
}

/// Runs `f(c, s, present, v)` for each row of a block: its complaint, its
/// slow flag, its validity bit and its value in `values`.
#[inline(always)]
fn each_row<V>(
    block: &mut [Complaint],
    slow: &mut [bool],
    valid: &Bits,
    values: &[V],
    mut f: impl FnMut(&mut Complaint, &mut bool, bool, &V),
) {
    let chunks = block
        .chunks_mut(64)
        .zip(slow.chunks_mut(64))
        .zip(values.chunks(64))
        .zip(valid.0);
    for (((cs, ss), vs), mut w) in chunks {
        for ((c, s), v) in cs.iter_mut().zip(ss.iter_mut()).zip(vs) {
            f(c, s, w & 1 == 1, v);
            w >>= 1;
        }
    }
}

/// An integer of an Arrow column, widened.
trait Int: Copy {
    /// The value's bits as a `u64` and whether it is not negative (a
    /// negative value widens to a huge one).
    fn widen(self) -> (u64, bool);
}

macro_rules! int_impl {
    (signed: $($t:ty),*) => {$(
        impl Int for $t {
            #[inline(always)]
            fn widen(self) -> (u64, bool) {
                (self as i64 as u64, self >= 0)
            }
        }
    )*};
    (unsigned: $($t:ty),*) => {$(
        impl Int for $t {
            #[inline(always)]
            fn widen(self) -> (u64, bool) {
                (self as u64, true)
            }
        }
    )*};
}
int_impl!(signed: i8, i16, i32, i64);
int_impl!(unsigned: u8, u16, u32, u64);

/// Reads an integer column: `set(c, use, v)` stores `v` if `use`, else the
/// field's default.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn fill_ints<T: Int>(
    values: &[T],
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, bool, u64),
    min: u64,
    max: u64,
) {
    let Some(values) = values.get(start..start + block.len()) else {
        return all_slow(col, start, slow);
    };
    let valid = Bits::valid(col, start, block.len());
    if valid.sparse(block.len()) {
        // A null row keeps the default the block was reset to.
        valid.each_set(block.len(), |i| {
            if let (Some(c), Some(s), Some(v)) = (block.get_mut(i), slow.get_mut(i), values.get(i))
            {
                let (v, not_negative) = v.widen();
                let ok = not_negative & (v >= min) & (v <= max);
                set(c, ok, v);
                *s |= !ok;
            }
        });
        return;
    }
    each_row(block, slow, &valid, values, |c, s, present, v| {
        let (v, not_negative) = v.widen();
        let ok = not_negative & (v >= min) & (v <= max);
        set(c, present & ok, v);
        *s |= present & !ok;
    });
}

#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn fill_floats<T: Copy + Into<f64>>(
    values: &[T],
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, bool, u64),
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
                set(c, true, u);
                continue;
            }
        }
        *s = true;
    }
}

/// Flags a dictionary entry whose rows go to the core.
const ENTRY_SLOW: u32 = 1 << 16;

/// Dictionary entries, read once per batch (see [`dict_entries`]).
pub struct Entries {
    /// Per entry, and one more for every key past the end: the value to
    /// store (in the low 16 bits), flagged with [`ENTRY_SLOW`] if the core
    /// must read the row.
    values: Vec<u32>,
    /// The value stored for a null row or a null entry: the field's
    /// default.
    null: u32,
}

/// What each entry of a dictionary of strings reads as: `f`'s value (a
/// code index or a bit set), `null` for a null entry, `null` flagged
/// [`ENTRY_SLOW`] for a value `f` does not accept. `None` if the dictionary
/// does not hold strings.
fn dict_entries(
    values: &Column<'_>,
    null: u16,
    f: impl Fn(&str) -> Option<u16>,
) -> Option<Entries> {
    let Values::Str(strings) = &values.values else {
        return None;
    };
    let (null, slow) = (u32::from(null), u32::from(null) | ENTRY_SLOW);
    let mut entries: Vec<u32> = (0..values.len)
        .map(|j| {
            if !present(values, j) {
                return null;
            }
            strings.get(j).and_then(&f).map_or(slow, u32::from)
        })
        .collect();
    entries.push(slow);
    Some(Entries {
        values: entries,
        null,
    })
}

/// Reads a dictionary column through its entries (see [`dict_entries`]):
/// `set(c, v)` stores the low 16 bits of an entry.
#[inline(always)]
fn fill_dict<K: Int>(
    keys: &[K],
    entries: &Entries,
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, u16),
) {
    let (null, entries) = (entries.null, &entries.values[..]);
    let (Some(keys), Some(last)) = (
        keys.get(start..start + block.len()),
        entries.len().checked_sub(1),
    ) else {
        return all_slow(col, start, slow);
    };
    let valid = Bits::valid(col, start, block.len());
    if valid.sparse(block.len()) {
        // A null row keeps the default the block was reset to.
        valid.each_set(block.len(), |i| {
            if let (Some(c), Some(s), Some(k)) = (block.get_mut(i), slow.get_mut(i), keys.get(i)) {
                let k = k.widen().0.min(last as u64) as usize;
                let e = entries.get(k).copied().unwrap_or(ENTRY_SLOW | null);
                *s |= e & ENTRY_SLOW != 0;
                set(c, e as u16);
            }
        });
        return;
    }
    each_row(block, slow, &valid, keys, |c, s, present, k| {
        // A negative key widens past the end: the last entry.
        let k = k.widen().0.min(last as u64) as usize;
        let e = entries.get(k).copied().unwrap_or(ENTRY_SLOW | null);
        let e = select_unpredictable(present, e, null);
        *s |= e & ENTRY_SLOW != 0;
        set(c, e as u16);
    });
}

/// Runs `$body` with `$keys` bound to the typed keys of a dictionary column.
macro_rules! with_keys {
    ($keys:expr, |$k:ident| $body:expr, $other:expr) => {
        match &$keys.values {
            Values::I8($k) => $body,
            Values::I16($k) => $body,
            Values::I32($k) => $body,
            Values::I64($k) => $body,
            Values::U8($k) => $body,
            Values::U16($k) => $body,
            Values::U32($k) => $body,
            Values::U64($k) => $body,
            _ => $other,
        }
    };
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

/// Checks that each present string of a plain string column is at most
/// `max` bytes long (the id: grading reads nothing else of it).
fn fill_lengths(
    strings: &Strings<'_>,
    col: &Column<'_>,
    start: usize,
    slow: &mut [bool],
    max: usize,
) {
    fn check<O: Int>(
        offsets: &[O],
        data_len: usize,
        valid: &Bits,
        slow: &mut [bool],
        max: usize,
    ) -> bool {
        let (Some(lo), Some(hi)) = (offsets.get(..slow.len()), offsets.get(1..=slow.len())) else {
            return false;
        };
        let chunks = slow
            .chunks_mut(64)
            .zip(lo.chunks(64).zip(hi.chunks(64)))
            .zip(valid.0);
        for ((ss, (los, his)), mut w) in chunks {
            for ((s, a), b) in ss.iter_mut().zip(los).zip(his) {
                let (a, a_ok) = a.widen();
                let (b, b_ok) = b.widen();
                let ok = a_ok
                    & b_ok
                    & (b >= a)
                    & (b.wrapping_sub(a) <= max as u64)
                    & (b <= data_len as u64);
                *s |= (w & 1 == 1) & !ok;
                w >>= 1;
            }
        }
        true
    }
    let valid = Bits::valid(col, start, slow.len());
    let data_len = strings.data_len();
    let done = match strings.offsets() {
        Offsets::I32(o) => check(o.get(start..).unwrap_or(&[]), data_len, &valid, slow, max),
        Offsets::I64(o) => check(o.get(start..).unwrap_or(&[]), data_len, &valid, slow, max),
    };
    if !done {
        all_slow(col, start, slow);
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

/// The value of a vocabulary's index `i`, or `default` for an index past
/// its end, without a branch.
#[inline(always)]
fn pick<T: Copy>(all: &[T], i: u8, default: T) -> T {
    let Some(last) = all.len().checked_sub(1) else {
        return default;
    };
    let j = select_unpredictable(usize::from(i) <= last, usize::from(i), last);
    let v = all.get(j).copied().unwrap_or(default);
    select_unpredictable(usize::from(i) <= last, v, default)
}

/// Runs `$body` with `$set` bound to an inlined store of the numeric field
/// `$key` (`$set(c, use, v)`: `v` if `use`, else the default), or `$other`
/// for any other field.
macro_rules! with_uint_store {
    ($key:expr, |$set:ident| $body:expr, $other:expr) => {
        match $key {
            Key::TenureMonths => uint_store!(tenure_months, u16, $set, $body),
            Key::Emotion => uint_store!(emotion, u8, $set, $body),
            Key::PriorContacts => uint_store!(prior_contacts, u16, $set, $body),
            Key::HoursOpen => uint_store!(hours_open, u32, $set, $body),
            Key::HoursSinceRegulator => uint_store!(hours_since_regulator, u32, $set, $body),
            Key::AffectedCustomers => uint_store!(affected_customers, u32, $set, $body),
            Key::DirectLoss => uint_store!(direct_loss, u64, $set, $body),
            Key::ClaimedAmount => uint_store!(claimed_amount, u64, $set, $body),
            Key::Departments => uint_store!(departments, u8, $set, $body),
            _ => $other,
        }
    };
}

macro_rules! uint_store {
    ($f:ident, $t:ty, $set:ident, $body:expr) => {{
        // The value was checked against the probed range, itself capped
        // at the field type's maximum: the cast is exact.
        let $set = |c: &mut Complaint, ok: bool, v: u64| {
            c.$f = select_unpredictable(ok, v as $t, Complaint::DEFAULT.$f)
        };
        $body
    }};
}

/// Like [`with_uint_store`], for the code fields (`$set(c, index)`; an
/// index past the vocabulary stores the default).
macro_rules! with_code_store {
    ($key:expr, |$set:ident| $body:expr, $other:expr) => {
        match $key {
            Key::Category => code_store!(category, Category, $set, $body),
            Key::Channel => code_store!(channel, Channel, $set, $body),
            Key::CustomerTier => code_store!(customer_tier, CustomerTier, $set, $body),
            Key::Personality => code_store!(personality, Personality, $set, $body),
            Key::Motive => code_store!(motive, Motive, $set, $body),
            Key::Expectation => code_store!(expectation, Expectation, $set, $body),
            Key::Liability => code_store!(liability, Liability, $set, $body),
            Key::Evidence => code_store!(evidence, Evidence, $set, $body),
            Key::Jurisdiction => code_store!(jurisdiction, Jurisdiction, $set, $body),
            Key::Safety => code_store!(safety, SafetyLevel, $set, $body),
            _ => $other,
        }
    };
}

macro_rules! code_store {
    ($f:ident, $t:ty, $set:ident, $body:expr) => {{
        let $set = |c: &mut Complaint, i: u8| c.$f = pick(<$t>::ALL, i, Complaint::DEFAULT.$f);
        $body
    }};
}

/// Like [`with_uint_store`], for the list fields (`$set(c, bits)`).
macro_rules! with_flags_store {
    ($key:expr, |$set:ident| $body:expr, $other:expr) => {
        match $key {
            Key::Rights => flags_store!(rights, $set, $body),
            Key::Threats => flags_store!(threats, $set, $body),
            Key::Profile => flags_store!(profile, $set, $body),
            Key::MaliceSignals => flags_store!(malice_signals, $set, $body),
            Key::HandlingFailures => flags_store!(handling_failures, $set, $body),
            _ => $other,
        }
    };
}

macro_rules! flags_store {
    ($f:ident, $set:ident, $body:expr) => {{
        let $set = |c: &mut Complaint, bits: u16| c.$f = FlagSet::from_bits_truncate(bits);
        $body
    }};
}

/// Like [`with_uint_store`], for the boolean fields (`$set(c, use, v)`).
macro_rules! with_bool_store {
    ($key:expr, |$set:ident| $body:expr, $other:expr) => {
        match $key {
            Key::IndirectLossClaimed => bool_store!(indirect_loss_claimed, $set, $body),
            Key::BeyondAuthority => bool_store!(beyond_authority, $set, $body),
            Key::PreviouslyCompensated => bool_store!(previously_compensated, $set, $body),
            Key::SafetyIncident => bool_store!(safety_incident, $set, $body),
            Key::SensitivePeriod => bool_store!(sensitive_period, $set, $body),
            _ => $other,
        }
    };
}

macro_rules! bool_store {
    ($f:ident, $set:ident, $body:expr) => {{
        let $set = |c: &mut Complaint, ok: bool, v: bool| {
            c.$f = select_unpredictable(ok, v, Complaint::DEFAULT.$f)
        };
        $body
    }};
}

/// Reads a numeric column into the block with the store `set`.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn fill_uint(
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, bool, u64) + Copy,
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
    strings: &Strings<'_>,
    lookup: &CodeLookup,
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, u8),
) {
    let valid = Bits::valid(col, start, block.len());
    let mut i = 0;
    for ((cs, ss), mut w) in block.chunks_mut(64).zip(slow.chunks_mut(64)).zip(valid.0) {
        for (c, s) in cs.iter_mut().zip(ss.iter_mut()) {
            if w & 1 == 1 {
                match lookup.get_at(strings, start + i) {
                    Some(ix) => set(c, ix),
                    None => *s = true,
                }
            }
            w >>= 1;
            i += 1;
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
    set: impl Fn(&mut Complaint, bool, bool),
) {
    match &col.values {
        Values::Bool(bits) => {
            let valid = Bits::valid(col, start, block.len());
            let value = Bits::of(bits, start, block.len());
            if valid.sparse(block.len()) {
                // A null row keeps the default the block was reset to.
                let true_and_valid = Bits(std::array::from_fn(|k| valid.0[k] & value.0[k]));
                true_and_valid.each_set(block.len(), |i| {
                    if let Some(c) = block.get_mut(i) {
                        set(c, true, true);
                    }
                });
                let false_and_valid = Bits(std::array::from_fn(|k| valid.0[k] & !value.0[k]));
                false_and_valid.each_set(block.len(), |i| {
                    if let Some(c) = block.get_mut(i) {
                        set(c, true, false);
                    }
                });
                return;
            }
            for ((cs, mut w), mut v) in block.chunks_mut(64).zip(valid.0).zip(value.0) {
                for c in cs {
                    set(c, w & 1 == 1, v & 1 == 1);
                    w >>= 1;
                    v >>= 1;
                }
            }
        }
        Values::Null => {}
        _ => all_slow(col, start, slow),
    }
}

/// Reads one column of rows `start..start + block.len()` into the block.
fn fill_column(c: &RecordColumn<'_, '_>, start: usize, block: &mut [Complaint], slow: &mut [bool]) {
    let (field, col, lookup) = (c.field, c.col, c.lookup.as_ref());
    match field.setter {
        Setter::UInt { set, min, max } => with_uint_store!(
            field.key,
            |store| fill_uint(col, start, block, slow, store, min, max),
            fill_uint(
                col,
                start,
                block,
                slow,
                |c, ok, v| if ok {
                    set(c, v)
                },
                min,
                max
            )
        ),
        Setter::Code { parse, set, .. } => match (&col.values, &c.entries) {
            (Values::Dict { keys, .. }, Some(entries)) => {
                // Entries hold a valid index, the default's for null and
                // slow ones.
                let code = |e: u16| e as u8;
                with_code_store!(
                    field.key,
                    |store| with_keys!(
                        keys,
                        |k| fill_dict(k, entries, col, start, block, slow, |c, e| store(
                            c,
                            code(e)
                        )),
                        all_slow(col, start, slow)
                    ),
                    with_keys!(
                        keys,
                        |k| fill_dict(k, entries, col, start, block, slow, |c, e| set(c, code(e))),
                        all_slow(col, start, slow)
                    )
                )
            }
            (Values::Str(strings), _) if lookup.is_some() => {
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
            fill_bools(col, start, block, slow, |c, ok, v| if ok {
                set(c, v)
            })
        ),
        Setter::Flags { parse, set, .. } => with_flags_store!(
            field.key,
            |store| fill_flags(c, parse, lookup, start, block, slow, store),
            fill_flags(c, parse, lookup, start, block, slow, set)
        ),
        // Grading does not read the id: only its length is checked.
        Setter::Id => match &col.values {
            Values::Str(strings) => fill_lengths(strings, col, start, slow, ID_CAPACITY),
            _ => fill_strings(col, start, block, slow, |_, t| t.len() <= ID_CAPACITY),
        },
        // The text as given is within the limit: scanned as the core's
        // parser scans it (see `record`); a longer one is its row's error.
        Setter::Text => fill_strings(col, start, block, slow, |c, t| {
            if t.len() <= record::TEXT_MAX_BYTES {
                c.add_text(t);
                true
            } else {
                false
            }
        }),
        Setter::CoreOnly => all_slow(col, start, slow),
    }
}

/// Reads a list field: lists of codes, comma-separated strings, or a
/// dictionary of those.
#[inline(always)]
fn fill_flags(
    c: &RecordColumn<'_, '_>,
    parse: fn(&str) -> Option<u8>,
    lookup: Option<&CodeLookup>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: impl Fn(&mut Complaint, u16),
) {
    let col = c.col;
    match (&col.values, &c.entries) {
        (Values::List { offsets, child }, _) => fill_lists(
            offsets,
            child,
            c.entries.as_ref().map(|e| &e.values[..]),
            col,
            start,
            block,
            slow,
            parse,
            lookup,
            set,
        ),
        (Values::Dict { keys, .. }, Some(entries)) => with_keys!(
            keys,
            |k| fill_dict(k, entries, col, start, block, slow, &set),
            all_slow(col, start, slow)
        ),
        (Values::Str(strings), _) if lookup.is_some() => {
            let Some(lookup) = lookup else { return };
            // One code, the common case, is matched as a whole; anything
            // else is split.
            let valid = Bits::valid(col, start, block.len());
            let mut i = 0;
            for ((cs, ss), mut w) in block.chunks_mut(64).zip(slow.chunks_mut(64)).zip(valid.0) {
                for (c, s) in cs.iter_mut().zip(ss.iter_mut()) {
                    if w & 1 == 1 {
                        let r = start + i;
                        let bits = match lookup.get_at(strings, r) {
                            Some(ix) => 1u16.checked_shl(u32::from(ix)),
                            None => strings
                                .get(r)
                                .and_then(|t| split_bits(t, parse, Some(lookup))),
                        };
                        match bits {
                            Some(b) => set(c, b),
                            None => *s = true,
                        }
                    }
                    w >>= 1;
                    i += 1;
                }
            }
        }
        _ => fill_strings(col, start, block, slow, |c, t| {
            match split_bits(t, parse, lookup) {
                Some(b) => {
                    set(c, b);
                    true
                }
                None => false,
            }
        }),
    }
}

/// Reads a column of lists of codes (plain strings or a dictionary of
/// strings, whose entries are then `entries`, as bits).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn fill_lists(
    offsets: &Offsets<'_>,
    child: &Column<'_>,
    entries: Option<&[u32]>,
    col: &Column<'_>,
    start: usize,
    block: &mut [Complaint],
    slow: &mut [bool],
    parse: fn(&str) -> Option<u8>,
    lookup: Option<&CodeLookup>,
    set: impl Fn(&mut Complaint, u16),
) {
    let bit = |ix: Option<u8>| match ix.and_then(|ix| 1u16.checked_shl(u32::from(ix))) {
        Some(b) => u32::from(b),
        None => ENTRY_SLOW,
    };
    // One element as a bit, or ENTRY_SLOW.
    let element = |j: usize| -> u32 {
        if !child.is_valid(j) {
            return ENTRY_SLOW;
        }
        match (&child.values, entries) {
            (Values::Str(strings), _) => match lookup {
                Some(l) => bit(l.get_at(strings, j)),
                None => bit(strings.get(j).and_then(parse)),
            },
            (Values::Dict { keys, values }, Some(entries)) => match dict_key(keys, values, j) {
                // A null entry is a null element: the core's to judge.
                Some(k) if present(values, k) => entries.get(k).copied().unwrap_or(ENTRY_SLOW),
                _ => ENTRY_SLOW,
            },
            _ => ENTRY_SLOW,
        }
    };
    // Elements `from..from + out.len()`, one loop per layout.
    let decode = |from: usize, out: &mut [u32]| match (&child.values, lookup) {
        (Values::Str(strings), Some(l)) if child.validity().is_none() => {
            for (j, o) in out.iter_mut().enumerate() {
                *o = bit(l.get_at(strings, from + j));
            }
        }
        _ => {
            for (j, o) in out.iter_mut().enumerate() {
                *o = element(from + j);
            }
        }
    };
    match (&child.values, entries) {
        (Values::Str(_) | Values::Null | Values::Dict { .. }, _) => {}
        _ => return all_slow(col, start, slow),
    }
    let valid = Bits::valid(col, start, block.len());
    let done = match offsets {
        Offsets::I32(o) => list_rows(o, start, &decode, &valid, block, slow, &set),
        Offsets::I64(o) => list_rows(o, start, &decode, &valid, block, slow, &set),
    };
    if done {
        return;
    }
    // Offsets spanning too many elements for one pass: row by row.
    let mut w = 0;
    for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
        if i % 64 == 0 {
            w = valid.0.get(i / 64).copied().unwrap_or(0);
        }
        let present = w & 1 == 1;
        w >>= 1;
        let Some((from, to)) = offsets.range(start + i) else {
            *s |= present;
            continue;
        };
        let mut acc = 0u32;
        if to - from > LIST_FAST_LIMIT {
            acc = ENTRY_SLOW;
        } else {
            for j in from..to {
                acc |= element(j);
            }
        }
        let acc = select_unpredictable(present, acc, 0);
        *s |= acc & ENTRY_SLOW != 0;
        set(c, acc as u16);
    }
}

/// Size of the buffer of one block's list elements (a power of two): a
/// block whose lists hold more elements than fit, with two to spare, is
/// read row by row.
const ELEMENTS: usize = 2 * BLOCK;

/// Reads the lists of a block in two passes: every element of the block
/// (`decode(from, out)`: each a bit, or [`ENTRY_SLOW`]), then each row's bits, without
/// a branch for lists of up to two elements. `false` (nothing done) if the
/// offsets do not rise or the block's lists hold too many elements.
#[inline(always)]
fn list_rows<O: Int>(
    offsets: &[O],
    start: usize,
    decode: &impl Fn(usize, &mut [u32]),
    valid: &Bits,
    block: &mut [Complaint],
    slow: &mut [bool],
    set: &impl Fn(&mut Complaint, u16),
) -> bool {
    let m = block.len();
    let Some(offsets) = offsets.get(start..=start + m) else {
        return false;
    };
    let (Some(first), Some(end)) = (offsets.first(), offsets.last()) else {
        return false;
    };
    let ((first, first_ok), (end, end_ok)) = (first.widen(), end.widen());
    if !first_ok || !end_ok || end < first || end - first > (ELEMENTS - 2) as u64 {
        return false;
    }
    // Rising offsets from `first`: every range lies in first..=end.
    let rising = offsets
        .windows(2)
        .fold(true, |ok, w| ok & (w[0].widen().0 <= w[1].widen().0));
    if !rising {
        return false;
    }
    let n = (end - first) as usize;
    // Zeros past the last element: the second element of an empty or
    // one-element list at the end reads one of them.
    let mut bits = [0u32; ELEMENTS];
    if let Some(out) = bits.get_mut(..n) {
        decode(first as usize, out);
    }
    // The bits of row `i`'s list, or ENTRY_SLOW.
    let list = |i: usize| -> u32 {
        let (Some(a), Some(b)) = (offsets.get(i), offsets.get(i + 1)) else {
            return ENTRY_SLOW;
        };
        let (a, b) = (a.widen().0, b.widen().0);
        let (rel, len) = ((a - first) as usize, b - a);
        let mut acc = select_unpredictable(len >= 1, bits[rel % ELEMENTS], 0)
            | select_unpredictable(len >= 2, bits[(rel + 1) % ELEMENTS], 0);
        if len > 2 {
            if len > LIST_FAST_LIMIT as u64 {
                acc = ENTRY_SLOW;
            } else {
                for b in bits.get(rel + 2..rel + len as usize).unwrap_or(&[]) {
                    acc |= b;
                }
            }
        }
        acc
    };
    if valid.sparse(m) {
        // A null row keeps the default the block was reset to.
        valid.each_set(m, |i| {
            if let (Some(c), Some(s)) = (block.get_mut(i), slow.get_mut(i)) {
                let acc = list(i);
                *s |= acc & ENTRY_SLOW != 0;
                set(c, acc as u16);
            }
        });
        return true;
    }
    for (i, (c, s)) in block.iter_mut().zip(slow.iter_mut()).enumerate() {
        let present = (valid.0[(i >> 6) % (BLOCK / 64)] >> (i & 63)) & 1 == 1;
        let acc = select_unpredictable(present, list(i), 0);
        *s |= acc & ENTRY_SLOW != 0;
        set(c, acc as u16);
    }
    true
}

/// Grades every row of the batches into `out`, rows numbered from 0 across
/// batches. With `collect`, rows in error are cleared in `out.valid` and
/// returned; otherwise the first error is returned at once. `stop` is
/// asked, on the calling thread only, whether to stop (once a block, or
/// every [`signals::INTERVAL`] while other threads grade); if it says so the
/// grading ends with [`Stop::Interrupted`].
pub fn run(
    plans: &[Plan<'_, '_>],
    policy: &Policy,
    out: Outputs<'_>,
    collect: bool,
    threads: usize,
    stop: &mut dyn FnMut() -> bool,
) -> Result<Vec<RowError>, Stop> {
    let n: usize = plans.iter().map(|p| p.len).sum();
    // Shares of whole bitmap bytes, and not so small that starting a
    // thread costs more than it saves.
    let threads = threads.clamp(1, n.div_ceil(16 * 1024).max(1));
    if threads == 1 {
        return run_rows(plans, policy, out, collect, 0, n, stop);
    }
    let share = n.div_ceil(threads).div_ceil(8) * 8;
    let halt = AtomicBool::new(false);
    let results: Vec<Result<Vec<RowError>, Stop>> = std::thread::scope(|scope| {
        let (done, finished) = std::sync::mpsc::channel::<()>();
        let mut handles = Vec::with_capacity(threads);
        let mut rest = out;
        let mut from = 0;
        while from < n {
            let to = (from + share).min(n);
            let (mine, others) = rest.split_front(to - from);
            rest = others;
            let (done, halt) = (done.clone(), &halt);
            handles.push(scope.spawn(move || {
                let mut halted = || halt.load(Ordering::Relaxed);
                let result = run_rows(plans, policy, mine, collect, from, to, &mut halted);
                let _ = done.send(());
                result
            }));
            from = to;
        }
        drop(done);
        // The calling thread watches for a stop while the others grade.
        let mut running = handles.len();
        while running > 0 {
            match finished.recv_timeout(signals::INTERVAL) {
                Ok(()) => running -= 1,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    if stop() {
                        halt.store(true, Ordering::Relaxed);
                    }
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            }
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
    if halt.load(Ordering::Relaxed) {
        return Err(Stop::Interrupted);
    }
    let mut errors = Vec::new();
    let mut first: Option<RowError> = None;
    for r in results {
        match r {
            Ok(mut e) => errors.append(&mut e),
            Err(Stop::Row(e)) => {
                if first.as_ref().is_none_or(|f| e.row < f.row) {
                    first = Some(*e);
                }
            }
            Err(Stop::Interrupted) => return Err(Stop::Interrupted),
        }
    }
    match first {
        Some(e) => Err(Stop::Row(Box::new(e))),
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
    stop: &mut dyn FnMut() -> bool,
) -> Result<Vec<RowError>, Stop> {
    let out = &mut out;
    let mut errors = Vec::new();
    // A small frame needs no whole block.
    let mut block: Vec<Complaint> = vec![Complaint::DEFAULT; BLOCK.min(to - from)];
    let mut slow = [false; BLOCK];
    let mut buf = Vec::with_capacity(1024);
    let mut assessment = Assessment::EMPTY;
    let mut base = 0usize;
    for plan in plans {
        let lo = from.saturating_sub(base).min(plan.len);
        let hi = to.saturating_sub(base).min(plan.len);
        let mut start = lo;
        while start < hi {
            if stop() {
                return Err(Stop::Interrupted);
            }
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
                    fill_column(c, start, block, slow);
                }
            }
            for i in 0..m {
                let r = start + i;
                let row = base + r;
                if slow[i] {
                    let text = row_record_json(plan, r, &mut buf);
                    match record::parse(&buf, text) {
                        Ok(c) => block[i] = c,
                        Err(error) => {
                            let e = RowError {
                                row,
                                error,
                                input: Input::Record,
                            };
                            if !collect {
                                return Err(Stop::Row(Box::new(e)));
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
                                return Err(Stop::Row(Box::new(e)));
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
                        a.suggested_category,
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
                        d.suggested_category,
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
    category: Option<complaint_triage::Category>,
) {
    let row = row - out.origin;
    if let Some(slot) = out.category.get_mut(row) {
        *slot = category.map_or(0, |c| c.index() + 1);
    }
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

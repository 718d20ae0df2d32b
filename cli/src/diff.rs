//! `diff`: what grading a JSON Lines file by a new policy instead of an old
//! one changes, as the summary Python's `compare_policies(...).summary()`
//! prints.
//!
//! Each line is graded twice by the core and forgotten: only counters are
//! kept (tables sized by the vocabularies, one counter per factor, the
//! priorities seen), so memory does not grow with the input.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufRead, Write};

use complaint_triage::{
    assess_into, parse_complaint, write_policy_json, Assessment, Dimension, Grade, ParseError,
    Policy, Tier, FACTORS, FACTOR_COUNT, RECORD_LIMITS,
};
use serde_json::Value;

use crate::lines::{is_blank, Line, LineReader};
use crate::terminal::escape;

/// Rows counted by their value under the old policy and the new one.
struct Transitions {
    name: &'static str,
    labels: Vec<String>,
    /// `counts[i * labels.len() + j]`: rows that were `labels[i]` and are `labels[j]`.
    counts: Vec<u64>,
}

impl Transitions {
    fn of_codes(name: &'static str, codes: &[&str]) -> Self {
        Transitions {
            name,
            labels: codes.iter().map(|c| c.to_string()).collect(),
            counts: vec![0; codes.len() * codes.len()],
        }
    }

    fn moved(&self) -> u64 {
        let k = self.labels.len();
        (0..k * k)
            .filter(|i| i / k != i % k)
            .map(|i| self.counts[i])
            .sum()
    }

    fn before(&self, i: usize) -> u64 {
        let k = self.labels.len();
        self.counts[i * k..(i + 1) * k].iter().sum()
    }

    fn after(&self, j: usize) -> u64 {
        let k = self.labels.len();
        (0..k).map(|i| self.counts[i * k + j]).sum()
    }

    fn print(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(
            out,
            "{} (rows: before, columns: after), {} moved",
            self.name,
            self.moved()
        )?;
        let width = self
            .labels
            .iter()
            .map(String::len)
            .chain(self.counts.iter().map(|c| c.to_string().len()))
            .chain([self.name.len()])
            .max()
            .unwrap_or(0);
        let row = |out: &mut dyn Write, cells: &mut dyn Iterator<Item = String>| {
            let cells: Vec<String> = cells.map(|c| format!("{c:>width$}")).collect();
            writeln!(out, "  {}", cells.join(" "))
        };
        row(
            out,
            &mut std::iter::once(String::new()).chain(self.labels.iter().cloned()),
        )?;
        let k = self.labels.len();
        for (i, label) in self.labels.iter().enumerate() {
            row(
                out,
                &mut std::iter::once(label.clone())
                    .chain(self.counts[i * k..(i + 1) * k].iter().map(u64::to_string)),
            )?;
        }
        Ok(())
    }
}

/// The counters of a comparison.
struct Comparison {
    rows: u64,
    moved: u64,
    errors: u64,
    grade: Transitions,
    tier: Transitions,
    /// Priorities are numbers: counted by pair, labelled by those seen.
    priority: BTreeMap<(u8, u8), u64>,
    priorities_seen: BTreeSet<u8>,
    /// Rows past the first response, then the resolution deadline: before, after.
    past: [[u64; 2]; 2],
    /// Moved rows whose points changed, per factor.
    factors: [u64; FACTOR_COUNT],
}

/// Grades every line of `input` under `old` and `new` and prints the
/// summary; unreadable lines are printed in their place (`line N: error`)
/// and counted in `failed`.
pub fn diff(
    input: impl BufRead,
    old: &Policy,
    new: &Policy,
    failed: &mut usize,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut c = Comparison {
        rows: 0,
        moved: 0,
        errors: 0,
        grade: Transitions::of_codes("grade", Grade::CODES),
        tier: Transitions::of_codes("tier", Tier::CODES),
        priority: BTreeMap::new(),
        priorities_seen: BTreeSet::new(),
        past: [[0; 2]; 2],
        factors: [0; FACTOR_COUNT],
    };
    let mut reader = LineReader::new(input, RECORD_LIMITS.max_bytes);
    let (mut a, mut b) = (Assessment::EMPTY, Assessment::EMPTY);
    while let Some((number, line)) = reader.next_line()? {
        let parsed = match line {
            Line::Text(t) if is_blank(t) => continue,
            Line::Text(t) => parse_complaint(t),
            Line::TooLong => Err(ParseError::too_large(RECORD_LIMITS.max_bytes)),
        };
        let complaint = match parsed {
            Ok(complaint) => complaint,
            Err(e) => {
                *failed += 1;
                c.errors += 1;
                writeln!(out, "line {number}: {}", escape(&e.to_string()))?;
                continue;
            }
        };
        assess_into(&complaint, old, &mut a);
        assess_into(&complaint, new, &mut b);
        c.add(u64::from(complaint.hours_open), &a, &b);
    }
    c.print(&policy_changes(old, new)?, out)
}

impl Comparison {
    fn add(&mut self, hours_open: u64, a: &Assessment, b: &Assessment) {
        self.rows += 1;
        let grades = Grade::COUNT;
        self.grade.counts[a.grade as usize * grades + b.grade as usize] += 1;
        let tiers = Tier::COUNT;
        self.tier.counts[a.tier as usize * tiers + b.tier as usize] += 1;
        *self.priority.entry((a.priority, b.priority)).or_insert(0) += 1;
        self.priorities_seen.extend([a.priority, b.priority]);
        for (i, x) in [a, b].into_iter().enumerate() {
            self.past[0][i] += u64::from(hours_open * 60 > u64::from(x.first_response_minutes));
            self.past[1][i] += u64::from(hours_open > u64::from(x.resolution_hours));
        }
        if (a.grade, a.tier, a.priority) == (b.grade, b.tier, b.priority) {
            return;
        }
        self.moved += 1;
        let (before, after) = (points_by_factor(a), points_by_factor(b));
        for (count, (x, y)) in self.factors.iter_mut().zip(before.iter().zip(&after)) {
            *count += u64::from(x != y);
        }
    }

    fn print(&self, changes: &[(String, Value, Value)], out: &mut impl Write) -> io::Result<()> {
        writeln!(
            out,
            "{} rows compared, {} moved, {} in error",
            self.rows, self.moved, self.errors
        )?;
        writeln!(out, "policy: {} values differ", changes.len())?;
        for (path, old, new) in changes {
            writeln!(out, "  {}: {old} -> {new}", escape(path))?;
        }
        self.grade.print(out)?;
        self.tier.print(out)?;
        self.priority_transitions().print(out)?;
        let tiers: Vec<String> = (0..Tier::COUNT)
            .map(|i| {
                format!(
                    "{} {} -> {}",
                    self.tier.labels[i],
                    self.tier.before(i),
                    self.tier.after(i)
                )
            })
            .collect();
        writeln!(out, "rows per tier: {}", tiers.join(", "))?;
        for (name, [before, after]) in ["first_response_minutes", "resolution_hours"]
            .iter()
            .zip(self.past)
        {
            writeln!(
                out,
                "past {name}: {before} ({}) -> {after} ({})",
                percent(before, self.rows),
                percent(after, self.rows)
            )?;
        }
        let mut factors: Vec<(u64, &str)> = FACTORS
            .iter()
            .zip(self.factors)
            .filter(|(_, n)| *n > 0)
            .map(|(f, n)| (n, f.code))
            .collect();
        factors.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(y.1)));
        if !factors.is_empty() {
            writeln!(out, "factors whose points changed for moved rows:")?;
            for (n, code) in factors {
                writeln!(out, "  {code}: {n}")?;
            }
        }
        Ok(())
    }

    fn priority_transitions(&self) -> Transitions {
        let labels: Vec<u8> = self.priorities_seen.iter().copied().collect();
        let k = labels.len();
        let mut counts = vec![0; k * k];
        for (&(x, y), &n) in &self.priority {
            let at = |p: u8| labels.iter().position(|&l| l == p).unwrap_or(0);
            counts[at(x) * k + at(y)] += n;
        }
        Transitions {
            name: "priority",
            labels: labels.iter().map(u8::to_string).collect(),
            counts,
        }
    }
}

/// Each factor's points in each dimension in an assessment (0 where it did
/// not apply).
fn points_by_factor(a: &Assessment) -> [[i32; Dimension::COUNT]; FACTOR_COUNT] {
    let mut out = [[0; Dimension::COUNT]; FACTOR_COUNT];
    for reason in a.reasons() {
        if let Some(row) = out.get_mut(reason.factor.index()) {
            row[reason.dimension as usize] += i32::from(reason.points);
        }
    }
    out
}

/// `part / whole` as a percentage with one decimal, rounded half up in
/// integers (as the Python summary rounds it).
fn percent(part: u64, whole: u64) -> String {
    let tenths = if whole == 0 {
        0
    } else {
        (part * 2000 + whole) / (2 * whole)
    };
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// Every value that differs between the two policies' JSON, by path (keys
/// and list positions joined by dots), in path order: the policy is walked
/// as data, so any key, present or future, is compared.
fn policy_changes(old: &Policy, new: &Policy) -> io::Result<Vec<(String, Value, Value)>> {
    let json = |p: &Policy| -> io::Result<Value> {
        let mut buf = vec![0u8; 64 * 1024];
        let n = write_policy_json(p, &mut buf).map_err(io::Error::other)?;
        serde_json::from_slice(&buf[..n]).map_err(io::Error::other)
    };
    let mut out = Vec::new();
    walk(&json(old)?, &json(new)?, &mut Vec::new(), &mut out);
    Ok(out)
}

fn walk(old: &Value, new: &Value, path: &mut Vec<String>, out: &mut Vec<(String, Value, Value)>) {
    match (old, new) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for key in keys {
                path.push(key.clone());
                let missing = Value::Null;
                walk(
                    x.get(key).unwrap_or(&missing),
                    y.get(key).unwrap_or(&missing),
                    path,
                    out,
                );
                path.pop();
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (a, b)) in x.iter().zip(y).enumerate() {
                path.push(i.to_string());
                walk(a, b, path, out);
                path.pop();
            }
        }
        _ if old != new => out.push((path.join("."), old.clone(), new.clone())),
        _ => {}
    }
}

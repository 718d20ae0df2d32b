//! Counterfactuals: the nearest single change of a record field that would
//! move a complaint to another grade or tier ("frontline if emotion were
//! 4").
//!
//! Found by grading variations of the complaint, one field at a time, with
//! the policy given: the fields and their accepted values are those of the
//! record contract ([`RECORD_CONTRACT`]), so a field added to the contract
//! is tried without a change here, and every answer is the grading's own.

use core::fmt::{self, Write};

use crate::assess::decide_only;
use crate::codes::{Grade, Tier};
use crate::contract::{FieldKind, FieldSpec, RECORD_CONTRACT};
use crate::{Complaint, Policy};

/// One change of one record field that moves a complaint to another grade
/// or tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Counterfactual {
    /// The field changed.
    pub field: &'static FieldSpec,
    /// Its value now, as the contract counts it (see
    /// [`Complaint::field_number`]): the integer, the code's index, the
    /// list's bits, 0 or 1.
    pub from: u64,
    /// The value that moves the complaint, counted the same way.
    pub to: u64,
    /// The grade with that value.
    pub grade: Grade,
    /// The tier with that value.
    pub tier: Tier,
}

/// Most counterfactuals one complaint has: two per record field (the
/// nearest value below and above for an integer, one code removed and one
/// added for a list).
pub const MAX_COUNTERFACTUALS: usize = 2 * RECORD_CONTRACT.len();

/// Calls `each` with the counterfactuals of `complaint` under `policy`, in
/// contract order:
///
/// - an integer field: the nearest value below and the nearest above that
///   move it (found by doubling the step from the current value, then
///   halving back to the boundary: the nearest boundary whenever the grade
///   and tier only change once between two tried values);
/// - a code field: the first other code, in vocabulary order, that moves it;
/// - a boolean field: the other value, if it moves it;
/// - a list field: the first code whose removal, and the first whose
///   addition, moves it.
///
/// "Moves" means another grade or another tier. The id and the text are
/// not tried. At most [`MAX_COUNTERFACTUALS`] calls; no heap.
///
/// ```
/// use complaint_triage::{counterfactuals, Complaint, Policy};
///
/// let calm = Complaint { emotion: 2, ..Complaint::DEFAULT };
/// let mut found = 0;
/// counterfactuals(&calm, &Policy::DEFAULT, |c| {
///     assert_ne!(c.from, c.to);
///     found += 1;
/// });
/// assert!(found > 0);
/// ```
pub fn counterfactuals(
    complaint: &Complaint,
    policy: &Policy,
    mut each: impl FnMut(Counterfactual),
) {
    let base = outcome(complaint, policy);
    let mut variant = complaint.clone();
    for field in RECORD_CONTRACT {
        let Some(from) = complaint.field_number(field.name) else {
            continue;
        };
        let mut found = |to: u64, (grade, tier): (Grade, Tier)| {
            each(Counterfactual {
                field,
                from,
                to,
                grade,
                tier,
            })
        };
        let mut tried = Tried {
            variant: &mut variant,
            field,
            policy,
            base,
        };
        match field.kind {
            FieldKind::Int => {
                if let Some(hit) = tried.nearest(from, Direction::Down) {
                    found(hit.0, hit.1);
                }
                if let Some(hit) = tried.nearest(from, Direction::Up) {
                    found(hit.0, hit.1);
                }
            }
            FieldKind::Code | FieldKind::Bool => {
                let hit = (field.min..=field.max)
                    .filter(|&v| v != from)
                    .find_map(|v| tried.moved(v).map(|o| (v, o)));
                if let Some((to, o)) = hit {
                    found(to, o);
                }
            }
            FieldKind::List => {
                let bits = (0..u64::BITS)
                    .map(|b| 1u64 << b)
                    .filter(|b| field.max & b != 0);
                for present in [true, false] {
                    let hit = bits
                        .clone()
                        .filter(|b| (from & b != 0) == present)
                        .find_map(|b| tried.moved(from ^ b).map(|o| (from ^ b, o)));
                    if let Some((to, o)) = hit {
                        found(to, o);
                    }
                }
            }
            FieldKind::Id | FieldKind::Text => {}
        }
        // Back to the complaint as given for the next field.
        variant.set_field_number(field.name, from);
    }
}

fn outcome(complaint: &Complaint, policy: &Policy) -> (Grade, Tier) {
    let d = decide_only(complaint, policy);
    (d.grade, d.tier)
}

#[derive(Clone, Copy)]
enum Direction {
    Down,
    Up,
}

/// Variations of one field of a complaint.
struct Tried<'a> {
    variant: &'a mut Complaint,
    field: &'static FieldSpec,
    policy: &'a Policy,
    base: (Grade, Tier),
}

impl Tried<'_> {
    /// The outcome with the field set to `value`, if it differs from the
    /// complaint's (and the value is one the field accepts).
    fn moved(&mut self, value: u64) -> Option<(Grade, Tier)> {
        if !self.variant.set_field_number(self.field.name, value) {
            return None;
        }
        let o = outcome(self.variant, self.policy);
        (o != self.base).then_some(o)
    }

    /// The nearest value from `from` in `direction` that moves the
    /// complaint: steps double until one does, then the gap between the
    /// last value that did not and the first that did is halved down to
    /// adjacent values.
    fn nearest(&mut self, from: u64, direction: Direction) -> Option<(u64, (Grade, Tier))> {
        let (min, max) = (self.field.min, self.field.max);
        let toward = |v: u64, step: u64| match direction {
            Direction::Down => v
                .checked_sub(step)
                .filter(|&x| x >= min)
                .or((v > min).then_some(min)),
            Direction::Up => v
                .checked_add(step)
                .filter(|&x| x <= max)
                .or((v < max).then_some(max)),
        };
        let mut same = from;
        let mut step = 1u64;
        let (mut hit, mut hit_outcome) = loop {
            let probe = toward(same, step)?;
            if let Some(o) = self.moved(probe) {
                break (probe, o);
            }
            same = probe;
            step = step.saturating_mul(2);
        };
        // `same` keeps the complaint's outcome, `hit` does not.
        while same.abs_diff(hit) > 1 {
            let mid = same.min(hit) + same.abs_diff(hit) / 2;
            match self.moved(mid) {
                Some(o) => (hit, hit_outcome) = (mid, o),
                None => same = mid,
            }
        }
        Some((hit, hit_outcome))
    }
}

/// The value `number` of `field` as a record would spell it: the integer,
/// the code, `true`/`false`; for a list, its codes joined by commas (or
/// `[]`).
pub fn write_field_value(field: &FieldSpec, number: u64, out: &mut impl Write) -> fmt::Result {
    let codes = field.vocabulary.map_or(&[][..], |v| v.codes);
    match field.kind {
        FieldKind::Code => {
            let i = usize::try_from(number).ok();
            match i.and_then(|i| codes.get(i)) {
                Some(code) => out.write_str(code),
                None => write!(out, "{number}"),
            }
        }
        FieldKind::List => {
            let mut first = true;
            for (i, code) in codes.iter().enumerate() {
                if i < 64 && number & (1u64 << i) != 0 {
                    if !first {
                        out.write_str(",")?;
                    }
                    out.write_str(code)?;
                    first = false;
                }
            }
            if first {
                out.write_str("[]")?;
            }
            Ok(())
        }
        FieldKind::Bool => out.write_str(if number == 0 { "false" } else { "true" }),
        FieldKind::Int | FieldKind::Id | FieldKind::Text => write!(out, "{number}"),
    }
}

/// Writes the counterfactuals of `complaint` under `policy`, one line
/// each after a heading (`what would move it:`), or a line saying there is
/// none: `emotion 4 (now 8): grade moderate, tier specialist`. The command
/// line's `explain` and the bindings print this text.
///
/// # Errors
/// Only those of `out`.
pub fn write_counterfactuals(
    complaint: &Complaint,
    policy: &Policy,
    out: &mut impl Write,
) -> fmt::Result {
    let mut result = Ok(());
    let mut any = false;
    counterfactuals(complaint, policy, |c| {
        if result.is_err() {
            return;
        }
        if !any {
            result = out.write_str("  what one change of a field would move it to:\n");
            any = true;
        }
        result = result.and_then(|()| write_line(&c, out));
    });
    result?;
    if !any {
        out.write_str("  no change of a single field moves it to another grade or tier\n")?;
    }
    Ok(())
}

fn write_line(c: &Counterfactual, out: &mut impl Write) -> fmt::Result {
    write!(out, "    {} ", c.field.name)?;
    match c.field.kind {
        FieldKind::List => {
            let (sign, bits) = if c.to > c.from {
                ("+", c.to & !c.from)
            } else {
                ("-", c.from & !c.to)
            };
            out.write_str(sign)?;
            write_field_value(c.field, bits, out)?;
        }
        _ => {
            write_field_value(c.field, c.to, out)?;
            out.write_str(" (now ")?;
            write_field_value(c.field, c.from, out)?;
            out.write_str(")")?;
        }
    }
    writeln!(
        out,
        ": grade {} ({}), tier {} ({})",
        c.grade.code(),
        c.grade.name_zh(),
        c.tier.code(),
        c.tier.name_zh()
    )
}

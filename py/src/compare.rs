//! The reasons two policies give one record, compared: what
//! `compare_policies` shows for each row that moved. Only the core's
//! reason rows are read; nothing is scored here.

use complaint_triage::{Assessment, Dimension, FACTOR_COUNT};

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

/// The (factor, dimension, old points, new points) where the two
/// assessments of one record differ, factor by factor in the order of the
/// points table, dimensions in their order.
pub fn point_changes(
    a: &Assessment,
    b: &Assessment,
) -> Vec<(&'static str, &'static str, i32, i32)> {
    let (x, y) = (points_by_factor(a), points_by_factor(b));
    let mut out = Vec::new();
    for (f, (px, py)) in x.iter().zip(&y).enumerate() {
        for d in Dimension::ALL {
            let (old, new) = (px[*d as usize], py[*d as usize]);
            if old != new {
                let code = complaint_triage::FACTORS.get(f).map_or("", |i| i.code);
                out.push((code, d.code(), old, new));
            }
        }
    }
    out
}

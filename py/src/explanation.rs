//! A readable breakdown of an assessment: the core's own text, the same
//! as the command-line `explain`.

use complaint_triage::{write_explanation, Assessment};

/// The breakdown: grade, tier, priority and deadlines, the levels, the
/// claim check, every reason by dimension, and the playbook.
pub fn explanation(a: &Assessment) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_explanation(a, &mut out);
    out
}

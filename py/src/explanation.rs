//! A readable breakdown of an assessment: the core's own text, the same
//! as the command-line `explain`.

use complaint_triage::{
    assess, write_counterfactuals, write_explanation, write_text_evidence, Assessment, Complaint,
    Policy,
};

/// The breakdown: grade, tier, priority and deadlines, the levels, the
/// claim check, every reason by dimension, and the playbook.
pub fn explanation(a: &Assessment) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_explanation(a, &mut out);
    out
}

/// The breakdown of `complaint` graded with `policy`, the words of its
/// `text` each text-derived reason came from, then what one change of a
/// single field would move it to: the command line's `explain` text.
pub fn with_counterfactuals(complaint: &Complaint, text: Option<&str>, policy: &Policy) -> String {
    let a = assess(complaint, policy);
    let mut out = explanation(&a);
    if let Some(text) = text {
        // Writing to a String cannot fail.
        let _ = write_text_evidence(&a, text, &mut out);
    }
    // Writing to a String cannot fail.
    let _ = write_counterfactuals(complaint, policy, &mut out);
    out
}

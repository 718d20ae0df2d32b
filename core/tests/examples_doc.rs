//! `examples/README.md` states, for every record of
//! `examples/complaints.jsonl`, the grade, tier and priority the default
//! rubric gives it and why that is right. This test grades every record and
//! checks the README says what comes out, so that a rubric change which
//! moves an example cannot leave its explanation behind: the explanation
//! is rewritten (or the change reconsidered) in the same commit.

use std::collections::BTreeMap;
use std::path::PathBuf;

use complaint_triage::{assess, parse_complaint, Policy};

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

/// What the README states per example: id -> "grade, tier, P<n>", read from
/// the `**...**` that follows the id at the start of its bullet.
fn stated() -> BTreeMap<String, String> {
    let path = examples_dir().join("README.md");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let Some(rest) = line.strip_prefix("- CT-") else {
            continue;
        };
        let id = format!("CT-{}", &rest[..rest.find(' ').unwrap_or(rest.len())]);
        let id = id.trim_end_matches(':').to_string();
        let grading = line
            .split_once("**")
            .and_then(|(_, after)| after.split_once("**"))
            .map(|(inside, _)| inside.to_string())
            .unwrap_or_else(|| {
                panic!(
                    "examples/README.md line {}: {id} does not state its grading as **grade, tier, P<n>**",
                    n + 1
                )
            });
        assert!(
            out.insert(id.clone(), grading).is_none(),
            "examples/README.md line {}: {id} is described twice",
            n + 1
        );
    }
    out
}

#[test]
fn the_readme_states_the_grading_of_every_example() {
    let path = examples_dir().join("complaints.jsonl");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let stated = stated();
    let mut wrong = Vec::new();
    let mut ids = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let c = parse_complaint(line.as_bytes())
            .unwrap_or_else(|e| panic!("{} line {}: {e}", path.display(), n + 1));
        let a = assess(&c, &Policy::DEFAULT);
        let id = c.id.as_str().to_string();
        let graded = format!("{}, {}, P{}", a.grade.code(), a.tier.code(), a.priority);
        match stated.get(&id) {
            Some(s) if *s == graded => {}
            Some(s) => wrong.push(format!("{id}: README says {s}, the rubric gives {graded}")),
            None => wrong.push(format!(
                "{id}: not in the README (the rubric gives {graded})"
            )),
        }
        ids.push(id);
    }
    for id in stated.keys() {
        if !ids.contains(id) {
            wrong.push(format!("{id}: in the README but not in complaints.jsonl"));
        }
    }
    assert!(
        wrong.is_empty(),
        "examples/README.md disagrees with the rubric; rewrite the explanation of each:\n{}",
        wrong.join("\n")
    );
}

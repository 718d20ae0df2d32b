//! `diff`: the summary of what a policy change moves, checked against
//! `score` run under each policy.

mod common;

use std::collections::BTreeMap;
use std::io::Write;

use common::{bin, json_lines, repo};
use predicates::prelude::*;
use serde_json::Value;

fn examples() -> std::path::PathBuf {
    repo("examples/complaints.jsonl")
}

fn policy_file(json: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(json.as_bytes()).unwrap();
    f
}

/// Each example's assessment under a policy, as `score` prints it.
fn scored(policy: Option<&std::path::Path>) -> Vec<Value> {
    let mut cmd = bin();
    cmd.arg("score");
    if let Some(p) = policy {
        cmd.arg("--policy").arg(p);
    }
    json_lines(&cmd.arg(examples()).assert().success().get_output().stdout)
}

fn diff(args: &[&std::ffi::OsStr]) -> String {
    let out = bin().arg("diff").args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn a_policy_compared_with_itself_moves_nothing() {
    let text = diff(&[examples().as_os_str()]);
    let rows = scored(None).len();
    assert!(text.starts_with(&format!("{rows} rows compared, 0 moved, 0 in error\n")));
    assert!(text.contains("policy: 0 values differ\n"));
    for name in ["grade", "tier", "priority"] {
        assert!(text.contains(&format!("{name} (rows: before, columns: after), 0 moved\n")));
    }
    assert!(!text.contains("factors whose points changed"));
}

#[test]
fn moved_rows_tiers_and_factors_are_those_score_gives() {
    // The severity points of the factor that applies first to the first
    // example, raised to the documented maximum.
    let first = &scored(None)[0];
    let factor = first["reasons"][0]["factor"].as_str().unwrap().to_string();
    let new = policy_file(&format!(
        r#"{{"points": {{"{factor}": {{"severity": 100}}}}}}"#
    ));
    let (before, after) = (scored(None), scored(Some(new.path())));
    let key = |v: &Value| (v["grade"].clone(), v["tier"].clone(), v["priority"].clone());
    let moved = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| key(a) != key(b))
        .count();
    assert!(moved > 0, "the change must move some example");
    let text = diff(&[
        "--new".as_ref(),
        new.path().as_os_str(),
        examples().as_os_str(),
    ]);
    assert!(
        text.starts_with(&format!(
            "{} rows compared, {moved} moved, 0 in error\n",
            before.len()
        )),
        "{text}"
    );
    assert!(text.contains("policy: 1 values differ\n"));
    assert!(text.contains(&format!("  points.{factor}.severity: ")));
    assert!(text.contains(&format!(
        "factors whose points changed for moved rows:\n  {factor}: {moved}\n"
    )));
    let per_tier = |graded: &[Value]| {
        let mut counts = BTreeMap::new();
        for v in graded {
            *counts
                .entry(v["tier"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
        }
        counts
    };
    let (b, a) = (per_tier(&before), per_tier(&after));
    for tier in ["frontline", "specialist", "management"] {
        let expected = format!(
            "{tier} {} -> {}",
            b.get(tier).unwrap_or(&0),
            a.get(tier).unwrap_or(&0)
        );
        assert!(text.contains(&expected), "{expected} in {text}");
    }
}

#[test]
fn rows_past_a_deadline_are_counted_before_and_after() {
    let new = policy_file(r#"{"resolution_hours": [1, 1, 1, 1, 1]}"#);
    let lines = "{\"hours_open\":5}\n{\"hours_open\":0}\n";
    bin()
        .args(["diff", "--new"])
        .arg(new.path())
        .write_stdin(lines)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "past resolution_hours: 0 (0.0%) -> 1 (50.0%)\n",
        ))
        .stdout(predicate::str::contains(
            "past first_response_minutes: 1 (50.0%) -> 1 (50.0%)\n",
        ));
}

#[test]
fn a_bad_line_is_reported_in_its_place_and_the_others_compared() {
    bin()
        .args(["diff", "-"])
        .write_stdin("{\"emotion\":3}\n{\"emotion\":11}\n\n{}\n")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("line 2: "))
        .stdout(predicate::str::contains("emotion"))
        .stdout(predicate::str::contains(
            "2 rows compared, 0 moved, 1 in error\n",
        ));
}

#[test]
fn a_bad_policy_is_named() {
    let bad = policy_file(r#"{"urgency_levels": [90, 10]}"#);
    bin()
        .args(["diff", "--old"])
        .arg(bad.path())
        .arg(examples())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("urgency_levels"));
}

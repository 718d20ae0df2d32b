//! The command examples of the README run, exactly as written, and print
//! what the README says they print.

mod common;

use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use common::repo;

fn readme() -> String {
    std::fs::read_to_string(repo("README.md")).unwrap()
}

/// The text of the README section headed `heading`.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text.find(heading).unwrap_or_else(|| panic!("{heading}"));
    let rest = &text[start + heading.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// The lines of the `sh` blocks of `text`.
fn sh_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        match line.trim() {
            "```sh" => inside = true,
            "```" => inside = false,
            l if inside && !l.is_empty() => lines.push(line),
            _ => {}
        }
    }
    lines
}

/// Runs each line with `sh` in a scratch directory that sees the
/// repository's examples, the binary first on the PATH; returns the output
/// of each.
fn run_all(lines: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo("examples"), dir.path().join("examples")).unwrap();
    let bin_dir = cargo_bin("complaint-triage").parent().unwrap().to_owned();
    let path = std::env::join_paths(
        std::iter::once(bin_dir).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    lines
        .iter()
        .map(|line| {
            let out = Command::new("sh")
                .arg("-c")
                .arg(line)
                .current_dir(dir.path())
                .env("PATH", &path)
                .env_remove("COLUMNS")
                .output()
                .unwrap();
            assert!(out.status.success(), "{line}: {out:?}");
            String::from_utf8(out.stdout).unwrap()
        })
        .collect()
}

#[test]
fn the_command_line_examples_run_as_written() {
    let text = readme();
    let lines = sh_lines(section(&text, "## The command line"));
    assert!(lines.len() >= 10, "{lines:?}");
    assert!(lines
        .iter()
        .all(|l| l.starts_with("complaint-triage ") || l.starts_with("echo ")));
    let outputs = run_all(&lines);
    for (line, out) in lines.iter().zip(&outputs) {
        if line.contains(" explain ") {
            assert!(out.contains("playbook"), "{line}: {out}");
        }
        if line.contains("--format table") {
            assert!(out.contains("lines shown ("), "{line}: {out}");
        }
        if line.contains(" diff ") {
            let examples = std::fs::read_to_string(repo("examples/complaints.jsonl")).unwrap();
            let rows = examples.lines().filter(|l| !l.trim().is_empty()).count();
            assert!(
                out.contains(&format!("{rows} rows compared, ")),
                "{line}: {out}"
            );
            assert!(out.contains("  urgency_levels.0: "), "{line}: {out}");
        }
        if line.contains(" evaluate ") {
            assert!(
                out.starts_with("{\"line\":1,\"id\":\"c1\",\"score\":"),
                "{out}"
            );
        }
    }
    // The counts the README quotes are the default table's, one line per
    // example record.
    let examples = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/complaints.jsonl"),
    )
    .unwrap();
    let n = examples.lines().count();
    let quoted = format!("`{n} of {n} lines shown ({n} graded, 0 failed, 0 blank)`");
    assert!(text.contains(&quoted), "README.md should quote {quoted}");
    let table = lines
        .iter()
        .position(|l| l.contains("--format table examples/"))
        .unwrap();
    assert!(outputs[table].contains(quoted.trim_matches('`')));
}

#[test]
fn the_policy_examples_run_as_written() {
    let text = readme();
    let lines = sh_lines(section(&text, "## The policy"));
    assert_eq!(lines.len(), 3, "{lines:?}");
    let outputs = run_all(&lines);
    let examples = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/complaints.jsonl"),
    )
    .unwrap();
    assert_eq!(outputs[2].lines().count(), examples.lines().count());
}

#[test]
fn the_priorities_deadlines_are_the_default_policys() {
    let text = readme();
    let table = section(&text, "## What a grade, a tier and a priority mean");
    let out = Command::new(cargo_bin("complaint-triage"))
        .arg("policy")
        .output()
        .unwrap();
    let policy: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for priority in 1..=5usize {
        let first = &policy["first_response_cap_minutes"][priority - 1];
        let resolve = &policy["resolution_hours"][priority - 1];
        let row = format!("| priority {priority} | ");
        let line = table
            .lines()
            .find(|l| l.starts_with(&row))
            .unwrap_or_else(|| panic!("no row for priority {priority}"));
        let says = format!("first response within {first} min, resolved within {resolve} h |");
        assert!(line.ends_with(&says), "{line}\n should end with {says}");
    }
}

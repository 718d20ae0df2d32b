//! A `--policy` file is read only up to the policy limit, 64 KiB.

mod common;

use std::io::Write;
use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use common::{bin, repo};
use predicates::prelude::*;

#[test]
fn an_endless_policy_file_is_refused_at_its_limit() {
    // The limit of the address space turns reading without bound into a
    // failure instead of a machine out of memory.
    Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1000000 && exec \"$0\" score --policy /dev/zero \"$1\"")
        .arg(cargo_bin("complaint-triage"))
        .arg(repo("examples/complaints.jsonl"))
        .output()
        .map(|out| {
            assert_eq!(out.status.code(), Some(2), "{out:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains("/dev/zero"), "{stderr}");
            assert!(stderr.contains("too large"), "{stderr}");
            assert!(stderr.contains("64 KiB"), "{stderr}");
            assert!(out.stdout.is_empty());
        })
        .unwrap();
}

#[test]
fn a_policy_one_byte_over_the_limit_is_refused_with_its_name() {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    // Valid JSON, padded with whitespace to one byte over 64 KiB.
    let body = "{}";
    write!(file, "{body}{}", " ".repeat(64 * 1024 + 1 - body.len())).unwrap();
    let name = file.path().display().to_string();
    bin()
        .args(["policy", "--policy"])
        .arg(file.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(name))
        .stderr(predicate::str::contains("64 KiB"));
}

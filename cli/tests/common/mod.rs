//! What the command-line tests share: the binary, the repository's files,
//! JSON Lines output.

#![allow(dead_code)] // each test file uses its own part

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

/// The binary, with no `COLUMNS` from the environment running the tests.
pub fn bin() -> Command {
    let mut cmd = Command::cargo_bin("complaint-triage").expect("binary is built");
    cmd.env_remove("COLUMNS");
    cmd
}

/// A path in the repository.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
}

/// Each line of `output`, parsed as JSON.
pub fn json_lines(output: &[u8]) -> Vec<Value> {
    std::str::from_utf8(output)
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// The keys of a JSON object, in order of the text `line`.
pub fn keys_in_order(line: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(line).unwrap();
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort_by_key(|k| line.find(&format!("\"{k}\":")).unwrap());
    keys
}

//! Output that cannot be written is reported, never dropped in silence.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin;
use common::repo;

/// A file of `good` graded lines, preceded by one bad line if `bad_first`.
fn many_lines(bad_first: bool, good: usize) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    if bad_first {
        writeln!(file, "{{\"emotion\":11}}").unwrap();
    }
    for i in 0..good {
        writeln!(file, "{{\"id\":\"n{i}\",\"category\":\"billing\"}}").unwrap();
    }
    file
}

#[test]
fn a_closed_standard_output_is_an_error_not_a_success() {
    // `>&-` closes descriptor 1 before the command starts.
    Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" score \"$1\" >&-")
        .arg(cargo_bin("complaint-triage"))
        .arg(repo("examples/complaints.jsonl"))
        .output()
        .map(|out| {
            assert_eq!(out.status.code(), Some(2), "{out:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains("standard output is closed"), "{stderr}");
        })
        .unwrap();
}

#[test]
fn a_full_disk_is_reported_with_status_2() {
    let output = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(cargo_bin("complaint-triage"))
        .arg("score")
        .arg(repo("examples/complaints.jsonl"))
        .stdout(output)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("writing the output"), "{stderr}");
}

/// Reads one line of `score`'s output, closes the pipe, and returns the
/// command's status and standard error.
fn read_one_line_then_close(input: &tempfile::NamedTempFile) -> (Option<i32>, String) {
    let mut child = Command::new(cargo_bin("complaint-triage"))
        .arg("score")
        .arg(input.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with('{'), "{first}");
    // The reader is dropped here: the pipe is closed with most lines unread.
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn a_reader_going_away_keeps_the_status_of_a_failed_line() {
    // 20 000 lines of output are far more than a pipe holds.
    let (code, stderr) = read_one_line_then_close(&many_lines(true, 20_000));
    assert_eq!(code, Some(1), "the first line failed");
    assert_eq!(stderr, "", "a closed pipe ends the run quietly");
}

#[test]
fn a_reader_going_away_after_good_lines_is_a_quiet_success() {
    let (code, stderr) = read_one_line_then_close(&many_lines(false, 20_000));
    assert_eq!(code, Some(0));
    assert_eq!(stderr, "");
}

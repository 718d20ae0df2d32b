//! `explain` on a file of several records: the record is picked by line or
//! id, never silently the first; record text cannot drive the terminal.

mod common;

use common::{bin, repo};
use predicates::prelude::*;

fn examples() -> std::path::PathBuf {
    repo("examples/complaints.jsonl")
}

#[test]
fn several_records_and_no_pick_is_refused() {
    bin()
        .arg("explain")
        .arg(examples())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "more than one record (lines 1 and 2)",
        ))
        .stderr(predicate::str::contains("--line N or --id ID"));
}

#[test]
fn a_record_is_picked_by_its_line() {
    bin()
        .args(["explain", "--line", "3"])
        .arg(examples())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("CT-2026-0003  (line 3)\n"));
}

#[test]
fn a_record_is_picked_by_its_id() {
    bin()
        .args(["explain", "--id", "CT-2026-0017"])
        .arg(examples())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("CT-2026-0017  (line 17)\n"))
        .stdout(predicate::str::contains("playbook"));
}

#[test]
fn a_pick_that_selects_nothing_says_why() {
    bin()
        .args(["explain", "--id", "nobody"])
        .write_stdin("{\"id\":\"a\"}\nnot json\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no record with id \"nobody\""))
        .stderr(predicate::str::contains(
            "1 lines could not be read, the first at line 2",
        ));
    let lines = std::fs::read_to_string(examples()).unwrap().lines().count();
    bin()
        .args(["explain", "--line", "40"])
        .arg(examples())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "no line 40: the input has {lines} lines"
        )));
    bin()
        .args(["explain", "--line", "2"])
        .write_stdin("{\"id\":\"a\"}\n \n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 2 is blank"));
}

#[test]
fn one_record_after_blank_lines_needs_no_pick() {
    bin()
        .arg("explain")
        .write_stdin("\n\n{\"id\":\"only\"}\n\n")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("only  (line 3)\n"));
}

#[test]
fn control_characters_of_a_record_are_escaped_in_the_explanation() {
    let record = r#"{"id":"\u001b[2J\u0007bell\r\u009b\u202e","emotion":9}"#;
    let out = bin()
        .arg("explain")
        .write_stdin(record)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for c in ["\u{1b}", "\u{7}", "\r", "\u{9b}", "\u{202e}"] {
        assert!(!text.contains(c), "{c:?} reaches the terminal: {text:?}");
    }
    assert!(
        text.starts_with(r"\u{1B}[2J\u{7}bell\r\u{9B}\u{202E}  (line 1)"),
        "{text}"
    );
}

#[test]
fn explain_ends_with_what_one_change_would_move_it_to() {
    // Every line under the heading names a contract field and where the
    // change takes the complaint; the first such change, applied, does.
    let out = bin()
        .args(["explain", "--line", "1"])
        .arg(examples())
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let (_, changes) = text
        .split_once("  what one change of a field would move it to:\n")
        .expect("the heading");
    let first = changes.lines().next().expect("a change");
    let field = first.split_whitespace().next().unwrap();
    assert!(
        complaint_triage::RECORD_CONTRACT
            .iter()
            .any(|f| f.name == field),
        "{first}"
    );
    assert!(
        first.contains(": grade ") && first.contains(", tier "),
        "{first}"
    );
}

#[test]
fn a_reason_from_the_text_shows_the_words_it_came_from() {
    // Only the narrative tells of the injury: the safety gate fires, and the
    // explanation quotes the words with their byte span.
    let record = r#"{"id":"t1","text":"你们卖的充电宝昨晚充电时爆炸了，把我孩子的手烧伤了，现在还在医院住院。"}"#;
    bin()
        .arg("explain")
        .write_stdin(record)
        .assert()
        .success()
        .stdout(predicate::str::contains("gate safety_serious_injury"))
        .stdout(predicate::str::contains("from the text"))
        .stdout(predicate::str::contains(
            "safety_incident [96..102] \"住院\"",
        ));
}

#[test]
fn a_denied_threat_is_no_reason_and_quotes_nothing() {
    let record = r#"{"id":"t2","text":"I'm not going to sue, I just want my money back."}"#;
    bin()
        .arg("explain")
        .write_stdin(record)
        .assert()
        .success()
        .stdout(predicate::str::contains("threat.lawsuit").not())
        .stdout(predicate::str::contains("from the text").not());
}

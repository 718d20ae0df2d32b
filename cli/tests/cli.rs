//! The command line, end to end: every line of the input comes back, in
//! order; errors name the line and the field; the other subcommands agree
//! with the core.

use std::ffi::OsStr;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn bin() -> Command {
    Command::cargo_bin("complaint-triage").expect("binary is built")
}

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
}

/// Runs the binary with `args` on `stdin`, checks its exit status, and
/// returns its standard output.
fn stdout_of(args: &[&OsStr], stdin: &str, code: i32) -> Vec<u8> {
    bin()
        .args(args)
        .write_stdin(stdin)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone()
}

/// As [`stdout_of`], with each output line parsed as JSON.
fn json_lines(args: &[&OsStr], stdin: &str, code: i32) -> Vec<Value> {
    String::from_utf8(stdout_of(args, stdin, code))
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

fn os<S: AsRef<OsStr> + ?Sized>(s: &S) -> &OsStr {
    s.as_ref()
}

#[test]
fn a_bad_line_between_good_lines_comes_back_as_an_error_in_its_place() {
    let input = concat!(
        r#"{"id":"a","category":"billing","emotion":3}"#,
        "\n",
        r#"{"id":"b","category":"biling"}"#,
        "\n",
        "not json at all\n",
        r#"{"id":"d","channel":"media","threats":["regulator"]}"#,
        "\n"
    );
    let lines = json_lines(&[os("score"), os("-")], input, 1);
    assert_eq!(lines.len(), 4, "one result per input line");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"]["kind"], "unknown_value");
    assert_eq!(lines[1]["error"]["field"], "category");
    assert!(lines[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("biling"));
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[2]["error"]["kind"], "invalid_json");
    assert_eq!(lines[3]["id"], "d");
}

/// The core's assessment JSON of `record_json`, with the spans of `text`.
fn with_spans(record_json: &str, text: &str) -> String {
    let c = complaint_triage::parse_complaint(record_json.as_bytes()).unwrap();
    let a = complaint_triage::assess(&c, &complaint_triage::Policy::DEFAULT);
    let mut buf = vec![0u8; complaint_triage::MAX_ASSESSMENT_JSON];
    let n = complaint_triage::write_assessment_json_with_text(&a, text, &mut buf).unwrap();
    String::from_utf8(buf[..n].to_vec()).unwrap()
}

#[test]
fn a_reason_from_the_text_names_the_span_of_its_words() {
    // Escaped in the record, decoded in the span: offsets count the bytes
    // of the text as decoded (the `\n` escape is one byte, 烫 three).
    let record = r#"{"id":"s","text":"\u6211\n\u5b69\u5b50\u7684\u624b\u88ab\u70eb\u4f24\u4e86"}"#;
    let text = "我\n孩子的手被烫伤了";
    let lines = json_lines(&[os("score")], &format!("{record}\n"), 0);
    let harm = lines[0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["factor"] == "safety_incident")
        .expect("the harm is a reason");
    assert_eq!(harm["source"], "text");
    let span = harm["span"].as_array().expect("a span");
    let (start, end) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "烫伤");
    // A record without text is written as before: no span anywhere.
    let plain = json_lines(&[os("score")], "{\"id\":\"p\",\"emotion\":9}\n", 0);
    assert!(!serde_json::to_string(&plain[0]).unwrap().contains("span"));
}

#[test]
fn every_example_is_graded_like_the_golden_vectors_say() {
    // The CLI writes what the core writes: the same bytes as the vectors'
    // expected JSON for the same records, with the text's spans (issue 17)
    // in the reasons a record's text raised.
    let vectors: Value =
        serde_json::from_slice(&std::fs::read(repo("tests/vectors/vectors.json")).unwrap())
            .unwrap();
    let cases: Vec<&Value> = vectors["cases"]
        .as_array()
        .expect("cases")
        .iter()
        // A JSON Lines record is one line; the vectors also hold a pretty-printed one.
        .filter(|c| !c["record_json"].as_str().unwrap_or("\n").contains('\n'))
        .collect();
    assert!(cases.len() >= 50, "enough cases");
    let input: String = cases
        .iter()
        .map(|c| format!("{}\n", c["record_json"].as_str().expect("record text")))
        .collect();
    let text = String::from_utf8(stdout_of(&[os("score")], &input, 0)).unwrap();
    let got: Vec<&str> = text.lines().collect();
    assert_eq!(got.len(), cases.len());
    for (number, (line, case)) in got.iter().zip(&cases).enumerate() {
        // `"line":N,` first, then the core's bytes after its opening brace.
        let expected = case["expected_json"].as_str().unwrap();
        let record: Value = serde_json::from_str(case["record_json"].as_str().unwrap()).unwrap();
        let expected = match record["text"].as_str() {
            Some(text) => with_spans(case["record_json"].as_str().unwrap(), text),
            None => expected.to_string(),
        };
        assert_eq!(
            *line,
            format!("{{\"line\":{},{}", number + 1, &expected[1..]),
            "{}",
            case["name"]
        );
        // Without its spans, a line is the vector's expected JSON.
        let mut got: Value = serde_json::from_str(line).unwrap();
        let got = got.as_object_mut().unwrap();
        got.remove("line");
        for r in got["reasons"].as_array_mut().unwrap() {
            r.as_object_mut().unwrap().remove("span");
        }
        let want: Value = serde_json::from_str(case["expected_json"].as_str().unwrap()).unwrap();
        assert_eq!(Value::Object(got.clone()), want, "{}", case["name"]);
    }
}

#[test]
fn examples_score_and_rank_as_a_table() {
    let examples = repo("examples/complaints.jsonl");
    let args = [os("score"), os("--format"), os("table"), os(&examples)];
    let text = String::from_utf8(stdout_of(&args, "", 0)).unwrap();
    for header in ["pri", "grade", "tier", "sev", "reasons"] {
        assert!(text.contains(header), "table has {header}");
    }
    // Ranked: the priorities never go down the table.
    let priorities: Vec<u8> = text
        .lines()
        // The rows: they start with the line number, right-aligned.
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|l| l.split(" P").nth(1))
        .filter_map(|rest| rest.chars().next()?.to_digit(10))
        .map(|d| d as u8)
        .collect();
    let records = std::fs::read_to_string(&examples)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(priorities.len(), records, "one row per example");
    assert!(
        priorities.windows(2).all(|w| w[0] <= w[1]),
        "{priorities:?}"
    );
}

#[test]
fn explain_shows_each_reason_and_the_sum_of_each_dimension() {
    let record = r#"{"id":"x1","category":"billing","channel":"social_media","emotion":9,"threats":["media"],"text":"再不解决我就找记者曝光"}"#;
    bin()
        .arg("explain")
        .write_stdin(record)
        .assert()
        .success()
        .stdout(predicate::str::contains("x1"))
        .stdout(predicate::str::contains("threat.media"))
        .stdout(predicate::str::contains("channel.social_media"))
        .stdout(predicate::str::contains("severity"))
        .stdout(predicate::str::contains("playbook"));
}

#[test]
fn explain_of_a_bad_record_names_the_field() {
    bin()
        .arg("explain")
        .write_stdin(r#"{"emotion":11}"#)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("`emotion` is 11"))
        .stdout(predicate::str::contains("0..=10"));
}

#[test]
fn the_rubric_command_prints_the_checked_in_rubric() {
    let expected = std::fs::read_to_string(repo("core/RUBRIC.md")).unwrap();
    bin()
        .arg("rubric")
        .assert()
        .success()
        .stdout(predicate::eq(expected));
}

#[test]
fn a_policy_file_changes_the_grading_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.json");
    std::fs::write(
        &policy,
        r#"{"points":{"threat.media":{"impact":90,"escalation_risk":90}}}"#,
    )
    .unwrap();
    let record = r#"{"id":"p","threats":["media"]}"#;
    let default = json_lines(&[os("score")], record, 0);
    let tuned = json_lines(&[os("score"), os("--policy"), os(&policy)], record, 0);
    assert!(tuned[0]["impact"].as_u64() > default[0]["impact"].as_u64());

    // `policy` prints the effective policy; read back, it grades the same.
    let printed = stdout_of(&[os("policy"), os("--policy"), os(&policy)], "", 0);
    let full = dir.path().join("full.json");
    std::fs::write(&full, &printed).unwrap();
    let again = json_lines(&[os("score"), os("--policy"), os(&full)], record, 0);
    assert_eq!(again, tuned);
}

#[test]
fn a_bad_policy_is_refused_with_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("bad.json");
    std::fs::write(&policy, r#"{"resolution_hours":[1,2]}"#).unwrap();
    bin()
        .args(["score", "--policy"])
        .arg(&policy)
        .write_stdin("{}")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("resolution_hours"));
}

#[test]
fn a_line_over_the_size_limit_is_reported_and_the_next_line_still_graded() {
    let long = format!(r#"{{"text":"{}"}}"#, "a".repeat(70 * 1024));
    let input = format!("{long}\n{{\"id\":\"after\"}}\n");
    let lines = json_lines(&[os("score")], &input, 1);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"]["kind"], "too_large");
    assert_eq!(lines[1]["id"], "after");
}

#[test]
fn evaluate_scores_closed_complaints() {
    let input = concat!(
        r#"{"record":{"id":"c1","category":"billing"},"outcome":{"resolved_first_contact":true,"hours_to_resolve":2,"satisfaction":5,"root_cause_fixed":true}}"#,
        "\n",
        r#"{"record":{"id":"c2"},"outcome":{"satisfaction":9}}"#,
        "\n"
    );
    let lines = json_lines(&[os("evaluate")], input, 1);
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["score"].as_u64().unwrap() >= 80, "{}", lines[0]);
    assert!(lines[1]["error"].is_object(), "{}", lines[1]);
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    bin()
        .args(["score", "/nonexistent/complaints.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/complaints.jsonl"));
}

#[test]
fn score_writes_the_span_vectors() {
    // tests/vectors/spans.json: the bytes `score` writes for records with
    // text, which the C and Python tests reproduce from the same file.
    let vectors: Value =
        serde_json::from_slice(&std::fs::read(repo("tests/vectors/spans.json")).unwrap()).unwrap();
    let cases: Vec<&Value> = vectors["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter(|c| !c["record_json"].as_str().unwrap_or("\n").contains('\n'))
        .collect();
    assert!(cases.len() >= 40, "enough cases");
    let input: String = cases
        .iter()
        .map(|c| format!("{}\n", c["record_json"].as_str().unwrap()))
        .collect();
    let text = String::from_utf8(stdout_of(&[os("score")], &input, 0)).unwrap();
    let got: Vec<&str> = text.lines().collect();
    assert_eq!(got.len(), cases.len());
    for (number, (line, case)) in got.iter().zip(&cases).enumerate() {
        let expected = case["expected_json"].as_str().unwrap();
        assert_eq!(
            *line,
            format!("{{\"line\":{},{}", number + 1, &expected[1..]),
            "{}",
            case["name"]
        );
    }
}

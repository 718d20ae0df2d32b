//! Every input line is answered by one output line, in its place, and every
//! answer names its line: `score` and `evaluate` alike.

mod common;

use common::{bin, json_lines};

#[test]
fn blank_whitespace_and_form_feed_lines_keep_their_place() {
    let input = concat!(
        "{\"id\":\"first\"}\n",
        "\n",
        "  \t \r\n",
        "\x0c\n",
        "{\"id\":\"last\"}\n"
    );
    let out = bin()
        .arg("score")
        .write_stdin(input)
        .assert()
        .code(1) // the form feed is not JSON whitespace: an error
        .get_output()
        .stdout
        .clone();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 5, "one output line per input line");
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["line"], i + 1, "{line}");
    }
    assert_eq!(lines[0]["id"], "first");
    assert_eq!(lines[1]["skipped"], "blank");
    assert_eq!(lines[2]["skipped"], "blank");
    assert_eq!(lines[3]["error"]["kind"], "invalid_json");
    assert_eq!(lines[3]["error"]["offset"], 0);
    assert_eq!(lines[4]["id"], "last");
}

#[test]
fn blank_lines_alone_are_not_failures() {
    let out = bin()
        .arg("score")
        .write_stdin("\n{\"id\":\"a\"}\n\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["id"], "a");
}

#[test]
fn a_graded_line_is_the_core_assessment_with_its_line_first() {
    let record = r#"{"id":"k","category":"billing","emotion":7}"#;
    let record_json = complaint_triage::parse_complaint(record.as_bytes()).unwrap();
    let assessment = complaint_triage::assess(&record_json, &complaint_triage::Policy::DEFAULT);
    let mut buf = vec![0u8; complaint_triage::MAX_ASSESSMENT_JSON];
    let n = complaint_triage::write_assessment_json(&assessment, &mut buf).unwrap();
    let core = std::str::from_utf8(&buf[..n]).unwrap();
    bin()
        .arg("score")
        .write_stdin(format!("\n{record}\n"))
        .assert()
        .success()
        .stdout(format!(
            "{{\"line\":1,\"skipped\":\"blank\"}}\n{{\"line\":2,{}\n",
            &core[1..]
        ));
}

const ERROR_KEYS: [&str; 5] = ["kind", "field", "index", "offset", "message"];

#[test]
fn evaluate_errors_have_scores_shape_and_offsets_from_the_line_start() {
    let bad_record = r#"{"record":{"id":"r1","emotion":11},"outcome":{}}"#;
    let bad_outcome = r#"{"record":{"id":"r2"},"outcome":{"satisfaction":9}}"#;
    let input = format!("{bad_record}\n{bad_outcome}\nnot json\n{{\"record\":{{}}}}\n");
    let out = bin()
        .arg("evaluate")
        .write_stdin(input)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out.clone()).unwrap();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4);
    for (i, (line, raw)) in lines.iter().zip(text.lines()).enumerate() {
        assert_eq!(common::keys_in_order(raw), ["line", "error"], "{raw}");
        assert_eq!(line["line"], i + 1);
        let error = line["error"].as_object().unwrap();
        let keys: Vec<&str> = error.keys().map(String::as_str).collect();
        let mut expected = ERROR_KEYS.to_vec();
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, expected, "{raw}");
    }
    assert_eq!(lines[0]["error"]["field"], "emotion");
    assert_eq!(lines[0]["error"]["offset"], bad_record.find("11").unwrap());
    assert_eq!(lines[1]["error"]["field"], "satisfaction");
    assert_eq!(lines[1]["error"]["offset"], bad_outcome.find('9').unwrap());
    let message = lines[1]["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("byte {}", bad_outcome.find('9').unwrap())),
        "{message}"
    );
    assert_eq!(lines[2]["error"]["kind"], "invalid_json");
    assert_eq!(lines[3]["error"]["kind"], "invalid_line");
}

#[test]
fn evaluate_results_carry_their_line_and_id() {
    let input = concat!(
        "\n",
        r#"{"record":{"id":"c1"},"outcome":{"satisfaction":4}}"#,
        "\n"
    );
    let out = bin()
        .arg("evaluate")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = json_lines(&out);
    assert_eq!(lines[0]["skipped"], "blank");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["id"], "c1");
    assert!(lines[1]["score"].is_u64(), "{}", lines[1]);
}

/// A record of exactly the 64 KiB limit is graded with a CRLF ending and
/// with a byte order mark before it: neither counts against the limit (the
/// core's rule), so the line reader must not refuse them first.
#[test]
fn a_record_at_the_limit_is_graded_with_crlf_and_a_byte_order_mark() {
    let limit = complaint_triage::RECORD_LIMITS.max_bytes;
    // Filled up with JSON whitespace, which every reader accepts.
    let head = "{\"id\":\"full\"";
    let record = format!("{head}{}}}", " ".repeat(limit - head.len() - 1));
    assert_eq!(record.len(), limit);
    let input = format!("\u{feff}{record}\r\n{record}\r\n");
    let out = bin()
        .arg("score")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert_eq!(line["id"], "full", "{line}");
    }
}

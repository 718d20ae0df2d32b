//! `score --format table`: bounded memory, the terminal's width, a legend,
//! and record text that cannot drive the terminal.

mod common;

use std::io::Write;
use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use common::{bin, repo};

fn table(args: &[&str], columns: Option<&str>) -> String {
    let mut cmd = bin();
    cmd.args(["score", "--format", "table"]).args(args);
    cmd.arg(repo("examples/complaints.jsonl"));
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// The table's rows: the lines that start with a right-aligned line number.
fn rows(text: &str) -> Vec<&str> {
    text.lines()
        .take_while(|l| !l.contains(" lines shown ("))
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .map(str::trim_end)
        .collect()
}

#[test]
fn only_the_top_rows_are_kept_and_the_rest_are_counted() {
    let all = table(&["--top", "1000"], Some("200"));
    let top5 = table(&["--top", "5"], Some("200"));
    assert_eq!(rows(&all).len(), 32);
    assert_eq!(rows(&top5), rows(&all)[..5], "the same first five");
    assert!(top5.contains("5 of 32 lines shown (32 graded, 0 failed, 0 blank)"));
    assert!(top5.contains("the 27 less urgent are left out"));
}

#[test]
fn the_table_stays_within_bounded_memory_on_a_large_input() {
    // 60 000 lines; kept whole, their rows need about 300 MB.
    let mut file = tempfile::NamedTempFile::new().unwrap();
    {
        let mut w = std::io::BufWriter::new(file.as_file_mut());
        for i in 0..60_000 {
            writeln!(w, "{{\"id\":\"bulk-{i}\",\"emotion\":{}}}", i % 11).unwrap();
        }
    }
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 120000 && exec \"$0\" score --format table --top 20 \"$1\"")
        .arg(cargo_bin("complaint-triage"))
        .arg(file.path())
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        text.contains("20 of 60000 lines shown (60000 graded"),
        "{text}"
    );
}

#[test]
fn the_table_fits_columns_or_80_when_not_a_terminal() {
    for (columns, width) in [(Some("120"), 120), (None, 80), (Some("100"), 100)] {
        let text = table(&[], columns);
        for line in text.lines() {
            assert!(
                line.chars().count() <= width,
                "{columns:?}: {} > {width}: {line}",
                line.chars().count()
            );
        }
        assert!(text.contains('…'), "long reasons are cut with an ellipsis");
    }
    // --width wins over COLUMNS.
    let text = table(&["--width", "90"], Some("200"));
    assert!(text.lines().all(|l| l.chars().count() <= 90), "{text}");
    assert!(text.lines().any(|l| l.chars().count() > 80), "{text}");
}

#[test]
fn the_table_has_a_legend_of_its_columns_and_its_ranking() {
    let text = table(&[], None);
    for words in [
        "sev severity",
        "imp impact",
        "dif difficulty",
        "esc escalation risk",
        "mal malice",
        "Ranked by priority first",
        "a P2 moderate ranks above a P3 major",
    ] {
        assert!(text.contains(words), "legend has {words:?}:\n{text}");
    }
}

/// Bytes that drive a terminal: ESC, BEL, CR, the C1 CSI, DEL and the
/// right-to-left override.
const HOSTILE: [&str; 6] = ["\u{1b}", "\u{7}", "\r", "\u{9b}", "\u{7f}", "\u{202e}"];

#[test]
fn control_characters_of_a_record_are_escaped_in_the_table() {
    let record = r#"{"id":"\u001b]0;pwned\u0007"}"#;
    let others = r#"{"id":"\r\u009b\u007f\u202ex"}"#;
    let bad = r#"{"category":"\u001b[31mbilling"}"#;
    let out = bin()
        .args(["score", "--format", "table", "--width", "200"])
        .write_stdin(format!("{record}\n{others}\n{bad}\n"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for c in HOSTILE {
        assert!(!text.contains(c), "{c:?} reaches the terminal: {text:?}");
    }
    assert!(text.contains(r"\u{1B}]0;pwned\u{7}"), "{text}");
    assert!(text.contains(r"\r\u{9B}\u{7F}\u{202E}x"), "{text}");
    assert!(
        text.contains("3 of 3 lines shown (2 graded, 1 failed, the first at line 3, 0 blank)"),
        "{text}"
    );
}

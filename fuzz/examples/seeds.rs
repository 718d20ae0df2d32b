//! Writes the seed corpora to `fuzz/corpus/<target>/` (run from anywhere:
//! `cargo run --manifest-path fuzz/Cargo.toml --example seeds`).
//!
//! Sources: the golden vectors (`tests/vectors/vectors.json`, records and
//! bad inputs), the example complaints, the JSONTestSuite parsing cases
//! (`../shared/json-test-suite` when present, else the vendored
//! `tests/json-test-suite`), the default policy as JSON, the scanner's own
//! phrases, and a few hand-made outcomes and byte strings.

use std::path::{Path, PathBuf};

use triage::{parse_complaint, write_policy_json, Policy};

fn put(dir: &Path, name: &str, data: &[u8]) {
    std::fs::write(dir.join(name), data).unwrap();
}

fn main() {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let repo = fuzz.join("..");
    let corpus = fuzz.join("corpus");
    for t in triage_fuzz::TARGETS {
        let d = corpus.join(t);
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
    }
    let dir = |t: &str| corpus.join(t);

    // Records: golden cases and error inputs, examples, JSONTestSuite.
    let vectors: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo.join("tests/vectors/vectors.json")).unwrap())
            .unwrap();
    let mut texts = Vec::new();
    for (i, case) in vectors["cases"].as_array().unwrap().iter().enumerate() {
        let r = case["record_json"].as_str().unwrap();
        put(&dir("record"), &format!("vector-{i:03}"), r.as_bytes());
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(r) {
            if let Some(t) = v["text"].as_str() {
                texts.push(t.to_string());
            }
        }
    }
    for (i, case) in vectors["errors"].as_array().unwrap().iter().enumerate() {
        let input = case["input"].as_str().unwrap();
        // Keep the seeds small: the 70 KB "too large" case is cut.
        let input = &input.as_bytes()[..input.len().min(4096)];
        put(&dir("record"), &format!("error-{i:02}"), input);
    }
    let examples = std::fs::read_to_string(repo.join("examples/complaints.jsonl")).unwrap();
    for (i, line) in examples
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
    {
        put(&dir("record"), &format!("example-{i:02}"), line.as_bytes());
    }
    let shared = repo.join("../shared/json-test-suite/test_parsing");
    let suite = if shared.is_dir() {
        shared
    } else {
        repo.join("tests/json-test-suite/test_parsing")
    };
    for e in std::fs::read_dir(&suite).unwrap().flatten() {
        let data = std::fs::read(e.path()).unwrap();
        let name = format!("jts-{}", e.file_name().to_string_lossy());
        for t in ["record", "policy", "outcome"] {
            put(&dir(t), &name, &data);
        }
    }

    // Policies: the default written out, and a few overrides.
    let mut buf = vec![0u8; 64 * 1024];
    let n = write_policy_json(&Policy::DEFAULT, &mut buf).unwrap();
    put(&dir("policy"), "default", &buf[..n]);
    for (i, p) in [
        r#"{}"#,
        r#"{"points":{"threat.media":{"impact":40}},"resolution_hours":[8,24,48,96,120]}"#,
        r#"{"severity_levels":[70,40]}"#,
        r#"{"claim_limit_permille":1500,"first_response_minutes":[15,60,240]}"#,
    ]
    .iter()
    .enumerate()
    {
        put(&dir("policy"), &format!("override-{i}"), p.as_bytes());
    }

    // Outcomes.
    for (i, o) in [
        r#"{}"#,
        r#"{"resolved_first_contact":true,"hours_to_resolve":2,"satisfaction":5,"root_cause_fixed":true}"#,
        r#"{"hours_to_resolve":1000000,"satisfaction":1,"reopened":true,"repeat_within_30_days":true}"#,
        r#"{"satisfaction":null}"#,
    ]
    .iter()
    .enumerate()
    {
        put(&dir("outcome"), &format!("outcome-{i}"), o.as_bytes());
    }

    // Texts: the vectors' texts and every phrase the scanner knows, each
    // behind the byte that picks the chunking.
    for (i, t) in texts.iter().enumerate() {
        put(
            &dir("scan_text"),
            &format!("vector-{i:02}"),
            &[&[i as u8][..], t.as_bytes()].concat(),
        );
    }
    for (i, (_, _, p)) in triage::scan::patterns().enumerate() {
        put(
            &dir("scan_text"),
            &format!("phrase-{i:03}"),
            &[&[i as u8][..], b"xx ", p.as_bytes(), b"!"].concat(),
        );
    }

    // Queue: push/pop mixes; C entry points: a complaint parsed from a
    // vector, laid out as the C struct would be filled by JSON.
    put(
        &dir("queue"),
        "mix-0",
        &[7, 0, 3, 60, 0, 1, 0, 0, 0, 4, 1, 2, 0, 0, 2, 0, 0, 3, 2, 2],
    );
    put(
        &dir("queue"),
        "full-1",
        &[0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 2, 2],
    );
    put(
        &dir("queue"),
        "saturate",
        &[
            3, 0x40, 2, 0xff, 0xff, 1, 0, 0x40, 2, 0xff, 0xff, 0, 0, 3, 0xff, 0xff, 0xff, 0xff,
            0xff, 0xff, 0xff, 0xff, 2, 2,
        ],
    );
    let c = parse_complaint(
        vectors["cases"][0]["record_json"]
            .as_str()
            .unwrap()
            .as_bytes(),
    )
    .unwrap();
    let _ = c;
    put(
        &dir("ffi"),
        "names",
        &[
            0, 2, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 4, 0, b'v', b'i', b'p', b'!', 0, 0, 0, 0,
        ],
    );
    for (i, r) in examples
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(4)
        .enumerate()
    {
        let len = (r.len() as u16).to_le_bytes();
        put(
            &dir("ffi"),
            &format!("json-{i}"),
            &[&[0, 3, len[0], len[1]][..], r.as_bytes()].concat(),
        );
    }
    put(&dir("ffi"), "nulls", &[0, 5, 9, 7, 0, 0, 0]);
    put(
        &dir("ffi"),
        "policy-edit",
        &[
            0x8f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0,
        ],
    );
    println!("seed corpora written to {}", corpus.display());
}

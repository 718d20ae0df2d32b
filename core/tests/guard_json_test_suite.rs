//! Every JSONTestSuite parsing case (tests/json-test-suite, MIT, see LICENSE there):
//! y_ accepted, n_ rejected, i_ just returns (no panic).

use complaint_triage::guard::{check, Limits};
use std::fs;
use std::path::Path;

const WIDE: Limits = Limits {
    max_bytes: 1 << 20,
    max_depth: 255,
    max_string_bytes: 1 << 20,
};

#[test]
fn json_test_suite() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/json-test-suite/test_parsing");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("tests/json-test-suite exists")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .into_string()
                .expect("utf-8 name")
        })
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();

    let (mut y, mut n, mut i) = (0, 0, 0);
    let mut disagreements = Vec::new();
    for name in &names {
        let bytes = fs::read(dir.join(name)).expect("readable");
        let result = check(&bytes, &WIDE);
        match name.as_bytes()[0] {
            b'y' => {
                y += 1;
                if let Err(e) = result {
                    disagreements.push(format!("{name}: rejected valid JSON: {e}"));
                }
            }
            b'n' => {
                n += 1;
                if let Ok(shape) = result {
                    disagreements.push(format!("{name}: accepted invalid JSON: {shape:?}"));
                }
            }
            b'i' => {
                i += 1;
                // Implementation-defined: only require that a Result came back.
                let _ = result;
            }
            _ => panic!("unexpected file {name}"),
        }
    }
    assert!(
        y >= 90 && n >= 180 && i >= 30,
        "suite incomplete: y={y} n={n} i={i}"
    );
    assert!(
        disagreements.is_empty(),
        "disagreements:\n{}",
        disagreements.join("\n")
    );
}

//! Runs every fuzz target's body over its seed corpus (`corpus/<target>/`,
//! made by `seeds.sh`) and over every input that once crashed it
//! (`regressions/<target>/`), on stable Rust without libFuzzer. A crash the
//! fuzzer finds is kept by copying its artifact into `regressions/<target>/`.

use std::path::Path;

fn replay(dir: &Path, target: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(dir.join(target)) else {
        return 0;
    };
    let mut n = 0;
    let mut files: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for path in files {
        let data = std::fs::read(&path).unwrap();
        let ok = std::panic::catch_unwind(|| triage_fuzz::run(target, &data));
        assert!(ok.is_ok(), "{target} fails on {}", path.display());
        n += 1;
    }
    n
}

#[test]
fn regression_inputs_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for target in triage_fuzz::TARGETS {
        let n = replay(&root.join("regressions"), target);
        println!("{target}: {n} regression inputs");
    }
}

#[test]
fn seed_corpora_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for target in triage_fuzz::TARGETS {
        let n = replay(&root.join("corpus"), target);
        println!("{target}: {n} seed inputs");
    }
}

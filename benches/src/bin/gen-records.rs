//! Prints generated complaint records as JSON Lines, so that the Python
//! peers (`benches/peers/run.py`) measure exactly the traffic of the Rust
//! benches.
//!
//!     gen-records N [--seed S] [--text-permille T]
//!
//! `--text-permille 0` gives records without free text (what the peer
//! timings use, since the peers take the text's cues as given).

use std::io::Write;

use triage_benches::gen::{RecordOptions, Rng, SEED};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .map(|v| {
                v.parse::<u64>()
                    .unwrap_or_else(|_| panic!("{flag} takes an integer"))
            })
    };
    let n: usize = args
        .first()
        .and_then(|a| a.parse().ok())
        .expect("usage: gen-records N [--seed S] [--text-permille T]");
    let seed = value("--seed").unwrap_or(SEED);
    let opts = RecordOptions {
        text_permille: value("--text-permille").unwrap_or(RecordOptions::default().text_permille),
    };
    let mut rng = Rng::new(seed);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for i in 0..n {
        let line = triage_benches::gen::record_json(&mut rng, i, opts);
        writeln!(out, "{line}").expect("stdout");
    }
    out.flush().expect("stdout");
}

//! The bodies of the fuzz targets, kept in a library so that the same code
//! runs under libFuzzer (`fuzz_targets/*.rs`, `cargo +nightly fuzz run`) and
//! as an ordinary test over the seed corpora and the regression inputs
//! (`tests/replay.rs`, stable `cargo test`).
//!
//! Each function panics (and so the fuzzer reports a crash) when a property
//! of the library does not hold; none of them panics for any input on a
//! correct library.
#![forbid(unsafe_op_in_unsafe_fn)]

use triage::{
    assess, evaluate_outcome, parse_complaint, parse_outcome, parse_policy, scan_text,
    write_assessment_json, write_effect_json, write_error_json, write_policy_json, Complaint,
    ParseError, Policy, Scanner, MAX_ASSESSMENT_JSON,
};

/// Names of the targets, as `fuzz_targets/<name>.rs` and `corpus/<name>/`.
pub const TARGETS: [&str; 6] = ["record", "policy", "scan_text", "outcome", "queue", "ffi"];

/// Runs target `name` on `data`; `false` if there is no such target.
pub fn run(name: &str, data: &[u8]) -> bool {
    match name {
        "record" => record(data),
        "policy" => policy(data),
        "scan_text" => scan(data),
        "outcome" => outcome(data),
        "queue" => queue(data),
        "ffi" => ffi_entry_points(data),
        _ => return false,
    }
    true
}

/// Every error must be printable as JSON in a small buffer.
fn check_error(e: &ParseError, input_len: usize) {
    assert!(
        e.offset <= input_len,
        "error offset {} past the input ({input_len} bytes): {e:?}",
        e.offset
    );
    let mut buf = [0u8; 4096];
    let n = write_error_json(e, &mut buf).expect("error JSON fits 4 KiB");
    serde_json::from_slice::<serde_json::Value>(&buf[..n]).expect("error JSON is valid JSON");
}

/// The assessment of `c` under `p` must be writable as valid JSON in
/// `MAX_ASSESSMENT_JSON` bytes, and assessing twice must agree.
fn check_assessment(c: &Complaint, p: &Policy) -> triage::Assessment {
    let a = assess(c, p);
    assert_eq!(a, assess(c, p), "assess is deterministic");
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    let n = write_assessment_json(&a, &mut buf).expect("assessment JSON fits MAX_ASSESSMENT_JSON");
    let v: serde_json::Value = serde_json::from_slice(&buf[..n]).expect("assessment JSON is valid");
    assert_eq!(v["id"].as_str(), Some(c.id.as_str()), "the id is echoed");
    a
}

/// Record JSON: ours accepts only what serde_json accepts; an accepted
/// record assesses and serialises; a rejected one has a printable error.
/// A leading UTF-8 byte order mark is the one framing the record reader
/// accepts beyond JSON (files saved by some editors begin with one), so it
/// is taken off before asking serde_json.
pub fn record(data: &[u8]) {
    let json = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let serde_ok = serde_json::from_slice::<serde_json::Value>(json).is_ok();
    match parse_complaint(data) {
        Ok(c) => {
            assert!(serde_ok, "parse_complaint accepted what serde_json rejects");
            // Parsing is a function of the input.
            assert_eq!(parse_complaint(data).ok(), Some(c.clone()));
            check_assessment(&c, &Policy::DEFAULT);
        }
        Err(e) => check_error(&e, data.len()),
    }
}

/// Policy JSON: an accepted policy validates, round-trips through its own
/// JSON, and assesses a default and a loaded complaint.
pub fn policy(data: &[u8]) {
    match parse_policy(data) {
        Ok(p) => {
            assert!(serde_json::from_slice::<serde_json::Value>(data).is_ok());
            assert!(
                p.validate().is_ok(),
                "parse_policy returned an invalid policy"
            );
            let mut buf = vec![0u8; 64 * 1024];
            let n = write_policy_json(&p, &mut buf).expect("policy JSON fits 64 KiB");
            let again = parse_policy(&buf[..n]).expect("a written policy parses");
            assert_eq!(again, p, "policy JSON round trip");
            check_assessment(&Complaint::DEFAULT, &p);
            let busy = parse_complaint(LOADED_RECORD).expect("the loaded record parses");
            check_assessment(&busy, &p);
        }
        Err(e) => check_error(&e, data.len()),
    }
}

/// A record that sets every field to a high value, to drive a fuzzed
/// policy through most of its tables.
pub const LOADED_RECORD: &[u8] = r#"{"id":"L","category":"basic_service","channel":"media","customer_tier":"vip","tenure_months":300,"personality":"dominant","motive":"revenge","expectation":"unreasonable","emotion":10,"prior_contacts":9,"hours_open":900,"affected_customers":50000,"direct_loss":50000000,"claimed_amount":900000000,"indirect_loss_claimed":true,"liability":"shared","evidence":"none","departments":8,"beyond_authority":true,"previously_compensated":true,"safety_incident":true,"sensitive_period":true,"threats":["media","lawsuit"],"jurisdiction":"cn_banking","text":"气死我了!!! 找记者曝光"}"#.as_bytes();

/// scan_text: the cues of a text do not depend on how it is fed to a
/// [`Scanner`]; the first byte of the input picks the cut points.
pub fn scan(data: &[u8]) {
    let Some((&seed, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let whole = scan_text(&text);
    let mut s = Scanner::new();
    let mut step = usize::from(seed % 17) + 1;
    let mut i = 0;
    while i < text.len() {
        let mut j = (i + step).min(text.len());
        while !text.is_char_boundary(j) {
            j += 1;
        }
        // Alternate whole pieces and char-by-char feeding.
        if step % 2 == 0 {
            s.push_str(&text[i..j]);
        } else {
            for c in text[i..j].chars() {
                s.push_char(c);
            }
        }
        i = j;
        step = step * 7 % 23 + 1;
    }
    assert_eq!(s.finish(), whole, "chunked scan differs from scan_text");
}

/// Outcome JSON: an accepted outcome evaluates against assessments and
/// serialises as valid JSON.
pub fn outcome(data: &[u8]) {
    match parse_outcome(data) {
        Ok(o) => {
            assert!(serde_json::from_slice::<serde_json::Value>(data).is_ok());
            let p = &Policy::DEFAULT;
            for record in [&b"{}"[..], LOADED_RECORD] {
                let a = assess(&parse_complaint(record).expect("fixed record"), p);
                let e = evaluate_outcome(&o, &a, p);
                assert!(e.score <= 100, "effect score {} above 100", e.score);
                let mut buf = [0u8; 8192];
                let n = write_effect_json(&e, &mut buf).expect("effect JSON fits 8 KiB");
                serde_json::from_slice::<serde_json::Value>(&buf[..n])
                    .expect("effect JSON is valid");
            }
        }
        Err(e) => check_error(&e, data.len()),
    }
}

mod raw;
pub use raw::{ffi_entry_points, queue};

//! The panic-free check of the core's public functions: every one called
//! on black-boxed input, in a
//! release build for thumbv7em-none-eabihf. The panic handler is a call to
//! an undefined symbol (see the crate documentation), so this binary links
//! only if none of these functions can reach a panic. That includes every
//! JSON parser (record, outcome, policy) and every JSON writer: the core no
//! longer depends on serde-json-core.
#![no_std]
#![no_main]

complaint_triage_firmware::panic_is_a_link_error!();

use core::hint::black_box;
use cortex_m_rt::entry;
use triage::guard::{self, Limits};
use triage::{
    assess, assess_into, check_claim, decide_only, evaluate_outcome, scan_text,
    write_assessment_json, write_effect_json, write_error_json, Assessment, Complaint, Outcome,
    Policy, Scanner, RECORD_LIMITS,
};

#[entry]
fn main() -> ! {
    let mut a = Assessment::EMPTY;
    loop {
        let mut c: Complaint = black_box(Complaint::DEFAULT);
        let p: Policy = black_box(Policy::DEFAULT);
        black_box(p.validate().is_ok());
        black_box(assess(&c, &p));
        assess_into(&c, &p, &mut a);
        black_box(&a);
        black_box(decide_only(&c, &p));
        black_box(check_claim(black_box(1), black_box(2), black_box(3)));
        let o: Outcome = black_box(Outcome::default());
        black_box(evaluate_outcome(&o, &a, &p));
        let bytes: &[u8] = black_box(&[]);
        let text = core::str::from_utf8(bytes).unwrap_or("");
        black_box(scan_text(text));
        let mut s = Scanner::new();
        s.push_str(text);
        s.push_char(black_box('x'));
        black_box(s.finish());
        c.add_text(text);
        black_box(c.set_id(text).is_ok());
        let limits: Limits = black_box(RECORD_LIMITS);
        black_box(guard::check(bytes, &limits).is_ok());
        black_box(a.reasons().count());
        let mut buf = [0u8; 256];
        let out: &mut [u8] = black_box(&mut buf);
        match triage::parse_complaint(bytes) {
            Ok(c) => black_box(write_assessment_json(&assess(&c, &p), out).is_ok()),
            Err(e) => black_box(write_error_json(&e, out).is_ok()),
        };
        black_box(write_effect_json(&evaluate_outcome(&o, &a, &p), out).is_ok());
        match triage::parse_policy(bytes) {
            Ok(p) => black_box(triage::write_policy_json(&p, out).is_ok()),
            Err(e) => black_box(write_error_json(&e, out).is_ok()),
        };
        let mut q: Policy = black_box(Policy::DEFAULT);
        if let Err(e) = triage::parse_policy_into(bytes, &mut q) {
            black_box(write_error_json(&e, out).is_ok());
        }
        black_box(&q);
        match triage::parse_outcome(bytes) {
            Ok(o) => black_box(write_effect_json(&evaluate_outcome(&o, &a, &p), out).is_ok()),
            Err(e) => black_box(write_error_json(&e, out).is_ok()),
        };
    }
}

//! The JSON path: a record parsed from bytes, graded, and written back as
//! JSON. Its `.text` is the JSON-path flash figure; it links only if none of
//! these functions has a reachable panic.
#![no_std]
#![no_main]

complaint_triage_firmware::panic_is_a_link_error!();
use core::hint::black_box;
use cortex_m_rt::entry;
use triage::{
    assess, parse_complaint, write_assessment_json, write_error_json, Policy, MAX_ASSESSMENT_JSON,
};

static mut OUT: [u8; MAX_ASSESSMENT_JSON] = [0; MAX_ASSESSMENT_JSON];

#[entry]
fn main() -> ! {
    // SAFETY: the only reference to OUT, taken once before the loop.
    let out = unsafe { &mut *core::ptr::addr_of_mut!(OUT) };
    let input: &[u8] = br#"{"id":"x","emotion":5}"#;
    loop {
        let n = match parse_complaint(black_box(input)) {
            Ok(c) => write_assessment_json(&assess(&c, black_box(&Policy::DEFAULT)), out),
            Err(e) => write_error_json(&e, out),
        };
        black_box(n.ok());
    }
}

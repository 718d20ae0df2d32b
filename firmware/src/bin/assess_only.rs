//! The smallest useful firmware: a complaint built in code (no JSON), graded
//! by `assess` under the default policy. Its `.text` is the assess-path
//! flash figure; it links only if `assess` has no reachable panic.
#![no_std]
#![no_main]

complaint_triage_firmware::panic_is_a_link_error!();
use core::hint::black_box;
use cortex_m_rt::entry;
use triage::{assess, Complaint, Policy};

#[entry]
fn main() -> ! {
    loop {
        // The inputs come from black_box, as they would from a sensor or a
        // bus, so nothing is folded at compile time.
        let c: Complaint = black_box(Complaint::DEFAULT);
        let a = assess(&c, black_box(&Policy::DEFAULT));
        black_box(&a);
    }
}

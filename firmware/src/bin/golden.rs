//! The golden vectors on a Cortex-M4: every record of
//! `tests/vectors/vectors.json` parsed, graded and written as JSON, every bad
//! input's error written as JSON, each on one semihosting stdout line, for
//! `reliability/cortex-m.py` to compare with the x86-64 results stored in
//! the vectors. Then the stack high-water marks of parse, assess and write
//! (stack painting), and exit through semihosting.
//!
//! Output lines: `C <i> <json>` per case, `E <i> <json>` per error, then
//! `STACK parse=<bytes> assess=<bytes> write=<bytes> policy=<bytes> scan=<bytes>`,
//! `SIZE complaint=<bytes> assessment=<bytes> policy=<bytes>`, `DONE`.
#![no_std]
#![no_main]

use core::fmt::Write as _;
use core::hint::black_box;

use complaint_triage_firmware::measure_stack;
use cortex_m_rt::entry;
use cortex_m_semihosting::{debug, hio};
use triage::{
    assess_into, parse_complaint, parse_policy, scan_text, write_assessment_json, write_error_json,
    Assessment, Complaint, Policy, MAX_ASSESSMENT_JSON,
};

static VECTORS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/vectors.bin"));
static mut OUT: [u8; MAX_ASSESSMENT_JSON] = [0; MAX_ASSESSMENT_JSON];
static mut ASSESSMENT: Assessment = Assessment::EMPTY;

fn u32_at(at: usize) -> usize {
    let b = VECTORS.get(at..at + 4).unwrap_or(&[0; 4]);
    u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
}

/// A small stack buffer for numbers and line heads.
struct Line(heapless_line::Buf);
mod heapless_line {
    pub struct Buf(pub [u8; 128], pub usize);
}
impl core::fmt::Write for Line {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let b = s.as_bytes();
        let end = self.0 .1 + b.len();
        if end > self.0 .0.len() {
            return Err(core::fmt::Error);
        }
        self.0 .0[self.0 .1..end].copy_from_slice(b);
        self.0 .1 = end;
        Ok(())
    }
}

fn line(out: &mut hio::HostStream, head: core::fmt::Arguments<'_>, body: &[u8]) {
    let mut l = Line(heapless_line::Buf([0; 128], 0));
    let _ = l.write_fmt(head);
    let _ = out.write_all(&l.0 .0[..l.0 .1]);
    let _ = out.write_all(body);
    let _ = out.write_all(b"\n");
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    complaint_triage_firmware::report_panic(info)
}

#[entry]
fn main() -> ! {
    let mut out = hio::hstdout().unwrap_or_else(|_| loop {});
    // SAFETY: the only references to these statics, taken once.
    let buf = unsafe { &mut *core::ptr::addr_of_mut!(OUT) };
    let a = unsafe { &mut *core::ptr::addr_of_mut!(ASSESSMENT) };
    let (cases, errors) = (u32_at(0), u32_at(4));
    let mut at = 8;
    let (mut parse_max, mut assess_max, mut write_max, mut scan_max) = (0, 0, 0, 0);
    let policy = Policy::DEFAULT;
    let mut failed = false;
    for i in 0..cases + errors {
        let len = u32_at(at);
        let input = &VECTORS[at + 4..at + 4 + len];
        at += 4 + len;
        let (parsed, s) = measure_stack(|| parse_complaint(black_box(input)));
        parse_max = parse_max.max(s);
        match parsed {
            Ok(c) if i < cases => {
                let c: Complaint = c;
                let ((), s) = measure_stack(|| assess_into(black_box(&c), black_box(&policy), a));
                assess_max = assess_max.max(s);
                let (n, s) = measure_stack(|| write_assessment_json(black_box(a), buf));
                write_max = write_max.max(s);
                let n = n.unwrap_or(0);
                line(&mut out, format_args!("C {i} "), &buf[..n]);
            }
            Err(e) if i >= cases => {
                let n = write_error_json(&e, buf).unwrap_or(0);
                line(&mut out, format_args!("E {} ", i - cases), &buf[..n]);
            }
            _ => {
                failed = true;
                line(&mut out, format_args!("X {i} unexpected parse result"), b"");
            }
        }
        if let Ok(text) = core::str::from_utf8(input) {
            let (_, s) = measure_stack(|| scan_text(black_box(text)));
            scan_max = scan_max.max(s);
        }
    }
    let policy_json = br#"{"points":{"threat.media":{"impact":40}},"resolution_hours":[8,24,48,96,120],"severity_levels":[70,40]}"#;
    let (_, policy_stack) = measure_stack(|| parse_policy(black_box(policy_json)).is_ok());
    line(
        &mut out,
        format_args!(
            "STACK parse={parse_max} assess={assess_max} write={write_max} policy={policy_stack} scan={scan_max}"
        ),
        b"",
    );
    line(
        &mut out,
        format_args!(
            "SIZE complaint={} assessment={} policy={}",
            core::mem::size_of::<Complaint>(),
            core::mem::size_of::<Assessment>(),
            core::mem::size_of::<Policy>()
        ),
        b"",
    );
    line(&mut out, format_args!("DONE"), b"");
    debug::exit(if failed {
        debug::EXIT_FAILURE
    } else {
        debug::EXIT_SUCCESS
    });
    loop {}
}

//! libFuzzer entry of the `scan_text` target; the body is `triage_fuzz::run("scan_text", ..)`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    triage_fuzz::run("scan_text", data);
});

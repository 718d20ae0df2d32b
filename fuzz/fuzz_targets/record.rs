//! libFuzzer entry of the `record` target; the body is `triage_fuzz::run("record", ..)`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    triage_fuzz::run("record", data);
});

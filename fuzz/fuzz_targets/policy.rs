//! libFuzzer entry of the `policy` target; the body is `triage_fuzz::run("policy", ..)`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    triage_fuzz::run("policy", data);
});

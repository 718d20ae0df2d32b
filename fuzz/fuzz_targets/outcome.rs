//! libFuzzer entry of the `outcome` target; the body is `triage_fuzz::run("outcome", ..)`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    triage_fuzz::run("outcome", data);
});

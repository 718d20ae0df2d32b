//! libFuzzer entry of the `queue` target; the body is `triage_fuzz::run("queue", ..)`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    triage_fuzz::run("queue", data);
});

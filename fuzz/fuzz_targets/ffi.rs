//! libFuzzer entry of the `ffi` target; the body is `triage_fuzz::run("ffi", ..)`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    triage_fuzz::run("ffi", data);
});

//! Puts `memory.x` on the linker's path and packs the golden vectors
//! (`tests/vectors/vectors.json`) into `vectors.bin` for `include_bytes!`:
//! two little-endian u32 counts (cases, errors), then each input as a u32
//! length and its bytes, cases first.
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    std::fs::copy(dir.join("memory.x"), out.join("memory.x")).unwrap();
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rerun-if-changed=memory.x");
    // cortex-m-rt's `device` feature includes `device.x` (the weak names of
    // the device's interrupt handlers): these programs handle none.
    std::fs::write(out.join("device.x"), "").unwrap();

    let path = dir.join("../tests/vectors/vectors.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let cases = v["cases"].as_array().unwrap();
    let errors = v["errors"].as_array().unwrap();
    let mut bin = Vec::new();
    bin.extend((cases.len() as u32).to_le_bytes());
    bin.extend((errors.len() as u32).to_le_bytes());
    let inputs = cases
        .iter()
        .map(|c| &c["record_json"])
        .chain(errors.iter().map(|e| &e["input"]));
    for input in inputs {
        let s = input.as_str().unwrap().as_bytes();
        bin.extend((s.len() as u32).to_le_bytes());
        bin.extend(s);
    }
    std::fs::write(out.join("vectors.bin"), bin).unwrap();
}

//! Gives the shared library a versioned SONAME (`libcomplaint_triage.so.MAJOR`)
//! on ELF targets, so that programs linked against it keep working across
//! compatible updates and `make install` can lay out the usual symlinks.
fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let family = std::env::var("CARGO_CFG_TARGET_FAMILY").unwrap_or_default();
    if family == "unix" && os != "macos" && os != "ios" {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libcomplaint_triage.so.{major}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

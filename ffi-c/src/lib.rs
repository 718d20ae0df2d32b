//! C bindings of `complaint-triage`.
#![deny(missing_docs)]

pub use triage;

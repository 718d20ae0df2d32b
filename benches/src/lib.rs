//! Inputs and helpers for the benchmarks of complaint-triage.
//!
//! - [`gen`]: realistic complaint records and call transcripts, generated
//!   deterministically from a seed, so that every run and every machine
//!   measures the same inputs and a batch of `n` records is always the
//!   first `n` of the same stream;
//! - [`floor`]: the compute floor, a pass that only reads every field the
//!   scorer reads and sums them;
//! - [`alloc`]: a counting global allocator, to assert that the core paths
//!   never touch the heap;
//! - [`c_calls`]: helpers to call the C library's entry points through
//!   the ffi crate, as C calls them (not inlined into the caller);
//! - [`sizes`]: the batch sizes of a full or a quick run.

pub mod alloc;
pub mod c_calls;
pub mod floor;
pub mod gen;
pub mod sizes;

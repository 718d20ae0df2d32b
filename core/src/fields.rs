//! The fields grading reads, as a trait: what lets a record kept in another
//! layout (a C caller's struct, a row of columns) be graded where it is,
//! without first being copied into a [`Complaint`](crate::Complaint).
//!
//! The trait is generated from the record contract with the struct, so
//! that it has one method per field without a list of its own.

pub use crate::contract::ComplaintFields;

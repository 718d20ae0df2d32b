//! One complaint, as a front-line agent, an IVR menu or a CRM record supplies it.
//!
//! The struct itself is generated from the record contract in
//! `core/src/contract.rs`; this module holds what is written by hand.

pub use crate::contract::Complaint;
use crate::scan::{scan_text, TextFacts};

/// Longest accepted complaint id, in UTF-8 bytes.
pub const ID_CAPACITY: usize = 64;

/// A complaint id: up to [`ID_CAPACITY`] bytes of UTF-8, echoed back in the assessment.
pub type Id = heapless::String<ID_CAPACITY>;

impl Default for Complaint {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl Complaint {
    /// Scans free text (a transcript or narrative) and keeps what grading
    /// reads of it ([`TextFacts`]); grading raises with it only the fields
    /// left at their default (see `core/src/merge.rs`).
    ///
    /// Can be called several times; what was found accumulates.
    pub fn add_text(&mut self, text: &str) {
        self.text_cues = self.text_cues.union(TextFacts::from_cues(&scan_text(text)));
    }

    /// Sets the id, or returns `Err(())` if it is longer than [`ID_CAPACITY`] bytes.
    #[allow(clippy::result_unit_err)]
    pub fn set_id(&mut self, id: &str) -> Result<(), ()> {
        let mut new = Id::new();
        new.push_str(id).map_err(|_| ())?;
        self.id = new;
        Ok(())
    }
}

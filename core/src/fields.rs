//! The fields grading reads, as a trait: what lets a record kept in another
//! layout (a C caller's struct, a row of columns) be graded where it is,
//! without first being copied into a [`Complaint`].

use crate::codes::{
    Category, Channel, CustomerTier, Evidence, Expectation, HandlingFailure, Jurisdiction,
    Liability, MaliceSignal, Motive, Personality, Profile, Right, Threat,
};
use crate::complaint::Complaint;
use crate::flags::FlagSet;
use crate::scan::TextCues;

/// Declares [`ComplaintFields`] with one method per field and implements it
/// for [`Complaint`] by reading the field of the same name, so that the
/// list is written once.
macro_rules! complaint_fields {
    ($($(#[$doc:meta])* $field:ident: $ty:ty;)*) => {
        /// The fields of a complaint that grading reads, each by a method
        /// named after the [`Complaint`] field it stands for.
        ///
        /// [`Complaint`] implements it. Implement it for a record in a
        /// layout of your own to grade it in place with
        /// [`assess_with`](crate::assess_with): the values are typed, so
        /// whatever checks an implementation needs (an index in range, a
        /// flag 0 or 1) happen once, when the record is accepted, and the
        /// methods only read. Grading calls each method about once, so
        /// they should be cheap and `#[inline]`.
        pub trait ComplaintFields {
            $($(#[$doc])* fn $field(&self) -> $ty;)*
        }

        impl ComplaintFields for Complaint {
            $(
                #[inline(always)]
                fn $field(&self) -> $ty {
                    self.$field
                }
            )*
        }
    };
}

complaint_fields! {
    /// [`Complaint::category`].
    category: Category;
    /// [`Complaint::channel`].
    channel: Channel;
    /// [`Complaint::customer_tier`].
    customer_tier: CustomerTier;
    /// [`Complaint::tenure_months`].
    tenure_months: u16;
    /// [`Complaint::personality`].
    personality: Personality;
    /// [`Complaint::motive`].
    motive: Motive;
    /// [`Complaint::expectation`].
    expectation: Expectation;
    /// [`Complaint::emotion`].
    emotion: u8;
    /// [`Complaint::prior_contacts`].
    prior_contacts: u16;
    /// [`Complaint::hours_open`].
    hours_open: u32;
    /// [`Complaint::affected_customers`].
    affected_customers: u32;
    /// [`Complaint::direct_loss`].
    direct_loss: u64;
    /// [`Complaint::claimed_amount`].
    claimed_amount: u64;
    /// [`Complaint::indirect_loss_claimed`].
    indirect_loss_claimed: bool;
    /// [`Complaint::liability`].
    liability: Liability;
    /// [`Complaint::evidence`].
    evidence: Evidence;
    /// [`Complaint::departments`].
    departments: u8;
    /// [`Complaint::beyond_authority`].
    beyond_authority: bool;
    /// [`Complaint::previously_compensated`].
    previously_compensated: bool;
    /// [`Complaint::safety_incident`].
    safety_incident: bool;
    /// [`Complaint::sensitive_period`].
    sensitive_period: bool;
    /// [`Complaint::rights`].
    rights: FlagSet<Right>;
    /// [`Complaint::threats`].
    threats: FlagSet<Threat>;
    /// [`Complaint::profile`].
    profile: FlagSet<Profile>;
    /// [`Complaint::malice_signals`].
    malice_signals: FlagSet<MaliceSignal>;
    /// [`Complaint::handling_failures`].
    handling_failures: FlagSet<HandlingFailure>;
    /// [`Complaint::jurisdiction`].
    jurisdiction: Jurisdiction;
    /// [`Complaint::text_cues`].
    text_cues: TextCues;
}

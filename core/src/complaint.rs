//! One complaint, as a front-line agent, an IVR menu or a CRM record supplies it.

use crate::codes::{
    Category, Channel, CustomerTier, Evidence, Expectation, HandlingFailure, Jurisdiction,
    Liability, MaliceSignal, Motive, Personality, Profile, Right, Threat,
};
use crate::flags::FlagSet;
use crate::scan::{scan_text, TextCues};

/// Longest accepted complaint id, in UTF-8 bytes.
pub const ID_CAPACITY: usize = 64;

/// A complaint id: up to [`ID_CAPACITY`] bytes of UTF-8, echoed back in the assessment.
pub type Id = heapless::String<ID_CAPACITY>;

/// One complaint: every factor the rubric reads.
///
/// Field names, defaults and accepted values are those of the JSON record
/// contract (see the crate documentation). [`Complaint::default`] gives the
/// contract's defaults. The free text of a record is not stored: it is
/// scanned once ([`Complaint::add_text`]) and only the cues found are kept,
/// so a complaint has a fixed size and no lifetime.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Complaint {
    /// Caller's identifier, echoed back.
    pub id: Id,
    /// What the complaint is about.
    pub category: Category,
    /// Where it was raised.
    pub channel: Channel,
    /// The customer's value tier.
    pub customer_tier: CustomerTier,
    /// How long the customer has been a customer, in months.
    pub tenure_months: u16,
    /// The customer's social style.
    pub personality: Personality,
    /// Why the customer complains.
    pub motive: Motive,
    /// What the customer expects.
    pub expectation: Expectation,
    /// Emotion intensity, 0 (calm) to 10.
    pub emotion: u8,
    /// Earlier contacts about the same issue.
    pub prior_contacts: u16,
    /// Hours since the complaint was first raised.
    pub hours_open: u32,
    /// How many customers the same problem affects (at least 1).
    pub affected_customers: u32,
    /// Direct loss, in minor currency units.
    pub direct_loss: u64,
    /// Amount the customer claims, in minor currency units.
    pub claimed_amount: u64,
    /// Whether the customer also claims indirect loss.
    pub indirect_loss_claimed: bool,
    /// Who is responsible.
    pub liability: Liability,
    /// What evidence backs the complaint.
    pub evidence: Evidence,
    /// How many departments must act (at least 1).
    pub departments: u8,
    /// Whether the remedy is beyond the front line's authority.
    pub beyond_authority: bool,
    /// Whether the customer was compensated before for the same issue.
    pub previously_compensated: bool,
    /// Whether a person or property was harmed.
    pub safety_incident: bool,
    /// Whether it falls in a sensitive period (a holiday, an event, a launch).
    pub sensitive_period: bool,
    /// Consumer rights at stake.
    pub rights: FlagSet<Right>,
    /// Threats the customer made.
    pub threats: FlagSet<Threat>,
    /// Difficult-customer profiles that apply.
    pub profile: FlagSet<Profile>,
    /// Signs of a malicious complaint.
    pub malice_signals: FlagSet<MaliceSignal>,
    /// How the company made it worse.
    pub handling_failures: FlagSet<HandlingFailure>,
    /// Whose outer deadline applies.
    pub jurisdiction: Jurisdiction,
    /// What the free text revealed (see [`crate::scan_text`]).
    pub text_cues: TextCues,
}

impl Default for Complaint {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl Complaint {
    /// The record contract's defaults: an `other` complaint on the hotline,
    /// one affected customer, one department, nothing else known.
    pub const DEFAULT: Complaint = Complaint {
        id: Id::new(),
        category: Category::Other,
        channel: Channel::Hotline,
        customer_tier: CustomerTier::Standard,
        tenure_months: 0,
        personality: Personality::Unknown,
        motive: Motive::Unknown,
        expectation: Expectation::Unknown,
        emotion: 0,
        prior_contacts: 0,
        hours_open: 0,
        affected_customers: 1,
        direct_loss: 0,
        claimed_amount: 0,
        indirect_loss_claimed: false,
        liability: Liability::Unknown,
        evidence: Evidence::None,
        departments: 1,
        beyond_authority: false,
        previously_compensated: false,
        safety_incident: false,
        sensitive_period: false,
        rights: FlagSet::EMPTY,
        threats: FlagSet::EMPTY,
        profile: FlagSet::EMPTY,
        malice_signals: FlagSet::EMPTY,
        handling_failures: FlagSet::EMPTY,
        jurisdiction: Jurisdiction::None,
        text_cues: TextCues::NONE,
    };

    /// Scans free text (a transcript or narrative) and merges the cues found.
    ///
    /// Can be called several times; cues accumulate.
    pub fn add_text(&mut self, text: &str) {
        self.text_cues = self.text_cues.union(scan_text(text));
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

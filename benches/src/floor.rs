//! The compute floor: what no scorer can beat on a batch of complaints.
//!
//! Scoring a complaint needs at least to read every field it depends on.
//! [`read_every_field`] does only that, summing them, so its time per record
//! is the cost of bringing the batch through the core; the scores-only
//! batch is reported as a multiple of it.

use complaint_triage::Complaint;

/// Reads every field of every complaint that scoring reads (everything but
/// the id, which only [`complaint_triage::assess`] copies) and sums them.
///
/// The sum is wrapping and meaningless: it only keeps the reads alive. The
/// loop has no dependency between records, so the compiler is free to
/// vectorise it, as it would be for any scorer.
pub fn read_every_field(batch: &[Complaint]) -> u64 {
    let mut sum = 0u64;
    for c in batch {
        let small = u64::from(c.category as u8)
            + u64::from(c.channel as u8)
            + u64::from(c.customer_tier as u8)
            + u64::from(c.personality as u8)
            + u64::from(c.motive as u8)
            + u64::from(c.expectation as u8)
            + u64::from(c.liability as u8)
            + u64::from(c.evidence as u8)
            + u64::from(c.jurisdiction as u8)
            + u64::from(c.emotion)
            + u64::from(c.departments)
            + u64::from(c.indirect_loss_claimed)
            + u64::from(c.beyond_authority)
            + u64::from(c.previously_compensated)
            + u64::from(c.safety_incident)
            + u64::from(c.sensitive_period);
        let wide = u64::from(c.tenure_months)
            + u64::from(c.prior_contacts)
            + u64::from(c.hours_open)
            + u64::from(c.affected_customers)
            + c.direct_loss.wrapping_add(c.claimed_amount);
        let sets = u64::from(c.rights.bits())
            + u64::from(c.threats.bits())
            + u64::from(c.profile.bits())
            + u64::from(c.malice_signals.bits())
            + u64::from(c.handling_failures.bits())
            + u64::from(c.text_cues.threats)
            + u64::from(c.text_cues.forbidden_phrases)
            + u64::from(c.text_cues.emotion_markers);
        sum = sum
            .wrapping_add(small)
            .wrapping_add(wide)
            .wrapping_add(sets);
    }
    sum
}

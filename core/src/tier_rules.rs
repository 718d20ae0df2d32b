//! Two handling rules beside the points and the gates: a customer whose
//! profile needs a specialist, and a clear-cut fault of ours that the
//! front line settles at once. They read who complains and what is
//! already established, not how much; their tiers and their reach live in
//! the policy ([`Policy::profile_tiers`], [`Policy::clear_cut_max_grade`]).
//!
//! Plain code shared by both gradings ([`crate::reference`] and the fast
//! one), so each condition exists once.

use crate::codes::{Evidence, Expectation, Grade, Level, Liability, Profile, Tier};
use crate::fields::ComplaintFields;
use crate::policy::Policy;

/// The lowest tier the customer's profiles ask for: the highest of
/// [`Policy::profile_tiers`] over the profiles the record lists.
///
/// Seed `003_8f6867fe054256d6.txt` (四 五種難於應對的客戶): the
/// well-prepared customer (有備而來者) knows the consumer law and records
/// the call, so 處理人一定要清楚公司的服務政策及消法有關規定.
#[inline]
pub fn profile_tier<C: ComplaintFields + ?Sized>(c: &C, policy: &Policy) -> Tier {
    let listed = c.profile();
    let mut tier = Tier::Frontline;
    for (profile, lowest) in Profile::ALL.iter().zip(&policy.profile_tiers) {
        if listed.contains(*profile) {
            tier = tier.max(*lowest);
        }
    }
    tier
}

/// Whether the complaint is clear-cut: the company's own fault, the
/// evidence verified, an expectation that can be met, and a remedy within
/// the front line's authority.
///
/// Seed `003_8f6867fe054256d6.txt` (要點四 受理投訴不得向外推: 屬于我們做得不到位的,
/// 應坦誠道歉,并及時作好補救工作) and seed `002_53957cc42773bf88.txt` (授權:
/// 在權限內快速解決問題).
#[inline]
pub fn clear_cut<C: ComplaintFields + ?Sized>(c: &C) -> bool {
    c.liability() == Liability::Company
        && c.evidence() == Evidence::Verified
        && c.expectation() == Expectation::Satisfiable
        && !c.beyond_authority()
}

/// The grade by points of a clear-cut complaint that nobody else has heard
/// of (impact low), up to [`Policy::clear_cut_max_grade`], is minor: the
/// loss that made it more is refunded at the first contact. Any other
/// grade is kept. Returns the grade and whether the rule lowered it.
#[inline]
pub fn settle_clear_cut<C: ComplaintFields + ?Sized>(
    c: &C,
    policy: &Policy,
    by_points: Grade,
    impact: Level,
) -> (Grade, bool) {
    let lowers = by_points > Grade::Minor
        && by_points <= policy.clear_cut_max_grade
        && impact == Level::Low
        && clear_cut(c);
    if lowers {
        (Grade::Minor, true)
    } else {
        (by_points, false)
    }
}

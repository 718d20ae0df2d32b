//! Handling rules beside the points and the gates: a customer whose
//! profile needs a specialist, a complaint whose remedy is beyond the
//! front line's authority (the record says so, several departments must be
//! directed, or a colleague's conduct must be reviewed), and a clear-cut
//! fault of ours that the front line settles at once. They read who
//! complains and what is already established, not how much; their tiers
//! and their reach live in the policy ([`Policy::profile_tiers`],
//! [`Policy::beyond_authority_tier`], the `departments` and `emotion`
//! bands, [`Policy::clear_cut_max_grade`]).
//!
//! Plain code shared by both gradings ([`crate::reference`] and the fast
//! one), so each condition exists once.

use crate::codes::{Category, Evidence, Expectation, Grade, Level, Liability, Profile, Tier};
use crate::factor::Band;
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

/// Whether several departments must act together: at least the policy's
/// second `departments` band (by default 3). Someone must direct them, and
/// an agent directs no other department; and coordination is resolution
/// difficulty, so such a case is at least moderate, as one hard enough for
/// a specialist by points is.
///
/// Seed `001_bf48436fc09b92e7.txt` (在处理复杂投诉时,可能需要协调公司内部的多个部门或外部资源,
/// 共同解决客户的问题) and seed `000_d3bb18e70da591cc.txt` (投诉分级工具包: 投诉解决难度).
#[inline]
pub fn needs_coordination<C: ComplaintFields + ?Sized>(c: &C, policy: &Policy) -> bool {
    policy
        .band_thresholds(Band::Departments)
        .get(1)
        .is_some_and(|t| u64::from(c.departments()) >= *t)
}

/// Whether the complaint asks for a colleague's conduct to be reviewed: a
/// `service_attitude` complaint (the record's category, not one read from
/// the text) from a customer who is upset (emotion in its first band or
/// above) or has come back about it. Who was at fault is for the
/// colleague's supervisor to establish (seed `002_53957cc42773bf88.txt`:
/// 服務態(tài)度惡劣投訴,則需要由主管介入調查處理; 服務投訴處理要強調責任認定), not
/// for the agent taking the call. A calm first remark about a slow teller
/// is a lapse settled where it arose (seed `003_8f6867fe054256d6.txt`:
/// 客戶問題在哪里出現就在哪里開始解決), as the calm influential customer's
/// ordinary question is (`core/src/gates.rs`). The misconduct itself, when
/// recorded, is the `attitude` gate.
#[inline]
pub fn conduct_review<C: ComplaintFields + ?Sized>(c: &C, policy: &Policy) -> bool {
    let upset = policy
        .band_thresholds(Band::Emotion)
        .first()
        .is_some_and(|t| u64::from(c.emotion()) >= *t);
    let repeated = crate::merge::prior_contacts(c).value > 0;
    c.category() == Category::ServiceAttitude && (upset || repeated)
}

/// Whether the remedy is beyond the front line's authority, which sends
/// the complaint to [`Policy::beyond_authority_tier`]: the record says so,
/// several departments must be directed ([`needs_coordination`]) or a
/// colleague's conduct reviewed ([`conduct_review`]). Seed
/// `002_53957cc42773bf88.txt` (授權: 在權限內快速解決問題; 超出權限的投訴,
/// 要明確告知客戶處理流程).
#[inline]
pub fn beyond_authority<C: ComplaintFields + ?Sized>(c: &C, policy: &Policy) -> bool {
    c.beyond_authority() || needs_coordination(c, policy) || conduct_review(c, policy)
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

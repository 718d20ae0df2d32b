//! A handling rule beside the points and the gates: a clear-cut fault of
//! ours that the front line settles at once. It reads what is already
//! established, not how much; its reach lives in the policy
//! ([`Policy::clear_cut_max_grade`]).
//!
//! Plain code shared by both gradings ([`crate::reference`] and the fast
//! one), so the condition exists once.

use crate::codes::{Evidence, Expectation, Grade, Level, Liability};
use crate::fields::ComplaintFields;
use crate::policy::Policy;

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

/// Whether the clear-cut rule settles the complaint as minor: it is
/// clear-cut, nobody else has heard of it (impact low), and its grade by
/// points is at most [`Policy::clear_cut_max_grade`] (the loss that made it
/// more is refunded at the first contact). A clear-cut complaint minor by
/// points is settled too.
#[inline]
pub fn settles_clear_cut<C: ComplaintFields + ?Sized>(
    c: &C,
    policy: &Policy,
    by_points: Grade,
    impact: Level,
) -> bool {
    by_points <= policy.clear_cut_max_grade && impact == Level::Low && clear_cut(c)
}

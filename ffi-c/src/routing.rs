//! Routing helpers: an assessment mapped to the priority convention of
//! each common ACD (automatic call distributor).
//!
//! Two numbers of an assessment drive routing: its `priority` (1 most
//! urgent to 5) and its `first_response_minutes` (the deadline for a first
//! answer). ACDs express precedence in one of two ways, and each helper
//! uses the matching number:
//!
//! - **Strict priority classes** (a higher class is always served first,
//!   first-in-first-out within a class): the assessment's `priority` maps
//!   onto the vendor's scale.
//! - **Head start in waiting time** (callers are ranked by time waited
//!   plus a bonus): the bonus is the *head start*
//!   `CT_ROUTING_HORIZON_MINUTES - first_response_minutes` (never
//!   negative). Ranking by "waited + head start" is then exactly ranking
//!   by first-response deadline (arrival + `first_response_minutes`,
//!   earliest first), the same rule as the triage queue: a routine caller
//!   still moves up as it waits, so nobody starves.
//!
//! The conventions, from each vendor's documentation:
//!
//! - **Asterisk** `app_queue`, channel variable `QUEUE_PRIO` (set before
//!   `Queue()`; also the AMI action `QueueChangePriorityCaller`): waiting
//!   callers are ordered by priority, a higher number answered first, FIFO
//!   among equals; unset means 0. Sources: Asterisk documentation of the
//!   `Queue` application and `configs/samples/queues.conf.sample`
//!   (docs.asterisk.org, "Queue" dialplan application and
//!   "QueueChangePriorityCaller" AMI action). Mapping: `(5 - priority) * 10`,
//!   so routine complaints (priority 5) keep the default 0 and the most
//!   urgent get 40; the steps of 10 leave room for site rules in between.
//! - **FreeSWITCH** `mod_callcenter`, channel variable `cc_base_score`:
//!   "a caller's score increases by 1 for every second he waits"; the base
//!   score is added to it and the highest score is served first. Source:
//!   FreeSWITCH documentation, "mod_callcenter" (developer.signalwire.com/
//!   freeswitch, FreeSWITCH Explained, Modules, mod_callcenter). Mapping:
//!   the head start, in seconds.
//! - **Genesys Cloud** interaction priority (Architect "Transfer to ACD"
//!   action, or the routing API): each point of priority moves the
//!   interaction's queue time back by one minute (60 000 ms), so priority
//!   is "about one point per minute of waiting". Sources: Genesys Cloud
//!   Resource Center, "Transfer to ACD action"; Genesys' explanation of the
//!   conversation score on community.genesys.com ("Conversation Priority and
//!   Score"). Mapping: the head start, in minutes.
//! - **Amazon Connect** routing priority ("Change routing priority / age"
//!   flow block, API `UpdateContactRoutingData` `QueuePriority`): 1 is
//!   routed first, new contacts default to 5; the same block can instead
//!   add seconds of routing age (`QueueTimeAdjustmentSeconds`). Source:
//!   Amazon Connect Administrator Guide, "Change routing priority / age"
//!   (docs.aws.amazon.com/connect/latest/adminguide/change-routing-priority.html).
//!   Mapping: the priority itself (1-5: routine complaints keep Connect's
//!   default 5), and the head start in seconds as the age alternative.

use triage::Assessment;

use crate::assessment::ct_assessment;
use crate::result::*;
use crate::util::{boundary, check, check_mut, get};

/// The first-response time from which the head start is counted: 240
/// minutes, the default policy's longest first-response cap (priority 5).
pub const CT_ROUTING_HORIZON_MINUTES: u32 = 240;

/// An assessment in the priority convention of each ACD (`ct_route`).
///
/// Strict priority classes take the assessment's priority; waiting-time
/// scores take its head start, `CT_ROUTING_HORIZON_MINUTES -
/// first_response_minutes` (never negative), so that ranking by "time
/// waited + head start" serves the earliest first-response deadline first.
/// Conventions: Asterisk app_queue `QUEUE_PRIO` (higher answered first,
/// default 0); FreeSWITCH mod_callcenter `cc_base_score` (added to the
/// caller's score, which grows by 1 per second waited); Genesys Cloud
/// interaction priority (one point moves the interaction one minute ahead);
/// Amazon Connect routing priority (1 routed first, default 5) or routing
/// age in seconds. Sources are cited in `ffi-c/src/routing.rs`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ct_routing {
    /// Asterisk `QUEUE_PRIO`: higher is answered first; 0 (the default) to 40.
    pub asterisk_queue_prio: u32,
    /// FreeSWITCH mod_callcenter `cc_base_score`: seconds of head start.
    pub freeswitch_cc_base_score: u32,
    /// Genesys Cloud priority: minutes of head start (one point per minute).
    pub genesys_priority: u32,
    /// Amazon Connect routing priority: 1 (first) to 5 (Connect's default).
    pub amazon_connect_priority: u32,
    /// Amazon Connect routing age adjustment (`QueueTimeAdjustmentSeconds`),
    /// the alternative to `amazon_connect_priority`: seconds of head start.
    pub amazon_connect_age_seconds: u32,
}

/// The assessment priority, clamped to 1..=5.
fn clamp_priority(priority: u8) -> u8 {
    priority.clamp(1, 5)
}

/// Minutes of head start of a first-response deadline: how much sooner than
/// [`CT_ROUTING_HORIZON_MINUTES`] it falls due (0 when later).
pub fn head_start_minutes(first_response_minutes: u16) -> u32 {
    CT_ROUTING_HORIZON_MINUTES.saturating_sub(u32::from(first_response_minutes))
}

/// Asterisk `QUEUE_PRIO` of an assessment priority: `(5 - priority) * 10`.
pub fn asterisk_queue_prio(priority: u8) -> u32 {
    u32::from(5 - clamp_priority(priority)) * 10
}

/// FreeSWITCH mod_callcenter `cc_base_score`: the head start in seconds.
pub fn freeswitch_cc_base_score(first_response_minutes: u16) -> u32 {
    head_start_minutes(first_response_minutes) * 60
}

/// Genesys Cloud priority: the head start in minutes.
pub fn genesys_priority(first_response_minutes: u16) -> u32 {
    head_start_minutes(first_response_minutes)
}

/// Amazon Connect routing priority: the assessment priority (1 first, 5 default).
pub fn amazon_connect_priority(priority: u8) -> u32 {
    u32::from(clamp_priority(priority))
}

/// Amazon Connect routing age adjustment: the head start in seconds.
pub fn amazon_connect_age_seconds(first_response_minutes: u16) -> u32 {
    head_start_minutes(first_response_minutes) * 60
}

impl ct_routing {
    /// The routing of an assessment's priority and first-response minutes
    /// (a priority outside 1..=5 is clamped).
    pub fn new(priority: u8, first_response_minutes: u16) -> ct_routing {
        ct_routing {
            asterisk_queue_prio: asterisk_queue_prio(priority),
            freeswitch_cc_base_score: freeswitch_cc_base_score(first_response_minutes),
            genesys_priority: genesys_priority(first_response_minutes),
            amazon_connect_priority: amazon_connect_priority(priority),
            amazon_connect_age_seconds: amazon_connect_age_seconds(first_response_minutes),
        }
    }

    /// The routing of a core assessment.
    pub fn of(a: &Assessment) -> ct_routing {
        ct_routing::new(a.priority, a.first_response_minutes)
    }
}

/// Maps `*assessment` to every ACD's priority convention, into `*out`
/// (see the `ct_routing` fields; the conventions and their sources are
/// documented in `ffi-c/src/routing.rs`).
///
/// Reads only `priority` and `first_response_minutes`. Returns
/// `CT_ERR_ASSESSMENT_PRIORITY` when the priority is outside 1-5,
/// `CT_ERR_NULL_POINTER` for a NULL argument; `*out` is untouched on failure.
///
/// # Safety
/// `assessment` must be NULL or point to a readable `ct_assessment`; `out`
/// must be NULL or point to a writable `ct_routing`.
#[no_mangle]
pub unsafe extern "C" fn ct_route(
    assessment: *const ct_assessment,
    out: *mut ct_routing,
) -> ct_result {
    boundary(|| {
        check(assessment)?;
        check_mut(out)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is readable.
        let (priority, minutes) = unsafe {
            (
                get!(assessment.priority),
                get!(assessment.first_response_minutes),
            )
        };
        if !(1..=5).contains(&priority) {
            return Err(CT_ERR_ASSESSMENT_PRIORITY);
        }
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(ct_routing::new(priority, minutes)) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asterisk_serves_urgent_first_and_keeps_routine_at_default() {
        assert_eq!(asterisk_queue_prio(1), 40);
        assert_eq!(asterisk_queue_prio(5), 0);
        assert!((1..5).all(|p| asterisk_queue_prio(p) > asterisk_queue_prio(p + 1)));
    }

    #[test]
    fn amazon_connect_keeps_its_scale() {
        assert_eq!(amazon_connect_priority(1), 1);
        assert_eq!(amazon_connect_priority(5), 5);
        assert_eq!(amazon_connect_priority(0), 1);
        assert_eq!(amazon_connect_priority(9), 5);
    }

    #[test]
    fn head_starts_order_callers_by_deadline() {
        // Caller A arrived at t=0 with a 240-minute deadline, caller B at
        // t=200 min with a 15-minute deadline. B's deadline (215) is earlier
        // than A's (240): at t=210, B must rank first in every head-start ACD.
        let now = 210 * 60;
        let score =
            |arrival: u32, minutes: u16| (now - arrival) + freeswitch_cc_base_score(minutes);
        assert!(score(200 * 60, 15) > score(0, 240));
        // Caller C arrived at t=0 with 240 minutes; D at t=230 with 15
        // (deadline 245): C falls due first and must rank first.
        let now = 235 * 60;
        let score =
            |arrival: u32, minutes: u16| (now - arrival) + freeswitch_cc_base_score(minutes);
        assert!(score(0, 240) > score(230 * 60, 15));
        assert_eq!(genesys_priority(15), 225);
        assert_eq!(genesys_priority(600), 0);
        assert_eq!(amazon_connect_age_seconds(30), 210 * 60);
    }

    #[test]
    fn ct_route_checks_the_priority() {
        let mut a = crate::tests::graded(b"{}");
        let mut r = ct_routing::default();
        // SAFETY: valid locals.
        unsafe {
            assert_eq!(ct_route(&a, &mut r), CT_OK);
            assert_eq!(r, ct_routing::new(a.priority, a.first_response_minutes));
            a.priority = 0;
            let before = r;
            assert_eq!(ct_route(&a, &mut r), CT_ERR_ASSESSMENT_PRIORITY);
            assert_eq!(r, before);
            a.priority = 6;
            assert_eq!(ct_route(&a, &mut r), CT_ERR_ASSESSMENT_PRIORITY);
            assert_eq!(ct_route(core::ptr::null(), &mut r), CT_ERR_NULL_POINTER);
            assert_eq!(ct_route(&a, core::ptr::null_mut()), CT_ERR_NULL_POINTER);
        }
    }
}

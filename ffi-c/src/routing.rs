//! Routing helpers: an assessment mapped to the priority convention of
//! each common ACD (Asterisk `QUEUE_PRIO`, FreeSWITCH mod_callcenter
//! `cc_base_score`, Genesys Cloud priority, Amazon Connect routing
//! priority or age).
//!
//! The mapping, its rationale and the vendors' documentation it follows
//! live in the core ([`triage::routing`], `core/src/routing.rs`); this
//! module only carries the C struct and checks the C integers it reads.

use triage::routing::Routing;

use crate::assessment::ct_assessment;
use crate::result::*;
use crate::util::{boundary, check, check_mut, get};

/// The first-response time from which the head start is counted: 240
/// minutes, the default policy's longest first-response cap (priority 5).
pub const CT_ROUTING_HORIZON_MINUTES: u32 = 240;

// A literal for cbindgen, which cannot evaluate a path into the core: keep
// it equal to the core's constant.
const _: () = assert!(CT_ROUTING_HORIZON_MINUTES == triage::ROUTING_HORIZON_MINUTES);

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
/// age in seconds. Sources are cited in `core/src/routing.rs`.
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

impl From<Routing> for ct_routing {
    fn from(r: Routing) -> ct_routing {
        ct_routing {
            asterisk_queue_prio: r.asterisk_queue_prio,
            freeswitch_cc_base_score: r.freeswitch_cc_base_score,
            genesys_priority: r.genesys_priority,
            amazon_connect_priority: r.amazon_connect_priority,
            amazon_connect_age_seconds: r.amazon_connect_age_seconds,
        }
    }
}

impl From<ct_routing> for Routing {
    fn from(r: ct_routing) -> Routing {
        Routing {
            asterisk_queue_prio: r.asterisk_queue_prio,
            freeswitch_cc_base_score: r.freeswitch_cc_base_score,
            genesys_priority: r.genesys_priority,
            amazon_connect_priority: r.amazon_connect_priority,
            amazon_connect_age_seconds: r.amazon_connect_age_seconds,
        }
    }
}

/// Maps `*assessment` to every ACD's priority convention, into `*out`
/// (see the `ct_routing` fields; the conventions and their sources are
/// documented in `core/src/routing.rs`).
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
        unsafe { out.write(Routing::new(priority, minutes).into()) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ct_route_checks_the_priority() {
        let mut a = crate::tests::graded(b"{}");
        let mut r = ct_routing::default();
        // SAFETY: valid locals.
        unsafe {
            assert_eq!(ct_route(&a, &mut r), CT_OK);
            assert_eq!(
                Routing::from(r),
                Routing::new(a.priority, a.first_response_minutes)
            );
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

    #[test]
    fn ct_route_equals_the_core_on_every_priority() {
        let mut a = crate::tests::graded(b"{}");
        for priority in 1..=5u8 {
            for minutes in [0u16, 15, 239, 240, 241, u16::MAX] {
                a.priority = priority;
                a.first_response_minutes = minutes;
                let mut r = ct_routing::default();
                // SAFETY: valid locals.
                assert_eq!(unsafe { ct_route(&a, &mut r) }, CT_OK);
                assert_eq!(r, ct_routing::from(Routing::new(priority, minutes)));
            }
        }
    }
}

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
//!   [`ROUTING_HORIZON_MINUTES`]` - first_response_minutes` (never
//!   negative). Ranking by "waited + head start" is then exactly ranking
//!   by first-response deadline (arrival + `first_response_minutes`,
//!   earliest first), the same rule as the [triage queue](crate::queue):
//!   a routine caller still moves up as it waits, so nobody starves.
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
//!
//! ```
//! use complaint_triage::{assess, parse_complaint, route, Policy};
//!
//! let c = parse_complaint(br#"{"category":"billing","emotion":9}"#).unwrap();
//! let a = assess(&c, &Policy::DEFAULT);
//! let r = route(&a);
//! assert_eq!(r.asterisk_queue_prio, u32::from(5 - a.priority) * 10);
//! assert_eq!(r.amazon_connect_priority, u32::from(a.priority));
//! ```

use crate::assessment::Assessment;

/// The first-response time from which the head start is counted: 240
/// minutes, the default policy's longest first-response cap (priority 5).
///
/// A complaint due in 240 minutes or later gets no head start; one due
/// sooner gets the difference. A fixed horizon, rather than the policy in
/// use, keeps the numbers sent to the ACD comparable across policies.
pub const ROUTING_HORIZON_MINUTES: u32 = 240;

/// An assessment in the priority convention of each ACD ([`route`]).
///
/// Strict priority classes take the assessment's priority; waiting-time
/// scores take its head start, [`ROUTING_HORIZON_MINUTES`]` -
/// first_response_minutes` (never negative), so that ranking by "time
/// waited + head start" serves the earliest first-response deadline first.
/// The conventions and their sources are in the [module
/// documentation](self).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Routing {
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

impl Routing {
    /// The routing of a priority and a first-response time. A priority
    /// outside 1..=5 is clamped, so that the result always lies on each
    /// vendor's scale; an [`Assessment`]'s priority is always in range.
    pub fn new(priority: u8, first_response_minutes: u16) -> Routing {
        Routing {
            asterisk_queue_prio: asterisk_queue_prio(priority),
            freeswitch_cc_base_score: freeswitch_cc_base_score(first_response_minutes),
            genesys_priority: genesys_priority(first_response_minutes),
            amazon_connect_priority: amazon_connect_priority(priority),
            amazon_connect_age_seconds: amazon_connect_age_seconds(first_response_minutes),
        }
    }
}

/// Maps an assessment to every ACD's priority convention (see [`Routing`]).
///
/// Reads only its `priority` and `first_response_minutes`.
pub fn route(a: &Assessment) -> Routing {
    Routing::new(a.priority, a.first_response_minutes)
}

/// The priority, clamped to 1..=5 (the scale of an assessment).
fn clamp_priority(priority: u8) -> u8 {
    priority.clamp(1, 5)
}

/// Minutes of head start of a first-response deadline: how much sooner than
/// [`ROUTING_HORIZON_MINUTES`] it falls due (0 when later).
pub fn head_start_minutes(first_response_minutes: u16) -> u32 {
    ROUTING_HORIZON_MINUTES.saturating_sub(u32::from(first_response_minutes))
}

/// Seconds of head start: [`head_start_minutes`] times 60 (at most
/// 14 400, so it cannot overflow).
fn head_start_seconds(first_response_minutes: u16) -> u32 {
    head_start_minutes(first_response_minutes) * 60
}

/// Asterisk `QUEUE_PRIO` of a priority: `(5 - priority) * 10`, 0 to 40
/// (a priority outside 1..=5 is clamped).
pub fn asterisk_queue_prio(priority: u8) -> u32 {
    u32::from(5 - clamp_priority(priority)) * 10
}

/// FreeSWITCH mod_callcenter `cc_base_score`: the head start in seconds,
/// because the caller's score grows by one per second waited.
pub fn freeswitch_cc_base_score(first_response_minutes: u16) -> u32 {
    head_start_seconds(first_response_minutes)
}

/// Genesys Cloud priority: the head start in minutes, because one point
/// of priority is worth one minute of queue time.
pub fn genesys_priority(first_response_minutes: u16) -> u32 {
    head_start_minutes(first_response_minutes)
}

/// Amazon Connect routing priority: the priority itself (1 routed first,
/// 5 Connect's default; a priority outside 1..=5 is clamped).
pub fn amazon_connect_priority(priority: u8) -> u32 {
    u32::from(clamp_priority(priority))
}

/// Amazon Connect routing age adjustment (`QueueTimeAdjustmentSeconds`):
/// the head start in seconds.
pub fn amazon_connect_age_seconds(first_response_minutes: u16) -> u32 {
    head_start_seconds(first_response_minutes)
}

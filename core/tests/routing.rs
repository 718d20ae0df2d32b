//! The ACD routing helpers: each vendor's scale, the head start, and that
//! ranking by "waited + head start" is ranking by first-response deadline.

use complaint_triage::routing::{
    amazon_connect_age_seconds, amazon_connect_priority, asterisk_queue_prio,
    freeswitch_cc_base_score, genesys_priority, head_start_minutes,
};
use complaint_triage::*;
use proptest::prelude::{any, prop_assert, prop_assert_eq, proptest};

fn example_assessments() -> Vec<Assessment> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/complaints.jsonl");
    let text = std::fs::read_to_string(path).expect("examples/complaints.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| assess(&parse_complaint(l.as_bytes()).unwrap(), &Policy::DEFAULT))
        .collect()
}

#[test]
fn asterisk_serves_urgent_first_and_keeps_routine_at_default() {
    let prios: Vec<u32> = (1..=5).map(asterisk_queue_prio).collect();
    assert_eq!(prios, [40, 30, 20, 10, 0]);
    // Out-of-range priorities stay on the 0..=40 scale.
    assert_eq!(asterisk_queue_prio(0), 40);
    assert_eq!(asterisk_queue_prio(u8::MAX), 0);
}

#[test]
fn amazon_connect_keeps_its_scale() {
    let prios: Vec<u32> = (1..=5).map(amazon_connect_priority).collect();
    assert_eq!(prios, [1, 2, 3, 4, 5]);
    assert_eq!(amazon_connect_priority(0), 1);
    assert_eq!(amazon_connect_priority(9), 5);
}

#[test]
fn head_starts_are_counted_from_the_horizon() {
    assert_eq!(ROUTING_HORIZON_MINUTES, 240);
    assert_eq!(head_start_minutes(0), 240);
    assert_eq!(head_start_minutes(15), 225);
    assert_eq!(head_start_minutes(240), 0);
    assert_eq!(head_start_minutes(u16::MAX), 0);
    assert_eq!(genesys_priority(15), 225);
    assert_eq!(genesys_priority(600), 0);
    assert_eq!(freeswitch_cc_base_score(15), 225 * 60);
    assert_eq!(amazon_connect_age_seconds(30), 210 * 60);
}

#[test]
fn the_horizon_is_the_default_policys_longest_first_response_cap() {
    let caps = Policy::DEFAULT.first_response_cap_minutes;
    assert_eq!(
        u32::from(*caps.iter().max().unwrap()),
        ROUTING_HORIZON_MINUTES
    );
    assert_eq!(u32::from(caps[4]), ROUTING_HORIZON_MINUTES);
}

#[test]
fn head_starts_order_callers_by_deadline() {
    // Caller A arrived at t=0 with a 240-minute deadline, caller B at
    // t=200 min with a 15-minute deadline. B's deadline (215) is earlier
    // than A's (240): at t=210, B must rank first in every head-start ACD.
    let now = 210 * 60;
    let score = |arrival: u32, minutes: u16| (now - arrival) + freeswitch_cc_base_score(minutes);
    assert!(score(200 * 60, 15) > score(0, 240));
    // Caller C arrived at t=0 with 240 minutes; D at t=230 with 15
    // (deadline 245): C falls due first and must rank first.
    let now = 235 * 60;
    let score = |arrival: u32, minutes: u16| (now - arrival) + freeswitch_cc_base_score(minutes);
    assert!(score(0, 240) > score(230 * 60, 15));
}

#[test]
fn route_maps_every_example_assessment() {
    let all = example_assessments();
    assert!(!all.is_empty());
    for a in &all {
        let r = route(a);
        assert_eq!(r, Routing::new(a.priority, a.first_response_minutes));
        assert_eq!(r.asterisk_queue_prio, u32::from(5 - a.priority) * 10);
        assert_eq!(r.amazon_connect_priority, u32::from(a.priority));
        assert_eq!(
            r.genesys_priority,
            ROUTING_HORIZON_MINUTES.saturating_sub(u32::from(a.first_response_minutes))
        );
        assert_eq!(r.freeswitch_cc_base_score, r.genesys_priority * 60);
        assert_eq!(r.amazon_connect_age_seconds, r.freeswitch_cc_base_score);
    }
}

proptest! {
    #[test]
    fn every_field_stays_on_its_vendors_scale(priority in any::<u8>(), minutes in any::<u16>()) {
        let r = Routing::new(priority, minutes);
        prop_assert!(r.asterisk_queue_prio <= 40 && r.asterisk_queue_prio.is_multiple_of(10));
        prop_assert!((1..=5).contains(&r.amazon_connect_priority));
        // Never negative: a deadline past the horizon gets 0, not a penalty.
        prop_assert!(r.genesys_priority <= ROUTING_HORIZON_MINUTES);
        prop_assert_eq!(
            r.genesys_priority,
            ROUTING_HORIZON_MINUTES.saturating_sub(u32::from(minutes))
        );
        prop_assert_eq!(r.freeswitch_cc_base_score, r.genesys_priority * 60);
        prop_assert_eq!(r.amazon_connect_age_seconds, r.genesys_priority * 60);
        if (1..=5).contains(&priority) {
            prop_assert_eq!(r.asterisk_queue_prio, u32::from(5 - priority) * 10);
            prop_assert_eq!(r.amazon_connect_priority, u32::from(priority));
        }
    }

    #[test]
    fn more_urgent_never_routes_later(
        p in any::<u8>(), q in any::<u8>(), m in any::<u16>(), n in any::<u16>(),
    ) {
        // Priority: a smaller (more urgent) number never gets a lower
        // Asterisk priority nor a later Amazon Connect class.
        let (p, q) = (p.min(q), p.max(q));
        prop_assert!(asterisk_queue_prio(p) >= asterisk_queue_prio(q));
        prop_assert!(amazon_connect_priority(p) <= amazon_connect_priority(q));
        // Deadline: a shorter first response never gets a smaller head start.
        let (m, n) = (m.min(n), m.max(n));
        let (a, b) = (Routing::new(1, m), Routing::new(1, n));
        prop_assert!(a.genesys_priority >= b.genesys_priority);
        prop_assert!(a.freeswitch_cc_base_score >= b.freeswitch_cc_base_score);
        prop_assert!(a.amazon_connect_age_seconds >= b.amazon_connect_age_seconds);
    }

    #[test]
    fn waited_plus_head_start_ranks_by_deadline(
        arrival_a in 0u64..100_000, arrival_b in 0u64..100_000,
        minutes_a in 0u16..=240, minutes_b in 0u16..=240, extra in 0u64..100_000,
    ) {
        // Within the horizon, FreeSWITCH's score (seconds waited + base
        // score) orders two callers exactly as their deadlines do.
        let now = arrival_a.max(arrival_b) + extra;
        let score = |arrival: u64, minutes: u16| {
            (now - arrival) + u64::from(freeswitch_cc_base_score(minutes))
        };
        let deadline = |arrival: u64, minutes: u16| arrival + u64::from(minutes) * 60;
        prop_assert_eq!(
            score(arrival_a, minutes_a).cmp(&score(arrival_b, minutes_b)),
            deadline(arrival_b, minutes_b).cmp(&deadline(arrival_a, minutes_a))
        );
    }
}

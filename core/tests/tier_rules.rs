//! The two handling rules beside points and gates (`core/src/tier_rules.rs`):
//! a profile that needs a specialist, and a clear-cut fault of ours settled
//! at the front line. Each is checked on the complaint that motivated it,
//! against the same complaint with the deciding fact taken away, under a
//! policy that turns the rule off, and in both gradings.

use complaint_triage::{
    assess, parse_complaint, parse_policy, reference, write_policy_json, Assessment, Channel,
    Complaint, Evidence, Expectation, Grade, Liability, Policy, Profile, Tier, TierBasis,
};

fn record(json: &str) -> Complaint {
    parse_complaint(json.as_bytes()).expect("a valid record")
}

/// Grades with `policy`, checking that the fast grading agrees with the
/// plain one.
fn graded(c: &Complaint, policy: &Policy) -> Assessment {
    let a = assess(c, policy);
    assert_eq!(a, reference::assess(c, policy), "fast and reference differ");
    a
}

// A billing complaint from a customer who cites the consumer law and
// records the call (expert case E-083).
const WELL_PREPARED: &str = r#"{"category":"billing","channel":"hotline","emotion":5,"profile":["well_prepared"],"evidence":"customer_provided","direct_loss":9900}"#;

#[test]
fn a_well_prepared_customer_needs_a_specialist_and_is_at_least_moderate() {
    let a = graded(&record(WELL_PREPARED), &Policy::DEFAULT);
    assert_eq!(a.tier, Tier::Specialist);
    assert_eq!(a.tier_basis, TierBasis::Profile);
    assert_eq!(a.grade, Grade::Moderate);
    // Moderate, calm-ish: the routine queue, not the when-convenient one.
    assert_eq!(a.priority, 4);
}

#[test]
fn without_the_profile_the_same_complaint_stays_at_the_front_line() {
    let mut c = record(WELL_PREPARED);
    c.profile = complaint_triage::FlagSet::EMPTY;
    let a = graded(&c, &Policy::DEFAULT);
    assert_eq!(
        (a.grade, a.tier, a.priority),
        (Grade::Minor, Tier::Frontline, 5)
    );
}

#[test]
fn a_policy_can_turn_the_profile_rule_off_or_extend_it() {
    let off = parse_policy(br#"{"profile_tiers":{"well_prepared":"frontline"}}"#).unwrap();
    let a = graded(&record(WELL_PREPARED), &off);
    assert_eq!((a.grade, a.tier), (Grade::Minor, Tier::Frontline));

    let stubborn = r#"{"category":"billing","channel":"hotline","profile":["stubborn"]}"#;
    assert_eq!(
        graded(&record(stubborn), &Policy::DEFAULT).tier,
        Tier::Frontline
    );
    let on = parse_policy(br#"{"profile_tiers":{"stubborn":"management"}}"#).unwrap();
    let a = graded(&record(stubborn), &on);
    assert_eq!(
        (a.tier, a.tier_basis),
        (Tier::Management, TierBasis::Profile)
    );
    assert_eq!(a.grade, Grade::Moderate);
}

#[test]
fn a_bad_profile_tier_is_an_error_naming_the_field_and_the_key() {
    let e = parse_policy(br#"{"profile_tiers":{"well_prepard":"specialist"}}"#).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("profile_tiers"), "{text}");
    assert!(text.contains("well_prepard"), "{text}");
    let e = parse_policy(br#"{"profile_tiers":{"well_prepared":"expert"}}"#).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("profile_tiers"), "{text}");
    assert!(text.contains("expert"), "{text}");
    let e = parse_policy(br#"{"clear_cut_max_grade":"big"}"#).unwrap_err();
    assert!(e.to_string().contains("clear_cut_max_grade"), "{e}");
}

// A calm VIP's wrongly charged 1,500-yuan annual fee, our fault, verified,
// asking for the refund (expert case E-048).
const CLEAR_CUT: &str = r#"{"category":"billing","channel":"hotline","customer_tier":"vip","emotion":2,"liability":"company","evidence":"verified","expectation":"satisfiable","direct_loss":150000,"claimed_amount":150000}"#;

#[test]
fn a_clear_cut_fault_of_ours_is_settled_at_the_front_line() {
    let a = graded(&record(CLEAR_CUT), &Policy::DEFAULT);
    assert_eq!((a.grade, a.tier), (Grade::Minor, Tier::Frontline));
    assert_eq!(a.tier_basis, TierBasis::ClearCut);
    // The 1,000-yuan band still counts in the score and for urgency.
    assert_eq!(a.scores.severity, 35);
    assert_eq!(a.priority, 4);
}

/// One change of a record.
type Change = fn(&mut Complaint);

#[test]
fn a_case_that_is_not_clear_cut_keeps_its_moderate_grade() {
    let changes: [(&str, Change); 5] = [
        ("shared liability", |c| c.liability = Liability::Shared),
        ("evidence not verified", |c| {
            c.evidence = Evidence::CustomerProvided
        }),
        ("an excessive expectation", |c| {
            c.expectation = Expectation::Excessive
        }),
        ("beyond authority", |c| c.beyond_authority = true),
        // Heard of by others: a public post is not closed by a refund alone.
        ("on social media", |c| c.channel = Channel::SocialMedia),
    ];
    for (what, change) in changes {
        let mut c = record(CLEAR_CUT);
        change(&mut c);
        let a = graded(&c, &Policy::DEFAULT);
        assert!(
            a.grade >= Grade::Moderate && a.tier >= Tier::Specialist,
            "{what}: {:?} {:?}",
            a.grade,
            a.tier
        );
        assert_ne!(a.tier_basis, TierBasis::ClearCut, "{what}");
    }
}

#[test]
fn a_large_loss_is_not_settled_as_minor_however_clear_cut() {
    // 150,000 yuan: band 4, a major complaint whatever the category.
    let mut c = record(CLEAR_CUT);
    c.direct_loss = 15_000_000;
    c.claimed_amount = 15_000_000;
    let a = graded(&c, &Policy::DEFAULT);
    assert_eq!((a.grade, a.tier), (Grade::Major, Tier::Management));
}

#[test]
fn a_policy_can_turn_the_clear_cut_rule_off() {
    let off = parse_policy(br#"{"clear_cut_max_grade":"minor"}"#).unwrap();
    let a = graded(&record(CLEAR_CUT), &off);
    assert_eq!((a.grade, a.tier), (Grade::Moderate, Tier::Specialist));
    assert_eq!(a.tier_basis, TierBasis::Grade);
}

#[test]
fn the_new_policy_keys_are_written_and_read_back() {
    let mut p = Policy::DEFAULT;
    p.profile_tiers[Profile::Stubborn as usize] = Tier::Specialist;
    p.clear_cut_max_grade = Grade::Major;
    let mut buf = vec![0u8; 64 * 1024];
    let n = write_policy_json(&p, &mut buf).expect("fits");
    let back = parse_policy(&buf[..n]).expect("its own JSON parses");
    assert_eq!(back, p);
}

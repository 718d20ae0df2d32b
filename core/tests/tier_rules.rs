//! The handling rules beside points and gates (`core/src/tier_rules.rs`):
//! a profile that needs a specialist, a remedy beyond the front line's
//! authority (several departments, a colleague's conduct), and a clear-cut
//! fault of ours settled at the front line. Each is checked on the complaint that motivated it,
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

// A number port stuck between the shop and the systems team, three
// departments (expert case E-077).
const THREE_DEPARTMENTS: &str =
    r#"{"category":"transaction","channel":"hotline","emotion":5,"departments":3,"hours_open":80}"#;

#[test]
fn several_departments_to_direct_need_a_specialist_and_are_at_least_moderate() {
    let a = graded(&record(THREE_DEPARTMENTS), &Policy::DEFAULT);
    assert_eq!((a.grade, a.tier), (Grade::Moderate, Tier::Specialist));
    // Moderate, an upset customer waiting for days: within the working day.
    assert_eq!(a.priority, 3);
    let mut two = record(THREE_DEPARTMENTS);
    two.departments = 2;
    let a = graded(&two, &Policy::DEFAULT);
    assert_eq!((a.grade, a.tier), (Grade::Minor, Tier::Frontline));
    // The threshold is the policy's second departments band.
    let later = parse_policy(br#"{"bands":{"departments":[2,4,5]}}"#).unwrap();
    let a = graded(&record(THREE_DEPARTMENTS), &later);
    assert_eq!((a.grade, a.tier), (Grade::Minor, Tier::Frontline));
}

// A customer who wants the previous agent's handling acknowledged
// (expert case E-089), and a calm remark about a slow teller (E-029).
const CONDUCT: &str =
    r#"{"category":"service_attitude","channel":"email","motive":"recognition","emotion":5}"#;
const SLOW_TELLER: &str = r#"{"category":"service_attitude","channel":"in_person","emotion":3}"#;

#[test]
fn an_upset_customers_complaint_about_staff_conduct_goes_to_a_supervisor() {
    let a = graded(&record(CONDUCT), &Policy::DEFAULT);
    assert_eq!(a.tier, Tier::Specialist);
    assert_eq!(a.tier_basis, TierBasis::Authority);
    // Nothing is established yet: the grade stays the points'.
    assert_eq!(a.grade, Grade::Minor);
    assert!(a.gates.is_empty());

    let calm = graded(&record(SLOW_TELLER), &Policy::DEFAULT);
    assert_eq!((calm.grade, calm.tier), (Grade::Minor, Tier::Frontline));
    // The same calm customer coming back about it is no longer settled
    // where it arose.
    let mut again = record(SLOW_TELLER);
    again.prior_contacts = 1;
    assert_eq!(graded(&again, &Policy::DEFAULT).tier, Tier::Specialist);
    // The rule reads the record's category, not one read from the text.
    let mut other = record(CONDUCT);
    other.category = complaint_triage::Category::Other;
    assert_eq!(graded(&other, &Policy::DEFAULT).tier, Tier::Frontline);
    // Its tier is the policy's for a remedy beyond authority.
    let off = parse_policy(br#"{"beyond_authority_tier":"frontline"}"#).unwrap();
    assert_eq!(graded(&record(CONDUCT), &off).tier, Tier::Frontline);
}

#[test]
fn a_justice_driven_customer_needs_someone_who_can_order_the_fix() {
    // A blocked accessible path reported for others (expert case E-085).
    let c = record(
        r#"{"category":"other","channel":"email","emotion":6,"profile":["justice_driven"],"rights":["supervision"]}"#,
    );
    let a = graded(&c, &Policy::DEFAULT);
    assert_eq!((a.grade, a.tier), (Grade::Moderate, Tier::Specialist));
    assert_eq!(a.tier_basis, TierBasis::Profile);
    let off = parse_policy(br#"{"profile_tiers":{"justice_driven":"frontline"}}"#).unwrap();
    assert_eq!(graded(&c, &off).tier, Tier::Frontline);
}

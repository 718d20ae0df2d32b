//! Gates, deadlines by priority, the regulators' clocks and the safety
//! level, on records as a complaint manager would read them (the rows of
//! the "Rubric v2" issue and the seeds' own rules).

use complaint_triage::{
    assess, parse_complaint, parse_policy, safety_level, Assessment, Complaint, Currency, Gate,
    Grade, Policy, RecordField, SafetyLevel, Step, Strategy, Tier, TierBasis,
};

fn grade(json: &str) -> Assessment {
    let c = parse_complaint(json.as_bytes()).unwrap_or_else(|e| panic!("{json}: {e}"));
    assess(&c, &Policy::DEFAULT)
}

fn gates(a: &Assessment) -> Vec<Gate> {
    a.gates.iter().collect()
}

#[test]
fn harm_to_a_person_is_critical_management_p1_at_every_level_from_injury() {
    // The issue's first row: major, P2 and 168 h before the gates.
    let old = grade(r#"{"category":"product_quality","safety_incident":true,"rights":["safety"]}"#);
    assert_eq!(
        (old.grade, old.tier, old.priority),
        (Grade::Critical, Tier::Management, 1)
    );
    assert_eq!(gates(&old), [Gate::SafetyInjury]);
    assert_eq!(old.resolution_hours, Policy::DEFAULT.resolution_hours[0]);
    for level in ["injury", "serious_injury", "death"] {
        let a = grade(&format!(
            r#"{{"category":"product_quality","safety":"{level}"}}"#
        ));
        assert_eq!(
            (a.grade, a.tier, a.priority),
            (Grade::Critical, Tier::Management, 1),
            "{level}"
        );
        assert_eq!(a.playbook.strategy, Strategy::SacrificeSmall, "{level}");
    }
    // A hazard nobody was hurt by is a safety matter, not the gravest one.
    let hazard = grade(r#"{"category":"product_quality","safety":"hazard"}"#);
    assert_eq!(gates(&hazard), [Gate::SafetyHazard]);
    assert_eq!(
        (hazard.grade, hazard.tier, hazard.priority),
        (Grade::Moderate, Tier::Specialist, 2)
    );
    // The older flag still reads as at least an injury, whatever the level says.
    let both = grade(r#"{"safety":"hazard","safety_incident":true}"#);
    assert_eq!(gates(&both), [Gate::SafetyInjury]);
}

#[test]
fn the_gates_fields_are_read_and_set_through_the_contract_like_the_factors_fields() {
    // The typed setters the C and Python bindings use store the gates'
    // fields as the JSON readers do, beside the factors' fields, and the
    // older flag still grades as at least an injury.
    let mut set = Complaint::DEFAULT;
    set.set_bool(RecordField::safety_incident, true).unwrap();
    set.set_code(RecordField::safety, SafetyLevel::Hazard.index())
        .unwrap();
    set.set_int(RecordField::hours_since_regulator, 400)
        .unwrap();
    set.set_code(RecordField::currency, Currency::Gbp.index())
        .unwrap();
    let read = parse_complaint(
        br#"{"currency":"GBP","safety":"hazard","safety_incident":true,"hours_since_regulator":400}"#,
    )
    .unwrap();
    assert_eq!(read, set);
    assert_eq!(safety_level(&set), SafetyLevel::Injury);
    assert_eq!(gates(&assess(&set, &Policy::DEFAULT)), [Gate::SafetyInjury]);
    assert!(set
        .set_int(RecordField::hours_since_regulator, 1_000_001)
        .is_err());
}

#[test]
fn a_court_a_regulator_or_an_ombudsman_makes_it_a_management_matter_with_legal() {
    for channel in ["court", "regulator", "ombudsman"] {
        let a = grade(&format!(
            r#"{{"category":"billing","channel":"{channel}"}}"#
        ));
        assert_eq!(a.tier, Tier::Management, "{channel}");
        assert_eq!(a.tier_basis, TierBasis::Gate, "{channel}");
        assert!(a.priority <= 2, "{channel}");
        assert!(a.gates.contains(Gate::FormalChannel), "{channel}");
        assert!(a.playbook.steps.contains(Step::LegalReview), "{channel}");
        assert!(
            a.playbook.steps.contains(Step::InformManagement),
            "{channel}"
        );
    }
    let hotline = grade(r#"{"category":"billing"}"#);
    assert!(hotline.gates.is_empty());
    assert!(hotline.playbook.steps.is_empty());
}

#[test]
fn scope_gates_follow_the_number_of_customers() {
    let at = |n: u32| {
        grade(&format!(
            r#"{{"category":"basic_service","affected_customers":{n}}}"#
        ))
    };
    assert_eq!((at(9).grade, at(9).gates.len()), (Grade::Minor, 0));
    assert_eq!(at(10).grade, Grade::Moderate);
    let hundreds = at(500);
    assert_eq!(
        (hundreds.grade, hundreds.tier, hundreds.priority),
        (Grade::Major, Tier::Management, 2)
    );
    // The issue's second row: 50,000 customers was moderate, specialist, P3.
    let city = at(50_000);
    assert_eq!(
        (city.grade, city.tier, city.priority),
        (Grade::Critical, Tier::Management, 1)
    );
    assert_eq!(
        gates(&city),
        [Gate::SeveralAffected, Gate::MassIncident, Gate::WideOutage]
    );
}

#[test]
fn an_influential_customer_or_an_exposure_threat_is_p2_and_management_is_told() {
    // The issue's row: billing, influential, threat media was P4.
    let a = grade(r#"{"category":"billing","profile":["influential"],"threats":["media"]}"#);
    assert!(a.priority <= 2);
    assert!(a.playbook.steps.contains(Step::InformManagement));
    assert!(a.gates.contains(Gate::PublicExposure));
    // A journalist asking calmly, the first time, about a late parcel.
    let calm = grade(r#"{"category":"logistics","profile":["influential"],"emotion":2}"#);
    assert!(!calm.gates.contains(Gate::PublicExposure));
    let again = grade(
        r#"{"category":"logistics","profile":["influential"],"emotion":2,"prior_contacts":1}"#,
    );
    assert!(again.gates.contains(Gate::PublicExposure));
    // A threat only found in a text that denies it sets no floor.
    let denied = grade(r#"{"category":"billing","text":"我不会找媒体,只想退钱。"}"#);
    assert!(!denied.gates.contains(Gate::PublicExposure));
}

#[test]
fn a_rude_agent_goes_to_a_supervisor() {
    // The issue's row: was minor, frontline, P4 with "supervisor review" as the remedy.
    let a = grade(
        r#"{"category":"service_attitude","emotion":8,"handling_failures":["forbidden_phrase","nonverbal_rejection","language_landmine"]}"#,
    );
    assert!(a.tier >= Tier::Specialist);
    assert!(a.gates.contains(Gate::Attitude));
    assert!(a.playbook.steps.contains(Step::SupervisorReview));
    // A slow but polite teller is not a bad-attitude complaint.
    let slow = grade(r#"{"category":"service_attitude","emotion":3}"#);
    assert!(!slow.gates.contains(Gate::Attitude));
    // Rudeness is bad attitude whatever the complaint is about.
    let rude = grade(r#"{"category":"billing","handling_failures":["rude"]}"#);
    assert!(rude.gates.contains(Gate::Attitude));
}

#[test]
fn extortion_takes_the_legal_track_and_never_lowers_priority() {
    // The issue's row: was minor, P3.
    let a = grade(
        r#"{"category":"billing","emotion":9,"malice_signals":["extortion","private_settlement","escalating_pressure"],"threats":["media"]}"#,
    );
    assert!(a.priority <= 2);
    assert_eq!(a.tier, Tier::Management);
    assert_eq!(a.playbook.strategy, Strategy::LegalProtection);
    for step in [
        Step::LegalReview,
        Step::KeepEvidence,
        Step::InformManagement,
    ] {
        assert!(a.playbook.steps.contains(step), "{step:?}");
    }
}

#[test]
fn extortion_told_in_the_text_alone_takes_the_legal_track() {
    // A sum demanded with a threat of exposure, in one sentence, with no
    // field but the text: the words are the demand itself.
    for text in [
        "赔我五万块，不然我就发抖音。",
        "Pay me $5,000 or I post the video on TikTok.",
    ] {
        let a = grade(&format!(r#"{{"text":"{text}"}}"#));
        assert!(a.gates.contains(Gate::MaliceTrack), "{text}");
        assert_eq!(a.tier, Tier::Management, "{text}");
        assert!(a.priority <= 2, "{text}");
        assert!(a.playbook.steps.contains(Step::KeepEvidence), "{text}");
    }
    // A threat with no sum, or a sum with no threat, is no extortion; and
    // other malice signs read from the text add points only.
    for text in [
        "不解决我就发抖音。",
        "赔我五万块。",
        "第一次我说赔个两百就算了；第二回我要五百；现在我的要求是两千。",
    ] {
        let a = grade(&format!(r#"{{"text":"{text}"}}"#));
        assert!(!a.gates.contains(Gate::MaliceTrack), "{text}");
    }
}

#[test]
fn a_legal_threat_told_in_the_text_leaves_the_routine_queue_with_legal() {
    // A threat of a regulator or a lawsuit, said by the customer and not
    // denied: at least P3 and the legal review, as when the record has it.
    for text in [
        "再打推销电话，我就去银保监会投诉你们。",
        "如果你哋唔退錢，我就去消委會投訴。",
        "Refund the fee or I will take this to the Financial Ombudsman.",
        "I have instructed my solicitor to sue you.",
    ] {
        let a = grade(&format!(r#"{{"text":"{text}"}}"#));
        assert!(a.gates.contains(Gate::LegalThreat), "{text}");
        assert!(a.priority <= 3, "{text}");
        assert!(a.playbook.steps.contains(Step::LegalReview), "{text}");
    }
    // Denied, or said by the agent: no threat, no gate.
    for text in [
        "I'm not going to sue or go to the ombudsman, I just want the $4 fee explained.",
        "我并不想去银保监会投诉，只想把话费的事说清楚。",
        "Agent: You can take it to the ombudsman if you like.\\nCustomer: I just want it fixed.",
    ] {
        let a = grade(&format!(r#"{{"text":"{text}"}}"#));
        assert!(!a.gates.contains(Gate::LegalThreat), "{text}");
        assert!(!a.playbook.steps.contains(Step::LegalReview), "{text}");
    }
}

#[test]
fn a_safety_risk_shared_by_many_customers_is_critical() {
    // Many customers and the right to safety, or a hazard: a recall.
    for record in [
        r#"{"category":"product_quality","affected_customers":2000,"rights":["safety"]}"#,
        r#"{"category":"product_quality","affected_customers":150,"safety":"hazard"}"#,
    ] {
        let a = grade(record);
        assert!(a.gates.contains(Gate::MassSafety), "{record}");
        assert_eq!(
            (a.grade, a.tier, a.priority),
            (Grade::Critical, Tier::Management, 1),
            "{record}"
        );
    }
    // Many customers without a safety matter, or a hazard to a few: no.
    for record in [
        r#"{"category":"product_quality","affected_customers":2000}"#,
        r#"{"category":"product_quality","affected_customers":20,"safety":"hazard"}"#,
    ] {
        assert!(!grade(record).gates.contains(Gate::MassSafety), "{record}");
    }
}

#[test]
fn a_third_contact_goes_to_a_specialist() {
    let second = grade(r#"{"category":"service_usage","emotion":5,"prior_contacts":1}"#);
    assert!(!second.gates.contains(Gate::RepeatComplaint));
    let third = grade(r#"{"category":"service_usage","emotion":5,"prior_contacts":2}"#);
    assert!(third.gates.contains(Gate::RepeatComplaint));
    assert_eq!(
        (third.grade, third.tier),
        (Grade::Moderate, Tier::Specialist)
    );
    assert!(third.priority <= 3);
}

#[test]
fn a_vip_gets_a_dedicated_manager() {
    let a = grade(r#"{"category":"price","customer_tier":"vip"}"#);
    assert!(a.playbook.steps.contains(Step::DedicatedManager));
}

#[test]
fn deadlines_tighten_with_priority() {
    let p = &Policy::DEFAULT;
    assert!(p.resolution_hours.windows(2).all(|w| w[0] <= w[1]));
    assert!(p.resolution_hours[0] < p.resolution_hours[4]);
    let safety = grade(r#"{"safety":"injury"}"#);
    let parcel = grade(r#"{"category":"logistics"}"#);
    assert!(safety.resolution_hours < parcel.resolution_hours);
    assert!(safety.follow_up_hours <= parcel.follow_up_hours);
    assert_eq!(
        parcel.resolution_hours,
        p.resolution_hours[usize::from(parcel.priority) - 1]
    );
    assert_eq!(
        parcel.follow_up_hours,
        p.follow_up_hours[usize::from(parcel.priority) - 1]
    );
    assert_eq!(parcel.regulatory_deadline_hours, None);
}

#[test]
fn past_the_regulators_deadline_is_flagged_p1_and_management() {
    // The issue's row: cn_banking, 500 h open, was P4, "resolve in 72 h".
    let a = grade(
        r#"{"category":"billing","jurisdiction":"cn_banking","hours_open":500,"prior_contacts":2}"#,
    );
    assert!(a.past_regulatory_deadline);
    assert_eq!(a.regulatory_deadline_hours, Some(0));
    assert_eq!((a.priority, a.tier), (1, Tier::Management));
    assert!(a.gates.contains(Gate::PastRegulatoryDeadline));
    // With 60 hours left of its 15 days the cap binds the resolution deadline.
    let near = grade(r#"{"category":"billing","jurisdiction":"cn_banking","hours_open":300}"#);
    assert_eq!(near.regulatory_deadline_hours, Some(60));
    assert!(!near.past_regulatory_deadline);
    assert_eq!((near.resolution_hours, near.resolution_capped), (60, true));
}

#[test]
fn each_jurisdiction_has_its_own_limit() {
    let left = |j: &str| grade(&format!(r#"{{"jurisdiction":"{j}"}}"#)).regulatory_deadline_hours;
    assert_eq!(left("uk_fca"), Some(8 * 7 * 24)); // DISP 1.6.2R: eight weeks
    assert_eq!(left("uk_fca_payments"), Some(21 * 24)); // DISP 1.6.2AR: 15 business days
    assert_eq!(left("tw_consumer"), Some(15 * 24)); // 消費者保護法第43條: 15 days
    assert_eq!(left("hk_hkma"), Some(30 * 24)); // HKMA IC-4: 30 days
                                                // 令第20号 art. 14 is the regulator's window to accept, not the business's deadline.
    assert_eq!(left("cn_consumer"), None);
    assert_eq!(left("none"), None);
}

#[test]
fn the_regulators_own_clock_runs_from_when_it_received_the_complaint() {
    // The nearest of the two: 15 days from when it was raised, or 15 days
    // from when the CFPB sent it.
    let cfpb = |hours_open: u32, since: u32| {
        grade(&format!(
            r#"{{"channel":"regulator","jurisdiction":"us_cfpb","hours_open":{hours_open},"hours_since_regulator":{since}}}"#
        ))
    };
    let fresh = cfpb(48, 24);
    assert_eq!(fresh.regulatory_deadline_hours, Some(360 - 48));
    // The CFPB's clock started earlier than the record's own count says.
    let late_referral = grade(
        r#"{"channel":"regulator","jurisdiction":"us_cfpb","hours_open":100,"hours_since_regulator":350}"#,
    );
    assert_eq!(late_referral.regulatory_deadline_hours, Some(10));
    let over = cfpb(100, 400);
    assert!(over.past_regulatory_deadline);
    // Only while the complaint is at the regulator.
    let hotline =
        grade(r#"{"jurisdiction":"us_cfpb","hours_open":100,"hours_since_regulator":400}"#);
    assert!(!hotline.past_regulatory_deadline);
}

#[test]
fn gate_floors_are_policy_and_can_be_lifted() {
    let p = parse_policy(
        br#"{"gates":{"safety_injury":{"grade":"minor","tier":"frontline","priority":5}}}"#,
    )
    .unwrap();
    let c = parse_complaint(br#"{"safety":"injury"}"#).unwrap();
    let lifted = assess(&c, &p);
    let gated = assess(&c, &Policy::DEFAULT);
    assert!(lifted.grade < gated.grade);
    // The gate still applies (and is shown), it just raises nothing.
    assert!(lifted.gates.contains(Gate::SafetyInjury));
}

#[test]
fn the_explanation_shows_each_gate_and_step() {
    let a = grade(
        r#"{"channel":"court","customer_tier":"vip","jurisdiction":"uk_fca","hours_open":1400}"#,
    );
    let mut text = String::new();
    complaint_triage::write_explanation(&a, &mut text).unwrap();
    assert!(text.contains("gate formal_channel"), "{text}");
    assert!(text.contains("gate past_regulatory_deadline"), "{text}");
    assert!(text.contains("PAST the regulatory deadline"), "{text}");
    assert!(text.contains("step:        A dedicated manager"), "{text}");
}

#[test]
fn a_loss_and_a_data_exposure_told_in_the_text_grade_as_if_recorded() {
    let text = "Your app charged my card $1,200 for a subscription I cancelled. \
                I'm disabled and on a fixed income";
    let told = grade(&format!(r#"{{"text":"{text}"}}"#));
    let recorded = grade(&format!(
        r#"{{"text":"{text}","direct_loss":120000,"currency":"USD"}}"#
    ));
    assert_eq!(told.scores, recorded.scores);
    assert_eq!(
        (told.grade, told.priority),
        (recorded.grade, recorded.priority)
    );
    // Loss and claim both from the text: the claim check is the scanner's
    // (the malice sign excessive_claim), not weighed again.
    assert!(!told.claim_unreasonable);
    assert_eq!(told.claim_ratio_permille, None);
    let untold = grade(r#"{"text":"I'm disabled and on a fixed income"}"#);
    assert!(told.scores.severity > untold.scores.severity);
    // A text's claim above twice its loss is the scanner's excessive claim,
    // counted once; an offer larger than the loss is no claim at all.
    let greedy = grade(r#"{"text":"I paid $40 for the ticket. I want $500 for the trouble."}"#);
    assert!(!greedy.claim_unreasonable);
    assert!(greedy
        .rows
        .iter()
        .any(|r| r.factor.code() == "malice.unreasonable_claim"));
    let offered = grade(r#"{"text":"我花了100元买的，你们说赔我300元代金券。"}"#);
    assert!(!offered.claim_unreasonable);
    // A claim the record states is weighed against the text's loss.
    let recorded_claim = grade(r#"{"text":"I paid $40 for the ticket.","claimed_amount":50000}"#);
    assert!(recorded_claim.claim_unreasonable);
    assert_eq!(recorded_claim.claim_ratio_permille, Some(12_500));

    let exposed = grade(r#"{"text":"My bank statement was sent to my neighbour."}"#);
    let breach =
        grade(r#"{"text":"My bank statement was sent to my neighbour.","data_breach":true}"#);
    assert_eq!(exposed.scores, breach.scores);
    assert!(exposed.scores.severity > grade("{}").scores.severity);
}

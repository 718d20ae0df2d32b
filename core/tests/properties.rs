//! Property tests of the grading: bounds, monotonicity, determinism, and
//! that the reasons of a dimension add up to its score.

use complaint_triage::*;
use proptest::prelude::{
    any, prop_assert, prop_assert_eq, prop_compose, proptest, BoxedStrategy, Just, ProptestConfig,
    Strategy, TestCaseError,
};

fn pick<T: Copy + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl proptest::strategy::Strategy<Value = T> {
    proptest::sample::select(all)
}

/// Counts every row grading hands over and keeps those it is told to.
#[derive(Default)]
struct CountingSink {
    calls: usize,
    kept: Vec<ReasonRow>,
}

impl ReasonSink for CountingSink {
    fn push_if(&mut self, keep: bool, row: ReasonRow) {
        self.calls += 1;
        if keep {
            self.kept.push(row);
        }
    }
}

/// A value of `field` within its declaration: an integer drawn
/// log-uniformly between its minimum and maximum (so that small counts and
/// large amounts are both common), a code of its vocabulary, any set of
/// them, either boolean.
fn field_value(spec: &FieldSpec) -> BoxedStrategy<u64> {
    let (min, max) = (spec.min, spec.max);
    match spec.kind {
        FieldKind::Int => (0u32..=(max - min).checked_ilog10().unwrap_or(0) + 1)
            .prop_flat_map(move |digits| min..=max.min(min.saturating_add(10u64.pow(digits) - 1)))
            .boxed(),
        FieldKind::Code | FieldKind::List | FieldKind::Bool => (min..=max).boxed(),
        FieldKind::Id | FieldKind::Text => Just(0).boxed(),
    }
}

/// A complaint built from the record contract: every declared field gets a
/// value of its kind through the typed setters, so a field added to the
/// contract is drawn here without an edit; the text cues are any bits of
/// the scanner's vocabularies.
fn complaint() -> impl Strategy<Value = Complaint> {
    let fields: Vec<BoxedStrategy<u64>> = RECORD_CONTRACT.iter().map(field_value).collect();
    let facts = (
        (0u8..64, 0u16..2048, 0u8..16, 0u8..5),
        (0u8..8, 0u16..1024, 0u8..5, 0u8..20),
        (0u32..2000, 0u64..2_000_000_000, 0u8..8, 0u8..11),
        (0u64..2_000_000_000, 0u8..8, any::<bool>(), 0u16..2048),
    );
    (fields, facts).prop_map(|(values, facts)| {
        let mut c = Complaint::DEFAULT;
        for (field, v) in RecordField::ALL.iter().zip(values) {
            let stored = match field.kind() {
                FieldKind::Int => c.set_int(*field, v),
                FieldKind::Bool => c.set_bool(*field, v == 1),
                FieldKind::Code => c.set_code(*field, v as u8),
                FieldKind::List => c.set_list(*field, v as u16),
                FieldKind::Id | FieldKind::Text => Ok(()),
            };
            stored
                .unwrap_or_else(|e| panic!("{}: {v} within the declaration: {e:?}", field.name()));
        }
        let ((threats, forbidden_phrases, emotion_markers, safety), more, money, loss) = facts;
        let (largest_loss, loss_currency, data_exposure, handling_failures) = loss;
        let (vulnerability, malice_signals, scope, repetition) = more;
        let (elapsed_hours, largest_amount, currency, category) = money;
        // Any facts a text can show, in the record's vocabularies, so that
        // both gradings merge them the same way.
        c.text_cues = TextFacts {
            threats,
            forbidden_phrases,
            emotion_markers,
            safety,
            vulnerability,
            malice_signals,
            scope,
            repetition,
            elapsed_hours,
            largest_amount,
            currency,
            category,
            largest_loss,
            loss_currency,
            data_exposure,
            handling_failures,
        };
        c
    })
}

/// Asserts that `after` scores at least `before` in dimension `d`.
fn not_lower(before: &Complaint, after: &Complaint, d: Dimension) -> Result<(), TestCaseError> {
    let (b, a) = (
        assess(before, &Policy::DEFAULT),
        assess(after, &Policy::DEFAULT),
    );
    prop_assert!(
        a.scores.get(d) >= b.scores.get(d),
        "{} fell from {} to {}",
        d.code(),
        b.scores.get(d),
        a.scores.get(d)
    );
    Ok(())
}

/// Channels ordered from private to public.
const PUBLICITY: [Channel; 6] = [
    Channel::Hotline,
    Channel::ThirdPartyPlatform,
    Channel::SocialMedia,
    Channel::Regulator,
    Channel::Court,
    Channel::Media,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn scores_stay_in_bounds_and_decisions_are_coherent(c in complaint()) {
        let a = assess(&c, &Policy::DEFAULT);
        for d in Dimension::ALL {
            prop_assert!(a.scores.get(*d) <= 100);
        }
        prop_assert!((1..=5).contains(&a.priority));
        prop_assert!(a.first_response_minutes > 0 && a.resolution_hours > 0);
        if c.safety_incident || c.safety >= SafetyLevel::Injury {
            prop_assert!(a.grade == Grade::Critical && a.priority == 1 && a.tier == Tier::Management);
            prop_assert!(!a.gates.is_empty());
        }
        if matches!(c.channel, Channel::Court | Channel::Regulator | Channel::Ombudsman) {
            prop_assert!(a.tier == Tier::Management);
        }
        prop_assert_eq!(a.past_regulatory_deadline, a.gates.contains(Gate::PastRegulatoryDeadline));
        if a.past_regulatory_deadline {
            prop_assert!(a.priority == 1 && a.regulatory_deadline_hours == Some(0));
        }
        if c.beyond_authority {
            prop_assert!(a.tier >= Tier::Specialist);
        }
    }

    #[test]
    fn reasons_sum_to_the_raw_score_and_clamp_to_the_score(c in complaint()) {
        let a = assess(&c, &Policy::DEFAULT);
        for d in Dimension::ALL {
            let sum: i32 = a.reasons_for(*d).map(|r| i32::from(r.points)).sum();
            prop_assert_eq!(sum, a.raw_scores[*d as usize]);
            prop_assert_eq!(i32::from(a.scores.get(*d)), sum.clamp(0, 100));
        }
    }

    /// Sums are exact for any points, not only the validated -100..=100:
    /// the raw score of each dimension equals the sum, in 64 bits, of the
    /// points of the rows that applied, and the scores-only path agrees.
    #[test]
    fn raw_scores_are_exact_for_any_points(
        c in complaint(),
        rows in proptest::collection::vec(any::<[i16; 5]>(), FACTOR_COUNT),
    ) {
        let mut policy = Policy::DEFAULT;
        for (i, row) in rows.iter().enumerate() {
            policy.points.set(Factor::from_index(i).unwrap(), *row);
        }
        let a = assess(&c, &policy);
        for d in Dimension::ALL {
            let sum: i64 = a.rows.iter().map(|r| i64::from(r.points[*d as usize])).sum();
            prop_assert_eq!(sum, i64::from(a.raw_scores[*d as usize]));
        }
        for r in &a.rows {
            prop_assert_eq!(r.points, policy.points.get(r.factor));
        }
        let d = decide_only(&c, &policy);
        prop_assert_eq!((d.scores, d.grade, d.tier, d.priority), (a.scores, a.grade, a.tier, a.priority));
    }

    #[test]
    fn same_input_same_output_and_decide_only_agrees(c in complaint()) {
        let a = assess(&c, &Policy::DEFAULT);
        prop_assert_eq!(&a, &assess(&c.clone(), &Policy::DEFAULT));
        let d = decide_only(&c, &Policy::DEFAULT);
        prop_assert_eq!((d.scores, d.grade, d.tier, d.priority), (a.scores, a.grade, a.tier, a.priority));
        prop_assert_eq!((d.first_response_minutes, d.resolution_hours, d.playbook), (a.first_response_minutes, a.resolution_hours, a.playbook));
    }

    #[test]
    fn a_sink_of_its_own_gets_the_rows_of_assess_and_never_overflows(c in complaint()) {
        let a = assess(&c, &Policy::DEFAULT);
        let mut sink = CountingSink::default();
        let (d, raw_scores) = assess_with(&c, &Policy::DEFAULT, &mut sink);
        prop_assert!(sink.calls <= MAX_REASON_ROWS, "{} calls", sink.calls);
        prop_assert_eq!(&sink.kept[..], &a.rows[..]);
        prop_assert_eq!(d, decide_only(&c, &Policy::DEFAULT));
        prop_assert_eq!((raw_scores, d.tier_basis, d.claim.ratio_permille), (a.raw_scores, a.tier_basis, a.claim_ratio_permille));
    }

    #[test]
    fn a_threat_never_lowers_impact_or_escalation(c in complaint(), t in pick(Threat::ALL)) {
        let more = Complaint { threats: c.threats.with(t), ..c.clone() };
        not_lower(&c, &more, Dimension::Impact)?;
        not_lower(&c, &more, Dimension::EscalationRisk)?;
    }

    #[test]
    fn a_handling_failure_never_lowers_escalation(c in complaint(), f in pick(HandlingFailure::ALL)) {
        not_lower(&c, &Complaint { handling_failures: c.handling_failures.with(f), ..c.clone() }, Dimension::EscalationRisk)?;
    }

    #[test]
    fn a_difficult_profile_never_lowers_difficulty(c in complaint(), p in pick(Profile::ALL)) {
        not_lower(&c, &Complaint { profile: c.profile.with(p), ..c.clone() }, Dimension::Difficulty)?;
    }

    #[test]
    fn a_malice_signal_never_lowers_malice(c in complaint(), m in pick(MaliceSignal::ALL)) {
        let more = Complaint { malice_signals: c.malice_signals.with(m), ..c.clone() };
        not_lower(&c, &more, Dimension::Malice)?;
        // Malice never lowers priority.
        prop_assert!(assess(&more, &Policy::DEFAULT).priority <= assess(&c, &Policy::DEFAULT).priority);
    }

    #[test]
    fn safety_never_lowers_severity(c in complaint()) {
        let safe = Complaint { safety_incident: false, ..c.clone() };
        not_lower(&safe, &Complaint { safety_incident: true, ..c }, Dimension::Severity)?;
    }

    #[test]
    fn more_of_a_number_never_lowers_its_dimensions(c in complaint(), extra in 1u32..100_000) {
        // More than grading read: the field, or what the text raised it to
        // when the record left it at its default (an explicit value
        // replaces the text's, so "more" counts from the value read).
        let affected = merge::affected_customers(&c, &Policy::DEFAULT).value;
        let more = Complaint { affected_customers: affected.saturating_add(extra), ..c.clone() };
        not_lower(&c, &more, Dimension::Impact)?;
        not_lower(&c, &more, Dimension::Severity)?;
        let prior = merge::prior_contacts(&c).value;
        let more = Complaint { prior_contacts: prior.saturating_add(extra as u16), ..c.clone() };
        not_lower(&c, &more, Dimension::EscalationRisk)?;
        let more = Complaint { direct_loss: c.direct_loss.saturating_add(u64::from(extra) * 1000), ..c.clone() };
        not_lower(&c, &more, Dimension::Severity)?;
        let more = Complaint { emotion: (c.emotion + (extra % 11) as u8).min(10), ..c.clone() };
        not_lower(&c, &more, Dimension::EscalationRisk)?;
        let waited = merge::hours_waited(&c).value;
        let more = Complaint { hours_open: waited.saturating_add(extra), ..c.clone() };
        not_lower(&c, &more, Dimension::EscalationRisk)?;
    }

    #[test]
    fn a_more_public_channel_never_lowers_impact(c in complaint(), i in 0usize..5, j in 0usize..6) {
        let (lo, hi) = (i.min(j), i.max(j));
        let a = Complaint { channel: PUBLICITY[lo], ..c.clone() };
        not_lower(&a, &Complaint { channel: PUBLICITY[hi], ..c }, Dimension::Impact)?;
    }

    #[test]
    fn json_output_is_valid_and_reparses(c in complaint()) {
        let a = assess(&c, &Policy::DEFAULT);
        let mut buf = [0u8; MAX_ASSESSMENT_JSON];
        let n = write_assessment_json(&a, &mut buf).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf[..n]).unwrap();
        prop_assert_eq!(v["priority"].as_u64(), Some(u64::from(a.priority)));
        prop_assert_eq!(v["grade"].as_str(), Some(a.grade.code()));
    }

    #[test]
    fn parsing_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_complaint(&bytes);
        let _ = parse_policy(&bytes);
        let _ = parse_outcome(&bytes);
    }

    #[test]
    fn outcome_scores_stay_in_bounds(c in complaint(), first in any::<bool>(), hours in 0u32..10_000, sat in proptest::option::of(1u8..=5), flags in any::<[bool; 3]>()) {
        let a = assess(&c, &Policy::DEFAULT);
        let o = Outcome { resolved_first_contact: first, hours_to_resolve: hours, satisfaction: sat, reopened: flags[0], repeat_within_30_days: flags[1], root_cause_fixed: flags[2] };
        let e = evaluate_outcome(&o, &a, &Policy::DEFAULT);
        prop_assert!(e.score <= 100);
        prop_assert_eq!(e.reasons.iter().map(|r| i32::from(r.points)).sum::<i32>(), e.raw_score);
        prop_assert_eq!(e.on_time, hours <= u32::from(a.resolution_hours));
    }
}

#[test]
fn the_worst_case_assessment_fits_the_json_bound() {
    // Every factor weighs 100 in every dimension; every factor applies.
    let mut policy = Policy::DEFAULT;
    for f in 0..FACTOR_COUNT {
        policy.points.set(Factor::from_index(f).unwrap(), [-100; 5]);
    }
    let c = Complaint {
        id: Id::try_from("\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}\"\\\u{1}").unwrap(),
        emotion: 10, prior_contacts: 100, hours_open: 10_000, affected_customers: 1_000_000, direct_loss: 100_000_000, claimed_amount: 1_000_000_000,
        tenure_months: 1000, departments: 50, indirect_loss_claimed: true, beyond_authority: true, previously_compensated: true,
        safety_incident: true, sensitive_period: true,
        rights: FlagSet::from_bits_truncate(u16::MAX), threats: FlagSet::from_bits_truncate(u16::MAX),
        profile: FlagSet::from_bits_truncate(u16::MAX), malice_signals: FlagSet::from_bits_truncate(u16::MAX),
        handling_failures: FlagSet::from_bits_truncate(u16::MAX),
        vulnerability: FlagSet::from_bits_truncate(u16::MAX), data_breach: true,
        causal_link: CausalLink::Absent,
        text_cues: TextFacts { threats: 0x3f, forbidden_phrases: 0x7ff, emotion_markers: 0xf, ..TextFacts::NONE },
        ..Complaint::DEFAULT
    };
    let a = assess(&c, &policy);
    let codes: Vec<_> = a.rows.iter().map(|r| r.factor.code()).collect();
    assert_eq!(a.rows.len(), MAX_REASON_ROWS, "{codes:?}");
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    let n = write_assessment_json(&a, &mut buf).expect("worst case fits MAX_ASSESSMENT_JSON");
    assert!(
        n > MAX_ASSESSMENT_JSON / 2,
        "bound is not needlessly loose: {n}"
    );
}

proptest! {
    /// The claim ratio takes a 64-bit path where it can; it must equal the
    /// exact 128-bit ratio for every input.
    #[test]
    fn the_claim_ratio_is_exact_for_any_amounts(
        // Both the record's range (64-bit path) and the whole of u64 (128-bit path).
        loss in proptest::prop_oneof![0u64..=MAX_AMOUNT, any::<u64>()],
        claim in proptest::prop_oneof![0u64..=MAX_AMOUNT, any::<u64>()],
        limit in any::<u32>(),
    ) {
        let c = check_claim(loss, claim, limit);
        let exact = (loss > 0).then(|| {
            u32::try_from(u128::from(claim) * 1000 / u128::from(loss)).unwrap_or(u32::MAX)
        });
        prop_assert_eq!(c.ratio_permille, exact);
        prop_assert_eq!(c.unreasonable, loss > 0 && u128::from(claim) * 1000 > u128::from(loss) * u128::from(limit));
    }
}

prop_compose! {
    /// The default policy with some factors' points, every band threshold,
    /// level, tier and deadline drawn at random: valid or not, grading must
    /// give the same answer both ways.
    fn any_policy()(
        points in proptest::collection::vec((0..FACTOR_COUNT, any::<[i8; 5]>()), 0..12),
        bands in any::<[[u16; 7]; 7]>(),
        money_bands in any::<[[u16; MONEY_LEVELS]; ISO_CURRENCIES]>(),
        levels in any::<[[u8; 2]; 5]>(),
        grades in any::<[[u8; 3]; 3]>(),
        priorities in any::<[[u8; 3]; 3]>(),
        tier_by_grade in any::<[u8; 4]>(),
        safety in (0u8..3, any::<[(u8, u8, u8); Gate::COUNT]>(), any::<[u32; 3]>()),
        deadlines in any::<([u16; 3], [u16; 5], [u16; 5], [u16; Jurisdiction::COUNT])>(),
        clocks in any::<([u16; Jurisdiction::COUNT], [u16; 5])>(),
        claim_limit_permille in 0u32..5000,
        handling in (any::<[u8; Profile::COUNT]>(), 0u8..4),
    ) -> Policy {
        let mut p = Policy::DEFAULT;
        for (index, row) in points {
            let factor = Factor::from_index(index).expect("index below FACTOR_COUNT");
            p.points.set(factor, row.map(i16::from));
        }
        for (band, drawn) in p.bands.iter_mut().zip(bands) {
            *band = drawn.map(u64::from);
        }
        for (band, drawn) in p.money_bands.iter_mut().zip(money_bands) {
            *band = drawn.map(u64::from);
        }
        [p.severity_levels, p.impact_levels, p.urgency_levels, p.difficulty_tiers, p.malice_tiers] = levels;
        p.grade_matrix = grades.map(|row| row.map(|g| Grade::ALL[usize::from(g) % Grade::ALL.len()]));
        p.priority_matrix = priorities.map(|row| row.map(|n| n % 7));
        p.tier_by_grade = tier_by_grade.map(|t| Tier::ALL[usize::from(t) % Tier::ALL.len()]);
        p.beyond_authority_tier = Tier::ALL[usize::from(safety.0)];
        p.gates = safety.1.map(|(g, t, prio)| GateFloor {
            grade: Grade::ALL[usize::from(g) % Grade::ALL.len()],
            tier: Tier::ALL[usize::from(t) % Tier::ALL.len()],
            priority: prio % 7,
        });
        p.affected_gate_customers = safety.2;
        (p.first_response_minutes, p.first_response_cap_minutes, p.resolution_hours, p.jurisdiction_cap_hours) = deadlines;
        (p.regulator_clock_hours, p.follow_up_hours) = clocks;
        p.claim_limit_permille = claim_limit_permille;
        p.profile_tiers = handling.0.map(|t| Tier::ALL[usize::from(t) % Tier::ALL.len()]);
        p.clear_cut_max_grade = Grade::ALL[usize::from(handling.1)];
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    /// The fast grading (`assess`, `assess_with`, `decide_only`) gives
    /// exactly what the plain reference gives, reasons included, for any
    /// complaint and any policy.
    #[test]
    fn fast_grading_equals_the_reference(c in complaint(), p in any_policy()) {
        let plain = reference::assess(&c, &p);
        prop_assert_eq!(&assess(&c, &p), &plain);
        let decision = decide_only(&c, &p);
        prop_assert_eq!(
            (decision.scores, decision.grade, decision.tier, decision.priority),
            (plain.scores, plain.grade, plain.tier, plain.priority)
        );
        prop_assert_eq!(
            (decision.first_response_minutes, decision.resolution_hours, decision.resolution_capped),
            (plain.first_response_minutes, plain.resolution_hours, plain.resolution_capped)
        );
        prop_assert_eq!(
            (decision.regulatory_deadline_hours, decision.past_regulatory_deadline, decision.follow_up_hours, decision.gates),
            (plain.regulatory_deadline_hours, plain.past_regulatory_deadline, plain.follow_up_hours, plain.gates)
        );
        prop_assert_eq!(decision.playbook, plain.playbook);
    }

    /// Gates only raise: with every floor lifted (minor, frontline, P5) the
    /// grade, tier and priority are never higher, whatever the complaint.
    #[test]
    fn gates_only_raise(c in complaint()) {
        let mut open = Policy::DEFAULT;
        open.gates = [GateFloor::NONE; Gate::COUNT];
        let (gated, plain) = (assess(&c, &Policy::DEFAULT), assess(&c, &open));
        prop_assert!(gated.grade >= plain.grade);
        prop_assert!(gated.tier >= plain.tier);
        prop_assert!(gated.priority <= plain.priority);
        prop_assert_eq!(gated.scores, plain.scores);
        prop_assert_eq!(gated.gates, plain.gates);
    }

    /// The same on the default policy, where most records land.
    #[test]
    fn fast_grading_equals_the_reference_on_the_default_policy(c in complaint()) {
        prop_assert_eq!(assess(&c, &Policy::DEFAULT), reference::assess(&c, &Policy::DEFAULT));
    }
}

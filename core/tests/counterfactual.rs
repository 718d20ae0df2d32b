//! Counterfactuals: every change reported moves the complaint, an integer
//! change sits on a boundary, and a field with none reported has no value
//! tried that would move it. Complaints are built from the record contract
//! field by field, so a new field is covered without a change here.

use complaint_triage::{
    assess, counterfactuals, parse_complaint, write_counterfactuals, Band, Complaint,
    Counterfactual, FieldKind, Gate, GateFloor, Grade, Policy, Profile, Tier, MAX_COUNTERFACTUALS,
    RECORD_CONTRACT,
};
use proptest::prelude::*;

fn outcome(c: &Complaint) -> (Grade, Tier) {
    let a = assess(c, &Policy::DEFAULT);
    (a.grade, a.tier)
}

fn with(c: &Complaint, field: &str, number: u64) -> Complaint {
    let mut v = c.clone();
    assert!(v.set_field_number(field, number), "{field} = {number}");
    v
}

fn all(c: &Complaint) -> Vec<Counterfactual> {
    let mut out = Vec::new();
    counterfactuals(c, &Policy::DEFAULT, |x| out.push(x));
    out
}

/// A complaint with every graded field of the contract drawn from its
/// accepted values (integers mostly small, sometimes anywhere in range).
fn complaint() -> impl Strategy<Value = Complaint> {
    prop::collection::vec(any::<u64>(), RECORD_CONTRACT.len()).prop_map(|seeds| {
        let mut c = Complaint::DEFAULT;
        for (field, seed) in RECORD_CONTRACT.iter().zip(seeds) {
            let span = field.max - field.min;
            let number = match field.kind {
                FieldKind::Int if seed & 1 == 0 => field.min + (seed >> 1) % span.clamp(1, 300),
                FieldKind::List => seed & field.max,
                FieldKind::Id | FieldKind::Text => continue,
                _ => field.min + (seed >> 1) % (span.saturating_add(1)).max(1),
            };
            let number = number.min(field.max);
            assert!(c.set_field_number(field.name, number), "{}", field.name);
        }
        c
    })
}

#[test]
fn field_numbers_follow_the_contract() {
    for field in RECORD_CONTRACT {
        let mut c = Complaint::DEFAULT;
        match field.kind {
            FieldKind::Id | FieldKind::Text => {
                assert_eq!(c.field_number(field.name), None);
                assert!(!c.set_field_number(field.name, 0));
                continue;
            }
            _ => assert_eq!(
                c.field_number(field.name),
                Some(field.default),
                "{}",
                field.name
            ),
        }
        assert!(c.set_field_number(field.name, field.max), "{}", field.name);
        assert_eq!(c.field_number(field.name), Some(field.max));
        let before = c.clone();
        assert!(
            !c.set_field_number(field.name, field.max + 1),
            "{}",
            field.name
        );
        if field.min > 0 {
            assert!(
                !c.set_field_number(field.name, field.min - 1),
                "{}",
                field.name
            );
        }
        assert_eq!(c, before, "a refused number changes nothing");
    }
    assert!(!Complaint::DEFAULT
        .clone()
        .set_field_number("no_such_field", 0));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_change_reported_moves_the_complaint_and_none_is_missed(c in complaint()) {
        let base = outcome(&c);
        let found = all(&c);
        prop_assert!(found.len() <= MAX_COUNTERFACTUALS);
        for x in &found {
            prop_assert_eq!(c.field_number(x.field.name), Some(x.from));
            let moved = with(&c, x.field.name, x.to);
            prop_assert_eq!(outcome(&moved), (x.grade, x.tier));
            prop_assert_ne!((x.grade, x.tier), base);
            if x.field.kind == FieldKind::Int {
                // On a boundary: one step back toward the complaint's value
                // keeps its grade and tier.
                let back = if x.to > x.from { x.to - 1 } else { x.to + 1 };
                prop_assert_eq!(outcome(&with(&c, x.field.name, back)), base, "{}", x.field.name);
            }
        }
        for field in RECORD_CONTRACT {
            let Some(now) = c.field_number(field.name) else { continue };
            let reported = |up: bool| found.iter().any(|x| x.field.name == field.name && (x.to > x.from) == up);
            match field.kind {
                FieldKind::Code | FieldKind::Bool if !reported(true) && !reported(false) => {
                    for v in field.min..=field.max {
                        prop_assert_eq!(outcome(&with(&c, field.name, v)), base, "{} = {}", field.name, v);
                    }
                }
                FieldKind::Int => {
                    // The search reaches the ends of the range.
                    if !reported(true) {
                        prop_assert_eq!(outcome(&with(&c, field.name, field.max)), base, "{}", field.name);
                    }
                    if !reported(false) {
                        prop_assert_eq!(outcome(&with(&c, field.name, field.min)), base, "{}", field.name);
                    }
                }
                FieldKind::List => {
                    for bit in (0..64).map(|b| 1u64 << b).filter(|b| field.max & b != 0) {
                        let adding = now & bit == 0;
                        if !reported(adding) {
                            prop_assert_eq!(outcome(&with(&c, field.name, now ^ bit)), base, "{}", field.name);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

#[test]
fn the_explanation_names_the_field_its_value_and_where_it_goes() {
    // An example that one integer field alone can move (found, not assumed).
    let examples = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/complaints.jsonl"
    ))
    .unwrap();
    let (c, x) = examples
        .lines()
        .map(|l| parse_complaint(l.as_bytes()).unwrap())
        .find_map(|c| {
            let x = all(&c)
                .into_iter()
                .find(|x| x.field.kind == FieldKind::Int)?;
            Some((c, x))
        })
        .expect("some example moves with one of its integer fields");
    let mut text = String::new();
    write_counterfactuals(&c, &Policy::DEFAULT, &mut text).unwrap();
    let line = format!(
        "    {} {} (now {}): grade {} ({}), tier {} ({})\n",
        x.field.name,
        x.to,
        x.from,
        x.grade.code(),
        x.grade.name_zh(),
        x.tier.code(),
        x.tier.name_zh()
    );
    assert!(text.starts_with("  what one change of a field would move it to:\n"));
    assert!(text.contains(&line), "{line} in {text}");
}

#[test]
fn a_complaint_nothing_moves_says_so() {
    // A policy whose every grade and tier is the same: nothing can move.
    let mut policy = Policy::DEFAULT;
    policy.grade_matrix = [[Grade::Minor; 3]; 3];
    policy.tier_by_grade = [Tier::Frontline; 4];
    policy.difficulty_tiers = [99, 100];
    policy.malice_tiers = [99, 100];
    policy.beyond_authority_tier = Tier::Frontline;
    policy.profile_tiers = [Tier::Frontline; Profile::COUNT];
    // No count of departments (at most 100) reaches the second band, from
    // which they must be coordinated and the case is at least moderate.
    policy.bands[Band::Departments as usize][..3].copy_from_slice(&[1_000, 1_001, 1_002]);
    // No gate sets a floor either.
    policy.gates = [GateFloor::NONE; Gate::COUNT];
    let mut text = String::new();
    write_counterfactuals(&Complaint::DEFAULT, &policy, &mut text).unwrap();
    assert_eq!(
        text,
        "  no change of a single field moves it to another grade or tier\n"
    );
}

//! The hand-written JSON writers against the serde-json-core writers they
//! replaced (kept here, verbatim, as the reference): the same bytes for
//! random assessments, effects and errors, and `BufferTooSmall` for every
//! buffer shorter than the text, without a byte written past its end.

use complaint_triage::Strategy as Handling;
use complaint_triage::*;
use proptest::prelude::{
    any, prop_assert, prop_assert_eq, prop_compose, prop_oneof, proptest, Just, ProptestConfig,
    Strategy, TestCaseError,
};
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::Serialize;

mod reference {
    //! The serde-based writers as they were.
    use super::*;
    use complaint_triage::scan::{EMOTION_MARKERS, FORBIDDEN_PHRASES};

    pub fn assessment(a: &Assessment, buf: &mut [u8]) -> Option<usize> {
        serde_json_core::to_slice(&AssessmentJson(a), buf).ok()
    }
    pub fn effect(e: &Effect, buf: &mut [u8]) -> Option<usize> {
        serde_json_core::to_slice(&EffectJson(e), buf).ok()
    }
    pub fn error(e: &ParseError, buf: &mut [u8]) -> Option<usize> {
        serde_json_core::to_slice(e, buf).ok()
    }

    struct AssessmentJson<'a>(&'a Assessment);
    struct RawScores<'a>(&'a [i32; Dimension::COUNT]);
    struct Reasons<'a>(&'a Assessment);
    struct ReasonJson(Reason);
    struct CuesJson<'a>(&'a TextFacts);
    struct Bits<const N: usize> {
        bits: u16,
        codes: [&'static str; N],
    }

    impl Serialize for AssessmentJson<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let a = self.0;
            let mut st = s.serialize_struct("Assessment", 27)?;
            st.serialize_field("id", a.id.as_str())?;
            st.serialize_field("severity", &a.scores.severity)?;
            st.serialize_field("impact", &a.scores.impact)?;
            st.serialize_field("difficulty", &a.scores.difficulty)?;
            st.serialize_field("escalation_risk", &a.scores.escalation_risk)?;
            st.serialize_field("malice", &a.scores.malice)?;
            st.serialize_field("grade", &a.grade)?;
            st.serialize_field("tier", &a.tier)?;
            st.serialize_field("tier_basis", &a.tier_basis)?;
            st.serialize_field("priority", &a.priority)?;
            st.serialize_field("severity_level", &a.severity_level)?;
            st.serialize_field("impact_level", &a.impact_level)?;
            st.serialize_field("urgency_level", &a.urgency_level)?;
            st.serialize_field("first_response_minutes", &a.first_response_minutes)?;
            st.serialize_field("resolution_hours", &a.resolution_hours)?;
            st.serialize_field("resolution_capped", &a.resolution_capped)?;
            st.serialize_field("regulatory_deadline_hours", &a.regulatory_deadline_hours)?;
            st.serialize_field("past_regulatory_deadline", &a.past_regulatory_deadline)?;
            st.serialize_field("follow_up_hours", &a.follow_up_hours)?;
            st.serialize_field("gates", &a.gates)?;
            st.serialize_field("claim_ratio_permille", &a.claim_ratio_permille)?;
            st.serialize_field("claim_unreasonable", &a.claim_unreasonable)?;
            st.serialize_field("suggested_category", &a.suggested_category)?;
            st.serialize_field("playbook", &a.playbook)?;
            st.serialize_field("text_cues", &CuesJson(&a.text_cues))?;
            st.serialize_field("raw_scores", &RawScores(&a.raw_scores))?;
            st.serialize_field("reasons", &Reasons(a))?;
            st.end()
        }
    }

    impl Serialize for RawScores<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("RawScores", Dimension::COUNT)?;
            for (d, v) in Dimension::ALL.iter().zip(self.0.iter()) {
                st.serialize_field(d.code(), v)?;
            }
            st.end()
        }
    }

    impl Serialize for Reasons<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(None)?;
            for r in self.0.reasons() {
                seq.serialize_element(&ReasonJson(r))?;
            }
            seq.end()
        }
    }

    impl Serialize for ReasonJson {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let r = &self.0;
            let mut st = s.serialize_struct("Reason", 4)?;
            st.serialize_field("factor", &r.factor)?;
            st.serialize_field("dimension", &r.dimension)?;
            st.serialize_field("points", &r.points)?;
            st.serialize_field("source", &r.source)?;
            st.end()
        }
    }

    impl<const N: usize> Serialize for Bits<N> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(None)?;
            for (i, code) in self.codes.iter().enumerate() {
                if self.bits & (1 << i) != 0 {
                    seq.serialize_element(code)?;
                }
            }
            seq.end()
        }
    }

    impl Serialize for CuesJson<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let c = self.0;
            let mut st = s.serialize_struct("TextCues", 3)?;
            let threats: [&str; Threat::COUNT] =
                core::array::from_fn(|i| Threat::ALL.get(i).map_or("", |t| t.code()));
            st.serialize_field(
                "threats",
                &Bits {
                    bits: u16::from(c.threats),
                    codes: threats,
                },
            )?;
            st.serialize_field(
                "forbidden_phrases",
                &Bits {
                    bits: c.forbidden_phrases,
                    codes: FORBIDDEN_PHRASES.map(|p| p.code),
                },
            )?;
            st.serialize_field(
                "emotion_markers",
                &Bits {
                    bits: u16::from(c.emotion_markers),
                    codes: EMOTION_MARKERS.map(|p| p.code),
                },
            )?;
            st.end()
        }
    }

    struct EffectJson<'a>(&'a Effect);
    struct EffectReasons<'a>(&'a Effect);
    struct EffectReasonJson<'a>(&'a EffectReason);

    impl Serialize for EffectJson<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let e = self.0;
            let mut st = s.serialize_struct("Effect", 5)?;
            st.serialize_field("score", &e.score)?;
            st.serialize_field("raw_score", &e.raw_score)?;
            st.serialize_field("on_time", &e.on_time)?;
            st.serialize_field("deadline_hours", &e.deadline_hours)?;
            st.serialize_field("reasons", &EffectReasons(e))?;
            st.end()
        }
    }

    impl Serialize for EffectReasons<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(self.0.reasons.len()))?;
            for r in &self.0.reasons {
                seq.serialize_element(&EffectReasonJson(r))?;
            }
            seq.end()
        }
    }

    impl Serialize for EffectReasonJson<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("EffectReason", 2)?;
            st.serialize_field("factor", &self.0.factor)?;
            st.serialize_field("points", &self.0.points)?;
            st.end()
        }
    }
}

/// Same bytes as the reference; every shorter buffer fails without a byte
/// written past its end; the exact length succeeds.
fn check_same(
    new: impl Fn(&mut [u8]) -> Result<usize, BufferTooSmall>,
    old: impl Fn(&mut [u8]) -> Option<usize>,
) -> Result<(), TestCaseError> {
    let mut want = vec![0u8; 64 * 1024];
    let n = old(&mut want).expect("the reference fits 64 KiB");
    let mut got = vec![0u8; 64 * 1024];
    let m = new(&mut got).map_err(|_| TestCaseError::fail("new writer: buffer too small"))?;
    prop_assert_eq!(
        String::from_utf8_lossy(&got[..m]),
        String::from_utf8_lossy(&want[..n])
    );
    let caps: Vec<usize> = if n <= 600 {
        (0..n).collect()
    } else {
        // Every cap near both ends, and a stride through the middle.
        (0..200)
            .chain((200..n - 200).step_by(37))
            .chain(n - 200..n)
            .collect()
    };
    let mut small = vec![0xAAu8; n + 8];
    for cap in caps {
        small.fill(0xAA);
        prop_assert_eq!(new(&mut small[..cap]), Err(BufferTooSmall), "cap {}", cap);
        prop_assert!(
            small[cap..].iter().all(|&b| b == 0xAA),
            "wrote past cap {}",
            cap
        );
    }
    small.fill(0xAA);
    prop_assert_eq!(new(&mut small[..n]), Ok(n));
    prop_assert_eq!(&small[..n], &want[..n]);
    Ok(())
}

/// Strings that exercise every escape: quotes, backslashes, every control
/// character, DEL, slashes and multi-byte UTF-8.
fn tricky_string(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::char::range('a', 'z'),
            2 => proptest::char::range('\u{0}', '\u{20}'),
            1 => Just('"'),
            1 => Just('\\'),
            1 => Just('/'),
            1 => Just('\u{7f}'),
            1 => Just('é'),
            1 => Just('投'),
            1 => Just('😀'),
            1 => Just('\u{2028}'),
        ],
        0..max,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn id(max_bytes: usize) -> impl Strategy<Value = Id> {
    tricky_string(40).prop_map(move |s| {
        let mut id = Id::new();
        for c in s.chars() {
            if id.len() + c.len_utf8() > max_bytes || id.push(c).is_err() {
                break;
            }
        }
        id
    })
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

fn points() -> impl Strategy<Value = i16> {
    prop_oneof![
        3 => Just(0i16),
        3 => -30i16..=30,
        1 => any::<i16>(),
        1 => Just(i16::MIN),
        1 => Just(i16::MAX),
    ]
}

fn int32() -> impl Strategy<Value = i32> {
    prop_oneof![
        3 => -200i32..=200,
        1 => any::<i32>(),
        1 => Just(i32::MIN),
        1 => Just(i32::MAX),
    ]
}

fn row() -> impl Strategy<Value = ReasonRow> {
    (
        0..FACTOR_COUNT,
        pick(Source::ALL),
        proptest::array::uniform5(points()),
    )
        .prop_map(|(f, source, points)| ReasonRow {
            factor: Factor::from_index(f).unwrap(),
            source,
            points,
        })
}

fn playbook() -> impl Strategy<Value = Playbook> {
    (
        pick(Talk::ALL),
        pick(MotiveApproach::ALL),
        pick(ExpectationApproach::ALL),
        pick(Remedy::ALL),
        pick(Handling::ALL),
        any::<u16>(),
    )
        .prop_map(
            |(talk, motive, expectation, remedy, strategy, steps)| Playbook {
                talk,
                motive,
                expectation,
                remedy,
                strategy,
                steps: FlagSet::from_bits_truncate(steps),
            },
        )
}

prop_compose! {
    fn assessment()(
        id in id(ID_CAPACITY),
        scores in proptest::array::uniform5(any::<u8>()),
        raw_scores in proptest::array::uniform5(int32()),
        grade in pick(Grade::ALL), tier in pick(Tier::ALL), tier_basis in pick(TierBasis::ALL),
        levels in proptest::array::uniform3(pick(Level::ALL)),
        priority in any::<u8>(),
        first_response_minutes in any::<u16>(),
        resolution_hours in any::<u16>(),
        bools in any::<[bool; 3]>(),
        regulatory_deadline_hours in proptest::option::of(any::<u16>()),
        follow_up_hours in any::<u16>(),
        gates in any::<u16>(),
        claim_ratio_permille in proptest::option::of(prop_oneof![0u32..5000, any::<u32>()]),
        playbook in playbook(),
        suggested_category in proptest::option::of(pick(Category::ALL)),
        cues in prop_oneof![Just((0u8, 0u16, 0u8)), any::<(u8, u16, u8)>()],
        rows in proptest::collection::vec(row(), 0..12),
    ) -> Assessment {
        let mut a = Assessment::EMPTY;
        a.id = id;
        a.scores = Scores {
            severity: scores[0], impact: scores[1], difficulty: scores[2],
            escalation_risk: scores[3], malice: scores[4],
        };
        a.raw_scores = raw_scores;
        a.grade = grade;
        a.tier = tier;
        a.tier_basis = tier_basis;
        a.severity_level = levels[0];
        a.impact_level = levels[1];
        a.urgency_level = levels[2];
        a.priority = priority;
        a.first_response_minutes = first_response_minutes;
        a.resolution_hours = resolution_hours;
        a.resolution_capped = bools[0];
        a.claim_ratio_permille = claim_ratio_permille;
        a.claim_unreasonable = bools[1];
        a.regulatory_deadline_hours = regulatory_deadline_hours;
        a.past_regulatory_deadline = bools[2];
        a.follow_up_hours = follow_up_hours;
        a.gates = FlagSet::from_bits_truncate(gates);
        a.playbook = playbook;
        a.suggested_category = suggested_category;
        a.text_cues = TextFacts { threats: cues.0, forbidden_phrases: cues.1, emotion_markers: cues.2, ..TextFacts::NONE };
        for r in rows {
            a.rows.push(r).unwrap();
        }
        a
    }
}

prop_compose! {
    fn effect()(
        score in any::<u8>(),
        raw_score in int32(),
        on_time in any::<bool>(),
        deadline_hours in any::<u16>(),
        reasons in proptest::collection::vec((pick(EffectFactor::ALL), points()), 0..=EffectFactor::COUNT),
    ) -> Effect {
        let mut reasons_vec = heapless::Vec::new();
        for (factor, points) in reasons {
            reasons_vec.push(EffectReason { factor, points }).unwrap();
        }
        Effect { score, raw_score, on_time, deadline_hours, reasons: reasons_vec }
    }
}

prop_compose! {
    fn error()(
        kind in pick(ErrorKind::ALL),
        offset in prop_oneof![0usize..100_000, any::<usize>()],
        field in prop_oneof![Just(String::new()), tricky_string(12)],
        index in proptest::option::of(any::<u16>()),
        subindex in proptest::option::of(any::<u16>()),
        expected in tricky_string(30),
        found in tricky_string(12),
        suggestion in prop_oneof![Just(String::new()), tricky_string(12)],
        size in proptest::option::of(any::<u32>()),
    ) -> ParseError {
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let mut f = heapless::String::<FOUND_CAPACITY>::new();
        for c in found.chars() {
            if f.push(c).is_err() {
                break;
            }
        }
        ParseError {
            kind,
            offset,
            field: leak(field),
            index,
            subindex,
            expected: leak(expected),
            found: f,
            suggestion: leak(suggestion),
            size,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn assessment_json_is_unchanged(a in assessment()) {
        check_same(|b| write_assessment_json(&a, b), |b| reference::assessment(&a, b))?;
    }

    #[test]
    fn effect_json_is_unchanged(e in effect()) {
        check_same(|b| write_effect_json(&e, b), |b| reference::effect(&e, b))?;
    }

    #[test]
    fn error_json_is_unchanged(e in error()) {
        check_same(|b| write_error_json(&e, b), |b| reference::error(&e, b))?;
    }

    #[test]
    fn graded_records_are_unchanged(id in id(ID_CAPACITY), emotion in 0u8..=10, hours in 0u32..1000, prior in 0u16..20) {
        let c = Complaint {
            id,
            emotion,
            hours_open: hours,
            prior_contacts: prior,
            ..Complaint::default()
        };
        let a = assess(&c, &Policy::DEFAULT);
        check_same(|b| write_assessment_json(&a, b), |b| reference::assessment(&a, b))?;
    }
}

/// Every code is written raw, so none may hold a character that needs escaping.
#[test]
fn codes_need_no_escaping() {
    use complaint_triage::scan::{EMOTION_MARKERS, FORBIDDEN_PHRASES, THREATS};
    let plain = |code: &str| {
        assert!(
            !code.is_empty()
                && code
                    .bytes()
                    .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\'),
            "{code:?}"
        );
    };
    Factor::all().for_each(|f| plain(f.code()));
    let codes = |all: &[&'static str]| all.iter().for_each(|c| plain(c));
    codes(&Source::ALL.iter().map(|v| v.code()).collect::<Vec<_>>());
    codes(&Dimension::ALL.iter().map(|v| v.code()).collect::<Vec<_>>());
    codes(&Grade::ALL.iter().map(|v| v.code()).collect::<Vec<_>>());
    codes(&Tier::ALL.iter().map(|v| v.code()).collect::<Vec<_>>());
    codes(&TierBasis::ALL.iter().map(|v| v.code()).collect::<Vec<_>>());
    codes(&Level::ALL.iter().map(|v| v.code()).collect::<Vec<_>>());
    codes(&Talk::ALL.iter().map(|v| v.code()).collect::<Vec<_>>());
    codes(
        &MotiveApproach::ALL
            .iter()
            .map(|v| v.code())
            .collect::<Vec<_>>(),
    );
    codes(
        &ExpectationApproach::ALL
            .iter()
            .map(|v| v.code())
            .collect::<Vec<_>>(),
    );
    codes(&Remedy::ALL.iter().map(|v| v.code()).collect::<Vec<_>>());
    codes(&Handling::ALL.iter().map(|v| v.code()).collect::<Vec<_>>());
    codes(
        &EffectFactor::ALL
            .iter()
            .map(|v| v.code())
            .collect::<Vec<_>>(),
    );
    codes(&ErrorKind::ALL.iter().map(|v| v.code()).collect::<Vec<_>>());
    for p in THREATS
        .iter()
        .chain(&FORBIDDEN_PHRASES)
        .chain(&EMOTION_MARKERS)
    {
        plain(p.code);
    }
    // The writer takes the threat codes from the scanner's table.
    let threats: Vec<_> = THREATS.iter().map(|p| p.code).collect();
    let codes: Vec<_> = Threat::ALL.iter().map(|t| t.code()).collect();
    assert_eq!(threats, codes);
}

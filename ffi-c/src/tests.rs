//! Rust-side tests of every export: results equal the core's, invalid
//! integers in every field, NULL pointers, short buffers, the panic boundary.
#![allow(
    clippy::undocumented_unsafe_blocks,
    clippy::field_reassign_with_default
)]

use core::ffi::{c_char, CStr};
use core::ptr::{null, null_mut};
use std::string::String;
use std::vec::Vec;

use triage::{assess, parse_complaint, parse_policy, write_assessment_json, Complaint, Policy};

use crate::*;

/// Every line of the example records shipped with the repository.
pub(crate) fn example_records() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/complaints.jsonl");
    let text = std::fs::read_to_string(path).expect("examples/complaints.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect()
}

/// The example records as C complaints, with an invalid one (an emotion
/// past 10) after every third: the batch the batch and handle tests grade.
pub(crate) fn examples_with_invalid() -> Vec<ct_complaint> {
    let mut out = Vec::new();
    for (i, line) in example_records().iter().enumerate() {
        out.push(
            complaint_from_json(line.as_bytes())
                .map_err(|e| e.0)
                .unwrap(),
        );
        if i % 3 == 2 {
            out.push(ct_complaint {
                emotion: 11,
                ..ct_complaint::default()
            });
        }
    }
    out
}

pub(crate) fn default_policy() -> Box<ct_policy> {
    let mut p = Box::new(ct_policy {
        opaque: [0; CT_POLICY_WORDS],
    });
    // SAFETY: valid pointer.
    assert_eq!(unsafe { ct_policy_default(&mut *p) }, CT_OK);
    p
}

pub(crate) fn complaint_from_json(json: &[u8]) -> Result<ct_complaint, (ct_result, Box<ct_error>)> {
    let mut c = ct_complaint::default();
    let mut err = blank_error();
    // SAFETY: valid pointers and lengths.
    let r = unsafe { ct_complaint_from_json(json.as_ptr().cast(), json.len(), &mut c, &mut *err) };
    if r == CT_OK {
        Ok(c)
    } else {
        Err((r, err))
    }
}

fn blank_error() -> Box<ct_error> {
    Box::new(ct_error {
        result: CT_OK,
        kind: 0,
        offset: 0,
        index: 0,
        field: [0; CT_ERROR_FIELD_CAPACITY],
        message: [0; CT_ERROR_MESSAGE_CAPACITY],
        reserved: [0; 4],
    })
}

fn blank_assessment() -> Box<ct_assessment> {
    // SAFETY: every field is an integer or an array of integers.
    Box::new(unsafe { core::mem::zeroed() })
}

/// The assessment of a record, through the C API, by the default policy.
pub(crate) fn graded(json: &[u8]) -> ct_assessment {
    let c = complaint_from_json(json).map_err(|e| e.0).unwrap();
    let p = default_policy();
    let mut a = blank_assessment();
    // SAFETY: valid pointers.
    assert_eq!(unsafe { ct_assess(&c, &*p, &mut *a) }, CT_OK);
    *a
}

#[test]
fn the_suggested_category_is_in_the_c_result_and_its_json() {
    let text = "这个月话费又多扣了三十块";
    let mut c = ct_complaint::default();
    // SAFETY: valid pointers and length.
    let r = unsafe { ct_complaint_add_text(&mut c, text.as_ptr().cast(), text.len()) };
    assert_eq!(r, CT_OK);
    assert_eq!(c.text_facts.category, triage::Category::Billing.index() + 1);
    let p = default_policy();
    let mut a = blank_assessment();
    // SAFETY: valid pointers.
    assert_eq!(unsafe { ct_assess(&c, &*p, &mut *a) }, CT_OK);
    assert_eq!(
        (a.has_suggested_category, a.suggested_category),
        (1, triage::Category::Billing.index())
    );
    assert!(to_json(&a)
        .unwrap()
        .contains(r#""suggested_category":"billing""#));
    // The same text in a record's JSON, with and without its own category.
    let a = graded(r#"{"text":"这个月话费又多扣了三十块"}"#.as_bytes());
    assert_eq!(a.has_suggested_category, 1);
    let a = graded(r#"{"category":"price","text":"这个月话费又多扣了三十块"}"#.as_bytes());
    assert_eq!((a.has_suggested_category, a.suggested_category), (0, 0));
    assert!(to_json(&a)
        .unwrap()
        .contains(r#""suggested_category":null"#));
    c.category = triage::Category::Price.index();
    let mut a = blank_assessment();
    // SAFETY: valid pointers.
    assert_eq!(unsafe { ct_assess(&c, &*p, &mut *a) }, CT_OK);
    assert_eq!(a.has_suggested_category, 0, "an explicit category stands");
}

fn to_json(a: &ct_assessment) -> Result<String, ct_result> {
    let mut buf = vec![0 as c_char; CT_MAX_ASSESSMENT_JSON];
    let mut n = 0usize;
    // SAFETY: valid pointers; `buf` holds `buf.len()` bytes.
    let r = unsafe { ct_assessment_to_json(a, buf.as_mut_ptr(), buf.len(), &mut n) };
    if r != CT_OK {
        return Err(r);
    }
    assert_eq!(buf[n], 0, "NUL-terminated");
    let bytes: Vec<u8> = buf[..n].iter().map(|c| *c as u8).collect();
    Ok(String::from_utf8(bytes).unwrap())
}

fn core_json(c: &Complaint, p: &Policy) -> String {
    let a = assess(c, p);
    let mut buf = vec![0u8; triage::MAX_ASSESSMENT_JSON];
    let n = write_assessment_json(&a, &mut buf).unwrap();
    String::from_utf8(buf[..n].to_vec()).unwrap()
}

fn cstr(chars: &[c_char]) -> &str {
    // SAFETY: the arrays the library fills are NUL-terminated.
    unsafe { CStr::from_ptr(chars.as_ptr()) }.to_str().unwrap()
}

#[test]
fn assessments_are_byte_identical_to_the_core() {
    let records = example_records();
    assert!(records.len() >= 10);
    for line in &records {
        let via_c = to_json(&graded(line.as_bytes())).unwrap();
        let core = core_json(&parse_complaint(line.as_bytes()).unwrap(), &Policy::DEFAULT);
        assert_eq!(via_c, core);
    }
}

#[test]
fn complaints_and_assessments_round_trip_through_the_c_structs() {
    for line in example_records() {
        let core = parse_complaint(line.as_bytes()).unwrap();
        let c = complaint::from_core(&core);
        // SAFETY: `c` is a valid local.
        assert_eq!(unsafe { complaint::to_core(&c) }, Ok(core.clone()));
        let a = graded(line.as_bytes());
        // SAFETY: `a` is a valid local with `row_count` rows.
        let back = unsafe { assessment::to_core(&a) }.unwrap();
        // A `ct_assessment` carries the text's three bit sets, as the
        // assessment's JSON does; the other facts were graded already.
        let mut want = assess(&core, &Policy::DEFAULT);
        want.text_cues = complaint::cues_from_checked_c(complaint::cues_to_c(want.text_cues));
        assert_eq!(back, want);
    }
}

#[test]
fn complaint_init_sets_the_contract_defaults() {
    // SAFETY: every field is an integer.
    let mut c: ct_complaint = unsafe { core::mem::zeroed() };
    c.emotion = 99;
    // SAFETY: valid pointer.
    assert_eq!(unsafe { ct_complaint_init(&mut c) }, CT_OK);
    assert_eq!(c, complaint_from_json(b"{}").map_err(|e| e.0).unwrap());
    assert_eq!(c.affected_customers, 1);
    assert_eq!(c.departments, 1);
    assert_eq!(
        u32::from(c.category),
        u32::from(triage::Category::Other.index())
    );
    assert_eq!(c.id_len, 0);
    // SAFETY: NULL must be rejected.
    assert_eq!(
        unsafe { ct_complaint_init(null_mut()) },
        CT_ERR_NULL_POINTER
    );
}

/// A complaint with one field set to `bad`, and the code that must name it.
fn every_invalid_complaint_field() -> Vec<(&'static str, ct_complaint, ct_result)> {
    let ok = ct_complaint::default();
    let mut cases = Vec::new();
    macro_rules! bad {
        ($field:ident = $value:expr, $code:ident) => {{
            let mut c = ok;
            c.$field = $value;
            cases.push((stringify!($field), c, $code));
        }};
    }
    for v in [triage::Category::COUNT as u8, 200, 255] {
        bad!(category = v, CT_ERR_COMPLAINT_CATEGORY);
    }
    bad!(
        channel = triage::Channel::COUNT as u8,
        CT_ERR_COMPLAINT_CHANNEL
    );
    bad!(channel = 255, CT_ERR_COMPLAINT_CHANNEL);
    bad!(
        customer_tier = triage::CustomerTier::COUNT as u8,
        CT_ERR_COMPLAINT_CUSTOMER_TIER
    );
    bad!(
        tenure_months = CT_MAX_TENURE_MONTHS + 1,
        CT_ERR_COMPLAINT_TENURE_MONTHS
    );
    bad!(tenure_months = u16::MAX, CT_ERR_COMPLAINT_TENURE_MONTHS);
    bad!(
        personality = triage::Personality::COUNT as u8,
        CT_ERR_COMPLAINT_PERSONALITY
    );
    bad!(
        motive = triage::Motive::COUNT as u8,
        CT_ERR_COMPLAINT_MOTIVE
    );
    bad!(
        expectation = triage::Expectation::COUNT as u8,
        CT_ERR_COMPLAINT_EXPECTATION
    );
    bad!(emotion = CT_MAX_EMOTION + 1, CT_ERR_COMPLAINT_EMOTION);
    bad!(emotion = 255, CT_ERR_COMPLAINT_EMOTION);
    bad!(
        prior_contacts = CT_MAX_PRIOR_CONTACTS + 1,
        CT_ERR_COMPLAINT_PRIOR_CONTACTS
    );
    bad!(
        hours_open = CT_MAX_HOURS_OPEN + 1,
        CT_ERR_COMPLAINT_HOURS_OPEN
    );
    bad!(hours_open = u32::MAX, CT_ERR_COMPLAINT_HOURS_OPEN);
    bad!(affected_customers = 0, CT_ERR_COMPLAINT_AFFECTED_CUSTOMERS);
    bad!(
        affected_customers = CT_MAX_AFFECTED_CUSTOMERS + 1,
        CT_ERR_COMPLAINT_AFFECTED_CUSTOMERS
    );
    bad!(
        direct_loss = CT_MAX_AMOUNT + 1,
        CT_ERR_COMPLAINT_DIRECT_LOSS
    );
    bad!(direct_loss = u64::MAX, CT_ERR_COMPLAINT_DIRECT_LOSS);
    bad!(
        claimed_amount = CT_MAX_AMOUNT + 1,
        CT_ERR_COMPLAINT_CLAIMED_AMOUNT
    );
    bad!(
        indirect_loss_claimed = 2,
        CT_ERR_COMPLAINT_INDIRECT_LOSS_CLAIMED
    );
    bad!(
        liability = triage::Liability::COUNT as u8,
        CT_ERR_COMPLAINT_LIABILITY
    );
    bad!(
        evidence = triage::Evidence::COUNT as u8,
        CT_ERR_COMPLAINT_EVIDENCE
    );
    bad!(departments = 0, CT_ERR_COMPLAINT_DEPARTMENTS);
    bad!(
        departments = CT_MAX_DEPARTMENTS + 1,
        CT_ERR_COMPLAINT_DEPARTMENTS
    );
    bad!(beyond_authority = 2, CT_ERR_COMPLAINT_BEYOND_AUTHORITY);
    bad!(
        previously_compensated = 255,
        CT_ERR_COMPLAINT_PREVIOUSLY_COMPENSATED
    );
    bad!(safety_incident = 7, CT_ERR_COMPLAINT_SAFETY_INCIDENT);
    bad!(sensitive_period = 2, CT_ERR_COMPLAINT_SENSITIVE_PERIOD);
    bad!(rights = 1 << triage::Right::COUNT, CT_ERR_COMPLAINT_RIGHTS);
    bad!(
        threats = 1 << triage::Threat::COUNT,
        CT_ERR_COMPLAINT_THREATS
    );
    bad!(threats = u16::MAX, CT_ERR_COMPLAINT_THREATS);
    bad!(
        profile = 1 << triage::Profile::COUNT,
        CT_ERR_COMPLAINT_PROFILE
    );
    bad!(
        malice_signals = 1 << triage::MaliceSignal::COUNT,
        CT_ERR_COMPLAINT_MALICE_SIGNALS
    );
    // A full vocabulary (16 values) leaves no bit of the u16 out of range.
    if let Some(bit) = 1u16.checked_shl(triage::HandlingFailure::COUNT as u32) {
        bad!(handling_failures = bit, CT_ERR_COMPLAINT_HANDLING_FAILURES);
    }
    bad!(
        jurisdiction = triage::Jurisdiction::COUNT as u8,
        CT_ERR_COMPLAINT_JURISDICTION
    );
    bad!(
        currency = triage::Currency::COUNT as u8,
        CT_ERR_COMPLAINT_CURRENCY
    );
    bad!(
        causal_link = triage::CausalLink::COUNT as u8,
        CT_ERR_COMPLAINT_CAUSAL_LINK
    );
    bad!(
        vulnerability = 1 << triage::Vulnerability::COUNT,
        CT_ERR_COMPLAINT_VULNERABILITY
    );
    bad!(data_breach = 2, CT_ERR_COMPLAINT_DATA_BREACH);
    bad!(
        safety = triage::SafetyLevel::COUNT as u8,
        CT_ERR_COMPLAINT_SAFETY
    );
    bad!(
        hours_since_regulator = CT_MAX_HOURS_OPEN + 1,
        CT_ERR_COMPLAINT_HOURS_SINCE_REGULATOR
    );
    let mut c = ok;
    c.id_len = 65;
    cases.push(("id", c, CT_ERR_COMPLAINT_ID));
    let mut c = ok;
    c.id[0] = 0xff_u8 as c_char;
    c.id_len = 1;
    cases.push(("id", c, CT_ERR_COMPLAINT_ID));
    let mut c = ok;
    c.text_cues.threats = 1 << triage::Threat::COUNT;
    cases.push(("text_cues.threats", c, CT_ERR_COMPLAINT_TEXT_THREATS));
    let mut c = ok;
    c.text_cues.forbidden_phrases = 1 << triage::scan::FORBIDDEN_PHRASES.len();
    cases.push((
        "text_cues.forbidden_phrases",
        c,
        CT_ERR_COMPLAINT_TEXT_FORBIDDEN_PHRASES,
    ));
    let mut c = ok;
    c.text_cues.emotion_markers = 1 << triage::scan::EMOTION_MARKERS.len();
    cases.push((
        "text_cues.emotion_markers",
        c,
        CT_ERR_COMPLAINT_TEXT_EMOTION_MARKERS,
    ));
    for (name, set) in [
        (
            "text_facts.largest_amount",
            (|c: &mut ct_complaint| c.text_facts.largest_amount = CT_MAX_AMOUNT + 1)
                as fn(&mut ct_complaint),
        ),
        ("text_facts.malice_signals", |c| {
            c.text_facts.malice_signals = 1 << triage::MaliceSignal::COUNT
        }),
        ("text_facts.safety", |c| {
            c.text_facts.safety = triage::SafetyLevel::COUNT as u8
        }),
        ("text_facts.vulnerability", |c| {
            c.text_facts.vulnerability = 1 << triage::Vulnerability::COUNT
        }),
        ("text_facts.scope", |c| {
            c.text_facts.scope = CT_MAX_TEXT_SCOPE + 1
        }),
        ("text_facts.currency", |c| {
            c.text_facts.currency = triage::Currency::COUNT as u8
        }),
        // 1 + the index of `other`, which a text never suggests.
        ("text_facts.category", |c| {
            c.text_facts.category = triage::Category::COUNT as u8
        }),
        ("text_facts.loss_currency", |c| {
            c.text_facts.loss_currency = triage::Currency::COUNT as u8
        }),
        ("text_facts.data_exposure", |c| {
            c.text_facts.data_exposure = 2
        }),
        ("text_facts.largest_loss", |c| {
            c.text_facts.largest_loss = CT_MAX_AMOUNT + 1
        }),
    ] {
        let mut c = ok;
        set(&mut c);
        cases.push((name, c, CT_ERR_COMPLAINT_TEXT_FACTS));
    }
    cases
}

#[test]
fn every_invalid_complaint_field_is_named_and_nothing_is_written() {
    let p = default_policy();
    let cases = every_invalid_complaint_field();
    for (field, c, code) in &cases {
        let mut a = blank_assessment();
        a.priority = 77;
        // SAFETY: valid pointers.
        let r = unsafe { ct_assess(c, &*p, &mut *a) };
        assert_eq!(r, *code, "{field}");
        assert_eq!(a.priority, 77, "{field}: output written on failure");
        // SAFETY: valid pointer.
        assert_eq!(unsafe { ct_complaint_validate(c) }, *code);
        // SAFETY: the function returns a static string.
        let named = unsafe { CStr::from_ptr(ct_result_field(r as u32)) }
            .to_str()
            .unwrap();
        // The text facts share one code, named by their struct.
        let want = if field.starts_with("text_facts.") {
            "text_facts"
        } else {
            *field
        };
        assert_eq!(named, want, "{field}");
    }
    // The boundaries themselves are valid, as in the JSON contract.
    let mut c = ct_complaint::default();
    c.tenure_months = CT_MAX_TENURE_MONTHS;
    c.emotion = CT_MAX_EMOTION;
    c.prior_contacts = CT_MAX_PRIOR_CONTACTS;
    c.hours_open = CT_MAX_HOURS_OPEN;
    c.affected_customers = CT_MAX_AFFECTED_CUSTOMERS;
    c.direct_loss = CT_MAX_AMOUNT;
    c.claimed_amount = CT_MAX_AMOUNT;
    c.departments = CT_MAX_DEPARTMENTS;
    // SAFETY: valid pointer.
    assert_eq!(unsafe { ct_complaint_validate(&c) }, CT_OK);
}

/// A few values of each size around the limits the library checks.
fn interesting(rng: &mut u64, bytes: usize) -> u64 {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    let r = *rng;
    let limits: &[u64] = &[
        0,
        1,
        2,
        3,
        4,
        5,
        9,
        10,
        11,
        63,
        64,
        65,
        99,
        100,
        101,
        127,
        128,
        255,
        0x1ff,
        0x200,
        1200,
        1201,
        10_000,
        10_001,
        0x7ff,
        0x800,
        0xffff,
        1_000_000,
        1_000_001,
        1_000_000_000,
        1_000_000_001,
        CT_MAX_AMOUNT,
        CT_MAX_AMOUNT + 1,
        u64::MAX,
    ];
    let v = match r % 3 {
        0 => limits[(r >> 8) as usize % limits.len()],
        1 => r >> 40,
        _ => (r >> 16) % 16,
    };
    if bytes >= 8 {
        v
    } else {
        v & ((1u64 << (8 * bytes)) - 1)
    }
}

/// `ct_assess` and `ct_complaint_validate` must agree on every complaint,
/// whichever fields are invalid and however many (both use the window
/// check, which the tests of `complaint_check_windows` compare with the
/// plain one), and a valid one must grade as the core grades it.
#[test]
fn ct_assess_and_ct_complaint_validate_agree_on_every_complaint() {
    let p = default_policy();
    let records = example_records();
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut seen_ok = 0;
    let mut seen_err = 0;
    for round in 0..20_000 {
        let json = &records[round % records.len()];
        let mut c = complaint_from_json(json.as_bytes())
            .map_err(|e| e.0)
            .unwrap();
        // Overwrite 1 to 3 fields with values near the limits.
        for _ in 0..1 + round % 3 {
            let pick = interesting(&mut rng, 8) % 49;
            let v = interesting(&mut rng, 8);
            match pick {
                0 => c.direct_loss = v,
                1 => c.claimed_amount = v,
                2 => c.hours_open = v as u32,
                3 => c.affected_customers = v as u32,
                4 => c.tenure_months = v as u16,
                5 => c.prior_contacts = v as u16,
                6 => c.rights = v as u16,
                7 => c.threats = v as u16,
                8 => c.profile = v as u16,
                9 => c.malice_signals = v as u16,
                10 => c.handling_failures = v as u16,
                11 => c.text_cues.forbidden_phrases = v as u16,
                12 => c.text_cues.threats = v as u8,
                13 => c.text_cues.emotion_markers = v as u8,
                14 => c.category = v as u8,
                15 => c.channel = v as u8,
                16 => c.customer_tier = v as u8,
                17 => c.personality = v as u8,
                18 => c.motive = v as u8,
                19 => c.expectation = v as u8,
                20 => c.liability = v as u8,
                21 => c.evidence = v as u8,
                22 => c.jurisdiction = v as u8,
                23 => c.emotion = v as u8,
                24 => c.departments = v as u8,
                25 => c.indirect_loss_claimed = v as u8,
                26 => c.beyond_authority = v as u8,
                27 => c.previously_compensated = v as u8,
                28 => c.safety_incident = v as u8,
                29 => c.sensitive_period = v as u8,
                30 => c.id_len = v as u8,
                31 => c.currency = v as u8,
                32 => c.causal_link = v as u8,
                33 => c.vulnerability = v as u16,
                34 => c.data_breach = v as u8,
                35 => c.safety = v as u8,
                36 => c.hours_since_regulator = v as u32,
                37 => c.text_facts.largest_amount = v,
                38 => c.text_facts.malice_signals = v as u16,
                39 => c.text_facts.safety = v as u8,
                40 => c.text_facts.vulnerability = v as u8,
                41 => c.text_facts.scope = v as u8,
                42 => c.text_facts.currency = v as u8,
                43 => c.text_facts.category = v as u8,
                44 => c.text_facts.largest_loss = v,
                45 => c.text_facts.loss_currency = v as u8,
                46 => c.text_facts.data_exposure = v as u8,
                47 => c.text_facts.handling_failures = v as u16,
                _ => {
                    // Bytes of the id, ASCII or not, valid UTF-8 or not,
                    // and garbage past its length.
                    let at = (v % CT_ID_ARRAY_SIZE as u64) as usize;
                    c.id[at] = interesting(&mut rng, 1) as u8 as c_char;
                    if v & 0x100 != 0 {
                        let s = "é单";
                        let at = at.min(CT_ID_CAPACITY - s.len());
                        for (i, b) in s.bytes().enumerate() {
                            c.id[at + i] = b as c_char;
                        }
                    }
                }
            }
        }
        let mut a = blank_assessment();
        a.priority = 77;
        let marker = ct_reason_row {
            points: [0x5a5a; CT_DIMENSION_COUNT],
            factor: 0xa5,
            source: 0xa5,
        };
        a.rows = [marker; CT_MAX_REASON_ROWS];
        // SAFETY: valid pointers.
        let (r, expected) = unsafe { (ct_assess(&c, &*p, &mut *a), ct_complaint_validate(&c)) };
        assert_eq!(r, expected, "round {round}: {c:?}");
        if r != CT_OK {
            seen_err += 1;
            assert_eq!(a.priority, 77, "output written on failure");
            continue;
        }
        seen_ok += 1;
        // SAFETY: valid pointer, checked above.
        let core = unsafe { crate::complaint::to_core(&c) }.unwrap();
        assert_eq!(to_json(&a).unwrap(), core_json(&core, &Policy::DEFAULT));
        // At most the entry just after the rows serves as scratch.
        let rows = usize::from(a.row_count);
        assert!(
            a.rows.iter().skip(rows + 1).all(|r| *r == marker),
            "rows past row_count + 1 written"
        );
        let n = usize::from(c.id_len);
        assert_eq!(&a.id[..n], &c.id[..n]);
        assert!(a.id[n..].iter().all(|b| *b == 0), "id not zero-filled");
    }
    assert!(seen_ok > 2_000 && seen_err > 2_000, "{seen_ok} {seen_err}");
}

/// The id is read 16 bytes at a time with SSE2 on x86-64: same bytes and
/// same ASCII verdict as the portable code, for every length.
#[test]
fn ids_read_the_same_with_and_without_sse2() {
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    for round in 0..5_000 {
        let mut c = ct_complaint::default();
        for b in c.id.iter_mut() {
            *b = interesting(&mut rng, 1) as u8 as c_char;
        }
        let len = (round % (CT_ID_CAPACITY + 1)) as u8;
        let (mut fast, mut portable) = ([0xAA; CT_ID_CAPACITY], [0x55; CT_ID_CAPACITY]);
        // SAFETY: valid pointer; `len <= CT_ID_CAPACITY`.
        let (a, b) = unsafe {
            (
                crate::complaint::id_bytes(&c, len, &mut fast),
                crate::complaint::id_bytes_portable(&c, len, &mut portable),
            )
        };
        assert_eq!((a, fast), (b, portable), "length {len}");
        let n = usize::from(len);
        assert!(fast[n..].iter().all(|b| *b == 0));
        assert_eq!(a, fast[..n].is_ascii());
    }
}

#[test]
fn numeric_limits_match_the_json_contract() {
    let limits: [(&str, u64, u64); 8] = [
        ("tenure_months", 0, CT_MAX_TENURE_MONTHS.into()),
        ("emotion", 0, CT_MAX_EMOTION.into()),
        ("prior_contacts", 0, CT_MAX_PRIOR_CONTACTS.into()),
        ("hours_open", 0, CT_MAX_HOURS_OPEN.into()),
        ("affected_customers", 1, CT_MAX_AFFECTED_CUSTOMERS.into()),
        ("direct_loss", 0, CT_MAX_AMOUNT),
        ("claimed_amount", 0, CT_MAX_AMOUNT),
        ("departments", 1, CT_MAX_DEPARTMENTS.into()),
    ];
    for (field, min, max) in limits {
        let json = |v: u64| format!("{{\"{field}\":{v}}}");
        assert!(parse_complaint(json(max).as_bytes()).is_ok(), "{field}");
        assert!(
            parse_complaint(json(max + 1).as_bytes()).is_err(),
            "{field}"
        );
        assert!(parse_complaint(json(min).as_bytes()).is_ok(), "{field}");
        if min > 0 {
            assert!(
                parse_complaint(json(min - 1).as_bytes()).is_err(),
                "{field}"
            );
        }
    }
    let json = format!("{{\"id\":\"{}\"}}", "x".repeat(CT_ID_CAPACITY));
    assert!(parse_complaint(json.as_bytes()).is_ok());
    let json = format!("{{\"id\":\"{}\"}}", "x".repeat(CT_ID_CAPACITY + 1));
    assert!(parse_complaint(json.as_bytes()).is_err());
}

#[test]
fn json_errors_fill_ct_error_like_the_core() {
    let inputs: [&[u8]; 12] = [
        br#"{"emotoin":7}"#,
        br#"{"category":"Billing"}"#,
        br#"{"emotion":11}"#,
        br#"{"threats":["media","tv"]}"#,
        br#"{"id":1}"#,
        br#"{"id":"a","id":"b"}"#,
        b"[1,2]",
        b"",
        br#"{"emotion":"#,
        b"{\"text\":\"\xff\"}",
        br#"{"rights":[["know"]]}"#,
        br#"{"emotion":1.5}"#,
    ];
    for input in inputs {
        let e = parse_complaint(input).unwrap_err();
        let (r, err) = complaint_from_json(input).unwrap_err();
        assert_eq!(
            r as u32,
            CT_ERR_JSON_INVALID_JSON as u32 + u32::from(e.kind.index())
        );
        assert_eq!(err.result, r);
        assert_eq!(err.kind, u32::from(e.kind.index()));
        assert_eq!(err.offset, e.offset as u64);
        assert_eq!(err.index, e.index.map_or(-1, i32::from));
        assert_eq!(cstr(&err.field), e.field);
        assert_eq!(cstr(&err.message), e.to_string());
    }
}

#[test]
fn the_longest_messages_fit_in_ct_error() {
    // An unknown field lists every accepted field; the found text is at most 32 bytes.
    let long_key = "k".repeat(200);
    for input in [
        format!("{{\"{long_key}\":1}}"),
        "{\"profile\":[\"x\"]}".into(),
        "{\"handling_failures\":[\"x\"]}".into(),
        "{\"malice_signals\":[\"x\"]}".into(),
    ] {
        let e = parse_complaint(input.as_bytes()).unwrap_err();
        let (_, err) = complaint_from_json(input.as_bytes()).unwrap_err();
        assert!(e.to_string().len() < CT_ERROR_MESSAGE_CAPACITY);
        assert_eq!(cstr(&err.message), e.to_string());
    }
    for input in [
        format!("{{\"{long_key}\":1}}"),
        "{\"effect\":{\"x\":1}}".into(),
        "{\"points\":{\"x\":{}}}".into(),
    ] {
        let e = parse_policy(input.as_bytes()).unwrap_err();
        assert!(e.to_string().len() < CT_ERROR_MESSAGE_CAPACITY, "{e}");
    }
}

#[test]
fn null_pointers_and_bad_lengths_are_errors() {
    let c = ct_complaint::default();
    let p = default_policy();
    let mut a = blank_assessment();
    let mut out = ct_complaint::default();
    let mut err = blank_error();
    // SAFETY: NULL pointers must be rejected; every other pointer is valid.
    unsafe {
        assert_eq!(ct_assess(null(), &*p, &mut *a), CT_ERR_NULL_POINTER);
        assert_eq!(ct_assess(&c, null(), &mut *a), CT_ERR_NULL_POINTER);
        assert_eq!(ct_assess(&c, &*p, null_mut()), CT_ERR_NULL_POINTER);
        assert_eq!(
            ct_complaint_from_json(null(), 0, &mut out, &mut *err),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(err.result, CT_ERR_NULL_POINTER);
        assert_eq!(err.kind, CT_ERROR_KIND_NONE);
        assert_eq!(cstr(&err.message), "a required pointer argument is NULL");
        assert_eq!(
            ct_complaint_from_json(c"{}".as_ptr(), 2, null_mut(), null_mut()),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_complaint_from_json(c"{}".as_ptr(), 2, &mut out, null_mut()),
            CT_OK
        );
        let kind = parse_complaint(b"{").unwrap_err().kind;
        assert_eq!(
            ct_complaint_from_json(c"{".as_ptr(), 1, &mut out, null_mut()) as u32,
            CT_ERR_JSON_INVALID_JSON as u32 + u32::from(kind.index())
        );
        assert_eq!(
            ct_complaint_from_json(c"{}".as_ptr(), usize::MAX, &mut out, &mut *err),
            CT_ERR_INVALID_ARGUMENT
        );
        assert_eq!(
            ct_complaint_set_id(null_mut(), c"x".as_ptr(), 1),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_complaint_set_id(&mut out, null(), 0),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_complaint_add_text(null_mut(), c"x".as_ptr(), 1),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_complaint_add_text(&mut out, null(), 0),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(ct_complaint_validate(null()), CT_ERR_NULL_POINTER);
        let mut cues = ct_text_cues::default();
        assert_eq!(ct_scan_text(null(), 0, &mut cues), CT_ERR_NULL_POINTER);
        assert_eq!(
            ct_scan_text(c"x".as_ptr(), 1, null_mut()),
            CT_ERR_NULL_POINTER
        );
        let mut n = 0usize;
        let mut buf = [0 as c_char; 16];
        assert_eq!(
            ct_assessment_to_json(null(), buf.as_mut_ptr(), 16, &mut n),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_assessment_to_json(&*graded_box(), null_mut(), 16, &mut n),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_assessment_to_json(&*graded_box(), buf.as_mut_ptr(), 16, null_mut()),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(ct_assessment_validate(null()), CT_ERR_NULL_POINTER);
        assert_eq!(ct_policy_default(null_mut()), CT_ERR_NULL_POINTER);
        let mut pol = default_policy();
        assert_eq!(
            ct_policy_from_json(null(), 0, &mut *pol, null_mut()),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(
            ct_policy_from_json(c"{}".as_ptr(), 2, null_mut(), null_mut()),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(ct_policy_validate(null(), null_mut()), CT_ERR_NULL_POINTER);
        // A misaligned struct pointer is refused rather than dereferenced.
        let raw = (&mut out as *mut ct_complaint)
            .cast::<u8>()
            .add(1)
            .cast::<ct_complaint>();
        assert_eq!(ct_complaint_init(raw), CT_ERR_MISALIGNED_POINTER);
        assert!(!ct_version().is_null());
    }
}

fn graded_box() -> Box<ct_assessment> {
    Box::new(graded(
        br#"{"id":"N-1","category":"billing","threats":["media"]}"#,
    ))
}

#[test]
fn short_buffers_are_refused_and_left_untouched() {
    let a = graded(example_records()[2].as_bytes());
    let full = to_json(&a).unwrap();
    let n = full.len();
    for cap in [0, 1, 2, n / 2, n - 1, n] {
        let mut buf = vec![0x55 as c_char; cap.max(1)];
        let mut written = 12345usize;
        // SAFETY: `buf` holds at least `cap` bytes.
        let r = unsafe { ct_assessment_to_json(&a, buf.as_mut_ptr(), cap, &mut written) };
        assert_eq!(r, CT_ERR_BUFFER_TOO_SMALL, "cap {cap}");
        assert_eq!(written, 12345);
        assert!(
            buf.iter().all(|b| *b == 0x55),
            "buffer touched at cap {cap}"
        );
    }
    let mut buf = vec![0 as c_char; n + 1];
    let mut written = 0usize;
    // SAFETY: `buf` holds `n + 1` bytes.
    let r = unsafe { ct_assessment_to_json(&a, buf.as_mut_ptr(), n + 1, &mut written) };
    assert_eq!((r, written), (CT_OK, n));
    assert_eq!(cstr(&buf), full);
}

#[test]
fn every_invalid_assessment_field_is_named() {
    let ok = graded(example_records()[3].as_bytes());
    assert!(ok.row_count > 0);
    let mut cases: Vec<(ct_assessment, ct_result)> = Vec::new();
    macro_rules! bad {
        ($($field:ident).+ = $value:expr, $code:ident) => {{
            let mut a = ok;
            a.$($field).+ = $value;
            cases.push((a, $code));
        }};
    }
    bad!(id_len = 65, CT_ERR_ASSESSMENT_ID);
    bad!(scores.malice = 101, CT_ERR_ASSESSMENT_SCORES);
    bad!(grade = triage::Grade::COUNT as u8, CT_ERR_ASSESSMENT_GRADE);
    bad!(tier = triage::Tier::COUNT as u8, CT_ERR_ASSESSMENT_TIER);
    bad!(
        tier_basis = triage::TierBasis::COUNT as u8,
        CT_ERR_ASSESSMENT_TIER_BASIS
    );
    bad!(severity_level = 3, CT_ERR_ASSESSMENT_SEVERITY_LEVEL);
    bad!(impact_level = 255, CT_ERR_ASSESSMENT_IMPACT_LEVEL);
    bad!(urgency_level = 3, CT_ERR_ASSESSMENT_URGENCY_LEVEL);
    bad!(priority = 0, CT_ERR_ASSESSMENT_PRIORITY);
    bad!(priority = 6, CT_ERR_ASSESSMENT_PRIORITY);
    bad!(resolution_capped = 2, CT_ERR_ASSESSMENT_RESOLUTION_CAPPED);
    bad!(has_claim_ratio = 2, CT_ERR_ASSESSMENT_HAS_CLAIM_RATIO);
    bad!(claim_unreasonable = 9, CT_ERR_ASSESSMENT_CLAIM_UNREASONABLE);
    bad!(
        has_suggested_category = 2,
        CT_ERR_ASSESSMENT_HAS_SUGGESTED_CATEGORY
    );
    {
        let mut a = ok;
        a.has_suggested_category = 1;
        a.suggested_category = triage::Category::COUNT as u8;
        cases.push((a, CT_ERR_ASSESSMENT_SUGGESTED_CATEGORY));
    }
    bad!(
        playbook.talk = triage::Talk::COUNT as u8,
        CT_ERR_ASSESSMENT_PLAYBOOK_TALK
    );
    bad!(
        playbook.motive = triage::MotiveApproach::COUNT as u8,
        CT_ERR_ASSESSMENT_PLAYBOOK_MOTIVE
    );
    bad!(
        playbook.expectation = triage::ExpectationApproach::COUNT as u8,
        CT_ERR_ASSESSMENT_PLAYBOOK_EXPECTATION
    );
    bad!(
        playbook.remedy = triage::Remedy::COUNT as u8,
        CT_ERR_ASSESSMENT_PLAYBOOK_REMEDY
    );
    bad!(
        playbook.strategy = triage::Strategy::COUNT as u8,
        CT_ERR_ASSESSMENT_PLAYBOOK_STRATEGY
    );
    bad!(playbook.steps = 0x80, CT_ERR_ASSESSMENT_PLAYBOOK_STEPS);
    bad!(
        has_regulatory_deadline = 2,
        CT_ERR_ASSESSMENT_HAS_REGULATORY_DEADLINE
    );
    bad!(
        past_regulatory_deadline = 3,
        CT_ERR_ASSESSMENT_PAST_REGULATORY_DEADLINE
    );
    // The bit past the last gate (while there is one: a sixteenth gate
    // fills the 16 bits of `gates`, and the next needs a wider field).
    if triage::Gate::COUNT < 16 {
        bad!(gates = 1 << triage::Gate::COUNT, CT_ERR_ASSESSMENT_GATES);
    }
    bad!(text_cues.threats = 0x80, CT_ERR_ASSESSMENT_TEXT_THREATS);
    bad!(
        text_cues.forbidden_phrases = 0x8000,
        CT_ERR_ASSESSMENT_TEXT_FORBIDDEN_PHRASES
    );
    bad!(
        text_cues.emotion_markers = 0x80,
        CT_ERR_ASSESSMENT_TEXT_EMOTION_MARKERS
    );
    bad!(
        row_count = CT_MAX_REASON_ROWS as u8 + 1,
        CT_ERR_ASSESSMENT_ROW_COUNT
    );
    bad!(row_count = 255, CT_ERR_ASSESSMENT_ROW_COUNT);
    let mut a = ok;
    a.rows[0].factor = triage::FACTOR_COUNT as u8;
    cases.push((a, CT_ERR_ASSESSMENT_ROW_FACTOR));
    let mut a = ok;
    a.rows[usize::from(ok.row_count) - 1].source = triage::Source::COUNT as u8;
    cases.push((a, CT_ERR_ASSESSMENT_ROW_SOURCE));
    for (a, code) in &cases {
        assert_eq!(to_json(a), Err(*code));
        // SAFETY: valid pointer.
        assert_eq!(unsafe { ct_assessment_validate(a) }, *code);
    }
    // Rows past `row_count` are never read.
    let mut a = ok;
    a.rows[usize::from(ok.row_count)].factor = 255;
    assert!(to_json(&a).is_ok());
}

#[test]
fn policies_are_checked_before_use() {
    let c = ct_complaint::default();
    let mut a = blank_assessment();
    let mut p = Box::new(ct_policy {
        opaque: [0; CT_POLICY_WORDS],
    });
    // SAFETY: valid pointers.
    unsafe {
        assert_eq!(ct_assess(&c, &*p, &mut *a), CT_ERR_POLICY_UNINITIALIZED);
        assert_eq!(
            ct_policy_validate(&*p, null_mut()),
            CT_ERR_POLICY_UNINITIALIZED
        );
        assert_eq!(ct_policy_default(&mut *p), CT_OK);
        assert_eq!(policy::policy_ref(&*p).unwrap(), &Policy::DEFAULT);
        assert_eq!(ct_policy_validate(&*p, null_mut()), CT_OK);
        // Overwrite each byte in turn: a grade or tier byte must be refused,
        // never read as an enum, and so must a priority byte (0xEE is no
        // priority 1-5), never graded into an out-of-contract assessment;
        // a byte that makes the policy incoherent is refused too.
        let mut corrupted = 0;
        for i in 8..core::mem::size_of::<ct_policy>() {
            let mut q = Box::new(ct_policy { opaque: p.opaque });
            q.opaque.as_mut_ptr().cast::<u8>().add(i).write(0xEE);
            let r = ct_assess(&c, &*q, &mut *a);
            assert_eq!(r, ct_policy_validate(&*q, null_mut()), "byte {i}");
            if r == CT_ERR_POLICY_CORRUPT {
                corrupted += 1;
            } else {
                assert!(
                    r == CT_OK || r == CT_ERR_POLICY_INCOHERENT,
                    "byte {i}: {r:?}"
                );
            }
        }
        assert_eq!(
            corrupted,
            9 + 4 + 1 + 9 + triage::Profile::COUNT + 1 + 3 * triage::Gate::COUNT,
            "every grade, tier and priority byte is checked"
        );
    }
}

#[test]
fn policy_json_overrides_and_errors() {
    let json = br#"{"resolution_hours":[8,24,48,96,120],"points":{"threat.media":{"impact":40}}}"#;
    let mut p = default_policy();
    let mut err = blank_error();
    // SAFETY: valid pointers.
    unsafe {
        assert_eq!(
            ct_policy_from_json(json.as_ptr().cast(), json.len(), &mut *p, &mut *err),
            CT_OK
        );
        assert_eq!(
            policy::policy_ref(&*p).unwrap(),
            &parse_policy(json).unwrap()
        );
        let record = br#"{"threats":["media"],"category":"billing"}"#;
        let c = complaint_from_json(record).map_err(|e| e.0).unwrap();
        let mut a = blank_assessment();
        assert_eq!(ct_assess(&c, &*p, &mut *a), CT_OK);
        let core = core_json(
            &parse_complaint(record).unwrap(),
            &parse_policy(json).unwrap(),
        );
        assert_eq!(to_json(&a).unwrap(), core);

        let before = p.opaque;
        for bad in [
            &br#"{"severity_levels":[70,40]}"#[..],
            br#"{"points":{"nope":{}}}"#,
            b"[]",
            b"{",
        ] {
            let e = parse_policy(bad).unwrap_err();
            let r = ct_policy_from_json(bad.as_ptr().cast(), bad.len(), &mut *p, &mut *err);
            assert_eq!(
                r as u32,
                CT_ERR_JSON_INVALID_JSON as u32 + u32::from(e.kind.index())
            );
            assert_eq!(err.offset, e.offset as u64);
            assert_eq!(cstr(&err.field), e.field);
            assert_eq!(cstr(&err.message), e.to_string());
            assert!(p.opaque == before, "policy written on failure");
        }
        let e = br#"{"severity_levels":[70,40]}"#;
        assert_eq!(
            ct_policy_from_json(e.as_ptr().cast(), e.len(), &mut *p, &mut *err),
            CT_ERR_JSON_INVALID_POLICY
        );

        // An incoherent policy stored in a blob is reported by ct_policy_validate.
        let blob = (&mut *p as *mut ct_policy)
            .cast::<u64>()
            .add(1)
            .cast::<Policy>();
        (*blob).severity_levels = [70, 40];
        assert_eq!(ct_policy_validate(&*p, &mut *err), CT_ERR_POLICY_INCOHERENT);
        assert_eq!(cstr(&err.field), "severity_levels");
        assert!(cstr(&err.message).contains("severity_levels"));
    }
}

#[test]
fn text_is_scanned_and_merged() {
    let mut c = ct_complaint::default();
    let text = "再不解决我就找记者曝光!我要去消协投诉";
    let expected = triage::scan_text(text);
    let mut cues = ct_text_cues::default();
    // SAFETY: valid pointers and lengths.
    unsafe {
        assert_eq!(
            ct_scan_text(text.as_ptr().cast(), text.len(), &mut cues),
            CT_OK
        );
        assert_eq!(
            cues,
            complaint::cues_to_c(triage::TextFacts::from_cues(&expected))
        );
        assert_eq!(
            ct_complaint_add_text(&mut c, text.as_ptr().cast(), text.len()),
            CT_OK
        );
        assert_eq!(c.text_cues, cues);
        let before = c;
        let bad = b"ok \xff";
        assert_eq!(
            ct_complaint_add_text(&mut c, bad.as_ptr().cast(), bad.len()),
            CT_ERR_INVALID_UTF8
        );
        assert_eq!(
            ct_scan_text(bad.as_ptr().cast(), bad.len(), &mut cues),
            CT_ERR_INVALID_UTF8
        );
        assert_eq!(c, before);
        // Empty text is fine.
        assert_eq!(ct_complaint_add_text(&mut c, c"".as_ptr(), 0), CT_OK);
        assert_eq!(c, before);
    }
    // The same text in the record and through add_text give the same complaint.
    let json = format!("{{\"text\":\"{text}\"}}");
    let from_json = complaint_from_json(json.as_bytes())
        .map_err(|e| e.0)
        .unwrap();
    assert_eq!(from_json.text_cues, c.text_cues);
    assert_eq!(from_json.text_facts, c.text_facts);
}

/// Grades a `ct_complaint` through `ct_assess`, as JSON.
fn assessed_json(c: &ct_complaint) -> String {
    let p = default_policy();
    let mut a = blank_assessment();
    // SAFETY: valid pointers.
    assert_eq!(unsafe { ct_assess(c, &*p, &mut *a) }, CT_OK);
    to_json(&a).unwrap()
}

#[test]
fn text_raises_only_fields_left_at_their_default() {
    let text = "你们卖的充电宝昨晚充电时爆炸了，把我孩子的手烧伤了，现在还在医院住院。";
    let add = |c: &mut ct_complaint| {
        // SAFETY: valid pointers and lengths.
        let r = unsafe { ct_complaint_add_text(c, text.as_ptr().cast(), text.len()) };
        assert_eq!(r, CT_OK);
    };
    // Text only: the harm is read, the safety gate fires, as in the core.
    let mut c = ct_complaint::default();
    add(&mut c);
    assert_eq!(
        c.text_facts.safety,
        triage::SafetyLevel::SeriousInjury.index()
    );
    let mut core = Complaint::default();
    core.add_text(text);
    let json = assessed_json(&c);
    assert_eq!(json, core_json(&core, &Policy::DEFAULT));
    assert!(json.contains("\"grade\":\"critical\""), "{json}");
    assert!(json.contains("\"source\":\"text\""), "{json}");
    // An explicit level is kept: the text neither lowers nor raises it.
    let mut c = ct_complaint::default();
    c.safety = triage::SafetyLevel::Hazard.index();
    add(&mut c);
    core.safety = triage::SafetyLevel::Hazard;
    let json = assessed_json(&c);
    assert_eq!(json, core_json(&core, &Policy::DEFAULT));
    assert!(json.contains("\"safety_hazard\""), "{json}");
    assert!(!json.contains("safety_serious_injury"), "{json}");
    // A denied threat adds no threat.
    let mut c = ct_complaint::default();
    let denied = "I'm not going to sue, I just want it fixed.";
    // SAFETY: valid pointers and lengths.
    unsafe {
        assert_eq!(
            ct_complaint_add_text(&mut c, denied.as_ptr().cast(), denied.len()),
            CT_OK
        );
    }
    assert_eq!(c.text_cues.threats, 0);
}

#[test]
fn ids_are_set_and_checked() {
    let mut c = ct_complaint::default();
    // SAFETY: valid pointers and lengths.
    unsafe {
        let id = "工单-42";
        assert_eq!(
            ct_complaint_set_id(&mut c, id.as_ptr().cast(), id.len()),
            CT_OK
        );
        assert_eq!(usize::from(c.id_len), id.len());
        assert_eq!(cstr(&c.id), id);
        let long = "x".repeat(CT_ID_CAPACITY + 1);
        assert_eq!(
            ct_complaint_set_id(&mut c, long.as_ptr().cast(), long.len()),
            CT_ERR_ID_TOO_LONG
        );
        let bad = b"\xc3";
        assert_eq!(
            ct_complaint_set_id(&mut c, bad.as_ptr().cast(), 1),
            CT_ERR_INVALID_UTF8
        );
        assert_eq!(cstr(&c.id), id);
        let max = "y".repeat(CT_ID_CAPACITY);
        assert_eq!(
            ct_complaint_set_id(&mut c, max.as_ptr().cast(), max.len()),
            CT_OK
        );
        assert_eq!(cstr(&c.id), max);
        let p = default_policy();
        let mut a = blank_assessment();
        assert_eq!(ct_assess(&c, &*p, &mut *a), CT_OK);
        assert_eq!(cstr(&a.id), max);
    }
}

#[test]
fn outcomes_match_the_core() {
    let record = example_records()[1].clone();
    let a = graded(record.as_bytes());
    let core_a = assess(
        &parse_complaint(record.as_bytes()).unwrap(),
        &Policy::DEFAULT,
    );
    let p = default_policy();
    for json in [
        &br#"{"resolved_first_contact":true,"hours_to_resolve":2,"satisfaction":5,"root_cause_fixed":true}"#[..],
        br#"{"hours_to_resolve":500,"satisfaction":1,"reopened":true,"repeat_within_30_days":true}"#,
        b"{}",
    ] {
        let mut o = ct_outcome::default();
        let mut e = ct_effect::default();
        let mut buf = [0 as c_char; CT_MAX_EFFECT_JSON];
        let mut n = 0usize;
        // SAFETY: valid pointers and lengths.
        unsafe {
            assert_eq!(ct_outcome_init(&mut o), CT_OK);
            assert_eq!(ct_outcome_from_json(json.as_ptr().cast(), json.len(), &mut o, null_mut()), CT_OK);
            assert_eq!(ct_evaluate_outcome(&o, &a, &*p, &mut e), CT_OK);
            assert_eq!(ct_effect_to_json(&e, buf.as_mut_ptr(), buf.len(), &mut n), CT_OK);
        }
        let core_o = triage::parse_outcome(json).unwrap();
        let core_e = triage::evaluate_outcome(&core_o, &core_a, &Policy::DEFAULT);
        let mut cbuf = [0u8; 1024];
        let cn = triage::write_effect_json(&core_e, &mut cbuf).unwrap();
        assert_eq!(cstr(&buf).as_bytes(), &cbuf[..cn]);
        assert_eq!(n, cn);
    }
    // Invalid outcome fields are named.
    let mut e = ct_effect::default();
    for (o, code) in [
        (
            ct_outcome {
                resolved_first_contact: 2,
                ..Default::default()
            },
            CT_ERR_OUTCOME_RESOLVED_FIRST_CONTACT,
        ),
        (
            ct_outcome {
                hours_to_resolve: CT_MAX_HOURS_TO_RESOLVE + 1,
                ..Default::default()
            },
            CT_ERR_OUTCOME_HOURS_TO_RESOLVE,
        ),
        (
            ct_outcome {
                satisfaction: 6,
                ..Default::default()
            },
            CT_ERR_OUTCOME_SATISFACTION,
        ),
        (
            ct_outcome {
                reopened: 3,
                ..Default::default()
            },
            CT_ERR_OUTCOME_REOPENED,
        ),
        (
            ct_outcome {
                repeat_within_30_days: 9,
                ..Default::default()
            },
            CT_ERR_OUTCOME_REPEAT_WITHIN_30_DAYS,
        ),
        (
            ct_outcome {
                root_cause_fixed: 255,
                ..Default::default()
            },
            CT_ERR_OUTCOME_ROOT_CAUSE_FIXED,
        ),
    ] {
        // SAFETY: valid pointers.
        assert_eq!(unsafe { ct_evaluate_outcome(&o, &a, &*p, &mut e) }, code);
    }
    // Invalid effect fields are named.
    let o = ct_outcome::default();
    // SAFETY: valid pointers.
    assert_eq!(unsafe { ct_evaluate_outcome(&o, &a, &*p, &mut e) }, CT_OK);
    let mut buf = [0 as c_char; CT_MAX_EFFECT_JSON];
    let mut n = 0usize;
    for (bad, code) in [
        (ct_effect { score: 101, ..e }, CT_ERR_EFFECT_SCORE),
        (ct_effect { on_time: 2, ..e }, CT_ERR_EFFECT_ON_TIME),
        (
            ct_effect {
                reason_count: 10,
                ..e
            },
            CT_ERR_EFFECT_REASON_COUNT,
        ),
        (
            {
                let mut x = e;
                x.reasons[0].factor = triage::EffectFactor::COUNT as u8;
                x
            },
            CT_ERR_EFFECT_REASON_FACTOR,
        ),
    ] {
        // SAFETY: valid pointers.
        let r = unsafe { ct_effect_to_json(&bad, buf.as_mut_ptr(), buf.len(), &mut n) };
        assert_eq!(r, code);
    }
    // A bad assessment is refused too.
    let mut bad_a = a;
    bad_a.grade = 9;
    // SAFETY: valid pointers.
    assert_eq!(
        unsafe { ct_evaluate_outcome(&o, &bad_a, &*p, &mut e) },
        CT_ERR_ASSESSMENT_GRADE
    );
    // Outcome JSON errors fill ct_error.
    let mut err = blank_error();
    let mut out = ct_outcome::default();
    let json = br#"{"satisfaction":6}"#;
    // SAFETY: valid pointers.
    let r = unsafe { ct_outcome_from_json(json.as_ptr().cast(), json.len(), &mut out, &mut *err) };
    assert_eq!(r, CT_ERR_JSON_OUT_OF_RANGE);
    assert_eq!(cstr(&err.field), "satisfaction");
}

#[test]
fn the_longest_effect_json_fits() {
    // Every factor with the longest numbers.
    let reasons = triage::EffectFactor::ALL
        .iter()
        .map(|f| ct_effect_reason {
            points: i16::MIN,
            factor: f.index(),
            reserved: 0,
        })
        .collect::<Vec<_>>();
    let mut e = ct_effect {
        raw_score: i32::MIN,
        deadline_hours: u16::MAX,
        score: 100,
        on_time: 0,
        reasons: [ct_effect_reason::default(); CT_MAX_EFFECT_REASONS],
        reason_count: reasons.len() as u8,
        reserved: [0; 3],
    };
    e.reasons.copy_from_slice(&reasons);
    let mut buf = [0 as c_char; CT_MAX_EFFECT_JSON];
    let mut n = 0usize;
    // SAFETY: valid pointers.
    assert_eq!(
        unsafe { ct_effect_to_json(&e, buf.as_mut_ptr(), buf.len(), &mut n) },
        CT_OK
    );
    assert!(n < CT_MAX_EFFECT_JSON);
}

#[test]
fn the_queue_pops_by_deadline_then_priority_then_arrival() {
    let mut storage = [ct_queue_entry::default(); 4];
    let mut q = ct_queue {
        storage: null_mut(),
        capacity: 0,
        len: 0,
        next_seq: 0,
    };
    let mut e = ct_queue_entry::default();
    let mut n = 0usize;
    // SAFETY: valid pointers; `storage` outlives the queue.
    unsafe {
        assert_eq!(ct_queue_pop(&mut q, &mut e), CT_ERR_QUEUE_CORRUPT);
        assert_eq!(
            ct_queue_init(&mut q, storage.as_mut_ptr(), 0),
            CT_ERR_INVALID_ARGUMENT
        );
        assert_eq!(ct_queue_init(&mut q, null_mut(), 4), CT_ERR_NULL_POINTER);
        assert_eq!(
            ct_queue_init(null_mut(), storage.as_mut_ptr(), 4),
            CT_ERR_NULL_POINTER
        );
        assert_eq!(ct_queue_init(&mut q, storage.as_mut_ptr(), 4), CT_OK);
        assert_eq!(ct_queue_pop(&mut q, &mut e), CT_ERR_QUEUE_EMPTY);
        assert_eq!(ct_queue_peek(&q, &mut e), CT_ERR_QUEUE_EMPTY);
        // Routine (240 min) at t=0; urgent (15 min) at t=600; same deadline
        // as the urgent one but priority 2 at t=600; routine at t=0 again.
        assert_eq!(ct_queue_push_raw(&mut q, 1, 5, 240, 0), CT_OK);
        assert_eq!(ct_queue_push_raw(&mut q, 2, 1, 15, 600), CT_OK);
        assert_eq!(ct_queue_push_raw(&mut q, 3, 2, 15, 600), CT_OK);
        assert_eq!(ct_queue_push_raw(&mut q, 4, 5, 240, 0), CT_OK);
        assert_eq!(ct_queue_push_raw(&mut q, 5, 1, 15, 0), CT_ERR_QUEUE_FULL);
        assert_eq!(ct_queue_len(&q, &mut n), CT_OK);
        assert_eq!(n, 4);
        assert_eq!(
            ct_queue_push_raw(&mut q, 6, 0, 15, 0),
            CT_ERR_INVALID_ARGUMENT
        );
        assert_eq!(
            ct_queue_push_raw(&mut q, 6, 6, 15, 0),
            CT_ERR_INVALID_ARGUMENT
        );
        assert_eq!(ct_queue_peek(&q, &mut e), CT_OK);
        assert_eq!(e.id, 2);
        let mut order = Vec::new();
        while ct_queue_pop(&mut q, &mut e) == CT_OK {
            order.push(e.id);
        }
        assert_eq!(order, [2, 3, 1, 4]);
        let mut left = 0i64;
        assert_eq!(ct_queue_entry_time_left(&e, 240 * 60 + 5, &mut left), CT_OK);
        assert_eq!(left, -5);
        // A graded complaint goes in with its priority and deadline.
        let a = graded(example_records()[2].as_bytes());
        assert_eq!(ct_queue_push(&mut q, 9, &a, 100), CT_OK);
        assert_eq!(ct_queue_pop(&mut q, &mut e), CT_OK);
        assert_eq!(
            (e.id, e.priority, e.first_response_minutes),
            (9, a.priority, a.first_response_minutes)
        );
        assert_eq!(e.deadline, 100 + u64::from(a.first_response_minutes) * 60);
        let mut bad = a;
        bad.priority = 0;
        assert_eq!(
            ct_queue_push(&mut q, 9, &bad, 100),
            CT_ERR_ASSESSMENT_PRIORITY
        );
        // A corrupted queue is refused.
        q.len = 5;
        assert_eq!(ct_queue_pop(&mut q, &mut e), CT_ERR_QUEUE_CORRUPT);
        assert_eq!(ct_queue_len(&q, &mut n), CT_ERR_QUEUE_CORRUPT);
    }
}

#[test]
fn the_panic_boundary_turns_panics_into_a_code() {
    let r = crate::util::boundary(|| panic!("boom"));
    assert_eq!(r, CT_ERR_PANIC);
    let mut err = blank_error();
    // SAFETY: valid pointer.
    let r = unsafe { crate::error::boundary_err(&mut *err, || panic!("boom")) };
    assert_eq!(r, CT_ERR_PANIC);
    assert_eq!(err.result, CT_ERR_PANIC);
    assert!(cstr(&err.message).contains("panic"));
    assert_eq!(crate::util::boundary_or(7, || panic!("boom")), 7);
}

#[test]
fn version_matches_the_crate() {
    // SAFETY: static NUL-terminated string.
    let v = unsafe { CStr::from_ptr(ct_version()) }.to_str().unwrap();
    assert_eq!(v, env!("CARGO_PKG_VERSION"));
    assert_eq!(
        v,
        format!("{CT_VERSION_MAJOR}.{CT_VERSION_MINOR}.{CT_VERSION_PATCH}")
    );
}

#[test]
fn threads_assess_concurrently_with_the_same_results() {
    let records = example_records();
    let expected: Vec<String> = records
        .iter()
        .map(|r| to_json(&graded(r.as_bytes())).unwrap())
        .collect();
    let p = default_policy();
    let p = &*p;
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..20 {
                    for (r, want) in records.iter().zip(&expected) {
                        let c = complaint_from_json(r.as_bytes()).map_err(|e| e.0).unwrap();
                        let mut a = blank_assessment();
                        // SAFETY: valid pointers; the policy is shared read-only.
                        assert_eq!(unsafe { ct_assess(&c, p, &mut *a) }, CT_OK);
                        assert_eq!(&to_json(&a).unwrap(), want);
                    }
                }
            });
        }
    });
}

/// A caller's `ct_error` may hold any bytes, among them a number that is no
/// code where `result` is: the library overwrites it without reading it,
/// for a JSON error and for any other failure alike.
#[test]
fn an_error_struct_holding_garbage_is_filled() {
    let json = br#"{"emotoin":7}"#;
    let cases: [(*const c_char, ct_result, &str); 2] = [
        (
            json.as_ptr().cast(),
            CT_ERR_JSON_UNKNOWN_FIELD,
            "byte 1: unknown field",
        ),
        (
            null(),
            CT_ERR_NULL_POINTER,
            "a required pointer argument is NULL",
        ),
    ];
    for (input, expected, message) in cases {
        let mut err = Box::new(core::mem::MaybeUninit::<ct_error>::uninit());
        // SAFETY: writes bytes into the box's own storage; 0xABABABAB is no code.
        unsafe {
            err.as_mut_ptr()
                .cast::<u8>()
                .write_bytes(0xAB, core::mem::size_of::<ct_error>());
        }
        let mut c = ct_complaint::default();
        // SAFETY: `input` is NULL or points to `json.len()` bytes; `err` is writable.
        let r = unsafe { ct_complaint_from_json(input, json.len(), &mut c, err.as_mut_ptr()) };
        assert_eq!(r, expected);
        // SAFETY: on failure the library writes every field, `result` first.
        let err = unsafe { err.assume_init() };
        assert_eq!(err.result, expected);
        assert_eq!(err.reserved, [0; 4]);
        assert!(
            cstr(&err.message).starts_with(message),
            "{}",
            cstr(&err.message)
        );
    }
}

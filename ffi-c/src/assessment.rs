//! `ct_assess` and `ct_assessment`: the grading of one complaint, and its
//! JSON, byte for byte the same as the core writes.

use core::ffi::c_char;
use triage::{
    assess_with, write_assessment_json, Assessment, Category, ComplaintFields, ExpectationApproach,
    Factor, FlagSet, Grade, Level, MotiveApproach, Playbook, Policy, ReasonRow, ReasonSink, Remedy,
    Scores, Source, Strategy, Talk, Tier, TierBasis, MAX_ASSESSMENT_JSON, MAX_REASON_ROWS,
};

use crate::complaint::{
    check_complaint, ct_complaint, ct_text_cues, cues_from_c, cues_to_c, flag, IdBytes,
    CT_ID_ARRAY_SIZE, CT_ID_CAPACITY,
};
use crate::policy::{ct_policy, policy_for_grading};
use crate::result::*;
use crate::util::{boundary, check, check_mut, get, overlap, put, read_id, write_json};

/// Most reason rows an assessment holds (one per factor that can apply at once).
pub const CT_MAX_REASON_ROWS: usize = 78;
/// Bytes that always hold an assessment's JSON and its terminating NUL,
/// whatever the policy.
pub const CT_MAX_ASSESSMENT_JSON: usize = 40961;
/// Number of scored dimensions (`CT_VOCAB_DIMENSION`): the length of
/// `raw_scores` and of a reason row's `points`.
pub const CT_DIMENSION_COUNT: usize = 5;

const _: () = {
    assert!(CT_MAX_REASON_ROWS == MAX_REASON_ROWS);
    assert!(CT_MAX_ASSESSMENT_JSON == MAX_ASSESSMENT_JSON + 1);
    assert!(CT_DIMENSION_COUNT == triage::Dimension::COUNT);
    assert!(triage::FACTOR_COUNT <= 256);
};

/// The five scores, each 0 to 100.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ct_scores {
    /// How bad the problem is.
    pub severity: u8,
    /// How far it reaches (投诉影响力).
    pub impact: u8,
    /// How hard it will be to resolve (投诉解决难度).
    pub difficulty: u8,
    /// How likely it is to escalate.
    pub escalation_risk: u8,
    /// How strongly it looks abnormal or malicious.
    pub malice: u8,
}

/// How to talk, what to offer, which strategy: five vocabulary indices;
/// and who else must be involved, a set of steps.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ct_playbook {
    /// `CT_VOCAB_TALK`.
    pub talk: u8,
    /// `CT_VOCAB_MOTIVE_APPROACH`.
    pub motive: u8,
    /// `CT_VOCAB_EXPECTATION_APPROACH`.
    pub expectation: u8,
    /// `CT_VOCAB_REMEDY`.
    pub remedy: u8,
    /// `CT_VOCAB_STRATEGY`.
    pub strategy: u8,
    /// Who else must be involved: bits of `CT_VOCAB_STEP`.
    pub steps: u8,
}

const _: () = assert!(triage::Step::COUNT <= 8);

/// One factor that moved the scores, with its points in every dimension.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ct_reason_row {
    /// Points per dimension, indexed by `CT_VOCAB_DIMENSION` (negative
    /// lowers the score).
    pub points: [i16; CT_DIMENSION_COUNT],
    /// The factor: `CT_VOCAB_FACTOR`.
    pub factor: u8,
    /// Where it came from: `CT_VOCAB_SOURCE`.
    pub source: u8,
}

/// The grading of one complaint, written by `ct_assess`.
///
/// `ct_assess` writes the first `row_count` entries of `rows` and may
/// overwrite the one after them (as scratch); the rest of the array is left
/// as it was.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ct_assessment {
    /// Sums of the reasons per dimension before clamping, indexed by
    /// `CT_VOCAB_DIMENSION`; equal to the score when within 0-100.
    pub raw_scores: [i32; CT_DIMENSION_COUNT],
    /// Claim / direct loss in thousandths (valid when `has_claim_ratio`).
    pub claim_ratio_permille: u32,
    /// Minutes to the first response.
    pub first_response_minutes: u16,
    /// Hours to resolution.
    pub resolution_hours: u16,
    /// Hours left before the nearest regulatory deadline (0 once past; valid
    /// when `has_regulatory_deadline`).
    pub regulatory_deadline_hours: u16,
    /// Hours after resolution within which to call the customer back.
    pub follow_up_hours: u16,
    /// The gates whose condition holds: bits of `CT_VOCAB_GATE`.
    pub gates: u16,
    /// What the free text revealed.
    pub text_cues: ct_text_cues,
    /// The five scores, 0-100.
    pub scores: ct_scores,
    /// The grade: `CT_VOCAB_GRADE` (一般/较大/重大/特别重大).
    pub grade: u8,
    /// The handling tier: `CT_VOCAB_TIER` (受理/处理/管理).
    pub tier: u8,
    /// Which rule set the tier: `CT_VOCAB_TIER_BASIS`.
    pub tier_basis: u8,
    /// Severity level: `CT_VOCAB_LEVEL`.
    pub severity_level: u8,
    /// Impact level: `CT_VOCAB_LEVEL`.
    pub impact_level: u8,
    /// Urgency level: `CT_VOCAB_LEVEL`.
    pub urgency_level: u8,
    /// Priority, 1 (most urgent) to 5.
    pub priority: u8,
    /// 1 if the jurisdiction's outer limit shortened `resolution_hours`.
    pub resolution_capped: u8,
    /// 1 if `claim_ratio_permille` is valid (there is a direct loss).
    pub has_claim_ratio: u8,
    /// 1 if the claim is above the policy's limit (by default twice the direct loss).
    pub claim_unreasonable: u8,
    /// 1 if a regulator's deadline applies (`regulatory_deadline_hours` is valid).
    pub has_regulatory_deadline: u8,
    /// 1 if a regulatory deadline has passed.
    pub past_regulatory_deadline: u8,
    /// How to talk, what to offer, which strategy.
    pub playbook: ct_playbook,
    /// Number of valid entries in `rows`.
    pub row_count: u8,
    /// Length of `id` in bytes.
    pub id_len: u8,
    /// The complaint's id, echoed back, NUL-terminated.
    pub id: [c_char; CT_ID_ARRAY_SIZE],
    /// 1 if `suggested_category` is valid: the complaint left `category`
    /// `other` and its text suggested the one it was graded with.
    pub has_suggested_category: u8,
    /// The category the text suggested: `CT_VOCAB_CATEGORY` (valid when
    /// `has_suggested_category`).
    pub suggested_category: u8,
    /// Reserved, set to 0 by the library and ignored (no implicit padding).
    pub reserved: [u8; 2],
    /// Every factor that moved a score, in the order the factors were applied.
    pub rows: [ct_reason_row; CT_MAX_REASON_ROWS],
}

/// The reason rows of one grading, written straight into a caller's
/// `ct_assessment` as the core finds them (no intermediate assessment to
/// fill and copy out).
///
/// The core hands over every factor it considers and says which to keep;
/// each is written at `rows[len]` and `len` moves on only if it is kept,
/// with no branch on `keep` (factors apply or not at random from one record
/// to the next). A dropped row is overwritten by the next kept one, so at
/// most the entry at `row_count` is written besides the rows themselves:
/// what `ct_assessment` documents. (Sending dropped rows elsewhere instead
/// cost 6 ns per call: a store through a selected pointer.)
struct RowsInPlace {
    /// The caller's `rows` array.
    rows: *mut ct_reason_row,
    /// Rows kept so far.
    len: usize,
}

impl ReasonSink for RowsInPlace {
    #[inline(always)]
    fn push_if(&mut self, keep: bool, row: ReasonRow) {
        // The core considers at most `MAX_REASON_ROWS` factors per grading,
        // so this always holds; checked all the same, since a write past
        // the array would be out of bounds.
        if self.len < CT_MAX_REASON_ROWS {
            // SAFETY: `rows` points to `CT_MAX_REASON_ROWS` writable rows
            // (the caller of `ct_assess` guarantees `out` is writable).
            unsafe {
                self.rows.add(self.len).write(ct_reason_row {
                    points: row.points,
                    factor: row.factor.index() as u8,
                    source: row.source.index(),
                });
            }
            self.len += usize::from(keep);
        }
    }
}

/// Grades a validated complaint into a caller's struct: the rows as they
/// are found, then every other field (`rows` past `row_count + 1` untouched),
/// with the id of the graded complaint.
///
/// # Safety
/// `out` must be non-NULL, aligned and point to a writable `ct_assessment`.
#[inline(always)]
unsafe fn assess_in_place<C: ComplaintFields>(
    c: &C,
    policy: &Policy,
    id: &IdBytes,
    id_len: u8,
    out: *mut ct_assessment,
) {
    let mut rows = RowsInPlace {
        // SAFETY: the caller guarantees `out` is writable.
        rows: unsafe { core::ptr::addr_of_mut!((*out).rows) }.cast::<ct_reason_row>(),
        len: 0,
    };
    let (d, raw_scores) = assess_with(c, policy, &mut rows);
    let s = d.scores;
    let p = d.playbook;
    // SAFETY: the caller guarantees `out` is writable; the `id` array
    // holds `CT_ID_CAPACITY + 1` bytes.
    unsafe {
        put!(out.raw_scores = raw_scores);
        put!(out.claim_ratio_permille = d.claim.ratio_permille.unwrap_or(0));
        put!(out.first_response_minutes = d.first_response_minutes);
        put!(out.resolution_hours = d.resolution_hours);
        put!(out.regulatory_deadline_hours = d.regulatory_deadline_hours.unwrap_or(0));
        put!(out.follow_up_hours = d.follow_up_hours);
        put!(out.gates = d.gates.bits());
        put!(out.text_cues = cues_to_c(c.text_cues()));
        put!(
            out.scores = ct_scores {
                severity: s.severity,
                impact: s.impact,
                difficulty: s.difficulty,
                escalation_risk: s.escalation_risk,
                malice: s.malice,
            }
        );
        put!(out.grade = d.grade.index());
        put!(out.tier = d.tier.index());
        put!(out.tier_basis = d.tier_basis.index());
        put!(out.severity_level = d.severity_level.index());
        put!(out.impact_level = d.impact_level.index());
        put!(out.urgency_level = d.urgency_level.index());
        put!(out.priority = d.priority);
        put!(out.resolution_capped = u8::from(d.resolution_capped));
        put!(out.has_claim_ratio = u8::from(d.claim.ratio_permille.is_some()));
        put!(out.claim_unreasonable = u8::from(d.claim.unreasonable));
        put!(out.has_regulatory_deadline = u8::from(d.regulatory_deadline_hours.is_some()));
        put!(out.past_regulatory_deadline = u8::from(d.past_regulatory_deadline));
        put!(
            out.playbook = ct_playbook {
                talk: p.talk.index(),
                motive: p.motive.index(),
                expectation: p.expectation.index(),
                remedy: p.remedy.index(),
                strategy: p.strategy.index(),
                // At most 8 steps (asserted), so the bits fit.
                steps: p.steps.bits() as u8,
            }
        );
        let out_id = core::ptr::addr_of_mut!((*out).id).cast::<u8>();
        out_id.cast::<IdBytes>().write_unaligned(*id);
        out_id.add(CT_ID_CAPACITY).write(0);
        put!(out.id_len = id_len);
        put!(out.has_suggested_category = u8::from(d.suggested_category.is_some()));
        put!(out.suggested_category = d.suggested_category.map_or(0, |c| c.index()));
        put!(out.reserved = [0; 2]);
        put!(out.row_count = rows.len as u8);
    }
}

/// Reads and validates a caller's assessment back into the core's type;
/// the error names the first invalid field.
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_assessment`
/// whose first `row_count` rows are initialised.
pub(crate) unsafe fn to_core(p: *const ct_assessment) -> Result<Assessment, ct_result> {
    macro_rules! code {
        ($t:ty, $($field:ident).+, $err:ident) => {
            // SAFETY: the caller guarantees `p` is readable.
            <$t>::from_index(unsafe { get!(p.$($field).+) }).ok_or($err)?
        };
    }
    macro_rules! yes_no {
        ($field:ident, $err:ident) => {
            // SAFETY: the caller guarantees `p` is readable.
            flag(unsafe { get!(p.$field) }, $err)?
        };
    }
    // SAFETY: the caller guarantees `p` is readable; `read_id` reads at
    // most `CT_ID_CAPACITY` bytes of the `id` array.
    let id = unsafe { read_id(core::ptr::addr_of!((*p).id).cast(), get!(p.id_len)) }
        .ok_or(CT_ERR_ASSESSMENT_ID)?;
    // SAFETY: as above.
    let s = unsafe { get!(p.scores) };
    if [
        s.severity,
        s.impact,
        s.difficulty,
        s.escalation_risk,
        s.malice,
    ]
    .iter()
    .any(|v| *v > 100)
    {
        return Err(CT_ERR_ASSESSMENT_SCORES);
    }
    let grade = code!(Grade, grade, CT_ERR_ASSESSMENT_GRADE);
    let tier = code!(Tier, tier, CT_ERR_ASSESSMENT_TIER);
    let tier_basis = code!(TierBasis, tier_basis, CT_ERR_ASSESSMENT_TIER_BASIS);
    let severity_level = code!(Level, severity_level, CT_ERR_ASSESSMENT_SEVERITY_LEVEL);
    let impact_level = code!(Level, impact_level, CT_ERR_ASSESSMENT_IMPACT_LEVEL);
    let urgency_level = code!(Level, urgency_level, CT_ERR_ASSESSMENT_URGENCY_LEVEL);
    // SAFETY: as above.
    let priority = unsafe { get!(p.priority) };
    if !(1..=5).contains(&priority) {
        return Err(CT_ERR_ASSESSMENT_PRIORITY);
    }
    let resolution_capped = yes_no!(resolution_capped, CT_ERR_ASSESSMENT_RESOLUTION_CAPPED);
    let has_claim_ratio = yes_no!(has_claim_ratio, CT_ERR_ASSESSMENT_HAS_CLAIM_RATIO);
    let claim_unreasonable = yes_no!(claim_unreasonable, CT_ERR_ASSESSMENT_CLAIM_UNREASONABLE);
    let playbook = Playbook {
        talk: code!(Talk, playbook.talk, CT_ERR_ASSESSMENT_PLAYBOOK_TALK),
        motive: code!(
            MotiveApproach,
            playbook.motive,
            CT_ERR_ASSESSMENT_PLAYBOOK_MOTIVE
        ),
        expectation: code!(
            ExpectationApproach,
            playbook.expectation,
            CT_ERR_ASSESSMENT_PLAYBOOK_EXPECTATION
        ),
        remedy: code!(Remedy, playbook.remedy, CT_ERR_ASSESSMENT_PLAYBOOK_REMEDY),
        strategy: code!(
            Strategy,
            playbook.strategy,
            CT_ERR_ASSESSMENT_PLAYBOOK_STRATEGY
        ),
        // SAFETY: as above.
        steps: FlagSet::from_bits(u16::from(unsafe { get!(p.playbook.steps) }))
            .ok_or(CT_ERR_ASSESSMENT_PLAYBOOK_STEPS)?,
    };
    let has_suggested = yes_no!(
        has_suggested_category,
        CT_ERR_ASSESSMENT_HAS_SUGGESTED_CATEGORY
    );
    let suggested_category = if has_suggested {
        Some(code!(
            Category,
            suggested_category,
            CT_ERR_ASSESSMENT_SUGGESTED_CATEGORY
        ))
    } else {
        None
    };
    let has_deadline = yes_no!(
        has_regulatory_deadline,
        CT_ERR_ASSESSMENT_HAS_REGULATORY_DEADLINE
    );
    let past_regulatory_deadline = yes_no!(
        past_regulatory_deadline,
        CT_ERR_ASSESSMENT_PAST_REGULATORY_DEADLINE
    );
    // SAFETY: as above.
    let gates = FlagSet::from_bits(unsafe { get!(p.gates) }).ok_or(CT_ERR_ASSESSMENT_GATES)?;
    let text_cues = cues_from_c(
        // SAFETY: as above.
        unsafe { get!(p.text_cues) },
        [
            CT_ERR_ASSESSMENT_TEXT_THREATS,
            CT_ERR_ASSESSMENT_TEXT_FORBIDDEN_PHRASES,
            CT_ERR_ASSESSMENT_TEXT_EMOTION_MARKERS,
        ],
    )?;
    // SAFETY: as above.
    let count = usize::from(unsafe { get!(p.row_count) });
    if count > CT_MAX_REASON_ROWS {
        return Err(CT_ERR_ASSESSMENT_ROW_COUNT);
    }
    let mut out = Assessment {
        id,
        scores: Scores {
            severity: s.severity,
            impact: s.impact,
            difficulty: s.difficulty,
            escalation_risk: s.escalation_risk,
            malice: s.malice,
        },
        // SAFETY: as above.
        raw_scores: unsafe { get!(p.raw_scores) },
        grade,
        tier,
        tier_basis,
        severity_level,
        impact_level,
        urgency_level,
        priority,
        // SAFETY: as above.
        first_response_minutes: unsafe { get!(p.first_response_minutes) },
        // SAFETY: as above.
        resolution_hours: unsafe { get!(p.resolution_hours) },
        resolution_capped,
        // SAFETY: as above.
        regulatory_deadline_hours: has_deadline
            .then(|| unsafe { get!(p.regulatory_deadline_hours) }),
        past_regulatory_deadline,
        // SAFETY: as above.
        follow_up_hours: unsafe { get!(p.follow_up_hours) },
        gates,
        // SAFETY: as above.
        claim_ratio_permille: has_claim_ratio.then(|| unsafe { get!(p.claim_ratio_permille) }),
        claim_unreasonable,
        playbook,
        suggested_category,
        text_cues,
        rows: triage::ReasonRows::new(),
    };
    // SAFETY: the caller guarantees `p` is readable.
    let rows = unsafe { core::ptr::addr_of!((*p).rows) }.cast::<ct_reason_row>();
    for i in 0..count {
        // SAFETY: `i < count <= CT_MAX_REASON_ROWS`, and the caller
        // guarantees the first `row_count` rows are initialised.
        let r = unsafe { rows.add(i).read() };
        let factor =
            Factor::from_index(usize::from(r.factor)).ok_or(CT_ERR_ASSESSMENT_ROW_FACTOR)?;
        let source = Source::from_index(r.source).ok_or(CT_ERR_ASSESSMENT_ROW_SOURCE)?;
        out.rows
            .push(ReasonRow {
                factor,
                source,
                points: r.points,
            })
            .map_err(|_| CT_ERR_ASSESSMENT_ROW_COUNT)?;
    }
    Ok(out)
}

/// Grades `*complaint` by `*policy` into `*out`.
///
/// Every field of the complaint is validated first; an invalid one gives
/// the `11x`-`14x` code that names it (`CT_ERR_COMPLAINT_CATEGORY`...;
/// `ct_result_field` returns its name) and leaves `*out` untouched. A
/// policy not filled by this library gives `CT_ERR_POLICY_UNINITIALIZED`
/// or `CT_ERR_POLICY_CORRUPT`; one that `ct_policy_validate` refuses (a
/// blob overwritten after it was filled) gives `CT_ERR_POLICY_INCOHERENT`.
/// Otherwise grading cannot fail. No allocation, no global state: any
/// number of threads may call it at once (with their own `out`).
///
/// The policy is checked on every call, since the caller may have
/// overwritten the blob since it was filled: about 75 ns, as long as
/// grading itself. To grade many complaints by one policy, make a handle
/// once with `ct_policy_new` and grade with `ct_assess_with` (within a few
/// nanoseconds of the Rust core), or use `ct_assess_many`, which checks
/// the blob once per batch.
///
/// `*out` must not overlap `*complaint` or `*policy`: both are read in
/// place while `*out` is written. Overlapping arguments are an error,
/// `CT_ERR_OVERLAP`, detected from the three addresses before anything
/// is read or written.
///
/// # Safety
/// `complaint` and `policy` must be NULL or point to readable, initialised
/// structs; `out` must be NULL or point to a writable `ct_assessment`.
#[no_mangle]
pub unsafe extern "C" fn ct_assess(
    complaint: *const ct_complaint,
    policy: *const ct_policy,
    out: *mut ct_assessment,
) -> ct_result {
    boundary(|| {
        check(complaint)?;
        check(policy)?;
        check_mut(out)?;
        // Grading reads the complaint and the policy where they lie while
        // it writes the rows: an output over either would change what is
        // being graded mid-way (and alias a shared borrow).
        if overlap(complaint, out) || overlap(policy, out) {
            return Err(CT_ERR_OVERLAP);
        }
        // SAFETY: checked non-NULL, aligned and apart from `out`; the caller
        // guarantees the structs are readable, initialised and unchanged
        // during the call.
        unsafe {
            let policy = policy_for_grading(policy)?;
            assess_checked(complaint, policy, out)
        }
    })
}

/// Checks `*complaint` and grades it by a checked policy into `*out`:
/// `ct_assess` after its pointer and policy checks (and `ct_assess_many`'s
/// step for each complaint).
///
/// # Safety
/// `complaint` must be non-NULL, aligned and point to a readable,
/// initialised `ct_complaint`; `out` non-NULL, aligned, writable and apart
/// from `*complaint` and `policy`.
#[inline(always)]
pub(crate) unsafe fn assess_checked(
    complaint: *const ct_complaint,
    policy: &Policy,
    out: *mut ct_assessment,
) -> Result<(), ct_result> {
    let mut id = [0; CT_ID_CAPACITY];
    // SAFETY: forwarded from the caller.
    unsafe {
        let c = check_complaint(complaint, &mut id)?;
        let id_len = c.id_len();
        assess_in_place(&c, policy, &id, id_len, out);
    }
    Ok(())
}

/// Writes `*assessment` as one line of JSON (no newline), byte for byte
/// what the core's `write_assessment_json` writes, followed by a NUL, into
/// `buf` of `cap` bytes; stores the length without the NUL in `*written`.
///
/// A buffer of `CT_MAX_ASSESSMENT_JSON` bytes always suffices. Returns
/// `CT_ERR_BUFFER_TOO_SMALL` when the text and its NUL do not fit (the
/// buffer and `*written` are then left untouched), a `15x`-`17x` code when
/// a field of the assessment is invalid, `CT_ERR_NULL_POINTER` for a NULL
/// argument.
///
/// # Safety
/// `assessment` must be NULL or point to a readable `ct_assessment` whose
/// first `row_count` rows are initialised; `buf` must be NULL or point to
/// `cap` writable bytes; `written` must be NULL or point to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn ct_assessment_to_json(
    assessment: *const ct_assessment,
    buf: *mut c_char,
    cap: usize,
    written: *mut usize,
) -> ct_result {
    boundary(|| {
        check(assessment)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is readable.
        let a = unsafe { to_core(assessment) }?;
        // SAFETY: forwarded from the caller.
        unsafe {
            write_json::<MAX_ASSESSMENT_JSON>(buf, cap, written, |b| write_assessment_json(&a, b))
        }
    })
}

/// Checks every field of `*assessment` as `ct_assessment_to_json` does:
/// `CT_OK`, or the code naming the first invalid field.
///
/// # Safety
/// `assessment` must be NULL or point to a readable `ct_assessment` whose
/// first `row_count` rows are initialised.
#[no_mangle]
pub unsafe extern "C" fn ct_assessment_validate(assessment: *const ct_assessment) -> ct_result {
    boundary(|| {
        check(assessment)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is readable.
        unsafe { to_core(assessment) }.map(|_| ())
    })
}

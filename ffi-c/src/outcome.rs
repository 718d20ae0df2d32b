//! Closing the loop: the improvement effect of a closed complaint.

use core::ffi::c_char;

use triage::{
    evaluate_outcome, parse_outcome, write_effect_json, Effect, EffectFactor, EffectReason, Outcome,
};

use crate::assessment::ct_assessment;
use crate::complaint::flag;
use crate::error::{boundary_err, ct_error};
use crate::policy::{ct_policy, policy_for_grading};
use crate::result::*;
use crate::util::{boundary, bytes, check, check_mut, get, write_json};

/// Largest `hours_to_resolve` of an outcome.
pub const CT_MAX_HOURS_TO_RESOLVE: u32 = 1_000_000;
/// Most reasons an improvement effect holds (one per effect factor).
pub const CT_MAX_EFFECT_REASONS: usize = 9;
/// Bytes that always hold an improvement effect's JSON and its NUL.
pub const CT_MAX_EFFECT_JSON: usize = 1024;

const _: () = assert!(CT_MAX_EFFECT_REASONS == EffectFactor::COUNT);

/// What happened to a closed complaint. `ct_outcome_init` clears it.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ct_outcome {
    /// Hours from the complaint to its resolution, up to `CT_MAX_HOURS_TO_RESOLVE`.
    pub hours_to_resolve: u32,
    /// 1 if resolved at the first contact, else 0.
    pub resolved_first_contact: u8,
    /// The customer's satisfaction, 1 (very dissatisfied) to 5; 0 when not surveyed.
    pub satisfaction: u8,
    /// 1 if reopened after closure, else 0.
    pub reopened: u8,
    /// 1 if the same customer complained again about the same issue within 30 days.
    pub repeat_within_30_days: u8,
    /// 1 if the root cause was found and fixed.
    pub root_cause_fixed: u8,
    /// Reserved, set to 0 by the library and ignored (no implicit padding).
    pub reserved: [u8; 3],
}

/// One factor of the improvement effect and its points.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ct_effect_reason {
    /// Its points.
    pub points: i16,
    /// The factor: `CT_VOCAB_EFFECT_FACTOR`.
    pub factor: u8,
    /// Reserved, set to 0 by the library and ignored (no implicit padding).
    pub reserved: u8,
}

/// The improvement effect of a closed complaint, written by `ct_evaluate_outcome`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ct_effect {
    /// The sum of the reasons before clamping.
    pub raw_score: i32,
    /// The resolution deadline it was measured against, in hours.
    pub deadline_hours: u16,
    /// The score, 0 (handling failed) to 100 (exemplary).
    pub score: u8,
    /// 1 if resolved within the deadline.
    pub on_time: u8,
    /// Every factor that moved the score (the first `reason_count`).
    pub reasons: [ct_effect_reason; CT_MAX_EFFECT_REASONS],
    /// Number of valid entries in `reasons`.
    pub reason_count: u8,
    /// Reserved, set to 0 by the library and ignored (no implicit padding).
    pub reserved: [u8; 3],
}

/// Reads and validates a caller's outcome.
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_outcome`.
unsafe fn outcome_to_core(p: *const ct_outcome) -> Result<Outcome, ct_result> {
    // SAFETY: the caller guarantees `p` is readable; every field is an integer.
    let o = unsafe { p.read() };
    let hours_to_resolve = o.hours_to_resolve;
    if hours_to_resolve > CT_MAX_HOURS_TO_RESOLVE {
        return Err(CT_ERR_OUTCOME_HOURS_TO_RESOLVE);
    }
    Ok(Outcome {
        resolved_first_contact: flag(
            o.resolved_first_contact,
            CT_ERR_OUTCOME_RESOLVED_FIRST_CONTACT,
        )?,
        hours_to_resolve,
        satisfaction: match o.satisfaction {
            0 => None,
            s @ 1..=5 => Some(s),
            _ => return Err(CT_ERR_OUTCOME_SATISFACTION),
        },
        reopened: flag(o.reopened, CT_ERR_OUTCOME_REOPENED)?,
        repeat_within_30_days: flag(
            o.repeat_within_30_days,
            CT_ERR_OUTCOME_REPEAT_WITHIN_30_DAYS,
        )?,
        root_cause_fixed: flag(o.root_cause_fixed, CT_ERR_OUTCOME_ROOT_CAUSE_FIXED)?,
    })
}

fn outcome_to_c(o: &Outcome) -> ct_outcome {
    ct_outcome {
        hours_to_resolve: o.hours_to_resolve,
        resolved_first_contact: u8::from(o.resolved_first_contact),
        satisfaction: o.satisfaction.unwrap_or(0),
        reopened: u8::from(o.reopened),
        repeat_within_30_days: u8::from(o.repeat_within_30_days),
        root_cause_fixed: u8::from(o.root_cause_fixed),
        reserved: [0; 3],
    }
}

fn effect_to_c(e: &Effect) -> ct_effect {
    let mut out = ct_effect {
        raw_score: e.raw_score,
        deadline_hours: e.deadline_hours,
        score: e.score,
        on_time: u8::from(e.on_time),
        reasons: [ct_effect_reason::default(); CT_MAX_EFFECT_REASONS],
        reason_count: 0,
        reserved: [0; 3],
    };
    for (slot, r) in out.reasons.iter_mut().zip(e.reasons.iter()) {
        *slot = ct_effect_reason {
            points: r.points,
            factor: r.factor.index(),
            reserved: 0,
        };
        out.reason_count += 1;
    }
    out
}

/// Reads and validates a caller's effect.
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_effect`.
unsafe fn effect_to_core(p: *const ct_effect) -> Result<Effect, ct_result> {
    // SAFETY: the caller guarantees `p` is readable.
    let (score, on_time, count) = unsafe { (get!(p.score), get!(p.on_time), get!(p.reason_count)) };
    if score > 100 {
        return Err(CT_ERR_EFFECT_SCORE);
    }
    let on_time = flag(on_time, CT_ERR_EFFECT_ON_TIME)?;
    let count = usize::from(count);
    if count > CT_MAX_EFFECT_REASONS {
        return Err(CT_ERR_EFFECT_REASON_COUNT);
    }
    let mut out = Effect {
        score,
        // SAFETY: as above.
        raw_score: unsafe { get!(p.raw_score) },
        on_time,
        // SAFETY: as above.
        deadline_hours: unsafe { get!(p.deadline_hours) },
        reasons: heapless::Vec::new(),
    };
    // SAFETY: as above.
    let reasons = unsafe { core::ptr::addr_of!((*p).reasons) }.cast::<ct_effect_reason>();
    for i in 0..count {
        // SAFETY: `i < count <= CT_MAX_EFFECT_REASONS`, within the array.
        let r = unsafe { reasons.add(i).read() };
        let factor = EffectFactor::from_index(r.factor).ok_or(CT_ERR_EFFECT_REASON_FACTOR)?;
        out.reasons
            .push(EffectReason {
                factor,
                points: r.points,
            })
            .map_err(|_| CT_ERR_EFFECT_REASON_COUNT)?;
    }
    Ok(out)
}

/// Clears `*out`: not resolved at first contact, 0 hours, not surveyed,
/// not reopened, no repeat, root cause not fixed.
///
/// Returns `CT_ERR_NULL_POINTER` when `out` is NULL.
///
/// # Safety
/// `out` must be NULL or point to a writable `ct_outcome`.
#[no_mangle]
pub unsafe extern "C" fn ct_outcome_init(out: *mut ct_outcome) -> ct_result {
    boundary(|| {
        check_mut(out)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(ct_outcome::default()) };
        Ok(())
    })
}

/// Parses an outcome document (`len` bytes at `json`, no NUL needed:
/// `{"resolved_first_contact": bool, "hours_to_resolve": int,
/// "satisfaction": 1-5, "reopened": bool, "repeat_within_30_days": bool,
/// "root_cause_fixed": bool}`, every field optional) into `*out`.
///
/// On failure returns `CT_ERR_NULL_POINTER` or a `2xx` JSON error, fills
/// `*err` (which may be NULL) and leaves `*out` untouched.
///
/// # Safety
/// `json` must be NULL or point to `len` readable bytes; `out` must be NULL
/// or point to a writable `ct_outcome`; `err` must be NULL or point to a
/// writable `ct_error`.
#[no_mangle]
pub unsafe extern "C" fn ct_outcome_from_json(
    json: *const c_char,
    len: usize,
    out: *mut ct_outcome,
    err: *mut ct_error,
) -> ct_result {
    // SAFETY: `err` is forwarded from the caller.
    unsafe {
        boundary_err(err, || {
            let input = bytes(json, len)?;
            check_mut(out)?;
            let o = parse_outcome(input)?;
            out.write(outcome_to_c(&o));
            Ok(())
        })
    }
}

/// Scores the outcome of a closed complaint against its assessment (its
/// resolution deadline) and the policy's effect points, into `*out`.
///
/// Returns a `18x` code naming an invalid outcome field, a `15x`-`17x`
/// code naming an invalid assessment field, a `3xx` policy error
/// (`CT_ERR_POLICY_INCOHERENT` for a blob `ct_policy_validate` refuses) or
/// `CT_ERR_NULL_POINTER`, leaving `*out` untouched, on failure.
///
/// # Safety
/// `outcome`, `assessment` and `policy` must be NULL or point to readable,
/// initialised structs; `out` must be NULL or point to a writable `ct_effect`.
#[no_mangle]
pub unsafe extern "C" fn ct_evaluate_outcome(
    outcome: *const ct_outcome,
    assessment: *const ct_assessment,
    policy: *const ct_policy,
    out: *mut ct_effect,
) -> ct_result {
    boundary(|| {
        check(outcome)?;
        check(assessment)?;
        check_mut(out)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees the
        // structs are readable and initialised, and `out` writable.
        unsafe {
            let o = outcome_to_core(outcome)?;
            let a = crate::assessment::to_core(assessment)?;
            let p = policy_for_grading(policy)?;
            let effect = evaluate_outcome(&o, &a, p);
            out.write(effect_to_c(&effect));
        }
        Ok(())
    })
}

/// Writes `*effect` as JSON (what the core's `write_effect_json` writes)
/// followed by a NUL into `buf` of `cap` bytes; stores the length without
/// the NUL in `*written`. `CT_MAX_EFFECT_JSON` bytes always suffice.
///
/// Returns `CT_ERR_BUFFER_TOO_SMALL` (buffer untouched), a `19x` code
/// naming an invalid field, or `CT_ERR_NULL_POINTER` on failure.
///
/// # Safety
/// `effect` must be NULL or point to a readable `ct_effect`; `buf` must be
/// NULL or point to `cap` writable bytes; `written` must be NULL or point
/// to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn ct_effect_to_json(
    effect: *const ct_effect,
    buf: *mut c_char,
    cap: usize,
    written: *mut usize,
) -> ct_result {
    boundary(|| {
        check(effect)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is readable.
        let e = unsafe { effect_to_core(effect) }?;
        // SAFETY: forwarded from the caller.
        unsafe {
            write_json::<{ CT_MAX_EFFECT_JSON - 1 }>(buf, cap, written, |b| {
                write_effect_json(&e, b)
            })
        }
    })
}
